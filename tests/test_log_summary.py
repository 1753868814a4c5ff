"""`LogSummary` and the streaming additions to `KpiAccumulator` (`read_jsonl`, `for_campaign`).

A summary is what `nanokit report` needs from a tagged log: the influencers, campaigns and
deals, kept, and the interactions, summed. It must equal what reading every record as an
object gives, merge exactly like an accumulator, and report one campaign as the command
always has (an interaction belongs to the campaign it names, or to its deal's).
"""

from __future__ import annotations

import itertools
import pickle
import random
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nanokit import Compensation, Deal, Interaction, ValidationError
from nanokit.demo import GIFTED_CAMPAIGN_ID, PAID_CAMPAIGN_ID, demo_workspace
from nanokit.kpi import KpiAccumulator, LogSummary
from nanokit.serialization import dump_records, iter_records

SLOW = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@cache
def demo_lines() -> tuple[str, ...]:
    """The demo workspace as the tagged log `nanokit demo --write` writes (3,042 lines)."""
    ws = demo_workspace(interactions=1_500)
    return tuple(dump_records([*ws.influencers, *ws.campaigns, *ws.deals, *ws.interactions]))


def by_objects(lines: list[str] | tuple[str, ...], group_by: str, campaign: str | None = None):
    """The reports the command gave before `LogSummary`: every record built, then summed."""
    records = list(iter_records(lines))
    deals = [r for r in records if isinstance(r, Deal)]
    people = [r for r in records if type(r).__name__ == "Influencer"]
    events = [r for r in records if isinstance(r, Interaction)]
    if campaign is not None:
        campaign_of = {deal.id: deal.campaign_id for deal in deals}
        events = [
            e for e in events if (e.campaign_id or campaign_of.get(e.deal_id or "")) == campaign
        ]
        deals = [deal for deal in deals if deal.campaign_id == campaign]
    accumulator = KpiAccumulator(group_by).update(events)
    return accumulator, accumulator.result(deals=deals, influencers=people)


@pytest.mark.parametrize("group_by", ["influencer", "campaign", "deal"])
def test_a_summary_reports_what_every_object_gives(group_by: str) -> None:
    lines = demo_lines()
    summary = LogSummary(group_by).read(lines)
    accumulator, reports = by_objects(lines, group_by)
    assert summary.accumulator == accumulator
    assert summary.report() == reports
    assert len(summary.influencers) == 12
    assert len(summary.campaigns) == 6
    assert len(summary.deals) == 24


@pytest.mark.parametrize("campaign", [PAID_CAMPAIGN_ID, GIFTED_CAMPAIGN_ID])
@pytest.mark.parametrize("group_by", ["influencer", "deal"])
def test_one_campaign_is_reported_as_the_command_reports_it(campaign: str, group_by: str) -> None:
    lines = demo_lines()
    summary = LogSummary(group_by).read(lines)
    accumulator, reports = by_objects(lines, group_by, campaign)
    assert summary.accumulator.for_campaign(campaign, deals=summary.deals.values()) == accumulator
    assert summary.report(campaign=campaign) == reports
    assert summary.total(campaign=campaign).totals.posts == sum(
        report.totals.posts for report in reports.values()
    )


@SLOW
@given(cuts=st.lists(st.integers(0, 3_042), max_size=4), seed=st.integers(0, 2**16))
def test_any_split_merged_in_any_order_is_the_whole(cuts: list[int], seed: int) -> None:
    lines = demo_lines()
    bounds = [0, *sorted(cuts), len(lines)]
    parts = [LogSummary("deal").read(lines[a:b]) for a, b in itertools.pairwise(bounds)]
    random.Random(seed).shuffle(parts)
    merged = LogSummary("deal")
    for part in parts:
        merged = merged.merge(part)
    whole = LogSummary("deal").read(lines)
    assert merged == whole
    assert merged.report() == whole.report()


def test_merge_has_an_identity_and_leaves_its_inputs_alone() -> None:
    lines = demo_lines()
    left = LogSummary().read(lines[:1000])
    right = LogSummary().read(lines[1000:])
    before = pickle.dumps((left, right))
    assert left.merge(LogSummary()) == left == LogSummary().merge(left)
    assert left.merge(right) == right.merge(left)
    assert pickle.dumps((left, right)) == before


def test_a_summary_survives_pickling() -> None:
    summary = LogSummary("influencer").read(demo_lines())
    again = pickle.loads(pickle.dumps(summary))
    assert again == summary
    assert again.report() == summary.report()


def test_a_record_given_twice_must_not_change() -> None:
    deal = Deal("d-1", "c-1", "i-1", Compensation())
    summary = LogSummary()
    summary.add(deal)
    summary.add(deal)  # the same record again is fine
    with pytest.raises(ValidationError) as caught:
        summary.add(Deal("d-1", "c-2", "i-1", Compensation()))
    assert caught.value.path == "$.id"
    assert "'d-1'" in caught.value.message
    other = LogSummary()
    other.add(Deal("d-1", "c-9", "i-1", Compensation()))
    with pytest.raises(ValidationError, match="deal 'd-1' is given twice"):
        summary.merge(other)


def test_refusals_name_what_is_wrong() -> None:
    with pytest.raises(ValidationError) as caught:
        LogSummary().add("a deal")  # type: ignore[arg-type]
    assert caught.value.path == "record"
    with pytest.raises(ValidationError) as caught:
        LogSummary("deal").merge(LogSummary("campaign"))
    assert caught.value.path == "other"
    with pytest.raises(ValidationError) as caught:
        LogSummary("week")
    assert caught.value.path == "group_by"
    with pytest.raises(ValidationError) as caught:
        LogSummary().read(demo_lines()).report(campaign="cmp-none")
    assert caught.value.path == "campaign"
    assert PAID_CAMPAIGN_ID in caught.value.message


def test_a_bad_line_is_named_and_the_lines_before_it_stay() -> None:
    lines = list(demo_lines()[:50])
    lines.insert(40, lines[45].replace('"kind":', '"kind":"like","oops":'))
    summary = LogSummary()
    with pytest.raises(ValidationError) as caught:
        summary.read(lines)
    assert caught.value.line == 41
    assert "oops" in str(caught.value)
    problems: list[ValidationError] = []
    skipped = LogSummary().read(lines, on_error=problems.append)
    assert [problem.line for problem in problems] == [41]
    assert skipped == LogSummary().read(lines[:40] + lines[41:])


def test_for_campaign_checks_its_arguments() -> None:
    accumulator = KpiAccumulator()
    with pytest.raises(ValidationError) as caught:
        accumulator.for_campaign(7)  # type: ignore[arg-type]
    assert caught.value.path == "campaign_id"
    with pytest.raises(ValidationError) as caught:
        accumulator.for_campaign("c-1", deals=["d-1"])  # type: ignore[list-item]
    assert caught.value.path == "deals[0]"


def test_read_jsonl_keeps_the_records_it_does_not_sum() -> None:
    kept: list[object] = []
    accumulator = KpiAccumulator().read_jsonl(demo_lines(), tagged=True, keep=kept.append)
    assert accumulator.records == 1_500
    assert sorted({type(record).__name__ for record in kept}) == ["Campaign", "Deal", "Influencer"]
    assert len(kept) == 12 + 6 + 24


def test_a_summary_says_what_it_holds() -> None:
    summary = LogSummary("deal").read(demo_lines())
    assert repr(summary) == (
        "LogSummary(group_by='deal', records=1500, influencers=12, campaigns=6, deals=24)"
    )
    with pytest.raises(TypeError):
        summary.deals["x"] = None  # type: ignore[index]
    with pytest.raises(TypeError):
        hash(summary)
