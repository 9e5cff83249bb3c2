"""Paintings kept on disk between runs, so a start shows its first doll without painting it.

The window's first frame shows one doll, the outermost of the set it showed last, at the
size of the window it had last: the same painting, start after start. Painting it takes
longer than anything else in that frame (some 15 ms at 1280x800), so the window keeps it
in ``<user cache dir>/paintings`` after its first frame and, at the next start, puts it
straight into the painter's cache (:func:`matryoshka.painter.restore`).

An entry is used only when everything the painting was made from is unchanged: the doll
(every field, and the size and times of its portrait and image emblem files), the part
and the height, and the program that paints it (the painter's modules, the lighting maps
and fonts it reads, the model, pygame, SDL and Python versions). The entry's name is a
checksum of all that, and the entry holds it in full, so a change finds no entry (or one
that does not match); entries beyond the newest ``KEEP`` are removed.

An entry is a small header, that key, and the painting's pixels as plain BGRA bytes: the
byte order of the painter's own surfaces, so reading one back is a copy (no decompressing,
no converting: some 1 ms at 1280x800, a few hundred KB on disk). Nothing in it is executed
or unpickled, and one that is damaged or of the wrong size is ignored. Failing to read or
write an entry is never an error (the store only saves time).
"""

from __future__ import annotations

import contextlib
import struct
import sys
import zlib
from functools import cache
from pathlib import Path
from typing import Any

from matryoshka import __version__, paths
from matryoshka.cachefile import entry_name as _name
from matryoshka.cachefile import stamp, write_entry
from matryoshka.format.model import Doll, image_files
from matryoshka.pgcompat import pygame
from matryoshka.stage.scripts import coverage_path, shipped_faces

#: Bump when the layout of an entry or what its name is made from changes.
ENTRY_FORMAT = 2
#: Entries kept; the oldest beyond these are removed when one is written. (A window keeps
#: one for each doll and size it starts with: a few hundred KB, some 5 MB at 4K.)
KEEP = 4
_MAGIC = b"MTRYPNT3"
_PIXELS = "BGRA"
#: magic, width, height, length of the key, CRC-32 of the pixels
_HEADER = struct.Struct("<8sIIII")
_SUFFIX = ".rgba"


def store_dir() -> Path:
    """The folder of entries: ``<user cache dir>/paintings`` (may not exist)."""
    return paths.user_cache_dir() / "paintings"


@cache
def _program() -> tuple[Any, ...]:
    """Everything besides the doll that decides what a painting looks like."""
    return (
        ENTRY_FORMAT,
        __version__,
        tuple(sys.version_info[:3]),
        pygame.version.ver,
        tuple(pygame.get_sdl_version()),
        tuple((f.name, stamp(f)) for f in program_files()),
    )


#: The modules outside ``painter/`` that painting runs (``paint`` imports them, directly
#: or not): a test follows the imports and finds no other.
PAINTING_MODULES = (
    "__init__.py", "atomic.py", "cachefile.py", "format/model.py", "geometry.py", "paths.py",
    "pgcompat.py", "records.py", "theme.py", "stage/__init__.py", "stage/bidi.py",
    "stage/fonts.py", "stage/keep.py", "stage/scripts.py",
)  # fmt: skip


def program_files() -> list[Path]:
    """The files a painting is made with besides the doll's own: the code that paints,
    the lighting, and the shipped fonts text emblems are lettered in (with their table)."""
    here = Path(__file__).resolve().parent
    package = here.parent
    files = sorted(here.glob("*.py"))
    files += [package / name for name in PAINTING_MODULES]
    files += [paths.assets_dir() / "painter" / "lighting.png"]
    files += [f for face in shipped_faces() for f in (face.regular, face.bold)]
    files += [coverage_path()]  # which of them letters which characters
    return files


def _key(doll: Doll, part: str, height: int) -> bytes:
    """What the painting is made from, with the program as it is now."""
    portrait = stamp(doll.portrait) if doll.portrait is not None else None
    images = tuple(stamp(p) for p in image_files(doll))
    key = repr((_program(), repr(doll), portrait, images, part, height))
    return key.encode("utf-8", "surrogateescape")


def entry_name(key: bytes) -> str:
    """The file name of the entry for ``key``: two checksums make a 64-bit name."""
    return _name(key, _SUFFIX)


def load(doll: Doll, part: str, height: int, size: tuple[int, int]) -> pygame.Surface | None:
    """The stored painting (``size`` pixels, SRCALPHA), or None when there is none to use."""
    key = _key(doll, part, height)
    try:
        data = (store_dir() / entry_name(key)).read_bytes()
    except OSError:
        return None
    try:
        magic, w, h, length, crc = _HEADER.unpack_from(data)
        start = _HEADER.size + length
        # The entry's name comes from the key, so any mismatch means a damaged entry.
        if magic != _MAGIC or (w, h) != size or data[_HEADER.size : start] != key:
            raise ValueError("damaged")
        pixels = memoryview(data)[start:]
        if len(pixels) != w * h * 4 or zlib.crc32(pixels) != crc:
            raise ValueError("damaged")
        image = pygame.image.frombytes(bytes(pixels), (w, h), _PIXELS)
    except (struct.error, ValueError, pygame.error):
        # Damaged: remove it, so that the painting made instead is stored in its place.
        with contextlib.suppress(OSError):
            (store_dir() / entry_name(key)).unlink()
        return None
    out = pygame.Surface((w, h), pygame.SRCALPHA)
    if image.get_masks() == out.get_masks():
        return image  # already as the painter makes its surfaces (the usual case)
    # Else into a surface made as the painter makes its own, so that it blits (and is cut
    # into halves) exactly like a fresh painting; the maximum over an empty one is a copy.
    out.blit(image, (0, 0), special_flags=pygame.BLEND_RGBA_MAX)
    return out


def save(doll: Doll, part: str, height: int, surface: pygame.Surface) -> None:
    """Store ``surface`` as this painting (atomically), then drop the oldest entries."""
    key = _key(doll, part, height)
    folder = store_dir()
    entry = folder / entry_name(key)
    if entry.exists():
        return
    w, h = surface.get_size()
    pixels = pygame.image.tobytes(surface, _PIXELS)
    data = _HEADER.pack(_MAGIC, w, h, len(key), zlib.crc32(pixels)) + key + pixels
    if write_entry(entry, data):
        _prune(folder)


def _prune(folder: Path) -> None:
    entries = []
    for path in folder.glob("*" + _SUFFIX):
        with contextlib.suppress(OSError):
            entries.append((path.stat().st_mtime_ns, path))
    entries.sort(reverse=True)
    for _, path in entries[KEEP:]:
        with contextlib.suppress(OSError):
            path.unlink()


__all__ = ["KEEP", "load", "save", "store_dir"]
