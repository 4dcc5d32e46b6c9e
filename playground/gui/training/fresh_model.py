"""The model the next run starts from, shown and editable before the first step.

Before any training (and again after Reset) the network diagram and the
parameter table should show the weights a run would start from, and a person
should be able to set them by hand (a = 1, b = 2) before pressing Train. This
object builds that untrained model once per architecture, data and seed,
keeps the values set by hand as the start weights of the next run, and
reports the model to draw as a snapshot.

It is not a run: it never trains, is never recorded, and its snapshots go to
the views that draw parameters only (not to the loss plots or the log). So it
lives on the CPU whatever device the runs train on: the initial weights do not
depend on the device (the model is seeded and built on the CPU, then moved), and
on a GPU machine the window then holds no copy of the model or data in GPU memory.
"""

from __future__ import annotations

import torch
from PySide6.QtCore import QObject, Signal

from playground.core.data.base import Dataset
from playground.core.spec.experiment import Experiment
from playground.core.training.engine import Engine
from playground.core.training.snapshot import Snapshot

DEVICE = torch.device("cpu")  # where the untrained model is built, whatever the runs train on


def _architecture_key(experiment: Experiment, dataset: Dataset) -> tuple[str, int, int]:
    """What the initial weights depend on: layers, data, seed (and which data set object)."""
    spec = experiment.model_dump_json(include={"model", "data"})
    return spec, experiment.training.seed, id(dataset)


class FreshModel(QObject):
    """The untrained model of the current experiment, with the values set by hand.

    Signals: ``shown(Snapshot)`` whenever the model to draw changes (built,
    shown again after Reset, or a value set by hand).
    """

    shown = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine: Engine | None = None
        self._key: tuple[str, int, int] | None = None
        self._snapshot: Snapshot | None = None
        self._start_weights: dict[str, torch.Tensor] | None = None
        self._by_hand = False  # the start weights were typed here (dropped when they no longer fit)

    @property
    def start_weights(self) -> dict[str, torch.Tensor] | None:
        """The weights a new run starts from instead of the seed's (None: the seed's)."""
        return self._start_weights

    def set_start_weights(
        self, weights: dict[str, torch.Tensor] | None, *, by_hand: bool = False
    ) -> None:
        """Start runs from ``weights`` (a lesson's a = 1, b = 2); the model is built again.

        ``by_hand``: values a user typed (also when read back from a file), which give
        way to the seed's when the layers change; a lesson's stay and are worded at Train.
        """
        self._start_weights = weights
        self._by_hand = by_hand and weights is not None
        self._key = None

    @property
    def engine(self) -> Engine | None:
        """The untrained model's engine (None while the experiment cannot train)."""
        return self._engine

    def show(self, experiment: Experiment | None, dataset: Dataset | None) -> None:
        """Report the fresh model of ``experiment``, building it when its weights would differ."""
        if experiment is None or dataset is None:
            self._engine, self._key, self._snapshot = None, None, None
            return
        key = _architecture_key(experiment, dataset)
        if key != self._key or self._snapshot is None:
            self._build(experiment, dataset)
            self._key = key
        if self._snapshot is not None:
            self.shown.emit(self._snapshot)

    def follow(self, experiment: Experiment | None, dataset: Dataset | None) -> None:
        """Like :meth:`show`, but only when the experiment's weights would change."""
        if (
            experiment is None
            or dataset is None
            or _architecture_key(experiment, dataset) != self._key
        ):
            self.show(experiment, dataset)

    def set_value(self, name: str, index: tuple[int, ...], value: float) -> None:
        """Set one number of the fresh model; the next run starts from it.

        Raises ValueError (in words) for a parameter or position the model does
        not have, or a value that is not a finite number.
        """
        engine = self._engine
        if engine is None:
            raise ValueError(
                self.tr(
                    "The parameters can be set once the experiment can train; "
                    "fix the problems shown first."
                )
            )
        engine.set_weight(name, index, value)
        self._start_weights = {
            key: tensor.detach().to("cpu").clone()
            for key, tensor in engine.model.state_dict().items()
        }
        self._by_hand = True
        self._snapshot = engine.snapshot()
        self.shown.emit(self._snapshot)

    def _build(self, experiment: Experiment, dataset: Dataset) -> None:
        self._engine, self._snapshot = None, None
        try:
            engine = Engine(experiment, dataset, initial_state=self._start_weights, device=DEVICE)
        except Exception:  # start weights that no longer fit the layers
            if self._start_weights is None or not self._by_hand:
                return  # the run's own start words the problem
            # Values typed for another architecture: the new layers start from the seed.
            self._start_weights, self._by_hand = None, False
            try:
                engine = Engine(experiment, dataset, device=DEVICE)
            except Exception:  # the run's own start words the problem
                return
        try:
            self._snapshot = engine.snapshot()
        except Exception:  # the run's own start words the problem
            return
        self._engine = engine
