"""Ordering products by official total and tie-break cascade; ranks, quota and forwarding (SPEC §2)."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Mapping, Protocol, Sequence, TypeVar

from .exact import Ratio

_ZERO = Ratio(0)


class Rankable(Protocol):
    """What ordering needs of a product: its code, official total and exact criterion means."""

    @property
    def code(self) -> str: ...

    @property
    def total(self) -> Decimal: ...

    @property
    def means(self) -> Mapping[str, Ratio]: ...


R = TypeVar("R", bound=Rankable)


def sort_key(item: Rankable, tie_break: Sequence[str]) -> tuple:
    """Official total descending, then each tie-break mean descending, then product code."""
    cascade = tuple(-item.means.get(code, _ZERO) for code in tie_break)
    return (-item.total, *cascade, item.code)


def ranked_order(items: Sequence[R], tie_break: Sequence[str]) -> list[R]:
    """The items in ranking order (the order of sort_key)."""
    # sort_key's order with integers for the means: each mean over one common denominator, so
    # the sort compares ints, not rationals.
    means = [[item.means.get(code, _ZERO) for code in tie_break] for item in items]
    common = math.lcm(*{m.denominator for row in means for m in row})
    keys = [(-item.total, *[-(m.numerator * (common // m.denominator)) for m in row], item.code)
            for item, row in zip(items, means)]
    return [items[i] for i in sorted(range(len(items)), key=keys.__getitem__)]


def competition_ranks(totals: Sequence[Decimal]) -> list[int]:
    """Ranks of totals given in descending order; equal totals share a rank (1, 2, 2, 4)."""
    ranks: list[int] = []
    for i, total in enumerate(totals):
        ranks.append(ranks[-1] if i and total == totals[i - 1] else i + 1)
    return ranks


def fully_tied(a: Rankable, b: Rankable, tie_break: Sequence[str]) -> bool:
    """True when neither the total nor any tie-break mean tells the two products apart."""
    return sort_key(a, tie_break)[:-1] == sort_key(b, tie_break)[:-1]


def council_selection(
    ordered: Sequence[Rankable], passed: Sequence[bool], quota: int | None, tie_break: Sequence[str]
) -> tuple[list[bool], list[int]]:
    """The council pre-fill (passed and within the quota) and the indexes fully tied at the cut-off."""
    eligible = [i for i, ok in enumerate(passed) if ok]
    if quota is None or len(eligible) <= quota:
        return [bool(ok) for ok in passed], []
    if quota <= 0:
        return [False] * len(ordered), []
    last = ordered[eligible[quota - 1]]
    chosen = eligible[:quota] + [i for i in eligible[quota:] if fully_tied(ordered[i], last, tie_break)]
    tied: list[int] = []
    if len(chosen) > quota:
        tied = [i for i in eligible if fully_tied(ordered[i], last, tie_break)]
    selected = set(chosen)
    return [i in selected for i in range(len(ordered))], tied


def forward_selection(council: Sequence[bool], forward_count: int | None) -> list[bool]:
    """The first `forward_count` council-proposed products in order; none when the count is unset."""
    picked: list[bool] = []
    remaining = forward_count or 0
    for proposed in council:
        take = bool(proposed) and remaining > 0
        picked.append(take)
        remaining -= take
    return picked
