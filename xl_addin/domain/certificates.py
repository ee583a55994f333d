"""Certificate numbers from the contest's pattern, and the certificates' validity."""

from __future__ import annotations

import datetime as dt
import re

from . import document_messages as msg
from .models import ContestInfo
from .results import ResultRow
from .rules import GROUPS, Rules
from .vndate import dmy

# The only tokens a pattern may hold: {stt}, {stt:0N} (zero-padded to N digits), {nam}.
# A regex, not str.format, so that a pattern typed in a cell cannot reach attributes.
_TOKEN = re.compile(r"\{(stt)(?::0?(\d{1,2}))?\}|\{(nam)\}")
_ANY_BRACE = re.compile(r"\{[^{}]*\}?|\}")


def pattern_problem(pattern: str) -> str | None:
    """Why a certificate number pattern cannot be used, or None when it can."""
    leftover = _TOKEN.sub("", pattern)
    stray = _ANY_BRACE.search(leftover)
    if stray:
        return msg.pattern_unknown_token(stray.group(0))
    if not any(m.group(1) for m in _TOKEN.finditer(pattern)):
        return msg.PATTERN_NO_STT
    return None


def cert_number(pattern: str, stt: int, year: int) -> str:
    """The certificate number of a sequence number: '{stt:03}/GCN-CNNT' with 7 -> '007/GCN-CNNT'."""

    def token(m: re.Match) -> str:
        if m.group(3):
            return str(year)
        width = int(m.group(2) or 0)
        return f"{stt:0{width}d}" if width else str(stt)

    return _TOKEN.sub(token, pattern)


def _number_regex(pattern: str) -> re.Pattern:
    """A regex matching numbers made from the pattern, capturing the sequence number."""
    parts, last, seen_stt = [], 0, False
    for m in _TOKEN.finditer(pattern):
        parts.append(re.escape(pattern[last:m.start()]))
        if m.group(3):
            parts.append(r"\d{4}")
        else:
            parts.append(r"(?:\d+)" if seen_stt else r"(\d+)")
            seen_stt = True
        last = m.end()
    parts.append(re.escape(pattern[last:]))
    return re.compile("^" + "".join(parts) + "$")


def stt_of(pattern: str, number: str) -> int | None:
    """The sequence number inside a certificate number made from the pattern, or None."""
    m = _number_regex(pattern).match(number.strip())
    return int(m.group(1)) if m and m.groups() else None


def expiry_date(issue: dt.date, validity_years: int) -> dt.date:
    """31 December of the validity_years-th year, the year of issue counting as the first."""
    return dt.date(issue.year + max(validity_years, 1) - 1, 12, 31)


def group_order(names: list[str]) -> list[str]:
    """Groups in the order of the rules' list, unknown groups after them in order of appearance."""
    known = [g for g in GROUPS if g in names]
    return known + [g for g in dict.fromkeys(names) if g not in GROUPS]


# The one order of the decision annex, the certificate numbers and the merged print file.
ORDER_TEXT = "theo nhóm sản phẩm, trong mỗi nhóm theo hạng"


def recognised_rows(rows: list[ResultRow]) -> list[ResultRow]:
    """The rows the council recognises (Hội đồng đề xuất = Có), by group then rank (ORDER_TEXT)."""
    chosen = [(index, row) for index, row in enumerate(rows) if row.council is True]
    groups = group_order([" ".join(row.group.split()) for _, row in chosen])

    def key(item: tuple[int, ResultRow]) -> tuple:
        index, row = item
        return (groups.index(" ".join(row.group.split())), row.rank is None, row.rank or 0, index)

    return [row for _, row in sorted(chosen, key=key)]


def assign_certificates(
    rows: list[ResultRow], info: ContestInfo, rules: Rules
) -> dict[str, tuple[str, str]]:
    """Product code -> (certificate number, valid until dd/mm/yyyy) for the recognised products.

    A number or date already in a row is kept; the others are numbered in the annex's order
    (ORDER_TEXT) after the highest sequence number already used in any row.
    """
    chosen = recognised_rows(rows)
    # Numbers in any row count as used, so a number once given is never handed out twice.
    used = [stt_of(info.cert_pattern, r.cert_no) for r in rows if r.cert_no.strip()]
    next_stt = max((s for s in used if s is not None), default=0) + 1
    expiry = dmy(expiry_date(info.decision_date, rules.validity_years)) if info.decision_date else ""
    out: dict[str, tuple[str, str]] = {}
    for row in chosen:
        number = row.cert_no.strip()
        if not number:
            number = cert_number(info.cert_pattern, next_stt, info.year)
            next_stt += 1
        out[row.code] = (number, row.valid_until.strip() or expiry)
    return out
