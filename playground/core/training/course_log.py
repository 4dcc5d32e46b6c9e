"""The training log in the course's own words: ``Epoch [10/100], Loss: 0.1234``.

The course's loops print this line every few epochs; the app's log view prints
the same line from the engine's epoch records, so the two can be compared line
by line.
"""

from __future__ import annotations

from collections.abc import Iterable

from playground.core.training.history import EpochRecord


def log_line(epoch: int, epochs: int, loss: float) -> str:
    """One line as the course's code prints it (``f"...{loss:.4f}"``)."""
    return f"Epoch [{epoch}/{epochs}], Loss: {loss:.4f}"


def log_lines(records: Iterable[EpochRecord], epochs: int, every: int) -> list[str]:
    """Lines for the records whose epoch is a multiple of ``every`` (at least 1)."""
    step = max(1, int(every))
    return [log_line(r.epoch, epochs, r.train_loss) for r in records if r.epoch % step == 0]
