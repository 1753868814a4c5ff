"""Under load: entities are immutable and safe to share between threads.

One workspace is built once and shared by eight threads that run the policies, the KPI
reports, the renderers and the serializer over it at the same time, many times over, in
interleaved order. Every answer must equal the single-threaded one, and the shared objects
must be unchanged afterwards.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import attrs
import pytest

import nanokit
from nanokit import (
    Influencer,
    KpiAccumulator,
    Money,
    ProductGift,
    Workspace,
    assess_offer,
    campaign_report,
    classify_tier,
    fair_pay_range,
    first_dibs,
    loyalty_standing,
    recommend_compensation,
    relationship_summary,
    unanswered_pitches,
)
from nanokit import demo as demo_data
from nanokit._render import RENDERERS
from nanokit.cli import _view, _workspace_sink
from nanokit.serialization import (
    dump_document,
    dump_records,
    iter_records,
    load_document,
    to_json,
)

THREADS = 8
ROUNDS = 3
NOW = demo_data.DEMO_NOW


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    return demo_data.demo_workspace(demo_data.DEMO_SEED, interactions=800)


def _tasks(workspace: Workspace) -> dict[str, Callable[[], Any]]:
    """Named jobs over the shared workspace; each returns a value that can be compared."""
    people = workspace.influencers
    deals = workspace.deals
    events = workspace.interactions

    def tiers() -> Any:
        return [classify_tier(person) for person in people]

    def pay() -> Any:
        ranges = [fair_pay_range(tier, posts=3) for tier in nanokit.Tier]
        offers = [assess_offer(Money(str(10 * n)), "nano", posts=2) for n in range(1, 40)]
        return ranges, offers

    def loyalty() -> Any:
        standings = [loyalty_standing(person.id, deals, as_of=NOW) for person in people]
        return standings, [person.id for person in first_dibs(people, deals, as_of=NOW)]

    def care() -> Any:
        waiting = unanswered_pitches(events, now=NOW)
        summaries = [relationship_summary(person.id, events, deals, now=NOW) for person in people]
        return waiting, summaries

    def compensation() -> Any:
        gift = ProductGift("a box of baking mixes", Money("35.00"))
        return [
            recommend_compensation(person, deals, as_of=NOW, product=gift) for person in people
        ]

    def campaigns() -> Any:
        return [
            campaign_report(
                campaign,
                [deal for deal in deals if deal.campaign_id == campaign.id],
                [event for event in events if event.campaign_id == campaign.id],
                people,
            )
            for campaign in workspace.campaigns
        ]

    def accumulator() -> Any:
        stream = KpiAccumulator("influencer")
        for event in events:
            stream.add(event)
        return stream.result(deals=deals, influencers=people), stream.total(deals=deals)

    def reports() -> Any:
        texts = []
        for by in ("influencer", "campaign", "deal"):
            view = _view(
                _workspace_sink(workspace, by, None),
                group_by=by,
                rank_by=nanokit.Kpi.CPE,
                definition_name="nanokit",
                source="shared",
            )
            texts.extend(render(view) for render in RENDERERS.values())
        return texts

    def serialization() -> Any:
        text = dump_document(workspace)
        lines = list(dump_records([*people, *deals, *events[:200]]))
        return (
            text,
            load_document(text) == workspace,
            list(iter_records(lines)),
            to_json(people[0]),
        )

    return {
        "tiers": tiers,
        "pay": pay,
        "loyalty": loyalty,
        "care": care,
        "compensation": compensation,
        "campaigns": campaigns,
        "accumulator": accumulator,
        "reports": reports,
        "serialization": serialization,
    }


def test_policies_and_reports_agree_across_threads(workspace: Workspace) -> None:
    before = copy.deepcopy(workspace)
    tasks = _tasks(workspace)
    expected = {name: task() for name, task in tasks.items()}
    jobs = [name for name in tasks for _ in range(ROUNDS)]
    random.Random(8).shuffle(jobs)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often, to interleave as much as possible
    try:
        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            futures = [(name, pool.submit(tasks[name])) for name in jobs]
            results = [(name, future.result()) for name, future in futures]
    finally:
        sys.setswitchinterval(interval)
    assert len(results) == len(tasks) * ROUNDS
    for name, result in results:
        assert result == expected[name], name
    assert workspace == before  # nobody changed the shared objects
    assert dump_document(workspace) == dump_document(before)


def test_the_same_job_run_by_eight_threads_at_once_gives_one_answer(workspace: Workspace) -> None:
    tasks = _tasks(workspace)
    for name in ("accumulator", "reports"):
        expected = tasks[name]()
        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            job = tasks[name]
            answers = [pool.submit(job) for _ in range(THREADS)]
        assert all(answer.result() == expected for answer in answers), name


def test_entities_are_frozen_and_hold_tuples(workspace: Workspace) -> None:
    person = workspace.influencers[0]
    for obj, field in (
        (person, "name"),
        (person.accounts[0], "handle"),
        (workspace.deals[0], "status"),
        (workspace.interactions[0], "count"),
        (workspace.campaigns[0], "name"),
        (workspace, "influencers"),
        (Money("1"), "amount"),
    ):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(obj, field, None)
    for collection in (
        workspace.influencers,
        workspace.deals,
        workspace.interactions,
        person.accounts,
        workspace.interactions[0].hashtags,
        workspace.campaigns[0].required_hashtags,
    ):
        assert isinstance(collection, tuple)
    hash(person)  # hashable, so safe as a dict key in any thread


def test_a_change_is_a_new_object_and_the_shared_one_stays(workspace: Workspace) -> None:
    person: Influencer = workspace.influencers[0]
    renamed = attrs.evolve(person, name="Someone Else")
    assert workspace.influencers[0] is person
    assert person.name != renamed.name
    deal = next(deal for deal in workspace.deals if deal.status.value == "proposed")
    moved = deal.advance("negotiating", at=dt.datetime(2026, 6, 16, tzinfo=dt.timezone.utc))
    assert moved is not deal
    assert deal.status.value == "proposed"
    assert len(moved.history) == len(deal.history) + 1
