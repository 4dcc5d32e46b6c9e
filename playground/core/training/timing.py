"""Time the same training step on every device: what ``.to(device)`` buys, measured.

The lesson on tensors and devices shows one number per device: the median time
of one optimizer step of the current experiment (forward, loss, backward, step),
after a warm-up, with the device synchronised around each step so the time is
the device's work and not just the queueing of it.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

from playground.core.data import load_dataset
from playground.core.spec.experiment import Experiment
from playground.core.training.builders import build_checked_model, build_optimizer
from playground.core.training.devices import list_devices, resolve_device, synchronize
from playground.core.training.losses import build_loss, loss_targets

WARM_UP_STEPS = 3
TIMED_STEPS = 15


@dataclass(frozen=True)
class DeviceTiming:
    """One device: the median seconds per step, or why it was not timed."""

    device: str
    label: str
    seconds: float | None
    reason: str = ""


def time_step(experiment: Experiment, device_name: str, steps: int = TIMED_STEPS) -> float:
    """Median seconds of one training step of ``experiment`` on ``device_name``."""
    device = resolve_device(device_name)
    dataset = load_dataset(experiment.data)
    model = build_checked_model(experiment, dataset, device)
    loss_fn = build_loss(experiment.loss).to(device)
    optimizer = build_optimizer(
        experiment.optimizer, [p for p in model.parameters() if p.requires_grad]
    )
    batch = min(experiment.training.batch_size, dataset.x_train.shape[0])
    inputs = dataset.x_train[:batch].to(device)
    targets = loss_targets(experiment.loss, dataset.y_train[:batch].to(device))
    times: list[float] = []
    for index in range(WARM_UP_STEPS + max(1, steps)):
        synchronize(device)
        started = time.perf_counter()
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(inputs), targets)
        loss.backward()  # type: ignore[no-untyped-call]
        optimizer.step()
        synchronize(device)
        if index >= WARM_UP_STEPS:
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def time_on_every_device(experiment: Experiment, steps: int = TIMED_STEPS) -> list[DeviceTiming]:
    """:func:`time_step` on each device this computer has; absent ones say why."""
    results = []
    for option in list_devices():
        if not option.available:
            results.append(DeviceTiming(option.name, option.label, None, option.reason))
            continue
        seconds = time_step(experiment, option.name, steps)
        results.append(DeviceTiming(option.name, option.label, seconds))
    return results
