"""``matryoshka new FILE [--force]``: write a commented starter sequence.

The starter is a real, valid sequence (three German chancellors) with every field of the
format explained in YAML comments, so a user can edit it into their own set and get
located errors from ``matryoshka validate`` at every step. Its first line points editors
with a YAML language server at the shipped JSON Schema.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from matryoshka.atomic import WriteError, write_text
from matryoshka.errors import MatryoshkaError
from matryoshka.format import model

YAML_SUFFIXES = (".yaml", ".yml")


def run(args: argparse.Namespace) -> int:
    """Write the starter file; 0 on success (errors raise MatryoshkaError)."""
    path: Path = args.file
    write_new_file(path, starter_text(path), force=bool(args.force))
    print(f"wrote {path}: edit it, then run: matryoshka validate {path}")
    schema = copy_schema_beside(path)
    if schema is not None:
        print(f"wrote {schema}: editors check the file with it")
    if path.suffix.lower() not in YAML_SUFFIXES:
        print(
            f"{path}: warning: sequence folders only pick up .yaml and .yml files",
            file=sys.stderr,
        )
    return 0


def copy_schema_beside(path: Path) -> Path | None:
    """Put the format's JSON Schema next to ``path``, where the file's first line points.

    Returns the schema's path when it was written; None when an identical copy is there
    already, or when it cannot be written (the sequence file is still good: a warning).
    """
    from matryoshka.format.jsonschema import SCHEMA_FILE_NAME, schema_json

    target = path.parent / SCHEMA_FILE_NAME
    text = schema_json()
    try:
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            return None
        return write_text(target, text)
    except (OSError, UnicodeDecodeError, WriteError) as err:
        print(f"{target}: warning: the schema for editors was not copied: {err}", file=sys.stderr)
        return None


def default_id(path: Path) -> str:
    """The id a sequence file gets from its name, as the loader derives it."""
    stem = path.name
    for suffix in YAML_SUFFIXES:
        stem = stem.removesuffix(suffix)
    if model.ID_PATTERN.match(stem) and len(stem) <= model.MAX_ID:
        return stem
    return model.slugify(stem)


def starter_text(path: Path) -> str:
    """The commented starter sequence for a file at ``path``."""
    # (the schema's module builds the pydantic models: only ``new`` needs it, not
    # ``import``, which shares this module's file writing)
    from matryoshka.format.jsonschema import modeline

    hair = _wrapped(", ".join(model.HAIR_STYLES), "    #     ", 88)
    colors = ", ".join(model.HAIR_COLORS)
    return _STARTER.format(
        modeline=modeline(),
        format=model.FORMAT_VERSION,
        id=default_id(path),
        file=path.name,
        max_caption=model.MAX_CAPTION,
        hair=hair,
        hair_colors=colors,
        beards=_wrapped(", ".join(model.BEARDS), "    #     ", 88),
        moustaches=", ".join(model.MOUSTACHES),
        eyebrows=", ".join(model.EYEBROWS),
        glasses=", ".join(model.GLASSES),
        skins=", ".join(model.SKIN_TONES),
        emblems=_wrapped(", ".join(model.EMBLEMS), "    #   "),
        shapes=", ".join(model.FACE_SHAPES),
        ages=", ".join(model.AGES),
        expressions=", ".join(model.EXPRESSIONS),
        eyes=", ".join(model.EYE_COLORS),
        noses=", ".join(model.NOSES),
        ears=", ".join(model.EARS),
        headwear=_wrapped(", ".join(model.HEADWEAR), "    #     ", 88),
        dress=_wrapped(", ".join(model.DRESS), "    #   "),
        flag_layouts=" or ".join(model.FLAG_LAYOUTS),
        portrait_styles=", ".join(model.PORTRAIT_STYLES),
        max_zoom=f"{model.MAX_PORTRAIT_ZOOM:g}",
    )


def write_new_file(path: Path, text: str, *, force: bool) -> None:
    """Write ``text`` to ``path`` atomically; without ``force`` never replace a file.

    The text goes to a temporary file in the same folder first, so a reader never sees
    half a file. Without ``force`` the temporary file is hard-linked into place, which
    fails if ``path`` exists even when it appears between the check and the write.

    Raises:
        MatryoshkaError: ``path`` exists (without ``force``), is a folder, or cannot be
            written; the message is one line naming the file.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise MatryoshkaError.at(path, "is a folder; give a file name such as my-rulers.yaml")
    if path.exists() and not force:
        raise MatryoshkaError.at(path, "already exists; use --force to replace it")
    if not folder.is_dir():
        raise MatryoshkaError.at(path, f"cannot write: no folder {folder}")
    try:
        write_text(path, text, overwrite=force)
    except WriteError as err:
        if err.exists:
            raise MatryoshkaError.at(path, "already exists; use --force to replace it") from None
        raise MatryoshkaError.at(path, f"cannot write: {err.reason.lower()}") from None


def _wrapped(text: str, prefix: str, width: int = 88) -> str:
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and len(prefix) + len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return f"\n{prefix}".join(lines)


_STARTER = """\
{modeline}
#
# A matryoshka sequence: one set of nested dolls, written by hand.
#   matryoshka validate {file}   checks it and points at any mistake (file:line:col)
#   matryoshka view {file}       opens it in the window
#   matryoshka check {file}      compares it with its reference (see compare_with)
# The line above lets editors with a YAML language server complete and check the fields
# (with the schema matryoshka new put beside this file); the %YAML 1.1 line below makes
# them read yes, no and dates the way matryoshka does.
#
# Quote any text that YAML would read as something else: a name such as "1917", "no" or
# "2024-01-02" must be written in quotes. A colour starting with # must be quoted too,
# because an unquoted # starts a comment.

%YAML 1.1
---
# Required: the version of this format.
format: {format}

# Optional: the name used on the command line and by compare_with: lowercase letters,
# digits, - and _. Default: the file name without .yaml.
id: {id}

# Required: shown on the sequence's tab and in `matryoshka list`.
title: German chancellors, 1982–2021

# Optional: a paragraph about the set, shown one click away in the window.
description: >-
  Three chancellors of the Federal Republic of Germany, the latest outermost: an
  example to replace with your own line of succession.

# Optional: where the set or its facts come from.
source: Example written by matryoshka new

# Optional: the id of a reference sequence, a file of the same format that lists every
# figure of the line in order (outermost = latest). Then `matryoshka check {file}`
# names the figures this set skips, the dolls the reference does not know and any doll
# nested out of order. Dolls are matched to the reference by id.
# compare_with: german-chancellors

# Required, at least one doll: OUTERMOST FIRST, so the core (the earliest) comes last.
dolls:
  # Required: the name shown.
  - name: Angela Merkel
    # Optional: unique in this file, and what the reference is matched on. Default: the
    # name in lowercase ASCII with dashes, from any script; a person in office twice is
    # two dolls, and the second gets -2 (angela-merkel, angela-merkel-2).
    id: merkel
    # Optional: person (the default) or group, an organisation painted with an emblem
    # instead of a face.
    kind: person
    # Optional: the name in its own script, any script, such as Борис Ельцин.
    # native_name: Angela Merkel
    # Optional: the office held.
    office: Chancellor of Germany
    # Optional: YYYY, YYYY-MM or YYYY-MM-DD (years BCE count back from 0 = 1 BCE, so
    # 44 BCE is -43). Leave `end` out while the figure is still in office.
    start: 2005-11-22
    end: 2021-12-08
    # Optional: a sentence about the figure, {max_caption} characters at most.
    caption: The first woman to lead a German government.
    # Optional: body, trim, apron and scarf colours, each #rrggbb or a CSS colour name;
    # any left out come from the default palette.
    colors: {{body: "#1f3a5f", trim: gold, apron: ivory, scarf: "#3a6ea5"}}
    # Optional painted features of the face:
    #   hair: {hair}
    #     (or a colour word for thick hair of that colour)
    #   hair_color: {hair_colors} or #rrggbb
    #   beard: {beards}
    #   moustache: {moustaches}
    #   eyebrows: {eyebrows}
    #   glasses: {glasses}
    #   birthmark: true or false
    #   skin: {skins} or #rrggbb
    #   shape: {shapes}
    #   age: {ages}
    #   expression: {expressions}
    #   eyes: {eyes} or #rrggbb
    #   nose: {noses}
    #   ears: {ears}
    #   headwear, worn on the head over the scarf:
    #     {headwear}
    face: {{hair: short, hair_color: blond}}
    # Optional painted symbols and dress, any of:
    #   {emblems}
    # or {{text: ...}} for up to 12 letters across the belly;
    # or a flag by its colours: {{flag: [black, red, gold]}} lists the stripes from the
    #   top; layout: {flag_layouts}; canton, disc, cross (Nordic), cross_edge, triangle:
    #   a colour each; emblem: a symbol above, painted in emblem_color if given. Japan is
    #   {{flag: [white], disc: crimson}}, France {{flag: [navy, white, red], layout: vertical}};
    # or {{image: emblems/party.svg}}: a PNG, JPEG, GIF, WebP or SVG of your own beside
    #   this file.
    # Dress is painted instead of the apron, cut from the body colour:
    #   {dress}
    emblems: [{{text: CDU}}]
    # Optional: a PNG, JPEG, GIF or WebP image, in this file's folder or below it, that
    # replaces the painted face. To choose what shows, write it as
    #   {{file: portraits/merkel.png, center: [0.5, 0.35], zoom: 2, style: outlined}}
    # center: the point of the picture in the middle of the face (fractions of its width
    # and height, 0 to 1); zoom: 1 shows all the face can hold, 2 half (1 to {max_zoom});
    # style: {portrait_styles}.
    # portrait: portraits/merkel.png

  - name: Gerhard Schröder
    id: schroder
    office: Chancellor of Germany
    start: 1998-10-27
    end: 2005-11-22
    caption: Led a coalition of the Social Democrats and the Greens.
    colors: {{body: darkred, trim: gold}}
    face: {{hair: short, hair_color: dark}}
    emblems: [{{text: SPD}}]

  # The core: the earliest figure, the last doll opened.
  - name: Helmut Kohl
    id: kohl
    office: Chancellor of Germany
    start: 1982-10-01
    end: 1998-10-27
    caption: Chancellor when East and West Germany were reunited in 1990.
    colors: {{body: "#2f5d3a", trim: gold}}
    face: {{hair: short, hair_color: grey}}
    emblems: [{{text: CDU}}]
"""
