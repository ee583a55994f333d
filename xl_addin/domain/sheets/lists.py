"""The hidden Danh mục sheet: the sources of the contest workbook's dropdowns, one named column each.

Named ranges, not inline lists: group names contain commas, which an inline list would split.
"""

from __future__ import annotations

from .. import authorities, rules, schema

LIST_GROUPS = "DS_NhomSanPham"
LIST_EST_TYPES = "DS_LoaiHinhCoSo"
LIST_YES_NO = "DS_CoKhong"
LIST_LEVELS = "DS_CapBinhChon"
LIST_REGIONS = "DS_KhuVuc"
LIST_CERT_LAYOUTS = "DS_MauGiayChungNhan"
# (defined name, column title, values)
DROPDOWN_LISTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (LIST_GROUPS, schema.COL_GROUP, rules.GROUPS),
    (LIST_EST_TYPES, schema.COL_EST_TYPE, rules.ESTABLISHMENT_TYPES),
    (LIST_YES_NO, "Có/Không", (schema.YES, schema.NO)),
    (LIST_LEVELS, schema.INFO_LEVEL, tuple(rules.LEVELS.values())),
    (LIST_REGIONS, schema.INFO_REGION, rules.REGIONS),
    (LIST_CERT_LAYOUTS, schema.INFO_CERT_LAYOUT, tuple(authorities.CERT_LAYOUTS.values())),
)
COLUMN_WIDTH = 45
