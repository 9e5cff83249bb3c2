"""The lighting maps every doll is shaded with: a shade map (multiplied) and a gloss map (added).

Both are small greyscale textures in doll proportions, the same for every doll, which the
painter stretches to each doll's size. Computing them takes a per-pixel loop of some ten
thousand pixels, about 25 ms, which every start of the window would pay before its first
frame; so they ship precomputed in ``assets/painter/lighting.png`` (shade above, gloss
below) and ``textures`` loads that file in well under a millisecond.

``compute`` stays the definition: the shipped file is what it returns, pixel for pixel (a
test holds the two equal), and after changing the formula, write the file afresh with::

    python -m matryoshka.painter.lighting

If the file is missing or does not match the expected size, the maps are computed.
"""

from __future__ import annotations

import math
import sys
from functools import lru_cache
from pathlib import Path

from matryoshka.geometry import ASPECT
from matryoshka.painter import regions as g
from matryoshka.painter.pngfile import regenerate, save_png
from matryoshka.paths import assets_dir
from matryoshka.pgcompat import pygame

#: Height of the textures in pixels; the width follows the doll's proportions.
TEX_H = 128
TEX_W = max(2, round(TEX_H * ASPECT))
#: Where to shine from (x to the viewer's right, z towards the viewer), unit length.
_LIGHT_X, _LIGHT_Z = -0.45, 0.89


def shipped_path() -> Path:
    """The shipped PNG: the shade map in the top ``TEX_H`` rows, the gloss map below."""
    return assets_dir() / "painter" / "lighting.png"


def _bump(y: float, a: float, b: float) -> float:
    if y <= a or y >= b:
        return 0.0
    t = (y - a) / (b - a)
    return math.sin(math.pi * t) ** 1.5


def compute() -> tuple[pygame.Surface, pygame.Surface]:
    """The shade and gloss maps, computed pixel by pixel (the definition; slow)."""
    th, tw = TEX_H, TEX_W
    shade = pygame.Surface((tw, th))
    gloss = pygame.Surface((tw, th))
    lx, lz = _LIGHT_X, _LIGHT_Z
    for j in range(th):
        y = min(0.985, max(0.012, (j + 0.5) / th))
        r = max(1e-3, g.half_width(y))
        base = 0.9 if y > 0.95 else 1.0
        for i in range(tw):
            x = ((i + 0.5) / tw - 0.5) * ASPECT
            u = max(-1.0, min(1.0, x / r))
            nz = math.sqrt(max(0.0, 1 - u * u))
            d = max(0.0, lx * u + lz * nz)
            m = round(255 * base * (0.66 + 0.34 * d))
            shade.set_at((i, j), (m, m, m))
            # A tall soft highlight down the body's left, a small one on the head.
            body = _bump(y, 0.44, 0.93) * math.exp(-(((u + 0.55) / 0.14) ** 2))
            head = _bump(y, 0.03, 0.33) * math.exp(-(((u + 0.84) / 0.08) ** 2))
            a = round(min(255.0, 70 * body + 60 * head))
            gloss.set_at((i, j), (a, a, a))
    return shade, gloss


def _load(path: Path) -> tuple[pygame.Surface, pygame.Surface] | None:
    """The maps from the shipped PNG, or None when it is missing or not the right size."""
    try:
        both = pygame.image.load(str(path))
    except (pygame.error, OSError):
        return None
    if both.get_size() != (TEX_W, 2 * TEX_H):
        return None
    # Copied into surfaces made exactly as ``compute`` makes them, so that scaling and
    # blending them gives the same pixels whatever format the PNG decoded to.
    maps = []
    for top in (0, TEX_H):
        surf = pygame.Surface((TEX_W, TEX_H))
        surf.blit(both, (0, 0), pygame.Rect(0, top, TEX_W, TEX_H))
        maps.append(surf)
    return maps[0], maps[1]


@lru_cache(maxsize=1)
def textures() -> tuple[pygame.Surface, pygame.Surface]:
    """The shade and gloss maps (loaded once from the shipped PNG, else computed)."""
    return _load(shipped_path()) or compute()


def write(path: Path) -> None:
    """Compute the maps and save them as one PNG at ``path`` (atomically)."""
    shade, gloss = compute()
    both = pygame.Surface((TEX_W, 2 * TEX_H))
    both.blit(shade, (0, 0))
    both.blit(gloss, (0, TEX_H))
    save_png(both, path, shared=True)


def main(argv: list[str] | None = None) -> int:
    """``python -m matryoshka.painter.lighting [OUT]``: write the shipped lighting PNG."""
    return regenerate(
        argv,
        prog="python -m matryoshka.painter.lighting",
        description="Compute the painter's lighting maps and write them as a PNG.",
        write=write,
        default=shipped_path(),
    )


if __name__ == "__main__":
    sys.exit(main())
