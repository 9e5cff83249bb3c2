"""The top bar: one tab per sequence (scrolling when they do not fit) and two buttons."""

from __future__ import annotations

from matryoshka import theme
from matryoshka.geometry import Rect
from matryoshka.pgcompat import pygame
from matryoshka.records import Record
from matryoshka.window.components.common import Chrome, pg
from matryoshka.window.measure import Fonts, Metrics, ellipsize
from matryoshka.window.state import Button, State, Tab, TabScroll, Target

#: The buttons at the right of the bar, right to left: (name, label).
BUTTONS: tuple[tuple[str, str], ...] = (
    ("help", "?  Help"),
    ("export", "Export"),
    ("compare", "Compare"),
)


class TabBox(Record):
    """One sequence's tab and its (possibly shortened) title."""

    index: int
    rect: Rect
    label: str


class TopBar(Record):
    """The bar along the top: its band, the tabs, the scroll arrows and the buttons."""

    band: Rect
    tabs: tuple[TabBox, ...]
    prev: Rect | None
    next: Rect | None
    buttons: tuple[tuple[str, Rect, str], ...]


def layout_top_bar(
    state: State, metrics: Metrics, fonts: Fonts, w: int, m: int, ui: float
) -> TopBar:
    """The top bar of a window ``w`` wide with margin ``m``."""
    bar_h = metrics.line_height(fonts.tab) + round(14 * ui)
    band = Rect(0, 0, w, bar_h + m)
    pad = round(14 * ui)
    bx = w - m
    buttons: list[tuple[str, Rect, str]] = []
    for name, label in BUTTONS:
        bw = metrics.width(label, fonts.button, True) + 2 * pad
        rect = Rect(bx - bw, m // 2, bw, bar_h)
        buttons.append((name, rect, label))
        bx = rect.x - round(8 * ui)
    buttons.reverse()
    tabs, prev, nxt = layout_tabs(state, metrics, fonts, Rect(m, m // 2, bx - m - m, bar_h))
    return TopBar(band, tabs, prev, nxt, tuple(buttons))


def layout_tabs(
    state: State, metrics: Metrics, fonts: Fonts, bar: Rect
) -> tuple[tuple[TabBox, ...], Rect | None, Rect | None]:
    """A row of tabs; when they do not all fit, a window of them with arrows either side."""
    pad = round(fonts.tab * 0.9)
    gap = max(2, fonts.tab // 5)
    titles = [s.title for s in state.sequences]
    natural = [metrics.width(t, fonts.tab, True) + 2 * pad for t in titles]
    n = len(titles)
    # Whole titles when they all fit; else none wider than a third of the bar.
    max_tab = bar.w if sum(natural) + gap * (n - 1) <= bar.w else max(60, bar.w // 3)
    widths = [min(w, max_tab) for w in natural]

    def place(first: int, x0: int, x1: int) -> list[TabBox]:
        out: list[TabBox] = []
        x = x0
        for i in range(first, n):
            tw = widths[i]
            if x + tw > x1:
                if not out and x1 - x > 2 * pad:  # one tab wider than the room: shorten it
                    tw = x1 - x
                else:
                    break
            label = ellipsize(titles[i], tw - 2 * pad, fonts.tab, metrics, True)
            out.append(TabBox(i, Rect(x, bar.y, tw, bar.h), label))
            x += tw + gap
        return out

    if sum(widths) + gap * (n - 1) <= bar.w:
        return tuple(place(0, bar.x, bar.right)), None, None
    arrow_w = bar.h
    x0, x1 = bar.x + arrow_w + gap, bar.right - arrow_w - gap
    first = min(max(state.tab_scroll, 0), n - 1)
    # Keep the current sequence's tab in view: scroll just far enough.
    if state.index < first:
        first = state.index
    shown = place(first, x0, x1)
    while shown and state.index > shown[-1].index and first < state.index:
        first += 1
        shown = place(first, x0, x1)
    prev = Rect(bar.x, bar.y, arrow_w, bar.h) if first > 0 else None
    more = bool(shown) and shown[-1].index < n - 1
    nxt = Rect(bar.right - arrow_w, bar.y, arrow_w, bar.h) if more else None
    return tuple(shown), prev, nxt


def targets(bar: TopBar) -> list[tuple[Rect, Target]]:
    """What can be clicked in the bar, topmost first."""
    out: list[tuple[Rect, Target]] = [(rect, Button(name)) for name, rect, _ in bar.buttons]  # type: ignore[arg-type]
    if bar.prev is not None:
        out.append((bar.prev, TabScroll(-1)))
    if bar.next is not None:
        out.append((bar.next, TabScroll(1)))
    out.extend((tab.rect, Tab(tab.index)) for tab in bar.tabs)
    return out


class TopBarView:
    """Draws the top bar."""

    def __init__(self, chrome: Chrome) -> None:
        self.chrome = chrome
        self.text = chrome.text

    def draw(self, surface: pygame.Surface, state: State, bar: TopBar, fonts: Fonts) -> None:
        self.draw_tabs(surface, state, bar, fonts.tab)
        for name, rect, label in bar.buttons:
            hover = state.hover == Button(name)  # type: ignore[arg-type]
            if name == "export" and state.export is not None:
                label = "Saving…"
            hover = hover or (name == "compare" and state.compare is not None)
            self.chrome.button(
                surface, rect, label, fonts.button, hover=hover, primary=name == "export"
            )

    def draw_tabs(self, surface: pygame.Surface, state: State, bar: TopBar, size: int) -> None:
        band = bar.band
        pygame.draw.line(surface, theme.RULE, (0, band.bottom - 1), (band.w, band.bottom - 1))
        for tab in bar.tabs:
            active = tab.index == state.index
            hover = state.hover == Tab(tab.index)
            r = pg(tab.rect)
            fill = theme.PAPER if active else theme.HIGHLIGHT if hover else theme.PANEL
            radius = max(4, r.h // 4)
            pygame.draw.rect(surface, fill, r, border_radius=radius)
            pygame.draw.rect(surface, theme.RULE, r, width=1, border_radius=radius)
            if active:
                line = pygame.Rect(r.x + radius, r.bottom - 4, r.w - 2 * radius, 3)
                pygame.draw.rect(surface, theme.ACCENT, line)
            ink = theme.INK if active or hover else theme.INK_SOFT
            self.text.draw(surface, tab.label, size, ink, r.center, bold=active, anchor="center")
        for rect, glyph, delta in ((bar.prev, "‹", -1), (bar.next, "›", 1)):
            if rect is not None:
                hover = state.hover == TabScroll(delta)
                self.chrome.button(surface, rect, glyph, round(size * 1.3), hover=hover)
