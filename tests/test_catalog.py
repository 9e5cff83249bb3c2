"""Where sequences come from: shipped, the user's folder, --sequences; replacement; problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from matryoshka import paths
from matryoshka.errors import MatryoshkaError
from matryoshka.format import catalog

SHIPPED_IDS = ["market-1995", "lenin-at-centre", "trotsky-inside-lenin", "soviet-chronology"]


def write(folder: Path, name: str, seq_id: str | None = None, title: str = "T", dolls: int = 1):
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["format: matryoshka/1", f"title: {title}"]
    if seq_id:
        lines.append(f"id: {seq_id}")
    lines.append("dolls:")
    lines += [f"  - name: Doll {i}" for i in range(dolls)]
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def user_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets an empty user data folder (and cache) of its own."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    return paths.user_sequences_dir()


def test_user_folder_is_isolated(user_home: Path, tmp_path: Path) -> None:
    assert user_home == tmp_path / "xdg" / "matryoshka" / "sequences"


def test_shipped_sequences_in_story_order() -> None:
    found = catalog.discover()
    assert found.problems == []
    assert found.ids() == SHIPPED_IDS
    market = found.get("market-1995")
    assert market is not None
    assert (market.title, market.dolls, market.replaces) == ("The market set, Moscow 1995", 7, ())
    assert market.path == paths.shipped_sequences_dir() / "market-1995.yaml"
    assert found.get("nothing") is None


def test_search_order_and_replacement(user_home: Path, tmp_path: Path) -> None:
    mine = write(user_home, "my-market.yaml", seq_id="market-1995", title="My market set")
    extra = write(tmp_path / "extra", "a.yml", seq_id="market-1995", title="Later still", dolls=2)
    new = write(tmp_path / "extra", "new-one.yaml")
    found = catalog.discover([tmp_path / "extra"])
    assert found.problems == []
    # the replaced id keeps its place; new ids come after, in search order
    assert found.ids() == [*SHIPPED_IDS, "new-one"]
    entry = found.get("market-1995")
    assert entry is not None
    assert (entry.title, entry.dolls, entry.path) == ("Later still", 2, extra)
    assert entry.replaces == (paths.shipped_sequences_dir() / "market-1995.yaml", mine)
    assert found.sequence(entry).title == "Later still"
    assert found.get("new-one").path == new  # type: ignore[union-attr]


def test_later_extra_folder_wins(tmp_path: Path) -> None:
    first = write(tmp_path / "one", "x.yaml", title="First")
    second = write(tmp_path / "two", "x.yaml", title="Second")
    found = catalog.discover([tmp_path / "one", tmp_path / "two"])
    entry = found.get("x")
    assert entry is not None and entry.title == "Second" and entry.replaces == (first,)
    assert entry.path == second


def test_user_folder_can_be_left_out(user_home: Path) -> None:
    write(user_home, "mine.yaml")
    assert "mine" in catalog.discover().ids()
    assert "mine" not in catalog.discover(include_user=False).ids()


def test_broken_file_is_reported_and_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    write(folder, "good.yaml")
    broken = folder / "broken.yaml"
    broken.write_text("format: matryoshka/1\ntitle: T\ndolls:\n  - name: no\n", encoding="utf-8")
    (folder / "notes.txt").write_text("not a sequence", encoding="utf-8")
    (folder / ".good.yaml.swp.yaml").write_text("hidden: [", encoding="utf-8")
    (folder / "sub.yaml").mkdir()
    found = catalog.discover([folder])
    assert found.ids() == [*SHIPPED_IDS, "good"]
    assert [str(p) for p in found.problems] == [
        f"{broken}:4:11: error: dolls[0].name: expected text, got no, which YAML reads as the "
        'yes/no value false: quote it, "no"'
    ]


def test_missing_extra_folder_is_a_problem(tmp_path: Path) -> None:
    found = catalog.discover([tmp_path / "nope"])
    assert [str(p) for p in found.problems] == [
        f"{tmp_path / 'nope'}: error: no such folder (given with --sequences)"
    ]
    assert found.ids() == SHIPPED_IDS


def test_warnings_of_good_files_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    path = write(folder, "p.yaml")
    path.write_text(path.read_text(encoding="utf-8") + "    portrait: gone.png\n", encoding="utf-8")
    found = catalog.discover([folder])
    assert "p" in found.ids()
    assert [p.severity for p in found.problems] == ["warning"]


def test_resolve_by_id_and_by_path(tmp_path: Path) -> None:
    assert catalog.resolve("market-1995").dolls[0].id == "yeltsin"
    path = write(tmp_path, "loose.yaml", title="Loose")
    assert catalog.resolve(str(path)).title == "Loose"
    write(tmp_path / "extra", "extra-one.yaml", title="Extra")
    assert catalog.resolve("extra-one", [tmp_path / "extra"]).title == "Extra"


def test_resolve_unknown_lists_known_ids() -> None:
    with pytest.raises(MatryoshkaError) as info:
        catalog.resolve("market-1996")
    assert str(info.value) == (
        "matryoshka: error: unknown sequence 'market-1996' "
        "(known: market-1995, lenin-at-centre, trotsky-inside-lenin, soviet-chronology)"
    )


def test_resolve_missing_file() -> None:
    with pytest.raises(MatryoshkaError) as info:
        catalog.resolve("nowhere/set.yaml")
    assert str(info.value) == "nowhere/set.yaml: error: no such file"


def test_resolve_names_a_broken_file_by_its_stem(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "mine.yaml").write_text("format: matryoshka/1\ntitle: T\n", encoding="utf-8")
    with pytest.raises(MatryoshkaError) as info:
        catalog.resolve("mine", [folder])
    assert str(info.value) == f"{folder / 'mine.yaml'}:1:1: error: missing required key 'dolls'"


def test_resolve_with_a_missing_sequences_folder(tmp_path: Path) -> None:
    with pytest.raises(MatryoshkaError) as info:
        catalog.resolve("market-1995", [tmp_path / "typo"])
    assert str(info.value) == f"{tmp_path / 'typo'}: error: no such folder (given with --sequences)"


def test_load_all(tmp_path: Path) -> None:
    write(tmp_path / "s", "zz.yaml", title="Last")
    (tmp_path / "s" / "bad.yaml").write_text("nonsense: [", encoding="utf-8")
    sequences, problems = catalog.load_all([tmp_path / "s"])
    assert [s.id for s in sequences] == [*SHIPPED_IDS, "zz"]
    assert sequences[-1].title == "Last"
    assert len(problems) == 1 and problems[0].file == str(tmp_path / "s" / "bad.yaml")
