"""Staff's decisions on look-alike establishments (the Nghi trùng sheet): read, keyed and applied to suggestions."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Mapping

from . import messages as base_msg
from . import register_schema as rs
from .checks import Collector, in_sheet_order, locate_table, read_int, read_yes_no
from .findings import Finding
from .register_views import EstablishmentKey, Lookalike
from .tables import Rows


@dataclass(frozen=True)
class DecisionRow:
    """A filled row of Nghi trùng: are establishments first_id and second_id the same one?"""

    first_id: int
    second_id: int
    same: bool
    row: int
    id_cell: str  # Mã cơ sở 1, where an unknown establishment is pointed at
    cell: str  # the decision's cell


def decision_rows_from_rows(rows: Rows) -> tuple[list[DecisionRow], list[Finding]]:
    """The decided rows of Nghi trùng (a blank decision is no decision) and every finding."""
    out = Collector(rs.VIEW_DUPLICATES)
    table = locate_table(out, rows, rs.COL_SAME, rs.DECISION_HEADERS)
    found: list[DecisionRow] = []
    for record in table.records() if table is not None else ():
        if not record.text(rs.COL_SAME):
            continue
        same = read_yes_no(out, record.raw(rs.COL_SAME), record.cell(rs.COL_SAME), base_msg.field_name(rs.COL_SAME))
        first, second = (read_int(out, record.raw(h), record.cell(h), base_msg.field_name(h), low=1, example="12")
                         for h in (rs.COL_FIRST_ID, rs.COL_SECOND_ID))
        if None not in (same, first, second):
            found.append(DecisionRow(first, second, same, record.row_number, record.cell(rs.COL_FIRST_ID),
                                     record.cell(rs.COL_SAME)))
    return found, in_sheet_order(out.findings)


def stable_key(tax_code: str, name_key: str, commune_key: str) -> str:
    """How a decision names an establishment across re-adds: its tax number, else its folded name and commune."""
    return f"mst:{tax_code}" if tax_code else f"ten:{name_key}|{commune_key}"


def keys_of(item: EstablishmentKey) -> tuple[str, ...]:
    """Every key a decision may have used for an establishment (it may have gained a tax number since)."""
    by_name = stable_key("", item.name_key, item.commune_key)
    return (stable_key(item.tax_code, "", ""), by_name) if item.tax_code else (by_name,)


def decided_pairs(items: Iterable[EstablishmentKey], decisions: Iterable[tuple[str, str, bool]]
                  ) -> dict[frozenset[int], bool]:
    """{establishment ids of a pair: same?} for every stored decision whose two establishments are in items."""
    by_key: dict[str, set[int]] = {}
    for item in items:
        for key in keys_of(item):
            by_key.setdefault(key, set()).add(item.establishment_id)
    found: dict[frozenset[int], bool] = {}
    for first, second, same in decisions:
        for a in by_key.get(first, ()):
            for b in by_key.get(second, ()):
                if a != b:
                    found[frozenset((a, b))] = same
    return found


def apply_decisions(pairs: Iterable[Lookalike], decided: Mapping[frozenset[int], bool]) -> list[Lookalike]:
    """The suggestions less those a person rejected (Không); those confirmed (Có) marked as such."""
    out = []
    for pair in pairs:
        same = decided.get(frozenset((pair.first_id, pair.second_id)))
        if same is not False:
            out.append(replace(pair, confirmed=bool(same)))
    return out
