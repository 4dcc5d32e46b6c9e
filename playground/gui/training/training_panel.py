"""The training panel: loss, optimizer, schedule and loop settings of an experiment.

It edits the parts of :class:`Experiment` that are not data or model. Only the
settings the chosen optimizer and schedule actually use are shown, so a
beginner is never asked about betas while using plain SGD. Ranges and help
texts come from the spec's field definitions, never from numbers typed here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
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

from playground.core.spec.experiment import (
    Experiment,
    OptimizerSpec,
    ScheduleSpec,
    TrainingSpec,
)
from playground.gui.training.device_picker import DevicePicker

LOSS_TITLES: dict[str, str] = {
    "cross-entropy": "Cross-entropy",
    "bce-with-logits": "Binary cross-entropy",
    "mse": "Mean squared error",
    "l1": "Mean absolute error",
    "huber": "Huber",
}
OPTIMIZER_TITLES: dict[str, str] = {
    "sgd": "SGD",
    "adam": "Adam",
    "adamw": "AdamW",
    "rmsprop": "RMSprop",
    "adagrad": "Adagrad",
}
SCHEDULE_TITLES: dict[str, str] = {
    "none": "Constant",
    "step": "Step decay",
    "cosine": "Cosine annealing",
    "plateau": "Reduce on plateau",
}
# Which optimizer settings each optimizer reads.
OPTIMIZER_FIELDS: dict[str, tuple[str, ...]] = {
    "sgd": ("momentum", "nesterov", "weight_decay"),
    "adam": ("beta1", "beta2", "weight_decay"),
    "adamw": ("beta1", "beta2", "weight_decay"),
    "rmsprop": ("momentum", "weight_decay"),
    "adagrad": ("weight_decay",),
}
SCHEDULE_FIELDS: dict[str, tuple[str, ...]] = {
    "none": (),
    "step": ("step_size", "gamma"),
    "cosine": ("t_max", "min_lr"),
    "plateau": ("patience", "factor", "min_lr"),
}


def _help(model: type[Any], name: str) -> str:
    description = model.model_fields[name].description
    return str(description) if description else ""


def _compact(combo: QComboBox) -> QComboBox:
    # Long entries must not widen the side panel; the popup still shows them whole.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)
    return combo


def _combo(titles: dict[str, str]) -> QComboBox:
    combo = _compact(QComboBox())
    for key, title in titles.items():
        combo.addItem(title, key)
    return combo


def _select(combo: QComboBox, key: str) -> None:
    index = combo.findData(key)
    combo.setCurrentIndex(max(index, 0))


LOSS_HELP: dict[str, str] = {
    "cross-entropy": "For classes: one output per class.",
    "bce-with-logits": "For exactly two classes: one output.",
    "mse": "For numbers: the mean of the squared errors.",
    "l1": "For numbers: the mean of the absolute errors (L1); less hurt by outliers.",
    "huber": "For numbers: squared for small errors, absolute for large ones.",
}


class CompactDoubleSpinBox(QDoubleSpinBox):
    """A spin box that shows 0.02 rather than 0.020000 (small rates need many decimals)."""

    def textFromValue(self, value: float) -> str:
        return f"{value:.{self.decimals()}f}".rstrip("0").rstrip(".") or "0"


def _double(low: float, high: float, decimals: int, step: float, tip: str) -> QDoubleSpinBox:
    box = CompactDoubleSpinBox()
    box.setRange(low, high)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setToolTip(tip)
    box.setKeyboardTracking(False)
    return box


def _integer(low: int, high: int, tip: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setToolTip(tip)
    box.setKeyboardTracking(False)
    return box


class TrainingPanel(QWidget):
    """Edits loss, optimizer, schedule, batch size, epochs, seed, clipping and device.

    Signals: ``changed`` after any edit; ``learning_rate_changed(float)`` when
    the learning rate changes (the run applies it immediately, even mid-run).
    """

    changed = Signal()
    learning_rate_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._updating = False
        self.loss = _combo(LOSS_TITLES)
        for index, key in enumerate(LOSS_TITLES):
            self.loss.setItemData(index, LOSS_HELP[key], Qt.ItemDataRole.ToolTipRole)
        self.loss.setToolTip("How the error between prediction and target is measured.")
        self.optimizer = _combo(OPTIMIZER_TITLES)
        self.optimizer.setToolTip("The rule that turns gradients into weight updates.")
        self.learning_rate = _double(1e-6, 100.0, 6, 0.001, _help(OptimizerSpec, "lr"))
        self.learning_rate.setStepType(QDoubleSpinBox.StepType.AdaptiveDecimalStepType)
        self.momentum = _double(0.0, 0.999, 3, 0.05, _help(OptimizerSpec, "momentum"))
        self.nesterov = QCheckBox("Nesterov momentum")
        self.nesterov.setToolTip(_help(OptimizerSpec, "nesterov"))
        beta_tip = _help(OptimizerSpec, "betas")
        self.beta1 = _double(0.0, 0.9999, 4, 0.01, beta_tip)
        self.beta2 = _double(0.0, 0.9999, 4, 0.001, beta_tip)
        self.weight_decay = _double(0.0, 1.0, 5, 0.0001, _help(OptimizerSpec, "weight_decay"))
        self.schedule = _combo(SCHEDULE_TITLES)
        self.schedule.setToolTip("How the learning rate changes during training.")
        self.step_size = _integer(1, 1_000_000, _help(ScheduleSpec, "step_size"))
        self.gamma = _double(0.01, 1.0, 3, 0.05, _help(ScheduleSpec, "gamma"))
        self.t_max = _integer(0, 1_000_000, _help(ScheduleSpec, "t_max"))
        self.t_max.setSpecialValueText("all epochs")
        self.min_lr = _double(0.0, 10.0, 6, 0.0001, _help(ScheduleSpec, "min_lr"))
        self.patience = _integer(0, 10_000, _help(ScheduleSpec, "patience"))
        self.factor = _double(0.01, 0.99, 2, 0.05, _help(ScheduleSpec, "factor"))
        self.batch_size = _integer(1, 1_000_000, "Samples per weight update.")
        self.epochs = _integer(1, 10_000_000, "Passes over the training data.")
        self.seed = _integer(0, 2**31 - 1, _help(TrainingSpec, "seed"))
        self.clip = _double(0.0, 1e6, 3, 0.1, _help(TrainingSpec, "grad_clip"))
        self.clip.setSpecialValueText("off")
        self.device = DevicePicker()
        _compact(self.device)

        optimizer_box = QGroupBox("Optimizer")
        self._optimizer_form = QFormLayout(optimizer_box)
        self._optimizer_rows: dict[str, QWidget] = {
            "momentum": self.momentum,
            "nesterov": self.nesterov,
            "beta1": self.beta1,
            "beta2": self.beta2,
            "weight_decay": self.weight_decay,
        }
        self._optimizer_form.addRow("Loss", self.loss)
        self._optimizer_form.addRow("Optimizer", self.optimizer)
        self._optimizer_form.addRow("Learning rate", self.learning_rate)
        self._optimizer_form.addRow("Momentum", self.momentum)
        self._optimizer_form.addRow("", self.nesterov)
        self._optimizer_form.addRow("Beta 1", self.beta1)
        self._optimizer_form.addRow("Beta 2", self.beta2)
        self._optimizer_form.addRow("Weight decay", self.weight_decay)

        schedule_box = QGroupBox("Learning-rate schedule")
        self._schedule_form = QFormLayout(schedule_box)
        self._schedule_rows: dict[str, QWidget] = {
            "step_size": self.step_size,
            "gamma": self.gamma,
            "t_max": self.t_max,
            "min_lr": self.min_lr,
            "patience": self.patience,
            "factor": self.factor,
        }
        self._schedule_form.addRow("Schedule", self.schedule)
        self._schedule_form.addRow("Every (epochs)", self.step_size)
        self._schedule_form.addRow("Multiply by", self.gamma)
        self._schedule_form.addRow("Half-cycle (epochs)", self.t_max)
        self._schedule_form.addRow("Lowest rate", self.min_lr)
        self._schedule_form.addRow("Patience (epochs)", self.patience)
        self._schedule_form.addRow("Decay factor", self.factor)

        loop_box = QGroupBox("Training loop")
        loop_form = QFormLayout(loop_box)
        loop_form.addRow("Batch size", self.batch_size)
        loop_form.addRow("Epochs", self.epochs)
        loop_form.addRow("Seed", self.seed)
        loop_form.addRow("Clip gradients", self.clip)
        loop_form.addRow("Device", self.device)

        for form in (self._optimizer_form, self._schedule_form, loop_form):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(optimizer_box)
        layout.addWidget(schedule_box)
        layout.addWidget(loop_box)
        layout.addStretch(1)

        for combo in (self.loss, self.optimizer, self.schedule, self.device):
            combo.currentIndexChanged.connect(self._on_edit)
        for box in (
            self.momentum,
            self.beta1,
            self.beta2,
            self.weight_decay,
            self.step_size,
            self.gamma,
            self.t_max,
            self.min_lr,
            self.patience,
            self.factor,
            self.batch_size,
            self.epochs,
            self.seed,
            self.clip,
        ):
            box.valueChanged.connect(self._on_edit)
        self.nesterov.toggled.connect(self._on_edit)
        self.learning_rate.valueChanged.connect(self._on_learning_rate)
        self.set_experiment(Experiment())

    def set_experiment(self, experiment: Experiment) -> None:
        """Show the experiment's loss, optimizer, schedule and training settings."""
        self._updating = True
        try:
            opt, sched, train = experiment.optimizer, experiment.schedule, experiment.training
            _select(self.loss, experiment.loss)
            _select(self.optimizer, opt.kind)
            self.learning_rate.setValue(opt.lr)
            self.momentum.setValue(opt.momentum)
            self.nesterov.setChecked(opt.nesterov)
            self.beta1.setValue(opt.betas[0])
            self.beta2.setValue(opt.betas[1])
            self.weight_decay.setValue(opt.weight_decay)
            _select(self.schedule, sched.kind)
            self.step_size.setValue(sched.step_size)
            self.gamma.setValue(sched.gamma)
            self.t_max.setValue(sched.t_max or 0)
            self.min_lr.setValue(sched.min_lr)
            self.patience.setValue(sched.patience)
            self.factor.setValue(sched.factor)
            self.batch_size.setValue(train.batch_size)
            self.epochs.setValue(train.epochs)
            self.seed.setValue(train.seed)
            self.clip.setValue(train.grad_clip or 0.0)
            self.device.set_device(train.device)
        finally:
            self._updating = False
        self._update_visibility()

    def apply_to(self, experiment: Experiment) -> Experiment:
        """A copy of ``experiment`` with this panel's settings."""
        optimizer = OptimizerSpec(
            kind=self.optimizer.currentData(),
            lr=self.learning_rate.value(),
            momentum=self.momentum.value(),
            nesterov=self.nesterov.isChecked() and self.momentum.value() > 0,
            betas=(self.beta1.value(), self.beta2.value()),
            weight_decay=self.weight_decay.value(),
        )
        schedule = ScheduleSpec(
            kind=self.schedule.currentData(),
            step_size=self.step_size.value(),
            gamma=self.gamma.value(),
            t_max=self.t_max.value() or None,
            min_lr=self.min_lr.value(),
            patience=self.patience.value(),
            factor=self.factor.value(),
        )
        training = TrainingSpec(
            batch_size=self.batch_size.value(),
            epochs=self.epochs.value(),
            seed=self.seed.value(),
            device=self.device.device(),
            grad_clip=self.clip.value() or None,
        )
        return experiment.model_copy(
            update={
                "loss": self.loss.currentData(),
                "optimizer": optimizer,
                "schedule": schedule,
                "training": training,
            }
        )

    def set_loss(self, loss: str) -> None:
        """Choose a loss (the main window does this when the data's task changes)."""
        _select(self.loss, loss)

    def set_running(self, running: bool) -> None:
        """Lock every setting except the learning rate while a run exists."""
        for child in self.findChildren(QWidget):
            if child is self.learning_rate or isinstance(child, QGroupBox):
                continue
            if isinstance(child, QComboBox | QDoubleSpinBox | QSpinBox | QCheckBox):
                child.setEnabled(not running)

    def _on_edit(self) -> None:
        self._update_visibility()
        if not self._updating:
            self.changed.emit()

    def _on_learning_rate(self, value: float) -> None:
        if not self._updating:
            self.learning_rate_changed.emit(value)
            self.changed.emit()

    def _update_visibility(self) -> None:
        used = OPTIMIZER_FIELDS[self.optimizer.currentData()]
        for name, widget in self._optimizer_rows.items():
            self._optimizer_form.setRowVisible(widget, name in used)
        scheduled = SCHEDULE_FIELDS[self.schedule.currentData()]
        for name, widget in self._schedule_rows.items():
            self._schedule_form.setRowVisible(widget, name in scheduled)
