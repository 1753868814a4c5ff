"""Running nanokit on engines that spread a log over many workers.

nanokit's sums merge exactly: a [`LogSummary`][nanokit.kpi.accumulator.LogSummary] (or a
[`KpiAccumulator`][nanokit.kpi.accumulator.KpiAccumulator]) of each part of a log, merged
in any order, equals the summary of the whole log, because every sum is an integer or an
exact `Decimal`. So any engine that can map over partitions and reduce the results can
report a log too large for one machine:

* [`nanokit.integrations.dask`][nanokit.integrations.dask]: a Dask bag of JSON Lines (the
  `dask` extra: `pip install "nanokit[dask]"`).
* PySpark needs no helper: `rdd.mapPartitions(...)` then `reduce(LogSummary.merge)`, as
  the how-to page *Report a log with Dask or Spark* shows.

Nothing here imports an engine until it is used, so `import nanokit.integrations` works
without any of them installed.

Examples:
    >>> from nanokit.integrations import dask as nanokit_dask
    >>> lines = [
    ...     '{"type": "interaction", "id": "e-1", "occurred_at": "2026-05-03T18:00:00Z", "influencer_id": "i-1", "kind": "like", "count": 40, "campaign_id": "c-1"}',
    ...     '{"type": "interaction", "id": "e-2", "occurred_at": "2026-05-03T19:00:00Z", "influencer_id": "i-2", "kind": "like", "count": 2, "campaign_id": "c-1"}',
    ... ]
    >>> parts = [nanokit_dask.fold_partition(lines[:1]), nanokit_dask.fold_partition(lines[1:])]
    >>> nanokit_dask.merge_summaries(parts).report()["c-1"].totals.likes
    42
"""

from __future__ import annotations

__all__: list[str] = []
