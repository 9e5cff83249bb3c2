"""The chronology check: a set of dolls compared with a reference line of succession.

A sequence lists its dolls outermost first, so the core is the earliest figure and the
outermost doll the latest. A reference is an ordinary sequence that lists every figure of
a line in the same way. The check answers three questions about the sequence, over the
part of the reference it covers:

- **missing**: which reference figures does the sequence skip?
- **not in reference**: which of its dolls does the reference not know?
- **out of order**: where is a doll nested around one the reference puts after it?

Rules (these hold for any pair of files a user writes):

Matching
    A doll matches the reference doll with the same ``id``, and nothing else does: names
    and dates are never used to match, so undated dolls are matched by id and placed by
    their position in the nesting alone. A doll whose name equals that of an unmatched
    reference figure is still "not in reference", but the report names that figure as a
    likely intended match (``CheckReport.namesakes``).

Repeats
    A person who held office twice is two dolls with two ids (the shipped chronology has
    ``putin`` and ``putin-2``); each term is matched on its own. A user sequence may
    repeat a figure the same way. One doll for both terms matches the first id only, so
    the second term is missing when the sequence covers it.

Span
    The check covers the reference from the earliest matched figure to the latest one,
    in the reference's order. Figures outside that span are not missing: the market set,
    which ends with Yeltsin, is not faulted for leaving out Putin. Dolls that are not in
    the reference do not widen the span, since the check cannot place them. Removing the
    outermost or the core doll of a set therefore shrinks the span rather than reporting
    a missing figure; ``CheckReport.span`` says what was covered so that a caller can
    show it.

Order
    Order comes from the reference's nesting, never from dates: real terms overlap
    (Stalin's post began before Lenin died), and a reference lists them in the order its
    author chose. The check reports each place where a doll sits directly around another
    (ignoring dolls that are not in the reference) that the reference puts later. There
    is nothing to report exactly when the matched dolls follow the reference's order.

Reference problems
    A reference whose dates contradict its own nesting (a doll that starts before the
    doll inside it, ends before it ends, or ends before it starts, comparing dates at the
    precision both share) is reported, not repaired: the check still follows the nesting.

Every list in a report runs from the earliest figure to the latest (core side first).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import pairwise
from types import MappingProxyType
from typing import NamedTuple

from matryoshka.format.model import Doll, PartialDate, Sequence
from matryoshka.records import Record

__all__ = [
    "CheckReport",
    "Gap",
    "OutOfOrder",
    "check",
    "describe_predecessors",
    "predecessors_in_reference",
]


class OutOfOrder(NamedTuple):
    """Two dolls of the sequence nested against the reference's order.

    ``outer`` is directly around ``inner`` (dolls not in the reference aside), but the
    reference puts ``outer`` first.
    """

    outer: Doll
    inner: Doll


class Gap(Record):
    """Reference figures the sequence skips at one place, earliest first.

    ``inner`` and ``outer`` are the sequence's dolls on either side of the gap in the
    reference's order: ``inner`` the matched doll just before it, ``outer`` just after.
    """

    inner: Doll
    outer: Doll
    skipped: tuple[Doll, ...]


class CheckReport(Record):
    """The result of :func:`check`. Lists run earliest first (core side first).

    Attributes:
        sequence: the sequence that was checked.
        reference: the reference it was checked against.
        span: the earliest and latest reference figures the sequence covers (reference
            dolls), or ``None`` when no doll of the sequence is in the reference.
        missing: reference figures inside the span that the sequence skips.
        gaps: the same figures, grouped by where they fall between the sequence's dolls.
        not_in_reference: dolls of the sequence whose id the reference does not have.
        namesakes: for a doll not in the reference, by its id: unmatched reference
            figures with the same name (or native name), most likely the intended match.
        out_of_order: places where the nesting goes against the reference's order.
        reference_problems: the reference's own inconsistencies, one sentence each.
    """

    sequence: Sequence
    reference: Sequence
    span: tuple[Doll, Doll] | None
    missing: tuple[Doll, ...] = ()
    gaps: tuple[Gap, ...] = ()
    not_in_reference: tuple[Doll, ...] = ()
    namesakes: Mapping[str, tuple[Doll, ...]] = MappingProxyType({})
    out_of_order: tuple[OutOfOrder, ...] = ()
    reference_problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when there is nothing to report."""
        return not (
            self.missing or self.not_in_reference or self.out_of_order or self.reference_problems
        )


# --- The check ------------------------------------------------------------------------


def check(sequence: Sequence, reference: Sequence) -> CheckReport:
    """Compare ``sequence`` with ``reference`` (see the module docstring for the rules).

    Raises:
        ValueError: when the sequence has two dolls with the same id (the loader never
            produces such a sequence; ids are what the check matches on).
    """
    _require_unique_ids(sequence)
    problems = list(_duplicate_id_problems(reference))
    ref = _chronological(reference)
    position = _positions(ref)
    problems.extend(reference_date_problems(reference))

    seq = _chronological(sequence)
    matched = [(d, position[d.id]) for d in seq if d.id in position]
    strays = tuple(d for d in seq if d.id not in position)
    namesakes = _namesakes(strays, ref, {d.id for d, _ in matched})

    out_of_order = tuple(
        OutOfOrder(outer=b, inner=a) for (a, pa), (b, pb) in pairwise(matched) if pb < pa
    )

    span, missing, gaps = _span_and_gaps(matched, ref)
    return CheckReport(
        sequence=sequence,
        reference=reference,
        span=span,
        missing=missing,
        gaps=gaps,
        not_in_reference=strays,
        namesakes=namesakes,
        out_of_order=out_of_order,
        reference_problems=tuple(problems),
    )


def _span_and_gaps(
    matched: list[tuple[Doll, int]], ref: list[Doll]
) -> tuple[tuple[Doll, Doll] | None, tuple[Doll, ...], tuple[Gap, ...]]:
    """The reference figures the matched dolls span, those skipped, and where each gap is.

    ``matched`` pairs each of the sequence's dolls found in the reference with its
    position in ``ref`` (the reference in chronological order).
    """
    if not matched:
        return None, (), ()
    lo = min(p for _, p in matched)
    hi = max(p for _, p in matched)
    by_position = {p: d for d, p in matched}
    missing: list[Doll] = []
    gaps: list[Gap] = []
    run: list[Doll] = []
    last_matched = by_position[lo]
    for p in range(lo, hi + 1):
        here = by_position.get(p)
        if here is None:
            missing.append(ref[p])
            run.append(ref[p])
            continue
        if run:
            gaps.append(Gap(inner=last_matched, outer=here, skipped=tuple(run)))
            run = []
        last_matched = here
    return (ref[lo], ref[hi]), tuple(missing), tuple(gaps)


def reference_date_problems(reference: Sequence) -> list[str]:
    """Places where a reference's dates contradict its nesting, one sentence each.

    Overlaps are allowed. A doll is reported when it starts before, or ends before, a doll
    nested inside it, or ends before that doll starts. Each doll is compared with the
    latest start and end found anywhere inside it, so a contradiction across undated
    dolls is still found; dates are compared at the precision both share.
    """
    problems: list[str] = []
    latest_start: Doll | None = None  # the inner doll with the latest start so far
    latest_end: Doll | None = None
    for doll in _chronological(reference):
        complaint = _date_complaint(doll, latest_start, latest_end)
        if complaint:
            problems.append(complaint)
        if doll.start is not None and (
            latest_start is None or _later(doll.start, _start(latest_start))
        ):
            latest_start = doll
        if doll.end is not None and (latest_end is None or _later(doll.end, _end(latest_end))):
            latest_end = doll
    return problems


def _date_complaint(doll: Doll, latest_start: Doll | None, latest_end: Doll | None) -> str:
    # (this doll's date, its verb, the inner doll, the inner doll's date, its verb)
    checks = (
        (doll.start, "starts", latest_start, _start, "starts"),
        (doll.end, "ends", latest_end, _end, "ends"),
        (doll.end, "ends", latest_start, _start, "starts"),
    )
    for mine, verb, inner, date_of, inner_verb in checks:
        if mine is None or inner is None:
            continue
        other = date_of(inner)
        if mine.compare(other) < 0:
            return (
                f"{doll.name} {verb} {mine}, before {inner.name} "
                f"nested inside it {inner_verb} ({other})"
            )
    return ""


def _later(a: PartialDate, b: PartialDate) -> bool:
    """Whether ``a`` should replace ``b`` as the latest date seen.

    On a tie at the shared precision the more precise date wins, so that a later, more
    precise comparison is not blunted by a year-only date.
    """
    order = a.compare(b)
    return order > 0 or (order == 0 and a.precision > b.precision)


def _start(doll: Doll) -> PartialDate:
    assert doll.start is not None
    return doll.start


def _end(doll: Doll) -> PartialDate:
    assert doll.end is not None
    return doll.end


# --- Predecessors, for the info panel -------------------------------------------------


def predecessors_in_reference(
    doll: Doll, sequence: Sequence, reference: Sequence
) -> list[Doll] | None:
    """Who came directly before ``doll`` in the reference, when the nesting says otherwise.

    The result lists reference figures, earliest first, that the chronology puts between
    the nearest doll inside ``doll`` that is in the reference and ``doll`` itself. When the
    doll directly inside is not in the reference, the answer is the chronology's own
    predecessor(s): the figures after that nearest matched doll, or that doll itself when
    none lie between, or the reference's immediate predecessor when nothing inside
    matches. For Khrushchev in the market set (Stalin inside) it is ``[Malenkov]``.

    Returns ``None`` when there is nothing to add: ``doll`` is not in the reference, it is
    the core, the doll directly inside is its predecessor in the reference, the nearest
    matched doll inside it comes after it (the check reports that as out of order), or the
    reference has no one before it.

    Raises:
        KeyError: when ``doll`` is not one of ``sequence``'s dolls.
    """
    index = sequence.index_of(doll.id)
    if index + 1 >= len(sequence.dolls):
        return None
    ref = _chronological(reference)
    position = _positions(ref)
    if doll.id not in position:
        return None
    here = position[doll.id]
    nearest = _nearest_matched_inside(sequence, index, position)
    if nearest is None:
        # Nothing inside is in the reference: name the chronology's own predecessor.
        return [ref[here - 1]] if here > 0 else None
    there = position[nearest.id]
    if there > here:
        return None
    chain = ref[there + 1 : here]
    if nearest is sequence.dolls[index + 1]:
        return chain or None
    # The doll directly inside is not in the reference, so even an empty chain differs
    # from it: the nearest matched doll is then the predecessor to name.
    return chain or [ref[there]]


def describe_predecessors(doll: Doll, sequence: Sequence, reference: Sequence) -> str | None:
    """One sentence for the info panel, or ``None`` when the nesting agrees with the reference.

    Examples: ``inside: Joseph Stalin; in the chronology: Georgy Malenkov, then Nikita
    Khrushchev`` and, for dolls nested against the reference's order, ``inside: Nikita
    Khrushchev; in the chronology, Nikita Khrushchev comes after Joseph Stalin``.
    """
    index = sequence.index_of(doll.id)
    if index + 1 >= len(sequence.dolls):
        return None
    inner = sequence.dolls[index + 1]
    ref = _chronological(reference)
    position = _positions(ref)
    if doll.id not in position:
        return None
    nearest = _nearest_matched_inside(sequence, index, position)
    if nearest is not None and position[nearest.id] > position[doll.id]:
        return f"inside: {inner.name}; in the chronology, {nearest.name} comes after {doll.name}"
    chain = predecessors_in_reference(doll, sequence, reference)
    if not chain:
        return None
    names = ", then ".join([d.name for d in chain] + [doll.name])
    return f"inside: {inner.name}; in the chronology: {names}"


def _nearest_matched_inside(
    sequence: Sequence, index: int, position: dict[str, int]
) -> Doll | None:
    return next((d for d in sequence.dolls[index + 1 :] if d.id in position), None)


# --- Helpers --------------------------------------------------------------------------


def _chronological(sequence: Sequence) -> list[Doll]:
    """The dolls earliest first (core first)."""
    return list(reversed(sequence.dolls))


def _positions(chronological: list[Doll]) -> dict[str, int]:
    """Id -> position, earliest first; the first doll wins if an id repeats."""
    position: dict[str, int] = {}
    for i, d in enumerate(chronological):
        position.setdefault(d.id, i)
    return position


def _require_unique_ids(sequence: Sequence) -> None:
    seen: set[str] = set()
    for d in sequence.dolls:
        if d.id in seen:
            raise ValueError(f"sequence {sequence.id!r} has two dolls with id {d.id!r}")
        seen.add(d.id)


def _duplicate_id_problems(reference: Sequence) -> Iterable[str]:
    seen: set[str] = set()
    for d in _chronological(reference):
        if d.id in seen:
            yield f"two dolls have the id {d.id!r}; the check uses the earlier one"
        seen.add(d.id)


def _namesakes(
    strays: Iterable[Doll], ref: list[Doll], matched_ids: set[str]
) -> dict[str, tuple[Doll, ...]]:
    by_name: dict[str, list[Doll]] = {}
    for d in ref:
        if d.id in matched_ids:
            continue
        for key in {_name_key(d.name), _name_key(d.native_name)} - {""}:
            by_name.setdefault(key, []).append(d)
    found: dict[str, tuple[Doll, ...]] = {}
    for d in strays:
        hits: dict[str, Doll] = {}
        for key in {_name_key(d.name), _name_key(d.native_name)} - {""}:
            for r in by_name.get(key, []):
                hits.setdefault(r.id, r)
        if hits:
            found[d.id] = tuple(hits.values())
    return found


def _name_key(name: str | None) -> str:
    return " ".join((name or "").casefold().split())
