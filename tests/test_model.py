"""The model's invariants and refusals, entity by entity, plus Deal.advance and Workspace."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from tests.strategies import STRATEGIES, consistent_workspaces, deals

from nanokit import (
    Audience,
    Campaign,
    Commission,
    Compensation,
    Contact,
    CurrencyMismatchError,
    Deal,
    DealStateError,
    DealStatus,
    Deliverable,
    Demographics,
    Fee,
    Influencer,
    Interaction,
    InteractionKind,
    KpiTarget,
    MediaKit,
    Money,
    NanokitError,
    Platform,
    ProductGift,
    QuotedRate,
    SocialAccount,
    StatusChange,
    Tier,
    ValidationError,
    Workspace,
)
from nanokit.model import ALLOWED_MOVES, MAX_COUNT, MAX_TEXT, VALUED_KINDS

UTC = dt.timezone.utc
AT = dt.datetime(2026, 5, 3, 18, 0, tzinfo=UTC)
NAIVE = dt.datetime(2026, 5, 3, 18, 0)


def refused(build: Callable[[], object], field: str, *, contains: str = "") -> ValidationError:
    """Assert that `build()` raises a ValidationError naming `field` (and `contains`)."""
    with pytest.raises(ValidationError) as caught:
        build()
    message = str(caught.value)
    assert field in message, message
    assert contains in message, message
    return caught.value


def audience(**changes: Any) -> Audience:
    fields: dict[str, Any] = {"platform": "instagram", "followers": 8000, "measured_at": AT}
    return Audience(**{**fields, **changes})


def influencer(**changes: Any) -> Influencer:
    fields: dict[str, Any] = {
        "id": "inf-1",
        "name": "Maya",
        "accounts": [SocialAccount("instagram", "@maya")],
    }
    return Influencer(**{**fields, **changes})


def campaign(**changes: Any) -> Campaign:
    fields: dict[str, Any] = {
        "id": "cmp-1",
        "brand": "Oat & Ember",
        "name": "Spring",
        "objective": "sales",
        "media_kind": "mixed",
        "start": dt.date(2026, 4, 1),
    }
    return Campaign(**{**fields, **changes})


def interaction(**changes: Any) -> Interaction:
    fields: dict[str, Any] = {
        "id": "ev-1",
        "occurred_at": AT,
        "influencer_id": "inf-1",
        "kind": "like",
    }
    return Interaction(**{**fields, **changes})


def deal(**changes: Any) -> Deal:
    fields: dict[str, Any] = {
        "id": "deal-1",
        "campaign_id": "cmp-1",
        "influencer_id": "inf-1",
        "compensation": Compensation(),
    }
    return Deal(**{**fields, **changes})


# -- every strategy value is a valid, frozen, hashable value ----------------------------------


@pytest.mark.parametrize("kind", list(STRATEGIES), ids=lambda kind: kind.__name__)
def test_values_are_frozen_and_rebuild_equal(kind: type) -> None:
    @settings(max_examples=5 if kind is Workspace else 15, deadline=None)
    @given(STRATEGIES[kind])
    def check(value: Any) -> None:
        assert isinstance(value, kind)
        if attrs.has(kind):
            assert attrs.evolve(value) == value
            first = attrs.fields(kind)[0].name
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(value, first, getattr(value, first))
        hash(value)

    check()


# -- timestamps -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: audience(measured_at=NAIVE), "Audience.measured_at"),
        (lambda: interaction(occurred_at=NAIVE), "Interaction.occurred_at"),
        (lambda: StatusChange("agreed", NAIVE), "StatusChange.at"),
        (lambda: influencer(created_at=NAIVE), "Influencer.created_at"),
    ],
)
def test_naive_datetimes_are_refused(build: Callable[[], object], field: str) -> None:
    refused(build, field, contains="has no timezone")


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: audience(measured_at="2026-05-03T18:00:00Z"), "Audience.measured_at"),
        (lambda: interaction(occurred_at=dt.date(2026, 5, 3)), "Interaction.occurred_at"),
        (lambda: campaign(start=AT), "Campaign.start"),
        (lambda: campaign(start="2026-04-01"), "Campaign.start"),
        (lambda: MediaKit(AT, url="u"), "MediaKit.received_on"),
        (lambda: deal(usage_rights_until=AT), "Deal.usage_rights_until"),
    ],
)
def test_times_and_dates_must_have_the_right_type(build: Callable[[], object], field: str) -> None:
    refused(build, field, contains="expected a date")


# -- audience ---------------------------------------------------------------------------------


def test_negative_followers_are_refused() -> None:
    refused(lambda: audience(followers=-1), "Audience.followers", contains="at least 0, got -1")


@pytest.mark.parametrize("value", [True, False, 12.0, 12.5, "12", None, Decimal(12)])
def test_counts_must_be_whole_numbers_not_bools(value: object) -> None:
    refused(lambda: audience(followers=value), "Audience.followers", contains="whole number")


def test_counts_are_bounded() -> None:
    assert audience(followers=MAX_COUNT).followers == MAX_COUNT
    refused(lambda: audience(followers=MAX_COUNT + 1), "Audience.followers", contains="at most")
    refused(lambda: audience(posts_sampled=-1), "Audience.posts_sampled")


@pytest.mark.parametrize("value", [-1.0, -0.5, float("nan"), float("inf"), True, "633", 1e16])
def test_averages_must_be_finite_non_negative_numbers(value: object) -> None:
    refused(lambda: audience(avg_likes=value), "Audience.avg_likes")


def test_averages_accept_ints_and_keep_unknown_as_none() -> None:
    snapshot = audience(avg_likes=633, avg_views=Decimal("12.5"))
    assert snapshot.avg_likes == 633.0
    assert isinstance(snapshot.avg_likes, float)
    assert snapshot.avg_views == 12.5
    assert snapshot.avg_comments is None


@pytest.mark.parametrize("value", [1.01, -0.01, 2, True, "0.5"])
def test_suspicious_share_must_be_in_zero_one(value: object) -> None:
    refused(
        lambda: audience(suspicious_follower_share=value), "Audience.suspicious_follower_share"
    )


def test_bad_enum_value_lists_the_allowed_values() -> None:
    error = refused(lambda: audience(platform="myspace"), "Audience.platform")
    for platform in Platform:
        assert repr(platform.value) in str(error)
    refused(lambda: audience(provenance="guessed"), "Audience.provenance", contains="'measured'")


# -- demographics -----------------------------------------------------------------------------


def test_a_share_over_one_is_refused() -> None:
    refused(lambda: Demographics(countries={"US": 1.5}), "Demographics.countries.US")


def test_a_negative_share_is_refused() -> None:
    refused(lambda: Demographics(age_bands={"18-24": -0.1}), "Demographics.age_bands.18-24")


def test_shares_adding_up_to_more_than_one_are_refused() -> None:
    refused(
        lambda: Demographics(genders={"female": 0.7, "male": 0.4}),
        "Demographics.genders",
        contains="add up to 1.1",
    )


def test_shares_adding_up_to_exactly_one_pass_despite_float_error() -> None:
    parts = Demographics(countries={"US": 0.1, "CA": 0.2, "MX": 0.7})
    assert dict(parts.countries) == {"CA": 0.2, "MX": 0.7, "US": 0.1}


@pytest.mark.parametrize(
    "pairs",
    [
        [("US", 0.1), ("US", 0.2)],
        [("", 0.1)],
        [("  ", 0.1)],
        [(7, 0.1)],
        [("US", True)],
        [("US", "0.1")],
    ],
)
def test_bad_share_keys_and_values_are_refused(pairs: list[tuple[object, object]]) -> None:
    refused(lambda: Demographics(countries=pairs), "Demographics.countries")


def test_shares_are_sorted_pairs() -> None:
    assert Demographics(countries={"US": 0.6, "CA": 0.2}).countries == (("CA", 0.2), ("US", 0.6))
    assert Demographics(countries={"US": 1}).countries == (("US", 1.0),)


def test_demographics_must_be_demographics() -> None:
    refused(lambda: audience(demographics={"countries": {}}), "Audience.demographics")


# -- accounts, contacts, media kits, influencers ----------------------------------------------


def test_audience_platform_must_match_the_account() -> None:
    refused(
        lambda: SocialAccount("tiktok", "@maya", audience=audience(platform="instagram")),
        "SocialAccount.audience",
        contains="measured on instagram, but the account is on tiktok",
    )


@pytest.mark.parametrize("handle", ["", "   ", None, 5, "x" * 201])
def test_a_handle_is_non_empty_text(handle: object) -> None:
    refused(lambda: SocialAccount("x", handle), "SocialAccount.handle")  # type: ignore[arg-type]


def test_contact_needs_an_email_or_a_channel() -> None:
    refused(lambda: Contact(), "Contact.email", contains="preferred_channel")


@pytest.mark.parametrize("email", ["maya.example.com", " maya@example.com", "maya@example.com "])
def test_contact_email_must_look_like_an_address(email: str) -> None:
    refused(lambda: Contact(email=email), "Contact.email", contains="email address")


def test_contact_channel_must_be_a_channel() -> None:
    refused(lambda: Contact(preferred_channel="pigeon"), "Contact.preferred_channel")


def test_media_kit_needs_a_url_or_a_reference() -> None:
    refused(lambda: MediaKit(dt.date(2026, 3, 1)), "MediaKit.url", contains="reference")
    assert MediaKit(dt.date(2026, 3, 1), reference="kit.pdf").reference == "kit.pdf"


def test_media_kit_rates_must_be_quoted_rates() -> None:
    error = refused(
        lambda: MediaKit(dt.date(2026, 3, 1), url="u", quoted_rates=[{"price": "20"}]),
        "MediaKit.quoted_rates[0]",
    )
    assert "expected QuotedRate" in str(error)


def test_quoted_rate_price_must_be_non_negative_money() -> None:
    refused(lambda: QuotedRate("reel", Money("-1")), "QuotedRate.price", contains="negative")
    refused(lambda: QuotedRate("reel", "150"), "QuotedRate.price", contains="expected Money")
    refused(lambda: QuotedRate("dance", Money("1")), "QuotedRate.content_format")


def test_influencer_needs_an_account() -> None:
    refused(lambda: influencer(accounts=[]), "Influencer.accounts", contains="at least one")


def test_influencer_accounts_must_be_distinct() -> None:
    twice = [SocialAccount("instagram", "@maya"), SocialAccount("instagram", "@maya")]
    refused(lambda: influencer(accounts=twice), "Influencer.accounts[1]", contains="listed twice")
    both = [SocialAccount("instagram", "@maya"), SocialAccount("tiktok", "@maya")]
    assert len(influencer(accounts=both).accounts) == 2


def test_influencer_accounts_must_be_accounts() -> None:
    refused(lambda: influencer(accounts=[{"platform": "x"}]), "Influencer.accounts[0]")
    refused(lambda: influencer(accounts="@maya"), "Influencer.accounts", contains="list")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"id": ""}, "Influencer.id"),
        ({"id": " inf-1"}, "Influencer.id"),
        ({"id": "x" * 201}, "Influencer.id"),
        ({"id": 7}, "Influencer.id"),
        ({"name": "  "}, "Influencer.name"),
        ({"name": "x" * 501}, "Influencer.name"),
        ({"country": "us"}, "Influencer.country"),
        ({"country": "USA"}, "Influencer.country"),
        ({"languages": ["EN"]}, "Influencer.languages[0]"),
        ({"languages": ["en", "english"]}, "Influencer.languages[1]"),
        ({"niches": ["baking", ""]}, "Influencer.niches[1]"),
        ({"notes": "x" * (MAX_TEXT + 1)}, "Influencer.notes"),
        ({"contact": "maya@example.com"}, "Influencer.contact"),
    ],
)
def test_influencer_fields_are_checked(changes: dict[str, object], field: str) -> None:
    refused(lambda: influencer(**changes), field)


def test_influencer_account_lookup() -> None:
    small = SocialAccount("instagram", "@small", audience(followers=10))
    large = SocialAccount("instagram", "@large", audience(followers=10_000))
    bare = SocialAccount("tiktok", "@t")
    person = influencer(accounts=[bare, small, large])
    assert person.account("instagram") is large
    assert person.account(Platform.YOUTUBE) is None
    assert person.largest_account is large
    assert influencer(accounts=[bare]).largest_account is bare
    with pytest.raises(ValueError, match="myspace"):
        person.account("myspace")


# -- campaigns --------------------------------------------------------------------------------


def test_end_before_start_is_refused() -> None:
    refused(
        lambda: campaign(start=dt.date(2026, 5, 2), end=dt.date(2026, 5, 1)),
        "Campaign.end",
        contains="before it starts",
    )
    assert campaign(start=dt.date(2026, 5, 1), end=dt.date(2026, 5, 1)).end is not None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"objective": "fame"}, "Campaign.objective"),
        ({"media_kind": "owned"}, "Campaign.media_kind"),
        ({"budget": Money("-1")}, "Campaign.budget"),
        ({"budget": 5000}, "Campaign.budget"),
        ({"required_hashtags": ["ad"]}, "Campaign.required_hashtags[0]"),
        ({"required_hashtags": ["#ad", "#two words"]}, "Campaign.required_hashtags[1]"),
        ({"required_hashtags": ["#"]}, "Campaign.required_hashtags[0]"),
        ({"target_tiers": ["giga"]}, "Campaign.target_tiers[0]"),
        ({"deliverables": ["reel"]}, "Campaign.deliverables[0]"),
        ({"brand": ""}, "Campaign.brand"),
    ],
)
def test_campaign_fields_are_checked(changes: dict[str, object], field: str) -> None:
    refused(lambda: campaign(**changes), field)


def test_one_target_per_kpi() -> None:
    targets = [KpiTarget("cpe", "0.10"), KpiTarget("cpe", "0.20")]
    refused(lambda: campaign(kpi_targets=targets), "Campaign.kpi_targets[1]", contains="cpe")


def test_campaign_running_dates_are_inclusive() -> None:
    spring = campaign(start=dt.date(2026, 4, 1), end=dt.date(2026, 5, 31))
    assert spring.is_running(dt.date(2026, 4, 1))
    assert spring.is_running(dt.date(2026, 5, 31))
    assert not spring.is_running(dt.date(2026, 3, 31))
    assert campaign(end=None).is_running(dt.date(2100, 1, 1))


def test_deliverable_count_must_be_at_least_one() -> None:
    refused(
        lambda: Deliverable("reel", "instagram", 0), "Deliverable.count", contains="at least 1"
    )
    refused(lambda: Deliverable("reel", "instagram", True), "Deliverable.count")


@pytest.mark.parametrize(
    "rule", ["FREQ=SOMETIMES", "every week", "FREQ=WEEKLY;COUNT=x", "FREQ=WEEKLY;BYDAY=XX"]
)
def test_an_invalid_recurrence_rule_is_refused(rule: str) -> None:
    refused(
        lambda: Deliverable("reel", "instagram", 1, recurrence=rule),
        "Deliverable.recurrence",
        contains="RFC 5545",
    )


def test_a_recurrence_count_must_match_the_count() -> None:
    refused(
        lambda: Deliverable("photo", "instagram", 2, recurrence="FREQ=WEEKLY;COUNT=6"),
        "Deliverable.recurrence",
        contains="COUNT=6",
    )
    assert Deliverable("photo", "instagram", 6, recurrence="RRULE:FREQ=WEEKLY;COUNT=6").count == 6


def test_deliverable_schedule() -> None:
    weekly = Deliverable("reel", "instagram", 3, recurrence="FREQ=WEEKLY")
    assert weekly.schedule(AT) == [AT, AT + dt.timedelta(weeks=1), AT + dt.timedelta(weeks=2)]
    assert Deliverable("reel", "instagram", 2).schedule(AT) == [AT, AT]
    refused(lambda: weekly.schedule(NAIVE), "start", contains="no timezone")


@pytest.mark.parametrize("value", [0.05, float("nan"), "NaN", "Infinity", True, None, "five"])
def test_kpi_target_value_must_be_an_exact_finite_number(value: object) -> None:
    refused(lambda: KpiTarget("engagement_rate", value), "KpiTarget.value")  # type: ignore[arg-type]


def test_kpi_target_direction() -> None:
    assert KpiTarget("cpe", "0.10").met_by(Decimal("0.08")) is True
    assert KpiTarget("cpe", "0.10").met_by(0.12) is False
    assert KpiTarget("roi", "2").met_by(3) is True
    assert KpiTarget("roi", "2").met_by(None) is None
    refused(lambda: KpiTarget("likes", "1"), "KpiTarget.kpi")


# -- compensation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "build",
    [
        lambda: ProductGift("kit", Money("-45")),
        lambda: Fee("shipping", Money("-1")),
        lambda: Compensation(cash_per_post=Money("-60")),
        lambda: Commission(per_sale=Money("-2")),
    ],
)
def test_amounts_paid_must_not_be_negative(build: Callable[[], object]) -> None:
    with pytest.raises(ValidationError, match="must not be negative"):
        build()


def test_paid_amounts_name_their_field() -> None:
    refused(lambda: ProductGift("kit", Money("-45")), "ProductGift.retail_value")
    refused(lambda: Fee("shipping", "1"), "Fee.amount", contains="expected Money")
    refused(lambda: Compensation(cash_per_post=60), "Compensation.cash_per_post")


def test_commission_needs_a_term() -> None:
    refused(lambda: Commission(), "Commission.rate", contains="per_sale")


@pytest.mark.parametrize("rate", ["1.5", "-0.1", 0.1, "ten percent", True])
def test_commission_rate_is_a_fraction(rate: object) -> None:
    refused(lambda: Commission(rate=rate), "Commission.rate")  # type: ignore[arg-type]


def test_commission_amounts_share_a_currency() -> None:
    with pytest.raises(CurrencyMismatchError, match=r"Commission\.per_click"):
        Commission(per_sale=Money("1", "EUR"), per_click=Money("1", "USD"))


def test_commission_earned() -> None:
    terms = Commission(rate="0.10", per_sale=Money("1"), per_click=Money("0.05"))
    assert terms.earned(revenue=Money("1080"), sales=24, clicks=600) == Money("162.00")
    refused(lambda: terms.earned(revenue=Money("1"), sales=-1, clicks=0), "sales")
    refused(lambda: terms.earned(revenue=Money("1"), sales=0, clicks=True), "clicks")
    with pytest.raises(CurrencyMismatchError):
        terms.earned(revenue=Money("1", "EUR"), sales=1, clicks=0)


def test_compensation_is_in_one_currency() -> None:
    with pytest.raises(CurrencyMismatchError, match="one currency") as caught:
        Compensation(
            product=ProductGift("kit", Money("45", "EUR")), cash_per_post=Money("60", "USD")
        )
    assert isinstance(caught.value, NanokitError)


def test_compensation_fixed_value() -> None:
    offer = Compensation(
        product=ProductGift("kit", Money("45")),
        cash_per_post=Money("60"),
        fees=[Fee("agency", Money("20"))],
        commission=Commission(rate="0.1"),
    )
    assert offer.fixed_value(3) == Money("245")
    assert offer.currency == "USD"
    assert not offer.is_empty
    assert Compensation().fixed_value(2, currency="EUR") == Money("0", "EUR")
    assert Compensation(commission=Commission(rate="0.1")).is_empty is False
    refused(lambda: offer.fixed_value(-1), "posts")
    refused(lambda: offer.fixed_value(True), "posts")


# -- deals ------------------------------------------------------------------------------------


def test_deal_advance_happy_path() -> None:
    proposed = deal()
    agreed = proposed.advance(DealStatus.AGREED, at=AT, note="accepted as offered")
    started = agreed.advance("in_progress", at=AT + dt.timedelta(days=1))
    delivered = started.advance("delivered", at=AT + dt.timedelta(days=10))
    completed = delivered.advance("completed", at=AT + dt.timedelta(days=12))
    assert proposed.status is DealStatus.PROPOSED
    assert proposed.history == ()
    assert agreed.history == (StatusChange("agreed", AT, "accepted as offered"),)
    assert [step.status for step in completed.history] == [
        DealStatus.AGREED,
        DealStatus.IN_PROGRESS,
        DealStatus.DELIVERED,
        DealStatus.COMPLETED,
    ]
    assert completed.changed_at == AT + dt.timedelta(days=12)
    assert completed.allowed_moves() == frozenset()
    assert proposed.changed_at is None


def test_an_illegal_move_names_the_allowed_moves() -> None:
    with pytest.raises(DealStateError) as caught:
        deal().advance("delivered", at=AT)
    message = str(caught.value)
    assert "'deal-1'" in message
    assert "from proposed to delivered" in message
    assert "agreed, cancelled, declined, negotiating" in message
    assert isinstance(caught.value, ValueError)


def test_no_move_leaves_a_closed_deal() -> None:
    closed = deal().advance("declined", at=AT)
    with pytest.raises(DealStateError, match="declined is closed"):
        closed.advance("agreed", at=AT)


def test_advance_checks_status_and_time() -> None:
    agreed = deal().advance("agreed", at=AT)
    refused(lambda: agreed.advance("done", at=AT), "status", contains="'in_progress'")
    refused(lambda: agreed.advance("in_progress", at=NAIVE), "StatusChange.at")
    refused(
        lambda: agreed.advance("in_progress", at=AT - dt.timedelta(seconds=1)),
        "at",
        contains="before the last change",
    )


@pytest.mark.parametrize(("status", "moves"), sorted(ALLOWED_MOVES.items()))
def test_allowed_moves_match_the_table(status: DealStatus, moves: frozenset[DealStatus]) -> None:
    assert deal(status=status).allowed_moves() == moves
    for target in DealStatus:
        if target in moves:
            assert deal(status=status).advance(target, at=AT).status is target
        else:
            with pytest.raises(DealStateError):
                deal(status=status).advance(target, at=AT)


def test_history_must_run_oldest_first() -> None:
    history = [StatusChange("agreed", AT), StatusChange("in_progress", AT - dt.timedelta(hours=1))]
    refused(
        lambda: deal(status="in_progress", history=history),
        "Deal.history[1].at",
        contains="oldest first",
    )


def test_history_steps_must_be_legal_moves() -> None:
    history = [StatusChange("agreed", AT), StatusChange("completed", AT)]
    refused(
        lambda: deal(status="completed", history=history),
        "Deal.history[1].status",
        contains="cannot move from agreed to completed",
    )


def test_history_must_end_at_the_status() -> None:
    refused(
        lambda: deal(status="proposed", history=[StatusChange("agreed", AT)]),
        "Deal.status",
        contains="last step of the history is agreed",
    )


def test_history_items_must_be_status_changes() -> None:
    refused(lambda: deal(history=[{"status": "agreed"}]), "Deal.history[0]")


def test_deal_fields_are_checked() -> None:
    refused(lambda: deal(status="signed"), "Deal.status", contains="'agreed'")
    refused(lambda: deal(compensation=None), "Deal.compensation", contains="Compensation")
    refused(lambda: deal(campaign_id=""), "Deal.campaign_id")
    refused(lambda: StatusChange("signed", AT), "StatusChange.status")


def test_an_imported_deal_may_carry_any_status_without_history() -> None:
    for status in DealStatus:
        assert deal(status=status).status is status


@settings(max_examples=25, deadline=None)
@given(deals())
def test_generated_histories_are_legal_paths(generated: Deal) -> None:
    steps = generated.history
    for before, after in itertools.pairwise(steps):
        assert after.status in ALLOWED_MOVES[before.status]
        assert after.at >= before.at
    if steps:
        assert steps[-1].status is generated.status


# -- interactions -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(set(InteractionKind) - VALUED_KINDS))
def test_value_is_refused_on_kinds_that_carry_none(kind: InteractionKind) -> None:
    refused(
        lambda: interaction(kind=kind, value=Money("1")),
        "Interaction.value",
        contains=f"a {kind.value} carries no value",
    )


@pytest.mark.parametrize("kind", sorted(VALUED_KINDS))
def test_valued_kinds_accept_a_value(kind: InteractionKind) -> None:
    assert interaction(kind=kind, value=Money("45.00")).value == Money("45.00")


def test_direction_and_channel_are_only_for_relationship_touch_points() -> None:
    refused(lambda: interaction(direction="inbound"), "Interaction.direction", contains="like")
    refused(lambda: interaction(kind="post", channel="email"), "Interaction.channel")
    pitch = interaction(kind="pitch", direction="inbound", channel="email")
    assert pitch.family.value == "relationship"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"count": 0}, "Interaction.count"),
        ({"count": 2.0}, "Interaction.count"),
        ({"count": True}, "Interaction.count"),
        ({"kind": "poke"}, "Interaction.kind"),
        ({"influencer_id": ""}, "Interaction.influencer_id"),
        ({"hashtags": ["#ok", "no"]}, "Interaction.hashtags[1]"),
        ({"platform": "myspace"}, "Interaction.platform"),
        ({"value": "45"}, "Interaction.value"),
        ({"direction": "sideways", "kind": "pitch"}, "Interaction.direction"),
        ({"note": 5}, "Interaction.note"),
    ],
)
def test_interaction_fields_are_checked(changes: dict[str, object], field: str) -> None:
    refused(lambda: interaction(**changes), field)


def test_tiers_order_by_size() -> None:
    assert sorted([Tier.MEGA, Tier.NANO, Tier.MID]) == [Tier.NANO, Tier.MID, Tier.MEGA]
    assert Tier.NANO.rank == 0
    assert Tier.MEGA.rank == 4


# -- workspace --------------------------------------------------------------------------------


def test_an_empty_workspace_has_no_problems() -> None:
    assert Workspace().problems() == []


def test_workspace_lists_every_cross_record_problem() -> None:
    sam = influencer(id="inf-1")
    spring = campaign(id="cmp-1", start=dt.date(2026, 4, 1))
    workspace = Workspace(
        influencers=[sam, sam],
        campaigns=[spring],
        deals=[deal(id="d-1"), deal(id="d-2", campaign_id="cmp-9", influencer_id="inf-9")],
        interactions=[
            interaction(id="e-1", campaign_id="cmp-1", deal_id="d-1"),
            interaction(id="e-2", influencer_id="inf-9", deal_id="d-9", campaign_id="cmp-9"),
            interaction(
                id="e-3", campaign_id="cmp-1", occurred_at=dt.datetime(2026, 3, 31, tzinfo=UTC)
            ),
            interaction(id="e-3"),
        ],
    )
    assert workspace.problems() == [
        ("$.influencers[1].id", "duplicate id 'inf-1'"),
        ("$.interactions[3].id", "duplicate id 'e-3'"),
        ("$.deals[1].campaign_id", "unknown campaign 'cmp-9'"),
        ("$.deals[1].influencer_id", "unknown influencer 'inf-9'"),
        ("$.interactions[1].influencer_id", "unknown influencer 'inf-9'"),
        ("$.interactions[1].deal_id", "unknown deal 'd-9'"),
        ("$.interactions[1].campaign_id", "unknown campaign 'cmp-9'"),
        (
            "$.interactions[2].occurred_at",
            "2026-03-31T00:00:00+00:00 is before campaign 'cmp-1' starts (2026-04-01)",
        ),
    ]


def test_workspace_lookups() -> None:
    workspace = Workspace(influencers=[influencer()], campaigns=[campaign()], deals=[deal()])
    assert workspace.influencer("inf-1") is workspace.influencers[0]
    assert workspace.campaign("cmp-1") is workspace.campaigns[0]
    assert workspace.deal("deal-1") is workspace.deals[0]
    assert workspace.deal("nope") is None


def test_workspace_collections_hold_their_own_kind() -> None:
    refused(lambda: Workspace(deals=[influencer()]), "Workspace.deals[0]", contains="Deal")


@settings(max_examples=10, deadline=None)
@given(consistent_workspaces())
def test_consistent_workspaces_have_no_problems(workspace: Workspace) -> None:
    assert workspace.problems() == []
