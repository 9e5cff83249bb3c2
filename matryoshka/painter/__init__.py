"""Paint one doll, or one part of it, onto a transparent surface at any height.

This is the one place that knows what a doll looks like. The window, the export and the
tests all call ``paint``; results are kept in a least-recently-used cache keyed by
(doll, part, height) and capped in bytes (``set_cache_limit``).

Parts:
    ``whole``        the closed doll.
    ``top``          the top half (head and shoulders), cut at the waist, with a thin
                     wooden lip along its cut edge.
    ``bottom``       the bottom half, with the wooden rim of its near wall. ``top`` and
                     ``bottom`` together cover exactly the pixels of ``whole``, with no
                     overlap.
    ``bottom_back``  the opening of the bottom half seen from above: its wooden rim and
                     hollow inside. Drawn behind a doll standing inside the bottom half
                     (then that doll, then ``bottom`` in front of it).

Every part surface is ``doll_width(height)`` wide; place it at
``(left, top_of_whole_doll + part_offset(part, height))``.

Which call to use:
    ``paint``         exact pixels, painted once per (doll, part, height) and cached.
                      Use it for dolls at rest, for exports and for anything compared
                      pixel by pixel. A cold paint takes under 10 ms at 512 px and
                      about a tenth of a second at 2048 px.
    ``paint_scaled``  for frames where a doll changes size continuously (the opening
                      animation): returns the exact painting when cached, otherwise a
                      fast scale of a cached painting of a nearby height (painting one
                      at a standard height first if needed). It never fills the cache
                      with one painting per animation frame.
    ``restore``       puts a painting ``keep`` stored on disk in an earlier run into the
                      cache (the window does this for the doll of its first frame).
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from matryoshka.format.model import Doll, picture_files
from matryoshka.geometry import ASPECT
from matryoshka.painter import regions as _regions
from matryoshka.painter import render as _render
from matryoshka.pgcompat import pygame
from matryoshka.records import Record

Part = Literal["whole", "top", "bottom", "bottom_back"]
PARTS: tuple[Part, ...] = ("whole", "top", "bottom", "bottom_back")

#: The waist (where the doll splits), as a fraction of the height from the top. The cut
#: follows the front of the rim, so it dips a little below this line in the middle.
WAIST = _regions.WAIST
MIN_HEIGHT = 8
MAX_HEIGHT = 8192
#: Default cap on the bytes of cached paintings. What the window paints ahead for its
#: next move (every part of the dolls around the one on screen, at their shown sizes)
#: takes about 8 MiB at 1280x800, 15 MiB at 1920x1080 and 35 MiB at 2560x1440; this
#: holds that with room to spare, so no frame repaints, and keeps a session that clicks
#: through hundreds of dolls well under 250 MB. (A 3840x2160 window paints about
#: 100 MiB ahead: the window raises the cap for large sizes with ``set_cache_limit``.)
DEFAULT_CACHE_BYTES = 64 * 1024 * 1024


def doll_width(height: int) -> int:
    """Width in pixels of a doll (and of each of its parts) painted ``height`` tall."""
    return _render.doll_width(height)


def part_offset(part: Part, height: int) -> int:
    """Where the part's surface goes, in pixels below the top of the whole doll."""
    if part in ("whole", "top"):
        return 0
    k = _render.cut(height)
    return k.bottom_top if part == "bottom" else k.back_top


def part_size(part: Part, height: int) -> tuple[int, int]:
    """Width and height in pixels of the surface ``paint(doll, part, height)`` returns."""
    w = doll_width(height)
    if part == "whole":
        return (w, height)
    k = _render.cut(height)
    if part == "top":
        return (w, k.top_height)
    if part == "bottom":
        return (w, height - k.bottom_top)
    return (w, k.back_height)


# --- The cache ----------------------------------------------------------------------


class CacheInfo(Record):
    """What the painting cache holds."""

    entries: int
    bytes: int
    limit: int
    hits: int
    misses: int


_Key = tuple[Doll, Part, int]


class _SurfaceCache:
    """Least-recently-used surfaces, evicted once their bytes pass ``limit``."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.items: OrderedDict[_Key, pygame.Surface] = OrderedDict()
        #: Cached heights per (doll, part), for ``paint_scaled``'s nearest match.
        self.heights: dict[tuple[Doll, str], set[int]] = {}
        self.bytes = 0
        self.hits = 0
        self.misses = 0

    @staticmethod
    def size_of(surf: pygame.Surface) -> int:
        return surf.get_pitch() * surf.get_height()

    def get(self, key: _Key) -> pygame.Surface | None:
        surf = self.items.get(key)
        if surf is not None:
            self.items.move_to_end(key)
        return surf

    def put(self, key: _Key, surf: pygame.Surface) -> None:
        old = self.items.pop(key, None)
        if old is not None:
            self.bytes -= self.size_of(old)
            self._forget(key)
        size = self.size_of(surf)
        if size > self.limit:
            return  # larger than the whole cache: hand it out, do not keep it
        self.items[key] = surf
        self.heights.setdefault(key[:2], set()).add(key[2])
        self.bytes += size
        self.trim()

    def _forget(self, key: _Key) -> None:
        hs = self.heights.get(key[:2])
        if hs is not None:
            hs.discard(key[2])
            if not hs:
                del self.heights[key[:2]]

    def trim(self) -> None:
        while self.bytes > self.limit and self.items:
            key, surf = self.items.popitem(last=False)
            self.bytes -= self.size_of(surf)
            self._forget(key)

    def clear(self) -> None:
        self.items.clear()
        self.heights.clear()
        self.bytes = 0
        self.hits = 0
        self.misses = 0


_cache = _SurfaceCache(DEFAULT_CACHE_BYTES)


def set_cache_limit(limit_bytes: int) -> None:
    """Cap the painting cache at ``limit_bytes`` (evicting the least recently used now)."""
    if limit_bytes < 0:
        raise ValueError("cache limit must be >= 0")
    _cache.limit = limit_bytes
    _cache.trim()


def clear_cache() -> None:
    """Forget every cached painting, and the masks and lighting maps shared by all dolls
    of one height (and reset the hit and miss counts)."""
    _cache.clear()
    _render.clear_intermediate()


def forget_pictures(paths: Iterable[Path]) -> set[Doll]:
    """Forget the paintings of every doll that shows one of the image files ``paths`` (its
    portrait or an image emblem): the file changed, and the doll with it, though its
    description did not. Returns those dolls."""
    wanted = {p.resolve() for p in paths}
    dolls = {
        key[0] for key in _cache.items if wanted & {f.resolve() for f in picture_files(key[0])}
    }
    for key in [k for k in _cache.items if k[0] in dolls]:
        _cache.bytes -= _cache.size_of(_cache.items.pop(key))
        _cache._forget(key)
    return dolls


def is_cached(doll: Doll, part: Part, height: int) -> bool:
    """Whether ``paint(doll, part, height)`` would be a cache hit now (nothing changes)."""
    return (doll, part, height) in _cache.items


def cached_heights(doll: Doll, part: Part) -> frozenset[int]:
    """The heights ``part`` of ``doll`` is cached at now (nothing changes)."""
    return frozenset(_cache.heights.get((doll, part), ()))


def cache_info() -> CacheInfo:
    """Entries, bytes held, the byte limit, and hit and miss counts since the last clear."""
    return CacheInfo(len(_cache.items), _cache.bytes, _cache.limit, _cache.hits, _cache.misses)


# --- Painting -----------------------------------------------------------------------


def _check(part: str, height: int) -> None:
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; expected one of {', '.join(PARTS)}")
    if not MIN_HEIGHT <= height <= MAX_HEIGHT:
        raise ValueError(f"height {height} is outside {MIN_HEIGHT}..{MAX_HEIGHT}")


def paint(doll: Doll, part: Part, height: int) -> pygame.Surface:
    """The doll (or a part of it) ``height`` pixels tall on a transparent surface.

    Deterministic (the same pixels on every run) and cached: do not draw onto the
    returned surface. Its size is ``part_size(part, height)``.

    Raises:
        ValueError: an unknown part, or a height outside ``MIN_HEIGHT..MAX_HEIGHT``.
    """
    _check(part, height)
    key = (doll, part, height)
    surf = _cache.get(key)
    if surf is not None:
        _cache.hits += 1
        return surf
    _cache.misses += 1
    if part == "whole":
        surf = _render.paint_whole(doll, height)
    elif part == "bottom_back":
        surf = _render.paint_back(doll, height)
    else:
        # Both halves come from one whole painting; keep both, the other is asked next.
        whole = _cache.get((doll, "whole", height)) or _render.paint_whole(doll, height)
        top, bottom = _render.split(whole, height)
        other: Part = "bottom" if part == "top" else "top"
        _cache.put((doll, other, height), bottom if part == "top" else top)
        surf = top if part == "top" else bottom
    _cache.put(key, surf)
    return surf


def restore(doll: Doll, part: Part, height: int) -> bool:
    """Put the painting ``keep`` stored on disk in an earlier run into the cache.

    True when the painting is cached now. The stored pixels are exactly what ``paint``
    makes; an entry made by another version of the painter, or for a doll that changed,
    is never used (see ``matryoshka.painter.store``).

    Raises:
        ValueError: an unknown part, or a height outside ``MIN_HEIGHT..MAX_HEIGHT``.
    """
    _check(part, height)
    key = (doll, part, height)
    if key in _cache.items:
        return True
    from matryoshka.painter import store

    surf = store.load(doll, part, height, part_size(part, height))
    if surf is None:
        return False
    _cache.put(key, surf)
    return key in _cache.items


def keep(doll: Doll, part: Part, height: int) -> None:
    """Store the cached painting of ``part`` at ``height`` on disk for later runs.

    Nothing happens when it is not cached or is stored already; failing to write is not
    an error (the store only saves time).
    """
    surf = _cache.items.get((doll, part, height))
    if surf is None:
        return
    from matryoshka.painter import store

    store.save(doll, part, height, surf)


#: ``paint_scaled`` scales a cached painting down by at most this factor, or up by at most
#: the other, before it paints a new one: nearest-neighbour scaling beyond that shows.
SCALE_DOWN_LIMIT = 1.25
SCALE_UP_LIMIT = 1.08
#: Standard heights ``paint_scaled`` paints at: 16 steps per doubling (about 4.4 % apart).
_STEPS_PER_OCTAVE = 16


def _standard_height(height: int) -> int:
    """The smallest standard height at or above ``height``."""
    step = math.ceil(math.log2(max(height, MIN_HEIGHT)) * _STEPS_PER_OCTAVE - 1e-9)
    return min(MAX_HEIGHT, max(height, round(2 ** (step / _STEPS_PER_OCTAVE))))


def paint_scaled(doll: Doll, part: Part, height: int) -> pygame.Surface:
    """``paint`` for animation: exact when cached, else a quick scale of a near painting.

    The result has ``part_size(part, height)`` and sits at ``part_offset(part, height)``
    like ``paint``'s, but may be slightly coarser: it is a nearest-neighbour scale of a
    cached painting up to ``SCALE_DOWN_LIMIT`` times taller (or ``SCALE_UP_LIMIT`` times
    shorter), which costs well under a millisecond at window sizes. Only when no cached
    painting is that close does it paint one, at a standard height just above
    ``height`` (16 per doubling), so a doll shrinking or growing over many frames
    causes a few paints, not one per frame. The scaled result is not cached.
    """
    _check(part, height)
    surf = _cache.get((doll, part, height))
    if surf is not None:
        _cache.hits += 1
        return surf
    # The nearest cached painting a little taller (scaling down looks better than
    # scaling up), else one a little shorter, else a new painting at a standard height.
    heights = _cache.heights.get((doll, part), ())
    above = [h for h in heights if height < h <= height * SCALE_DOWN_LIMIT]
    below = [h for h in heights if height / SCALE_UP_LIMIT <= h < height]
    if above:
        best = _cache.get((doll, part, min(above)))
    elif below:
        best = _cache.get((doll, part, max(below)))
    else:
        best = None
    if best is None:
        best = paint(doll, part, _standard_height(height))
    else:
        _cache.hits += 1
    size = part_size(part, height)
    if best.get_size() == size:
        return best
    return pygame.transform.scale(best, size)


#: pygame's smooth-scale rounds every average down: at any factor but an exact 1/2 or 1/4
#: a uniform 255 comes out as 251 to 253, so a shrunk doll is faintly see-through and a
#: little darker. ``smoothscale`` adds back ``c * k / 256`` per channel, with these k for
#: R, G, B, A: colours land within two levels of the source, and alpha 249..255 (two
#: levels beyond the worst loss measured) becomes 255 again.
_SMOOTHSCALE_GAIN = (4, 4, 4, 6)


def smoothscale(surface: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
    """``surface`` smoothly scaled to ``size``, with opaque pixels still fully opaque.

    Use it instead of ``pygame.transform.smoothscale`` to shrink a painting (for
    example a cached doll to the height of an animation frame): pygame's own loses two
    to four levels of alpha and brightness, which makes the inside of a doll slightly
    see-through. This puts them back, so every pixel inside the silhouette stays at
    alpha 255 and the colours match the exact painting; the anti-aliased edge keeps
    its smooth coverage.
    """
    w, h = max(1, size[0]), max(1, size[1])
    sw, sh = surface.get_size()
    out = pygame.transform.smoothscale(surface, (w, h))
    if sw % w == 0 and sh % h == 0 and sw // w in (1, 2, 4) and sh // h in (1, 2, 4):
        return out  # exact averages: nothing was lost
    lost = out.copy()
    lost.fill(_SMOOTHSCALE_GAIN, special_flags=pygame.BLEND_RGBA_MULT)
    out.blit(lost, (0, 0), special_flags=pygame.BLEND_RGBA_ADD)
    return out


__all__ = [
    "ASPECT",
    "DEFAULT_CACHE_BYTES",
    "MAX_HEIGHT",
    "MIN_HEIGHT",
    "PARTS",
    "WAIST",
    "CacheInfo",
    "Part",
    "cache_info",
    "cached_heights",
    "clear_cache",
    "doll_width",
    "forget_pictures",
    "is_cached",
    "keep",
    "paint",
    "paint_scaled",
    "part_offset",
    "part_size",
    "restore",
    "set_cache_limit",
    "smoothscale",
]
