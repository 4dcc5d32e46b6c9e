"""Every named tensor of the script in one table: value, requires grad, leaf, made by, grad.

The columns are the questions a class asks about a tensor, answered from the
core's :class:`TensorView` (which read them from torch). A tensor made inside
``with no_grad():`` says "not recorded": it neither requires grad nor has a
``grad_fn``, which is the whole point of the block.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from playground.core.lab.values import TensorView
from playground.gui.lab.value_text import value_text

NAME, VALUE, REQUIRES_GRAD, LEAF, MADE_BY, GRAD = range(6)


class TensorTable(QTableWidget):
    """The script's tensors after it ran, one row each, in the order the script named them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Value"),
                self.tr("Requires grad"),
                self.tr("Leaf"),
                self.tr("Made by"),
                self.tr("Grad"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        for column in (NAME, REQUIRES_GRAD, LEAF, MADE_BY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VALUE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(GRAD, QHeaderView.ResizeMode.Stretch)

    def show_tensors(self, views: list[TensorView]) -> None:
        """Fill the table with ``views`` (empty to clear it)."""
        self.setRowCount(len(views))
        for row, view in enumerate(views):
            cells = [
                view.name,
                value_text(view.value, view.shape),
                self.tr("yes") if view.requires_grad else self.tr("no"),
                self.tr("yes") if view.is_leaf else self.tr("no"),
                self._made_by(view),
                self._grad(view),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column in (VALUE, GRAD):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(row, column, item)

    def cell_text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return "" if item is None else item.text()

    def row_of(self, name: str) -> int:
        """The row showing tensor ``name``, or -1."""
        return next(
            (row for row in range(self.rowCount()) if self.cell_text(row, NAME) == name), -1
        )

    def _made_by(self, view: TensorView) -> str:
        if view.grad_fn is not None:
            return view.grad_fn
        if view.requires_grad:
            return self.tr("you (a leaf)")
        return self.tr("not recorded")

    def _grad(self, view: TensorView) -> str:
        if view.grad is not None:
            return value_text(view.grad, view.shape)
        if view.is_leaf and view.requires_grad:
            return "None"  # what x.grad gives before any backward() reaches x
        return self.tr("— (kept for leaves only)") if view.requires_grad else "—"
