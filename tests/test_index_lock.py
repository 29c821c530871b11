"""An index run killed outright never blocks the next (issue 18, part 4): its pool workers
end with it, the store's lock is held by the indexing process alone (its workers never
hold it), a run that finds the store locked says by whom and waits, or gives up after
--lock-timeout, and the lock file goes when its holder is done, or with the next run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from checker.archive.store import StoreError, index_lock
from checker.cli import main

SEEDS = ROOT / "seeds"
HOLD = ("import sys, time\n"
        "from pathlib import Path\n"
        "from checker.archive.store import index_lock\n"
        "with index_lock(Path(sys.argv[1])):\n"
        "    print('held', flush=True)\n"
        "    time.sleep(float(sys.argv[2]))\n")


def holding(store: Path, seconds: float) -> subprocess.Popen:
    """Another process holding the store's lock for `seconds`."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(store), str(seconds)], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "held\n"
    return holder


def test_a_locked_store_names_its_holder_and_gives_up_after_the_timeout(tmp_path, capsys):
    store = tmp_path / "archive.db"
    holder = holding(store, 60)
    try:
        status = main(["index", str(SEEDS), "--store", str(store), "--jobs", "1", "--lock-timeout", "0.3"])
    finally:
        holder.kill()
        holder.wait()
    err = capsys.readouterr().err.splitlines()
    assert status == 2
    who = f"locked by process {holder.pid} on "
    assert err[0].startswith(f"factcheck: {store}: {who}") and err[0].endswith(
        "which is indexing it; waiting for it to finish")
    assert err[1].startswith(f"factcheck: {store}: {who}") and err[1].endswith(
        "which is indexing it; gave up after 0.3 s (--lock-timeout)")
    assert len(err) == 2 and not store.exists()


def test_a_locked_store_is_waited_for_with_a_message(tmp_path, capsys):
    store = tmp_path / "archive.db"
    holder = holding(store, 1)
    status = main(["index", str(SEEDS), "--store", str(store), "--jobs", "1"])
    holder.wait()
    out, err = capsys.readouterr()
    assert status == 0 and "5 added" in out
    assert err.splitlines() == [err.splitlines()[0]] and "(--lock-timeout SECONDS gives up)" in err
    assert not Path(f"{store}.lock").exists()


def test_the_lock_file_goes_when_its_holder_is_done(tmp_path):
    store = tmp_path / "archive.db"
    with index_lock(store):
        said = Path(f"{store}.lock").read_text(encoding="utf-8")
        assert said.startswith(f"process {os.getpid()} on ")
    assert not Path(f"{store}.lock").exists()


def test_a_second_lock_in_another_process_waits(tmp_path):
    store = tmp_path / "archive.db"
    with index_lock(store):
        done = subprocess.run([sys.executable, "-c", HOLD.replace("index_lock(Path(sys.argv[1]))",
                                                                  "index_lock(Path(sys.argv[1]), 0.2)"),
                               str(store), "0"], cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert done.returncode == 1 and "StoreError" in done.stderr and "gave up after 0.2 s" in done.stderr


def test_a_stale_lock_file_is_taken_over_and_removed(tmp_path, capsys):
    store = tmp_path / "archive.db"
    Path(f"{store}.lock").write_text("process 1 on elsewhere, since long ago\n", encoding="utf-8")
    assert main(["index", str(SEEDS), "--store", str(store), "--jobs", "1", "--lock-timeout", "0"]) == 0
    assert not Path(f"{store}.lock").exists()


def test_a_timeout_that_is_not_a_number_of_seconds(capsys):
    with pytest.raises(SystemExit):
        main(["index", str(SEEDS), "--store", "x.db", "--lock-timeout", "-1"])
    assert "'-1' is not a number of seconds (0 or more)" in capsys.readouterr().err


def _children(pid: int) -> set[int]:
    try:
        return {int(c) for task in Path(f"/proc/{pid}/task").iterdir()
                for c in (task / "children").read_text().split()}
    except OSError:
        return set()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _until(condition, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads child processes from /proc")
def test_an_index_killed_outright_takes_its_workers_and_its_lock_with_it(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    text = (SEEDS / "001_12631ab96fb70234.txt").read_text(encoding="utf-8")
    for k in range(120):  # enough to keep two workers busy for a while
        (folder / f"a{k:03d}.txt").write_text(text, encoding="utf-8")
    store = tmp_path / "archive.db"
    parent = subprocess.Popen([sys.executable, "-m", "checker", "index", str(folder), "--store", str(store),
                               "--jobs", "2"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert _until(lambda: len(_children(parent.pid)) >= 2, 60), "the pool never started"
        workers = _children(parent.pid)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        assert _until(lambda: not any(_alive(w) for w in workers), 10), "workers outlived their parent"
    finally:
        for pid in _children(parent.pid):
            os.kill(pid, signal.SIGKILL)
    assert Path(f"{store}.lock").exists()  # a SIGKILL leaves the file; its lock went with the process
    done = subprocess.run([sys.executable, "-m", "checker", "index", str(folder), "--store", str(store),
                           "--jobs", "2", "--lock-timeout", "5"], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    assert not Path(f"{store}.lock").exists()


def test_an_index_terminated_leaves_no_lock_file(tmp_path):
    """SIGTERM ends the run as an exit does: the lock file goes with it."""
    folder = tmp_path / "archive"
    folder.mkdir()
    text = (SEEDS / "001_12631ab96fb70234.txt").read_text(encoding="utf-8")
    for k in range(120):
        (folder / f"a{k:03d}.txt").write_text(text, encoding="utf-8")
    store = tmp_path / "archive.db"
    lock = Path(f"{store}.lock")
    run = subprocess.Popen([sys.executable, "-m", "checker", "index", str(folder), "--store", str(store),
                            "--jobs", "1"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert _until(lock.exists, 60), "the lock was never taken"
    run.send_signal(signal.SIGTERM)
    assert run.wait(timeout=60) == 128 + signal.SIGTERM
    assert "Traceback" not in run.stderr.read().decode()
    assert not lock.exists()
