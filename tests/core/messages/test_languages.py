"""Both languages word everything: problems, diagnosis findings, lab problems, plain texts."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from playground.core.data import DATASET_TABLE
from playground.core.lab.problems import LAB_MESSAGES, LabProblem
from playground.core.lab.problems import describe as describe_lab
from playground.core.layers.catalog import CATALOGUE
from playground.core.messages import CATALOGUES, describe, sentence, use_catalogue
from playground.core.messages.en import TEMPLATES as ENGLISH
from playground.core.messages.language import normalize_language, resolve_language, system_language
from playground.core.messages.texts import active_language, set_language, text
from playground.core.messages.zh_CN import TEMPLATES as CHINESE
from playground.core.messages.zh_CN import TEXTS
from playground.core.problems import PLACE_NAMES, PROBLEM_VALUES, Problem
from playground.core.spec.experiment import LayerSpec
from playground.core.spec.options import (
    INIT_TABLE,
    LOSS_TABLE,
    OPTIMIZER_TABLE,
    SCHEDULE_TABLE,
    SECTION_FIELDS,
)
from playground.core.spec.presets import list_presets
from playground.core.training.diagnosis import HINT_CODES
from playground.core.training.snapshot import Hint
from tests.core.messages.test_catalogue import sample

PACKAGE = Path(__file__).resolve().parents[3] / "playground"
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese() -> Iterator[None]:
    set_language("zh_CN")
    try:
        yield
    finally:
        set_language("en")


def fields(template: str) -> set[tuple[str, str]]:
    return {
        (name, spec or "")
        for _text, name, spec, _conversion in string.Formatter().parse(template)
        if name is not None
    }


@pytest.mark.parametrize("key", sorted(ENGLISH))
def test_the_chinese_catalogue_has_every_key_with_the_same_placeholders(key: str) -> None:
    assert key in CHINESE, f"{key} has no Chinese wording"
    english = {name for name, _spec in fields(ENGLISH[key])}
    chinese = {name for name, _spec in fields(CHINESE[key])}
    assert chinese <= english | {"place"}, f"{key} uses values the core does not give"


@pytest.mark.parametrize("code", sorted(PROBLEM_VALUES))
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_problem_code_is_worded_in_both_languages(code: str, language: str) -> None:
    values = {name: sample(name) for name in PROBLEM_VALUES[code] if name not in PLACE_NAMES}
    problem = Problem(code, values, row=4, column="x1")  # type: ignore[arg-type]
    with use_catalogue(CATALOGUES[language]):
        text_ = sentence(describe(problem.at_layer(2, "Linear")))
    assert text_ and "{" not in text_ and "}" not in text_
    if language == "zh_CN" and code != "note" and code != "spec.rule":
        assert HAN.search(text_), f"{code} reads {text_!r} in Chinese"
        assert "第 3 层（Linear）" in text_
        assert text_.endswith(("。", "？", "！"))


def _hint_values(code: str) -> dict[str, object]:
    layer = {"number": 2, "kind": "Linear"}
    samples: dict[str, object] = {
        "weak": layer,
        "strong": {"number": 4, "kind": "Linear"},
        "layer": layer,
        "times": "1,000",
        "ratio": 0.25,
        "share": 0.6,
        "total": 3e4,
    }
    return {name: samples[name] for name in HINT_CODES[code]}


@pytest.mark.parametrize("code", sorted(HINT_CODES))
def test_every_diagnosis_code_is_worded_in_both_languages(code: str) -> None:
    hint = Hint("warning", 1, code, _hint_values(code))
    english = (hint.message, hint.hint)
    set_language("zh_CN")
    try:
        chinese = (hint.message, hint.hint)
    finally:
        set_language("en")
    for words in (*english, *chinese):
        assert words and "{" not in words
    assert all(not HAN.search(words) for words in english)
    assert all(HAN.search(words) for words in chinese)
    if "layer" in HINT_CODES[code] or "weak" in HINT_CODES[code]:
        assert "layer 2 (Linear)" in english[0] and "第 2 层（Linear）" in chinese[0]


@pytest.mark.parametrize("code", sorted(LAB_MESSAGES))
def test_every_lab_problem_is_worded_in_chinese(code: str, chinese: None) -> None:
    template = LAB_MESSAGES[code]
    assert template in TEXTS, f"{code} has no Chinese wording"
    english_names = {name for name, _spec in fields(template)}
    assert {name for name, _spec in fields(TEXTS[template])} == english_names
    problem = LabProblem(code, 3, {name: "x" for name in english_names})
    words = describe_lab(problem)
    assert words.startswith("第 3 行：") and HAN.search(words)


def _core_titles() -> Iterator[str]:
    for table in (OPTIMIZER_TABLE, LOSS_TABLE, SCHEDULE_TABLE, INIT_TABLE):
        for option in table.values():
            yield option.title
            yield getattr(option, "help", "")
    for section in SECTION_FIELDS.values():
        for setting in section.values():
            yield from (setting.title, setting.help)
    for data in DATASET_TABLE.values():
        yield from (data.title, data.description)
    for kind in CATALOGUE.values():
        yield kind.help
        for parameter in kind.params:
            yield from (parameter.title, parameter.help)
    for preset in list_presets():
        yield from (preset.title, preset.description)


# Names that stay as they are in Chinese (optimizers are known by these names).
KEPT_AS_IS = {
    "SGD",
    "Adam",
    "AdamW",
    "RMSprop",
    "Adagrad",
    "Beta 1",
    "Beta 2",
    "eps",
    "alpha",
    "beta",
}


def test_every_title_and_help_of_the_core_tables_is_translated() -> None:
    missing = sorted({t for t in _core_titles() if t and t not in TEXTS and t not in KEPT_AS_IS})
    assert missing == []


def _text_calls() -> Iterator[tuple[str, str]]:
    """Every ``text("…")`` literal in the package, with where it is."""
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "text"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                yield node.args[0].value, f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"


def test_every_text_the_code_asks_for_is_translated() -> None:
    missing = [f"{where}: {source!r}" for source, where in _text_calls() if source not in TEXTS]
    assert missing == [], "add these to core/messages/zh_CN.py TEXTS:\n" + "\n".join(missing)


def test_translated_texts_keep_the_placeholders_of_their_source() -> None:
    wrong = [
        source
        for source, words in TEXTS.items()
        if {name for name, _ in fields(source)} != {name for name, _ in fields(words)}
    ]
    assert wrong == []


def test_text_follows_the_language_and_falls_back_to_english(chinese: None) -> None:
    assert active_language() == "zh_CN"
    assert text("Learning rate") == "学习率"
    assert text("A sentence nobody translated.") == "A sentence nobody translated."
    set_language("fr")
    assert active_language() == "en" and text("Learning rate") == "Learning rate"


def test_the_system_language_comes_from_the_locale_variables() -> None:
    assert system_language({"LANG": "zh_CN.UTF-8"}) == "zh_CN"
    assert system_language({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}) == "zh_CN"
    assert system_language({"LANGUAGE": "fr:zh_CN:en", "LANG": "fr_FR.UTF-8"}) == "zh_CN"
    assert system_language({"LANG": "de_DE.UTF-8"}) == "en"
    assert system_language({"LANG": "C"}) == "en"
    assert normalize_language("zh-Hans") == "zh_CN" and normalize_language("fr") is None
    assert resolve_language("en", {"LANG": "zh_CN.UTF-8"}) == "en"
    assert resolve_language("system", {"LANG": "zh_CN.UTF-8"}) == "zh_CN"


def test_every_label_of_the_run_differences_is_translated() -> None:
    from playground.core.runs import differences

    labels = [*differences._SECTION_LABELS.values(), *differences._FIELD_LABELS.values()]
    assert [label for label in labels if label not in TEXTS] == []


def test_onnx_refusals_read_in_chinese(chinese: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from playground.core.export import onnx

    monkeypatch.setattr(onnx, "ONNX_LAYER_KINDS", frozenset({"Linear"}))
    layers = [LayerSpec(kind="Linear", params={"out_features": 4}), LayerSpec(kind="ReLU")]
    assert onnx.onnx_problems(layers) == [
        "第 2 层（ReLU）还不能导出为 ONNX；请删除它，或改为导出 TorchScript 或权重"
    ]
    monkeypatch.setattr(onnx.sys, "frozen", True, raising=False)
    assert onnx.onnx_missing_reason().startswith("为了保持体积小")
