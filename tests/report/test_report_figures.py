"""The report's figures on a small period whose counts are worked out by hand (see report_samples)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from report_samples import BUSINESS_REG, DESCRIPTION, small_period
from xl_addin.domain.report_figures import ContestRow, RoundRow, YearRow, report_figures
from xl_addin.domain.rules import GROUPS


def test_contests_held_and_rounds_joined():
    f = report_figures(small_period())
    assert f.held == {"tinh": (2011, 2013), "huyen": (2013,), "xa": ()}
    assert f.joined == {"khu-vuc": (2012,), "quoc-gia": (2014,)}
    assert f.contests == (
        ContestRow(2011, "tinh", "Bắc Giang", 2, 3, 2),
        ContestRow(2013, "huyen", "Lục Ngạn", 1, 1, 0),  # the lower level first within a year
        ContestRow(2013, "tinh", "Bắc Giang", 2, 2, 2),
    )
    assert f.rounds == (RoundRow("khu-vuc", 2012, 2, 1), RoundRow("quoc-gia", 2014, 1, 1))


def test_an_establishment_or_product_counts_once_in_the_period():
    f = report_figures(small_period())
    # cooperative 1 registered in 2011 and (spelled otherwise) in 2013; product 4 at two levels in 2013
    assert (f.establishments, f.products, f.registrations) == (3, 4, 6)
    assert f.years == (YearRow(2011, 2, 3), YearRow(2013, 2, 2))


def test_recognised_per_level_counts_rounds_marked_recognised():
    f = report_figures(small_period())
    assert {lv: f.recognised[lv] for lv in ("tinh", "khu-vuc", "quoc-gia")} == {"tinh": 3, "khu-vuc": 1, "quoc-gia": 1}


def test_groups_registered_and_recognised():
    f = report_figures(small_period())
    rows = {g.group: (g.registered, g.recognised["tinh"], g.recognised["khu-vuc"], g.recognised["quoc-gia"])
            for g in f.groups}
    assert rows == {GROUPS[0]: (0, 0, 0, 0), GROUPS[1]: (3, 2, 1, 1), GROUPS[2]: (1, 1, 0, 0), GROUPS[3]: (0, 0, 0, 0)}
    assert f.groups[1].rate == Decimal(200) / 3


def test_areas_taking_part_and_rates():
    a = report_figures(small_period()).areas
    rows = [(r.district, r.reference, r.establishments, r.products, r.recognised) for r in a.districts]
    assert rows == [("Lục Ngạn", 40, 1, 1, 1), ("Sơn Động", 20, 0, 0, 0), ("Việt Yên", 100, 1, 2, 1),
                    ("Yên Dũng", 50, 1, 1, 1)]
    assert (a.district_total, a.districts_taking_part, a.commune_total, a.communes_taking_part) == (4, 3, 4, 3)
    assert a.reference_total == 210
    assert a.idle_districts == ("Sơn Động",)
    assert a.idle_communes == (("Lục Ngạn", "Biển Động"),)
    assert a.districts[0].rate == Decimal(100) / 40


def test_registrations_naming_no_district_have_their_own_row():
    data = small_period()
    moved = dataclasses.replace(data.registrations[2], district="", commune="Tư Mại")
    data = dataclasses.replace(data, registrations=data.registrations[:2] + (moved,) + data.registrations[3:])
    a = report_figures(data).areas
    assert a.districts[-1].district == "(không ghi huyện)" and a.districts[-1].products == 1
    assert a.districts_taking_part == 2 and "Yên Dũng" in a.idle_districts


def test_activities_dossier_gaps_and_certificates():
    f = report_figures(small_period())
    assert f.activities == (("Hội chợ, triển lãm", 3), ("Lượt cơ sở tham gia hội chợ", 40),
                            ("Bản tin khuyến công", 1800))
    assert f.dossier_gaps == ((BUSINESS_REG, 2), (DESCRIPTION, 1))
    assert [(c.level, c.year, c.product_name) for c in f.expired] == [("tinh", 2011, "Bánh đa Kế")]
    assert sorted((c.level, c.year, c.product_name) for c in f.expiring) == [
        ("khu-vuc", 2012, "Rượu làng Vân"), ("tinh", 2013, "Máy tuốt lúa"), ("tinh", 2013, "Rượu làng Vân")]
    assert [(c.level, c.year, c.product_name) for c in f.renewed] == [("tinh", 2011, "Rượu làng Vân")]


def test_a_one_year_report_sees_only_that_year():
    f = report_figures(small_period(2013, 2013))
    assert f.held["tinh"] == (2013,) and f.joined == {"khu-vuc": (), "quoc-gia": ()}
    assert (f.establishments, f.products) == (2, 2)
    assert f.recognised["tinh"] == 2 and f.period_text == "2013"


def test_appendix_lists_per_level_then_year():
    f = report_figures(small_period())
    assert [(lv, y, len(rs)) for lv, y, rs in f.appendix] == [("tinh", 2011, 2), ("tinh", 2013, 2), ("khu-vuc", 2012, 1)]
