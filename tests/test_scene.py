"""Drawing whole frames off-screen: what the user would see, checked by its pixels."""

from __future__ import annotations

import pytest

from matryoshka import theme
from matryoshka.format import catalog
from matryoshka.format.model import Doll, PartialDate, Sequence
from matryoshka.pgcompat import pygame
from matryoshka.window import state as S
from matryoshka.window.components.info import presenter_text
from matryoshka.window.scene import Scene, Text, dates_line


@pytest.fixture(scope="module")
def scene() -> Scene:
    pygame.font.init()
    return Scene()


@pytest.fixture(scope="module")
def market() -> Sequence:
    return catalog.resolve("market-1995")


def frame(scene: Scene, state: S.State, size: tuple[int, int] = (1280, 800)) -> pygame.Surface:
    surface = pygame.Surface(size)
    scene.render(surface, state, scene.layout(size, state))
    return surface


def rest(state: S.State) -> S.State:
    for _ in range(500):
        if state.motion is None:
            return state
        state = S.tick(state, 16)
    raise AssertionError("never settled")


def ink_in(surface: pygame.Surface, rect: pygame.Rect, near: tuple[int, int, int]) -> int:
    """How many pixels in ``rect`` are close to the colour ``near``."""
    count = 0
    for y in range(rect.y, rect.bottom, 2):
        for x in range(rect.x, rect.right, 2):
            c = surface.get_at((x, y))
            if abs(c.r - near[0]) + abs(c.g - near[1]) + abs(c.b - near[2]) < 60:
                count += 1
    return count


def doll(start: PartialDate | None, end: PartialDate | None) -> Doll:
    return Doll(name="X", id="x", start=start, end=end)


def test_dates_line_says_the_tenure_in_words() -> None:
    assert dates_line(doll(PartialDate(1964, 10, 14), PartialDate(1982, 11, 10))) == (
        "1964–1982, 18 years"
    )
    assert dates_line(doll(PartialDate(1982, 11, 12), PartialDate(1984, 2, 9))) == (
        "1982–1984, 15 months"
    )
    assert dates_line(doll(PartialDate(1917, 3, 15), PartialDate(1917, 7, 21))) == (
        "1917, 4 months"
    )
    assert dates_line(doll(PartialDate(1917, 3, 1), PartialDate(1917, 3, 5))) == "1917, 4 days"
    assert dates_line(doll(PartialDate(2012, 5, 7), None)) == "since 2012"
    assert dates_line(doll(None, None)) == ""
    assert dates_line(doll(PartialDate(-44), PartialDate(-27))) == "45–28 BCE, 17 years"


def test_the_doll_the_panel_and_the_background_are_where_the_layout_says(
    scene: Scene, market: Sequence
) -> None:
    state = S.initial_state((market,))
    layout = scene.layout((1280, 800), state)
    surface = frame(scene, state)
    corner = surface.get_at((layout.stage.x + 4, layout.stage.y + 4))
    assert abs(corner.r - theme.BACKGROUND[0]) < 20 and abs(corner.b - theme.BACKGROUND[2]) < 30
    d = layout.doll_rect
    body = pygame.Rect(d.x + d.w // 4, d.y + d.h // 2, d.w // 2, d.h // 3)
    assert ink_in(surface, body, tuple(corner)[:3]) < body.w * body.h // 8  # painted, not bare
    assert layout.info is not None
    panel = pygame.Rect(layout.info.x, layout.info.y, layout.info.w, layout.info.h // 3)
    assert ink_in(surface, panel, theme.INK) > 100  # the name and dates are written there


def test_mid_opening_differs_from_rest_and_from_the_next_doll(
    scene: Scene, market: Sequence
) -> None:
    state = S.initial_state((market,))
    closed = frame(scene, state)
    moving = S.tick(S.update(state, S.Open()), 300)
    opened = frame(scene, rest(moving))
    middle = frame(scene, moving)
    grab = pygame.image.tobytes
    assert grab(middle, "RGB") != grab(closed, "RGB")
    assert grab(middle, "RGB") != grab(opened, "RGB")


def test_every_overlay_and_mode_draws_at_every_size(scene: Scene, market: Sequence) -> None:
    big = Sequence(
        id="big",
        title="A long line",
        dolls=tuple(Doll(name=f"Figure {i}", id=f"f{i}") for i in range(120)),
    )
    base = S.initial_state((market, big), reduced_motion=True)
    states = [
        base,
        S.update(base, S.ToggleHelp()),
        S.update(base, S.ToggleAbout()),
        S.update(base, S.TogglePresentation()),
        S.update(S.update(base, S.OpenToCore()), S.Open()),  # core, with its toast
        S.update(S.update(base, S.SwitchSequence(1)), S.GoTo(80)),
        S.update(S.update(S.update(base, S.SwitchSequence(1)), S.GoTo(80)), S.TogglePicker()),
        S.update(base, S.RequestExport("animation")),
        S.update(base, S.TextScale(1))._replace(text_step=S.TEXT_STEP_MAX),
    ]
    for size in [(800, 600), (1280, 800), (1920, 1080), (400, 300)]:
        for state in states:
            frame(scene, state, size)


def test_help_lists_every_key_in_readable_text(scene: Scene, market: Sequence) -> None:
    state = S.update(S.initial_state((market,)), S.ToggleHelp())
    for size in [(800, 600), (1280, 800)]:
        layout = scene.layout(size, state)
        assert layout.help is not None and layout.help.size >= 12
        surface = frame(scene, state, size)
        panel = layout.help.panel
        assert ink_in(surface, pygame.Rect(panel.x, panel.y, panel.w, panel.h), theme.ACCENT) > 200


def test_presentation_shows_the_name_above_the_doll(scene: Scene, market: Sequence) -> None:
    state = S.update(S.initial_state((market,)), S.TogglePresentation())
    layout = scene.layout((1280, 800), state)
    assert layout.title_rect is not None and layout.info is None and not layout.tabs
    surface = frame(scene, state)
    title = layout.title_rect
    assert ink_in(surface, pygame.Rect(title.x, title.y, title.w, title.h), theme.INK) > 50


def test_presentation_sets_arabic_and_hebrew_from_the_right(scene: Scene) -> None:
    caption = "حكم نحو ثلاثين عامًا حتى ثورة يناير 2011."
    mubarak = Doll(name="محمد حسني مبارك", id="m", office="رئيس الجمهورية", caption=caption,
                   start=PartialDate(1981), end=PartialDate(2011))  # fmt: skip
    seq = Sequence(id="eg", title="مصر", dolls=(mubarak, Doll(name="أنور السادات", id="s")))
    for size in [(800, 600), (1280, 800)]:
        state = S.update(S.initial_state((seq,)), S.TogglePresentation())
        layout = scene.layout(size, state)
        title = layout.title_rect
        assert title is not None
        surface = frame(scene, state, size)
        shown = presenter_text(seq.dolls[0], title, size[1], layout.fonts, Text())
        office = next(line for line in shown.lines if line.text == "رئيس الجمهورية")
        dates = next(line for line in shown.lines if line.text.startswith("1981"))
        quarter = title.w // 4
        office_row = pygame.Rect(title.x, office.y, title.w, Text().line_height(office.size))
        dates_row = pygame.Rect(title.x, dates.y, quarter, Text().line_height(dates.size))
        # The short Arabic line starts at the right of the column, leaving its left empty;
        # the dates, in Latin digits and words, start at the left.
        assert ink_in(surface, office_row.clip(office_row.move(office_row.w - quarter, 0)),
                      theme.INK_SOFT), size  # fmt: skip
        assert not ink_in(surface, office_row.clip(office_row.move(quarter - office_row.w, 0)),
                          theme.INK_SOFT), size  # fmt: skip
        assert ink_in(surface, dates_row, theme.INK), size


def test_text_measures_and_caches() -> None:
    text = Text()
    assert text.width("Boris Yeltsin", 20) > text.width("Boris", 20) > 0
    assert text.width("Boris", 20, bold=True) >= text.width("Boris", 20)
    assert text.render("Ленин", 18, theme.INK) is text.render("Ленин", 18, theme.INK)
    assert text.line_height(30) > text.line_height(15)


def test_info_panel_says_who_really_came_before(scene: Scene) -> None:
    sequences, _ = catalog.load_all()
    market = next(i for i, s in enumerate(sequences) if s.id == "market-1995")
    state = S.initial_state(sequences, market)
    khrushchev = state.sequence.index_of("khrushchev")
    note = scene.chronology_note(state, khrushchev)
    assert note is not None and note.startswith("Inside: Joseph Stalin")
    assert "Malenkov" in note
    assert scene.chronology_note(state, state.sequence.index_of("brezhnev")) is None
    alone = S.initial_state((state.sequence,))  # no reference loaded: nothing to say
    assert scene.chronology_note(alone, khrushchev) is None


def test_hovering_a_timeline_bar_shows_its_name_and_dates(scene: Scene) -> None:
    sequences, _ = catalog.load_all()
    market = next(i for i, s in enumerate(sequences) if s.id == "market-1995")
    state = S.initial_state(sequences, market)
    layout = scene.layout((1280, 800), state)
    assert layout.timeline is not None
    strip = layout.timeline
    # In the strip's own title line, covering nothing else: not the shelf's names above.
    title = pygame.Rect(strip.rect.x + 20, strip.title_y + 2, strip.rect.w - 40, 12)
    above = pygame.Rect(0, layout.shelf.y, 1280, strip.rect.y - layout.shelf.y)
    plain = frame(scene, state)
    hovered = frame(scene, S.update(state, S.Hover(S.TimelineBar(5))))
    assert ink_in(hovered, title, theme.TOAST) > ink_in(plain, title, theme.TOAST) + 100
    assert pygame.image.tobytes(hovered.subsurface(above), "RGB") == pygame.image.tobytes(
        plain.subsurface(above), "RGB"
    )
