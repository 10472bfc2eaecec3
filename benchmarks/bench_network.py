"""Benchmark: loading plus the network report's measures and figures at 1,000-10,000 stakeholders.

Run: ``.venv/bin/python benchmarks/bench_network.py [--sizes 1000 5000 10000] [--notebook]``.
Each size runs in a fresh child process, so the peak memory (ru_maxrss) is that size's own.
With ``--notebook`` it also runs notebooks/network.ipynb on the same workbook with papermill
(the report as users get it) and prints its seconds and the kernel's peak memory.
Prints wall seconds per step, CPU seconds (robust to other jobs on a shared machine, with
the load average at the end), the peak memory and the growth ratio of the two largest sizes
against n log n. Target (issue 3): 10,000 stakeholders and 50,000 ties in under 60 s with
peak memory under 2 GB.

Measured 2026-11-25 (commit dee7d85, 2 cores shared with other jobs, load average about 3;
at load 7-13 the 10k notebook took 112 s wall for the same 20 s of CPU):

    n       ties    in-process wall   notebook wall / CPU   peak RSS (process / kernel)
    1,000   5,000    1.8 s             8.3 s /  5.7 s       168 MB / 191 MB
    5,000  25,000   10.7 s            13.4 s / 11.4 s       244 MB / 265 MB
   10,000  50,000   20.2 s            27.0 s / 19.0 s       350 MB / 377 MB
    growth 5k -> 10k: wall x1.89 in-process, x2.01 notebook (CPU x1.66); n log n x2.16

100,000 stakeholders and 500,000 ties (``--stages 100000``, measured 2026-11-30 on branch
speed, network code as 809cbcc; 2 cores shared with three other engineers, load average
2.9-5.3 during the run, so wall is 1.5-5 times CPU). A workbook of that size cannot be
loaded (the ties sheet is over the loader's 200,000-row limit, partnerlab.workbook.LIMITS),
so the stages run on the synthetic tables in memory; 931,316 arcs after merging:

    stage               run 1: CPU s  wall s  peak RSS   run 2: CPU s  wall s  peak RSS
    synthetic tables           5.2    24.9    363 MB          4.3     5.2    362 MB
    data frames                0.7     2.4    393 MB          0.5     1.0    393 MB
    graph                     19.5    79.1   1187 MB         14.9    15.4   1187 MB
    centrality                87.1   203.1   2074 MB         81.2   157.3   2183 MB   (betweenness from 1,000 sources, PageRank)
    brokerage                 17.7    26.3   2074 MB         15.6    44.6   2183 MB
    brokerage_summary          0.3     0.3   2074 MB          0.2     0.3   2183 MB
    ei+perm (500)              7.5    24.1   2074 MB          5.9    11.2   2183 MB
    constraint                12.9    27.0   2074 MB         10.7    15.2   2183 MB
    communities               92.4   459.0   2074 MB         52.2    75.3   2183 MB   (networkx Louvain)
    community_mix              0.1     0.1   2074 MB          0.0     0.0   2183 MB
    components                45.1    86.5   2074 MB         38.3    38.3   2183 MB   (components, isolates, bridges)
    findings                   0.4     2.1   2074 MB          0.2     0.2   2183 MB
    figures                   31.4   107.4   2074 MB         17.8    17.8   2183 MB   (sector view: no layout is run)
    total CPU                321.5 s, load 2.9-5.3           242.8 s, load 1.5-4.6

Run 1 is the network code of 809cbcc, run 2 the faster ``to_undirected`` of branch speed (the
same graph; 11.1 s of CPU per call at 100,000 before, called by most stages). Only that
changed between the runs, yet stages that do not call it moved too (graph 19.5 -> 14.9 s;
communities, one call, 92 -> 52 s): the load of the shared machine inflates CPU seconds, so
read the two columns as a range. The peak grew by about 100 MB in run 2 (probably the merged
pairs, held while the undirected graph is built).

The 4 GB bound holds with room (the peak is set by the centrality stage: betweenness works
on dense n x 128 arrays per batch of sources, about 100 MB each at 100,000 nodes). The
longest stages are Louvain communities and betweenness. Against the 10,000 notebook's 19 s
of CPU above (loading included: not the same measure), the 100,000 analysis takes x13-17
(n log n would be x12.5); the 10,000 stages were not measured separately on this day.

End to end (`--batch`, issue 16): since the ties sheet may hold up to Excel's maximum rows
(LIMITS["max_rows_by_sheet"]), `partnerlab run --only network` loads a 100,000 / 500,000
workbook (17.9 MB, written in 4 min by make_synthetic_workbook). First attempt, 2026-11-30
21:41-22:33 UTC, at load average 10-27: hit its --timeout 3000 before the report's end. Why, found
2026-12-01: planning the batch was quadratic (entity_label built the id -> name map of all
stakeholders for every page title: 16.5 s of CPU at 10,000, most of an hour at 100,000, before
any report started), and so were the consistency verdicts the page reads (alerts_for scanned
every alert per stakeholder); the cyclic garbage collector took half the CPU of building the
graph and its undirected copy (millions of dicts and sets), and networkx's Louvain 52 s.

Measured 2026-12-01 on 2 cores shared with three other helpers (wall is 2-3 times CPU here;
CPU is all processes of the run, the batch's phases are its own process):

                            10,000 / 50,000       100,000 / 500,000     100,000 / 500,000
    commit                  d2f2634               f4ff5c1 (verdicts     8d16d4d
                                                  still quadratic)
    load average            5.4-6.3               4.4-9.2 (mean 6.7)    1.7-11.0 (mean 6.0)
    wall / CPU              96 s / 40 s           1,620 s / 650 s       742 s / 398 s
    peak memory (PSS, all)  0.80 GB               4.96 GB               4.98 GB, in data/ (below)
    load and validate       10.4 s (CPU 1.7)      79.5 s (CPU 19.7)     104.9 s (CPU 19.7)
    plan the jobs           0.3 s                 4.7 s                 2.1 s (was most of an hour)
    pre-parse               0.0 s                 3.4 s                 1.8 s
    the report (notebook)   25.5 s (17.9 s)       832 s (819 s)         322 s (311 s)
      measures cell         14.8 s                793 s                 286 s
      network cell          0.6 s                 13.3 s                12.3 s
    findings.xlsx           10.5 s (CPU 4.8)      95 s (CPU 22)         49 s (CPU 21; 8.2 MB)
    data/ for other tools   76 s (CPU 25; a       568 s (CPU 252)       246 s (CPU 220); GEXF
                            thread beside the                           279 MB, GraphML 208 MB,
                            report)                                     all data/ 595 MB
    network.html            0.14 MB               0.21 MB               0.21 MB

The measures cell builds the graph and computes centrality, brokerage, E-I, communities and the
consistency verdicts. The same 10,000 batch at 2667268 (before this work, load 2.7-7.8): 182 s
wall, 0.94 GB; the batch outside the report 82 s, the notebook 96 s (measures cell 45 s). The
100,000 measures in one process (same day, f4ff5c1 code but the verdicts; CPU s): load 20, graph
19 (7 with the collector paused), centrality 93 (betweenness from 1,000 sources, PageRank),
brokerage 14, E-I with 500 shuffles 7, communities 7 (igraph Louvain; networkx's took 52 s,
modularity 0.433 against igraph's 0.432 on the same graph), peak 2.3 GB.

The 4 GB bound does not hold for the whole run: its peak, 4.98 GB 638 s into the run, is the
batch process alone writing data/
(partnerlab/exports.py): networkx's GEXF and GraphML writers hold the XML tree of all 930,000
arcs in memory. Streaming those two files (or leaving them out above a size) is what remains.
The peak before data/ (load, report) was not recorded on that run; since then each phase's own
peak is printed (in one process the measures peaked at 2.3 GB).

2026-12-01 04:00 UTC, after data/ stopped writing network.gexf and network.graphml above 50,000
stakeholders (exports.XML_MAX_STAKEHOLDERS; measured alone, networkx's GEXF writer took the batch
process from 1.8 to 4.1 GB on this workbook), c21c2f6, load average 1.0-3.9 (mean 2.9):
100,000 / 500,000: ok, wall 415.5 s, CPU 308.1 s, peak 2.76 GB PSS of all processes (RSS sum
3.36 GB), set by the report's kernel (2.14 GB); load and validate 17.8 s, the report 134.9 s (its
measures cell 123.8 s), findings.xlsx 22.9 s, data/ 217.3 s (peak 2.63 GB; it computes the
centralities again for its node table: sharing the report's would save most of it), files:
network.html 0.21 MB, findings.xlsx 8.16 MB, data/ 129.8 MB. 10,000 / 50,000 at load 2.5-2.9:
wall 33.9 s, CPU 35.8 s, peak 0.74 GB; the report 13.8 s, findings.xlsx 13.7 s, data/ 28.7 s.

2026-12-01 05:00-05:40 UTC, data/ streamed (partnerlab.xmlwrite: network.gexf as GEXF 1.3,
network.graphml and kumu.xlsx written element by element; the node table takes the measures by
column) and written whole at every size (no XML limit any more). Before = a89540f (XML files left
out above 50,000), after = 85bbbcd, each with ``--batch 10000 100000`` on the same workbooks. The
2 cores were shared with two other helpers and the lead (the before run also beside a profiling
run of mine at 100,000), so the wall seconds of data/ say little; read its CPU seconds:

                                      before                       after
    10,000: load average              1.1-2.2                      5.2-6.1
      data/ wall / CPU                37.6 s / 25.3 s              44.5 s / 13.1 s
      peak memory (PSS, all)          0.89 GB                      0.75 GB
      data/ size                      58.7 MB                      58.8 MB
    100,000: load average             2.4-8.7                      2.9-7.8
      data/ wall / CPU                1,118.8 s / 221.2 s          232.1 s / 131.2 s
      peak during data/ (PSS, all)    2.66 GB                      2.63 GB
      data/ size                      129.8 MB (no GEXF, GraphML)  595.7 MB (GEXF and GraphML included)
      peak of the run (PSS, all)      2.78 GB (the report's kernel) 2.76 GB (the report's kernel)

So the 4 GB bound holds with the XML files written: data/'s own peak is below the report's.
The exports alone in one process at 100,000, side by side at load 1.2-2.2 (``bench_io.py
--workbook benchmarks/out/network/synthetic_100000_5.xlsx --no-import``; its docstring has the
steps): before (networkx's writers forced above the limit) 234.9 s CPU, peak RSS 4.64 GB; after
108.7 s CPU, peak RSS 2.33 GB, the workbook loaded included. Of the 108.7 s, 68.9 are the network
measures, the network report's own computed again: ``write_exports(..., measures=...)`` takes
the report's tables (see partnerlab/exports.py), which would leave about 40 s of CPU.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # samples/ (the generators) sits beside partnerlab, not in it


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--ties", type=float, default=5, help="ties per stakeholder")
    parser.add_argument("--notebook", action="store_true", help="also time the network notebook with papermill")
    parser.add_argument(
        "--stages",
        type=int,
        metavar="N",
        help="only the analysis stages at N stakeholders, from synthetic tables in memory (no "
        "workbook: 500,000 ties exceed the loader's 200,000-row limit), printing CPU and wall "
        "seconds and the peak memory after each stage, e.g. --stages 100000",
    )
    parser.add_argument(
        "--batch",
        type=int,
        nargs="+",
        metavar="N",
        help="the network report end to end as users run it, `partnerlab run --only network` on a "
        "synthetic workbook of N stakeholders (written once into benchmarks/out/), printing the "
        "wall time, where it goes (the batch's phases and each notebook cell) and the peak "
        "memory of all its processes, e.g. --batch 10000 100000",
    )
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    if sys.argv[1:2] == ["--timed-run"]:  # the child of --batch: partnerlab run with its phases timed
        raise SystemExit(_timed_run(sys.argv[2], sys.argv[3:]))
    args = parser.parse_args()
    if args.batch:
        for n in args.batch:
            _run_batch(n, args.ties)
        return
    if args.stages:
        _run_stages(args.stages, args.ties)
        return
    if args.child:
        print(json.dumps(_run_size(args.child, args.ties, args.notebook)))
        return

    results = []
    for n in args.sizes:
        cmd = [sys.executable, __file__, "--child", str(n), "--ties", str(args.ties)] + (
            ["--notebook"] if args.notebook else []
        )
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
        res = json.loads(out)
        results.append(res)
        steps = "  ".join(f"{k} {v:.2f}" for k, v in res["steps"].items())
        print(
            f"n={n:>6,} ties={res['ties']:>7,} arcs={res['arcs']:>7,}  total {res['total']:6.2f} s  "
            f"(analysis {res['analysis']:.2f} s)  peak {res['peak_mb']:7.1f} MB  "
            f"betweenness {'approximate' if res['approximate'] else 'exact'}"
        )
        print(f"          {steps}")
        if res["notebook"] is not None:
            print(
                f"          notebook (papermill, load + report + figures) {res['notebook']:.2f} s "
                f"(CPU {res.get('notebook_cpu') or 0:.2f} s), kernel peak {res['notebook_peak_mb']:.1f} MB"
            )
        if "cpu" in res:
            print(
                f"          CPU seconds of the in-process run {res['cpu']:.2f} (with writing the workbook); "
                f"load average {res['load']:.1f} on {os.cpu_count()} cores"
            )
    if len(results) >= 2:
        a, b = results[-2], results[-1]
        nlogn = (b["n"] * math.log(b["n"])) / (a["n"] * math.log(a["n"]))
        nb = (
            f", notebook x{b['notebook'] / a['notebook']:.2f} (CPU x{b['notebook_cpu'] / a['notebook_cpu']:.2f})"
            if a["notebook"] and b["notebook"]
            else ""
        )
        nb += f", in-process CPU x{b['cpu'] / a['cpu']:.2f}"
        print(
            f"growth {a['n']:,} -> {b['n']:,}: total x{b['total'] / a['total']:.2f}, "
            f"analysis x{b['analysis'] / a['analysis']:.2f}{nb}; n log n x{nlogn:.2f} (linear x{b['n'] / a['n']:.2f})"
        )


def _run_size(n: int, ties_per: float, notebook: bool) -> dict:
    import matplotlib

    matplotlib.use("Agg")

    from partnerlab import network as net
    from partnerlab.workbook import load_workbook
    from samples.synthetic import make_synthetic_workbook

    tmp = Path(tempfile.mkdtemp(prefix="bench_network_"))
    path = make_synthetic_workbook(tmp / f"synthetic_{n}.xlsx", n, ties_per_stakeholder=ties_per, seed=0)
    steps: dict[str, float] = {}
    t0 = time.perf_counter()

    def step(name: str, fn):
        start = time.perf_counter()
        value = fn()
        steps[name] = time.perf_counter() - start
        return value

    wb = step("load", lambda: load_workbook(path))
    g = step("graph", lambda: net.build_tie_graph(wb))
    t_analysis = time.perf_counter()
    cent = _report_stages(g, step, lambda fig: fig.savefig(tmp / "fig.png", dpi=100))
    analysis = time.perf_counter() - t_analysis
    total = time.perf_counter() - t0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime  # includes writing the synthetic workbook (not in total)
    nb_seconds = nb_peak = nb_cpu = None
    if notebook:  # the report as users get it: papermill runs notebooks/network.ipynb in a fresh kernel
        start = time.perf_counter()
        _notebook(path, tmp)
        nb_seconds = time.perf_counter() - start
        # the largest reaped descendant (the kernel, reaped by papermill), Linux ru_maxrss in kB
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        nb_peak = children.ru_maxrss / 1024
        nb_cpu = children.ru_utime + children.ru_stime  # papermill and its kernel
    return {
        "notebook": nb_seconds,
        "notebook_peak_mb": nb_peak,
        "notebook_cpu": nb_cpu,
        "cpu": cpu,
        "load": os.getloadavg()[0],
        "n": n,
        "ties": len(wb.ties),
        "arcs": g.number_of_edges(),
        "steps": steps,
        "total": total,
        "analysis": analysis,
        "approximate": bool(cent.attrs.get("betweenness_approximate")),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _run_stages(n: int, ties_per: float) -> None:
    """Each stage of the network report on n stakeholders, timed, with the running peak memory."""
    import datetime as dt

    import matplotlib

    matplotlib.use("Agg")
    import pandas as pd

    from partnerlab import network as net
    from samples.synthetic import synthetic_tables

    def stage(name: str, fn):
        c0, w0 = time.process_time(), time.perf_counter()
        value = fn()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{name:<18} CPU {time.process_time() - c0:8.2f} s  wall {time.perf_counter() - w0:8.2f} s  "
            f"peak so far {peak:8.0f} MB  load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        return value

    rows = stage("synthetic tables", lambda: synthetic_tables(n, ties_per, seed=0))
    tables = stage("data frames", lambda rows=rows: {k: pd.DataFrame(v) for k, v in rows.items()})
    tables["about"] = {"as_of": dt.date(2025, 6, 30)}
    del rows
    g = stage("graph", lambda: net.build_tie_graph(tables))
    print(f"{len(g):,} stakeholders, {g.number_of_edges():,} arcs", flush=True)
    cent = _report_stages(g, stage, lambda fig: fig.savefig(io.BytesIO(), format="png", bbox_inches="tight"))
    print(
        f"betweenness {'approximate' if cent.attrs.get('betweenness_approximate') else 'exact'}; "
        f"total CPU {time.process_time():.1f} s",
        flush=True,
    )


def _report_stages(g, timed, save):
    """The analyses and figures of the network report on g, each through timed(name, fn); save(fig)
    renders a figure. Returns the centrality table (it says whether betweenness was sampled)."""
    import matplotlib.pyplot as plt

    from partnerlab import network as net
    from partnerlab.plots import network as pn

    cent = timed("centrality", lambda: net.centrality_table(g))
    roles = timed("brokerage", lambda: net.brokerage_roles(g, "sector"))
    timed("brokerage_summary", lambda: net.brokerage_summary(g, "sector", roles=roles))
    ei = timed("ei+perm", lambda: net.ei_index(g, "sector", permutations=500, seed=0))  # as the notebook
    timed("constraint", lambda: net.constraint(g))
    members = timed("communities", lambda: net.communities(g, seed=0))
    timed("community_mix", lambda: net.community_mix(members))
    timed("components", lambda: (net.components(g), net.isolates(g), net.bridges(g)))
    timed("findings", lambda: net.findings(g, roles=roles, ei=ei, membership=members))

    def figures():
        for ax in (pn.plot_network(g), pn.plot_ei_by_sector(ei), pn.plot_brokerage(roles, g)):
            save(ax.figure)
            plt.close(ax.figure)

    timed("figures", figures)
    return cent


def _run_batch(n: int, ties_per: float) -> None:
    """`partnerlab run --only network` on a synthetic workbook of n stakeholders, as a child process
    whose whole tree (batch, worker, kernel) is sampled for memory: the peak of the sum of each
    process's proportional set size (PSS: a page shared after fork is counted once). The child is
    `partnerlab run` itself with its phases timed (``--timed-run``: the batch's own functions
    wrapped, nothing else changed), so the time is printed phase by phase, then cell by cell."""
    import psutil

    from samples.synthetic import make_synthetic_workbook

    folder = ROOT / "benchmarks" / "out" / "network"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"synthetic_{n}_{ties_per:g}.xlsx"
    if not path.exists():
        t0 = time.perf_counter()
        make_synthetic_workbook(path, n, ties_per_stakeholder=ties_per, seed=0)
        print(
            f"wrote {path.name} ({path.stat().st_size / 2**20:.1f} MB) in {time.perf_counter() - t0:.0f} s", flush=True
        )
    out = folder / f"run_{n}"
    phases_file = folder / f"phases_{n}.json"
    phases_file.unlink(missing_ok=True)
    argv = ["run", "--workbook", str(path), "--out", str(out), "--only", "network", "--full", "--no-progress"]
    cmd = [sys.executable, __file__, "--timed-run", str(phases_file), *argv, "--timeout", "7200"]
    load0, t0, t_epoch = os.getloadavg()[0], time.perf_counter(), time.time()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    root, peak, peak_rss, loads = psutil.Process(proc.pid), 0, 0, [load0]
    peak_at, peak_parts, samples = 0.0, {}, []
    while proc.poll() is None:
        total = total_rss = 0
        parts: dict[str, int] = {}
        try:
            for p in [root, *root.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    info = p.memory_full_info()
                    total += info.pss
                    total_rss += info.rss
                    role = (
                        "batch" if p.pid == root.pid else "kernel" if "ipykernel" in " ".join(p.cmdline()) else "worker"
                    )
                    parts[role] = parts.get(role, 0) + info.pss
        except psutil.Error:
            pass
        samples.append((time.time(), total))
        if total > peak:
            peak, peak_at, peak_parts = total, time.time(), parts
        peak_rss = max(peak_rss, total_rss)
        loads.append(os.getloadavg()[0])
        time.sleep(1.0)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # every descendant, each reaped by its parent
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    log = proc.stdout.read()
    if proc.returncode:
        print(log)
        raise SystemExit(f"partnerlab run exited {proc.returncode}")
    manifest = json.loads((out / "manifest.json").read_text())
    rec = next(r for r in manifest["reports"] if r["name"] == "network")
    timings = rec.get("timings") or {}
    print(
        f"network report, {n:,} stakeholders, {manifest['workbook']['name']}: {rec['status']}, wall {wall:.1f} s, "
        f"CPU {cpu:.1f} s (all its processes), peak memory of all its processes {peak / 2**30:.2f} GB (PSS; RSS "
        f"sum {peak_rss / 2**30:.2f} GB), load average {min(loads):.1f}-{max(loads):.1f} (mean "
        f"{sum(loads) / len(loads):.1f}) on {os.cpu_count()} cores",
        flush=True,
    )
    phases = json.loads(phases_file.read_text()) if phases_file.exists() else []
    for name, w, c, start in phases:
        top = max((m for t, m in samples if start <= t <= start + w), default=0)
        print(f"  batch {name:<44} wall {w:7.1f} s  CPU {c:7.1f} s (batch process)  peak {top / 2**30:.2f} GB (all)")
    during = [name for name, w, _c, start in phases if start <= peak_at <= start + w]
    print(
        f"  memory peak {peak_at - t_epoch:.0f} s into the run, during: {' / '.join(during) or 'none of the phases'}; "
        + ", ".join(f"{k} {v / 2**30:.2f} GB" for k, v in sorted(peak_parts.items()))
        + " (PSS)"
    )
    print(
        f"  in the report's worker: kernel {timings.get('kernel', 0):.1f} s, notebook {timings.get('execute', 0):.1f} s, "
        f"HTML export {timings.get('export', 0):.1f} s (of the report's {rec.get('seconds', 0):.1f} s)"
    )
    import nbformat

    nb = nbformat.read(out / "network.ipynb", as_version=4)
    cells = [
        (c.metadata.get("papermill", {}).get("duration") or 0.0, c.source) for c in nb.cells if c.cell_type == "code"
    ]
    for seconds, source in sorted(cells, key=lambda c: -c[0])[:8]:
        first = next((line for line in source.splitlines() if line.strip() and not line.startswith("#")), "")
        print(f"  cell {seconds:7.1f} s  {first[:100]}")
    sizes = {f.name: f.stat().st_size for f in (out / "network.html", out / "findings.xlsx") if f.exists()}
    data = sum(f.stat().st_size for f in (out / "data").rglob("*") if f.is_file()) if (out / "data").exists() else 0
    print(
        "  files: " + ", ".join(f"{k} {v / 2**20:.2f} MB" for k, v in sizes.items()) + f", data/ {data / 2**20:.1f} MB",
        flush=True,
    )


def _timed_run(phases_file: str, argv: list[str]) -> int:
    """`partnerlab run ARGV` with the batch's phases timed (wall and CPU of this process), written
    to phases_file as [[name, wall, cpu, start (epoch s)], ...] in the order they ended. Only wraps functions."""
    import functools

    from partnerlab import batch, cli, htmlexport, workbook

    phases: list[list] = []

    def timed(name, fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            w0, c0, start = time.perf_counter(), time.process_time(), time.time()
            try:
                return fn(*args, **kwargs)
            finally:
                phases.append([name, time.perf_counter() - w0, time.process_time() - c0, start])

        return wrapper

    for attr, name in (
        ("_check_workbook", "load and validate the workbook"),
        ("default_batch", "plan the jobs (every report's fan-out)"),
        ("_return_freed_memory", "return freed memory"),
        ("file_sha256", "workbook digest"),
        ("_save_processed", "pre-parse (tables for the notebooks)"),
        ("_exports", "data/ for other tools"),
    ):
        setattr(batch, attr, timed(name, getattr(batch, attr)))
    runner = batch._Runner
    runner._reuse_unchanged = timed("keys of the reports (incremental)", runner._reuse_unchanged)
    runner._run_wave = timed("the report (worker, kernel, notebook, page)", runner._run_wave)
    runner._write_findings = timed("findings.xlsx", runner._write_findings)
    workbook.Workbook.save = timed("Workbook.save (pre-parse, snapshot)", workbook.Workbook.save)
    htmlexport.render_index = timed("index page", htmlexport.render_index)
    try:
        return cli.main(argv)
    finally:
        Path(phases_file).write_text(json.dumps(phases))


def _notebook(path: Path, tmp: Path) -> None:
    subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "papermill"),
            str(ROOT / "notebooks" / "network.ipynb"),
            str(tmp / "network_out.ipynb"),
            "-p",
            "workbook",
            str(path),
            "--no-progress-bar",
        ],
        check=True,
        capture_output=True,
    )


if __name__ == "__main__":
    main()
