"""With the ocop-2023 preset, Kết quả has a star column from the rules' star bands (SPEC §2)."""

from __future__ import annotations

from builders import contest, score_sheet
from xl_addin.domain import rules as rules_mod
from xl_addin.domain import schema
from xl_addin.domain.sheets.results import results_header, rows_from_results
from xl_addin.domain.scoring import result_set_from_sheets

# OCOP criteria A (35), B (25), C (40); totals 95, 72, 49.5, 29 -> 5, 4, 2, 1 stars
# (1★ below 30, 2★ 30–49, 3★ 50–69, 4★ 70–89, 5★ 90–100).
SCORES = {"SP01": [33, 24, 38], "SP02": [25, 17, 30], "SP03": [15, 14.5, 20], "SP04": [10, 9, 10]}
STARS = {"SP01": 5, "SP02": 4, "SP03": 2, "SP04": 1}


def test_star_column_follows_đạt_điểm_sàn_and_holds_each_product_s_band():
    rules = rules_mod.preset("ocop-2023")
    c = contest(products=tuple(SCORES), judges=("GK1",), rules=rules)
    rows = rows_from_results(result_set_from_sheets(c, [score_sheet("GK1", SCORES, rules)]), rules)
    header = results_header(rules)
    assert header.index(schema.RES_STARS) == header.index(schema.RES_PASSED) + 1
    stars = {r[1]: r[header.index(schema.RES_STARS)] for r in rows[4:]}
    assert stars == STARS


def test_the_cnnt_preset_has_no_star_column():
    assert schema.RES_STARS not in results_header(rules_mod.preset())
