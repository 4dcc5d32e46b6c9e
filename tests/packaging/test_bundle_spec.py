"""What the installers ship, checked without building one (a build takes minutes).

The PyInstaller spec reads its decisions from ``packaging/spec_helpers.py``;
these tests hold them to the source tree: every resource folder, every
command-line module and every lazily imported module goes in, the data code
the script export copies is there as source, the Qt modules left out are ones
nothing imports, and the resource lookup finds files in a frozen layout.
(The file is not called ``test_spec.py``: that name belongs to the spec's own
tests, and a ``tests/packaging`` package would hide the ``packaging`` library.)
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from playground.cli.main import SUBCOMMANDS
from playground.core import resources
from playground.core.export import script
from playground.core.io.files import SUFFIX
from playground.core.io.readers import load_experiment_file_any

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def _load(name: str) -> ModuleType:
    """A module of ``packaging/`` by its file (the folder is not an importable package)."""
    spec = importlib.util.spec_from_file_location(f"tp_packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being created
    spec.loader.exec_module(module)
    return module


helpers = _load("spec_helpers")
smoke = _load("smoke_test")


def _spec_calls() -> dict[str, list[ast.Call]]:
    tree = ast.parse((PACKAGING / "torch-playground.spec").read_text(encoding="utf-8"))
    calls: dict[str, list[ast.Call]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            calls.setdefault(node.func.id, []).append(node)
    return calls


def _keyword(call: ast.Call, name: str) -> str:
    for keyword in call.keywords:
        if keyword.arg == name:
            return ast.unparse(keyword.value)
    raise AssertionError(f"{ast.unparse(call.func)} has no {name}=")


def _app_sources() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted((ROOT / "playground").rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def _imported_names(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    return [base] + [f"{base}.{alias.name}" for alias in node.names]


def _lazy_imports() -> set[str]:
    """Modules imported inside a function body anywhere in ``playground``."""
    found: set[str] = set()
    for _, tree in _app_sources():
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    found.update(_imported_names(node))
    return found


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def test_the_spec_builds_from_the_helpers() -> None:
    calls = _spec_calls()
    (analysis,) = calls["Analysis"]
    assert "helpers.resource_datas()" in _keyword(analysis, "datas")
    assert "helpers.font_datas(sys.platform)" in _keyword(analysis, "datas")
    assert _keyword(analysis, "hiddenimports") == "helpers.hidden_imports()"
    assert _keyword(analysis, "excludes") == "helpers.excluded_modules()"
    assert _keyword(analysis, "module_collection_mode") == "helpers.module_collection_modes()"
    launchers = {_keyword(exe, "name"): _keyword(exe, "console") for exe in calls["EXE"]}
    assert launchers == {"helpers.GUI_EXE": "False", "helpers.CLI_EXE": "sys.platform != 'darwin'"}
    assert all(_keyword(exe, "strip") == "False" for exe in calls["EXE"])
    (collect,) = calls["COLLECT"]
    assert ast.unparse(collect.args[0]) == "*launchers"
    assert helpers.separate_windowed_launcher("win32")
    assert not helpers.separate_windowed_launcher("linux")
    assert not helpers.separate_windowed_launcher("darwin")
    (bundle,) = calls["BUNDLE"]
    assert _keyword(bundle, "info_plist") == "helpers.info_plist()"


def test_every_resource_folder_is_shipped() -> None:
    on_disk = {p.name for p in (ROOT / "resources").iterdir() if p.is_dir() and p.name[0] != "_"}
    assert {"icons", "presets", "styles"} <= on_disk
    shipped = {Path(dest).name: Path(source) for source, dest in helpers.resource_datas()}
    assert set(shipped) == on_disk
    for name, source in shipped.items():
        assert source == ROOT / "resources" / name
    assert all(dest.startswith("playground/resources/") for _, dest in helpers.resource_datas())


def test_the_translations_ship_with_qt_own_for_standard_dialogs() -> None:
    # Bundles drop Qt's translations folder (UNWANTED_FILES): ours carries qtbase_zh_CN.qm.
    shipped = {Path(dest).name: Path(source) for source, dest in helpers.resource_datas()}
    folder = shipped["translations"]
    assert {"playground_zh_CN.qm", "qtbase_zh_CN.qm"} <= {p.name for p in folder.iterdir()}
    assert helpers.is_unwanted("_internal/PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not helpers.is_unwanted("_internal/playground/resources/translations/qtbase_zh_CN.qm")


def test_every_subcommand_module_is_collected() -> None:
    hidden = set(helpers.hidden_imports())
    assert {module.__name__ for module in SUBCOMMANDS.values()} <= hidden
    assert "playground.cli.main" in hidden


def test_lazily_imported_modules_are_collected() -> None:
    lazy = {name for name in _lazy_imports() if name.startswith("playground.") and _is_module(name)}
    assert "playground.gui.shell.app" in lazy  # the app window is started by a lazy import
    assert lazy <= set(helpers.hidden_imports())


def test_every_module_of_the_app_is_collected() -> None:
    hidden = set(helpers.hidden_imports())
    for path in (ROOT / "playground").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        assert name in hidden
        assert _is_module(name)


def test_modules_found_by_name_are_collected_as_source() -> None:
    """The script export reads these modules' files; the bundle keeps the ``.py`` next to them."""
    assert set(helpers.SOURCE_MODULES) == {script.SYNTHETIC_MODULE, script.SKLEARN_MODULE}
    assert helpers.module_collection_modes() == dict.fromkeys(helpers.SOURCE_MODULES, "pyz+py")
    for name, tree in _app_sources():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and ast.unparse(node.func) in ("importlib.import_module", "__import__")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                assert node.args[0].value in helpers.hidden_imports(), name


def test_left_out_qt_modules_are_not_used() -> None:
    used: set[str] = set()
    for _, tree in _app_sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                used.update(
                    n.split(".")[1] for n in _imported_names(node) if n.startswith("PySide6.")
                )
    assert used, "the app imports Qt modules"
    assert used <= set(helpers.QT_MODULES_USED)
    assert not set(helpers.QT_MODULES_USED) & set(helpers.QT_MODULES_LEFT_OUT)
    excluded = set(helpers.excluded_modules())
    assert "onnxruntime" in excluded and "PySide6.QtWidgets" not in excluded


def test_excluded_packages_are_only_imported_lazily() -> None:
    """The app must start without them; only a function body may reach for one."""
    for path, tree in _app_sources():
        for node in tree.body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                top = {name.split(".")[0] for name in _imported_names(node)}
                assert not top & set(helpers.EXCLUDED_PACKAGES), path


def test_unwanted_files_and_their_links_are_dropped() -> None:
    toc = [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Quick.so.6", "/src/libQt6Quick.so.6", "BINARY"),
        ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("torch/bin/torch_shm_manager", "/src/torch_shm_manager", "EXECUTABLE"),
        ("torch/bin/test_jit", "/src/test_jit", "BINARY"),
        ("torch/bin/protoc-3.13.0.0", "/src/protoc", "BINARY"),
        ("torch/test/Dict_test", "/src/Dict_test", "BINARY"),
        ("numpy.libs/libscipy_openblas64_.so", "/src/libopenblas.so", "BINARY"),
    ]
    kept = [dest for dest, _, _ in helpers.without_unwanted(toc)]
    assert kept == [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libQt6Core.so.6",
        "torch/bin/torch_shm_manager",
        "numpy.libs/libscipy_openblas64_.so",
    ]


def test_libraries_only_a_dropped_plugin_needed_are_dropped_too() -> None:
    links = {
        "/qt/libqgtk3.so": ["libgtk-3.so.0", "libQt6Gui.so.6"],
        "/lib/libgtk-3.so.0": ["libcairo.so.2", "libglib-2.0.so.0"],
        "/lib/libcairo.so.2": ["libpixman-1.so.0"],
        "/qt/libQt6Core.so.6": ["libglib-2.0.so.0"],
        "/qt/libQt6Gui.so.6": ["libQt6Core.so.6"],
    }
    kept = [
        ("libgtk-3.so.0", "/lib/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/lib/libcairo.so.2", "BINARY"),
        ("libpixman-1.so.0", "/lib/libpixman-1.so.0", "BINARY"),
        ("libglib-2.0.so.0", "/lib/libglib-2.0.so.0", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/qt/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/qt/libQt6Gui.so.6", "BINARY"),
        ("libcairo.so", "libcairo.so.2", "SYMLINK"),
    ]
    removed = [("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/qt/libqgtk3.so", "BINARY")]
    left = helpers.without_orphans(kept, removed, lambda source: links.get(source, []))
    assert [dest for dest, _, _ in left] == [
        "libglib-2.0.so.0",  # Qt needs it as well
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Gui.so.6",
    ]
    assert helpers.unwanted(removed + kept) == removed


def test_the_fallback_font_is_carried_on_linux_only(tmp_path: Path) -> None:
    assert helpers.font_datas("win32") == helpers.font_datas("darwin") == []
    for source, dest in helpers.font_datas("linux"):
        assert Path(source).suffix == ".ttf" and dest == "playground/resources/fonts"


@pytest.fixture
def frozen_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A PyInstaller-style layout: resources copied under ``_MEIPASS/playground/resources``."""
    bundle = tmp_path / "_internal"
    shutil.copytree(ROOT / "resources", bundle / "playground" / "resources")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    resources.resources_root.cache_clear()
    yield bundle
    monkeypatch.undo()
    resources.resources_root.cache_clear()


def test_resources_are_found_in_a_frozen_bundle(frozen_bundle: Path) -> None:
    root = resources.resources_root()
    assert root == frozen_bundle / "playground" / "resources"
    preset = resources.resource_path("presets", "spiral.json")
    assert preset.is_file() and preset.is_relative_to(frozen_bundle)
    assert (
        resources.resource_path("icons", "app.svg").read_text(encoding="utf-8").startswith("<svg")
    )


def test_info_plist_declares_the_document_type() -> None:
    plist = helpers.info_plist()
    assert plist["CFBundleIdentifier"] == helpers.BUNDLE_ID
    assert plist["NSHighResolutionCapable"] is True
    assert plist["CFBundleShortVersionString"] == helpers.version()
    (exported,) = plist["UTExportedTypeDeclarations"]  # type: ignore[misc]
    assert exported["UTTypeTagSpecification"]["public.filename-extension"] == [SUFFIX[1:]]
    (document,) = plist["CFBundleDocumentTypes"]  # type: ignore[misc]
    assert document["LSItemContentTypes"] == [exported["UTTypeIdentifier"]]


def test_linux_desktop_entry_and_file_type_agree() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "torch-playground.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["MimeType"] == helpers.DOCUMENT_MIME + ";"
    assert desktop["Exec"].endswith("%f") and desktop["Icon"] == helpers.BUNDLE_NAME
    mime = (PACKAGING / "linux" / "torch-playground.xml").read_text(encoding="utf-8")
    assert f'type="{helpers.DOCUMENT_MIME}"' in mime and f'pattern="*{SUFFIX}"' in mime


def test_windows_installer_matches_the_bundle() -> None:
    nsis = (PACKAGING / "windows" / "installer.nsi").read_text(encoding="utf-8")
    assert f"{helpers.GUI_EXE}.exe" in nsis and f"{helpers.CLI_EXE}.exe" in nsis
    assert f'"{SUFFIX}"' in nsis
    assert "RequestExecutionLevel user" in nsis
    assert 'WriteUninstaller "$INSTDIR\\uninstall.exe"' in nsis


def test_the_smoke_tests_experiment_file_opens_in_the_app(tmp_path: Path) -> None:
    """The smoke test writes a ``.playground`` file by hand; the app must accept it."""
    source = ROOT / "resources" / "presets" / "xor.json"
    path = tmp_path / "hand made.playground"
    smoke.write_playground_file(path, source.read_bytes())
    loaded = load_experiment_file_any(path)
    assert loaded.experiment.data.name == "xor"  # type: ignore[union-attr]
    assert loaded.weights is None


def test_the_smoke_test_finds_the_launchers(tmp_path: Path) -> None:
    exe = ".exe" if sys.platform == "win32" else ""
    for name in (f"playground{exe}", f"TorchPlayground{exe}"):
        (tmp_path / name).write_text("", encoding="utf-8")
    found = smoke.find_launchers(tmp_path)
    assert (found.cli.name, found.gui.name) == (f"playground{exe}", f"TorchPlayground{exe}")
    assert smoke.find_launchers(tmp_path / f"playground{exe}") == found
    with pytest.raises(SystemExit):
        smoke.find_launchers(tmp_path / "empty")
