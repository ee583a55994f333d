"""Dates written the Vietnamese administrative way (Decree 30/2020/NĐ-CP)."""

from __future__ import annotations

import datetime as dt


def _day(d: dt.date) -> str:
    # Decree 30: days below 10 take a leading zero.
    return f"{d.day:02d}"


def _month(d: dt.date) -> str:
    # Decree 30: months below 3 take a leading zero; the others are written as they are.
    return f"{d.month:02d}" if d.month < 3 else str(d.month)


def vn_date(d: dt.date) -> str:
    """'ngày 15 tháng 11 năm 2019' ('ngày 05 tháng 01 năm 2020', 'ngày 05 tháng 3 năm 2020')."""
    return f"ngày {_day(d)} tháng {_month(d)} năm {d.year}"


def vn_date_line(place: str, d: dt.date) -> str:
    """The place-and-date line: 'Bắc Giang, ngày 15 tháng 11 năm 2019'."""
    return f"{place.strip()}, {vn_date(d)}"


def dmy(d: dt.date) -> str:
    """dd/mm/yyyy: '15/11/2019'."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"
