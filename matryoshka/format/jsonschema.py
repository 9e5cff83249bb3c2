"""The JSON Schema of the sequence format, for editors with a YAML language server.

The schema is generated from the pydantic models that check sequence files
(:class:`matryoshka.format.schema.SequenceFile`), so the vocabulary of faces and emblems, the
limits and the unknown-key rule come from the same place the loader uses. This module
then makes it pleasant in an editor: every field gets a description shown on hover,
``null`` alternatives that the loader would refuse are removed, and a snippet for a new
doll is offered in ``dolls:``.

The shipped copy lives in ``assets/schema/matryoshka-1.schema.json``; a test checks that it
equals :func:`schema_json`. After changing the models, regenerate it with::

    python -m matryoshka.format.jsonschema

The YAML language server reads JSON Schema draft 7, so the schema declares draft 7 and
keeps its shared parts under ``definitions``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from matryoshka import paths
from matryoshka.atomic import write_text
from matryoshka.format import model
from matryoshka.format.schema import SequenceFile

SCHEMA_FILE_NAME = "matryoshka-1.schema.json"
DRAFT = "http://json-schema.org/draft-07/schema#"

_DATE_HELP = (
    "YYYY, YYYY-MM or YYYY-MM-DD (such as 1917, 1917-03 or 1917-03-15). Years BCE count back "
    "from 0, which is 1 BCE: 44 BCE is -43."
)

#: Hover text for every field, by the model that holds it. A test checks that every field
#: of the models is described here, so a new field cannot ship without help text.
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "SequenceFile": {
        "format": f"The format of this file: always {model.FORMAT_VERSION}.",
        "id": "Short name used on the command line and by compare_with: lowercase letters, "
        "digits, '-' and '_'. Default: the file name without .yaml.",
        "title": "The title shown on the sequence's tab and in `matryoshka list`.",
        "description": "A paragraph about the set, shown one click away in the window.",
        "source": "Where the set or its facts come from (a citation).",
        "compare_with": "The id of a reference sequence: every figure of the line, in order. "
        "`matryoshka check` lists whom this set skips, adds or nests out of order.",
        "dolls": "The dolls, OUTERMOST FIRST: the first is opened first, the last is the core.",
    },
    "DollFile": {
        "name": "The figure's name as it is shown (quote names YAML would read as a number, "
        "a date or yes/no).",
        "id": "Unique in this file (a rule across dolls, which `matryoshka validate` checks); "
        "matched against the reference by `matryoshka check`. Default: the name "
        "transliterated into lowercase ASCII with dashes, in any script; the same name again "
        "gets -2, -3.",
        "native_name": "The name in its own script, such as Борис Ельцин.",
        "kind": "person (the default) or group: an organisation, painted with an emblem "
        "instead of a face.",
        "office": "The office held, such as President of the Russian Federation.",
        "start": "When the term began: " + _DATE_HELP,
        "end": "When the term ended: " + _DATE_HELP + " Leave it out while still in office. "
        "Not before start: a rule across two fields, which `matryoshka validate` checks.",
        "caption": f"A sentence about this doll (at most {model.MAX_CAPTION} characters).",
        "colors": "Paint colours; any left out come from the default palette.",
        "face": "Painted features of the face.",
        "emblems": "Painted symbols and dress, such as medals or suit; {text: СССР} for "
        "painted text; {flag: [...]} for a flag; {image: ...} for an image of your own.",
        "portrait": "An image (PNG, JPEG, GIF or WebP) that replaces the painted face; a "
        "path relative to this file's folder, or {file: ..., center: [x, y], zoom: ..., "
        "style: ...} to frame it.",
    },
    "ColorsFile": {
        "body": "The main colour of the doll: #rrggbb or a CSS colour name.",
        "trim": "The colour of the borders and ornaments: #rrggbb or a CSS colour name.",
        "apron": "The colour of the apron on the belly: #rrggbb or a CSS colour name.",
        "scarf": "The colour of the headscarf around the face: #rrggbb or a CSS colour name.",
    },
    "FaceFile": {
        "hair": "Hair style, or a colour word for thick hair of that colour.",
        "hair_color": "Colour of hair, beard and moustache: a colour word or #rrggbb.",
        "beard": "Beard style.",
        "moustache": "Moustache style.",
        "eyebrows": "Eyebrows.",
        "glasses": "Glasses.",
        "birthmark": "true paints a birthmark on the forehead.",
        "skin": "Skin tone: a tone word or #rrggbb.",
        "shape": "The shape of the face.",
        "age": "How lined the face is.",
        "expression": "The mouth and brows: calm, smiling or stern.",
        "eyes": "Eye colour: a colour word or #rrggbb.",
        "nose": "The shape of the nose.",
        "ears": "The size of the ears.",
        "headwear": "What is worn on the head (crowns, hats, helmets, veils), painted over "
        "the headscarf.",
    },
    "TextEmblemFile": {
        "text": f"Short text painted across the belly (at most {model.MAX_TEXT_EMBLEM} "
        "characters), in a colour that stands out from what it is painted on.",
    },
    "FlagEmblemFile": {
        "flag": f"The stripes' colours, 1 to {model.MAX_FLAG_STRIPES}, from the top (or "
        "from the pole): #rrggbb or a CSS colour name each.",
        "layout": "horizontal (the default: stripes from top to bottom) or vertical "
        "(stripes from the pole outwards).",
        "canton": "The colour of a rectangle in the upper corner by the pole, over the "
        "stripes (as in the flag of the United States).",
        "disc": "The colour of a disc in the middle (as in the flag of Japan).",
        "cross": "The colour of a Nordic cross, its upright nearer the pole.",
        "cross_edge": "The colour of a border round the Nordic cross (as in the flag of Norway).",
        "triangle": "The colour of a triangle from the pole (as in the flag of Czechia).",
        "emblem": "A symbol painted on the flag: in the canton if there is one, else in "
        "the triangle, else in the middle. Any emblem word except dress.",
        "emblem_color": "Paints the symbol in this one colour (as a silhouette); without "
        "it the symbol keeps its own colours.",
    },
    "ImageEmblemFile": {
        "image": "An image of your own painted on the apron: a PNG, JPEG, GIF, WebP or SVG "
        "file, as a path relative to this file's folder and inside it.",
    },
    "PortraitFile": {
        "file": "The image (PNG, JPEG, GIF or WebP): a path relative to this file's folder.",
        "center": "The point of the image put in the middle of the face, as fractions of "
        "its width and height from the top left, each 0 to 1. Default: "
        f"{list(model.DEFAULT_PORTRAIT_CENTER)}, the upper centre, where a "
        "head-and-shoulders photograph has its face.",
        "zoom": f"1 shows as much of the image as the face can hold, 2 half of that; "
        f"1 to {model.MAX_PORTRAIT_ZOOM:g}. Default: {model.DEFAULT_PORTRAIT_ZOOM:g}.",
        "style": "photo (the default), posterised (a few flat colours, like paint) or "
        "outlined (flat colours with dark painted outlines).",
    },
}

#: An example for each field of the flag, image and framed portrait forms, shown in
#: editors beside the description.
_EXAMPLES: dict[tuple[str, str], list[Any]] = {
    ("FlagEmblemFile", "flag"): [["navy", "white", "red"], ["white"]],
    ("FlagEmblemFile", "layout"): ["vertical"],
    ("FlagEmblemFile", "canton"): ["navy"],
    ("FlagEmblemFile", "disc"): ["crimson"],
    ("FlagEmblemFile", "cross"): ["gold"],
    ("FlagEmblemFile", "cross_edge"): ["white"],
    ("FlagEmblemFile", "triangle"): ["navy"],
    ("FlagEmblemFile", "emblem"): ["stars", "ashoka-chakra"],
    ("FlagEmblemFile", "emblem_color"): ["white"],
    ("ImageEmblemFile", "image"): ["emblems/party.svg"],
    ("PortraitFile", "file"): ["portraits/lincoln.png"],
    ("PortraitFile", "center"): [[0.5, 0.3]],
    ("PortraitFile", "zoom"): [2.0],
    ("PortraitFile", "style"): ["posterised"],
    ("DollFile", "portrait"): [
        "portraits/lincoln.png",
        {"file": "portraits/lincoln.png", "center": [0.5, 0.3], "zoom": 2, "style": "outlined"},
    ],
}

#: Title and hover text of each model as a whole.
_MODELS: dict[str, tuple[str, str]] = {
    "SequenceFile": (
        "matryoshka/1 sequence",
        "One set of nested dolls. Unknown keys are errors at every level.",
    ),
    "DollFile": ("Doll", "One figure of the set."),
    "ColorsFile": ("Colours", "Paint colours of a doll: #rrggbb or a CSS colour name each."),
    "FaceFile": ("Face", "Painted features of a person's face."),
    "TextEmblemFile": ("Painted text", "Short text painted across the belly, such as СССР."),
    "FlagEmblemFile": (
        "Flag",
        "A flag painted on the apron, given by its stripes and layout, such as "
        "{flag: [navy, white, red], layout: vertical} for France or "
        "{flag: [white], disc: crimson} for Japan.",
    ),
    "ImageEmblemFile": (
        "Image emblem",
        "An image file beside this one painted on the apron, such as {image: emblems/party.svg}.",
    ),
    "PortraitFile": (
        "Framed portrait",
        "A portrait with its framing: which part of the image shows in the face, and how "
        "it is painted.",
    ),
}

# Fields whose validator is a plain function, so pydantic cannot tell their JSON type.
_TYPES: dict[tuple[str, str], dict[str, Any]] = {("FaceFile", "birthmark"): {"type": "boolean"}}

#: The words of each face field with what each paints, and an example value.
_FACE_WORDS: dict[str, tuple[Callable[[], Mapping[str, object]], str]] = {
    "hair": (
        lambda: {**model.HAIR_STYLES, **_colour_words(model.HAIR_COLORS, "thick hair")},
        "side-parting",
    ),
    "hair_color": (lambda: _colour_words(model.HAIR_COLORS, "hair"), "grey"),
    "beard": (lambda: model.BEARDS, "mutton-chops"),
    "moustache": (lambda: model.MOUSTACHES, "handlebar"),
    "eyebrows": (lambda: model.EYEBROWS, "heavy"),
    "glasses": (lambda: model.GLASSES, "round"),
    "skin": (lambda: _colour_words(model.SKIN_TONES, "skin"), "medium"),
    "shape": (lambda: model.FACE_SHAPES, "round"),
    "age": (lambda: model.AGES, "lined"),
    "expression": (lambda: model.EXPRESSIONS, "smile"),
    "eyes": (lambda: _colour_words(model.EYE_COLORS, "eyes"), "blue"),
    "nose": (lambda: model.NOSES, "hooked"),
    "ears": (lambda: model.EARS, "large"),
    "headwear": (lambda: model.HEADWEAR, "bicorne"),
}


def _colour_words(words: Mapping[str, object], what: str) -> dict[str, str]:
    return {word: f"{word} {what}" for word in words}


def _describe_words(face: dict[str, Any]) -> None:
    """Give every word of the face's fields its description and each field an example."""
    for field, (words, example) in _FACE_WORDS.items():
        prop = face["properties"].get(field)
        if prop is None:
            continue
        known = words()
        enum = prop.get("enum") or next(
            (o["enum"] for o in prop.get("anyOf", []) if "enum" in o), None
        )
        if enum is not None:
            prop["enumDescriptions"] = [str(known.get(word, word)) for word in enum]
        prop["examples"] = [example]


_DOLL_SNIPPET = {
    "label": "New doll",
    "description": "A doll with a name, an office and the dates of the term",
    "body": {"name": "$1", "office": "$2", "start": "$3", "end": "$4", "caption": "$5"},
}


def schema() -> dict[str, Any]:
    """The JSON Schema of a sequence file, as a JSON-ready dict."""
    raw = SequenceFile.model_json_schema(ref_template="#/definitions/{model}")
    definitions: dict[str, Any] = raw.pop("$defs", {})
    definitions = {name: _tidy_model(name, body) for name, body in definitions.items()}
    root = _tidy_model("SequenceFile", raw)
    root["properties"]["dolls"]["defaultSnippets"] = [_DOLL_SNIPPET]
    # Editors show enumDescriptions next to each completion.
    names = definitions["DollFile"]["properties"]["emblems"]["items"]["oneOf"][0]
    names["description"] = "A painted symbol or piece of dress."
    names["enumDescriptions"] = [model.EMBLEMS[name] for name in names["enum"]]
    _describe_words(definitions["FaceFile"])
    return {"$schema": DRAFT, **root, "definitions": dict(sorted(definitions.items()))}


def schema_json() -> str:
    """:func:`schema` as the text of the shipped file (stable, so it can be compared)."""
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"


def shipped_schema_path() -> Path:
    """Where the shipped schema is: ``assets/schema/matryoshka-1.schema.json``."""
    return paths.assets_dir() / "schema" / SCHEMA_FILE_NAME


def modeline() -> str:
    """The comment that points a YAML language server at the schema beside the file.

    Relative, so it resolves on any machine: ``matryoshka new`` copies the schema next to
    the file it writes (a shared folder carries it along).
    """
    return f"# yaml-language-server: $schema={SCHEMA_FILE_NAME}"


def write_schema(path: Path | None = None) -> Path:
    """Write :func:`schema_json` to ``path`` (default: the shipped file), atomically."""
    target = path or shipped_schema_path()
    # Shipped with the program: readable by everyone.
    return write_text(target, schema_json(), mode=0o644, make_folder=True)


def _tidy_model(name: str, body: dict[str, Any]) -> dict[str, Any]:
    help_texts = DESCRIPTIONS.get(name, {})
    properties = {}
    for field, prop in body.get("properties", {}).items():
        prop = _without_null(prop)
        prop.pop("title", None)
        prop.update(_TYPES.get((name, field), {}))
        if field in help_texts:
            prop["description"] = help_texts[field]
        if (name, field) in _EXAMPLES:
            prop["examples"] = _EXAMPLES[(name, field)]
        properties[field] = prop
    title, description = _MODELS.get(name, (name, body.get("description", "")))
    # Title and description first: they are what a reader of the file looks for.
    tidy: dict[str, Any] = {"title": title, "description": description}
    tidy.update(
        (key, value)
        for key, value in body.items()
        if key not in ("properties", "title", "description")
    )
    if properties:
        tidy["properties"] = properties
    return tidy


def _without_null(prop: dict[str, Any]) -> dict[str, Any]:
    """Drop ``anyOf: [X, null]`` and ``default: null``: the loader refuses an empty value."""
    prop = dict(prop)
    options = prop.get("anyOf")
    if isinstance(options, list) and {"type": "null"} in options:
        rest = [o for o in options if o != {"type": "null"}]
        del prop["anyOf"]
        if len(rest) == 1:
            prop = {**rest[0], **prop}
        else:
            prop["anyOf"] = rest
    if prop.get("default", 0) is None:
        del prop["default"]
    return prop


def main(argv: list[str] | None = None) -> int:
    """``python -m matryoshka.format.jsonschema [PATH]``: regenerate the schema file."""
    args = sys.argv[1:] if argv is None else argv
    target = write_schema(Path(args[0]) if args else None)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
