"""The timeline strip's data: bars, ghosts, lanes, the axis."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

import pytest
from chronology_builders import LENIN_AT_CENTRE, MARKET, SOVIET, TROTSKY, doll, pick, sequence
from hypothesis import given
from hypothesis import strategies as st

from matryoshka.history import timeline
from matryoshka.history.timeline import (
    Bar,
    Timeline,
    build_timeline,
    nice_ticks,
    year_label,
    year_of,
)


def bar_of(timeline: Timeline, index: int) -> Bar | None:
    return next((b for b in timeline.bars if b.sequence_index == index), None)


def names(bars) -> list[str]:
    return [b.doll.id for b in bars]


def test_market_set_shows_its_dolls_and_the_five_it_skips_as_ghosts() -> None:
    t = build_timeline(MARKET, SOVIET)
    assert [b.doll.id for b in t.bars if b.ghost] == [
        "lvov",
        "kerensky",
        "malenkov",
        "andropov",
        "chernenko",
    ]
    real = [b for b in t.bars if b.in_sequence]
    assert sorted(b.sequence_index for b in real) == list(range(7))
    assert all(b.sequence_index is None for b in t.bars if b.ghost)
    assert not any(b.not_in_reference for b in t.bars)
    # Earliest first; Putin and Medvedev lie outside the span and are not shown.
    assert names(t.bars)[0] == "nicholas-ii" and names(t.bars)[-1] == "yeltsin"
    assert t.start == pytest.approx(1894 + 10 / 12)
    assert t.end == pytest.approx(SOVIET.doll("yeltsin").end.as_ordinal())


def test_overlapping_terms_get_different_lanes_and_touching_ones_share() -> None:
    t = build_timeline(SOVIET)
    lane = {b.doll.id: b.lane for b in t.bars}
    assert lane["lenin"] != lane["stalin"]  # Stalin's post began before Lenin died
    assert lane["malenkov"] != lane["khrushchev"]
    assert lane["gorbachev"] != lane["yeltsin"]
    assert lane["putin"] == lane["medvedev"] == lane["putin-2"]  # one ends as the next begins
    assert t.lanes == 2


@given(
    st.lists(
        st.tuples(st.integers(1000, 2000), st.integers(0, 60)),
        min_size=1,
        max_size=30,
    )
)
def test_no_two_bars_in_a_lane_overlap(spans) -> None:
    seq = sequence(
        "s", *(doll(f"d{i}", start=str(a), end=str(a + n)) for i, (a, n) in enumerate(spans))
    )
    t = build_timeline(seq)
    assert len(t.bars) == len(spans)
    for lane in range(t.lanes):
        bars = sorted((b for b in t.bars if b.lane == lane), key=lambda b: b.start)
        assert all(a.end <= b.start for a, b in pairwise(bars))
    assert all(t.start <= b.start <= b.end <= t.end for b in t.bars)
    assert all(t.start <= tick <= t.end for tick in t.ticks)


def test_a_doll_not_in_the_reference_is_marked() -> None:
    t = build_timeline(TROTSKY, SOVIET)
    trotsky = bar_of(t, TROTSKY.index_of("trotsky"))
    assert trotsky is not None and trotsky.not_in_reference and not trotsky.ghost
    assert [b.doll.id for b in t.bars if b.ghost] == ["malenkov", "andropov", "chernenko"]


def test_without_a_reference_nothing_is_a_ghost_or_flagged() -> None:
    t = build_timeline(LENIN_AT_CENTRE)
    assert len(t.bars) == 6
    assert not any(b.ghost or b.not_in_reference for b in t.bars)


def test_open_ended_terms_run_to_the_present_when_given() -> None:
    today = year_of(dt.date(2026, 11, 26))
    t = build_timeline(LENIN_AT_CENTRE, SOVIET, present=today)
    rsm = bar_of(t, 0)
    assert rsm is not None and rsm.open_end
    assert rsm.end == pytest.approx(today)
    assert t.end == pytest.approx(today)
    # Without a present they run to the end of the axis, at least a stub long.
    t = build_timeline(LENIN_AT_CENTRE, SOVIET)
    rsm = bar_of(t, 0)
    assert rsm is not None and rsm.end > rsm.start and rsm.end == t.end


def test_today_is_the_local_date_on_the_axis() -> None:
    before = year_of(dt.date.today())
    now = timeline.today()
    after = year_of(dt.date.today())
    assert now in (before, after)  # the same day, unless midnight passed in between


def test_an_unknown_start_is_a_stub_before_the_end() -> None:
    t = build_timeline(sequence("s", doll("b", start="1950", end="1960"), doll("a", end="1900")))
    a = bar_of(t, 1)
    assert a is not None and a.open_start and not a.open_end
    assert a.end == pytest.approx(1900.5) and 0 < a.end - a.start < 10


def test_undated_dolls_borrow_the_references_dates() -> None:
    seq = sequence("s", doll("stalin", "Stalin"), doll("lenin", "Lenin"))
    t = build_timeline(seq, SOVIET)
    stalin = bar_of(t, 0)
    assert stalin is not None and stalin.dates_from_reference
    assert stalin.start == SOVIET.doll("stalin").start.as_ordinal()
    assert t.undated == ()


def test_dolls_with_no_date_anywhere_are_listed_not_placed() -> None:
    seq = sequence("s", doll("later", start="1950"), doll("mystery"), SOVIET.doll("lenin"))
    t = build_timeline(seq, SOVIET)
    assert [(u.doll.id, u.sequence_index, u.not_in_reference) for u in t.undated] == [
        ("mystery", 1, True)
    ]
    assert bar_of(t, 1) is None
    assert sorted(b.sequence_index for b in t.bars) == [0, 2]


def test_a_set_with_no_dates_has_an_empty_strip() -> None:
    t = build_timeline(sequence("s", doll("a"), doll("b")))
    assert t.is_empty and t.ticks == () and len(t.undated) == 2


def test_a_single_short_term_still_has_an_axis() -> None:
    t = build_timeline(pick("lvov"))
    assert t.end - t.start >= 1
    assert 0 <= t.fraction(t.bars[0].start) < t.fraction(t.bars[0].end) <= 1


def test_ticks_are_round_years_about_six_of_them() -> None:
    assert nice_ticks(1894.8, 2026.9) == (1900, 1920, 1940, 1960, 1980, 2000, 2020)
    assert nice_ticks(1000, 2000) == (1000, 1200, 1400, 1600, 1800, 2000)
    assert nice_ticks(1953.2, 1955.1) == (1954, 1955)
    assert nice_ticks(5, 5) == ()


def test_bce_years_work_on_the_axis() -> None:
    seq = sequence("rome", doll("augustus", start="-26", end="14"), doll("caesar", start="-48"))
    t = build_timeline(seq)
    assert t.start < -26 and t.end > 14
    assert year_label(-43) == "44 BCE" and year_label(1917) == "1917"
    assert all(isinstance(tick, int) for tick in t.ticks)
