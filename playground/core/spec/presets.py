"""The example experiments shipped with the app (``resources/presets/*.json``).

Presets are ordinary experiment files, so the app, the command line and a
user's own files share one format and one validator. The order below runs
from the first steps (a straight line) to the hardest sets; a preset file
added later without an entry here is listed after them, by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from playground.core.problems import Problem, closest_match
from playground.core.resources import resource_path
from playground.core.spec.experiment import Experiment
from playground.core.spec.json_files import read_experiment_json
from playground.core.spec.validation import SpecError

PRESET_ORDER: tuple[str, ...] = (
    "linear-regression",
    "plane-regression",
    "simple-nn",
    "mlp-identity",
    "gaussian",
    "xor",
    "circle",
    "spiral",
    "iris",
    "digits",
    "digits-cnn",
)


@dataclass(frozen=True)
class PresetInfo:
    """What a preset menu shows: the name to load it by, its title and one-line description."""

    name: str
    title: str
    description: str


def _rank(name: str) -> tuple[int, str]:
    return (PRESET_ORDER.index(name), "") if name in PRESET_ORDER else (len(PRESET_ORDER), name)


@cache
def _load_all() -> dict[str, Experiment]:
    folder = resource_path("presets")
    if not folder.is_dir():
        return {}
    names = sorted((path.stem for path in folder.glob("*.json")), key=_rank)
    return {name: read_experiment_json(folder / f"{name}.json") for name in names}


def preset_names() -> list[str]:
    """The names of every shipped preset, in menu order."""
    return list(_load_all())


def list_presets() -> list[PresetInfo]:
    """Every shipped preset with its title and description, in menu order."""
    return [
        PresetInfo(name, experiment.name, experiment.description)
        for name, experiment in _load_all().items()
    ]


def load_preset(name: str) -> Experiment:
    """A fresh copy of the named preset; raises :class:`SpecError` naming the choices."""
    presets = _load_all()
    key = name.strip().lower()
    if key.endswith(".json"):
        key = key[: -len(".json")]
    if key not in presets:
        names = list(presets)
        if not names:
            raise SpecError(Problem("spec.no_presets"))
        values = {"name": name, "suggestion": closest_match(key, names), "presets": tuple(names)}
        raise SpecError(Problem("spec.unknown_preset", values))
    return presets[key].model_copy(deep=True)
