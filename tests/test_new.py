"""``matryoshka new``: a commented starter sequence that validates."""

from __future__ import annotations

import re
import tempfile
from itertools import pairwise
from pathlib import Path

import pytest

from matryoshka.cli import main
from matryoshka.commands.new import default_id, starter_text
from matryoshka.format import model
from matryoshka.format.jsonschema import shipped_schema_path
from matryoshka.format.loader import load_sequence, load_sequence_text


def test_new_writes_a_starter_that_loads(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    target = tmp_path / "my-rulers.yaml"
    assert main(["new", str(target)]) == 0
    assert "wrote" in capsys.readouterr().out
    result = load_sequence(target)
    seq = result.sequence
    assert result.warnings == []
    assert seq.id == "my-rulers"
    assert [d.id for d in seq.dolls] == ["merkel", "schroder", "kohl"]
    assert [d.years() for d in seq.dolls] == ["2005–2021", "1998–2005", "1982–1998"]
    # Outermost first: each doll's term begins when the one inside it ends.
    for outer, inner in pairwise(seq.dolls):
        assert outer.start == inner.end


def test_the_first_line_points_editors_at_the_shipped_schema(tmp_path: Path) -> None:
    target = tmp_path / "s.yaml"
    main(["new", str(target)])
    first = target.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=matryoshka-1.schema.json"
    beside = tmp_path / "matryoshka-1.schema.json"
    assert beside.read_text(encoding="utf-8") == shipped_schema_path().read_text(encoding="utf-8")


def test_refuses_to_overwrite_without_force(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("my work\n", encoding="utf-8")
    assert main(["new", str(target)]) == 1
    err = capsys.readouterr().err
    assert err == f"{target}: error: already exists; use --force to replace it\n"
    assert target.read_text(encoding="utf-8") == "my work\n"
    assert main(["new", str(target), "--force"]) == 0
    load_sequence(target)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["matryoshka-1.schema.json", "mine.yaml"], "temporary file left"


@pytest.mark.parametrize("where", ["missing/s.yaml", "."])
def test_bad_targets_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture, where: str
) -> None:
    assert main(["new", str(tmp_path / where)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ": error: " in err


def test_an_unwritable_folder_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if _can_write(locked):
            # Running as root, which ignores folder permissions: refuse the write the way
            # the system would for anyone else.
            def refuse(*args: object, **kwargs: object) -> None:
                raise PermissionError(13, "Permission denied", str(locked))

            monkeypatch.setattr(tempfile, "mkstemp", refuse)
        assert main(["new", str(locked / "s.yaml")]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"{locked / 's.yaml'}: error: cannot write")
        assert err.count("\n") == 1
    finally:
        locked.chmod(0o700)


def _can_write(folder: Path) -> bool:
    try:
        (folder / "probe").write_text("x")
    except OSError:
        return False
    (folder / "probe").unlink()
    return True


def test_other_suffixes_are_written_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["new", str(tmp_path / "rulers.txt")]) == 0
    assert "only pick up .yaml and .yml" in capsys.readouterr().err


def test_id_follows_the_file_name_as_the_loader_does(tmp_path: Path) -> None:
    assert default_id(Path("My Rulers.yml")) == "my-rulers"
    target = tmp_path / "Kings of Poland.yaml"
    main(["new", str(target)])
    assert load_sequence(target).sequence.id == "kings-of-poland"


def test_every_commented_example_line_is_valid_once_uncommented(tmp_path: Path) -> None:
    text = starter_text(tmp_path / "s.yaml")
    examples = re.findall(r"^( *)# ((?:native_name|compare_with|portrait): .*)$", text, re.M)
    assert len(examples) == 3
    for indent, line in examples:
        text = text.replace(f"{indent}# {line}", f"{indent}{line}")
    (tmp_path / "portraits").mkdir()
    result = load_sequence_text(text, tmp_path / "s.yaml")
    assert result.sequence.compare_with == "german-chancellors"
    assert result.sequence.dolls[0].native_name == "Angela Merkel"


def test_the_comments_list_the_painters_whole_vocabulary(tmp_path: Path) -> None:
    text = starter_text(tmp_path / "s.yaml")
    comments = " ".join(line for line in text.splitlines() if line.lstrip().startswith("#"))
    words = [word for field in model.vocabulary().values() for word in field]
    assert len(words) > 120
    words += [
        *model.FLAG_LAYOUTS,
        *model.PORTRAIT_STYLES,
        "canton",
        "disc",
        "emblem_color",
        "cross_edge",
    ]
    assert [w for w in words if w not in comments] == []
    assert all(len(line) <= 100 for line in text.splitlines()[1:])


def test_a_failed_write_is_a_one_line_error_and_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("matryoshka.atomic.os.replace", refuse)
    monkeypatch.setattr("matryoshka.atomic.os.link", refuse)
    assert main(["new", str(tmp_path / "s.yaml")]) == 1
    assert (
        capsys.readouterr().err
        == f"{tmp_path / 's.yaml'}: error: cannot write: permission denied\n"
    )
    assert list(tmp_path.iterdir()) == []
