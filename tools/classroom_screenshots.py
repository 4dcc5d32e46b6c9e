"""Screenshots of a lesson and of presentation mode at 1024×768 for docs/screenshots/.

Run with the offscreen platform: ``QT_QPA_PLATFORM=offscreen python tools/classroom_screenshots.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from playground.core.lessons.library import list_lessons
from playground.gui.document import file_prompts
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings
from playground.gui.shell.theme import apply_theme

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def _settle(app: QApplication, window: MainWindow, steps: int = 0) -> None:
    for _ in range(20):
        app.processEvents()
    if steps:
        window.run.step_epoch()
        for _ in range(200):
            app.processEvents()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    file_prompts.ask_save_changes = lambda *_: file_prompts.SaveChoice.DISCARD  # type: ignore[assignment]
    OUT.mkdir(parents=True, exist_ok=True)
    for theme in ("light", "dark"):
        settings = AppSettings()
        settings.theme = theme
        apply_theme(app, theme, settings.font_size)
        window = MainWindow(settings)
        window.remember_on_close = False
        window.resize(1024, 768)
        window.show()
        window.arrange_panels(1024)
        entry = next(e for e in list_lessons() if e.lesson.id == "learning-rate-too-high")
        window.classroom.lessons.open(entry)
        _settle(app, window)
        window.grab().save(str(OUT / f"lesson-{theme}.png"))
        window.commands.presentation.setChecked(True)
        window.resize(1024, 768)
        _settle(app, window)
        window.grab().save(str(OUT / f"presentation-{theme}.png"))
        window.commands.presentation.setChecked(False)
        window.classroom.lessons.controller.close_lesson()
        window.close()
        _settle(app, window)
    return 0


if __name__ == "__main__":
    sys.exit(main())
