"""The contest's plain objects: its facts, registrations, judges and judges' score sheets."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from .addresses import join_address
from .rules import Rules


@dataclass(frozen=True)
class ContestInfo:
    """The Thông tin sheet: the contest's identity and the facts printed on documents."""

    year: int
    level: str  # a key of rules.LEVELS
    province: str
    region: str = ""
    organiser: str = ""
    decision_no: str = ""
    decision_date: dt.date | None = None
    signer: str = ""
    signer_title: str = ""
    cert_pattern: str = "{stt:03}/GCN-CNNT"
    contest_id: str = ""
    # Who does what (Circular 26/2014/TT-BCT as amended); blank means the level's default
    # (authorities.with_level_defaults).
    issuer: str = ""  # issues the recognition decision and the certificates (UBND tỉnh …)
    issuer_superior: str = ""  # the body above the issuer in the heading (Bộ Công Thương above a Cục)
    standing_body: str = ""  # the council's standing body (Sở Công Thương at provincial level)
    council_chair: str = ""
    council_secretary: str = ""
    cert_layout: str = ""  # a key of authorities.CERT_LAYOUTS; blank: the ceremonial one

    def with_level_defaults(self) -> "ContestInfo":
        """A copy with each blank role filled from the level's default (authorities.with_level_defaults)."""
        from .authorities import with_level_defaults  # authorities builds on this module

        return with_level_defaults(self)


@dataclass(frozen=True)
class Registration:
    """One registered product with its establishment and dossier (a row of Đăng ký)."""

    code: str
    name: str
    group: str
    establishment: str
    establishment_type: str
    representative: str = ""
    address: str = ""
    commune: str = ""
    district: str = ""
    province: str = ""
    tax_code: str = ""
    phone: str = ""
    email: str = ""
    has_form: bool | None = None
    has_business_reg: bool | None = None
    has_description: bool | None = None
    photos: int | None = None
    has_quality_cert: bool | None = None
    has_food_safety: bool | None = None
    note: str = ""
    source: str = ""
    row: int = 0  # 1-based row in the sheet, for messages

    def full_address(self) -> str:
        """The address followed by the commune, district and province it does not already name."""
        return join_address(self.address, self.commune, self.district, self.province)


@dataclass(frozen=True)
class Judge:
    """A member of the judging panel (a row of Giám khảo)."""

    code: str
    name: str
    title: str = ""
    unit: str = ""
    conflicts: frozenset[str] = frozenset()
    row: int = 0


@dataclass(frozen=True)
class Contest:
    """Everything read from the contest workbook's input sheets."""

    info: ContestInfo
    rules: Rules
    registrations: tuple[Registration, ...]
    judges: tuple[Judge, ...]

    def registration(self, code: str) -> Registration | None:
        """The registration with this product code, or None."""
        return next((r for r in self.registrations if r.code == code), None)


@dataclass(frozen=True)
class ScoreSheet:
    """One judge's scores as read from their workbook: product code -> item code -> points."""

    judge_code: str
    file: str
    scores: dict[str, dict[str, Decimal]] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)


def product_fingerprint(registrations: tuple[Registration, ...] | list[Registration]) -> str:
    """A short hash of the product list (codes, names, groups) that a judge's sheet was made from."""
    h = hashlib.sha256()
    for r in sorted(registrations, key=lambda r: r.code):
        h.update(f"{r.code}\x1f{r.name}\x1f{r.group}\x1e".encode("utf-8"))
    return h.hexdigest()[:16]
