"""A long set's PNG line-up becomes a poster grid, says how it split, paints each doll once."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PIL import Image
from test_export import catalog, make_sequence

from matryoshka import theme
from matryoshka.export import pictures, poster
from matryoshka.export.job import ExportRequest, run
from matryoshka.painter import doll_width

__all__ = ["catalog"]  # the stand-in catalog fixture, used automatically

LONG = make_sequence(200, "two-hundred")


def test_short_sets_keep_the_proportional_line_up() -> None:
    for count in (1, 7, 15):
        seq = make_sequence(count, "short")
        assert not poster.needed(pictures.lineup_layout(seq.dolls, seq.title, 1820, 1024))


def test_a_long_set_is_a_grid_in_reading_order_inside_the_picture() -> None:
    proportional = pictures.lineup_layout(LONG.dolls, LONG.title, 1820, 1024)
    assert poster.needed(proportional)
    layout = poster.layout(LONG.dolls, LONG.title, 1820, 1024)
    assert layout.fits and [item.doll for item in layout.items] == list(LONG.dolls)
    heights = {item.place.height for item in layout.items}
    assert len(heights) == 1  # equal dolls
    for item in layout.items:
        half = doll_width(round(item.place.height)) / 2
        assert item.place.cx - half >= 0 and item.place.cx + half <= 1820
        assert item.place.top > layout.title_y and item.place.bottom < 1024
    # Row by row, left to right; rows do not overlap.
    for a, b in itertools.pairwise(layout.items):
        if a.place.top == b.place.top:
            assert b.place.cx - a.place.cx >= layout.label_width
        else:
            assert b.place.top > a.place.bottom + layout.name_px
    assert "200 dolls in a poster grid of" in poster.note(layout)


def test_long_line_up_png_says_how_it_split(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    painted: list[tuple[str, int]] = []
    real = pictures.stage.draw_doll

    def draw_doll(surface: object, doll: object, place: pictures.ch.Placement) -> None:
        painted.append((doll.id, round(place.height)))  # type: ignore[attr-defined]
        real(surface, doll, place)  # type: ignore[arg-type]

    monkeypatch.setattr(pictures.stage, "draw_doll", draw_doll)
    out = tmp_path / "poster.png"
    notes: list[str] = []
    run(ExportRequest("lineup", LONG, height=540), out, overwrite=False, notes=notes)
    assert len(notes) == 1 and notes[0].startswith("200 dolls in a poster grid of")
    assert len(painted) == 200 and len(set(painted)) == 200  # each doll drawn once
    with Image.open(out) as im:
        assert im.size == (960, 540)
        assert im.getpixel((0, 0)) == theme.BACKGROUND
