"""Contest rules as data: levels, groups, criteria, pass marks, quota, validity (SPEC §2)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from .values import plain_number

# Levels: stable keys (CLI, code) and the Vietnamese label staff see in the workbook.
LEVELS = {
    "xa": "Xã",
    "huyen": "Huyện",
    "tinh": "Tỉnh",
    "khu-vuc": "Khu vực",
    "quoc-gia": "Quốc gia",
}
LEVEL_ORDER = ("xa", "huyen", "tinh", "khu-vuc", "quoc-gia")

REGIONS = ("Phía Bắc", "Miền Trung – Tây Nguyên", "Phía Nam")

GROUPS = (
    "Thủ công mỹ nghệ",
    "Chế biến nông, lâm, thủy sản và thực phẩm",
    "Thiết bị, máy móc, dụng cụ và phụ tùng cơ khí",
    "Sản phẩm khác",
)
FOOD_GROUP = GROUPS[1]

ESTABLISHMENT_TYPES = ("Doanh nghiệp nhỏ và vừa", "Hợp tác xã", "Tổ hợp tác", "Hộ kinh doanh")


@dataclass(frozen=True)
class Criterion:
    """A scoring criterion or a sub-item under one (parent is the criterion's code)."""

    code: str
    name: str
    max_points: Decimal
    parent: str | None = None

    @property
    def heading(self) -> str:
        """The judges' sheet column heading: 'TC1. Name (tối đa 40)'."""
        return f"{self.code}. {self.name} (tối đa {fmt_points(self.max_points)})"


@dataclass(frozen=True)
class StarBand:
    """An OCOP-style band: scores from `low` (inclusive) earn `stars`."""

    stars: int
    low: Decimal


@dataclass(frozen=True)
class Rules:
    """The rules of one contest; every number is data staff may edit in the Quy định sheet."""

    preset: str
    criteria: tuple[Criterion, ...]
    pass_marks: dict[str, Decimal]
    quota: int | None = None
    forward_count: int | None = None
    validity_years: int = 4
    tie_break: tuple[str, ...] = ("TC1", "TC2", "TC3", "TC4")
    spread_alert: Decimal = Decimal(15)
    outlier_alert: Decimal = Decimal(8)
    star_bands: tuple[StarBand, ...] = field(default_factory=tuple)

    @property
    def top_criteria(self) -> tuple[Criterion, ...]:
        """The criteria that are not sub-items, in order."""
        return tuple(c for c in self.criteria if c.parent is None)

    @property
    def scoring_items(self) -> tuple[Criterion, ...]:
        """The columns a judge fills: sub-items where a criterion has them, else the criterion."""
        parents = {c.parent for c in self.criteria if c.parent}
        return tuple(c for c in self.criteria if c.code not in parents)

    @property
    def max_total(self) -> Decimal:
        """The most points a product can get."""
        return sum((c.max_points for c in self.top_criteria), Decimal(0))

    def pass_mark(self, level: str) -> Decimal:
        """The pass mark of a level key (see LEVELS)."""
        return self.pass_marks[level]

    def stars(self, score: Decimal) -> int | None:
        """The star band of a score under an OCOP-style preset, or None without bands."""
        reached = [b.stars for b in self.star_bands if score >= b.low]
        return max(reached) if reached else None

    def with_changes(self, **changes) -> "Rules":
        """A copy with some rules changed."""
        return replace(self, **changes)


def fmt_points(value: Decimal | int) -> str:
    """Points without trailing zeros: 40, 8.5."""
    return plain_number(value)


def _cnnt_criteria() -> tuple[Criterion, ...]:
    return (
        Criterion("TC1", "Đáp ứng thị trường và khả năng phát triển sản xuất", Decimal(40)),
        Criterion("TC2", "Kinh tế – kỹ thuật – xã hội và môi trường", Decimal(40)),
        Criterion("TC3", "Tính văn hóa, tính thẩm mỹ", Decimal(10)),
        Criterion("TC4", "Một số tiêu chí khác", Decimal(10)),
    )


def _cnnt_2014() -> Rules:
    seventy = Decimal(70)
    return Rules(
        preset="cnnt-2014",
        criteria=_cnnt_criteria(),
        pass_marks={level: seventy for level in LEVEL_ORDER},
        quota=None,
        forward_count=None,
        validity_years=4,
    )


def _ocop_2023() -> Rules:
    bands = tuple(StarBand(s, Decimal(low)) for s, low in ((1, 0), (2, 30), (3, 50), (4, 70), (5, 90)))
    return Rules(
        preset="ocop-2023",
        criteria=(
            Criterion("A", "Sản phẩm và sức mạnh cộng đồng", Decimal(35)),
            Criterion("B", "Khả năng tiếp thị", Decimal(25)),
            Criterion("C", "Chất lượng sản phẩm", Decimal(40)),
        ),
        pass_marks={level: Decimal(50) for level in LEVEL_ORDER},
        validity_years=3,
        tie_break=("C", "A", "B"),
        star_bands=bands,
    )


PRESETS = {"cnnt-2014": _cnnt_2014, "ocop-2023": _ocop_2023}
DEFAULT_PRESET = "cnnt-2014"


def preset(name: str = DEFAULT_PRESET) -> Rules:
    """The named preset's rules; KeyError for an unknown name."""
    return PRESETS[name]()
