"""PDF line-ups with real text: read back with poppler's pdftotext and pdfinfo.

Every doll must be on some page, named in the set's order, with text of at least 8 pt;
the paper and orientation options set the page size.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from test_export import SEQ, assert_one_line_error, catalog, make_sequence, run_cli

from matryoshka.export import pdf
from matryoshka.export.job import ExportRequest, run
from matryoshka.stage.scripts import missing_scripts

__all__ = ["catalog"]  # the stand-in catalog fixture, used automatically

if not shutil.which("pdftotext") and os.environ.get("CI") != "true":
    pytest.skip("poppler-utils (pdftotext) is not installed", allow_module_level=True)


def _text(path: Path, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return dict(
        (k.strip(), v.strip()) for k, v in (line.split(":", 1) for line in out.stdout.splitlines())
    )


def _font_sizes(path: Path) -> set[float]:
    """Every font size set in the page contents (the ``Tf`` operators)."""
    data = path.read_bytes()
    sizes: set[float] = set()
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            content = zlib.decompress(match.group(1))
        except zlib.error:
            continue  # a picture or a font, not text
        sizes.update(float(m) for m in re.findall(rb"/F\d+ ([\d.]+) Tf", content))
    return sizes


def test_short_set_is_one_page_of_searchable_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "lineup.pdf"
    code, _, err = run_cli(capsys, "market-1995", "--lineup", "-o", str(out))
    assert code == 0, err
    info = _info(out)
    assert info["Pages"] == "1"
    assert info["Title"] == SEQ.title
    assert info["Page size"].startswith("841.89 x 595.28")  # A4 landscape
    text = _text(out, "-raw")
    assert SEQ.title in text
    positions = [text.index(doll.name.split()[-1]) for doll in SEQ.dolls]
    assert positions == sorted(positions), "names in the set's order"
    for doll in SEQ.dolls:
        assert doll.years() in text
    assert min(_font_sizes(out)) >= pdf.MIN_PT


@pytest.mark.parametrize(
    ("options", "size"),
    [(["--paper", "letter"], "792 x 612"), (["--portrait"], "595.28 x 841.89")],
)
def test_paper_and_orientation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], size: str
) -> None:
    out = tmp_path / "lineup.pdf"
    code, _, err = run_cli(capsys, "short-set", "--lineup", *options, "-o", str(out))
    assert code == 0, err
    assert _info(out)["Page size"].startswith(size)
    assert "Boris Yeltsin" in _text(out)


def test_long_set_flows_into_pages_every_doll_labelled_in_order(tmp_path: Path) -> None:
    long_set = make_sequence(150, "long-150")
    out = tmp_path / "long.pdf"
    run(ExportRequest("lineup", long_set, fmt="pdf", landscape=False), out, overwrite=False)
    size = pdf.page_size("a4", False)
    grid = pdf._Grid(size, pdf.MARGIN_MM + 16.0, pdf.MARGIN_MM + 7.0)
    pages = grid.pages(150)
    assert pages > 1
    assert _info(out)["Pages"] == str(pages)
    text = _text(out, "-raw")
    assert f"page {pages} of {pages}" in text
    # Every doll is numbered and named, in reading order (row by row, page by page).
    found = [text.index(f"{i + 1} · {doll.years()}") for i, doll in enumerate(long_set.dolls)]
    assert found == sorted(found)
    flat = " ".join(text.split())  # a long name wraps onto two lines
    names = [flat.index(doll.name) for doll in long_set.dolls[7:14]]  # "Boris Yeltsin 7" ...
    assert names == sorted(names)
    assert min(_font_sizes(out)) >= pdf.MIN_PT


def test_a_range_of_a_long_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "range.pdf"
    code, _, err = run_cli(
        capsys, "long-set", "--lineup", "--from", "brezhnev", "--to", "lenin", "-o", str(out)
    )
    assert code == 0, err
    text = _text(out)
    assert "Leonid Brezhnev" in text and "Vladimir Lenin" in text
    assert "Boris Yeltsin" not in text and "Nicholas II" not in text


def test_long_names_wrap_and_never_overflow_their_cell() -> None:
    def measure(text: str) -> float:
        return len(text) * 2.0

    lines = pdf._wrap("Sviatoslav XXIV the Terrible of All the Lands", 30.0, measure, 2)
    assert len(lines) == 2
    assert all(measure(line) <= 30.0 for line in lines)
    assert lines[-1].endswith("…")
    assert pdf._wrap("Ivan IV", 30.0, measure, 2) == ["Ivan IV"]


def test_paper_options_only_for_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "lineup.png"
    code, _, err = run_cli(capsys, "short-set", "--lineup", "--portrait", "-o", str(out))
    assert_one_line_error(code, err, "lineup.png", "PDF")
    assert not out.exists()


SCRIPT_SETS = Path(__file__).resolve().parent / "data" / "scripts"


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("japanese", ["日本の天皇", "明治天皇", "昭和天皇", "1926–1989"]),
        ("arabic", ["رؤساء", "جمهورية", "السادات", "1970–1981"]),
        ("hebrew", ["ממשלת", "גולדה", "1969–1974"]),
    ],
)
def test_text_in_every_script_stays_searchable_text(
    tmp_path: Path, name: str, words: list[str]
) -> None:
    if missing_scripts("明"):
        pytest.skip("no CJK font on this machine (install fonts-noto-cjk)")
    out = tmp_path / f"{name}.pdf"
    source = SCRIPT_SETS / f"{name}.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "matryoshka", "export", str(source), "--lineup", "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # pdftotext marks right-to-left runs with bidi controls; the words are in between.
    text = re.sub("[\u202a-\u202e\u200e\u200f]", "", _text(out))
    for word in words:
        assert word in text, (word, text)


def test_default_orientation_takes_the_fewest_pages(tmp_path: Path) -> None:
    # A set that fits one page is printed landscape, like the PNG line-up...
    assert pdf.fits_best_landscape(ExportRequest("lineup", SEQ, fmt="pdf"))
    # ...a long one on portrait pages, which hold more rows of the grid than landscape.
    long_set = make_sequence(100, "long-100")
    request = ExportRequest("lineup", long_set, fmt="pdf", paper="letter")
    assert not pdf.fits_best_landscape(request)
    out = tmp_path / "long.pdf"
    run(request, out, overwrite=False)
    info = _info(out)
    assert info["Page size"].startswith("612 x 792")  # US Letter portrait
    tops = (pdf.MARGIN_MM + 16.0, pdf.MARGIN_MM + 7.0)
    portrait = pdf._Grid(pdf.page_size("letter", False), *tops).pages(100)
    landscape = pdf._Grid(pdf.page_size("letter", True), *tops).pages(100)
    assert int(info["Pages"]) == portrait < landscape
