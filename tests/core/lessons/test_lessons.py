"""Shipped lessons load, cover the course, speak both languages; hostile lesson files are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from playground.core.lessons.goals import goal_status, hidden_units
from playground.core.lessons.library import LessonError, list_lessons, load_lesson
from playground.core.lessons.model import Goal
from playground.core.spec.presets import load_preset

COURSE_UNITS = {
    "tensors-and-devices",
    "computation-graph",
    "long-path",
    "chain-rule",
    "accumulation-and-zeroing",
    "no-grad",
    "manual-gradient-descent",
    "linear-regression",
    "mlp-identity",
    "adam-2-2-1",
    "features-versus-depth",
    "learning-rate-too-high",
    "overfitting",
}


def test_every_course_unit_has_a_lesson_in_both_languages() -> None:
    lessons = [entry.lesson for entry in list_lessons()]
    assert {lesson.id for lesson in lessons} >= COURSE_UNITS
    for lesson in lessons:
        assert lesson.title.zh_CN and lesson.summary.zh_CN, lesson.id
        for step in lesson.steps:
            assert step.text.zh_CN and step.text.en, lesson.id
            assert step.text.text("zh_CN") == step.text.zh_CN
            assert step.text.text("en") == step.text.en
            assert step.preset or step.lab, f"{lesson.id}: a step opens something"


def _write(tmp_path: Path, document: object) -> Path:
    path = tmp_path / "lesson.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


GOOD = {
    "id": "x",
    "unit": "Autograd",
    "title": {"en": "T"},
    "summary": {"en": "S"},
    "steps": [{"text": {"en": "Hi"}, "lab": "graph-basics"}],
}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"steps": []}, "steps"),
        ({"extra": 1}, "extra"),
        ({"id": "../../etc"}, "id"),
        ({"steps": [{"text": {"en": "a"}, "preset": "no-such-preset"}]}, "no-such-preset"),
        ({"steps": [{"text": {"en": "a"}, "lab": "no-such-lab"}]}, "no-such-lab"),
        ({"steps": [{"text": {"en": "a"}, "hide": ["__class__"]}]}, "hide"),
        (
            {"steps": [{"text": {"en": "a"}, "goal": {"metric": "train_loss"}}]},
            "exactly one of 'below' and 'above'",
        ),
        ({"format": 2}, "format"),
    ],
)
def test_a_broken_lesson_is_refused_in_words(
    tmp_path: Path, change: dict[str, object], expected: str
) -> None:
    with pytest.raises(LessonError) as caught:
        load_lesson(_write(tmp_path, {**GOOD, **change}))
    assert expected in str(caught.value) and "lesson.json" in str(caught.value)


def test_hostile_lesson_files_are_refused(tmp_path: Path) -> None:
    assert load_lesson(_write(tmp_path, GOOD)).id == "x"
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    with pytest.raises(LessonError):
        load_lesson(deep)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (600 * 1024))
    with pytest.raises(LessonError):
        load_lesson(big)
    with pytest.raises(LessonError):
        load_lesson(tmp_path)  # a folder
    binary = tmp_path / "bin.json"
    binary.write_bytes(b"\xff\xfe\x00\x01")
    with pytest.raises(LessonError):
        load_lesson(binary)


def test_goals_follow_the_metrics_and_the_hidden_units() -> None:
    spiral = load_preset("spiral")  # two hidden layers of 32
    assert hidden_units(spiral) == 64
    goal = Goal(metric="validation_accuracy", above=0.9, max_hidden_units=8)
    assert not goal_status(goal, {"validation_accuracy": 0.95}, spiral).reached
    assert goal_status(goal, {"validation_accuracy": 0.95}, spiral).too_many_units
    small = load_preset("spiral-features")
    assert hidden_units(small) == 8
    assert goal_status(goal, {"validation_accuracy": 0.95}, small).reached
    assert not goal_status(goal, {"validation_accuracy": 0.85}, small).reached
    assert not goal_status(goal, {}, small).reached
    below = Goal(metric="train_loss", below=0.01)
    assert goal_status(below, {"train_loss": 0.001}, small).reached
    assert not goal_status(below, {"train_loss": float("nan")}, small).reached
