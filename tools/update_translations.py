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

English has a ``.ts`` too, with only the texts that count (``%n``): it gives
their singular, so English reads "1 step/s" where the source says "%n steps/s".
lupdate marks as plural only the ``self.tr(…, n)`` texts, not
``QCoreApplication.translate(…, n)`` ones, so this tool picks every text with
``%n`` from a full lupdate run itself, marks it plural and keeps the forms
already written; new ones arrive unfinished, to be filled in like any translation.

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
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "playground" / "gui"
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")
#: Languages whose .ts holds only the texts with plural forms (the sources are English).
PLURAL_ONLY = ("en",)
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


def lupdate(language: str, target: Path) -> None:
    subprocess.run(
        [tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "relative",
         "-target-language", language, "-ts", str(target)],
        cwd=ROOT, check=True,
    )  # fmt: skip


def _plural_forms(path: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) → the finished plural forms of a plural-only .ts."""
    if not path.is_file():
        return {}
    forms: dict[tuple[str, str], list[str]] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished":
                continue
            written = [form.text or "" for form in translation.iter("numerusform")]
            if all(written):
                forms[(name, message.findtext("source", ""))] = written
    return forms


def plural_only(full: ET.Element, old: dict[tuple[str, str], list[str]], count: int) -> None:
    """Reduce a full .ts tree to its texts with ``%n``, as plurals, keeping ``old`` forms."""
    for context in list(full.iter("context")):
        name = context.findtext("name", "")
        for message in list(context.iter("message")):
            source = message.findtext("source", "")
            if "%n" not in source:
                context.remove(message)
                continue
            message.set("numerus", "yes")
            for location in message.findall("location"):  # relative to messages now gone
                message.remove(location)
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.clear()
            written = old.get((name, source))
            if written is None:
                translation.set("type", "unfinished")
            for form in written or [""] * count:
                ET.SubElement(translation, "numerusform").text = form
        if context.find("message") is None:
            full.remove(context)


def update(language: str) -> None:
    target = ts_path(language)
    if language not in PLURAL_ONLY:
        lupdate(language, target.relative_to(ROOT))
        return
    with tempfile.TemporaryDirectory() as folder:
        everything = Path(folder) / target.name
        lupdate(language, everything)
        tree = ET.parse(everything)
    plural_only(tree.getroot(), _plural_forms(target), count=2)  # English: one, other
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    header = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
    target.write_text(header + body + "\n", encoding="utf-8")


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
        if language not in PLURAL_ONLY:
            copy_qt_translation(language)
    RECORD.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
