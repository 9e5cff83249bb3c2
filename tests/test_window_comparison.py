"""The comparison in the window (C): opened, stepped, clicked, saved and left, headless."""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from golden_images import check_golden
from PIL import Image

from matryoshka import painter
from matryoshka.commands import view
from matryoshka.errors import MatryoshkaError
from matryoshka.format import catalog
from matryoshka.format.model import Sequence
from matryoshka.pgcompat import pygame
from matryoshka.window.app import App
from matryoshka.window.layout import hit_test
from matryoshka.window.settings import Settings
from matryoshka.window.state import (
    Compare,
    ComparedDoll,
    CompareStep,
    CurrentDoll,
    Escape,
    Open,
    OpenToCore,
    RequestExport,
    initial_state,
    problems,
    update,
)

GOLDEN = Path(__file__).parent / "golden" / "window"
TODAY = time.struct_time((2024, 9, 1, 12, 0, 0, 6, 245, -1))


@pytest.fixture(scope="module")
def sequences() -> list[Sequence]:
    seqs, found = catalog.load_all()
    assert not [p for p in found if p.severity == "error"]
    return seqs


def index_of(sequences: list[Sequence], seq_id: str) -> int:
    return next(i for i, s in enumerate(sequences) if s.id == seq_id)


@pytest.fixture
def app(sequences: list[Sequence], tmp_path: Path) -> Iterator[App]:
    window = App(
        sequences,
        index=index_of(sequences, "market-1995"),
        settings=Settings(window=(1280, 800)),
        export_folder=tmp_path / "pictures",
    )
    yield window
    pygame.display.quit()


def post(app: App, *events: pygame.event.Event) -> None:
    pygame.event.clear()
    for event in events:
        pygame.event.post(event)
    app.process(pygame.event.get(), 0)
    app.draw()


def key(app: App, k: int, mod: int = 0, unicode: str = "") -> None:
    post(app, pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=unicode, scancode=0))


def click(app: App, pos: tuple[int, int]) -> None:
    post(
        app,
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
    )


def settle(app: App) -> None:
    for _ in range(600):
        if not app.state.animating:
            break
        app.process([], 100)
    app.draw()


def item_centre(app: App, row: int, doll_id: str) -> tuple[int, int]:
    area = app.layout.comparison
    assert area is not None
    item = next(i for i in area.picture.items if i.row == row and i.doll.id == doll_id)
    return round(item.cx), round(item.top + item.height / 2)


def test_c_compares_with_the_next_set_and_steps_through_the_others(
    sequences: list[Sequence],
) -> None:
    s = initial_state(sequences, index_of(sequences, "market-1995"))
    ids = []
    for _ in range(4):
        s = update(s, Compare(1))
        assert not problems(s)
        ids.append(s.compared.id if s.compared else None)
    # Never the set on screen itself: round the others and back to the first.
    assert ids == [
        "lenin-at-centre",
        "trotsky-inside-lenin",
        "soviet-chronology",
        "lenin-at-centre",
    ]
    s = update(s, Compare(-1))
    assert s.compared is not None and s.compared.id == "soviet-chronology"
    s = update(s, Escape())
    assert s.compare is None
    alone = update(initial_state(sequences[:1]), Compare(1))
    assert (
        alone.compare is None
        and alone.toast is not None
        and "only one" in alone.toast.message.lower()
    )


def test_the_comparison_replaces_the_dolls_and_says_so_in_the_title(app: App) -> None:
    key(app, pygame.K_c, unicode="c")
    assert app.state.compared is not None and app.state.compared.id == "lenin-at-centre"
    assert pygame.display.get_caption()[0].startswith(
        "The market set, Moscow 1995 compared with Lenin at the centre"
    )
    layout = app.layout
    assert layout.comparison is not None
    # The doll on the stage no longer answers the pointer; the comparison's dolls do.
    assert CurrentDoll() not in [t for _, t in layout.targets]
    assert hit_test(layout, item_centre(app, 1, "trotsky")) == ComparedDoll(
        index_of(app.state.sequences, "lenin-at-centre"), 4
    )
    key(app, pygame.K_c, pygame.KMOD_SHIFT, "C")
    assert app.state.compared.id == "soviet-chronology"
    key(app, pygame.K_ESCAPE)
    assert app.state.compare is None and app.layout.comparison is None


def test_clicking_a_doll_or_a_ghost_opens_it_in_its_own_set(app: App) -> None:
    key(app, pygame.K_c, unicode="c")
    key(app, pygame.K_c, unicode="c")  # Trotsky inside Lenin
    assert app.state.compared.id == "trotsky-inside-lenin"
    # Trotsky is a ghost in the market set's row: he opens in the set that has him.
    click(app, item_centre(app, 0, "trotsky"))
    settle(app)
    assert app.state.compare is None
    assert app.state.sequence.id == "trotsky-inside-lenin"
    assert app.state.sequence.dolls[app.state.depth].id == "trotsky"
    # Back to the comparison (now from the Trotsky set), and a real doll of the top row.
    key(app, pygame.K_c, unicode="c")
    click(app, item_centre(app, 0, "brezhnev"))
    settle(app)
    assert app.state.sequence.id == "trotsky-inside-lenin"
    assert app.state.sequence.dolls[app.state.depth].id == "brezhnev"


def test_the_arrows_and_the_compare_button_pick_the_other_set(app: App) -> None:
    bar = app.layout.button("compare")
    assert bar is not None
    click(app, (round(bar.centerx), round(bar.centery)))
    assert app.state.compared.id == "lenin-at-centre"
    area = app.layout.comparison
    assert hit_test(
        app.layout, (round(area.next.centerx), round(area.next.centery))
    ) == CompareStep(1)
    click(app, (round(area.next.centerx), round(area.next.centery)))
    assert app.state.compared.id == "trotsky-inside-lenin"
    area = app.layout.comparison
    click(app, (round(area.close.centerx), round(area.close.centery)))
    assert app.state.compare is None


def test_e_saves_the_comparison_on_screen(app: App, tmp_path: Path) -> None:
    key(app, pygame.K_c, unicode="c")
    key(app, pygame.K_c, unicode="c")
    key(app, pygame.K_e, unicode="e")
    assert app.state.export is not None and app.state.export.kind == "comparison"
    deadline = time.monotonic() + 60  # generous: the file is encoded in another thread
    while app.state.export is not None and time.monotonic() < deadline:
        app.process([], 16)
        time.sleep(0.01)
    assert app.state.toast is not None and not app.state.toast.failed, app.state.toast
    (saved,) = (tmp_path / "pictures").iterdir()
    assert saved.name == "market-1995_vs_trotsky-inside-lenin.png"
    assert Image.open(saved).text["matryoshka:crossed-pairs"] == "1"


@pytest.mark.parametrize("size", [(1280, 800), (800, 600)])
def test_nothing_overlaps_or_leaves_the_window(sequences: list[Sequence], size) -> None:
    window = App(
        sequences, index=index_of(sequences, "market-1995"), settings=Settings(window=size)
    )
    try:
        for _ in range(3):
            key(window, pygame.K_c, unicode="c")
            area = window.layout.comparison
            assert area is not None
            w, h = size
            buttons = [area.prev, area.next, area.close]
            for a in buttons:
                assert a.x >= 0 and a.right <= w
            assert area.next.right < area.close.x
            for item in area.picture.items:
                assert item.cx - item.height * 0.31 >= 0 and item.cx + item.height * 0.31 <= w
                assert area.prev.bottom < item.top and item.label_y < h
                assert item.name, item.doll.name
            last = area.picture.legend[-1]
            assert last[3] + 14 < h
    finally:
        pygame.display.quit()


def test_the_comparison_picture(monkeypatch: pytest.MonkeyPatch, sequences: list[Sequence]) -> None:
    monkeypatch.setattr(time, "localtime", lambda *_: TODAY)
    painter.clear_cache()
    window = App(
        sequences, index=index_of(sequences, "market-1995"), settings=Settings(window=(1280, 800))
    )
    try:
        key(window, pygame.K_c, unicode="c")
        key(window, pygame.K_c, unicode="c")
        check_golden(window.surface, GOLDEN / "comparison.png")
    finally:
        pygame.display.quit()


def test_view_compare_opens_on_the_comparison(monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[App] = []

    def run(self: App) -> int:
        shown.append(self)
        return 0

    monkeypatch.setattr(App, "run", run)
    args = argparse.Namespace(
        sequence="market-1995",
        compare="trotsky-inside-lenin",
        sequence_defaulted=False,
        reduced_motion=False,
    )
    try:
        assert view.run(args) == 0
        state = shown[0].state
        assert state.sequence.id == "market-1995" and state.compared.id == "trotsky-inside-lenin"
        same = argparse.Namespace(
            sequence="market-1995",
            compare="market-1995",
            sequence_defaulted=False,
            reduced_motion=False,
        )
        with pytest.raises(MatryoshkaError, match="--compare names the set shown"):
            view.run(same)
    finally:
        pygame.display.quit()


def test_a_comparison_asked_for_by_name_is_with_the_next_set(sequences: list[Sequence]) -> None:
    s = update(initial_state(sequences, index_of(sequences, "trotsky-inside-lenin")),
               RequestExport("comparison"))  # fmt: skip
    assert s.export is not None and s.export.kind == "comparison"
    assert s.export.other_index == index_of(sequences, "soviet-chronology")
    assert s.compare is None  # the window keeps showing the dolls


def test_the_dolls_behind_the_comparison_do_not_move(sequences: list[Sequence]) -> None:
    s = update(initial_state(sequences), Compare(1))
    for msg in (Open(), OpenToCore()):
        s = update(s, msg)
    assert s.depth == 0 and s.target == 0 and not s.animating
