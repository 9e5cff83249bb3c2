"""The timeline strip under the pointer: a press that clicks a bar or drags the view.

A press on the strip is a click on its bar when released where it started, and a drag
that moves the strip's view of the years otherwise. Pure: it reads the layout and
returns messages, so tests drive it with positions and no display.
"""

from __future__ import annotations

from matryoshka.window.components.timeline_strip import pan_by
from matryoshka.window.layout import Layout, hit_test
from matryoshka.window.state import GoTo, Message, SetTimelineView, State, TimelineBar

#: A press that moves less than this many pixels is a click, not a drag.
DRAG_THRESHOLD = 4


class TimelineDrag:
    """Follows one press of the left button on the timeline strip."""

    def __init__(self) -> None:
        self._start: tuple[int, int] | None = None
        self._view = (1.0, 0.0)
        self._moved = False

    @property
    def dragging(self) -> bool:
        """True while the view follows the pointer."""
        return self._start is not None and self._moved

    def press(self, state: State, layout: Layout, pos: tuple[int, int]) -> bool:
        """A press at ``pos``: True when it is on the strip (this follows it from now on)."""
        strip = layout.timeline
        if strip is None or state.overlay_open or not strip.rect.contains(pos):
            return False
        self._start, self._view, self._moved = pos, (strip.zoom, strip.start), False
        return True

    def move(self, layout: Layout, pos: tuple[int, int], held: bool) -> Message | None:
        """The pointer moved to ``pos`` (``held``: the button is still down)."""
        if self._start is None:
            return None
        if not held:  # released outside the window
            self._start = None
            return None
        dx = pos[0] - self._start[0]
        if not self._moved and abs(dx) < DRAG_THRESHOLD:
            return None
        self._moved = True
        strip = layout.timeline
        if strip is None:
            return None
        return SetTimelineView(*pan_by(*self._view, -dx / strip.width))

    def release(self, layout: Layout) -> Message | None:
        """The button came up: a click on the bar pressed, unless the press was a drag."""
        start, moved = self._start, self._moved
        self._start = None
        if start is None or moved:
            return None
        target = hit_test(layout, start)
        return GoTo(target.depth) if isinstance(target, TimelineBar) else None


def follow(state: State, layout: Layout) -> Message | None:
    """Keep the state's view of the timeline where the layout moved it (to show the doll
    in front), so the next zoom or drag starts from what is on screen."""
    strip = layout.timeline
    if strip is None or not state.timeline_follow:
        return None
    return SetTimelineView(strip.zoom, strip.start)
