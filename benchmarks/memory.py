"""Memory over a long run: the RSS growth of a 1,000,000-step spiral run stays under 50 MB.

Trains the spiral preset at batch 10 with snapshots at the app's rate (into a
callback that keeps only the latest, as the window does) for one million steps
(``--quick``: 5,000), reading the process's resident set size after a warm-up
and after every fifth of the run. The goal line is the 50 MB allowance over the
growth (≥ 1: met); its min–max are the same ratio for each fifth's growth
projected over the whole run, so a steady leak shows in every segment.

    .venv/bin/python benchmarks/memory.py [--quick] [--steps N]
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.pairs import Ratio, load_average
from benchmarks.setups import setup
from playground.core.training.engine import Callback, Engine
from playground.core.training.snapshot import Snapshot
from playground.core.training.step_limit import with_epochs_for_steps

ALLOWANCE_MB = 50.0
SEGMENTS = 5
WARM_UP_STEPS = 1_000


def rss_mb() -> float:
    """The resident set size now (Linux), else the peak so far (other systems)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
        return pages * resource.getpagesize() / 2**20
    except OSError:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (2**20 if sys.platform == "darwin" else 2**10)


class Readings(Callback):
    """RSS after the warm-up and at the end of every segment; stops at the last step."""

    def __init__(self, steps: int) -> None:
        self.marks = {WARM_UP_STEPS + i * (steps // SEGMENTS) for i in range(SEGMENTS + 1)}
        self.last = max(self.marks)
        self.values: list[float] = []

    def on_batch_end(self, engine: Engine, step: int, loss: object) -> None:
        if step in self.marks:
            self.values.append(rss_mb())
        if step >= self.last:
            engine.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 steps: only checks it works")
    parser.add_argument("--steps", type=int, default=None, help="steps after the warm-up")
    args = parser.parse_args(argv)
    steps = args.steps or (5_000 if args.quick else 1_000_000)
    config = setup("spiral b10", "spiral", 10, 1)
    samples = config.dataset.x_train.shape[0]
    experiment = with_epochs_for_steps(config.experiment, samples, steps + WARM_UP_STEPS)
    readings = Readings(steps)
    engine = Engine(experiment, config.dataset, callbacks=[readings])
    latest: list[Snapshot] = []

    def keep_latest(snapshot: Snapshot) -> None:
        latest[:] = [snapshot]

    print(f"load average before: {load_average()}")
    started = time.perf_counter()
    engine.run(on_snapshot=keep_latest)
    seconds = time.perf_counter() - started
    values = readings.values
    growth = max(values[-1] - values[0], 1e-3)
    steps_growth = [b - a for a, b in itertools.pairwise(values)]
    segments = [max(g, 1e-3) for g in steps_growth]
    ratio = Ratio(
        name=f"RSS growth over {engine.step - WARM_UP_STEPS:,} steps: {ALLOWANCE_MB:g} MB ÷ growth",
        median=ALLOWANCE_MB / growth,
        low=min(ALLOWANCE_MB / (s * SEGMENTS) for s in segments),
        high=max(ALLOWANCE_MB / (s * SEGMENTS) for s in segments),
        a_median=ALLOWANCE_MB,
        b_median=values[-1] - values[0],
        unit="MB",
        goal=1.0,
    )
    print(ratio.line())
    print(f"RSS {values[0]:.1f} → {values[-1]:.1f} MB in {seconds:.1f} s; per segment (MB):",
          ", ".join(f"{g:+.2f}" for g in steps_growth))  # fmt: skip
    print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
