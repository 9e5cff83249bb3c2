"""Frames handed one by one from the drawing thread to the encoder thread.

An animation is never held in memory whole: the drawing side (pygame, on the window's or
the command's main thread) puts each frame into a small bounded queue as soon as it is
drawn, and the encoder (Pillow or PyAV only, in a worker thread) takes them out and
writes them to the file. Either side can stop the other: ``abort`` from the drawing side
(an error, Ctrl+C) makes the encoder fail so its temporary file is removed; an encoder
that fails (disk full) makes the next ``put`` raise ``StreamClosed``.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

from PIL import Image

#: Frames waiting between drawing and encoding: enough to keep both threads busy.
QUEUE_FRAMES = 6
#: How often a blocked side looks whether the other one gave up (seconds).
_POLL_S = 0.1


class StreamClosed(Exception):
    """The encoder stopped before taking every frame (its error says why)."""


class Aborted(Exception):
    """The drawing side gave up; the encoder must not finish the file."""


@dataclass(frozen=True)
class Frame:
    """One frame: an RGB picture shown for ``duration`` milliseconds.

    ``sample`` frames are not part of the animation: they are drawn ahead, spread over
    it, for encoders that need to see the whole animation before the first frame (the
    GIF's shared palette). Every sample comes before the first real frame.
    """

    image: Image.Image
    duration: int = 0
    sample: bool = False


class FrameSink(Protocol):
    """An encoder that writes an animation frame by frame."""

    def add(self, image: Image.Image, duration: int) -> None:
        """Append ``image`` (RGB), shown for ``duration`` ms."""

    def close(self) -> None:
        """Write the end of the file. Nothing may be added afterwards."""


class FrameStream:
    """A bounded queue of ``Frame``s from one producer to one consumer thread."""

    def __init__(self, size: int = QUEUE_FRAMES) -> None:
        self._queue: queue.Queue[Frame | None] = queue.Queue(size)
        self._aborted = threading.Event()
        self._closed = threading.Event()
        self.taken = 0

    # --- Drawing side ---------------------------------------------------------------

    def room(self) -> bool:
        """Whether ``put`` would return at once (the window never waits)."""
        return not self._queue.full()

    def put(self, frame: Frame) -> None:
        """Hand ``frame`` over, waiting while the encoder catches up.

        Raises:
            StreamClosed: the encoder has stopped.
        """
        self._put(frame)

    def finish(self) -> None:
        """Every frame is in: the encoder may write the end of the file."""
        self._put(None)

    def _put(self, item: Frame | None) -> None:
        while True:
            if self._closed.is_set():
                raise StreamClosed
            try:
                self._queue.put(item, timeout=_POLL_S)
                return
            except queue.Full:
                continue

    def abort(self) -> None:
        """Stop the encoder without finishing the file (it raises ``Aborted``)."""
        self._aborted.set()

    # --- Encoding side --------------------------------------------------------------

    def close(self) -> None:
        """The encoder will take no more frames (it failed, even before the first)."""
        self._closed.set()

    def frames(self) -> Iterator[Frame]:
        """The frames in order, until ``finish``.

        Raises:
            Aborted: the drawing side gave up.
        """
        try:
            while True:
                if self._aborted.is_set():
                    raise Aborted("the export was stopped")
                if not threading.main_thread().is_alive():
                    # The program is exiting without finishing the drawing: a file that
                    # would never be complete must not keep it waiting.
                    raise Aborted("the program quit before the export was complete")
                try:
                    frame = self._queue.get(timeout=_POLL_S)
                except queue.Empty:
                    continue
                if frame is None:
                    return
                self.taken += 1
                yield frame
        finally:
            # Whatever ends the encoder (done, failed, aborted), the drawing side must
            # not wait on it any more.
            self.close()


def feed(stream: FrameStream, open_sink: Callable[[list[Image.Image]], FrameSink]) -> None:
    """Move every frame of ``stream`` into the sink ``open_sink(samples)`` makes, then close it.

    The sink is made when the first real frame arrives, with the sample frames that came
    before it.

    Raises:
        Aborted: the drawing side gave up.
        ValueError: the stream had no frames.
    """
    samples: list[Image.Image] = []
    sink: FrameSink | None = None
    try:
        for frame in stream.frames():
            if frame.sample:
                samples.append(frame.image)
                continue
            if sink is None:
                sink = open_sink(samples)
                samples = []
            sink.add(frame.image, frame.duration)
        if sink is None:
            raise ValueError("an animation needs at least one frame")
        sink.close()
    except BaseException:
        discard = getattr(sink, "discard", None)
        if discard is not None:
            discard()
        raise
