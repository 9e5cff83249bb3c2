"""Drawing dolls for the window and the export: paintings made ahead and scaled from."""

from __future__ import annotations

import pytest

from matryoshka import painter
from matryoshka.format.model import Colors, Doll
from matryoshka.pgcompat import pygame
from matryoshka.stage import draw as stage

DOLL = Doll(name="Stage", id="stage", colors=Colors(body=(30, 90, 160)))


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    painter.set_cache_limit(painter.DEFAULT_CACHE_BYTES)
    painter.clear_cache()


def test_prewarm_paints_at_the_rounded_height() -> None:
    assert not painter.is_cached(DOLL, "whole", 200)
    stage.prewarm(DOLL, "whole", 199.6)  # rounded, as the window's sizes are
    assert painter.is_cached(DOLL, "whole", 200)
    assert not painter.is_cached(DOLL, "top", 200)


def test_prewarm_marks_a_cached_painting_as_recently_used() -> None:
    stage.prewarm(DOLL, "whole", 100)
    stage.prewarm(DOLL, "whole", 101)
    painter.set_cache_limit(painter.cache_info().bytes + 1)
    stage.prewarm(DOLL, "whole", 100)  # touched: now the newest
    stage.prewarm(DOLL, "whole", 60)  # a small one more: the oldest goes
    assert painter.is_cached(DOLL, "whole", 100) and not painter.is_cached(DOLL, "whole", 101)


def test_scaled_parts_shrink_from_a_cached_painting_without_painting() -> None:
    for part in ("whole", "top", "bottom", "bottom_back"):
        stage.prewarm(DOLL, part, 300)
    misses = painter.cache_info().misses
    for part in ("whole", "top", "bottom", "bottom_back"):
        for h in (299, 250, 180, 120):
            img = stage.part_image(DOLL, part, h, scaled=True)
            assert img.get_size() == painter.part_size(part, h)
        # Exactly the cached painting at its own height.
        assert stage.part_image(DOLL, part, 300, scaled=True) is painter.paint(DOLL, part, 300)
    assert painter.cache_info().misses == misses
    assert not painter.is_cached(DOLL, "whole", 250)  # scaled frames are not cached


def test_draw_part_places_the_painting_by_its_offset() -> None:
    from matryoshka.stage.choreography import Placement

    surface = pygame.Surface((400, 400), pygame.SRCALPHA)
    stage.draw_part(surface, DOLL, "bottom", Placement(200, 50, 300))
    top = 50 + painter.part_offset("bottom", 300)
    rect = surface.get_bounding_rect()
    assert rect.top >= top - 1 and rect.bottom <= 350
    assert abs(rect.centerx - 200) <= 1
