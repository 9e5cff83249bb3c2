"""Entries in the user's cache folder: what they are keyed on, named by, and written with.

The program keeps two kinds of entry there, each only to save time: sequence files
already loaded and checked (:mod:`matryoshka.format.loadcache`) and the painting of the first
doll a window shows (:mod:`matryoshka.painter.store`). Both decide whether an entry is
still current from the :func:`stamp` of the files it was made from, name it by a checksum
of what it was made from (:func:`entry_name`), and write it with :func:`write_entry`,
which never fails loudly: a cache that cannot be written is simply not used.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

from matryoshka.atomic import WriteError, write_bytes

#: Size, modification and change times (ns), and inode of a file.
Stamp = tuple[int, int, int, int]


def stamp(path: Path | str) -> Stamp | None:
    """What changes whenever a file's contents may have; None when it cannot be read."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def entry_name(key: bytes, suffix: str) -> str:
    """A 64-bit name for the entry made from ``key``: two checksums of it, then ``suffix``.

    Entries also hold what they were made from, so two keys with the same name only ever
    replace each other's entry; they are never mistaken for one another.
    """
    return f"{zlib.crc32(key):08x}{zlib.adler32(key):08x}{suffix}"


def write_entry(entry: Path, data: bytes) -> bool:
    """Write ``data`` to ``entry`` whole or not at all (a temporary file, then a rename).

    The folder is created if needed. Returns False, leaving no temporary file behind, when
    anything stops the write: failing to write a cache entry is never an error.
    """
    try:
        write_bytes(entry, data, make_folder=True, mode=0o600, durable=False)
    except WriteError:
        return False
    return True


__all__ = ["Stamp", "entry_name", "stamp", "write_entry"]
