"""Where the pieces of a doll are while it opens: pure geometry, no pygame.

A doll opens in four overlapping movements, all driven by one progress value ``t``
from 0 (closed, standing in the centre) to 1 (the next doll stands in the centre, the
opened shell sits on the shelf):

1. ``LIFT``: the top half lifts and moves aside (towards the shelf), uncovering the doll
   inside.
2. ``RISE``: the inner doll rises in the bottom half.
3. ``FOLLOW``: the bottom half follows the lid aside, dropping a little, so the inner doll
   stands free.
4. ``SETTLE``: both halves shrink onto their shelf slot while the inner doll moves down to
   the floor and grows to full size.

Closing is the same pose with ``t`` running back from 1 to 0. The window and the
animated export both draw these poses, so an exported animation moves as the window does.
The doll at rest leaves room above it for the lid and the rising inner doll, so no piece
ever leaves the stage.
"""

from __future__ import annotations

from dataclasses import dataclass

from matryoshka.geometry import Rect
from matryoshka.stage.easing import in_out_cubic, out_cubic

#: Height of the inner doll relative to the doll it stands in.
INNER_RATIO = 0.78
#: Thickness of a shell's floor, as a fraction of its height.
FLOOR = 0.035
#: Fraction of ``t`` each movement occupies: (start, end).
LIFT = (0.0, 0.3)
RISE = (0.16, 0.52)
FOLLOW = (0.32, 0.64)
SETTLE = (0.52, 1.0)
#: How far the halves move aside, in doll widths.
ASIDE = 0.95
#: How high the lid lifts, how far the inner doll's foot rises and how far the bottom half
#: drops while moving aside, as fractions of the doll's height.
LID_LIFT = 0.12
INNER_FOOT = 0.62
BOTTOM_DROP = 0.08
#: Height of the doll at rest as a fraction of the stage: the rest is headroom for the
#: lifted lid and the rising inner doll.
REST_FILL = 0.84
#: How long one doll takes to open (or close), in milliseconds, in the window and in
#: animated exports alike.
OPEN_MS = 750
#: The pose shown by ``--open`` exports: the lid lifted aside, the inner doll inside.
OPEN_STILL_T = 0.3


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


def rest_placement(stage: Rect, aspect: float) -> Placement:
    """The doll in front of the user: as tall as fits, centred, standing on the floor.

    ``aspect`` is the doll's width divided by its height (from the painter).
    """
    # Wide enough that the lid, moved aside, clears the inner doll within the stage.
    height = min(stage.h * REST_FILL, stage.w / (2 * (ASIDE + 0.5) * aspect))
    top = stage.bottom - height - stage.h * 0.02
    return Placement(stage.centerx, top, height)


def shelf_placement(slot: Rect, aspect: float) -> Placement:
    """A closed shell standing in its shelf slot."""
    height = min(slot.h, slot.w / aspect)
    return Placement(slot.centerx, slot.bottom - height, height)


def opening_pose(
    t: float,
    rest: Placement,
    slot: Placement,
    aspect: float,
    *,
    stage: Rect | None = None,
) -> OpeningPose:
    """The pose at progress ``t`` of the doll at ``rest`` opening onto shelf ``slot``.

    Args:
        t: progress, 0 closed to 1 fully opened (clamped).
        rest: where the doll stands closed (``rest_placement``).
        slot: where its shell ends on the shelf (``shelf_placement``).
        aspect: the doll's width divided by its height.
        stage: when given, the halves move aside no further than its edge, so a narrow
            window never cuts them off.
    """
    t = 0.0 if t < 0 else 1.0 if t > 1 else t
    h = rest.height
    w = aspect * h
    lift = out_cubic(_phase(t, LIFT))
    rise = in_out_cubic(_phase(t, RISE))
    follow = in_out_cubic(_phase(t, FOLLOW))
    settle = in_out_cubic(_phase(t, SETTLE))
    # Halves go aside towards the shelf slot, so the settle is a short, direct move.
    side = -1.0 if slot.cx <= rest.cx else 1.0
    aside = ASIDE * w
    if stage is not None:
        room = (rest.cx - stage.x) if side < 0 else (stage.right - rest.cx)
        aside = max(0.0, min(aside, room - w / 2))

    # 1. The lid rises and moves aside, far enough to clear the inner doll's head.
    lid_cx = rest.cx + side * lift * aside
    lid_top = rest.top - lift * h * LID_LIFT
    # 3. The bottom half follows it, dropping a little below the rising inner doll.
    base_cx = rest.cx + side * follow * aside
    base_top = rest.top + follow * h * BOTTOM_DROP
    # 4. ...and then both halves settle onto the shelf as one small shell.
    top = Placement(
        _lerp(lid_cx, slot.cx, settle),
        _lerp(lid_top, slot.top, settle),
        _lerp(h, slot.height, settle),
    )
    bottom = Placement(
        _lerp(base_cx, slot.cx, settle),
        _lerp(base_top, slot.top, settle),
        _lerp(h, slot.height, settle),
    )

    # 2. The inner doll starts standing on the shell's floor and rises in it...
    inner_h0 = h * INNER_RATIO
    floor_y = rest.bottom - h * FLOOR
    risen_bottom = _lerp(floor_y, rest.top + h * INNER_FOOT, rise)
    # 4. ...then moves down to the stage floor and grows to full size.
    inner_h = _lerp(inner_h0, h, settle)
    inner_bottom = _lerp(risen_bottom, rest.bottom, settle)
    inner = Placement(rest.cx, inner_bottom - inner_h, inner_h)
    return OpeningPose(top=top, bottom=bottom, inner=inner, inner_inside=follow < 1.0)
