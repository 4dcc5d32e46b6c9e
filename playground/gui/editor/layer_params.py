"""Editors for the parameters of the selected layer, built from the core's catalogue.

Each parameter gets the editor its type calls for (spin box, check box) with
the catalogue's range, default and help text; nothing about a parameter is
decided here. Edits are reported as ``param_edited(row, name, value)`` and
the editor turns them into undo commands, so this panel never changes a layer
by itself.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.core.layers.catalog import CATALOGUE, ParamDef, ParamValue
from playground.core.messages.texts import text
from playground.core.spec.experiment import LayerSpec

_INT_LIMIT = 1_000_000


def _number(value: float | None) -> str:
    return QCoreApplication.translate("LayerParams", "no limit") if value is None else f"{value:g}"


def param_tooltip(definition: ParamDef) -> str:
    """The help text of a parameter with its range and default, as shown on hover."""
    tip = text(definition.help)
    if definition.type is not bool:
        tip += " " + QCoreApplication.translate(
            "LayerParams", "Allowed: {low} to {high}. Default: {default}."
        ).format(
            low=_number(definition.minimum),
            high=_number(definition.maximum),
            default=_number(float(definition.default)),
        )
    elif definition.default:
        tip += " " + QCoreApplication.translate("LayerParams", "Default: on.")
    else:
        tip += " " + QCoreApplication.translate("LayerParams", "Default: off.")
    return tip


class ScientificSpinBox(QDoubleSpinBox):
    """A spin box for small positive numbers such as 1e-5, stepping by factors of ten.

    ``QDoubleSpinBox`` rounds to fixed decimals, which turns 1e-5 into 0; this
    one shows and parses the ``g`` format and multiplies or divides on a step.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(15)

    def textFromValue(self, value: float) -> str:
        return f"{value:g}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        try:
            value = float(text)
        except ValueError:
            return (QValidator.State.Intermediate, text, pos)
        if self.minimum() <= value <= self.maximum():
            return (QValidator.State.Acceptable, text, pos)
        return (QValidator.State.Intermediate, text, pos)

    def stepBy(self, steps: int) -> None:
        value = self.value() * math.pow(10.0, steps)
        self.setValue(min(max(value, self.minimum()), self.maximum()))


def _float_editor(definition: ParamDef) -> QDoubleSpinBox:
    low = definition.minimum if definition.minimum is not None else -1e9
    high = definition.maximum if definition.maximum is not None else 1e9
    box: QDoubleSpinBox
    if 0 < low < 1e-3:
        box = ScientificSpinBox()
    else:
        box = QDoubleSpinBox()
        box.setDecimals(3)
        box.setSingleStep(0.05 if high <= 1.0 else 0.1)
    box.setRange(low, high)
    return box


class LayerParamsPanel(QWidget):
    """The settings of one layer: a title, the kind's help and one editor per parameter."""

    param_edited = Signal(int, str, object)  # row, parameter name, new value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = -1
        self._kind = ""
        self._editors: dict[str, QWidget] = {}
        self._title = QLabel()
        self._title.setObjectName("layerParamsTitle")
        font = self._title.font()
        font.setBold(True)
        self._title.setFont(font)
        self._help = QLabel()
        self._help.setWordWrap(True)
        self._help.setObjectName("layerParamsHelp")
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Large (projector) fonts: a field that does not fit beside its label goes below it.
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addWidget(self._help)
        layout.addLayout(self._form)
        layout.addStretch(1)
        self.show_layer(-1, None)

    def row(self) -> int:
        """The row whose parameters are shown, or -1."""
        return self._row

    def kind(self) -> str:
        """The kind whose parameters are shown, or an empty string."""
        return self._kind

    def editor(self, name: str) -> QWidget:
        """The editor of one parameter (for tests and focus handling)."""
        return self._editors[name]

    def editors(self) -> list[QWidget]:
        """All editors in form order."""
        return list(self._editors.values())

    def show_layer(self, row: int, layer: LayerSpec | None) -> None:
        """Show the editors of ``layer`` (at ``row``), or a hint when nothing is selected.

        Showing the same kind again only updates values, so focus and the
        cursor stay in the editor the user is typing in.
        """
        kind = CATALOGUE.get(layer.kind) if layer is not None else None
        if layer is None or kind is None:
            self._row, self._kind = -1, ""
            self._clear()
            self._title.setText(self.tr("Layer settings"))
            self._help.setText(self.tr("Select a layer in the list to change its settings."))
            return
        self._title.setText(
            self.tr("Layer {number} · {kind}").format(number=row + 1, kind=kind.name)
        )
        self._help.setText(text(kind.help))
        values = kind.resolve(layer.params)
        if row != self._row or kind.name != self._kind:
            self._row, self._kind = row, kind.name
            self._clear()
            for definition in kind.params:
                self._add_editor(definition)
            if not kind.params:
                note = QLabel(self.tr("{kind} has no settings.").format(kind=kind.name))
                self._form.addRow(note)
        for name, editor in self._editors.items():
            self._set_value(editor, values[name])

    def _clear(self) -> None:
        self._editors.clear()
        while self._form.rowCount():
            self._form.removeRow(0)

    def _add_editor(self, definition: ParamDef) -> None:
        name = definition.name
        tooltip = param_tooltip(definition)
        editor: QWidget
        if definition.type is bool:
            box = QCheckBox(text(definition.title).capitalize())
            box.toggled.connect(lambda on, n=name: self._edited(n, bool(on)))
            editor = box
        elif definition.type is int:
            spin = QSpinBox()
            low = int(definition.minimum) if definition.minimum is not None else -_INT_LIMIT
            high = int(definition.maximum) if definition.maximum is not None else _INT_LIMIT
            spin.setRange(low, high)
            spin.setAccelerated(True)
            if name == "stride" and low == 0:
                spin.setSpecialValueText(self.tr("same as kernel"))  # pooling's 0 means "= kernel"
            spin.valueChanged.connect(lambda v, n=name: self._edited(n, int(v)))
            editor = spin
        else:
            double = _float_editor(definition)
            double.valueChanged.connect(lambda v, n=name: self._edited(n, float(v)))
            editor = double
        if isinstance(editor, QAbstractSpinBox):
            editor.setKeyboardTracking(False)
            editor.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        editor.setToolTip(tooltip)
        editor.setAccessibleName(text(definition.title))
        editor.setAccessibleDescription(text(definition.help))
        editor.setObjectName(f"param_{name}")
        self._editors[name] = editor
        if isinstance(editor, QCheckBox):
            self._form.addRow("", editor)
        else:
            label = QLabel(text(definition.title).capitalize())
            label.setToolTip(tooltip)
            label.setBuddy(editor)
            self._form.addRow(label, editor)
        # Rows added to a panel that is already on screen are shown only on the next
        # event-loop turn; show them now so focus and Tab reach them at once.
        if self.isVisible():
            for widget in (self._form.labelForField(editor), editor):
                if widget is not None:
                    widget.show()

    @staticmethod
    def _set_value(editor: QWidget, value: ParamValue) -> None:
        editor.blockSignals(True)
        try:
            if isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(value))
            elif isinstance(editor, QDoubleSpinBox):
                editor.setValue(float(value))
        finally:
            editor.blockSignals(False)

    def _edited(self, name: str, value: Any) -> None:
        if self._row >= 0:
            self.param_edited.emit(self._row, name, value)


class LayerParamsPane(QScrollArea):
    """The settings panel below a rule, scrolling vertically when the editor is short.

    The editor sizes this pane to :meth:`content_height` so the selected layer's
    settings show whole while the layer list keeps the rest of the height.
    """

    def __init__(self, panel: LayerParamsPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(rule)
        layout.addWidget(panel, 1)
        self.setWidget(box)

    def content_height(self) -> int:
        """The height that shows the settings whole at the pane's current width."""
        box = self.widget()
        if box is None:
            return 0
        width = self.viewport().width()
        wanted = box.heightForWidth(width) if box.hasHeightForWidth() else box.sizeHint().height()
        return max(wanted, box.minimumSizeHint().height()) + 4
