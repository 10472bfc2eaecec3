"""Jupyter kernels in the batch's worker processes: start, warm, reset, stop, and the pool.

Each worker process keeps one warm kernel per thread (`worker_kernel`): started once with the
usual imports (`WARM_IMPORTS`), reset between notebooks (namespace, matplotlib settings,
warnings, working directory), replaced after a failure. One client talks to it for its whole
life (`Kernel.kc`: the resets and papermill's executions alike, so no report pays for a channel
set-up and jupyter_client's 0.2 s IOPub flush), and what survives a reset is frozen out of the
garbage collector's view (`gc.freeze`: the reset's collection looks at one report's objects). `Watchdog` interrupts a kernel at the
time limit and kills it when the interrupt is ignored. The pool's workers (`process_pool`)
leave Ctrl-C to the batch, watch their parent and, when the batch is gone (even killed by
SIGKILL), kill their kernels' process groups and exit; a kernel whose worker dies exits by
itself (ipykernel's parent poller, JPY_PARENT_PID). papermill runs notebooks in these kernels
through the engine registered by `engine()`.

Known traps handled here: papermill's `cwd=` changes the whole process's directory (never
used); `MPLBACKEND=Agg` inherited by a kernel drops every figure (removed from its environment).
"""

from __future__ import annotations

import atexit
import contextlib
import contextvars
import functools
import json
import logging
import multiprocessing
import multiprocessing.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from partnerlab.messages import _

__all__ = [
    "KERNEL_NAME",
    "WARM_IMPORTS",
    "KILL_GRACE",
    "Kernel",
    "Watchdog",
    "worker_kernel",
    "thread_context",
    "shutdown_kernels",
    "kill_kernels",
    "process_pool",
    "stop_pool",
    "worker_init",
    "engine",
    "import_jsonschema",
    "capture_warnings",
    "mark_stopped",
    "timeout_message",
]

KERNEL_NAME = "python3"
WARM_IMPORTS = (  # imported into each worker's kernel once, before its first notebook
    "numpy",
    "pandas",
    "matplotlib.pyplot",
    "networkx",
    "openpyxl",
    "IPython.display",
    "partnerlab.vocab",
    "partnerlab.workbook",
    "partnerlab.page",
    "partnerlab.plots.common",
)
KILL_GRACE = 5.0  # seconds between interrupting a kernel over its time limit and killing it
PARENT_POLL = 0.2  # seconds between a worker's checks that the batch's process is still alive


def process_pool(n: int) -> ProcessPoolExecutor:
    # fork: workers inherit the already imported papermill/nbconvert (about 1.5 s each)
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    import_jsonschema()
    import nbconvert  # noqa: F401  (imported before forking, see above)
    import papermill  # noqa: F401

    return ProcessPoolExecutor(
        max_workers=n, mp_context=multiprocessing.get_context(method), initializer=worker_init, initargs=(os.getpid(),)
    )


def start_pool(n: int) -> ProcessPoolExecutor:
    """A process pool whose n workers are forked now and start their kernels at once (a pool with
    the fork method forks its workers at its first job), with partnerlab's papermill engine
    registered before the fork, so they inherit it."""
    engine()
    pool = process_pool(n)
    pool.submit(int)  # any job: the pool forks every worker, each starts its kernel (worker_init)
    return pool


def stop_pool(executor: ProcessPoolExecutor) -> None:
    """Cancel pending jobs and stop the workers now (they shut their kernels down on SIGTERM)."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        with contextlib.suppress(Exception):
            p.terminate()
    for p in processes:
        with contextlib.suppress(Exception):
            p.join(timeout=10)
            if p.is_alive():  # a worker stuck in its clean-up: its kernels die with it (parent poller)
                p.kill()
                p.join(timeout=5)


def worker_init(parent_pid: int | None = None) -> None:
    """Process-pool initializer: leave Ctrl-C to the parent, clean up on SIGTERM, die with the
    batch, warm a kernel."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    # a pool stopped while its workers start their kernels (the workbook turned out invalid) is no
    # "Exception in initializer" with a traceback for the user to read
    logging.getLogger("concurrent.futures").addFilter(_not_stopped)
    if parent_pid is not None:
        threading.Thread(target=_watch_parent, args=(parent_pid,), name="partnerlab-parent-watch", daemon=True).start()
    # pool workers end with os._exit: atexit never runs, multiprocessing finalizers do
    multiprocessing.util.Finalize(None, shutdown_kernels, exitpriority=10)
    with contextlib.suppress(Exception):  # a failure here would break the pool: retry per job
        thread_context().run(worker_kernel().start)


def _exit_on_sigterm(*_) -> None:
    # once: a pool whose worker exits during its initializer calls itself broken and terminates
    # every worker again; a second SystemExit would cut short the clean-up the first one started
    # (the kernel's shutdown and its temporary folder, left behind in 1 run of 3 on a loaded machine)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    sys.exit(143)


def _not_stopped(record: logging.LogRecord) -> bool:
    return not (record.exc_info and isinstance(record.exc_info[1], SystemExit))


def _watch_parent(parent_pid: int) -> None:
    """A worker's thread: once the batch's process is gone (even killed by SIGKILL, when no
    cleanup of its own runs) the worker is an orphan; kill its kernels and exit at once.

    Polling getppid() works on every POSIX system and does not depend on the worker's main
    thread, which may be blocked inside a report. (Linux's PR_SET_PDEATHSIG would fire on the
    death of the forking *thread*, and its signal would wait for the worker's main thread.)
    """
    while os.getppid() == parent_pid:
        time.sleep(PARENT_POLL)
    kill_kernels()
    os._exit(1)


_KERNEL_SETUP = r"""
def _partnerlab_setup(modules):
    import importlib, os, sys, types, warnings
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:
            pass
    try:  # each text of a figure measured once, not once per pass of savefig(bbox_inches="tight")
        importlib.import_module("partnerlab.plots.common").share_text_metrics()
    except Exception:
        pass
    try:  # the alerts and verdicts of one workbook are computed once per kernel, not once per page
        importlib.import_module("partnerlab.workbook").share_results()
    except Exception:
        pass
    state = types.ModuleType("_partnerlab_kernel_state")
    import matplotlib
    state.rc = {k: v for k, v in matplotlib.rcParams.items() if k != "backend"}
    state.cwd = os.getcwd()
    state.filters = list(warnings.filters)
    state.path = list(sys.path)

    def reset():
        ip = get_ipython()
        ip.reset(new_session=True)  # empty namespace, output history, execution count 1
        import matplotlib, matplotlib.pyplot as plt
        plt.close("all")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            matplotlib.rcParams.update(state.rc)
            if "pandas" in sys.modules:
                sys.modules["pandas"].reset_option("all")
        warnings.filters[:] = state.filters
        sys.path[:] = state.path
        os.chdir(state.cwd)
        # what survives a reset (modules, their caches) leaves the collector's view: the next
        # reset's collections then look at one report's objects, not at pandas' and matplotlib's
        # (about 85 ms a report otherwise), and so does every collection while the next runs
        import gc
        gc.collect()
        gc.freeze()

    state.reset = reset
    sys.modules[state.__name__] = state
    import gc
    gc.collect()
    gc.freeze()
"""


class Kernel:
    """A Jupyter kernel owned by one worker thread, warmed once and reset between notebooks."""

    def __init__(self):
        self.km = None
        self.kc = None  # one client for the kernel's life: setup, resets and papermill's executions
        self.used = False
        self.dir: str | None = None

    def start(self) -> float:
        if self.km is not None and self.km.is_alive():
            return 0.0
        from jupyter_client.manager import KernelManager

        t0 = time.perf_counter()
        self.discard()
        self.dir = tempfile.mkdtemp(prefix="partnerlab-kernel-")
        self.km = KernelManager(kernel_name=KERNEL_NAME, transport="ipc", ip=os.path.join(self.dir, "k"))
        self.km.start_kernel(
            env=_kernel_env(),
            extra_arguments=["--HistoryManager.enabled=False"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=self.dir,
        )  # no notebook may rely on the working directory
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)
        self.kc.allow_stdin = False
        self._run(_KERNEL_SETUP + f"\n_partnerlab_setup({list(WARM_IMPORTS)!r})\ndel _partnerlab_setup")
        self.used = False
        return time.perf_counter() - t0

    def prepare(self) -> float:
        """Make the kernel ready for a new notebook; returns the seconds it took."""
        t0 = time.perf_counter()
        started = self.start()
        if self.used:
            try:
                self._run("import sys as _s; _s.modules['_partnerlab_kernel_state'].reset()")
            except Exception:
                self.discard()
                started = self.start()
        self.used = True
        return started or time.perf_counter() - t0

    def discard(self) -> None:
        if self.kc is not None:
            with contextlib.suppress(Exception):
                self.kc.stop_channels()
        if self.km is not None:
            with contextlib.suppress(Exception):
                self.km.shutdown_kernel(now=True)
        if self.dir:
            shutil.rmtree(self.dir, ignore_errors=True)
        self.km = self.kc = self.dir = None

    def cpu_seconds(self) -> float | None:
        """CPU seconds (user + system) the kernel's process has used so far; None if unknown."""
        try:
            import psutil

            times = psutil.Process(self.km.provisioner.pid).cpu_times()  # the kernel's own process
            return times.user + times.system
        except Exception:
            return None

    def interrupt(self) -> None:
        with contextlib.suppress(Exception):
            self.km.interrupt_kernel()

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.km.kill_kernel()

    def kill_now(self) -> None:
        """SIGKILL the kernel's process group (the kernel and anything it started) without
        talking to it: for a worker whose batch is gone."""
        provisioner = getattr(self.km, "provisioner", None)
        pid = getattr(provisioner, "pid", None)
        pgid = getattr(provisioner, "pgid", None)
        with contextlib.suppress(OSError):
            if pgid and pgid != os.getpgrp():  # jupyter_client starts kernels in a session of their own
                os.killpg(pgid, signal.SIGKILL)
            elif pid:
                os.kill(pid, signal.SIGKILL)
        if self.dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    def reads(self, folder: Path) -> tuple[list[str] | None, dict]:
        """What the last notebook read (workbook.read_sheets) and the digests of its derived calls
        (workbook.derived_digests); None and {} if the kernel cannot say."""
        target = folder / "reads.json"
        try:
            self._run(
                f"import json as _j, partnerlab.workbook as _w\n"
                f"open({str(target)!r}, 'w').write(_j.dumps({{'reads': _w.read_sheets(), "
                f"'derived': _w.derived_digests()}}))\ndel _j, _w"
            )
            found = json.loads(target.read_text())
            return list(found["reads"]), dict(found["derived"])
        except Exception:  # an old kernel or a notebook that broke the module: never reuse this page
            return None, {}

    def _run(self, code: str) -> None:
        # The kernel's one client (self.kc), also the one papermill executes with: a second
        # client would cost a channel set-up and jupyter_client's 0.2 s IOPub flush per report,
        # and the kernel routes replies by session identity. Only the shell reply is read; the
        # IOPub status messages of these silent requests wait in the client's queue, where
        # nbclient skips them (it keeps only messages whose parent is its own request).
        msg_id = self.kc.execute(code, silent=True, store_history=False)
        deadline = time.monotonic() + 300
        while True:
            reply = self.kc.get_shell_msg(timeout=max(deadline - time.monotonic(), 0.01))
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"kernel setup failed: {reply['content'].get('evalue')}")


_local = threading.local()
_all_kernels: list[Kernel] = []


def thread_context() -> contextvars.Context:
    context = getattr(_local, "context", None)
    if context is None:
        context = _local.context = contextvars.Context()
    return context


def worker_kernel() -> Kernel:
    kernel = getattr(_local, "kernel", None)
    if kernel is None:
        kernel = _local.kernel = Kernel()
        _all_kernels.append(kernel)
    return kernel


def shutdown_kernels() -> None:
    for kernel in _all_kernels:
        kernel.discard()


def kill_kernels() -> None:
    for kernel in list(_all_kernels):
        kernel.kill_now()


atexit.register(shutdown_kernels)


def _kernel_env() -> dict:
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)  # Agg here would silently drop every figure of the report
    env["PYTHONHASHSEED"] = "0"  # same set/dict order in every run: same layouts, same HTML
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    return env


class Watchdog:
    """Interrupts the kernel at the time limit, kills it if the interrupt is ignored."""

    def __init__(self, kernel: Kernel, seconds: float):
        self.kernel, self.seconds, self.fired = kernel, seconds, False
        self._timers: list[threading.Timer] = []

    def __enter__(self):
        for delay, action in ((self.seconds, self._interrupt), (self.seconds + KILL_GRACE, self.kernel.kill)):
            timer = threading.Timer(delay, action)
            timer.daemon = True
            timer.start()
            self._timers.append(timer)
        return self

    def __exit__(self, *exc):
        for timer in self._timers:
            timer.cancel()
        return False

    def _interrupt(self):
        self.fired = True
        self.kernel.interrupt()


def timeout_message(spec: dict) -> str:
    return _("time limit of {seconds} s exceeded", seconds=f"{spec['timeout']:g}")


def mark_stopped(nb, reason: str) -> None:
    import nbformat

    cell = nbformat.v4.new_markdown_cell(_("**partnerlab: execution stopped.** {reason}", reason=reason))
    cell.metadata["tags"] = ["papermill-error-cell-tag"]
    nb.cells.insert(0, cell)


@contextlib.contextmanager
def capture_warnings(logger_name: str, seen: list[str]):

    class _Keep(logging.Handler):
        def emit(self, record):
            seen.append(record.getMessage())

    logger = logging.getLogger(logger_name)
    handler = _Keep(logging.WARNING)
    logger.addHandler(handler)
    old_propagate = logger.propagate
    logger.propagate = False
    try:
        yield seen
    finally:
        logger.removeHandler(handler)
        logger.propagate = old_propagate


@functools.lru_cache(maxsize=1)
def import_jsonschema() -> None:
    """Import jsonschema (papermill -> nbformat -> jsonschema) without its optional "iri" format
    checker: that one compiles 39 grammars of rfc3987_syntax on import (1-5 s, the largest part of
    starting a batch), and nbformat never checks formats. Other code may still import the module."""
    if "jsonschema" in sys.modules or "rfc3987_syntax" in sys.modules:
        return
    sys.modules["rfc3987_syntax"] = None  # an ImportError for `from rfc3987_syntax import ...`
    try:
        import jsonschema  # noqa: F401
    finally:
        del sys.modules["rfc3987_syntax"]


def engine() -> str:
    """Register partnerlab's papermill engine (imports papermill: about a second) on first use."""
    import_jsonschema()
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines

    class WarmKernelEngine(NBClientEngine):
        """papermill's nbclient engine on a kernel the worker keeps (papermill semantics intact)."""

        @classmethod
        def execute_managed_notebook(
            cls,
            nb_man,
            kernel_name,
            log_output=False,
            stdout_file=None,
            stderr_file=None,
            start_timeout=60,
            execution_timeout=None,
            km=None,
            kc=None,
            holder=None,
            **kwargs,
        ):
            if holder is not None:
                holder["nb"] = nb_man.nb
            client = PapermillNotebookClient(
                nb_man,
                km=km,
                timeout=execution_timeout,
                startup_timeout=start_timeout,
                kernel_name=kernel_name,
                log=logging.getLogger("papermill"),
                log_output=log_output,
                stdout_file=stdout_file,
                stderr_file=stderr_file,
            )
            client.kc = kc  # the kernel's own client (Kernel.kc): nbclient then starts none
            try:
                return client.execute()
            finally:
                if kc is None and client.kc is not None:
                    with contextlib.suppress(Exception):
                        client.kc.stop_channels()

    papermill_engines.register("partnerlab-warm", WarmKernelEngine)
    return "partnerlab-warm"


def _after_fork_in_child() -> None:
    """A forked worker must not treat its parent's kernels as its own."""
    _all_kernels.clear()
    vars(_local).pop("kernel", None)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)
