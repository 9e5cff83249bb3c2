"""Read a sequence file (``matryoshka/1``) into a :class:`matryoshka.format.model.Sequence`.

The file is parsed by a safe YAML loader that keeps the position of every node, refuses
anchors, aliases, duplicate keys and non-standard tags (nothing is ever constructed from a
tag, so nothing is ever executed), and keeps each scalar's text as written. The values are
then checked by the pydantic models in :mod:`matryoshka.format.schema`; every pydantic error is
mapped back to the line and column of the node it is about. A few rules that span several
fields (``end`` before ``start``, doll ids unique in the file, portraits) are checked here.

Every problem in a file is reported, not only the first: :class:`MatryoshkaError` carries
one :class:`Diagnostic` per problem, sorted by position, printed as
``file:line:col: error: dolls[3].start: expected YYYY, YYYY-MM or YYYY-MM-DD, got '19644'``.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from PIL import Image
from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from matryoshka.errors import Diagnostic, MatryoshkaError, read_file
from matryoshka.format import model
from matryoshka.format.pydantic_errors import report_pydantic
from matryoshka.format.report import KeyPath, Report, at
from matryoshka.format.schema import (
    DollFile,
    FaceFile,
    FlagEmblemFile,
    ImageEmblemFile,
    PortraitFile,
    Scalar,
    SequenceFile,
    TextEmblemFile,
    check_id,
    check_image_emblem,
    check_portrait,
    hex_rgb,
    parse_date,
    show,
    text_check,
)
from matryoshka.format.yamltree import PositionLoader, decode, parse, scan_characters
from matryoshka.records import Record

__all__ = ["LoadResult", "SequenceFile", "load_sequence", "load_sequence_text"]


class LoadResult(Record):
    """A loaded sequence and the warnings about it (such as a portrait that fell back)."""

    sequence: model.Sequence
    warnings: list[Diagnostic]


def load_sequence(path: Path) -> LoadResult:
    """Load and check one sequence file.

    Args:
        path: the YAML file. Portraits are resolved relative to its folder.

    Returns:
        The sequence and any warnings.

    Raises:
        MatryoshkaError: the file cannot be read or has mistakes; one diagnostic per problem.
    """
    path = Path(path)
    data = read_file(path, model.MAX_FILE_BYTES + 1, "is a folder, not a sequence file")
    return load_sequence_text(data, path)


def load_sequence_text(text: str | bytes, path: Path) -> LoadResult:
    """Load and check a sequence from its text.

    Args:
        text: the file's contents (bytes are decoded as UTF-8; a BOM is skipped).
        path: where the text came from: named in messages, and the folder of portraits.

    Raises:
        MatryoshkaError: the text has mistakes; one diagnostic per problem.
    """
    path = Path(path)
    file = str(path)
    size = len(text) if isinstance(text, bytes) else len(text.encode("utf-8", "surrogatepass"))
    if size > model.MAX_FILE_BYTES:
        raise MatryoshkaError.at(
            file,
            f"file is too large: over {model.MAX_FILE_BYTES // 1024} KiB "
            f"({model.MAX_FILE_BYTES} bytes) is not accepted",
            1,
            1,
        )
    if isinstance(text, bytes):
        text = decode(text, file)
    text = text.removeprefix("\ufeff")

    report = Report(file)
    scan_characters(text, report)
    if report.errors:
        raise MatryoshkaError(report.sorted())
    tree = parse(text, report)
    if tree is None:
        raise MatryoshkaError(report.sorted())
    raw = tree.root

    parsed: SequenceFile | None = None
    try:
        parsed = SequenceFile.model_validate(raw)
    except ValidationError as err:
        report_pydantic(err.errors(include_url=False), raw, tree, report)
    ids, portraits = _check_dolls(raw, parsed, tree, report, path)

    if report.errors or parsed is None:
        raise MatryoshkaError(report.sorted())
    sequence = _build(parsed, path, ids, portraits)
    _check_fonts(sequence, tree, report)
    return LoadResult(sequence, report.sorted())


def _check_fonts(sequence: model.Sequence, tree: PositionLoader, report: Report) -> None:
    """Warn, once per script, where the file first has text no font here can draw."""
    from matryoshka.stage.scripts import drawn_texts, missing_font_message, missing_scripts

    told: set[str] = set()
    for where, value in drawn_texts(sequence):
        if value.isascii():
            continue
        new = [script for script in missing_scripts(value) if script not in told]
        if new:
            told.update(new)
            report.warning(tree.at(where), at(where, missing_font_message(new)))


# --- Rules across fields ---------------------------------------------------------------


def _quiet(check: Any, value: Any) -> Any:
    """A field check's result, or None when the field is wrong (already reported)."""
    try:
        return check(value)
    except PydanticCustomError:
        return None


def _check_dolls(
    raw: Any, parsed: SequenceFile | None, tree: PositionLoader, report: Report, path: Path
) -> tuple[dict[int, str], dict[Any, Path | None]]:
    """Unique ids, end not before start, hair shorthand, portraits.

    Reads the validated ``parsed`` file when there is one, else the raw values (so these
    rules are checked, and reported with the rest, even in a file with other mistakes).

    Returns:
        The doll ids (given or made from the name), and the usable images: portraits by
        doll index, image emblems by (doll index, emblem index).
    """
    ids: dict[int, str] = {}
    portraits: dict[Any, Path | None] = {}
    dolls = raw.get("dolls") if isinstance(raw, dict) else None
    if not isinstance(dolls, list):
        return ids, portraits
    name_text = text_check(model.MAX_NAME)
    given: dict[int, str | None] = {}
    for index, doll in enumerate(dolls):
        if isinstance(doll, dict) and "id" in doll:
            good = parsed.dolls[index] if parsed is not None else None
            given[index] = good.id if good is not None else _quiet(check_id, doll["id"])
    # ids made from names never take one that is given, nor one made before them
    maker = model.IdMaker(doll_id for doll_id in given.values() if doll_id is not None)
    seen: dict[str, int] = {}
    for index, doll in enumerate(dolls):
        if not isinstance(doll, dict):
            continue
        here: KeyPath = ("dolls", index)
        good = parsed.dolls[index] if parsed is not None else None
        # ids: given, or made from the name
        doll_id: str | None
        if index in given:
            doll_id = given[index]
            if doll_id is not None and doll_id in seen:
                where = (*here, "id")
                report.error(
                    tree.at(where),
                    at(where, f"duplicate doll id '{doll_id}', also dolls[{seen[doll_id]}]"),
                )
            elif doll_id is not None:
                seen[doll_id] = index
        elif good is not None:
            doll_id = maker.make(good.name)
        else:
            name = _quiet(name_text, doll["name"]) if "name" in doll else None
            doll_id = maker.make(name) if name else None
        if doll_id is not None:
            ids[index] = doll_id
        # tenure
        if good is not None:
            start, end = good.start, good.end
        else:
            start = _quiet(parse_date, doll["start"]) if "start" in doll else None
            end = _quiet(parse_date, doll["end"]) if "end" in doll else None
        if start is not None and end is not None and end.compare(start) < 0:
            report.error(
                tree.at((*here, "end")),
                at((*here, "end"), f"{end} is before start {start}"),
            )
        # `hair: white` is shorthand for thick white hair; with hair_color too it is ambiguous
        face = doll.get("face")
        if isinstance(face, dict) and "hair" in face and "hair_color" in face:
            hair = face["hair"]
            word = hair.raw if isinstance(hair, Scalar) else hair
            if word in model.HAIR_COLORS and word not in model.HAIR_STYLES:
                report.error(
                    tree.at((*here, "face", "hair")),
                    at(
                        (*here, "face", "hair"),
                        f"'{word}' is a colour and hair_color is given too; "
                        f"give hair a style: {', '.join(model.HAIR_STYLES)}",
                    ),
                )
        if isinstance(face, dict):
            _warn_group_headwear(doll.get("kind"), face, here, tree, report)
        if "portrait" in doll:
            value, where = doll["portrait"], (*here, "portrait")
            if isinstance(value, dict) and "file" in value:
                value, where = value["file"], (*where, "file")
            relative = _quiet(check_portrait, value)
            if relative is not None:
                portraits[index] = _portrait(relative, where, tree, report, path)
        _image_emblems(doll, here, tree, report, path, portraits)
    return ids, portraits


def _warn_group_headwear(
    kind: Any, face: dict[str, Any], here: KeyPath, tree: PositionLoader, report: Report
) -> None:
    """A group has its emblem where a face would be, so no head to put a hat on."""
    kind, hat = (v.raw if isinstance(v, Scalar) else v for v in (kind, face.get("headwear")))
    if kind == "group" and hat is not None and hat != "none":
        where = (*here, "face", "headwear")
        report.warning(
            tree.at(where),
            at(where, "a group has no head to wear it (its emblem takes the face); not painted"),
        )


def _image_emblems(
    doll: dict[str, Any],
    here: KeyPath,
    tree: PositionLoader,
    report: Report,
    path: Path,
    found: dict[Any, Path | None],
) -> None:
    """Resolve and check the doll's ``{image: ...}`` emblems into ``found`` by
    (doll index, emblem index); a missing or bad image is a warning and is left out."""
    emblems = doll.get("emblems")
    if not isinstance(emblems, list):
        return
    for number, item in enumerate(emblems):
        if not (isinstance(item, dict) and "image" in item and "flag" not in item):
            continue
        relative = _quiet(check_image_emblem, item["image"])
        if relative is not None:
            where = (*here, "emblems", number, "image")
            found[(here[1], number)] = _portrait(
                relative, where, tree, report, path, "the emblem is left out", svg=True
            )


def _portrait(
    relative: str,
    where: KeyPath,
    tree: PositionLoader,
    report: Report,
    path: Path,
    fallback: str = "the painted face is shown instead",
    *,
    svg: bool = False,
) -> Path | None:
    try:
        folder = path.parent.resolve()
        full = (folder / relative).resolve()
    except (OSError, RuntimeError) as err:  # a loop of links, a name too long
        report.warning(
            tree.at(where),
            at(where, f"cannot use {show(relative)}: {_reason(err)}; {fallback}"),
        )
        return None
    if not full.is_relative_to(folder):
        report.error(
            tree.at(where),
            at(where, f"{show(relative)} leads outside the sequence file's folder"),
        )
        return None
    trouble = _image_trouble(full, svg)
    if trouble is None:
        return full
    report.warning(tree.at(where), at(where, f"cannot use {show(relative)}: {trouble}; {fallback}"))
    return None


def _image_trouble(full: Path, svg: bool = False) -> str | None:
    """Why an image cannot be a portrait (or, with ``svg``, an emblem), or None when it can."""
    try:
        if not full.is_file():
            return "no such file"
        size = full.stat().st_size
    except OSError as err:
        return _reason(err)
    if svg and full.suffix.lower() == ".svg":
        return _svg_trouble(full, size)
    if size > model.MAX_PORTRAIT_BYTES:
        return f"the file is {size / 2**20:.0f} MB, over {model.MAX_PORTRAIT_BYTES // 2**20} MB"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(full, formats=model.PORTRAIT_FORMATS) as image:
                width, height = image.size
                if width * height > model.MAX_PORTRAIT_PIXELS:
                    return f"{width}x{height} pixels is too large"
                image.load()
    except Image.UnidentifiedImageError:
        return "not a PNG, JPEG, GIF or WebP image"
    except Exception as err:  # decoders raise many kinds of error for damaged files
        return f"damaged image ({type(err).__name__})"
    return None


def _svg_trouble(full: Path, size: int) -> str | None:
    """Why a file cannot be an SVG emblem: too large, or no ``<svg`` element near its start.

    The drawing itself is read only by the painter (SDL_image's SVG reader), which falls
    back, with a warning, on an SVG it cannot draw.
    """
    if size > model.MAX_SVG_BYTES:
        return f"the file is {size / 2**20:.1f} MB, over {model.MAX_SVG_BYTES // 2**20} MB"
    try:
        with full.open("rb") as handle:
            head = handle.read(16384)
    except OSError as err:
        return _reason(err)
    return None if b"<svg" in head else "not an SVG image"


def _reason(err: BaseException) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror.lower()
    return "a loop of symbolic links" if isinstance(err, RuntimeError) else type(err).__name__


# --- Building the model ----------------------------------------------------------------


def _default_id(path: Path) -> str:
    stem = path.name
    for suffix in (".yaml", ".yml"):
        stem = stem.removesuffix(suffix)
    if model.ID_PATTERN.match(stem) and len(stem) <= model.MAX_ID:
        return stem
    return model.slugify(stem)


def _tone(text: str | None, words: dict[str, model.RGB], default: model.RGB) -> model.RGB:
    if text is None:
        return default
    return words.get(text) or hex_rgb(text) or default


def _face(face: FaceFile | None) -> model.Face:
    base = model.Face()
    if face is None:
        return base
    style, color = base.hair, face.hair_color
    if face.hair is not None:
        if face.hair in model.HAIR_STYLES:
            style = face.hair
        else:  # a colour word: thick hair of that colour
            style, color = "thick", face.hair_color or face.hair
    return model.Face(
        hair=style,
        hair_color=_tone(color, model.HAIR_COLORS, base.hair_color),
        beard=face.beard or base.beard,
        moustache=face.moustache or base.moustache,
        eyebrows=face.eyebrows or base.eyebrows,
        glasses=face.glasses or base.glasses,
        birthmark=base.birthmark if face.birthmark is None else face.birthmark,
        skin=_tone(face.skin, model.SKIN_TONES, base.skin),
        shape=face.shape or base.shape,
        age=face.age or base.age,
        expression=face.expression or base.expression,
        eyes=_tone(face.eyes, model.EYE_COLORS, base.eyes),
        nose=face.nose or base.nose,
        ears=face.ears or base.ears,
        headwear=face.headwear or base.headwear,
    )


def _emblem(
    item: str | TextEmblemFile | FlagEmblemFile | ImageEmblemFile, image: Path | None
) -> model.Emblem | None:
    if isinstance(item, str):
        return item
    if isinstance(item, TextEmblemFile):
        return model.TextEmblem(item.text)
    if isinstance(item, ImageEmblemFile):
        return None if image is None else model.ImageEmblem(image)
    return model.FlagEmblem(
        stripes=tuple(item.flag),
        layout=item.layout or "horizontal",
        canton=item.canton,
        disc=item.disc,
        cross=item.cross,
        cross_edge=item.cross_edge,
        triangle=item.triangle,
        emblem=item.emblem,
        emblem_color=item.emblem_color,
    )


def _framing(portrait: str | PortraitFile | None) -> model.Framing:
    if not isinstance(portrait, PortraitFile):
        return model.Framing()
    base = model.Framing()
    return model.Framing(
        center=portrait.center or base.center,
        zoom=base.zoom if portrait.zoom is None else portrait.zoom,
        style=portrait.style or base.style,
    )


def _doll(
    index: int, doll: DollFile, doll_id: str, portrait: Path | None, images: dict[Any, Path | None]
) -> model.Doll:
    palette = model.DEFAULT_PALETTE[index % len(model.DEFAULT_PALETTE)]
    given = doll.colors
    colors = model.Colors(
        body=(given and given.body) or palette.body,
        trim=(given and given.trim) or palette.trim,
        apron=(given and given.apron) or palette.apron,
        scarf=(given and given.scarf) or palette.scarf,
    )
    made = (_emblem(item, images.get((index, n))) for n, item in enumerate(doll.emblems or ()))
    emblems = tuple(e for e in made if e is not None)
    return model.Doll(
        name=doll.name,
        id=doll_id,
        kind="group" if doll.kind == "group" else "person",
        native_name=doll.native_name,
        office=doll.office,
        start=doll.start,
        end=doll.end,
        caption=doll.caption,
        colors=colors,
        face=_face(doll.face),
        emblems=emblems,
        portrait=portrait,
        portrait_framing=_framing(doll.portrait),
    )


def _build(
    parsed: SequenceFile, path: Path, ids: dict[int, str], portraits: dict[Any, Path | None]
) -> model.Sequence:
    return model.Sequence(
        id=parsed.id or _default_id(path),
        title=parsed.title,
        dolls=tuple(
            _doll(i, d, ids[i], portraits.get(i), portraits) for i, d in enumerate(parsed.dolls)
        ),
        description=parsed.description,
        source=parsed.source,
        compare_with=parsed.compare_with,
        path=path,
    )
