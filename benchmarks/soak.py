"""A soak of the real window, headless: random keys, clicks and resizes for a while.

Run as ``python -m benchmarks.soak EVENTS SEED [--exports FOLDER]``. It opens the window's
own ``App`` on every shipped set plus a 300-doll one, at sizes from 1280x800 to
1920x1080, and feeds it ``EVENTS`` random events as the window's loop would: each event
is processed, the frame drawn, and idle time spent painting ahead. With ``--exports``
the E, O, L and A keys run the real exports into FOLDER (stills, line-ups and
animations, encoded while the window keeps drawing). It prints its peak resident set
size in KiB (VmHWM) on the last line.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path

# First: it makes the video driver headless before anything loads pygame.
from benchmarks.session import peak_rss_kib

#: The sizes the soak resizes among: the figure is for windows up to full HD.
SIZES = [(1280, 800), (1366, 768), (1600, 900), (1920, 1080)]
#: Frames drawn after each event at a 60 Hz step (an animation runs on between events).
FRAMES_PER_EVENT = 3
DT_MS = 16


def _keys(pygame: object, exports: bool) -> list[int]:
    pg = pygame
    keys = [
        pg.K_SPACE, pg.K_RETURN, pg.K_RIGHT, pg.K_LEFT, pg.K_BACKSPACE, pg.K_HOME, pg.K_END,
        pg.K_TAB, pg.K_ESCAPE, pg.K_h, pg.K_p, pg.K_d, pg.K_m, pg.K_EQUALS, pg.K_MINUS,
        pg.K_0, pg.K_PAGEDOWN, pg.K_PAGEUP, pg.K_1, pg.K_2, pg.K_3, pg.K_4, pg.K_5,
    ]  # fmt: skip
    if exports:
        keys += [pg.K_e, pg.K_o, pg.K_l, pg.K_a]
    return keys


def soak(events: int, seed: int, export_folder: Path | None) -> None:
    """Drive one window through ``events`` random events."""
    from benchmarks.generate import write_sequence
    from matryoshka.format import catalog
    from matryoshka.format.loader import load_sequence
    from matryoshka.pgcompat import pygame
    from matryoshka.window.app import App
    from matryoshka.window.settings import Settings

    rng = random.Random(seed)
    sequences, _ = catalog.load_all(())
    with tempfile.TemporaryDirectory() as folder:
        long_file = write_sequence(300, Path(folder))
        sequences = [*sequences, load_sequence(long_file).sequence]
    app = App(
        sequences,
        settings=Settings(window=SIZES[-1]),
        export_folder=export_folder,
    )
    keys = _keys(pygame, export_folder is not None)
    for _ in range(events):
        w, h = app.surface.get_size()
        roll = rng.random()
        if roll < 0.4:
            pos = (rng.randrange(w), rng.randrange(h))
            event = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)
        elif roll < 0.97:
            key = rng.choice(keys)
            mod = pygame.KMOD_CTRL if key in (pygame.K_EQUALS, pygame.K_MINUS, pygame.K_0) else 0
            event = pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)
        else:
            size = rng.choice(SIZES)
            event = pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size)
        app.process([event], DT_MS)
        if app.state.quit:
            app.state = app.state._replace(quit=False)
        for _ in range(FRAMES_PER_EVENT):
            app.process((), DT_MS)
            app.draw()
        if not app.state.animating:
            app.prewarm(30)
    # Let the last exports finish, as a user waiting for the "Saved" message would.
    for _ in range(20_000):
        app.process((), DT_MS)
        if app.state.export is None:
            break
        pygame.time.wait(5)
    pygame.display.quit()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.soak")
    parser.add_argument("events", type=int)
    parser.add_argument("seed", type=int)
    parser.add_argument("--exports", type=Path, default=None)
    args = parser.parse_args(argv)
    soak(args.events, args.seed, args.exports)
    print(peak_rss_kib())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
