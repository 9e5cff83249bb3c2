"""Video files of the opening: H.264 in MP4 and VP9 in WebM, through PyAV.

PyAV's wheels carry their own FFmpeg, so no system ffmpeg is needed (those builds include
GPL codecs such as x264). The files are made to play everywhere a slide or a web page
may show them:

- constant frame rate (25 frames a second): a frame that is held (a doll at rest) is
  repeated, so the timing is exactly the GIF's, to the nearest frame;
- 4:2:0 colour (``yuv420p``) with even width and height (an odd size is padded by one
  row or column of the background), tagged as BT.709 so browsers and players agree on
  the colours;
- MP4 with its index at the start (``faststart``), so it plays while it downloads and
  PowerPoint, Keynote and Google Slides accept it.

Frames are encoded as they arrive; nothing is held but the encoder's own look-ahead.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, BinaryIO, Literal

from PIL import Image

if TYPE_CHECKING:
    import av

VideoFormat = Literal["mp4", "webm"]

#: Frames a second; the animation's frame step (40 ms) is one frame.
FPS = 25
FRAME_MS = 1000 // FPS

#: Encoder settings: visually clean for flat painted colours, small files, and fast
#: enough that the market set's opening encodes in about a second on two cores.
_CODECS: dict[str, tuple[str, dict[str, str]]] = {
    "mp4": ("libx264", {"crf": "23", "preset": "medium", "profile": "high"}),
    "webm": (
        "libvpx-vp9",
        # "realtime" with cpu-used 6 is five times faster than "good" for the same look
        # on these pictures; the files are about half again as big, still far under a GIF.
        {"crf": "32", "b": "0", "deadline": "realtime", "cpu-used": "6", "row-mt": "1"},
    ),
}
#: BT.709 (colour space, primaries, transfer) and limited ("TV") range, FFmpeg's codes.
_BT709 = 1
_LIMITED_RANGE = 1


class VideoError(Exception):
    """The video could not be encoded (one line for the user)."""


def even(n: int) -> int:
    """``n`` rounded up to an even number (4:2:0 video needs even sides)."""
    return n + (n % 2)


class VideoWriter:
    """Writes an H.264 or VP9 video into ``fp`` frame by frame (a ``FrameSink``).

    Args:
        fp: an open, seekable binary file.
        fmt: ``mp4`` or ``webm``.
        size: the frames' width and height (every frame must have it).
        background: colour of the padding that makes an odd side even.
        title: stored in the file's metadata.
    """

    def __init__(
        self,
        fp: BinaryIO,
        fmt: VideoFormat,
        size: tuple[int, int],
        background: tuple[int, int, int],
        title: str = "",
        comment: str = "",
    ) -> None:
        import av  # heavy (it loads FFmpeg): only when a video is written

        self._av = av
        self.size = size
        self.padded = (even(size[0]), even(size[1]))
        self.background = background
        codec, options = _CODECS[fmt]
        container_options = {"movflags": "+faststart"} if fmt == "mp4" else {}
        # Unbuffered: the MP4 muxer reads back what it wrote (by the file's name) to move
        # its index to the front, so every byte must be in the file when it does.
        fp.flush()
        raw = getattr(fp, "raw", fp)
        try:
            self._container = av.open(raw, mode="w", format=fmt, options=container_options)
            stream = self._container.add_stream(codec, rate=FPS, options=dict(options))
        except (av.FFmpegError, ValueError) as err:
            raise VideoError(f"cannot encode {fmt} video: {err}") from None
        if title:
            self._container.metadata["title"] = title
        if comment:
            self._container.metadata["comment"] = comment
        stream.width, stream.height = self.padded
        stream.pix_fmt = "yuv420p"
        context = stream.codec_context
        context.colorspace = _BT709
        context.color_primaries = _BT709
        context.color_trc = _BT709
        context.color_range = _LIMITED_RANGE
        self._stream = stream
        self._clock_ms = 0
        self.frames = 0

    def _to_video(self, image: Image.Image) -> av.VideoFrame:
        if image.size != self.padded:
            canvas = Image.new("RGB", self.padded, self.background)
            canvas.paste(image, (0, 0))
            image = canvas
        frame = self._av.VideoFrame.from_image(image.convert("RGB"))
        frame = frame.reformat(format="yuv420p", dst_colorspace="itu709")
        frame.colorspace = _BT709
        frame.color_range = _LIMITED_RANGE
        return frame

    def add(self, image: Image.Image, duration: int) -> None:
        """Show ``image`` for ``duration`` ms: as many frames as bring the clock closest."""
        if image.size != self.size:
            raise ValueError(f"frame of {image.size}, expected {self.size}")
        start = round(self._clock_ms / FRAME_MS)
        self._clock_ms += duration
        repeats = round(self._clock_ms / FRAME_MS) - start
        if repeats <= 0:
            return  # shorter than half a frame: the next frame covers it
        frame = self._to_video(image)
        for _ in range(repeats):
            frame.pts = self.frames
            self.frames += 1
            self._mux(frame)

    def _mux(self, frame: av.VideoFrame | None) -> None:
        try:
            for packet in self._stream.encode(frame):
                self._container.mux(packet)
        except self._av.FFmpegError as err:
            self._fail(err)

    def _fail(self, err: Exception) -> None:
        if isinstance(err, OSError):
            raise err  # writing failed (a full disk): the atomic writer words it
        raise VideoError(f"video encoding failed: {err}") from None

    def close(self) -> None:
        """Flush the encoder and write the file's index."""
        if self.frames == 0:
            raise VideoError("the animation has no frames")
        self._mux(None)
        try:
            self._container.close()
        except self._av.FFmpegError as err:
            self._fail(err)

    def discard(self) -> None:
        """Give up: release the encoder (the caller removes the partial file)."""
        with contextlib.suppress(Exception):
            self._container.close()
