"""`partnerlab run`: the default batch of reports, in parallel, into one audited folder.

How a batch runs (Load inputs / Process / Save outputs):
1. The workbook is validated (errors: exit 2, nothing written) and parsed once; the tidy
   tables go to data/processed/<sha256> and every notebook gets `processed=<that folder>`.
2. Jobs (partnerlab.reports) run in worker processes, one per core by default. Each worker
   keeps one warm Jupyter kernel: papermill executes the notebook in it (parameters cell
   injected, the executed notebook kept with its traceback on error), the kernel's namespace
   and matplotlib settings are reset between notebooks, and nbconvert exports the page in
   the worker (partnerlab.htmlexport). A failed or timed-out report gets a fresh kernel.
   Known traps handled here: papermill's `cwd=` changes the whole process's directory
   (never used: every path passed is absolute); `MPLBACKEND=Agg` inherited by a kernel drops
   every figure (removed from the kernel's environment).
3. Files are written into a hidden folder next to the target and moved into place at the
   end, under a lock: an interrupted run leaves the previous output untouched and two runs
   never write the same folder.

Any `concurrent.futures.Executor` can run the jobs (`run_batch(executor=...)`), including a
Dask cluster (`--scheduler ADDRESS`, optional extra `partnerlab[dask]`).
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import contextvars
import ctypes
import datetime as dt
import errno
import fcntl
import hashlib
import importlib.metadata
import json
import logging
import multiprocessing
import multiprocessing.util
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from partnerlab import __version__, paths
from partnerlab.reports import Job, default_batch

__all__ = [
    "BatchError", "BatchResult", "add_run_arguments", "run_command", "run_batch",
    "execute_job", "DEFAULT_TIMEOUT",
]

DEFAULT_TIMEOUT = 600  # seconds per report
KERNEL_NAME = "python3"
WARM_IMPORTS = (  # imported into each worker's kernel once, before its first notebook
    "numpy", "pandas", "matplotlib.pyplot", "seaborn", "networkx", "openpyxl", "IPython.display",
    "partnerlab.vocab", "partnerlab.workbook", "partnerlab.report", "partnerlab.plots.common",
)
PACKAGES = ("partnerlab", "pandas", "numpy", "matplotlib", "seaborn", "networkx", "openpyxl",
            "papermill", "nbconvert", "nbclient", "ipykernel", "jupyter_client", "python")
SNAPSHOT_DIR = "snapshot"  # <out>/snapshot/workbook.pkl: the parsed workbook of the run (contacts blanked)
KILL_GRACE = 5.0  # seconds between interrupting a kernel over its time limit and killing it

log = logging.getLogger(__name__)


class BatchError(Exception):
    """A usage or input error: nothing was written (exit 2)."""


@dataclass
class BatchResult:
    """What a batch left behind."""

    out: Path
    manifest: dict
    reports: list[dict] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when every report that ran succeeded, 1 when any failed."""
        return 1 if any(r["status"] == "failed" for r in self.reports) else 0


# ---------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------

def add_run_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of `partnerlab run` to its subparser."""
    parser.add_argument("--workbook", "-w", type=Path, default=None,
                        help="input workbook (.xlsx); default: the bundled sample")
    parser.add_argument("--out", "-o", type=Path, default=None,
                        help="output folder, replaced as a whole at the end of the run; "
                             "default: reports/<workbook name>/")
    parser.add_argument("--lang", choices=("en", "es"), default=None,
                        help="report language; default: the workbook's about.language, else en")
    parser.add_argument("--jobs", "-j", type=int, default=None,
                        help="parallel workers; default: one per core")
    parser.add_argument("--only", nargs="+", metavar="REPORT", default=None,
                        help="run only these reports (report keys like 'network' or output "
                             "names like 'stakeholder_map__public')")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help=f"time limit per report (default {DEFAULT_TIMEOUT})")
    parser.add_argument("--scheduler", metavar="ADDRESS", default=None,
                        help="run the reports on a Dask distributed cluster (tcp://host:8786); "
                             "needs `pip install partnerlab[dask]` and a shared file system")
    parser.add_argument("--fresh-kernels", action="store_true",
                        help="start a new kernel for every report instead of resetting a warm one")
    parser.add_argument("--no-progress", action="store_true",
                        help="plain log lines even on a terminal")
    parser.add_argument("--list", action="store_true", dest="list_only",
                        help="print the reports the batch would run and exit")
    parser.add_argument("--compare-to", metavar="OLD", default=None,
                        help="the changes report compares the workbook with this earlier one (.xlsx), or with "
                             "'last': the snapshot the previous run left in the output folder; default: the "
                             "workbook with itself as of the year before its as-of date")
    parser.add_argument("--history", metavar="DIR", type=Path, default=None,
                        help="the changes report also draws trends across the workbooks (.xlsx) of DIR, "
                             "ordered by their about.as_of")


def run_command(args: argparse.Namespace) -> int:
    """Run `partnerlab run` from parsed arguments; returns the exit code (0, 1 or 2)."""
    if args.jobs is not None and args.jobs < 1:
        print("partnerlab run: --jobs must be at least 1", file=sys.stderr)
        return 2
    if args.timeout is not None and args.timeout <= 0:
        print("partnerlab run: --timeout must be positive", file=sys.stderr)
        return 2
    executor = None
    try:
        if args.scheduler and not getattr(args, "list_only", False):
            executor = _dask_executor(args.scheduler)
        result = run_batch(
            args.workbook, args.out, lang=args.lang, jobs=args.jobs, only=args.only,
            timeout=args.timeout, executor=executor, progress=not args.no_progress,
            fresh_kernels=args.fresh_kernels, list_only=getattr(args, "list_only", False),
            compare_to=getattr(args, "compare_to", None), history=getattr(args, "history", None),
        )
    except BatchError as exc:
        print(f"partnerlab run: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("partnerlab run: interrupted; the output folder was left as it was", file=sys.stderr)
        return 130
    finally:
        if executor is not None:
            executor.shutdown(wait=False)
    if result is None:
        return 0
    counts = result.manifest["summary"]
    print(f"{counts['ok']} ok, {counts['failed']} failed, {counts['skipped']} skipped "
          f"-> {result.out / 'index.html'}")
    return result.exit_code


# ---------------------------------------------------------------------------------------
# The batch
# ---------------------------------------------------------------------------------------

def run_batch(
    workbook: str | Path | None = None,
    out: str | Path | None = None,
    *,
    lang: str | None = None,
    jobs: int | None = None,
    only: Iterable[str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    executor: Executor | None = None,
    progress: bool = True,
    fresh_kernels: bool = False,
    job_list: list[Job] | None = None,
    list_only: bool = False,
    compare_to: str | Path | None = None,
    history: str | Path | None = None,
) -> BatchResult | None:
    """Run a batch of reports into `out`.

    Args:
        workbook: Input workbook; default: the bundled sample.
        out: Output folder; default reports/<workbook stem>. Replaced as a whole at the end.
        lang: "en" or "es"; default: the workbook's about.language, else "en".
        jobs: Worker processes when no executor is given; default: one per core.
        only: Report keys or job names to keep.
        timeout: Time limit per report, in seconds.
        executor: Any concurrent.futures executor (not shut down here); default: a process
            pool of `jobs` workers with warm kernels.
        progress: A progress bar when stderr is a terminal (always plain lines otherwise).
        fresh_kernels: A new kernel per report instead of a reset warm one.
        job_list: Jobs to run instead of the default batch (tests, custom batches).
        list_only: Print the planned jobs and return None without running anything.
        compare_to: The earlier snapshot the changes report compares with: a workbook, or
            "last" for `out`/snapshot, the parsed copy (contacts blanked) every run leaves.
        history: A folder of workbooks the changes report draws trends across.

    Returns:
        The BatchResult (exit_code 0 or 1), or None with list_only.

    Raises:
        BatchError: Usage or input error; nothing was written.
    """
    started, t_start = _now(), time.perf_counter()
    workbook = Path(workbook or paths.SAMPLE_WORKBOOK).expanduser().resolve()
    if not workbook.is_file():
        raise BatchError(f"workbook not found: {workbook}")
    wb = _check_workbook(workbook)
    about = dict(getattr(wb, "about", None) or {})
    lang = lang or (about.get("language") if about.get("language") in ("en", "es") else None) or "en"
    out = Path(out).expanduser().resolve() if out else paths.REPORTS / workbook.stem
    planned = job_list if job_list is not None else default_batch(wb)
    planned = _select(planned, only)
    if list_only:
        for job in planned:
            state = f"skipped: {job.skipped[0]}" if job.skipped else _describe(job.params)
            print(f"{job.name:<45} {job.title_in(lang):<50} {state}")
        return None
    _check_out(out)

    with _OutputLock(out):
        staging = out.parent / f".{out.name}.partial"
        _remove(staging)
        staging.mkdir(parents=True)
        try:
            with _terminate_as_interrupt():
                processed = _save_processed(wb)
                compared = _set_compare(planned, compare_to, out)
                _set_history(planned, history)
                common = {"workbook": str(workbook), "lang": lang, "processed": processed}
                run = {
                    "started": started, "lang": lang, "timeout": timeout,
                    "jobs": jobs or _cores(), "executor": _executor_name(executor, jobs),
                    "kernels": "fresh" if fresh_kernels else "warm, reset between reports",
                    "command": " ".join(sys.argv) if sys.argv and sys.argv[0] else None,
                    "compare_to": compared,
                }
                info = {"path": str(workbook), "name": workbook.name, "sha256": _sha256(workbook),
                        "as_of": _iso(about.get("as_of")), "portfolio": about.get("portfolio"),
                        "is_illustrative": about.get("is_illustrative")}
                runner = _Runner(staging, planned, common, lang, timeout, executor, jobs,
                                 progress, fresh_kernels, info)
                reports = runner.run(run)
                if wb is not None and hasattr(wb, "save"):  # what `--compare-to last` reads next time
                    wb.save(staging / SNAPSHOT_DIR)
                run["ended"] = _now()
                run["seconds"] = round(time.perf_counter() - t_start, 2)
                manifest = _manifest(run, info, reports, runner.findings_written)
                _write_json(staging / "manifest.json", manifest)
                from partnerlab.htmlexport import render_index

                (staging / "index.html").write_text(render_index(manifest, lang), encoding="utf-8")
            _move_into_place(staging, out)
        finally:
            _remove(staging)
    return BatchResult(out, manifest, reports)


def execute_job(spec: dict) -> dict:
    """Execute one report and export its page; runs in a worker (process, thread or Dask).

    Runs in a context of its own per thread: jupyter_core keeps its event loop in a context
    variable, and executors that copy the submitter's context (Dask) would otherwise hand a
    worker thread a loop that is already running elsewhere.

    Args:
        spec: Plain-data job description: name, notebook (absolute path), parameters
            (complete, absolute paths), title, lang, timeout, fresh_kernel, footer.

    Returns:
        A plain dict: name, status ("ok" or "failed"), seconds, timings, error,
        notebook (the executed notebook as JSON text), html (None when failed), kept
        ([name, JSON] pairs), warnings.
    """
    return _thread_context().run(_execute_job, spec)


def _execute_job(spec: dict) -> dict:
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    t0 = time.perf_counter()
    timings = {"kernel": 0.0, "execute": 0.0, "export": 0.0}
    result = {"name": spec["name"], "status": "failed", "error": None, "html": None,
              "notebook": None, "kept": [], "warnings": [], "timings": timings}
    kernel = _worker_kernel()
    timings["kernel"] = kernel.prepare()
    holder: dict = {}
    watchdog = _Watchdog(kernel, spec["timeout"])
    workdir = Path(tempfile.mkdtemp(prefix="partnerlab-job-"))
    out_path = workdir / "executed.ipynb"
    t1 = time.perf_counter()
    nb = None
    try:
        with _capture_warnings("papermill", result["warnings"]), watchdog:
            papermill.execute_notebook(
                str(spec["notebook"]), str(out_path), parameters=spec["parameters"],
                engine_name=_ENGINE, km=kernel.km, holder=holder, kernel_name=KERNEL_NAME,
                progress_bar=False, request_save_on_cell_execute=False,
                execution_timeout=spec["timeout"], start_timeout=120,
            )
        nb = nbformat.read(out_path, as_version=4)
        result["status"] = "ok"
    except PapermillExecutionError as exc:
        nb = nbformat.read(out_path, as_version=4) if out_path.exists() else holder.get("nb")
        result["error"] = _timeout_message(spec) if watchdog.fired else f"{exc.ename}: {exc.evalue}"
    except Exception as exc:  # timeout of a cell, dead kernel, unreadable notebook, ...
        nb = holder.get("nb")
        reason = _timeout_message(spec) if watchdog.fired else f"{type(exc).__name__}: {exc}".strip()
        result["error"] = reason
        if nb is not None:
            _mark_stopped(nb, reason)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    timings["execute"] = time.perf_counter() - t1
    if result["status"] != "ok" or watchdog.fired:
        kernel.discard()  # a failed or interrupted kernel may hold anything: start afresh
    elif spec.get("fresh_kernel"):
        kernel.discard()
    if nb is not None:
        result["notebook"] = nbformat.writes(nb)
    if result["status"] == "ok":
        from partnerlab.findings import collect_kept
        from partnerlab.htmlexport import export_html

        t2 = time.perf_counter()
        result["kept"] = collect_kept(nb)
        result["html"] = export_html(nb, title=spec["title"], lang=spec["lang"],
                                     index_href=spec.get("index_href"), footer=spec.get("footer", ""))
        timings["export"] = time.perf_counter() - t2
    result["seconds"] = time.perf_counter() - t0
    return result


# ---------------------------------------------------------------------------------------
# Running the jobs
# ---------------------------------------------------------------------------------------

class _Runner:
    """Submits the jobs, writes each result into the staging folder as it arrives."""

    def __init__(self, staging, jobs, common, lang, timeout, executor, n_workers, progress,
                 fresh_kernels, info):
        self.staging, self.jobs, self.common, self.lang = staging, jobs, common, lang
        self.timeout, self.executor, self.n_workers = timeout, executor, n_workers or _cores()
        self.progress, self.fresh, self.info = progress, fresh_kernels, info
        self.records: dict[str, dict] = {}
        self.kept: dict[str, list] = {}
        self.findings_written = False

    def run(self, run: dict) -> list[dict]:
        for job in self.jobs:
            self.records[job.name] = _record(job, self.common, self.lang)
        first = [j for j in self.jobs if not j.skipped and not j.needs_listing]
        last = [j for j in self.jobs if not j.skipped and j.needs_listing]
        runnable = len(first) + len(last)
        own_pool = self.executor is None and runnable > 0
        executor = self.executor or (_process_pool(min(self.n_workers, max(len(first), 1)))
                                     if own_pool else None)
        bar = _Progress(runnable, self.progress)
        try:
            self._run_wave(executor, first, bar)
            if last:
                listing = self.staging / "manifest.json"
                _write_json(listing, _manifest(run, self.info, self._ordered(), None))
                self._run_wave(executor, last, bar, listing=listing)
        except BaseException:
            if own_pool:
                _stop_pool(executor)
            raise
        finally:
            bar.close()
        if own_pool:
            executor.shutdown(wait=True)
        self._write_findings()
        return self._ordered()

    def _run_wave(self, executor, jobs: list[Job], bar, listing: Path | None = None) -> None:
        futures: dict[Future, Job] = {}
        for job in jobs:
            spec = self._spec(job, listing)
            self.records[job.name]["status"] = "running"
            futures[executor.submit(execute_job, spec)] = job
        for future in as_completed(futures):
            job = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # the worker itself died (out of memory, killed, ...)
                result = {"name": job.name, "status": "failed", "seconds": 0.0, "timings": {},
                          "error": f"worker failed: {type(exc).__name__}: {exc}", "notebook": None,
                          "html": None, "kept": [], "warnings": []}
            self._store(job, result)
            bar.update(self.records[job.name])

    def _spec(self, job: Job, listing: Path | None) -> dict:
        params = {**self.common, **job.params}
        if listing is not None:
            params["batch"] = str(listing)
        footer = f"partnerlab {__version__} · {self.info['name']} · sha256 {self.info['sha256'][:12]}"
        return {"name": job.name, "notebook": str(Path(job.notebook).resolve()), "parameters": params,
                "title": job.title_in(self.lang), "lang": self.lang, "timeout": self.timeout,
                "fresh_kernel": self.fresh, "index_href": "index.html", "footer": footer}

    def _store(self, job: Job, result: dict) -> None:
        rec = self.records[job.name]
        rec.update(status=result["status"], seconds=round(result.get("seconds", 0.0), 2),
                   timings={k: round(v, 3) for k, v in result.get("timings", {}).items()},
                   error=result.get("error"), warnings=result.get("warnings") or [])
        outputs = []
        if result.get("html") is not None:
            (self.staging / f"{job.name}.html").write_text(result["html"], encoding="utf-8")
            outputs.append(f"{job.name}.html")
        if result.get("notebook") is not None:
            (self.staging / f"{job.name}.ipynb").write_text(result["notebook"], encoding="utf-8")
            outputs.append(f"{job.name}.ipynb")
        rec["outputs"] = outputs
        rec["kept"] = [name for name, _ in result.get("kept", [])]
        self.kept[job.name] = result.get("kept", [])

    def _write_findings(self) -> None:
        from partnerlab.findings import KeptTable, write_findings

        tables = [
            KeptTable(name, data, rec["name"], rec["title"], rec["parameters_own"])
            for rec in self._ordered() for name, data in self.kept.get(rec["name"], [])
        ]
        if tables:
            write_findings(tables, self.staging / "findings.xlsx", self.lang)
            self.findings_written = True

    def _ordered(self) -> list[dict]:
        return [self.records[j.name] for j in self.jobs]


def _record(job: Job, common: dict, lang: str) -> dict:
    rec = {
        "name": job.name, "report": job.report, "title": job.title_in(lang),
        "title_en": job.title[0], "title_es": job.title[1], "notebook": _display_path(job.notebook),
        "parameters": {**common, **job.params}, "parameters_own": dict(job.params),
        "status": "pending", "seconds": None, "timings": {}, "outputs": [], "kept": [],
        "error": None, "warnings": [], "note": None, "note_en": None, "note_es": None,
    }
    if job.skipped:
        rec.update(status="skipped", parameters={}, note=job.skipped[1] if lang == "es" else job.skipped[0],
                   note_en=job.skipped[0], note_es=job.skipped[1])
    return rec


def _manifest(run: dict, info: dict, reports: list[dict], findings: bool | None) -> dict:
    summary = {s: sum(r["status"] == s for r in reports) for s in ("ok", "failed", "skipped")}
    return {
        "partnerlab": __version__,
        "run": {k: v for k, v in run.items()},
        "workbook": info,
        "packages": _versions(),
        "summary": summary,
        "findings": "findings.xlsx" if findings else None,
        "reports": reports,
    }


class _Progress:
    """A tqdm bar on a terminal, one plain line per finished report otherwise (cron, CI)."""

    def __init__(self, total: int, wanted: bool):
        self.total, self.done, self.bar = total, 0, None
        if wanted and total and sys.stderr.isatty():
            from tqdm import tqdm  # already a dependency of papermill

            self.bar = tqdm(total=total, unit="report", file=sys.stderr, dynamic_ncols=True)

    def update(self, rec: dict) -> None:
        self.done += 1
        line = f"{rec['status']:<6} {rec['name']} ({rec['seconds'] or 0:.1f} s)"
        if rec.get("error"):
            line += f": {rec['error'].splitlines()[0][:200]}"
        if self.bar is not None:
            self.bar.set_postfix_str(rec["name"][:40], refresh=False)
            self.bar.update(1)
            if rec["status"] != "ok":
                self.bar.write(line, file=sys.stderr)
        else:
            stamp = dt.datetime.now().astimezone().strftime("%Y-%m-%dT%H:%M:%S%z")
            print(f"{stamp} partnerlab [{self.done}/{self.total}] {line}", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _process_pool(n: int) -> ProcessPoolExecutor:
    # fork: workers inherit the already imported papermill/nbconvert (about 1.5 s each)
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    import nbconvert  # noqa: F401  (imported before forking, see above)
    import papermill  # noqa: F401

    return ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context(method),
                               initializer=_worker_init)


def _stop_pool(executor: ProcessPoolExecutor) -> None:
    """Cancel pending jobs and stop the workers now (they shut their kernels down on SIGTERM)."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        with contextlib.suppress(Exception):
            p.terminate()
    for p in processes:
        with contextlib.suppress(Exception):
            p.join(timeout=10)


def _worker_init() -> None:
    """Process-pool initializer: leave Ctrl-C to the parent, clean up on SIGTERM, warm a kernel."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    # pool workers end with os._exit: atexit never runs, multiprocessing finalizers do
    multiprocessing.util.Finalize(None, _shutdown_kernels, exitpriority=10)
    with contextlib.suppress(Exception):  # a failure here would break the pool: retry per job
        _thread_context().run(_worker_kernel().start)


def _dask_executor(address: str) -> Executor:
    try:
        from distributed import Client
    except ImportError as exc:
        raise BatchError("--scheduler needs Dask: pip install 'partnerlab[dask]'") from exc
    try:
        client = Client(address, timeout=30)
    except Exception as exc:
        raise BatchError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    return client.get_executor(pure=False)


# ---------------------------------------------------------------------------------------
# Kernels in a worker
# ---------------------------------------------------------------------------------------

_KERNEL_SETUP = r"""
def _partnerlab_setup(modules):
    import importlib, os, sys, types, warnings
    for name in modules:
        try:
            importlib.import_module(name)
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

    state.reset = reset
    sys.modules[state.__name__] = state
"""


class _Kernel:
    """A Jupyter kernel owned by one worker thread, warmed once and reset between notebooks."""

    def __init__(self):
        self.km = None
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
        self.km.start_kernel(env=_kernel_env(), extra_arguments=["--HistoryManager.enabled=False"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             cwd=self.dir)  # no notebook may rely on the working directory
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
        if self.km is not None:
            with contextlib.suppress(Exception):
                self.km.shutdown_kernel(now=True)
        if self.dir:
            shutil.rmtree(self.dir, ignore_errors=True)
        self.km = self.dir = None

    def interrupt(self) -> None:
        with contextlib.suppress(Exception):
            self.km.interrupt_kernel()

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.km.kill_kernel()

    def _run(self, code: str) -> None:
        # A client per call: the kernel routes replies by session identity, so a client kept
        # alongside papermill's would lose them. Only the shell channel: the reply says when
        # the code is done, and there is no iopub backlog to wait for.
        kc = self.km.client()
        kc.start_channels(shell=True, iopub=False, stdin=False, hb=False, control=False)
        try:
            msg_id = kc.execute(code, silent=True, store_history=False)
            deadline = time.monotonic() + 300
            while True:
                reply = kc.get_shell_msg(timeout=max(deadline - time.monotonic(), 0.01))
                if reply["parent_header"].get("msg_id") == msg_id:
                    break
        finally:
            kc.stop_channels()
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"kernel setup failed: {reply['content'].get('evalue')}")


_local = threading.local()
_all_kernels: list[_Kernel] = []


def _thread_context() -> contextvars.Context:
    context = getattr(_local, "context", None)
    if context is None:
        context = _local.context = contextvars.Context()
    return context


def _worker_kernel() -> _Kernel:
    kernel = getattr(_local, "kernel", None)
    if kernel is None:
        kernel = _local.kernel = _Kernel()
        _all_kernels.append(kernel)
    return kernel


def _shutdown_kernels() -> None:
    for kernel in _all_kernels:
        kernel.discard()


atexit.register(_shutdown_kernels)


def _kernel_env() -> dict:
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)  # Agg here would silently drop every figure of the report
    env["PYTHONHASHSEED"] = "0"  # same set/dict order in every run: same layouts, same HTML
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    return env


class _Watchdog:
    """Interrupts the kernel at the time limit, kills it if the interrupt is ignored."""

    def __init__(self, kernel: _Kernel, seconds: float):
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


def _timeout_message(spec: dict) -> str:
    return f"time limit of {spec['timeout']:g} s exceeded"


def _mark_stopped(nb, reason: str) -> None:
    import nbformat

    cell = nbformat.v4.new_markdown_cell(f"**partnerlab: execution stopped.** {reason}")
    cell.metadata["tags"] = ["papermill-error-cell-tag"]
    nb.cells.insert(0, cell)


@contextlib.contextmanager
def _capture_warnings(logger_name: str, seen: list[str]):

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


def _register_engine() -> str:
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines

    class WarmKernelEngine(NBClientEngine):
        """papermill's nbclient engine on a kernel the worker keeps (papermill semantics intact)."""

        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None,
                                     stderr_file=None, start_timeout=60, execution_timeout=None,
                                     km=None, holder=None, **kwargs):
            if holder is not None:
                holder["nb"] = nb_man.nb
            client = PapermillNotebookClient(
                nb_man, km=km, timeout=execution_timeout, startup_timeout=start_timeout,
                kernel_name=kernel_name, log=logging.getLogger("papermill"), log_output=log_output,
                stdout_file=stdout_file, stderr_file=stderr_file,
            )
            try:
                return client.execute()
            finally:
                if client.kc is not None:
                    with contextlib.suppress(Exception):
                        client.kc.stop_channels()

    papermill_engines.register("partnerlab-warm", WarmKernelEngine)
    return "partnerlab-warm"


_ENGINE = _register_engine()


# ---------------------------------------------------------------------------------------
# Inputs, output folder, lock, atomic move
# ---------------------------------------------------------------------------------------

def _check_workbook(path: Path):
    """Validate and load; errors raise BatchError (exit 2). None when the loader is missing."""
    try:
        from partnerlab.workbook import check_workbook
    except ImportError:
        log.warning("partnerlab.workbook is not available: running without validation or fan-out")
        return None
    wb, problems = check_workbook(path)
    errors = [p for p in problems if getattr(p, "severity", "error") == "error"]
    for p in errors:
        print(str(p), file=sys.stderr)
    if errors or wb is None:
        raise BatchError(f"{path.name} has {len(errors)} error(s); fix them (see `partnerlab validate`)")
    return wb


def _save_processed(wb) -> str:
    """Parse once: write the tidy tables every notebook reads; '' when there is no loader."""
    if wb is None or not hasattr(wb, "save"):
        return ""
    sha = getattr(wb, "sha256", None) or "unknown"
    target = paths.DATA_PROCESSED / sha[:16]
    try:
        paths.DATA_PROCESSED.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=paths.DATA_PROCESSED))
    except OSError:  # read-only install: keep the tables for this process only
        tmp = Path(tempfile.mkdtemp(prefix="partnerlab-processed-"))
        wb.save(tmp)
        return str(tmp)
    wb.save(tmp)
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        target.rename(old)
    tmp.rename(target)
    _remove(old)
    return str(target)


def _set_compare(jobs: list[Job], compare_to: str | Path | None, out: Path) -> str | None:
    """Point the changes report at the earlier snapshot; returns what it compares with (None: default)."""
    if not compare_to or not any(j.report == "changes" and not j.skipped for j in jobs):
        return None
    if str(compare_to) == "last":
        previous = out / SNAPSHOT_DIR
        if not (previous / "workbook.pkl").is_file():
            for job in jobs:
                if job.report == "changes":
                    job.skipped = (f"No earlier snapshot in {out.name}/: the next run with --compare-to last "
                                   "compares with this one.",
                                   f"No hay una instantánea anterior en {out.name}/: la próxima ejecución con "
                                   "--compare-to last comparará con esta.")
            return None
        from partnerlab.workbook import Workbook

        old = Workbook.load(previous)
        label = f"last ({old.name}, sha256 {old.sha256[:12]})"
    else:
        path = Path(compare_to).expanduser().resolve()
        if not path.is_file():
            raise BatchError(f"--compare-to: workbook not found: {path}")
        old = _check_workbook(path)
        label = str(path)
    folder = _save_processed(old)  # a copy outside `out`: the folder is swapped at the end
    as_of = _iso((getattr(old, "about", None) or {}).get("as_of")) or "—"
    for job in jobs:
        if job.report == "changes":
            job.params["compare_to"] = folder
            job.title = (f"{job.title[0]}: {old.name} ({as_of})", f"{job.title[1]}: {old.name} ({as_of})")
    return label


def _set_history(jobs: list[Job], history: str | Path | None) -> None:
    """Give the changes report the folder of snapshots to draw trends across (checked here: exit 2)."""
    if not history or not any(j.report == "changes" and not j.skipped for j in jobs):
        return
    from partnerlab.changes import load_history

    folder = Path(history).expanduser().resolve()
    if not folder.is_dir():
        raise BatchError(f"--history: not a folder: {folder}")
    try:
        load_history(folder)
    except Exception as exc:  # an invalid or undated workbook: say which
        raise BatchError(f"--history {folder}: {exc}") from None
    for job in jobs:
        if job.report == "changes":
            job.params["history"] = str(folder)


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise BatchError(f"--out {out} is a file, not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / "manifest.json").exists():
        raise BatchError(f"{out} exists and is not a partnerlab output folder (no manifest.json); "
                         "the run replaces its --out folder as a whole, so choose an empty or new one")
    if out == Path(out.anchor) or out == Path.home() or out == paths.ROOT:
        raise BatchError(f"refusing to replace {out}: choose a dedicated output folder")


class _OutputLock:
    """An exclusive lock on `<parent>/.<name>.lock`, held for the whole run (flock: released by
    the kernel if the process dies, so a crashed run never blocks the next one)."""

    def __init__(self, out: Path):
        self.path = out.parent / f".{out.name}.lock"
        self.fd: int | None = None

    def __enter__(self):
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BatchError(f"cannot create the output folder's parent: {exc}") from exc
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                holder = os.pread(fd, 200, 0).decode(errors="replace").strip()
                os.close(fd)
                if exc.errno in (errno.EAGAIN, errno.EACCES):
                    raise BatchError(
                        f"another partnerlab run is writing {self.path.parent / self.path.name[1:-5]} "
                        f"({holder or 'unknown process'}); wait for it to finish or choose another --out"
                    ) from None
                raise
            try:  # the file may have been removed by the run that held it: lock the new one
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()} on {platform.node()} since {_now()}\n".encode())
        self.fd = fd
        return self

    def __exit__(self, *exc):
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        os.close(self.fd)
        return False


def _move_into_place(staging: Path, out: Path) -> None:
    """Swap the finished folder in; on Linux one atomic exchange when `out` exists."""
    if not out.exists():
        staging.rename(out)
        return
    if _exchange(staging, out):
        _remove(staging)  # now holds the previous output
        return
    old = out.parent / f".{out.name}.old"
    _remove(old)
    out.rename(old)
    staging.rename(out)
    _remove(old)


def _exchange(a: Path, b: Path) -> bool:
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
    return rc == 0


@contextlib.contextmanager
def _terminate_as_interrupt():
    """Under cron or systemd a run is stopped with SIGTERM: treat it as Ctrl-C so the staging
    folder is removed and the previous output stays."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):
        raise KeyboardInterrupt

    old = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


# ---------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------

def _select(jobs: list[Job], only: Iterable[str] | None) -> list[Job]:
    if not only:
        return jobs
    wanted = set(only)
    known = {j.report for j in jobs} | {j.name for j in jobs}
    unknown = sorted(wanted - known)
    if unknown:
        raise BatchError(f"unknown report(s) for --only: {', '.join(unknown)}; "
                         f"known: {', '.join(sorted({j.report for j in jobs}))}")
    return [j for j in jobs if j.report in wanted or j.name in wanted]


def _describe(params: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in params.items()) or "(all)"


def _cores() -> int:
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:
        return os.cpu_count() or 1


def _executor_name(executor, jobs) -> str:
    if executor is None:
        return f"processes ({jobs or _cores()})"
    return type(executor).__module__ + "." + type(executor).__name__


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _versions() -> dict:
    found = {}
    for name in PACKAGES:
        if name == "python":
            found[name] = platform.python_version()
            continue
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            found[name] = importlib.metadata.version(name)
    return found


def _display_path(path: Path) -> str:
    path = Path(path).resolve()
    with contextlib.suppress(ValueError):
        return str(path.relative_to(paths.ROOT))
    return str(path)


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _iso(value) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else (str(value) if value else None)



if __name__ == "__main__":  # python -m partnerlab.batch: `partnerlab run` without the console script
    _parser = argparse.ArgumentParser(prog="python -m partnerlab.batch", description="Run the default batch.")
    add_run_arguments(_parser)
    sys.exit(run_command(_parser.parse_args()))
