"""Find interface text still in English: every text a widget, menu or plot shows, with its place.

Used by the test that switches the app to 简体中文 and walks every window, dialog
and menu. A text counts as English when, after leaving out the names that stay
in Latin letters (:data:`KEPT`), an English word of three or more letters is
left. Each finding names the widget (class and object name) and the property,
so a translator knows where to look.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

import pyqtgraph as pg
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from playground.core.data import DATASET_TABLE
from playground.core.layers.catalog import CATALOGUE
from playground.core.spec.options import LOSS_TABLE, OPTIMIZER_TABLE, SCHEDULE_TABLE

#: Names that stay as they are in the Chinese interface (see resources/translations/glossary.md).
KEPT = {
    *CATALOGUE,
    *DATASET_TABLE,
    *LOSS_TABLE,
    *OPTIMIZER_TABLE,
    *SCHEDULE_TABLE,
    *(option.title for option in OPTIMIZER_TABLE.values()),
    "Torch", "Playground", "PyTorch", "torch", "ONNX", "TorchScript", "CUDA", "CPU", "GPU",
    "MPS", "NVIDIA", "Apple", "Nesterov", "CSV", "PNG", "SVG", "JSON", "Python", "PySide6",
    "pyqtgraph", "Ctrl", "Shift", "Alt", "Insert", "Delete", "Backspace", "Space", "Enter",
    "Return", "Esc", "Del", "Ins", "Left", "Right", "Home", "End", "PgUp", "PgDown", "Meta",
    "Tab", "Huber", "Xavier", "Glorot", "Kaiming", "Swish", "Transformer", "AccumulateGrad", "scikit", "learn", "randn",
    "randint", "tensor", "backward", "requires_grad", "grad", "no_grad", "zero_grad",
    "retain_graph", "mean", "sum", "data", "sin", "max", "log", "exp", "eps", "alpha", "beta",
    "Beta", "safetensors", "playground", "json", "csv", "tsv", "txt", "onnx", "cpu", "cuda",
    "mps", "auto", "lab", "inf", "nan", "TensorFlow", "XOR", "MLP", "English", "Up", "Down",
    # "column 1", "column 2": the names the core gives unnamed columns (data, as in files).
    "column",
}  # fmt: skip
_KEPT_LOWER = {name.lower() for name in KEPT}
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]{2,}")
# Code as typed (x.grad, mean(), with no_grad():) and function keys (F11) are not words.
_CODE = re.compile(r"(with )?[\w.]+\([^()]*\):?|\.\w+|\bF\d+\b")
_TAG = re.compile(r"<[^>]+>")


def english_words(text: str, also_kept: Iterable[str] = ()) -> list[str]:
    """The English words of ``text`` that should have been translated."""
    kept = _KEPT_LOWER | {name.lower() for name in also_kept}
    plain = _CODE.sub(" ", html.unescape(_TAG.sub(" ", text)).replace("&", ""))
    return [word for word in _WORD.findall(plain) if word.lower() not in kept]


def _widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    yield "toolTip", widget.toolTip()
    yield "statusTip", widget.statusTip()
    yield "accessibleName", widget.accessibleName()
    if widget.isWindow():
        yield "windowTitle", widget.windowTitle()
    if isinstance(widget, QLabel):
        yield "text", widget.text()
    if isinstance(widget, QAbstractButton):
        yield "text", widget.text()
    if isinstance(widget, QGroupBox):
        yield "title", widget.title()
    if isinstance(widget, QLineEdit):
        yield "placeholderText", widget.placeholderText()
    if isinstance(widget, QDockWidget):
        yield "windowTitle", widget.windowTitle()
    if isinstance(widget, QComboBox):
        for row in range(widget.count()):
            yield f"item {row}", widget.itemText(row)
            yield f"item {row} tip", str(widget.itemData(row, 3) or "")  # ToolTipRole
    if isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            yield f"tab {index}", widget.tabText(index)
    if isinstance(widget, QTableWidget):
        for column in range(widget.columnCount()):
            item = widget.horizontalHeaderItem(column)
            yield f"header {column}", item.text() if item else ""
    if isinstance(widget, QListWidget):
        for row in range(widget.count()):
            yield f"item {row}", widget.item(row).text()
    if isinstance(widget, QTreeWidget):
        for row in range(widget.topLevelItemCount()):
            top = widget.topLevelItem(row)
            yield f"group {row}", top.text(0)
            for child in range(top.childCount()):
                yield f"group {row} tip {child}", top.child(child).toolTip(0)


def _plot_texts(view: pg.GraphicsView) -> Iterator[tuple[str, str]]:
    scene = view.scene()
    if scene is None:
        return
    for item in scene.items():
        if isinstance(item, pg.AxisItem):
            yield "axis label", item.labelText
        elif isinstance(item, pg.PlotItem):
            yield "plot title", item.titleLabel.text
        elif isinstance(item, pg.LegendItem):
            for _sample, label in item.items:
                yield "legend", label.text
        elif isinstance(item, pg.TextItem):
            yield "plot text", item.toPlainText()


def _action_texts(action: QAction) -> Iterator[tuple[str, str]]:
    yield "text", action.text()
    yield "toolTip", action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
    yield "statusTip", action.statusTip()
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield "menu title", menu.title()


def untranslated(root: QWidget, also_kept: Iterable[str] = ()) -> list[str]:
    """``where: 'text'`` for every English text under ``root`` (widgets, actions, plots)."""
    found: list[str] = []
    kept = set(also_kept)

    def check(where: str, texts: Iterable[tuple[str, str]]) -> None:
        for prop, text in texts:
            if text and english_words(text, kept):
                found.append(f"{where} {prop}: {text!r}")

    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__}({widget.objectName()})"
        check(where, _widget_texts(widget))
        if isinstance(widget, pg.GraphicsView):
            check(where, _plot_texts(widget))
        for action in widget.actions():
            check(f"{where} action {action.objectName()}", _action_texts(action))
    return sorted(set(found))
