"""Every key the window answers to, listed once: the bindings and the help overlay.

Pure data, no pygame: a key is named as ``pygame.key.name`` names it (``"space"``,
``"page down"``, ``"f11"``), so the window looks a press up by name and tests need no
display. Each :class:`Row` is one line of the help overlay; its bindings are the presses
that line describes. A row with no bindings (a click, the mouse wheel) is help only: the
layout's hit targets handle those.
"""

from __future__ import annotations

from typing import Literal

from matryoshka.records import Record
from matryoshka.window.state import (
    Blank,
    ChooseFromMenu,
    ChooseInPicker,
    Close,
    CloseAll,
    Compare,
    EraseInPicker,
    Escape,
    Message,
    MoveMenuFocus,
    NextSequence,
    Open,
    OpenToCore,
    Quit,
    RequestExport,
    SwitchSequence,
    TextScale,
    ToggleAbout,
    ToggleExportMenu,
    ToggleFullscreen,
    ToggleHelp,
    TogglePresentation,
    ToggleReducedMotion,
    TypeInPicker,
)


class Binding(Record):
    """One press: a key (by name), what it asks for, and the modifiers it needs.

    ``key`` is the key's name as ``pygame.key.name`` gives it, or the character it types
    (``"?"``). ``mods`` is ``""`` (no Ctrl, Shift or not), ``"ctrl"`` (Ctrl or Cmd held),
    ``"shift"`` (Shift held) or ``"no shift"``.
    """

    key: str
    message: Message
    mods: Literal["", "ctrl", "shift", "no shift"] = ""

    @property
    def ctrl(self) -> bool:
        return self.mods == "ctrl"

    @property
    def shift(self) -> bool | None:
        return {"shift": True, "no shift": False}.get(self.mods)


class Row(Record):
    """One line of the help overlay: the keys as written there, what they do, the presses."""

    keys: str
    does: str
    bindings: tuple[Binding, ...] = ()


def _each(
    keys: tuple[str, ...], message: Message, mods: Literal["", "ctrl"] = ""
) -> tuple[Binding, ...]:
    return tuple(Binding(key, message, mods) for key in keys)


KEYMAP: tuple[Row, ...] = (
    Row(
        "Click the doll, Space, Enter, Right, Page Down, Down",
        "open the doll",
        _each(("space", "return", "enter", "right", "page down", "down"), Open()),
    ),
    Row("Click a shelf doll", "close back to it"),
    Row(
        "Backspace, Left, Page Up, Up",
        "close one doll",
        _each(("backspace", "left", "page up", "up"), Close()),
    ),
    Row("Home", "close every doll", _each(("home",), CloseAll())),
    Row("End", "open all the way to the core", _each(("end",), OpenToCore())),
    Row(
        "Tab, Shift+Tab, 1 to 9",
        "switch sequence",
        (
            Binding("tab", NextSequence(1), "no shift"),
            Binding("tab", NextSequence(-1), "shift"),
            *(Binding(str(n), SwitchSequence(n - 1)) for n in range(1, 10)),
        ),
    ),
    Row("D", "about this sequence", _each(("d",), ToggleAbout())),
    Row(
        "C, Shift+C",
        "compare side by side with the next set, the previous",
        (Binding("c", Compare(1), "no shift"), Binding("c", Compare(-1), "shift")),
    ),
    Row(
        "E, O",
        "export the doll, closed or opened",
        (Binding("e", RequestExport("doll")), Binding("o", RequestExport("open"))),
    ),
    Row(
        "L, A, V",
        "export the line-up, the animation (GIF, MP4 video)",
        (
            Binding("l", RequestExport("lineup")),
            Binding("a", RequestExport("animation")),
            Binding("v", RequestExport("animation", ".mp4")),
        ),
    ),
    Row(
        "X, the Export button",
        "every export: Up, Down, Enter to choose",
        _each(("x",), ToggleExportMenu()),
    ),
    Row("M", "reduced motion on or off", _each(("m",), ToggleReducedMotion())),
    Row(
        "Ctrl+=, Ctrl+-, Ctrl+0",
        "larger, smaller, normal text",
        (
            *_each(("=", "+", "[+]"), TextScale(1), "ctrl"),
            *_each(("-", "[-]", "_"), TextScale(-1), "ctrl"),
            *_each(("0", "[0]"), TextScale(0), "ctrl"),
        ),
    ),
    Row("P", "presentation mode", _each(("p",), TogglePresentation())),
    Row(
        "B or ., W",
        "black or white screen (any key brings it back)",
        (*_each(("b", "."), Blank("black")), Binding("w", Blank("white"))),
    ),
    Row("F11", "fullscreen", _each(("f11",), ToggleFullscreen())),
    Row(
        "H or ?",
        "this help",
        (*_each(("h", "?"), ToggleHelp()), Binding("/", ToggleHelp(), "shift")),
    ),
    Row(
        "Esc",
        "close an overlay or the comparison, fold errors, leave fullscreen",
        _each(("escape",), Escape()),
    ),
    Row("Ctrl+Q", "quit", _each(("q",), Quit(), "ctrl")),
    Row("Click a timeline bar", "go straight to that doll"),
    Row("Mouse wheel on the tabs", "scroll the tabs"),
    Row("Mouse wheel, drag on the timeline", "zoom in or out, move along the years"),
    Row("Typing in the list of opened dolls", "find a doll by name or year; Enter goes to it"),
)

#: While the Export menu is open these keys move in it (the export keys still work).
MENU_KEYS: dict[str, Message] = {
    "up": MoveMenuFocus(-1),
    "down": MoveMenuFocus(1),
    "page up": MoveMenuFocus(-1),
    "page down": MoveMenuFocus(1),
    "return": ChooseFromMenu(),
    "enter": ChooseFromMenu(),
    "space": ChooseFromMenu(),
    "x": ToggleExportMenu(),
}

#: The help overlay's lines: (keys, what they do).
HELP_KEYS: tuple[tuple[str, str], ...] = tuple((row.keys, row.does) for row in KEYMAP)

_BINDINGS: dict[tuple[str, bool], tuple[Binding, ...]] = {}
for _row in KEYMAP:
    for _b in _row.bindings:
        _BINDINGS[(_b.key, _b.ctrl)] = (*_BINDINGS.get((_b.key, _b.ctrl), ()), _b)


def message_for(
    key_name: str,
    ctrl: bool,
    shift: bool,
    text: str = "",
    *,
    menu: bool = False,
    picker: bool = False,
) -> Message | None:
    """What a press asks for: the key by name, the modifiers, the character it typed.

    The typed character counts too, so ``?`` works on every keyboard layout. With
    ``menu`` (the Export menu is open) the arrows and Enter move in the menu; with
    ``picker`` (the list of hidden shells is open) what is typed filters the list.
    """
    if menu and not ctrl and key_name in MENU_KEYS:
        return MENU_KEYS[key_name]
    if picker and not ctrl:
        if key_name == "backspace":
            return EraseInPicker()
        if key_name in ("return", "enter"):
            return ChooseInPicker()
        if text and text.isprintable() and key_name not in ("escape", "tab"):
            return TypeInPicker(text)
    for name in (key_name, text):
        for binding in _BINDINGS.get((name, ctrl), ()):
            if binding.shift is None or binding.shift == shift:
                return binding.message
    return None


def key_for(message: Message) -> str:
    """The key that sends ``message``, as the help writes it (``""``: none)."""
    for row in KEYMAP:
        for binding in row.bindings:
            if binding.message == message:
                prefix = "Ctrl+" if binding.ctrl else "Shift+" if binding.mods == "shift" else ""
                return prefix + (binding.key.upper() if len(binding.key) == 1 else binding.key)
    return ""
