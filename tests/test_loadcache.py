"""The cache of checked sequence files: used only while nothing it came from has changed."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from matryoshka.errors import MatryoshkaError
from matryoshka.format import catalog, loadcache, loader
from matryoshka.paths import shipped_sequences_dir

REPO = Path(__file__).resolve().parents[1]
GOOD = "format: matryoshka/1\ntitle: {title}\ndolls:\n  - name: Anna\n  - name: Boris\n"
#: A moment well in the past, for files that must count as settled.
PAST_NS = 1_600_000_000_000_000_000


@pytest.fixture(autouse=True)
def settled(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Files written by a test count as settled at once; the user's folders are the test's."""
    monkeypatch.setattr(loadcache, "SETTLE_NS", -(10**30))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle")) if folder.is_dir() else []


class Counting:
    """Stands in for the checking loader and counts the files it really loads."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.loaded: list[Path] = []
        self._real = loader.load_sequence
        monkeypatch.setattr(loader, "load_sequence", self)

    def __call__(self, path: Path) -> loader.LoadResult:
        self.loaded.append(Path(path))
        return self._real(path)


def test_a_cached_file_loads_the_same_as_a_checked_one(folder: Path, tmp_path: Path) -> None:
    shipped = sorted(shipped_sequences_dir().glob("*.yaml"))
    assert shipped
    for path in shipped:
        fresh = loader.load_sequence(path)
        first = loadcache.load_sequence(path, folder)
        again = loadcache.load_sequence(path, folder)
        assert first == again == (fresh.sequence, fresh.warnings)
        assert again.sequence.path == path
    assert len(entries(folder)) == len(shipped)
    # A relative name comes back relative, as the checking loader gives it.
    relative = Path(os.path.relpath(shipped[0], Path.cwd()))
    assert loadcache.load_sequence(relative, folder).sequence.path == relative


def test_an_unchanged_file_is_not_parsed_again(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "mine.yaml", GOOD.format(title="Mine"))
    counting = Counting(monkeypatch)
    for _ in range(3):
        assert loadcache.load_sequence(path, folder).sequence.title == "Mine"
    assert counting.loaded == [path]


def test_an_edited_file_is_loaded_again(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "mine.yaml", GOOD.format(title="Before"))
    os.utime(path, ns=(PAST_NS, PAST_NS))
    assert loadcache.load_sequence(path, folder).sequence.title == "Before"
    counting = Counting(monkeypatch)
    # Same size, and the modification time put back as it was: still noticed.
    write(path, GOOD.format(title="After!"))
    os.utime(path, ns=(PAST_NS, PAST_NS))
    assert loadcache.load_sequence(path, folder).sequence.title == "After!"
    assert loadcache.load_sequence(path, folder).sequence.title == "After!"
    assert counting.loaded == [path]
    assert len(entries(folder)) == 1  # the entry was replaced, not added to


def test_an_invalid_file_is_reported_even_after_its_valid_version_was_cached(
    folder: Path, tmp_path: Path
) -> None:
    path = write(tmp_path / "mine.yaml", GOOD.format(title="Good"))
    loadcache.load_sequence(path, folder)
    (entry,) = entries(folder)
    write(path, GOOD.format(title="Bad").replace("name: Boris", "name: Boris\n    hair: blue"))
    for _ in range(2):  # and a broken file is never stored: it fails the same way again
        with pytest.raises(MatryoshkaError) as info:
            loadcache.load_sequence(path, folder)
        (diagnostic,) = info.value.diagnostics
        assert str(diagnostic).startswith(f"{path}:6:5: error: dolls[1]: unknown key 'hair'")
    assert entries(folder) == [entry]


def test_a_corrupt_entry_is_ignored_and_rewritten(folder: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "mine.yaml", GOOD.format(title="Mine"))
    expected = loader.load_sequence(path)
    loadcache.load_sequence(path, folder)
    (entry,) = entries(folder)
    good_bytes = entry.read_bytes()
    for damaged in (b"", b"not a pickle", good_bytes[: len(good_bytes) // 2]):
        entry.write_bytes(damaged)
        assert loadcache.load_sequence(path, folder) == (expected.sequence, expected.warnings)
        assert entry.read_bytes() == good_bytes


def test_an_entry_holding_other_classes_is_refused(folder: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "mine.yaml", GOOD.format(title="Mine"))
    loadcache.load_sequence(path, folder)
    (entry,) = entries(folder)
    version, where, stamp, portraits, _ = pickle.loads(entry.read_bytes())
    marker = tmp_path / "ran"
    # Right version and stamp, but unpickling it would run a command: never unpickled.
    hostile = (version, where, stamp, portraits, _Run(f"touch {marker}"))
    entry.write_bytes(pickle.dumps(hostile))
    assert loadcache.load_sequence(path, folder).sequence.title == "Mine"
    assert not marker.exists()


class _Run:
    def __init__(self, command: str) -> None:
        self.command = command

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (self.command,))


def test_another_program_version_does_not_use_the_entry(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "mine.yaml", GOOD.format(title="Mine"))
    loadcache.load_sequence(path, folder)
    counting = Counting(monkeypatch)
    monkeypatch.setattr(loadcache, "_code_version", lambda: ("another version",))
    loadcache.load_sequence(path, folder)
    loadcache.load_sequence(path, folder)
    assert counting.loaded == [path]


def test_a_file_modified_just_now_is_not_stored(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loadcache, "SETTLE_NS", 2_000_000_000)
    path = write(tmp_path / "mine.yaml", GOOD.format(title="Mine"))
    loadcache.load_sequence(path, folder)
    assert entries(folder) == []


def test_portraits_are_part_of_the_entry(folder: Path, tmp_path: Path) -> None:
    face = tmp_path / "faces" / "a.png"
    face.parent.mkdir()
    Image.new("RGB", (8, 10), (200, 150, 120)).save(face)
    path = write(tmp_path / "mine.yaml", GOOD.format(title="Mine") + "    portrait: faces/a.png\n")
    first = loadcache.load_sequence(path, folder)
    assert first.sequence.dolls[1].portrait == face.resolve() and not first.warnings
    assert len(entries(folder)) == 1
    face.unlink()  # the YAML is unchanged, but what it loads to is not
    gone = loadcache.load_sequence(path, folder)
    assert gone.sequence.dolls[1].portrait is None
    assert [d.severity for d in gone.warnings] == ["warning"]
    assert str(gone.warnings[0]).startswith(f"{path}:6:15: warning: dolls[1].portrait")


def test_flags_image_emblems_and_framings_come_back_from_the_cache(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    face = tmp_path / "a.png"
    Image.new("RGB", (8, 10), (200, 150, 120)).save(face)
    logo = write(tmp_path / "emblems" / "party.svg", "<svg viewBox='0 0 2 1'></svg>")
    path = write(
        tmp_path / "mine.yaml",
        GOOD.format(title="Mine")
        + "    portrait: {file: a.png, center: [0.5, 0.3], zoom: 2, style: outlined}\n"
        + "    emblems: [{flag: [white], disc: red}, {image: emblems/party.svg}, lion]\n",
    )
    fresh = loader.load_sequence(path)
    assert loadcache.load_sequence(path, folder) == (fresh.sequence, [])
    counting = Counting(monkeypatch)
    assert loadcache.load_sequence(path, folder) == (fresh.sequence, [])
    assert counting.loaded == []
    logo.unlink()  # an image emblem is part of the entry, as a portrait is
    gone = loadcache.load_sequence(path, folder)
    assert gone.sequence.dolls[1].emblems == fresh.sequence.dolls[1].emblems[::2]
    assert [d.severity for d in gone.warnings] == ["warning"]


def test_an_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    blocked = write(tmp_path / "not-a-folder", "")
    path = write(tmp_path / "mine.yaml", GOOD.format(title="Mine"))
    for _ in range(2):
        assert loadcache.load_sequence(path, blocked / "cache").sequence.title == "Mine"
    assert list(tmp_path.glob("**/*.tmp")) == []


def test_missing_file_is_reported_as_before(folder: Path, tmp_path: Path) -> None:
    with pytest.raises(MatryoshkaError) as info:
        loadcache.load_sequence(tmp_path / "nope.yaml", folder)
    assert "no such file" in str(info.value.diagnostics[0])


def test_catalog_loads_unchanged_files_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, problems = catalog.load_all()
    assert problems == []
    assert len(entries(loadcache.cache_dir())) == len(first)
    counting = Counting(monkeypatch)
    again, _ = catalog.load_all()
    assert again == first and counting.loaded == []


def test_a_start_from_the_cache_imports_neither_yaml_nor_pydantic(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from matryoshka.format import catalog\n"
        "sequences, problems = catalog.load_all()\n"
        "assert sequences and not problems, problems\n"
        "loaded = ('yaml', 'pydantic', 'matryoshka.format.loader')\n"
        "print(sorted(m for m in loaded if m in sys.modules))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO), XDG_CACHE_HOME=str(tmp_path / "cache"))
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
        )
        for _ in range(2)
    ]
    assert [r.returncode for r in runs] == [0, 0], runs[-1].stderr
    assert runs[0].stdout.strip() == "['matryoshka.format.loader', 'pydantic', 'yaml']"  # filled it
    assert runs[1].stdout.strip() == "[]"
