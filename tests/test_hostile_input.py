"""Inputs a user (or an adversary) feeds the program end in clear, one-line messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "matryoshka", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def write(folder: Path, doll_lines: str, name: str = "s.yaml") -> Path:
    path = folder / name
    path.write_text(
        f"format: matryoshka/1\ntitle: T\ndolls:\n  - name: A\n{doll_lines}", encoding="utf-8"
    )
    return path


def test_a_key_with_a_newline_and_escapes_is_one_escaped_line(tmp_path: Path) -> None:
    path = write(tmp_path, '    "x\\nfake.yaml:1:1: error: forged\\e[31m\\u202e": 1\n')
    result = run("validate", str(path))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert "\\n" in lines[0] and "\\x1b" in lines[0] and "\\u202e" in lines[0]
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr


def test_a_portrait_name_with_a_nul_is_refused_where_it_is_written(tmp_path: Path) -> None:
    path = write(tmp_path, '    portrait: "a\\0.png"\n')
    result = run("validate", str(path))
    assert result.returncode == 1
    assert f"{path}:5:15: error: dolls[0].portrait: a file name cannot hold control" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
@pytest.mark.parametrize("kind", ["loop", "long name"])
def test_a_portrait_that_cannot_be_opened_falls_back_with_a_warning(
    tmp_path: Path, kind: str
) -> None:
    if kind == "loop":
        os.symlink(tmp_path / "loop.png", tmp_path / "loop.png")
        name = "loop.png"
    else:
        name = "a" * 300 + ".png"
    path = write(tmp_path, f"    portrait: {name}\n")
    for command in (["validate", str(path)], ["list", "--sequences", str(tmp_path)]):
        result = run(*command)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    assert "warning: dolls[0].portrait: cannot use" in run("validate", str(path)).stderr
    out = tmp_path / "out.png"
    exported = run("export", str(path), "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    assert out.is_file()


@pytest.mark.parametrize("size", [64, 77, 100, 128, 150, 192])
def test_a_line_up_exports_at_every_allowed_size_however_many_dolls(
    tmp_path: Path, size: int
) -> None:
    sys.path.insert(0, str(REPO))
    from benchmarks.generate import generate_sequence

    long = tmp_path / "long.yaml"
    long.write_text(generate_sequence(300, seed=size, seq_id="long"), encoding="utf-8")
    for source in ("soviet-chronology", str(long)):
        out = tmp_path / f"lineup-{size}.png"
        result = run("export", source, "--lineup", "--size", str(size), "-o", str(out), "--force")
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        assert out.is_file()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", '"Bad\\0title"'),
        ("name", '"A\\0"'),
        ("caption", '"escape \\e[31m red"'),
        ("emblem", '"\\x07bell"'),
    ],
)
def test_a_control_character_in_drawn_text_is_refused_where_it_is(
    tmp_path: Path, field: str, value: str
) -> None:
    title = value if field == "title" else "T"
    name = value if field == "name" else "A"
    extra = f"    caption: {value}\n" if field == "caption" else ""
    extra += f"    emblems: [{{text: {value}}}]\n" if field == "emblem" else ""
    path = tmp_path / "s.yaml"
    path.write_text(
        f"format: matryoshka/1\ntitle: {title}\ndolls:\n  - name: {name}\n{extra}",
        encoding="utf-8",
    )
    result = run("validate", str(path))
    assert result.returncode == 1
    assert "holds the control character U+" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_deeply_nested_settings_file_means_defaults_and_one_warning(tmp_path: Path) -> None:
    from matryoshka.window.settings import Settings, load_settings

    path = tmp_path / "settings.json"
    path.write_text("[" * 20000 + "]" * 20000, encoding="utf-8")
    settings, warning = load_settings(path)
    assert settings == Settings()
    assert warning is not None and "using defaults" in warning and "\n" not in warning


def test_one_file_that_breaks_its_checks_does_not_hide_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from matryoshka.format import catalog, loadcache

    good = write(tmp_path, "", name="good.yaml")
    bad = write(tmp_path, "", name="zbad.yaml")
    real = loadcache.load_sequence

    def fragile(path: Path, folder: Path | None = None) -> loadcache.Loaded:
        if Path(path).name == bad.name:
            raise RecursionError("a check that went wrong")
        return real(path, folder)

    monkeypatch.setattr(catalog, "load_sequence", fragile)
    found = catalog.discover([tmp_path])
    assert "good" in [e.id for e in found.entries]
    assert any("zbad.yaml" in str(p) and "skipped" in str(p) for p in found.problems)
    assert good.exists()


def test_a_flood_of_problems_prints_the_first_hundred_then_a_count(tmp_path: Path) -> None:
    keys = "".join(f"    junk{i}: 1\n" for i in range(1000))
    long_key = "k" * 900_000
    path = write(tmp_path, keys + f"    ? {long_key}\n    : 1\n")
    result = run("validate", str(path))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 101
    assert lines[-1] == "... and 901 more problems"
    assert max(len(line) for line in lines) < 400  # long keys are shortened when echoed


def test_a_huge_portrait_is_refused_once_located_and_the_export_still_works(
    tmp_path: Path,
) -> None:
    from matryoshka.format.model import MAX_PORTRAIT_BYTES

    big = tmp_path / "big.png"
    with big.open("wb") as handle:
        handle.truncate(MAX_PORTRAIT_BYTES + 1)
    path = write(tmp_path, "    portrait: big.png\n")
    result = run("validate", str(path))
    assert result.returncode == 0
    assert f"{path}:5:15: warning: dolls[0].portrait: cannot use 'big.png': the file is" in (
        result.stderr
    )
    out = tmp_path / "doll.png"
    exported = run("export", str(path), "-o", str(out))
    assert exported.returncode == 0 and out.is_file()
    assert exported.stderr.count("\n") <= 1 and "Warning" not in exported.stderr


def test_a_broken_files_errors_fold_away_with_esc_and_come_back_when_they_change() -> None:
    from matryoshka.format import catalog
    from matryoshka.window import state as S
    from matryoshka.window.app import message_for_click
    from matryoshka.window.layout import compute_layout, hit_test

    class Metrics:
        def width(self, text: str, size: int, bold: bool = False) -> int:
            return len(text) * size // 2

        def line_height(self, size: int) -> int:
            return size * 4 // 3

    sequences, _ = catalog.load_all()
    errors = tuple(f"/x/set.yaml:{n}:1: error: dolls[{n}].end: bad" for n in range(6))
    s = S.update(S.initial_state(sequences), S.FileErrors(errors))
    shown = compute_layout((1280, 800), s, Metrics())
    assert shown.errors is not None and len(shown.errors.lines) >= 6
    assert "Esc" in shown.errors.title
    # Beside the doll, never over it.
    assert not shown.errors.panel.overlaps(shown.doll_rect)
    folded = S.update(s, S.Escape())
    small = compute_layout((1280, 800), folded, Metrics()).errors
    assert small is not None and small.lines == () and "6 errors" in small.title
    # A click on the folded box unfolds it; new errors unfold it too.
    spot = (small.panel.x + 10, small.panel.y + 5)
    target = hit_test(compute_layout((1280, 800), folded, Metrics()), spot)
    assert S.update(folded, message_for_click(target)).errors_folded is False
    newer = S.update(folded, S.FileErrors(errors[:2]))
    assert newer.errors_folded is False


def test_a_doctored_cache_entry_is_not_used_and_a_damaged_painting_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses
    import pickle

    from matryoshka.format import loadcache
    from matryoshka.format.loader import load_sequence

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = write(tmp_path, "")
    good = load_sequence(source).sequence
    absolute = str(source.resolve())
    # A well-formed entry whose doll points its portrait outside the set's folder.
    doll = dataclasses.replace(good.dolls[0], portrait=Path("/etc/shadow"))
    doctored = dataclasses.replace(good, dolls=(doll,))
    stamp = loadcache.stamp(source)
    entry = (
        loadcache._code_version(),
        absolute,
        stamp,
        (),
        doctored,
    )
    name = loadcache.entry_name(absolute.encode("utf-8", "surrogateescape"), ".pickle")
    folder = loadcache.cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(pickle.dumps(entry))
    assert loadcache._read(folder / name, absolute, stamp) is None


def test_a_damaged_kept_painting_is_removed_and_painted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from matryoshka.format.model import Doll
    from matryoshka.painter import paint, store

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    doll = Doll(name="Kept", id="kept")
    surface = paint(doll, "whole", 64)
    store.save(doll, "whole", 64, surface)
    (entry,) = store.store_dir().iterdir()
    data = bytearray(entry.read_bytes())
    data[-10] ^= 0xFF  # one pixel's byte flipped on the disk
    entry.write_bytes(bytes(data))
    assert store.load(doll, "whole", 64, surface.get_size()) is None
    assert not entry.exists()
    store.save(doll, "whole", 64, surface)
    assert store.load(doll, "whole", 64, surface.get_size()) is not None


def test_names_with_direction_marks_export_like_any_other(tmp_path: Path) -> None:
    # A right-to-left mark in front of a name, as names copied from the web carry, once
    # stopped the line-up with a traceback ("Text has zero width").
    path = tmp_path / "marks.yaml"
    path.write_text(
        'format: matryoshka/1\ntitle: "\\u200fمصر"\ndolls:\n'
        '  - name: "\\u200fمحمد نجيب"\n    start: 1953-06-18\n    end: 1954-11-14\n'
        '  - name: "\\u200eمحمد\\u200f"\n    start: 1950-01-01\n    end: 1953-06-18\n',
        encoding="utf-8",
    )
    for out in ("line.png", "line.pdf", "page.html"):
        args = ("--lineup",) if out != "page.html" else ()
        result = run("export", str(path), *args, "-o", str(tmp_path / out))
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
