"""The program's fonts: one place that loads them, measures text and renders lines.

The window and every export set text through a :class:`Text`, so a picture a user
exports uses the same faces, sizes and anti-aliasing as the window they saw.

A line is set in pieces: each piece one font (Noto Sans, or the shipped font of its
script, or the system's CJK font; see ``stage.scripts``) and one direction (see
``stage.bidi``). HarfBuzz, inside SDL_ttf, shapes each piece for its script (joins
Arabic letters, places Devanagari vowel signs) and sets right-to-left pieces from the
right; the pieces stand side by side on one baseline, in visual order. Fonts of other
scripts are opened only when some text needs them.
"""

from __future__ import annotations

import threading
from pathlib import Path

from matryoshka.pgcompat import pygame
from matryoshka.stage.bidi import is_rtl
from matryoshka.stage.keep import SurfaceKeep
from matryoshka.stage.scripts import Face, Piece, pieces, shipped_faces
from matryoshka.theme import RGB

#: Text is never set smaller than this, whatever a size computation asks for.
MIN_PX = 6
#: Fonts a Text keeps open; beyond this (an emblem set at many sizes) it starts afresh.
_MAX_FONTS = 96
#: A font's script and direction are set before each use: one line at a time, even when
#: an export draws on another thread.
_SHAPING = threading.Lock()
#: Memory for rendered lines: every label, tab and panel line of a few screens.
LINES_BYTES = 8 * 1024 * 1024


class Text:
    """The program's fonts, text measurement and a cache of rendered lines.

    Also serves as the layout's ``Metrics``.
    """

    def __init__(self, lines_bytes: int = LINES_BYTES) -> None:
        if not pygame.font.get_init():
            pygame.font.init()
        self._fonts: dict[tuple[Path, int, bool], pygame.font.Font] = {}
        #: The script and direction each open font is set to. Setting either (or an
        #: outline) empties the font's cache of drawn glyphs, so they are set only when
        #: they change: a Latin line after a Latin line draws from the cache.
        self._set_for: dict[int, tuple[str, bool]] = {}
        self._pieces: dict[str, list[Piece]] = {}
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
        """The Noto Sans font at ``size`` px (Latin, Greek and Cyrillic)."""
        return self._face_font(shipped_faces()[0], size, bold)

    def _face_font(self, face: Face, size: int, bold: bool) -> pygame.font.Font:
        path = face.bold if bold else face.regular
        key = (path, size, bold)
        font = self._fonts.get(key)
        if font is None:
            if len(self._fonts) >= _MAX_FONTS:
                self._fonts.clear()
                self._set_for.clear()
            font = pygame.font.Font(path, max(MIN_PX, size))
            # A family without a bold file (some CJK fonts) is emboldened.
            font.bold = bold and face.bold == face.regular
            self._fonts[key] = font
        return font

    def pieces(self, text: str) -> list[Piece]:
        """``text`` cut into pieces of one font and one direction, from left to right."""
        found = self._pieces.get(text)
        if found is None:
            found = pieces(text)
            if len(self._pieces) > 20000:
                self._pieces.clear()
            self._pieces[text] = found
        return found

    def width(self, text: str, size: int, bold: bool = False) -> int:
        key = (text, size, bold)
        w = self._widths.get(key)
        if w is None:
            w = 0
            with _SHAPING:
                for piece in self.pieces(text):
                    font = self._prepared(piece, size, bold)
                    w += font.size(piece.text)[0]
            if len(self._widths) > 20000:
                self._widths.clear()
            self._widths[key] = w
        return w

    def line_height(self, size: int) -> int:
        return self.font(size).get_linesize()

    def _prepared(self, piece: Piece, size: int, bold: bool) -> pygame.font.Font:
        """The font of ``piece``, set for its script and direction (hold ``_SHAPING``)."""
        font = self._face_font(piece.face, size, bold)
        wanted = (piece.script, piece.rtl)
        if self._set_for.get(id(font)) != wanted:
            font.set_script(piece.script)
            font.set_direction(pygame.DIRECTION_RTL if piece.rtl else pygame.DIRECTION_LTR)
            self._set_for[id(font)] = wanted
        return font

    def shape(
        self, text: str, size: int, color: RGB, bold: bool = False, outline: int = 0
    ) -> pygame.Surface:
        """``text`` in one line on a transparent background (not cached).

        With ``outline`` > 0, only the glyphs' outline grown by that many pixels, on a
        surface ``2 * outline`` larger each way, to put under the text itself.
        """
        parts = self.pieces(text)
        main = self.font(size, bold)
        with _SHAPING:
            images = []
            for piece in parts:
                font = self._prepared(piece, size, bold)
                if piece.text and not font.size(piece.text)[0]:
                    continue  # only invisible characters (a zero-width space): nothing to draw
                if not outline:
                    images.append((font, font.render(piece.text, True, color)))
                    continue
                font.outline = outline
                try:
                    images.append((font, font.render(piece.text, True, color)))
                finally:
                    font.outline = 0
            if len(images) == 1 and parts[0].face is shipped_faces()[0]:
                return images[0][1]
            main_ascent = main.get_ascent()
        width = sum(img.get_width() - 2 * outline for _, img in images) + 2 * outline
        height = main.get_height() + 2 * outline
        placed = []
        x = 0
        for font, img in images:
            y = main_ascent - font.get_ascent()
            ink = img.get_bounding_rect()
            if ink.h:
                # Ink below the line (a deep descender) grows the picture downwards;
                # the baseline stays where Noto Sans has it, as in every other line.
                height = max(height, y + ink.bottom)
            placed.append((img, x, y))
            x += img.get_width() - 2 * outline
        out = pygame.Surface((max(1, width), height), pygame.SRCALPHA)
        out.fill((*color, 0))
        for img, px, py in placed:
            out.blit(img, (px, py))
        return out

    def render(self, text: str, size: int, color: RGB, bold: bool = False) -> pygame.Surface:
        """``text`` in one line, anti-aliased on a transparent background (cached)."""
        key = (text, size, bold, color)
        surf = self._lines.get(key)
        if surf is None:
            surf = self._lines.put(key, self.shape(text, size, color, bold))
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

    def draw_start(
        self,
        surface: pygame.Surface,
        text: str,
        size: int,
        color: RGB,
        span: tuple[int, int],
        y: int,
        *,
        bold: bool = False,
        rtl: bool | None = None,
    ) -> pygame.Rect:
        """Blit a line of a paragraph at its start: the left of ``span`` (left, right) for
        left-to-right text, the right for Arabic or Hebrew (``rtl``; default: the line's
        own direction)."""
        if rtl is None:
            rtl = is_rtl(text)
        if rtl:
            return self.draw(surface, text, size, color, (span[1], y), bold=bold, anchor="topright")
        return self.draw(surface, text, size, color, (span[0], y), bold=bold)


_shared: Text | None = None


def shared_text() -> Text:
    """One :class:`Text` for the whole process (the exports use it)."""
    global _shared
    # A font loaded before ``pygame.font.quit`` is dead: start again after a quit.
    if _shared is None or not pygame.font.get_init() or not _shared.alive():
        _shared = Text()
    return _shared


def forget_shared_text() -> None:
    """Drop the shared :class:`Text` (its fonts died with a restart of the font module)."""
    global _shared
    _shared = None
