"""The info panel beside the stage, and the name above the doll in presentation mode.

``derive`` says what the panel shows for a doll (pure: the texts, their sizes and
colours' roles) and ``flow`` where each line goes; the drawing is cached on exactly
that, so anything that changes the text, the chronology note included, draws the panel
anew. Text that does not fit (large text on a small window) is never dropped: the panel
grows wider with the text, and what still does not fit scrolls, with a line that says so.
"""

from __future__ import annotations

import math
from functools import lru_cache

from matryoshka import theme
from matryoshka.format.model import Doll
from matryoshka.geometry import ASPECT, Rect
from matryoshka.history.chronology import describe_predecessors
from matryoshka.pgcompat import pygame
from matryoshka.records import Record
from matryoshka.stage.bidi import is_rtl
from matryoshka.stage.choreography import ASIDE, REST_FILL
from matryoshka.stage.keep import SurfaceKeep
from matryoshka.theme import RGB
from matryoshka.window.components.common import Chrome, pg
from matryoshka.window.measure import Fonts, Metrics, dates_line, wrap
from matryoshka.window.state import Button, State, Target

#: Memory for drawn panels (the window draws the next doll's ahead): a dozen at 1080p.
PANELS_BYTES = 12 * 1024 * 1024


class Block(Record):
    """One paragraph of the panel: its text, which font size, bold, colour, space after."""

    text: str
    size: str
    bold: bool
    color: RGB
    gap: float


class InfoText(Record):
    """Everything the panel shows for one doll, from which it is drawn."""

    blocks: tuple[Block, ...]
    title: str


class Line(Record):
    """One line of the panel's text: where it goes (``y`` from the top of the text)."""

    text: str
    size: int
    bold: bool
    color: RGB
    y: int
    #: The paragraph is Arabic or Hebrew: its lines start at the right.
    rtl: bool = False


class Flow(Record):
    """The panel's text laid out: its lines, how tall they are, the room they have."""

    lines: tuple[Line, ...]
    height: int
    #: Where the text starts and must end, from the top of the panel.
    top: int
    bottom: int

    @property
    def overflow(self) -> int:
        """How many pixels of text do not fit (0: all of it fits)."""
        return max(0, self.height - (self.bottom - self.top))


#: The hint at the foot of the text when it scrolls (after a small arrow).
MORE_BELOW = "More below: scroll here"
MORE_ABOVE = "Scroll up for the rest"


def chronology_note(state: State, index: int) -> str | None:
    """Who really came before the doll at ``index``, when the nesting says otherwise."""
    ref = state.reference
    if ref is None:
        return None
    seq = state.sequence
    try:
        note = describe_predecessors(seq.dolls[index], seq, ref)
    except (ValueError, KeyError):
        return None
    return note[:1].upper() + note[1:] if note else None


def derive(state: State, index: int) -> InfoText:
    """What the panel shows for the doll at ``index`` of the state's sequence."""
    seq = state.sequence
    doll = seq.dolls[index]
    core = index == len(seq.dolls) - 1
    position = f"Doll {index + 1} of {len(seq.dolls)}"
    if core:
        position += "  ·  the core"
    blocks = [
        Block(position, "small", True, theme.ACCENT if core else theme.INK_SOFT, 6),
        Block(doll.name, "name", True, theme.INK, 2),
    ]
    if doll.native_name:
        blocks.append(Block(doll.native_name, "native", False, theme.INK_SOFT, 10))
    if doll.office:
        blocks.append(Block(doll.office, "body", False, theme.INK, 2))
    dates = dates_line(doll)
    if dates:
        blocks.append(Block(dates, "body", True, theme.INK, 12))
    if doll.caption:
        blocks.append(Block(doll.caption, "body", False, theme.INK, 12))
    note = chronology_note(state, index)
    if note:
        blocks.append(Block(note, "small", False, theme.ACCENT, 10))
    if core:
        hint = "The core doll: it does not open. Click a shelf doll to close back."
        blocks.append(Block(hint, "small", False, theme.ACCENT, 0))
    elif index == 0 and state.depth == 0 and state.motion is None:
        blocks.append(Block("Click the doll to open it.", "small", False, theme.INK_SOFT, 0))
    return InfoText(tuple(blocks), seq.title)


#: Presentation mode: text sizes as shares of the window's height (the name at least
#: ``NAME_LEAST`` of it, legible from the back of a room), and the smallest shares the
#: text may shrink to when a long caption needs the room.
PRESENTER_SHARES = (0.062, 0.036, 0.034)
PRESENTER_LEAST = (1 / 25, 1 / 40, 1 / 44)
NAME_LEAST = PRESENTER_LEAST[0]


class Presenter(Record):
    """What presentation mode shows beside the doll: each line placed, in one column."""

    lines: tuple[Line, ...]
    name_size: int


def layout_presenter(col: Rect, shelf_top: int, m: int) -> tuple[Rect, Rect]:
    """Presentation mode: the column for the name, dates and caption at the right, and
    the room left for the doll."""
    # As wide as leaves the doll its full height (its lid moves aside as it opens), but
    # between three and four tenths of the width.
    stage_h = max(1, shelf_top - col.y - m // 2)
    doll_w = stage_h * REST_FILL * 2 * (ASIDE + 0.5) * ASPECT
    tw = round(min(max(col.w - m - doll_w, col.w * 0.3), col.w * 0.42))
    text = Rect(col.right - tw, col.y, tw, max(1, shelf_top - col.y - m))
    return text, Rect(col.x, col.y, max(1, col.w - tw - m), col.h)


def presenter_text(doll: Doll, rect: Rect, h: int, f: Fonts, metrics: Metrics) -> Presenter:
    """The name, office, dates and caption as large as fit ``rect`` in a window ``h``
    high, centred in it from top to bottom; never smaller than ``PRESENTER_LEAST``."""
    floors = [math.ceil(h * least) for least in PRESENTER_LEAST]
    # The user's own text size counts too (Ctrl+=), until the text has to shrink to fit.
    wanted = [max(size, h * share) for size, share in
              zip((f.name, f.body, f.body), PRESENTER_SHARES, strict=True)]  # fmt: skip
    for scale in (1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3):
        sizes = [
            max(least, round(size * scale)) for least, size in zip(floors, wanted, strict=True)
        ]
        blocks = [(doll.name, sizes[0], True, theme.INK, 0.3)]
        if doll.office:
            blocks.append((doll.office, sizes[1], False, theme.INK_SOFT, 0.0))
        dates = dates_line(doll)
        if dates:
            blocks.append((dates, sizes[1], True, theme.INK, 0.6))
        if doll.caption:
            blocks.append((doll.caption, sizes[2], False, theme.INK, 0.0))
        lines: list[Line] = []
        y = 0
        for text, size, bold, color, gap in blocks:
            lh = metrics.line_height(size)
            rtl = is_rtl(text)
            for part in wrap(text, rect.w, size, metrics, bold, break_words=True):
                lines.append(Line(part, size, bold, color, y, rtl))
                y += lh
            y += round(lh * gap)
        if y <= rect.h:
            break
    top = rect.y + max(0, (rect.h - y) // 2)
    placed = tuple(line._replace(y=top + line.y) for line in lines)
    return Presenter(placed, sizes[0])


def about_button(info: Rect, fonts: Fonts, ui: float) -> Rect:
    """The "About this sequence" button at the foot of the panel."""
    bh = round(fonts.button * 1.9)
    pad = round(12 * ui)
    return Rect(info.x + pad, info.bottom - bh - pad, max(1, info.w - 2 * pad), bh)


def layout_info(w: int, m: int, top: int, bottom: int, ui: float, text_factor: float = 1.0) -> Rect:
    """The panel's place at the right of a window ``w`` wide; wider for larger text."""
    grow = min(max(text_factor, 1.0), 1.6)
    iw = min(max(round(w * 0.3 * grow), 250), round(560 * ui * grow), round(w * 0.45))
    iw = min(iw, max(120, w - 2 * m - 200))
    return Rect(w - m - iw, top, iw, max(1, bottom - top))


def targets(info: Rect, fonts: Fonts, ui: float) -> list[tuple[Rect, Target]]:
    return [(about_button(info, fonts, ui), Button("about"))]


def foot_top(
    title: str, info: Rect, f: Fonts, metrics: Metrics, ui: float
) -> tuple[int, list[str]]:
    """Where the panel's foot (the set's title, the About button) starts, from the panel's
    top, and the title's lines."""
    pad = round(18 * ui)
    about = about_button(info, f, ui)
    title_lines = wrap(title, info.w - 2 * pad, f.small, metrics, True)[:2]
    lh = metrics.line_height(f.small)
    return about.y - info.y - round(8 * ui) - lh * len(title_lines), title_lines


@lru_cache(maxsize=16)
def flow(shown: InfoText, info: Rect, f: Fonts, metrics: Metrics, ui: float) -> Flow:
    """Every line of the panel's text, wrapped to its width, one after the other.

    Remembered: the layout asks for it (how far the text scrolls), then the panel's
    drawing, with the same text in the same room.
    """
    pad = round(18 * ui)
    width = info.w - 2 * pad
    lines: list[Line] = []
    y = 0
    for block in shown.blocks:
        size = getattr(f, block.size)
        lh = metrics.line_height(size)
        rtl = is_rtl(block.text)
        for text in wrap(block.text, width, size, metrics, block.bold):
            lines.append(Line(text, size, block.bold, block.color, y, rtl))
            y += lh
        y += round(block.gap * ui)
    bottom = foot_top(shown.title, info, f, metrics, ui)[0] - round(16 * ui)
    room = bottom - pad
    if y > room:  # the hint that says the text scrolls takes a line at the foot
        bottom -= metrics.line_height(f.small)
    return Flow(tuple(lines), y, pad, bottom)


def scroll_limit(state: State, info: Rect | None, f: Fonts, metrics: Metrics, ui: float) -> int:
    """How many steps of ``scroll_step`` the text of the doll shown scrolls (0: none)."""
    if info is None:
        return 0
    overflow = flow(derive(state, state.shown_depth), info, f, metrics, ui).overflow
    return -(-overflow // scroll_step(f, metrics))


def scroll_step(f: Fonts, metrics: Metrics) -> int:
    """How far one notch of the mouse wheel scrolls the panel's text."""
    return 2 * metrics.line_height(f.body)


class Panel(Record):
    """What a drawn panel shows (the key of the drawn ones): ``InfoView._paint`` draws from
    these and nothing else."""

    shown: InfoText
    info: Rect
    fonts: Fonts
    ui: float
    #: The pointer is over the About button.
    hover: bool
    #: Wheel steps its text is scrolled.
    scroll: int


def panel_key(
    state: State, info: Rect, fonts: Fonts, ui: float, index: int, hover: bool = False,
    scroll: int = 0,
) -> Panel:  # fmt: skip
    """What the panel for the doll at ``index`` shows, in ``info``."""
    return Panel(derive(state, index), info, fonts, ui, hover, scroll)


class InfoView:
    """Draws the panel (cached by what it shows) and the presentation title."""

    def __init__(self, chrome: Chrome) -> None:
        self.chrome = chrome
        self.text = chrome.text
        self._panels: SurfaceKeep[Panel] = SurfaceKeep(PANELS_BYTES)

    def panel(
        self, state: State, info: Rect, fonts: Fonts, ui: float, index: int, hover: bool = False,
        scroll: int = 0,
    ) -> pygame.Surface:  # fmt: skip
        """The panel for the doll at ``index``, drawn or from the cache.

        ``scroll``: how many wheel steps its text is scrolled (when it does not fit).
        """
        key = panel_key(state, info, fonts, ui, index, hover, scroll)
        hit = self._panels.get(key)
        if hit is not None:
            return hit
        panel = pygame.Surface((info.w, info.h), pygame.SRCALPHA)
        self._paint(panel, key)
        if pygame.display.get_surface() is not None:
            panel = panel.convert_alpha()  # the display's format blits fastest
        return self._panels.put(key, panel)

    def _paint(self, panel: pygame.Surface, key: Panel) -> None:
        shown, info, f = key.shown, key.info, key.fonts
        ui, hover, scroll = key.ui, key.hover, key.scroll
        local = Rect(0, 0, info.w, info.h)
        radius = round(12 * ui)
        pygame.draw.rect(panel, theme.PAPER, pg(local), border_radius=radius)
        pygame.draw.rect(panel, theme.RULE, pg(local), width=1, border_radius=radius)
        pad = round(18 * ui)
        self._paint_foot(panel, shown.title, info, f, ui, hover, pad)
        text = flow(shown, info, f, self.text, ui)
        offset = min(scroll * scroll_step(f, self.text), text.overflow)
        panel.set_clip(pygame.Rect(0, text.top, info.w, max(0, text.bottom - text.top)))
        for line in text.lines:
            y = text.top + line.y - offset
            if y < text.top or y + self.text.line_height(line.size) > text.bottom:
                continue  # whole lines only; the rest is a wheel turn away
            self.text.draw_start(panel, line.text, line.size, line.color, (pad, info.w - pad), y,
                                 bold=line.bold, rtl=line.rtl)  # fmt: skip
        panel.set_clip(None)
        if text.overflow:
            at_end = offset >= text.overflow
            hint = MORE_ABOVE if at_end else MORE_BELOW
            lh = self.text.line_height(f.small)
            k = max(4, f.small // 3)  # the arrow, drawn: not every font has one
            cx, cy = pad + k, text.bottom + lh // 2
            tip = cy - k if at_end else cy + k
            base = cy + k if at_end else cy - k
            pygame.draw.polygon(panel, theme.ACCENT, [(cx - k, base), (cx + k, base), (cx, tip)])
            self.text.draw(panel, hint, f.small, theme.ACCENT, (pad + 3 * k, text.bottom),
                           bold=True)  # fmt: skip

    def _paint_foot(
        self, panel: pygame.Surface, title: str, info: Rect, f: Fonts, ui: float, hover: bool,
        pad: int,
    ) -> int:  # fmt: skip
        """The sequence's title above the About button; returns where the text must end."""
        about = about_button(info, f, ui)
        about_local = Rect(about.x - info.x, about.y - info.y, about.w, about.h)
        self.chrome.button(panel, about_local, "About this sequence", f.button, hover=hover)
        lh = self.text.line_height(f.small)
        foot, title_lines = foot_top(title, info, f, self.text, ui)
        for i, line in enumerate(title_lines):
            self.text.draw_start(panel, line, f.small, theme.INK_SOFT, (pad, info.w - pad),
                                 foot + i * lh, bold=True, rtl=is_rtl(title))  # fmt: skip
        pygame.draw.line(panel, theme.RULE, (pad, foot - round(8 * ui)),
                         (info.w - pad, foot - round(8 * ui)))  # fmt: skip
        return foot - round(16 * ui)

    def draw_title(
        self, surface: pygame.Surface, state: State, rect: Rect, f: Fonts, h: int
    ) -> None:
        """Presentation mode: the name, office, dates and caption beside the doll."""
        doll = state.sequence.dolls[state.shown_depth]
        shown = presenter_text(doll, rect, h, f, self.text)
        for line in shown.lines:
            self.text.draw_start(surface, line.text, line.size, line.color,
                                 (rect.x, rect.right), line.y, bold=line.bold,
                                 rtl=line.rtl)  # fmt: skip
