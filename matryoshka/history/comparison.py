"""Two sets side by side on one time axis: who is in both, who is left out, where they disagree.

Pure: it decides what the comparison shows and where, along one axis; the window and the
exports draw it. Any two sequences can be compared, not only the shipped ones.

Rules:

Rows
    Each set is one row, core (earliest) on the left, outermost on the right, in the
    set's own nesting order. A figure is matched across the sets by its doll ``id``, as
    the chronology check matches; so every figure of either set has one item in each
    row: the doll itself, or a *ghost* where a set leaves it out.

Dates
    A figure stands on the axis at the year it came to office (its ``start``, else its
    ``end``): its own date in the first set, else in the second. A doll with no dates
    borrows them from its set's reference chronology (``compare_with``) when that knows
    the id. A figure with no date at all is placed by nesting order between its
    neighbours, and flagged ``by_nesting`` so the picture can say so.

Ghosts
    A figure one set leaves out stands in that set's row where its date would put it:
    just inside the first doll that came to office after it. An undated ghost stands
    next to the figure it is nested beside in its own set.

Disagreements
    Two figures whose order differs between the rows (one set nests A inside B, the
    other, by its nesting or by the dates where it leaves a figure out, puts B inside A)
    are *crossed*: their joining lines cross. Trotsky inside Lenin is crossed against the
    market set, since by his dates Trotsky stands outside Lenin there.

Placing (:func:`place`)
    Items keep their row's order and a minimum spacing, and stand as near their year
    as that allows. The axis is shared: both rows use one map from years to positions,
    stretched where many terms begin close together (1917) so that every figure gets
    room, and its year ticks follow that map. Everything is linear in the number of
    dolls (or ``n log n``), so sets of thousands of dolls compare at once.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable

from matryoshka.format.model import Doll, Sequence
from matryoshka.history.timeline import nice_ticks
from matryoshka.records import Record

__all__ = [
    "Comparison",
    "Crossing",
    "Figure",
    "Item",
    "Join",
    "Placed",
    "compare",
    "place",
    "spread",
]

#: At most this many crossed pairs are listed (all are counted).
MAX_LISTED_CROSSINGS = 50


class Figure(Record):
    """One figure of either set, matched by id.

    Attributes:
        id: the dolls' id.
        a: the first set's doll, or ``None`` when it leaves the figure out.
        b: the second set's doll, or ``None``.
        year: where the figure stands on the axis (it came to office), or ``None``.
    """

    id: str
    a: Doll | None
    b: Doll | None
    year: float | None

    @property
    def doll(self) -> Doll:
        """The figure's doll: the first set's, else the second's."""
        doll = self.a if self.a is not None else self.b
        assert doll is not None
        return doll

    @property
    def in_both(self) -> bool:
        return self.a is not None and self.b is not None


class Item(Record):
    """One figure in one row.

    Attributes:
        figure: index into ``Comparison.figures``.
        doll: the doll drawn: the row's own, or for a ghost the other set's.
        ghost: the row's set leaves this figure out.
        depth: the doll's index in the row's set (0 the outermost); ``None`` for a ghost.
        by_nesting: the figure has no date; it is placed by nesting order.
    """

    figure: int
    doll: Doll
    ghost: bool
    depth: int | None
    by_nesting: bool = False


class Join(Record):
    """The line between one figure's items in the two rows (indices into the rows)."""

    figure: int
    a: int
    b: int
    #: One end is a ghost (the line is drawn dashed).
    ghost: bool
    #: Its order differs between the rows: it crosses another join.
    crossed: bool


class Crossing(Record):
    """Two figures ordered differently by the two rows.

    In the first set ``inner`` stands inside ``outer``; in the second ``outer`` stands
    inside ``inner``. ``ghost_in_a`` / ``ghost_in_b`` say where a side of that is only a
    ghost's place (by its dates) rather than the set's own nesting.
    """

    inner: Doll
    outer: Doll
    ghost_in_a: bool
    ghost_in_b: bool

    def sentence(self, a_title: str, b_title: str) -> str:
        """The disagreement in words, for a legend or a handout.

        ``The market set, by the dates: Vladimir Lenin inside Leon Trotsky; Trotsky inside
        Lenin: Leon Trotsky inside Vladimir Lenin``.
        """
        a_how = ", by the dates" if self.ghost_in_a else ""
        b_how = ", by the dates" if self.ghost_in_b else ""
        return (
            f"{a_title}{a_how}: {self.inner.name} inside {self.outer.name}; "
            f"{b_title}{b_how}: {self.outer.name} inside {self.inner.name}"
        )


class Comparison(Record):
    """Everything the comparison shows, before it is placed at any width.

    Attributes:
        a, b: the two sets (the first is drawn on top).
        figures: every figure of either set, matched by id.
        row_a, row_b: each set's row, core (earliest) first, ghosts included.
        joins: one per figure, in the first row's order.
        crossings: crossed pairs, at most ``MAX_LISTED_CROSSINGS`` of them.
        crossing_count: how many pairs are crossed in all.
    """

    a: Sequence
    b: Sequence
    figures: tuple[Figure, ...]
    row_a: tuple[Item, ...]
    row_b: tuple[Item, ...]
    joins: tuple[Join, ...]
    crossings: tuple[Crossing, ...]
    crossing_count: int

    @property
    def dated(self) -> bool:
        """Whether any figure has a date (else the axis is nesting order alone)."""
        return any(f.year is not None for f in self.figures)

    @property
    def undated(self) -> tuple[Figure, ...]:
        """The figures placed by nesting order, for want of a date."""
        return tuple(f for f in self.figures if f.year is None)

    @property
    def shared(self) -> tuple[Figure, ...]:
        """The figures both sets have."""
        return tuple(f for f in self.figures if f.in_both)


class Placed(Record):
    """A comparison placed along an axis of ``width`` units.

    Attributes:
        xs_a, xs_b: the centre of each item of ``row_a`` / ``row_b`` (0 to ``width``).
        gap: the spacing used between neighbours (at most the one asked for).
        ticks: ``(year, x)`` of round years on the shared axis (none when undated).
        start, end: the first and last year on the axis (``None`` when undated).
    """

    width: float
    xs_a: tuple[float, ...]
    xs_b: tuple[float, ...]
    gap: float
    ticks: tuple[tuple[int, float], ...]
    start: float | None
    end: float | None


# --- Comparing --------------------------------------------------------------------------


def compare(
    a: Sequence,
    b: Sequence,
    reference_a: Sequence | None = None,
    reference_b: Sequence | None = None,
) -> Comparison:
    """Match the figures of ``a`` and ``b`` and build both rows (see the module's rules).

    ``reference_a`` and ``reference_b`` are the sets' reference chronologies (what their
    ``compare_with`` names), used only to date dolls that have no dates of their own.
    """
    ids_a = {d.id: d for d in a.dolls}
    ids_b = {d.id: d for d in b.dolls}
    borrowed_a = _reference_years(reference_a)
    borrowed_b = _reference_years(reference_b)
    order = [d.id for d in reversed(a.dolls)]
    order += [d.id for d in reversed(b.dolls) if d.id not in ids_a]
    figures: list[Figure] = []
    index: dict[str, int] = {}
    for fid in order:
        da, db = ids_a.get(fid), ids_b.get(fid)
        year = _year(da, borrowed_a)
        if year is None:
            year = _year(db, borrowed_b)
        index[fid] = len(figures)
        figures.append(Figure(fid, da, db, year))
    row_a = _row(a, b, figures, index)
    row_b = _row(b, a, figures, index)
    joins, crossings, count = _joins(figures, row_a, row_b)
    return Comparison(a, b, tuple(figures), row_a, row_b, joins, crossings, count)


def _reference_years(reference: Sequence | None) -> dict[str, float]:
    if reference is None:
        return {}
    years: dict[str, float] = {}
    for doll in reference.dolls:
        year = _year(doll, {})
        if year is not None:
            years.setdefault(doll.id, year)
    return years


def _year(doll: Doll | None, borrowed: dict[str, float]) -> float | None:
    if doll is None:
        return None
    date = doll.start or doll.end
    if date is not None:
        return date.as_ordinal()
    return borrowed.get(doll.id)


def _row(
    own: Sequence, other: Sequence, figures: list[Figure], index: dict[str, int]
) -> tuple[Item, ...]:
    """One set's row, core first: its dolls in order, the other set's figures as ghosts."""
    count = len(own.dolls)
    real = [
        Item(index[d.id], d, False, count - 1 - i, figures[index[d.id]].year is None)
        for i, d in enumerate(reversed(own.dolls))
    ]
    mine = {d.id for d in own.dolls}
    # Dated ghosts: just inside the first real doll (core side first) that came later.
    # The running maximum of the real dolls' years makes that a binary search.
    running: list[float] = []
    top = -math.inf
    for item in real:
        year = figures[item.figure].year
        top = max(top, year) if year is not None else top
        running.append(top)
    slots: dict[int, list[tuple[float, int, Item]]] = {}
    undated: list[Doll] = []
    others = list(reversed(other.dolls))
    for k, doll in enumerate(others):
        if doll.id in mine:
            continue
        fig = index[doll.id]
        year = figures[fig].year
        if year is None:
            undated.append(doll)
            continue
        slot = bisect.bisect_right(running, year)
        slots.setdefault(slot, []).append((year, k, Item(fig, doll, True, None)))
    items: list[Item] = []
    for slot in range(len(real) + 1):
        items.extend(item for _, _, item in sorted(slots.get(slot, ()), key=lambda s: s[:2]))
        if slot < len(real):
            items.append(real[slot])
    if undated:
        items = _with_undated_ghosts(items, others, undated, index)
    return tuple(items)


def _with_undated_ghosts(
    items: list[Item], others: list[Doll], undated: list[Doll], index: dict[str, int]
) -> list[Item]:
    """Undated ghosts go just outside the figure nested inside them in their own set
    (the nearest one this row already has), or inside the nearest around them."""
    present = {item.figure for item in items}
    loose = {d.id for d in undated}
    after: dict[int, list[Item]] = {}
    before_first: list[Item] = []
    anchor: int | None = None
    for doll in others:  # core first
        fig = index[doll.id]
        if doll.id in loose:
            ghost = Item(fig, doll, True, None, True)
            (after.setdefault(anchor, []) if anchor is not None else before_first).append(ghost)
        elif fig in present:
            anchor = fig
    out: list[Item] = []
    first_anchor = next(
        (index[d.id] for d in others if d.id not in loose and index[d.id] in present), None
    )
    for item in items:
        if item.figure == first_anchor:
            out.extend(before_first)
            before_first = []
        out.append(item)
        out.extend(after.get(item.figure, ()))
    out.extend(before_first)  # nothing in common: they stand outside the row's own dolls
    return out


def _joins(
    figures: list[Figure], row_a: tuple[Item, ...], row_b: tuple[Item, ...]
) -> tuple[tuple[Join, ...], tuple[Crossing, ...], int]:
    """One join per figure (in the first row's order), and the pairs that cross."""
    where_a = {item.figure: k for k, item in enumerate(row_a)}
    where_b = {item.figure: k for k, item in enumerate(row_b)}
    pb = [where_b[item.figure] for item in row_a]
    n = len(pb)
    # A join crosses another exactly when something before it in the first row comes
    # after it in the second, or something after it comes before it.
    crossed = [False] * n
    highest = -1
    for i, p in enumerate(pb):
        crossed[i] = highest > p
        highest = max(highest, p)
    lowest = n
    for i in range(n - 1, -1, -1):
        crossed[i] = crossed[i] or lowest < pb[i]
        lowest = min(lowest, pb[i])
    joins = tuple(
        Join(item.figure, i, pb[i], item.ghost or row_b[pb[i]].ghost, crossed[i])
        for i, item in enumerate(row_a)
    )
    crossings: list[Crossing] = []
    count = 0
    seen: list[int] = []  # second-row positions of the first row's items so far, sorted
    for i, p in enumerate(pb):
        cut = bisect.bisect_right(seen, p)
        later = len(seen) - cut
        count += later
        if later and len(crossings) < MAX_LISTED_CROSSINGS:
            for q in seen[cut:][: MAX_LISTED_CROSSINGS - len(crossings)]:
                inner_a = row_a[where_a[row_b[q].figure]]
                outer_a = row_a[i]
                crossings.append(
                    Crossing(
                        inner=figures[inner_a.figure].doll,
                        outer=figures[outer_a.figure].doll,
                        ghost_in_a=inner_a.ghost or outer_a.ghost,
                        ghost_in_b=row_b[q].ghost or row_b[p].ghost,
                    )
                )
        bisect.insort(seen, p)
    return joins, tuple(crossings), count


# --- Placing ----------------------------------------------------------------------------


def spread(targets: Iterable[float], low: float, high: float, gap: float) -> list[float]:
    """Positions in the given order, at least ``gap`` apart, inside ``low``..``high``,
    as near their targets as possible (least squares).

    The gap shrinks when the room is too small for it. Pool-adjacent-violators on the
    targets less ``i * gap`` (isotonic regression), then clipped to the room: linear.
    """
    wanted = list(targets)
    n = len(wanted)
    if n == 0:
        return []
    if n == 1:
        return [min(max(wanted[0], low), high)]
    gap = min(gap, (high - low) / (n - 1))
    blocks: list[list[float]] = []  # [sum, count]
    for i, t in enumerate(wanted):
        blocks.append([t - i * gap, 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total, count = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
    last = high - (n - 1) * gap
    out: list[float] = []
    for total, count in blocks:
        value = min(max(total / count, low), last)
        out.extend([value] * int(count))
    return [y + i * gap for i, y in enumerate(out)]


def place(comparison: Comparison, width: float, gap: float) -> Placed:
    """Positions of every item along an axis ``width`` long, neighbours ``gap`` apart.

    Both rows share one map from years to positions: the figures in date order, spread
    at least ``gap`` apart and otherwise in proportion to the years. Each row then keeps
    its own order, as near the shared positions as the spacing allows: rows that agree
    line up exactly, and where they disagree the joins cross.
    """
    figures = comparison.figures
    n = len(figures)
    if n == 0:
        return Placed(width, (), (), gap, (), None, None)
    gap = min(gap, width / max(1, n - 1)) if n > 1 else gap
    years = _effective_years(comparison)
    low, high = min(years), max(years)
    span = high - low
    ranked = sorted(range(n), key=lambda f: (years[f], f))
    targets = [(years[f] - low) / span * width if span > 0 else width / 2 for f in ranked]
    if span <= 0 and n > 1:
        targets = [i * width / (n - 1) for i in range(n)]
    anchor = [0.0] * n
    for f, x in zip(ranked, spread(targets, 0.0, width, gap), strict=True):
        anchor[f] = x
    xs_a = spread([anchor[item.figure] for item in comparison.row_a], 0.0, width, gap)
    xs_b = spread([anchor[item.figure] for item in comparison.row_b], 0.0, width, gap)
    ticks: tuple[tuple[int, float], ...] = ()
    start = end = None
    dated = sorted((f.year, anchor[i]) for i, f in enumerate(figures) if f.year is not None)
    if dated:
        start, end = dated[0][0], dated[-1][0]
        ticks = tuple((year, _warp(dated, year)) for year in nice_ticks(start, end))
    return Placed(width, tuple(xs_a), tuple(xs_b), gap, ticks, start, end)


def _effective_years(comparison: Comparison) -> list[float]:
    """Every figure's year; undated ones take a year between their dated neighbours
    (in the row of the set that has them), or their place in the row when none is dated."""
    figures = comparison.figures
    years: list[float | None] = [f.year for f in figures]
    if all(y is None for y in years):
        return [float(i) for i in _row_positions(comparison.row_a, len(figures))]
    known = [y for y in years if y is not None]
    step = max(1.0, (max(known) - min(known)) / max(1, len(figures)))
    # The first row decides; it holds every figure, so nothing is left undated.
    _fill_between(comparison.row_a, years, step)
    return [y if y is not None else 0.0 for y in years]


def _fill_between(row: tuple[Item, ...], years: list[float | None], step: float) -> None:
    """Give the undated items of ``row`` years evenly between their dated neighbours."""
    i = 0
    n = len(row)
    while i < n:
        if years[row[i].figure] is not None:
            i += 1
            continue
        j = i
        while j < n and years[row[j].figure] is None:
            j += 1
        before = years[row[i - 1].figure] if i > 0 else None
        after = years[row[j].figure] if j < n else None
        run = j - i
        for k in range(run):
            if before is not None and after is not None:
                value = before + (after - before) * (k + 1) / (run + 1)
            elif before is not None:
                value = before + step * (k + 1)
            elif after is not None:
                value = after - step * (run - k)
            else:
                value = float(k)
            years[row[i + k].figure] = value
        i = j


def _row_positions(row: tuple[Item, ...], n: int) -> list[int]:
    position = [0] * n
    for k, item in enumerate(row):
        position[item.figure] = k
    return position


def _warp(anchors: list[tuple[float, float]], year: float) -> float:
    """Where ``year`` falls on the shared axis: linear between the figures around it."""
    keys = [y for y, _ in anchors]
    k = bisect.bisect_left(keys, year)
    if k <= 0:
        return anchors[0][1]
    if k >= len(anchors):
        return anchors[-1][1]
    (y0, x0), (y1, x1) = anchors[k - 1], anchors[k]
    if y1 == y0:
        return (x0 + x1) / 2
    return x0 + (x1 - x0) * (year - y0) / (y1 - y0)
