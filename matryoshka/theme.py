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
