"""Tests for nanokit.policy.cadence: schedules from recurrence rules and missed posts."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nanokit import (
    Campaign,
    Compensation,
    ContentFormat,
    Deal,
    DealStatus,
    Deliverable,
    Interaction,
    ValidationError,
)
from nanokit.policy.cadence import FORMAT_KINDS, OWES_POSTS, expected_posts, missed_posts

UTC = dt.timezone.utc
START = dt.datetime(2026, 4, 1, tzinfo=UTC)
WEEKLY_REELS = Deliverable("reel", "instagram", 3, recurrence="FREQ=WEEKLY;COUNT=3")


def campaign(*deliverables: Deliverable) -> Campaign:
    return Campaign(
        id="cmp",
        brand="Oat & Ember",
        name="Spring",
        objective="ugc",
        media_kind="earned",
        start=START.date(),
        deliverables=deliverables or (WEEKLY_REELS,),
    )


def deal(status: str = "in_progress", **fields: object) -> Deal:
    return Deal("d-1", "cmp", "inf-maya", Compensation(), status=status, **fields)  # type: ignore[arg-type]


def posted(
    event_id: str,
    when: dt.datetime,
    kind: str = "reel",
    *,
    deal_id: str | None = "d-1",
    campaign_id: str | None = None,
    who: str = "inf-maya",
    platform: str | None = None,
    count: int = 1,
) -> Interaction:
    return Interaction(
        id=event_id,
        occurred_at=when,
        influencer_id=who,
        kind=kind,
        deal_id=deal_id,
        campaign_id=campaign_id,
        platform=platform,
        count=count,
    )


def on(day: int, hour: int = 12, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 4, day, hour, minute, tzinfo=UTC)


def numbers(found: list[object]) -> list[int]:
    return [m.number for m in found]  # type: ignore[attr-defined]


# -- expected_posts --------------------------------------------------------------------------


def test_expected_posts_expands_the_rule() -> None:
    assert expected_posts(WEEKLY_REELS, START) == [START, on(8, 0), on(15, 0)]
    monthly = Deliverable("photo", "instagram", 3, recurrence="FREQ=MONTHLY;BYMONTHDAY=-1")
    assert [d.date().isoformat() for d in expected_posts(monthly, START)] == [
        "2026-04-30",
        "2026-05-31",
        "2026-06-30",
    ]


def test_without_a_rule_everything_is_due_at_the_start() -> None:
    assert expected_posts(Deliverable("photo", "instagram", 2), START) == [START, START]


def test_expected_posts_refuses_bad_input() -> None:
    with pytest.raises(ValidationError) as caught:
        expected_posts(WEEKLY_REELS, dt.datetime(2026, 4, 1))
    assert caught.value.path == "start"
    with pytest.raises(ValidationError) as caught:
        expected_posts("FREQ=WEEKLY", START)  # type: ignore[arg-type]
    assert caught.value.path == "deliverable"


# -- missed_posts ----------------------------------------------------------------------------


def test_posts_missing_after_their_day_are_listed() -> None:
    missed = missed_posts(deal(), campaign(), [posted("a", on(1))], now=on(20))
    assert numbers(missed) == [2, 3]
    assert [m.due for m in missed] == [on(8, 0), on(15, 0)]
    assert missed[0].deal_id == "d-1"
    assert missed[0].influencer_id == "inf-maya"
    assert missed[0].deliverable == WEEKLY_REELS
    assert "reel 2 of 3" in missed[0].reason
    assert "2026-04-08" in missed[0].reason


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (on(8, 12), [1]),  # post 2 is due today: not missed yet
        (on(9, 0), [1, 2]),  # the end of 8 April has passed
        (on(1, 23, 59), []),  # the first day is not over
    ],
)
def test_a_post_is_missed_only_after_its_day(now: dt.datetime, expected: list[int]) -> None:
    assert numbers(missed_posts(deal(), campaign(), [], now=now)) == expected


def test_the_last_minute_of_the_day_counts_and_a_late_post_fills_the_next() -> None:
    on_time = [posted("a", on(1, 23, 59))]
    assert numbers(missed_posts(deal(), campaign(), on_time, now=on(30))) == [2, 3]
    # a post on 9 April is late for 8 April, so it fills 15 April instead
    late = [*on_time, posted("b", on(9, 0))]
    assert numbers(missed_posts(deal(), campaign(), late, now=on(30))) == [2]
    # at midnight the day is over: it no longer counts for 1 April
    midnight = [posted("a", on(2, 0, 0))]
    assert numbers(missed_posts(deal(), campaign(), midnight, now=on(30))) == [1, 3]


def test_content_after_now_is_not_seen() -> None:
    assert numbers(missed_posts(deal(), campaign(), [posted("a", on(1))], now=on(1, 8))) == []
    assert numbers(missed_posts(deal(), campaign(), [posted("a", on(3))], now=on(2))) == [1]


@pytest.mark.parametrize(
    ("piece", "fills"),
    [
        (posted("x", on(1)), True),
        (posted("x", on(1), "story"), False),  # the wrong kind
        (posted("x", on(1), platform="instagram"), True),
        (posted("x", on(1), platform="tiktok"), False),  # the wrong platform
        (posted("x", on(1), deal_id="d-other"), False),  # another deal
        (posted("x", on(1), deal_id=None, campaign_id="cmp"), True),  # for the campaign
        (posted("x", on(1), deal_id=None), False),  # for nothing we know
        (posted("x", on(1), who="inf-sam"), False),  # someone else
    ],
)
def test_what_fills_a_due_post(piece: Interaction, fills: bool) -> None:
    missed = missed_posts(deal(), campaign(), [piece], now=on(2))
    assert numbers(missed) == ([] if fills else [1])


def test_a_record_with_a_count_fills_that_many_posts() -> None:
    three = posted("x", on(1), count=3)
    assert missed_posts(deal(), campaign(), [three], now=on(30)) == []
    two = posted("x", on(1), count=2)
    assert numbers(missed_posts(deal(), campaign(), [two], now=on(30))) == [3]


def test_a_huge_count_is_not_expanded() -> None:
    many = posted("x", on(1), count=10**15)
    assert missed_posts(deal(), campaign(), [many], now=on(30)) == []


@pytest.mark.parametrize("status", list(DealStatus), ids=lambda s: s.value)
def test_only_agreed_deals_owe_posts(status: DealStatus) -> None:
    missed = missed_posts(deal(status.value), campaign(), [], now=on(30))
    assert bool(missed) is (status in OWES_POSTS)


def test_the_deals_own_deliverables_replace_the_campaigns() -> None:
    own = Deliverable("story", "instagram", 2, recurrence="FREQ=DAILY;COUNT=2")
    stories = deal(deliverables=[own])
    missed = missed_posts(stories, campaign(), [posted("s", on(1), "story")], now=on(30))
    assert numbers(missed) == [2]
    assert missed[0].deliverable == own


def test_posts_and_formats() -> None:
    photo = Deliverable("photo", "instagram", 1)
    carousel = Deliverable("carousel", "instagram", 1)
    review = Deliverable("review", "instagram", 1)
    both = campaign(photo, carousel, review)
    pieces = [posted("p1", on(1), "post"), posted("v1", on(1), "video")]
    missed = missed_posts(deal(), both, pieces, now=on(2))
    # the post fills the photo, the video fills the review (any content), the carousel waits
    assert [m.deliverable for m in missed] == [carousel]


def test_every_format_accepts_some_content() -> None:
    assert set(FORMAT_KINDS) == set(ContentFormat)
    assert all(FORMAT_KINDS[fmt] for fmt in ContentFormat)


def test_the_start_can_be_given() -> None:
    later = dt.datetime(2026, 4, 10, tzinfo=UTC)
    missed = missed_posts(deal(), campaign(), [], now=on(20), start=later)
    assert [m.due for m in missed] == [later, later + dt.timedelta(days=7)]


def test_missed_posts_refuses_bad_input() -> None:
    other = Campaign(
        id="cmp-other",
        brand="B",
        name="N",
        objective="ugc",
        media_kind="earned",
        start=START.date(),
    )
    with pytest.raises(ValidationError, match="cmp-other") as caught:
        missed_posts(deal(), other, [], now=on(20))
    assert caught.value.path == "campaign"
    with pytest.raises(ValidationError) as caught:
        missed_posts(deal(), campaign(), [], now=dt.datetime(2026, 4, 20))
    assert caught.value.path == "now"
    with pytest.raises(ValidationError) as caught:
        missed_posts(deal(), campaign(), [], now=on(20), start=dt.datetime(2026, 4, 1))
    assert caught.value.path == "start"
    with pytest.raises(ValidationError) as caught:
        missed_posts(deal(), campaign(), [None], now=on(20))  # type: ignore[list-item]
    assert caught.value.path == "interactions[0]"
    with pytest.raises(ValidationError) as caught:
        missed_posts("d-1", campaign(), [], now=on(20))  # type: ignore[arg-type]
    assert caught.value.path == "deal"


DAILY = Deliverable("story", "instagram", 10, recurrence="FREQ=DAILY;COUNT=10")


@settings(max_examples=150)
@given(
    st.lists(st.integers(min_value=0, max_value=14 * 24 * 60), max_size=12),
    st.integers(min_value=0, max_value=14 * 24 * 60),
    st.integers(min_value=0, max_value=14 * 24 * 60),
)
def test_publishing_more_never_adds_a_missed_post(
    minutes: list[int], extra: int, now_minutes: int
) -> None:
    daily = campaign(DAILY)
    now = START + dt.timedelta(minutes=now_minutes)
    pieces = [
        posted(f"s{n}", START + dt.timedelta(minutes=m), "story") for n, m in enumerate(minutes)
    ]
    before = missed_posts(deal(), daily, pieces, now=now)
    more = [*pieces, posted("extra", START + dt.timedelta(minutes=extra), "story")]
    after = missed_posts(deal(), daily, more, now=now)
    assert len(after) <= len(before)
    days_over = sum(1 for d in expected_posts(DAILY, START) if d + dt.timedelta(days=1) <= now)
    seen = sum(1 for p in pieces if p.occurred_at <= now)
    assert max(0, days_over - seen) <= len(before) <= days_over
    assert [m.due for m in before] == sorted(m.due for m in before)
