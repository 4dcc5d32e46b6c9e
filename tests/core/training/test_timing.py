"""Timing one training step per device: a real measurement on the CPU, reasons elsewhere."""

from __future__ import annotations

import torch

from playground.core.spec.presets import load_preset
from playground.core.training.timing import time_on_every_device, time_step


def test_cpu_step_takes_a_positive_time_and_leaves_weights_alone() -> None:
    experiment = load_preset("course-linear-regression")
    seconds = time_step(experiment, "cpu", steps=3)
    assert 0.0 < seconds < 10.0


def test_every_device_is_listed_with_a_time_or_a_reason() -> None:
    timings = time_on_every_device(load_preset("xor"), steps=2)
    cpu = next(t for t in timings if t.device == "cpu")
    assert cpu.seconds is not None and cpu.seconds > 0
    for timing in timings:
        assert (timing.seconds is None) == bool(timing.reason)
    if not torch.cuda.is_available():
        cuda = next(t for t in timings if t.device == "cuda")
        assert cuda.seconds is None and cuda.reason
