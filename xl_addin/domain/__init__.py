"""Pure-Python core: models, rules, parsing of cell values, checks, scoring. No Office library here."""
