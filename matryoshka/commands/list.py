"""``matryoshka list``: a table of every sequence that can be opened."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from matryoshka.cli import search_dirs
from matryoshka.errors import print_diagnostics
from matryoshka.format.catalog import Entry, discover

HEADERS = ("ID", "TITLE", "DOLLS", "FILE")
MAX_TITLE_WIDTH = 48


def _shown(path: Path) -> str:
    """A path relative to the working folder when it is inside it, else as it is."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def _title(text: str) -> str:
    return text if len(text) <= MAX_TITLE_WIDTH else text[: MAX_TITLE_WIDTH - 1] + "…"


def rows(entries: list[Entry]) -> list[tuple[str, str, str, str]]:
    """Table rows; a sequence that replaces others says which files it hides."""
    out = []
    for entry in entries:
        file = _shown(entry.path)
        if entry.replaces:
            file += " (replaces " + ", ".join(_shown(p) for p in entry.replaces) + ")"
        out.append((entry.id, _title(entry.title), str(entry.dolls), file))
    return out


def format_table(table: list[tuple[str, str, str, str]]) -> str:
    """Columns padded to their widest cell; the dolls column right-aligned."""
    widths = [max(len(row[i]) for row in [HEADERS, *table]) for i in range(3)]
    lines = []
    for row in [HEADERS, *table]:
        lines.append(
            f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:>{widths[2]}}  {row[3]}"
        )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Print the table on stdout and any problems on stderr.

    Exit status 1 when a file could not be loaded or a ``--sequences`` folder is missing
    (the good sequences are still listed), else 0.
    """
    catalog = discover(search_dirs(args))
    if catalog.entries:
        print(format_table(rows(catalog.entries)))
    else:
        print("no sequences found", file=sys.stderr)
    print_diagnostics(catalog.problems)
    failed = any(p.severity == "error" for p in catalog.problems)
    return 1 if failed or not catalog.entries else 0
