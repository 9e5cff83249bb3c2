"""Files that appear whole or not at all: the one way the program writes a file.

Every file the program writes (exports, starter sequences, settings, cache entries, the
shipped schema and assets) goes through :func:`write_atomically`: the bytes go to a
temporary file in the target folder, are flushed to disk, get their permissions, and only
then take the final name. If anything goes wrong, an interrupt included, the temporary
file is removed and whatever was at the target stays as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


class WriteError(Exception):
    """A file could not be written; the message is one short line.

    Attributes:
        reason: why, without the folder ("permission denied", "the disk is full").
        exists: the target exists and was not to be replaced.
    """

    def __init__(self, message: str, reason: str | None = None, exists: bool = False) -> None:
        super().__init__(message)
        self.reason = reason or message
        self.exists = exists


def describe(err: OSError) -> str:
    """A short, lower-case reason for an operating-system error."""
    if err.errno == errno.ENOSPC:
        return "the disk is full"
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied"
    return err.strerror or str(err)


def write_atomically(
    path: Path,
    write: Callable[[BinaryIO], None],
    *,
    overwrite: bool = True,
    unique: bool = False,
    mode: int | None = None,
    make_folder: bool = False,
    durable: bool = True,
) -> Path:
    """Write a file through ``write`` so that it appears whole or not at all.

    Args:
        path: where the file should end up.
        write: writes the whole content to the open binary file it is given.
        overwrite: replace an existing file at ``path``; when False an existing file is
            never replaced, not even one created a moment ago by someone else.
        unique: instead of failing when ``path`` exists, use the first free name among
            ``name-2.ext``, ``name-3.ext``, ...
        mode: the file's permissions; by default those of any new file (the umask's).
        make_folder: create the folder (and its parents) if it is missing.
        durable: flush the file to disk before it takes its name (off for cache entries,
            which are only ever a shortcut).
    Returns:
        The path written.
    Raises:
        WriteError: the file could not be written (missing folder, permission, disk full,
            an existing file).
    """
    folder = path.parent
    # Between the temporary file's creation and the ``try`` that removes it, an interrupt
    # would leave it behind: hold interrupts back until that ``try`` is entered.
    held = _hold_interrupts()
    try:
        if make_folder:
            folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except FileNotFoundError as err:
        _release_interrupts(held)
        if not folder.is_dir():
            raise WriteError(f"the folder {folder} does not exist", "no such folder") from None
        raise _error(f"cannot write in {folder}", err) from None
    except OSError as err:
        _release_interrupts(held)
        raise _error(f"cannot write in {folder}", err) from None
    tmp = Path(tmp_name)
    try:
        _release_interrupts(held)  # one that came meanwhile is raised here, then cleaned up
        try:
            with os.fdopen(fd, "wb") as fp:
                # The file's name, not its descriptor number: a writer that reopens the
                # file by name (the MP4 muxer's second, "faststart" pass) finds it.
                fp.raw.name = tmp_name  # type: ignore[attr-defined]
                write(fp)
                fp.flush()
                if durable:
                    os.fsync(fp.fileno())
            with contextlib.suppress(OSError):
                os.chmod(tmp, 0o666 & ~_UMASK if mode is None else mode)
            return _commit(tmp, path, overwrite, unique)
        except OSError as err:
            raise _error("cannot write", err) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def write_bytes(path: Path, data: bytes, **options: bool | int | None) -> Path:
    """:func:`write_atomically` with ``data`` as the whole content."""
    return write_atomically(path, lambda fp: fp.write(data) and None, **options)  # type: ignore[arg-type]


def write_text(path: Path, text: str, **options: bool | int | None) -> Path:
    """:func:`write_atomically` with ``text`` in UTF-8, with ``\\n`` line ends."""
    return write_bytes(path, text.encode("utf-8"), **options)


def _error(prefix: str, err: OSError) -> WriteError:
    reason = describe(err)
    return WriteError(f"{prefix}: {reason}", reason)


def _candidates(path: Path, unique: bool) -> list[Path]:
    if not unique:
        return [path]
    return [path] + [path.with_name(f"{path.stem}-{n}{path.suffix}") for n in range(2, 1000)]


def _commit(tmp: Path, path: Path, overwrite: bool, unique: bool) -> Path:
    if overwrite:
        os.replace(tmp, path)
        return path
    for candidate in _candidates(path, unique):
        try:
            # A hard link never replaces an existing file, even one created a moment ago.
            os.link(tmp, candidate)
            return candidate
        except FileExistsError:
            continue
        except OSError:
            # Some file systems have no hard links: check, then rename.
            if candidate.exists():
                continue
            os.replace(tmp, candidate)
            return candidate
    raise WriteError("already exists (use --force to overwrite it)", "already exists", exists=True)


#: The signals that interrupt a write (as ``KeyboardInterrupt`` or, through the command
#: line's handlers, ``SystemExit``).
_INTERRUPTS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def _hold_interrupts() -> set[signal.Signals] | None:
    """Block the interrupting signals in this thread; returns the mask to restore."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, _INTERRUPTS)


def _release_interrupts(held: set[signal.Signals] | None) -> None:
    """Restore the mask; a signal that came while it was held is handled now."""
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# mkstemp creates files readable by their owner only; a written file should get the
# permissions any new file gets. Read once: changing the umask is not thread-safe.
_UMASK = _read_umask()
