"""The printed width of text in Times New Roman, from the Times AFM advance widths (no font file needed).

Times New Roman and Liberation Serif (what LibreOffice uses in its place) share these metrics
closely; Vietnamese letters are as wide as their base letter, so diacritics are dropped first.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Advance widths in 1/1000 em: (regular, bold).
_UPPER = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", zip(
    (722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722,
     722, 944, 722, 722, 611),
    (722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722,
     722, 1000, 722, 722, 667),
)))
_LOWER = dict(zip("abcdefghijklmnopqrstuvwxyz", zip(
    (444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500,
     500, 722, 500, 500, 444),
    (500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556,
     500, 722, 500, 500, 444),
)))
_OTHER = {
    " ": (250, 250), ".": (250, 250), ",": (250, 250), ":": (278, 333), ";": (278, 333), "/": (278, 278),
    "-": (333, 333), "–": (500, 500), "—": (1000, 1000), "(": (333, 333), ")": (333, 333), "&": (778, 833),
    "\"": (408, 555), "'": (180, 278), "“": (444, 500), "”": (444, 500), "%": (833, 1000), "…": (1000, 1000),
    "+": (564, 570), "*": (500, 500), "#": (500, 500), "★": (1000, 1000), "!": (333, 333), "?": (444, 500),
}
_DIGIT = (500, 500)
_UNKNOWN = (722, 778)
SAFETY = 1.06  # renderers differ a little in kerning and rounding: leave room


MAX_LINES = 5
PREFER_BONUS = 0.15  # of the line width: how much less even a break before a phrase may be
PHRASE_STARTS = {"và", "tỉnh", "thành", "huyện", "xã", "phường", "quận", "thị", "của", "về"}


def _base(ch: str) -> str:
    """The letter without its diacritics: 'ế' -> 'e', 'Đ' -> 'D'."""
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    return unicodedata.normalize("NFD", ch)[0]


@lru_cache(maxsize=4096)  # a few hundred distinct letters; measuring every table cell asks for each thousands of times
def char_width(ch: str, bold: bool = False) -> int:
    """The advance of one character in 1/1000 em."""
    b = _base(ch)
    pair = _UPPER.get(b) or _LOWER.get(b) or _OTHER.get(b) or (_DIGIT if b.isdigit() else _UNKNOWN)
    return pair[1 if bold else 0]


_KNOWN: tuple[dict[str, int], dict[str, int]] = ({}, {})  # char_width's answers, regular and bold
_WORDS: tuple[dict[str, int], dict[str, int]] = ({}, {})  # _units of the words met, regular and bold


def _units(text: str, bold: bool) -> int:
    """The advance of a text in 1/1000 em (each letter's width looked up once, then from a dict)."""
    known = _KNOWN[1 if bold else 0]
    try:
        return sum(map(known.__getitem__, text))
    except KeyError:  # a letter not met before
        known.update((ch, char_width(ch, bold)) for ch in set(text) - known.keys())
        return sum(map(known.__getitem__, text))


def text_points(text: str, size_pt: float, bold: bool = False, caps: bool = False) -> float:
    """The width of a line of text in points, with a small safety margin."""
    return _units(text.upper() if caps else text, bold) * size_pt / 1000 * SAFETY


def longest_word_points(text: str, size_pt: float, bold: bool = False) -> float:
    """The width in points of the widest word (a line may break only at spaces)."""
    widest = max((_units(w, bold) for w in text.split()), default=0)
    return widest * size_pt / 1000 * SAFETY


def word_and_line_points(text: str, size_pt: float, bold: bool = False) -> tuple[float, float]:
    """(longest_word_points(text), text_points(text.strip())) in one pass over the words."""
    words = text.split()
    units = [_units(w, bold) for w in words]
    line = text.strip()
    gaps = len(line) - sum(map(len, words))
    if gaps == line.count(" "):  # the words are parted by spaces only: the line is the words and the spaces
        total = sum(units) + gaps * _units(" ", bold) if gaps else sum(units)
    else:
        total = _units(line, bold)
    return max(units, default=0) * size_pt / 1000 * SAFETY, total * size_pt / 1000 * SAFETY  # as the two do


def widest_word_and_line(texts, size_pt: float, bold: bool = False) -> tuple[float, float]:
    """The largest of word_and_line_points over many texts, each of the two taken apart (each distinct word
    measured once: names share their syllables; a line's width is its letters' sum, spaces included)."""
    texts = list(texts)
    known, words = _KNOWN[1 if bold else 0], _WORDS[1 if bold else 0]
    letters = set("".join(texts))
    known.update((ch, char_width(ch, bold)) for ch in letters - known.keys())
    letter = known.__getitem__
    widest_letter = max(map(letter, letters), default=0)
    line = 0
    for text in sorted(texts, key=len, reverse=True):
        if len(text) * widest_letter <= line:
            break  # no shorter text can be wider
        units = sum(map(letter, text))
        if units > line and (text[:1].isspace() or text[-1:].isspace()):
            units = sum(map(letter, text.strip()))
        line = max(line, units)
    split = set("\n".join(texts).split())
    words.update((w, sum(map(letter, w))) for w in split - words.keys())
    widest = max(map(words.__getitem__, split), default=0)
    if len(words) > 200_000:
        words.clear()
    return widest * size_pt / 1000 * SAFETY, line * size_pt / 1000 * SAFETY  # as word_and_line_points does


def balanced_lines(text: str, width_pt: float, size_pt: float, bold: bool = False, caps: bool = False) -> list[str]:
    """The text broken at spaces into the fewest lines that fit width_pt, as even in length as possible.

    Lines a person typed (Alt+Enter) are kept as typed and only broken further when too long.
    """
    out: list[str] = []
    for typed in (text or "").splitlines():
        words = _compounds(typed.split())
        if words:
            out += _balanced(words, width_pt, lambda s: text_points(s, size_pt, bold, caps))
    return out


# Two-syllable words common in agency names: Vietnamese writes a space inside a word, so a break
# between syllables would split one; these are kept on one line.
COMPOUNDS = {
    "ủy ban", "uỷ ban", "nhân dân", "công thương", "khuyến công", "phát triển", "công nghiệp", "tư vấn",
    "kinh tế", "hạ tầng", "thương mại", "địa phương", "nông thôn", "tiêu biểu", "bình chọn", "hội đồng",
    "thành phố", "thị xã", "thị trấn", "sản phẩm", "trung tâm", "đô thị", "chủ tịch", "nông nghiệp",
    "khoa học", "công nghệ", "giám đốc", "tây nguyên", "miền trung", "đổi mới", "sáng tạo", "chuyển đổi",
    "môi trường", "hợp tác", "doanh nghiệp", "xúc tiến", "đầu tư", "quản lý",
}


def _compounds(words: list[str]) -> list[str]:
    """The words with each known two-syllable word joined into one unit."""
    out: list[str] = []
    for word in words:
        pair = f"{out[-1]} {word}".lower().rstrip(",.;:") if out else ""
        if out and " " not in out[-1] and pair in COMPOUNDS:
            out[-1] = f"{out[-1]} {word}"
        else:
            out.append(word)
    return out


def _balanced(words: list[str], width_pt: float, measure) -> list[str]:
    """The words in the fewest lines that fit, as even as possible, preferring a break before a word that
    opens a phrase ("và", "tỉnh", "huyện" …) so that two-syllable words stay whole more often."""
    widest = lambda lines: max(measure(line) for line in lines)  # noqa: E731
    for count in range(1, min(len(words), MAX_LINES) + 1):
        fitting = [s for s in _splits(words, count) if widest(s) <= width_pt]
        if fitting:
            return min(fitting, key=lambda s: (round(widest(s) - PREFER_BONUS * width_pt * _phrase_starts(s), 1),
                                               widest(s) - min(measure(line) for line in s)))
    return min(_splits(words, min(len(words), MAX_LINES)), key=widest)


def _phrase_starts(lines: list[str]) -> int:
    """How many lines after the first begin with a word that opens a phrase."""
    return sum(line.split()[0].lower() in PHRASE_STARTS for line in lines[1:])


def _splits(words: list[str], count: int):
    """Every way to cut the words into count non-empty lines, in order."""
    if count == 1:
        yield [" ".join(words)]
        return
    for cut in range(1, len(words) - count + 2):
        for rest in _splits(words[cut:], count - 1):
            yield [" ".join(words[:cut])] + rest
