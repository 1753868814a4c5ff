"""The policies per call: cheap enough to call once per row of a report, or per log line?

Times `classify_tier`, `assess_offer` and `loyalty_standing` (and the tier of an
influencer, which a report row asks for) one call at a time, on the demo workspace. The
reference is the cost of reading one interaction line into a report's sums
(`KpiAccumulator.read_jsonl`, per line of a 10k log, measured in the same run): the last
column is the call's time divided by it.
There is no rival here: pandas has no tier or loyalty policy to compare with.

    python benchmarks/bench_policies.py           # 20,000 calls each, 7 runs
    python benchmarks/bench_policies.py --quick   # 2,000 calls each, 3 runs
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _data
from _harness import measure, median

from nanokit import Compensation, Money, ProductGift
from nanokit.demo import AMBASSADOR_INFLUENCER_ID, DEMO_NOW, demo_workspace
from nanokit.kpi import KpiAccumulator
from nanokit.policy import assess_offer, classify_tier, loyalty_standing


def main(argv: list[str] | None = None) -> list[tuple[str, float, float]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 calls each, 3 runs")
    args = parser.parse_args(argv)
    calls = 2_000 if args.quick else 20_000
    runs = 3 if args.quick else 7
    workspace = demo_workspace()
    person = next(p for p in workspace.influencers if p.id == AMBASSADOR_INFLUENCER_ID)
    deals = workspace.deals
    offer = Money("150")
    gift = Compensation(cash_per_post=Money("60"), product=ProductGift("kit", Money("45")))
    followers = [1_000 + 997 * n for n in range(calls)]
    log = _data.interactions_file(_data.SIZES["10k"])
    lines = log.read_bytes().splitlines(keepends=True)

    cases: dict[str, Callable[[], object]] = {
        "classify_tier(followers)": lambda: [classify_tier(f) for f in followers],
        "classify_tier(influencer)": lambda: [classify_tier(person) for _ in range(calls)],
        "assess_offer(Money, tier, posts=3)": lambda: [
            assess_offer(offer, "nano", posts=3) for _ in range(calls)
        ],
        "assess_offer(Compensation, tier)": lambda: [
            assess_offer(gift, "micro") for _ in range(calls)
        ],
        f"loyalty_standing(id, {len(deals)} deals)": lambda: [
            loyalty_standing(AMBASSADOR_INFLUENCER_ID, deals, as_of=DEMO_NOW)
            for _ in range(calls // 10)
        ],
        "reference: one log line read": lambda: KpiAccumulator("deal").read_jsonl(lines),
    }
    per_call = {
        "reference: one log line read": len(lines),
        **{name: calls for name in cases if not name.startswith(("loyalty", "reference"))},
    }
    times = measure(cases, runs)
    line = median(times["reference: one log line read"]) / len(lines)
    rows = []
    print("\n### Policies per call (median of the runs)\n")
    print("| call | us per call | calls per second | per call / one log line |")
    print("| --- | ---: | ---: | ---: |")
    for name, found in times.items():
        count = per_call.get(name, calls // 10)
        seconds = median(found) / count
        rows.append((name, seconds, seconds / line))
        print(f"| {name} | {seconds * 1e6:,.1f} | {1 / seconds:,.0f} | {seconds / line:.2f} |")
    return rows


if __name__ == "__main__":
    main()
