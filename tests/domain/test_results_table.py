"""The Kết quả sheet as rows: layout, numbers, and a person's edits surviving every re-run."""

from __future__ import annotations

import copy
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from builders import contest, score_sheet
from xl_addin.domain import rules as rules_mod
from xl_addin.domain import schema
from xl_addin.domain.sheets.results import (
    result_rows_from_rows, results_header, rows_from_results, with_certificates,
)
from xl_addin.domain.scoring import result_set_from_sheets

D = Decimal
YES, NO = schema.YES, schema.NO
PRODUCTS = ("SP01", "SP02", "SP03", "SP04")
SCORES = {
    "SP01": [30, 30, 10, 10],  # 80
    "SP02": [30, 35, 5, 5],  # 75
    "SP03": [35, 30, 5, 5],  # 75, ahead of SP02 on TC1
    "SP04": [30, 30, 5, 5],  # 70
}
ORDER = ["SP01", "SP03", "SP02", "SP04"]


def results(scores=SCORES, **changes):
    rules = rules_mod.preset().with_changes(**changes)
    c = contest(products=PRODUCTS, judges=("GK1",), rules=rules)
    return result_set_from_sheets(c, [score_sheet("GK1", scores)]), rules


def col(rules, header):
    return results_header(rules).index(header)


def value(rows, rules, code, header):
    row = next(r for r in rows[4:] if r[1] == code)
    return row[col(rules, header)]


def edit(rows, rules, code, header, new):
    rows = copy.deepcopy(rows)
    next(r for r in rows[4:] if r[1] == code)[col(rules, header)] = new
    return rows


def test_header_is_the_contract():
    rules = rules_mod.preset()
    assert results_header(rules) == [
        "Hạng", "Mã sản phẩm", "Tên sản phẩm", "Nhóm sản phẩm", "Tên cơ sở", "TC1", "TC2", "TC3", "TC4",
        "Tổng điểm", "Số giám khảo", "Độ lệch", "Đạt điểm sàn", "Hội đồng đề xuất", "Đề xuất cấp trên",
        "Số giấy chứng nhận", "Hiệu lực đến", "Cảnh báo",
        "Công cụ đã điền: Hội đồng đề xuất", "Công cụ đã điền: Đề xuất cấp trên",
        "Công cụ đã điền: Số giấy chứng nhận", "Công cụ đã điền: Hiệu lực đến",
    ]


def test_layout_and_numbers_of_a_product():
    rules = rules_mod.preset().with_changes(quota=2, forward_count=1)
    c = contest(products=("SP01",), rules=rules)
    sheets = [
        score_sheet("GK1", {"SP01": [30, 25, 8, 8]}),
        score_sheet("GK2", {"SP01": [29, 25, 8, 8]}),
        score_sheet("GK3", {"SP01": ["28.5", 25, 8, 8]}),
    ]
    rows = rows_from_results(result_set_from_sheets(c, sheets), rules)
    assert rows[0][0] == "KẾT QUẢ BÌNH CHỌN SẢN PHẨM CNNT TIÊU BIỂU"
    assert "Điểm sàn: 70" in rows[1][0] and "tối đa: 2" in rows[1][0] and "cấp trên: 1" in rows[1][0]
    assert "TC1, rồi TC2, TC3, TC4" in rows[1][0]
    assert all(v is None for v in rows[2])
    assert rows[3] == results_header(rules)
    # TC1 (30 + 29 + 28.5) / 3 = 29.1666… -> 29.17; total 210.5 / 3 = 70.1666… -> 70.17; spread 71 - 69.5;
    # without GK1's 71 the mean would be (70 + 69.5) / 2 = 69.75: the pass depends on GK1
    assert rows[4] == [
        1, "SP01", "Sản phẩm SP01", rules_mod.GROUPS[0], "Cơ sở SP01", 29.17, 25.0, 8.0, 8.0,
        70.17, 3, 1.5, YES, YES, YES, None, None, "Đạt hay không phụ thuộc giám khảo GK1",
        YES, YES, None, None,
    ]
    assert len(rows) == 5 and all(len(r) == len(rows[3]) for r in rows)


def test_provisional_title_is_marked():
    rs, rules = results()
    provisional = result_set_from_sheets(contest(products=PRODUCTS, judges=("GK1",)), [], provisional=True)
    assert rows_from_results(provisional, rules, title="KẾT QUẢ")[0][0] == "KẾT QUẢ — TẠM TÍNH"
    assert rows_from_results(rs, rules, title="KẾT QUẢ")[0][0] == "KẾT QUẢ"


def test_rows_follow_ranking_order():
    rs, rules = results()
    rows = rows_from_results(rs, rules)
    assert [r[1] for r in rows[4:]] == ORDER
    assert [r[0] for r in rows[4:]] == [1, 2, 2, 4]


def test_untouched_pre_fills_follow_new_results():
    rs1, rules = results()
    before = rows_from_results(rs1, rules)
    assert value(before, rules, "SP04", schema.RES_COUNCIL) == YES
    rs2, _ = results({**SCORES, "SP04": [30, 30, 5, 4]})  # 69: no longer passes
    after = rows_from_results(rs2, rules, before)
    assert value(after, rules, "SP04", schema.RES_COUNCIL) == NO
    assert value(after, rules, "SP04", schema.RES_AUTO_COUNCIL) == NO


def test_a_persons_council_decision_is_kept_and_moves_forwarding():
    rs, rules = results(forward_count=1)
    before = rows_from_results(rs, rules)
    assert value(before, rules, "SP01", schema.RES_FORWARD) == YES
    edited = edit(before, rules, "SP01", schema.RES_COUNCIL, NO)
    after = rows_from_results(rs, rules, edited)
    assert value(after, rules, "SP01", schema.RES_COUNCIL) == NO
    assert value(after, rules, "SP01", schema.RES_AUTO_COUNCIL) == YES  # memory kept as it was
    assert [value(after, rules, code, schema.RES_FORWARD) for code in ORDER] == [NO, YES, NO, NO]


def test_a_persons_yes_adds_to_forwarding():
    low = {**SCORES, "SP04": [30, 30, 5, 4]}  # SP04 fails: the tool proposes SP01, SP03, SP02
    rs, rules = results(low, forward_count=3)
    before = rows_from_results(rs, rules)
    edited = edit(edit(before, rules, "SP04", schema.RES_COUNCIL, "có"), rules, "SP01", schema.RES_COUNCIL, NO)
    after = rows_from_results(rs, rules, edited)
    assert [value(after, rules, code, schema.RES_FORWARD) for code in ORDER] == [NO, YES, YES, YES]
    assert value(after, rules, "SP04", schema.RES_COUNCIL) == "có"


def test_values_typed_where_the_tool_wrote_nothing_or_cleared_are_kept():
    rs, rules = results()
    before = rows_from_results(rs, rules)
    edited = edit(before, rules, "SP02", schema.RES_CERT_NO, "015/GCN-CNNT")
    edited = edit(edited, rules, "SP03", schema.RES_COUNCIL, None)
    after = rows_from_results(rs, rules, edited)
    assert value(after, rules, "SP02", schema.RES_CERT_NO) == "015/GCN-CNNT"
    assert value(after, rules, "SP02", schema.RES_AUTO_CERT_NO) is None
    assert value(after, rules, "SP03", schema.RES_COUNCIL) is None
    assert value(after, rules, "SP03", schema.RES_AUTO_COUNCIL) == YES


def test_certificates_fill_tool_cells_only_and_survive_a_re_run():
    rs, rules = results()
    rows = edit(rows_from_results(rs, rules), rules, "SP03", schema.RES_CERT_NO, "Chờ ký")
    certs = {"SP01": ("001/GCN-CNNT", "31/12/2028"), "SP03": ("002/GCN-CNNT", "31/12/2028")}
    filled = with_certificates(rows, certs)
    assert value(rows, rules, "SP01", schema.RES_CERT_NO) is None  # the input is not modified
    assert value(filled, rules, "SP01", schema.RES_CERT_NO) == "001/GCN-CNNT"
    assert value(filled, rules, "SP01", schema.RES_AUTO_VALID_UNTIL) == "31/12/2028"
    assert value(filled, rules, "SP03", schema.RES_CERT_NO) == "Chờ ký"
    assert value(filled, rules, "SP03", schema.RES_VALID_UNTIL) == "31/12/2028"
    rerun = rows_from_results(rs, rules, filled)
    assert value(rerun, rules, "SP01", schema.RES_CERT_NO) == "001/GCN-CNNT"
    assert value(rerun, rules, "SP03", schema.RES_CERT_NO) == "Chờ ký"
    again = with_certificates(rerun, {"SP01": ("009/GCN-CNNT", "31/12/2029"), "SP03": ("010/GCN-CNNT", "")})
    assert value(again, rules, "SP01", schema.RES_CERT_NO) == "009/GCN-CNNT"
    assert value(again, rules, "SP03", schema.RES_CERT_NO) == "Chờ ký"


def test_reading_the_sheet_back_as_it_stands():
    rs, rules = results()
    rows = edit(rows_from_results(rs, rules), rules, "SP04", schema.RES_COUNCIL, NO)
    rows = with_certificates(rows, {"SP01": ("001/GCN-CNNT", "31/12/2028")})
    read = {r.code: r for r in result_rows_from_rows(rows)}
    assert list(read) == ORDER
    sp01, sp04 = read["SP01"], read["SP04"]
    assert (sp01.rank, sp01.total, sp01.council, sp01.cert_no, sp01.valid_until, sp01.row) == (
        1, D(80), True, "001/GCN-CNNT", "31/12/2028", 5)
    assert (sp04.rank, sp04.total, sp04.council, sp04.forward, sp04.row) == (4, D(70), False, False, 8)
    assert sp01.name == "Sản phẩm SP01" and sp01.establishment == "Cơ sở SP01"
    assert result_rows_from_rows([]) == []


# --- A person's edit survives any re-run ---------------------------------------------------

score = st.lists(st.integers(0, 10), min_size=4, max_size=4).map(lambda v: [v[0] * 4, v[1] * 4, v[2], v[3]])
score_sets = st.fixed_dictionaries({code: score for code in PRODUCTS})
EDITABLE = list(schema.RES_PREFILLED)
CHOICES = {
    schema.RES_COUNCIL: [YES, NO, None, "chờ họp"],
    schema.RES_FORWARD: [YES, NO, None],
    schema.RES_CERT_NO: ["001/GCN", "x", None],
    schema.RES_VALID_UNTIL: ["31/12/2030", None],
}


@settings(max_examples=120, deadline=None)
@given(
    first=score_sets, second=score_sets,
    quota=st.none() | st.integers(0, 4), forward=st.none() | st.integers(0, 4),
    edits=st.lists(st.tuples(st.sampled_from(PRODUCTS), st.sampled_from(EDITABLE), st.integers(0, 3)), max_size=8),
)
def test_a_persons_edit_survives_any_re_run(first, second, quota, forward, edits):
    rs1, rules = results(first, quota=quota, forward_count=forward)
    rows = rows_from_results(rs1, rules)
    rows = with_certificates(rows, {"SP01": ("001/GCN", "31/12/2029")})
    made = {}
    for code, header, pick in edits:
        memory = value(rows, rules, code, schema.RES_PREFILLED[header])
        options = [v for v in CHOICES[header] if v != memory]
        new = options[pick % len(options)]
        rows = edit(rows, rules, code, header, new)
        made[(code, header)] = (new, memory)
    rs2, _ = results(second, quota=quota, forward_count=forward)
    after = rows_from_results(rs2, rules, rows)
    after = rows_from_results(rs2, rules, after)  # and once more
    for (code, header), (new, memory) in made.items():
        assert value(after, rules, code, header) == new
        assert value(after, rules, code, schema.RES_PREFILLED[header]) == memory


def test_a_column_a_person_added_is_carried_over_by_product_code():
    rs, rules = results()
    first = rows_from_results(rs, rules)
    first[3] = first[3] + ["Ý kiến Hội đồng"]
    for row in first[4:]:
        row.append(f"ghi chú cho {row[1]}")
    again = rows_from_results(rs, rules, previous=first)
    assert again[3][-1] == "Ý kiến Hội đồng"
    assert {row[1]: row[-1] for row in again[4:]} == {code: f"ghi chú cho {code}" for code in PRODUCTS}
