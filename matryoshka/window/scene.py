"""Draw one whole frame of the window from the state and the layout.

``Scene.render(surface, state, layout)`` is the only drawing the window does; tests and
screenshots call it on an off-screen surface. Each part of the screen is drawn by its
component (``window.components``); the scene composes them, keeps what stands still
in one backdrop surface, and says which paintings to make ahead. Everything slow is
cached: fonts, rendered text, the backdrop, the info panel, the timeline's bars, and
(through the painter) every doll painting.
"""

from __future__ import annotations

from pathlib import Path

from matryoshka import painter
from matryoshka.format.model import Doll, Sequence
from matryoshka.geometry import Rect
from matryoshka.history.comparison import Comparison, compare
from matryoshka.history.timeline import Timeline, build_timeline, today
from matryoshka.painter import Part
from matryoshka.pgcompat import pygame
from matryoshka.records import Record
from matryoshka.stage import comparison_picture
from matryoshka.stage.fonts import Text
from matryoshka.stage.furniture import Shadows, opening_paintings
from matryoshka.theme import BACKGROUND, PANEL, PAPER, mix
from matryoshka.window.components import info as info_part
from matryoshka.window.components.common import Chrome
from matryoshka.window.components.comparison_view import ComparisonView
from matryoshka.window.components.export_menu import ExportMenuView
from matryoshka.window.components.info import InfoView
from matryoshka.window.components.overlays import OverlaysView
from matryoshka.window.components.shelf import Shelf, ShelfView, hidden_stack
from matryoshka.window.components.stage import StageView
from matryoshka.window.components.tabs import TopBar, TopBarView
from matryoshka.window.components.timeline_strip import Strip, TimelineView
from matryoshka.window.components.toasts import ToastView
from matryoshka.window.layout import Layout, compute_layout, with_comparison
from matryoshka.window.measure import Fonts, dates_line
from matryoshka.window.state import (
    MAX_CHAINED_STEPS,
    Button,
    ShelfDoll,
    ShelfGroup,
    State,
    Tab,
    TabScroll,
    Target,
    TimelineBar,
)

__all__ = ["Backdrop", "Scene", "Text", "backdrop_key", "dates_line"]


class Scene:
    """Draws frames. One per window (it holds the caches for that window's sizes)."""

    def __init__(self, text: Text | None = None) -> None:
        self.text = text or Text()
        chrome = Chrome(self.text)
        shadows = Shadows()
        self.top_bar = TopBarView(chrome)
        self.stage = StageView(chrome, shadows)
        self.shelf = ShelfView(chrome, shadows)
        self.info = InfoView(chrome)
        self.strip = TimelineView(chrome)
        self.overlays = OverlaysView(chrome)
        self.toasts = ToastView(chrome)
        self.comparison = ComparisonView(chrome)
        self._comparison: tuple[tuple[object, ...], Comparison] | None = None
        self.export_menu = ExportMenuView(chrome)
        self._wash_column: tuple[tuple[object, ...], pygame.Surface] | None = None
        self._timelines: dict[tuple[int, int, float], tuple[object, object, Timeline | None]] = {}
        self._backdrop: tuple[Backdrop, pygame.Surface] | None = None

    # --- entry points -------------------------------------------------------------------

    def layout(self, size: tuple[int, int], state: State) -> Layout:
        """The layout for a window of ``size`` showing ``state``, measured with our fonts."""
        layout = compute_layout(size, state, self.text, timeline=self.timeline_for(state))
        return with_comparison(layout, state, self.comparison_for(state), self.text)

    def comparison_for(self, state: State) -> Comparison | None:
        """The set on screen beside the one it is compared with, when that shows (kept)."""
        if state.compare is None:
            return None
        key = comparison_inputs(state)
        kept = self._comparison
        # By identity: the sets are immutable, and comparing them by value costs more.
        if kept is None or any(a is not b for a, b in zip(kept[0], key, strict=True)):
            self._comparison = (key, compare(*key))
        return self._comparison[1]

    def timeline_for(self, state: State) -> Timeline | None:
        """The timeline of the sequence on screen, against its reference (cached)."""
        seq, ref, present = timeline_inputs(state)
        key = (id(seq), id(ref), present)
        cached = self._timelines.get(key)
        if cached is not None:
            return cached[2]
        try:
            timeline: Timeline | None = build_timeline(seq, ref, present=present)
        except ValueError:
            # A reference the check cannot use (duplicate ids): show the dolls alone.
            timeline = build_timeline(seq, None, present=present)
        if len(self._timelines) > 16:
            self._timelines.clear()
        # The sequences are kept in the entry so their ids stay theirs.
        self._timelines[key] = (seq, ref, timeline)
        return timeline

    def forget_pictures(self, paths: list[Path]) -> None:
        """Image files of dolls changed on disk: paint those dolls (and the backdrop) anew.

        A doll is described by its image's path, not its pixels, so every picture of it
        (and the backdrop its shell stands on) is forgotten here, once per change, rather
        than stamping files for each frame's key.
        """
        comparison_picture.forget_ghosts(painter.forget_pictures(paths))
        # Drawn with the old picture even when its painting has left the cache since.
        self._backdrop = None

    def chronology_note(self, state: State, index: int) -> str | None:
        """Who really came before the doll at ``index``, when the nesting says otherwise."""
        return info_part.chronology_note(state, index)

    def info_panel(
        self, state: State, layout: Layout, index: int, hover: bool = False
    ) -> pygame.Surface:
        """The info panel for the doll at ``index`` (cached; the window draws the next ahead)."""
        assert layout.info is not None
        scroll = (
            min(state.info_scroll, layout.info_scroll_limit) if index == state.shown_depth else 0
        )
        return self.info.panel(state, layout.info, layout.fonts, layout.ui, index, hover, scroll)

    def render(self, surface: pygame.Surface, state: State, layout: Layout) -> None:
        """Draw the whole frame for ``state`` onto ``surface`` (of ``layout.size``)."""
        if state.blank is not None:
            surface.fill((0, 0, 0) if state.blank == "black" else (255, 255, 255))
            return
        surface.blit(self._backdrop_for(surface, state, layout), (0, 0))
        shell = layout.slot_for(state.motion.doll) if state.motion is not None else None
        if layout.comparison is not None:
            self.comparison.draw(surface, state, layout.comparison, layout.fonts)
        else:
            self.stage.draw(surface, state, layout.stage_area, shell, layout.ui)
        if layout.errors is not None:
            self.overlays.draw_errors(surface, layout.errors, layout.ui)
        if layout.timeline is not None:
            self.strip.draw_tip(surface, state, layout.timeline, layout.ui)
        self.toasts.draw(surface, state, layout.toast, layout.fonts, layout.ui)
        if layout.help is not None:
            self.overlays.draw_help(surface, layout.help, layout.ui)
        elif layout.about is not None:
            self.overlays.draw_about(surface, layout.about, layout.fonts, layout.ui)
        elif layout.picker is not None:
            self.overlays.draw_picker(surface, state, layout.picker, layout.fonts, layout.ui)
        elif layout.menu is not None:
            self.export_menu.draw(surface, state, layout.menu, layout.fonts, layout.ui)

    def warm_tasks(self, state: State, layout: Layout) -> list[tuple[Doll, Part, int]]:
        """The paintings the next moves will need, most urgent first.

        The window paints these while nothing moves (``stage.draw.prewarm``), so that
        frames of an opening or closing only scale existing paintings. First the next
        opening, then the closing back, then a few more levels either way for runs of
        openings.
        """
        dolls = state.sequence.dolls
        n = len(dolls)
        h = round(layout.rest.height)
        shelf_h = round(layout.first_slot.height)
        tasks: list[tuple[Doll, Part, int]] = []

        def opening_of(k: int) -> None:
            if 0 <= k < n - 1:
                tasks.extend(opening_paintings(dolls[k], dolls[k + 1], h, shelf_h))

        d = state.depth
        opening_of(d)
        opening_of(d - 1)
        for k in range(1, MAX_CHAINED_STEPS + 1):
            opening_of(d + k)
            opening_of(d - 1 - k)
        if n > 2:
            # The stack standing for hidden shells: the same three small paintings for
            # the whole set, drawn the first time the shelf fills up, mid-move.
            stack = hidden_stack(dolls, layout.first_slot, layout.first_slot.bottom)
            tasks.extend((doll, "whole", round(place.height)) for doll, place in stack)
        return tasks

    # --- the backdrop --------------------------------------------------------------------

    def _backdrop_for(self, target: pygame.Surface, state: State, layout: Layout) -> pygame.Surface:
        """Everything that stands still while a doll moves, drawn once into one surface.

        Tabs, buttons, the info panel and the shelf change only when the user does
        something, so frames of an animation cost one opaque blit plus the moving doll.
        The key is everything the drawing below reads (``backdrop_key``): a new layout
        that places these parts the same (a message appearing) keeps the backdrop.
        """
        key = backdrop_key(state, layout)
        cached = self._backdrop
        if cached is not None and cached[0] == key:
            return cached[1]
        if cached is not None and cached[1].get_size() == layout.size:
            back = cached[1]
        else:
            back = pygame.Surface(layout.size, 0, target)
        self._wash(back)
        f, ui = layout.fonts, layout.ui
        if layout.top is not None:
            self.top_bar.draw(back, state, layout.top, f)
        if layout.info is not None:
            hover = state.hover == Button("about")
            back.blit(
                self.info_panel(state, layout, state.shown_depth, hover),
                (layout.info.x, layout.info.y),
            )
        if layout.title_rect is not None:
            self.info.draw_title(back, state, layout.title_rect, f, layout.size[1])
        self.shelf.draw(back, state, layout.shelf_area, f, ui)
        if layout.timeline is not None:
            self.strip.draw(back, state, layout.timeline, ui)
        self._backdrop = (key, back)
        return back

    def _wash(self, back: pygame.Surface) -> None:
        """Cover ``back`` with the window's soft vertical wash, lighter behind the dolls."""
        w, h = back.get_size()
        if w < 1 or h < 1:
            return
        key = (h, back.get_bitsize(), back.get_masks())
        if self._wash_column is None or self._wash_column[0] != key:
            # A tiny gradient smooth-scaled to a column two pixels wide, in the backdrop's
            # own pixel format.
            small = pygame.Surface((2, 64))
            top, bottom = mix(BACKGROUND, PAPER, 0.35), mix(BACKGROUND, PANEL, 0.55)
            for y in range(64):
                small.fill(mix(top, bottom, y / 63), pygame.Rect(0, y, 2, 1))
            column = pygame.transform.smoothscale(small, (2, h)).convert(back)
            self._wash_column = (key, column)
        # Copied across the width: the same pixels as smooth-scaling the gradient to the
        # whole window (all its columns are alike), at the cost of one blit, and with no
        # window-sized surface of its own to allocate and convert (4 ms of a first frame).
        pygame.transform.scale(self._wash_column[1], (w, h), back)


def timeline_inputs(state: State) -> tuple[Sequence, Sequence | None, float]:
    """What the timeline is built from: the set on screen, its reference, and today
    (where the bars of those still in office end)."""
    return state.sequence, state.reference, today()


def comparison_inputs(
    state: State,
) -> tuple[Sequence, Sequence, Sequence | None, Sequence | None]:
    """What the comparison is made of: the set on screen, the one compared with, and the
    reference each names (the comparison must be showing)."""
    other = state.compared
    assert other is not None
    return state.sequence, other, state.reference, _reference_of(other, state)


def _reference_of(sequence: Sequence, state: State) -> Sequence | None:
    """The loaded set that ``sequence`` names in ``compare_with``, if any."""
    wanted = sequence.compare_with
    return next((s for s in state.sequences if wanted and s.id == wanted), None)


class Backdrop(Record):
    """What the backdrop is drawn from (the key of the drawn one): the parts of the layout
    it fills and the few things of the state its components show."""

    size: tuple[int, int]
    fonts: Fonts
    ui: float
    top: TopBar | None
    info: Rect | None
    title_rect: Rect | None
    shelf: Shelf
    strip: Strip | None
    #: The dolls, their names, the info panel's text (and its chronology note).
    sequence: Sequence
    reference: Sequence | None
    #: The active tab; the doll the panel, the title and the strip describe.
    index: int
    shown: int
    #: The shell on its way to (or from) the shelf: drawn moving, not on the shelf.
    moving: int | None
    #: The panel's "Click the doll to open it." (closed, nothing moving).
    opening_hint: bool
    #: The pointer over a tab, a button, a shelf doll or a timeline bar (else None).
    hover: Target | None
    #: Wheel steps the panel's text is scrolled, as far as it scrolls.
    scroll: int
    #: The Export button says "Saving…"; the Compare button is lit.
    saving: bool
    comparing: bool


#: What the pointer can be over that the backdrop draws lit.
BACKDROP_HOVER = (Button, Tab, TabScroll, ShelfDoll, ShelfGroup, TimelineBar)


def backdrop_key(state: State, layout: Layout) -> Backdrop:
    """Everything ``Scene._backdrop_for`` reads: two states with the same key have the
    same backdrop, so it is drawn again only when one of these changes (cheap per frame:
    for an unchanged layout every part compares by identity)."""
    hover = state.hover if isinstance(state.hover, BACKDROP_HOVER) else None
    scroll = min(state.info_scroll, layout.info_scroll_limit) if layout.info is not None else 0
    return Backdrop(
        layout.size,
        layout.fonts,
        layout.ui,
        layout.top,
        layout.info,
        layout.title_rect,
        layout.shelf_area,
        layout.timeline,
        state.sequence,
        state.reference,
        state.index,
        state.shown_depth,
        _moving(state),
        state.depth == 0 and state.motion is None,
        hover,
        scroll,
        state.export is not None,
        state.compare is not None,
    )


def _moving(state: State) -> int | None:
    """The doll whose opening or closing is under way, if any."""
    return state.motion.doll if state.motion is not None else None
