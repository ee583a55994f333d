"""Row heights for wrapped cells, which openpyxl cannot autofit: lines counted at word boundaries."""

from __future__ import annotations

from xl_addin.workbooks.styles import LINE_HEIGHT, row_height, wrapped_lines


def test_words_wrap_whole_and_paragraphs_count_apart():
    assert wrapped_lines("", 10) == 1
    assert wrapped_lines("Mây tre đan", 20) == 1  # 11 characters in 19 of room
    # room 9: "Bộ sản" (6) + " phẩm" would be 11 -> "phẩm mây" (8) -> "tre đan" (7): three lines
    assert wrapped_lines("Bộ sản phẩm mây tre đan", 10) == 3
    assert wrapped_lines("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", 40) == 3


def test_a_row_is_as_tall_as_its_longest_wrapped_cell():
    texts = {1: "ngắn", 2: "một hai ba bốn năm sáu bảy tám chín mười", 3: None}
    # column 2 is 10 wide (room 9): "một hai" / "ba bốn" / "năm sáu" / "bảy tám" / "chín mười" = 5 lines
    assert row_height(texts, {1: 10, 2: 10}) == 5 * LINE_HEIGHT
    assert row_height({1: None}, {1: 10}) == LINE_HEIGHT
