"""Builders of model objects for the chronology and timeline tests (no YAML needed)."""

from __future__ import annotations

from matryoshka.format.model import Doll, PartialDate, Sequence


def date(text: str | None) -> PartialDate | None:
    """``"1953-03-05"``, ``"1953-03"``, ``"1953"`` or ``"-44"`` as a PartialDate."""
    if text is None:
        return None
    sign = -1 if text.startswith("-") else 1
    parts = [int(p) for p in text.lstrip("-").split("-")]
    parts[0] *= sign
    return PartialDate(*parts)


def doll(
    doll_id: str,
    name: str | None = None,
    start: str | None = None,
    end: str | None = None,
    kind: str = "person",
    native_name: str | None = None,
) -> Doll:
    """A doll with only what the chronology looks at."""
    return Doll(
        name=name or doll_id.replace("-", " ").title(),
        id=doll_id,
        kind=kind,  # type: ignore[arg-type]
        native_name=native_name,
        start=date(start),
        end=date(end),
    )


def sequence(seq_id: str, *dolls: Doll, compare_with: str | None = None) -> Sequence:
    """A sequence of the given dolls, outermost first."""
    return Sequence(id=seq_id, title=seq_id, dolls=tuple(dolls), compare_with=compare_with)


# The reference chronology of the facts sheet, outermost (latest) first.
SOVIET = sequence(
    "soviet-chronology",
    doll("putin-2", "Vladimir Putin", "2012-05-07", None, native_name="Владимир Путин"),
    doll("medvedev", "Dmitry Medvedev", "2008-05-07", "2012-05-07"),
    doll("putin", "Vladimir Putin", "2000-05-07", "2008-05-07", native_name="Владимир Путин"),
    doll("yeltsin", "Boris Yeltsin", "1991-07-10", "1999-12-31"),
    doll("gorbachev", "Mikhail Gorbachev", "1985-03-11", "1991-12-25"),
    doll("chernenko", "Konstantin Chernenko", "1984-02-13", "1985-03-10"),
    doll("andropov", "Yuri Andropov", "1982-11-12", "1984-02-09"),
    doll("brezhnev", "Leonid Brezhnev", "1964-10-14", "1982-11-10"),
    doll("khrushchev", "Nikita Khrushchev", "1953-09-14", "1964-10-14"),
    doll("malenkov", "Georgy Malenkov", "1953-03-05", "1955-02-08"),
    doll("stalin", "Joseph Stalin", "1922-04-03", "1953-03-05"),
    doll("lenin", "Vladimir Lenin", "1917-11-08", "1924-01-21"),
    doll("kerensky", "Alexander Kerensky", "1917-07-21", "1917-11-07"),
    doll("lvov", "Georgy Lvov", "1917-03-15", "1917-07-21"),
    doll("nicholas-ii", "Nicholas II", "1894-11-01", "1917-03-15"),
)


def pick(*ids: str, seq_id: str = "pick", reference: Sequence = SOVIET) -> Sequence:
    """A sequence of reference dolls by id, in the order given (outermost first)."""
    return sequence(seq_id, *(reference.doll(i) for i in ids), compare_with=reference.id)


MARKET = pick(
    "yeltsin", "gorbachev", "brezhnev", "khrushchev", "stalin", "lenin", "nicholas-ii",
    seq_id="market-1995",
)  # fmt: skip
TROTSKY = sequence(
    "trotsky-inside-lenin",
    *MARKET.dolls[:-1],
    doll("trotsky", "Leon Trotsky", "1918", "1925"),
    compare_with="soviet-chronology",
)
LENIN_AT_CENTRE = sequence(
    "lenin-at-centre",
    doll("russian-socialist-movement", "Russian Socialist Movement", "2011", kind="group"),
    doll("vpered", "Vpered", "2010", "2011", kind="group"),
    doll("fourth-international", "The Fourth International", "1938", kind="group"),
    doll("left-opposition", "The Left Opposition", "1923", "1929", kind="group"),
    doll("trotsky", "Leon Trotsky", "1918", "1925"),
    SOVIET.doll("lenin"),
    compare_with="soviet-chronology",
)
