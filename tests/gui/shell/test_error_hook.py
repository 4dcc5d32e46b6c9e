"""An unexpected error in a slot reaches the user as a sentence, with details in a log."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QWidget

from playground.gui.shell.error_hook import describe_error, install_error_hook, log_path


@pytest.fixture
def shown() -> Iterator[list[str]]:
    messages: list[str] = []
    saved = sys.excepthook

    def show(parent: QWidget | None, text: str) -> None:
        messages.append(text)

    install_error_hook(show)
    yield messages
    sys.excepthook = saved


def test_uncaught_error_becomes_a_sentence_and_a_log_entry(shown: list[str]) -> None:
    try:
        raise KeyError("layer")
    except KeyError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert len(shown) == 1
    assert shown[0].startswith("Something unexpected went wrong (KeyError: 'layer').")
    assert "keeps running" in shown[0]
    assert "Traceback" not in shown[0]
    log = log_path().read_text(encoding="utf-8")
    assert "Traceback" in log and "KeyError" in log


def test_core_errors_keep_their_own_sentence() -> None:
    assert describe_error(ValueError("kernel 5 is larger than its 4×4 input")) == (
        "kernel 5 is larger than its 4×4 input."
    )
