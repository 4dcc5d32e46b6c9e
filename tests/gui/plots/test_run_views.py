"""Per-epoch curves, the confusion and mistakes tabs, the status bar's metrics and sized exports."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import sklearn.metrics
import torch
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from playground.core.data.base import DataInfo, Dataset, PlaneInfo
from playground.core.training.confusion import ClassPredictions
from playground.core.training.history import EpochRecord
from playground.core.training.snapshot import Histogram, ParameterStats, Snapshot
from playground.gui.plots.plot_area import PlotArea
from playground.gui.plots.plot_export import export_plots
from playground.gui.shell.status_bar import RunStatusBar

PIXELS = tuple(f"pixel_{r}_{c}" for r in range(8) for c in range(8))


def snapshot(step: int, epochs: tuple[EpochRecord, ...] = (), **fields: object) -> Snapshot:
    values: dict[str, object] = {
        "state": "running",
        "step": step,
        "epoch": len(epochs),
        "epoch_progress": 0.0,
        "samples_seen": step * 10,
        "elapsed": 0.1,
        "samples_per_second": 100.0,
        "learning_rate": 0.01,
        "train_loss": 0.5,
        "val_loss": 0.6,
        "train_accuracy": 0.8,
        "val_accuracy": 0.75,
        "new_epochs": epochs,
    }
    values.update(fields)
    return Snapshot(**values)  # type: ignore[arg-type]


def epoch(number: int) -> EpochRecord:
    return EpochRecord(number, number * 4, 1.0 / number, 2.0 / number, 0.5, 0.01, 0.6)


def digits_dataset() -> Dataset:
    generator = torch.Generator().manual_seed(0)
    info = DataInfo("classification", (64,), 3, PIXELS, ("class",), ("zero", "one", "two"))
    return Dataset(
        info,
        torch.rand(30, 64, generator=generator),
        torch.arange(30) % 3,
        torch.rand(12, 64, generator=generator),
        torch.arange(12) % 3,
    )


def plane_dataset() -> Dataset:
    generator = torch.Generator().manual_seed(1)
    info = DataInfo("classification", (2,), 2, ("x1", "x2"), ("class",), ("red", "blue"))
    raw_val = torch.rand(6, 2, generator=generator)
    return Dataset(
        info,
        torch.rand(20, 2, generator=generator),
        torch.arange(20) % 2,
        raw_val,
        torch.arange(6) % 2,
        plane=PlaneInfo((0.0, 1.0, 0.0, 1.0), lambda points: points),
        raw_train=torch.rand(20, 2, generator=generator),
        raw_val=raw_val,
    )


@pytest.fixture
def area(qtbot: QtBot) -> PlotArea:
    widget = PlotArea()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    widget.timer.stop()  # tests drive refresh() themselves
    return widget


def test_every_epoch_reaches_the_validation_and_accuracy_curves(area: PlotArea) -> None:
    # Thirty epochs in three snapshots (a fast run): thirty points, not three.
    epochs = [epoch(n) for n in range(1, 31)]
    for chunk in range(3):
        part = tuple(epochs[chunk * 10 : chunk * 10 + 10])
        area.add_snapshot(snapshot(part[-1].step, part))
    area.refresh()
    x, y = area.loss.validation_curve.getData()
    assert x.tolist() == [r.step for r in epochs]
    assert y.tolist() == pytest.approx([r.val_loss for r in epochs])
    train_x, train_y = area.accuracy.train_curve.getData()
    assert train_x.tolist() == [r.step for r in epochs]
    assert train_y.tolist() == pytest.approx([60.0] * 30)
    assert len(area.accuracy.validation_curve.getData()[0]) == 30


def test_confusion_matrix_counts_are_scikit_learns(area: PlotArea) -> None:
    area.set_dataset(digits_dataset())
    true = np.arange(12) % 3
    predicted = np.array([0, 1, 2, 0, 2, 2, 1, 1, 2, 0, 1, 0])
    area.add_snapshot(snapshot(4, predictions=ClassPredictions(True, true, predicted)))
    area.setCurrentWidget(area.confusion)
    area.refresh()
    matrix = area.confusion.matrix
    assert matrix is not None
    np.testing.assert_array_equal(
        matrix, sklearn.metrics.confusion_matrix(true, predicted, labels=[0, 1, 2])
    )
    assert "validation data, 12 samples" in area.confusion.plot.titleLabel.text
    assert sorted(label.toPlainText() for label in area.confusion._labels) == sorted(
        str(v) for v in matrix.reshape(-1)
    )


def test_mistakes_of_digits_are_pictures_with_true_and_predicted_class(area: PlotArea) -> None:
    area.set_dataset(digits_dataset())
    true = np.arange(12) % 3
    predicted = true.copy()
    predicted[[2, 7]] = [0, 2]
    area.add_snapshot(snapshot(4, predictions=ClassPredictions(True, true, predicted)))
    area.setCurrentWidget(area.mistakes)
    area.refresh()
    view = area.mistakes
    assert view.images.isVisible() and view.table.isHidden()
    texts = [view.images.item(i).text() for i in range(view.images.count())]
    assert texts == ["two → zero", "one → two"]
    assert not view.images.item(0).icon().isNull()
    assert view.summary.text() == "2 of 12 validation samples are misclassified."


def test_mistakes_of_points_are_a_table_of_their_coordinates(area: PlotArea) -> None:
    data = plane_dataset()
    area.set_dataset(data)
    true = np.arange(6) % 2
    predicted = 1 - true
    predicted[0] = true[0]
    area.add_snapshot(snapshot(4, predictions=ClassPredictions(True, true, predicted)))
    area.refresh(all_tabs=True)
    table = area.mistakes.table
    assert table.rowCount() == 5
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Sample", "x1", "x2", "True class", "Predicted class"]
    assert table.item(0, 0).text() == "2"
    assert float(table.item(0, 1).text()) == pytest.approx(float(data.raw_val[1, 0]), rel=1e-3)
    assert table.item(0, 3).text() == "blue" and table.item(0, 4).text() == "red"


def test_regression_hides_the_class_tabs(area: PlotArea) -> None:
    info = DataInfo("regression", (2,), 1, ("x1", "x2"), ("y",))
    empty = torch.zeros(0, 2)
    area.set_dataset(Dataset(info, torch.rand(5, 2), torch.rand(5, 1), empty, torch.zeros(0, 1)))
    assert not area.isTabVisible(area.indexOf(area.confusion))
    assert not area.isTabVisible(area.indexOf(area.mistakes))
    assert "confusion matrix" not in area.export_items()


def _weights_snapshot(step: int) -> Snapshot:
    rng = np.random.default_rng(step)
    values = rng.normal(0, 1, (6, 3))
    counts, edges = np.histogram(values, bins=20)
    stats = ParameterStats(
        name="0.weight",
        layer_index=0,
        shape=(6, 3),
        mean=0.0,
        std=1.0,
        min=float(values.min()),
        max=float(values.max()),
        values=Histogram(counts, edges),
        grad_norm=0.5,
        grads=Histogram(counts, edges),
        update_ratio=1e-3,
        matrix=values,
        grad_matrix=values / 10,
    )
    return snapshot(step, parameters=(stats,))


def _spread(image: QImage, left: float, right: float) -> int:
    """Distinct colours in a band of columns: a blank picture has one or two."""
    colours = set()
    for x in range(int(image.width() * left), int(image.width() * right), 7):
        for y in range(0, image.height(), 7):
            colours.add(image.pixel(x, y))
    return len(colours)


def test_exports_of_unopened_tabs_show_the_data_at_the_chosen_size(
    area: PlotArea, tmp_path: Path
) -> None:
    for step in range(1, 21):
        area.add_snapshot(_weights_snapshot(step))
    area.setCurrentIndex(0)  # the Weights tab was never opened
    items = area.export_items()
    written = export_plots({"weights": items["weights"]}, tmp_path, "png")
    image = QImage(str(written[0]))
    assert (image.width(), image.height()) == (1600, 1000)
    # The weight timeline (left) and the matrix (right) both have data drawn in them.
    assert _spread(image, 0.1, 0.5) > 8 and _spread(image, 0.65, 0.85) > 8
    svg = export_plots({"loss": items["loss"]}, tmp_path, "svg")[0].read_text(encoding="utf-8")
    assert 'width="423.' in svg  # 1600 CSS pixels, in millimetres
    # Tick labels are text, not pictures of the on-screen axes.
    assert "<image" not in svg
    # The screen keeps its own layout.
    assert area.weights.widget.centralWidget.geometry().width() < 1600


def test_status_bar_shows_loss_and_accuracy(qtbot: QtBot) -> None:
    bar = RunStatusBar()
    qtbot.addWidget(bar)
    bar.show_snapshot(snapshot(10, train_loss=0.123456, val_loss=0.2, val_accuracy=0.875))
    assert (
        bar.metrics_label.text() == "Loss (last batches) 0.1235 · Val. loss 0.2 · Accuracy 87.5 %"
    )
    bar.show_snapshot(snapshot(11, train_loss=0.5, val_loss=None, val_accuracy=None))
    assert (
        bar.metrics_label.text() == "Loss (last batches) 0.5 · Accuracy 80.0 %"
    )  # training accuracy
    bar.clear_run()
    assert bar.metrics_label.text() == "Loss (last batches) —"
