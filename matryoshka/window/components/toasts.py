"""Short messages at the top of the stage: an export's progress, where a file went."""

from __future__ import annotations

from matryoshka import theme
from matryoshka.export import kinds
from matryoshka.geometry import Rect
from matryoshka.pgcompat import pygame
from matryoshka.records import Record
from matryoshka.stage import bidi
from matryoshka.theme import RGB, mix
from matryoshka.window.components.common import Chrome
from matryoshka.window.measure import Fonts, Metrics, wrap
from matryoshka.window.state import State


class ToastText(Record):
    """What the toast says, its colour, and an export's progress (None: no bar)."""

    message: str
    fill: RGB
    progress: float | None


def toast_lines(message: str, width: int, fonts: Fonts, metrics: Metrics, ui: float) -> list[str]:
    """The message wrapped to a toast ``width`` wide: shown whole, never cut off."""
    pad = round(14 * ui)
    # The program's own sentences read from the left, even when they start with a name
    # in Arabic or Hebrew ("محمد نجيب is the core doll: ...").
    message = bidi.with_direction(message, 0)
    return wrap(message, max(1, width - 2 * pad), fonts.body, metrics, break_words=True)


def layout_toast(
    stage: Rect, metrics: Metrics, fonts: Fonts, m: int, ui: float, message: str | None = None
) -> Rect:
    """At the top of the stage, in the headroom above the doll's head, as tall as ``message``
    needs (one line when it is None)."""
    lines = toast_lines(message, stage.w, fonts, metrics, ui) if message else [""]
    toast_h = metrics.line_height(fonts.body) * len(lines) + round(16 * ui)
    return Rect(stage.x, stage.y + m // 2, stage.w, toast_h)


def derive(state: State) -> ToastText | None:
    """What the toast shows now, if anything."""
    if state.export is not None:
        what = kinds.kind(state.export.kind).label
        if state.export.suffix is not None:
            what += f" ({kinds.Choice(state.export.kind, state.export.suffix).format_name})"
        message = f"Saving {what}…  {round(state.export.progress * 100)}%"
        return ToastText(message, theme.TOAST, state.export.progress)
    if state.toast is not None:
        fill = theme.ACCENT if state.toast.failed else theme.TOAST
        return ToastText(state.toast.message, fill, None)
    return None


class ToastView:
    """Draws the toast."""

    def __init__(self, chrome: Chrome) -> None:
        self.text = chrome.text

    def draw(
        self, surface: pygame.Surface, state: State, area: Rect, fonts: Fonts, ui: float
    ) -> None:
        shown = derive(state)
        if shown is None:
            return
        pad = round(14 * ui)
        lines = toast_lines(shown.message, area.w, fonts, self.text, ui)
        lh = self.text.line_height(fonts.body)
        tw = max(self.text.width(line, fonts.body) for line in lines)
        box = pygame.Rect(0, 0, tw + 2 * pad, lh * len(lines) + round(16 * ui))
        box.midtop = (area.centerx, area.y)
        radius = min(box.h // 3, lh // 2 + round(8 * ui))
        pygame.draw.rect(surface, shown.fill, box, border_radius=radius)
        top = box.centery - lh * len(lines) // 2
        for i, line in enumerate(lines):
            self.text.draw(surface, line, fonts.body, theme.ON_DARK,
                           (box.centerx, top + i * lh + lh // 2), anchor="center")  # fmt: skip
        if shown.progress is not None:
            bar = pygame.Rect(box.x + pad, box.bottom - 5, box.w - 2 * pad, 3)
            pygame.draw.rect(surface, mix(theme.TOAST, theme.ON_DARK, 0.25), bar)
            bar.w = round(bar.w * shown.progress)
            pygame.draw.rect(surface, theme.HIGHLIGHT, bar)
