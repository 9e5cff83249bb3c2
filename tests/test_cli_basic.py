"""`matryoshka --version`, `--help`, `list` and `validate`, as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from matryoshka import __version__, cli, paths

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
SHIPPED_IDS = ["market-1995", "lenin-at-centre", "trotsky-inside-lenin", "soviet-chronology"]


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty user folder, and the repository as the working folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(REPO)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"matryoshka {__version__}\n"


@pytest.mark.parametrize("argv", [["--help"], ["list", "--help"], ["validate", "--help"]])
def test_help(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(argv)
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: matryoshka")
    if argv == ["--help"]:
        for command in ("view", "list", "validate", "check", "export"):
            assert command in out


def test_wrong_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["validate"])
    assert info.value.code == 2
    assert "the following arguments are required: PATH" in capsys.readouterr().err


# --- validate --------------------------------------------------------------------------


def test_validate_shipped_folder(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "validate", "sequences/")
    assert status == 0 and err == ""
    # A folder is validated file by file, in name order.
    assert out.splitlines() == [f"sequences/{name}.yaml: ok" for name in sorted(SHIPPED_IDS)]


def test_validate_five_mistakes(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "validate", "tests/data/five-mistakes.yaml")
    assert status == 1 and out == ""
    lines = err.splitlines()
    assert len(lines) == 5
    assert [line.split(": error: ")[0] for line in lines] == [
        "tests/data/five-mistakes.yaml:6:12",
        "tests/data/five-mistakes.yaml:7:36",
        "tests/data/five-mistakes.yaml:8:11",
        "tests/data/five-mistakes.yaml:9:10",
        "tests/data/five-mistakes.yaml:11:5",
    ]


def test_validate_mixed_paths(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("format: matryoshka/1\ntitle: T\ndolls: [{name: A}]\n", encoding="utf-8")
    warned = tmp_path / "warned.yml"
    warned.write_text(
        "format: matryoshka/1\ntitle: T\ndolls: [{name: A, portrait: a.png}]\n", encoding="utf-8"
    )
    status, out, err = run(capsys, "validate", str(good), str(tmp_path / "missing.yaml"))
    assert status == 1
    assert out == f"{good}: ok\n"
    assert err == f"{tmp_path / 'missing.yaml'}: error: no such file or folder\n"
    # a warning alone does not fail the file
    status, out, err = run(capsys, "validate", str(warned))
    assert (status, out) == (0, f"{warned}: ok\n")
    assert err == (
        f"{warned}:3:29: warning: dolls[0].portrait: cannot use 'a.png': no such file; "
        "the painted face is shown instead\n"
    )


def test_validate_empty_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = run(capsys, "validate", str(tmp_path))
    assert (status, out) == (1, "")
    assert err == f"{tmp_path}: error: no .yaml or .yml files here\n"


# --- list ------------------------------------------------------------------------------


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "list")
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "TITLE", "DOLLS", "FILE"]
    assert [line.split()[0] for line in lines[1:]] == SHIPPED_IDS
    assert lines[1].split() == [
        "market-1995", "The", "market", "set,", "Moscow", "1995", "7",
        "sequences/market-1995.yaml",
    ]  # fmt: skip


def test_list_says_what_is_replaced_and_reports_broken_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    user = paths.user_sequences_dir()
    user.mkdir(parents=True)
    (user / "market.yaml").write_text(
        "format: matryoshka/1\nid: market-1995\ntitle: My own market set\ndolls: [{name: A}]\n",
        encoding="utf-8",
    )
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "bad.yaml").write_text("format: matryoshka/1\ntitle: [\n", encoding="utf-8")
    status, out, err = run(capsys, "list", "--sequences", str(extra))
    assert status == 1  # something could not be loaded; the rest is still listed
    market = next(line for line in out.splitlines() if line.startswith("market-1995"))
    assert "My own market set" in market
    assert market.endswith(f"{user / 'market.yaml'} (replaces sequences/market-1995.yaml)")
    assert err.startswith(f"{extra / 'bad.yaml'}:")
    assert len(err.splitlines()) == 1


def test_list_with_a_missing_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = run(capsys, "list", "--sequences", str(tmp_path / "typo"))
    assert status == 1
    assert len(out.splitlines()) == 1 + len(SHIPPED_IDS)
    assert err == f"{tmp_path / 'typo'}: error: no such folder (given with --sequences)\n"


# --- As a process ----------------------------------------------------------------------


def _process(*argv: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "matryoshka", *argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_process_validate_and_list() -> None:
    done = _process("validate", "sequences")
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.count(": ok\n") == 4
    done = _process("list")
    assert done.returncode == 0
    assert "soviet-chronology" in done.stdout


def test_process_refuses_python_tags_without_running_them(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    evil = tmp_path / "evil.yaml"
    evil.write_text(
        "format: matryoshka/1\ntitle: T\ndolls:\n"
        f"  - name: !!python/object/apply:os.system ['touch {marker}']\n",
        encoding="utf-8",
    )
    done = _process("validate", str(evil), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        f"{evil}:4:11: error: tag !!python/object/apply:os.system is not allowed: "
        "sequence files use plain values\n"
    )
    assert not marker.exists()


def test_process_bad_input_never_shows_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "latin1.yaml").write_bytes("title: Genève\n".encode("latin-1"))
    (tmp_path / "folder.yaml").mkdir()
    done = _process("validate", "latin1.yaml", "folder.yaml", "missing", cwd=tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        "latin1.yaml:1:11: error: not UTF-8 text: byte 0xe8 cannot be read; save the file as UTF-8",
        "folder.yaml: error: no .yaml or .yml files here",
        "missing: error: no such file or folder",
    ]


def test_list_and_validate_do_not_load_pygame() -> None:
    probe = (
        "import sys\n"
        "from matryoshka import cli\n"
        "assert cli.main(['list']) == 0\n"
        "assert cli.main(['validate', 'sequences']) == 0\n"
        "assert 'pygame' not in sys.modules, 'pygame was imported'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
