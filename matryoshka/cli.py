"""The ``matryoshka`` command line: argument parsing and dispatch.

Each command lives in ``matryoshka/commands/<name>.py`` as ``run(args) -> int`` and is
imported only when used, so ``matryoshka list`` never loads pygame. Exit status: 0 on
success, 1 for bad input or a failed check, 2 for wrong usage (argparse's own).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import keyword
import signal
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from matryoshka import __version__
from matryoshka.errors import MatryoshkaError, escape, print_diagnostics

DEFAULT_SEQUENCE = "market-1995"


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--sequences",
        metavar="DIR",
        type=Path,
        action="append",
        default=argparse.SUPPRESS,
        help="also look for sequences in DIR (repeatable; later folders win)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    """The parser for every command (also used to print help)."""
    common = _common()
    parser = argparse.ArgumentParser(
        prog="matryoshka",
        description="Lines of succession as Russian nested dolls. "
        "With no command, opens the window on the market set.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"matryoshka {__version__}")
    parser.add_argument(
        "--reduced-motion",
        action="store_true",
        default=argparse.SUPPRESS,
        help="make every transition instant",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    view = sub.add_parser(
        "view", parents=[common], help="open the window on a sequence", description=
        "Open the window on SEQUENCE (default: the market set).",
    )  # fmt: skip
    view.add_argument("sequence", nargs="?", metavar="SEQUENCE", help="sequence id or YAML file")
    view.add_argument(
        "--compare",
        metavar="OTHER",
        help="open side by side with the set OTHER (id or YAML file) on one time axis",
    )
    view.add_argument(
        "--reduced-motion",
        action="store_true",
        default=argparse.SUPPRESS,
        help="make every transition instant",
    )

    sub.add_parser(
        "list",
        parents=[common],
        help="list the sequences that can be opened",
        description="A table of every sequence found: id, title, number of dolls, file.",
    )

    validate = sub.add_parser(
        "validate",
        parents=[common],
        help="check sequence files for mistakes",
        description="Check sequence files (or folders of them). Prints 'ok' for each good "
        "file and every error, located as file:line:col, for each bad one.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", type=Path)

    check = sub.add_parser(
        "check",
        parents=[common],
        help="compare a sequence with a reference chronology",
        description="Report the reference figures SEQUENCE skips, its dolls that are not in "
        "the reference, and pairs nested out of the reference's order. Exit 1 if anything "
        "is reported.",
    )
    check.add_argument("sequence", metavar="SEQUENCE", help="sequence id or YAML file")
    check.add_argument(
        "--against",
        metavar="REF",
        help="reference sequence id or file (default: the sequence's compare_with)",
    )

    _add_export(sub, common)

    new = sub.add_parser(
        "new",
        parents=[common],
        help="write a commented starter sequence file",
        description="Write a starter sequence to FILE, with every field explained.",
    )
    new.add_argument("file", metavar="FILE", type=Path)
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    _add_import(sub, common)
    return parser


def _add_import(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """The ``import`` command's parser."""
    imp = sub.add_parser(
        "import",
        parents=[common],
        help="make a sequence from a Wikidata query result or a spreadsheet",
        description="Write a commented sequence to FILE, newest term outermost, from SOURCE: "
        "a Wikidata Query Service result (.srj/.json, .csv, .tsv), a spreadsheet saved as "
        "CSV or .xlsx (a header row of field names: Name, Start, End, Office, ...), or "
        "wikidata:QID "
        "to run the query for position QID online. --query QID prints that query instead.",
    )
    imp.add_argument("source", nargs="?", metavar="SOURCE", help="file, or wikidata:QID")
    imp.add_argument("-o", "--output", metavar="FILE", type=Path, help="the sequence to write")
    imp.add_argument("--title", metavar="T", help="the title (default: the office, or file name)")
    imp.add_argument("--id", metavar="ID", help="the sequence id (default: FILE's name)")
    imp.add_argument(
        "--map",
        action="append",
        metavar="FIELD=NAME",
        help="read FIELD (name, start, end, office, native_name, ...) from the column or "
        "query variable NAME (repeatable)",
    )
    imp.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    imp.add_argument(
        "--query", metavar="QID", help="print the SPARQL query for position QID and exit"
    )
    imp.add_argument(
        "--endpoint",
        metavar="URL",
        help="the SPARQL endpoint for wikidata:QID (default: https://query.wikidata.org/sparql)",
    )


def _add_export(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """The ``export`` command's parser."""
    from matryoshka.export.kinds import KINDS

    export = sub.add_parser(
        "export",
        parents=[common],
        help="write a picture, an animation, a video or a web page without opening a window",
        description="Write an image of SEQUENCE. The format follows OUT's suffix: .png "
        "(APNG when animated), .gif, .webp; .pdf for the line-up and the comparison; .mp4 "
        "or .webm (video) for the animation; .html for a page that opens the dolls in any "
        "browser, offline.",
    )
    export.add_argument("sequence", metavar="SEQUENCE", help="sequence id or YAML file")
    export.add_argument("-o", "--output", required=True, metavar="OUT", type=Path)
    export.add_argument("--doll", metavar="ID", help="the doll to draw (default: the outermost)")
    what = export.add_mutually_exclusive_group()
    for kind in KINDS:
        if kind.metavar is not None:
            what.add_argument(kind.option, metavar=kind.metavar, help=kind.help)
        elif kind.option is not None:
            what.add_argument(kind.option, action="store_true", help=kind.help)
    export.add_argument(
        "--from",
        dest="from_doll",
        metavar="ID",
        help="the first doll of an animation, line-up or page (the same as --doll)",
    )
    export.add_argument(
        "--to",
        dest="to_doll",
        metavar="ID",
        help="the last doll of an animation, line-up or page (default: the core)",
    )
    export.add_argument(
        "--size", type=int, metavar="PX", help="height of the image in pixels (64 to 8192)"
    )
    export.add_argument(
        "--paper",
        choices=("a4", "letter"),
        default="a4",
        help="the page size of a PDF: A4 (the default) or US Letter",
    )
    turn = export.add_mutually_exclusive_group()
    turn.add_argument(
        "--landscape",
        dest="portrait",
        action="store_false",
        help="PDF pages wider than tall (default: the orientation that takes fewer pages)",
    )
    turn.add_argument(
        "--portrait", dest="portrait", action="store_true", help="PDF pages taller than wide"
    )
    export.set_defaults(portrait=None)
    export.add_argument("--force", action="store_true", help="overwrite OUT if it exists")


def search_dirs(args: argparse.Namespace) -> list[Path]:
    """The ``--sequences`` folders given on the command line, in order."""
    return list(getattr(args, "sequences", []) or [])


def _one_line_warning(
    message: Warning | str, category: type[Warning], *_where: object, **_more: object
) -> None:
    """A warning the program gives, as one line on stderr (not Python's two-line form)."""
    print(escape(str(message)), file=sys.stderr)


def _exit_cleanly_on_termination() -> None:
    """Turn SIGTERM and SIGHUP into ``SystemExit``, as Ctrl+C is ``KeyboardInterrupt``.

    By default those signals end the process on the spot, leaving the temporary file of
    a write under way behind; as an exception they unwind through the writer, which
    removes it (see ``matryoshka.atomic``).
    """

    def leave(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(ValueError, OSError):  # not the main thread
                signal.signal(number, leave)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    # Plain ``matryoshka`` (as a desktop launcher starts it) has nothing to parse, and
    # building every command's parser is a few ms of each start: parsing no arguments
    # gives exactly this namespace (the tests hold the two equal).
    args = build_parser().parse_args(argv) if argv else argparse.Namespace(command=None)
    command = args.command or "view"
    if command == "view":
        # The window reopens the last sequence shown unless one is named.
        args.sequence_defaulted = not getattr(args, "sequence", None)
        args.sequence = getattr(args, "sequence", None) or DEFAULT_SEQUENCE
        args.reduced_motion = getattr(args, "reduced_motion", False)
    # A command named by a Python keyword lives in a module with a trailing underscore.
    module_name = f"{command}_" if keyword.iskeyword(command) else command
    module = importlib.import_module(f"matryoshka.commands.{module_name}")
    _exit_cleanly_on_termination()
    warnings.showwarning = _one_line_warning
    try:
        return int(module.run(args))
    except MatryoshkaError as err:
        print_diagnostics(err.diagnostics)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
