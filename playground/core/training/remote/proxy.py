"""The window's side of a run in a training child: the engine's interface over two pipes.

:class:`RemoteEngine` wraps the engine the window built (so everything that
validates an experiment, makes the start weights or serves a paired run is
unchanged) and trains a copy of it in a :class:`~.children.TrainingChild`. The
window's engine may be built on the CPU (``Engine(..., device=cpu)``), so the
model and data are not on the GPU twice: the child builds the experiment on
its own ``training.device``, and :attr:`RemoteEngine.device`, the snapshots and
the kept end all name that one. The worker's thread calls
:meth:`RemoteEngine.run`, which sends the job and then reads the child's
snapshots, answers and end; the GUI thread only sends controls, and waits for
an answer (a weight edit while paused) at most
:data:`ANSWER_TIMEOUT_S`. When the run ends the proxy keeps what the child sent
(weights, history, final snapshot) and gives the child back, so nothing later
needs it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import math
import queue
import threading
import time
from collections.abc import Callable

import torch
from torch import nn

from playground.core.data.base import Dataset
from playground.core.messages import describe
from playground.core.messages.texts import active_language
from playground.core.problems import Problem
from playground.core.spec.experiment import Experiment
from playground.core.training.devices import resolve_device
from playground.core.training.engine import Engine, EngineError
from playground.core.training.history import MetricHistory
from playground.core.training.remote.children import TrainingChild
from playground.core.training.remote.ended_run import EndedRun, outcome_of_lost_child
from playground.core.training.remote.protocol import Job, Message, Outcome, cpu_weights
from playground.core.training.run_control import Callback
from playground.core.training.snapshot import RunState, Snapshot
from playground.core.training.snapshot_demand import SnapshotContent

POLL_S = 0.1  # how often the reading thread looks whether a silent child is still alive
ANSWER_TIMEOUT_S = 5.0  # the longest the GUI thread waits for the child to answer
STOP_GRACE_S = 15.0  # a child that has not ended this long after a stop is killed

SnapshotCallback = Callable[[Snapshot], None]
GiveBack = Callable[[TrainingChild, bool], None]


class RemoteEngine:
    """One run of ``local``'s experiment in ``child``, driven like an :class:`Engine`."""

    def __init__(
        self,
        local: Engine,
        child: TrainingChild,
        give_back: GiveBack,
        callbacks: tuple[Callback, ...] = (),
        snapshot_interval: float = 1 / 30,
    ) -> None:
        self._local = local
        # The child builds the experiment on its own device (the window's copy may be on the CPU).
        self._device = resolve_device(local.experiment.training.device)
        self._child = child
        self._give_back = give_back
        self._callbacks = callbacks
        self._snapshot_interval = snapshot_interval
        self.demand = local.demand
        self._speed: float | None = local.speed
        self._lock = threading.Lock()
        self._pending: list[Message] = []  # controls given before the job reached the child
        self._attached = False  # the child is running this run
        self._answers: dict[int, queue.Queue[tuple[str, object]]] = {}
        self._numbers = itertools.count()
        self._stop_deadline = math.inf
        self._latest: Snapshot | None = None
        self._history = MetricHistory()
        self._ended: EndedRun | None = None

    # ---- what the window reads ------------------------------------------------------

    @property
    def child_pid(self) -> int | None:
        """The process id of the child that trains (or trained) this run."""
        return self._child.pid

    @property
    def experiment(self) -> Experiment:
        return self._local.experiment

    @property
    def dataset(self) -> Dataset:
        return self._local.dataset

    @property
    def device(self) -> torch.device:
        """Where the run trains: the child's device, whatever ``local`` was built on."""
        latest = self._ended.final if self._ended is not None else self._latest
        return torch.device(latest.device) if latest is not None else self._device

    @property
    def initial_state(self) -> dict[str, torch.Tensor]:
        return self._local.initial_state

    @property
    def history(self) -> MetricHistory:
        """The run's history: mirrored from snapshots while it runs, the child's own after."""
        return self._ended.history if self._ended is not None else self._history

    @property
    def model(self) -> nn.Sequential:
        """The model with the run's current weights (fetched from the child while paused)."""
        if self._attached and self.state == "paused":
            weights = self._ask("weights", ())
            if isinstance(weights, dict):
                self._local.model.load_state_dict(weights)
        return self._local.model

    @property
    def state(self) -> RunState:
        if self._ended is not None:
            return self._ended.state
        return self._latest.state if self._latest is not None else self._local.state

    @property
    def step(self) -> int:
        return self._latest.step if self._latest is not None else 0

    @property
    def epoch(self) -> int:
        return self._latest.epoch if self._latest is not None else 0

    @property
    def learning_rate(self) -> float:
        if self._ended is not None:
            return self._ended.learning_rate
        return self._latest.learning_rate if self._latest is not None else self._local.learning_rate

    @property
    def train_loss(self) -> float:
        if self._ended is not None:
            return self._ended.train_loss
        return self._latest.train_loss if self._latest is not None else math.nan

    @property
    def reason(self) -> str:
        return self._ended.final.reason if self._ended is not None else ""

    @property
    def speed(self) -> float | None:
        return self._speed

    # ---- controls (any thread) ------------------------------------------------------

    def pause(self) -> None:
        self._control(("pause",))

    def resume(self) -> None:
        self._control(("resume",))

    def stop(self) -> None:
        self._stop_deadline = min(self._stop_deadline, time.monotonic() + STOP_GRACE_S)
        self._control(("stop",))

    def step_batch(self) -> None:
        self._control(("step_batch",))

    def step_epoch(self) -> None:
        self._control(("step_epoch",))

    def set_speed(self, steps_per_second: float | None) -> None:
        self._local.set_speed(steps_per_second)  # checks it as the engine does
        self._speed = steps_per_second
        self._control(("speed", steps_per_second))

    def set_learning_rate(self, lr: float) -> None:
        if not math.isfinite(lr) or lr <= 0:
            raise EngineError(Problem("training.lr_not_positive", {"value": lr}))
        self._control(("lr", lr))

    def set_weight(self, name: str, index: tuple[int, ...], value: float) -> None:
        """Set one weight: in the child while its run is paused, here before or after."""
        if self._attached:
            snapshot = self._ask("set_weight", (name, index, value))
            if isinstance(snapshot, Snapshot):
                self._latest = snapshot
                return
        self._local.set_weight(name, index, value)
        if self._ended is not None:
            self._ended.edited = True

    def snapshot(self) -> Snapshot:
        """A snapshot of the run now (from the child while paused; kept data after the end)."""
        if self._attached:
            snapshot = self._ask("snapshot", ())
            if isinstance(snapshot, Snapshot):
                return snapshot
        if self._ended is not None:
            return self._ended.snapshot(self._local)
        return dataclasses.replace(self._local.snapshot(), device=str(self._device))

    def _control(self, message: Message) -> None:
        with self._lock:
            if self._ended is not None:
                return
            if not self._attached:
                self._pending.append(message)
                return
        self._child.send(message)

    def _ask(self, what: str, args: tuple[object, ...]) -> object:
        """Ask the child; the answer, or None when the run ended meanwhile."""
        number = next(self._numbers)
        slot: queue.Queue[tuple[str, object]] = queue.Queue(maxsize=1)
        with self._lock:
            if not self._attached:
                return None
            self._answers[number] = slot
        try:
            if not self._child.send(("ask", number, what, args)):
                return None
            kind, value = slot.get(timeout=ANSWER_TIMEOUT_S)
        except queue.Empty:
            raise EngineError(describe(Problem("training.process_silent"))) from None
        finally:
            with self._lock:
                self._answers.pop(number, None)
        if kind == "refused":
            raise EngineError(str(value))
        return value if kind == "ok" else None

    # ---- the run (the worker's thread) ----------------------------------------------

    def run(
        self, on_snapshot: SnapshotCallback | None = None, start_paused: bool = False
    ) -> Snapshot:
        """Train in the child until the run ends; blocks this thread, never without a timeout."""
        weights = cpu_weights(self._local.model.state_dict())
        with self._lock:
            early, self._pending = tuple(self._pending), []
        job = Job(
            experiment_json=self._local.experiment.model_dump_json(),
            dataset=self._local.dataset,
            initial_state=weights,
            callbacks=self._callbacks,
            speed=self._speed,
            snapshot_interval=self._snapshot_interval,
            start_paused=start_paused,
            content=self.demand.content,
            paced=self.demand.paced,
            early=early,
            language=active_language(),
        )
        # Sent without the lock (a large data set takes a moment): controls given
        # meanwhile wait in the queue and follow the job.
        sent = self._child.send(("run", job))
        with self._lock:
            later, self._pending = self._pending, []
            sent = sent and all(self._child.send(message) for message in later)
            self._attached = sent
        self.demand.listen(self._on_ready)
        outcome: Outcome | None = None
        try:
            outcome = self._read(on_snapshot) if sent else None
        finally:
            self.demand.unlisten(self._on_ready)
            self._detach(healthy=outcome is not None)
        lost = outcome is None
        device = str(self.device)  # the child's, from its last snapshot, or the one it was to use
        if outcome is None:
            outcome = outcome_of_lost_child(self._latest, self._local, self._history, device)
        self._ended = EndedRun(outcome, self._local, device)
        if lost and on_snapshot is not None:
            on_snapshot(self._ended.final)  # the views show the failed end, as an engine's
        failure = outcome.failure
        if failure is not None:
            if failure.kind == "memory":
                raise MemoryError(failure.text)
            if failure.kind == "value":
                raise EngineError(failure.text)
            raise RuntimeError(f"{failure.kind}: {failure.text}" if failure.text else failure.kind)
        return self._ended.final

    def _on_ready(self, content: SnapshotContent) -> None:
        self._child.send(("ready", content))

    def _read(self, on_snapshot: SnapshotCallback | None) -> Outcome | None:
        """Read the child until its run ends; None when the child was lost on the way."""
        outbox = self._child.outbox
        while True:
            try:
                if not outbox.poll(POLL_S):
                    if not self._child.alive:
                        return None
                    if time.monotonic() > self._stop_deadline:
                        self._child.process.kill()  # stopped, yet silent: it is stuck
                        return None
                    continue
                message = outbox.recv()
            except (EOFError, OSError):
                return None
            kind = message[0]
            if kind == "snapshot" and isinstance(message[1], Snapshot):
                snapshot = message[1]
                self._latest = snapshot
                self._history.add_losses(snapshot.new_steps, snapshot.new_losses)
                for record in snapshot.new_epochs:
                    self._history.add_epoch(record)
                if on_snapshot is not None:
                    on_snapshot(snapshot)
            elif kind == "answer":
                _, number, ok, value = message
                with self._lock:
                    slot = self._answers.get(int(number))  # type: ignore[call-overload]
                if slot is not None:
                    slot.put(("ok" if ok else "refused", value))
            elif kind == "end" and isinstance(message[1], Outcome):
                return message[1]

    def _detach(self, *, healthy: bool) -> None:
        with self._lock:
            self._attached = False
            waiting = list(self._answers.values())
        for slot in waiting:  # a question asked just as the run ended is answered here
            with contextlib.suppress(queue.Full):  # its answer came in first
                slot.put_nowait(("ended", None))
        if healthy:
            healthy = self._child.send(("release",))
        self._give_back(self._child, healthy)
