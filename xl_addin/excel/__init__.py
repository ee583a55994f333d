"""xlwings adapters: the entry points RunPython, the ribbon and xlwings Server call."""
