"""The Quy định sheet: rules written as rows and read back with findings."""

from decimal import Decimal
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from builders import where
from xl_addin.domain import rules
from xl_addin.domain.rules import Criterion, Rules, StarBand
from xl_addin.domain.sheets.rules import rows_from_rules, rules_from_rows
from xl_addin.domain.values import text

SHEET = "Quy định"
CNNT = [("TC1", "Thị trường", 40, None), ("TC2", "Kỹ thuật", 40, None), ("TC3", "Văn hóa", 10, None),
        ("TC4", "Khác", 10, None)]


def rules_rows(criteria=CNNT, drop=(), criteria_header=("Mã tiêu chí", "Nội dung tiêu chí", "Điểm tối đa",
                                                        "Thuộc tiêu chí"), **values):
    """The sheet as staff see it. Rows: 2 preset, 3–7 pass marks Xã…Quốc gia, 8 quota, 9 forward,
    10 validity, 11 tie-break, 12 spread, 13 outlier, 14 blank, 15 criteria header, 16… criteria."""
    settings_ = {
        "Bộ quy định": "cnnt-2014", "Điểm sàn cấp Xã": 70, "Điểm sàn cấp Huyện": 70, "Điểm sàn cấp Tỉnh": 70,
        "Điểm sàn cấp Khu vực": 70, "Điểm sàn cấp Quốc gia": 70, "Số sản phẩm công nhận tối đa": None,
        "Số sản phẩm đề xuất cấp trên": None, "Số năm hiệu lực giấy chứng nhận": 4,
        "Thứ tự xét khi bằng điểm": "TC1, TC2, TC3, TC4", "Ngưỡng cảnh báo độ lệch": 15,
        "Ngưỡng cảnh báo giám khảo lệch": 8,
    }
    settings_.update(values)
    rows = [["Quy định", "Giá trị", "Ghi chú"]]
    rows += [[label, value, "ghi chú"] for label, value in settings_.items() if label not in drop]
    rows += [[], list(criteria_header)]
    rows += [list(c) for c in criteria]
    return rows




def test_reads_the_default_rules():
    result, findings = rules_from_rows(rules_rows())
    assert findings == []
    assert [(c.code, c.max_points, c.parent) for c in result.criteria] == [
        ("TC1", 40, None), ("TC2", 40, None), ("TC3", 10, None), ("TC4", 10, None)]
    assert result.pass_marks == {k: Decimal(70) for k in ("xa", "huyen", "tinh", "khu-vuc", "quoc-gia")}
    assert (result.quota, result.forward_count, result.validity_years) == (None, None, 4)
    assert (result.tie_break, result.spread_alert, result.outlier_alert) == (("TC1", "TC2", "TC3", "TC4"), 15, 8)
    assert result.preset == "cnnt-2014" and result.star_bands == ()


def test_presets_round_trip():
    for name in ("cnnt-2014", "ocop-2023"):
        r = rules.preset(name)
        assert rules_from_rows(rows_from_rules(r)) == (r, [])


def test_written_layout_has_notes_a_blank_row_and_the_criteria_table():
    rows = rows_from_rules(rules.preset("cnnt-2014"))
    assert rows[0] == ["Quy định", "Giá trị", "Ghi chú"]
    assert rows[1][:2] == ["Bộ quy định", "cnnt-2014"]
    assert [r[0] for r in rows[2:7]] == ["Điểm sàn cấp Xã", "Điểm sàn cấp Huyện", "Điểm sàn cấp Tỉnh",
                                          "Điểm sàn cấp Khu vực", "Điểm sàn cấp Quốc gia"]
    assert rows[10][:2] == ["Thứ tự xét khi bằng điểm", "TC1, TC2, TC3, TC4"]
    assert all(isinstance(r[2], str) and r[2] for r in rows[1:13])
    assert not any(rows[13]) and rows[14] == ["Mã tiêu chí", "Nội dung tiêu chí", "Điểm tối đa", "Thuộc tiêu chí"]
    assert rows[15] == ["TC1", "Đáp ứng thị trường và khả năng phát triển sản xuất", 40, None]
    ocop = rows_from_rules(rules.preset("ocop-2023"))
    assert [r[:2] for r in ocop[7:12]] == [[f"Điểm tối thiểu {n} sao", low] for n, low in
                                          ((1, 0), (2, 30), (3, 50), (4, 70), (5, 90))]


def test_decimal_comma_is_read():
    criteria = [("TC1", "a", "40", None), ("TC2", "b", 40, None), ("TC3", "c", "8,5", None), ("TC4", "d", 11.5, None)]
    result, findings = rules_from_rows(rules_rows(criteria, **{"Ngưỡng cảnh báo độ lệch": "12,5"}))
    assert findings == []
    assert [c.max_points for c in result.criteria] == [Decimal(40), Decimal(40), Decimal("8.5"), Decimal("11.5")]
    assert result.spread_alert == Decimal("12.5")


def test_main_criteria_must_add_up_to_100():
    criteria = [("TC1", "a", 40, None), ("TC2", "b", 40, None), ("TC3", "c", 10, None)]
    result, findings = rules_from_rows(rules_rows(criteria, **{"Thứ tự xét khi bằng điểm": "TC1, TC2, TC3"}))
    assert where(findings) == [("invalid-number", SHEET, "C16")]
    assert "90" in findings[0].message and "100" in findings[0].message
    assert result is not None and len(result.criteria) == 3


def test_bad_maxima_duplicates_and_unknown_parents_in_one_pass():
    criteria = [
        ("TC1", "a", "bốn mươi", None),  # row 16
        ("TC2", "b", 0, None),  # row 17
        ("TC2", "c", 10, None),  # row 18: duplicate
        ("TC3", "", 10, None),  # row 19: no name
        ("TC3.1", "d", 5, "TC9"),  # row 20: unknown parent
        ("TC3.2", "e", 5, "TC3.1"),  # row 21: parent is a sub-item
    ]
    result, findings = rules_from_rows(rules_rows(criteria, **{"Thứ tự xét khi bằng điểm": "TC1, TC2, TC3"}))
    assert where(findings) == [
        ("invalid-number", SHEET, "C16"), ("invalid-number", SHEET, "C17"), ("duplicate-code", SHEET, "A18"),
        ("missing-value", SHEET, "B19"), ("invalid-choice", SHEET, "D20"), ("invalid-choice", SHEET, "D21"),
    ]
    assert "dòng 17" in findings[2].message
    assert [c.code for c in result.criteria] == ["TC3"]


def test_sub_items_belong_to_a_main_criterion_within_its_maximum():
    subs = [("tc1.1", "Thị trường trong nước", "20", "tc1"), ("TC1.2", "Xuất khẩu", 20, "TC1")]
    criteria = CNNT[:1] + subs + CNNT[1:]
    result, findings = rules_from_rows(rules_rows(criteria))
    assert findings == []
    assert [(c.code, c.parent) for c in result.criteria][:3] == [("TC1", None), ("tc1.1", "TC1"), ("TC1.2", "TC1")]
    assert [c.code for c in result.scoring_items] == ["tc1.1", "TC1.2", "TC2", "TC3", "TC4"]
    criteria[2] = ("TC1.2", "Xuất khẩu", 25, "TC1")
    _, findings = rules_from_rows(rules_rows(criteria))
    assert where(findings) == [("invalid-number", SHEET, "C17")]
    assert findings[0].severity == "warning"  # SPEC §2: sub-items are capped by their criterion's maximum
    assert "45" in findings[0].message


def test_tie_break_codes_must_be_main_criteria():
    rows = rules_rows(CNNT + [("TC1.1", "x", 10, "TC1")], **{"Thứ tự xét khi bằng điểm": "tc2; TC9, TC1.1"})
    result, findings = rules_from_rows(rows)
    assert where(findings) == [("invalid-choice", SHEET, "B11"), ("invalid-choice", SHEET, "B11")]
    assert "“TC9”" in findings[0].message and "“TC1.1”" in findings[1].message
    assert result.tie_break == ("TC2",)
    result, findings = rules_from_rows(rules_rows(**{"Thứ tự xét khi bằng điểm": None}))
    assert findings == [] and result.tie_break == ("TC1", "TC2", "TC3", "TC4")


def test_numbers_of_the_settings_are_checked():
    rows = rules_rows(**{"Điểm sàn cấp Tỉnh": "bảy mươi", "Điểm sàn cấp Xã": 120, "Điểm sàn cấp Huyện": None,
                         "Số sản phẩm công nhận tối đa": 0, "Số sản phẩm đề xuất cấp trên": "3",
                         "Số năm hiệu lực giấy chứng nhận": 2.5, "Ngưỡng cảnh báo độ lệch": 0,
                         "Ngưỡng cảnh báo giám khảo lệch": "-1"})
    result, findings = rules_from_rows(rows)
    assert where(findings) == [
        ("invalid-number", SHEET, "B3"), ("missing-value", SHEET, "B4"), ("invalid-number", SHEET, "B5"),
        ("invalid-number", SHEET, "B8"), ("invalid-number", SHEET, "B10"), ("invalid-number", SHEET, "B12"),
        ("invalid-number", SHEET, "B13"),
    ]
    # Unusable values are replaced by the preset's, so the other checks can go on.
    assert result.pass_marks["tinh"] == 70 and result.quota is None and result.forward_count == 3
    assert result.validity_years == 4 and result.spread_alert == 15


def test_absent_rule_rows_point_at_the_first_empty_row():
    rows = rules_rows(drop=("Điểm sàn cấp Tỉnh", "Ngưỡng cảnh báo giám khảo lệch", "Số sản phẩm công nhận tối đa"))
    result, findings = rules_from_rows(rows)  # 9 rule rows under the header: A11 is the blank row
    assert where(findings) == [("missing-value", SHEET, "A11"), ("missing-value", SHEET, "A11")]
    assert "“Điểm sàn cấp Tỉnh”" in findings[0].message
    assert result.quota is None


def test_missing_criteria_table_or_column():
    rows = rules_rows()[:13]
    result, findings = rules_from_rows(rows)
    assert result is None and where(findings) == [("missing-column", SHEET, "A15")]
    rows = rules_rows(criteria=[(c[0], c[1]) for c in CNNT], criteria_header=("Mã tiêu chí", "Nội dung tiêu chí"))
    result, findings = rules_from_rows(rows)
    assert result is None and where(findings) == [("missing-column", SHEET, "C15")]


def test_unknown_preset_keeps_the_values_of_the_sheet():
    rows = rules_rows(**{"Bộ quy định": "Quy định riêng 2025", "Điểm sàn cấp Tỉnh": 75})
    result, findings = rules_from_rows(rows)
    assert findings == [] and result.preset == "Quy định riêng 2025" and result.pass_marks["tinh"] == 75


def test_reordered_criteria_columns_and_a_title_row():
    rows = [["QUY ĐỊNH CUỘC BÌNH CHỌN"]] + rules_rows(
        criteria=[(40, "a", "TC1"), (40, "b", "TC2"), ("mười", "c", "TC3"), (10, "d", "TC4")],
        criteria_header=("Điểm tối đa", "Nội dung tiêu chí", "Mã tiêu chí"))
    result, findings = rules_from_rows(rows)
    assert where(findings) == [("invalid-number", SHEET, "A19")]
    assert [c.code for c in result.criteria] == ["TC1", "TC2", "TC4"]


# --- parse(write(x)) == x --------------------------------------------------------------------

codes = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-", min_size=1, max_size=6)
names = st.text(min_size=1, max_size=25).filter(lambda s: s and text(s) == s)


def hundredths(low, high):
    return st.integers(low, high).map(lambda n: Decimal(n) / 100)


@st.composite
def split(draw, total, parts):
    """`parts` positive amounts of hundredths adding up to `total` hundredths, as Decimals."""
    if parts == 1:
        return [Decimal(total) / 100]
    cuts = sorted(draw(st.lists(st.integers(1, total - 1), min_size=parts - 1, max_size=parts - 1, unique=True)))
    return [Decimal(b - a) / 100 for a, b in pairwise([0, *cuts, total])]


@st.composite
def criteria_tables(draw):
    sub_counts = draw(st.lists(st.integers(0, 3), min_size=1, max_size=5))
    all_codes = draw(st.lists(codes, min_size=len(sub_counts) + sum(sub_counts),
                              max_size=len(sub_counts) + sum(sub_counts), unique_by=str.casefold))
    maxima = draw(split(10000, len(sub_counts)))
    out, taken = [], len(sub_counts)
    for code, maximum, subs in zip(all_codes, maxima, sub_counts):
        out.append(Criterion(code, draw(names), maximum))
        subs = min(subs, int(maximum * 100))
        sub_maxima = draw(split(int(maximum * 100), subs)) if subs else []
        for sub_max in sub_maxima:
            out.append(Criterion(all_codes[taken], draw(names), sub_max, code))
            taken += 1
    return tuple(out)


@st.composite
def any_rules(draw):
    criteria = draw(criteria_tables())
    tops = [c.code for c in criteria if c.parent is None]
    stars = draw(st.lists(st.integers(1, 10), unique=True, max_size=5))
    return Rules(
        preset=draw(names),
        criteria=criteria,
        pass_marks={level: draw(hundredths(0, 10000)) for level in rules.LEVEL_ORDER},
        quota=draw(st.none() | st.integers(1, 500)),
        forward_count=draw(st.none() | st.integers(1, 50)),
        validity_years=draw(st.integers(1, 10)),
        tie_break=tuple(draw(st.permutations(tops))[: draw(st.integers(1, len(tops)))]),
        spread_alert=draw(hundredths(1, 10000)),
        outlier_alert=draw(hundredths(1, 10000)),
        star_bands=tuple(StarBand(n, draw(hundredths(0, 10000))) for n in stars),
    )


@settings(max_examples=200, deadline=None)
@given(any_rules())
def test_reading_back_what_was_written_gives_the_same_rules(r):
    assert rules_from_rows(rows_from_rules(r)) == (r, [])
