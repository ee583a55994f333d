"""The bundled sample programme: realistic, complete registrations and scores with the planned features."""

from __future__ import annotations

import math
import re
import unicodedata
from fractions import Fraction

import pytest

from xl_addin.domain.rules import ESTABLISHMENT_TYPES, FOOD_GROUP, GROUPS, preset
from xl_addin.domain.sample import DistrictReference, SampleProgramme, sample_programme

PASS_MARK = Fraction(70)
MAXIMA = {c.code: Fraction(c.max_points) for c in preset("cnnt-2014").criteria}
TAX_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


@pytest.fixture(scope="module")
def sample() -> SampleProgramme:
    return sample_programme()


def judge_totals(sample: SampleProgramme, code: str) -> dict[str, Fraction]:
    """Each judge's total for one product, for the judges who scored it."""
    return {
        judge: sum((Fraction(v) for v in products[code].values()), Fraction(0))
        for judge, products in sample.scores.items()
        if code in products
    }


def half_up(value: Fraction) -> Fraction:
    """The value rounded half-up to 2 decimals (all values here are positive)."""
    return Fraction(math.floor(value * 100 + Fraction(1, 2)), 100)


def official_totals(sample: SampleProgramme) -> dict[str, Fraction]:
    """The official total of every product: the mean of the judges' totals, rounded half-up."""
    result = {}
    for reg in sample.registrations:
        totals = list(judge_totals(sample, reg.code).values())
        result[reg.code] = half_up(sum(totals, Fraction(0)) / len(totals))
    return result


def criterion_mean(sample: SampleProgramme, code: str, criterion: str) -> Fraction:
    """The exact mean of one criterion over the judges who scored the product."""
    points = [Fraction(p[code][criterion]) for p in sample.scores.values() if code in p]
    return sum(points, Fraction(0)) / len(points)


# --- registrations ------------------------------------------------------------------------


def test_at_least_forty_products_with_unique_codes_and_rows(sample):
    codes = [r.code for r in sample.registrations]
    assert len(codes) >= 40
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"BG-\d{3}", c) for c in codes)
    assert [r.row for r in sample.registrations] == list(range(2, len(codes) + 2))


def test_all_groups_and_establishment_types_present(sample):
    assert {r.group for r in sample.registrations} == set(GROUPS)
    assert {r.establishment_type for r in sample.registrations} == set(ESTABLISHMENT_TYPES)


@pytest.mark.parametrize(
    "field",
    ["code", "name", "group", "establishment", "establishment_type", "representative", "address",
     "commune", "district", "province", "tax_code", "phone"],
)
def test_required_fields_filled_in_nfc(sample, field):
    for reg in sample.registrations:
        value = getattr(reg, field)
        assert value and value == value.strip(), (reg.code, field)
        assert unicodedata.is_normalized("NFC", value), (reg.code, field)


def test_addresses_are_in_bac_giang(sample):
    for reg in sample.registrations:
        assert reg.province == "Bắc Giang"
        assert reg.address.endswith(", tỉnh Bắc Giang")
        assert reg.commune in reg.address and reg.address.count(",") == 3


def test_tax_codes_phones_and_emails_are_valid(sample):
    for reg in sample.registrations:
        match = re.fullmatch(r"(\d{10})(-\d{3})?", reg.tax_code)
        assert match, reg.tax_code
        digits = [int(d) for d in match.group(1)]
        assert digits[9] == 10 - sum(d * w for d, w in zip(digits, TAX_WEIGHTS)) % 11
        assert re.fullmatch(r"0[35789]\d{8}", reg.phone), reg.phone
        assert reg.email == "" or re.fullmatch(r"[\w.]+@[\w-]+(\.[\w-]+)+", reg.email)
    assert any(r.tax_code.endswith("-001") for r in sample.registrations)
    assert 0 < sum(1 for r in sample.registrations if r.email) < len(sample.registrations)


def test_establishments_sets_ampersand_and_long_names(sample):
    per_establishment: dict[str, int] = {}
    for reg in sample.registrations:
        per_establishment[reg.establishment] = per_establishment.get(reg.establishment, 0) + 1
    assert sum(1 for n in per_establishment.values() if n > 1) >= 3
    assert any(r.name.startswith("Bộ sản phẩm") for r in sample.registrations)
    assert any("&" in r.establishment for r in sample.registrations)
    assert max(len(r.name) for r in sample.registrations) > 60


def test_one_district_registered_nothing(sample):
    reference = {d.name for d in sample.districts}
    assert len(reference) == len(sample.districts) == 10
    assert all(isinstance(d, DistrictReference) and d.establishments > 0 for d in sample.districts)
    registered = {r.district for r in sample.registrations}
    assert registered <= reference
    assert reference - registered == {"Sơn Động"}


def test_a_few_dossiers_have_realistic_gaps(sample):
    def gaps(reg):
        found = [name for name in ("has_form", "has_business_reg", "has_description") if not getattr(reg, name)]
        if reg.photos < 3:
            found.append("photos")
        if reg.group == FOOD_GROUP and not reg.has_food_safety:
            found.append("has_food_safety")
        return found

    incomplete = {r.code: gaps(r) for r in sample.registrations if gaps(r)}
    assert 3 <= len(incomplete) <= 4
    kinds = {kind for found in incomplete.values() for kind in found}
    assert {"photos", "has_business_reg", "has_food_safety"} <= kinds
    assert all(r.photos is not None for r in sample.registrations)


def test_contest_info(sample):
    info = sample.info
    assert (info.year, info.level, info.province) == (2019, "tinh", "Bắc Giang")
    assert info.decision_date.isoformat() == "2019-11-15"
    assert re.fullmatch(r"\d+/QĐ-UBND", info.decision_no)
    assert info.cert_pattern.format(stt=7) == "007/GCN-UBND"
    assert info.contest_id == "bac-giang-2019-tinh"
    # The People's Committee decides and issues; the Department keeps the council (Circular 26/2014).
    assert info.signer and info.signer_title.splitlines() == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert (info.issuer, info.standing_body) == ("Ủy ban nhân dân tỉnh Bắc Giang", "Sở Công Thương tỉnh Bắc Giang")
    assert info.council_chair and info.council_secretary


def test_five_judges(sample):
    assert [j.code for j in sample.judges] == ["GK01", "GK02", "GK03", "GK04", "GK05"]
    assert all(j.name and j.title and j.unit for j in sample.judges)
    assert any(j.title.startswith(("TS.", "ThS.")) for j in sample.judges)


# --- scores -------------------------------------------------------------------------------


def test_scores_within_range_in_half_points(sample):
    for products in sample.scores.values():
        for cells in products.values():
            assert set(cells) == set(MAXIMA)
            for criterion, points in cells.items():
                assert 0 <= points <= MAXIMA[criterion]
                assert (points * 2) == (points * 2).to_integral_value()


def test_only_the_conflicted_product_goes_unscored(sample):
    conflicted = [(j.code, c) for j in sample.judges for c in j.conflicts]
    assert len(conflicted) == 1
    judge, product = conflicted[0]
    assert product in {r.code for r in sample.registrations}
    assert product not in sample.scores[judge]
    assert product not in sample.comments[judge]
    for other in sample.judges:
        expected = {r.code for r in sample.registrations} - set(other.conflicts)
        assert set(sample.scores[other.code]) == expected


def test_one_harsh_judge(sample):
    deviations: dict[str, list[Fraction]] = {j.code: [] for j in sample.judges}
    for reg in sample.registrations:
        totals = judge_totals(sample, reg.code)
        if len(totals) < len(sample.judges):
            continue
        for judge, total in totals.items():
            others = [t for j, t in totals.items() if j != judge]
            deviations[judge].append(total - sum(others, Fraction(0)) / len(others))
    average = {j: sum(d, Fraction(0)) / len(d) for j, d in deviations.items()}
    harsh = min(average, key=average.get)
    assert harsh == "GK04"
    assert -14 <= average[harsh] <= -10
    assert all(abs(a) < 5 for j, a in average.items() if j != harsh)


def test_one_disputed_product(sample):
    spreads = {}
    for reg in sample.registrations:
        totals = judge_totals(sample, reg.code).values()
        spreads[reg.code] = max(totals) - min(totals)
    disputed = [code for code, spread in spreads.items() if spread > 20]
    assert len(disputed) == 1


def test_two_products_tied_exactly_at_the_pass_mark(sample):
    totals = official_totals(sample)
    tied = [code for code, total in totals.items() if total == PASS_MARK]
    assert len(tied) == 2
    first, second = tied
    assert criterion_mean(sample, first, "TC1") != criterion_mean(sample, second, "TC1")


def test_one_product_just_fails_and_most_pass(sample):
    totals = official_totals(sample)
    assert any(69 <= total < PASS_MARK for total in totals.values())
    share = Fraction(sum(1 for t in totals.values() if t >= PASS_MARK), len(totals))
    assert Fraction(60, 100) <= share <= Fraction(75, 100)
    assert sum(1 for t in totals.values() if 60 <= t <= 92) >= 0.8 * len(totals)


def test_conflicted_product_exercises_half_up_rounding(sample):
    (product,) = [c for j in sample.judges for c in j.conflicts]
    totals = list(judge_totals(sample, product).values())
    exact = sum(totals, Fraction(0)) / len(totals)
    # A mean ending in …5 at the third decimal is where half-up and half-even part ways.
    assert (exact * 1000).denominator == 1 and (exact * 1000) % 10 == 5
    assert half_up(exact) - exact == Fraction(5, 1000)


def test_comments_are_on_scored_products(sample):
    assert sum(len(c) for c in sample.comments.values()) >= 20
    for judge, remarks in sample.comments.items():
        for code, text in remarks.items():
            assert code in sample.scores[judge] and text.strip()


def test_deterministic(sample):
    assert sample_programme() == sample


def test_full_address_names_each_place_once():
    from xl_addin.domain.models import Registration

    reg = Registration("A", "B", "C", "D", "E", address="thôn Thổ Hà, xã Vân Hà, huyện Việt Yên, tỉnh Bắc Giang",
                       commune="Vân Hà", district="Việt Yên", province="Bắc Giang")
    assert reg.full_address() == "thôn Thổ Hà, xã Vân Hà, huyện Việt Yên, tỉnh Bắc Giang"
    short = Registration("A", "B", "C", "D", "E", address="số 5 phố Chợ", commune="Thọ Xương",
                         district="TP. Bắc Giang", province="Bắc Giang")
    # "TP. Bắc Giang" is the city, spelled out; the province is named after it (issue 9).
    assert short.full_address() == "số 5 phố Chợ, Thọ Xương, thành phố Bắc Giang, tỉnh Bắc Giang"
