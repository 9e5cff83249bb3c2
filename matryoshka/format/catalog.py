"""Where sequences come from: the shipped folder, the user's folder, ``--sequences`` folders.

Folders are searched in that order, files in each folder by name, except that the shipped
sets come in the order that tells their story (:data:`SHIPPED_ORDER`). A sequence whose id was
already found earlier in the search replaces the earlier one (its :class:`Entry` records
which files it replaces). A file that cannot be loaded is reported in
:attr:`Catalog.problems` and skipped: a broken file never hides the good ones.

Files are loaded through :mod:`matryoshka.format.loadcache`: a file unchanged since it was last
loaded and checked comes from the user's cache, without parsing or validating it again.
"""

from __future__ import annotations

import collections.abc
from dataclasses import dataclass, field
from pathlib import Path

from matryoshka import paths
from matryoshka.errors import Diagnostic, MatryoshkaError
from matryoshka.format.loadcache import load_sequence
from matryoshka.format.model import Sequence
from matryoshka.records import Record

SUFFIXES = (".yaml", ".yml")
#: The shipped sets in the order of the window's tabs and of ``matryoshka list``: the market
#: set the program opens on, the essay's two alternatives, then the reference chronology.
SHIPPED_ORDER = ("market-1995", "lenin-at-centre", "trotsky-inside-lenin", "soviet-chronology")


class Entry(Record):
    """One sequence that can be opened by its id."""

    id: str
    title: str
    dolls: int
    path: Path
    replaces: tuple[Path, ...] = ()  # files with the same id found earlier in the search


@dataclass
class Catalog:
    """Every sequence found, in search order, and the problems met on the way."""

    entries: list[Entry] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    _loaded: dict[Path, Sequence] = field(default_factory=dict, repr=False, compare=False)

    def get(self, seq_id: str) -> Entry | None:
        """The entry with this id, or None."""
        for entry in self.entries:
            if entry.id == seq_id:
                return entry
        return None

    def sequence(self, entry: Entry) -> Sequence:
        """The loaded sequence of an entry (loaded once, during discovery)."""
        loaded = self._loaded.get(entry.path)
        if loaded is None:
            loaded = load_sequence(entry.path).sequence
            self._loaded[entry.path] = loaded
        return loaded

    def ids(self) -> list[str]:
        """The ids, in catalog order."""
        return [entry.id for entry in self.entries]


def sequence_files(folder: Path) -> list[Path]:
    """The ``.yaml`` and ``.yml`` files directly inside a folder, sorted by name.

    Hidden files (an editor's ``.name.yaml`` backup, say) are left out.
    """
    return sorted(
        (
            p
            for p in folder.iterdir()
            if p.suffix.lower() in SUFFIXES and not p.name.startswith(".") and p.is_file()
        ),
        key=lambda p: p.name,
    )


def search_path(
    extra_dirs: collections.abc.Sequence[Path] = (), *, include_user: bool = True
) -> list[Path]:
    """The folders searched, in order: shipped, the user's (if wanted), then ``extra_dirs``."""
    folders = [paths.shipped_sequences_dir()]
    if include_user:
        folders.append(paths.user_sequences_dir())
    folders.extend(Path(d) for d in extra_dirs)
    return folders


def discover(
    extra_dirs: collections.abc.Sequence[Path] = (), *, include_user: bool = True
) -> Catalog:
    """Find and load every sequence on the search path.

    Args:
        extra_dirs: folders given with ``--sequences``, searched last (later ones win).
        include_user: also search the user's own folder (tests turn this off).

    Returns:
        The catalog. Broken files, and ``extra_dirs`` that are not folders, are in
        ``problems``; warnings about good files (a portrait that fell back) are there too.
    """
    catalog = Catalog()
    given = {Path(d) for d in extra_dirs}
    for folder in search_path(extra_dirs, include_user=include_user):
        if not folder.is_dir():
            # The user's folder need not exist; a folder named on the command line must.
            if folder in given:
                what = "no such folder" if not folder.exists() else "not a folder"
                what += " (given with --sequences)"
                catalog.problems.append(Diagnostic(str(folder), None, None, what))
            continue
        try:
            files = sequence_files(folder)
        except OSError as err:
            catalog.problems.append(
                Diagnostic(str(folder), None, None, f"cannot read the folder: {err.strerror}")
            )
            continue
        if folder == paths.shipped_sequences_dir():
            files.sort(key=shipped_rank)
        for file in files:
            _add(catalog, file)
    return catalog


def shipped_rank(file: Path) -> tuple[int, str]:
    """Sort key of a shipped file: its place in ``SHIPPED_ORDER``, any others after by name."""
    if file.stem in SHIPPED_ORDER:
        return SHIPPED_ORDER.index(file.stem), file.name
    return len(SHIPPED_ORDER), file.name


def _add(catalog: Catalog, file: Path) -> None:
    try:
        result = load_sequence(file)
    except MatryoshkaError as err:
        catalog.problems.extend(err.diagnostics)
        return
    except Exception as err:
        reason = f"cannot be loaded ({type(err).__name__}); it is skipped"
        catalog.problems.append(Diagnostic(str(file), None, None, reason))
        return
    catalog.problems.extend(result.warnings)
    sequence = result.sequence
    entry = Entry(sequence.id, sequence.title, len(sequence.dolls), file)
    catalog._loaded[file] = sequence
    for index, earlier in enumerate(catalog.entries):
        if earlier.id == sequence.id:
            # Keep the earlier place in the order, so a replaced shipped set stays put.
            catalog.entries[index] = Entry(
                entry.id, entry.title, entry.dolls, file, (*earlier.replaces, earlier.path)
            )
            catalog._loaded.pop(earlier.path, None)
            return
    catalog.entries.append(entry)


def _looks_like_path(spec: str) -> bool:
    return spec.lower().endswith(SUFFIXES) or "/" in spec or "\\" in spec


def resolve(spec: str, extra_dirs: collections.abc.Sequence[Path] = ()) -> Sequence:
    """The sequence a command line names: an id on the search path, or a YAML file.

    Raises:
        MatryoshkaError: the file has mistakes or cannot be read, a ``--sequences`` folder
            does not exist, or no sequence has that id (the message lists the known ids).
    """
    if _looks_like_path(spec) or Path(spec).is_file():
        return load_sequence(Path(spec)).sequence
    catalog = discover(extra_dirs)
    given = {Path(d) for d in extra_dirs}
    missing = [p for p in catalog.problems if p.line is None and Path(p.file) in given]
    if missing:
        raise MatryoshkaError(missing)
    entry = catalog.get(spec)
    if entry is not None:
        return catalog.sequence(entry)
    # A broken file named like the id is the likely meaning: show its errors.
    broken = [
        p
        for p in catalog.problems
        if p.severity == "error"
        and Path(p.file).suffix.lower() in SUFFIXES
        and Path(p.file).stem == spec
    ]
    if broken:
        raise MatryoshkaError(broken)
    known = ", ".join(catalog.ids()) or "none"
    raise MatryoshkaError(f"unknown sequence '{spec}' (known: {known})")


def load_all(
    extra_dirs: collections.abc.Sequence[Path] = (),
) -> tuple[list[Sequence], list[Diagnostic]]:
    """Every good sequence in catalog order (the window's tabs), and the problems found."""
    catalog = discover(extra_dirs)
    return [catalog.sequence(entry) for entry in catalog.entries], list(catalog.problems)
