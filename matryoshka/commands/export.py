"""``matryoshka export SEQUENCE -o OUT``: write a picture, animation, video or web page.

Bad input (unknown doll, size out of range, unknown suffix, missing or unwritable folder,
an existing OUT without ``--force``) is a one-line error and exit status 1. Problems with
the output are found before anything is drawn.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from matryoshka.errors import Diagnostic, MatryoshkaError
from matryoshka.export import kinds

if TYPE_CHECKING:
    from matryoshka.format.model import Sequence


def _format(out: Path, kind: str) -> str:
    from matryoshka.export.encode import FORMATS

    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        what = f"'{out.suffix}'" if out.suffix else "no suffix"
        raise MatryoshkaError.at(
            out,
            f"unknown picture format ({what}); use .png, .gif or .webp "
            "(.pdf with --lineup or --compare; .mp4 or .webm with --animate; .html for a web "
            "page)",
        )
    if kind == "comparison" and fmt not in ("png", "webp", "pdf"):
        raise MatryoshkaError.at(
            out, f"a comparison is a still: use .png, .webp or .pdf, not .{fmt}"
        )
    if fmt == "html" and kind != "page":
        raise MatryoshkaError.at(
            out,
            "a web page (.html) shows the whole set: leave out --open, --lineup, --animate "
            "and --compare",
        )
    if fmt == "pdf" and kind not in ("lineup", "comparison"):
        raise MatryoshkaError.at(
            out, "PDF is only for --lineup and --compare; use .png, .gif or .webp"
        )
    if fmt in ("mp4", "webm") and kind != "animation":
        raise MatryoshkaError.at(
            out, f"video (.{fmt}) is only for --animate; use .png, .gif or .webp"
        )
    return fmt


def _position(sequence: Sequence, doll_id: str) -> int:
    """Where the doll ``doll_id`` is in ``sequence`` (0 the outermost)."""
    try:
        return sequence.index_of(doll_id)
    except KeyError:
        known = ", ".join(d.id for d in sequence.dolls)
        where = str(sequence.path) if sequence.path else sequence.id
        raise MatryoshkaError(
            Diagnostic(where, None, None, f"no doll '{doll_id}'; known ids: {known}")
        ) from None


def _reference(sequence: Sequence, args: argparse.Namespace) -> Sequence | None:
    """The reference chronology ``sequence`` names, if it can be found (it only dates
    undated dolls of a comparison, so a missing one is no error)."""
    from matryoshka.cli import search_dirs
    from matryoshka.format import catalog

    if not sequence.compare_with or sequence.compare_with == sequence.id:
        return None
    dirs = search_dirs(args)
    if sequence.path is not None:
        dirs = [sequence.path.parent, *dirs]
    try:
        return catalog.resolve(sequence.compare_with, dirs)
    except MatryoshkaError:
        return None


def run(args: argparse.Namespace) -> int:
    """Export one picture or animation of ``args.sequence`` to ``args.output``."""
    # No window ever opens: keep SDL away from any display before pygame starts.
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

    from matryoshka.cli import search_dirs
    from matryoshka.export import encode, job
    from matryoshka.export.job import ExportRequest
    from matryoshka.export.video import VideoError
    from matryoshka.format import catalog

    out: Path = args.output
    kind = kinds.chosen(args, out.suffix).name
    fmt = _format(out, kind)
    try:
        encode.check_target(out, overwrite=args.force)
    except encode.WriteError as err:
        raise MatryoshkaError.at(out, str(err)) from None

    sequence = catalog.resolve(args.sequence, search_dirs(args))
    first = getattr(args, "from_doll", None)
    last = getattr(args, "to_doll", None)
    if (first is not None or last is not None) and kind not in ("animation", "lineup", "page"):
        raise MatryoshkaError(
            "--from and --to choose a range for --animate, --lineup or a web page (.html)"
        )
    if first is not None and args.doll is not None and first != args.doll:
        raise MatryoshkaError("--doll and --from both name the first doll; give one of them")
    first = first if first is not None else args.doll
    depth = 0 if first is None else _position(sequence, first)
    stop = None if last is None else _position(sequence, last)
    paper = getattr(args, "paper", "a4")
    portrait: bool | None = getattr(args, "portrait", None)
    if fmt != "pdf" and (paper != "a4" or portrait is not None):
        raise MatryoshkaError.at(out, "--paper, --portrait and --landscape are for PDFs (.pdf)")
    other, references = None, (None, None)
    if kind == "comparison":
        if args.doll is not None:
            raise MatryoshkaError("--doll is not for --compare: a comparison shows every doll")
        other = catalog.resolve(args.compare, search_dirs(args))
        references = (_reference(sequence, args), _reference(other, args))
    request = ExportRequest(
        kind,  # type: ignore[arg-type]
        sequence,
        depth,
        fmt,  # type: ignore[arg-type]
        args.size,
        stop,
        paper,
        None if portrait is None else not portrait,
        other,
        references,
    )
    try:
        notes: list[str] = []
        written = job.run(request, out, overwrite=args.force, notes=notes)
    except job.ExportError as err:
        raise MatryoshkaError(str(err)) from None
    except encode.WriteError as err:
        raise MatryoshkaError.at(out, str(err)) from None
    except VideoError as err:
        raise MatryoshkaError.at(out, str(err)) from None
    for note in notes:
        print(f"{written}: note: {note}", file=sys.stderr)
    print(f"wrote {written}", file=sys.stdout)
    return 0
