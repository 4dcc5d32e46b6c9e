"""The surface window shows torch's loss over (w, b), and the optimizers walk exactly as torch steps."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pyqtgraph as pg
import pytest
import torch
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from playground.core.data import load_dataset
from playground.core.landscape.problem import compared_optimizer
from playground.core.landscape.surface import loss_surface, optimizer_path
from playground.core.spec.experiment import Experiment
from playground.core.spec.presets import load_preset
from playground.core.training.builders import build_checked_model
from playground.core.training.losses import build_loss, loss_targets
from playground.gui.landscape import LandscapeWindow, open_landscape_window
from playground.gui.landscape.optimizer_table import loss_text
from playground.gui.landscape.surface_view import RESOLUTION, SurfaceView
from playground.gui.plots.base import DARK, LIGHT
from playground.gui.shell.theme import apply_theme


@pytest.fixture
def experiment() -> Experiment:
    return load_preset("linear-regression")


@pytest.fixture
def window(qtbot: QtBot, experiment: Experiment) -> Iterator[LandscapeWindow]:
    win = open_landscape_window(None, experiment)
    qtbot.addWidget(win)
    qtbot.waitExposed(win)
    yield win
    assert win.shutdown()


def _view(win: LandscapeWindow) -> SurfaceView:
    assert win.surface_view is not None and win.slice_view is None
    return win.surface_view


def _torch_problem(experiment: Experiment) -> tuple[torch.nn.Module, torch.Tensor, torch.Tensor]:
    """Model, inputs and targets built here, as training builds them."""
    data = load_dataset(experiment.data)
    model = build_checked_model(experiment, data, torch.device("cpu"))
    return model, data.x_train, loss_targets(experiment.loss, data.y_train)


def test_the_image_is_the_loss_surface_of_the_experiment(
    window: LandscapeWindow, experiment: Experiment
) -> None:
    view = _view(window)
    view.log_scale.setChecked(False)
    model, x, y = _torch_problem(experiment)
    mse = build_loss(experiment.loss)
    expected = loss_surface(model, mse, x, y, *view.ranges, RESOLUTION)
    image = view.map.image.image
    assert image.shape == (RESOLUTION, RESOLUTION)
    np.testing.assert_allclose(image, expected.losses, rtol=1e-6)

    row, col = 17, 60
    centre = view.map.pixel_centre(row, col)
    w, b = centre.x(), centre.y()
    assert w == pytest.approx(float(expected.xs[col]), abs=1e-5)
    assert b == pytest.approx(float(expected.ys[row]), abs=1e-5)
    probe = torch.nn.Linear(1, 1)
    with torch.no_grad():
        probe.weight.fill_(w)
        probe.bias.fill_(b)
        by_hand = float(((probe(x) - y) ** 2).mean())
    assert image[row, col] == pytest.approx(by_hand, rel=1e-4)

    view.log_scale.setChecked(True)
    np.testing.assert_allclose(10.0**view.map.image.image, expected.losses, rtol=1e-5)


def test_axes_name_the_parameters_as_the_editor_does(window: LandscapeWindow) -> None:
    plot = _view(window).map.plot
    assert plot.getAxis("bottom").labelText == "Layer 1 · Linear · weight"
    assert plot.getAxis("left").labelText == "Layer 1 · Linear · bias"


def test_a_click_on_the_map_sets_the_start(qtbot: QtBot, window: LandscapeWindow) -> None:
    view = _view(window)
    (x0, x1), (y0, y1) = view.ranges
    target = (x0 + 0.3 * (x1 - x0), y0 + 0.7 * (y1 - y0))
    box = view.map.plot.getViewBox()
    scene_point = box.mapViewToScene(pg_point(*target))
    pixel = view.map.view.mapFromScene(scene_point)
    qtbot.mouseClick(view.map.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pixel))
    one_pixel = ((x1 - x0) / box.width(), (y1 - y0) / box.height())
    assert view.start[0] == pytest.approx(target[0], abs=2 * one_pixel[0])
    assert view.start[1] == pytest.approx(target[1], abs=2 * one_pixel[1])
    assert view.steps_shown == 0
    for path in view.paths.values():
        assert tuple(path.points[0]) == pytest.approx(view.start)


def pg_point(x: float, y: float) -> object:
    from PySide6.QtCore import QPointF

    return QPointF(x, y)


def test_steps_follow_optimizer_path_exactly(
    qtbot: QtBot, window: LandscapeWindow, experiment: Experiment
) -> None:
    view = _view(window)
    view.set_start(0.5, -1.0)
    model, x, y = _torch_problem(experiment)
    mse = build_loss(experiment.loss)
    steps = view.playback.steps.value()
    expected = {
        key: optimizer_path(
            model, mse, x, y, (0.5, -1.0), compared_optimizer(key, lr, experiment), steps
        )
        for key, lr in view.table.chosen()
    }
    assert set(expected) == {"sgd", "momentum", "adam"}
    for count in range(1, 6):
        qtbot.mouseClick(view.playback.step, Qt.MouseButton.LeftButton)
        assert view.steps_shown == count
        for key, path in expected.items():
            line = view.traces[key].line
            drawn = np.column_stack([line.xData, line.yData])
            np.testing.assert_allclose(drawn, path.points[: count + 1], rtol=1e-6)
            assert view.table.losses[key].text() == loss_text(float(path.losses[count]))

    view.playback.play.click()  # the timer walks on by itself
    qtbot.waitUntil(lambda: view.steps_shown >= 8, timeout=5000)
    view.playback.play.click()
    reached = view.steps_shown
    for key, path in expected.items():
        line = view.traces[key].line
        np.testing.assert_allclose(
            np.column_stack([line.xData, line.yData]), path.points[: reached + 1], rtol=1e-6
        )
    qtbot.mouseClick(view.playback.reset, Qt.MouseButton.LeftButton)
    assert view.steps_shown == 0
    assert len(view.traces["adam"].line.xData) == 1


def test_the_three_optimizers_walk_differently(window: LandscapeWindow) -> None:
    view = _view(window)
    view.set_start(-0.5, 1.0)
    ends = {key: tuple(path.points[-1]) for key, path in view.paths.items()}
    assert len(ends) == 3 and len(set(ends.values())) == 3
    view.table.checks["momentum"].setChecked(False)
    assert set(view.paths) == {"sgd", "adam"}
    assert not view.traces["momentum"].line.isVisible()
    assert view.table.losses["momentum"].text() == "—"


def test_paths_leaving_the_map_reframe_it_once_per_range(
    window: LandscapeWindow, experiment: Experiment
) -> None:
    view = _view(window)
    (x0, x1), (y0, y1) = view.ranges
    view.table.rates["momentum"].setValue(0.03)  # overshoots far past the minimum
    view.set_start(x0 + 0.02 * (x1 - x0), y1 - 0.02 * (y1 - y0))
    before = view.surface_count
    for _ in range(view.playback.steps.value()):
        view.step()
    assert view.surface_count > before
    assert view.surface_count - before < view.playback.steps.value() / 4
    (nx0, nx1), (ny0, ny1) = view.ranges
    for path in view.paths.values():
        assert nx0 <= path.points[:, 0].min() and path.points[:, 0].max() <= nx1
        assert ny0 <= path.points[:, 1].min() and path.points[:, 1].max() <= ny1
    view.log_scale.setChecked(False)
    model, x, y = _torch_problem(experiment)
    expected = loss_surface(model, build_loss(experiment.loss), x, y, *view.ranges, RESOLUTION)
    np.testing.assert_allclose(view.map.image.image, expected.losses, rtol=1e-6)


@pytest.fixture
def app_look() -> Iterator[QApplication]:
    """The application, its style, palette, font and plot colours restored afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style, palette, font, sheet = (
        app.style().name(),
        QPalette(app.palette()),
        app.font(),
        app.styleSheet(),
    )
    plot_colours = {name: pg.getConfigOption(name) for name in ("background", "foreground")}
    yield app
    app.setStyleSheet(sheet)
    app.setStyle(style)
    app.setPalette(palette)
    app.setFont(font)
    pg.setConfigOptions(**plot_colours)


def test_large_text_fits_and_the_dark_theme_reaches_the_plot(
    qtbot: QtBot, experiment: Experiment, app_look: QApplication
) -> None:
    apply_theme(app_look, "dark", 20)
    win = LandscapeWindow(experiment)
    qtbot.addWidget(win)
    win.resize(1024, 768)
    win.show()
    qtbot.waitExposed(win)
    hint = win.centralWidget().minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 768
    view = _view(win)
    assert view.map.view.backgroundBrush().color().name() == DARK.background.lower()
    tick_size = view.map.plot.getAxis("bottom").style["tickFont"].pointSizeF()
    assert tick_size >= 15
    apply_theme(app_look, "light", 12)
    qtbot.waitUntil(
        lambda: view.map.view.backgroundBrush().color().name() == LIGHT.background.lower()
    )
    qtbot.waitUntil(lambda: view.map.plot.getAxis("bottom").style["tickFont"].pointSizeF() < 12)


def test_the_slice_window_holds_large_text(qtbot: QtBot, app_look: QApplication) -> None:
    apply_theme(app_look, "light", 20)
    win = LandscapeWindow(load_preset("spiral"))
    qtbot.addWidget(win)
    win.resize(1024, 768)
    win.show()
    qtbot.waitExposed(win)
    hint = win.centralWidget().minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 768
    assert win.slice_view is not None
    bar = win.slice_view.map.bar
    assert bar.sceneBoundingRect().right() <= win.slice_view.map.view.width()
    assert win.shutdown()


def test_a_diverging_optimizer_is_named_and_drawn_up_to_its_last_finite_point(
    window: LandscapeWindow,
) -> None:
    view = _view(window)
    view.table.rates["sgd"].setValue(5.0)  # far past the stable step size of this surface
    sgd = view.paths["sgd"]
    assert not np.isfinite(sgd.losses[-1])
    for _ in range(view.playback.steps.value()):
        view.step()
    assert view.table.losses["sgd"].text() == "diverged"
    drawn = view.traces["sgd"].points
    assert len(drawn) > 1 and np.isfinite(drawn).all()
    finite = np.isfinite(sgd.points).all(axis=1)
    np.testing.assert_array_equal(drawn, sgd.points[: int(np.argmin(finite))])
    assert view.table.losses["momentum"].text() == loss_text(
        float(view.paths["momentum"].losses[-1])
    )
