"""TensorFlow Playground's speed on its spiral configuration: the reference for gui_live.py.

Runs ``tfp_reference.mjs`` (a port of the Playground's nn.ts/dataset.ts arithmetic)
with node when node is installed; otherwise a numpy port of the same arithmetic
below, and the output says which one ran. Both report epochs per second for
training only and for the Playground's whole per-frame work (one epoch, train
and test loss, a 100×100 decision-boundary grid).

    .venv/bin/python benchmarks/tfp_reference.py [--seconds S]
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SCRIPT = Path(__file__).with_name("tfp_reference.mjs")
SHAPE = (2, 8, 8, 1)
LEARNING_RATE = 0.03
BATCH = 10
POINTS = 500  # half for training, half for the test loss
DENSITY = 100


@dataclass(frozen=True)
class ReferenceRates:
    """Epochs per second of the reference, and what computed them."""

    reference: str  # "node v20…" or "numpy (node not found)"
    train_epochs_per_s: float
    frame_epochs_per_s: float


class NumpyPlayground:
    """The Playground's network in numpy: tanh everywhere, square error, labels ±1.

    The Playground adds up per-sample derivatives and applies their mean every
    ``BATCH`` samples; summing the batch's derivatives in one matrix product is
    the same arithmetic in a different order of additions.
    """

    def __init__(self, seed: int = 1) -> None:
        rng = np.random.default_rng(seed)
        self.weights = [
            rng.random((n_in, n_out)) - 0.5 for n_in, n_out in itertools.pairwise(SHAPE)
        ]
        self.biases = [np.full(n_out, 0.1) for n_out in SHAPE[1:]]
        half = POINTS // 2
        points, labels = [], []
        for delta, label in ((0.0, 1.0), (np.pi, -1.0)):
            i = np.arange(half)
            r = i / half * 5
            t = 1.75 * i / half * 2 * np.pi + delta
            points.append(np.stack([r * np.sin(t), r * np.cos(t)], axis=1))
            labels.append(np.full(half, label))
        order = rng.permutation(POINTS)
        x, y = np.concatenate(points)[order], np.concatenate(labels)[order]
        self.train = (x[:half], y[:half])
        self.test = (x[half:], y[half:])
        axis = np.linspace(-6, 6, DENSITY)
        gx, gy = np.meshgrid(axis, axis[::-1], indexing="ij")
        self.grid = np.stack([gx.ravel(), gy.ravel()], axis=1)

    def forward(self, x: np.ndarray) -> list[np.ndarray]:
        outputs = [x]
        for w, b in zip(self.weights, self.biases, strict=True):
            outputs.append(np.tanh(outputs[-1] @ w + b))
        return outputs

    def epoch(self) -> None:
        x, y = self.train
        for start in range(0, len(x), BATCH):
            outputs = self.forward(x[start : start + BATCH])
            count = len(outputs[0])
            delta = (outputs[-1][:, 0] - y[start : start + BATCH])[:, None]
            for layer in range(len(self.weights) - 1, -1, -1):
                delta = delta * (1 - outputs[layer + 1] ** 2)
                grad_w = outputs[layer].T @ delta
                grad_b = delta.sum(axis=0)
                if layer:
                    delta = delta @ self.weights[layer].T
                self.weights[layer] -= LEARNING_RATE / count * grad_w
                self.biases[layer] -= LEARNING_RATE / count * grad_b

    def loss(self, part: tuple[np.ndarray, np.ndarray]) -> float:
        x, y = part
        return float(np.mean(0.5 * (self.forward(x)[-1][:, 0] - y) ** 2))

    def frame(self) -> None:
        self.epoch()
        self.loss(self.train)
        self.loss(self.test)
        self.forward(self.grid)  # every node's output over the grid is kept


def _numpy_rate(work: str, seconds: float) -> float:
    playground = NumpyPlayground()
    step = playground.epoch if work == "train" else playground.frame
    step()
    epochs, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        step()
        epochs += 1
    return epochs / elapsed


def measure(seconds: float = 2.0) -> ReferenceRates:
    """The reference's epochs per second, with node when present, else with numpy."""
    node = shutil.which("node")
    if node is not None:
        try:
            done = subprocess.run(
                [node, str(SCRIPT), "--seconds", str(seconds), "--json"],
                capture_output=True,
                text=True,
                timeout=60 + 4 * seconds,
                check=True,
            )
            result = json.loads(done.stdout.strip().splitlines()[-1])
            return ReferenceRates(
                reference=str(result["reference"]),
                train_epochs_per_s=float(result["train_epochs_per_s"]),
                frame_epochs_per_s=float(result["frame_epochs_per_s"]),
            )
        except (OSError, subprocess.SubprocessError, ValueError, KeyError, IndexError) as error:
            print(f"node could not run the reference ({error}); using the numpy port")
    return ReferenceRates(
        reference="numpy port (node not found)" if node is None else "numpy port (node failed)",
        train_epochs_per_s=_numpy_rate("train", seconds / 2),
        frame_epochs_per_s=_numpy_rate("frame", seconds / 2),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="seconds per measurement")
    parser.add_argument(
        "--quick", action="store_true", help="a short run that only checks it works"
    )
    args = parser.parse_args(argv)
    rates = measure(0.3 if args.quick else args.seconds)
    print(f"reference: TensorFlow Playground's arithmetic in {rates.reference}")
    print(f"reference training only:   {rates.train_epochs_per_s:10.1f} epochs/s")
    print(f"reference whole frames:    {rates.frame_epochs_per_s:10.1f} epochs/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
