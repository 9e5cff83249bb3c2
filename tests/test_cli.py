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


def test_every_kind_of_export_is_asked_for_by_its_own_option_or_suffix() -> None:
    from matryoshka.export import kinds

    parser = cli.build_parser()
    asked = []
    for spec in kinds.KINDS:
        option = [spec.option] if spec.option else []
        if spec.metavar:
            option.append("lenin-at-centre")  # the option names the other set
        out = "out" + (spec.suffix if spec.option is None else ".png")
        args = parser.parse_args(["export", "market-1995", "-o", out, *option])
        assert kinds.chosen(args, spec.suffix if spec.option is None else ".png") is spec
        asked.append(spec.name)
    assert sorted(asked) == sorted(kinds.BY_NAME)
    assert sorted(asked) == ["animation", "comparison", "doll", "lineup", "open", "page"]
    # The web page needs no option: the suffix asks for it; a still is the default.
    plain = parser.parse_args(["export", "market-1995", "-o", "out.HTML"])
    assert kinds.chosen(plain, ".HTML").name == "page"
    assert kinds.chosen(plain, ".png").name == "doll"
    with pytest.raises(SystemExit):
        parser.parse_args(["export", "market-1995", "-o", "out.png", "--open", "--lineup"])
