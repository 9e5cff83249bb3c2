"""Smoke tests of the benchmark harness: generated files are valid, the figures run.

Nothing here asserts a timing: the figures run at one repetition on tiny inputs, and the
tests check that they produce well-formed rows, a table and a JSON file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks import generate, run, session  # noqa: E402
from matryoshka.format.model import EMBLEMS, MAX_DOLLS, MAX_FILE_BYTES, slugify  # noqa: E402


def test_generated_sequence_is_deterministic_and_seeded() -> None:
    assert generate.generate_sequence(40) == generate.generate_sequence(40)
    assert generate.generate_sequence(40, seed=2) != generate.generate_sequence(40, seed=3)


@pytest.mark.parametrize("dolls", [1, 7, 300])
def test_generated_sequence_has_unique_ids_and_known_vocabulary(dolls: int) -> None:
    doc = yaml.safe_load(generate.generate_sequence(dolls))
    assert doc["format"] == "matryoshka/1"
    assert len(doc["dolls"]) == dolls
    ids = [slugify(d["name"]) for d in doc["dolls"]]
    assert len(set(ids)) == dolls
    for doll in doc["dolls"]:
        for emblem in doll.get("emblems", []):
            assert isinstance(emblem, dict) or emblem in EMBLEMS
    # Outermost first: the latest ruler opens first, the earliest is the core.
    assert "end" not in doc["dolls"][0]
    assert str(doc["dolls"][-1]["start"]).startswith("1000")


def test_largest_generated_file_fits_the_format_limits() -> None:
    text = generate.generate_sequence(MAX_DOLLS)
    assert len(text.encode("utf-8")) <= MAX_FILE_BYTES
    with pytest.raises(ValueError):
        generate.generate_sequence(MAX_DOLLS + 1)
    with pytest.raises(ValueError):
        generate.generate_sequence(0)


def test_generated_files_load_and_validate(tmp_path: Path) -> None:
    load = session.loader_function()
    for dolls in (7, 300, MAX_DOLLS):
        path = generate.write_sequence(dolls, tmp_path)
        seq = load(path)
        assert len(seq.dolls) == dolls
        assert seq.id == f"generated-{dolls}"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "generated-300.yaml",
        "generated-5000.yaml",
        "generated-7.yaml",
    ]


def test_generate_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert generate.main(["--dolls", "12", "--seed", "5", "-o", str(tmp_path)]) == 0
    written = Path(capsys.readouterr().out.strip())
    assert written == tmp_path / "generated-12.yaml"
    assert written.read_text(encoding="utf-8") == generate.generate_sequence(12, seed=5)
    assert generate.main(["--dolls", "0", "-o", str(tmp_path)]) == 1
    assert "between 1 and" in capsys.readouterr().err


def test_percentile_is_nearest_rank() -> None:
    samples = [float(i) for i in range(1, 101)]
    assert run.percentile(samples, 99) == 99.0
    assert run.percentile(samples, 50) == 50.0
    assert run.percentile([3.0], 99) == 3.0


def test_row_status_checks_value_and_ratio() -> None:
    row = run.Row("x", "x", "s", [0.1, 0.3, 0.2], limit=0.25, floor=[0.1], ratio_limit=3.0)
    assert row.value == pytest.approx(0.2)
    assert row.ratio == pytest.approx(2.0)
    assert row.status == "PASS"
    assert run.Row("x", "x", "s", [0.3], limit=0.25).status == "FAIL"
    assert run.Row("x", "x", "s", [0.2], floor=[0.05], ratio_limit=2).status == "FAIL"
    assert run.Row("x", "x", "s", [0.2]).status == "info"
    assert run.Row("x", "x", "s", []).status == "n/a"
    p99 = run.Row("x", "x", "ms", [1.0] * 99 + [50.0, 60.0], stat="p99", limit=10)
    assert p99.value == 50.0 and p99.status == "FAIL"


def test_missing_module_is_reported_not_raised(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def missing(ctx: run.Context) -> list[run.Row]:
        run.require("matryoshka.no_such_module")
        return []

    def broken(ctx: run.Context) -> list[run.Row]:
        raise RuntimeError("boom")

    monkeypatch.setitem(run.FIGURES, "paint", missing)
    monkeypatch.setitem(run.FIGURES, "load", broken)
    ctx = run.Context(quick=True, tmp=tmp_path)
    (na,) = run.measure("paint", ctx)
    (err,) = run.measure("load", ctx)
    assert na.status == "n/a" and "no_such_module" in na.note
    assert err.status == "ERROR" and "boom" in err.note
    table = run.format_table([na, err])
    assert "n/a" in table and "ERROR" in table


def test_only_rejects_unknown_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert run.parse_only(["memory,load", "paint"]) == ["paint", "load", "memory"]
    assert run.parse_only(None) == list(run.FIGURES)
    with pytest.raises(SystemExit) as exit_info:
        run.parse_only(["speed"])
    assert exit_info.value.code == 2
    assert "unknown figure speed" in capsys.readouterr().err


def test_results_keep_figures_not_rerun(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    first = [run.Row("paint", "paint 512", "ms", [12.0, 10.0, 11.0], limit=30)]
    run.write_results(first, ["paint"], quick=True, path=out)
    second = [run.Row("load", "load 300", "s", [0.05], limit=0.1, floor=[0.01])]
    run.write_results(second, ["load"], quick=True, path=out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert list(doc["figures"]) == ["paint", "load"]
    (paint,) = doc["figures"]["paint"]["rows"]
    assert (paint["value"], paint["min"], paint["max"], paint["n"]) == (11.0, 10.0, 12.0, 3)
    (load,) = doc["figures"]["load"]["rows"]
    assert load["ratio"] == 5.0 and load["floor"]["n"] == 1
    assert doc["machine"]["video_driver"] == "dummy"


def test_load_figure_runs_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "results.json"
    assert run.main(["--quick", "--only", "load", "--output", str(out)]) == 0
    rows = json.loads(out.read_text(encoding="utf-8"))["figures"]["load"]["rows"]
    assert [r["n"] for r in rows] == [1, 1, 1]
    assert all(r["status"] in ("PASS", "FAIL") for r in rows[1:])
    assert "load+validate 5,000 dolls" in capsys.readouterr().out


def test_compare_figure_runs_once(tmp_path: Path) -> None:
    rows = run.fig_compare(run.Context(quick=True, tmp=tmp_path))
    assert [r.label for r in rows] == [
        "compare+place 1,000 vs 1,000 dolls",
        "compare+place 5,000 vs 1,000 dolls",
    ]
    assert all(len(r.samples) == 1 and r.status in ("PASS", "FAIL") for r in rows)


def test_paint_figure_runs_once(tmp_path: Path) -> None:
    rows = run.fig_paint(run.Context(quick=True, tmp=tmp_path))
    assert [r.label for r in rows] == [
        "paint one doll, cold, 256 px",
        "paint one doll, cold, 512 px",
        "paint one doll, cold, 2048 px",
    ]
    assert all(len(r.samples) == 7 and min(r.samples) > 0 for r in rows)


def test_first_frame_launcher_returns_after_the_first_frame(tmp_path: Path) -> None:
    # Without the hook the window would wait for input until the timeout; with it the real
    # command line returns 0 once the first frame is presented.
    env = run.Context(quick=True, tmp=tmp_path).child_env()
    assert "MATRYOSHKA_EXIT_AFTER_FIRST_FRAME" not in env
    env[run._first_frame_hook()] = "1"
    elapsed, _ = run.run_process([sys.executable, "-c", run.FIRST_FRAME_LAUNCHER], env, 60)
    assert elapsed > 0


def test_bare_window_reports_its_peak_memory(tmp_path: Path) -> None:
    env = run.Context(quick=True, tmp=tmp_path).child_env()
    _, out = run.run_process([sys.executable, "-c", run.BARE_WINDOW], env)
    assert 1_000 < int(out.strip().splitlines()[-1]) < 10_000_000  # KiB


def test_soak_drives_the_window_with_real_exports_and_reports_its_peak(tmp_path: Path) -> None:
    env = run.Context(quick=True, tmp=tmp_path).child_env()
    folder = tmp_path / "exports"
    folder.mkdir()
    argv = [sys.executable, "-m", "benchmarks.soak", "40", "5", "--exports", str(folder)]
    _, out = run.run_process(argv, env, timeout=600)
    assert 10_000 < int(out.strip().splitlines()[-1]) < 10_000_000  # KiB
    # The export keys really wrote pictures, and every export finished before the end.
    written = sorted(p.suffix for p in folder.iterdir())
    assert written and set(written) <= {".png", ".gif"}
    assert not [p for p in folder.iterdir() if p.name.endswith(".part")]


def test_opening_frames_cover_every_opening_and_closing() -> None:
    market = session.load("market-1995")
    times = session.opening_frame_times("market-1995", (800, 600), passes=1)
    # Each of the 2 * (dolls - 1) moves takes several frames at a 16 ms step.
    assert len(times) >= 2 * (len(market.dolls) - 1) * 10
    assert all(t > 0 for t in times)


def test_session_opens_to_depth_and_back(tmp_path: Path) -> None:
    path = generate.write_sequence(30, tmp_path)
    times = session.steady_frame_times(str(path), (800, 600), depth=12, passes=1)
    assert len(times) >= 20
    s = session.Session(str(path), (800, 600))
    s.jump_to(12)
    assert s.state.depth == 12 and s.state.sequence.id == "generated-30"
    assert s.prewarm_times


def test_memory_session_reports_a_peak(tmp_path: Path) -> None:
    path = generate.write_sequence(4, tmp_path)
    peak_kib = session.memory_session(str(path), (800, 600))
    # A window with painted dolls and fonts takes more than 10 MB; less means a bad read.
    assert 10_000 < peak_kib < 10_000_000


def test_generated_query_result_imports_to_a_valid_sequence(tmp_path: Path) -> None:
    from matryoshka.cli import main as cli_main
    from matryoshka.format.loader import load_sequence

    source = tmp_path / "holders.srj"
    source.write_text(generate.generate_query_result(300), encoding="utf-8")
    assert generate.generate_query_result(300) == source.read_text(encoding="utf-8")
    target = tmp_path / "holders.yaml"
    assert cli_main(["import", str(source), "-o", str(target)]) == 0
    dolls = load_sequence(target).sequence.dolls
    assert len(dolls) == 300
    assert dolls[0].end is None  # the latest term still runs
    assert any(d.id.endswith("-2") for d in dolls)  # some rulers came back


def test_import_figure_runs_once(tmp_path: Path) -> None:
    rows = run.fig_import(run.Context(quick=True, tmp=tmp_path))
    assert [r.label for r in rows] == [
        "import 300-term Wikidata result (JSON)",
        "import 300-row spreadsheet (CSV)",
    ]
    assert all(r.status in ("PASS", "FAIL") and len(r.samples) == 1 for r in rows)
