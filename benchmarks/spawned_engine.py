"""The training side of gui_levers.py's process lever: an engine in a spawned process.

Kept apart from the benchmark so the spawned interpreter imports only the Qt-free
core. Snapshots go to the window through one pipe; the window's "frame drawn,
this is what I show" and "stop" come back through another, read by a small thread
that passes them to the engine's thread-safe controls and its SnapshotDemand.
"""

from __future__ import annotations

import threading
from multiprocessing.connection import Connection

from playground.core.spec.experiment import Experiment
from playground.core.training.engine import Engine
from playground.core.training.snapshot_demand import SnapshotDemand


def train(experiment_json: str, snapshots: Connection, controls: Connection) -> None:
    """Train the experiment; send ("snapshot", s) for each snapshot, then ("end", final)."""
    demand = SnapshotDemand(paced=True)
    engine = Engine(Experiment.model_validate_json(experiment_json), demand=demand)

    def listen() -> None:
        while True:
            try:
                message = controls.recv()
            except (EOFError, OSError):
                return
            if message[0] == "ready":
                demand.show(message[1])
                demand.ready()
            elif message[0] == "stop":
                engine.stop()
                return

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    final = engine.run(on_snapshot=lambda snapshot: snapshots.send(("snapshot", snapshot)))
    snapshots.send(("end", final))
    listener.join(10)  # the window answers the end with "stop"
