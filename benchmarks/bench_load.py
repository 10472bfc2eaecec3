"""Benchmark: load and validate big synthetic workbooks, and refuse hostile ones.

Each measurement runs in its own child process so the peak resident memory (ru_maxrss) is
that of one load only. Prints one line per case: rows, seconds, peak RSS.

Usage: .venv/bin/python benchmarks/bench_load.py [--sizes 1000 10000] [--no-bombs]
Issue 7's target: 10,000 stakeholders and 50,000 ties in under 10 s and 1 GB.
"""

from __future__ import annotations

import argparse
import importlib.util
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # samples/ (the generators) sits beside partnerlab, not in it


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="stakeholders (5 ties each)")
    parser.add_argument(
        "--no-bombs", action="store_true", help="skip the hostile files (the zip bomb takes ~10 s to build)"
    )
    args = parser.parse_args()
    ctx = mp.get_context("spawn")  # a fresh interpreter: the peak RSS is this load's alone
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{'case':<34} {'rows':>16} {'seconds':>8} {'peak RSS MB':>12}  result")
        for n in args.sizes:
            from samples.synthetic import make_synthetic_workbook

            path = make_synthetic_workbook(folder / f"synthetic_{n}.xlsx", n, ties_per_stakeholder=5, seed=1)
            _report(ctx, f"synthetic {n:,} stakeholders", path, f"{n:,} + {5 * n:,} ties")
        if not args.no_bombs:
            corpus = _corpus_script()
            for name in ("entity_bomb", "million_rows", "zip_bomb"):
                path, _ = corpus.build(name, folder)
                size = path.stat().st_size / 2**20
                _report(ctx, f"{name} ({size:.1f} MB file)", path, "-")


def _report(ctx, label: str, path: Path, rows: str) -> None:
    queue = ctx.Queue()
    child = ctx.Process(target=_load, args=(str(path), queue))
    child.start()
    seconds, rss_kb, result = queue.get()
    child.join()
    print(f"{label:<34} {rows:>16} {seconds:8.2f} {rss_kb / 1024:12.0f}  {result}")


def _load(path: str, queue) -> None:
    from partnerlab.workbook import check_workbook

    start = time.perf_counter()
    wb, problems = check_workbook(path)
    seconds = time.perf_counter() - start
    if wb is not None:
        result = f"ok: {len(wb.stakeholders):,} stakeholders, {len(wb.ties):,} ties, {len(problems)} warning(s)"
    else:
        result = str(problems[0]).split(": ", 1)[1][:90]
    queue.put((seconds, _peak_rss_kb(), result))


def _peak_rss_kb() -> int:
    """VmHWM of this process. Not ru_maxrss: Linux carries that over from the parent across
    fork+exec, so a child spawned by a big parent would report the parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _corpus_script():
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "scripts" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    main()
