"""The window's remembered settings: last sequence, window size, text scale, motion.

Kept as a small JSON file in the user's config folder. Reading never fails: a missing
file gives the defaults quietly, a corrupt one gives the defaults and a one-line warning.
Writing is atomic (a temporary file in the same folder, then a rename), so a crash while
saving never leaves half a file.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from matryoshka import paths
from matryoshka.atomic import WriteError, write_text

FILE_NAME = "settings.json"
VERSION = 1
#: Sizes outside these bounds (a corrupt file, a monitor that went away) are ignored.
_MIN_SIDE = 200
_MAX_SIDE = 16384


@dataclass(frozen=True)
class Settings:
    """What the window remembers between runs."""

    sequence: str | None = None
    window: tuple[int, int] = (1280, 800)
    text_step: int = 0
    reduced_motion: bool = False


def settings_path() -> Path:
    """Where the settings live: ``<user config dir>/settings.json``."""
    return paths.user_config_dir() / FILE_NAME


#: A settings file is a few lines; anything much larger was not written by the program.
MAX_SETTINGS_CHARS = 64 * 1024


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The saved settings, and a one-line warning when the file could not be used.

    A missing file is not a problem (first run): defaults, no warning. Any field that is
    missing or of the wrong type falls back to its default on its own.
    """
    path = path or settings_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), None
    except (OSError, UnicodeDecodeError) as err:
        return Settings(), f"{path}: cannot read the settings ({_reason(err)}); using defaults"
    if len(raw) > MAX_SETTINGS_CHARS:
        return Settings(), f"{path}: settings file is too large; using defaults"
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as err:
        where = f"{path}:{err.lineno}:{err.colno}"
        return Settings(), f"{where}: settings file is not valid JSON; using defaults"
    except (RecursionError, ValueError):  # nested too deep, a number too long
        return Settings(), f"{path}: settings file is not usable JSON; using defaults"
    if not isinstance(data, dict):
        return Settings(), f"{path}: settings file is not a JSON object; using defaults"
    default = Settings()
    sequence = data.get("sequence")
    if not isinstance(sequence, str) or not sequence:
        sequence = default.sequence
    window = data.get("window")
    if (
        isinstance(window, list)
        and len(window) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in window)
        and all(_MIN_SIDE <= v <= _MAX_SIDE for v in window)
    ):
        size = (window[0], window[1])
    else:
        size = default.window
    text_step = data.get("text_step")
    if not isinstance(text_step, int) or isinstance(text_step, bool) or abs(text_step) > 20:
        text_step = default.text_step
    reduced = data.get("reduced_motion")
    if not isinstance(reduced, bool):
        reduced = default.reduced_motion
    return Settings(sequence, size, text_step, reduced), None


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write ``settings`` atomically, creating the folder if needed.

    Raises:
        OSError: when the folder cannot be created or written.
    """
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": VERSION, **asdict(settings)}
    data["window"] = list(settings.window)
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    try:
        write_text(path, text, mode=0o600)
    except WriteError as err:
        raise OSError(str(err)) from None


def _reason(err: BaseException) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror.lower()
    return type(err).__name__


def remember(
    path: Path, sequence: str, window: tuple[int, int], text_step: int, reduced_motion: bool
) -> None:
    """Save what the window shows for next time; a one-line warning if that fails."""
    settings = Settings(
        sequence=sequence, window=window, text_step=text_step, reduced_motion=reduced_motion
    )
    try:
        save_settings(settings, path)
    except OSError as err:
        reason = err.strerror or str(err)
        print(f"matryoshka: cannot save settings to {path}: {reason}", file=sys.stderr)
