"""Tests for nanokit.policy.loyalty: standings, first dibs and recommended compensation."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.policy_strategies import (
    EPOCH,
    INFLUENCER_IDS,
    completed_deal,
    deal_sets,
    loyalty_policies,
)

from nanokit import (
    Audience,
    Commission,
    Compensation,
    CurrencyMismatchError,
    Deal,
    DealStatus,
    Influencer,
    Money,
    ProductGift,
    SocialAccount,
    Tier,
    ValidationError,
)
from nanokit.policy import pay, tiers
from nanokit.policy.loyalty import (
    DEFAULT,
    LoyaltyPolicy,
    LoyaltyStage,
    first_dibs,
    loyalty_standing,
    recommend_compensation,
)

UTC = dt.timezone.utc
AS_OF = dt.datetime(2026, 6, 1, tzinfo=UTC)


def day(n: int) -> dt.datetime:
    return EPOCH + dt.timedelta(days=n)


def completed(count: int, who: str = "inf-maya", *, every: int = 30, start: int = 0) -> list[Deal]:
    return [completed_deal(f"{who}-{n}", who, day(start + n * every)) for n in range(count)]


def person(who: str = "inf-maya", followers: int | None = 8_000) -> Influencer:
    audience = None if followers is None else Audience("instagram", followers, AS_OF)
    return Influencer(id=who, name=who, accounts=[SocialAccount("instagram", "@" + who, audience)])


# -- the policy ------------------------------------------------------------------------------


def test_the_default_is_documented() -> None:
    assert (DEFAULT.returning_after, DEFAULT.cash_after) == (1, 3)
    assert (DEFAULT.ambassador_after, DEFAULT.ambassador_span_days) == (6, 180)
    assert "small cash payments" in DEFAULT.source
    assert "no number" in DEFAULT.source


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"returning_after": 0}, "returning_after"),
        ({"returning_after": 4}, "cash_after"),
        ({"cash_after": 7}, "ambassador_after"),
        ({"cash_after": True}, "cash_after"),
        ({"ambassador_span_days": -1}, "ambassador_span_days"),
        ({"ambassador_span_days": 1.5}, "ambassador_span_days"),
        ({"name": ""}, "name"),
    ],
)
def test_a_policy_whose_counts_fall_is_refused(fields: dict[str, object], field: str) -> None:
    values: dict[str, object] = {"name": "bad", "source": "a test"}
    values.update(fields)
    with pytest.raises(ValidationError) as caught:
        LoyaltyPolicy(**values)  # type: ignore[arg-type]
    assert caught.value.path == f"LoyaltyPolicy.{field}"


def test_stages_are_ordered() -> None:
    assert sorted(LoyaltyStage, reverse=True)[0] is LoyaltyStage.AMBASSADOR
    assert LoyaltyStage.LOYAL >= LoyaltyStage.RETURNING > LoyaltyStage.NEW


# -- loyalty_standing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "stage", "cash"),
    [
        (0, LoyaltyStage.NEW, False),
        (1, LoyaltyStage.RETURNING, False),
        (2, LoyaltyStage.RETURNING, False),
        (3, LoyaltyStage.LOYAL, True),
        (5, LoyaltyStage.LOYAL, True),
        (6, LoyaltyStage.AMBASSADOR, True),
        (9, LoyaltyStage.AMBASSADOR, True),
    ],
)
def test_stages_by_successful_deals(count: int, stage: LoyaltyStage, cash: bool) -> None:
    standing = loyalty_standing("inf-maya", completed(count, every=40), as_of=AS_OF)
    assert standing.stage is stage
    assert standing.successful_deals == count
    assert standing.cash_due is cash
    assert stage.value in standing.reason


@pytest.mark.parametrize(
    ("days", "stage"), [(179, LoyaltyStage.LOYAL), (180, LoyaltyStage.AMBASSADOR)]
)
def test_ambassador_needs_the_span(days: int, stage: LoyaltyStage) -> None:
    deals = [*completed(5, every=1), completed_deal("last", "inf-maya", day(days))]
    standing = loyalty_standing("inf-maya", deals, as_of=AS_OF)
    assert standing.span == dt.timedelta(days=days)
    assert standing.stage is stage
    if stage is LoyaltyStage.LOYAL:
        assert "180 days apart" in standing.reason


def test_the_standing_carries_its_dates() -> None:
    deals = completed(3, every=10, start=5)
    standing = loyalty_standing("inf-maya", deals, as_of=AS_OF)
    assert standing.first_deal_at == day(5)
    assert standing.last_deal_at == day(25)
    assert standing.span == dt.timedelta(days=20)
    assert standing.tenure == AS_OF - day(5)
    assert standing.deal_ids == ("inf-maya-0", "inf-maya-1", "inf-maya-2")
    assert standing.influencer_id == "inf-maya"
    assert standing.as_of == AS_OF
    assert standing.policy is DEFAULT


@pytest.mark.parametrize(
    "status", [s for s in DealStatus if s is not DealStatus.COMPLETED], ids=lambda s: s.value
)
def test_only_completed_deals_count(status: DealStatus) -> None:
    deals = [*completed(2), Deal("other", "cmp", "inf-maya", Compensation(), status=status)]
    assert loyalty_standing("inf-maya", deals, as_of=AS_OF).successful_deals == 2


def test_deals_of_other_influencers_and_after_as_of_are_ignored() -> None:
    deals = completed(3) + completed(4, "inf-sam")
    early = day(45)
    assert loyalty_standing("inf-maya", deals, as_of=AS_OF).successful_deals == 3
    assert loyalty_standing("inf-maya", deals, as_of=early).successful_deals == 2
    assert loyalty_standing("inf-maya", deals, as_of=day(60)).successful_deals == 3


def test_undated_completed_deals_count_without_dates() -> None:
    undated = [completed_deal(f"u{n}", "inf-maya", None) for n in range(6)]
    standing = loyalty_standing("inf-maya", undated, as_of=AS_OF)
    assert standing.successful_deals == 6
    assert standing.undated_deals == 6
    assert standing.first_deal_at is None
    assert standing.span is None
    assert standing.stage is LoyaltyStage.LOYAL  # the span cannot be shown
    assert "without a dated history" in standing.reason


def test_loyalty_standing_refuses_bad_input() -> None:
    deals = completed(2)
    with pytest.raises(ValidationError) as caught:
        loyalty_standing("inf-maya", [*deals, deals[0]], as_of=AS_OF)
    assert caught.value.path == "deals[2].id"
    with pytest.raises(ValidationError) as caught:
        loyalty_standing("inf-maya", [deals[0], "deal"], as_of=AS_OF)  # type: ignore[list-item]
    assert caught.value.path == "deals[1]"
    with pytest.raises(ValidationError) as caught:
        loyalty_standing("inf-maya", deals, as_of=dt.datetime(2026, 1, 1))
    assert caught.value.path == "as_of"
    with pytest.raises(ValidationError) as caught:
        loyalty_standing(" ", deals, as_of=AS_OF)
    assert caught.value.path == "influencer_id"
    with pytest.raises(ValidationError) as caught:
        loyalty_standing("inf-maya", deals, as_of=AS_OF, policy=pay.INBEAT)  # type: ignore[arg-type]
    assert caught.value.path == "policy"


@settings(max_examples=150)
@given(
    deal_sets(),
    st.sampled_from(INFLUENCER_IDS),
    st.none() | st.integers(min_value=0, max_value=730),
    loyalty_policies(),
)
def test_standing_never_falls_when_a_successful_deal_is_added(
    deals: list[Deal], who: str, completed_on: int | None, policy: LoyaltyPolicy
) -> None:
    as_of = day(731)
    before = loyalty_standing(who, deals, as_of=as_of, policy=policy)
    extra = completed_deal("extra", who, None if completed_on is None else day(completed_on))
    after = loyalty_standing(who, [*deals, extra], as_of=as_of, policy=policy)
    assert after.successful_deals == before.successful_deals + 1
    assert after.stage >= before.stage
    assert after.cash_due >= before.cash_due
    if before.span is not None:
        assert after.span is not None
        assert after.span >= before.span


# -- first_dibs ------------------------------------------------------------------------------


def test_first_dibs_ranks_by_stage_then_deals_then_tenure_then_id() -> None:
    people = [person(who) for who in ("inf-a", "inf-b", "inf-c", "inf-d", "inf-e", "inf-f")]
    deals = (
        completed(6, "inf-f", every=40)  # ambassador
        + completed(4, "inf-b", every=1)  # loyal, 4 deals
        + completed(3, "inf-e", every=1, start=10)  # loyal, 3 deals, shorter tenure
        + completed(3, "inf-c", every=1)  # loyal, 3 deals, longer tenure
        # inf-a and inf-d: new; the id breaks the tie
    )
    ranked = first_dibs(list(reversed(people)), deals, as_of=AS_OF)
    assert [p.id for p in ranked] == ["inf-f", "inf-b", "inf-c", "inf-e", "inf-a", "inf-d"]


def test_first_dibs_refuses_a_person_listed_twice() -> None:
    with pytest.raises(ValidationError) as caught:
        first_dibs([person(), person()], [], as_of=AS_OF)
    assert caught.value.path == "influencers[1].id"


@settings(max_examples=100)
@given(deal_sets(), st.permutations(INFLUENCER_IDS), st.randoms(use_true_random=False))
def test_first_dibs_is_a_permutation_independent_of_input_order(
    deals: list[Deal], ids: list[str], random: object
) -> None:
    people = [person(who) for who in ids]
    ranked = first_dibs(people, deals, as_of=day(731))
    assert sorted(p.id for p in ranked) == sorted(ids)
    assert len(ranked) == len(people)
    shuffled_people = list(people)
    shuffled_deals = list(deals)
    random.shuffle(shuffled_people)  # type: ignore[attr-defined]
    random.shuffle(shuffled_deals)  # type: ignore[attr-defined]
    assert first_dibs(shuffled_people, shuffled_deals, as_of=day(731)) == ranked
    stages = [loyalty_standing(p.id, deals, as_of=day(731)).stage for p in ranked]
    assert stages == sorted(stages, reverse=True)


# -- recommend_compensation ------------------------------------------------------------------

KIT = ProductGift("Starter kit", Money("45"))


def with_terms(deals: list[Deal], compensation: Compensation) -> list[Deal]:
    return [
        Deal(
            d.id, d.campaign_id, d.influencer_id, compensation, status=d.status, history=d.history
        )
        for d in deals
    ]


def test_a_new_relationship_keeps_the_product_given() -> None:
    advice = recommend_compensation(person(), [], as_of=AS_OF, product=KIT)
    assert advice.compensation == Compensation(product=KIT)
    assert advice.standing.stage is LoyaltyStage.NEW
    assert advice.tier is None
    assert "keep exchanging product" in advice.reason


def test_without_a_known_product_the_recommendation_is_refused() -> None:
    with pytest.raises(ValidationError, match="product=") as caught:
        recommend_compensation(person(), [], as_of=AS_OF)
    assert caught.value.path == "product"


def test_a_returning_relationship_keeps_the_latest_product_and_affiliate_terms() -> None:
    old = Compensation(product=ProductGift("Old kit", Money("30")))
    latest = Compensation(
        product=KIT, commission=Commission(rate="0.1"), tracking_link="https://x.io/m"
    )
    deals = with_terms(completed(1), old) + with_terms(
        [completed_deal("newer", "inf-maya", day(100))], latest
    )
    advice = recommend_compensation(person(), deals, as_of=AS_OF)
    assert advice.compensation == Compensation(
        product=KIT, commission=Commission(rate="0.1"), tracking_link="https://x.io/m"
    )
    assert "10% of sales" in advice.reason


def test_once_cash_is_due_a_small_payment_replaces_product() -> None:
    terms = Compensation(product=KIT, commission=Commission(rate="0.15"), discount_code="MAYA15")
    deals = with_terms(completed(3), terms)
    advice = recommend_compensation(person(followers=15_000), deals, as_of=AS_OF)
    assert advice.tier is Tier.MICRO
    assert advice.compensation.cash_per_post == pay.INBEAT.micro.low
    assert advice.compensation.product is None
    assert advice.compensation.commission == Commission(rate="0.15")
    assert advice.compensation.discount_code == "MAYA15"
    assert "replace product with a small cash payment of $200.00 per post" in advice.reason
    assert advice.standing.cash_due


def test_cash_follows_the_pay_policy_scheme_platform_and_format() -> None:
    deals = completed(3)
    maya = Influencer(
        id="inf-maya",
        name="Maya",
        accounts=[
            SocialAccount("instagram", "@maya", Audience("instagram", 8_000, AS_OF)),
            SocialAccount("tiktok", "@maya", Audience("tiktok", 30_000, AS_OF)),
        ],
    )
    assert recommend_compensation(maya, deals, as_of=AS_OF).compensation.cash_per_post == Money(
        "500"
    )
    on_instagram = recommend_compensation(maya, deals, as_of=AS_OF, platform="instagram")
    assert on_instagram.compensation.cash_per_post == Money("20")
    imh = recommend_compensation(maya, deals, as_of=AS_OF, pay=pay.IMH, scheme=tiers.HYPEAUDITOR)
    assert imh.tier is Tier.MICRO
    assert imh.compensation.cash_per_post == Money("100")
    video = recommend_compensation(
        maya,
        deals,
        as_of=AS_OF,
        platform="instagram",
        pay=pay.INBEAT_WITH_FORMATS,
        content_format="video",
    )
    assert video.compensation.cash_per_post == Money("28.00")
    assert "per video post" in video.reason


def test_a_product_passed_explicitly_is_kept_next_to_cash() -> None:
    advice = recommend_compensation(person(), completed(3), as_of=AS_OF, product=KIT)
    assert advice.compensation.product == KIT
    assert advice.compensation.cash_per_post == Money("20")
    assert "kept next to the cash" in advice.reason


def test_cash_without_a_tier_is_refused() -> None:
    with pytest.raises(ValidationError, match="audience") as caught:
        recommend_compensation(person(followers=None), completed(3), as_of=AS_OF)
    assert caught.value.path == "followers"
    with pytest.raises(ValidationError, match="minimum") as caught:
        recommend_compensation(
            person(followers=500), completed(3), as_of=AS_OF, scheme=tiers.HYPEAUDITOR
        )
    assert caught.value.path == "influencer"


def test_affiliate_terms_in_another_currency_clash_with_cash() -> None:
    euro = Compensation(commission=Commission(per_sale=Money("2", "EUR")))
    with pytest.raises(CurrencyMismatchError):
        recommend_compensation(person(), with_terms(completed(3), euro), as_of=AS_OF)


def test_declined_and_future_deals_do_not_set_the_terms() -> None:
    declined = Deal(
        "declined",
        "cmp",
        "inf-maya",
        Compensation(product=ProductGift("No", Money("1"))),
        status="declined",
    )
    future = with_terms(
        [completed_deal("future", "inf-maya", AS_OF + dt.timedelta(days=1))],
        Compensation(product=ProductGift("Later", Money("2"))),
    )
    kept = with_terms(completed(1), Compensation(product=KIT))
    advice = recommend_compensation(person(), [*kept, declined, *future], as_of=AS_OF)
    assert advice.compensation.product == KIT
