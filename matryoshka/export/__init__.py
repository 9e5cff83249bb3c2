"""Pictures and animations of the dolls, from the command line and from the window.

Everything is drawn by the window's own code (``matryoshka.stage.draw`` and the painter, in
the poses of ``matryoshka.stage.choreography``), so an exported picture is what the user saw.

- ``ExportRequest`` and ``produce``: one export as small steps of drawing, then an
  encoder (Pillow only).
- ``WindowExport``: an export from the window, stepped within a time budget.
- ``encode.write_atomically``: files appear whole or not at all.
"""

from __future__ import annotations

from matryoshka.export.encode import FORMATS, Format, WriteError, write_atomically
from matryoshka.export.job import (
    DEFAULT_ANIMATION_SIZE,
    DEFAULT_PDF_SIZE,
    DEFAULT_STILL_SIZE,
    MAX_SIZE,
    MIN_SIZE,
    ExportError,
    ExportRequest,
    Kind,
    produce,
)
from matryoshka.export.window import WindowExport, window_file_name

__all__ = [
    "DEFAULT_ANIMATION_SIZE",
    "DEFAULT_PDF_SIZE",
    "DEFAULT_STILL_SIZE",
    "FORMATS",
    "MAX_SIZE",
    "MIN_SIZE",
    "ExportError",
    "ExportRequest",
    "Format",
    "Kind",
    "WindowExport",
    "WriteError",
    "produce",
    "window_file_name",
    "write_atomically",
]
