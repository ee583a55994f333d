"""Use cases: one function per action, called alike by the CLI and the Excel entry points."""
