"""Generated data sets, derived inputs, the train/validation split and standardisation.

This module exists on its own so that an exported training script can rebuild
exactly the app's data without the app: the exporter copies this file's source
verbatim into the script. Hence it imports only ``math`` and ``torch``, keeps no
state but its functions, draws every random number from a ``torch.Generator``
passed in (never numpy's or torch's global generator), and needs no
``from __future__`` import (which must stay first in a file).

The six two-input sets follow TensorFlow Playground's generators (``dataset.ts``):
their ``noise`` argument uses its scale, 0 to 0.5 (the 0-50 % slider).
Class labels are 0 and 1 (TensorFlow Playground uses -1 and +1).
"""

import math

import torch
from torch import Tensor


def _uniform(n: int, low: float, high: float, gen: torch.Generator) -> Tensor:
    """``n`` float32 numbers drawn uniformly from [low, high)."""
    return low + (high - low) * torch.rand(n, generator=gen, dtype=torch.float32)


def _normal(n: int, gen: torch.Generator) -> Tensor:
    """``n`` float32 standard normal numbers."""
    return torch.randn(n, generator=gen, dtype=torch.float32)


def _stack(x1: Tensor, x2: Tensor) -> Tensor:
    return torch.stack([x1, x2], dim=1)


def make_circle(n: int, noise: float, gen: torch.Generator) -> tuple[Tensor, Tensor]:
    """Class 1 inside radius 2.5, class 0 in the ring from 3.5 to 5 (labels from noisy points)."""
    radius = 5.0
    parts_x: list[Tensor] = []
    parts_y: list[Tensor] = []
    for count, (r_low, r_high) in (
        (n // 2, (0.0, radius * 0.5)),
        (n - n // 2, (radius * 0.7, radius)),
    ):
        r = _uniform(count, r_low, r_high, gen)
        angle = _uniform(count, 0.0, 2.0 * math.pi, gen)
        x1 = r * torch.sin(angle)
        x2 = r * torch.cos(angle)
        noise_x1 = _uniform(count, -radius, radius, gen) * noise
        noise_x2 = _uniform(count, -radius, radius, gen) * noise
        inside = torch.hypot(x1 + noise_x1, x2 + noise_x2) < radius * 0.5
        parts_x.append(_stack(x1, x2))
        parts_y.append(inside.to(torch.int64))
    return torch.cat(parts_x), torch.cat(parts_y)


def make_xor(n: int, noise: float, gen: torch.Generator) -> tuple[Tensor, Tensor]:
    """Points in [-5.3, 5.3]² kept 0.3 away from the axes; class 1 where x1·x2 ≥ 0."""
    padding = 0.3
    x1 = _uniform(n, -5.0, 5.0, gen)
    x1 = x1 + torch.where(x1 > 0, padding, -padding)
    x2 = _uniform(n, -5.0, 5.0, gen)
    x2 = x2 + torch.where(x2 > 0, padding, -padding)
    noise_x1 = _uniform(n, -5.0, 5.0, gen) * noise
    noise_x2 = _uniform(n, -5.0, 5.0, gen) * noise
    same_sign = (x1 + noise_x1) * (x2 + noise_x2) >= 0
    return _stack(x1, x2), same_sign.to(torch.int64)


def make_gaussian(n: int, noise: float, gen: torch.Generator) -> tuple[Tensor, Tensor]:
    """Two round clouds: class 1 around (2, 2), class 0 around (-2, -2); noise widens them."""
    variance = 0.5 + 7.0 * noise  # TF Playground maps noise 0..0.5 to variance 0.5..4
    spread = math.sqrt(variance)
    parts_x: list[Tensor] = []
    parts_y: list[Tensor] = []
    for count, centre, label in ((n // 2, 2.0, 1), (n - n // 2, -2.0, 0)):
        x1 = centre + spread * _normal(count, gen)
        x2 = centre + spread * _normal(count, gen)
        parts_x.append(_stack(x1, x2))
        parts_y.append(torch.full((count,), label, dtype=torch.int64))
    return torch.cat(parts_x), torch.cat(parts_y)


def make_spiral(n: int, noise: float, gen: torch.Generator) -> tuple[Tensor, Tensor]:
    """Two interleaved spiral arms of radius 5 turning 1.75 times; class 0 and class 1."""
    parts_x: list[Tensor] = []
    parts_y: list[Tensor] = []
    for count, delta, label in ((n // 2, 0.0, 0), (n - n // 2, math.pi, 1)):
        steps = torch.arange(count, dtype=torch.float32) / max(count, 1)
        r = steps * 5.0
        t = 1.75 * steps * 2.0 * math.pi + delta
        x1 = r * torch.sin(t) + _uniform(count, -1.0, 1.0, gen) * noise
        x2 = r * torch.cos(t) + _uniform(count, -1.0, 1.0, gen) * noise
        parts_x.append(_stack(x1, x2))
        parts_y.append(torch.full((count,), label, dtype=torch.int64))
    return torch.cat(parts_x), torch.cat(parts_y)


def make_plane(n: int, noise: float, gen: torch.Generator) -> tuple[Tensor, Tensor]:
    """Points in [-6, 6]² with target (x1 + x2) / 10, computed from noisy points; (N, 1)."""
    radius = 6.0
    x1 = _uniform(n, -radius, radius, gen)
    x2 = _uniform(n, -radius, radius, gen)
    noise_x1 = _uniform(n, -radius, radius, gen) * noise
    noise_x2 = _uniform(n, -radius, radius, gen) * noise
    target = ((x1 + noise_x1) + (x2 + noise_x2)) / 10.0
    return _stack(x1, x2), target.unsqueeze(1)


def make_multi_gaussian(n: int, noise: float, gen: torch.Generator) -> tuple[Tensor, Tensor]:
    """Points in [-6, 6]²; the target is the strongest of six signed bumps (±1 at their centres)."""
    radius = 6.0
    x1 = _uniform(n, -radius, radius, gen)
    x2 = _uniform(n, -radius, radius, gen)
    noise_x1 = _uniform(n, -radius, radius, gen) * noise
    noise_x2 = _uniform(n, -radius, radius, gen) * noise
    px = x1 + noise_x1
    py = x2 + noise_x2
    bumps = (
        (-4.0, 2.5, 1.0),
        (0.0, 2.5, -1.0),
        (4.0, 2.5, 1.0),
        (-4.0, -2.5, -1.0),
        (0.0, -2.5, 1.0),
        (4.0, -2.5, -1.0),
    )
    target = torch.zeros(n, dtype=torch.float32)
    for cx, cy, sign in bumps:
        # Height falls linearly from 1 at the centre to 0 at distance 2.
        value = sign * torch.clamp(1.0 - torch.hypot(px - cx, py - cy) / 2.0, 0.0, 1.0)
        target = torch.where(value.abs() > target.abs(), value, target)
    return _stack(x1, x2), target.unsqueeze(1)


def make_linear(n: int, noise: float, gen: torch.Generator) -> tuple[Tensor, Tensor]:
    """x uniform in [-5, 5], target y = 2x plus Gaussian noise of std 2·noise; both (N, 1)."""
    x = _uniform(n, -5.0, 5.0, gen)
    y = 2.0 * x + 2.0 * noise * _normal(n, gen)
    return x.unsqueeze(1), y.unsqueeze(1)


def make_identity(n: int, noise: float, gen: torch.Generator) -> tuple[Tensor, Tensor]:
    """Points in [-1, 1]² whose targets are the points themselves (plus noise of std 0.2·noise)."""
    x = _stack(_uniform(n, -1.0, 1.0, gen), _uniform(n, -1.0, 1.0, gen))
    y = x + 0.2 * noise * torch.randn(n, 2, generator=gen, dtype=torch.float32)
    return x, y


def make_random_regression(n: int, noise: float, gen: torch.Generator) -> tuple[Tensor, Tensor]:
    """Standard normal inputs (N, 2) and a random linear target (N, 1) with noise of std ``noise``."""
    x = torch.randn(n, 2, generator=gen, dtype=torch.float32)
    weight = torch.randn(2, 1, generator=gen, dtype=torch.float32)
    bias = torch.randn(1, generator=gen, dtype=torch.float32)
    y = x @ weight + bias + noise * torch.randn(n, 1, generator=gen, dtype=torch.float32)
    return x, y


#: The course's own data: the exact points its PyTorch examples use, so the app's numbers
#: agree with the code students run. ``course-line``: x = 1…5, y = 2x; ``course-identity``:
#: (1, 2)…(5, 6), y = x; ``course-randn``: ``randn(N, 2)`` then ``randn(N, 1)``;
#: ``course-randint``: ``randint(1, 5, (N, 1))`` for x then y, as floats. The fixed sets
#: ignore the sample count; noise is not added to any of them.


def make_course_set(name: str, n: int, gen: torch.Generator) -> tuple[Tensor, Tensor]:
    """The named course set as (inputs, targets), float32, in the course's order."""
    if name == "course-line":
        x = torch.arange(1.0, 6.0).reshape(-1, 1)
        return x, 2.0 * x
    if name == "course-identity":
        x = torch.tensor([[1.0, 2.0], [2.0, 3.0], [3.0, 4.0], [4.0, 5.0], [5.0, 6.0]])
        return x, x.clone()
    if name == "course-randn":
        x = torch.randn(n, 2, generator=gen)
        return x, torch.randn(n, 1, generator=gen)
    if name == "course-randint":
        x = torch.randint(1, 5, (n, 1), generator=gen).to(torch.float32)
        return x, torch.randint(1, 5, (n, 1), generator=gen).to(torch.float32)
    raise ValueError(f"'{name}' is not a course data set")


def make_synthetic(name: str, n: int, noise: float, gen: torch.Generator) -> tuple[Tensor, Tensor]:
    """Generate the named set; ``noise`` is the app's 0..1 scale (0..50 % in TF Playground terms)."""
    makers = {
        "circle": make_circle,
        "xor": make_xor,
        "gaussian": make_gaussian,
        "spiral": make_spiral,
        "plane": make_plane,
        "multi-gaussian": make_multi_gaussian,
        "linear": make_linear,
        "identity": make_identity,
        "random-regression": make_random_regression,
    }
    if name.startswith("course-"):
        return make_course_set(name, n, gen)
    if name not in makers:
        raise ValueError(f"'{name}' is not a generated data set")
    tf_playground_sets = ("circle", "xor", "gaussian", "spiral", "plane", "multi-gaussian")
    scale = 0.5 if name in tf_playground_sets else 1.0
    return makers[name](n, noise * scale, gen)


def add_derived_features(x: Tensor, names: list[str]) -> Tensor:
    """Append the named features of (x1, x2) after the two raw columns of ``x`` (N, 2)."""
    x1 = x[:, 0]
    x2 = x[:, 1]
    formulas = {
        "x1^2": lambda: x1 * x1,
        "x2^2": lambda: x2 * x2,
        "x1*x2": lambda: x1 * x2,
        "sin(x1)": lambda: torch.sin(x1),
        "sin(x2)": lambda: torch.sin(x2),
    }
    columns = [x]
    for name in names:
        if name not in formulas:
            raise ValueError(f"'{name}' is not a derived input")
        columns.append(formulas[name]().unsqueeze(1))
    return torch.cat(columns, dim=1)


def split(
    x: Tensor, y: Tensor, validation_fraction: float, gen: torch.Generator
) -> tuple[Tensor, Tensor, Tensor, Tensor]:
    """Shuffle and hold out ``round(N · validation_fraction)`` samples; at least one stays for training."""
    n = x.shape[0]
    n_val = min(round(n * validation_fraction), n - 1)
    if n_val == 0:
        return x, y, x[:0], y[:0]  # nothing held out: every point trains, in its own order
    order = torch.randperm(n, generator=gen)
    val_idx = order[:n_val]
    train_idx = order[n_val:]
    return x[train_idx], y[train_idx], x[val_idx], y[val_idx]


def standardize(x_train: Tensor, x_val: Tensor) -> tuple[Tensor, Tensor, Tensor, Tensor]:
    """Scale every column to mean 0, std 1 using the training split's statistics only.

    Returns (x_train, x_val, mean, std); a constant column keeps std 1 so it is
    shifted, not divided by zero.
    """
    mean = x_train.mean(dim=0)
    std = x_train.std(dim=0) if x_train.shape[0] > 1 else torch.ones_like(mean)
    std = torch.where(std > 1e-12, std, torch.ones_like(std))
    return (x_train - mean) / std, (x_val - mean) / std, mean, std


def build_synthetic(
    name: str,
    samples: int,
    noise: float,
    derived_features: list[str],
    validation_fraction: float,
    seed: int,
) -> tuple[Tensor, Tensor, Tensor, Tensor, Tensor, Tensor]:
    """Generate, split and expand a set exactly as the app does.

    Returns (x_train, y_train, x_val, y_val, raw_train, raw_val): the ``x`` tensors
    include derived features; ``raw_*`` are the generated inputs before them.
    One generator seeded with ``seed`` makes the points, then the split.
    """
    gen = torch.Generator().manual_seed(seed)
    x, y = make_synthetic(name, samples, noise, gen)
    raw_train, y_train, raw_val, y_val = split(x, y, validation_fraction, gen)
    if derived_features:
        x_train = add_derived_features(raw_train, derived_features)
        x_val = add_derived_features(raw_val, derived_features)
    else:
        x_train, x_val = raw_train, raw_val
    return x_train, y_train, x_val, y_val, raw_train, raw_val
