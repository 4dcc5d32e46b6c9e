"""Parse and validate experiments; every problem is a :class:`~playground.core.problems.Problem`.

Two stages, because the second needs the data:

* :func:`parse_experiment` (and :mod:`~playground.core.spec.json_files` for files) turn JSON into an
  :class:`~playground.core.spec.experiment.Experiment`, checking types, ranges, names and
  every layer's parameters against the catalogue.
* :func:`check_experiment` checks what depends on the data: every layer's
  shape, the size of the last layer against the classes or targets, and the
  loss against the task.

:func:`fit_output_layer` is the friendly counterpart of the last check: it
returns a copy whose output layer (and, if needed, loss) fits a data set.

Both stages of validation live here because the second reuses the first's places and
wording rules; the pydantic translation and the file readers already live elsewhere.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from playground.core.data.base import DataInfo
from playground.core.errors import ProblemError
from playground.core.layers.catalog import CATALOGUE
from playground.core.layers.memory import memory_problem
from playground.core.layers.model import check_layer, summarize, unknown_kind, unknown_param
from playground.core.problems import PlainValue, Problem
from playground.core.safe_read import (
    UnreadableFileError,
    parse_json_text,
)
from playground.core.spec.experiment import (
    MAX_LAYERS,
    SCHEMA_VERSION,
    BuiltinData,
    Experiment,
    LayerSpec,
)
from playground.core.spec.messages import plain, translate_errors
from playground.core.spec.options import NESTEROV_NEEDS_MOMENTUM, OPTIMIZER_TABLE, losses_for

#: The most problems one message lists; a broken file of 1,000 layers needs no 1,000 lines.
MAX_PROBLEMS = 20

REGRESSION_LOSSES: tuple[str, ...] = losses_for("regression")
CLASSIFICATION_LOSSES: tuple[str, ...] = losses_for("classification")


class SpecError(ProblemError):
    """An experiment cannot be read or is not valid; ``problems`` lists every reason.

    At most :data:`MAX_PROBLEMS` are kept: the last one then says how many more there were.
    """

    def __init__(self, problems: Problem | str | Iterable[Problem | str]) -> None:
        super().__init__(problems)
        if len(self.problems) > MAX_PROBLEMS:
            more = len(self.problems) - MAX_PROBLEMS + 1
            self.problems = [
                *self.problems[: MAX_PROBLEMS - 1],
                Problem("spec.more_problems", {"count": more}),
            ]
            self.args = tuple(self.problems)


# ---- parsing ----------------------------------------------------------------------


def _decode(source: str | bytes) -> dict[str, Any]:
    if isinstance(source, bytes):
        try:
            source = source.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SpecError(Problem("file.not_text", {"byte": exc.start + 1})) from None
    if not source.strip():
        raise SpecError(Problem("file.empty"))
    try:
        data = parse_json_text(source)
    except UnreadableFileError as exc:
        raise SpecError(Problem("file.unreadable", {"reason": str(exc)})) from None
    except json.JSONDecodeError as exc:
        where: dict[str, PlainValue] = {
            "reason": exc.msg,
            "line": exc.lineno,
            "column": exc.colno,
        }
        raise SpecError(Problem("file.bad_json", where)) from None
    if not isinstance(data, dict):
        raise SpecError(Problem("file.not_an_experiment", {"found": type(data).__name__}))
    return data


def _check_version(data: dict[str, Any]) -> None:
    """Accept the current format; a missing version is read as the current one."""
    if "schema_version" not in data:
        data["schema_version"] = SCHEMA_VERSION
        return
    version = data["schema_version"]
    field = "schema_version"
    if isinstance(version, bool) or not isinstance(version, int):
        values = {"value": plain(version), "current": SCHEMA_VERSION}
        raise SpecError(Problem("spec.version_not_whole", values, field=field))
    if version > SCHEMA_VERSION:
        values = {"version": version, "current": SCHEMA_VERSION}
        raise SpecError(Problem("spec.version_too_new", values, field=field))
    if version < 1:
        raise SpecError(Problem("spec.version_unknown", {"version": version}, field=field))


def _fill_data_kind(data: dict[str, Any]) -> None:
    """A data section without ``kind`` is builtin, or CSV when it names a file."""
    section = data.get("data")
    if isinstance(section, dict) and "kind" not in section:
        section["kind"] = "csv" if "path" in section else "builtin"


def _layer_problems(layers: Sequence[tuple[int, LayerSpec]]) -> list[Problem]:
    problems: list[Problem] = []
    for index, layer in layers:
        if layer.kind not in CATALOGUE:
            problems.append(unknown_kind(index, layer.kind))
            continue
        names = [p.name for p in CATALOGUE[layer.kind].params]
        unknown = [name for name in layer.params if name not in names]
        if unknown:
            problems.append(unknown_param(index, layer.kind, unknown[0]))
            continue
        problem = check_layer(index, layer)
        if problem is not None:
            problems.append(problem)
    return problems


def _raw_layer_problems(data: Mapping[str, Any], skip: set[int]) -> list[Problem]:
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


def spec_problems(experiment: Experiment) -> list[Problem]:
    """Problems that need no data: layer kinds and parameters, optimizer combinations."""
    problems = _layer_problems(list(enumerate(experiment.model.layers)))
    optimizer = experiment.optimizer
    values = optimizer.model_dump()
    broken = [rule for rule in OPTIMIZER_TABLE[optimizer.kind].rules if not rule.allows(values)]
    if NESTEROV_NEEDS_MOMENTUM in broken:
        problems.append(
            Problem(
                "optimizer.nesterov_needs_momentum",
                section="optimizer",
                field="optimizer.nesterov",
            )
        )
    return problems


def _place_order(problem: Problem) -> int:
    """Sort layer problems by layer, after the other sections' problems."""
    return 0 if problem.layer is None else problem.layer + 1


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
        found = translate_errors(errors, data) + _raw_layer_problems(data, broken)
        ordered: list[Problem] = sorted(found, key=_place_order)
        raise SpecError(ordered) from None
    problems = spec_problems(experiment)
    if problems:
        raise SpecError(problems)
    return experiment


def _check_layer_count(data: Mapping[str, Any]) -> None:
    """Refuse an absurd number of layers before validating (or copying) each one."""
    model = data.get("model")
    layers = model.get("layers") if isinstance(model, dict) else None
    if isinstance(layers, list) and len(layers) > MAX_LAYERS:
        counts = {"count": len(layers), "most": MAX_LAYERS}
        raise SpecError(
            Problem("model.too_many_layers", counts, section="model", field="model.layers")
        )


# ---- checks that need the data ------------------------------------------------------


def data_title(experiment: Experiment) -> str:
    """How messages name the data: the builtin set's name or the CSV file's name."""
    data = experiment.data
    if isinstance(data, BuiltinData):
        return data.name
    return Path(data.path).name


def _last_sizing_layer(experiment: Experiment) -> tuple[int, str]:
    """Index and kind of the last layer that sets the number of outputs."""
    layers = experiment.model.layers
    for index in range(len(layers) - 1, -1, -1):
        if layers[index].kind == "Linear":
            return index, "Linear"
    return len(layers) - 1, layers[-1].kind


def _output_problems(experiment: Experiment, info: DataInfo, outputs: int) -> list[Problem]:
    loss, name = experiment.loss, data_title(experiment)
    index, kind = _last_sizing_layer(experiment)

    def on_loss(code: str, **values: str | int) -> list[Problem]:
        return [Problem(code, {"loss": loss, "data": name, **values}, section="loss", field="loss")]

    def on_layer(code: str, **values: str | int) -> list[Problem]:
        field = "params.out_features" if kind == "Linear" else None
        return [Problem(code, values, layer=index, layer_kind=kind, field=field)]

    if info.task == "classification":
        classes = info.num_outputs
        if loss in REGRESSION_LOSSES:
            return on_loss("loss.needs_numbers", classes=classes)
        if loss == "bce-with-logits":
            if classes != 2:
                return on_loss("loss.needs_two_classes", classes=classes)
            if outputs != 1:
                return on_layer("output.bce_needs_one", outputs=outputs)
            return []
        if outputs != classes:
            return on_layer("output.size_mismatch", outputs=outputs, data=name, classes=classes)
        return []
    targets = info.num_outputs
    if loss in CLASSIFICATION_LOSSES:
        return on_loss("loss.needs_classes")
    if outputs != targets:
        return on_layer("output.target_mismatch", outputs=outputs, data=name, targets=targets)
    return []


def check_experiment(
    experiment: Experiment, info: DataInfo, *, available_memory: int | None = None
) -> list[Problem]:
    """Everything that would stop this experiment from training on data described by ``info``.

    Returns problems (empty when the experiment is ready): layer problems,
    impossible shapes, the last layer against the classes or targets, the
    loss against the task, and a model too large for this computer's memory
    (``available_memory`` in bytes; by default what the system reports).
    Problems about a layer carry its index.
    """
    problems = spec_problems(experiment)
    if problems:
        return problems
    summary = summarize(experiment.model.layers, info.input_shape)
    if summary.error is not None:
        return [summary.error]
    assert summary.output_shape is not None
    layers = experiment.model.layers
    if len(summary.output_shape) != 1:
        shape = {"shape": summary.output_shape}
        return [Problem("output.image", shape, layer=len(layers) - 1, layer_kind=layers[-1].kind)]
    problems.extend(_output_problems(experiment, info, summary.output_shape[0]))
    if experiment.training.batch_size < 2:
        for index, layer in enumerate(layers):
            if layer.kind in ("BatchNorm1d", "BatchNorm2d"):
                problems.append(
                    Problem(
                        "layer.needs_batches",
                        layer=index,
                        layer_kind=layer.kind,
                        field="training.batch_size",
                    )
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
