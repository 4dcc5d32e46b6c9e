"""The interface language of the app: Qt's translators, the core's catalogue, the lesson texts.

One call, :func:`install_language`, makes the whole app speak one language: it
loads our own ``resources/translations/playground_<code>.qm`` (made by
``tools/update_translations.py``), Qt's own ``qtbase_<code>.qm`` so the
standard dialogs and buttons (file dialogs, Yes/No) match, and switches the
Qt-free catalogue the core and the command line word problems with. The
choice is the ``language`` setting (``system``, ``en`` or ``zh_CN``); widgets
take their texts when they are built, so a new choice applies after a restart,
which :mod:`language_menu` offers to do.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

from playground.core.messages.language import (
    DEFAULT_LANGUAGE,
    SYSTEM,
    environment_language,
    normalize_language,
)
from playground.core.messages.texts import set_language
from playground.core.resources import resource_path
from playground.gui.shell.fonts import use_chinese_font

#: The translators now installed, kept alive here (Qt does not own them).
_installed: list[QTranslator] = []
_language = DEFAULT_LANGUAGE


def translations_folder() -> Path:
    """Where our ``.ts`` and ``.qm`` files live."""
    return resource_path("translations")


def resolve_language(choice: str) -> str:
    """The language for a setting of ``system``, ``en`` or ``zh_CN``.

    ``system`` reads the locale variables first (``LANG=zh_CN.UTF-8`` on
    Linux), then what Qt knows of the system (the Windows and macOS region
    and language settings, which set no variables).
    """
    if choice and choice != SYSTEM:
        return normalize_language(choice) or DEFAULT_LANGUAGE
    from_environment = environment_language()
    if from_environment:
        return from_environment
    for name in QLocale.system().uiLanguages():
        found = normalize_language(name)
        if found:
            return found
    return DEFAULT_LANGUAGE


def _load(folder: Path | str, name: str) -> QTranslator | None:
    translator = QTranslator()
    return translator if translator.load(name, str(folder)) else None


def _install(translator: QTranslator | None) -> None:
    if translator is not None:
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)


def install_language(code: str) -> str:
    """Make the running app speak ``code`` (a shipped language); returns the code in use.

    English needs only its plural forms (``playground_en.qm``: "1 step/s" for
    the source's "%n steps/s"). A missing ``.qm`` leaves the texts as in the
    sources instead of failing.
    """
    global _language
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            QCoreApplication.removeTranslator(translator)
    _installed.clear()
    _language = normalize_language(code) or DEFAULT_LANGUAGE
    set_language(_language)
    _use_locale(_language)
    if app is None:
        return _language
    if _language == DEFAULT_LANGUAGE:
        _install(_load(translations_folder(), f"playground_{_language}"))
        return _language
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = (
        (translations_folder(), f"playground_{_language}"),
        (qt_folder, f"qtbase_{_language}"),
        (translations_folder(), f"qtbase_{_language}"),  # a bundle without Qt's folder
    )
    loaded_qt = False
    for folder, name in candidates:
        if name.startswith("qtbase") and loaded_qt:
            continue
        translator = _load(folder, name)
        _install(translator)
        loaded_qt = loaded_qt or (translator is not None and name.startswith("qtbase"))
    return _language


def current_language() -> str:
    """The code of the language the app speaks (``en`` or ``zh_CN``)."""
    return _language


def _use_locale(code: str) -> None:
    """Qt's default locale follows the language (lessons and Qt's dialogs read it).

    English keeps the system's locale unless that is Chinese, so a German
    teacher who reads English still sees the spin boxes as before.
    """
    if code == "zh_CN":
        QLocale.setDefault(QLocale("zh_CN"))
    elif QLocale.system().name().startswith("zh"):
        QLocale.setDefault(QLocale("en_US"))
    else:
        QLocale.setDefault(QLocale.system())


def start_language(app: QGuiApplication, choice: str) -> tuple[str, bool]:
    """Install the language chosen (a setting or ``--lang``) before any widget is built.

    Returns the language in use and whether Chinese was wanted but no font
    can draw it: then the app stays English rather than show boxes, and the
    caller tells the user once (:func:`missing_font_notice`).
    """
    wanted = resolve_language(choice)
    if wanted == "zh_CN" and use_chinese_font(app) is None:
        return install_language(DEFAULT_LANGUAGE), True
    return install_language(wanted), False


def missing_font_notice() -> tuple[str, str]:
    """Title and text of the notice that no Chinese font is installed, in both languages.

    Both, because the app could not switch to Chinese: the reader may know only one.
    """
    return (
        "No Chinese font · 没有中文字体",
        "Torch Playground would show its texts in Chinese, but this computer has no "
        "font that can draw Chinese characters, so it stays in English. Install one "
        "(on Linux, for example, the package fonts-noto-cjk or fonts-wqy-microhei) "
        "and start the app again.\n\n"
        "本机没有可以显示中文的字体，所以界面暂时保持英文。请安装中文字体"
        "（例如在 Linux 上安装 fonts-noto-cjk 或 fonts-wqy-microhei）后重新启动。",
    )
