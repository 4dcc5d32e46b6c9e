"""The layer editor: build a network from the palette, reorder it, tune each layer.

It exists so a user can design a model without typing code and see at once
whether it fits the data: every row shows the output shape and parameter
count from the core's shape inference, and an impossible stack is marked on
the row that breaks it, with the core's sentence. Every edit is an undo
command on :meth:`LayerEditor.undo_stack` (in the app, the experiment model's
stack; the window brings each result into the model).

The editor keeps its toolbar, list, settings pane and keyboard handling together: each
acts on the same selection and undo stack (palette, delegate and commands are apart).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QResizeEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.layers.catalog import CATALOGUE, ParamValue, describe_shape
from playground.core.layers.model import ModelSummary
from playground.core.problems import Problem
from playground.core.spec.experiment import LayerSpec
from playground.gui.editor.layer_commands import (
    InsertLayersCommand,
    RemoveLayersCommand,
    ReplaceLayersCommand,
    SetParamCommand,
    editor_shortcuts,
)
from playground.gui.editor.layer_palette import LayerPalette
from playground.gui.editor.layer_params import LayerParamsPane, LayerParamsPanel
from playground.gui.editor.layer_row_delegate import (
    LayerRowDelegate,
    LayerStackView,
    WrappingColumn,
    heading,
)
from playground.gui.editor.layer_stack_model import (
    EditorStatus,
    LayerStackModel,
    editor_status,
    shape_text,
)


class LayerEditor(QWidget):
    """Palette, layer stack and the selected layer's settings, with undo for every edit."""

    layers_changed = Signal(list)  # list[LayerSpec] after every edit
    validity_changed = Signal(bool, object)  # ok, the core's Problem when not ok (else None)

    def __init__(self, parent: QWidget | None = None, undo_stack: QUndoStack | None = None) -> None:
        super().__init__(parent)
        # The window passes the document's one stack, so Edit ▸ Undo covers layer edits
        # and every other edit in one history; alone (in tests) the editor keeps its own.
        self._undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self._model = LayerStackModel(self._undo_stack, self)
        self._locked = False
        self._validity: tuple[bool, Problem | None] | None = None
        self._last_emitted: list[LayerSpec] = []
        self._model_problem: Problem | None = None
        self._status = EditorStatus("ok", "")

        self._palette = LayerPalette()
        self._view = LayerStackView()
        self._view.setModel(self._model)
        self._view.setItemDelegate(LayerRowDelegate(self._view))
        self._view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self._view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self._view.setDropIndicatorShown(True)
        self._view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._view.setAccessibleName(self.tr("Layers of the network"))
        self._view.setToolTip(
            self.tr(
                "Drag a layer or press Alt+Up / Alt+Down to move it; Delete removes, Ctrl+D duplicates."
            )
        )
        self._params = LayerParamsPanel()
        self._input_label = QLabel()
        self._input_label.setWordWrap(True)
        self._total_label = QLabel()
        self._total_label.setWordWrap(True)
        self._status_label = QLabel()
        self._status_label.setWordWrap(True)
        self._status_label.setObjectName("layerEditorStatus")
        self._status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._lock_label = QLabel(self.tr("The network cannot be changed while training runs."))
        self._lock_label.setWordWrap(True)
        self._lock_label.hide()

        self._actions = self._make_actions()
        self._build_layout()
        self._connect()
        self._update_summary(self._model.summary())
        self._update_actions()

    # ---- public API ------------------------------------------------------------

    def set_layers(self, layers: Sequence[LayerSpec], *, undoable: bool = False) -> None:
        """Show ``layers``. A new experiment starts a fresh undo history unless ``undoable``."""
        if undoable:
            self._undo_stack.push(
                ReplaceLayersCommand(self._model, list(layers), self.tr("Replace layers"))
            )
            return
        self._model.replace_all(list(layers))
        self._undo_stack.clear()
        self._emit_if_changed()

    def show_layers(self, layers: Sequence[LayerSpec]) -> None:
        """Show the experiment model's layers (after undo, redo or opening a file).

        Neither an undo step nor ``layers_changed``: the model already holds them.
        """
        if list(layers) != self._model.all_layers():
            self._model.replace_all(list(layers))
        self._last_emitted = self.layers()

    def layers(self) -> list[LayerSpec]:
        """Copies of the current layers."""
        return self._model.all_layers()

    def set_input_shape(self, shape: Sequence[int]) -> None:
        """The shape of one input sample of the chosen data, e.g. ``(2,)`` or ``(1, 8, 8)``."""
        self._model.set_input_shape(shape)

    def summary(self) -> ModelSummary:
        """The core's summary of the current stack (shapes, counts, first problem)."""
        return self._model.summary()

    def set_model_problem(self, problem: Problem | None) -> None:
        """Show what the full check of the experiment found, or None when it can train.

        ``problem`` is the core's first problem from
        :func:`playground.core.spec.validation.check_experiment` (e.g. the last layer's size
        against the data's classes). It appears in the status line, and when it is about
        a layer (``problem.layer``) that row is marked with it. Shape problems the editor
        finds itself take precedence. The next change to the stack clears it until the
        owner checks again.
        """
        self._model_problem = problem
        if problem is not None and problem.layer is not None:
            self._model.set_row_problem(problem.layer, problem)
        else:
            self._model.set_row_problem(-1, None)
        self._show_status()

    def model_problem(self) -> Problem | None:
        """The problem last given to :meth:`set_model_problem` (None once the stack changes)."""
        return self._model_problem

    def status(self) -> EditorStatus:
        """The status line as data: its level (ok, warning, error) and its text."""
        return self._status

    def undo_stack(self) -> QUndoStack:
        return self._undo_stack

    def set_locked(self, locked: bool) -> None:
        """Forbid edits (e.g. while training runs); the list stays readable."""
        self._locked = locked
        self._palette.setEnabled(not locked)
        self._params.setEnabled(not locked)
        self._view.setDragEnabled(not locked)
        self._lock_label.setVisible(locked)
        self._update_actions()

    def current_row(self) -> int:
        index = self._view.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self._model.rowCount():
            index = self._model.index(row)
            self._view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self._view.scrollTo(index)

    def add_layer(self, kind: str) -> None:
        """Insert a layer of ``kind`` with the catalogue's defaults after the selected row."""
        if self._locked or kind not in CATALOGUE:
            return
        row = self.current_row() + 1 if self.current_row() >= 0 else self._model.rowCount()
        layer = LayerSpec(kind=kind, params=CATALOGUE[kind].defaults())
        self._undo_stack.push(
            InsertLayersCommand(self._model, row, [layer], self.tr("Add {kind}").format(kind=kind))
        )

    def remove_selected(self) -> None:
        row = self.current_row()
        if not self._locked and row >= 0:
            self._undo_stack.push(RemoveLayersCommand(self._model, row))

    def duplicate_selected(self) -> None:
        row = self.current_row()
        if not self._locked and row >= 0:
            layer = self._model.layer_at(row)
            text = self.tr("Duplicate {kind}").format(kind=layer.kind)
            self._undo_stack.push(InsertLayersCommand(self._model, row + 1, [layer], text))

    def move_selected(self, offset: int) -> None:
        """Move the selected layer up (-1) or down (+1)."""
        row = self.current_row()
        target = row + offset
        if self._locked or row < 0 or not 0 <= target < self._model.rowCount():
            return
        self._model.request_move(row, target + 1 if offset > 0 else target)

    def set_param(self, row: int, name: str, value: ParamValue) -> None:
        """Change one parameter of one layer (undoable; consecutive edits merge)."""
        if self._locked or not 0 <= row < self._model.rowCount():
            return
        layer = self._model.layer_at(row)
        old = CATALOGUE[layer.kind].resolve(layer.params)[name]
        if old == value and type(old) is type(value):
            return
        self._undo_stack.push(SetParamCommand(self._model, row, name, old, value))

    # Widgets, for the main window's focus handling and for tests.
    def palette_widget(self) -> LayerPalette:
        return self._palette

    def stack_view(self) -> QListView:
        return self._view

    def params_panel(self) -> LayerParamsPanel:
        return self._params

    def model(self) -> LayerStackModel:
        return self._model

    def status_text(self) -> str:
        return self._status_label.text()

    def total_text(self) -> str:
        return self._total_label.text()

    def editor_action(self, name: str) -> QAction:
        """One of ``add``, ``remove``, ``duplicate``, ``up``, ``down`` (for menus)."""
        return self._actions[name]

    # ---- construction ----------------------------------------------------------

    def _make_actions(self) -> dict[str, QAction]:
        actions: dict[str, QAction] = {}
        for name, text, tip, keys in editor_shortcuts():
            action = QAction(text, self)
            # The buttons show the short icon text; a menu may give the action a longer title.
            action.setIconText(text)
            action.setToolTip(tip)
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            actions[name] = action
        # Delete and Backspace must keep working inside spin boxes: only the list owns them.
        self._view.addAction(actions["remove"])
        actions["remove"].setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        for name in ("add", "up", "down", "duplicate"):
            self.addAction(actions[name])
        actions["add"].triggered.connect(self._palette.focus_filter)
        actions["up"].triggered.connect(lambda: self.move_selected(-1))
        actions["down"].triggered.connect(lambda: self.move_selected(1))
        actions["duplicate"].triggered.connect(self.duplicate_selected)
        actions["remove"].triggered.connect(self.remove_selected)
        return actions

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self._buttons: list[QToolButton] = []
        for name in ("up", "down", "duplicate", "remove"):
            button = QToolButton()
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self._buttons.append(button)
            button.setDefaultAction(self._actions[name])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
        buttons.addStretch(1)
        title_row = QHBoxLayout()
        title_row.setSpacing(8)
        title_row.addWidget(heading(self.tr("Network")))
        title_row.addWidget(self._input_label, 1)
        stack_box = WrappingColumn()
        stack_layout = QVBoxLayout(stack_box)
        stack_layout.setContentsMargins(0, 0, 0, 0)
        stack_layout.setSpacing(6)
        stack_layout.addLayout(title_row)
        stack_layout.addWidget(self._palette)
        stack_layout.addWidget(self._view, 1)
        stack_layout.addLayout(buttons)
        stack_layout.addWidget(self._total_label)
        stack_layout.addWidget(self._status_label)
        stack_layout.addWidget(self._lock_label)

        # The network gets most of the height; the selected layer's settings sit below a
        # splitter sized to show them whole (see resizeEvent), and scroll when the window
        # is short.
        self._params_scroll = LayerParamsPane(self._params)
        self._splitter = QSplitter(Qt.Orientation.Vertical)
        self._splitter.setChildrenCollapsible(False)
        self._splitter.addWidget(stack_box)
        self._splitter.addWidget(self._params_scroll)
        self._splitter.setStretchFactor(0, 1)
        self._splitter.setStretchFactor(1, 0)
        self._splitter.splitterMoved.connect(self._splitter_moved)
        self._user_sized = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._splitter)
        self.setTabOrder(self._palette.filter_edit(), self._palette.tree())
        self.setTabOrder(self._palette.tree(), self._palette.add_button())
        self.setTabOrder(self._palette.add_button(), self._view)
        previous: QWidget = self._view
        for button in self._buttons:
            self.setTabOrder(previous, button)
            previous = button

    def _splitter_moved(self, _pos: int, _index: int) -> None:
        self._user_sized = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the settings pane as tall as its content (at most 45 %) until the user drags."""
        super().resizeEvent(event)
        if not self._user_sized:
            self._fit_params_pane()

    def _fit_params_pane(self) -> None:
        total = sum(self._splitter.sizes())
        if total <= 0:
            return
        params = min(self._params_scroll.content_height(), total * 45 // 100)
        if self._splitter.sizes()[1] != params:
            self._splitter.setSizes([total - params, params])
            row = self.current_row()
            if row >= 0:
                self._view.scrollTo(self._model.index(row))

    def _connect(self) -> None:
        self._palette.kind_chosen.connect(self.add_layer)
        self._params.param_edited.connect(self.set_param)
        self._model.summary_changed.connect(self._update_summary)
        self._model.row_touched.connect(self._row_touched)
        self._undo_stack.indexChanged.connect(lambda _index: self._emit_if_changed())
        self._model.dataChanged.connect(lambda *_: self._show_params())
        self._model.modelReset.connect(self._show_params)
        self._view.selectionModel().currentChanged.connect(lambda *_: self._selection_changed())

    # ---- reactions -------------------------------------------------------------

    def _row_touched(self, row: int) -> None:
        if row >= 0:
            self.select_row(row)
        self._show_params()
        self._update_actions()

    def _emit_if_changed(self) -> None:
        # Emitted once the undo stack has finished an edit (push, merge, undo, redo),
        # never from inside a command: a listener may then safely call undo().
        layers = self.layers()
        if layers != self._last_emitted:
            self._last_emitted = layers
            self.layers_changed.emit(layers)

    def _selection_changed(self) -> None:
        self._show_params()
        self._update_actions()

    def _show_params(self) -> None:
        row = self.current_row()
        layer = self._model.layer_at(row) if row >= 0 else None
        shown = (self._params.row(), self._params.kind())
        self._params.show_layer(row, layer)
        if not self._user_sized and shown != (self._params.row(), self._params.kind()):
            self._fit_params_pane()
        previous: QWidget = self._buttons[-1]
        for editor in self._params.editors():
            self.setTabOrder(previous, editor)
            previous = editor

    def _update_actions(self) -> None:
        row = self.current_row()
        count = self._model.rowCount()
        editable = not self._locked
        self._actions["add"].setEnabled(editable)
        self._actions["remove"].setEnabled(editable and row >= 0)
        self._actions["duplicate"].setEnabled(editable and row >= 0)
        self._actions["up"].setEnabled(editable and row > 0)
        self._actions["down"].setEnabled(editable and 0 <= row < count - 1)

    def _update_summary(self, summary: ModelSummary) -> None:
        self._input_label.setText(
            self.tr("Input: {shape}").format(shape=describe_shape(summary.input_shape))
        )
        total = f"{summary.total_parameters:,}"
        if summary.ok and summary.output_shape is not None:
            self._total_label.setText(
                self.tr("Total: {count} trainable parameters · output {shape}").format(
                    count=total, shape=shape_text(summary.output_shape)
                )
            )
        else:
            self._total_label.setText(
                self.tr("Total: {count} trainable parameters so far").format(count=total)
            )
        # Any change to the stack makes the last full check stale; the owner checks
        # again after the change and calls set_model_problem with the new verdict.
        self._model_problem = None
        self._show_status()
        validity = (summary.ok, summary.error)
        if validity != self._validity:
            self._validity = validity
            self.validity_changed.emit(*validity)

    def _show_status(self) -> None:
        self._status = editor_status(self._model.summary(), self._model_problem)
        mark = "✓" if self._status.level == "ok" else "⚠"
        self._status_label.setText(f"{mark} {self._status.text}")
        self._status_label.setProperty("problem", self._status.level != "ok")
        self._status_label.style().unpolish(self._status_label)
        self._status_label.style().polish(self._status_label)
