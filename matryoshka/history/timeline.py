"""The data of the timeline strip: one bar per doll over an axis of years.

Pure: it decides what the strip shows and where, the window draws it. Years are floats
on the axis of :meth:`matryoshka.format.model.PartialDate.as_ordinal` (``1953.0`` is the start
of 1953; a date known only to the year sits mid-year).

Rules:

- Every dated doll of the sequence gets a bar. With a reference, the figures the check
  finds missing get *ghost* bars (drawn faintly, with their names), and dolls the
  reference does not know are flagged ``not_in_reference``. Reference figures outside
  the span the sequence covers are not shown, as the check does not count them.
- A doll with no dates of its own takes its reference figure's dates
  (``dates_from_reference``); a doll with only a start keeps it, since that means it is
  still in office. A doll still without any date is not placed on the axis:
  it is listed in ``Timeline.undated`` (placing it by its neighbours would draw a
  guess as if it were a fact).
- A bar with no end ("still in office" or unknown) runs to ``present`` when given, or to
  the end of the axis; a bar with no start begins a short stub before its end. Both are
  flagged (``open_end``, ``open_start``) so they can be drawn fading out.
- Bars that overlap in time go to different lanes (lane 0 first); bars that only touch
  (one term ends the day the next begins) share a lane.
"""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING

from matryoshka.format.model import Doll, PartialDate, Sequence
from matryoshka.history.chronology import check
from matryoshka.records import Record

if TYPE_CHECKING:
    import datetime as dt

#: Shortest drawn length of a bar with an unknown end or start, as a share of the axis.
STUB_SHARE = 0.03
#: ... and never less than this many years.
STUB_YEARS = 1.0


class Bar(Record):
    """One doll (or ghost) on the strip.

    Attributes:
        doll: the sequence's doll, or the reference's figure for a ghost.
        start: where the bar begins, in years.
        end: where it ends, in years (never before ``start``; may equal it).
        lane: the row, 0 first; overlapping bars never share a lane.
        sequence_index: the doll's position in the sequence (0 = outermost), for jumping
            to it; ``None`` for a ghost.
        ghost: a reference figure the sequence skips.
        not_in_reference: a doll of the sequence the reference does not know.
        open_start: the start is not known; ``start`` is a stub before ``end``.
        open_end: the end is not known (or the term goes on); ``end`` is drawn to the
            present or the end of the axis.
        dates_from_reference: some of the dates come from the reference's figure.
    """

    doll: Doll
    start: float
    end: float
    lane: int
    sequence_index: int | None
    ghost: bool = False
    not_in_reference: bool = False
    open_start: bool = False
    open_end: bool = False
    dates_from_reference: bool = False

    @property
    def in_sequence(self) -> bool:
        """Whether the bar is one of the sequence's dolls (not a ghost)."""
        return not self.ghost


class Undated(Record):
    """A doll with no date at all, listed beside the strip rather than placed on it."""

    doll: Doll
    sequence_index: int | None
    ghost: bool = False
    not_in_reference: bool = False


class Timeline(Record):
    """Everything the strip shows.

    Attributes:
        bars: earliest first (by start, then end, then position in the sequence).
        undated: dolls with no dates, outermost first, then undated ghosts.
        start: the axis's first year (the earliest bar start).
        end: the axis's last year (the latest bar end); greater than ``start``.
        ticks: round years inside the axis to label, about six of them.
        lanes: how many lanes the bars use (0 when there are no bars).
    """

    bars: tuple[Bar, ...]
    undated: tuple[Undated, ...]
    start: float
    end: float
    ticks: tuple[int, ...]
    lanes: int

    @property
    def is_empty(self) -> bool:
        """True when nothing can be placed on the axis."""
        return not self.bars

    def fraction(self, year: float) -> float:
        """Where ``year`` falls along the axis: 0 at ``start``, 1 at ``end``."""
        return (year - self.start) / (self.end - self.start)


def build_timeline(
    sequence: Sequence, reference: Sequence | None = None, *, present: float | None = None
) -> Timeline:
    """The strip for ``sequence``, with ghosts and flags from ``reference`` when given.

    Args:
        sequence: the set shown.
        reference: its reference chronology, or ``None`` for the dolls alone.
        present: today as a year (see :func:`year_of`); bars with no end run to it.
            Without it they run to the end of the axis.
    """
    entries: list[_Entry] = []
    if reference is not None:
        report = check(sequence, reference)
        strays = {d.id for d in report.not_in_reference}
        ref_dolls = {d.id: d for d in reference.dolls}
        for index, doll in enumerate(sequence.dolls):
            match = None if doll.id in strays else ref_dolls.get(doll.id)
            entries.append(_entry(doll, index, match, not_in_reference=doll.id in strays))
        entries += [_entry(d, None, None, ghost=True) for d in report.missing]
    else:
        entries = [_entry(d, i, None) for i, d in enumerate(sequence.dolls)]
    return _lay_out(entries, present)


def year_of(day: dt.date) -> float:
    """A calendar day on the timeline's axis (for ``present``)."""
    return PartialDate(day.year, day.month, day.day).as_ordinal()


def today() -> float:
    """Today (local time) on the timeline's axis: ``year_of(date.today())``.

    From ``time.localtime``, so that the window need not import ``datetime`` to start.
    """
    now = time.localtime()
    return PartialDate(now.tm_year, now.tm_mon, now.tm_mday).as_ordinal()


def nice_ticks(start: float, end: float, target: int = 6) -> tuple[int, ...]:
    """Round years between ``start`` and ``end``: steps of 1, 2 or 5 times a power of ten."""
    if end <= start:
        return ()
    span = end - start
    magnitude = 10 ** math.floor(math.log10(span / max(1, target)))
    # The round step whose number of ticks comes nearest the target (the larger on a tie).
    steps = [max(1, round(m * magnitude)) for m in (10, 5, 2, 1)]
    step = min(steps, key=lambda s: abs(span / s - target))
    first = math.ceil(start / step) * step
    return tuple(range(first, math.floor(end) + 1, step))


def year_label(year: int) -> str:
    """A tick's label as people write it: ``1917``, or ``44 BCE`` for the year -43."""
    return PartialDate(year).display_year()


# --- Laying out -----------------------------------------------------------------------


class _Entry(Record):
    doll: Doll
    index: int | None
    start: float | None
    end: float | None
    ghost: bool
    not_in_reference: bool
    from_reference: bool


def _entry(
    doll: Doll,
    index: int | None,
    match: Doll | None,
    *,
    ghost: bool = False,
    not_in_reference: bool = False,
) -> _Entry:
    start, end = doll.start, doll.end
    from_reference = False
    if match is not None and start is None and end is None:
        # Only an undated doll borrows dates: a doll with just a start means "in office".
        start, end = match.start, match.end
        from_reference = start is not None or end is not None
    return _Entry(
        doll=doll,
        index=index,
        start=start.as_ordinal() if start else None,
        end=end.as_ordinal() if end else None,
        ghost=ghost,
        not_in_reference=not_in_reference,
        from_reference=from_reference,
    )


def _lay_out(entries: list[_Entry], present: float | None) -> Timeline:
    dated = [e for e in entries if e.start is not None or e.end is not None]
    undated = tuple(
        Undated(e.doll, e.index, ghost=e.ghost, not_in_reference=e.not_in_reference)
        for e in entries
        if e.start is None and e.end is None
    )
    if not dated:
        return Timeline((), undated, 0.0, 1.0, (), 0)

    known = [x for e in dated for x in (e.start, e.end) if x is not None]
    if present is not None and any(e.end is None for e in dated):
        known.append(max(present, *known))
    low, high = min(known), max(known)
    stub = max(STUB_YEARS, STUB_SHARE * (high - low))

    spans: list[tuple[_Entry, float, float]] = []
    for e in dated:
        if e.start is None:
            assert e.end is not None
            start, end = e.end - stub, e.end
        elif e.end is None:
            start, end = e.start, max(high, e.start + stub)
        else:
            start, end = e.start, max(e.start, e.end)
        spans.append((e, start, end))

    order = {id(e): i for i, e in enumerate(entries)}
    spans.sort(key=lambda s: (s[1], s[2], order[id(s[0])]))
    lane_ends: list[float] = []
    bars: list[Bar] = []
    for e, start, end in spans:
        lane = next((i for i, last in enumerate(lane_ends) if last <= start), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(end)
        else:
            lane_ends[lane] = end
        bars.append(
            Bar(
                doll=e.doll,
                start=start,
                end=end,
                lane=lane,
                sequence_index=e.index,
                ghost=e.ghost,
                not_in_reference=e.not_in_reference,
                open_start=e.start is None,
                open_end=e.end is None,
                dates_from_reference=e.from_reference,
            )
        )

    axis_start = min(b.start for b in bars)
    axis_end = max(b.end for b in bars)
    if axis_end - axis_start < STUB_YEARS:
        middle = (axis_start + axis_end) / 2
        axis_start, axis_end = middle - STUB_YEARS / 2, middle + STUB_YEARS / 2
    return Timeline(
        bars=tuple(bars),
        undated=undated,
        start=axis_start,
        end=axis_end,
        ticks=nice_ticks(axis_start, axis_end),
        lanes=len(lane_ends),
    )
