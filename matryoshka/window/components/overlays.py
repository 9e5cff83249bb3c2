"""What opens over the window: the help, the sequence's description, the list of hidden
shells, and the box of a broken file's errors (which is not modal).
"""

from __future__ import annotations

from pathlib import Path

from matryoshka import theme
from matryoshka.format.model import Doll
from matryoshka.geometry import Rect
from matryoshka.pgcompat import pygame
from matryoshka.records import Record
from matryoshka.stage import bidi
from matryoshka.window.components.common import Chrome, pg
from matryoshka.window.keymap import HELP_KEYS
from matryoshka.window.measure import Fonts, Metrics, ellipsize, wrap
from matryoshka.window.state import PickerItem, PickerPage, State, Target, picker_matches

#: The list of hidden shells shrinks its text to fit more on a page, but not below this.
PICKER_MIN_TEXT = 12


class HelpBox(Record):
    """The help overlay: a panel with one row per key."""

    panel: Rect
    size: int
    key_x: int
    text_x: int
    top: int
    row: int


class ErrorBox(Record):
    """Problems in edited sequence files, over the top of the stage (not modal)."""

    panel: Rect
    pad: int
    title: str
    lines: tuple[str, ...]
    size: int


class AboutBox(Record):
    """The sequence's description: a panel sized to its wrapped paragraphs.

    Each paragraph is (lines, size, bold, role, gap after); role is ``title``, ``text``
    or ``note`` (drawn softer).
    """

    panel: Rect
    pad: int
    paragraphs: tuple[tuple[tuple[str, ...], int, bool, str, int], ...]


class PickerEntry(Record):
    """One hidden shell in the list opened from the shelf's group: name and years."""

    depth: int
    rect: Rect
    label: str
    years: str = ""


class Picker(Record):
    """The list of every opened shell, shown a page at a time."""

    panel: Rect
    title: Rect
    entries: tuple[PickerEntry, ...]
    page: int
    pages: int
    prev: Rect | None
    next: Rect | None
    #: Text size of the names (smaller when there are many).
    size: int
    #: How many opened dolls the filter finds (all of them without one).
    found: int = 0


def layout_errors(
    state: State, area: Rect, fonts: Fonts, metrics: Metrics, ui: float, share: float = 1.0
) -> ErrorBox:
    """The located errors, wrapped, as many as ``share`` of ``area`` holds.

    The window puts them over the info panel, beside the doll (over the top of the stage
    when presenting). Folded (Esc, or a click on the box), it is one line that says how
    many there are.
    """
    pad = round(12 * ui)
    width = max(1, area.w - 2 * pad)
    count = len(state.errors)
    if state.errors_folded:
        title = (
            f"A sequence file has {count} error{'s' if count != 1 else ''}; click here to show them"
        )
        lines = wrap(title, width, fonts.small, metrics, True)
        height = 2 * pad + metrics.line_height(fonts.small) * len(lines)
        return ErrorBox(
            Rect(area.x, area.y, area.w, height), pad, "\n".join(lines), (), fonts.small
        )
    # Large text that cannot show even the first error whole steps down towards the
    # normal size, for the box only.
    normal = max(9, round(fonts.small / state.text_factor))
    for size in range(fonts.small, normal - 1, -1):
        box = _error_box(state, area, size, metrics, pad, share)
        if box.panel.h <= area.h or size == normal:
            return box
    return box


def _error_box(
    state: State, stage: Rect, size: int, metrics: Metrics, pad: int, share: float
) -> ErrorBox:
    """The unfolded box of errors with text ``size`` px."""
    lh = metrics.line_height(size)
    width = max(1, stage.w - 2 * pad)
    title = (
        "A sequence file has errors; showing its last good version. Fix and save it "
        "(Esc or a click folds this away):"
    )
    title_lines = wrap(title, width, size, metrics, True, break_words=True)
    room = max(1, (round(stage.h * share) - 2 * pad) // lh - len(title_lines))
    # Each error whole, wrapped (never cut off mid-advice): as many as there is room for,
    # then a line that says how many more there are.
    wrapped = [wrap(_short_error(line), width, size, metrics, break_words=True)
               for line in state.errors]  # fmt: skip
    lines: list[str] = []
    for i, error in enumerate(wrapped):
        more = len(wrapped) - i - 1
        reserve = 1 if more else 0
        if lines and len(lines) + len(error) + reserve > room:
            left = len(wrapped) - i
            lines.extend(wrap(f"... and {left} more error{'s' if left != 1 else ''}: fix "
                              "these first", width, size, metrics))  # fmt: skip
            break
        lines.extend(error)
    height = 2 * pad + lh * (len(title_lines) + len(lines))
    return ErrorBox(
        Rect(stage.x, stage.y, stage.w, height), pad, "\n".join(title_lines), tuple(lines), size
    )


def _short_error(line: str) -> str:
    """An error line with its file's folder left out (long, and the same for every line)."""
    where, sep, rest = line.partition(": ")
    file_part, colon, position = where.partition(".y")
    return f"{Path(file_part).name}{colon}{position}{sep}{rest}" if colon else line


def layout_about(
    state: State, w: int, h: int, m: int, fonts: Fonts, metrics: Metrics, ui: float
) -> AboutBox:
    """The description panel: as wide as reads well, as tall as its text (up to the window)."""
    seq = state.sequence
    pad = round(24 * ui)
    aw = min(w - 2 * m, round(720 * ui))
    width = max(1, aw - 2 * pad)
    n = len(seq.dolls)
    count = (
        f"{n} doll{'s' if n != 1 else ''}, outermost first: "
        f"{bidi.isolated(seq.dolls[0].name)} to {bidi.isolated(seq.dolls[-1].name)}"
    )
    raw = [
        (seq.title, fonts.heading, True, "title"),
        (count, fonts.small, False, "note"),
        (seq.description or "This sequence has no description.", fonts.body, False, "text"),
    ]
    if seq.source:
        raw.append((f"Source: {seq.source}", fonts.small, False, "note"))
    paragraphs = []
    height = 2 * pad + metrics.line_height(fonts.small) + pad // 2
    for text, size, bold, role in raw:
        lines = tuple(wrap(text, width, size, metrics, bold))
        gap = metrics.line_height(size) // 2
        paragraphs.append((lines, size, bold, role, gap))
        height += len(lines) * metrics.line_height(size) + gap
    ah = min(h - 2 * m, height)
    return AboutBox(Rect((w - aw) // 2, (h - ah) // 2, aw, max(1, ah)), pad, tuple(paragraphs))


def layout_help(w: int, h: int, m: int, fonts: Fonts, metrics: Metrics) -> HelpBox:
    """A centred panel listing every key, its text shrunk until it fits the window."""
    size = fonts.help
    while True:
        row = metrics.line_height(size) + max(2, size // 4)
        key_w = max(metrics.width(k, size, True) for k, _ in HELP_KEYS)
        text_w = max(metrics.width(t, size) for _, t in HELP_KEYS)
        gap = size * 2
        pad = size * 2
        title_h = metrics.line_height(round(size * 1.35)) + size
        pw = key_w + gap + text_w + 2 * pad
        ph = title_h + row * len(HELP_KEYS) + 2 * pad
        if (pw <= w - 2 * m and ph <= h - 2 * m) or size <= 9:
            break
        size -= 1
    pw, ph = min(pw, w), min(ph, h)
    panel = Rect((w - pw) // 2, (h - ph) // 2, pw, ph)
    return HelpBox(
        panel=panel,
        size=size,
        key_x=panel.x + pad,
        text_x=panel.x + pad + key_w + gap,
        top=panel.y + pad + title_h,
        row=row,
    )


def layout_picker(
    state: State, w: int, h: int, m: int, fonts: Fonts, metrics: Metrics, ui: float
) -> Picker:
    """The opened shells the list shows (all, or those its filter finds) as a grid of
    names with their years, a page at a time.

    The text shrinks to fit more on a page, but never below ``PICKER_MIN_TEXT`` px or
    four fifths of the usual size; beyond that, pages. Typing filters the list.
    """
    found = picker_matches(state)
    dolls = state.sequence.dolls
    pw = min(w - 2 * m, max(round(980 * ui), round(w * 0.9)))
    ph = min(h - 2 * m, max(round(640 * ui), round(h * 0.9)))
    panel = Rect((w - pw) // 2, (h - ph) // 2, pw, ph)
    pad = round(16 * ui)
    title_h = metrics.line_height(fonts.heading) + metrics.line_height(fonts.small) + pad
    title = Rect(panel.x + pad, panel.y + pad, panel.w - 2 * pad, title_h)
    gap = round(6 * ui)
    least = max(PICKER_MIN_TEXT, round(fonts.small * 0.8))
    size = fonts.small
    texts = [_picker_text(dolls, d) for d in found]
    while True:
        row = metrics.line_height(size) + max(2, round(size * 0.25))
        grid = Rect(
            panel.x + pad,
            title.bottom,
            panel.w - 2 * pad,
            max(row, panel.bottom - pad - row - title.bottom),
        )
        widest = max((_entry_width(t, size, metrics, gap) for t in texts), default=1)
        col_w = min(widest + 2 * gap + round(12 * ui), max(1, grid.w))
        cols = max(1, grid.w // col_w)
        rows = max(1, grid.h // row)
        per_page = cols * rows
        if per_page >= len(found) or size <= least:
            break
        size -= 1
    col_w = grid.w // cols
    pages = max(1, -(-len(found) // per_page))
    page = min(state.picker_page, pages - 1)
    entries: list[PickerEntry] = []
    first = page * per_page
    for k, (depth, (name, years)) in enumerate(
        zip(found[first : first + per_page], texts[first : first + per_page], strict=True)
    ):
        c, r = divmod(k, rows)
        rect = Rect(grid.x + c * col_w, grid.y + r * row, col_w - gap, row)
        room = rect.w - 2 * gap
        if years and _entry_width((name, years), size, metrics, gap) > room:
            years = ""  # the name first: the years are in the info panel too
        if years:
            room -= metrics.width(years, size) + gap
        entries.append(PickerEntry(depth, rect, ellipsize(name, room, size, metrics), years))
    arrow_w = max(row * 2, metrics.width("‹ Previous", size) + pad)
    prev = Rect(panel.x + pad, panel.bottom - pad - row, arrow_w, row)
    nxt = Rect(panel.right - pad - arrow_w, prev.y, arrow_w, row)
    return Picker(
        panel=panel,
        title=title,
        entries=tuple(entries),
        page=page,
        pages=pages,
        prev=prev if page > 0 else None,
        next=nxt if page < pages - 1 else None,
        size=size,
        found=len(found),
    )


def _picker_text(dolls: tuple[Doll, ...], depth: int) -> tuple[str, str]:
    doll = dolls[depth]
    # "1. محمد نجيب" reads as the list does, from the left: the number, then the name.
    return bidi.with_direction(f"{depth + 1}. {bidi.isolated(doll.name)}", 0), doll.years()


def _entry_width(text: tuple[str, str], size: int, metrics: Metrics, gap: int) -> int:
    name, years = text
    return metrics.width(name, size) + (gap + metrics.width(years, size) if years else 0)


def filter_line(typed: str, found: int, shells: int) -> str:
    """The line under the list's title: what is typed and how many dolls it finds."""
    if not typed:
        return f"{shells} opened dolls. Type a name or a year to find one."
    typed = bidi.isolated(typed)  # Arabic typed here keeps the count after it in order
    if not found:
        return f"Find: {typed}|  (no opened doll matches; Backspace or Esc)"
    return f"Find: {typed}|  ({found} of {shells}; Esc clears)"


def picker_targets(picker: Picker) -> list[tuple[Rect, Target]]:
    """The list's names and page buttons."""
    out: list[tuple[Rect, Target]] = [(e.rect, PickerItem(e.depth)) for e in picker.entries]
    if picker.prev is not None:
        out.append((picker.prev, PickerPage(-1)))
    if picker.next is not None:
        out.append((picker.next, PickerPage(1)))
    return out


class OverlaysView:
    """Draws the overlays."""

    def __init__(self, chrome: Chrome) -> None:
        self.chrome = chrome
        self.text = chrome.text

    def _draw_filter(
        self, surface: pygame.Surface, state: State, picker: Picker, f: Fonts, ui: float
    ) -> None:
        """The line under the title: what is typed, and how many dolls it finds."""
        y = picker.title.y + self.text.line_height(f.heading) + round(4 * ui)
        typed = state.picker_filter
        said = filter_line(typed, picker.found, state.shells)
        said = ellipsize(said, picker.title.w, f.small, self.text)
        self.text.draw(surface, said, f.small, theme.ACCENT if typed else theme.INK_SOFT,
                       (picker.title.x, y), bold=bool(typed))  # fmt: skip

    def draw_errors(self, surface: pygame.Surface, box: ErrorBox, ui: float) -> None:
        r = pg(box.panel)
        radius = round(10 * ui)
        pygame.draw.rect(surface, theme.PAPER, r, border_radius=radius)
        pygame.draw.rect(surface, theme.ACCENT, r, width=2, border_radius=radius)
        lh = self.text.line_height(box.size)
        x, y = r.x + box.pad, r.y + box.pad
        title = box.title.split("\n")
        for i, line in enumerate(title):
            self.text.draw(surface, line, box.size, theme.ACCENT, (x, y + i * lh), bold=True)
        for i, line in enumerate(box.lines):
            self.text.draw(surface, line, box.size, theme.INK, (x, y + (len(title) + i) * lh))

    def draw_help(self, surface: pygame.Surface, box: HelpBox, ui: float) -> None:
        self.chrome.panel_box(surface, box.panel, ui)
        size = box.size
        heading = round(size * 1.35)
        self.text.draw(surface, "Keys", heading, theme.INK, (box.key_x, box.panel.y + size * 2),
                       bold=True)  # fmt: skip
        hint = "Esc or click to close"
        self.text.draw(surface, hint, max(9, size - 2), theme.INK_SOFT,
                       (box.panel.right - size * 2, box.panel.y + size * 2 + heading // 4),
                       anchor="topright")  # fmt: skip
        for i, (keys, what) in enumerate(HELP_KEYS):
            y = box.top + i * box.row
            self.text.draw(surface, keys, size, theme.ACCENT, (box.key_x, y), bold=True)
            self.text.draw(surface, what, size, theme.INK, (box.text_x, y))

    def draw_about(self, surface: pygame.Surface, box: AboutBox, fonts: Fonts, ui: float) -> None:
        rect = box.panel
        self.chrome.panel_box(surface, rect, ui)
        y = rect.y + box.pad
        bottom = rect.bottom - box.pad - self.text.line_height(fonts.small)
        for lines, size, bold, role, gap in box.paragraphs:
            color = theme.INK_SOFT if role == "note" else theme.INK
            lh = self.text.line_height(size)
            for line in lines:
                if y + lh > bottom:
                    break
                span = (rect.x + box.pad, rect.right - box.pad)
                self.text.draw_start(surface, line, size, color, span, y, bold=bold)
                y += lh
            y += gap
        self.text.draw(surface, "Esc or click to close", fonts.small, theme.INK_SOFT,
                       (rect.right - box.pad, rect.bottom - box.pad),
                       anchor="bottomright")  # fmt: skip

    def draw_picker(
        self, surface: pygame.Surface, state: State, picker: Picker, fonts: Fonts, ui: float
    ) -> None:
        self.chrome.panel_box(surface, picker.panel, ui)
        f = fonts
        title = "Opened dolls: click one to close back to it"
        if self.text.width(title, f.heading, True) > picker.title.w:
            title = ellipsize("Opened dolls", picker.title.w, f.heading, self.text, True)
        self.text.draw(surface, title, f.heading, theme.INK, (picker.title.x, picker.title.y),
                       bold=True)  # fmt: skip
        self._draw_filter(surface, state, picker, f, ui)
        for entry in picker.entries:
            hover = state.hover == PickerItem(entry.depth)
            r = pg(entry.rect)
            if hover:
                pygame.draw.rect(surface, theme.HIGHLIGHT, r, border_radius=r.h // 4)
            drawn = self.text.draw(surface, entry.label, picker.size, theme.INK,
                                   (r.x + round(6 * ui), r.centery), anchor="midleft")  # fmt: skip
            if entry.years:
                self.text.draw(surface, entry.years, picker.size, theme.INK_SOFT,
                               (drawn.right + round(6 * ui), r.centery),
                               anchor="midleft")  # fmt: skip
        for rect, label, delta in ((picker.prev, "‹ Previous", -1), (picker.next, "Next ›", 1)):
            if rect is not None:
                hover = state.hover == PickerPage(delta)
                self.chrome.button(surface, rect, label, f.small, hover=hover)
        if picker.pages > 1:
            page = f"Page {picker.page + 1} of {picker.pages}"
            y = (picker.prev or picker.next or picker.title).centery
            self.text.draw(surface, page, f.small, theme.INK_SOFT, (picker.panel.centerx, y),
                           anchor="center")  # fmt: skip
