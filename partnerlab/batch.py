"""`partnerlab run`: the default batch of reports, in parallel, into one audited folder.

How a batch runs (Load inputs / Process / Save outputs):
1. The workbook is validated (errors: exit 2, nothing written) and parsed once; the tidy
   tables go to data/processed/<sha256> and every notebook gets `processed=<that folder>`.
2. Jobs (partnerlab.report_catalogue) run in worker processes, one per core by default, each with a
   warm Jupyter kernel (partnerlab.kernels): papermill executes the notebook in it (parameters
   cell injected, the executed notebook kept with its traceback on error) and nbconvert
   exports the page in the worker (partnerlab.htmlexport). A failed or timed-out report gets a
   fresh kernel. A page whose inputs are unchanged since the last run is copied, not run
   (partnerlab.incremental); the files for other tools (data/) are written meanwhile.
3. Files are written into a hidden folder next to the target and swapped in at the end, under
   a lock (partnerlab.outputdir): an interrupted run leaves the previous output untouched, two
   runs never write the same folder, and an output location that cannot be written is one
   line and exit 2 (OutputError) with the previous output as it was.

Any `concurrent.futures.Executor` can run the jobs (`run_batch(executor=...)`), including a
Dask cluster (`--scheduler ADDRESS`, optional extra `partnerlab[dask]`).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import datetime as dt
import importlib.metadata
import json
import logging
import os
import platform
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from concurrent.futures import Executor, Future, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from partnerlab import __version__, i18n, incremental, kernels, messages, outputdir, paths
from partnerlab.messages import _
from partnerlab.outputdir import BatchError, OutputError
from partnerlab.report_catalogue import Job, default_batch
from partnerlab.workbook import file_sha256

__all__ = [
    "BatchError",
    "OutputError",
    "BatchResult",
    "add_run_arguments",
    "run_command",
    "run_batch",
    "execute_job",
    "DEFAULT_TIMEOUT",
]

DEFAULT_TIMEOUT = 600  # seconds per report
PACKAGES = (
    "partnerlab",
    "pandas",
    "numpy",
    "matplotlib",
    "seaborn",
    "networkx",
    "openpyxl",
    "papermill",
    "nbconvert",
    "nbclient",
    "ipykernel",
    "jupyter_client",
    "python",
)
# A workbook with more rows than this writes data/ after the reports rather than meanwhile: its
# graph (about 1 GB at 500,000 ties) and a report's kernel would add up.
OVERLAP_ROWS = 100_000
SNAPSHOT_DIR = "snapshot"  # <out>/snapshot/workbook.pkl: the parsed workbook of the run (contacts blanked)
log = logging.getLogger(__name__)


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
    parser.add_argument(
        "--workbook",
        "-w",
        type=Path,
        default=None,
        metavar=_("WORKBOOK"),
        help=_("input workbook (.xlsx); default: the bundled sample"),
    )
    parser.add_argument(
        "--out",
        "-o",
        type=Path,
        default=None,
        metavar=_("FOLDER"),
        help=_(
            "output folder, replaced as a whole at the end of the run; default: a folder of reports/ named after the workbook"
        ),
    )
    parser.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        default=None,
        help=_("report language; default: the workbook's about.language, else en"),
    )
    parser.add_argument(
        "--jobs", "-j", type=int, default=None, metavar="N", help=_("parallel workers; default: one per core")
    )
    parser.add_argument(
        "--only",
        nargs="+",
        metavar=_("REPORT"),
        default=None,
        help=_("run only these reports (report keys like 'network' or output names like 'stakeholder_map__public')"),
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar=_("SECONDS"),
        help=_("time limit per report (default {seconds})", seconds=DEFAULT_TIMEOUT),
    )
    parser.add_argument(
        "--scheduler",
        metavar=_("ADDRESS"),
        default=None,
        help=_(
            "run the reports on a Dask distributed cluster (tcp://host:8786); "
            "needs `pip install partnerlab[dask]` and a shared file system"
        ),
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help=_(
            "run every report, even those whose inputs are unchanged since the last run "
            "into the output folder (by default their pages are reused)"
        ),
    )
    parser.add_argument(
        "--fresh-kernels",
        action="store_true",
        help=_("start a new kernel for every report instead of resetting a warm one"),
    )
    parser.add_argument("--no-progress", action="store_true", help=_("plain log lines even on a terminal"))
    parser.add_argument(
        "--list", action="store_true", dest="list_only", help=_("print the reports the batch would run and exit")
    )
    parser.add_argument(
        "--compare-to",
        metavar=_("OLD"),
        default=None,
        help=_(
            "the changes report compares the workbook with this earlier one (.xlsx), or with "
            "'last': the snapshot the previous run left in the output folder; default: the "
            "workbook with itself as of the year before its as-of date"
        ),
    )
    parser.add_argument(
        "--history",
        metavar=_("DIR"),
        type=Path,
        default=None,
        help=_(
            "the changes report also draws trends across the workbooks (.xlsx) of {dir}, ordered by their about.as_of",
            dir=_("DIR"),
        ),
    )


def run_command(args: argparse.Namespace) -> int:
    """Run `partnerlab run` from parsed arguments; returns the exit code (0, 1 or 2)."""
    messages.set_lang(args.lang)
    if args.jobs is not None and args.jobs < 1:
        print(_("partnerlab run: --jobs must be at least 1"), file=sys.stderr)
        return 2
    if args.timeout is not None and args.timeout <= 0:
        print(_("partnerlab run: --timeout must be positive"), file=sys.stderr)
        return 2
    executor = None
    try:
        if args.scheduler and not getattr(args, "list_only", False):
            executor = _dask_executor(args.scheduler)
        result = run_batch(
            args.workbook,
            args.out,
            lang=args.lang,
            jobs=args.jobs,
            only=args.only,
            timeout=args.timeout,
            executor=executor,
            progress=not args.no_progress,
            fresh_kernels=args.fresh_kernels,
            list_only=getattr(args, "list_only", False),
            compare_to=getattr(args, "compare_to", None),
            history=getattr(args, "history", None),
            full=getattr(args, "full", False),
        )
    except BatchError as exc:
        print(_("partnerlab run: {error}", error=exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(_("partnerlab run: interrupted; the output folder was left as it was"), file=sys.stderr)
        return 130
    finally:
        if executor is not None:
            executor.shutdown(wait=False)
    if result is None:
        return 0
    counts = result.manifest["summary"]
    print(
        _(
            "{ok} ok, {failed} failed, {skipped} skipped -> {index}",
            ok=counts["ok"],
            failed=counts["failed"],
            skipped=counts["skipped"],
            index=result.out / "index.html",
        )
    )
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
        raise BatchError(_("workbook not found: {path}", path=workbook))
    sha256 = file_sha256(workbook)
    early = None  # the workers start their kernels while the workbook is parsed and the pages keyed
    if executor is None and not list_only and _pages_will_run(sha256, out, workbook, full):
        early = kernels.start_pool(jobs or _cores())
    early_pool = [early]  # handed to the runner, which stops it; stopped here if the run ends before
    try:
        wb = _check_workbook(workbook)
        _return_freed_memory()
        about = dict(getattr(wb, "about", None) or {})
        lang = i18n.resolve_lang(lang, about.get("language"))
        out = Path(out).expanduser().resolve() if out else paths.REPORTS / workbook.stem
        planned = job_list if job_list is not None else default_batch(wb)
        planned = _select(planned, only)
        if list_only:
            for job in planned:
                state = _("skipped: {why}", why=job.note_in(lang)) if job.skipped else _describe(job.params)
                print(f"{job.name:<45} {job.title_in(lang):<50} {state}")
            return None
        _check_out(out)

        with outputdir.OutputLock(out):
            previous = {} if full or wb is None else incremental.previous_manifest(out)
            staging = out.parent / f".{out.name}.partial"
            outputdir.remove(staging)
            try:
                with outputdir.writing(out):  # a read-only, full or forbidden location fails here, before any report
                    staging.mkdir(parents=True)
                    outputdir.probe(staging)
                with _terminate_as_interrupt():
                    processed = _save_processed(wb)
                    compared = _set_compare(planned, compare_to, out)
                    _set_history(planned, history)
                    common = {"workbook": str(workbook), "lang": lang, "processed": processed}
                    run = {
                        "started": started,
                        "lang": lang,
                        "timeout": timeout,
                        "jobs": jobs or _cores(),
                        "executor": _executor_name(executor, jobs),
                        "kernels": "fresh" if fresh_kernels else "warm, reset between reports",
                        "command": " ".join(sys.argv) if sys.argv and sys.argv[0] else None,
                        "compare_to": compared,
                    }
                    info = {
                        "path": str(workbook),
                        "name": workbook.name,
                        "sha256": sha256,
                        "as_of": _iso(about.get("as_of")),
                        "portfolio": about.get("portfolio"),
                        "is_illustrative": about.get("is_illustrative"),
                    }
                    runner = _Runner(
                        staging,
                        planned,
                        common,
                        lang,
                        timeout,
                        executor,
                        jobs,
                        progress,
                        fresh_kernels,
                        info,
                        out=out,
                        wb=wb,
                        previous=previous,
                        pool=early_pool,
                    )
                    # data/: GEXF, GraphML, Kumu, Gephi, ... for other tools (issue 14), written in a thread
                    # while the reports run (they only read the workbook), started once the workers are
                    # forked (a fork while another thread holds a lock can deadlock the child)
                    exports: list[_Background] = []
                    if wb is not None and _rows(wb) <= OVERLAP_ROWS:
                        runner.once_started = lambda: exports.append(
                            _Background(_exports, wb, staging, out, lang, previous, processed)
                        )
                    try:
                        reports = runner.run(run)
                    except BaseException:
                        for task in exports:
                            task.join()  # nothing is left writing into the staging folder
                        raise
                    exported = (
                        exports[0].result()
                        if exports
                        else _exports(wb, staging, out, lang, previous, processed)
                        if wb is not None
                        else None
                    )  # no report ran
                    run["derived"] = runner.data.now  # what the next run needs to key pages by derived results
                    if wb is not None and hasattr(wb, "save"):  # what `--compare-to last` reads next time
                        wb.save(staging / SNAPSHOT_DIR)
                        run["snapshot"] = f"{SNAPSHOT_DIR}/workbook.pkl"
                    if exported is not None:
                        run["exports"], run["exports_network"] = exported
                    run["ended"] = _now()
                    run["seconds"] = round(time.perf_counter() - t_start, 2)
                    manifest = _manifest(run, info, reports, runner.findings_written)
                    from partnerlab.htmlexport import render_index

                    index = render_index(manifest, lang)
                    with outputdir.writing(out):
                        _write_json(staging / "manifest.json", manifest)
                        (staging / "index.html").write_text(index, encoding="utf-8")
                with outputdir.writing(out):
                    outputdir.move_into_place(staging, out)
            finally:
                outputdir.remove(staging)
    except BaseException:
        if early_pool[0] is not None:
            kernels.stop_pool(early_pool[0])
        raise
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
    return kernels.thread_context().run(_execute_job, spec)


def _execute_job(spec: dict) -> dict:
    kernels.import_jsonschema()
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    t0 = time.perf_counter()
    timings = {"kernel": 0.0, "execute": 0.0, "export": 0.0}  # wall seconds; CPU seconds added below
    result = {
        "name": spec["name"],
        "status": "failed",
        "error": None,
        "html": None,
        "notebook": None,
        "kept": [],
        "warnings": [],
        "timings": timings,
    }
    kernel = kernels.worker_kernel()
    before = (kernel.km, kernel.cpu_seconds())
    timings["kernel"] = kernel.prepare()
    cpu0 = kernel.cpu_seconds()
    if before[0] is kernel.km and None not in (before[1], cpu0):  # a reset, not a new kernel
        timings["kernel_cpu"] = cpu0 - before[1]
    holder: dict = {}
    watchdog = kernels.Watchdog(kernel, spec["timeout"])
    workdir = Path(tempfile.mkdtemp(prefix="partnerlab-job-"))
    out_path = workdir / "executed.ipynb"
    t1 = time.perf_counter()
    nb = None
    try:
        with kernels.capture_warnings("papermill", result["warnings"]), watchdog:
            papermill.execute_notebook(
                str(spec["notebook"]),
                str(out_path),
                parameters=spec["parameters"],
                engine_name=kernels.engine(),
                km=kernel.km,
                kc=kernel.kc,
                holder=holder,
                kernel_name=kernels.KERNEL_NAME,
                progress_bar=False,
                request_save_on_cell_execute=False,
                execution_timeout=spec["timeout"],
                start_timeout=120,
            )
        nb = nbformat.read(out_path, as_version=4)
        result["status"] = "ok"
        result["reads"], result["derived"] = kernel.reads(workdir)
    except PapermillExecutionError as exc:
        nb = nbformat.read(out_path, as_version=4) if out_path.exists() else holder.get("nb")
        result["error"] = kernels.timeout_message(spec) if watchdog.fired else f"{exc.ename}: {exc.evalue}"
    except Exception as exc:  # timeout of a cell, dead kernel, unreadable notebook, ...
        nb = holder.get("nb")
        reason = kernels.timeout_message(spec) if watchdog.fired else f"{type(exc).__name__}: {exc}".strip()
        result["error"] = reason
        if nb is not None:
            kernels.mark_stopped(nb, reason)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    timings["execute"] = time.perf_counter() - t1
    cpu1 = kernel.cpu_seconds() if kernel.km is not None else None
    if cpu0 is not None and cpu1 is not None:  # robust to other work on the machine, unlike wall seconds
        timings["execute_cpu"] = cpu1 - cpu0
    if result["status"] != "ok" or watchdog.fired:
        kernel.discard()  # a failed or interrupted kernel may hold anything: start afresh
    elif spec.get("fresh_kernel"):
        kernel.discard()
    if nb is not None:
        result["notebook"] = nbformat.writes(nb)
    if result["status"] == "ok":
        from partnerlab.findings import collect_kept
        from partnerlab.htmlexport import export_html

        t2, c2 = time.perf_counter(), time.thread_time()
        result["kept"] = collect_kept(nb)
        result["html"] = export_html(
            nb, title=spec["title"], lang=spec["lang"], index_href=spec.get("index_href"), footer=spec.get("footer", "")
        )
        timings["export"] = time.perf_counter() - t2
        timings["export_cpu"] = time.thread_time() - c2
    result["seconds"] = time.perf_counter() - t0
    return result


# ---------------------------------------------------------------------------------------
# Running the jobs
# ---------------------------------------------------------------------------------------


class _Runner:
    """Submits the jobs, writes each result into the staging folder as it arrives."""

    def __init__(
        self,
        staging,
        jobs,
        common,
        lang,
        timeout,
        executor,
        n_workers,
        progress,
        fresh_kernels,
        info,
        out=None,
        wb=None,
        previous=None,
        pool=None,
    ):
        self.staging, self.jobs, self.common, self.lang = staging, jobs, common, lang
        self.out = out or staging  # named in an OutputError; the previous run's pages are there
        self.wb = wb  # None: no page is reused (nothing to key it by)
        self.data = incremental.DataDigests(wb, ((previous or {}).get("run") or {}).get("derived"))
        self.previous_manifest = previous
        self.previous = {
            rec["name"]: rec for rec in (previous or {}).get("reports", []) if isinstance(rec, dict) and "name" in rec
        }
        self.versions = _versions()
        self.listing_key: str | None = None
        findings = (previous or {}).get("findings")
        self.previous_findings = (
            self.out / findings
            if findings
            and (self.out / findings).is_file()
            and [r.get("name") for r in (previous or {}).get("reports", [])] == [j.name for j in jobs]
            else None
        )
        self.timeout, self.executor, self.n_workers = timeout, executor, n_workers or _cores()
        self.progress, self.fresh, self.info = progress, fresh_kernels, info
        self.records: dict[str, dict] = {}
        self.kept: dict[str, list] = {}
        self.findings_written = False
        self.once_started = None  # called once the first reports are submitted (see run_batch)
        self.early = pool if pool is not None else [None]  # [a pool started before parsing] (run_batch)

    def run(self, run: dict) -> list[dict]:
        for job in self.jobs:
            self.records[job.name] = _record(job, self.common, self.lang)
        first = [j for j in self.jobs if not j.skipped and not j.needs_listing]
        last = [j for j in self.jobs if not j.skipped and j.needs_listing]
        bar = _Progress(len(first) + len(last), self.progress)
        pool: dict = {}  # made when a report has to run: an unchanged re-run starts no worker
        if self.early[0] is not None:  # started by run_batch while it parsed the workbook: ours now
            pool.update(executor=self.early[0], own=True)
            self.early[0] = None

        def executor_for(n_jobs: int):
            if "executor" not in pool:
                kernels.engine()  # papermill and nbformat imported here, so forked workers start warm
                own = self.executor is None
                pool["own"] = own
                pool["executor"] = kernels.process_pool(min(self.n_workers, n_jobs)) if own else self.executor
            return pool["executor"]

        try:
            to_run = self._reuse_unchanged(first, bar)
            listing = self.staging / "manifest.json"
            # The reports that list the others (the overview) run beside them, on the listing the
            # others will give if every page to run succeeds; should one fail, they run again after
            # (a failure is rare: the overview no longer waits for the last page of every run).
            assumed = self._listing(run, listing, {job.name for job in to_run}) if last else None
            speculative = self._reuse_unchanged(last, bar) if last else []
            if to_run or speculative:
                wave = self._longest_first(to_run + speculative)
                self._run_wave(executor_for(len(wave)), wave, bar, listing)
            if last and self._listing(run, listing) != assumed:
                for job in last:
                    self.records[job.name] = _record(job, self.common, self.lang)
                    self.kept.pop(job.name, None)
                bar.more(len(last))
                again = self._reuse_unchanged(last, bar)
                if again:
                    self._run_wave(executor_for(len(again)), again, bar, listing)
        except BaseException:
            if pool.get("own"):
                kernels.stop_pool(pool["executor"])
            raise
        finally:
            bar.close()
        if pool.get("own"):
            pool["executor"].shutdown(wait=True)
        self._write_findings()
        return self._ordered()

    def _longest_first(self, jobs: list[Job]) -> list[Job]:
        """The jobs by the seconds they took last time, longest first (new ones first, in catalogue
        order): the workers then end together rather than one waiting for a long page started last."""
        seconds = {job.name: float((self.previous.get(job.name) or {}).get("seconds") or float("inf")) for job in jobs}
        return sorted(jobs, key=lambda job: -seconds[job.name])

    def _listing(self, run: dict, listing: Path, succeeding: set[str] = frozenset()) -> str:
        """Write the listing the reports that list the others read (the batch's manifest so far,
        the pages named in `succeeding` as they will be once run), set and return its key."""
        records = []
        for job, rec in zip(self.jobs, self._ordered()):
            if job.name in succeeding:
                rec = {**rec, "status": "ok", "outputs": [f"{job.name}.html", f"{job.name}.ipynb"]}
            records.append(rec)
        with outputdir.writing(self.out):
            _write_json(listing, _manifest(run, self.info, records, None))
        self.listing_key = incremental.listing_digest([r for j, r in zip(self.jobs, records) if not j.needs_listing])
        return self.listing_key

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
        return incremental.job_key(
            self.data,
            {**self.common, **job.params},
            job.notebook,
            self.lang,
            reads,
            self.versions,
            self.listing_key if job.needs_listing else None,
        )

    def _reuse(self, job: Job, before: dict, key: str) -> None:
        from partnerlab.findings import collect_kept

        with outputdir.writing(self.out):
            for name in before["outputs"]:
                shutil.copy2(self.out / name, self.staging / name)
        self.records[job.name].update(
            status="ok",
            reused=True,
            seconds=0.0,
            timings={},
            error=None,
            warnings=before.get("warnings") or [],
            outputs=list(before["outputs"]),
            kept=list(before.get("kept") or []),
            reads=list(before["reads"]),
            key=key,
        )
        notebook = self.staging / f"{job.name}.ipynb"
        self.kept[job.name] = lambda: (  # read if needed: the notebook this batch wrote, as plain JSON
            collect_kept(json.loads(notebook.read_text(encoding="utf-8"))) if notebook.exists() else []
        )

    def _run_wave(self, executor, jobs: list[Job], bar, listing: Path | None = None) -> None:
        futures: dict[Future, Job] = {}
        for job in jobs:
            spec = self._spec(job, listing if job.needs_listing else None)
            self.records[job.name]["status"] = "running"
            futures[executor.submit(execute_job, spec)] = job
        if self.once_started is not None:
            started, self.once_started = self.once_started, None
            started()
        self._read_kept()  # the reused pages' key tables, read while the workers run
        for future in as_completed(futures):
            job = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # the worker itself died (out of memory, killed, ...)
                result = {
                    "name": job.name,
                    "status": "failed",
                    "seconds": 0.0,
                    "timings": {},
                    "error": _("worker failed: {error}", error=f"{type(exc).__name__}: {exc}"),
                    "notebook": None,
                    "html": None,
                    "kept": [],
                    "warnings": [],
                }
            self._store(job, result)
            bar.update(self.records[job.name])

    def _spec(self, job: Job, listing: Path | None) -> dict:
        params = {**self.common, **job.params}
        if listing is not None:
            params["batch"] = str(listing)
        footer = f"partnerlab {__version__} · {self.info['name']}"  # the page's header has its data fingerprint
        return {
            "name": job.name,
            "notebook": str(Path(job.notebook).resolve()),
            "parameters": params,
            "title": job.title_in(self.lang),
            "lang": self.lang,
            "timeout": self.timeout,
            "fresh_kernel": self.fresh,
            "index_href": "index.html",
            "footer": footer,
        }

    def _store(self, job: Job, result: dict) -> None:
        rec = self.records[job.name]
        rec.update(
            status=result["status"],
            seconds=round(result.get("seconds", 0.0), 2),
            timings={k: round(v, 3) for k, v in result.get("timings", {}).items()},
            error=result.get("error"),
            warnings=result.get("warnings") or [],
        )
        outputs = []
        with outputdir.writing(self.out):
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
            self.data.learn(result.get("derived"))
            rec["reads"] = result["reads"]
            rec["key"] = self._key(job, result["reads"])

    def _write_findings(self) -> None:
        from partnerlab.findings import KeptTable, write_findings

        before = self.previous_findings
        if before and all(callable(k) for k in self.kept.values()) and self.kept:  # every page reused
            with outputdir.writing(self.out):
                shutil.copy2(before, self.staging / "findings.xlsx")
            self.findings_written = True
            return
        self._read_kept()
        tables = [
            KeptTable(name, data, rec["name"], rec["title"], rec["parameters_own"])
            for rec in self._ordered()
            for name, data in self.kept.get(rec["name"], [])
        ]
        if tables:
            with outputdir.writing(self.out):
                write_findings(tables, self.staging / "findings.xlsx", self.lang)
            self.findings_written = True

    def _read_kept(self) -> None:
        """Read the key tables of the pages reused so far from their notebooks."""
        self.kept = {name: kept() if callable(kept) else kept for name, kept in self.kept.items()}

    def _ordered(self) -> list[dict]:
        return [self.records[j.name] for j in self.jobs]


def _spoken(texts: dict, lang: str) -> dict:
    """texts by language, without the pseudo-locale's unless the batch runs in it."""
    return {code: text for code, text in texts.items() if code != i18n.PSEUDO or lang == i18n.PSEUDO}


def _record(job: Job, common: dict, lang: str) -> dict:
    rec = {
        "name": job.name,
        "report": job.report,
        "title": job.title_in(lang),
        "titles": _spoken(job.titles, lang),
        "notebook": _display_path(job.notebook),
        "parameters": {**common, **job.params},
        "parameters_own": dict(job.params),
        "status": "pending",
        "seconds": None,
        "timings": {},
        "outputs": [],
        "kept": [],
        "error": None,
        "warnings": [],
        "note": None,
        "notes": {},
        "reused": False,
        "reads": None,
        "key": None,
    }
    if job.skipped:
        rec.update(status="skipped", parameters={}, note=job.note_in(lang), notes=_spoken(job.notes, lang))
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
        status = {"ok": _("ok"), "failed": _("failed"), "skipped": _("skipped")}.get(rec["status"], rec["status"])
        line = (
            _("reused {name}", name=rec["name"])
            if rec.get("reused")
            else _(
                "{status} {name} ({seconds} s)",
                status=f"{status:<6}",
                name=rec["name"],
                seconds=f"{rec['seconds'] or 0:.1f}",
            )
        )
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

    def more(self, n: int) -> None:
        """n reports more to go (the overview runs again)."""
        self.total += n
        if self.bar is not None:
            self.bar.total = self.total
            self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _dask_executor(address: str) -> Executor:
    try:
        from distributed import Client
    except ImportError as exc:
        raise BatchError(_("--scheduler needs Dask: pip install 'partnerlab[dask]'")) from exc
    try:
        client = Client(address, timeout=30)
    except Exception as exc:
        raise BatchError(
            _("cannot reach the Dask scheduler at {address}: {error}", address=address, error=exc)
        ) from exc
    return client.get_executor(pure=False)


# ---------------------------------------------------------------------------------------
# ---------------------------------------------------------------------------------------
# Inputs, output folder, lock, atomic move
# ---------------------------------------------------------------------------------------


class _Background:
    """A function run in a thread of this process; result() waits and returns or raises."""

    def __init__(self, fn, *args):
        self._value, self._error = None, None
        self._thread = threading.Thread(target=self._run, args=(fn, *args), name="partnerlab-exports", daemon=True)
        self._thread.start()

    def _run(self, fn, *args):
        try:
            self._value = fn(*args)
        except BaseException as exc:  # handed to the main thread
            self._error = exc

    def join(self) -> None:
        self._thread.join()

    def result(self):
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value


def _pages_will_run(sha256: str, out: str | Path | None, workbook: Path, full: bool) -> bool:
    """Whether reports are likely to run (so workers are worth starting before the workbook is
    parsed): a full run, no previous run into the folder, or another workbook file than its."""
    folder = Path(out).expanduser().resolve() if out else paths.REPORTS / workbook.stem
    before = (incremental.previous_manifest(folder).get("workbook") or {}).get("sha256")
    return full or before != sha256


def _rows(wb) -> int:
    """The data rows of every sheet of a workbook."""
    return sum(len(t) for t in dict.values(wb.tables))


def _return_freed_memory() -> None:
    """Hand the memory the loader freed back to the system: reading a large workbook peaks at several
    times its tables, and glibc keeps freed memory for the process (1.5 GB held through a whole run
    at 100,000 stakeholders and 500,000 ties), which the forked workers would inherit."""
    import gc

    gc.collect()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)


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
        raise BatchError(
            _("{name} has {n} error(s); fix them (see `partnerlab validate`)", name=path.name, n=len(errors))
        )
    return wb


def _exports(wb, staging: Path, out: Path, lang: str, previous: dict, processed: str = "") -> tuple[list[str], dict]:
    """The files for other tools under data/. The network files are copied from the previous run
    when what they read (exports.NETWORK_SHEETS, the about sheet) and the code are the same, else
    written anew (at 100,000 stakeholders, minutes); the workbook's tables and the README are
    written each time (they read every sheet, and are quick). Returns the files and what the
    manifest keeps for the next run ("exports_network")."""
    from partnerlab.exports import NETWORK_SHEETS

    key = incremental.job_key(wb, {}, Path(__file__).with_name("exports.py"), lang, list(NETWORK_SHEETS), _versions())
    kept = previous.get("run", {}).get("exports_network")
    network = None
    if (
        isinstance(kept, dict)
        and kept.get("key") == key
        and isinstance(kept.get("files"), list)
        and all(isinstance(f, str) and (out / "data" / f).is_file() for f in kept["files"])
    ):
        with outputdir.writing(out):
            for name in kept["files"]:
                (staging / "data" / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(out / "data" / name, staging / "data" / name)
        network = {"files": kept["files"], "nodes": kept.get("nodes", 0), "ties": kept.get("ties", 0)}
    files, written = _write_exports(wb, staging / "data", lang, processed, network)
    return files, ({"key": key, **written, "reused": network is not None} if written else {})


def _write_exports(
    wb, folder: Path, lang: str, processed: str = "", network: dict | None = None
) -> tuple[list[str], dict | None]:
    """The files of partnerlab.exports under folder (the network files too unless `network` says
    they are there already), with the network measures the network report left in the batch's
    folder of pre-parsed tables when it ran before (exports.kept_measures); a failure there is
    logged and never costs the reports. Returns the files (relative to folder's parent) and
    exports.write_network's result (None after a failure)."""
    from partnerlab.exports import kept_measures, write_network, write_tables

    try:
        if network is None:
            measures = kept_measures(processed)
            try:
                network = write_network(wb, folder, lang, measures=measures)
            except ValueError:  # measures of another graph: computed here instead
                if measures is None:
                    raise
                network = write_network(wb, folder, lang)
        files = write_tables(wb, folder, network, lang)
        return [f"{folder.name}/{f}" for f in files], network
    except Exception as exc:  # the reports are done: keep them, say what went wrong
        log.warning("exports under %s/ failed: %s: %s", folder.name, type(exc).__name__, exc)
        return [], None


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
            outputdir.remove(tmp)
        if exc.errno not in outputdir.STORAGE_ERRNOS:
            raise
        return _save_private(wb)
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        target.rename(old)
    tmp.rename(target)
    outputdir.remove(old)
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
                    job.notes = {
                        code: i18n.gettext(
                            "No earlier snapshot in {folder}/: the next run with --compare-to last "
                            "compares with this one.",
                            code,
                        ).format(folder=out.name)
                        for code in (*i18n.LANGUAGES, i18n.PSEUDO)
                    }
            return None
        from partnerlab.workbook import Workbook

        old = Workbook.load(previous)
        label = f"last ({old.name}, sha256 {old.sha256[:12]})"
    else:
        path = Path(compare_to).expanduser().resolve()
        if not path.is_file():
            raise BatchError(_("--compare-to: workbook not found: {path}", path=path))
        old = _check_workbook(path)
        label = str(path)
    folder = _save_processed(old)  # a copy outside `out`: the folder is swapped at the end
    as_of = _iso((getattr(old, "about", None) or {}).get("as_of")) or "—"
    for job in jobs:
        if job.report == "changes":  # a file, so that an incremental run sees when it changes
            job.params["compare_to"] = str(Path(folder) / "workbook.pkl")
            job.titles = {code: f"{title}: {old.name} ({as_of})" for code, title in job.titles.items()}
    return label


def _set_history(jobs: list[Job], history: str | Path | None) -> None:
    """Give the changes report the folder of snapshots to draw trends across (checked here: exit 2)."""
    if not history or not any(j.report == "changes" and not j.skipped for j in jobs):
        return
    import hashlib

    from partnerlab.changes import load_history

    folder = Path(history).expanduser().resolve()
    if not folder.is_dir():
        raise BatchError(_("--history: not a folder: {path}", path=folder))
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
            outputdir.remove(tmp)
        if exc.errno not in outputdir.STORAGE_ERRNOS:
            raise
        cause = os.strerror(exc.errno)
        raise BatchError(
            _(
                "cannot write the pre-parsed tables in {folder} nor in {tmp}: {cause}",
                folder=paths.DATA_PROCESSED,
                tmp=tempfile.gettempdir(),
                cause=f"{cause[:1].lower()}{cause[1:]}",
            )
        ) from exc
    return str(tmp)


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise BatchError(_("--out {path} is a file, not a folder", path=out))
    with outputdir.writing(out):
        has_files = out.is_dir() and any(out.iterdir())
    if has_files and not (out / "manifest.json").exists():
        raise BatchError(
            _(
                "{path} exists and is not a partnerlab output folder (no manifest.json); the run "
                "replaces its --out folder as a whole, so choose an empty or new one",
                path=out,
            )
        )
    if out == Path(out.anchor) or out == Path.home() or out == paths.ROOT:
        raise BatchError(_("refusing to replace {path}: choose a dedicated output folder", path=out))


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
        raise BatchError(
            _(
                "unknown report(s) for --only: {unknown}; known: {known}",
                unknown=", ".join(unknown),
                known=", ".join(sorted({j.report for j in jobs})),
            )
        )
    return [j for j in jobs if j.report in wanted or j.name in wanted]


def _describe(params: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in params.items()) or _("(all)")


def _cores() -> int:
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:
        return os.cpu_count() or 1


def _executor_name(executor, jobs) -> str:
    if executor is None:
        return f"processes ({jobs or _cores()})"
    return type(executor).__module__ + "." + type(executor).__name__


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
