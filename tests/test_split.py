"""Tests for nanokit.kpi._split: one log file read by several processes, as one process reads it.

* The range logic, without processes: `cut` covers a file with ranges that start at line
  starts, whatever the content (CRLF, blank lines, multibyte characters, bytes that are not
  UTF-8, no final newline); `blocks` gives exactly the lines iterating the file gives.
* The merge and the error replay, without processes (the ranges are folded in this
  process, in an order that is not the file's): for random logs with planted bad lines,
  records given twice, currency clashes, blank and CRLF lines and a ragged end, cut into a
  random number of ranges, the summary equals the sequential one, the first error is the
  sequential one (type, message, path, line), and with `on_error` the same errors are
  reported in the same order.
* A real process pool or two (fork, and spawn), `LogSummary.read_file`'s arguments, and its
  progress callback.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nanokit.demo import demo_workspace
from nanokit.exceptions import CurrencyMismatchError, NanokitError, ValidationError
from nanokit.kpi import _split
from nanokit.kpi.accumulator import Grouping, LogSummary
from nanokit.serialization import dump_records

WS = demo_workspace()
LINES = [
    line.encode("utf-8")
    for line in dump_records([*WS.influencers, *WS.campaigns, *WS.deals, *WS.interactions])
]
RECORDS = LINES[: len(WS.influencers) + len(WS.campaigns) + len(WS.deals)]
EVENTS = LINES[len(RECORDS) :]
VALUED = [line for line in EVENTS if b'"currency":"USD"' in line]

BAD = [
    b'{"type": "brand"}\n',
    b"not json at all\n",
    b'{"type": "interaction", "id": "e", "kind": "like"}\n',
    b"\xff\xfe not UTF-8 \xc3\x28\n",
    b'{"type": "interaction", "id": "x", "occurred_at": "2026-05-03T18:00:00Z", '
    b'"influencer_id": "i", "kind": "like", "count": 0}\n',
    b"[1, 2]\n",
    '{"type": "influencer", "id": "inf-zoë", "name": "Zoë ☃", "oops": 1}\n'.encode(),
    b'{"type": "deal", "id": "d-9", "id": "d-9"}\r\n',
]
BLANK = [b"\n", b"   \n", b"\r\n", b"\t \n"]


class Inline(Executor):
    """An executor that runs each call at once, in this process."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as error:  # noqa: BLE001 - handed to the future, as a pool does
            future.set_exception(error)
        return future


def shown(error: BaseException) -> tuple[object, ...]:
    """Everything a caller can see of an error."""
    if isinstance(error, ValidationError):
        inner = tuple(str(problem) for problem in error.errors)
        return type(error), str(error), error.path, error.line, inner
    return type(error), str(error)


def outcome(
    read: Callable[[Callable[[ValidationError], object] | None], LogSummary], collect: bool
) -> tuple[object, ...]:
    """A read's summary, or its error, and the errors handed to `on_error` before."""
    seen: list[ValidationError] = []
    try:
        summary = read(seen.append if collect else None)
    except NanokitError as error:
        return "raised", shown(error), [shown(problem) for problem in seen]
    return "read", summary, [shown(problem) for problem in seen]


def sequential(path: Path, group_by: str) -> Callable[[Any], LogSummary]:
    def read(on_error: Any) -> LogSummary:
        with path.open("rb") as handle:
            return LogSummary(group_by).read(handle, on_error=on_error)

    return read


def split(path: Path, group_by: str, count: int) -> Callable[[Any], LogSummary]:
    def read(on_error: Any) -> LogSummary:
        with path.open("rb") as handle:
            ranges = _split.cut(handle, path.stat().st_size, count)
        return _split.fold_ranges(path, ranges, Grouping(group_by), Inline(), on_error, None)

    return read


@pytest.fixture
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


# -- ranges -----------------------------------------------------------------------------------
PIECES = [b"a", b"{}", b"\n", b"\r\n", b"\r", "é".encode(), "☃".encode(), "𝄞".encode(), b"\xff"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60), st.integers(1, 30))
def test_ranges_start_at_line_starts_and_cover_the_file(pieces: list[bytes], count: int) -> None:
    data = b"".join(pieces)
    ranges = _split.cut(io.BytesIO(data), len(data), count)
    assert len(ranges) <= count
    assert [start for start, _ in ranges[1:]] == [stop for _, stop in ranges[:-1]]  # no gap
    assert ranges == [] if not data else (ranges[0][0], ranges[-1][1]) == (0, len(data))
    for start, stop in ranges:
        assert stop > start
        assert start == 0 or data[start - 1 : start] == b"\n"
    lines = [line for start, stop in ranges for line in io.BytesIO(data[start:stop])]
    assert lines == list(io.BytesIO(data))  # every line whole, in order, once
    counted = sum(_split.lines_in(data[start:stop]) for start, stop in ranges)
    assert counted == len(lines)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=60),
    st.integers(1, 9),
    st.data(),
)
def test_blocks_give_the_lines_of_the_file(
    pieces: list[bytes], block: int, data: st.DataObject
) -> None:
    content = b"".join(pieces)
    ends = sorted({0, len(content), *(i + 1 for i, b in enumerate(content) if b == 10)})
    start = data.draw(st.sampled_from(ends[:-1] or [0]))
    stop = data.draw(st.sampled_from([end for end in ends if end >= start]))
    with mock.patch.object(_split, "_BLOCK", block):  # a line longer than a block too
        chunks = list(_split.blocks(io.BytesIO(content), start, stop))
        to_end = list(_split.blocks(io.BytesIO(content), start, None))
    assert b"".join(chunks) == content[start:stop]
    assert all(chunk.endswith(b"\n") for chunk in chunks[:-1])
    assert list(_split._lines(chunks)) == list(io.BytesIO(content[start:stop]))
    assert b"".join(to_end) == content[start:]


def test_a_cut_inside_a_multibyte_character_moves_to_the_next_line() -> None:
    first = '{"name": "Zoë ☃ 𝄞 é"}\n'.encode()
    data = first + b'{"n": 2}\n' + "é".encode() * 10
    inside = first.index("☃".encode()) + 1  # the second byte of a three-byte character
    assert _split._line_start(io.BytesIO(data), inside) == len(first)
    middle = len(data) - 9  # inside an é of the last line, which has no final newline
    assert _split._line_start(io.BytesIO(data), middle) == len(data)
    size = 2 * inside  # the cut of two ranges aims at `inside`
    assert _split.cut(io.BytesIO(data[:size]), size, 2) == [(0, len(first)), (len(first), size)]


def test_a_file_of_one_line_is_one_range() -> None:
    for data in (b'{"n": 1}', b'{"n": 1}\n', "é".encode() * 50):
        assert _split.cut(io.BytesIO(data), len(data), 7) == [(0, len(data))]
    assert _split.cut(io.BytesIO(b""), 0, 3) == []


def test_range_counts() -> None:
    assert _split.range_count(1, 2) == 2 * _split._RANGES_PER_WORKER
    huge = 100 * _split._MAX_RANGE_BYTES
    assert _split.range_count(huge, 2) == 100
    assert _split.range_count(huge + 1, 2) == 101


# -- the merge and the errors, folded in this process -----------------------------------------
@st.composite
def logs(draw: st.DrawFn) -> bytes:
    """A log of demo lines with planted bad lines, clashes, blank and CRLF lines."""
    first = draw(st.integers(0, len(RECORDS) - 1))
    records = RECORDS[first : first + draw(st.integers(0, 8))]
    start = draw(st.integers(0, len(EVENTS) - 1))
    events = EVENTS[start : start + draw(st.integers(0, 30))]
    lines = [*records, *events]
    plants = draw(
        st.lists(
            st.tuples(
                st.integers(0, 10**6),
                st.sampled_from(["bad", "blank", "same", "changed", "currency"]),
                st.integers(0, 10**6),
            ),
            max_size=6,
        )
    )
    for where, kind, pick in plants:
        if kind == "bad":
            line = BAD[pick % len(BAD)]
        elif kind == "blank":
            line = BLANK[pick % len(BLANK)]
        elif kind in ("same", "changed") and records:
            line = records[pick % len(records)]
            if kind == "changed":  # the same id, other data
                line = line.replace(b'"name":"', b'"name":"X', 1).replace(
                    b'"influencer_id":"', b'"influencer_id":"X', 1
                )
        elif kind == "currency":
            valued = [line for line in events if b'"currency":"USD"' in line] or VALUED
            line = valued[pick % len(valued)].replace(b'"currency":"USD"', b'"currency":"EUR"')
        else:
            continue
        lines.insert(where % (len(lines) + 1), line)
    crlf = draw(st.sets(st.integers(0, max(0, len(lines) - 1)), max_size=5))
    lines = [
        line[:-1] + b"\r\n" if index in crlf and not line.endswith(b"\r\n") else line
        for index, line in enumerate(lines)
    ]
    data = b"".join(lines)
    if draw(st.booleans()) and data.endswith(b"\n"):
        data = data[: -2 if data.endswith(b"\r\n") else -1]  # a ragged end
    return data


@settings(max_examples=120, deadline=None)
@given(
    logs(),
    st.integers(1, 40),
    st.sampled_from(["influencer", "campaign", "deal"]),
    st.booleans(),
)
def test_a_split_read_is_the_sequential_read(
    data: bytes, count: int, group_by: str, collect: bool
) -> None:
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "log.jsonl"
        path.write_bytes(data)
        expected = outcome(sequential(path, group_by), collect)
        got = outcome(split(path, group_by, count), collect)
    assert got == expected


def test_the_property_meets_every_case(folder: Path) -> None:
    """Each kind of outcome the property compares, on fixed logs: a valid read, a bad line,
    a record given twice with other data, a currency clash."""
    kinds: set[object] = set()
    cases = {
        "valid": b"".join([*RECORDS, *EVENTS[:20]]),
        "bad": b"".join([*RECORDS[:3], BAD[0], *EVENTS[:5]]),
        "changed": b"".join(
            [*RECORDS[:3], *EVENTS[:5], RECORDS[0].replace(b'"name":"', b'"name":"X', 1)]
        ),
        "currency": b"".join(
            [*EVENTS, VALUED[0].replace(b'"currency":"USD"', b'"currency":"EUR"')]
        ),
    }
    for name, data in cases.items():
        path = folder / f"{name}.jsonl"
        path.write_bytes(data)
        result = outcome(sequential(path, "deal"), False)
        kinds.add(result[1][0] if result[0] == "raised" else "read")  # type: ignore[index]
        for count in (1, 2, 5, 17):
            assert outcome(split(path, "deal", count), False) == result
            assert outcome(split(path, "deal", count), True) == outcome(
                sequential(path, "deal"), True
            )
    assert kinds == {"read", ValidationError, CurrencyMismatchError}


def test_a_clash_across_ranges_is_the_sequential_error_after_the_earlier_bad_lines(
    folder: Path,
) -> None:
    changed = RECORDS[1].replace(b'"name":"', b'"name":"X', 1)
    lines = [*RECORDS, BAD[1], *EVENTS[:40], BAD[2], changed, BAD[3], *EVENTS[40:80]]
    path = folder / "log.jsonl"
    path.write_bytes(b"".join(lines))
    expected = outcome(sequential(path, "campaign"), True)
    assert expected[0] == "raised"
    assert "given twice with different data" in expected[1][1]  # type: ignore[index]
    assert len(expected[2]) == 2  # the bad lines before the clash, not the one after
    for count in (2, 3, 8, 30):
        assert outcome(split(path, "campaign", count), True) == expected


def test_a_currency_clash_across_ranges_has_the_sequential_message(folder: Path) -> None:
    euro = VALUED[0].replace(b'"currency":"USD"', b'"currency":"EUR"')
    path = folder / "log.jsonl"
    path.write_bytes(b"".join([*RECORDS, VALUED[0], *EVENTS[:300], euro, *EVENTS[300:400]]))
    expected = outcome(sequential(path, "influencer"), False)
    assert expected[1][0] is CurrencyMismatchError  # type: ignore[index]
    assert "a EUR amount among USD amounts" in expected[1][1]  # type: ignore[index]
    for count in (2, 7):
        assert outcome(split(path, "influencer", count), False) == expected


def test_bad_lines_keep_the_files_line_numbers(folder: Path) -> None:
    lines = [*RECORDS, *EVENTS[:100], b"\n", BAD[4], *EVENTS[100:200], BAD[0].rstrip(b"\n")]
    path = folder / "log.jsonl"
    path.write_bytes(b"".join(lines))
    problems: list[ValidationError] = []
    summary = split(path, "deal", 9)(problems.append)
    assert [problem.line for problem in problems] == [len(RECORDS) + 102, len(lines)]
    assert summary.accumulator.records == 200
    first = outcome(split(path, "deal", 9), False)
    assert first[1][3] == len(RECORDS) + 102  # type: ignore[index]


def test_an_on_error_that_raises_stops_the_read_as_it_stops_a_sequential_one(
    folder: Path,
) -> None:
    lines = [*RECORDS, *EVENTS[:50], BAD[0], *EVENTS[50:100], BAD[1], BAD[2], *EVENTS[100:150]]
    path = folder / "log.jsonl"
    path.write_bytes(b"".join(lines))

    def reader(read: Callable[[Any], LogSummary]) -> tuple[list[int | None], str]:
        seen: list[int | None] = []

        def give_up(error: ValidationError) -> None:
            seen.append(error.line)
            if len(seen) == 2:
                raise RuntimeError("enough")

        with pytest.raises(RuntimeError) as raised:
            read(give_up)
        return seen, str(raised.value)

    expected = reader(sequential(path, "deal"))
    assert expected == ([len(RECORDS) + 51, len(RECORDS) + 102], "enough")
    for count in (1, 4, 12):
        assert reader(split(path, "deal", count)) == expected


# -- LogSummary.read_file ---------------------------------------------------------------------
@pytest.fixture
def small_split(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Split files from 16 KiB per worker; the list grows by one per parallel read."""
    monkeypatch.setattr(_split, "_MIN_BYTES_PER_WORKER", 16 * 1024)
    calls: list[int] = []
    real = _split.fold_ranges

    def counting(*args: Any, **kwargs: Any) -> LogSummary:
        calls.append(len(args[1]))
        return real(*args, **kwargs)

    monkeypatch.setattr(_split, "fold_ranges", counting)
    return calls


def test_a_real_pool_reads_as_one_process(folder: Path, small_split: list[int]) -> None:
    lines = [*RECORDS, *EVENTS[:1500], BAD[3], *EVENTS[1500:], BAD[6].rstrip(b"\n")]
    path = folder / "log.jsonl"
    path.write_bytes(b"".join(lines))
    problems: list[ValidationError] = []
    summary = LogSummary.read_file(path, "deal", workers=2, on_error=problems.append)
    assert small_split == [8]  # two workers, four ranges each
    expected = outcome(sequential(path, "deal"), True)
    assert ("read", summary, [shown(problem) for problem in problems]) == expected
    assert [problem.line for problem in problems] == [len(RECORDS) + 1501, len(lines)]
    with pytest.raises(ValidationError) as raised:
        LogSummary.read_file(path, "deal", workers=2)
    assert shown(raised.value) == outcome(sequential(path, "deal"), False)[1]
    clean = folder / "clean.jsonl"
    clean.write_bytes(b"".join(LINES))
    assert LogSummary.read_file(clean, "campaign", workers=None) == sequential(clean, "campaign")(
        None
    )


def test_a_spawned_pool_reads_as_one_process(
    folder: Path, small_split: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_split, "_context", lambda: multiprocessing.get_context("spawn"))
    path = folder / "log.jsonl"
    path.write_bytes(b"".join(LINES))
    assert LogSummary.read_file(path, "influencer", workers=2) == sequential(path, "influencer")(
        None
    )
    assert small_split == [8]


def test_the_start_method(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_split.sys, "platform", "linux")
    monkeypatch.setattr(_split.multiprocessing, "get_all_start_methods", lambda: ["fork", "spawn"])
    monkeypatch.setattr(_split.threading, "active_count", lambda: 1)
    assert _split._context().get_start_method() == "fork"
    monkeypatch.setattr(_split.threading, "active_count", lambda: 2)  # forking threads: no
    assert _split._context().get_start_method() == "spawn"
    monkeypatch.setattr(_split.threading, "active_count", lambda: 1)
    monkeypatch.setattr(_split.sys, "platform", "darwin")
    assert _split._context().get_start_method() == "spawn"


def test_a_small_file_is_read_in_this_process(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a small file needs no process")

    monkeypatch.setattr(_split, "ProcessPoolExecutor", no_pool)
    path = folder / "log.jsonl"
    path.write_bytes(b"".join(LINES))  # under 1 MiB, far under 16 MiB per worker
    assert LogSummary.read_file(path, "deal", workers=64) == sequential(path, "deal")(None)
    monkeypatch.setattr(_split, "_MIN_BYTES_PER_WORKER", path.stat().st_size // 2 + 1)
    assert LogSummary.read_file(path, "deal", workers=2) == sequential(path, "deal")(None)


@pytest.mark.parametrize("data", [b"", b"\n", LINES[0].rstrip(b"\n"), LINES[-1], BAD[0]])
def test_tiny_files(folder: Path, small_split: list[int], data: bytes) -> None:
    path = folder / "log.jsonl"
    path.write_bytes(data)
    with mock.patch.object(_split, "_MIN_BYTES_PER_WORKER", 1):  # split even these
        for collect in (False, True):
            got = outcome(
                lambda on_error: LogSummary.read_file(path, "deal", workers=2, on_error=on_error),
                collect,
            )
            assert got == outcome(sequential(path, "deal"), collect)


def test_progress_counts_every_line(folder: Path, small_split: list[int]) -> None:
    path = folder / "log.jsonl"
    path.write_bytes(b"".join([*LINES, b"\n", b"  \n"]))
    total = len(LINES) + 2
    here: list[int] = []
    LogSummary.read_file(path, workers=1, progress=here.append)
    assert here[-1] == total
    assert here == sorted(here)
    there: list[int] = []
    LogSummary.read_file(path, workers=2, progress=there.append)
    assert small_split == [8]
    assert len(there) == 8
    assert there[-1] == total
    assert there == sorted(there)


@pytest.mark.parametrize(
    ("workers", "message"),
    [
        (0, "must be at least 1, got 0"),
        (-2, "must be at least 1, got -2"),
        (True, "expected a whole number of worker processes"),
        (2.0, "got float 2.0"),
        ("2", "got str '2'"),
    ],
)
def test_bad_workers_are_refused(folder: Path, workers: object, message: str) -> None:
    path = folder / "log.jsonl"
    path.write_bytes(LINES[0])
    with pytest.raises(ValidationError) as raised:
        LogSummary.read_file(path, workers=workers)  # type: ignore[arg-type]
    assert raised.value.path == "workers"
    assert message in str(raised.value)


def test_bad_arguments_are_refused(folder: Path) -> None:
    path = folder / "log.jsonl"
    path.write_bytes(LINES[0])
    with pytest.raises(ValidationError) as raised:
        LogSummary.read_file(path, "brand")
    assert raised.value.path == "group_by"
    for name in ("on_error", "progress"):
        with pytest.raises(ValidationError) as raised:
            LogSummary.read_file(path, **{name: "print"})  # type: ignore[arg-type]
        assert raised.value.path == name
        assert "expected a function or None" in str(raised.value)


def test_a_missing_file_or_a_folder_is_the_usual_os_error(folder: Path) -> None:
    with pytest.raises(FileNotFoundError) as missing:
        LogSummary.read_file(folder / "nowhere.jsonl", workers=2)
    assert missing.value.filename == str(folder / "nowhere.jsonl")
    with pytest.raises(IsADirectoryError if os.name == "posix" else OSError):
        LogSummary.read_file(folder, workers=2)


def test_usable_cpus_follow_the_affinity(monkeypatch: pytest.MonkeyPatch) -> None:
    if hasattr(os, "sched_getaffinity"):
        assert _split.usable_cpus() == len(os.sched_getaffinity(0))
        monkeypatch.delattr(os, "sched_getaffinity")
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert _split.usable_cpus() == 1
