"""The hand-written pass (fast_dense) against autograd, in the headless engine.

For plain layer stacks it trains the same experiment with the engine as it
is (the fast path applies) and with the fast path turned off (autograd, as for
any other model), in alternating pairs, and prints the ratio of steps per
second. The configurations are the spiral preset at batch 10, TensorFlow
Playground's spiral network (2-8-8-1 tanh, SGD 0.03, batch 10, one output with
binary cross-entropy), the digits MLP at batch 32 and the digits-cnn preset
(two convolutions with max pooling) at batch 32.

    .venv/bin/python benchmarks/fast_path.py [--quick] [--pairs N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from unittest import mock

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.pairs import compare, load_average
from benchmarks.setups import Setup, engine_steps_per_second, setup
from playground.core.spec.experiment import LayerSpec, ModelSpec, OptimizerSpec
from playground.core.training import run_setup as engine_module


def tfp_spiral(epochs: int) -> Setup:
    """TensorFlow Playground's spiral configuration on the spiral preset's data."""
    base = setup("TFP spiral 2-8-8-1 b10", "spiral", 10, epochs)
    layers = [
        LayerSpec(kind="Linear", params={"out_features": 8}),
        LayerSpec(kind="Tanh"),
        LayerSpec(kind="Linear", params={"out_features": 8}),
        LayerSpec(kind="Tanh"),
        LayerSpec(kind="Linear", params={"out_features": 1}),
    ]
    experiment = base.experiment.model_copy(
        update={
            "model": ModelSpec(layers=layers),
            "loss": "bce-with-logits",
            "optimizer": OptimizerSpec(kind="sgd", lr=0.03),
        }
    )
    return Setup(base.name, experiment, base.dataset)


def autograd_steps_per_second(config: Setup) -> float:
    """The engine with the fast path refused, so every batch goes through autograd."""
    with mock.patch.object(engine_module, "plan_dense_stack", return_value=None):
        return engine_steps_per_second(config)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny runs: only checks it works")
    parser.add_argument("--pairs", type=int, default=None, help="alternating pairs (default 5)")
    args = parser.parse_args(argv)
    pairs = args.pairs or (1 if args.quick else 5)
    print(f"load average before: {load_average()}")
    configs = [
        setup("spiral preset b10", "spiral", 10, 2 if args.quick else 30),
        tfp_spiral(2 if args.quick else 30),
        setup("digits b32", "digits", 32, 1 if args.quick else 10),
        setup("digits-cnn b32", "digits-cnn", 32, 1 if args.quick else 3),
    ]
    for config in configs:
        engine_steps_per_second(config)  # first-call costs outside the measurement
        autograd_steps_per_second(config)
        ratio = compare(
            f"{config.name}: hand-written pass ÷ autograd",
            lambda config=config: engine_steps_per_second(config),
            lambda config=config: autograd_steps_per_second(config),
            pairs=pairs,
            unit="steps/s",
        )
        print(ratio.line(), flush=True)
    print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
