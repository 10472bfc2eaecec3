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
   never write the same folder. An output location that cannot be written (read-only, full,
   permission denied) is one line and exit 2 (OutputError), found before any report runs
   when it already is; the previous output stays as it was.

Faults of the machine: the lock is an flock held by the batch's own process only (forked
workers close their copy), so it is free the moment the batch dies, even by SIGKILL; the
lock file records pid, process start time, boot and host, so the next run says whose lock
it takes over. Each worker watches its parent and, when the batch is gone, kills its
kernels' process groups and exits; a kernel whose worker dies exits by itself (ipykernel's
parent poller, JPY_PARENT_PID).

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
import functools
import fcntl
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

from partnerlab import i18n, __version__, incremental, paths
from partnerlab.reports import Job, default_batch
from partnerlab.workbook import file_sha256

__all__ = [
    "BatchError", "OutputError", "BatchResult", "add_run_arguments", "run_command", "run_batch",
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
PARENT_POLL = 0.2  # seconds between a worker's checks that the batch's process is still alive
STORAGE_ERRNOS = frozenset(  # an OSError with one of these while writing the output: OutputError
    getattr(errno, name) for name in ("EROFS", "ENOSPC", "EDQUOT", "EACCES", "EPERM", "EFBIG", "EIO")
    if hasattr(errno, name))

log = logging.getLogger(__name__)


class BatchError(Exception):
    """A usage or input error: nothing was written (exit 2)."""


class OutputError(BatchError):
    """The output location cannot be written (read-only, full, no permission): exit 2, and the
    previous output folder is left as it was."""

    def __init__(self, out: Path, exc: OSError):
        self.out, self.errno = out, exc.errno
        cause = os.strerror(exc.errno) if exc.errno else str(exc)
        kept = "the previous reports in it were left as they were" if (out / "manifest.json").exists() \
            else "nothing was written"
        super().__init__(f"cannot write the output folder {out}: {cause[:1].lower()}{cause[1:]}; {kept}")


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
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=None,
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
    parser.add_argument("--full", action="store_true",
                        help="run every report, even those whose inputs are unchanged since the last run "
                             "into the output folder (by default their pages are reused)")
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
            full=getattr(args, "full", False),
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
    full: bool = False,
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
        full: Run every report; by default a report whose inputs are unchanged since the
            previous run into `out` keeps its page (partnerlab.incremental).

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
    lang = i18n.resolve_lang(lang, about.get("language"))
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
        previous = {} if full or wb is None else incremental.previous_manifest(out)
        staging = out.parent / f".{out.name}.partial"
        _remove(staging)
        try:
            with _writing(out):  # a read-only, full or forbidden location fails here, before any report
                staging.mkdir(parents=True)
                _probe(staging)
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
                info = {"path": str(workbook), "name": workbook.name, "sha256": file_sha256(workbook),
                        "as_of": _iso(about.get("as_of")), "portfolio": about.get("portfolio"),
                        "is_illustrative": about.get("is_illustrative")}
                runner = _Runner(staging, planned, common, lang, timeout, executor, jobs,
                                 progress, fresh_kernels, info, out=out, wb=wb, previous=previous)
                reports = runner.run(run)
                if wb is not None and hasattr(wb, "save"):  # what `--compare-to last` reads next time
                    wb.save(staging / SNAPSHOT_DIR)
                    run["snapshot"] = f"{SNAPSHOT_DIR}/workbook.pkl"
                if wb is not None:  # data/: GEXF, GraphML, Kumu, Gephi, ... for other tools (issue 14)
                    run["exports"], run["exports_key"] = _exports(wb, staging, out, lang, previous)
                run["ended"] = _now()
                run["seconds"] = round(time.perf_counter() - t_start, 2)
                manifest = _manifest(run, info, reports, runner.findings_written)
                from partnerlab.htmlexport import render_index

                index = render_index(manifest, lang)
                with _writing(out):
                    _write_json(staging / "manifest.json", manifest)
                    (staging / "index.html").write_text(index, encoding="utf-8")
            with _writing(out):
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
                engine_name=_engine(), km=kernel.km, holder=holder, kernel_name=KERNEL_NAME,
                progress_bar=False, request_save_on_cell_execute=False,
                execution_timeout=spec["timeout"], start_timeout=120,
            )
        nb = nbformat.read(out_path, as_version=4)
        result["status"] = "ok"
        result["reads"] = kernel.reads(workdir)
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
                 fresh_kernels, info, out=None, wb=None, previous=None):
        self.staging, self.jobs, self.common, self.lang = staging, jobs, common, lang
        self.out = out or staging  # named in an OutputError; the previous run's pages are there
        self.wb = wb  # None: no page is reused (nothing to key it by)
        self.previous = {rec["name"]: rec for rec in (previous or {}).get("reports", [])
                         if isinstance(rec, dict) and "name" in rec}
        self.versions = _versions()
        self.listing_key: str | None = None
        findings = (previous or {}).get("findings")
        self.previous_findings = (self.out / findings if findings and (self.out / findings).is_file()
                                  and [r.get("name") for r in (previous or {}).get("reports", [])]
                                  == [j.name for j in jobs] else None)
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
        bar = _Progress(len(first) + len(last), self.progress)
        pool: dict = {}  # made when a report has to run: an unchanged re-run starts no worker

        def executor_for(n_jobs: int):
            if "executor" not in pool:
                _engine()  # papermill and nbformat imported here, so forked workers start warm
                own = self.executor is None
                pool["own"] = own
                pool["executor"] = _process_pool(min(self.n_workers, n_jobs)) if own else self.executor
            return pool["executor"]

        try:
            to_run = self._reuse_unchanged(first, bar)
            if to_run:
                self._run_wave(executor_for(len(to_run)), to_run, bar)
            if last:
                listing = self.staging / "manifest.json"
                with _writing(self.out):
                    _write_json(listing, _manifest(run, self.info, self._ordered(), None))
                self.listing_key = incremental.listing_digest(
                    [r for j, r in zip(self.jobs, self._ordered()) if not j.needs_listing])
                to_run = self._reuse_unchanged(last, bar)
                if to_run:
                    self._run_wave(executor_for(len(to_run)), to_run, bar, listing=listing)
        except BaseException:
            if pool.get("own"):
                _stop_pool(pool["executor"])
            raise
        finally:
            bar.close()
        if pool.get("own"):
            pool["executor"].shutdown(wait=True)
        self._write_findings()
        return self._ordered()

    def _reuse_unchanged(self, jobs: list[Job], bar) -> list[Job]:
        """Copy the previous page of every job whose key is unchanged; return the jobs to run."""
        to_run = []
        for job in jobs:
            before = self.previous.get(job.name)
            reads = before.get("reads") if before else None
            if self.wb is None or reads is None:
                to_run.append(job)
                continue
            key = self._key(job, reads)
            if not incremental.reusable(before, key, self.out):
                to_run.append(job)
                continue
            self._reuse(job, before, key)
            bar.update(self.records[job.name])
        return to_run

    def _key(self, job: Job, reads: list[str]) -> str:
        return incremental.job_key(self.wb, {**self.common, **job.params}, job.notebook, self.lang, reads,
                                   self.versions, self.listing_key if job.needs_listing else None)

    def _reuse(self, job: Job, before: dict, key: str) -> None:
        import nbformat

        from partnerlab.findings import collect_kept

        with _writing(self.out):
            for name in before["outputs"]:
                shutil.copy2(self.out / name, self.staging / name)
        self.records[job.name].update(
            status="ok", reused=True, seconds=0.0, timings={}, error=None, warnings=before.get("warnings") or [],
            outputs=list(before["outputs"]), kept=list(before.get("kept") or []), reads=list(before["reads"]), key=key)
        notebook = self.staging / f"{job.name}.ipynb"
        self.kept[job.name] = (lambda: collect_kept(nbformat.read(notebook, as_version=4))  # read if needed
                               if notebook.exists() else list)

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
        footer = f"partnerlab {__version__} · {self.info['name']}"  # the page's header has its data fingerprint
        return {"name": job.name, "notebook": str(Path(job.notebook).resolve()), "parameters": params,
                "title": job.title_in(self.lang), "lang": self.lang, "timeout": self.timeout,
                "fresh_kernel": self.fresh, "index_href": "index.html", "footer": footer}

    def _store(self, job: Job, result: dict) -> None:
        rec = self.records[job.name]
        rec.update(status=result["status"], seconds=round(result.get("seconds", 0.0), 2),
                   timings={k: round(v, 3) for k, v in result.get("timings", {}).items()},
                   error=result.get("error"), warnings=result.get("warnings") or [])
        outputs = []
        with _writing(self.out):
            if result.get("html") is not None:
                (self.staging / f"{job.name}.html").write_text(result["html"], encoding="utf-8")
                outputs.append(f"{job.name}.html")
            if result.get("notebook") is not None:
                (self.staging / f"{job.name}.ipynb").write_text(result["notebook"], encoding="utf-8")
                outputs.append(f"{job.name}.ipynb")
        rec["outputs"] = outputs
        rec["kept"] = [name for name, _ in result.get("kept", [])]
        self.kept[job.name] = result.get("kept", [])
        if result["status"] == "ok" and result.get("reads") is not None and self.wb is not None:
            rec["reads"] = result["reads"]
            rec["key"] = self._key(job, result["reads"])

    def _write_findings(self) -> None:
        from partnerlab.findings import KeptTable, write_findings

        before = self.previous_findings
        if before and all(callable(k) for k in self.kept.values()) and self.kept:  # every page reused
            with _writing(self.out):
                shutil.copy2(before, self.staging / "findings.xlsx")
            self.findings_written = True
            return
        self.kept = {name: kept() if callable(kept) else kept for name, kept in self.kept.items()}
        tables = [
            KeptTable(name, data, rec["name"], rec["title"], rec["parameters_own"])
            for rec in self._ordered() for name, data in self.kept.get(rec["name"], [])
        ]
        if tables:
            with _writing(self.out):
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
        "reused": False, "reads": None, "key": None,
    }
    if job.skipped:
        rec.update(status="skipped", parameters={}, note=job.note_in(lang),
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
        line = (f"reused {rec['name']}" if rec.get("reused") else
                f"{rec['status']:<6} {rec['name']} ({rec['seconds'] or 0:.1f} s)")
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
                               initializer=_worker_init, initargs=(os.getpid(),))


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


def _worker_init(parent_pid: int | None = None) -> None:
    """Process-pool initializer: leave Ctrl-C to the parent, clean up on SIGTERM, die with the
    batch, warm a kernel."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if parent_pid is not None:
        threading.Thread(target=_watch_parent, args=(parent_pid,), name="partnerlab-parent-watch",
                         daemon=True).start()
    # pool workers end with os._exit: atexit never runs, multiprocessing finalizers do
    multiprocessing.util.Finalize(None, _shutdown_kernels, exitpriority=10)
    with contextlib.suppress(Exception):  # a failure here would break the pool: retry per job
        _thread_context().run(_worker_kernel().start)


def _watch_parent(parent_pid: int) -> None:
    """A worker's thread: once the batch's process is gone (even killed by SIGKILL, when no
    cleanup of its own runs) the worker is an orphan; kill its kernels and exit at once.

    Polling getppid() works on every POSIX system and does not depend on the worker's main
    thread, which may be blocked inside a report. (Linux's PR_SET_PDEATHSIG would fire on the
    death of the forking *thread*, and its signal would wait for the worker's main thread.)
    """
    while os.getppid() == parent_pid:
        time.sleep(PARENT_POLL)
    _kill_kernels()
    os._exit(1)


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

    def reads(self, folder: Path) -> list[str] | None:
        """The sheets the last notebook read (workbook.read_sheets), None if the kernel cannot say."""
        target = folder / "reads.json"
        try:
            self._run(f"import json as _j, partnerlab.workbook as _w\n"
                      f"open({str(target)!r}, 'w').write(_j.dumps(_w.read_sheets()))\ndel _j, _w")
            return json.loads(target.read_text())
        except Exception:  # an old kernel or a notebook that broke the module: never reuse this page
            return None

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


def _kill_kernels() -> None:
    for kernel in list(_all_kernels):
        kernel.kill_now()


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


@functools.lru_cache(maxsize=1)
def _engine() -> str:
    """Register partnerlab's papermill engine (imports papermill: about a second) on first use."""
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


def _exports(wb, staging: Path, out: Path, lang: str, previous: dict) -> tuple[list[str], str]:
    """The files for other tools under data/: copied from the previous run when every sheet
    and the code are the same (they read the whole workbook), else written anew."""
    key = incremental.job_key(wb, {}, Path(__file__).with_name("exports.py"), lang, sorted(dict.keys(wb.tables)),
                              _versions())
    before = previous.get("run", {})
    files = before.get("exports") or []
    if before.get("exports_key") == key and files and all((out / f).is_file() for f in files):
        with _writing(out):
            shutil.copytree(out / "data", staging / "data")
        return files, key
    return _write_exports(wb, staging / "data", lang), key


def _write_exports(wb, folder: Path, lang: str) -> list[str]:
    """The files of partnerlab.exports under folder; a failure there is logged and never costs the reports."""
    from partnerlab.exports import write_exports

    try:
        return [f"{folder.name}/{f}" for f in write_exports(wb, folder, lang)]
    except Exception as exc:  # the reports are done: keep them, say what went wrong
        log.warning("exports under %s/ failed: %s: %s", folder.name, type(exc).__name__, exc)
        return []


def _save_processed(wb) -> str:
    """Parse once: write the tidy tables every notebook reads; '' when there is no loader."""
    if wb is None or not hasattr(wb, "save"):
        return ""
    sha = getattr(wb, "sha256", None) or "unknown"
    target = paths.DATA_PROCESSED / sha[:16]
    tmp = None
    try:
        paths.DATA_PROCESSED.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=paths.DATA_PROCESSED))
        wb.save(tmp)
    except OSError as exc:  # read-only or full install: keep the tables for this process only
        if tmp is not None:
            _remove(tmp)
        if exc.errno not in STORAGE_ERRNOS:
            raise
        return _save_private(wb)
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
        if job.report == "changes":  # a file, so that an incremental run sees when it changes
            job.params["compare_to"] = str(Path(folder) / "workbook.pkl")
            job.title = (f"{job.title[0]}: {old.name} ({as_of})", f"{job.title[1]}: {old.name} ({as_of})")
    return label


def _set_history(jobs: list[Job], history: str | Path | None) -> None:
    """Give the changes report the folder of snapshots to draw trends across (checked here: exit 2)."""
    if not history or not any(j.report == "changes" and not j.skipped for j in jobs):
        return
    import hashlib

    from partnerlab.changes import load_history

    folder = Path(history).expanduser().resolve()
    if not folder.is_dir():
        raise BatchError(f"--history: not a folder: {folder}")
    try:
        books = load_history(folder)
    except Exception as exc:  # an invalid or undated workbook: say which
        raise BatchError(f"--history {folder}: {exc}") from None
    # the report reads a listing of the workbooks with their sha256: when one changes, so does the
    # listing file, and an incremental run redraws the trends
    listing = {"folder": str(folder), "workbooks": [{"path": str(wb.path), "sha256": wb.sha256} for wb in books]}
    text = json.dumps(listing, indent=1, ensure_ascii=False)
    target = paths.DATA_PROCESSED / f"history-{hashlib.sha256(text.encode()).hexdigest()[:16]}.json"
    try:
        paths.DATA_PROCESSED.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError:
        target = Path(tempfile.mkdtemp(prefix="partnerlab-history-")) / "history.json"
        target.write_text(text, encoding="utf-8")
    for job in jobs:
        if job.report == "changes":
            job.params["history"] = str(target)
def _save_private(wb) -> str:
    """The tables in a temporary folder of this run's own; a full temporary disk is one line."""
    tmp = None
    try:
        tmp = Path(tempfile.mkdtemp(prefix="partnerlab-processed-"))
        wb.save(tmp)
    except OSError as exc:
        if tmp is not None:
            _remove(tmp)
        if exc.errno not in STORAGE_ERRNOS:
            raise
        cause = os.strerror(exc.errno)
        raise BatchError(f"cannot write the pre-parsed tables in {paths.DATA_PROCESSED} nor in "
                         f"{tempfile.gettempdir()}: {cause[:1].lower()}{cause[1:]}") from exc
    return str(tmp)


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise BatchError(f"--out {out} is a file, not a folder")
    with _writing(out):
        has_files = out.is_dir() and any(out.iterdir())
    if has_files and not (out / "manifest.json").exists():
        raise BatchError(f"{out} exists and is not a partnerlab output folder (no manifest.json); "
                         "the run replaces its --out folder as a whole, so choose an empty or new one")
    if out == Path(out.anchor) or out == Path.home() or out == paths.ROOT:
        raise BatchError(f"refusing to replace {out}: choose a dedicated output folder")


class _OutputLock:
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
            with _writing(self.out):
                self.path.parent.mkdir(parents=True, exist_ok=True)
        except OutputError:
            raise
        except OSError as exc:  # a file in the way, a name too long, ...
            raise BatchError(f"cannot create the output folder's parent: {exc}") from exc
        while True:
            with _writing(self.out):
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                os.close(fd)
                if exc.errno in (errno.EAGAIN, errno.EACCES):
                    raise BatchError(self._refusal()) from None
                raise BatchError(f"cannot lock {self.path}: {exc.strerror} (a file system without "
                                 "locks; choose a local --out)") from exc
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
            with _writing(self.out):
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
            print(f"partnerlab run: taking over the lock on {self.out} from a run that is no longer "
                  f"running ({_describe_holder(previous)})", file=sys.stderr, flush=True)
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
        for _ in range(5):  # a run that has just locked writes its record a moment later
            with contextlib.suppress(OSError):
                with open(self.path, "rb") as f:
                    holder = _parse_holder(f.read(1000))
            if holder is None or _holder_alive(holder) is not False:
                break
            time.sleep(0.1)
        if holder is not None and _holder_alive(holder) is False:
            pids = _processes_holding(self.path)
            who = f"processes {', '.join(map(str, pids))}" if pids else "processes left behind"
            return (f"{self.out} is locked by {who} of a run that is no longer running "
                    f"({_describe_holder(holder)}); stop them and run again")
        return self._busy(holder)

    def _busy(self, holder: dict | None) -> str:
        who = _describe_holder(holder) if holder else "unknown process"
        return (f"another partnerlab run is writing {self.out} ({who}); "
                "wait for it to finish or choose another --out")


_held_locks: set[int] = set()


def _after_fork_in_child() -> None:
    """A forked worker must not keep the batch's lock alive (an flock belongs to the open file,
    shared by every process that inherited it), nor treat its parent's kernels as its own."""
    for fd in list(_held_locks):
        with contextlib.suppress(OSError):
            os.close(fd)
    _held_locks.clear()
    _all_kernels.clear()
    vars(_local).pop("kernel", None)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def _holder_record() -> dict:
    pid = os.getpid()
    return {"pid": pid, "start": _process_start(pid), "boot": _boot_id(), "host": platform.node(),
            "since": _now()}


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
        return holder.get("text", "unknown process")
    parts = [f"pid {holder['pid']}"]
    if holder.get("host"):
        parts.append(f"on {holder['host']}")
    if holder.get("since"):
        parts.append(f"since {holder['since']}")
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
def _writing(out: Path):
    """Turn a storage failure (read-only, full, no permission) while writing the output into
    an OutputError naming the folder and the cause; other errors pass unchanged."""
    try:
        yield
    except OSError as exc:
        if exc.errno in STORAGE_ERRNOS:
            raise OutputError(out, exc) from exc
        raise


def _probe(folder: Path) -> None:
    """Write, sync and remove a small file: a full or read-only location fails here, at once."""
    probe = folder / ".probe"
    with open(probe, "wb") as f:
        f.write(b"partnerlab\n" * 400)
        f.flush()
        os.fsync(f.fileno())
    probe.unlink()


def _move_into_place(staging: Path, out: Path) -> None:
    """Swap the finished folder in; on Linux one atomic exchange when `out` exists. A failure
    (OSError) leaves `out` as it was."""
    if not out.exists():
        staging.rename(out)
        return
    if _exchange(staging, out):
        _remove(staging)  # now holds the previous output
        return
    old = out.parent / f".{out.name}.old"
    _remove(old)
    out.rename(old)
    try:
        staging.rename(out)
    except OSError:
        old.rename(out)  # put the previous output back
        raise
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
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False  # not supported by this kernel or file system: two renames instead
    raise OSError(err, os.strerror(err), str(b))


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
