"""The info panel beside the stage, and the name above the doll in presentation mode.

``derive`` says what the panel shows for a doll (pure: the texts, their sizes and
colours' roles); the drawing is cached on exactly that, so anything that changes the
text, the chronology note included, draws the panel anew.
"""

from __future__ import annotations

from matryoshka import theme
from matryoshka.geometry import Rect
from matryoshka.history.chronology import describe_predecessors
from matryoshka.pgcompat import pygame
from matryoshka.records import Record
from matryoshka.stage.bidi import is_rtl
from matryoshka.stage.keep import SurfaceKeep
from matryoshka.theme import RGB
from matryoshka.window.components.common import Chrome, pg
from matryoshka.window.measure import Fonts, dates_line, ellipsize, wrap
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


def about_button(info: Rect, fonts: Fonts, ui: float) -> Rect:
    """The "About this sequence" button at the foot of the panel."""
    bh = round(fonts.button * 1.9)
    pad = round(12 * ui)
    return Rect(info.x + pad, info.bottom - bh - pad, max(1, info.w - 2 * pad), bh)


def layout_info(w: int, m: int, top: int, bottom: int, ui: float) -> Rect:
    """The panel's place at the right of a window ``w`` wide."""
    iw = min(max(round(w * 0.3), 250), round(560 * ui))
    iw = min(iw, max(120, w - 2 * m - 200))
    return Rect(w - m - iw, top, iw, max(1, bottom - top))


def targets(info: Rect, fonts: Fonts, ui: float) -> list[tuple[Rect, Target]]:
    return [(about_button(info, fonts, ui), Button("about"))]


class InfoView:
    """Draws the panel (cached by what it shows) and the presentation title."""

    def __init__(self, chrome: Chrome) -> None:
        self.chrome = chrome
        self.text = chrome.text
        self._panels: SurfaceKeep[tuple[object, ...]] = SurfaceKeep(PANELS_BYTES)

    def panel(
        self, state: State, info: Rect, fonts: Fonts, ui: float, index: int, hover: bool = False
    ) -> pygame.Surface:
        """The panel for the doll at ``index``, drawn or from the cache."""
        shown = derive(state, index)
        key = (shown, info, fonts, ui, hover)
        hit = self._panels.get(key)
        if hit is not None:
            return hit
        panel = pygame.Surface((info.w, info.h), pygame.SRCALPHA)
        self._paint(panel, shown, info, fonts, ui, hover)
        if pygame.display.get_surface() is not None:
            panel = panel.convert_alpha()  # the display's format blits fastest
        return self._panels.put(key, panel)

    def _paint(
        self, panel: pygame.Surface, shown: InfoText, info: Rect, f: Fonts, ui: float, hover: bool
    ) -> None:
        local = Rect(0, 0, info.w, info.h)
        radius = round(12 * ui)
        pygame.draw.rect(panel, theme.PAPER, pg(local), border_radius=radius)
        pygame.draw.rect(panel, theme.RULE, pg(local), width=1, border_radius=radius)
        pad = round(18 * ui)
        x, width = pad, info.w - 2 * pad
        foot_top = self._paint_foot(panel, shown.title, info, f, ui, hover, pad)
        y = pad
        for block in shown.blocks:
            size = getattr(f, block.size)
            lines = wrap(block.text, width, size, self.text, block.bold)
            rtl = is_rtl(block.text)  # Arabic and Hebrew start at the right
            lh = self.text.line_height(size)
            for i, line in enumerate(lines):
                if y + lh > foot_top:
                    # Out of room (huge text on a small window): end with an ellipsis.
                    return
                last_fitting = y + 2 * lh > foot_top and i < len(lines) - 1
                if last_fitting:
                    line = ellipsize(line + " …", width, size, self.text, block.bold)
                span = (x, x + width)
                self.text.draw_start(
                    panel, line, size, block.color, span, y, bold=block.bold, rtl=rtl
                )
                y += lh
                if last_fitting:
                    return
            y += round(block.gap * ui)

    def _paint_foot(
        self, panel: pygame.Surface, title: str, info: Rect, f: Fonts, ui: float, hover: bool,
        pad: int,
    ) -> int:  # fmt: skip
        """The sequence's title above the About button; returns where the text must end."""
        about = about_button(info, f, ui)
        about_local = Rect(about.x - info.x, about.y - info.y, about.w, about.h)
        self.chrome.button(panel, about_local, "About this sequence", f.button, hover=hover)
        title_lines = wrap(title, info.w - 2 * pad, f.small, self.text, True)[:2]
        lh = self.text.line_height(f.small)
        foot_top = about_local.y - round(8 * ui) - lh * len(title_lines)
        for i, line in enumerate(title_lines):
            self.text.draw_start(panel, line, f.small, theme.INK_SOFT, (pad, info.w - pad),
                                 foot_top + i * lh, bold=True, rtl=is_rtl(title))  # fmt: skip
        pygame.draw.line(panel, theme.RULE, (pad, foot_top - round(8 * ui)),
                         (info.w - pad, foot_top - round(8 * ui)))  # fmt: skip
        return foot_top - round(16 * ui)

    def draw_title(self, surface: pygame.Surface, state: State, rect: Rect, f: Fonts) -> None:
        """Presentation mode: the name, office and dates above the doll."""
        doll = state.sequence.dolls[state.shown_depth]
        name = ellipsize(doll.name, rect.w, f.name, self.text, True)
        r = self.text.draw(surface, name, f.name, theme.INK, (rect.centerx, rect.y), bold=True,
                           anchor="midtop")  # fmt: skip
        sub = dates_line(doll)
        if doll.office:
            sub = f"{doll.office}, {sub}" if sub else doll.office
        if sub:
            sub = ellipsize(sub, rect.w, f.small, self.text)
            self.text.draw(surface, sub, f.small, theme.INK_SOFT, (rect.centerx, r.bottom),
                           anchor="midtop")  # fmt: skip
