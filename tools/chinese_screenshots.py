"""The 简体中文 interface in pictures for docs/screenshots/ (zh-*.png), and the sizes it must hold.

Switches the app to Chinese (as View ▸ Language or ``--lang zh_CN`` does) and
saves: the spiral trained (1280×800, light and dark), the layer editor with an
error (1024×768 with the 20-point projector font), the autograd lab with the
chain rule stepped half way, and the CSV import dialog with a table loaded.
``--check`` also saves the main window at 1024×768 and 1280×800 in both themes
under /tmp for a look at clipping, without touching docs/. Needs a Chinese
font (on Linux fonts-noto-cjk); runs offscreen::

    .venv/bin/python tools/chinese_screenshots.py
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from playground.core.spec.experiment import LayerSpec
from playground.gui.data.csv_import_dialog import CsvImportDialog
from playground.gui.document import file_prompts
from playground.gui.lab.lab_window import LabWindow
from playground.gui.shell.language import install_language, start_language
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings, Theme
from playground.gui.shell.theme import apply_theme

ROOT = Path(__file__).resolve().parents[1]
_TIMEOUT_MS = 120_000


def _settle(app: QApplication, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()


def _wait(app: QApplication, done: object) -> None:
    assert callable(done)
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if done() else None)
    timer.start(50)
    QTimer.singleShot(_TIMEOUT_MS, loop.quit)
    loop.exec()
    timer.stop()
    # The plots draw at the frame pacer's rate: give the last frame time to come.
    QTimer.singleShot(1000, loop.quit)
    loop.exec()
    _settle(app)


def _window(app: QApplication, theme: Theme, font_size: int, size: tuple[int, int]) -> MainWindow:
    settings = AppSettings(theme=theme, font_size=font_size)
    apply_theme(app, theme, font_size)
    window = MainWindow(settings)
    window.remember_on_close = False
    window.resize(*size)
    window.arrange_panels(size[0])
    window.show()
    _settle(app)
    return window


def _save(widget: QWidget, path: Path) -> Path:
    widget.grab().save(str(path))
    print(f"{path}: {widget.width()}×{widget.height()}, {path.stat().st_size // 1024} KB")
    return path


def spiral_trained(app: QApplication, theme: Theme, size: tuple[int, int], path: Path) -> None:
    window = _window(app, theme, 11, size)
    window.open_preset("spiral")
    window.training_panel.epochs.setValue(120)
    window.commands.play.trigger()
    _wait(app, lambda: len(window.document.history.records) == 1 and not window.run.is_running)
    _save(window, path)
    window.run.shutdown(10)
    window.close()


def editor_with_error(app: QApplication, path: Path) -> None:
    window = _window(app, "light", 20, (1024, 768))
    window.open_preset("digits-cnn")
    layers = list(window.model.experiment.model.layers)
    convs = [i for i, layer in enumerate(layers) if layer.kind == "Conv2d"]
    last = layers[convs[-1]]
    layers[convs[-1]] = LayerSpec(kind=last.kind, params={**last.params, "kernel_size": 15})
    window.editor.set_layers(layers)
    window.editor.select_row(convs[-1])
    window.model_dock.raise_()
    _settle(app)
    _save(window, path)
    window.close()


def lab_stepped(app: QApplication, path: Path) -> None:
    apply_theme(app, "light", 11)
    window = LabWindow()
    window.resize(1024, 768)
    window.show()
    finished: list[bool] = []
    window.run_finished.connect(lambda *_: finished.append(True))
    window.load_example("chain-rule")
    _wait(app, lambda: bool(finished))
    window.stepper.set_position((window.stepper.step_count() + 1) // 2)
    _settle(app)
    _save(window, path)
    window.close()


def csv_dialog(app: QApplication, path: Path) -> None:
    apply_theme(app, "light", 11)
    folder = Path(tempfile.mkdtemp())
    table = folder / "花瓣.csv"
    rows = ["花萼长度,花萼宽度,花瓣长度,品种"] + [
        f"{5 + i % 7 * 0.2:.1f},{3 + i % 5 * 0.1:.1f},{1.4 + i % 9 * 0.5:.1f},"
        + ("山鸢尾" if i % 3 == 0 else "变色鸢尾" if i % 3 == 1 else "维吉尼亚鸢尾")
        for i in range(60)
    ]
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    dialog = CsvImportDialog()
    dialog.load_file(str(table))
    dialog.show()
    _settle(app)
    _save(dialog, path)
    dialog.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--check", action="store_true", help="also the layout checks, in /tmp")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    file_prompts.ask_save_changes = lambda *_: file_prompts.SaveChoice.DISCARD  # type: ignore[assignment]
    language, font_missing = start_language(app, "zh_CN")
    if language != "zh_CN" or font_missing:
        print("no Chinese font is installed (on Linux: fonts-noto-cjk)", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    spiral_trained(app, "light", (1280, 800), args.out / "zh-spiral-light.png")
    spiral_trained(app, "dark", (1280, 800), args.out / "zh-spiral-dark.png")
    editor_with_error(app, args.out / "zh-editor-error-large-text.png")
    lab_stepped(app, args.out / "zh-lab-chain-rule.png")
    csv_dialog(app, args.out / "zh-csv-dialog.png")
    if args.check:
        check = Path(tempfile.gettempdir())
        for theme in ("light", "dark"):
            for size, font in (((1024, 768), 20), ((1280, 800), 11), ((1920, 1080), 11)):
                window = _window(app, theme, font, size)
                window.open_preset("iris")
                _settle(app)
                _save(window, check / f"zh-check-{theme}-{size[0]}-{font}pt.png")
                window.close()
    install_language("en")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
