"""Checks of an establishment's contact details: tax code, phone numbers, e-mail addresses."""

from __future__ import annotations

import re

_TAX_CODE = re.compile(r"^\d{10}(?:-?\d{3})?$")

# Digits with spaces, dots, dashes or parentheses between them, optionally after a leading +.
_PHONE_SHAPE = re.compile(r"^\+?[(]?\d[\d\s.()\-]*$")
_PHONE_DIGITS = (
    re.compile(r"^0\d{9,10}$"),  # mobile (10 digits) or landline with its area code (11 digits)
    re.compile(r"^\+?84\d{9,10}$"),  # the same numbers in international form, without the 0
)

_PHONE_SEPARATORS = re.compile(r"[/,]")
_PHONE_MARKS = re.compile(r"[\s.()\-]")
_EMAIL_SEPARATORS = re.compile(r"[;,]")
_EMAIL = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$"
)


def check_tax_code(text: str) -> bool:
    """True for a business-registration/tax code: 10 or 13 digits, a dash allowed before the last 3."""
    return bool(_TAX_CODE.match(text.strip()))


_PLAIN_PHONE = re.compile(r"0\d{9,10}|\+?84\d{9,10}")  # one number typed without marks: most cells


def check_phone(text: str) -> bool:
    """True when every number (separated by '/' or ',') is a Vietnamese mobile or landline number."""
    return _PLAIN_PHONE.fullmatch(text) is not None or each_phone(text)


def each_phone(text: str) -> bool:
    """check_phone the long way: each number split off, its shape and digits checked."""
    parts = [p.strip() for p in _PHONE_SEPARATORS.split(text)]
    numbers = [p for p in parts if p]
    return bool(numbers) and all(_one_phone(p) for p in numbers)


def _one_phone(part: str) -> bool:
    if not _PHONE_SHAPE.match(part) or part.count("(") != part.count(")"):
        return False
    digits = _PHONE_MARKS.sub("", part)
    mobile, international = _PHONE_DIGITS
    return bool(mobile.match(digits) or international.match(digits))


def check_email(text: str) -> bool:
    """True when every address (separated by ';' or ',') looks like name@domain.tld."""
    parts = [p.strip() for p in _EMAIL_SEPARATORS.split(text)]
    addresses = [p for p in parts if p]
    return bool(addresses) and all(_EMAIL.match(a) for a in addresses)
