"""The pydantic models of a sequence file (``matryoshka/1``), and the checks of its values.

These models describe the file as written, field by field: they check types, vocabulary
and limits, and the JSON schema is generated from them. The loader (``matryoshka.format.loader``)
parses the YAML, hands the values to :class:`SequenceFile`, maps every error back to a line
and column, and builds the plain :mod:`matryoshka.format.model` objects.

The loader wraps every YAML scalar in a :class:`Scalar` that keeps the text as written and
the type YAML 1.1 gave it, so that ``name: no`` can be told apart from ``name: "no"`` and a
date can be read from its text (``1964-02-30`` never becomes a Python ``date``). Every
validator here also accepts plain Python values, so the models validate JSON-like data too.

The vocabulary of faces and emblems is read from :mod:`matryoshka.format.model` when a value is
checked, so values the painter adds there are accepted without touching this module.
"""

from __future__ import annotations

import datetime as _dt
import posixpath
import re
from collections.abc import Callable, Iterable
from typing import Annotated, Any

from PIL import ImageColor
from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    Tag,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from matryoshka.errors import escape
from matryoshka.format import model

# YAML 1.1 tags the loader accepts (written explicitly or resolved implicitly).
TAG_PREFIX = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL, TIMESTAMP = (
    TAG_PREFIX + t for t in ("str", "int", "float", "bool", "null", "timestamp")
)


class Scalar:
    """A YAML scalar as written: its text and the tag YAML 1.1 resolved for it.

    ``value`` is the text for a string, True or False for a yes/no value (None for an
    explicit ``!!bool`` that is neither), and None for numbers, dates and nulls: fields
    read those from ``raw``, so no value YAML fails to convert is ever lost.
    """

    __slots__ = ("raw", "tag", "value")

    def __init__(self, raw: str, tag: str, value: object) -> None:
        self.raw = raw
        self.tag = tag
        self.value = value

    def __repr__(self) -> str:
        return f"Scalar({self.raw!r}, {self.tag.removeprefix(TAG_PREFIX)})"


ERROR_TYPE = "matryoshka"


def problem(message: str) -> PydanticCustomError:
    """A validation error whose message is shown to the user as it is."""
    return PydanticCustomError(ERROR_TYPE, "{message}", {"message": message})


def show(text: str, limit: int = 40) -> str:
    """A value quoted for a message, cut short when long."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return "'" + escape(text) + "'"


def describe(value: object) -> str:
    """What a value is, in words, for 'expected X, got Y' messages."""
    if isinstance(value, Scalar):
        if value.tag == NULL:
            return "nothing (an empty value)"
        if value.tag == STR:
            return show(value.raw)
        return f"{value.raw} (which YAML reads as {_yaml_kind(value)})"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return show(value)
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _yaml_kind(value: Scalar) -> str:
    if value.tag == BOOL:
        if value.value is None:
            return "a yes/no value"
        return f"the yes/no value {str(value.value).lower()}"
    if value.tag in (INT, FLOAT):
        return "a number"
    if value.tag == TIMESTAMP:
        return "a date"
    return "a " + value.tag.removeprefix(TAG_PREFIX)


def _text_of(value: object, what: str = "text") -> str:
    """The string a field holds; YAML 1.1 surprises (``no``, ``1917``) say 'quote it'."""
    if isinstance(value, Scalar):
        if value.tag == STR:
            return value.raw
        if value.tag == NULL:
            raise problem(f"expected {what}, got nothing; write a value or leave the key out")
        raise problem(
            f"expected {what}, got {value.raw}, which YAML reads as {_yaml_kind(value)}: "
            f'quote it, "{value.raw}"'
        )
    if isinstance(value, str):
        return value
    raise problem(f"expected {what}, got {describe(value)}")


# --- Text ------------------------------------------------------------------------------


#: Characters no font draws and no line of text should hold: the C0 and C1 controls and
#: DEL (a new line is allowed where the field is multi-line).
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def text_check(limit: int, *, multiline: bool = False) -> Callable[[object], str]:
    def check(value: object) -> str:
        text = _text_of(value)
        if not text.strip():
            raise problem("must not be empty")
        control = _CONTROL.search(text)
        if control is not None:
            code = ord(control.group())
            raise problem(f"holds the control character U+{code:04X}, which cannot be drawn")
        if len(text) > limit:
            raise problem(f"too long: {len(text)} characters, at most {limit} allowed")
        if not multiline and ("\n" in text.strip() or "\r" in text):
            raise problem("must be a single line")
        return text.strip() if not multiline else text.rstrip()

    return check


#: Text for editors: no control characters (a new line only where the field allows it),
#: not blank.
_ONE_LINE = "^[^\x00-\x1f\x7f-\x9f]*[^\\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
_LINES = "^[^\x00-\x09\x0b-\x1f\x7f-\x9f]*[^\\s\x00-\x1f\x7f-\x9f][^\x00-\x09\x0b-\x1f\x7f-\x9f]*$"


def _text_schema(limit: int, multiline: bool) -> dict[str, Any]:
    return {
        "type": "string",
        "minLength": 1,
        "maxLength": limit,
        "pattern": _LINES if multiline else _ONE_LINE,
        "patternErrorMessage": "must not be empty"
        + ("" if multiline else " and must be a single line")
        + ", with no control characters",
    }


def _text_type(limit: int, *, multiline: bool = False) -> Any:
    return Annotated[
        str,
        PlainValidator(text_check(limit, multiline=multiline)),
        WithJsonSchema(_text_schema(limit, multiline)),
    ]


def check_id(value: object) -> str:
    text = _text_of(value, "an id")
    if len(text) > model.MAX_ID:
        raise problem(f"too long: {len(text)} characters, at most {model.MAX_ID} allowed")
    if not model.ID_PATTERN.match(text):
        raise problem(
            f"expected an id of lowercase letters, digits, '-' and '_' "
            f"(such as market-1995), got {show(text)}"
        )
    return text


IdText = Annotated[
    str,
    PlainValidator(check_id),
    WithJsonSchema(
        {"type": "string", "pattern": model.ID_PATTERN.pattern, "maxLength": model.MAX_ID}
    ),
]


def _check_format(value: object) -> str:
    text = _text_of(value, f"the format name {model.FORMAT_VERSION}")
    if text != model.FORMAT_VERSION:
        raise problem(f"unsupported format {show(text)}; this version reads {model.FORMAT_VERSION}")
    return text


FormatText = Annotated[
    str, PlainValidator(_check_format), WithJsonSchema({"const": model.FORMAT_VERSION})
]


# --- Dates -----------------------------------------------------------------------------

DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"
_DATE = re.compile(r"^(-?)([0-9]{1,4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


_YEAR = "-?[0-9]{1,4}"
_LEAP_YEAR = (
    "-?(0{1,4}|[0-9]{0,2}(0[48]|[2468][048]|[13579][26])|[48]|([048]|[2468][048]|[13579][26])00)"
)
#: The dates ``parse_date`` accepts, as one regular expression for editors: the day must
#: exist in its month (29 February in leap years only). ASCII digits only.
DATE_PATTERN = (
    f"^({_YEAR}(-(0[1-9]|1[0-2]))?"
    f"|{_YEAR}-(0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])"
    f"|{_YEAR}-(0[469]|11)-(0[1-9]|[12][0-9]|30)"
    f"|{_YEAR}-02-(0[1-9]|1[0-9]|2[0-8])"
    f"|{_LEAP_YEAR}-02-29)$"
)


def parse_date(value: object) -> model.PartialDate:
    """A date from its text as written: ``1917``, ``1917-03``, ``1917-03-15``, ``-44``."""
    if isinstance(value, Scalar):
        if value.tag == NULL:
            raise problem(f"expected {DATE_FORMS}, got nothing; write a date or leave it out")
        if value.tag == BOOL:
            raise problem(f"expected {DATE_FORMS}, got {describe(value)}")
        text = value.raw.strip()
    elif isinstance(value, bool):
        raise problem(f"expected {DATE_FORMS}, got {describe(value)}")
    elif isinstance(value, int):
        text = str(value)
    elif isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return model.PartialDate(value.year, value.month, value.day)
    elif isinstance(value, str):
        text = value.strip()
    else:
        raise problem(f"expected {DATE_FORMS}, got {describe(value)}")
    match = _DATE.match(text)
    if not match:
        raise problem(f"expected {DATE_FORMS}, got {show(text)}")
    sign, year_text, month_text, day_text = match.groups()
    year = int(year_text) * (-1 if sign else 1)
    if month_text is None:
        return model.PartialDate(year)
    month = int(month_text)
    if not 1 <= month <= 12:
        raise problem(f"month {month} is not 1 to 12 in {show(text)}")
    if day_text is None:
        return model.PartialDate(year, month)
    day = int(day_text)
    last = model.days_in_month(year, month)
    if not 1 <= day <= last:
        raise problem(f"no such day: {show(text)} ({_MONTHS[month - 1]} {year} has {last} days)")
    return model.PartialDate(year, month, day)


DateValue = Annotated[
    model.PartialDate,
    PlainValidator(parse_date),
    WithJsonSchema(
        {
            "anyOf": [
                {
                    "type": "string",
                    "pattern": DATE_PATTERN,
                    "patternErrorMessage": f"expected {DATE_FORMS}: a real month and day",
                },
                {"type": "integer", "minimum": -9999, "maximum": 9999},
            ],
            "description": f"{DATE_FORMS}; years BCE count back from 0 = 1 BCE: -43 is 44 BCE",
        }
    ),
]


# --- Colours ---------------------------------------------------------------------------

_HEX = re.compile(r"^#([0-9a-fA-F]{6})$")


def hex_rgb(text: str) -> model.RGB | None:
    """``#rrggbb`` as an RGB triple, or None when the text is not of that form."""
    match = _HEX.match(text)
    if not match:
        return None
    digits = match.group(1)
    return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))


def css_color(name: str) -> model.RGB | None:
    """A CSS colour name (``gold``, ``darkred``) as an RGB triple, or None."""
    entry = ImageColor.colormap.get(name.lower())
    if entry is None:
        return None
    if isinstance(entry, str):  # Pillow stores "#rrggbb" until it has converted it once
        return hex_rgb(entry)
    return (int(entry[0]), int(entry[1]), int(entry[2]))


def _check_color(value: object) -> model.RGB:
    expected = "#rrggbb or a CSS colour name"
    if isinstance(value, Scalar) and value.tag == NULL:
        # `body: #b3261e` unquoted: YAML reads everything after # as a comment.
        raise problem(
            f'expected {expected}, got nothing; an unquoted # starts a comment: write "#b3261e"'
        )
    text = _text_of(value, expected)
    if text != text.strip() or (text != text.lower() and not text.startswith("#")):
        # One rule with the editors' schema: names exactly as CSS writes them.
        named = css_color(text.strip())
        if named is not None:
            raise problem(f"write the colour as {show(text.strip().lower())}, got {show(text)}")
    rgb = hex_rgb(text) or (css_color(text) if text == text.lower() else None)
    if rgb is None and text.startswith("#"):
        raise problem(f"expected #rrggbb with six hex digits, got {show(text)}")
    if rgb is None:
        raise problem(f"expected {expected} (such as gold or darkred), got {show(text)}")
    return rgb


_COLOUR_SCHEMA: dict[str, Any] = {
    "type": "string",
    "anyOf": [
        {"pattern": "^#[0-9a-fA-F]{6}$"},
        {"enum": sorted(ImageColor.colormap)},
    ],
    "errorMessage": "expected #rrggbb or a CSS colour name in lower case",
}
ColourValue = Annotated[
    tuple[int, int, int], PlainValidator(_check_color), WithJsonSchema(_COLOUR_SCHEMA)
]


# --- The painter's vocabulary ----------------------------------------------------------


def _listing(words: Iterable[str]) -> str:
    return ", ".join(words)


def _word(what: str, known: Callable[[], Iterable[str]]) -> Callable[[object], str]:
    def check(value: object) -> str:
        words = list(known())
        text = _text_of(value, f"one of {_listing(words)}")
        if text not in words:
            raise problem(f"unknown {what} {show(text)}; known: {_listing(words)}")
        return text

    return check


def _word_type(what: str, known: Callable[[], Iterable[str]]) -> Any:
    return Annotated[
        str,
        PlainValidator(_word(what, known)),
        WithJsonSchema({"type": "string", "enum": list(known())}),
    ]


def _tone(what: str, words: Callable[[], dict[str, model.RGB]]) -> Callable[[object], str]:
    """A colour word from a vocabulary, or ``#rrggbb``; the text is kept."""

    def check(value: object) -> str:
        text = _text_of(value, what).strip()
        if text in words() or hex_rgb(text) is not None:
            return text
        raise problem(f"unknown {what} {show(text)}; known: {_listing(words())} or #rrggbb")

    return check


def _tone_type(what: str, words: Callable[[], dict[str, model.RGB]]) -> Any:
    return Annotated[
        str,
        PlainValidator(_tone(what, words)),
        WithJsonSchema(
            {"type": "string", "anyOf": [{"enum": list(words())}, {"pattern": "^#[0-9a-fA-F]{6}$"}]}
        ),
    ]


def _hair(value: object) -> str:
    text = _text_of(value, "hair style")
    if text in model.HAIR_STYLES or text in model.HAIR_COLORS:
        return text
    raise problem(
        f"unknown hair style {show(text)}; known: {_listing(model.HAIR_STYLES)} "
        f"(or a colour for thick hair: {_listing(model.HAIR_COLORS)})"
    )


def _flag(value: object) -> bool:
    if isinstance(value, Scalar):
        if value.tag == BOOL and isinstance(value.value, bool):
            return value.value
        raise problem(f"expected true or false, got {describe(value)}")
    if isinstance(value, bool):
        return value
    raise problem(f"expected true or false, got {describe(value)}")


def _check_emblem_name(value: object) -> str:
    if isinstance(value, (list, tuple)):
        raise problem("expected an emblem name or {text: ...}, got a list")
    text = _text_of(value, "an emblem name or {text: ...}")
    if text not in model.EMBLEMS:
        raise problem(
            f"unknown emblem {show(text)}{_did_you_mean(text, model.EMBLEMS)}; known: "
            f"{_listing(model.EMBLEMS)} (or {{text: ...}} for painted text, "
            "{flag: [...]} for a flag, {image: ...} for an image of your own)"
        )
    return text


def _did_you_mean(text: str, words: Iterable[str]) -> str:
    """`` (did you mean x?)`` for the words close to ``text`` or holding it, or ''."""
    import difflib

    words = list(words)
    key = text.strip().lower()
    close = [w for w in words if key and len(key) >= 3 and key in w]
    close += difflib.get_close_matches(key, words, n=3, cutoff=0.7)
    close = list(dict.fromkeys(close))[:3]
    return f" (did you mean {' or '.join(close)}?)" if close else ""


def check_portrait(value: object) -> str:
    text = _text_of(value, "a path to an image").strip()
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise problem(f"a file name cannot hold control characters, got {show(text)}")
    unix = text.replace("\\", "/")
    if unix.startswith("/") or re.match(r"^[A-Za-z]:", unix):
        raise problem(f"must be a path relative to the sequence file's folder, got {show(text)}")
    normal = posixpath.normpath(unix)
    if normal == ".." or normal.startswith("../"):
        raise problem(f"must stay inside the sequence file's folder, got {show(text)}")
    if normal in (".", ""):
        raise problem(f"expected a path to an image file, got {show(text)}")
    return normal


PortraitPath = Annotated[
    str,
    PlainValidator(check_portrait),
    WithJsonSchema(
        {"type": "string", "description": "image path relative to the sequence file's folder"}
    ),
]


# --- Models ----------------------------------------------------------------------------

_STRICT = ConfigDict(extra="forbid", frozen=True)

# Every field is optional in the file except where a default makes no sense; None means
# "not given" (an explicit empty value is refused by the validators above).
Name = _text_type(model.MAX_NAME)


class ColorsFile(BaseModel):
    """``colors:`` of a doll; keys left out take the default palette's colour."""

    model_config = _STRICT

    body: ColourValue | None = None
    trim: ColourValue | None = None
    apron: ColourValue | None = None
    scarf: ColourValue | None = None


class FaceFile(BaseModel):
    """``face:`` of a doll: the painted features (``hair: white`` means thick white hair)."""

    model_config = _STRICT

    hair: (
        Annotated[
            str,
            PlainValidator(_hair),
            WithJsonSchema({"type": "string", "enum": [*model.HAIR_STYLES, *model.HAIR_COLORS]}),
        ]
        | None
    ) = None
    hair_color: _tone_type("hair colour", lambda: model.HAIR_COLORS) | None = None
    beard: _word_type("beard", lambda: model.BEARDS) | None = None
    moustache: _word_type("moustache", lambda: model.MOUSTACHES) | None = None
    eyebrows: _word_type("eyebrows", lambda: model.EYEBROWS) | None = None
    glasses: _word_type("glasses", lambda: model.GLASSES) | None = None
    birthmark: Annotated[bool, PlainValidator(_flag)] | None = None
    skin: _tone_type("skin tone", lambda: model.SKIN_TONES) | None = None
    shape: _word_type("face shape", lambda: model.FACE_SHAPES) | None = None
    age: _word_type("age", lambda: model.AGES) | None = None
    expression: _word_type("expression", lambda: model.EXPRESSIONS) | None = None
    eyes: _tone_type("eye colour", lambda: model.EYE_COLORS) | None = None
    nose: _word_type("nose", lambda: model.NOSES) | None = None
    ears: _word_type("ears", lambda: model.EARS) | None = None
    headwear: _word_type("headwear", lambda: model.HEADWEAR) | None = None


class TextEmblemFile(BaseModel):
    """``{text: СССР}``: short text painted across the belly."""

    model_config = _STRICT

    text: _text_type(model.MAX_TEXT_EMBLEM)


EmblemName = Annotated[
    str,
    PlainValidator(_check_emblem_name),
    WithJsonSchema({"type": "string", "enum": list(model.EMBLEMS)}),
]


# --- Flags, image emblems and portrait framing ----------------------------------------


def _check_symbol_name(value: object) -> str:
    """A painted symbol for a flag: an emblem word that is not a piece of dress."""
    text = _check_emblem_name(value)
    if text in model.DRESS_EMBLEMS:
        raise problem(f"{show(text)} is dress, not a symbol a flag can carry")
    return text


class FlagEmblemFile(BaseModel):
    """``{flag: [red, white, blue], layout: vertical}``: a flag painted on the apron."""

    model_config = _STRICT

    flag: Annotated[list[ColourValue], Field(min_length=1, max_length=model.MAX_FLAG_STRIPES)]
    layout: _word_type("flag layout", lambda: model.FLAG_LAYOUTS) | None = None
    canton: ColourValue | None = None
    disc: ColourValue | None = None
    cross: ColourValue | None = None
    cross_edge: ColourValue | None = None
    triangle: ColourValue | None = None
    emblem: (
        Annotated[
            str,
            PlainValidator(_check_symbol_name),
            WithJsonSchema(
                {
                    "type": "string",
                    "enum": [e for e in model.EMBLEMS if e not in model.DRESS_EMBLEMS],
                }
            ),
        ]
        | None
    ) = None
    emblem_color: ColourValue | None = None


def check_image_emblem(value: object) -> str:
    """The path of an image emblem: a portrait-like path ending in a known suffix."""
    normal = check_portrait(value)
    if not normal.lower().endswith(model.IMAGE_EMBLEM_SUFFIXES):
        raise problem(f"expected a .png, .svg, .jpg, .gif or .webp file, got {show(normal)}")
    return normal


class ImageEmblemFile(BaseModel):
    """``{image: emblems/party.svg}``: an image beside the sequence file, on the apron."""

    model_config = _STRICT

    image: Annotated[
        str,
        PlainValidator(check_image_emblem),
        WithJsonSchema(
            {
                "type": "string",
                "pattern": "^.*\\.([Pp][Nn][Gg]|[Ss][Vv][Gg]|"
                "[Jj][Pp][Ee]?[Gg]|[Gg][Ii][Ff]|[Ww][Ee][Bb][Pp])$",
            }
        ),
    ]


def _emblem_kind(value: object) -> str:
    if isinstance(value, dict):
        if "flag" in value:
            return "flag-emblem"
        return "image-emblem" if "image" in value else "text-emblem"
    return "emblem-name"


EmblemValue = Annotated[
    Annotated[EmblemName, Tag("emblem-name")]
    | Annotated[TextEmblemFile, Tag("text-emblem")]
    | Annotated[FlagEmblemFile, Tag("flag-emblem")]
    | Annotated[ImageEmblemFile, Tag("image-emblem")],
    Discriminator(_emblem_kind),
]


def _number(value: object, what: str) -> float:
    if isinstance(value, Scalar):
        if value.tag in (INT, FLOAT):
            try:
                return float(value.raw.replace("_", ""))
            except ValueError:
                pass
        raise problem(f"expected {what}, got {describe(value)}")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    raise problem(f"expected {what}, got {describe(value)}")


def _check_center(value: object) -> tuple[float, float]:
    what = "[x, y], two numbers from 0 to 1 (fractions of the image's width and height)"
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise problem(f"expected {what}, got {describe(value)}")
    x, y = (_number(v, what) for v in value)
    for v in (x, y):
        if not 0.0 <= v <= 1.0:
            raise problem(f"{v:g} is outside the image: expected {what}")
    return (x, y)


def _check_zoom(value: object) -> float:
    what = f"a number from 1 to {model.MAX_PORTRAIT_ZOOM:g}"
    zoom = _number(value, what)
    if not 1.0 <= zoom <= model.MAX_PORTRAIT_ZOOM:
        raise problem(f"zoom {zoom:g} is out of range: expected {what} (2 shows half the width)")
    return zoom


class PortraitFile(BaseModel):
    """``portrait: {file: portraits/x.png, center: [0.5, 0.3], zoom: 2}``: a framed photo."""

    model_config = _STRICT

    file: Annotated[str, PlainValidator(check_portrait), WithJsonSchema({"type": "string"})]
    center: (
        Annotated[
            tuple[float, float],
            PlainValidator(_check_center),
            WithJsonSchema(
                {
                    "type": "array",
                    "items": {"type": "number", "minimum": 0, "maximum": 1},
                    "minItems": 2,
                    "maxItems": 2,
                }
            ),
        ]
        | None
    ) = None
    zoom: (
        Annotated[
            float,
            PlainValidator(_check_zoom),
            WithJsonSchema({"type": "number", "minimum": 1, "maximum": model.MAX_PORTRAIT_ZOOM}),
        ]
        | None
    ) = None
    style: _word_type("portrait style", lambda: model.PORTRAIT_STYLES) | None = None


def _portrait_kind(value: object) -> str:
    return "framed" if isinstance(value, dict) else "path"


class DollFile(BaseModel):
    """One doll as written in ``dolls:``."""

    model_config = _STRICT

    name: Name
    id: IdText | None = None
    native_name: _text_type(model.MAX_NAME) | None = None
    kind: _word_type("kind", lambda: ("person", "group")) | None = None
    office: _text_type(model.MAX_OFFICE) | None = None
    start: DateValue | None = None
    end: DateValue | None = None
    caption: _text_type(model.MAX_CAPTION) | None = None
    colors: ColorsFile | None = None
    face: FaceFile | None = None
    emblems: list[EmblemValue] | None = None
    portrait: (
        Annotated[
            Annotated[PortraitPath, Tag("path")] | Annotated[PortraitFile, Tag("framed")],
            Discriminator(_portrait_kind),
        ]
        | None
    ) = None


class SequenceFile(BaseModel):
    """A whole sequence file (``format: matryoshka/1``). Unknown keys are refused everywhere."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="matryoshka/1 sequence",
        json_schema_extra={"description": "A set of nested dolls, outermost first."},
    )

    format: FormatText
    id: IdText | None = None
    title: _text_type(model.MAX_TITLE)
    description: _text_type(model.MAX_DESCRIPTION, multiline=True) | None = None
    source: _text_type(model.MAX_SOURCE) | None = None
    compare_with: IdText | None = None
    dolls: Annotated[list[DollFile], Field(min_length=1, max_length=model.MAX_DOLLS)]


#: Keys each level of the file accepts, for "unknown key" messages.
KEYS: dict[str, tuple[str, ...]] = {
    "sequence": tuple(SequenceFile.model_fields),
    "doll": tuple(DollFile.model_fields),
    "colors": tuple(ColorsFile.model_fields),
    "face": tuple(FaceFile.model_fields),
    "text-emblem": (
        *TextEmblemFile.model_fields,
        *FlagEmblemFile.model_fields,
        *ImageEmblemFile.model_fields,
    ),
    "portrait": tuple(PortraitFile.model_fields),
}
