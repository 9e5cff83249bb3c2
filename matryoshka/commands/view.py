"""``matryoshka view [SEQUENCE]`` (and plain ``matryoshka``): open the window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from matryoshka.cli import DEFAULT_SEQUENCE, search_dirs
from matryoshka.errors import MatryoshkaError, print_diagnostics
from matryoshka.format.model import Sequence


def choose_index(
    sequences: list[Sequence], requested: Sequence | None, remembered: str | None
) -> tuple[list[Sequence], int]:
    """The tabs and the one to show first.

    A sequence named on the command line wins (added as a tab if it is a file outside the
    catalog); otherwise the one shown last time; otherwise the market set; otherwise the
    first.
    """
    tabs = list(sequences)
    if requested is not None:
        for i, seq in enumerate(tabs):
            if seq.id == requested.id and _same_file(seq.path, requested.path):
                return tabs, i
        tabs.append(requested)
        return tabs, len(tabs) - 1
    for wanted in (remembered, DEFAULT_SEQUENCE):
        for i, seq in enumerate(tabs):
            if wanted is not None and seq.id == wanted:
                return tabs, i
    return tabs, 0


def _same_file(a: Path | None, b: Path | None) -> bool:
    if a is None or b is None:
        return True
    return a.resolve() == b.resolve()


def run(args: argparse.Namespace) -> int:
    """Open the window; returns 0 when the user quits, 1 when it cannot open."""
    from matryoshka.format import catalog
    from matryoshka.window.settings import load_settings, settings_path

    dirs = search_dirs(args)
    spec: str | None = getattr(args, "sequence", None)
    # ``matryoshka`` alone reopens the set shown last time; naming one opens that one.
    explicit = spec is not None and not getattr(args, "sequence_defaulted", False)
    sequences, diagnostics = catalog.load_all(dirs)
    print_diagnostics(diagnostics)
    requested = catalog.resolve(spec, dirs) if explicit and spec else None
    settings, warning = load_settings()
    if warning:
        print(f"matryoshka: warning: {warning}", file=sys.stderr)
    if not sequences and requested is None:
        raise MatryoshkaError("no sequences found to show")
    tabs, index = choose_index(sequences, requested, settings.sequence)
    compare = None
    other_spec: str | None = getattr(args, "compare", None)
    if other_spec:
        other = catalog.resolve(other_spec, dirs)
        tabs, compare = choose_index(tabs, other, None)
        if compare == index:
            raise MatryoshkaError(f"--compare names the set shown ({other.id}); name another")

    from matryoshka.window.app import NO_DISPLAY_MESSAGE, App, NoDisplayError

    try:
        app = App(
            tabs,
            index=index,
            settings=settings,
            settings_file=settings_path(),
            reduced_motion=bool(getattr(args, "reduced_motion", False)),
            watch=True,
        )
    except NoDisplayError:
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 1
    if compare is not None:
        from matryoshka.window.state import CompareWith

        app.send(CompareWith(compare))
    return app.run()
