"""Benchmark: the default batch the naive way versus `partnerlab run`, in the same run.

    .venv/bin/python benchmarks/bench_batch.py                 # the default batch on the sample
    .venv/bin/python benchmarks/bench_batch.py --only network  # a subset
    .venv/bin/python benchmarks/bench_batch.py --demo 12       # 12 copies of tests/notebooks/ok.ipynb

Naive: for each report, one after another, the papermill command line and then
`jupyter nbconvert --to html --no-input` (each notebook parses the workbook itself).
partnerlab: `partnerlab run` as a fresh process (interpreter start and imports included).
Prints both wall times, the ratio (target <= 0.3 on 2 cores) and per-report overhead:
naive papermill / nbconvert seconds, and partnerlab's kernel (start or reset), execution and
export seconds from manifest.json. Outputs go to benchmarks/out/ (git-ignored).

Then the incremental runs (issue 16), each timed as a fresh process into the same folder and
printed as a ratio of the full run measured just before: an unchanged re-run (target <= 0.05)
and a re-run after an edit of the action plan only (target <= 0.25); the slowest five
reports, and the pages' total and largest weight. `--no-naive` skips the naive loop (about
13 minutes on the sample).

Issue 16 (branch speed), 2026-11-30: `partnerlab run --only sector_diagnosis action_plan
stakeholder_map --jobs 2` on the sample, each page's "execute" seconds (wall, in its kernel)
from manifest.json; 2 cores shared with three other engineers, load average 2.5-4.6 (the
second "after" run also shared the machine with a 100,000-stakeholder network benchmark):

    pages                        before (809cbcc)              after (speed)
    sector_diagnosis, 12 pages   median 8.82 s, max 10.04 s,   median 4.45 / 3.97 s, max 4.89 / 6.83 s,
                                 sum 98.5 s                    sum 53.7 / 56.2 s
    action_plan, 5 pages         median 3.17 s, sum 16.2 s     median 1.97 / 1.75 s, sum 9.8 / 8.4 s
    stakeholder_map, 12 pages    median 1.24 s, sum 15.4 s     median 1.26 / 2.01 s, sum 15.5 / 26.0 s (unchanged code)

The same pages' code in one warm process costs 2.5-2.9 s of CPU after (bench_reports.py).

Whole default batch, 2026-11-30 18:00 UTC, quiet machine (nothing else running), 79 reports:
naive loop 459.8 s, partnerlab 59.5 s, ratio 0.129 (issue 16 asks <= 0.08: not met);
slowest execute 2.5 s (the sector diagnoses; median 0.93 s); unchanged re-run 2.1 s, ratio
0.036 (target <= 0.05: met; 79 pages reused); action-plan edit 31.2 s, ratio 0.524 (target
<= 0.25: not met: 42 pages re-run, because every page that shows consistency alerts reads the
action plan through the course_off_track rule; keying those pages by the alerts they show
rather than by the sheets behind them is the next step); pages 6.2 MB in all, largest 0.28 MB
(sector diagnosis; 1.5 MB before light PNGs and one figure per theme).

Same day, 21:14-21:18 UTC, after keying alert pages by the alerts they show (workbook.derived),
sharing the consistency results across a kernel's pages, papermill imported without the iri
grammars and data/ written during the reports; `--no-naive`, the machine shared with other
helpers (load average 3.1 at the start, 5.8 at the end, so wall times are 2-3 times a quiet
machine's): full 150.2 s; unchanged re-run 5.0 s, ratio 0.033 (79 reused); action-plan edit
33.4 s, ratio 0.222 (22 pages run: the 5 action-plan pages, the 15 partnership pages, whose
header fingerprint and courses of action cover the action plan, the overview and the
changes report; the 18 partner profiles, the network and due-diligence pages are reused, their
alerts and verdicts being unchanged); pages 6.2 MB, largest 0.28 MB. A partner profile's
execution went from 1.15 s to 0.45 s and a partnership page's from 1.1 s to 0.4 s (the alerts
are computed once per kernel instead of once per page). The naive loop was not re-measured:
against the quiet machine's 459.8 s, issue 16's 0.08 needs a full run of 37 s.

2026-12-01 02:54-03:17 UTC, branch speed, after: one kernel client per kernel (no channel set-up
and no 0.2 s IOPub flush per report), gc.freeze after each kernel reset (the reset's collection
~85 ms -> ~2 ms), one cache of text sizes per process (savefig's two passes measure each label
once), the export without nbconvert's BeautifulSoup pass, adjustText's grid at 200 iterations,
and palette PNGs for the figures in a page's own markup. Whole default batch (79 reports, en),
the machine shared with three other helpers, load average 6.3-6.6 during the naive loop and
6.6-9.1 during partnerlab's runs:

    naive loop          1083.6 s wall, 495.4 s CPU (papermill CLI 8.9 s, nbconvert CLI 3.9 s a report, medians)
    partnerlab full      131.9 s wall,  70.6 s CPU   wall ratio 0.122, CPU ratio 0.142
    unchanged re-run       4.3 s wall               0.032 of the full run (79 reused)
    action-plan edit      42.7 s wall               0.324 of the full run (22 run, 57 reused); by CPU
                                                    20.9 / 70.6 = 0.30 in a run of its own at load 5-7
    pages                6.8 MB in all (12.1 MB before this pass: the survey cards' figures were
                         RGBA PNGs), largest network 441 kB, then sector_diagnosis 301 kB
    slowest by the kernel's CPU seconds: network 2.73 s, sector_diagnosis 1.98 s, a sector's
                         diagnosis 1.77-1.85 s (none over 3 s); in the kernels: sector diagnosis
                         21.3 s of 58 s for its 12 pages, stakeholder map 8.7, action plan 5.6

Against issue 16 on a quiet machine: the naive loop takes about its CPU seconds (459.8 s measured
quiet on 2026-11-30) and partnerlab about half of its 63-71 CPU seconds on 2 cores plus 4-6 s of
work only one process does (parsing and keying the workbook and starting the kernels before the
first report, findings.xlsx and the index after the last): 36-41 s, a ratio of 0.08-0.09, not
demonstrated. The action-plan edit's ratio rose because the full run fell and the edit run's
fixed part did not: 22 pages cost 10 s of kernel CPU, its other 11 s are the start (interpreter,
parsing, keys, two kernels' imports, about 5 s of them), data/ and findings.xlsx written again.
Where the rest of the full run's time goes: the 216 survey charts of the 12 sector diagnosis
pages (building 30 ms and savefig 45 ms each, about 1.3 s of a page's 1.6-1.9 s), the two
kernels' start (about 2.5 s of CPU each), 0.1 s a page of export.

03:20 UTC, after the roles heatmap left seaborn (a kernel's start 1.7 -> 1.0 s of CPU), `--no-naive`,
load average 4.5-6.0: full 73.8 s wall, 64.3 s CPU; unchanged re-run 2.2 s, 0.030 (CPU 0.015);
action-plan edit 27.5 s, 0.372 of the full run's wall and 0.295 of its CPU (19.0 s: 22 pages'
kernels 10 s; keying the pages by their sheets and derived results 2.5-3.5 s, parsing 1.3-1.9 s
and findings.xlsx 2.5-3 s in the batch's own process, profiled). Not met: after the full run got
faster, an edit run's serial part (parse, keys, findings) weighs more. Since then the kernels
start while the pages are keyed when the workbook's file changed (not measured apart: the load
hid it). Next: the reused pages' kept tables read for findings.xlsx while the changed pages run
(they are read after the last one), and the alerts the keys need handed to the kernels rather
than computed again in each.

2026-12-01 06:03-06:13 UTC, quiet machine (load average 1.0-2.0), main after: partnership pages
keyed by their own rows, action-plan pages by their year's rows (derived reads), the run details'
fingerprint of the data read, workers forked before the workbook is parsed (the "kernels start
while the pages are keyed" above had never happened: a fork pool forks at its first job), the
overview beside the other pages, find_alerts' screenings grouped once (0.9 -> 0.16 s), figures
drawn once (plots/render.py), data/ streamed (xmlwrite.py); `--lang es`, 79 reports:

    naive loop          440.3 s wall, 424.7 s CPU
    partnerlab full      29.9 s wall,  55.7 s CPU   wall ratio 0.068 (issue 16: <= 0.08, met)
    unchanged re-run      0.8 s                     0.025 of the full run (<= 0.05, met)
    action-plan edit      5.6 s, 9.1 s CPU          0.189 of the full run (<= 0.25, met): 4 pages
                                                    run (the plan's page, 2022's, changes, overview)
    slowest by the kernel's CPU: sector_diagnosis 1.52 s (none over 3 s, met)
    pages                7.0 MB in all, largest network 444 kB, then sector_diagnosis 308 kB

The bench's edit is the first row's progress, a course planned for 2022 only. An edit of a
course planned every year (row 3, 1.2) re-runs the five action-plan pages, changes and the
overview: 7.23 s after two --full runs of 30.15 and 29.60 s, 0.24 (measured at 06:14, same
machine, by hand). Its timeline (quiet, 7 pages): imports 0.36 s, papermill imported and the
workers forked at 0.70 s, parsed at 0.96 s, keyed at 1.82 s, kernels ready at 2.42 s, the 7 pages
until 6.49 s, findings.xlsx and the index until 6.98 s.

2026-12-01 10:36-10:46 UTC, quiet machine (load average 0.6-1.2), main at 54089da: the sector
diagnosis charts drawn a card wide (plots.survey._fit: more layout passes per chart), data/'s
network files reused when their sheets are unchanged, findings.xlsx streamed (xmlwrite);
`--lang es`, 79 reports:

    naive loop          355.4 s wall, 337.2 s CPU
    partnerlab full      22.6 s wall,  42.4 s CPU   wall ratio 0.064 (issue 16: <= 0.08, met)
    unchanged re-run      0.7 s                     0.030 of the full run (<= 0.05, met)
    action-plan edit      4.1 s, 6.6 s CPU          0.181 of the full run (<= 0.25, met): 4 pages run
    slowest by the kernel's CPU: sector_diagnosis 1.23 s (none over 3 s, met)
    pages                7.0 MB in all, largest network 444 kB, then sector_diagnosis 309 kB

The edit of a course planned every year (row 3, 1.2; 7 pages run), by hand right after: 5.38 s
(9.3 s CPU) against --full runs of 24.01 and 23.59 s, 0.22-0.23.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from partnerlab import batch, paths
from partnerlab.report_catalogue import Job, default_batch

OUT = paths.ROOT / "benchmarks" / "out"
BIN = Path(sys.executable).parent
CPU: dict[str, float] = {}  # CPU seconds of the naive loop and of the full partnerlab run
LOADS: list[str] = []  # load average before -> after each partnerlab run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workbook", type=Path, default=paths.SAMPLE_WORKBOOK)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--jobs", type=int, default=None, help="partnerlab workers (default: one per core)")
    parser.add_argument("--only", nargs="+", default=None, help="report keys or names to keep")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive loop")
    parser.add_argument(
        "--demo",
        type=int,
        default=0,
        metavar="N",
        help="run N copies of tests/notebooks/ok.ipynb instead of the default batch",
    )
    args = parser.parse_args(argv)

    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    jobs, workbook = _plan(args)
    runnable = [j for j in jobs if not j.skipped]
    print(
        f"{len(runnable)} reports ({len(jobs) - len(runnable)} skipped) on {workbook.name}, "
        f"{batch._cores()} cores, lang {args.lang}"
    )
    if not runnable:
        print("nothing to run")
        return 1

    naive_wall, naive = (None, {}) if args.no_naive else _run_naive(runnable, workbook, args.lang)
    if not args.demo:  # the incremental runs edit a copy: the original stays as it is
        shutil.copy(workbook, OUT / workbook.name)
        workbook = OUT / workbook.name
    ours_wall, manifest = _run_partnerlab(args, workbook)
    _report(runnable, naive_wall, naive, ours_wall, manifest)
    if not args.demo:
        _incremental(args, workbook, ours_wall)
    _weights(OUT / "partnerlab", manifest)
    return 0


def _plan(args) -> tuple[list[Job], Path]:
    if args.demo:
        workbook = OUT / "demo-input.txt"
        workbook.write_text("demo")
        ok = paths.ROOT / "tests" / "notebooks" / "ok.ipynb"
        return [
            Job(f"demo{i:02d}", "ok", ok, {"en": f"Demo {i}"}, {"label": str(i)}) for i in range(args.demo)
        ], workbook
    from partnerlab.workbook import load_workbook

    workbook = args.workbook.resolve()
    jobs = batch._select(default_batch(load_workbook(workbook)), args.only)
    return jobs, workbook


def _children_cpu() -> float:
    """CPU seconds (user + system) of every finished child process of this one, and theirs."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def _run_naive(jobs: list[Job], workbook: Path, lang: str) -> tuple[float, dict]:
    folder = OUT / "naive"
    folder.mkdir()
    per_report = {}
    load0, cpu0 = _load(), _children_cpu()
    t0 = time.perf_counter()
    for job in jobs:
        executed = folder / f"{job.name}.ipynb"
        params = {"workbook": str(workbook), "lang": lang, "processed": "", **job.params}
        if job.needs_listing:
            params["batch"] = ""
        cmd = [str(BIN / "papermill"), str(job.notebook), str(executed), "--no-progress-bar"]
        for key, value in params.items():
            cmd += ["-r" if isinstance(value, str) else "-p", key, str(value)]
        t1 = time.perf_counter()
        pm = subprocess.run(cmd, capture_output=True, text=True, env=_naive_env())
        t2 = time.perf_counter()
        nc = subprocess.run(
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)],
            capture_output=True,
            text=True,
        )
        t3 = time.perf_counter()
        per_report[job.name] = {
            "papermill": t2 - t1,
            "nbconvert": t3 - t2,
            "ok": pm.returncode == 0 and nc.returncode == 0,
        }
        if pm.returncode:
            print(f"  naive: {job.name} failed: {pm.stderr.strip().splitlines()[-1:]}")
    wall = time.perf_counter() - t0
    CPU["naive"] = _children_cpu() - cpu0
    print(f"naive loop: {wall:.1f} s wall, {CPU['naive']:.1f} s CPU, load average {load0} -> {_load()}")
    return wall, per_report


def _naive_env() -> dict:
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)  # same footing: with Agg the naive reports would have no figures
    return env


def _run_partnerlab(args, workbook: Path) -> tuple[float, dict]:
    out = OUT / "partnerlab"
    cmd = [
        sys.executable,
        "-m",
        "partnerlab.batch",
        "--out",
        str(out),
        "--lang",
        args.lang,
        "--workbook",
        str(workbook),
        "--no-progress",
    ]
    if args.jobs:
        cmd += ["--jobs", str(args.jobs)]
    if args.only:
        cmd += ["--only", *args.only]
    if args.demo:  # the test notebooks are no default batch: same runner, explicit job list
        cmd = [
            sys.executable,
            "-c",
            _DEMO.format(n=args.demo, out=str(out), wb=str(workbook), jobs=args.jobs, lang=args.lang),
        ]
    load0, cpu0 = _load(), _children_cpu()
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        print(proc.stderr)
        raise SystemExit(f"partnerlab run exited {proc.returncode}")
    CPU["partnerlab"] = _children_cpu() - cpu0  # the batch, its workers and their kernels
    LOADS.append(f"{load0} -> {_load()}")
    return wall, json.loads((out / "manifest.json").read_text())


def _report(jobs, naive_wall, naive, ours_wall, manifest) -> None:
    ours = {r["name"]: r for r in manifest["reports"]}
    print()
    print(f"{'report':<42} {'naive papermill':>15} {'nbconvert':>10} | {'kernel':>7} {'execute':>8} {'export':>7}")
    for job in jobs:
        n, o = naive.get(job.name, {}), ours.get(job.name, {})
        t = o.get("timings") or {}
        print(
            f"{job.name:<42} {n.get('papermill', 0):>14.2f}s {n.get('nbconvert', 0):>9.2f}s | "
            f"{t.get('kernel', 0):>6.2f}s {t.get('execute', 0):>7.2f}s {t.get('export', 0):>6.2f}s"
            f"{'' if o.get('status') == 'ok' else '  (' + str(o.get('status')) + ')'}"
        )
    pm = [v["papermill"] for v in naive.values()]
    nc = [v["nbconvert"] for v in naive.values()]
    timings = [r["timings"] for r in manifest["reports"] if r.get("timings")]
    print()
    if pm:
        print(
            f"naive, per report (median): papermill CLI {statistics.median(pm):.2f} s "
            f"(interpreter + kernel start + imports + execution), nbconvert CLI {statistics.median(nc):.2f} s"
        )
    if timings:
        print(
            "partnerlab, per report (median): "
            + ", ".join(
                f"{k} {statistics.median(t[k] for t in timings):.2f} s" for k in ("kernel", "execute", "export")
            )
            + f"; kernel cold starts: {sum(t['kernel'] > 0.5 for t in timings)}"
        )
    print(f"partnerlab: {manifest['summary']}, workers: {manifest['run']['executor']}")
    print()
    slowest = sorted(
        (r for r in manifest["reports"] if r.get("timings")), key=lambda r: -r["timings"].get("execute", 0)
    )
    print(
        "slowest five (execute, wall in its kernel; CPU): "
        + ", ".join(
            f"{r['name']} {r['timings']['execute']:.1f} s; {r['timings'].get('execute_cpu', 0):.1f} s"
            for r in slowest[:5]
        )
    )
    by_cpu = sorted(timings, key=lambda t: -t.get("execute_cpu", 0))
    if by_cpu and "execute_cpu" in by_cpu[0]:
        cpu_names = sorted(
            (r for r in manifest["reports"] if r.get("timings")), key=lambda r: -r["timings"].get("execute_cpu", 0)
        )
        print(
            "slowest five by the kernel's CPU seconds (robust to other work on the machine; issue 16: none over 3 s): "
            + ", ".join(f"{r['name']} {r['timings']['execute_cpu']:.2f} s" for r in cpu_names[:5])
        )
    print(f"partnerlab wall time:  {ours_wall:8.1f} s  ({CPU.get('partnerlab', 0):.1f} s CPU, load average {LOADS[0]})")
    if naive_wall is not None:
        print(f"naive wall time:       {naive_wall:8.1f} s  ({CPU.get('naive', 0):.1f} s CPU)")
        print(f"ratio partnerlab/naive: {ours_wall / naive_wall:7.3f}   (target <= 0.3, aim 0.2; issue 16: <= 0.08)")
        if CPU.get("naive"):
            print(
                f"CPU ratio partnerlab/naive: {CPU['partnerlab'] / CPU['naive']:.3f}; on a quiet machine the naive "
                f"loop (one process at a time) takes about its CPU seconds and partnerlab about half of its own on "
                f"{batch._cores()} cores: estimated quiet ratio {CPU['partnerlab'] / batch._cores() / CPU['naive']:.3f}"
            )


def _incremental(args, workbook: Path, full_wall: float) -> None:
    """Unchanged re-run, then a re-run after an action-plan edit, into the same folder."""
    import openpyxl

    full_cpu = CPU.get("partnerlab", 0.0)
    unchanged_wall, m1 = _run_partnerlab(args, workbook)
    unchanged_cpu = CPU["partnerlab"]
    book = openpyxl.load_workbook(workbook)
    ws = next((w for w in book.worksheets if w.title in ("action_plan", "plan_accion")), None)
    if ws is None:
        print("no action plan sheet: the edit re-run is left out")
        return
    header = [c.value for c in ws[1]]
    col = next(i for i, h in enumerate(header, start=1) if str(h).startswith(("progress", "avance")))
    ws.cell(2, col).value = 1 if ws.cell(2, col).value != 1 else 2
    book.save(workbook)
    edit_wall, m2 = _run_partnerlab(args, workbook)
    edit_cpu = CPU["partnerlab"]
    reused = [sum(bool(r.get("reused")) for r in m["reports"]) for m in (m1, m2)]
    ran = [sum(r["status"] == "ok" and not r.get("reused") for r in m["reports"]) for m in (m1, m2)]
    print()
    print(
        f"unchanged re-run:      {unchanged_wall:8.1f} s  ratio to the full run {unchanged_wall / full_wall:.3f} "
        f"(target <= 0.05); {reused[0]} pages reused, {ran[0]} run; load average {LOADS[1]}; "
        f"CPU {unchanged_cpu:.1f} s, {unchanged_cpu / full_cpu:.3f} of the full run's"
    )
    print(
        f"action-plan edit:      {edit_wall:8.1f} s  ratio to the full run {edit_wall / full_wall:.3f} "
        f"(target <= 0.25); {reused[1]} pages reused, {ran[1]} run; load average {LOADS[2]}; "
        f"CPU {edit_cpu:.1f} s, {edit_cpu / full_cpu:.3f} of the full run's"
    )


def _weights(out: Path, manifest: dict) -> None:
    """Total and largest page (issue 16: under 8 MB in all, none over 600 kB but the network's),
    and per kind of report: pages, execution CPU seconds, kB in all and of the largest page."""
    pages = sorted(out.glob("*.html"), key=lambda p: -p.stat().st_size)
    if not pages:
        return
    total = sum(p.stat().st_size for p in pages)
    report_of = {r["name"]: r for r in manifest["reports"]}
    others = [p for p in pages if report_of.get(p.stem, {}).get("report") != "network" and p.name != "index.html"]
    print(
        f"pages: {len(pages)}, {total / 2**20:.1f} MB in all (issue 16: < 8 MB), largest {pages[0].name} "
        f"{pages[0].stat().st_size / 1024:.0f} kB; largest but the network's: "
        + (f"{others[0].name} {others[0].stat().st_size / 1024:.0f} kB (issue 16: <= 600 kB)" if others else "none")
    )
    kinds: dict[str, list] = {}
    for rec in manifest["reports"]:
        page = out / f"{rec['name']}.html"
        size = page.stat().st_size if page.is_file() else 0
        k = kinds.setdefault(rec.get("report") or rec["name"], [0, 0.0, 0.0, 0, 0])
        k[0] += 1
        k[1] += (rec.get("timings") or {}).get("execute_cpu", 0)
        k[2] += (rec.get("timings") or {}).get("execute", 0)
        k[3] += size
        k[4] = max(k[4], size)
    print(f"  {'report':<20} {'pages':>5} {'CPU s':>7} {'wall s':>7} {'kB':>7} {'max kB':>7}")
    for name, (n, cpu, wall, size, largest) in sorted(kinds.items(), key=lambda kv: -kv[1][1]):
        print(f"  {name:<20} {n:>5} {cpu:>7.1f} {wall:>7.1f} {size / 1024:>7.0f} {largest / 1024:>7.0f}")


_DEMO = """
from pathlib import Path
from partnerlab import batch, paths
from partnerlab.report_catalogue import Job
batch._check_workbook = lambda path: None  # the demo input is no workbook
ok = paths.ROOT / "tests" / "notebooks" / "ok.ipynb"
jobs = [Job(f"demo{{i:02d}}", "ok", ok, {{"en": f"Demo {{i}}"}}, {{"label": str(i)}}) for i in range({n})]
batch.run_batch("{wb}", "{out}", job_list=jobs, jobs={jobs}, lang="{lang}", progress=False)
"""


if __name__ == "__main__":
    sys.exit(main())
