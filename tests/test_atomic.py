"""Files appear whole or not at all, whatever stops the write."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import BinaryIO

import pytest

from matryoshka.atomic import WriteError, write_atomically, write_bytes, write_text

REPO = Path(__file__).resolve().parent.parent


def test_a_failing_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "kept.txt"
    target.write_text("old")

    def half(fp: BinaryIO) -> None:
        fp.write(b"new, but not all of it")
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        write_atomically(target, half)
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.txt"]


def test_an_interrupt_while_writing_leaves_nothing(tmp_path: Path) -> None:
    def interrupted(fp: BinaryIO) -> None:
        fp.write(b"x")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomically(tmp_path / "a.png", interrupted)
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_kept_unless_replacing_is_asked_for(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    write_text(target, "first", overwrite=False)
    with pytest.raises(WriteError) as err:
        write_text(target, "second", overwrite=False)
    assert err.value.exists
    assert target.read_text() == "first"
    write_text(target, "third")
    assert target.read_text() == "third"
    assert write_text(target, "fourth", overwrite=False, unique=True).name == "a-2.txt"


def test_permissions_are_those_asked_for_or_the_umask(tmp_path: Path) -> None:
    private = write_bytes(tmp_path / "p", b"x", mode=0o600)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    mask = os.umask(0)
    os.umask(mask)
    ordinary = write_bytes(tmp_path / "o", b"x")
    assert stat.S_IMODE(ordinary.stat().st_mode) == 0o666 & ~mask


def test_a_missing_folder_is_a_clear_error_or_made(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="does not exist"):
        write_bytes(tmp_path / "no" / "a", b"x")
    assert write_bytes(tmp_path / "no" / "a", b"x", make_folder=True).read_bytes() == b"x"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_signal_the_moment_the_temporary_file_appears_still_removes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The signal comes after the temporary file exists and before its name is returned:
    # the write holds it back until it is ready to clean up.
    import tempfile

    real_mkstemp = tempfile.mkstemp

    def mkstemp_then_signal(**kwargs: str) -> tuple[int, str]:
        made = real_mkstemp(**kwargs)
        os.kill(os.getpid(), signal.SIGTERM)
        return made

    def leave(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp_then_signal)
    previous = signal.signal(signal.SIGTERM, leave)
    try:
        with pytest.raises(SystemExit):
            write_bytes(tmp_path / "a", b"x")
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_a_terminated_export_leaves_nothing_behind(tmp_path: Path, signame: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    env = dict(os.environ, PYTHONPATH=str(REPO), SDL_VIDEODRIVER="dummy")
    # A long animation: it is still drawing and encoding when the signal comes.
    proc = subprocess.Popen(
        [sys.executable, "-m", "matryoshka", "export", "soviet-chronology", "--animate",
         "--size", "480", "-o", str(out / "long.gif")],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        # Wait for the write to begin: its temporary file appears in the folder.
        while not any(out.iterdir()) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        if proc.poll() is not None:
            pytest.fail(f"the export ended before it could be stopped: {proc.returncode}")
        proc.send_signal(getattr(signal, signame))
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode != 0
    assert list(out.iterdir()) == []
