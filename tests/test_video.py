"""Video exports (MP4 and WebM), read back with PyAV: codec, frames, timing, colours.

Also the frame stream between drawing and encoding: an interrupted or failed export
leaves no file, and the encoder never waits for frames that will not come.
"""

from __future__ import annotations

import io
import threading
from pathlib import Path

import av
import pytest
from PIL import Image, ImageChops, ImageStat
from test_export import SEQ, SHORT, assert_one_line_error, catalog, leftovers, run_cli

from matryoshka import theme
from matryoshka.export import encode, job, pictures, stream, video
from matryoshka.export.job import ExportRequest

__all__ = ["catalog"]  # the stand-in catalog fixture, used automatically


def _read(path: Path) -> tuple[av.video.stream.VideoStream, list[Image.Image], float]:
    with av.open(str(path)) as container:
        vs = container.streams.video[0]
        frames = [f.to_image() for f in container.decode(vs)]
        duration = container.duration / av.time_base if container.duration else 0.0
        return vs, frames, duration


def _mean_diff(a: Image.Image, b: Image.Image) -> float:
    return sum(ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b)).mean) / 3


@pytest.mark.parametrize(("suffix", "codec"), [(".mp4", "h264"), (".webm", "vp9")])
def test_video_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str, codec: str
) -> None:
    out = tmp_path / f"opening{suffix}"
    code, _, err = run_cli(capsys, "short-set", "--animate", "--size", "120", "-o", str(out))
    assert code == 0, err
    timeline = pictures.animation_timeline(3)
    total_ms = sum(f.duration for f in timeline)
    with av.open(str(out)) as container:
        vs = container.streams.video[0]
        assert vs.codec_context.name == codec
        assert vs.codec_context.pix_fmt == "yuv420p"
        assert vs.average_rate == video.FPS
        assert (vs.width, vs.height) == (160, 120)
        assert container.metadata.get("title") == "The market set, Москва 1995: the opening"
        frames = [f.to_image() for f in container.decode(vs)]
        duration = container.duration / av.time_base
    # Constant frame rate: held pictures are repeated, so the count is the GIF's time.
    assert len(frames) == round(total_ms / video.FRAME_MS)
    assert duration == pytest.approx(total_ms / 1000, abs=0.05)
    # The first second is the outermost doll at rest; the last frame is the core with
    # every shell on the shelf: each matches the drawn frame up to compression.
    scene = pictures.AnimationScene(SHORT, 120)
    first = pictures.to_pil(scene.draw(timeline[0]), "RGB")
    last = pictures.to_pil(scene.draw(timeline[-1]), "RGB")
    assert _mean_diff(frames[0], first) < 4
    assert _mean_diff(frames[10], first) < 4  # still held
    assert _mean_diff(frames[-1], last) < 4
    assert _mean_diff(frames[-1], first) > 8  # and it did change in between


def test_video_colours_are_tagged_and_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "opening.mp4"
    assert run_cli(capsys, "short-set", "--animate", "--size", "96", "-o", str(out))[0] == 0
    with av.open(str(out)) as container:
        frame = next(container.decode(video=0))
        assert frame.colorspace == 1  # BT.709, as tagged
        corner = frame.to_image().getpixel((2, 2))
    assert all(abs(a - b) <= 3 for a, b in zip(corner, theme.BACKGROUND, strict=True))


def test_odd_sizes_are_padded_to_even(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "odd.mp4"
    assert run_cli(capsys, "short-set", "--animate", "--size", "81", "-o", str(out))[0] == 0
    vs, frames, _ = _read(out)
    assert (vs.width, vs.height) == (108, 82)  # 108x81 drawn, one row of background added
    bottom = frames[0].getpixel((50, 81))
    assert all(abs(a - b) <= 4 for a, b in zip(bottom, theme.BACKGROUND, strict=True))


def test_timing_follows_durations_to_the_nearest_frame() -> None:
    buf = io.BytesIO()
    writer = video.VideoWriter(buf, "mp4", (64, 48), theme.BACKGROUND)
    red, blue = Image.new("RGB", (64, 48), (200, 0, 0)), Image.new("RGB", (64, 48), (0, 0, 200))
    # 30 ms + 30 ms: the clock reaches 60 ms, so one frame each (rounded, never lost).
    for image, ms in ((red, 30), (blue, 30), (red, 640), (blue, 10)):
        writer.add(image, ms)
    assert writer.frames == round(710 / video.FRAME_MS)


@pytest.mark.parametrize("flag", [[], ["--lineup"], ["--open"]])
def test_video_only_for_the_animation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flag: list[str]
) -> None:
    out = tmp_path / "still.mp4"
    code, _, err = run_cli(capsys, "market-1995", *flag, "-o", str(out))
    assert_one_line_error(code, err, "still.mp4", "--animate")
    assert not out.exists()


def test_failed_encoder_stops_the_drawing_and_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(self: video.VideoWriter, image: Image.Image, duration: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(video.VideoWriter, "add", full_disk)
    out = tmp_path / "opening.mp4"
    code, _, err = run_cli(capsys, "market-1995", "--animate", "--size", "64", "-o", str(out))
    assert_one_line_error(code, err, "opening.mp4", "the disk is full")
    assert not out.exists()
    assert leftovers(tmp_path) == []


def test_interrupted_drawing_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_draw = pictures.AnimationScene.draw
    drawn = []

    def draw(self: pictures.AnimationScene, spec: pictures.FrameSpec) -> object:
        drawn.append(spec)
        if len(drawn) == 20:
            raise KeyboardInterrupt
        return real_draw(self, spec)

    monkeypatch.setattr(pictures.AnimationScene, "draw", draw)
    out = tmp_path / "opening.webm"
    existing = tmp_path / "existing.mp4"
    existing.write_bytes(b"precious")
    for target, force in ((out, False), (existing, True)):
        drawn.clear()
        with pytest.raises(KeyboardInterrupt):
            job.run(
                ExportRequest("animation", SEQ, fmt=target.suffix[1:], height=64), target, force
            )  # type: ignore[arg-type]
    assert not out.exists()
    assert existing.read_bytes() == b"precious"
    assert leftovers(tmp_path) == []
    assert not [t for t in threading.enumerate() if t.name == "matryoshka-encode"]


def test_stream_hands_frames_in_order_and_stops_both_ways() -> None:
    frames = stream.FrameStream(size=2)
    image = Image.new("RGB", (4, 4))
    got: list[int] = []

    def consume() -> None:
        got.extend(f.duration for f in frames.frames())

    worker = threading.Thread(target=consume)
    worker.start()
    for ms in range(10):
        frames.put(stream.Frame(image, ms))
    frames.finish()
    worker.join(5)
    assert got == list(range(10))

    # The encoder stops: the drawing side's next put raises instead of waiting forever.
    closed = stream.FrameStream(size=1)
    it = closed.frames()
    closed.put(stream.Frame(image, 1))
    next(it)
    it.close()
    with pytest.raises(stream.StreamClosed):
        for _ in range(3):
            closed.put(stream.Frame(image, 2))

    # The drawing side aborts: the encoder raises, so its file is not finished.
    aborted = stream.FrameStream()
    aborted.abort()
    with pytest.raises(stream.Aborted):
        next(aborted.frames())


def test_write_error_names_the_file(tmp_path: Path) -> None:
    blocked = tmp_path / "missing" / "opening.mp4"
    with pytest.raises(encode.WriteError, match="does not exist"):
        job.run(ExportRequest("animation", SHORT, fmt="mp4", height=64), blocked, False)
