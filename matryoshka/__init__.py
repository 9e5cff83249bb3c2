"""matryoshka: lines of succession shown as Russian nested dolls."""

from __future__ import annotations

__version__ = "0.1.0"
