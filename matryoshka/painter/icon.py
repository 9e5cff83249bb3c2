"""The window's icon: a plain red matryoshka, painted by the painter and shipped as a PNG.

The window sets it before it opens, so taskbars show a doll rather than pygame's default
icon (which pygame would otherwise load from its own package data at every start, a few
milliseconds through ``importlib.resources``). Loading the shipped PNG takes a fraction of
a millisecond; painting it would need the fonts and symbols the first frame has not
loaded yet. After changing the painter or the doll below, write it afresh with::

    python -m matryoshka.painter.icon
"""

from __future__ import annotations

import sys
from pathlib import Path

from matryoshka.format.model import Colors, Doll, Face
from matryoshka.painter.pngfile import regenerate, save_png
from matryoshka.paths import assets_dir
from matryoshka.pgcompat import pygame

#: Width and height of the icon in pixels (window managers scale it as they need).
SIZE = 64

#: The doll on the icon: a classic matryoshka, not any figure of a shipped set.
ICON_DOLL = Doll(
    name="Matryoshka",
    id="matryoshka",
    colors=Colors(
        body=(186, 30, 36), trim=(222, 178, 60), apron=(252, 244, 226), scarf=(214, 52, 44)
    ),
    face=Face(hair="long", hair_color=(176, 112, 52)),
)


def shipped_path() -> Path:
    """The shipped icon PNG."""
    return assets_dir() / "icon.png"


def paint_icon() -> pygame.Surface:
    """The icon: ``ICON_DOLL`` standing centred on a transparent square of ``SIZE``."""
    from matryoshka import painter

    doll = painter.paint(ICON_DOLL, "whole", SIZE)
    icon = pygame.Surface((SIZE, SIZE), pygame.SRCALPHA)
    icon.blit(doll, ((SIZE - doll.get_width()) // 2, 0))
    return icon


def load() -> pygame.Surface | None:
    """The shipped icon, or None when it is missing or unreadable."""
    try:
        icon = pygame.image.load(str(shipped_path()))
    except (pygame.error, OSError):
        return None
    return icon if icon.get_size() == (SIZE, SIZE) else None


def write(path: Path) -> None:
    """Paint the icon and save it as a PNG at ``path`` (atomically)."""
    save_png(paint_icon(), path, shared=True)


def main(argv: list[str] | None = None) -> int:
    """``python -m matryoshka.painter.icon [OUT]``: paint and write the window icon."""
    return regenerate(
        argv,
        prog="python -m matryoshka.painter.icon",
        description="Paint the window's icon and write it as a PNG.",
        write=write,
        default=shipped_path(),
    )


if __name__ == "__main__":
    sys.exit(main())
