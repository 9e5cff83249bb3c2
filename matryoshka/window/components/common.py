"""Drawing shared by the window's components: buttons, panels, the veil, the glow."""

from __future__ import annotations

from matryoshka import theme
from matryoshka.geometry import ASPECT, Rect
from matryoshka.pgcompat import pygame
from matryoshka.stage.choreography import Placement
from matryoshka.stage.fonts import Text
from matryoshka.stage.keep import SurfaceKeep
from matryoshka.theme import RGB, mix
from matryoshka.window.measure import ellipsize

#: Memory for the halos drawn behind dolls under the pointer, one per doll size.
GLOWS_BYTES = 8 * 1024 * 1024


def pg(rect: Rect) -> pygame.Rect:
    """The pygame rectangle of ``rect``."""
    return pygame.Rect(rect.x, rect.y, rect.w, rect.h)


def dashed_rect(surface: pygame.Surface, color: RGB, rect: pygame.Rect, dash: int = 4) -> None:
    """A rectangle outlined with short dashes (a ghost: someone left out)."""
    for x in range(rect.x, rect.right, dash * 2):
        end = min(x + dash, rect.right - 1)
        pygame.draw.line(surface, color, (x, rect.y), (end, rect.y))
        pygame.draw.line(surface, color, (x, rect.bottom - 1), (end, rect.bottom - 1))
    for y in range(rect.y, rect.bottom, dash * 2):
        end = min(y + dash, rect.bottom - 1)
        pygame.draw.line(surface, color, (rect.x, y), (rect.x, end))
        pygame.draw.line(surface, color, (rect.right - 1, y), (rect.right - 1, end))


class Chrome:
    """The window's furniture, drawn the same by every component, with its caches."""

    def __init__(self, text: Text) -> None:
        self.text = text
        self._veil: tuple[tuple[int, int], pygame.Surface] | None = None
        self._glows: SurfaceKeep[tuple[int, int]] = SurfaceKeep(GLOWS_BYTES)

    def button(
        self,
        surface: pygame.Surface,
        rect: Rect,
        label: str,
        size: int,
        *,
        hover: bool,
        primary: bool = False,
        bold: bool = True,
    ) -> None:
        """A rounded button; ``primary`` in the accent colour."""
        radius = max(4, rect.h // 4)
        if primary:
            fill = mix(theme.ACCENT, (255, 255, 255), 0.15) if hover else theme.ACCENT
            ink = theme.ON_DARK
        else:
            fill = theme.HIGHLIGHT if hover else theme.PAPER
            ink = theme.INK
        pygame.draw.rect(surface, fill, pg(rect), border_radius=radius)
        if not primary:
            pygame.draw.rect(surface, theme.RULE, pg(rect), width=1, border_radius=radius)
        label = ellipsize(label, rect.w - 8, size, self.text, bold)
        self.text.draw(surface, label, size, ink, (rect.centerx, rect.centery), bold=bold,
                       anchor="center")  # fmt: skip

    def panel_box(self, surface: pygame.Surface, rect: Rect, ui: float) -> None:
        """An overlay's panel over a veil that dims the whole window."""
        surface.blit(self._veil_for(surface.get_size()), (0, 0))
        radius = round(14 * ui)
        pygame.draw.rect(surface, theme.PAPER, pg(rect), border_radius=radius)
        pygame.draw.rect(surface, theme.RULE, pg(rect), width=2, border_radius=radius)

    def _veil_for(self, size: tuple[int, int]) -> pygame.Surface:
        if self._veil is None or self._veil[0] != size:
            veil = pygame.Surface(size, pygame.SRCALPHA)
            veil.fill((*theme.VEIL, theme.VEIL_ALPHA))
            self._veil = (size, veil)
        return self._veil[1]

    def draw_glow(self, surface: pygame.Surface, place: Placement) -> None:
        """A soft halo behind a doll under the pointer."""
        w = round(place.height * ASPECT * 1.5)
        h = round(place.height * 1.15)
        surface.blit(self._glow(w, h), (round(place.cx - w / 2), round(place.top - h * 0.06)))

    def _glow(self, w: int, h: int) -> pygame.Surface:
        key = (w, h)
        glow = self._glows.get(key)
        if glow is None:
            glow = pygame.Surface((w, h), pygame.SRCALPHA)
            steps = 14
            for i in range(steps):
                u = i / steps
                rect = pygame.Rect(0, 0, round(w * (1 - u * 0.6)), round(h * (1 - u * 0.6)))
                rect.center = (w // 2, h // 2)
                pygame.draw.ellipse(glow, (*theme.HIGHLIGHT, 14), rect)
            self._glows.put(key, glow)
        return glow
