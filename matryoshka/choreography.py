"""Where the pieces of a doll are while it opens: pure geometry, no pygame.

A doll opens in three overlapping movements, all driven by one progress value ``t``
from 0 (closed, standing in the centre) to 1 (the next doll stands in the centre, the
opened shell sits on the shelf):

1. ``LIFT``: the top half lifts and moves aside, uncovering the doll inside.
2. ``RISE``: the inner doll rises out of the bottom half.
3. ``SETTLE``: both halves shrink onto their shelf slot while the inner doll moves to
   the centre and grows to full size.

Closing is the same pose with ``t`` running back from 1 to 0. The window and the
animated export both draw these poses, so an exported animation moves as the window does.
"""

from __future__ import annotations

from dataclasses import dataclass

from matryoshka.easing import in_out_cubic, out_cubic

#: Height of the inner doll relative to the doll it stands in.
INNER_RATIO = 0.78
#: Thickness of a shell's floor, as a fraction of its height.
FLOOR = 0.035
#: Fraction of ``t`` each movement occupies: (start, end).
LIFT = (0.0, 0.32)
RISE = (0.22, 0.55)
SETTLE = (0.45, 1.0)
#: How long one doll takes to open (or close), in milliseconds, in the window and in
#: animated exports alike.
OPEN_MS = 750
#: The pose shown by ``--open`` exports: the lid lifted aside, the inner doll inside.
OPEN_STILL_T = 0.3


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in pixels (floats; round when drawing)."""

    left: float
    top: float
    width: float
    height: float

    @property
    def centerx(self) -> float:
        return self.left + self.width / 2

    @property
    def bottom(self) -> float:
        return self.top + self.height


@dataclass(frozen=True)
class Placement:
    """Where a whole doll of ``height`` would stand: centre x and top y.

    Halves are drawn at the place they occupy in that whole doll.
    """

    cx: float
    top: float
    height: float

    @property
    def bottom(self) -> float:
        return self.top + self.height


@dataclass(frozen=True)
class OpeningPose:
    """One frame of the opening of a doll."""

    top: Placement
    bottom: Placement
    inner: Placement
    #: While True the inner doll is still inside the bottom half: draw the bottom
    #: half's interior, then the inner doll, then the bottom half's front over it.
    inner_inside: bool


def _phase(t: float, span: tuple[float, float]) -> float:
    a, b = span
    if t <= a:
        return 0.0
    if t >= b:
        return 1.0
    return (t - a) / (b - a)


def _lerp(a: float, b: float, u: float) -> float:
    return a + (b - a) * u


def rest_placement(stage: Box, aspect: float) -> Placement:
    """The doll in front of the user: as tall as fits, centred, standing on the floor.

    ``aspect`` is the doll's width divided by its height (from the painter).
    """
    height = min(stage.height * 0.92, stage.width * 0.9 / aspect)
    top = stage.bottom - height - stage.height * 0.03
    return Placement(stage.centerx, top, height)


def shelf_placement(slot: Box, aspect: float) -> Placement:
    """A closed shell standing in its shelf slot."""
    height = min(slot.height, slot.width / aspect)
    return Placement(slot.centerx, slot.bottom - height, height)


def opening_pose(t: float, rest: Placement, slot: Placement, aspect: float) -> OpeningPose:
    """The pose at progress ``t`` of the doll at ``rest`` opening onto shelf ``slot``.

    Args:
        t: progress, 0 closed to 1 fully opened (clamped).
        rest: where the doll stands closed (``rest_placement``).
        slot: where its shell ends on the shelf (``shelf_placement``).
        aspect: the doll's width divided by its height.
    """
    t = 0.0 if t < 0 else 1.0 if t > 1 else t
    h = rest.height
    lift = out_cubic(_phase(t, LIFT))
    rise = in_out_cubic(_phase(t, RISE))
    settle = in_out_cubic(_phase(t, SETTLE))

    # 1. The lid rises and moves aside, far enough to clear the inner doll's head.
    lid_cx = rest.cx + lift * aspect * h * 0.95
    lid_top = rest.top - lift * h * 0.16
    # 3. ...and then both halves settle onto the shelf as one small shell.
    top = Placement(
        _lerp(lid_cx, slot.cx, settle),
        _lerp(lid_top, slot.top, settle),
        _lerp(h, slot.height, settle),
    )
    bottom = Placement(
        _lerp(rest.cx, slot.cx, settle),
        _lerp(rest.top, slot.top, settle),
        _lerp(h, slot.height, settle),
    )

    # 2. The inner doll starts standing on the shell's floor and rises out of it...
    inner_h0 = h * INNER_RATIO
    floor_y = rest.bottom - h * FLOOR
    risen_bottom = _lerp(floor_y, rest.top + h * 0.52, rise)
    # 3. ...then moves down to the stage floor and grows to full size.
    inner_h = _lerp(inner_h0, h, settle)
    inner_bottom = _lerp(risen_bottom, rest.bottom, settle)
    inner = Placement(rest.cx, inner_bottom - inner_h, inner_h)
    return OpeningPose(top=top, bottom=bottom, inner=inner, inner_inside=rise < 1.0)
