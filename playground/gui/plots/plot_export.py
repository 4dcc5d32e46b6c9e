"""File ▸ Export ▸ Plots: save every plot of the plot area as PNG or SVG pictures.

PNG suits slides and documents; SVG stays sharp at any size (posters, papers).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsScene, QWidget

from playground.gui.document import file_prompts

PictureFormat = Literal["png", "svg"]


def _file_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-").lower() or "plot"


def export_svg(target: pg.PlotItem | QGraphicsScene, path: Path, title: str) -> None:
    """Draw ``target`` (a plot, or a whole scene) into an SVG file as vector graphics.

    Qt's own SVG generator is used rather than pyqtgraph's SVGExporter, whose
    path rewriting fails on the path syntax of current Qt versions.
    """
    scene = target if isinstance(target, QGraphicsScene) else target.scene()
    source = (
        target.sceneRect() if isinstance(target, QGraphicsScene) else target.sceneBoundingRect()
    )
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(source.size().toSize())
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(title)
    generator.setDescription(
        QCoreApplication.translate("PlotExport", "Exported from Torch Playground")
    )
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(
            0, QCoreApplication.translate("PlotExport", "the file cannot be written"), str(path)
        )
    try:
        scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    finally:
        painter.end()
    if not path.is_file():
        raise OSError(
            0, QCoreApplication.translate("PlotExport", "the file cannot be written"), str(path)
        )


def export_plots(
    items: dict[str, object], folder: Path, picture: PictureFormat = "png"
) -> list[Path]:
    """Write one picture per plot item into ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, item in items.items():
        target = item.scene() if isinstance(item, pg.GraphicsLayoutWidget) else item
        path = folder / f"{_file_name(name)}.{picture}"
        if picture == "svg":
            export_svg(target, path, name)
        else:
            pyqtgraph.exporters.ImageExporter(target).export(str(path))
        written.append(path)
    return written


def export_plots_dialog(
    parent: QWidget, items: dict[str, object], picture: PictureFormat = "png"
) -> str:
    """Ask for a folder and export there; returns a sentence saying what happened ("" if cancelled)."""
    folder = file_prompts.choose_folder(
        parent,
        QCoreApplication.translate(
            "PlotExport", "Choose a folder for the {format} pictures"
        ).format(format=picture.upper()),
        Path.home(),
    )
    if not folder:
        return ""
    try:
        written = export_plots(items, Path(folder), picture)
    except OSError as error:
        reason = error.strerror or QCoreApplication.translate("PlotExport", "the system refused")
        return QCoreApplication.translate(
            "PlotExport",
            "The plots could not be saved in {folder}: {reason}; choose another folder.",
        ).format(folder=folder, reason=reason)
    return QCoreApplication.translate(
        "PlotExport", "Saved {count} {format} plot pictures in {folder}."
    ).format(count=len(written), format=picture.upper(), folder=folder)
