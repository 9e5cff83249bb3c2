"""Breaking lines in every script: at spaces, between CJK characters, inside Thai words."""

from __future__ import annotations

import unicodedata

from matryoshka.stage import bidi, linebreak


def _chars(text: str) -> float:
    """A stand-in measure: ten pixels a character (marks take no room)."""
    return 10.0 * sum(1 for ch in text if not unicodedata.category(ch).startswith("M"))


def test_japanese_breaks_between_characters_and_keeps_every_one() -> None:
    text = "明治維新の時代の天皇。都を京都から東京に移した。"
    lines = linebreak.wrap(text, 80, _chars)
    assert len(lines) > 1
    assert all(_chars(line) <= 80 for line in lines)
    assert "".join(lines) == text


def test_closing_marks_never_start_a_line() -> None:
    text = "在位は六十二年余りで、歴代の天皇のなかで最も長い。"
    for width in range(30, 200, 10):
        lines = linebreak.wrap(text, width, _chars)
        assert "".join(lines) == text
        assert not any(line[0] in "、。」）" for line in lines), (width, lines)


def test_latin_still_breaks_at_spaces_and_shortens_long_words() -> None:
    assert linebreak.wrap("Ivan the Terrible", 100, _chars) == ["Ivan the", "Terrible"]
    assert linebreak.wrap("Supercalifragilistic x", 100, _chars) == ["Supercali…", "x"]


def test_thai_breaks_at_spaces_first() -> None:
    text = "ภูมิพลอดุลยเดช รัชกาลที่ 9"
    assert linebreak.wrap(text, 150, _chars) == ["ภูมิพลอดุลยเดช", "รัชกาลที่ 9"]
    zwsp = "ภูมิพล\u200bอดุลยเดช"
    assert linebreak.wrap(zwsp, 80, _chars) == ["ภูมิพล", "อดุลยเดช"]


def test_a_thai_word_too_long_breaks_between_characters_never_before_a_mark() -> None:
    text = "พระบาทสมเด็จพระปรมินทรมหาภูมิพลอดุลยเดช"
    lines = linebreak.wrap(text, 70, _chars)
    assert "".join(lines) == text
    for line in lines:
        assert _chars(line) <= 70
        assert not unicodedata.category(line[0]).startswith("M"), lines
        assert line[-1] not in "เแโใไ", lines  # a leading vowel stays with its consonant


def test_at_most_so_many_lines_the_last_cut_short() -> None:
    text = "明治維新の時代の天皇。都を京都から東京に移した。"
    lines = linebreak.wrap(text, 60, _chars, max_lines=2)
    assert len(lines) == 2 and lines[1].endswith("…") and _chars(lines[1]) <= 60
    assert linebreak.wrap("Leonid Ilyich Brezhnev", 70, _chars, max_lines=2) == [
        "Leonid",
        "Ilyich…",
    ]


def test_paragraphs_and_blank_lines_are_kept() -> None:
    assert linebreak.wrap("one\n\ntwo", 100, _chars) == ["one", "", "two"]
    assert linebreak.wrap("", 100, _chars) == [""]


def test_ellipsis_never_splits_a_letter_from_its_marks() -> None:
    name = "नरेन्द्र मोदी"
    parts = linebreak.graphemes(name)
    for width in range(20, 120, 10):
        cut = linebreak.ellipsize(name, width, _chars)
        if cut != name:
            kept = cut.removesuffix("…").rstrip()
            assert any("".join(parts[:k]).rstrip() == kept for k in range(len(parts))), cut


def test_every_line_keeps_the_direction_of_its_paragraph() -> None:
    # An Arabic caption whose last line is "2011." must still read from the right (the
    # full stop at the left of the number), and be set from the right edge.
    caption = "حكم نحو ثلاثين عامًا حتى ثورة يناير 2011."
    lines = linebreak.wrap(caption, 10 * len("حكم نحو ثلاثين عامًا حتى ثورة يناير"), _chars)
    assert [line.strip(bidi.RLM) for line in lines][-1] == "2011."
    assert all(bidi.is_rtl(line) for line in lines), lines
    assert [pieces for pieces, _ in bidi.visual_runs(lines[-1])][:2] == [".", "2011"]
    # An English sentence that wraps before an Arabic name stays left to right.
    note = "7 dolls, outermost first: عبد الفتاح السيسي to محمد نجيب"
    lines = linebreak.wrap(note, 10 * len("7 dolls, outermost first: عبد الفتاح"), _chars)
    assert len(lines) == 2 and lines[1].startswith(bidi.LRM)
    assert not any(bidi.is_rtl(line) for line in lines), lines
    # Lines that already start the paragraph's way carry no mark.
    assert linebreak.wrap("مصر والسودان", 1000, _chars) == ["مصر والسودان"]
