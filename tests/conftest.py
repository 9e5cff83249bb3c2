"""Shared test setup. Every test runs headless: no window, no sound device."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

# Must be set before pygame is first imported anywhere.
os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

# The user's own folders (settings, cached sequence files, their own sequences) stay out of
# the tests, and the tests stay out of them: each run gets fresh, empty ones.
_USER_DIRS = tempfile.mkdtemp(prefix="matryoshka-tests-")
atexit.register(shutil.rmtree, _USER_DIRS, ignore_errors=True)
for _name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
    os.environ[_name] = os.path.join(_USER_DIRS, _name.lower())
