"""Flags by colours and layout: stripes, canton, disc, cross, triangle and a symbol."""

from __future__ import annotations

from pathlib import Path

import pytest
from golden_images import check_golden

from matryoshka import painter
from matryoshka.format.model import RGB, Colors, Doll, FlagEmblem
from matryoshka.painter.emblems import draw_emblem
from matryoshka.painter.flags import ASPECT, EDGE, WAVE, fitted
from matryoshka.pgcompat import pygame

RED: RGB = (200, 16, 46)
WHITE: RGB = (255, 255, 255)
NAVY: RGB = (0, 0, 128)
BLACK: RGB = (0, 0, 0)
GOLD: RGB = (255, 206, 0)
GREEN: RGB = (0, 135, 81)
ORANGE: RGB = (255, 140, 0)

RECT = pygame.Rect(0, 0, 600, 480)


def _flag(flag: FlagEmblem, rect: pygame.Rect = RECT) -> pygame.Surface:
    surf = pygame.Surface((rect.right, rect.bottom), pygame.SRCALPHA)
    draw_emblem(surf, flag, rect, Colors())
    return surf


def _at(surf: pygame.Surface, u: float, v: float, rect: pygame.Rect = RECT) -> RGB:
    """The colour at (u, v) of the flat flag (fractions of its width and height), looked
    up on the hung cloth by following its wave."""
    from matryoshka.painter.flags import _wave

    box = fitted(rect)
    unit = box.h / (1 + 2 * WAVE + 2 * EDGE)
    edge = EDGE * unit
    x = box.x + edge + u * (box.w - 2 * edge)
    y = box.y + edge + WAVE * unit + _wave(u) * WAVE * unit + v * unit
    c = surf.get_at((round(x), round(y)))
    return (c.r, c.g, c.b)


def near(a: RGB, b: RGB, tolerance: int = 45) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def test_horizontal_stripes_run_top_to_bottom() -> None:
    germany = _flag(FlagEmblem((BLACK, RED, GOLD)))
    assert near(_at(germany, 0.5, 0.15), BLACK)
    assert near(_at(germany, 0.5, 0.5), RED)
    assert near(_at(germany, 0.5, 0.85), GOLD)


def test_vertical_stripes_run_from_the_pole() -> None:
    france = _flag(FlagEmblem((NAVY, WHITE, RED), layout="vertical"))
    assert near(_at(france, 0.15, 0.5), NAVY)
    assert near(_at(france, 0.5, 0.5), WHITE)
    assert near(_at(france, 0.85, 0.5), RED)


def test_a_canton_of_stars_covers_seven_of_thirteen_stripes() -> None:
    stripes = tuple(RED if i % 2 == 0 else WHITE for i in range(13))
    usa = _flag(FlagEmblem(stripes, canton=NAVY, emblem="stars"))
    inside = [
        _at(usa, 0.02 + 0.36 * i / 10, 0.02 + 0.5 * j / 10) for i in range(11) for j in range(11)
    ]
    assert sum(near(c, NAVY, 60) for c in inside) > 0.6 * len(inside)
    assert sum(near(c, WHITE, 30) for c in inside) > 0.04 * len(inside), "no white stars"
    assert near(_at(usa, 0.2, 13.5 / 13 - 0.5 / 13 - 0.03), RED)  # below the canton
    assert near(_at(usa, 0.8, 0.5 / 13), RED)


def test_disc_in_the_middle() -> None:
    japan = _flag(FlagEmblem((WHITE,), disc=RED))
    assert near(_at(japan, 0.5, 0.5), RED)
    assert near(_at(japan, 0.5, 0.1), WHITE)
    assert near(_at(japan, 0.2, 0.5), WHITE)


def test_nordic_cross_has_its_upright_near_the_pole() -> None:
    sweden = _flag(FlagEmblem(((0, 106, 167),), cross=GOLD))
    assert near(_at(sweden, 0.375, 0.15), GOLD)
    assert near(_at(sweden, 0.8, 0.5), GOLD)
    assert near(_at(sweden, 0.6, 0.15), (0, 106, 167))


def test_an_edged_cross_has_its_border_either_side() -> None:
    norway = _flag(FlagEmblem((RED,), cross=NAVY, cross_edge=WHITE))
    assert near(_at(norway, 0.375, 0.15), NAVY)
    assert near(_at(norway, 0.375 - 0.06 * 2 / 3 * 1.5, 0.15), WHITE)
    assert near(_at(norway, 0.8, 0.5), NAVY)
    assert near(_at(norway, 0.8, 0.5 - 0.095), WHITE)
    assert near(_at(norway, 0.8, 0.2), RED)


def test_triangle_from_the_pole() -> None:
    czechia = _flag(FlagEmblem((WHITE, RED), triangle=NAVY))
    assert near(_at(czechia, 0.1, 0.5), NAVY)
    assert near(_at(czechia, 0.7, 0.25), WHITE)
    assert near(_at(czechia, 0.7, 0.75), RED)


def test_symbol_in_its_own_colours_or_as_a_silhouette() -> None:
    india = _flag(FlagEmblem((ORANGE, WHITE, GREEN), emblem="ashoka-chakra"))
    box = fitted(RECT)
    centre = india.subsurface(pygame.Rect(box.centerx - 30, box.centery - 30, 60, 60))
    navy = sum(
        1
        for x in range(60)
        for y in range(60)
        if (c := centre.get_at((x, y))).b > 90 and c.r < 60 and c.g < 70
    )
    assert navy > 300, "the wheel is not painted navy in the middle"
    turkey = _flag(FlagEmblem((RED,), emblem="crescent", emblem_color=WHITE))
    region = turkey.subsurface(pygame.Rect(box.centerx - 60, box.centery - 60, 120, 120))
    whites = sum(1 for x in range(120) for y in range(120) if min(region.get_at((x, y))[:3]) > 235)
    assert whites > 800  # none without the symbol


def test_the_cloth_waves_and_is_shaded_in_folds() -> None:
    plain = _flag(FlagEmblem(((120, 120, 200),)))
    box = fitted(RECT)
    # The top edge of the cloth is not a straight line.
    tops = []
    for u in (0.1, 0.5, 0.9):
        x = round(box.x + u * box.w)
        column = [plain.get_at((x, y)).a for y in range(box.y, box.bottom)]
        tops.append(next(i for i, a in enumerate(column) if a > 200))
    assert max(tops) - min(tops) >= 4
    # Some folds are darker than the cloth's colour, some lighter.
    row = [plain.get_at((x, box.centery)) for x in range(box.x + 8, box.right - 8)]
    blues = [c.b for c in row if c.a == 255]
    assert min(blues) < 190 < 205 < max(blues)


@pytest.mark.parametrize("height", [10, 64, 400])
def test_fits_its_rect_at_any_size_with_its_proportions(height: int) -> None:
    rect = pygame.Rect(5, 7, round(height * 1.3), height)
    surf = pygame.Surface((rect.right + 9, rect.bottom + 9), pygame.SRCALPHA)
    draw_emblem(surf, FlagEmblem((RED, WHITE)), rect, Colors())
    inked = surf.get_bounding_rect(min_alpha=1)
    assert inked.w > 0 and rect.contains(inked)
    if height >= 64:
        cloth = (inked.w / inked.h) * (1 + 2 * WAVE + 2 * EDGE) / (1 + 2 * EDGE / ASPECT)
        assert cloth == pytest.approx(ASPECT, rel=0.06)


def test_huge_flags_are_painted_at_a_bounded_size_then_scaled() -> None:
    rect = pygame.Rect(0, 0, 4000, 2900)
    surf = _flag(FlagEmblem((BLACK, RED, GOLD)), rect)
    inked = surf.get_bounding_rect(min_alpha=1)
    box = fitted(rect)
    assert box.contains(inked) and inked.w >= box.w - 2 and box.h >= rect.h - 2
    assert near(_at(surf, 0.5, 0.5, rect), RED)


def test_every_layout_element_changes_the_picture() -> None:
    base = FlagEmblem((RED, WHITE, GREEN))
    variants = [
        base,
        FlagEmblem((RED, WHITE, GREEN), layout="vertical"),
        FlagEmblem((RED, WHITE, GREEN), canton=NAVY),
        FlagEmblem((RED, WHITE, GREEN), disc=GOLD),
        FlagEmblem((RED, WHITE, GREEN), cross=NAVY),
        FlagEmblem((RED, WHITE, GREEN), cross=NAVY, cross_edge=WHITE),
        FlagEmblem((RED, WHITE, GREEN), triangle=NAVY),
        FlagEmblem((RED, WHITE, GREEN), emblem="star"),
        FlagEmblem((RED, WHITE, GREEN), emblem="star", emblem_color=NAVY),
    ]
    pictures = {
        pygame.image.tobytes(_flag(v, pygame.Rect(0, 0, 150, 120)), "RGBA") for v in variants
    }
    assert len(pictures) == len(variants)


#: Flags of many kinds, as a user writes them (colours as CSS names).
NATIONS: dict[str, FlagEmblem] = {
    "usa": FlagEmblem(
        tuple((178, 34, 52) if i % 2 == 0 else WHITE for i in range(13)),
        canton=(60, 59, 110),
        emblem="stars",
    ),
    "france": FlagEmblem((NAVY, WHITE, (255, 0, 0)), layout="vertical"),
    "japan": FlagEmblem((WHITE,), disc=(220, 20, 60)),
    "germany": FlagEmblem((BLACK, (255, 0, 0), (255, 215, 0))),
    "nigeria": FlagEmblem(((0, 128, 0), WHITE, (0, 128, 0)), layout="vertical"),
    "india": FlagEmblem(((255, 140, 0), WHITE, (0, 128, 0)), emblem="ashoka-chakra"),
    "sweden": FlagEmblem(((65, 105, 225),), cross=(255, 215, 0)),
    "norway": FlagEmblem(((178, 34, 34),), cross=NAVY, cross_edge=WHITE),
    "czechia": FlagEmblem((WHITE, (255, 0, 0)), triangle=NAVY),
    "turkey": FlagEmblem(((255, 0, 0),), emblem="crescent", emblem_color=WHITE),
    "vietnam": FlagEmblem(((255, 0, 0),), emblem="star"),
    "bangladesh": FlagEmblem(((0, 106, 78),), disc=(244, 42, 65)),
    "canada": FlagEmblem(
        ((255, 0, 0), WHITE, WHITE, (255, 0, 0)), layout="vertical", emblem="maple-leaf"
    ),
}


def test_flags_of_the_world_match_their_golden_sheet() -> None:
    h, per_row = 256, 7
    w = painter.doll_width(h)
    names = list(NATIONS)
    sheet = pygame.Surface((per_row * w, -(-len(names) // per_row) * h))
    sheet.fill((235, 228, 214))
    for i, name in enumerate(names):
        doll = Doll(name=name, id=name, emblems=(NATIONS[name],))
        sheet.blit(painter.paint(doll, "whole", h), ((i % per_row) * w, (i // per_row) * h))
    check_golden(sheet, Path(__file__).parent / "golden" / "flags.png")


def test_a_wrong_stripe_is_reported_at_its_place(tmp_path: Path) -> None:
    from matryoshka.errors import MatryoshkaError
    from matryoshka.format.loader import load_sequence

    path = tmp_path / "set.yaml"
    path.write_text(
        "format: matryoshka/1\ntitle: T\ndolls:\n  - name: A\n"
        "    emblems: [{flag: [red, whit, blue]}, {flag: []}, {flag: [red], layout: round}]\n",
        encoding="utf-8",
    )
    with pytest.raises(MatryoshkaError) as caught:
        load_sequence(path)
    assert [str(d).removeprefix(f"{path}:") for d in caught.value.diagnostics] == [
        "5:28: error: dolls[0].emblems[0].flag[1]: expected #rrggbb or a CSS colour name "
        "(such as gold or darkred), got 'whit'",
        "5:49: error: dolls[0].emblems[1].flag: at least 1 needed, got 0",
        "5:76: error: dolls[0].emblems[2].layout: unknown flag layout 'round'; known: "
        "horizontal, vertical",
    ]


def test_a_flag_alone_takes_the_aprons_width_and_shares_it_otherwise() -> None:
    from matryoshka.painter import regions as g
    from matryoshka.painter.placement import place

    flag = FlagEmblem((RED, WHITE))
    (alone,) = place(Doll(name="A", id="a", emblems=(flag,)))
    assert alone.box.w > g.BELLY.w
    # Inside the apron's oval, corners included.
    a = g.APRON
    for x, y in ((alone.box.x, alone.box.y), (alone.box.x, alone.box.y + alone.box.h)):
        assert (x / a.rx) ** 2 + ((y - a.cy) / a.ry) ** 2 < 1
    shared = place(Doll(name="A", id="a", emblems=(flag, "star")))
    assert all(p.box.w <= g.BELLY.w for p in shared)
    assert not shared[0].box.overlaps(shared[1].box)
