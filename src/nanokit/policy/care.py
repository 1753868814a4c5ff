"""Relationship care, the golden rule: never ghost, keep media kits fresh, know each person.

"You may not be able to offer them exactly what they're looking for right now, but that
doesn't mean you should ghost them. [...] Keep their media kit on file, and keep track of
your communications with them as you would any other customer" (the seed, 'The Rise of
the Nano Influencer').

* [`unanswered_pitches`][nanokit.policy.care.unanswered_pitches]: the people about to be
  ghosted.
* [`relationship_summary`][nanokit.policy.care.relationship_summary]: one relationship at a
  glance, as a CRM would show it.
* [`stale_media_kits`][nanokit.policy.care.stale_media_kits]: kits missing or too old.

A touch-point *awaits an answer* when it is a pitch (from the influencer unless marked
outbound) or a message marked inbound. It is *answered* by any relationship touch-point
from the brand (marked outbound, or an outreach) to the same influencer at or after it.
Nothing after `now` is seen.

Examples:
    >>> from datetime import datetime, timedelta, timezone
    >>> from nanokit import Interaction
    >>> from nanokit.policy.care import unanswered_pitches
    >>> now = datetime(2026, 5, 10, tzinfo=timezone.utc)
    >>> pitch = Interaction(id="ev-1", occurred_at=now - timedelta(days=5),
    ...                     influencer_id="inf-maya", kind="pitch", direction="inbound")
    >>> [event.id for event in unanswered_pitches([pitch], now=now)]
    ['ev-1']
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Final

import attrs
from dateutil.relativedelta import relativedelta

from nanokit._args import aware_arg, instances_arg
from nanokit.exceptions import ValidationError
from nanokit.model import _checks as c
from nanokit.model.deal import Deal
from nanokit.model.enums import DealStatus, Direction, InteractionFamily, InteractionKind
from nanokit.model.influencer import Influencer
from nanokit.model.interaction import Interaction

__all__ = [
    "AWAITING_ANSWER",
    "DEFAULT_GRACE",
    "MEDIA_KIT_MAX_AGE",
    "MediaKitCheck",
    "RelationshipSummary",
    "awaits_answer",
    "relationship_summary",
    "stale_media_kits",
    "unanswered_pitches",
]

DEFAULT_GRACE: Final = dt.timedelta(days=2)
"""How long a pitch may wait for an answer before it counts as ghosted: 2 days, nanokit's
choice (the seed says "never ghost" and gives no delay)."""

MEDIA_KIT_MAX_AGE: Final = relativedelta(months=6)
"""How old a media kit may be before it is stale: 6 months, nanokit's choice (the seed says
"keep their media kit on file" and gives no age; follower counts and rates move fast)."""

AWAITING_ANSWER: Final = frozenset({InteractionKind.PITCH, InteractionKind.MESSAGE})
"""The kinds of inbound touch-point that deserve an answer: pitches and messages."""


def awaits_answer(event: Interaction) -> bool:
    """Whether `event` is a touch-point from the influencer that deserves an answer.

    A pitch counts unless it is marked outbound (a pitch comes from the influencer); a
    message counts only when it is marked inbound.

    Args:
        event: Any interaction.

    Returns:
        `True` for a pitch not marked outbound and a message marked inbound.

    Examples:
        >>> from datetime import datetime, timezone
        >>> at = datetime(2026, 5, 1, tzinfo=timezone.utc)
        >>> awaits_answer(Interaction(id="e", occurred_at=at, influencer_id="i", kind="pitch"))
        True
        >>> awaits_answer(Interaction(id="e", occurred_at=at, influencer_id="i", kind="message"))
        False
    """
    if event.kind not in AWAITING_ANSWER:
        return False
    if event.kind is InteractionKind.PITCH:
        return event.direction is not Direction.OUTBOUND
    return event.direction is Direction.INBOUND


def _is_outbound(event: Interaction) -> bool:
    """A relationship touch-point from the brand: marked outbound, or an outreach."""
    if event.family is not InteractionFamily.RELATIONSHIP:
        return False
    if event.direction is Direction.OUTBOUND:
        return True
    return event.kind is InteractionKind.OUTREACH and event.direction is None


def _is_inbound(event: Interaction) -> bool:
    """A relationship touch-point from the influencer: marked inbound, or a pitch."""
    if event.family is not InteractionFamily.RELATIONSHIP:
        return False
    if event.direction is Direction.INBOUND:
        return True
    return event.kind is InteractionKind.PITCH and event.direction is None


def _events(interactions: Iterable[Interaction], now: dt.datetime) -> list[Interaction]:
    return [
        e for e in instances_arg(interactions, Interaction, "interactions") if e.occurred_at <= now
    ]


def _outbound_times(events: list[Interaction]) -> dict[str, list[dt.datetime]]:
    times: dict[str, list[dt.datetime]] = {}
    for event in events:
        if _is_outbound(event):
            times.setdefault(event.influencer_id, []).append(event.occurred_at)
    for found in times.values():
        found.sort()
    return times


def _open(events: list[Interaction]) -> list[Interaction]:
    """Touch-points awaiting an answer with no outbound touch-point at or after them."""
    latest = {who: found[-1] for who, found in _outbound_times(events).items()}
    waiting = [
        event
        for event in events
        if awaits_answer(event)
        and (event.influencer_id not in latest or latest[event.influencer_id] < event.occurred_at)
    ]
    return sorted(waiting, key=lambda event: (event.occurred_at, event.id))


def unanswered_pitches(
    interactions: Iterable[Interaction],
    *,
    now: dt.datetime,
    grace: dt.timedelta = DEFAULT_GRACE,
) -> list[Interaction]:
    """Every pitch or inbound message still unanswered after the grace period: who is about
    to be ghosted.

    A pitch is answered by any touch-point from the brand to the same influencer at or
    after it (see the module notes). Only touch-points at or before `now` are seen; a pitch
    is listed when it is older than `grace`.

    Args:
        interactions: The interaction log, in any order, of any influencers.
        now: The present moment (timezone-aware).
        grace: How long an answer may take; defaults to
            [`DEFAULT_GRACE`][nanokit.policy.care.DEFAULT_GRACE] (2 days).

    Returns:
        The unanswered pitches and messages, oldest first (ties by id).

    Raises:
        ValidationError: For a naive `now`, a negative `grace`, or items that are not
            interactions.

    Examples:
        >>> from datetime import datetime, timedelta, timezone
        >>> from nanokit import Interaction
        >>> now = datetime(2026, 5, 10, tzinfo=timezone.utc)
        >>> def event(id, days_ago, who, kind, direction=None):
        ...     return Interaction(id=id, occurred_at=now - timedelta(days=days_ago),
        ...                        influencer_id=who, kind=kind, direction=direction)
        >>> log = [
        ...     event("p1", 9, "inf-ana", "pitch"),
        ...     event("r1", 8, "inf-ana", "reply", "outbound"),   # answered
        ...     event("p2", 6, "inf-ben", "pitch"),               # ghosted
        ...     event("m3", 4, "inf-cy", "message", "inbound"),   # ghosted
        ...     event("p4", 1, "inf-dee", "pitch"),               # still within the grace
        ... ]
        >>> [e.id for e in unanswered_pitches(log, now=now)]
        ['p2', 'm3']
    """
    now = aware_arg(now, "now")
    if not isinstance(grace, dt.timedelta) or grace < dt.timedelta(0):
        raise ValidationError(
            f"expected a timedelta of at least 0 such as timedelta(days=2), got "
            f"{c.describe(grace)}",
            path="grace",
        )
    return [
        event for event in _open(_events(interactions, now)) if now - event.occurred_at > grace
    ]


@attrs.frozen
class RelationshipSummary:
    """One relationship at a glance: contact, touch-points, reply time, open pitches, deals.

    Examples:
        >>> from datetime import datetime, timezone
        >>> s = relationship_summary("inf-new", [], [], now=datetime(2026, 5, 1, tzinfo=timezone.utc))
        >>> s.first_contact, s.inbound, s.days_since_last_contact
        (None, 0, None)
    """

    influencer_id: str
    """The influencer."""
    now: dt.datetime
    """The moment the summary describes."""
    first_contact: dt.datetime | None
    """The first relationship touch-point, either way."""
    last_contact: dt.datetime | None
    """The latest relationship touch-point at or before `now`."""
    inbound: int
    """Touch-points from the influencer (pitches, and anything marked inbound)."""
    outbound: int
    """Touch-points from the brand (outreach, and anything marked outbound)."""
    undirected: int
    """Touch-points whose direction was not recorded."""
    median_reply_time: dt.timedelta | None
    """Median time from a pitch or inbound message to the brand's next touch-point;
    `None` when none was answered."""
    replies_measured: int
    """How many answered pitches and messages the median covers."""
    open_pitches: tuple[Interaction, ...]
    """Pitches and inbound messages not answered yet, oldest first (grace not applied)."""
    deals_by_status: tuple[tuple[DealStatus, int], ...]
    """How many deals with this influencer are in each status (lifecycle order; only
    statuses that occur)."""
    days_since_last_contact: int | None
    """Whole days from the last touch-point to `now`; `None` without contact."""
    summary: str
    """The same, in words."""


def relationship_summary(
    influencer_id: str,
    interactions: Iterable[Interaction],
    deals: Iterable[Deal],
    *,
    now: dt.datetime,
) -> RelationshipSummary:
    """Summarise the relationship with one influencer, as a CRM would show it.

    Only relationship touch-points count as contact (content and audience events do not);
    each record counts `count` times. Interactions after `now` are not seen.

    Args:
        influencer_id: The influencer's id.
        interactions: The interaction log, of any influencers.
        deals: Deals, of any influencers.
        now: The present moment (timezone-aware).

    Returns:
        The summary.

    Raises:
        ValidationError: For a naive `now`, an empty id, or items of the wrong type.

    Examples:
        >>> from datetime import datetime, timedelta, timezone
        >>> from nanokit import Compensation, Deal, Interaction
        >>> now = datetime(2026, 5, 10, tzinfo=timezone.utc)
        >>> def event(id, days_ago, kind, direction=None):
        ...     return Interaction(id=id, occurred_at=now - timedelta(days=days_ago),
        ...                        influencer_id="inf-maya", kind=kind, direction=direction)
        >>> log = [event("p1", 30, "pitch"), event("r1", 29, "reply", "outbound"),
        ...        event("m2", 10, "message", "inbound"), event("r2", 7, "reply", "outbound"),
        ...        event("p3", 3, "pitch")]
        >>> deals = [Deal("d1", "c", "inf-maya", Compensation(), status="completed")]
        >>> s = relationship_summary("inf-maya", log, deals, now=now)
        >>> s.inbound, s.outbound, s.median_reply_time, [e.id for e in s.open_pitches]
        (3, 2, datetime.timedelta(days=2), ['p3'])
        >>> print(s.summary)
        inf-maya: first contact 2026-04-10, last 2026-05-07 (3 days ago); 3 touch-points in, 2 out; median reply time 2 days over 2 answered; 1 open pitch or message; deals: 1 completed.
    """
    if not isinstance(influencer_id, str) or not influencer_id.strip():
        raise ValidationError(
            f"expected an influencer id, got {c.describe(influencer_id)}", path="influencer_id"
        )
    now = aware_arg(now, "now")
    events = [e for e in _events(interactions, now) if e.influencer_id == influencer_id]
    deal_list = instances_arg(deals, Deal, "deals")
    touch = [e for e in events if e.family is InteractionFamily.RELATIONSHIP]
    inbound = sum(e.count for e in touch if _is_inbound(e))
    outbound = sum(e.count for e in touch if _is_outbound(e))
    undirected = sum(e.count for e in touch) - inbound - outbound
    first = min((e.occurred_at for e in touch), default=None)
    last = max((e.occurred_at for e in touch), default=None)

    answers = _outbound_times(touch).get(influencer_id, [])
    waits = []
    for event in touch:
        if not awaits_answer(event):
            continue
        index = bisect.bisect_left(answers, event.occurred_at)
        if index < len(answers):
            waits.append(answers[index] - event.occurred_at)
    waits.sort()
    median = None
    if waits:
        middle = len(waits) // 2
        median = waits[middle] if len(waits) % 2 else (waits[middle - 1] + waits[middle]) / 2

    open_pitches = tuple(_open(touch))
    statuses = Counter(d.status for d in deal_list if d.influencer_id == influencer_id)
    by_status = tuple((status, statuses[status]) for status in DealStatus if statuses[status])
    days = None if last is None else (now - last).days

    if first is None or last is None:
        words = f"{influencer_id}: no contact yet"
    else:
        words = (
            f"{influencer_id}: first contact {first.date().isoformat()}, last "
            f"{last.date().isoformat()} ({days} days ago); {inbound} touch-points in, "
            f"{outbound} out"
        )
        if undirected:
            words += f", {undirected} of unknown direction"
    if median is not None:
        words += f"; median reply time {_duration_words(median)} over {len(waits)} answered"
    words += f"; {len(open_pitches)} open pitch" + ("" if len(open_pitches) == 1 else "es")
    words += " or message" + ("" if len(open_pitches) == 1 else "s")
    if by_status:
        words += "; deals: " + ", ".join(f"{n} {status.value}" for status, n in by_status)
    else:
        words += "; no deals"
    return RelationshipSummary(
        influencer_id=influencer_id,
        now=now,
        first_contact=first,
        last_contact=last,
        inbound=inbound,
        outbound=outbound,
        undirected=undirected,
        median_reply_time=median,
        replies_measured=len(waits),
        open_pitches=open_pitches,
        deals_by_status=by_status,
        days_since_last_contact=days,
        summary=words + ".",
    )


@attrs.frozen
class MediaKitCheck:
    """A media kit that is missing or older than the limit, and what to do about it.

    Examples:
        >>> from datetime import datetime, timezone
        >>> from nanokit import Influencer, SocialAccount
        >>> sam = Influencer(id="inf-sam", name="Sam", accounts=[SocialAccount("x", "@sam")])
        >>> check = stale_media_kits([sam], now=datetime(2026, 5, 1, tzinfo=timezone.utc))[0]
        >>> check.received_on, check.reason
        (None, 'inf-sam has no media kit on file: ask for one.')
    """

    influencer_id: str
    """The influencer."""
    received_on: dt.date | None
    """When the kit on file arrived; `None` when there is none."""
    age: relativedelta | None
    """How old the kit is at the check, in years, months and days; `None` without a kit."""
    stale_since: dt.date | None
    """The date the kit passed the age limit; `None` without a kit."""
    reason: str
    """Why, in words."""


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _units(pairs: Iterable[tuple[int, str]], zero: str) -> str:
    parts = [f"{n} {unit}" + ("" if n == 1 else "s") for n, unit in pairs if n]
    return _join(parts) or zero


def _age_words(age: relativedelta) -> str:
    return _units(((age.years, "year"), (age.months, "month"), (age.days, "day")), "0 days")


def _duration_words(span: dt.timedelta) -> str:
    """A duration in days, hours and minutes, e.g. '1 day and 3 hours'."""
    minutes = int(span.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    return _units(((days, "day"), (hours, "hour"), (minutes, "minute")), "under a minute")


def _check_max_age(max_age: object) -> None:
    if isinstance(max_age, relativedelta):
        plain = relativedelta(years=max_age.years, months=max_age.months, days=max_age.days)
        if max_age == plain and min(plain.years, plain.months, plain.days) >= 0:
            return
    elif isinstance(max_age, dt.timedelta) and max_age.days >= 0:
        return
    raise ValidationError(
        "expected a relativedelta of whole years, months and days, not negative (such as "
        f"relativedelta(months=6)), or a timedelta of at least 0; got {c.describe(max_age)}",
        path="max_age",
    )


def stale_media_kits(
    influencers: Iterable[Influencer],
    *,
    now: dt.datetime,
    max_age: relativedelta | dt.timedelta = MEDIA_KIT_MAX_AGE,
) -> list[MediaKitCheck]:
    """The influencers whose media kit is missing or older than `max_age`.

    Ages are calendar ages computed with `dateutil.relativedelta`: a kit received on
    31 August is six months old on 28 February. A kit is stale once `received_on +
    max_age` is before today's date (in `now`'s time zone); on that day it is still fresh.

    Args:
        influencers: The influencers to check.
        now: The present moment (timezone-aware).
        max_age: The age limit; defaults to
            [`MEDIA_KIT_MAX_AGE`][nanokit.policy.care.MEDIA_KIT_MAX_AGE] (6 months).

    Returns:
        One check per influencer with a missing or stale kit: missing kits first (by id),
        then the oldest kits first.

    Raises:
        ValidationError: For a naive `now`, items that are not influencers, or a `max_age`
            that is negative, not a `relativedelta` or `timedelta`, or a `relativedelta`
            with absolute fields (`month=6` instead of `months=6`) or hours.

    Examples:
        >>> from datetime import date, datetime, timezone
        >>> from nanokit import Influencer, MediaKit, SocialAccount
        >>> def person(id, received_on):
        ...     kit = MediaKit(received_on, url=f"https://example.com/{id}.pdf")
        ...     return Influencer(id=id, name=id, accounts=[SocialAccount("x", "@" + id)], media_kit=kit)
        >>> people = [person("inf-ana", date(2025, 11, 1)), person("inf-ben", date(2025, 10, 31))]
        >>> [(k.influencer_id, k.reason) for k in stale_media_kits(people, now=datetime(2026, 5, 1, tzinfo=timezone.utc))]
        [('inf-ben', 'inf-ben sent the media kit on file on 2025-10-31, 6 months and 1 day ago; kits older than 6 months are stale (since 2026-05-01): ask for a fresh one.')]
    """
    now = aware_arg(now, "now")
    people = instances_arg(influencers, Influencer, "influencers")
    today = now.date()
    _check_max_age(max_age)
    limit = (
        _age_words(max_age.normalized())
        if isinstance(max_age, relativedelta)
        else _duration_words(max_age)
    )
    missing: list[MediaKitCheck] = []
    stale: list[MediaKitCheck] = []
    for person in people:
        kit = person.media_kit
        if kit is None:
            missing.append(
                MediaKitCheck(
                    person.id,
                    None,
                    None,
                    None,
                    f"{person.id} has no media kit on file: ask for one.",
                )
            )
            continue
        expires = kit.received_on + max_age
        if expires >= today:
            continue
        age = relativedelta(today, kit.received_on)
        stale.append(
            MediaKitCheck(
                person.id,
                kit.received_on,
                age,
                expires + dt.timedelta(days=1),
                f"{person.id} sent the media kit on file on {kit.received_on.isoformat()}, "
                f"{_age_words(age)} ago; kits older than {limit} are stale (since "
                f"{(expires + dt.timedelta(days=1)).isoformat()}): ask for a fresh one.",
            )
        )
    missing.sort(key=lambda check: check.influencer_id)
    stale.sort(key=lambda check: (check.received_on or today, check.influencer_id))
    return missing + stale
