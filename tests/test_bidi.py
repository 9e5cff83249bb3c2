"""The order of lines that mix right-to-left and left-to-right text."""

from __future__ import annotations

from matryoshka.stage import bidi


def _visual(text: str) -> list[str]:
    return [piece for piece, _ in bidi.visual_runs(text)]


def test_an_arabic_name_with_latin_dates_reads_from_the_right() -> None:
    # From the right edge: the name, then 1970, the dash, 1981.
    runs = bidi.visual_runs("أنور السادات 1970–1981")
    assert [piece for piece, _ in runs] == ["1981", "–", "1970", "أنور السادات "]
    assert [level % 2 for _, level in runs] == [0, 1, 0, 1]  # digits stay left to right


def test_a_latin_line_with_a_hebrew_name_keeps_its_order() -> None:
    assert _visual("Prime minister דוד בן-גוריון, in 1948") == [
        "Prime minister ",
        "דוד בן-גוריון",
        ", in 1948",
    ]
    # A number right after the Hebrew belongs to it (as in every browser).
    assert _visual("PM דוד, 1948") == ["PM ", "1948", "דוד, "]
    assert bidi.levels("Prime minister דוד")[-1] == 1


def test_paragraph_direction_comes_from_the_first_letter() -> None:
    assert bidi.is_rtl("1948 דוד") and not bidi.is_rtl("Sadat أنور") and not bidi.is_rtl("1917")


def test_numbers_with_separators_stay_whole() -> None:
    assert _visual("שנת 1,948.5") == ["1,948.5", "שנת "]
    assert _visual("מחיר 50%") == ["50%", "מחיר "]


def test_brackets_inside_right_to_left_text_go_with_it() -> None:
    # The shaper mirrors them: "(" drawn right to left shows as ")".
    runs = bidi.visual_runs("דוד בן-גוריון (כהונה שנייה)")
    assert runs == [("דוד בן-גוריון (כהונה שנייה)", 1)]


def test_plain_text_is_one_piece() -> None:
    assert bidi.visual_runs("Boris Yeltsin 1991–1999") == [("Boris Yeltsin 1991–1999", 0)]
    assert bidi.visual_runs("") == []


def test_reorder_reverses_runs_at_each_level() -> None:
    assert bidi.reorder([0, 1, 1, 0]) == [0, 2, 1, 3]
    assert bidi.reorder([1, 2, 1]) == [2, 1, 0]


def test_a_name_isolated_in_an_english_sentence_keeps_its_brackets_and_its_neighbours() -> None:
    name = "דוד בן-גוריון (כהונה שנייה)"
    plain = bidi.visual_runs(bidi.with_direction(f"5. {name}", 0))
    assert plain[-1][0] == ")"  # left alone, the closing bracket strays to the line's end
    runs = bidi.visual_runs(bidi.with_direction(f"5. {bidi.isolated(name)}", 0))
    assert [p for p, level in runs if level == 1] == [name + bidi.RLM]
    # Numbers after an Arabic name stay with the English that follows it.
    said = f"Find: {bidi.isolated('عد')}| (1 of 6)"
    assert "".join(p for p, _ in bidi.visual_runs(said)).endswith("| (1 of 6)")
    # Names that read the sentence's way, and bare numbers, need nothing.
    assert bidi.isolated("Boris Yeltsin") == "Boris Yeltsin" and bidi.isolated("1917") == "1917"
    assert bidi.isolated("Boris", 1) == "Boris" + bidi.LRM + bidi.RLM


def test_with_direction_marks_only_lines_that_would_read_the_other_way() -> None:
    assert bidi.with_direction("2011.", 1) == bidi.RLM + "2011."
    assert bidi.with_direction("محمد", 0) == bidi.LRM + "محمد"
    assert bidi.with_direction("محمد", 1) == "محمد" and bidi.with_direction("", 1) == ""
