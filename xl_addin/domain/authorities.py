"""Who issues, who keeps the council and who signs, by level (Circular 26/2014/TT-BCT as amended).

Each value is only a default: Thông tin holds what the contest uses, and a blank cell there
means the default of the contest's level. Where the Circular leaves the name to the locality
(the commune's or district's unit) the default carries "…" and documents refuse it until
staff type the name.
"""

from __future__ import annotations

import dataclasses
import re

from .addresses import expand, province_kinds, unit_and_name
from .models import ContestInfo

PLACEHOLDER = "…"
LAYOUT_CEREMONIAL = "trang-trong"
LAYOUT_PREPRINTED = "phoi-in-san"
CERT_LAYOUTS = {
    LAYOUT_CEREMONIAL: "Trang trọng, khổ ngang",
    LAYOUT_PREPRINTED: "In lên phôi in sẵn",
}
MINISTRY = "Bộ Công Thương"
MINISTRY_DEPARTMENT = "Cục Công Thương địa phương"
CHAIR_TITLE = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"

# level -> (issuer, issuer's superior, the council's standing body, signer's title)
_BY_LEVEL = {
    "xa": (f"Ủy ban nhân dân xã {PLACEHOLDER}", "", f"Phòng Kinh tế xã {PLACEHOLDER}", CHAIR_TITLE),
    "huyen": (f"Ủy ban nhân dân huyện {PLACEHOLDER}", "", f"Phòng Kinh tế và Hạ tầng huyện {PLACEHOLDER}",
              CHAIR_TITLE),
    "tinh": ("Ủy ban nhân dân {province}", "", "Sở Công Thương {province}", CHAIR_TITLE),
    "khu-vuc": (MINISTRY_DEPARTMENT, MINISTRY, MINISTRY_DEPARTMENT, "CỤC TRƯỞNG"),
    "quoc-gia": (MINISTRY, "", MINISTRY_DEPARTMENT, "BỘ TRƯỞNG"),
}


def province_title(province: str) -> str:
    """The province with its unit word: 'tỉnh Bắc Giang', 'thành phố Hà Nội' ('tỉnh …' when blank)."""
    province = expand(" ".join((province or "").split()))
    if not province:
        return f"tỉnh {PLACEHOLDER}"
    if unit_and_name(province)[0] in ("tỉnh", "thành phố"):
        return province[:1].lower() + province[1:]
    return f"{next(iter(province_kinds(province)))} {province}"


def level_defaults(level: str, province: str) -> dict[str, str]:
    """The default issuer, issuer_superior, standing_body and signer_title of a level."""
    issuer, superior, standing, title = _BY_LEVEL.get(level, _BY_LEVEL["tinh"])
    where = province_title(province)
    return {
        "issuer": issuer.format(province=where),
        "issuer_superior": superior,
        "standing_body": standing.format(province=where),
        "signer_title": title,
    }


def with_level_defaults(info: ContestInfo) -> ContestInfo:
    """The contest facts with each blank role filled from the level's default (the organiser stands in
    for a blank standing body) and a blank layout as the ceremonial one."""
    defaults = level_defaults(info.level, info.province)
    if info.organiser.strip():
        defaults["standing_body"] = info.organiser.strip()
    changes = {k: v for k, v in defaults.items() if not getattr(info, k).strip()}
    if info.cert_layout not in CERT_LAYOUTS:
        changes["cert_layout"] = LAYOUT_CEREMONIAL
    return dataclasses.replace(info, **changes) if changes else info


# Where an agency dates its documents (Decree 30: the place of its seat) when it is not the province.
MINISTRY_SEAT = "Hà Nội"
_LOCAL_ISSUER = re.compile(r"^(?:Ủy|Uỷ) ban nhân dân (?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố)\s+(.+)$",
                           re.IGNORECASE)


def document_place(info: ContestInfo) -> str:
    """The place of the place-and-date line: the province; Hà Nội for the Ministry's levels; the commune
    or district named in the issuer for a local level."""
    if info.level in ("khu-vuc", "quoc-gia"):
        return MINISTRY_SEAT
    if info.level in ("xa", "huyen"):
        m = _LOCAL_ISSUER.match(" ".join(info.issuer.split()))
        if m and not has_placeholder(m.group(1)):
            return m.group(1)
    return " ".join(info.province.split())


def has_placeholder(value: str) -> bool:
    """True when a name still holds the '…' a default leaves for staff to fill."""
    return PLACEHOLDER in value or "..." in value
