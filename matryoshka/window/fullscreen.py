"""Fullscreen and back: the window comes back at the size and place it had.

A fullscreen mode at the desktop's size (``set_mode((0, 0), FULLSCREEN)``) works with or
without a window manager (Xvfb, kiosks), where the window's own fullscreen flag needs one
to honour it. Going back, the window is made again at its remembered size and moved to
its remembered place.
"""

from __future__ import annotations

import contextlib
import warnings
from typing import Any

from matryoshka.pgcompat import pygame


def sdl_window() -> Any:
    """The SDL window behind the display surface (pygame-ce warns that this bridge is old)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return pygame.Window.from_display_module()


def window_position() -> tuple[int, int] | None:
    """Where the window's top left corner is on the desktop, when the system says."""
    with contextlib.suppress(pygame.error, AttributeError, TypeError):
        x, y = sdl_window().position
        return int(x), int(y)
    return None


class Fullscreen:
    """Whether the display fills the screen, and the window to come back to.

    Args:
        size: the window's size now.
    """

    def __init__(self, size: tuple[int, int]) -> None:
        self.on = False
        #: The window's size and place to restore when leaving fullscreen.
        self.windowed_size = size
        self.windowed_position: tuple[int, int] | None = None

    def resized(self, size: tuple[int, int]) -> None:
        """The window was resized (by the user or the system)."""
        if not self.on:
            self.windowed_size = size

    def switch(self, want: bool) -> bool:
        """Fill the screen (``want``) or go back to the window; False if the system refused.

        The caller takes the new display surface from ``pygame.display.get_surface()``.
        """
        if want == self.on:
            return True
        try:
            if want:
                self.windowed_position = window_position()
                pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            else:
                pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
                self._move_back()
        except pygame.error:
            return False
        self.on = want
        return True

    def _move_back(self) -> None:
        if self.windowed_position is None:
            return
        with contextlib.suppress(pygame.error, AttributeError, TypeError):
            sdl_window().position = self.windowed_position
