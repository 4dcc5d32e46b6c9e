"""The log view's lines are the course's lines, from every epoch the engine ran."""

from __future__ import annotations

import torch
from torch import nn

from playground.core.spec.presets import load_preset
from playground.core.training.course_log import log_line, log_lines
from playground.core.training.engine import Engine
from playground.core.training.snapshot import Snapshot


def test_the_line_is_formatted_as_the_course_prints_it() -> None:
    assert log_line(10, 100, 0.123449) == "Epoch [10/100], Loss: 0.1234"
    assert log_line(100, 100, 2.0) == "Epoch [100/100], Loss: 2.0000"


def test_every_tenth_epoch_of_the_2_2_1_network_matches_a_plain_loop() -> None:
    experiment = load_preset("course-simple-nn")
    experiment = experiment.model_copy(
        update={"training": experiment.training.model_copy(update={"device": "cpu"})}
    )
    snapshots: list[Snapshot] = []
    engine = Engine(experiment, snapshot_interval=0.0)
    engine.run(snapshots.append)
    records = [record for snapshot in snapshots for record in snapshot.new_epochs]
    assert [r.epoch for r in records] == list(range(1, 101))  # every epoch reaches the snapshots
    torch.manual_seed(0)
    x, y = torch.randn(10, 2), torch.randn(10, 1)
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    expected = []
    for epoch in range(100):
        loss = nn.MSELoss()(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (epoch + 1) % 10 == 0:
            expected.append(f"Epoch [{epoch + 1}/100], Loss: {loss.item():.4f}")
    assert log_lines(records, 100, 10) == expected
