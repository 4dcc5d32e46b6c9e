"""The experiment model: undo for every setting, panels that follow it, values kept exactly."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QSpinBox
from pytestqt.qtbot import QtBot

from playground.core.spec.experiment import (
    Experiment,
    LayerSpec,
    OptimizerSpec,
    ScheduleSpec,
    TrainingSpec,
)
from playground.core.spec.options import SECTION_FIELDS
from playground.core.spec.presets import load_preset
from playground.gui.document.experiment_model import ExperimentModel
from playground.gui.training.setting_editors import SettingSpinBox, log_step, shortest_text
from playground.gui.training.training_panel import TrainingPanel

# A value for each setting that differs from the default and that a panel can show.
EDITS: dict[tuple[str, str], Any] = {
    ("optimizer", "lr"): 0.25,
    ("optimizer", "momentum"): 0.5,
    ("optimizer", "nesterov"): True,
    ("optimizer", "beta1"): 0.8,
    ("optimizer", "beta2"): 0.95,
    ("optimizer", "weight_decay"): 0.001,
    ("schedule", "step_size"): 7,
    ("schedule", "gamma"): 0.25,
    ("schedule", "t_max"): 30,
    ("schedule", "min_lr"): 0.0001,
    ("schedule", "patience"): 9,
    ("schedule", "factor"): 0.3,
    ("training", "batch_size"): 64,
    ("training", "epochs"): 12,
    ("training", "seed"): 42,
    ("training", "grad_clip"): 2.5,
    ("training", "zero_grad"): False,
}


@pytest.fixture
def panel(qtbot: QtBot) -> TrainingPanel:
    model = ExperimentModel()
    widget = TrainingPanel(model)
    qtbot.addWidget(widget)
    widget.show()
    # SGD with momentum: every optimizer setting can be switched on (Nesterov needs momentum).
    model.load(Experiment(optimizer=OptimizerSpec(kind="sgd", momentum=0.9)))
    return widget


def _value(experiment: Experiment, section: str, name: str) -> Any:
    part = getattr(experiment, section)
    if name in ("beta1", "beta2"):
        return part.betas[name == "beta2"]
    return getattr(part, name)


def _set_widget(panel: TrainingPanel, section: str, name: str, value: Any) -> None:
    editor = panel.editors[section, name]
    if isinstance(editor, QCheckBox):
        editor.setChecked(value)
    else:
        assert isinstance(editor, QSpinBox | QDoubleSpinBox)
        editor.setValue(value)


def test_every_field_is_covered() -> None:
    assert set(EDITS) == {(s, n) for s, fields in SECTION_FIELDS.items() for n in fields}


@pytest.mark.parametrize(("section", "name"), list(EDITS))
def test_every_setting_edit_is_one_undo_step(panel: TrainingPanel, section: str, name: str) -> None:
    model, stack = panel.model, panel.model.undo_stack
    before = model.experiment
    if name == "nesterov":
        before = model.experiment  # momentum 0.9 already allows it
    _set_widget(panel, section, name, EDITS[section, name])
    after = model.experiment
    assert _value(after, section, name) == EDITS[section, name]
    assert stack.count() == 1
    stack.undo()
    assert model.experiment == before
    assert _value(model.experiment, section, name) == _value(before, section, name)
    editor = panel.editors[section, name]
    shown = editor.isChecked() if isinstance(editor, QCheckBox) else editor.value()
    expected = _value(before, section, name)
    assert shown == (editor.minimum() if expected is None else expected)  # the panel follows
    stack.redo()
    assert model.experiment == after


@pytest.mark.parametrize(
    ("combo", "key", "check"),
    [
        ("loss", "mse", lambda e: e.loss),
        ("optimizer", "adamw", lambda e: e.optimizer.kind),
        ("schedule", "cosine", lambda e: e.schedule.kind),
    ],
)
def test_choices_are_undoable(panel: TrainingPanel, combo: str, key: str, check: Any) -> None:
    box = getattr(panel, combo)
    before = panel.model.experiment
    box.setCurrentIndex(box.findData(key))
    assert check(panel.model.experiment) == key
    panel.model.undo_stack.undo()
    assert panel.model.experiment == before and box.currentData() == check(before)
    panel.model.undo_stack.redo()
    assert check(panel.model.experiment) == key and box.currentData() == key


def test_the_initial_weights_choice_is_one_undo_step_and_keeps_the_layers(
    panel: TrainingPanel,
) -> None:
    model, stack = panel.model, panel.model.undo_stack
    model.load(Experiment(model=load_preset("spiral").model))
    before = model.experiment
    sections: list[str] = []
    model.changed.connect(sections.append)
    panel.weight_init.setCurrentIndex(panel.weight_init.findData("kaiming_normal"))
    after = model.experiment
    assert after.model.init == "kaiming_normal"
    assert after.model.layers == before.model.layers
    assert sections == ["init"]  # not a change of layers: a trained run is kept, like a new seed
    assert stack.count() == 1 and stack.undoText() == "Start the weights as Kaiming (He) normal"
    stack.undo()
    assert model.experiment == before and panel.weight_init.currentData() == "pytorch"
    stack.redo()
    assert model.experiment == after and panel.weight_init.currentData() == "kaiming_normal"


def test_a_layer_edit_keeps_the_initial_weights_choice(panel: TrainingPanel) -> None:
    model = panel.model
    model.set_init("xavier_uniform")
    model.apply_layers([LayerSpec(kind="Linear", params={"out_features": 2})])
    assert model.experiment.model.init == "xavier_uniform"
    assert panel.weight_init.currentData() == "xavier_uniform"


def test_device_choice_is_undoable(panel: TrainingPanel) -> None:
    panel.device.set_device("cpu")
    panel.model.set_device("cpu")
    assert panel.model.experiment.training.device == "cpu"
    panel.model.undo_stack.undo()
    assert panel.model.experiment.training.device == "auto"
    assert panel.device.device() == "auto"


def test_spinning_one_setting_is_one_step_and_back_to_the_start_is_none(
    panel: TrainingPanel,
) -> None:
    stack = panel.model.undo_stack
    for value in (0.02, 0.03, 0.05):
        panel.learning_rate.setValue(value)
    assert stack.count() == 1
    panel.batch_size.setValue(8)
    assert stack.count() == 2  # another setting: its own step
    stack.undo()
    stack.undo()
    assert panel.model.experiment.optimizer.lr == 0.01
    assert panel.learning_rate.value() == 0.01
    stack.redo()
    assert panel.model.experiment.optimizer.lr == 0.05


def test_panel_follows_the_model_when_it_changes_programmatically(panel: TrainingPanel) -> None:
    other = Experiment(
        loss="huber",
        optimizer=OptimizerSpec(kind="adam", lr=0.003, betas=(0.5, 0.75)),
        schedule=ScheduleSpec(kind="plateau", patience=3, factor=0.2),
        training=TrainingSpec(batch_size=10, epochs=5, grad_clip=None),
    )
    panel.model.load(other)  # e.g. opening a file
    assert panel.loss.currentData() == "huber"
    assert (panel.beta1.value(), panel.beta2.value()) == (0.5, 0.75)
    assert panel.patience.value() == 3 and panel.factor.value() == 0.2
    assert panel.clip.value() == panel.clip.minimum() and panel.clip.text() == "off"
    assert panel.model.experiment == other  # showing it sent nothing back
    assert panel.model.undo_stack.count() == 0


EXTREMES = Experiment(
    optimizer=OptimizerSpec(
        kind="sgd", lr=1e-7, momentum=0.9999, weight_decay=1e-6, betas=(0.9, 0.99999)
    ),
    schedule=ScheduleSpec(kind="plateau", min_lr=1e-7, factor=0.555, gamma=0.001),
    training=TrainingSpec(grad_clip=1e-4, batch_size=1_000_000, seed=2**31 - 1),
)


@pytest.mark.parametrize("kind", ["sgd", "adam", "rmsprop"])
def test_shown_values_are_never_rewritten(qtbot: QtBot, kind: str) -> None:
    original = EXTREMES.model_copy(
        update={"optimizer": EXTREMES.optimizer.model_copy(update={"kind": kind})}
    )
    model = ExperimentModel()
    panel = TrainingPanel(model)
    qtbot.addWidget(panel)
    panel.show()
    model.load(original)
    for editor in panel.editors.values():
        if isinstance(editor, QSpinBox | QDoubleSpinBox):
            editor.setFocus()
            editor.interpretText()  # what leaving the field does
            editor.clearFocus()
    assert model.experiment.to_json() == original.to_json()
    assert model.undo_stack.count() == 0
    assert panel.learning_rate.text() == "1e-07" and panel.factor.text() == "0.555"


def test_editor_ranges_are_the_tables(panel: TrainingPanel) -> None:
    for (section, name), editor in panel.editors.items():
        option = SECTION_FIELDS[section][name]
        assert editor.toolTip() == option.help
        if isinstance(editor, SettingSpinBox):
            low, high = option.editor_range()
            expected_low = float(option.minimum or 0.0) if option.optional else low
            # Qt stores the bounds rounded to its decimals: equal to the last digit or so.
            assert editor.minimum() == pytest.approx(expected_low, rel=1e-12, abs=0)
            assert editor.maximum() == pytest.approx(high, rel=1e-12, abs=0)
            assert option.allows(editor.maximum())  # never a value the spec refuses
            assert option.optional or option.allows(editor.minimum())
            assert editor.singleStep() == option.step
        elif isinstance(editor, QSpinBox):
            assert editor.maximum() == option.maximum
            assert editor.minimum() == (option.minimum or 0) - (1 if option.optional else 0)


def test_typed_scientific_numbers_and_log_steps() -> None:
    assert shortest_text(0.1) == "0.1" and shortest_text(1e-7) == "1e-07"
    assert [log_step(0.01, s) for s in (-1, 1, 2)] == [0.005, 0.02, 0.05]


def test_document_name_follows_the_edits(qtbot: QtBot) -> None:
    model = ExperimentModel()
    model.load(Experiment(name="Linear regression"))
    assert model.title() == "Linear regression"
    model.set_setting("training", "epochs", 7)
    assert model.title() == "Linear regression (changed)"
    model.undo_stack.undo()
    assert model.title() == "Linear regression"  # back to the example as shipped
    model.set_setting("training", "epochs", 7)
    model.mark_saved()
    assert model.title() == "Linear regression"
    model.load(Experiment(name="Untitled"))
    model.set_loss("mse")
    assert model.title() == "Untitled"
