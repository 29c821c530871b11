"""Outputs never clobber what they name (issue 18, part 2): a device or a FIFO named as a
report is written to, never replaced by a file; a folder or a socket is refused before
the run; temporary files go on every exit Python sees, and one a killed run left is
removed by the next; a closed or full standard output is the user's to fix, not a bug."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import ROOT

from checker import tempfiles
from checker.cli import exits_on_termination, main
from checker.report.files import special_target

SEEDS = ROOT / "seeds"


def run(args: list[str], capsys) -> tuple[int, list[str]]:
    status = main(["check", str(SEEDS), "--fail-on", "never", *args])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return status, out.err.splitlines()


@pytest.fixture
def no_rename_outside(tmp_path, monkeypatch):
    """Fail the test, rather than the machine, if a report would be renamed over a device."""
    real = os.replace

    def guarded(source, target, *args, **kwargs):
        assert not os.path.realpath(target).startswith("/dev/"), f"a report renamed over {target}"
        return real(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", guarded)


@pytest.mark.parametrize("option", ["-o", "--json", "--sarif"])
def test_dev_null_is_written_to_not_replaced(tmp_path, capsys, no_rename_outside, option):
    status, err = run([option, "/dev/null", "-o" if option != "-o" else "--json", str(tmp_path / "r.x")], capsys)
    assert status == 0 and err[-1].startswith("factcheck: 5 articles"), err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not list(Path("/dev").glob(".null.*.tmp"))


def test_a_symlink_to_dev_null_is_written_through(tmp_path, capsys, no_rename_outside):
    link = tmp_path / "report.md"
    link.symlink_to("/dev/null")
    status, _ = run(["-o", str(link)], capsys)
    assert status == 0 and link.is_symlink() and os.readlink(link) == "/dev/null"


def test_a_fifo_gets_the_report_and_stays_a_fifo(tmp_path, capsys):
    fifo = tmp_path / "report.md"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    status, _ = run(["-o", str(fifo)], capsys)
    reader.join(timeout=60)
    assert status == 0 and stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert received and received[0].decode("utf-8").startswith("# Fact-consistency report")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_a_folder_named_as_the_report_is_refused_before_the_run(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("checker.corpus.check_corpus", lambda *a, **k: pytest.fail("the run started"))
    (tmp_path / "out").mkdir()
    status, err = run(["-o", str(tmp_path / "out")], capsys)
    assert status == 2 and err == [f"factcheck: {tmp_path / 'out'}: cannot write report: a folder; "
                                   "give a file's path"]


def test_a_socket_named_as_the_report_is_refused(tmp_path, capsys):
    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        status, err = run(["--json", str(path), "-o", str(tmp_path / "r.md")], capsys)
    finally:
        server.close()
    assert status == 2 and err == [f"factcheck: {path}: cannot write report: a socket; give a file's path"]
    assert not (tmp_path / "r.md").exists()


def test_special_targets():
    assert special_target(Path("/dev/null")) and not special_target(Path("/no/such/file"))
    assert not special_target(ROOT / "README.md")


# Temporary files.

def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_killed_runs_temporary_file_is_removed_by_the_next(tmp_path, capsys):
    stale = tmp_path / f".r.md.{_dead_pid()}.abc123.tmp"
    live = tmp_path / f".r.md.{os.getppid()}.def456.tmp"  # a running process's: left alone
    other = tmp_path / f".notes.md.{_dead_pid()}.abc123.tmp"  # another target's
    for path in (stale, live, other):
        path.write_text("half a report", encoding="utf-8")
    status, _ = run(["-o", str(tmp_path / "r.md")], capsys)
    assert status == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name, "r.md"])


@pytest.mark.parametrize("stop", [KeyboardInterrupt, SystemExit])
def test_an_interrupt_while_writing_leaves_no_temporary_file(tmp_path, capsys, monkeypatch, stop):
    report = tmp_path / "r.json"
    report.write_text("{}", encoding="utf-8")

    def interrupted(report, out, extra=None):
        out.write('{"version": 1')
        raise stop(143) if stop is SystemExit else stop()

    monkeypatch.setattr("checker.report.stream.write_json", interrupted)
    with pytest.raises(SystemExit) if stop is SystemExit else _nothing():
        status, err = run(["--json", str(report), "-o", str(tmp_path / "r.md")], capsys)
        assert status == 130 and err == ["factcheck: interrupted"]
    assert report.read_text(encoding="utf-8") == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *_):
        return False


def test_sigterm_ends_the_run_as_an_exit_so_that_finally_runs():
    cleaned = []
    with pytest.raises(SystemExit) as stopped:
        with exits_on_termination():
            try:
                os.kill(os.getpid(), signal.SIGTERM)  # handled before the next line runs
                cleaned.append(False)
            finally:
                cleaned.append(True)
    assert stopped.value.code == 128 + signal.SIGTERM and cleaned == [True]
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


def test_a_sigterm_mid_run_leaves_no_temporary_file(tmp_path):
    """A whole process: terminated while its report is being written, it leaves the old
    report whole and nothing beside it."""
    report = tmp_path / "r.md"
    report.write_text("old", encoding="utf-8")
    script = (
        "import os, signal, sys\n"
        "import checker.report.files as files\n"
        "real = files._fill\n"
        "def fill(out, content):\n"
        "    out.write('half')\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "files._fill = fill\n"
        "from checker.cli import main\n"
        f"sys.exit(main(['check', {str(SEEDS)!r}, '-o', {str(report)!r}]))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120, cwd=ROOT)
    assert done.returncode == 128 + signal.SIGTERM, done.stderr.decode()
    assert report.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md"]


def test_the_temporary_file_names_its_process(tmp_path):
    with tempfiles.temporary_beside(tmp_path / "r.md") as (handle, temp):
        os.close(handle)
        assert Path(temp).name.startswith(f".r.md.{os.getpid()}.") and temp.endswith(".tmp")
    assert not Path(temp).exists()


# Standard output.

def test_a_closed_stdout_is_said_before_the_run(tmp_path):
    done = subprocess.run([sys.executable, "-m", "checker", "check", str(SEEDS)], capture_output=False,
                          stdout=None, stderr=subprocess.PIPE, timeout=120, cwd=ROOT,
                          preexec_fn=lambda: os.close(1))
    assert done.returncode == 2
    assert done.stderr.decode() == ("factcheck: standard output is closed, and a report goes there; write it to "
                                    "a file (-o FILE, --json FILE) or keep standard output open\n")


def test_a_closed_stdout_is_no_matter_when_reports_go_to_files(tmp_path):
    done = subprocess.run([sys.executable, "-m", "checker", "check", str(SEEDS), "-o", str(tmp_path / "r.md")],
                          stderr=subprocess.PIPE, timeout=120, cwd=ROOT, preexec_fn=lambda: os.close(1))
    assert done.returncode == 1 and (tmp_path / "r.md").exists()


def test_a_full_stdout_is_one_line(tmp_path):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "checker", "check", str(SEEDS)], stdout=full,
                              stderr=subprocess.PIPE, timeout=120, cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr.decode() == "factcheck: cannot write to standard output: No space left on device\n"
