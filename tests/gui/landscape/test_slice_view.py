"""The slice window for a larger model: torch's loss on the slice, the explanation, a growing path."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
import torch
from pytestqt.qtbot import QtBot

from playground.core.landscape.problem import build_problem
from playground.core.landscape.slices import (
    SLICE_EXPLANATION,
    loss_slice,
    project_path,
    random_directions,
)
from playground.core.spec.experiment import Experiment
from playground.core.spec.presets import load_preset
from playground.core.training.engine import Engine
from playground.core.training.run_control import Callback
from playground.gui.landscape import LandscapeWindow, open_landscape_window, slice_worker
from playground.gui.landscape.slice_view import SliceView

TIMEOUT_MS = 60_000


class EpochStates(Callback):
    def __init__(self) -> None:
        self.states: list[dict[str, torch.Tensor]] = []

    def on_epoch_end(self, engine: Engine, epoch: int) -> None:
        self.states.append({k: v.detach().clone() for k, v in engine.model.state_dict().items()})


@pytest.fixture
def experiment() -> Experiment:
    spiral = load_preset("spiral")
    return spiral.model_copy(update={"training": spiral.training.model_copy(update={"epochs": 3})})


@pytest.fixture
def window(qtbot: QtBot, experiment: Experiment) -> Iterator[LandscapeWindow]:
    threads = torch.get_num_threads()
    win = open_landscape_window(None, experiment)
    qtbot.addWidget(win)
    view = _view(win)
    view.resolution.setValue(9)  # small grids keep the test quick
    _wait(qtbot, view)
    assert torch.get_num_threads() == threads  # the worker gave the process its setting back
    yield win
    assert win.shutdown()


def _view(win: LandscapeWindow) -> SliceView:
    assert win.slice_view is not None and win.surface_view is None
    return win.slice_view


def _wait(qtbot: QtBot, view: SliceView) -> None:
    qtbot.waitUntil(lambda: not view.computer.busy, timeout=TIMEOUT_MS)


def _expected(experiment: Experiment, seed: int, extent: float, resolution: int) -> np.ndarray:
    problem = build_problem(experiment)
    directions = random_directions(problem.model, seed)
    return loss_slice(
        problem.model, problem.loss, problem.inputs, problem.targets, directions, extent, resolution
    ).losses


def test_the_slice_is_torchs_loss_with_the_explanation_beside_it(
    window: LandscapeWindow, experiment: Experiment
) -> None:
    view = _view(window)
    assert view.explanation.text() == SLICE_EXPLANATION
    assert view.explanation.isVisible()
    image = view.map.image.image
    np.testing.assert_allclose(image, _expected(experiment, 0, 1.0, 9), rtol=1e-6)
    engine = Engine(experiment)  # the centre is the weights training starts from
    with torch.no_grad():
        x, y = engine.dataset.x_train, engine.dataset.y_train
        start_loss = float(torch.nn.functional.cross_entropy(engine.model(x), y))
    assert image[4, 4] == pytest.approx(start_loss, rel=1e-5)
    assert view.map.plot.getAxis("bottom").labelText == "α (direction 1)"


def test_the_projected_path_grows_with_each_training_state(
    window: LandscapeWindow, experiment: Experiment
) -> None:
    view = _view(window)
    recorder = EpochStates()
    engine = Engine(experiment, callbacks=[recorder])
    states = [engine.initial_state]
    engine.run()
    states += recorder.states
    assert engine.history.epochs[-1].train_loss < engine.history.epochs[0].train_loss
    directions = random_directions(build_problem(experiment).model, 0)
    centre = {n: p for n, p in states[0].items()}
    for count, state in enumerate(states, start=1):
        window.add_training_state(state)
        line = view.trace.line
        assert len(line.xData) == count
        expected = project_path(states[:count], centre, directions)
        np.testing.assert_allclose(np.column_stack([line.xData, line.yData]), expected, atol=1e-6)
    assert tuple(view.path[0]) == pytest.approx((0.0, 0.0), abs=1e-6)  # starts at the centre
    assert np.abs(view.path[-1]).max() > 1e-4  # and training moved it


def test_new_directions_and_settings_give_the_newest_slice(
    qtbot: QtBot, window: LandscapeWindow, experiment: Experiment
) -> None:
    view = _view(window)
    seen: list[object] = []
    view.computer.computed.connect(seen.append)
    # Three requests in a row: the older ones are superseded, only the last is shown.
    view.new_directions.click()
    view.resolution.setValue(7)
    view.extent.setValue(0.5)
    _wait(qtbot, view)
    assert view.seed == 1
    np.testing.assert_allclose(view.map.image.image, _expected(experiment, 1, 0.5, 7), rtol=1e-6)
    assert seen == [view.surface]  # superseded slices were abandoned or dropped, never drawn
    assert not view.progress_bar.isVisible()


def test_set_weights_moves_the_centre(
    qtbot: QtBot, window: LandscapeWindow, experiment: Experiment
) -> None:
    view = _view(window)
    engine = Engine(experiment)
    engine.run()
    trained = {k: v.clone() for k, v in engine.model.state_dict().items()}
    window.set_weights(trained)
    _wait(qtbot, view)
    with torch.no_grad():
        x, y = engine.dataset.x_train, engine.dataset.y_train
        trained_loss = float(torch.nn.functional.cross_entropy(engine.model(x), y))
    assert view.map.image.image[4, 4] == pytest.approx(trained_loss, rel=1e-5)


def test_closing_mid_slice_leaves_no_thread_running(qtbot: QtBot, experiment: Experiment) -> None:
    win = LandscapeWindow(experiment)
    qtbot.addWidget(win)
    view = _view(win)
    view.resolution.setValue(61)  # long enough to be still running when closed
    assert view.computer.busy
    win.close()
    assert not view.computer.busy


def test_an_experiment_without_a_loss_says_why(qtbot: QtBot) -> None:
    broken = load_preset("linear-regression").model_copy(update={"loss": "cross-entropy"})
    win = LandscapeWindow(broken)
    qtbot.addWidget(win)
    assert win.surface_view is None and win.slice_view is None
    assert win.problem_text and win.problem_text in win.centralWidget().text()
    assert win.shutdown()


def test_a_failing_slice_is_reported_in_words(
    qtbot: QtBot, window: LandscapeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fails(*_args: object, **_kwargs: object) -> None:
        raise ValueError("the loss returned no number")

    monkeypatch.setattr(slice_worker, "loss_slice", fails)
    view = _view(window)
    view.recompute()
    _wait(qtbot, view)
    assert view.status.text() == "The slice could not be computed: The loss returned no number."
    assert not view.progress_bar.isVisible()
