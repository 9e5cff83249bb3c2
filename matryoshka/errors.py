"""Located problems in user files, reported the way compilers do."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal


@dataclass(frozen=True)
class Diagnostic:
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
        return f"{where}: {self.severity}: {self.message}"


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
