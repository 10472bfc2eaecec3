"""Benchmark: the execution time of one report notebook's code, in a warm plain Python process.

    .venv/bin/python benchmarks/bench_reports.py sector_diagnosis                 # all respondents
    .venv/bin/python benchmarks/bench_reports.py sector_diagnosis -p sector=academia --lang es
    .venv/bin/python benchmarks/bench_reports.py action_plan --profile 25         # cProfile, top 25

Runs the notebook's code cells with `exec` (parameters cell first, then the overrides), with
IPython's `display` patched to render a figure object as the inline backend does
(`fig.savefig(buf, format="png", bbox_inches="tight")`), to keep the PNG Report.show displays
itself, and HTML to a string, so the figures cost what they cost in a kernel. "PNG rendering"
is the time in every savefig and partnerlab.plots.render.png_bytes call (Report.figure_html's
included: the cards of the sector diagnosis). The workbook is loaded once before timing (a warm kernel
with pre-parsed tables, as in `partnerlab run`); each repeat is timed separately and the
best is printed, as CPU seconds of this process (time.process_time: user + sys, robust to
other jobs on a shared machine) and wall seconds, with the load average.

Measured 2026-11-30 on the bundled sample (94 stakeholders, 142 respondents, 19 questions),
2 cores shared with three other engineers, before = 809cbcc, after = branch speed (4517992);
each line is the best of 3 repeats, before and after interleaved, CPU seconds of the process
(user + sys) with wall seconds and the load average at the end of the run:

    report                                before: CPU (wall)  figures   after: CPU (wall)  figures   load
    sector_diagnosis (every sector)        4.74 s ( 6.01 s)   20         2.50 s (3.18 s)    8        3.5-3.6
    sector_diagnosis (every sector)        4.88 s ( 8.95 s)   20         2.67 s (3.88 s)    8        5.9-6.3
    sector_diagnosis sector=civil_society  3.73 s ( 4.45 s)   20         2.84 s (3.68 s)    8        5.2-5.8
    sector_diagnosis sector=civil_society  3.80 s ( 4.63 s)   20         2.73 s (2.74 s)    8        4.1-4.6
    sector_diagnosis sector=academia, es   3.64 s ( 3.69 s)   20         2.88 s (2.88 s)    8        3.1-3.6
    sector_diagnosis sector=academia, es   3.87 s ( 3.87 s)   20         2.64 s (2.64 s)    8        2.2-2.6
    action_plan (best of 2)                1.62 s ( 2.03 s)    5         1.57 s (1.98 s)    5        4.5-4.8
    stakeholder_map (best of 2, unchanged) 1.20 s ( 1.55 s)    4         1.19 s (1.39 s)    4        4.1-4.4

PNG rendering (savefig with bbox_inches="tight": two draws per figure) is about 2/3 of the
CPU after as before: 3.1-3.6 s -> 1.8-1.9 s on the page of every sector, 2.2-2.3 s ->
1.7-2.0 s on a sector's page. The same run at load 4-7 measured up to 20 % more CPU than at
load 2-3: compare before and after from the same line only.

Figures drawn once (issue 16), measured 2026-12-01, before = a89540f (main), after = branch draw:
Report.show and Report.figure_html encode with partnerlab.plots.render.png_bytes, which skips
savefig's layout-only first draw (byte-identical PNGs; see that module). Each cell is the best of
3 repeats, CPU seconds (total / of which PNG rendering), before and after run one after the
other, three rounds at load 5-8 on 2 shared cores; "best" is the lowest of the three rounds:

    report (lang es)                       round 1        round 2        round 3        best
    action_plan year=2023       before   1.35 / 0.93    1.09 / 0.76    1.07 / 0.73    1.07 / 0.73
                                after    1.16 / 0.73    0.92 / 0.60    0.92 / 0.61    0.92 / 0.60
    sector_diagnosis (every)    before   2.16 / 1.10    1.59 / 0.83    1.71 / 0.83    1.59 / 0.83
                                after    1.80 / 0.85    1.54 / 0.74    1.67 / 0.79    1.54 / 0.74
    sector_diagnosis academia   before   1.72 / 0.95    1.49 / 0.84    1.66 / 0.92    1.49 / 0.84
                                after    1.73 / 0.87    1.40 / 0.73    1.48 / 0.77    1.40 / 0.73
    stakeholder_map             before   1.35 / 0.75    1.04 / 0.58    1.16 / 0.63    1.04 / 0.58
                                after    1.07 / 0.53    0.90 / 0.46    1.09 / 0.54    0.90 / 0.46

PNG rendering CPU falls by 11-21 % (best against best), a page's CPU by 3-14 %. Side by side in
one process (each figure of the page built twice, one copy saved by savefig and one by
png_bytes, summed over the page): action plan 0.88 -> 0.75 s, sector diagnosis (every sector)
1.06 -> 0.88 s, stakeholder map 0.69 -> 0.60 s, due diligence 1.38 -> 1.04 s, network 0.44 ->
0.38 s: 13-25 % less. Not half: savefig's first draw runs with rendering switched off (no glyph
or path is rasterised), about 15 % of a tight savefig on the action plan's figures (profiled:
first draw 0.10 s, tight box 0.07 s, drawing 0.44 s, PNG encoding 0.07 s for its 6 figures);
most of the cost is drawing the text (FreeType layout and glyph rendering), which one pass still
does once. Same figures (6, 20, 19, 4) and PNG bytes (373, 382, 401, 270 kB) before and after;
a batch of action_plan, sector_diagnosis and stakeholder_map (30 pages, es) gives the same pages
byte for byte but the run times (4783 kB before and after) and the same 65 image/png outputs in
the notebooks. That batch's CPU (user + sys of `partnerlab run --only action_plan
sector_diagnosis stakeholder_map --full`, kernels included; two interleaved rounds at load 6-7):
51.9 and 48.4 s before, 47.8 and 44.9 s after (7-8 % less).
"""

from __future__ import annotations

import argparse
import base64
import cProfile
import io
import json
import os
import pstats
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", help="notebook name without .ipynb, e.g. sector_diagnosis")
    parser.add_argument("-p", "--param", action="append", default=[], help="name=value (repeatable)")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--workbook", default="")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print cProfile's top N by cumulative time")
    parser.add_argument("--cells", action="store_true", help="print the CPU seconds of each code cell (last run)")
    parser.add_argument("--save-png", type=Path, default=None, help="write each figure of the last run to this folder")
    args = parser.parse_args(argv)

    import matplotlib

    matplotlib.use("Agg")
    import IPython.display

    from partnerlab.plots.common import share_text_metrics

    share_text_metrics()  # as in a batch kernel (partnerlab.kernels)

    import matplotlib.figure

    from partnerlab import page
    from partnerlab.workbook import load_workbook

    figures: list[bytes] = []
    counters = {"html": 0, "png_cpu": 0.0, "png_wall": 0.0, "png_calls": 0}

    def timed(encode):
        """encode, its CPU and wall time added to the PNG counters (once: not its inner calls)."""

        def wrapper(*a, **k):
            if counters.get("inside"):
                return encode(*a, **k)
            counters["inside"] = True
            c0, w0 = time.process_time(), time.perf_counter()
            try:
                return encode(*a, **k)
            finally:
                counters["png_cpu"] += time.process_time() - c0
                counters["png_wall"] += time.perf_counter() - w0
                counters["png_calls"] += 1
                counters["inside"] = False

        return wrapper

    # Every PNG a page makes: savefig (before 2026-12-01: Report.figure_html, and the inline
    # backend behind Report.show) and partnerlab.plots.render.png_bytes (after: both).
    matplotlib.figure.Figure.savefig = timed(matplotlib.figure.Figure.savefig)
    try:
        from partnerlab.plots import render

        render.png_bytes = timed(render.png_bytes)
    except ImportError:  # a checkout from before the one-pass renderer
        render = None
    inline_png = re.compile(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"')

    def display(obj, *a, **k):
        if hasattr(obj, "savefig"):  # a figure: rendered as the inline backend does
            buf = io.BytesIO()
            obj.savefig(buf, format="png", bbox_inches="tight", dpi=obj.dpi, metadata={"Software": None})
            figures.append(buf.getvalue())
        elif k.get("raw") and isinstance(obj, dict) and "image/png" in obj:  # Report.show's own PNG
            figures.append(base64.b64decode(obj["image/png"]))
        else:
            markup = getattr(obj, "data", "") or ""
            counters["html"] += len(markup)
            figures.extend(base64.b64decode(m) for m in inline_png.findall(markup))  # Report.figure_html

    IPython.display.display = display
    IPython.display.publish_display_data = lambda *a, **k: None
    wb = load_workbook(Path(args.workbook) if args.workbook else ROOT / "data" / "raw" / "sample_portfolio.xlsx")
    page.load_workbook = lambda path: wb  # warm: the tables are parsed once, as the batch does

    nb = json.loads((ROOT / "notebooks" / f"{args.report}.ipynb").read_text())
    cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    params = [p.split("=", 1) for p in args.param]
    override = "\n".join(
        [f"lang = {args.lang!r}", f"workbook = {args.workbook!r}"]
        + [f"{k} = {v}" if v.lstrip("-").isdigit() else f"{k} = {v!r}" for k, v in params]
    )
    sources = ["".join(c["source"]) for c in cells]
    sources.insert(1, override)  # after the parameters cell, as papermill injects

    per_cell: list[float] = []

    def run_once():
        figures.clear()
        per_cell.clear()
        counters.update(html=0, png_cpu=0.0, png_wall=0.0, png_calls=0)
        if render:
            render.render_counts.update(one_pass=0, two_pass=0)
        ns: dict = {}
        for src in sources:
            c0 = time.process_time()
            exec(compile(src, args.report, "exec"), ns)
            per_cell.append(time.process_time() - c0)

    run_once()  # warm imports and caches
    best = None
    for _ in range(args.repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        run_once()
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
        if best is None or cpu < best[0]:
            best = (cpu, wall, counters["png_cpu"], counters["png_wall"], len(figures), sum(len(f) for f in figures))
    cpu, wall, png_cpu, png_wall, n_fig, png_bytes = best
    print(
        f"{args.report} {' '.join(args.param)} lang={args.lang}: CPU {cpu:.2f} s (wall {wall:.2f} s), "
        f"of which PNG rendering CPU {png_cpu:.2f} s (wall {png_wall:.2f} s); {n_fig} figures, "
        f"{png_bytes / 1024:.0f} kB of PNG; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        + (
            f"; drawn once/twice: {render.render_counts['one_pass']}/{render.render_counts['two_pass']}"
            if render
            else ""
        )
    )
    if args.cells:
        for src, cpu_cell in zip(sources, per_cell):
            print(f"  {cpu_cell:6.3f} s  {src.strip().splitlines()[0][:90]}")
    if args.save_png:
        args.save_png.mkdir(parents=True, exist_ok=True)
        for i, data in enumerate(figures):
            (args.save_png / f"{args.report}_{i:02d}.png").write_bytes(data)
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        run_once()
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(args.profile)


if __name__ == "__main__":
    main()
