"""Addresses as documents print them: abbreviations spelled out, no unit named twice."""

from __future__ import annotations

import functools
import re

from .values import fold

# Abbreviations of administrative units written at the start of a part ("TP. Bắc Giang").
ABBREVIATIONS = {
    "tp": "thành phố", "tx": "thị xã", "tt": "thị trấn", "h": "huyện", "q": "quận", "p": "phường",
    "x": "xã", "t": "tỉnh",
}
_ABBREVIATED = re.compile(r"^(TP|TX|TT|H|Q|P|X|T)\s*\.\s*(?=\S)", re.IGNORECASE)
UNIT_WORDS = ("thành phố", "thị xã", "thị trấn", "huyện", "quận", "phường", "xã", "tỉnh")
_UNITS_FOLDED = sorted(((fold(w), w) for w in UNIT_WORDS), key=lambda p: -len(p[0]))

# The kinds of unit each column of Đăng ký may name (a bare name there is one of these).
COMMUNE_UNITS = frozenset({"xã", "phường", "thị trấn"})
DISTRICT_UNITS = frozenset({"huyện", "quận", "thị xã", "thành phố"})
PROVINCE_UNITS = frozenset({"tỉnh", "thành phố"})
# Provinces that are centrally-run cities: "thành phố Hà Nội" names the province, not a district.
CENTRAL_CITIES = frozenset(fold(c) for c in ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"))


def expand(part: str) -> str:
    """A part with its leading abbreviation spelled out: 'TP. Bắc Giang' -> 'thành phố Bắc Giang'."""
    part = " ".join(part.split())
    m = _ABBREVIATED.match(part)
    return ABBREVIATIONS[m.group(1).lower()] + " " + part[m.end():] if m else part


@functools.lru_cache(maxsize=4096)
def unit_and_name(part: str) -> tuple[str | None, str]:
    """('thành phố', 'bac giang') for 'Thành phố Bắc Giang': the unit word (or None) and the folded name."""
    key = fold(expand(part))
    for folded, word in _UNITS_FOLDED:
        if key.startswith(folded + " "):
            return word, key[len(folded) + 1:].strip()
    return None, key


def _names_same_unit(earlier: str, part: str, kinds: frozenset[str]) -> bool:
    """True when an earlier part names the same unit as part (a column allowing the given kinds)."""
    unit, name = unit_and_name(earlier)
    own_unit, own_name = unit_and_name(part)
    if name != own_name:
        return False
    allowed = frozenset({own_unit}) if own_unit else kinds
    return unit is None or unit in allowed


def province_kinds(province: str) -> frozenset[str]:
    """The unit a province's bare name stands for: 'thành phố' for the centrally-run cities, else 'tỉnh'."""
    _, name = unit_and_name(province)
    return frozenset({"thành phố"}) if name in CENTRAL_CITIES else frozenset({"tỉnh"})


def join_address(address: str, commune: str, district: str, province: str) -> str:
    """The address, then the commune, district and province it does not already name, comma-separated."""
    parts = [expand(p) for p in address.split(",")] if address else []
    parts = [p for p in parts if p]
    columns = ((commune, COMMUNE_UNITS), (district, DISTRICT_UNITS), (province, province_kinds(province or "")))
    for value, kinds in columns:
        value = expand(value or "")
        if value and not any(_names_same_unit(earlier, value, kinds) for earlier in parts):
            parts.append(value)
            if value == expand(province or "") and unit_and_name(value)[0] is None:
                parts[-1] = f"{next(iter(kinds))} {value}"  # 'tỉnh Bắc Giang': the province never reads bare
    return ", ".join(parts)
