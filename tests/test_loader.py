"""The sequence format (matryoshka/1): one test per rule, with the exact located message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from matryoshka.errors import MatryoshkaError
from matryoshka.format import model
from matryoshka.format.loader import LoadResult, SequenceFile, load_sequence, load_sequence_text
from matryoshka.paths import shipped_sequences_dir

DATA = Path(__file__).parent / "data"
HEAD = "format: matryoshka/1\ntitle: T\ndolls:\n"
NAME = Path("seq.yaml")


def errors(text: str | bytes, path: Path = NAME) -> list[str]:
    """The diagnostics of a file that must fail, as printed."""
    with pytest.raises(MatryoshkaError) as info:
        load_sequence_text(text, path)
    return [str(d) for d in info.value.diagnostics]


def load(text: str | bytes, path: Path = NAME) -> LoadResult:
    return load_sequence_text(text, path)


# --- One rule, one bad file, the exact message -----------------------------------------

RULES = {
    "unknown top-level key": (
        HEAD + "  - name: A\ntitel: x\n",
        ["seq.yaml:5:1: error: unknown key 'titel'; did you mean 'title'?"],
    ),
    "unknown doll key, no close match": (
        HEAD + "  - name: A\n    wife: B\n",
        [
            "seq.yaml:5:5: error: dolls[0]: unknown key 'wife'; known keys: name, id, "
            "native_name, kind, office, start, end, caption, colors, face, emblems, portrait"
        ],
    ),
    "unknown colors key": (
        HEAD + "  - name: A\n    colors: {bodi: red}\n",
        ["seq.yaml:5:14: error: dolls[0].colors: unknown key 'bodi'; did you mean 'body'?"],
    ),
    "unknown face key": (
        HEAD + "  - name: A\n    face: {bread: full}\n",
        ["seq.yaml:5:12: error: dolls[0].face: unknown key 'bread'; did you mean 'beard'?"],
    ),
    "misspelt required key is one mistake": (
        HEAD + "  - nmae: A\n",
        ["seq.yaml:4:5: error: dolls[0]: unknown key 'nmae'; did you mean 'name'?"],
    ),
    "required keys missing": (
        "dolls:\n  - id: a\n",
        [
            "seq.yaml:1:1: error: missing required key 'format' "
            "(the first line is usually format: matryoshka/1)",
            "seq.yaml:1:1: error: missing required key 'title'",
            "seq.yaml:2:5: error: dolls[0]: missing required key 'name'",
        ],
    ),
    "unsupported format": (
        "format: matryoshka/2\ntitle: T\ndolls:\n  - name: A\n",
        [
            "seq.yaml:1:9: error: format: unsupported format 'matryoshka/2'; "
            "this version reads matryoshka/1"
        ],
    ),
    "name read as a bool": (
        HEAD + "  - name: no\n",
        [
            "seq.yaml:4:11: error: dolls[0].name: expected text, got no, "
            'which YAML reads as the yes/no value false: quote it, "no"'
        ],
    ),
    "name read as a number": (
        HEAD + "  - name: 1917\n",
        [
            "seq.yaml:4:11: error: dolls[0].name: expected text, got 1917, "
            'which YAML reads as a number: quote it, "1917"'
        ],
    ),
    "id read as a date": (
        HEAD + "  - name: A\n    id: 2024-01-02\n",
        [
            "seq.yaml:5:9: error: dolls[0].id: expected an id, got 2024-01-02, "
            'which YAML reads as a date: quote it, "2024-01-02"'
        ],
    ),
    "caption read as a bool": (
        HEAD + "  - name: A\n    caption: yes\n",
        [
            "seq.yaml:5:14: error: dolls[0].caption: expected text, got yes, "
            'which YAML reads as the yes/no value true: quote it, "yes"'
        ],
    ),
    "empty value": (
        HEAD + "  - name:\n",
        [
            "seq.yaml:4:10: error: dolls[0].name: expected text, got nothing; "
            "write a value or leave the key out"
        ],
    ),
    "id pattern": (
        HEAD + "  - name: A\n    id: Big One\n",
        [
            "seq.yaml:5:9: error: dolls[0].id: expected an id of lowercase letters, digits, "
            "'-' and '_' (such as market-1995), got 'Big One'"
        ],
    ),
    "five-digit year": (
        HEAD + "  - name: A\n    start: 19644\n",
        ["seq.yaml:5:12: error: dolls[0].start: expected YYYY, YYYY-MM or YYYY-MM-DD, got '19644'"],
    ),
    "month over 12": (
        HEAD + "  - name: A\n    start: 1964-13\n",
        ["seq.yaml:5:12: error: dolls[0].start: month 13 is not 1 to 12 in '1964-13'"],
    ),
    "invalid day (YAML itself fails on it)": (
        HEAD + "  - name: A\n    start: 1964-02-30\n",
        [
            "seq.yaml:5:12: error: dolls[0].start: no such day: '1964-02-30' "
            "(February 1964 has 29 days)"
        ],
    ),
    "date in words": (
        HEAD + "  - name: A\n    end: March 1917\n",
        [
            "seq.yaml:5:10: error: dolls[0].end: expected YYYY, YYYY-MM or YYYY-MM-DD, "
            "got 'March 1917'"
        ],
    ),
    "a huge number as a date": (
        HEAD + "  - name: A\n    start: " + "9" * 5000 + "\n",
        [
            "seq.yaml:5:12: error: dolls[0].start: expected YYYY, YYYY-MM or YYYY-MM-DD, "
            "got '999999999999999999999999999999999999999…'"
        ],
    ),
    "end before start": (
        HEAD + "  - name: A\n    start: 1924-01\n    end: 1917-11-08\n",
        ["seq.yaml:6:10: error: dolls[0].end: 1917-11-08 is before start 1924-01"],
    ),
    "duplicate key": (
        HEAD + "  - name: A\n    name: B\n",
        ["seq.yaml:5:5: error: dolls[0].name: duplicate key 'name' (first given on line 4)"],
    ),
    "anchors and aliases": (
        HEAD + "  - &first {name: A}\n  - *first\n",
        [
            "seq.yaml:4:5: error: anchor &first is not allowed: remove it",
            "seq.yaml:5:5: error: alias *first is not allowed: write the value out",
        ],
    ),
    "merge keys are just unknown keys": (
        HEAD + "  - name: A\n    <<: {id: b}\n",
        [
            "seq.yaml:5:5: error: dolls[0]: unknown key '<<'; known keys: name, id, native_name, "
            "kind, office, start, end, caption, colors, face, emblems, portrait"
        ],
    ),
    "python tag": (
        HEAD + "  - name: !!python/object/apply:os.getcwd []\n",
        [
            "seq.yaml:4:11: error: tag !!python/object/apply:os.getcwd is not allowed: "
            "sequence files use plain values"
        ],
    ),
    "local tag": (
        HEAD + "  - name: !shout A\n",
        ["seq.yaml:4:11: error: tag !shout is not allowed: sequence files use plain values"],
    ),
    "tagged key": (
        HEAD + "  - name: A\n    ? !!python/name:os.system\n    : 1\n",
        [
            "seq.yaml:5:7: error: tag !!python/name:os.system is not allowed: "
            "sequence files use plain values"
        ],
    ),
    "standard but unused tag": (
        HEAD + "  - name: A\n    emblems: !!set {cccp}\n",
        ["seq.yaml:5:14: error: tag !!set is not allowed: sequence files use plain values"],
    ),
    "tab in indentation": (
        HEAD + "  - name: A\n\t  id: a\n",
        ["seq.yaml:5:1: error: tab in indentation: YAML indents with spaces only"],
    ),
    "several documents": (
        HEAD + "  - name: A\n---\nformat: matryoshka/1\n",
        [
            "seq.yaml:5:1: error: a second YAML document starts here: "
            "a sequence file holds exactly one"
        ],
    ),
    "not UTF-8": (
        (HEAD + "  - name: Gen\xe8ve\n").encode("latin-1"),
        ["seq.yaml:4:14: error: not UTF-8 text: byte 0xe8 cannot be read; save the file as UTF-8"],
    ),
    "control character": (
        HEAD + "  - name: A\x07B\n",
        ["seq.yaml:4:12: error: character U+0007 is not allowed in a YAML file"],
    ),
    "YAML syntax": (
        HEAD + "  - name: A\n   id: b\n",
        [
            "seq.yaml:5:4: error: YAML syntax: did not find expected '-' indicator "
            "(while parsing a block collection)"
        ],
    ),
    "empty file": (
        "# only a comment\n",
        ["seq.yaml:1:1: error: the file is empty: a sequence needs format, title and dolls"],
    ),
    "top level is a list": (
        "- name: A\n",
        ["seq.yaml:1:1: error: expected a mapping of keys and values, got a list"],
    ),
    "no dolls": (
        "format: matryoshka/1\ntitle: T\ndolls: []\n",
        ["seq.yaml:3:8: error: dolls: at least one doll is needed"],
    ),
    "dolls not a list": (
        HEAD + "  name: A\n",
        [
            "seq.yaml:4:3: error: dolls: expected a list of dolls (each starting with '- '), "
            "got a mapping"
        ],
    ),
    "nested too deep": (
        HEAD + "  - name: A\n    caption: " + "[" * 40 + "]" * 40 + "\n",
        ["seq.yaml:5:43: error: nested more than 32 levels deep"],
    ),
    "caption over 300 characters": (
        HEAD + "  - name: A\n    caption: " + "x" * 301 + "\n",
        ["seq.yaml:5:14: error: dolls[0].caption: too long: 301 characters, at most 300 allowed"],
    ),
    "name over its limit": (
        HEAD + "  - name: " + "N" * 121 + "\n",
        ["seq.yaml:4:11: error: dolls[0].name: too long: 121 characters, at most 120 allowed"],
    ),
    "bad colour": (
        HEAD + '  - name: A\n    colors: {body: red, trim: "rgb(1,2,3)"}\n',
        [
            "seq.yaml:5:31: error: dolls[0].colors.trim: expected #rrggbb or a CSS colour name "
            "(such as gold or darkred), got 'rgb(1,2,3)'"
        ],
    ),
    "short hex colour": (
        HEAD + "  - name: A\n    colors: {apron: '#fff'}\n",
        [
            "seq.yaml:5:21: error: dolls[0].colors.apron: expected #rrggbb with six hex digits, "
            "got '#fff'"
        ],
    ),
    "unquoted # colour is a comment": (
        HEAD + "  - name: A\n    colors:\n      body: #b3261e\n",
        [
            "seq.yaml:6:12: error: dolls[0].colors.body: expected #rrggbb or a CSS colour name, "
            'got nothing; an unquoted # starts a comment: write "#b3261e"'
        ],
    ),
    "unknown face value": (
        HEAD + "  - name: A\n    face: {beard: curly}\n",
        [
            "seq.yaml:5:19: error: dolls[0].face.beard: unknown beard 'curly'; "
            f"known: {', '.join(model.BEARDS)}"
        ],
    ),
    "unknown hair": (
        HEAD + "  - name: A\n    face: {hair: purple}\n",
        [
            "seq.yaml:5:18: error: dolls[0].face.hair: unknown hair style 'purple'; known: "
            f"{', '.join(model.HAIR_STYLES)} (or a colour for thick hair: "
            f"{', '.join(model.HAIR_COLORS)})"
        ],
    ),
    "hair colour twice": (
        HEAD + "  - name: A\n    face: {hair: white, hair_color: grey}\n",
        [
            "seq.yaml:5:18: error: dolls[0].face.hair: 'white' is a colour and hair_color is "
            f"given too; give hair a style: {', '.join(model.HAIR_STYLES)}"
        ],
    ),
    "birthmark tagged as a bool but not one": (
        HEAD + "  - name: A\n    face: {birthmark: !!bool maybe}\n",
        [
            "seq.yaml:5:23: error: dolls[0].face.birthmark: expected true or false, "
            "got maybe (which YAML reads as a yes/no value)"
        ],
    ),
    "birthmark is yes or no": (
        HEAD + "  - name: A\n    face: {birthmark: maybe}\n",
        ["seq.yaml:5:23: error: dolls[0].face.birthmark: expected true or false, got 'maybe'"],
    ),
    "unknown kind": (
        HEAD + "  - name: A\n    kind: party\n",
        ["seq.yaml:5:11: error: dolls[0].kind: unknown kind 'party'; known: person, group"],
    ),
    "unknown emblem": (
        HEAD + "  - name: A\n    emblems: [cccp, sickle]\n",
        [
            "seq.yaml:5:21: error: dolls[0].emblems[1]: unknown emblem 'sickle' (did you "
            f"mean hammer-and-sickle?); known: {', '.join(model.EMBLEMS)} (or {{text: ...}} "
            "for painted text, {flag: [...]} for a flag, {image: ...} for an image of your own)"
        ],
    ),
    "text emblem too long": (
        HEAD + "  - name: A\n    emblems: [{text: Социализм-2000}]\n",
        [
            "seq.yaml:5:22: error: dolls[0].emblems[0].text: too long: 14 characters, "
            "at most 12 allowed"
        ],
    ),
    "text emblem with a wrong key": (
        HEAD + "  - name: A\n    emblems: [{txt: СССР}]\n",
        ["seq.yaml:5:16: error: dolls[0].emblems[0]: unknown key 'txt'; did you mean 'text'?"],
    ),
    "emblems not a list": (
        HEAD + "  - name: A\n    emblems: cccp\n",
        ["seq.yaml:5:14: error: dolls[0].emblems: expected a list, got 'cccp'"],
    ),
    "duplicate doll id": (
        HEAD + "  - name: A\n    id: a\n  - name: B\n    id: a\n",
        ["seq.yaml:7:9: error: dolls[1].id: duplicate doll id 'a', also dolls[0]"],
    ),
    "duplicate id given after one made from a name": (
        HEAD + "  - name: A\n    id: b\n  - name: B\n  - name: C\n    id: b\n",
        ["seq.yaml:8:9: error: dolls[2].id: duplicate doll id 'b', also dolls[0]"],
    ),
    "absolute portrait": (
        HEAD + "  - name: A\n    portrait: /etc/passwd\n",
        [
            "seq.yaml:5:15: error: dolls[0].portrait: must be a path relative to the sequence "
            "file's folder, got '/etc/passwd'"
        ],
    ),
    "portrait escaping the folder": (
        HEAD + "  - name: A\n    portrait: pics/../../secret.png\n",
        [
            "seq.yaml:5:15: error: dolls[0].portrait: must stay inside the sequence file's "
            "folder, got 'pics/../../secret.png'"
        ],
    ),
}


@pytest.mark.parametrize("text, expected", list(RULES.values()), ids=list(RULES))
def test_rule(text: str | bytes, expected: list[str]) -> None:
    assert errors(text) == expected


@pytest.mark.parametrize(
    ("key", "value", "known"),
    [
        ("headwear", "sombrero", model.HEADWEAR),
        ("shape", "triangular", model.FACE_SHAPES),
        ("age", "ancient", model.AGES),
        ("expression", "wink", model.EXPRESSIONS),
        ("nose", "roman", model.NOSES),
        ("ears", "pointed", model.EARS),
    ],
)
def test_an_unknown_face_word_is_located_and_lists_the_known_ones(
    key: str, value: str, known: dict[str, str]
) -> None:
    text = HEAD + f"  - name: A\n    face: {{{key}: {value}}}\n"
    column = len(f"    face: {{{key}: ") + 1
    assert errors(text) == [
        f"seq.yaml:5:{column}: error: dolls[0].face.{key}: unknown "
        f"{'face shape' if key == 'shape' else key} '{value}'; known: {', '.join(known)}"
    ]


def test_an_eye_colour_is_a_word_or_hex() -> None:
    seq = load(HEAD + '  - name: A\n    face: {eyes: "#102030"}\n').sequence
    assert seq.dolls[0].face.eyes == (0x10, 0x20, 0x30)
    assert (
        "unknown eye colour 'violet'" in errors(HEAD + "  - name: A\n    face: {eyes: violet}\n")[0]
    )


def test_file_over_the_size_limit() -> None:
    text = HEAD + "  - name: A\n" + "# padding\n" * (model.MAX_FILE_BYTES // 10)
    assert errors(text) == ["seq.yaml:1:1: error: file is too large: over 1024 KiB "
                            "(1048576 bytes) is not accepted"]  # fmt: skip


def test_more_dolls_than_the_limit() -> None:
    dolls = "".join(f"  - {{name: D{i}}}\n" for i in range(model.MAX_DOLLS + 1))
    assert errors(HEAD + dolls) == ["seq.yaml:4:3: error: dolls: 5001 dolls: at most 5000 allowed"]


def test_a_python_tag_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = HEAD + (
        f"  - name: !!python/object/apply:os.system ['touch {marker}']\n"
        f"    caption: !!python/object/new:pathlib.Path ['{marker}']\n"
        f"    office: !!python/name:os.system\n"
    )
    found = errors(text)
    assert len(found) == 3 and all("is not allowed" in line for line in found)
    assert not marker.exists()


def test_five_mistakes_give_five_located_errors() -> None:
    path = DATA / "five-mistakes.yaml"
    found = errors(path.read_bytes(), path)
    assert [line.removeprefix(f"{path}:") for line in found] == [
        "6:12: error: dolls[0].start: expected YYYY, YYYY-MM or YYYY-MM-DD, got '19911'",
        "7:36: error: dolls[0].emblems[1]: unknown emblem 'sickle' (did you "
        f"mean hammer-and-sickle?); known: {', '.join(model.EMBLEMS)} (or {{text: ...}} "
        "for painted text, {flag: [...]} for a flag, {image: ...} for an image of your own)",
        "8:11: error: dolls[1].name: expected text, got no, which YAML reads as the yes/no "
        'value false: quote it, "no"',
        "9:10: error: dolls[1].end: no such day: '1964-02-30' (February 1964 has 29 days)",
        "11:5: error: dolls[2]: unknown key 'capton'; did you mean 'caption'?",
    ]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(MatryoshkaError) as info:
        load_sequence(tmp_path / "nope.yaml")
    assert [str(d) for d in info.value.diagnostics] == [
        f"{tmp_path / 'nope.yaml'}: error: no such file"
    ]
    with pytest.raises(MatryoshkaError) as info:
        load_sequence(tmp_path)
    assert str(info.value) == f"{tmp_path}: error: is a folder, not a sequence file"


# --- Good files ------------------------------------------------------------------------


def test_every_field() -> None:
    result = load_sequence(DATA / "every-field.yaml")
    seq = result.sequence
    assert result.warnings == []
    assert (seq.id, seq.title, seq.source, seq.compare_with) == (
        "every-field",
        "Every field of the format",
        "Written for the test suite",
        "soviet-chronology",
    )
    assert seq.description == "A multi-line description.\nIt keeps its line breaks."
    assert seq.path == DATA / "every-field.yaml"
    lenin, group, caesar, numeric = seq.dolls
    assert lenin == model.Doll(
        name="Vladimir Lenin",
        id="lenin",
        kind="person",
        native_name="Владимир Ленин",
        office="Chairman, Council of People's Commissars",
        start=model.PartialDate(1917, 11, 8),
        end=model.PartialDate(1924, 1, 21),
        caption="Quoted caption: with a colon, and a # that is not a comment.",
        colors=model.Colors(
            body=(0x9C, 0x1F, 0x2E), trim=(255, 215, 0), apron=(0xF8, 0xEF, 0xDC), scarf=(139, 0, 0)
        ),
        face=model.Face(
            hair="receding",
            hair_color=(0xA0, 0x52, 0x2D),
            beard="goatee",
            moustache="thin",
            eyebrows="heavy",
            glasses="round",
            birthmark=False,
            skin=model.SKIN_TONES["light"],
            shape="square",
            age="lined",
            expression="stern",
            eyes=(0x6B, 0x4F, 0x2A),
            nose="button",
            ears="large",
            headwear="peaked-cap",
        ),
        emblems=("suit", "red-star", model.TextEmblem("СССР")),
        portrait=(DATA / "portraits" / "lenin.png").resolve(),
    )
    assert group.kind == "group" and group.id == "left-opposition"
    assert group.colors == model.DEFAULT_PALETTE[1]  # no colours: the palette, by position
    assert group.years() == "1923–1928"
    assert (caesar.start, caesar.end) == (model.PartialDate(-49), model.PartialDate(-44, 3))
    assert caesar.face.hair == "thick" and caesar.face.hair_color == model.HAIR_COLORS["grey"]
    assert caesar.face.headwear == "laurel-wreath" and caesar.emblems == ("toga",)
    assert caesar.face.eyes == model.EYE_COLORS["brown"] and caesar.face.nose == "normal"
    assert group.emblems == (
        "hammer-and-sickle",
        model.FlagEmblem(
            stripes=((255, 0, 0), (255, 255, 255)),
            layout="vertical",
            canton=(0, 0, 128),
            disc=(255, 204, 0),
            cross=(0, 0, 0),
            cross_edge=(255, 255, 255),
            triangle=(0, 128, 0),
            emblem="star",
            emblem_color=(255, 255, 255),
        ),
        model.ImageEmblem((DATA / "emblems" / "party.svg").resolve()),
    )
    assert caesar.portrait == (DATA / "portraits" / "lenin.png").resolve()
    assert caesar.portrait_framing == model.Framing((0.5, 0.3), 2.0, "posterised")
    assert lenin.portrait_framing == model.Framing()
    assert (numeric.name, numeric.id) == ("1917", "1917")


def test_bom_crlf_and_unicode_names() -> None:
    text = (
        "\ufeffformat: matryoshka/1\r\ntitle: Цари и генсеки\r\ndolls:\r\n"
        "  - name: Никита Хрущёв\r\n    start: 1953-09-14\r\n"
        "  - name: 毛泽东\r\n    native_name: Mao Zedong\r\n"
    )
    seq = load(text.encode("utf-8"), Path("крест.yaml")).sequence
    assert seq.title == "Цари и генсеки"
    assert [d.id for d in seq.dolls] == ["nikita-khrushchev", "mao-ze-dong"]
    assert seq.dolls[0].start == model.PartialDate(1953, 9, 14)
    assert seq.id == "krest"  # from the file name, made into an id


def test_positions_count_characters_after_a_bom_and_crlf() -> None:
    text = "\ufeffformat: matryoshka/1\r\ntitle: Т\r\ndolls:\r\n  - {name: Ёж, start: 19644}\r\n"
    assert errors(text.encode("utf-8")) == [
        "seq.yaml:4:23: error: dolls[0].start: expected YYYY, YYYY-MM or YYYY-MM-DD, got '19644'"
    ]


def test_defaults() -> None:
    seq = load(HEAD + "  - name: Tsar Nicholas II\n", Path("some/dir/my-set.yml")).sequence
    doll = seq.dolls[0]
    assert seq.id == "my-set"
    assert (doll.id, doll.kind, doll.face, doll.emblems) == (
        "tsar-nicholas-ii", "person", model.Face(), ()
    )  # fmt: skip
    assert doll.colors == model.DEFAULT_PALETTE[0]


def test_colors_left_out_come_from_the_palette_by_position() -> None:
    dolls = "".join(f"  - name: D{i}\n" for i in range(len(model.DEFAULT_PALETTE) + 1))
    dolls += "    colors: {trim: white}\n"
    seq = load(HEAD + dolls).sequence
    last = seq.dolls[-1].colors
    assert last == model.Colors(
        body=model.DEFAULT_PALETTE[0].body,
        trim=(255, 255, 255),
        apron=model.DEFAULT_PALETTE[0].apron,
        scarf=model.DEFAULT_PALETTE[0].scarf,
    )


@pytest.mark.parametrize(
    "start, end",
    [("1917", "1917-03"), ("1917-03-15", "1917-03"), ("-44", "-44"), ("1917-11", "1918")],
)
def test_end_equal_to_start_at_shared_precision(start: str, end: str) -> None:
    load(HEAD + f"  - name: A\n    start: {start}\n    end: {end}\n")


def test_quoted_values_are_text() -> None:
    seq = load(HEAD + '  - name: "no"\n    id: "2024-01-02"\n    caption: \'1917\'\n').sequence
    assert (seq.dolls[0].name, seq.dolls[0].id, seq.dolls[0].caption) == (
        "no", "2024-01-02", "1917"
    )  # fmt: skip


def test_vocabulary_is_read_from_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "BEARDS", (*model.BEARDS, "forked"))
    monkeypatch.setattr(model, "EMBLEMS", {**model.EMBLEMS, "anchor": "a ship's anchor"})
    doll = load(HEAD + "  - name: A\n    face: {beard: forked}\n    emblems: [anchor]\n")
    assert doll.sequence.dolls[0].face.beard == "forked"
    assert doll.sequence.dolls[0].emblems == ("anchor",)


# --- Portraits -------------------------------------------------------------------------


def _portrait_file(tmp_path: Path, portrait: str) -> Path:
    path = tmp_path / "set.yaml"
    path.write_text(HEAD + f"  - name: A\n    portrait: {portrait}\n", encoding="utf-8")
    return path


def test_good_portrait(tmp_path: Path) -> None:
    (tmp_path / "faces").mkdir()
    Image.new("RGB", (8, 8), "red").save(tmp_path / "faces" / "a.webp")
    result = load_sequence(_portrait_file(tmp_path, "faces/a.webp"))
    assert result.warnings == []
    assert result.sequence.dolls[0].portrait == (tmp_path / "faces" / "a.webp").resolve()


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("missing.png", None, "no such file"),
        ("notes.png", b"just text", "not a PNG, JPEG, GIF or WebP image"),
        ("face.bmp", "BMP", "not a PNG, JPEG, GIF or WebP image"),
        ("cut.png", "TRUNCATED", "damaged image (OSError)"),
        ("huge.png", "HUGE", "5000x5000 pixels is too large"),
    ],
)
def test_bad_portrait_is_a_warning(
    tmp_path: Path, name: str, content: bytes | str | None, reason: str
) -> None:
    target = tmp_path / name
    if content == "BMP":
        Image.new("RGB", (8, 8)).save(target, format="BMP")
    elif content == "TRUNCATED":
        Image.effect_noise((64, 64), 50).convert("RGB").save(target, format="PNG")
        target.write_bytes(target.read_bytes()[:200])
    elif content == "HUGE":
        Image.new("1", (5000, 5000)).save(target, format="PNG")
    elif isinstance(content, bytes):
        target.write_bytes(content)
    path = _portrait_file(tmp_path, name)
    result = load_sequence(path)
    assert result.sequence.dolls[0].portrait is None
    assert [str(w) for w in result.warnings] == [
        f"{path}:5:15: warning: dolls[0].portrait: cannot use '{name}': {reason}; "
        "the painted face is shown instead"
    ]


def test_portrait_through_a_link_out_of_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside.png"
    Image.new("RGB", (4, 4)).save(outside)
    (tmp_path / "set").mkdir()
    (tmp_path / "set" / "face.png").symlink_to(outside)
    path = tmp_path / "set" / "set.yaml"
    path.write_text(HEAD + "  - name: A\n    portrait: face.png\n", encoding="utf-8")
    with pytest.raises(MatryoshkaError) as info:
        load_sequence(path)
    assert str(info.value) == (
        f"{path}:5:15: error: dolls[0].portrait: 'face.png' leads outside the sequence "
        "file's folder"
    )


# --- The shipped sequences -------------------------------------------------------------

SHIPPED = {
    "market-1995": [
        "yeltsin", "gorbachev", "brezhnev", "khrushchev", "stalin", "lenin", "nicholas-ii",
    ],
    "trotsky-inside-lenin": [
        "yeltsin", "gorbachev", "brezhnev", "khrushchev", "stalin", "lenin", "trotsky",
    ],
    "lenin-at-centre": [
        "russian-socialist-movement", "vpered", "fourth-international", "left-opposition",
        "trotsky", "lenin",
    ],
    "soviet-chronology": [
        "putin-2", "medvedev", "putin", "yeltsin", "gorbachev", "chernenko", "andropov",
        "brezhnev", "khrushchev", "malenkov", "stalin", "lenin", "kerensky", "lvov",
        "nicholas-ii",
    ],
}  # fmt: skip


@pytest.mark.parametrize("seq_id", list(SHIPPED))
def test_shipped_sequence(seq_id: str) -> None:
    result = load_sequence(shipped_sequences_dir() / f"{seq_id}.yaml")
    seq = result.sequence
    assert result.warnings == []
    assert seq.id == seq_id
    assert [d.id for d in seq.dolls] == SHIPPED[seq_id]
    assert seq.compare_with == (None if seq_id == "soviet-chronology" else "soviet-chronology")
    assert seq.description and seq.source
    written = yaml.safe_load(seq.path.read_text(encoding="utf-8"))["dolls"]
    for doll, raw in zip(seq.dolls, written, strict=True):
        assert doll.native_name and doll.office and doll.start and doll.caption, doll.id
        assert doll.emblems and "colors" in raw, doll.id
        assert ("face" in raw) == (doll.kind == "person"), doll.id  # groups show emblems
    # every doll of a set is painted differently
    assert len({d.colors.body for d in seq.dolls}) == len(seq.dolls)


def test_shipped_dates_agree_across_files() -> None:
    seen: dict[str, tuple[object, ...]] = {}
    for seq_id in SHIPPED:
        for doll in load_sequence(shipped_sequences_dir() / f"{seq_id}.yaml").sequence.dolls:
            facts = (doll.name, doll.native_name, doll.kind, doll.start, doll.end, doll.office)
            assert seen.setdefault(doll.id, facts) == facts, doll.id


def test_shipped_painted_attributes() -> None:
    market = {d.id: d for d in load_sequence(shipped_sequences_dir() / "market-1995.yaml")
              .sequence.dolls}  # fmt: skip
    assert "double-headed-eagle" in market["yeltsin"].emblems
    assert market["yeltsin"].face.hair_color == model.HAIR_COLORS["white"]
    assert "cccp" in market["gorbachev"].emblems and market["gorbachev"].face.birthmark
    assert "medals" in market["brezhnev"].emblems and market["brezhnev"].face.eyebrows == "heavy"
    assert "corn" in market["khrushchev"].emblems and market["khrushchev"].face.hair == "bald"
    assert "military-tunic" in market["stalin"].emblems
    assert market["stalin"].face.moustache == "thick"
    assert "suit" in market["lenin"].emblems and market["lenin"].face.beard == "goatee"
    assert "crown" in market["nicholas-ii"].emblems
    assert market["nicholas-ii"].face.beard == "full"
    trotsky = load_sequence(shipped_sequences_dir() / "trotsky-inside-lenin.yaml").sequence
    face = trotsky.doll("trotsky").face
    assert (face.hair, face.beard, face.glasses) == ("wild", "goatee", "round")


# --- No unsafe YAML anywhere -----------------------------------------------------------


def test_no_unsafe_yaml_loading_in_the_package() -> None:
    package = Path(__file__).resolve().parent.parent / "matryoshka"
    unsafe = re.compile(
        r"yaml\.(load|load_all|unsafe_load\w*|full_load\w*)\(|(Full|Unsafe)Loader|yaml\.Loader\b"
    )
    offenders = [
        f"{path}:{number}"
        for path in package.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if unsafe.search(line)
    ]
    assert offenders == []


def test_models_validate_plain_data_too() -> None:
    data = {
        "format": "matryoshka/1",
        "title": "Plain",
        "dolls": [
            {"name": "A", "start": 1917, "end": "1924-01", "face": {"birthmark": True}},
            {"name": "B", "colors": {"body": "#000000"}, "emblems": ["cccp", {"text": "X"}]},
        ],
    }
    parsed = SequenceFile.model_validate(data)
    assert parsed.dolls[0].start == model.PartialDate(1917)
    assert parsed.dolls[0].end == model.PartialDate(1924, 1)
    assert parsed.dolls[1].colors is not None and parsed.dolls[1].colors.body == (0, 0, 0)
    with pytest.raises(ValueError, match="expected text, got the number 5"):
        SequenceFile.model_validate({**data, "title": 5})


def test_json_schema_is_generated() -> None:
    schema = SequenceFile.model_json_schema()
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"format", "title", "dolls"}
    doll = schema["$defs"]["DollFile"]
    assert doll["additionalProperties"] is False
    assert set(doll["properties"]) == {
        "name", "id", "native_name", "kind", "office", "start", "end", "caption", "colors",
        "face", "emblems", "portrait",
    }  # fmt: skip


# --- Property: anything either loads or raises MatryoshkaError ------------------------

_SHIPPED_TEXTS = [
    p.read_text(encoding="utf-8") for p in sorted(shipped_sequences_dir().glob("*.yaml"))
]
_KEYS = ["format", "title", "dolls", "name", "id", "start", "end", "colors", "face",
         "emblems", "portrait", "text", "hair", "body", "caption", "kind"]  # fmt: skip
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True),
    st.dates(),
    st.text(max_size=30),
    st.sampled_from(["matryoshka/1", "no", "1964-02-30", "19644", "-44", "#b3261e", "gold",
                     "white", "cccp", "../x.png", "/etc/passwd", "portraits/a.png"]),
)  # fmt: skip
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(_KEYS) | st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=25,
)
_SNIPPETS = ["\t", "&a ", "*a", "!!python/name:os.system ", "---\n", "\ufeff", "\x00", "#",
             ": ", "- ", "{", "]", "'", '"', "\r\n", "\n  ", "? ", "|\n", "é", "!x "]  # fmt: skip


@st.composite
def _mutated_shipped(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(_SHIPPED_TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "duplicate-line"]))
        if action == "insert":
            piece = draw(st.sampled_from(_SNIPPETS) | st.text(max_size=5))
            text = text[:at] + piece + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif action == "replace":
            text = text[:at] + draw(st.text(min_size=1, max_size=3)) + text[at + 1 :]
        else:
            lines = text.split("\n")
            index = at % len(lines)
            lines.insert(index, lines[index])
            text = "\n".join(lines)
    return text


_DOCUMENTS = st.one_of(
    _mutated_shipped(),
    _VALUES.map(lambda v: yaml.safe_dump(v, allow_unicode=True)),
    _VALUES.map(lambda v: yaml.safe_dump({"format": "matryoshka/1", "title": "T", "dolls": v})),
    st.text(max_size=200),
    st.binary(max_size=200),
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCUMENTS)
def test_any_text_loads_or_raises_matryoshka_error(text: str | bytes) -> None:
    path = shipped_sequences_dir() / "fuzzed.yaml"
    try:
        result = load_sequence_text(text, path)
    except MatryoshkaError as err:
        assert err.diagnostics
        assert all(d.file == str(path) for d in err.diagnostics)
        assert any(d.severity == "error" for d in err.diagnostics)
    else:
        assert isinstance(result.sequence, model.Sequence)
        assert 1 <= len(result.sequence.dolls) <= model.MAX_DOLLS


ROME = """\
format: matryoshka/1
id: rome
title: The first emperors
dolls:
  - name: Tiberius
    start: 14-09-18
    end: 37-03-16
  - name: Augustus
    start: -26-01-16
    end: 14-08-19
  - name: Julius Caesar
    start: -48
    end: -43-03-15
"""


def test_years_bce_are_written_from_zero_and_shown_as_historians_write_them() -> None:
    tiberius, augustus, caesar = load_sequence_text(ROME, Path("rome.yaml")).sequence.dolls
    # -43 is 44 BCE (0 is 1 BCE): the README's rule.
    assert caesar.years() == "49–44 BCE"
    assert augustus.years() == "27 BCE–14 CE"
    assert tiberius.years() == "14–37"
    assert model.PartialDate(0).display_year() == "1 BCE"
    assert model.PartialDate(1).display_year() == "1"
    # No year zero goes missing or is counted twice: 27 BCE to 14 CE is 40 years.
    assert augustus.tenure_years() == pytest.approx(40.6, abs=0.05)
    assert caesar.end is not None and augustus.start is not None
    assert caesar.end.compare(augustus.start) < 0
    assert model.PartialDate(-1).compare(model.PartialDate(0)) < 0


def test_headwear_on_a_group_is_a_located_warning(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(
        HEAD
        + "  - name: The Party\n    kind: group\n    face: {headwear: royal-crown}\n"
        + "  - name: A\n    face: {headwear: royal-crown}\n",
        encoding="utf-8",
    )
    result = load_sequence(path)
    assert [str(w) for w in result.warnings] == [
        f"{path}:6:22: warning: dolls[0].face.headwear: a group has no head to wear it "
        "(its emblem takes the face); not painted"
    ]
