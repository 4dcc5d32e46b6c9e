"""Where the files shipped under ``resources/`` (presets, icons, style sheets) are found.

``resources/`` is installed as the package ``playground.resources``, so
:mod:`importlib.resources` finds it in a wheel and in an editable install. Two
other layouts need help: a source checkout run without installing (the folder
sits next to ``playground/``) and a frozen bundle (PyInstaller unpacks data
under ``sys._MEIPASS``).
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.resources
import sys
from functools import cache
from pathlib import Path

_PACKAGE = "playground.resources"
_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def _frozen_root() -> Path | None:
    bundle = getattr(sys, "_MEIPASS", None)
    if not bundle:
        return None
    for candidate in (Path(bundle) / "playground" / "resources", Path(bundle) / "resources"):
        if candidate.is_dir():
            return candidate
    return None


@cache
def resources_root() -> Path:
    """The folder that holds the shipped resources, as a real path on disk."""
    frozen = _frozen_root()
    if frozen is not None:
        return frozen
    try:
        root = importlib.resources.files(_PACKAGE)
    except ModuleNotFoundError:
        # A source checkout used without installing: resources/ is beside playground/.
        return Path(__file__).resolve().parents[2] / "resources"
    if isinstance(root, Path):
        return root
    # Inside a zip (zipimport): extract once for the life of the process.
    return _extracted.enter_context(importlib.resources.as_file(root))


def resource_path(*parts: str) -> Path:
    """The path of a shipped file, e.g. ``resource_path("presets", "spiral.json")``.

    The path may not exist; callers that need the file check and say so in words.
    """
    return resources_root().joinpath(*parts)
