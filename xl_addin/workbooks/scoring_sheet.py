"""A judge's Phiếu chấm sheet as worksheet XML: header block, score table, validations, protection, print.

Built once per contest (the product rows, the total row, the validations and the print setup are the
same for every judge); each judge's sheet joins those pieces with the judge's header line, greyed
rows and signature. Its rows, texts and sizes are in `domain/sheets/scoresheet_layout.py`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable, Mapping, Sequence

from ..domain.models import Registration
from ..domain.rules import Criterion, fmt_points
from ..domain.sheets.scoresheet_layout import (
    CONFLICT_COMMENT, DATA_ROW_HEIGHT, FIRST_DATA_ROW, FOOTER_TOTAL, HEADER_ROW, HEADER_ROW_HEIGHT, ITEM_WIDTH,
    LEAD_HEADERS, LEAD_WIDTHS, SCORE_ERROR, SCORE_ERROR_TITLE, SCORE_PROMPT, SIGNATURE_SPACE_ROWS, TAIL_WIDTHS,
    scoring_headers,
)
from . import judge_parts as parts
from .sheet_writer import PAGE_FOOTER, cell_xml
from .sheet_xml import MAIN, column_letter

_BLOCK_STYLES = (parts.TITLE_13, parts.TITLE_16, parts.LINE, parts.LINE, parts.INSTRUCTIONS)
_INSTRUCTIONS_HEIGHT = 48
_TOTAL_ROW_HEIGHT = 20
_FIT = ' fitToPage="1"'
BLOCK_ROWS = 250  # product rows compressed together, once for all judges when none of them is greyed
# (style of the number, of the texts and item cells, of the total, of the comment) for plain and greyed rows
_PLAIN = (parts.NUMBER, parts.TEXT, parts.SCORE, parts.BOLD, parts.SCORE)
_GREY = (parts.GREY_NUMBER, parts.GREY_TEXT, parts.GREY_TEXT, parts.GREY_BOLD, parts.GREY_TEXT)


def total_formula(items: Sequence[Criterion], caps: Mapping[str, Decimal]) -> str:
    """The Tổng điểm formula with {r} for the row: a plain SUM, or each criterion's sub-items capped."""
    first = len(LEAD_HEADERS) + 1
    span = f"{column_letter(first)}{{r}}:{column_letter(first + len(items) - 1)}{{r}}"
    if not any(item.parent for item in items):
        return f'=IF(COUNT({span})=0,"",SUM({span}))'
    terms, i = [], 0
    while i < len(items):
        j = i + 1
        while items[i].parent and j < len(items) and items[j].parent == items[i].parent:
            j += 1
        a, b = column_letter(first + i), column_letter(first + j - 1)
        cap = caps.get(items[i].parent) if items[i].parent else None
        terms.append(f"MIN(SUM({a}{{r}}:{b}{{r}}),{fmt_points(cap)})" if cap is not None else f"SUM({a}{{r}}:{b}{{r}})")
        i = j
    return f'=IF(COUNT({span})=0,"",SUM({",".join(terms)}))'


class ScoringSheet:
    """The Phiếu chấm sheet of one contest's products and criteria, as XML pieces joined per judge.

    Its size (dimension, print area) counts the signature block under the table, which every judge's sheet has."""

    def __init__(self, items: Sequence[Criterion], registrations: Iterable[Registration],
                 caps: Mapping[str, Decimal] | None = None):
        self.items, self.caps = tuple(items), caps or {}
        self.headers = scoring_headers(self.items)
        self.width = len(self.headers)
        self.last = column_letter(self.width)
        self._letters = [column_letter(c) for c in range(1, self.width + 1)]
        self.products = sorted(registrations, key=lambda r: r.code)
        self._codes = [r.code for r in self.products]
        self.last_row = FIRST_DATA_ROW + max(len(self.products), 1) - 1
        self.sign_row = self.last_row + 3
        self.max_row = self.sign_row + 3 + SIGNATURE_SPACE_ROWS
        self._formula = total_formula(self.items, self.caps)
        self._rows = [self._product_row(i, False) for i in range(len(self.products))]
        self._plain = ["".join(self._rows[i:i + BLOCK_ROWS]).encode() for i in range(0, len(self._rows), BLOCK_ROWS)]
        self._grey: dict[int, str] = {}
        self._prefix, self._header = self._start(), self._header_row()
        self._tail = self._total_row()

    def print_names(self) -> list[tuple[str, str]]:
        """The sheet's print titles and print area, as defined names of the workbook."""
        sheet = "'Phiếu chấm'"
        return [("_xlnm.Print_Titles", f"{sheet}!${HEADER_ROW}:${HEADER_ROW}"),
                ("_xlnm.Print_Area", f"{sheet}!$A$1:${self.last}${max(self.max_row, FIRST_DATA_ROW)}")]

    def chunks(self, lines: Sequence[str], conflicts: frozenset[str],
               footer: Sequence[str]) -> list[tuple[object, bytes]]:
        """One judge's worksheet part (header lines, greyed conflicted rows, signature) as (key, bytes) chunks
        in order; a chunk with a key is alike in every judge's sheet."""
        merges = [f"A{r}:{self.last}{r}" for r in range(1, min(len(lines), 5) + 1)]
        merges.append(f"A{self.last_row + 1}:{column_letter(len(LEAD_HEADERS))}{self.last_row + 1}")
        out: list[tuple[object, bytes]] = [(None, (parts.DECLARATION + self._prefix + self._block(lines)
                                                    + self._header).encode())]
        for number, start in enumerate(range(0, len(self.products), BLOCK_ROWS)):
            span = range(start, min(start + BLOCK_ROWS, len(self.products)))
            if not conflicts.isdisjoint(self._codes[start:span.stop]):
                rows = (self._grey_row(i) if self.products[i].code in conflicts else self._rows[i] for i in span)
                out.append((None, "".join(rows).encode()))
            else:
                out.append((("rows", number), self._plain[number]))
        signature = self._signature(footer, merges)
        out.append((None, (self._tail + signature + "</sheetData>" + self._suffix(merges)).encode()))
        return out

    def _start(self) -> str:
        widths = LEAD_WIDTHS + (ITEM_WIDTH,) * len(self.items) + TAIL_WIDTHS
        cols = "".join(f'<col width="{w:g}" customWidth="1" min="{c}" max="{c}"/>'
                       for c, w in enumerate(widths, start=1))
        top = f"A{FIRST_DATA_ROW}"
        return (f'<worksheet xmlns="{MAIN}">{parts.SHEET_PR.format(fit=_FIT)}'
                f'<dimension ref="A1:{self.last}{self.max_row}"/><sheetViews><sheetView workbookViewId="0">'
                f'<pane ySplit="{HEADER_ROW}" topLeftCell="{top}" activePane="bottomLeft" state="frozen"/>'
                '<selection pane="bottomLeft" activeCell="A1" sqref="A1"/></sheetView></sheetViews>'
                f'{parts.SHEET_FORMAT}<cols>{cols}</cols><sheetData>')

    def _block(self, lines: Sequence[str]) -> str:
        """Rows 1-5: the council, the title, the year, the judge, the instructions (the last one taller)."""
        out = []
        for r, (line, style) in enumerate(zip(lines, _BLOCK_STYLES), start=1):
            height = f' ht="{_INSTRUCTIONS_HEIGHT}" customHeight="1"' if r == len(lines) else ""
            out.append(f'<row r="{r}"{height}>{parts.value_cell(f"A{r}", line, style)}</row>')
        return "".join(out)

    def _header_row(self) -> str:
        cells = "".join(parts.value_cell(f"{column_letter(c)}{HEADER_ROW}", h, parts.HEADER)
                        for c, h in enumerate(self.headers, start=1))
        return f'<row r="{HEADER_ROW}" ht="{HEADER_ROW_HEIGHT}" customHeight="1">{cells}</row>'

    def _product_row(self, index: int, grey: bool) -> str:
        reg, row, letters = self.products[index], FIRST_DATA_ROW + index, self._letters
        number, texts, item, total, comment = _GREY if grey else _PLAIN
        cells = [f'<c r="A{row}" s="{number}"><v>{index + 1}</v></c>']
        cells += [parts.value_cell(f"{letters[c]}{row}", v, texts) for c, v in ((1, reg.code), (2, reg.name),
                                                                                 (3, reg.group))]
        first = len(LEAD_HEADERS)
        cells += [f'<c r="{letters[c]}{row}" s="{item}"/>' for c in range(first, first + len(self.items))]
        formula = parts.text(self._formula.format(r=row)[1:])
        cells.append(f'<c r="{letters[first + len(self.items)]}{row}" s="{total}"><f>{formula}</f><v></v></c>')
        cells.append(cell_xml(f"{letters[-1]}{row}", CONFLICT_COMMENT if grey else None, comment))
        return f'<row r="{row}" ht="{DATA_ROW_HEIGHT}" customHeight="1">{"".join(cells)}</row>'

    def _grey_row(self, index: int) -> str:
        if index not in self._grey:
            self._grey[index] = self._product_row(index, True)
        return self._grey[index]

    def _total_row(self) -> str:
        """Tổng cộng: each column's maximum and the 100 points of the whole (locked, nothing to type)."""
        row = self.last_row + 1
        top = sum(self.caps.values(), Decimal(0)) if self.caps else sum((i.max_points for i in self.items), Decimal(0))
        values = [FOOTER_TOTAL, None, None, None] + [Decimal(fmt_points(i.max_points)) for i in self.items]
        values += [Decimal(fmt_points(top)), None]
        cells = "".join(cell_xml(f"{column_letter(c)}{row}", v, parts.BOLD) for c, v in enumerate(values, start=1))
        return f'<row r="{row}" ht="{_TOTAL_ROW_HEIGHT}" customHeight="1">{cells}</row>'

    def _signature(self, lines: Sequence[str], merges: list[str]) -> str:
        """The signature block on the right half of the page, as official forms put it."""
        first = column_letter(max(self.width // 2, 1) + 1)
        row = self.sign_row
        rows = (row, row + 1, row + 2, row + 3 + SIGNATURE_SPACE_ROWS)
        out = []
        for r, line, style in zip(rows, lines, (parts.SIGN_ITALIC, parts.SIGN_BOLD) * 2):
            out.append(f'<row r="{r}">{parts.value_cell(f"{first}{r}", line, style)}</row>')
            merges.append(f"{first}{r}:{self.last}{r}")
        return "".join(out)

    def _suffix(self, merges: list[str]) -> str:
        spans = "".join(f'<mergeCell ref="{ref}"/>' for ref in merges)
        return (f'{parts.sheet_protection(format_rows_and_columns=True)}'
                f'<mergeCells count="{len(merges)}">{spans}</mergeCells>{self._validations()}'
                '<pageMargins left="0.4" right="0.4" top="1" bottom="1" header="0.5" footer="0.5"/>'
                '<pageSetup orientation="landscape" paperSize="9" fitToHeight="0" fitToWidth="1"/>'
                f'<headerFooter><oddFooter>{parts.text(PAGE_FOOTER)}</oddFooter></headerFooter></worksheet>')

    def _validations(self) -> str:
        """One decimal validation per criterion column: 0 to its maximum, blank allowed."""
        out = []
        for offset, item in enumerate(self.items):
            letter = column_letter(len(LEAD_HEADERS) + 1 + offset)
            top = fmt_points(item.max_points)
            out.append(
                f'<dataValidation sqref="{letter}{FIRST_DATA_ROW}:{letter}{self.last_row}" showDropDown="0" '
                'showInputMessage="1" showErrorMessage="1" allowBlank="1" '
                f'errorTitle="{parts.attr(SCORE_ERROR_TITLE)}" '
                f'error="{parts.attr(SCORE_ERROR.format(code=item.code, max=top))}" '
                f'promptTitle="{parts.attr(item.code[:32])}" prompt="{parts.attr(SCORE_PROMPT.format(max=top))}" '
                f'type="decimal" errorStyle="stop" operator="between"><formula1>0</formula1>'
                f'<formula2>{top}</formula2></dataValidation>')
        return f'<dataValidations count="{len(out)}">{"".join(out)}</dataValidations>' if out else ""
