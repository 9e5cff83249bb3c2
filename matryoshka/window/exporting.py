"""Running the export the window's state asks for, a slice of work per frame."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from matryoshka.format.model import Sequence
from matryoshka.window.state import ExportFinished, ExportProgress, Message, State, Toast

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
            beside = {}
            if job.other_index is not None:
                other = state.sequences[job.other_index]
                refs = (_reference_of(seq, state), _reference_of(other, state))
                beside = {"other": other, "references": refs}
            self._export = WindowExport(
                job.kind, seq, job.depth, folder, suffix=job.suffix, **beside
            )
        exporter = self._export
        exporter.step(EXPORT_BUDGET_MS)
        if not exporter.done:
            return ExportProgress(float(exporter.progress))
        self._export = None
        if exporter.error:
            return ExportFinished(f"Export failed: {exporter.error}", True)
        path = exporter.path
        copy = path.name != exporter.target_name
        said = f"Saved a copy as {path} (the earlier file is kept)" if copy else f"Saved {path}"
        return ExportFinished(f"{said}: click here to open its folder", folder=str(path.parent))


def _reference_of(sequence: Sequence | None, state: State) -> Sequence | None:
    """The loaded set that ``sequence`` names in ``compare_with`` (dates for a comparison)."""
    wanted = sequence.compare_with if sequence is not None else None
    return next((s for s in state.sequences if wanted and s.id == wanted), None)


def open_saved_folder(toast: Toast | None) -> str | None:
    """Open the folder of the file a message names; why not, if that failed."""
    return open_folder(toast.folder) if toast is not None and toast.folder else None


def open_folder(folder: str) -> str | None:
    """Show ``folder`` in the platform's file manager; why not, in a few words, if it fails."""
    try:
        if sys.platform == "win32":
            os.startfile(folder)  # type: ignore[attr-defined]
        else:
            opener = "open" if sys.platform == "darwin" else "xdg-open"
            subprocess.Popen(
                [opener, folder],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
    except OSError as err:
        return f"cannot open {folder}: {err.strerror or err}"
    return None
