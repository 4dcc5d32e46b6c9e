"""Run records, setting differences in words, and paired runs that change one thing only."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import numpy as np
import pytest

from playground.core.messages.texts import set_language
from playground.core.runs.differences import diff_runs, diff_settings, learning_rate_text
from playground.core.runs.paired import PairedRunError, paired_engine, paired_run
from playground.core.runs.records import (
    EndingRecord,
    RunRecord,
    decimate_indices,
    epoch_end_steps,
    final_train_loss,
    final_train_loss_is_epoch_mean,
    reason_in_words,
    record_from_engine,
)
from playground.core.spec.experiment import (
    BuiltinData,
    Experiment,
    LayerSpec,
    ModelSpec,
    OptimizerSpec,
    TrainingSpec,
)
from playground.core.training.engine import Engine
from playground.core.training.step_limit import StepLimit


def _experiment(lr: float = 0.05, dropout: bool = True) -> Experiment:
    layers = [LayerSpec(kind="Linear", params={"out_features": 8}), LayerSpec(kind="Tanh")]
    if dropout:  # dropout draws random masks: paired runs must draw the same ones
        layers.append(LayerSpec(kind="Dropout", params={"p": 0.2}))
    layers.append(LayerSpec(kind="Linear", params={"out_features": 2}))
    return Experiment(
        name="Pairs",
        data=BuiltinData(name="xor", samples=120, noise=0.1),
        model=ModelSpec(layers=layers),
        optimizer=OptimizerSpec(kind="sgd", lr=lr, momentum=0.9),
        training=TrainingSpec(batch_size=16, epochs=4, device="cpu", seed=5),
    )


def _with(experiment: Experiment, section: str, **changes: object) -> Experiment:
    part = getattr(experiment, section).model_copy(update=changes)
    return experiment.model_copy(update={section: part})


# ---- differences in words ---------------------------------------------------------------


def test_diff_names_each_changed_setting_in_words() -> None:
    a = _experiment(lr=0.01)
    b = _with(_with(a, "optimizer", lr=0.1, kind="adam"), "training", batch_size=32)
    texts = [change.text for change in diff_settings(a, b)]
    assert texts == [
        "optimizer ▸ type: sgd → adam",
        "optimizer ▸ learning rate: 0.01 → 0.1",
        "training ▸ batch size: 16 → 32",
    ]
    assert diff_settings(a, a.model_copy(update={"name": "Other name"})) == []


def test_diff_describes_layer_changes() -> None:
    a = _experiment(dropout=False)
    layers = [layer.model_copy(deep=True) for layer in a.model.layers]
    layers[0] = LayerSpec(kind="Linear", params={"out_features": 16, "bias": False})
    layers[1] = LayerSpec(kind="ReLU")
    layers.append(LayerSpec(kind="Sigmoid"))
    b = a.model_copy(update={"model": ModelSpec(layers=layers)})
    changes = diff_settings(a, b)
    assert [str(c) for c in changes] == [
        "model ▸ layer 1 (Linear) ▸ neurons: 8 → 16",
        "model ▸ layer 1 (Linear) ▸ bias: on → off",
        "model ▸ layer 2: Tanh → ReLU",
        "model ▸ layer 4: none → Sigmoid",
    ]
    assert changes[0].path == "model.layers[0].params.out_features"
    assert (changes[0].a_value, changes[0].b_value) == (8, 16)


def test_diff_of_data_and_loss() -> None:
    a = _experiment()
    b = _with(a, "data", noise=0.3, derived_features=["x1*x2"]).model_copy(
        update={"loss": "bce-with-logits"}
    )
    assert [c.text for c in diff_settings(a, b)] == [
        "data ▸ noise: 0.1 → 0.3",
        "data ▸ derived inputs: none → x1*x2",
        "loss: cross-entropy → bce-with-logits",
    ]


def test_diff_names_another_start_of_the_weights() -> None:
    a = _experiment()
    b = a.model_copy(update={"model": a.model.model_copy(update={"init": "kaiming_normal"})})
    changes = diff_settings(a, b)
    assert [c.text for c in changes] == ["model ▸ initial weights: pytorch → kaiming_normal"]
    assert changes[0].path == "model.init"


def test_paired_run_refuses_another_start_of_the_weights() -> None:
    # A paired run starts from its base's weights: another start could not take effect.
    base = Engine(_experiment())
    model = base.experiment.model.model_copy(update={"init": "xavier_uniform"})
    with pytest.raises(PairedRunError, match="initial weights: pytorch → xavier_uniform"):
        paired_engine(base, _experiment().model_copy(update={"model": model}))


# ---- records ---------------------------------------------------------------------------


def test_decimation_keeps_ends_and_bounds_size() -> None:
    assert decimate_indices(5) == [0, 1, 2, 3, 4]
    kept = decimate_indices(10_000, 100)
    assert len(kept) == 100 and kept[0] == 0 and kept[-1] == 9_999
    assert kept == sorted(set(kept))


def test_a_run_stopped_within_an_epoch_reports_that_epoch_s_mean_so_far() -> None:
    # xor's 96 training samples in batches of 16: six steps an epoch; stop after step 9.
    engine = Engine(_experiment(), callbacks=[StepLimit(9)])
    record = record_from_engine(engine, engine.run(), datetime.now(UTC), 0.25)
    assert record.state == "stopped" and record.steps == 9 and record.epochs == 1
    assert not final_train_loss_is_epoch_mean(record)
    steps, losses = engine.history.step_curve()
    so_far = losses[(steps > 6) & (steps <= 9)]
    assert final_train_loss(record) == pytest.approx(float(np.mean(so_far)), rel=1e-12)
    # Stopped at the end of an epoch, it is that whole epoch's mean.
    whole = Engine(_experiment(), callbacks=[StepLimit(12)])
    record = record_from_engine(whole, whole.run(), datetime.now(UTC), 0.25)
    assert final_train_loss_is_epoch_mean(record)
    assert final_train_loss(record) == pytest.approx(whole.history.epochs[-1].train_loss)


def test_record_from_engine_round_trips_through_json() -> None:
    engine = Engine(_experiment())
    started = datetime.now(UTC)
    final = engine.run()
    record = record_from_engine(engine, final, started, 0.25)
    assert record.state == "finished" and record.epochs == 4 and record.steps == final.step
    assert record.device == "cpu" and record.settings == _experiment()
    assert record.final.train_loss == engine.history.epochs[-1].train_loss  # last epoch mean
    assert record.final.val_accuracy is not None and 0.0 <= record.final.val_accuracy <= 1.0
    assert record.curves.epochs == [1, 2, 3, 4]
    assert record.curves.steps[-1] == final.step
    assert len(record.curves.losses) == len(record.curves.steps)
    again = RunRecord.model_validate(json.loads(record.model_dump_json()))
    assert again == record


def test_a_record_keeps_its_reason_in_english_and_words_it_in_the_readers_language() -> None:
    set_language("zh_CN")
    try:
        engine = Engine(_experiment())
        final = engine.run()
        record = record_from_engine(engine, final, datetime.now(UTC), 0.25)
        assert record.reason == "Training finished after 4 epochs."  # files stay English
        assert reason_in_words(record) == "训练完成，共 4 轮。"
        again = RunRecord.model_validate(json.loads(record.model_dump_json()))
        assert reason_in_words(again) == "训练完成，共 4 轮。"
    finally:
        set_language("en")
    assert reason_in_words(record) == "Training finished after 4 epochs."


@pytest.mark.parametrize(
    "ending",
    [
        {"code": "no_such_ending", "values": {}},
        {"code": "finished", "values": {}},  # a value missing
        {"code": "loss_nan", "values": {"step": 1, "lr": "fast", "suggestion": 1}},  # not a number
        {"code": "weights_not_finite", "values": {"layer": {"n": 1}, "step": 1, "lr": 1.0,
                                                  "suggestion": 1.0}},
    ],
)  # fmt: skip
def test_a_files_made_up_ending_falls_back_to_its_reason(ending: dict[str, object]) -> None:
    engine = Engine(_experiment())
    record = record_from_engine(engine, engine.run(), datetime.now(UTC), 0.25)
    forged = record.model_copy(update={"ending": EndingRecord.model_validate(ending)})
    assert reason_in_words(forged) == record.reason


# ---- paired runs -------------------------------------------------------------------------


def test_paired_run_without_change_reproduces_the_curve_exactly() -> None:
    base = Engine(_experiment())
    base.run()
    twin, _ = paired_run(base, _experiment())
    base_steps, base_losses = base.history.step_curve()
    twin_steps, twin_losses = twin.history.step_curve()
    assert np.array_equal(base_steps, twin_steps)
    assert np.array_equal(base_losses, twin_losses)
    assert [r.val_loss for r in twin.history.epochs] == [r.val_loss for r in base.history.epochs]


def test_paired_run_with_another_learning_rate_differs_from_the_first_step_on() -> None:
    base = Engine(_experiment(lr=0.05))
    base.run()
    faster, _ = paired_run(base, _experiment(lr=0.5))
    _, base_losses = base.history.step_curve()
    _, fast_losses = faster.history.step_curve()
    # Same start weights and first batch: the first loss is equal, later ones are not.
    assert base_losses[0] == fast_losses[0]
    assert not np.array_equal(base_losses[1:], fast_losses[1:])
    for name, tensor in faster.initial_state.items():
        assert tensor.equal(base.initial_state[name])


def test_paired_run_from_a_record_starts_from_the_same_weights() -> None:
    base = Engine(_experiment())
    final = base.run()
    record = record_from_engine(base, final, datetime.now(UTC), 1.0)
    twin, _ = paired_run(record, _experiment())
    assert np.array_equal(base.history.step_curve()[1], twin.history.step_curve()[1])


def test_paired_run_refuses_data_or_layer_changes() -> None:
    base = Engine(_experiment())
    with pytest.raises(PairedRunError, match=r"data ▸ noise: 0\.1 → 0\.4"):
        paired_engine(base, _with(_experiment(), "data", noise=0.4))
    with pytest.raises(PairedRunError, match="layer 3: Dropout → Linear"):
        paired_engine(base, _experiment(dropout=False))


# ---- learning rates set during a run ------------------------------------------------------


def _run_with_lr_change(epochs: int, change_at_epoch: int, new_lr: float) -> Engine:
    """Train on this thread, setting the learning rate by hand after ``change_at_epoch`` epochs."""
    engine = Engine(_with(_experiment(lr=0.05), "training", epochs=epochs))

    class SetRate:
        def on_epoch_end(self, eng: Engine, epoch: int) -> None:
            if epoch == change_at_epoch:
                eng._apply_lr(new_lr)  # what a pending change does at the next safe point

        def on_batch_end(self, *_args: object) -> None: ...
        def on_after_backward(self, *_args: object) -> None: ...
        def on_exception(self, *_args: object) -> None: ...

    engine._callbacks = (SetRate(),)
    engine.run()
    return engine


def test_a_learning_rate_set_mid_run_is_in_the_history_and_the_record() -> None:
    engine = _run_with_lr_change(epochs=4, change_at_epoch=2, new_lr=0.01)
    rates = [r.lr for r in engine.history.epochs]
    assert rates == [pytest.approx(0.05)] * 2 + [pytest.approx(0.01)] * 2
    record = record_from_engine(engine, engine.snapshot(), datetime.now(UTC), 1.0)
    assert record.settings.optimizer.lr == pytest.approx(0.05)  # what it started with
    assert [(e.epoch, e.lr) for e in record.lr_edits] == [(3, pytest.approx(0.01))]
    assert record.curves.learning_rates == rates
    assert learning_rate_text(record) == "0.05, then 0.01 from epoch 3"
    again = RunRecord.model_validate_json(record.model_dump_json())
    assert again.lr_edits == record.lr_edits  # kept in files


def test_runs_compare_by_the_rates_they_really_used() -> None:
    changed = _run_with_lr_change(epochs=3, change_at_epoch=1, new_lr=0.01)
    plain = Engine(_with(_experiment(lr=0.05), "training", epochs=3))
    plain.run()
    now = datetime.now(UTC)
    a = record_from_engine(changed, changed.snapshot(), now, 1.0)
    b = record_from_engine(plain, plain.snapshot(), now, 1.0)
    assert diff_settings(a.settings, b.settings) == []  # the start settings hide the change
    texts = [c.text for c in diff_runs(a, b)]
    assert texts == ["optimizer ▸ learning rate: 0.05, then 0.01 from epoch 2 → 0.05"]
    assert diff_runs(b, b) == []


def test_a_rate_set_before_the_first_step_is_the_start_setting() -> None:
    engine = Engine(_with(_experiment(lr=0.05), "training", epochs=1))
    engine.set_learning_rate(0.2)
    engine.run()
    record = record_from_engine(engine, engine.snapshot(), datetime.now(UTC), 1.0)
    assert record.settings.optimizer.lr == pytest.approx(0.2)
    assert record.lr_edits == []
    assert record.curves.learning_rates == [pytest.approx(0.2)]


def test_records_keep_per_epoch_accuracies_and_older_records_still_read() -> None:
    engine = Engine(_experiment())
    final = engine.run()
    record = record_from_engine(engine, final, datetime.now(UTC), 1.0)
    epochs = engine.history.epochs
    assert record.curves.epoch_steps == [r.step for r in epochs]
    assert record.curves.val_accuracies == [r.val_accuracy for r in epochs]
    assert record.curves.train_accuracies == [r.train_accuracy for r in epochs]
    assert epoch_end_steps(record) == [r.step for r in epochs]
    # A record saved before these fields existed opens with them empty.
    stored = json.loads(record.model_dump_json())
    for key in ("epoch_steps", "val_accuracies", "train_accuracies"):
        del stored["curves"][key]
    del stored["paired_with"]
    old = RunRecord.model_validate(stored)
    assert old.curves.val_accuracies == [] and old.paired_with == ""
    per_epoch = record.steps // record.epochs
    assert epoch_end_steps(old) == [e * per_epoch for e in record.curves.epochs]


def test_the_differences_are_worded_in_the_readers_language() -> None:
    a = _experiment()
    b = _with(_with(a, "optimizer", lr=0.1), "training", batch_size=32)
    b = b.model_copy(update={"model": ModelSpec(layers=[*a.model.layers[:-1],
                                                        LayerSpec(kind="Linear", params={"out_features": 3})])})  # fmt: skip
    english = [change.text for change in diff_settings(a, b)]
    set_language("zh_CN")
    try:
        chinese = [change.text for change in diff_settings(a, b)]
    finally:
        set_language("en")
    assert "optimizer ▸ learning rate: 0.05 → 0.1" in english
    assert "training ▸ batch size: 16 → 32" in english
    assert "优化器 ▸ 学习率: 0.05 → 0.1" in chinese
    assert "训练 ▸ 批大小: 16 → 32" in chinese
    assert "模型 ▸ 第 4 层 (Linear) ▸ 神经元: 2 → 3" in chinese  # the layer's own parameter title
    assert "model ▸ layer 4 (Linear) ▸ neurons: 2 → 3" in english
