"""Benchmark: `nanokit report` streams a 1,000,000-line JSON Lines log in constant memory.

Issue 5 asks that a log of any size streams through `nanokit report` with peak memory under
200 MB. This script:

1. writes (fixed seed, into a temporary folder) a tagged JSON Lines log: the demo workspace's
   influencers, campaigns and deals, then interactions up to `--lines` lines in all, cycling
   over the demo's own interactions (every deal, piece of content and kind) with fresh ids
   and varied audience counts, streamed through `nanokit.serialization.dump_records`;
2. runs `nanokit -q report LOG --campaign <paid campaign>` as a child process and measures
   its wall time and its peak resident memory (`getrusage(RUSAGE_CHILDREN).ru_maxrss`);
3. prints a small table and exits 1 when the peak reaches `--limit-mb` (200 by default), or
   when the report fails.

Run it from the repository root with the project's interpreter:

    python benchmarks/stream_report.py               # 1,000,000 lines
    python benchmarks/stream_report.py --lines 50000 # a quick run

Linux and macOS only (the `resource` module); ru_maxrss is in KiB on Linux, bytes on macOS.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import attrs

from nanokit import InteractionFamily, InteractionKind
from nanokit.demo import PAID_CAMPAIGN_ID, demo_workspace
from nanokit.serialization import Record, dump_records

SEED = 20260615
LIMIT_MB = 200


def records(lines: int, seed: int) -> Iterator[Record]:
    """The demo's small records, then interactions up to `lines` records in all."""
    workspace = demo_workspace()
    head: list[Record] = [*workspace.influencers, *workspace.campaigns, *workspace.deals]
    if lines < len(head):
        raise SystemExit(f"--lines must be at least {len(head)} (the demo's small records)")
    yield from head
    rng = random.Random(seed)
    templates = workspace.interactions
    for number in range(lines - len(head)):
        template = templates[number % len(templates)]
        ident = f"ev-{number:07d}"
        if (
            template.kind.family is InteractionFamily.AUDIENCE
            and template.kind is not InteractionKind.CONVERSION
        ):
            # Vary the audience's response around the demo's own figure.
            count = max(1, round(template.count * rng.uniform(0.5, 1.5)))
            yield attrs.evolve(template, id=ident, count=count)
        else:
            yield attrs.evolve(template, id=ident)


def write_log(path: Path, lines: int, seed: int) -> float:
    """Write the log; return the seconds it took."""
    started = time.perf_counter()
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(dump_records(records(lines, seed)))
    return time.perf_counter() - started


def command() -> list[str]:
    """The installed `nanokit` script, or `python -m nanokit` when it is not on the PATH."""
    found = shutil.which("nanokit") or str(Path(sys.executable).with_name("nanokit"))
    if Path(found).is_file():
        return [found]
    return [sys.executable, "-m", "nanokit"]


def peak_mb() -> float:
    """The largest resident set of any child process waited for, in megabytes (10**6 B)."""
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    scale = 1 if sys.platform == "darwin" else 1024
    return peak * scale / 1_000_000


def main(argv: list[str] | None = None) -> int:
    """Generate the log, report it in a child process, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=1_000_000, help="lines in the log")
    parser.add_argument("--seed", type=int, default=SEED, help="the generator's seed")
    parser.add_argument("--limit-mb", type=float, default=LIMIT_MB, help="the memory budget")
    parser.add_argument("--campaign", default=PAID_CAMPAIGN_ID, help="the campaign to report")
    parser.add_argument("--keep", metavar="DIR", help="write the log into DIR and keep it")
    args = parser.parse_args(argv)

    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="nanokit-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "stream.jsonl"
    try:
        print(f"writing {args.lines:,} lines to {log} ...", file=sys.stderr, flush=True)
        written = write_log(log, args.lines, args.seed)
        size_mb = log.stat().st_size / 1_000_000
        argv_child = [*command(), "-q", "report", str(log), "--campaign", args.campaign]
        print(f"running {' '.join(argv_child)} ...", file=sys.stderr, flush=True)
        started = time.perf_counter()
        done = subprocess.run(argv_child, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - started
        peak = peak_mb()
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)

    if done.returncode != 0:
        print(f"nanokit report failed ({done.returncode}): {done.stderr.strip()}")
        return 1
    total = next(
        (line for line in done.stdout.splitlines() if line.lstrip().startswith("total")), ""
    )
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(f"log: {size_mb:,.1f} MB written in {written:,.1f} s")
    print()
    print(f"{'lines':>11}  {'seconds':>8}  {'lines/s':>9}  {'peak MB':>8}")
    print(f"{args.lines:>11,}  {seconds:>8.1f}  {args.lines / seconds:>9,.0f}  {peak:>8.1f}")
    print()
    print(f"report total row: {' '.join(total.split())}")
    if peak >= args.limit_mb:
        print(f"FAIL: peak memory {peak:.1f} MB is not under {args.limit_mb:g} MB")
        return 1
    print(f"ok: peak memory {peak:.1f} MB is under {args.limit_mb:g} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
