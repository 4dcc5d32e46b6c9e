"""Python's cyclic garbage collector held back while the window is built.

Starting the app makes a few hundred thousand objects that live as long as it
does (Qt's bindings, pyqtgraph, pydantic's models, the window and its plots).
Each time enough new objects have been made the collector runs, and its full
passes walk all of them again: a few hundred milliseconds of a cold start spent
finding next to no garbage (measured: under 8,000 objects of 350,000, a few
hundred kilobytes). So the start pauses the collector; once the window serves
events, everything made so far is frozen (kept out of the collector's passes
for good, as it lives as long as the app) and collection resumes for what
comes after, in the GUI thread only (:mod:`playground.gui.shell.gui_collector`).
A bonus of freezing: the full passes during training no longer walk the
start-up objects, so they stay short. This module stays free of Qt: it runs
before the bindings are imported.
"""

from __future__ import annotations

import gc

_paused = False  # set by pause_during_start: a window opened otherwise (tests) is left alone


def pause_during_start() -> None:
    """Stop automatic collection until :func:`resume_after_start`."""
    global _paused
    _paused = True
    gc.disable()


def resume_after_start() -> None:
    """Freeze what the start made and collect automatically again (if the start paused it)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
