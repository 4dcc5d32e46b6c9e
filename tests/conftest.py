"""Test configuration shared by every test: no screen, no real user settings or data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from playground.core.messages import use_catalogue
from playground.core.messages.en import TEMPLATES
from playground.core.messages.texts import set_language
from playground.core.problems import PROBLEM_VALUES

# Qt must never need a screen in tests; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Most tests train in a thread of the test process, for speed (see gui/training/process_runs.py);
# the tests of the process path ask for it themselves.
os.environ.setdefault("PLAYGROUND_TRAINING", "thread")

# Tests read English unless they switch: the machine's own locale must not decide.
os.environ["LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """A test that switches the interface language leaves English behind for the next."""
    yield
    set_language("en")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Point settings and the data directory (autosave, run history) at a temporary folder.

    The app reads PLAYGROUND_SETTINGS_DIR and PLAYGROUND_DATA_DIR before falling back
    to the platform's locations, so no test touches the user's real files. Environment
    variables also reach subprocesses started by tests.
    """
    root = tmp_path_factory.mktemp("user")
    saved = {key: os.environ.get(key) for key in ("PLAYGROUND_SETTINGS_DIR", "PLAYGROUND_DATA_DIR")}
    os.environ["PLAYGROUND_SETTINGS_DIR"] = str(root / "settings")
    os.environ["PLAYGROUND_DATA_DIR"] = str(root / "data")
    yield root
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def pseudo_templates() -> dict[str, str]:
    """A stand-in translation: every problem code reads ``⟦code⟧`` and then its values.

    Phrases keep their placeholders inside ``«…»`` so they stay fillable. Tests that
    word problems with it prove that no code depends on the English text.
    """
    templates = {key: f"«{template}»" for key, template in TEMPLATES.items()}
    templates["place.join"] = "{place} ⟫ {text}"
    templates["place.source"] = "{source} ⟫ {text}"
    for code, names in PROBLEM_VALUES.items():
        templates[code] = " ".join([f"⟦{code}⟧", *(f"{{{name}}}" for name in names)])
    return templates


@pytest.fixture
def pseudo_translation() -> Iterator[dict[str, str]]:
    """Word every problem with :func:`pseudo_templates` during the test."""
    templates = pseudo_templates()
    with use_catalogue(templates):
        yield templates
