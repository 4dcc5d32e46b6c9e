"""What a snapshot measures inside the model: parameter statistics, evaluation, plots.

The engine calls these only when a snapshot is due, never on the hot path.
Everything returned is copied into numpy arrays or floats (see
:mod:`playground.core.training.snapshot`), so the caller may keep it while training
continues.

Kept whole: parameter statistics, the decision grid and the fitted curve share the
same copying and batching rules, and each is small.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from playground.core.data.base import CurveInfo, PlaneInfo, Task
from playground.core.errors import ProblemError
from playground.core.layers.names import parameter_label
from playground.core.problems import Problem
from playground.core.training.losses import class_probabilities, loss_targets, predicted_classes
from playground.core.training.snapshot import DecisionGrid, FittedCurve, Histogram, ParameterStats

HISTOGRAM_BINS = 30
MATRIX_LIMIT = 64 * 64  # parameters up to this size carry their full matrix
HISTOGRAM_SAMPLE = 65_536  # larger tensors are histogrammed on an even subsample
GRID_SIZE = 64
CURVE_POINTS = 200
EVAL_CHUNK = 8192
NEURON_LIMIT = 64  # dense layers up to this width get activation thumbnails
NEURON_LAYERS = 8


# What a snapshot built without histograms carries in their place (no bins at all).
NO_HISTOGRAM = Histogram(counts=np.zeros(0, dtype=np.int64), edges=np.zeros(1))


def _histogram(values: np.ndarray) -> Histogram:
    """Counts over HISTOGRAM_BINS equal bins spanning the finite values (numpy's rule for a
    constant: a unit-wide range around it). A bincount, several times cheaper than
    np.histogram's general path for the few hundred values of a playground layer."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        edges = np.linspace(-1.0, 1.0, HISTOGRAM_BINS + 1)
        return Histogram(np.zeros(HISTOGRAM_BINS, dtype=np.int64), edges)
    low, high = float(finite.min()), float(finite.max())
    if low == high:
        low, high = low - 0.5, high + 0.5
    with np.errstate(all="ignore"):
        edges = np.linspace(low, high, HISTOGRAM_BINS + 1)
        span = high - low
        if not (math.isfinite(span) and span > 0.0):  # too large to split (a diverging run)
            counts = np.zeros(HISTOGRAM_BINS, dtype=np.int64)
            counts[HISTOGRAM_BINS // 2] = finite.size
            return Histogram(counts=counts, edges=edges)
        scaled = (finite - low) * (HISTOGRAM_BINS / span)
    bins = np.clip(scaled.astype(np.int64), 0, HISTOGRAM_BINS - 1)
    counts = np.bincount(bins, minlength=HISTOGRAM_BINS).astype(np.int64)
    return Histogram(counts=counts, edges=edges)


@dataclass(frozen=True)
class _Summary:
    mean: float
    std: float
    min: float
    max: float
    norm: float
    histogram: Histogram
    matrix: np.ndarray | None


def _summarize(tensor: torch.Tensor, histograms: bool = True) -> _Summary:
    """Statistics of one tensor. Small ones are copied once and measured with numpy
    (measured ~4× faster than torch's per-call overhead for tensors this size);
    large ones are reduced on their device and histogrammed on an even subsample.
    Without ``histograms`` the histogram is empty and no matrix is copied."""
    data = tensor.detach()
    if data.numel() <= HISTOGRAM_SAMPLE:
        array = data.cpu().to(torch.float64).numpy()
        flat = array.reshape(-1)
        with np.errstate(invalid="ignore", over="ignore"):
            mean, std, low, high, norm = (
                float(flat.mean()),
                float(flat.std(ddof=1)) if flat.size > 1 else 0.0,
                float(flat.min()),
                float(flat.max()),
                float(np.sqrt(np.dot(flat, flat))),
            )
        if not histograms:
            return _Summary(mean, std, low, high, norm, NO_HISTOGRAM, None)
        matrix = None
        if flat.size <= MATRIX_LIMIT:
            rows = array.shape[0] if array.ndim >= 2 else 1
            matrix = flat.reshape(rows, -1).copy()
        return _Summary(mean, std, low, high, norm, _histogram(flat), matrix)
    values = torch.stack(
        [data.mean(), data.std(), data.min(), data.max(), torch.linalg.vector_norm(data)]
    ).tolist()
    mean, std, low, high, norm = values
    if not histograms:
        return _Summary(mean, std, low, high, norm, NO_HISTOGRAM, None)
    sample = data.reshape(-1)[:: math.ceil(data.numel() / HISTOGRAM_SAMPLE)]
    histogram = _histogram(sample.cpu().to(torch.float64).numpy())
    return _Summary(mean, std, low, high, norm, histogram, None)


def update_ratios(
    names: list[str], parameters: list[nn.Parameter], before: list[torch.Tensor]
) -> dict[str, float]:
    """|new − old| / |old| per parameter for the step just taken (one device sync)."""
    ratios = torch.stack(
        [
            torch.linalg.vector_norm(p.detach() - old) / torch.linalg.vector_norm(old)
            for p, old in zip(parameters, before, strict=True)
        ]
    ).tolist()
    return dict(zip(names, ratios, strict=True))


def parameter_stats(
    model: nn.Module,
    update_ratios: Mapping[str, float],
    grad_norms: Mapping[str, float] | None = None,
    layer_kinds: Sequence[str] = (),
    *,
    histograms: bool = True,
) -> tuple[ParameterStats, ...]:
    """Summary, histograms and (for small ones) full matrices of every named parameter.

    ``grad_norms`` (read before clipping) take the place of norms measured from
    ``.grad`` now; ``layer_kinds`` give each parameter its readable label.
    Without ``histograms`` only the summary is built (histograms empty, no matrices).
    """
    result: list[ParameterStats] = []
    recorded = grad_norms or {}
    for name, parameter in model.named_parameters():
        values = _summarize(parameter, histograms)
        grads = None if parameter.grad is None else _summarize(parameter.grad, histograms)
        grad_norm = math.nan if grads is None else grads.norm
        result.append(
            ParameterStats(
                name=name,
                layer_index=int(name.split(".", 1)[0]),
                shape=tuple(parameter.shape),
                mean=values.mean,
                std=values.std,
                min=values.min,
                max=values.max,
                values=values.histogram,
                grad_norm=recorded.get(name, grad_norm),
                grads=None if grads is None else grads.histogram,
                update_ratio=update_ratios.get(name, math.nan),
                matrix=values.matrix,
                grad_matrix=None if grads is None else grads.matrix,
                label=parameter_label(name, layer_kinds),
            )
        )
    return tuple(result)


# A model's outputs computed without its modules; it passes each watched layer's output
# (by layer index) to its watcher.
FastForward = Callable[[torch.Tensor, Mapping[int, Callable[[torch.Tensor], None]]], torch.Tensor]


@dataclass(frozen=True)
class Evaluation:
    """Loss (and accuracy for classification) of the model on a set, in eval mode."""

    loss: float
    accuracy: float | None
    dead_units: dict[int, float]
    # The predicted class of every sample (classification, when asked for); a CPU copy.
    predicted: np.ndarray | None = None


def evaluate(
    model: nn.Sequential,
    inputs: torch.Tensor,
    targets: torch.Tensor,
    loss_fn: nn.Module,
    loss: str,
    task: Task,
    *,
    watch_relus: bool = False,
    keep_predictions: bool = False,
    forward: FastForward | None = None,
) -> Evaluation:
    """Mean loss and accuracy over a whole set in chunks, with no gradient.

    With ``watch_relus``, every ReLU's output is watched to record which units stay
    at 0 for every sample; ``dead_units`` maps the ReLU's layer index to that share.
    With ``keep_predictions`` (classification) the predicted classes come back
    too, from the same forward pass, for the confusion matrix. ``forward``: the
    hand-written pass's ``predict``, the model's very outputs computed faster; it
    calls the watchers itself (else forward hooks on the modules do).
    """
    count = inputs.shape[0]
    if count == 0:
        return Evaluation(math.nan, None, {})
    peaks: dict[int, torch.Tensor] = {}
    watched = {
        index: _peak_recorder(index, peaks)
        for index, module in enumerate(model)
        if watch_relus and isinstance(module, nn.ReLU)
    }
    handles = [
        model[index].register_forward_hook(lambda module, args, out, record=record: record(out))
        for index, record in watched.items()
        if forward is None
    ]
    was_training = model.training
    model.eval()
    # Float64 sums on the host: MPS has no float64, and there are only a few chunks.
    total = 0.0
    correct = torch.zeros((), dtype=torch.int64, device=inputs.device)
    keep = keep_predictions and task == "classification"
    chunks: list[torch.Tensor] = []
    try:
        with torch.inference_mode():
            for start in range(0, count, EVAL_CHUNK):
                xb = inputs[start : start + EVAL_CHUNK]
                yb = targets[start : start + EVAL_CHUNK]
                outputs = model(xb) if forward is None else forward(xb, watched)
                total += float(loss_fn(outputs, loss_targets(loss, yb))) * xb.shape[0]
                if task == "classification":
                    classes = predicted_classes(outputs, loss)
                    correct += (classes == yb).sum()
                    if keep:
                        chunks.append(classes)
    finally:
        for handle in handles:
            handle.remove()
        model.train(was_training)
    mean_loss = total / count
    accuracy = float(correct.item()) / count if task == "classification" else None
    dead = {index: float((peak <= 0).float().mean().item()) for index, peak in peaks.items()}
    predicted = torch.cat(chunks).to("cpu").numpy().copy() if keep else None
    return Evaluation(mean_loss, accuracy, dead, predicted)


def _peak_recorder(index: int, peaks: dict[int, torch.Tensor]) -> Callable[[torch.Tensor], None]:
    def record(output: torch.Tensor) -> None:
        peak = output.reshape(output.shape[0], -1).amax(dim=0)
        previous = peaks.get(index)
        peaks[index] = peak if previous is None else torch.maximum(previous, peak)

    return record


def _dense_only(model: nn.Sequential) -> bool:
    linear = [m for m in model if isinstance(m, nn.Linear)]
    if not linear or len(linear) > NEURON_LAYERS:
        return False
    if any(m.out_features > NEURON_LIMIT for m in linear):
        return False
    return not any(isinstance(m, nn.Conv2d | nn.Flatten) for m in model)


def _is_activation(module: nn.Module) -> bool:
    kinds = (nn.ReLU, nn.LeakyReLU, nn.ELU, nn.GELU, nn.SiLU, nn.Tanh, nn.Sigmoid, nn.Softplus)
    return isinstance(module, kinds)


def decision_grid(
    model: nn.Sequential,
    plane: PlaneInfo,
    loss: str,
    task: Task,
    device: torch.device,
    *,
    neurons: bool = True,
) -> DecisionGrid:
    """The model's answer over the input plane in ONE batched forward pass.

    For small dense networks (and unless ``neurons`` is off) the same pass
    records every Linear layer's activations (after its activation function
    when one follows) for the network diagram's neuron thumbnails.
    """
    x1_min, x1_max, x2_min, x2_max = plane.extent
    xs = torch.linspace(x1_min, x1_max, GRID_SIZE)
    ys = torch.linspace(x2_min, x2_max, GRID_SIZE)
    rows, cols = torch.meshgrid(ys, xs, indexing="ij")
    points = torch.stack([cols.reshape(-1), rows.reshape(-1)], dim=1)
    inputs = plane.expand(points).to(device=device, dtype=torch.float32)
    keep_neurons = neurons and _dense_only(model)
    activations: list[np.ndarray] = []
    modules = list(model)
    was_training = model.training
    model.eval()
    try:
        with torch.inference_mode():
            out = inputs
            for index, module in enumerate(modules):
                out = module(out)
                if not keep_neurons:
                    continue
                follows = index + 1 < len(modules) and _is_activation(modules[index + 1])
                if (isinstance(module, nn.Linear) and not follows) or (
                    _is_activation(module)
                    and index > 0
                    and isinstance(modules[index - 1], nn.Linear)
                ):
                    grid = out.T.reshape(-1, GRID_SIZE, GRID_SIZE)
                    activations.append(grid.cpu().to(torch.float32).numpy().copy())
    finally:
        model.train(was_training)
    if task == "classification":
        probabilities = class_probabilities(out, loss)
        classes = probabilities.argmax(dim=1)
        values = probabilities[:, 1] if probabilities.shape[1] == 2 else classes.to(torch.float32)
        class_grid = classes.reshape(GRID_SIZE, GRID_SIZE).to("cpu").numpy().copy()
    else:
        values = out[:, 0]
        class_grid = None
    value_grid = values.reshape(GRID_SIZE, GRID_SIZE).cpu().to(torch.float32).numpy().copy()
    return DecisionGrid(
        extent=plane.extent, values=value_grid, classes=class_grid, neurons=tuple(activations)
    )


def fitted_curve(model: nn.Sequential, curve: CurveInfo, device: torch.device) -> FittedCurve:
    """The prediction along the single input (first target), for 1-D regression."""
    low, high = curve.x_range
    xs = torch.linspace(low, high, CURVE_POINTS).reshape(-1, 1)
    was_training = model.training
    model.eval()
    try:
        with torch.inference_mode():
            ys = model(xs.to(device))
    finally:
        model.train(was_training)
    return FittedCurve(
        x=xs.reshape(-1).numpy().astype(np.float64),
        y=ys[:, 0].cpu().to(torch.float64).numpy().copy(),
    )


def weight_at(model: nn.Module, name: str, index: tuple[int, ...]) -> nn.Parameter:
    """The parameter ``name`` after checking ``index`` lies inside it (a ProblemError if not)."""
    parameters = dict(model.named_parameters())
    if name not in parameters:
        known = tuple(parameters)
        raise ProblemError(Problem("training.no_parameter", {"name": name, "known": known}))
    parameter = parameters[name]
    shape = tuple(parameter.shape)
    inside = len(index) == len(shape) and all(
        0 <= i < size for i, size in zip(index, shape, strict=True)
    )
    if not inside:
        raise ProblemError(
            Problem("training.position_outside", {"name": name, "index": index, "shape": shape})
        )
    return parameter
