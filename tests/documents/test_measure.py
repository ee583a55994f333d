"""Text widths from the Times metrics, and agency names broken into balanced lines at spaces."""

import pytest

from xl_addin.documents.contexts import heading_lines
from xl_addin.documents.measure import balanced_lines, longest_word_points, text_points

CM = 72 / 2.54


def test_widths_follow_the_times_metrics():
    # "STT" in Times bold: S 556 + T 667 + T 667 = 1890/1000 em; at 10 pt 18.9 pt, plus the safety margin.
    assert text_points("STT", 10, bold=True) == pytest.approx(18.9 * 1.06)
    # Diacritics do not widen a letter: "Không" is as wide as "Khong".
    assert text_points("Không", 11) == text_points("Khong", 11)
    assert longest_word_points("Số QNa/2024/01", 13) == text_points("QNa/2024/01", 13)


@pytest.mark.parametrize("name, width_cm, lines", [
    ("CỤC CÔNG THƯƠNG ĐỊA PHƯƠNG", 6.0, ["CỤC CÔNG THƯƠNG", "ĐỊA PHƯƠNG"]),
    ("CỤC CÔNG THƯƠNG ĐỊA PHƯƠNG", 12.0, ["CỤC CÔNG THƯƠNG ĐỊA PHƯƠNG"]),
    # A break before "tỉnh", "và" … is preferred, and two-syllable words stay whole.
    ("SỞ CÔNG THƯƠNG TỈNH BÀ RỊA - VŨNG TÀU", 8.2, ["SỞ CÔNG THƯƠNG", "TỈNH BÀ RỊA - VŨNG TÀU"]),
    ("TRUNG TÂM KHUYẾN CÔNG VÀ TƯ VẤN PHÁT TRIỂN CÔNG NGHIỆP", 8.2,
     ["TRUNG TÂM KHUYẾN CÔNG", "VÀ TƯ VẤN PHÁT TRIỂN", "CÔNG NGHIỆP"]),
    ("BỘ CÔNG THƯƠNG\nCỤC CÔNG THƯƠNG ĐỊA PHƯƠNG", 12.0, ["BỘ CÔNG THƯƠNG", "CỤC CÔNG THƯƠNG ĐỊA PHƯƠNG"]),
])
def test_lines_break_at_spaces_as_evenly_as_they_can(name, width_cm, lines):
    assert balanced_lines(name, width_cm * CM, 13, bold=True) == lines


def test_a_word_longer_than_the_line_stays_whole():
    assert balanced_lines("QNa/2024/01/GCN-UBND-SCT", 1 * CM, 13) == ["QNa/2024/01/GCN-UBND-SCT"]


def test_headings_put_the_peoples_committee_on_its_own_line():
    assert heading_lines("Ủy ban nhân dân tỉnh Bắc Giang") == ["Ủy ban nhân dân", "tỉnh Bắc Giang"]
    assert heading_lines("Ủy ban nhân dân xã Tân Dĩnh") == ["Ủy ban nhân dân", "xã Tân Dĩnh"]
    assert heading_lines("Cục Công Thương địa phương") == ["Cục Công Thương địa phương"]
    assert heading_lines("Sở Công Thương\ntỉnh Bắc Giang") == ["Sở Công Thương", "tỉnh Bắc Giang"]  # as typed
    assert heading_lines("") == []


def test_word_and_line_points_in_one_pass_equal_the_two_measures():
    from xl_addin.documents.measure import longest_word_points, text_points, word_and_line_points

    texts = ["", "   ", "Sản phẩm", "  Hợp tác xã  sản xuất\tsố 12 ", "Đ" * 80, "a b", "ĐẶC SẢN  TÂY NGUYÊN",
             "Trà\u00a0xanh Thái Nguyên", "x\n y", "85,50"]
    for text in texts:
        for size, bold in ((11, False), (12.5, True), (9, False)):
            assert word_and_line_points(text, size, bold) == (longest_word_points(text, size, bold),
                                                               text_points(text.strip(), size, bold))
