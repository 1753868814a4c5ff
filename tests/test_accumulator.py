"""`KpiAccumulator`: a monoid over interaction logs, one pass, JSON Lines in, reports out."""

from __future__ import annotations

import datetime as dt
import pickle
import random
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nanokit import (
    Audience,
    Campaign,
    Compensation,
    CurrencyMismatchError,
    Deal,
    Influencer,
    Interaction,
    InteractionKind,
    Money,
    ProductGift,
    Provenance,
    SocialAccount,
    ValidationError,
)
from nanokit.kpi import definitions
from nanokit.kpi.accumulator import Grouping, KpiAccumulator
from nanokit.kpi.campaign import campaign_report
from nanokit.serialization import iter_jsonl, write_jsonl

AT = dt.datetime(2026, 5, 3, tzinfo=dt.timezone.utc)
PEOPLE = ("inf-a", "inf-b", "inf-c")
CAMPAIGNS = ("cmp-1", "cmp-2")
DEALS = [
    Deal(f"deal-{who}-{cmp}", cmp, who, Compensation(cash_per_post=Money("10")))
    for who in PEOPLE
    for cmp in CAMPAIGNS
    if (who, cmp) != ("inf-c", "cmp-2")
]
INFLUENCERS = [
    Influencer(
        id=who,
        name=who,
        accounts=[
            SocialAccount("instagram", f"@{who}", Audience("instagram", 1_000 * (n + 1), AT)),
            SocialAccount("tiktok", f"@{who}", Audience("tiktok", 7_000 * (n + 1), AT)),
        ],
    )
    for n, who in enumerate(PEOPLE)
]
VALUED = {InteractionKind.CONVERSION, InteractionKind.PAYMENT, InteractionKind.PRODUCT_SENT}


@st.composite
def interactions(draw: st.DrawFn, number: int) -> Interaction:
    who = draw(st.sampled_from(PEOPLE))
    campaign = draw(st.sampled_from((*CAMPAIGNS, None)))
    deal = f"deal-{who}-{campaign}" if campaign and (who, campaign) != ("inf-c", "cmp-2") else None
    kind = draw(st.sampled_from(list(InteractionKind)))
    amount = st.decimals(min_value=0, max_value=10**4, places=draw(st.integers(0, 4)))
    return Interaction(
        id=f"ev-{number}",
        occurred_at=AT,
        influencer_id=who,
        kind=kind,
        count=draw(st.integers(min_value=1, max_value=10**6)),
        campaign_id=campaign,
        deal_id=deal if draw(st.booleans()) else None,
        platform=draw(st.sampled_from([None, "instagram", "tiktok"])),
        value=Money(draw(amount)) if kind in VALUED and draw(st.booleans()) else None,
        provenance=draw(st.sampled_from(list(Provenance))),
    )


@st.composite
def logs(draw: st.DrawFn, max_size: int = 40) -> list[Interaction]:
    size = draw(st.integers(min_value=0, max_value=max_size))
    return [draw(interactions(number)) for number in range(size)]


groupings = st.sampled_from(list(Grouping))


def one_pass(log: list[Interaction], group_by: Grouping) -> KpiAccumulator:
    return KpiAccumulator(group_by).update(log)


def results(accumulator: KpiAccumulator) -> object:
    return accumulator.result(deals=DEALS, influencers=INFLUENCERS)


# -- the monoid ---------------------------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(log=logs(), group_by=groupings, data=st.data())
def test_merging_any_split_equals_one_pass(log, group_by, data) -> None:
    cuts = sorted(data.draw(st.lists(st.integers(0, len(log)), max_size=5)))
    parts = [log[start:end] for start, end in zip([0, *cuts], [*cuts, len(log)], strict=True)]
    order = data.draw(st.permutations(range(len(parts))))
    merged = KpiAccumulator(group_by)
    for index in order:
        merged = merged.merge(one_pass(parts[index], group_by))
    whole = one_pass(log, group_by)
    assert merged == whole
    assert results(merged) == results(whole)
    assert merged.records == len(log)


@settings(max_examples=40, deadline=None)
@given(a=logs(15), b=logs(15), c=logs(15), group_by=groupings)
def test_merge_is_associative_and_commutative_with_an_identity(a, b, c, group_by) -> None:
    x, y, z = (one_pass(part, group_by) for part in (a, b, c))
    assert x.merge(y).merge(z) == x.merge(y.merge(z))
    assert x.merge(y) == y.merge(x)
    empty = KpiAccumulator(group_by)
    assert x.merge(empty) == x == empty.merge(x)


@settings(max_examples=30, deadline=None)
@given(log=logs(), seed=st.integers())
def test_order_does_not_change_the_result(log, seed) -> None:
    shuffled = list(log)
    random.Random(seed).shuffle(shuffled)
    assert one_pass(log, Grouping.DEAL) == one_pass(shuffled, Grouping.DEAL)
    assert results(one_pass(log, Grouping.DEAL)) == results(one_pass(shuffled, Grouping.DEAL))


@settings(max_examples=40, deadline=None)
@given(left=logs(10), right=logs(10))
def test_merge_leaves_its_inputs_alone(left, right) -> None:
    x, y = one_pass(left, Grouping.CAMPAIGN), one_pass(right, Grouping.CAMPAIGN)
    before = (pickle.dumps(x), pickle.dumps(y))
    x.merge(y)
    assert (pickle.dumps(x), pickle.dumps(y)) == before


@settings(max_examples=25, deadline=None)
@given(log=logs(), group_by=groupings)
def test_an_accumulator_survives_pickling(log, group_by) -> None:
    accumulator = one_pass(log, group_by)
    copy = pickle.loads(pickle.dumps(accumulator))
    assert copy == accumulator
    assert results(copy) == results(accumulator)


@settings(max_examples=25, deadline=None)
@given(log=logs())
def test_the_total_is_every_group_added_up(log) -> None:
    accumulator = one_pass(log, Grouping.INFLUENCER)
    total = accumulator.total(deals=DEALS, influencers=INFLUENCERS).totals
    groups = [report.totals for report in results(accumulator).values()]  # type: ignore[attr-defined]
    for field in ("posts", "likes", "views", "clicks", "conversions", "engagements"):
        assert sum(getattr(group, field) for group in groups) == getattr(total, field)
    assert sum((group.cost for group in groups), Money("0")) == total.cost
    assert sum((group.revenue for group in groups), Money("0")) == total.revenue


def test_merge_refuses_other_groupings_and_other_things() -> None:
    with pytest.raises(ValidationError, match="grouped by campaign") as caught:
        KpiAccumulator("deal").merge(KpiAccumulator("campaign"))
    assert caught.value.path == "other"
    with pytest.raises(ValidationError, match="KpiAccumulator") as caught:
        KpiAccumulator().merge([])  # type: ignore[arg-type]
    assert caught.value.path == "other"


def test_an_unknown_grouping_is_refused() -> None:
    with pytest.raises(ValidationError, match="'influencer', 'campaign', 'deal'") as caught:
        KpiAccumulator("brand")
    assert caught.value.path == "group_by"


# -- adding -------------------------------------------------------------------------------


def event(n: int, kind: str, count: int = 1, **more: object) -> Interaction:
    more.setdefault("campaign_id", "cmp-1")
    return Interaction(
        id=f"e{n}",
        occurred_at=AT,
        influencer_id=more.pop("who", "inf-a"),  # type: ignore[arg-type]
        kind=kind,
        count=count,
        **more,  # type: ignore[arg-type]
    )


def test_add_and_update_agree() -> None:
    log = [event(1, "post"), event(2, "like", 30), event(3, "conversion", value=Money("0.10"))]
    one_by_one = KpiAccumulator()
    for record in log:
        one_by_one.add(record)
    assert one_by_one == KpiAccumulator().update(log)
    assert one_by_one.records == 3


def test_sums_of_money_are_exact() -> None:
    log = [event(n, "conversion", value=Money("0.1")) for n in range(3)]
    report = KpiAccumulator().update(log).result()["cmp-1"]
    assert report.totals.revenue.amount == Decimal("0.3")


def test_add_refuses_anything_but_interactions() -> None:
    with pytest.raises(ValidationError, match="expected an Interaction") as caught:
        KpiAccumulator().add({"kind": "like"})  # type: ignore[arg-type]
    assert caught.value.path == "interaction"


def test_update_names_the_bad_item_and_keeps_what_came_before() -> None:
    accumulator = KpiAccumulator()
    with pytest.raises(ValidationError, match="expected an Interaction") as caught:
        accumulator.update([event(1, "like", 5), "like"])  # type: ignore[list-item]
    assert caught.value.path == "interactions[1]"
    assert accumulator.records == 1


def test_one_relationship_keeps_one_currency() -> None:
    accumulator = KpiAccumulator().update([event(1, "conversion", value=Money("5"))])
    with pytest.raises(CurrencyMismatchError, match="never converts"):
        accumulator.add(event(2, "conversion", value=Money("5", "EUR")))
    euros = KpiAccumulator().update([event(3, "conversion", value=Money("5", "EUR"))])
    with pytest.raises(CurrencyMismatchError):
        accumulator.merge(euros)


def test_groups_may_differ_in_currency() -> None:
    log = [
        event(1, "conversion", value=Money("5")),
        event(2, "conversion", value=Money("7", "EUR"), campaign_id="cmp-2"),
    ]
    reports = KpiAccumulator("campaign").update(log).result()
    assert reports["cmp-1"].totals.revenue == Money("5")
    assert reports["cmp-2"].totals.revenue == Money("7", "EUR")
    with pytest.raises(CurrencyMismatchError):
        KpiAccumulator("campaign").update(log).total()


# -- results ------------------------------------------------------------------------------


def test_groups_and_their_keys() -> None:
    log = [
        event(1, "post", who="inf-a", deal_id="deal-inf-a-cmp-1"),
        event(2, "post", who="inf-b"),  # the one deal of inf-b in cmp-1
        event(3, "like", 9, who="inf-b", campaign_id=None),
        event(4, "like", 4, who="inf-c", campaign_id="cmp-2"),  # no deal for this pair
    ]
    by_campaign = KpiAccumulator("campaign").update(log).result(deals=DEALS)
    assert list(by_campaign) == ["cmp-1", "cmp-2", None]
    by_deal = KpiAccumulator("deal").update(log).result(deals=DEALS)
    assert list(by_deal) == ["deal-inf-a-cmp-1", "deal-inf-b-cmp-1", None]
    assert by_deal["deal-inf-b-cmp-1"].totals.cost == Money("10")
    assert by_deal[None].totals.likes == 13
    without_deals = KpiAccumulator("deal").update(log).result()
    assert list(without_deals) == ["deal-inf-a-cmp-1", None]
    assert without_deals[None].totals.cost is None
    by_influencer = KpiAccumulator("influencer").update(log).result()
    assert list(by_influencer) == ["inf-a", "inf-b", "inf-c"]


def test_a_deal_without_a_campaign_on_its_interactions_groups_under_its_campaign() -> None:
    log = [event(1, "post", campaign_id=None, deal_id="deal-inf-a-cmp-2")]
    reports = KpiAccumulator("campaign").update(log).result(deals=DEALS)
    assert list(reports) == ["cmp-2"]


def test_follower_rates_use_each_accounts_followers() -> None:
    log = [
        event(1, "post", platform="instagram"),
        event(2, "video", platform="tiktok"),
        event(3, "like", 160, platform="instagram"),
        event(4, "post"),  # no platform: the largest account
    ]
    report = KpiAccumulator().update(log).result(influencers=INFLUENCERS)["cmp-1"]
    assert report.engagement_rate == 160 / (1_000 + 7_000 + 7_000)
    assert report.engagement.median is None
    unknown = KpiAccumulator().update(log).result()["cmp-1"]
    assert unknown.engagement.unavailable == ("followers",)


def test_a_stream_cannot_report_a_median_or_a_window() -> None:
    accumulator = KpiAccumulator().update([event(1, "like")])
    for definition in (definitions.MODASH_INSTAGRAM, definitions.HYPEAUDITOR_INSTAGRAM):
        with pytest.raises(ValidationError, match="keeps sums only") as caught:
            accumulator.result(definition=definition)
        assert caught.value.path == "definition"


def test_per_post_bases_stream() -> None:
    log = [event(1, "view", 4_000), event(2, "like", 300), event(3, "save", 20), event(4, "reel")]
    report = KpiAccumulator().update(log).total(definition=definitions.CREATORIQ)
    assert report.engagement_rate == 320 / 4_000
    assert report.engagement.definition == "creatoriq"


def test_unknown_deals_are_refused() -> None:
    accumulator = KpiAccumulator().update([event(1, "post", deal_id="deal-missing")])
    with pytest.raises(ValidationError, match="not among the deals given") as caught:
        accumulator.result(deals=DEALS)
    assert caught.value.path == "deals"
    with pytest.raises(ValidationError, match="given twice") as caught:
        accumulator.result(deals=[DEALS[0], DEALS[0]])
    assert caught.value.path == "deals[1]"


def test_the_total_of_nothing() -> None:
    empty = KpiAccumulator().total(deals=DEALS)
    assert (empty.totals.posts, empty.totals.cost, empty.engagement_rate) == (0, Money("0"), None)


def test_the_accumulator_agrees_with_the_campaign_report() -> None:
    campaign = Campaign(
        id="cmp-1", brand="B", name="N", objective="sales", media_kind="paid", start=AT.date()
    )
    deals = [
        Deal(
            "deal-inf-a-cmp-1",
            "cmp-1",
            "inf-a",
            Compensation(product=ProductGift("kit", Money("45")), cash_per_post=Money("60")),
        )
    ]
    log = [
        event(1, "product_sent", deal_id="deal-inf-a-cmp-1"),
        event(2, "post", 3, platform="instagram"),
        event(3, "like", 1_900),
        event(4, "comment", 140),
        event(5, "share", 60),
        event(6, "save", 90),
        event(7, "conversion", 24, value=Money("1080")),
        event(8, "click", 600),
    ]
    report = campaign_report(campaign, deals, log, INFLUENCERS)
    streamed = KpiAccumulator("campaign").update(log).result(deals=deals, influencers=INFLUENCERS)
    assert streamed["cmp-1"] == report.totals
    assert report.totals.roi == Decimal("3.8")


# -- JSON Lines in, report out --------------------------------------------------------------


def generated_log(lines: int) -> Iterator[Interaction]:
    """A long log made on the fly: posts, responses and sales of three influencers."""
    kinds = ("post", "impression", "like", "comment", "click", "conversion")
    for number in range(lines):
        kind = kinds[number % len(kinds)]
        who = PEOPLE[number % len(PEOPLE)]
        campaign = CAMPAIGNS[number % 2]
        yield Interaction(
            id=f"ev-{number}",
            occurred_at=AT + dt.timedelta(seconds=number),
            influencer_id=who,
            kind=kind,
            count=1 + number % 7,
            campaign_id=campaign,
            platform="instagram",
            value=Money("12.50") if kind == "conversion" else None,
        )


def test_a_json_lines_log_streams_through_in_one_pass(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    lines = 6_000
    assert write_jsonl(path, generated_log(lines)) == lines
    streamed = KpiAccumulator("influencer")
    with path.open(encoding="utf-8") as handle:
        streamed.update(iter_jsonl(handle, Interaction))
    assert streamed.records == lines
    assert streamed.relationships <= len(PEOPLE) * len(CAMPAIGNS)
    in_memory = KpiAccumulator("influencer").update(generated_log(lines))
    assert streamed == in_memory
    reports = streamed.result(influencers=INFLUENCERS)
    assert sum(report.totals.conversions for report in reports.values()) == sum(
        1 + n % 7 for n in range(lines) if n % 6 == 5
    )


def test_parts_of_a_file_merge_to_the_whole(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    write_jsonl(path, generated_log(3_000))
    text = path.read_text(encoding="utf-8").splitlines()
    parts = [text[:1_000], text[1_000:2_200], text[2_200:]]
    merged = KpiAccumulator()
    for part in parts:
        merged = merged.merge(KpiAccumulator().update(iter_jsonl(part, Interaction)))
    assert merged == KpiAccumulator().update(iter_jsonl(text, Interaction))
