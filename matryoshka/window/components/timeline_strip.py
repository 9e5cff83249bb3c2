"""The timeline strip along the bottom: one bar per doll over an axis of years.

The bars come from ``history.timeline`` (which doll spans which years, in which lane);
here they are placed in the strip, labelled, drawn, and made clickable. Faint dashed
bars are the figures of the reference the set leaves out (ghosts).
"""

from __future__ import annotations

from typing import Literal

from matryoshka import theme
from matryoshka.format.model import Doll
from matryoshka.geometry import Rect
from matryoshka.history.timeline import Bar as TimelineBarData
from matryoshka.history.timeline import Timeline, nice_ticks, year_label
from matryoshka.pgcompat import pygame
from matryoshka.records import Record
from matryoshka.theme import RGB, luminance, mix
from matryoshka.window.components.common import Chrome, dashed_rect, pg
from matryoshka.window.measure import ELLIPSIS, Fonts, Metrics, dates_line, ellipsize, short_name
from matryoshka.window.state import (
    TIMELINE_MAX_ZOOM,
    State,
    Target,
    TimelineBar,
    TimelineGhost,
    timeline_view,
)

#: The strip shows at most this many lanes of overlapping terms (more share the last
#: one), so its height stays predictable.
MAX_LANES = 3


class StripBar(Record):
    """One bar of the strip: a doll (``depth``) or a ghost (``depth`` None).

    ``label`` is drawn centred in the bar, or, when it is wider than the bar but the lane
    has room after it, just after the bar (``spill``).
    """

    rect: Rect
    depth: int | None
    label: str
    doll: Doll
    ghost: bool = False
    not_in_reference: bool = False
    open_end: bool = False
    #: Where a name wider than its bar goes: just ``after`` it, or ``over`` it on a tag.
    spill: Literal["", "after", "over"] = ""


class Strip(Record):
    """The timeline strip: bars over an axis of years, a title line above them.

    It shows ``1 / zoom`` of the timeline's span from ``start`` (0 to 1) on, between
    ``left`` and ``left + width``; bars wholly outside are left out.
    """

    rect: Rect
    title: str
    title_y: int
    bars: tuple[StripBar, ...]
    axis_y: int
    ticks: tuple[tuple[int, str], ...]
    undated: str
    zoom: float = 1.0
    start: float = 0.0
    left: int = 0
    width: int = 1
    #: Text size of its labels (it grows with the text only as far as the window allows).
    size: int = 14

    @property
    def right_edge(self) -> int:
        """Where the visible part of the strip ends."""
        return self.left + self.width

    def at(self, x: int) -> float:
        """How far along the visible part of the strip ``x`` is (0 left edge, 1 right)."""
        return min(max((x - self.left) / max(1, self.width), 0.0), 1.0)


#: Each notch of the mouse wheel over the strip zooms in (or out) by this factor.
WHEEL_ZOOM = 1.4
#: The strip is at most this share of the window's height (its text stops growing).
MAX_SHARE = 0.2


def zoom_at(zoom: float, start: float, factor: float, at: float) -> tuple[float, float]:
    """The view zoomed by ``factor`` keeping the year at ``at`` (0 to 1 across) in place."""
    point = start + at / zoom
    new_zoom = min(max(zoom * factor, 1.0), TIMELINE_MAX_ZOOM)
    return timeline_view(new_zoom, point - at / new_zoom)


def pan_by(zoom: float, start: float, across: float) -> tuple[float, float]:
    """The view moved by ``across`` of its own width (positive: later years come in)."""
    return timeline_view(zoom, start + across / zoom)


def following(state: State, tl: Timeline) -> tuple[float, float]:
    """The state's view of the timeline; when the user has just asked for another doll,
    moved to show that doll if it is out of view."""
    zoom, start = state.timeline_zoom, state.timeline_start
    if zoom <= 1.0 or not state.timeline_follow:
        return zoom, start
    depth = state.target
    bar = next((b for b in tl.bars if b.sequence_index == depth), None)
    if bar is None:
        return zoom, start
    lo, hi = tl.fraction(bar.start), tl.fraction(bar.end)
    span = 1.0 / zoom
    if lo >= start and hi <= start + span:
        return zoom, start
    return timeline_view(zoom, (lo + hi) / 2 - span / 2)


def label_size(
    tl: Timeline, metrics: Metrics, fonts: Fonts, ui: float, h: int, factor: float
) -> int:
    """The strip's text size: the user's, unless that would make it taller than
    ``MAX_SHARE`` of a window ``h`` high (then smaller, down to the normal size)."""
    normal = max(9, round(fonts.label / max(factor, 1.0)))
    size = fonts.label
    while (
        size > normal and strip_height(tl, metrics, fonts._replace(label=size), ui) > h * MAX_SHARE
    ):
        size -= 1
    return size


def layout_bottom(
    state: State, tl: Timeline, size: tuple[int, int], m: int, fonts: Fonts, metrics: Metrics,
    ui: float,
) -> Strip:  # fmt: skip
    """The strip along the bottom of a window of ``size`` with margin ``m``."""
    w, h = size
    label = label_size(tl, metrics, fonts, ui, h, state.text_factor)
    strip_fonts = fonts._replace(label=label)
    th = strip_height(tl, metrics, strip_fonts, ui)
    room = Rect(m, h - m - th, w - 2 * m, th)
    return layout_strip(state, tl, room, strip_fonts, metrics, ui)


def strip_height(timeline: Timeline, metrics: Metrics, fonts: Fonts, ui: float) -> int:
    """How tall the strip is for this timeline's lanes."""
    lh = metrics.line_height(fonts.label)
    lanes = min(max(timeline.lanes, 2), MAX_LANES)
    lane_h = max(lh + round(4 * ui), round(20 * ui))
    return lh + lanes * lane_h + lh + round(14 * ui)


class StripInputs(Record):
    """What a strip is laid out from besides its timeline and the fonts' metrics: the
    key of the remembered strips (``_strip`` reads nothing else)."""

    #: The title of the reference the strip's ghosts and marks compare with.
    reference: str | None
    rect: Rect
    fonts: Fonts
    ui: float
    #: The part of the timeline shown: ``(zoom, start)`` (``following``).
    view: tuple[float, float]


def strip_inputs(state: State, tl: Timeline, rect: Rect, fonts: Fonts, ui: float) -> StripInputs:
    """The inputs of the strip of ``tl`` in ``rect`` for ``state``."""
    reference = state.reference
    title = reference.title if reference is not None else None
    return StripInputs(title, rect, fonts, ui, following(state, tl))


#: Recent strips, so moving from doll to doll does not lay out hundreds of bars again;
#: the timeline and the metrics are kept in the entry, so their ids stay theirs.
_strips: dict[tuple[int, StripInputs, int], tuple[Timeline, Metrics, Strip]] = {}


def layout_strip(
    state: State, tl: Timeline, rect: Rect, fonts: Fonts, metrics: Metrics, ui: float
) -> Strip:
    """The strip in ``rect``; remembered, as it depends on the timeline and its inputs only."""
    inputs = strip_inputs(state, tl, rect, fonts, ui)
    key = (id(tl), inputs, id(metrics))
    hit = _strips.get(key)
    if hit is not None and hit[0] is tl and hit[1] is metrics:
        return hit[2]
    strip = _strip(inputs, tl, metrics)
    if len(_strips) > 32:
        _strips.clear()
    _strips[key] = (tl, metrics, strip)
    return strip


def _strip(inputs: StripInputs, tl: Timeline, metrics: Metrics) -> Strip:
    """Bars over an axis of years, a title line above them and year labels below."""
    rect, ui = inputs.rect, inputs.ui
    size = inputs.fonts.label
    lh = metrics.line_height(size)
    pad = round(10 * ui)
    lanes = min(max(tl.lanes, 2), MAX_LANES)
    title_y = rect.y + round(4 * ui)
    area_top = title_y + lh + round(2 * ui)
    axis_y = rect.bottom - lh - round(4 * ui)
    lane_h = max(1, (axis_y - area_top) // lanes)
    left, width = rect.x + pad, max(1, rect.w - 2 * pad)
    right = left + width
    zoom, start = inputs.view
    scale = width * zoom

    def x_of(year: float) -> int:
        return left + round((tl.fraction(year) - start) * scale)

    placed: list[tuple[Rect, int, object]] = []
    for bar in tl.bars:
        x0, x1 = x_of(bar.start), x_of(bar.end)
        if x1 < left or x0 > right:
            continue  # outside the view
        x0, x1 = max(x0, left), min(right, max(x0 + max(3, round(3 * ui)), x1))
        lane = min(bar.lane, lanes - 1)
        placed.append(
            (Rect(x0, area_top + lane * lane_h + 1, x1 - x0, max(1, lane_h - 2)), lane, bar)
        )
    bars = _labelled(placed, right, size, metrics, ui)
    ticks: list[tuple[int, str]] = []
    first_year = tl.start + start * (tl.end - tl.start)
    last_year = tl.start + (start + 1 / zoom) * (tl.end - tl.start)
    for year in nice_ticks(first_year, last_year):
        text = year_label(year)
        half = metrics.width(text, size) // 2 + 2
        ticks.append((min(max(x_of(year), rect.x + half), rect.right - half), text))
    title, undated = _title(inputs.reference, tl, rect, size, metrics, pad, zoom)
    return Strip(rect, title, title_y, tuple(bars), axis_y, tuple(ticks), undated, zoom, start,
                 left, width, size)  # fmt: skip


def _labelled(
    placed: list[tuple[Rect, int, object]], right: int, size: int, metrics: Metrics, ui: float
) -> list[StripBar]:
    """The bars with their names: inside a bar when they fit, else into the free room
    after it in its lane, else shortened to that room; none where there is no room."""
    room: list[int] = [right] * len(placed)
    last_in_lane: dict[int, int] = {}
    for i, (rect, lane, _bar) in enumerate(placed):
        before = last_in_lane.get(lane)
        if before is not None:
            room[before] = rect.x
        last_in_lane[lane] = i
    inset = round(3 * ui)
    out: list[StripBar] = []
    for i, (rect, _lane, bar) in enumerate(placed):
        assert isinstance(bar, TimelineBarData)
        name = short_name(bar.doll)
        # The name inside the bar, else just after it, else across it on a tag: whichever
        # shows the most of it.
        least = round(20 * ui)
        free = room[i] - round(4 * ui) - inset
        spill: Literal["", "after", "over"] = ""
        label = ellipsize(name, rect.w - 2 * inset, size, metrics) if rect.w >= least else ""
        for where, width in (("after", free - rect.right), ("over", free - rect.x)):
            if label == name or width < least:
                continue
            candidate = ellipsize(name, width, size, metrics)
            if len(candidate) > len(label):
                label, spill = candidate, where
        if label == ELLIPSIS:
            label, spill = "", ""
        out.append(
            StripBar(
                rect=rect,
                depth=bar.sequence_index,
                label=label,
                doll=bar.doll,
                ghost=bar.ghost,
                not_in_reference=bar.not_in_reference,
                open_end=bar.open_end,
                spill=spill,
            )
        )
    return out


def _title(
    reference: str | None, tl: Timeline, rect: Rect, size: int, metrics: Metrics, pad: int,
    zoom: float,
) -> tuple[str, str]:  # fmt: skip
    """The strip's title line (naming the left-out figures) and its note of undated dolls."""
    ghosts = any(b.ghost for b in tl.bars)
    strays = any(b.not_in_reference for b in tl.bars)
    title = "Timeline"
    if zoom > 1 or len(tl.bars) > ZOOM_HINT_BARS:
        title += f" ({'x' + format(zoom, '.0f') + ', ' if zoom > 1 else ''}wheel: zoom, drag: move)"
    if reference is not None and (ghosts or strays):
        notes = []
        if ghosts:
            # Ghost bars are often too short for a name: name them all here.
            left_out = ", ".join(short_name(b.doll) for b in tl.bars if b.ghost)
            notes.append(f"faint bars: left out of this set ({left_out})")
        if strays:
            notes.append(f"marked: not in {reference}")
        title += " · " + "; ".join(notes)
    undated = ""
    if tl.undated:
        names = ", ".join(short_name(u.doll) for u in tl.undated)
        undated = ellipsize(f"Undated: {names}", rect.w // 3, size, metrics)
    room = rect.w - 2 * pad - (metrics.width(undated, size) + pad if undated else 0)
    return ellipsize(title, max(1, room), size, metrics, True), undated


#: A strip with more bars than this says that it zooms.
ZOOM_HINT_BARS = 40


#: The targets of the last strips laid out (thousands of bars: made once per strip).
_targets: dict[int, tuple[Strip, list[tuple[Rect, Target]]]] = {}


def targets(strip: Strip) -> list[tuple[Rect, Target]]:
    """Every bar of a doll in the set (a click goes straight to it), and the ghosts (the
    pointer over one names it)."""
    hit = _targets.get(id(strip))
    if hit is not None and hit[0] is strip:
        return hit[1]
    out: list[tuple[Rect, Target]] = []
    for i, bar in enumerate(strip.bars):
        out.append(
            (bar.rect, TimelineBar(bar.depth) if bar.depth is not None else TimelineGhost(i))
        )
    if len(_targets) > 8:
        _targets.clear()
    _targets[id(strip)] = (strip, out)
    return out


def hovered(state: State, strip: Strip) -> StripBar | None:
    """The bar under the pointer, if any."""
    h = state.hover
    if isinstance(h, TimelineGhost) and 0 <= h.index < len(strip.bars):
        return strip.bars[h.index]
    if isinstance(h, TimelineBar):
        return next((b for b in strip.bars if b.depth == h.depth), None)
    return None


def tip_text(bar: StripBar) -> str:
    """What the strip's title line says while the pointer is over ``bar``."""
    dates = dates_line(bar.doll)
    text = f"{bar.doll.name}, {dates}" if dates else bar.doll.name
    return f"Left out of this set: {text}" if bar.ghost else text


class TimelineView:
    """Draws the strip: every bar once per layout, then the current and hovered on top."""

    def __init__(self, chrome: Chrome) -> None:
        self.text = chrome.text
        self._base: tuple[Strip, pygame.Surface] | None = None

    def draw(self, surface: pygame.Surface, state: State, strip: Strip, ui: float) -> None:
        size = strip.size
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

    def draw_tip(self, surface: pygame.Surface, state: State, strip: Strip, ui: float) -> None:
        """The full name and dates of the bar under the pointer, in the strip's own title
        line (where it covers nothing else: the title comes back when the pointer leaves)."""
        if state.overlay_open:
            return
        bar = hovered(state, strip)
        if bar is None:
            return
        pad = round(10 * ui)
        lh = self.text.line_height(strip.size)
        line = pygame.Rect(strip.rect.x + pad // 2, strip.title_y, strip.rect.w - pad, lh)
        pygame.draw.rect(surface, theme.TOAST, line, border_radius=max(2, lh // 3))
        text = ellipsize(tip_text(bar), line.w - pad, strip.size, self.text, True)
        self.text.draw(surface, text, strip.size, theme.ON_DARK, (line.x + pad // 2, line.y),
                       bold=True)  # fmt: skip

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
                self._label(surface, bar, rect, size, theme.INK_SOFT, False, ui)
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
            ink = theme.ON_DARK if luminance(fill) < 140 and not bar.spill else theme.INK
            # Bold only inside its bar: a name running on drawn again bold on top of the
            # plain one would show both.
            dark = luminance(fill) < 150
            self._label(surface, bar, rect, size, ink, is_current and not bar.spill, ui, dark)

    def _label(
        self, surface: pygame.Surface, bar: StripBar, rect: pygame.Rect, size: int, ink: RGB,
        bold: bool, ui: float, tag: bool = False,
    ) -> None:  # fmt: skip
        """The bar's name: centred in it, just after it, or across it on a tag."""
        if bar.spill == "after":
            self.text.draw(surface, bar.label, size, ink,
                           (rect.right + round(3 * ui), rect.centery), anchor="midleft",
                           bold=bold)  # fmt: skip
        elif bar.spill == "over":
            x = rect.x + round(3 * ui)
            if tag:  # dark ink across a dark bar: on a light tag
                w = self.text.width(bar.label, size) + 4
                box = pygame.Rect(x - 2, rect.y + 1, w, rect.h - 2)
                pygame.draw.rect(surface, theme.PAPER, box, border_radius=max(2, box.h // 3))
            self.text.draw(surface, bar.label, size, ink, (x, rect.centery), anchor="midleft",
                           bold=bold)  # fmt: skip
        else:
            self.text.draw(surface, bar.label, size, ink, rect.center, anchor="center",
                           bold=bold)  # fmt: skip
