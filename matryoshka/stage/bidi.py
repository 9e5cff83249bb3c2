"""The order of a line that mixes right-to-left and left-to-right text (pure).

A compact form of the Unicode Bidirectional Algorithm (UAX #9) for one line without
explicit embedding marks: the paragraph takes the direction of its first strong letter,
numbers keep their digits left to right, and neutrals (spaces, punctuation) between two
runs of one direction join them. ``visual_runs`` cuts a line into pieces of one level,
in the order they appear from left to right; each piece keeps its characters in logical
order, and the shaper sets an odd-level piece right to left (and mirrors its brackets).

"An Arabic name followed by Latin dates" (``أنور السادات 1970–1981``) reads from the
right: the name at the right edge, then the dates, the first of them nearest the name.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

_STRONG = {"L": 0, "R": 1, "AL": 1}
_NEUTRAL = frozenset({"B", "S", "WS", "ON", "BN", "LRE", "RLE", "LRO", "RLO", "PDF"})
_NEUTRAL |= {"LRI", "RLI", "FSI", "PDI"}


def base_level(text: str) -> int:
    """0 (left to right) or 1, from the first strong letter of ``text`` (0 when none)."""
    for ch in text:
        level = _STRONG.get(unicodedata.bidirectional(ch))
        if level is not None:
            return level
    return 0


def is_rtl(text: str) -> bool:
    """Whether ``text`` is a right-to-left paragraph (its first strong letter is RTL)."""
    return base_level(text) == 1


#: Invisible letters that only set a direction: left-to-right, right-to-left mark.
LRM = "\u200e"
RLM = "\u200f"
#: Characters that steer the order of a line but are never drawn (rule X9 removes them
#: once the levels are known): the marks, embeddings, overrides and isolates.
DIRECTION_CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e")
DIRECTION_CONTROLS |= frozenset("\u2066\u2067\u2068\u2069")


def isolated(text: str, level: int = 0) -> str:
    """``text`` (a name) to put inside a sentence of direction ``level``, kept to itself as
    an isolate would keep it: its own closing bracket or full stop stays with it, and it
    does not pull the words or numbers after it into its direction.

    "5. דוד בן-גוריון (כהונה שנייה)" keeps its closing bracket at the name's end, and
    "Find: عد| (1 of 6)" keeps the count after what is typed.
    """
    own = base_level(text)
    if own == level or not any(unicodedata.bidirectional(ch) in _STRONG for ch in text):
        return text
    return text + (RLM if own else LRM) + (RLM if level else LRM)


def with_direction(text: str, level: int) -> str:
    """``text`` made a paragraph of direction ``level`` (0: left to right, 1: right to
    left), with an invisible mark in front when its own first letter says otherwise.

    A sentence of the program's own that starts with a name ("1. محمد نجيب", "مصر compared
    with ...") reads left to right; the second line of an Arabic caption that happens to
    start with a number stays right to left.
    """
    if not text or base_level(text) == level:
        return text
    return (RLM if level else LRM) + text


def levels(text: str, base: int | None = None) -> list[int]:
    """The embedding level of each character of ``text`` (even: LTR, odd: RTL)."""
    if base is None:
        base = base_level(text)
    sos = "R" if base else "L"
    types = [unicodedata.bidirectional(ch) or "L" for ch in text]
    n = len(types)
    # W1: a combining mark takes the type of what it marks.
    prev = sos
    for i, t in enumerate(types):
        if t == "NSM":
            types[i] = "ON" if prev in _NEUTRAL else prev
        prev = types[i]
    # W2, W3: European digits after Arabic letters are Arabic numbers; AL is R.
    strong = sos
    for i, t in enumerate(types):
        if t in ("L", "R", "AL"):
            strong = t
        elif t == "EN" and strong == "AL":
            types[i] = "AN"
    types = ["R" if t == "AL" else t for t in types]
    # W4: one separator between two numbers of a kind joins them.
    for i in range(1, n - 1):
        a, t, b = types[i - 1], types[i], types[i + 1]
        if (t == "ES" and a == b == "EN") or (t == "CS" and a == b and a in ("EN", "AN")):
            types[i] = a
    # W5: terminators (%, currency) next to European numbers are part of them.
    for i, t in enumerate(types):
        if t == "EN":
            j = i - 1
            while j >= 0 and types[j] == "ET":
                types[j] = "EN"
                j -= 1
            j = i + 1
            while j < n and types[j] == "ET":
                types[j] = "EN"
                j += 1
    # W6: other separators are neutral. W7: numbers in left-to-right text are L.
    types = ["ON" if t in ("ES", "ET", "CS") else t for t in types]
    strong = sos
    for i, t in enumerate(types):
        if t in ("L", "R"):
            strong = t
        elif t == "EN" and strong == "L":
            types[i] = "L"
    # N1, N2: neutrals between two runs of one direction take it; else the base's.
    i = 0
    while i < n:
        if types[i] not in _NEUTRAL:
            i += 1
            continue
        j = i
        while j < n and types[j] in _NEUTRAL:
            j += 1
        before = _direction(types[i - 1]) if i > 0 else sos
        after = _direction(types[j]) if j < n else sos
        fill = before if before == after else sos
        for k in range(i, j):
            types[k] = fill
        i = j
    # I1, I2: resolve the levels.
    out = []
    for t in types:
        if base % 2 == 0:
            out.append(base + (1 if t == "R" else 2 if t in ("AN", "EN") else 0))
        else:
            out.append(base + (1 if t in ("L", "EN", "AN") else 0))
    # L1: spaces at the end of the line go back to the paragraph level.
    k = n - 1
    while k >= 0 and text[k].isspace():
        out[k] = base
        k -= 1
    return out


def _direction(t: str) -> str:
    return "L" if t == "L" else "R"


def reorder(piece_levels: Sequence[int]) -> list[int]:
    """The visual order (indices, left to right) of pieces with these levels (rule L2)."""
    order = list(range(len(piece_levels)))
    if not order:
        return order
    highest = max(piece_levels)
    lowest_odd = min((lv for lv in piece_levels if lv % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if piece_levels[order[i]] >= level:
                j = i
                while j < len(order) and piece_levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order


def visual_runs(text: str, base: int | None = None) -> list[tuple[str, int]]:
    """``text`` as (piece, level) pairs from left to right, each piece of one level."""
    lv = levels(text, base)
    pieces: list[tuple[str, int]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or lv[i] != lv[start]:
            pieces.append((text[start:i], lv[start]))
            start = i
    return [pieces[i] for i in reorder([p[1] for p in pieces])]
