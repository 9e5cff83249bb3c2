"""Draw one whole frame of the window from the state and the layout.

``Scene.render(surface, state, layout)`` is the only drawing the window does; tests and
screenshots call it on an off-screen surface. Everything slow is cached: fonts, rendered
text, the background, the info panel, and (through the painter) every doll painting.
"""

from __future__ import annotations

import math
from collections import OrderedDict

from matryoshka import theme
from matryoshka.export import kinds as export_kinds
from matryoshka.format.model import Doll, Sequence
from matryoshka.geometry import ASPECT
from matryoshka.history.chronology import describe_predecessors
from matryoshka.history.timeline import Timeline, build_timeline, today
from matryoshka.painter import Part
from matryoshka.paths import font_path
from matryoshka.pgcompat import pygame
from matryoshka.stage.choreography import INNER_RATIO, Placement, opening_pose
from matryoshka.stage.draw import draw_doll, draw_opening, part_image
from matryoshka.window.keymap import HELP_KEYS
from matryoshka.window.layout import (
    Layout,
    Rect,
    Strip,
    StripBar,
    about_button_rect,
    compute_layout,
    ellipsize,
    wrap,
)
from matryoshka.window.state import (
    MAX_CHAINED_STEPS,
    WOBBLE_MS,
    Button,
    CurrentDoll,
    PickerItem,
    PickerPage,
    ShelfDoll,
    ShelfGroup,
    State,
    Tab,
    TabScroll,
    TimelineBar,
)

RGB = tuple[int, int, int]

_HALVES: tuple[Part, ...] = ("top", "bottom", "bottom_back")


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


class Text:
    """The program's fonts, text measurement and a cache of rendered lines.

    Also serves as the layout's ``Metrics``.
    """

    def __init__(self, cache_size: int = 600) -> None:
        if not pygame.font.get_init():
            pygame.font.init()
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._widths: dict[tuple[str, int, bool], int] = {}
        self._lines: OrderedDict[tuple[str, int, bool, RGB], pygame.Surface] = OrderedDict()
        self._cache_size = cache_size

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        """The Noto Sans font at ``size`` px."""
        key = (size, bold)
        font = self._fonts.get(key)
        if font is None:
            font = pygame.font.Font(font_path(bold), size)
            self._fonts[key] = font
        return font

    def width(self, text: str, size: int, bold: bool = False) -> int:
        key = (text, size, bold)
        w = self._widths.get(key)
        if w is None:
            w = self.font(size, bold).size(text)[0]
            if len(self._widths) > 20000:
                self._widths.clear()
            self._widths[key] = w
        return w

    def line_height(self, size: int) -> int:
        return self.font(size).get_linesize()

    def render(self, text: str, size: int, color: RGB, bold: bool = False) -> pygame.Surface:
        """``text`` in one line, anti-aliased on a transparent background (cached)."""
        key = (text, size, bold, color)
        surf = self._lines.get(key)
        if surf is not None:
            self._lines.move_to_end(key)
            return surf
        surf = self.font(size, bold).render(text, True, color)
        self._lines[key] = surf
        if len(self._lines) > self._cache_size:
            self._lines.popitem(last=False)
        return surf

    def draw(
        self,
        surface: pygame.Surface,
        text: str,
        size: int,
        color: RGB,
        pos: tuple[int, int],
        *,
        bold: bool = False,
        anchor: str = "topleft",
    ) -> pygame.Rect:
        """Blit one line of text with its ``anchor`` (a pygame.Rect attribute) at ``pos``."""
        img = self.render(text, size, color, bold)
        rect = img.get_rect(**{anchor: pos})
        surface.blit(img, rect)
        return rect


def _mix(a: RGB, b: RGB, u: float) -> RGB:
    return (
        round(a[0] + (b[0] - a[0]) * u),
        round(a[1] + (b[1] - a[1]) * u),
        round(a[2] + (b[2] - a[2]) * u),
    )


def _luma(color: RGB) -> float:
    return 0.299 * color[0] + 0.587 * color[1] + 0.114 * color[2]


def _dashed_rect(surface: pygame.Surface, color: RGB, rect: pygame.Rect, dash: int = 4) -> None:
    """A rectangle outlined with short dashes (a ghost: someone left out)."""
    for x in range(rect.x, rect.right, dash * 2):
        end = min(x + dash, rect.right - 1)
        pygame.draw.line(surface, color, (x, rect.y), (end, rect.y))
        pygame.draw.line(surface, color, (x, rect.bottom - 1), (end, rect.bottom - 1))
    for y in range(rect.y, rect.bottom, dash * 2):
        end = min(y + dash, rect.bottom - 1)
        pygame.draw.line(surface, color, (rect.x, y), (rect.x, end))
        pygame.draw.line(surface, color, (rect.right - 1, y), (rect.right - 1, end))


def _hidden_stack(
    dolls: tuple[Doll, ...], place: Placement, floor: float
) -> list[tuple[Doll, Placement]]:
    """The fanned stack of small dolls standing on the shelf for the hidden shells.

    ``place`` is the group's slot; the second, third and fourth dolls of the set stand
    there, smaller, left to right.
    """
    out = []
    for k in range(3):
        h = place.height * (0.78 - 0.1 * (2 - k))
        off = (k - 1) * place.height * ASPECT * 0.32
        out.append((dolls[min(1 + k, len(dolls) - 1)], Placement(place.cx + off, floor - h, h)))
    return out


def _pg(rect: Rect) -> pygame.Rect:
    return pygame.Rect(rect.x, rect.y, rect.w, rect.h)


class Scene:
    """Draws frames. One per window (it holds the caches for that window's sizes)."""

    def __init__(self, text: Text | None = None) -> None:
        self.text = text or Text()
        self._background: tuple[tuple[object, ...], pygame.Surface] | None = None
        self._veil: tuple[tuple[int, int], pygame.Surface] | None = None
        self._glows: dict[tuple[int, int], pygame.Surface] = {}
        self._shadows: dict[tuple[int, int], pygame.Surface] = {}
        self._timelines: dict[
            tuple[int, int], tuple[Sequence, Sequence | None, Timeline | None]
        ] = {}
        self._panels: OrderedDict[tuple[object, ...], tuple[Sequence, pygame.Surface]] = (
            OrderedDict()
        )
        self._strip_base: tuple[Strip, pygame.Surface] | None = None
        self._backdrop_cache: tuple[tuple[object, ...], pygame.Surface, Layout] | None = None

    # --- entry points -------------------------------------------------------------------

    def layout(self, size: tuple[int, int], state: State) -> Layout:
        """The layout for a window of ``size`` showing ``state``, measured with our fonts."""
        return compute_layout(size, state, self.text, timeline=self.timeline_for(state))

    def timeline_for(self, state: State) -> Timeline | None:
        """The timeline of the sequence on screen, against its reference (cached)."""
        seq, ref = state.sequence, state.reference
        key = (id(seq), id(ref))
        cached = self._timelines.get(key)
        if cached is not None:
            return cached[2]
        try:
            timeline: Timeline | None = build_timeline(seq, ref, present=today())
        except ValueError:
            # A reference the check cannot use (duplicate ids): show the dolls alone.
            timeline = build_timeline(seq, None, present=today())
        if len(self._timelines) > 16:
            self._timelines.clear()
        # The sequences are kept in the key's tuple so their ids stay theirs.
        self._timelines[key] = (seq, ref, timeline)
        return timeline

    def chronology_note(self, state: State, index: int) -> str | None:
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

    def render(self, surface: pygame.Surface, state: State, layout: Layout) -> None:
        """Draw the whole frame for ``state`` onto ``surface`` (of ``layout.size``)."""
        surface.blit(self._backdrop(surface, state, layout), (0, 0))
        self._draw_stage(surface, state, layout)
        self._draw_errors(surface, layout)
        self._draw_bar_tip(surface, state, layout)
        self._draw_toast(surface, state, layout)
        if layout.help is not None:
            self._draw_help(surface, layout)
        elif layout.about is not None:
            self._draw_about(surface, state, layout)
        elif layout.picker is not None:
            self._draw_picker(surface, state, layout)

    def warm_tasks(self, state: State, layout: Layout) -> list[tuple[Doll, Part, int]]:
        """The paintings the next moves will need, most urgent first.

        The window paints these while nothing moves (``stage.prewarm``), so that frames of
        an opening or closing only scale existing paintings. First the next opening, then
        the closing back, then a few more levels either way for runs of openings.
        """
        dolls = state.sequence.dolls
        n = len(dolls)
        h = round(layout.rest.height)
        inner = round(h * INNER_RATIO)
        shelf_h = round(layout.first_slot.height)
        tasks: list[tuple[Doll, Part, int]] = []

        def opening_of(k: int) -> None:
            if 0 <= k < n - 1:
                tasks.append((dolls[k], "whole", h))
                tasks.extend((dolls[k], part, h) for part in _HALVES)
                tasks.append((dolls[k + 1], "whole", inner))
                tasks.append((dolls[k + 1], "whole", h))
                tasks.append((dolls[k], "whole", shelf_h))

        d = state.depth
        opening_of(d)
        opening_of(d - 1)
        for k in range(1, MAX_CHAINED_STEPS + 1):
            opening_of(d + k)
            opening_of(d - 1 - k)
        if n > 2:
            # The stack standing for hidden shells: the same three small paintings for
            # the whole set, drawn the first time the shelf fills up, mid-move.
            stack = _hidden_stack(dolls, layout.first_slot, layout.first_slot.bottom)
            tasks.extend((doll, "whole", round(place.height)) for doll, place in stack)
        return tasks

    # --- background and helpers --------------------------------------------------------

    def _backdrop(self, target: pygame.Surface, state: State, layout: Layout) -> pygame.Surface:
        """Everything that stands still while a doll moves, drawn once into one surface.

        Tabs, buttons, the info panel and the shelf change only when the user does
        something, so frames of an animation cost one opaque blit plus the moving doll.
        """
        moving = state.motion.doll if state.motion is not None else None
        key = (
            id(layout),
            layout.size,
            state.sequence,
            state.index,
            state.shown_depth,
            state.depth,
            moving,
            state.hover,
            state.presentation,
            state.export is not None,
            state.motion is None and state.depth == 0,
        )
        cached = self._backdrop_cache
        if cached is not None and cached[0] == key and cached[2] is layout:
            return cached[1]
        if cached is not None and cached[1].get_size() == layout.size:
            back = cached[1]
        else:
            back = pygame.Surface(layout.size, 0, target)
        self._wash(back)
        if not state.presentation:
            self._draw_tabs(back, state, layout)
            self._draw_buttons(back, state, layout)
            self._draw_info(back, state, layout)
        else:
            self._draw_title(back, state, layout)
        self._draw_shelf(back, state, layout)
        self._draw_strip(back, state, layout)
        self._backdrop_cache = (key, back, layout)
        return back

    def _wash(self, back: pygame.Surface) -> None:
        """Cover ``back`` with the window's soft vertical wash, lighter behind the dolls."""
        w, h = back.get_size()
        if w < 1 or h < 1:
            return
        key = (h, back.get_bitsize(), back.get_masks())
        if self._background is None or self._background[0] != key:
            # A tiny gradient smooth-scaled to a column two pixels wide, in the backdrop's
            # own pixel format.
            small = pygame.Surface((2, 64))
            top, bottom = (
                _mix(theme.BACKGROUND, theme.PAPER, 0.35),
                _mix(theme.BACKGROUND, theme.PANEL, 0.55),
            )
            for y in range(64):
                small.fill(_mix(top, bottom, y / 63), pygame.Rect(0, y, 2, 1))
            column = pygame.transform.smoothscale(small, (2, h)).convert(back)
            self._background = (key, column)
        # Copied across the width: the same pixels as smooth-scaling the gradient to the
        # whole window (all its columns are alike), at the cost of one blit, and with no
        # window-sized surface of its own to allocate and convert (4 ms of a first frame).
        pygame.transform.scale(self._background[1], (w, h), back)

    def _glow(self, w: int, h: int) -> pygame.Surface:
        key = (w, h)
        glow = self._glows.get(key)
        if glow is None:
            glow = pygame.Surface((w, h), pygame.SRCALPHA)
            steps = 14
            for i in range(steps):
                u = i / steps
                rect = pygame.Rect(0, 0, round(w * (1 - u * 0.6)), round(h * (1 - u * 0.6)))
                rect.center = (w // 2, h // 2)
                pygame.draw.ellipse(glow, (*theme.HIGHLIGHT, 14), rect)
            if len(self._glows) > 32:
                self._glows.clear()
            self._glows[key] = glow
        return glow

    def _shadow(self, w: int, h: int) -> pygame.Surface:
        key = (w, h)
        shadow = self._shadows.get(key)
        if shadow is None:
            shadow = pygame.Surface((w, h), pygame.SRCALPHA)
            for i in range(6):
                rect = pygame.Rect(0, 0, round(w * (1 - i * 0.12)), round(h * (1 - i * 0.12)))
                rect.center = (w // 2, h // 2)
                pygame.draw.ellipse(shadow, (*theme.SHADOW, theme.SHADOW_ALPHA // 6), rect)
            if len(self._shadows) > 64:
                self._shadows.clear()
            self._shadows[key] = shadow
        return shadow

    def _draw_glow(self, surface: pygame.Surface, place: Placement) -> None:
        w = round(place.height * ASPECT * 1.5)
        h = round(place.height * 1.15)
        surface.blit(self._glow(w, h), (round(place.cx - w / 2), round(place.top - h * 0.06)))

    def _draw_shadow(self, surface: pygame.Surface, cx: float, floor: float, width: float) -> None:
        w = max(4, round(width * 1.1))
        h = max(3, round(width * 0.16))
        surface.blit(self._shadow(w, h), (round(cx - w / 2), round(floor - h * 0.55)))

    def _veil_for(self, size: tuple[int, int]) -> pygame.Surface:
        if self._veil is None or self._veil[0] != size:
            veil = pygame.Surface(size, pygame.SRCALPHA)
            veil.fill((*theme.VEIL, theme.VEIL_ALPHA))
            self._veil = (size, veil)
        return self._veil[1]

    def _button(
        self,
        surface: pygame.Surface,
        rect: Rect,
        label: str,
        size: int,
        *,
        hover: bool,
        primary: bool = False,
        bold: bool = True,
    ) -> None:
        radius = max(4, rect.h // 4)
        if primary:
            fill = _mix(theme.ACCENT, (255, 255, 255), 0.15) if hover else theme.ACCENT
            ink = theme.ON_DARK
        else:
            fill = theme.HIGHLIGHT if hover else theme.PAPER
            ink = theme.INK
        pygame.draw.rect(surface, fill, _pg(rect), border_radius=radius)
        if not primary:
            pygame.draw.rect(surface, theme.RULE, _pg(rect), width=1, border_radius=radius)
        label = ellipsize(label, rect.w - 8, size, self.text, bold)
        self.text.draw(surface, label, size, ink, (rect.centerx, rect.centery), bold=bold,
                       anchor="center")  # fmt: skip

    # --- top bar -----------------------------------------------------------------------

    def _draw_tabs(self, surface: pygame.Surface, state: State, layout: Layout) -> None:
        if layout.tabs_bar is not None:
            bar = layout.tabs_bar
            pygame.draw.line(surface, theme.RULE, (0, bar.bottom - 1), (bar.w, bar.bottom - 1))
        size = layout.fonts.tab
        for tab in layout.tabs:
            active = tab.index == state.index
            hover = state.hover == Tab(tab.index)
            r = _pg(tab.rect)
            fill = theme.PAPER if active else theme.HIGHLIGHT if hover else theme.PANEL
            radius = max(4, r.h // 4)
            pygame.draw.rect(surface, fill, r, border_radius=radius)
            pygame.draw.rect(surface, theme.RULE, r, width=1, border_radius=radius)
            if active:
                bar = pygame.Rect(r.x + radius, r.bottom - 4, r.w - 2 * radius, 3)
                pygame.draw.rect(surface, theme.ACCENT, bar)
            ink = theme.INK if active or hover else theme.INK_SOFT
            self.text.draw(surface, tab.label, size, ink, r.center, bold=active, anchor="center")
        for rect, glyph, delta in ((layout.tab_prev, "‹", -1), (layout.tab_next, "›", 1)):
            if rect is not None:
                hover = state.hover == TabScroll(delta)
                self._button(surface, rect, glyph, round(size * 1.3), hover=hover)

    def _draw_buttons(self, surface: pygame.Surface, state: State, layout: Layout) -> None:
        for name, rect, label in layout.buttons:
            hover = state.hover == Button(name)  # type: ignore[arg-type]
            if name == "export" and state.export is not None:
                label = "Saving…"
            self._button(
                surface, rect, label, layout.fonts.button, hover=hover, primary=name == "export"
            )

    # --- info panel ----------------------------------------------------------------------

    def _draw_info(self, surface: pygame.Surface, state: State, layout: Layout) -> None:
        info = layout.info
        if info is None:
            return
        hover_about = state.hover == Button("about")
        doll_index = state.shown_depth
        surface.blit(self.info_panel(state, layout, doll_index, hover_about), (info.x, info.y))

    def info_panel(
        self, state: State, layout: Layout, index: int, hover_about: bool = False
    ) -> pygame.Surface:
        """The info panel for the doll at ``index`` (cached; the window warms the next)."""
        info = layout.info
        assert info is not None
        first_hint = index == 0 and state.depth == 0 and state.motion is None
        # By identity: hashing a long sequence (every doll) on each lookup would be slow.
        key = (id(state.sequence), index, info, layout.fonts, hover_about, first_hint)
        hit = self._panels.get(key)
        if hit is not None and hit[0] is state.sequence:
            self._panels.move_to_end(key)
            return hit[1]
        panel = pygame.Surface((info.w, info.h), pygame.SRCALPHA)
        self._paint_info(panel, state, layout, index, hover_about, about_button_rect(layout))
        if pygame.display.get_surface() is not None:
            panel = panel.convert_alpha()  # the display's format blits fastest
        self._panels[key] = (state.sequence, panel)
        if len(self._panels) > 12:
            self._panels.popitem(last=False)
        return panel

    def _paint_info(
        self,
        panel: pygame.Surface,
        state: State,
        layout: Layout,
        index: int,
        hover_about: bool,
        about: Rect | None,
    ) -> None:
        info = layout.info
        assert info is not None
        f = layout.fonts
        ui = layout.ui
        local = Rect(0, 0, info.w, info.h)
        radius = round(12 * ui)
        pygame.draw.rect(panel, theme.PAPER, _pg(local), border_radius=radius)
        pygame.draw.rect(panel, theme.RULE, _pg(local), width=1, border_radius=radius)
        pad = round(18 * ui)
        seq = state.sequence
        doll = seq.dolls[index]
        core = index == len(seq.dolls) - 1
        x, width = pad, info.w - 2 * pad
        # The foot of the panel: the sequence's title above the About button.
        foot_top = info.h
        if about is not None:
            about_local = Rect(about.x - info.x, about.y - info.y, about.w, about.h)
            self._button(panel, about_local, "About this sequence", f.button, hover=hover_about)
            title_lines = wrap(seq.title, width, f.small, self.text, True)[:2]
            lh = self.text.line_height(f.small)
            foot_top = about_local.y - round(8 * ui) - lh * len(title_lines)
            for i, line in enumerate(title_lines):
                self.text.draw(panel, line, f.small, theme.INK_SOFT, (x, foot_top + i * lh),
                               bold=True)  # fmt: skip
            pygame.draw.line(panel, theme.RULE, (pad, foot_top - round(8 * ui)),
                             (info.w - pad, foot_top - round(8 * ui)))  # fmt: skip
            foot_top -= round(16 * ui)

        position = f"Doll {index + 1} of {len(seq.dolls)}"
        if core:
            position += "  ·  the core"
        blocks: list[tuple[str, int, bool, RGB, int]] = [
            (position, f.small, True, theme.ACCENT if core else theme.INK_SOFT, round(6 * ui)),
            (doll.name, f.name, True, theme.INK, round(2 * ui)),
        ]
        if doll.native_name:
            blocks.append((doll.native_name, f.native, False, theme.INK_SOFT, round(10 * ui)))
        if doll.office:
            blocks.append((doll.office, f.body, False, theme.INK, round(2 * ui)))
        dates = dates_line(doll)
        if dates:
            blocks.append((dates, f.body, True, theme.INK, round(12 * ui)))
        if doll.caption:
            blocks.append((doll.caption, f.body, False, theme.INK, round(12 * ui)))
        chronology = self.chronology_note(state, index)
        if chronology:
            blocks.append((chronology, f.small, False, theme.ACCENT, round(10 * ui)))
        if core:
            note = "The core doll: it does not open. Click a shelf doll to close back."
            blocks.append((note, f.small, False, theme.ACCENT, 0))
        elif index == 0 and state.depth == 0 and state.motion is None:
            blocks.append(("Click the doll to open it.", f.small, False, theme.INK_SOFT, 0))
        y = pad
        for text, size, bold, color, gap in blocks:
            lines = wrap(text, width, size, self.text, bold)
            lh = self.text.line_height(size)
            for i, line in enumerate(lines):
                if y + lh > foot_top:
                    # Out of room (huge text on a small window): end with an ellipsis.
                    return
                last_fitting = y + 2 * lh > foot_top and i < len(lines) - 1
                if last_fitting:
                    line = ellipsize(line + " …", width, size, self.text, bold)
                self.text.draw(panel, line, size, color, (x, y), bold=bold)
                y += lh
                if last_fitting:
                    return
            y += gap

    # --- presentation title --------------------------------------------------------------

    def _draw_title(self, surface: pygame.Surface, state: State, layout: Layout) -> None:
        rect = layout.title_rect
        if rect is None:
            return
        doll = state.sequence.dolls[state.shown_depth]
        f = layout.fonts
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

    # --- shelf ---------------------------------------------------------------------------

    def _draw_shelf(self, surface: pygame.Surface, state: State, layout: Layout) -> None:
        shelf = layout.shelf
        ui = layout.ui
        lh = self.text.line_height(layout.fonts.label)
        plank_h = max(4, round(7 * ui))
        floor = round(layout.first_slot.bottom) - 1  # every shelf doll stands on this line
        plank = pygame.Rect(shelf.x, floor, shelf.w, plank_h)
        pygame.draw.rect(surface, theme.SHELF_WOOD, plank, border_radius=2)
        pygame.draw.line(surface, _mix(theme.SHELF_WOOD, (255, 255, 255), 0.3),
                         (plank.x + 2, plank.y), (plank.right - 3, plank.y))  # fmt: skip
        if not layout.slots:
            self.text.draw(surface, "Opened dolls stand here", layout.fonts.label,
                           theme.INK_SOFT, (shelf.x + round(6 * ui), floor + plank_h),
                           )  # fmt: skip
            return
        dolls = state.sequence.dolls
        moving = state.motion.doll if state.motion is not None else None
        for slot in layout.slots:
            hover = state.hover == (ShelfDoll(slot.depth) if slot.depth is not None else None)
            if slot.depth is None:
                hover = state.hover == ShelfGroup()
            place = slot.doll
            if hover:
                self._draw_glow(surface, place)
                place = Placement(place.cx, place.top - 3 * ui, place.height)
            if slot.depth is None:
                for doll, small in _hidden_stack(dolls, place, floor):
                    draw_doll(surface, doll, small)
            elif slot.depth != moving:
                self._draw_shadow(surface, place.cx, floor, place.height * ASPECT)
                draw_doll(surface, dolls[slot.depth], place)
            ink = theme.INK if hover else theme.INK_SOFT
            for i, line in enumerate(slot.label.split("\n")):
                self.text.draw(surface, line, layout.fonts.label, ink,
                               (slot.label_rect.centerx, floor + plank_h + i * lh),
                               anchor="midtop", bold=hover)  # fmt: skip

    # --- timeline strip ------------------------------------------------------------------

    def _draw_strip(self, surface: pygame.Surface, state: State, layout: Layout) -> None:
        strip = layout.timeline
        if strip is None:
            return
        # Every bar is drawn once per layout; only the current and hovered ones are drawn
        # again on top, so a long sequence's strip costs the same as a short one's.
        if self._strip_base is None or self._strip_base[0] is not strip:
            self._strip_base = (strip, self._paint_strip(strip, state, layout))
        surface.blit(self._strip_base[1], (strip.rect.x, strip.rect.y))
        current = state.shown_depth
        hover = state.hover.depth if isinstance(state.hover, TimelineBar) else None
        for bar in strip.bars:
            if not bar.ghost and bar.depth in (current, hover):
                self._draw_bar(surface, bar, current, state, layout.fonts.label, layout.ui)

    def _draw_bar_tip(self, surface: pygame.Surface, state: State, layout: Layout) -> None:
        """The full name and dates of the timeline bar under the pointer, just above it."""
        strip = layout.timeline
        if strip is None or not isinstance(state.hover, TimelineBar) or state.overlay_open:
            return
        bar = next((b for b in strip.bars if b.depth == state.hover.depth and not b.ghost), None)
        if bar is None:
            return
        size = layout.fonts.small
        dates = dates_line(bar.doll)
        text = f"{bar.doll.name}, {dates}" if dates else bar.doll.name
        pad = round(8 * layout.ui)
        img = self.text.render(text, size, theme.ON_DARK)
        box = pygame.Rect(0, 0, img.get_width() + 2 * pad, img.get_height() + pad)
        box.midbottom = (bar.rect.centerx, strip.rect.y - 2)
        box.clamp_ip(pygame.Rect(0, 0, *layout.size))
        pygame.draw.rect(surface, theme.TOAST, box, border_radius=box.h // 3)
        surface.blit(img, img.get_rect(center=box.center))

    def _paint_strip(self, strip: Strip, state: State, layout: Layout) -> pygame.Surface:
        """The strip with every bar in its plain look, on its own surface."""
        ui = layout.ui
        size = layout.fonts.label
        base = pygame.Surface((strip.rect.w, strip.rect.h), pygame.SRCALPHA)
        ox, oy = strip.rect.x, strip.rect.y
        r = pygame.Rect(0, 0, strip.rect.w, strip.rect.h)
        radius = round(10 * ui)
        pygame.draw.rect(base, theme.PAPER, r, border_radius=radius)
        pygame.draw.rect(base, theme.RULE, r, width=1, border_radius=radius)
        pad = round(10 * ui)
        title_y = strip.title_y - oy
        axis_y = strip.axis_y - oy
        self.text.draw(base, strip.title, size, theme.INK_SOFT, (pad, title_y), bold=True)
        if strip.undated:
            self.text.draw(base, strip.undated, size, theme.INK_SOFT, (r.right - pad, title_y),
                           anchor="topright")  # fmt: skip
        pygame.draw.line(base, theme.RULE, (pad, axis_y), (r.right - pad, axis_y))
        for x, label in strip.ticks:
            pygame.draw.line(base, theme.RULE, (x - ox, axis_y), (x - ox, axis_y + 3))
            self.text.draw(base, label, size, theme.INK_SOFT, (x - ox, axis_y + 2),
                           anchor="midtop")  # fmt: skip
        plain = state._replace(hover=None)
        for bar in strip.bars:
            moved = bar._replace(
                rect=Rect(bar.rect.x - ox, bar.rect.y - oy, bar.rect.w, bar.rect.h)
            )
            self._draw_bar(base, moved, -1, plain, size, ui)
        if pygame.display.get_surface() is not None:
            base = base.convert_alpha()
        return base

    def _draw_bar(
        self, surface: pygame.Surface, bar: StripBar, current: int, state: State, size: int,
        ui: float,
    ) -> None:  # fmt: skip
        rect = _pg(bar.rect)
        radius = max(2, min(rect.h // 3, rect.w // 2))
        if bar.ghost:
            pygame.draw.rect(surface, _mix(theme.PAPER, theme.PANEL, 0.5), rect,
                             border_radius=radius)  # fmt: skip
            _dashed_rect(surface, _mix(theme.RULE, theme.INK_SOFT, 0.35), rect)
            if bar.label:
                self.text.draw(surface, bar.label, size, theme.INK_SOFT, rect.center,
                               anchor="center")  # fmt: skip
            return
        is_current = bar.depth == current
        hover = state.hover == TimelineBar(bar.depth) if bar.depth is not None else False
        body = bar.doll.colors.body
        fill = body if is_current or hover else _mix(body, theme.PAPER, 0.45)
        pygame.draw.rect(surface, fill, rect, border_radius=radius)
        if is_current:
            pygame.draw.rect(surface, theme.INK, rect.inflate(4, 4), width=2,
                             border_radius=radius + 2)  # fmt: skip
        elif hover:
            pygame.draw.rect(surface, theme.HIGHLIGHT, rect.inflate(4, 4), width=2,
                             border_radius=radius + 2)  # fmt: skip
        if bar.not_in_reference:
            # A red corner: this doll is not in the reference chronology.
            k = max(5, min(rect.h // 2, round(10 * ui)))
            corner = [(rect.x, rect.y), (rect.x + k, rect.y), (rect.x, rect.y + k)]
            pygame.draw.polygon(surface, theme.ACCENT, corner)
        if bar.label:
            ink = theme.ON_DARK if _luma(fill) < 140 else theme.INK
            self.text.draw(surface, bar.label, size, ink, rect.center, anchor="center",
                           bold=is_current)  # fmt: skip

    # --- stage ---------------------------------------------------------------------------

    def _draw_stage(self, surface: pygame.Surface, state: State, layout: Layout) -> None:
        dolls = state.sequence.dolls
        rest = layout.rest
        floor = rest.bottom
        m = state.motion
        if m is not None:
            pose = opening_pose(m.t, rest, layout.slot_for(m.doll), ASPECT, stage=layout.stage)
            self._draw_shadow(surface, rest.cx, floor, pose.inner.height * ASPECT)
            draw_opening(surface, dolls[m.doll], dolls[m.doll + 1], pose, scaled=True)
            return
        doll = dolls[state.depth]
        self._draw_shadow(surface, rest.cx, floor, rest.height * ASPECT)
        hover = state.hover == CurrentDoll() and not state.overlay_open
        place = rest
        if hover:
            self._draw_glow(surface, rest)
            place = Placement(rest.cx, rest.top - 4 * layout.ui, rest.height)
        if state.wobble_ms > 0:
            self._draw_wobble(surface, doll, place, state.wobble_ms)
        else:
            draw_doll(surface, doll, place)

    def _draw_wobble(
        self, surface: pygame.Surface, doll: Doll, place: Placement, wobble_ms: int
    ) -> None:
        """The core doll rocks on its base: a damped swing about the bottom centre."""
        p = 1 - wobble_ms / WOBBLE_MS
        angle = 7.0 * math.sin(p * math.pi * 4) * (1 - p)
        img = part_image(doll, "whole", max(8, round(place.height)))
        turned = pygame.transform.rotozoom(img, angle, 1.0)
        pivot = pygame.math.Vector2(place.cx, place.bottom)
        offset = pygame.math.Vector2(0, -img.get_height() / 2).rotate(-angle)
        surface.blit(turned, turned.get_rect(center=pivot + offset))

    # --- toast ---------------------------------------------------------------------------

    def _draw_toast(self, surface: pygame.Surface, state: State, layout: Layout) -> None:
        f = layout.fonts
        area = layout.toast
        pad = round(14 * layout.ui)
        if state.export is not None:
            what = export_kinds.kind(state.export.kind).label
            message = f"Saving {what}…  {round(state.export.progress * 100)}%"
            fill, failed = theme.TOAST, False
        elif state.toast is not None:
            message, failed = state.toast.message, state.toast.failed
            fill = theme.ACCENT if failed else theme.TOAST
        else:
            return
        text = ellipsize(message, area.w - 2 * pad, f.body, self.text)
        tw = self.text.width(text, f.body)
        box = pygame.Rect(0, 0, tw + 2 * pad, area.h)
        box.midtop = (area.centerx, area.y)
        pygame.draw.rect(surface, fill, box, border_radius=box.h // 3)
        self.text.draw(surface, text, f.body, theme.ON_DARK, box.center, anchor="center")
        if state.export is not None:
            bar = pygame.Rect(box.x + pad, box.bottom - 5, box.w - 2 * pad, 3)
            pygame.draw.rect(surface, _mix(theme.TOAST, theme.ON_DARK, 0.25), bar)
            bar.w = round(bar.w * state.export.progress)
            pygame.draw.rect(surface, theme.HIGHLIGHT, bar)

    # --- overlays ------------------------------------------------------------------------

    def _draw_errors(self, surface: pygame.Surface, layout: Layout) -> None:
        box = layout.errors
        if box is None:
            return
        r = _pg(box.panel)
        radius = round(10 * layout.ui)
        pygame.draw.rect(surface, theme.PAPER, r, border_radius=radius)
        pygame.draw.rect(surface, theme.ACCENT, r, width=2, border_radius=radius)
        lh = self.text.line_height(box.size)
        x, y = r.x + box.pad, r.y + box.pad
        self.text.draw(surface, box.title, box.size, theme.ACCENT, (x, y), bold=True)
        for i, line in enumerate(box.lines):
            self.text.draw(surface, line, box.size, theme.INK, (x, y + (i + 1) * lh))

    def _panel_box(self, surface: pygame.Surface, rect: Rect, ui: float) -> None:
        surface.blit(self._veil_for(surface.get_size()), (0, 0))
        radius = round(14 * ui)
        pygame.draw.rect(surface, theme.PAPER, _pg(rect), border_radius=radius)
        pygame.draw.rect(surface, theme.RULE, _pg(rect), width=2, border_radius=radius)

    def _draw_help(self, surface: pygame.Surface, layout: Layout) -> None:
        box = layout.help
        assert box is not None
        self._panel_box(surface, box.panel, layout.ui)
        size = box.size
        heading = round(size * 1.35)
        self.text.draw(surface, "Keys", heading, theme.INK, (box.key_x, box.panel.y + size * 2),
                       bold=True)  # fmt: skip
        hint = "Esc or click to close"
        self.text.draw(surface, hint, max(9, size - 2), theme.INK_SOFT,
                       (box.panel.right - size * 2, box.panel.y + size * 2 + heading // 4),
                       anchor="topright")  # fmt: skip
        for i, (keys, what) in enumerate(HELP_KEYS):
            y = box.top + i * box.row
            self.text.draw(surface, keys, size, theme.ACCENT, (box.key_x, y), bold=True)
            self.text.draw(surface, what, size, theme.INK, (box.text_x, y))

    def _draw_about(self, surface: pygame.Surface, state: State, layout: Layout) -> None:
        box = layout.about
        assert box is not None
        rect = box.panel
        self._panel_box(surface, rect, layout.ui)
        y = rect.y + box.pad
        bottom = rect.bottom - box.pad - self.text.line_height(layout.fonts.small)
        for lines, size, bold, role, gap in box.paragraphs:
            color = theme.INK_SOFT if role == "note" else theme.INK
            lh = self.text.line_height(size)
            for line in lines:
                if y + lh > bottom:
                    break
                self.text.draw(surface, line, size, color, (rect.x + box.pad, y), bold=bold)
                y += lh
            y += gap
        self.text.draw(surface, "Esc or click to close", layout.fonts.small, theme.INK_SOFT,
                       (rect.right - box.pad, rect.bottom - box.pad),
                       anchor="bottomright")  # fmt: skip

    def _draw_picker(self, surface: pygame.Surface, state: State, layout: Layout) -> None:
        picker = layout.picker
        assert picker is not None
        self._panel_box(surface, picker.panel, layout.ui)
        f = layout.fonts
        title = ellipsize("Opened dolls: click one to close back to it", picker.title.w,
                          f.heading, self.text, True)  # fmt: skip
        self.text.draw(surface, title, f.heading, theme.INK, (picker.title.x, picker.title.y),
                       bold=True)  # fmt: skip
        for entry in picker.entries:
            hover = state.hover == PickerItem(entry.depth)
            r = _pg(entry.rect)
            if hover:
                pygame.draw.rect(surface, theme.HIGHLIGHT, r, border_radius=r.h // 4)
            self.text.draw(surface, entry.label, picker.size, theme.INK,
                           (r.x + round(6 * layout.ui), r.centery), anchor="midleft")  # fmt: skip
        for rect, label, delta in ((picker.prev, "‹ Previous", -1), (picker.next, "Next ›", 1)):
            if rect is not None:
                hover = state.hover == PickerPage(delta)
                self._button(surface, rect, label, f.small, hover=hover)
        if picker.pages > 1:
            page = f"Page {picker.page + 1} of {picker.pages}"
            y = (picker.prev or picker.next or picker.title).centery
            self.text.draw(surface, page, f.small, theme.INK_SOFT, (picker.panel.centerx, y),
                           anchor="center")  # fmt: skip
