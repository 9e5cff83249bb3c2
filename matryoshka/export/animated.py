"""Animated GIF, PNG (APNG) and WebP, written frame by frame as the frames arrive.

Pillow's own ``save_all`` wants every frame at once; these writers keep only the frame
before (to write just the part that changed) and so take animations of any length in
constant memory. Each frame is compressed by Pillow (LZW for GIF, PNG's deflate, libwebp)
and the writers add the containers' frame records, as the formats' specifications lay
them out:

- GIF: one global palette for every frame (from sample frames spread over the whole
  animation, so colours never flicker), no dithering; unchanged pixels become
  transparent and only the changed rectangle is stored.
- APNG: the first frame is the PNG's image (a viewer without animation shows it);
  each next frame stores the changed rectangle. The frame count is written last.
- WebP: each frame's changed rectangle is a lossy VP8 picture at quality 90 inside an
  ``ANMF`` record. The file's size is written last.

Identical consecutive frames are merged into one, their durations added, as Pillow does.
"""

from __future__ import annotations

import io
import struct
import zlib
from typing import BinaryIO

from PIL import GifImagePlugin, Image, ImageChops

from matryoshka.export import encode

Box = tuple[int, int, int, int]


def open_writer(
    fmt: str,
    fp: BinaryIO,
    size: tuple[int, int],
    text: dict[str, str],
    samples: list[Image.Image],
) -> GifWriter | ApngWriter | WebpWriter:
    """The writer of an animated ``gif``, ``png`` or ``webp`` into ``fp``.

    ``samples`` are frames spread over the animation (the GIF's palette is made from
    them; the other formats do not need them).
    """
    if fmt == "gif":
        return GifWriter(fp, size, samples, text.get("Title", ""))
    if fmt == "png":
        return ApngWriter(fp, size, text)
    if fmt == "webp":
        return WebpWriter(fp, size)
    raise ValueError(f"not an animation format: {fmt}")


def _changed(previous: Image.Image | None, image: Image.Image) -> Box | None:
    """The rectangle where ``image`` differs from ``previous`` (all of it if none)."""
    if previous is None:
        return (0, 0, *image.size)
    return ImageChops.difference(previous, image).getbbox()


class _Merging:
    """Holds back one frame so an identical next one only adds to its duration."""

    def __init__(self) -> None:
        self._pending: Image.Image | None = None
        self._pending_ms = 0
        self._pending_box: Box | None = None
        self._written: Image.Image | None = None

    def add(self, image: Image.Image, duration: int) -> None:
        """Queue ``image`` (RGB), shown for ``duration`` ms."""
        if self._pending is not None:
            box = _changed(self._pending, image)
            if box is None:
                self._pending_ms += duration
                return
            self._flush()
            self._pending_box = box
        else:
            self._pending_box = _changed(None, image)
        self._pending, self._pending_ms = image, duration

    def _flush(self) -> None:
        assert self._pending is not None and self._pending_box is not None
        self._write(self._pending, self._written, self._pending_box, self._pending_ms)
        self._written = self._pending

    def close(self) -> None:
        """Write the last frame and the end of the file."""
        if self._pending is None:
            raise ValueError("an animation needs at least one frame")
        self._flush()
        self._finish()

    def _write(
        self, image: Image.Image, previous: Image.Image | None, box: Box, duration: int
    ) -> None:
        raise NotImplementedError

    def _finish(self) -> None:
        raise NotImplementedError


# --- GIF ------------------------------------------------------------------------------

#: The palette index left free for "unchanged" pixels.
_TRANSPARENT = encode.GIF_COLORS


class GifWriter(_Merging):
    """A looping GIF on one shared palette, made from ``samples`` of the animation."""

    def __init__(
        self, fp: BinaryIO, size: tuple[int, int], samples: list[Image.Image], comment: str = ""
    ) -> None:
        super().__init__()
        self.fp = fp
        self.palette = encode.shared_palette(samples)
        colours = (self.palette.getpalette() or [])[: 3 * 256]
        colours += [0] * (3 * 256 - len(colours))
        self._clock_cs = 0.0  # GIF counts in hundredths of a second: carry the rounding
        self._previous_indexed: Image.Image | None = None
        w, h = size
        # Header, logical screen (global 256-colour table), the table, endless loop.
        fp.write(b"GIF89a" + struct.pack("<HHBBB", w, h, 0xF7, 0, 0) + bytes(colours))
        fp.write(b"!\xff\x0bNETSCAPE2.0\x03\x01" + struct.pack("<H", 0) + b"\x00")
        if comment:
            data = comment.encode("utf-8")
            fp.write(b"!\xfe")
            for i in range(0, len(data), 255):
                chunk = data[i : i + 255]
                fp.write(bytes([len(chunk)]) + chunk)
            fp.write(b"\x00")

    def _write(
        self, image: Image.Image, previous: Image.Image | None, box: Box, duration: int
    ) -> None:
        indexed = image.quantize(palette=self.palette, dither=Image.Dither.NONE)
        start = round(self._clock_cs)
        self._clock_cs += duration / 10
        centiseconds = max(1, round(self._clock_cs) - start)
        params: dict[str, int] = {"duration": centiseconds * 10, "disposal": 1}
        if self._previous_indexed is not None:
            # Pixels that keep their colour let the frame before show through.
            old = self._previous_indexed.crop(box)
            new = indexed.crop(box)
            same = ImageChops.difference(_as_l(old), _as_l(new)).point(
                lambda v: 255 if v == 0 else 0
            )
            new.paste(_TRANSPARENT, (0, 0), same)
            params["transparency"] = _TRANSPARENT
            part = new
        else:
            part = indexed.crop(box)
        for chunk in GifImagePlugin.getdata(part, offset=box[:2], **params):
            self.fp.write(chunk)
        self._previous_indexed = indexed

    def _finish(self) -> None:
        self.fp.write(b";")


def _as_l(image: Image.Image) -> Image.Image:
    """A palette image's indices as a greyscale image (to compare indices, not colours)."""
    return Image.frombytes("L", image.size, image.tobytes())


# --- APNG -----------------------------------------------------------------------------


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """The chunks of a PNG file, as (type, data)."""
    out, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        out.append((data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]))
        pos += 12 + length
    return out


class ApngWriter(_Merging):
    """A looping animated PNG; ``text`` goes into the file as PNG text chunks."""

    def __init__(self, fp: BinaryIO, size: tuple[int, int], text: dict[str, str]) -> None:
        super().__init__()
        self.fp = fp
        self.size = size
        self.text = text
        self._sequence = 0
        self._frames = 0
        self._actl_at = -1

    def _encode(self, image: Image.Image, text: dict[str, str] | None) -> list[tuple[bytes, bytes]]:
        buf = io.BytesIO()
        info = encode.png_info(text) if text else None
        image.save(buf, "PNG", pnginfo=info, compress_level=6)
        return _png_chunks(buf.getvalue())

    def _fctl(self, box: Box, duration: int) -> bytes:
        x0, y0, x1, y1 = box
        data = struct.pack(
            ">IIIIIHHBB", self._sequence, x1 - x0, y1 - y0, x0, y0, duration, 1000, 0, 0
        )
        self._sequence += 1
        return _chunk(b"fcTL", data)

    def _write(
        self, image: Image.Image, previous: Image.Image | None, box: Box, duration: int
    ) -> None:
        duration = min(duration, 0xFFFF)
        if previous is None:
            # The first frame is the default image: header and text from Pillow's PNG,
            # then the animation control (frame count filled in at the end).
            self.fp.write(b"\x89PNG\r\n\x1a\n")
            for kind, data in self._encode(image, self.text):
                if kind == b"IDAT" and self._actl_at < 0:
                    self._actl_at = self.fp.tell()
                    self.fp.write(_chunk(b"acTL", struct.pack(">II", 0, 0)))
                    self.fp.write(self._fctl(box, duration))
                if kind != b"IEND":
                    self.fp.write(_chunk(kind, data))
        else:
            self.fp.write(self._fctl(box, duration))
            for kind, data in self._encode(image.crop(box), None):
                if kind == b"IDAT":
                    self.fp.write(_chunk(b"fdAT", struct.pack(">I", self._sequence) + data))
                    self._sequence += 1
        self._frames += 1

    def _finish(self) -> None:
        self.fp.write(_chunk(b"IEND", b""))
        end = self.fp.tell()
        self.fp.seek(self._actl_at)
        self.fp.write(_chunk(b"acTL", struct.pack(">II", self._frames, 0)))
        self.fp.seek(end)


# --- WebP -----------------------------------------------------------------------------

#: Lossy at high quality: a third of the lossless size; method 2 encodes about twice as
#: fast as the default with files a few percent larger.
WEBP_QUALITY = 90
WEBP_METHOD = 2


def _riff_chunk(kind: bytes, data: bytes) -> bytes:
    pad = b"\x00" if len(data) % 2 else b""
    return kind + struct.pack("<I", len(data)) + data + pad


def _u24(n: int) -> bytes:
    return struct.pack("<I", n)[:3]


class WebpWriter(_Merging):
    """A looping animated WebP of lossy frames."""

    def __init__(self, fp: BinaryIO, size: tuple[int, int]) -> None:
        super().__init__()
        self.fp = fp
        w, h = size
        self._start = fp.tell()
        fp.write(b"RIFF\x00\x00\x00\x00WEBP")
        # VP8X: the animation flag, then the canvas size less one.
        fp.write(_riff_chunk(b"VP8X", bytes([0x02, 0, 0, 0]) + _u24(w - 1) + _u24(h - 1)))
        # ANIM: background colour (BGRA) and loop count (0: forever).
        fp.write(_riff_chunk(b"ANIM", bytes([255, 255, 255, 0]) + struct.pack("<H", 0)))

    def _write(
        self, image: Image.Image, previous: Image.Image | None, box: Box, duration: int
    ) -> None:
        x0, y0, x1, y1 = box
        x0, y0 = x0 - x0 % 2, y0 - y0 % 2  # frame offsets are stored halved
        part = image.crop((x0, y0, x1, y1))
        buf = io.BytesIO()
        part.save(buf, "WEBP", lossless=False, quality=WEBP_QUALITY, method=WEBP_METHOD)
        data = buf.getvalue()[12:]  # the picture's chunks, without the RIFF header
        header = (
            _u24(x0 // 2)
            + _u24(y0 // 2)
            + _u24(part.width - 1)
            + _u24(part.height - 1)
            + _u24(min(duration, 0xFFFFFF))
            # Do not blend (the rectangle replaces what was there), do not dispose.
            + bytes([0x02])
        )
        self.fp.write(_riff_chunk(b"ANMF", header + data))

    def _finish(self) -> None:
        end = self.fp.tell()
        self.fp.seek(self._start + 4)
        self.fp.write(struct.pack("<I", end - self._start - 8))
        self.fp.seek(end)
