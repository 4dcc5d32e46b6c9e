"""Live plots fed with fabricated snapshots on the main thread: buffers, items, interactions."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pyqtgraph as pg
import pytest
import torch
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from playground.core.data.base import CurveInfo, DataInfo, Dataset, PlaneInfo
from playground.core.training.history import EpochRecord
from playground.core.training.snapshot import (
    DecisionGrid,
    FittedCurve,
    Hint,
    Histogram,
    ParameterStats,
    Snapshot,
)
from playground.gui.plots.axes import GridLines, StableBound, ValueAxisFollower, nice_step
from playground.gui.plots.base import nice_ceiling
from playground.gui.plots.buffers import CurveBuffer, HistogramHistory
from playground.gui.plots.colors import category_color
from playground.gui.plots.pacing import SLOWEST_INTERVAL_MS, FramePacer
from playground.gui.plots.palette_image import quantize
from playground.gui.plots.plot_area import REFRESH_INTERVAL_MS, PlotArea

RNG = np.random.default_rng(0)


def _parameter(name: str, layer: int, shape: tuple[int, ...], scale: float) -> ParameterStats:
    values = RNG.normal(0, scale, size=shape)
    counts, edges = np.histogram(values, bins=20)
    grads = RNG.normal(0, scale / 10, size=shape)
    grad_counts, grad_edges = np.histogram(grads, bins=20)
    return ParameterStats(
        name=name,
        layer_index=layer,
        shape=shape,
        mean=float(values.mean()),
        std=float(values.std()),
        min=float(values.min()),
        max=float(values.max()),
        values=Histogram(counts, edges),
        grad_norm=float(np.linalg.norm(grads)),
        grads=Histogram(grad_counts, grad_edges),
        update_ratio=1e-3,
        matrix=values.reshape(shape[0], -1) if len(shape) == 2 else values.reshape(1, -1),
        grad_matrix=grads.reshape(shape[0], -1) if len(shape) == 2 else grads.reshape(1, -1),
    )


def make_snapshot(
    index: int,
    *,
    steps_per_snapshot: int = 5,
    hints: tuple[Hint, ...] = (),
    decision: bool = True,
    curve: bool = False,
) -> Snapshot:
    """Snapshot number ``index`` of a fabricated run whose loss falls as 1/step."""
    first = index * steps_per_snapshot + 1
    steps = np.arange(first, first + steps_per_snapshot, dtype=np.int64)
    losses = 1.0 / steps.astype(np.float64)
    step = int(steps[-1])
    parameters = (
        _parameter("0.weight", 0, (8, 2), 1.0 + 0.01 * index),
        _parameter("0.bias", 0, (8,), 0.5),
        _parameter("2.weight", 2, (3, 8), 0.7),
        _parameter("2.bias", 2, (3,), 0.1),
    )
    rows, cols = 20, 30
    grid = None
    if decision:
        values = RNG.random((rows, cols))
        grid = DecisionGrid((-1.0, 1.0, -2.0, 2.0), values, (values > 0.5).astype(np.int64))
    fitted = FittedCurve(np.linspace(-1, 1, 50), np.sin(np.linspace(-1, 1, 50))) if curve else None
    # Each snapshot of this fabricated run ends one epoch.
    epoch = EpochRecord(
        epoch=index + 1,
        step=step,
        train_loss=float(losses.mean()),
        val_loss=float(losses.mean() * 1.1),
        val_accuracy=min(1.0, 0.45 + 0.01 * index),
        lr=0.01,
        train_accuracy=min(1.0, 0.5 + 0.01 * index),
    )
    return Snapshot(
        state="running",
        step=step,
        epoch=index + 1,
        epoch_progress=0.0,
        samples_seen=step * 16,
        elapsed=0.1 * index,
        samples_per_second=1000.0,
        learning_rate=0.01,
        train_loss=float(losses.mean()),
        val_loss=float(losses.mean() * 1.1),
        train_accuracy=min(1.0, 0.5 + 0.01 * index),
        val_accuracy=min(1.0, 0.45 + 0.01 * index),
        new_steps=steps,
        new_losses=losses,
        new_epochs=(epoch,),
        parameters=parameters,
        hints=hints,
        decision=grid,
        curve=fitted,
    )


def plane_dataset(classes: int = 2) -> Dataset:
    generator = torch.Generator().manual_seed(0)
    raw_train = torch.rand(40, 2, generator=generator) * 2 - 1
    raw_val = torch.rand(10, 2, generator=generator) * 2 - 1
    names = ("red", "blue", "green")[:classes]
    info = DataInfo("classification", (2,), classes, ("x1", "x2"), ("class",), names)
    return Dataset(
        info=info,
        x_train=raw_train,
        y_train=torch.arange(40) % classes,
        x_val=raw_val,
        y_val=torch.arange(10) % classes,
        plane=PlaneInfo((-1.0, 1.0, -2.0, 2.0), lambda points: points),
        raw_train=raw_train,
        raw_val=raw_val,
    )


def curve_dataset() -> Dataset:
    x_train = torch.linspace(-1, 1, 30).reshape(-1, 1)
    x_val = torch.linspace(-0.9, 0.9, 8).reshape(-1, 1)
    info = DataInfo("regression", (1,), 1, ("x",), ("y",))
    return Dataset(
        info=info,
        x_train=x_train,
        y_train=torch.sin(x_train),
        x_val=x_val,
        y_val=torch.sin(x_val),
        curve=CurveInfo((-1.0, 1.0)),
    )


def point_count(item: object) -> int:
    """How many points a curve or scatter item holds (0 when empty)."""
    x = item.getData()[0]  # type: ignore[attr-defined]
    return 0 if x is None else len(x)


@pytest.fixture
def area(qtbot: object) -> PlotArea:
    widget = PlotArea()
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.resize(900, 700)
    widget.show()
    widget.timer.stop()  # tests drive refresh() themselves
    return widget


def test_curve_buffer_stays_bounded_and_keeps_the_mean() -> None:
    buffer = CurveBuffer(capacity=64)
    xs = np.arange(1, 100_001, dtype=np.float64)
    buffer.extend(xs, np.full_like(xs, 2.0))
    assert len(buffer) <= 64
    assert buffer.stride >= 100_000 // 64
    np.testing.assert_allclose(buffer.y, 2.0)
    assert buffer.x[-1] > 90_000  # the curve still spans the whole run
    assert np.all(np.diff(buffer.x) > 0)
    buffer.append(1.0, float("nan"))  # non-finite losses never reach the plot
    assert np.all(np.isfinite(buffer.y))


def test_histogram_history_is_bounded_and_rebins() -> None:
    history = HistogramHistory(capacity=16)
    for step in range(1000):
        counts, edges = np.histogram(RNG.normal(step / 100, 1, 200), bins=15)
        history.append(float(step), counts, edges)
    assert len(history) <= 16
    image, (low, high) = history.image(bins=32)
    assert image.shape == (32, len(history))
    assert low < high
    assert image.max() == pytest.approx(1.0)
    # Later columns sit higher, because the fabricated weights drift upwards.
    peak_rows = image.argmax(axis=0)
    assert peak_rows[-1] > peak_rows[0]


def test_plot_area_draws_every_plot_from_snapshots(area: PlotArea) -> None:
    area.set_dataset(plane_dataset())
    for index in range(30):
        area.add_snapshot(make_snapshot(index))
    assert area.refresh(all_tabs=True) >= 6

    x, y = area.loss.train_curve.getData()
    assert len(x) == 150 and y[0] == pytest.approx(1.0)
    assert len(area.loss.validation_curve.getData()[0]) == 30
    assert len(area.accuracy.train_curve.getData()[0]) == 30
    assert area.decision.image.image.shape == (20, 30)
    assert len(area.decision.scatters) == 4  # two classes × (train, validation)
    assert area.weights.timeline.image.image.shape[1] == 30
    assert area.weights.matrix.image.image.shape == (8, 2)
    assert set(area.gradients.curves) == {"0.weight", "0.bias", "2.weight", "2.bias"}
    assert len(area.gradients.curves["2.bias"].getData()[0]) == 30
    assert area.refresh(all_tabs=True) == 0  # nothing new: nothing redrawn


def test_weight_heat_map_is_centred_on_zero_and_its_scale_stays_put(area: PlotArea) -> None:
    area.add_snapshot(make_snapshot(0))
    area.weights.select("2.weight")
    area.refresh(all_tabs=True)
    low, high = area.weights.matrix.image.getLevels()
    assert low == pytest.approx(-high) and high > 0
    assert area.weights.matrix.image.image.shape == (3, 8)
    area.weights.select("0.weight")
    levels = set()
    for index in range(1, 10):  # the fabricated weights' spread grows 1% per snapshot
        area.add_snapshot(make_snapshot(index))
        area.refresh(all_tabs=True)
        levels.add(area.weights.matrix.colorbar.levels())
    assert len(levels) <= 2  # the colour bar's axis is re-rendered once at most


def test_log_scale_toggle(area: PlotArea, qtbot: object) -> None:
    area.add_snapshot(make_snapshot(0))
    area.refresh()
    qtbot.mouseClick(area.loss.log_box, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert area.loss.log_scale
    assert area.loss.plot.getAxis("left").logMode
    area.loss.set_log_scale(False)
    assert not area.loss.log_box.isChecked()
    assert not area.loss.plot.getAxis("left").logMode


def test_highlight_by_clicking_legend_entry_and_curve(area: PlotArea) -> None:
    area.setCurrentWidget(area.gradients)
    for index in range(5):
        area.add_snapshot(make_snapshot(index))
    area.refresh()
    plot = area.gradients
    sample = next(s for s, label in plot.legend.items if label.text == "2.weight")
    plot.legend.sigSampleClicked.emit(sample.item)
    assert plot.highlighted == "2.weight"
    assert plot.picker.current == "2.weight"
    assert (
        plot.curves["2.weight"].opts["pen"].widthF() > plot.curves["0.weight"].opts["pen"].widthF()
    )
    assert plot.curves["0.weight"].opts["pen"].color().alpha() < 255
    assert plot.curves["2.weight"].isVisible()  # a click highlights, it does not hide
    plot.curves["0.bias"].curve.sigClicked.emit(plot.curves["0.bias"].curve, object())
    assert plot.highlighted == "0.bias"
    plot.curves["0.bias"].curve.sigClicked.emit(plot.curves["0.bias"].curve, object())
    assert plot.highlighted is None  # a second click clears it
    assert plot.histogram.getData()[0] is not None


def test_diagnosis_lists_hints_worst_first_and_healthy_state(area: PlotArea) -> None:
    assert "Start training" in area.diagnosis.summary.text()
    area.add_snapshot(make_snapshot(0))
    area.refresh(all_tabs=True)
    assert "No problems found" in area.diagnosis.summary.text()
    hints = (
        Hint(
            "info", 2, "update_too_small", {"layer": {"number": 3, "kind": "Linear"}, "ratio": 1e-8}
        ),
        Hint("problem", None, "total_norm_large", {"total": 3e4}),
    )
    area.add_snapshot(make_snapshot(1, hints=hints))
    area.refresh(all_tabs=True)
    assert area.diagnosis.row_count == 2
    assert area.diagnosis.hints[0].severity == "problem"
    assert "1 thing to look at" in area.diagnosis.summary.text()
    # The tab counts the cards it shows, notes included.
    assert area.tabText(area.indexOf(area.diagnosis)) == "Diagnosis (2)"


def test_regression_on_one_input_shows_the_fitted_curve(area: PlotArea) -> None:
    area.set_dataset(curve_dataset())
    area.add_snapshot(make_snapshot(0, decision=False, curve=True))
    area.refresh(all_tabs=True)
    assert not area.curve.isHidden() and area.decision.isHidden() and area.accuracy.isHidden()
    assert len(area.curve.train_points.getData()[0]) == 30
    assert len(area.curve.model_line.getData()[0]) == 50
    assert "fitted curve" in area.export_items() and "decision boundary" not in area.export_items()


def test_many_classes_use_class_regions(area: PlotArea) -> None:
    area.set_dataset(plane_dataset(classes=3))
    area.add_snapshot(make_snapshot(0))
    area.refresh()
    assert area.decision.image.image.shape == (20, 30)
    assert area.decision.image.lut is not None and len(area.decision.image.lut) == 3


def test_reset_clears_every_plot(area: PlotArea) -> None:
    area.set_dataset(plane_dataset())
    for index in range(3):
        area.add_snapshot(make_snapshot(index))
    area.refresh(all_tabs=True)
    area.reset()
    assert point_count(area.loss.train_curve) == 0
    assert area.gradients.curves == {}
    assert area.decision.image.image is None
    assert "Start training" in area.diagnosis.summary.text()
    exported = area.export_items()
    assert {"loss", "accuracy", "decision boundary", "weights", "gradient norms"} <= set(exported)


def test_timer_redraws_without_explicit_refresh(area: PlotArea, qtbot: object) -> None:
    area.timer.start()
    area.add_snapshot(make_snapshot(0))
    qtbot.waitUntil(lambda: point_count(area.loss.train_curve) == 5, timeout=2000)  # type: ignore[attr-defined]


def test_point_markers_differ_and_are_drawn_by_one_item(area: PlotArea) -> None:
    area.set_dataset(plane_dataset())
    train, validation = area.decision.scatters[0], area.decision.scatters[2]
    assert train.opts["brush"].style() != Qt.BrushStyle.NoBrush
    assert validation.opts["brush"] in (None, pg.mkBrush(None))  # hollow
    # The two classes differ by shape as well as colour.
    assert train.opts["symbol"] != area.decision.scatters[1].opts["symbol"]
    points = area.decision.points  # all 50 points in one cached item, shapes kept per point
    assert point_count(points) == 50 and set(points.data["symbol"]) == {"o", "t"}
    assert points.cacheMode() == points.CacheMode.DeviceCoordinateCache
    train.setVisible(False)  # what clicking its legend entry does: class 0's 20 points go
    assert point_count(points) == 30 and train.opts["symbol"] not in set(points.data["symbol"][:20])


def test_scales_of_jumpy_data_move_rarely() -> None:
    bound = StableBound(keep=0.3, patience=3, headroom=2.0)
    assert bound.update(0.042) == pytest.approx(0.05)  # a round bound just above
    assert [bound.update(v) for v in (0.03, 0.049, 0.02)] == [0.05] * 3  # noise: it stays
    assert bound.update(0.09) == pytest.approx(0.2)  # outgrown: grows at once, with room
    assert [bound.update(0.01) for _ in range(3)] == [0.2, 0.2, 0.02]  # shrinks after a while


def test_step_axis_grows_in_round_steps_and_fits_at_the_end(area: PlotArea) -> None:
    assert [nice_ceiling(v) for v in (0.5, 7, 101, 2900)] == [1.0, 10.0, 200.0, 3000.0]
    for index in range(40):
        area.add_snapshot(make_snapshot(index))
        area.refresh()
    high = area.loss.plot.getViewBox().viewRange()[0][1]
    assert 200 <= high <= 1.1 * nice_ceiling(200)  # 200 steps, a round upper bound
    final = make_snapshot(40)
    area.add_snapshot(replace(final, state="finished"))
    area.refresh()
    assert area.loss.plot.getViewBox().viewRange()[0][1] == pytest.approx(205, rel=0.03)


def test_step_axis_leaves_a_zoomed_view_alone(area: PlotArea) -> None:
    area.add_snapshot(make_snapshot(0))
    area.refresh()
    area.loss.plot.setXRange(1, 3, padding=0)  # the user zooms in
    for index in range(1, 30):
        area.add_snapshot(make_snapshot(index))
        area.refresh()
    assert area.loss.plot.getViewBox().viewRange()[0] == pytest.approx([1, 3])


def paced_frames(pacer: FramePacer, cost: float, now: float = 0.0, frames: int = 30) -> float:
    """Run ``frames`` frames that each cost ``cost`` seconds; return the time reached."""
    for _ in range(frames):
        pacer.add_cost(cost)
        now += pacer.interval_ms / 1000
        pacer.frame(now)
    return now


def test_frame_pacer_slows_when_drawing_is_costly_and_recovers() -> None:
    pacer = FramePacer(fastest_ms=40, slowest_ms=250, budget=0.1)
    pacer.frame(0.0)
    now = paced_frames(pacer, 0.020)  # every frame costs 20 ms: 10% allows one per 200 ms
    assert 180 <= pacer.interval_ms <= 250
    now = paced_frames(pacer, 0.001, now)  # drawing became cheap again: back to 25 Hz
    assert pacer.interval_ms == REFRESH_INTERVAL_MS
    paced_frames(pacer, 0.5, now)  # very costly frames: never slower than the floor
    assert pacer.interval_ms == 250


def test_the_app_pacer_backs_off_to_4_frames_a_second_and_speeds_up_again() -> None:
    pacer = FramePacer()  # the app's own range and budget, driven by a fake clock
    pacer.frame(0.0)
    now = paced_frames(pacer, 0.5)  # frames far too costly for the 8% budget
    assert pacer.interval_ms == SLOWEST_INTERVAL_MS == 250
    frames_per_second = 1000 / pacer.interval_ms
    assert frames_per_second == 4
    # While slowed down, the frames' share of the time falls toward the budget's.
    now = paced_frames(pacer, 0.015, now)  # 15 ms a frame: 8% allows one per ~190 ms
    assert 150 <= pacer.interval_ms <= 250
    assert pacer.busy_share <= 0.1
    paced_frames(pacer, 0.0005, now, frames=20)  # cheap again: back to 25 a second
    assert pacer.interval_ms == REFRESH_INTERVAL_MS == 40


def test_pacer_reaches_the_slowest_rate_in_a_few_frames() -> None:
    pacer = FramePacer()
    pacer.frame(0.0)
    now = 0.0
    intervals = []
    for _ in range(8):  # each frame costs 40 ms: far above 8% of any interval below 500 ms
        pacer.add_cost(0.040)
        now += pacer.interval_ms / 1000
        intervals.append(pacer.frame(now))
    assert intervals == sorted(intervals)  # it only slows, never swings back
    assert intervals[-1] == SLOWEST_INTERVAL_MS


def test_timer_frames_redraw_every_plot_and_feed_the_pacer(area: PlotArea, qtbot: object) -> None:
    area.set_dataset(plane_dataset())
    area.redraw_hidden_tabs = True
    for index in range(5):
        area.add_snapshot(make_snapshot(index))
    area.timer.start()
    # Loss, accuracy, decision, weights, gradients and diagnosis, one per event-loop turn.
    qtbot.waitUntil(lambda: area.redraw_count >= 6, timeout=3000)  # type: ignore[attr-defined]
    assert len(area.gradients.curves["0.weight"].getData()[0]) == 5
    # The frame's cost (its paint included) is counted when the next frame starts.
    qtbot.waitUntil(lambda: area.pacer.frame_cost > 0, timeout=3000)  # type: ignore[attr-defined]


def test_axes_show_plain_numbers_and_a_grid(area: PlotArea) -> None:
    for index in range(3):
        area.add_snapshot(make_snapshot(index, steps_per_snapshot=2))
    area.refresh()
    axis = area.loss.plot.getAxis("left")
    assert not axis.autoSIPrefix  # no "loss (x0.001)"
    assert any(isinstance(item, GridLines) for item in area.loss.plot.items)
    assert not any(isinstance(item, GridLines) for item in area.decision.plot.items)


def test_value_axis_moves_in_round_steps_only_when_needed(area: PlotArea) -> None:
    follower = ValueAxisFollower(area.loss.plot)
    follower.follow(np.array([0.31, 0.69]))
    low, high = area.loss.plot.getViewBox().viewRange()[1]
    assert low <= 0.31 and high >= 0.69 and high - low < 0.6
    follower.follow(np.array([0.35, 0.66]))  # still fits well: the axis stays put
    assert area.loss.plot.getViewBox().viewRange()[1] == pytest.approx([low, high])
    follower.follow(np.array([0.05, 0.66]))  # the loss fell below the range
    assert area.loss.plot.getViewBox().viewRange()[1][0] <= 0.05
    assert nice_step(0.38) == pytest.approx(0.1) and nice_step(9.0) == pytest.approx(2.5)


def background(widget: object) -> QColor:
    return widget.backgroundBrush().color()  # type: ignore[attr-defined,no-any-return]


def test_dark_theme_recolours_every_plot_and_back(area: PlotArea) -> None:
    area.set_dataset(plane_dataset())
    for index in range(3):
        area.add_snapshot(make_snapshot(index))
    area.refresh(all_tabs=True)
    area.set_dark(True)
    views = area.findChildren(pg.GraphicsView)
    assert len(views) >= 6
    assert all(background(view).lightness() < 60 for view in views)
    axis = area.loss.plot.getAxis("left")
    assert axis.textPen().color().lightness() > 180 and axis.pen().color().lightness() > 180
    assert QColor(area.loss.plot.titleLabel.opts["color"]).lightness() > 180
    # The near-black series colour is swapped for one that reads on dark backgrounds.
    assert category_color(6, dark=True).lightness() > 120
    area.set_dark(False)
    assert all(background(view).lightness() > 240 for view in views)
    assert axis.textPen().color().lightness() < 80


def test_decision_map_uses_the_colour_table(area: PlotArea) -> None:
    area.set_dataset(plane_dataset())
    snapshot = make_snapshot(0)
    assert snapshot.decision is not None
    area.add_snapshot(snapshot)
    area.refresh()
    item = area.decision.image
    assert item.qimage is None  # rendered lazily when painted
    item.render()
    pixels = item.qimage
    assert (pixels.width(), pixels.height()) == (30, 20)
    values = snapshot.decision.values
    low = np.unravel_index(np.argmin(values), values.shape)
    high = np.unravel_index(np.argmax(values), values.shape)
    blue = QColor(pixels.pixel(int(low[1]), int(low[0])))
    orange = QColor(pixels.pixel(int(high[1]), int(high[0])))
    assert blue.blue() > blue.red() and orange.red() > orange.blue()  # class 0 blue, 1 orange
    assert quantize(np.array([0.0, 0.5, 1.0, np.nan]), 0.0, 1.0).tolist() == [0, 128, 255, 0]


def test_larger_plot_text_keeps_every_axis_label(area: PlotArea) -> None:
    views = area.findChildren(pg.GraphicsView)
    axes = [
        item
        for view in views
        for item in view.scene().items()
        if isinstance(item, pg.AxisItem) and item.labelText
    ]
    before = {id(axis): axis.labelText for axis in axes}
    assert before
    area.set_font_points(20)
    assert {id(axis): axis.labelText for axis in axes} == before
    assert all(axis.label.isVisible() for axis in axes if axis.isVisible())
    assert all("font-size" in axis.labelStyle for axis in axes)
