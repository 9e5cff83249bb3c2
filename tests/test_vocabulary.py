"""The painter's vocabulary: every word paints, at every size, a picture of its own.

Each field of ``model.vocabulary()`` (face shape, hair, headwear, dress, emblems ...) is
checked against a golden strip of its words at 256 px; no two words of a field may paint
the same picture, headwear stays on the head, long hair shows over the scarf, and dress
keeps the doll's body colour.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from golden_images import check_golden

from matryoshka import painter
from matryoshka.format import model
from matryoshka.format.model import Colors, Doll, Face
from matryoshka.painter import regions as g
from matryoshka.painter import render, sheet
from matryoshka.pgcompat import pygame

GOLDEN_DIR = Path(__file__).parent / "golden" / "vocabulary"
FIELDS = model.vocabulary()
#: The fields this painter paints on the head (their goldens show the head only).
HEAD = [f for f in FIELDS if f.startswith("face.")]


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    painter.clear_cache()


def shown_box(field: str, height: int) -> pygame.Rect:
    """The part of a doll ``height`` tall that shows a word of ``field``."""
    w = painter.doll_width(height)
    if field.startswith("face."):
        half = round(0.23 * height)
        return pygame.Rect(w // 2 - half, 0, 2 * half, round(0.5 * height))
    return pygame.Rect(0, 0, w, height)


def word_picture(field: str, word: str, height: int) -> pygame.Surface:
    doll = painter.paint(sheet.vocabulary_doll(field, word), "whole", height)
    return doll.subsurface(shown_box(field, height)).copy()


def strip(field: str, height: int) -> pygame.Surface:
    """Every word of ``field`` side by side, on the sheet's background."""
    box = shown_box(field, height)
    out = pygame.Surface((box.w * len(FIELDS[field]), box.h))
    out.fill((240, 232, 214))
    for i, word in enumerate(FIELDS[field]):
        out.blit(word_picture(field, word, height), (i * box.w, 0))
    return out


def differing_pixels(a: pygame.Surface, b: pygame.Surface, tolerance: int = 24) -> int:
    pa, pb = pygame.image.tobytes(a, "RGBA"), pygame.image.tobytes(b, "RGBA")
    return sum(
        1
        for i in range(0, len(pa), 4)
        if max(abs(pa[i + k] - pb[i + k]) for k in range(4)) > tolerance
    )


def test_the_vocabulary_holds_over_120_words() -> None:
    assert sum(len(words) for words in FIELDS.values()) >= 120
    for field, words in FIELDS.items():
        assert len(set(words)) == len(words), field


@pytest.mark.parametrize("field", list(FIELDS))
def test_every_word_matches_its_golden_strip(field: str) -> None:
    if field == "emblems":
        pytest.importorskip("matryoshka.painter.emblems")
    check_golden(strip(field, 256), GOLDEN_DIR / f"{field}.png")


#: Fields whose words change a feature only a pixel or two across on a 64 px doll (the
#: irises, the nose): they are told apart from 128 px up.
FINE = ("face.eyes", "face.nose")


@pytest.mark.parametrize("height", [64, 256])
@pytest.mark.parametrize("field", list(FIELDS))
def test_no_two_words_of_a_field_paint_the_same_picture(field: str, height: int) -> None:
    if field == "emblems":
        pytest.importorskip("matryoshka.painter.emblems")
    if field in FINE and height < 128:
        height = 128
    pictures = {word: word_picture(field, word, height) for word in FIELDS[field]}
    box = shown_box(field, height)
    # At least a visible patch: 0.1 % of the shown area, and never under 4 pixels (an
    # eye colour changes the two irises, a few pixels each at 256 px).
    least = max(4, box.w * box.h // 1000)
    same = [
        (a, b)
        for (a, pa), (b, pb) in itertools.combinations(pictures.items(), 2)
        if differing_pixels(pa, pb) < least
    ]
    assert same == []


@pytest.mark.parametrize("height", [painter.MIN_HEIGHT, 2048])
def test_every_word_paints_at_the_smallest_and_a_large_size(height: int) -> None:
    for field, words in FIELDS.items():
        for word in words:
            doll = sheet.vocabulary_doll(field, word)
            surf = render.paint_whole(doll, height)
            assert surf.get_size() == painter.part_size("whole", height), (field, word)


def _changed_box(a: pygame.Surface, b: pygame.Surface) -> pygame.Rect | None:
    w = a.get_width()
    pa, pb = pygame.image.tobytes(a, "RGBA"), pygame.image.tobytes(b, "RGBA")
    changed = [i // 4 for i in range(0, len(pa), 4) if pa[i : i + 4] != pb[i : i + 4]]
    if not changed:
        return None
    xs, ys = [i % w for i in changed], [i // w for i in changed]
    return pygame.Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


@pytest.mark.parametrize("height", [48, 256, 1024])
def test_headwear_sits_on_the_head_at_every_size(height: int) -> None:
    bare = painter.paint(sheet.vocabulary_doll("face.headwear", "none"), "whole", height)
    w = bare.get_width()
    for word in FIELDS["face.headwear"][1:]:
        worn = painter.paint(sheet.vocabulary_doll("face.headwear", word), "whole", height)
        box = _changed_box(worn, bare)
        assert box is not None, word
        # Centred on the head, reaching its crown, above the eyes in the middle; only
        # what falls to the shoulders (veils, headcloths) goes below the face.
        assert abs(box.centerx - w / 2) <= max(2, 0.02 * height), (word, box)
        assert box.top <= (g.FACE.top + 0.02) * height, (word, box)
        assert box.bottom <= 0.5 * height, (word, box)
        eyes = round(g.FACE.cy * height)
        mid = [
            worn.get_at((w // 2, y)) != bare.get_at((w // 2, y)) for y in range(eyes - 1, eyes + 2)
        ]
        assert not any(mid), word
        painter.clear_cache()


@pytest.mark.parametrize("style", ["long", "shoulder", "braids", "periwig", "ponytail"])
def test_long_hair_shows_over_the_headscarf(style: str) -> None:
    h = 256
    hair = painter.paint(sheet.vocabulary_doll("face.hair", style), "whole", h)
    bald = painter.paint(sheet.vocabulary_doll("face.hair", "bald"), "whole", h)
    # Beside the face and below the chin: the scarf, unless hair falls over it.
    scarf = g.Rect(0.1, g.FACE.bottom - 0.06, 0.06, 0.05)
    x0, y0 = round(hair.get_width() / 2 + scarf.x * h), round(scarf.y * h)
    area = pygame.Rect(x0, y0, round(scarf.w * h), round(scarf.h * h))
    assert differing_pixels(hair.subsurface(area), bald.subsurface(area)) > area.w * area.h // 8


@pytest.mark.parametrize(
    "body", [(178, 34, 34), (30, 90, 160), (20, 20, 20), (245, 242, 236), (40, 120, 60)]
)
def test_dress_keeps_the_body_colour_and_shows_on_it(body: tuple[int, int, int]) -> None:
    h = 256
    colors = Colors(body=body, trim=(212, 175, 55), apron=(250, 240, 220), scarf=body)
    plain = painter.paint(Doll(name="a", id="a", colors=colors), "whole", h)
    w = plain.get_width()
    front = pygame.Rect(round(w / 2 - 0.2 * h), round(0.4 * h), round(0.4 * h), round(0.5 * h))
    for word in model.DRESS:
        doll = Doll(name="a", id="a", colors=colors, emblems=(word,))
        dressed = painter.paint(doll, "whole", h)
        # It is dress: the apron is gone and the front is painted anew.
        changed = differing_pixels(dressed.subsurface(front), plain.subsurface(front))
        assert changed > front.w * front.h // 10, word
        if word == "military-tunic":
            continue
        # The body colour still shows, lit as the body is, on a good part of the front.
        near = [
            p for p in pixels_of(dressed, front) if sum(abs(p[i] - body[i]) for i in range(3)) < 90
        ]
        assert len(near) > front.w * front.h // 8, word


def pixels_of(surf: pygame.Surface, rect: pygame.Rect) -> list[tuple[int, int, int, int]]:
    return [
        tuple(surf.get_at((x, y)))
        for y in range(rect.top, rect.bottom)
        for x in range(rect.left, rect.right)
    ]  # type: ignore[misc]


def test_a_face_shape_moves_the_scarf_trim_with_it() -> None:
    h = 256
    oval = painter.paint(sheet.vocabulary_doll("face.shape", "oval"), "whole", h)
    long_face = painter.paint(sheet.vocabulary_doll("face.shape", "long"), "whole", h)
    w = oval.get_width()
    # Beside a long narrow face, where the oval's trim was, the scarf shows.
    x = round(w / 2 + (g.FACE_TRIM.rx - 0.004) * h)
    y = round(g.FACE.cy * h)
    scarf = sheet.VOCABULARY_COLORS.scarf
    got = long_face.get_at((x, y))
    assert sum(abs(got[i] - scarf[i]) for i in range(3)) < 120
    assert oval.get_at((x, y)) != got


def test_a_stern_expression_frowns_and_a_smile_shows_teeth() -> None:
    h = 256
    faces = {e: Face(hair="short", expression=e) for e in model.EXPRESSIONS}
    pics = {e: painter.paint(Doll(name="a", id="a", face=f), "whole", h) for e, f in faces.items()}
    w = pics["neutral"].get_width()
    mouth = pygame.Rect(round(w / 2 - 0.03 * h), round((g.FACE.cy + 0.075) * h), round(0.06 * h), 6)
    teeth = [p for p in pixels_of(pics["smile"], mouth) if min(p[:3]) > 225]
    assert teeth
    assert not [p for p in pixels_of(pics["neutral"], mouth) if min(p[:3]) > 225]


def test_the_vocabulary_sheet_shows_every_word(tmp_path: Path) -> None:
    out = tmp_path / "words.png"
    assert sheet.main(["--vocabulary", str(out), "--size", "48"]) == 0
    img = pygame.image.load(str(out))
    rows = sum(-(-len(words) // sheet.WORDS_PER_LINE) for words in FIELDS.values())
    assert img.get_width() >= sheet.WORDS_PER_LINE * painter.doll_width(48)
    assert img.get_height() >= rows * 48 * sheet.HEAD_SHARE
    # Every field's dolls are painted: a cell per word of the longest field, in colour.
    colors = {
        tuple(img.get_at((x, y)))
        for x in range(0, img.get_width(), 5)
        for y in range(0, img.get_height(), 5)
    }
    assert len(colors) > 200
