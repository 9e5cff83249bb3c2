"""Printable PDF line-ups: real text around the painted dolls, on A4 or US Letter pages.

Written with fpdf2 (pure Python, small): the title, every name, the dates and the page
numbers are text in the shipped Noto Sans fonts or the system's CJK font (embedded,
subset; Arabic and Hebrew shaped right to left by HarfBuzz through uharfbuzz), so they
can be selected, searched and read aloud in every script; the shelf planks are vector
lines; only the dolls are pictures, each painted by the painter at the resolution it
prints at (``--size`` is the page's height in pixels: 2480, the default, is 300 dots per
inch on A4 landscape).

A set that fits one page with labels of at least 8 pt is laid out as the PNG line-up is
(largest first, sizes in proportion, balanced rows). A longer one flows into a grid of
equal dolls, row by row and page by page, in the set's order, each doll numbered.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, BinaryIO

from PIL import Image

from matryoshka import __version__, theme
from matryoshka.export import pictures
from matryoshka.format.model import Doll
from matryoshka.geometry import ASPECT
from matryoshka.painter import doll_width, paint
from matryoshka.pgcompat import pygame
from matryoshka.stage import linebreak
from matryoshka.stage.scripts import Face, Piece, pieces, shipped_faces

if TYPE_CHECKING:
    from fpdf import FPDF

    from matryoshka.export.job import ExportRequest

#: Page sizes (portrait) in millimetres.
PAPERS: dict[str, tuple[float, float]] = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
MARGIN_MM = 12.0
#: No text smaller than this (points).
MIN_PT = 8.0
#: Labels of the grid for long sets (points).
NAME_PT = 9.0
YEARS_PT = 8.0
TITLE_PT = 18.0
#: Dolls of the grid: height, and the width of a cell (room for a two-line name).
GRID_DOLL_MM = 25.0
GRID_CELL_MM = 31.0
#: The smallest doll a one-page line-up may have before the grid is used instead.
MIN_DOLL_MM = 14.0
#: The dolls of a long set never print finer than this (dots per inch): it is sharp at
#: their size and keeps thousands of them quick to paint and small to store.
GRID_MAX_DPI = 150
#: The dolls are stored as JPEG on the white page: a quarter of the size of lossless
#: pictures with an alpha channel, and nothing shows through them. Full colour
#: resolution (no chroma subsampling) keeps the painted outlines clean.
JPEG_QUALITY = 90
#: Sets longer than this never fit one page with 8 pt labels: go straight to the grid.
ONE_PAGE_MAX = 50
#: Layout units of the one-page line-up: tenths of a millimetre.
_UNITS_PER_MM = 10.0
_PT_PER_MM = 72 / 25.4

Encoder = Callable[[BinaryIO], None]


def page_size(paper: str, landscape: bool) -> tuple[float, float]:
    """Width and height of the page in millimetres."""
    w, h = PAPERS[paper]
    return (h, w) if landscape else (w, h)


class Label:
    """The text under one doll: name lines, then the dates (after the doll's number in a
    long set), centred on ``cx`` from ``top`` down; ``pts`` are the two font sizes."""

    def __init__(
        self,
        doll: Doll,
        cx: float,
        top: float,
        name: tuple[str, ...],
        pts: tuple[float, float],
        number: int | None = None,
    ) -> None:
        self.doll, self.cx, self.top, self.name, self.pts = doll, cx, top, name, pts
        self.number = number

    @property
    def dates(self) -> str:
        years = self.doll.years()
        if self.number is None:
            return years
        return f"{self.number} · {years}" if years else str(self.number)


class Placed:
    """One doll on a page: its box (mm) and its label."""

    def __init__(self, doll: Doll, x: float, y: float, h: float, label: Label) -> None:
        self.doll, self.x, self.y, self.h, self.label = doll, x, y, h, label

    @property
    def w(self) -> float:
        return self.h * ASPECT


class Page:
    """What one page holds."""

    def __init__(self) -> None:
        self.dolls: list[Placed] = []
        self.planks: list[tuple[float, float, float]] = []  # x0, x1, y


def _one_page(dolls: tuple[Doll, ...], title: str, size: tuple[float, float]) -> Page | None:
    """The PNG line-up's arrangement on one page, or ``None`` if its text would be too small."""
    w_mm, h_mm = size
    layout = pictures.lineup_layout(
        dolls, title, round(w_mm * _UNITS_PER_MM), round(h_mm * _UNITS_PER_MM)
    )
    name_pt = layout.name_px / _UNITS_PER_MM * _PT_PER_MM
    years_pt = layout.years_px / _UNITS_PER_MM * _PT_PER_MM
    smallest = min(item.place.height for item in layout.items) / _UNITS_PER_MM
    if not layout.fits or min(name_pt, years_pt) < MIN_PT or smallest < MIN_DOLL_MM:
        return None
    page = Page()
    rows: dict[float, list[pictures.LineupItem]] = {}
    for item in layout.items:
        p = item.place
        h = p.height / _UNITS_PER_MM
        label = Label(
            item.doll,
            p.cx / _UNITS_PER_MM,
            (p.bottom + layout.name_px * 0.5) / _UNITS_PER_MM,
            item.label_lines,
            (name_pt, years_pt),
        )
        page.dolls.append(
            Placed(
                item.doll, p.cx / _UNITS_PER_MM - h * ASPECT / 2, p.top / _UNITS_PER_MM, h, label
            )
        )
        rows.setdefault(round(p.bottom, 1), []).append(item)
    for bottom, row in rows.items():
        left = min(i.place.cx - doll_width(max(1, round(i.place.height))) / 2 for i in row)
        right = max(i.place.cx + doll_width(max(1, round(i.place.height))) / 2 for i in row)
        pad = row[0].place.height * 0.08
        page.planks.append(
            ((left - pad) / _UNITS_PER_MM, (right + pad) / _UNITS_PER_MM, bottom / _UNITS_PER_MM)
        )
    return page


def _wrap(text: str, width: float, measure: Callable[[str], float], lines: int) -> list[str]:
    """``text`` broken into at most ``lines`` lines ``width`` wide; the last cut with '…'."""
    return linebreak.wrap(text, width, measure, max_lines=lines)


class _Grid:
    """Equal cells in rows, row by row and page by page, for sets too long for one page."""

    def __init__(self, size: tuple[float, float], first_top: float, top: float) -> None:
        w, h = size
        self.cols = max(1, math.floor((w - 2 * MARGIN_MM) / GRID_CELL_MM))
        self.cell_w = (w - 2 * MARGIN_MM) / self.cols
        name_line = NAME_PT / _PT_PER_MM * 1.25
        self.label_h = 0.8 + 2 * name_line + YEARS_PT / _PT_PER_MM * 1.35
        self.cell_h = GRID_DOLL_MM + self.label_h + 2.5
        bottom = h - MARGIN_MM - 6.0
        self.first_rows = max(1, math.floor((bottom - first_top) / self.cell_h))
        self.rows = max(1, math.floor((bottom - top) / self.cell_h))
        self.first_top, self.top = first_top, top

    def pages(self, count: int) -> int:
        first = self.first_rows * self.cols
        if count <= first:
            return 1
        return 1 + math.ceil((count - first) / (self.rows * self.cols))

    def place(self, i: int) -> tuple[int, float, float]:
        """Page, centre x and doll top of the ``i``-th doll."""
        first = self.first_rows * self.cols
        if i < first:
            page, row, col, top = 0, i // self.cols, i % self.cols, self.first_top
        else:
            j = i - first
            per = self.rows * self.cols
            page, row, col, top = 1 + j // per, (j % per) // self.cols, j % self.cols, self.top
        return page, MARGIN_MM + (col + 0.5) * self.cell_w, top + row * self.cell_h


#: Where the grid's first row starts on the first page (below the title and its line)
#: and on the others (below the running head).
_GRID_TOPS = (MARGIN_MM + 16.0, MARGIN_MM + 7.0)


def _grid_pages(
    dolls: tuple[Doll, ...],
    start: int,
    size: tuple[float, float],
    measure_name: Callable[[str], float],
) -> list[Page]:
    grid = _Grid(size, *_GRID_TOPS)
    pages = [Page() for _ in range(grid.pages(len(dolls)))]
    rows: dict[tuple[int, float], list[float]] = {}
    for i, doll in enumerate(dolls):
        page, cx, top = grid.place(i)
        name = tuple(_wrap(doll.name, grid.cell_w - 1.5, measure_name, 2))
        label = Label(doll, cx, top + GRID_DOLL_MM + 0.8, name, (NAME_PT, YEARS_PT), start + i + 1)
        placed = Placed(doll, cx - GRID_DOLL_MM * ASPECT / 2, top, GRID_DOLL_MM, label)
        pages[page].dolls.append(placed)
        rows.setdefault((page, top + GRID_DOLL_MM), []).append(cx)
    for (page, y), xs in rows.items():
        half = grid.cell_w * 0.42
        pages[page].planks.append((min(xs) - half, max(xs) + half, y))
    return pages


# --- Writing --------------------------------------------------------------------------


def fits_best_landscape(request: ExportRequest) -> bool:
    """Whether landscape pages take no more of them than portrait for ``request``.

    A set that fits one page in either orientation is printed landscape, like the PNG
    line-up; a long one on whichever gives fewer pages (portrait A4 holds 36 dolls of the
    grid, landscape 32).
    """
    dolls = request.dolls
    counts = []
    for landscape in (True, False):
        size = page_size(request.paper, landscape)
        if len(dolls) <= ONE_PAGE_MAX and _one_page(dolls, request.sequence.title, size):
            counts.append(1)
        else:
            counts.append(_Grid(size, *_GRID_TOPS).pages(len(dolls)))
    return counts[0] <= counts[1]


def new_document(paper: str, landscape: bool, title: str, subject: str, keywords: str) -> FPDF:
    """An empty PDF on ``paper`` with the program's metadata, laid out by hand (no automatic
    page breaks). Fonts are embedded as text needs them (``set_line``)."""
    from fpdf import FPDF  # only when a PDF is written

    pdf = FPDF(
        orientation="L" if landscape else "P",
        unit="mm",
        format="A4" if paper == "a4" else "Letter",
    )
    pdf.set_auto_page_break(False)
    pdf.set_margin(MARGIN_MM)
    pdf.set_title(title)
    pdf.set_creator(f"matryoshka {__version__}")
    pdf.set_producer(f"matryoshka {__version__}")
    pdf.set_subject(subject)
    pdf.set_keywords(keywords)
    return pdf


def _document(request: ExportRequest, landscape: bool) -> FPDF:
    seq = request.sequence
    subject = seq.description or f"The dolls of {seq.title}, outermost first"
    pdf = new_document(request.paper, landscape, seq.title, subject, f"matryoshka {seq.id}")
    pdf.c_margin = 0
    _add_family(pdf, shipped_faces()[0])
    return pdf


def _add_family(pdf: FPDF, face: Face) -> None:
    """Embed ``face`` (regular and bold) the first time some text needs it."""
    if face.key.lower() in pdf.fonts:
        return
    pdf.add_font(face.key, "", str(face.regular))
    pdf.add_font(face.key, "B", str(face.bold))


def _use(pdf: FPDF, piece: Piece, pt: float, bold: bool) -> None:
    """Select the font of ``piece`` and shape it for its script and direction."""
    _add_family(pdf, piece.face)
    pdf.set_font(piece.face.key, "B" if bold else "", pt)
    if piece.face is shipped_faces()[0] and not piece.rtl:
        pdf.set_text_shaping(False)  # Latin, Greek, Cyrillic: as they always were set
    else:
        pdf.set_text_shaping(True, direction="rtl" if piece.rtl else "ltr", script=piece.script)


def text_width(pdf: FPDF, text: str, pt: float, bold: bool) -> float:
    """Width of ``text`` in millimetres, set as ``set_line`` sets it."""
    width = 0.0
    for piece in pieces(text):
        _use(pdf, piece, pt, bold)
        width += pdf.get_string_width(piece.text)
    return width


def set_line(
    pdf: FPDF, text: str, left: float, top: float, pt: float, bold: bool, ink: tuple[int, int, int]
) -> None:
    """One line of real text in any script, its top left corner at (``left``, ``top``) mm.

    The line is set piece by piece (see ``stage.scripts.pieces``): each piece in the font
    that has its letters, right-to-left pieces shaped from the right, so the text stays
    real text in every script.
    """
    pdf.set_text_color(*ink)
    em = pt / _PT_PER_MM
    x = left
    for piece in pieces(text):
        _use(pdf, piece, pt, bold)
        width = pdf.get_string_width(piece.text)
        # A cell one em tall puts the baseline 1.07 em below ``top``.
        pdf.set_xy(x, top + em * 0.27)
        pdf.cell(width, em, piece.text)
        x += width


def _text(
    pdf: FPDF, text: str, cx: float, top: float, pt: float, bold: bool, ink: tuple[int, int, int]
) -> float:
    """One line centred on ``cx`` with its top at ``top``; the top of the next line."""
    set_line(pdf, text, cx - text_width(pdf, text, pt, bold) / 2, top, pt, bold, ink)
    return top + pt / _PT_PER_MM * 1.3


def produce(request: ExportRequest) -> Generator[float, None, Encoder]:
    """Lay out and draw the PDF line-up of ``request``, a doll per step (0 to 0.85).

    Returns the function that writes the file (fpdf2 only, no pygame).
    """
    from matryoshka.export.job import DRAW_SHARE

    seq = request.sequence
    dolls = request.dolls
    landscape = fits_best_landscape(request) if request.landscape is None else request.landscape
    size = page_size(request.paper, landscape)
    pdf = _document(request, landscape)

    def measure_name(text: str) -> float:
        return text_width(pdf, text, NAME_PT, True)

    single = _one_page(dolls, seq.title, size) if len(dolls) <= ONE_PAGE_MAX else None
    pages = (
        [single] if single is not None else _grid_pages(dolls, request.depth, size, measure_name)
    )
    dpi = request.size / (size[1] / 25.4)
    if single is None:
        dpi = min(dpi, GRID_MAX_DPI)
    done = 0
    for number, page in enumerate(pages, start=1):
        pdf.add_page()
        _page_text(pdf, request, size, number, len(pages), single is not None)
        pdf.set_draw_color(*theme.SHELF_WOOD)
        pdf.set_line_width(0.7)
        for x0, x1, y in page.planks:
            pdf.line(x0, y + 0.35, x1, y + 0.35)
        for placed in page.dolls:
            px = max(8, round(placed.h / 25.4 * dpi))
            width = placed.h * doll_width(px) / px
            image = as_jpeg(paint(placed.doll, "whole", px))
            pdf.image(image, x=placed.label.cx - width / 2, y=placed.y, w=width, h=placed.h)
            _label(pdf, placed.label)
            done += 1
            yield DRAW_SHARE * done / len(dolls)

    def write(fp: BinaryIO) -> None:
        fp.write(pdf.output())

    return write


def as_jpeg(surface: pygame.Surface) -> Image.Image:
    """The painting on white, as a JPEG file that the PDF stores as it is."""
    rgba = pictures.to_pil(surface)
    flat = Image.new("RGB", rgba.size, (255, 255, 255))
    flat.paste(rgba, (0, 0), rgba)
    buf = io.BytesIO()
    flat.save(buf, "JPEG", quality=JPEG_QUALITY, subsampling=0)
    buf.seek(0)
    return Image.open(buf)


def _label(pdf: FPDF, label: Label) -> None:
    name_pt, years_pt = label.pts
    y = label.top
    for line in label.name:
        y = _text(pdf, line, label.cx, y, name_pt, True, theme.INK)
    if label.dates:
        _text(pdf, label.dates, label.cx, y, years_pt, False, theme.INK_SOFT)


def _page_text(
    pdf: FPDF,
    request: ExportRequest,
    size: tuple[float, float],
    number: int,
    pages: int,
    single: bool,
) -> None:
    """The title (first page), a running head (later pages) and the footer."""
    seq = request.sequence
    w, h = size
    dolls = request.dolls
    if number == 1:
        if single:
            layout_top = round(h * _UNITS_PER_MM * 0.04) / _UNITS_PER_MM
            title_pt = max(MIN_PT, min(TITLE_PT * 1.4, h * 0.045 * _PT_PER_MM))
        else:
            layout_top, title_pt = MARGIN_MM, TITLE_PT
        _fit_title(pdf, seq.title, w, layout_top, title_pt)
        if not single:
            first, last = dolls[0], dolls[-1]
            line = f"{len(dolls)} dolls, from {first.name} (outermost) to {last.name}"
            _text(
                pdf,
                line,
                w / 2,
                layout_top + title_pt / _PT_PER_MM * 1.35,
                10,
                False,
                theme.INK_SOFT,
            )
    else:
        _text(pdf, f"{seq.title} (continued)", w / 2, MARGIN_MM, MIN_PT, False, theme.INK_SOFT)
    foot = f"matryoshka {__version__}"
    if pages > 1:
        foot = f"page {number} of {pages}  ·  {foot}"
    _text(pdf, foot, w / 2, h - MARGIN_MM - 3.0, MIN_PT, False, theme.INK_SOFT)


def _fit_title(pdf: FPDF, title: str, width: float, top: float, pt: float) -> None:
    wide = text_width(pdf, title, pt, True)
    room = width - 2 * MARGIN_MM
    if wide > room:
        pt = max(MIN_PT, pt * room / wide)
    _text(pdf, title, width / 2, top, pt, True, theme.INK)
