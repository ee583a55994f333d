"""The printed width of text in Times New Roman, from the Times AFM advance widths (no font file needed).

Times New Roman and Liberation Serif (what LibreOffice uses in its place) share these metrics
closely; Vietnamese letters are as wide as their base letter, so diacritics are dropped first.
"""

from __future__ import annotations

import unicodedata

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


def _base(ch: str) -> str:
    """The letter without its diacritics: 'ế' -> 'e', 'Đ' -> 'D'."""
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    return unicodedata.normalize("NFD", ch)[0]


def char_width(ch: str, bold: bool = False) -> int:
    """The advance of one character in 1/1000 em."""
    b = _base(ch)
    pair = _UPPER.get(b) or _LOWER.get(b) or _OTHER.get(b) or (_DIGIT if b.isdigit() else _UNKNOWN)
    return pair[1 if bold else 0]


def text_points(text: str, size_pt: float, bold: bool = False, caps: bool = False) -> float:
    """The width of a line of text in points, with a small safety margin."""
    text = text.upper() if caps else text
    return sum(char_width(ch, bold) for ch in text) * size_pt / 1000 * SAFETY


def longest_word_points(text: str, size_pt: float, bold: bool = False) -> float:
    """The width in points of the widest word (a line may break only at spaces)."""
    return max((text_points(w, size_pt, bold) for w in text.split()), default=0.0)


def balanced_lines(text: str, width_pt: float, size_pt: float, bold: bool = False, caps: bool = False) -> list[str]:
    """The text broken at spaces into the fewest lines that fit width_pt, as even in length as possible.

    Lines a person typed (Alt+Enter) are kept as typed and only broken further when too long.
    """
    out: list[str] = []
    for typed in (text or "").splitlines():
        words = typed.split()
        if words:
            out += _balanced(words, width_pt, lambda s: text_points(s, size_pt, bold, caps))
    return out


def _balanced(words: list[str], width_pt: float, measure) -> list[str]:
    """The words in the fewest lines that fit, minimising the longest line (small n: exhaustive)."""
    best = [" ".join(words)]
    for count in range(1, min(len(words), MAX_LINES) + 1):
        best = _best_split(words, count, measure) or best
        if max(measure(line) for line in best) <= width_pt:
            break
    return best


def _best_split(words: list[str], count: int, measure) -> list[str] | None:
    """The split of words into count lines whose longest line is shortest."""
    if count == 1:
        return [" ".join(words)]
    best, best_width = None, float("inf")
    for cut in range(1, len(words) - count + 2):
        rest = _best_split(words[cut:], count - 1, measure)
        if rest is None:
            continue
        lines = [" ".join(words[:cut])] + rest
        width = max(measure(line) for line in lines)
        if width < best_width:
            best, best_width = lines, width
    return best
