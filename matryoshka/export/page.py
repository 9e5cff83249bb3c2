"""The web page: one self-contained HTML file that opens the dolls in any browser.

Everything is inside the file: the dolls as WebP pictures in ``data:`` addresses, the
styles and the script (from ``assets/page/``), the texts as JSON. It needs no network,
no fonts from elsewhere and no other file, so it can be mailed, attached to a course page
or opened from a USB stick.

The pictures are the painter's own: each doll whole, and its top and bottom halves, as
the window shows them; the hollow of an opened half (the same wood for every doll) once.
The script moves them with the window's choreography, whose numbers it is given here, so
the page opens a doll as the window does.

User text reaches the page only escaped: as HTML text (``html.escape``) or inside the
JSON block, where ``<``, ``>`` and ``&`` are written as ``\\u003c``... so no name or
caption can end the script or add markup; the script only ever sets ``textContent``.
"""

from __future__ import annotations

import base64
import html
import io
import json
import math
import re
from collections.abc import Generator
from functools import cache
from typing import TYPE_CHECKING, BinaryIO

from PIL import Image

from matryoshka import __version__, paths
from matryoshka.format.model import Doll
from matryoshka.painter import Part, doll_width, paint, part_offset, part_size
from matryoshka.records import Record
from matryoshka.stage import choreography as ch
from matryoshka.window.measure import dates_line, short_name

if TYPE_CHECKING:
    from matryoshka.export.job import Encoder, ExportRequest

#: Height of the pictures of a set of up to ``FULL_SIZE_DOLLS`` dolls: sharp on a
#: classroom projector, and the market set's page stays under half a megabyte.
PAGE_IMAGE_HEIGHT = 480
FULL_SIZE_DOLLS = 40
#: Longer sets get smaller pictures (height falls with the square root of the number of
#: dolls, so the file grows about linearly), never below this: 1,000 dolls make a page of
#: about 13 MB.
MIN_PAGE_IMAGE_HEIGHT = 160
#: WebP quality of the pictures (the transparency is kept losslessly).
WEBP_QUALITY = 85


def image_height(count: int, requested: int | None = None) -> int:
    """The height of the pictures on a page of ``count`` dolls (``requested`` wins)."""
    if requested is not None:
        return requested
    if count <= FULL_SIZE_DOLLS:
        return PAGE_IMAGE_HEIGHT
    shrunk = PAGE_IMAGE_HEIGHT * math.sqrt(FULL_SIZE_DOLLS / count)
    return max(MIN_PAGE_IMAGE_HEIGHT, round(shrunk))


class DollPictures(Record):
    """One doll's pictures, whole and its two halves, as ``data:`` addresses."""

    whole: str
    top: str
    bottom: str


def _picture(doll: Doll, part: Part, height: int) -> str:
    from matryoshka.export.pictures import to_pil

    return data_uri(to_pil(paint(doll, part, height)))


def produce(request: ExportRequest) -> Generator[float, None, Encoder]:
    """Paint every doll of the page in steps (one doll each); returns the page's writer.

    Each step encodes its doll's pictures at once, so only the compressed pictures are
    held (some 13 MB for 1,000 dolls), never a thousand decoded ones.
    """
    from matryoshka.export.job import DRAW_SHARE

    dolls = request.dolls
    height = image_height(len(dolls), request.height)
    pictures: list[DollPictures] = []
    for i, doll in enumerate(dolls):
        pictures.append(
            DollPictures(
                _picture(doll, "whole", height),
                _picture(doll, "top", height),
                _picture(doll, "bottom", height),
            )
        )
        yield DRAW_SHARE * (i + 1) / len(dolls)
    # The hollow is wood only, the same for every doll: one picture serves them all.
    hollow = _picture(dolls[0], "bottom_back", height)

    def write(fp: BinaryIO) -> None:
        fp.write(render(request, height, pictures, hollow).encode("utf-8"))

    return write


# --- Writing the page -------------------------------------------------------------------


def data_uri(image: Image.Image) -> str:
    """``image`` as a WebP ``data:`` address."""
    buf = io.BytesIO()
    image.save(buf, "WEBP", quality=WEBP_QUALITY, method=4)
    return "data:image/webp;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def script_json(value: object) -> str:
    """``value`` as JSON that is safe inside a ``<script>`` element.

    ``<``, ``>`` and ``&`` are escaped (no ``</script>`` or ``<!--`` can appear), and so
    are the line and paragraph separators that older script engines refuse in strings.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, code in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, code)
    return text


def alt_text(doll: Doll) -> str:
    """What a screen reader says for a doll's picture."""
    years = doll.years()
    return f"{doll.name}{f' ({years})' if years else ''}, painted as a nesting doll"


def _doll_data(doll: Doll, pictures: DollPictures, first: bool) -> dict[str, object]:
    return {
        "id": doll.id,
        "name": doll.name,
        "native": doll.native_name or "",
        "office": doll.office or "",
        "dates": dates_line(doll),
        "caption": doll.caption or "",
        "short": short_name(doll),
        "alt": alt_text(doll),
        # The first doll's picture is already in the page's <img>; the script takes it
        # from there rather than carrying it twice.
        "whole": None if first else pictures.whole,
        "top": pictures.top,
        "bottom": pictures.bottom,
    }


def _motion(height: int) -> dict[str, object]:
    """The window's choreography and the cut of the halves, for the script."""
    top_w, top_h = part_size("top", height)
    return {
        "aspect": doll_width(height) / height,
        "innerRatio": ch.INNER_RATIO,
        "floor": ch.FLOOR,
        "lift": ch.LIFT,
        "rise": ch.RISE,
        "follow": ch.FOLLOW,
        "settle": ch.SETTLE,
        "aside": ch.ASIDE,
        "lidLift": ch.LID_LIFT,
        "innerFoot": ch.INNER_FOOT,
        "bottomDrop": ch.BOTTOM_DROP,
        "restFill": ch.REST_FILL,
        "openMs": ch.OPEN_MS,
        # Where each part's picture sits in the whole doll, in doll heights.
        "parts": {
            part: [part_offset(part, height) / height, part_size(part, height)[1] / height]
            for part in ("top", "bottom", "bottom_back")
        },
        "topWidth": top_w / height,
        "topHeight": top_h / height,
    }


#: Where the template takes a value: ``@@NAME@@``.
_FIELD = re.compile(r"@@([A-Z_]+)@@")


@cache
def _asset(name: str) -> str:
    return (paths.assets_dir() / "page" / name).read_text(encoding="utf-8")


def _info_html(doll: Doll, index: int, count: int) -> dict[str, str]:
    """The info panel's texts for the first doll, for the page as it loads."""
    e = html.escape
    return {
        "POSITION": e(f"Doll {index + 1} of {count}"),
        "NAME": e(doll.name),
        "NATIVE": e(doll.native_name or ""),
        "OFFICE": e(doll.office or ""),
        "DATES": e(dates_line(doll)),
        "CAPTION": e(doll.caption or ""),
    }


def render(request: ExportRequest, height: int, pictures: list[DollPictures], hollow: str) -> str:
    """The whole page as text."""
    seq = request.sequence
    dolls = request.dolls
    first = dolls[0]
    data = {
        "title": seq.title,
        "version": __version__,
        "motion": _motion(height),
        "hollow": hollow,
        "dolls": [
            _doll_data(d, p, i == 0) for i, (d, p) in enumerate(zip(dolls, pictures, strict=True))
        ],
    }
    e = html.escape
    description = seq.description or ""
    source = seq.source or ""
    fields = {
        "TITLE": e(seq.title),
        "COUNT": e(f"{len(dolls)} dolls" if len(dolls) != 1 else "1 doll"),
        "DESCRIPTION": e(description),
        "SOURCE": e(source),
        "ABOUT_HIDDEN": "" if description or source else " hidden",
        "VERSION": e(__version__),
        "FIRST_SRC": pictures[0].whole,
        "FIRST_ALT": e(alt_text(first)),
        "OPEN_LABEL": e(f"Open {first.name}"),
        **_info_html(first, 0, len(dolls)),
        "STYLE": _asset("page.css"),
        "SCRIPT": _asset("page.js"),
        "DATA": script_json(data),
    }
    # One pass, so text put in is never read again as a place for more.
    return _FIELD.sub(lambda m: fields[m.group(1)], _asset("page.html"))
