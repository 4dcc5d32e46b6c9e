"""Snapshots build only what the observer shows, and come only when it is ready."""

from __future__ import annotations

import math
import threading

import numpy as np
import pytest
import torch

from playground.core.training.engine import Engine
from playground.core.training.snapshot import Snapshot
from playground.core.training.snapshot_demand import EVERYTHING, SnapshotContent, SnapshotDemand
from tests.core.training.test_engine import all_losses, blobs, experiment, layers, line

NOTHING = SnapshotContent(histograms=False, decision=False, neurons=False)


def test_running_snapshots_leave_out_what_no_view_shows_but_keep_the_statistics() -> None:
    snapshots: list[Snapshot] = []
    engine = Engine(
        experiment(layers(8, 2), epochs=3),
        blobs(),
        snapshot_interval=0.0,
        demand=SnapshotDemand(NOTHING),
    )
    final = engine.run(on_snapshot=snapshots.append)
    running = [s for s in snapshots if s.state == "running"]
    assert len(running) > 10
    for snapshot in running:
        assert snapshot.content == NOTHING
        assert snapshot.decision is None
        assert snapshot.parameters  # the statistics stay: diagnosis and NaN checks need them
        for stats in snapshot.parameters:
            assert stats.values.counts.size == 0 and stats.matrix is None
            assert stats.grads is None or stats.grads.counts.size == 0
            assert stats.grad_matrix is None
            assert math.isfinite(stats.mean) and math.isfinite(stats.grad_norm)
    # The statistics are those of the model: the same numbers torch computes.
    weight = engine.model[0].weight.detach().to(torch.float64)
    first = next(s for s in final.parameters if s.name == "0.weight")
    assert first.mean == pytest.approx(float(weight.mean()), abs=1e-12)
    # A run that has ended shows everything, so a hidden view can still draw (or export) it.
    assert final.content == EVERYTHING
    assert final.decision is not None and final.decision.neurons
    assert all(s.values.counts.size > 0 and s.matrix is not None for s in final.parameters)


def test_the_decision_grid_without_the_neuron_pictures() -> None:
    snapshots: list[Snapshot] = []
    content = SnapshotContent(histograms=False, decision=True, neurons=False)
    Engine(experiment(layers(8, 2), epochs=1), blobs(), demand=SnapshotDemand(content)).run(
        on_snapshot=snapshots.append
    )
    first = snapshots[0]
    assert first.state == "running" and first.decision is not None
    assert first.decision.values.shape == (64, 64) and first.decision.neurons == ()


def test_a_hidden_fitted_curve_is_not_computed() -> None:
    snapshots: list[Snapshot] = []
    Engine(experiment(layers(8, 1), "mse", epochs=2), line(), demand=SnapshotDemand(NOTHING)).run(
        on_snapshot=snapshots.append
    )
    assert snapshots[0].state == "running" and snapshots[0].curve is None
    assert snapshots[-1].curve is not None


def test_a_paced_observer_gets_a_running_snapshot_only_after_each_frame() -> None:
    demand = SnapshotDemand(paced=True)
    snapshots: list[Snapshot] = []
    engine = Engine(
        experiment(layers(4, 2), epochs=6), blobs(), snapshot_interval=0.0, demand=demand
    )
    engine.run(on_snapshot=snapshots.append)  # nobody says it has drawn a frame
    assert [s.state for s in snapshots] == ["running", "finished"]
    # Not a single loss is lost: the final snapshot carries every step since the first.
    steps, losses = all_losses(snapshots)
    np.testing.assert_array_equal(steps, np.arange(1, engine.step + 1))
    assert np.all(np.isfinite(losses))

    frames: list[Snapshot] = []
    window = SnapshotDemand(paced=True)

    def draw_every_other(snapshot: Snapshot) -> None:
        frames.append(snapshot)
        if len(frames) % 2:
            window.ready()  # this frame is drawn; the next snapshot may come

    again = Engine(
        experiment(layers(4, 2), epochs=6), blobs(), snapshot_interval=0.0, demand=window
    )
    again.run(on_snapshot=draw_every_other)
    assert [s.state for s in frames] == ["running", "running", "finished"]


def test_the_demand_is_safe_to_change_from_another_thread() -> None:
    demand = SnapshotDemand(paced=True)
    assert demand.wanted and demand.take() == EVERYTHING and not demand.wanted

    def window() -> None:
        demand.show(NOTHING)
        demand.ready()

    thread = threading.Thread(target=window)
    thread.start()
    thread.join()
    assert demand.wanted and demand.content == NOTHING
    assert SnapshotDemand(NOTHING).take() == NOTHING
    unpaced = SnapshotDemand()
    unpaced.take()
    assert unpaced.wanted  # headless runs are never held back
