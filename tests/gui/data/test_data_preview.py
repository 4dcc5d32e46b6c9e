"""The data preview draws every point in its class's colour, cheaply."""

from __future__ import annotations

import pyqtgraph as pg
from pytestqt.qtbot import QtBot

from playground.core.data import load_dataset
from playground.core.spec.experiment import BuiltinData
from playground.gui.data.data_preview import CLASS_COLOURS, DataPreview


def _preview(qtbot: QtBot) -> DataPreview:
    preview = DataPreview()
    qtbot.addWidget(preview)
    return preview


def test_points_of_a_class_share_one_brush_of_its_colour(qtbot: QtBot) -> None:
    dataset = load_dataset(BuiltinData(name="spiral", samples=1000))
    preview = _preview(qtbot)
    preview.set_dataset(dataset)
    brushes = list(preview._train.data["brush"])
    assert len(brushes) == len(dataset.y_train)
    # one brush object per class, so pyqtgraph renders each symbol once, not once per point
    assert len({id(brush) for brush in brushes}) == len(set(dataset.y_train.tolist()))
    for brush, label in zip(brushes, dataset.y_train.tolist(), strict=True):
        assert brush.color().name() == pg.mkColor(CLASS_COLOURS[int(label)]).name()
    pens = list(preview._val.data["pen"])
    assert len({id(pen) for pen in pens}) == len(set(dataset.y_val.tolist()))
    for pen, label in zip(pens, dataset.y_val.tolist(), strict=True):
        assert pen.color().name() == pg.mkColor(CLASS_COLOURS[int(label)]).name()


def test_regression_points_keep_their_value_colours(qtbot: QtBot) -> None:
    dataset = load_dataset(BuiltinData(name="plane", samples=200))
    preview = _preview(qtbot)
    preview.set_dataset(dataset)
    values = dataset.y_train[:, 0]
    brushes = list(preview._train.data["brush"])
    lowest, highest = int(values.argmin()), int(values.argmax())
    cmap = pg.colormap.get("CET-D1A")
    assert brushes[lowest].color().rgba() == cmap.map(0.0, mode="qcolor").rgba()
    assert brushes[highest].color().rgba() == cmap.map(1.0, mode="qcolor").rgba()


def test_a_panel_told_not_to_load_the_default_waits_for_its_data(qtbot: QtBot) -> None:
    from playground.gui.data.data_panel import DataPanel

    panel = DataPanel(load_default=False)
    qtbot.addWidget(panel)
    assert panel.dataset is None  # nothing made or drawn until an experiment sets the data
    panel.set_data_spec(BuiltinData(name="circle", samples=200))
    assert panel.dataset is not None and len(panel.dataset.y_train) > 0
    assert panel.preview.mode == "points" and panel.preview._train.isVisible()
