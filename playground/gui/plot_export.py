"""File ▸ Export ▸ Plots: save every plot of the plot area as a PNG picture."""

from __future__ import annotations

import re
from pathlib import Path

import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtWidgets import QFileDialog, QWidget


def _file_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-").lower() or "plot"


def export_plots(items: dict[str, object], folder: Path) -> list[Path]:
    """Write one PNG per plot item into ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, item in items.items():
        target = item.scene() if isinstance(item, pg.GraphicsLayoutWidget) else item
        exporter = pyqtgraph.exporters.ImageExporter(target)
        path = folder / f"{_file_name(name)}.png"
        exporter.export(str(path))
        written.append(path)
    return written


def export_plots_dialog(parent: QWidget, items: dict[str, object]) -> str:
    """Ask for a folder and export there; returns a sentence saying what happened ("" if cancelled)."""
    folder = QFileDialog.getExistingDirectory(parent, "Choose a folder for the plot pictures")
    if not folder:
        return ""
    try:
        written = export_plots(items, Path(folder))
    except OSError as error:
        reason = (error.strerror or "the system refused").lower()
        return f"The plots could not be saved in {folder}: {reason}; choose another folder."
    return f"Saved {len(written)} plot pictures in {folder}."
