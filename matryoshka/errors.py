"""Located problems in user files, reported the way compilers do."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Literal, TextIO

from matryoshka.records import Record


class Diagnostic(Record):
    """One problem: ``file:line:col: error: message``. ``line`` and ``col`` are 1-based."""

    file: str
    line: int | None
    col: int | None
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        # User text (a file name, a key, a value) may hold anything: escaped, one problem
        # stays one line, and nothing in it can recolour the terminal or reorder the text.
        return escape(f"{where}: {self.severity}: {self.message}")


#: Characters that would break a message's one line or rewrite the terminal: C0 and C1
#: controls, DEL, the line and paragraph separators, and the bidirectional controls.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    named = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(char)
    if named:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: str) -> str:
    """``text`` with every control, separator and bidi control written as an escape."""
    return _UNSAFE.sub(_escaped, text)


class MatryoshkaError(Exception):
    """A user-facing failure: bad input, a missing file, a failed write.

    The command line prints ``str(diagnostic)`` for each diagnostic on stderr, one per
    line, and exits with status 1. Never raised for programming errors.
    """

    def __init__(self, diagnostics: list[Diagnostic] | Diagnostic | str) -> None:
        if isinstance(diagnostics, str):
            diagnostics = [Diagnostic("matryoshka", None, None, diagnostics)]
        elif isinstance(diagnostics, Diagnostic):
            diagnostics = [diagnostics]
        self.diagnostics: list[Diagnostic] = list(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))

    @classmethod
    def at(cls, path: Path | str, message: str, line: int | None = None, col: int | None = None):
        """An error about one file, optionally at a position."""
        return cls([Diagnostic(str(path), line, col, message)])


#: How many problems are printed before the rest are only counted.
MAX_PRINTED = 100


def print_diagnostics(diagnostics: Iterable[Diagnostic], file: TextIO | None = None) -> None:
    """Print one line per problem, the first ``MAX_PRINTED`` of them, then how many more."""
    out = file if file is not None else sys.stderr
    shown = 0
    more = 0
    for diagnostic in diagnostics:
        if shown < MAX_PRINTED:
            print(diagnostic, file=out, flush=True)
            shown += 1
        else:
            more += 1
    if more:
        print(f"... and {more} more problem{'s' if more != 1 else ''}", file=out, flush=True)


def read_file(path: Path, limit: int, folder: str) -> bytes:
    """At most ``limit`` bytes of ``path`` (read one more to tell that it is larger).

    Raises:
        MatryoshkaError: located at ``path``: it is missing, unreadable, or a folder
            (saying ``folder``, e.g. "is a folder, not a sequence file").
    """
    try:
        with path.open("rb") as handle:
            return handle.read(limit)
    except FileNotFoundError:
        raise MatryoshkaError.at(path, "no such file") from None
    except IsADirectoryError:
        raise MatryoshkaError.at(path, folder) from None
    except PermissionError:
        raise MatryoshkaError.at(path, "cannot read the file: permission denied") from None
    except OSError as err:
        raise MatryoshkaError.at(path, f"cannot read the file: {err.strerror or err}") from None
