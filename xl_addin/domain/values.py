"""Interpretation of raw cell values: text normalisation, numbers, choices, yes/no, dates."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable, Sequence

from . import schema


class ValueProblem(ValueError):
    """A cell value that cannot be read as the expected kind (turned into a finding by checks)."""


class Uncomputed:
    """A formula cell saved without its value (written by a program, never opened in Excel): reads as blank."""

    __slots__ = ("formula",)

    def __init__(self, formula: str):
        self.formula = formula

    def __str__(self) -> str:
        return ""

    def __repr__(self) -> str:
        return f"Uncomputed({self.formula!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Uncomputed) and other.formula == self.formula

    def __hash__(self) -> int:
        return hash(("Uncomputed", self.formula))


_normalize = unicodedata.normalize


def text(value: object) -> str:
    """The cell value as NFC text, trimmed; '' for blank cells."""
    if value.__class__ is str:  # most cells: the same as str(value) below, without the type tests
        return (value if value.isascii() else _normalize("NFC", value)).strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return format_date(value)
    return _normalize("NFC", str(value)).strip()


def is_blank(value: object) -> bool:
    """True for an empty cell or one holding only spaces."""
    if value is None:
        return True
    cls = value.__class__
    if cls is str and value.isascii():
        return not value or value.isspace()
    if cls is int or cls is float or cls is bool:  # a number's text is never blank
        return False
    return text(value) == ""


class _Unmarked(dict):
    """Character -> itself without diacritics (NFD with the combining marks left out), filled as met."""

    def __missing__(self, code: int) -> str:
        bare = "".join(ch for ch in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(ch))
        self[code] = bare
        return bare


_UNMARKED = _Unmarked()
_SPACES = re.compile(r"\s+")


def fold(value: object) -> str:
    """A comparison key: NFC, trimmed, case-folded, diacritics removed, spaces collapsed."""
    s = text(value).casefold().replace("đ", "d")
    # Character by character is the same as NFD of the whole: decomposition is per character, and
    # the canonical reordering it adds only moves combining marks, which are all left out.
    if not s.isascii():
        s = s.translate(_UNMARKED)
    return _SPACES.sub(" ", s)


def loose_key(value: object) -> str:
    """Like fold(), and also ignoring punctuation: for duplicate detection of names."""
    # fold() without its collapsing of spaces: a run of spaces is a run of other characters here too
    s = text(value).casefold().replace("đ", "d")
    return _NOT_ALNUM.sub(" ", s if s.isascii() else s.translate(_UNMARKED)).strip()


_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


class AmbiguousNumber(ValueProblem):
    """Text that reads as two different numbers: "1.000" is a thousand or one (a finding, never a guess)."""

    def __init__(self, typed: str, thousands: Decimal, decimal: Decimal):
        super().__init__(typed)
        self.typed, self.thousands, self.decimal = typed, thousands, decimal


_PLAIN = re.compile(r"^(\d*)(?:([.,])(\d*))?$")
_GROUPED = re.compile(r"^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$")  # 1.000.000 or 1,000,000


def number(value: object) -> Decimal | None:
    """The cell as an exact Decimal; None for blank; raises ValueProblem (AmbiguousNumber for "1.000").

    "8,5" and "8.5" are 8.5; "1.000.000", "1.234,5" and "1,234.5" have one reading only; a single
    separator followed by exactly three digits ("1.000", "12,500") could be either, so it is refused.
    """
    cls = value.__class__
    if cls is float and value - value == 0:  # finite: the usual number cell
        return Decimal(repr(value))
    if cls is int:
        return Decimal(value)
    if value is None or isinstance(value, bool):
        if value is None:
            return None
        raise ValueProblem(str(value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueProblem(str(value))
        # repr gives the shortest text that reads back as the same float: 8.5, not 8.4999…
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    typed = text(value)
    s = typed.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if s == "":
        return None
    negative = s.startswith("-")
    try:
        parsed = _unsigned(s[1:] if s[0] in "+-" else s, typed)
    except AmbiguousNumber as exc:
        if negative:
            raise AmbiguousNumber(typed, -exc.thousands, -exc.decimal) from None
        raise
    return -parsed if negative else parsed


def _unsigned(s: str, typed: str) -> Decimal:
    plain = _PLAIN.match(s)
    if plain and (plain.group(1) or plain.group(3)):
        whole, sep, frac = plain.groups()
        if sep and len(frac) == 3 and whole and len(whole) <= 3 and not whole.startswith("0"):
            raise AmbiguousNumber(typed, Decimal(whole + frac), Decimal(f"{whole}.{frac}"))
        return Decimal((whole or "0") + ("." + frac if frac else ""))
    if _GROUPED.match(s):
        return Decimal(re.sub(r"[.,]", "", s))
    both = re.match(r"^(.+)([.,])(\d*)$", s)  # thousands with one mark, decimals after the other
    if both and both.group(2) not in both.group(1):
        grouped, frac = both.group(1), both.group(3)
        if _GROUPED.match(grouped):
            return Decimal(re.sub(r"[.,]", "", grouped) + "." + (frac or "0"))
    raise ValueProblem(typed)


def integer(value: object) -> int | None:
    """The cell as a whole number; None for blank; raises ValueProblem for text or fractions."""
    d = number(value)
    if d is None:
        return None
    if d != d.to_integral_value():
        raise ValueProblem(text(value))
    return int(d)


def match_choice(value: object, options: Sequence[str], aliases: dict[str, str] | None = None) -> str | None:
    """The option the cell means, matched without case or diacritics when unambiguous; else None."""
    s = text(value)
    if s in options:
        return s
    key = fold(s)
    if aliases and key in aliases:
        return aliases[key]
    hits = [o for o in options if fold(o) == key]
    if len(hits) == 1:
        return hits[0]
    loose = loose_key(s)
    hits = [o for o in options if loose_key(o) == loose]
    return hits[0] if len(hits) == 1 else None


_YES_NO_ALIASES = {"co": schema.YES, "khong": schema.NO, "x": schema.YES, "yes": schema.YES, "no": schema.NO}


def yes_no(value: object) -> bool | None:
    """True for Có, False for Không, None for blank; raises ValueProblem for anything else."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    hit = match_choice(value, (schema.YES, schema.NO), _YES_NO_ALIASES)
    if hit is None:
        raise ValueProblem(text(value))
    return hit == schema.YES


def yes_no_text(flag: bool) -> str:
    """'Có' or 'Không'."""
    return schema.YES if flag else schema.NO


def date(value: object) -> dt.date | None:
    """The cell as a date (Excel date, 'dd/mm/yyyy' or ISO); None for blank; raises ValueProblem."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _serial_date(value)
    s = text(value)
    m = re.match(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", s)
    try:
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return dt.date.fromisoformat(s)
    except ValueError as exc:
        raise ValueProblem(s) from exc


_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIALS = (25569, 73051)  # 1/1/1970 … 31/12/2099: a date cell formatted as a plain number


def _serial_date(value: int | float) -> dt.date:
    """An Excel date serial (a date cell shown as a number) as a date; ValueProblem out of range."""
    if not (_SERIALS[0] <= value <= _SERIALS[1]):
        raise ValueProblem(text(value))
    return _EXCEL_EPOCH + dt.timedelta(days=int(value))


def vn_number(value: Decimal | float, places: int = 2) -> str:
    """A number the Vietnamese way, rounded half-up, with a decimal comma: 85.5 -> '85,50'."""
    q = Decimal(1).scaleb(-places)
    return f"{Decimal(str(value)).quantize(q, rounding=ROUND_HALF_UP):f}".replace(".", ",")


def vn_short(value: Decimal | int) -> str:
    """A number without trailing zeros, with a decimal comma: 70, 8,5."""
    return plain_number(value).replace(".", ",")


def plain_number(value: Decimal | int) -> str:
    """A number without trailing zeros, with a decimal point, as formulas and validation rules want it: 40, 8.5."""
    return f"{Decimal(value).normalize():f}"


def grouped(n: int) -> str:
    """A whole number with its thousands grouped by dots, the Vietnamese way: '1.800', '20.000'."""
    return f"{n:,}".replace(",", ".")


def format_date(value: dt.date) -> str:
    """dd/mm/yyyy, the way dates are written in Vietnamese documents' tables."""
    return value.strftime("%d/%m/%Y")


def split_codes(value: object) -> list[str]:
    """A comma/semicolon separated list of codes, trimmed, without blanks."""
    return [p.strip() for p in _CODE_SEPARATORS.split(text(value)) if p.strip()]


_CODE_SEPARATORS = re.compile(r"[,;\n]")


def dedupe(items: Iterable[str]) -> list[str]:
    """The items in order without repeats."""
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)
