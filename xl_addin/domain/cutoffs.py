"""Notes on the products at a quota or forwarding cut-off: which rule decided, with the numbers compared."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal
from typing import Mapping, Sequence

from . import score_messages as msg
from .exact import Ratio, as_ratio, round_half_up
from .ranking import Rankable, fully_tied

_ZERO = Ratio(0)


def cut_off_notes(ordered: Sequence[Rankable], ranks: Sequence[int], selected: Sequence[bool],
                  candidates: Sequence[bool], limit: int | None, cut: str, tie_break: Sequence[str],
                  outcomes: tuple[str, str]) -> dict[str, str]:
    """Product code -> note for the last candidate inside the limit and the first one outside it.

    `candidates` are the products competing for the `limit` places (those that passed, or those the
    council proposes), `selected` the ones that got a place; nothing is noted when every candidate
    fits, or when the two are fully tied (then all of them are selected and a tie warning says so).
    """
    pool = [i for i, ok in enumerate(candidates) if ok]
    if not limit or limit <= 0 or len(pool) <= limit:
        return {}
    inside, outside = pool[limit - 1], pool[limit]
    a, b = ordered[inside], ordered[outside]
    if not selected[inside] or selected[outside] or fully_tied(a, b, tie_break):
        return {}
    return {
        a.code: _note(a, b, ranks[inside], cut, tie_break, outcomes[0]),
        b.code: _note(b, a, ranks[outside], cut, tie_break, outcomes[1]),
    }


def _note(mine: Rankable, other: Rankable, rank: int, cut: str, tie_break: Sequence[str], outcome: str) -> str:
    """The note of one side of the cut-off, compared with the product on the other side."""
    if mine.total != other.total:
        side = msg.CUT_HIGHER if mine.total > other.total else msg.CUT_LOWER
        return msg.CUT_BY_TOTAL.format(cut=cut, total=msg.points(mine.total), side=side, other=other.code,
                                       other_total=msg.points(other.total), outcome=outcome)
    for code in tie_break:
        m, o = mine.means.get(code, _ZERO), other.means.get(code, _ZERO)
        if m != o:
            shown = _means(m, o)
            return msg.CUT_BY_MEAN.format(cut=cut, total=msg.points(mine.total), other=other.code, rank=rank,
                                          criterion=code, mine=shown[0], theirs=shown[1], outcome=outcome)
    return msg.CUT_BY_CODE.format(cut=cut, other=other.code, total=msg.points(mine.total), outcome=outcome)


def _means(m: Ratio, o: Ratio) -> tuple[str, str]:
    """Two exact means as Kết quả shows them (2 decimals), with 4 when 2 would hide the gap."""
    places = 2 if round_half_up(m) != round_half_up(o) else 4
    return tuple(msg.points(round_half_up(v, places), places) for v in (m, o))  # type: ignore[return-value]


@dataclass(frozen=True)
class _Ranked:
    """A computed result seen as ranking sees it (exact means as Ratios)."""

    code: str
    total: Decimal
    means: Mapping[str, Ratio]


def forward_notes_for(results: Sequence, council: Sequence[bool], forward: Sequence[bool],
                      forward_count: int | None, tie_break: Sequence[str]) -> dict[str, str]:
    """The forwarding cut-off notes for the council's proposals as they stand (a person's edits included)."""
    ranked = [_Ranked(r.code, r.total, {k: as_ratio(v) for k, v in r.criterion_means.items()}) for r in results]
    return cut_off_notes(ranked, [r.rank for r in results], forward, council, forward_count,
                         msg.CUT_FORWARD.format(n=forward_count), tie_break,
                         (msg.CUT_IN_FORWARD, msg.CUT_OUT_FORWARD))


def is_forward_note(flag: str, forward_count: int | None) -> bool:
    """True for a forwarding cut-off note (recomputed when the council's column changes)."""
    return flag.startswith(_forward_note_start(forward_count))


@lru_cache(maxsize=8)
def _forward_note_start(forward_count: int | None) -> str:
    return msg.CUT_BY_TOTAL.split("{cut}")[0] + msg.CUT_FORWARD.format(n=forward_count)
