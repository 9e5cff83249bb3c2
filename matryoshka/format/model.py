"""The plain data of a set of dolls: sequences, dolls, dates and painted features.

Nothing here knows about YAML or pygame. The loader builds these objects; the painter,
the window, the export and the chronology check read them. Every class is a frozen
dataclass, so a doll can key a cache of painted surfaces.

The painter's vocabulary (which hair styles, beards and emblems exist) is defined here,
in one place, so that the loader can reject an unknown value with the list of known ones
and the painter can be checked to draw every one of them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

RGB = tuple[int, int, int]

FORMAT_VERSION = "matryoshka/1"

# --- The painter's vocabulary ---------------------------------------------------------

#: What a portrait may be: the image formats (Pillow's names), its file size and its
#: pixels. Checked once, when the file is loaded; the painter relies on it.
PORTRAIT_FORMATS: tuple[str, ...] = ("PNG", "JPEG", "GIF", "WEBP")
MAX_PORTRAIT_BYTES = 32 * 1024 * 1024
MAX_PORTRAIT_PIXELS = 4096 * 4096

# Each word maps to what it paints: the schema shows it to editors, the README lists it.

#: Hair styles. ``bald`` paints no hair; ``receding`` a fringe around the sides only.
HAIR_STYLES: dict[str, str] = {
    "bald": "no hair",
    "receding": "a fringe above the ears, the dome bare",
    "short": "short hair with a straight hairline",
    "thick": "a big mane swept back off the forehead",
    "wild": "a bushy mane sticking out all round",
    "long": "straight hair falling past the ears to the jaw",
    "shoulder": "a bob that falls onto the shoulders, over the scarf",
    "bun": "hair drawn back into a bun on top of the head",
    "curly": "a head of tight round curls",
    "braids": "two plaits falling over the shoulders",
    "ponytail": "hair drawn back, the tail hanging over one shoulder",
    "side-parting": "short hair parted on one side, the fringe swept across",
    "quiff": "short sides and a tall wave above the forehead",
    "comb-over": "a few long strands combed across a bald dome",
    "crew-cut": "very short, flat on top, the scalp showing through",
    "afro": "a big round halo of hair",
    "powdered-wig": "a white wig with rolled curls over the ears, tied back",
    "periwig": "a full-bottomed wig of long curls down to the chest",
}
#: Colour words for hair, beards and moustaches (a ``#rrggbb`` value is accepted too).
HAIR_COLORS: dict[str, RGB] = {
    "black": (28, 24, 22),
    "dark": (58, 42, 32),
    "brown": (110, 72, 40),
    "auburn": (140, 66, 38),
    "red": (178, 74, 30),
    "blond": (214, 182, 110),
    "grey": (150, 150, 150),
    "white": (236, 234, 228),
}
BEARDS: dict[str, str] = {
    "none": "clean-shaven",
    "stubble": "a shadow of stubble on the jaw",
    "goatee": "a pointed tuft on the chin",
    "full": "a full beard round the jaw",
    "chin-beard": "a fringe along the jaw and under the chin, the lip shaved",
    "mutton-chops": "broad whiskers down the cheeks, the chin shaved",
    "sideburns": "long narrow sideburns down to the jaw",
    "pointed": "a narrow beard drawn to a point below the chin",
    "long": "a long flowing beard down onto the chest",
}
MOUSTACHES: dict[str, str] = {
    "none": "no moustache",
    "thin": "a thin line above the lip",
    "thick": "a broad walrus moustache",
    "handlebar": "a moustache with waxed ends curled upwards",
    "toothbrush": "a small square patch under the nose",
    "drooping": "long thin ends hanging down past the chin",
}
EYEBROWS: dict[str, str] = {
    "normal": "plain brows",
    "heavy": "very heavy, bushy brows",
    "arched": "high, finely arched brows",
    "joined": "one brow across both eyes",
}
GLASSES: dict[str, str] = {
    "none": "no glasses",
    "round": "round wire glasses",
    "square": "heavy square frames",
    "pince-nez": "small oval lenses clipped to the nose, on a cord",
    "sunglasses": "dark glasses",
}
SKIN_TONES: dict[str, RGB] = {
    "fair": (250, 218, 190),
    "light": (240, 200, 165),
    "medium": (214, 165, 122),
    "tan": (178, 124, 84),
    "dark": (120, 78, 52),
}
FACE_SHAPES: dict[str, str] = {
    "oval": "the usual oval face",
    "round": "a broad round face with full cheeks",
    "long": "a narrow face with a long chin",
    "square": "a broad square jaw",
    "jowls": "heavy jowls hanging beside the chin",
}
AGES: dict[str, str] = {
    "smooth": "an unlined face",
    "lined": "lines across the forehead and beside the eyes",
    "old": "deep lines, bags under the eyes and folds beside the mouth",
}
EXPRESSIONS: dict[str, str] = {
    "neutral": "a closed, calm mouth",
    "smile": "a broad smile",
    "stern": "a tight mouth turned down and frowning brows",
}
#: Eye colours (a ``#rrggbb`` value is accepted too). ``grey`` is the default.
EYE_COLORS: dict[str, RGB] = {
    "grey": (70, 84, 104),
    "blue": (48, 110, 190),
    "green": (60, 130, 70),
    "hazel": (132, 134, 52),
    "brown": (104, 60, 30),
    "dark": (40, 26, 20),
}
NOSES: dict[str, str] = {
    "normal": "a plain nose",
    "button": "a small round nose",
    "long": "a long straight nose",
    "hooked": "a nose with a curved, hooked bridge",
    "broad": "a wide nose with broad nostrils",
}
EARS: dict[str, str] = {
    "normal": "ears at the side of the head",
    "small": "small ears close to the head",
    "large": "large ears sticking out",
}
#: What is worn on the head, painted over the headscarf and the top of the hair.
HEADWEAR: dict[str, str] = {
    "none": "nothing on the head",
    "imperial-crown": "an imperial crown: two jewelled half-domes under a cross",
    "royal-crown": "a royal crown: crosses and fleurs-de-lis, arches over a velvet cap",
    "papal-tiara": "the pope's triple crown, a white beehive with three gold bands",
    "mitre": "a bishop's tall pointed mitre",
    "zucchetto": "a small white skullcap on the crown of the head",
    "laurel-wreath": "a wreath of laurel leaves round the head",
    "nemes": "a pharaoh's striped headcloth, with the cobra on the brow",
    "peaked-cap": "a military cap with a peak and a badge",
    "top-hat": "a tall black silk hat",
    "tricorne": "a three-cornered hat with gold edging",
    "bicorne": "a two-cornered hat worn sideways, with a cockade",
    "fez": "a red fez with a black tassel",
    "ushanka": "a fur hat with ear flaps",
    "turban": "a wrapped white turban with a jewel",
    "veil": "a white veil over the hair, falling to the shoulders",
    "helmet": "a steel helmet",
    "bowler": "a black bowler hat",
    "beret": "a beret tilted to one side",
    "pickelhaube": "a spiked leather helmet",
    "keffiyeh": "a chequered headcloth held by a black cord",
    "tiara": "a jewelled diadem above the forehead",
    "kokoshnik": "a tall Russian headdress, embroidered and pearled",
    "kalpak": "a tall brimless hat of dark curly lambskin",
}
#: Dress painted instead of the apron, cut from the doll's body colour so a party or
#: national colour still shows (``military-tunic`` keeps its field olive).
DRESS: dict[str, str] = {
    "military-tunic": "a buttoned olive field tunic with a belt instead of the apron",
    "suit": "a jacket in the body colour, white shirt and tie instead of the apron",
    "military-dress": "a dress uniform in the body colour: epaulettes, sash and gold braid",
    "robes": "flowing robes crossed at the neck, with broad sleeves and a sash",
    "ermine-cloak": "a cloak in the body colour edged with spotted white ermine",
    "clerical": "a cassock with a row of small buttons, a white collar and a cross",
    "academic-gown": "an open black gown with bell sleeves and a coloured hood",
    "sari": "a sari in the body colour, its bordered end over one shoulder",
    "kimono": "a kimono with a crossed white collar and a broad sash",
    "toga": "a white toga draped over one shoulder, with a coloured border",
}

#: Painted symbols and dress. ``text`` emblems (``{text: СССР}``) are accepted as well.
EMBLEMS: dict[str, str] = {
    "double-headed-eagle": "the double-headed eagle of the Russian Empire, on the belly",
    "cccp": "the letters СССР across the belly",
    "medals": "rows of army medals on the chest",
    "corn": "an ear of corn across the chest",
    "crown": "a crown on the head",
    "red-star": "a red five-pointed star",
    "hammer-and-sickle": "the hammer and sickle",
    "fourth-international": "the Fourth International's emblem: a hammer and sickle on a 4",
    "tricolour": "the white, blue and red flag of Russia",
    "red-flag": "a red flag on a pole",
    "arrow": "a forward arrow",
}
EMBLEMS.update(DRESS)
#: Emblems that replace the apron with clothing rather than sitting on it.
DRESS_EMBLEMS: frozenset[str] = frozenset(DRESS)

MAX_TEXT_EMBLEM = 12

# --- Symbols of faith, state and office; flags; image emblems; portrait framing -------

#: Symbols that help paint rulers anywhere (painted by ``painter/insignia.py``).
EMBLEMS.update(
    {
        "cross": "a gold Latin cross",
        "orthodox-cross": "the three-barred cross of the Orthodox churches",
        "crescent": "a crescent moon and star",
        "star": "a plain five-pointed gold star",
        "stars": "a field of small white stars, as in a flag's canton",
        "star-of-david": "the six-pointed star of David",
        "dharma-wheel": "the eight-spoked dharma wheel of Buddhism",
        "ashoka-chakra": "the twenty-four-spoked wheel of Ashoka, as on India's flag",
        "chrysanthemum": "the sixteen-petalled chrysanthemum seal of Japan's emperors",
        "fleur-de-lis": "the lily of the French kings",
        "eagle": "a single-headed eagle, wings spread",
        "laurel": "a wreath of laurel, the victor's and the emperor's",
        "olive-branch": "an olive branch, for peace",
        "sceptre-and-orb": "a sceptre crossed behind the orb of a monarch",
        "keys": "the crossed gold and silver keys of St Peter, for popes",
        "ankh": "the ankh of the pharaohs",
        "sun": "a golden sun with straight and wavy rays",
        "book": "an open book",
        "sword": "an upright sword",
        "crossed-swords": "two swords crossed, for a general",
        "scales": "the scales of justice",
        "anchor": "an anchor, for a navy",
        "maple-leaf": "the maple leaf of Canada",
        "yin-yang": "the yin and yang",
        "trident": "a trident",
        "cogwheel": "a cogwheel, for industry",
        "lion": "a heraldic lion standing on its hind legs",
        "tudor-rose": "the red and white rose of the Tudors",
        "dove": "a dove with an olive sprig, for peace",
        "torch": "a burning torch",
        "tower": "a castle tower",
        "harp": "the harp of Ireland",
        "lotus": "a lotus flower",
        "elephant": "an elephant, as for the Republican party of the United States",
        "donkey": "a donkey, as for the Democratic party of the United States",
        "shamrock": "a shamrock",
    }
)

#: A flag emblem (``{flag: [red, white, blue], layout: vertical}``): its stripes run one
#: of these ways.
FLAG_LAYOUTS: tuple[str, ...] = ("horizontal", "vertical")
MAX_FLAG_STRIPES = 15

#: What an image emblem (``{image: emblems/party.svg}``) may be: the portrait formats, or
#: SVG, which is drawn at the size it is shown. An SVG file may be at most this large.
IMAGE_EMBLEM_SUFFIXES: tuple[str, ...] = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")
MAX_SVG_BYTES = 2 * 1024 * 1024

#: How a portrait is painted: as the photograph is, or in the doll's folk-art manner.
PORTRAIT_STYLES: tuple[str, ...] = ("photo", "posterised", "outlined")
#: The part of a portrait shown in the face when no framing is given: the upper centre,
#: where a head-and-shoulders photograph has its face.
DEFAULT_PORTRAIT_CENTER: tuple[float, float] = (0.5, 0.38)
DEFAULT_PORTRAIT_ZOOM = 1.6
MAX_PORTRAIT_ZOOM = 10.0

# --- Limits ---------------------------------------------------------------------------

MAX_FILE_BYTES = 1024 * 1024
MAX_DOLLS = 5000
MAX_CAPTION = 300
MAX_NAME = 120
MAX_TITLE = 200
MAX_DESCRIPTION = 2000
MAX_SOURCE = 500
MAX_OFFICE = 200
MAX_ID = 64

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


# --- Dates ----------------------------------------------------------------------------


def days_in_month(year: int, month: int) -> int:
    """Days in a month of the proleptic Gregorian calendar (any year, BCE included)."""
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


@dataclass(frozen=True, order=False)
class PartialDate:
    """A date known to a year, a month or a day. ``year`` may be negative (BCE)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> int:
        """1 for a year, 2 for a year and month, 3 for a full date."""
        if self.month is None:
            return 1
        return 2 if self.day is None else 3

    def key(self, precision: int | None = None) -> tuple[int, ...]:
        """A sortable tuple, cut to ``precision`` parts (default: all the date has)."""
        parts = (self.year, self.month or 0, self.day or 0)
        return parts[: precision or self.precision]

    def compare(self, other: PartialDate) -> int:
        """-1, 0 or 1, comparing at the precision both dates share."""
        p = min(self.precision, other.precision)
        a, b = self.key(p), other.key(p)
        return (a > b) - (a < b)

    def as_ordinal(self) -> float:
        """A number on a continuous axis of years (for timelines): mid-point when unknown."""
        month = self.month if self.month is not None else 7
        day = self.day if self.day is not None else (15 if self.month is not None else 1)
        return self.year + (month - 1) / 12 + (day - 1) / 365.25

    def __str__(self) -> str:
        y = f"{self.year:04d}" if self.year >= 0 else f"-{-self.year:04d}"
        if self.month is None:
            return y
        if self.day is None:
            return f"{y}-{self.month:02d}"
        return f"{y}-{self.month:02d}-{self.day:02d}"

    def display_year(self) -> str:
        """The year as historians write it: ``1917``, or ``44 BCE`` for the year -43.

        Years are numbered astronomically (ISO 8601): 0 is 1 BCE, -1 is 2 BCE; there is
        no year zero in what is shown.
        """
        return str(self.year) if self.year > 0 else f"{1 - self.year} BCE"


# --- Painted features -----------------------------------------------------------------


@dataclass(frozen=True)
class Colors:
    """The paint of one doll. Every field is an RGB triple."""

    body: RGB = (178, 34, 34)
    trim: RGB = (212, 175, 55)
    apron: RGB = (250, 240, 220)
    scarf: RGB = (200, 40, 40)


#: The colours given to dolls that name none, by position in the set.
DEFAULT_PALETTE: tuple[Colors, ...] = (
    Colors(body=(178, 34, 34), trim=(212, 175, 55), apron=(250, 240, 220), scarf=(220, 60, 50)),
    Colors(body=(30, 90, 160), trim=(230, 200, 90), apron=(245, 238, 222), scarf=(60, 120, 190)),
    Colors(body=(30, 120, 70), trim=(220, 180, 70), apron=(248, 240, 218), scarf=(60, 150, 90)),
    Colors(body=(200, 120, 20), trim=(150, 30, 30), apron=(252, 242, 215), scarf=(220, 150, 40)),
    Colors(body=(110, 40, 120), trim=(225, 190, 80), apron=(246, 236, 226), scarf=(150, 70, 160)),
    Colors(body=(20, 20, 20), trim=(200, 40, 40), apron=(240, 230, 210), scarf=(60, 60, 60)),
)


@dataclass(frozen=True)
class Face:
    """Painted features of a person's face. Values come from the vocabulary above."""

    hair: str = "short"
    hair_color: RGB = HAIR_COLORS["brown"]
    beard: str = "none"
    moustache: str = "none"
    eyebrows: str = "normal"
    glasses: str = "none"
    birthmark: bool = False
    skin: RGB = SKIN_TONES["fair"]
    shape: str = "oval"
    age: str = "smooth"
    expression: str = "neutral"
    eyes: RGB = EYE_COLORS["grey"]
    nose: str = "normal"
    ears: str = "normal"
    headwear: str = "none"


#: The fields of ``Face`` whose value is a colour word (or ``#rrggbb``), with their words.
FACE_COLOR_WORDS: dict[str, dict[str, RGB]] = {
    "hair_color": HAIR_COLORS,
    "skin": SKIN_TONES,
    "eyes": EYE_COLORS,
}


def vocabulary() -> dict[str, tuple[str, ...]]:
    """Every field of the painter's vocabulary with its words, in the order users meet them.

    Keys are where the word is written in a file (``face.hair``, ``emblems``, ``dress``
    for the dress words, which are written in ``emblems`` too). The contact sheet of the
    vocabulary and the tests that every word paints, and paints a picture of its own,
    read this.
    """
    symbols = tuple(e for e in EMBLEMS if e not in DRESS_EMBLEMS)
    return {
        "face.hair": tuple(HAIR_STYLES),
        "face.hair_color": tuple(HAIR_COLORS),
        "face.beard": tuple(BEARDS),
        "face.moustache": tuple(MOUSTACHES),
        "face.eyebrows": tuple(EYEBROWS),
        "face.glasses": tuple(GLASSES),
        "face.skin": tuple(SKIN_TONES),
        "face.shape": tuple(FACE_SHAPES),
        "face.age": tuple(AGES),
        "face.expression": tuple(EXPRESSIONS),
        "face.eyes": tuple(EYE_COLORS),
        "face.nose": tuple(NOSES),
        "face.ears": tuple(EARS),
        "face.headwear": tuple(HEADWEAR),
        "dress": tuple(DRESS),
        "emblems": symbols,
    }


@dataclass(frozen=True)
class TextEmblem:
    """Short text painted across the belly, such as СССР."""

    text: str


@dataclass(frozen=True)
class FlagEmblem:
    """A flag painted on the apron: stripes, and optionally a canton, disc, cross,
    triangle at the hoist and a symbol (any emblem word) painted on it."""

    stripes: tuple[RGB, ...]
    layout: str = "horizontal"
    canton: RGB | None = None
    disc: RGB | None = None
    cross: RGB | None = None
    cross_edge: RGB | None = None
    triangle: RGB | None = None
    emblem: str | None = None
    emblem_color: RGB | None = None


@dataclass(frozen=True)
class ImageEmblem:
    """An image file beside the sequence (PNG, JPEG, GIF, WebP or SVG), painted on the
    apron. ``path`` is absolute, inside the sequence file's folder."""

    path: Path


Emblem = str | TextEmblem | FlagEmblem | ImageEmblem


@dataclass(frozen=True)
class Framing:
    """Which part of a portrait shows in the face, and how it is painted.

    ``center`` is the point of the image (fractions of its width and height, 0 to 1) put
    in the middle of the face; ``zoom`` 1 shows the whole width (or height) the face's
    oval can hold, 2 half of it.
    """

    center: tuple[float, float] = DEFAULT_PORTRAIT_CENTER
    zoom: float = DEFAULT_PORTRAIT_ZOOM
    style: str = "photo"


# --- Dolls and sequences --------------------------------------------------------------


@dataclass(frozen=True)
class Doll:
    """One figure of a set. ``emblems`` holds names from ``EMBLEMS`` and ``TextEmblem``s."""

    name: str
    id: str
    kind: Literal["person", "group"] = "person"
    native_name: str | None = None
    office: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    caption: str | None = None
    colors: Colors = field(default_factory=Colors)
    face: Face = field(default_factory=Face)
    emblems: tuple[Emblem, ...] = ()
    portrait: Path | None = None
    portrait_framing: Framing = field(default_factory=Framing)

    def years(self) -> str:
        """Tenure as people write it: ``1964–1982``, ``since 2012``, ``1917``, ``45–28 BCE``,
        ``27 BCE–14 CE``, or ''."""
        if self.start is None and self.end is None:
            return ""
        if self.start is None:
            assert self.end is not None
            return f"until {self.end.display_year()}"
        if self.end is None:
            return f"since {self.start.display_year()}"
        a, b = self.start.display_year(), self.end.display_year()
        if a == b:
            return a
        if self.start.year <= 0 < self.end.year:
            return f"{a}–{b} CE"  # 27 BCE–14 CE
        if self.end.year <= 0:
            return f"{1 - self.start.year}–{b}"  # 45–28 BCE
        return f"{a}–{b}"

    def tenure_years(self) -> float | None:
        """Length of the tenure in years, when both ends are known."""
        if self.start is None or self.end is None:
            return None
        return max(0.0, self.end.as_ordinal() - self.start.as_ordinal())


def image_files(doll: Doll) -> tuple[Path, ...]:
    """The image files of the doll's ``{image: ...}`` emblems, in order."""
    return tuple(e.path for e in doll.emblems if isinstance(e, ImageEmblem))


def picture_files(doll: Doll) -> tuple[Path, ...]:
    """Every image file a painting of the doll shows: its portrait and image emblems."""
    return (*([doll.portrait] if doll.portrait is not None else []), *image_files(doll))


@dataclass(frozen=True)
class Sequence:
    """A set of dolls, outermost first: ``dolls[0]`` is opened first, ``dolls[-1]`` is the core."""

    id: str
    title: str
    dolls: tuple[Doll, ...]
    description: str | None = None
    source: str | None = None
    compare_with: str | None = None
    path: Path | None = None

    def doll(self, doll_id: str) -> Doll:
        """The doll with this id; ``KeyError`` if there is none."""
        for d in self.dolls:
            if d.id == doll_id:
                return d
        raise KeyError(doll_id)

    def index_of(self, doll_id: str) -> int:
        """Position of the doll with this id (0 is the outermost)."""
        for i, d in enumerate(self.dolls):
            if d.id == doll_id:
                return i
        raise KeyError(doll_id)


def slugify(name: str) -> str:
    """A doll id from a name, in any script: ``Tsar Nicholas II`` -> ``tsar-nicholas-ii``.

    Cyrillic goes through the project's own table first, so the ids of Russian names never
    change (``Борис Ельцин`` -> ``boris-eltsin``); every other script is transliterated
    with ``anyascii`` (``Κυριάκος Μητσοτάκης`` -> ``kyriakos-mitsotakis``), with a few
    refinements for scripts written without their vowels (see :func:`_transliterate`).
    Chinese characters, and Japanese kanji, which ``anyascii`` reads in Mandarin, become
    one syllable each: ``明治天皇`` -> ``ming-zhi-tian-huang``. A name with nothing left
    gives ``doll``.
    """
    text = unicodedata.normalize("NFC", name).lower().translate(_CYRILLIC)
    if not text.isascii():
        text = _transliterate(text).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return slug[:MAX_ID].strip("-") or "doll"


class IdMaker:
    """Doll ids made from names, distinct within one file, chosen the same way every time.

    A name's slug is its id unless that id is taken. The same name again (a second term
    in office) gets ``-2``, ``-3``, ...; a different name that transliterates to a taken
    id (``Müller`` after ``Muller``) gets four hexadecimal digits of a hash of the name,
    so its id does not depend on where it stands in the file.
    """

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self._taken = set(reserved)
        self._names: dict[str, int] = {}  # a name, compared loosely: how often it came

    def make(self, name: str) -> str:
        """The id for the next doll called ``name``."""
        base = slugify(name)
        key = unicodedata.normalize("NFC", name).casefold().strip()
        seen = self._names.get(key, 0)
        self._names[key] = seen + 1
        if base not in self._taken:
            self._taken.add(base)
            return base
        if seen:
            number = seen + 1
            while (made := _suffixed(base, str(number))) in self._taken:
                number += 1
        else:
            digest = hashlib.blake2s(key.encode("utf-8")).hexdigest()
            size = 4
            while (made := _suffixed(base, digest[:size])) in self._taken:
                size += 1
        self._taken.add(made)
        return made


def _suffixed(base: str, suffix: str) -> str:
    return f"{base[: MAX_ID - len(suffix) - 1].strip('-')}-{suffix}"


def _in_word(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char)[0] == "M"


def _transliterate(text: str) -> str:
    """ASCII for text in any script (already lower-cased and past the Cyrillic table).

    ``anyascii`` does each character on its own. Three scripts need a little context:

    - Greek follows ELOT 743, as on Greek passports: ``ου`` is ``ou``, ``αυ``/``ευ``/``ηυ``
      are ``av``/``ev``/``iv`` (``af``... before a voiceless consonant or at the end), and
      ``γ`` before ``γ``, ``ξ`` or ``χ`` is ``n`` (``Ευάγγελος`` -> ``evangelos``).
    - Arabic is written without short vowels and ``anyascii`` drops alif too
      (``السادات`` -> ``lsdt``); here the long vowels alif, alif maqsura and ta marbuta
      are kept as ``a`` (``alsadat``), hamza seats as their vowel, and an ayn that starts a
      word as ``a`` (``عبد`` -> ``abd``).
    - Hebrew bet, kaf and pe are hard at the start of a word (``בן`` -> ``bn``, not ``vn``).
    - Devanagari consonants carry an inherent ``a`` unless a virama or a vowel sign
      follows; it is kept inside words and after a final conjunct (``नरेन्द्र`` ->
      ``narendra``, ``भारत`` -> ``bharat``). Anusvara is ``n``, or ``m`` before p, b, m.
    - Japanese kana join a small ya, yu or yo and double after a small tsu (:func:`_kana`).

    Chinese characters and Korean syllables are separated by a hyphen, one per syllable.
    """
    from anyascii import anyascii  # only names outside Latin and Cyrillic need it

    out: list[str] = []
    size = len(text)
    geminate = False  # a small tsu came before
    for index, char in enumerate(text):
        if char.isascii():
            out.append(char)
            continue
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < size else " "
        code = ord(char)
        if 0x0600 <= code <= 0x06FF:  # Arabic
            if char == "\u0639" and not _in_word(before):  # ayn
                out.append("a")
                continue
            if char in _ARABIC:
                out.append(_ARABIC[char])
                continue
        elif 0x05D0 <= code <= 0x05EA:  # Hebrew letters
            if char in _HEBREW_HARD and not _in_word(before):
                out.append(_HEBREW_HARD[char])
                continue
        elif 0x0900 <= code <= 0x097F:  # Devanagari
            out.append(_devanagari(text, index, anyascii))
            continue
        elif 0x0370 <= code <= 0x03FF:  # Greek
            if char in "υύ" and before in "αεηο":
                out.append("u" if before == "ο" else "f" if after in _GREEK_VOICELESS else "v")
                continue
            if char == "γ" and after in "γξχ":
                out.append("n")
                continue
        elif 0x3040 <= code <= 0x30FF:  # Japanese kana
            geminate = _kana(char, anyascii(char), out, geminate)
            continue
        # apostrophes mark ejectives, aspiration or a glottal stop: not part of an id
        ascii_text = anyascii(char).replace("'", "").replace("`", "")
        if ascii_text[:1].isupper() and char.lower() == char.upper():
            out.append(f"-{ascii_text}-")  # a syllable written as one character
        else:
            out.append(ascii_text)
    return "".join(out)


def _kana(char: str, ascii_text: str, out: list[str], geminate: bool) -> bool:
    """Append one kana's romaji to ``out``; True when the next consonant is doubled.

    A small ya, yu or yo joins the syllable before it (``チョ`` -> ``cho``, ``キョ`` ->
    ``kyo``), and a small tsu doubles the consonant after it (``ニッポン`` -> ``nippon``).
    """
    if char in "っッ":
        return True
    if char in "ゃゅょャュョ" and out and len(out[-1]) > 1 and out[-1].endswith("i"):
        stem, vowel = out[-1][:-1], ascii_text[1:]
        out[-1] = stem + vowel if stem.endswith(("ch", "sh", "j")) else f"{stem}y{vowel}"
        return False
    if geminate and ascii_text[:1] not in ("", "a", "e", "i", "o", "u", "n"):
        ascii_text = ("t" if ascii_text.startswith("ch") else ascii_text[0]) + ascii_text
    out.append(ascii_text)
    return False


_ARABIC = {
    "\u0627": "a",  # alif
    "\u0623": "a",  # alif with hamza above
    "\u0625": "i",  # alif with hamza below
    "\u0622": "a",  # alif madda
    "\u0671": "a",  # alif wasla
    "\u0649": "a",  # alif maqsura
    "\u0629": "a",  # ta marbuta
    "\u0621": "",  # hamza
    "\u0624": "u",  # waw with hamza
    "\u0626": "i",  # yeh with hamza
    "\u0639": "",  # ayn inside a word
}
_GREEK_VOICELESS = frozenset("θκξπστφχψς ")
_HEBREW_HARD = {"\u05d1": "b", "\u05db": "k", "\u05e4": "p"}
_VIRAMA = "\u094d"
_NUKTA = "\u093c"
_LABIALS = frozenset("\u092a\u092b\u092c\u092d\u092e")


def _devanagari(text: str, index: int, anyascii: Callable[[str], str]) -> str:
    char = text[index]
    if char in "\u0901\u0902":  # candrabindu, anusvara: the nasal of what follows
        after = text[index + 1] if index + 1 < len(text) else " "
        return "m" if after in _LABIALS else "n"
    ascii_text = anyascii(char)
    if not ("\u0915" <= char <= "\u0939" or "\u0958" <= char <= "\u095f"):
        return ascii_text  # vowels, vowel signs, virama, digits
    following = index + 1
    if following < len(text) and text[following] == _NUKTA:
        following += 1
    after = text[following] if following < len(text) else " "
    if after == _VIRAMA or "\u093e" <= after <= "\u094c" or after in "\u0962\u0963":
        return ascii_text  # a vowel sign or a virama follows: no inherent vowel
    word_end = not _in_word(after)
    conjunct = index > 0 and text[index - 1] == _VIRAMA
    return ascii_text if word_end and not conjunct else ascii_text + "a"


_CYRILLIC = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya",
    }
)  # fmt: skip
