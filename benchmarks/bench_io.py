"""Benchmark: the batch's exports (data/) and `partnerlab import` at 1,000-5,000 stakeholders.

Run: ``.venv/bin/python benchmarks/bench_io.py [--sizes 1000 5000]``. For each size, a synthetic
workbook (samples.synthetic, 5 ties per stakeholder) is loaded, every export is written
(partnerlab.exports.write_exports), and the Kumu XLSX is imported back into a new, validated
workbook (partnerlab.importers). Prints wall and CPU seconds per step, the size of data/ and
the peak memory. Never fails on a slow machine.

Measured 2026-11-30 (2 cores shared with other jobs, load average about 7):

    n      ties    exports wall / CPU     data/    Kumu import + validate wall / CPU   peak RSS
    1,000   5,000   4.1 s /  2.1 s          5.8 MB   3.1 s /  1.6 s                     147 MB
    5,000  25,000  18.5 s / 11.5 s         29.4 MB  19.7 s /  8.3 s                     317 MB

At 5,000 the exports' CPU splits into the network measures (centrality, brokerage,
communities: 3.8 s, as in the network report), the Kumu XLSX (3.9 s, openpyxl), GEXF (1.4 s)
and GraphML (1.6 s).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # samples/ (the generators) sits beside partnerlab, not in it

from partnerlab import exports, importers  # noqa: E402
from partnerlab.workbook import load_workbook  # noqa: E402
from samples.synthetic import make_synthetic_workbook  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    args = parser.parse_args()
    for n in args.sizes:
        folder = Path(tempfile.mkdtemp(prefix="bench-io-"))
        make_synthetic_workbook(folder / "w.xlsx", n)
        wb = load_workbook(folder / "w.xlsx")
        t0, c0 = time.perf_counter(), time.process_time()
        files = exports.write_exports(wb, folder / "data", "en")
        t1, c1 = time.perf_counter(), time.process_time()
        result = importers.import_sources([folder / "data" / "kumu.xlsx"])
        importers.write_import(result, folder / "back.xlsx")
        t2, c2 = time.perf_counter(), time.process_time()
        size = sum((folder / "data" / f).stat().st_size for f in files) / 2**20
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"n={n:>6,} ties={len(wb.ties):>7,}  exports {t1 - t0:5.1f} s wall / {c1 - c0:5.1f} s CPU ({size:.1f} MB)"
            f"  Kumu import+validate {t2 - t1:5.1f} s wall / {c2 - c1:5.1f} s CPU  peak RSS {peak:.0f} MB"
        )
    print(f"load average: {', '.join(f'{x:.1f}' for x in __import__('os').getloadavg())}")


if __name__ == "__main__":
    main()
