"""The training panel maps to the Experiment; the device picker shows absent devices disabled."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from playground.core.spec.experiment import Experiment, OptimizerSpec, ScheduleSpec, TrainingSpec
from playground.core.training import devices
from playground.core.training.devices import DeviceOption
from playground.gui.training.device_picker import DevicePicker
from playground.gui.training.training_panel import TrainingPanel


@pytest.fixture
def panel(qtbot: QtBot) -> TrainingPanel:
    widget = TrainingPanel()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _visible(panel: TrainingPanel) -> set[str]:
    rows = {**panel._optimizer_rows, **panel._schedule_rows}
    return {name for name, widget in rows.items() if widget.isVisibleTo(panel)}


def test_values_map_to_the_experiment(panel: TrainingPanel) -> None:
    experiment = Experiment(
        loss="mse",
        optimizer=OptimizerSpec(kind="sgd", lr=0.05, momentum=0.9, nesterov=True),
        schedule=ScheduleSpec(kind="step", step_size=7, gamma=0.25),
        training=TrainingSpec(batch_size=16, epochs=12, seed=3, device="cpu", grad_clip=2.5),
    )
    panel.model.load(experiment)
    assert panel.optimizer.currentData() == "sgd" and panel.batch_size.value() == 16
    result = panel.model.experiment
    assert result.loss == "mse"
    assert result.optimizer == experiment.optimizer
    assert result.schedule.kind == "step"
    assert (result.schedule.step_size, result.schedule.gamma) == (7, 0.25)
    assert result.training == experiment.training


def test_edits_reach_the_experiment(panel: TrainingPanel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(panel.model.changed):
        panel.optimizer.setCurrentIndex(panel.optimizer.findData("adamw"))
    panel.beta1.setValue(0.8)
    panel.beta2.setValue(0.95)
    panel.weight_decay.setValue(0.01)
    panel.batch_size.setValue(64)
    panel.clip.setValue(0.0)
    panel.schedule.setCurrentIndex(panel.schedule.findData("cosine"))
    panel.t_max.setValue(0)
    result = panel.model.experiment
    assert result.optimizer.kind == "adamw"
    assert result.optimizer.betas == (0.8, 0.95)
    assert result.optimizer.weight_decay == pytest.approx(0.01)
    assert result.training.batch_size == 64
    assert result.training.grad_clip is None
    assert result.schedule.kind == "cosine" and result.schedule.t_max is None


def test_only_the_settings_an_optimizer_uses_are_shown(panel: TrainingPanel) -> None:
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("sgd"))
    panel.schedule.setCurrentIndex(panel.schedule.findData("none"))
    assert _visible(panel) == {"momentum", "nesterov", "weight_decay"}
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("adam"))
    assert _visible(panel) == {"beta1", "beta2", "weight_decay"}
    panel.schedule.setCurrentIndex(panel.schedule.findData("plateau"))
    assert _visible(panel) == {"beta1", "beta2", "weight_decay", "patience", "factor", "min_lr"}


def test_nesterov_without_momentum_is_not_sent(panel: TrainingPanel) -> None:
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("sgd"))
    panel.momentum.setValue(0.0)
    panel.nesterov.setChecked(True)
    assert panel.model.experiment.optimizer.nesterov is False


def test_learning_rate_change_is_announced_and_stays_editable_while_running(
    panel: TrainingPanel, qtbot: QtBot
) -> None:
    panel.set_running(True)
    assert not panel.optimizer.isEnabled()
    assert not panel.batch_size.isEnabled()
    assert panel.learning_rate.isEnabled()
    with qtbot.waitSignal(panel.model.changed) as signal:
        panel.learning_rate.setValue(0.123)
    assert signal.args == ["optimizer"]
    assert panel.model.experiment.optimizer.lr == 0.123
    panel.set_running(False)
    assert panel.optimizer.isEnabled()


def test_absent_cuda_is_disabled_with_its_reason(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    reason = "no CUDA GPU was found: PyTorch here is a CPU-only build"
    monkeypatch.setattr(
        devices,
        "list_devices",
        lambda: [
            DeviceOption("cpu", "CPU", True),
            DeviceOption("cuda", "NVIDIA GPU (CUDA)", False, reason),
            DeviceOption("mps", "Apple GPU (MPS)", True),
        ],
    )
    picker = DevicePicker()
    qtbot.addWidget(picker)
    model = picker.model()
    names = [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(picker.count())]
    assert names == ["auto", "cpu", "cuda", "mps"]
    cuda = model.index(2, 0)
    assert not model.flags(cuda) & Qt.ItemFlag.ItemIsEnabled
    assert cuda.data(Qt.ItemDataRole.ToolTipRole) == reason
    assert "not available" in cuda.data(Qt.ItemDataRole.DisplayRole)
    assert not picker.is_available("cuda") and picker.is_available("mps")
    picker.set_device("cuda")
    assert picker.device() == "auto"  # an absent device is never selected
    picker.set_device("mps")
    assert picker.device() == "mps"


def test_present_cuda_devices_are_selectable(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        devices,
        "list_devices",
        lambda: [
            DeviceOption("cpu", "CPU", True),
            DeviceOption("cuda:0", "GPU 0: Test GPU (CUDA)", True),
            DeviceOption("cuda:1", "GPU 1: Test GPU (CUDA)", True),
        ],
    )
    picker = DevicePicker()
    qtbot.addWidget(picker)
    picker.set_device("cuda:1")
    assert picker.device() == "cuda:1"
    picker.set_device("cuda")
    assert picker.device() == "cuda:0"
