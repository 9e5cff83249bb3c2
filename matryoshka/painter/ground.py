"""The colour each symbol of a doll is painted on: apron, jacket, tunic or body.

Text and one-colour symbols pick their colours to contrast with what lies under them (dark
red letters on a light apron, light gold ones on a dark suit). What lies under them is
whatever the body painter put there, so it is measured rather than predicted: the body
(without symbols, face or lighting) is painted once, small, and each symbol's box is
sampled in its middle, away from the trim and the garland at its edges. The same colours
come out for every height and every strip of a tall doll.
"""

from __future__ import annotations

from functools import lru_cache

from matryoshka.format.model import RGB, Doll
from matryoshka.geometry import ASPECT
from matryoshka.painter.body import paint_body
from matryoshka.painter.canvas import Canvas
from matryoshka.painter.placement import Placed
from matryoshka.pgcompat import pygame

#: Height in pixels of the body painted to sample.
SAMPLE_HEIGHT = 200


def grounds(doll: Doll, placed: list[Placed]) -> list[RGB]:
    """For each placed symbol, the colour of the doll under the middle of its box."""
    return list(_grounds(doll, tuple(placed)))


@lru_cache(maxsize=64)
def _grounds(doll: Doll, placed: tuple[Placed, ...]) -> tuple[RGB, ...]:
    out: list[RGB] = []
    body: pygame.Surface | None = None
    for p in placed:
        if p.region == "face":  # a group's symbol sits on an apron-coloured oval
            out.append(doll.colors.apron)
            continue
        if body is None:
            body = _body(doll)
        c = Canvas(body, SAMPLE_HEIGHT, body.get_width() / 2)
        box = c.rect(p.box)
        middle = box.inflate(-box.w * 2 // 5, -box.h * 2 // 5).clip(body.get_rect())
        if middle.w < 1 or middle.h < 1:
            out.append(doll.colors.apron)
            continue
        r, g, b, _a = pygame.transform.average_color(body, middle)
        out.append((r, g, b))
    return tuple(out)


def _body(doll: Doll) -> pygame.Surface:
    surf = pygame.Surface((round(SAMPLE_HEIGHT * ASPECT), SAMPLE_HEIGHT))
    paint_body(Canvas(surf, SAMPLE_HEIGHT, surf.get_width() / 2), doll, motif=False)
    return surf
