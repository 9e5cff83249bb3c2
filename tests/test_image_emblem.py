"""A user's own emblem from an image file: SVG drawn at its size, PNG scaled, bad files
left out with a warning, and a changed file painted afresh."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest
from PIL import Image

from matryoshka import painter
from matryoshka.errors import MatryoshkaError
from matryoshka.format.loader import load_sequence
from matryoshka.format.model import Colors, Doll, ImageEmblem
from matryoshka.painter import store
from matryoshka.painter.emblems import draw_emblem
from matryoshka.painter.image_emblem import ImageEmblemWarning
from matryoshka.pgcompat import pygame

SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200" height="100">
  <rect x="0" y="0" width="200" height="100" fill="#1d4f91"/>
  <circle cx="50" cy="50" r="40" fill="#f2c14e"/>
  <rect x="120" y="45" width="70" height="10" fill="#ffffff"/>
</svg>
"""


def _svg(folder: Path, text: str = SVG, name: str = "party.svg") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _draw(path: Path, rect: pygame.Rect) -> pygame.Surface:
    surf = pygame.Surface((rect.right + 4, rect.bottom + 4), pygame.SRCALPHA)
    draw_emblem(surf, ImageEmblem(path), rect, Colors())
    return surf


def test_an_svg_is_drawn_with_its_proportions_centred_in_its_box(tmp_path: Path) -> None:
    rect = pygame.Rect(2, 2, 300, 300)
    surf = _draw(_svg(tmp_path), rect)
    inked = surf.get_bounding_rect(min_alpha=1)
    assert inked.w == 300 and abs(inked.h - 150) <= 1
    assert abs(inked.centery - rect.centery) <= 1
    assert surf.get_at((rect.x + 10, rect.centery))[:3] == (0x1D, 0x4F, 0x91)
    assert surf.get_at((rect.x + 75, rect.centery))[:3] == (0xF2, 0xC1, 0x4E)


def test_an_svg_is_drawn_sharp_at_any_size(tmp_path: Path) -> None:
    # Drawn at the size shown, not scaled up from a small picture: the white bar's edge
    # is as crisp at 1000 pixels as at 200 (one pixel of blend at most).
    path = _svg(tmp_path)
    for width in (200, 1000):
        surf = _draw(path, pygame.Rect(0, 0, width, width // 2))
        y = round(width / 200 * 50)
        xs = range(round(width * 0.55), round(width * 0.65))
        blended = [x for x in xs if 40 < surf.get_at((x, y)).r < 230]
        assert len(blended) <= 2, (width, blended)


def test_a_png_with_transparency_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "logo.png"
    image = Image.new("RGBA", (40, 80), (0, 0, 0, 0))
    image.paste((200, 20, 20, 255), (10, 10, 30, 70))
    image.save(path)
    surf = _draw(path, pygame.Rect(0, 0, 100, 100))
    inked = surf.get_bounding_rect(min_alpha=1)
    assert abs(inked.h - 75) <= 2 and abs(inked.w - 25) <= 2  # half as wide, kept
    assert surf.get_at((50, 50))[:3] == (200, 20, 20)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("missing.svg", None),
        ("broken.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><rect width='10' height="),
        ("not-svg.svg", b"hello"),
        ("broken.png", b"\x89PNG\r\n\x1a\n nothing more"),
        ("missing.png", None),
    ],
)
def test_a_bad_file_is_left_out_with_a_warning(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        surf = _draw(path, pygame.Rect(0, 0, 120, 80))
    if name != "broken.svg":  # SDL's reader may draw what it could read of a broken SVG
        assert surf.get_bounding_rect(min_alpha=1).w == 0
        assert any(issubclass(w.category, ImageEmblemWarning) for w in caught)


def test_an_svg_that_claims_to_be_enormous_is_drawn_at_the_box_size(tmp_path: Path) -> None:
    huge = SVG.replace('width="200" height="100"', 'width="2000000" height="1000000"')
    surf = _draw(_svg(tmp_path, huge), pygame.Rect(0, 0, 200, 200))
    assert surf.get_bounding_rect(min_alpha=1).h == 100


def _write_set(folder: Path, image: str) -> Path:
    path = folder / "set.yaml"
    path.write_text(
        "format: matryoshka/1\ntitle: T\ndolls:\n"
        f"  - name: A\n    emblems: [suit, {{image: {image}}}, {{text: GOP}}]\n",
        encoding="utf-8",
    )
    return path


def test_the_loader_resolves_the_path_beside_the_file(tmp_path: Path) -> None:
    (tmp_path / "emblems").mkdir()
    _svg(tmp_path / "emblems")
    doll = load_sequence(_write_set(tmp_path, "emblems/party.svg")).sequence.dolls[0]
    assert doll.emblems[1] == ImageEmblem((tmp_path / "emblems" / "party.svg").resolve())


def test_a_missing_image_is_a_located_warning_and_the_rest_stays(tmp_path: Path) -> None:
    result = load_sequence(_write_set(tmp_path, "emblems/gone.svg"))
    assert [str(w) for w in result.warnings] == [
        f"{tmp_path / 'set.yaml'}:5:29: warning: dolls[0].emblems[1].image: cannot use "
        "'emblems/gone.svg': no such file; the emblem is left out"
    ]
    assert len(result.sequence.dolls[0].emblems) == 2


@pytest.mark.parametrize("image", ["../outside.svg", "/etc/party.svg", "emblems/party.txt"])
def test_a_path_leaving_the_folder_or_of_another_kind_is_an_error(
    tmp_path: Path, image: str
) -> None:
    with pytest.raises(MatryoshkaError) as caught:
        load_sequence(_write_set(tmp_path, image))
    (diagnostic,) = caught.value.diagnostics
    assert str(diagnostic).startswith(f"{tmp_path / 'set.yaml'}:5:29: error: dolls[0].emblems[1]")


def test_a_changed_image_is_painted_afresh(tmp_path: Path) -> None:
    path = _svg(tmp_path)
    doll = Doll(name="A", id="a", emblems=(ImageEmblem(path),))
    before = store._key(doll, "whole", 128)
    first = pygame.image.tobytes(painter.paint(doll, "whole", 128), "RGBA")
    _svg(tmp_path, SVG.replace("#f2c14e", "#d01010"))
    os.utime(path, ns=(1, 1))
    assert store._key(doll, "whole", 128) != before
    painter.clear_cache()
    second = pygame.image.tobytes(painter.paint(doll, "whole", 128), "RGBA")
    assert first != second


def test_an_image_emblem_paints_on_the_apron_under_the_dolls_light(tmp_path: Path) -> None:
    # A flat grey image comes out lighter on the doll's lit side than on its shaded side.
    path = tmp_path / "grey.png"
    Image.new("RGB", (100, 100), (128, 128, 128)).save(path)
    h = 512
    surf = painter.paint(Doll(name="A", id="a", emblems=(ImageEmblem(path),)), "whole", h)
    from matryoshka.painter import regions as g

    y = round((g.BELLY.y + g.BELLY.h / 2) * h)
    cx = surf.get_width() / 2
    left = surf.get_at((round(cx - 0.1 * h), y))
    right = surf.get_at((round(cx + 0.1 * h), y))
    assert abs(left.r - left.b) <= 2 and abs(right.r - right.b) <= 2  # still grey
    assert left.r > right.r + 6
