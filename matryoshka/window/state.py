"""What the window shows, as plain data: which doll is open, what is moving, which overlay.

No pygame here. The window turns input into the small message objects below and feeds
them to ``update``; the clock feeds ``tick`` with whole milliseconds. Both return a new
``State`` and never mutate the old one, so tests can drive the window with no display
and replay any sequence of events.

Depth is the index of the doll standing in the centre: 0 is the outermost doll, and the
dolls before it are opened shells on the shelf. While a doll opens or closes, ``motion``
says which one and how far along it is; ``target`` is where the user asked to go, so
several presses queue up into one smooth run of openings.
"""

from __future__ import annotations

from typing import Literal

from matryoshka.export import kinds as export_kinds
from matryoshka.export.kinds import Kind as ExportKind
from matryoshka.format.model import Doll, Sequence
from matryoshka.records import Record
from matryoshka.stage.bidi import isolated
from matryoshka.stage.choreography import OPEN_MS
from matryoshka.stage.scripts import missing_font_notice

#: One step of a run of several openings (End, or a click far down the shelf) is quicker
#: than a single opening, so the run does not drag.
CHAIN_MS = 380
#: A run longer than this many steps jumps straight to the last few: opening 150 dolls one
#: after the other would take a minute.
MAX_CHAINED_STEPS = 3
#: How long the core doll wobbles when clicked.
WOBBLE_MS = 520
#: How long a toast (an export's path, a notice) stays on screen.
TOAST_MS = 4000
#: How long the message that says where an export went stays (unless clicked away).
SAVED_TOAST_MS = 8000
#: How long the window says that a set has text no font here can draw.
FONT_TOAST_MS = 10000
#: How long the notice of a toggle (M, P, F11, text size) stays: a glance.
TOGGLE_TOAST_MS = 2000
#: Text scale steps: each is 15% larger (or smaller) than the one before.
TEXT_STEP_MIN = -2
TEXT_STEP_MAX = 6
TEXT_STEP_FACTOR = 1.15
#: The longest filter the list of hidden shells takes.
PICKER_FILTER_MAX = 60
#: How far the timeline zooms in: this many times its whole span.
TIMELINE_MAX_ZOOM = 2000.0


# --- What the user can point at -------------------------------------------------------
# The layout places these on screen; hit testing returns them; the window turns a click
# on one into a message.


class CurrentDoll(Record):
    """The doll standing in the centre (or the one coming out while a doll opens)."""


class ShelfDoll(Record):
    """The opened shell of the doll at ``depth``, standing on the shelf."""

    depth: int


class ShelfGroup(Record):
    """The stack of shells hidden when the shelf is too short for all of them."""


class PickerItem(Record):
    """One entry of the list of hidden shells (opened from ``ShelfGroup``)."""

    depth: int


class PickerPage(Record):
    """The arrow that turns the list of hidden shells by ``delta`` pages."""

    delta: int


class Tab(Record):
    """The tab of the sequence at ``index``."""

    index: int


class TabScroll(Record):
    """The arrow that scrolls the row of tabs by ``delta``."""

    delta: int


class Button(Record):
    """A labelled button: ``export``, ``help``, ``about`` (the sequence description),
    ``compare`` (the comparison of two sets)."""

    name: Literal["export", "help", "about", "compare"]


class TimelineBar(Record):
    """A doll's bar on the timeline strip."""

    depth: int


class TimelineGhost(Record):
    """The faint bar of a figure the set leaves out (``index`` among the strip's bars)."""

    index: int


class MenuItem(Record):
    """Line ``index`` of the Export menu (``export.kinds.choices()``)."""

    index: int


class Overlay(Record):
    """Anywhere on an open overlay: clicking dismisses it."""


class ToastBox(Record):
    """The message at the top of the stage."""


class ErrorsBox(Record):
    """The box of a broken file's errors: clicking it shows or hides the list."""


class ComparedDoll(Record):
    """A doll in the comparison: the doll at ``depth`` of the sequence at ``index``."""

    index: int
    depth: int


class CompareStep(Record):
    """The arrows of the comparison that pick the set compared with (``delta`` -1 or 1)."""

    delta: int


class CompareClose(Record):
    """The button that leaves the comparison."""


Target = (
    CurrentDoll
    | ShelfDoll
    | ShelfGroup
    | PickerItem
    | PickerPage
    | Tab
    | TabScroll
    | Button
    | TimelineBar
    | TimelineGhost
    | MenuItem
    | Overlay
    | ErrorsBox
    | ToastBox
    | ComparedDoll
    | CompareStep
    | CompareClose
)


# --- Messages -------------------------------------------------------------------------


class Open(Record):
    """Open one more doll (the core wobbles instead)."""


class Close(Record):
    """Close one doll: the last shell comes back over the current doll."""


class CloseTo(Record):
    """Close back to the doll at ``depth`` (a shelf click)."""

    depth: int


class GoTo(Record):
    """Open or close until the doll at ``depth`` stands in the centre (a timeline click)."""

    depth: int


class OpenToCore(Record):
    """Open every doll down to the core."""


class CloseAll(Record):
    """Close every doll back to the outermost."""


class SwitchSequence(Record):
    """Show the sequence at ``index`` from its outermost doll."""

    index: int


class NextSequence(Record):
    """Show the next (``delta`` = 1) or previous (-1) sequence, wrapping around."""

    delta: int


class ToggleHelp(Record):
    """Show or hide the list of keys."""


class ToggleAbout(Record):
    """Show or hide the sequence's own description."""


class TogglePicker(Record):
    """Show or hide the list of shells hidden off the shelf."""


class TypeInPicker(Record):
    """Add ``text`` to what the list of hidden shells is filtered by."""

    text: str


class EraseInPicker(Record):
    """Take the last character off the list's filter."""


class ChooseInPicker(Record):
    """Close back to the first doll the list shows (Enter)."""


class ToggleExportMenu(Record):
    """Open or close the menu of every kind of export."""


class MoveMenuFocus(Record):
    """Move the Export menu's highlight ``delta`` lines down (wrapping around)."""

    delta: int


class ChooseFromMenu(Record):
    """Export what the highlighted line of the Export menu names."""


class ToggleReducedMotion(Record):
    """Make every transition instant, or animated again."""


class TextScale(Record):
    """Scale all text one step up (+1), down (-1), or back to normal (0)."""

    delta: int


class TogglePresentation(Record):
    """Hide everything but the doll, the shelf and the name (for a room)."""


class ToggleFullscreen(Record):
    """Fill the screen, or go back to a window."""


class Compare(Record):
    """Show the comparison with the next set (``delta`` 1) or the previous one (-1); while
    it shows, pick the set after (or before) the one compared with."""

    delta: int = 1


class CompareWith(Record):
    """Show the comparison with the set at ``index`` (``view A --compare B``)."""

    index: int


class LeaveComparison(Record):
    """Go back from the comparison to the dolls."""


class ShowDoll(Record):
    """Leave the comparison for the doll at ``depth`` of the sequence at ``index``."""

    index: int
    depth: int


class Blank(Record):
    """Black (or white) out the screen, as a presenter does between slides."""

    color: Literal["black", "white"]


class Unblank(Record):
    """Bring the picture back after a blank screen, exactly as it was."""


class FoldErrors(Record):
    """Fold the errors of a broken file to one line, or unfold them."""


class Escape(Record):
    """Close the top overlay; with none open, leave fullscreen."""


class Quit(Record):
    """Close the window."""


class Hover(Record):
    """The pointer is now over ``target`` (None: over nothing clickable)."""

    target: Target | None


class ScrollTabs(Record):
    """Scroll the row of tabs by ``delta`` tabs."""

    delta: int


class SetTimelineView(Record):
    """Show ``1 / zoom`` of the timeline's span, starting ``start`` (0 to 1) along it."""

    zoom: float
    start: float


class ScrollInfo(Record):
    """Scroll the info panel's text by ``delta`` steps, within ``limit`` steps in all.

    The layout knows how far the text overflows; the window passes it on as ``limit``.
    """

    delta: int
    limit: int


class ScrollPicker(Record):
    """Scroll the list of hidden shells by ``delta`` pages."""

    delta: int


class RequestExport(Record):
    """Save the current doll (closed or opened), the line-up or the animation as a picture.

    ``suffix``: the file format, one the kind offers (None: its usual one).
    """

    kind: ExportKind
    suffix: str | None = None


class ExportProgress(Record):
    """The running export has done ``progress`` (0 to 1) of its work."""

    progress: float


class ExportFinished(Record):
    """The running export ended: ``message`` says where the file went, or what failed.

    ``folder`` is where the file went (a click on the message opens it).
    """

    message: str
    failed: bool = False
    folder: str | None = None


class ToastClicked(Record):
    """A click on the message at the top of the stage: dismiss it."""


class ShowToast(Record):
    """Show a short notice at the bottom of the window for a few seconds."""

    message: str
    failed: bool = False


class FileErrors(Record):
    """The watched sequence files that are broken now, as ``file:line:col`` lines.

    An empty tuple means every file is fine again.
    """

    lines: tuple[str, ...]


class ReplaceSequences(Record):
    """The loaded sequences changed (a file was edited): keep the place where possible."""

    sequences: tuple[Sequence, ...]


Message = (
    Open
    | Close
    | CloseTo
    | GoTo
    | OpenToCore
    | CloseAll
    | SwitchSequence
    | NextSequence
    | ToggleHelp
    | ToggleAbout
    | TogglePicker
    | TypeInPicker
    | EraseInPicker
    | ChooseInPicker
    | ToggleExportMenu
    | MoveMenuFocus
    | ChooseFromMenu
    | ToggleReducedMotion
    | TextScale
    | TogglePresentation
    | ToggleFullscreen
    | Escape
    | FoldErrors
    | Blank
    | Unblank
    | ToastClicked
    | Quit
    | Hover
    | ScrollTabs
    | ScrollPicker
    | ScrollInfo
    | SetTimelineView
    | RequestExport
    | ExportProgress
    | ExportFinished
    | ShowToast
    | FileErrors
    | ReplaceSequences
    | Compare
    | CompareWith
    | LeaveComparison
    | ShowDoll
)


# --- State ----------------------------------------------------------------------------


class Motion(Record):
    """The doll at ``doll`` is coming apart (``direction`` 1) or closing (-1).

    ``t_ms`` runs from 0 (closed: doll ``doll`` stands in the centre) to ``step_ms``
    (open: doll ``doll + 1`` stands in the centre and the shell is on the shelf), whichever
    way the doll is moving.
    """

    doll: int
    t_ms: int
    step_ms: int
    direction: Literal[1, -1]

    @property
    def t(self) -> float:
        """Progress of the opening pose, 0 closed to 1 open."""
        return self.t_ms / self.step_ms


class Toast(Record):
    """A short notice shown for ``remaining_ms`` more milliseconds.

    ``folder``: the folder of a file just saved, which a click on the notice opens.
    """

    message: str
    remaining_ms: int
    failed: bool = False
    folder: str | None = None


class ExportJob(Record):
    """An export the user asked for; the window runs it a slice per frame."""

    kind: ExportKind
    sequence_index: int
    depth: int
    progress: float = 0.0
    #: The set a comparison puts beside the one at ``sequence_index``.
    other_index: int | None = None
    suffix: str | None = None


class State(Record):
    """Everything the window shows. Build the first one with ``initial_state``."""

    sequences: tuple[Sequence, ...]
    index: int = 0
    depth: int = 0
    target: int = 0
    motion: Motion | None = None
    wobble_ms: int = 0
    help_open: bool = False
    about_open: bool = False
    picker_open: bool = False
    picker_page: int = 0
    #: The list of hidden shells shows only the dolls whose name or years contain this.
    picker_filter: str = ""
    #: The Export menu is open, with its line ``menu_focus`` highlighted.
    export_menu_open: bool = False
    menu_focus: int = 0
    tab_scroll: int = 0
    #: How many steps the info panel's text is scrolled (when it does not fit).
    info_scroll: int = 0
    #: The timeline shows ``1 / timeline_zoom`` of its span from ``timeline_start`` on.
    timeline_zoom: float = 1.0
    timeline_start: float = 0.0
    #: The user asked for another doll: the zoomed timeline moves to show it (once).
    timeline_follow: bool = False
    reduced_motion: bool = False
    text_step: int = 0
    presentation: bool = False
    fullscreen: bool = False
    quit: bool = False
    hover: Target | None = None
    toast: Toast | None = None
    #: Exports asked for while another ran, in order; each starts when the one before ends.
    export_queue: tuple[ExportJob, ...] = ()
    export: ExportJob | None = None
    #: Problems in sequence files edited while the window runs (the last good version of
    #: each stays on screen meanwhile).
    errors: tuple[str, ...] = ()
    #: The errors are folded to one line (Esc, or a click on the box); new errors unfold.
    errors_folded: bool = False
    #: The screen is blacked or whited out (B, ., W); any key or click brings it back.
    blank: Literal["black", "white"] | None = None
    #: Incremented whenever the shown sequence changes (switch or reload), so the window
    #: can tell a new set from a moved doll.
    generation: int = 0
    #: The sets (by id) already checked for text no font here can draw: said once each.
    fonts_told: frozenset[str] = frozenset()

    #: The comparison shows (C): the index of the set side by side with the one on screen.
    compare: int | None = None

    @property
    def sequence(self) -> Sequence:
        """The sequence on screen."""
        return self.sequences[self.index]

    @property
    def reference(self) -> Sequence | None:
        """The loaded sequence the one on screen names in ``compare_with``, if any."""
        wanted = self.sequence.compare_with
        if not wanted or wanted == self.sequence.id:
            return None
        return next((s for s in self.sequences if s.id == wanted), None)

    @property
    def compared(self) -> Sequence | None:
        """The set the comparison puts beside the one on screen (None: no comparison)."""
        return None if self.compare is None else self.sequences[self.compare]

    @property
    def count(self) -> int:
        """Number of dolls in the sequence on screen."""
        return len(self.sequence.dolls)

    @property
    def core(self) -> int:
        """Depth of the core doll."""
        return self.count - 1

    @property
    def shown_depth(self) -> int:
        """The doll the info panel describes: while moving, the one being moved to."""
        if self.motion is None:
            return self.depth
        return self.motion.doll + 1 if self.motion.direction > 0 else self.motion.doll

    @property
    def shells(self) -> int:
        """How many shells stand on the shelf, counting one that is settling there."""
        if self.motion is None:
            return self.depth
        return self.motion.doll + 1

    @property
    def text_factor(self) -> float:
        """How much larger than normal all text is drawn."""
        return TEXT_STEP_FACTOR**self.text_step

    @property
    def overlay_open(self) -> bool:
        """True while an overlay covers the window (help, description, shelf list, menu)."""
        return self.help_open or self.about_open or self.picker_open or self.export_menu_open

    @property
    def animating(self) -> bool:
        """True while something moves, so the window must keep drawing frames."""
        return self.motion is not None or self.wobble_ms > 0 or self.export is not None


def initial_state(
    sequences: tuple[Sequence, ...] | list[Sequence],
    index: int = 0,
    *,
    reduced_motion: bool = False,
    text_step: int = 0,
) -> State:
    """The window at start: ``sequences[index]`` closed, nothing moving.

    Raises:
        ValueError: when there is no sequence, or one has no dolls.
    """
    seqs = tuple(sequences)
    if not seqs:
        raise ValueError("the window needs at least one sequence")
    if any(not s.dolls for s in seqs):
        raise ValueError("every sequence needs at least one doll")
    state = State(
        sequences=seqs,
        index=min(max(index, 0), len(seqs) - 1),
        reduced_motion=reduced_motion,
        text_step=_clamp(text_step, TEXT_STEP_MIN, TEXT_STEP_MAX),
    )
    return _tell_missing_fonts(state)


def _tell_missing_fonts(state: State) -> State:
    """Say, once per set, that its text has letters no font here can draw."""
    seq = state.sequence
    if seq.id in state.fonts_told:
        return state
    state = state._replace(fonts_told=state.fonts_told | {seq.id})
    notice = missing_font_notice(seq)
    if notice is None or state.export is not None:
        return state
    return state._replace(toast=Toast(notice, FONT_TOAST_MS, failed=True))


def _clamp(value: int, low: int, high: int) -> int:
    return low if value < low else high if value > high else value


def timeline_view(zoom: float, start: float) -> tuple[float, float]:
    """A view of the timeline brought within bounds: zoom 1 to the most, the span inside."""
    zoom = min(max(float(zoom), 1.0), TIMELINE_MAX_ZOOM)
    start = min(max(float(start), 0.0), 1.0 - 1.0 / zoom)
    return zoom, start


# --- update ---------------------------------------------------------------------------


def update(state: State, msg: Message) -> State:
    """The state after the user (or the window) sent ``msg``."""
    s = _apply(state, msg)
    return _settle(s)


def _go(state: State, target: int) -> State:
    target = _clamp(target, 0, state.core)
    return state._replace(target=target, picker_open=False, info_scroll=0, timeline_follow=True)


def _switch(state: State, index: int) -> State:
    index = index % len(state.sequences)
    return _tell_missing_fonts(_switched(state, index))


def _switched(state: State, index: int) -> State:

    compare = state.compare
    if compare is not None and compare == index:
        compare = state.index  # the set that was on screen takes the other place
    return state._replace(
        compare=compare,
        index=index,
        depth=0,
        target=0,
        motion=None,
        wobble_ms=0,
        about_open=False,
        picker_open=False,
        picker_page=0,
        info_scroll=0,
        timeline_zoom=1.0,
        timeline_start=0.0,
        hover=None,
        generation=state.generation + 1,
    )


def _said(state: State, message: str) -> State:
    """``state`` with a short notice of what a toggle just did (not over an export's)."""
    if state.export is not None:
        return state
    return state._replace(toast=Toast(message, TOGGLE_TOAST_MS))


def _apply_export(
    state: State, msg: RequestExport | ExportProgress | ExportFinished | ToastClicked
) -> State:
    """Exports asked for, their progress, and the message that says where a file went."""
    if isinstance(msg, RequestExport):
        # While the comparison shows, an export saves what is on screen: the comparison.
        # Asked for by name, a comparison is with the set C would show: the next one.
        kind: ExportKind = "comparison" if state.compare is not None else msg.kind
        other = state.compare
        if other is None and kind == "comparison" and len(state.sequences) > 1:
            other = (state.index + 1) % len(state.sequences)
        suffix = msg.suffix if kind == msg.kind else None
        job = ExportJob(kind, state.index, state.shown_depth, other_index=other, suffix=suffix)
        state = state._replace(export_menu_open=False)
        if state.export is not None:
            what = export_kinds.kind(job.kind).label
            waiting = len(state.export_queue) + 1
            toast = Toast(f"Queued: {what} ({waiting} waiting)", TOAST_MS)
            return state._replace(export_queue=(*state.export_queue, job), toast=toast)
        return state._replace(export=job)
    if isinstance(msg, ExportProgress):
        if state.export is None:
            return state
        progress = min(max(msg.progress, 0.0), 1.0)
        return state._replace(export=state.export._replace(progress=progress))
    if isinstance(msg, ExportFinished):
        toast = Toast(msg.message, SAVED_TOAST_MS, msg.failed, msg.folder)
        queue = state.export_queue
        return state._replace(
            export=queue[0] if queue else None, export_queue=queue[1:], toast=toast
        )
    if isinstance(msg, ToastClicked):
        return state._replace(toast=None)
    return state


def _closed_overlays(state: State) -> State:
    """``state`` with every overlay closed (help, description, shelf list, Export menu)."""
    return state._replace(
        help_open=False, about_open=False, picker_open=False, export_menu_open=False
    )


def _toggle_overlay(state: State, msg: ToggleHelp | ToggleAbout | TogglePicker) -> State:
    """Open or close the help, the description or the list of hidden shells."""
    if isinstance(msg, ToggleHelp):
        return _closed_overlays(state)._replace(help_open=not state.help_open)
    if isinstance(msg, ToggleAbout):
        return _closed_overlays(state)._replace(about_open=not state.about_open)
    opening = not state.picker_open and state.shells > 0
    return _closed_overlays(state)._replace(picker_open=opening, picker_page=0, picker_filter="")


def picker_matches(state: State) -> tuple[int, ...]:
    """The opened shells the list shows: every one, or those its filter finds.

    The filter is matched, ignoring case, against the doll's number, name, native name,
    office and years (``"19"`` finds the twentieth century, ``"ivan"`` every Ivan).
    """
    wanted = state.picker_filter.strip().casefold()
    dolls = state.sequence.dolls
    shells = range(min(state.shells, len(dolls)))
    if not wanted:
        return tuple(shells)
    return tuple(d for d in shells if wanted in _searchable(dolls[d], d))


def _searchable(doll: Doll, depth: int) -> str:
    words = (str(depth + 1), doll.name, doll.native_name or "", doll.office or "", doll.years())
    return " ".join(words).casefold()


def _apply_picker(state: State, msg: TypeInPicker | EraseInPicker | ChooseInPicker) -> State:
    """Typing in the list of hidden shells: its filter, and Enter for the first match."""
    if not state.picker_open:
        return state
    if isinstance(msg, TypeInPicker):
        text = (state.picker_filter + msg.text)[:PICKER_FILTER_MAX]
        return state._replace(picker_filter=text, picker_page=0)
    if isinstance(msg, EraseInPicker):
        return state._replace(picker_filter=state.picker_filter[:-1], picker_page=0)
    found = picker_matches(state)
    return _go(state, found[0]) if found else state


def _apply_menu(state: State, msg: ToggleExportMenu | MoveMenuFocus | ChooseFromMenu) -> State:
    """The Export menu: opened, its highlight moved, its highlighted line chosen."""
    lines = export_kinds.choices()
    if isinstance(msg, ToggleExportMenu):
        opening = not state.export_menu_open
        return _closed_overlays(state)._replace(export_menu_open=opening, menu_focus=0)
    if not state.export_menu_open:
        return state
    if isinstance(msg, MoveMenuFocus):
        return state._replace(menu_focus=(state.menu_focus + msg.delta) % len(lines))
    choice = lines[_clamp(state.menu_focus, 0, len(lines) - 1)]
    return _apply_export(state, RequestExport(choice.kind, choice.suffix))


def _apply(state: State, msg: Message) -> State:
    if state.compare is not None and isinstance(msg, Open | Close | OpenToCore | CloseAll):
        return state  # the dolls are hidden by the comparison: they stay as they were
    if isinstance(msg, Open):
        if state.target >= state.core:
            if state.motion is None:
                # The core does not open: it wobbles, and the window says why.
                name = isolated(state.sequence.dolls[state.core].name)
                return state._replace(
                    wobble_ms=0 if state.reduced_motion else WOBBLE_MS,
                    toast=Toast(f"{name} is the core doll: there is nothing inside.", TOAST_MS),
                )
            return state
        return _go(state, state.target + 1)
    if isinstance(msg, Close):
        return _go(state, state.target - 1)
    if isinstance(msg, CloseTo | GoTo):
        return _go(state, msg.depth)
    if isinstance(msg, OpenToCore):
        return _go(state, state.core)
    if isinstance(msg, CloseAll):
        return _go(state, 0)
    if isinstance(msg, SwitchSequence):
        if not 0 <= msg.index < len(state.sequences):
            return state
        return _switch(state, msg.index)
    if isinstance(msg, NextSequence):
        return _switch(state, state.index + msg.delta)
    if isinstance(msg, ToggleHelp | ToggleAbout | TogglePicker):
        return _toggle_overlay(state, msg)
    if isinstance(msg, TypeInPicker | EraseInPicker | ChooseInPicker):
        return _apply_picker(state, msg)
    if isinstance(msg, ToggleExportMenu | MoveMenuFocus | ChooseFromMenu):
        return _apply_menu(state, msg)
    if isinstance(msg, ToggleReducedMotion):
        on = not state.reduced_motion
        said = "Reduced motion on: dolls open at once" if on else "Reduced motion off"
        return _said(state._replace(reduced_motion=on), f"{said} (M)")
    if isinstance(msg, TextScale):
        step = 0 if msg.delta == 0 else state.text_step + msg.delta
        step = _clamp(step, TEXT_STEP_MIN, TEXT_STEP_MAX)
        percent = round(TEXT_STEP_FACTOR**step * 100)
        said = f"Text size {percent}% (Ctrl+0: normal)"
        return _said(state._replace(text_step=step, info_scroll=0), said)
    if isinstance(msg, TogglePresentation):
        on = not state.presentation
        said = "Presentation mode: P or Esc to leave" if on else "Presentation mode off"
        return _said(state._replace(presentation=on), said)
    if isinstance(msg, ToggleFullscreen):
        on = not state.fullscreen
        said = "Fullscreen: F11 or Esc to leave" if on else "Fullscreen off"
        return _said(state._replace(fullscreen=on), said)
    if isinstance(msg, Blank):
        return state._replace(blank=msg.color)
    if isinstance(msg, Unblank):
        return state._replace(blank=None)
    if isinstance(msg, Escape):
        return _escape(state)
    if isinstance(msg, Quit):
        return state._replace(quit=True)
    if isinstance(msg, Hover):
        if msg.target == state.hover:
            return state
        if isinstance(msg.target, MenuItem):
            # The pointer and the arrow keys move one highlight.
            return state._replace(hover=msg.target, menu_focus=msg.target.index)
        return state._replace(hover=msg.target)
    if isinstance(msg, ScrollTabs):
        last = len(state.sequences) - 1
        return state._replace(tab_scroll=_clamp(state.tab_scroll + msg.delta, 0, last))
    if isinstance(msg, SetTimelineView):
        zoom, start = timeline_view(msg.zoom, msg.start)
        return state._replace(timeline_zoom=zoom, timeline_start=start, timeline_follow=False)
    if isinstance(msg, ScrollInfo):
        return state._replace(info_scroll=_clamp(state.info_scroll + msg.delta, 0, msg.limit))
    if isinstance(msg, ScrollPicker):
        # The layout knows how many pages there are and clamps when it draws.
        return state._replace(picker_page=max(0, state.picker_page + msg.delta))
    if isinstance(msg, RequestExport | ExportProgress | ExportFinished | ToastClicked):
        return _apply_export(state, msg)
    if isinstance(msg, ShowToast):
        return state._replace(toast=Toast(msg.message, TOAST_MS, msg.failed))
    if isinstance(msg, FileErrors):
        if msg.lines == state.errors:
            return state
        return state._replace(errors=tuple(msg.lines), errors_folded=False)
    if isinstance(msg, FoldErrors):
        return state._replace(errors_folded=not state.errors_folded)
    if isinstance(msg, ReplaceSequences):
        return _replace_sequences(state, msg.sequences)
    if isinstance(msg, Compare | CompareWith | LeaveComparison | ShowDoll):
        return _apply_compare(state, msg)
    raise TypeError(f"not a window message: {msg!r}")


def _escape(state: State) -> State:
    """Esc undoes the innermost thing: a list's filter, an overlay, the comparison, the
    unfolded errors, fullscreen, presentation mode, in that order."""
    if state.picker_open and state.picker_filter:
        return state._replace(picker_filter="", picker_page=0)
    if state.overlay_open:
        return _closed_overlays(state)
    if state.compare is not None:
        return state._replace(compare=None)
    if state.errors and not state.errors_folded:
        return state._replace(errors_folded=True)
    if state.fullscreen:
        return state._replace(fullscreen=False)
    if state.presentation:
        return state._replace(presentation=False)
    return state


def _apply_compare(state: State, msg: Compare | CompareWith | LeaveComparison | ShowDoll) -> State:
    """The comparison: opened with the next set, stepped through the others, left."""
    if isinstance(msg, LeaveComparison):
        return state._replace(compare=None)
    if isinstance(msg, CompareWith):
        if msg.index == state.index or not 0 <= msg.index < len(state.sequences):
            return state
        return state._replace(compare=msg.index)
    if isinstance(msg, ShowDoll):
        if not 0 <= msg.index < len(state.sequences):
            return state
        s = state._replace(compare=None)
        if msg.index != state.index:
            s = _switch(s, msg.index)
        return _go(s, msg.depth)
    n = len(state.sequences)
    if n < 2:
        return _said(state, "Only one set is open: there is nothing to compare it with")
    step = 1 if msg.delta >= 0 else -1
    other = (state.index if state.compare is None else state.compare) + step
    if other % n == state.index:
        other += step
    return state._replace(
        compare=other % n, help_open=False, about_open=False, picker_open=False, hover=None
    )


def _replace_sequences(state: State, sequences: tuple[Sequence, ...]) -> State:
    """Keep the same sequence (by id) and the same doll (by id) when they still exist."""
    if not sequences or any(not s.dolls for s in sequences):
        return state
    old = state.sequence
    current_id = old.dolls[state.shown_depth].id
    index = next((i for i, s in enumerate(sequences) if s.id == old.id), None)
    if index is None:
        return _switch(state._replace(sequences=sequences, index=0, tab_scroll=0, compare=None), 0)
    seq = sequences[index]
    compare = None
    if state.compared is not None:
        wanted = state.compared.id
        compare = next((i for i, s in enumerate(sequences) if s.id == wanted and i != index), None)
    depth = next((i for i, d in enumerate(seq.dolls) if d.id == current_id), 0)
    depth = min(depth, len(seq.dolls) - 1)
    return state._replace(
        sequences=sequences,
        index=index,
        depth=depth,
        target=depth,
        motion=None,
        wobble_ms=0,
        picker_open=False,
        tab_scroll=min(state.tab_scroll, len(sequences) - 1),
        hover=None,
        generation=state.generation + 1,
        compare=compare,
    )


def _settle(state: State) -> State:
    """Point the current motion at the target; with reduced motion, arrive at once."""
    if state.reduced_motion:
        if state.motion is None and state.depth == state.target and state.wobble_ms == 0:
            return state
        return state._replace(depth=state.target, motion=None, wobble_ms=0)
    m = state.motion
    if m is None:
        # Start moving at once, so the very next frame already shows the doll opening.
        return _start_motion(state) if state.depth != state.target else state
    # Turn round a doll that is moving away from where the user now wants to go.
    if m.direction > 0 and state.target <= m.doll:
        return state._replace(motion=m._replace(direction=-1))
    if m.direction < 0 and state.target >= m.doll + 1:
        return state._replace(motion=m._replace(direction=1))
    return state


# --- tick -----------------------------------------------------------------------------


def tick(state: State, dt_ms: int) -> State:
    """The state ``dt_ms`` milliseconds later: motions advance, wobbles and toasts fade."""
    dt_ms = max(0, int(dt_ms))
    s = state
    if s.wobble_ms:
        s = s._replace(wobble_ms=max(0, s.wobble_ms - dt_ms))
    if s.toast is not None:
        left = s.toast.remaining_ms - dt_ms
        s = s._replace(toast=s.toast._replace(remaining_ms=left) if left > 0 else None)
    s = _advance(s, dt_ms)
    if s.picker_open and s.shells == 0:
        # The last shell closed while its list was open: nothing is left to list.
        s = s._replace(picker_open=False)
    return s


def _step_ms(remaining_steps: int) -> int:
    return OPEN_MS if remaining_steps <= 1 else CHAIN_MS


def _start_motion(state: State) -> State:
    """Begin the next step towards the target, jumping ahead when the run is long."""
    depth, target = state.depth, state.target
    if abs(target - depth) > MAX_CHAINED_STEPS:
        depth = target - MAX_CHAINED_STEPS if target > depth else target + MAX_CHAINED_STEPS
    remaining = abs(target - depth)
    step = _step_ms(remaining)
    if target > depth:
        motion = Motion(doll=depth, t_ms=0, step_ms=step, direction=1)
    else:
        motion = Motion(doll=depth - 1, t_ms=step, step_ms=step, direction=-1)
    return state._replace(depth=motion.doll, motion=motion)


def _advance(state: State, dt_ms: int) -> State:
    s = state
    if s.reduced_motion:
        return s._replace(depth=s.target, motion=None) if s.motion or s.depth != s.target else s
    budget = dt_ms
    # A loop rather than one step: a long frame can finish one opening and start the next,
    # and the time left over carries into it so a run of openings keeps an even pace.
    for _ in range(s.count + 2):
        if s.motion is None:
            if s.depth == s.target:
                return s
            s = _start_motion(s)
        m = s.motion
        assert m is not None
        if budget <= 0:
            return s
        if m.direction > 0:
            t = m.t_ms + budget
            if t < m.step_ms:
                return s._replace(motion=m._replace(t_ms=t))
            budget = t - m.step_ms
            s = s._replace(depth=m.doll + 1, motion=None)
        else:
            t = m.t_ms - budget
            if t > 0:
                return s._replace(motion=m._replace(t_ms=t))
            budget = -t
            s = s._replace(depth=m.doll, motion=None)
    return s


# --- checks ---------------------------------------------------------------------------


def problems(state: State) -> list[str]:
    """Every way ``state`` breaks the window's rules (empty when it is sound).

    Used by tests after every message; cheap enough to call on each frame.
    """
    out: list[str] = []
    if not 0 <= state.index < len(state.sequences):
        out.append(f"index {state.index} outside 0..{len(state.sequences) - 1}")
        return out
    core = state.core
    if not 0 <= state.depth <= core:
        out.append(f"depth {state.depth} outside 0..{core}")
    if not 0 <= state.target <= core:
        out.append(f"target {state.target} outside 0..{core}")
    m = state.motion
    if m is not None:
        if not 0 <= m.doll < core:
            out.append(f"moving doll {m.doll} outside 0..{core - 1}")
        if m.doll != state.depth:
            out.append(f"moving doll {m.doll} is not the depth {state.depth}")
        if not 0 <= m.t_ms <= m.step_ms or m.step_ms <= 0:
            out.append(f"motion time {m.t_ms} outside 0..{m.step_ms}")
        if state.reduced_motion:
            out.append("a motion runs with reduced motion on")
    if state.wobble_ms < 0:
        out.append("negative wobble")
    if not TEXT_STEP_MIN <= state.text_step <= TEXT_STEP_MAX:
        out.append(f"text step {state.text_step} out of range")
    if (state.timeline_zoom, state.timeline_start) != timeline_view(
        state.timeline_zoom, state.timeline_start
    ):
        out.append("timeline view out of bounds")
    if not 0 <= state.tab_scroll < len(state.sequences):
        out.append(f"tab scroll {state.tab_scroll} out of range")
    if sum((state.help_open, state.about_open, state.picker_open, state.export_menu_open)) > 1:
        out.append("two overlays open at once")
    if state.picker_open and state.shells == 0:
        out.append("shelf list open with an empty shelf")
    if state.compare is not None and not (
        0 <= state.compare < len(state.sequences) and state.compare != state.index
    ):
        out.append(f"compared with {state.compare}, not another loaded set")
    return out
