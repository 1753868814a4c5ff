"""`nanokit report` end to end against pandas and polars computing the same numbers.

The log is `_data.records_file(n)`: the programme's influencers, campaigns and deals, then
n interactions, as tagged JSON Lines. The report is one row per deal (that is, per
influencer and campaign): posts, impressions, likes, comments, shares, saves, engagements,
clicks, conversions, revenue, cost, ER, CPE, CPM, CPA and ROI, plus the row of interactions
outside any deal.

Each tool runs in a fresh child process, so its time (imports included) and its peak
resident memory are its own:

* `nanokit`: `nanokit report LOG --by deal --format json -o OUT`, the command as it ships:
  the log is read through `LogSummary` (interactions checked and summed, never built as
  objects), cut into byte ranges read by one worker process per usable CPU (`--jobs auto`).
* `nanokit-1cpu`: the same with `--jobs 1`: the whole log read in one process.
* `nanokit-stdlib`: the command as it ships, with `import orjson` made to fail (the
  stdlib-only install).
* `pandas`: `pd.read_json(LOG, lines=True)`, then groupby; `polars`: `pl.read_ndjson(LOG,
  schema=...)`, then group_by. They read `_data.rival_log(n)`: the same interaction lines
  without the influencer, campaign and deal lines, whose follower counts and deal terms they
  are handed as Python data for free. Both keep the whole log in memory; money is float64.

Before timing, the numbers are compared: every count and the ER exactly, money KPIs within a
relative 1e-9 (the rivals' floats against nanokit's exact decimals).

    python benchmarks/bench_report.py            # 10k, 100k and 1M lines
    python benchmarks/bench_report.py --quick    # 10k and 100k lines, fewer runs
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import sys
import tempfile
import time
from pathlib import Path

STARTED = time.perf_counter()
sys.path.insert(0, str(Path(__file__).resolve().parent))

import _data  # noqa: E402 - after the clock starts and the path is set
from _harness import Row, child_result, median, print_table, run_child, save  # noqa: E402

HERE = Path(__file__).resolve()
CONTENT = ("post", "story", "reel", "video", "short", "live", "article")
ENGAGEMENT = ("like", "comment", "share", "save")
COUNTED = (*CONTENT, "impression", *ENGAGEMENT, "click", "conversion", "product_sent")
FIELDS = ("posts", "impressions", "likes", "comments", "shares", "saves", "engagements",
          "clicks", "conversions")  # fmt: skip
MONEY = ("cost", "revenue", "cpe", "cpm", "cpa", "roi")
TASKS = ("nanokit", "nanokit-1cpu", "nanokit-stdlib", "pandas", "polars")


# -- what the rivals are given ----------------------------------------------------------------
def terms(seed: int, influencers: int) -> dict[str, object]:
    """Follower counts and deal terms, as plain data (the rivals get them for free)."""
    world = _data.world(seed, influencers=influencers)
    deals = []
    for deal in world.deals:
        terms = deal.compensation
        deals.append(
            {
                "deal": deal.id,
                "campaign_id": deal.campaign_id,
                "influencer_id": deal.influencer_id,
                "cash": float(terms.cash_per_post.amount) if terms.cash_per_post else 0.0,
                "product": float(terms.product.retail_value.amount) if terms.product else 0.0,
                "rate": float(terms.commission.rate)
                if terms.commission and terms.commission.rate
                else 0.0,
            }
        )
    followers = [
        {"influencer_id": person, "platform": platform, "followers": count}
        for (person, platform), count in world.followers().items()
    ]
    return {"deals": deals, "followers": followers}


def kpis(row: dict[str, float]) -> dict[str, float | None]:
    """ER, CPE, CPM, CPA and ROI from a row's sums, by nanokit's formulas (None when undefined)."""
    cost, revenue = row["cost"], row["revenue"]
    return {
        "er": row["engagements"] / row["base"] if row["base"] else None,
        "cpe": cost / row["engagements"] if row["engagements"] else None,
        "cpm": cost / row["impressions"] * 1000 if row["impressions"] else None,
        "cpa": cost / row["conversions"] if row["conversions"] else None,
        "roi": (revenue - cost) / cost if cost else None,
    }


def pandas_report(log: Path, given: dict[str, object]) -> dict[str, dict[str, object]]:
    import numpy as np
    import pandas as pd

    df = pd.read_json(log, lines=True)
    deals = pd.DataFrame(given["deals"])
    followers = pd.DataFrame(given["followers"])
    df["count"] = df["count"].fillna(1).astype("int64")
    pairs = deals[["campaign_id", "influencer_id", "deal"]]
    df = df.merge(pairs, on=["campaign_id", "influencer_id"], how="left")
    df["group"] = df["deal_id"].fillna(df["deal"]).fillna("")
    df["amount"] = df["value"].str.get("amount").astype("float64").fillna(0.0)
    counts = (
        df[df["kind"].isin(COUNTED)]
        .pivot_table(index="group", columns="kind", values="count", aggfunc="sum", fill_value=0)
        .reindex(columns=list(COUNTED), fill_value=0)
    )
    table = pd.DataFrame(index=df["group"].unique())
    table["posts"] = counts[list(CONTENT)].sum(axis=1)
    table["impressions"] = counts["impression"]
    for kind in ENGAGEMENT:
        table[f"{kind}s"] = counts[kind]
    table["engagements"] = counts[list(ENGAGEMENT)].sum(axis=1)
    table["clicks"] = counts["click"]
    table["conversions"] = counts["conversion"]
    table["sent"] = counts["product_sent"]
    table = table.fillna(0).astype("int64")
    table["revenue"] = df[df["kind"] == "conversion"].groupby("group")["amount"].sum()
    posts = (
        df[df["kind"].isin(CONTENT)]
        .groupby(["group", "influencer_id", "platform"], as_index=False)["count"]
        .sum()
        .merge(followers, on=["influencer_id", "platform"])
    )
    posts["base"] = posts["count"] * posts["followers"]
    table["base"] = posts.groupby("group")["base"].sum()
    table = table.fillna({"revenue": 0.0, "base": 0}).join(deals.set_index("deal"))
    active = (table["posts"] > 0) | (table["sent"] > 0)
    fixed = table["cash"] * table["posts"] + np.where(active, table["product"], 0.0)
    table["cost"] = fixed.fillna(0.0) + (table["rate"] * table["revenue"]).fillna(0.0)
    return {
        str(group): {**{k: _plain(v) for k, v in row.items()}, **kpis(row)}
        for group, row in table.iterrows()
    }


def polars_report(log: Path, given: dict[str, object]) -> dict[str, dict[str, object]]:
    import polars as pl

    text = pl.String
    schema = {
        "type": text, "id": text, "occurred_at": text, "influencer_id": text, "kind": text,
        "count": pl.Int64, "campaign_id": text, "deal_id": text, "content_id": text,
        "value": pl.Struct({"amount": text, "currency": text}), "direction": text,
        "channel": text, "platform": text, "hashtags": pl.List(text), "provenance": text,
        "note": text,
    }  # fmt: skip
    df = pl.read_ndjson(log, schema=schema)
    deals = pl.DataFrame(given["deals"])
    followers = pl.DataFrame(given["followers"])
    df = df.join(
        deals.select("campaign_id", "influencer_id", "deal"),
        on=["campaign_id", "influencer_id"],
        how="left",
    ).with_columns(
        pl.col("count").fill_null(1),
        pl.coalesce("deal_id", "deal").fill_null("").alias("group"),
        pl.col("value").struct.field("amount").cast(pl.Float64).fill_null(0.0).alias("amount"),
    )

    def total(*kinds: str) -> pl.Expr:
        return pl.col("count").filter(pl.col("kind").is_in(kinds)).sum()

    table = df.group_by("group").agg(
        total(*CONTENT).alias("posts"),
        total("impression").alias("impressions"),
        *(total(kind).alias(f"{kind}s") for kind in ENGAGEMENT),
        total(*ENGAGEMENT).alias("engagements"),
        total("click").alias("clicks"),
        total("conversion").alias("conversions"),
        total("product_sent").alias("sent"),
        pl.col("amount").filter(pl.col("kind") == "conversion").sum().alias("revenue"),
    )
    base = (
        df.filter(pl.col("kind").is_in(CONTENT))
        .group_by("group", "influencer_id", "platform")
        .agg(pl.col("count").sum())
        .join(followers, on=["influencer_id", "platform"])
        .group_by("group")
        .agg((pl.col("count") * pl.col("followers")).sum().alias("base"))
    )
    table = (
        table.join(base, on="group", how="left")
        .join(deals, left_on="group", right_on="deal", how="left")
        .with_columns(
            pl.col("base").fill_null(0), pl.col("cash", "product", "rate").fill_null(0.0)
        )
        .with_columns(
            (
                pl.col("cash") * pl.col("posts")
                + pl.when((pl.col("posts") > 0) | (pl.col("sent") > 0))
                .then(pl.col("product"))
                .otherwise(0.0)
                + pl.col("rate") * pl.col("revenue")
            ).alias("cost")
        )
    )
    return {row["group"]: {**row, **kpis(row)} for row in table.iter_rows(named=True)}


def _plain(value: object) -> object:
    return value.item() if hasattr(value, "item") else value


# -- nanokit ----------------------------------------------------------------------------------
def nanokit_rows(reports: dict[str | None, object]) -> dict[str, dict[str, object]]:
    rows = {}
    for group, report in reports.items():
        totals = report.totals  # type: ignore[attr-defined]
        row: dict[str, object] = {name: getattr(totals, name) for name in FIELDS}
        row["cost"] = totals.cost.amount
        row["revenue"] = totals.revenue.amount
        row["er"] = report.engagement.rate  # type: ignore[attr-defined]
        for name in ("cpe", "cpm", "cpa"):
            value = getattr(report, name)
            row[name] = None if value is None else value.amount
        row["roi"] = report.roi  # type: ignore[attr-defined]
        rows["" if group is None else group] = row
    return rows


def library_rows(log: Path) -> dict[str, dict[str, object]]:
    """The report by deal as the library gives it (every count by kind), for the checks."""
    from nanokit.kpi import LogSummary

    with log.open("rb") as handle:
        summary = LogSummary("deal").read(handle)
    return nanokit_rows(summary.report())


def run_nanokit(log: Path, out: Path, jobs: str) -> None:
    """`nanokit report LOG --by deal --format json -o OUT --jobs JOBS`, in this process."""
    from nanokit import cli

    code = cli.main(
        ["report", str(log), "--by", "deal", "--format", "json", "-o", str(out), "--jobs", jobs]
    )
    assert code == 0


def cli_rows(path: Path) -> dict[str, dict[str, object]]:
    """The rows of the command's JSON output, in the benchmark's terms."""
    document = json.loads(path.read_text(encoding="utf-8"))
    rows = {}
    for row in document["rows"]:
        rows["" if row["group"] is None else row["group"]] = {
            "posts": row["posts"],
            "impressions": row["impressions"],
            "engagements": row["engagements"],
            "clicks": row["clicks"],
            "conversions": row["conversions"],
            "er": row["engagement_rate"],
            **{
                name: None if row[name] is None else row[name]["amount"]
                for name in ("cost", "revenue", "cpe", "cpm", "cpa")
            },
            "roi": row["roi"],
        }
    return rows


# -- comparing --------------------------------------------------------------------------------
def compare(
    ours: dict[str, dict[str, object]], theirs: dict[str, dict[str, object]], who: str
) -> None:
    """Raise unless both hold the same groups with the same numbers."""
    if set(ours) != set(theirs):
        raise AssertionError(f"{who}: other groups: {sorted(set(ours) ^ set(theirs))[:5]}")
    for group, row in ours.items():
        other = theirs[group]
        for name, value in row.items():
            if name not in other:
                continue
            theirs_value = other[name]
            if name in FIELDS:
                same = int(value) == int(theirs_value)  # type: ignore[call-overload]
            elif name == "er":
                same = value == theirs_value or (
                    value is not None
                    and theirs_value is not None
                    and float(value) == float(theirs_value)  # type: ignore[arg-type]
                )
            elif value is None or theirs_value is None:
                same = value is None and (
                    theirs_value is None
                    or (isinstance(theirs_value, float) and math.isnan(theirs_value))
                )
            else:
                a, b = float(value), float(theirs_value)  # type: ignore[arg-type]
                same = math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
            if not same:
                raise AssertionError(
                    f"{who}: {group} {name}: nanokit {value!r}, {who} {theirs_value!r}"
                )


# -- the child --------------------------------------------------------------------------------
def child(task: str, log: Path, out: Path, seed: int, influencers: int) -> None:
    if task == "nanokit-stdlib":
        sys.modules["orjson"] = None  # type: ignore[assignment]  # as if it were not installed
    if task.startswith("nanokit"):
        run_nanokit(log, out, jobs="1" if task == "nanokit-1cpu" else "auto")
        rows = cli_rows(out)
    else:
        given = terms(seed, influencers)
        report = pandas_report if task == "pandas" else polars_report
        rows = report(log, given)
    Path(f"{out}.rows").write_text(json.dumps(rows, default=str), encoding="utf-8")
    # Worker processes (nanokit's --jobs) have their own memory: the largest one's peak.
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    child_result(STARTED, workers_peak_mb=workers)


# -- the parent -------------------------------------------------------------------------------
def bench(
    lines: int, runs: int, folder: Path, influencers: int = _data.INFLUENCERS
) -> dict[str, dict[str, float]]:
    log = _data.records_file(lines, influencers=influencers)
    rival = _data.rival_log(lines, influencers=influencers)
    results: dict[str, dict[str, list[float]]] = {
        task: {"seconds": [], "peak_mb": [], "workers_peak_mb": []} for task in TASKS
    }
    reference = library_rows(log)
    for run in range(runs):
        for task in TASKS:
            out = folder / f"{task}-{lines}-{influencers}.json"
            source = rival if task in ("pandas", "polars") else log
            measured = run_child(
                [str(HERE), "--task", task, "--input", str(source), "--out", str(out),
                 "--seed", str(_data.SEED), "--influencers", str(influencers)]
            )  # fmt: skip
            results[task]["seconds"].append(float(measured["seconds"]))  # type: ignore[arg-type]
            results[task]["peak_mb"].append(float(measured["peak_mb"]))  # type: ignore[arg-type]
            results[task]["workers_peak_mb"].append(float(measured["workers_peak_mb"]))  # type: ignore[arg-type]
            if run == 0:  # every figure of every tool equal to the library's own
                compare(reference, json.loads(Path(f"{out}.rows").read_text()), task)
    return {
        task: {key: median(values) for key, values in found.items()}
        for task, found in results.items()
    }


def memory(found: dict[str, float]) -> str:
    """Peak memory: the process's own, and the largest worker's when it started any."""
    own = f"{found['peak_mb']:.0f} MB"
    return (
        own
        if found["workers_peak_mb"] < 1
        else f"{own} + workers of {found['workers_peak_mb']:.0f} MB"
    )


def main(argv: list[str] | None = None) -> list[Row]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10k and 100k lines, 3 runs")
    parser.add_argument("--runs", type=int, default=None, help="runs per tool (median)")
    parser.add_argument("--json", help="append the rows as JSON lines to this file")
    parser.add_argument("--task", choices=TASKS, help=argparse.SUPPRESS)
    parser.add_argument("--input", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=_data.SEED, help=argparse.SUPPRESS)
    parser.add_argument(
        "--influencers", type=int, default=_data.INFLUENCERS, help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.task:
        child(args.task, Path(args.input), Path(args.out), args.seed, args.influencers)
        return []
    sizes = ["10k", "100k"] if args.quick else ["10k", "100k", "1m"]
    rows: list[Row] = []
    scale: list[str] = []
    with tempfile.TemporaryDirectory(prefix="nanokit-report-") as temporary:
        folder = Path(temporary)
        for label in sizes:
            lines = _data.SIZES[label]
            runs = args.runs or (3 if args.quick or label == "1m" else 5)
            found = bench(lines, runs, folder)
            for mine in ("nanokit", "nanokit-1cpu", "nanokit-stdlib"):
                for rival, target in (("pandas", "<= 0.333"), ("polars", "<= 4")):
                    if mine == "nanokit-stdlib" and rival == "pandas":
                        target = "< 1"  # the stdlib-only install must still beat pandas
                    rows.append(
                        Row(
                            "report",
                            label,
                            mine,
                            found[mine]["seconds"],
                            rival,
                            found[rival]["seconds"],
                            target,
                        )
                    )
            scale.append(
                f"| {label} | "
                + " | ".join(
                    f"{found[task]['seconds']:.2f} s, {found[task]['seconds'] / lines * 1e6:.1f} us/line, {memory(found[task])}"
                    for task in TASKS
                )
                + " |"
            )
        groups = []
        if not args.quick:
            for influencers in (_data.INFLUENCERS, _data.INFLUENCERS * 10):
                found = bench(100_000, 1, folder, influencers=influencers)
                world = _data.world(_data.SEED, influencers=influencers)
                groups.append(
                    f"| {influencers:,} | {len(world.deals):,} | {memory(found['nanokit'])} | "
                    f"{found['pandas']['peak_mb']:.0f} MB | {found['polars']['peak_mb']:.0f} MB |"
                )
    print_table(rows, "Report end to end: nanokit time / rival time (lower is better)")
    print(
        "\n### Time and peak memory by size (median of the runs, each tool in its own process)\n"
    )
    print("| lines | " + " | ".join(TASKS) + " |")
    print("| ---: |" + " --- |" * len(TASKS))
    print("\n".join(scale))
    if groups:
        print("\n### Memory grows with groups, not lines (100k lines)\n")
        print("| influencers | deals (groups) | nanokit | pandas | polars |")
        print("| ---: | ---: | ---: | ---: | ---: |")
        print("\n".join(groups))
    save(rows, args.json)
    return rows


if __name__ == "__main__":
    main()
