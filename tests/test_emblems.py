"""The painted symbols: every emblem draws, stays in its box, keeps its shape and colours."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from matryoshka.format.model import DEFAULT_PALETTE, DRESS_EMBLEMS, EMBLEMS, RGB, Colors, TextEmblem
from matryoshka.painter.emblems import (
    SYMBOLS,
    TEXT_CONTRAST,
    contrast,
    draw_emblem,
    relative_luminance,
    text_colors,
)
from matryoshka.pgcompat import pygame
from matryoshka.stage import scripts

COLORS = Colors()
ALL: list[str | TextEmblem] = [*sorted(SYMBOLS), TextEmblem("СССР"), TextEmblem("Vpered 2010")]


def _id(e: str | TextEmblem) -> str:
    return e if isinstance(e, str) else f"text:{e.text}"


def _draw(
    emblem: str | TextEmblem,
    rect: pygame.Rect,
    size: tuple[int, int] | None = None,
    colors: Colors = COLORS,
) -> pygame.Surface:
    surf = pygame.Surface(size or (rect.right, rect.bottom), pygame.SRCALPHA)
    draw_emblem(surf, emblem, rect, colors)
    return surf


def _pixels(surf: pygame.Surface, min_alpha: int = 200) -> list[RGB]:
    """The colours of the (nearly) opaque pixels."""
    out: list[RGB] = []
    for y in range(surf.get_height()):
        for x in range(surf.get_width()):
            r, g, b, a = surf.get_at((x, y))
            if a >= min_alpha:
                out.append((r, g, b))
    return out


def is_red(c: RGB) -> bool:
    return c[0] > 140 and c[1] < 80 and c[2] < 80


def is_gold(c: RGB) -> bool:
    return c[0] > 200 and c[1] > 140 and c[2] < 130


def is_green(c: RGB) -> bool:
    return c[1] > 120 and c[1] > c[0] + 30 and c[1] > c[2] + 30


def is_white(c: RGB) -> bool:
    return min(c) > 235


def is_blue(c: RGB) -> bool:
    return c[2] > 130 and c[0] < 60 and c[1] < 110


def is_dark(c: RGB) -> bool:
    return max(c) < 70


def is_navy(c: RGB) -> bool:
    return c[2] > 90 and c[0] < 60 and c[1] < 80 and c[2] > c[1] + 40


def is_olive(c: RGB) -> bool:
    return c[1] > c[0] > c[2] and c[1] - c[2] > 40


def is_silver(c: RGB) -> bool:
    return min(c) > 170 and max(c) < 235 and max(c) - min(c) < 30


def is_grey(c: RGB) -> bool:
    return max(c) - min(c) < 25 and 90 < sum(c) / 3 < 200


def is_light(c: RGB) -> bool:
    return min(c) > 200


def is_stone(c: RGB) -> bool:
    return c[0] > c[1] > c[2] and 170 < c[0] < 230 and c[0] - c[2] > 25


def is_pink(c: RGB) -> bool:
    return c[0] > 200 and c[0] - c[1] > 40 and c[2] > c[1]


def is_brown_grey(c: RGB) -> bool:
    return c[0] > c[1] > c[2] and 100 < c[0] < 170 and c[0] - c[2] < 60


def test_symbols_are_the_vocabulary_minus_dress() -> None:
    assert frozenset(EMBLEMS) - DRESS_EMBLEMS == SYMBOLS
    assert not SYMBOLS & DRESS_EMBLEMS


@pytest.mark.parametrize("height", [10, 64, 400])
@pytest.mark.parametrize("emblem", ALL, ids=_id)
def test_draws_inside_the_rect_at_any_size(emblem: str | TextEmblem, height: int) -> None:
    # The rect sits inside a larger surface with a margin all round: nothing may spill.
    rect = pygame.Rect(7, 5, round(height * 1.3), height)
    surf = _draw(emblem, rect, (rect.right + 9, rect.bottom + 11))
    inked = surf.get_bounding_rect(min_alpha=1)
    assert inked.w > 0 and inked.h > 0, "nothing drawn"
    assert rect.contains(inked), f"drawn at {inked}, outside {rect}"
    assert surf.get_clip() == surf.get_rect(), "clip not restored"


@pytest.mark.parametrize("emblem", ALL, ids=_id)
def test_fills_the_rect_along_one_axis_and_is_centred(emblem: str | TextEmblem) -> None:
    for rect in (pygame.Rect(0, 0, 600, 150), pygame.Rect(0, 0, 150, 600)):
        inked = _draw(emblem, rect).get_bounding_rect(min_alpha=1)
        assert inked.w >= rect.w - 3 or inked.h >= rect.h - 3, f"{inked} does not fill {rect}"
        assert abs(inked.centerx - rect.centerx) <= 2
        assert abs(inked.centery - rect.centery) <= 2


@pytest.mark.parametrize("emblem", ALL, ids=_id)
def test_aspect_is_kept(emblem: str | TextEmblem) -> None:
    # A symbol may come in several shapes (the ear of corn lies flatter in a wide box),
    # but within one shape of box, a longer box must not stretch it.
    for long, longer in (((700, 200), (1400, 200)), ((200, 700), (200, 1400))):
        a = _draw(emblem, pygame.Rect((0, 0), long)).get_bounding_rect(min_alpha=1)
        b = _draw(emblem, pygame.Rect((0, 0), longer)).get_bounding_rect(min_alpha=1)
        assert b.w / b.h == pytest.approx(a.w / a.h, rel=0.03), long


def test_corn_lies_flatter_in_a_wide_box() -> None:
    tall = _draw("corn", pygame.Rect(0, 0, 200, 400)).get_bounding_rect(min_alpha=1)
    wide = _draw("corn", pygame.Rect(0, 0, 400, 200)).get_bounding_rect(min_alpha=1)
    assert tall.w / tall.h < 0.8 < 1.2 < wide.w / wide.h


def test_eagle_in_a_wide_rect_stays_centred_not_stretched() -> None:
    rect = pygame.Rect(0, 0, 800, 200)
    inked = _draw("double-headed-eagle", rect).get_bounding_rect(min_alpha=1)
    assert inked.h >= 197
    assert inked.w < 260, "stretched across the rect"
    assert abs(inked.centerx - 400) <= 2


@pytest.mark.parametrize("emblem", ALL, ids=_id)
def test_deterministic(emblem: str | TextEmblem) -> None:
    rect = pygame.Rect(3, 4, 170, 130)
    a = _draw(emblem, rect)
    b = _draw(emblem, rect)
    assert pygame.image.tobytes(a, "RGBA") == pygame.image.tobytes(b, "RGBA")


CHARACTERISTIC: dict[str, list[tuple[Callable[[RGB], bool], float]]] = {
    # name: [(colour test, minimum share of the opaque pixels)]
    "red-star": [(is_red, 0.4), (is_gold, 0.05)],
    "cccp": [(is_red, 0.3)],
    "red-flag": [(is_red, 0.5)],
    "arrow": [(is_red, 0.5)],
    "hammer-and-sickle": [(is_red, 0.7)],
    "fourth-international": [(is_red, 0.5)],
    "corn": [(is_gold, 0.15), (is_green, 0.15)],
    "crown": [(is_gold, 0.4)],
    "tricolour": [(is_white, 0.12), (is_blue, 0.12), (is_red, 0.12)],
    "double-headed-eagle": [(is_dark, 0.45), (is_gold, 0.03), (is_red, 0.01)],
    "medals": [(is_gold, 0.15), (is_red, 0.08)],
    "cross": [(is_gold, 0.5)],
    "orthodox-cross": [(is_gold, 0.4)],
    "crescent": [(is_red, 0.35)],
    "star": [(is_gold, 0.5)],
    "stars": [(is_blue, 0.1)],
    "star-of-david": [(is_blue, 0.4)],
    "dharma-wheel": [(is_gold, 0.4)],
    "ashoka-chakra": [(is_navy, 0.3)],
    "chrysanthemum": [(is_gold, 0.4)],
    "fleur-de-lis": [(is_gold, 0.5)],
    "eagle": [(is_dark, 0.5), (is_gold, 0.02), (is_red, 0.002)],
    "laurel": [(is_green, 0.3), (is_red, 0.01)],
    "olive-branch": [(is_olive, 0.3)],
    "sceptre-and-orb": [(is_gold, 0.4), (is_red, 0.005)],
    "keys": [(is_gold, 0.15), (is_silver, 0.15), (is_red, 0.02)],
    "ankh": [(is_gold, 0.5)],
    "sun": [(is_gold, 0.5)],
    "book": [(is_light, 0.3), (is_red, 0.003)],
    "sword": [(is_silver, 0.08), (is_gold, 0.1)],
    "crossed-swords": [(is_silver, 0.15), (is_gold, 0.1)],
    "scales": [(is_gold, 0.5)],
    "anchor": [(is_navy, 0.4)],
    "maple-leaf": [(is_red, 0.8)],
    "yin-yang": [(is_dark, 0.35), (is_white, 0.35)],
    "trident": [(is_gold, 0.5)],
    "cogwheel": [(is_grey, 0.5)],
    "lion": [(is_gold, 0.4), (is_red, 0.005)],
    "tudor-rose": [(is_red, 0.3), (is_white, 0.1), (is_gold, 0.01), (is_green, 0.01)],
    "dove": [(is_light, 0.3), (is_olive, 0.01)],
    "torch": [(is_gold, 0.2), (is_red, 0.05)],
    "tower": [(is_stone, 0.4)],
    "harp": [(is_gold, 0.4)],
    "lotus": [(is_pink, 0.25), (is_green, 0.1)],
    "elephant": [(is_grey, 0.5)],
    "donkey": [(is_brown_grey, 0.4)],
    "shamrock": [(is_green, 0.5)],
}


def test_every_symbol_has_a_color_check() -> None:
    assert set(CHARACTERISTIC) == SYMBOLS


@pytest.mark.parametrize("name", sorted(CHARACTERISTIC))
def test_characteristic_colors(name: str) -> None:
    pixels = _pixels(_draw(name, pygame.Rect(0, 0, 160, 120)))
    assert len(pixels) > 500
    for test, share in CHARACTERISTIC[name]:
        found = sum(1 for c in pixels if test(c)) / len(pixels)
        assert found >= share, f"{name}: {test.__name__} {found:.2f} < {share}"


@pytest.mark.parametrize("name", ["hammer-and-sickle", "fourth-international"])
def test_red_symbols_turn_gold_on_a_red_apron(name: str) -> None:
    red_apron = Colors(apron=(200, 30, 30))
    pixels = _pixels(_draw(name, pygame.Rect(0, 0, 120, 120), colors=red_apron))
    assert sum(1 for c in pixels if is_gold(c)) / len(pixels) > 0.5
    assert sum(1 for c in pixels if is_red(c) and c != (200, 30, 30)) / len(pixels) < 0.05


def test_text_is_dark_red_on_the_apron_whatever_the_trim() -> None:
    for trim in ((212, 175, 55), (150, 30, 30), (20, 20, 20)):
        colors = Colors(trim=trim)
        pixels = _pixels(_draw(TextEmblem("Вперёд"), pygame.Rect(0, 0, 240, 80), colors=colors))
        reds = sum(1 for c in pixels if is_red(c))
        assert reds / len(pixels) > 0.3
        # The edging is never as dark as the letters it surrounds.
        assert sum(1 for c in pixels if is_dark(c)) / len(pixels) < 0.05


def test_cyrillic_and_latin_text_differ() -> None:
    rect = pygame.Rect(0, 0, 200, 60)
    a = pygame.image.tobytes(_draw(TextEmblem("СССР"), rect), "RGBA")
    b = pygame.image.tobytes(_draw(TextEmblem("CCCP"), rect), "RGBA")
    c = pygame.image.tobytes(_draw(TextEmblem("Вперёд"), rect), "RGBA")
    # Latin C and Cyrillic С share a glyph shape; Р and P too: same ink is fine, but
    # different words must give different pictures.
    assert a != c and b != c


def test_blank_text_and_empty_rect_draw_nothing() -> None:
    surf = _draw(TextEmblem("   "), pygame.Rect(0, 0, 100, 50))
    assert surf.get_bounding_rect(min_alpha=1).w == 0
    surf = pygame.Surface((50, 50), pygame.SRCALPHA)
    for emblem in ALL:
        draw_emblem(surf, emblem, pygame.Rect(10, 10, 0, 20), COLORS)
    assert surf.get_bounding_rect(min_alpha=1).w == 0


def test_long_text_fits_a_small_rect() -> None:
    rect = pygame.Rect(2, 2, 40, 10)
    surf = _draw(TextEmblem("Оппозиция 23"), rect, (50, 20))
    inked = surf.get_bounding_rect(min_alpha=1)
    assert inked.w > 0 and rect.contains(inked)


def test_respects_an_existing_clip() -> None:
    surf = pygame.Surface((200, 200), pygame.SRCALPHA)
    surf.set_clip(pygame.Rect(0, 0, 100, 200))
    draw_emblem(surf, "red-star", pygame.Rect(0, 0, 200, 200), COLORS)
    assert surf.get_clip() == pygame.Rect(0, 0, 100, 200)
    assert surf.get_bounding_rect(min_alpha=1).right <= 100


def test_huge_rect() -> None:
    rect = pygame.Rect(0, 0, 2400, 1600)
    for emblem in ("cccp", "double-headed-eagle"):
        inked = _draw(emblem, rect).get_bounding_rect(min_alpha=1)
        assert rect.contains(inked) and (inked.w >= 2390 or inked.h >= 1590)


def test_text_survives_the_font_module_restarting() -> None:
    rect = pygame.Rect(0, 0, 120, 40)
    before = pygame.image.tobytes(_draw(TextEmblem("Ленин"), rect), "RGBA")
    pygame.font.quit()
    pygame.font.init()
    after = pygame.image.tobytes(_draw(TextEmblem("Ленин"), rect), "RGBA")
    pygame.font.quit()
    assert before == after
    assert _draw(TextEmblem("Ленин"), rect).get_bounding_rect(min_alpha=1).w > 100


def test_unknown_emblem_is_refused() -> None:
    surf = pygame.Surface((10, 10), pygame.SRCALPHA)
    with pytest.raises(KeyError):
        draw_emblem(surf, "suit", pygame.Rect(0, 0, 10, 10), COLORS)


@pytest.mark.parametrize("word", ["明治", "مصر", "ישראל", "한글", "ไทย"])
def test_text_in_any_script_is_lettered_not_boxed(word: str) -> None:
    if not word.isascii() and scripts.missing_scripts(word):
        pytest.skip(f"no font here for {word}")
    rect = pygame.Rect(0, 0, 200, 80)
    drawn = pygame.image.tobytes(_draw(TextEmblem(word), rect), "RGBA")
    boxes = pygame.image.tobytes(_draw(TextEmblem("\uffff" * len(word)), rect), "RGBA")
    assert drawn != boxes
    assert _draw(TextEmblem(word), rect).get_bounding_rect(min_alpha=1).w > 0


# --- Contrast with the ground ---------------------------------------------------------

GROUNDS: list[RGB] = [
    (250, 240, 220),  # the usual apron
    (20, 20, 20),  # a black suit
    (44, 46, 58),  # a dark grey suit
    (128, 128, 128),
    (255, 255, 255),
    (255, 206, 0),
    *(palette.body for palette in DEFAULT_PALETTE),
    *(palette.apron for palette in DEFAULT_PALETTE),
    (178, 34, 34),
    (0, 0, 128),
    (0, 100, 0),
]


@pytest.mark.parametrize("ground", GROUNDS, ids=[f"{r:02x}{g:02x}{b:02x}" for r, g, b in GROUNDS])
def test_text_contrasts_with_whatever_it_is_painted_on(ground: RGB) -> None:
    fill, line = text_colors(Colors(), ground)
    assert contrast(fill, ground) >= TEXT_CONTRAST
    # Painted: the letters are there in that colour, and the edging is not the letters'.
    surf = pygame.Surface((240, 80), pygame.SRCALPHA)
    surf.fill((*ground, 255))
    draw_emblem(surf, TextEmblem("GOP"), pygame.Rect(0, 0, 240, 80), Colors(), ground)
    letters = [
        c for c in _pixels(surf) if all(abs(a - b) <= 6 for a, b in zip(c, fill, strict=True))
    ]
    assert len(letters) > 0.08 * 240 * 80
    assert line != fill


def test_text_is_light_on_a_dark_suit_painted_on_a_doll() -> None:
    from matryoshka import painter
    from matryoshka.format.model import Doll
    from matryoshka.painter import regions as g

    h = 256
    # A suit is cut from the body colour: a black body makes a black suit.
    black = Colors(body=(20, 20, 24))
    doll = Doll(name="A", id="a", emblems=("suit", TextEmblem("GOP")), colors=black)
    surf = painter.paint(doll, "whole", h)
    w = surf.get_width()
    box = g.BELLY
    light = dark_red = 0
    for y in range(round(0.62 * h), round((box.y + box.h) * h)):  # below the tie
        for x in range(round(w / 2 + box.x * h), round(w / 2 + (box.x + box.w) * h)):
            c = surf.get_at((x, y))
            light += relative_luminance((c.r, c.g, c.b)) > 0.35
            dark_red += is_red((c.r, c.g, c.b)) and c.r < 170
    assert light > 300
    assert dark_red < 20


def test_red_symbols_turn_gold_on_a_dark_ground() -> None:
    suit = (30, 30, 36)
    surf = pygame.Surface((120, 120), pygame.SRCALPHA)
    draw_emblem(surf, "hammer-and-sickle", pygame.Rect(0, 0, 120, 120), Colors(), suit)
    pixels = _pixels(surf)
    assert sum(1 for c in pixels if is_gold(c)) / len(pixels) > 0.5
