"""``matryoshka validate PATH...``: check sequence files, or every one in folders."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from matryoshka.catalog import sequence_files
from matryoshka.errors import Diagnostic, MatryoshkaError
from matryoshka.loader import load_sequence


def files_to_check(paths: list[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """The files named, with folders expanded to their YAML files; problems for the rest."""
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            try:
                found = sequence_files(path)
            except OSError as err:
                problems.append(Diagnostic(str(path), None, None, f"cannot read: {err.strerror}"))
                continue
            if not found:
                problems.append(Diagnostic(str(path), None, None, "no .yaml or .yml files here"))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            problems.append(Diagnostic(str(path), None, None, "no such file or folder"))
    return files, problems


def run(args: argparse.Namespace) -> int:
    """Print ``path: ok`` on stdout per good file; errors and warnings on stderr.

    Exit status 1 if any file has an error or a path is missing, else 0 (warnings alone
    do not fail).
    """
    files, problems = files_to_check(list(args.paths))
    failed = bool(problems)
    for problem in problems:
        print(problem, file=sys.stderr)
    for file in files:
        try:
            result = load_sequence(file)
        except MatryoshkaError as err:
            failed = True
            for diagnostic in err.diagnostics:
                print(diagnostic, file=sys.stderr)
            continue
        for warning in result.warnings:
            print(warning, file=sys.stderr)
        print(f"{file}: ok", flush=True)
    return 1 if failed else 0
