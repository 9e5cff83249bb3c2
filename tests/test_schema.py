"""The shipped JSON Schema: in step with the models, and right about real files.

Set ``MATRYOSHKA_REGENERATE_SCHEMA=1`` to rewrite the shipped schema from the models
(or run ``python -m matryoshka.format.jsonschema``); the file is then checked as usual.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from matryoshka import paths
from matryoshka.format import model
from matryoshka.format.jsonschema import (
    DESCRIPTIONS,
    modeline,
    schema,
    schema_json,
    shipped_schema_path,
    write_schema,
)
from matryoshka.format.schema import ColorsFile, DollFile, FaceFile, SequenceFile, TextEmblemFile

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


def test_declares_draft_7_for_the_yaml_language_server() -> None:
    data = schema()
    assert data["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in json.dumps(data)


def test_modeline_points_at_an_existing_schema() -> None:
    line = modeline()
    assert line.startswith("# yaml-language-server: $schema=")
    target = line.split("=", 1)[1]
    if os.name != "nt":
        assert Path(target).is_absolute() and Path(target).is_file()


# --- The schema judges files the way the loader does ----------------------------------


def validate(instance: Any, node: dict[str, Any], root: dict[str, Any], where: str = "") -> list:
    """The draft 7 keywords the schema uses; returns the problems found."""
    if "$ref" in node:
        name = node["$ref"].removeprefix("#/definitions/")
        return validate(instance, root["definitions"][name], root, where)
    errors: list[str] = []
    kinds = {"string": str, "integer": int, "boolean": bool, "object": dict, "array": list}
    kind = node.get("type")
    if kind is not None:
        ok = isinstance(instance, kinds[kind])
        if kind == "integer" and isinstance(instance, bool):
            ok = False
        if not ok:
            return [f"{where}: expected {kind}"]
    if "const" in node and instance != node["const"]:
        errors.append(f"{where}: expected {node['const']}")
    if "enum" in node and instance not in node["enum"]:
        errors.append(f"{where}: {instance!r} not in enum")
    if isinstance(instance, str):
        if "pattern" in node and not re.search(node["pattern"], instance):
            errors.append(f"{where}: {instance!r} does not match")
        if len(instance) > node.get("maxLength", 10**9) or len(instance) < node.get("minLength", 0):
            errors.append(f"{where}: length")
    number = isinstance(instance, int) and not isinstance(instance, bool)
    if number and not node.get("minimum", -(10**9)) <= instance <= node.get("maximum", 10**9):
        errors.append(f"{where}: out of range")
    if "anyOf" in node:
        results = [validate(instance, option, root, where) for option in node["anyOf"]]
        if all(results):
            errors.append(f"{where}: matches no option")
    if "oneOf" in node:
        results = [validate(instance, option, root, where) for option in node["oneOf"]]
        if sum(not r for r in results) != 1:
            errors.append(f"{where}: must match exactly one option")
    if isinstance(instance, dict):
        props = node.get("properties", {})
        errors += [f"{where}.{k}: required" for k in node.get("required", []) if k not in instance]
        for key, value in instance.items():
            if key in props:
                errors += validate(value, props[key], root, f"{where}.{key}")
            elif node.get("additionalProperties") is False:
                errors.append(f"{where}.{key}: unknown key")
    if isinstance(instance, list):
        if len(instance) < node.get("minItems", 0):
            errors.append(f"{where}: too few items")
        for i, item in enumerate(instance):
            if "items" in node:
                errors += validate(item, node["items"], root, f"{where}[{i}]")
    return errors


def as_editor_reads(text: str) -> Any:
    """The document as a YAML 1.2 language server sees it: dates stay strings."""

    def plain(value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value

    return plain(yaml.safe_load(text))


SHIPPED_SEQUENCES = sorted(paths.shipped_sequences_dir().glob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED_SEQUENCES, ids=[p.stem for p in SHIPPED_SEQUENCES])
def test_shipped_sequences_satisfy_the_schema(path: Path) -> None:
    data = schema()
    assert validate(as_editor_reads(path.read_text(encoding="utf-8")), data, data) == []


GOOD = """
format: matryoshka/1
title: Test
dolls:
  - name: A
    start: 1917
    end: 1917-03
    kind: group
    colors: {body: "#b3261e", trim: gold}
    face: {hair: white, beard: full, birthmark: true, skin: "#aa8866"}
    emblems: [medals, {text: СССР}]
"""


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("title: Test", "titel: Test"), "unknown key"),
        (("name: A", "name: A\n    nmae: B"), "unknown key"),
        (("medals", "medal"), "exactly one"),
        (("end: 1917-03", "end: 1917-3"), "no option"),
        (("beard: full", "beard: long"), "not in enum"),
        (("matryoshka/1", "matryoshka/2"), "expected matryoshka/1"),
        (("kind: group", "kind: party"), "not in enum"),
        (("СССР", "ТОО ДЛИННЫЙ ТЕКСТ"), "exactly one"),
        (("title: Test", "title: ''"), "length"),
        (("birthmark: true", "birthmark: 1"), "expected boolean"),
    ],
)
def test_schema_refuses_what_the_loader_refuses(change: tuple[str, str], problem: str) -> None:
    data = schema()
    assert validate(as_editor_reads(GOOD), data, data) == []
    bad = GOOD.replace(*change)
    errors = validate(as_editor_reads(bad), data, data)
    assert any(problem in e for e in errors), errors


def test_the_starter_from_matryoshka_new_satisfies_the_schema(tmp_path: Path) -> None:
    from matryoshka.commands.new import starter_text

    data = schema()
    assert validate(as_editor_reads(starter_text(tmp_path / "s.yaml")), data, data) == []
