"""Breaking text into lines that fit a width, in every script (pure).

Lines break at spaces; Chinese and Japanese also between any two characters (but not
before a closing mark such as 。 or 」, nor after an opening one); Thai, which writes no
spaces between words, at spaces and zero-width spaces and, when a word is still too long,
between characters, never before a combining vowel or tone mark. Other words too long
for the line are shortened with an ellipsis. Each line keeps the direction of its
paragraph (an invisible mark in front says so where its own first letter would not).
Widths come from a ``measure`` function, so the window, the pictures and the PDF all wrap
with this one function.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from matryoshka.stage import bidi
from matryoshka.stage.scripts import UNSPACED_SCRIPTS, script_of

ELLIPSIS = "…"
ZWSP = "\u200b"
#: Marks a line must not start with, and marks it must not end with (kinsoku).
_NO_START = frozenset(
    "、。，．・：；？！ー」』）］｝〕〉》】〙〗゛゜ゝゞ々"
    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.:;?!)]}%…"
)
_NO_END = frozenset("「『（［｛〔〈《【〘〖([{")

Measure = Callable[[str], float]


def _unspaced(ch: str) -> bool:
    return not ch.isascii() and script_of(ch) in UNSPACED_SCRIPTS


def unspaced(text: str) -> bool:
    """Whether ``text`` has letters of a script written without spaces (CJK, Thai)."""
    return any(_unspaced(ch) for ch in text)


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Mc", "Me") or ch in "\u200c\u200d"


def _ideographic(ch: str) -> bool:
    """Characters between any two of which a line may break (Chinese, Japanese)."""
    return not ch.isascii() and script_of(ch) in ("Chinese", "Japanese")


def segments(paragraph: str) -> list[str]:
    """``paragraph`` cut where a line may break; a space stays at the end of its segment."""
    out: list[str] = []
    start = 0
    for i in range(1, len(paragraph)):
        a, b = paragraph[i - 1], paragraph[i]
        if b.isspace() or b == ZWSP or _is_mark(b):
            continue
        if a.isspace() or a == ZWSP:
            pass
        elif not (_ideographic(a) or _ideographic(b)) or b in _NO_START or a in _NO_END:
            continue
        out.append(paragraph[start:i])
        start = i
    if start < len(paragraph):
        out.append(paragraph[start:])
    return out


#: Thai and Lao vowels written before the consonant they follow in speech: never the
#: last character of a line.
_LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44\u0ec0\u0ec1\u0ec2\u0ec3\u0ec4")


def graphemes(text: str) -> list[str]:
    """``text`` in characters with their combining marks (a Thai leading vowel with the
    consonant after it)."""
    out: list[str] = []
    for ch in text:
        if out and (_is_mark(ch) or out[-1][-1] in _LEADING_VOWELS):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def ellipsize(text: str, max_width: float, measure: Measure) -> str:
    """``text`` shortened with an ellipsis so it fits ``max_width`` (may become '…')."""
    if measure(text) <= max_width:
        return text
    parts = graphemes(text)
    lo, hi = 0, len(parts)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure("".join(parts[:mid]).rstrip() + ELLIPSIS) <= max_width:
            lo = mid
        else:
            hi = mid - 1
    return "".join(parts[:lo]).rstrip() + ELLIPSIS


def _clean(line: str) -> str:
    return line.replace(ZWSP, "").strip()


def wrap(
    text: str,
    max_width: float,
    measure: Measure,
    max_lines: int = 0,
    *,
    break_words: bool = False,
) -> list[str]:
    """``text`` broken into lines no wider than ``max_width``.

    Each line of ``text`` starts a new paragraph; runs of spaces count as one. A word too
    long for a line is broken between characters in scripts written without spaces, and
    shortened with '…' in others, unless ``break_words`` (messages, where every character
    counts: a path) breaks it between characters too. With ``max_lines``, the rest of the
    text goes on the last line, shortened with '…'.
    """
    lines: list[str] = []
    for raw in text.splitlines() or [""]:
        paragraph = " ".join(raw.split())
        first = len(lines)
        line = ""
        for seg in segments(paragraph):
            candidate = line + seg
            if measure(_clean(candidate)) <= max_width:
                line = candidate
                continue
            if _clean(line):
                lines.append(_clean(line))
            line = seg
            if measure(_clean(line)) > max_width:
                line = _break_long(line, max_width, measure, lines, break_words)
        lines.append(_clean(line))
        # Every line keeps its paragraph's direction, whatever it starts with: the line
        # of an Arabic caption that starts with "2011." still reads from the right.
        level = bidi.base_level(paragraph)
        lines[first:] = [bidi.with_direction(part, level) for part in lines[first:]]
    if max_lines and len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], _joined(lines[max_lines - 1 :])]
    return [ellipsize(line, max_width, measure) for line in lines]


def _joined(lines: list[str]) -> str:
    """Lines put back together: with a space between words, without one in CJK and Thai."""
    out = lines[0]
    for line in lines[1:]:
        glued = out and line and _unspaced(out[-1]) and _unspaced(line[0])
        out += line if glued else " " + line
    return out


def _break_long(
    word: str, max_width: float, measure: Measure, lines: list[str], anywhere: bool
) -> str:
    """Fit a word wider than the line: lines of it go to ``lines``; the rest is returned."""
    if not anywhere and not unspaced(word):
        return ellipsize(_clean(word), max_width, measure) + (" " if word[-1:].isspace() else "")
    line = ""
    for part in graphemes(word):
        if line and measure(_clean(line + part)) > max_width:
            lines.append(_clean(line))
            line = ""
        line += part
    return line
