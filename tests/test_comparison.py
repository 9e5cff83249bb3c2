"""Two sets on one time axis, as pure geometry: rows, joins, ghosts and crossings."""

from __future__ import annotations

from itertools import pairwise

import pytest
from chronology_builders import LENIN_AT_CENTRE, MARKET, SOVIET, TROTSKY, doll, sequence

from matryoshka.format.model import Sequence
from matryoshka.history.comparison import Comparison, Placed, compare, place, spread

WIDTH = 1000.0
GAP = 60.0


def row_ids(row) -> list[str]:
    """A row as the picture reads, left to right: ghosts marked with ``~``."""
    return [("~" if item.ghost else "") + item.doll.id for item in row]


def crossed(c: Comparison) -> set[str]:
    return {c.figures[j.figure].id for j in c.joins if j.crossed}


def x_of(c: Comparison, p: Placed, row: int, fid: str) -> float:
    items, xs = (c.row_a, p.xs_a) if row == 0 else (c.row_b, p.xs_b)
    return next(x for item, x in zip(items, xs, strict=True) if item.doll.id == fid)


def test_market_against_the_chronology_shows_the_five_it_leaves_out_where_they_stood() -> None:
    c = compare(MARKET, SOVIET, SOVIET)
    assert row_ids(c.row_a) == [
        "nicholas-ii", "~lvov", "~kerensky", "lenin", "stalin", "~malenkov", "khrushchev",
        "brezhnev", "~andropov", "~chernenko", "gorbachev", "yeltsin", "~putin", "~medvedev",
        "~putin-2",
    ]  # fmt: skip
    assert not any(item.ghost for item in c.row_b)
    assert c.crossing_count == 0 and not crossed(c)
    # Every figure is joined once; the joins to ghosts are the dashed ones.
    assert len(c.joins) == 15
    assert {c.figures[j.figure].id for j in c.joins if j.ghost} == {
        "lvov", "kerensky", "malenkov", "andropov", "chernenko", "putin", "medvedev", "putin-2"
    }  # fmt: skip
    p = place(c, WIDTH, GAP)
    # Rows that agree line up: every join is vertical.
    assert p.xs_a == pytest.approx(p.xs_b)


def test_trotsky_inside_lenin_crosses_the_market_set_where_his_dates_put_him() -> None:
    c = compare(MARKET, TROTSKY, SOVIET, SOVIET)
    assert row_ids(c.row_a)[:4] == ["nicholas-ii", "lenin", "~trotsky", "stalin"]
    assert row_ids(c.row_b)[:4] == ["~nicholas-ii", "trotsky", "lenin", "stalin"]
    assert crossed(c) == {"lenin", "trotsky"}
    assert c.crossing_count == 1
    (pair,) = c.crossings
    assert (pair.inner.id, pair.outer.id) == ("lenin", "trotsky")
    assert pair.ghost_in_a and not pair.ghost_in_b
    assert pair.sentence("Market", "Trotsky") == (
        "Market, by the dates: Vladimir Lenin inside Leon Trotsky; "
        "Trotsky: Leon Trotsky inside Vladimir Lenin"
    )
    p = place(c, WIDTH, GAP)
    # The two joins cross: Lenin left of Trotsky on top, right of him below.
    assert x_of(c, p, 0, "lenin") < x_of(c, p, 0, "trotsky")
    assert x_of(c, p, 1, "lenin") > x_of(c, p, 1, "trotsky")
    # Nicholas II, left out of the Trotsky set, stands inside everything there.
    assert x_of(c, p, 1, "nicholas-ii") == pytest.approx(x_of(c, p, 0, "nicholas-ii"))


def test_lenin_at_the_centre_shares_only_lenin_and_agrees_on_order() -> None:
    c = compare(MARKET, LENIN_AT_CENTRE, SOVIET, SOVIET)
    assert [f.id for f in c.shared] == ["lenin"]
    assert row_ids(c.row_b) == [
        "~nicholas-ii", "lenin", "trotsky", "~stalin", "left-opposition",
        "fourth-international", "~khrushchev", "~brezhnev", "~gorbachev", "~yeltsin",
        "vpered", "russian-socialist-movement",
    ]  # fmt: skip
    assert row_ids(c.row_a) == [
        "nicholas-ii", "lenin", "~trotsky", "stalin", "~left-opposition",
        "~fourth-international", "khrushchev", "brezhnev", "gorbachev", "yeltsin", "~vpered",
        "~russian-socialist-movement",
    ]  # fmt: skip
    # The sets part ways by whom they leave out, not by order: nothing crosses.
    assert c.crossing_count == 0
    assert {f.id for f in c.figures if f.b is None} == {
        "nicholas-ii", "stalin", "khrushchev", "brezhnev", "gorbachev", "yeltsin"
    }  # fmt: skip


def test_the_shared_axis_is_in_date_order_with_room_for_everyone() -> None:
    c = compare(MARKET, SOVIET, SOVIET)
    p = place(c, WIDTH, GAP)
    for xs in (p.xs_a, p.xs_b):
        assert xs[0] == pytest.approx(0) and xs[-1] == pytest.approx(WIDTH)
        assert all(b - a >= GAP - 1e-6 for a, b in pairwise(xs))
    # 1917 is stretched (four figures begin within three years), the 1930s and 1940s
    # are squeezed, but the ticks still run in order and inside the axis.
    years = [year for year, _ in p.ticks]
    assert years == [1900, 1920, 1940, 1960, 1980, 2000]
    xs = [x for _, x in p.ticks]
    assert xs == sorted(xs) and xs[0] >= 0 and xs[-1] <= WIDTH
    lenin, stalin = x_of(c, p, 0, "lenin"), x_of(c, p, 0, "stalin")
    tick_1920 = dict(p.ticks)[1920]
    assert lenin < tick_1920 < stalin
    assert p.start == pytest.approx(1894 + 10 / 12)
    assert p.end == pytest.approx(2012 + 4 / 12 + 6 / 365.25)


def test_a_narrow_axis_shrinks_the_spacing_and_keeps_every_item_inside() -> None:
    c = compare(MARKET, SOVIET, SOVIET)
    p = place(c, 140.0, GAP)
    assert p.gap == pytest.approx(10.0)
    assert all(0 <= x <= 140.0 for x in p.xs_a + p.xs_b)


def test_sets_without_dates_are_placed_by_nesting_order_and_say_so() -> None:
    a = sequence("a", doll("d"), doll("c"), doll("b"), doll("a"))
    b = sequence("b", doll("d"), doll("b"), doll("c"), doll("e"))
    c = compare(a, b)
    assert not c.dated
    assert {f.id for f in c.undated} == {"a", "b", "c", "d", "e"}
    assert all(item.by_nesting for item in c.row_a + c.row_b)
    # "e" is b's core, just inside "c": so it stands in a's row too. "a", a's core, stands
    # just inside the first of a's dolls that b has.
    assert row_ids(c.row_a) == ["a", "b", "~e", "c", "d"]
    assert row_ids(c.row_b) == ["e", "c", "~a", "b", "d"]
    assert crossed(c) == {"a", "b", "c", "e"}
    assert c.crossing_count == 4
    p = place(c, WIDTH, GAP)
    assert p.ticks == () and p.start is None
    assert p.xs_a == pytest.approx([0, 250, 500, 750, 1000])


def test_an_undated_doll_among_dated_ones_stands_between_its_neighbours() -> None:
    a = sequence("a", doll("c", start="1990"), doll("b"), doll("a", start="1950"))
    b = sequence("b", doll("c", start="1990"), doll("a", start="1950"))
    c = compare(a, b)
    assert [f.id for f in c.undated] == ["b"]
    assert row_ids(c.row_b) == ["a", "~b", "c"]
    p = place(c, WIDTH, GAP)
    assert x_of(c, p, 0, "b") == pytest.approx(500)
    assert [year for year, _ in p.ticks] == [1960, 1970, 1980, 1990]


def test_an_undated_doll_borrows_its_reference_dates() -> None:
    bare = sequence("bare", doll("stalin", "Joseph Stalin"), doll("nicholas-ii", "Nicholas II"))
    c = compare(bare, TROTSKY, SOVIET, SOVIET)
    assert not c.undated
    assert row_ids(c.row_a) == ["nicholas-ii", "~lenin", "~trotsky", "stalin", "~khrushchev",
                                "~brezhnev", "~gorbachev", "~yeltsin"]  # fmt: skip


def test_overlapping_terms_and_bce_dates() -> None:
    rome = sequence(
        "rome",
        doll("augustus", start="-27", end="14"),
        doll("caesar", start="-49", end="-44"),
        doll("pompey", start="-60", end="-48"),  # overlaps Caesar's rise
    )
    other = sequence("other", doll("augustus", start="-27"), doll("crassus", start="-59"))
    c = compare(rome, other)
    assert row_ids(c.row_a) == ["pompey", "~crassus", "caesar", "augustus"]
    assert c.crossing_count == 0
    p = place(c, WIDTH, GAP)
    assert p.ticks[0][0] <= -50 and p.start == pytest.approx(-60 + 0.5)


def test_two_empty_sets_compare_to_nothing() -> None:
    c = compare(sequence("a"), sequence("b"))
    assert c.figures == () and c.joins == () and c.crossing_count == 0
    assert place(c, WIDTH, GAP).xs_a == ()


def test_comparing_a_set_with_itself_joins_everything_straight() -> None:
    c = compare(MARKET, MARKET)
    assert not any(j.ghost or j.crossed for j in c.joins)
    assert [(j.a, j.b) for j in c.joins] == [(i, i) for i in range(7)]


def long_set(n: int, seq_id: str, reverse_nesting: bool = False) -> Sequence:
    dolls = [doll(f"p{i}", start=str(1000 + i)) for i in range(n)]
    # Outermost first: latest first, unless the nesting is turned round.
    return sequence(seq_id, *(dolls if reverse_nesting else reversed(dolls)))


def test_a_thousand_dolls_against_their_reverse_count_every_crossing_list_a_few() -> None:
    n = 1000
    c = compare(long_set(n, "forward"), long_set(n, "backward", reverse_nesting=True))
    assert c.crossing_count == n * (n - 1) // 2
    assert len(c.crossings) == 50
    assert all(j.crossed for j in c.joins)
    p = place(c, 2000.0, 12.0)
    assert p.gap == pytest.approx(2000 / 999)
    assert p.xs_b == pytest.approx(p.xs_a)  # the same slots, in the opposite order


def test_a_thousand_dolls_with_every_other_one_left_out() -> None:
    n = 1000
    full = long_set(n, "full")
    half = sequence("half", *full.dolls[::2])
    c = compare(half, full)
    assert len(c.row_a) == n and sum(item.ghost for item in c.row_a) == n // 2
    assert c.crossing_count == 0
    p = place(c, 4000.0, 4.0)
    assert p.xs_a == pytest.approx(p.xs_b)


def test_spread_keeps_order_and_gap_as_near_the_targets_as_it_can() -> None:
    assert spread([10, 10, 10], 0, 100, 10) == pytest.approx([0, 10, 20])
    assert spread([50, 50, 50], 0, 100, 10) == pytest.approx([40, 50, 60])
    assert spread([0, 100], 0, 100, 10) == pytest.approx([0, 100])
    assert spread([90, 10], 0, 100, 10) == pytest.approx([45, 55])
    assert spread([-50, 500], 0, 100, 10) == pytest.approx([0, 100])
    assert spread([5, 5, 5, 5], 0, 30, 20) == pytest.approx([0, 10, 20, 30])
    assert spread([], 0, 1, 1) == []
