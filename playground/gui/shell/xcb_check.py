"""Before the window opens on Linux: are Qt's X11 libraries installed?

Qt's X11 platform plugin (xcb) needs a dozen small system libraries that a
fresh Debian or Ubuntu often lacks (libxcb-cursor0 above all). Without them
Qt prints a long message about plugins and aborts, which tells a
non-programmer nothing. So before the QApplication exists, each library the
plugin links to is loaded by name; the ones missing are named by the package
that installs them, in one sentence on stderr and, where the desktop has a
message tool, in a small dialog. No translator can be installed before the
QApplication, so the sentence comes from the core's text table
(:func:`~playground.core.messages.texts.text`), in the language the caller set.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping

from playground.core.messages.texts import text

#: The libraries Qt's xcb plugin links to (from ``ldd libqxcb.so libQt6XcbQpa.so.6``),
#: with the Debian/Ubuntu package that installs each.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}

#: Desktop tools that can show a message before Qt runs, with their arguments.
_DIALOG_TOOLS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("zenity", ("--error", "--title=Torch Playground", "--no-markup", "--text")),
    ("kdialog", ("--title", "Torch Playground", "--error")),
    ("xmessage", ("-center",)),
)


def uses_xcb(platform: str | None = None, environ: Mapping[str, str] | None = None) -> bool:
    """Whether Qt would start on X11 here (Linux, and no other platform plugin asked for)."""
    platform = sys.platform if platform is None else platform
    environ = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return False
    wanted = environ.get("QT_QPA_PLATFORM", "").strip().lower()
    if wanted:
        return wanted.split(";")[0].split(":")[0] == "xcb"
    # Qt prefers Wayland in a Wayland session; elsewhere it starts on X11.
    return not (environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland")


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_xcb_packages(loads: Callable[[str], bool] | None = None) -> list[str]:
    """The packages whose libraries cannot be loaded, in the table's order (empty: fine)."""
    loads = _loads if loads is None else loads
    return [package for library, package in XCB_LIBRARIES.items() if not loads(library)]


def missing_packages_message(packages: list[str]) -> str:
    """The one sentence that says what to install, in the core's active language."""
    return text(
        "The window cannot open because Qt's X11 libraries are missing; install them "
        "with: sudo apt install {packages} (the commands, such as playground train, still work).",
        packages=" ".join(packages),
    )


def show_without_qt(message: str) -> bool:
    """Show ``message`` in a dialog of the desktop's own, if one is installed; whether so."""
    if not os.environ.get("DISPLAY"):
        return False
    for tool, arguments in _DIALOG_TOOLS:
        path = shutil.which(tool)
        if path is None:
            continue
        try:
            # Not waited for: the dialog stays up after the app has exited.
            subprocess.Popen(
                [path, *arguments, message],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        except OSError:
            continue
        return True
    return False


def check_xcb(show: Callable[[str], bool] | None = None) -> str | None:
    """Before the QApplication: the sentence about missing X11 packages, shown on stderr and
    in a desktop dialog, or None when the window can open (or does not use X11)."""
    if not uses_xcb():
        return None
    missing = missing_xcb_packages()
    if not missing:
        return None
    message = missing_packages_message(missing)
    print(f"playground: {message}", file=sys.stderr)
    (show_without_qt if show is None else show)(message)
    return message
