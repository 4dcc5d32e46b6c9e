"""Training speed with every plot live, against the headless engine, and GUI responsiveness.

Runs offscreen. For the same experiment it measures, side by side and
alternating to share any drift of the machine:

* steps per second of ``Engine.run`` alone in the main thread (headless), and
* steps per second with the app's wiring: the engine in a ``TrainingController``
  thread, snapshots into a shown 900×700 ``PlotArea`` whose timer redraws every
  plot on every tab (or only the visible tab with ``--visible-tab-only``, as the
  app does) at the rate its frame pacer allows (25 Hz at most);

and prints their ratio (goal ≥ 0.90) and the redraw rate reached. During the
GUI runs a 5 ms precise timer records how late the event loop serves it; the
99th percentile of that delay is printed (goal ≤ 20 ms).

    .venv/bin/python benchmarks/gui_throughput.py [--epochs N] [--repeats N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from playground.core.spec.experiment import (
    BuiltinData,
    Experiment,
    LayerSpec,
    ModelSpec,
    TrainingSpec,
)
from playground.core.training.engine import Engine
from playground.gui.plots.plot_area import PlotArea
from playground.gui.training.worker import TrainingController

PROBE_MS = 5


def experiment(epochs: int) -> Experiment:
    """Spiral data and a 2-16-16-2 tanh network: the playground's typical first run."""
    layers = [
        LayerSpec(kind="Linear", params={"out_features": 16}),
        LayerSpec(kind="Tanh"),
        LayerSpec(kind="Linear", params={"out_features": 16}),
        LayerSpec(kind="Tanh"),
        LayerSpec(kind="Linear", params={"out_features": 2}),
    ]
    return Experiment(
        data=BuiltinData(name="spiral", samples=1000, noise=0.1),
        model=ModelSpec(layers=layers),
        training=TrainingSpec(epochs=epochs, batch_size=32, device="cpu"),
    )


def headless(epochs: int) -> float:
    """Steps per second of the engine alone, with a snapshot callback that keeps nothing."""
    engine = Engine(experiment(epochs))
    start = time.perf_counter()
    final = engine.run(on_snapshot=lambda _snapshot: None)
    return final.step / (time.perf_counter() - start)


def with_gui(
    app: QApplication, epochs: int, all_tabs: bool = True
) -> tuple[float, list[float], int, float, float, float]:
    """Steps/s with every plot live, event-loop delays (ms), plots redrawn, frames/s, costs.

    The costs are the GUI thread's CPU time and the views' painting time per
    frame (ms): the interpreter lock makes every millisecond of either one
    taken from training.
    """
    engine = Engine(experiment(epochs))
    area = PlotArea()
    area.resize(900, 700)
    area.set_dataset(engine.dataset)
    area.show()
    # Lay out and paint once before timing: the first paint of a new window is a one-off.
    for _ in range(3):
        app.processEvents()
    # Worst case: redraw the plots of every tab, not only the visible one.
    area.redraw_hidden_tabs = all_tabs
    controller = TrainingController()
    controller.snapshot.connect(area.add_snapshot)
    final_steps: list[int] = []
    controller.snapshot.connect(lambda snapshot: final_steps.append(snapshot.step))

    delays: list[float] = []
    last = [time.perf_counter()]

    def probe() -> None:
        now = time.perf_counter()
        delays.append(max(0.0, (now - last[0]) * 1000 - PROBE_MS))
        last[0] = now

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(PROBE_MS)
    timer.timeout.connect(probe)
    controller.finished.connect(app.quit)
    start = time.perf_counter()
    last[0] = start
    timer.start()
    cpu_start = time.thread_time()
    paint_start = sum(view.paint_seconds for view in area._views)
    controller.start(engine)
    app.exec()
    elapsed = time.perf_counter() - start
    frames = max(area.frame_count, 1)
    cpu_ms = 1000 * (time.thread_time() - cpu_start) / frames
    paint_ms = 1000 * (sum(view.paint_seconds for view in area._views) - paint_start) / frames
    timer.stop()
    area.timer.stop()
    area.close()
    area.deleteLater()
    rate = area.frame_count / elapsed
    return final_steps[-1] / elapsed, delays, area.redraw_count, rate, cpu_ms, paint_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=60, help="epochs per run (default 60)")
    parser.add_argument("--repeats", type=int, default=3, help="pairs of runs (default 3)")
    parser.add_argument(
        "--visible-tab-only",
        action="store_true",
        help="redraw only the visible tab, as the app does (default: every tab, the worst case)",
    )
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    headless(2)  # warm up torch and the data generator once, outside the timings
    alone: list[float] = []
    live: list[float] = []
    delays: list[float] = []
    redraws = 0
    rates: list[float] = []
    cpu: list[float] = []
    paint: list[float] = []
    for _ in range(args.repeats):
        alone.append(headless(args.epochs))
        speed, run_delays, run_redraws, rate, run_cpu, run_paint = with_gui(
            app, args.epochs, not args.visible_tab_only
        )
        cpu.append(run_cpu)
        paint.append(run_paint)
        live.append(speed)
        delays.extend(run_delays)
        redraws += run_redraws
        rates.append(rate)
    ratio = statistics.median(live) / statistics.median(alone)
    p99 = float(np.percentile(delays, 99))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"machine: {os.cpu_count()} CPUs, load average {load:.1f} (other work skews both numbers)"
    )
    print(
        f"headless engine:        {statistics.median(alone):10.0f} steps/s (median of {args.repeats})"
    )
    print(
        f"with every plot live:   {statistics.median(live):10.0f} steps/s ({redraws} plot redraws)"
    )
    print(f"redraw rate:            {statistics.median(rates):10.1f} frames/s (25 at most)")
    print(
        f"GUI thread per frame:   {statistics.median(cpu):10.1f} ms CPU "
        f"({statistics.median(paint):.1f} ms of it painting the views)"
    )
    print(f"throughput ratio:       {ratio:10.2f}   (goal >= 0.90)")
    print(
        f"event-loop delay p99:   {p99:10.1f} ms (goal <= 20 ms; median {statistics.median(delays):.1f} ms, {len(delays)} probes)"
    )


if __name__ == "__main__":
    main()
