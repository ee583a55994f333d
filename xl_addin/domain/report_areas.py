"""The report's figures by area: districts and communes taking part, participation against the reference counts.

All areas are those on the reference list (Cơ sở CNNT) and those seen in registrations. Names
match after folding and without their kind ("huyện Việt Yên" is "Việt Yên", "xã Vân Hà" is "Vân Hà").
Since 07/2025 a registration may name no district: it is counted under a row of its own, which
is not an area.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter

from .register_records import Recognition, ReferenceCount, Registration
from .values import fold

NO_DISTRICT = "(không ghi huyện)"
_DISTRICT_KIND = re.compile(r"^(huyen|thi xa|thanh pho|tp\.?)\s+")
_COMMUNE_KIND = re.compile(r"^(xa|phuong|thi tran)\s+")


@lru_cache(maxsize=65536)  # the same few names recur in every registration
def district_key(name: str) -> str:
    """The comparison key of a district's name."""
    return _DISTRICT_KIND.sub("", fold(name)).strip()


@lru_cache(maxsize=65536)
def commune_key(district: str, commune: str) -> tuple[str, str]:
    """The comparison key of a commune (its district's key, its own)."""
    return district_key(district), _COMMUNE_KIND.sub("", fold(commune)).strip()


@dataclass(frozen=True)
class AreaRow:
    """One district: reference establishments, distinct establishments and products registered, recognised."""

    district: str
    reference: int | None
    establishments: int
    products: int
    recognised: int  # distinct products recognised at provincial level

    @property
    def rate(self) -> Decimal | None:
        """Establishments registered per 100 on the reference list, or None without a reference count."""
        return None if not self.reference else Decimal(self.establishments) * 100 / Decimal(self.reference)


@dataclass(frozen=True)
class AreaFigures:
    """Districts and communes of the period: rows, totals, those taking part and those that did not."""

    districts: tuple[AreaRow, ...]  # areas first (by name), then the row of registrations naming no district
    district_total: int
    districts_taking_part: int
    commune_total: int
    communes_taking_part: int
    reference_total: int  # establishments on the reference list, all areas
    idle_districts: tuple[str, ...]
    idle_communes: tuple[tuple[str, str], ...]  # (district, commune)


def _references(counts: tuple[ReferenceCount, ...]):
    """Reference establishments per district key and per commune key, and the names seen."""
    district_rows: dict[str, int] = {}
    commune_rows: dict[tuple[str, str], int] = {}
    names: dict[str, str] = {}
    commune_names: dict[tuple[str, str], tuple[str, str]] = {}
    for c in counts:
        key = district_key(c.district)
        if key:
            names.setdefault(key, c.district)
        if c.commune.strip():
            ckey = commune_key(c.district, c.commune)
            commune_rows[ckey] = c.establishments
            commune_names.setdefault(ckey, (c.district, c.commune))
        elif key:
            district_rows[key] = c.establishments
    per_district = dict(district_rows)
    for (dkey, _), n in commune_rows.items():
        if dkey not in district_rows:
            per_district[dkey] = per_district.get(dkey, 0) + n
    return per_district, commune_rows, names, commune_names


def area_figures(regs: list[Registration], recs: list[Recognition],
                 counts: tuple[ReferenceCount, ...]) -> AreaFigures:
    """The area figures of the period's registrations and provincial recognitions."""
    reference, commune_ref, names, commune_names = _references(counts)
    # Counted by the names as typed (a few hundred), then by their keys: one pass over the registrations.
    places: dict[tuple[str, str], tuple[set[int], set[int]]] = {}  # (district, commune) -> establishments, products
    for r in regs:
        place = places.get((r.district, r.commune))
        if place is None:
            place = places[(r.district, r.commune)] = (set(), set())
        place[0].add(r.establishment_id)
        place[1].add(r.product_id)
    by_district: dict[str, tuple[set[int], set[int]]] = {}
    communes_seen: set[tuple[str, str]] = set()
    for (district, commune), (establishments, products) in places.items():  # in the order first registered
        key = district_key(district)
        seen = by_district.setdefault(key, (set(), set()))
        seen[0].update(establishments)
        seen[1].update(products)
        if key:
            names.setdefault(key, district)
        if commune.strip():
            ckey = commune_key(district, commune)
            communes_seen.add(ckey)
            commune_names.setdefault(ckey, (district, commune))
    district_of = {r.product_id: r.district for r in sorted(regs, key=attrgetter("year"))}  # the latest registration
    recognised: dict[str, set[int]] = defaultdict(set)
    for r in recs:
        if r.level == "tinh":
            recognised[district_key(district_of.get(r.product_id, r.district))].add(r.product_id)
    keys = sorted(names, key=lambda k: fold(names[k]))
    rows = [_row(names[k], reference.get(k), by_district.get(k), recognised.get(k, set())) for k in keys]
    if "" in by_district:
        rows.append(_row(NO_DISTRICT, None, by_district[""], recognised.get("", set())))
    all_communes = set(commune_ref) | communes_seen
    idle_communes = sorted((commune_names[k] for k in all_communes - communes_seen), key=lambda n: (fold(n[0]), fold(n[1])))
    return AreaFigures(
        districts=tuple(rows),
        district_total=len(keys),
        districts_taking_part=sum(1 for k in keys if k in by_district),
        commune_total=len(all_communes),
        communes_taking_part=len(communes_seen),
        reference_total=sum(reference.values()),
        idle_districts=tuple(names[k] for k in keys if k not in by_district),
        idle_communes=tuple(idle_communes),
    )


def _row(name: str, reference: int | None, seen: tuple[set[int], set[int]] | None, recognised: set[int]) -> AreaRow:
    establishments, products = seen or ((), ())
    return AreaRow(name, reference, len(establishments), len(products), len(recognised))
