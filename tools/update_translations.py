"""Regenerate the interface translations: ``.ts`` from the sources, ``.qm`` from the ``.ts``.

Run it after adding or changing any text in ``playground/gui``::

    .venv/bin/python tools/update_translations.py            # update .ts, build .qm
    .venv/bin/python tools/update_translations.py --check    # only report, change nothing

1. ``pyside6-lupdate`` reads every ``tr()``, ``QCoreApplication.translate()`` and
   ``QT_TRANSLATE_NOOP()`` under ``playground/gui`` and updates
   ``resources/translations/playground_<lang>.ts``: new texts arrive as
   unfinished, translations of texts that still exist are kept, vanished ones
   are dropped. Translate the unfinished entries with Qt Linguist
   (``pyside6-linguist``) or any text editor, following ``glossary.md``.
2. ``pyside6-lrelease`` builds ``playground_<lang>.qm``, the file the app loads.
3. ``qm-sources.json`` records the SHA-256 of each ``.ts`` its ``.qm`` was built
   from, so a test can tell a stale ``.qm`` (git keeps no file times).
4. Qt's own ``qtbase_<lang>.qm`` (standard buttons and file dialogs) is copied
   next to ours: bundles leave out Qt's translations folder.

The core's and the command line's texts are not here: they live in
``playground/core/messages/<lang>.py`` (see that package).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "playground" / "gui"
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)
RECORD = FOLDER / "qm-sources.json"


def tool(name: str) -> str:
    """The path of a Qt tool from the PySide6 installation next to this Python."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} was not found; install the project's dev dependencies first")
    return found


def ts_path(language: str) -> Path:
    return FOLDER / f"playground_{language}.ts"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sources() -> list[str]:
    """Every Python file of the app, relative to the repository (stable .ts locations)."""
    return sorted(str(path.relative_to(ROOT)) for path in SOURCES.rglob("*.py"))


def update(language: str) -> None:
    target = ts_path(language)
    subprocess.run(
        [tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "relative",
         "-target-language", language, "-ts", str(target.relative_to(ROOT))],
        cwd=ROOT, check=True,
    )  # fmt: skip


def release(language: str) -> str:
    target = ts_path(language)
    qm = target.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), str(target), "-qm", str(qm)], cwd=ROOT, check=True)
    return digest(target)


def copy_qt_translation(language: str) -> None:
    from PySide6.QtCore import QLibraryInfo

    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    source = qt_folder / f"qtbase_{language}.qm"
    if source.is_file():
        shutil.copyfile(source, FOLDER / source.name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale files, change nothing")
    args = parser.parse_args()
    record = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.is_file() else {}
    if args.check:
        stale = [
            lang for lang in LANGUAGES if record.get(ts_path(lang).name) != digest(ts_path(lang))
        ]
        print("stale: " + ", ".join(stale) if stale else "every .qm matches its .ts")
        return 1 if stale else 0
    FOLDER.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        update(language)
        record[ts_path(language).name] = release(language)
        copy_qt_translation(language)
    RECORD.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
