"""Whole-window snapshots: the window at 1280x800, pixel for pixel, in five situations.

Each picture is made the way the window makes its frames: an ``App`` on the headless
display, sequences found by the catalog as ``matryoshka view`` finds them, real key and
mouse events, the clock stepped by a fixed amount, ``App.draw`` onto the window's surface.
So anything that changes what the window shows (a panel moved, a colour changed, a label
dropped) changes a picture and fails here, whatever the code behind it looks like.

Nothing depends on the run: the painter's cache starts empty (the frames of an opening are
scaled from what it holds), the settings and cache folders are fresh (``conftest.py``),
the fonts are the ones shipped, and "today" (where the timeline's open bars end) is
pinned. Regenerate with ``MATRYOSHKA_UPDATE_GOLDEN=1`` and look at every picture.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from golden_images import check_golden

from matryoshka import painter
from matryoshka.format import catalog
from matryoshka.pgcompat import pygame
from matryoshka.window.app import App
from matryoshka.window.settings import Settings

GOLDEN = Path(__file__).parent / "golden" / "window"
DATA = Path(__file__).parent / "data"
SIZE = (1280, 800)
#: The day the timeline takes for today: 1 September 2024, noon (local time).
TODAY = time.struct_time((2024, 9, 1, 12, 0, 0, 6, 245, -1))
#: One frame at 60 frames a second, the step every animation here is driven with.
FRAME_MS = 16

CLASSROOM = """\
format: matryoshka/1
id: classroom
title: Our class's own set
description: Three dolls the class is still writing.
dolls:
  - name: Vladimir Putin
    id: putin
    start: 2000-05-07
    colors: {body: "#2f5d8a"}
  - name: Boris Yeltsin
    id: yeltsin
    start: 1991-07-10
    end: 1999-12-31
    colors: {body: "#b3261e"}
  - name: Mikhail Gorbachev
    id: gorbachev
    start: 1985-03-11
    end: 1991-12-25
"""
#: The same file after an edit that broke it: a month that does not exist.
CLASSROOM_BROKEN = CLASSROOM.replace("end: 1999-12-31", "end: 1999-13-31").replace(
    "  - name: Mikhail Gorbachev", "  - name: Mikhail Gorbachev\n    colour: blue"
)


@pytest.fixture(autouse=True)
def _deterministic(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Pin today, and start every picture with an empty painter cache."""
    monkeypatch.setattr(time, "localtime", lambda *_: TODAY)
    painter.clear_cache()
    yield
    pygame.display.quit()


def window(extra: Path | None = None, seq_id: str = "market-1995", *, watch: bool = False) -> App:
    """The window ``matryoshka view`` opens, showing ``seq_id``, with ``extra`` searched too."""
    sequences, problems = catalog.load_all([extra] if extra else [])
    assert not [p for p in problems if p.severity == "error"]
    index = next(i for i, s in enumerate(sequences) if s.id == seq_id)
    app = App(sequences, index=index, settings=Settings(window=SIZE), watch=watch)
    assert app.surface.get_size() == SIZE
    return app


def post(app: App, *events: pygame.event.Event, dt_ms: int = 0) -> None:
    """Deliver events through pygame's queue, as the window's loop does, and draw."""
    pygame.event.clear()
    for event in events:
        pygame.event.post(event)
    app.process(pygame.event.get(), dt_ms)
    app.draw()


def press(app: App, key: int, unicode: str = "") -> None:
    post(app, pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=unicode, scancode=0))


def frames(app: App, count: int) -> None:
    """Let ``count`` frames pass, drawing each one like the window."""
    for _ in range(count):
        post(app, dt_ms=FRAME_MS)


def settle(app: App, limit_ms: int = 60_000) -> None:
    """Run the clock until nothing moves (drawing only the last frame: rest is exact)."""
    for _ in range(0, limit_ms, 100):
        if not app.state.animating:
            break
        app.process([], 100)
    assert not app.state.animating
    app.draw()


def idle(app: App) -> None:
    """What the window does while nothing moves: paint ahead what the next moves need."""
    while app.prewarm():
        pass


def snapshot(app: App, name: str) -> None:
    check_golden(app.surface, GOLDEN / f"{name}.png")


def test_start() -> None:
    app = window()
    app.draw()
    assert app.state.sequence.id == "market-1995" and app.state.depth == 0
    assert app.state.motion is None
    snapshot(app, "start")


def test_an_opening_in_progress() -> None:
    app = window()
    app.draw()
    idle(app)
    r = app.layout.doll_rect
    pos = (r.centerx, r.y + r.h * 2 // 3)
    post(
        app,
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
    )
    frames(app, 22)
    motion = app.state.motion
    assert motion is not None and motion.doll == 0  # the outer doll is coming apart
    snapshot(app, "opening")


def test_the_shelf_with_many_shells(tmp_path: Path) -> None:
    # A fixed copy of a generated line: generating it afresh would follow the painter's
    # vocabulary, and every new word would change this picture.
    shutil.copy(DATA / "generated-40.yaml", tmp_path / "generated-40.yaml")
    app = window(tmp_path, "generated-40")
    app.draw()
    press(app, pygame.K_END)
    settle(app)
    assert app.state.depth == app.state.core == 39
    hidden = [s for s in app.layout.slots if s.depth is None]
    assert hidden and "more" in hidden[0].label  # the shelf shows "+N more"
    snapshot(app, "shelf")


def test_the_help_overlay() -> None:
    app = window()
    app.draw()
    press(app, pygame.K_h)
    assert app.state.help_open
    snapshot(app, "help")


def test_an_error_overlay(tmp_path: Path) -> None:
    path = tmp_path / "classroom.yaml"
    path.write_text(CLASSROOM, encoding="utf-8")
    app = window(tmp_path, "classroom", watch=True)
    app.draw()
    path.write_text(CLASSROOM_BROKEN, encoding="utf-8")
    app.poll_files()
    app.draw()
    assert len(app.state.errors) >= 2 and all("classroom.yaml" in e for e in app.state.errors)
    assert app.state.sequence.dolls[1].end is not None  # the last good version stays
    snapshot(app, "error")
