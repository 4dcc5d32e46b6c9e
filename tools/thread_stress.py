"""Stress the worker-thread wiring: many short workers beside pyqtgraph plots being made and dropped.

Each worker is wired with :func:`playground.gui.threads.wire_worker`, makes cyclic
garbage (so a collector would run in its thread if it could), emits a result, and
ends; the GUI thread meanwhile sets axis labels (each a Qt ``connect``) and drops
a new pyqtgraph plot held in a reference cycle on every turn. This is the pattern
that once hung the app (a worker deleted in its own thread against an axis label
set in the GUI thread) and that crashed it while Python's collector could run in
a worker thread. A run that hangs is stopped after ``--seconds`` + 60 s with every
thread's Python stack printed, and exits with status 1.

    .venv/bin/python tools/thread_stress.py [--seconds 20] [--automatic-gc]

``--automatic-gc`` leaves Python's own collector on, to show what the GUI-thread
collector prevents (expect a crash within seconds).
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pyqtgraph as pg
from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication

from playground.gui.shell.gui_collector import GuiThreadCollector
from playground.gui.threads import wire_worker


class Worker(QObject):
    result = Signal(object)
    finished = Signal()

    @Slot()
    def run(self) -> None:
        junk: list[list[object]] = []
        for i in range(3000):
            item: list[object] = [i, {"a": [i]}]
            item.append(item)  # a cycle: only a collection frees it
            junk.append(item)
        self.result.emit(len(junk))
        self.finished.emit()


class Chain(QObject):
    """Starts the next worker as soon as the last one's thread has ended."""

    def __init__(self, axis: pg.AxisItem) -> None:
        super().__init__()
        self.axis = axis
        self.ended = 0
        self.thread_: QThread | None = None
        self.stopping = False

    def start(self) -> None:
        thread, worker = QThread(self), Worker()
        worker.result.connect(lambda _n: self.axis.setLabel(f"α (direction {self.ended % 3})"))
        wire_worker(worker, thread, self._ended)
        self.thread_ = thread
        thread.start()

    def _ended(self) -> None:
        if self.thread_ is not None:
            self.thread_.wait()
        self.thread_ = None
        self.ended += 1
        if not self.stopping:
            self.start()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--automatic-gc", action="store_true")
    args = parser.parse_args(argv)
    faulthandler.dump_traceback_later(args.seconds + 60, exit=True)
    app = QApplication.instance() or QApplication([])
    collector = None if args.automatic_gc else GuiThreadCollector(app)
    if collector is not None:
        collector.start()
    plot = pg.PlotWidget()
    plot.show()
    axis = plot.getPlotItem().getAxis("bottom")
    chain = Chain(axis)
    chain.start()
    dropped = 0
    end = time.monotonic() + args.seconds
    while time.monotonic() < end:
        app.processEvents()
        garbage = pg.PlotWidget()
        garbage.cycle = garbage  # type: ignore[attr-defined]
        del garbage
        dropped += 1
        axis.setLabel(f"β {chain.ended % 7}")
    chain.stopping = True
    while chain.thread_ is not None:
        app.processEvents()
    print(f"{chain.ended} worker threads ended, {dropped} plots dropped: no hang, no crash")
    return 0


if __name__ == "__main__":
    sys.exit(main())
