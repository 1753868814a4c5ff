"""nanokit.integrations.dask: a Dask bag's report equals the single-process report exactly.

The tests that build a bag need Dask (the `dask` extra) and are skipped, with that reason,
without it; `fold_partition` and `merge_summaries` are plain functions and always run.
Dask runs with its local schedulers ("sync", "threads", and once "processes").
"""

from __future__ import annotations

import importlib.util
import random
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nanokit import ValidationError
from nanokit.demo import PAID_CAMPAIGN_ID, demo_workspace
from nanokit.integrations import dask as nanokit_dask
from nanokit.integrations.dask import fold_partition, merge_summaries
from nanokit.kpi import KpiAccumulator, LogSummary
from nanokit.serialization import dump_records, iter_records

HAS_DASK = importlib.util.find_spec("dask") is not None and (
    importlib.util.find_spec("dask.bag") is not None
)
needs_dask = pytest.mark.skipif(
    not HAS_DASK, reason='Dask is not installed (pip install "nanokit[dask]")'
)


@cache
def demo_lines() -> tuple[str, ...]:
    ws = demo_workspace(interactions=2_000)
    return tuple(dump_records([*ws.influencers, *ws.campaigns, *ws.deals, *ws.interactions]))


def single_process(lines: tuple[str, ...] | list[str], group_by: str) -> dict[str | None, Any]:
    """The report of one pass, built from objects (no LogSummary involved)."""
    records = list(iter_records(lines))
    kinds: dict[str, list[Any]] = {}
    for record in records:
        kinds.setdefault(type(record).__name__, []).append(record)
    accumulator = KpiAccumulator(group_by).update(kinds["Interaction"])
    return accumulator.result(deals=kinds["Deal"], influencers=kinds["Influencer"])


def bag(lines: Any, partitions: int) -> Any:
    import dask.bag as db

    return db.from_sequence(list(lines), npartitions=partitions)


# -- with Dask --------------------------------------------------------------------------------
@needs_dask
@pytest.mark.parametrize("group_by", ["influencer", "campaign", "deal"])
@pytest.mark.parametrize("partitions", [1, 3, 8])
def test_a_bag_reports_exactly_what_one_pass_reports(group_by: str, partitions: int) -> None:
    lines = demo_lines()
    reports = nanokit_dask.report(bag(lines, partitions), group_by=group_by, scheduler="sync")
    assert reports == single_process(lines, group_by)
    assert reports == LogSummary(group_by).read(lines).report()


@needs_dask
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(partitions=st.integers(1, 12), seed=st.integers(0, 2**16))
def test_shuffled_lines_in_any_partitions_give_the_same_reports(
    partitions: int, seed: int
) -> None:
    lines = list(demo_lines())
    random.Random(seed).shuffle(lines)
    summary = nanokit_dask.summarize(bag(lines, partitions), group_by="deal").compute(
        scheduler="threads"
    )
    assert summary == LogSummary("deal").read(demo_lines())


@needs_dask
def test_worker_processes_give_the_same_reports() -> None:
    lines = demo_lines()
    reports = nanokit_dask.report(bag(lines, 4), group_by="deal", scheduler="processes")
    assert reports == single_process(lines, "deal")


@needs_dask
def test_one_campaign_of_a_bag(tmp_path: Path) -> None:
    lines = demo_lines()
    reports = nanokit_dask.report(
        bag(lines, 5), group_by="influencer", campaign=PAID_CAMPAIGN_ID, scheduler="sync"
    )
    assert reports == LogSummary("influencer").read(lines).report(campaign=PAID_CAMPAIGN_ID)
    assert reports
    with pytest.raises(ValidationError) as caught:
        nanokit_dask.report(bag(lines, 2), campaign="cmp-none", scheduler="sync")
    assert caught.value.path == "campaign"


@needs_dask
def test_files_read_as_a_bag(tmp_path: Path) -> None:
    import dask.bag as db

    lines = demo_lines()
    for number, (start, stop) in enumerate([(0, 700), (700, 1500), (1500, len(lines))]):
        (tmp_path / f"log-{number}.jsonl").write_text("".join(lines[start:stop]), encoding="utf-8")
    files = db.read_text(str(tmp_path / "*.jsonl"))
    assert files.npartitions == 3
    assert nanokit_dask.report(files, group_by="deal", scheduler="sync") == single_process(
        lines, "deal"
    )


@needs_dask
def test_a_bad_line_names_its_file_and_line(tmp_path: Path) -> None:
    import dask.bag as db

    lines = list(demo_lines()[:60])
    lines[49] = lines[49].replace('"occurred_at":"', '"occurred_at":"x')
    (tmp_path / "a.jsonl").write_text("".join(lines[:30]), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("".join(lines[30:]), encoding="utf-8")
    files = db.read_text(str(tmp_path / "*.jsonl"), include_path=True)
    with pytest.raises(ValidationError) as caught:
        nanokit_dask.report(files, scheduler="sync")
    assert caught.value.line == 20
    assert caught.value.path == "$.occurred_at"
    assert "b.jsonl" in caught.value.message


@needs_dask
def test_an_unknown_grouping_is_refused_before_any_work() -> None:
    with pytest.raises(ValidationError) as caught:
        nanokit_dask.summarize(bag(demo_lines(), 2), group_by="week")
    assert caught.value.path == "group_by"


# -- without Dask -----------------------------------------------------------------------------
def test_folded_partitions_merge_to_the_whole() -> None:
    lines = demo_lines()
    parts = [
        fold_partition(lines[a:b], "campaign") for a, b in ((0, 900), (900, 1800), (1800, None))
    ]
    assert merge_summaries(reversed(parts)).report() == single_process(lines, "campaign")


def test_partitions_of_path_pairs_name_the_file() -> None:
    lines = [(line, "logs/2026-05.jsonl") for line in demo_lines()[:100]]
    assert fold_partition(lines) == LogSummary().read(demo_lines()[:100])
    lines[70] = (lines[70][0].replace('"kind":"', '"kind":"x'), lines[70][1])
    with pytest.raises(ValidationError) as caught:
        fold_partition(lines)
    assert caught.value.line == 71
    assert caught.value.path == "$.kind"
    assert caught.value.message.endswith("(in logs/2026-05.jsonl)")


def test_merging_nothing_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        merge_summaries([])
    assert caught.value.path == "summaries"


def test_worker_processes_take_one_partition_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # Dask's process pool hands out ready tasks in batches of 6 by default: with 7 partitions
    # on 2 workers, one worker would fold 6 of them. `report` asks for one at a time.
    seen: list[dict[str, object]] = []

    class Lazy:
        def compute(self, **options: object) -> LogSummary:
            seen.append(options)
            return LogSummary("deal")

    monkeypatch.setattr(nanokit_dask, "summarize", lambda bag, group_by: Lazy())
    for scheduler in ("processes", "threads", "sync", None):
        assert nanokit_dask.report(object(), group_by="deal", scheduler=scheduler) == {}
    assert seen == [
        {"scheduler": "processes", "chunksize": 1},
        {"scheduler": "threads"},
        {"scheduler": "sync"},
        {},
    ]
