"""The comparison picture's geometry (no pygame) and its exported PNG and PDF."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from itertools import pairwise
from pathlib import Path

import pytest
from chronology_builders import MARKET, SOVIET, TROTSKY, doll, sequence
from PIL import Image

from matryoshka.cli import main
from matryoshka.export.comparison_export import title_line
from matryoshka.geometry import Rect
from matryoshka.history.comparison import compare
from matryoshka.stage import bidi
from matryoshka.stage import comparison_picture as cp
from matryoshka.stage.scripts import missing_scripts


class FakeMetrics:
    """Noto Sans is about 0.55 em per character and 1.37 em per line."""

    def width(self, text: str, size: int, bold: bool = False) -> int:
        return round(len(text) * size * (0.6 if bold else 0.55))

    def line_height(self, size: int) -> int:
        return round(size * 1.37)


M = FakeMetrics()
SIZES = cp.Sizes(22, 14, 13)


def crosses(a: cp.JoinLine, b: cp.JoinLine) -> bool:
    """Whether two joins (segments between the same two heights) cross."""
    return (a.start[0] - b.start[0]) * (a.end[0] - b.end[0]) < 0


def label_box(item: cp.PictureItem, sizes: cp.Sizes) -> tuple[float, float, float, float]:
    """Where a name and its years are written (``sizes``: those the picture chose)."""
    half = (
        max([M.width(line, sizes.name, True) for line in item.name] + [M.width(item.years, 13)]) / 2
    )
    lines = len(item.name) * M.line_height(sizes.name) + M.line_height(13)
    return (item.label_x - half, item.label_y, item.label_x + half, item.label_y + lines)


def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("size", [(1250, 700), (780, 500)])
@pytest.mark.parametrize("other", [SOVIET, TROTSKY])
def test_everything_fits_its_room_and_no_two_names_overlap(size: tuple[int, int], other) -> None:
    rect = Rect(10, 40, *size)
    c = compare(MARKET, other, SOVIET, SOVIET)
    picture = cp.lay_out(c, rect, M, SIZES)
    assert len(picture.items) == len(c.row_a) + len(c.row_b)
    for item in picture.items:
        assert rect.x <= item.cx - item.height * 0.31 and item.cx + item.height * 0.31 <= rect.right
        assert rect.y <= item.top and item.label_y + 3 * 20 <= picture.legend[0][3] + 1
        assert item.height >= 40, "dolls stay recognisable"
        assert item.name, f"{item.doll.name} lost its name"
        box = label_box(item, picture.sizes)
        assert rect.x <= box[0] and box[2] <= rect.right, f"{item.doll.name} is cut off"
        assert abs(item.label_x - item.cx) <= (box[2] - box[0]) / 2, "a name under its doll"
    boxes = [label_box(item, picture.sizes) for item in picture.items]
    for i, j in pairwise(range(len(boxes))):
        assert not overlap(boxes[i], boxes[j]), (picture.items[i].doll.id, picture.items[j].doll.id)
    # The rows do not meet: the first row's labels end above the axis, the second's dolls
    # start below it.
    first = [it for it in picture.items if it.row == 0]
    second = [it for it in picture.items if it.row == 1]
    axis_y = picture.axis[2]
    assert (
        max(label_box(it, picture.sizes)[3] for it in first) < axis_y < min(it.top for it in second)
    )


@pytest.mark.parametrize("size", [(1250, 700), (780, 500)])
def test_very_large_text_is_made_smaller_so_the_rows_never_run_into_each_other(
    size: tuple[int, int],
) -> None:
    huge = cp.Sizes(60, 44, 40)
    c = compare(MARKET, SOVIET, SOVIET, SOVIET)
    picture = cp.lay_out(c, Rect(0, 0, *size), M, huge)
    assert picture.sizes.name < huge.name
    first = [it for it in picture.items if it.row == 0]
    second = [it for it in picture.items if it.row == 1]
    assert max(label_box(it, picture.sizes)[3] for it in first) < picture.axis[2]
    assert picture.axis[2] < min(it.top for it in second)
    assert (
        picture.doll_height >= size[1] / 8
        or picture.doll_height * 0.62 >= picture.placed.gap * 0.8 - 1
    )


def test_crossed_joins_cross_on_the_picture_and_others_do_not() -> None:
    c = compare(MARKET, TROTSKY, SOVIET, SOVIET)
    picture = cp.lay_out(c, Rect(0, 0, 1250, 700), M, SIZES)
    crossed = [j for j in picture.joins if j.crossed]
    straight = [j for j in picture.joins if not j.crossed]
    assert len(crossed) == 2 and crosses(*crossed)
    assert not any(crosses(a, b) for a in picture.joins for b in straight if a is not b)
    # Each join starts under the first row's item and ends over the second row's.
    for join, cj in zip(picture.joins, c.joins, strict=True):
        assert join.start[0] == picture.items[cj.a].cx
        assert join.end[0] == picture.items[len(c.row_a) + cj.b].cx
    assert picture.legend[2][1] == "nested in opposite order (1 pair)"
    ghosts = {it.doll.id for it in picture.items if it.ghost}
    assert ghosts == {"trotsky", "nicholas-ii"}


def test_an_undated_comparison_says_so_on_its_axis() -> None:
    a = sequence("a", doll("x"), doll("y"))
    b = sequence("b", doll("y"), doll("x"))
    picture = cp.lay_out(compare(a, b), Rect(0, 0, 800, 500), M, SIZES)
    assert picture.ticks == () and "no dates" in picture.axis_note
    assert all(crosses(picture.joins[0], j) for j in picture.joins[1:])


def test_a_thousand_dolls_stay_inside_with_names_thinned_never_overlapping() -> None:
    dolls = [doll(f"p{i}", f"Person {i}", start=str(1000 + i)) for i in range(1000)]
    a = sequence("a", *reversed(dolls))
    b = sequence("b", *reversed(dolls[::3]))
    picture = cp.lay_out(compare(a, b), Rect(0, 0, 1250, 700), M, SIZES)
    named = [it for it in picture.items if it.name]
    assert 0 < len(named) < 200
    for row in (0, 1):
        for level in (0, 1):
            boxes = [
                label_box(it, picture.sizes)
                for it in named
                if it.row == row and it.index % 2 == level
            ]
            assert not any(overlap(p, q) for p, q in pairwise(boxes))
    assert all(0 <= it.cx <= 1250 for it in picture.items)


# --- The exported files -----------------------------------------------------------------

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


def export(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, *argv: str) -> Path:
    out = tmp_path / name
    code = main(["export", *argv, "-o", str(out)])
    _, err = capsys.readouterr()
    assert code == 0, err
    return out


def blue_pixels(path: Path) -> int:
    image = Image.open(path).convert("RGB")
    return sum(1 for p in image.getdata() if p == cp.CROSSED)


def test_png_is_a_titled_slide_with_both_sets_named_in_its_metadata(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = export(tmp_path, capsys, "cmp.png", "market-1995", "--compare", "trotsky-inside-lenin")
    image = Image.open(out)
    assert image.size == (1820, 1024)
    assert image.text["Title"] == "The market set, Moscow 1995 compared with Trotsky inside Lenin"
    assert image.text["matryoshka:sequence"] == "market-1995"
    assert image.text["matryoshka:compared-with"] == "trotsky-inside-lenin"
    assert image.text["matryoshka:crossed-pairs"] == "1"
    assert "lenin" in image.text["matryoshka:shared"].split(", ")
    small = export(
        tmp_path,
        capsys,
        "small.png",
        "market-1995",
        "--compare",
        "soviet-chronology",
        "--size",
        "400",
    )
    assert Image.open(small).size == (711, 400)
    # The crossed joins are drawn in their colour; with nothing crossed only the legend is.
    agreeing = export(
        tmp_path, capsys, "agree.png", "market-1995", "--compare", "soviet-chronology"
    )
    assert blue_pixels(out) > blue_pixels(agreeing) + 300


@needs_poppler
@pytest.mark.parametrize(
    ("options", "size_pts"),
    [((), "841.89 x 595.28 pts"), (("--paper", "letter", "--portrait"), "612 x 792 pts")],
)
def test_pdf_has_both_titles_every_name_and_the_legend_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: tuple[str, ...], size_pts: str
) -> None:
    out = export(
        tmp_path, capsys, "cmp.pdf", "market-1995", "--compare", "trotsky-inside-lenin", *options
    )
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = text.split()
    assert "The market set, Moscow 1995" in text and "Trotsky inside Lenin" in text
    for surname in ("Yeltsin", "Gorbachev", "Brezhnev", "Khrushchev", "Stalin", "Lenin", "Trotsky"):
        assert words.count(surname) >= 2, surname  # in both rows (a ghost is named too)
    assert "nested in opposite order (1 pair)" in " ".join(words)
    assert (
        "Opposite order: The market set, Moscow 1995, by the dates: Vladimir Lenin inside "
        "Leon Trotsky; Trotsky inside Lenin: Leon Trotsky inside Vladimir Lenin."
    ) in " ".join(words)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert size_pts in info and re.search(r"^Pages: +1$", info, re.M)


@needs_poppler
@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("arabic", ["رؤساء", "جمهورية", "السادات", "مبارك"]),
        ("hebrew", ["ממשלת", "גולדה", "אשכול"]),
        ("japanese", ["日本の天皇", "明治天皇", "昭和天皇"]),
    ],
)
def test_pdf_titles_and_names_in_every_script_are_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, words: list[str]
) -> None:
    if name == "japanese" and missing_scripts("明"):
        pytest.skip("no CJK font on this machine (install fonts-noto-cjk)")
    source = Path(__file__).parent / "data" / "scripts" / f"{name}.yaml"
    out = export(tmp_path, capsys, "cmp.pdf", str(source), "--compare", "market-1995")
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    # pdftotext marks right-to-left runs with bidi controls; the words are in between.
    text = re.sub("[\u202a-\u202e\u200e\u200f]", "", text)
    for word in words:
        assert text.count(word) >= 2, (word, text)  # in the title and by its doll
    assert "compared with The market set, Moscow 1995" in text


def test_a_title_in_arabic_still_reads_compared_with_after_it() -> None:
    # The title is an English sentence that starts with the set's name: it reads from
    # the left, the Arabic name first, whatever script the name is in.
    sadat = doll("sadat", "أنور السادات", "1970-10-15", "1981-10-06")
    arabic = dataclasses.replace(sequence("egypt", sadat), title="رؤساء مصر")
    runs = bidi.visual_runs(title_line(compare(arabic, MARKET, None, None)))
    shown = "".join(ch for piece, _ in runs for ch in piece if ch not in bidi.DIRECTION_CONTROLS)
    assert shown.startswith("رؤساء مصر compared with"), runs


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("--compare", "trotsky-inside-lenin", "-o", "x.gif"), "use .png, .webp or .pdf"),
        (("--compare", "nowhere", "-o", "x.png"), "unknown sequence 'nowhere'"),
        (("--compare", "trotsky-inside-lenin", "--doll", "lenin", "-o", "x.png"), "--doll"),
        (("--lineup", "-o", "x.pdf", "--paper", "letter"), None),
    ],
)
def test_bad_comparison_exports_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], says: str | None
) -> None:
    args = [a if not a.startswith("x.") else str(tmp_path / a) for a in argv]
    code = main(["export", "market-1995", *args])
    _, err = capsys.readouterr()
    if says is None:
        assert code == 0, err  # the PDF options still work for line-ups
        return
    assert code == 1 and len(err.strip().splitlines()) == 1 and says in err
    assert not list(tmp_path.iterdir())
