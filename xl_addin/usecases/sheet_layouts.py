"""How the sheets the tool writes look on screen and on paper: hidden memory, widths, formats, print setup."""

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
    schema.RES_RANK: 6, schema.COL_CODE: 10, schema.COL_NAME: 28, schema.COL_GROUP: 16,
    schema.COL_ESTABLISHMENT: 24, schema.RES_TOTAL: 8, schema.RES_JUDGES: 8, schema.RES_SPREAD: 7,
    schema.RES_PASSED: 8, schema.RES_STARS: 6, schema.RES_COUNCIL: 9, schema.RES_FORWARD: 9,
    schema.RES_CERT_NO: 14, schema.RES_VALID_UNTIL: 11, schema.RES_FLAGS: 40,
}
_WRAPPED = (schema.COL_NAME, schema.COL_GROUP, schema.COL_ESTABLISHMENT, schema.RES_FLAGS)
_CENTRED = (schema.RES_RANK, schema.RES_JUDGES, schema.RES_PASSED, schema.RES_STARS, schema.RES_COUNCIL,
            schema.RES_FORWARD, schema.RES_VALID_UNTIL)

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
        wrap_columns=[index[h] for h in _WRAPPED if h in index],
        center_columns=[index[h] for h in _CENTRED if h in index],
        banner_rows=(1, 2),
    )
