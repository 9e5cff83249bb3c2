"""Which font draws which character, and what the program says when none can.

The shipped coverage table must be what the fonts really hold; a set in a script no font
here can draw is a located warning in ``validate`` and a notice in the window, never
silent empty boxes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from matryoshka.cli import main
from matryoshka.format.loader import load_sequence
from matryoshka.stage import scripts
from matryoshka.window.state import NextSequence, ToastClicked, initial_state, update

DATA = Path(__file__).resolve().parent / "data" / "scripts"


@pytest.fixture
def no_cjk_font(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Fonts are looked for in an empty folder: no Chinese, Japanese or Korean font."""
    empty = tmp_path / "fonts"
    empty.mkdir()
    monkeypatch.setenv(scripts.FONT_DIRS_ENV, str(empty))
    scripts.forget_system_fonts()
    yield
    scripts.forget_system_fonts()


def _needs_cjk_font() -> None:
    if scripts.cjk_face() is None:
        pytest.skip("no CJK font on this machine (install fonts-noto-cjk)")


def test_shipped_coverage_table_is_what_the_fonts_hold() -> None:
    shipped = json.loads(scripts.coverage_path().read_text(encoding="utf-8"))
    computed = {k: [list(r) for r in v] for k, v in scripts.coverage_table().items()}
    assert shipped == computed, "run: python -m matryoshka.stage.scripts"


@pytest.mark.parametrize("family", scripts.SHIPPED_FAMILIES)
def test_character_map_reader_agrees_with_fonttools(family: str) -> None:
    path = scripts.fonts_dir() / f"{family}-Bold.ttf"
    mine = {c for a, b in scripts.cmap_ranges(path) for c in range(a, b + 1)}
    assert mine == set(TTFont(path).getBestCmap())


def test_character_map_of_a_font_collection() -> None:
    _needs_cjk_font()
    face = scripts.cjk_face()
    assert face is not None
    font = TTFont(face.regular, fontNumber=0, lazy=True)
    assert {c for a, b in face.ranges for c in range(a, b + 1)} == set(font.getBestCmap())


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("Ł", "NotoSans"),
        ("Ω", "NotoSans"),
        ("Ж", "NotoSans"),
        ("ج", "NotoSansArabic"),
        ("ש", "NotoSansHebrew"),
        ("न", "NotoSansDevanagari"),
        ("ภ", "NotoSansThai"),
        ("ქ", "NotoSansGeorgian"),
        ("Հ", "NotoSansArmenian"),
    ],
)
def test_each_script_has_its_shipped_font(text: str, family: str) -> None:
    face = scripts.face_for(text)
    assert face is not None and face.key == family


def test_chinese_japanese_and_korean_come_from_a_system_font() -> None:
    _needs_cjk_font()
    for ch in "明あア한":
        face = scripts.face_for(ch)
        assert face is not None and face.key.startswith("cjk-"), ch
    assert scripts.missing_scripts("明治天皇 세종대왕") == []


def test_what_is_missing_is_named_by_script(no_cjk_font: None) -> None:
    assert scripts.missing_scripts("明治天皇") == ["Chinese"]
    assert scripts.missing_scripts("めいじ 明治") == ["Japanese", "Chinese"]
    assert scripts.missing_scripts("Ельцин أنور ש") == []
    message = scripts.missing_font_message(["Japanese", "Chinese"])
    assert message == "no font here can draw Japanese text (install fonts-noto-cjk / a CJK font)"
    assert "Noto Sans Tamil" in scripts.missing_font_message(scripts.missing_scripts("தமிழ்"))
    # A symbol no font has is named by its code point, not as a script.
    assert scripts.missing_scripts("Crown \U0001f451") == ["U+1F451"]
    assert scripts.missing_font_message(["U+1F451"]).endswith("draw the character U+1F451")


def test_validate_warns_once_where_the_text_is(
    no_cjk_font: None, capsys: pytest.CaptureFixture[str]
) -> None:
    file = DATA / "japanese.yaml"
    assert main(["validate", str(file)]) == 0  # a warning does not fail the file
    out, err = capsys.readouterr()
    assert out.strip() == f"{file}: ok"
    lines = err.strip().splitlines()
    assert lines == [
        f"{file}:4:8: warning: title: no font here can draw Japanese text "
        "(install fonts-noto-cjk / a CJK font)"
    ]


def test_no_warning_when_every_text_can_be_drawn() -> None:
    _needs_cjk_font()
    for name in ("japanese", "arabic", "hebrew", "many-scripts"):
        assert load_sequence(DATA / f"{name}.yaml").warnings == [], name


def test_the_window_says_it_once_when_the_set_is_shown(no_cjk_font: None) -> None:
    seqs = (
        load_sequence(DATA / "arabic.yaml").sequence,
        load_sequence(DATA / "japanese.yaml").sequence,
    )
    state = initial_state(seqs, 0)
    assert state.toast is None  # Arabic ships
    state = update(state, NextSequence(1))
    assert state.toast is not None and state.toast.failed
    assert state.toast.message.startswith("No font here can draw Japanese text")
    state = update(state, ToastClicked())
    state = update(update(state, NextSequence(1)), NextSequence(1))  # away and back
    assert state.toast is None
