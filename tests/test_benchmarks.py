"""Benchmark rates as data, and how a rate compares with one."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nanokit import Platform, Tier, ValidationError
from nanokit.kpi import definitions
from nanokit.kpi.benchmarks import (
    BENCHMARKS,
    DEFAULT_THRESHOLDS,
    Benchmark,
    BenchmarkThresholds,
    BenchmarkVerdict,
    benchmarks_for,
    compare_to_benchmark,
)
from nanokit.kpi.engagement import Engagement

# The benchmark rates of DOMAIN.md: (tier, platform, value, year, definition or None).
DOMAIN_RATES = [
    (Tier.NANO, Platform.INSTAGRAM, 0.072, 2021, None),
    (Tier.NANO, None, 0.05, 2021, None),
    (Tier.NANO, Platform.INSTAGRAM, 0.0178, 2026, "hypeauditor-instagram"),
    (Tier.MICRO, Platform.INSTAGRAM, 0.0054, 2026, "hypeauditor-instagram"),
    (Tier.MEGA, Platform.INSTAGRAM, 0.0033, 2026, "hypeauditor-instagram"),
    (Tier.NANO, Platform.INSTAGRAM, 0.0278, 2023, "hypeauditor-instagram"),
    (Tier.NANO, Platform.TIKTOK, 0.126, 2023, "hypeauditor-tiktok"),
    (Tier.NANO, Platform.INSTAGRAM, 0.0623, None, "captiv8"),
]


def test_every_domain_benchmark_is_data_with_a_source() -> None:
    found = [(b.tier, b.platform, b.value, b.year, b.definition) for b in BENCHMARKS]
    assert sorted(found, key=repr) == sorted(DOMAIN_RATES, key=repr)
    assert all(benchmark.source.strip() for benchmark in BENCHMARKS)


def test_benchmark_definitions_name_real_presets() -> None:
    named = {b.definition for b in BENCHMARKS if b.definition is not None}
    assert named <= set(definitions.DEFINITIONS)


def test_benchmarks_for_lists_the_newest_first() -> None:
    years = [b.year for b in benchmarks_for(Tier.NANO, "instagram")]
    assert years == [2026, 2023, 2021, None]
    assert benchmarks_for("nano", None)[0].value == 0.05
    assert benchmarks_for(Tier.MACRO, Platform.INSTAGRAM) == []


def test_the_newest_benchmark_is_chosen_by_default() -> None:
    result = compare_to_benchmark(0.0178, Tier.NANO, Platform.INSTAGRAM)
    assert result.benchmark.year == 2026
    assert result.ratio == 1.0
    assert result.verdict is BenchmarkVerdict.WITHIN


def test_a_benchmark_of_the_rates_definition_is_preferred() -> None:
    rate = Engagement("captiv8", rate=0.05)
    result = compare_to_benchmark(rate, "nano", "instagram")
    assert result.benchmark.definition == "captiv8"
    assert result.comparable is True
    assert result.definition == "captiv8"
    by_name = compare_to_benchmark(0.05, "nano", "instagram", definition=definitions.CAPTIV8)
    assert by_name.benchmark == result.benchmark


def test_a_definition_mismatch_is_said() -> None:
    result = compare_to_benchmark(0.09125, "nano", "instagram", definition=definitions.DEFAULT)
    assert result.benchmark.definition == "hypeauditor-instagram"
    assert result.comparable is False
    assert "not computed alike" in result.reason


def test_a_benchmark_without_formula_is_a_rough_comparison() -> None:
    result = compare_to_benchmark(0.05, "nano", "youtube")
    assert result.benchmark.platform is None
    assert "across channels" in result.reason
    assert "rough" in result.reason
    assert result.comparable is None


@pytest.mark.parametrize(
    ("ratio", "verdict"),
    [
        (0.49, BenchmarkVerdict.FAR_BELOW),
        (0.5, BenchmarkVerdict.WITHIN),
        (1.0, BenchmarkVerdict.WITHIN),
        (3.0, BenchmarkVerdict.WITHIN),
        (3.01, BenchmarkVerdict.FAR_ABOVE),
    ],
)
def test_the_default_thresholds_at_their_boundaries(ratio, verdict) -> None:
    benchmark = Benchmark("nano", "instagram", 0.04, source="round test figure")
    result = compare_to_benchmark(0.04 * ratio, "nano", "instagram", benchmark=benchmark)
    assert result.verdict is verdict
    assert result.thresholds == DEFAULT_THRESHOLDS


def test_verdicts_explain_themselves() -> None:
    low = compare_to_benchmark(0.001, "nano", "tiktok")
    assert "fake or inactive" in low.reason
    high = compare_to_benchmark(0.5, "nano", "tiktok")
    assert "engagement pods" in high.reason
    assert "HypeAuditor" in high.reason


def test_custom_thresholds() -> None:
    strict = BenchmarkThresholds("strict", "our analysts", far_below=0.9, far_above=1.1)
    result = compare_to_benchmark(0.019, "nano", "instagram", thresholds=strict)
    assert result.verdict is BenchmarkVerdict.WITHIN
    assert compare_to_benchmark(0.015, "nano", "instagram", thresholds=strict).verdict is (
        BenchmarkVerdict.FAR_BELOW
    )


def test_no_benchmark_for_the_tier_is_an_error_that_says_what_to_do() -> None:
    with pytest.raises(ValidationError, match="pass benchmark=Benchmark") as caught:
        compare_to_benchmark(0.02, Tier.MID, "tiktok")
    assert caught.value.path == "benchmark"


@pytest.mark.parametrize(
    ("arguments", "path"),
    [
        ({"rate": -0.1}, "rate"),
        ({"rate": math.inf}, "rate"),
        ({"rate": math.nan}, "rate"),
        ({"rate": "5%"}, "rate"),
        ({"rate": Engagement("nanokit", rate=None)}, "rate"),
        ({"tier": "giga"}, "tier"),
        ({"platform": "myspace"}, "platform"),
        ({"benchmark": 0.05}, "benchmark"),
        ({"thresholds": (0.5, 3)}, "thresholds"),
        ({"definition": 3}, "definition"),
    ],
)
def test_bad_arguments_are_refused(arguments, path) -> None:
    call = {"rate": 0.05, "tier": "nano", "platform": "instagram", **arguments}
    rate, tier, platform = call.pop("rate"), call.pop("tier"), call.pop("platform")
    with pytest.raises(ValidationError) as caught:
        compare_to_benchmark(rate, tier, platform, **call)
    assert caught.value.path == path


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"value": 0.0}, "Benchmark.value"),
        ({"value": -0.01}, "Benchmark.value"),
        ({"value": math.nan}, "Benchmark.value"),
        ({"tier": "giga"}, "Benchmark.tier"),
        ({"year": 1066}, "Benchmark.year"),
        ({"year": 3000}, "Benchmark.year"),
        ({"source": ""}, "Benchmark.source"),
    ],
)
def test_bad_benchmarks_are_refused(changes, path) -> None:
    fields = {"tier": "nano", "platform": "instagram", "value": 0.05, "source": "s", **changes}
    with pytest.raises(ValidationError) as caught:
        Benchmark(**fields)
    assert caught.value.path == path


@pytest.mark.parametrize(
    ("below", "above", "path"),
    [
        (0.0, 3.0, "BenchmarkThresholds.far_below"),
        (1.0, 3.0, "BenchmarkThresholds.far_below"),
        (0.5, 1.0, "BenchmarkThresholds.far_above"),
    ],
)
def test_bad_thresholds_are_refused(below, above, path) -> None:
    with pytest.raises(ValidationError) as caught:
        BenchmarkThresholds("x", "y", far_below=below, far_above=above)
    assert caught.value.path == path


@settings(max_examples=200)
@given(
    rate=st.floats(min_value=0, max_value=10, allow_nan=False),
    benchmark=st.sampled_from(BENCHMARKS),
)
def test_the_verdict_follows_the_ratio(rate: float, benchmark: Benchmark) -> None:
    result = compare_to_benchmark(rate, benchmark.tier, benchmark.platform, benchmark=benchmark)
    assert math.isfinite(result.ratio)
    assert result.ratio == rate / benchmark.value
    if result.ratio < DEFAULT_THRESHOLDS.far_below:
        assert result.verdict is BenchmarkVerdict.FAR_BELOW
    elif result.ratio > DEFAULT_THRESHOLDS.far_above:
        assert result.verdict is BenchmarkVerdict.FAR_ABOVE
    else:
        assert result.verdict is BenchmarkVerdict.WITHIN
