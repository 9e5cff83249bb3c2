"""How much memory the window keeps, and giving back what it no longer uses.

The painter's cache is capped for the window's size (``painter_cache_limit``). And the
window allocates and frees many large pixel buffers (dolls painted at new sizes,
panels, frames of an export). With glibc's default policy a freed buffer stays in the
process's heap, which then only grows: a session that went through many window sizes
and text sizes held 70 to 100 MB it no longer used. Two settings fix that, both
no-ops elsewhere (macOS, Windows, musl):

- buffers of ``MMAP_THRESHOLD`` bytes and more get pages of their own, which go back to
  the system as soon as they are freed (glibc otherwise raises this threshold as the
  program runs, and large buffers end up in the heap after all);
- when the window goes idle, ``release_freed_memory`` hands back what the heap holds
  free, at most every ``RELEASE_EVERY_S`` seconds.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from matryoshka import painter

#: Buffers this large or larger are mapped on their own (a doll of about 200x300 px).
MMAP_THRESHOLD = 256 * 1024
#: glibc's mallopt parameter number for the threshold.
_M_MMAP_THRESHOLD = -3
#: The shortest time between two releases (each takes a few milliseconds).
RELEASE_EVERY_S = 2.0


#: The painter's cache must hold what the window paints ahead (every part of the dolls
#: around the one shown, at their shown sizes) with room to spare, or frames of an opening
#: paint cold. Measured, that is 1.7 to 2.7 times the bytes of the window's framebuffer
#: up to 2560x1440 (within the painter's default cap), 3.2 times at 3840x2160 (about
#: 100 MiB) and 3.8 times at 5120x2880, as the dolls grow with the window's height while
#: the furniture does not. A cap of this many framebuffers keeps it twice over up to 4K.
CACHE_FRAMEBUFFERS = 7


def painter_cache_limit(size: tuple[int, int], base: int | None = None) -> int:
    """The painter cache cap a window of ``size`` needs: ``base`` or more, never less.

    ``base`` defaults to the painter's ``DEFAULT_CACHE_BYTES``; a large window raises the
    cap to ``CACHE_FRAMEBUFFERS`` times the bytes of its framebuffer.
    """
    floor = painter.DEFAULT_CACHE_BYTES if base is None else base
    w, h = max(0, size[0]), max(0, size[1])
    return max(floor, CACHE_FRAMEBUFFERS * w * h * 4)


#: The cap a window last gave the painter's cache, and the cap it found before: a later
#: window in the same process (tests open many) starts from the latter, not from a cap
#: an earlier large window raised.
_window_cache_limit: tuple[int, int] | None = None


def _base_cache_limit() -> int:
    limit = painter.cache_info().limit
    if _window_cache_limit is not None and _window_cache_limit[0] == limit:
        return _window_cache_limit[1]
    return limit


def _glibc() -> Any:
    """The C library with glibc's allocator controls, or None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # only here: a few milliseconds the first frame need not wait for

    try:
        libc = ctypes.CDLL("libc.so.6")  # glibc's name on every Linux that has it
        libc.mallopt  # noqa: B018 -- present only in glibc
        libc.malloc_trim  # noqa: B018
    except (OSError, AttributeError):
        return None
    return libc


class WindowMemory:
    """One window's memory policy: the painter's cap for its size, the allocator's settings."""

    def __init__(self) -> None:
        #: The cap found at start (the painter's default unless the embedding program set
        #: one): the window raises it for large sizes, never below this.
        self._base_limit = _base_cache_limit()
        self._fitted_for = (0, 0)
        #: glibc, once looked up (at the first settling, after the first frame).
        self._libc: Any = None
        self._looked_up = False
        self._last_release = 0.0

    def fit(self, size: tuple[int, int]) -> None:
        """Cap the painter's cache for a window of ``size`` (when the size changed)."""
        global _window_cache_limit
        if size == self._fitted_for:
            return
        self._fitted_for = size
        limit = painter_cache_limit(size, self._base_limit)
        painter.set_cache_limit(limit)
        _window_cache_limit = (limit, self._base_limit)

    def settled(self) -> bool:
        """The window has nothing left to do: give the heap's free memory back to the
        system, unless that was done just now.

        Returns whether it was done.
        """
        if not self._looked_up:
            self._looked_up = True
            self._libc = _glibc()
            if self._libc is not None:
                self._libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
        now = time.monotonic()
        if self._libc is None or now - self._last_release < RELEASE_EVERY_S:
            return False
        self._last_release = now
        self._libc.malloc_trim(0)
        return True
