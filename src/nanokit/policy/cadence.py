"""Posting cadence: compare what was published with the agreed schedule, so slacking shows early.

"Sometimes nano-influencers slack off [...] fewer posts and far in between will mess up your
content marketing strategy" (the seed guide). A deliverable's recurrence rule (RFC 5545,
expanded with `dateutil.rrule` by [`Deliverable.schedule`][nanokit.Deliverable.schedule])
says when each piece is due; [`missed_posts`][nanokit.policy.cadence.missed_posts] lists the
due posts with no matching published content by the end of their due day.

Examples:
    >>> from datetime import datetime, timezone
    >>> from nanokit import Deliverable
    >>> from nanokit.policy.cadence import expected_posts
    >>> weekly = Deliverable("reel", "instagram", 3, recurrence="FREQ=WEEKLY;COUNT=3")
    >>> [due.date().isoformat() for due in expected_posts(weekly, datetime(2026, 4, 1, tzinfo=timezone.utc))]
    ['2026-04-01', '2026-04-08', '2026-04-15']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final

import attrs

from nanokit._args import aware_arg, instance_arg, instances_arg
from nanokit.exceptions import ValidationError
from nanokit.model.campaign import Campaign, Deliverable
from nanokit.model.deal import Deal
from nanokit.model.enums import ContentFormat, DealStatus, InteractionFamily, InteractionKind
from nanokit.model.interaction import Interaction

__all__ = [
    "FORMAT_KINDS",
    "OWES_POSTS",
    "MissedPost",
    "expected_posts",
    "missed_posts",
]

_K = InteractionKind
_ANY_CONTENT = frozenset({_K.POST, _K.STORY, _K.REEL, _K.VIDEO, _K.SHORT, _K.LIVE, _K.ARTICLE})

FORMAT_KINDS: Final[dict[ContentFormat, frozenset[InteractionKind]]] = {
    ContentFormat.PHOTO: frozenset({_K.POST}),
    ContentFormat.CAROUSEL: frozenset({_K.POST}),
    ContentFormat.VIDEO: frozenset({_K.VIDEO}),
    ContentFormat.REEL: frozenset({_K.REEL}),
    ContentFormat.SHORT: frozenset({_K.SHORT}),
    ContentFormat.STORY: frozenset({_K.STORY}),
    ContentFormat.STORY_WITH_LINK: frozenset({_K.STORY}),
    ContentFormat.LIVE: frozenset({_K.LIVE}),
    ContentFormat.ARTICLE: frozenset({_K.ARTICLE}),
    ContentFormat.REVIEW: _ANY_CONTENT,
    ContentFormat.OTHER: _ANY_CONTENT,
}
"""Which published content kinds fulfil a deliverable of each format: a photo or carousel
is a post, a story with a link is a story; a review or other format may be any content."""

OWES_POSTS: Final = frozenset(
    {DealStatus.AGREED, DealStatus.IN_PROGRESS, DealStatus.DELIVERED, DealStatus.COMPLETED}
)
"""The deal statuses that owe posts: agreed and later. A proposal, or a declined or
cancelled deal, owes nothing."""


def expected_posts(deliverable: Deliverable, start: dt.datetime) -> list[dt.datetime]:
    """When each piece of a deliverable is due, from its recurrence rule.

    Expands the rule with `dateutil.rrule` through
    [`Deliverable.schedule`][nanokit.Deliverable.schedule]: the first `count` occurrences
    from `start`. Without a rule every piece is due at `start`.

    Args:
        deliverable: The content agreed.
        start: The first due moment (timezone-aware).

    Returns:
        `deliverable.count` due datetimes, in order.

    Raises:
        ValidationError: For a naive `start` or a deliverable of the wrong type.

    Examples:
        >>> from datetime import datetime, timezone
        >>> from nanokit import Deliverable
        >>> twice_a_week = Deliverable("story", "instagram", 4, recurrence="FREQ=WEEKLY;BYDAY=MO,TH")
        >>> [due.strftime("%a %d") for due in expected_posts(twice_a_week, datetime(2026, 4, 1, tzinfo=timezone.utc))]
        ['Thu 02', 'Mon 06', 'Thu 09', 'Mon 13']
        >>> len(expected_posts(Deliverable("photo", "instagram", 2), datetime(2026, 4, 1, tzinfo=timezone.utc)))
        2
    """
    deliverable = instance_arg(deliverable, Deliverable, "deliverable")
    return deliverable.schedule(aware_arg(start, "start"))


@attrs.frozen
class MissedPost:
    """A scheduled post with no matching published content by the end of its due day.

    Examples:
        >>> from datetime import date, datetime, timezone
        >>> from nanokit import Campaign, Compensation, Deal, Deliverable
        >>> daily = Campaign(id="c", brand="B", name="N", objective="ugc", media_kind="earned",
        ...                  start=date(2026, 4, 1), deliverables=[Deliverable("story", "instagram", 2,
        ...                  recurrence="FREQ=DAILY;COUNT=2")])
        >>> deal = Deal("d", "c", "inf-sam", Compensation(), status="agreed")
        >>> [m.number for m in missed_posts(deal, daily, [], now=datetime(2026, 4, 2, 12, tzinfo=timezone.utc))]
        [1]
    """

    deal_id: str
    """The deal that owes the post."""
    influencer_id: str
    """The influencer who owes it."""
    deliverable: Deliverable
    """The deliverable it belongs to."""
    number: int
    """Which piece of the deliverable it is, from 1 to `deliverable.count`."""
    due: dt.datetime
    """When it was due."""
    reason: str
    """Why it counts as missed, in words."""


@attrs.frozen
class _Slot:
    deliverable_index: int
    number: int
    due: dt.datetime
    deadline: dt.datetime
    deliverable: Deliverable


def _deadline(due: dt.datetime) -> dt.datetime:
    """The end of the due day: midnight after it, in the due's own time zone."""
    next_day = due.date() + dt.timedelta(days=1)
    return dt.datetime.combine(next_day, dt.time(0), tzinfo=due.tzinfo)


def _matches(event: Interaction, deliverable: Deliverable) -> bool:
    if event.kind not in FORMAT_KINDS[deliverable.content_format]:
        return False
    return event.platform is None or event.platform is deliverable.platform


def _fill(slot: _Slot, pieces: list[Interaction], left: list[int]) -> bool:
    """Take the earliest unused matching piece published before the slot's deadline."""
    for index, event in enumerate(pieces):
        if event.occurred_at >= slot.deadline:
            return False
        if left[index] and _matches(event, slot.deliverable):
            left[index] -= 1
            return True
    return False


def missed_posts(
    deal: Deal,
    campaign: Campaign,
    interactions: Iterable[Interaction],
    *,
    now: dt.datetime,
    start: dt.datetime | None = None,
) -> list[MissedPost]:
    """The scheduled posts of a deal that were not published by their due day.

    * What is owed: the deal's own deliverables when it has any, else the campaign's. A deal
      owes posts only once agreed ([`OWES_POSTS`][nanokit.policy.cadence.OWES_POSTS]).
    * When: each deliverable's schedule from `start` (by default the campaign's first day,
      at midnight in `now`'s time zone). A post is missed when the end of its due day has
      passed by `now` and no matching content is there to fill it.
    * What fills a due post: a content interaction of the deal's influencer, for this deal
      (or for the campaign when it names no deal), of a kind that fits the format
      ([`FORMAT_KINDS`][nanokit.policy.cadence.FORMAT_KINDS]), on the deliverable's platform
      (or with no platform recorded), published by the end of the due day and not after
      `now`. Each published piece fills one due post (a record with `count` n fills n);
      due posts are filled in order of their due day, so a late post fills the next one
      and the earlier one shows as missed.

    Args:
        deal: The deal.
        campaign: The deal's campaign.
        interactions: The interaction log, of any influencers and kinds.
        now: The present moment (timezone-aware).
        start: When the schedules start (timezone-aware); defaults to the campaign start.

    Returns:
        The missed posts, earliest due first.

    Raises:
        ValidationError: For a naive `now` or `start`, arguments of the wrong type, or a
            campaign that is not the deal's.

    Examples:
        >>> from datetime import date, datetime, timezone
        >>> from nanokit import Campaign, Compensation, Deal, Deliverable, Interaction
        >>> spring = Campaign(id="cmp-spring", brand="Oat & Ember", name="Spring", objective="ugc",
        ...                   media_kind="earned", start=date(2026, 4, 1), deliverables=[
        ...                       Deliverable("reel", "instagram", 3, recurrence="FREQ=WEEKLY;COUNT=3")])
        >>> deal = Deal("d-1", "cmp-spring", "inf-maya", Compensation(), status="in_progress")
        >>> posted = [Interaction(id="ev-1", occurred_at=datetime(2026, 4, 1, 18, tzinfo=timezone.utc),
        ...                       influencer_id="inf-maya", kind="reel", deal_id="d-1")]
        >>> missed = missed_posts(deal, spring, posted, now=datetime(2026, 4, 20, tzinfo=timezone.utc))
        >>> [(m.number, m.due.date().isoformat()) for m in missed]
        [(2, '2026-04-08'), (3, '2026-04-15')]
        >>> print(missed[0].reason)
        inf-maya's reel 2 of 3 on instagram for deal d-1 was due on 2026-04-08; no matching content was published by the end of that day.
    """
    deal = instance_arg(deal, Deal, "deal")
    campaign = instance_arg(campaign, Campaign, "campaign")
    now = aware_arg(now, "now")
    if deal.campaign_id != campaign.id:
        raise ValidationError(
            f"deal {deal.id!r} belongs to campaign {deal.campaign_id!r}, not {campaign.id!r}; "
            "pass the deal's own campaign",
            path="campaign",
        )
    events = instances_arg(interactions, Interaction, "interactions")
    if start is None:
        start = dt.datetime.combine(campaign.start, dt.time(0), tzinfo=now.tzinfo)
    else:
        start = aware_arg(start, "start")
    if deal.status not in OWES_POSTS:
        return []
    deliverables = deal.deliverables or campaign.deliverables
    slots = [
        _Slot(index, number, due, _deadline(due), deliverable)
        for index, deliverable in enumerate(deliverables)
        for number, due in enumerate(deliverable.schedule(start), start=1)
    ]
    # Specific formats first, then the formats any content fits; each by deadline.
    slots.sort(
        key=lambda s: (
            FORMAT_KINDS[s.deliverable.content_format] is _ANY_CONTENT,
            s.deadline,
            s.deliverable_index,
            s.number,
        )
    )
    # The published records, oldest first, and how many pieces each still has to give.
    pieces: list[Interaction] = []
    for event in sorted(events, key=lambda e: (e.occurred_at, e.id)):
        if (
            event.family is InteractionFamily.CONTENT
            and event.influencer_id == deal.influencer_id
            and event.occurred_at <= now
            and (
                event.deal_id == deal.id
                or (event.deal_id is None and event.campaign_id == campaign.id)
            )
        ):
            pieces.append(event)
    left = [piece.count for piece in pieces]
    found: list[tuple[_Slot, MissedPost]] = []
    for slot in slots:
        if _fill(slot, pieces, left) or slot.deadline > now:
            continue
        d = slot.deliverable
        post = MissedPost(
            deal_id=deal.id,
            influencer_id=deal.influencer_id,
            deliverable=d,
            number=slot.number,
            due=slot.due,
            reason=(
                f"{deal.influencer_id}'s {d.content_format.value} {slot.number} of "
                f"{d.count} on {d.platform.value} for deal {deal.id} was due on "
                f"{slot.due.date().isoformat()}; no matching content was published by "
                "the end of that day."
            ),
        )
        found.append((slot, post))
    found.sort(key=lambda pair: (pair[0].due, pair[0].deliverable_index, pair[0].number))
    missed = [post for _, post in found]
    return missed
