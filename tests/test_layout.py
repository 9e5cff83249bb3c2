"""Window geometry, with no display: a stand-in for the fonts measures text."""

from __future__ import annotations

import itertools

import pytest

from matryoshka.export import kinds
from matryoshka.format.model import Doll, PartialDate, Sequence
from matryoshka.history.timeline import build_timeline
from matryoshka.painter import ASPECT
from matryoshka.stage import bidi
from matryoshka.stage.choreography import opening_pose
from matryoshka.window import state as S
from matryoshka.window.components import info as info_part
from matryoshka.window.components import timeline_strip
from matryoshka.window.components.overlays import filter_line
from matryoshka.window.components.toasts import toast_lines
from matryoshka.window.keymap import HELP_KEYS
from matryoshka.window.layout import (
    ELLIPSIS,
    Layout,
    Rect,
    compute_layout,
    ellipsize,
    hit_test,
    short_name,
    wrap,
)

SIZES = [(800, 600), (1024, 768), (1280, 800), (1920, 1080), (3840, 2160)]


class FakeMetrics:
    """Noto Sans is about 0.55 em per character and 1.37 em per line."""

    def width(self, text: str, size: int, bold: bool = False) -> int:
        return round(len(text) * size * (0.6 if bold else 0.55))

    def line_height(self, size: int) -> int:
        return round(size * 1.37)


M = FakeMetrics()


def make_sequence(n: int, seq_id: str = "seq", title: str | None = None) -> Sequence:
    # Outermost first, so the latest dates come first.
    dolls = tuple(
        Doll(
            name=f"Figure number {i + 1}",
            id=f"f{i}",
            start=PartialDate(2000 - 10 * i),
            end=PartialDate(2010 - 10 * i),
        )
        for i in range(n)
    )
    return Sequence(id=seq_id, title=title or f"The {seq_id} set", dolls=dolls)


SEQS = (
    make_sequence(7, "market", "The market set, Moscow 1995"),
    make_sequence(6, "lenin", "Lenin at the centre"),
    make_sequence(7, "trotsky", "Trotsky inside Lenin"),
    make_sequence(15, "chronology", "Soviet and Russian leaders, 1894 to today"),
)


def at_depth(state: S.State, depth: int) -> S.State:
    return (
        S.update(state, S.ToggleReducedMotion())
        if depth == 0
        else S.update(S.update(state, S.ToggleReducedMotion()), S.GoTo(depth))
    )


def inside(inner: Rect, outer: Rect) -> bool:
    return (
        inner.x >= outer.x
        and inner.y >= outer.y
        and inner.right <= outer.right
        and inner.bottom <= outer.bottom
    )


def overlaps(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def regions(layout: Layout) -> list[tuple[str, Rect]]:
    out: list[tuple[str, Rect]] = [("stage", layout.stage), ("shelf", layout.shelf)]
    if layout.info is not None:
        out.append(("info", layout.info))
    if layout.tabs_bar is not None:
        out.append(("tabs", Rect(0, 0, layout.size[0], layout.tabs_bar.bottom - 1)))
    if layout.title_rect is not None:
        out.append(("title", layout.title_rect))
    if layout.timeline is not None:
        out.append(("timeline", layout.timeline.rect))
    return out


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("presentation", [False, True])
@pytest.mark.parametrize("timeline", [False, True])
def test_regions_fit_the_window_and_do_not_overlap(
    size: tuple[int, int], presentation: bool, timeline: bool
) -> None:
    s = at_depth(S.initial_state(SEQS), 3)
    if presentation:
        s = S.update(s, S.TogglePresentation())
    tl = build_timeline(s.sequence) if timeline else None
    layout = compute_layout(size, s, M, timeline=tl)
    window = Rect(0, 0, *size)
    named = regions(layout)
    for name, rect in named:
        assert inside(rect, window), name
        assert rect.w > 0 and rect.h > 0, name
    for (n1, r1), (n2, r2) in itertools.combinations(named, 2):
        assert not overlaps(r1, r2), (n1, n2)
    assert inside(layout.doll_rect, layout.stage)
    for _name, rect, _label in layout.buttons:
        assert inside(rect, window)
    for tab in layout.tabs:
        assert inside(tab.rect, window)
        for _name, rect, _label in layout.buttons:
            assert not overlaps(tab.rect, rect)
    for slot in layout.slots:
        assert inside(slot.rect, layout.shelf)
        for line in slot.label.split("\n"):
            assert M.width(line, layout.fonts.label) <= slot.rect.w
    assert (layout.info is None) == presentation
    assert (layout.tabs_bar is None) == presentation
    assert (layout.timeline is not None) == (timeline and not presentation)
    if layout.timeline is not None:
        for bar in layout.timeline.bars:
            assert inside(bar.rect, layout.timeline.rect)
            assert M.width(bar.label, layout.fonts.label) <= bar.rect.w


@pytest.mark.parametrize("size", SIZES)
def test_the_doll_is_large_and_the_opening_stays_on_the_stage(size: tuple[int, int]) -> None:
    s = at_depth(S.initial_state(SEQS), 2)
    layout = compute_layout(size, s, M)
    assert layout.doll_rect.h >= 0.45 * size[1]
    stage = layout.stage
    slot = layout.slot_for(2)
    for t in (0.0, 0.2, 0.3, 0.45, 0.52, 0.6):
        pose = opening_pose(t, layout.rest, slot, ASPECT, stage=stage)
        for piece in (pose.top, pose.inner):
            w = piece.height * ASPECT
            assert piece.top >= stage.y - 0.5
            assert stage.x - 0.5 <= piece.cx - w / 2
            assert piece.cx + w / 2 <= stage.right + 0.5
        # Moved aside, the lid clears the inner doll rising out of the shell.
        if t >= 0.3:
            lid_right = pose.top.cx + pose.top.height * ASPECT / 2
            inner_left = pose.inner.cx - pose.inner.height * ASPECT / 2
            assert lid_right <= inner_left + 1


def test_hit_test_finds_the_doll_shelf_tabs_and_buttons() -> None:
    s = at_depth(S.initial_state(SEQS), 2)
    layout = compute_layout((1280, 800), s, M)
    d = layout.doll_rect
    assert hit_test(layout, (d.centerx, d.centery)) == S.CurrentDoll()
    assert [slot.depth for slot in layout.slots] == [0, 1]
    for slot in layout.slots:
        assert hit_test(layout, (slot.rect.centerx, slot.rect.centery)) == S.ShelfDoll(slot.depth)
    for tab in layout.tabs:
        assert hit_test(layout, (tab.rect.centerx, tab.rect.centery)) == S.Tab(tab.index)
    for name in ("export", "help"):
        rect = layout.button(name)
        assert rect is not None
        assert hit_test(layout, (rect.centerx, rect.centery)) == S.Button(name)  # type: ignore[arg-type]
    assert hit_test(layout, (2, 799)) is None


def test_an_open_overlay_catches_every_click() -> None:
    s = S.update(at_depth(S.initial_state(SEQS), 2), S.ToggleHelp())
    layout = compute_layout((1280, 800), s, M)
    for pos in [(1, 1), (640, 400), (1279, 799), (layout.doll_rect.centerx, layout.doll_rect.y)]:
        assert hit_test(layout, pos) == S.Overlay()


@pytest.mark.parametrize("count", [12, 40])
@pytest.mark.parametrize("size", [(800, 600), (1280, 800)])
def test_many_tabs_scroll_and_the_current_one_is_always_in_view(
    count: int, size: tuple[int, int]
) -> None:
    seqs = tuple(
        make_sequence(3, f"s{i}", f"A rather long sequence title {i}") for i in range(count)
    )
    for index in range(count):
        layout = compute_layout(size, S.initial_state(seqs, index), M)
        shown = [tab.index for tab in layout.tabs]
        assert index in shown
        assert shown == list(range(shown[0], shown[-1] + 1))
        assert (layout.tab_prev is not None) == (shown[0] > 0)
        assert (layout.tab_next is not None) == (shown[-1] < count - 1)


def test_three_hundred_shells_fit_the_shelf_and_every_level_is_two_clicks_away() -> None:
    big = make_sequence(300, "big")
    s = at_depth(S.initial_state((big,)), 150)
    layout = compute_layout((1280, 800), s, M)
    depths = [slot.depth for slot in layout.slots]
    assert depths[0] == 0 and depths[1] is None and depths[-1] == 149
    group = layout.slots[1]
    assert group.hidden == 150 - (len(depths) - 1)
    assert hit_test(layout, (group.rect.centerx, group.rect.centery)) == S.ShelfGroup()
    # The group opens a list of every shell: click one to close back to it.
    listed: set[int] = set()
    s = S.update(s, S.TogglePicker())
    for page in range(20):
        layout = compute_layout((1280, 800), s, M)
        assert layout.picker is not None
        for entry in layout.picker.entries:
            assert inside(entry.rect, layout.picker.panel)
            assert hit_test(layout, (entry.rect.centerx, entry.rect.centery)) == S.PickerItem(
                entry.depth
            )
        listed |= {entry.depth for entry in layout.picker.entries}
        if layout.picker.next is None:
            break
        s = S.update(s, S.ScrollPicker(1))
        assert page < 19
    assert listed == set(range(150))


def test_the_settling_shell_has_its_slot_before_it_lands() -> None:
    s = S.update(S.initial_state(SEQS), S.Open())
    layout = compute_layout((1280, 800), s, M)
    assert [slot.depth for slot in layout.slots] == [0]
    assert layout.slot_for(0) == layout.slots[0].doll


@pytest.mark.parametrize("size", [(800, 600), (1280, 800), (1920, 1080)])
@pytest.mark.parametrize("step", [S.TEXT_STEP_MIN, 0, S.TEXT_STEP_MAX])
def test_help_fits_every_window_at_every_text_scale(size: tuple[int, int], step: int) -> None:
    s = S.update(S.initial_state(SEQS, text_step=step), S.ToggleHelp())
    layout = compute_layout(size, s, M)
    box = layout.help
    assert box is not None
    assert inside(box.panel, Rect(0, 0, *size))
    assert box.top + box.row * len(HELP_KEYS) <= box.panel.bottom
    longest = max(M.width(text, box.size) for _, text in HELP_KEYS)
    assert box.text_x + longest <= box.panel.right


def test_text_scale_makes_text_larger() -> None:
    small = compute_layout((1280, 800), S.initial_state(SEQS), M).fonts
    big = compute_layout((1280, 800), S.initial_state(SEQS, text_step=4), M).fonts
    assert big.name > small.name * 1.5 and big.body > small.body * 1.5


def test_tiny_windows_still_lay_out() -> None:
    for size in [(1, 1), (50, 40), (320, 200)]:
        layout = compute_layout(size, at_depth(S.initial_state(SEQS), 5), M)
        assert layout.stage.w > 0 and layout.stage.h > 0


def test_ellipsize_and_wrap() -> None:
    assert ellipsize("short", 1000, 10, M) == "short"
    cut = ellipsize("a long name that does not fit", 80, 10, M)
    assert cut.endswith(ELLIPSIS) and M.width(cut, 10) <= 80
    lines = wrap("one two three four five six seven eight nine ten", 60, 10, M)
    assert len(lines) > 1 and all(M.width(line, 10) <= 60 for line in lines)
    assert " ".join(lines) == "one two three four five six seven eight nine ten"
    assert wrap("", 60, 10, M) == [""]


def test_timeline_bars_jump_to_their_doll_and_ghosts_are_named() -> None:
    seq = make_sequence(4, "four")
    reference = Sequence(
        id="ref",
        title="Reference",
        dolls=(*seq.dolls[:2], Doll(name="Skipped Person", id="gap", start=PartialDate(1985),
               end=PartialDate(1990)), *seq.dolls[2:]),
    )  # fmt: skip
    seq = Sequence(id="four", title="Four", dolls=seq.dolls, compare_with="ref")
    s = S.initial_state((seq, reference))
    layout = compute_layout((1280, 800), s, M, timeline=build_timeline(seq, reference))
    strip = layout.timeline
    assert strip is not None
    dolls = [b for b in strip.bars if not b.ghost]
    assert sorted(b.depth for b in dolls) == [0, 1, 2, 3]
    for bar in dolls:
        assert hit_test(layout, (bar.rect.centerx, bar.rect.centery)) == S.TimelineBar(bar.depth)
    ghosts = [b for b in strip.bars if b.ghost]
    assert [g.doll.id for g in ghosts] == ["gap"]
    # The pointer over a ghost names it, in the strip's own title line.
    over = hit_test(layout, (ghosts[0].rect.centerx, ghosts[0].rect.centery))
    assert over == S.TimelineGhost(strip.bars.index(ghosts[0]))
    bar = timeline_strip.hovered(S.update(s, S.Hover(over)), strip)
    assert bar is not None
    assert (
        timeline_strip.tip_text(bar) == "Left out of this set: Skipped Person, 1985–1990, 5 years"
    )
    assert "Person" in strip.title  # the ghost is named even when its bar is too short
    assert [label for _, label in strip.ticks]


def test_the_list_of_a_thousand_shells_is_legible_with_years_and_filters_as_you_type() -> None:
    seq = dated_sequence(1000)
    s = S.update(at_depth(S.initial_state((seq,)), 999), S.TogglePicker())
    layout = compute_layout((1280, 800), s, M)
    picker = layout.picker
    assert picker is not None and picker.found == 999
    assert picker.size >= 12 and len(picker.entries) < 400  # legible, so it pages
    assert picker.entries[0].label == "1. Ruler Number0" and picker.entries[0].years == "2000–2001"
    for entry in picker.entries:
        assert inside(entry.rect, picker.panel)
        assert entry.years  # room for the years at this size
    for text in ("Number12", "3"):
        s = S.update(s, S.TypeInPicker(text))
    found = compute_layout((1280, 800), s, M).picker
    assert found is not None and found.pages == 1
    # "Number123" finds the one doll whose name contains it.
    assert [e.depth for e in found.entries] == [123]
    s = S.update(s, S.EraseInPicker())
    s = S.update(s, S.EraseInPicker())
    names = {e.label for e in (compute_layout((1280, 800), s, M).picker or picker).entries}
    assert "13. Ruler Number12" in names and "121. Ruler Number120" in names
    # A year finds the dolls of that year.
    s = S.update(S.update(s, S.Escape()), S.TypeInPicker("1500"))
    assert S.picker_matches(s) == (500, 501)


@pytest.mark.parametrize(
    ("name", "kind", "short"),
    [
        ("Mikhail Gorbachev", "person", "Gorbachev"),
        ("Nicholas II", "person", "Nicholas II"),
        ("Tsar Nicholas II", "person", "Nicholas II"),
        ("Vladimir Putin (second time)", "person", "Putin"),
        ("Ivan the Terrible", "person", "Ivan"),
        ("Catherine XII the Terrible", "person", "Catherine XII"),
        ("Catherine of Aragon", "person", "Catherine"),
        ("Charles de Gaulle", "person", "de Gaulle"),
        ("Otto von Bismarck", "person", "von Bismarck"),
        ("Lenin", "person", "Lenin"),
        ("Provisional Government", "group", "Provisional Government"),
    ],
)
def test_short_name_is_what_the_shelf_calls_a_person(name: str, kind: str, short: str) -> None:
    assert short_name(Doll(name=name, id="x", kind=kind)) == short


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("step", [0, S.TEXT_STEP_MAX])
@pytest.mark.parametrize("presenting", [False, True])
def test_the_export_menu_lists_every_kind_with_its_key_inside_the_window(
    size: tuple[int, int], step: int, presenting: bool
) -> None:
    state = S.initial_state((make_sequence(7),), text_step=step)
    if presenting:
        state = S.update(state, S.TogglePresentation())
    state = S.update(state, S.ToggleExportMenu())
    layout = compute_layout(size, state, M)
    menu = layout.menu
    assert menu is not None
    assert inside(menu.panel, Rect(0, 0, *size))
    choices = kinds.choices()
    assert [line.index for line in menu.lines] == list(range(len(choices)))
    keys = [line.key for line in menu.lines]
    assert keys[:5] == ["E", "O", "L", "A", "V"]
    for line in menu.lines:
        assert inside(line.rect, menu.panel)
        assert hit_test(layout, (line.rect.centerx, line.rect.centery)) == S.MenuItem(line.index)
    for a, b in itertools.pairwise(menu.lines):
        assert a.rect.bottom <= b.rect.y
    if size[0] >= 1024 and step == 0:  # room enough: nothing shortened
        assert [line.label for line in menu.lines][:2] == ["The doll", "The opened doll"]
        assert menu.lines[4].format_name == "MP4 video"
    export = layout.button("export")
    if export is not None:  # under its button, right-aligned to it
        assert menu.panel.y >= export.bottom and menu.panel.right <= export.right
    # A click outside the menu closes it.
    assert hit_test(layout, (1, size[1] - 1)) == S.Overlay()


LONG_ERROR = (
    "/home/t/seqs/rulers.yaml:12:5: error: dolls[3].start: '1990-13' is not a date; write "
    "YYYY, YYYY-MM or YYYY-MM-DD (for example 1991-12-25), and check the month is 1 to 12"
)


@pytest.mark.parametrize("size", [(800, 600), (1280, 800)])
@pytest.mark.parametrize("step", [0, S.TEXT_STEP_MAX])
def test_errors_are_shown_whole_and_say_how_many_more_there_are(
    size: tuple[int, int], step: int
) -> None:
    errors = tuple(LONG_ERROR.replace(":12:", f":{12 + i}:") for i in range(8))
    state = S.update(S.initial_state((make_sequence(7),), text_step=step), S.FileErrors(errors))
    box = compute_layout(size, state, M).errors
    assert box is not None
    text = " ".join(box.lines)
    shown = text.count("error: dolls")
    assert shown >= 1
    assert text.count("1 to 12") == shown  # every error shown is shown to its end
    assert f"and {8 - shown} more errors" in text
    for line in (*box.title.split("\n"), *box.lines):
        assert M.width(line, box.size) <= box.panel.w - 2 * box.pad
    assert box.panel.bottom <= size[1]


@pytest.mark.parametrize("size", [(800, 600), (1280, 800)])
def test_a_long_message_is_wrapped_whole_and_can_be_clicked_anywhere(
    size: tuple[int, int],
) -> None:
    path = "/home/teacher/Pictures/matryoshka/" + "a-very-long-folder-name/" * 4 + "doll.png"
    said = f"Saved {path}: click here to open its folder"
    state = S.update(S.initial_state((make_sequence(7),)), S.ExportFinished(said, folder="/x"))
    layout = compute_layout(size, state, M)
    short = compute_layout(size, S.update(state, S.ShowToast("Saved")), M)
    assert layout.toast.h > short.toast.h  # taller: the message wraps, nothing is cut
    lines = toast_lines(said, layout.toast.w, layout.fonts, M, layout.ui)
    assert "".join(lines).replace(" ", "") == said.replace(" ", "")
    assert hit_test(layout, (layout.toast.centerx, layout.toast.bottom - 2)) == S.ToastBox()


def test_the_programs_sentences_read_from_the_left_around_arabic_names() -> None:
    naguib = Doll(name="محمد نجيب", id="n", start=PartialDate(1953), end=PartialDate(1954))
    sadat = Doll(name="أنور السادات", id="s", start=PartialDate(1970), end=PartialDate(1981))
    seq = Sequence(id="eg", title="مصر", dolls=(sadat, naguib))
    # The list of opened dolls: the number first, at the left, then the name.
    s = S.update(at_depth(S.initial_state((seq,)), 1), S.TogglePicker())
    picker = compute_layout((1280, 800), s, M).picker
    assert picker is not None
    label = picker.entries[0].label
    assert not bidi.is_rtl(label) and label.strip(bidi.LRM + bidi.RLM).endswith("1. أنور السادات")
    # What is typed to find one stays what it is; the count after it reads on.
    said = filter_line("عد", 1, 6)
    runs = [piece.strip(bidi.LRM + bidi.RLM) for piece, _ in bidi.visual_runs(said)]
    assert "".join(runs).startswith("Find: ") and "".join(runs).endswith("|  (1 of 6; Esc clears)")
    # "محمد نجيب is the core doll: ..." is an English sentence on every line.
    core = S.update(at_depth(S.initial_state((seq,)), 1), S.Open())
    assert core.toast is not None and core.toast.message.startswith("محمد نجيب")
    layout = compute_layout((800, 600), core, M)
    lines = toast_lines(core.toast.message, 200, layout.fonts, M, layout.ui)
    assert len(lines) > 1 and not any(bidi.is_rtl(line) for line in lines), lines


def test_wrap_can_break_a_word_wider_than_the_line() -> None:
    lines = wrap("see /a/very/long/path/with/no/spaces/at/all.png now", 60, 10, M, break_words=True)
    assert all(M.width(line, 10) <= 60 for line in lines)
    assert "".join(lines).replace(" ", "") == "see/a/very/long/path/with/no/spaces/at/all.pngnow"


def dated_sequence(n: int) -> Sequence:
    """``n`` dolls, one year each, the outermost the latest (as a line of succession)."""
    dolls = tuple(
        Doll(name=f"Ruler Number{i}", id=f"r{i}", start=PartialDate(1000 + n - i),
             end=PartialDate(1001 + n - i))
        for i in range(n)
    )  # fmt: skip
    return Sequence(id="long", title="A long line", dolls=dolls)


def test_zooming_keeps_the_year_under_the_pointer_in_place() -> None:
    zoom, start = timeline_strip.zoom_at(1.0, 0.0, 4.0, 0.25)
    assert zoom == 4.0
    # The year a quarter of the way along (0.25 of the span) stays a quarter across.
    assert abs((start + 0.25 / zoom) - 0.25) < 1e-9
    zoom2, start2 = timeline_strip.zoom_at(zoom, start, 3.0, 0.8)
    assert abs((start2 + 0.8 / zoom2) - (start + 0.8 / zoom)) < 1e-9
    # Out all the way, never past the whole span; never outside it when moved.
    assert timeline_strip.zoom_at(zoom2, start2, 1 / 1000, 0.5) == (1.0, 0.0)
    assert timeline_strip.pan_by(4.0, 0.7, 5.0) == (4.0, 0.75)
    assert timeline_strip.pan_by(4.0, 0.1, -1.0) == (4.0, 0.0)
    assert S.timeline_view(1e9, 2.0) == (S.TIMELINE_MAX_ZOOM, 1 - 1 / S.TIMELINE_MAX_ZOOM)


def test_a_thousand_dolls_zoomed_in_have_wide_named_bars_and_finer_years() -> None:
    seq = dated_sequence(1000)
    tl = build_timeline(seq)
    s = S.update(S.initial_state((seq,), reduced_motion=True), S.GoTo(500))  # 1500 in front
    whole = compute_layout((1280, 800), s, M, timeline=tl).timeline
    assert whole is not None and len(whole.bars) == 1000
    assert "wheel: zoom" in whole.title  # a dense strip says that it zooms
    zoomed_state = S.update(s, S.SetTimelineView(*timeline_strip.zoom_at(1.0, 0.0, 50.0, 0.5)))
    strip = compute_layout((1280, 800), zoomed_state, M, timeline=tl).timeline
    assert strip is not None
    assert 15 <= len(strip.bars) <= 25  # a fiftieth of a thousand years, give or take the ends
    for bar in strip.bars:
        assert strip.left <= bar.rect.x and bar.rect.right <= strip.left + strip.width
    inner = [b for b in strip.bars if b.rect.x > strip.left and b.rect.right < strip.right_edge]
    assert all(b.rect.w > 40 and b.label for b in inner)
    years = [int(label) for _, label in strip.ticks]
    assert len(years) >= 3 and years[1] - years[0] <= 5
    assert years[0] >= 1480 and years[-1] <= 1520


def test_the_zoomed_timeline_follows_the_doll_in_front() -> None:
    seq = dated_sequence(1000)
    tl = build_timeline(seq)
    s = S.update(S.initial_state((seq,)), S.SetTimelineView(100.0, 0.0))
    s = S.update(s, S.GoTo(400))
    s = S.tick(s, 5000)
    strip = compute_layout((1280, 800), s, M, timeline=tl).timeline
    assert strip is not None and strip.zoom == 100.0
    current = [b for b in strip.bars if b.depth == 400]
    assert current, "the doll in front is in view"
    # ...and the state takes over that view, so the next drag starts from it.
    assert S.update(s, S.SetTimelineView(strip.zoom, strip.start)).timeline_start == strip.start


def test_a_label_too_wide_for_its_bar_uses_the_free_room_after_it() -> None:
    seq = Sequence(id="s", title="S", dolls=(
        Doll(name="Bo", id="b", start=PartialDate(1940), end=PartialDate(1990)),
        Doll(name="Alexandra Verylongname", id="a", start=PartialDate(1900), end=PartialDate(1901)),
    ))  # fmt: skip
    strip = compute_layout((1280, 800), S.initial_state((seq,)), M, timeline=build_timeline(seq))
    assert strip.timeline is not None
    short = next(b for b in strip.timeline.bars if b.depth == 1)
    assert short.rect.w < M.width("Verylongname", strip.timeline.size)
    assert short.label == "Verylongname" and short.spill


@pytest.mark.parametrize("size", [(800, 600), (1280, 800)])
def test_large_text_keeps_every_line_of_the_info_panel_and_scrolls_what_does_not_fit(
    size: tuple[int, int],
) -> None:
    doll = Doll(
        name="Nikita Khrushchev", id="k", office="First Secretary of the Communist Party",
        start=PartialDate(1953), end=PartialDate(1964),
        caption="Born into a peasant family and later a great champion of maize on Soviet "
        "farms, so the painter gave him an ear of corn across the chest.",
    )  # fmt: skip
    seq = Sequence(id="k", title="Khrushchev", dolls=(doll, *make_sequence(2).dolls))
    normal = compute_layout(size, S.initial_state((seq,)), M)
    for step in range(S.TEXT_STEP_MAX + 1):
        state = S.initial_state((seq,), text_step=step)
        layout = compute_layout(size, state, M)
        assert layout.info is not None and normal.info is not None
        assert layout.info.w >= normal.info.w  # wider for larger text
        text = info_part.flow(info_part.derive(state, 0), layout.info, layout.fonts, M, layout.ui)
        words = " ".join(line.text for line in text.lines).split()
        for needed in ("Khrushchev", "Communist", "1953–1964,", "chest."):
            assert needed in words, (step, needed)  # nothing is dropped
        assert all(M.width(line.text, line.size, line.bold) <= layout.info.w for line in text.lines)
        fits = text.height <= text.bottom - text.top
        assert fits == (layout.info_scroll_limit == 0)
        if not fits:  # the last wheel step shows the last line
            step_px = info_part.scroll_step(layout.fonts, M)
            assert layout.info_scroll_limit * step_px >= text.overflow
    assert compute_layout(size, S.initial_state((seq,), text_step=6), M).info_scroll_limit > 0


@pytest.mark.parametrize("size", [(800, 600), (1280, 800), (1920, 1080)])
@pytest.mark.parametrize("step", [0, S.TEXT_STEP_MAX])
def test_presenting_shows_a_larger_doll_with_its_name_dates_and_caption_legible_in_a_room(
    size: tuple[int, int], step: int
) -> None:
    caption = "Born into a peasant family and later a great champion of maize. " * 4
    doll = Doll(name="Nikita Sergeyevich Khrushchev", id="k", caption=caption.strip(),
                office="First Secretary of the Communist Party of the Soviet Union",
                start=PartialDate(1953), end=PartialDate(1964))  # fmt: skip
    seq = Sequence(id="k", title="K", dolls=(doll, *make_sequence(3).dolls))
    normal = compute_layout(size, S.initial_state((seq,), text_step=step), M)
    state = S.update(S.initial_state((seq,), text_step=step), S.TogglePresentation())
    layout = compute_layout(size, state, M)
    assert layout.doll_rect.h > normal.doll_rect.h  # the doll is larger
    rect = layout.title_rect
    assert rect is not None and not overlaps(rect, layout.doll_rect)
    shown = info_part.presenter_text(doll, rect, size[1], layout.fonts, M)
    assert shown.name_size >= size[1] / 25  # legible from the back of a room
    words = " ".join(line.text for line in shown.lines)
    for needed in ("Khrushchev", "Union", "1953–1964, 11 years", "maize."):
        assert needed in words
    assert words.count("maize") == 4  # the whole caption
    for line in shown.lines:
        assert M.width(line.text, line.size, line.bold) <= rect.w
        assert rect.y <= line.y and line.y + M.line_height(line.size) <= rect.bottom


@pytest.mark.parametrize("size", [(800, 600), (1280, 800)])
def test_the_largest_text_leaves_the_doll_most_of_its_size(size: tuple[int, int]) -> None:
    seq = dated_sequence(7)
    tl = build_timeline(seq)
    normal = compute_layout(size, S.initial_state((seq,)), M, timeline=tl)
    big = compute_layout(size, S.initial_state((seq,), text_step=S.TEXT_STEP_MAX), M, timeline=tl)
    assert big.fonts.body > 2 * normal.fonts.body  # what is read grows all the way
    assert big.doll_rect.h >= 0.77 * normal.doll_rect.h


@pytest.mark.parametrize(("size", "step"), [((800, 600), 0), ((1280, 800), 0), ((1280, 800), 3)])
def test_shelf_names_are_whole_where_the_shelf_has_room(size: tuple[int, int], step: int) -> None:
    names = ["Russian Socialist Movement", "Fourth International", "Mikhail Gorbachev",
             "Nikita Khrushchev"]  # fmt: skip
    dolls = tuple(
        Doll(name=n, id=f"d{i}", kind="group" if i < 2 else "person") for i, n in enumerate(names)
    )
    seq = Sequence(id="s", title="S", dolls=(*dolls, Doll(name="Core", id="core")))
    state = at_depth(S.initial_state((seq,), text_step=step), len(dolls))
    layout = compute_layout(size, state, M)
    labels = [slot.label for slot in layout.slots]
    if step == 0:
        assert len(labels) == len(dolls)  # all on the shelf: no "+N more"
    assert all(ELLIPSIS not in label for label in labels), labels
    assert labels[0] == "Russian Socialist\nMovement" and labels[-1] == "Khrushchev"
