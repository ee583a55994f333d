"""binhchon: the selection of typical rural industrial products, in Excel and on the command line."""

__version__ = "0.1.0"
