"""Plain dict contexts for the templates, built from domain objects; every value is clean text."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from ..domain import rules as rules_mod
from ..domain import values
from ..domain.models import Contest, ContestInfo, Registration
from ..domain.results import ResultRow
from ..domain.vndate import dmy, vn_date_line

# The variables each template may use: name -> None (text) or a dict (the fields of each item
# of a list, or of an object). The pre-render check refuses any other name.
COMMON_FIELDS: dict = dict.fromkeys(
    ("organiser", "level_name", "year", "place", "decision_no", "decision_date", "province", "region")
)
CERTIFICATE_FIELDS: dict = COMMON_FIELDS | dict.fromkeys((
    "cert_no", "valid_until", "issue_date", "date_line", "signer", "signer_authority", "signer_title", "product_code",
    "product_name", "group", "establishment", "establishment_type", "representative", "address",
))
ANNEX_ROW_FIELDS = dict.fromkeys((
    "stt", "product_code", "product_name", "establishment", "address", "group", "score", "cert_no",
    "valid_until",
))
ANNEX_FIELDS: dict = COMMON_FIELDS | {
    "groups": {"roman": None, "name": None, "count": None, "rows": ANNEX_ROW_FIELDS},
    "total": None,
}
SUMMARY_ROW_FIELDS = dict.fromkeys((
    "stt", "rank", "product_code", "product_name", "establishment", "judge_totals",
    "criterion_means", "total", "judge_count", "spread", "passed", "proposal", "flags",
))
SUMMARY_FIELDS: dict = COMMON_FIELDS | {
    "judges": dict.fromkeys(("code", "name", "title", "unit")),
    "criteria": dict.fromkeys(("code", "name", "max_points")),
    "groups": {"roman": None, "name": None, "count": None, "rows": SUMMARY_ROW_FIELDS},
    "judges_legend": None, "criteria_legend": None, "span": None, "pass_mark": None,
    "quota": None, "tie_break_text": None, "provisional_note": None, "product_count": None,
    "passed_count": None, "proposed_count": None,
}

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
CONFLICT_MARK = "–"
PROVISIONAL_NOTE = "TẠM TÍNH: còn thiếu điểm của một số giám khảo"
NO_QUOTA = "không giới hạn"


def clean(value: object) -> str:
    """Text fit for a document: NFC, no control characters, whitespace runs as one space."""
    s = unicodedata.normalize("NFC", "" if value is None else str(value))
    return " ".join(_CONTROL.sub(" ", s).split())


def vn_number(value: Decimal | None, places: int = 2) -> str:
    """A number the Vietnamese way, rounded half-up: 85.5 -> '85,50'; '' for None."""
    return "" if value is None else values.vn_number(value, places)


def vn_points(value: Decimal) -> str:
    """Points as a judge gave them, without trailing zeros: 85.5 -> '85,5'."""
    return values.vn_short(value)


def roman(n: int) -> str:
    """Roman numerals for group headings: 1 -> I, 4 -> IV."""
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def level_name(info: ContestInfo) -> str:
    """The level as it reads after 'cấp': 'tỉnh', 'khu vực phía Bắc'."""
    name = rules_mod.LEVELS.get(info.level, info.level).lower()
    region = clean(info.region)
    if info.level == "khu-vuc" and region:
        name = f"{name} {region[:1].lower()}{region[1:]}"
    return name


def full_address(reg: Registration | None) -> str:
    """Address, commune, district and province joined by commas, blanks and repeats left out."""
    return clean(reg.full_address()) if reg is not None else ""


def common_context(info: ContestInfo) -> dict[str, str]:
    """The contest facts every document prints."""
    return {
        "organiser": clean(info.organiser),
        "level_name": level_name(info),
        "year": str(info.year),
        "place": clean(info.province),
        "province": clean(info.province),
        "region": clean(info.region),
        "decision_no": clean(info.decision_no),
        "decision_date": dmy(info.decision_date) if info.decision_date else "",
    }


def signer_lines(title: str) -> dict[str, str]:
    """The signer's title on its Decree 30 lines: 'KT. CHỦ TỊCH' then 'PHÓ CHỦ TỊCH' (typed with Alt+Enter)."""
    lines = [clean(line) for line in (title or "").splitlines() if clean(line)]
    return {"signer_authority": lines[0] if lines else "", "signer_title": " ".join(lines[1:])}


def certificate_context(contest: Contest, row: ResultRow, number: str, valid_until: str) -> dict[str, str]:
    """The certificate of one recognised product."""
    info, reg = contest.info, contest.registration(row.code)
    context = common_context(info) | {
        "cert_no": clean(number),
        "valid_until": clean(valid_until),
        "issue_date": dmy(info.decision_date) if info.decision_date else "",
        "date_line": vn_date_line(clean(info.province), info.decision_date) if info.decision_date else "",
        "signer": clean(info.signer),
        **signer_lines(info.signer_title),
        "product_code": clean(row.code),
        "product_name": clean(reg.name if reg else row.name),
        "group": clean(reg.group if reg else row.group),
        "establishment": clean(reg.establishment if reg else row.establishment),
        "establishment_type": clean(reg.establishment_type if reg else ""),
        "representative": clean(reg.representative if reg else ""),
        "address": full_address(reg),
    }
    return context


def group_order(names: list[str]) -> list[str]:
    """Groups in the order of the rules' list, unknown groups after them in order of appearance."""
    known = [g for g in rules_mod.GROUPS if g in names]
    return known + [g for g in dict.fromkeys(names) if g not in rules_mod.GROUPS]


def grouped(items: list, group_of) -> list[tuple[str, list]]:
    """The items split by group, groups in group_order."""
    order = group_order([group_of(item) for item in items])
    return [(g, [item for item in items if group_of(item) == g]) for g in order]


def annex_context(contest: Contest, chosen: list[ResultRow], numbers: dict[str, tuple[str, str]]) -> dict:
    """The decision annex: recognised products by group, numbered continuously."""
    pairs = [(row, certificate_context(contest, row, *numbers[row.code])) for row in chosen]
    groups, stt = [], 0
    for index, (name, members) in enumerate(grouped(pairs, lambda p: p[1]["group"]), start=1):
        items = []
        for row, c in members:
            stt += 1
            items.append({
                "stt": str(stt), "product_code": c["product_code"], "product_name": c["product_name"],
                "establishment": c["establishment"], "address": c["address"], "group": c["group"],
                "score": vn_number(row.total), "cert_no": c["cert_no"], "valid_until": c["valid_until"],
            })
        groups.append({"roman": roman(index), "name": name, "count": str(len(items)), "rows": items})
    return common_context(contest.info) | {"groups": groups, "total": str(stt)}
