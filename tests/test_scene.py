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


# --- The caches are keyed on exactly what they draw -------------------------------------
# Each state below changes one thing from the one before it (or from the first), through
# the messages the window sends. Drawn by a fresh Scene (nothing cached), two states whose
# pictures differ must have different keys, or a cached picture would go stale on screen.

SIZE = (1280, 800)


def _edited(sequence: Sequence, depth: int, **changes: object) -> Sequence:
    from dataclasses import replace

    dolls = list(sequence.dolls)
    dolls[depth] = replace(dolls[depth], **changes)
    return replace(sequence, dolls=tuple(dolls))


def _key_states() -> dict[str, S.State]:
    """States each one message (or one edit of a file) away from ``base``."""
    sequences, _ = catalog.load_all()
    start = S.initial_state(sequences, reduced_motion=True)
    base = S.update(S.update(start, S.Open()), S.Open())
    assert base.depth == 2 and base.reference is not None
    out = {"start": start, "base": base}

    def after(name: str, *messages: S.Message, state: S.State = base) -> S.State:
        for msg in messages:
            state = S.update(state, msg)
        out[name] = state
        return state

    hovers = {
        "about": S.Button("about"), "export": S.Button("export"), "help": S.Button("help"),
        "compare": S.Button("compare"), "tab": S.Tab(1), "shelf doll": S.ShelfDoll(0),
        "timeline bar": S.TimelineBar(4), "timeline ghost": S.TimelineGhost(0),
        "current doll": S.CurrentDoll(), "toast box": S.ToastBox(),
    }  # fmt: skip
    for name, target in hovers.items():
        after(f"hover {name}", S.Hover(target))
    after("hover nothing", S.Hover(S.ShelfDoll(0)), S.Hover(None))
    after("hover nothing twice", S.Hover(None), S.Hover(None))
    after("zoomed", S.SetTimelineView(4.0, 0.25))
    after("zoomed and moved", S.SetTimelineView(4.0, 0.5))
    big = after("larger text", S.TextScale(1))
    bigger = after("largest text", *[S.TextScale(1)] * 6, state=big)
    limit = Scene().layout(SIZE, bigger).info_scroll_limit
    assert limit > 0, "the panel's text should scroll at the largest size"
    after("info scrolled", S.ScrollInfo(1, limit), state=bigger)
    after("list of shells", S.TogglePicker())
    after("list filtered", S.TogglePicker(), S.TypeInPicker("a"))
    after("export menu", S.ToggleExportMenu())
    running = after("export running", S.RequestExport("doll"))
    after("export halfway", S.ExportProgress(0.5), state=running)
    after("toast", S.ShowToast("Saved to /tmp/x.png"))
    after("compare", S.Compare(1))
    after("presentation", S.TogglePresentation())
    after("errors", S.FileErrors(("/x/a.yaml:1:1: error: bad",)))
    after("help", S.ToggleHelp())
    after("closed one", S.Close())
    after("other set", S.SwitchSequence(1))
    moving = base._replace(reduced_motion=False)
    after("opening", S.Open(), state=moving)
    out["opening further"] = S.tick(out["opening"], 150)
    seqs = base.sequences
    for name, depth, changes in (
        ("shelf doll renamed", 1, {"name": "Someone Else"}),
        ("current doll's caption edited", 2, {"caption": "A new caption."}),
        ("a doll recoloured", 2, {"colors": _recoloured(seqs[0].dolls[2])}),
    ):
        after(name, S.ReplaceSequences((_edited(seqs[0], depth, **changes), *seqs[1:])))
    reference = base.reference
    k = next(i for i, s in enumerate(seqs) if s is reference)
    ghost = next(  # a figure of the reference the set leaves out: named on the strip
        i for i, d in enumerate(reference.dolls) if d.id not in {x.id for x in seqs[0].dolls}
    )
    edited = _edited(reference, ghost, name="Renamed Figure")
    after("reference edited", S.ReplaceSequences((*seqs[:k], edited, *seqs[k + 1 :])))
    return out


def _recoloured(d: Doll) -> object:
    from dataclasses import replace

    return replace(d.colors, body=(10, 200, 30))


def _fresh(text: Text, state: S.State) -> tuple[bytes, object]:
    """The backdrop of ``state`` drawn by a new Scene, with its key."""
    from matryoshka.window.components import timeline_strip
    from matryoshka.window.scene import backdrop_key

    timeline_strip._strips.clear()
    scene = Scene(text)
    layout = scene.layout(SIZE, state)
    back = scene._backdrop_for(pygame.Surface(SIZE), state, layout)
    return pygame.image.tobytes(back, "RGB"), backdrop_key(state, layout)


@pytest.fixture(scope="module")
def key_states() -> dict[str, S.State]:
    return _key_states()


def test_the_backdrop_is_drawn_anew_whenever_it_would_look_different(
    scene: Scene, key_states: dict[str, S.State]
) -> None:
    drawn = {name: _fresh(scene.text, state) for name, state in key_states.items()}
    names = list(drawn)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if drawn[a][0] != drawn[b][0]:
                assert drawn[a][1] != drawn[b][1], f"{a!r} and {b!r} look different, same key"
    # And kept while nothing it shows changed: a message, the pointer over the doll in
    # front or over nothing, an export's progress, an overlay over it.
    for a, b in (
        ("base", "hover nothing"),
        ("base", "hover nothing twice"),
        ("base", "hover current doll"),
        ("base", "hover toast box"),
        ("base", "toast"),
        ("base", "help"),
        ("base", "export menu"),
        ("export running", "export halfway"),
    ):
        assert drawn[a][1] == drawn[b][1], (a, b)
        assert drawn[a][0] == drawn[b][0], (a, b)


def _full(scene: Scene, state: S.State, layout: object) -> bytes:
    """The frame of ``state``; while a doll moves, the backdrop only (the moving doll is
    scaled from whichever paintings are ready, on purpose: it is not a cached picture)."""
    surface = pygame.Surface(SIZE)
    scene.render(surface, state, layout)  # type: ignore[arg-type]
    if state.motion is not None:
        assert scene._backdrop is not None
        surface = scene._backdrop[1]
    return pygame.image.tobytes(surface, "RGB")


def test_a_window_drawing_one_state_after_another_shows_what_a_fresh_one_would(
    scene: Scene, key_states: dict[str, S.State]
) -> None:
    # One Scene with its caches warm, its layout kept while the window's layout key says
    # so, draws each state as a new Scene with nothing cached does: no part goes stale.
    from matryoshka.window.app import layout_key
    from matryoshka.window.components import timeline_strip

    base = key_states["base"]
    walk = list(key_states.items())
    # Back and forth, so each change is also undone with the caches full.
    walk += [(n, s) for n, s in key_states.items() if n != "base" for s in (base, s)]
    # The zoomed timeline follows the doll asked for, while the dolls are moving.
    state = S.update(base._replace(reduced_motion=False), S.SetTimelineView(8.0, 0.0))
    for msg in (S.GoTo(4), S.GoTo(6), S.CloseAll()):
        state = S.tick(S.update(state, msg), 40)
        walk.append((f"following {msg}", state))
    warm = Scene(scene.text)
    kept: tuple[object, ...] | None = None
    layout = None
    for name, state in walk:
        key = layout_key(state, SIZE)
        if layout is None or key != kept:
            layout, kept = warm.layout(SIZE, state), key
        shown = _full(warm, state, layout)
        timeline_strip._strips.clear()
        fresh = Scene(scene.text)
        assert shown == _full(fresh, state, fresh.layout(SIZE, state)), name


def test_the_timeline_strip_is_laid_out_anew_whenever_it_would_differ(
    scene: Scene, key_states: dict[str, S.State]
) -> None:
    from matryoshka.window.components import timeline_strip
    from matryoshka.window.scene import timeline_inputs

    made = {}
    for name, state in key_states.items():
        timeline_strip._strips.clear()
        fresh = Scene(scene.text)
        layout = fresh.layout(SIZE, state)
        strip = layout.timeline
        if strip is None:
            continue
        # The key: the timeline (by what it is built from) and the strip's inputs.
        inputs = timeline_strip.strip_inputs(
            state, fresh.timeline_for(state), strip.rect, layout.fonts._replace(label=strip.size),
            layout.ui,
        )  # fmt: skip
        made[name] = (strip, (timeline_inputs(state), inputs))
    names = list(made)
    assert {"zoomed", "zoomed and moved", "reference edited", "a doll recoloured"} <= set(names)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if made[a][0] != made[b][0]:
                assert made[a][1] != made[b][1], (a, b)
    for a, b in (("base", "hover timeline bar"), ("base", "toast"), ("base", "closed one")):
        assert made[a][1] == made[b][1], (a, b)


def test_the_comparison_is_made_anew_whenever_a_set_in_it_changes(
    key_states: dict[str, S.State],
) -> None:
    from matryoshka.history.comparison import compare
    from matryoshka.window.scene import comparison_inputs

    shown = key_states["compare"]
    seqs = shown.sequences
    other, reference = shown.compared, shown.reference
    assert other is not None and reference is not None
    k, r = seqs.index(other), seqs.index(reference)
    states = {
        "shown": shown,
        "other set": S.update(shown, S.Compare(1)),
        "compared set edited": S.update(
            shown, S.ReplaceSequences(
                tuple(_edited(s, 0, name="Renamed") if i == k else s for i, s in enumerate(seqs))
            ),
        ),
        "reference edited": S.update(
            shown, S.ReplaceSequences(
                tuple(_edited(s, 1, name="Renamed") if i == r else s for i, s in enumerate(seqs))
            ),
        ),
        "doll opened": S.update(shown, S.Open()),
        "larger text": S.update(shown, S.TextScale(1)),
    }  # fmt: skip
    made = {n: (compare(*comparison_inputs(s)), comparison_inputs(s)) for n, s in states.items()}
    names = list(made)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if made[a][0] != made[b][0]:
                assert made[a][1] != made[b][1], (a, b)
    assert made["shown"][0] != made["compared set edited"][0]
    # Opening a doll or larger text changes nothing compared: the comparison is kept.
    scene = Scene()
    kept = scene.comparison_for(shown)
    assert scene.comparison_for(states["doll opened"]) is kept
    assert scene.comparison_for(states["larger text"]) is kept


def test_the_info_panel_is_drawn_anew_whenever_it_would_look_different(
    scene: Scene, key_states: dict[str, S.State]
) -> None:
    from matryoshka.window.components.info import panel_key

    made = {}
    for name, state in key_states.items():
        fresh = Scene(scene.text)
        layout = fresh.layout(SIZE, state)
        if layout.info is None:
            continue
        hover = state.hover == S.Button("about")
        scroll = min(state.info_scroll, layout.info_scroll_limit)
        panel = fresh.info_panel(state, layout, state.shown_depth, hover)
        key = panel_key(state, layout.info, layout.fonts, layout.ui, state.shown_depth, hover,
                        scroll)  # fmt: skip
        made[name] = (pygame.image.tobytes(panel, "RGBA"), key)
    names = list(made)
    assert {"info scrolled", "hover about", "reference edited", "larger text"} <= set(names)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if made[a][0] != made[b][0]:
                assert made[a][1] != made[b][1], (a, b)
    for a, b in (("base", "hover shelf doll"), ("base", "toast"), ("base", "zoomed")):
        assert made[a][1] == made[b][1], (a, b)
