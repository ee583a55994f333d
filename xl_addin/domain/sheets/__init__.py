"""One module per sheet of the contest workbook and of a judge's workbook.

Each holds its sheet's reading (`*_from_rows`), its writing (`rows_from_*`) and its layout (header
row, widths, hidden columns, title); the checks that only check are in `domain/checks/`, and the
openpyxl or xlwings drawing is in the adapters.
"""
