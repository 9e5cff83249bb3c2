"""Saving the painter's own PNG files: the contact sheet and the shipped assets.

Both are written atomically (a temporary file in the target folder, then a rename), so an
interrupted run never leaves half a PNG where the program or a user would read it.
:func:`regenerate` is the small command line shared by the modules that write a shipped
asset (``python -m matryoshka.painter.lighting``, ``python -m matryoshka.painter.icon``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from matryoshka.atomic import write_atomically
from matryoshka.pgcompat import pygame


def save_png(surface: pygame.Surface, path: Path, *, shared: bool = False) -> None:
    """Write ``surface`` to ``path`` as a PNG, whole or not at all.

    Args:
        surface: what to save.
        path: the file to write; its folder is created if it is missing.
        shared: make the file readable by everyone (a file shipped with the program),
            where the temporary file would otherwise keep its private rights.
    """
    path = Path(path)
    write_atomically(
        path,
        lambda fp: pygame.image.save(surface, fp, "picture.png"),
        mode=0o644 if shared else 0o600,
        make_folder=True,
    )


def regenerate(
    argv: list[str] | None,
    *,
    prog: str,
    description: str,
    write: Callable[[Path], None],
    default: Path,
) -> int:
    """``python -m PROG [OUT]``: write a shipped asset afresh, by default over the shipped file."""
    import argparse  # only for this command line, not for the window's start-up

    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("out", nargs="?", type=Path, default=None, help="default: the shipped file")
    args = parser.parse_args(argv)
    out: Path = args.out or default
    write(out)
    print(f"wrote {out}")
    return 0
