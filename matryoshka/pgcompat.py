"""Import pygame-ce, quietly, and refuse plain pygame.

Every module that draws imports pygame through here: ``from matryoshka.pgcompat import
pygame``. pygame and pygame-ce install into the same folder; with the wrong one the
program would fail later in confusing ways, so it stops here with a clear message.
"""

from __future__ import annotations

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

if not getattr(pygame, "IS_CE", False):
    raise ImportError(
        "matryoshka needs pygame-ce, but plain pygame is installed in its place: "
        "run 'pip uninstall pygame pygame-ce' then 'pip install pygame-ce'"
    )

__all__ = ["pygame"]
