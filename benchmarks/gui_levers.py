"""Levers on training speed with every plot live: the pacer, paced snapshots, a spawned process.

With the same window (the plot area's training tab and the network diagram with
its neuron pictures, 1280×800 offscreen) on TensorFlow Playground's spiral
configuration (see gui_live.py), it measures epochs/s of training, in
alternating rounds, for:

* before: the engine in a QThread, snapshots of everything 30 times a second,
  the pacer capped at 20 redraws a second (the app before these levers);
* thread: the engine in a QThread, snapshots of what is shown, one per frame
  drawn, the pacer free to slow to 4 redraws a second (the app now);
* process: the same, with the engine in the app's warm training child
  (``playground.core.training.remote``: multiprocessing's spawn context, as on
  Windows, macOS and in a frozen bundle) sending pickled snapshots through a pipe,
  so the window never competes for the interpreter lock.

Rates are measured from the first snapshot to the last; the child is warm before
the run starts, as the app keeps one warm while its window is up.

    .venv/bin/python benchmarks/gui_levers.py [--epochs N] [--pairs N] [--quick]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gui_live import alternate, ratio, tfp_experiment
from pairs import load_average
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

from playground.core.data import load_dataset
from playground.core.training.engine import Engine
from playground.core.training.remote.children import ChildPool
from playground.core.training.remote.proxy import RemoteEngine
from playground.core.training.snapshot import Snapshot
from playground.core.training.snapshot_demand import SnapshotDemand
from playground.gui.network.network_diagram import NetworkDiagram
from playground.gui.plots.plot_area import PlotArea
from playground.gui.shell.shown_views import ShownViews
from playground.gui.training.worker import TrainingController

OLD_SLOWEST_MS = 50  # the pacer's floor before it could back off


class LiveWindow(QWidget):
    """The plots a run shows, fed with snapshots; remembers when the first and last came."""

    def __init__(self, epochs: int) -> None:
        super().__init__()
        self.experiment = tfp_experiment(epochs)
        self.dataset = load_dataset(self.experiment.data)
        self.area, self.diagram = PlotArea(), NetworkDiagram()
        row = QHBoxLayout(self)
        row.addWidget(self.diagram)
        row.addWidget(self.area, 2)
        self.resize(1280, 800)
        self.area.set_dataset(self.dataset)
        self.diagram.set_layers(self.experiment.model.layers, (2,))
        self.views = ShownViews(self.area, self.diagram, parent=self)
        self.marks: list[tuple[float, float]] = []  # (seconds, epochs done) per snapshot
        self.show()

    def add(self, snapshot: Snapshot) -> None:
        self.area.add_snapshot(snapshot)
        self.diagram.update_snapshot(snapshot)
        self.marks.append((time.perf_counter(), snapshot.epoch + snapshot.epoch_progress))

    def rate(self) -> float:
        """Epochs per second from the first snapshot to the last."""
        (t0, e0), (t1, e1) = self.marks[0], self.marks[-1]
        return (e1 - e0) / (t1 - t0) if t1 > t0 else 0.0

    def finish(self, app: QApplication) -> float:
        self.area.timer.stop()
        self.hide()
        self.deleteLater()
        app.processEvents()
        return self.rate()


def in_thread(app: QApplication, epochs: int, *, before: bool) -> float:
    """Epochs/s with the engine in a QThread (``before``: the app's old pacing and snapshots)."""
    window = LiveWindow(epochs)
    demand = window.views.demand
    if before:
        window.area.pacer.slowest_ms = OLD_SLOWEST_MS
        demand = SnapshotDemand()  # everything, by time, whatever the window draws
    engine = Engine(window.experiment, window.dataset, demand=demand)
    controller = TrainingController()
    controller.snapshot.connect(window.add)
    controller.finished.connect(app.quit)
    controller.start(engine)
    app.exec()
    controller.wait_for_threads(10)
    return window.finish(app)


def in_process(app: QApplication, epochs: int) -> float:
    """Epochs/s with the engine in the app's warm training child, snapshots through a pipe."""
    window = LiveWindow(epochs)
    pool = ChildPool()
    pool.warm_up()
    while (child := pool.take()) is None:  # its start-up is not timed, as in the app
        app.processEvents()
        time.sleep(0.02)
    engine = Engine(window.experiment, window.dataset)
    remote = RemoteEngine(engine, child, pool.give_back)
    remote.demand = window.views.demand  # the window's pacing crosses the pipe
    controller = TrainingController()
    controller.snapshot.connect(window.add)
    controller.finished.connect(app.quit)
    controller.start(remote)
    app.exec()
    controller.wait_for_threads(10)
    pool.shutdown()
    return window.finish(app)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=300, help="epochs per run (default 300)")
    parser.add_argument("--pairs", type=int, default=5, help="alternating rounds (default 5)")
    parser.add_argument(
        "--quick", action="store_true", help="a short run that only checks it works"
    )
    args = parser.parse_args(argv)
    epochs, pairs = (20, 1) if args.quick else (args.epochs, args.pairs)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    before, thread, process = alternate(
        [
            lambda: in_thread(app, epochs, before=True),
            lambda: in_thread(app, epochs, before=False),
            lambda: in_process(app, epochs),
        ],
        pairs,
    )
    print(f"load average: {load_average()}")
    print(
        ratio(
            "paced snapshots and pacer, GUI live ÷ before", thread, before, "epochs/s", None
        ).line()
    )
    print(ratio("spawned process ÷ QThread, GUI live", process, thread, "epochs/s", None).line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
