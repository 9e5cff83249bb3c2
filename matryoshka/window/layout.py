"""Where everything goes in the window: pure geometry, no pygame.

``compute_layout(size, state, metrics)`` asks each component (``window.components``) to
place itself, for one window size and one state, and collects what can be clicked;
``hit_test(layout, pos)`` says what the pointer is over. Text widths come from
``metrics`` (the window passes the real fonts; tests pass a stand-in), so this never
touches a font or a surface.

Screen regions (normal mode)::

    +---------------------------------------------+------------+
    | tabs ................................ ‹ ›  | Export  ?  |   components/tabs.py
    +---------------------------------------------+------------+
    |                                             |            |
    |             stage: the current doll          | info panel |   stage.py, info.py
    |                                             |            |
    | shelf: opened shells, outermost first       | About...   |   shelf.py
    +---------------------------------------------+------------+
    | timeline strip (when there is one)                       |   timeline_strip.py
    +----------------------------------------------------------+

Overlays (help, about, the list of hidden shells, a broken file's errors) are in
``components/overlays.py``; the toast in ``components/toasts.py``.
"""

from __future__ import annotations

from matryoshka.geometry import Rect
from matryoshka.history.comparison import Comparison
from matryoshka.history.timeline import Timeline
from matryoshka.records import Record
from matryoshka.stage.choreography import Placement
from matryoshka.window.components import (
    comparison_view,
    export_menu,
    overlays,
    shelf,
    tabs,
    toasts,
)
from matryoshka.window.components import info as info_part
from matryoshka.window.components import timeline_strip as timeline_part
from matryoshka.window.components.comparison_view import ComparisonArea
from matryoshka.window.components.export_menu import ExportMenu
from matryoshka.window.components.overlays import AboutBox, ErrorBox, HelpBox, Picker
from matryoshka.window.components.shelf import Shelf, ShelfSlot
from matryoshka.window.components.stage import StageArea, layout_stage
from matryoshka.window.components.tabs import TabBox, TopBar
from matryoshka.window.components.timeline_strip import Strip
from matryoshka.window.measure import (
    DEFAULT_SIZE,
    ELLIPSIS,
    MIN_SIZE,
    Fonts,
    Metrics,
    ellipsize,
    fonts_for,
    short_name,
    ui_scale,
    wrap,
)
from matryoshka.window.state import (
    Button,
    CurrentDoll,
    ErrorsBox,
    Overlay,
    State,
    Tab,
    TabScroll,
    Target,
    ToastBox,
)

__all__ = [
    "DEFAULT_SIZE",
    "ELLIPSIS",
    "MIN_SIZE",
    "Layout",
    "Metrics",
    "Rect",
    "compute_layout",
    "ellipsize",
    "hit_test",
    "short_name",
    "wrap",
]


class Layout(Record):
    """Where everything is for one window size and state."""

    size: tuple[int, int]
    ui: float
    margin: int
    fonts: Fonts
    top: TopBar | None
    stage_area: StageArea
    shelf_area: Shelf
    info: Rect | None
    title_rect: Rect | None
    timeline: Strip | None
    toast: Rect
    errors: ErrorBox | None
    help: HelpBox | None
    about: AboutBox | None
    picker: Picker | None
    targets: tuple[tuple[Rect, Target], ...]
    #: The comparison (C), over everything below the top bar, when it shows.
    comparison: ComparisonArea | None = None
    menu: ExportMenu | None = None
    #: How many wheel steps the info panel's text scrolls (0: it all fits).
    info_scroll_limit: int = 0

    @property
    def tabs_bar(self) -> Rect | None:
        return self.top.band if self.top is not None else None

    @property
    def tabs(self) -> tuple[TabBox, ...]:
        return self.top.tabs if self.top is not None else ()

    @property
    def tab_prev(self) -> Rect | None:
        return self.top.prev if self.top is not None else None

    @property
    def tab_next(self) -> Rect | None:
        return self.top.next if self.top is not None else None

    @property
    def buttons(self) -> tuple[tuple[str, Rect, str], ...]:
        return self.top.buttons if self.top is not None else ()

    @property
    def stage(self) -> Rect:
        return self.stage_area.rect

    @property
    def rest(self) -> Placement:
        return self.stage_area.rest

    @property
    def doll_rect(self) -> Rect:
        return self.stage_area.doll_rect

    @property
    def shelf(self) -> Rect:
        return self.shelf_area.rect

    @property
    def slots(self) -> tuple[ShelfSlot, ...]:
        return self.shelf_area.slots

    @property
    def first_slot(self) -> Placement:
        return self.shelf_area.first_slot

    def slot_for(self, depth: int) -> Placement:
        """Where the shell of the doll at ``depth`` stands (or would stand) on the shelf."""
        return shelf.slot_for(self.shelf_area, depth)

    def button(self, name: str) -> Rect | None:
        """The rectangle of the named button, if shown."""
        for n, rect, _label in self.buttons:
            if n == name:
                return rect
        return None


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
    presenting = state.presentation

    top_bar = None if presenting else tabs.layout_top_bar(state, metrics, fonts, w, m, ui)
    top = top_bar.band.bottom + m // 2 if top_bar is not None else m

    # The bottom: the timeline strip, then the room above it.
    bottom = h - m
    strip = None
    if timeline is not None and not timeline.is_empty and not presenting and h >= 400:
        strip = timeline_part.layout_bottom(state, timeline, (w, h), m, fonts, metrics, ui)
        bottom = strip.rect.y - m // 2

    info = None if presenting else info_part.layout_info(w, m, top, bottom, ui, state.text_factor)
    left_right = info.x - m if info is not None else w - m

    col = Rect(m, top, max(1, left_right - m), max(1, bottom - top))
    shelf_area = shelf.layout_shelf(state, metrics, fonts, col, ui)
    # Presentation: the name, dates and caption in a column beside the doll.
    title_rect, stage_col = None, col
    if presenting:
        title_rect, stage_col = info_part.layout_presenter(col, shelf_area.rect.y, m)
    stage_area = layout_stage(stage_col, shelf_area.rect.y, m)
    message = state.toast.message if state.toast is not None and state.export is None else None
    toast = toasts.layout_toast(stage_area.rect, metrics, fonts, m, ui, message)
    errors = None
    if state.errors:
        # Beside the doll, over its info; when presenting, over the top of the stage.
        area, share = (info, 1.0) if info is not None else (stage_area.rect, 0.6)
        errors = overlays.layout_errors(state, area, fonts, metrics, ui, share)

    help_box, about, picker, menu = _overlays(state, top_bar, w, h, m, fonts, metrics, ui)

    # Hit targets, topmost first.
    targets: list[tuple[Rect, Target]] = []
    if picker is not None:
        targets += overlays.picker_targets(picker)
    if menu is not None:
        targets += export_menu.targets(menu)
    if state.overlay_open:
        targets.append((Rect(0, 0, w, h), Overlay()))
    else:
        if errors is not None:
            targets.append((errors.panel, ErrorsBox()))
        if state.toast is not None and state.export is None:
            targets.append((toast, ToastBox()))
        if top_bar is not None:
            targets += tabs.targets(top_bar)
        if info is not None:
            targets += info_part.targets(info, fonts, ui)
        targets += shelf.targets(shelf_area)
        targets.append((stage_area.doll_rect, CurrentDoll()))
        if strip is not None:
            targets += timeline_part.targets(strip)

    return Layout(
        size=(w, h),
        ui=ui,
        margin=m,
        fonts=fonts,
        top=top_bar,
        stage_area=stage_area,
        shelf_area=shelf_area,
        info=info,
        title_rect=title_rect,
        timeline=strip,
        toast=toast,
        errors=errors,
        help=help_box,
        about=about,
        picker=picker,
        targets=tuple(targets),
        menu=menu,
        info_scroll_limit=info_part.scroll_limit(state, info, fonts, metrics, ui),
    )


def with_comparison(
    layout: Layout, state: State, comparison: Comparison | None, metrics: Metrics
) -> Layout:
    """``layout`` with the comparison over everything below the top bar, while it shows.

    ``comparison`` is the set on screen beside ``state.compared``
    (``matryoshka.history.comparison``). The dolls are hidden then: only the bar, the
    messages and the comparison answer the pointer (an overlay still covers it all).
    """
    if comparison is None or state.compare is None:
        return layout
    w, h = layout.size
    room_y = layout.top.band.bottom if layout.top is not None else 0
    room = Rect(0, room_y, w, h - room_y)
    area = comparison_view.layout_comparison(comparison, room, layout.fonts, metrics, layout.ui)
    targets = layout.targets
    if not state.overlay_open:
        kept = (Button, Tab, TabScroll, ErrorsBox, ToastBox)
        targets = (
            *[t for t in targets if isinstance(t[1], ToastBox | ErrorsBox)],
            *comparison_view.targets(area, state),
            *[t for t in targets if isinstance(t[1], kept)],
        )
    return layout._replace(comparison=area, targets=tuple(targets))


def _overlays(
    state: State,
    top_bar: TopBar | None,
    w: int,
    h: int,
    m: int,
    fonts: Fonts,
    metrics: Metrics,
    ui: float,
) -> tuple[HelpBox | None, AboutBox | None, Picker | None, ExportMenu | None]:
    """The overlay that is open, placed: help, description, list of shells or Export menu."""
    if state.export_menu_open:
        buttons = top_bar.buttons if top_bar is not None else ()
        anchor = next((rect for name, rect, _ in buttons if name == "export"), None)
        return None, None, None, export_menu.layout_export_menu(anchor, w, h, m, fonts, metrics, ui)
    if state.help_open:
        return overlays.layout_help(w, h, m, fonts, metrics), None, None, None
    if state.about_open:
        return None, overlays.layout_about(state, w, h, m, fonts, metrics, ui), None, None
    if state.picker_open:
        return None, None, overlays.layout_picker(state, w, h, m, fonts, metrics, ui), None
    return None, None, None, None


def about_button_rect(layout: Layout) -> Rect | None:
    """The "About this sequence" button at the foot of the info panel."""
    if layout.info is None:
        return None
    return info_part.about_button(layout.info, layout.fonts, layout.ui)


def hit_test(layout: Layout, pos: tuple[int, int]) -> Target | None:
    """What the pointer at ``pos`` is over: the topmost clickable thing, or None."""
    for rect, target in layout.targets:
        if rect.contains(pos):
            return target
    return None
