"""The window asks for what it shows, once per frame; hidden views cost nothing yet keep their data."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtWidgets import QHBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from playground.core.spec.experiment import LayerSpec
from playground.core.training.snapshot import Snapshot
from playground.core.training.snapshot_demand import SnapshotContent
from playground.gui.document import file_prompts
from playground.gui.network.network_diagram import NetworkDiagram
from playground.gui.plots.plot_area import PlotArea
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings
from playground.gui.shell.shown_views import ShownViews
from tests.gui.network.test_network_diagram import linear, weight_stats
from tests.gui.network.test_network_diagram import snapshot as diagram_snapshot
from tests.gui.plots.test_plots import make_snapshot, plane_dataset

WITHOUT_HISTOGRAMS = SnapshotContent(histograms=False, decision=False, neurons=False)


@pytest.fixture
def window(qtbot: QtBot) -> tuple[QWidget, PlotArea, NetworkDiagram]:
    host = QWidget()
    qtbot.addWidget(host)
    area, diagram = PlotArea(), NetworkDiagram()
    area.timer.stop()  # the tests drive the frames
    row = QHBoxLayout(host)
    row.addWidget(diagram)
    row.addWidget(area, 2)
    host.resize(1200, 700)
    host.show()
    qtbot.waitExposed(host)
    area.set_dataset(plane_dataset())
    return host, area, diagram


def without_histograms(index: int) -> object:
    """A running snapshot as the engine builds it while no parameter view is shown."""
    full = make_snapshot(index)
    stripped = tuple(
        dataclasses.replace(
            s, values=dataclasses.replace(s.values, counts=np.zeros(0)), matrix=None
        )
        for s in full.parameters
    )
    return dataclasses.replace(full, parameters=stripped, decision=None, content=WITHOUT_HISTOGRAMS)


def test_content_follows_the_tab_and_the_diagram(
    window: tuple[QWidget, PlotArea, NetworkDiagram],
) -> None:
    _host, area, diagram = window
    shown = ShownViews.content_for
    assert shown(area, diagram) == SnapshotContent(histograms=True, decision=True, neurons=True)
    diagram.hide()  # the Network panel closed: no pictures, no weight matrices
    assert shown(area, diagram) == SnapshotContent(histograms=False, decision=True, neurons=False)
    area.setCurrentWidget(area.weights)
    assert shown(area, diagram) == SnapshotContent(histograms=True, decision=False, neurons=False)
    area.setCurrentWidget(area.diagnosis)  # the diagnosis needs only the statistics
    assert shown(area, diagram) == WITHOUT_HISTOGRAMS
    area.hide()
    area.setCurrentIndex(0)
    assert shown(area, diagram) == WITHOUT_HISTOGRAMS


def test_each_frame_updates_the_demand_and_takes_the_next_snapshot(
    window: tuple[QWidget, PlotArea, NetworkDiagram], qtbot: QtBot
) -> None:
    _host, area, diagram = window
    views = ShownViews(area, diagram)
    demand = views.demand
    demand.take()  # a snapshot was built: the window has to draw before the next one
    assert not demand.wanted
    diagram.hide()
    area.setCurrentWidget(area.gradients)
    with qtbot.waitSignal(area.frame_done, timeout=2000):
        area._tick()
    assert demand.wanted
    assert demand.content == SnapshotContent(histograms=True, decision=False, neurons=False)


def test_a_hidden_plot_area_draws_nothing_and_catches_up_when_shown(
    window: tuple[QWidget, PlotArea, NetworkDiagram], qtbot: QtBot
) -> None:
    _host, area, _diagram = window
    area.add_snapshot(make_snapshot(0))
    area.refresh()
    area.hide()
    area.add_snapshot(make_snapshot(1))
    before = area.redraw_count
    with qtbot.waitSignal(area.frame_done, timeout=2000):  # the frame still ends: snapshots go on
        area._tick()
    assert area.redraw_count == before  # nothing hidden was refreshed or painted
    assert area.loss.train_curve.getData()[0].size == 5  # not yet drawn
    area.show()  # back on screen: the latest data at once
    assert area.loss.train_curve.getData()[0].size == 10


def test_hidden_parameter_views_keep_their_last_histograms_for_export(
    window: tuple[QWidget, PlotArea, NetworkDiagram],
) -> None:
    _host, area, _diagram = window
    area.add_snapshot(make_snapshot(0))
    area.add_snapshot(without_histograms(1))  # built while the Weights tab was hidden
    history = area.weights.histories["0.weight"]
    assert len(history) == 1
    assert area.weights.latest["0.weight"].matrix is not None
    assert area.gradients.latest["0.weight"].grads is not None
    # The gradient-norm curves miss no snapshot: the norms come with every one.
    assert len(area.gradients.norms["0.weight"].x) == 2
    area.refresh(all_tabs=True)  # what an export of a hidden tab draws
    assert area.weights.matrix.image.image is not None


def test_the_diagram_keeps_its_pictures_when_a_snapshot_has_none(qtbot: QtBot) -> None:
    diagram = NetworkDiagram()
    qtbot.addWidget(diagram)
    diagram.resize(640, 420)
    diagram.show()
    diagram.set_layers([linear(3), LayerSpec(kind="Tanh"), linear(2)], (2,))
    grid = np.linspace(-1, 1, 36).reshape(6, 6)
    matrices = [weight_stats(0, np.ones((3, 2))), weight_stats(2, np.ones((2, 3)))]
    diagram.update_snapshot(
        diagram_snapshot(matrices, (np.stack([grid] * 3), np.stack([grid] * 2)))
    )
    diagram.flush()
    assert diagram.thumbnail_count() == 5
    bare = dataclasses.replace(diagram_snapshot(matrices), content=WITHOUT_HISTOGRAMS)
    diagram.update_snapshot(bare)
    diagram.flush()
    assert diagram.thumbnail_count() == 5


def test_the_window_paces_its_runs_and_asks_only_for_what_it_shows(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = MainWindow(AppSettings())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    monkeypatch.setattr(win, "confirm_discard", lambda: True)
    monkeypatch.setattr(
        file_prompts, "ask_save_changes", lambda *_: file_prompts.SaveChoice.DISCARD
    )
    assert win.open_preset("spiral")
    win.network_dock.hide()  # no diagram: no pictures, no matrices
    win.plot_area.setCurrentWidget(win.plot_area.diagnosis)  # statistics only
    frames: list[int] = []
    win.plot_area.frame_done.connect(lambda: frames.append(1))
    seen: list[Snapshot] = []
    win.run.snapshot.connect(seen.append)
    # 200 steps a second: above the every-step speeds, and long enough for several frames
    # however fast the machine trains.
    win.run.set_speed(200)
    win.play_pause()
    assert win.run.engine is not None and win.run.engine.demand is win.shown_views.demand
    qtbot.waitUntil(lambda: sum(s.state == "running" for s in seen) >= 4, timeout=30_000)
    win.run.shutdown(10)
    running = [s for s in seen if s.state == "running"]
    # One snapshot per frame drawn at most (the first step's comes at once).
    assert len(running) <= len(frames) + 1
    for snapshot in running[1:]:
        assert snapshot.content == WITHOUT_HISTOGRAMS
        assert snapshot.decision is None and snapshot.parameters
