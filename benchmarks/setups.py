"""The configurations and the two sides most benchmarks compare: the engine and a plain loop.

Every configuration is a preset with a batch size (the issue's "spiral b10",
"digits b32", …) trained on the CPU. The plain loop is what a tutorial writes
for the same model: ``TensorDataset`` + ``DataLoader(shuffle=True)``, the
optimizer with torch's default flags, ``loss.item()`` every step and a
validation pass after every epoch (the engine validates every epoch too).
Both sides build their model from the same spec and seed.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import torch
from torch.utils.data import DataLoader, TensorDataset

from playground.core.data import load_dataset
from playground.core.data.base import Dataset
from playground.core.layers.model import build_model
from playground.core.spec.experiment import Experiment
from playground.core.spec.options import OPTIMIZER_TABLE
from playground.core.spec.presets import load_preset
from playground.core.training.builders import optimizer_arguments
from playground.core.training.engine import Engine
from playground.core.training.initial_weights import initialize_weights
from playground.core.training.losses import build_loss, loss_targets
from playground.core.training.torch_classes import torch_class


@dataclass(frozen=True)
class Setup:
    """A preset trained at one batch size for a number of epochs, and its data."""

    name: str
    experiment: Experiment
    dataset: Dataset

    @property
    def steps(self) -> int:
        samples = self.dataset.x_train.shape[0]
        batch = self.experiment.training.batch_size
        return -(-samples // batch) * self.experiment.training.epochs


def setup(name: str, preset: str, batch_size: int, epochs: int) -> Setup:
    """``preset`` with ``batch_size`` and ``epochs``, on the CPU."""
    experiment = load_preset(preset)
    training = experiment.training.model_copy(
        update={"batch_size": batch_size, "epochs": epochs, "device": "cpu"}
    )
    experiment = experiment.model_copy(update={"training": training})
    return Setup(name, experiment, load_dataset(experiment.data))


def engine_steps_per_second(
    config: Setup, *, threads: int | None = None, snapshots: bool = False
) -> float:
    """Optimizer steps per second of the engine: headless (as ``train -q``) or with
    snapshots at the app's rate; ``threads`` overrides the engine's own thread choice."""
    engine = Engine(config.experiment, config.dataset)
    if threads is not None:
        engine.threads = threads
    started = time.perf_counter()
    engine.run(on_snapshot=(lambda snapshot: None) if snapshots else None)
    return engine.step / (time.perf_counter() - started)


def loop_steps_per_second(config: Setup, threads: int) -> float:
    """Optimizer steps per second of the tutorial loop on ``threads`` intra-op threads."""
    spec, data = config.experiment, config.dataset
    saved = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        torch.manual_seed(spec.training.seed)
        model = build_model(spec.model.layers, data.info.input_shape)
        initialize_weights(model, spec.model.init)
        option = OPTIMIZER_TABLE[spec.optimizer.kind]
        optimizer = torch_class(option.torch_class)(
            model.parameters(), **optimizer_arguments(spec.optimizer)
        )
        loss_fn = build_loss(spec.loss)
        targets = loss_targets(spec.loss, data.y_train)
        loader = DataLoader(
            TensorDataset(data.x_train, targets), batch_size=spec.training.batch_size, shuffle=True
        )
        steps = 0
        started = time.perf_counter()
        for _ in range(spec.training.epochs):
            model.train()
            for inputs, labels in loader:
                optimizer.zero_grad()
                loss = loss_fn(model(inputs), labels)
                loss.backward()
                optimizer.step()
                loss.item()
                steps += 1
            if data.x_val.shape[0]:
                model.eval()
                with torch.no_grad():
                    loss_fn(model(data.x_val), loss_targets(spec.loss, data.y_val)).item()
        return steps / (time.perf_counter() - started)
    finally:
        torch.set_num_threads(saved)
