"""Campaign reports from a Dask bag of JSON Lines: one summary per partition, merged.

A log that outgrows one machine (or one core) is read as a
[Dask bag](https://docs.dask.org/en/stable/bag.html) of lines, say
`dask.bag.read_text("logs/*.jsonl")`: one partition per file, or per block of a large file.
[`summarize`][nanokit.integrations.dask.summarize] folds each partition into a
[`LogSummary`][nanokit.kpi.accumulator.LogSummary] (its influencers, campaigns and deals,
and the sums of its interactions, which are checked line by line but never kept) and merges
the summaries; [`report`][nanokit.integrations.dask.report] computes that and reports it.
The reports equal those of one pass over the whole log, digit for digit, whatever the
partitions and their order, because every sum is exact.

The lines are tagged workspace records, as
[`write_records`][nanokit.serialization.write_records] and `nanokit demo --write` write
them. A bad line stops the computation with the usual `ValidationError`; its line number
counts from the start of its partition, which is the line of the file when each file is one
partition (`read_text`'s default `blocksize=None`). With `include_path=True` the bag holds
`(line, path)` pairs, and the error names the file too.

This module needs Dask only for the bag you give it (the `dask` extra:
`pip install "nanokit[dask]"`); it imports nothing from Dask itself, and
[`fold_partition`][nanokit.integrations.dask.fold_partition] and
[`merge_summaries`][nanokit.integrations.dask.merge_summaries] are plain functions that any
engine can call.

Examples:
    >>> lines = [
    ...     '{"type": "deal", "id": "d-1", "campaign_id": "c-1", "influencer_id": "i-1", "compensation": {"cash_per_post": {"amount": "60"}}}',
    ...     '{"type": "interaction", "id": "e-1", "occurred_at": "2026-05-03T18:00:00Z", "influencer_id": "i-1", "kind": "post", "campaign_id": "c-1"}',
    ...     '{"type": "interaction", "id": "e-2", "occurred_at": "2026-05-03T19:00:00Z", "influencer_id": "i-1", "kind": "like", "count": 30, "campaign_id": "c-1"}',
    ... ]
    >>> try:
    ...     import dask.bag as db
    ... except ImportError:  # without the `dask` extra: fold the parts by hand, as Dask would
    ...     reports = merge_summaries([fold_partition(lines[:2]), fold_partition(lines[2:])]).report()
    ... else:
    ...     reports = report(db.from_sequence(lines, npartitions=2), scheduler="sync")
    >>> reports == LogSummary().read(lines).report()
    True
    >>> str(reports["c-1"].cpe)
    '$2.00'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any

from nanokit.exceptions import ValidationError
from nanokit.kpi.accumulator import Grouping, LogSummary
from nanokit.kpi.definitions import DEFAULT, EngagementDefinition
from nanokit.kpi.emv import RateCard
from nanokit.kpi.report import KpiReport

__all__ = ["fold_partition", "merge_summaries", "report", "summarize"]


def fold_partition(
    lines: Iterable[str | bytes | tuple[str, str]], group_by: Grouping | str = Grouping.CAMPAIGN
) -> LogSummary:
    """The summary of one partition: its records kept, its interactions summed.

    Args:
        lines: The partition's lines (text or bytes), or `(line, path)` pairs as
            `dask.bag.read_text(..., include_path=True)` gives them.
        group_by: What the reports will be by: influencer, campaign (the default) or deal.

    Returns:
        The partition's summary.

    Raises:
        ValidationError: For a bad line, with its line number in the partition (and its
            file, for `(line, path)` pairs), or an unknown grouping.
        CurrencyMismatchError: As for `KpiAccumulator.add`.

    Examples:
        >>> line = '{"type": "interaction", "id": "e-1", "occurred_at": "2026-05-03T18:00:00Z", "influencer_id": "i-1", "kind": "view", "count": 900}'
        >>> fold_partition([line]).accumulator.records
        1
        >>> fold_partition([(line.replace("900", "0"), "logs/may.jsonl")])
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: line 1: $.count: must be at least 1, got 0 (in logs/may.jsonl)
    """
    summary = LogSummary(group_by)
    where: list[str] = []
    try:
        summary.read(_texts(lines, where))
    except ValidationError as error:
        if not where:
            raise
        inner = error.errors if len(error.errors) > 1 else ()
        raise ValidationError(
            f"{error.message} (in {where[0]})", path=error.path, line=error.line, errors=inner
        ) from None
    return summary


def _texts(
    lines: Iterable[str | bytes | tuple[str, str]], where: list[str]
) -> Iterator[str | bytes]:
    """The lines alone; the file of `(line, path)` pairs goes into `where`."""
    for item in lines:
        if isinstance(item, tuple):
            line, path = item
            if not where:
                where.append(str(path))
            elif where[0] != path:  # a new file within the partition
                where[0] = str(path)
            yield line
        else:
            yield item


def merge_summaries(summaries: Iterable[LogSummary]) -> LogSummary:
    """Merge summaries (of partitions, or of merged partitions) into one.

    Args:
        summaries: Summaries with one grouping, at least one.

    Returns:
        Their merge; the inputs do not change.

    Raises:
        ValidationError: For no summary at all, summaries with different groupings, or a
            record two of them hold with different data.
        CurrencyMismatchError: As for `LogSummary.merge`.

    Examples:
        >>> merge_summaries([LogSummary("deal"), LogSummary("deal")]) == LogSummary("deal")
        True
        >>> merge_summaries([])
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: summaries: expected at least one summary to merge
    """
    merged: LogSummary | None = None
    for summary in summaries:
        merged = summary if merged is None else merged.merge(summary)
    if merged is None:
        raise ValidationError("expected at least one summary to merge", path="summaries")
    return merged


def summarize(bag: Any, *, group_by: Grouping | str = Grouping.CAMPAIGN) -> Any:
    """The summary of a whole bag, as a lazy Dask value: call `.compute()` on it.

    Each partition is folded by [`fold_partition`][nanokit.integrations.dask.fold_partition]
    where it lives, and the summaries are merged (in a tree, as Dask reduces); only the
    summaries travel between workers, never the lines.

    Args:
        bag: A `dask.bag.Bag` of tagged JSON Lines (text, bytes, or `(line, path)` pairs).
        group_by: What the reports will be by: influencer, campaign (the default) or deal.

    Returns:
        A `dask.bag.Item` whose value is the merged `LogSummary`.

    Raises:
        ValidationError: For an unknown grouping (at once), and when computed, as for
            `fold_partition` and `merge_summaries`.

    Examples:
        >>> try:
        ...     import dask.bag as db
        ... except ImportError:  # without the `dask` extra there is no bag to show
        ...     records = 0
        ... else:
        ...     lines = ['{"type": "campaign", "id": "c-1", "brand": "B", "name": "N", "objective": "sales", "media_kind": "paid", "start": "2026-05-01"}']
        ...     records = summarize(db.from_sequence(lines)).compute(scheduler="sync").accumulator.records
        >>> records
        0
    """
    grouping = LogSummary(group_by).group_by  # refuse an unknown grouping before any work
    fold = functools.partial(fold_partition, group_by=grouping)
    return bag.reduction(fold, merge_summaries)


def report(
    bag: Any,
    *,
    group_by: Grouping | str = Grouping.CAMPAIGN,
    campaign: str | None = None,
    definition: EngagementDefinition = DEFAULT,
    rate_card: RateCard | None = None,
    scheduler: str | None = None,
) -> dict[str | None, KpiReport]:
    """Compute a bag's summary and report it: one report per group.

    Args:
        bag: A `dask.bag.Bag` of tagged JSON Lines (text, bytes, or `(line, path)` pairs).
        group_by: What to report by: influencer, campaign (the default) or deal.
        campaign: Report only this campaign, as
            [`LogSummary.report`][nanokit.kpi.accumulator.LogSummary.report] does.
        definition: The engagement-rate definition (a mean over every post).
        rate_card: Prices for an earned media value, or `None` for none.
        scheduler: The Dask scheduler to compute with (`"processes"`, `"threads"`,
            `"sync"`, or a distributed client's); `None` uses Dask's default. With
            `"processes"`, each worker is handed one partition at a time (Dask's
            `chunksize=1`), so that every worker folds partitions.

    Returns:
        Reports by group id, exactly as one pass over the whole log gives them.

    Raises:
        ValidationError: For a bad line, an unknown grouping or campaign, and as for
            `LogSummary.report`.
        CurrencyMismatchError: As for `LogSummary.report`.

    Examples:
        >>> try:
        ...     import dask.bag as db
        ... except ImportError:  # without the `dask` extra there is no bag to report
        ...     groups = []
        ... else:
        ...     groups = list(report(db.from_sequence([], npartitions=1), scheduler="sync"))
        >>> groups
        []
    """
    lazy = summarize(bag, group_by=group_by)
    if scheduler is None:
        summary: LogSummary = lazy.compute()
    elif scheduler == "processes":
        # Dask's process pool hands out ready tasks in batches (6 by default); a task here
        # folds a whole partition, so a batch would keep the other workers idle.
        summary = lazy.compute(scheduler=scheduler, chunksize=1)
    else:
        summary = lazy.compute(scheduler=scheduler)
    return summary.report(campaign=campaign, definition=definition, rate_card=rate_card)
