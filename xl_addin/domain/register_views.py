"""What the register answers a person: certificates and their status, an establishment's history, look-alikes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Iterable

from rapidfuzz import fuzz, process

from . import register_schema as rs
from .register_records import RegistrationRecord, RoundRecord


@dataclass(frozen=True)
class CertificateLine:
    """A recognition with its certificate, its establishment's address at registration and its status."""

    establishment_id: int
    establishment_name: str
    tax_code: str
    product_id: int
    product_code: str
    product_name: str
    group: str
    level: str
    year: int
    decision_no: str = ""
    decision_date: dt.date | None = None
    cert_no: str = ""
    issued: dt.date | None = None
    valid_until: dt.date | None = None
    renewed: bool = False  # recognised again at the same level in a later year
    address: str = ""
    representative: str = ""
    province: str = ""
    organiser: str = ""
    status: str = ""


def certificate_status(valid_until: dt.date | None, renewed: bool, today: dt.date) -> str:
    """Còn hiệu lực, Sắp hết hiệu lực (ends this year), Hết hiệu lực, Đã được công nhận lại, or no date."""
    if renewed:
        return rs.STATUS_RENEWED
    if valid_until is None:
        return rs.STATUS_NONE
    if valid_until < today:
        return rs.STATUS_EXPIRED
    return rs.STATUS_EXPIRING if valid_until.year == today.year else rs.STATUS_VALID


def with_status(lines: Iterable[CertificateLine], today: dt.date) -> list[CertificateLine]:
    """The lines with their status worked out for today."""
    return [replace(line, status=certificate_status(line.valid_until, line.renewed, today)) for line in lines]


def by_establishment(lines: Iterable[CertificateLine]) -> list[tuple[CertificateLine, list[CertificateLine]]]:
    """The lines grouped per establishment (first line, all its lines), in order of establishment name."""
    groups: dict[int, list[CertificateLine]] = {}
    for line in lines:
        groups.setdefault(line.establishment_id, []).append(line)
    return sorted(((items[0], items) for items in groups.values()), key=lambda g: (g[0].establishment_name, g[0].establishment_id))


@dataclass(frozen=True)
class EstablishmentHistory:
    """Everything the register holds of one establishment."""

    establishment_id: int
    name: str
    tax_code: str
    commune: str
    district: str
    province: str
    names: tuple[str, ...]  # the names it was registered under
    registrations: tuple[RegistrationRecord, ...]
    certificates: tuple[CertificateLine, ...]
    rounds: tuple[RoundRecord, ...]
    same_as: tuple[tuple[int, str, str], ...] = ()  # (id, name, tax number) confirmed the same establishment


@dataclass(frozen=True)
class Lookalike:
    """Two establishments of one commune whose names look alike: a suggestion for a person to confirm."""

    first_id: int
    first_name: str
    first_tax: str
    second_id: int
    second_name: str
    second_tax: str
    commune: str
    score: int  # 0–100
    confirmed: bool = False  # a person recorded Có: the same establishment (the register keeps both rows)


@dataclass(frozen=True)
class EstablishmentKey:
    """What the look-alike search compares: an establishment's folded name in its commune."""

    establishment_id: int
    name: str
    name_key: str
    tax_code: str
    commune: str
    commune_key: str


def lookalikes(items: Iterable[EstablishmentKey], threshold: int = rs.DUPLICATE_THRESHOLD) -> list[Lookalike]:
    """Pairs in the same commune whose folded names score at least threshold (token-set ratio); never merged.

    Two establishments with different tax numbers are still listed: the numbers may be a typing
    mistake, and only a person can tell.
    """
    by_commune: dict[str, list[EstablishmentKey]] = {}
    for item in items:
        by_commune.setdefault(item.commune_key, []).append(item)
    found = []
    for group in by_commune.values():
        group.sort(key=lambda i: i.establishment_id)
        keys = [i.name_key for i in group]
        for index, a in enumerate(group[:-1]):
            later = keys[index + 1:]
            for _, score, offset in process.extract(a.name_key, later, scorer=fuzz.token_set_ratio,
                                                    score_cutoff=threshold, limit=None):
                b = group[index + 1 + offset]
                found.append(Lookalike(a.establishment_id, a.name, a.tax_code, b.establishment_id, b.name,
                                       b.tax_code, a.commune, round(score)))
    return sorted(found, key=lambda p: (-p.score, p.commune, p.first_name, p.second_name))
