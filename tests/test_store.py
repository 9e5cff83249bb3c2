"""Paintings kept on disk between runs: exact, keyed by everything they are made from."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from matryoshka import painter
from matryoshka.format.model import Colors, Doll, Face
from matryoshka.painter import store
from matryoshka.pgcompat import pygame

DOLL = Doll(
    name="Kept",
    id="kept",
    colors=Colors(body=(30, 120, 70)),
    face=Face(hair="thick", moustache="thick"),
    emblems=("medals",),
)


@pytest.fixture(autouse=True)
def _own_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "store_dir", lambda: tmp_path / "paintings")
    painter.set_cache_limit(painter.DEFAULT_CACHE_BYTES)
    painter.clear_cache()


def rgba(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


def test_a_kept_painting_comes_back_exactly() -> None:
    fresh = painter.paint(DOLL, "whole", 300)
    halves = [rgba(painter.paint(DOLL, part, 300)) for part in ("top", "bottom")]
    painter.keep(DOLL, "whole", 300)
    painter.clear_cache()
    misses = painter.cache_info().misses
    assert painter.restore(DOLL, "whole", 300)
    restored = painter.paint(DOLL, "whole", 300)
    assert painter.cache_info().misses == misses  # not painted again
    assert rgba(restored) == rgba(fresh)
    # Made like a fresh painting: the same format, so it blits and splits the same.
    assert restored.get_masks() == fresh.get_masks() and restored.get_bitsize() == 32
    assert restored.get_flags() & pygame.SRCALPHA
    assert [rgba(painter.paint(DOLL, part, 300)) for part in ("top", "bottom")] == halves


def test_only_the_same_doll_height_and_program_find_the_entry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    painter.paint(DOLL, "whole", 200)
    painter.keep(DOLL, "whole", 200)
    painter.clear_cache()
    other = Doll(name="Kept", id="kept", colors=Colors(body=(30, 120, 71)))
    assert not painter.restore(other, "whole", 200)
    assert not painter.restore(DOLL, "whole", 201)
    assert not painter.restore(DOLL, "top", 200)
    real = store._program()
    monkeypatch.setattr(store, "_program", lambda: (*real, "another painter"))
    assert not painter.restore(DOLL, "whole", 200)
    monkeypatch.setattr(store, "_program", lambda: real)
    assert painter.restore(DOLL, "whole", 200)


def test_a_damaged_or_foreign_entry_is_ignored() -> None:
    painter.paint(DOLL, "whole", 120)
    painter.keep(DOLL, "whole", 120)
    (entry,) = store.store_dir().iterdir()
    good = entry.read_bytes()
    for bad in (b"", good[:40], good[:-10], good.replace(b"kept", b"kapt", 1)):
        entry.write_bytes(bad)
        painter.clear_cache()
        assert not painter.restore(DOLL, "whole", 120)
    painter.clear_cache()
    assert painter.paint(DOLL, "whole", 120).get_size() == painter.part_size("whole", 120)


def test_the_store_keeps_the_newest_entries_only() -> None:
    heights = list(range(40, 40 + store.KEEP + 3))
    names = []
    for i, height in enumerate(heights):
        painter.paint(DOLL, "whole", height)
        painter.keep(DOLL, "whole", height)
        name = store.entry_name(store._key(DOLL, "whole", height))
        names.append(name)
        # Written in this order, a second apart (whatever the file system's clock grain).
        entry = store.store_dir() / name
        os.utime(entry, ns=(entry.stat().st_atime_ns, 10**18 + i * 10**9))
    painter.paint(DOLL, "whole", 30)
    painter.keep(DOLL, "whole", 30)  # one more write prunes to the newest KEEP
    kept = {p.name for p in store.store_dir().iterdir()}
    assert len(kept) == store.KEEP
    assert kept == {*names[-(store.KEEP - 1) :], store.entry_name(store._key(DOLL, "whole", 30))}


def test_failing_to_write_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setattr(store, "store_dir", lambda: blocker / "paintings")
    painter.paint(DOLL, "whole", 100)
    painter.keep(DOLL, "whole", 100)  # no exception
    painter.keep(DOLL, "whole", 99)  # not cached: nothing to keep
    painter.clear_cache()
    assert not painter.restore(DOLL, "whole", 100)


def _painting_modules() -> set[Path]:
    """Every module of the package that ``painter.paint`` runs: its imports, followed."""
    import ast

    package = Path(painter.__file__).resolve().parent.parent

    def file_of(name: str) -> Path | None:
        path = package.parent.joinpath(*name.split("."))
        for candidate in (path / "__init__.py", path.with_suffix(".py")):
            if candidate.exists():
                return candidate
        return None

    seen: set[Path] = set()
    todo = [package / "painter" / "__init__.py"]
    while todo:
        path = todo.pop()
        if path in seen or path.name == "store.py":  # the store itself paints nothing
            continue
        seen.add(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("matryoshka"):
                names = [node.module or "", *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names if a.name.startswith("matryoshka")]
            todo.extend(f for f in map(file_of, names) if f is not None)
    return seen


def test_the_stores_key_reads_every_module_a_painting_is_made_with() -> None:
    # A kept painting must not outlive a change to any code that paints it (a colour of
    # the theme, the fonts' lettering), or an upgraded program would show old pictures.
    kept = {f.resolve() for f in store.program_files()}
    missing = sorted(str(f) for f in _painting_modules() - kept)
    assert not missing
    assert any(f.name == "theme.py" for f in kept)


def test_a_changed_module_of_the_painter_finds_no_kept_painting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    painter.paint(DOLL, "whole", 120)
    painter.keep(DOLL, "whole", 120)
    painter.clear_cache()
    real = store.stamp

    def edited(path: Path) -> object:
        return ("edited",) if path.name == "theme.py" else real(path)

    store._program.cache_clear()
    with monkeypatch.context() as patch:
        patch.setattr(store, "stamp", edited)
        try:
            assert not painter.restore(DOLL, "whole", 120)
        finally:
            store._program.cache_clear()
    assert painter.restore(DOLL, "whole", 120)
