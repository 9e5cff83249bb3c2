"""Shared test setup. Every test runs headless: no window, no sound device."""

from __future__ import annotations

import os

# Must be set before pygame is first imported anywhere.
os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
