"""Confusion matrix, misclassified samples and per-epoch training accuracy, checked against torch."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
import sklearn.metrics
import torch

from playground.core.data.base import DataInfo, Dataset
from playground.core.export.metrics_csv import metrics_csv_text
from playground.core.spec.experiment import (
    Experiment,
    LayerSpec,
    ModelSpec,
    OptimizerSpec,
    TrainingSpec,
)
from playground.core.training.confusion import (
    confusion_matrix,
    misclassified_indices,
    sample_image_shape,
)
from playground.core.training.engine import Callback, Engine


def blobs(samples: int = 160, classes: int = 3) -> Dataset:
    """Overlapping Gaussian blobs, one per class, 25% held out: some samples are misclassified."""
    generator = torch.Generator().manual_seed(1)
    labels = torch.arange(samples) % classes
    angle = labels.to(torch.float32) * (2 * math.pi / classes)
    x = torch.stack([torch.cos(angle), torch.sin(angle)], dim=1) + torch.randn(
        samples, 2, generator=generator
    )
    cut = samples * 3 // 4
    info = DataInfo("classification", (2,), classes, ("x1", "x2"), ("class",), ("a", "b", "c"))
    return Dataset(info, x[:cut], labels[:cut], x[cut:], labels[cut:])


def experiment(epochs: int) -> Experiment:
    layers = [
        LayerSpec(kind="Linear", params={"out_features": 8}),
        LayerSpec(kind="ReLU"),
        LayerSpec(kind="Linear", params={"out_features": 3}),
    ]
    return Experiment(
        model=ModelSpec(layers=layers),
        loss="cross-entropy",
        optimizer=OptimizerSpec(kind="adam", lr=0.05),
        training=TrainingSpec(epochs=epochs, batch_size=16, device="cpu"),
    )


def test_confusion_matrix_is_scikit_learns() -> None:
    rng = np.random.default_rng(3)
    true = rng.integers(0, 4, 500)
    predicted = np.where(rng.random(500) < 0.7, true, rng.integers(0, 4, 500))
    expected = sklearn.metrics.confusion_matrix(true, predicted, labels=range(4))
    np.testing.assert_array_equal(confusion_matrix(true, predicted, 4), expected)
    # A class that never occurs keeps its (empty) row and column.
    counts = confusion_matrix(np.array([0, 0, 2]), np.array([0, 2, 2]), 3)
    assert counts.tolist() == [[1, 0, 1], [0, 0, 0], [0, 0, 1]]


def test_confusion_matrix_refuses_mismatched_lengths() -> None:
    with pytest.raises(ValueError, match="one entry per sample"):
        confusion_matrix(np.array([0, 1]), np.array([0]), 2)


def test_misclassified_indices_are_the_first_mistakes_in_order() -> None:
    true = np.array([0, 1, 1, 0, 2, 2])
    predicted = np.array([0, 0, 1, 1, 2, 0])
    assert misclassified_indices(true, predicted).tolist() == [1, 3, 5]
    assert misclassified_indices(true, predicted, limit=2).tolist() == [1, 3]


def test_image_samples_are_recognised_by_shape_or_pixel_names() -> None:
    digits = tuple(f"pixel_{r}_{c}" for r in range(8) for c in range(8))
    assert sample_image_shape((64,), digits) == (8, 8)
    assert sample_image_shape((1, 8, 8), ()) == (8, 8)
    assert sample_image_shape((2,), ("x1", "x2")) is None
    assert sample_image_shape((3,), ("pixel_0_0", "pixel_0_1", "pixel_1_5")) is None


def _trained(validation: bool) -> tuple[Engine, torch.Tensor, torch.Tensor]:
    data = blobs()
    if not validation:
        data = dataclasses.replace(
            data,
            x_train=torch.cat([data.x_train, data.x_val]),
            y_train=torch.cat([data.y_train, data.y_val]),
            x_val=data.x_val[:0],
            y_val=data.y_val[:0],
        )
    engine = Engine(experiment(epochs=3), data)
    return (
        engine,
        data.x_val if validation else data.x_train,
        data.y_val if validation else data.y_train,
    )


@pytest.mark.parametrize("validation", [True, False])
def test_snapshot_predictions_are_the_models_classes(validation: bool) -> None:
    engine, x, y = _trained(validation)
    final = engine.run()
    predictions = final.predictions
    assert predictions is not None and predictions.on_validation is validation
    with torch.no_grad():
        expected = engine.model.eval()(x).argmax(dim=1).numpy()
    np.testing.assert_array_equal(predictions.predicted, expected)
    np.testing.assert_array_equal(predictions.true, y.numpy())
    counts = confusion_matrix(predictions.true, predictions.predicted, 3)
    assert counts.trace() / counts.sum() == pytest.approx(
        final.val_accuracy if validation else final.train_accuracy
    )


def test_every_epoch_records_the_training_accuracy_and_the_csv_has_it() -> None:
    data = blobs()
    seen: list[float] = []

    class AccuracyAtEpochEnd(Callback):
        def on_epoch_end(self, engine: Engine, epoch: int) -> None:
            with torch.no_grad():
                model = engine.model
                was_training = model.training
                model.eval()
                predicted = model(data.x_train).argmax(dim=1)
                model.train(was_training)
            seen.append(float((predicted == data.y_train).float().mean()))

    engine = Engine(experiment(epochs=4), data, callbacks=[AccuracyAtEpochEnd()])
    engine.run()
    recorded = [record.train_accuracy for record in engine.history.epochs]
    assert recorded == pytest.approx(seen)
    lines = metrics_csv_text(engine.history.rows()).splitlines()
    header = lines[0].split(",")
    column = header.index("train_accuracy")
    assert [float(line.split(",")[column]) for line in lines[1:]] == pytest.approx(seen)
