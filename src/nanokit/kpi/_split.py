"""Read one large JSON Lines file with every core: byte ranges folded by worker processes.

The machinery behind
[`LogSummary.read_file`][nanokit.kpi.accumulator.LogSummary.read_file] (private: call that).

A file is cut into byte ranges that each start at the start of a line
(`cut`): a few per worker, for load balance and a progress line
that moves. Each range is folded into a `LogSummary` in a worker process
(`fold`), which returns that summary, its number of lines and,
for each bad line, its number within the range and its bytes: never an error object, and
never a call to the caller's `on_error` (a closure does not travel between processes).

The main process walks the ranges in file order. It merges each summary into the summaries
of the ranges before it, then rebuilds the error of each bad line by reading that line again
through the ordinary path with the file's own line number, so the message is the one a
sequential read gives, byte for byte, and either raises the first one or hands each one to
`on_error`, in file order. When a range cannot be merged (it gives a record that an earlier
range gave with other data, or an amount in a currency that clashes with an earlier one)
or its worker stopped on such a clash, the main process reads that range again itself, on
top of the ranges before it, exactly as a sequential read would have read it: the error and
the `on_error` calls are then the sequential ones too.

A file too small to be worth the processes (under `_MIN_BYTES_PER_WORKER` for each
worker) is read in this process, exactly as `LogSummary(group_by).read(file)` reads it.

Examples:
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "log.jsonl")
    >>> with open(path, "wb") as handle:
    ...     _ = handle.write(b'{"n": 1}\\n' * 4 + b'{"n": "the last line, without a newline"}')
    >>> with open(path, "rb") as handle:
    ...     cut(handle, os.path.getsize(path), 3)
    [(0, 27), (27, 77)]
"""

from __future__ import annotations

import io
import itertools
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from multiprocessing.context import BaseContext
from typing import BinaryIO, Final, NamedTuple

from nanokit import serialization as _ser
from nanokit._args import count_arg
from nanokit.exceptions import NanokitError, ValidationError
from nanokit.kpi.accumulator import Grouping, LogSummary
from nanokit.model import _checks as c
from nanokit.model.interaction import Interaction

__all__: list[str] = []

_MIN_BYTES_PER_WORKER: int = 16 * 2**20
"""Each worker gets at least this many bytes of the file; a file that would give only one
worker this much is read in this process. Tests lower it to split small files."""
_RANGES_PER_WORKER: int = 4
"""Ranges per worker: a worker that finishes early takes another, and progress moves."""
_MAX_RANGE_BYTES: int = 64 * 2**20
"""A range holds at most about this many bytes, so progress moves on a very large file."""
_BLOCK: Final = 2**20
"""Bytes read at a time; a block always ends at the end of a line (or of the range)."""
_SCAN: Final = 2**16
"""Bytes read at a time while looking for the end of a line to cut at."""

ErrorHandler = Callable[[ValidationError], object]
Progress = Callable[[int], object]


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity where the platform tells it).

    Returns:
        At least 1.

    Examples:
        >>> usable_cpus() >= 1
        True
    """
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def workers_arg(value: object) -> int:
    """The number of worker processes asked for: a whole number of at least 1, or `None`.

    Args:
        value: The `workers` argument; `None` means every CPU this process may use.

    Returns:
        The number of workers.

    Raises:
        ValidationError: For anything else (a bool, a float, a string, 0 or less).

    Examples:
        >>> workers_arg(3), workers_arg(None) == usable_cpus()
        (3, True)
        >>> workers_arg(0)
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: workers: must be at least 1, got 0
    """
    if value is None:
        return usable_cpus()
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(
            "expected a whole number of worker processes such as 2, or None for every CPU "
            f"this process may use; got {c.describe(value)}",
            path="workers",
        )
    return count_arg(value, "workers", minimum=1)


def callback_arg(value: object, name: str) -> None:
    """Refuse a `value` that is neither `None` nor callable, naming the argument.

    Examples:
        >>> callback_arg(print, "on_error")
        >>> callback_arg("print", "progress")
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: progress: expected a function or None, got str 'print'
    """
    if value is not None and not callable(value):
        raise ValidationError(f"expected a function or None, got {c.describe(value)}", path=name)


# -- ranges -----------------------------------------------------------------------------------
def range_count(size: int, workers: int) -> int:
    """How many ranges a file of `size` bytes is cut into for `workers` processes.

    Examples:
        >>> range_count(100 * 2**20, 2), range_count(10 * 2**30, 2)
        (8, 160)
    """
    return max(workers * _RANGES_PER_WORKER, -(-size // _MAX_RANGE_BYTES))


def cut(handle: BinaryIO, size: int, count: int) -> list[tuple[int, int]]:
    """Cut the first `size` bytes of a file into at most `count` ranges at line starts.

    Each range is `(start, stop)`, half open, in file order; together they cover
    `[0, size)` with no gap and no overlap. A cut aimed inside a line moves to the start of
    the next line (a line is what ends with `b"\\n"`, as when a binary file is iterated), so
    a long line makes fewer, longer ranges, and a range never starts inside a character.

    Args:
        handle: The file, open in binary mode and seekable.
        size: The number of bytes to cover (the file's size).
        count: How many ranges to aim for, at least 1.

    Returns:
        The ranges; none for an empty file.

    Examples:
        >>> cut(io.BytesIO(b"aa\\nbb\\ncc\\ndd\\n"), 12, 4)
        [(0, 3), (3, 6), (6, 9), (9, 12)]
        >>> cut(io.BytesIO(b"aa\\nbbbbbbbbbb\\ncc\\n"), 17, 4)
        [(0, 14), (14, 17)]
        >>> cut(io.BytesIO(b"no newline at all"), 17, 4)
        [(0, 17)]
    """
    bounds = [0]
    for index in range(1, count):
        target = size * index // count
        if target <= bounds[-1]:
            continue
        start = _line_start(handle, target)
        if bounds[-1] < start < size:
            bounds.append(start)
    bounds.append(size)
    return [(start, stop) for start, stop in itertools.pairwise(bounds) if stop > start]


def _line_start(handle: BinaryIO, target: int) -> int:
    """The first line start at or after `target` (> 0), or the end of the file."""
    position = target - 1
    handle.seek(position)
    while True:
        chunk = handle.read(_SCAN)
        if not chunk:
            return position
        found = chunk.find(b"\n")
        if found >= 0:
            return position + found + 1
        position += len(chunk)


def blocks(handle: BinaryIO, start: int, stop: int | None) -> Iterator[bytes]:
    """The bytes of `[start, stop)` (to the end of the file for `None`), in whole lines.

    Each block but the last ends with `b"\\n"`, so iterating `io.BytesIO(block)` gives
    exactly the lines iterating the file gives; a line longer than a block makes a longer
    block.

    Examples:
        >>> list(blocks(io.BytesIO(b"ab\\ncd\\nef"), 3, None)), list(blocks(io.BytesIO(b"ab\\ncd\\nef"), 0, 5))
        ([b'cd\\n', b'ef'], [b'ab\\n', b'cd'])
    """
    handle.seek(start)
    remaining = -1 if stop is None else stop - start
    pieces: list[bytes] = []
    while remaining:
        data = handle.read(_BLOCK if remaining < 0 else min(_BLOCK, remaining))
        if not data:
            break  # the end of the file (or a file that shrank)
        if remaining > 0:
            remaining -= len(data)
        end = data.rfind(b"\n") + 1
        if end == 0:  # no line ends in this block: it belongs to the next one
            pieces.append(data)
            continue
        pieces.append(data[:end])
        yield b"".join(pieces)
        pieces = [data[end:]] if end < len(data) else []
    if pieces:
        yield b"".join(pieces)


def lines_in(block: bytes) -> int:
    """How many lines iterating `io.BytesIO(block)` gives.

    Examples:
        >>> lines_in(b"a\\n\\nb"), lines_in(b"a\\n"), lines_in(b"")
        (3, 1, 0)
    """
    return block.count(b"\n") + (1 if block and not block.endswith(b"\n") else 0)


def _lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The lines of the blocks, one by one, at the speed of iterating a file."""
    return itertools.chain.from_iterable(map(io.BytesIO, chunks))


def _counted(
    chunks: Iterable[bytes], seen: list[int], progress: Progress | None
) -> Iterator[bytes]:
    """The blocks, adding their lines to `seen[0]` once each is read (and telling `progress`)."""
    for block in chunks:
        yield block
        seen[0] += lines_in(block)
        if progress is not None:
            progress(seen[0])


# -- one range, in a worker -------------------------------------------------------------------
class Part(NamedTuple):
    """What a worker sends back for one range: small, and picklable."""

    summary: LogSummary | None
    """The range's summary; `None` when the main process must read the range itself."""
    lines: int
    """The lines of the range (those read, when reading stopped at the first bad line)."""
    bad: tuple[tuple[int, bytes], ...]
    """Each bad line's number within the range (from 1) and its bytes, in order."""


class _StopError(Exception):
    """Stop reading a range at its first bad line: the caller wants only the first."""


def fold(path: str, start: int, stop: int, group_by: str, first_only: bool) -> Part:
    """Fold the lines of `[start, stop)` of a file into a `LogSummary`.

    Args:
        path: The file.
        start: Where the range starts (a line start).
        stop: Where it ends (a line start, or the end of the file).
        group_by: The summary's grouping.
        first_only: Stop at the first bad line (the caller raises it).

    Returns:
        The range's summary, lines and bad lines; a summary of `None` when reading stopped
        on another error (a record given twice with different data, a currency clash), which
        the main process finds again by reading the range itself.

    Examples:
        >>> import os, tempfile
        >>> path = os.path.join(tempfile.mkdtemp(), "log.jsonl")
        >>> with open(path, "wb") as handle:
        ...     _ = handle.write(b'\\n{"type": "brand"}\\n')
        >>> part = fold(path, 0, os.path.getsize(path), "deal", False)
        >>> part.summary.accumulator.records, part.lines, part.bad
        (0, 2, ((2, b'{"type": "brand"}\\n'),))
    """
    summary = LogSummary(group_by)
    numbers: list[int] = []
    seen = [0]

    def note(error: ValidationError) -> None:
        numbers.append(-1 if error.line is None else error.line)
        if first_only:
            raise _StopError

    with open(path, "rb") as handle:
        try:
            summary.read(_lines(_counted(blocks(handle, start, stop), seen, None)), on_error=note)
        except _StopError:
            pass
        except NanokitError:
            return Part(None, seen[0], ())
        bad = _pick(handle, start, stop, numbers) if numbers else ()
    if len(bad) != len(numbers):  # an error without its line: let the main process read it
        return Part(None, seen[0], ())
    return Part(summary, seen[0], bad)


def _pick(
    handle: BinaryIO, start: int, stop: int, numbers: list[int]
) -> tuple[tuple[int, bytes], ...]:
    """The lines of the range with these numbers (ascending), with their numbers."""
    wanted = iter(numbers)
    number = next(wanted)
    found: list[tuple[int, bytes]] = []
    for index, line in enumerate(_lines(blocks(handle, start, stop)), start=1):
        if index == number:
            found.append((index, line))
            following = next(wanted, None)
            if following is None:
                break
            number = following
    return tuple(found)


def _ignore_interrupts() -> None:
    """Leave Ctrl-C to the main process, which stops the pool (no traceback per worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# -- the whole file, in the main process ------------------------------------------------------
def read_file(
    path: str | os.PathLike[str],
    group_by: Grouping | str,
    *,
    workers: int | None,
    on_error: ErrorHandler | None,
    progress: Progress | None,
) -> LogSummary:
    """Read a file into a `LogSummary` with up to `workers` processes (see the module).

    Returns:
        The summary of the whole file.

    Raises:
        ValidationError: As a sequential read raises it, and for bad arguments.
        CurrencyMismatchError: As a sequential read raises it.
        OSError: When the file cannot be read (missing, a folder).

    Examples:
        >>> import os, tempfile
        >>> path = os.path.join(tempfile.mkdtemp(), "empty.jsonl")
        >>> open(path, "wb").close()
        >>> read_file(path, "deal", workers=None, on_error=None, progress=None)
        LogSummary(group_by='deal', records=0, influencers=0, campaigns=0, deals=0)
    """
    summary = LogSummary(group_by)  # checks the grouping before anything is read
    wanted = workers_arg(workers)
    callback_arg(on_error, "on_error")
    callback_arg(progress, "progress")
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        count = min(wanted, size // max(1, _MIN_BYTES_PER_WORKER))
        if count < 2:
            if progress is None:
                return summary.read(handle, on_error=on_error)
            return summary.read(
                _lines(_counted(blocks(handle, 0, None), [0], progress)), on_error=on_error
            )
        ranges = cut(handle, size, range_count(size, count))
    count = min(count, len(ranges))
    with ProcessPoolExecutor(count, _context(), initializer=_ignore_interrupts) as pool:
        return fold_ranges(path, ranges, summary.group_by, pool, on_error, progress)


def _context() -> BaseContext:
    """The start method: `fork` where the platform has it and one thread runs, else `spawn`.

    A forked worker starts at once, with nanokit already imported; forking a process that
    runs other threads may deadlock the child, and macOS frameworks do not survive a fork.
    """
    if (
        sys.platform != "darwin"
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    ):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def fold_ranges(
    path: str | os.PathLike[str],
    ranges: list[tuple[int, int]],
    group_by: Grouping,
    pool: Executor,
    on_error: ErrorHandler | None,
    progress: Progress | None,
) -> LogSummary:
    """Fold every range in `pool`, then merge the parts and replay their errors in file order.

    Args:
        path: The file.
        ranges: Its ranges, in file order, as `cut` gives them.
        group_by: The grouping.
        pool: Where `fold` runs (a process pool; tests pass one that runs it at once).
        on_error: As for `LogSummary.read`; always called here, in this process.
        progress: Called with the lines read so far, as each range is done.

    Returns:
        The summary of the whole file.

    Raises:
        ValidationError: As a sequential read raises it.
        CurrencyMismatchError: As a sequential read raises it.

    Examples:
        >>> import os, tempfile
        >>> from concurrent.futures import ThreadPoolExecutor
        >>> path = os.path.join(tempfile.mkdtemp(), "log.jsonl")
        >>> with open(path, "wb") as handle:
        ...     _ = handle.write(b'\\n\\n{"type": "brand"}')
        >>> with ThreadPoolExecutor(2) as pool:
        ...     fold_ranges(path, [(0, 1), (1, 2), (2, 19)], Grouping.DEAL, pool, None, None)
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: line 3: $.type: expected one of 'influencer', 'campaign', 'deal', 'interaction'; got the string 'brand'
    """
    name = os.fspath(path)
    first_only = on_error is None
    futures: dict[Future[Part], int] = {
        pool.submit(fold, name, start, stop, group_by.value, first_only): index
        for index, (start, stop) in enumerate(ranges)
    }
    done: dict[int, Part] = {}
    merged = LogSummary(group_by)
    following = 0  # the next range to merge
    before = 0  # the lines of the ranges merged so far
    read = 0  # the lines of the ranges done so far, for `progress`
    try:
        for future in as_completed(futures):
            part = future.result()
            done[futures[future]] = part
            if progress is not None:
                read += part.lines
                progress(read)
            while following in done:
                part = done.pop(following)
                merged = _merge(merged, part, name, ranges[following], before, on_error)
                before += part.lines
                following += 1
    finally:
        for future in futures:
            future.cancel()  # after an error: the ranges not started yet are not read
    return merged


def _merge(
    merged: LogSummary,
    part: Part,
    path: str,
    bounds: tuple[int, int],
    before: int,
    on_error: ErrorHandler | None,
) -> LogSummary:
    """`merged` with one more range, its bad lines replayed in order with the file's numbers.

    The range is read again in this process when its worker could not fold it, when it
    clashes with the ranges before it, or when an error cannot be rebuilt: then errors, and
    `on_error` calls, come in exactly the sequential order.
    """
    if part.summary is not None:
        try:
            candidate: LogSummary | None = merged.merge(part.summary)
        except NanokitError:
            candidate = None
        if candidate is not None:
            errors = [_error_of(raw, before + number) for number, raw in part.bad]
            if None not in errors:
                for error in errors:
                    assert error is not None  # checked just above
                    if on_error is None:
                        raise error
                    on_error(error)
                return candidate
    # Read the range as a sequential read would, on top of the ranges before it; blank lines
    # in front give its lines the file's own numbers.
    with open(path, "rb") as handle:
        lines = itertools.chain(
            itertools.repeat(b"", before), _lines(blocks(handle, bounds[0], bounds[1]))
        )
        return merged.read(lines, on_error=on_error)


def _error_of(raw: bytes, number: int) -> ValidationError | None:
    """The error a sequential read gives for this bad line at this line number."""
    try:
        _ser._read_line(raw, number, Interaction, None)  # the ordinary path of a tagged line
    except ValidationError as error:
        return error
    return None  # pragma: no cover - the worker found an error here: the range is read again
