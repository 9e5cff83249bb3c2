"""Easing curves: each maps progress 0..1 to 0..1 and is a pure function.

The window and the animated export use the same curves, so an exported animation moves
the way the window does.
"""

from __future__ import annotations

import math
from collections.abc import Callable

Easing = Callable[[float], float]


def _clamp(t: float) -> float:
    return 0.0 if t <= 0.0 else 1.0 if t >= 1.0 else t


def linear(t: float) -> float:
    return _clamp(t)


def in_out_cubic(t: float) -> float:
    t = _clamp(t)
    return 4 * t * t * t if t < 0.5 else 1 - (-2 * t + 2) ** 3 / 2


def out_cubic(t: float) -> float:
    t = _clamp(t)
    return 1 - (1 - t) ** 3


def in_out_sine(t: float) -> float:
    t = _clamp(t)
    return -(math.cos(math.pi * t) - 1) / 2


def out_back(t: float) -> float:
    """Overshoots a little past 1 before settling: a lid that bounces."""
    t = _clamp(t)
    c1 = 1.70158
    c3 = c1 + 1
    return 1 + c3 * (t - 1) ** 3 + c1 * (t - 1) ** 2


EASINGS: dict[str, Easing] = {
    "linear": linear,
    "in_out_cubic": in_out_cubic,
    "out_cubic": out_cubic,
    "in_out_sine": in_out_sine,
    "out_back": out_back,
}
