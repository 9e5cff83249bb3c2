"""The program's colours, shared by the window and the exported pictures."""

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
