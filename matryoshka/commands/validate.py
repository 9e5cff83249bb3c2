"""``matryoshka validate PATH...``: check sequence files, or every one in folders."""

from __future__ import annotations

import argparse
from pathlib import Path

from matryoshka.errors import Diagnostic, MatryoshkaError, print_diagnostics
from matryoshka.format.catalog import sequence_files
from matryoshka.format.loader import load_sequence


def files_in(path: Path) -> list[Path]:
    """The files a PATH argument stands for: itself, or a folder's YAML files.

    Raises:
        MatryoshkaError: the path does not exist, or is a folder without YAML files.
    """
    if path.is_dir():
        try:
            found = sequence_files(path)
        except OSError as err:
            raise MatryoshkaError.at(path, f"cannot read the folder: {err.strerror}") from None
        if not found:
            raise MatryoshkaError.at(path, "no .yaml or .yml files here")
        return found
    if not path.exists():
        raise MatryoshkaError.at(path, "no such file or folder")
    return [path]


def check(file: Path) -> tuple[bool, list[Diagnostic]]:
    """Whether a file is good, and what to say about it (errors and warnings)."""
    try:
        result = load_sequence(file)
    except MatryoshkaError as err:
        return False, err.diagnostics
    return True, result.warnings


def run(args: argparse.Namespace) -> int:
    """Print ``path: ok`` on stdout per good file; errors and warnings on stderr.

    Paths are checked in the order given. Exit status 1 if any file has an error or a
    path is missing, else 0 (warnings alone do not fail).
    """
    failed = False
    for path in args.paths:
        try:
            files = files_in(path)
        except MatryoshkaError as err:
            failed = True
            _print(err.diagnostics)
            continue
        for file in files:
            good, diagnostics = check(file)
            _print(diagnostics)
            if good:
                print(f"{file}: ok", flush=True)
            failed = failed or not good
    return 1 if failed else 0


def _print(diagnostics: list[Diagnostic]) -> None:
    print_diagnostics(diagnostics)
