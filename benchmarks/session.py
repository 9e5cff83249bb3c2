"""A headless window session for the benchmarks: state, layout and scene, no event loop.

The frame-time figures drive the window's own pure state (``state.update`` and
``state.tick`` with a fixed dt) and its one scene renderer onto an off-screen surface of
the window's size, timing each frame's tick + render. This is what the window does per
frame minus ``display.flip`` and event polling, which cost the same whatever is shown.

Run as ``python -m benchmarks.session memory FILE`` it is the child process of the
memory figure: it opens FILE's sequence to the core, rendering every frame, and prints
its peak resident set size in KiB.
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import importlib
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from matryoshka.format.model import Sequence  # noqa: E402

#: The fixed frame step, as a 60 Hz display would give.
DT_MS = 16


class Unavailable(Exception):
    """A module the session needs is not there (yet)."""


def _require(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as err:
        if err.name and (module == err.name or module.startswith(err.name + ".")):
            raise Unavailable(f"{module} is not there yet") from err
        raise


def ensure_display(size: tuple[int, int]) -> Any:
    """Initialise pygame with a (dummy) window of ``size``, as the app does; returns it."""
    from matryoshka.pgcompat import pygame

    pygame.display.init()
    pygame.font.init()
    screen = pygame.display.get_surface()
    if screen is None or screen.get_size() != size:
        screen = pygame.display.set_mode(size)
    return screen


def shipped_dir() -> Path:
    """The folder of shipped sequences."""
    from matryoshka.paths import shipped_sequences_dir

    return shipped_sequences_dir()


def loader_function() -> Callable[[Path], Sequence]:
    """Load and validate one file: ``path -> Sequence`` (raises ``MatryoshkaError``)."""
    loader = _require("matryoshka.format.loader")
    load_sequence = getattr(loader, "load_sequence", None)
    if load_sequence is None:
        raise Unavailable("matryoshka.format.loader has no load_sequence(path)")

    def load(path: Path) -> Sequence:
        return load_sequence(path).sequence

    return load


def resolve(name_or_path: str) -> Path:
    """A shipped sequence id, or a path to a YAML file, as a path."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") and path.exists():
        return path
    shipped = shipped_dir() / f"{name_or_path}.yaml"
    if not shipped.exists():
        raise Unavailable(f"no shipped sequence {name_or_path!r} yet")
    return shipped


def load(name_or_path: str) -> Sequence:
    """Load and validate a sequence by shipped id or path."""
    return loader_function()(resolve(name_or_path))


def painter_cache_clearer() -> tuple[Callable[[], None], str]:
    """A function that empties the painter's caches, and how it does so."""
    painter = _require("matryoshka.painter")
    clear = getattr(painter, "clear_cache", None)
    if callable(clear):
        return clear, "painter.clear_cache()"
    cache = getattr(painter, "_cache", None)
    if cache is not None and hasattr(cache, "clear"):
        # Until the painter offers clear_cache(), its module cache is the one to empty.
        return cache.clear, "painter._cache.clear() (no clear_cache() yet)"
    raise Unavailable("matryoshka.painter has no clear_cache()")


def window_tabs(name_or_path: str) -> tuple[list[Sequence], int]:
    """The tabs ``matryoshka view NAME`` would show, and the index of NAME among them.

    Every shipped sequence is a tab, as in the window; a file outside them is added last.
    """
    catalog = _require("matryoshka.format.catalog")
    sequences, _ = catalog.load_all(())
    wanted = load(name_or_path)
    for i, seq in enumerate(sequences):
        if seq.id == wanted.id and seq.path == wanted.path:
            return sequences, i
    return [*sequences, wanted], len(sequences)


class Session:
    """The window's own ``App`` driven headless: no event loop, a fixed clock step.

    Per frame it does what ``App.run`` does per animation frame, minus event polling and
    ``display.flip``: ``process`` (tick the state) and ``draw`` (layout and scene). When
    nothing moves it runs ``prewarm``, as the window does while it waits for a click.

    Args:
        name_or_path: the sequence to show (a shipped id or a YAML file); every shipped
            sequence is loaded as a tab too.
        size: window size in pixels.
        reduced_motion: start with instant transitions.
    """

    def __init__(self, name_or_path: str, size: tuple[int, int], reduced_motion: bool = False):
        self.state_mod = _require("matryoshka.window.state")
        app_mod = _require("matryoshka.window.app")
        settings_mod = _require("matryoshka.window.settings")
        tabs, index = window_tabs(name_or_path)
        self.app = app_mod.App(
            tabs,
            index=index,
            settings=settings_mod.Settings(window=size),
            settings_file=None,
            reduced_motion=reduced_motion,
        )
        if self.app.surface.get_size() != size:
            raise RuntimeError(f"window opened at {self.app.surface.get_size()}, not {size}")
        #: Seconds spent in each ``prewarm`` (painting ahead while idle), in order.
        self.prewarm_times: list[float] = []
        self.app.draw()
        self.rest()

    @property
    def state(self) -> Any:
        """The window's current ``State``."""
        return self.app.state

    def send(self, *messages: object) -> None:
        """Apply messages to the window's state, as a key press or a click would."""
        for msg in messages:
            self.app.send(msg)

    def frame(self, dt_ms: int = DT_MS) -> float:
        """One frame: advance the clock by ``dt_ms`` and draw; the seconds it took."""
        start = time.perf_counter()
        self.app.process((), dt_ms)
        self.app.draw()
        return time.perf_counter() - start

    def rest(self) -> None:
        """What the window does once nothing moves: paint ahead for the next move."""
        if not self.state.animating:
            start = time.perf_counter()
            self.app.prewarm()
            self.prewarm_times.append(time.perf_counter() - start)

    def run_until_still(self, limit: int = 100_000) -> list[float]:
        """Frames until nothing moves, then ``rest``; the frame times."""
        times = [self.frame()]
        while self.state.animating and len(times) < limit:
            times.append(self.frame())
        self.rest()
        return times

    def jump_to(self, depth: int) -> None:
        """Stand the doll at ``depth`` in the centre at once (as reduced motion does)."""
        st = self.state_mod
        was_reduced = self.state.reduced_motion
        if not was_reduced:
            self.send(st.ToggleReducedMotion())
        self.send(st.GoTo(depth))
        self.frame(0)
        if not was_reduced:
            self.send(st.ToggleReducedMotion())
        self.rest()


# --- Figures computed here (called by run.py) -----------------------------------------


def opening_frame_times(
    name: str, size: tuple[int, int], passes: int, clear_painter_cache: bool = True
) -> list[float]:
    """Frame times while the sequence opens doll by doll to the core and closes back.

    Each pass opens one doll at a time (the user clicking, waiting for each opening to
    end) down to the core, then closes one at a time back to the outermost doll.
    """
    if clear_painter_cache:
        clear, _ = painter_cache_clearer()
        clear()
    session = Session(name, size)
    st = session.state_mod
    times: list[float] = []
    for _ in range(passes):
        for _ in range(session.state.core):
            session.send(st.Open())
            times += session.run_until_still()
        for _ in range(session.state.core):
            session.send(st.Close())
            times += session.run_until_still()
    return times


def steady_frame_times(name: str, size: tuple[int, int], depth: int, passes: int) -> list[float]:
    """Frame times of opening one doll at ``depth`` and closing it again, cache warm.

    The first opening and closing (which paints the shelf at its sizes) is not counted.
    """
    session = Session(name, size)
    st = session.state_mod
    session.jump_to(depth)
    times: list[float] = []
    for i in range(passes + 1):
        session.send(st.Open())
        opened = session.run_until_still()
        session.send(st.Close())
        closed = session.run_until_still()
        if i:
            times += opened + closed
    return times


def memory_session(path: str, size: tuple[int, int] = (1280, 800)) -> int:
    """Open ``path``'s sequence to the core one doll at a time; peak RSS in KiB.

    Each doll is opened as a click would (a full opening animation with every frame
    rendered), so every shelf size and growing doll is painted along the way.
    """
    session = Session(path, size)
    st = session.state_mod
    for _ in range(session.state.core):
        session.send(st.Open())
        session.run_until_still()
    session.send(st.Open())  # the core wobbles
    session.run_until_still()
    return peak_rss_kib()


def peak_rss_kib() -> int:
    """This process's peak resident set size in KiB.

    ``VmHWM`` belongs to the process's own address space, so it starts afresh at exec;
    ``ru_maxrss`` (the fallback off Linux) carries over the parent's peak across fork and
    exec, which would credit a child with its launcher's memory.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes there, KiB elsewhere


def main(argv: list[str]) -> int:
    """``python -m benchmarks.session memory FILE [CACHE_MIB]``: print the peak RSS in KiB.

    With CACHE_MIB, the painter's cache is capped at that many MiB first (to show what
    a different cap would give).
    """
    if len(argv) not in (2, 3) or argv[0] != "memory":
        print("usage: python -m benchmarks.session memory FILE [CACHE_MIB]", file=sys.stderr)
        return 2
    if len(argv) == 3:
        painter = _require("matryoshka.painter")
        painter.set_cache_limit(int(argv[2]) * 1024 * 1024)
    print(memory_session(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
