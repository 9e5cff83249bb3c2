"""Easing curves: each maps progress 0..1 to 0..1 and is a pure function.

The window and the animated export use the same curves, so an exported animation moves
the way the window does.
"""

from __future__ import annotations


def _clamp(t: float) -> float:
    return 0.0 if t <= 0.0 else 1.0 if t >= 1.0 else t


def in_out_cubic(t: float) -> float:
    """Slow, quick, slow: a piece that starts and ends at rest."""
    t = _clamp(t)
    return 4 * t * t * t if t < 0.5 else 1 - (-2 * t + 2) ** 3 / 2


def out_cubic(t: float) -> float:
    """Quick, then slowing: a piece that is let go and settles."""
    t = _clamp(t)
    return 1 - (1 - t) ** 3
