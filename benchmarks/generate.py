"""Write long generated sequences (hundreds or thousands of dolls) for the benchmarks.

Real users load long lines of succession (popes, emperors, every president of a country);
the benchmarks need such files without committing them. This script writes valid
``matryoshka/1`` YAML: varied names (regnal numerals, epithets, some groups), native
names in Cyrillic, offices, dates that run forward in time (outermost doll = latest),
colours, faces and emblems drawn from the painter's vocabulary in ``matryoshka.format.model``.
Output is deterministic for a given seed, so every run measures the same files.

Usage::

    python benchmarks/generate.py --dolls 300 -o /tmp/seqs      # /tmp/seqs/generated-300.yaml
    python benchmarks/generate.py --dolls 5000 --seed 7 -o /tmp/seqs
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

_REPO = Path(__file__).resolve().parent.parent
if str(_REPO) not in sys.path:
    sys.path.insert(0, str(_REPO))

from matryoshka.atomic import write_text  # noqa: E402  (the checkout must be importable first)
from matryoshka.format.model import (  # noqa: E402
    BEARDS,
    DRESS,
    DRESS_EMBLEMS,
    EMBLEMS,
    EYEBROWS,
    FORMAT_VERSION,
    GLASSES,
    HAIR_COLORS,
    HAIR_STYLES,
    HEADWEAR,
    MAX_DOLLS,
    MAX_FILE_BYTES,
    MAX_TEXT_EMBLEM,
    MOUSTACHES,
    SKIN_TONES,
)

DEFAULT_SEED = 1917

_GIVEN = (
    "Gregory", "Leo", "Pius", "Clement", "Innocent", "Boniface", "Urban", "Benedict",
    "Alexander", "Nicholas", "Ivan", "Vasily", "Casimir", "Sigismund", "Ludmila", "Olga",
    "Catherine", "Anna", "Elizabeth", "Yaroslav", "Mstislav", "Sviatoslav", "Dmitry",
    "Feodor", "Boris", "Michael", "Peter", "Paul", "Sophia", "Matilda", "Otto", "Henry",
    "Konrad", "Wenceslas", "Stephen", "Bela", "Ladislaus", "Isabella", "Joanna", "Ferdinand",
)  # fmt: skip
_NATIVE = {
    "Ivan": "Иван", "Vasily": "Василий", "Yaroslav": "Ярослав", "Mstislav": "Мстислав",
    "Sviatoslav": "Святослав", "Dmitry": "Дмитрий", "Feodor": "Фёдор", "Boris": "Борис",
    "Michael": "Михаил", "Peter": "Пётр", "Paul": "Павел", "Sophia": "Софья",
    "Olga": "Ольга", "Anna": "Анна", "Catherine": "Екатерина", "Elizabeth": "Елизавета",
    "Alexander": "Александр", "Nicholas": "Николай", "Ludmila": "Людмила",
}  # fmt: skip
_EPITHETS = (
    "the Great", "the Bold", "the Pious", "the Wise", "the Quiet", "the Terrible",
    "the Fair", "the Younger", "the Elder", "the Builder",
)  # fmt: skip
_GROUPS = (
    "Regency Council", "Provisional Committee", "Council of Elders", "Triumvirate",
    "Conclave", "Directory", "Assembly of the Land",
)  # fmt: skip
_OFFICES = (
    "Grand Prince", "Bishop of Rome", "King", "Emperor", "Regent", "President",
    "Chairman of the Council", "Metropolitan", "Doge", "Prince-Elector",
)  # fmt: skip
_CAPTIONS = (
    "Painted in the old style, with a gold trim and a garland of poppies.",
    "A short reign remembered mostly for a new coinage.",
    "Held the office through two wars and a famine.",
    "Chosen after a long vacancy; the doll carries the emblem of the office.",
    "The painter gave this one a brighter apron than the rest of the set.",
    "Succeeded a relative and was succeeded by a rival.",
)  # fmt: skip
_CSS_COLOURS = ("crimson", "navy", "darkgreen", "goldenrod", "purple", "teal", "maroon", "gold")
_PLAIN_EMBLEMS = tuple(name for name in EMBLEMS if name not in DRESS_EMBLEMS)
_DRESS = tuple(DRESS)
_FIRST_DAY = date(1000, 1, 1)
_LAST_DAY = date(2024, 12, 31)


def _roman(number: int) -> str:
    parts = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    out = []
    for value, letters in parts:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _q(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: safe for any name or caption.
    return json.dumps(text, ensure_ascii=False)


def _hex(rng: random.Random) -> str:
    return "#{:02x}{:02x}{:02x}".format(*(rng.randrange(256) for _ in range(3)))


def _timeline(count: int, rng: random.Random) -> list[tuple[date, date]]:
    """Start and end days of ``count`` tenures in chronological order, some overlapping."""
    weights = [rng.uniform(0.2, 3.0) for _ in range(count)]
    span = (_LAST_DAY - _FIRST_DAY).days
    scale = span / sum(weights)
    spans: list[tuple[date, date]] = []
    day = 0.0
    for weight in weights:
        start = _FIRST_DAY + timedelta(days=int(day))
        length = max(1, int(weight * scale))
        # Now and then a tenure runs on past the next one's start (real lines overlap).
        overlap = int(length * 0.3) if rng.random() < 0.08 else 0
        end = min(_LAST_DAY, start + timedelta(days=length + overlap))
        spans.append((start, end))
        day += length
    return spans


def _date(day: date, precision: int) -> str:
    if precision == 1:
        return f"{day.year:04d}"
    if precision == 2:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _doll_lines(
    index: int,
    name: str,
    native: str | None,
    kind: str,
    span: tuple[date, date],
    is_latest: bool,
    rng: random.Random,
    rich: bool,
) -> list[str]:
    lines = [f"  - name: {_q(name)}"]
    if kind == "group":
        lines.append("    kind: group")
    if rich and native:
        lines.append(f"    native_name: {_q(native)}")
    if rich or index % 3 == 0:
        lines.append(f"    office: {_q(rng.choice(_OFFICES))}")
    start, end = span
    # Most dates are full days; some are known only to the month or the year.
    precision = rng.choices((3, 2, 1), weights=(6, 2, 1))[0]
    if precision == 1 and end.year == start.year:
        precision = 3
    lines.append(f"    start: {_date(start, precision)}")
    if not is_latest:
        lines.append(f"    end: {_date(end, precision)}")
    if rich and rng.random() < 0.4:
        lines.append(f"    caption: {_q(rng.choice(_CAPTIONS))}")
    if rng.random() < 0.5:
        body = rng.choice(_CSS_COLOURS) if rng.random() < 0.5 else _hex(rng)
        colors = [f"body: {_q(body)}"]
        if rich:
            colors.append(f"trim: {_q(rng.choice(('gold', _hex(rng))))}")
        lines.append("    colors: {" + ", ".join(colors) + "}")
    if kind == "person":
        face = [f"hair: {rng.choice(tuple(HAIR_STYLES))}"]
        if rng.random() < 0.7:
            face.append(f"hair_color: {rng.choice(tuple(HAIR_COLORS))}")
        for key, values, chance in (
            ("beard", BEARDS, 0.4),
            ("moustache", MOUSTACHES, 0.4),
            ("eyebrows", EYEBROWS, 0.3),
            ("glasses", GLASSES, 0.15),
            ("headwear", HEADWEAR, 0.15),
        ):
            if rng.random() < chance:
                face.append(f"{key}: {rng.choice(tuple(values))}")
        if rng.random() < 0.05:
            face.append("birthmark: true")
        if rng.random() < 0.5:
            face.append(f"skin: {rng.choice(tuple(SKIN_TONES))}")
        lines.append("    face: {" + ", ".join(face) + "}")
    emblems: list[str] = []
    if kind == "group" or rng.random() < 0.6:
        emblems.append(rng.choice(_PLAIN_EMBLEMS))
    if kind == "person" and rng.random() < 0.3:
        emblems.append(rng.choice(_DRESS))
    if rng.random() < 0.08:
        emblems.append("{text: " + _q(name.split()[0][:MAX_TEXT_EMBLEM].upper()) + "}")
    if emblems:
        lines.append("    emblems: [" + ", ".join(dict.fromkeys(emblems)) + "]")
    return lines


def _names(count: int, rng: random.Random) -> list[tuple[str, str | None, str]]:
    """Unique ``(name, native name, kind)`` in chronological order.

    Regnal numerals keep names (and so the ids the loader derives from them) unique.
    """
    seen: dict[str, int] = {}
    out: list[tuple[str, str | None, str]] = []
    for _ in range(count):
        if rng.random() < 0.04:
            base, kind = rng.choice(_GROUPS), "group"
        else:
            base, kind = rng.choice(_GIVEN), "person"
        seen[base] = seen.get(base, 0) + 1
        numeral = _roman(seen[base])
        name = f"{base} {numeral}"
        if kind == "person" and rng.random() < 0.15:
            name += " " + rng.choice(_EPITHETS)
        native = _NATIVE.get(base)
        out.append((name, f"{native} {numeral}" if native else None, kind))
    return out


def generate_sequence(dolls: int, seed: int = DEFAULT_SEED, seq_id: str | None = None) -> str:
    """The YAML text of a valid sequence of ``dolls`` dolls, outermost (latest) first.

    Dolls carry every optional field while the file stays well under the format's size
    limit; for the longest files, native names, captions and trim colours are left out so
    that even ``MAX_DOLLS`` dolls fit in ``MAX_FILE_BYTES``.

    Raises:
        ValueError: ``dolls`` is not between 1 and ``MAX_DOLLS``.
    """
    if not 1 <= dolls <= MAX_DOLLS:
        raise ValueError(f"dolls must be between 1 and {MAX_DOLLS}, got {dolls}")
    seq_id = seq_id or f"generated-{dolls}"
    for rich in (True, False):
        text = _render(dolls, seed, seq_id, rich)
        if len(text.encode("utf-8")) <= MAX_FILE_BYTES * 0.9:
            return text
    raise ValueError(f"{dolls} dolls do not fit in {MAX_FILE_BYTES} bytes")


def _render(dolls: int, seed: int, seq_id: str, rich: bool) -> str:
    rng = random.Random(seed * 1_000_003 + dolls)
    names = _names(dolls, rng)
    spans = _timeline(dolls, rng)
    lines = [
        f"format: {FORMAT_VERSION}",
        f"id: {seq_id}",
        f"title: {_q(f'A generated line of {dolls} rulers (seed {seed})')}",
        "description: " + _q("Generated for the benchmarks: a long, fictional line of succession."),
        "dolls:",
    ]
    # The file lists the outermost doll first: the latest ruler, back to the earliest.
    for index in range(dolls - 1, -1, -1):
        name, native, kind = names[index]
        lines += _doll_lines(index, name, native, kind, spans[index], index == dolls - 1, rng, rich)
    return "\n".join(lines) + "\n"


def write_sequence(
    dolls: int, out_dir: Path, seed: int = DEFAULT_SEED, seq_id: str | None = None
) -> Path:
    """Write ``<out_dir>/<id>.yaml`` atomically and return its path."""
    seq_id = seq_id or f"generated-{dolls}"
    text = generate_sequence(dolls, seed, seq_id)
    return write_text(out_dir / f"{seq_id}.yaml", text, make_folder=True)


_ENTITY = "http://www.wikidata.org/entity/Q"
_XSD = "http://www.w3.org/2001/XMLSchema#"


def generate_query_result(rows: int, seed: int = DEFAULT_SEED) -> str:
    """A Wikidata Query Service answer (SPARQL results JSON) of ``rows`` terms of office.

    The shape is the service's own for ``matryoshka import --query``: a binding per term,
    earliest first, dates as ``xsd:dateTime`` with their precision (mostly days, some
    months and years), some rulers holding office twice. For the import benchmark.
    """
    rng = random.Random(seed * 1_000_003 + rows)
    names = _names(rows, rng)
    spans = _timeline(rows, rng)
    variables = ["person", "personLabel", "start", "startPrecision", "end", "endPrecision"]
    variables += ["positionLabel", "nativeName"]
    bindings = []
    for index, ((name, native, _), (start, end)) in enumerate(zip(names, spans, strict=True)):
        if index and rng.random() < 0.05:  # a second term of the one before last
            name, native, _ = names[index - 2]
        precision = rng.choice((11, 11, 11, 11, 10, 9))
        binding = {
            "person": {"type": "uri", "value": f"{_ENTITY}{1000 + index}"},
            "personLabel": {"xml:lang": "en", "type": "literal", "value": name},
            "positionLabel": {"xml:lang": "en", "type": "literal", "value": "Generated ruler"},
        }
        terms = [("start", start)] + ([("end", end)] if index < rows - 1 else [])
        for variable, day in terms:
            padded = day.replace(day=1) if precision < 11 else day
            padded = padded.replace(month=1) if precision < 10 else padded
            binding[variable] = {
                "datatype": _XSD + "dateTime",
                "type": "literal",
                "value": f"{padded.isoformat()}T00:00:00Z",
            }
            binding[variable + "Precision"] = {
                "datatype": _XSD + "integer",
                "type": "literal",
                "value": str(precision),
            }
        if native:
            binding["nativeName"] = {"xml:lang": "ru", "type": "literal", "value": native}
        bindings.append(binding)
    answer = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return json.dumps(answer, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command line: ``generate.py --dolls N -o DIR [--seed S] [--id ID]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dolls", type=int, required=True, help=f"1 to {MAX_DOLLS}")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--id", dest="seq_id", help="sequence id (default generated-N)")
    args = parser.parse_args(argv)
    try:
        path = write_sequence(args.dolls, args.output, args.seed, args.seq_id)
    except (ValueError, OSError) as err:
        print(f"generate.py: error: {err}", file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
