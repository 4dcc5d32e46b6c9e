"""The training engine on the calling thread: training, snapshots, determinism, errors."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
import torch

from playground.core.data.base import CurveInfo, DataInfo, Dataset, PlaneInfo
from playground.core.spec.experiment import (
    Experiment,
    LayerSpec,
    ModelSpec,
    OptimizerSpec,
    ScheduleSpec,
    TrainingSpec,
)
from playground.core.training.engine import Callback, Engine, EngineError
from playground.core.training.snapshot import Snapshot


def blobs(samples: int = 160, classes: int = 2) -> Dataset:
    """Gaussian blobs on the plane, one per class, 25% held out for validation."""
    generator = torch.Generator().manual_seed(1)
    labels = torch.arange(samples) % classes
    angle = labels.to(torch.float32) * (2 * math.pi / classes)
    centres = torch.stack([torch.cos(angle), torch.sin(angle)], dim=1) * 2.0
    x = centres + 0.5 * torch.randn(samples, 2, generator=generator)
    cut = samples * 3 // 4
    info = DataInfo(
        "classification", (2,), classes, ("x1", "x2"), ("class",), tuple("abcde"[:classes])
    )
    plane = PlaneInfo((-4.0, 4.0, -4.0, 4.0), lambda points: points)
    return Dataset(info, x[:cut], labels[:cut], x[cut:], labels[cut:], plane=plane)


def line(samples: int = 96) -> Dataset:
    """y = 2x + 1 with a little noise; no validation part."""
    generator = torch.Generator().manual_seed(2)
    x = torch.linspace(-1, 1, samples).reshape(-1, 1)
    y = 2 * x + 1 + 0.05 * torch.randn(samples, 1, generator=generator)
    info = DataInfo("regression", (1,), 1, ("x",), ("y",))
    empty = torch.zeros(0, 1)
    return Dataset(info, x, y, empty, empty, curve=CurveInfo((-1.0, 1.0)))


def layers(*sizes: int, activation: str = "ReLU") -> list[LayerSpec]:
    result: list[LayerSpec] = []
    for index, size in enumerate(sizes):
        result.append(LayerSpec(kind="Linear", params={"out_features": size}))
        if index < len(sizes) - 1:
            result.append(LayerSpec(kind=activation))
    return result


def experiment(
    model: list[LayerSpec],
    loss: str = "cross-entropy",
    *,
    epochs: int = 5,
    batch_size: int = 16,
    lr: float = 0.05,
    optimizer: str = "adam",
    **training: object,
) -> Experiment:
    return Experiment(
        model=ModelSpec(layers=model),
        loss=loss,  # type: ignore[arg-type]
        optimizer=OptimizerSpec(kind=optimizer, lr=lr),  # type: ignore[arg-type]
        training=TrainingSpec(
            epochs=epochs,
            batch_size=batch_size,
            device="cpu",
            **training,  # type: ignore[arg-type]
        ),
    )


def all_losses(snapshots: list[Snapshot]) -> tuple[np.ndarray, np.ndarray]:
    steps = np.concatenate([s.new_steps for s in snapshots])
    losses = np.concatenate([s.new_losses for s in snapshots])
    return steps, losses


def test_loss_falls_and_accuracy_rises_on_blobs() -> None:
    engine = Engine(experiment(layers(8, 2), epochs=8), blobs())
    snapshots: list[Snapshot] = []
    final = engine.run(on_snapshot=snapshots.append)
    assert final.state == "finished"
    assert final.epoch == 8 and final.step == 8 * 8  # 120 training samples / 16 = 8 batches
    assert final.reason == "Training finished after 8 epochs."
    rows = engine.history.rows()
    assert len(rows) == 8
    assert float(rows[-1]["train_loss"]) < 0.5 * float(rows[0]["train_loss"])
    assert final.val_accuracy is not None and final.val_accuracy > 0.9
    assert final.train_accuracy is not None and final.train_accuracy > 0.9
    assert final.samples_per_second > 0 and final.elapsed > 0
    assert final.device == "cpu"


def test_same_seed_gives_bit_identical_losses() -> None:
    spec = experiment(layers(8, 8, 2), epochs=3, seed=7)
    runs = []
    for _ in range(2):
        snapshots: list[Snapshot] = []
        Engine(spec, blobs(), snapshot_interval=0.0).run(on_snapshot=snapshots.append)
        runs.append(all_losses(snapshots)[1])
    np.testing.assert_array_equal(runs[0], runs[1])
    other: list[Snapshot] = []
    Engine(experiment(layers(8, 8, 2), epochs=3, seed=8), blobs()).run(on_snapshot=other.append)
    assert not np.array_equal(all_losses(other)[1], runs[0])


def test_every_step_is_reported_exactly_once() -> None:
    snapshots: list[Snapshot] = []
    engine = Engine(experiment(layers(4, 2), epochs=4), blobs(), snapshot_interval=0.0)
    engine.run(on_snapshot=snapshots.append)
    steps, losses = all_losses(snapshots)
    np.testing.assert_array_equal(steps, np.arange(1, engine.step + 1))
    assert np.all(np.isfinite(losses))


def test_snapshot_rate_is_bounded_by_time_not_steps() -> None:
    snapshots: list[Snapshot] = []
    engine = Engine(experiment(layers(4, 2), epochs=6), blobs(), snapshot_interval=3600.0)
    final = engine.run(on_snapshot=snapshots.append)
    # 48 steps, yet only the first step's snapshot (shown at once) and the final one:
    # no further time-based snapshot fell due within the hour.
    assert engine.step == 48
    assert [(s.state, s.step) for s in snapshots] == [("running", 1), ("finished", 48)]
    assert snapshots[-1] is final
    assert len(final.new_steps) == 47
    assert final.train_loss == pytest.approx(float(final.new_losses.mean()))
    every: list[Snapshot] = []
    Engine(experiment(layers(4, 2), epochs=6), blobs(), snapshot_interval=0.0).run(
        on_snapshot=every.append
    )
    assert len(every) >= 48  # with no interval, one after every batch


def test_snapshot_contents_for_plane_data() -> None:
    engine = Engine(experiment(layers(6, 3), epochs=1, lr=0.01), blobs(classes=3))
    final = engine.run()
    by_name = {p.name: p for p in final.parameters}
    assert set(by_name) == {"0.weight", "0.bias", "2.weight", "2.bias"}
    first = by_name["0.weight"]
    assert first.shape == (6, 2) and first.layer_index == 0
    assert first.matrix is not None and first.matrix.shape == (6, 2)
    np.testing.assert_allclose(first.matrix, engine.model[0].weight.detach().double().numpy())
    assert first.grad_matrix is not None and first.grad_matrix.shape == (6, 2)
    assert by_name["2.bias"].matrix is not None and by_name["2.bias"].matrix.shape == (1, 3)
    assert first.grad_norm > 0 and first.grads is not None
    assert 0 < first.update_ratio < 1
    assert first.values.counts.sum() == 12 and len(first.values.edges) == 31
    assert first.min <= first.mean <= first.max
    grid = final.decision
    assert grid is not None
    assert grid.values.shape == (64, 64) and grid.classes is not None
    assert set(np.unique(grid.classes)) <= {0, 1, 2}
    assert grid.extent == (-4.0, 4.0, -4.0, 4.0)
    assert [n.shape for n in grid.neurons] == [(6, 64, 64), (3, 64, 64)]
    assert np.all(grid.neurons[0] >= 0)  # after ReLU
    assert final.curve is None
    assert set(final.dead_units) == {1}


def test_two_class_grid_is_the_probability_of_class_one() -> None:
    engine = Engine(experiment(layers(4, 1), "bce-with-logits", epochs=3), blobs())
    grid = engine.run().decision
    assert grid is not None
    assert float(grid.values.min()) >= 0.0 and float(grid.values.max()) <= 1.0
    assert grid.classes is not None
    np.testing.assert_array_equal(grid.classes, (grid.values > 0.5).astype(grid.classes.dtype))


def test_one_input_regression_gets_a_fitted_curve() -> None:
    spec = experiment(layers(1), "mse", epochs=40, lr=0.1, batch_size=32)
    engine = Engine(spec, line())
    final = engine.run()
    assert final.val_loss is None and final.val_accuracy is None and final.train_accuracy is None
    assert final.decision is None
    curve = final.curve
    assert curve is not None and curve.x.shape == curve.y.shape == (200,)
    np.testing.assert_allclose(curve.y, 2 * curve.x + 1, atol=0.15)
    assert engine.history.rows()[-1]["val_loss"] == ""


def test_conv_weights_are_shown_as_two_dimensional_matrices() -> None:
    images = torch.randn(32, 1, 6, 6, generator=torch.Generator().manual_seed(3))
    labels = (images.mean(dim=(1, 2, 3)) > 0).to(torch.int64)
    info = DataInfo("classification", (1, 6, 6), 2, ("pixels",), ("class",), ("a", "b"))
    dataset = Dataset(info, images[:24], labels[:24], images[24:], labels[24:])
    model = [
        LayerSpec(kind="Conv2d", params={"out_channels": 4, "kernel_size": 3}),
        LayerSpec(kind="ReLU"),
        LayerSpec(kind="Flatten"),
        LayerSpec(kind="Linear", params={"out_features": 2}),
    ]
    final = Engine(experiment(model, epochs=1), dataset).run()
    conv = next(p for p in final.parameters if p.name == "0.weight")
    assert conv.shape == (4, 1, 3, 3)
    assert conv.matrix is not None and conv.matrix.shape == (4, 9)
    assert final.decision is None


def test_large_layers_carry_no_full_matrix() -> None:
    final = Engine(experiment(layers(80, 80, 2), epochs=1), blobs()).run()
    by_name = {p.name: p for p in final.parameters}
    assert by_name["2.weight"].matrix is None  # 80×80 is past the 64×64 limit
    assert by_name["0.weight"].matrix is not None
    assert by_name["2.weight"].values.counts.sum() == 6400
    assert final.decision is not None and final.decision.neurons == ()  # too wide for thumbnails


def test_huge_learning_rate_diverges_with_a_sentence() -> None:
    spec = experiment(layers(1), "mse", epochs=50, lr=100.0, optimizer="sgd", batch_size=8)
    engine = Engine(spec, line())
    final = engine.run()
    assert final.state == "diverged" and engine.state == "diverged"
    assert final.step < 50 * 12
    assert "at step" in final.reason
    assert "the learning rate 100 is probably too large — try 1." in final.reason
    with pytest.raises(EngineError, match="Reset the weights"):
        engine.run()
    engine.reset_weights()
    assert engine.state == "idle" and engine.step == 0


def test_gradient_clipping_bounds_the_total_norm() -> None:
    class NormRecorder(Callback):
        def __init__(self) -> None:
            self.norms: list[float] = []

        def on_batch_end(self, engine: Engine, step: int, loss: torch.Tensor) -> None:
            grads = [p.grad for p in engine.model.parameters() if p.grad is not None]
            self.norms.append(
                float(torch.linalg.vector_norm(torch.cat([g.reshape(-1) for g in grads])))
            )

    results = {}
    for clip in (None, 0.01):
        recorder = NormRecorder()
        spec = experiment(layers(8, 2), epochs=1, grad_clip=clip)
        Engine(spec, blobs(), callbacks=[recorder]).run()
        results[clip] = recorder.norms
    assert max(results[0.01]) <= 0.01 * (1 + 1e-4)
    assert max(results[None]) > 0.05


def test_callbacks_see_every_hook_in_order() -> None:
    events: list[str] = []

    class Recorder(Callback):
        def on_after_backward(self, engine: Engine) -> None:
            assert all(p.grad is not None for p in engine.model.parameters())
            events.append("backward")

        def on_batch_end(self, engine: Engine, step: int, loss: torch.Tensor) -> None:
            events.append(f"batch {step}")

        def on_epoch_end(self, engine: Engine, epoch: int) -> None:
            events.append(f"epoch {epoch}")

    spec = experiment(layers(2), epochs=2, batch_size=60)
    Engine(spec, blobs(), callbacks=[Recorder()]).run()
    assert events == [
        "backward", "batch 1", "backward", "batch 2", "epoch 1",
        "backward", "batch 3", "backward", "batch 4", "epoch 2",
    ]  # fmt: skip


def test_an_error_in_training_is_reported_in_words_and_to_callbacks() -> None:
    seen: list[BaseException] = []

    class Failing(Callback):
        def on_batch_end(self, engine: Engine, step: int, loss: torch.Tensor) -> None:
            if step == 3:
                raise RuntimeError("the sensor fell off")

        def on_exception(self, engine: Engine, error: BaseException) -> None:
            seen.append(error)

    engine = Engine(experiment(layers(2), epochs=2), blobs(), callbacks=[Failing()])
    with pytest.raises(EngineError, match="Training failed at step 3: the sensor fell off"):
        engine.run()
    assert engine.state == "failed"
    assert isinstance(seen[0], RuntimeError)


def test_initial_state_starts_from_given_weights_and_is_kept() -> None:
    first = Engine(experiment(layers(4, 2), epochs=2, seed=1), blobs())
    start = first.initial_state
    first.run()
    assert not torch.equal(first.model[0].weight.detach(), start["0.weight"])
    second = Engine(experiment(layers(4, 2), epochs=2, seed=99), blobs(), initial_state=start)
    for name, value in second.initial_state.items():
        assert torch.equal(value, start[name])
    with pytest.raises(EngineError, match="do not fit this model"):
        Engine(experiment(layers(5, 2)), blobs(), initial_state=start)


def test_reset_weights_returns_to_the_start_and_forgets_the_run() -> None:
    engine = Engine(experiment(layers(4, 2), epochs=2), blobs())
    first = engine.run()
    engine.reset_weights()
    assert engine.step == 0 and engine.history.rows() == []
    torch.testing.assert_close(engine.model[0].weight.detach(), engine.initial_state["0.weight"])
    again = engine.run()
    assert again.step == first.step
    assert again.val_loss == first.val_loss  # same seed, same batch order: same run


@pytest.mark.parametrize("schedule", ["step", "cosine", "plateau"])
def test_schedules_change_the_rate_per_epoch(schedule: str) -> None:
    # Plateau needs a stalled loss: a tiny rate barely moves it (below the 1e-4 threshold).
    lr = 1e-6 if schedule == "plateau" else 0.1
    spec = experiment(layers(4, 2), epochs=6, lr=lr)
    spec.schedule = ScheduleSpec(kind=schedule, step_size=2, patience=0, factor=0.5)  # type: ignore[arg-type]
    engine = Engine(spec, blobs())
    engine.run()
    lrs = [float(row["lr"]) for row in engine.history.rows()]
    assert lrs[-1] < lr
    assert all(b <= a for a, b in itertools.pairwise(lrs))


def test_model_that_does_not_build_is_refused() -> None:
    bad = [LayerSpec(kind="Conv2d")]
    with pytest.raises(EngineError, match=r"layer 1 \(Conv2d\).*image"):
        Engine(experiment(bad), blobs())


def test_loss_and_output_mismatches_are_refused() -> None:
    with pytest.raises(EngineError, match=r"mse compares numbers.*use cross-entropy"):
        Engine(experiment(layers(2), "mse"), blobs())
    with pytest.raises(EngineError, match="set its neurons to 2"):
        Engine(experiment(layers(3)), blobs())
    with pytest.raises(EngineError, match="use mse, l1 or huber"):
        Engine(experiment(layers(1), "cross-entropy"), line())


def test_absent_device_is_refused_before_training() -> None:
    if torch.cuda.is_available():
        pytest.skip("needs a machine without CUDA")
    spec = experiment(layers(2))
    spec.training.device = "cuda:0"
    with pytest.raises(ValueError, match="not available"):
        Engine(spec, blobs())


def test_engine_loads_the_data_of_the_spec_itself() -> None:
    spec = experiment(layers(8, 2), epochs=1)
    spec.data.samples = 100  # type: ignore[union-attr]
    engine = Engine(spec)
    assert engine.dataset.x_train.shape[1] == 2
    assert engine.run().decision is not None


def test_histograms_survive_extreme_values() -> None:
    from playground.core.training.inspection import _histogram

    for values in ([1e20, 1e20], [-1e308, 1e308], [math.nan, math.inf], [3.0]):
        histogram = _histogram(np.array(values))
        assert histogram.counts.shape == (30,) and histogram.edges.shape == (31,)
    counts = _histogram(np.array([0.0, 0.5, 1.0, math.nan])).counts
    assert counts.sum() == 3 and counts[0] == 1 and counts[-1] == 1


def test_reported_train_loss_does_not_depend_on_snapshot_timing() -> None:
    """Summaries and run records use the last epoch's mean, the same for the same seed."""
    results = []
    for interval in (0.0, 10.0):
        engine = Engine(experiment(layers(8, 2), epochs=3), blobs(), snapshot_interval=interval)
        engine.run()
        results.append(engine.train_loss)
        assert engine.train_loss == engine.history.epochs[-1].train_loss
    assert results[0] == results[1]
