"""How much memory training an experiment needs, and whether this computer has it.

A stack of a few hundred wide Linear layers is a valid spec, yet torch would
fail half-way into allocating it (or the system would kill the app). The
estimate here counts, before anything is allocated, what training keeps:
weights, gradients, optimizer state and the engine's copy of the starting
weights, plus the activations of one batch (forward and backward) and of an
evaluation pass. ``playground check``, the editor and the engine refuse what
does not fit in a sentence that names the numbers.

The same counts bound how large a ``.playground`` file's saved weights may be
(:func:`weights_bytes_bound`), so a weights "zip bomb" is refused before it is
inflated.
"""

from __future__ import annotations

import itertools
import math
import os
from dataclasses import dataclass
from pathlib import Path

import torch

from playground.core.data.base import DataError, DataInfo
from playground.core.data.catalog import describe_builtin
from playground.core.layers.catalog import Shape
from playground.core.layers.model import ModelError, build_model, summarize
from playground.core.problems import PlainValue, Problem
from playground.core.spec.experiment import BuiltinData, Experiment

FLOAT_BYTES = 4  # training runs in float32
#: Saved weights may be float64 (8 bytes each); the safetensors header needs some room too.
SAVED_FLOAT_BYTES = 8
HEADER_SLACK_BYTES = 64 * 1024
HEADER_BYTES_PER_TENSOR = 512
#: Training may use at most this share of the memory that is free when it starts.
USABLE_SHARE = 0.8
#: Training samples (at most) that one snapshot evaluates at once (see snapshot_maker).
EVALUATION_SAMPLES = 4096

_OPTIMIZER_SLOTS = {"adam": 2, "adamw": 2, "adagrad": 1, "rmsprop": 1, "sgd": 0}


@dataclass(frozen=True)
class MemoryEstimate:
    """Bytes that training an experiment keeps allocated, by what they hold."""

    parameters: int
    parameter_bytes: int  # weights, gradients, optimizer state, the starting-weights copy
    activation_bytes: int  # one training batch (forward and backward) and one evaluation pass
    batch_size: int

    @property
    def total_bytes(self) -> int:
        return self.parameter_bytes + self.activation_bytes


def _optimizer_slots(experiment: Experiment) -> int:
    optimizer = experiment.optimizer
    slots = _OPTIMIZER_SLOTS.get(optimizer.kind, 2)
    if optimizer.kind in ("sgd", "rmsprop") and optimizer.momentum > 0:
        slots += 1
    return slots


def estimate_memory(experiment: Experiment, input_shape: Shape) -> MemoryEstimate | None:
    """What training needs, or None when the layer stack has a shape problem (told elsewhere)."""
    summary = summarize(experiment.model.layers, input_shape)
    if summary.error is not None:
        return None
    parameters = summary.total_parameters
    # weights + gradients + the copy of the starting weights + optimizer state
    parameter_bytes = parameters * FLOAT_BYTES * (3 + _optimizer_slots(experiment))
    sizes = [math.prod(input_shape)]
    sizes.extend(math.prod(row.output_shape) for row in summary.layers if row.output_shape)
    per_sample = sum(sizes)
    widest_pair = max((a + b for a, b in itertools.pairwise(sizes)), default=sizes[0])
    batch = experiment.training.batch_size
    samples = EVALUATION_SAMPLES
    if isinstance(experiment.data, BuiltinData):
        samples = min(samples, experiment.data.samples)
    # Training saves every layer's output and its gradient; evaluation holds two layers at once.
    activation_bytes = FLOAT_BYTES * (2 * batch * per_sample + samples * widest_pair)
    return MemoryEstimate(parameters, parameter_bytes, activation_bytes, batch)


def available_memory_bytes() -> int | None:
    """Memory the system could give this process now, or None when it cannot tell.

    ``MemAvailable`` from /proc/meminfo on Linux (it counts reclaimable caches);
    otherwise the free physical pages from ``os.sysconf``.
    """
    try:
        with Path("/proc/meminfo").open(encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        pages = os.sysconf("SC_AVPHYS_PAGES")
        page_size = os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None
    if pages <= 0 or page_size <= 0:
        return None
    return int(pages) * int(page_size)


def memory_problem(
    experiment: Experiment, info: DataInfo, available: int | None = None
) -> Problem | None:
    """The problem when training this experiment would not fit in memory, else None.

    ``available`` is the memory to compare against (bytes); by default what the
    system reports as available now. When it cannot tell, nothing is refused.
    """
    estimate = estimate_memory(experiment, info.input_shape)
    if estimate is None:
        return None
    limit = available if available is not None else available_memory_bytes()
    if limit is None:
        return None
    usable = int(limit * USABLE_SHARE)
    if estimate.total_bytes <= usable:
        return None
    values: dict[str, PlainValue] = {
        "total": estimate.total_bytes,
        "parameter_count": estimate.parameters,
        "parameter_bytes": estimate.parameter_bytes,
        "batch_size": estimate.batch_size,
        "activation_bytes": estimate.activation_bytes,
        "usable": usable,
    }
    return Problem("model.too_large_for_memory", values, section="model", field="model.layers")


def _input_shape(experiment: Experiment) -> Shape | None:
    data = experiment.data
    if isinstance(data, BuiltinData):
        try:
            return describe_builtin(data).input_shape
        except DataError:
            return None
    return (len(data.features),)


def weights_bytes_bound(experiment: Experiment) -> int:
    """The most bytes a safetensors file of this experiment's weights can need.

    Counts the model's weights and buffers (built on the meta device, so nothing
    is allocated) at 8 bytes each, plus room for the header. A model that does
    not build has no weights to load: only the layers that do build count.
    """
    shape = _input_shape(experiment)
    tensors = 0
    elements = 0
    if shape is not None:
        try:
            with torch.device("meta"):
                model = build_model(experiment.model.layers, shape)
            state = model.state_dict()
            tensors = len(state)
            elements = sum(t.numel() for t in state.values())
        except ModelError:
            summary = summarize(experiment.model.layers, shape)
            tensors = 4 * len(summary.layers)
            elements = 2 * summary.total_parameters  # BatchNorm buffers as many again, at most
    return SAVED_FLOAT_BYTES * elements + HEADER_SLACK_BYTES + HEADER_BYTES_PER_TENSOR * tensors


def is_allocation_failure(error: BaseException) -> bool:
    """Whether torch (or Python) failed to allocate memory: out of host or device memory."""
    if isinstance(error, MemoryError | torch.OutOfMemoryError):
        return True
    if isinstance(error, RuntimeError):
        text = str(error).lower()
        return "out of memory" in text or "can't allocate" in text or "not enough memory" in text
    return False
