"""The stage: the doll in front, standing on its floor or opening, with shadow and glow."""

from __future__ import annotations

import math

from matryoshka.format.model import Doll
from matryoshka.geometry import ASPECT, Rect
from matryoshka.pgcompat import pygame
from matryoshka.records import Record
from matryoshka.stage.choreography import Placement, opening_pose, rest_placement
from matryoshka.stage.draw import draw_doll, draw_opening, part_image
from matryoshka.stage.furniture import Shadows
from matryoshka.window.components.common import Chrome
from matryoshka.window.state import WOBBLE_MS, CurrentDoll, State


class StageArea(Record):
    """The stage's room, where the doll stands in it, and the doll's own rectangle."""

    rect: Rect
    rest: Placement
    doll_rect: Rect


def layout_stage(col: Rect, shelf_top: int, m: int) -> StageArea:
    """The stage: the column above the shelf; the doll as tall as fits, centred on it."""
    rect = Rect(col.x, col.y, col.w, max(1, shelf_top - col.y - m // 2))
    rest = rest_placement(rect, ASPECT)
    dw = rest.height * ASPECT
    doll = Rect(round(rest.cx - dw / 2), round(rest.top), round(dw), round(rest.height))
    return StageArea(rect, rest, doll)


class StageView:
    """Draws the doll in front: at rest, hovered, wobbling (the core) or opening."""

    def __init__(self, chrome: Chrome, shadows: Shadows) -> None:
        self.chrome = chrome
        self.shadows = shadows

    def draw(
        self,
        surface: pygame.Surface,
        state: State,
        area: StageArea,
        shell: Placement | None,
        ui: float,
    ) -> None:
        """Draw the doll; ``shell`` is where a moving doll's shell goes on the shelf."""
        dolls = state.sequence.dolls
        rest = area.rest
        floor = rest.bottom
        m = state.motion
        if m is not None and shell is not None:
            pose = opening_pose(m.t, rest, shell, ASPECT, stage=area.rect)
            self.shadows.draw(surface, rest.cx, floor, pose.inner.height * ASPECT)
            draw_opening(surface, dolls[m.doll], dolls[m.doll + 1], pose, scaled=True)
            return
        doll = dolls[state.depth]
        self.shadows.draw(surface, rest.cx, floor, rest.height * ASPECT)
        hover = state.hover == CurrentDoll() and not state.overlay_open
        place = rest
        if hover:
            self.chrome.draw_glow(surface, rest)
            place = Placement(rest.cx, rest.top - 4 * ui, rest.height)
        if state.wobble_ms > 0:
            _draw_wobble(surface, doll, place, state.wobble_ms)
        else:
            draw_doll(surface, doll, place)


def _draw_wobble(surface: pygame.Surface, doll: Doll, place: Placement, wobble_ms: int) -> None:
    """The core doll rocks on its base: a damped swing about the bottom centre."""
    p = 1 - wobble_ms / WOBBLE_MS
    angle = 7.0 * math.sin(p * math.pi * 4) * (1 - p)
    img = part_image(doll, "whole", max(8, round(place.height)))
    turned = pygame.transform.rotozoom(img, angle, 1.0)
    pivot = pygame.math.Vector2(place.cx, place.bottom)
    offset = pygame.math.Vector2(0, -img.get_height() / 2).rotate(-angle)
    surface.blit(turned, turned.get_rect(center=pivot + offset))
