"""The shelf: the opened shells, outermost first; a group stands for hidden ones."""

from __future__ import annotations

from matryoshka import theme
from matryoshka.format.model import Doll
from matryoshka.geometry import ASPECT, Rect
from matryoshka.pgcompat import pygame
from matryoshka.records import Record
from matryoshka.stage.choreography import Placement, shelf_placement
from matryoshka.stage.draw import draw_doll
from matryoshka.stage.furniture import Shadows, draw_plank
from matryoshka.window.components.common import Chrome
from matryoshka.window.measure import Fonts, Metrics, ellipsize, short_name, wrap
from matryoshka.window.state import ShelfDoll, ShelfGroup, State, Target


class ShelfSlot(Record):
    """A place on the shelf: a shell (``depth``), or the group of hidden shells."""

    depth: int | None
    rect: Rect
    doll: Placement
    #: One or two lines, separated by a newline.
    label: str
    label_rect: Rect
    hidden: int = 0


class Shelf(Record):
    """The shelf's band, its slots, and where the first shell stands on an empty shelf."""

    rect: Rect
    slots: tuple[ShelfSlot, ...]
    #: Every shelf doll has this one's height.
    first_slot: Placement


def layout_shelf(state: State, metrics: Metrics, fonts: Fonts, col: Rect, ui: float) -> Shelf:
    """The shelf along the bottom of the column ``col``."""
    # Two lines for names: organisations have long ones ("Russian Socialist Movement").
    label_h = 2 * metrics.line_height(fonts.label)
    # Presenting, the shelf gives the doll in front more of the height.
    share = 0.14 if state.presentation else 0.2
    shelf_h = min(max(round(col.h * share), round(86 * ui)), round(170 * ui)) + label_h
    shelf_h = min(shelf_h, max(1, col.h // 2))
    shelf = Rect(col.x, col.bottom - shelf_h, col.w, shelf_h)
    # Slots wide enough for each name in two lines (at large text, or for a long name of
    # an organisation, the dolls are narrower than their names), while three still fit.
    least = min(_label_width(state.sequence.dolls, fonts.label, metrics) + round(10 * ui),
                shelf.w // 3)  # fmt: skip
    slots = _slots(state, metrics, fonts, shelf, label_h, ui, least)
    pad_top, doll_h, pitch = _metrics(shelf, label_h, ui, least)
    first = shelf_placement(Rect(shelf.x, shelf.y + pad_top, pitch, doll_h), ASPECT)
    return Shelf(shelf, slots, first)


#: The entries keep the dolls and the metrics, so their ids stay theirs.
_widest: dict[tuple[int, int, int], tuple[tuple[Doll, ...], Metrics, int]] = {}


def _label_width(dolls: tuple[Doll, ...], size: int, metrics: Metrics) -> int:
    """How wide a slot must be for every shelf name to fit in two lines (remembered per
    set and size)."""
    key = (id(dolls), size, id(metrics))
    hit = _widest.get(key)
    if hit is not None and hit[0] is dolls and hit[1] is metrics:
        return hit[2]
    names = {short_name(doll) for doll in dolls} | {"+0000 more"}
    # The longest few by characters stand for all: measuring thousands would slow a layout.
    longest = sorted(names, key=len, reverse=True)[:40]
    widest = max(_two_lines(name, size, metrics) for name in longest)
    if len(_widest) > 16:
        _widest.clear()
    _widest[key] = (dolls, metrics, widest)
    return widest


def _two_lines(name: str, size: int, metrics: Metrics) -> int:
    """The narrowest width (roughly) at which ``name`` wraps to at most two lines."""
    width = max(max(metrics.width(w, size) for w in name.split() or [name]),
                (metrics.width(name, size) + 1) // 2)  # fmt: skip
    while len(wrap(name, width, size, metrics)) > 2:
        width += max(4, size // 2)
    return width


def _slots(
    state: State,
    metrics: Metrics,
    fonts: Fonts,
    shelf: Rect,
    label_h: int,
    ui: float,
    least: int = 0,
) -> tuple[ShelfSlot, ...]:
    """Slots for the opened shells, left to right, outermost first.

    When the shelf is too short for all of them, the outermost shell keeps the first slot,
    a group standing for the hidden middle ones takes the second (clicking it lists them
    all), and the most recent shells fill the rest: every level is two clicks away.
    """
    n = state.shells
    if n == 0:
        return ()
    pad_top, doll_h, pitch = _metrics(shelf, label_h, ui, least)
    capacity = max(1, shelf.w // pitch)
    show: list[int | None]
    if n <= capacity:
        show = list(range(n))
    elif capacity >= 3:
        tail = capacity - 2
        show = [0, None, *range(n - tail, n)]
    else:
        show = [None, n - 1][-capacity:]
    hidden = n - sum(1 for d in show if d is not None)
    slots: list[ShelfSlot] = []
    for i, depth in enumerate(show):
        rect = Rect(shelf.x + i * pitch, shelf.y, pitch, shelf.h)
        doll = shelf_placement(Rect(rect.x, rect.y + pad_top, rect.w, doll_h), ASPECT)
        label = f"+{hidden} more" if depth is None else short_name(state.sequence.dolls[depth])
        room = pitch - round(6 * ui)
        lines = wrap(label, room, fonts.label, metrics)
        if len(lines) > 2:
            lines = [lines[0], ellipsize(" ".join(lines[1:]), room, fonts.label, metrics)]
        label = "\n".join(lines)
        label_rect = Rect(rect.x, rect.bottom - label_h, rect.w, label_h)
        slots.append(
            ShelfSlot(depth, rect, doll, label, label_rect, hidden if depth is None else 0)
        )
    return tuple(slots)


def _metrics(shelf: Rect, label_h: int, ui: float, least: int = 0) -> tuple[int, int, int]:
    """Space above a shelf doll, its height, and the distance between slots (``least``
    at least)."""
    pad_top = round(6 * ui)
    doll_h = max(8, shelf.h - label_h - pad_top - round(6 * ui))
    pitch = max(round(doll_h * ASPECT) + round(14 * ui), round(108 * ui), least)
    return pad_top, doll_h, min(pitch, max(1, shelf.w))


def slot_for(shelf: Shelf, depth: int) -> Placement:
    """Where the shell of the doll at ``depth`` stands (or would stand) on the shelf."""
    for slot in shelf.slots:
        if slot.depth == depth:
            return slot.doll
    # Hidden in the group: shells go to (and come from) the group's place.
    for slot in shelf.slots:
        if slot.depth is None:
            return slot.doll
    if shelf.slots:
        return shelf.slots[-1].doll
    return shelf.first_slot


def targets(shelf: Shelf) -> list[tuple[Rect, Target]]:
    """The shelf's clickable slots, topmost first (later shells stand in front)."""
    return [
        (slot.rect, ShelfGroup() if slot.depth is None else ShelfDoll(slot.depth))
        for slot in reversed(shelf.slots)
    ]


def hidden_stack(
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


class ShelfView:
    """Draws the plank, the shells standing on it and their names."""

    def __init__(self, chrome: Chrome, shadows: Shadows) -> None:
        self.chrome = chrome
        self.text = chrome.text
        self.shadows = shadows

    def draw(
        self, surface: pygame.Surface, state: State, shelf: Shelf, fonts: Fonts, ui: float
    ) -> None:
        rect = shelf.rect
        lh = self.text.line_height(fonts.label)
        plank_h = max(4, round(7 * ui))
        floor = round(shelf.first_slot.bottom) - 1  # every shelf doll stands on this line
        draw_plank(surface, pygame.Rect(rect.x, floor, rect.w, plank_h))
        if not shelf.slots:
            self.text.draw(surface, "Opened dolls stand here", fonts.label,
                           theme.INK_SOFT, (rect.x + round(6 * ui), floor + plank_h),
                           )  # fmt: skip
            return
        dolls = state.sequence.dolls
        moving = state.motion.doll if state.motion is not None else None
        for slot in shelf.slots:
            hover = state.hover == (ShelfDoll(slot.depth) if slot.depth is not None else None)
            if slot.depth is None:
                hover = state.hover == ShelfGroup()
            place = slot.doll
            if hover:
                self.chrome.draw_glow(surface, place)
                place = Placement(place.cx, place.top - 3 * ui, place.height)
            if slot.depth is None:
                for doll, small in hidden_stack(dolls, place, floor):
                    draw_doll(surface, doll, small)
            elif slot.depth != moving:
                self.shadows.draw(surface, place.cx, floor, place.height * ASPECT)
                draw_doll(surface, dolls[slot.depth], place)
            ink = theme.INK if hover else theme.INK_SOFT
            for i, line in enumerate(slot.label.split("\n")):
                self.text.draw(surface, line, fonts.label, ink,
                               (slot.label_rect.centerx, floor + plank_h + i * lh),
                               anchor="midtop", bold=hover)  # fmt: skip
