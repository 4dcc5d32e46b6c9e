"""Stray temporaries of killed saves: tidied by the next save into the folder, never a live one."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import torch

from playground.core.io.atomic import TEMP_SUFFIX, atomic_write_bytes
from playground.core.io.files import save_experiment_file
from playground.core.io.readers import load_experiment_file_any
from playground.core.io.save_temporaries import (
    GRACE_SECONDS,
    hold_temporary,
    is_our_temporary,
    release_temporary,
    remove_stray_temporaries,
)
from playground.core.spec.experiment import Experiment

# Killed by SIGKILL in the middle of writing a big experiment: a stray temporary stays behind.
KILLED_MID_SAVE = """
import os, signal, sys, zipfile
import torch
from playground.core.io.files import save_experiment_file
from playground.core.spec.experiment import Experiment

real_writestr = zipfile.ZipFile.writestr

def writestr_then_die(self, name, *args, **kwargs):
    if name == "weights.safetensors":
        os.kill(os.getpid(), signal.SIGKILL)
    real_writestr(self, name, *args, **kwargs)

zipfile.ZipFile.writestr = writestr_then_die
save_experiment_file(sys.argv[1], Experiment(name="big"), weights={"w": torch.zeros(1000)})
"""


def _age(path: Path, seconds: float) -> None:
    moment = time.time() - seconds
    os.utime(path, (moment, moment), follow_symlinks=False)


def _stray(folder: Path, target: str, age: float = 10 * GRACE_SECONDS) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{target}.", suffix=TEMP_SUFFIX, dir=folder)
    os.write(fd, b"half a file")
    os.close(fd)
    _age(Path(name), age)
    return Path(name)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and writer locks are POSIX")
def test_strays_of_killed_saves_go_with_the_next_save_into_the_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", KILLED_MID_SAVE, str(tmp_path / "a.playground")],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode != 0  # it really died
    killed = list(tmp_path.iterdir())
    assert len(killed) == 1 and is_our_temporary(killed[0].name)
    strays = [killed[0], _stray(tmp_path, "b.playground", age=0.0)]  # another file's stray
    # A save of another file into the same folder: the strays are too young to judge yet.
    other = tmp_path / "other.playground"
    save_experiment_file(other, Experiment(name="other"))
    assert all(p.exists() for p in strays)
    for stray in strays:
        _age(stray, 2 * GRACE_SECONDS)
    save_experiment_file(other, Experiment(name="other again"))
    assert sorted(tmp_path.iterdir()) == [other]
    assert load_experiment_file_any(other).experiment.name == "other again"


@pytest.mark.skipif(sys.platform == "win32", reason="writer locks are POSIX")
def test_a_temporary_still_being_written_is_kept_however_old(tmp_path: Path) -> None:
    fd, name = tempfile.mkstemp(prefix=".slow.playground.", suffix=TEMP_SUFFIX, dir=tmp_path)
    live = Path(name)
    marker = hold_temporary(fd)
    try:
        _age(live, 100 * GRACE_SECONDS)  # a very slow save, e.g. to a network share
        assert remove_stray_temporaries(tmp_path) == 0
        assert live.exists()
    finally:
        release_temporary(marker)
        os.close(fd)
    assert remove_stray_temporaries(tmp_path) == 1  # its writer is done with it
    assert not live.exists()


def test_only_our_own_temporaries_are_removed(tmp_path: Path) -> None:
    ours = _stray(tmp_path, "exp.playground")
    keep = [
        tmp_path / "notes.saving",
        tmp_path / ".exp.playground.saving",  # no random part
        tmp_path / ".exp.playground.ABCDEFGH.saving",  # mkstemp never uses capitals
        tmp_path / "exp.playground.abcdefgh.saving",  # no leading dot
        tmp_path / ".exp.playground.abcdefgh.saving.bak",
    ]
    for path in keep:
        path.write_bytes(b"someone's file")
        _age(path, 10 * GRACE_SECONDS)
    folder = tmp_path / ".dir.playground.abcdefgh.saving"
    folder.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("keep", encoding="utf-8")
    link = tmp_path / ".link.playground.abcdefgh.saving"
    link.symlink_to(outside)
    _age(link, 10 * GRACE_SECONDS)
    young = _stray(tmp_path, "exp.playground", age=1.0)
    atomic_write_bytes(tmp_path / "exp.playground", b"new")
    assert not ours.exists()
    assert all(path.exists() for path in keep)
    assert folder.is_dir() and link.is_symlink() and outside.read_text(encoding="utf-8") == "keep"
    assert young.exists()  # its writer may not have marked it yet


def test_tidying_never_fails_a_save(tmp_path: Path) -> None:
    assert remove_stray_temporaries(tmp_path / "missing") == 0
    save_experiment_file(tmp_path / "x.playground", Experiment(), weights={"w": torch.ones(2)})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.playground"]


def test_save_failures_read_in_the_interface_language() -> None:
    import errno

    from playground.core.io.save_errors import describe_save_failure
    from playground.core.messages.texts import set_language

    full = OSError(errno.ENOSPC, "No space left on device")
    english = describe_save_failure("the autosave", full)
    set_language("zh_CN")
    try:
        chinese = describe_save_failure("the autosave", full)
        named = describe_save_failure("lesson.playground", MemoryError())
    finally:
        set_language("en")
    assert english.startswith("Could not save the autosave: the disk is full. Nothing was saved")
    assert chinese.startswith("无法保存自动保存：磁盘已满。什么都没有保存")
    assert named.startswith("无法保存lesson.playground：内存不足。")
