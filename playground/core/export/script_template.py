"""The text of an exported training script, with ``$name`` slots that :mod:`.script` fills.

Kept apart from the generator so the script reads top to bottom as a student
will see it. Everything here must run with only torch (and scikit-learn for
its data sets): no import of this app. Every slot receives a Python literal or
one line of quoted text (see :mod:`.literals`), never raw text of the experiment.
"""

from __future__ import annotations

from string import Template

SCRIPT = Template('''\
"""A training script exported from Torch Playground for the experiment $title.
$description
Everything the app did is written out below: the data, the model, the loss,
the optimizer, the learning-rate schedule and the training loop, with the same
seeds, so on a CPU this script reproduces the loss curve the app showed.

Run:              python $command_name
More epochs:      python $command_name --epochs 500
Several processes (DistributedDataParallel, one per CPU share or GPU):
                  torchrun --standalone --nproc_per_node=2 $command_name
Needs:            $needs
"""

import argparse
import math
import os

import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel

# ---- settings of the experiment ------------------------------------------------------

EPOCHS = $epochs
BATCH_SIZE = $batch_size
SEED = $seed  # initial weights and the order of the batches
INIT = $init  # how the weights start (see initialize_weights)
DEVICE = $device  # auto: a GPU when there is one, otherwise the CPU
GRAD_CLIP = $grad_clip  # largest total gradient norm (None: no clipping)
ZERO_GRAD = $zero_grad  # clear the gradients before each step
# Values set by hand in the app for training to start from (None: the seed's weights).
START_WEIGHTS = $start_weights

$data_code


# ---- model, loss, optimizer and schedule ---------------------------------------------


def build_model():
    """The layers of the experiment. Input: $input_text."""
    return nn.Sequential(
$layers
    )


def initialize_weights(model):
$init_body


def build_loss():
    return $loss


def loss_targets(y):
    """Targets in the form the loss expects."""
    return $loss_targets


def predicted_classes(outputs):
    return $predicted


def build_optimizer(parameters):
    # foreach=False: the plain per-tensor loop, exactly as the app runs it.
    return $optimizer


def build_schedule(optimizer):
    """Changes the learning rate after every epoch (None: it stays constant)."""
    return $schedule


# ---- training ----------------------------------------------------------------------------

EVAL_CHUNK = 8192


def evaluate(model, loss_fn, x, y):
    """Mean loss and accuracy (None for regression) over a whole set, without training."""
    if len(x) == 0:
        return None, None
    model.eval()
    total = torch.zeros((), dtype=torch.float64, device=x.device)
    correct = 0
    with torch.inference_mode():
        for start in range(0, len(x), EVAL_CHUNK):
            xb, yb = x[start : start + EVAL_CHUNK], y[start : start + EVAL_CHUNK]
            outputs = model(xb)
            total += loss_fn(outputs, loss_targets(yb)).double() * len(xb)
            if CLASSIFICATION:
                correct += int((predicted_classes(outputs) == yb).sum())
    model.train()
    return float(total.item()) / len(x), (correct / len(x) if CLASSIFICATION else None)


def pick_device(name):
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if torch.backends.mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    return torch.device(name)


def main():
    parser = argparse.ArgumentParser(description=$parser_description)
    parser.add_argument("--epochs", type=int, default=EPOCHS, help="number of epochs")
    parser.add_argument("--device", default=DEVICE, help="auto, cpu, cuda or mps")
    parser.add_argument("--save", metavar="FILE", help="save the trained weights to FILE (.pt)")
    args = parser.parse_args()

    # Started by torchrun, WORLD_SIZE says how many processes share the work: each takes
    # its part of every batch and DistributedDataParallel averages their gradients.
    world_size = int(os.environ.get("WORLD_SIZE", "1"))
    rank = 0
    device = pick_device(args.device)
    if world_size > 1:
        if device.type == "cuda":
            device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0")))
            torch.cuda.set_device(device)
        dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
        rank = dist.get_rank()

    x_train, y_train, x_val, y_val = (t.to(device) for t in load_data())
    y_train_loss = loss_targets(y_train)

    torch.manual_seed(SEED)  # the same initial weights as in the app
    model = build_model()
    initialize_weights(model)  # drawn on the CPU, so every device starts from the same numbers
    model = model.to(device)
    if START_WEIGHTS is not None:
        model.load_state_dict({name: torch.tensor(value) for name, value in START_WEIGHTS})
    if sum(p.numel() for p in model.parameters()) <= 100_000:
        torch.set_num_threads(1)  # tiny models train faster on one thread
    net = DistributedDataParallel(model) if world_size > 1 else model
    loss_fn = build_loss()
    optimizer = build_optimizer([p for p in model.parameters() if p.requires_grad])
    schedule = build_schedule(optimizer)
    batch_order = torch.Generator().manual_seed(SEED)  # the same batches as in the app

    count = len(x_train)
    batches = max(1, math.ceil(count / BATCH_SIZE))
    model.train()
    for epoch in range(1, args.epochs + 1):
        # One batch holding every sample keeps its order, as in the app.
        order = (
            torch.arange(count, device=device)
            if BATCH_SIZE >= count
            else torch.randperm(count, generator=batch_order).to(device)
        )
        loss_sum = 0.0
        for start in range(0, batches * BATCH_SIZE, BATCH_SIZE):
            batch = order[start : start + BATCH_SIZE]
            size = len(batch)
            if world_size > 1:
                batch = torch.tensor_split(batch, world_size)[rank]  # this process's share
            outputs = net(x_train[batch])
            if len(batch) > 0:
                loss = loss_fn(outputs, y_train_loss[batch])
            else:  # a short last batch left this process nothing; it still joins the step
                loss = outputs.sum() * 0.0
            # Each share counts by its size, so the gradients DistributedDataParallel
            # averages equal the whole batch's (the weight is exactly 1 in one process).
            weight = len(batch) * world_size / size
            if ZERO_GRAD:  # off: gradients add up from step to step
                optimizer.zero_grad(set_to_none=True)
            (loss * weight).backward()
            if GRAD_CLIP is not None:
                torch.nn.utils.clip_grad_norm_(model.parameters(), GRAD_CLIP)
            optimizer.step()
            loss_sum += loss.item() * weight
        train_loss = loss_sum / batches
        if world_size > 1:
            shared = torch.tensor([train_loss], dtype=torch.float64, device=device)
            dist.all_reduce(shared)
            train_loss = float(shared.item()) / world_size
        val_loss, val_accuracy = evaluate(model, loss_fn, x_val, y_val)
        lr = optimizer.param_groups[0]["lr"]
        if schedule is not None:
            plateau = isinstance(schedule, torch.optim.lr_scheduler.ReduceLROnPlateau)
            if plateau:
                schedule.step(val_loss if val_loss is not None else train_loss)
            else:
                schedule.step()
        if rank == 0:
            line = f"epoch {epoch:>5}/{args.epochs}  train loss {train_loss:.6f}"
            if val_loss is not None:
                line += f"  val loss {val_loss:.6f}"
            if val_accuracy is not None:
                line += f"  val accuracy {val_accuracy:.1%}"
            print(line + f"  lr {lr:.4g}", flush=True)

    if args.save and rank == 0:
        torch.save(model.state_dict(), args.save)
        print(f"saved the trained weights to {args.save}")
    if world_size > 1:
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
''')

DATA_BUILTIN = Template('''\
# ---- data ------------------------------------------------------------------------------
$library

CLASSIFICATION = $classification


def load_data():
    """The data set $data_name: (x_train, y_train, x_val, y_val), split exactly as in the app."""
$load_body
''')

DATA_CSV = Template('''\
# ---- data ------------------------------------------------------------------------------
# The table $csv_name, read as the app reads it.

import csv
import io

CSV_PATH = $csv_path
TABLE_TEXT = $table_text  # a table typed in the app (then there is no file), else None
FIRST_ROW = $first_row  # "names": it names the columns; "data": it is data; "skip": not data
COLUMN_NAMES = $column_names  # the names used when the first row does not name the columns
DELIMITER = $delimiter
FEATURES = $features
TARGETS = $targets
CLASSIFICATION = $classification
CLASS_NAMES = $class_names  # class index = position in this list
VALIDATION_FRACTION = $validation_fraction
DATA_SEED = $data_seed
STANDARDIZE = $standardize
$library

def read_number(cell):
    text = cell.strip()
    if DELIMITER != "," and "," in text and "." not in text:
        text = text.replace(",", ".")  # a decimal comma
    return float(text)


def class_index(cell):
    cell = cell.strip()
    if cell in CLASS_NAMES:
        return CLASS_NAMES.index(cell)
    number = read_number(cell)
    return CLASS_NAMES.index(str(int(number)) if number.is_integer() else repr(number))


def load_data():
    """The CSV table: (x_train, y_train, x_val, y_val), split exactly as in the app."""
    if TABLE_TEXT is not None:
        text = TABLE_TEXT
    else:
        raw = open(CSV_PATH, "rb").read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
    rows = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=DELIMITER) if any(c.strip() for c in r)]
    data = rows if FIRST_ROW == "data" else rows[1:]
    if FIRST_ROW == "names":
        header = [name.strip() for name in rows[0]]
    else:
        header = COLUMN_NAMES or [f"column {i + 1}" for i in range(len(data[0]))]
    columns = [header.index(name) for name in FEATURES]
    targets = [header.index(name) for name in TARGETS]
    x = torch.tensor([[read_number(r[c]) for c in columns] for r in data], dtype=torch.float32)
    if CLASSIFICATION:
        y = torch.tensor([class_index(r[targets[0]]) for r in data], dtype=torch.int64)
    else:
        y = torch.tensor([[read_number(r[t]) for t in targets] for r in data], dtype=torch.float32)
    gen = torch.Generator().manual_seed(DATA_SEED)
    x_train, y_train, x_val, y_val = split(x, y, VALIDATION_FRACTION, gen)
    if STANDARDIZE:
        x_train, x_val, _, _ = standardize(x_train, x_val)
    return x_train, y_train, x_val, y_val
''')
