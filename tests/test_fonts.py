"""Setting text in every script: glyphs not boxes, letters joined, right to left in order.

Golden-free: each check compares renderings with each other, so it holds on any machine
whose fonts are the shipped ones (and, for CJK, any CJK font).
"""

from __future__ import annotations

import pytest

from matryoshka.pgcompat import pygame
from matryoshka.stage import scripts
from matryoshka.stage.fonts import Text

INK = (20, 20, 20)
PX = 32
#: A line in each script the program ships a font for, and CJK.
SAMPLES = {
    "Arabic": "جمال عبد الناصر",
    "Hebrew": "דוד בן-גוריון",
    "Devanagari": "नरेन्द्र मोदी",
    "Thai": "ภูมิพลอดุลยเดช",
    "Georgian": "დავით აღმაშენებელი",
    "Armenian": "Տիգրան Մեծ",
    "Greek": "Κυριάκος Μητσοτάκης",
    "Latin": "Hồ Chí Minh, Łukasz Ødegård",
    "Japanese": "明治天皇 めいじ",
    "Korean": "세종대왕",
}


@pytest.fixture(scope="module")
def text() -> Text:
    pygame.font.init()
    return Text()


def _bytes(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


def _tofu(size: int) -> set[bytes]:
    """What a character no font has looks like, in each shipped font and the CJK one."""
    faces = [*scripts.shipped_faces(), scripts.cjk_face()]
    out = set()
    for face in faces:
        if face is not None:
            font = pygame.font.Font(face.regular, size)
            out.add(_bytes(font.render("\uffff", True, INK)))
    return out


@pytest.mark.parametrize("script", sorted(SAMPLES))
def test_every_letter_has_ink_and_is_no_empty_box(text: Text, script: str) -> None:
    if script in ("Japanese", "Korean") and scripts.cjk_face() is None:
        pytest.skip("no CJK font on this machine (install fonts-noto-cjk)")
    tofu = _tofu(PX)
    for ch in set(SAMPLES[script]) - {" ", ","}:
        image = text.shape(ch, PX, INK)
        assert image.get_bounding_rect(min_alpha=1).w > 0, f"{ch!r} has no ink"
        assert _bytes(image) not in tofu, f"{ch!r} is drawn as an empty box"


def test_arabic_letters_are_joined(text: Text) -> None:
    # Lam and alef always join into one ligature, narrower than the two apart.
    assert text.width("لا", PX) < text.width("ل", PX) + text.width("ا", PX)
    # Joined forms differ from the letters set one by one.
    word = "محمد"
    assert text.width(word, PX) != sum(text.width(ch, PX) for ch in word)


def test_devanagari_is_shaped(text: Text) -> None:
    # Ksha is one conjunct, not ka, a visible virama and ssa side by side.
    assert text.width("क्ष", PX) < text.width("क", PX) + text.width("्", PX) + text.width("ष", PX)


@pytest.mark.parametrize(("line", "number"), [("דוד 1948", "1948"), ("أنور السادات 1970", "1970")])
def test_a_right_to_left_line_puts_its_number_on_the_left(
    text: Text, line: str, number: str
) -> None:
    whole = text.shape(line, PX, INK)
    digits = text.shape(number, PX, INK)
    w, h = digits.get_size()
    assert whole.get_width() > w
    left = whole.subsurface((0, 0, w, h))
    assert _bytes(left) == _bytes(digits), "the number starts the line at the left"
    right = whole.subsurface((whole.get_width() - w, 0, w, h))
    assert _bytes(right) != _bytes(digits)


def test_a_hebrew_word_reads_from_the_right(text: Text) -> None:
    # "בא" set right to left shows alef at the left and bet at the right.
    word = text.shape("בא", PX, INK)
    alef = text.shape("א", PX, INK)
    left = word.subsurface((0, 0, alef.get_width(), alef.get_height()))
    assert left.get_bounding_rect(min_alpha=1) == alef.get_bounding_rect(min_alpha=1)


def test_latin_lines_are_set_exactly_as_in_the_font(text: Text) -> None:
    font = text.font(PX, True)
    assert _bytes(text.render("Boris Yeltsin", PX, INK, True)) == _bytes(
        font.render("Boris Yeltsin", True, INK)
    )
    assert text.width("Ельцин", PX) == text.font(PX).size("Ельцин")[0]


def test_mixed_lines_keep_one_baseline_and_line_height(text: Text) -> None:
    latin = text.render("Sadat", PX, INK)
    for line in ("Sadat أنور", "Sadat דוד", "Sadat मोदी", "Sadat ภูมิพล"):
        image = text.render(line, PX, INK)
        assert image.get_height() >= latin.get_height()
        # "Sadat" is drawn where it is drawn alone: same baseline.
        part = image.subsurface((0, 0, latin.get_width(), latin.get_height()))
        assert _bytes(part) == _bytes(latin), line


def test_paragraphs_start_at_the_side_their_script_reads_from(text: Text) -> None:
    surface = pygame.Surface((400, 60), pygame.SRCALPHA)
    hebrew = text.draw_start(surface, "דוד בן-גוריון", PX, INK, (10, 390), 5)
    latin = text.draw_start(surface, "David Ben-Gurion", PX, INK, (10, 390), 5)
    assert hebrew.right == 390 and latin.left == 10


@pytest.mark.parametrize("mark", ["\u200f", "\u200e", "\u202b", "\u2067"])
def test_direction_marks_in_a_name_steer_it_and_are_never_drawn(text: Text, mark: str) -> None:
    # Names pasted from the web often carry a right-to-left mark in front; it must
    # neither stop the program nor show: the line is the one without it.
    name = "محمد نجيب"
    marked = text.shape(mark + name, PX, INK)
    assert _bytes(marked) == _bytes(text.shape(name, PX, INK))
    assert text.width(mark + name, PX) == text.width(name, PX)
    assert text.shape(mark, PX, INK).get_bounding_rect(min_alpha=1).w == 0
    assert text.shape("\u200b", PX, INK).get_bounding_rect(min_alpha=1).w == 0


def test_a_mark_makes_a_line_read_the_way_of_its_paragraph(text: Text) -> None:
    # "2011." as the last line of an Arabic caption: the full stop at the left.
    line = text.shape("\u200f2011.", PX, INK)
    stop = text.shape(".", PX, INK)
    assert line.get_width() == text.shape("2011.", PX, INK).get_width()
    left = line.subsurface((0, 0, stop.get_width(), stop.get_height()))
    assert _bytes(left) == _bytes(stop)
