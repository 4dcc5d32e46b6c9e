"""Digits MLP: time to 95 % validation accuracy, the engine against scikit-learn's MLPClassifier.

Both sides train a 64-64-10 network (one hidden layer of 64 ReLU units) with
Adam at the same learning rate on the same train/validation split of the
digits preset, at batch 32 and 200, and stop at the first epoch whose
validation accuracy reaches 95 %. Pair k of the timed pairs trains from training
seed k on both sides (initial weights and batch order; the split stays), so the
ratio is over seeds, not one seed's draw: the epochs each side needs vary from
seed to seed by more than the speed difference. scikit-learn trains one epoch per
``partial_fit`` and is scored after each (the engine validates every epoch
too); its L2 penalty is off, as in the engine. The ratio is scikit-learn's
time over the engine's (goal ≥ 1: the engine is at least as fast). A second
line per batch size, without a goal, compares epochs per second over a fixed
number of epochs: how much of the difference is speed, and how much the
number of epochs each needs to reach the target, and a third the epochs each
needs per training seed.

Like for like on the start: scikit-learn draws every weight and bias uniformly
within ±√(6 / (fan_in + fan_out)) (Glorot's range for ReLU), so the engine starts
from ``xavier_uniform`` by default (the same range for the weights, biases at
zero); ``--init pytorch`` measures the preset's own start instead. The first
line printed says which start each side uses.

Like for like on threads: the engine trains these small networks on one intra-op
thread, so scikit-learn's BLAS gets one thread too. (On its default pool, its
idle BLAS threads also kept spinning into the engine's next timing on a 2-core
machine, doubling it.) Each side runs once before the pairs, so no first-call
costs land in one side's timing.

    .venv/bin/python benchmarks/vs_sklearn.py [--quick] [--pairs N] [--init INIT]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
import torch
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier
from threadpoolctl import threadpool_limits

from benchmarks.pairs import compare, load_average
from benchmarks.setups import Setup, setup
from playground.core.spec.experiment import INITS
from playground.core.spec.options import INIT_TABLE
from playground.core.training.engine import Callback, Engine

TARGET = 0.95
MAX_EPOCHS = 200
#: The engine's start closest to MLPClassifier's own (Glorot uniform).
DEFAULT_INIT = "xavier_uniform"
SKLEARN_INIT = "Glorot uniform, weights and biases within ±√(6 / (fan_in + fan_out))"


class StopAtAccuracy(Callback):
    """Stops the run after the first epoch whose validation accuracy reaches ``target``."""

    def __init__(self, target: float) -> None:
        self.target = target

    def on_epoch_end(self, engine: Engine, epoch: int) -> None:
        accuracy = engine.history.epochs[-1].val_accuracy
        if accuracy is not None and accuracy >= self.target:
            engine.stop()


def engine_rate(config: Setup, target: float) -> float:
    """1 / seconds the engine takes to reach ``target`` (0 when it never does)."""
    engine = Engine(config.experiment, config.dataset, callbacks=[StopAtAccuracy(target)])
    started = time.perf_counter()
    engine.run()
    seconds = time.perf_counter() - started
    reached = engine.history.epochs and (engine.history.epochs[-1].val_accuracy or 0) >= target
    return 1.0 / seconds if reached else 0.0


def sklearn_rate(config: Setup, target: float) -> float:
    """1 / seconds scikit-learn's MLPClassifier takes to reach ``target`` (0 when it never does).

    ``target`` above 1 is never reached: every epoch of the setup is trained.
    """
    seconds, epochs = sklearn_run(config, target)
    if epochs is not None:
        return 1.0 / seconds
    return 0.0 if target <= 1 else config.experiment.training.epochs / seconds


def sklearn_run(config: Setup, target: float) -> tuple[float, int | None]:
    """Seconds scikit-learn trains, and the epoch that reached ``target`` (None: none did)."""
    data = config.dataset
    x_train, y_train = data.x_train.numpy().astype(np.float64), data.y_train.numpy()
    x_val, y_val = data.x_val.numpy().astype(np.float64), data.y_val.numpy()
    spec = config.experiment
    model = MLPClassifier(
        hidden_layer_sizes=(64,),
        solver="adam",
        alpha=0.0,
        batch_size=spec.training.batch_size,
        learning_rate_init=spec.optimizer.lr,
        random_state=spec.training.seed,
    )
    classes = np.unique(y_train)
    with threadpool_limits(limits=1, user_api="blas"), warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        started = time.perf_counter()
        for epoch in range(1, spec.training.epochs + 1):
            model.partial_fit(x_train, y_train, classes=classes)
            if model.score(x_val, y_val) >= target:
                return time.perf_counter() - started, epoch
        return time.perf_counter() - started, None


def engine_epochs_to(config: Setup, target: float) -> int | None:
    """The epoch whose validation accuracy first reached ``target`` (None: none did)."""
    engine = Engine(config.experiment, config.dataset, callbacks=[StopAtAccuracy(target)])
    engine.run()
    last = engine.history.epochs[-1] if engine.history.epochs else None
    return last.epoch if last is not None and (last.val_accuracy or 0) >= target else None


def with_seed(config: Setup, seed: int) -> Setup:
    """``config`` trained from training seed ``seed`` (same data split)."""
    training = config.experiment.training.model_copy(update={"seed": seed})
    return Setup(config.name, config.experiment.model_copy(update={"training": training}),
                 config.dataset)  # fmt: skip


def seed_after_seed(run: Callable[[Setup, float], float], config: Setup, target: float
                    ) -> Callable[[], float]:  # fmt: skip
    """``run`` from training seed 0 on the first call, 1 on the second, and so on."""
    seeds = itertools.count()
    return lambda: run(with_seed(config, next(seeds)), target)


def with_init(config: Setup, init: str) -> Setup:
    """``config`` with the engine's weights starting as ``init`` says."""
    model = config.experiment.model.model_copy(update={"init": init})
    return Setup(config.name, config.experiment.model_copy(update={"model": model}),
                 config.dataset)  # fmt: skip


def engine_epochs_per_second(config: Setup) -> float:
    """Epochs per second of the engine over every epoch of ``config`` (validated each)."""
    engine = Engine(config.experiment, config.dataset)
    started = time.perf_counter()
    engine.run()
    return engine.epoch / (time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a low target: only checks it works")
    parser.add_argument("--pairs", type=int, default=None, help="alternating pairs (default 5)")
    parser.add_argument("--init", choices=INITS, default=DEFAULT_INIT,
                        help=f"how the engine's weights start (default {DEFAULT_INIT})")  # fmt: skip
    args = parser.parse_args(argv)
    pairs = args.pairs or (1 if args.quick else 5)
    seed_pairs = args.pairs or (1 if args.quick else 8)  # one seed per pair
    target = 0.5 if args.quick else TARGET
    print(f"torch {torch.__version__}; target validation accuracy {target:.0%}")
    print(f"initial weights: engine {args.init} ({INIT_TABLE[args.init].title}), "
          f"scikit-learn {SKLEARN_INIT}")  # fmt: skip
    print(f"load average before: {load_average()}")
    for batch in (32, 200):
        config = with_init(setup(f"digits b{batch}", "digits", batch, MAX_EPOCHS), args.init)
        engine_rate(config, target)  # first-call costs paid outside the measurement
        sklearn_rate(config, target)
        ratio = compare(
            f"digits MLP b{batch}: time to {target:.0%} validation accuracy over training seeds "
            f"0–{seed_pairs - 1}, scikit-learn ÷ engine",
            seed_after_seed(engine_rate, config, target),
            seed_after_seed(sklearn_rate, config, target),
            pairs=seed_pairs,
            unit="runs/s",
            goal=1.0,
        )
        print(ratio.line(), flush=True)
        fixed = with_init(setup(f"digits b{batch}", "digits", batch, 2 if args.quick else 10),
                          args.init)  # fmt: skip
        per_epoch = compare(
            f"digits MLP b{batch}: epochs/s over {fixed.experiment.training.epochs} epochs, "
            "engine ÷ scikit-learn",
            lambda fixed=fixed: engine_epochs_per_second(fixed),
            lambda fixed=fixed: sklearn_rate(fixed, target=2.0),
            pairs=pairs,
            unit="epochs/s",
        )
        print(per_epoch.line(), flush=True)
        seeds = range(2 if args.quick else 8)
        ours = [engine_epochs_to(with_seed(config, seed), target) for seed in seeds]
        theirs = [sklearn_run(with_seed(config, seed), target)[1] for seed in seeds]
        print(f"digits MLP b{batch}: epochs to {target:.0%} for training seeds 0–{seeds[-1]}: "
              f"engine {ours}, scikit-learn {theirs}", flush=True)  # fmt: skip
    print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
