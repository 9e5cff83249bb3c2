"""The README's promises that a test can keep: its commands and its example file."""

from __future__ import annotations

import re
from pathlib import Path

from matryoshka.format.loader import load_sequence_text
from matryoshka.window.keymap import HELP_KEYS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def test_readme_opens_with_the_install_and_test_commands_ci_runs() -> None:
    first, second = _blocks("sh")[:2]
    assert first.strip() == "python3 -m pip install . && matryoshka"
    assert second.strip() == "python3 -m pip install '.[test]' && python3 -m pytest"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert second.strip() in ci.splitlines()


def test_readme_example_sequence_is_valid() -> None:
    example = next(block for block in _blocks("yaml") if "format: matryoshka/1" in block)
    result = load_sequence_text(example, ROOT / "README-example.yaml")
    assert len(result.sequence.dolls) == 3
    assert result.warnings == []


def test_readme_lists_every_key_the_help_overlay_lists() -> None:
    table = README[README.index("| key | does |") :]
    table = table[: table.index("\n\n")]
    for keys, _ in HELP_KEYS:
        for key in re.split(r",\s*|\s+or\s+|\s+to\s+", keys):
            if key.startswith(("Click", "Mouse")):
                continue
            mentioned = re.search(rf"(?<![\w+]){re.escape(key)}(?![\w+])", table)
            assert mentioned, f"README key table does not mention {key!r}"


def test_readme_lists_every_word_the_painter_knows() -> None:
    from matryoshka.format import model

    section = README[README.index("What the painter knows") : README.index("### Checking a file")]
    words = {word for field in model.vocabulary().values() for word in field}
    missing = [
        w for w in sorted(words) if not re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", section)
    ]
    assert missing == []


def test_readme_names_every_emblem_word() -> None:
    from matryoshka.format import model

    listing = README[README.index("What the painter knows:") :]
    for word in model.EMBLEMS:
        assert f"`{word}`" in listing, word


def test_readme_flags_are_written_as_the_program_reads_them() -> None:
    rows = re.findall(r"^  \| ([A-Z][\w ]+) \| `(\{flag: .*\})` \|$", README, flags=re.M)
    assert len(rows) >= 10
    for nation, flag in rows:
        text = (
            f"format: matryoshka/1\ntitle: T\ndolls:\n  - name: {nation}\n    emblems: [{flag}]\n"
        )
        result = load_sequence_text(text, ROOT / "README-flag.yaml")
        assert result.warnings == []
