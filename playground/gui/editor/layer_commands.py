"""Undoable edits of the layer stack.

Every change the user makes in the layer editor is one of these commands on
a ``QUndoStack``, so Edit ▸ Undo/Redo and the history view work for all of
them. Commands talk to a :class:`LayerStore` (the editor's list model) rather
than to widgets, so they can be tested and replayed without any view.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QUndoCommand

from playground.core.layers.catalog import ParamValue
from playground.core.spec.experiment import LayerSpec

# Ids for mergeWith; only parameter edits merge.
_SET_PARAM_ID = 4101


class LayerStore(Protocol):
    """What commands need from the object that owns the layer list."""

    def layer_at(self, row: int) -> LayerSpec: ...

    def all_layers(self) -> list[LayerSpec]: ...

    def insert_layers(self, row: int, layers: list[LayerSpec]) -> None: ...

    def remove_layers(self, row: int, count: int) -> list[LayerSpec]: ...

    def move_layer(self, source: int, destination: int) -> None: ...

    def replace_param(self, row: int, name: str, value: ParamValue) -> None: ...

    def replace_all(self, layers: list[LayerSpec]) -> None: ...


def _copy(layer: LayerSpec) -> LayerSpec:
    return LayerSpec(kind=layer.kind, params=dict(layer.params))


class InsertLayersCommand(QUndoCommand):
    """Insert layers at a row: used by Add (from the palette) and Duplicate."""

    def __init__(self, store: LayerStore, row: int, layers: list[LayerSpec], text: str) -> None:
        super().__init__(text)
        self._store = store
        self._row = row
        self._layers = [_copy(layer) for layer in layers]

    def redo(self) -> None:
        self._store.insert_layers(self._row, [_copy(layer) for layer in self._layers])

    def undo(self) -> None:
        self._store.remove_layers(self._row, len(self._layers))


class RemoveLayersCommand(QUndoCommand):
    """Remove consecutive layers; undo puts the very same layers back."""

    def __init__(self, store: LayerStore, row: int, count: int = 1) -> None:
        kinds = ", ".join(store.layer_at(r).kind for r in range(row, row + count))
        super().__init__(
            QCoreApplication.translate("LayerCommands", "Remove {kinds}").format(kinds=kinds)
        )
        self._store = store
        self._row = row
        self._count = count
        self._removed: list[LayerSpec] = []

    def redo(self) -> None:
        self._removed = self._store.remove_layers(self._row, self._count)

    def undo(self) -> None:
        self._store.insert_layers(self._row, [_copy(layer) for layer in self._removed])


class MoveLayerCommand(QUndoCommand):
    """Move one layer so that it ends up at ``destination`` (its final row)."""

    def __init__(self, store: LayerStore, source: int, destination: int) -> None:
        kind = store.layer_at(source).kind
        words = (
            QCoreApplication.translate("LayerCommands", "Move {kind} up")
            if destination < source
            else QCoreApplication.translate("LayerCommands", "Move {kind} down")
        )
        super().__init__(words.format(kind=kind))
        self._store = store
        self._source = source
        self._destination = destination

    def redo(self) -> None:
        self._store.move_layer(self._source, self._destination)

    def undo(self) -> None:
        self._store.move_layer(self._destination, self._source)


class SetParamCommand(QUndoCommand):
    """Change one parameter of one layer.

    Consecutive edits of the same parameter of the same layer merge into one
    command (spinning a value from 8 to 32 is one undo step, not 24); an edit
    that returns to the original value makes the command obsolete.
    """

    def __init__(
        self, store: LayerStore, row: int, name: str, old: ParamValue, new: ParamValue
    ) -> None:
        kind = store.layer_at(row).kind
        super().__init__(
            QCoreApplication.translate(
                "LayerCommands", "Change {setting} of layer {number} ({kind})"
            ).format(setting=name.replace("_", " "), number=row + 1, kind=kind)
        )
        self._store = store
        self.row = row
        self.name = name
        self.old = old
        self.new = new

    def id(self) -> int:
        return _SET_PARAM_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetParamCommand):
            return False
        if other.row != self.row or other.name != self.name:
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        self._store.replace_param(self.row, self.name, self.new)

    def undo(self) -> None:
        self._store.replace_param(self.row, self.name, self.old)


class ReplaceLayersCommand(QUndoCommand):
    """Replace the whole stack at once (e.g. choosing a preset), undoable as one step."""

    def __init__(self, store: LayerStore, layers: list[LayerSpec], text: str) -> None:
        super().__init__(text)
        self._store = store
        self._before = [_copy(layer) for layer in store.all_layers()]
        self._after = [_copy(layer) for layer in layers]

    def redo(self) -> None:
        self._store.replace_all([_copy(layer) for layer in self._after])

    def undo(self) -> None:
        self._store.replace_all([_copy(layer) for layer in self._before])


def editor_shortcuts() -> list[tuple[str, str, str, list[QKeySequence]]]:
    """The editor's commands: (name, button text, tooltip, shortcuts), in button order."""
    return [
        (
            "add",
            QCoreApplication.translate("LayerCommands", "Add…"),
            QCoreApplication.translate("LayerCommands", "Find a layer kind to add (Insert)"),
            [QKeySequence("Insert")],
        ),
        (
            "up",
            QCoreApplication.translate("LayerCommands", "Up"),
            QCoreApplication.translate("LayerCommands", "Move the selected layer up (Alt+Up)"),
            [QKeySequence("Alt+Up"), QKeySequence("Ctrl+Up")],
        ),
        (
            "down",
            QCoreApplication.translate("LayerCommands", "Down"),
            QCoreApplication.translate("LayerCommands", "Move the selected layer down (Alt+Down)"),
            [QKeySequence("Alt+Down"), QKeySequence("Ctrl+Down")],
        ),
        (
            "duplicate",
            QCoreApplication.translate("LayerCommands", "Duplicate"),
            QCoreApplication.translate("LayerCommands", "Duplicate the selected layer (Ctrl+D)"),
            [QKeySequence("Ctrl+D")],
        ),
        (
            "remove",
            QCoreApplication.translate("LayerCommands", "Remove"),
            QCoreApplication.translate("LayerCommands", "Remove the selected layer (Delete)"),
            [QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Backspace")],
        ),
    ]
