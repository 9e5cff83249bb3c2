"""Which font draws which character: the shipped Noto fonts, then the system's CJK fonts.

Pure (no pygame): ``validate`` asks here whether a file's text can be drawn, and the
window and the exports ask here which font sets each character.

- The shipped fonts (``assets/fonts``): Noto Sans for Latin, Greek and Cyrillic, and the
  Noto Sans fonts of Arabic, Hebrew, Devanagari, Thai, Georgian and Armenian. Which
  characters each one has is precomputed in ``assets/fonts/coverage.json`` (a test holds
  it equal to the fonts' own character maps); after changing the fonts, write it afresh::

      python -m matryoshka.stage.scripts

- Chinese, Japanese and Korean fonts are some 20 MB each, so the program uses the one the
  system has: the usual files of Windows, macOS and Linux desktops, then ``fc-match``.
  ``MATRYOSHKA_FONT_DIRS`` (folders separated by ``os.pathsep``) replaces that search
  with the fonts in the folders named.
"""

from __future__ import annotations

import json
import os
import struct
import sys
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import NamedTuple

from matryoshka.format.model import Sequence, TextEmblem
from matryoshka.paths import assets_dir
from matryoshka.stage import bidi

#: Environment variable naming folders to take CJK fonts from instead of the system's.
FONT_DIRS_ENV = "MATRYOSHKA_FONT_DIRS"
#: What to install when no font here draws Chinese, Japanese or Korean.
CJK_HINT = "install fonts-noto-cjk / a CJK font"


class Face(NamedTuple):
    """One font family: its files and the characters it has."""

    key: str
    regular: Path
    bold: Path
    #: Sorted, disjoint (first, last) code point ranges the font maps to glyphs.
    ranges: tuple[tuple[int, int], ...]
    #: First code points of ``ranges``, for bisecting.
    starts: tuple[int, ...]

    def covers(self, cp: int) -> bool:
        i = bisect_right(self.starts, cp) - 1
        return i >= 0 and cp <= self.ranges[i][1]


#: The shipped families (file stems), the program's own first.
SHIPPED_FAMILIES = (
    "NotoSans",
    "NotoSansArabic",
    "NotoSansHebrew",
    "NotoSansDevanagari",
    "NotoSansThai",
    "NotoSansGeorgian",
    "NotoSansArmenian",
)

# --- Scripts --------------------------------------------------------------------------

#: (first, last, script name, ISO 15924 tag for the shaper). Unlisted letters are Latin,
#: Greek or Cyrillic or named from the Unicode character name.
_SCRIPT_RANGES: tuple[tuple[int, int, str, str], ...] = (
    (0x0370, 0x03FF, "Greek", "Grek"),
    (0x0400, 0x052F, "Cyrillic", "Cyrl"),
    (0x0530, 0x058F, "Armenian", "Armn"),
    (0x0590, 0x05FF, "Hebrew", "Hebr"),
    (0x0600, 0x06FF, "Arabic", "Arab"),
    (0x0750, 0x077F, "Arabic", "Arab"),
    (0x0870, 0x08FF, "Arabic", "Arab"),
    (0x0900, 0x097F, "Devanagari", "Deva"),
    (0x0E00, 0x0E7F, "Thai", "Thai"),
    (0x10A0, 0x10FF, "Georgian", "Geor"),
    (0x1100, 0x11FF, "Korean", "Hang"),
    (0x1C80, 0x1C8F, "Cyrillic", "Cyrl"),
    (0x1C90, 0x1CBF, "Georgian", "Geor"),
    (0x1F00, 0x1FFF, "Greek", "Grek"),
    (0x2D00, 0x2D2F, "Georgian", "Geor"),
    (0x2DE0, 0x2DFF, "Cyrillic", "Cyrl"),
    (0x2E80, 0x2FDF, "Chinese", "Hani"),
    (0x3000, 0x303F, "Chinese", "Hani"),
    (0x3040, 0x309F, "Japanese", "Hira"),
    (0x30A0, 0x30FF, "Japanese", "Kana"),
    (0x3100, 0x312F, "Chinese", "Bopo"),
    (0x3130, 0x318F, "Korean", "Hang"),
    (0x31F0, 0x31FF, "Japanese", "Kana"),
    (0x3400, 0x4DBF, "Chinese", "Hani"),
    (0x4E00, 0x9FFF, "Chinese", "Hani"),
    (0xA640, 0xA69F, "Cyrillic", "Cyrl"),
    (0xA8E0, 0xA8FF, "Devanagari", "Deva"),
    (0xA960, 0xA97F, "Korean", "Hang"),
    (0xAC00, 0xD7FF, "Korean", "Hang"),
    (0xF900, 0xFAFF, "Chinese", "Hani"),
    (0xFB13, 0xFB17, "Armenian", "Armn"),
    (0xFB1D, 0xFB4F, "Hebrew", "Hebr"),
    (0xFB50, 0xFDFF, "Arabic", "Arab"),
    (0xFE70, 0xFEFF, "Arabic", "Arab"),
    (0xFF00, 0xFF65, "Chinese", "Hani"),
    (0xFF66, 0xFF9F, "Japanese", "Kana"),
    (0xFFA0, 0xFFDC, "Korean", "Hang"),
    (0x20000, 0x3FFFF, "Chinese", "Hani"),
)
_SCRIPT_STARTS = tuple(r[0] for r in _SCRIPT_RANGES)
#: Scripts drawn by a system CJK font.
CJK_SCRIPTS = frozenset({"Chinese", "Japanese", "Korean"})
#: Scripts written without spaces between words: lines may break between characters.
UNSPACED_SCRIPTS = frozenset({"Chinese", "Japanese", "Thai", "Lao", "Khmer", "Myanmar"})


def _script_entry(cp: int) -> tuple[str, str] | None:
    i = bisect_right(_SCRIPT_STARTS, cp) - 1
    if i >= 0 and cp <= _SCRIPT_RANGES[i][1]:
        return _SCRIPT_RANGES[i][2], _SCRIPT_RANGES[i][3]
    return None


def script_of(ch: str) -> str:
    """The script of ``ch`` as people name it (``Arabic``, ``Japanese``); ``Latin`` for
    Latin letters and for characters shared by all scripts (digits, punctuation)."""
    found = _script_entry(ord(ch))
    if found is not None:
        return found[0]
    cp = ord(ch)
    if cp < 0x0250 or 0x1E00 <= cp <= 0x1EFF or not unicodedata.category(ch).startswith("L"):
        return "Latin"
    name = unicodedata.name(ch, "")
    return name.split(" ")[0].title() if name else "Latin"


def script_tag(ch: str) -> str:
    """The ISO 15924 tag the shaper needs for ``ch`` (``Arab``, ``Deva``; ``Latn``)."""
    found = _script_entry(ord(ch))
    return found[1] if found is not None else "Latn"


def needs_no_glyph(ch: str) -> bool:
    """Characters nothing has to be drawn for: controls, format marks, spaces."""
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")


# --- Fonts ----------------------------------------------------------------------------


def fonts_dir() -> Path:
    return assets_dir() / "fonts"


def coverage_path() -> Path:
    """The shipped table of the characters each shipped font has."""
    return fonts_dir() / "coverage.json"


def _face(key: str, regular: Path, bold: Path, ranges: list[tuple[int, int]]) -> Face:
    spans = tuple((int(a), int(b)) for a, b in ranges)
    return Face(key, regular, bold, spans, tuple(a for a, _ in spans))


@cache
def shipped_faces() -> tuple[Face, ...]:
    """The shipped font families with their coverage, the program's own first."""
    try:
        table = json.loads(coverage_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        table = {}
    faces = []
    for family in SHIPPED_FAMILIES:
        regular = fonts_dir() / f"{family}-Regular.ttf"
        bold = fonts_dir() / f"{family}-Bold.ttf"
        ranges = table.get(regular.name)
        if ranges is None:  # a damaged install: read the font itself
            ranges = cmap_ranges(regular) if regular.is_file() else []
        faces.append(_face(family, regular, bold, ranges))
    return tuple(faces)


# Usual places of CJK fonts, as (regular, bold) pairs, best first.
_WINDOWS_CJK = (
    ("YuGothR.ttc", "YuGothB.ttc"),
    ("msgothic.ttc", "msgothic.ttc"),
    ("msyh.ttc", "msyhbd.ttc"),
    ("msyh.ttf", "msyhbd.ttf"),
    ("malgun.ttf", "malgunbd.ttf"),
    ("simsun.ttc", "simsun.ttc"),
)
_MAC_FONTS = "/System/Library/Fonts/"
_MAC_CJK = (
    (_MAC_FONTS + "ヒラギノ角ゴシック W3.ttc", _MAC_FONTS + "ヒラギノ角ゴシック W6.ttc"),
    (_MAC_FONTS + "Hiragino Sans GB.ttc", _MAC_FONTS + "Hiragino Sans GB.ttc"),
    (_MAC_FONTS + "PingFang.ttc", _MAC_FONTS + "PingFang.ttc"),
    (_MAC_FONTS + "AppleSDGothicNeo.ttc", _MAC_FONTS + "AppleSDGothicNeo.ttc"),
    ("/Library/Fonts/Arial Unicode.ttf", "/Library/Fonts/Arial Unicode.ttf"),
)
_LINUX_CJK_DIRS = (
    "/usr/share/fonts/opentype/noto",
    "/usr/share/fonts/noto-cjk",
    "/usr/share/fonts/google-noto-cjk",
    "/usr/share/fonts/opentype/noto-cjk",
    "/usr/share/fonts/noto",
    "/usr/share/fonts/truetype/noto",
)
_LINUX_CJK_NAMES = (
    ("NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"),
    ("NotoSansCJKjp-Regular.otf", "NotoSansCJKjp-Bold.otf"),
    ("NotoSerifCJK-Regular.ttc", "NotoSerifCJK-Bold.ttc"),
)
_LINUX_OTHER_CJK = (
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/google-droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)
#: A character every CJK font has (日, "day").
_CJK_PROBE = 0x65E5
_FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")


def _well_known_cjk() -> list[tuple[Path, Path]]:
    """The usual CJK font files of this kind of system, best first (may not exist)."""
    if sys.platform == "win32":
        folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        return [(folder / a, folder / b) for a, b in _WINDOWS_CJK]
    if sys.platform == "darwin":
        return [(Path(a), Path(b)) for a, b in _MAC_CJK]
    pairs = [(Path(d) / a, Path(d) / b) for a, b in _LINUX_CJK_NAMES for d in _LINUX_CJK_DIRS]
    return pairs + [(Path(p), Path(p)) for p in _LINUX_OTHER_CJK]


def _fc_match() -> list[tuple[Path, Path]]:
    """What fontconfig offers for Japanese, Chinese and Korean (Linux, BSD)."""
    import shutil  # only when the usual places had no CJK font
    import subprocess

    if shutil.which("fc-match") is None:
        return []
    found = []
    for lang in ("ja", "zh-cn", "ko"):
        try:
            out = subprocess.run(
                ["fc-match", "-f", "%{file}", f":lang={lang}"],
                capture_output=True,
                text=True,
                timeout=3,
                check=False,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            continue
        if out:
            found.append((Path(out), Path(out)))
    return found


def _in_folders(folders: list[str]) -> list[tuple[Path, Path]]:
    files: list[Path] = []
    for folder in folders:
        try:
            files += sorted(p for p in Path(folder).iterdir() if p.suffix.lower() in _FONT_SUFFIXES)
        except OSError:
            continue
    names = {p.name: p for p in files}
    pairs = []
    for p in files:
        bold = names.get(p.name.replace("Regular", "Bold"), p)
        if "Bold" not in p.name:
            pairs.append((p, bold))
    return pairs


def _candidates() -> Iterator[tuple[Path, Path]]:
    """The CJK font files to try, best first: fontconfig is asked only when the usual
    places have nothing that fits."""
    override = os.environ.get(FONT_DIRS_ENV)
    if override is not None:
        yield from _in_folders([d for d in override.split(os.pathsep) if d])
        return
    yield from _well_known_cjk()
    yield from _fc_match_once()


@cache
def _fc_match_once() -> tuple[tuple[Path, Path], ...]:
    return tuple(_fc_match())


@cache
def _system_face(regular: Path, bold: Path) -> Face | None:
    """The font at ``regular`` with its coverage, or None if it is not a usable font."""
    try:
        if not regular.is_file():
            return None
        ranges = cmap_ranges(regular)
    except (OSError, ValueError, struct.error):
        return None
    return _face(f"cjk-{regular.stem}", regular, bold if bold.is_file() else regular, ranges)


@cache
def cjk_face_for(cp: int) -> Face | None:
    """The first system CJK font that has the character ``cp``, or None.

    Fonts are opened, and their character maps read, only as text needs them: one font
    has Japanese and Chinese, another Korean on some systems (Windows).
    """
    for regular, bold in _candidates():
        face = _system_face(regular, bold)
        if face is not None and face.covers(cp):
            return face
    return None


def cjk_face() -> Face | None:
    """The system font that draws Chinese and Japanese (日), or None when there is none."""
    return cjk_face_for(_CJK_PROBE)


def forget_system_fonts() -> None:
    """Look for the system's CJK fonts afresh (after ``MATRYOSHKA_FONT_DIRS`` changed)."""
    for cached in (cjk_face_for, _system_face, _fc_match_once):
        cached.cache_clear()


def face_for(ch: str) -> Face | None:
    """The first font that has ``ch``: the shipped ones in order, then the CJK font."""
    cp = ord(ch)
    for face in shipped_faces():
        if face.covers(cp):
            return face
    if cp >= 0x1100:  # below that, no CJK font has what the shipped ones lack
        return cjk_face_for(cp)
    return None


def missing_scripts(text: str) -> list[str]:
    """The scripts of the characters of ``text`` that no font here can draw, in order.

    A symbol or a letter of no script named here is given by its code point, ``U+1F451``.
    """
    out: list[str] = []
    for ch in text:
        if ch.isascii() or needs_no_glyph(ch) or unicodedata.category(ch).startswith("M"):
            continue
        if face_for(ch) is None:
            script = script_of(ch)
            named = _script_entry(ord(ch)) is not None  # 。 and 〇 are Japanese too
            if not named and (script == "Latin" or not unicodedata.category(ch).startswith("L")):
                script = f"U+{ord(ch):04X}"
            if script not in out:
                out.append(script)
    return out


def missing_font_message(scripts: list[str]) -> str:
    """``no font here can draw Japanese text (install ...)`` for the scripts found missing."""
    cjk = [s for s in scripts if s in CJK_SCRIPTS]
    points = [s for s in scripts if s.startswith("U+")]
    if len(cjk) > 1 and "Chinese" in cjk:
        # Han characters are part of Japanese and Korean text: name the language that
        # has them, by its kana or hangul.
        cjk.remove("Chinese")
    others = [s for s in scripts if s not in CJK_SCRIPTS and s not in points]
    parts = []
    if cjk:
        parts.append(f"{' and '.join(cjk)} text ({CJK_HINT})")
    if others:
        fonts = " / ".join(f"Noto Sans {s}" for s in others)
        parts.append(f"{' and '.join(others)} text (install a font for it, such as {fonts})")
    if points:
        parts.append(f"the character{'s' if len(points) > 1 else ''} {', '.join(points)}")
    return "no font here can draw " + "; nor ".join(parts)


# --- Setting a line in pieces --------------------------------------------------------


class Piece(NamedTuple):
    """Part of a line set in one font and one direction, in logical order."""

    text: str
    face: Face
    rtl: bool
    script: str


def pieces(text: str) -> list[Piece]:
    """``text`` cut into pieces of one font and one direction, from left to right."""
    main = shipped_faces()[0]
    if text.isascii():
        return [Piece(text, main, False, "Latn")]
    levels = bidi.levels(text)
    faces: list[Face] = []
    current = main
    for ch in text:
        if ch.isascii() and not ch.isspace():
            face = main
        elif unicodedata.category(ch).startswith("L"):
            face = face_for(ch) or main
        elif current.covers(ord(ch)) or needs_no_glyph(ch):
            face = current  # digits, marks, punctuation and spaces stay with their run
        else:
            face = face_for(ch) or main
        faces.append(face)
        current = face
    logical: list[tuple[int, int]] = []  # (start, end) of each piece
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or levels[i] != levels[start] or faces[i] is not faces[start]:
            logical.append((start, i))
            start = i
    out = []
    for k in bidi.reorder([levels[a] for a, _ in logical]):
        a, b = logical[k]
        # The direction marks have done their work in the levels: they are never drawn.
        part = "".join(ch for ch in text[a:b] if ch not in bidi.DIRECTION_CONTROLS)
        if not part:
            continue
        tag = next((t for t in map(script_tag, part) if t != "Latn"), "Latn")
        out.append(Piece(part, faces[a], levels[a] % 2 == 1, tag))
    return out


def drawn_texts(sequence: Sequence) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text of ``sequence`` the window or an export may draw, with its key path."""
    yield ("title",), sequence.title
    if sequence.description:
        yield ("description",), sequence.description
    for i, doll in enumerate(sequence.dolls):
        for field in ("name", "native_name", "office", "caption"):
            value = getattr(doll, field)
            if value:
                yield ("dolls", i, field), value
        for j, emblem in enumerate(doll.emblems):
            if isinstance(emblem, TextEmblem):
                yield ("dolls", i, "emblems", j, "text"), emblem.text


def missing_font_notice(sequence: Sequence) -> str | None:
    """What the window says when ``sequence`` has text no font here can draw, or None."""
    missing: list[str] = []
    for _, text in drawn_texts(sequence):
        if not text.isascii():
            missing += [s for s in missing_scripts(text) if s not in missing]
    if not missing:
        return None
    message = missing_font_message(missing)
    return message[0].upper() + message[1:]


# --- Reading a font's character map --------------------------------------------------


def cmap_ranges(path: Path, index: int = 0) -> list[tuple[int, int]]:
    """The code point ranges ``path`` maps to glyphs (TrueType, OpenType, collections).

    Reads only the font's ``cmap`` table (formats 4 and 12), so even a 20 MB collection
    costs a few milliseconds.

    Raises:
        OSError: the file cannot be read.
        ValueError: it is not a font, or has no Unicode character map.
    """
    with open(path, "rb") as f:

        def read(offset: int, size: int) -> bytes:
            f.seek(offset)
            data = f.read(size)
            if len(data) != size:
                raise ValueError(f"{path}: truncated font")
            return data

        base = 0
        if read(0, 4) == b"ttcf":
            count = struct.unpack(">I", read(8, 4))[0]
            if not 0 <= index < count:
                raise ValueError(f"{path}: no font {index} in the collection")
            base = struct.unpack(">I", read(12 + 4 * index, 4))[0]
        tables = struct.unpack(">H", read(base + 4, 2))[0]
        cmap = None
        for i in range(tables):
            tag, _, offset, _ = struct.unpack(">4sIII", read(base + 12 + 16 * i, 16))
            if tag == b"cmap":
                cmap = offset
        if cmap is None:
            raise ValueError(f"{path}: no character map")
        count = struct.unpack(">H", read(cmap + 2, 2))[0]
        best: tuple[int, int] | None = None  # (rank, subtable offset)
        for i in range(count):
            platform, encoding, offset = struct.unpack(">HHI", read(cmap + 4 + 8 * i, 8))
            fmt = struct.unpack(">H", read(cmap + offset, 2))[0]
            unicode = platform == 0 or (platform == 3 and encoding in (1, 10))
            if unicode and fmt in (4, 12):
                rank = 2 if fmt == 12 else 1
                if best is None or rank > best[0]:
                    best = (rank, cmap + offset)
        if best is None:
            raise ValueError(f"{path}: no Unicode character map")
        start = best[1]
        if best[0] == 2:
            groups = struct.unpack(">I", read(start + 12, 4))[0]
            data = read(start + 16, groups * 12)
            spans = [(a, b) for a, b, _ in struct.iter_unpack(">III", data)]
        else:
            spans = _format4(read(start, struct.unpack(">H", read(start + 2, 2))[0]))
    return _merge(spans)


def _format4(data: bytes) -> list[tuple[int, int]]:
    segs = struct.unpack(">H", data[6:8])[0] // 2
    ends = struct.unpack(f">{segs}H", data[14 : 14 + 2 * segs])
    at = 16 + 2 * segs
    starts = struct.unpack(f">{segs}H", data[at : at + 2 * segs])
    deltas = struct.unpack(f">{segs}h", data[at + 2 * segs : at + 4 * segs])
    range_at = at + 4 * segs
    offsets = struct.unpack(f">{segs}H", data[range_at : range_at + 2 * segs])
    spans: list[tuple[int, int]] = []
    for i in range(segs):
        first, last = starts[i], ends[i]
        if first == 0xFFFF:
            continue
        if offsets[i] == 0:
            # Glyph = code + delta; code points landing on glyph 0 are missing.
            spans.extend((c, c) for c in range(first, last + 1) if (c + deltas[i]) & 0xFFFF)
            continue
        for c in range(first, last + 1):
            where = range_at + 2 * i + offsets[i] + 2 * (c - first)
            glyph = struct.unpack(">H", data[where : where + 2])[0] if where + 2 <= len(data) else 0
            if glyph and (glyph + deltas[i]) & 0xFFFF:
                spans.append((c, c))
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def coverage_table() -> dict[str, list[tuple[int, int]]]:
    """The table ``coverage.json`` holds, computed from the shipped fonts."""
    table = {}
    for family in SHIPPED_FAMILIES:
        for style in ("Regular", "Bold"):
            name = f"{family}-{style}.ttf"
            table[name] = cmap_ranges(fonts_dir() / name)
    return table


def main() -> int:
    """Write ``assets/fonts/coverage.json`` from the shipped fonts."""
    table = coverage_table()
    text = "{\n" + ",\n".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in table.items())
    coverage_path().write_text(text + "\n}\n", encoding="utf-8")
    print(coverage_path())
    return 0


if __name__ == "__main__":
    sys.exit(main())
