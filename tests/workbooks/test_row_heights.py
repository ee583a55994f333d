"""Row heights for wrapped cells, which openpyxl cannot autofit: lines counted at word boundaries."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

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


def _lines_word_by_word(text: str, width: float) -> int:
    """wrapped_lines as it was before its one-line shortcut: every word placed."""
    total, room = 0, max(int(width) - 1, 1)
    for paragraph in text.split("\n"):
        line, count = 0, 1
        for word in paragraph.split():
            if line and line + 1 + len(word) > room:
                count, line = count + 1, len(word)
            else:
                line += len(word) + (1 if line else 0)
        total += count
    return total


@given(st.text(alphabet=st.sampled_from("ab đ\n\t\r\u00a0\u2028"), max_size=40), st.floats(0, 30))
def test_a_short_text_counts_the_lines_every_word_placed_would(text, width):
    assert wrapped_lines(text, width) == _lines_word_by_word(text, width)
