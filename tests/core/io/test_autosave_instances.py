"""Autosaves with several windows and instances: each its own file, a live owner's never touched.

The owner of an autosave is found by an OS lock, so the tests use real
processes: one that keeps running holds its lock, one that is killed drops it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from playground.core.io import autosave, paths
from playground.core.io.files import save_experiment_file
from playground.core.io.instance_lock import InstanceLock, is_locked
from playground.core.io.readers import load_experiment_file_any
from playground.core.spec.experiment import Experiment

# Writes an autosave in its own slot, prints the path, then waits (alive, holding the lock)
# until its stdin closes or it is killed.
WRITER = """
import sys
from playground.core.io.autosave import AutosaveSlot
from playground.core.spec.experiment import Experiment

slot = AutosaveSlot()
slot.write(Experiment(name=sys.argv[1]))
print(slot.path, flush=True)
sys.stdin.read()
"""

# Holds a lock on the given file until its stdin closes.
HOLDER = """
import sys
from playground.core.io.instance_lock import InstanceLock

lock = InstanceLock.acquire(sys.argv[1])
print("held" if lock is not None else "busy", flush=True)
sys.stdin.read()
"""


def _start(script: str, *args: str) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    if not line:
        process.kill()
        _, err = process.communicate(timeout=60)
        pytest.fail(f"the helper process gave no answer: {err}")
    return process, line


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=60)


def _crashed_slot(name: str) -> Path:
    """An autosave whose window went away without a clean exit (its lock dropped with it)."""
    slot = autosave.AutosaveSlot()
    path = slot.write(Experiment(name=name))
    del slot  # like a process that dies: the lock's file handle closes, nothing is removed
    return path


def _kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(getattr(signal, "SIGKILL", signal.SIGTERM))
    process.communicate(timeout=60)


def test_a_live_instance_is_never_offered_and_a_killed_one_is(
    processes: list[subprocess.Popen[str]],
) -> None:
    live, live_path = _start(WRITER, "Live work")
    processes.append(live)
    path = Path(live_path)
    assert path.parent == paths.autosave_dir() and path.is_file()
    # While its instance runs, nobody offers (or deletes) its autosave.
    assert autosave.find_left_autosaves() == []
    assert path.is_file()
    # Killed without any chance to clean up: the OS dropped the lock, so it is offered.
    _kill(live)
    left = autosave.find_left_autosaves()
    assert [item.path for item in left] == [path]
    assert load_experiment_file_any(path).experiment.name == "Live work"
    left[0].discard()
    assert list(paths.autosave_dir().iterdir()) == []


def test_instances_never_share_or_overwrite_an_autosave() -> None:
    # Every instance may have the same process id (containers): ids are random instead.
    first = _crashed_slot("First")
    second = _crashed_slot("Second")
    assert first != second and first.is_file() and second.is_file()
    os.utime(first, (time.time() - 60, time.time() - 60))
    left = autosave.find_left_autosaves()
    assert [item.path for item in left] == [second, first]  # newest first
    names = [load_experiment_file_any(item.path).experiment.name for item in left]
    assert names == ["Second", "First"]
    for item in left:
        item.release()


def test_a_found_autosave_is_claimed_so_no_other_instance_offers_it(
    processes: list[subprocess.Popen[str]],
) -> None:
    path = _crashed_slot("Claimed")
    left = autosave.find_left_autosaves()
    assert [item.path for item in left] == [path]
    assert autosave.find_left_autosaves() == []  # another finder, even in this process
    lock_path = path.with_suffix(".lock")
    other, answer = _start(HOLDER, str(lock_path))
    processes.append(other)
    assert answer == "busy"  # ... and in another process
    left[0].release()  # kept for later: the file stays and can be found again
    assert path.is_file()
    again = autosave.find_left_autosaves()
    assert [item.path for item in again] == [path]
    again[0].discard()
    assert not path.exists() and not lock_path.exists()


def test_declining_in_one_instance_leaves_a_live_ones_work() -> None:
    live = autosave.AutosaveSlot()
    live_path = live.write(Experiment(name="Still open"))
    dead = _crashed_slot("Crashed")
    left = autosave.find_left_autosaves()
    assert [item.path for item in left] == [dead]
    for item in left:
        item.discard()  # the user answered No
    assert not dead.exists()
    assert load_experiment_file_any(live_path).experiment.name == "Still open"
    live.clear()


def test_lock_files_without_an_autosave_are_tidied_unless_held(
    processes: list[subprocess.Popen[str]],
) -> None:
    folder = paths.autosave_dir()
    folder.mkdir(parents=True)
    stray = folder / "00000000000000aa.lock"
    stray.touch()
    held = folder / "00000000000000bb.lock"
    holder, answer = _start(HOLDER, str(held))
    processes.append(holder)
    assert answer == "held"
    assert autosave.find_left_autosaves() == []
    assert not stray.exists()  # left by a crash during a clean exit
    assert held.exists()  # a window that has not autosaved yet


def test_an_autosave_from_an_older_version_is_offered_once() -> None:
    legacy, marker = paths.autosave_path(), paths.autosave_marker_path()
    save_experiment_file(legacy, Experiment(name="Before the upgrade"))
    marker.write_text('{"pid": 1}\n', encoding="utf-8")
    left = autosave.find_left_autosaves()
    assert [item.path for item in left] == [legacy]
    assert autosave.find_left_autosaves() == []  # claimed
    left[0].discard()
    assert not legacy.exists() and not marker.exists()


def test_links_and_foreign_names_in_the_autosave_folder_are_ignored(tmp_path: Path) -> None:
    folder = paths.autosave_dir()
    folder.mkdir(parents=True)
    outside = tmp_path / "elsewhere.playground"
    save_experiment_file(outside, Experiment(name="Not an autosave"))
    (folder / "00000000000000cc.playground").symlink_to(outside)
    save_experiment_file(folder / "notes.playground", Experiment(name="A user's file"))
    assert autosave.find_left_autosaves() == []
    assert outside.is_file() and (folder / "notes.playground").is_file()


def test_instance_lock_excludes_others_until_released(tmp_path: Path) -> None:
    path = tmp_path / "one.lock"
    first = InstanceLock.acquire(path)
    assert first is not None and first.held
    assert InstanceLock.acquire(path) is None
    assert is_locked(path)
    first.release()
    assert not first.held and not is_locked(path) and path.exists()
    second = InstanceLock.acquire(path)
    assert second is not None
    second.release(remove=True)
    assert not path.exists()
    assert not is_locked(path)  # no file, no holder


def test_instance_lock_refuses_to_follow_a_planted_link(tmp_path: Path) -> None:
    target = tmp_path / "victim.txt"
    target.write_text("keep", encoding="utf-8")
    link = tmp_path / "planted.lock"
    link.symlink_to(target)
    with pytest.raises(OSError):
        InstanceLock.acquire(link)
    assert target.read_text(encoding="utf-8") == "keep"


def test_a_slot_holds_its_lock_from_before_its_first_autosave() -> None:
    slot = autosave.AutosaveSlot()
    slot.write(Experiment(name="Mine"))
    assert is_locked(slot.lock_path)
    other = autosave.AutosaveSlot()
    other.write(Experiment(name="Other window"))
    assert other.path != slot.path  # two windows of one instance: two files
    assert autosave.find_left_autosaves() == []
    slot.clear()
    assert not slot.path.exists() and not slot.lock_path.exists()
    assert other.path.is_file() and is_locked(other.lock_path)
    other.clear()
