"""Every benchmark in one run, then every goal line together.

Each benchmark script in this folder exposes ``main(argv) -> int``; this runs
those present (a checkout may lack some), passes ``--quick`` on when given
(a short run for the test suite that only checks everything still works), and
ends with the lines that state a goal, so one run shows where the app stands.

    .venv/bin/python benchmarks/run_all.py [--quick]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import inspect
import io
import os
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

# In the order they run: the headless ones first, while the machine is freshest.
BENCHMARKS = (
    "engine_vs_loop",
    "vs_sklearn",
    "memory",
    "tfp_reference",
    "gui_live",
    "gui_levers",
)


class Tee(io.TextIOBase):
    """Writes to the terminal and keeps a copy, so the goal lines can be repeated at the end."""

    def __init__(self, stream: io.TextIOBase) -> None:
        self.stream = stream
        self.copy = io.StringIO()

    def write(self, text: str) -> int:
        self.stream.write(text)
        self.stream.flush()
        return self.copy.write(text)


def run_one(name: str, quick: bool) -> int:
    """Import benchmark ``name`` and run its ``main``; its exit code."""
    entry = importlib.import_module(name).main
    argv = ["--quick"] if quick else []
    if inspect.signature(entry).parameters:
        return int(entry(argv) or 0)
    # An older script whose main() reads sys.argv and has no quick mode.
    if quick:
        print(f"{name}: skipped (its main() takes no arguments, so it has no --quick mode)")
        return 0
    saved, sys.argv = sys.argv, [name]
    try:
        return int(entry() or 0)
    finally:
        sys.argv = saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="short runs that only check it works")
    args = parser.parse_args(argv)
    present = [name for name in BENCHMARKS if (HERE / f"{name}.py").exists()]
    missing = [name for name in BENCHMARKS if name not in present]
    failed: list[str] = []
    tee = Tee(sys.stdout)  # type: ignore[arg-type]
    for name in present:
        print(f"\n== {name} ==", flush=True)
        started = time.perf_counter()
        try:
            with contextlib.redirect_stdout(tee):
                code = run_one(name, args.quick)
        except Exception:  # one broken benchmark must not hide the others' results
            traceback.print_exc()
            code = 1
        if code:
            failed.append(name)
        print(f"({name}: {time.perf_counter() - started:.0f} s)", flush=True)
    print("\n== goals ==")
    goals = [line for line in tee.copy.getvalue().splitlines() if "goal" in line]
    for line in goals:
        print(line)
    if missing:
        print(f"not in this checkout: {', '.join(missing)}")
    if args.quick:
        print(
            "(--quick: runs too short to mean anything; they only check that each benchmark works)"
        )
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
