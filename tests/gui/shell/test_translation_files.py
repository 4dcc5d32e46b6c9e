"""The shipped translation files: complete, built from what is checked in, true to the glossary."""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTranslator

from playground.core.messages.zh_CN import TEXTS
from playground.core.resources import resource_path

FOLDER = resource_path("translations")
TS = FOLDER / "playground_zh_CN.ts"
ENGLISH_TS = FOLDER / "playground_en.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%\d")


def messages() -> Iterator[tuple[str, str, ET.Element]]:
    """(context, source, message element) for every entry of the Chinese .ts."""
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message.findtext("source") or "", message


def translation_of(message: ET.Element) -> str:
    element = message.find("translation")
    assert element is not None
    forms = [form.text or "" for form in element.iter("numerusform")]
    return " ".join(forms) if forms else element.text or ""


def test_no_entry_of_the_ts_is_unfinished_or_empty() -> None:
    unfinished = [
        f"{context}: {source!r}"
        for context, source, message in messages()
        if (message.find("translation") is not None)
        and (
            message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
            or not translation_of(message).strip()
        )
    ]
    assert unfinished == [], "run tools/update_translations.py and translate:\n" + "\n".join(
        unfinished
    )


def test_the_qm_was_built_from_the_ts_checked_in() -> None:
    # git keeps no file times: the update tool records the .ts content each .qm was built from.
    recorded = json.loads((FOLDER / "qm-sources.json").read_text(encoding="utf-8"))
    digest = hashlib.sha256(TS.read_bytes()).hexdigest()
    assert recorded[TS.name] == digest, "the .qm is stale: run tools/update_translations.py"
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    assert translator.translate("Commands", "&File") == "文件(&F)"


def test_english_gives_every_counted_text_its_singular_and_plural() -> None:
    # Every text with %n in the interface has its two English forms, built into the .qm.
    counted = {(context, source) for context, source, _ in messages() if "%n" in source}
    english: dict[tuple[str, str], list[str]] = {}
    for context in ET.parse(ENGLISH_TS).getroot().iter("context"):
        for message in context.iter("message"):
            element = message.find("translation")
            assert element is not None and element.get("type") is None
            key = (context.findtext("name") or "", message.findtext("source") or "")
            english[key] = [form.text or "" for form in element.iter("numerusform")]
    assert set(english) == counted
    assert all(len(forms) == 2 and all(forms) for forms in english.values())
    recorded = json.loads((FOLDER / "qm-sources.json").read_text(encoding="utf-8"))
    assert recorded[ENGLISH_TS.name] == hashlib.sha256(ENGLISH_TS.read_bytes()).hexdigest()
    translator = QTranslator()
    assert translator.load(str(ENGLISH_TS.with_suffix(".qm")))
    assert translator.translate("SpeedControl", "%n steps/s", "", 1) == "%n step/s"
    assert translator.translate("SpeedControl", "%n steps/s", "", 5) == "%n steps/s"


def test_qt_own_chinese_translation_ships_for_bundles() -> None:
    translator = QTranslator()
    assert translator.load(str(FOLDER / "qtbase_zh_CN.qm"))
    assert translator.translate("QPlatformTheme", "Cancel") == "取消"


def test_translations_keep_every_placeholder_and_shortcut_marker() -> None:
    wrong = []
    for context, source, message in messages():
        words = translation_of(message)
        if sorted(set(PLACEHOLDER.findall(source))) != sorted(set(PLACEHOLDER.findall(words))):
            wrong.append(f"{context}: {source!r} → {words!r}")
        mnemonic = re.search(r"&(\w)", source)
        if mnemonic and context == "Commands" and "&" not in words:
            wrong.append(f"{context}: {source!r} lost its & shortcut")
    assert wrong == []


def glossary() -> list[tuple[str, str]]:
    """The checked terms of glossary.md as (English, Chinese)."""
    rows = []
    for line in (FOLDER / "glossary.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[2] == "yes":
            rows.append((cells[0], cells[1]))
    return rows


def pairs() -> Iterator[tuple[str, str, str]]:
    """Every English text with its Chinese: the interface's and the core's."""
    for context, source, message in messages():
        yield context, source, translation_of(message)
    for source, words in TEXTS.items():
        yield "core", source, words


def test_the_glossary_lists_the_course_terms() -> None:
    terms = dict(glossary())
    for english, chinese in {
        "tensor": "张量",
        "gradient": "梯度",
        "learning rate": "学习率",
        "loss": "损失",
        "optimizer": "优化器",
        "batch size": "批大小",
        "epoch": "轮",
        "validation": "验证",
        "weight": "权重",
    }.items():
        assert terms[english] == chinese


@pytest.mark.parametrize(("english", "chinese"), glossary())
def test_every_text_with_a_glossary_term_uses_its_chinese(english: str, chinese: str) -> None:
    # Words typed in code or files stay as they are (``requires_grad``, ``zero_grad``).
    pattern = re.compile(rf"(?<![\w.'_-]){re.escape(english)}(s|es)?(?![\w'(_-])", re.IGNORECASE)
    astray = [
        f"{context}: {source!r} → {words!r}"
        for context, source, words in pairs()
        if pattern.search(re.sub(r"'[^']*'|\{[^}]*\}|[\w.]+\(\)", "", source))
        and chinese not in words
    ]
    assert astray == []
