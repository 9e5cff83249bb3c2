"""Exported pictures and animations: formats, contents, safety and every error.

The sets are built in code (not read from the shipped files) so these tests follow the
export, not the painter's current art: a doll's pixels are compared with the painter's
own painting of it, never with stored images.
"""

from __future__ import annotations

import io
import itertools
import os
import sys
import time
import types
from collections.abc import Sequence as Seq
from pathlib import Path
from typing import BinaryIO

import pytest
from PIL import Image, ImageChops, ImageSequence, PdfParser

from matryoshka import __version__, atomic, theme
from matryoshka.cli import main
from matryoshka.errors import MatryoshkaError
from matryoshka.export import encode, pictures
from matryoshka.export.job import ExportError, ExportRequest, produce
from matryoshka.export.window import WindowExport
from matryoshka.format.model import DEFAULT_PALETTE, Doll, PartialDate, Sequence
from matryoshka.painter import doll_width, paint
from matryoshka.stage import choreography

MARKET = (
    ("Boris Yeltsin", "yeltsin", 1991, 1999),
    ("Mikhail Gorbachev", "gorbachev", 1985, 1991),
    ("Leonid Brezhnev", "brezhnev", 1964, 1982),
    ("Nikita Khrushchev", "khrushchev", 1953, 1964),
    ("Joseph Stalin", "stalin", 1922, 1953),
    ("Vladimir Lenin", "lenin", 1917, 1924),
    ("Tsar Nicholas II", "nicholas-ii", 1894, 1917),
)


def make_sequence(count: int = 7, seq_id: str = "market-1995") -> Sequence:
    """The market set's first ``count`` figures (numbered repeats beyond seven)."""
    dolls = []
    for i in range(count):
        name, doll_id, start, end = MARKET[i % len(MARKET)]
        if i >= len(MARKET):
            name, doll_id = f"{name} {i}", f"{doll_id}-{i}"
        dolls.append(
            Doll(
                name=name,
                id=doll_id,
                start=PartialDate(start),
                end=PartialDate(end),
                colors=DEFAULT_PALETTE[i % len(DEFAULT_PALETTE)],
            )
        )
    return Sequence(id=seq_id, title="The market set, Москва 1995", dolls=tuple(dolls))


SEQ = make_sequence()
SHORT = make_sequence(3, "short-set")
LONG = make_sequence(15, "long-set")


@pytest.fixture(autouse=True)
def catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    """``matryoshka export`` finds the sets above by id, and nothing else."""
    by_id = {s.id: s for s in (SEQ, SHORT, LONG)}

    def resolve(spec: str, extra_dirs: Seq[Path] = ()) -> Sequence:
        if spec not in by_id:
            raise MatryoshkaError(f"no sequence '{spec}'")
        return by_id[spec]

    try:
        import matryoshka.format.catalog as module
    except ImportError:  # the catalog is not there yet: stand in for it
        module = types.ModuleType("matryoshka.format.catalog")
        monkeypatch.setitem(sys.modules, "matryoshka.format.catalog", module)
    monkeypatch.setattr(module, "resolve", resolve, raising=False)


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["export", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, err: str, *fragments: str) -> None:
    assert code == 1
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert ": error: " in lines[0]
    for fragment in fragments:
        assert fragment in lines[0]


def leftovers(folder: Path) -> list[str]:
    """Temporary files an export left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def run_request(request: ExportRequest) -> bytes:
    steps = produce(request)
    try:
        while True:
            next(steps)
    except StopIteration as stop:
        buf = io.BytesIO()
        stop.value(buf)
        return buf.getvalue()


# --- Stills ---------------------------------------------------------------------------


def test_doll_png_is_the_painters_painting_with_metadata(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "brezhnev.png"
    code, stdout, _ = run_cli(
        capsys, "market-1995", "--doll", "brezhnev", "--size", "200", "-o", str(out)
    )
    assert code == 0
    assert str(out) in stdout
    with Image.open(out) as im:
        assert im.format == "PNG"
        assert im.size == (doll_width(200), 200)
        assert im.mode == "RGBA"
        painted = pictures.to_pil(paint(SEQ.dolls[2], "whole", 200))
        assert im.tobytes() == painted.tobytes()
        # Transparent around the doll, and a solid doll inside.
        assert im.getpixel((0, 0))[3] == 0
        solid = sum(im.getchannel("A").histogram()[250:])
        assert solid > 0.4 * im.width * im.height
        text = im.text
    assert text["matryoshka:sequence"] == "market-1995"
    assert text["matryoshka:sequence-title"] == "The market set, Москва 1995"
    assert text["matryoshka:doll"] == "brezhnev"
    assert text["matryoshka:doll-name"] == "Leonid Brezhnev"
    assert text["matryoshka:version"] == __version__
    assert text["Software"] == f"matryoshka {__version__}"


def test_default_doll_is_the_outermost_at_1024(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "doll.png"
    assert run_cli(capsys, "short-set", "-o", str(out))[0] == 0
    with Image.open(out) as im:
        assert im.size == (doll_width(1024), 1024)
        assert im.text["matryoshka:doll"] == "yeltsin"


def test_open_png_shows_the_inner_doll_on_transparent_background(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "open.png"
    code, _, _ = run_cli(capsys, "market-1995", "--open", "--size", "240", "-o", str(out))
    assert code == 0
    with Image.open(out) as im:
        assert im.size[1] == 240
        assert im.mode == "RGBA"
        alpha = im.getchannel("A")
        # Cropped to the content with a small margin on every side.
        left, top, right, bottom = alpha.getbbox()
        margin = round(240 * 0.03)
        assert left == margin and right == im.width - margin
        assert top >= margin - 1 and bottom <= 240 - margin + 1
        assert alpha.getpixel((0, 0)) == 0
        # The lid is lifted aside: the picture is wider than a closed doll.
        assert im.width > doll_width(240)
        assert im.text["matryoshka:inner-doll"] == "gorbachev"
        opened = im.tobytes()
    # The inner doll shows: with another doll inside, the picture changes.
    other = pictures.to_pil(pictures.open_surface(SEQ.dolls[0], SEQ.dolls[4], 240))
    assert other.size == (im.width, 240)
    assert other.tobytes() != opened


def test_open_core_doll_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "core.png"
    code, _, err = run_cli(capsys, "market-1995", "--open", "--doll", "nicholas-ii", "-o", str(out))
    assert_one_line_error(code, err, "Tsar Nicholas II", "is the core doll; it does not open")
    assert not out.exists()


def test_lineup_png_is_16_by_9_on_the_background(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "lineup.png"
    code, _, _ = run_cli(capsys, "market-1995", "--lineup", "--size", "270", "-o", str(out))
    assert code == 0
    with Image.open(out) as im:
        assert im.size == (480, 270)
        assert im.getpixel((0, 0)) == theme.BACKGROUND
        assert im.getpixel((479, 269)) == theme.BACKGROUND
        assert im.text["matryoshka:dolls"] == ", ".join(d.id for d in SEQ.dolls)
        rgb = im.convert("RGB")
    # Every doll is drawn where the layout puts it (painted, not background).
    layout = pictures.lineup_layout(SEQ.dolls, SEQ.title, 480, 270)
    for item in layout.items:
        centre = (round(item.place.cx), round(item.place.top + item.place.height * 0.7))
        assert rgb.getpixel(centre) != theme.BACKGROUND, item.doll.id


@pytest.mark.parametrize("seq", [SEQ, LONG, make_sequence(1, "one")], ids=lambda s: s.id)
def test_lineup_layout_keeps_proportions_inside_the_picture(seq: Sequence) -> None:
    width, height = 1820, 1024
    layout = pictures.lineup_layout(seq.dolls, seq.title, width, height)
    assert [item.doll for item in layout.items] == list(seq.dolls)
    heights = [item.place.height for item in layout.items]
    assert heights == sorted(heights, reverse=True)
    assert heights[-1] >= heights[0] * pictures.LINEUP_MIN_RATIO - 1e-6
    for a, b in itertools.pairwise(heights):
        assert b / a == pytest.approx(pictures.lineup_ratio(len(seq.dolls)))
    for item in layout.items:
        w = doll_width(round(item.place.height))
        assert item.place.cx - w / 2 >= 0 and item.place.cx + w / 2 <= width
        assert item.place.top > layout.title_y and item.place.bottom < height
    # The smallest doll stays big enough to see.
    assert heights[-1] >= 0.08 * height


def test_long_lineup_wraps_into_rows_that_do_not_overlap() -> None:
    layout = pictures.lineup_layout(LONG.dolls, LONG.title, 1820, 1024)
    assert layout.rows >= 2
    rows: dict[float, list[pictures.LineupItem]] = {}
    for item in layout.items:
        rows.setdefault(round(item.place.bottom), []).append(item)
    assert len(rows) == layout.rows
    bottoms = sorted(rows)
    for upper, lower in itertools.pairwise(bottoms):
        # The next row's tallest doll starts below the labels of the row above.
        assert min(i.place.top for i in rows[lower]) > upper + layout.name_px * 2
    for row in rows.values():
        xs = [i.place.cx for i in row]
        assert xs == sorted(xs)


def test_lineup_pdf_is_one_a4_landscape_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "lineup.pdf"
    code, _, _ = run_cli(capsys, "market-1995", "--lineup", "--size", "300", "-o", str(out))
    assert code == 0
    pdf = PdfParser.PdfParser(str(out))
    try:
        assert len(pdf.pages) == 1
        page = pdf.read_indirect(pdf.pages[0])
        box = page.get(b"MediaBox") or pdf.read_indirect(page[b"Parent"])[b"MediaBox"]
        x0, y0, x1, y1 = box  # on the page, or inherited from the page tree
        points_per_mm = 72 / 25.4
        assert (x1 - x0) / points_per_mm == pytest.approx(297, abs=0.5)
        assert (y1 - y0) / points_per_mm == pytest.approx(210, abs=0.5)
    finally:
        pdf.close()


def test_pdf_only_for_the_lineup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "market-1995", "-o", str(tmp_path / "doll.pdf"))
    assert_one_line_error(code, err, "doll.pdf", "--lineup")


@pytest.mark.parametrize("suffix", [".webp", ".gif"])
def test_doll_still_in_other_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    out = tmp_path / f"doll{suffix}"
    assert run_cli(capsys, "market-1995", "--size", "96", "-o", str(out))[0] == 0
    with Image.open(out) as im:
        assert im.size == (doll_width(96), 96)
        assert getattr(im, "n_frames", 1) == 1
        rgba = im.convert("RGBA")
        assert rgba.getpixel((0, 0))[3] == 0
        assert rgba.getpixel((im.width // 2, 80))[3] == 255


# --- Animations -----------------------------------------------------------------------


def test_timeline_holds_then_opens_each_doll_in_whole_milliseconds() -> None:
    timeline = pictures.animation_timeline(7)
    per_opening = -(-choreography.OPEN_MS // pictures.FRAME_MS)  # frames incl. the hold
    assert len(timeline) == 6 * per_opening + 1
    assert all(isinstance(f.ms, int) and isinstance(f.duration, int) for f in timeline)
    assert sum(f.duration for f in timeline) == (
        6 * (pictures.HOLD_MS + choreography.OPEN_MS) + pictures.FINAL_HOLD_MS
    )
    assert [f.depth for f in timeline if f.ms == 0] == list(range(7))
    assert timeline[-1].depth == 6
    assert all(0 <= f.ms < choreography.OPEN_MS for f in timeline)


@pytest.mark.parametrize("seq", [SEQ, LONG], ids=lambda s: s.id)
def test_animation_pieces_stay_in_the_picture_below_the_title(seq: Sequence) -> None:
    scene = pictures.AnimationScene(seq, 480)
    for spec in pictures.animation_timeline(len(seq.dolls)):
        if spec.ms == 0:  # a doll at rest, not opening
            continue
        pose = scene.pose(spec)
        for place in (pose.top, pose.bottom, pose.inner):
            half = doll_width(round(place.height)) / 2
            assert place.cx - half >= 0 and place.cx + half <= scene.width, spec
            assert place.top >= scene.stage_box.y - 1, spec
            assert place.bottom <= scene.height, spec
    for slot in scene.slots:
        half = doll_width(round(slot.height)) / 2
        assert slot.cx - half >= 0 and slot.cx + half <= scene.width
        assert slot.top > scene.rest.bottom


def _durations(im: Image.Image) -> list[int]:
    durations = []
    for frame in ImageSequence.Iterator(im):
        frame.load()
        durations.append(int(frame.info["duration"]))
    return durations


def _gif_has_local_palettes(data: bytes) -> bool:
    """Walk the GIF blocks: True if any frame carries its own colour table."""
    pos = 13
    flags = data[10]
    if flags & 0x80:
        pos += 3 * (2 << (flags & 7))
    while pos < len(data):
        block = data[pos]
        if block == 0x3B:  # trailer
            return False
        if block == 0x21:  # extension: label, then sub-blocks
            pos += 2
        elif block == 0x2C:  # image descriptor
            packed = data[pos + 9]
            if packed & 0x80:
                return True
            pos += 10 + 1  # descriptor, then the LZW minimum code size
        else:
            raise AssertionError(f"unexpected GIF block {block:#x} at {pos}")
        while data[pos]:
            pos += data[pos] + 1
        pos += 1
    raise AssertionError("no GIF trailer")


def test_gif_animation_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "opening.gif"
    code, _, _ = run_cli(capsys, "short-set", "--animate", "--size", "96", "-o", str(out))
    assert code == 0
    timeline = pictures.animation_timeline(3)
    data = out.read_bytes()
    assert not _gif_has_local_palettes(data), "every frame must use the one global palette"
    with Image.open(out) as im:
        assert im.size == (round(96 * pictures.ANIMATION_ASPECT), 96)
        assert im.info["loop"] == 0
        durations = _durations(im)
        # Pillow merges identical consecutive frames (adding their durations), so there
        # may be fewer frames than the timeline has, but never more, and every doll's
        # hold is a different picture.
        assert 3 <= len(durations) <= len(timeline)
        assert sum(durations) == sum(f.duration for f in timeline)
        assert durations[0] >= pictures.HOLD_MS
        assert durations[-1] >= pictures.FINAL_HOLD_MS
        last = im.copy().convert("RGB")
    # The final frame shows the core doll on stage and every opened shell on the shelf.
    scene = pictures.AnimationScene(SHORT, 96)
    expected = pictures.to_pil(scene.draw(timeline[-1]), "RGB")
    diff = [abs(a - b) for a, b in zip(last.tobytes(), expected.tobytes(), strict=True)]
    assert sum(diff) / len(diff) < 3  # only the palette's rounding differs


def test_gif_frames_share_one_palette_and_decode_as_quantized(tmp_path: Path) -> None:
    frames = [
        pictures.to_pil(pictures.AnimationScene(SHORT, 80).draw(spec), "RGB")
        for spec in pictures.animation_timeline(3)
    ]
    quantized = encode.gif_frames(frames)
    palettes = {bytes(q.getpalette() or []) for q in quantized}
    assert len(palettes) == 1
    buf = io.BytesIO()
    encode.save_animation(frames, [40] * len(frames), buf, "gif", {})
    buf.seek(0)
    with Image.open(buf) as im:
        decoded = [f.convert("RGB").tobytes() for f in ImageSequence.Iterator(im)]
    expected = [q.convert("RGB").tobytes() for q in quantized]
    # Each decoded frame is exactly the quantized frame (merged duplicates aside).
    assert decoded == [e for i, e in enumerate(expected) if i == 0 or e != expected[i - 1]]


def test_apng_animation_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "opening.png"
    code, _, _ = run_cli(capsys, "short-set", "--animate", "--size", "80", "-o", str(out))
    assert code == 0
    timeline = pictures.animation_timeline(3)
    with Image.open(out) as im:
        assert im.format == "PNG"
        assert getattr(im, "is_animated", False)
        assert im.info["loop"] == 0
        assert im.text["matryoshka:sequence"] == "short-set"
        durations = _durations(im)
    assert 3 <= len(durations) <= len(timeline)
    assert sum(durations) == sum(f.duration for f in timeline)


def test_webp_animation_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "opening.webp"
    code, _, _ = run_cli(capsys, "short-set", "--animate", "--size", "80", "-o", str(out))
    assert code == 0
    timeline = pictures.animation_timeline(3)
    with Image.open(out) as im:
        assert im.format == "WEBP"
        assert im.n_frames <= len(timeline) and im.n_frames >= 3
        assert im.info["loop"] == 0
        durations = _durations(im)
    assert sum(durations) == sum(f.duration for f in timeline)


def test_animation_from_a_chosen_doll_starts_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "from-stalin.gif"
    code, _, _ = run_cli(
        capsys, "market-1995", "--animate", "--doll", "stalin", "--size", "64", "-o", str(out)
    )
    assert code == 0
    with Image.open(out) as im:
        assert sum(_durations(im)) == sum(f.duration for f in pictures.animation_timeline(7, 4))


# --- Safety: overwrite and interruption -----------------------------------------------


def test_existing_output_needs_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "doll.png"
    out.write_bytes(b"precious")
    code, _, err = run_cli(capsys, "market-1995", "--size", "64", "-o", str(out))
    assert_one_line_error(code, err, str(out), "already exists", "--force")
    assert out.read_bytes() == b"precious"
    code, _, _ = run_cli(capsys, "market-1995", "--size", "64", "--force", "-o", str(out))
    assert code == 0
    with Image.open(out) as im:
        assert im.size == (doll_width(64), 64)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("interrupt", [KeyboardInterrupt, OSError, RuntimeError])
def test_interrupted_write_leaves_no_partial_file(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    interrupt: type[BaseException],
) -> None:
    def broken_save(image: Image.Image, fp: BinaryIO, *args: object) -> None:
        fp.write(b"\x89PNG half a picture")
        raise interrupt("stopped mid-write")

    monkeypatch.setattr(encode, "save_still", broken_save)
    fresh = tmp_path / "fresh.png"
    existing = tmp_path / "existing.png"
    existing.write_bytes(b"precious")
    for out, extra in ((fresh, []), (existing, ["--force"])):
        argv = ["export", "market-1995", "--size", "64", *extra, "-o", str(out)]
        if interrupt is RuntimeError:  # a bug, not the user's doing: it propagates
            with pytest.raises(RuntimeError):
                main(argv)
        else:
            code = main(argv)
            assert code == (130 if interrupt is KeyboardInterrupt else 1)
    assert not fresh.exists()
    assert existing.read_bytes() == b"precious"
    assert leftovers(tmp_path) == []
    assert "Traceback" not in capsys.readouterr().err


def test_write_atomically_never_clobbers_without_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "a.png"
    target.write_bytes(b"first")
    with pytest.raises(encode.WriteError):
        encode.write_atomically(target, lambda fp: fp.write(b"second"), overwrite=False)
    assert target.read_bytes() == b"first"
    written = encode.write_atomically(
        target, lambda fp: fp.write(b"second"), overwrite=False, unique=True
    )
    assert written == tmp_path / "a-2.png"
    assert written.read_bytes() == b"second"
    assert leftovers(tmp_path) == []


# --- Errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "fragments"),
    [
        (["--size", "63"], ["--size must be between 64 and 8192", "63"]),
        (["--size", "8193"], ["--size must be between 64 and 8192", "8193"]),
        (["--doll", "putin"], ["no doll 'putin'", "yeltsin", "nicholas-ii"]),
        (["--animate", "--size", "64"], []),  # control: this one works
    ],
)
def test_bad_options_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], fragments: list[str]
) -> None:
    out = tmp_path / "out.gif"
    code, _, err = run_cli(capsys, "market-1995", *argv, "-o", str(out))
    if not fragments:
        assert code == 0 and out.exists()
        return
    assert_one_line_error(code, err, *fragments)
    assert not out.exists()


@pytest.mark.parametrize("name", ["doll.jpg", "doll", "doll.PNG.txt"])
def test_unknown_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, _, err = run_cli(capsys, "market-1995", "-o", str(tmp_path / name))
    assert_one_line_error(code, err, name, "unknown picture format", ".png, .gif or .webp")


def test_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "nowhere" / "doll.png"
    code, _, err = run_cli(capsys, "market-1995", "-o", str(out))
    assert_one_line_error(code, err, "does not exist")


def test_folder_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("x")
    code, _, err = run_cli(capsys, "market-1995", "-o", str(tmp_path / "file" / "doll.png"))
    assert_one_line_error(code, err, "is not a folder")


def test_unwritable_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests may run as root, who can write anywhere: refuse through the OS calls instead.
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    code, _, err = run_cli(capsys, "market-1995", "-o", str(tmp_path / "doll.png"))
    assert_one_line_error(code, err, "cannot write in", "permission denied")


def test_permission_denied_while_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(encode.WriteError, match="permission denied"):
        encode.write_atomically(tmp_path / "a.png", lambda fp: None, overwrite=False)


def test_unknown_sequence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "no-such-set", "-o", str(tmp_path / "a.png"))
    assert_one_line_error(code, err, "no-such-set")


def test_wrong_usage_is_argparse_exit_2(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["export", "market-1995", "--lineup", "--animate", "-o", str(tmp_path / "a.gif")])
    assert exc.value.code == 2


def test_request_checks() -> None:
    with pytest.raises(ExportError, match="core doll"):
        ExportRequest("open", SEQ, 6).check()
    with pytest.raises(ExportError, match="position 8 of 7"):
        ExportRequest("doll", SEQ, 7).check()
    ExportRequest("open", SEQ, 5).check()
    assert ExportRequest("animation", SEQ).size == 480
    assert ExportRequest("lineup", SEQ, fmt="pdf").size == 2480
    assert ExportRequest("doll", SEQ).size == 1024
    assert run_request(ExportRequest("doll", SEQ, 6, height=64)).startswith(b"\x89PNG")
    # Frames are streamed to the encoder, so no animation is too long or too big.
    ExportRequest("animation", SEQ, height=8192).check()
    ExportRequest("animation", SEQ, 2, stop=4).check()
    with pytest.raises(ExportError, match="must be inside"):
        ExportRequest("animation", SEQ, 4, stop=2).check()
    with pytest.raises(ExportError, match="only for the opening"):
        ExportRequest("doll", SEQ, fmt="mp4").check()


# --- From the window ------------------------------------------------------------------


def finish(export: WindowExport, budget_ms: int = 5) -> list[float]:
    """Step like the window does, one step per frame, until the export is done."""
    progress = [export.progress]
    deadline = time.monotonic() + 120
    while not export.done and time.monotonic() < deadline:
        export.step(budget_ms)
        progress.append(export.progress)
        time.sleep(0.002)  # the rest of the window's frame
    assert export.done
    return progress


def test_window_doll_export_names_and_never_overwrites(tmp_path: Path) -> None:
    first = WindowExport("doll", SEQ, 2, tmp_path)
    progress = finish(first)
    assert first.error is None
    assert first.path == tmp_path / "market-1995_03_brezhnev.png"
    assert progress[-1] == 1.0
    assert progress == sorted(progress)
    second = WindowExport("doll", SEQ, 2, tmp_path)
    finish(second)
    assert second.path == tmp_path / "market-1995_03_brezhnev-2.png"
    third = WindowExport("doll", SEQ, 2, tmp_path)
    finish(third)
    assert third.path == tmp_path / "market-1995_03_brezhnev-3.png"
    with Image.open(first.path) as im:
        assert im.size == (doll_width(1024), 1024)
        assert im.text["matryoshka:doll"] == "brezhnev"
    assert leftovers(tmp_path) == []


def test_window_open_export_is_the_opened_doll(tmp_path: Path) -> None:
    export = WindowExport("open", SEQ, 2, tmp_path)
    finish(export)
    assert export.error is None
    assert export.path == tmp_path / "market-1995_03_brezhnev_open.png"
    expected = pictures.to_pil(pictures.open_surface(SEQ.dolls[2], SEQ.dolls[3], 1024))
    with Image.open(export.path) as im:
        assert im.size == expected.size
        assert im.text["matryoshka:doll"] == "brezhnev"
        assert ImageChops.difference(im.convert("RGBA"), expected).getbbox() is None

    core = WindowExport("open", SEQ, len(SEQ.dolls) - 1, tmp_path)
    finish(core)
    assert core.path is None
    assert core.error is not None and "core doll" in core.error


def test_window_lineup_and_animation_exports(tmp_path: Path) -> None:
    lineup = WindowExport("lineup", SHORT, 1, tmp_path)
    finish(lineup)
    assert lineup.path == tmp_path / "short-set_lineup.png"
    with Image.open(lineup.path) as im:
        # The whole set, whatever doll is in front.
        assert im.text["matryoshka:dolls"] == "yeltsin, gorbachev, brezhnev"

    animation = WindowExport("animation", SHORT, 2, tmp_path)
    progress = finish(animation, budget_ms=1)
    assert animation.error is None
    assert animation.path == tmp_path / "short-set_opening.gif"
    # Drawn a few frames per step: progress moves in many small increments.
    assert len(set(progress)) > 10
    assert progress == sorted(progress) and progress[-1] == 1.0
    with Image.open(animation.path) as im:
        assert im.size == (640, 480)
        assert sum(_durations(im)) == sum(f.duration for f in pictures.animation_timeline(3))


def test_window_export_errors_are_captured(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    export = WindowExport("doll", SEQ, 0, blocker)
    finish(export)  # never raises
    assert export.path is None
    assert export.error is not None and "\n" not in export.error

    core = WindowExport("doll", SEQ, 7, tmp_path)
    finish(core)
    assert core.error is not None and core.path is None


def test_window_export_default_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from matryoshka import paths

    pictures = tmp_path / "Pictures" / "matryoshka"
    monkeypatch.setattr(paths, "user_pictures_dir", lambda: pictures)
    export = WindowExport("doll", SHORT, 0, None)
    finish(export)
    assert export.path == pictures / "short-set_01_yeltsin.png"


# --- With the real catalog and loader -------------------------------------------------

TWO_DOLLS = """\
format: matryoshka/1
id: two-dolls
title: Два doll set
dolls:
  - name: Outer Doll
    id: outer
    start: 1990
  - name: Inner Doll
    id: inner
"""


@pytest.fixture
def real_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    """Undo the stand-in catalog: these tests go through the real loader."""
    monkeypatch.undo()


def test_export_a_yaml_file_by_path(
    real_catalog: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "two.yaml"
    source.write_text(TWO_DOLLS, encoding="utf-8")
    out = tmp_path / "open.png"
    code, _, err = run_cli(capsys, str(source), "--open", "--size", "96", "-o", str(out))
    assert code == 0, err
    with Image.open(out) as im:
        assert im.text["matryoshka:sequence"] == "two-dolls"
        assert im.text["matryoshka:sequence-title"] == "Два doll set"
        assert im.text["matryoshka:inner-doll-name"] == "Inner Doll"


def test_a_broken_file_gives_located_errors_and_no_output(
    real_catalog: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "broken.yaml"
    source.write_text(TWO_DOLLS.replace("start: 1990", "start: 19900"), encoding="utf-8")
    out = tmp_path / "doll.png"
    code, _, err = run_cli(capsys, str(source), "-o", str(out))
    assert code == 1
    assert "Traceback" not in err
    assert f"{source}:7:" in err
    assert not out.exists()


def test_shipped_market_set_by_id(
    real_catalog: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "brezhnev.png"
    code, _, err = run_cli(
        capsys, "market-1995", "--doll", "brezhnev", "--size", "64", "-o", str(out)
    )
    assert code == 0, err
    with Image.open(out) as im:
        assert im.text["matryoshka:doll-name"] == "Leonid Brezhnev"
    code, _, err = run_cli(capsys, "market-1995", "--doll", "putin", "-o", str(out) + ".png")
    assert_one_line_error(code, err, "market-1995.yaml", "no doll 'putin'", "nicholas-ii")
