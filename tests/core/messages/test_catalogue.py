"""The message catalogue: every problem code has wording, and every wording can be filled."""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping

import pytest

from playground.core.messages import (
    CATALOGUES,
    catalogue,
    describe,
    describe_problems,
    sentence,
    use_catalogue,
)
from playground.core.messages.en import TEMPLATES
from playground.core.problems import PLACE_NAMES, PROBLEM_VALUES, Problem
from playground.core.training.diagnosis import HINT_CODES
from playground.core.training.run_ending import RUN_ENDING_CODES

# Keys that are not problem codes but the phrases wording is built from.
PHRASE_PREFIXES = ("place.", "phrase.", "shape.", "setting.", "choice.")
# The gradient diagnosis: what each finding says, and what to try.
DIAGNOSIS_KEYS = {f"diagnosis.{code}{end}" for code in HINT_CODES for end in ("", ".try")}
# Why a run ended.
RUN_KEYS = {f"run.{code}" for code in RUN_ENDING_CODES}


def fields(template: str) -> Iterator[tuple[str, str]]:
    """Every ``{name:spec}`` of a template, as (name, spec)."""
    for _text, name, spec, _conversion in string.Formatter().parse(template):
        if name is not None:
            yield name, spec or ""


def sample(name: str) -> object:
    """A value of the kind the core puts under ``name``."""
    samples: Mapping[str, object] = {
        "shape": (8, 4, 4),
        "known": ("Linear", "ReLU"),
        "choices": ("adam", "sgd"),
        "parameters": ("out_features", "bias"),
        "presets": ("spiral", "xor"),
        "chosen": ("x1^2",),
        "suggestion": "epochs",
        "setting": "batch_size",
        "choice_of": "optimizer.kind",
    }
    return samples.get(name, 3)


@pytest.mark.parametrize("language", sorted(CATALOGUES))
def test_every_code_has_a_template_and_every_template_a_purpose(language: str) -> None:
    templates = CATALOGUES[language]
    assert set(PROBLEM_VALUES) <= set(templates)
    assert set(templates) >= DIAGNOSIS_KEYS | RUN_KEYS
    orphans = [
        key
        for key in templates
        if key not in PROBLEM_VALUES
        and key not in DIAGNOSIS_KEYS | RUN_KEYS
        and not key.startswith(PHRASE_PREFIXES)
    ]
    assert orphans == []


@pytest.mark.parametrize("code", sorted(PROBLEM_VALUES))
def test_every_placeholder_is_a_value_the_core_declares(code: str) -> None:
    declared = set(PROBLEM_VALUES[code]) | {"place"}
    for name, spec in fields(TEMPLATES[code]):
        assert name in declared, f"{code} uses {{{name}}}, which the core does not give"
        if spec.startswith("opt:"):
            assert spec[4:] in TEMPLATES, f"{code} refers to a missing phrase {spec[4:]}"


@pytest.mark.parametrize("code", sorted(PROBLEM_VALUES))
def test_every_code_is_worded(code: str) -> None:
    values = {name: sample(name) for name in PROBLEM_VALUES[code] if name not in PLACE_NAMES}
    problem = Problem(code, values, row=4, column="x1")  # type: ignore[arg-type]
    text = describe(problem)
    assert text and "{" not in text and "}" not in text
    on_layer = describe(problem.at_layer(2, "Linear"))
    assert "layer 3 (Linear)" in on_layer


def test_a_problem_refuses_unknown_codes_and_missing_values() -> None:
    with pytest.raises(ValueError, match="unknown problem code"):
        Problem("layer.no_such_thing")
    with pytest.raises(ValueError, match="lacks the values kernel"):
        Problem("layer.kernel_too_large", {"height": 4, "width": 4, "padding": 0})


def test_places_are_worded_in_front_unless_the_template_places_them() -> None:
    kernel = Problem(
        "layer.kernel_too_large",
        {"kernel": 5, "height": 3, "width": 3, "padding": 0},
        layer=2,
        layer_kind="Conv2d",
    )
    assert describe(kernel) == (
        "layer 3 (Conv2d): kernel 5 is larger than its 3×3 input; "
        "use a smaller kernel, more padding, or fewer pooling layers before it"
    )
    assert describe(kernel, with_place=False).startswith("kernel 5 is larger")
    assert describe(kernel.within("net.json")).startswith("net.json: layer 3 (Conv2d): ")
    batches = Problem("layer.needs_batches", layer=0, layer_kind="BatchNorm1d")
    assert describe(batches).startswith("layer 1 (BatchNorm1d) needs batches")
    assert describe(Problem("spec.missing", {"setting": "lr"}, section="optimizer")) == (
        "optimizer: learning rate is missing; add it"
    )


def test_one_sentence_helper_for_every_front_end() -> None:
    assert sentence("  layer 2:  too   big ") == "Layer 2: too big."
    assert sentence("done?") == "Done?"
    assert sentence("bad.json: oops", capital=False) == "bad.json: oops."
    problems = [Problem("file.empty"), Problem("model.empty"), Problem("data.unavailable")]
    assert describe_problems(problems, limit=1) == (
        "The file is empty; choose a Torch Playground experiment file. (2 more problems.)"
    )


def test_a_catalogue_can_be_swapped_for_another_language() -> None:
    french = dict(TEMPLATES)
    french["file.empty"] = "le fichier est vide"
    with use_catalogue(french):
        assert catalogue() is french
        assert describe(Problem("file.empty")) == "le fichier est vide"
    assert describe(Problem("file.empty")).startswith("the file is empty")
