"""Missing X11 libraries on Linux: one sentence naming the packages, before Qt aborts."""

from __future__ import annotations

import pytest

from playground.core.messages.texts import set_language
from playground.gui.shell import app as app_module
from playground.gui.shell import xcb_check


def test_x11_is_used_on_linux_unless_another_platform_is_asked_for() -> None:
    assert xcb_check.uses_xcb("linux", {})
    assert xcb_check.uses_xcb("linux", {"QT_QPA_PLATFORM": "xcb"})
    assert not xcb_check.uses_xcb("linux", {"QT_QPA_PLATFORM": "offscreen"})
    assert not xcb_check.uses_xcb(
        "linux", {"WAYLAND_DISPLAY": "w-0", "XDG_SESSION_TYPE": "wayland"}
    )
    assert not xcb_check.uses_xcb("darwin", {})


def test_a_missing_library_is_named_by_its_package() -> None:
    absent = {"libxcb-cursor.so.0", "libxcb-keysyms.so.1"}
    missing = xcb_check.missing_xcb_packages(lambda name: name not in absent)
    assert missing == ["libxcb-cursor0", "libxcb-keysyms1"]
    assert xcb_check.missing_xcb_packages(lambda _name: True) == []
    message = xcb_check.missing_packages_message(missing)
    assert "sudo apt install libxcb-cursor0 libxcb-keysyms1" in message
    assert message.count(".") == 1 and message.endswith(".")  # one sentence


def test_the_app_says_what_to_install_instead_of_starting_qt(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shown: list[str] = []
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(xcb_check.sys, "platform", "linux")  # as on the machines at issue
    monkeypatch.setattr(xcb_check, "_loads", lambda name: name != "libxcb-icccm.so.4")
    monkeypatch.setattr(xcb_check, "show_without_qt", lambda text: shown.append(text) or True)
    # No QApplication exists yet at a real start; creating one would be the failure.
    monkeypatch.setattr(app_module, "QApplication", _Forbidden)
    assert app_module.main([]) == app_module.EXIT_FAILED
    err = capsys.readouterr().err
    assert "libxcb-icccm4" in err and "sudo apt install" in err
    assert "plugin" not in err
    assert shown and "libxcb-icccm4" in shown[0]


class _Forbidden:
    """Stands in for QApplication: creating one here would be the failure under test."""

    @staticmethod
    def instance() -> None:
        return None

    def __init__(self, *_args: object) -> None:
        raise AssertionError("the app created a QApplication although X11 libraries are missing")


def test_the_desktop_dialog_is_skipped_without_a_display(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    assert not xcb_check.show_without_qt("text")


def test_the_sentence_speaks_the_language_asked_for(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # No Qt translator exists before the QApplication: the core's table words it.
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(xcb_check.sys, "platform", "linux")
    monkeypatch.setattr(xcb_check, "_loads", lambda name: name != "libxcb-icccm.so.4")
    monkeypatch.setattr(xcb_check, "show_without_qt", lambda _text: True)
    monkeypatch.setattr(app_module, "QApplication", _Forbidden)
    try:
        assert app_module.main(["--lang", "zh_CN"]) == app_module.EXIT_FAILED
    finally:
        set_language("en")
    err = capsys.readouterr().err
    assert "缺少 Qt 的 X11 库" in err and "sudo apt install libxcb-icccm4" in err
    assert err.rstrip().endswith("。")
