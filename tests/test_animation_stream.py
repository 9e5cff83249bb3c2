"""Animations of any length: ranges (--from/--to), speed-up, streamed GIF, APNG and WebP.

Frames go to the encoder as they are drawn, so nothing is refused for its length; the
writers here are checked against the frames drawn, pixel for pixel where the format is
lossless.
"""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageSequence, ImageStat
from test_export import (
    SEQ,
    _durations,
    _gif_has_local_palettes,
    assert_one_line_error,
    catalog,
    make_sequence,
    run_cli,
)

from matryoshka.export import animated, encode, job, pictures, stream
from matryoshka.export.job import ExportRequest
from matryoshka.stage import choreography as ch

__all__ = ["catalog"]  # the stand-in catalog fixture, used automatically


def _frames(seq: object, height: int, start: int = 0, stop: int | None = None) -> list:
    scene = pictures.AnimationScene(seq, height, start, stop)  # type: ignore[arg-type]
    timeline = pictures.animation_timeline(len(scene.sequence.dolls), start, stop)
    return [(pictures.to_pil(scene.draw(spec), "RGB"), spec.duration) for spec in timeline]


def _decoded(data: bytes) -> list[Image.Image]:
    with Image.open(io.BytesIO(data)) as im:
        return [f.convert("RGB") for f in ImageSequence.Iterator(im)]


def _merged(frames: list[tuple[Image.Image, int]]) -> list[Image.Image]:
    """The frames with identical neighbours merged, as the writers store them."""
    out: list[Image.Image] = []
    for image, _ in frames:
        if not out or ImageChops.difference(out[-1], image).getbbox() is not None:
            out.append(image)
    return out


# --- Timing ---------------------------------------------------------------------------


def test_short_sets_run_at_the_windows_pace() -> None:
    assert pictures.animation_speed(6) == 1.0
    assert pictures.animation_timeline(7) == pictures.animation_timeline(7, 0, 6, 1.0)


@pytest.mark.parametrize("openings", [40, 300, 4999])
def test_long_ranges_speed_up_but_every_opening_is_shown(openings: int) -> None:
    speed = pictures.animation_speed(openings)
    assert 1.0 < speed <= pictures.MAX_SPEEDUP
    timeline = pictures.animation_timeline(openings + 1)
    total = sum(f.duration for f in timeline)
    normal = openings * (pictures.HOLD_MS + ch.OPEN_MS) + pictures.FINAL_HOLD_MS
    assert total == pytest.approx(normal / speed, rel=0.02)
    assert total >= pictures.LONG_ANIMATION_MS * 0.98
    assert all(f.duration > 0 and 0 <= f.ms < ch.OPEN_MS for f in timeline)
    by_doll = itertools.groupby(timeline[:-1], key=lambda f: f.depth)
    for depth, group in by_doll:
        frames = list(group)
        assert frames[0].ms == 0 and len(frames) >= 5, depth  # the lid lifts, halves part
        assert [f.ms for f in frames] == sorted({f.ms for f in frames})
    assert [f.depth for f in timeline if f.ms == 0] == list(range(openings + 1))


def test_a_range_stops_at_its_last_doll() -> None:
    timeline = pictures.animation_timeline(7, 1, 4)
    assert [f.depth for f in timeline if f.ms == 0] == [1, 2, 3, 4]
    assert timeline[-1].duration == pictures.FINAL_HOLD_MS


# --- Ranges from the command line -----------------------------------------------------


def test_range_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "range.gif"
    code, _, err = run_cli(
        capsys,
        *("market-1995", "--animate", "--from", "gorbachev", "--to", "stalin"),
        *("--size", "72", "-o", str(out)),
    )
    assert code == 0, err
    timeline = pictures.animation_timeline(7, 1, 4)
    with Image.open(out) as im:
        assert sum(_durations(im)) == sum(f.duration for f in timeline)
        assert im.info["comment"].decode() == (
            "The market set, Москва 1995: the opening, Mikhail Gorbachev to Joseph Stalin"
        )
    last = _decoded(out.read_bytes())[-1]
    scene = pictures.AnimationScene(SEQ, 72, 1, 4)
    expected = pictures.to_pil(scene.draw(timeline[-1]), "RGB")
    assert sum(ImageStat.Stat(ImageChops.difference(last, expected)).mean) / 3 < 3


@pytest.mark.parametrize(
    ("argv", "fragments"),
    [
        (["--animate", "--from", "stalin", "--to", "gorbachev"], ["must be inside"]),
        (["--animate", "--from", "stalin", "--to", "stalin"], ["must be inside"]),
        (["--animate", "--to", "putin"], ["no doll 'putin'", "nicholas-ii"]),
        (["--animate", "--doll", "lenin", "--from", "stalin"], ["give one of them"]),
        (["--open", "--from", "stalin"], ["--animate, --lineup or a web page"]),
    ],
)
def test_bad_ranges_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], fragments: list[str]
) -> None:
    out = tmp_path / "range.gif"
    code, _, err = run_cli(capsys, "market-1995", *argv, "--size", "64", "-o", str(out))
    assert_one_line_error(code, err, *fragments)
    assert not out.exists()


def test_a_long_range_exports_with_a_shelf_that_keeps_first_and_latest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    long_set = make_sequence(40, "forty")
    scene = pictures.AnimationScene(long_set, 96, 2, 38)
    assert len(scene.slots) == pictures.SHELF_PLACES
    places, hidden = scene.shelf(30)
    assert places[0] == (0, 0) and places[-1] == (29, pictures.SHELF_PLACES - 1)
    assert hidden == 30 - 1 - (pictures.SHELF_PLACES - 2)
    assert [place for _, place in places] == [0, *range(2, pictures.SHELF_PLACES)]

    # Streamed: the encoder has its first frame long before the last one is drawn.
    drawn: list[int] = []
    seen_at_first_encode: list[int] = []
    real_draw = pictures.AnimationScene.draw

    def draw(self: pictures.AnimationScene, spec: pictures.FrameSpec) -> object:
        drawn.append(spec.depth)
        return real_draw(self, spec)

    real_add = animated.WebpWriter.add

    def add(self: animated.WebpWriter, image: Image.Image, duration: int) -> None:
        if not seen_at_first_encode:
            seen_at_first_encode.append(len(drawn))
        real_add(self, image, duration)

    monkeypatch.setattr(pictures.AnimationScene, "draw", draw)
    monkeypatch.setattr(animated.WebpWriter, "add", add)
    out = tmp_path / "long.webp"
    request = ExportRequest("animation", long_set, 2, "webp", 64, 38)
    assert job.run(request, out, overwrite=False) == out
    timeline = pictures.animation_timeline(40, 2, 38)
    assert len(drawn) == len(timeline)
    assert seen_at_first_encode[0] <= stream.QUEUE_FRAMES + 2
    with Image.open(out) as im:
        assert im.n_frames >= 36
        assert sum(_durations(im)) == sum(f.duration for f in timeline)


# --- The streamed writers -------------------------------------------------------------


def test_apng_writer_is_lossless_frame_for_frame() -> None:
    frames = _frames(make_sequence(3, "three"), 64)
    buf = io.BytesIO()
    writer = animated.ApngWriter(buf, frames[0][0].size, {"Title": "Три"})
    for image, ms in frames:
        writer.add(image, ms)
    writer.close()
    decoded = _decoded(buf.getvalue())
    expected = _merged(frames)
    assert len(decoded) == len(expected)
    for got, want in zip(decoded, expected, strict=True):
        assert ImageChops.difference(got, want).getbbox() is None
    buf.seek(0)
    with Image.open(buf) as im:
        assert im.info["loop"] == 0
        assert im.text["Title"] == "Три"
        assert sum(_durations(im)) == sum(ms for _, ms in frames)


def test_gif_writer_uses_one_palette_and_carries_rounding() -> None:
    frames = _frames(make_sequence(3, "three"), 64)
    buf = io.BytesIO()
    samples = [image for image, _ in frames[::5]]
    writer = animated.GifWriter(buf, frames[0][0].size, samples, "a comment")
    # 35 ms frames: GIF counts hundredths, the clock keeps the total right.
    for image, _ in frames:
        writer.add(image, 35)
    writer.close()
    data = buf.getvalue()
    assert not _gif_has_local_palettes(data)
    buf.seek(0)
    with Image.open(buf) as im:
        assert im.info["comment"] == b"a comment"
        assert abs(sum(_durations(im)) - 35 * len(frames)) <= 10
    palette = encode.shared_palette(samples)
    expected = [
        f.quantize(palette=palette, dither=Image.Dither.NONE).convert("RGB")
        for f in _merged(frames)
    ]
    decoded = _decoded(data)
    assert len(decoded) == len(expected)
    for got, want in zip(decoded, expected, strict=True):
        assert ImageChops.difference(got, want).getbbox() is None


def test_webp_writer_frames_match_the_drawing() -> None:
    frames = _frames(make_sequence(3, "three"), 96)
    buf = io.BytesIO()
    writer = animated.WebpWriter(buf, frames[0][0].size)
    for image, ms in frames:
        writer.add(image, ms)
    writer.close()
    decoded = _decoded(buf.getvalue())
    expected = _merged(frames)
    assert len(decoded) == len(expected)
    for got, want in zip(decoded, expected, strict=True):
        assert sum(ImageStat.Stat(ImageChops.difference(got, want)).mean) / 3 < 3


def test_a_writer_needs_a_frame() -> None:
    with pytest.raises(ValueError):
        animated.WebpWriter(io.BytesIO(), (8, 8)).close()
    with pytest.raises(ValueError):
        animated.open_writer("mp3", io.BytesIO(), (8, 8), {}, [])
