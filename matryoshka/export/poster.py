"""The line-up of a long set as a poster: equal dolls in a grid, row by row.

When a set is too long for the line-up's rows of dolls in proportion (the smallest doll
would shrink to a speck, or they would not fit at all), the picture becomes a grid of
equal cells, in the set's order from the top left, as large as the picture allows. The
export then says how it split the set, and what would make the labels larger.
"""

from __future__ import annotations

import math

from matryoshka.export import pictures
from matryoshka.format.model import Doll
from matryoshka.painter import MIN_HEIGHT, doll_width
from matryoshka.stage import choreography as ch

#: A proportional line-up whose smallest doll is shorter than this share of the picture
#: becomes a poster.
MIN_DOLL_SHARE = 0.06
#: Labels under this many pixels are hard to read: the note says how to get larger ones.
LEGIBLE_PX = 10


def needed(layout: pictures.LineupLayout) -> bool:
    """Whether ``layout`` (a proportional line-up) is too cramped, so a poster is better."""
    if not layout.fits:
        return True
    smallest = min(item.place.height for item in layout.items)
    return smallest < layout.height * MIN_DOLL_SHARE


def _cell(d: int) -> tuple[int, int, int, int, int]:
    """Name and years text size, label height, cell width and height for dolls ``d`` tall."""
    name_px = max(6, round(d * 0.12))
    years_px = max(6, round(name_px * 0.85))
    label_h = round(name_px * 1.3 * 2 + years_px * 1.35) + round(name_px * 0.5)
    cell_w = max(round(doll_width(d) * 1.25), name_px * 8)
    cell_h = d + label_h + round(name_px * 0.8)
    return name_px, years_px, label_h, cell_w, cell_h


def layout(dolls: tuple[Doll, ...], title: str, width: int, height: int) -> pictures.LineupLayout:
    """Every doll of ``dolls`` at one height in a grid filling ``width`` x ``height``."""
    margin = round(height * 0.04)
    title_px = max(8, round(height * 0.045))
    top = margin + round(title_px * 2.1)
    avail_w, avail_h = width - 2 * margin, height - top - margin
    count = len(dolls)

    def grid(d: int) -> tuple[int, int] | None:
        _, _, _, cell_w, cell_h = _cell(d)
        cols, rows = avail_w // cell_w, avail_h // cell_h
        return (cols, rows) if cols >= 1 and rows >= 1 and cols * rows >= count else None

    lo, hi = MIN_HEIGHT, max(MIN_HEIGHT, avail_h)
    while lo < hi:  # the tallest doll whose grid holds every doll
        mid = (lo + hi + 1) // 2
        if grid(mid) is None:
            hi = mid - 1
        else:
            lo = mid
    d = lo
    name_px, years_px, _, cell_w, cell_h = _cell(d)
    cols = max(1, min(count, avail_w // cell_w))
    rows = math.ceil(count / cols)
    # Spread the cells over the picture's width, and the rows over its height.
    cell_w = max(cell_w, avail_w // cols)
    cell_h = max(cell_h, min(avail_h // rows, round(cell_h * 1.25)))
    x0 = margin + (avail_w - cols * cell_w) / 2
    y0 = top + max(0, (avail_h - rows * cell_h) / 2)
    items = []
    for i, doll in enumerate(dolls):
        row, col = divmod(i, cols)
        cx = x0 + (col + 0.5) * cell_w
        label = pictures._measure_label(doll, name_px, years_px)
        lines, _ = label.fit(cell_w * 0.94)
        place = ch.Placement(cx, y0 + row * cell_h, float(d))
        items.append(pictures.LineupItem(doll, place, lines, label.years))
    return pictures.LineupLayout(
        width,
        height,
        title_px,
        name_px,
        years_px,
        margin,
        tuple(items),
        rows,
        fits=grid(d) is not None,
        label_width=round(cell_w * 0.96),
    )


def note(layout: pictures.LineupLayout) -> str:
    """How a poster split the set, for the user (one line)."""
    count = len(layout.items)
    cols = math.ceil(count / layout.rows)
    text = f"{count} dolls in a poster grid of {layout.rows} rows of up to {cols}"
    if layout.name_px < LEGIBLE_PX:
        text += (
            f"; the names are {layout.name_px} px tall: a larger --size (up to 8192) makes "
            "them larger, and a PDF (.pdf) prints every doll legibly on pages"
        )
    return text
