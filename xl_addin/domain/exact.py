"""Exact arithmetic for scoring without fractions.Fraction: exact Decimal sums, a small rational, half-up rounding.

Scores are Decimals; a mean is an exact Decimal sum over a count. `Ratio` holds such a number as a
reduced integer fraction (what Fraction holds) with a fraction of Fraction's cost: no
numbers-tower dispatch, no isinstance chain, one gcd. Sums run in `EXACT`, a Decimal context wide
enough that adding, subtracting and multiplying Decimals never rounds (Inexact is trapped, so a
rounding could never pass silently).
"""

from __future__ import annotations

import sys
from decimal import (MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal, Inexact, InvalidOperation, getcontext,
                     localcontext)
from math import gcd
from typing import Iterable, Union

EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[InvalidOperation, Inexact])
ZERO_D = Decimal(0)
_HASH_MODULUS = sys.hash_info.modulus
_HASH_INF = sys.hash_info.inf


class Ratio:
    """An exact rational number numerator/denominator, reduced, denominator > 0; ordered and hashable."""

    __slots__ = ("numerator", "denominator")

    def __init__(self, numerator: int, denominator: int = 1) -> None:
        if denominator <= 0:
            if denominator == 0:
                raise ZeroDivisionError("Ratio with denominator 0")
            numerator, denominator = -numerator, -denominator
        g = gcd(numerator, denominator)
        if g != 1:
            numerator //= g
            denominator //= g
        self.numerator = numerator
        self.denominator = denominator

    @classmethod
    def of(cls, value: Decimal | int, count: int = 1) -> Ratio:
        """value / count, exactly (a mean from an exact sum and the number of values)."""
        num, den = value.as_integer_ratio()
        return cls(num, den * count)

    @classmethod
    def _reduced(cls, numerator: int, denominator: int) -> Ratio:
        """A Ratio from a numerator and denominator already reduced, without the gcd."""
        r = object.__new__(cls)
        r.numerator, r.denominator = numerator, denominator
        return r

    def __repr__(self) -> str:
        return f"Ratio({self.numerator}, {self.denominator})"

    def __neg__(self) -> Ratio:
        return Ratio._reduced(-self.numerator, self.denominator)

    def __abs__(self) -> Ratio:
        return self if self.numerator >= 0 else Ratio._reduced(-self.numerator, self.denominator)

    def __add__(self, other: Number) -> Ratio:
        o = as_ratio(other)
        return Ratio(self.numerator * o.denominator + o.numerator * self.denominator, self.denominator * o.denominator)

    __radd__ = __add__

    def __sub__(self, other: Number) -> Ratio:
        return self + -as_ratio(other)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Ratio:
            if not isinstance(other, (int, Decimal)) or isinstance(other, bool):
                return NotImplemented
            other = as_ratio(other)
        return self.numerator == other.numerator and self.denominator == other.denominator

    def __lt__(self, other: Number) -> bool:
        o = other if other.__class__ is Ratio else as_ratio(other)
        return self.numerator * o.denominator < o.numerator * self.denominator

    def __le__(self, other: Number) -> bool:
        o = other if other.__class__ is Ratio else as_ratio(other)
        return self.numerator * o.denominator <= o.numerator * self.denominator

    def __gt__(self, other: Number) -> bool:
        o = other if other.__class__ is Ratio else as_ratio(other)
        return self.numerator * o.denominator > o.numerator * self.denominator

    def __ge__(self, other: Number) -> bool:
        o = other if other.__class__ is Ratio else as_ratio(other)
        return self.numerator * o.denominator >= o.numerator * self.denominator

    def __hash__(self) -> int:
        """Python's numeric hash, so a Ratio hashes like the equal int, Decimal or Fraction."""
        try:
            inverse = pow(self.denominator, -1, _HASH_MODULUS)
        except ValueError:
            value = _HASH_INF
        else:
            value = hash(hash(abs(self.numerator)) * inverse)
        result = value if self.numerator >= 0 else -value
        return -2 if result == -1 else result


Number = Union[Ratio, Decimal, int]


def as_ratio(value: Number) -> Ratio:
    """An int, a Decimal or a Ratio as a Ratio (exact)."""
    if value.__class__ is Ratio:
        return value  # type: ignore[return-value]
    num, den = value.as_integer_ratio()  # type: ignore[union-attr]
    return Ratio._reduced(num, den)  # as_integer_ratio is already in lowest terms


def exact_sum(values: Iterable[Decimal]) -> Decimal:
    """The sum of Decimals, never rounded."""
    with localcontext(EXACT):
        return sum(values, ZERO_D)


def mean(values: Iterable[Decimal]) -> Ratio:
    """The exact arithmetic mean; 0 for no values."""
    items = list(values)
    return Ratio.of(exact_sum(items), len(items)) if items else Ratio._reduced(0, 1)


def round_half_up(value: Ratio | Decimal | int, places: int = 2) -> Decimal:
    """The value rounded half away from zero to `places` decimals, exactly (69.995 -> 70.00)."""
    if isinstance(value, Decimal):
        return _half_up(*value.as_integer_ratio(), places)
    return _half_up(value.numerator, value.denominator, places)  # Ratio, int, and Fraction alike


def half_up_quotient(value: Decimal, count: int, places: int = 2) -> Decimal:
    """round_half_up(value / count) for a count > 0, without making the quotient."""
    num, den = value.as_integer_ratio()
    return _half_up(num, den * count, places)


def _half_up(num: int, den: int, places: int) -> Decimal:
    """num/den (den > 0, not necessarily reduced) rounded half away from zero, as a Decimal."""
    n = (2 * abs(num) * 10**places + den) // (2 * den)  # floor(|num/den| * 10^places + 1/2)
    return Decimal(-n if num < 0 else n).scaleb(-places)


def to_decimal(value: Ratio, context: Context | None = None) -> Decimal:
    """A Ratio as a Decimal (exact when it terminates, else 28 significant digits).

    The division runs in `context` when given (see decimal_context), else in the current context
    with 28 digits.
    """
    if context is None:
        context = decimal_context()
    return context.divide(Decimal(value.numerator), Decimal(value.denominator))


def decimal_context() -> Context:
    """The context to_decimal divides in: the current one with a precision of 28 digits."""
    context = getcontext().copy()
    context.prec = 28
    return context
