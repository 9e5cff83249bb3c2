"""``matryoshka check``: the chronology check as a user runs it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from matryoshka.cli import main
from matryoshka.commands.new import starter_text


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, list[str], str]:
    status = main(["check", *argv])
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


def test_market_set(capsys: pytest.CaptureFixture) -> None:
    status, lines, err = run(capsys, "market-1995")
    assert status == 1 and err == ""
    assert lines == [
        "market-1995 against soviet-chronology, over Nicholas II (1894–1917) "
        "to Boris Yeltsin (1991–1999)",
        "missing: Georgy Lvov (1917), between Nicholas II and Vladimir Lenin",
        "missing: Alexander Kerensky (1917), between Nicholas II and Vladimir Lenin",
        "missing: Georgy Malenkov (1953–1955), between Joseph Stalin and Nikita Khrushchev",
        "missing: Yuri Andropov (1982–1984), between Leonid Brezhnev and Mikhail Gorbachev",
        "missing: Konstantin Chernenko (1984–1985), between Leonid Brezhnev and Mikhail Gorbachev",
        "market-1995 against soviet-chronology: 5 missing, 0 not in reference, 0 out of order",
    ]


def test_trotsky_inside_lenin(capsys: pytest.CaptureFixture) -> None:
    status, lines, _ = run(capsys, "trotsky-inside-lenin")
    assert status == 1
    assert "not in reference: Leon Trotsky (1918–1925), the core, inside Vladimir Lenin" in lines
    assert [line.split(":")[1].split("(")[0].strip() for line in lines if "missing:" in line] == [
        "Georgy Malenkov",
        "Yuri Andropov",
        "Konstantin Chernenko",
    ]
    assert lines[-1].endswith(": 3 missing, 1 not in reference, 0 out of order")


def test_lenin_at_centre(capsys: pytest.CaptureFixture) -> None:
    status, lines, _ = run(capsys, "lenin-at-centre")
    assert status == 1
    assert lines[0].endswith("over Vladimir Lenin (1917–1924) only")
    strays = [line for line in lines if line.startswith("not in reference:")]
    assert len(strays) == 5
    assert strays[-1].startswith("not in reference: Russian Socialist Movement (since 2011), ")
    assert lines[-1].endswith(": 0 missing, 5 not in reference, 0 out of order")


def test_the_reference_against_itself_passes(capsys: pytest.CaptureFixture) -> None:
    status, lines, _ = run(capsys, "soviet-chronology", "--against", "soviet-chronology")
    assert status == 0
    assert lines[-1] == "soviet-chronology against soviet-chronology: nothing to report"


def test_no_reference_is_a_one_line_error(capsys: pytest.CaptureFixture) -> None:
    status, lines, err = run(capsys, "soviet-chronology")
    assert status == 1 and lines == []
    assert err.count("\n") == 1
    assert err.endswith(
        "soviet-chronology.yaml: error: no reference to check against: "
        "give --against REF or add compare_with to the file\n"
    )


def test_unknown_reference_is_a_one_line_error(capsys: pytest.CaptureFixture) -> None:
    status, lines, err = run(capsys, "market-1995", "--against", "no-such-thing")
    assert status == 1 and lines == []
    assert err.count("\n") == 1 and "no-such-thing" in err


# --- A user's own line: new file, own reference, every kind of finding ----------------

GERMAN_REFERENCE = """\
format: matryoshka/1
id: german-chancellors
title: Chancellors of Germany since 1974
dolls:
  - {name: Olaf Scholz, id: scholz, start: 2021-12-08, end: 2025-05-06}
  - {name: Angela Merkel, id: merkel, start: 2005-11-22, end: 2021-12-08}
  - {name: Gerhard Schröder, id: schroder, start: 1998-10-27, end: 2005-11-22}
  - {name: Helmut Kohl, id: kohl, start: 1982-10-01, end: 1998-10-27}
  - {name: Helmut Schmidt, id: schmidt, start: 1974-05-16, end: 1982-10-01}
"""


def _user_folder(tmp_path: Path) -> Path:
    (tmp_path / "german-chancellors.yaml").write_text(GERMAN_REFERENCE, encoding="utf-8")
    text = starter_text(tmp_path / "mine.yaml").replace(
        "# compare_with: german-chancellors", "compare_with: german-chancellors"
    )
    (tmp_path / "mine.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "mine.yaml"


def test_the_starter_agrees_with_its_reference(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    mine = _user_folder(tmp_path)
    status, lines, err = run(capsys, str(mine), "--sequences", str(tmp_path))
    assert (status, err) == (0, "")
    assert lines == [
        "mine against german-chancellors, over Helmut Kohl (1982–1998) to Angela Merkel "
        "(2005–2021)",
        "mine against german-chancellors: nothing to report",
    ]


def test_a_users_mistakes_are_each_named(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    mine = _user_folder(tmp_path)
    text = mine.read_text(encoding="utf-8")
    # Drop Schröder, add Scholz outside Merkel under an id the reference does not use,
    # and put Schmidt (the earliest) outside Kohl's place: the core is now Schmidt.
    text = re.sub(r"  - name: Gerhard Schröder\n(    .*\n)+\n", "", text)
    text = text.replace(
        "dolls:\n",
        "dolls:\n  - {name: Olaf Scholz, id: olaf, start: 2021-12-08}\n",
    )
    text = text.replace(
        "  # The core",
        "  - {name: Helmut Schmidt, id: schmidt, start: 1974-05-16, end: 1982-10-01}\n\n"
        "  # The core",
    )
    mine.write_text(text, encoding="utf-8")
    status, lines, _ = run(capsys, "mine", "--sequences", str(tmp_path))
    assert status == 1
    assert lines[1:] == [
        "missing: Gerhard Schröder (1998–2005), between Helmut Kohl and Angela Merkel",
        "not in reference: Olaf Scholz (since 2021), the outermost doll, around Angela Merkel "
        "(the reference has Olaf Scholz with the id scholz: use that id to match)",
        "out of order: Helmut Kohl (1982–1998) is inside Helmut Schmidt (1974–1982), "
        "but the reference puts Helmut Schmidt first",
        "mine against german-chancellors: 1 missing, 1 not in reference, 1 out of order",
    ]


def test_a_reference_out_of_date_order_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    mine = _user_folder(tmp_path)
    reference = tmp_path / "german-chancellors.yaml"
    reference.write_text(
        GERMAN_REFERENCE.replace("start: 1998-10-27", "start: 1978-10-27"), encoding="utf-8"
    )
    status, lines, _ = run(capsys, str(mine), "--sequences", str(tmp_path))
    assert status == 1
    assert lines[1] == (
        "reference problem: Gerhard Schröder starts 1978-10-27, before Helmut Kohl "
        "nested inside it starts (1982-10-01)"
    )
    assert lines[-1].endswith("0 missing, 0 not in reference, 0 out of order, 1 reference problem")


def test_a_reference_beside_the_file_is_found_without_sequences(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    mine = _user_folder(tmp_path)
    status, lines, err = run(capsys, str(mine))
    assert (status, err) == (0, "")
    assert lines[-1] == "mine against german-chancellors: nothing to report"


def test_a_missing_reference_is_located_at_compare_with(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    mine = _user_folder(tmp_path)
    (tmp_path / "german-chancellors.yaml").unlink()
    status, lines, err = run(capsys, str(mine))
    assert status == 1 and lines == []
    line = next(
        i + 1
        for i, text in enumerate(mine.read_text(encoding="utf-8").splitlines())
        if text.startswith("compare_with:")
    )
    assert err.startswith(
        f"{mine}:{line}:15: error: compare_with: unknown sequence 'german-chancellors'"
    )
    assert err.count("\n") == 1


def test_a_broken_sequence_reports_its_located_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    mine = _user_folder(tmp_path)
    mine.write_text(
        mine.read_text(encoding="utf-8").replace("end: 2005-11-22", "end: 2005-13-22"),
        encoding="utf-8",
    )
    status, lines, err = run(capsys, str(mine))
    assert status == 1 and lines == []
    assert re.match(rf"{re.escape(str(mine))}:\d+:10: error: dolls\[1\]\.end: month 13", err)
