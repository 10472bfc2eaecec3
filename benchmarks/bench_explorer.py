"""Benchmark: the network page's explorer at 2,000 stakeholders, offline in headless Chromium.

Run: ``.venv/bin/python benchmarks/bench_explorer.py [--n 2000] [--repeat 3]`` (``make bench``).
Writes a synthetic workbook (samples/synthetic.py, every organisation fictional), runs the
network report through the batch (papermill, then partnerlab/htmlexport.py: the page as users
get it), opens the page from file:// in Debian's chromium with every request to a host blocked,
and prints:

- the page size (target, issue 12: under 3 MB);
- first draw: from navigation start to sigma's first frame (page parsed, scripts run, graph
  built and drawn), and the explorer's own part of it (target: under 2 s);
- search: typing a name and pressing Enter, until the match is listed and until the ego
  network is drawn (target: under 2 s).

Figures are printed, never asserted (no timed test). Skips with a message without chromium.

Measured 2026-11-30, 2,000 stakeholders and 9,328 tied pairs, 2 cores shared with six other
jobs (load average 7-11): page 0.75 MB (explorer data 0.34 MB, graphology + sigma + explorer.js
0.27 MB); first draw 0.47-1.02 s median from navigation start, at most 1.21 s (the explorer's
own part 0.24-0.30 s); search listed in 1 ms, ego network drawn in 0.03-0.13 s median, at most
0.39 s. The report itself took 79 s to build at load 11 (the analyses; the layout is 1.1 s of CPU).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
sys.path.insert(
    0, str(Path(__file__).resolve().parents[1])
)  # samples/ (the generators) sits beside partnerlab, not in it

_SEARCH = """async ([query]) => {
  const host = document.querySelector('.pl-explorer');
  const ex = window.partnerlabExplorers[host.id];
  const input = host.querySelector('input[type=search]');
  ex.select(null);
  const t0 = performance.now();
  input.value = query;
  input.dispatchEvent(new Event('input'));
  const listed = performance.now() - t0;
  const found = host.querySelectorAll('.pl-ex-results button').length;
  const drawn = new Promise(resolve => ex.renderer.once('afterRender', resolve));
  input.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));
  await drawn;
  return {listed, drawn: performance.now() - t0, found, selected: host.dataset.selected};
}"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="stakeholders (default 2000)")
    parser.add_argument("--ties", type=float, default=5, help="ties-sheet rows per stakeholder (default 5)")
    parser.add_argument("--repeat", type=int, default=3, help="page loads measured (default 3)")
    parser.add_argument("--page", type=Path, help="measure this network.html instead of building one")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print("bench_explorer: skipped, needs Debian's chromium at /usr/bin/chromium")
        return 0
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("bench_explorer: skipped, needs playwright (pip install -e '.[test]')")
        return 0

    from partnerlab import batch
    from partnerlab.report_catalogue import default_batch
    from partnerlab.workbook import load_workbook
    from samples.synthetic import make_synthetic_workbook

    built = 0.0
    if args.page:
        page = args.page
    else:
        tmp = Path(tempfile.mkdtemp(prefix="bench_explorer_"))
        path = make_synthetic_workbook(tmp / f"synthetic_{args.n}.xlsx", args.n, ties_per_stakeholder=args.ties, seed=0)
        t0 = time.perf_counter()
        jobs = [j for j in default_batch(load_workbook(path)) if j.name == "network"]
        result = batch.run_batch(path, tmp / "out", job_list=jobs, jobs=1, lang="en", progress=False)
        built = time.perf_counter() - t0
        if result.reports[0].get("status") != "ok":
            print(f"bench_explorer: the network report failed: {result.reports[0].get('error')}")
            return 1
        page = tmp / "out" / "network.html"
    text = page.read_text(encoding="utf-8")
    found = re.search(r'<script[^>]*class="pl-explorer-data"[^>]*>(.*?)</script>', text, re.DOTALL)
    island = found.group(1) if found else ""
    explorers = text.count('data-pl-script="explorer"')
    print(
        f"bench_explorer: {page.name}, {explorers} explorer(s); network report built in {built:.1f} s "
        f"(load average {os.getloadavg()[0]:.1f})"
    )
    print(
        f"  page size        {page.stat().st_size / 1e6:6.2f} MB  (explorer data {len(island.encode()) / 1e6:.2f} MB; "
        f"target < 3 MB)"
    )

    outside: list[str] = []
    firsts, own, listed, drawn = [], [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for _ in range(args.repeat):
            tab = browser.new_page(viewport={"width": 1280, "height": 900})
            tab.route(
                "**/*",
                lambda r: (
                    r.continue_()
                    if r.request.url.startswith(("file:", "data:", "blob:"))
                    else (outside.append(r.request.url), r.abort())
                ),
            )
            tab.goto(page.as_uri(), wait_until="load")
            tab.wait_for_selector(".pl-explorer[data-ready='1']", timeout=60000)
            data = tab.locator(".pl-explorer").first.evaluate("h => Object.assign({}, h.dataset)")
            firsts.append(int(data["firstDrawMs"]) / 1000)
            own.append(int(data["drawMs"]) / 1000)
            for query in ("organisation 1999", "Synthetic organisation 7 ", "organisation 42"):
                found = tab.evaluate(_SEARCH, [query])
                if not found["selected"]:
                    print(f"  search for {query!r} selected nothing")
                listed.append(found["listed"] / 1000)
                drawn.append(found["drawn"] / 1000)
            tab.close()
        browser.close()

    def fmt(values: list[float]) -> str:
        return f"median {statistics.median(values):.3f} s, max {max(values):.3f} s over {len(values)}"

    print(f"  first draw       {fmt(firsts)} (from navigation start; target < 2 s)")
    print(f"    explorer part  {fmt(own)} (graph built and drawn by sigma)")
    print(f"  search listed    {fmt(listed)}")
    print(f"  search drawn     {fmt(drawn)} (typed, Enter, ego network drawn; target < 2 s)")
    print(f"  requests to a host: {len(outside)}")
    return 1 if outside else 0


if __name__ == "__main__":
    sys.exit(main())
