"""Surfaces kept for reuse, bounded by the bytes they hold rather than by their number.

A count alone does not bound memory: twelve info panels are 2 MB in a small window and
40 MB in a full-HD one with large text. Every cache of drawn pieces (lines of text,
panels, glows) keeps its surfaces here, so a long session in a large window stays within
a known budget whatever sizes it went through.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

from matryoshka.pgcompat import pygame

K = TypeVar("K", bound=Hashable)


def surface_bytes(surface: pygame.Surface) -> int:
    """The pixel memory ``surface`` holds."""
    return surface.get_pitch() * surface.get_height()


class SurfaceKeep(Generic[K]):
    """The most recently used surfaces, the oldest dropped once they pass ``limit`` bytes.

    A surface larger than the whole budget is handed back but not kept.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.bytes = 0
        self._items: OrderedDict[K, pygame.Surface] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: K) -> pygame.Surface | None:
        """The surface kept under ``key`` (now the most recently used), or None."""
        surface = self._items.get(key)
        if surface is not None:
            self._items.move_to_end(key)
        return surface

    def put(self, key: K, surface: pygame.Surface) -> pygame.Surface:
        """Keep ``surface`` under ``key`` (within the budget); returns it."""
        old = self._items.pop(key, None)
        if old is not None:
            self.bytes -= surface_bytes(old)
        size = surface_bytes(surface)
        if size > self.limit:
            return surface
        self._items[key] = surface
        self.bytes += size
        while self.bytes > self.limit:
            _, dropped = self._items.popitem(last=False)
            self.bytes -= surface_bytes(dropped)
        return surface

    def clear(self) -> None:
        """Drop every surface."""
        self._items.clear()
        self.bytes = 0
