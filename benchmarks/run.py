"""Run every benchmark of issue 7 and print one table of ratios (nanokit time / rival time).

    python benchmarks/run.py            # full sizes: 10k, 100k and 1M lines (about 25 minutes)
    python benchmarks/run.py --quick    # small sizes, fewer runs (about 3 minutes)
    python benchmarks/run.py --only report dask

Needs the `bench` extra (pandas, polars, pydantic, msgspec) and, for the Dask benchmark,
the `dask` extra; orjson (the `fast` extra) is used when installed, and nanokit is also
measured as the stdlib-only install runs. Generated inputs are cached in
`$NANOKIT_BENCH_DATA` (default: a `nanokit-bench` folder in the temporary directory); the
real TikTok data is read from `../shared/data` when it is there.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_dask
import bench_decode_encode
import bench_policies
import bench_report
from _harness import Row, machine, print_table

BENCHMARKS = {
    "decode": bench_decode_encode,
    "report": bench_report,
    "policies": bench_policies,
    "dask": bench_dask,
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes and fewer runs")
    parser.add_argument("--only", nargs="+", choices=sorted(BENCHMARKS), help="run only these")
    args = parser.parse_args(argv)
    print(f"nanokit benchmarks, {dt.date.today().isoformat()}: {machine()}")
    chosen = args.only or list(BENCHMARKS)
    rows: list[Row] = []
    with tempfile.NamedTemporaryFile("r", suffix=".jsonl") as saved:
        for name in chosen:
            print(f"\n## {name}\n", flush=True)
            options = ["--quick"] if args.quick else []
            if name != "policies":
                options += ["--json", saved.name]
            BENCHMARKS[name].main(options)
        for line in saved:
            data = json.loads(line)
            data.pop("ratio", None)
            data.pop("met", None)
            rows.append(Row(**data))
    if rows:
        print_table(rows, "All comparisons: nanokit time / rival time (lower is better)")


if __name__ == "__main__":
    main()
