"""The window: the one place with a display, a clock and ``pygame.event.get()``.

Input events become the messages of ``state``; the state is drawn by ``scene`` into the
layout of ``layout`` (all in ``matryoshka.window``). While nothing moves the loop
sleeps in ``pygame.event.wait`` (no busy loop); while something moves it draws at the
display's rate.

Tests drive an ``App`` headless: post real pygame events, call ``process`` with a fixed
``dt_ms``, and read ``app.state`` or the pixels of ``app.surface``.

Measuring aid: with the environment variable ``MATRYOSHKA_EXIT_AFTER_FIRST_FRAME`` set to
anything non-empty, ``App.run`` returns 0 right after presenting its first frame (after the
first ``pygame.display.flip``), without saving settings. Everything up to that frame is the
normal start-up (sequences loaded, settings read, the doll painted or its painting from the
last start restored, tabs and info panel drawn), so
``SDL_VIDEODRIVER=dummy MATRYOSHKA_EXIT_AFTER_FIRST_FRAME=1 matryoshka`` times start-up to
first frame; ``benchmarks/run.py`` uses it.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from matryoshka import painter, pgcompat
from matryoshka.export import kinds as export_kinds
from matryoshka.format.model import Doll, Sequence
from matryoshka.painter import Part
from matryoshka.pgcompat import pygame
from matryoshka.stage import draw as stage
from matryoshka.window.components import export_menu, timeline_strip
from matryoshka.window.dragging import TimelineDrag, follow
from matryoshka.window.exporting import ExportRunner, open_saved_folder
from matryoshka.window.fullscreen import Fullscreen, sdl_window
from matryoshka.window.keymap import message_for
from matryoshka.window.layout import DEFAULT_SIZE, MIN_SIZE, Layout, hit_test
from matryoshka.window.memory import WindowMemory
from matryoshka.window.scene import Scene
from matryoshka.window.settings import Settings, remember
from matryoshka.window.state import (
    Button,
    CloseTo,
    Compare,
    CompareClose,
    ComparedDoll,
    CompareStep,
    CurrentDoll,
    ErrorsBox,
    Escape,
    FoldErrors,
    GoTo,
    Hover,
    LeaveComparison,
    MenuItem,
    Message,
    Open,
    Overlay,
    PickerItem,
    PickerPage,
    Quit,
    ScrollInfo,
    ScrollPicker,
    ScrollTabs,
    SetTimelineView,
    ShelfDoll,
    ShelfGroup,
    ShowDoll,
    ShowToast,
    State,
    SwitchSequence,
    Tab,
    TabScroll,
    Target,
    TimelineBar,
    TimelineGhost,
    ToastBox,
    ToastClicked,
    ToggleAbout,
    ToggleExportMenu,
    ToggleFullscreen,
    ToggleHelp,
    TogglePicker,
    Unblank,
    initial_state,
    tick,
    update,
)
from matryoshka.window.watch import SequenceFiles

# Fail at once, with a clear message, where plain pygame stands in for pygame-ce.
pgcompat.load()

APP_TITLE = "Matryoshka"
#: Longest step the clock may take at once: after a stall the animation slows down
#: rather than jumping.
MAX_DT_MS = 100
#: Painting ahead while idle is done in slices this long, so input is never kept waiting.
WARM_SLICE_MS = 12
#: How often the window looks at the sequence files it loaded for changes.
WATCH_MS = 400
#: When idle, wake at least this often (to count down a toast).
IDLE_WAKE_MS = 250
#: Events after which the window must be drawn again though the state did not change.
_REDRAW_EVENTS = frozenset(
    {pygame.VIDEOEXPOSE, pygame.WINDOWEXPOSED, pygame.WINDOWSIZECHANGED, pygame.WINDOWRESIZED,
     pygame.WINDOWRESTORED, pygame.WINDOWSHOWN}
)  # fmt: skip
#: Set (non-empty) to make ``App.run`` return right after its first frame is presented.
EXIT_AFTER_FIRST_FRAME_ENV = "MATRYOSHKA_EXIT_AFTER_FIRST_FRAME"
#: Video drivers that draw nowhere: with one of these chosen by SDL itself (no display
#: found), the window would run invisibly, so the program says so and stops.
_HEADLESS_DRIVERS = ("offscreen", "dummy")

NO_DISPLAY_MESSAGE = (
    "matryoshka: no display found (no X11, Wayland or other video device), so the window "
    "cannot open; use 'matryoshka export' to write pictures without one"
)


class NoDisplayError(Exception):
    """There is no screen to open the window on."""


def message_for_click(target: Target | None) -> Message | None:
    """What a left click on ``target`` asks for."""
    if isinstance(target, CurrentDoll):
        return Open()
    if isinstance(target, ShelfDoll | PickerItem):
        return CloseTo(target.depth)
    if isinstance(target, ShelfGroup):
        return TogglePicker()
    if isinstance(target, PickerPage):
        return ScrollPicker(target.delta)
    if isinstance(target, Tab):
        return SwitchSequence(target.index)
    if isinstance(target, TabScroll):
        return ScrollTabs(target.delta)
    if isinstance(target, TimelineBar):
        return GoTo(target.depth)
    if isinstance(target, Overlay):
        return Escape()
    if isinstance(target, ErrorsBox):
        return FoldErrors()
    if isinstance(target, ToastBox):
        return ToastClicked()
    if isinstance(target, ComparedDoll):
        return ShowDoll(target.index, target.depth)
    if isinstance(target, CompareStep):
        return Compare(target.delta)
    if isinstance(target, CompareClose):
        return LeaveComparison()
    if isinstance(target, MenuItem):
        return export_menu.request_for(export_kinds.choices()[target.index])
    if isinstance(target, Button):
        if target.name == "export":
            return ToggleExportMenu()
        if target.name == "help":
            return ToggleHelp()
        if target.name == "compare":
            return Compare(1)
        return ToggleAbout()
    return None


def message_for_key(
    key: int, mod: int, unicode: str = "", *, menu: bool = False, picker: bool = False
) -> Message | None:
    """What a key press asks for: looked up in the key map (``window.keymap``).

    ``menu``: the Export menu is open (the arrows and Enter move in it); ``picker``: the
    list of hidden shells is open (typing filters it).
    """
    ctrl = bool(mod & (pygame.KMOD_CTRL | pygame.KMOD_META))
    shift = bool(mod & pygame.KMOD_SHIFT)
    return message_for(pygame.key.name(key), ctrl, shift, unicode, menu=menu, picker=picker)


def layout_key(s: State, size: tuple[int, int]) -> tuple[Any, ...]:
    """Everything of the state the layout depends on: a new layout when any of it changes."""
    return (
        size,
        s.sequences,
        s.index,
        s.shells,
        s.depth if s.motion is None else -1,
        s.help_open,
        s.about_open,
        s.picker_open,
        s.picker_page,
        s.picker_filter,
        s.export_menu_open,
        s.tab_scroll,
        s.timeline_zoom,
        s.timeline_start,
        s.timeline_follow,
        # A zoomed strip that follows moves to show the doll asked for.
        s.target if s.timeline_follow and s.timeline_zoom > 1 else None,
        s.text_step,
        s.presentation,
        s.errors,
        s.errors_folded,
        s.toast.message if s.toast is not None and s.export is None else None,
        s.compare,
    )


def warm_key(s: State, layout: Layout) -> tuple[Any, ...]:
    """What the paintings and info panels made ahead (``App.prewarm``) are made for: the
    set, the doll in front, the heights dolls stand at, and the panel's room and text."""
    return (
        s.sequence,
        s.reference,
        s.depth,
        round(layout.rest.height),
        layout.first_slot,
        layout.info,
        layout.fonts,
        layout.ui,
    )


def key_message(state: State, event: pygame.event.Event) -> Message | None:
    """What a key press event asks for, in the state the window is in."""
    text = getattr(event, "unicode", "")
    return message_for_key(
        event.key, event.mod, text, menu=state.export_menu_open, picker=state.picker_open
    )


def wheel_message(
    state: State, layout: Layout, pos: tuple[int, int] | None, event: pygame.event.Event
) -> Message | None:
    """What a turn of the mouse wheel asks for: it scrolls what the pointer is over."""
    steps = -int(event.y) or int(event.x)
    if not steps:
        return None
    step = 1 if steps > 0 else -1
    if state.picker_open:
        return ScrollPicker(step)
    if pos is None:
        return None
    if layout.tabs_bar is not None and layout.tabs_bar.contains(pos):
        return ScrollTabs(step)
    if layout.info is not None and layout.info.contains(pos) and layout.info_scroll_limit:
        return ScrollInfo(step, layout.info_scroll_limit)
    strip = layout.timeline
    if strip is not None and strip.rect.contains(pos):
        if not event.y:  # sideways: move along the years
            return SetTimelineView(*timeline_strip.pan_by(strip.zoom, strip.start, 0.2 * step))
        factor = timeline_strip.WHEEL_ZOOM ** -max(-10, min(steps, 10))  # away: zoom in
        at = strip.at(pos[0])
        return SetTimelineView(*timeline_strip.zoom_at(strip.zoom, strip.start, factor, at))
    return None


def window_caption(state: State) -> str:
    """The window's title: the doll in front, its set, the program (or the two sets)."""
    if state.compared is not None:
        return f"{state.sequence.title} compared with {state.compared.title} — {APP_TITLE}"
    doll = state.sequence.dolls[state.shown_depth]
    return f"{doll.name} — {state.sequence.title} — {APP_TITLE}"


def _clickable(target: Target | None) -> bool:
    return target is not None and not isinstance(target, Overlay | TimelineGhost)


class App:
    """One window showing ``sequences``.

    Args:
        sequences: every sequence the tabs offer, in order (at least one).
        index: the sequence shown first.
        settings: remembered size, text scale and motion setting.
        settings_file: where to save the settings on quit (None: do not save).
        reduced_motion: start with instant transitions (``--reduced-motion``).
        export_folder: where exports from the window go (default: the pictures folder).
        watch: reload a sequence when its file changes on disk, and show its errors
            (keeping the last good version) while it is broken.

    Raises:
        NoDisplayError: when there is no screen to open the window on.
    """

    def __init__(
        self,
        sequences: Iterable[Sequence],
        *,
        index: int = 0,
        settings: Settings | None = None,
        settings_file: Path | None = None,
        reduced_motion: bool = False,
        export_folder: Path | None = None,
        watch: bool = False,
    ) -> None:
        settings = settings or Settings()
        self.state: State = initial_state(
            tuple(sequences),
            index,
            reduced_motion=reduced_motion or settings.reduced_motion,
            text_step=settings.text_step,
        )
        self.settings_file = settings_file
        self.export_folder = export_folder
        self.surface = _open_display(settings.window)
        #: The cache cap found at start (the painter's default unless the embedding
        #: program set one): the window raises it for large sizes, never below this.
        self._memory = WindowMemory()
        self._memory.fit(self.surface.get_size())
        self.scene = Scene()
        self._layout: Layout | None = None
        self._layout_key: tuple[Any, ...] | None = None
        self._fullscreen = Fullscreen(self.surface.get_size())
        self._cursor_hand = False
        self._caption = ""
        self._exports = ExportRunner()
        self._drag = TimelineDrag()
        self._f11_down = False
        self._warm_key: tuple[Any, ...] | None = None
        self._warm_queue: list[tuple[Any, Any, int]] = []
        self._pointer: tuple[int, int] | None = None
        self.frames = 0
        self._watcher = SequenceFiles(self.state.sequences) if watch else None
        self._last_poll = 0.0
        #: Set when the window needs drawing again for a reason other than a new state.
        self.dirty = True
        self._drawn_size = (0, 0)
        self._set_caption()

    # --- one step of the loop, also used by tests -----------------------------------------

    @property
    def layout(self) -> Layout:
        """The layout for the current window size and state (recomputed only on change)."""
        size = self.surface.get_size()
        key = layout_key(self.state, size)
        if self._layout is None or key != self._layout_key:
            self._layout = self.scene.layout(size, self.state)
            self._layout_key = key
        return self._layout

    @property
    def hand_cursor(self) -> bool:
        """True while the pointer is over something clickable (the cursor is a hand)."""
        return self._cursor_hand

    def send(self, msg: Message | None) -> None:
        """Apply one message to the state (None: nothing to do)."""
        if msg is not None:
            self.state = update(self.state, msg)

    def handle(self, event: pygame.event.Event) -> None:
        """Turn one pygame event into messages and apply them."""
        etype = event.type
        if self.state.blank is not None and etype in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.send(Unblank())  # the press only brings the picture back
            return
        if etype == pygame.QUIT:
            self.send(Quit())
        elif etype == pygame.KEYDOWN:
            if event.key == pygame.K_F11:
                # Switching modes loses and regains focus, which can deliver the same
                # press again: F11 counts once until it is released.
                if self._f11_down:
                    return
                self._f11_down = True
            msg = key_message(self.state, event)
            if msg is not None:
                self.send(msg)
        elif etype == pygame.KEYUP and event.key == pygame.K_F11:
            self._f11_down = False
        elif etype == pygame.MOUSEMOTION:
            self._hover(event.pos)
            held = bool(getattr(event, "buttons", (0,))[0])
            self.send(self._drag.move(self.layout, event.pos, held))
        elif etype == pygame.MOUSEBUTTONUP and event.button == 1:
            self.send(self._drag.release(self.layout))
        elif etype == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self._drag.press(self.state, self.layout, event.pos):
                return  # a click on a bar counts when released (a drag moves the years)
            target = hit_test(self.layout, event.pos)
            trouble = open_saved_folder(self.state.toast) if isinstance(target, ToastBox) else None
            if trouble:
                return self.send(ShowToast(trouble, True))
            msg = message_for_click(target)
            if msg is not None:
                self.send(msg)
            self._hover(event.pos)
        elif etype == pygame.MOUSEWHEEL:
            self._wheel(event)
        elif etype == pygame.VIDEORESIZE:
            self._resized((event.w, event.h))
            self.dirty = True
        elif etype in _REDRAW_EVENTS:
            self.dirty = True
        elif etype == pygame.WINDOWLEAVE:
            self.send_hover(None)

    def send_hover(self, target: Target | None) -> None:
        if target != self.state.hover:
            self.send(Hover(target))

    def _hover(self, pos: tuple[int, int]) -> None:
        self._pointer = pos
        target = hit_test(self.layout, pos)
        self.send_hover(target)
        self._set_cursor(_clickable(target))

    def _wheel(self, event: pygame.event.Event) -> None:
        msg = wheel_message(self.state, self.layout, self._pointer, event)
        if msg is not None:
            self.send(msg)

    def _resized(self, size: tuple[int, int]) -> None:
        w, h = max(1, size[0]), max(1, size[1])
        surface = pygame.display.get_surface()
        # A real window's surface follows the window by itself (and several resize events
        # may arrive at once, the last one current); only a headless display has to be
        # resized by hand, as tests do.
        headless = pygame.display.get_driver() in _HEADLESS_DRIVERS
        if headless and (surface is None or surface.get_size() != (w, h)):
            surface = pygame.display.set_mode((w, h), pygame.RESIZABLE)
        if surface is not None:
            self.surface = surface
        self._fullscreen.resized(self.surface.get_size())
        self._memory.fit(self.surface.get_size())

    def process(self, events: Iterable[pygame.event.Event], dt_ms: int) -> None:
        """One frame's work: advance the clock by ``dt_ms``, then handle ``events``.

        The clock goes first, so a doll that starts opening on this frame starts at 0.
        """
        self.state = tick(self.state, dt_ms)
        for event in events:
            self.handle(event)
        if self.state.timeline_follow:
            self.send(follow(self.state, self.layout))
        self._run_export()
        self._apply_fullscreen()
        self._set_caption()

    def draw(self) -> None:
        """Draw the frame for the current state onto the window surface."""
        self._memory.fit(self.surface.get_size())  # resized by an event, F11 or the system
        self.scene.render(self.surface, self.state, self.layout)
        self.frames += 1
        self.dirty = False
        self._drawn_size = self.surface.get_size()

    def prewarm(self, budget_ms: float = 1e9) -> bool:
        """Paint, within ``budget_ms``, what the next moves need; True if work remains.

        Called while nothing moves, so no frame of an animation ever paints a doll cold.
        """
        s = self.state
        if s.motion is not None:
            return False
        key = warm_key(s, self.layout)
        if key != self._warm_key:
            self._warm_key = key
            self._warm_queue = self.scene.warm_tasks(s, self.layout)
            if self.layout.info is not None:
                # The info panels the next move will show, so its first frame is quick.
                for index in (s.depth + 1, s.depth - 1):
                    if 0 <= index < s.count:
                        self.scene.info_panel(s, self.layout, index)
        deadline = time.perf_counter() + budget_ms / 1000
        while self._warm_queue and time.perf_counter() < deadline:
            doll, part, height = self._warm_queue.pop(0)
            # A painting already cached is only marked as recently used, so what the next
            # moves need is the last the cache would evict.
            stage.prewarm(doll, part, height)
        if not self._warm_queue:
            self._memory.settled()
        return bool(self._warm_queue)

    def poll_files(self) -> None:
        """Reload the sequences whose files changed; show the errors of broken ones; paint
        anew the dolls whose pictures (portraits, image emblems) changed.

        A broken file never replaces what is on screen: its last good version stays
        until it is fixed, and its errors (``file:line:col: error: ...``) are shown.
        """
        if self._watcher is None:
            return
        pictures = self._watcher.changed_pictures(self.state.sequences)
        if pictures:
            self.scene.forget_pictures(pictures)
            self.dirty = True
        messages = self._watcher.poll(self.state.sequences)
        for msg in messages:
            self.send(msg)
        if messages:
            self.dirty = True

    # --- the loop -------------------------------------------------------------------------

    def run(self) -> int:
        """Show the window until the user quits; returns the exit status (0).

        With ``MATRYOSHKA_EXIT_AFTER_FIRST_FRAME`` set, returns 0 as soon as the first
        frame is presented (a start-up measuring aid; settings are not saved).
        """
        clock = pygame.time.Clock()
        rate = _display_rate()
        last = pygame.time.get_ticks()
        busy = False
        # The first frame shows the doll this window showed at its last start, most often:
        # its painting comes from the disk when it was kept then, and is kept now if not.
        first = first_painting(self.state, self.layout)
        restored = first is not None and painter.restore(*first)
        self.draw()
        pygame.display.flip()
        if first is not None and not restored:
            painter.keep(*first)
        if os.environ.get(EXIT_AFTER_FIRST_FRAME_ENV):
            return 0
        warming = True
        while not self.state.quit:
            if busy:
                clock.tick(rate)
                events = pygame.event.get()
            else:
                if warming:
                    # Paint ahead a slice at a time, checking for input in between.
                    warming = self.prewarm(WARM_SLICE_MS)
                if warming:
                    timeout = 1
                elif self.state.toast is not None:
                    timeout = IDLE_WAKE_MS
                else:
                    timeout = WATCH_MS if self._watcher is not None else 0
                first = pygame.event.wait(timeout) if timeout else pygame.event.wait()
                events = [first, *pygame.event.get()] if first.type != pygame.NOEVENT else []
            now = pygame.time.get_ticks()
            dt = min(now - last, MAX_DT_MS) if busy else min(now - last, IDLE_WAKE_MS)
            last = now
            if self._watcher is not None and time.monotonic() - self._last_poll >= WATCH_MS / 1000:
                self._last_poll = time.monotonic()
                self.poll_files()
            before = self.state
            # An animation that starts now must start at 0: idle time is not its time.
            self.process(events, dt if busy or self.state.toast is not None else 0)
            # SDL resizes the window surface itself; compare with the size last drawn.
            drawn = self._drawn_size
            if self.state is not before or self.surface.get_size() != drawn or busy or self.dirty:
                self.draw()
                pygame.display.flip()
            was_busy, busy = busy, self.state.animating
            warming = warming or (was_busy and not busy) or self.state is not before
        self.save()
        pygame.display.quit()
        return 0

    def save(self) -> None:
        """Remember the sequence, size, text scale and motion setting (a warning on error)."""
        if self.settings_file is not None:
            s = self.state
            remember(self.settings_file, s.sequence.id, self._fullscreen.windowed_size, s.text_step,
                     s.reduced_motion)  # fmt: skip

    # --- side effects the state asks for --------------------------------------------------

    def _run_export(self) -> None:
        msg = self._exports.step(self.state, self.export_folder)
        if msg is not None:
            self.send(msg)

    def _apply_fullscreen(self) -> None:
        want = self.state.fullscreen
        if want == self._fullscreen.on:
            return
        if not self._fullscreen.switch(want):
            self.state = update(self.state, ToggleFullscreen())
        surface = pygame.display.get_surface()
        if surface is not None:
            self.surface = surface
        self._memory.fit(self.surface.get_size())
        self.dirty = True

    def _set_cursor(self, hand: bool) -> None:
        if hand == self._cursor_hand:
            return
        self._cursor_hand = hand
        try:
            cursor = pygame.SYSTEM_CURSOR_HAND if hand else pygame.SYSTEM_CURSOR_ARROW
            pygame.mouse.set_cursor(cursor)
        except pygame.error:
            pass  # some video drivers have no cursors

    def _set_caption(self) -> None:
        caption = window_caption(self.state)
        if caption != self._caption:
            self._caption = caption
            pygame.display.set_caption(caption)


def first_painting(s: State, layout: Layout) -> tuple[Doll, Part, int] | None:
    """The painting of the doll standing in the centre, as ``draw`` will ask for it."""
    height = round(layout.rest.height)
    resting = s.motion is None and s.wobble_ms == 0
    if not resting or not painter.MIN_HEIGHT <= height <= painter.MAX_HEIGHT:
        return None
    return (s.sequence.dolls[s.depth], "whole", height)


def _display_rate() -> int:
    """The screen's refresh rate, or 60 when the driver does not say."""
    try:
        rate = int(pygame.display.get_current_refresh_rate())
    except (pygame.error, AttributeError):
        rate = 0
    return rate if 30 <= rate <= 360 else 60


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Silence what SDL prints on the C side while probing drivers.

    With no display, SDL's Wayland probe prints "XDG_RUNTIME_DIR is invalid" before the
    program can say what is wrong in its own words.
    """
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):
        yield
        return
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _set_icon() -> None:
    """Give the window its doll icon, before it opens (some systems ignore a later one).

    Without it pygame sets its own default icon in ``set_mode``, loading it from its
    package data through ``importlib.resources``: a few milliseconds of every start.
    """
    from matryoshka.painter import icon

    surface = icon.load()
    if surface is not None:
        with contextlib.suppress(pygame.error):
            pygame.display.set_icon(surface)


def _open_display(size: tuple[int, int]) -> pygame.Surface:
    """Open the resizable window, or raise ``NoDisplayError`` when there is no screen."""
    requested = os.environ.get("SDL_VIDEODRIVER", "")
    # Taskbars and window managers group and label the window by these.
    os.environ.setdefault("SDL_VIDEO_X11_WMCLASS", "matryoshka")
    os.environ.setdefault("SDL_APP_NAME", APP_TITLE)
    try:
        with _quiet_stderr():
            pygame.display.init()
    except pygame.error as err:
        raise NoDisplayError(str(err)) from None
    driver = pygame.display.get_driver()
    if driver in _HEADLESS_DRIVERS and driver not in requested:
        # SDL fell back to drawing nowhere: the user would see nothing.
        pygame.display.quit()
        raise NoDisplayError(f"video driver '{driver}'")
    pygame.font.init()
    _set_icon()
    w, h = size
    try:
        desktop = pygame.display.get_desktop_sizes()
        # A remembered size larger than this screen (another monitor) would not fit.
        if desktop and driver not in _HEADLESS_DRIVERS:
            dw, dh = desktop[0]
            w, h = min(w, dw), min(h, dh)
    except pygame.error:
        pass
    try:
        surface = pygame.display.set_mode((max(w, 1), max(h, 1)), pygame.RESIZABLE)
    except pygame.error as err:
        pygame.display.quit()
        raise NoDisplayError(str(err)) from None
    with contextlib.suppress(pygame.error, AttributeError):
        sdl_window().minimum_size = MIN_SIZE
    return surface


__all__ = [
    "DEFAULT_SIZE",
    "EXIT_AFTER_FIRST_FRAME_ENV",
    "NO_DISPLAY_MESSAGE",
    "App",
    "NoDisplayError",
    "message_for_click",
    "message_for_key",
]
