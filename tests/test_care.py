"""Tests for nanokit.policy.care: never ghost, relationship summaries, stale media kits."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from nanokit import (
    Compensation,
    Deal,
    DealStatus,
    Direction,
    Influencer,
    Interaction,
    InteractionFamily,
    InteractionKind,
    MediaKit,
    SocialAccount,
    ValidationError,
)
from nanokit.policy.care import (
    DEFAULT_GRACE,
    MEDIA_KIT_MAX_AGE,
    awaits_answer,
    relationship_summary,
    stale_media_kits,
    unanswered_pitches,
)

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 5, 10, 12, 0, tzinfo=UTC)
RELATIONSHIP = [k for k in InteractionKind if k.family is InteractionFamily.RELATIONSHIP]


def event(
    event_id: str,
    ago: dt.timedelta | int,
    kind: str | InteractionKind = "pitch",
    direction: str | None = None,
    who: str = "inf-maya",
    count: int = 1,
) -> Interaction:
    delta = ago if isinstance(ago, dt.timedelta) else dt.timedelta(days=ago)
    return Interaction(
        id=event_id,
        occurred_at=NOW - delta,
        influencer_id=who,
        kind=kind,
        direction=direction,
        count=count,
    )


def ids(events: list[Interaction]) -> list[str]:
    return [e.id for e in events]


# -- what awaits an answer -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "direction", "expected"),
    [
        ("pitch", None, True),
        ("pitch", "inbound", True),
        ("pitch", "outbound", False),
        ("message", "inbound", True),
        ("message", None, False),
        ("message", "outbound", False),
        ("reply", "inbound", False),
        ("follow_up", "inbound", False),
        ("outreach", None, False),
        ("post", None, False),
        ("like", None, False),
    ],
)
def test_what_awaits_an_answer(kind: str, direction: str | None, expected: bool) -> None:
    assert awaits_answer(event("e", 1, kind, direction)) is expected


def test_the_defaults_are_named_data() -> None:
    assert dt.timedelta(days=2) == DEFAULT_GRACE
    assert relativedelta(months=6) == MEDIA_KIT_MAX_AGE


# -- unanswered_pitches ----------------------------------------------------------------------


def test_an_unanswered_pitch_past_the_grace_is_listed() -> None:
    assert ids(unanswered_pitches([event("p", 3)], now=NOW)) == ["p"]


@pytest.mark.parametrize(
    ("answer", "listed"),
    [
        (event("a", 2, "reply", "outbound"), False),
        (event("a", 3, "reply", "outbound"), False),  # at the same moment: answered
        (event("a", 4, "reply", "outbound"), True),  # before the pitch: not an answer
        (event("a", 2, "outreach"), False),  # outreach is from the brand
        (event("a", 2, "product_sent", "outbound"), False),
        (event("a", 2, "reply", "inbound"), True),
        (event("a", 2, "message"), True),  # direction unknown: not an answer
        (event("a", 2, "reply", "outbound", who="inf-sam"), True),  # someone else
        (event("a", -1, "reply", "outbound"), True),  # after now: not seen
    ],
)
def test_what_answers_a_pitch(answer: Interaction, listed: bool) -> None:
    result = unanswered_pitches([event("p", 3), answer], now=NOW)
    assert (ids(result) == ["p"]) is listed


def test_the_grace_period_boundary() -> None:
    on_the_edge = event("edge", DEFAULT_GRACE)
    just_past = event("past", DEFAULT_GRACE + dt.timedelta(seconds=1))
    assert ids(unanswered_pitches([on_the_edge, just_past], now=NOW)) == ["past"]
    assert ids(unanswered_pitches([on_the_edge], now=NOW, grace=dt.timedelta(0))) == ["edge"]
    assert unanswered_pitches([just_past], now=NOW, grace=dt.timedelta(days=30)) == []


def test_future_pitches_are_not_seen() -> None:
    assert unanswered_pitches([event("p", -5)], now=NOW) == []


def test_oldest_first_ties_by_id_and_every_pitch_listed() -> None:
    log = [
        event("b", 5, who="inf-b"),
        event("a", 5, who="inf-a"),
        event("c", 9, "message", "inbound", who="inf-c"),
        event("d", 4, who="inf-a"),
    ]
    assert ids(unanswered_pitches(log, now=NOW)) == ["c", "a", "b", "d"]


def test_a_later_pitch_after_the_answer_is_open_again() -> None:
    log = [event("p1", 10), event("r1", 9, "reply", "outbound"), event("p2", 5)]
    assert ids(unanswered_pitches(log, now=NOW)) == ["p2"]


def test_unanswered_pitches_refuses_bad_input() -> None:
    with pytest.raises(ValidationError) as caught:
        unanswered_pitches([], now=dt.datetime(2026, 5, 10))
    assert caught.value.path == "now"
    with pytest.raises(ValidationError) as caught:
        unanswered_pitches([], now=NOW, grace=dt.timedelta(days=-1))
    assert caught.value.path == "grace"
    with pytest.raises(ValidationError) as caught:
        unanswered_pitches([], now=NOW, grace=2)  # type: ignore[arg-type]
    assert caught.value.path == "grace"
    with pytest.raises(ValidationError) as caught:
        unanswered_pitches([event("p", 3), "pitch"], now=NOW)  # type: ignore[list-item]
    assert caught.value.path == "interactions[1]"


@st.composite
def logs(draw: st.DrawFn) -> list[Interaction]:
    size = draw(st.integers(min_value=0, max_value=30))
    found = []
    for index in range(size):
        kind = draw(st.sampled_from(RELATIONSHIP))
        direction = draw(st.sampled_from([None, "inbound", "outbound"]))
        minutes = draw(st.integers(min_value=-3 * 24 * 60, max_value=10 * 24 * 60))
        who = draw(st.sampled_from(["inf-a", "inf-b", "inf-c"]))
        found.append(event(f"e{index}", dt.timedelta(minutes=minutes), kind, direction, who))
    return found


def answered(pitch: Interaction, log: list[Interaction]) -> bool:
    """An independent reading of the rule: any brand touch-point to them at or after it."""
    for other in log:
        from_brand = other.direction is Direction.OUTBOUND or (
            other.kind is InteractionKind.OUTREACH and other.direction is None
        )
        if (
            other.influencer_id == pitch.influencer_id
            and from_brand
            and pitch.occurred_at <= other.occurred_at <= NOW
        ):
            return True
    return False


@settings(max_examples=200)
@given(logs(), st.integers(min_value=0, max_value=5 * 24 * 60))
def test_unanswered_pitches_matches_the_rule(log: list[Interaction], grace_minutes: int) -> None:
    grace = dt.timedelta(minutes=grace_minutes)
    result = unanswered_pitches(log, now=NOW, grace=grace)
    expected = [
        e
        for e in log
        if awaits_answer(e)
        and e.occurred_at <= NOW
        and NOW - e.occurred_at > grace
        and not answered(e, log)
    ]
    assert sorted(ids(result)) == sorted(ids(expected))
    assert [(e.occurred_at, e.id) for e in result] == sorted((e.occurred_at, e.id) for e in result)


# -- relationship_summary --------------------------------------------------------------------


def test_a_relationship_summary() -> None:
    log = [
        event("p1", 30),
        event("r1", 29, "reply", "outbound"),  # 1 day
        event("m2", 20, "message", "inbound"),
        event("r2", 17, "reply", "outbound"),  # 3 days
        event("m3", 12, "message", "inbound"),
        event("r3", 7, "outreach"),  # 5 days
        event("m4", 6, "message", "inbound"),
        event("o1", 5, "feedback", count=3),  # undirected, counted 3 times
        event("post", 4, "post"),  # content: not contact
        event("like", 4, "like", count=340),  # audience: not contact
        event("other", 2, "pitch", who="inf-sam"),  # someone else
        event("future", -1, "pitch"),  # after now
    ]
    deals = [
        Deal("d1", "c", "inf-maya", Compensation(), status="completed"),
        Deal("d2", "c", "inf-maya", Compensation(), status="completed"),
        Deal("d3", "c", "inf-maya", Compensation(), status="proposed"),
        Deal("d4", "c", "inf-sam", Compensation(), status="declined"),
    ]
    summary = relationship_summary("inf-maya", log, deals, now=NOW)
    assert summary.first_contact == NOW - dt.timedelta(days=30)
    assert summary.last_contact == NOW - dt.timedelta(days=5)
    assert summary.days_since_last_contact == 5
    assert (summary.inbound, summary.outbound, summary.undirected) == (4, 3, 3)
    assert summary.median_reply_time == dt.timedelta(days=3)
    assert summary.replies_measured == 3
    assert ids(list(summary.open_pitches)) == ["m4"]
    assert summary.deals_by_status == ((DealStatus.PROPOSED, 1), (DealStatus.COMPLETED, 2))
    assert "median reply time 3 days over 3 answered" in summary.summary
    assert "3 of unknown direction" in summary.summary
    assert "deals: 1 proposed, 2 completed" in summary.summary


def test_the_median_of_an_even_number_of_replies_is_the_mean_of_the_middle_two() -> None:
    log = [
        event("p1", 10),
        event("r1", 9, "reply", "outbound"),
        event("p2", 8),
        event("r2", dt.timedelta(days=5), "reply", "outbound"),
    ]
    summary = relationship_summary("inf-maya", log, [], now=NOW)
    assert summary.median_reply_time == dt.timedelta(days=2)
    assert "2 days" in summary.summary


def test_a_relationship_with_no_contact() -> None:
    summary = relationship_summary("inf-new", [event("p", 3)], [], now=NOW)
    assert summary.first_contact is None
    assert summary.last_contact is None
    assert summary.days_since_last_contact is None
    assert summary.median_reply_time is None
    assert summary.deals_by_status == ()
    assert summary.summary == "inf-new: no contact yet; 0 open pitches or messages; no deals."


def test_relationship_summary_refuses_bad_input() -> None:
    with pytest.raises(ValidationError) as caught:
        relationship_summary("", [], [], now=NOW)
    assert caught.value.path == "influencer_id"
    with pytest.raises(ValidationError) as caught:
        relationship_summary("inf", [], ["deal"], now=NOW)  # type: ignore[list-item]
    assert caught.value.path == "deals[0]"
    with pytest.raises(ValidationError) as caught:
        relationship_summary("inf", [], [], now="2026-05-10")  # type: ignore[arg-type]
    assert caught.value.path == "now"


# -- stale_media_kits ------------------------------------------------------------------------


def with_kit(who: str, received_on: dt.date | None) -> Influencer:
    kit = None if received_on is None else MediaKit(received_on, reference=f"{who}.pdf")
    return Influencer(id=who, name=who, accounts=[SocialAccount("x", "@" + who)], media_kit=kit)


def at(year: int, month: int, day: int) -> dt.datetime:
    return dt.datetime(year, month, day, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("received", "today", "stale"),
    [
        (dt.date(2025, 11, 1), at(2026, 5, 1), False),  # exactly six months: still fresh
        (dt.date(2025, 10, 31), at(2026, 5, 1), True),
        (dt.date(2025, 8, 31), at(2026, 2, 28), False),  # month ends: 31 Aug + 6 months = 28 Feb
        (dt.date(2025, 8, 31), at(2026, 3, 1), True),
        (dt.date(2026, 6, 1), at(2026, 5, 1), False),  # received later than today
    ],
)
def test_media_kit_age_boundaries(received: dt.date, today: dt.datetime, stale: bool) -> None:
    result = stale_media_kits([with_kit("inf-a", received)], now=today)
    assert bool(result) is stale
    if stale:
        check = result[0]
        assert check.received_on == received
        assert check.age == relativedelta(today.date(), received)
        assert check.age is not None
        assert received + check.age == today.date()
        assert "6 months" in check.reason


def test_missing_kits_first_then_the_oldest() -> None:
    people = [
        with_kit("inf-d", dt.date(2025, 1, 1)),
        with_kit("inf-c", None),
        with_kit("inf-b", dt.date(2024, 6, 1)),
        with_kit("inf-a", None),
        with_kit("inf-e", dt.date(2026, 4, 1)),  # fresh
    ]
    result = stale_media_kits(people, now=at(2026, 5, 1))
    assert [c.influencer_id for c in result] == ["inf-a", "inf-c", "inf-b", "inf-d"]
    assert result[0].reason == "inf-a has no media kit on file: ask for one."
    assert result[2].age == relativedelta(years=1, months=11)
    assert result[2].stale_since == dt.date(2024, 12, 2)


@pytest.mark.parametrize(
    ("max_age", "stale"),
    [
        (relativedelta(years=1), False),
        (relativedelta(days=30), True),
        (dt.timedelta(days=45), False),
    ],
)
def test_a_custom_age_limit(max_age: relativedelta | dt.timedelta, stale: bool) -> None:
    person = with_kit("inf-a", dt.date(2026, 3, 20))
    assert bool(stale_media_kits([person], now=at(2026, 5, 1), max_age=max_age)) is stale


@pytest.mark.parametrize(
    "max_age",
    [
        relativedelta(month=6),  # an absolute month, not six months
        relativedelta(hours=5),
        relativedelta(months=-1),
        dt.timedelta(days=-1),
        6,
        "6 months",
    ],
)
def test_a_bad_age_limit_is_refused(max_age: object) -> None:
    with pytest.raises(ValidationError) as caught:
        stale_media_kits([], now=NOW, max_age=max_age)  # type: ignore[arg-type]
    assert caught.value.path == "max_age"


def test_stale_media_kits_refuses_bad_input() -> None:
    with pytest.raises(ValidationError) as caught:
        stale_media_kits(["inf-a"], now=NOW)  # type: ignore[list-item]
    assert caught.value.path == "influencers[0]"
    with pytest.raises(ValidationError) as caught:
        stale_media_kits([], now=dt.datetime(2026, 5, 1))
    assert caught.value.path == "now"
