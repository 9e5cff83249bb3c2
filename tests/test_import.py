"""``matryoshka import``: Wikidata results and spreadsheets become sequences that load."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from matryoshka.cli import main
from matryoshka.format.importing.query import VARIABLES, position_query
from matryoshka.format.importing.terms import yaml_text
from matryoshka.format.importing.wikidata import (
    gregorian_to_julian,
    julian_to_gregorian,
    wikidata_date,
)
from matryoshka.format.loader import load_sequence, load_sequence_text
from matryoshka.format.model import PartialDate

DATA = Path(__file__).resolve().parent / "data" / "import"


def run_import(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str, str]:
    status = main(["import", *args])
    out, err = capsys.readouterr()
    return status, out, err


def imported(tmp_path: Path, capsys: pytest.CaptureFixture, source: Path, *options: str):
    target = tmp_path / "out.yaml"
    status, out, err = run_import(capsys, str(source), "-o", str(target), *options)
    assert status == 0, err
    assert f"wrote {target}" in out
    result = load_sequence(target)  # the project's own loader: the file is valid
    assert result.warnings == []
    return result.sequence, target.read_text(encoding="utf-8"), err


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# --- Wikidata results -------------------------------------------------------------------


def test_query_service_json_becomes_the_prime_ministers_newest_outermost(tmp_path, capsys):
    seq, text, _ = imported(tmp_path, capsys, DATA / "uk-prime-ministers.srj")
    names = [d.name for d in seq.dolls]
    assert names[0] == "Boris Johnson"
    assert names[-2:] == ["Winston Churchill", "Winston Churchill"]
    assert seq.title == "Prime Minister of the United Kingdom"
    assert seq.id == "out"
    # Churchill twice: two dolls, distinct ids, the earlier term the core
    assert [d.id for d in seq.dolls[-2:]] == ["winston-churchill-2", "winston-churchill"]
    assert seq.dolls[-1].start == PartialDate(1940, 5, 10)
    assert seq.dolls[-1].end == PartialDate(1945, 7, 26)
    assert all(d.office == "Prime Minister of the United Kingdom" for d in seq.dolls)
    assert "# Wikidata: Q8016" in text
    assert "Special:FilePath/Sir%20Winston%20Churchill" in text  # the picture, as a comment


@pytest.mark.parametrize("name", ["uk-prime-ministers.json", "uk-prime-ministers.tsv"])
def test_the_plain_json_and_tsv_downloads_read_like_the_verbose_one(tmp_path, capsys, name):
    verbose, _, _ = imported(tmp_path, capsys, DATA / "uk-prime-ministers.srj")
    plain, _, _ = imported(tmp_path, capsys, DATA / name, "--force")
    assert [(d.id, d.start, d.end, d.office) for d in plain.dolls] == [
        (d.id, d.start, d.end, d.office) for d in verbose.dolls
    ]


def test_a_bad_value_in_the_plain_json_is_placed_at_its_result(tmp_path, capsys):
    text = (DATA / "uk-prime-ministers.json").read_text(encoding="utf-8")
    text = text.replace("},{", "},\n{").replace("1990-11-28T00:00:00Z", "28.11.1990", 1)
    source = write(tmp_path, "plain.json", text)
    status, _, err = run_import(capsys, str(source), "-o", str(tmp_path / "x.yaml"))
    assert status == 1
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "28.11.1990" in t)
    assert err.startswith(f"{source}:{line}:1: error: end: expected a date"), err


@pytest.mark.parametrize("suffix", ["csv", "tsv"])
def test_query_service_csv_and_tsv_read_alike_and_a_running_term_has_no_end(
    tmp_path, capsys, suffix
):
    seq, _, _ = imported(tmp_path, capsys, DATA / f"french-presidents.{suffix}")
    assert [d.name for d in seq.dolls] == [
        "Emmanuel Macron",
        "François Hollande",
        "Nicolas Sarkozy",
    ]
    assert seq.dolls[0].end is None
    assert seq.dolls[0].years() == "since 2017"
    assert seq.dolls[1].start == PartialDate(2012, 5, 15)
    assert seq.dolls[1].id == "francois-hollande"


def test_bce_dates_keep_their_year_and_return_to_the_julian_calendar(tmp_path, capsys):
    seq, text, _ = imported(tmp_path, capsys, DATA / "roman-emperors.srj")
    augustus = seq.dolls[-1]
    # The service wrote -0026-01-14 (proleptic Gregorian, XSD 1.1 years): 16 January 27 BCE.
    assert augustus.name == "Augustus"
    assert augustus.start == PartialDate(-26, 1, 16)
    assert augustus.end == PartialDate(14, 8, 19)
    assert augustus.native_name == "Imperator Caesar Divi filius Augustus"
    assert "0 is 1 BCE" in text
    assert "Julian calendar" in text


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        ("1940-05-10T00:00:00Z", 11, "1940-05-10"),
        ("1940-05-01T00:00:00Z", 10, "1940-05"),
        ("1940-01-01T00:00:00Z", 9, "1940"),
        ("1900-01-01T00:00:00Z", 7, "1900"),  # a century: still only a year
        ("-0043-01-01T00:00:00Z", 9, "-0043"),  # 44 BCE, as XSD 1.1 and the format count
        ("-0500-01-01T00:00:00Z", 7, "-0499"),  # coarser than a year: historians' count
        ("-099-01-01T00:00:00Z", 9, "-0099"),  # the service's three-digit BCE years
        ("-0043-03-13T00:00:00Z", 11, "-0043-03-15"),  # the Ides of March, Julian
        ("1582-10-15T00:00:00Z", 11, "1582-10-15"),  # the first Gregorian day stays
        ("1582-10-14T00:00:00Z", 11, "1582-10-04"),  # the day before is Julian
        ("1945-07-26T00:00:00Z", None, "1945-07-26"),
        ("1945-01-01T00:00:00Z", None, "1945"),  # no precision: never an invented 1 January
    ],
)
def test_dates_keep_their_precision(value, precision, expected) -> None:
    assert str(wikidata_date(value, precision)) == expected


def test_julian_and_gregorian_conversions_invert_each_other() -> None:
    assert julian_to_gregorian(1498, 6, 22) == (1498, 7, 1)
    assert julian_to_gregorian(1582, 10, 4) == (1582, 10, 14)
    for year in range(-3000, 1600, 37):
        for month, day in ((1, 1), (2, 28), (3, 1), (12, 31)):
            assert gregorian_to_julian(*julian_to_gregorian(year, month, day)) == (year, month, day)


def test_month_and_year_precision_in_a_query_service_csv(tmp_path, capsys):
    source = write(
        tmp_path,
        "q.csv",
        "person,personLabel,start,startPrecision,end,endPrecision\r\n"
        "http://www.wikidata.org/entity/Q2,Second,1950-03-01T00:00:00Z,10,,\r\n"
        "http://www.wikidata.org/entity/Q1,First,1900-01-01T00:00:00Z,9,"
        "1950-03-01T00:00:00Z,10\r\n",
    )
    seq, text, _ = imported(tmp_path, capsys, source)
    assert [str(d.start) for d in seq.dolls] == ["1950-03", "1900"]
    assert "start: 1900\n" in text and "end: 1950-03\n" in text
    assert seq.title == "Q"  # no office: the file's name


def test_map_reads_a_result_with_other_variable_names(tmp_path, capsys):
    text = (DATA / "uk-prime-ministers.srj").read_text(encoding="utf-8")
    for old, new in [("personLabel", "holderLabel"), ('"person"', '"holder"')]:
        text = text.replace(old, new)
    text = text.replace('"start"', '"from"').replace("startPrecision", "fromPrecision")
    source = write(tmp_path, "renamed.json", text)
    target = tmp_path / "x.yaml"
    status, _, err = run_import(capsys, str(source), "-o", str(target))
    assert status == 1
    assert re.search(r"renamed\.json:1:1: error: the result has no variable \?personLabel", err)
    assert not target.exists()
    seq, _, _ = imported(
        tmp_path,
        capsys,
        source,
        "--map", "person=holder", "--map", "name=holderLabel",
        "--map", "start=from", "--map", "startPrecision=fromPrecision",
    )  # fmt: skip
    assert seq.dolls[-1].name == "Winston Churchill"
    assert seq.dolls[-1].start == PartialDate(1940, 5, 10)


def test_a_bad_date_in_json_is_located_and_nothing_is_written(tmp_path, capsys):
    text = (DATA / "uk-prime-ministers.srj").read_text(encoding="utf-8")
    text = text.replace("1979-05-04T00:00:00Z", "1979-05-4T00:00:00Z")
    source = write(tmp_path, "bad.srj", text)
    target = tmp_path / "out.yaml"
    status, out, err = run_import(capsys, str(source), "-o", str(target))
    assert status == 1 and out == ""
    assert not target.exists()
    [message] = err.strip().splitlines()
    where = re.match(
        rf"{re.escape(str(source))}:(\d+):(\d+): error: start: expected a date", message
    )
    assert where, message
    # the place is the value's own object in the JSON
    lines = text.splitlines()
    line, col = int(where.group(1)), int(where.group(2))
    assert lines[line - 1][col - 1] == "{"
    assert "1979-05-4T" in lines[line + 2]


# --- Spreadsheets -----------------------------------------------------------------------

SHEET_ROWS = [
    ["Kohl", "1982-10-01", "1998-10-27", "Chancellor"],
    ["Merkel", "2005-11-22", "2021-12-08", "Chancellor"],
    ["Schröder", "1998-10-27", "2005-11-22", "Chancellor"],
]


@pytest.mark.parametrize(
    ("separator", "bom", "header"),
    [
        (",", False, ["Name", "Start", "End", "Office"]),
        (";", True, ["NAME", "start", "End", "office"]),
        ("\t", True, ["name", "START", "end", "Office"]),
    ],
    ids=["comma", "semicolon-bom", "tab-bom"],
)
def test_spreadsheet_csv_in_any_dialect_sorted_by_start(tmp_path, capsys, separator, bom, header):
    lines = [separator.join(header)] + [separator.join(row) for row in SHEET_ROWS]
    text = ("\ufeff" if bom else "") + "\r\n".join(lines) + "\r\n"
    seq, _, _ = imported(tmp_path, capsys, write(tmp_path, "german-chancellors.csv", text))
    assert [d.name for d in seq.dolls] == ["Merkel", "Schröder", "Kohl"]
    assert seq.dolls[1].id == "schroder"
    assert seq.title == "German chancellors"
    assert seq.dolls[0].office == "Chancellor"


def test_spreadsheet_with_every_field_and_quoted_cells(tmp_path, capsys):
    text = (
        "Name,Native name,Kind,Office,Start,End,Caption,Id,Notes\n"
        '"Tokugawa Ieyasu",徳川家康,person,Shōgun,1603-03-24,1605-04-16,'
        '"Founded the shogunate; ""the patient one""",ieyasu,x\n'
        '"Meiji","明治天皇",Person,"Emperor, of Japan",1867-02-13,1912-07-30,'
        '"Reigned\nover two lines?",,\n'
    )
    source = write(tmp_path, "japan.csv", text)
    target = tmp_path / "out.yaml"
    status, _, err = run_import(capsys, str(source), "-o", str(target))
    assert status == 1 and not target.exists()
    assert "japan.csv:3:" in err and "caption: must be a single line" in err
    source.write_text(text.replace("Reigned\nover two lines?", "Reigned 45 years"), "utf-8")
    seq, _, err = imported(tmp_path, capsys, source)
    assert "japan.csv:1:" in err and "'Notes' is not a field" in err
    meiji, ieyasu = seq.dolls
    assert ieyasu.id == "ieyasu" and ieyasu.native_name == "徳川家康"
    assert ieyasu.caption == 'Founded the shogunate; "the patient one"'
    assert meiji.office == "Emperor, of Japan"
    assert meiji.native_name == "明治天皇"


def test_missing_required_column_is_an_error(tmp_path, capsys):
    source = write(tmp_path, "s.csv", "Name,Office\nA,B\n")
    status, _, err = run_import(capsys, str(source), "-o", str(tmp_path / "o.yaml"))
    assert status == 1
    assert "s.csv:1:1: error: no Start column" in err
    mapped = write(tmp_path, "m.csv", "Ruler,From\nA,1900\nB,1910\n")
    seq, _, _ = imported(tmp_path, capsys, mapped, "--map", "name=Ruler", "--map", "start=From")
    assert [d.name for d in seq.dolls] == ["B", "A"]


@pytest.mark.parametrize(
    ("row", "col", "message"),
    [
        ("B,26/07/1945,", 3, "start: expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("B,1945-02-30,", 3, "start: no such day"),
        ("B,1945,1944", 8, "end 1944 is before start 1945"),
        (",1945,", 1, "this row has no name"),
    ],
)
def test_a_bad_cell_is_located_at_its_row_and_column(tmp_path, capsys, row, col, message):
    source = write(tmp_path, "s.csv", f"Name,Start,End\nA,1900,1901\n\n{row}\n")
    target = tmp_path / "o.yaml"
    status, _, err = run_import(capsys, str(source), "-o", str(target))
    assert status == 1 and not target.exists()
    assert err.startswith(f"{source}:4:{col}: error: {message}"), err


# --- Files and options ------------------------------------------------------------------


def test_existing_output_is_kept_without_force(tmp_path, capsys):
    target = tmp_path / "out.yaml"
    target.write_text("mine", encoding="utf-8")
    source = DATA / "french-presidents.csv"
    status, _, err = run_import(capsys, str(source), "-o", str(target))
    assert status == 1
    assert err.strip() == f"{target}: error: already exists; use --force to replace it"
    assert target.read_text(encoding="utf-8") == "mine"
    status, _, _ = run_import(capsys, str(source), "-o", str(target), "--force", "--id", "fr",
                              "--title", "Présidents")  # fmt: skip
    assert status == 0
    seq = load_sequence(target).sequence
    assert (seq.id, seq.title) == ("fr", "Présidents")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.csv", "no such file"),
        (lambda d: write(d, "empty.csv", ""), "1:1: error: the file is empty"),
        (lambda d: write(d, "blank.csv", "\ufeff \r\n"), "1:1: error: the file is empty"),
        (lambda d: write(d, "latin.csv", "Name,Start\nRené,1900\n", "latin-1"),
         "2:4: error: not UTF-8 text: byte 0xe9"),
        (lambda d: write(d, "header.csv", "Name,Start\n"), "no rows below the header"),
        (lambda d: write(d, "broken.json", '{"head": {"vars": [}'), "1:20: error: not JSON"),
        (lambda d: write(d, "other.json", '{"a": 1}'), "1:1: error: not a SPARQL query result"),
        (lambda d: write(d, "none.srj", '{"head":{"vars":["personLabel","start"]},'
                         '"results":{"bindings":[]}}'), "the query found nothing"),
        (lambda d: d, "is a folder"),
    ],
    ids=["missing", "empty", "blank", "latin-1", "header-only", "bad-json", "not-sparql",
         "no-results", "folder"],
)  # fmt: skip
def test_every_bad_source_is_one_line_and_exit_1(tmp_path, capsys, make, message):
    source = make(tmp_path)
    target = tmp_path / "out.yaml"
    status, _, err = run_import(capsys, str(source), "-o", str(target))
    assert status == 1
    assert len(err.strip().splitlines()) == 1, err
    assert message in err and "Traceback" not in err
    assert not target.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_unwritable_folder_is_one_line(tmp_path, capsys):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        status, _, err = run_import(
            capsys, str(DATA / "french-presidents.csv"), "-o", str(folder / "o.yaml")
        )
    finally:
        folder.chmod(0o700)
    assert status == 1
    assert "cannot write: permission denied" in err


def test_a_folder_that_refuses_writing_is_one_line(tmp_path, capsys, monkeypatch):
    # As root every folder is writable: the operating system's refusal is simulated.
    import matryoshka.atomic

    def refuse(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(matryoshka.atomic.tempfile, "mkstemp", refuse)
    target = tmp_path / "o.yaml"
    status, _, err = run_import(capsys, str(DATA / "french-presidents.csv"), "-o", str(target))
    assert status == 1
    assert err.strip() == f"{target}: error: cannot write: permission denied"
    assert not target.exists()


def test_missing_folder_is_one_line(tmp_path, capsys):
    target = tmp_path / "nowhere" / "o.yaml"
    status, _, err = run_import(capsys, str(DATA / "french-presidents.csv"), "-o", str(target))
    assert status == 1
    assert err.strip() == f"{target}: error: cannot write: no folder {target.parent}"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--map", "colour=x"], "unknown field 'colour'"),
        (["--map", "name"], "expected FIELD=NAME"),
        (["--id", "Not An Id"], "--id"),
        (["--title", "two\nlines"], "--title"),
        (["--endpoint", "http://127.0.0.1:1/"], "--endpoint is for wikidata:QID"),
    ],
)
def test_wrong_options_are_usage_errors(tmp_path, capsys, args, message):
    target = tmp_path / "o.yaml"
    status, _, err = run_import(capsys, str(DATA / "french-presidents.csv"), "-o", str(target),
                                *args)  # fmt: skip
    assert status == 2
    assert message in err and len(err.strip().splitlines()) == 1
    assert not target.exists()


def test_echoed_text_is_escaped(tmp_path, capsys):
    source = write(tmp_path, "s.csv", "Name,Start\nA,\x1b[31m1900\n")
    status, _, err = run_import(capsys, str(source), "-o", str(tmp_path / "o.yaml"))
    assert status == 1
    assert "\x1b" not in err and "\\x1b" in err


# --- The query ----------------------------------------------------------------------------


def test_query_prints_a_query_with_the_contract_variables(capsys, monkeypatch):
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    status, out, _ = run_import(capsys, "--query", "q14211")
    assert status == 0
    assert "wd:Q14211" in out and 'wikibase:language "de,en"' in out
    select = re.search(r"^SELECT (.*?)^WHERE", out, flags=re.S | re.M).group(1)
    projected = re.findall(r"(?:AS )?\?(\w+)\)?", select)
    named = [v for v in projected if v not in ("native", "picture")]
    assert tuple(named) == VARIABLES
    assert out.count("{") == out.count("}")
    # every prefix used is declared, every projected variable is bound in the pattern
    declared = set(re.findall(r"^PREFIX (\w+):", out, flags=re.M))
    body = out[out.index("WHERE") :]
    used = set(re.findall(r"\b([a-z]+):[A-Za-z]", body)) - {"http", "https"}
    assert used <= declared, used - declared
    for variable in ("person", "start", "startPrecision", "end", "endPrecision", "native"):
        assert f"?{variable} " in body.split("GROUP BY")[0]
    assert "DeprecatedRank" in out and "ORDER BY ?start" in out
    assert "pqv:P580" in out and "pqv:P582" in out and "wikibase:timePrecision" in out


def test_query_refuses_what_is_not_an_item(capsys):
    status, _, err = run_import(capsys, "--query", "P39")
    assert status == 2 and "not a Wikidata item id" in err


def test_query_is_what_the_online_import_sends() -> None:
    assert "wd:Q191954" in position_query("Q191954")


# --- Excel workbooks ----------------------------------------------------------------------


def test_an_excel_workbook_reads_like_its_csv(tmp_path, capsys):
    import datetime

    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Name", "Start", "End", "Office"])
    sheet.append(["Angela Merkel", datetime.datetime(2005, 11, 22), datetime.date(2021, 12, 8),
                  "Chancellor"])  # fmt: skip
    sheet.append(["Otto von Bismarck", "1871-03-21", "1890-03-20", "Chancellor"])  # before 1900
    sheet.append(["Konrad Adenauer", 1949, 1963, "Chancellor"])  # years typed as numbers
    source = tmp_path / "chancellors.xlsx"
    book.save(source)
    seq, text, _ = imported(tmp_path, capsys, source)
    assert [d.name for d in seq.dolls] == ["Angela Merkel", "Konrad Adenauer", "Otto von Bismarck"]
    assert seq.dolls[0].start == PartialDate(2005, 11, 22)
    assert "start: 1949\n" in text
    sheet["B3"] = "18 March 1871"
    book.save(source)
    status, _, err = run_import(capsys, str(source), "-o", str(tmp_path / "x.yaml"))
    assert status == 1
    assert err.startswith(f"{source}:3:2: error: start: expected YYYY"), err


def test_a_workbook_without_openpyxl_or_damaged_is_one_line(tmp_path, capsys, monkeypatch):
    source = write(tmp_path, "s.xlsx", "not a zip")
    status, _, err = run_import(capsys, str(source), "-o", str(tmp_path / "x.yaml"))
    assert status == 1 and "not a readable .xlsx workbook" in err
    monkeypatch.setitem(__import__("sys").modules, "openpyxl", None)
    status, _, err = run_import(capsys, str(source), "-o", str(tmp_path / "x.yaml"))
    assert status == 1 and "reading .xlsx needs openpyxl: pip install" in err


# --- Text YAML would misread ----------------------------------------------------------------

TRICKY = [
    "Yes",
    "no",
    "1917",
    "2024-01-02",
    "O'Neill: the #1",
    "- dash first",
    "Null",
    "~",
    '"Quoted" \\ back',
    "عبد الناصر",
    "明治天皇",
    "Trailing colon:",
    "% percent",
    "@at",
]


def test_any_name_or_caption_survives_the_round_trip(tmp_path, capsys):
    lines = ["Name,Start,Caption"]
    for year, name in enumerate(TRICKY, start=1900):
        cell = '"' + name.replace('"', '""') + '"'
        lines.append(f"{cell},{year},{cell}")
    seq, _, _ = imported(tmp_path, capsys, write(tmp_path, "tricky.csv", "\n".join(lines)))
    assert [d.name for d in reversed(seq.dolls)] == TRICKY
    assert [d.caption for d in reversed(seq.dolls)] == TRICKY
    assert len({d.id for d in seq.dolls}) == len(TRICKY)


def test_tsv_terms_with_escapes_and_languages(tmp_path, capsys):
    header = "?person\t?personLabel\t?start\t?startPrecision\t?nativeName"
    row = (
        '<http://www.wikidata.org/entity/Q1>\t"Zo\\u00eb \\"the first\\""@en\t'
        '"1900-06-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>\t'
        '"10"^^<http://www.w3.org/2001/XMLSchema#integer>\t"Ζωή"@el'
    )
    seq, _, _ = imported(tmp_path, capsys, write(tmp_path, "r.tsv", f"{header}\n{row}\n"))
    [doll] = seq.dolls
    assert doll.name == 'Zoë "the first"'
    assert doll.native_name == "Ζωή"
    assert str(doll.start) == "1900-06"
    bad = write(tmp_path, "bad.tsv", f"{header}\n{row.replace('<http', 'http', 1)}\n")
    status, _, err = run_import(capsys, str(bad), "-o", str(tmp_path / "x.yaml"))
    assert status == 1
    assert err.startswith(f"{bad}:2:1: error: not an RDF term"), err


def test_an_item_without_a_label_is_named_by_its_id_with_a_warning(tmp_path, capsys):
    source = write(
        tmp_path,
        "q.csv",
        "person,personLabel,start,startPrecision\n"
        "http://www.wikidata.org/entity/Q4115189,Q4115189,2001-01-01T00:00:00Z,9\n",
    )
    target = tmp_path / "o.yaml"
    status, _, err = run_import(capsys, str(source), "-o", str(target))
    assert status == 0
    assert f"{source}:2:" in err and "Q4115189 has no label" in err
    assert load_sequence(target).sequence.dolls[0].id == "q4115189"


def test_a_column_without_a_name_is_left_out(tmp_path, capsys):
    source = write(tmp_path, "s.csv", "Name,,Start\nA,note,1900\n")
    seq, _, err = imported(tmp_path, capsys, source)
    assert seq.dolls[0].start == PartialDate(1900)
    assert f"{source}:2:3: warning: a value under a column with no name" in err


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40))
def test_written_text_reads_back_as_itself(text: str) -> None:
    text = text.strip()
    assume(text and "\ufffe" not in text and "\uffff" not in text)
    source = f"format: matryoshka/1\ntitle: t\ndolls:\n  - name: {yaml_text(text)}\n"
    assert load_sequence_text(source, Path("t.yaml")).sequence.dolls[0].name == text


def test_an_output_named_like_a_yaml_word_gets_a_quoted_id(tmp_path, capsys):
    target = tmp_path / "no.yaml"
    status, _, err = run_import(capsys, str(DATA / "french-presidents.csv"), "-o", str(target))
    assert status == 0, err
    assert load_sequence(target).sequence.id == "no"


def test_an_output_without_the_yaml_suffix_is_written_with_a_warning(tmp_path, capsys):
    target = tmp_path / "presidents.txt"
    status, _, err = run_import(capsys, str(DATA / "french-presidents.tsv"), "-o", str(target))
    assert status == 0
    assert err.strip() == f"{target}: warning: sequence folders only pick up .yaml and .yml files"
    assert load_sequence(target).sequence.id == "presidents-txt"
