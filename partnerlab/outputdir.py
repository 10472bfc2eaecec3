"""The batch's output folder: locked for one run, written aside, swapped in whole.

Files are written into a hidden folder next to the target and moved into place at the end
(`move_into_place`; on Linux one atomic exchange), under a lock (`OutputLock`): an interrupted
run leaves the previous output untouched and two runs never write the same folder. An output
location that cannot be written (read-only, full, permission denied) is one line and exit 2
(`OutputError`, raised by `writing`), found before any report runs when it already is
(`probe`); the previous output stays as it was.

The lock is an flock held by the batch's own process only (forked workers close their copy),
so it is free the moment the batch dies, even by SIGKILL; the lock file records pid, process
start time, boot and host, so the next run says whose lock it takes over.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import errno
import fcntl
import json
import os
import platform
import shutil
import sys
import time
from pathlib import Path

from partnerlab.messages import _

__all__ = [
    "BatchError",
    "OutputError",
    "STORAGE_ERRNOS",
    "OutputLock",
    "writing",
    "probe",
    "move_into_place",
    "exchange",
    "remove",
]

STORAGE_ERRNOS = frozenset(  # an OSError with one of these while writing the output: OutputError
    getattr(errno, name)
    for name in ("EROFS", "ENOSPC", "EDQUOT", "EACCES", "EPERM", "EFBIG", "EIO")
    if hasattr(errno, name)
)


class BatchError(Exception):
    """A usage or input error: nothing was written (exit 2)."""


class OutputError(BatchError):
    """The output location cannot be written (read-only, full, no permission): exit 2, and the
    previous output folder is left as it was."""

    def __init__(self, out: Path, exc: OSError):
        self.out, self.errno = out, exc.errno
        cause = os.strerror(exc.errno) if exc.errno else str(exc)
        kept = (
            _("the previous reports in it were left as they were")
            if (out / "manifest.json").exists()
            else _("nothing was written")
        )
        super().__init__(
            _(
                "cannot write the output folder {path}: {cause}; {kept}",
                path=out,
                cause=f"{cause[:1].lower()}{cause[1:]}",
                kept=kept,
            )
        )


class OutputLock:
    """An exclusive lock on `<parent>/.<name>.lock`, held for the whole run.

    The lock itself is an flock, which the operating system releases when the process dies,
    even by SIGKILL; forked workers close their inherited copy (`_after_fork_in_child`), so
    only the batch's own process holds it. The file records who holds it: pid, the process's
    start time and boot (a reused pid is not mistaken for the holder) and host. A lock held by
    a live batch is refused (BatchError); a lock left by a run that died is taken over, with
    one line on stderr.
    """

    def __init__(self, out: Path):
        self.out = out
        self.path = out.parent / f".{out.name}.lock"
        self.fd: int | None = None
        self.took_over: dict | None = None  # the dead holder's record, when its lock was taken over

    def __enter__(self):
        try:
            with writing(self.out):
                self.path.parent.mkdir(parents=True, exist_ok=True)
        except OutputError:
            raise
        except OSError as exc:  # a file in the way, a name too long, ...
            raise BatchError(_("cannot create the output folder's parent: {error}", error=exc)) from exc
        while True:
            with writing(self.out):
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                os.close(fd)
                if exc.errno in (errno.EAGAIN, errno.EACCES):
                    raise BatchError(self._refusal()) from None
                raise BatchError(
                    _(
                        "cannot lock {path}: {cause} (a file system without locks; choose a local --out)",
                        path=self.path,
                        cause=exc.strerror,
                    )
                ) from exc
            try:  # the file may have been removed by the run that held it: lock the new one
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        try:
            previous = _read_holder(fd)
            if previous and previous.get("pid") != os.getpid() and _holder_alive(previous):
                raise BatchError(self._busy(previous))  # flock not shared (some network file systems)
            with writing(self.out):
                _write_holder(fd)
        except OutputError:
            with contextlib.suppress(OSError):
                os.unlink(self.path)
            os.close(fd)
            raise
        except BaseException:
            os.close(fd)
            raise
        self.fd = fd
        _held_locks.add(fd)
        if previous:
            self.took_over = previous
            print(
                _(
                    "partnerlab run: taking over the lock on {path} from a run that is no longer running ({holder})",
                    path=self.out,
                    holder=_describe_holder(previous),
                ),
                file=sys.stderr,
                flush=True,
            )
        return self

    def __exit__(self, *exc):
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        _held_locks.discard(self.fd)
        os.close(self.fd)
        return False

    def _refusal(self) -> str:
        """Why the flock is taken: a live batch, or leftovers of a dead one holding the file."""
        holder = None
        for _attempt in range(5):  # a run that has just locked writes its record a moment later
            with contextlib.suppress(OSError):
                with open(self.path, "rb") as f:
                    holder = _parse_holder(f.read(1000))
            if holder is None or _holder_alive(holder) is not False:
                break
            time.sleep(0.1)
        if holder is not None and _holder_alive(holder) is False:
            pids = _processes_holding(self.path)
            who = _("processes {pids}", pids=", ".join(map(str, pids))) if pids else _("processes left behind")
            return _(
                "{path} is locked by {who} of a run that is no longer running ({holder}); stop them and run again",
                path=self.out,
                who=who,
                holder=_describe_holder(holder),
            )
        return self._busy(holder)

    def _busy(self, holder: dict | None) -> str:
        who = _describe_holder(holder) if holder else _("unknown process")
        return _(
            "another partnerlab run is writing {path} ({who}); wait for it to finish or choose another --out",
            path=self.out,
            who=who,
        )


_held_locks: set[int] = set()


def _after_fork_in_child() -> None:
    """A forked worker must not keep the batch's lock alive (an flock belongs to the open file,
    shared by every process that inherited it)."""
    for fd in list(_held_locks):
        with contextlib.suppress(OSError):
            os.close(fd)
    _held_locks.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def _holder_record() -> dict:
    pid = os.getpid()
    return {"pid": pid, "start": _process_start(pid), "boot": _boot_id(), "host": platform.node(), "since": _now()}


def _write_holder(fd: int) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, (json.dumps(_holder_record()) + "\n").encode(), 0)
    os.fsync(fd)  # the first write of a run: a full disk fails here


def _read_holder(fd: int) -> dict | None:
    return _parse_holder(os.pread(fd, 1000, 0))


def _parse_holder(data: bytes) -> dict | None:
    """The lock file's record; an old plain-text record ("pid 12 on host since ...") too."""
    text = data.decode(errors="replace").strip()
    if not text:
        return None
    with contextlib.suppress(ValueError):
        record = json.loads(text)
        if isinstance(record, dict) and isinstance(record.get("pid"), int):
            return record
    words = text.split()
    if len(words) >= 4 and words[0] == "pid" and words[1].isdigit() and words[2] == "on":
        return {"pid": int(words[1]), "host": words[3], "since": words[-1] if "since" in words else None}
    return {"pid": None, "text": text[:200]}


def _holder_alive(holder: dict) -> bool | None:
    """True: that process still runs; False: it is gone; None: cannot tell (another host)."""
    pid = holder.get("pid")
    if not pid or holder.get("host") not in (None, platform.node()):
        return None
    if holder.get("boot") and _boot_id() and holder["boot"] != _boot_id():
        return False  # the machine was restarted since
    if Path("/proc/self/stat").exists():  # Linux: state and start time in one read
        state, start = _process_stat(pid)
        if state is None or state in ("Z", "X"):
            return False  # gone, or killed and not yet reaped by its parent (it holds no files)
        return holder.get("start") is None or start == holder["start"]  # else the pid was reused
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, another user's
    return True


def _describe_holder(holder: dict) -> str:
    if holder.get("pid") is None:
        return holder.get("text", _("unknown process"))
    parts = [_("pid {pid}", pid=holder["pid"])]
    if holder.get("host"):
        parts.append(_("on {host}", host=holder["host"]))
    if holder.get("since"):
        parts.append(_("since {time}", time=holder["since"]))
    return " ".join(parts)


def _process_start(pid: int) -> int | None:
    """The process's start time in clock ticks after boot (Linux /proc), None elsewhere."""
    return _process_stat(pid)[1]


def _process_stat(pid: int) -> tuple[str | None, int | None]:
    """State letter and start time (clock ticks after boot) from /proc/PID/stat; Nones elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()  # the name may hold ")"
    except (OSError, IndexError):
        return None, None
    return fields[0].decode(), int(fields[19])  # fields 3 and 22 of proc(5)


def _boot_id() -> str | None:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return None


def _processes_holding(path: Path) -> list[int]:
    """Pids with `path` open (Linux /proc; only the processes this user may inspect)."""
    try:
        target = os.stat(path)
    except OSError:
        return []
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError):
            for fd in (proc / "fd").iterdir():
                st = os.stat(fd)
                if (st.st_dev, st.st_ino) == (target.st_dev, target.st_ino):
                    found.append(int(proc.name))
                    break
    return sorted(found)


@contextlib.contextmanager
def writing(out: Path):
    """Turn a storage failure (read-only, full, no permission) while writing the output into
    an OutputError naming the folder and the cause; other errors pass unchanged."""
    try:
        yield
    except OSError as exc:
        if exc.errno in STORAGE_ERRNOS:
            raise OutputError(out, exc) from exc
        raise


def probe(folder: Path) -> None:
    """Write, sync and remove a small file: a full or read-only location fails here, at once."""
    probe = folder / ".probe"
    with open(probe, "wb") as f:
        f.write(b"partnerlab\n" * 400)
        f.flush()
        os.fsync(f.fileno())
    probe.unlink()


def move_into_place(staging: Path, out: Path) -> None:
    """Swap the finished folder in; on Linux one atomic exchange when `out` exists. A failure
    (OSError) leaves `out` as it was."""
    if not out.exists():
        staging.rename(out)
        return
    if exchange(staging, out):
        remove(staging)  # now holds the previous output
        return
    old = out.parent / f".{out.name}.old"
    remove(old)
    out.rename(old)
    try:
        staging.rename(out)
    except OSError:
        old.rename(out)  # put the previous output back
        raise
    remove(old)


def exchange(a: Path, b: Path) -> bool:
    """renameat2(RENAME_EXCHANGE): swap two paths atomically (Linux >= 3.15); False if unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    rc = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False  # not supported by this kernel or file system: two renames instead
    raise OSError(err, os.strerror(err), str(b))


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")
