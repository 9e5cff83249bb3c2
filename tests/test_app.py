"""The window, headless: real pygame events through the same path the window uses."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from matryoshka import painter, theme
from matryoshka.commands.view import choose_index
from matryoshka.format import catalog
from matryoshka.format.model import Sequence
from matryoshka.pgcompat import pygame
from matryoshka.window.app import (
    EXIT_AFTER_FIRST_FRAME_ENV,
    App,
    message_for_key,
)
from matryoshka.window.memory import CACHE_FRAMEBUFFERS, painter_cache_limit
from matryoshka.window.settings import Settings, load_settings, save_settings
from matryoshka.window.state import (
    CurrentDoll,
    GoTo,
    Open,
    Quit,
    ShelfDoll,
    TextScale,
    ToggleHelp,
)

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sequences() -> list[Sequence]:
    seqs, problems = catalog.load_all()
    assert not [p for p in problems if p.severity == "error"]
    return seqs


def index_of(sequences: list[Sequence], seq_id: str) -> int:
    return next(i for i, s in enumerate(sequences) if s.id == seq_id)


@pytest.fixture
def app(sequences: list[Sequence], tmp_path: Path) -> Iterator[App]:
    window = App(
        sequences,
        index=index_of(sequences, "market-1995"),
        settings_file=tmp_path / "config" / "settings.json",
        export_folder=tmp_path / "pictures",
    )
    yield window
    pygame.display.quit()


def post(app: App, *events: pygame.event.Event) -> None:
    """Deliver events through pygame's queue, as the window's loop does."""
    pygame.event.clear()
    for event in events:
        pygame.event.post(event)
    app.process(pygame.event.get(), 0)


def click(app: App, pos: tuple[int, int]) -> None:
    post(
        app,
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
    )


def key(app: App, k: int, mod: int = 0, unicode: str = "") -> None:
    post(app, pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=unicode, scancode=0))


def run(app: App, ms: int, dt: int = 16) -> None:
    """Step the clock with a fixed dt, drawing every frame like the window."""
    for _ in range(0, ms, dt):
        app.process([], dt)
        app.draw()


def run_until_exported(app: App, limit_s: float = 120.0) -> None:
    """Step the window until its export is written (the encoder runs in a thread: on a
    loaded machine it takes however long it takes, within a generous bound)."""
    deadline = time.monotonic() + limit_s
    while app.state.export is not None and time.monotonic() < deadline:
        run(app, 16)


def doll_centre(app: App) -> tuple[int, int]:
    r = app.layout.doll_rect
    return (r.centerx, r.y + r.h * 2 // 3)


def caption(app: App) -> str:
    return pygame.display.get_caption()[0]


def differs(a: tuple[int, ...], b: tuple[int, ...], by: int = 30) -> bool:
    return sum(abs(x - y) for x, y in zip(a[:3], b[:3], strict=True)) > by


def test_opens_at_the_default_size_on_the_market_set(app: App) -> None:
    assert app.surface.get_size() == (1280, 800)
    assert app.state.sequence.id == "market-1995" and app.state.depth == 0
    assert caption(app).startswith("Boris Yeltsin")


def changed(before: pygame.Surface, after: pygame.Surface, rect: pygame.Rect) -> float:
    """The fraction of pixels in ``rect`` that differ between two frames."""
    a = pygame.image.tobytes(before.subsurface(rect), "RGB")
    b = pygame.image.tobytes(after.subsurface(rect), "RGB")
    pixels = len(a) // 3
    return sum(a[i : i + 3] != b[i : i + 3] for i in range(0, len(a), 3)) / pixels


def test_clicking_the_doll_opens_it_and_the_shell_goes_on_the_shelf(app: App) -> None:
    app.draw()
    before = app.surface.copy()
    click(app, doll_centre(app))
    assert app.state.motion is not None and app.state.motion.doll == 0
    run(app, 400)
    assert app.state.motion is not None  # still moving: it is an animation, not a jump
    run(app, 400)
    assert app.state.depth == 1 and app.state.motion is None
    assert "Mikhail Gorbachev" in caption(app)
    slot = app.layout.slots[0]
    box = pygame.Rect(
        round(slot.doll.cx - slot.doll.height * 0.2),
        round(slot.doll.top),
        round(slot.doll.height * 0.4),
        round(slot.doll.height),
    )
    assert changed(before, app.surface, box) > 0.5  # a doll now stands on the shelf


def test_clicking_a_shelf_doll_closes_back_to_it(app: App) -> None:
    key(app, pygame.K_END)
    run(app, 3000)
    assert app.state.depth == app.state.core == 6
    slot = next(s for s in app.layout.slots if s.depth == 2)
    click(app, (slot.rect.centerx, round(slot.doll.top + slot.doll.height / 2)))
    assert app.state.target == 2
    assert app.state.motion is not None and app.state.motion.direction == -1
    run(app, 3000)
    assert app.state.depth == 2 and "Leonid Brezhnev" in caption(app)


def test_the_core_wobbles_and_says_it_is_the_core(app: App) -> None:
    key(app, pygame.K_END)
    run(app, 3000)
    assert caption(app).startswith("Nicholas II")
    app.draw()
    still = pygame.image.tobytes(app.surface, "RGB")
    click(app, doll_centre(app))
    assert app.state.depth == 6 and app.state.wobble_ms > 0
    assert app.state.toast is not None and "core" in app.state.toast.message
    run(app, 96)
    assert pygame.image.tobytes(app.surface, "RGB") != still  # it moved


def test_every_key(app: App, sequences: list[Sequence]) -> None:
    market = app.state.index
    for k in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_RIGHT):
        before = app.state.target
        key(app, k)
        assert app.state.target == before + 1
    for k in (pygame.K_BACKSPACE, pygame.K_LEFT):
        before = app.state.target
        key(app, k)
        assert app.state.target == before - 1
    key(app, pygame.K_END)
    assert app.state.target == app.state.core
    key(app, pygame.K_HOME)
    assert app.state.target == 0
    key(app, pygame.K_TAB)
    assert app.state.index == (market + 1) % len(sequences) and app.state.depth == 0
    key(app, pygame.K_TAB, pygame.KMOD_SHIFT)
    assert app.state.index == market
    key(app, pygame.K_2)
    assert app.state.index == 1
    key(app, pygame.K_h)
    assert app.state.help_open
    key(app, pygame.K_ESCAPE)
    assert not app.state.help_open
    key(app, pygame.K_SLASH, pygame.KMOD_SHIFT, "?")
    assert app.state.help_open
    key(app, pygame.K_h)
    key(app, pygame.K_d)
    assert app.state.about_open
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_m)
    assert app.state.reduced_motion
    key(app, pygame.K_RIGHT)
    assert app.state.depth == 1 and app.state.motion is None  # instant
    key(app, pygame.K_m)
    key(app, pygame.K_EQUALS, pygame.KMOD_CTRL)
    key(app, pygame.K_EQUALS, pygame.KMOD_CTRL)
    assert app.state.text_step == 2
    key(app, pygame.K_MINUS, pygame.KMOD_CTRL)
    assert app.state.text_step == 1
    key(app, pygame.K_0, pygame.KMOD_CTRL)
    assert app.state.text_step == 0
    key(app, pygame.K_p)
    assert app.state.presentation
    key(app, pygame.K_p)
    key(app, pygame.K_F11)
    assert app.state.fullscreen
    key(app, pygame.K_ESCAPE)
    assert not app.state.fullscreen
    key(app, pygame.K_q)
    assert not app.state.quit  # a plain Q does nothing
    key(app, pygame.K_q, pygame.KMOD_CTRL)
    assert app.state.quit


def test_closing_the_window_quits(app: App) -> None:
    post(app, pygame.event.Event(pygame.QUIT))
    assert app.state.quit


def test_keys_map_to_messages_without_a_window() -> None:
    assert message_for_key(pygame.K_SPACE, 0) == Open()
    assert message_for_key(pygame.K_q, pygame.KMOD_LCTRL) == Quit()
    assert message_for_key(pygame.K_KP_PLUS, pygame.KMOD_RCTRL) == TextScale(1)
    assert message_for_key(pygame.K_QUESTION, 0, "?") == ToggleHelp()
    assert message_for_key(pygame.K_z, 0) is None


def test_switching_tabs_by_click_resets_mid_animation(app: App) -> None:
    key(app, pygame.K_END)
    run(app, 200)
    tab = next(t for t in app.layout.tabs if t.index != app.state.index)
    click(app, (tab.rect.centerx, tab.rect.centery))
    assert app.state.index == tab.index
    assert app.state.depth == 0 and app.state.motion is None and app.state.target == 0
    run(app, 100)
    assert app.state.depth == 0


def test_resizing_relayouts_and_the_doll_stays_clickable(app: App) -> None:
    for size in [(800, 600), (1920, 1080), (1280, 800)]:
        post(app, pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size))
        assert app.surface.get_size() == size
        assert app.layout.size == size
        target = app.state.target
        click(app, doll_centre(app))
        assert app.state.target == min(target + 1, app.state.core)
        run(app, 800)


def test_hover_glows_and_shows_a_hand(app: App) -> None:
    run(app, 16)
    pos = doll_centre(app)
    edge = (app.layout.doll_rect.x - 6, app.layout.doll_rect.centery)
    plain = tuple(app.surface.get_at(edge))
    post(app, pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    assert app.state.hover == CurrentDoll()
    assert app.hand_cursor
    app.draw()
    assert tuple(app.surface.get_at(edge)) != plain  # the glow reaches past the doll
    post(app, pygame.event.Event(pygame.MOUSEMOTION, pos=(2, 790), rel=(0, 0), buttons=(0, 0, 0)))
    assert app.state.hover is None and not app.hand_cursor


def test_help_overlay_and_presentation_mode_are_drawn(app: App) -> None:
    run(app, 16)
    export = app.layout.button("export")
    assert export is not None
    px = (export.x + 4, export.centery)
    assert not differs(tuple(app.surface.get_at(px)), theme.ACCENT, 40)
    corner = tuple(app.surface.get_at((640, 790)))
    key(app, pygame.K_h)
    app.draw()
    assert sum(app.surface.get_at((640, 790))[:3]) < sum(corner[:3]) - 150  # veiled
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_p)
    app.draw()
    assert differs(tuple(app.surface.get_at(px)), theme.ACCENT, 40)  # no Export button


def test_export_key_saves_a_picture_and_the_window_keeps_running(app: App, tmp_path: Path) -> None:
    key(app, pygame.K_RIGHT)
    run(app, 800)
    key(app, pygame.K_e)
    assert app.state.export is not None
    run_until_exported(app)
    assert app.state.toast is not None and not app.state.toast.failed, app.state.toast
    files = list((tmp_path / "pictures").iterdir())
    assert [f.name for f in files] == ["market-1995_02_gorbachev.png"]
    assert str(files[0]) in app.state.toast.message
    key(app, pygame.K_RIGHT)  # still responsive
    assert app.state.target == 2


def test_o_key_saves_the_opened_doll(app: App, tmp_path: Path) -> None:
    key(app, pygame.K_o)
    assert app.state.export is not None and app.state.export.kind == "open"
    run_until_exported(app)
    assert app.state.toast is not None and not app.state.toast.failed, app.state.toast
    files = [f.name for f in (tmp_path / "pictures").iterdir()]
    assert files == ["market-1995_01_yeltsin_open.png"]


def test_export_failure_is_a_toast_not_a_crash(sequences: list[Sequence], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    window = App(sequences, export_folder=blocker / "pictures")
    try:
        key(window, pygame.K_e)
        for _ in range(500):
            run(window, 16)
            if window.state.export is None:
                break
        assert window.state.toast is not None and window.state.toast.failed
    finally:
        pygame.display.quit()


def test_settings_round_trip_and_are_restored(sequences: list[Sequence], tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    window = App(sequences, settings_file=path)
    try:
        key(window, pygame.K_3)
        key(window, pygame.K_m)
        key(window, pygame.K_EQUALS, pygame.KMOD_CTRL)
        post(window, pygame.event.Event(pygame.VIDEORESIZE, w=1000, h=700, size=(1000, 700)))
        window.save()
    finally:
        pygame.display.quit()
    saved, warning = load_settings(path)
    assert warning is None
    assert saved == Settings(sequences[2].id, (1000, 700), 1, True)
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temp files
    tabs, index = choose_index(sequences, None, saved.sequence)
    assert index == 2
    again = App(tabs, index=index, settings=saved)
    try:
        assert again.surface.get_size() == (1000, 700)
        assert again.state.reduced_motion and again.state.text_step == 1
    finally:
        pygame.display.quit()


def test_missing_or_corrupt_settings_give_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "nope.json") == (Settings(), None)
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json")
    settings, warning = load_settings(bad)
    assert settings == Settings() and warning is not None and "\n" not in warning
    assert str(bad) in warning
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps({"sequence": 5, "window": [10, "x"], "text_step": True,
                               "reduced_motion": "yes"}))  # fmt: skip
    assert load_settings(odd) == (Settings(), None)
    listed = tmp_path / "list.json"
    listed.write_text("[1, 2]")
    assert load_settings(listed)[1] is not None
    save_settings(Settings("x", (900, 650), -1, False), tmp_path / "new" / "s.json")
    assert load_settings(tmp_path / "new" / "s.json")[0] == Settings("x", (900, 650), -1, False)


def test_choose_index_prefers_named_then_remembered_then_market(
    sequences: list[Sequence],
) -> None:
    market = index_of(sequences, "market-1995")
    lenin = index_of(sequences, "lenin-at-centre")
    assert choose_index(sequences, None, None) == (sequences, market)
    assert choose_index(sequences, None, "lenin-at-centre")[1] == lenin
    assert choose_index(sequences, None, "deleted-since")[1] == market
    assert choose_index(sequences, sequences[lenin], "market-1995")[1] == lenin
    outside = Sequence(id="mine", title="Mine", dolls=sequences[0].dolls)
    tabs, index = choose_index(sequences, outside, None)
    assert tabs[-1] is outside and index == len(sequences)


def _no_display_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}  # fmt: skip
    env["HOME"] = str(tmp_path)
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    env["PYTHONPATH"] = str(REPO)
    return env


def test_no_display_is_one_line_pointing_to_export(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "matryoshka"],
        env=_no_display_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "no display" in lines[0] and "matryoshka export" in lines[0]
    assert "Traceback" not in result.stderr


def test_corrupt_settings_warn_once_and_the_window_still_starts(tmp_path: Path) -> None:
    config = tmp_path / "config" / "matryoshka"
    config.mkdir(parents=True)
    (config / "settings.json").write_text("{{{")
    result = subprocess.run(
        [sys.executable, "-m", "matryoshka"],
        env=_no_display_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "settings" in warnings[0]
    assert result.returncode == 1  # then it stops for want of a display, as above


def test_exit_after_first_frame_returns_once_the_doll_is_presented(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    flips: list[int] = []
    real_flip = pygame.display.flip

    def counting_flip() -> None:
        real_flip()
        flips.append(app.frames)

    monkeypatch.setattr(pygame.display, "flip", counting_flip)
    monkeypatch.setenv(EXIT_AFTER_FIRST_FRAME_ENV, "1")
    # A queued quit ends the loop if the hook is ignored: it would then save the settings.
    pygame.event.clear()
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    assert app.run() == 0
    assert flips == [1]  # one frame drawn, then presented, then straight out
    # What was presented is the real first frame: the doll painted on the backdrop.
    assert differs(app.surface.get_at(doll_centre(app)), theme.BACKGROUND)
    assert app.settings_file is not None and not app.settings_file.exists()


def _first_frame_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        SDL_VIDEODRIVER="dummy",
        PYTHONPATH=str(REPO),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    )
    env[EXIT_AFTER_FIRST_FRAME_ENV] = "1"
    return env


def test_matryoshka_with_exit_after_first_frame_presents_and_exits_0(tmp_path: Path) -> None:
    # The real command line in a child; without the hook it would wait for input until
    # the timeout. The wrapped flip shows the window got as far as presenting a frame.
    counted = (
        "import sys\n"
        "from matryoshka.pgcompat import pygame\n"
        "flip = pygame.display.flip\n"
        "flips = []\n"
        "pygame.display.flip = lambda: (flip(), flips.append(1))\n"
        "from matryoshka.cli import main\n"
        "status = main([])\n"
        "print(len(flips))\n"
        "sys.exit(status)\n"
    )
    runs = {}
    for name, argv in (("counted", ["-c", counted]), ("plain", ["-m", "matryoshka"])):
        runs[name] = subprocess.run(
            [sys.executable, *argv],
            env=_first_frame_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
        assert runs[name].returncode == 0, runs[name].stderr
        assert "Traceback" not in runs[name].stderr
    assert runs["counted"].stdout.split() == ["1"]  # exactly one frame presented
    assert runs["plain"].stdout == ""


def test_the_window_gets_its_doll_icon_before_it_opens(
    sequences: list[Sequence], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, object]] = []
    real_set_icon, real_set_mode = pygame.display.set_icon, pygame.display.set_mode

    def set_icon(surface: pygame.Surface) -> None:
        calls.append(("icon", surface.get_size()))
        real_set_icon(surface)

    def set_mode(*args: object, **kwargs: object) -> pygame.Surface:
        calls.append(("mode", args[0] if args else None))
        return real_set_mode(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pygame.display, "set_icon", set_icon)
    monkeypatch.setattr(pygame.display, "set_mode", set_mode)
    pygame.display.quit()
    window = App(sequences, index=index_of(sequences, "market-1995"))
    try:
        assert calls[:2] == [("icon", (64, 64)), ("mode", window.surface.get_size())]
    finally:
        pygame.display.quit()


def test_the_painter_cache_cap_follows_the_window_size(
    sequences: list[Sequence], tmp_path: Path
) -> None:
    default = painter.DEFAULT_CACHE_BYTES
    assert painter_cache_limit((1280, 800)) == painter_cache_limit((800, 600)) == default
    assert painter_cache_limit((3840, 2160)) == CACHE_FRAMEBUFFERS * 3840 * 2160 * 4 > default
    # A cap the program set before the window opened is a floor, never lowered.
    assert painter_cache_limit((1280, 800), 96 * 2**20) == 96 * 2**20
    painter.set_cache_limit(default)
    window = App(
        sequences,
        index=index_of(sequences, "market-1995"),
        settings=Settings(window=(3840, 2160)),
        reduced_motion=True,
        export_folder=tmp_path,
    )
    try:
        assert window.surface.get_size() == (3840, 2160)
        limit = painter.cache_info().limit
        assert limit == painter_cache_limit((3840, 2160))
        # What the window paints ahead at 4K (some 100 MiB in a long set) all stays
        # cached, with room for as much again, so no frame of the next moves paints cold.
        window.send(GoTo(3))
        window.process((), 0)
        window.draw()
        while window.prewarm():
            pass
        ahead = set(window.scene.warm_tasks(window.state, window.layout))
        cached = [painter._cache.get(task) for task in ahead]
        assert all(surf is not None for surf in cached)
        need = sum(surf.get_pitch() * surf.get_height() for surf in cached if surf is not None)
        assert need > default / 2 and 2 * need <= limit
        # Back to a small window: back to the cap it started from.
        window.handle(pygame.event.Event(pygame.VIDEORESIZE, w=1280, h=800, size=(1280, 800)))
        assert window.surface.get_size() == (1280, 800)
        assert painter.cache_info().limit == default
        window.handle(pygame.event.Event(pygame.VIDEORESIZE, w=3840, h=2160, size=(3840, 2160)))
        assert painter.cache_info().limit == limit
    finally:
        pygame.display.quit()
    # The first window closed at 4K: a later one in the same process starts from the cap
    # the first found, not from the raised one; a cap set by the program is kept.
    for preset, expected in ((None, default), (96 * 2**20, 96 * 2**20)):
        if preset is not None:
            painter.set_cache_limit(preset)
        App(sequences, settings=Settings(window=(1280, 800)), export_folder=tmp_path)
        pygame.display.quit()
        assert painter.cache_info().limit == expected
    painter.set_cache_limit(default)


def test_no_frame_paints_a_doll_cold_while_opening_a_long_set(
    sequences: list[Sequence], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Click through the chronology to its core as a user would, the window painting ahead
    # while nothing moves: every frame must find its paintings made, including the small
    # dolls standing for the hidden shells once the shelf fills up.
    from matryoshka.painter import render

    painted_in_frames: list[tuple[str, int]] = []
    drawing = False
    real_whole, real_back = render.paint_whole, render.paint_back

    def whole(doll: object, height: int) -> pygame.Surface:
        if drawing:
            painted_in_frames.append(("whole", height))
        return real_whole(doll, height)  # type: ignore[arg-type]

    def back(doll: object, height: int) -> pygame.Surface:
        if drawing:
            painted_in_frames.append(("bottom_back", height))
        return real_back(doll, height)  # type: ignore[arg-type]

    monkeypatch.setattr(render, "paint_whole", whole)
    monkeypatch.setattr(render, "paint_back", back)
    painter.clear_cache()
    window = App(
        sequences,
        index=index_of(sequences, "soviet-chronology"),
        settings=Settings(window=(1280, 800)),
        export_folder=tmp_path,
    )
    try:
        window.draw()
        while window.state.depth < window.state.core:
            while window.prewarm():
                pass
            window.send(Open())
            drawing = True
            window.process((), 16)
            window.draw()
            while window.state.animating:
                window.process((), 16)
                window.draw()
            drawing = False
        assert any(slot.depth is None for slot in window.layout.slots)  # the shelf filled
        assert painted_in_frames == []
    finally:
        pygame.display.quit()


#: A child that starts the window up to its first frame, then reports what it loaded.
STARTUP_PROBE = """
import json, sys
from matryoshka.format import catalog
from matryoshka.painter import emblems, lighting, render
computed, painted = [], []
compute, paint_whole = lighting.compute, render.paint_whole
lighting.compute = lambda: (computed.append(1), compute())[1]
render.paint_whole = lambda *a: (painted.append(1), paint_whole(*a))[1]
from matryoshka.window.app import App
seqs, _ = catalog.load_all()
window = App(seqs, index=[s.id for s in seqs].index("market-1995"))
window.run()
doll = window.state.sequence.dolls[window.state.depth]
shapes = {e for e in doll.emblems if isinstance(e, str) and e in emblems.SYMBOLS} - {"cccp"}
print(json.dumps({
    "frames": window.frames,
    "pil": sorted(m for m in sys.modules if m.split(".")[0] == "PIL"),
    "computed": len(computed),
    "painted": len(painted),
    "symbols_built": emblems.symbol_shapes.cache_info().currsize,
    "symbols_shown": len(shapes),
}))
"""


def _probe_start(tmp_path: Path) -> dict[str, object]:
    probe = subprocess.run(
        [sys.executable, "-c", STARTUP_PROBE],
        env=_first_frame_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert probe.returncode == 0, probe.stderr
    report: dict[str, object] = json.loads(probe.stdout.splitlines()[-1])
    assert report["frames"] == 1
    return report


def test_start_up_defers_what_the_first_frame_does_not_need(tmp_path: Path) -> None:
    # Pillow (portraits and exports only), the lighting maps' per-pixel formula (they ship
    # as a PNG) and symbols no doll on screen wears cost start-up time: none of them may
    # come back on the way to the first frame. The first start fills the user's cache of
    # checked sequence files (checking them loads Pillow) and keeps the first doll's
    # painting; without that painting, a start paints the doll and builds its symbol only.
    first = _probe_start(tmp_path)
    assert first["painted"] == 1
    shutil.rmtree(tmp_path / "cache" / "matryoshka" / "paintings")
    report = _probe_start(tmp_path)
    assert report["pil"] == [] and report["computed"] == 0
    assert report["painted"] == 1
    assert report["symbols_built"] == report["symbols_shown"] == 1
    # An everyday start: the same doll at the same size comes from the kept painting.
    report = _probe_start(tmp_path)
    assert report["pil"] == [] and report["computed"] == 0
    assert report["painted"] == 0 and report["symbols_built"] == 0


def test_shelf_targets_follow_the_shells(app: App) -> None:
    key(app, pygame.K_END)
    run(app, 3000)
    assert [s.depth for s in app.layout.slots] == list(range(6))
    for slot in app.layout.slots:
        pos = (slot.rect.centerx, round(slot.doll.top + slot.doll.height / 2))
        post(app, pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
        assert app.state.hover == ShelfDoll(slot.depth)


def test_clicking_a_timeline_bar_jumps_to_that_doll(app: App) -> None:
    strip = app.layout.timeline
    assert strip is not None
    stalin = next(b for b in strip.bars if b.depth is not None and b.doll.id == "stalin")
    click(app, (stalin.rect.centerx, stalin.rect.centery))
    assert app.state.target == stalin.depth
    run(app, 3000)
    assert caption(app).startswith("Joseph Stalin")
    # ...and back out again to a later figure.
    yeltsin = next(b for b in app.layout.timeline.bars if b.doll.id == "yeltsin")
    click(app, (yeltsin.rect.centerx, yeltsin.rect.centery))
    run(app, 3000)
    assert app.state.depth == 0
    names = " ".join(b.doll.name for b in app.layout.timeline.bars if b.ghost)
    assert "Malenkov" in names and "Andropov" in names and "Chernenko" in names


def test_an_edited_file_reloads_and_a_broken_edit_shows_its_errors(tmp_path: Path) -> None:
    source = catalog.resolve("trotsky-inside-lenin").path
    assert source is not None
    mine = tmp_path / "mine.yaml"
    good = source.read_text(encoding="utf-8").replace("id: trotsky-inside-lenin", "id: mine")
    mine.write_text(good, encoding="utf-8")
    sequences, problems = catalog.load_all([tmp_path])
    assert not [p for p in problems if p.severity == "error"]
    window = App(sequences, index=index_of(sequences, "mine"), watch=True)
    try:
        key(window, pygame.K_RIGHT)
        run(window, 800)
        kept = window.state.sequence.dolls[1].id
        renamed = good.replace("title: ", "title: Edited ", 1)
        mine.write_text(renamed, encoding="utf-8")
        os.utime(mine, ns=(1, 2_000_000_000_000_000_000))
        window.poll_files()
        assert window.state.sequence.title.startswith("Edited ")
        assert window.state.depth == 1 and window.state.sequence.dolls[1].id == kept
        assert window.state.errors == ()
        # A broken edit: the last good version stays, the errors say where.
        mine.write_text(renamed.replace("dolls:", "dollz:", 1), encoding="utf-8")
        os.utime(mine, ns=(1, 3_000_000_000_000_000_000))
        window.poll_files()
        assert window.state.sequence.title.startswith("Edited ")
        assert window.state.errors and all(str(mine) in e for e in window.state.errors)
        assert any(":" in e.split(str(mine), 1)[1][:6] for e in window.state.errors)  # line
        run(window, 16)
        assert window.layout.errors is not None
        # Fixed again: the overlay goes.
        mine.write_text(good, encoding="utf-8")
        os.utime(mine, ns=(1, 4_000_000_000_000_000_000))
        window.poll_files()
        assert window.state.errors == () and window.layout.errors is None
        assert not window.state.sequence.title.startswith("Edited ")
    finally:
        pygame.display.quit()


def test_an_edited_portrait_shows_at_once_on_the_doll_and_on_the_shelf(tmp_path: Path) -> None:
    # A doll names its portrait by path: a new picture in that file changes no sequence,
    # yet every cached painting of the doll (in front, on the shelf) must go.
    from PIL import Image

    folder = tmp_path / "sets"
    (folder / "portraits").mkdir(parents=True)
    face = folder / "portraits" / "face.png"
    Image.new("RGB", (60, 80), (220, 30, 30)).save(face)
    (folder / "mine.yaml").write_text(
        "format: matryoshka/1\nid: mine\ntitle: Mine\ndolls:\n"
        "  - {name: Anna Red, id: anna, portrait: portraits/face.png,\n"
        "     colors: {body: '#2e7d32', trim: white}}\n"
        "  - {name: Boris Plain, id: boris}\n  - {name: Vera Plain, id: vera}\n",
        encoding="utf-8",
    )
    sequences, _ = catalog.load_all([folder])
    window = App(sequences, index=index_of(sequences, "mine"), watch=True)

    def reds_and_blues(r: object) -> tuple[int, int]:
        rect = pygame.Rect(r.x, r.y, r.w, r.h)  # type: ignore[attr-defined]
        pixels = [window.surface.get_at((x, y)) for x in range(rect.x, rect.right, 2)
                  for y in range(rect.y, rect.bottom, 2)]  # fmt: skip
        return (sum(1 for c in pixels if c.r > 180 and c.g < 80 and c.b < 80),
                sum(1 for c in pixels if c.b > 180 and c.r < 80 and c.g < 80))  # fmt: skip

    try:
        window.draw()
        doll = window.layout.doll_rect
        before = reds_and_blues(doll)
        assert before[1] == 0  # no blue anywhere on the doll (its scarf is red)
        Image.new("RGB", (60, 80), (30, 30, 220)).save(face)
        os.utime(face, ns=(1, 2_000_000_000_000_000_000))
        window.poll_files()
        window.draw()
        after = reds_and_blues(doll)
        assert after[1] > 100 and after[0] < before[0]
        # Opened: the shell on the shelf wears the new picture too; edited again, at once.
        key(window, pygame.K_RIGHT)
        run(window, 1500)
        shelf = window.layout.shelf_area.slots[0].rect
        assert reds_and_blues(shelf)[1] > 5
        Image.new("RGB", (60, 80), (220, 30, 30)).save(face)
        os.utime(face, ns=(1, 3_000_000_000_000_000_000))
        window.poll_files()
        window.draw()
        assert reds_and_blues(shelf)[1] == 0
    finally:
        pygame.display.quit()


def test_a_file_broken_after_the_first_frame_shows_its_errors(tmp_path: Path) -> None:
    source = catalog.resolve("trotsky-inside-lenin").path
    assert source is not None
    mine = tmp_path / "mine.yaml"
    good = source.read_text(encoding="utf-8").replace("id: trotsky-inside-lenin", "id: mine")
    mine.write_text(good, encoding="utf-8")
    sequences, _ = catalog.load_all([tmp_path])
    window = App(sequences, index=index_of(sequences, "mine"), watch=True)
    try:
        window.draw()  # the layout of the first frame, with no errors in it
        mine.write_text(good.replace("dolls:", "dollz:", 1), encoding="utf-8")
        os.utime(mine, ns=(1, 3_000_000_000_000_000_000))
        window.poll_files()
        assert window.state.errors
        assert window.layout.errors is not None and window.layout.errors.lines
    finally:
        pygame.display.quit()


def test_a_file_named_on_the_command_line_is_its_own_catalog_tab(
    sequences: list[Sequence],
) -> None:
    relative = Path(os.path.relpath(catalog.resolve("market-1995").path or "", Path.cwd()))
    named = catalog.resolve(str(relative))
    tabs, index = choose_index(sequences, named, "lenin-at-centre")
    assert tabs == sequences and index == index_of(sequences, "market-1995")


def test_every_key_in_the_key_map_is_a_key_pygame_knows() -> None:
    from matryoshka.window.keymap import KEYMAP

    pygame.init()
    for row in KEYMAP:
        for binding in row.bindings:
            if binding.key == "?":
                continue  # matched by the typed character, on any layout
            code = pygame.key.key_code(binding.key)
            assert pygame.key.name(code) == binding.key, binding
            mods = pygame.KMOD_CTRL if binding.ctrl else 0
            mods |= pygame.KMOD_SHIFT if binding.shift else 0
            assert message_for_key(code, mods) == binding.message, binding


def test_the_window_lays_out_anew_whenever_the_layout_would_differ() -> None:
    # The cached layout is keyed on part of the state: whenever two states lay out
    # differently, their keys must differ too, or the window would show a stale layout.
    from matryoshka.window import state as S
    from matryoshka.window.app import layout_key
    from matryoshka.window.scene import Scene

    scene = Scene()
    sequences, _ = catalog.load_all()
    start = S.initial_state(sequences, reduced_motion=True)
    messages = [
        S.Open(),
        S.GoTo(3),
        S.ToggleHelp(),
        S.ToggleAbout(),
        S.TextScale(1),
        S.TextScale(-1),
        S.TogglePresentation(),
        S.FileErrors(("/x/a.yaml:1:1: error: bad",)),
        S.SwitchSequence(1),
        S.ScrollTabs(1),
        S.Escape(),
        S.CloseAll(),
    ]
    states = [start]
    for msg in messages:
        states.append(S.tick(S.update(states[-1], msg), 5000))
    states.append(S.update(states[8], S.Escape()))  # the errors folded
    size = (1280, 800)
    layouts = [scene.layout(size, s) for s in states]
    for i, (a, la) in enumerate(zip(states, layouts, strict=True)):
        for b, lb in zip(states[i + 1 :], layouts[i + 1 :], strict=True):
            if la != lb:
                assert layout_key(a, size) != layout_key(b, size), (a, b)


def test_the_window_paints_ahead_anew_whenever_the_next_moves_would_need_other_paintings() -> None:
    # What the window paints while idle (the next openings, the next info panels) is
    # redone when its key changes: whenever two states need different paintings or
    # panels, their keys must differ, or the next opening would paint cold.
    from matryoshka.window import state as S
    from matryoshka.window.app import warm_key
    from matryoshka.window.scene import Scene

    sequences, _ = catalog.load_all()
    start = S.initial_state(sequences, reduced_motion=True)
    states = [start]
    for msg in (
        S.Open(), S.TextScale(1), S.TextScale(3), S.TogglePresentation(),
        S.FileErrors(("/x/a.yaml:1:1: error: bad",)), S.Compare(1), S.LeaveComparison(),
        S.ShowToast("Saved"), S.Hover(S.CurrentDoll()), S.SwitchSequence(2), S.Open(),
    ):  # fmt: skip
        states.append(S.tick(S.update(states[-1], msg), 5000))
    size = (1280, 800)

    def ahead(state: S.State) -> tuple[object, ...]:
        scene = Scene()
        layout = scene.layout(size, state)
        panels = tuple(
            pygame.image.tobytes(scene.info_panel(state, layout, i), "RGBA")
            for i in (state.depth + 1, state.depth - 1)
            if layout.info is not None and 0 <= i < state.count
        )
        tasks = tuple((d.id, part, h) for d, part, h in scene.warm_tasks(state, layout))
        return tasks, panels, warm_key(state, layout)

    made = [ahead(s) for s in states]
    for i, a in enumerate(made):
        for b in made[i + 1 :]:
            if a[:2] != b[:2]:
                assert a[2] != b[2]
    # A message or the pointer over the doll changes nothing painted ahead.
    assert made[7][2] == made[8][2] == made[9][2]


def _key(key: int, unicode: str = "") -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=unicode)


def test_a_presenters_clicker_opens_with_page_down_and_closes_with_page_up(app: App) -> None:
    for key in (pygame.K_PAGEDOWN, pygame.K_DOWN):
        depth = app.state.target
        post(app, _key(key))
        assert app.state.target == depth + 1
    for key in (pygame.K_PAGEUP, pygame.K_UP):
        depth = app.state.target
        post(app, _key(key))
        assert app.state.target == depth - 1
    # In presentation mode too.
    post(app, _key(pygame.K_p, "p"), _key(pygame.K_PAGEDOWN))
    assert app.state.presentation and app.state.target == 1


BLANKS = [
    (pygame.K_b, "b", (0, 0, 0)),
    (pygame.K_PERIOD, ".", (0, 0, 0)),
    (pygame.K_w, "w", (255, 255, 255)),
]


@pytest.mark.parametrize(("key", "unicode", "color"), BLANKS)
def test_a_blank_screen_and_any_key_brings_the_picture_back_as_it_was(
    app: App, key: int, unicode: str, color: tuple[int, int, int]
) -> None:
    app.draw()
    before = pygame.image.tobytes(app.surface, "RGB")
    state = app.state
    post(app, _key(key, unicode))
    app.draw()
    assert app.surface.get_at((5, 5))[:3] == color
    assert app.surface.get_at((640, 400))[:3] == color
    post(app, _key(pygame.K_SPACE, " "))  # brings the picture back, opens nothing
    assert app.state == state
    app.draw()
    assert pygame.image.tobytes(app.surface, "RGB") == before


def test_every_toggle_says_briefly_what_it_did(app: App) -> None:
    for key, unicode, words in (
        (pygame.K_m, "m", "Reduced motion"),
        (pygame.K_p, "p", "Presentation mode"),
    ):
        post(app, _key(key, unicode))
        assert app.state.toast is not None and words in app.state.toast.message
    post(app, pygame.event.Event(pygame.KEYDOWN, key=pygame.K_EQUALS, mod=pygame.KMOD_CTRL))
    assert app.state.toast is not None and "Text size 115%" in app.state.toast.message


def test_one_press_of_f11_toggles_fullscreen_once(app: App) -> None:
    f11 = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F11, mod=0, unicode="")
    up = pygame.event.Event(pygame.KEYUP, key=pygame.K_F11, mod=0)
    post(app, f11, f11, f11)  # the press, delivered again as the window changes mode
    assert app.state.fullscreen
    post(app, up, f11)
    assert not app.state.fullscreen


def test_a_second_export_of_the_same_doll_says_it_made_a_copy(
    sequences: list[Sequence], tmp_path: Path
) -> None:
    from matryoshka.window import state as S
    from matryoshka.window.exporting import ExportRunner

    runner = ExportRunner()
    state = S.update(S.initial_state(sequences), S.RequestExport("doll"))
    said = []
    for _ in range(2):
        msg = None
        while not isinstance(msg, S.ExportFinished):
            msg = runner.step(state, tmp_path)
        said.append(msg)
    assert said[0].message.startswith("Saved ") and "copy" not in said[0].message
    assert said[1].message.startswith("Saved a copy as ") and "-2.png" in said[1].message
    assert said[1].folder == str(tmp_path)


def test_the_export_button_opens_a_menu_used_by_mouse_or_keys(app: App, tmp_path: Path) -> None:
    export = app.layout.button("export")
    assert export is not None
    click(app, (export.centerx, export.centery))
    assert app.state.export_menu_open and app.state.export is None
    menu = app.layout.menu
    assert menu is not None
    key(app, pygame.K_DOWN)  # the arrows move in the menu, not through the dolls
    assert app.state.menu_focus == 1 and app.state.target == 0
    key(app, pygame.K_ESCAPE)
    assert not app.state.export_menu_open
    key(app, pygame.K_x)
    line = app.layout.menu.lines[2] if app.layout.menu is not None else None
    assert line is not None and line.label == "The line-up"
    click(app, (line.rect.centerx, line.rect.centery))
    assert not app.state.export_menu_open
    assert app.state.export is not None and app.state.export.kind == "lineup"


def test_v_key_saves_the_animation_as_mp4_video(app: App, tmp_path: Path) -> None:
    key(app, pygame.K_END)
    run(app, 3000)
    key(app, pygame.K_LEFT)
    run(app, 1000)  # the animation opens the last two dolls only
    key(app, pygame.K_v)
    assert app.state.export is not None and app.state.export.suffix == ".mp4"
    run_until_exported(app)
    assert app.state.toast is not None and not app.state.toast.failed, app.state.toast
    files = [f.name for f in (tmp_path / "pictures").iterdir()]
    assert files == ["market-1995_opening.mp4"]
    assert (tmp_path / "pictures" / files[0]).read_bytes()[4:8] == b"ftyp"


def test_the_wheel_zooms_the_timeline_and_a_drag_moves_it(app: App) -> None:
    strip = app.layout.timeline
    assert strip is not None
    over = (strip.left + strip.width // 2, strip.axis_y - 4)
    motion = pygame.event.Event(pygame.MOUSEMOTION, pos=over, rel=(0, 0), buttons=(0, 0, 0))
    wheel = pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False)
    post(app, motion, wheel, wheel, wheel)
    assert app.state.timeline_zoom > 2.5
    zoomed = app.layout.timeline
    assert zoomed is not None and zoomed.ticks != strip.ticks  # finer years
    start = app.state.timeline_start
    target = app.state.target
    press = (zoomed.left + zoomed.width // 2, zoomed.axis_y - 4)
    drag = (press[0] + zoomed.width // 4, press[1])
    post(
        app,
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=press, button=1),
        pygame.event.Event(pygame.MOUSEMOTION, pos=drag, rel=(0, 0), buttons=(1, 0, 0)),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=drag, button=1),
    )
    assert app.state.timeline_start < start  # dragged right: earlier years come in
    assert app.state.target == target  # a drag is not a click on a bar
    post(app, motion, pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-20, flipped=False))
    assert app.state.timeline_zoom == 1.0
