"""The comparison of two sets as a picture (PNG, WebP) or a printable PDF page.

Both are laid out by ``stage.comparison_picture``, the window's own comparison: the PNG is
drawn by the same code onto a slide-shaped picture (16:9) under a title; the PDF places
the same layout on an A4 or US Letter page with fpdf2, every title, name, year and the
legend as real text (selectable, searchable), the joins and the axis as vector lines,
and only the dolls as pictures, each painted at the resolution it prints at.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, BinaryIO

from matryoshka import __version__, theme
from matryoshka.export import pictures
from matryoshka.export.pdf import as_jpeg, set_line, text_width
from matryoshka.geometry import Rect
from matryoshka.history.comparison import Comparison, compare
from matryoshka.pgcompat import pygame
from matryoshka.stage import bidi
from matryoshka.stage import comparison_picture as cp
from matryoshka.stage.fonts import shared_text

if TYPE_CHECKING:
    from fpdf import FPDF

    from matryoshka.export.job import ExportRequest

Encoder = Callable[[BinaryIO], None]

#: Width of the picture for its height (slides are 16:9).
PICTURE_ASPECT = 16 / 9
#: Text sizes as shares of the picture's height: main title, set titles, names, years.
TITLE_SHARE = 0.042
SET_TITLE_SHARE = 0.03
NAME_SHARE = 0.0185
SMALL_SHARE = 0.0165

#: The PDF works in tenths of a millimetre (text measured with the same fonts).
_UNITS_PER_MM = 10.0
_PT_PER_MM = 72 / 25.4
MARGIN_MM = 12.0
#: The lines under the legend that name the pairs nested in opposite order (points).
NOTE_PT = 8.5


def comparison_of(request: ExportRequest) -> Comparison:
    """The comparison an export request asks for (its two sets and their references)."""
    assert request.other is not None
    ref_a, ref_b = request.references
    return compare(request.sequence, request.other, ref_a, ref_b)


def title_of(comparison: Comparison) -> str:
    """``The market set, Moscow 1995 compared with Trotsky inside Lenin``."""
    return f"{comparison.a.title} compared with {comparison.b.title}"


def title_line(comparison: Comparison) -> str:
    """The title as drawn: an English sentence, so it reads from the left even when the
    first set's title is Arabic or Hebrew (that title first, then "compared with")."""
    a, b = (bidi.isolated(s.title) for s in (comparison.a, comparison.b))
    return bidi.with_direction(f"{a} compared with {b}", 0)


def metadata(request: ExportRequest) -> dict[str, str]:
    """Text stored in the PNG: both sets, how many figures, who made it."""
    assert request.other is not None
    c = comparison_of(request)
    return {
        "Title": title_of(c),
        "Software": f"matryoshka {__version__}",
        "matryoshka:version": __version__,
        "matryoshka:sequence": request.sequence.id,
        "matryoshka:sequence-title": request.sequence.title,
        "matryoshka:compared-with": request.other.id,
        "matryoshka:compared-with-title": request.other.title,
        "matryoshka:shared": ", ".join(f.id for f in c.shared),
        "matryoshka:crossed-pairs": str(c.crossing_count),
    }


# --- The picture ------------------------------------------------------------------------


def picture_surface(comparison: Comparison, height: int) -> pygame.Surface:
    """The comparison ``height`` pixels tall, 16:9, titled, on the window's background."""
    width = round(height * PICTURE_ASPECT)
    text = shared_text()
    surface = pygame.Surface((width, height))
    surface.fill(theme.BACKGROUND)
    title_px = max(8, round(height * TITLE_SHARE))
    margin = round(height * 0.03)
    title = title_line(comparison)
    while text.width(title, title_px, True) > width - 2 * margin and title_px > 8:
        title_px -= 1
    text.draw(surface, title, title_px, theme.INK, (width // 2, margin), bold=True, anchor="midtop")
    top = margin + round(text.line_height(title_px) * 1.3)
    sizes = cp.Sizes(
        max(7, round(height * SET_TITLE_SHARE)),
        max(6, round(height * NAME_SHARE)),
        max(6, round(height * SMALL_SHARE)),
    )
    rect = Rect(margin, top, width - 2 * margin, height - top - margin)
    cp.draw(surface, cp.lay_out(comparison, rect, text, sizes), text)
    return surface


def produce(request: ExportRequest) -> Generator[float, None, Encoder]:
    """Draw the comparison (PNG or WebP), or lay out its PDF page; yields progress."""
    from matryoshka.export import encode
    from matryoshka.export.job import DRAW_SHARE

    comparison = comparison_of(request)
    if request.fmt == "pdf":
        return (yield from _pdf(request, comparison))
    image = pictures.to_pil(picture_surface(comparison, request.size), "RGB")
    yield DRAW_SHARE
    text = metadata(request)
    return lambda fp: encode.save_still(image, fp, request.fmt, text)


# --- The PDF ----------------------------------------------------------------------------


def _pdf(request: ExportRequest, comparison: Comparison) -> Generator[float, None, Encoder]:
    from matryoshka.export.job import DRAW_SHARE
    from matryoshka.export.pdf import new_document, page_size

    landscape = request.landscape is not False  # two long rows read best across the page
    w_mm, h_mm = page_size(request.paper, landscape)
    title = title_of(comparison)
    subject = "Two sets of nested dolls on one time axis"
    keywords = f"matryoshka {comparison.a.id} {comparison.b.id}"
    pdf = new_document(request.paper, landscape, title, subject, keywords)
    pdf.add_page()

    u = _UNITS_PER_MM
    title_pt = 16.0
    shown = title_line(comparison)
    while text_width(pdf, shown, title_pt, True) > w_mm - 2 * MARGIN_MM and title_pt > 9:
        title_pt -= 0.5
    _text(pdf, shown, w_mm / 2, MARGIN_MM, title_pt, True, theme.INK, "center")
    top = MARGIN_MM + title_pt / _PT_PER_MM * 1.6
    notes = _wrapped(pdf, disagreements(comparison), w_mm - 2 * MARGIN_MM)
    notes_h = len(notes) * NOTE_PT / _PT_PER_MM * 1.35
    sizes = cp.Sizes(_units(12.0), _units(8.5), _units(8.0))
    rect = Rect(
        MARGIN_MM * u,
        top * u,
        (w_mm - 2 * MARGIN_MM) * u,
        (h_mm - top - MARGIN_MM - 4 - notes_h) * u,
    )
    picture = cp.lay_out(comparison, rect, shared_text(), sizes)
    _pdf_joins_and_axis(pdf, picture)
    dpi = request.size / (h_mm / 25.4)
    for k, item in enumerate(picture.items):
        _pdf_item(pdf, picture, item, dpi)
        yield DRAW_SHARE * (k + 1) / len(picture.items)
    _pdf_titles_and_legend(pdf, picture)
    y = _mm(rect.bottom) + 0.5
    for note in notes:
        _text(pdf, note, MARGIN_MM, y, NOTE_PT, False, theme.INK)
        y += NOTE_PT / _PT_PER_MM * 1.35
    _text(
        pdf,
        f"matryoshka {__version__}",
        w_mm / 2,
        h_mm - MARGIN_MM - 3.0,
        8.0,
        False,
        theme.INK_SOFT,
        "center",
    )

    def write(fp: BinaryIO) -> None:
        fp.write(pdf.output())

    return write


def disagreements(comparison: Comparison, most: int = 3) -> list[str]:
    """The pairs nested in opposite order, in words, for a handout (at most ``most``)."""
    a, b = comparison.a.title, comparison.b.title
    lines = [f"Opposite order: {c.sentence(a, b)}." for c in comparison.crossings[:most]]
    more = comparison.crossing_count - len(lines)
    if more > 0:
        lines.append(f"… and {more} more pair{'s' if more != 1 else ''} nested in opposite order.")
    return lines


def _wrapped(pdf: FPDF, paragraphs: list[str], width: float) -> list[str]:
    """The paragraphs broken at spaces into lines ``width`` millimetres wide."""
    lines: list[str] = []
    for paragraph in paragraphs:
        line = ""
        for word in paragraph.split():
            wider = f"{line} {word}" if line else word
            if line and text_width(pdf, wider, NOTE_PT, False) > width:
                lines.append(line)
                wider = f"  {word}"  # a paragraph's later lines are indented
            line = wider
        lines.append(line)
    return lines


def _units(pt: float) -> int:
    """A text size in points as layout units (tenths of a millimetre)."""
    return round(pt / _PT_PER_MM * _UNITS_PER_MM)


def _pt(units: float) -> float:
    return units / _UNITS_PER_MM * _PT_PER_MM


def _mm(units: float) -> float:
    return units / _UNITS_PER_MM


def _text(
    pdf: FPDF,
    text: str,
    x: float,
    top: float,
    pt: float,
    bold: bool,
    ink: tuple[int, int, int],
    align: str = "left",
) -> None:
    """One line with its top at ``top`` (mm): left-aligned at ``x`` or centred on it, in
    the fonts of its scripts (a title in Arabic or Japanese is real text too)."""
    if not text:
        return
    left = x - text_width(pdf, text, pt, bold) / 2 if align == "center" else x
    set_line(pdf, text, left, top, pt, bold, ink)


def _pdf_joins_and_axis(pdf: FPDF, picture: cp.Picture) -> None:
    for line in picture.joins:
        color = cp.CROSSED if line.crossed else cp.JOIN
        pdf.set_draw_color(*color)
        pdf.set_line_width(0.6 if line.crossed else 0.35)
        pdf.set_dash_pattern(dash=1.2, gap=1.2) if line.ghost else pdf.set_dash_pattern()
        (x0, y0), (x1, y1) = line.start, line.end
        pdf.line(_mm(x0), _mm(y0), _mm(x1), _mm(y1))
    pdf.set_dash_pattern()
    x0, x1, y = picture.axis
    pdf.set_draw_color(*theme.INK_SOFT)
    pdf.set_line_width(0.5)
    small = _pt(picture.sizes.small)
    if picture.axis_note:
        pdf.set_dash_pattern(dash=1.5, gap=1.5)
        pdf.line(_mm(x0), _mm(y), _mm(x1), _mm(y))
        pdf.set_dash_pattern()
        _label_box(pdf, picture.axis_note, (x0 + x1) / 2, y, small, centred=True)
        return
    pdf.line(_mm(x0), _mm(y), _mm(x1), _mm(y))
    for x, label in picture.ticks:
        pdf.line(_mm(x), _mm(y) - 1.0, _mm(x), _mm(y) + 1.0)
        _label_box(pdf, label, x, y, small, centred=False)


def _label_box(pdf: FPDF, text: str, x: float, y: float, pt: float, *, centred: bool) -> None:
    """A tick's year (below the axis) or the axis's note (on it), on a paper-coloured box."""
    w = text_width(pdf, text, pt, False) + 1.6
    h = pt / _PT_PER_MM * 1.35
    top = _mm(y) - h / 2 if centred else _mm(y) + 1.3
    pdf.set_fill_color(*theme.PAPER)
    pdf.rect(_mm(x) - w / 2, top, w, h, style="F")
    _text(pdf, text, _mm(x), top + h * 0.1, pt, False, theme.INK, "center")


def _pdf_item(pdf: FPDF, picture: cp.Picture, item: cp.PictureItem, dpi: float) -> None:
    h_mm = _mm(item.height)
    px = max(cp.MIN_PAINTED, round(h_mm / 25.4 * dpi))
    if h_mm >= 3.0:
        painting = cp.ghost_image(item.doll, px) if item.ghost else _painting(item.doll, px)
        w_mm = h_mm * painting.get_width() / painting.get_height()
        pdf.image(as_jpeg(painting), x=_mm(item.cx) - w_mm / 2, y=_mm(item.top), w=w_mm, h=h_mm)
    y = _mm(item.label_y)
    name_pt, small_pt = _pt(picture.sizes.name), _pt(picture.sizes.small)
    ink = theme.INK_SOFT if item.ghost else theme.INK
    for line in item.name:
        _text(pdf, line, _mm(item.label_x), y, name_pt, True, ink, "center")
        y += _mm(shared_text().line_height(picture.sizes.name))
    _text(pdf, item.years, _mm(item.label_x), y, small_pt, False, theme.INK_SOFT, "center")


def _painting(doll: object, height: int) -> pygame.Surface:
    from matryoshka.painter import paint

    return paint(doll, "whole", height)  # type: ignore[arg-type]


def _pdf_titles_and_legend(pdf: FPDF, picture: cp.Picture) -> None:
    title_pt = _pt(picture.sizes.title)
    for title, x, y in picture.titles:
        _text(pdf, title, _mm(x), _mm(y), title_pt, True, theme.INK)
    small_pt = _pt(picture.sizes.small)
    if picture.hint is not None:
        hint, x, y = picture.hint
        _text(pdf, hint, _mm(x), _mm(y), small_pt, False, theme.INK_SOFT)
    lh = shared_text().line_height(picture.sizes.small)
    sample = _mm(round(lh * 1.6))
    for kind, words, fx, fy in picture.legend:
        x, y = _mm(fx), _mm(fy)
        mid = y + _mm(lh) / 2
        pdf.set_dash_pattern()
        if kind == "join":
            pdf.set_draw_color(*cp.JOIN)
            pdf.set_line_width(0.35)
            pdf.line(x, mid, x + sample, mid)
        elif kind == "ghost":
            pdf.set_draw_color(*theme.INK_SOFT)
            pdf.set_line_width(0.25)
            pdf.set_dash_pattern(dash=0.6, gap=0.6)
            pdf.rect(x + sample / 4, y + 0.3, sample / 2, _mm(lh) - 0.6)
            pdf.set_dash_pattern()
        elif kind == "crossed":
            pdf.set_draw_color(*cp.CROSSED)
            pdf.set_line_width(0.6)
            q = _mm(lh) / 4
            pdf.line(x, mid + q, x + sample, mid - q)
            pdf.line(x, mid - q, x + sample, mid + q)
        offset = sample + _mm(lh // 3) if kind else 0.0
        ink = theme.INK if kind else theme.INK_SOFT
        _text(pdf, words, x + offset, y, small_pt, False, ink)
