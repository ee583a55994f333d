"""How the Kết quả sheet looks on screen and on paper: hidden memory, widths, formats, print setup."""

from __future__ import annotations

from typing import Sequence

from ..domain import schema
from ..domain.results_table import hidden_headers
from ..domain.rules import Rules
from ..ports import SheetLayout

RESULTS_HEADER_ROW = 4  # 1-based: title, rule statement, blank line, header
TWO_DECIMALS = "0.00"
CHOICES = (schema.YES, schema.NO)

_WIDTHS = {
    schema.RES_RANK: 6, schema.COL_CODE: 12, schema.COL_NAME: 40, schema.COL_GROUP: 24,
    schema.COL_ESTABLISHMENT: 36, schema.RES_TOTAL: 9, schema.RES_JUDGES: 9, schema.RES_SPREAD: 8,
    schema.RES_PASSED: 9, schema.RES_STARS: 7, schema.RES_COUNCIL: 10, schema.RES_FORWARD: 10,
    schema.RES_CERT_NO: 16, schema.RES_VALID_UNTIL: 12, schema.RES_FLAGS: 60,
}


def results_sheet_layout(header: Sequence[object], rules: Rules) -> SheetLayout:
    """The layout of a Kết quả sheet whose header row is `header`."""
    index = {str(h): i + 1 for i, h in enumerate(header) if h is not None}
    hidden = [index[h] for h in hidden_headers([str(h) for h in header if h is not None])]
    criteria = [c.code for c in rules.top_criteria]
    widths = {index[h]: w for h, w in _WIDTHS.items() if h in index}
    widths |= {index[c]: 8 for c in criteria if c in index}
    decimals = [*criteria, schema.RES_TOTAL, schema.RES_SPREAD]
    return SheetLayout(
        header_row=RESULTS_HEADER_ROW,
        hidden_columns=hidden,
        widths=widths,
        number_formats={index[h]: TWO_DECIMALS for h in decimals if h in index},
        choices={index[h]: CHOICES for h in (schema.RES_COUNCIL, schema.RES_FORWARD) if h in index},
        landscape=True,
        fit_to_width=True,
        repeat_header=True,
        wrap_header=True,
    )
