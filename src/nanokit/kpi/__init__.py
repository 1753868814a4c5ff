"""What a brand measures: formulas, engagement-rate definitions, benchmarks and reports.

One concern per module:

* [`formulas`][nanokit.kpi.formulas]: ER, CTR, conversion rate, ROI, ROAS, CPE, CPM, CPC,
  CPA, cost per post; numbers in, numbers out; a zero denominator gives `None`.
* [`definitions`][nanokit.kpi.definitions]: engagement-rate definitions as cited data
  (nanokit's default, GRIN, HypeAuditor, Modash, Captiv8, CreatorIQ, by reach).
* [`engagement`][nanokit.kpi.engagement]: `measure_engagement`, which says which definition
  produced a rate and why a rate is missing.
* [`benchmarks`][nanokit.kpi.benchmarks]: benchmark rates by tier, and far below / within /
  far above.
* [`emv`][nanokit.kpi.emv]: earned media value with a named rate card; never revenue.
* [`report`][nanokit.kpi.report]: `KpiTotals` and `KpiReport`, and what a cost counts.
* [`accumulator`][nanokit.kpi.accumulator]: `KpiAccumulator`, one pass in constant memory,
  mergeable; `LogSummary`, what a report needs from a log of records.
* [`campaign`][nanokit.kpi.campaign]: `campaign_report`, totals and ranked influencer rows.

Presets keep their module's name space (`definitions.GRIN`, `emv.UPFLUENCE`,
`benchmarks.BENCHMARKS`).

Examples:
    >>> from decimal import Decimal
    >>> from nanokit import Money
    >>> from nanokit.kpi import cost_per_acquisition, definitions, roi
    >>> cost_per_acquisition(Money("700"), 40)
    Money('17.5', 'USD')
    >>> roi(Money("4000"), Money("1500")).quantize(Decimal("0.001"))
    Decimal('1.667')
    >>> definitions.GRIN.describe()
    '(likes + comments) / followers, mean per post'
"""

from nanokit.kpi import (
    accumulator,
    benchmarks,
    campaign,
    definitions,
    emv,
    engagement,
    formulas,
    report,
)
from nanokit.kpi.accumulator import Grouping, KpiAccumulator, LogSummary
from nanokit.kpi.benchmarks import (
    Benchmark,
    BenchmarkComparison,
    BenchmarkThresholds,
    BenchmarkVerdict,
    compare_to_benchmark,
)
from nanokit.kpi.campaign import CampaignReport, InfluencerRow, TargetResult, campaign_report
from nanokit.kpi.definitions import Aggregate, EngagementBase, EngagementDefinition
from nanokit.kpi.emv import EarnedMediaValue, EmvLine, RateCard, RatePrice, earned_media_value
from nanokit.kpi.engagement import (
    Engagement,
    PostMetrics,
    measure_engagement,
    posts_from_interactions,
)
from nanokit.kpi.formulas import (
    click_through_rate,
    conversion_rate,
    cost_per_acquisition,
    cost_per_click,
    cost_per_engagement,
    cost_per_post,
    cpm,
    engagement_rate,
    roas,
    roi,
)
from nanokit.kpi.report import KpiReport, KpiTotals

__all__ = [
    "Aggregate",
    "Benchmark",
    "BenchmarkComparison",
    "BenchmarkThresholds",
    "BenchmarkVerdict",
    "CampaignReport",
    "EarnedMediaValue",
    "EmvLine",
    "Engagement",
    "EngagementBase",
    "EngagementDefinition",
    "Grouping",
    "InfluencerRow",
    "KpiAccumulator",
    "KpiReport",
    "KpiTotals",
    "LogSummary",
    "PostMetrics",
    "RateCard",
    "RatePrice",
    "TargetResult",
    "accumulator",
    "benchmarks",
    "campaign",
    "campaign_report",
    "click_through_rate",
    "compare_to_benchmark",
    "conversion_rate",
    "cost_per_acquisition",
    "cost_per_click",
    "cost_per_engagement",
    "cost_per_post",
    "cpm",
    "definitions",
    "earned_media_value",
    "emv",
    "engagement",
    "engagement_rate",
    "formulas",
    "measure_engagement",
    "posts_from_interactions",
    "report",
    "roas",
    "roi",
]
