"""20,000 random events through the window, headless: no exception, the state always sound."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from matryoshka.export import window as export_module
from matryoshka.format import catalog
from matryoshka.format.model import Doll, PartialDate, Sequence
from matryoshka.pgcompat import pygame
from matryoshka.window import state as S
from matryoshka.window.app import App

EVENTS = 20_000
#: Drawing every frame would make the soak slow; every few frames still draws every
#: kind of state (mid-opening, overlays, resized) many times over.
DRAW_EVERY = 7

KEYS = [
    pygame.K_SPACE,
    pygame.K_RETURN,
    pygame.K_KP_ENTER,
    pygame.K_RIGHT,
    pygame.K_LEFT,
    pygame.K_BACKSPACE,
    pygame.K_HOME,
    pygame.K_END,
    pygame.K_TAB,
    pygame.K_ESCAPE,
    pygame.K_F11,
    pygame.K_h,
    pygame.K_SLASH,
    pygame.K_m,
    pygame.K_p,
    pygame.K_d,
    pygame.K_c,
    pygame.K_e,
    pygame.K_l,
    pygame.K_a,
    pygame.K_EQUALS,
    pygame.K_MINUS,
    pygame.K_0,
    pygame.K_UP,
    pygame.K_z,
    *range(pygame.K_1, pygame.K_9 + 1),
]
MODS = [0, 0, 0, pygame.KMOD_SHIFT, pygame.KMOD_CTRL]
#: Window sizes the soak resizes to: from far below the supported minimum to large. A few
#: fixed sizes, so dolls painted for one size are reused rather than painted afresh.
SIZES = [(320, 240), (800, 600), (1024, 768), (1280, 800), (1366, 700), (1920, 1080)]


class QuickExport:
    """Stands in for the real export (tested in test_app): finishes or fails in a few steps."""

    def __init__(
        self,
        kind: str,
        sequence: Sequence,
        depth: int,
        folder: Path | None = None,
        suffix: str | None = None,
        **beside: object,  # the other set of a comparison, and the references
    ):
        assert 0 <= depth < len(sequence.dolls)
        assert (kind == "comparison") == ("other" in beside)
        self.steps = random.Random(depth).randint(1, 12)
        self.done = False
        self.progress = 0.0
        self.path: Path | None = None
        self.error: str | None = None
        self.fail = depth % 3 == 0
        self.target_name = "picture.png"

    def step(self, budget_ms: int) -> None:
        self.steps -= 1
        self.progress = min(1.0, self.progress + 0.1)
        if self.steps <= 0:
            self.done = True
            if self.fail:
                self.error = "disk full"
            else:
                self.path = Path("/nowhere/picture.png")


def long_sequence(n: int) -> Sequence:
    dolls = tuple(
        Doll(name=f"Pope number {i + 1}", id=f"p{i}", start=PartialDate(1000 + i)) for i in range(n)
    )
    return Sequence(id="long", title="A very long line of three hundred popes", dolls=dolls)


def random_event(rng: random.Random, size: tuple[int, int]) -> pygame.event.Event:
    w, h = size
    roll = rng.random()
    pos = (rng.randrange(-20, w + 20), rng.randrange(-20, h + 20))
    if roll < 0.35:
        return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=rng.choice([1, 1, 1, 3]))
    if roll < 0.55:
        return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    if roll < 0.9:
        key = rng.choice(KEYS)
        mod = rng.choice(MODS)
        unicode = "?" if key == pygame.K_SLASH and mod == pygame.KMOD_SHIFT else ""
        return pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0)
    if roll < 0.95:
        return pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice([-1, 1]), flipped=False)
    if roll < 0.99:
        new = rng.choice(SIZES)
        return pygame.event.Event(pygame.VIDEORESIZE, w=new[0], h=new[1], size=new)
    return pygame.event.Event(pygame.WINDOWLEAVE)


def test_twenty_thousand_random_events(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(export_module, "WindowExport", QuickExport)
    sequences, _ = catalog.load_all()
    sequences = [*sequences, long_sequence(300)]
    rng = random.Random(20_000)
    app = App(sequences, export_folder=tmp_path)
    seen_moving = seen_overlay = seen_switch_mid_motion = 0
    try:
        for i in range(EVENTS):
            event = random_event(rng, app.surface.get_size())
            moving_before = app.state.motion is not None
            index_before = app.state.index
            pygame.event.post(event)
            app.process(pygame.event.get(), rng.choice([0, 8, 16, 16, 33, 120]))
            problems = S.problems(app.state)
            assert problems == [], (i, event, problems)
            if app.state.quit:
                app.state = app.state._replace(quit=False)  # keep going after Ctrl+Q
            seen_moving += app.state.motion is not None
            seen_overlay += app.state.overlay_open
            seen_switch_mid_motion += moving_before and app.state.index != index_before
            if i % DRAW_EVERY == 0:
                app.draw()
            if i % 500 == 0:
                app.prewarm(5)
    finally:
        pygame.display.quit()
    # The soak really went through the states it is meant to shake.
    assert seen_moving > 1000 and seen_overlay > 500 and seen_switch_mid_motion > 20
