"""The window's copy of a run trained in a child stays on the CPU; the child gets the run's device.

No GPU is needed: CUDA is made to look present (``torch.cuda.is_available`` and
``device_count`` patched), which is all the device resolution reads, and
nothing is ever allocated on it. A run the child trains reports the child's
device, including when the child is lost before its first snapshot.
"""

from __future__ import annotations

from typing import cast

import pytest
import torch

from playground.core.spec.experiment import (
    BuiltinData,
    Experiment,
    LayerSpec,
    ModelSpec,
    TrainingSpec,
)
from playground.core.training.devices import resolve_device
from playground.core.training.engine import Engine
from playground.core.training.remote.children import TrainingChild
from playground.core.training.remote.protocol import Job, Message
from playground.core.training.remote.proxy import RemoteEngine

CPU = torch.device("cpu")


def on_gpu() -> Experiment:
    return Experiment(
        data=BuiltinData(name="gaussian", samples=60, noise=0.1),
        model=ModelSpec(
            layers=[
                LayerSpec(kind="Linear", params={"out_features": 4}),
                LayerSpec(kind="Tanh"),
                LayerSpec(kind="Linear", params={"out_features": 2}),
            ]
        ),
        training=TrainingSpec(epochs=1, batch_size=10, device="cuda"),
    )


@pytest.fixture
def cuda_seems_present(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 1)


class GoneAfterTheJob:
    """A child that takes the job and is gone at once (records what it was sent)."""

    pid = 4242
    alive = False

    def __init__(self) -> None:
        self.sent: list[Message] = []

    def send(self, message: Message) -> bool:
        self.sent.append(message)
        return False


@pytest.mark.usefixtures("cuda_seems_present")
def test_an_engine_built_on_a_given_device_keeps_model_data_and_snapshots_there() -> None:
    assert resolve_device("cuda") == torch.device("cuda:0")  # the run itself would be on it
    engine = Engine(on_gpu(), device=CPU)
    assert engine.device == CPU
    assert all(p.device == CPU for p in engine.model.parameters())
    assert engine.snapshot().device == "cpu"
    assert not torch.cuda.is_initialized()


@pytest.mark.usefixtures("cuda_seems_present")
def test_the_job_carries_the_experiments_device_and_the_run_reports_it() -> None:
    feeder = Engine(on_gpu(), device=CPU)
    child = GoneAfterTheJob()
    given_back: list[bool] = []
    remote = RemoteEngine(
        feeder, cast(TrainingChild, child), lambda _child, healthy: given_back.append(healthy)
    )
    assert remote.device == torch.device("cuda:0")  # what the child will train on
    assert remote.snapshot().device == "cuda:0"

    final = remote.run()
    kind, job = child.sent[0]
    assert kind == "run" and isinstance(job, Job)
    assert Experiment.model_validate_json(job.experiment_json).training.device == "cuda"
    assert all(value.device == CPU for value in job.initial_state.values())
    assert final.state == "failed" and final.device == "cuda:0"  # lost before any snapshot
    assert remote.device == torch.device("cuda:0") and given_back == [False]
    assert not torch.cuda.is_initialized()
