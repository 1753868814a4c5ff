"""Tests for nanokit.policy.pay: pay bands, offers and rate suggestions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.policy_strategies import cents, pay_policies

from nanokit import (
    Audience,
    Commission,
    Compensation,
    CurrencyMismatchError,
    Fee,
    Money,
    MoneyRange,
    ProductGift,
    Tier,
    ValidationError,
)
from nanokit.model import ContentFormat
from nanokit.policy import pay, tiers
from nanokit.policy.pay import (
    HYPEAUDITOR_2026_BENCHMARKS,
    IMH,
    INBEAT,
    INBEAT_BENCHMARKS,
    INBEAT_WITH_FORMATS,
    FormatMultiplier,
    OfferVerdict,
    PayPolicy,
    RateBenchmarks,
    assess_offer,
    audience_engagement_rate,
    fair_pay_range,
    suggest_rate,
)

AT = dt.datetime(2026, 5, 1, tzinfo=dt.timezone.utc)

# The bands of DOMAIN.md, written out again: (low, high or None) per tier.
DOMAIN_BANDS = {
    "inBeat": [("20", "200"), ("200", "500"), ("500", "1000"), ("1000", "10000"), ("10000", None)],
    "Influencer Marketing Hub": [
        ("10", "100"),
        ("100", "500"),
        ("500", "5000"),
        ("5000", "10000"),
        ("10000", None),
    ],
}


def usd(amount: str) -> Money:
    return Money(amount)


# -- presets ---------------------------------------------------------------------------------


@pytest.mark.parametrize("policy", [INBEAT, IMH], ids=lambda p: p.name)
def test_preset_bands_are_the_domain_tables(policy: PayPolicy) -> None:
    for tier, (low, high) in zip(Tier, DOMAIN_BANDS[policy.name], strict=True):
        band = policy.range_for(tier)
        assert band.low == Money(low)
        assert band.high == (None if high is None else Money(high))
        assert band.currency == "USD"


def test_presets_cite_their_sources() -> None:
    assert "inBeat" in INBEAT.source
    assert "interpolation" in INBEAT.source  # the mid band is nanokit's own
    assert "Business of Apps" in INBEAT.source
    assert "Influencer Marketing Hub" in IMH.source
    assert "HypeAuditor" in INBEAT_WITH_FORMATS.source
    assert "7.2%" in INBEAT_BENCHMARKS.source
    assert "HypeAuditor" in HYPEAUDITOR_2026_BENCHMARKS.source


def test_the_default_policy_is_inbeat() -> None:
    assert fair_pay_range(Tier.MICRO) == INBEAT.range_for(Tier.MICRO)
    assert assess_offer(Money("300"), "micro").policy is INBEAT


def test_hypeauditor_format_multipliers() -> None:
    policy = INBEAT_WITH_FORMATS
    assert policy.range_for("nano", "video") == MoneyRange(Money("28"), Money("300"))
    assert policy.range_for("nano", "reel") == policy.range_for("nano", "video")
    assert policy.range_for("micro", "carousel") == MoneyRange(Money("240"), Money("650"))
    assert policy.range_for("micro", "story_with_link") == MoneyRange(Money("220"), Money("600"))
    # Formats without a multiplier are priced at the base (photo) band.
    assert policy.range_for("micro", "photo") == INBEAT.micro
    assert policy.range_for("micro", "live") == INBEAT.micro
    # An open-ended band stays open-ended.
    assert policy.range_for("mega", "video") == MoneyRange(Money("14000"))
    # A policy without multipliers ignores the format.
    assert INBEAT.range_for("nano", ContentFormat.VIDEO) == INBEAT.nano


# -- fair_pay_range --------------------------------------------------------------------------


@settings(max_examples=150)
@given(
    pay_policies(),
    st.sampled_from(list(Tier)),
    st.integers(min_value=1, max_value=10_000),
    st.none() | st.sampled_from(list(ContentFormat)),
)
def test_fair_ranges_scale_linearly_with_posts(
    policy: PayPolicy, tier: Tier, posts: int, fmt: ContentFormat | None
) -> None:
    one = fair_pay_range(tier, content_format=fmt, policy=policy)
    many = fair_pay_range(tier, posts=posts, content_format=fmt, policy=policy)
    assert many.low == one.low * posts
    assert (many.high is None) == (one.high is None)
    if one.high is not None:
        assert many.high == one.high * posts
    if posts > 1 and one.high is not None and one.high.amount > 0:
        assert many.high is not None
        assert many.high > one.high


@pytest.mark.parametrize("posts", [0, -1, True, 1.0, "2", None])
def test_posts_must_be_a_whole_number_of_at_least_one(posts: object) -> None:
    with pytest.raises(ValidationError) as caught:
        fair_pay_range("nano", posts=posts)  # type: ignore[arg-type]
    assert caught.value.path == "posts"


@pytest.mark.parametrize("tier", ["giga", 1, None, "NANO"])
def test_unknown_tiers_are_refused(tier: object) -> None:
    with pytest.raises(ValidationError) as caught:
        fair_pay_range(tier)  # type: ignore[arg-type]
    assert caught.value.path == "tier"


def test_unknown_formats_are_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        fair_pay_range("nano", content_format="hologram")
    assert caught.value.path == "content_format"


def test_a_policy_must_be_a_pay_policy() -> None:
    with pytest.raises(ValidationError) as caught:
        fair_pay_range("nano", policy=tiers.INBEAT)  # type: ignore[arg-type]
    assert caught.value.path == "policy"


# -- building policies -----------------------------------------------------------------------


def bands(*pairs: tuple[str, str | None], currency: str = "USD") -> list[MoneyRange]:
    return [
        MoneyRange(Money(low, currency), None if high is None else Money(high, currency))
        for low, high in pairs
    ]


FIVE = [("10", "20"), ("20", "30"), ("30", "40"), ("40", "50"), ("50", None)]


def test_a_custom_policy_in_another_currency_works() -> None:
    policy = PayPolicy("eur", "a test", *bands(*FIVE, currency="EUR"))
    assert policy.currency == "EUR"
    assert fair_pay_range("mid", posts=2, policy=policy) == MoneyRange(
        Money("60", "EUR"), Money("80", "EUR")
    )


@pytest.mark.parametrize(
    ("position", "band", "field", "error"),
    [
        (1, MoneyRange(Money("5")), "micro", ValidationError),  # below nano's low
        (0, MoneyRange(Money("-1"), Money("5")), "nano", ValidationError),
        (2, MoneyRange(Money("30", "EUR")), "mid", ValidationError),
        (3, "40-50", "macro", ValidationError),
    ],
)
def test_a_policy_with_a_bad_band_is_refused(
    position: int, band: object, field: str, error: type[Exception]
) -> None:
    fields: list[object] = list(bands(*FIVE))
    fields[position] = band
    with pytest.raises(error) as caught:
        PayPolicy("bad", "a test", *fields)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValidationError)
    assert caught.value.path == f"PayPolicy.{field}"


def test_two_multipliers_for_one_format_are_refused() -> None:
    with pytest.raises(ValidationError, match="video") as caught:
        PayPolicy(
            "bad",
            "a test",
            *bands(*FIVE),
            format_multipliers=[FormatMultiplier("video", "1", "2")] * 2,
        )
    assert caught.value.path == "PayPolicy.format_multipliers"


def test_multipliers_may_be_given_as_a_mapping() -> None:
    policy = PayPolicy("map", "a test", *bands(*FIVE), format_multipliers={"video": ("2", "3")})
    assert policy.range_for("nano", "video") == MoneyRange(Money("20"), Money("60"))


@pytest.mark.parametrize(
    ("low", "high", "field"),
    [(1.4, "1.5", "low"), ("0", "1", "low"), ("-1", "1", "low"), ("1.5", "1.4", "high")],
)
def test_bad_multipliers_are_refused(low: object, high: object, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        FormatMultiplier("video", low, high)  # type: ignore[arg-type]
    assert caught.value.path == f"FormatMultiplier.{field}"


# -- assess_offer ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "verdict"),
    [
        ("0", OfferVerdict.BELOW),
        ("59.99", OfferVerdict.BELOW),
        ("60", OfferVerdict.FAIR),
        ("600", OfferVerdict.FAIR),
        ("600.01", OfferVerdict.ABOVE),
    ],
)
def test_offer_boundaries_for_three_nano_posts(amount: str, verdict: OfferVerdict) -> None:
    result = assess_offer(Money(amount), Tier.NANO, posts=3)
    assert result.verdict is verdict
    assert result.total_range == MoneyRange(Money("60"), Money("600"))
    assert result.fair_range == INBEAT.nano
    assert result.value == Money(amount)
    assert verdict.value in result.reason or (verdict is OfferVerdict.FAIR)


def test_the_worked_example_compensation_is_fair_for_a_nano() -> None:
    offer = Compensation(
        product=ProductGift("Starter kit", Money("45")), cash_per_post=Money("60")
    )
    result = assess_offer(offer, "nano", posts=3)
    assert result.value == Money("225")
    assert result.per_post == Money("75")
    assert result.verdict is OfferVerdict.FAIR
    assert result.offer is offer
    assert result.tier is Tier.NANO
    assert result.posts == 3
    assert "$60.00 x 3 posts" in result.reason
    assert "'Starter kit' worth $45.00" in result.reason
    assert "$225.00" in result.reason
    assert "$75.00 per post" in result.reason


def test_fees_count_and_commissions_do_not() -> None:
    offer = Compensation(
        cash_per_post=Money("200"),
        fees=[Fee("usage rights", Money("50"))],
        commission=Commission(rate="0.2", per_sale=Money("5")),
    )
    result = assess_offer(offer, "micro", posts=2)
    assert result.value == Money("450")
    assert result.per_post == Money("225")
    assert result.verdict is OfferVerdict.FAIR
    assert "usage rights fee $50.00" in result.reason
    assert "commission is not counted" in result.reason


def test_a_product_only_offer_in_range_is_fair_earned_media() -> None:
    result = assess_offer(Compensation(product=ProductGift("Tent", Money("180"))), "nano")
    assert result.verdict is OfferVerdict.FAIR
    assert "earned media" in result.reason
    assert "legitimate" in result.reason


def test_a_cheap_product_only_offer_is_below_without_praise() -> None:
    result = assess_offer(Compensation(product=ProductGift("Sticker", Money("2"))), "nano")
    assert result.verdict is OfferVerdict.BELOW
    assert "legitimate" not in result.reason


@pytest.mark.parametrize(
    "offer",
    [
        Compensation(),
        Compensation(commission=Commission(rate="0.3"), discount_code="CODE"),
        Money("0"),
        Compensation(product=ProductGift("Nothing really", Money("0"))),
    ],
)
def test_an_offer_worth_nothing_is_below_and_relies_on_goodwill(
    offer: Money | Compensation,
) -> None:
    result = assess_offer(offer, "nano", posts=2)
    assert result.verdict is OfferVerdict.BELOW
    assert result.value == Money("0")
    assert "goodwill" in result.reason


def test_an_open_ended_band_has_no_above() -> None:
    result = assess_offer(Money("999999999"), "mega")
    assert result.verdict is OfferVerdict.FAIR
    assert "and up" in result.reason


def test_the_format_changes_the_range() -> None:
    photo = assess_offer(Money("290"), "nano", policy=INBEAT_WITH_FORMATS)
    video = assess_offer(Money("290"), "nano", content_format="video", policy=INBEAT_WITH_FORMATS)
    assert photo.verdict is OfferVerdict.ABOVE
    assert video.verdict is OfferVerdict.FAIR
    assert video.content_format is ContentFormat.VIDEO
    assert "per video post" in video.reason


def test_an_offer_in_another_currency_is_refused() -> None:
    with pytest.raises(CurrencyMismatchError, match="EUR"):
        assess_offer(Money("100", "EUR"), "nano")
    with pytest.raises(CurrencyMismatchError, match="EUR"):
        assess_offer(Compensation(cash_per_post=Money("100", "EUR")), "nano")


@pytest.mark.parametrize("offer", [Money("-1"), Decimal(100), 100, "100", None])
def test_bad_offers_are_refused(offer: object) -> None:
    with pytest.raises(ValidationError) as caught:
        assess_offer(offer, "nano")  # type: ignore[arg-type]
    assert caught.value.path == "offer"


@settings(max_examples=200)
@given(
    pay_policies(),
    st.sampled_from(list(Tier)),
    st.integers(min_value=1, max_value=50),
    cents(),
)
def test_the_verdict_places_the_offer_per_post_against_the_band(
    policy: PayPolicy, tier: Tier, posts: int, amount: Decimal
) -> None:
    result = assess_offer(Money(amount, policy.currency), tier, posts=posts, policy=policy)
    band = policy.range_for(tier)
    total = Money(amount, policy.currency)
    if total < band.low * posts:
        assert result.verdict is OfferVerdict.BELOW
    elif band.high is not None and total > band.high * posts:
        assert result.verdict is OfferVerdict.ABOVE
    else:
        assert result.verdict is OfferVerdict.FAIR
    # The offer per post is the total shared out, to 28 significant digits.
    error = abs((result.per_post * posts - total).amount)
    assert error <= Decimal("1e-25") * max(total.amount, Decimal(1))


# -- engagement rate and suggest_rate --------------------------------------------------------


def audience(followers: int, **figures: object) -> Audience:
    return Audience("instagram", followers, AT, **figures)  # type: ignore[arg-type]


def test_engagement_rate_follows_the_benchmark_formula() -> None:
    maya = audience(8_000, avg_likes=633, avg_comments=47, avg_saves=90)
    assert audience_engagement_rate(maya) == Decimal("0.085")
    saves = RateBenchmarks("s", "a test", "instagram", nano="0.1", counted=["like", "save"])
    assert audience_engagement_rate(maya, benchmarks=saves) == Decimal("0.090375")
    assert saves.formula == "(likes + saves) / followers"


@pytest.mark.parametrize(
    "figures",
    [
        {"avg_comments": 47},  # likes hidden
        {"avg_likes": 633},  # comments unknown
        {},
    ],
)
def test_unknown_averages_make_the_rate_unavailable_not_zero(figures: dict[str, object]) -> None:
    assert audience_engagement_rate(audience(8_000, **figures)) is None
    suggestion = suggest_rate(audience(8_000, **figures))
    assert suggestion.engagement_rate is None
    assert suggestion.position is None
    assert suggestion.rate == INBEAT.nano.midpoint
    assert "unavailable" in suggestion.reason
    assert "unknown" in suggestion.reason


def test_no_followers_makes_the_rate_undefined() -> None:
    suggestion = suggest_rate(audience(0, avg_likes=3, avg_comments=1))
    assert suggestion.engagement_rate is None
    assert suggestion.rate == Money("110")
    assert "no followers" in suggestion.reason


@pytest.mark.parametrize(
    ("likes", "rate"),
    [
        (0, "20.00"),  # no engagement: the low end
        (288, "65.00"),  # half the benchmark: a quarter of the way
        (576, "110.00"),  # at the 7.2% benchmark: the middle
        (1152, "200.00"),  # twice the benchmark: the top
        (5000, "200.00"),  # far above: still the top
    ],
)
def test_the_rate_is_placed_by_engagement_against_the_benchmark(likes: int, rate: str) -> None:
    suggestion = suggest_rate(audience(8_000, avg_likes=likes, avg_comments=0))
    assert suggestion.rate == Money(rate)
    assert suggestion.benchmark == Decimal("0.072")
    assert suggestion.tier is Tier.NANO
    assert suggestion.rate in suggestion.fair_range


def test_hypeauditor_benchmarks_and_scheme() -> None:
    # 0.54% at micro under HypeAuditor's benchmarks: the middle of the micro band.
    micro = audience(15_000, avg_likes=71, avg_comments=10)
    suggestion = suggest_rate(micro, benchmarks=HYPEAUDITOR_2026_BENCHMARKS)
    assert suggestion.tier is Tier.MICRO
    assert suggestion.rate == Money("350.00")
    below_minimum = audience(999, avg_likes=10, avg_comments=1)
    with pytest.raises(ValidationError, match="minimum") as caught:
        suggest_rate(below_minimum, scheme=tiers.HYPEAUDITOR)
    assert caught.value.path == "audience.followers"


def test_no_benchmark_for_the_tier_gives_the_middle_with_the_reason() -> None:
    suggestion = suggest_rate(audience(50_000, avg_likes=2_000, avg_comments=100))
    assert suggestion.tier is Tier.MID
    assert suggestion.benchmark is None
    assert suggestion.engagement_rate == Decimal("0.042")
    assert suggestion.rate == Money("750.00")
    assert "no mid benchmark" in suggestion.reason


def test_another_platform_has_no_benchmark() -> None:
    tiktok = Audience("tiktok", 8_000, AT, avg_likes=900, avg_comments=50)
    suggestion = suggest_rate(tiktok)
    assert suggestion.benchmark is None
    assert suggestion.rate == Money("110.00")
    assert "for instagram" in suggestion.reason


def test_an_open_band_suggests_its_floor() -> None:
    suggestion = suggest_rate(audience(2_000_000, avg_likes=10_000, avg_comments=100))
    assert suggestion.tier is Tier.MEGA
    assert suggestion.rate == Money("10000")
    assert suggestion.position is None
    assert "no upper end" in suggestion.reason


def test_estimated_figures_are_named_in_the_reason() -> None:
    guessed = audience(8_000, avg_likes=500, avg_comments=20, provenance="self_reported")
    assert "self-reported" in suggest_rate(guessed).reason


def test_suggest_rate_by_format() -> None:
    suggestion = suggest_rate(
        audience(8_000, avg_likes=576, avg_comments=0),
        policy=INBEAT_WITH_FORMATS,
        content_format="video",
    )
    assert suggestion.fair_range == MoneyRange(Money("28"), Money("300"))
    assert suggestion.rate == Money("164.00")
    assert "per video post" in suggestion.reason


def test_suggest_rate_refuses_wrong_arguments() -> None:
    with pytest.raises(ValidationError) as caught:
        suggest_rate(8_000)  # type: ignore[arg-type]
    assert caught.value.path == "audience"
    with pytest.raises(ValidationError) as caught:
        suggest_rate(audience(8_000), benchmarks=INBEAT)  # type: ignore[arg-type]
    assert caught.value.path == "benchmarks"


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"nano": 0.072}, "nano"),
        ({"nano": "7.2"}, "nano"),
        ({"micro": "0"}, "micro"),
        ({"counted": []}, "counted"),
        ({"counted": ["like", "view"]}, "counted[1]"),
        ({"counted": ["like", "like"]}, "counted"),
        ({"top_ratio": "0"}, "top_ratio"),
        ({"platform": "myspace"}, "platform"),
    ],
)
def test_bad_benchmarks_are_refused(fields: dict[str, object], path: str) -> None:
    values: dict[str, object] = {"name": "bad", "source": "a test", "platform": "instagram"}
    values.update(fields)
    with pytest.raises(ValidationError) as caught:
        RateBenchmarks(**values)  # type: ignore[arg-type]
    assert caught.value.path == f"RateBenchmarks.{path}"


@settings(max_examples=150)
@given(
    st.integers(min_value=1, max_value=10**9),
    st.floats(min_value=0, max_value=1e9, allow_nan=False),
    st.floats(min_value=0, max_value=1e9, allow_nan=False),
    st.floats(min_value=0, max_value=1e6, allow_nan=False),
)
def test_more_engagement_never_lowers_the_rate(
    followers: int, likes: float, more: float, comments: float
) -> None:
    lower = suggest_rate(audience(followers, avg_likes=likes, avg_comments=comments))
    higher = suggest_rate(audience(followers, avg_likes=likes + more, avg_comments=comments))
    assert lower.rate in lower.fair_range
    assert higher.rate in higher.fair_range
    assert lower.rate <= higher.rate
    assert lower.tier is higher.tier is tiers.classify_tier(followers)


def test_the_module_names_are_exported() -> None:
    assert set(pay.__all__) >= {"PayPolicy", "assess_offer", "fair_pay_range", "suggest_rate"}
