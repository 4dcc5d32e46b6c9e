"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 dropped one reference to ``None`` on every call of a Qt method
that returns nothing; on Python 3.11 a long session then aborts with
"Fatal Python error: none_dealloc". pyproject excludes that release; this test
fails loudly if such a binding comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer


def test_calls_returning_nothing_keep_none_alive() -> None:
    holder = QObject()
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(500):
        holder.setObjectName("probe")
        timer.stop()
    assert sys.getrefcount(None) - before > -100
