"""KPI reports and campaign reports: the worked example, costs, ranking, invariants."""

from __future__ import annotations

import datetime as dt
import math
import random
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nanokit import (
    Audience,
    Campaign,
    Commission,
    Compensation,
    CurrencyMismatchError,
    Deal,
    Deliverable,
    Fee,
    Influencer,
    Interaction,
    Kpi,
    KpiTarget,
    Money,
    Platform,
    ProductGift,
    Provenance,
    SocialAccount,
    Tier,
    ValidationError,
)
from nanokit.kpi import definitions, emv
from nanokit.kpi.campaign import CampaignReport, campaign_report
from nanokit.kpi.engagement import Engagement
from nanokit.kpi.report import KpiReport, KpiTotals
from nanokit.policy import tiers

AT = dt.datetime(2026, 5, 3, 12, tzinfo=dt.timezone.utc)
SPRING = Campaign(
    id="cmp-spring",
    brand="Oat & Ember",
    name="Spring bakes",
    objective="sales",
    media_kind="mixed",
    start=dt.date(2026, 5, 1),
    deliverables=[Deliverable("photo", "instagram", 3)],
    kpi_targets=[KpiTarget("roi", "2"), KpiTarget("cpe", "0.10")],
)


def person(
    pid: str, instagram: int | None = None, tiktok: int | None = None, **more
) -> Influencer:
    accounts = []
    if instagram is not None:
        accounts.append(
            SocialAccount("instagram", f"@{pid}", Audience("instagram", instagram, AT, **more))
        )
    if tiktok is not None:
        accounts.append(SocialAccount("tiktok", f"@{pid}", Audience("tiktok", tiktok, AT)))
    return Influencer(
        id=pid, name=pid.title(), accounts=accounts or [SocialAccount("x", f"@{pid}")]
    )


MAYA = person("inf-maya", instagram=8_000)
MAYA_DEAL = Deal(
    "deal-maya",
    "cmp-spring",
    "inf-maya",
    Compensation(product=ProductGift("Starter kit", Money("45")), cash_per_post=Money("60")),
    status="in_progress",
)


class Log:
    """Builds interactions with unique ids."""

    def __init__(self) -> None:
        self.events: list[Interaction] = []

    def add(self, who: str, kind: str, count: int = 1, **more) -> Log:
        more.setdefault("campaign_id", "cmp-spring")
        more.setdefault("occurred_at", AT + dt.timedelta(minutes=len(self.events)))
        self.events.append(
            Interaction(
                id=f"ev-{len(self.events)}", influencer_id=who, kind=kind, count=count, **more
            )
        )
        return self


def worked_example(deal_id: str | None = "deal-maya") -> list[Interaction]:
    """DOMAIN.md's worked example as a log: 3 posts, their responses, 24 sales worth $1,080."""
    log = Log()
    log.add("inf-maya", "product_sent", deal_id=deal_id, value=Money("45"))
    split = {
        "like": (640, 610, 650),
        "comment": (50, 40, 50),
        "share": (20, 25, 15),
        "save": (30, 25, 35),
        "impression": (8_000, 6_500, 6_500),
    }
    for number in range(3):
        post = f"post-{number}"
        log.add("inf-maya", "post", content_id=post, deal_id=deal_id, platform="instagram")
        for kind, counts in split.items():
            log.add("inf-maya", kind, counts[number], content_id=post, deal_id=deal_id)
    log.add("inf-maya", "click", 600, deal_id=deal_id)
    for _ in range(24):
        log.add("inf-maya", "conversion", deal_id=deal_id, value=Money("45"))
    return log.events


# -- the worked example -------------------------------------------------------------------


@pytest.mark.parametrize("deal_id", ["deal-maya", None])
def test_the_worked_example_exactly(deal_id) -> None:
    report = campaign_report(SPRING, [MAYA_DEAL], worked_example(deal_id), [MAYA])
    totals = report.totals.totals
    assert totals.cost == Money("225")
    assert (totals.posts, totals.engagements, totals.impressions) == (3, 2_190, 21_000)
    assert (totals.likes, totals.comments, totals.shares, totals.saves) == (1_900, 140, 60, 90)
    assert (totals.clicks, totals.conversions, totals.revenue) == (600, 24, Money("1080"))
    kpis = report.totals
    assert kpis.engagement_rate == 2_190 / 3 / 8_000
    assert f"{kpis.engagement_rate:.1%}" == "9.1%"
    assert kpis.cpe is not None
    assert kpis.cpe.format(3) == "$0.103"
    assert kpis.cpe.amount.quantize(Decimal("0.001")) == Decimal("0.103")
    assert kpis.cpm is not None
    assert kpis.cpm.amount.quantize(Decimal("0.01")) == Decimal("10.71")
    assert kpis.cpc == Money("0.375")
    assert kpis.cpa == Money("9.375")
    assert kpis.cost_per_post == Money("75")
    assert kpis.conversion_rate == 0.04
    assert kpis.click_through_rate == 600 / 21_000
    assert kpis.roi == Decimal("3.8")
    assert kpis.roas == Decimal("4.8")
    assert kpis.emv is None
    assert not kpis.estimated
    assert totals.products_sent == Money("45")
    assert totals.payments == Money("0")


def test_the_worked_example_row() -> None:
    report = campaign_report(SPRING, [MAYA_DEAL], worked_example(), [MAYA])
    (row,) = report.rows
    assert (row.rank, row.influencer_id, row.name) == (1, "inf-maya", "Inf-Maya")
    assert (row.platform, row.followers, row.tier) == (Platform.INSTAGRAM, 8_000, Tier.NANO)
    assert row.definition == "nanokit"
    assert row.deal_ids == ("deal-maya",)
    assert row.report == report.totals
    assert report.row("inf-maya") is row
    assert (report.campaign_id, report.definition, report.rank_by, report.tier_scheme) == (
        "cmp-spring",
        "nanokit",
        Kpi.CPE,
        "inBeat",
    )


def test_targets_are_checked_against_the_totals() -> None:
    report = campaign_report(SPRING, [MAYA_DEAL], worked_example(), [MAYA])
    roi, cpe = report.targets
    assert (roi.target.kpi, roi.actual, roi.met) == (Kpi.ROI, Decimal("3.8"), True)
    assert cpe.target.kpi is Kpi.CPE
    assert cpe.met is False  # $0.103 is above the $0.10 target


def test_emv_is_reported_beside_roi_not_in_it() -> None:
    report = campaign_report(
        SPRING, [MAYA_DEAL], worked_example(), [MAYA], rate_card=emv.UPFLUENCE
    )
    assert report.totals.emv is not None
    assert report.totals.emv.total == Money("136.50")
    assert report.totals.value(Kpi.EMV) == Money("136.50")
    assert report.totals.roi == Decimal("3.8")
    assert report.totals.totals.revenue == Money("1080")


def test_a_median_definition_reads_each_post() -> None:
    report = campaign_report(
        SPRING, [MAYA_DEAL], worked_example(), [MAYA], definition=definitions.MODASH_INSTAGRAM
    )
    assert report.definition == "modash-instagram"
    assert report.totals.engagement_rate == 640 / 8_000
    assert report.rows[0].report.engagement.median == 640 / 8_000
    assert report.totals.totals.engagements == 1_900  # Modash counts likes
    assert report.totals.cpe == Money("225") / 1_900


def test_a_windowed_definition_counts_the_last_posts() -> None:
    window_of_two = attrs.evolve(definitions.GRIN, name="grin-last-2", window=2)
    report = campaign_report(
        SPRING, [MAYA_DEAL], worked_example(), [MAYA], definition=window_of_two
    )
    engagement = report.rows[0].report.engagement
    assert (engagement.posts, engagement.posts_available) == (2, 3)
    assert engagement.rate == (610 + 40 + 650 + 50) / (2 * 8_000)
    assert report.totals.engagement == attrs.evolve(
        engagement, notes=report.totals.engagement.notes
    )


# -- what a cost counts -------------------------------------------------------------------


def test_nothing_published_and_nothing_sent_costs_nothing() -> None:
    log = Log().add("inf-maya", "reply", deal_id="deal-maya").events
    report = campaign_report(SPRING, [MAYA_DEAL], log, [MAYA])
    assert report.totals.totals.cost == Money("0")
    assert report.totals.cpe is None


def test_product_sent_counts_its_value_and_the_fees() -> None:
    deal = attrs.evolve(
        MAYA_DEAL,
        compensation=attrs.evolve(MAYA_DEAL.compensation, fees=[Fee("shipping", Money("7.50"))]),
    )
    log = Log().add("inf-maya", "product_sent", deal_id="deal-maya").events
    report = campaign_report(SPRING, [deal], log, [MAYA])
    assert report.totals.totals.cost == Money("52.50")
    assert report.totals.cost_per_post is None


def test_commissions_are_earned_on_the_deals_conversions_and_clicks() -> None:
    deal = Deal(
        "deal-aff",
        "cmp-spring",
        "inf-maya",
        Compensation(commission=Commission(rate="0.10", per_click=Money("0.05"))),
    )
    log = (
        Log()
        .add("inf-maya", "click", 600, deal_id="deal-aff")
        .add("inf-maya", "conversion", 24, deal_id="deal-aff", value=Money("1080"))
        .events
    )
    report = campaign_report(SPRING, [deal], log, [MAYA])
    assert report.totals.totals.cost == Money("138")
    assert report.totals.cpa == Money("5.75")


def test_posts_without_a_deal_cost_nothing() -> None:
    log = Log().add("inf-sam", "post", 2).add("inf-sam", "like", 50).events
    report = campaign_report(SPRING, [], log, [])
    assert report.totals.totals.cost == Money("0")
    assert report.rows[0].report.engagement.unavailable == ("followers",)


def test_other_campaigns_are_left_out() -> None:
    other = Deal("deal-other", "cmp-other", "inf-maya", Compensation(cash_per_post=Money("999")))
    noise = Log().add("inf-maya", "post", 5, campaign_id="cmp-other", deal_id="deal-other")
    noise.add("inf-maya", "like", 10_000, campaign_id=None)
    report = campaign_report(SPRING, [MAYA_DEAL, other], worked_example() + noise.events, [MAYA])
    assert report.totals.totals.cost == Money("225")
    assert report.totals.totals.likes == 1_900
    assert report.rows[0].deal_ids == ("deal-maya",)


def test_an_interaction_may_belong_by_its_deal_alone() -> None:
    log = Log().add("inf-maya", "post", 2, campaign_id=None, deal_id="deal-maya").events
    report = campaign_report(SPRING, [MAYA_DEAL], log, [MAYA])
    assert report.totals.totals.cost == Money("165")


def test_estimates_mark_the_report() -> None:
    log = worked_example()
    log[5] = attrs.evolve(log[5], provenance=Provenance.ESTIMATED)
    report = campaign_report(SPRING, [MAYA_DEAL], log, [MAYA])
    assert report.totals.totals.estimated
    assert report.totals.estimated
    assert report.rows[0].report.estimated


def test_an_estimated_follower_count_marks_the_rate() -> None:
    guessed = person("inf-maya", instagram=8_000, provenance="estimated")
    report = campaign_report(SPRING, [MAYA_DEAL], worked_example(), [guessed])
    assert report.totals.engagement.estimated
    assert not report.totals.totals.estimated
    assert report.totals.estimated


# -- rows and ranking ---------------------------------------------------------------------


def three_influencers() -> tuple[list[Deal], list[Interaction], list[Influencer]]:
    people = [
        person("inf-a", instagram=5_000),
        person("inf-b", instagram=50_000),
        person("inf-c", instagram=900),
    ]
    deals = [
        Deal(f"deal-{p.id[-1]}", "cmp-spring", p.id, Compensation(cash_per_post=Money("100")))
        for p in people
    ]
    log = Log()
    for who, likes, sales in (("inf-a", 400, 2), ("inf-b", 4_000, 0), ("inf-c", 100, 5)):
        log.add(who, "post", deal_id=f"deal-{who[-1]}")
        log.add(who, "like", likes, deal_id=f"deal-{who[-1]}")
        if sales:
            log.add(who, "conversion", sales, deal_id=f"deal-{who[-1]}", value=Money(50 * sales))
    return deals, log.events, people


def test_rows_rank_by_cost_per_engagement_by_default() -> None:
    deals, log, people = three_influencers()
    report = campaign_report(SPRING, deals, log, people)
    assert [row.influencer_id for row in report.rows] == ["inf-b", "inf-a", "inf-c"]
    assert [row.rank for row in report.rows] == [1, 2, 3]


def test_higher_is_better_ranks_descending_with_undefined_last() -> None:
    deals, log, people = three_influencers()
    by_roi = campaign_report(SPRING, deals, log, people, rank_by="roi")
    assert [row.influencer_id for row in by_roi.rows] == ["inf-c", "inf-a", "inf-b"]
    by_cpa = campaign_report(SPRING, deals, log, people, rank_by=Kpi.CPA)
    assert [row.influencer_id for row in by_cpa.rows] == ["inf-c", "inf-a", "inf-b"]
    assert by_cpa.rows[-1].report.cpa is None


def test_ties_go_by_influencer_id() -> None:
    deals, log, people = three_influencers()
    report = campaign_report(SPRING, deals, log, people, rank_by="cost")
    assert [row.influencer_id for row in report.rows] == ["inf-a", "inf-b", "inf-c"]


def test_rows_carry_tiers_by_the_chosen_scheme() -> None:
    deals, log, people = three_influencers()
    inbeat = campaign_report(SPRING, deals, log, people)
    assert {row.influencer_id: row.tier for row in inbeat.rows} == {
        "inf-a": Tier.NANO,
        "inf-b": Tier.MID,
        "inf-c": Tier.NANO,
    }
    hype = campaign_report(SPRING, deals, log, people, tier_scheme=tiers.HYPEAUDITOR)
    assert {row.influencer_id: row.tier for row in hype.rows} == {
        "inf-a": Tier.NANO,
        "inf-b": Tier.MID,
        "inf-c": None,  # under HypeAuditor's 1,000-follower minimum
    }
    assert hype.tier_scheme == "HypeAuditor"


def test_the_row_speaks_for_the_platform_published_on() -> None:
    both = person("inf-maya", instagram=8_000, tiktok=31_000)
    log = Log().add("inf-maya", "video", 2, platform="tiktok").add("inf-maya", "like", 620).events
    report = campaign_report(SPRING, [], log, [both])
    row = report.rows[0]
    assert (row.platform, row.followers, row.tier) == (Platform.TIKTOK, 31_000, Tier.MID)
    assert row.report.engagement_rate == 620 / (2 * 31_000)


def test_posts_on_two_platforms_use_each_accounts_followers() -> None:
    both = person("inf-maya", instagram=8_000, tiktok=30_000)
    log = (
        Log()
        .add("inf-maya", "post", platform="instagram")
        .add("inf-maya", "video", platform="tiktok")
        .add("inf-maya", "like", 380, platform="instagram")
        .events
    )
    report = campaign_report(SPRING, [], log, [both])
    assert report.totals.engagement_rate == 380 / (8_000 + 30_000)


def test_without_a_publication_the_row_uses_the_campaigns_platform() -> None:
    both = person("inf-maya", instagram=8_000, tiktok=31_000)
    report = campaign_report(SPRING, [MAYA_DEAL], [], [both])
    row = report.rows[0]
    assert (row.platform, row.followers, row.report.totals.cost) == (
        Platform.INSTAGRAM,
        8_000,
        Money("0"),
    )
    assert row.report.engagement_rate is None


def test_an_unknown_influencer_still_gets_a_row() -> None:
    log = Log().add("inf-zed", "post").add("inf-zed", "like", 12).events
    row = campaign_report(SPRING, [], log).rows[0]
    assert (row.name, row.followers, row.tier) == (None, None, None)
    assert row.platform is Platform.INSTAGRAM  # the campaign's deliverable
    assert row.report.engagement.unavailable == ("followers",)


# -- refusals -----------------------------------------------------------------------------


def test_interactions_that_contradict_their_deal_are_refused() -> None:
    other = Deal("deal-other", "cmp-other", "inf-maya", Compensation())
    wrong = Log().add("inf-maya", "post", deal_id="deal-other").events
    with pytest.raises(
        ValidationError, match="deal 'deal-other' of campaign 'cmp-other'"
    ) as caught:
        campaign_report(SPRING, [MAYA_DEAL, other], wrong, [MAYA])
    assert caught.value.path == "interactions[0].deal_id"
    crossed = Log().add("inf-maya", "post", campaign_id="cmp-other", deal_id="deal-maya").events
    with pytest.raises(ValidationError, match="names campaign 'cmp-other'") as caught:
        campaign_report(SPRING, [MAYA_DEAL], crossed, [MAYA])
    assert caught.value.path == "interactions[0].campaign_id"
    someone_else = Log().add("inf-sam", "post", deal_id="deal-maya").events
    with pytest.raises(ValidationError, match="which is with 'inf-maya'") as caught:
        campaign_report(SPRING, [MAYA_DEAL], someone_else, [MAYA])
    assert caught.value.path == "deal_id"


def test_two_deals_for_one_pair_need_deal_ids() -> None:
    second = attrs.evolve(MAYA_DEAL, id="deal-maya-2")
    with pytest.raises(ValidationError, match="give the interactions a deal_id") as caught:
        campaign_report(SPRING, [MAYA_DEAL, second], worked_example(None), [MAYA])
    assert caught.value.path == "deal_id"


def test_duplicate_deals_and_wrong_arguments_are_refused() -> None:
    with pytest.raises(ValidationError, match="given twice") as caught:
        campaign_report(SPRING, [MAYA_DEAL, MAYA_DEAL], [], [MAYA])
    assert caught.value.path == "deals[1]"
    with pytest.raises(ValidationError, match="Campaign") as caught:
        campaign_report("cmp-spring", [], [])  # type: ignore[arg-type]
    assert caught.value.path == "campaign"
    with pytest.raises(ValidationError) as caught:
        campaign_report(SPRING, [], [{"kind": "like"}])  # type: ignore[list-item]
    assert caught.value.path == "interactions[0]"
    with pytest.raises(ValidationError, match="expected one of") as caught:
        campaign_report(SPRING, [], [], rank_by="likes")
    assert caught.value.path == "rank_by"
    with pytest.raises(ValidationError, match="given twice") as caught:
        campaign_report(SPRING, [], [], [MAYA, MAYA])
    assert caught.value.path == "influencers[1]"
    with pytest.raises(ValidationError, match="key 'maya'") as caught:
        campaign_report(SPRING, [], [], {"maya": MAYA})
    assert caught.value.path == "influencers['maya']"


def test_mixed_currencies_are_refused() -> None:
    euro_deal = attrs.evolve(
        MAYA_DEAL, compensation=Compensation(cash_per_post=Money("60", "EUR"))
    )
    with pytest.raises(CurrencyMismatchError, match="never converts"):
        campaign_report(SPRING, [euro_deal], worked_example(), [MAYA])


def test_a_median_needs_content_ids() -> None:
    log = Log().add("inf-maya", "post").add("inf-maya", "like", 5).events
    with pytest.raises(ValidationError, match="content_id") as caught:
        campaign_report(SPRING, [], log, [MAYA], definition=definitions.MODASH_INSTAGRAM)
    assert caught.value.path == "interactions[0].content_id"


# -- KpiTotals and KpiReport --------------------------------------------------------------


def test_totals_keep_one_currency() -> None:
    euro = KpiTotals(cost=Money("10", "EUR"))
    assert (euro.revenue, euro.payments, euro.currency) == (
        Money("0", "EUR"),
        Money("0", "EUR"),
        "EUR",
    )
    with pytest.raises(CurrencyMismatchError, match="never converts"):
        KpiTotals(cost=Money("10", "EUR"), revenue=Money("5"))


def test_totals_refuse_negative_counts_and_amounts() -> None:
    with pytest.raises(ValidationError, match="at least 0") as caught:
        KpiTotals(likes=-1)
    assert caught.value.path == "KpiTotals.likes"
    with pytest.raises(ValidationError, match="negative") as caught:
        KpiTotals(cost=Money("-5"))
    assert caught.value.path == "KpiTotals.cost"


def test_an_unknown_cost_leaves_money_kpis_undefined() -> None:
    report = KpiReport.from_totals(
        KpiTotals(posts=3, likes=10, engagements=10, clicks=4, conversions=1, revenue=Money("20")),
        Engagement("nanokit", rate=0.1),
    )
    assert (report.cpe, report.cpa, report.roi, report.roas, report.cost_per_post) == (None,) * 5
    assert report.conversion_rate == 0.25
    assert any("cost unknown" in note for note in report.notes)


def test_report_values_by_kpi_name() -> None:
    report = campaign_report(SPRING, [MAYA_DEAL], worked_example(), [MAYA]).totals
    assert report.value("impressions") == 21_000
    assert report.value(Kpi.ENGAGEMENT_RATE) == report.engagement_rate
    assert report.value(Kpi.REVENUE) == Money("1080")
    assert report.value(Kpi.COST) == Money("225")
    assert report.value(Kpi.EMV) is None
    assert set(Kpi) == {kpi for kpi in Kpi if report.value(kpi) is not None} | {Kpi.EMV}
    with pytest.raises(ValidationError, match="expected one of") as caught:
        report.value("ctr")
    assert caught.value.path == "kpi"


def test_a_rate_card_in_another_currency_is_refused() -> None:
    with pytest.raises(CurrencyMismatchError, match="rate card"):
        KpiReport.from_totals(
            KpiTotals(cost=Money("10", "EUR")),
            Engagement("nanokit", rate=None),
            rate_card=emv.UPFLUENCE,
        )


# -- properties ---------------------------------------------------------------------------

PEOPLE = ("inf-a", "inf-b", "inf-c")
prices = st.decimals(min_value=0, max_value=500, places=2).map(Money)


@st.composite
def compensations(draw: st.DrawFn) -> Compensation:
    commission = None
    if draw(st.booleans()):
        commission = Commission(
            rate=draw(st.decimals(min_value=0, max_value=1, places=2)),
            per_click=draw(st.none() | prices),
        )
    return Compensation(
        product=draw(st.none() | prices.map(lambda money: ProductGift("kit", money))),
        cash_per_post=draw(st.none() | prices),
        commission=commission,
        fees=draw(st.lists(prices.map(lambda money: Fee("fee", money)), max_size=2)),
    )


KINDS = [
    "post", "reel", "video", "like", "comment", "share", "save", "impression", "reach", "view",
    "click", "conversion", "product_sent", "payment", "follow", "profile_visit", "reply",
]  # fmt: skip
VALUED = {"conversion", "payment", "product_sent"}
PER_POST = {
    "post",
    "reel",
    "video",
    "like",
    "comment",
    "share",
    "save",
    "impression",
    "reach",
    "view",
}


@st.composite
def campaign_data(draw: st.DrawFn) -> tuple[list[Deal], list[Interaction], list[Influencer]]:
    deals = [
        Deal(f"deal-{who}", "cmp-spring", who, draw(compensations()))
        for who in PEOPLE
        if draw(st.booleans())
    ]
    has_deal = {deal.influencer_id for deal in deals}
    people = [
        person(
            who,
            instagram=draw(st.integers(min_value=0, max_value=10**6)),
            tiktok=draw(st.none() | st.integers(min_value=0, max_value=10**6)),
        )
        for who in PEOPLE
    ]
    events = []
    for number in range(draw(st.integers(min_value=0, max_value=30))):
        who = draw(st.sampled_from(PEOPLE))
        kind = draw(st.sampled_from(KINDS))
        deal_id = f"deal-{who}" if who in has_deal and draw(st.booleans()) else None
        events.append(
            Interaction(
                id=f"ev-{number}",
                occurred_at=AT + dt.timedelta(minutes=draw(st.integers(0, 10_000))),
                influencer_id=who,
                kind=kind,
                count=draw(st.integers(min_value=1, max_value=10**6)),
                campaign_id=None if deal_id and draw(st.booleans()) else "cmp-spring",
                deal_id=deal_id,
                content_id=f"p-{draw(st.integers(0, 4))}" if kind in PER_POST else None,
                platform=draw(st.sampled_from([None, "instagram"])),
                value=draw(prices) if kind in VALUED else None,
                provenance=draw(st.sampled_from(list(Provenance))),
            )
        )
    return deals, events, people


def _finite(value: object) -> bool:
    if value is None or isinstance(value, int):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, Decimal):
        return value.is_finite()
    if isinstance(value, Money):
        return value.amount.is_finite()
    return False


def _every_report(report: CampaignReport) -> list[KpiReport]:
    return [report.totals, *(row.report for row in report.rows)]


@settings(max_examples=60, deadline=None)
@given(data=campaign_data(), seed=st.integers(), rank_by=st.sampled_from(list(Kpi)))
def test_order_does_not_change_a_report(data, seed, rank_by) -> None:
    deals, events, people = data
    shuffled = list(events)
    random.Random(seed).shuffle(shuffled)
    for definition in (definitions.DEFAULT, definitions.MODASH_INSTAGRAM):
        first = campaign_report(
            SPRING, deals, events, people, definition=definition, rank_by=rank_by
        )
        again = campaign_report(
            SPRING,
            list(reversed(deals)),
            shuffled,
            list(reversed(people)),
            definition=definition,
            rank_by=rank_by,
        )
        assert first == again


@settings(max_examples=60, deadline=None)
@given(data=campaign_data())
def test_no_kpi_is_ever_nan_or_infinite(data) -> None:
    deals, events, people = data
    report = campaign_report(SPRING, deals, events, people, rate_card=emv.UPFLUENCE)
    for kpis in _every_report(report):
        for kpi in Kpi:
            assert _finite(kpis.value(kpi)), kpi
        engagement = kpis.engagement
        assert all(
            _finite(value) for value in (engagement.rate, engagement.mean, engagement.median)
        )


@settings(max_examples=60, deadline=None)
@given(data=campaign_data())
def test_rows_add_up_to_the_totals(data) -> None:
    deals, events, people = data
    report = campaign_report(SPRING, deals, events, people)
    rows = [row.report.totals for row in report.rows]
    totals = report.totals.totals
    for field in ("posts", "likes", "impressions", "clicks", "conversions", "engagements"):
        assert sum(getattr(row, field) for row in rows) == getattr(totals, field)
    assert sum((row.revenue for row in rows), Money("0")) == totals.revenue
    assert sum((row.cost for row in rows if row.cost is not None), Money("0")) == totals.cost
    ranks = [row.rank for row in report.rows]
    assert ranks == list(range(1, len(ranks) + 1))
