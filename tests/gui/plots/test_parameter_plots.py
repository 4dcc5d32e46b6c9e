"""The Weights and Gradients tabs fed by a real run: readable names and the clip threshold."""

from __future__ import annotations

import math

import pytest
import torch
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from playground.core.spec.experiment import (
    BuiltinData,
    Experiment,
    LayerSpec,
    ModelSpec,
    OptimizerSpec,
    TrainingSpec,
)
from playground.core.training.engine import Engine
from playground.core.training.snapshot import Snapshot
from playground.gui.plots.plot_area import PlotArea

CLIP = 0.01
LABELS = [
    "Layer 1 · Linear · weight",
    "Layer 1 · Linear · bias",
    "Layer 3 · Linear · weight",
    "Layer 3 · Linear · bias",
    "Layer 5 · Linear · weight",
    "Layer 5 · Linear · bias",
]


def _run(clip: float | None) -> tuple[Engine, list[Snapshot]]:
    experiment = Experiment(
        data=BuiltinData(name="spiral", samples=200, noise=0.1),
        model=ModelSpec(
            layers=[
                LayerSpec(kind="Linear", params={"out_features": 8}),
                LayerSpec(kind="Tanh"),
                LayerSpec(kind="Linear", params={"out_features": 8}),
                LayerSpec(kind="Tanh"),
                LayerSpec(kind="Linear", params={"out_features": 2}),
            ]
        ),
        optimizer=OptimizerSpec(kind="sgd", lr=0.1),
        training=TrainingSpec(epochs=2, batch_size=20, device="cpu", grad_clip=clip),
    )
    engine = Engine(experiment, snapshot_interval=0)
    snapshots: list[Snapshot] = []
    engine.run(on_snapshot=snapshots.append)
    return engine, snapshots


@pytest.fixture
def area(qtbot: QtBot) -> PlotArea:
    widget = PlotArea()
    qtbot.addWidget(widget)
    return widget


def test_pickers_and_legend_use_the_editor_s_layer_names(area: PlotArea) -> None:
    engine, snapshots = _run(None)
    area.set_dataset(engine.dataset)
    for snapshot in snapshots:
        area.add_snapshot(snapshot)
    area.refresh(all_tabs=True)
    assert area.weights.picker.labels() == LABELS
    assert area.gradients.picker.labels() == LABELS
    assert [label.text for _sample, label in area.gradients.legend.items] == LABELS
    # Choosing by label still addresses torch's parameter.
    area.weights.picker.combo.setCurrentText("Layer 3 · Linear · weight")
    assert area.weights.selected == "2.weight"
    assert area.weights.matrix.image.image.shape == (8, 8)
    assert not area.gradients.threshold.isVisible()  # no clipping, no line


def test_gradients_plot_marks_the_clip_threshold_above_which_norms_are_drawn(
    area: PlotArea,
) -> None:
    engine, snapshots = _run(CLIP)
    for snapshot in snapshots:
        area.add_snapshot(snapshot)
    area.refresh(all_tabs=True)
    plot = area.gradients
    assert plot.threshold.isVisible()
    assert plot.threshold.value() == pytest.approx(math.log10(CLIP))  # log axis
    assert f"{CLIP:g}" in plot.threshold.label.format
    assert plot.threshold.pen.style() == Qt.PenStyle.DashLine
    # The curves show the real norms, well above the threshold, not the clipped ones.
    last = snapshots[-1]
    norms = {stats.name: stats.grad_norm for stats in last.parameters}
    for name, buffer in plot.norms.items():
        assert buffer.y[-1] == pytest.approx(norms[name])
    assert max(norms.values()) > 5 * CLIP
    clipped = torch.cat([p.grad.reshape(-1) for p in engine.model.parameters()])
    assert float(torch.linalg.vector_norm(clipped)) <= CLIP * (1 + 1e-4)
    low, high = plot.norm_plot.getViewBox().viewRange()[1]
    assert low <= math.log10(CLIP) <= high  # the line is in view
    area.reset()
    assert not plot.threshold.isVisible()


def test_tabs_not_yet_shown_make_their_views_when_first_shown(area: PlotArea, qtbot: QtBot) -> None:
    # Their pyqtgraph views are most of a window's build time; sessions that never open
    # the tab never pay for them, and the tab still shows the whole run once opened.
    engine, snapshots = _run(None)
    area.set_dataset(engine.dataset)
    area.set_dark(True)
    area.set_font_points(16.0)
    area.show()
    qtbot.waitExposed(area)
    deferred = (area.weights, area.gradients, area.confusion, area.curve)
    assert not any(plot.is_built for plot in deferred)
    for snapshot in snapshots:
        area.add_snapshot(snapshot)
    area.refresh()
    area.reset()  # a new run on the training tab does not build them either
    for snapshot in snapshots:
        area.add_snapshot(snapshot)
    area.refresh()
    assert not any(plot.is_built for plot in deferred)
    assert set(area.gradients.norms) == {stats.name for stats in snapshots[-1].parameters}

    area.setCurrentWidget(area.gradients)  # the user opens the tab
    assert area.gradients.is_built and not area.weights.is_built
    area.refresh()
    assert [label.text for _sample, label in area.gradients.legend.items] == LABELS
    curve = area.gradients.curves["0.weight"]
    assert len(curve.getData()[0]) == len(area.gradients.norms["0.weight"])
    # The late views wear the theme and the text size the others got earlier.
    assert area.gradients.widget.backgroundBrush().color().name().upper() == "#1E1E1E"
    axis = area.gradients.norm_plot.getAxis("bottom")
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(16.0 * 0.8)
    assert area.gradients.widget in area._views  # its painting counts for the pacer
    assert area.curve.isHidden() and not area.curve.is_built  # not regression on one input
