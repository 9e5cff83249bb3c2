"""The real window under a virtual X server, driven by xdotool as a user would drive it.

Starts ``python -m matryoshka`` on a fresh Xvfb display with an empty home folder, clicks
the doll, checks (by the window title, which names the doll in front, and by a
screenshot of the X screen) that it opened, opens to the core, closes back from the
shelf, switches sequence with Tab and by clicking a tab, and quits with Ctrl+Q.

Skipped only when Xvfb or xdotool is missing and the CI variable is not set; in CI
(``.ci/run`` installs both) it always runs. Set MATRYOSHKA_SCREENSHOTS=DIR to keep the
screenshots.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import ImageChops

from matryoshka.format import catalog
from matryoshka.pgcompat import pygame
from matryoshka.window import state as S
from matryoshka.window.layout import Layout
from matryoshka.window.scene import Scene

pytestmark = pytest.mark.xvfb

REPO = Path(__file__).resolve().parents[1]
TOOLS = ("Xvfb", "xdotool")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]

if MISSING and not os.environ.get("CI"):
    pytest.skip(f"needs {' and '.join(MISSING)} (apt-get install xvfb xdotool)",
                allow_module_level=True)  # fmt: skip


@dataclass
class Screen:
    display: str
    env: dict[str, str]

    def xdotool(self, *args: str) -> str:
        result = subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=20
        )
        return result.stdout.strip()

    def grab(self, name: str, shots: Path) -> object:
        from PIL import ImageGrab

        image = ImageGrab.grab(xdisplay=self.display)
        image.save(shots / f"{name}.png")
        return image


@pytest.fixture
def screen(tmp_path: Path) -> Iterator[Screen]:
    assert not MISSING, f"CI is set but {MISSING} are not installed"
    read, write = os.pipe()
    # -displayfd: Xvfb picks a free display number itself and writes it to the pipe.
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        number = b""
        deadline = time.monotonic() + 20
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            chunk = os.read(read, 16)
            if not chunk:
                break
            number += chunk
        os.close(read)
        assert number.strip(), "Xvfb did not start"
        display = f":{number.decode().strip()}"
        home = tmp_path / "home"
        home.mkdir()
        env = {k: v for k, v in os.environ.items()
               if k not in ("SDL_VIDEODRIVER", "WAYLAND_DISPLAY", "SDL_AUDIODRIVER")}  # fmt: skip
        env.update(
            DISPLAY=display,
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_DATA_HOME=str(home / ".local" / "share"),
            XDG_RUNTIME_DIR=str(tmp_path),
            SDL_AUDIODRIVER="dummy",
        )
        yield Screen(display, env)
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


#: How long a step may take at most. A step ends as soon as its state is reached; this
#: only bounds a window that never gets there, so it is generous for a loaded machine.
STEP_SECONDS = 90.0
#: The program under test, so that waiting stops at once if it has ended.
_running: list[subprocess.Popen[bytes]] = []


def wait_for(check: Callable[[], bool], what: str, seconds: float = STEP_SECONDS) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        if any(proc.poll() is not None for proc in _running):
            raise AssertionError(f"the window ended while waiting for {what}")
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def test_a_user_opens_closes_and_switches_in_a_real_window(screen: Screen, tmp_path: Path) -> None:
    shots = Path(os.environ.get("MATRYOSHKA_SCREENSHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    log = (tmp_path / "window.log").open("w")
    window = subprocess.Popen(
        [sys.executable, "-m", "matryoshka"], cwd=REPO, env=screen.env, stdout=log, stderr=log
    )
    _running[:] = [window]
    try:
        found: list[str] = []

        def window_listed() -> bool:
            # By process id: xdotool's --name search misses UTF-8 titles like ours.
            found[:] = screen.xdotool("search", "--pid", str(window.pid)).split()
            return bool(found)

        wait_for(window_listed, "the window to appear")
        wid = found[0]
        title = lambda: screen.xdotool("getwindowname", wid)  # noqa: E731
        wait_for(lambda: title().startswith("Boris Yeltsin"), "the market set's outer doll")
        geometry = dict(
            line.split("=", 1)
            for line in screen.xdotool("getwindowgeometry", "--shell", wid).splitlines()
        )
        x0, y0 = int(geometry["X"]), int(geometry["Y"])
        size = (int(geometry["WIDTH"]), int(geometry["HEIGHT"]))
        assert size == (1280, 800)

        # Where things are, from the same layout the window computes.
        pygame.font.init()
        scene = Scene()
        sequences, _ = catalog.load_all()
        market = next(i for i, s in enumerate(sequences) if s.id == "market-1995")
        state = S.initial_state(sequences, market)

        def layout_at(depth: int, index: int = market) -> Layout:
            s = S.update(S.initial_state(sequences, index, reduced_motion=True), S.GoTo(depth))
            return scene.layout(size, s)

        def click(pos: tuple[int, int]) -> None:
            screen.xdotool("mousemove", str(x0 + pos[0]), str(y0 + pos[1]), "click", "1")

        def doll_pos(layout: Layout) -> tuple[int, int]:
            r = layout.doll_rect
            return (r.centerx, r.y + r.h * 2 // 3)

        before = screen.grab("01-start", shots)
        click(doll_pos(layout_at(0)))
        wait_for(lambda: title().startswith("Mikhail Gorbachev"), "the doll to open")
        time.sleep(1.2)
        after = screen.grab("02-opened-one", shots)
        slot = layout_at(1).slots[0].doll
        spot = (x0 + round(slot.cx), y0 + round(slot.top + slot.height * 0.3))
        assert before.getpixel(spot) != after.getpixel(spot), "no shell on the shelf"

        # Open doll by doll to the core with real clicks.
        names = [d.name for d in state.sequence.dolls]
        for depth in range(1, len(names) - 1):
            click(doll_pos(layout_at(depth)))
            wait_for(lambda d=depth: title().startswith(names[d + 1]), f"doll {depth + 2}")
            time.sleep(0.9)
        assert title().startswith("Nicholas II")
        screen.grab("03-core", shots)

        # Close back from the shelf: click Brezhnev's shell.
        shelf = layout_at(len(names) - 1).slots[2]
        click((shelf.rect.centerx, round(shelf.doll.top + shelf.doll.height / 2)))
        wait_for(lambda: title().startswith("Leonid Brezhnev"), "closing back to Brezhnev")
        time.sleep(2.5)
        screen.grab("04-closed-back", shots)

        # A presenter's clicker sends Page Down and Page Up: one doll on, one back.
        screen.xdotool("key", "Next")
        wait_for(lambda: title().startswith("Nikita Khrushchev"), "Page Down to open")
        screen.xdotool("key", "Prior")
        wait_for(lambda: title().startswith("Leonid Brezhnev"), "Page Up to close")

        box = (x0, y0, x0 + size[0], y0 + size[1])
        last: list[Any] = [None]

        def still(name: str) -> bool:
            """Two screenshots in a row are the same: nothing moves in the window."""
            shot = screen.grab(name, shots).crop(box)  # type: ignore[attr-defined]
            same = last[0] is not None and ImageChops.difference(shot, last[0]).getbbox() is None
            last[0] = shot
            return same

        def filled(name: str, level: int) -> bool:
            shot = screen.grab(name, shots).crop(box)  # type: ignore[attr-defined]
            return shot.getextrema() == ((level, level),) * 3

        wait_for(lambda: still("04b-settled"), "the closing to end")
        shown = last[0]
        # B blacks the screen out and W whites it out; any key or click brings the very
        # same picture back, and does nothing else.
        screen.xdotool("key", "b")
        wait_for(lambda: filled("04c-black", 0), "a black screen")
        screen.xdotool("key", "space")
        wait_for(lambda: still("04d-back") and ImageChops.difference(last[0], shown).getbbox()
                 is None, "the same picture back")  # fmt: skip
        assert title().startswith("Leonid Brezhnev")  # Space only unblanked
        screen.xdotool("key", "w")
        wait_for(lambda: filled("04e-white", 255), "a white screen")
        screen.xdotool("click", "1")  # where the pointer is: no new hover to draw
        wait_for(lambda: still("04f-back") and ImageChops.difference(last[0], shown).getbbox()
                 is None, "the picture back after a click")  # fmt: skip
        assert title().startswith("Leonid Brezhnev")

        # Tab switches to the next sequence, from its outermost doll.
        screen.xdotool("key", "Tab")
        following = sequences[(market + 1) % len(sequences)]
        wait_for(lambda: following.title in title(), "Tab to switch sequence")
        assert title().startswith(following.dolls[0].name)
        time.sleep(0.3)
        screen.grab("05-tab", shots)

        # Click the chronology's tab, then the "Lenin at the centre" tab, and open that
        # all the way to Lenin.
        chronology = next(i for i, s in enumerate(sequences) if s.id == "soviet-chronology")
        tab = next(t for t in layout_at(0, chronology).tabs if t.index == chronology)
        click((tab.rect.centerx, tab.rect.centery))
        wait_for(lambda: sequences[chronology].title in title(), "the chronology's tab")
        lenin = next(i for i, s in enumerate(sequences) if s.id == "lenin-at-centre")
        tab = next(t for t in layout_at(0, lenin).tabs if t.index == lenin)
        click((tab.rect.centerx, tab.rect.centery))
        wait_for(lambda: "Lenin at the centre" in title(), "the Lenin tab")
        for depth in range(len(sequences[lenin].dolls) - 1):
            click(doll_pos(layout_at(depth, lenin)))
            time.sleep(0.9)
        wait_for(lambda: title().startswith("Vladimir Lenin"), "Lenin at the core")
        screen.grab("06-lenin", shots)

        # A resize is laid out afresh: the Export button moves to the new right edge.
        screen.xdotool("windowsize", wid, "900", "650")
        export = scene.layout((900, 650), state).button("export")
        assert export is not None
        spot = (x0 + export.x + 6, y0 + export.centery)
        wait_for(
            lambda: (
                screen.grab("07-resized", shots).getpixel(spot)[0]
                > 150
                > sum(screen.grab("07-resized", shots).getpixel(spot)[1:]) / 2
            ),
            "the resized layout",
        )

        # Put the window somewhere else: fullscreen and back must bring it back there.
        screen.xdotool("windowmove", wid, "123", "77")

        def placed() -> dict[str, str]:
            shell = screen.xdotool("getwindowgeometry", "--shell", wid).splitlines()
            return dict(line.split("=", 1) for line in shell if "=" in line)

        wait_for(lambda: (placed().get("X"), placed().get("Y")) == ("123", "77"), "the move")

        # F11 fills the screen, Esc comes back to the window.
        def sizes() -> list[str]:
            ids = screen.xdotool("search", "--pid", str(window.pid)).split()
            return [screen.xdotool("getwindowgeometry", "--shell", i) for i in ids]

        screen.xdotool("key", "F11")
        wait_for(lambda: any("WIDTH=1600\nHEIGHT=1000" in g for g in sizes()), "fullscreen")
        time.sleep(0.5)
        screen.grab("08-fullscreen", shots)
        # With no window manager, keys go to the window under the pointer.
        screen.xdotool("mousemove", "800", "500")
        screen.xdotool("key", "Escape")
        wait_for(lambda: not any("WIDTH=1600\nHEIGHT=1000" in g for g in sizes()), "a window")

        # Keys go to the window under the pointer: point at the restored window itself.
        def restored() -> dict[str, str] | None:
            for wid_now in screen.xdotool("search", "--pid", str(window.pid)).split():
                shell = screen.xdotool("getwindowgeometry", "--shell", wid_now).splitlines()
                geometry = dict(line.split("=", 1) for line in shell if "=" in line)
                if geometry.get("WIDTH") == "900" and geometry.get("HEIGHT") == "650":
                    return geometry
            return None

        wait_for(lambda: restored() is not None, "the window back at 900x650")
        back = restored()
        assert back is not None
        # ...at the same place it had before.
        wait_for(lambda: (restored() or {}).get("X") == "123", "the window's old place")
        back = restored()
        assert back is not None and (back["X"], back["Y"]) == ("123", "77"), back
        screen.xdotool("mousemove", str(int(back["X"]) + 450), str(int(back["Y"]) + 325))
        time.sleep(0.3)
        screen.xdotool("key", "ctrl+q")
        _running.clear()  # it is meant to end now
        assert window.wait(STEP_SECONDS) == 0
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
        log.close()
    output = (tmp_path / "window.log").read_text()
    assert "Traceback" not in output, output
    settings = Path(screen.env["XDG_CONFIG_HOME"]) / "matryoshka" / "settings.json"
    assert '"lenin-at-centre"' in settings.read_text()  # remembered for next time
