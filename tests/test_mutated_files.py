"""Shipped files, mutated at random: every command and the window end cleanly on them.

Whatever a mutation makes of a file, ``validate`` reports it or passes it; and whatever
passes is exported in every kind and shown in a headless window without an exception.
"""

from __future__ import annotations

import contextlib
import html
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matryoshka.cli import main
from matryoshka.errors import MatryoshkaError
from matryoshka.format.loader import load_sequence
from matryoshka.pgcompat import pygame
from matryoshka.window.app import App

SHIPPED = sorted((Path(__file__).resolve().parent.parent / "sequences").glob("*.yaml"))
#: Characters a mutation may insert: YAML syntax, controls, other scripts, bidi marks.
ODD = st.sampled_from(
    [":", "-", "#", "'", '"', "{", "[", "*", "&", "!", "\\0", "\\e", "\t", "  ", "\u202e",
     "é", "明治", "עברית", "0", "-44", "null", "yes", "1964-02-30", "\n", "\n  - name: X\n"]
)  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SHIPPED)).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["delete", "duplicate", "insert", "truncate"]))
        if how == "delete" and len(lines) > 1:
            del lines[i]
        elif how == "duplicate":
            lines.insert(i, lines[i])
        elif how == "insert":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(ODD) + lines[i][at:]
        else:
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
    return "".join(lines)


def quietly(*argv: str) -> int:
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        return main(list(argv))


@pytest.mark.filterwarnings("ignore")
@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=mutated())
def test_a_mutated_file_validates_exports_and_shows_or_is_reported(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mutated.yaml"
        path.write_text(text, encoding="utf-8")
        status = quietly("validate", str(path))
        assert status in (0, 1)
        try:
            sequence = load_sequence(path).sequence
        except MatryoshkaError:
            assert status == 1
            return
        assert status == 0
        for name, kind in (("doll", []), ("open", ["--open"]), ("lineup", ["--lineup"])):
            out = Path(folder) / f"{name}.png"
            assert quietly("export", str(path), *kind, "--size", "96", "-o", str(out)) == 0
            assert out.is_file()
        page = Path(folder) / "page.html"
        assert quietly("export", str(path), "--size", "64", "-o", str(page)) == 0
        assert f">{html.escape(sequence.dolls[0].name)}</h2>" in page.read_text(encoding="utf-8")
        if len(sequence.dolls) <= 3:
            gif = Path(folder) / "open.gif"
            assert quietly("export", str(path), "--animate", "--size", "64", "-o", str(gif)) == 0
        window = App([sequence], settings_file=None, export_folder=Path(folder))
        try:
            for event in (
                pygame.event.Event(pygame.KEYDOWN, key=pygame.K_END, mod=0, unicode=""),
                pygame.event.Event(pygame.KEYDOWN, key=pygame.K_h, mod=0, unicode="h"),
                pygame.event.Event(pygame.KEYDOWN, key=pygame.K_d, mod=0, unicode="d"),
            ):
                window.process([event], 2000)
                window.draw()
        finally:
            pygame.display.quit()
