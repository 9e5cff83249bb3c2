"""The symbols of rulers: every word a distinct picture, the same picture every time."""

from __future__ import annotations

from pathlib import Path

from golden_images import check_golden

from matryoshka import painter
from matryoshka.format.model import DRESS_EMBLEMS, EMBLEMS, Colors, Doll
from matryoshka.painter.emblems import SYMBOLS, draw_emblem
from matryoshka.painter.insignia import BUILDERS
from matryoshka.pgcompat import pygame

GOLDEN_DIR = Path(__file__).parent / "golden"
APRON = Colors().apron


def _tile(name: str, size: int) -> pygame.Surface:
    tile = pygame.Surface((size, size), pygame.SRCALPHA)
    tile.fill((*APRON, 255))
    draw_emblem(
        tile, name, pygame.Rect(size // 16, size // 16, size * 7 // 8, size * 7 // 8), Colors()
    )
    return tile


def test_every_symbol_word_has_a_painting() -> None:
    from matryoshka.painter import emblems

    drawn = set(BUILDERS) | set(emblems._BUILDERS) | {"corn", "cccp"}
    assert drawn == SYMBOLS == frozenset(EMBLEMS) - DRESS_EMBLEMS
    assert not set(BUILDERS) & set(emblems._BUILDERS)


def test_no_two_emblem_words_paint_the_same_picture() -> None:
    # Alone, at a small size, and on a doll: a word that looked like another would be
    # no help to a class telling figures apart.
    small = {}
    for name in sorted(SYMBOLS):
        small.setdefault(pygame.image.tobytes(_tile(name, 48), "RGB"), []).append(name)
    assert [names for names in small.values() if len(names) > 1] == []
    dolls = {}
    for name in sorted(SYMBOLS):
        doll = Doll(name=name, id="x", emblems=(name,))
        dolls.setdefault(pygame.image.tobytes(painter.paint(doll, "whole", 96), "RGB"), []).append(
            name
        )
    assert [names for names in dolls.values() if len(names) > 1] == []


def test_symbols_of_rulers_match_their_golden_sheet() -> None:
    # Every symbol at 256 pixels, eight to a row, on the apron's colour.
    names = list(BUILDERS)
    size, per_row = 256, 8
    rows = -(-len(names) // per_row)
    sheet = pygame.Surface((per_row * size, rows * size))
    sheet.fill((90, 90, 90))
    for i, name in enumerate(names):
        sheet.blit(_tile(name, size), ((i % per_row) * size, (i // per_row) * size))
    check_golden(sheet, GOLDEN_DIR / "insignia.png")
