"""Portraits that belong on the doll: framing, painted styles, the rim and the light."""

from __future__ import annotations

from pathlib import Path

import pytest
from golden_images import check_golden
from PIL import Image, ImageDraw

from matryoshka import painter
from matryoshka.errors import MatryoshkaError
from matryoshka.format.loader import load_sequence
from matryoshka.format.model import Colors, Doll, Face, Framing, ImageEmblem, TextEmblem
from matryoshka.painter import regions as g
from matryoshka.painter.portrait import POSTER_COLORS, frame_box, load_portrait
from matryoshka.pgcompat import pygame


def _photo(path: Path) -> Path:
    """A made-up head-and-shoulders photograph: a face high in the middle, a backdrop
    with a flag in the corner."""
    im = Image.new("RGB", (400, 400), (40, 70, 130))
    d = ImageDraw.Draw(im)
    d.rectangle([10, 10, 110, 70], fill=(200, 30, 40))
    d.ellipse([90, 260, 310, 480], fill=(210, 210, 215))
    d.ellipse([150, 90, 250, 230], fill=(230, 190, 160))
    d.ellipse([170, 140, 186, 152], fill=(40, 40, 60))
    d.ellipse([214, 140, 230, 152], fill=(40, 40, 60))
    d.chord([140, 70, 260, 170], 180, 360, fill=(90, 60, 40))
    im.save(path)
    return path


def test_frame_box_at_zoom_one_is_the_largest_face_shaped_box() -> None:
    left, top, right, bottom = frame_box((1000, 500), Framing(center=(0.5, 0.5), zoom=1.0))
    assert bottom - top == 500 and abs((right - left) - 465) <= 1
    assert abs((left + right) / 2 - 500) <= 1


def test_frame_box_zooms_about_its_centre_and_stays_inside_the_image() -> None:
    box = frame_box((930, 1000), Framing(center=(0.5, 0.3), zoom=2.0))
    assert (box[2] - box[0], box[3] - box[1]) == (465, 500)
    assert (box[0] + box[2]) / 2 == pytest.approx(465, abs=1)
    assert (box[1] + box[3]) / 2 == pytest.approx(300, abs=1)
    corner = frame_box((930, 1000), Framing(center=(0.0, 1.0), zoom=4.0))
    assert corner[0] == 0 and corner[3] == 1000


def test_the_default_framing_shows_the_face_larger_than_the_whole_photo(tmp_path: Path) -> None:
    photo = _photo(tmp_path / "p.png")
    whole = load_portrait(photo, Framing(zoom=1.0))
    framed = load_portrait(photo)
    assert whole is not None and framed is not None

    def skin(im: Image.Image) -> float:
        pixels = list(im.convert("RGB").get_flattened_data())
        return sum(1 for r, g_, b in pixels if r > 200 and 160 < g_ < 210 and b < 190) / len(pixels)

    assert skin(framed) > 2 * skin(whole)


def test_posterised_has_a_few_flat_colours_and_outlined_adds_dark_lines(tmp_path: Path) -> None:
    photo = Image.new("RGB", (300, 300))
    photo.putdata([(x % 256, (x * y) % 256, y % 256) for y in range(300) for x in range(300)])
    path = tmp_path / "noisy.png"
    photo.save(path)
    poster = load_portrait(path, Framing(style="posterised"))
    lined = load_portrait(path, Framing(style="outlined"))
    plain = load_portrait(path, Framing())
    assert poster is not None and lined is not None and plain is not None
    assert len(set(poster.get_flattened_data())) <= POSTER_COLORS
    assert len(set(plain.get_flattened_data())) > 1000
    dark = [c for c in lined.get_flattened_data() if max(c) < 60]
    assert len(dark) > 0.03 * lined.width * lined.height


def _face_pixels(surf: pygame.Surface, h: int, box: g.Rect) -> list[tuple[int, int, int]]:
    w = surf.get_width()
    out = []
    for y in range(round(box.y * h), round((box.y + box.h) * h)):
        for x in range(round(w / 2 + box.x * h), round(w / 2 + (box.x + box.w) * h)):
            c = surf.get_at((x, y))
            out.append((c.r, c.g, c.b))
    return out


def test_the_face_is_rimmed_in_the_trim_and_shaded_round(tmp_path: Path) -> None:
    path = tmp_path / "flat.png"
    Image.new("RGB", (100, 100), (120, 200, 120)).save(path)
    h = 512
    trim = (30, 60, 220)
    doll = Doll(name="A", id="a", portrait=path, colors=Colors(trim=trim))
    surf = painter.paint(doll, "whole", h)
    # The rim: just inside the face's left edge, at eye height, the trim's blue.
    o = g.FACE
    x = round(surf.get_width() / 2 + (o.cx - o.rx + 0.004) * h)
    rim = surf.get_at((x, round(o.cy * h)))
    assert rim.b > 150 and rim.g < 120
    # Rounded: the middle of the face is lighter than near its edge, in the same light.
    middle = surf.get_at((round(surf.get_width() / 2), round(o.cy * h)))
    low = surf.get_at((round(surf.get_width() / 2), round((o.cy + o.ry * 0.85) * h)))
    assert middle.g > low.g + 12


def test_headwear_sits_on_the_head_over_the_portrait(tmp_path: Path) -> None:
    photo = _photo(tmp_path / "p.png")
    h = 256
    bare = painter.paint(Doll(name="A", id="a", portrait=photo), "whole", h)
    crowned = painter.paint(
        Doll(name="A", id="a", portrait=photo, face=Face(headwear="royal-crown")), "whole", h
    )
    # The crown's gold is on the dome above the photograph, and reaches down over the
    # top of its rim; the eyes of the photograph stay as they were.
    o = g.FACE
    cx = round(bare.get_width() / 2)
    dome = crowned.get_at((cx, round((o.top - o.ry * 0.12) * h)))
    assert dome.r > 150 and dome.g > 110 and dome.b < 110
    assert dome != bare.get_at((cx, round((o.top - o.ry * 0.12) * h)))
    assert crowned.get_at((cx, round(o.cy * h))) == bare.get_at((cx, round(o.cy * h)))


def test_each_style_and_framing_paints_a_different_face(tmp_path: Path) -> None:
    photo = _photo(tmp_path / "p.png")
    pictures = set()
    framings = [
        Framing(),
        Framing(zoom=1.0),
        Framing(center=(0.3, 0.3), zoom=3.0),
        Framing(style="posterised"),
        Framing(style="outlined"),
    ]
    for framing in framings:
        doll = Doll(name="A", id="a", portrait=photo, portrait_framing=framing)
        pictures.add(pygame.image.tobytes(painter.paint(doll, "whole", 256), "RGBA"))
    assert len(pictures) == len(framings)


def _set(folder: Path, portrait: str) -> Path:
    _photo(folder / "p.png")
    path = folder / "set.yaml"
    path.write_text(
        f"format: matryoshka/1\ntitle: T\ndolls:\n  - name: A\n    portrait: {portrait}\n",
        encoding="utf-8",
    )
    return path


def test_the_plain_path_form_still_works_with_the_default_framing(tmp_path: Path) -> None:
    doll = load_sequence(_set(tmp_path, "p.png")).sequence.dolls[0]
    assert doll.portrait == (tmp_path / "p.png").resolve()
    assert doll.portrait_framing == Framing()


def test_the_framed_form_is_read(tmp_path: Path) -> None:
    text = "{file: p.png, center: [0.4, 0.25], zoom: 2.5, style: outlined}"
    doll = load_sequence(_set(tmp_path, text)).sequence.dolls[0]
    assert doll.portrait == (tmp_path / "p.png").resolve()
    assert doll.portrait_framing == Framing(center=(0.4, 0.25), zoom=2.5, style="outlined")


@pytest.mark.parametrize(
    ("frame", "col", "message"),
    [
        ("center: [1.2, 0.5]", 37, "portrait.center: 1.2 is outside the image"),
        ("center: [0.5]", 37, "portrait.center: expected [x, y]"),
        ("zoom: 0.5", 35, "portrait.zoom: zoom 0.5 is out of range"),
        ("zoom: 1000", 35, "portrait.zoom: zoom 1000 is out of range"),
        ("zoom: .nan", 35, "portrait.zoom: expected a number"),
        ("style: sepia", 36, "portrait.style: unknown portrait style 'sepia'"),
        ("centre: [0.5, 0.5]", 29, "unknown key 'centre'; did you mean 'center'?"),
    ],
)
def test_a_bad_frame_is_a_located_error(tmp_path: Path, frame: str, col: int, message: str) -> None:
    path = _set(tmp_path, "{file: p.png, " + frame + "}")
    with pytest.raises(MatryoshkaError) as caught:
        load_sequence(path)
    (diagnostic,) = caught.value.diagnostics
    assert (diagnostic.line, diagnostic.col) == (5, col)
    assert message in diagnostic.message


DATA = Path(__file__).parent / "data"


def test_portrait_styles_and_image_emblems_match_their_golden_sheet() -> None:
    # A made-up astronaut (no real person): the whole photograph, the default framing,
    # a close framing in each style; then an SVG and a PNG emblem, on an apron and a suit;
    # then a mitre over a portrait.
    photo = DATA / "portraits" / "astronaut.png"
    svg = DATA / "emblems" / "party.svg"
    close = Framing(center=(0.5, 0.4), zoom=2.2)
    dolls = [
        Doll(name="a", id="a", portrait=photo, portrait_framing=Framing(zoom=1.0)),
        Doll(name="b", id="b", portrait=photo),
        Doll(name="c", id="c", portrait=photo, portrait_framing=close),
        Doll(
            name="d",
            id="d",
            portrait=photo,
            portrait_framing=Framing(close.center, 2.2, "posterised"),
        ),
        Doll(
            name="e",
            id="e",
            portrait=photo,
            portrait_framing=Framing(close.center, 2.2, "outlined"),
        ),
        Doll(name="f", id="f", emblems=(ImageEmblem(svg),)),
        Doll(name="g", id="g", emblems=("suit", ImageEmblem(svg), TextEmblem("GOP"))),
        Doll(name="h", id="h", emblems=(ImageEmblem(photo),)),
        Doll(name="i", id="i", portrait=photo, face=Face(headwear="mitre")),
    ]
    h = 256
    w = painter.doll_width(h)
    sheet = pygame.Surface((len(dolls) * w, h))
    sheet.fill((235, 228, 214))
    for i, doll in enumerate(dolls):
        sheet.blit(painter.paint(doll, "whole", h), (i * w, 0))
    check_golden(sheet, Path(__file__).parent / "golden" / "portraits.png")
