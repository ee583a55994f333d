"""Certificate numbers from the contest's pattern, and the certificates' validity."""

from __future__ import annotations

import datetime as dt
import re

from . import document_messages as msg
from .models import ContestInfo
from .results import ResultRow
from .rules import Rules
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


def _rank_key(indexed: tuple[int, ResultRow]) -> tuple:
    index, row = indexed
    return (row.rank is None, row.rank or 0, index)


def recognised_rows(rows: list[ResultRow]) -> list[ResultRow]:
    """The rows the council recognises (Hội đồng đề xuất = Có), in rank order."""
    ordered = sorted(enumerate(rows), key=_rank_key)
    return [row for _, row in ordered if row.council is True]


def assign_certificates(
    rows: list[ResultRow], info: ContestInfo, rules: Rules
) -> dict[str, tuple[str, str]]:
    """Product code -> (certificate number, valid until dd/mm/yyyy) for the recognised products.

    A number or date already in a row is kept; the others are numbered in rank order after the
    highest sequence number already used in any row.
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
