"""The KPI formulas and earned media value: published examples, refusals, invariants."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nanokit import CurrencyMismatchError, InteractionKind, Money, ValidationError
from nanokit.kpi import emv, formulas
from nanokit.kpi.emv import EarnedMediaValue, RateCard, RatePrice, earned_media_value
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
from nanokit.model import MAX_COUNT

RATES = [
    (engagement_rate, ("engagements", "base")),
    (click_through_rate, ("clicks", "impressions")),
    (conversion_rate, ("conversions", "clicks")),
]
COSTS = [
    (cost_per_engagement, "engagements"),
    (cost_per_click, "clicks"),
    (cost_per_acquisition, "conversions"),
    (cost_per_post, "posts"),
    (cpm, "impressions"),
]

counts = st.integers(min_value=0, max_value=MAX_COUNT)
realistic = st.integers(min_value=0, max_value=10**12)
amounts = st.decimals(
    min_value=Decimal(0), max_value=Decimal(10) ** 9, places=2, allow_nan=False
).map(Money)
"""Costs and revenues up to a billion: a CPM of one impression stays within Money's bounds."""


# -- published worked examples ------------------------------------------------------------


def test_engagement_rate_of_the_published_example() -> None:
    # (57 + 2) / 2,077 = 2.84%
    assert f"{engagement_rate(57 + 2, 2_077):.2%}" == "2.84%"
    assert engagement_rate(59, 2_077) == 59 / 2_077


def test_cpe_of_the_published_example() -> None:
    # $1,000 / 25,000 = $0.04
    assert cost_per_engagement(Money("1000"), 25_000) == Money("0.04")


def test_cpa_of_the_published_example() -> None:
    # $700 / 40 = $17.50
    assert cost_per_acquisition(Money("700"), 40) == Money("17.50")


def test_roi_of_the_published_example() -> None:
    # cost $1,500, return $4,000: ROI = 166.7%
    result = roi(Money("4000"), Money("1500"))
    assert result is not None
    assert f"{result:.1%}" == "166.7%"
    assert abs(result - Decimal(5) / 3) < Decimal("1e-26")


def test_emv_of_the_published_example() -> None:
    # (5,000 x $0.30) + (500 x $0.50) + (50,000 / 1,000 x $0.05) = $1,752.50
    card = RateCard(
        "published example",
        "a published EMV worked example",
        [
            RatePrice("like", Money("0.30")),
            RatePrice("comment", Money("0.50")),
            RatePrice("impression", Money("0.05"), per=1_000),
        ],
    )
    value = earned_media_value({"like": 5_000, "comment": 500, "impression": 50_000}, card)
    assert value.total == Money("1752.50")
    assert [line.value for line in value.lines] == [Money("1500"), Money("250"), Money("2.5")]
    assert value.rate_card == "published example"


def test_the_worked_example_formulas() -> None:
    cost = Money("225")
    assert cost_per_engagement(cost, 2_190).format(3) == "$0.103"  # type: ignore[union-attr]
    assert str(cpm(cost, 21_000)) == "$10.71"
    assert cost_per_click(cost, 600) == Money("0.375")
    assert cost_per_acquisition(cost, 24) == Money("9.375")
    assert cost_per_post(cost, 3) == Money("75")
    assert conversion_rate(24, 600) == 0.04
    assert roi(Money("1080"), cost) == Decimal("3.8")
    assert roas(Money("1080"), cost) == Decimal("4.8")
    assert f"{engagement_rate(2_190, 3 * 8_000):.1%}" == "9.1%"


# -- undefined, never zero or infinite ----------------------------------------------------


@pytest.mark.parametrize(("formula", "names"), RATES)
def test_a_zero_denominator_gives_none(formula, names) -> None:
    assert formula(7, 0) is None
    assert formula(0, 0) is None
    assert formula(0, 5) == 0.0


@pytest.mark.parametrize(("formula", "name"), COSTS)
def test_a_cost_per_nothing_is_undefined(formula, name) -> None:
    assert formula(Money("225"), 0) is None
    assert formula(Money("0"), 3) == Money("0")


def test_returns_on_zero_cost_are_undefined() -> None:
    assert roi(Money("100"), Money("0")) is None
    assert roas(Money("100"), Money("0")) is None
    assert roi(Money("0"), Money("50")) == Decimal(-1)


def test_rates_are_not_clamped() -> None:
    assert conversion_rate(24, 11) == 24 / 11
    assert engagement_rate(5_000, 100) == 50.0


@settings(max_examples=200)
@given(top=counts, bottom=counts)
def test_rates_are_finite_and_none_exactly_on_zero(top: int, bottom: int) -> None:
    for formula, _ in RATES:
        result = formula(top, bottom)
        if bottom == 0:
            assert result is None
        else:
            assert result is not None
            assert math.isfinite(result)
            assert result == top / bottom


@settings(max_examples=200)
@given(cost=amounts, count=counts, revenue=amounts)
def test_money_kpis_are_finite_and_none_exactly_on_zero(
    cost: Money, count: int, revenue: Money
) -> None:
    for formula, _ in COSTS:
        result = formula(cost, count)
        if count == 0:
            assert result is None
        else:
            assert isinstance(result, Money)
            assert result.amount.is_finite()
    for ratio in (roi, roas):
        value = ratio(revenue, cost)
        if cost.amount == 0:
            assert value is None
        else:
            assert isinstance(value, Decimal)
            assert value.is_finite()


@settings(max_examples=100)
@given(cost=amounts, revenue=amounts)
def test_roi_is_roas_minus_one(cost: Money, revenue: Money) -> None:
    if cost.amount == 0:
        return
    value, ratio = roi(revenue, cost), roas(revenue, cost)
    assert value is not None
    assert ratio is not None
    assert abs((ratio - 1) - value) <= abs(ratio) * Decimal("1e-26") + Decimal("1e-26")


@settings(max_examples=100)
@given(cost=amounts, count=st.integers(min_value=1, max_value=10**9))
def test_cost_per_times_count_gives_the_cost_back(cost: Money, count: int) -> None:
    each = cost_per_engagement(cost, count)
    assert each is not None
    # A quotient keeps 28 significant digits and at most 28 decimal places.
    tolerance = cost.amount * Decimal("1e-26") + count * Decimal("1e-28")
    assert abs((each * count).amount - cost.amount) <= tolerance


# -- refusals -----------------------------------------------------------------------------


@pytest.mark.parametrize(("formula", "names"), RATES)
@pytest.mark.parametrize("position", [0, 1])
def test_rates_refuse_negative_counts(formula, names, position) -> None:
    arguments = [5, 5]
    arguments[position] = -1
    with pytest.raises(ValidationError, match="must be at least 0") as caught:
        formula(*arguments)
    assert caught.value.path == names[position]


@pytest.mark.parametrize(("formula", "names"), RATES)
@pytest.mark.parametrize("bad", [1.5, True, "3", None, Decimal("2")])
def test_rates_refuse_counts_that_are_not_whole_numbers(formula, names, bad) -> None:
    with pytest.raises(ValidationError, match="whole number") as caught:
        formula(bad, 10)
    assert caught.value.path == names[0]


@pytest.mark.parametrize(("formula", "name"), COSTS)
def test_money_kpis_refuse_negative_counts_and_bad_costs(formula, name) -> None:
    with pytest.raises(ValidationError) as caught:
        formula(Money("10"), -3)
    assert caught.value.path == name
    with pytest.raises(ValidationError, match="Money") as caught:
        formula(Decimal("10"), 3)
    assert caught.value.path == "cost"
    with pytest.raises(ValidationError, match="negative") as caught:
        formula(Money("-10"), 3)
    assert caught.value.path == "cost"


@pytest.mark.parametrize("ratio", [roi, roas])
def test_returns_refuse_bad_amounts_and_mixed_currencies(ratio) -> None:
    with pytest.raises(ValidationError) as caught:
        ratio(1080, Money("225"))
    assert caught.value.path == "revenue"
    with pytest.raises(ValidationError, match="negative") as caught:
        ratio(Money("10"), Money("-1"))
    assert caught.value.path == "cost"
    with pytest.raises(CurrencyMismatchError, match="EUR"):
        ratio(Money("1080", "EUR"), Money("225"))


def test_counts_above_the_model_bound_are_refused() -> None:
    with pytest.raises(ValidationError, match="at most") as caught:
        engagement_rate(MAX_COUNT + 1, 1)
    assert caught.value.path == "engagements"


def test_formulas_module_exports_every_formula() -> None:
    assert set(formulas.__all__) == {
        "click_through_rate",
        "conversion_rate",
        "cost_per_acquisition",
        "cost_per_click",
        "cost_per_engagement",
        "cost_per_post",
        "cpm",
        "engagement_rate",
        "roas",
        "roi",
    }


# -- earned media value -------------------------------------------------------------------


def test_upfluence_prices_impressions_at_a_6_50_cpm() -> None:
    value = earned_media_value({InteractionKind.IMPRESSION: 21_000}, emv.UPFLUENCE)
    assert value.total == Money("136.50")
    assert emv.RATE_CARDS["Upfluence"] is emv.UPFLUENCE
    assert "6.50" in emv.UPFLUENCE.source


def test_emv_names_what_its_card_does_not_price() -> None:
    value = earned_media_value({"impression": 1_000, "like": 50, "save": 0}, emv.UPFLUENCE)
    assert value.total == Money("6.50")
    assert value.unpriced == (InteractionKind.LIKE,)


def test_emv_of_nothing_is_zero_in_the_cards_currency() -> None:
    card = RateCard("eu", "ours", [RatePrice("like", Money("0.10", "EUR"))])
    assert earned_media_value({}, card) == EarnedMediaValue(
        Money("0", "EUR"),
        "eu",
        [card.prices and earned_media_value({}, card).lines[0]],
    )
    assert earned_media_value({}, card).total == Money.zero("EUR")


def test_emv_keys_may_repeat_as_kind_and_value() -> None:
    value = earned_media_value({"like": 2, InteractionKind.LIKE: 3}, emv.UPFLUENCE)
    assert value.unpriced == (InteractionKind.LIKE,)


def test_emv_refuses_bad_counts_kinds_and_cards() -> None:
    with pytest.raises(ValidationError, match="at least 0") as caught:
        earned_media_value({"like": -5}, emv.UPFLUENCE)
    assert caught.value.path == "counts['like']"
    with pytest.raises(ValidationError, match="interaction kind") as caught:
        earned_media_value({"applause": 5}, emv.UPFLUENCE)
    assert "applause" in (caught.value.path or "")
    with pytest.raises(ValidationError, match="RateCard") as caught:
        earned_media_value({"like": 5}, "upfluence")  # type: ignore[arg-type]
    assert caught.value.path == "rate_card"
    with pytest.raises(ValidationError) as caught:
        earned_media_value([("like", 5)], emv.UPFLUENCE)  # type: ignore[arg-type]
    assert caught.value.path == "counts"


def test_rate_cards_refuse_bad_prices() -> None:
    with pytest.raises(ValidationError, match="audience kinds") as caught:
        RatePrice("payment", Money("1"))
    assert caught.value.path == "RatePrice.kind"
    with pytest.raises(ValidationError, match="at least 1") as caught:
        RatePrice("like", Money("1"), per=0)
    assert caught.value.path == "RatePrice.per"
    with pytest.raises(ValidationError, match="negative") as caught:
        RatePrice("like", Money("-1"))
    assert caught.value.path == "RatePrice.price"
    with pytest.raises(ValidationError, match="at least one") as caught:
        RateCard("empty", "none", [])
    assert caught.value.path == "RateCard.prices"
    with pytest.raises(ValidationError, match="twice") as caught:
        RateCard("dup", "x", [RatePrice("like", Money("1")), RatePrice("like", Money("2"))])
    assert caught.value.path == "RateCard.prices[1]"
    with pytest.raises(CurrencyMismatchError, match="one currency"):
        RateCard(
            "mixed", "x", [RatePrice("like", Money("1")), RatePrice("share", Money("1", "EUR"))]
        )


@settings(max_examples=100)
@given(
    count=st.dictionaries(
        st.sampled_from([InteractionKind.IMPRESSION, InteractionKind.LIKE, InteractionKind.SHARE]),
        realistic,
    )
)
def test_emv_is_linear_in_the_counts(count: dict[InteractionKind, int]) -> None:
    card = RateCard(
        "linear",
        "test",
        [RatePrice("impression", Money("6.50"), per=1_000), RatePrice("like", Money("0.30"))],
    )
    once = earned_media_value(count, card).total
    twice = earned_media_value({kind: 2 * n for kind, n in count.items()}, card).total
    assert twice == once * 2
    expected = Fraction(count.get(InteractionKind.IMPRESSION, 0) * 13, 2_000) + Fraction(
        count.get(InteractionKind.LIKE, 0) * 3, 10
    )
    assert Fraction(once.amount) == expected
