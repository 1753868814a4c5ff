"""Measuring engagement: per-post counts, a definition, and a result that says what it did.

[`measure_engagement`][nanokit.kpi.engagement.measure_engagement] takes posts (as
[`PostMetrics`][nanokit.kpi.engagement.PostMetrics]) or interactions of one account, the
account's [`Audience`][nanokit.Audience], and an
[`EngagementDefinition`][nanokit.kpi.definitions.EngagementDefinition]. The
[`Engagement`][nanokit.kpi.engagement.Engagement] it returns names the definition, the posts
used, the mean and the median, and flags a sample smaller than the definition's minimum.

Unknown is not zero: a post whose likes are hidden has `likes=None`, and a definition that
counts likes then gives no rate (`rate is None`, `unavailable == ("likes",)`) instead of a
wrong one. An interaction log records events, so a post without like records had no likes
recorded: to say that likes are hidden, pass `PostMetrics` with `likes=None`.

Examples:
    >>> from datetime import datetime, timezone
    >>> from nanokit import Audience
    >>> from nanokit.kpi.definitions import GRIN
    >>> from nanokit.kpi.engagement import PostMetrics, measure_engagement
    >>> audience = Audience("instagram", 8_000, datetime(2026, 5, 1, tzinfo=timezone.utc))
    >>> posts = [
    ...     PostMetrics(likes=640, comments=50, shares=20, saves=30),
    ...     PostMetrics(likes=610, comments=40, shares=25, saves=25),
    ...     PostMetrics(likes=650, comments=50, shares=15, saves=35),
    ... ]
    >>> result = measure_engagement(posts, audience)
    >>> result.definition, result.posts, f"{result.rate:.1%}"
    ('nanokit', 3, '9.1%')
    >>> f"{measure_engagement(posts, audience, GRIN).rate:.2%}"
    '8.50%'
    >>> hidden = measure_engagement([PostMetrics(likes=None, comments=3)], audience, GRIN)
    >>> hidden.rate, hidden.unavailable
    (None, ('likes',))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Final

import attrs

from nanokit._args import instance_arg
from nanokit.exceptions import ValidationError
from nanokit.kpi._provenance import RANK, WEAKEST, weakest
from nanokit.kpi.definitions import DEFAULT, Aggregate, EngagementBase, EngagementDefinition
from nanokit.model import _checks as c
from nanokit.model.audience import Audience
from nanokit.model.enums import InteractionFamily, InteractionKind, Provenance
from nanokit.model.interaction import Interaction

__all__ = [
    "Engagement",
    "PostMetrics",
    "measure_engagement",
    "posts_from_interactions",
]

_K = InteractionKind

_FIELDS: Final[dict[InteractionKind, str]] = {
    _K.LIKE: "likes",
    _K.COMMENT: "comments",
    _K.SHARE: "shares",
    _K.SAVE: "saves",
    _K.VIEW: "views",
    _K.IMPRESSION: "impressions",
    _K.REACH: "reach",
}
"""The `PostMetrics` field that holds each kind's count."""


def _count_field() -> int | None:
    return attrs.field(default=None, validator=c.optional(c.count()))  # type: ignore[no-any-return]


@attrs.frozen
class PostMetrics:
    """The counts of one post. `None` means hidden or unknown, never zero.

    Args:
        likes: Likes, or `None` when hidden or unknown.
        comments: Comments, or `None`.
        shares: Shares, or `None`.
        saves: Saves, or `None`.
        views: Views (plays), or `None`.
        impressions: Times the post was shown, or `None`.
        reach: Unique accounts that saw it, or `None`.
        content_id: The post's id, if known.
        published_at: When it was published (timezone-aware), if known; orders the posts
            for a definition's window.
        provenance: Whether the counts were measured, estimated or self-reported.

    Raises:
        ValidationError: For a negative or non-integer count, or a naive datetime.

    Examples:
        >>> post = PostMetrics(likes=57, comments=2)
        >>> post.count("like"), post.count("share")
        (57, None)
        >>> PostMetrics(likes=-1)
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: PostMetrics.likes: must be at least 0, got -1
    """

    likes: int | None = _count_field()
    """Likes; `None` when hidden or unknown."""
    comments: int | None = _count_field()
    """Comments; `None` when unknown."""
    shares: int | None = _count_field()
    """Shares; `None` when unknown."""
    saves: int | None = _count_field()
    """Saves; `None` when unknown."""
    views: int | None = _count_field()
    """Views (plays); `None` when unknown."""
    impressions: int | None = _count_field()
    """Impressions; `None` when unknown."""
    reach: int | None = _count_field()
    """Reach; `None` when unknown."""
    content_id: str | None = attrs.field(default=None, validator=c.optional(c.identifier))
    """The post's id."""
    published_at: dt.datetime | None = attrs.field(
        default=None, validator=c.optional(c.aware_datetime)
    )
    """When the post was published."""
    provenance: Provenance = attrs.field(
        default=Provenance.MEASURED, converter=c.to_provenance, validator=c.enum_of(Provenance)
    )
    """Whether the counts were measured, estimated or self-reported."""

    def count(self, kind: InteractionKind | str) -> int | None:
        """The count of one kind (`"like"`, `"view"`...), `None` when unknown.

        Raises:
            ValidationError: For a kind a post does not count (a click, a payment).
        """
        field = _FIELDS.get(c.to_interaction_kind(kind))
        if field is None:
            known = ", ".join(k.value for k in _FIELDS)
            raise ValidationError(
                f"a post counts {known}; got {c.describe(kind)}", path="PostMetrics.count"
            )
        value: int | None = getattr(self, field)
        return value


@attrs.frozen
class Engagement:
    """An engagement rate with what produced it.

    `rate` is the definition's aggregate (its `mean` or its `median`). It is `None` when the
    rate is undefined (a zero base, no posts) or unavailable (a count it needs is hidden or
    unknown; `unavailable` names which).

    Args:
        definition: The name of the definition used.
        rate: The engagement rate as a fraction (`0.091` for 9.1%), or `None`.
        mean: Total engagements over the total base of the posts used, or `None`.
        median: The middle per-post rate, or `None` (also when only sums were kept).
        posts: Posts used (after the definition's window).
        posts_available: Posts given.
        engagements: Engagements counted over the posts used, or `None` when unavailable.
        base: The denominator of `mean` (followers x posts for a follower base), or `None`.
        low_confidence: Whether the sample is below the definition's minimum posts or
            followers.
        unavailable: The counts that were needed but hidden or unknown.
        provenance: The weakest provenance among the inputs: estimated if any was.
        notes: What a person should know about this number, in words.

    Examples:
        >>> Engagement(definition="nanokit", rate=None, posts=0).estimated
        False
    """

    definition: str = attrs.field(validator=c.text(max_length=100))
    """The name of the definition that produced this result."""
    rate: float | None = attrs.field(
        converter=c.optional_float, validator=c.optional(c.non_negative_number)
    )
    """The rate by the definition's aggregate; `None` when undefined or unavailable."""
    mean: float | None = attrs.field(
        default=None, converter=c.optional_float, validator=c.optional(c.non_negative_number)
    )
    """Total engagements over the total base of the posts used."""
    median: float | None = attrs.field(
        default=None, converter=c.optional_float, validator=c.optional(c.non_negative_number)
    )
    """The middle per-post rate; `None` when only sums were kept."""
    posts: int = attrs.field(default=0, validator=c.count())
    """Posts used."""
    posts_available: int = attrs.field(default=0, validator=c.count())
    """Posts given, before the definition's window."""
    engagements: int | None = attrs.field(default=None, validator=c.optional(c.count()))
    """Engagements counted over the posts used."""
    base: int | None = attrs.field(default=None, validator=c.optional(c.count()))
    """The denominator of `mean`."""
    low_confidence: bool = attrs.field(default=False, validator=c.instance_of(bool))
    """Fewer posts or followers than the definition's minimum."""
    unavailable: tuple[str, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.text(max_length=100))
    )
    """Counts needed but hidden or unknown (`"likes"`, `"followers"`...)."""
    provenance: Provenance = attrs.field(
        default=Provenance.MEASURED, converter=c.to_provenance, validator=c.enum_of(Provenance)
    )
    """The weakest provenance among the inputs."""
    notes: tuple[str, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.text(max_length=10_000))
    )
    """Explanations, in words."""

    @property
    def estimated(self) -> bool:
        """Whether an input was estimated, so the rate is an estimate too."""
        return self.provenance is Provenance.ESTIMATED


def _window(posts: Sequence[PostMetrics], definition: EngagementDefinition) -> list[PostMetrics]:
    """The posts in time order (when every post is dated), cut to the definition's window."""
    ordered = list(posts)
    if ordered and all(post.published_at is not None for post in ordered):
        ordered.sort(key=lambda post: post.published_at)  # type: ignore[arg-type,return-value]
    if definition.window is not None:
        ordered = ordered[-definition.window :]
    return ordered


def _summarise(
    sample: Sequence[tuple[PostMetrics, int | None]],
    definition: EngagementDefinition,
    *,
    posts_available: int,
    provenance: Provenance = Provenance.MEASURED,
    notes: Sequence[str] = (),
) -> Engagement:
    """The engagement of posts already windowed, each with its account's follower count.

    Shared by `measure_engagement` (one account) and campaign reports (several accounts).
    """
    notes = list(notes)
    used = len(sample)
    provenance = weakest([provenance, *(post.provenance for post, _ in sample)])
    low = used < definition.minimum_posts
    if low:
        notes.append(
            f"{used} post{'s' if used != 1 else ''} used, fewer than the {definition.minimum_posts} "
            f"the {definition.name} definition asks for: low confidence"
        )
    small = sorted({f for _, f in sample if f is not None and f < definition.minimum_followers})
    if small:
        low = True
        notes.append(
            f"{small[0]:,} followers is under the {definition.minimum_followers:,} the "
            f"{definition.name} definition asks for: low confidence"
        )
    fields = [_FIELDS[kind] for kind in definition.kinds]
    base_field = None if definition.base.kind is None else _FIELDS[definition.base.kind]
    missing: list[str] = []
    for field in fields:
        unknown = sum(1 for post, _ in sample if getattr(post, field) is None)
        if unknown:
            missing.append(field)
            notes.append(f"{field} hidden or unknown on {unknown} of {used} posts")
    if base_field is None:
        unknown = sum(1 for _, followers in sample if followers is None)
        if unknown:
            missing.append("followers")
            notes.append("the follower count is unknown")
    else:
        unknown = sum(1 for post, _ in sample if getattr(post, base_field) is None)
        if unknown:
            missing.append(base_field)
            notes.append(f"{base_field} unknown on {unknown} of {used} posts")
    if missing:
        notes.append("the rate is unavailable: unknown counts are not zeros")
        return Engagement(
            definition=definition.name,
            rate=None,
            posts=used,
            posts_available=posts_available,
            low_confidence=low,
            unavailable=missing,
            provenance=provenance,
            notes=notes,
        )
    per_post: list[tuple[int, int]] = []
    for post, followers in sample:
        top: int = sum(getattr(post, field) for field in fields)
        # Unknown counts were reported above, so every count here is known.
        bottom: int = (followers or 0) if base_field is None else getattr(post, base_field)
        per_post.append((top, bottom))
    engagements = sum(top for top, _ in per_post)
    base = sum(bottom for _, bottom in per_post)
    mean = engagements / base if base else None
    rates = sorted(Fraction(top, bottom) for top, bottom in per_post if bottom)
    median = float(_middle(rates)) if rates else None
    if used and not base:
        notes.append(f"the {definition.base.value} add up to zero: the rate is undefined")
    elif len(rates) < used:
        notes.append(
            f"{used - len(rates)} post(s) with zero {definition.base.value} have no rate of "
            "their own: the median leaves them out, the mean counts their engagements"
        )
    if not used:
        notes.append("no posts: the rate is undefined")
    return Engagement(
        definition=definition.name,
        rate=mean if definition.aggregate is Aggregate.MEAN else median,
        mean=mean,
        median=median,
        posts=used,
        posts_available=posts_available,
        engagements=engagements,
        base=base,
        low_confidence=low,
        provenance=provenance,
        notes=notes,
    )


def _middle(ordered: Sequence[Fraction]) -> Fraction:
    half = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[half]
    return (ordered[half - 1] + ordered[half]) / 2


def _from_totals(
    definition: EngagementDefinition,
    *,
    engagements: int,
    base: int | None,
    posts: int,
    followers: Iterable[int] = (),
    unavailable: Sequence[str] = (),
    provenance: Provenance = Provenance.MEASURED,
    notes: Sequence[str] = (),
) -> Engagement:
    """The mean engagement from sums alone (what a stream keeps); no median.

    `base` is followers x posts for a follower base, else the summed reach, impressions or
    views; `followers` lists the follower counts involved, for the minimum check.
    """
    notes = list(notes)
    low = posts < definition.minimum_posts
    if low:
        notes.append(
            f"{posts} post{'s' if posts != 1 else ''} recorded, fewer than the "
            f"{definition.minimum_posts} the {definition.name} definition asks for: low confidence"
        )
    small = sorted(f for f in set(followers) if f < definition.minimum_followers)
    if small:
        low = True
        notes.append(
            f"{small[0]:,} followers is under the {definition.minimum_followers:,} the "
            f"{definition.name} definition asks for: low confidence"
        )
    blank = Engagement(
        definition=definition.name,
        rate=None,
        posts=posts,
        posts_available=posts,
        low_confidence=low,
        provenance=provenance,
    )
    if unavailable:
        notes.append("the rate is unavailable: unknown counts are not zeros")
        return attrs.evolve(blank, unavailable=unavailable, notes=notes)
    if not base:
        notes.append(f"no {definition.base.value} recorded: the rate is undefined")
    mean = engagements / base if base else None
    notes.append("kept as sums: the mean is exact, the median is not kept")
    return attrs.evolve(
        blank, rate=mean, mean=mean, engagements=engagements, base=base, notes=notes
    )


_POST_KINDS: Final = frozenset(_FIELDS)


def _relevant(kind: InteractionKind) -> bool:
    return kind in _POST_KINDS or kind.family is InteractionFamily.CONTENT


def posts_from_interactions(interactions: Iterable[Interaction]) -> list[PostMetrics]:
    """Group an interaction log into posts by `content_id`, oldest first.

    Each distinct `content_id` is one post. Its counts are the sums of its likes, comments,
    shares, saves, views, impressions and reach records; a kind with no record counts 0 (a
    log records events; hidden counts are said with `PostMetrics(likes=None)`). A post's
    `published_at` is the time of its content record (post, reel...), else of its earliest
    record. Other kinds (clicks, conversions, relationship touch-points) say nothing about a
    post's engagement and are not read.

    Args:
        interactions: Interactions, in any order.

    Returns:
        One `PostMetrics` per content id, ordered by `published_at`, then id.

    Raises:
        ValidationError: For an item that is not an `Interaction`, or a content, like,
            comment, share, save, view, impression or reach record without a `content_id`
            (the path names its index).

    Examples:
        >>> from datetime import datetime, timezone
        >>> from nanokit import Interaction
        >>> at = datetime(2026, 5, 3, tzinfo=timezone.utc)
        >>> log = [
        ...     Interaction(id="e1", occurred_at=at, influencer_id="i", kind="post", content_id="p1"),
        ...     Interaction(id="e2", occurred_at=at, influencer_id="i", kind="like", count=340,
        ...                 content_id="p1"),
        ... ]
        >>> [(post.content_id, post.likes, post.comments) for post in posts_from_interactions(log)]
        [('p1', 340, 0)]
    """
    return _group_posts(interactions, "interactions")


def _group_posts(interactions: Iterable[Interaction], name: str) -> list[PostMetrics]:
    counts: dict[str, dict[InteractionKind, int]] = {}
    published: dict[str, dt.datetime] = {}
    first: dict[str, dt.datetime] = {}
    ranks: dict[str, int] = {}
    for index, event in enumerate(interactions):
        instance_arg(event, Interaction, f"{name}[{index}]")
        if not _relevant(event.kind):
            continue
        key = event.content_id
        if key is None:
            raise ValidationError(
                f"a {event.kind.value} record ({event.id!r}) names no content_id; engagement "
                "per post needs each post's records tied to its id",
                path=f"{name}[{index}].content_id",
            )
        tally = counts.setdefault(key, {})
        if event.kind in _POST_KINDS:
            tally[event.kind] = tally.get(event.kind, 0) + event.count
        else:
            seen = published.get(key)
            published[key] = event.occurred_at if seen is None else min(seen, event.occurred_at)
        seen = first.get(key)
        first[key] = event.occurred_at if seen is None else min(seen, event.occurred_at)
        ranks[key] = max(ranks.get(key, 0), RANK[event.provenance])
    posts = [
        PostMetrics(
            content_id=key,
            published_at=published.get(key, first[key]),
            provenance=WEAKEST[ranks[key]],
            **{field: tally.get(kind, 0) for kind, field in _FIELDS.items()},
        )
        for key, tally in counts.items()
    ]
    posts.sort(key=lambda post: (post.published_at, post.content_id))
    return posts


def measure_engagement(
    posts_or_interactions: Iterable[PostMetrics] | Iterable[Interaction],
    audience: Audience | None,
    definition: EngagementDefinition = DEFAULT,
) -> Engagement:
    """The engagement rate of one account's posts, by a named definition.

    Posts are used in time order when every post is dated (else as given, oldest first) and
    cut to the definition's window (the last N). Interactions are grouped into posts first
    (see [`posts_from_interactions`][nanokit.kpi.engagement.posts_from_interactions]).

    Args:
        posts_or_interactions: `PostMetrics`, or `Interaction`s of one influencer.
        audience: The account's audience snapshot: its followers are the base of a follower
            definition and are checked against the definition's minimum. `None` when unknown
            (a follower-based rate is then unavailable).
        definition: How to compute the rate; nanokit's default when omitted.

    Returns:
        The [`Engagement`][nanokit.kpi.engagement.Engagement]: rate, mean, median, posts
        used, and why it may be undefined, unavailable or low-confidence.

    Raises:
        ValidationError: For a mix of posts and interactions, interactions of several
            influencers or of another platform than the audience's, records without a
            `content_id`, or arguments of the wrong type.

    Examples:
        >>> from datetime import datetime, timezone
        >>> from nanokit import Audience
        >>> from nanokit.kpi.definitions import CREATORIQ, MODASH_INSTAGRAM
        >>> audience = Audience("instagram", 2_077, datetime(2026, 5, 1, tzinfo=timezone.utc))
        >>> posts = [PostMetrics(likes=n) for n in (40, 57, 300)]
        >>> result = measure_engagement(posts, audience, MODASH_INSTAGRAM)
        >>> f"{result.rate:.2%}", f"{result.mean:.2%}", result.low_confidence
        ('2.74%', '6.37%', False)
        >>> measure_engagement(posts, audience, CREATORIQ).unavailable
        ('comments', 'shares', 'saves', 'views')
        >>> measure_engagement([PostMetrics(likes=5, comments=1, shares=0, saves=0)],
        ...                    Audience("instagram", 0, audience.measured_at)).rate is None
        True
    """
    definition = instance_arg(definition, EngagementDefinition, "definition")
    if audience is not None:
        instance_arg(audience, Audience, "audience")
    if isinstance(posts_or_interactions, (str, bytes)) or not isinstance(
        posts_or_interactions, Iterable
    ):
        raise ValidationError(
            f"expected a list of PostMetrics or Interaction, got {c.describe(posts_or_interactions)}",
            path="posts_or_interactions",
        )
    items = list(posts_or_interactions)
    notes: list[str] = []
    if items and all(isinstance(item, Interaction) for item in items):
        events: list[Interaction] = items  # type: ignore[assignment]
        _check_one_account(events, audience)
        posts = _group_posts(events, "posts_or_interactions")
    else:
        for index, item in enumerate(items):
            if not isinstance(item, PostMetrics):
                raise ValidationError(
                    f"expected PostMetrics (or only Interactions), got {c.describe(item)}",
                    path=f"posts_or_interactions[{index}]",
                )
        posts = items  # type: ignore[assignment]
    provenance = Provenance.MEASURED
    if audience is not None:
        if definition.platforms and audience.platform not in definition.platforms:
            meant = ", ".join(platform.value for platform in definition.platforms)
            notes.append(
                f"the {definition.name} definition is meant for {meant}, used here on "
                f"{audience.platform.value}"
            )
        if definition.base is EngagementBase.FOLLOWERS:
            provenance = audience.provenance
    followers = None if audience is None else audience.followers
    used = _window(posts, definition)
    return _summarise(
        [(post, followers) for post in used],
        definition,
        posts_available=len(posts),
        provenance=provenance,
        notes=notes,
    )


def _check_one_account(events: Sequence[Interaction], audience: Audience | None) -> None:
    first = events[0].influencer_id
    for index, event in enumerate(events):
        if event.influencer_id != first:
            raise ValidationError(
                f"interactions of {first!r} and {event.influencer_id!r}: an engagement rate "
                "measures one account, so pass one influencer's interactions",
                path=f"posts_or_interactions[{index}].influencer_id",
            )
        if (
            audience is not None
            and event.platform is not None
            and event.platform is not audience.platform
        ):
            raise ValidationError(
                f"a {event.platform.value} interaction ({event.id!r}) measured against a "
                f"{audience.platform.value} audience; pass the audience of the account it "
                "happened on",
                path=f"posts_or_interactions[{index}].platform",
            )
