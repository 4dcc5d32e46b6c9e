"""The list model behind the layer editor: layers, their summary rows, drag and drop.

The model is the single owner of the layer list. Views only read it; every
change goes through an undo command (see :mod:`playground.gui.editor.layer_commands`),
including drags, so a drop is undoable like any other edit. Shapes, parameter
counts and problems come from :func:`playground.core.layers.model.summarize`
and are recomputed after every change; rows word their problem through
:mod:`playground.core.messages`.

A Qt item model is one class with many small overrides (data, flags, drag and drop,
roles); splitting it would scatter one interface.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QUndoStack

from playground.core.layers.catalog import CATALOGUE, ParamValue, Shape
from playground.core.layers.model import LayerSummary, ModelSummary, summarize
from playground.core.messages import describe, sentence
from playground.core.messages.texts import text
from playground.core.problems import Problem
from playground.core.spec.experiment import LayerSpec
from playground.gui.editor.layer_commands import MoveLayerCommand

LAYER_MIME = "application/x-playground-layer-row"
SummaryRole = Qt.ItemDataRole.UserRole + 1
LayerRole = Qt.ItemDataRole.UserRole + 2
ProblemRole = Qt.ItemDataRole.UserRole + 3  # the Problem a row shows, or None
ProblemTextRole = Qt.ItemDataRole.UserRole + 4  # that problem as the row words it, or None

Index = QModelIndex | QPersistentModelIndex


def _copy(layer: LayerSpec) -> LayerSpec:
    return LayerSpec(kind=layer.kind, params=dict(layer.params))


def params_text(layer: LayerSpec) -> str:
    """The parameters of a layer in short words, e.g. ``8 neurons · bias``."""
    kind = CATALOGUE.get(layer.kind)
    if kind is None:
        return ""
    values = kind.resolve(layer.params)
    parts: list[str] = []
    for definition in kind.params:
        value = values[definition.name]
        title = text(definition.title)
        if definition.type is bool:
            parts.append(
                title
                if value
                else QCoreApplication.translate("LayerStack", "no {setting}").format(setting=title)
            )
        elif definition.name == "stride" and value == 0:
            # pooling: 0 means windows do not overlap
            parts.append(QCoreApplication.translate("LayerStack", "stride = kernel"))
        elif isinstance(value, int) and title == definition.title and title.endswith("s"):
            noun = title[:-1] if value == 1 else title
            parts.append(f"{value} {noun}")  # English: "8 neurons", "1 neuron", "16 filters"
        else:
            number = f"{value:g}" if isinstance(value, float) else str(value)
            parts.append(f"{title} {number}")
    return " · ".join(parts)


Level = Literal["ok", "warning", "error"]


@dataclass(frozen=True)
class EditorStatus:
    """The editor's status line as data: how serious (``level``) and what it says."""

    level: Level
    text: str


def editor_status(summary: ModelSummary, problem: Problem | None) -> EditorStatus:
    """The editor's status: the first shape problem, else ``problem``, else ready to train."""
    broken = [row.index for row in summary.layers if row.error]
    if broken:
        # The row itself shows the full sentence; here, only where to look.
        return EditorStatus(
            "error",
            QCoreApplication.translate(
                "LayerStack",
                "Training is not possible yet: layer {number} has a problem (marked in the list).",
            ).format(number=broken[0] + 1),
        )
    if summary.error:
        return EditorStatus("error", sentence(describe(summary.error)))
    if problem:
        return EditorStatus("error", sentence(describe(problem)))
    return EditorStatus(
        "ok",
        QCoreApplication.translate(
            "LayerStack", "Every layer fits; the network is ready to train."
        ),
    )


def shape_text(shape: Shape | None) -> str:
    """An output shape as the rows show it: ``8`` or ``8×4×4``; an em dash when unknown."""
    if shape is None:
        return "—"
    return "×".join(str(size) for size in shape)


class LayerStackModel(QAbstractListModel):
    """Layers as rows; each row's :class:`LayerSummary` is available under ``SummaryRole``."""

    summary_changed = Signal(object)  # ModelSummary
    row_touched = Signal(int)  # the row an edit created, moved or changed (for selection)

    def __init__(self, undo_stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(parent)
        self._undo_stack = undo_stack
        self._layers: list[LayerSpec] = []
        self._input_shape: Shape = (2,)
        self._summary: ModelSummary = summarize([], self._input_shape)
        self._note: tuple[int, Problem] | None = None

    # ---- reading ---------------------------------------------------------------

    def layer_at(self, row: int) -> LayerSpec:
        return self._layers[row]

    def all_layers(self) -> list[LayerSpec]:
        """Copies of the layers, safe to keep."""
        return [_copy(layer) for layer in self._layers]

    def summary(self) -> ModelSummary:
        return self._summary

    def input_shape(self) -> Shape:
        return self._input_shape

    def set_row_problem(self, row: int, problem: Problem | None) -> None:
        """Mark ``row`` with a problem found outside shape inference (e.g. the output size).

        Shape problems from the core's summary take precedence on their own rows.
        ``problem`` None (or a row out of range) removes the mark.
        """
        note = (row, problem) if problem and 0 <= row < len(self._layers) else None
        if note == self._note:
            return
        rows = [marked[0] for marked in (self._note, note) if marked is not None]
        self._note = note
        for changed in rows:
            if changed < len(self._layers):
                self.dataChanged.emit(self.index(changed), self.index(changed))

    def row_problem(self, row: int) -> Problem | None:
        """The problem ``row`` shows: its shape error, else the mark, else None."""
        if 0 <= row < len(self._summary.layers) and self._summary.layers[row].error:
            return self._summary.layers[row].error
        if self._note is not None and self._note[0] == row:
            return self._note[1]
        return None

    def row_problem_text(self, row: int) -> str | None:
        """The problem of ``row`` in words, without the layer's name (the row is the place)."""
        problem = self.row_problem(row)
        return sentence(describe(problem, with_place=False)) if problem else None

    def set_input_shape(self, shape: Sequence[int]) -> None:
        self._input_shape = tuple(int(size) for size in shape)
        self._refresh(0, len(self._layers) - 1)

    # ---- Qt model API ----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._layers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._layers):
            return None
        row = index.row()
        layer = self._layers[row]
        info: LayerSummary | None = (
            self._summary.layers[row] if row < len(self._summary.layers) else None
        )
        if role == Qt.ItemDataRole.DisplayRole:
            return self._accessible_text(row, layer, info)
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = CATALOGUE.get(layer.kind)
            problem = self.row_problem_text(row)
            if problem:
                return self.tr("Problem: {problem}").format(problem=problem)
            return text(kind.help) if kind else None
        if role == ProblemRole:
            return self.row_problem(row)
        if role == ProblemTextRole:
            return self.row_problem_text(row)
        if role == SummaryRole:
            return info
        if role == LayerRole:
            return layer
        return None

    def _accessible_text(self, row: int, layer: LayerSpec, info: LayerSummary | None) -> str:
        name = f"{row + 1}. {layer.kind}"
        details = params_text(layer)
        if details:
            name += f" ({details})"
        problem = self.row_problem_text(row)
        if problem:
            return self.tr("{layer}: problem: {problem}").format(layer=name, problem=problem)
        if info is None:
            return name
        return self.tr("{layer}: output {shape}, {count} parameters").format(
            layer=name, shape=shape_text(info.output_shape), count=f"{info.parameters:,}"
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [LAYER_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        if rows:
            data.setData(LAYER_MIME, QByteArray(str(rows[0]).encode()))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(LAYER_MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Move the dragged layer through the undo stack.

        Returns ``False`` on purpose: the move is already done, and a ``True``
        would make the view remove the source row a second time.
        """
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            source = int(bytes(data.data(LAYER_MIME).data()).decode())
        except ValueError:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._layers)
        self.request_move(source, row)
        return False

    def moveRows(
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination_child: int,
    ) -> bool:
        """Qt's move API (``destination_child`` counts rows before the move); undoable."""
        if count != 1 or source_parent.isValid() or destination_parent.isValid():
            return False
        return self.request_move(source_row, destination_child)

    def request_move(self, source: int, before_row: int) -> bool:
        """Push a move of ``source`` to just before ``before_row`` (pre-move numbering)."""
        if not 0 <= source < len(self._layers):
            return False
        destination = before_row - 1 if before_row > source else before_row
        destination = max(0, min(destination, len(self._layers) - 1))
        if destination == source:
            return False
        self._undo_stack.push(MoveLayerCommand(self, source, destination))
        return True

    # ---- LayerStore (called by undo commands only) -----------------------------

    def insert_layers(self, row: int, layers: list[LayerSpec]) -> None:
        self.beginInsertRows(QModelIndex(), row, row + len(layers) - 1)
        self._layers[row:row] = [_copy(layer) for layer in layers]
        self.endInsertRows()
        self._refresh(row, len(self._layers) - 1)
        self.row_touched.emit(row)

    def remove_layers(self, row: int, count: int) -> list[LayerSpec]:
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        removed = self._layers[row : row + count]
        del self._layers[row : row + count]
        self.endRemoveRows()
        self._refresh(row, len(self._layers) - 1)
        self.row_touched.emit(min(row, len(self._layers) - 1))
        return removed

    def move_layer(self, source: int, destination: int) -> None:
        qt_destination = destination + 1 if destination > source else destination
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), qt_destination)
        self._layers.insert(destination, self._layers.pop(source))
        self.endMoveRows()
        self._refresh(min(source, destination), len(self._layers) - 1)
        self.row_touched.emit(destination)

    def replace_param(self, row: int, name: str, value: ParamValue) -> None:
        layer = self._layers[row]
        params = dict(layer.params)
        params[name] = value
        self._layers[row] = LayerSpec(kind=layer.kind, params=params)
        self._refresh(row, len(self._layers) - 1)
        self.row_touched.emit(row)

    def replace_all(self, layers: list[LayerSpec]) -> None:
        self.beginResetModel()
        self._layers = [_copy(layer) for layer in layers]
        self.endResetModel()
        self._refresh(0, len(self._layers) - 1)
        self.row_touched.emit(0 if self._layers else -1)

    # ---- summary ---------------------------------------------------------------

    def _refresh(self, first: int, last: int) -> None:
        self._summary = summarize(self._layers, self._input_shape)
        if self._note is not None:
            # A mark from outside was about the stack as it was; it is stale now.
            first, self._note = min(first, self._note[0]), None
            last = len(self._layers) - 1
        if self._layers and last >= first:
            # Every row after an edit may change shape; repaint them all.
            self.dataChanged.emit(self.index(max(first, 0)), self.index(last))
        self.summary_changed.emit(self._summary)
