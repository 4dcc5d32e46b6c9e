"""The training child: a spawned interpreter that runs one engine after another.

It imports the Qt-free core only, says ``("warm", pid)`` once torch is loaded,
then waits for jobs. During a run a listener thread passes the window's
controls to the engine's thread-safe methods and answers its questions (a
snapshot, the weights, a weight edit), while the main thread trains and sends
snapshots. When the window goes away its pipe end closes: the listener stops the
run and the child ends, so a crashed window leaves no process behind.
"""

from __future__ import annotations

import contextlib
import os
import threading
from multiprocessing.connection import Connection
from typing import cast

from playground.core.messages.texts import set_language
from playground.core.spec.experiment import (
    BuiltinData,
    Experiment,
    LayerSpec,
    ModelSpec,
    TrainingSpec,
)
from playground.core.training.engine import Engine
from playground.core.training.history import MetricHistory
from playground.core.training.remote.protocol import Failure, Job, Message, Outcome, cpu_weights
from playground.core.training.snapshot import Snapshot
from playground.core.training.snapshot_demand import SnapshotDemand


class _Outbox:
    """The pipe to the window, shared by the training thread and the listener."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._lock = threading.Lock()
        self.open = True

    def send(self, message: Message) -> None:
        if not self.open:
            return
        with self._lock:
            try:
                self._connection.send(message)
            except (OSError, EOFError):  # the window has gone; the run is being stopped
                self.open = False


def warm_up() -> None:
    """Train a tiny run once, so the first real run does not pay for torch's lazy set-up.

    A fresh interpreter's first optimizer step and first snapshot load parts of torch
    and of the core on demand (over a second on a small machine); done here, that
    happens while the window is up, before the child says it is warm.
    """
    layers = [LayerSpec(kind="Linear", params={"out_features": 4}), LayerSpec(kind="Tanh")]
    experiment = Experiment(
        data=BuiltinData(name="gaussian", samples=40),
        model=ModelSpec(layers=[*layers, LayerSpec(kind="Linear", params={"out_features": 2})]),
        training=TrainingSpec(epochs=1, batch_size=20, device="cpu"),
    )
    Engine(experiment).run(on_snapshot=lambda _snapshot: None)


def serve(inbox: Connection, outbox_connection: Connection) -> None:
    """The child's main loop: announce itself, then train each job until told to quit."""
    outbox = _Outbox(outbox_connection)
    with contextlib.suppress(Exception):  # a failed rehearsal only means a slower first run
        warm_up()
    outbox.send(("warm", os.getpid()))
    while outbox.open:
        try:
            message = inbox.recv()
        except (EOFError, OSError):
            return
        if message[0] == "run" and isinstance(message[1], Job):
            if not _train(message[1], inbox, outbox):
                return
        elif message[0] == "quit":
            return


def _failure(error: BaseException) -> Failure:
    if isinstance(error, MemoryError):
        return Failure("memory", str(error))
    if isinstance(error, ValueError):
        return Failure("value", str(error))
    return Failure(type(error).__name__, str(error))


def _train(job: Job, inbox: Connection, outbox: _Outbox) -> bool:
    """Run ``job``; False when the window has gone and the child should end."""
    demand = SnapshotDemand(job.content, paced=job.paced)
    set_language(job.language)
    try:
        engine = Engine(
            Experiment.model_validate_json(job.experiment_json),
            job.dataset,
            snapshot_interval=job.snapshot_interval,
            initial_state=job.initial_state,
            callbacks=job.callbacks,
            demand=demand,
        )
        engine.set_speed(job.speed)
        for message in job.early:
            _control(engine, demand, message)
    except BaseException as error:  # told to the window, which ends the run in words
        outbox.send(("end", Outcome(None, {}, MetricHistory(), float("nan"), 0.0, _failure(error))))
        return _wait_for_release(inbox)
    released = threading.Event()
    window_gone = threading.Event()
    listener = threading.Thread(
        target=_listen, args=(engine, demand, inbox, outbox, released, window_gone), daemon=True
    )
    listener.start()
    failure: Failure | None = None
    final: Snapshot | None = None
    try:
        final = engine.run(
            on_snapshot=lambda snapshot: outbox.send(("snapshot", snapshot)),
            start_paused=job.start_paused,
        )
    except BaseException as error:  # the engine has set its state and reason
        failure = _failure(error)
    if final is None:
        try:
            final = engine.snapshot()
        except Exception:  # a run that failed while building cannot show itself
            final = None
    weights = cpu_weights(engine.model.state_dict())
    outcome = Outcome(
        final, weights, engine.history, engine.train_loss, engine.learning_rate, failure
    )
    outbox.send(("end", outcome))
    released.wait()
    listener.join()
    return not window_gone.is_set() and outbox.open


def _wait_for_release(inbox: Connection) -> bool:
    while True:
        try:
            message = inbox.recv()
        except (EOFError, OSError):
            return False
        if message[0] == "release":
            return True
        if message[0] == "quit":
            return False


def _listen(
    engine: Engine,
    demand: SnapshotDemand,
    inbox: Connection,
    outbox: _Outbox,
    released: threading.Event,
    window_gone: threading.Event,
) -> None:
    """Pass controls to the engine until the window releases the ended run."""
    try:
        while True:
            try:
                message = inbox.recv()
            except (EOFError, OSError):
                window_gone.set()
                engine.stop()
                return
            kind = message[0]
            if kind in ("release", "quit"):
                if kind == "quit":
                    window_gone.set()
                engine.stop()
                return
            if kind == "ask":
                _answer(engine, outbox, message)
            else:
                _control(engine, demand, message)
    finally:
        released.set()


def _control(engine: Engine, demand: SnapshotDemand, message: Message) -> None:
    kind = message[0]
    if kind == "ready":
        demand.show(message[1])  # type: ignore[arg-type]
        demand.ready()
    elif kind == "pause":
        engine.pause()
    elif kind == "resume":
        engine.resume()
    elif kind == "stop":
        engine.stop()
    elif kind == "step_batch":
        engine.step_batch()
    elif kind == "step_epoch":
        engine.step_epoch()
    elif kind == "speed":
        engine.set_speed(message[1])  # type: ignore[arg-type]
    elif kind == "lr":
        engine.set_learning_rate(float(message[1]))  # type: ignore[arg-type]


def _answer(engine: Engine, outbox: _Outbox, message: Message) -> None:
    """Answer one question of the window: ``("ask", id, what, args)``."""
    _, number, what, args = message
    try:
        if what == "set_weight":
            name, index, value = cast(tuple[str, tuple[int, ...], float], args)
            engine.set_weight(name, index, value)
            value_out: object = engine.snapshot()
        elif what == "snapshot":
            value_out = engine.snapshot()
        else:  # "weights"
            value_out = cpu_weights(engine.model.state_dict())
    except ValueError as error:  # refused (a batch is running, a name that does not exist)
        outbox.send(("answer", number, False, str(error)))
        return
    outbox.send(("answer", number, True, value_out))
