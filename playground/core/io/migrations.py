"""Upgrades of older ``.playground`` file layouts to the current one, one version at a time.

A file is read into a *document*: ``{"format_version": N, "experiment": {...},
"runs": [...] | None}``. Each migration turns a version-N document into a
version-N+1 document; :func:`migrate` applies them in order. Weights are never
touched by migrations: their tensor names follow the layer stack, which the
experiment keeps.

Format history:

* **0** - early prototype files: one ``playground.json`` holding a flat
  dictionary (``dataset``, ``samples``, ``layers`` with ``type`` keys,
  ``optimizer`` as a name, ``learning_rate``, ...), no manifest, no run history.
* **1** - ``manifest.json`` with checksums, ``experiment.json`` in the nested
  :class:`~playground.core.spec.experiment.Experiment` layout, optional ``runs.json`` and
  ``weights.safetensors``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CURRENT_FORMAT = 1

Document = dict[str, Any]


class MigrationError(ValueError):
    """A document cannot be upgraded; the message says why in words."""


def _flat_layer(index: int, layer: Any) -> dict[str, Any]:
    if not isinstance(layer, dict):
        raise MigrationError(f"layer {index + 1} is not a layer description")
    kind = layer.get("type", layer.get("kind"))
    params = layer.get("params", {k: v for k, v in layer.items() if k not in ("type", "kind")})
    return {"kind": kind, "params": params}


def _format0_to_1(document: Document) -> Document:
    """Nest the flat prototype layout into data / model / optimizer / training sections."""
    flat = document.get("experiment")
    if not isinstance(flat, dict):
        raise MigrationError("its settings are not a dictionary of values")
    layers = flat.get("layers", [])
    if not isinstance(layers, list):
        raise MigrationError("its layer list is not a list")
    data: dict[str, Any] = {"kind": "builtin"}
    for old, new in (
        ("dataset", "name"),
        ("samples", "samples"),
        ("noise", "noise"),
        ("validation_fraction", "validation_fraction"),
        ("data_seed", "seed"),
    ):
        if old in flat:
            data[new] = flat[old]
    if "data_seed" not in flat and "seed" in flat:
        data["seed"] = flat["seed"]
    optimizer: dict[str, Any] = {"kind": flat.get("optimizer", "adam")}
    for old, new in (("learning_rate", "lr"), ("momentum", "momentum")):
        if old in flat:
            optimizer[new] = flat[old]
    training: dict[str, Any] = {}
    for key in ("batch_size", "epochs", "seed", "device"):
        if key in flat:
            training[key] = flat[key]
    experiment: dict[str, Any] = {
        "schema_version": 1,
        "name": flat.get("name", "Untitled"),
        "description": flat.get("description", ""),
        "data": data,
        "model": {"layers": [_flat_layer(i, layer) for i, layer in enumerate(layers)]},
        "optimizer": optimizer,
        "training": training,
    }
    if "loss" in flat:
        experiment["loss"] = flat["loss"]
    return {"format_version": 1, "experiment": experiment, "runs": None}


MIGRATIONS: dict[int, Callable[[Document], Document]] = {0: _format0_to_1}


def migrate(document: Document) -> Document:
    """Upgrade ``document`` to :data:`CURRENT_FORMAT`.

    Raises :class:`MigrationError` for a version that is newer than this app
    reads or that has no known upgrade path.
    """
    version = document.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise MigrationError("its format version is missing or not a whole number")
    if version > CURRENT_FORMAT:
        raise MigrationError(
            f"it was saved by a newer version of Torch Playground (file format {version}; "
            f"this version reads up to {CURRENT_FORMAT}); update the app to open it"
        )
    while version < CURRENT_FORMAT:
        step = MIGRATIONS.get(version)
        if step is None:
            raise MigrationError(f"there is no known way to upgrade file format {version}")
        document = step(document)
        new_version = document.get("format_version")
        if new_version != version + 1:
            raise MigrationError(f"the upgrade from file format {version} did not complete")
        version = new_version
    return document
