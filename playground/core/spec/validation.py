"""Parse and validate experiments; every problem is a sentence that names its place.

Two stages, because the second needs the data:

* :func:`parse_experiment` / :func:`read_experiment_json` turn JSON into an
  :class:`~playground.core.spec.experiment.Experiment`, checking types, ranges, names and
  every layer's parameters against the catalogue.
* :func:`check_experiment` checks what depends on the data: every layer's
  shape, the size of the last layer against the classes or targets, and the
  loss against the task.

:func:`fit_output_layer` is the friendly counterpart of the last check: it
returns a copy whose output layer (and, if needed, loss) fits a data set.
"""

from __future__ import annotations

import copy
import json
import struct
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from playground.core.data.base import DataInfo
from playground.core.layers.catalog import CATALOGUE
from playground.core.layers.memory import memory_problem
from playground.core.layers.model import check_layer, layer_label, summarize
from playground.core.safe_read import (
    MAX_EXPERIMENT_JSON_BYTES,
    UnreadableFileError,
    excerpt,
    parse_json_text,
    read_regular_file,
)
from playground.core.spec.experiment import (
    MAX_LAYERS,
    SCHEMA_VERSION,
    BuiltinData,
    Experiment,
    LayerSpec,
)
from playground.core.spec.messages import did_you_mean, show_value, translate_errors
from playground.core.spec.options import NESTEROV_NEEDS_MOMENTUM, OPTIMIZER_TABLE, losses_for

#: The most problems one message lists; a broken file of 1,000 layers needs no 1,000 lines.
MAX_PROBLEMS = 20

REGRESSION_LOSSES: tuple[str, ...] = losses_for("regression")
CLASSIFICATION_LOSSES: tuple[str, ...] = losses_for("classification")


class SpecError(ValueError):
    """An experiment cannot be read or is not valid; ``problems`` lists every reason in words."""

    def __init__(self, problems: list[str] | str) -> None:
        listed = [problems] if isinstance(problems, str) else list(problems)
        if len(listed) > MAX_PROBLEMS:
            more = len(listed) - MAX_PROBLEMS + 1
            listed = [
                *listed[: MAX_PROBLEMS - 1],
                f"and {more} more problems; fix the ones above first",
            ]
        self.problems: list[str] = listed
        super().__init__("\n".join(self.problems))

    def __str__(self) -> str:
        return "\n".join(self.problems)


# ---- parsing ----------------------------------------------------------------------


def _decode(source: str | bytes) -> dict[str, Any]:
    if isinstance(source, bytes):
        try:
            source = source.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SpecError(
                f"the file is not text (byte {exc.start + 1} is not UTF-8); "
                "choose a Torch Playground experiment file"
            ) from None
    if not source.strip():
        raise SpecError("the file is empty; choose a Torch Playground experiment file")
    try:
        data = parse_json_text(source)
    except UnreadableFileError as exc:
        raise SpecError(f"{exc}; choose a Torch Playground experiment file") from None
    except json.JSONDecodeError as exc:
        raise SpecError(
            f"the file is not valid JSON: {exc.msg.lower()} at line {exc.lineno}, "
            f"column {exc.colno}; fix it there or save the experiment again from the app"
        ) from None
    if not isinstance(data, dict):
        raise SpecError(
            "the file does not hold an experiment: its top level must be a group of "
            f"settings in curly braces, not {type(data).__name__}"
        )
    return data


def _check_version(data: dict[str, Any]) -> None:
    """Accept the current format; a missing version is read as the current one."""
    if "schema_version" not in data:
        data["schema_version"] = SCHEMA_VERSION
        return
    version = data["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise SpecError(
            f"format version must be a whole number, not {show_value(version)}; "
            f"this version of Torch Playground reads format {SCHEMA_VERSION}"
        )
    if version > SCHEMA_VERSION:
        raise SpecError(
            f"this file was made by a newer Torch Playground (format {version}); "
            f"this version reads format {SCHEMA_VERSION}; update the app to open it"
        )
    if version < 1:
        raise SpecError(
            f"format version {version} does not exist; Torch Playground files start at format 1"
        )


def _fill_data_kind(data: dict[str, Any]) -> None:
    """A data section without ``kind`` is builtin, or CSV when it names a file."""
    section = data.get("data")
    if isinstance(section, dict) and "kind" not in section:
        section["kind"] = "csv" if "path" in section else "builtin"


def _layer_problems(layers: Sequence[tuple[int, LayerSpec]]) -> list[str]:
    problems: list[str] = []
    for index, layer in layers:
        if layer.kind not in CATALOGUE:
            known = ", ".join(CATALOGUE)
            hint = did_you_mean(layer.kind, list(CATALOGUE))
            problems.append(
                f"layer {index + 1}: '{excerpt(layer.kind)}' is not a layer kind{hint}; "
                f"choose one of {known}"
            )
            continue
        kind = CATALOGUE[layer.kind]
        names = [p.name for p in kind.params]
        unknown = [name for name in layer.params if name not in names]
        if unknown:
            has = ", ".join(names) if names else "none"
            hint = did_you_mean(unknown[0], names)
            problems.append(
                f"{layer_label(index, kind.name)} has no parameter '{excerpt(unknown[0])}'{hint} "
                f"(its parameters: {has})"
            )
            continue
        problem = check_layer(index, layer)
        if problem is not None:
            problems.append(problem)
    return problems


def _raw_layer_problems(data: Mapping[str, Any], skip: set[int]) -> list[str]:
    """Catalogue problems of the layers that are well-formed, when other parts are not."""
    model = data.get("model")
    raw_layers = model.get("layers") if isinstance(model, dict) else None
    if not isinstance(raw_layers, list):
        return []
    layers: list[tuple[int, LayerSpec]] = []
    for index, raw in enumerate(raw_layers):
        if index in skip:
            continue
        try:
            layers.append((index, LayerSpec.model_validate(raw)))
        except ValidationError:
            continue
    return _layer_problems(layers)


def spec_problems(experiment: Experiment) -> list[str]:
    """Problems that need no data: layer kinds and parameters, optimizer combinations."""
    problems = _layer_problems(list(enumerate(experiment.model.layers)))
    optimizer = experiment.optimizer
    values = optimizer.model_dump()
    broken = [rule for rule in OPTIMIZER_TABLE[optimizer.kind].rules if not rule.allows(values)]
    if NESTEROV_NEEDS_MOMENTUM in broken:
        problems.append(
            "optimizer: Nesterov momentum needs a momentum above 0; "
            "set momentum (for example 0.9) or turn Nesterov off"
        )
    return problems


def _place_order(problem: str) -> int:
    """Sort layer problems by layer number, after the other sections' problems."""
    if problem.startswith("layer "):
        number = problem[6:].split(" ", 1)[0].rstrip(":")
        return int(number) if number.isdigit() else 0
    return 0


def parse_experiment(source: str | bytes | Mapping[str, Any]) -> Experiment:
    """Read an experiment from JSON text, bytes or an already-decoded dict.

    Raises :class:`SpecError` listing every problem found.
    """
    # Dicts are copied: defaults are filled in below and the caller's dict must not change.
    if isinstance(source, str | bytes):
        data = _decode(source)
    else:
        _check_layer_count(source)
        data = copy.deepcopy(dict(source))
    _check_layer_count(data)
    _check_version(data)
    _fill_data_kind(data)
    try:
        experiment = Experiment.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        broken = {
            int(e["loc"][2])
            for e in errors
            if len(e["loc"]) > 2
            and e["loc"][:2] == ("model", "layers")
            and isinstance(e["loc"][2], int)
        }
        problems = translate_errors(errors, data) + _raw_layer_problems(data, broken)
        raise SpecError(sorted(problems, key=_place_order)) from None
    problems = spec_problems(experiment)
    if problems:
        raise SpecError(problems)
    return experiment


def _check_layer_count(data: Mapping[str, Any]) -> None:
    """Refuse an absurd number of layers before validating (or copying) each one."""
    model = data.get("model")
    layers = model.get("layers") if isinstance(model, dict) else None
    if isinstance(layers, list) and len(layers) > MAX_LAYERS:
        raise SpecError(
            f"model: the model has {len(layers):,} layers, more than the {MAX_LAYERS:,} this "
            "app builds; remove layers"
        )


def read_experiment_json(path: Path) -> Experiment:
    """Read and validate a ``.json`` experiment file; problems are prefixed with its name."""
    try:
        data = read_regular_file(path, MAX_EXPERIMENT_JSON_BYTES, "an experiment file")
    except UnreadableFileError as exc:
        raise SpecError(str(exc)) from None
    try:
        return parse_experiment(data)
    except SpecError as exc:
        raise SpecError([f"{path.name}: {problem}" for problem in exc.problems]) from None


#: What a damaged or hostile file can make the standard library raise while it is read:
#: a flipped byte in deflated data (zlib.error), an unknown zip method or version
#: (NotImplementedError), nesting too deep (RecursionError), integers of thousands of
#: digits (ValueError), bytes that are not UTF-8 (UnicodeError), a truncated header.
DAMAGED_FILE_ERRORS: tuple[type[BaseException], ...] = (
    zlib.error,
    struct.error,
    NotImplementedError,
    RecursionError,
    ValueError,
    OverflowError,
    UnicodeError,
    EOFError,
    KeyError,
    IndexError,
    MemoryError,
)


def damaged_file_sentence(path: Path, error: BaseException) -> str:
    """The sentence for a file that made a reader fail in an unforeseen way."""
    return (
        f"'{excerpt(path.name, 80)}' cannot be read as an experiment: it is damaged or not an "
        f"experiment file ({type(error).__name__}); open an earlier copy or save it again"
    )


# ---- checks that need the data ------------------------------------------------------


def data_title(experiment: Experiment) -> str:
    """How messages name the data: the builtin set's name or the CSV file's name."""
    data = experiment.data
    if isinstance(data, BuiltinData):
        return data.name
    return Path(data.path).name


def _plural(count: int, word: str) -> str:
    if count == 1:
        return f"1 {word}"
    return f"{count} {word}{'es' if word.endswith('s') else 's'}"


def _last_sizing_layer(experiment: Experiment) -> str:
    """``layer 4 (Linear)`` for the last layer that sets the number of outputs."""
    layers = experiment.model.layers
    for index in range(len(layers) - 1, -1, -1):
        if layers[index].kind == "Linear":
            return layer_label(index, "Linear")
    return layer_label(len(layers) - 1, layers[-1].kind)


def _output_problems(experiment: Experiment, info: DataInfo, outputs: int) -> list[str]:
    loss, name = experiment.loss, data_title(experiment)
    last = _last_sizing_layer(experiment)
    if info.task == "classification":
        classes = info.num_outputs
        if loss in REGRESSION_LOSSES:
            return [
                f"loss: {loss} compares numbers, but {name} has {_plural(classes, 'class')} "
                "to tell apart; use cross-entropy (or bce-with-logits for two classes)"
            ]
        if loss == "bce-with-logits":
            if classes != 2:
                return [
                    f"loss: bce-with-logits tells exactly 2 classes apart, but {name} has "
                    f"{classes}; use cross-entropy"
                ]
            if outputs != 1:
                return [
                    f"{last}: with bce-with-logits the last layer must give 1 output (the score "
                    f"of the second class), but it gives {outputs}; set its neurons to 1"
                ]
            return []
        if outputs != classes:
            return [
                f"{last}: the last layer gives {_plural(outputs, 'output')} but {name} has "
                f"{_plural(classes, 'class')}; set its neurons to {classes}"
            ]
        return []
    targets = info.num_outputs
    if loss in CLASSIFICATION_LOSSES:
        return [
            f"loss: {loss} is for telling classes apart, but {name} has numeric targets "
            "to predict; use mse, l1 or huber"
        ]
    if outputs != targets:
        return [
            f"{last}: the last layer gives {_plural(outputs, 'output')} but {name} has "
            f"{_plural(targets, 'target')} to predict; set its neurons to {targets}"
        ]
    return []


def check_experiment(
    experiment: Experiment, info: DataInfo, *, available_memory: int | None = None
) -> list[str]:
    """Everything that would stop this experiment from training on data described by ``info``.

    Returns sentences (empty when the experiment is ready): layer problems,
    impossible shapes, the last layer against the classes or targets, the
    loss against the task, and a model too large for this computer's memory
    (``available_memory`` in bytes; by default what the system reports).
    """
    problems = spec_problems(experiment)
    if problems:
        return problems
    summary = summarize(experiment.model.layers, info.input_shape)
    if summary.error is not None:
        return [summary.error]
    assert summary.output_shape is not None
    if len(summary.output_shape) != 1:
        last = layer_label(len(experiment.model.layers) - 1, experiment.model.layers[-1].kind)
        return [
            f"{last}: the model ends with an image of {'×'.join(map(str, summary.output_shape))}; "
            "end it with Flatten and a Linear layer that gives one output per class or target"
        ]
    problems.extend(_output_problems(experiment, info, summary.output_shape[0]))
    if experiment.training.batch_size < 2:
        for index, layer in enumerate(experiment.model.layers):
            if layer.kind in ("BatchNorm1d", "BatchNorm2d"):
                problems.append(
                    f"{layer_label(index, layer.kind)} needs batches of at least 2 samples; "
                    "raise the batch size or remove the layer"
                )
                break
    if not problems:
        too_large = memory_problem(experiment, info, available_memory)
        if too_large is not None:
            problems.append(too_large)
    return problems


def required_outputs(loss: str, info: DataInfo) -> int:
    """How many outputs the last layer must give for this loss and data."""
    if info.task == "classification" and loss == "bce-with-logits" and info.num_outputs == 2:
        return 1
    return info.num_outputs


def fitting_loss(loss: str, info: DataInfo) -> str:
    """``loss`` if it can learn this data, otherwise the usual loss for its task."""
    if info.task == "regression":
        return loss if loss in REGRESSION_LOSSES else "mse"
    if loss == "cross-entropy" or (loss == "bce-with-logits" and info.num_outputs == 2):
        return loss
    return "cross-entropy"


def fit_output_layer(experiment: Experiment, info: DataInfo) -> Experiment:
    """A copy whose last Linear layer gives the outputs this data needs.

    When the loss cannot learn the data's task (mse on classes, cross-entropy
    on numbers), the copy also gets the usual loss for that task. A model
    without a Linear layer gets one appended (after a Flatten for image outputs).
    The experiment itself is not changed.
    """
    loss = fitting_loss(experiment.loss, info)
    outputs = required_outputs(loss, info)
    layers = [layer.model_copy(deep=True) for layer in experiment.model.layers]
    linear = [i for i, layer in enumerate(layers) if layer.kind == "Linear"]
    if linear:
        index = linear[-1]
        params = dict(layers[index].params)
        params["out_features"] = outputs
        layers[index] = LayerSpec(kind="Linear", params=params)
    else:
        summary = summarize(layers, info.input_shape)
        if summary.output_shape is not None and len(summary.output_shape) != 1:
            layers.append(LayerSpec(kind="Flatten"))
        layers.append(LayerSpec(kind="Linear", params={"out_features": outputs}))
    model = experiment.model.model_copy(update={"layers": layers})
    return experiment.model_copy(update={"model": model, "loss": loss}, deep=True)
