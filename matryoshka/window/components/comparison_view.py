"""The comparison: the set on screen and another side by side on one time axis (C).

The picture itself is ``stage.comparison_picture`` (the same one ``matryoshka export
--compare`` writes); this component puts it under a header with the buttons that pick
the other set and lead back to the dolls, and makes every doll in it clickable: a click
opens that doll in its own set (a ghost's doll, in the set that has it).
"""

from __future__ import annotations

from matryoshka import theme
from matryoshka.geometry import Rect
from matryoshka.history.comparison import Comparison
from matryoshka.pgcompat import pygame
from matryoshka.records import Record
from matryoshka.stage import comparison_picture as cp
from matryoshka.window.components.common import Chrome, pg
from matryoshka.window.measure import Fonts, Metrics, ellipsize
from matryoshka.window.state import CompareClose, ComparedDoll, CompareStep, State, Target

HINT = "‹ › another set  ·  click a doll to open it in its set  ·  E saves this picture"


class ComparisonArea(Record):
    """The comparison's room: its header, buttons and picture."""

    rect: Rect
    prev: Rect
    next: Rect
    close: Rect
    close_label: str
    hint: tuple[str, int, int] | None
    picture: cp.Picture


def sizes_for(fonts: Fonts) -> cp.Sizes:
    """The picture's text sizes in the window: a set title, names, years and legend."""
    return cp.Sizes(round(fonts.heading * 0.95), fonts.label + 1, fonts.label)


def layout_comparison(
    comparison: Comparison, area: Rect, fonts: Fonts, metrics: Metrics, ui: float
) -> ComparisonArea:
    """The header along the top of ``area`` and the picture below it."""
    pad = round(10 * ui)
    bh = metrics.line_height(fonts.button) + round(10 * ui)
    y = area.y + pad // 2
    arrow_w = bh + round(6 * ui)
    prev = Rect(area.x + pad, y, arrow_w, bh)
    nxt = Rect(prev.right + round(6 * ui), y, arrow_w, bh)
    close_label = "Back to the dolls (Esc)"
    cw = metrics.width(close_label, fonts.button, True) + 2 * pad
    close = Rect(area.right - pad - cw, y, cw, bh)
    hint = None
    room = close.x - nxt.right - 2 * pad
    text = ellipsize(HINT, room, fonts.small, metrics)
    if text and not text.endswith("…"):
        hint = (text, nxt.right + pad, y + (bh - metrics.line_height(fonts.small)) // 2)
    picture_top = y + bh + pad // 2
    picture_rect = Rect(area.x, picture_top, area.w, area.bottom - pad // 2 - picture_top)
    picture = cp.lay_out(comparison, picture_rect, metrics, sizes_for(fonts))
    return ComparisonArea(area, prev, nxt, close, close_label, hint, picture)


def targets(area: ComparisonArea, state: State) -> list[tuple[Rect, Target]]:
    """The buttons, then every doll of the picture (a ghost leads to the set that has it)."""
    out: list[tuple[Rect, Target]] = [
        (area.prev, CompareStep(-1)),
        (area.next, CompareStep(1)),
        (area.close, CompareClose()),
    ]
    if state.compare is None:
        return out
    rows = (state.index, state.compare)
    # A ghost's doll is found by id in the other set (its depth there, not here).
    depths = [{d.id: k for k, d in enumerate(state.sequences[i].dolls)} for i in rows]
    for item in area.picture.items:
        side = 1 - item.row if item.ghost else item.row
        depth = item.depth if item.depth is not None else depths[side][item.doll.id]
        out.append((item.hit, ComparedDoll(rows[side], depth)))
    return out


class ComparisonView:
    """Draws the comparison: its header, the picture (drawn once, kept) and the hover."""

    def __init__(self, chrome: Chrome) -> None:
        self.chrome = chrome
        self.text = chrome.text
        self._kept: tuple[ComparisonArea, pygame.Surface] | None = None

    def draw(
        self, surface: pygame.Surface, state: State, area: ComparisonArea, fonts: Fonts
    ) -> None:
        r = pg(area.rect)
        surface.blit(self._picture(surface, area), r, r)
        for rect, glyph, target in ((area.prev, "‹", CompareStep(-1)),
                                    (area.next, "›", CompareStep(1))):  # fmt: skip
            self.chrome.button(surface, rect, glyph, round(fonts.button * 1.3),
                               hover=state.hover == target)  # fmt: skip
        self.chrome.button(surface, area.close, area.close_label, fonts.button,
                           hover=state.hover == CompareClose())  # fmt: skip
        if area.hint is not None:
            hint, x, y = area.hint
            self.text.draw(surface, hint, fonts.small, theme.INK_SOFT, (x, y))
        hover = state.hover
        if isinstance(hover, ComparedDoll):
            self._outline_hovered(surface, state, area, hover)

    def _picture(self, target: pygame.Surface, area: ComparisonArea) -> pygame.Surface:
        """The picture drawn once into a surface of the window's size (kept until the
        comparison or the window changes); only its area is blitted."""
        kept = self._kept
        if kept is not None and kept[0] is area and kept[1].get_size() == target.get_size():
            return kept[1]
        back = pygame.Surface(target.get_size(), 0, target)
        back.fill(theme.BACKGROUND, pg(area.rect))
        cp.draw(back, area.picture, self.text)
        self._kept = (area, back)
        return back

    def _outline_hovered(
        self, surface: pygame.Surface, state: State, area: ComparisonArea, hover: ComparedDoll
    ) -> None:
        rows = (state.index, state.compare)
        for item in area.picture.items:
            index = rows[1 - item.row] if item.ghost else rows[item.row]
            if index == hover.index and item.doll.id == _doll_id(state, hover):
                radius = max(4, round(item.hit.w / 8))
                pygame.draw.rect(surface, theme.HIGHLIGHT, pg(item.hit), width=3,
                                 border_radius=radius)  # fmt: skip


def _doll_id(state: State, target: ComparedDoll) -> str | None:
    dolls = state.sequences[target.index].dolls
    return dolls[target.depth].id if 0 <= target.depth < len(dolls) else None
