"""What the register hands the summary report: plain records of a period, no database types.

The register (``xl_addin.register``) answers ``Register.report_facts(year_from, year_to)`` with a
``ReportData`` of slim facts (what the report reads) and ``Register.report_data`` with the full
records; the report's figures are computed from either in ``domain/`` and rendered in ``documents/``. Identities (``establishment_id``, ``product_id``) are the register's own keys,
already resolved across years (tax number, else folded name + commune), so the report counts an
establishment or a product once in a period by counting distinct ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple


@dataclass(frozen=True)
class ContestRecord:
    """A contest held or joined: level (a key of rules.LEVELS), year and area (province, region or commune)."""

    contest_id: int
    level: str
    year: int
    area: str
    province: str = ""
    region: str = ""
    decision_no: str = ""
    decision_date: dt.date | None = None
    products: int = 0  # products registered in it (rows of its Đăng ký), as added
    held_here: bool = True  # False for a regional or national round the province only joined


@dataclass(frozen=True)
class RegistrationRecord:
    """One product registered in one contest, with the address as it was at registration."""

    contest_id: int
    level: str
    year: int
    product_id: int
    product_code: str  # the code it had in that contest
    product_name: str
    group: str  # one of rules.GROUPS
    establishment_id: int
    establishment_name: str
    tax_code: str = ""
    commune: str = ""
    district: str = ""
    province: str = ""
    is_set: bool = False  # a product set (bộ sản phẩm)
    total: Decimal | None = None  # the official total, None when not scored
    passed: bool | None = None
    council: bool | None = None  # Hội đồng đề xuất as the council left it
    forward: bool | None = None  # Đề xuất cấp trên
    missing_documents: tuple[str, ...] = ()  # labels of dossier documents the validation found missing


@dataclass(frozen=True)
class RecognitionRecord:
    """A product recognised at a level (tỉnh, khu vực, quốc gia, xã…), with its decision and certificate."""

    level: str
    year: int
    product_id: int
    product_code: str
    product_name: str
    group: str
    establishment_id: int
    establishment_name: str
    district: str = ""
    commune: str = ""
    decision_no: str = ""
    decision_date: dt.date | None = None
    cert_no: str = ""
    issued: dt.date | None = None
    valid_until: dt.date | None = None


class RegistrationFact(NamedTuple):
    """What the summary report reads of a registration: who, what, when and where (no names, no scores).

    The register hands the report these slim tuples instead of RegistrationRecord: a period of 30
    national contests is some 90,000 registrations, and the report only counts them. The fields
    have RegistrationRecord's names, so the figures read either.
    """

    contest_id: int
    year: int
    product_id: int
    establishment_id: int
    group: str
    commune: str
    district: str
    missing_documents: tuple[str, ...] = ()


class RecognitionFact(NamedTuple):
    """What the summary report reads of a recognition: the annex's columns and the certificate's validity.

    The slim counterpart of RecognitionRecord (same field names), for the report's some 90,000 rows.
    """

    level: str
    year: int
    product_id: int
    product_name: str
    group: str
    establishment_name: str
    district: str
    cert_no: str
    valid_until: dt.date | None


@dataclass(frozen=True)
class RoundRecord:
    """A product forwarded to a regional or national round, and whether it was recognised there."""

    level: str  # "khu-vuc" or "quoc-gia"
    year: int
    product_id: int
    product_name: str
    group: str
    establishment_id: int
    recognised: bool


@dataclass(frozen=True)
class ActivityRecord:
    """A row of the Hoạt động log: one kind of promotion activity in a year."""

    year: int
    kind: str  # one of register ACTIVITY_KINDS (Đề án khuyến công, Hội chợ, triển lãm, …)
    quantity: int
    content: str = ""
    note: str = ""


@dataclass(frozen=True)
class ReferenceCount:
    """How many rural industrial establishments an area had (Cơ sở CNNT), for participation rates."""

    year: int
    district: str
    commune: str
    establishments: int


@dataclass(frozen=True)
class ReportData:
    """Everything the summary report needs for a period, as the register holds it."""

    year_from: int
    year_to: int
    province: str = ""
    contests: tuple[ContestRecord, ...] = ()
    registrations: tuple[RegistrationRecord | RegistrationFact, ...] = ()
    # every level, including those of earlier years still valid
    recognitions: tuple[RecognitionRecord | RecognitionFact, ...] = ()
    rounds: tuple[RoundRecord, ...] = ()
    activities: tuple[ActivityRecord, ...] = ()
    reference_counts: tuple[ReferenceCount, ...] = ()  # the latest count per area up to year_to
    today: dt.date = field(default_factory=dt.date.today)  # for "expired" and "expiring"


Registration = RegistrationRecord | RegistrationFact  # what the report's figures read of a registration
Recognition = RecognitionRecord | RecognitionFact
