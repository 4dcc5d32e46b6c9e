"""English wording of every problem code, and of the phrases the wording is built from.

Plain data on purpose: a translation is one more module like this one, a dict
with the same keys. Templates use ``str.format`` names; the format specs after
a colon are explained in :mod:`playground.core.messages` (``show``, ``list``,
``plural:one:many``, ``opt:<key>`` and a few more). A template that names
``{place}`` puts the place itself; otherwise the place (a layer, a section)
goes in front as ``place.join`` says.
"""

from __future__ import annotations

_SUBJECT = "{setting:opt:phrase.subject}"
_CELL_AT = "In {file}, row {row}, column {column:cell}"
# The three findings about a slow layer say the same and differ in what to try.
_SLOW_LAYER = (
    "Each step changes the weights of {layer:layer} by only about {ratio:.0e} of "
    "their size, far below the usual 1e-3; this layer learns very slowly."
)

TEMPLATES: dict[str, str] = {
    # ---- places and shared phrases -------------------------------------------------
    "place.layer": "layer {number} ({kind})",
    "place.layer_number": "layer {number}",
    "place.join": "{place}: {text}",
    "place.source": "{source}: {text}",
    "phrase.did_you_mean": " (did you mean {value:show}?)",
    "phrase.known_settings": "; known settings: {value:list}",
    "phrase.subject": "{value:setting} ",
    "phrase.with_padding": " (with padding {value})",
    "phrase.none": "none",
    "phrase.more_problems": "({count} more {count:plural:problem:problems}.)",
    "phrase.list_separator": ", ",
    "phrase.full_stop": ".",
    "phrase.megabytes": "{value:,.0f} MB",
    "phrase.gigabytes": "{value:,.1f} GB",
    "phrase.long_number": "a whole number of about {digits} digits",
    "phrase.long_list": "a list of {count} items",
    "phrase.long_group": "a group of {count} items",
    "shape.features": "{count} {count:plural:feature:features}",
    "shape.image": "{shape:shape} (channels×height×width)",
    # ---- names of settings and of closed lists ----------------------------------------
    "setting.lr": "learning rate",
    "setting.grad_clip": "gradient clipping",
    "setting.validation_fraction": "validation share",
    "setting.derived_features": "derived inputs",
    "setting.t_max": "cosine period (t_max)",
    "setting.min_lr": "lowest learning rate",
    "setting.schema_version": "format version",
    "setting.init": "initial weights",
    "choice.data.name": "a data set",
    "choice.data.task": "a task",
    "choice.data.derived_features": "a derived input",
    "choice.loss": "a loss",
    "choice.optimizer.kind": "an optimizer",
    "choice.schedule.kind": "a schedule",
    "choice.model.init": "a way to start the weights",
    "choice.default": "a valid choice",
    # ---- the file as a whole ----------------------------------------------------------
    "file.not_text": (
        "the file is not text (byte {byte} is not UTF-8); choose a Torch Playground experiment file"
    ),
    "file.empty": "the file is empty; choose a Torch Playground experiment file",
    "file.unreadable": "{reason}; choose a Torch Playground experiment file",
    "file.bad_json": (
        "the file is not valid JSON: {reason:lower} at line {line}, column {column}; "
        "fix it there or save the experiment again from the app"
    ),
    "file.not_an_experiment": (
        "the file does not hold an experiment: its top level must be a group of "
        "settings in curly braces, not {found}"
    ),
    "spec.version_not_whole": (
        "format version must be a whole number, not {value:show}; "
        "this version of Torch Playground reads format {current}"
    ),
    "spec.version_too_new": (
        "this file was made by a newer Torch Playground (format {version}); "
        "this version reads format {current}; update the app to open it"
    ),
    "spec.version_unknown": (
        "format version {version} does not exist; Torch Playground files start at format 1"
    ),
    "spec.no_presets": (
        "no presets were found; the app's resources folder is missing, so reinstall it"
    ),
    "spec.more_problems": "and {count} more problems; fix the ones above first",
    "spec.unknown_preset": (
        "'{name}' is not a preset{suggestion:opt:phrase.did_you_mean}; choose one of {presets:list}"
    ),
    # ---- settings -------------------------------------------------------------------
    "spec.unknown_key": (
        "unknown setting '{name}'{suggestion:opt:phrase.did_you_mean}"
        "{known:opt:phrase.known_settings}"
    ),
    "spec.misplaced_key": (
        "unknown setting '{name}' at the top of the file; it belongs in the '{belongs}' section"
    ),
    "spec.not_a_choice": (
        "{value:show} is not {choice_of:choice}{suggestion:opt:phrase.did_you_mean}; "
        "choose one of {choices:list}"
    ),
    "spec.unknown_data_kind": "{value:show} is not a kind of data; use 'builtin' or 'csv'",
    "spec.missing": _SUBJECT + "is missing; add it",
    "spec.not_above": _SUBJECT + "must be greater than {limit:show}, not {value:show}",
    "spec.not_at_least": _SUBJECT + "must be at least {limit:show}, not {value:show}",
    "spec.not_below": _SUBJECT + "must be less than {limit:show}, not {value:show}",
    "spec.not_at_most": _SUBJECT + "must be at most {limit:show}, not {value:show}",
    "spec.empty": _SUBJECT + "must not be empty",
    "spec.rule": "{reason}",
    "spec.not_whole_number": _SUBJECT + "must be a whole number, not {value:show}",
    "spec.not_number": _SUBJECT + "must be a number, not {value:show}",
    "spec.not_finite": _SUBJECT + "must be a finite number, not {value:show}",
    "spec.not_bool": _SUBJECT + "must be true or false, not {value:show}",
    "spec.not_text": _SUBJECT + "must be text, not {value:show}",
    "spec.not_list": _SUBJECT + "must be a list (in square brackets), not {value:show}",
    "spec.not_group": (
        _SUBJECT + "must be a group of settings (in curly braces), not {value:show}"
    ),
    "spec.not_valid": _SUBJECT + "is not valid ({reason:lowerfirst})",
    "optimizer.betas_not_pair": "betas must be two numbers, not {value:show}",
    "optimizer.nesterov_needs_momentum": (
        "Nesterov momentum needs a momentum above 0; "
        "set momentum (for example 0.9) or turn Nesterov off"
    ),
    # ---- layers and their parameters --------------------------------------------------
    "layer.unknown_kind": (
        "'{kind}' is not a layer kind{suggestion:opt:phrase.did_you_mean}; "
        "choose one of {known:list}"
    ),
    "layer.unknown_param": (
        "{place} has no parameter '{name}'{suggestion:opt:phrase.did_you_mean} "
        "(its parameters: {parameters:list})"
    ),
    "layer.param_not_scalar": "{title} must be a single number or true/false, not {value:show}",
    "layer.param_not_bool": "{title} must be true or false, not {value:repr}",
    "layer.param_not_number": "{title} must be a number, not {value:repr}",
    "layer.param_not_whole": "{title} must be a whole number, not {value:g}",
    "layer.param_not_finite": "{title} must be a finite number, not {value}",
    "layer.param_out_of_range": "{title} must be between {low:g} and {high:g}, not {value:g}",
    # ---- shapes -------------------------------------------------------------------------
    "model.empty": "the model has no layers; add at least one layer (for example Linear)",
    "model.too_large_for_memory": (
        "training needs about {total:bytes} of memory ({parameter_count:,} parameters take "
        "{parameter_bytes:bytes} with their gradients and optimizer state; batches of "
        "{batch_size} take {activation_bytes:bytes}), but this computer can spare about "
        "{usable:bytes}; use fewer or narrower layers or a smaller batch size"
    ),
    "model.too_many_layers": (
        "the model has {count:,} layers, more than the {most:,} this app builds; remove layers"
    ),
    "layer.needs_flat": (
        "{kind} needs flat features, but its input is an image of {shape:shape_words}; "
        "add a Flatten layer before it"
    ),
    "layer.needs_image": (
        "{kind} needs image input (channels×height×width), but its input is "
        "{shape:shape_words}; use image data (digits as 1×8×8 images) "
        "or place it before any Flatten"
    ),
    "layer.kernel_too_large": (
        "kernel {kernel} is larger than its {height}×{width} input"
        "{padding:opt:phrase.with_padding}; "
        "use a smaller kernel, more padding, or fewer pooling layers before it"
    ),
    "layer.padding_too_large": (
        "padding {padding} is more than half the kernel {kernel}; use padding ≤ {most}"
    ),
    "layer.output_empty": (
        "its output would be {shape:shape}, which is empty; use a smaller kernel or stride"
    ),
    "layer.needs_batches": (
        "{place} needs batches of at least 2 samples; raise the batch size or remove the layer"
    ),
    # ---- the model against the data -----------------------------------------------------
    "output.image": (
        "the model ends with an image of {shape:shape}; end it with Flatten and a Linear "
        "layer that gives one output per class or target"
    ),
    # Placed on the layer that sets the number of outputs, which need not be the last
    # row (an activation may follow it); the words say what that layer does.
    "output.size_mismatch": (
        "this layer sets the model's {outputs} {outputs:plural:output:outputs}, but {data} "
        "has {classes} {classes:plural:class:classes}; set its neurons to {classes}"
    ),
    "output.target_mismatch": (
        "this layer sets the model's {outputs} {outputs:plural:output:outputs}, but {data} "
        "has {targets} {targets:plural:target:targets} to predict; set its neurons to {targets}"
    ),
    "output.bce_needs_one": (
        "with bce-with-logits the model must give 1 output (the score of the second class), "
        "but this layer sets {outputs}; set its neurons to 1"
    ),
    "loss.needs_numbers": (
        "{loss} compares numbers, but {data} has {classes} {classes:plural:class:classes} "
        "to tell apart; use cross-entropy (or bce-with-logits for two classes)"
    ),
    "loss.needs_classes": (
        "{loss} is for telling classes apart, but {data} has numeric targets to predict; "
        "use mse, l1 or huber"
    ),
    "loss.needs_two_classes": (
        "{loss} tells exactly 2 classes apart, but {data} has {classes}; use cross-entropy"
    ),
    "data.unavailable": "the data could not be made; see the data panel",
    # ---- data sets ----------------------------------------------------------------------
    "data.no_plane_inputs": (
        "The data set '{name}' has no x1 and x2 inputs, so derived inputs ({chosen:list}) "
        "cannot be added; remove them or pick a two-input set such as "
        "circle, xor, gaussian or spiral."
    ),
    "data.images_only_digits": (
        "Only the digits data set can be given as images, not '{name}'; "
        "switch off 'as images' or pick digits."
    ),
    "data.csv.duplicate_feature": (
        "Column {column:cell} is listed twice as a feature; list each column once."
    ),
    "data.csv.target_is_feature": (
        "Column {column:cell} is both the target and a feature; a model cannot learn "
        "a column from itself, so remove it from the features."
    ),
    "data.csv.too_few_rows": (
        "{file} has only {rows} data rows; at least {minimum} are "
        "needed to train and validate, so add rows to the file."
    ),
    "data.csv.missing_marker": (
        _CELL_AT + " holds {cell:cell}, which marks a missing value; fill it in or delete the row."
    ),
    "data.csv.empty_cell": _CELL_AT + " is empty; fill it in or delete the row.",
    "data.csv.target_not_number": (
        _CELL_AT + ": {cell:cell} is not a number, and a regression "
        "target needs numbers; fix the cell or choose classification."
    ),
    "data.csv.target_mostly_numbers": (
        _CELL_AT + ": {cell:cell} is not a number, though most of the "
        "column is; fix the cell, or choose classification to treat every value "
        "as a class name."
    ),
    "data.csv.one_class": (
        "Column {column:cell} in {file} holds only one value ({value:cell}); a classification "
        "target needs at least two classes, so pick another target column."
    ),
    "data.csv.too_many_classes": (
        "Column {column:cell} in {file} has {classes} different values in {rows} rows, too "
        "many to learn as classes; choose regression if it holds numbers, or another "
        "target column."
    ),
    "data.csv.bad_cell": (
        _CELL_AT + ": {cell:cell} is not a number; fix the cell or leave the column out."
    ),
    "data.csv.too_large": (
        _CELL_AT + ": {cell:cell} is too large for the model's 32-bit numbers "
        "(at most about {most:.3g}); scale the column down or fix the cell."
    ),
    "data.csv.too_many_columns": (
        "Row {row} of {file} has {columns} cells, more than the {most} columns a table may "
        "have; check that this is the table you meant, saved as CSV."
    ),
    "data.csv.row_too_wide": (
        "In {file}, row {row} has {cells} cells but the first row has {width}; fix that row, "
        "or, if the first row does not name the columns, say so in the import (the first "
        "row is data, or a line to skip) and name the columns."
    ),
    "data.csv.row_too_short": (
        "In {file}, row {row} has no cell for column {column:cell} (it has {cells} cells, "
        "the first row {width}); fix that row, or, if the first row does not name the "
        "columns, say so in the import and name the columns."
    ),
    "data.csv.header_is_numbers": (
        "The first row of {file} holds numbers ({shown}), not column names; add a header row "
        "that names each column, or say in the import that the first row is data."
    ),
    "data.csv.names_count": (
        "{names} column {names:plural:name was:names were} given, but row {row} has "
        "{columns} {columns:plural:cell:cells}; give one name per column."
    ),
    "data.csv.empty_table": (
        "The table {file} is empty; type or paste a header row and some data rows."
    ),
    "data.csv.no_file": ("The file {file} does not exist; check the path or pick the file again."),
    "data.csv.empty_file": (
        "The file {file} is empty; save the table with a header row and data rows."
    ),
    "data.csv.binary_file": (
        "{file} is not a text CSV file (it holds binary data, like a spreadsheet workbook); "
        "save it as CSV from your spreadsheet app."
    ),
    "data.csv.bad_quotes": (
        "{file} cannot be read as CSV near row {row} ({error}); check the quotes in that row."
    ),
    "data.csv.duplicate_target": (
        "Column {column:cell} is listed twice as a target; list each column once."
    ),
    "data.csv.classes_need_one_target": (
        "Classification predicts one class column, but {count} target columns are chosen; "
        "keep one target, or choose regression to predict several numbers."
    ),
    "data.shown_input_unknown": (
        "The plots are set to show the input {name:cell}, but the data's inputs are "
        "{known:list}; pick two of those to show."
    ),
    "note": "{text}",
    # ---- why a run ended (core/training/run_ending.py) -------------------------------
    "run.finished": "Training finished after {epochs} {epochs:plural:epoch:epochs}.",
    "run.stopped": "Training was stopped at step {step}.",
    "run.loss_nan": (
        "The loss became NaN at step {step}; the learning rate {lr:g} is probably too large "
        "— try {suggestion:g}."
    ),
    "run.loss_infinite": (
        "The loss became infinite at step {step}; the learning rate {lr:g} is probably too "
        "large — try {suggestion:g}."
    ),
    "run.weights_not_finite": (
        "The weights of {layer:layer} became NaN or infinite by step {step}; the learning "
        "rate {lr:g} is probably too large — try {suggestion:g}."
    ),
    "run.failed": "Training failed at step {step}: {error}",
    "run.process_ended": (
        "Training stopped at step {step} because the process that trained the model ended "
        "unexpectedly; press Train to start a new run."
    ),
    "run.out_of_memory_training": (
        "There was not enough memory for training at step {step} ({layers} layers, batches "
        "of {batch_size}); use fewer or narrower layers or a smaller batch size, or close "
        "other programs."
    ),
    "run.out_of_memory_building": (
        "There was not enough memory for this model on {device} ({layers} layers, batches "
        "of {batch_size}); use fewer or narrower layers or a smaller batch size, or close "
        "other programs."
    ),
    # ---- the gradient diagnosis: what happens, and what to try ------------------------
    "diagnosis.gradients_vanish": (
        "Gradients vanish: {weak:layer} gets {times}× smaller gradients than {strong:layer}, "
        "so the early layers barely learn."
    ),
    "diagnosis.gradients_vanish.try": (
        "Use ReLU or LeakyReLU instead of Sigmoid/Tanh, add BatchNorm, or use fewer layers."
    ),
    "diagnosis.gradients_explode": (
        "Gradients explode: {strong:layer} gets {times}× larger gradients than {weak:layer}."
    ),
    "diagnosis.gradients_explode.try": (
        "Lower the learning rate, turn on gradient clipping, or add BatchNorm."
    ),
    "diagnosis.update_too_large": (
        "Each step changes the weights of {layer:layer} by about {ratio:.0%}, "
        "far more than the usual 0.1%; training may jump around."
    ),
    "diagnosis.update_too_large.try": "Lower the learning rate (for example by 10×).",
    "diagnosis.update_too_small": _SLOW_LAYER,
    "diagnosis.update_too_small.try": "Raise the learning rate (for example by 10×).",
    # Tiny updates while other steps are too large: the rate is already too high.
    "diagnosis.update_too_small_unstable": _SLOW_LAYER,
    "diagnosis.update_too_small_unstable.try": (
        "Do not raise the learning rate: other steps are already too large. "
        "Lower it and reset the weights."
    ),
    # Tiny updates of weights that grew huge: saturated units after a too-high rate.
    "diagnosis.update_too_small_large_weights": _SLOW_LAYER,
    "diagnosis.update_too_small_large_weights.try": (
        "Its weights have grown very large, which usually follows a learning rate that was "
        "too high; lower the learning rate and reset the weights."
    ),
    "diagnosis.dead_units": (
        "{share:.0%} of the units of {layer:layer} are dead: "
        "they output 0 for every validation sample and no longer learn."
    ),
    "diagnosis.dead_units.try": "Use LeakyReLU, lower the learning rate, or reset the weights.",
    "diagnosis.total_norm_large": (
        "The total gradient norm is {total:.3g}, large enough to make training unstable."
    ),
    "diagnosis.total_norm_large.try": (
        "Lower the learning rate or turn on gradient clipping (for example at 1)."
    ),
    "training.process_silent": (
        "The training process did not answer in time; stop the run and press Train again."
    ),
    "training.no_samples": (
        "The data has no training samples; lower the validation share or add samples."
    ),
    "training.batchnorm_batch": (
        "BatchNorm needs at least 2 samples per batch; set the batch size to 2 or more."
    ),
    "training.start_weights_mismatch": (
        "The given starting weights do not fit this model (different layers or "
        "sizes); reset the weights or use the model they were saved with."
    ),
    "training.lr_not_positive": "The learning rate must be a positive number, not {value:g}.",
    "training.weight_not_finite": "A weight must be a finite number, not {value}.",
    "training.no_parameter": "The model has no parameter '{name}'; its parameters are {known:list}.",
    "training.position_outside": (
        "Position {index} is outside '{name}', whose shape is {shape}; pick a position inside it."
    ),
    "training.busy_weights": (
        "Weights can be changed only while training is paused or stopped; pause training first."
    ),
    "training.busy_snapshot": (
        "A snapshot can be taken only while no batch is running; pause training first."
    ),
    "training.reset_while_running": (
        "The weights cannot be reset during a run; stop training first."
    ),
    "training.already_running": (
        "This experiment is already training; stop it before starting again."
    ),
    "training.diverged": "{reason} Reset the weights before training again.",
}
