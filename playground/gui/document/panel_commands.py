"""Undo for panel edits: changing the data is one step on the editor's undo stack.

A data change may also refit the output layer and switch the loss; the window
pushes that layer change and a :class:`DataChangeCommand` inside one macro, so
Edit ▸ Undo brings back the previous data, loss and layers together.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from playground.core.spec.experiment import BuiltinData, CsvData

DataSpec = BuiltinData | CsvData


class DataTarget(Protocol):
    """What the command changes: the main window's data and loss."""

    def apply_data(self, spec: DataSpec, loss: str) -> None: ...


class DataChangeCommand(QUndoCommand):
    """Switch the data (and the loss that goes with it); the first redo is already done."""

    def __init__(
        self,
        target: DataTarget,
        before: tuple[DataSpec, str],
        after: tuple[DataSpec, str],
        text: str,
    ) -> None:
        super().__init__(text)
        self._target = target
        self._before = before
        self._after = after
        self._applied = True  # pushed after the window already shows ``after``

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._target.apply_data(*self._after)

    def undo(self) -> None:
        self._target.apply_data(*self._before)
