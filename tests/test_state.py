"""The window's state machine, with no display: messages in, state out."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matryoshka.export import kinds
from matryoshka.format.model import Doll, PartialDate, Sequence
from matryoshka.stage.choreography import OPEN_MS
from matryoshka.window import state as S


def make_sequence(n: int, seq_id: str = "seq") -> Sequence:
    dolls = tuple(
        Doll(name=f"Figure {i + 1}", id=f"f{i}", start=PartialDate(1900 + i)) for i in range(n)
    )
    return Sequence(id=seq_id, title=f"Sequence {seq_id}", dolls=dolls)


SEQS = (make_sequence(7, "seven"), make_sequence(6, "six"), make_sequence(1, "one"))


def settled(state: S.State) -> S.State:
    """Run the clock until nothing moves."""
    for _ in range(1000):
        if state.motion is None and state.wobble_ms == 0:
            return state
        state = S.tick(state, 16)
    raise AssertionError("the state never settled")


def test_open_animates_then_rests_on_the_next_doll() -> None:
    s = S.update(S.initial_state(SEQS), S.Open())
    assert s.motion is not None and s.motion.direction == 1 and s.motion.t_ms == 0
    assert s.shown_depth == 1  # the info panel already names the doll coming out
    s = S.tick(s, OPEN_MS - 1)
    assert s.motion is not None and s.depth == 0
    s = S.tick(s, 1)
    assert s.motion is None and s.depth == 1 and s.shells == 1


def test_opening_takes_between_six_and_nine_tenths_of_a_second() -> None:
    assert 600 <= OPEN_MS <= 900


@given(st.lists(st.integers(min_value=0, max_value=120), min_size=1, max_size=40))
def test_ticking_in_pieces_equals_ticking_at_once(pieces: list[int]) -> None:
    start = S.update(S.update(S.initial_state(SEQS), S.Open()), S.Open())
    whole = S.tick(start, sum(pieces))
    stepped = start
    for dt in pieces:
        stepped = S.tick(stepped, dt)
    assert (whole.depth, whole.motion) == (stepped.depth, stepped.motion)


def test_close_during_an_opening_turns_it_round() -> None:
    s = S.tick(S.update(S.initial_state(SEQS), S.Open()), 300)
    s = S.update(s, S.Close())
    assert s.motion is not None and s.motion.direction == -1 and s.motion.t_ms == 300
    s = S.tick(s, 299)
    assert s.motion is not None
    s = S.tick(s, 1)
    assert s.depth == 0 and s.motion is None


def test_presses_queue_into_one_run_and_end_at_the_core() -> None:
    s = S.initial_state(SEQS)
    for _ in range(20):
        s = S.update(s, S.Open())
    assert s.target == 6
    s = settled(s)
    assert s.depth == 6 == s.core


def test_core_does_not_open_but_wobbles_and_says_so() -> None:
    s = settled(S.update(S.initial_state(SEQS), S.OpenToCore()))
    s = S.update(s, S.Open())
    assert s.depth == s.core and s.motion is None
    assert s.wobble_ms == S.WOBBLE_MS
    assert s.toast is not None and "core" in s.toast.message and "Figure 7" in s.toast.message
    s = settled(s)
    assert s.wobble_ms == 0 and s.depth == s.core


def test_a_single_doll_sequence_is_its_own_core() -> None:
    s = S.update(S.initial_state(SEQS, 2), S.Open())
    assert s.depth == 0 and s.wobble_ms > 0


def test_close_to_a_shelf_doll_and_close_all() -> None:
    s = settled(S.update(S.initial_state(SEQS), S.GoTo(5)))
    assert s.depth == 5
    s = settled(S.update(s, S.CloseTo(2)))
    assert s.depth == 2 and s.shells == 2
    s = settled(S.update(s, S.CloseAll()))
    assert s.depth == 0 and s.shells == 0


def test_a_long_run_jumps_ahead_instead_of_dragging() -> None:
    big = make_sequence(300, "big")
    s = S.update(S.initial_state((big,)), S.GoTo(150))
    elapsed = 0
    while s.motion is not None:
        s = S.tick(s, 16)
        elapsed += 16
    assert s.depth == 150
    assert elapsed <= (S.MAX_CHAINED_STEPS - 1) * S.CHAIN_MS + OPEN_MS + 16


def test_switching_mid_animation_starts_clean_on_the_outermost_doll() -> None:
    s = S.tick(S.update(S.update(S.initial_state(SEQS), S.Open()), S.ToggleAbout()), 200)
    s = S.update(s, S.SwitchSequence(1))
    assert (s.index, s.depth, s.target, s.motion, s.about_open) == (1, 0, 0, None, False)
    assert s.generation == 1
    assert S.update(s, S.SwitchSequence(99)) is s  # no such tab: nothing happens


def test_next_sequence_wraps_both_ways() -> None:
    s = S.initial_state(SEQS)
    assert S.update(s, S.NextSequence(-1)).index == 2
    assert S.update(S.update(s, S.NextSequence(1)), S.NextSequence(1)).index == 2
    assert S.update(S.initial_state(SEQS, 2), S.NextSequence(1)).index == 0


def test_reduced_motion_makes_every_transition_instant() -> None:
    s = S.initial_state(SEQS, reduced_motion=True)
    s = S.update(s, S.OpenToCore())
    assert s.depth == s.core and s.motion is None
    s = S.update(s, S.Open())
    assert s.wobble_ms == 0 and s.toast is not None
    # Switching it on mid-animation lands the doll at once.
    s = S.tick(S.update(S.initial_state(SEQS), S.Open()), 100)
    s = S.update(s, S.ToggleReducedMotion())
    assert s.motion is None and s.depth == 1


def test_text_scale_steps_clamp_and_reset() -> None:
    s = S.initial_state(SEQS)
    for _ in range(30):
        s = S.update(s, S.TextScale(1))
    assert s.text_step == S.TEXT_STEP_MAX and s.text_factor > 2
    s = S.update(s, S.TextScale(0))
    assert s.text_step == 0 and s.text_factor == 1
    for _ in range(30):
        s = S.update(s, S.TextScale(-1))
    assert s.text_step == S.TEXT_STEP_MIN


def test_overlays_are_exclusive_and_escape_peels_them_in_order() -> None:
    s = S.update(S.initial_state(SEQS), S.ToggleHelp())
    s = S.update(s, S.ToggleAbout())
    assert s.about_open and not s.help_open
    s = S.update(S.update(S.update(s, S.ToggleFullscreen()), S.TogglePresentation()), S.Escape())
    assert not s.overlay_open and s.fullscreen and s.presentation
    s = S.update(s, S.Escape())
    assert not s.fullscreen and s.presentation
    s = S.update(s, S.Escape())
    assert not s.presentation


def test_shelf_list_only_opens_with_shells() -> None:
    s = S.update(S.initial_state(SEQS), S.TogglePicker())
    assert not s.picker_open
    s = S.update(settled(S.update(S.initial_state(SEQS), S.GoTo(4))), S.TogglePicker())
    assert s.picker_open
    s = S.update(s, S.CloseTo(1))
    assert not s.picker_open and s.target == 1


def test_export_request_progress_and_toast() -> None:
    s = S.update(settled(S.update(S.initial_state(SEQS), S.Open())), S.RequestExport("doll"))
    assert s.export == S.ExportJob("doll", 0, 1) and s.animating
    again = S.update(s, S.RequestExport("lineup"))
    assert again.export == s.export and again.toast is not None
    assert "Queued: the line-up" in again.toast.message
    assert again.export_queue == (S.ExportJob("lineup", 0, 1),)
    # When the first ends, the queued one starts.
    after = S.update(again, S.ExportFinished("Saved /tmp/x.png"))
    assert after.export == S.ExportJob("lineup", 0, 1) and after.export_queue == ()
    s = S.update(s, S.ExportProgress(0.5))
    assert s.export is not None and s.export.progress == 0.5
    s = S.update(s, S.ExportFinished("Saved /tmp/x.png"))
    assert s.export is None and s.toast == S.Toast("Saved /tmp/x.png", S.SAVED_TOAST_MS)
    assert S.tick(s, S.TOAST_MS).toast is not None  # a saved file's message stays longer
    s = S.tick(s, S.SAVED_TOAST_MS)
    assert s.toast is None


def test_replacing_sequences_keeps_the_same_doll_by_id() -> None:
    s = settled(S.update(S.initial_state(SEQS, 1), S.GoTo(3)))
    shorter = replace(SEQS[1], dolls=SEQS[1].dolls[1:])
    s2 = S.update(s, S.ReplaceSequences((SEQS[0], shorter)))
    assert s2.index == 1 and s2.sequence.dolls[s2.depth].id == "f3" and s2.depth == 2
    gone = S.update(s, S.ReplaceSequences((SEQS[0],)))
    assert gone.index == 0 and gone.depth == 0


def test_problems_reports_a_broken_state() -> None:
    good = S.initial_state(SEQS)
    assert S.problems(good) == []
    assert S.problems(good._replace(depth=9))
    assert S.problems(good._replace(help_open=True, about_open=True))
    assert S.problems(good._replace(motion=S.Motion(2, 10, 750, 1)))


def test_initial_state_refuses_nothing_to_show() -> None:
    with pytest.raises(ValueError):
        S.initial_state(())
    with pytest.raises(ValueError):
        S.initial_state((Sequence(id="x", title="x", dolls=()),))


MESSAGES = st.one_of(
    st.sampled_from(
        [
            S.Open(),
            S.Close(),
            S.OpenToCore(),
            S.CloseAll(),
            S.ToggleHelp(),
            S.ToggleAbout(),
            S.TogglePicker(),
            S.ToggleReducedMotion(),
            S.TogglePresentation(),
            S.ToggleFullscreen(),
            S.Escape(),
            S.RequestExport("doll"),
            S.ExportFinished("done"),
            S.ToggleExportMenu(),
            S.ChooseFromMenu(),
        ]
    ),
    st.builds(S.CloseTo, st.integers(-3, 10)),
    st.builds(S.GoTo, st.integers(-3, 10)),
    st.builds(S.SwitchSequence, st.integers(-1, 4)),
    st.builds(S.NextSequence, st.sampled_from([-1, 1])),
    st.builds(S.TextScale, st.integers(-1, 1)),
    st.builds(S.ScrollTabs, st.integers(-2, 2)),
    st.builds(S.ExportProgress, st.floats(-1, 2)),
    st.builds(S.MoveMenuFocus, st.integers(-3, 3)),
    st.builds(S.ScrollInfo, st.integers(-3, 3), st.integers(0, 5)),
    st.builds(S.SetTimelineView, st.floats(-10, 1e5), st.floats(-2, 3)),
)


@settings(max_examples=150)
@given(st.lists(st.tuples(MESSAGES, st.integers(0, 400)), max_size=60))
def test_any_messages_and_ticks_keep_the_state_sound(steps: list[tuple[S.Message, int]]) -> None:
    s = S.initial_state(SEQS)
    for msg, dt in steps:
        s = S.update(s, msg)
        assert S.problems(s) == [], msg
        s = S.tick(s, dt)
        assert S.problems(s) == [], dt
    s = settled(S.update(s, S.Escape()))
    assert s.depth == s.target


def test_the_shelf_list_closes_when_its_last_shell_closes_under_it() -> None:
    s = settled(S.update(S.initial_state(SEQS), S.Open()))
    s = S.update(S.update(s, S.Close()), S.TogglePicker())  # opened while the shell closes
    assert s.picker_open
    s = settled(s)
    assert s.shells == 0 and not s.picker_open


def test_the_export_menu_opens_moves_round_and_exports_the_highlighted_line() -> None:
    s = S.update(S.initial_state(SEQS), S.ToggleHelp())
    s = S.update(s, S.ToggleExportMenu())
    assert s.export_menu_open and not s.help_open and s.menu_focus == 0
    lines = kinds.choices()
    s = S.update(s, S.MoveMenuFocus(-1))  # up from the first line: the last one
    assert s.menu_focus == len(lines) - 1
    assert [(c.kind, c.suffix) for c in lines[-4:]] == [
        ("animation", ".gif"),
        ("animation", ".mp4"),
        ("page", ".html"),
        ("comparison", ".png"),
    ]
    s = S.update(s, S.MoveMenuFocus(-2))
    s = S.update(s, S.ChooseFromMenu())
    assert not s.export_menu_open
    assert s.export is not None and (s.export.kind, s.export.suffix) == ("animation", ".mp4")


def test_esc_and_a_direct_export_key_close_the_export_menu() -> None:
    s = S.update(S.initial_state(SEQS), S.ToggleExportMenu())
    assert S.update(s, S.Escape()).export_menu_open is False
    s = S.update(s, S.RequestExport("lineup"))
    assert not s.export_menu_open and s.export is not None and s.export.kind == "lineup"
    # Moving or choosing with the menu closed does nothing.
    assert S.update(s, S.ChooseFromMenu()).export_queue == ()


def test_hovering_a_menu_line_moves_the_highlight_there() -> None:
    s = S.update(S.initial_state(SEQS), S.ToggleExportMenu())
    s = S.update(s, S.Hover(S.MenuItem(2)))
    assert s.menu_focus == 2


def test_the_info_panel_scrolls_within_its_limit_and_starts_at_the_top_for_each_doll() -> None:
    s = S.initial_state(SEQS)
    s = S.update(S.update(s, S.ScrollInfo(5, 3)), S.ScrollInfo(1, 3))
    assert s.info_scroll == 3
    assert S.update(s, S.ScrollInfo(-9, 3)).info_scroll == 0
    assert S.update(s, S.Open()).info_scroll == 0  # the next doll's text from its top
    assert S.update(s, S.TextScale(1)).info_scroll == 0


def test_the_timeline_view_stays_within_the_span_and_follows_a_new_doll_once() -> None:
    s = S.update(S.initial_state(SEQS), S.SetTimelineView(4.0, 0.9))
    assert (s.timeline_zoom, s.timeline_start) == (4.0, 0.75)
    assert not s.timeline_follow
    s = S.update(s, S.GoTo(3))
    assert s.timeline_follow  # the layout may move the view to show doll 4
    s = S.update(s, S.SetTimelineView(4.0, 0.2))
    assert not s.timeline_follow
    assert S.update(s, S.NextSequence(1)).timeline_zoom == 1.0  # each set starts whole


def test_typing_in_the_list_of_opened_dolls_filters_it_and_enter_goes_to_the_first() -> None:
    s = settled(S.update(S.initial_state(SEQS), S.OpenToCore()))
    assert S.update(s, S.TypeInPicker("x")).picker_filter == ""  # only while it is open
    s = S.update(s, S.TogglePicker())
    assert S.picker_matches(s) == (0, 1, 2, 3, 4, 5)
    for text in ("fig", "URE 4"):
        s = S.update(s, S.TypeInPicker(text))
    assert s.picker_filter == "figURE 4" and S.picker_matches(s) == (3,)
    s = S.update(s, S.EraseInPicker())
    assert S.picker_matches(s) == (0, 1, 2, 3, 4, 5)  # "figURE " finds every figure
    s = S.update(s, S.TypeInPicker("2"))
    s = S.update(s, S.ChooseInPicker())
    assert s.target == 1 and not s.picker_open
    # Esc clears the filter first, then closes the list.
    s = S.update(S.update(settled(s), S.TogglePicker()), S.TypeInPicker("9"))
    s = S.update(s, S.Escape())
    assert s.picker_open and s.picker_filter == ""
    assert not S.update(s, S.Escape()).picker_open


def test_keys_type_into_the_open_list_instead_of_switching_sets() -> None:
    from matryoshka.window.keymap import message_for

    assert message_for("2", False, False, "2") == S.SwitchSequence(1)
    assert message_for("2", False, False, "2", picker=True) == S.TypeInPicker("2")
    assert message_for("backspace", False, False, "\b", picker=True) == S.EraseInPicker()
    assert message_for("return", False, False, "\r", picker=True) == S.ChooseInPicker()
    assert message_for("escape", False, False, "\x1b", picker=True) == S.Escape()
    assert message_for("q", True, False, "q", picker=True) == S.Quit()
