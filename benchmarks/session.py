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
import inspect
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from matryoshka.model import Doll, Sequence  # noqa: E402

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
    """The loader's ``path -> Sequence`` function (parse and validate one file)."""
    loader = _require("matryoshka.loader")
    for name in ("load_sequence", "load_file", "load_path", "load"):
        fn = getattr(loader, name, None)
        if callable(fn):
            return fn
    raise Unavailable("matryoshka.loader has no load_sequence(path) function")


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


def load_dolls(name_or_path: str) -> tuple[Doll, ...]:
    """The dolls of a sequence, outermost first."""
    return load(name_or_path).dolls


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


class Session:
    """The window's state, layout and scene at one size, drawn off-screen.

    Args:
        sequence: the sequence to show.
        size: window size in pixels.
        reduced_motion: make transitions instant (as ``--reduced-motion``).
    """

    def __init__(
        self, sequence: Sequence, size: tuple[int, int], reduced_motion: bool = False
    ) -> None:
        self.state_mod = _require("matryoshka.state")
        self.layout_mod = _require("matryoshka.layout")
        self.scene_mod = _require("matryoshka.scene")
        self.screen = ensure_display(size)
        self.size = size
        self.state = self.state_mod.initial_state([sequence], reduced_motion=reduced_motion)
        self._render = _scene_renderer(self.scene_mod, self.layout_mod, self.screen)

    def send(self, *messages: object) -> None:
        """Feed messages to ``state.update``."""
        for msg in messages:
            self.state = self.state_mod.update(self.state, msg)

    def frame(self, dt_ms: int = DT_MS) -> float:
        """Tick by ``dt_ms`` and render one frame; the seconds it took."""
        start = time.perf_counter()
        self.state = self.state_mod.tick(self.state, dt_ms)
        self._render(self.state)
        return time.perf_counter() - start

    def run_until_still(self, limit: int = 100_000) -> list[float]:
        """Frames until nothing moves (including the first still frame); their times."""
        times = [self.frame()]
        while self.state.animating and len(times) < limit:
            times.append(self.frame())
        return times

    def jump_to(self, depth: int) -> None:
        """Stand the doll at ``depth`` in the centre at once (as reduced motion does)."""
        reduced = self.state.reduced_motion
        if not reduced:
            self.send(self.state_mod.ToggleReducedMotion())
        self.send(self.state_mod.GoTo(depth))
        self.frame(0)
        if not reduced:
            self.send(self.state_mod.ToggleReducedMotion())


def _scene_renderer(scene: Any, layout: Any, screen: Any) -> Callable[[Any], None]:
    """``state -> None`` drawing one frame onto ``screen`` with the scene's own API."""
    renderer_cls = getattr(scene, "Scene", None) or getattr(scene, "SceneRenderer", None)
    if renderer_cls is not None:
        renderer = renderer_cls()
        draw = getattr(renderer, "render", None) or renderer.draw
        return _adapt(draw, layout, screen)
    fn = getattr(scene, "render", None) or getattr(scene, "draw", None)
    if fn is None:
        raise Unavailable("matryoshka.scene has no render(...) to draw a frame")
    return _adapt(fn, layout, screen)


def _adapt(draw: Callable[..., Any], layout: Any, screen: Any) -> Callable[[Any], None]:
    params = list(inspect.signature(draw).parameters)
    compute = getattr(layout, "compute", None) or getattr(layout, "layout", None)
    if compute is None:
        raise Unavailable("matryoshka.layout has no compute(state, size)")

    def render(state: Any) -> None:
        geometry = compute(state, screen.get_size())
        if "surface" in params or "screen" in params or "target" in params:
            draw(screen, state, geometry)
        else:
            draw(state, geometry)

    return render


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
    session = Session(load(name), size)
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
    session = Session(load(name), size)
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
    session = Session(load(path), size)
    st = session.state_mod
    session.run_until_still()
    for _ in range(session.state.core):
        session.send(st.Open())
        session.run_until_still()
    session.send(st.Open())  # the core wobbles
    session.run_until_still()
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(argv: list[str]) -> int:
    """``python -m benchmarks.session memory FILE``: print the peak RSS in KiB."""
    if len(argv) != 2 or argv[0] != "memory":
        print("usage: python -m benchmarks.session memory FILE", file=sys.stderr)
        return 2
    print(memory_session(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
