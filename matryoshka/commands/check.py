"""``matryoshka check SEQUENCE [--against REF]``: the chronology check on the command line.

Prints what the set skips, adds and nests out of order against its reference, one line
per finding with names and dates, then a summary line. Exit status 0 when there is nothing
to report, 1 otherwise (and for bad input, as every command). The reference is looked up
like any sequence, and also in the folder of SEQUENCE's file.
"""

from __future__ import annotations

import argparse
import contextlib
import re
from pathlib import Path

from matryoshka import cli
from matryoshka.errors import MatryoshkaError
from matryoshka.format import catalog
from matryoshka.format.model import Doll, Sequence
from matryoshka.history.chronology import CheckReport, check


def run(args: argparse.Namespace) -> int:
    """Check ``args.sequence`` against ``args.against`` or its ``compare_with``."""
    dirs = cli.search_dirs(args)
    sequence = catalog.resolve(args.sequence, dirs)
    spec = args.against or sequence.compare_with
    if not spec:
        raise MatryoshkaError.at(
            sequence.path or sequence.id,
            "no reference to check against: give --against REF or add compare_with to the file",
        )
    try:
        reference = catalog.resolve(spec, _reference_dirs(sequence, dirs))
    except MatryoshkaError as err:
        if args.against or len(err.diagnostics) != 1 or err.diagnostics[0].line is not None:
            raise
        # The reference named in the file was not found: point at compare_with.
        raise _at_compare_with(sequence, err.diagnostics[0].message) from None
    report = check(sequence, reference)
    for line in format_report(report):
        print(line)
    return 0 if report.ok else 1


def _at_compare_with(sequence: Sequence, message: str) -> MatryoshkaError:
    """``message`` located at the value of the file's ``compare_with``."""
    line = col = None
    if sequence.path is not None:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            text = sequence.path.read_text(encoding="utf-8-sig")
            found = re.search(r"^compare_with[ \t]*:[ \t]*", text, re.MULTILINE)
            if found:
                line = text.count("\n", 0, found.start()) + 1
                col = found.end() - found.start() + 1
    return MatryoshkaError.at(
        sequence.path or sequence.id,
        f"compare_with: {message}; put the reference file beside this one or in a "
        "--sequences folder",
        line,
        col,
    )


def _reference_dirs(sequence: Sequence, dirs: list[Path]) -> list[Path]:
    """Where to look for the reference: also the sequence file's own folder.

    A user who writes a set and its reference side by side can then check the set by
    its path alone. The folder is searched before the ``--sequences`` folders, so those
    still win.
    """
    if sequence.path is None:
        return dirs
    folder = sequence.path.parent
    searched = {p.resolve() for p in catalog.search_path(dirs) if p.is_dir()}
    return dirs if folder.resolve() in searched else [folder, *dirs]


def format_report(report: CheckReport) -> list[str]:
    """The report as lines of text: a heading, the findings by kind, a summary."""
    seq, ref = report.sequence, report.reference
    lines = [_heading(report)]
    lines += [f"reference problem: {problem}" for problem in report.reference_problems]
    for gap in report.gaps:
        between = f"between {_short(gap.inner, seq)} and {_short(gap.outer, seq)}"
        lines += [f"missing: {_named(d)}, {between}" for d in gap.skipped]
    for doll in report.not_in_reference:
        line = f"not in reference: {_named(doll)}, {_place(doll, seq)}"
        namesakes = report.namesakes.get(doll.id, ())
        if namesakes:
            known = " or ".join(f"{d.name} with the id {d.id}" for d in namesakes)
            line += f" (the reference has {known}: use that id to match)"
        lines.append(line)
    for pair in report.out_of_order:
        outer, inner = _named(pair.outer, ref), _named(pair.inner, ref)
        lines.append(
            f"out of order: {inner} is inside {outer}, "
            f"but the reference puts {pair.outer.name} first"
        )
    lines.append(_summary(report))
    return lines


def _heading(report: CheckReport) -> str:
    seq, ref = report.sequence, report.reference
    head = f"{seq.id} against {ref.id}"
    if report.span is None:
        return f"{head}: no doll in common"
    first, last = report.span
    if first.id == last.id:
        return f"{head}, over {_named(first)} only"
    return f"{head}, over {_named(first)} to {_named(last)}"


def _summary(report: CheckReport) -> str:
    head = f"{report.sequence.id} against {report.reference.id}"
    if report.ok:
        return f"{head}: nothing to report"
    counts = [
        f"{len(report.missing)} missing",
        f"{len(report.not_in_reference)} not in reference",
        f"{len(report.out_of_order)} out of order",
    ]
    problems = len(report.reference_problems)
    if problems:
        counts.append(f"{problems} reference problem{'s' if problems > 1 else ''}")
    return f"{head}: " + ", ".join(counts)


def _named(doll: Doll, reference: Sequence | None = None) -> str:
    """``Georgy Malenkov (1953–1955)``; an undated doll borrows the reference's dates."""
    years = doll.years()
    if not years and reference is not None:
        with contextlib.suppress(KeyError):
            years = reference.doll(doll.id).years()
    return f"{doll.name} ({years})" if years else doll.name


def _place(doll: Doll, sequence: Sequence) -> str:
    """Where a doll sits in its set, inner neighbour first as in ``between``."""
    dolls = sequence.dolls
    index = sequence.index_of(doll.id)
    if len(dolls) == 1:
        return "the only doll"
    if index == len(dolls) - 1:
        return f"the core, inside {_short(dolls[index - 1], sequence)}"
    if index == 0:
        return f"the outermost doll, around {_short(dolls[1], sequence)}"
    return f"between {_short(dolls[index + 1], sequence)} and {_short(dolls[index - 1], sequence)}"


def _short(doll: Doll, sequence: Sequence) -> str:
    """A neighbour's name, with its dates only when the set has two dolls of that name."""
    twins = sum(d.name == doll.name for d in sequence.dolls)
    return _named(doll) if twins > 1 else doll.name
