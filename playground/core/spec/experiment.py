"""The experiment specification: one typed, versioned description of an experiment.

Everything the app, the command line and saved files agree on goes through
:class:`Experiment`. It is plain data (pydantic models) with a JSON round-trip;
rules that need more than one field (layer parameters against the catalogue,
loss against the model) live in :mod:`playground.core.spec.validation`.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from playground.core.spec.options import OPTIMIZER_FIELDS, SCHEDULE_FIELDS, TRAINING_FIELDS

SCHEMA_VERSION = 1
#: The most layers a model may have: far more than any lesson needs, few enough to check quickly.
MAX_LAYERS = 1000
#: The fewest samples a generated set may have: the course's examples use five points.
MIN_SAMPLES = 5
#: The most characters of a typed or pasted table kept in an experiment (about 1 MB).
MAX_INLINE_TABLE_CHARS = 1_000_000
#: The most column names a table may give (the CSV reader refuses wider tables).
MAX_COLUMNS = 10_000
#: The longest experiment name and description kept (longer text is cut).
MAX_NAME_CHARS = 200
MAX_DESCRIPTION_CHARS = 20_000

DatasetName = Literal[
    "circle",
    "xor",
    "gaussian",
    "spiral",
    "plane",
    "multi-gaussian",
    "linear",
    "identity",
    "random-regression",
    "course-line",
    "course-identity",
    "course-randn",
    "course-randint",
    "iris",
    "wine",
    "breast-cancer",
    "digits",
]
DerivedFeature = Literal["x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"]

LossName = Literal["mse", "l1", "huber", "cross-entropy", "bce-with-logits"]
OptimizerName = Literal["sgd", "adam", "adamw", "rmsprop", "adagrad"]
ScheduleName = Literal["none", "step", "cosine", "plateau"]
InitName = Literal["pytorch", "xavier_uniform", "kaiming_normal"]

# The same names as plain tuples, for pickers and messages (one list, no copy to keep in step).
BUILTIN_DATASETS: tuple[str, ...] = get_args(DatasetName)
DERIVED_FEATURES: tuple[str, ...] = get_args(DerivedFeature)
LOSSES: tuple[str, ...] = get_args(LossName)
OPTIMIZERS: tuple[str, ...] = get_args(OptimizerName)
INITS: tuple[str, ...] = get_args(InitName)

_DEVICE_PATTERN = re.compile(r"^(auto|cpu|mps|cuda(:\d+)?)$")

ParamValue = bool | int | float | str
_BETA1, _BETA2 = OPTIMIZER_FIELDS["beta1"], OPTIMIZER_FIELDS["beta2"]

_SURROGATES = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _without_surrogates(value: str) -> str:
    """Unpaired surrogates (legal in JSON, not in UTF-8) become U+FFFD, so saving never fails."""
    return _SURROGATES.sub("\ufffd", value)


def _clean_text(limit: int, keep_newlines: bool) -> AfterValidator:
    def clean(value: str) -> str:
        value = _without_surrogates(value)
        value = _CONTROL.sub("", value)
        if not keep_newlines:
            value = value.replace("\n", " ").replace("\t", " ")
        return value[:limit]

    return AfterValidator(clean)


#: Text a person reads back (names, descriptions): cleaned when read, whatever the reader.
CleanName = Annotated[str, _clean_text(MAX_NAME_CHARS, keep_newlines=False)]
CleanDescription = Annotated[str, _clean_text(MAX_DESCRIPTION_CHARS, keep_newlines=True)]
#: Other text (paths, column names): unpaired surrogates replaced, nothing else changed.
PlainText = Annotated[str, AfterValidator(_without_surrogates)]


class SpecModel(BaseModel):
    """Base for every part of the spec: unknown keys are errors, assignments are checked.

    Every float must be finite: infinity or NaN in a setting would only fail
    later (in training or in an exported script), far from its cause.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)


def _unset(value: object) -> bool:
    """Whether an optional setting has its default, so saving leaves it out.

    Files that use none of the newer data settings stay exactly as before, and
    the app's earlier versions still open them.
    """
    return value in (None, "names") or value == []


def _default_init(value: object) -> bool:
    """Whether the weights start as PyTorch's layers draw them, so saving leaves it out."""
    return value == "pytorch"


def _two_distinct(value: list[str]) -> list[str]:
    if value and (len(value) != 2 or value[0] == value[1]):
        raise ValueError("name two different inputs to show, or none")
    return value


#: The pair of inputs a plot shows: two different names, or none for the first two.
ShownInputs = Annotated[list[PlainText], AfterValidator(_two_distinct)]


class BuiltinData(SpecModel):
    """A data set generated or shipped with the app."""

    kind: Literal["builtin"] = "builtin"
    name: DatasetName = "spiral"
    samples: int = Field(
        500, ge=MIN_SAMPLES, le=200_000, description="Number of samples generated."
    )
    noise: float = Field(
        0.0, ge=0.0, le=1.0, description="Noise level from 0 (none) to 1 (very noisy)."
    )
    validation_fraction: float = Field(
        0.2, ge=0.0, le=0.9, description="Share of the samples held out for validation."
    )
    seed: int = Field(0, ge=0, le=2**31 - 1, description="Seed that generates and splits the data.")
    derived_features: list[DerivedFeature] = Field(
        default_factory=list,
        description="Extra inputs computed from x1 and x2 (2-D data sets only).",
    )
    as_images: bool = Field(
        False, description="Digits only: give 1×8×8 images instead of 64 flat features."
    )
    shown_inputs: ShownInputs = Field(
        default_factory=list,
        exclude_if=_unset,
        description="The two inputs the scatter and decision plots show (data with more than "
        "two inputs); empty means the first two.",
    )

    @field_validator("derived_features")
    @classmethod
    def _unique_features(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("each derived input may be chosen only once")
        return value


class CsvData(SpecModel):
    """A table with chosen feature and target columns: a CSV file, or a table typed in the app.

    ``first_row`` says what the file's first row is: column names (the usual
    header), the first data row, or a line to skip (scikit-learn's own files
    start with counts and class names). Without a header the columns are named
    by ``column_names`` ("column 1", "column 2", ... where it gives none). A
    typed or pasted table is kept in ``inline_table`` as CSV text with a header
    row, so the experiment file carries it; ``path`` is then only its name.
    Several targets (``target`` and ``extra_targets``) make a multi-output regression.
    """

    kind: Literal["csv"] = "csv"
    path: PlainText = Field(min_length=1)
    features: list[PlainText] = Field(min_length=1)
    target: PlainText = Field(min_length=1)
    extra_targets: list[PlainText] = Field(
        default_factory=list,
        exclude_if=_unset,
        description="Further target columns (a multi-output regression).",
    )
    first_row: Literal["names", "data", "skip"] = Field("names", exclude_if=_unset)
    column_names: list[PlainText] = Field(
        default_factory=list, max_length=MAX_COLUMNS, exclude_if=_unset
    )
    inline_table: PlainText | None = Field(
        None, max_length=MAX_INLINE_TABLE_CHARS, exclude_if=_unset
    )
    shown_inputs: ShownInputs = Field(default_factory=list, exclude_if=_unset)
    task: Literal["auto", "classification", "regression"] = "auto"
    standardize: bool = True
    validation_fraction: float = Field(0.2, ge=0.0, le=0.9)
    seed: int = Field(0, ge=0, le=2**31 - 1)

    @property
    def targets(self) -> list[str]:
        """Every target column, the first one first."""
        return [self.target, *self.extra_targets]

    @property
    def typed(self) -> bool:
        """Whether the table was typed or pasted in the app (kept in the experiment)."""
        return self.inline_table is not None


DataSpec = Annotated[BuiltinData | CsvData, Field(discriminator="kind")]


class LayerSpec(SpecModel):
    """One layer: a kind from the catalogue plus its parameters.

    Input sizes (``in_features``, ``in_channels``) are never stored: they are
    inferred from the previous layer.
    """

    kind: str
    params: dict[str, ParamValue] = Field(default_factory=dict)


class ModelSpec(SpecModel):
    """The layers, and how their weights start (see :data:`~playground.core.spec.options.INIT_TABLE`).

    ``init`` is left out of saved files while it is PyTorch's own, so files
    made before the choice existed stay as they were and read the same.
    """

    layers: list[LayerSpec] = Field(default_factory=list, max_length=MAX_LAYERS)
    init: InitName = Field(
        "pytorch",
        exclude_if=_default_init,
        description="How the weights start: pytorch, xavier_uniform or kaiming_normal.",
    )


class OptimizerSpec(SpecModel):
    """The optimizer and its settings; bounds and defaults come from :data:`OPTIMIZER_FIELDS`."""

    kind: OptimizerName = "adam"
    lr: float = OPTIMIZER_FIELDS["lr"].field()
    momentum: float = OPTIMIZER_FIELDS["momentum"].field()
    nesterov: bool = OPTIMIZER_FIELDS["nesterov"].field()
    betas: tuple[float, float] = Field(
        (float(_BETA1.default or 0.0), float(_BETA2.default or 0.0)),
        description="Adam/AdamW averaging factors for the gradient and its square.",
    )
    weight_decay: float = OPTIMIZER_FIELDS["weight_decay"].field()

    @field_validator("betas")
    @classmethod
    def _betas_in_range(cls, value: tuple[float, float]) -> tuple[float, float]:
        for beta, option in zip(value, (_BETA1, _BETA2), strict=True):
            if not option.allows(beta):
                raise ValueError(f"each beta must be at least 0 and below 1, not {beta:g}")
        return value


class ScheduleSpec(SpecModel):
    """An optional learning-rate schedule; step and cosine count in epochs."""

    kind: ScheduleName = "none"
    step_size: int = SCHEDULE_FIELDS["step_size"].field()
    gamma: float = SCHEDULE_FIELDS["gamma"].field()
    t_max: int | None = SCHEDULE_FIELDS["t_max"].field()
    min_lr: float = SCHEDULE_FIELDS["min_lr"].field()
    patience: int = SCHEDULE_FIELDS["patience"].field()
    factor: float = SCHEDULE_FIELDS["factor"].field()


class TrainingSpec(SpecModel):
    """The loop: batch size, epochs, seed, device and clipping (bounds from the table)."""

    batch_size: int = TRAINING_FIELDS["batch_size"].field()
    epochs: int = TRAINING_FIELDS["epochs"].field()
    seed: int = TRAINING_FIELDS["seed"].field()
    device: str = Field("auto", description="auto, cpu, cuda, cuda:N or mps.")
    grad_clip: float | None = TRAINING_FIELDS["grad_clip"].field()
    zero_grad: bool = TRAINING_FIELDS["zero_grad"].field()

    @field_validator("device")
    @classmethod
    def _device_name(cls, value: str) -> str:
        value = value.strip().lower()
        if not _DEVICE_PATTERN.match(value):
            raise ValueError(f"'{value}' is not a device; use auto, cpu, cuda, cuda:N or mps")
        return value


class Experiment(SpecModel):
    """A whole experiment: data, model, loss, optimizer, schedule and training settings."""

    schema_version: Literal[1] = 1
    name: CleanName = "Untitled"
    description: CleanDescription = ""
    data: DataSpec = Field(default_factory=BuiltinData)
    model: ModelSpec = Field(default_factory=ModelSpec)
    loss: LossName = "cross-entropy"
    optimizer: OptimizerSpec = Field(default_factory=OptimizerSpec)
    schedule: ScheduleSpec = Field(default_factory=ScheduleSpec)
    training: TrainingSpec = Field(default_factory=TrainingSpec)

    def to_json(self) -> str:
        """Serialise to indented JSON (the ``.json`` experiment file format)."""
        return self.model_dump_json(indent=2) + "\n"

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")
