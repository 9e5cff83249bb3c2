"""The shipped JSON Schema: in step with the models, and right about real files.

Set ``MATRYOSHKA_REGENERATE_SCHEMA=1`` to rewrite the shipped schema from the models
(or run ``python -m matryoshka.format.jsonschema``); the file is then checked as usual.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from matryoshka import paths
from matryoshka.errors import MatryoshkaError
from matryoshka.format import model
from matryoshka.format.jsonschema import (
    DESCRIPTIONS,
    SCHEMA_FILE_NAME,
    modeline,
    schema,
    schema_json,
    shipped_schema_path,
    write_schema,
)
from matryoshka.format.loader import load_sequence_text
from matryoshka.format.schema import (
    ColorsFile,
    DollFile,
    FaceFile,
    FlagEmblemFile,
    ImageEmblemFile,
    PortraitFile,
    SequenceFile,
    TextEmblemFile,
)

SHIPPED = shipped_schema_path()


def test_shipped_schema_equals_the_one_generated_from_the_models() -> None:
    if os.environ.get("MATRYOSHKA_REGENERATE_SCHEMA") == "1":
        write_schema()
    assert SHIPPED.is_file(), "run: python -m matryoshka.format.jsonschema"
    assert SHIPPED.read_text(encoding="utf-8") == schema_json(), (
        "assets/schema is out of date with matryoshka/schema.py: "
        "run python -m matryoshka.format.jsonschema (or MATRYOSHKA_REGENERATE_SCHEMA=1 pytest)"
    )


def test_shipped_schema_is_package_data() -> None:
    assert SHIPPED.parent.parent == paths.assets_dir()
    assert SHIPPED.name == "matryoshka-1.schema.json"


def test_every_field_of_every_model_has_help_text() -> None:
    models = [SequenceFile, DollFile, ColorsFile, FaceFile, TextEmblemFile]
    models += [FlagEmblemFile, ImageEmblemFile, PortraitFile]
    for cls in models:
        assert set(cls.model_fields) == set(DESCRIPTIONS[cls.__name__]), cls.__name__


def test_every_property_has_a_type_so_editors_can_check_it() -> None:
    data = schema()
    typed = {"type", "$ref", "anyOf", "oneOf", "enum", "const"}
    for name, body in [("root", data), *data["definitions"].items()]:
        for field, prop in body["properties"].items():
            assert typed & set(prop), f"{name}.{field} has no type"
            assert "null" not in json.dumps(prop), f"{name}.{field} allows null"


def test_vocabulary_comes_from_the_model() -> None:
    defs = schema()["definitions"]
    face = defs["FaceFile"]["properties"]
    assert face["beard"]["enum"] == list(model.BEARDS)
    assert face["glasses"]["enum"] == list(model.GLASSES)
    assert set(model.HAIR_STYLES) <= set(face["hair"]["enum"])
    names = defs["DollFile"]["properties"]["emblems"]["items"]["oneOf"][0]
    assert names["enum"] == list(model.EMBLEMS)
    assert names["enumDescriptions"] == list(model.EMBLEMS.values())


def test_every_face_word_has_a_description_and_every_face_key_an_example() -> None:
    face = schema()["definitions"]["FaceFile"]["properties"]
    for field, words in model.vocabulary().items():
        if not field.startswith("face."):
            continue
        prop = face[field.removeprefix("face.")]
        enum = prop.get("enum") or next(o["enum"] for o in prop["anyOf"] if "enum" in o)
        assert set(words) <= set(enum), field
        described = dict(zip(enum, prop["enumDescriptions"], strict=True))
        assert all(described[w] and described[w] != w for w in words), field
        # The example is a valid value an editor can offer.
        assert prop["examples"] and prop["examples"][0] in enum, field
    assert (
        face["headwear"]["enumDescriptions"][face["headwear"]["enum"].index("nemes")]
        == (model.HEADWEAR["nemes"])
    )


def test_declares_draft_7_for_the_yaml_language_server() -> None:
    data = schema()
    assert data["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in json.dumps(data)


def test_modeline_points_at_the_schema_beside_the_file() -> None:
    # Relative: it resolves on any machine, where the schema is copied beside the file.
    assert modeline() == f"# yaml-language-server: $schema={SCHEMA_FILE_NAME}"


# --- The schema judges files the way the loader does ----------------------------------


class _EditorLoader(yaml.SafeLoader):
    """YAML 1.1 as the language server reads it under a ``%YAML 1.1`` directive: yes/no
    are booleans, numbers are numbers; dates stay text (JSON has none)."""


_EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def as_editor_reads(text: str) -> Any:
    return yaml.load(text, Loader=_EditorLoader)


def editor_errors(text: str) -> list[str]:
    validator = jsonschema.Draft7Validator(schema())
    return [error.message for error in validator.iter_errors(as_editor_reads(text))]


def program_errors(text: str) -> list[str]:
    try:
        load_sequence_text(text, Path("case.yaml"))
    except MatryoshkaError as err:
        return [str(d) for d in err.diagnostics]
    return []


SHIPPED_SEQUENCES = sorted(paths.shipped_sequences_dir().glob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED_SEQUENCES, ids=[p.stem for p in SHIPPED_SEQUENCES])
def test_shipped_sequences_satisfy_the_schema(path: Path) -> None:
    assert editor_errors(path.read_text(encoding="utf-8")) == []


GOOD = """%YAML 1.1
---
format: matryoshka/1
title: Test
dolls:
  - name: A
    start: 1917
    end: 1917-03
    kind: group
    caption: Painted with medals.
    colors: {body: "#b3261e", trim: gold}
    face: {hair: white, beard: full, birthmark: true, skin: "#aa8866"}
    emblems: [medals, {text: СССР}, {image: emblems/party.svg}]
    portrait: {file: portraits/a.png, center: [0.5, 0.3], zoom: 2, style: outlined}
  - name: B
    emblems:
      - {flag: [navy, white, red], layout: vertical, canton: navy, emblem: star,
         emblem_color: white}
"""

#: One field changed at a time: (what is replaced, by what). The editor's schema and the
#: program must both accept or both refuse each.
CASES = [
    ("name: A", "name: no"),
    ("name: A", "name: 'no'"),
    ("name: A", "name: 1917"),
    ("name: A", "name: '1917'"),
    ("end: 1917-03", "end: 1964-02-30"),
    ("end: 1917-03", "end: 1964-02-29"),
    ("end: 1917-03", "end: 1900-02-29"),
    ("end: 1917-03", "end: '1998-13'"),
    ("end: 1917-03", "end: 1917-04-31"),
    ("end: 1917-03", "end: 1917-3"),
    ("end: 1917-03", "end: '١٩١٧'"),
    ("start: 1917", "start: -44"),
    ("caption: Painted with medals.", "caption: ' '"),
    ("caption: Painted with medals.", 'caption: "two\\nlines"'),
    ("caption: Painted with medals.", 'caption: "bell\\a"'),
    ("trim: gold", "trim: Gold"),
    ("trim: gold", "trim: ' ivory'"),
    ("trim: gold", "trim: ivory"),
    ("trim: gold", 'trim: "#ABCDEF"'),
    ("trim: gold", 'trim: "#abcde"'),
    ("birthmark: true", "birthmark: yes"),
    ("birthmark: true", "birthmark: 1"),
    ("beard: full", "beard: long"),
    ("kind: group", "kind: party"),
    ("title: Test", "titel: Test"),
    ("matryoshka/1", "matryoshka/2"),
    ("medals", "medal"),
    ("СССР", "ТОО ДЛИННЫЙ ТЕКСТ"),
    ("layout: vertical", "layout: diagonal"),
    ("[navy, white, red]", "[]"),
    ("[navy, white, red]", "[navy, whit, red]"),
    ("[navy, white, red]", "navy"),
    ("[navy, white, red]", "[" + ", ".join(["red", "white"] * 8) + "]"),
    ("canton: navy", "canton: Navy"),
    ("canton: navy", "disc: crimson"),
    ("canton: navy", "cross: '#ffcc00'"),
    ("canton: navy", "triangle: navy"),
    ("canton: navy", "cross_edge: white"),
    ("canton: navy", "cross_edge: [white]"),
    ("canton: navy", "stripes: 3"),
    ("emblem: star", "emblem: suit"),
    ("emblem: star", "emblem: starr"),
    ("emblem: star", "emblem: ashoka-chakra"),
    ("emblem_color: white", "emblem_colour: white"),
    ("{image: emblems/party.svg}", "{image: emblems/party.png}"),
    ("{image: emblems/party.svg}", "{image: emblems/party.txt}"),
    ("{image: emblems/party.svg}", "{image: 12}"),
    ("center: [0.5, 0.3]", "center: [1.5, 0.3]"),
    ("center: [0.5, 0.3]", "center: [0.5, -0.1]"),
    ("center: [0.5, 0.3]", "center: [0.5]"),
    ("center: [0.5, 0.3]", "center: [0, 1]"),
    ("center: [0.5, 0.3]", "center: middle"),
    ("zoom: 2", "zoom: 0.5"),
    ("zoom: 2", "zoom: 1"),
    ("zoom: 2", "zoom: 50"),
    ("zoom: 2", "zoom: two"),
    ("zoom: 2", "zoom: 2.5"),
    ("style: outlined", "style: posterised"),
    ("style: outlined", "style: cartoon"),
    ("style: outlined", "styel: outlined"),
    ("file: portraits/a.png, ", ""),
]


def test_the_good_case_is_good_for_both() -> None:
    assert editor_errors(GOOD) == [] and program_errors(GOOD) == []


@pytest.mark.parametrize(("old", "new"), CASES, ids=[new for _, new in CASES])
def test_the_editor_and_the_program_agree_on_each_field(old: str, new: str) -> None:
    text = GOOD.replace(old, new, 1)
    assert text != GOOD
    editor, program = editor_errors(text), program_errors(text)
    assert bool(editor) == bool(program), (editor, program)


def test_the_starter_from_matryoshka_new_satisfies_the_schema(tmp_path: Path) -> None:
    from matryoshka.commands.new import starter_text

    assert editor_errors(starter_text(tmp_path / "s.yaml")) == []
