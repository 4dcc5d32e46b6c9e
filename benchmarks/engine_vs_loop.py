"""The headless engine against a plain DataLoader loop, like for like, side by side.

For each configuration (spiral b10, digits b32, digits b200 and the digits-cnn
preset) it runs the engine headless (as ``playground train -q``) and the
tutorial loop of :mod:`setups` in alternating pairs, twice:

* with the same thread setting on both sides (the loop on the engine's own
  choice: one intra-op thread for these small models) — the goal, engine ≥ 1.3×;
* with both on torch's default thread count (the engine told to use it too).

It also prints, without a goal, the engine with snapshots at the app's rate
against the same loop, and the engine on one thread against the engine on
torch's default count per configuration: the measurement behind the
single-thread rule (dense and convolution layers alike).

    .venv/bin/python benchmarks/engine_vs_loop.py [--quick] [--pairs N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import torch

from benchmarks.pairs import Ratio, compare, load_average
from benchmarks.setups import Setup, engine_steps_per_second, loop_steps_per_second, setup
from playground.core.training.engine import Engine
from playground.core.training.torch_threads import threads_for

GOAL = 1.3


def configurations(quick: bool) -> list[Setup]:
    """The issue's four configurations; ``quick`` trains each for one or two epochs."""
    scale = 1 if quick else 0
    return [
        setup("spiral b10", "spiral", 10, 2 if scale else 30),
        setup("digits b32", "digits", 32, 1 if scale else 10),
        setup("digits b200", "digits", 200, 2 if scale else 40),
        setup("digits-cnn", "digits-cnn", 32, 1 if scale else 3),
    ]


def measure(config: Setup, pairs: int) -> list[Ratio]:
    """The goal and information lines of one configuration."""
    chosen = threads_for(Engine(config.experiment, config.dataset).model)
    default = torch.get_num_threads()
    name = config.name
    return [
        compare(
            f"{name}: engine ÷ loop, both on {chosen} thread(s)",
            lambda: engine_steps_per_second(config),
            lambda: loop_steps_per_second(config, chosen),
            pairs=pairs, unit="steps/s", goal=GOAL,
        ),
        compare(
            f"{name}: engine ÷ loop, both on torch's default {default} thread(s)",
            lambda: engine_steps_per_second(config, threads=default),
            lambda: loop_steps_per_second(config, default),
            pairs=pairs, unit="steps/s", goal=GOAL,
        ),
        compare(
            f"{name}: engine with snapshots at 30/s ÷ loop, {chosen} thread(s)",
            lambda: engine_steps_per_second(config, snapshots=True),
            lambda: loop_steps_per_second(config, chosen),
            pairs=pairs, unit="steps/s",
        ),
        compare(
            f"{name}: engine on 1 thread ÷ on {default}",
            lambda: engine_steps_per_second(config, threads=1),
            lambda: engine_steps_per_second(config, threads=default),
            pairs=pairs, unit="steps/s",
        ),
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny runs: only checks it works")
    parser.add_argument("--pairs", type=int, default=None, help="alternating pairs (default 5)")
    args = parser.parse_args(argv)
    pairs = args.pairs or (1 if args.quick else 5)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} intra-op threads by default")
    print(f"load average before: {load_average()}")
    configs = configurations(args.quick)
    # First-call costs (imports, oneDNN's kernels for each convolution shape) are paid
    # outside the measurement, on both sides and for every configuration: otherwise the
    # side that runs first in a configuration's first pair pays them alone.
    for warm in configurations(True):
        engine_steps_per_second(warm)
        loop_steps_per_second(warm, 1)
    for config in configs:
        for ratio in measure(config, pairs):
            print(ratio.line(), flush=True)
    print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
