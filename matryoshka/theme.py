"""The program's colours, shared by the window and the exported pictures (pure)."""

from __future__ import annotations

RGB = tuple[int, int, int]

#: Warm paper background behind the dolls.
BACKGROUND: RGB = (246, 236, 216)
#: A slightly darker band for the shelf and panels.
PANEL: RGB = (236, 222, 196)
SHELF_WOOD: RGB = (150, 104, 62)
INK: RGB = (46, 34, 26)
INK_SOFT: RGB = (110, 92, 76)
ACCENT: RGB = (176, 40, 36)
HIGHLIGHT: RGB = (255, 214, 120)
#: A lighter paper for the active tab and the panels' insides.
PAPER: RGB = (252, 247, 236)
#: Lines around panels and tabs.
RULE: RGB = (214, 196, 164)
#: Text on dark or accent backgrounds.
ON_DARK: RGB = (252, 247, 236)
#: The toast's background.
TOAST: RGB = (58, 44, 34)
#: The veil behind an overlay, with its opacity (0-255).
VEIL: RGB = (40, 28, 18)
VEIL_ALPHA = 150
#: Floor shadow under a standing doll, with its opacity.
SHADOW: RGB = (90, 60, 30)
SHADOW_ALPHA = 60


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """The colour ``t`` of the way from ``a`` to ``b``."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def luminance(c: RGB) -> float:
    """Perceived brightness of ``c``, 0 to 255."""
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]
