"""The training panel: loss, optimizer, schedule, initial weights and loop settings.

It shows the parts of the experiment model's :class:`Experiment` that are not
data or layers (how the weights start sits below the seed), and sends each
edit to the model as an undoable command; it redraws only from the model's
change signals (with its widgets' signals blocked, so showing a value never
sends it back). Only the settings the chosen optimizer and schedule use are
shown, so a beginner is never asked about betas while using plain SGD. Titles,
ranges, steps, defaults and help texts come from the core's option tables,
never from numbers typed here.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.core.messages.texts import text
from playground.core.spec.experiment import Experiment
from playground.core.spec.options import (
    INIT_TABLE,
    LOSS_TABLE,
    OPTIMIZER_TABLE,
    SCHEDULE_TABLE,
    SECTION_FIELDS,
    CombinationRule,
)
from playground.gui.document.experiment_model import ExperimentModel
from playground.gui.training.device_picker import DevicePicker
from playground.gui.training.setting_editors import setting_editor
from playground.gui.training.speed_control import SpeedControl

PANEL_SECTIONS = frozenset({"init", "loss", "optimizer", "schedule", "training"})


def _compact(combo: QComboBox) -> QComboBox:
    # Long entries must not widen the side panel; the popup still shows them whole.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)
    return combo


def _combo(items: list[tuple[str, str, str]], tip: str) -> QComboBox:
    combo = _compact(QComboBox())
    for key, title, help_text in items:
        combo.addItem(title, key)
        combo.setItemData(combo.count() - 1, help_text, Qt.ItemDataRole.ToolTipRole)
    combo.setToolTip(tip)
    return combo


def _paragraphs(*texts: str) -> str:
    """Rich text, so a long tooltip wraps instead of running across the screen."""
    return "".join(f"<p>{html.escape(part)}</p>" for part in texts)


def _select(combo: QComboBox, key: str) -> None:
    combo.setCurrentIndex(max(combo.findData(key), 0))


class TrainingPanel(QWidget):
    """Edits loss, optimizer, schedule, the loop's settings, initial weights and device."""

    def __init__(self, model: ExperimentModel | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model if model is not None else ExperimentModel(self)
        self.loss = _combo(
            [(n, text(o.title), text(o.help)) for n, o in LOSS_TABLE.items()],
            self.tr("How the error between prediction and target is measured."),
        )
        self.optimizer = _combo(
            [(n, text(o.title), "") for n, o in OPTIMIZER_TABLE.items()],
            self.tr("The rule that turns gradients into weight updates."),
        )
        self.schedule = _combo(
            [(n, text(o.title), "") for n, o in SCHEDULE_TABLE.items()],
            self.tr("How the learning rate changes during training."),
        )
        self.weight_init = _combo(
            [(n, text(o.title), text(o.help)) for n, o in INIT_TABLE.items()],
            _paragraphs(
                self.tr(
                    "How the weights start before the first step: the seed picks the "
                    "random numbers, this picks how they are drawn."
                ),
                *(
                    self.tr("{choice}: {effect}").format(choice=text(o.title), effect=text(o.help))
                    for o in INIT_TABLE.values()
                ),
            ),
        )
        self.editors: dict[tuple[str, str], QWidget] = {
            (section, name): setting_editor(option)
            for section, fields in SECTION_FIELDS.items()
            for name, option in fields.items()
        }
        e = self.editors
        self.learning_rate = e["optimizer", "lr"]
        self.momentum, self.nesterov = e["optimizer", "momentum"], e["optimizer", "nesterov"]
        self.beta1, self.beta2 = e["optimizer", "beta1"], e["optimizer", "beta2"]
        self.weight_decay = e["optimizer", "weight_decay"]
        self.step_size, self.gamma = e["schedule", "step_size"], e["schedule", "gamma"]
        self.t_max, self.min_lr = e["schedule", "t_max"], e["schedule", "min_lr"]
        self.patience, self.factor = e["schedule", "patience"], e["schedule", "factor"]
        self.batch_size, self.epochs = e["training", "batch_size"], e["training", "epochs"]
        self.seed, self.clip = e["training", "seed"], e["training", "grad_clip"]
        self.device = DevicePicker()
        _compact(self.device)

        optimizer_box = QGroupBox(self.tr("Optimizer"))
        self._optimizer_form = QFormLayout(optimizer_box)
        self._optimizer_form.addRow(self.tr("Loss"), self.loss)
        self._optimizer_form.addRow(self.tr("Optimizer"), self.optimizer)
        schedule_box = QGroupBox(self.tr("Learning-rate schedule"))
        self._schedule_form = QFormLayout(schedule_box)
        self._schedule_form.addRow(self.tr("Schedule"), self.schedule)
        loop_box = QGroupBox(self.tr("Training loop"))
        loop_form = QFormLayout(loop_box)
        forms = {"optimizer": self._optimizer_form, "schedule": self._schedule_form}
        for (section, name), editor in self.editors.items():
            option = SECTION_FIELDS[section][name]
            label = "" if option.type == "bool" else text(option.title)
            forms.get(section, loop_form).addRow(label, editor)
        # Right below the seed: both say where a run starts.
        seed_row = loop_form.getWidgetPosition(self.seed)[0]
        loop_form.insertRow(seed_row + 1, self.tr("Initial weights"), self.weight_init)
        loop_form.addRow(self.tr("Device"), self.device)
        # Not a setting of the experiment: it acts on the run at once, even while one runs.
        self.speed = SpeedControl()
        loop_form.addRow(self.tr("Speed"), self.speed)
        self._optimizer_rows = {n: e["optimizer", n] for n in SECTION_FIELDS["optimizer"]}
        self._optimizer_rows.pop("lr")
        self._schedule_rows = {n: e["schedule", n] for n in SECTION_FIELDS["schedule"]}

        for form in (self._optimizer_form, self._schedule_form, loop_form):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            # Large (projector) fonts put a field below its label rather than widen the window.
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(optimizer_box)
        layout.addWidget(schedule_box)
        layout.addWidget(loop_box)
        layout.addStretch(1)

        self.loss.currentIndexChanged.connect(
            lambda: self.model.set_loss(str(self.loss.currentData()))
        )
        self.optimizer.currentIndexChanged.connect(
            lambda: self.model.set_kind("optimizer", str(self.optimizer.currentData()))
        )
        self.schedule.currentIndexChanged.connect(
            lambda: self.model.set_kind("schedule", str(self.schedule.currentData()))
        )
        self.weight_init.currentIndexChanged.connect(
            lambda: self.model.set_init(str(self.weight_init.currentData()))
        )
        self.device.currentIndexChanged.connect(lambda: self.model.set_device(self.device.device()))
        for (section, name), editor in self.editors.items():
            signal = editor.toggled if isinstance(editor, QCheckBox) else editor.valueChanged
            signal.connect(lambda *_a, s=section, n=name: self._send(s, n))
        self.model.changed.connect(self._on_model_changed)
        self.model.replaced.connect(self.show_experiment)
        self.show_experiment()

    # ---- model → widgets -------------------------------------------------------------

    def show_experiment(self) -> None:
        """Show the model's loss, optimizer, schedule, initial weights and training settings."""
        experiment = self.model.experiment
        combos = [self.loss, self.optimizer, self.schedule, self.weight_init, self.device]
        widgets = [*combos, *self.editors.values()]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            _select(self.loss, experiment.loss)
            _select(self.optimizer, experiment.optimizer.kind)
            _select(self.schedule, experiment.schedule.kind)
            _select(self.weight_init, experiment.model.init)
            self.device.set_device(experiment.training.device)
            for (section, name), editor in self.editors.items():
                self._show_value(editor, section, name, _setting(experiment, section, name))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._update_rows()

    def _show_value(self, editor: QWidget, section: str, name: str, value: Any) -> None:
        if isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QSpinBox | QDoubleSpinBox):
            editor.setValue(editor.minimum() if value is None else value)

    def _on_model_changed(self, section: str) -> None:
        if section in PANEL_SECTIONS:
            self.show_experiment()

    # ---- widgets → model -------------------------------------------------------------

    def _send(self, section: str, name: str) -> None:
        editor = self.editors[section, name]
        option = SECTION_FIELDS[section][name]
        value: Any
        if isinstance(editor, QCheckBox):
            value = editor.isChecked()
        elif isinstance(editor, QSpinBox | QDoubleSpinBox):
            value = editor.value()
            if option.optional and value == editor.minimum():
                value = None
        if section == "optimizer" and not self._rules_allow(name, value):
            self.show_experiment()  # the core's combination rule says no: show what stands
            return
        self.model.set_setting(section, name, value)

    def _rules_allow(self, name: str, value: Any) -> bool:
        values = {**self.model.experiment.optimizer.model_dump(), name: value}
        rules: tuple[CombinationRule, ...] = OPTIMIZER_TABLE[values["kind"]].rules
        return all(rule.allows(values) for rule in rules if rule.setting == name)

    # ---- state -----------------------------------------------------------------------

    def set_running(self, running: bool) -> None:
        """Lock every setting except the learning rate while a run exists."""
        for child in self.findChildren(QWidget):
            if child is self.learning_rate or isinstance(child, QGroupBox):
                continue
            if isinstance(child, QComboBox | QDoubleSpinBox | QSpinBox | QCheckBox):
                child.setEnabled(not running)
        if not running:
            self._update_rows()

    def _update_rows(self) -> None:
        experiment = self.model.experiment
        used = OPTIMIZER_TABLE[experiment.optimizer.kind].fields
        for name, widget in self._optimizer_rows.items():
            self._optimizer_form.setRowVisible(widget, name in used)
        scheduled = SCHEDULE_TABLE[experiment.schedule.kind].fields
        for name, widget in self._schedule_rows.items():
            self._schedule_form.setRowVisible(widget, name in scheduled)
        # A setting its rule forbids now (Nesterov without momentum) cannot be switched on.
        if self.optimizer.isEnabled():
            self.nesterov.setEnabled(
                experiment.optimizer.nesterov or self._rules_allow("nesterov", True)
            )


def _setting(experiment: Experiment, section: str, name: str) -> Any:
    part = getattr(experiment, section)
    if section == "optimizer" and name in ("beta1", "beta2"):
        return part.betas[name == "beta2"]
    return getattr(part, name)
