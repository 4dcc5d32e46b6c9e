"""``.playground`` experiment files: the spec, trained weights and run history in one zip.

Layout (file format :data:`~playground.core.io.migrations.CURRENT_FORMAT`)::

    manifest.json        format version, app version, what is inside and SHA-256 checksums
    experiment.json      the Experiment (same JSON as a plain ``.json`` experiment)
    weights.safetensors  optional: the model's weights (safetensors cannot run code); the
                         manifest's ``"weights": "start"`` marks values set by hand where
                         the next run starts, rather than a run's trained weights
    runs.json            optional: the run history (list of RunRecord)

Files are written atomically (see :mod:`playground.core.io.atomic`). Reading
treats the file as untrusted: only the names above are accepted, each part is
read with a hard size cap (so a zip bomb stops early), checksums are verified,
and nothing is ever unpickled. Every problem becomes a :class:`FileFormatError`
with a sentence a user can act on.

Reading and writing the format stay in one module so the manifest, part names,
checksums and size caps are defined once for both directions.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import IO, Any, Literal

import torch
from pydantic import ValidationError
from safetensors import SafetensorError
from safetensors.torch import load as load_safetensors
from safetensors.torch import save as save_safetensors

from playground.core.io.atomic import atomic_write
from playground.core.io.migrations import CURRENT_FORMAT, MigrationError, migrate
from playground.core.io.save_errors import model_json
from playground.core.layers.memory import weights_bytes_bound
from playground.core.messages import describe
from playground.core.messages.texts import text
from playground.core.runs.records import RunRecord
from playground.core.safe_read import (
    MAX_EXPERIMENT_JSON_BYTES,
    UnreadableFileError,
    excerpt,
    open_regular_file,
    parse_json_text,
)
from playground.core.spec.experiment import Experiment
from playground.core.spec.json_files import DAMAGED_FILE_ERRORS, damaged_file_sentence
from playground.core.spec.validation import SpecError, parse_experiment

FORMAT_NAME = "torch-playground-experiment"
SUFFIX = ".playground"
MANIFEST = "manifest.json"
EXPERIMENT = "experiment.json"
WEIGHTS = "weights.safetensors"
RUNS = "runs.json"
FORMAT0_SETTINGS = "playground.json"
KNOWN_PARTS = (MANIFEST, EXPERIMENT, WEIGHTS, RUNS, FORMAT0_SETTINGS)
#: What a file's weights are: a run's trained weights, or where the next run starts.
WeightsRole = Literal["trained", "start"]

MAX_FILE_BYTES = 512 * 1024**2
MAX_JSON_BYTES = MAX_EXPERIMENT_JSON_BYTES
MAX_RUNS_BYTES = 32 * 1024**2
MAX_WEIGHTS_BYTES = 2 * 1024**3
MAX_PARTS = 16
#: The most run records a file's history may hold.
MAX_RUNS = 1000
_CHUNK = 1024**2


class FileFormatError(ValueError):
    """A file cannot be opened as an experiment; the message says why and what to do."""


@dataclass(frozen=True)
class LoadedExperiment:
    """Everything read from an experiment file."""

    experiment: Experiment
    weights: dict[str, torch.Tensor] | None = None
    runs: list[RunRecord] = field(default_factory=list)
    format_version: int = CURRENT_FORMAT  # the version the file had before any upgrade
    weights_role: WeightsRole = "trained"


def app_version() -> str:
    """The installed app version, or ``unknown`` when running from a bare checkout."""
    try:
        return metadata.version("torch-playground")
    except metadata.PackageNotFoundError:
        return "unknown"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def save_experiment_file(
    path: str | os.PathLike[str],
    experiment: Experiment,
    *,
    weights: dict[str, torch.Tensor] | None = None,
    runs: list[RunRecord] | None = None,
    weights_role: WeightsRole = "trained",
) -> None:
    """Write a ``.playground`` file atomically: the old file stays intact until the new one is complete.

    ``weights_role="start"`` says the weights were set by hand for the next run to start from.

    Everything is turned into bytes before the file is touched; text that
    cannot be stored raises :class:`~playground.core.io.save_errors.SaveError`.
    """
    spec_json = model_json(experiment, "the experiment", experiment.to_json)
    parts: dict[str, bytes] = {EXPERIMENT: spec_json.encode("utf-8")}
    if weights is not None:
        plain = {name: t.detach().to("cpu").contiguous() for name, t in weights.items()}
        parts[WEIGHTS] = save_safetensors(plain)
    if runs is not None:
        records = [
            json.loads(model_json(run, text("run {number}", number=number)))
            for number, run in enumerate(runs, start=1)
        ]
        parts[RUNS] = _json_bytes(records)
    manifest = {
        "format": FORMAT_NAME,
        "format_version": CURRENT_FORMAT,
        "app_version": app_version(),
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        **({"weights": "start"} if weights is not None and weights_role == "start" else {}),
        "contents": {
            name: {"bytes": len(data), "sha256": _sha256(data)} for name, data in parts.items()
        },
    }
    with atomic_write(path) as stream, zipfile.ZipFile(stream, "w") as archive:
        archive.writestr(MANIFEST, _json_bytes(manifest), compress_type=zipfile.ZIP_DEFLATED)
        for name, data in parts.items():
            # Random weights do not compress; storing them keeps saving fast.
            method = zipfile.ZIP_STORED if name == WEIGHTS else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=method)


# ---- reading ----------------------------------------------------------------------


def _where(path: Path) -> str:
    return f"'{excerpt(path.name, 80)}'"


def _damaged(path: Path, detail: str) -> FileFormatError:
    return FileFormatError(
        f"The file {_where(path)} is damaged ({detail}); it may not have been saved completely. "
        "Open an earlier copy or save the experiment again."
    )


def _foreign(path: Path, detail: str) -> FileFormatError:
    return FileFormatError(
        f"The file {_where(path)} is not a Torch Playground experiment ({detail}), so nothing "
        "was opened; choose a .playground or .json file saved by the app."
    )


def _unsafe_name(name: str) -> bool:
    normal = name.replace("\\", "/")
    return (
        normal.startswith("/")
        or ".." in normal.split("/")
        or (len(normal) > 1 and normal[1] == ":")
        or "\x00" in normal
    )


def _limit(name: str) -> int:
    if name == WEIGHTS:
        return MAX_WEIGHTS_BYTES
    return MAX_RUNS_BYTES if name == RUNS else MAX_JSON_BYTES


class _Archive:
    """Checked access to the parts of an untrusted zip archive."""

    def __init__(self, path: Path, archive: zipfile.ZipFile) -> None:
        self.path = path
        self.archive = archive
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise _foreign(path, f"it holds {len(infos)} parts")
        names = [info.filename for info in infos]
        for name in names:
            if _unsafe_name(name):
                raise _foreign(path, f"it holds a part with the unsafe name '{excerpt(name)}'")
            if name not in KNOWN_PARTS:
                raise _foreign(path, f"it holds an unexpected part '{excerpt(name)}'")
        if len(set(names)) != len(names):
            raise _foreign(path, "it holds the same part twice")
        for info in infos:  # refuse a zip bomb by its declared sizes before unpacking anything
            if info.file_size > _limit(info.filename):
                raise _foreign(
                    path, f"its part '{info.filename}' is larger than any experiment needs"
                )
        self.infos = {info.filename: info for info in infos}

    def has(self, name: str) -> bool:
        return name in self.infos

    def read(self, name: str, limit: int | None = None) -> bytes:
        """The part's bytes, read in chunks and refused as soon as it passes ``limit``.

        Both the size the zip declares and the bytes actually inflated are
        checked, so a part that lies about its size stops early.
        """
        info = self.infos[name]
        limit = _limit(name) if limit is None else min(limit, _limit(name))
        if info.flag_bits & 0x1:
            raise _foreign(self.path, f"its part '{name}' is encrypted")
        if info.file_size > limit:
            raise _foreign(self.path, f"its part '{name}' is larger than any experiment needs")
        chunks: list[bytes] = []
        total = 0
        try:
            with self.archive.open(info) as stream:
                while chunk := stream.read(min(_CHUNK, limit + 1 - total)):
                    total += len(chunk)
                    if total > limit:  # the header lied about the size: a zip bomb
                        raise _foreign(
                            self.path, f"its part '{name}' unpacks to more than it claims"
                        )
                    chunks.append(chunk)
        # RuntimeError: zipfile's error for a compression method or version it does not know;
        # zlib.error: a flipped byte inside deflated data.
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError, zlib.error) as exc:
            if isinstance(exc, FileFormatError):
                raise
            raise _damaged(self.path, f"its part '{name}' cannot be read") from None
        return b"".join(chunks)

    def read_json(self, name: str) -> Any:
        return _parse_json_part(self.path, name, self.read(name))


@dataclass(frozen=True)
class _WeightsPart:
    """Saved weights not read yet: their size limit follows from the experiment's model."""

    archive: _Archive
    checksum: str | None  # None in format 0 files (no manifest)
    role: WeightsRole = "trained"

    def read(self, limit: int) -> bytes:
        data = self.archive.read(WEIGHTS, limit)
        if self.checksum is not None and self.checksum != _sha256(data):
            raise _damaged(self.archive.path, f"the part '{WEIGHTS}' does not match its checksum")
        return data


def _verify_manifest(
    archive: _Archive, manifest: Any
) -> tuple[dict[str, bytes], _WeightsPart | None]:
    """The JSON parts (checksums verified) and the weights part, read later."""
    path = archive.path
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise _foreign(path, "its manifest does not describe an experiment")
    contents = manifest.get("contents")
    if not isinstance(contents, dict) or EXPERIMENT not in contents:
        raise _damaged(path, "its manifest does not list the experiment")
    unlisted = sorted(name for name in archive.infos if name != MANIFEST and name not in contents)
    if unlisted:
        names = ", ".join(f"'{name}'" for name in unlisted)
        raise _foreign(path, f"it holds parts its manifest does not list: {names}")
    parts: dict[str, bytes] = {}
    weights: _WeightsPart | None = None
    for name, entry in contents.items():
        if name not in (EXPERIMENT, WEIGHTS, RUNS):
            raise _foreign(path, f"its manifest lists an unexpected part '{excerpt(name)}'")
        if not archive.has(name):
            raise _damaged(path, f"the part '{name}' is missing")
        checksum = entry.get("sha256") if isinstance(entry, dict) else None
        if name == WEIGHTS:
            if not isinstance(checksum, str):
                raise _damaged(path, f"the part '{name}' does not match its checksum")
            role: WeightsRole = "start" if manifest.get("weights") == "start" else "trained"
            weights = _WeightsPart(archive, checksum, role)
            continue
        data = archive.read(name)
        if checksum != _sha256(data):
            raise _damaged(path, f"the part '{name}' does not match its checksum")
        parts[name] = data
    return parts, weights


def _parse_json_part(path: Path, name: str, data: bytes) -> Any:
    try:
        return parse_json_text(data.decode("utf-8"), max_bytes=_limit(name))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _damaged(path, f"its part '{name}' is not valid JSON") from None
    except UnreadableFileError as exc:
        raise _damaged(path, f"its part '{name}' cannot be used: {exc}") from None


def _read_document(archive: _Archive) -> tuple[dict[str, Any], _WeightsPart | None]:
    """The JSON document (before migration) and the weights part, if any."""
    path = archive.path
    if archive.has(MANIFEST):
        manifest = archive.read_json(MANIFEST)
        version = manifest.get("format_version") if isinstance(manifest, dict) else None
        if isinstance(version, int) and version > CURRENT_FORMAT:
            # Newer layouts may differ entirely: report the version before anything else.
            try:
                migrate({"format_version": version})
            except MigrationError as exc:
                raise FileFormatError(f"The file {_where(path)} cannot be opened: {exc}.") from None
        parts, weights = _verify_manifest(archive, manifest)
        document = {
            "format_version": version,
            "experiment": _parse_json_part(path, EXPERIMENT, parts[EXPERIMENT]),
            "runs": _parse_json_part(path, RUNS, parts[RUNS]) if RUNS in parts else None,
        }
        return document, weights
    if archive.has(FORMAT0_SETTINGS):
        settings = archive.read_json(FORMAT0_SETTINGS)
        weights = _WeightsPart(archive, None) if archive.has(WEIGHTS) else None
        return {"format_version": 0, "experiment": settings, "runs": None}, weights
    if archive.has(EXPERIMENT):
        raise _damaged(path, "its manifest is missing")
    raise _foreign(path, "it holds no experiment")


def _decode_weights(path: Path, data: bytes) -> dict[str, torch.Tensor]:
    try:
        tensors = load_safetensors(data)
    except (SafetensorError, ValueError, RuntimeError):
        raise _damaged(path, "its saved weights cannot be read") from None
    return dict(tensors)


def _open_zip(path: Path, raw: IO[bytes]) -> zipfile.ZipFile:
    head = raw.read(4)
    raw.seek(0)
    try:
        return zipfile.ZipFile(raw)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        if head.startswith(b"PK"):
            raise _damaged(path, "it ends early") from None
        raise _foreign(path, "it is not a zip archive") from None


#: Everything a damaged zip can make zipfile, zlib or json raise while an archive is read.
_ARCHIVE_ERRORS: tuple[type[BaseException], ...] = (zipfile.BadZipFile, *DAMAGED_FILE_ERRORS)


def read_archive(path: str | os.PathLike[str]) -> LoadedExperiment:
    """Open a ``.playground`` file of any format version (upgraded in memory).

    Raises :class:`FileFormatError` with a sentence for anything that is not a
    complete, trustworthy experiment file; nothing from the file is executed.
    Only regular files are read (never a pipe or a device), within size caps.
    Front ends open files through :mod:`playground.core.io.readers`.
    """
    file = Path(path)
    try:
        with open_regular_file(file, MAX_FILE_BYTES, "an experiment file") as raw:
            if os.fstat(raw.fileno()).st_size == 0:
                raise _damaged(file, "it is empty")
            with _open_zip(file, raw) as zipped:
                return _load_archive(_Archive(file, zipped))
    except FileFormatError:
        raise
    except UnreadableFileError as exc:
        raise FileFormatError(f"The file {exc}.") from None
    except (PermissionError, IsADirectoryError):
        raise FileFormatError(
            f"The file '{excerpt(file, 200)}' cannot be read (no permission, or it is a folder); "
            "choose a file you are allowed to open."
        ) from None
    except OSError as exc:
        reason = (exc.strerror or "the system refused").lower()
        raise FileFormatError(
            f"The file {_where(file)} cannot be read ({reason}); check the file."
        ) from None
    except _ARCHIVE_ERRORS as exc:
        # The one boundary for every way a damaged zip can surprise the standard library.
        raise FileFormatError(damaged_file_sentence(file, exc) + ".") from None


def _load_archive(archive: _Archive) -> LoadedExperiment:
    """Read, upgrade and validate an open archive; the weights are read last, bounded
    by what the experiment's model can need (so a weights bomb never inflates)."""
    file = archive.path
    document, weights_part = _read_document(archive)
    original_version = document["format_version"]
    try:
        document = migrate(document)
    except MigrationError as exc:
        raise FileFormatError(f"The file {_where(file)} cannot be opened: {exc}.") from None
    experiment_data = document["experiment"]
    if not isinstance(experiment_data, dict):
        raise _damaged(file, "its experiment is not a group of settings")
    try:
        experiment = parse_experiment(experiment_data)
    except SpecError as exc:
        raise FileFormatError(
            f"The experiment in {_where(file)} has settings this app cannot use: "
            f"{'; '.join(describe(problem) for problem in exc.problems)}."
        ) from None
    runs = _read_runs(file, document.get("runs"))
    if weights_part is None:
        return LoadedExperiment(experiment, None, runs, original_version)
    weights = _decode_weights(file, weights_part.read(weights_bytes_bound(experiment)))
    return LoadedExperiment(experiment, weights, runs, original_version, weights_part.role)


def _read_runs(file: Path, raw_runs: Any) -> list[RunRecord]:
    """The run history, each run's settings validated like the main experiment."""
    if raw_runs is None:
        return []
    if not isinstance(raw_runs, list):
        raise _damaged(file, "its run history is not a list")
    if len(raw_runs) > MAX_RUNS:
        raise _damaged(
            file, f"its run history holds {len(raw_runs):,} runs, more than {MAX_RUNS:,}"
        )
    runs: list[RunRecord] = []
    for number, item in enumerate(raw_runs, start=1):
        settings = item.get("settings") if isinstance(item, dict) else None
        if not isinstance(settings, dict):
            raise _damaged(file, "its run history cannot be read")
        try:
            parse_experiment(settings)
        except SpecError as exc:
            raise FileFormatError(
                f"Run {number} in the history of {_where(file)} has settings this app cannot "
                f"use: {'; '.join(describe(problem) for problem in exc.problems)}. Open an earlier copy or save the experiment "
                "again."
            ) from None
        try:
            runs.append(RunRecord.model_validate(item))
        except ValidationError:
            raise _damaged(file, "its run history cannot be read") from None
    return runs
