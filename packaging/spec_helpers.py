"""What goes into the frozen app, computed from the source tree; read by the PyInstaller spec.

The spec (``torch-playground.spec``) stays a short list of build steps; the
decisions live here as plain data, so the normal test suite can check them
without PyInstaller (``tests/packaging/test_spec.py``): every resource folder
is shipped, every module of ``playground`` is in the bundle even when nothing
imports it by a plain ``import`` statement, the data code that the script
export copies is there as source, and the parts of Qt and of the optional
packages left out are ones the app never uses.
"""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path

TocEntry = tuple[str, str, str]  # (path in the bundle, source or link target, kind)

PACKAGING = Path(__file__).resolve().parent
REPO_ROOT = PACKAGING.parent
PACKAGE_DIR = REPO_ROOT / "playground"
RESOURCES_DIR = REPO_ROOT / "resources"

APP_TITLE = "Torch Playground"
BUNDLE_NAME = "torch-playground"  # the onedir folder, the .deb package and /opt folder
GUI_EXE = "TorchPlayground"  # windowed launcher: what people double-click
CLI_EXE = "playground"  # console launcher: the command line (and the app from a terminal)
BUNDLE_ID = "org.torchplayground.TorchPlayground"
DOCUMENT_SUFFIX = "playground"
DOCUMENT_MIME = "application/x-torch-playground"
DOCUMENT_UTI = "org.torchplayground.experiment"

#: Where ``resources/`` lands inside the bundle; :mod:`playground.core.resources` looks there.
RESOURCES_IN_BUNDLE = "playground/resources"

#: Modules whose ``.py`` source must be in the bundle as a file, not only as bytecode:
#: the script export (:mod:`playground.core.export.script`) copies their code verbatim.
SOURCE_MODULES: tuple[str, ...] = (
    "playground.core.data.synthetic",
    "playground.core.data.sklearn_sets",
)

#: The parts of Qt the app and pyqtgraph use; PySide6-Essentials' other modules stay out.
QT_MODULES_USED: tuple[str, ...] = (
    "QtCore",
    "QtGui",
    "QtWidgets",
    "QtSvg",
    "QtOpenGL",
    "QtOpenGLWidgets",
)
QT_MODULES_LEFT_OUT: tuple[str, ...] = (
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtBluetooth",
    "QtCharts",
    "QtConcurrent",
    "QtDBus",
    "QtDataVisualization",
    "QtDesigner",
    "QtGraphs",
    "QtHelp",
    "QtHttpServer",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetwork",
    "QtNetworkAuth",
    "QtNfc",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtPrintSupport",
    "QtQml",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtSvgWidgets",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtXml",
)

#: Python packages never shipped: ONNX export is left out of the download (≈ 126 MB; the
#: app says so in words), and nothing in the app needs the rest.
EXCLUDED_PACKAGES: tuple[str, ...] = (
    "onnx",
    "onnxscript",
    "onnxruntime",
    "tkinter",
    "matplotlib",
    "IPython",
    "pytest",
    "PyQt5",
    "PyQt6",
    "PySide2",
)

#: Collected files (paths inside the bundle, ``/``-separated globs) removed after analysis.
#: The GTK platform theme would pull in the build machine's GTK stack; Qt's translations
#: and the QML/Quick leftovers belong to modules the app does not use.
UNWANTED_FILES: tuple[str, ...] = (
    "*/plugins/platformthemes/*gtk3*",
    "*/Qt/translations/*",
    "*/Qt/qml/*",
    "*/Qt/lib/libQt6Quick*",
    "*/Qt/lib/libQt6Qml*",
    "*/Qt/lib/libQt6Pdf*",
    "*/Qt/lib/libQt6VirtualKeyboard*",
    "*/plugins/platforminputcontexts/*virtualkeyboard*",
    "*/plugins/imageformats/*pdf*",
    # PyTorch's own C++ test programs and its protobuf compiler; torch_shm_manager stays.
    "*/torch/test/*",
    "*/torch/bin/test_*",
    "*/torch/bin/*Test",
    "*/torch/bin/*Test.exe",
    "*/torch/bin/protoc*",
)

#: A font with a free licence carried on Linux for machines without any (the app
#: registers it only when Qt finds no system font); the first that exists is used.
LINUX_FONT_CANDIDATES: tuple[str, ...] = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
)
FONTS_IN_BUNDLE = RESOURCES_IN_BUNDLE + "/fonts"


def version() -> str:
    """The app's version, from ``pyproject.toml``."""
    with (REPO_ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def resource_folders() -> list[str]:
    """The folders under ``resources/`` (icons, presets, styles, …)."""
    return sorted(
        path.name
        for path in RESOURCES_DIR.iterdir()
        if path.is_dir() and not path.name.startswith((".", "__"))
    )


def resource_datas() -> list[tuple[str, str]]:
    """PyInstaller ``datas`` entries: every resource folder, at :data:`RESOURCES_IN_BUNDLE`."""
    return [
        (str(RESOURCES_DIR / name), f"{RESOURCES_IN_BUNDLE}/{name}") for name in resource_folders()
    ]


def font_datas(platform: str) -> list[tuple[str, str]]:
    """The fallback font to carry (Linux only: Windows and macOS always have fonts)."""
    if not platform.startswith("linux"):
        return []
    for candidate in LINUX_FONT_CANDIDATES:
        if Path(candidate).is_file():
            return [(candidate, FONTS_IN_BUNDLE)]
    return []


def app_modules() -> list[str]:
    """Every module of the ``playground`` package, by dotted name.

    All of them go into the bundle as hidden imports: PyInstaller follows
    ``import`` statements, and this makes the bundle independent of how a
    module is reached (a lazy import inside a function, a command table).
    """
    modules = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        parts = path.relative_to(REPO_ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules.append(".".join(parts))
    return modules


def hidden_imports() -> list[str]:
    """Modules PyInstaller must collect even if its analysis does not find them."""
    return app_modules()


def separate_windowed_launcher(platform: str) -> bool:
    """Whether the app gets its own windowed launcher next to the console one.

    Only Windows needs it: a console program opens a terminal behind the window.
    Each launcher carries its own copy of the Python archive (about 48 MB), so
    Linux, where the console flag changes nothing, and macOS, whose ``.app``
    starts one windowed program, ship just one.
    """
    return platform == "win32"


def excluded_modules() -> list[str]:
    """Modules kept out of the bundle: the unused parts of Qt and the excluded packages."""
    return [f"PySide6.{name}" for name in QT_MODULES_LEFT_OUT] + list(EXCLUDED_PACKAGES)


def module_collection_modes() -> dict[str, str]:
    """``module_collection_mode`` for Analysis: bytecode in the archive plus the ``.py`` file."""
    return {module: "pyz+py" for module in SOURCE_MODULES}


def is_unwanted(dest: str, patterns: Iterable[str] = UNWANTED_FILES) -> bool:
    """Whether a collected file (its path inside the bundle) is one to leave out."""
    normal = "/" + dest.replace("\\", "/")
    return any(fnmatch.fnmatch(normal, pattern) for pattern in patterns)


def without_unwanted(toc: Iterable[TocEntry]) -> list[TocEntry]:
    """A TOC without the unwanted files and without symlinks that would point at them.

    PyInstaller 6 records symbolic links as ``(dest, target, "SYMLINK")``; dropping a
    library but not its link would leave a dangling link in the bundle.
    """
    kept = []
    for dest, source, kind in toc:
        if is_unwanted(dest):
            continue
        if kind == "SYMLINK":
            target = str(Path(dest).parent / source).replace("\\", "/")
            if is_unwanted(target):
                continue
        kept.append((dest, source, kind))
    return kept


def unwanted(toc: Iterable[TocEntry]) -> list[TocEntry]:
    """The entries :func:`without_unwanted` drops (their libraries may be orphans)."""
    kept = set(without_unwanted(list(toc)))
    return [entry for entry in toc if entry not in kept]


def without_orphans(
    kept: Iterable[TocEntry],
    removed: Iterable[TocEntry],
    imports: Callable[[str], Iterable[str]],
) -> list[TocEntry]:
    """``kept`` without the top-level libraries that only removed files linked against.

    PyInstaller collects the link-time dependencies of every binary before the spec
    can drop one: removing Qt's GTK theme plugin leaves GTK, cairo and pango behind
    unless they go too. ``imports(source)`` names the libraries a file links against
    (PyInstaller's ``bindepend.get_imports``). A library another kept file needs,
    directly or through other libraries, stays.
    """
    kept = list(kept)
    libraries = {
        Path(dest).name: source
        for dest, source, kind in kept
        if kind == "BINARY" and "/" not in dest.replace("\\", "/")
    }

    def reachable(sources: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        stack = list(sources)
        while stack:
            for name in imports(stack.pop()):
                base = Path(name).name
                if base in libraries and base not in seen:
                    seen.add(base)
                    stack.append(libraries[base])
        return seen

    suspects = reachable(source for _, source, kind in removed if kind != "SYMLINK")
    roots = [
        source
        for dest, source, kind in kept
        if kind not in ("SYMLINK", "DATA") and Path(dest).name not in suspects
    ]
    orphans = suspects - reachable(roots)
    return [
        (dest, source, kind)
        for dest, source, kind in kept
        if Path(dest).name not in orphans and not (kind == "SYMLINK" and Path(source).name in orphans)
    ]


def info_plist() -> dict[str, object]:
    """The macOS ``Info.plist`` entries of the ``.app``: identity, documents, high-DPI."""
    return {
        "CFBundleName": APP_TITLE,
        "CFBundleDisplayName": APP_TITLE,
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": version(),
        "CFBundleVersion": version(),
        "NSHighResolutionCapable": True,
        "NSPrincipalClass": "NSApplication",
        "LSMinimumSystemVersion": "11.0",
        "LSApplicationCategoryType": "public.app-category.education",
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": f"{APP_TITLE} experiment",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [DOCUMENT_UTI],
                "CFBundleTypeIconFile": "app.icns",
            }
        ],
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": DOCUMENT_UTI,
                "UTTypeDescription": f"{APP_TITLE} experiment",
                "UTTypeConformsTo": ["public.data", "public.content"],
                "UTTypeIconFile": "app.icns",
                "UTTypeTagSpecification": {
                    "public.filename-extension": [DOCUMENT_SUFFIX],
                    "public.mime-type": [DOCUMENT_MIME],
                },
            }
        ],
    }
