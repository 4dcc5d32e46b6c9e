"""The app with every plot live against TensorFlow Playground, against our headless engine,
its event-loop latency while training, and its cold start.

On TensorFlow Playground's spiral configuration (2 inputs, 8-8 tanh, SGD 0.03, batch
10, 250 training and 250 test points; our network ends in two softmax outputs with
cross-entropy where the Playground's ends in one tanh output with square error), it
measures side by side, in alternating pairs:

* epochs/s of the whole app as people run it (the main window at 1280×800, offscreen,
  with the training tab's loss, accuracy and decision plots, the network diagram with
  its neuron pictures and the status bar live; the run in the app's warm training
  process, which is started while the window is up and not timed) against the Playground's per-frame work (one epoch, train and
  test loss, a 100×100 boundary grid; see tfp_reference.py): goal ≥ 1.5;
* the same app against our engine alone on the same experiment (headless): goal ≥ 0.9;
* the 99th percentile of how late a 5 ms timer is served while the app trains: goal ≤ 20 ms;
* the wall time from launching a process to the app's window serving events, against a
  process that only imports torch and PySide6: goal ≤ 1.3 (the time until each process
  has ended, exit included, is printed too).

    .venv/bin/python benchmarks/gui_live.py [--epochs N] [--pairs N] [--quick] [--cold-only]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The benchmark's windows must not touch the user's settings, autosave or run history.
_SCRATCH = tempfile.mkdtemp(prefix="playground-bench-")
os.environ.setdefault("PLAYGROUND_SETTINGS_DIR", str(Path(_SCRATCH) / "settings"))
os.environ.setdefault("PLAYGROUND_DATA_DIR", str(Path(_SCRATCH) / "data"))
# The app's own run path: training in its warm child process (whatever the caller's setting).
os.environ["PLAYGROUND_TRAINING"] = "process"
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from pairs import Ratio, load_average  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from tfp_reference import measure as reference_rates  # noqa: E402

from playground.core.spec.experiment import (  # noqa: E402
    BuiltinData,
    Experiment,
    LayerSpec,
    ModelSpec,
    OptimizerSpec,
    TrainingSpec,
)
from playground.core.training.engine import Engine  # noqa: E402
from playground.core.training.remote.proxy import RemoteEngine  # noqa: E402

PROBE_MS = 5
ENDED = ("finished", "stopped", "diverged", "failed")


def tfp_experiment(epochs: int) -> Experiment:
    """TensorFlow Playground's spiral configuration in this app's terms."""
    linear = [LayerSpec(kind="Linear", params={"out_features": n}) for n in (8, 8, 2)]
    return Experiment(
        name="TensorFlow Playground spiral",
        data=BuiltinData(name="spiral", samples=500, noise=0.0, validation_fraction=0.5),
        model=ModelSpec(
            layers=[linear[0], LayerSpec(kind="Tanh"), linear[1], LayerSpec(kind="Tanh"), linear[2]]
        ),
        loss="cross-entropy",
        optimizer=OptimizerSpec(kind="sgd", lr=0.03),
        training=TrainingSpec(epochs=epochs, batch_size=10, device="cpu"),
    )


def headless(epochs: int) -> float:
    """Epochs/s of the engine alone, with a snapshot callback that keeps nothing."""
    engine = Engine(tfp_experiment(epochs))
    start = time.perf_counter()
    final = engine.run(on_snapshot=lambda _snapshot: None)
    return final.epoch / (time.perf_counter() - start)


def app_live(app: QApplication, epochs: int, delays: list[float]) -> float:
    """Epochs/s of a run in the main window; appends the event loop's delays (ms) to ``delays``."""
    from playground.gui.shell.gui_collector import GuiThreadCollector
    from playground.gui.shell.main_window import MainWindow
    from playground.gui.shell.settings import AppSettings

    collector = GuiThreadCollector(app)  # garbage collected as the app does, in this thread
    collector.start()
    window = MainWindow(AppSettings())
    window.remember_on_close = False
    window.resize(1280, 800)
    window.load_experiment(tfp_experiment(epochs))
    window.show()
    for _ in range(5):  # the first layout and paint of a new window are one-offs
        app.processEvents()
    wait_for_training_process(app, window)
    last = [time.perf_counter()]

    def probe() -> None:
        now = time.perf_counter()
        delays.append(max(0.0, (now - last[0]) * 1000 - PROBE_MS))
        last[0] = now

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(PROBE_MS)
    timer.timeout.connect(probe)
    ended: list[float] = []
    in_child: list[bool] = []

    def on_state(state: str) -> None:
        engine = window.run.engine
        if state in ENDED and not ended and engine is not None:
            ended.extend((time.perf_counter(), engine.epoch))
            in_child.append(isinstance(engine, RemoteEngine))
            app.quit()

    window.run.state_changed.connect(on_state)
    start = last[0] = time.perf_counter()
    timer.start()
    window.play_pause()
    app.exec()
    timer.stop()
    stopped, done = ended or (time.perf_counter(), 0.0)
    if in_child != [True]:
        raise SystemExit("the run did not train in the app's training process")
    window.run.shutdown(10)
    window.hide()
    window.deleteLater()
    app.processEvents()
    collector.stop()
    return done / (stopped - start)


def wait_for_training_process(app: QApplication, window: object, timeout: float = 120.0) -> None:
    """Serve events until the window's warm training child is ready, as it is by the time
    someone presses Train (its start-up runs while the window is up)."""
    from playground.gui.shell.main_window import MainWindow

    assert isinstance(window, MainWindow)
    deadline = time.monotonic() + timeout
    while not window.run.processes.pool.has_warm_child():
        if time.monotonic() > deadline:
            raise SystemExit("the app's training process did not start")
        app.processEvents()
        time.sleep(0.02)


# Each cold process prints the wall-clock time at which it is ready: the app, started as a
# user starts it (``playground --preset spiral``), once its event loop serves the first queued
# call after show() (``--quit-when-ready``: the window is usable), the imports once they are
# done. The launching side compares that with the time it started the process.
COLD_APP = ["-m", "playground", "--preset", "spiral", "--quit-when-ready"]
COLD_IMPORTS = [
    "-c",
    "import time; import torch; from PySide6 import QtWidgets; print('ready', time.time())",
]


def cold_seconds(arguments: list[str], until_exit: list[float] | None = None) -> float:
    """Seconds from launching a fresh interpreter with ``arguments`` until it says it is ready
    (import caches warm, as after a launch); appends the time until it ended to ``until_exit``."""
    # Bytecode caches as a user has them from the second launch on (an install compiles
    # them, or the first run writes them): a shell that sets PYTHONDONTWRITEBYTECODE would
    # otherwise make every launch compile the app's modules from source, but not torch's.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    launched = time.time()
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *arguments], check=True, capture_output=True, text=True, timeout=300,
        env=env,
    )  # fmt: skip
    if until_exit is not None:
        until_exit.append(time.perf_counter() - start)
    for line in reversed(done.stdout.splitlines()):
        if line.startswith("ready "):
            return float(line.split()[1]) - launched
        if line.startswith("{") and '"ready_time"' in line:
            return float(json.loads(line)["ready_time"]) - launched
    raise SystemExit(f"the process never said it was ready:\n{done.stdout}{done.stderr}")


def ratio(name: str, a: list[float], b: list[float], unit: str, goal: float | None) -> Ratio:
    """Ratio of medians with the min–max of the per-pair ratios (pairs.compare's rule)."""
    return Ratio.of(name, a, b, unit, goal)


def alternate(sides: list[Callable[[], float]], pairs: int) -> list[list[float]]:
    """Run every side once per round, in forward then reverse order, ``pairs`` rounds."""
    results: list[list[float]] = [[] for _ in sides]
    for index in range(max(1, pairs)):
        order = range(len(sides)) if index % 2 == 0 else reversed(range(len(sides)))
        for side in order:
            results[side].append(sides[side]())
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=300, help="epochs per run (default 300)")
    parser.add_argument("--pairs", type=int, default=5, help="alternating rounds (default 5)")
    parser.add_argument(
        "--quick", action="store_true", help="a short run that only checks it works"
    )
    parser.add_argument(
        "--cold-only", action="store_true", help="measure only the cold start (no training)"
    )
    args = parser.parse_args(argv)
    epochs, pairs, seconds = (20, 1, 0.3) if args.quick else (args.epochs, args.pairs, 2.0)
    if args.cold_only:
        print_cold_start(pairs)
        return 0
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    headless(2)  # warm up torch and the data generator outside the timings
    delays: list[float] = []
    reference_used: list[str] = []

    def reference() -> float:
        rates = reference_rates(seconds)
        reference_used.append(rates.reference)
        return rates.frame_epochs_per_s

    live, alone, tfp = alternate(
        [lambda: app_live(app, epochs, delays), lambda: headless(epochs), reference], pairs
    )
    print(f"load average: {load_average()}")
    print(f"reference: TensorFlow Playground's arithmetic in {reference_used[-1]}")
    print(ratio("app, GUI live ÷ TFP frame", live, tfp, "epochs/s", 1.5).line())
    print(ratio("app, GUI live ÷ headless engine", live, alone, "epochs/s", 0.9).line())
    p99 = float(np.percentile(delays, 99)) if delays else float("nan")
    verdict = "met" if p99 <= 20 else "NOT met"
    print(
        f"event-loop delay p99 while training: {p99:.1f} ms (median {statistics.median(delays or [0]):.1f} ms, "
        f"{len(delays)} probes)  goal ≤ 20 ms: {verdict}"
    )
    print_cold_start(pairs)
    return 0


def print_cold_start(pairs: int) -> None:
    """The cold start against the bare imports, ``pairs`` alternating rounds."""
    app_exits: list[float] = []
    import_exits: list[float] = []
    cold_seconds(COLD_APP)  # a first launch writes the caches a user's later launches read
    cold_seconds(COLD_IMPORTS)
    cold_app, cold_imports = alternate(
        [
            lambda: cold_seconds(COLD_APP, app_exits),
            lambda: cold_seconds(COLD_IMPORTS, import_exits),
        ],
        pairs,
    )
    print(f"cold start, load average: {load_average()}")
    start = ratio("cold start, app ÷ torch + PySide6 imports", cold_app, cold_imports, "s", None)
    verdict = "met" if start.median <= 1.3 else "NOT met"
    print(f"{start.line()}  goal ≤ 1.3: {verdict}")
    whole = ratio("launch to exit, app ÷ imports", app_exits, import_exits, "s", None)
    print(whole.line())


if __name__ == "__main__":
    sys.exit(main())
