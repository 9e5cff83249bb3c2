"""The performance figures of matryoshka, measured headless on this machine.

``python benchmarks/run.py`` prints a table and writes ``benchmarks/results.json``.
Each figure is the median of repeated runs, with min, max and n; where a floor exists
(a bare pygame-ce window, plain YAML parsing, the bare command line) it is measured in
the same run and the ratio is printed. Each figure is a function; a figure whose module
is missing is reported as "n/a" with the reason instead of stopping the run.

Options:
    --quick          few repetitions (a smoke run, not figures to quote)
    --only NAME      run only these figures (repeatable, or comma-separated)
    --output PATH    where to write the JSON (default benchmarks/results.json)
    --list           list the figures and exit
"""

from __future__ import annotations

import os

# Headless, before anything imports pygame. Every child process inherits these.
os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import argparse
import contextlib
import json
import math
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks import generate, session  # noqa: E402  (needs REPO on sys.path)

RESULTS = Path(__file__).resolve().parent / "results.json"

# --- Measurements ---------------------------------------------------------------------


#: Raised by a figure (or the session it drives) whose module or hook is missing.
Unavailable = session.Unavailable


def percentile(samples: list[float], pct: float) -> float:
    """The nearest-rank percentile (``pct`` in 0..100) of non-empty ``samples``."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass
class Row:
    """One line of the table: a statistic of repeated samples, and its target.

    ``stat`` is ``median`` or ``p99``. ``limit`` bounds the value, ``ratio_limit`` the
    ratio to ``floor`` (measured in the same run). A row with no samples is "n/a".
    """

    figure: str
    label: str
    unit: str
    samples: list[float]
    stat: str = "median"
    limit: float | None = None
    floor: list[float] | None = None
    floor_label: str = ""
    ratio_limit: float | None = None
    note: str = ""
    error: bool = False

    @property
    def value(self) -> float | None:
        if not self.samples:
            return None
        if self.stat == "p99":
            return percentile(self.samples, 99)
        return statistics.median(self.samples)

    @property
    def floor_value(self) -> float | None:
        return statistics.median(self.floor) if self.floor else None

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.floor_value:
            return None
        return self.value / self.floor_value

    @property
    def status(self) -> str:
        if self.error:
            return "ERROR"
        if self.value is None:
            return "n/a"
        if self.limit is None and self.ratio_limit is None:
            return "info"
        ok = self.limit is None or self.value < self.limit
        if self.ratio_limit is not None:
            ok = ok and self.ratio is not None and self.ratio < self.ratio_limit
        return "PASS" if ok else "FAIL"

    @property
    def target(self) -> str:
        parts = []
        if self.limit is not None:
            parts.append(f"< {_num(self.limit)} {self.unit}")
        if self.ratio_limit is not None:
            parts.append(f"ratio < {_num(self.ratio_limit)}")
        return ", ".join(parts) or "-"

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "label": self.label,
            "unit": self.unit,
            "stat": self.stat,
            "value": _round(self.value),
            "min": _round(min(self.samples)) if self.samples else None,
            "max": _round(max(self.samples)) if self.samples else None,
            "n": len(self.samples),
            "limit": self.limit,
            "status": self.status,
        }
        if self.floor:
            out["floor"] = {
                "label": self.floor_label,
                "median": _round(self.floor_value),
                "min": _round(min(self.floor)),
                "max": _round(max(self.floor)),
                "n": len(self.floor),
            }
            out["ratio"] = _round(self.ratio)
            out["ratio_limit"] = self.ratio_limit
        if self.note:
            out["note"] = self.note
        return out


def _round(value: float | None) -> float | None:
    return None if value is None else float(f"{value:.4g}")


def _num(value: float | None) -> str:
    if value is None:
        return "-"
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}"


@dataclass
class Context:
    """What every figure gets: repetition policy, a scratch folder, generated files."""

    quick: bool
    tmp: Path
    _generated: dict[int, Path] = field(default_factory=dict)

    def reps(self, full: int, quick: int = 1) -> int:
        """How many times to repeat a measurement in this run."""
        return quick if self.quick else full

    def generated(self, dolls: int) -> Path:
        """A generated sequence of ``dolls`` dolls (written once per run)."""
        if dolls not in self._generated:
            self._generated[dolls] = generate.write_sequence(dolls, self.tmp / "sequences")
        return self._generated[dolls]

    def child_env(self) -> dict[str, str]:
        """Environment for child processes: headless, this checkout, no user settings.

        The user's config and data folders point into the scratch folder so a remembered
        window size or sequence on this machine cannot change what is measured.
        """
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            folder = self.tmp / name.lower()
            folder.mkdir(exist_ok=True)
            env[name] = str(folder)
        env.pop("MATRYOSHKA_EXIT_AFTER_FIRST_FRAME", None)
        # An installed program runs from compiled bytecode; a child that had to compile
        # every module at each start would measure the compiler. Cache the bytecode in
        # the scratch folder (not in the checkout), filled by each figure's warm-up run.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(self.tmp / "pycache")
        return env


def require(module: str) -> Any:
    """Import ``module`` or raise ``Unavailable`` naming it."""
    return session._require(module)


def time_calls(
    fn: Callable[[], object], reps: int, before: Callable[[], object] | None = None
) -> list[float]:
    """Seconds taken by each of ``reps`` calls of ``fn`` (``before`` runs untimed)."""
    out: list[float] = []
    for _ in range(reps):
        if before is not None:
            before()
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def run_process(argv: list[str], env: dict[str, str], timeout: float = 120) -> tuple[float, str]:
    """Run a child to completion; its wall time in seconds and its stdout.

    Raises:
        RuntimeError: the child failed (its stderr is in the message).
    """
    start = time.perf_counter()
    proc = subprocess.run(
        argv, env=env, capture_output=True, text=True, timeout=timeout, cwd=REPO, check=False
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        raise RuntimeError(f"{' '.join(argv[1:4])}... exit {proc.returncode}: {' | '.join(tail)}")
    return elapsed, proc.stdout


def _matryoshka(*args: str) -> list[str]:
    return [sys.executable, "-m", "matryoshka", *args]


# --- The figures ----------------------------------------------------------------------

#: A bare pygame-ce program: open a window, present one frame, exit. The floor of startup.
#: It prints its peak RSS (KiB) for the memory figure's floor, reading /proc directly so
#: that no import lengthens the timed run.
BARE_WINDOW = """
import os
import pygame
pygame.init()
screen = pygame.display.set_mode((1280, 800))
screen.fill((245, 236, 220))
pygame.display.flip()
try:  # VmHWM: see benchmarks.session.peak_rss_kib
    with open("/proc/self/status") as status:
        peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
except (OSError, StopIteration):
    import resource, sys
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak = peak // 1024 if sys.platform == "darwin" else peak
print(peak, flush=True)
os._exit(0)
"""

#: ``python -m matryoshka`` as far as its first frame: the real command line, catalog,
#: settings and window code, run with the window's exit-after-first-frame hook set, so
#: ``App.run`` returns right after its first ``display.flip``. The child then leaves with
#: ``os._exit``, as the bare window does: interpreter teardown (unloading pygame, SDL and
#: every module, some 40 ms) is not start-up, and counting it on one side only would skew
#: the ratio. The teardown is measured on its own, as an info row.
FIRST_FRAME_LAUNCHER = """
import os, sys
from matryoshka.cli import main
status = main(sys.argv[1:])
sys.stdout.flush()
sys.stderr.flush()
os._exit(status)
"""


def _first_frame_hook() -> str:
    """The window's exit-after-first-frame environment variable.

    Raises:
        Unavailable: the window has no such hook.
    """
    hook = getattr(require("matryoshka.window.app"), "EXIT_AFTER_FIRST_FRAME_ENV", None)
    if not isinstance(hook, str) or not hook:
        raise Unavailable("matryoshka.window.app has no EXIT_AFTER_FIRST_FRAME_ENV hook")
    return hook


def fig_startup(ctx: Context) -> list[Row]:
    """Start to first frame presented, ``python -m matryoshka``, against a bare window."""
    env = ctx.child_env()
    app_env = dict(env, **{_first_frame_hook(): "1"})
    app_argv = [sys.executable, "-c", FIRST_FRAME_LAUNCHER]
    full_argv = _matryoshka()
    bare_argv = [sys.executable, "-c", BARE_WINDOW]
    # Warm the file cache, the bytecode cache and the program's own caches (the checked
    # sequence files), as any start but the first after an install or an edit finds them.
    run_process(bare_argv, env)
    run_process(app_argv, app_env)
    bare: list[float] = []
    app: list[float] = []
    full: list[float] = []
    cold: list[float] = []
    # Alternate them so that a busy moment on the machine hits all alike.
    for i in range(ctx.reps(20, 3)):
        bare.append(run_process(bare_argv, env)[0])
        app.append(run_process(app_argv, app_env)[0])
        full.append(run_process(full_argv, app_env)[0])
        empty_cache = str(ctx.tmp / f"empty-cache-{i}")
        cold.append(run_process(app_argv, dict(app_env, XDG_CACHE_HOME=empty_cache))[0])
    return [
        Row(
            "startup",
            "start to first frame (matryoshka)",
            "s",
            app,
            limit=0.6,
            floor=bare,
            floor_label="bare pygame-ce window, one frame",
            ratio_limit=2.0,
            note="matryoshka.cli.main([]) with MATRYOSHKA_EXIT_AFTER_FIRST_FRAME=1 (App.run "
            "returns after the first flip), then os._exit like the floor; launch to exit",
        ),
        Row(
            "startup",
            "  same, to process exit",
            "s",
            full,
            floor=bare,
            floor_label="bare pygame-ce window, one frame",
            note="python -m matryoshka with MATRYOSHKA_EXIT_AFTER_FIRST_FRAME=1, including "
            "the interpreter's normal teardown (the floor skips its own with os._exit)",
        ),
        Row(
            "startup",
            "  same, first start (empty cache)",
            "s",
            cold,
            floor=bare,
            floor_label="bare pygame-ce window, one frame",
            note="as the first row, with an empty user cache folder each time: every "
            "sequence file is parsed and checked (YAML, pydantic), then the cache is written",
        ),
    ]


def fig_frames(ctx: Context) -> list[Row]:
    """Frame time (tick and draw) while the opening animation plays."""
    rows: list[Row] = []
    for size, limits in (((1280, 800), (4.0, 10.0)), ((1920, 1080), (None, None))):
        frames = session.opening_frame_times(
            "market-1995", size, passes=ctx.reps(3, 1), clear_painter_cache=True
        )
        ms = [t * 1000 for t in frames]
        label = f"opening frame {size[0]}x{size[1]}"
        rows.append(Row("frames", label, "ms", ms, limit=limits[0], note=_frames_note()))
        rows.append(Row("frames", label, "ms", ms, stat="p99", limit=limits[1]))
    return rows


def _frames_note() -> str:
    return (
        "each frame = state tick (dt 16 ms) + scene render, market set opened to the core "
        "and closed back; first pass starts with a cold painter cache"
    )


def fig_paint(ctx: Context) -> list[Row]:
    """Painting one doll, whole, with a cold cache, at 256, 512 and 2048 px."""
    painter = require("matryoshka.painter")
    session.ensure_display((1280, 800))
    dolls = session.load("market-1995").dolls
    clear, how = session.painter_cache_clearer()
    painter.paint(dolls[0], "whole", 300)  # fonts and module tables load once, untimed
    rows = []
    for height, limit in ((256, None), (512, 0.030), (2048, 0.300)):
        samples: list[float] = []
        for _ in range(ctx.reps(5, 1)):
            for doll in dolls:
                samples += time_calls(
                    lambda d=doll, h=height: painter.paint(d, "whole", h), 1, before=clear
                )
        rows.append(
            Row(
                "paint",
                f"paint one doll, cold, {height} px",
                "ms",
                [s * 1000 for s in samples],
                limit=None if limit is None else limit * 1000,
                note=f"each of the {len(dolls)} market-set dolls; cache cleared by {how}",
            )
        )
    return rows


def _drain(events: Iterator[object]) -> None:
    for _ in events:
        pass


def fig_load(ctx: Context) -> list[Row]:
    """Load and validate: the shipped files, a generated 300-doll and a 5,000-doll file."""
    import yaml

    # The floor is PyYAML's fastest parse down to events, which any loader that keeps
    # positions must at least do: no Python objects built, nothing checked.
    fast = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    load = session.loader_function()
    shipped = sorted(session.shipped_dir().glob("*.yaml"))
    if not shipped:
        raise Unavailable("no shipped sequences in sequences/ yet")
    cases = [
        (f"load+validate shipped ({len(shipped)} files)", shipped, None),
        ("load+validate 300 dolls", [ctx.generated(300)], 0.1),
        ("load+validate 5,000 dolls", [ctx.generated(5000)], 1.0),
    ]
    rows = []
    for label, paths, limit in cases:
        texts = [p.read_text(encoding="utf-8") for p in paths]
        reps = ctx.reps(7 if limit != 1.0 else 5, 1)
        for path in paths:  # once untimed: imports, pydantic schema build
            load(path)
        samples = time_calls(lambda ps=paths: [load(p) for p in ps], reps)
        floor = time_calls(lambda ts=texts: [_drain(yaml.parse(t, Loader=fast)) for t in ts], reps)
        rows.append(
            Row(
                "load",
                label,
                "s",
                samples,
                limit=limit,
                floor=floor,
                floor_label=f"YAML events of the same text ({fast.__name__}), parse only",
            )
        )
    return rows


def fig_deep(ctx: Context) -> list[Row]:
    """Frame time with 300 dolls opened 150 deep, as a ratio to the 7-doll market set."""
    passes = ctx.reps(5, 1)
    market = session.steady_frame_times("market-1995", (1280, 800), depth=3, passes=passes)
    deep = session.steady_frame_times(
        str(ctx.generated(300)), (1280, 800), depth=150, passes=passes
    )
    note = (
        "frames of one opening and closing at that depth, 1280x800, painter cache warm; "
        "floor = the same at depth 3 of the market set"
    )
    return [
        Row(
            "deep",
            "frame, 300 dolls at depth 150",
            "ms",
            [t * 1000 for t in deep],
            floor=[t * 1000 for t in market],
            floor_label="market set at depth 3",
            ratio_limit=1.2,
            note=note,
        )
    ]


def fig_export(ctx: Context) -> list[Row]:
    """Whole ``matryoshka export`` commands: a 1024 px PNG, the line-up, the GIF."""
    if not (REPO / "matryoshka" / "commands" / "export.py").exists():
        raise Unavailable("matryoshka/commands/export.py is not there yet")
    env = ctx.child_env()
    out = ctx.tmp / "export"
    out.mkdir(exist_ok=True)
    run_process(_matryoshka("--version"), env)
    floor = [run_process(_matryoshka("--version"), env)[0] for _ in range(ctx.reps(5, 1))]
    floor_label = "python -m matryoshka --version"
    specs: list[tuple[str, list[str], str, float | None, float | None]] = [
        ("export 1024 px doll PNG", ["market-1995", "--size", "1024"], "doll.png", 0.5, None),
        (
            "export line-up of the chronology",
            ["soviet-chronology", "--lineup"],
            "lineup.png",
            None,
            None,
        ),
        (
            "export comparison PNG, market set and chronology",
            ["market-1995", "--compare", "soviet-chronology"],
            "compare.png",
            2.0,
            None,
        ),
        (
            "export GIF, market set, 480 px",
            ["market-1995", "--animate", "--size", "480"],
            "market.gif",
            5.0,
            4.0,
        ),
    ]
    rows = []
    for label, args, name, time_limit, mb_limit in specs:
        target = out / name
        argv = _matryoshka("export", *args, "-o", str(target), "--force")
        reps = ctx.reps(3 if name.endswith(".gif") else 7, 1)
        run_process(argv, env, timeout=300)  # untimed: compiles and caches the bytecode
        times = [run_process(argv, env, timeout=300)[0] for _ in range(reps)]
        size_mb = target.stat().st_size / 1e6
        rows.append(
            Row("export", label, "s", times, limit=time_limit, floor=floor, floor_label=floor_label)
        )
        rows.append(Row("export", f"  output size ({name})", "MB", [size_mb], limit=mb_limit))
    return rows


def fig_import(ctx: Context) -> list[Row]:
    """Whole ``matryoshka import`` commands: a 300-term query result, a 300-row CSV."""
    if not (REPO / "matryoshka" / "commands" / "import_.py").exists():
        raise Unavailable("matryoshka/commands/import_.py is not there yet")
    env = ctx.child_env()
    folder = ctx.tmp / "import"
    folder.mkdir(exist_ok=True)
    result = folder / "holders.srj"
    result.write_text(generate.generate_query_result(300), encoding="utf-8")
    sheet = folder / "holders.csv"
    sheet.write_text(_sheet_of(ctx.generated(300)), encoding="utf-8-sig")
    run_process(_matryoshka("--version"), env)
    reps = ctx.reps(7, 1)
    floor = [run_process(_matryoshka("--version"), env)[0] for _ in range(reps)]
    rows = []
    for label, source in (
        ("import 300-term Wikidata result (JSON)", result),
        ("import 300-row spreadsheet (CSV)", sheet),
    ):
        argv = _matryoshka("import", str(source), "-o", str(folder / "out.yaml"), "--force")
        run_process(argv, env)  # untimed: compiles and caches the bytecode
        times = [run_process(argv, env)[0] for _ in range(reps)]
        rows.append(
            Row(
                "import",
                label,
                "s",
                times,
                limit=0.5,
                floor=floor,
                floor_label="python -m matryoshka --version",
            )
        )
    return rows


def fig_compare(ctx: Context) -> list[Row]:
    """Two long sets side by side: matching, both rows, the crossed pairs, the shared axis."""
    comparison = require("matryoshka.history.comparison")
    load = session.loader_function()
    # A second line of rulers from another seed: the same ids in another order, others
    # left out, so there are ghosts and crossings to find.
    other = load(generate.write_sequence(1000, ctx.tmp / "sequences", 2, "other-1000"))
    rows = []
    for dolls, limit in ((1000, 0.1), (5000, 1.0)):
        first = load(ctx.generated(dolls))

        def compare_and_place(a: Any = first) -> None:
            comparison.place(comparison.compare(a, other), 1200.0, 80.0)

        samples = time_calls(compare_and_place, ctx.reps(7, 1))
        rows.append(
            Row(
                "compare",
                f"compare+place {dolls:,} vs 1,000 dolls",
                "s",
                samples,
                limit=limit,
                note="history.comparison.compare and place, 1,200 units wide",
            )
        )
    return rows


def _sheet_of(sequence: Path) -> str:
    """A spreadsheet's CSV of a generated sequence: a header row, then rows in file order."""
    import csv
    import io

    import yaml

    doc = yaml.safe_load(sequence.read_text(encoding="utf-8"))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["Name", "Native name", "Office", "Start", "End"])
    for doll in doc["dolls"]:
        row = [doll["name"], doll.get("native_name", ""), doll.get("office", "")]
        writer.writerow([*row, str(doll.get("start", "")), str(doll.get("end", ""))])
    return out.getvalue()


#: The exports of the formats beyond pictures: (label, arguments, output name, dolls of a
#: generated set or None for the shipped one, time limit in s, size limit in MB).
FORMAT_SPECS: tuple[tuple[str, list[str], str, int | None, float | None, float | None], ...] = (
    ("export MP4, market set, 480 px", ["market-1995", "--animate"], "market.mp4", None, 4.0, 1.0),
    ("export web page, market set", ["market-1995"], "market.html", None, None, 6.0),
    ("export web page, 1,000 dolls", [], "long.html", 1000, None, None),
    ("export PDF line-up, 1,000 dolls", ["--lineup"], "long.pdf", 1000, 10.0, None),
    ("export PDF line-up, 5,000 dolls", ["--lineup"], "longest.pdf", 5000, 40.0, None),
    ("export PNG line-up (poster), 1,000 dolls", ["--lineup"], "long.png", 1000, None, None),
)


def _child_cpu_seconds() -> float:
    """User and system CPU time of every child process waited for so far (Unix)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def fig_formats(ctx: Context) -> list[Row]:
    """Whole ``matryoshka export`` commands for video, the web page, PDFs and long sets."""
    require("matryoshka.export.page")
    require("matryoshka.export.video")
    env = ctx.child_env()
    out = ctx.tmp / "formats"
    out.mkdir(exist_ok=True)
    run_process(_matryoshka("--version"), env)  # untimed: compiles and caches the bytecode
    rows = []
    for label, args, name, dolls, time_limit, mb_limit in FORMAT_SPECS:
        source = [str(ctx.generated(dolls))] if dolls else []
        target = out / name
        argv = _matryoshka("export", *source, *args, "-o", str(target), "--force")
        # The shipped set's exports take seconds: three runs. A long set's take up to a
        # minute: one, with the generated file's load cache filled by an untimed check.
        reps = ctx.reps(3, 1) if dolls is None else 1
        if dolls:
            run_process(_matryoshka("validate", *source), env, timeout=300)
        times, cpu = [], []
        for _ in range(reps):
            before = _child_cpu_seconds()
            times.append(run_process(argv, env, timeout=900)[0])
            cpu.append(_child_cpu_seconds() - before)
        size_mb = target.stat().st_size / 1e6
        rows.append(Row("formats", label, "s", times, limit=time_limit))
        # On a busy machine the wall time includes waiting for the processor; the CPU time
        # is the work the export itself did. Drawing runs on one core, so an idle machine
        # takes about that long (the video's encoder thread overlaps, so less for it).
        rows.append(
            Row(
                "formats",
                "  CPU time (user + system)",
                "s",
                cpu,
                note="what the export used of the processor, whatever else ran",
            )
        )
        rows.append(Row("formats", f"  output size ({name})", "MB", [size_mb], limit=mb_limit))
    return rows


#: A smaller painter cache cap, measured alongside the default to show what it would give.
ALTERNATIVE_CACHE_MIB = 96


def fig_memory(ctx: Context) -> list[Row]:
    """Peak RSS of a headless window session opening the 300-doll sequence to its core."""
    for module in (
        "matryoshka.window.state",
        "matryoshka.window.layout",
        "matryoshka.window.scene",
        "matryoshka.window.app",
    ):
        require(module)
    session.loader_function()
    env = ctx.child_env()
    child = [sys.executable, "-m", "benchmarks.session", "memory", str(ctx.generated(300))]

    def peak_mb(argv: list[str]) -> float:
        _, out = run_process(argv, env, timeout=900)
        return int(out.strip().splitlines()[-1]) * 1024 / 1e6  # KiB to MB

    bare = [peak_mb([sys.executable, "-c", BARE_WINDOW]) for _ in range(ctx.reps(3, 1))]
    # Each child clicks through 299 openings (about half a minute): few repetitions.
    peaks = [peak_mb(child) for _ in range(ctx.reps(2, 1))]
    capped = [peak_mb([*child, str(ALTERNATIVE_CACHE_MIB)])]
    painter = require("matryoshka.painter")
    default_mib = getattr(painter, "DEFAULT_CACHE_BYTES", 0) / 1024 / 1024
    return [
        Row(
            "memory",
            "peak RSS, 300 dolls opened to the core",
            "MB",
            peaks,
            limit=250,
            floor=bare,
            floor_label="bare pygame-ce window",
            note="peak RSS (VmHWM) of a child that clicks open every doll at 1280x800, "
            f"rendering every animation frame; painter cache cap {default_mib:.0f} MiB",
        ),
        Row(
            "memory",
            f"  same, painter cache capped at {ALTERNATIVE_CACHE_MIB} MiB",
            "MB",
            capped,
            note="painter.set_cache_limit() in the child before the window opens",
        ),
    ]


def fig_long(ctx: Context) -> list[Row]:
    """A 5,000-doll set: its first frame, and frames with it opened 2,500 deep."""
    path = ctx.generated(5000)
    env = ctx.child_env()
    app_env = dict(env, **{_first_frame_hook(): "1"})
    argv = [sys.executable, "-c", FIRST_FRAME_LAUNCHER, "view", str(path)]
    run_process(argv, app_env)  # warm: bytecode, the checked file in the user cache
    first = [run_process(argv, app_env)[0] for _ in range(ctx.reps(7, 1))]
    passes = ctx.reps(5, 1)
    market = session.steady_frame_times("market-1995", (1280, 800), depth=3, passes=passes)
    deep = session.steady_frame_times(str(path), (1280, 800), depth=2500, passes=passes)
    return [
        Row(
            "long",
            "5,000 dolls: start to first frame",
            "s",
            first,
            limit=2.0,
            note="matryoshka view generated-5000.yaml with MATRYOSHKA_EXIT_AFTER_FIRST_FRAME=1, "
            "launch to exit (os._exit); the file's check cached by a first run",
        ),
        Row(
            "long",
            "frame, 5,000 dolls at depth 2,500",
            "ms",
            [t * 1000 for t in deep],
            floor=[t * 1000 for t in market],
            floor_label="market set at depth 3",
            ratio_limit=1.2,
            note="frames of one opening and closing at that depth, 1280x800, painter cache "
            "warm, timeline strip and shelf group drawn",
        ),
    ]


#: Random events in each soak: about a minute of a window in use, a few thousand frames.
SOAK_EVENTS = 2000


def fig_soak(ctx: Context) -> list[Row]:
    """Peak RSS of the window at up to 1920x1080 under random keys, clicks and resizes."""
    require("matryoshka.window.app")
    env = ctx.child_env()
    out = ctx.tmp / "soak-exports"
    out.mkdir(exist_ok=True)

    def peak_mb(*extra: str, seed: int) -> float:
        argv = [sys.executable, "-m", "benchmarks.soak", str(SOAK_EVENTS), str(seed), *extra]
        _, printed = run_process(argv, env, timeout=1800)
        return int(printed.strip().splitlines()[-1]) * 1024 / 1e6  # KiB to MB

    seeds = range(1, ctx.reps(3, 1) + 1)
    quiet = [peak_mb(seed=seed) for seed in seeds]
    busy = [peak_mb("--exports", str(out), seed=seed) for seed in seeds]
    note = (
        f"peak RSS (VmHWM) of the window's own App, {SOAK_EVENTS:,} random keys, clicks and "
        "resizes between 1280x800 and 1920x1080 over the shipped sets and 300 dolls"
    )
    return [
        Row("soak", "soak peak RSS, no exports", "MB", quiet, limit=300, note=note),
        Row(
            "soak",
            "soak peak RSS, exporting from the window",
            "MB",
            busy,
            limit=400,
            note="the same with E, O, L and A writing stills, line-ups and GIF animations",
        ),
    ]


FIGURES: dict[str, Callable[[Context], list[Row]]] = {
    "startup": fig_startup,
    "frames": fig_frames,
    "paint": fig_paint,
    "load": fig_load,
    "deep": fig_deep,
    "export": fig_export,
    "import": fig_import,
    "compare": fig_compare,
    "formats": fig_formats,
    "memory": fig_memory,
    "soak": fig_soak,
    "long": fig_long,
}

#: Short names of the figures for the table when one cannot be measured.
TITLES: dict[str, str] = {
    "startup": "start to first frame",
    "frames": "frame time while opening",
    "paint": "paint one doll, cold cache",
    "load": "load and validate",
    "deep": "300 dolls opened 150 deep",
    "export": "export commands",
    "import": "import commands",
    "compare": "two long sets compared",
    "formats": "video, web page, PDF and long-set exports",
    "memory": "peak RSS, 300 dolls to the core",
    "soak": "peak RSS of a soak at up to 1920x1080",
    "long": "5,000 dolls: first frame, frames 2,500 deep",
}


# --- Running and reporting ------------------------------------------------------------


def measure(name: str, ctx: Context) -> list[Row]:
    """Run one figure; a missing module or a failure becomes an n/a or ERROR row."""
    try:
        return FIGURES[name](ctx)
    except Unavailable as err:
        return [Row(name, TITLES[name], "", [], note=f"n/a: {err}")]
    except Exception as err:
        where = traceback.extract_tb(err.__traceback__)[-1]
        note = f"{type(err).__name__}: {err} ({Path(where.filename).name}:{where.lineno})"
        return [Row(name, TITLES[name], "", [], note=note, error=True)]


def format_table(rows: list[Row]) -> str:
    """The figures as a plain-text table."""
    head = ("figure", "stat", "value", "min", "max", "n", "floor", "ratio", "target", "status")
    lines = []
    for row in rows:
        if row.value is None:
            lines.append((row.label, "", "", "", "", "", "", "", row.target, row.status))
            continue
        floor = f"{_num(row.floor_value)} {row.unit}" if row.floor else ""
        lines.append(
            (
                row.label,
                row.stat,
                f"{_num(row.value)} {row.unit}",
                _num(min(row.samples)),
                _num(max(row.samples)),
                str(len(row.samples)),
                floor,
                f"{row.ratio:.2f}x" if row.ratio is not None else "",
                row.target,
                row.status,
            )
        )
    widths = [max(len(str(r[i])) for r in [head, *lines]) for i in range(len(head))]
    out = ["  ".join(str(c).ljust(w) for c, w in zip(head, widths, strict=True)).rstrip()]
    out.append("  ".join("-" * w for w in widths))
    for line in lines:
        out.append("  ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
    notes = [f"  {r.label}: {r.note}" for r in rows if r.note and r.status in ("n/a", "ERROR")]
    if notes:
        out += ["", "Not measured:", *notes]
    return "\n".join(out)


def _git_commit() -> str:
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
        return head or "unknown"
    return "unknown"


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    import pygame

    cpu = platform.processor()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "pygame-ce": pygame.version.ver,
        "sdl": ".".join(map(str, pygame.get_sdl_version())),
        "video_driver": os.environ["SDL_VIDEODRIVER"],
        "child_bytecode_cache": "on (PYTHONPYCACHEPREFIX in the scratch folder)",
        # Other work on the machine skews timings (the p99s most): say how busy it was.
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
    }


def write_results(
    rows: list[Row],
    names: list[str],
    quick: bool,
    path: Path,
    load_at_start: tuple[float, ...] | None = None,
) -> None:
    """Write the figures to ``path`` atomically, keeping figures this run did not touch."""
    previous: dict[str, Any] = {}
    with contextlib.suppress(OSError, ValueError):
        previous = json.loads(path.read_text(encoding="utf-8")).get("figures", {})
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    figures = {k: v for k, v in previous.items() if k in FIGURES and k not in names}
    for name in names:
        figures[name] = {
            "measured_at": stamp,
            "commit": _git_commit(),
            "quick": quick,
            "load_average_at_start": [round(x, 2) for x in load_at_start or ()],
            "rows": [r.as_json() for r in rows if r.figure == name],
        }
    doc = {
        "command": "python benchmarks/run.py",
        "machine": machine(),
        "figures": {k: figures[k] for k in FIGURES if k in figures},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".results.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(doc, handle, indent=2, ensure_ascii=False)
            handle.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def scratch() -> Iterator[Path]:
    """A temporary folder for generated sequences and exports, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="matryoshka-bench-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def parse_only(values: list[str] | None) -> list[str]:
    """Figure names from ``--only`` values (repeatable, comma-separated), in table order.

    Raises:
        SystemExit: with status 2 for an unknown name.
    """
    if not values:
        return list(FIGURES)
    wanted = {v.strip() for value in values for v in value.split(",") if v.strip()}
    unknown = sorted(wanted - FIGURES.keys())
    if unknown:
        print(
            f"run.py: error: unknown figure {', '.join(unknown)} (known: {', '.join(FIGURES)})",
            file=sys.stderr,
        )
        raise SystemExit(2)
    return [name for name in FIGURES if name in wanted]


def main(argv: list[str] | None = None) -> int:
    """Measure the figures, print the table, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="few repetitions: a smoke run, not figures to quote"
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help=f"run only these figures (repeatable or comma-separated): {', '.join(FIGURES)}",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=RESULTS,
        metavar="PATH",
        help="JSON file to write; figures not run are kept from it (default %(default)s)",
    )
    parser.add_argument("--list", action="store_true", help="list the figures and exit")
    args = parser.parse_args(argv)
    if args.list:
        for name, fn in FIGURES.items():
            print(f"{name:8}  {(fn.__doc__ or '').splitlines()[0].replace('``', '')}")
        return 0
    names = parse_only(args.only)
    load_at_start = os.getloadavg()
    rows: list[Row] = []
    with scratch() as tmp:
        ctx = Context(quick=args.quick, tmp=tmp)
        for name in names:
            print(f"measuring {name} ...", file=sys.stderr, flush=True)
            rows += measure(name, ctx)
    print(format_table(rows))
    write_results(rows, names, args.quick, args.output, load_at_start)
    print(f"\nwrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
