"""The comparison picture: two sets in two rows over one time axis, drawn alike in the
window and in the exported PNG (the PDF draws the same layout with real text).

``lay_out`` is pure geometry (text measured through a ``Metrics``, so it also works in
tenths of a millimetre for the PDF); ``draw`` paints it onto any surface. From top to
bottom::

    first set's title
    its dolls, core (earliest) on the left      <- ghosts: faint, dashed outline
    their names and years
        joins: a line per figure, crossing where the orders disagree
    ---- the shared axis of years ----
        joins
    the second set's dolls, names and years
    its title
    legend
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING

from matryoshka import theme
from matryoshka.format.model import Doll
from matryoshka.geometry import ASPECT, Rect
from matryoshka.history.comparison import Comparison, Item, Placed, place
from matryoshka.history.timeline import year_label
from matryoshka.pgcompat import pygame
from matryoshka.records import Record
from matryoshka.theme import RGB, mix
from matryoshka.window.measure import short_name

if TYPE_CHECKING:
    from matryoshka.stage.fonts import Text
    from matryoshka.window.measure import Metrics

#: The lines of figures the two sets order differently: a colour no doll's paint uses.
CROSSED: RGB = (28, 96, 200)
#: The lines that join a figure in both sets.
JOIN: RGB = mix(theme.INK_SOFT, theme.BACKGROUND, 0.25)
#: How strongly a ghost's painting shows (0-255).
GHOST_ALPHA = 70
#: Dolls smaller than this are drawn as a plain shape in their colour (thousands of them).
MIN_PAINTED = 24
#: Rows up to this long have every name measured to place it; longer ones (thousands of
#: dolls) give each name its whole room, so only the names shown are measured.
MEASURED = 200
#: Text is never made smaller than this to give the dolls room.
MIN_TEXT = 9
#: A name takes at most this many lines under its doll.
NAME_LINES = 3
ELLIPSIS = "…"


class Sizes(Record):
    """Text sizes: set titles, names, years and the legend."""

    title: int
    name: int
    small: int


class PictureItem(Record):
    """One doll (or ghost) of the picture: where it stands and what is written under it.

    ``row`` is 0 (first set) or 1; ``index`` its place in that row (``Comparison.row_a``
    or ``row_b``).
    """

    row: int
    index: int
    doll: Doll
    ghost: bool
    depth: int | None
    cx: float
    top: float
    height: float
    name: tuple[str, ...]
    years: str
    label_y: float
    hit: Rect
    #: The centre of the name: the doll's, or nudged inwards at the picture's edges.
    label_x: float = 0.0

    @property
    def bottom(self) -> float:
        return self.top + self.height


class JoinLine(Record):
    """A figure's line from its item in the first row to its item in the second."""

    start: tuple[float, float]
    end: tuple[float, float]
    ghost: bool
    crossed: bool


class Picture(Record):
    """Where everything of the comparison goes inside ``rect``."""

    rect: Rect
    comparison: Comparison
    placed: Placed
    sizes: Sizes
    titles: tuple[tuple[str, float, float], ...]
    hint: tuple[str, float, float] | None
    items: tuple[PictureItem, ...]
    joins: tuple[JoinLine, ...]
    axis: tuple[float, float, float]
    ticks: tuple[tuple[float, str], ...]
    axis_note: str
    #: Each legend entry: (sample: "join", "ghost", "crossed" or "", words, x, y).
    legend: tuple[tuple[str, str, float, float], ...]

    @property
    def doll_height(self) -> float:
        return self.items[0].height if self.items else 0.0


def lay_out(comparison: Comparison, rect: Rect, metrics: Metrics, sizes: Sizes) -> Picture:
    """The picture of ``comparison`` inside ``rect`` (pure geometry).

    ``sizes`` are the largest the text may be: when its lines would leave the dolls too
    little height (very large text in a small window), the text is made smaller until
    the dolls are an eighth of the picture's height or as wide as their room allows.
    """
    smallest = min(sizes.title, sizes.name, sizes.small)
    picture = _lay_out(comparison, rect, metrics, sizes)
    for _ in range(12):
        wide_as_room = picture.doll_height * ASPECT >= picture.placed.gap * 0.8 - 0.5
        if wide_as_room or picture.doll_height >= max(MIN_PAINTED, rect.h / 8):
            break
        if smallest <= MIN_TEXT:
            break
        sizes = Sizes(
            *(max(MIN_TEXT, round(px * 0.88)) for px in (sizes.title, sizes.name, sizes.small))
        )
        smallest = min(sizes.title, sizes.name, sizes.small)
        picture = _lay_out(comparison, rect, metrics, sizes)
    return picture


def _lay_out(comparison: Comparison, rect: Rect, metrics: Metrics, sizes: Sizes) -> Picture:
    lh_title = metrics.line_height(sizes.title)
    lh_small = metrics.line_height(sizes.small)
    pad = round(lh_small * 0.6)
    legend, legend_h = _flow_legend(comparison, rect, metrics, sizes.small, pad)
    n = len(comparison.figures)
    want_gap = max(metrics.width("Khrushchev", sizes.name, True) * 1.12, lh_small * 3.5)
    gap = min(want_gap, (rect.w - 2 * pad) / max(1, n)) if n > 1 else want_gap
    plan = _label_plan(comparison, sizes, gap, pad, metrics)
    sizes, label_h = plan.sizes, plan.height

    # Room along the axis: half a doll's width is kept free at either end.
    middle_min = 4 * lh_small
    budget_h = (rect.h - 2 * lh_title - 2 * label_h - legend_h - middle_min - 4 * pad) / 2
    doll_w = max(2.0, min(budget_h * ASPECT, gap * 0.8))
    height = doll_w / ASPECT
    axis_x0 = rect.x + pad + max(doll_w, gap) / 2
    axis_x1 = rect.right - pad - max(doll_w, gap) / 2
    placed = place(comparison, max(1.0, axis_x1 - axis_x0), gap)

    top_a = rect.y + pad + lh_title
    labels_a = top_a + height + pad / 2
    legend_y = rect.bottom - legend_h
    legend = tuple((kind, words, x, y + legend_y) for kind, words, x, y in legend)
    title_b_y = legend_y - pad - lh_title
    labels_b = title_b_y - label_h
    top_b = labels_b - pad / 2 - height
    join_a = labels_a + label_h
    axis_y = (join_a + top_b) / 2

    rows = (
        (comparison.row_a, placed.xs_a, top_a, labels_a),
        (comparison.row_b, placed.xs_b, top_b, labels_b),
    )
    # Long sets: a name gets at least the room a surname needs; thinning keeps them apart.
    label_w = plan.width if plan.levels == 1 else max(plan.width, want_gap)
    hit_w = max(doll_w, placed.gap)
    items: list[PictureItem] = []
    bounds = (rect.x + pad / 2, rect.right - pad / 2)
    for r, (row, xs, top, label_top) in enumerate(rows):

        def width(i: int, row: tuple[Item, ...] = row) -> float:
            return _label_width(row[i], plan, label_w, metrics)

        named = _named(row, [axis_x0 + x for x in xs], label_w, plan.levels, bounds, width)
        for i, (item, x) in enumerate(zip(row, xs, strict=True)):
            cx = axis_x0 + x
            hit = Rect(round(cx - hit_w / 2), round(top), round(hit_w),
                       round(label_top + label_h - top))  # fmt: skip
            level = i % plan.levels
            place_at = (cx, top, height, label_top + level * plan.level_h)
            room = label_w if i in named else 0
            made = _item(r, i, item, place_at, hit, plan, room, metrics)
            items.append(made._replace(label_x=named.get(i, cx)))

    count_a = len(comparison.row_a)
    joins = tuple(
        JoinLine(
            (items[j.a].cx, join_a),
            (items[count_a + j.b].cx, top_b - pad / 2),
            j.ghost,
            j.crossed,
        )
        for j in comparison.joins
    )
    ticks = tuple((axis_x0 + x, year_label(year)) for year, x in placed.ticks)
    note = "" if comparison.dated else "no dates: each set in its nesting order, core on the left"
    hint = "earliest (core) on the left, latest (outermost) on the right"
    hint_w = metrics.width(hint, sizes.small)
    title_a = comparison.a.title
    title_w = metrics.width(title_a, sizes.title, True)
    hint_at = (hint, rect.right - pad - hint_w, rect.y + pad + (lh_title - lh_small) / 2)
    return Picture(
        rect=rect,
        comparison=comparison,
        placed=placed,
        sizes=sizes,
        titles=(
            (
                _ellipsize(title_a, rect.w - 2 * pad, sizes.title, metrics, True),
                rect.x + pad,
                rect.y + pad,
            ),
            (
                _ellipsize(comparison.b.title, rect.w - 2 * pad, sizes.title, metrics, True),
                rect.x + pad,
                title_b_y,
            ),
        ),
        hint=hint_at if title_w + hint_w + 4 * pad <= rect.w else None,
        items=tuple(items),
        joins=joins,
        axis=(axis_x0 - gap / 2, axis_x1 + gap / 2, axis_y),
        ticks=_thin_ticks(ticks, metrics, sizes.small, bounds),
        axis_note=note,
        legend=legend,
    )


def _named(
    row: tuple[Item, ...],
    xs: list[float],
    label_w: float,
    levels: int,
    bounds: tuple[float, float],
    width: Callable[[int], float],
) -> dict[int, float]:
    """Which items of a row get their name: each name is at most ``label_w`` wide and
    never touches another on its level, nor the edges. The set's own dolls first, then
    ghosts in the room left (a long set names some, evenly; a short one names all).
    Names are measured (``width``) in rows of up to ``MEASURED`` items, and near the
    edges, where they move inwards to fit; in longer rows the others take ``label_w``.
    The answer maps each named item to its name's centre."""
    taken: list[list[tuple[float, float]]] = [[] for _ in range(levels)]
    chosen: dict[int, float] = {}
    low, high = bounds
    precise = len(row) <= MEASURED
    for ghosts in (False, True):
        for i, (item, x) in enumerate(zip(row, xs, strict=True)):
            if item.ghost != ghosts:
                continue
            half, cx = (width(i) if precise else label_w) / 2, x
            if not low <= cx - half <= cx + half <= high:
                half = width(i) / 2
                cx = min(max(cx, low + half), high - half)
                if abs(cx - x) > half:
                    continue  # it would stand beside its doll rather than under it
            spans = taken[i % levels]
            k = bisect.bisect_left(spans, (cx - half, cx + half))
            left_free = k == 0 or spans[k - 1][1] + 2 < cx - half
            right_free = k == len(spans) or cx + half + 2 < spans[k][0]
            if left_free and right_free:
                spans.insert(k, (cx - half, cx + half))
                chosen[i] = cx
    return chosen


def _label_width(item: Item, plan: _LabelPlan, label_w: float, metrics: Metrics) -> float:
    """How wide the name and years of ``item`` are when written in ``label_w``."""
    full = item.doll.name if plan.levels == 1 else short_name(item.doll)
    lines = _fit_lines(full, label_w, plan.sizes.name, metrics, plan.lines)
    widths = [metrics.width(line, plan.sizes.name, True) for line in lines]
    return max([*widths, metrics.width(item.doll.years(), plan.sizes.small)])


def _item(
    row: int,
    index: int,
    item: Item,
    place_at: tuple[float, float, float, float],
    hit: Rect,
    plan: _LabelPlan,
    label_w: float,
    metrics: Metrics,
) -> PictureItem:
    """One item of a row at ``place_at`` (centre x, top, height, label top), named in
    ``label_w`` (unnamed when that is 0, or when not even part of a word would fit)."""
    cx, top, height, label_y = place_at
    name: tuple[str, ...] = ()
    years = ""
    if label_w > 0:
        full = item.doll.name if plan.levels == 1 else short_name(item.doll)
        name = _fit_lines(full, label_w, plan.sizes.name, metrics, plan.lines)
        if all(line and line != ELLIPSIS for line in name):
            years = _ellipsize(item.doll.years(), label_w, plan.sizes.small, metrics, False)
        else:
            name = ()
    return PictureItem(row, index, item.doll, item.ghost, item.depth, cx, top, height, name,
                       years, label_y, hit)  # fmt: skip


class _LabelPlan(Record):
    """How the names go under the dolls: their size, room, lines, and how many levels
    (two when the dolls stand too close for their names: every other label lower)."""

    sizes: Sizes
    width: float
    lines: int
    levels: int
    level_h: float
    height: float


def _label_plan(
    comparison: Comparison, sizes: Sizes, gap: float, pad: float, metrics: Metrics
) -> _LabelPlan:
    years = max((metrics.width(f.doll.years(), sizes.small) for f in comparison.figures), default=0)
    width = max(1.0, gap - pad / 3)
    fitted = _names_that_fit(comparison, sizes, width, metrics)
    widest = _widest_word(comparison, fitted, metrics)
    if widest <= width and years <= width:
        lh = metrics.line_height(fitted.name)
        height = NAME_LINES * lh + metrics.line_height(sizes.small)
        return _LabelPlan(fitted, width, NAME_LINES, 1, 0.0, height)
    # Every other label lower, each with two gaps of room: surnames, on one line unless
    # an organisation's name needs two.
    width = max(1.0, 2 * gap - pad / 2)
    fitted = _names_that_fit(comparison, sizes, width, metrics)
    lines = 1
    if any(
        metrics.width(short_name(f.doll), fitted.name, True) > width for f in comparison.figures
    ):
        lines = 2
    level_h = lines * metrics.line_height(fitted.name) + metrics.line_height(sizes.small)
    return _LabelPlan(fitted, width, lines, 2, level_h, 2 * level_h)


def _widest_word(comparison: Comparison, sizes: Sizes, metrics: Metrics) -> float:
    words = {w for f in comparison.figures for w in f.doll.name.split()}
    return max((metrics.width(w, sizes.name, True) for w in words), default=0)


def _names_that_fit(comparison: Comparison, sizes: Sizes, width: float, metrics: Metrics) -> Sizes:
    """Smaller names (never under 80%) when the longest word would not fit its room."""
    widest = _widest_word(comparison, sizes, metrics)
    if widest <= width:
        return sizes
    smaller = max(round(sizes.name * 0.8), int(sizes.name * width / widest))
    return sizes._replace(name=smaller)


def legend_entries(comparison: Comparison) -> tuple[str, ...]:
    """The legend's words: joined, ghost, crossed (with how many), undated."""
    count = comparison.crossing_count
    crossed = (
        f"nested in opposite order ({count} pair{'s' if count != 1 else ''})"
        if count
        else "no pair nested in opposite order"
    )
    undated = comparison.undated
    entries = [
        "the same figure in both sets",
        "left out of that set: where it would stand",
        crossed,
    ]
    if undated and comparison.dated:
        entries.append(f"{len(undated)} without dates, placed by nesting order")
    return tuple(entries)


def _fit_lines(
    text: str, width: float, size: int, metrics: Metrics, most: int = NAME_LINES
) -> tuple[str, ...]:
    """``text`` in at most ``most`` lines ``width`` wide; the last one shortened."""
    lines: list[str] = []
    for word in text.split():
        if lines and metrics.width(f"{lines[-1]} {word}", size, True) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > most:
        lines = [*lines[: most - 1], " ".join(lines[most - 1 :])]
    return tuple(_ellipsize(line, width, size, metrics, True) for line in lines)


def _ellipsize(text: str, width: float, size: int, metrics: Metrics, bold: bool) -> str:
    if metrics.width(text, size, bold) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if metrics.width(text[:mid].rstrip() + ELLIPSIS, size, bold) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS if lo else ""


def _thin_ticks(
    ticks: tuple[tuple[float, str], ...],
    metrics: Metrics,
    size: int,
    bounds: tuple[float, float],
) -> tuple[tuple[float, str], ...]:
    """The year labels that neither touch each other nor cross the picture's edges."""
    out: list[tuple[float, str]] = []
    right = bounds[0]
    for x, label in ticks:
        half = metrics.width(label, size) / 2 + size * 0.6
        if x - half > right and x + half <= bounds[1]:
            out.append((x, label))
            right = x + half
    return tuple(out)


# --- Drawing --------------------------------------------------------------------------


def draw(surface: pygame.Surface, picture: Picture, text: Text) -> None:
    """Paint ``picture`` onto ``surface`` (its background is the caller's)."""
    s = picture.sizes
    # Where the dolls stand a few pixels apart, the lines to a thousand ghosts would only
    # blur: there a ghost's line is drawn only where it crosses another.
    dense = picture.placed.gap < 6
    for line in picture.joins:
        _draw_join(surface, line, max(1, round(s.small / 8)), dense)
    _draw_axis(surface, picture, text)
    for item in picture.items:
        _draw_item(surface, item, text, s)
    for title, x, y in picture.titles:
        text.draw(surface, title, s.title, theme.INK, (round(x), round(y)), bold=True)
    if picture.hint is not None:
        hint, x, y = picture.hint
        text.draw(surface, hint, s.small, theme.INK_SOFT, (round(x), round(y)))
    _draw_legend(surface, picture, text)


def _draw_join(surface: pygame.Surface, line: JoinLine, width: int, dense: bool) -> None:
    color = CROSSED if line.crossed else JOIN
    w = width + 1 if line.crossed else width
    if line.ghost and dense:
        if line.crossed:  # the others would only grey the picture over
            pygame.draw.line(surface, color, _pt(line.start), _pt(line.end), 1)
    elif line.ghost:
        dashed_line(surface, color, line.start, line.end, w, dash=max(4, 3 * w))
    else:
        pygame.draw.line(surface, color, _pt(line.start), _pt(line.end), w)


def dashed_line(
    surface: pygame.Surface,
    color: RGB,
    start: tuple[float, float],
    end: tuple[float, float],
    width: int = 1,
    dash: int = 6,
) -> None:
    """A line of dashes ``dash`` long with gaps as long."""
    (x0, y0), (x1, y1) = start, end
    length = max(1.0, ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5)
    steps = int(length // dash)
    for k in range(0, steps + 1, 2):
        a, b = k * dash / length, min(1.0, (k + 1) * dash / length)
        pygame.draw.line(
            surface,
            color,
            (round(x0 + (x1 - x0) * a), round(y0 + (y1 - y0) * a)),
            (round(x0 + (x1 - x0) * b), round(y0 + (y1 - y0) * b)),
            width,
        )


def _pt(p: tuple[float, float]) -> tuple[int, int]:
    return round(p[0]), round(p[1])


def _draw_axis(surface: pygame.Surface, picture: Picture, text: Text) -> None:
    x0, x1, y = picture.axis
    size = picture.sizes.small
    lh = text.line_height(size)
    thick = max(2, round(size / 7))
    if picture.axis_note:
        dashed_line(surface, theme.INK_SOFT, (x0, y), (x1, y), thick, dash=size // 2)
        label = text.render(picture.axis_note, size, theme.INK_SOFT)
        box = label.get_rect(center=(round((x0 + x1) / 2), round(y)))
        pygame.draw.rect(
            surface, theme.PAPER, box.inflate(size, size // 3), border_radius=size // 2
        )
        surface.blit(label, box)
        return
    pygame.draw.line(surface, theme.INK_SOFT, (round(x0), round(y)), (round(x1), round(y)), thick)
    for x, label_text in picture.ticks:
        pygame.draw.line(
            surface,
            theme.INK_SOFT,
            (round(x), round(y - lh * 0.3)),
            (round(x), round(y + lh * 0.3)),
            thick,
        )
        label = text.render(label_text, size, theme.INK)
        box = label.get_rect(midtop=(round(x), round(y + lh * 0.4)))
        pygame.draw.rect(surface, theme.PAPER, box.inflate(size // 2, 0), border_radius=size // 3)
        surface.blit(label, box)


def _draw_item(surface: pygame.Surface, item: PictureItem, text: Text, s: Sizes) -> None:
    h = round(item.height)
    if h >= MIN_PAINTED:
        image = ghost_image(item.doll, h) if item.ghost else _painting(item.doll, h)
        surface.blit(image, image.get_rect(midtop=(round(item.cx), round(item.top))))
    else:
        _draw_glyph(surface, item)
    y = round(item.label_y)
    ink = theme.INK_SOFT if item.ghost else theme.INK
    x = round(item.label_x)
    for line in item.name:
        text.draw(surface, line, s.name, ink, (x, y), bold=True, anchor="midtop")
        y += text.line_height(s.name)
    if item.years:
        text.draw(surface, item.years, s.small, theme.INK_SOFT, (x, y), anchor="midtop")


def _painting(doll: Doll, height: int) -> pygame.Surface:
    from matryoshka.painter import paint

    return paint(doll, "whole", height)


_ghosts: dict[tuple[Doll, int], pygame.Surface] = {}


def forget_ghosts(dolls: set[Doll]) -> None:
    """Forget the faint pictures of ``dolls`` (their image files changed)."""
    for key in [k for k in _ghosts if k[0] in dolls]:
        del _ghosts[key]


def ghost_image(doll: Doll, height: int) -> pygame.Surface:
    """The doll faint, inside a dashed outline of its shape: someone left out (cached)."""
    key = (doll, height)
    image = _ghosts.get(key)
    if image is not None:
        return image
    painting = _painting(doll, height)
    image = painting.copy()
    # Fade the painting: scale its alpha down, keeping the shape's soft edge.
    image.fill((255, 255, 255, GHOST_ALPHA), special_flags=pygame.BLEND_RGBA_MULT)
    outline = pygame.mask.from_surface(painting, 127).outline()
    dash = max(3, height // 24)
    width = max(1, height // 90)
    for k in range(0, len(outline) - 1, 2 * dash):
        run = outline[k : k + dash + 1]
        if len(run) > 1:
            pygame.draw.lines(image, (*theme.INK_SOFT, 255), False, run, width)
    if len(_ghosts) > 256:
        _ghosts.clear()
    _ghosts[key] = image
    return image


def _draw_glyph(surface: pygame.Surface, item: PictureItem) -> None:
    """A doll too small to paint: its silhouette in its body colour (outlined if a ghost)."""
    w = max(2, round(item.height * ASPECT))
    h = max(3, round(item.height))
    body = pygame.Rect(0, 0, w, max(2, round(h * 0.62)))
    body.midbottom = (round(item.cx), round(item.bottom))
    head = pygame.Rect(0, 0, max(2, round(w * 0.72)), max(2, round(h * 0.45)))
    head.midtop = (round(item.cx), round(item.top))
    if item.ghost:
        for rect in (body, head):
            pygame.draw.ellipse(surface, theme.INK_SOFT, rect, 1)
        return
    for rect in (body, head):
        pygame.draw.ellipse(surface, item.doll.colors.body, rect)


def _draw_legend(surface: pygame.Surface, picture: Picture, text: Text) -> None:
    size = picture.sizes.small
    lh = text.line_height(size)
    sample = _sample_width(lh)
    thick = max(1, round(size / 8))
    for kind, words, fx, fy in picture.legend:
        x, y = round(fx), round(fy)
        mid = y + lh // 2
        if kind == "join":
            pygame.draw.line(surface, JOIN, (x, mid), (x + sample, mid), thick)
        elif kind == "ghost":
            _dashed_box(surface, pygame.Rect(x + sample // 4, y + 1, sample // 2, lh - 2))
        elif kind == "crossed":
            for dy in (lh // 4, -lh // 4):
                pygame.draw.line(surface, CROSSED, (x, mid + dy), (x + sample, mid - dy), thick + 1)
        ink = theme.INK if kind else theme.INK_SOFT
        text.draw(surface, words, size, ink, (x + (sample + lh // 3 if kind else 0), y))


def _sample_width(lh: int) -> int:
    return round(lh * 1.6)


def _flow_legend(
    comparison: Comparison, rect: Rect, metrics: Metrics, size: int, pad: float
) -> tuple[list[tuple[str, str, float, float]], float]:
    """The legend's entries placed in lines across ``rect`` (y from the legend's top)."""
    lh = metrics.line_height(size)
    sample = _sample_width(lh) + lh // 3
    kinds = ("join", "ghost", "crossed", "")
    placed: list[tuple[str, str, float, float]] = []
    x, y = rect.x + pad, 0.0
    for kind, words in zip(kinds, legend_entries(comparison), strict=False):
        w = metrics.width(words, size) + (sample if kind else 0)
        if x > rect.x + pad and x + w > rect.right - pad:
            x, y = rect.x + pad, y + lh * 1.25
        placed.append((kind, words, x, y))
        x += w + lh * 1.2
    return placed, y + lh * 1.4


def _dashed_box(surface: pygame.Surface, box: pygame.Rect) -> None:
    corners = [box.topleft, box.topright, box.bottomright, box.bottomleft, box.topleft]
    for a, b in pairwise(corners):
        dashed_line(surface, theme.INK_SOFT, a, b, 1, dash=3)
