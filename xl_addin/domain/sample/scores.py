"""Judges' scores of the sample programme: a target per product, judge bias, small noise, exact fixes."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Sequence

from ..models import Judge, Registration
from . import names

HALF = Decimal("0.5")
MAX_POINTS = {"TC1": Decimal(40), "TC2": Decimal(40), "TC3": Decimal(10), "TC4": Decimal(10)}
WEIGHTS = {"TC1": 0.4, "TC2": 0.4, "TC3": 0.1, "TC4": 0.1}
CRITERION_NOISE = {"TC1": 1.2, "TC2": 1.2, "TC3": 0.4, "TC4": 0.4}
JUDGE_NOISE = 0.9

# How far each judge's total sits from the product's target; GK04 is the harsh one,
# about 12 points under the others' mean.
JUDGE_BIAS = {"GK01": 2.0, "GK02": 2.3, "GK03": 2.6, "GK04": -8.8, "GK05": 2.3}
HARSH_JUDGE = "GK04"

# GK02 advised the Mai Đình cooperative, so declares a conflict and does not score its rice.
CONFLICT = ("GK02", "Gạo nếp cái hoa vàng Mai Đình")
# The carved wooden picture splits the panel: GK03 loves it, GK04 sees no market.
DISPUTED = "Tranh gỗ chạm khắc phong cảnh"
DISPUTE_OFFSETS = {"GK03": 10.0, "GK04": -8.0}
# Two products land exactly on the pass mark; the TC1 mean orders them.
TIED = ("Miến dong Tân Thịnh", "Máy băm thái rau, chuối làm thức ăn chăn nuôi")
JUST_FAILS = "Cổng sắt mỹ thuật"

# Mean totals pinned exactly; the conflicted product has four judges, so 312.5 / 4 = 78.125,
# which rounds half-up to 78.13 (half-even would give 78.12).
PINNED = {
    TIED[0]: Decimal(70),
    TIED[1]: Decimal(70),
    JUST_FAILS: Decimal("69.6"),
    CONFLICT[1]: Decimal("78.125"),
    DISPUTED: Decimal(74),
}
LOWEST, HIGHEST = 57, 92  # the other products' targets are spread evenly over this range

Cells = dict[str, Decimal]


def sample_scores(
    registrations: Sequence[Registration], judges: Sequence[Judge], rng: random.Random
) -> tuple[dict[str, dict[str, Cells]], dict[str, dict[str, str]]]:
    """Every judge's scores (judge -> product -> criterion -> points) and some remarks."""
    targets = _targets([r.name for r in registrations], rng)
    scores: dict[str, dict[str, Cells]] = {j.code: {} for j in judges}
    for reg in registrations:
        panel = [j.code for j in judges if reg.code not in j.conflicts]
        cells = {judge: _judge_cells(reg.name, judge, targets[reg.name], rng) for judge in panel}
        _fit_sum(cells, _half(targets[reg.name] * len(panel)))
        for judge, judge_cells in cells.items():
            scores[judge][reg.code] = judge_cells
    by_name = {r.name: r.code for r in registrations}
    _separate_tc1(scores, by_name[TIED[0]], by_name[TIED[1]])
    # Rewrite 17.0 as 17 so the points read the way a judge types them.
    tidy = {judge: {code: {c: _half(v) for c, v in cells.items()} for code, cells in products.items()}
            for judge, products in scores.items()}
    return tidy, _comments(tidy, by_name[DISPUTED], rng)


def _targets(product_names: Sequence[str], rng: random.Random) -> dict[str, Decimal]:
    """Each product's intended official total: pinned ones exactly, the rest evenly spread and shuffled."""
    free = [n for n in product_names if n not in PINNED]
    step = (HIGHEST - LOWEST) / (len(free) - 1)
    levels = [Decimal(round((LOWEST + i * step) * 10)) / 10 for i in range(len(free))]
    # Only the pinned pair may sit exactly on the pass mark.
    levels = [level + Decimal("0.3") if level == 70 else level for level in levels]
    rng.shuffle(levels)
    return {**dict(zip(free, levels)), **PINNED}


def _judge_cells(product: str, judge: str, target: Decimal, rng: random.Random) -> Cells:
    """One judge's criterion scores around the target, shifted by the judge's bias."""
    total = float(target) + JUDGE_BIAS[judge] + rng.uniform(-JUDGE_NOISE, JUDGE_NOISE)
    if product == DISPUTED:
        total += DISPUTE_OFFSETS.get(judge, 0.0)
    return {
        code: _clamp(_half(total * weight + rng.uniform(-CRITERION_NOISE[code], CRITERION_NOISE[code])), code)
        for code, weight in WEIGHTS.items()
    }


def _fit_sum(cells: dict[str, Cells], target_sum: Decimal) -> None:
    """Move half points, judge by judge in turn, until the judges' totals add up to target_sum."""
    judges = sorted(cells)
    turn = 0
    while (gap := target_sum - sum(sum(c.values()) for c in cells.values())) != 0:
        step = HALF if gap > 0 else -HALF
        judge_cells = cells[judges[turn % len(judges)]]
        code = _roomiest(judge_cells, step)
        if code is not None:
            judge_cells[code] += step
        turn += 1


def _roomiest(cells: Cells, step: Decimal) -> str | None:
    """The criterion with the most room (relative to its maximum) for a step up or down."""
    def room(code: str) -> Decimal:
        return (MAX_POINTS[code] - cells[code] if step > 0 else cells[code]) / MAX_POINTS[code]

    best = max(cells, key=room)
    return best if room(best) > 0 else None


def _separate_tc1(scores: dict[str, dict[str, Cells]], first: str, second: str) -> None:
    """Make the two tied products' TC1 means differ (moving half a point to TC2 keeps the total)."""
    def tc1_sum(code: str) -> Decimal:
        return sum(s[code]["TC1"] for s in scores.values() if code in s)

    if tc1_sum(first) != tc1_sum(second):
        return
    for judge_scores in scores.values():
        cells = judge_scores.get(second)
        if cells and cells["TC1"] > 0 and cells["TC2"] < MAX_POINTS["TC2"]:
            cells["TC1"] -= HALF
            cells["TC2"] += HALF
            return


def _comments(
    scores: dict[str, dict[str, Cells]], disputed: str, rng: random.Random
) -> dict[str, dict[str, str]]:
    """Short remarks on about a quarter of the scores, worded by how the judge rated the product."""
    comments: dict[str, dict[str, str]] = {judge: {} for judge in scores}
    for judge, products in scores.items():
        for code, cells in products.items():
            if rng.random() < 0.25:
                comments[judge][code] = rng.choice(_bank(sum(cells.values())))
    comments["GK03"][disputed] = names.DISPUTE_COMMENTS["high"]
    comments[HARSH_JUDGE][disputed] = names.DISPUTE_COMMENTS["low"]
    return comments


def _bank(total: Decimal) -> tuple[str, ...]:
    """The remarks that fit a judge's total."""
    if total >= 80:
        return names.COMMENTS_HIGH
    return names.COMMENTS_MIDDLE if total >= 65 else names.COMMENTS_LOW


def _half(value: float | Decimal) -> Decimal:
    """The value rounded to the nearest half point."""
    return Decimal(round(float(value) * 2)) / 2


def _clamp(value: Decimal, code: str) -> Decimal:
    """The value kept within 0…max of the criterion."""
    return min(max(value, Decimal(0)), MAX_POINTS[code])
