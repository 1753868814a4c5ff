"""Audience snapshots: a dated measurement of one account's audience.

Examples:
    >>> from datetime import datetime, timezone
    >>> from nanokit import Audience, Demographics, Platform, Provenance
    >>> audience = Audience(
    ...     platform=Platform.INSTAGRAM,
    ...     followers=8_000,
    ...     measured_at=datetime(2026, 5, 1, tzinfo=timezone.utc),
    ...     avg_likes=633,
    ...     avg_comments=47,
    ...     posts_sampled=12,
    ...     demographics=Demographics(countries={"US": 0.6, "CA": 0.2}),
    ... )
    >>> audience.followers, audience.avg_likes, audience.provenance.value
    (8000, 633.0, 'measured')
    >>> audience.demographics.countries
    (('CA', 0.2), ('US', 0.6))
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from nanokit.exceptions import ValidationError
from nanokit.model import _checks as c
from nanokit.model.enums import Platform, Provenance

__all__ = ["Audience", "Demographics", "Shares"]

Shares = tuple[tuple[str, float], ...]
"""Shares of an audience by key, as sorted `(key, share)` pairs: `(("CA", 0.2), ("US", 0.6))`."""

_SUM_TOLERANCE = 1e-9


def _to_shares(value: object) -> object:
    """Lossless: a mapping or pairs become sorted `(key, float)` pairs."""
    if isinstance(value, Mapping):
        pairs: Iterable[Any] = value.items()
    elif isinstance(value, (list, tuple)):
        pairs = value
    else:
        return value
    result = []
    for pair in pairs:
        if not (isinstance(pair, (list, tuple)) and len(pair) == 2):
            return value
        key, share = pair
        result.append((key, c.to_float(share)))
    try:
        return tuple(sorted(result, key=lambda kv: str(kv[0])))
    except TypeError:  # pragma: no cover - keys of mixed types; the check reports them
        return tuple(result)


def _check_shares(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    path = c.where(instance, attribute)
    if not isinstance(value, tuple):
        raise ValidationError(
            f"expected shares by key such as {{'US': 0.4}}, got {c.describe(value)}", path=path
        )
    seen: set[str] = set()
    for key, share in value:
        if not isinstance(key, str) or not key.strip() or len(key) > 100:
            raise ValidationError(f"expected a non-empty key, got {c.describe(key)}", path=path)
        if key in seen:
            raise ValidationError(f"{key!r} appears twice", path=f"{path}.{key}")
        seen.add(key)
        if isinstance(share, bool) or not isinstance(share, float) or not 0 <= share <= 1:
            raise ValidationError(
                f"must be a share in [0, 1] (0.4 for 40%), got {c.describe(share)}",
                path=f"{path}.{key}",
            )
    total = math.fsum(share for _, share in value)
    if total > 1 + _SUM_TOLERANCE:
        raise ValidationError(f"shares add up to {total:.6g}; at most 1 is possible", path=path)


@attrs.frozen
class Demographics:
    """Who is in an audience, as shares in [0, 1] that add up to at most 1 per dimension.

    The rest, up to 1, is unknown. Keys are free text: ISO country codes for countries,
    bands such as `"18-24"` for ages, and whatever gender labels the source uses.

    Args:
        countries: Share of the audience by country, e.g. `{"US": 0.6, "CA": 0.2}`.
        age_bands: Share by age band, e.g. `{"18-24": 0.5}`.
        genders: Share by gender, e.g. `{"female": 0.7, "male": 0.28}`.

    Raises:
        ValidationError: For a share outside [0, 1], a duplicate or empty key, or shares
            summing to more than 1.

    Examples:
        >>> Demographics(genders={"female": 0.7, "male": 0.28}).genders
        (('female', 0.7), ('male', 0.28))
        >>> Demographics(countries={"US": 0.8, "CA": 0.3})
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: Demographics.countries: shares add up to 1.1; at most 1 is possible
    """

    countries: Shares = attrs.field(default=(), converter=_to_shares, validator=_check_shares)
    """Share of the audience by ISO country code."""
    age_bands: Shares = attrs.field(default=(), converter=_to_shares, validator=_check_shares)
    """Share of the audience by age band such as `"18-24"`."""
    genders: Shares = attrs.field(default=(), converter=_to_shares, validator=_check_shares)
    """Share of the audience by gender label."""


@attrs.frozen
class Audience:
    """A dated snapshot of one account's audience.

    Averages are per post over `posts_sampled` posts; an average that is unknown (hidden
    like counts, say) is `None`, never `0`. `provenance` says whether the figures were
    measured, estimated or self-reported.

    Args:
        platform: The platform of the account.
        followers: Followers at `measured_at`.
        measured_at: When the snapshot was taken (timezone-aware).
        avg_likes: Average likes per post, or `None` when unknown or hidden.
        avg_comments: Average comments per post, or `None`.
        avg_shares: Average shares per post, or `None`.
        avg_saves: Average saves per post, or `None`.
        avg_views: Average views per post, or `None`.
        posts_sampled: How many posts the averages cover, or `None` when unknown.
        demographics: Who the audience is, when known.
        suspicious_follower_share: Share of followers flagged as fake or inactive, in [0, 1].
        provenance: Whether the figures were measured, estimated or self-reported.

    Raises:
        ValidationError: For a negative or non-integer follower count, a naive datetime,
            a negative or non-finite average, or a share outside [0, 1].

    Examples:
        >>> from datetime import datetime, timezone
        >>> Audience(Platform.TIKTOK, -5, datetime(2026, 1, 1, tzinfo=timezone.utc))
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: Audience.followers: must be at least 0, got -5
    """

    platform: Platform = attrs.field(converter=c.to_platform, validator=c.enum_of(Platform))
    """The platform of the account."""
    followers: int = attrs.field(validator=c.count())
    """Followers at `measured_at`."""
    measured_at: dt.datetime = attrs.field(validator=c.aware_datetime)
    """When the snapshot was taken (timezone-aware)."""
    avg_likes: float | None = attrs.field(
        default=None, converter=c.optional_float, validator=c.optional(c.non_negative_number)
    )
    """Average likes per post; `None` when unknown or hidden."""
    avg_comments: float | None = attrs.field(
        default=None, converter=c.optional_float, validator=c.optional(c.non_negative_number)
    )
    """Average comments per post; `None` when unknown."""
    avg_shares: float | None = attrs.field(
        default=None, converter=c.optional_float, validator=c.optional(c.non_negative_number)
    )
    """Average shares per post; `None` when unknown."""
    avg_saves: float | None = attrs.field(
        default=None, converter=c.optional_float, validator=c.optional(c.non_negative_number)
    )
    """Average saves per post; `None` when unknown."""
    avg_views: float | None = attrs.field(
        default=None, converter=c.optional_float, validator=c.optional(c.non_negative_number)
    )
    """Average views (plays) per post; `None` when unknown."""
    posts_sampled: int | None = attrs.field(default=None, validator=c.optional(c.count()))
    """How many posts the averages cover; `None` when unknown."""
    demographics: Demographics | None = attrs.field(
        default=None, validator=c.optional(c.instance_of(Demographics))
    )
    """Who the audience is, when known."""
    suspicious_follower_share: float | None = attrs.field(
        default=None, converter=c.optional_float, validator=c.optional(c.share)
    )
    """Share of followers flagged as fake or inactive, in [0, 1]; `None` when unknown."""
    provenance: Provenance = attrs.field(
        default=Provenance.MEASURED,
        converter=c.to_provenance,
        validator=c.enum_of(Provenance),
    )
    """Whether these figures were measured, estimated or self-reported."""
