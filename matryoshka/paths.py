"""Where things are: shipped data, the user's folders.

The shipped ``sequences/`` and ``assets/`` sit at the top of a source checkout and
inside the package (``matryoshka/_data``) once installed from a wheel.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "matryoshka"
_PACKAGE_DIR = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name


def shipped_sequences_dir() -> Path:
    """The folder of sequences that ship with the program."""
    return _data_dir("sequences")


def assets_dir() -> Path:
    """The folder of fonts and other shipped assets."""
    return _data_dir("assets")


def font_path(bold: bool = False) -> Path:
    """The shipped Noto Sans font (Latin and Cyrillic)."""
    return assets_dir() / "fonts" / ("NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf")


def user_sequences_dir() -> Path:
    """The user's own sequences: ``<user data dir>/sequences`` (may not exist)."""
    return Path(platformdirs.user_data_dir(APP_NAME)) / "sequences"


def user_config_dir() -> Path:
    """Where the window keeps its settings (may not exist)."""
    return Path(platformdirs.user_config_dir(APP_NAME))


def user_cache_dir() -> Path:
    """Where the program keeps what it can rebuild at any time (may not exist)."""
    return Path(platformdirs.user_cache_dir(APP_NAME))


def user_pictures_dir() -> Path:
    """Where exports from the window go: ``<pictures>/matryoshka`` (may not exist)."""
    return Path(platformdirs.user_pictures_dir()) / APP_NAME
