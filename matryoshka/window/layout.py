"""Where everything goes in the window: pure geometry, no pygame.

``compute_layout(size, state, metrics)`` places the tabs, the stage with the current doll,
the shelf of opened shells, the info panel, the buttons and any overlay, for one window
size and one state. ``hit_test(layout, pos)`` says what the pointer is over. Text widths
come from ``metrics`` (the window passes the real fonts; tests pass a stand-in), so this
module never touches a font or a surface.

Screen regions (normal mode)::

    +---------------------------------------------+------------+
    | tabs ................................ ‹ ›  | Export  ?  |
    +---------------------------------------------+------------+
    |                                             |            |
    |             stage: the current doll          | info panel |
    |                                             |            |
    | shelf: opened shells, outermost first       | About...   |
    +---------------------------------------------+------------+
    | timeline strip (when there is one)                       |
    +----------------------------------------------------------+
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol

from matryoshka.format.model import Doll, Sequence
from matryoshka.geometry import ASPECT, Rect
from matryoshka.history.timeline import Timeline, year_label
from matryoshka.records import Record
from matryoshka.stage.choreography import Placement, rest_placement, shelf_placement
from matryoshka.window.keymap import HELP_KEYS
from matryoshka.window.state import (
    Button,
    CurrentDoll,
    Overlay,
    PickerItem,
    PickerPage,
    ShelfDoll,
    ShelfGroup,
    State,
    Tab,
    TabScroll,
    Target,
    TimelineBar,
)

#: The window's usual size, and the smallest it is laid out for.
DEFAULT_SIZE = (1280, 800)
MIN_SIZE = (800, 600)

ELLIPSIS = "…"
#: The timeline strip shows at most this many lanes of overlapping terms (more share the
#: last one), so its height stays predictable.
MAX_STRIP_LANES = 3
#: The list of hidden shells shrinks its text to fit them all, but not below this.
PICKER_MIN_TEXT = 10
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


class TabBox(Record):
    """One sequence's tab and its (possibly shortened) title."""

    index: int
    rect: Rect
    label: str


class ShelfSlot(Record):
    """A place on the shelf: a shell (``depth``), or the group of hidden shells."""

    depth: int | None
    rect: Rect
    doll: Placement
    #: One or two lines, separated by a newline.
    label: str
    label_rect: Rect
    hidden: int = 0


class PickerEntry(Record):
    """One hidden shell in the list opened from the shelf's group."""

    depth: int
    rect: Rect
    label: str


class Picker(Record):
    """The list of every opened shell, shown a page at a time."""

    panel: Rect
    title: Rect
    entries: tuple[PickerEntry, ...]
    page: int
    pages: int
    prev: Rect | None
    next: Rect | None
    #: Text size of the names (smaller when there are many).
    size: int


class HelpBox(Record):
    """The help overlay: a panel with one row per key."""

    panel: Rect
    size: int
    key_x: int
    text_x: int
    top: int
    row: int


class StripBar(Record):
    """One bar of the timeline strip: a doll (``depth``) or a ghost (``depth`` None)."""

    rect: Rect
    depth: int | None
    label: str
    doll: Doll
    ghost: bool = False
    not_in_reference: bool = False
    open_end: bool = False


class Strip(Record):
    """The timeline strip along the bottom: bars over an axis of years."""

    rect: Rect
    title: str
    title_y: int
    bars: tuple[StripBar, ...]
    axis_y: int
    ticks: tuple[tuple[int, str], ...]
    undated: str


class ErrorBox(Record):
    """Problems in edited sequence files, over the top of the stage (not modal)."""

    panel: Rect
    pad: int
    title: str
    lines: tuple[str, ...]
    size: int


class AboutBox(Record):
    """The sequence's description: a panel sized to its wrapped paragraphs.

    Each paragraph is (lines, size, bold, role, gap after); role is ``title``, ``text``
    or ``note`` (drawn softer).
    """

    panel: Rect
    pad: int
    paragraphs: tuple[tuple[tuple[str, ...], int, bool, str, int], ...]


class Layout(Record):
    """Where everything is for one window size and state."""

    size: tuple[int, int]
    ui: float
    margin: int
    fonts: Fonts
    tabs_bar: Rect | None
    tabs: tuple[TabBox, ...]
    tab_prev: Rect | None
    tab_next: Rect | None
    buttons: tuple[tuple[str, Rect, str], ...]
    stage: Rect
    rest: Placement
    doll_rect: Rect
    shelf: Rect
    slots: tuple[ShelfSlot, ...]
    #: Where the first shell stands on an empty shelf (every shelf doll has its height).
    first_slot: Placement
    info: Rect | None
    title_rect: Rect | None
    timeline: Strip | None
    toast: Rect
    errors: ErrorBox | None
    help: HelpBox | None
    about: AboutBox | None
    picker: Picker | None
    targets: tuple[tuple[Rect, Target], ...]

    def slot_for(self, depth: int) -> Placement:
        """Where the shell of the doll at ``depth`` stands (or would stand) on the shelf."""
        for slot in self.slots:
            if slot.depth == depth:
                return slot.doll
        # Hidden in the group: shells go to (and come from) the group's place.
        for slot in self.slots:
            if slot.depth is None:
                return slot.doll
        if self.slots:
            return self.slots[-1].doll
        return self.first_slot

    def button(self, name: str) -> Rect | None:
        """The rectangle of the named button, if shown."""
        for n, rect, _label in self.buttons:
            if n == name:
                return rect
        return None


def ui_scale(size: tuple[int, int]) -> float:
    """How much larger than at 1280x800 the furniture is drawn for this window size."""
    w, h = size
    return min(max(min(w / DEFAULT_SIZE[0], h / DEFAULT_SIZE[1]), 0.72), 1.35)


def fonts_for(ui: float, text_factor: float) -> Fonts:
    """Text sizes for a furniture scale and the user's text scale."""

    def px(base: float) -> int:
        return max(9, round(base * ui * text_factor))

    return Fonts(
        tab=px(17),
        button=px(17),
        name=px(32),
        native=px(21),
        body=px(19),
        small=px(16),
        label=px(14),
        heading=px(24),
        help=px(18),
    )


def ellipsize(text: str, max_width: int, size: int, metrics: Metrics, bold: bool = False) -> str:
    """``text`` shortened with an ellipsis so it fits ``max_width`` (may become '…')."""
    if metrics.width(text, size, bold) <= max_width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if metrics.width(text[:mid].rstrip() + ELLIPSIS, size, bold) <= max_width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS


def wrap(text: str, max_width: int, size: int, metrics: Metrics, bold: bool = False) -> list[str]:
    """``text`` broken into lines no wider than ``max_width`` (long words are shortened)."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if metrics.width(candidate, size, bold) <= max_width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = word
            if metrics.width(line, size, bold) > max_width:
                line = ellipsize(line, max_width, size, metrics, bold)
        lines.append(line)
    return lines


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


def compute_layout(
    size: tuple[int, int],
    state: State,
    metrics: Metrics,
    *,
    timeline: Timeline | None = None,
) -> Layout:
    """Place everything for a window of ``size`` showing ``state``.

    Args:
        size: the window's width and height in pixels (any size; tiny ones still work).
        state: what is shown: sequence, depth, overlays, text scale, presentation mode.
        metrics: text measurement for the program's fonts.
        timeline: the sequence's timeline (``matryoshka.history.timeline``): shown as a strip
            along the bottom when it has bars (not in presentation mode).
    """
    w, h = max(1, size[0]), max(1, size[1])
    ui = ui_scale((w, h))
    fonts = fonts_for(ui, state.text_factor)
    m = max(6, round(14 * ui))
    targets: list[tuple[Rect, Target]] = []

    presenting = state.presentation
    # --- top bar: tabs and buttons
    tabs: tuple[TabBox, ...] = ()
    tab_prev = tab_next = None
    buttons: list[tuple[str, Rect, str]] = []
    if presenting:
        tabs_bar = None
        top = m
    else:
        bar_h = metrics.line_height(fonts.tab) + round(14 * ui)
        tabs_bar = Rect(0, 0, w, bar_h + m)
        pad = round(14 * ui)
        bx = w - m
        for name, label in (("help", "?  Help"), ("export", "Export")):
            bw = metrics.width(label, fonts.button, True) + 2 * pad
            rect = Rect(bx - bw, m // 2, bw, bar_h)
            buttons.append((name, rect, label))
            bx = rect.x - round(8 * ui)
        buttons.reverse()
        tabs, tab_prev, tab_next = _tabs(state, metrics, fonts, Rect(m, m // 2, bx - m - m, bar_h))
        top = tabs_bar.bottom + m // 2

    # --- bottom: timeline strip, then toast area
    bottom = h - m
    strip = None
    if timeline is not None and not timeline.is_empty and not presenting and h >= 400:
        lh = metrics.line_height(fonts.label)
        lanes = min(max(timeline.lanes, 2), MAX_STRIP_LANES)
        lane_h = max(lh + round(4 * ui), round(20 * ui))
        th = lh + lanes * lane_h + lh + round(14 * ui)
        strip_rect = Rect(m, bottom - th, w - 2 * m, th)
        strip = _strip_for(state, timeline, strip_rect, fonts, metrics, ui)
        bottom = strip.rect.y - m // 2

    # --- right: info panel
    if presenting:
        info = None
        left_right = w - m
    else:
        iw = min(max(round(w * 0.3), 250), round(560 * ui))
        iw = min(iw, max(120, w - 2 * m - 200))
        info = Rect(w - m - iw, top, iw, max(1, bottom - top))
        left_right = info.x - m

    # --- presentation: the name above the doll
    title_rect = None
    if presenting:
        th = metrics.line_height(fonts.name) + metrics.line_height(fonts.small)
        title_rect = Rect(m, top, w - 2 * m, th)
        top = title_rect.bottom + m // 2

    # --- shelf along the bottom of the left column
    col = Rect(m, top, max(1, left_right - m), max(1, bottom - top))
    # Two lines for names: organisations have long ones ("Russian Socialist Movement").
    label_h = 2 * metrics.line_height(fonts.label)
    shelf_h = min(max(round(col.h * 0.2), round(86 * ui)), round(170 * ui)) + label_h
    shelf_h = min(shelf_h, max(1, col.h // 2))
    shelf = Rect(col.x, col.bottom - shelf_h, col.w, shelf_h)
    slots = _shelf_slots(state, metrics, fonts, shelf, label_h, ui)
    pad_top, shelf_doll_h, pitch = _shelf_metrics(shelf, label_h, ui)
    first_slot = shelf_placement(Rect(shelf.x, shelf.y + pad_top, pitch, shelf_doll_h), ASPECT)
    stage = Rect(col.x, col.y, col.w, max(1, shelf.y - col.y - m // 2))
    rest = rest_placement(stage, ASPECT)
    dw = rest.height * ASPECT
    doll_rect = Rect(round(rest.cx - dw / 2), round(rest.top), round(dw), round(rest.height))

    toast_h = metrics.line_height(fonts.body) + round(16 * ui)
    # At the top of the stage, in the headroom above the doll's head: never over its face.
    toast = Rect(stage.x, stage.y + m // 2, stage.w, toast_h)

    errors = _error_box(state, stage, fonts, metrics, ui) if state.errors else None

    # --- overlays
    help_box = about = picker = None
    if state.help_open:
        help_box = _help_box(w, h, m, fonts, metrics)
    elif state.about_open:
        about = _about_box(state, w, h, m, fonts, metrics, ui)
    elif state.picker_open:
        picker = _picker(state, w, h, m, fonts, metrics, ui)

    # --- hit targets, topmost first
    if picker is not None:
        for entry in picker.entries:
            targets.append((entry.rect, PickerItem(entry.depth)))
        if picker.prev is not None:
            targets.append((picker.prev, PickerPage(-1)))
        if picker.next is not None:
            targets.append((picker.next, PickerPage(1)))
    if state.overlay_open:
        targets.append((Rect(0, 0, w, h), Overlay()))
    else:
        for name, rect, _label in buttons:
            targets.append((rect, Button(name)))  # type: ignore[arg-type]
        if tab_prev is not None:
            targets.append((tab_prev, TabScroll(-1)))
        if tab_next is not None:
            targets.append((tab_next, TabScroll(1)))
        for tab in tabs:
            targets.append((tab.rect, Tab(tab.index)))
        if info is not None:
            targets.append((_about_button(info, fonts, ui), Button("about")))
        for slot in reversed(slots):  # later shells stand in front
            target: Target = ShelfGroup() if slot.depth is None else ShelfDoll(slot.depth)
            targets.append((slot.rect, target))
        targets.append((doll_rect, CurrentDoll()))
        if strip is not None:
            for bar in strip.bars:
                if bar.depth is not None:
                    targets.append((bar.rect, TimelineBar(bar.depth)))

    return Layout(
        size=(w, h),
        ui=ui,
        margin=m,
        fonts=fonts,
        tabs_bar=tabs_bar,
        tabs=tabs,
        tab_prev=tab_prev,
        tab_next=tab_next,
        buttons=tuple(buttons),
        stage=stage,
        rest=rest,
        doll_rect=doll_rect,
        shelf=shelf,
        slots=slots,
        first_slot=first_slot,
        info=info,
        title_rect=title_rect,
        timeline=strip,
        toast=toast,
        errors=errors,
        help=help_box,
        about=about,
        picker=picker,
        targets=tuple(targets),
    )


def about_button_rect(layout: Layout) -> Rect | None:
    """The "About this sequence" button at the foot of the info panel."""
    if layout.info is None:
        return None
    return _about_button(layout.info, layout.fonts, layout.ui)


def _about_button(info: Rect, fonts: Fonts, ui: float) -> Rect:
    bh = round(fonts.button * 1.9)
    pad = round(12 * ui)
    return Rect(info.x + pad, info.bottom - bh - pad, max(1, info.w - 2 * pad), bh)


def hit_test(layout: Layout, pos: tuple[int, int]) -> Target | None:
    """What the pointer at ``pos`` is over: the topmost clickable thing, or None."""
    for rect, target in layout.targets:
        if rect.contains(pos):
            return target
    return None


# --- pieces -----------------------------------------------------------------------------


def _tabs(
    state: State, metrics: Metrics, fonts: Fonts, bar: Rect
) -> tuple[tuple[TabBox, ...], Rect | None, Rect | None]:
    """A row of tabs; when they do not all fit, a window of them with arrows either side."""
    pad = round(fonts.tab * 0.9)
    gap = max(2, fonts.tab // 5)
    max_tab = max(60, bar.w // 3)
    titles = [s.title for s in state.sequences]
    widths = [min(metrics.width(t, fonts.tab, True) + 2 * pad, max_tab) for t in titles]
    n = len(titles)

    def place(first: int, x0: int, x1: int) -> list[TabBox]:
        out: list[TabBox] = []
        x = x0
        for i in range(first, n):
            tw = widths[i]
            if x + tw > x1:
                if not out and x1 - x > 2 * pad:  # one tab wider than the room: shorten it
                    tw = x1 - x
                else:
                    break
            label = ellipsize(titles[i], tw - 2 * pad, fonts.tab, metrics, True)
            out.append(TabBox(i, Rect(x, bar.y, tw, bar.h), label))
            x += tw + gap
        return out

    if sum(widths) + gap * (n - 1) <= bar.w:
        return tuple(place(0, bar.x, bar.right)), None, None
    arrow_w = bar.h
    x0, x1 = bar.x + arrow_w + gap, bar.right - arrow_w - gap
    first = min(max(state.tab_scroll, 0), n - 1)
    # Keep the current sequence's tab in view: scroll just far enough.
    if state.index < first:
        first = state.index
    shown = place(first, x0, x1)
    while shown and state.index > shown[-1].index and first < state.index:
        first += 1
        shown = place(first, x0, x1)
    prev = Rect(bar.x, bar.y, arrow_w, bar.h) if first > 0 else None
    more = bool(shown) and shown[-1].index < n - 1
    nxt = Rect(bar.right - arrow_w, bar.y, arrow_w, bar.h) if more else None
    return tuple(shown), prev, nxt


def _shelf_slots(
    state: State, metrics: Metrics, fonts: Fonts, shelf: Rect, label_h: int, ui: float
) -> tuple[ShelfSlot, ...]:
    """Slots for the opened shells, left to right, outermost first.

    When the shelf is too short for all of them, the outermost shell keeps the first slot,
    a group standing for the hidden middle ones takes the second (clicking it lists them
    all), and the most recent shells fill the rest: every level is two clicks away.
    """
    n = state.shells
    if n == 0:
        return ()
    pad_top, doll_h, pitch = _shelf_metrics(shelf, label_h, ui)
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
        box = Rect(rect.x, rect.y + pad_top, rect.w, doll_h)
        doll = shelf_placement(box, ASPECT)
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


def _shelf_metrics(shelf: Rect, label_h: int, ui: float) -> tuple[int, int, int]:
    """Space above a shelf doll, its height, and the distance between slots."""
    pad_top = round(6 * ui)
    doll_h = max(8, shelf.h - label_h - pad_top - round(6 * ui))
    pitch = max(round(doll_h * ASPECT) + round(14 * ui), round(108 * ui))
    return pad_top, doll_h, min(pitch, max(1, shelf.w))


#: Recent strips, so moving from doll to doll does not lay out hundreds of bars again.
_strips: dict[tuple[object, ...], tuple[Timeline, Sequence | None, Strip]] = {}


def _strip_for(
    state: State, tl: Timeline, rect: Rect, fonts: Fonts, metrics: Metrics, ui: float
) -> Strip:
    """``_strip``, remembered: it depends on the timeline and the room, not on the depth."""
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
    lanes = min(max(tl.lanes, 2), MAX_STRIP_LANES)
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
    title = ellipsize(title, max(1, room), size, metrics, True)
    return Strip(rect, title, title_y, tuple(bars), axis_y, tuple(ticks), undated)


def _error_box(state: State, stage: Rect, fonts: Fonts, metrics: Metrics, ui: float) -> ErrorBox:
    """The located errors, one per line (shortened to fit), as many as the stage holds."""
    size = fonts.small
    pad = round(12 * ui)
    lh = metrics.line_height(size)
    width = max(1, stage.w - 2 * pad)
    title = "A sequence file has errors; showing its last good version. Fix and save it:"
    title = ellipsize(title, width, size, metrics, True)
    room = max(1, (stage.h * 2 // 3 - 2 * pad - lh) // lh)
    lines: list[str] = []
    for line in state.errors:
        # The file's folder is long and the same for every line: keep its name only.
        where, sep, rest = line.partition(": ")
        file_part, colon, position = where.partition(".y")
        short = f"{Path(file_part).name}{colon}{position}{sep}{rest}" if colon else line
        lines.extend(wrap(short, width, size, metrics)[:3])
    if len(lines) > room:
        more = len(lines) - room + 1
        lines = [*lines[: room - 1], f"... and {more} more lines"]
    height = 2 * pad + lh * (1 + len(lines))
    return ErrorBox(Rect(stage.x, stage.y, stage.w, height), pad, title, tuple(lines), size)


def _about_box(
    state: State, w: int, h: int, m: int, fonts: Fonts, metrics: Metrics, ui: float
) -> AboutBox:
    """The description panel: as wide as reads well, as tall as its text (up to the window)."""
    seq = state.sequence
    pad = round(24 * ui)
    aw = min(w - 2 * m, round(720 * ui))
    width = max(1, aw - 2 * pad)
    n = len(seq.dolls)
    count = (
        f"{n} doll{'s' if n != 1 else ''}, outermost first: "
        f"{seq.dolls[0].name} to {seq.dolls[-1].name}"
    )
    raw = [
        (seq.title, fonts.heading, True, "title"),
        (count, fonts.small, False, "note"),
        (seq.description or "This sequence has no description.", fonts.body, False, "text"),
    ]
    if seq.source:
        raw.append((f"Source: {seq.source}", fonts.small, False, "note"))
    paragraphs = []
    height = 2 * pad + metrics.line_height(fonts.small) + pad // 2
    for text, size, bold, role in raw:
        lines = tuple(wrap(text, width, size, metrics, bold))
        gap = metrics.line_height(size) // 2
        paragraphs.append((lines, size, bold, role, gap))
        height += len(lines) * metrics.line_height(size) + gap
    ah = min(h - 2 * m, height)
    return AboutBox(Rect((w - aw) // 2, (h - ah) // 2, aw, max(1, ah)), pad, tuple(paragraphs))


def _help_box(w: int, h: int, m: int, fonts: Fonts, metrics: Metrics) -> HelpBox:
    """A centred panel listing every key, its text shrunk until it fits the window."""
    size = fonts.help
    while True:
        row = metrics.line_height(size) + max(2, size // 4)
        key_w = max(metrics.width(k, size, True) for k, _ in HELP_KEYS)
        text_w = max(metrics.width(t, size) for _, t in HELP_KEYS)
        gap = size * 2
        pad = size * 2
        title_h = metrics.line_height(round(size * 1.35)) + size
        pw = key_w + gap + text_w + 2 * pad
        ph = title_h + row * len(HELP_KEYS) + 2 * pad
        if (pw <= w - 2 * m and ph <= h - 2 * m) or size <= 9:
            break
        size -= 1
    pw, ph = min(pw, w), min(ph, h)
    panel = Rect((w - pw) // 2, (h - ph) // 2, pw, ph)
    return HelpBox(
        panel=panel,
        size=size,
        key_x=panel.x + pad,
        text_x=panel.x + pad + key_w + gap,
        top=panel.y + pad + title_h,
        row=row,
    )


def _picker(
    state: State, w: int, h: int, m: int, fonts: Fonts, metrics: Metrics, ui: float
) -> Picker:
    """Every opened shell as a grid of names, all on one page when at all legible.

    The text shrinks (not below ``PICKER_MIN_TEXT`` px) until every shell fits, so any
    level is two clicks away: the shelf's group, then the name. Beyond that, pages.
    """
    n = state.shells
    dolls = state.sequence.dolls
    pw = min(w - 2 * m, max(round(980 * ui), round(w * 0.9)))
    ph = min(h - 2 * m, max(round(640 * ui), round(h * 0.9)))
    panel = Rect((w - pw) // 2, (h - ph) // 2, pw, ph)
    pad = round(16 * ui)
    title_h = metrics.line_height(fonts.heading) + pad
    title = Rect(panel.x + pad, panel.y + pad, panel.w - 2 * pad, title_h)
    gap = round(6 * ui)
    size = fonts.small
    short = False
    while True:
        row = metrics.line_height(size) + max(2, round(size * 0.25))
        grid = Rect(
            panel.x + pad,
            title.bottom,
            panel.w - 2 * pad,
            max(row, panel.bottom - pad - row - title.bottom),
        )
        widest = max(metrics.width(_picker_text(dolls, d, short), size) for d in range(n))
        col_w = min(widest + 2 * gap + round(12 * ui), max(1, grid.w))
        cols = max(1, grid.w // col_w)
        rows = max(1, grid.h // row)
        per_page = cols * rows
        if per_page >= n:
            break
        if size <= PICKER_MIN_TEXT:
            if short:
                break
            # Still too many: surnames only, from the normal size down again.
            short, size = True, fonts.small
            continue
        size -= 1
    col_w = grid.w // cols
    pages = max(1, -(-n // per_page))
    page = min(state.picker_page, pages - 1)
    entries: list[PickerEntry] = []
    first = page * per_page
    for k, depth in enumerate(range(first, min(n, first + per_page))):
        c, r = divmod(k, rows)
        rect = Rect(grid.x + c * col_w, grid.y + r * row, col_w - gap, row)
        label = ellipsize(_picker_text(dolls, depth, short), rect.w - 2 * gap, size, metrics)
        entries.append(PickerEntry(depth, rect, label))
    arrow_w = max(row * 2, metrics.width("‹ Previous", size) + pad)
    prev = Rect(panel.x + pad, panel.bottom - pad - row, arrow_w, row)
    nxt = Rect(panel.right - pad - arrow_w, prev.y, arrow_w, row)
    return Picker(
        panel=panel,
        title=title,
        entries=tuple(entries),
        page=page,
        pages=pages,
        prev=prev if page > 0 else None,
        next=nxt if page < pages - 1 else None,
        size=size,
    )


def _picker_text(dolls: tuple[Doll, ...], depth: int, short: bool = False) -> str:
    doll = dolls[depth]
    return f"{depth + 1}. {short_name(doll) if short else doll.name}"
