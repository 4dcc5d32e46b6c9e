"""Autosave and crash recovery: the app saves in the background; after a crash it offers the file.

While the user works, :func:`write_autosave` keeps a complete ``.playground``
file at :func:`~playground.core.io.paths.autosave_path` (atomic, so a crash during
the save leaves the previous autosave). Before the first autosave it writes a
marker; a clean shutdown calls :func:`clear_autosave`, which removes both. At
the next start, :func:`find_recoverable_autosave` returns the autosave only if
the marker is still there, i.e. the app did not close cleanly.
"""

from __future__ import annotations

import contextlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import torch

from playground.core.io.atomic import atomic_write_text
from playground.core.io.files import save_experiment_file
from playground.core.io.paths import autosave_marker_path, autosave_path
from playground.core.runs.records import RunRecord
from playground.core.spec.experiment import Experiment


def _marker_pid(marker: Path) -> int | None:
    try:
        value = json.loads(marker.read_text(encoding="utf-8")).get("pid")
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, int) else None


def write_autosave(
    experiment: Experiment,
    *,
    weights: dict[str, torch.Tensor] | None = None,
    runs: list[RunRecord] | None = None,
) -> Path:
    """Save the current work to the autosave file; returns its path."""
    marker = autosave_marker_path()
    if _marker_pid(marker) != os.getpid():
        stamp = {"pid": os.getpid(), "since": datetime.now(UTC).isoformat(timespec="seconds")}
        atomic_write_text(marker, json.dumps(stamp) + "\n")
    path = autosave_path()
    save_experiment_file(path, experiment, weights=weights, runs=runs)
    return path


def find_recoverable_autosave() -> Path | None:
    """The autosave left by a session that did not close cleanly, or ``None``.

    Call it at start-up, before this session autosaves; the caller opens the
    file with :func:`~playground.core.io.readers.load_experiment_file_any` and, if
    the user declines, calls :func:`clear_autosave`.
    """
    path, marker = autosave_path(), autosave_marker_path()
    if not path.is_file() or not marker.is_file():
        return None
    if _marker_pid(marker) == os.getpid():
        return None  # this session's own autosave, not a leftover
    return path


def clear_autosave() -> None:
    """On a clean shutdown (or after a restore was declined): remove the autosave and its marker."""
    for path in (autosave_path(), autosave_marker_path()):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
