"""An installed wheel finds its shipped sequences and font, away from the source checkout."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from matryoshka.stage import scripts

REPO = Path(__file__).resolve().parent.parent

# Runs in a fresh interpreter whose only copy of the package is the unpacked wheel.
PROBE = """
import json, sys
from pathlib import Path

from matryoshka.stage import scripts
import matryoshka
from matryoshka import paths
from matryoshka.format import catalog
from matryoshka.stage import scripts
found = catalog.discover()
print(json.dumps({
    "package": matryoshka.__file__,
    "shipped": str(paths.shipped_sequences_dir()),
    "ids": found.ids(),
    "problems": [str(p) for p in found.problems],
    "font": paths.font_path().is_file() and paths.font_path(bold=True).is_file(),
    "script fonts": [str(p) for face in scripts.shipped_faces() for p in (face.regular, face.bold)
                     if p.is_file() and face.ranges],
    "page": sorted(p.name for p in (paths.assets_dir() / "page").iterdir()),
}))
"""


def _build_wheel(out: Path) -> Path:
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out)]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-build-isolation")  # the backend is here already: no download
    subprocess.run([*command, str(REPO)], check=True, timeout=300, capture_output=True)
    (wheel,) = out.glob("matryoshka-*.whl")
    return wheel


def test_installed_wheel_finds_its_data(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path / "dist")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": str(site),
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    probe = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    found = json.loads(probe.stdout)
    assert Path(found["package"]).is_relative_to(site)
    assert Path(found["shipped"]) == site / "matryoshka" / "_data" / "sequences"
    assert found["ids"] == [
        "market-1995", "lenin-at-centre", "trotsky-inside-lenin", "soviet-chronology",
    ]  # fmt: skip
    assert found["problems"] == []
    assert found["font"] is True
    # Every shipped script font, and the table of what each holds, are in the wheel.
    assert len(found["script fonts"]) == 2 * len(scripts.SHIPPED_FAMILIES)
    assert all(Path(p).is_relative_to(site) for p in found["script fonts"])
    # The web page export's template, styles and script travel with the program.
    assert found["page"] == ["page.css", "page.html", "page.js"]

    validate = subprocess.run(
        [sys.executable, "-m", "matryoshka", "validate", found["shipped"]],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert validate.returncode == 0, validate.stderr
    assert validate.stdout.count(": ok\n") == 4
