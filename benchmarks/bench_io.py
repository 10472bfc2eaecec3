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

The exports alone, by step (``--workbook benchmarks/out/network/synthetic_10000_5.xlsx
--no-import``, the workbook of ``bench_network.py --batch 10000``), 2026-12-01, load average 6-8
on 2 shared cores (so read CPU, not wall). Before: a89540f's exports (networkx's GEXF and GraphML
writers, openpyxl's write-only Kumu XLSX, the node table filled by 120,000 ``.at`` lookups);
after: partnerlab.xmlwrite streams the two XML files and the XLSX, the node table takes the
measures by column. CPU s:

    step                        before    after
    measures (centrality,        7.1       7.6     the network report's calls: betweenness
      communities, brokerage)                      from 1,000 sources, networkx Louvain
    node table without them      1.5       0.1
    GEXF                         2.9       0.5
    GraphML                      3.5       0.5
    Kumu XLSX                    6.6       0.6
    CSVs (Gephi, tables)         0.7       0.7
    the graph, tie table, ...    1.2       1.4
    write_exports, total        24.2      11.4     peak RSS 566 -> 357 MB (workbook included)

The same at 100,000 stakeholders and 500,000 ties (``--workbook
benchmarks/out/network/synthetic_100000_5.xlsx --no-import``), both runs side by side at
05:42-05:48 UTC, load average 1.2-2.2; the before run with exports.XML_MAX_STAKEHOLDERS raised so
that a89540f writes the XML files too (it left them out above 50,000). CPU s:

    step                        before    after
    measures (centrality,       68.4      68.9     betweenness from 1,000 sources 52, brokerage
      brokerage, communities)                      12, igraph Louvain 5
    node table without them     11.4       0.4
    GEXF                        32.5       4.8
    GraphML                     40.0       4.3
    Kumu XLSX                   53.8       5.6
    CSVs (Gephi, tables)         6.7       6.9
    the graph                    7.4       7.5
    tie table, UCINET, Pajek,    9.5       9.7
      Kumu and Gephi frames
    write_exports, total       234.9     108.7     wall 236.4 -> 109.9 s
    peak RSS (workbook incl.)  4,640 MB  2,330 MB  networkx's XML trees -> the measures' arrays

Two thirds of what is left are the measures the network report has already computed in its
kernel: ``write_exports(..., measures=...)`` takes them (see partnerlab.exports.node_table),
which would leave about 40 s at 100,000.
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


def _timed_parts() -> dict[str, list[float]]:
    """Wrap the steps of write_exports (this checkout's and the networkx writers the older code called) so
    each adds its CPU seconds to the returned dict; a step called inside another is counted in both."""
    import functools

    import networkx as nx

    cpu: dict[str, list[float]] = {}

    def wrap(owner, name, label):
        fn = getattr(owner, name, None)
        if fn is None:
            return

        @functools.wraps(fn)
        def timed(*args, **kwargs):
            c = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                cpu.setdefault(label, []).append(time.process_time() - c)

        setattr(owner, name, timed)

    from partnerlab import network as net

    for name in ("build_tie_graph", "centrality_table", "brokerage_roles", "communities"):
        wrap(net, name, f"measures: {name}")
    for name in ("node_table", "tie_table", "write_gexf", "write_graphml", "_write_xlsx", "_write_csv"):
        wrap(exports, name, name)
    for name in ("kumu_frames", "gephi_frames", "ucinet_dl", "pajek_net"):
        wrap(exports, name, name)
    wrap(nx, "write_gexf", "write_gexf (networkx)")
    wrap(nx, "write_graphml", "write_graphml (networkx)")
    return cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--workbook", type=Path, help="use this workbook (e.g. benchmarks/out/network/...) instead")
    parser.add_argument("--no-import", action="store_true", help="only the exports")
    args = parser.parse_args()
    parts = _timed_parts()
    for n in args.sizes if not args.workbook else [0]:
        folder = Path(tempfile.mkdtemp(prefix="bench-io-"))
        path = args.workbook or make_synthetic_workbook(folder / "w.xlsx", n)
        wb = load_workbook(path)
        n = len(wb.stakeholders)
        parts.clear()
        t0, c0 = time.perf_counter(), time.process_time()
        files = exports.write_exports(wb, folder / "data", "en")
        t1, c1 = time.perf_counter(), time.process_time()
        steps = {k: sum(v) for k, v in parts.items()}
        peak_exports = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            "  exports CPU by step: "
            + ", ".join(f"{k} {v:.1f} s" for k, v in sorted(steps.items(), key=lambda kv: -kv[1]))
        )
        print(f"  peak RSS after the exports {peak_exports:.0f} MB (the workbook loaded included)")
        if args.no_import:
            size = sum((folder / "data" / f).stat().st_size for f in files) / 2**20
            print(
                f"n={n:>6,} ties={len(wb.ties):>7,}  exports {t1 - t0:5.1f} s wall / {c1 - c0:5.1f} s CPU ({size:.1f} MB)"
            )
            continue
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
