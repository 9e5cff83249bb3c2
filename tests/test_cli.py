"""The command line's own plumbing (the commands themselves have their own tests)."""

from __future__ import annotations

import argparse

import pytest

from matryoshka import cli


def test_no_arguments_is_what_parsing_no_arguments_gives() -> None:
    # main() skips the parsers for plain ``matryoshka``; that must change nothing.
    assert cli.build_parser().parse_args([]) == argparse.Namespace(command=None)


def test_plain_matryoshka_opens_the_window_on_the_remembered_or_default_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[argparse.Namespace] = []

    def fake_view(args: argparse.Namespace) -> int:
        seen.append(args)
        return 0

    monkeypatch.setattr("matryoshka.commands.view.run", fake_view)
    monkeypatch.setattr("sys.argv", ["matryoshka"])
    assert cli.main() == 0
    assert cli.main([]) == 0
    assert cli.main(["view"]) == 0
    plain, empty, named = seen
    assert plain == empty
    assert vars(plain) == {
        "command": None,
        "sequence_defaulted": True,
        "sequence": cli.DEFAULT_SEQUENCE,
        "reduced_motion": False,
    }
    assert named.sequence_defaulted and cli.search_dirs(named) == cli.search_dirs(plain) == []
