"""Timing, child processes and the table of ratios shared by the benchmarks.

* `measure(candidates, runs)` times several candidates in turn, round after round (so a
  burst of load on a shared machine hits all of them alike), and keeps the median of each.
* `run_child(args)` runs `python -m <module> <args>` in a fresh interpreter and reads back
  the JSON line it prints: its wall time measured from inside (imports included) and its
  peak resident memory (`ru_maxrss`), for the end-to-end report benchmarks.
* `Row` and `print_table` print nanokit's time divided by each rival's, with the target.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def measure(candidates: dict[str, Callable[[], object]], runs: int) -> dict[str, list[float]]:
    """Seconds of each candidate in each of `runs` rounds; the candidates alternate."""
    times: dict[str, list[float]] = {name: [] for name in candidates}
    for _ in range(runs):
        for name, candidate in candidates.items():
            started = time.perf_counter()
            candidate()
            times[name].append(time.perf_counter() - started)
    return times


def median(values: list[float]) -> float:
    """The median (the issue asks for medians of several runs)."""
    return statistics.median(values)


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB.

    On Linux it is `VmHWM` of `/proc/self/status`: `ru_maxrss` survives `exec`, so a
    child started by a big parent would report the parent's peak.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


def child_result(started: float, **extra: object) -> None:
    """Print the JSON line a child reports back: seconds since `started`, peak MB, extras."""
    print(
        json.dumps({"seconds": time.perf_counter() - started, "peak_mb": peak_rss_mb(), **extra})
    )


def run_child(module_args: list[str], env: dict[str, str] | None = None) -> dict[str, object]:
    """Run `python <module_args>` in a fresh interpreter; return the JSON it printed last."""
    completed = subprocess.run(
        [sys.executable, *module_args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=ROOT.parent,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(
            f"{' '.join(module_args)} failed ({completed.returncode}):\n{completed.stderr[-4000:]}"
        )
    return dict(json.loads(completed.stdout.strip().splitlines()[-1]))


@dataclass
class Row:
    """One line of the table: nanokit's median against one rival's, at one size."""

    benchmark: str
    size: str
    nanokit: str
    nanokit_s: float
    rival: str
    rival_s: float
    target: str  # such as "< 1" (faster than the rival) or "<= 1.5"
    notes: str = ""
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        """nanokit's time divided by the rival's."""
        return self.nanokit_s / self.rival_s

    @property
    def met(self) -> str:
        """Whether the target holds: "yes", "NO" or "" when there is none."""
        if not self.target:
            return ""
        operator, _, bound = self.target.partition(" ")
        limit = float(bound)
        ok = self.ratio < limit if operator == "<" else self.ratio <= limit
        return "yes" if ok else "NO"


def print_table(rows: list[Row], title: str) -> None:
    """Print the rows as a Markdown table (it pastes into benchmarks/README.md)."""
    print(f"\n### {title}\n")
    print("| benchmark | size | nanokit | s | rival | s | nanokit / rival | target | met |")
    print("| --- | ---: | --- | ---: | --- | ---: | ---: | --- | --- |")
    for row in rows:
        print(
            f"| {row.benchmark} | {row.size} | {row.nanokit} | {row.nanokit_s:.3f} | "
            f"{row.rival} | {row.rival_s:.3f} | {row.ratio:.2f} | {row.target} | {row.met} |"
        )
    notes = [f"- {row.benchmark} {row.size}: {row.notes}" for row in rows if row.notes]
    if notes:
        print()
        print("\n".join(dict.fromkeys(notes)))
    sys.stdout.flush()


def machine() -> str:
    """The machine, in one line, for the record."""
    memory = ""
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            kib = int(handle.readline().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs{memory}, "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f} at start"
    )


def save(rows: list[Row], path: str | None) -> None:
    """Append the rows as JSON lines to `path` (for the README), when one is given."""
    if path is None:
        return
    with open(path, "a", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps({**asdict(row), "ratio": row.ratio, "met": row.met}) + "\n")


class stdlib_only:  # noqa: N801 - used as a context manager, like a function
    """Within `with stdlib_only():`, nanokit reads and writes JSON as if orjson were not
    installed (the standard `json` module), as the stdlib-only install
    does. A child process gets the same with `block_orjson()` before importing nanokit."""

    def __enter__(self) -> None:
        from nanokit import serialization as ser

        self.saved = {name: getattr(ser, name) for name in ("_fast_loads", "_ORJSON")}
        ser._fast_loads = ser._loads_stdlib
        ser._ORJSON = None

    def __exit__(self, *exc: object) -> None:
        from nanokit import serialization as ser

        for name, value in self.saved.items():
            setattr(ser, name, value)


def block_orjson() -> None:
    """Make `import orjson` fail in this process (call before importing nanokit)."""
    sys.modules["orjson"] = None  # type: ignore[assignment]
