"""openpyxl adapters: build templates, read sheets into plain rows, write results back."""
