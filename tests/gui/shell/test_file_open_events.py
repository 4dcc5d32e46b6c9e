"""Files the desktop hands over (macOS sends QFileOpenEvent) and the font for bare systems."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QFileOpenEvent, QFontDatabase
from PySide6.QtWidgets import QApplication

from playground.core.io.files import save_experiment_file
from playground.core.spec.presets import load_preset
from playground.gui.shell import fonts
from playground.gui.shell.file_open_events import FileOpenRelay


def test_files_that_come_before_the_window_are_kept_until_it_is_there(qapp: QApplication) -> None:
    relay = FileOpenRelay()
    qapp.installEventFilter(relay)
    opened: list[str] = []
    try:
        QCoreApplication.sendEvent(qapp, QFileOpenEvent("/tmp/first.playground"))
        QCoreApplication.sendEvent(qapp, QFileOpenEvent("/tmp/second.playground"))
        assert relay.pending == ["/tmp/first.playground", "/tmp/second.playground"]
        relay.connect_to(opened.append)
        assert opened == ["/tmp/first.playground", "/tmp/second.playground"]
        assert relay.pending == []
        QCoreApplication.sendEvent(qapp, QFileOpenEvent("/tmp/later.playground"))
        assert opened[-1] == "/tmp/later.playground"
        assert not relay.eventFilter(qapp, QEvent(QEvent.Type.User))  # other events pass
    finally:
        qapp.removeEventFilter(relay)


# Run in a child process: the app's main() sets up the application object for good.
_SEND_FILE_OPEN_EVENT = """
import sys
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from playground.gui.document.experiment_files import ExperimentFiles
from playground.gui.shell import app as app_module
from playground.gui.shell.file_open_events import PlaygroundApplication

# The app's own application object (as main() makes it), or one made elsewhere.
app = (PlaygroundApplication if sys.argv[3] == "own" else QApplication)(["playground"])
original = ExperimentFiles.open_path

def recording_open(self, path):
    loaded = original(self, path)
    print("OPENED", path, loaded is not None, flush=True)
    return loaded

ExperimentFiles.open_path = recording_open
# Sent once the event loop runs, as macOS does after launching the app for a file.
QTimer.singleShot(0, lambda: QCoreApplication.sendEvent(app, QFileOpenEvent(sys.argv[1])))
sys.exit(app_module.main(["--preset", "spiral", "--screenshot", sys.argv[2]]))
"""


@pytest.mark.parametrize("application", ["own", "made elsewhere"])
def test_the_app_opens_a_file_sent_by_the_desktop(tmp_path: Path, application: str) -> None:
    document = tmp_path / "sent by finder.playground"
    save_experiment_file(document, load_preset("xor"))
    shot = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, "-c", _SEND_FILE_OPEN_EVENT, str(document), str(shot), application],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    opened = [line for line in result.stdout.splitlines() if line.startswith("OPENED")]
    assert opened == [f"OPENED {document} True"]
    assert shot.is_file()


# The app's application object takes its own file events in event(), with no filter.
_OWN_APPLICATION_OBJECT = """
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QFileOpenEvent
from playground.gui.shell.file_open_events import PlaygroundApplication

app = PlaygroundApplication(["playground"])
QCoreApplication.sendEvent(app, QFileOpenEvent("/tmp/early.playground"))
print("PENDING", app.file_events.pending)
print("OTHER TAKEN", app.file_events.take(QEvent(QEvent.Type.User)))
"""


def test_the_apps_application_object_takes_file_events_itself() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _OWN_APPLICATION_OBJECT],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "PENDING ['/tmp/early.playground']" in result.stdout
    assert "OTHER TAKEN False" in result.stdout


class _NoSystemFonts:
    """QFontDatabase as a machine without fonts shows it; registering still works."""

    families = staticmethod(lambda *args: [])
    addApplicationFont = staticmethod(QFontDatabase.addApplicationFont)
    applicationFontFamilies = staticmethod(QFontDatabase.applicationFontFamilies)


def test_the_carried_font_is_used_only_when_the_system_has_none(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert fonts.ensure_a_font(qapp) is None  # this machine has fonts: nothing changes
    source = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not source.is_file():
        pytest.skip("needs DejaVu Sans (Debian's fonts-dejavu-core)")
    (tmp_path / "fonts").mkdir()
    shutil.copy(source, tmp_path / "fonts")
    monkeypatch.setattr(fonts, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    monkeypatch.setattr(fonts, "QFontDatabase", _NoSystemFonts)
    before = qapp.font()
    try:
        assert fonts.ensure_a_font(qapp) == "DejaVu Sans"
        assert qapp.font().family() == "DejaVu Sans"
        assert qapp.font().pointSize() == before.pointSize()
    finally:
        qapp.setFont(before)
    monkeypatch.setattr(fonts, "resource_path", lambda *parts: tmp_path.joinpath("none", *parts))
    assert fonts.ensure_a_font(qapp) is None  # no carried font (a pip install): nothing to do
