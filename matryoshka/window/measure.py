"""Measuring and wording for the window: text sizes, fitting text, names and dates.

Pure: text widths come from a :class:`Metrics` (the window passes its real fonts, tests
a stand-in), so nothing here touches a font or a surface.
"""

from __future__ import annotations

import re
from typing import Protocol

from matryoshka.format.model import Doll
from matryoshka.records import Record
from matryoshka.stage import linebreak

#: The window's usual size, and the smallest it is laid out for.
DEFAULT_SIZE = (1280, 800)
MIN_SIZE = (800, 600)

ELLIPSIS = linebreak.ELLIPSIS
#: Words that start an epithet or a place after a ruler's name: "the Great", "of Aragon".
_EPITHET_WORDS = frozenset({"the", "of"})
#: Lower-case words that belong to the surname after them: "de Gaulle", "von Bismarck".
_SURNAME_PARTICLES = frozenset({"de", "da", "di", "du", "van", "von", "der", "la", "le", "bin"})
_NUMBERED = re.compile(r"^([IVXLCDM]+|\d+(st|nd|rd|th)?)$")


class Metrics(Protocol):
    """Text measurement, supplied by whoever owns the fonts."""

    def width(self, text: str, size: int, bold: bool = False) -> int:
        """Width in pixels of ``text`` set in the program's font at ``size`` px."""
        ...

    def line_height(self, size: int) -> int:
        """Distance between baselines of two lines at ``size`` px."""
        ...


class Fonts(Record):
    """Text sizes in pixels for this window size and text scale."""

    tab: int
    button: int
    name: int
    native: int
    body: int
    small: int
    label: int
    heading: int
    help: int


def ui_scale(size: tuple[int, int]) -> float:
    """How much larger than at 1280x800 the furniture is drawn for this window size."""
    w, h = size
    return min(max(min(w / DEFAULT_SIZE[0], h / DEFAULT_SIZE[1]), 0.72), 1.35)


#: The furniture's text (tabs, buttons, the shelf's and the timeline's names) grows with
#: the user's text scale only this far, so that large text leaves the doll its size;
#: what is read (the info panel, messages, overlays) grows all the way.
FURNITURE_MOST = 1.5


def fonts_for(ui: float, text_factor: float) -> Fonts:
    """Text sizes for a furniture scale and the user's text scale."""

    def px(base: float, most: float | None = None) -> int:
        factor = text_factor if most is None else min(text_factor, most)
        return max(9, round(base * ui * factor))

    return Fonts(
        tab=px(17, FURNITURE_MOST),
        button=px(17, FURNITURE_MOST),
        name=px(32),
        native=px(21),
        body=px(19),
        small=px(16),
        label=px(14, FURNITURE_MOST),
        heading=px(24),
        help=px(18),
    )


def ellipsize(text: str, max_width: int, size: int, metrics: Metrics, bold: bool = False) -> str:
    """``text`` shortened with an ellipsis so it fits ``max_width`` (may become '…')."""
    return linebreak.ellipsize(text, max_width, lambda line: metrics.width(line, size, bold))


def wrap(
    text: str,
    max_width: int,
    size: int,
    metrics: Metrics,
    bold: bool = False,
    *,
    break_words: bool = False,
) -> list[str]:
    """``text`` broken into lines no wider than ``max_width`` (see ``stage.linebreak``).

    Lines break at spaces, and between characters in Chinese, Japanese and Thai; a word
    too long for a line in other scripts is shortened with '…', or with ``break_words``
    (messages, where every character counts: a path) broken across lines.
    """
    measure = lambda line: metrics.width(line, size, bold)  # noqa: E731
    return linebreak.wrap(text, max_width, measure, break_words=break_words)


def short_name(doll: Doll) -> str:
    """A person's surname (with a regnal number): ``Gorbachev``, ``Nicholas II``.

    An epithet or a place is dropped (``Ivan the Terrible`` is ``Ivan``, ``Catherine of
    Aragon`` is ``Catherine``) and a surname keeps its particle (``de Gaulle``).
    Organisations keep their whole name: it has no surname.
    """
    # "Vladimir Putin (second time)": the surname is before the brackets.
    words = doll.name.split("(")[0].split() or doll.name.split()
    if doll.kind != "person" or len(words) < 2:
        return doll.name
    for i, word in enumerate(words[1:], start=1):
        if word in _EPITHET_WORDS:
            words = words[:i]
            break
    if len(words) == 1:
        return words[0]
    if _NUMBERED.match(words[-1]):
        return " ".join(words[-2:])  # Nicholas II, Louis XIV, John 23
    start = len(words) - 1
    while start > 1 and words[start - 1] in _SURNAME_PARTICLES:
        start -= 1
    return " ".join(words[start:])


def dates_line(doll: Doll) -> str:
    """The tenure as the info panel shows it: ``1964–1982, 18 years``."""
    years = doll.years()
    length = doll.tenure_years()
    if not years or length is None:
        return years
    months = round(length * 12)
    if months < 1:
        days = max(1, round(length * 365.25))
        span = f"{days} day" if days == 1 else f"{days} days"
    elif months < 24:
        span = f"{months} month" if months == 1 else f"{months} months"
    else:
        span = f"{round(length)} years"
    return f"{years}, {span}"
