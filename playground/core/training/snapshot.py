"""Snapshots: what the engine tells its observers about a run, as plain copied numbers.

A snapshot never holds a live tensor or the module: only floats and numpy
arrays copied at the moment it was taken, so the GUI thread may keep it as
long as it likes while training goes on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from playground.core.messages import word
from playground.core.training.confusion import ClassPredictions
from playground.core.training.history import EpochRecord
from playground.core.training.run_ending import RunEnding
from playground.core.training.snapshot_demand import EVERYTHING, SnapshotContent

Severity = Literal["info", "warning", "problem"]
RunState = Literal["idle", "running", "paused", "finished", "stopped", "diverged", "failed"]


@dataclass(frozen=True)
class Histogram:
    """Counts over bin edges (``len(edges) == len(counts) + 1``)."""

    counts: np.ndarray
    edges: np.ndarray


@dataclass(frozen=True)
class ParameterStats:
    """One named parameter (e.g. ``"0.weight"``) at the moment of the snapshot.

    ``name`` is torch's (it addresses the parameter, e.g. for weight edits);
    ``label`` is what people read, numbered as the layer editor numbers layers.
    """

    name: str
    layer_index: int  # index of the layer in the spec (0-based)
    shape: tuple[int, ...]
    mean: float
    std: float
    min: float
    max: float
    values: Histogram
    # As backward produced it, before any clipping; nan before the first backward pass.
    grad_norm: float
    grads: Histogram | None  # the gradient the optimizer applied (after clipping)
    update_ratio: float  # |lr·update| / |weight| of the last step, nan when unknown
    matrix: np.ndarray | None = None  # 2-D view of the values for small parameters
    grad_matrix: np.ndarray | None = None  # same layout, the gradient
    label: str = ""  # e.g. "Layer 1 · Linear · weight" (see core.layers.names)


@dataclass(frozen=True)
class Hint:
    """One finding of the gradient diagnosis, as data: a code and the numbers it rests on.

    Like a problem, a hint is worded by the message catalogue of the interface
    language (``diagnosis.<code>`` says what happens, ``diagnosis.<code>.try``
    what to try), so a snapshot made in the worker reads right in any language.
    """

    severity: Severity
    layer_index: int | None  # None: about the whole model
    code: str  # e.g. "gradients_vanish" (see core.training.diagnosis.HINT_CODES)
    values: Mapping[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """What is happening, e.g. "Gradients vanish: layer 1 (Linear) gets 1,000× …"."""
        return word(f"diagnosis.{self.code}", self.values)

    @property
    def hint(self) -> str:
        """What to try, one line."""
        return word(f"diagnosis.{self.code}.try", self.values)


@dataclass(frozen=True)
class DecisionGrid:
    """Model output over the input plane, for 2-D data.

    ``values`` is (rows, cols): for classification the probability of the
    predicted class signed by class for two classes (P(class 1) in [0, 1]),
    or the predicted class index for more; for regression the prediction.
    ``classes`` is the argmax class grid (classification only).
    """

    extent: tuple[float, float, float, float]
    values: np.ndarray
    classes: np.ndarray | None
    neurons: tuple[np.ndarray, ...] = ()  # per dense layer: (units, rows, cols) activations


@dataclass(frozen=True)
class FittedCurve:
    """Model prediction along the single input, for 1-D regression."""

    x: np.ndarray
    y: np.ndarray


@dataclass(frozen=True)
class Snapshot:
    """The state of a run at one moment, emitted at a bounded rate."""

    state: RunState
    step: int  # optimizer steps taken so far
    epoch: int  # completed epochs
    epoch_progress: float  # fraction of the current epoch done, 0..1
    samples_seen: int
    elapsed: float  # seconds of training (pauses excluded)
    samples_per_second: float
    learning_rate: float
    # Mean over the batches since the previous snapshot (the last such mean when there
    # were none, e.g. after a pause); nan before the first batch.
    train_loss: float
    val_loss: float | None
    train_accuracy: float | None
    val_accuracy: float | None
    # Every train-loss point since the previous snapshot, so curves miss nothing.
    new_steps: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    new_losses: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float64))
    # Every epoch that ended since the previous snapshot, so per-epoch views miss none.
    new_epochs: tuple[EpochRecord, ...] = ()
    parameters: tuple[ParameterStats, ...] = ()
    dead_units: dict[int, float] = field(default_factory=dict)  # layer index → share of dead ReLUs
    hints: tuple[Hint, ...] = ()
    decision: DecisionGrid | None = None
    curve: FittedCurve | None = None
    device: str = "cpu"
    ending: RunEnding | None = None  # why the run ended (finished, stopped, diverged)
    grad_clip: float | None = None  # the gradient clipping threshold of the run, if any
    # The costly parts it carries: views keep what they had for the parts left out.
    content: SnapshotContent = EVERYTHING
    # Classification: true and predicted class of each validation sample (training when none).
    predictions: ClassPredictions | None = None

    @property
    def reason(self) -> str:
        """Why the run ended, in the interface language ("" while it has not ended)."""
        return self.ending.message if self.ending is not None else ""
