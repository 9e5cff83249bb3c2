"""Running the export the window's state asks for, a slice of work per frame."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from matryoshka.window.state import ExportFinished, ExportProgress, Message, State

#: Work an export may do per frame, so the window stays responsive while it runs.
EXPORT_BUDGET_MS = 6


class ExportRunner:
    """Steps the export under way (``state.export``) and reports how it goes."""

    def __init__(self) -> None:
        self._export: Any = None

    def step(self, state: State, folder: Path | None) -> Message | None:
        """Do a slice of the export; the message that says how far it got, if any."""
        job = state.export
        if job is None:
            self._export = None
            return None
        if self._export is None:
            try:
                from matryoshka.export.window import WindowExport
            except ImportError:
                return ExportFinished("Export is not available in this installation.", True)
            seq = state.sequences[job.sequence_index]
            self._export = WindowExport(job.kind, seq, job.depth, folder)
        exporter = self._export
        exporter.step(EXPORT_BUDGET_MS)
        if not exporter.done:
            return ExportProgress(float(exporter.progress))
        self._export = None
        if exporter.error:
            return ExportFinished(f"Export failed: {exporter.error}", True)
        return ExportFinished(f"Saved {exporter.path}")
