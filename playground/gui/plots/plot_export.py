"""File ▸ Export ▸ Plots: save every plot of the plot area as PNG or SVG pictures.

PNG suits slides and documents; SVG stays sharp at any size (posters, papers).
Each picture is laid out afresh at the size the user picked, whatever size
(or visibility) the plot has on screen: a plot on a tab never opened is 100
pixels wide and would come out blank or squashed. Layout happens at half the
picture's width in screen pixels and is drawn at twice the scale, so text and
lines keep the proportions they have on screen, as on a high-density display.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem, QGraphicsWidget, QWidget

from playground.gui.document import file_prompts

PictureFormat = Literal["png", "svg"]

DEFAULT_SIZE = QSize(1600, 1000)
#: Pictures up to this width are laid out at their own size; wider ones are drawn scaled up.
LAYOUT_WIDTH = 800


def _file_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-").lower() or "plot"


def _view_of(item: pg.PlotItem | pg.GraphicsLayoutWidget) -> pg.GraphicsView:
    if isinstance(item, pg.GraphicsView):
        return item
    views = item.scene().views() if item.scene() is not None else []
    if not views:
        raise ValueError("the plot is not shown in any view")
    return views[0]


def _layout_scale(size: QSize) -> float:
    return max(1.0, size.width() / LAYOUT_WIDTH)


@contextmanager
def _laid_out(view: pg.GraphicsView, width: float, height: float) -> Iterator[QRectF]:
    """Lay the view's plots out on a ``width`` × ``height`` area for as long as the block runs.

    Pixmap caches are turned off meanwhile: a cached axis would be drawn from
    its on-screen pixmap, at the wrong size and place (in SVG, as stray images).
    """
    central: QGraphicsWidget = view.centralWidget
    old_geometry = central.geometry()
    scene = view.scene()
    cached = [(item, item.cacheMode()) for item in scene.items()]
    for item, _mode in cached:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    area = QRectF(0.0, 0.0, width, height)
    try:
        central.setGeometry(area)
        _relayout(view)
        yield area
    finally:
        central.setGeometry(old_geometry)
        _relayout(view)
        for item, mode in cached:
            item.setCacheMode(mode)


def _relayout(view: pg.GraphicsView) -> None:
    """Settle layouts, view ranges and axis ticks for the central item's new geometry."""
    _activate_layouts(view.centralWidget)
    scene = view.scene()
    scene.prepareForPaint()  # pyqtgraph settles view ranges here
    for item in scene.items():
        if isinstance(item, pg.AxisItem):
            item.picture = None  # ticks are replayed from a picture of the old size otherwise


def _activate_layouts(widget: QGraphicsWidget) -> None:
    pending: list[QGraphicsItem] = [widget]
    while pending:
        item = pending.pop()
        # Through the class: pyqtgraph's GraphicsLayout hides layout() behind an attribute.
        layout = QGraphicsWidget.layout(item) if isinstance(item, QGraphicsWidget) else None
        if layout is not None:
            layout.activate()
        pending.extend(item.childItems())


def _background(view: pg.GraphicsView) -> QColor:
    brush = view.backgroundBrush()
    return brush.color() if brush.style() != Qt.BrushStyle.NoBrush else QColor("white")


def render_png(item: pg.PlotItem | pg.GraphicsLayoutWidget, path: Path, size: QSize) -> None:
    """Draw ``item`` into a PNG of exactly ``size`` pixels."""
    view = _view_of(item)
    scale = _layout_scale(size)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(_background(view))
    with _laid_out(view, size.width() / scale, size.height() / scale) as area:
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            view.scene().render(painter, QRectF(0, 0, size.width(), size.height()), area)
        finally:
            painter.end()
    if not image.save(str(path), "PNG"):
        raise OSError(0, "the file cannot be written", str(path))


def render_svg(
    item: pg.PlotItem | pg.GraphicsLayoutWidget, path: Path, size: QSize, title: str
) -> None:
    """Draw ``item`` into an SVG file as vector graphics, ``size`` pixels by default.

    Qt's own SVG generator is used rather than pyqtgraph's SVGExporter, whose
    path rewriting fails on the path syntax of current Qt versions.
    """
    view = _view_of(item)
    scale = _layout_scale(size)
    width, height = size.width() / scale, size.height() / scale
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setResolution(96)  # the CSS pixel: browsers show the drawing ``size`` pixels wide
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setTitle(title)
    generator.setDescription(
        QCoreApplication.translate("PlotExport", "Exported from Torch Playground")
    )
    with _laid_out(view, width, height) as area:
        painter = QPainter()
        if not painter.begin(generator):
            raise OSError(
                0, QCoreApplication.translate("PlotExport", "the file cannot be written"), str(path)
            )
        try:
            painter.fillRect(area, _background(view))
            view.scene().render(painter, area, area)
        finally:
            painter.end()
    if not path.is_file():
        raise OSError(
            0, QCoreApplication.translate("PlotExport", "the file cannot be written"), str(path)
        )


def export_plots(
    items: dict[str, pg.PlotItem | pg.GraphicsLayoutWidget],
    folder: Path,
    picture: PictureFormat = "png",
    size: QSize = DEFAULT_SIZE,
) -> list[Path]:
    """Write one picture per plot item into ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, item in items.items():
        path = folder / f"{_file_name(name)}.{picture}"
        if picture == "svg":
            render_svg(item, path, size, name)
        else:
            render_png(item, path, size)
        written.append(path)
    return written


def export_plots_dialog(
    parent: QWidget,
    items: dict[str, pg.PlotItem | pg.GraphicsLayoutWidget],
    picture: PictureFormat = "png",
    start: Path | None = None,
) -> tuple[str, Path | None]:
    """Ask for a size and a folder (starting in ``start``) and export there.

    Returns what happened ("" if cancelled) and the folder written to (None if none).
    """
    size = file_prompts.ask_picture_size(parent, picture.upper(), DEFAULT_SIZE)
    if size is None:
        return "", None
    folder = file_prompts.choose_folder(
        parent,
        QCoreApplication.translate(
            "PlotExport", "Choose a folder for the {format} pictures"
        ).format(format=picture.upper()),
        start or Path.home(),
    )
    if not folder:
        return "", None
    try:
        written = export_plots(items, Path(folder), picture, size)
    except OSError as error:
        reason = error.strerror or QCoreApplication.translate("PlotExport", "the system refused")
        failed = QCoreApplication.translate(
            "PlotExport",
            "The plots could not be saved in {folder}: {reason}; choose another folder.",
        ).format(folder=folder, reason=reason)
        return failed, None
    count = len(written)  # a plain name: lupdate reads no expression as the count
    message = QCoreApplication.translate(
        "PlotExport",
        "Saved %n {format} plot pictures of {width} × {height} pixels in {folder}.",
        "",
        count,
    ).format(format=picture.upper(), width=size.width(), height=size.height(), folder=folder)
    return message, Path(folder)
