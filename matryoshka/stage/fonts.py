"""The program's fonts: one place that loads them, measures text and renders lines.

The window and every export set text through a :class:`Text`, so a picture a user
exports uses the same faces, sizes and anti-aliasing as the window they saw.
"""

from __future__ import annotations

from matryoshka.paths import font_path
from matryoshka.pgcompat import pygame
from matryoshka.stage.keep import SurfaceKeep
from matryoshka.theme import RGB

#: Text is never set smaller than this, whatever a size computation asks for.
MIN_PX = 6
#: Memory for rendered lines: every label, tab and panel line of a few screens.
LINES_BYTES = 8 * 1024 * 1024


class Text:
    """The program's fonts, text measurement and a cache of rendered lines.

    Also serves as the layout's ``Metrics``.
    """

    def __init__(self, lines_bytes: int = LINES_BYTES) -> None:
        if not pygame.font.get_init():
            pygame.font.init()
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._widths: dict[tuple[str, int, bool], int] = {}
        self._lines: SurfaceKeep[tuple[str, int, bool, RGB]] = SurfaceKeep(lines_bytes)

    def alive(self) -> bool:
        """Whether the fonts loaded so far still work (the font module did not restart)."""
        for font in self._fonts.values():
            try:
                font.get_height()
            except pygame.error:
                return False
            break
        return True

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        """The Noto Sans font at ``size`` px."""
        key = (size, bold)
        font = self._fonts.get(key)
        if font is None:
            font = pygame.font.Font(font_path(bold), max(MIN_PX, size))
            self._fonts[key] = font
        return font

    def width(self, text: str, size: int, bold: bool = False) -> int:
        key = (text, size, bold)
        w = self._widths.get(key)
        if w is None:
            w = self.font(size, bold).size(text)[0]
            if len(self._widths) > 20000:
                self._widths.clear()
            self._widths[key] = w
        return w

    def line_height(self, size: int) -> int:
        return self.font(size).get_linesize()

    def render(self, text: str, size: int, color: RGB, bold: bool = False) -> pygame.Surface:
        """``text`` in one line, anti-aliased on a transparent background (cached)."""
        key = (text, size, bold, color)
        surf = self._lines.get(key)
        if surf is None:
            surf = self._lines.put(key, self.font(size, bold).render(text, True, color))
        return surf

    def draw(
        self,
        surface: pygame.Surface,
        text: str,
        size: int,
        color: RGB,
        pos: tuple[int, int],
        *,
        bold: bool = False,
        anchor: str = "topleft",
    ) -> pygame.Rect:
        """Blit one line of text with its ``anchor`` (a pygame.Rect attribute) at ``pos``."""
        img = self.render(text, size, color, bold)
        rect = img.get_rect(**{anchor: pos})
        surface.blit(img, rect)
        return rect


_shared: Text | None = None


def shared_text() -> Text:
    """One :class:`Text` for the whole process (the exports use it)."""
    global _shared
    # A font loaded before ``pygame.font.quit`` is dead: start again after a quit.
    if _shared is None or not pygame.font.get_init() or not _shared.alive():
        _shared = Text()
    return _shared
