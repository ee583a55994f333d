"""The sample programme of `binhchon demo`: a Bắc Giang provincial contest of 2019, built from names."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace
from decimal import Decimal

from ..authorities import LAYOUT_CEREMONIAL
from ..models import ContestInfo, Judge, Registration
from ..rules import ESTABLISHMENT_TYPES, GROUPS
from . import names
from .scores import CONFLICT, sample_scores

SEED = 2019
SIGNER_TITLE = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"  # three lines, typed with Alt+Enter
COUNCIL_CHAIR = "Trần Quang Tấn"  # the Department's director chairs the council (fictional name)
COUNCIL_SECRETARY = "Đỗ Thị Thu Hà"
FIRST_ROW = 2  # the header is row 1 of the Đăng ký and Giám khảo sheets

_TAX_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
_PROVINCE_TAX_PREFIX = "24"  # enterprises and cooperatives registered in Bắc Giang
_PERSONAL_TAX_PREFIX = "81"  # a household business uses its owner's personal tax code
_MOBILE_PREFIXES = ("091", "094", "097", "098", "096", "086", "088", "083", "035", "036", "038", "039", "033")


@dataclass(frozen=True)
class DistrictReference:
    """A district (or the city) on the staff's reference list, with its number of CNNT establishments."""

    name: str
    establishments: int


@dataclass(frozen=True)
class SampleProgramme:
    """Everything the demo needs: contest facts, registrations, judges, their scores and remarks."""

    info: ContestInfo
    registrations: tuple[Registration, ...]
    judges: tuple[Judge, ...]
    scores: dict[str, dict[str, dict[str, Decimal]]]  # judge -> product -> criterion -> points
    comments: dict[str, dict[str, str]]  # judge -> product -> remark
    districts: tuple[DistrictReference, ...]


def sample_programme() -> SampleProgramme:
    """The bundled sample programme; the same every call (fixed seed, no I/O)."""
    rng = random.Random(SEED)
    registrations = _registrations(rng)
    judges = _judges(registrations)
    scores, comments = sample_scores(registrations, judges, rng)
    districts = tuple(DistrictReference(name, count) for name, count in names.DISTRICT_ESTABLISHMENTS)
    return SampleProgramme(_info(), registrations, judges, scores, comments, districts)


def _info() -> ContestInfo:
    """The contest's facts as printed on the decision and the certificates."""
    return ContestInfo(
        year=2019,
        level="tinh",
        province=names.PROVINCE,
        organiser=names.ORGANISER,
        decision_no=names.DECISION_NO,
        decision_date=dt.date(2019, 11, 15),
        signer=names.SIGNER,
        signer_title=SIGNER_TITLE,
        cert_pattern="{stt:03}/GCN-UBND",
        contest_id="bac-giang-2019-tinh",
        # The roles of Circular 26/2014: the Chairman of the provincial People's Committee decides and
        # issues, on the proposal of the council whose standing body is the Department of Industry and Trade.
        issuer=f"Ủy ban nhân dân tỉnh {names.PROVINCE}",
        standing_body=names.ORGANISER,
        council_chair=COUNCIL_CHAIR,
        council_secretary=COUNCIL_SECRETARY,
        cert_layout=LAYOUT_CEREMONIAL,
    )


def _registrations(rng: random.Random) -> tuple[Registration, ...]:
    """One registration per product, coded BG-001… in the order of names.PRODUCTS."""
    contacts = {key: _contact(key, est, rng) for key, est in names.ESTABLISHMENTS.items()}
    registrations = []
    for index, product in enumerate(names.PRODUCTS):
        est = names.ESTABLISHMENTS[product.establishment]
        registration = Registration(
            code=f"BG-{index + 1:03}",
            name=product.name,
            group=GROUPS[product.group - 1],
            establishment=est.name,
            establishment_type=ESTABLISHMENT_TYPES[est.type],
            representative=est.representative,
            address=_address(est),
            commune=_bare_commune(est.commune),
            district=est.district,
            province=names.PROVINCE,
            **contacts[product.establishment],
            **_dossier(product, est, rng),
            row=FIRST_ROW + index,
        )
        registrations.append(_with_gap(registration))
    return tuple(registrations)


def _contact(key: str, est: names.EstablishmentRow, rng: random.Random) -> dict[str, str]:
    """Tax code, phone and email of an establishment (shared by all its products)."""
    prefix = _PERSONAL_TAX_PREFIX if est.type == names.HKD else _PROVINCE_TAX_PREFIX
    tax_code = _tax_code(prefix, rng) + ("-001" if key in names.BRANCH_OFFICES else "")
    phone = rng.choice(_MOBILE_PREFIXES) + "".join(str(rng.randrange(10)) for _ in range(7))
    return {"tax_code": tax_code, "phone": phone, "email": est.email}


def _tax_code(prefix: str, rng: random.Random) -> str:
    """A 10-digit tax code whose last digit is the check digit of the Vietnamese scheme."""
    while True:
        body = prefix + "".join(str(rng.randrange(10)) for _ in range(9 - len(prefix)))
        check = 10 - sum(int(d) * w for d, w in zip(body, _TAX_WEIGHTS)) % 11
        if check < 10:
            return body + str(check)


def _dossier(product: names.ProductRow, est: names.EstablishmentRow, rng: random.Random) -> dict:
    """A complete dossier: form, registration copy, description, photos, certificates where due."""
    formal = est.type in (names.DN, names.HTX)
    return {
        "has_form": True,
        "has_business_reg": True,
        "has_description": True,
        "photos": rng.choice((3, 3, 4, 5, 6)),
        "has_quality_cert": rng.random() < (0.6 if formal else 0.2),
        "has_food_safety": product.group == 2,
    }


def _with_gap(registration: Registration) -> Registration:
    """The registration with the dossier gap staff noted at reception, if any."""
    gap = names.DOSSIER_GAPS.get(registration.name)
    if gap is None:
        return registration
    field_name, note = gap
    return replace(registration, **{field_name: 2 if field_name == "photos" else False}, note=note)


def _address(est: names.EstablishmentRow) -> str:
    """The address as written at registration: thôn, xã, huyện, tỉnh."""
    district = "thành phố Bắc Giang" if est.district == names.CITY else f"huyện {est.district}"
    return f"{est.village}, {est.commune}, {district}, tỉnh {names.PROVINCE}"


def _bare_commune(commune: str) -> str:
    """The commune's name without "xã", "phường" or "thị trấn"."""
    for prefix in ("xã ", "phường ", "thị trấn "):
        if commune.startswith(prefix):
            return commune[len(prefix):]
    return commune


def _judges(registrations: tuple[Registration, ...]) -> tuple[Judge, ...]:
    """The panel of five, with the one declared conflict."""
    conflict_judge, conflict_product = CONFLICT
    conflicted = frozenset(r.code for r in registrations if r.name == conflict_product)
    return tuple(
        Judge(code, name, title, unit, conflicted if code == conflict_judge else frozenset(), FIRST_ROW + i)
        for i, (code, name, title, unit) in enumerate(names.JUDGES)
    )
