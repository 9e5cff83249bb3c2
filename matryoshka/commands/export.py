"""``matryoshka export SEQUENCE -o OUT``: write a picture or an animation, no window.

Bad input (unknown doll, size out of range, unknown suffix, missing or unwritable folder,
an existing OUT without ``--force``) is a one-line error and exit status 1. Problems with
the output are found before anything is drawn.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from matryoshka.errors import Diagnostic, MatryoshkaError
from matryoshka.export import kinds


def _format(out: Path, kind: str) -> str:
    from matryoshka.export.encode import FORMATS

    fmt = FORMATS.get(out.suffix.lower())
    allowed = ".png, .gif or .webp" + (" (or .pdf)" if kind == "lineup" else "")
    if fmt is None:
        what = f"'{out.suffix}'" if out.suffix else "no suffix"
        raise MatryoshkaError.at(out, f"unknown picture format ({what}); use {allowed}")
    if fmt == "pdf" and kind != "lineup":
        raise MatryoshkaError.at(out, "PDF is only for --lineup; use .png, .gif or .webp")
    return fmt


def run(args: argparse.Namespace) -> int:
    """Export one picture or animation of ``args.sequence`` to ``args.output``."""
    # No window ever opens: keep SDL away from any display before pygame starts.
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

    from matryoshka.cli import search_dirs
    from matryoshka.export import encode
    from matryoshka.export.job import ExportError, ExportRequest, produce
    from matryoshka.format import catalog

    out: Path = args.output
    kind = kinds.chosen(args).name
    fmt = _format(out, kind)
    try:
        encode.check_target(out, overwrite=args.force)
    except encode.WriteError as err:
        raise MatryoshkaError.at(out, str(err)) from None

    sequence = catalog.resolve(args.sequence, search_dirs(args))
    depth = 0
    if args.doll is not None:
        try:
            depth = sequence.index_of(args.doll)
        except KeyError:
            known = ", ".join(d.id for d in sequence.dolls)
            where = str(sequence.path) if sequence.path else sequence.id
            raise MatryoshkaError(
                Diagnostic(where, None, None, f"no doll '{args.doll}'; known ids: {known}")
            ) from None

    request = ExportRequest(kind, sequence, depth, fmt, args.size)  # type: ignore[arg-type]
    try:
        steps = produce(request)
        while True:
            next(steps)
    except StopIteration as stop:
        encoder = stop.value
    except ExportError as err:
        raise MatryoshkaError(str(err)) from None

    try:
        written = encode.write_atomically(out, encoder, overwrite=args.force)
    except encode.WriteError as err:
        raise MatryoshkaError.at(out, str(err)) from None
    print(f"wrote {written}", file=sys.stdout)
    return 0
