"""The chronology check: who a set skips, who it adds, what it nests out of order."""

from __future__ import annotations

import pytest
from chronology_builders import LENIN_AT_CENTRE, MARKET, SOVIET, TROTSKY, doll, pick, sequence
from hypothesis import given, settings
from hypothesis import strategies as st

from matryoshka.format.model import Sequence
from matryoshka.history.chronology import (
    OutOfOrder,
    check,
    describe_predecessors,
    predecessors_in_reference,
    reference_date_problems,
)


def ids(dolls) -> list[str]:
    return [d.id for d in dolls]


# --- The essay's sets -----------------------------------------------------------------


def test_market_set_misses_exactly_the_five_the_essay_names() -> None:
    report = check(MARKET, SOVIET)
    assert ids(report.missing) == ["lvov", "kerensky", "malenkov", "andropov", "chernenko"]
    assert report.out_of_order == ()
    assert report.not_in_reference == ()
    assert report.reference_problems == ()
    assert not report.ok
    assert ids(report.span) == ["nicholas-ii", "yeltsin"]


def test_market_set_gaps_say_where_each_missing_figure_belongs() -> None:
    report = check(MARKET, SOVIET)
    where = [(g.inner.id, ids(g.skipped), g.outer.id) for g in report.gaps]
    assert where == [
        ("nicholas-ii", ["lvov", "kerensky"], "lenin"),
        ("stalin", ["malenkov"], "khrushchev"),
        ("brezhnev", ["andropov", "chernenko"], "gorbachev"),
    ]


def test_trotsky_is_not_in_reference_and_does_not_widen_the_span() -> None:
    report = check(TROTSKY, SOVIET)
    assert ids(report.not_in_reference) == ["trotsky"]
    # The span now starts at Lenin, so the Tsar, Lvov and Kerensky are outside it.
    assert ids(report.span) == ["lenin", "yeltsin"]
    assert ids(report.missing) == ["malenkov", "andropov", "chernenko"]
    assert report.out_of_order == ()


def test_lenin_at_centre_groups_are_not_in_reference() -> None:
    report = check(LENIN_AT_CENTRE, SOVIET)
    assert ids(report.not_in_reference) == [
        "trotsky",
        "left-opposition",
        "fourth-international",
        "vpered",
        "russian-socialist-movement",
    ]
    assert ids(report.span) == ["lenin", "lenin"]
    assert report.missing == ()
    assert report.out_of_order == ()


def test_the_reference_checked_against_itself_is_clean() -> None:
    assert check(SOVIET, SOVIET).ok


# --- Order ----------------------------------------------------------------------------


def test_overlapping_terms_in_reference_order_are_not_out_of_order() -> None:
    # Stalin's post began before Lenin died; Malenkov and Khrushchev shared power.
    seq = pick("khrushchev", "malenkov", "stalin", "lenin")
    report = check(seq, SOVIET)
    assert report.ok


def test_order_follows_the_reference_nesting_not_dates() -> None:
    # Swapping Malenkov and Khrushchev: the dates overlap, but the reference's nesting
    # puts Malenkov first, so Malenkov around Khrushchev is out of order.
    seq = pick("malenkov", "khrushchev", "stalin")
    report = check(seq, SOVIET)
    assert report.out_of_order == (
        OutOfOrder(outer=SOVIET.doll("malenkov"), inner=SOVIET.doll("khrushchev")),
    )
    assert report.missing == ()


def test_a_doll_moved_far_is_reported_where_the_nesting_breaks() -> None:
    seq = pick("gorbachev", "brezhnev", "khrushchev", "stalin", "yeltsin")
    report = check(seq, SOVIET)
    assert [(p.outer.id, p.inner.id) for p in report.out_of_order] == [("stalin", "yeltsin")]


def test_dolls_not_in_reference_are_skipped_when_judging_order() -> None:
    seq = sequence("s", SOVIET.doll("stalin"), doll("someone"), SOVIET.doll("lenin"))
    report = check(seq, SOVIET)
    assert report.out_of_order == ()
    assert ids(report.not_in_reference) == ["someone"]


# --- Repeats, precision, undated dolls ------------------------------------------------


def test_a_figure_in_office_twice_is_two_ids_matched_separately() -> None:
    seq = pick("putin-2", "medvedev", "putin")
    assert check(seq, SOVIET).ok
    # One doll for both terms matches the first: nothing later is covered, nothing missing.
    assert check(pick("putin", "yeltsin"), SOVIET).ok
    # Skipping the second term inside the span is reported.
    report = check(pick("putin-2", "putin"), SOVIET)
    assert ids(report.missing) == ["medvedev"]


def test_a_repeat_under_another_id_points_at_the_reference_figure() -> None:
    again = doll("putin-again", "Vladimir Putin", "2012")
    seq = sequence("s", again, SOVIET.doll("medvedev"), SOVIET.doll("putin"))
    report = check(seq, SOVIET)
    assert ids(report.not_in_reference) == ["putin-again"]
    # Only the unmatched namesake is offered: "putin" is already matched.
    assert ids(report.namesakes["putin-again"]) == ["putin-2"]


def test_namesakes_match_native_names_too() -> None:
    seq = sequence("s", doll("vvp", "В. Путин", native_name="Владимир Путин"))
    report = check(seq, SOVIET)
    assert ids(report.namesakes["vvp"]) == ["putin", "putin-2"]


def test_undated_dolls_are_matched_by_id_and_order_only() -> None:
    undated = sequence(
        "undated",
        doll("khrushchev", "Khrushchev"),
        doll("stalin", "Stalin"),
        doll("nicholas-ii", "The Tsar"),
    )
    report = check(undated, SOVIET)
    assert ids(report.missing) == ["lvov", "kerensky", "lenin", "malenkov"]
    assert report.out_of_order == ()


def test_dates_at_different_precisions_do_not_upset_the_reference() -> None:
    ref = sequence(
        "r",
        doll("c", start="1953-09-14", end="1964"),
        doll("b", start="1953", end="1955-02"),
        doll("a", start="1922-04", end="1953-03-05"),
    )
    assert reference_date_problems(ref) == []
    assert check(ref, ref).ok


def test_a_sequence_with_nothing_in_common_has_no_span() -> None:
    seq = sequence("s", doll("x"), doll("y"))
    report = check(seq, SOVIET)
    assert report.span is None
    assert ids(report.not_in_reference) == ["y", "x"]
    assert report.missing == () and report.out_of_order == ()


def test_duplicate_ids_in_the_sequence_are_a_programming_error() -> None:
    with pytest.raises(ValueError, match="stalin"):
        check(sequence("s", SOVIET.doll("stalin"), SOVIET.doll("stalin")), SOVIET)


# --- Reference problems ---------------------------------------------------------------


def test_a_reference_out_of_date_order_is_reported_not_repaired() -> None:
    ref = sequence(
        "r",
        doll("c", "Third", "1950"),
        doll("b", "Second", "1960", "1970"),
        doll("a", "First", "1940", "1945"),
    )
    problems = reference_date_problems(ref)
    assert problems == ["Third starts 1950, before Second nested inside it starts (1960)"]
    report = check(pick("c", "a", reference=ref), ref)
    assert report.reference_problems == tuple(problems)
    # The check still follows the nesting: b is missing between a and c.
    assert ids(report.missing) == ["b"]
    assert not report.ok


def test_reference_problems_are_found_across_undated_dolls() -> None:
    ref = sequence("r", doll("c", "C", "1930"), doll("b", "B"), doll("a", "A", "1950"))
    assert len(reference_date_problems(ref)) == 1


def test_ends_out_of_order_are_reference_problems() -> None:
    ends = sequence("r", doll("b", "B", end="1950"), doll("a", "A", end="1960"))
    assert reference_date_problems(ends) == ["B ends 1950, before A nested inside it ends (1960)"]
    before_start = sequence("r", doll("b", "B", end="1950"), doll("a", "A", start="1960"))
    assert reference_date_problems(before_start) == [
        "B ends 1950, before A nested inside it starts (1960)"
    ]


def test_a_coarser_date_equal_at_shared_precision_is_not_a_problem() -> None:
    ref = sequence("r", doll("b", start="1953"), doll("a", start="1953-09-14"))
    assert reference_date_problems(ref) == []
    # ... but a later, more precise date is still compared with the precise one.
    ref = sequence(
        "r", doll("c", "C", start="1953-05"), doll("b", start="1953"), doll("a", start="1953-09")
    )
    assert len(reference_date_problems(ref)) == 1


def test_duplicate_ids_in_the_reference_are_reported() -> None:
    ref = sequence("r", doll("a", start="1960"), doll("a", start="1950"))
    assert check(pick("a", reference=ref), ref).reference_problems == (
        "two dolls have the id 'a'; the check uses the earlier one",
    )


# --- Predecessors for the info panel --------------------------------------------------


def test_khrushchev_in_the_market_set_was_preceded_by_malenkov() -> None:
    khrushchev = MARKET.doll("khrushchev")
    assert ids(predecessors_in_reference(khrushchev, MARKET, SOVIET)) == ["malenkov"]
    assert describe_predecessors(khrushchev, MARKET, SOVIET) == (
        "inside: Joseph Stalin; in the chronology: Georgy Malenkov, then Nikita Khrushchev"
    )


def test_gorbachev_lists_every_skipped_predecessor_in_order() -> None:
    assert describe_predecessors(MARKET.doll("gorbachev"), MARKET, SOVIET) == (
        "inside: Leonid Brezhnev; in the chronology: Yuri Andropov, then Konstantin "
        "Chernenko, then Mikhail Gorbachev"
    )


def test_nothing_to_say_when_the_nesting_agrees_or_at_the_core() -> None:
    assert predecessors_in_reference(MARKET.doll("stalin"), MARKET, SOVIET) is None
    assert describe_predecessors(MARKET.doll("stalin"), MARKET, SOVIET) is None
    assert predecessors_in_reference(MARKET.doll("nicholas-ii"), MARKET, SOVIET) is None
    trotsky = TROTSKY.doll("trotsky")
    assert predecessors_in_reference(trotsky, TROTSKY, SOVIET) is None


def test_lenin_around_trotsky_names_the_real_predecessor() -> None:
    lenin = TROTSKY.doll("lenin")
    assert ids(predecessors_in_reference(lenin, TROTSKY, SOVIET)) == ["kerensky"]
    assert describe_predecessors(lenin, TROTSKY, SOVIET) == (
        "inside: Leon Trotsky; in the chronology: Alexander Kerensky, then Vladimir Lenin"
    )


def test_a_stray_inside_names_the_nearest_matched_predecessor() -> None:
    seq = sequence(
        "s", SOVIET.doll("stalin"), doll("trotsky", "Leon Trotsky"), SOVIET.doll("lenin")
    )
    assert ids(predecessors_in_reference(seq.doll("stalin"), seq, SOVIET)) == ["lenin"]
    seq = sequence("s", SOVIET.doll("khrushchev"), doll("x", "X"), SOVIET.doll("stalin"))
    assert describe_predecessors(seq.doll("khrushchev"), seq, SOVIET) == (
        "inside: X; in the chronology: Georgy Malenkov, then Nikita Khrushchev"
    )


def test_out_of_order_nesting_is_described_not_listed() -> None:
    seq = pick("stalin", "khrushchev")
    stalin = seq.doll("stalin")
    assert predecessors_in_reference(stalin, seq, SOVIET) is None
    assert describe_predecessors(stalin, seq, SOVIET) == (
        "inside: Nikita Khrushchev; in the chronology, Nikita Khrushchev comes after Joseph Stalin"
    )


def test_predecessors_of_a_doll_not_in_the_sequence_is_an_error() -> None:
    with pytest.raises(KeyError):
        predecessors_in_reference(SOVIET.doll("malenkov"), MARKET, SOVIET)


# --- Properties -----------------------------------------------------------------------


def _reference(n: int) -> Sequence:
    # Consecutive, overlapping terms with dates at mixed precisions, latest first.
    dolls = []
    for i in range(n):
        start = f"{1800 + 3 * i}" if i % 3 == 0 else f"{1800 + 3 * i}-0{1 + i % 9}"
        dolls.append(doll(f"r{i}", f"Ruler {i}", start, f"{1800 + 3 * i + 4}"))
    return sequence("ref", *reversed(dolls))


REFERENCE = _reference(30)


@st.composite
def derived(draw: st.DrawFn, minimum: int = 1) -> Sequence:
    """A sequence made of reference dolls in the reference's order, some left out."""
    keep = draw(
        st.lists(st.sampled_from(REFERENCE.dolls), min_size=minimum, unique=True).map(
            lambda ds: sorted(ds, key=lambda d: REFERENCE.dolls.index(d))
        )
    )
    return sequence("derived", *keep)


@given(
    st.lists(
        st.tuples(st.integers(-500, 2100), st.none() | st.integers(0, 40)),
        min_size=1,
        max_size=25,
    )
)
def test_any_sequence_checked_against_itself_reports_no_difference(spans) -> None:
    # Arbitrary dates: the reference may be out of date order, but never differs from itself.
    seq = sequence(
        "s",
        *(
            doll(f"d{i}", start=str(a), end=None if n is None else str(a + n))
            for i, (a, n) in enumerate(spans)
        ),
    )
    report = check(seq, seq)
    assert (report.missing, report.not_in_reference, report.out_of_order) == ((), (), ())


@given(derived())
def test_reference_derived_sequence_against_itself_is_ok(seq: Sequence) -> None:
    assert check(seq, seq).ok
    assert check(seq, REFERENCE).out_of_order == ()


@settings(max_examples=200)
@given(derived(minimum=3), st.data())
def test_removing_an_interior_doll_reports_exactly_that_doll_missing(
    seq: Sequence, data: st.DataObject
) -> None:
    # Only interior dolls: the outermost and the core bound the span, so removing one of
    # them shrinks the span instead (see the next test).
    index = data.draw(st.integers(1, len(seq.dolls) - 2))
    removed = seq.dolls[index]
    before = check(seq, REFERENCE)
    after = check(sequence("fewer", *seq.dolls[:index], *seq.dolls[index + 1 :]), REFERENCE)
    assert set(ids(after.missing)) - set(ids(before.missing)) == {removed.id}
    assert set(ids(before.missing)) <= set(ids(after.missing))
    assert (after.not_in_reference, after.out_of_order) == ((), ())


@given(derived(minimum=2), st.booleans())
def test_removing_an_end_doll_shrinks_the_span_and_reports_nothing_new(
    seq: Sequence, outermost: bool
) -> None:
    rest = seq.dolls[1:] if outermost else seq.dolls[:-1]
    before = check(seq, REFERENCE)
    after = check(sequence("fewer", *rest), REFERENCE)
    assert set(ids(after.missing)) <= set(ids(before.missing))
    assert after.span is not None and before.span is not None
    new_end = after.span[1] if outermost else after.span[0]
    assert new_end.id == (rest[0].id if outermost else rest[-1].id)


@given(derived(minimum=2), st.data())
def test_swapping_two_adjacent_dolls_reports_that_pair_out_of_order(
    seq: Sequence, data: st.DataObject
) -> None:
    i = data.draw(st.integers(0, len(seq.dolls) - 2))
    dolls = list(seq.dolls)
    dolls[i], dolls[i + 1] = dolls[i + 1], dolls[i]
    before = check(seq, REFERENCE)
    after = check(sequence("swapped", *dolls), REFERENCE)
    assert after.out_of_order == (OutOfOrder(outer=dolls[i], inner=dolls[i + 1]),)
    assert after.missing == before.missing


@given(derived(minimum=1), st.integers(0, 10))
def test_dolls_not_in_reference_are_listed_and_change_nothing_else(
    seq: Sequence, where: int
) -> None:
    stray = doll("stray", "Not A Ruler")
    where = min(where, len(seq.dolls))
    with_stray = sequence("s", *seq.dolls[:where], stray, *seq.dolls[where:])
    before, after = check(seq, REFERENCE), check(with_stray, REFERENCE)
    assert ids(after.not_in_reference) == ["stray"]
    assert (after.missing, after.out_of_order, after.span) == (
        before.missing,
        before.out_of_order,
        before.span,
    )


# --- The shipped files ----------------------------------------------------------------


def shipped(spec: str) -> Sequence:
    from matryoshka.format.catalog import resolve

    return resolve(spec)


def test_shipped_market_set_against_its_reference() -> None:
    market = shipped("market-1995")
    report = check(market, shipped(market.compare_with or ""))
    assert ids(report.missing) == ["lvov", "kerensky", "malenkov", "andropov", "chernenko"]
    assert (report.out_of_order, report.not_in_reference) == ((), ())
    assert report.reference_problems == ()


def test_shipped_trotsky_set_against_its_reference() -> None:
    seq = shipped("trotsky-inside-lenin")
    report = check(seq, shipped(seq.compare_with or ""))
    assert ids(report.not_in_reference) == ["trotsky"]
    assert ids(report.missing) == ["malenkov", "andropov", "chernenko"]
    assert report.out_of_order == ()


def test_shipped_lenin_at_centre_against_its_reference() -> None:
    seq = shipped("lenin-at-centre")
    report = check(seq, shipped(seq.compare_with or ""))
    groups = [d.id for d in seq.dolls if d.kind == "group"]
    assert len(groups) == 4
    assert set(groups) <= set(ids(report.not_in_reference))
    assert ids(report.not_in_reference) == [d.id for d in reversed(seq.dolls[:-1])]
    assert report.missing == () and report.out_of_order == ()


def test_shipped_chronology_is_in_date_order() -> None:
    assert reference_date_problems(shipped("soviet-chronology")) == []
