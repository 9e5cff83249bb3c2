"""Problems found in one file, collected in any order and reported by position.

``KeyPath`` names a value by the keys and indexes that lead to it from the top of the
file (``('dolls', 3, 'start')``), shown as ``dolls[3].start``.
"""

from __future__ import annotations

from matryoshka.errors import Diagnostic

KeyPath = tuple[str | int, ...]
Position = tuple[int, int]


class Report:
    """Diagnostics of one file, collected in any order and sorted by position."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[Diagnostic] = []
        self.errors = 0

    def error(self, where: Position | None, message: str) -> None:
        line, col = where if where else (None, None)
        self.items.append(Diagnostic(self.file, line, col, message))
        self.errors += 1

    def warning(self, where: Position | None, message: str) -> None:
        line, col = where if where else (None, None)
        self.items.append(Diagnostic(self.file, line, col, message, "warning"))

    def sorted(self) -> list[Diagnostic]:
        unique = dict.fromkeys(self.items)  # a problem found twice is shown once
        return sorted(unique, key=lambda d: (d.line or 0, d.col or 0))


def dotted(path: KeyPath) -> str:
    """``('dolls', 3, 'start')`` as ``dolls[3].start``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def at(path: KeyPath, message: str) -> str:
    where = dotted(path)
    return f"{where}: {message}" if where else message
