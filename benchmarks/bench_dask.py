"""The Dask path with 2 local worker processes against the single-process stream.

Both report the same 1,000,000-line tagged log (`_data.records_file`), one row per deal:

* single process: `LogSummary("deal").read(file)`, then `.report()`;
* Dask: `dask.bag.read_text(file, blocksize=...)` (blocks of the one file, one partition
  each), `nanokit.integrations.dask.report(bag, group_by="deal", scheduler="processes")`
  with `num_workers=2` (one partition handed to a worker at a time): each worker process
  folds its partitions into a `LogSummary`, the summaries are merged, and the merge is
  reported.

The two reports are checked to be equal (exactly) before anything is timed. Times are wall
times of the whole computation, the pool's start included; the speed-up is single / Dask.

A third path shows what two processes give without Dask: `LogSummary.read_file(file,
"deal", workers=2)`, nanokit's own reader (what `nanokit report --jobs 2` runs), with 2
worker processes each folding byte ranges of the file (cut at line starts), merged in the
parent. When it is no faster than one process either, the machine has no idle core to give
(the calibration printed with the table tells).

    python benchmarks/bench_dask.py            # 1M lines, 3 runs
    python benchmarks/bench_dask.py --quick    # 100k lines, 3 runs
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _data
from _harness import Row, measure, median, print_table, save

from nanokit.kpi import LogSummary


def burn(steps: int) -> int:
    """Pure CPU work, to see how much parallel capacity the machine has right now."""
    total = 0
    for step in range(steps):
        total += step * step
    return total


def parallel_capacity(workers: int, steps: int = 5_000_000) -> float:
    """How much faster `workers` processes run `workers` equal CPU tasks than one does."""
    started = time.perf_counter()
    for _ in range(workers):
        burn(steps)
    serial = time.perf_counter() - started
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(burn, [1] * workers))  # start the processes first
        started = time.perf_counter()
        list(pool.map(burn, [steps] * workers))
        parallel = time.perf_counter() - started
    return serial / parallel


def main(argv: list[str] | None = None) -> list[Row]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100k lines instead of 1M")
    parser.add_argument("--runs", type=int, default=3, help="runs per path (median)")
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes")
    parser.add_argument(
        "--blocksize", type=int, default=None, help="bytes per partition (default: 4 per worker)"
    )
    parser.add_argument("--json", help="append the rows as JSON lines to this file")
    args = parser.parse_args(argv)
    try:
        import dask
        import dask.bag as db
    except ImportError:
        print('Dask is not installed (pip install "nanokit[dask]"): skipped')
        return []
    from nanokit.integrations import dask as nanokit_dask

    label = "100k" if args.quick else "1m"
    log = _data.records_file(_data.SIZES[label])
    blocksize = args.blocksize or log.stat().st_size // (4 * args.workers) + 1

    def single() -> object:
        with log.open("rb") as handle:
            return LogSummary("deal").read(handle).report()

    def spread() -> object:
        bag = db.read_text(str(log), blocksize=blocksize)
        with dask.config.set(num_workers=args.workers):
            return nanokit_dask.report(bag, group_by="deal", scheduler="processes")

    def pool() -> object:
        return LogSummary.read_file(log, "deal", workers=args.workers).report()

    partitions = db.read_text(str(log), blocksize=blocksize).npartitions
    capacity = parallel_capacity(args.workers)
    if not single() == spread() == pool():
        raise AssertionError("the reports of the three paths differ")
    times = measure({"single": single, "dask": spread, "pool": pool}, args.runs)
    one, many = median(times["single"]), median(times["dask"])
    plain = Row(
        "report, 2 processes",
        label,
        f"LogSummary.read_file, {args.workers} processes",
        median(times["pool"]),
        "one process",
        one,
        "",
        notes="no Dask: nanokit's own reader, byte ranges of the file folded by worker processes",
    )
    row = Row(
        "report via Dask",
        label,
        f"Dask, {args.workers} worker processes",
        many,
        "one process",
        one,
        "< 1",
        notes=(
            f"{partitions} partitions of {blocksize / 2**20:.0f} MiB; speed-up {one / many:.2f}x on "
            f"{os.cpu_count()} CPUs; the reports are equal; pure CPU work ran {capacity:.2f}x "
            f"faster on {args.workers} processes than on one at the time"
        ),
    )
    print_table([row, plain], "Dask: nanokit on 2 local worker processes / nanokit in one process")
    save([row, plain], args.json)
    return [row, plain]


if __name__ == "__main__":
    main()
