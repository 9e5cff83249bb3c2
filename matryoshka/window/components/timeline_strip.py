"""The timeline strip along the bottom: one bar per doll over an axis of years.

The bars come from ``history.timeline`` (which doll spans which years, in which lane);
here they are placed in the strip, labelled, drawn, and made clickable. Faint dashed
bars are the figures of the reference the set leaves out (ghosts).
"""

from __future__ import annotations

from matryoshka import theme
from matryoshka.format.model import Doll, Sequence
from matryoshka.geometry import Rect
from matryoshka.history.timeline import Timeline, year_label
from matryoshka.pgcompat import pygame
from matryoshka.records import Record
from matryoshka.theme import luminance, mix
from matryoshka.window.components.common import Chrome, dashed_rect, pg
from matryoshka.window.measure import ELLIPSIS, Fonts, Metrics, dates_line, ellipsize, short_name
from matryoshka.window.state import State, Target, TimelineBar

#: The strip shows at most this many lanes of overlapping terms (more share the last
#: one), so its height stays predictable.
MAX_LANES = 3


class StripBar(Record):
    """One bar of the strip: a doll (``depth``) or a ghost (``depth`` None)."""

    rect: Rect
    depth: int | None
    label: str
    doll: Doll
    ghost: bool = False
    not_in_reference: bool = False
    open_end: bool = False


class Strip(Record):
    """The timeline strip: bars over an axis of years, a title line above them."""

    rect: Rect
    title: str
    title_y: int
    bars: tuple[StripBar, ...]
    axis_y: int
    ticks: tuple[tuple[int, str], ...]
    undated: str


def strip_height(timeline: Timeline, metrics: Metrics, fonts: Fonts, ui: float) -> int:
    """How tall the strip is for this timeline's lanes."""
    lh = metrics.line_height(fonts.label)
    lanes = min(max(timeline.lanes, 2), MAX_LANES)
    lane_h = max(lh + round(4 * ui), round(20 * ui))
    return lh + lanes * lane_h + lh + round(14 * ui)


#: Recent strips, so moving from doll to doll does not lay out hundreds of bars again.
_strips: dict[tuple[object, ...], tuple[Timeline, Sequence | None, Strip]] = {}


def layout_strip(
    state: State, tl: Timeline, rect: Rect, fonts: Fonts, metrics: Metrics, ui: float
) -> Strip:
    """The strip in ``rect``; remembered, as it depends on the timeline and the room only."""
    reference = state.reference
    key = (id(tl), id(reference), rect, fonts, ui, id(metrics))
    hit = _strips.get(key)
    if hit is not None and hit[0] is tl and hit[1] is reference:
        return hit[2]
    strip = _strip(state, tl, rect, fonts, metrics, ui)
    if len(_strips) > 32:
        _strips.clear()
    _strips[key] = (tl, reference, strip)
    return strip


def _strip(
    state: State, tl: Timeline, rect: Rect, fonts: Fonts, metrics: Metrics, ui: float
) -> Strip:
    """Bars over an axis of years, a title line above them and year labels below."""
    size = fonts.label
    lh = metrics.line_height(size)
    pad = round(10 * ui)
    lanes = min(max(tl.lanes, 2), MAX_LANES)
    title_y = rect.y + round(4 * ui)
    area_top = title_y + lh + round(2 * ui)
    axis_y = rect.bottom - lh - round(4 * ui)
    lane_h = max(1, (axis_y - area_top) // lanes)
    left, width = rect.x + pad, max(1, rect.w - 2 * pad)

    def x_of(year: float) -> int:
        return left + round(tl.fraction(year) * width)

    bars: list[StripBar] = []
    for bar in tl.bars:
        x0 = x_of(bar.start)
        x1 = max(x0 + max(3, round(3 * ui)), x_of(bar.end))
        lane = min(bar.lane, lanes - 1)
        r = Rect(x0, area_top + lane * lane_h + 1, x1 - x0, max(1, lane_h - 2))
        label = ""
        if r.w >= round(26 * ui):
            label = ellipsize(short_name(bar.doll), r.w - round(6 * ui), size, metrics)
            if label == ELLIPSIS:
                label = ""
        bars.append(
            StripBar(
                rect=r,
                depth=bar.sequence_index,
                label=label,
                doll=bar.doll,
                ghost=bar.ghost,
                not_in_reference=bar.not_in_reference,
                open_end=bar.open_end,
            )
        )
    ticks: list[tuple[int, str]] = []
    for year in tl.ticks:
        text = year_label(year)
        half = metrics.width(text, size) // 2 + 2
        ticks.append((min(max(x_of(year), rect.x + half), rect.right - half), text))
    title, undated = _title(state, tl, rect, size, metrics, pad)
    return Strip(rect, title, title_y, tuple(bars), axis_y, tuple(ticks), undated)


def _title(
    state: State, tl: Timeline, rect: Rect, size: int, metrics: Metrics, pad: int
) -> tuple[str, str]:
    """The strip's title line (naming the left-out figures) and its note of undated dolls."""
    ghosts = any(b.ghost for b in tl.bars)
    strays = any(b.not_in_reference for b in tl.bars)
    reference = state.reference
    title = "Timeline"
    if reference is not None and (ghosts or strays):
        notes = []
        if ghosts:
            # Ghost bars are often too short for a name: name them all here.
            left_out = ", ".join(short_name(b.doll) for b in tl.bars if b.ghost)
            notes.append(f"faint bars: left out of this set ({left_out})")
        if strays:
            notes.append(f"marked: not in {reference.title}")
        title += " · " + "; ".join(notes)
    undated = ""
    if tl.undated:
        names = ", ".join(short_name(u.doll) for u in tl.undated)
        undated = ellipsize(f"Undated: {names}", rect.w // 3, size, metrics)
    room = rect.w - 2 * pad - (metrics.width(undated, size) + pad if undated else 0)
    return ellipsize(title, max(1, room), size, metrics, True), undated


def targets(strip: Strip) -> list[tuple[Rect, Target]]:
    """Every bar of a doll in the set: a click goes straight to it."""
    return [(bar.rect, TimelineBar(bar.depth)) for bar in strip.bars if bar.depth is not None]


class TimelineView:
    """Draws the strip: every bar once per layout, then the current and hovered on top."""

    def __init__(self, chrome: Chrome) -> None:
        self.text = chrome.text
        self._base: tuple[Strip, pygame.Surface] | None = None

    def draw(
        self, surface: pygame.Surface, state: State, strip: Strip, size: int, ui: float
    ) -> None:
        # Every bar is drawn once per layout; only the current and hovered ones are drawn
        # again on top, so a long sequence's strip costs the same as a short one's.
        if self._base is None or self._base[0] is not strip:
            self._base = (strip, self._paint_base(strip, size, ui))
        surface.blit(self._base[1], (strip.rect.x, strip.rect.y))
        current = state.shown_depth
        hover = state.hover.depth if isinstance(state.hover, TimelineBar) else None
        for bar in strip.bars:
            if not bar.ghost and bar.depth in (current, hover):
                self._draw_bar(surface, bar, current, hover, size, ui)

    def draw_tip(
        self, surface: pygame.Surface, state: State, strip: Strip, size: int, ui: float,
        window: tuple[int, int],
    ) -> None:  # fmt: skip
        """The full name and dates of the bar under the pointer, just above the strip."""
        if not isinstance(state.hover, TimelineBar) or state.overlay_open:
            return
        bar = next((b for b in strip.bars if b.depth == state.hover.depth and not b.ghost), None)
        if bar is None:
            return
        dates = dates_line(bar.doll)
        text = f"{bar.doll.name}, {dates}" if dates else bar.doll.name
        pad = round(8 * ui)
        img = self.text.render(text, size, theme.ON_DARK)
        box = pygame.Rect(0, 0, img.get_width() + 2 * pad, img.get_height() + pad)
        box.midbottom = (bar.rect.centerx, strip.rect.y - 2)
        box.clamp_ip(pygame.Rect(0, 0, *window))
        pygame.draw.rect(surface, theme.TOAST, box, border_radius=box.h // 3)
        surface.blit(img, img.get_rect(center=box.center))

    def _paint_base(self, strip: Strip, size: int, ui: float) -> pygame.Surface:
        """The strip with every bar in its plain look, on its own surface."""
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
        for bar in strip.bars:
            moved = bar._replace(
                rect=Rect(bar.rect.x - ox, bar.rect.y - oy, bar.rect.w, bar.rect.h)
            )
            self._draw_bar(base, moved, -1, None, size, ui)
        if pygame.display.get_surface() is not None:
            base = base.convert_alpha()
        return base

    def _draw_bar(
        self, surface: pygame.Surface, bar: StripBar, current: int, hovered: int | None,
        size: int, ui: float,
    ) -> None:  # fmt: skip
        rect = pg(bar.rect)
        radius = max(2, min(rect.h // 3, rect.w // 2))
        if bar.ghost:
            pygame.draw.rect(surface, mix(theme.PAPER, theme.PANEL, 0.5), rect,
                             border_radius=radius)  # fmt: skip
            dashed_rect(surface, mix(theme.RULE, theme.INK_SOFT, 0.35), rect)
            if bar.label:
                self.text.draw(surface, bar.label, size, theme.INK_SOFT, rect.center,
                               anchor="center")  # fmt: skip
            return
        is_current = bar.depth == current
        hover = bar.depth is not None and bar.depth == hovered
        body = bar.doll.colors.body
        fill = body if is_current or hover else mix(body, theme.PAPER, 0.45)
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
            ink = theme.ON_DARK if luminance(fill) < 140 else theme.INK
            self.text.draw(surface, bar.label, size, ink, rect.center, anchor="center",
                           bold=is_current)  # fmt: skip
