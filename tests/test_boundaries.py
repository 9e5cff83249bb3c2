"""The parts that need no pygame never load it, and the commands that need no window run
where pygame cannot be imported at all.

Each check runs in a fresh interpreter with an import hook that refuses ``pygame``, so a
module that reaches for it (directly or through another module) fails here.
"""

from __future__ import annotations

import keyword
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "matryoshka"

#: Every module that must work without pygame: the file format, history, the window's
#: state and layout, the stage's geometry, the shared core and the commands that print.
PURE_FOLDERS = ("format", "format/importing", "history")
PURE_MODULES = (
    "matryoshka",
    "matryoshka.cli",
    "matryoshka.errors",
    "matryoshka.geometry",
    "matryoshka.paths",
    "matryoshka.records",
    "matryoshka.cachefile",
    "matryoshka.theme",
    "matryoshka.stage",
    "matryoshka.stage.choreography",
    "matryoshka.stage.easing",
    "matryoshka.stage.scripts",
    "matryoshka.stage.bidi",
    "matryoshka.stage.linebreak",
    "matryoshka.window.state",
    "matryoshka.window.layout",
    "matryoshka.window.keymap",
    "matryoshka.export.kinds",
)
#: The commands that open a window or draw; every other command must run without pygame.
DRAWING_COMMANDS = ("view", "export")

BLOCK_PYGAME = """
import importlib.abc, sys
class _NoPygame(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "pygame" or name.startswith("pygame."):
            raise ImportError("pygame is blocked for this check")
        return None
sys.meta_path.insert(0, _NoPygame())
"""


def printing_commands() -> list[str]:
    """Every command that only reads and writes files (new ones included automatically)."""
    found = sorted(p.stem for p in (PACKAGE / "commands").glob("*.py") if p.stem != "__init__")
    # ``import_.py`` is the ``import`` command (a Python keyword cannot name a module)
    return [name.removesuffix("_") for name in found if name not in DRAWING_COMMANDS]


def pure_modules() -> list[str]:
    names = list(PURE_MODULES) + [
        f"matryoshka.commands.{c}_" if keyword.iskeyword(c) else f"matryoshka.commands.{c}"
        for c in printing_commands()
    ]
    for folder in PURE_FOLDERS:
        for path in sorted((PACKAGE / folder).glob("*.py")):
            stem = path.stem
            package = "matryoshka." + folder.replace("/", ".")
            names.append(package + ("" if stem == "__init__" else f".{stem}"))
    return [n for n in names if _exists(n)]


def _exists(name: str) -> bool:
    parts = name.split(".")[1:]
    base = PACKAGE.joinpath(*parts)
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def run_blocked(code: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-c", BLOCK_PYGAME + code, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )


def test_the_list_of_pure_modules_names_real_modules() -> None:
    missing = [n for n in PURE_MODULES if not _exists(n)]
    assert not missing, f"listed as pure but not found: {missing}"


def test_pure_modules_import_without_pygame() -> None:
    names = pure_modules()
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'pygame' or m.startswith('pygame.'))\n"
        "print('ok', len(loaded))\n"
    )
    result = run_blocked(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok 0"


def test_the_hook_really_blocks_pygame() -> None:
    result = run_blocked("from matryoshka.pgcompat import pygame\npygame.Surface((1, 1))\n")
    assert result.returncode != 0
    assert "pygame is blocked" in result.stderr


CLI = "import sys\nfrom matryoshka.cli import main\nsys.exit(main(sys.argv[1:]))\n"


def run_free(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The same command line with pygame importable, to compare against."""
    return subprocess.run(
        [sys.executable, "-c", CLI, *args],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        cwd=cwd,
        timeout=120,
    )


def test_every_printing_command_is_checked() -> None:
    assert {"check", "list", "new", "validate"} <= set(printing_commands())


@pytest.mark.parametrize(
    ("args", "status", "expect"),
    [
        (["validate", str(REPO / "sequences")], 0, "ok"),
        (["validate", str(REPO / "tests" / "data" / "five-mistakes.yaml")], 1, "error:"),
        (["check", "market-1995"], 1, "Malenkov"),  # a check that finds gaps exits 1
        (["list"], 0, "market-1995"),
        (["--version"], 0, "matryoshka"),
    ],
    ids=["validate", "validate-errors", "check", "list", "version"],
)
def test_commands_that_print_run_without_pygame(args: list[str], status: int, expect: str) -> None:
    result = run_blocked(CLI, *args)
    assert result.returncode == status, result.stderr
    assert expect in result.stdout + result.stderr
    # Word for word what the same command prints where pygame is there.
    free = run_free(*args)
    assert (result.stdout, result.stderr) == (free.stdout, free.stderr)


@pytest.mark.parametrize("command", printing_commands())
def test_help_of_every_printing_command_without_pygame(command: str) -> None:
    result = run_blocked(CLI, command, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: matryoshka {command}")
    assert result.stdout == run_free(command, "--help").stdout


def test_new_runs_without_pygame(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    result = run_blocked(CLI, "new", str(target))
    assert result.returncode == 0, result.stderr
    check = run_blocked(CLI, "validate", str(target))
    assert check.returncode == 0, check.stderr
    assert check.stdout.strip() == f"{target}: ok"
    twin = tmp_path / "twin" / "mine.yaml"
    twin.parent.mkdir()
    assert run_free("new", str(twin)).returncode == 0
    assert target.read_text(encoding="utf-8") == twin.read_text(encoding="utf-8")


def test_the_window_is_laid_out_and_driven_without_pygame() -> None:
    # Not only importable: the layout and the state machine run with pygame blocked.
    code = (
        "from matryoshka.format import catalog\n"
        "from matryoshka.window import state as S\n"
        "from matryoshka.window.layout import compute_layout, hit_test\n"
        "from matryoshka.history.timeline import build_timeline\n"
        "class M:\n"
        "    def width(self, text, size, bold=False): return len(text) * size // 2\n"
        "    def line_height(self, size): return size * 4 // 3\n"
        "seqs, _ = catalog.load_all()\n"
        "s = S.initial_state(seqs)\n"
        "s = S.update(s, S.Open())\n"
        "s = S.tick(s, 2000)\n"
        "s = S.update(s, S.ToggleHelp())\n"
        "lay = compute_layout((1280, 800), s, M(), timeline=build_timeline(s.sequence, None))\n"
        "print(s.depth, hit_test(lay, (5, 5)) is not None)\n"
    )
    result = run_blocked(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1", "True"]
