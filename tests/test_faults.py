"""Faults of the machine: a batch killed with SIGKILL, a lock left by a dead run, an output
folder that cannot be written (read-only, full, permission denied)."""

import argparse
import contextlib
import errno
import fcntl
import json
import multiprocessing
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from partnerlab import batch, htmlexport, kernels, outputdir, paths
from partnerlab.report_catalogue import Job

psutil = pytest.importorskip("psutil", reason="psutil comes with ipython and distributed (make env)")

OK = Path(__file__).parent / "notebooks" / "ok.ipynb"
QUICK = ("due_diligence", "action_plan")  # two quick reports of the bundled sample
GONE_WITHIN = 5.0  # seconds a killed batch's workers and kernels may take to disappear


# ---------------------------------------------------------------------------------------
# SIGKILL of a real batch
# ---------------------------------------------------------------------------------------


def test_killed_batch_leaves_no_process_and_no_lock(tmp_path):
    out = tmp_path / "out"
    proc = _start_batch(out)
    family = []
    try:
        family = _wait_for_kernels(proc, 2)  # started while the workbook is parsed, before the lock is taken
        deadline = time.monotonic() + 120
        while not (tmp_path / ".out.lock").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # the reports are running
        family = psutil.Process(proc.pid).children(recursive=True)  # workers and kernels, before the kill
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        with open(tmp_path / ".out.lock", "rb") as f:  # free the moment the batch died, its workers or not
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        seconds, alive = _wait_gone(family, GONE_WITHIN)
        assert not alive, f"still running {GONE_WITHIN} s after the batch was killed: {_describe(alive)}"
        print(f"workers and kernels of the killed batch gone after {seconds:.2f} s")

        second = subprocess.run(
            _cli("--only", "due_diligence", "--out", str(out), "--jobs", "1"),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert second.returncode == 0, second.stderr
        takeover = [line for line in second.stderr.splitlines() if "taking over the lock" in line]
        assert len(takeover) == 1 and f"pid {proc.pid} " in takeover[0], second.stderr
        assert (out / "due_diligence.html").exists()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no lock, no partial folder
    finally:
        _kill_all(family, proc)


def test_an_invalid_workbook_stops_the_workers_started_while_it_was_read(tmp_path):
    """The workers start their kernels while the workbook is parsed (a new file: pages will run);
    a workbook with errors stops them: exit 2, the error alone on stderr, no process left behind."""
    bad = tmp_path / "portfolio.xlsx"
    shutil.copy(paths.SAMPLE_WORKBOOK, bad)
    book = openpyxl.load_workbook(bad)
    sheet = next(ws for ws in book.worksheets if ws.title in ("stakeholders", "actores"))
    sheet.cell(2, 1).value = sheet.cell(3, 1).value  # a duplicate id: an error
    book.save(bad)
    proc = subprocess.Popen(
        _cli("--workbook", str(bad), "--out", str(tmp_path / "out")), stderr=subprocess.PIPE, text=True
    )
    family: dict = {}  # every worker and kernel seen while the batch ran
    try:
        main = psutil.Process(proc.pid)
        while proc.poll() is None:
            with contextlib.suppress(psutil.Error):
                family.update((p.pid, p) for p in main.children(recursive=True))
            time.sleep(0.02)
        _, stderr = proc.communicate(timeout=300)
        assert proc.returncode == 2, stderr
        assert "Traceback" not in stderr and "Exception in initializer" not in stderr, stderr
        assert "actores!A3 (id)" in stderr and "expected a unique id" in stderr, stderr
        assert family, "no worker was started"
        seconds, alive = _wait_gone(list(family.values()), GONE_WITHIN)
        assert not alive, f"still running {GONE_WITHIN} s after the batch ended: {_describe(alive)}"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["portfolio.xlsx"]  # nothing written
    finally:
        _kill_all(list(family.values()), proc)


def test_kernel_dies_with_its_worker(tmp_path):
    proc = _start_batch(tmp_path / "out")
    family = []
    try:
        family = _wait_for_kernels(proc, 2)
        worker = next(p for p in psutil.Process(proc.pid).children() if any(map(_is_kernel, p.children())))
        kernels = [k for k in worker.children() if _is_kernel(k)]
        worker.kill()  # the out-of-memory killer's way: no cleanup in the worker
        seconds, alive = _wait_gone(kernels, GONE_WITHIN)
        assert not alive, f"kernel outlived its worker by {GONE_WITHIN} s: {_describe(alive)}"
        print(f"kernel gone {seconds:.2f} s after its worker was killed")
    finally:
        _kill_all(family, proc)


# ---------------------------------------------------------------------------------------
# The lock: pid, start time, boot, host; live holders refused, dead ones taken over
# ---------------------------------------------------------------------------------------


def test_forked_children_do_not_hold_the_lock(tmp_path):
    out = tmp_path / "out"
    ctx = multiprocessing.get_context("fork")
    ready = ctx.Event()
    grandchild = ctx.Value("i", 0)

    def hold():
        with outputdir.OutputLock(out):
            child = ctx.Process(target=time.sleep, args=(60,))  # like a pool worker, forked under the lock
            child.start()
            grandchild.value = child.pid
            ready.set()
            time.sleep(60)

    holder = ctx.Process(target=hold)
    holder.start()
    try:
        assert ready.wait(30)
        with pytest.raises(batch.BatchError, match=f"another partnerlab run is writing .*pid {holder.pid} "):
            outputdir.OutputLock(out).__enter__()
        holder.kill()
        holder.join()
        assert psutil.pid_exists(grandchild.value)
        try:
            with outputdir.OutputLock(out):  # the forked child lives on but does not keep the lock
                pass
        except batch.BatchError as exc:
            pytest.fail(
                f"{exc}; held by {outputdir._processes_holding(tmp_path / '.out.lock')}, "
                f"holder {holder.pid}, forked child {grandchild.value}"
            )
    finally:
        holder.kill()
        with contextlib.suppress(psutil.Error):
            psutil.Process(grandchild.value).kill()


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


@pytest.mark.parametrize(
    "record",
    [
        pytest.param(lambda: {"pid": _dead_pid(), "host": platform.node(), "since": "x"}, id="pid gone"),
        pytest.param(lambda: {"pid": os.getppid(), "start": 1, "host": platform.node()}, id="pid reused"),
        pytest.param(lambda: {"pid": os.getppid(), "boot": "another-boot", "host": platform.node()}, id="rebooted"),
        pytest.param(lambda: {"pid": os.getppid(), "host": "elsewhere.example.org"}, id="other host, lock free"),
        pytest.param(lambda: f"pid {_dead_pid()} on {platform.node()} since 2024-01-01", id="old text record"),
    ],
)
def test_lock_of_a_dead_run_is_taken_over_with_one_line(tmp_path, capsys, record):
    out = tmp_path / "out"
    found = record()
    (tmp_path / ".out.lock").write_text(found if isinstance(found, str) else json.dumps(found))
    with outputdir.OutputLock(out) as lock:
        mine = json.loads((tmp_path / ".out.lock").read_text())
    err = capsys.readouterr().err.splitlines()
    pid = found["pid"] if isinstance(found, dict) else int(found.split()[1])
    assert len(err) == 1 and err[0].startswith(f"partnerlab run: taking over the lock on {out} ")
    assert f"pid {pid}" in err[0] and lock.took_over["pid"] == pid
    assert mine["pid"] == os.getpid() and mine["host"] == platform.node()
    assert mine["start"] == outputdir._process_start(os.getpid()) and mine["boot"] == outputdir._boot_id()
    assert not (tmp_path / ".out.lock").exists()  # removed when the run ends


def test_live_holder_is_refused_even_without_flock(tmp_path):
    # a file system that does not share flocks: the record alone still names a live run
    live = {
        "pid": os.getppid(),
        "start": outputdir._process_start(os.getppid()),
        "boot": outputdir._boot_id(),
        "host": platform.node(),
        "since": "2024-01-01T00:00:00+00:00",
    }
    (tmp_path / ".out.lock").write_text(json.dumps(live))
    with pytest.raises(batch.BatchError, match=f"another partnerlab run is writing .*out \\(pid {os.getppid()} "):
        outputdir.OutputLock(tmp_path / "out").__enter__()


def test_leftovers_holding_a_dead_runs_lock_are_named(tmp_path):
    # what an earlier version left behind: workers of a killed batch still holding its flock
    lock = tmp_path / ".out.lock"
    lock.write_text(json.dumps({"pid": _dead_pid(), "host": platform.node()}))
    code = (
        f"import fcntl, time; f = open({str(lock)!r}, 'rb'); fcntl.flock(f, fcntl.LOCK_EX); "
        "print(flush=True); time.sleep(60)"
    )
    leftover = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        leftover.stdout.readline()
        expected = f"locked by processes {leftover.pid} of a run that is no longer running"
        with pytest.raises(batch.BatchError, match=expected):
            outputdir.OutputLock(tmp_path / "out").__enter__()
    finally:
        leftover.kill()
        leftover.wait()


def _zombie_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    while psutil.Process(p.pid).status() != psutil.STATUS_ZOMBIE:
        time.sleep(0.01)
    _zombies.append(p)  # reaped at the end of the test
    return p.pid


_zombies: list = []


@pytest.fixture
def reap():
    yield
    while _zombies:
        _zombies.pop().wait()


@pytest.mark.parametrize(
    "record, alive",
    [
        (lambda: {"pid": os.getpid(), "start": outputdir._process_start(os.getpid()), "host": platform.node()}, True),
        (lambda: {"pid": _zombie_pid(), "host": platform.node()}, False),
        (lambda: {"pid": os.getpid(), "start": -1, "host": platform.node()}, False),
        (lambda: {"pid": _dead_pid(), "host": platform.node()}, False),
        (lambda: {"pid": os.getpid(), "boot": "not-this-boot", "host": platform.node()}, False),
        (lambda: {"pid": os.getpid(), "host": "elsewhere.example.org"}, None),
    ],
)
def test_holder_alive(record, alive, reap):
    assert outputdir._holder_alive(record()) is alive


# ---------------------------------------------------------------------------------------
# Output folder that cannot be written: injected errors (always run)
# ---------------------------------------------------------------------------------------


@pytest.fixture
def quick_batch(monkeypatch, tmp_path):
    """`partnerlab run` runs one quick test notebook instead of the default batch."""
    monkeypatch.setattr(batch, "_check_workbook", lambda path: None)
    monkeypatch.setattr(batch, "default_batch", lambda wb: [Job("new", "ok", OK, {"en": "New", "es": "Nuevo"}, {})])
    workbook = tmp_path / "input.xlsx"
    workbook.write_bytes(b"the test notebook does not read it")
    return workbook


@pytest.fixture
def previous(tmp_path):
    """An earlier batch's output folder."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text('{"reports": []}\n')
    (out / "old.html").write_bytes(b"<html>old report</html>\n" * 100)
    (out / "findings.xlsx").write_bytes(bytes(range(256)) * 10)
    return out


def _fail_probe(*_):
    raise OSError(errno.EROFS, os.strerror(errno.EROFS))


def _fail_staging_mkdir(real):
    def mkdir(self, *args, **kwargs):
        if self.name.endswith(".partial"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real(self, *args, **kwargs)

    return mkdir


def _fail_page_write(real):
    def write_text(self, *args, **kwargs):
        if self.suffix == ".html" and self.parent.name.endswith(".partial"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(self, *args, **kwargs)

    return write_text


def _fail_exchange(*_):
    raise OSError(errno.EROFS, os.strerror(errno.EROFS))


def _fail_second_rename(real):
    def rename(self, target):
        if self.name.endswith(".partial"):
            raise OSError(errno.EDQUOT, os.strerror(errno.EDQUOT), str(self))
        return real(self, target)

    return rename


# (where, what to patch, errno, whether a report runs before the failure)
INJECTED = [
    (
        "lock record",
        lambda mp: mp.setattr(outputdir, "_write_holder", lambda fd: _raise(errno.ENOSPC)),
        errno.ENOSPC,
        False,
    ),
    ("staging folder", lambda mp: mp.setattr(Path, "mkdir", _fail_staging_mkdir(Path.mkdir)), errno.EACCES, False),
    ("probe", lambda mp: mp.setattr(outputdir, "probe", _fail_probe), errno.EROFS, False),
    ("report page", lambda mp: mp.setattr(Path, "write_text", _fail_page_write(Path.write_text)), errno.ENOSPC, True),
    ("manifest", lambda mp: mp.setattr(batch, "_write_json", lambda *a: _raise(errno.EDQUOT)), errno.EDQUOT, True),
    ("exchange", lambda mp: mp.setattr(outputdir, "exchange", _fail_exchange), errno.EROFS, True),
    (
        "rename",
        lambda mp: (
            mp.setattr(outputdir, "exchange", lambda a, b: False),
            mp.setattr(Path, "rename", _fail_second_rename(Path.rename)),
        ),
        errno.EDQUOT,
        True,
    ),
]


def _raise(code):
    raise OSError(code, os.strerror(code))


@pytest.mark.parametrize("where, patch, code, runs_a_report", INJECTED, ids=[i[0] for i in INJECTED])
def test_unwritable_output_is_one_line_and_exit_2(
    quick_batch, previous, tmp_path, monkeypatch, capsys, where, patch, code, runs_a_report
):
    before = _snapshot(previous)
    children_before = {p.pid for p in psutil.Process().children(recursive=True)}
    ran = []
    real_run = batch._Runner.run
    monkeypatch.setattr(batch._Runner, "run", lambda self, run: ran.append(1) or real_run(self, run))
    patch(monkeypatch)
    status = batch.run_command(
        _args("--workbook", str(quick_batch), "--out", str(previous), "--jobs", "1", "--no-progress")
    )
    monkeypatch.undo()
    started = [p for p in psutil.Process().children(recursive=True) if p.pid not in children_before]
    assert not _wait_gone(started, GONE_WITHIN)[1], "the failed run left workers or kernels behind"
    err = [line for line in capsys.readouterr().err.splitlines() if "partnerlab [" not in line]
    assert status == 2
    cause = os.strerror(code)
    assert err == [
        f"partnerlab run: cannot write the output folder {previous}: {cause[0].lower()}{cause[1:]}; "
        "the previous reports in it were left as they were"
    ]
    assert bool(ran) is runs_a_report  # a failure at the start is found before any report runs
    assert _snapshot(previous) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input.xlsx", "out"]  # no partial, old or lock


def test_unwritable_new_folder_says_nothing_was_written(quick_batch, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(outputdir, "probe", _fail_probe)
    out = tmp_path / "new"
    assert batch.run_command(_args("--workbook", str(quick_batch), "--out", str(out))) == 2
    assert (
        capsys.readouterr().err.strip()
        == f"partnerlab run: cannot write the output folder {out}: read-only file system; nothing was written"
    )
    assert not out.exists()


def test_parent_that_is_a_file_is_a_usage_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(batch.BatchError, match="cannot create the output folder's parent"):
        outputdir.OutputLock(tmp_path / "file" / "out").__enter__()


def test_file_system_without_locks_is_a_usage_error(tmp_path, monkeypatch):
    def flock(fd, op):
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(outputdir.fcntl, "flock", flock)
    with pytest.raises(batch.BatchError, match="cannot lock .*out.lock: No locks available"):
        outputdir.OutputLock(tmp_path / "out").__enter__()


def test_full_disk_for_the_pre_parsed_tables_is_one_line(tmp_path, monkeypatch, capsys, previous):
    class Workbook:  # what run_batch needs of a loaded workbook
        about, sha256 = {}, "0" * 64

        def save(self, folder):
            (Path(folder) / "t.parquet").write_bytes(b"x")
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(batch, "_check_workbook", lambda path: Workbook())
    monkeypatch.setattr(batch.paths, "DATA_PROCESSED", tmp_path / "processed")
    monkeypatch.setattr(batch, "default_batch", lambda wb: [Job("new", "ok", OK, {"en": "New", "es": "Nuevo"}, {})])
    monkeypatch.setattr(batch.tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    before = _snapshot(previous)
    (tmp_path / "input.xlsx").write_bytes(b"x")
    assert batch.run_command(_args("--workbook", str(tmp_path / "input.xlsx"), "--out", str(previous))) == 2
    assert capsys.readouterr().err.strip() == (
        f"partnerlab run: cannot write the pre-parsed tables in {tmp_path / 'processed'} nor in "
        f"{tmp_path / 'tmp'}: no space left on device"
    )
    assert _snapshot(previous) == before
    assert list((tmp_path / "processed").iterdir()) == list((tmp_path / "tmp").iterdir()) == []


def _terminated_twice(done: str) -> None:
    signal.signal(signal.SIGTERM, kernels._exit_on_sigterm)
    try:
        os.kill(os.getpid(), signal.SIGTERM)  # stop_pool's
        time.sleep(5)
    finally:  # the clean-up (a kernel's shutdown, its folder removed) ...
        os.kill(os.getpid(), signal.SIGTERM)  # ... and the broken pool's own terminate()
        time.sleep(0.05)
        Path(done).write_text("cleaned")


def test_a_second_sigterm_does_not_cut_a_workers_clean_up_short(tmp_path):
    # CI, stop 20: a pool stopped while its workers started their kernels left a partnerlab-kernel-*
    # folder behind in 1 run of 4 on a loaded machine: the pool, broken by the first worker that
    # exited, terminated the others again during their clean-up
    worker = multiprocessing.get_context("fork").Process(target=_terminated_twice, args=(str(tmp_path / "done"),))
    worker.start()
    worker.join(timeout=30)
    assert worker.exitcode == 143
    assert (tmp_path / "done").read_text() == "cleaned"


def test_other_os_errors_are_not_called_storage_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        with outputdir.writing(tmp_path / "out"):
            raise FileNotFoundError(errno.ENOENT, "gone")


def test_move_into_place_puts_the_old_folder_back(tmp_path, previous, monkeypatch):
    before = _snapshot(previous)
    staging = tmp_path / ".out.partial"
    staging.mkdir()
    (staging / "manifest.json").write_text("new")
    monkeypatch.setattr(outputdir, "exchange", lambda a, b: False)  # a system without renameat2
    monkeypatch.setattr(Path, "rename", _fail_second_rename(Path.rename))
    with pytest.raises(OSError):
        outputdir.move_into_place(staging, previous)
    monkeypatch.undo()
    assert _snapshot(previous) == before
    assert not (tmp_path / ".out.old").exists()


# ---------------------------------------------------------------------------------------
# Output folder that cannot be written: real file systems (skipped where mounting is refused)
# ---------------------------------------------------------------------------------------


@pytest.fixture
def tmpfs(tmp_path):
    """mount(size) -> a fresh tmpfs of that size under tmp_path, unmounted afterwards."""
    if not sys.platform.startswith("linux") or shutil.which("mount") is None:
        pytest.skip("needs Linux mount to make a real read-only or full file system")
    mounted = []

    def mount(size: str) -> Path:
        where = tmp_path / f"fs{len(mounted)}"
        where.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True, text=True
        )
        if done.returncode:
            pytest.skip(
                f"mounting a tmpfs is not permitted here (needs root with CAP_SYS_ADMIN): {done.stderr.strip()}"
            )
        mounted.append(where)
        return where

    yield mount
    for where in mounted:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def _fill(folder: Path, leave: int = 0) -> None:
    """Fill the file system of `folder` until about `leave` bytes are free (0: until it is full)."""
    with open(folder / "filler", "wb", buffering=0) as f:
        try:
            while (room := shutil.disk_usage(folder).free - leave) > 0 or not leave:
                f.write(b"\0" * max(min(room, 1 << 16), 4096))
                os.fsync(f.fileno())
        except OSError as exc:
            if exc.errno != errno.ENOSPC or leave:
                raise


@pytest.mark.parametrize("fault", ["read-only", "full", "full during the run"])
def test_real_unwritable_file_system(quick_batch, tmpfs, monkeypatch, capsys, fault):
    monkeypatch.setattr(htmlexport, "light_png", lambda png: png)  # pages as heavy as they come: > 16 kB
    fs = tmpfs("16m")
    out = fs / "out"
    args = _args("--workbook", str(quick_batch), "--out", str(out), "--jobs", "1", "--no-progress")
    assert batch.run_command(args) == 0
    capsys.readouterr()
    before = _snapshot(out)
    page = (out / "new.html").stat().st_size
    assert page > 16 * 1024  # so "full during the run" cannot write it
    if fault == "read-only":
        subprocess.run(["mount", "-o", "remount,ro", str(fs)], check=True)
    elif fault == "full":
        _fill(fs)
    else:
        _fill(fs, leave=16 * 1024)  # room for the lock and the probe (3 pages), not for the page
    ran = []
    real_run = batch._Runner.run
    monkeypatch.setattr(batch._Runner, "run", lambda self, run: ran.append(1) or real_run(self, run))
    assert batch.run_command(args) == 2
    err = [line for line in capsys.readouterr().err.splitlines() if "partnerlab [" not in line]
    cause = "read-only file system" if fault == "read-only" else "no space left on device"
    assert err == [
        f"partnerlab run: cannot write the output folder {out}: {cause}; "
        "the previous reports in it were left as they were"
    ]
    assert bool(ran) is (fault == "full during the run")
    assert _snapshot(out) == before
    assert sorted(p.name for p in fs.iterdir() if p.name != "filler") == ["out"]


# ---------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------


def _cli(*argv) -> list[str]:
    return [sys.executable, "-m", "partnerlab.cli", "run", "--no-progress", *argv]


def _args(*argv):
    parser = argparse.ArgumentParser()
    batch.add_run_arguments(parser)
    return parser.parse_args(list(argv))


def _start_batch(out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        _cli("--only", *QUICK, "--out", str(out), "--jobs", "2"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _is_kernel(p) -> bool:
    try:
        return any("ipykernel" in part for part in p.cmdline())
    except psutil.Error:
        return False


def _wait_for_kernels(proc: subprocess.Popen, n: int, timeout: float = 120) -> list:
    main = psutil.Process(proc.pid)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the batch ended before {n} kernels started: {proc.stderr.read()}")
        family = main.children(recursive=True)
        if sum(map(_is_kernel, family)) >= n:
            return family
        time.sleep(0.1)
    pytest.fail(f"{n} kernels did not start within {timeout} s")


def _running(p) -> bool:
    try:
        return p.is_running() and p.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _wait_gone(procs: list, timeout: float) -> tuple[float, list]:
    t0 = time.monotonic()
    while True:
        alive = [p for p in procs if _running(p)]
        elapsed = time.monotonic() - t0
        if not alive or elapsed > timeout:
            return elapsed, alive
        time.sleep(0.05)


def _describe(procs: list) -> str:
    found = []
    for p in procs:
        try:
            found.append(f"{p.pid} {' '.join(p.cmdline())[:80]}")
        except psutil.Error:
            found.append(str(p.pid))
    return "; ".join(found)


def _kill_all(family: list, proc: subprocess.Popen) -> None:
    """Whatever the test found, leave no process of the batch behind."""
    if proc.poll() is None:
        with contextlib.suppress(psutil.Error):
            family = family + psutil.Process(proc.pid).children(recursive=True)
        proc.kill()
    for p in family:
        if _running(p):
            p.kill()
    proc.wait(10)
    if proc.stderr:
        proc.stderr.close()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
