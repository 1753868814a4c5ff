"""Engagement-rate definitions as data: which kinds count, over which base, how aggregated.

The field's biggest complaint is that every tool computes engagement rate differently. An
[`EngagementDefinition`][nanokit.kpi.definitions.EngagementDefinition] names one way of
doing it and cites where it comes from; every
[`Engagement`][nanokit.kpi.engagement.Engagement] says which definition produced it.

Presets (see `DEFINITIONS`): [`NANOKIT`][nanokit.kpi.definitions.NANOKIT] (nanokit's
default, also `DEFAULT`), [`GRIN`][nanokit.kpi.definitions.GRIN],
[`HYPEAUDITOR_INSTAGRAM`][nanokit.kpi.definitions.HYPEAUDITOR_INSTAGRAM],
[`HYPEAUDITOR_TIKTOK`][nanokit.kpi.definitions.HYPEAUDITOR_TIKTOK],
[`MODASH_INSTAGRAM`][nanokit.kpi.definitions.MODASH_INSTAGRAM],
[`CAPTIV8`][nanokit.kpi.definitions.CAPTIV8], [`CREATORIQ`][nanokit.kpi.definitions.CREATORIQ]
and [`BY_REACH`][nanokit.kpi.definitions.BY_REACH].

**Mean** is the ratio of totals over the posts used: total engagements divided by the total
base. With a follower base every post has the same denominator, so this is exactly the
average of the per-post rates (2,190 engagements / 3 posts / 8,000 followers = 9.125%). With
a per-post base (reach, impressions, views) each post weighs as much as its base, the way
vendors divide total engagements by total impressions; and it needs only sums, so it streams.
**Median** is the middle per-post rate (the mean of the two middle ones for an even count).

Examples:
    >>> from nanokit.kpi.definitions import DEFAULT, DEFINITIONS, MODASH_INSTAGRAM
    >>> DEFAULT.name, DEFAULT.base.value, DEFAULT.aggregate.value
    ('nanokit', 'followers', 'mean')
    >>> [kind.value for kind in MODASH_INSTAGRAM.kinds], MODASH_INSTAGRAM.aggregate.value
    (['like'], 'median')
    >>> sorted(DEFINITIONS)[:3]
    ['by-reach', 'captiv8', 'creatoriq']
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, Final, cast

import attrs

from nanokit.exceptions import ValidationError
from nanokit.model import _checks as c
from nanokit.model.enums import InteractionKind, Platform

__all__ = [
    "BY_REACH",
    "CAPTIV8",
    "CREATORIQ",
    "DEFAULT",
    "DEFINITIONS",
    "ENGAGEMENT_KINDS",
    "GRIN",
    "HYPEAUDITOR_INSTAGRAM",
    "HYPEAUDITOR_TIKTOK",
    "MODASH_INSTAGRAM",
    "NANOKIT",
    "Aggregate",
    "EngagementBase",
    "EngagementDefinition",
    "definition_named",
]

_K = InteractionKind

ENGAGEMENT_KINDS: Final = (_K.LIKE, _K.COMMENT, _K.SHARE, _K.SAVE)
"""The interaction kinds an engagement-rate definition may count, in canonical order."""


class EngagementBase(str, enum.Enum):
    """The denominator of an engagement rate.

    Examples:
        >>> EngagementBase("views").per_post
        True
        >>> EngagementBase.FOLLOWERS.per_post
        False
    """

    FOLLOWERS = "followers"
    """The account's followers (the same for every post)."""
    REACH = "reach"
    """Unique accounts that saw each post."""
    IMPRESSIONS = "impressions"
    """Times each post was shown."""
    VIEWS = "views"
    """Views (plays) of each post."""

    @property
    def per_post(self) -> bool:
        """Whether each post carries its own base (reach, impressions, views)."""
        return self is not EngagementBase.FOLLOWERS

    @property
    def kind(self) -> InteractionKind | None:
        """The interaction kind that records this base, or `None` for followers."""
        return _BASE_KINDS[self]


_BASE_KINDS: Final[dict[EngagementBase, InteractionKind | None]] = {
    EngagementBase.FOLLOWERS: None,
    EngagementBase.REACH: _K.REACH,
    EngagementBase.IMPRESSIONS: _K.IMPRESSION,
    EngagementBase.VIEWS: _K.VIEW,
}


class Aggregate(str, enum.Enum):
    """How per-post figures become one rate.

    Examples:
        >>> Aggregate("median").streamable
        False
    """

    MEAN = "mean"
    """Total engagements over the total base of the posts used (see the module docs)."""
    MEDIAN = "median"
    """The middle per-post rate."""

    @property
    def streamable(self) -> bool:
        """Whether sums alone give it (a mean does; a median needs every post)."""
        return self is Aggregate.MEAN


def _to_kinds(value: object) -> object:
    """Lossless: kinds (or their string values) become a tuple in canonical order.

    A set of kinds has no order, so sorting loses nothing; anything that is not a list of
    engagement kinds is left for the validator to report.
    """
    items = c.to_tuple(value)
    if not isinstance(items, tuple):
        return value
    kinds = [c.to_interaction_kind(item) if isinstance(item, str) else item for item in items]
    if all(kind in ENGAGEMENT_KINDS for kind in kinds):
        return tuple(sorted(kinds, key=ENGAGEMENT_KINDS.index))
    return tuple(kinds)


def _check_kinds(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    allowed = ", ".join(kind.value for kind in ENGAGEMENT_KINDS)
    if not isinstance(value, tuple) or not value:
        raise c.fail(instance, attribute, f"name at least one of {allowed}; got {value!r}")
    for index, kind in enumerate(value):
        if kind not in ENGAGEMENT_KINDS:
            raise ValidationError(
                f"an engagement rate counts {allowed}; got {c.describe(kind)}",
                path=f"{c.where(instance, attribute)}[{index}]",
            )
    if len(set(value)) != len(value):
        raise c.fail(instance, attribute, "lists a kind twice; name each kind once")


def _to_base(value: EngagementBase | str) -> EngagementBase:
    return c.to_enum(EngagementBase, value)


def _to_aggregate(value: Aggregate | str) -> Aggregate:
    return c.to_enum(Aggregate, value)


def _to_platforms(value: Iterable[Platform | str]) -> tuple[Platform, ...]:
    items = c.to_tuple(value)
    if not isinstance(items, tuple):
        return cast(tuple[Platform, ...], items)
    return tuple(c.to_enum(Platform, item) for item in items)


@attrs.frozen
class EngagementDefinition:
    """One named, cited way of computing an engagement rate.

    Args:
        name: A short, unique name such as `"hypeauditor-instagram"`.
        source: Where the definition comes from, in words a person can check.
        kinds: The interaction kinds counted as engagements: likes, comments, shares, saves.
        base: The denominator: followers, reach, impressions or views.
        aggregate: Mean (total over total) or median of the per-post rates.
        window: Use only the last `window` posts (HypeAuditor: 12 on Instagram), or `None`
            for every post given.
        minimum_posts: Fewer posts than this makes the result low-confidence.
        minimum_followers: Fewer followers than this makes the result low-confidence (Traackr
            computes no rate under 2,000 followers); 0 for no minimum.
        platforms: The platforms the definition is meant for; empty for any. Using it
            elsewhere is allowed and noted on the result.

    Raises:
        ValidationError: For an empty name or source, a kind that is not an engagement, a
            kind listed twice, a window or minimum below 1, or a negative follower minimum.

    Examples:
        >>> mine = EngagementDefinition(
        ...     name="likes-by-views", source="our dashboard", kinds=["like"], base="views"
        ... )
        >>> mine.kinds, mine.aggregate.value
        ((<InteractionKind.LIKE: 'like'>,), 'mean')
        >>> EngagementDefinition(name="x", source="y", kinds=["click"], base="views")
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: EngagementDefinition.kinds[0]: an engagement rate counts like, comment, share, save; got InteractionKind <InteractionKind.CLICK: 'click'>
    """

    name: str = attrs.field(validator=c.text(max_length=100))
    """A short, unique name; results carry it."""
    source: str = attrs.field(validator=c.text(max_length=2000))
    """Where the definition comes from."""
    kinds: tuple[InteractionKind, ...] = attrs.field(converter=_to_kinds, validator=_check_kinds)
    """The kinds counted as engagements, in canonical order (like, comment, share, save)."""
    base: EngagementBase = attrs.field(converter=_to_base, validator=c.enum_of(EngagementBase))
    """The denominator."""
    aggregate: Aggregate = attrs.field(
        default=Aggregate.MEAN, converter=_to_aggregate, validator=c.enum_of(Aggregate)
    )
    """Mean (total over total) or median of per-post rates."""
    window: int | None = attrs.field(default=None, validator=c.optional(c.count(minimum=1)))
    """Only the last `window` posts count; `None` for all."""
    minimum_posts: int = attrs.field(default=1, validator=c.count(minimum=1))
    """Fewer posts than this flags the result as low-confidence."""
    minimum_followers: int = attrs.field(default=0, validator=c.count())
    """Fewer followers than this flags the result as low-confidence."""
    platforms: tuple[Platform, ...] = attrs.field(
        default=(), converter=_to_platforms, validator=c.items(c.enum_of(Platform))
    )
    """The platforms the definition is meant for; empty for any."""

    @property
    def streamable(self) -> bool:
        """Whether sums alone give this rate (a mean over every post, no window).

        Examples:
            >>> NANOKIT.streamable, MODASH_INSTAGRAM.streamable, HYPEAUDITOR_INSTAGRAM.streamable
            (True, False, False)
        """
        return self.aggregate.streamable and self.window is None

    def describe(self) -> str:
        """The formula in words.

        Examples:
            >>> NANOKIT.describe()
            '(likes + comments + shares + saves) / followers, mean per post'
            >>> HYPEAUDITOR_TIKTOK.describe()
            '(likes + comments + shares) / views, mean per post, last 30 posts'
        """
        names = " + ".join(f"{kind.value}s" for kind in self.kinds)
        top = f"({names})" if len(self.kinds) > 1 else names
        text = f"{top} / {self.base.value}, {self.aggregate.value} per post"
        if self.window is not None:
            text += f", last {self.window} posts"
        return text


_ALL = ENGAGEMENT_KINDS

NANOKIT: Final = EngagementDefinition(
    name="nanokit",
    source=(
        "nanokit's default (DOMAIN.md, worked example): likes + comments + shares + saves "
        "over followers, averaged per post: 2,190 / 3 posts / 8,000 followers = 9.1%. "
        "Fewer than 3 posts is flagged low-confidence (nanokit's choice)."
    ),
    kinds=_ALL,
    base=EngagementBase.FOLLOWERS,
    minimum_posts=3,
)
"""nanokit's default: (likes + comments + shares + saves) / followers, mean per post; fewer
than 3 posts is low-confidence."""

DEFAULT: Final = NANOKIT
"""The definition used when none is named: [`NANOKIT`][nanokit.kpi.definitions.NANOKIT]."""

GRIN: Final = EngagementDefinition(
    name="grin",
    source="GRIN: engagement rate = (likes + comments) / followers.",
    kinds=(_K.LIKE, _K.COMMENT),
    base=EngagementBase.FOLLOWERS,
)
"""GRIN: (likes + comments) / followers."""

HYPEAUDITOR_INSTAGRAM: Final = EngagementDefinition(
    name="hypeauditor-instagram",
    source=(
        "HypeAuditor, Instagram: (likes + comments) / followers over the last 12 posts. "
        "Fewer than 12 posts is not the number HypeAuditor shows, so it is low-confidence."
    ),
    kinds=(_K.LIKE, _K.COMMENT),
    base=EngagementBase.FOLLOWERS,
    window=12,
    minimum_posts=12,
    platforms=(Platform.INSTAGRAM,),
)
"""HypeAuditor Instagram: (likes + comments) / followers, last 12 posts."""

HYPEAUDITOR_TIKTOK: Final = EngagementDefinition(
    name="hypeauditor-tiktok",
    source=(
        "HypeAuditor, TikTok: (likes + comments + shares) / views over the last 30 posts. "
        "Fewer than 30 posts is low-confidence."
    ),
    kinds=(_K.LIKE, _K.COMMENT, _K.SHARE),
    base=EngagementBase.VIEWS,
    window=30,
    minimum_posts=30,
    platforms=(Platform.TIKTOK,),
)
"""HypeAuditor TikTok: (likes + comments + shares) / views, last 30 posts."""

MODASH_INSTAGRAM: Final = EngagementDefinition(
    name="modash-instagram",
    source="Modash, Instagram: median likes per post / followers.",
    kinds=(_K.LIKE,),
    base=EngagementBase.FOLLOWERS,
    aggregate=Aggregate.MEDIAN,
    platforms=(Platform.INSTAGRAM,),
)
"""Modash Instagram: median likes / followers."""

CAPTIV8: Final = EngagementDefinition(
    name="captiv8",
    source=(
        "Captiv8: engagements / impressions (its Instagram nano benchmark, 6.23%, is by "
        "impressions). nanokit counts likes, comments, shares and saves as the engagements."
    ),
    kinds=_ALL,
    base=EngagementBase.IMPRESSIONS,
)
"""Captiv8: (likes + comments + shares + saves) / impressions."""

CREATORIQ: Final = EngagementDefinition(
    name="creatoriq",
    source="CreatorIQ: (likes + comments + shares + saves) / views.",
    kinds=_ALL,
    base=EngagementBase.VIEWS,
)
"""CreatorIQ: (likes + comments + shares + saves) / views."""

BY_REACH: Final = EngagementDefinition(
    name="by-reach",
    source=(
        "nanokit: (likes + comments + shares + saves) / reach, the share of the people "
        "reached who engaged."
    ),
    kinds=_ALL,
    base=EngagementBase.REACH,
)
"""By reach: (likes + comments + shares + saves) / reach."""

DEFINITIONS: Final[dict[str, EngagementDefinition]] = {
    definition.name: definition
    for definition in (
        NANOKIT,
        GRIN,
        HYPEAUDITOR_INSTAGRAM,
        HYPEAUDITOR_TIKTOK,
        MODASH_INSTAGRAM,
        CAPTIV8,
        CREATORIQ,
        BY_REACH,
    )
}
"""Every preset by name, the default first."""


def definition_named(name: str) -> EngagementDefinition:
    """Return the preset called `name` (as a command line or a config file names it).

    Args:
        name: A preset's name, such as `"grin"`.

    Returns:
        The preset.

    Raises:
        ValidationError: When no preset has that name; the message lists the names.

    Examples:
        >>> definition_named("creatoriq").base.value
        'views'
        >>> definition_named("vendor-x")
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: definition: no engagement-rate definition is named 'vendor-x'; known: nanokit, grin, hypeauditor-instagram, hypeauditor-tiktok, modash-instagram, captiv8, creatoriq, by-reach
    """
    found = DEFINITIONS.get(name) if isinstance(name, str) else None
    if found is None:
        raise ValidationError(
            f"no engagement-rate definition is named {name!r}; known: {', '.join(DEFINITIONS)}",
            path="definition",
        )
    return found
