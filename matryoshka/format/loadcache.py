"""Sequence files already loaded and checked, kept so that the next start skips the work.

Loading a sequence file means parsing its YAML and checking every value with the pydantic
models of :mod:`matryoshka.format.schema`. Importing PyYAML and pydantic and building the models
takes longer than opening the window, and the files rarely change between two starts. So
discovery (:mod:`matryoshka.format.catalog`) loads through :func:`load_sequence` here: when a
file's checked result is in the cache it comes back from a small pickle, and
:mod:`matryoshka.format.loader` (with YAML and pydantic) is not even imported.

An entry is used only when everything it was made from is unchanged:

* the file: its absolute path, size, modification and change times (ns) and inode;
* the portraits and image emblems its dolls show: the same for each image file;
* the program: its version, the Python version, and the size and modification time of
  the modules that decide what a file loads to (model, errors, schema, loader, this one)
  and of the transliteration library that makes ids from names.

Only files that load with no error and no warning are stored, so a file with mistakes is
checked afresh every time and its problems are always reported, located as
``file:line:col``. A file modified in the last two seconds is not stored: on a file system
with coarse timestamps a second edit in the same tick would otherwise look unchanged.

Entries live in ``<user cache dir>/sequences``, one per file, written atomically (a
temporary file, then a rename) and read back with an unpickler that accepts nothing but
the model's own classes and paths. An entry that cannot be read for any reason is ignored
and rewritten; failing to write one is never an error (the cache only saves time).
"""

from __future__ import annotations

import importlib.util
import os
import pickle
import sys
import time
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from matryoshka import __version__, paths
from matryoshka.cachefile import Stamp, entry_name, stamp, write_entry
from matryoshka.errors import Diagnostic
from matryoshka.format import model
from matryoshka.format.soundness import sound

#: Bump when the layout of an entry changes.
ENTRY_FORMAT = 1
#: Files modified more recently than this are not stored (see the module docstring).
SETTLE_NS = 2_000_000_000
#: Modules (relative to the package) whose code decides what a sequence file loads to:
#: editing one (in a checkout) makes every entry stale.
CODE_MODULES = (
    "format/model.py",
    "errors.py",
    "format/schema.py",
    "format/loader.py",
    "format/loadcache.py",
)

#: What an entry may contain besides plain values: the model and paths.
_ALLOWED_CLASSES = frozenset(
    [("matryoshka.format.model", name)
     for name in ("Sequence", "Doll", "Colors", "Face", "TextEmblem", "PartialDate")]
    + [("matryoshka.format.model", name) for name in ("FlagEmblem", "ImageEmblem", "Framing")]
    + [("pathlib", name)
       for name in ("Path", "PosixPath", "WindowsPath", "PurePosixPath", "PureWindowsPath")]
)  # fmt: skip


class Loaded(NamedTuple):
    """A loaded sequence and the warnings about it (as ``matryoshka.format.loader.LoadResult``)."""

    sequence: model.Sequence
    warnings: list[Diagnostic]


def cache_dir() -> Path:
    """The folder of entries: ``<user cache dir>/sequences`` (may not exist)."""
    return paths.user_cache_dir() / "sequences"


def load_sequence(path: Path, folder: Path | None = None) -> Loaded:
    """Load and check one sequence file, from the cache when it is unchanged.

    The result is the same as ``matryoshka.format.loader.load_sequence(path)``'s.

    Args:
        path: the YAML file.
        folder: the cache folder (default :func:`cache_dir`).

    Raises:
        MatryoshkaError: the file cannot be read or has mistakes (never cached).
    """
    path = Path(path)
    absolute = os.path.abspath(path)
    file_stamp = stamp(absolute)
    name = entry_name(absolute.encode("utf-8", "surrogateescape"), ".pickle")
    entry = (cache_dir() if folder is None else folder) / name
    if file_stamp is not None:
        cached = _read(entry, absolute, file_stamp)
        if cached is not None:
            return Loaded(replace(cached, path=path), [])
    from matryoshka.format.loader import load_sequence as load_and_check

    result = load_and_check(path)
    # The stamp was taken before the file was read: if the file changed in between, the
    # entry is stale at once and rebuilt next time, never wrongly used.
    if file_stamp is not None and not result.warnings and _settled(file_stamp):
        _write(entry, absolute, file_stamp, result.sequence)
    return Loaded(result.sequence, result.warnings)


def _settled(file_stamp: Stamp) -> bool:
    now = time.time_ns()
    return now - file_stamp[1] > SETTLE_NS and now - file_stamp[2] > SETTLE_NS


@cache
def _code_version() -> tuple[Any, ...]:
    """The program's version and the stamps of the modules that shape a loaded file."""
    package = Path(__file__).resolve().parent.parent
    modules = tuple(stamp(package / name) for name in CODE_MODULES)
    # ids made from names in other scripts come from anyascii: a new release may change them
    spec = importlib.util.find_spec("anyascii")
    translit = stamp(spec.origin) if spec is not None and spec.origin else None
    return (ENTRY_FORMAT, __version__, tuple(sys.version_info[:3]), modules, translit)


def _portraits(sequence: model.Sequence) -> tuple[tuple[str, Stamp | None], ...]:
    """The image files the dolls show (portraits and image emblems), with their stamps."""
    shown = sorted(
        {str(d.portrait) for d in sequence.dolls if d.portrait is not None}
        | {str(p) for d in sequence.dolls for p in model.image_files(d)}
    )
    return tuple((p, stamp(p)) for p in shown)


def _all_settled(stamps: tuple[tuple[str, Stamp | None], ...]) -> bool:
    return all(s is not None and _settled(s) for _, s in stamps)


class _ModelUnpickler(pickle.Unpickler):
    """Reads the model's dataclasses and paths, and refuses every other class."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED_CLASSES:
            raise pickle.UnpicklingError(f"{module}.{name} has no place in a cache entry")
        return super().find_class(module, name)


def _read(entry: Path, absolute: str, file_stamp: Stamp) -> model.Sequence | None:
    """The cached sequence if the entry is readable and current, else None."""
    try:
        with open(entry, "rb") as handle:
            data = _ModelUnpickler(handle).load()
    except FileNotFoundError:
        return None
    except Exception:  # a damaged entry can fail in many ways: it is only a cache
        return None
    if not (isinstance(data, tuple) and len(data) == 5):
        return None
    version, where, when, portraits, sequence = data
    if version != _code_version() or where != absolute or when != file_stamp:
        return None
    if not isinstance(portraits, tuple) or not sound(sequence, Path(absolute)):
        return None  # not what the loader makes: load the file afresh
    for item in portraits:
        if not (isinstance(item, tuple) and len(item) == 2 and stamp(item[0]) == item[1]):
            return None
    return sequence


def _write(entry: Path, absolute: str, file_stamp: Stamp, sequence: model.Sequence) -> None:
    """Store an entry atomically; a cache that cannot be written is simply not used."""
    portraits = _portraits(sequence)
    if not _all_settled(portraits):
        return
    data = (_code_version(), absolute, file_stamp, portraits, replace(sequence, path=None))
    try:
        pickled = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
    except pickle.PicklingError:
        return
    write_entry(entry, pickled)


__all__ = ["Loaded", "cache_dir", "load_sequence"]
