"""Engagement-rate benchmarks by tier, as cited data, and how a rate compares to one.

Each [`Benchmark`][nanokit.kpi.benchmarks.Benchmark] carries its tier, platform, value,
the definition it was computed with (when the source says), its source and year.
[`compare_to_benchmark`][nanokit.kpi.benchmarks.compare_to_benchmark] divides a rate by a
benchmark and calls the ratio far below the band (fake or inactive followers?), within it, or
far above it (engagement pods?), with the thresholds of a
[`BenchmarkThresholds`][nanokit.kpi.benchmarks.BenchmarkThresholds] policy.

A rate and a benchmark computed with different definitions are not comparable: a
comparison says so in its `reason` when it knows both definitions.

Examples:
    >>> from nanokit import Tier
    >>> from nanokit.kpi.benchmarks import compare_to_benchmark
    >>> result = compare_to_benchmark(0.0021, Tier.NANO, "instagram")
    >>> result.verdict.value, round(result.ratio, 2), result.benchmark.year
    ('far_below', 0.12, 2026)
"""

from __future__ import annotations

import enum
from typing import Any, Final

import attrs

from nanokit._args import enum_arg, instance_arg, rate_arg, tier_arg
from nanokit.exceptions import ValidationError
from nanokit.kpi.definitions import EngagementDefinition
from nanokit.kpi.engagement import Engagement
from nanokit.model import _checks as c
from nanokit.model.enums import Platform, Tier

__all__ = [
    "BENCHMARKS",
    "DEFAULT_THRESHOLDS",
    "Benchmark",
    "BenchmarkComparison",
    "BenchmarkThresholds",
    "BenchmarkVerdict",
    "benchmarks_for",
    "compare_to_benchmark",
]


def _to_tier(value: Tier | str) -> Tier:
    return c.to_enum(Tier, value)


def _positive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    c.non_negative_number(instance, attribute, value)
    if value == 0:
        raise c.fail(instance, attribute, "must be above 0")


def _year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    c.count(minimum=1900)(instance, attribute, value)
    if isinstance(value, int) and value > 2100:
        raise c.fail(instance, attribute, f"expected a year such as 2026, got {value}")


@attrs.frozen
class Benchmark:
    """A published engagement rate for one tier, with where it comes from.

    Args:
        tier: The tier it describes.
        platform: The platform, or `None` for a figure across channels.
        value: The rate as a fraction (`0.072` for 7.2%).
        source: Who published it, in words a person can check.
        year: The year of the figure, or `None` when the source gives none.
        definition: The name of the nanokit definition it matches
            (`"hypeauditor-instagram"`), or `None` when the source does not say how it was
            computed.

    Raises:
        ValidationError: For a value that is not a positive finite number, or a year out of
            range.

    Examples:
        >>> Benchmark("nano", "instagram", 0.05, source="our agency", year=2025).tier
        <Tier.NANO: 'nano'>
        >>> Benchmark("nano", "instagram", 0.0, source="x")
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: Benchmark.value: must be above 0
    """

    tier: Tier = attrs.field(converter=_to_tier, validator=c.enum_of(Tier))
    """The tier it describes."""
    platform: Platform | None = attrs.field(
        converter=c.to_optional_platform, validator=c.optional(c.enum_of(Platform))
    )
    """The platform; `None` for a figure across channels."""
    value: float = attrs.field(converter=c.to_float, validator=_positive)
    """The rate as a fraction."""
    source: str = attrs.field(validator=c.text(max_length=2000))
    """Who published it."""
    year: int | None = attrs.field(default=None, validator=c.optional(_year))
    """The year of the figure, when known."""
    definition: str | None = attrs.field(
        default=None, validator=c.optional(c.text(max_length=100))
    )
    """The nanokit definition it matches, or `None` when its formula is not stated."""


_SEED = (
    "inBeat (David Morneau), 'Everything You Need to Know About Nano Influencer Marketing', 2021"
)
_HYPE_2026 = "HypeAuditor, Instagram engagement rate by tier, 2026"
_HYPE_2023 = "HypeAuditor, engagement rate by tier, 2023"

BENCHMARKS: Final[tuple[Benchmark, ...]] = (
    Benchmark(
        Tier.NANO,
        Platform.INSTAGRAM,
        0.072,
        source=f"{_SEED}: 'Instagram nano-influencers have a 7.2% engagement rate' "
        "(formula not stated)",
        year=2021,
    ),
    Benchmark(
        Tier.NANO,
        None,
        0.05,
        source=f"{_SEED}: about 5% across channels, citing HypeAuditor's State of Influencer "
        "Marketing 2021 (formula not stated)",
        year=2021,
    ),
    Benchmark(
        Tier.NANO,
        Platform.INSTAGRAM,
        0.0178,
        source=_HYPE_2026,
        year=2026,
        definition="hypeauditor-instagram",
    ),
    Benchmark(
        Tier.MICRO,
        Platform.INSTAGRAM,
        0.0054,
        source=_HYPE_2026,
        year=2026,
        definition="hypeauditor-instagram",
    ),
    Benchmark(
        Tier.MEGA,
        Platform.INSTAGRAM,
        0.0033,
        source=_HYPE_2026,
        year=2026,
        definition="hypeauditor-instagram",
    ),
    Benchmark(
        Tier.NANO,
        Platform.INSTAGRAM,
        0.0278,
        source=_HYPE_2023,
        year=2023,
        definition="hypeauditor-instagram",
    ),
    Benchmark(
        Tier.NANO,
        Platform.TIKTOK,
        0.126,
        source=_HYPE_2023,
        year=2023,
        definition="hypeauditor-tiktok",
    ),
    Benchmark(
        Tier.NANO,
        Platform.INSTAGRAM,
        0.0623,
        source="Captiv8, Instagram nano engagement rate by impressions (year not stated)",
        definition="captiv8",
    ),
)
"""The benchmark rates of the domain notes, each with tier, platform, source and year."""


@attrs.frozen
class BenchmarkThresholds:
    """When a rate counts as far below or far above its benchmark, as ratios.

    A rate under `far_below` x benchmark is far below the band; over `far_above` x benchmark
    it is far above; in between (both ends included) it is within.

    Args:
        name: A short name.
        source: Why these numbers.
        far_below: The ratio under which a rate is far below (in (0, 1)).
        far_above: The ratio over which a rate is far above (above 1).

    Raises:
        ValidationError: For `far_below` outside (0, 1) or `far_above` not above 1.

    Examples:
        >>> BenchmarkThresholds("strict", "ours", far_below=0.8, far_above=1.5).far_above
        1.5
        >>> BenchmarkThresholds("bad", "ours", far_below=1.2, far_above=1.5)
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: BenchmarkThresholds.far_below: must be between 0 and 1 (0.5 for half the benchmark), got 1.2
    """

    name: str = attrs.field(validator=c.text(max_length=100))
    """A short name."""
    source: str = attrs.field(validator=c.text(max_length=2000))
    """Why these numbers."""
    far_below: float = attrs.field(converter=c.to_float, validator=c.non_negative_number)
    """Ratios under this are far below the band."""
    far_above: float = attrs.field(converter=c.to_float, validator=c.non_negative_number)
    """Ratios over this are far above the band."""

    @far_below.validator
    def _check_below(self, attribute: attrs.Attribute[float], value: float) -> None:
        if not 0 < value < 1:
            raise c.fail(
                self,
                attribute,
                f"must be between 0 and 1 (0.5 for half the benchmark), got {value}",
            )

    @far_above.validator
    def _check_above(self, attribute: attrs.Attribute[float], value: float) -> None:
        if not value > 1:
            raise c.fail(
                self,
                attribute,
                f"must be above 1 (3.0 for three times the benchmark), got {value}",
            )


DEFAULT_THRESHOLDS: Final = BenchmarkThresholds(
    name="nanokit",
    source=(
        "nanokit's choice; no source gives numbers. Under half the benchmark hints at fake or "
        "inactive followers; over three times hints at engagement pods. Asymmetric because "
        "engagement rates are skewed: a few accounts far above the median are common."
    ),
    far_below=0.5,
    far_above=3.0,
)
"""Far below under 0.5 x the benchmark, far above over 3 x (nanokit's documented choice)."""


class BenchmarkVerdict(str, enum.Enum):
    """Where a rate falls against its benchmark.

    Examples:
        >>> BenchmarkVerdict.FAR_ABOVE.value
        'far_above'
    """

    FAR_BELOW = "far_below"
    """Far below the band: possible fake or inactive followers."""
    WITHIN = "within"
    """Within the band."""
    FAR_ABOVE = "far_above"
    """Far above the band: possible engagement pods."""


@attrs.frozen
class BenchmarkComparison:
    """A rate against a benchmark, with the verdict and the reason in words.

    Args:
        rate: The rate compared.
        benchmark: The benchmark used.
        ratio: `rate / benchmark.value`.
        verdict: Far below, within or far above.
        thresholds: The thresholds applied.
        definition: The name of the definition that produced the rate, when known.
        reason: The verdict explained, including a definition mismatch.

    Examples:
        >>> from nanokit import Tier
        >>> compare_to_benchmark(0.03, Tier.NANO, "instagram").verdict.value
        'within'
    """

    rate: float = attrs.field(converter=c.to_float, validator=c.non_negative_number)
    """The rate compared, as a fraction."""
    benchmark: Benchmark = attrs.field(validator=c.instance_of(Benchmark))
    """The benchmark used."""
    ratio: float = attrs.field(converter=c.to_float, validator=c.non_negative_number)
    """`rate / benchmark.value`."""
    verdict: BenchmarkVerdict = attrs.field(validator=c.enum_of(BenchmarkVerdict))
    """Far below, within or far above."""
    thresholds: BenchmarkThresholds = attrs.field(validator=c.instance_of(BenchmarkThresholds))
    """The thresholds applied."""
    definition: str | None = attrs.field(
        default=None, validator=c.optional(c.text(max_length=100))
    )
    """The definition that produced the rate, when known."""
    reason: str = attrs.field(default="", validator=c.text(allow_empty=True, max_length=10_000))
    """The verdict in words."""

    @property
    def comparable(self) -> bool | None:
        """Whether rate and benchmark use one definition; `None` when either is unknown."""
        if self.definition is None or self.benchmark.definition is None:
            return None
        return self.definition == self.benchmark.definition


def benchmarks_for(tier: Tier | str, platform: Platform | str | None) -> list[Benchmark]:
    """The benchmarks of `tier` on `platform`, the most recent first (undated last).

    Args:
        tier: The tier.
        platform: The platform, or `None` for figures across channels.

    Returns:
        The matching entries of `BENCHMARKS`, newest first; empty when there are none.

    Raises:
        ValidationError: For an unknown tier or platform.

    Examples:
        >>> [(b.value, b.year) for b in benchmarks_for("nano", "tiktok")]
        [(0.126, 2023)]
        >>> benchmarks_for("mid", "instagram")
        []
    """
    wanted_tier = tier_arg(tier)
    wanted = _platform_arg(platform)
    found = [b for b in BENCHMARKS if b.tier is wanted_tier and b.platform is wanted]
    return sorted(found, key=lambda b: -(b.year or 0))


def _platform_arg(value: object) -> Platform | None:
    return None if value is None else enum_arg(Platform, value, "platform")


def compare_to_benchmark(
    rate: float | Engagement,
    tier: Tier | str,
    platform: Platform | str | None,
    *,
    benchmark: Benchmark | None = None,
    thresholds: BenchmarkThresholds = DEFAULT_THRESHOLDS,
    definition: EngagementDefinition | str | None = None,
) -> BenchmarkComparison:
    """Compare an engagement rate with its tier's benchmark.

    Without `benchmark`, one is chosen from `BENCHMARKS` for the tier and platform: one
    computed with the rate's definition if there is one, else the most recent; when the
    platform has none, the tier's figure across channels. The reason says which was chosen
    and whether the definitions match.

    Args:
        rate: The rate as a fraction (`0.091`), or an `Engagement` (its rate and definition).
        tier: The account's tier.
        platform: The account's platform, or `None` for a figure across channels.
        benchmark: The benchmark to use instead of choosing one.
        thresholds: When a ratio counts as far below or far above.
        definition: The definition that produced `rate` (a definition or its name).

    Returns:
        The [`BenchmarkComparison`][nanokit.kpi.benchmarks.BenchmarkComparison].

    Raises:
        ValidationError: For a negative or non-finite rate, an `Engagement` without a rate,
            an unknown tier or platform, or no benchmark for the tier and platform (the
            message says how to pass one).

    Examples:
        >>> from nanokit import Tier
        >>> from nanokit.kpi.definitions import HYPEAUDITOR_INSTAGRAM
        >>> high = compare_to_benchmark(0.0623, "nano", "instagram", definition="captiv8")
        >>> high.benchmark.source.split(",")[0], high.verdict.value, high.comparable
        ('Captiv8', 'within', True)
        >>> pods = compare_to_benchmark(0.09, Tier.NANO, "instagram", definition=HYPEAUDITOR_INSTAGRAM)
        >>> pods.verdict.value, round(pods.ratio, 1)
        ('far_above', 5.1)
        >>> compare_to_benchmark(0.02, "mid", "instagram")
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: benchmark: no benchmark for mid on instagram in BENCHMARKS; pass benchmark=Benchmark(...) with a cited figure
    """
    name = definition.name if isinstance(definition, EngagementDefinition) else definition
    shaky = isinstance(rate, Engagement) and rate.low_confidence
    if isinstance(rate, Engagement):
        if rate.rate is None:
            raise ValidationError(
                "the engagement has no rate (undefined or unavailable); nothing to compare",
                path="rate",
            )
        name = name or rate.definition
        value = rate.rate
    else:
        value = rate_arg(rate, "rate")
    if name is not None and not isinstance(name, str):
        raise ValidationError(
            f"expected an EngagementDefinition or its name, got {c.describe(name)}",
            path="definition",
        )
    thresholds = instance_arg(thresholds, BenchmarkThresholds, "thresholds")
    wanted_tier = tier_arg(tier)
    wanted = _platform_arg(platform)
    chosen_note = ""
    if benchmark is None:
        benchmark, chosen_note = _choose(wanted_tier, wanted, name)
    else:
        benchmark = instance_arg(benchmark, Benchmark, "benchmark")
    ratio = value / benchmark.value
    if ratio < thresholds.far_below:
        verdict = BenchmarkVerdict.FAR_BELOW
        why = (
            f"under {thresholds.far_below:g} x the benchmark: far below the band, a hint of "
            "fake or inactive followers"
        )
    elif ratio > thresholds.far_above:
        verdict = BenchmarkVerdict.FAR_ABOVE
        why = (
            f"over {thresholds.far_above:g} x the benchmark: far above the band, a hint of "
            "engagement pods"
        )
    else:
        verdict = BenchmarkVerdict.WITHIN
        why = (
            f"between {thresholds.far_below:g} and {thresholds.far_above:g} x the benchmark: "
            "within the band"
        )
    where = benchmark.platform.value if benchmark.platform else "all channels"
    reason = (
        f"{value:.2%} is {ratio:.2f} x the {benchmark.tier.value} benchmark on {where} "
        f"({benchmark.value:.2%}, {benchmark.source}): {why}"
    )
    if chosen_note:
        reason += f". {chosen_note}"
    if name is not None and benchmark.definition is not None and name != benchmark.definition:
        reason += (
            f". Beware: the rate is by the {name} definition but the benchmark by "
            f"{benchmark.definition}; the two are not computed alike"
        )
    elif benchmark.definition is None:
        reason += ". The benchmark's formula is not stated, so the comparison is rough"
    if shaky:
        reason += ". The rate itself is low-confidence (a small sample)"
    return BenchmarkComparison(
        rate=value,
        benchmark=benchmark,
        ratio=ratio,
        verdict=verdict,
        thresholds=thresholds,
        definition=name,
        reason=reason,
    )


def _choose(
    tier: Tier, platform: Platform | None, definition: str | None
) -> tuple[Benchmark, str]:
    candidates = benchmarks_for(tier, platform)
    note = ""
    if not candidates and platform is not None:
        candidates = benchmarks_for(tier, None)
        if candidates:
            note = f"No {tier.value} benchmark on {platform.value}: used the one across channels"
    if not candidates:
        where = platform.value if platform else "all channels"
        raise ValidationError(
            f"no benchmark for {tier.value} on {where} in BENCHMARKS; pass "
            "benchmark=Benchmark(...) with a cited figure",
            path="benchmark",
        )
    same = [b for b in candidates if definition is not None and b.definition == definition]
    return (same or candidates)[0], note
