"""The Export menu: every kind of export the program makes, each with its key.

Its lines come from the export kinds table (``export.kinds.choices()``), so a kind added
there is offered here too; the keys come from the key map. It opens under the Export
button (centred when presenting, as there is no button then) and is used with the
pointer or with Up, Down and Enter; Esc or a click elsewhere closes it.
"""

from __future__ import annotations

from matryoshka import theme
from matryoshka.export import kinds
from matryoshka.geometry import Rect
from matryoshka.pgcompat import pygame
from matryoshka.records import Record
from matryoshka.window.components.common import Chrome, pg
from matryoshka.window.keymap import key_for
from matryoshka.window.measure import Fonts, Metrics, ellipsize
from matryoshka.window.state import MenuItem, RequestExport, State, Target

TITLE = "Export"
HINT = "Up, Down, Enter · Esc closes"


class MenuLine(Record):
    """One line of the menu: what it exports, in which format, and its key."""

    index: int
    rect: Rect
    label: str
    format_name: str
    key: str


class ExportMenu(Record):
    """The menu's panel, its title line and its lines."""

    panel: Rect
    pad: int
    title_y: int
    lines: tuple[MenuLine, ...]
    key_w: int
    #: Where the format column starts, from a line's left edge.
    format_x: int


def request_for(choice: kinds.Choice) -> RequestExport:
    """The message a menu line sends (its kind's usual format needs no suffix)."""
    usual = kinds.kind(choice.kind).suffix
    return RequestExport(choice.kind, None if choice.suffix == usual else choice.suffix)


def layout_export_menu(
    anchor: Rect | None, w: int, h: int, m: int, fonts: Fonts, metrics: Metrics, ui: float
) -> ExportMenu:
    """The menu under ``anchor`` (the Export button), right-aligned to it; else centred.

    The panel is as wide as its longest line; when the window is too small for it, text
    is shortened only as a last resort.
    """
    body, small = fonts.body, fonts.small
    pad = round(14 * ui)
    gap = round(16 * ui)
    choices = kinds.choices()
    texts = [(c.label, c.format_name, key_for(request_for(c)) or "–") for c in choices]
    label_w = max(metrics.width(t[0], body) for t in texts)
    format_w = max(metrics.width(t[1], small) for t in texts)
    key_w = max(metrics.width(t[2], small, True) for t in texts) + round(14 * ui)
    head_w = metrics.width(TITLE, body, True) + gap + metrics.width(HINT, small)
    inner = max(label_w + gap + format_w + gap + key_w, head_w)
    pw = min(inner + 2 * pad, w - 2 * m)
    row = max(metrics.line_height(body), metrics.line_height(small)) + round(12 * ui)
    title_h = metrics.line_height(body) + round(10 * ui)
    ph = min(pad // 2 + title_h + row * len(choices) + pad // 2, h - 2 * m)
    if anchor is not None:
        x = min(max(m, anchor.right - pw), w - m - pw)
        y = anchor.bottom + round(6 * ui)
        y = min(y, max(m, h - m - ph))
    else:
        x, y = (w - pw) // 2, (h - ph) // 2
    panel = Rect(x, y, max(1, pw), max(1, ph))
    top = panel.y + pad // 2 + title_h
    lines = []
    text_w = max(1, panel.w - 2 * pad - gap - key_w)
    for i, (label, format_name, key) in enumerate(texts):
        rect = Rect(panel.x + pad // 2, top + i * row, panel.w - pad, row)
        if rect.bottom > panel.bottom:
            break
        label = ellipsize(label, min(label_w, text_w), body, metrics)
        rest = text_w - min(label_w, text_w) - gap
        format_name = ellipsize(format_name, rest, small, metrics) if rest > 0 else ""
        lines.append(MenuLine(i, rect, label, format_name, key))
    format_x = pad // 2 + min(label_w, text_w) + gap
    return ExportMenu(panel, pad, panel.y + pad // 2, tuple(lines), key_w, format_x)


def targets(menu: ExportMenu) -> list[tuple[Rect, Target]]:
    """Each line of the menu."""
    return [(line.rect, MenuItem(line.index)) for line in menu.lines]


class ExportMenuView:
    """Draws the menu."""

    def __init__(self, chrome: Chrome) -> None:
        self.text = chrome.text

    def draw(
        self, surface: pygame.Surface, state: State, menu: ExportMenu, fonts: Fonts, ui: float
    ) -> None:
        body, small = fonts.body, fonts.small
        panel = pg(menu.panel)
        radius = round(10 * ui)
        shadow = panel.move(0, round(4 * ui))
        pygame.draw.rect(surface, theme.RULE, shadow, border_radius=radius)
        pygame.draw.rect(surface, theme.PAPER, panel, border_radius=radius)
        pygame.draw.rect(surface, theme.RULE, panel, width=1, border_radius=radius)
        pad = menu.pad
        self.text.draw(surface, TITLE, body, theme.INK, (panel.x + pad, menu.title_y), bold=True)
        self.text.draw(surface, HINT, small, theme.INK_SOFT,
                       (panel.right - pad, menu.title_y + (body - small) // 2),
                       anchor="topright")  # fmt: skip
        for line in menu.lines:
            r = pg(line.rect)
            if line.index == state.menu_focus:
                pygame.draw.rect(surface, theme.HIGHLIGHT, r, border_radius=r.h // 4)
            x = r.x + pad // 2
            self.text.draw(surface, line.label, body, theme.INK, (x, r.centery), anchor="midleft")
            if line.format_name:
                self.text.draw(surface, line.format_name, small, theme.INK_SOFT,
                               (r.x + menu.format_x, r.centery), anchor="midleft")  # fmt: skip
            cap = pygame.Rect(0, 0, menu.key_w, r.h - round(10 * ui))
            cap.midright = (r.right - pad // 2, r.centery)
            pygame.draw.rect(surface, theme.PANEL, cap, border_radius=cap.h // 4)
            pygame.draw.rect(surface, theme.RULE, cap, width=1, border_radius=cap.h // 4)
            self.text.draw(surface, line.key, small, theme.ACCENT, cap.center, bold=True,
                           anchor="center")  # fmt: skip
