"""Interactions: the timestamped log that ties influencers, campaigns and deals together.

An interaction belongs to one of three families (see
[`InteractionFamily`][nanokit.InteractionFamily]): relationship touch-points, content
published, and audience response. `count` says how many events the record stands for, so
one record can carry "340 likes on post X": counts add up, so a tool that reads cumulative
snapshots from a platform records the increase since the previous snapshot.

Examples:
    >>> from datetime import datetime, timezone
    >>> from nanokit import Interaction, InteractionKind, Money
    >>> at = datetime(2026, 5, 3, 18, 0, tzinfo=timezone.utc)
    >>> likes = Interaction(
    ...     id="ev-1", occurred_at=at, influencer_id="inf-maya", kind="like", count=340,
    ...     campaign_id="cmp-spring", content_id="post-1", platform="instagram",
    ... )
    >>> likes.kind.family.value, likes.count
    ('audience', 340)
    >>> sale = Interaction(
    ...     id="ev-2", occurred_at=at, influencer_id="inf-maya", kind=InteractionKind.CONVERSION,
    ...     value=Money("45.00"),
    ... )
    >>> sale.value
    Money('45.00', 'USD')
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

import attrs

from nanokit.model import _checks as c
from nanokit.model.enums import (
    Channel,
    Direction,
    InteractionFamily,
    InteractionKind,
    Platform,
    Provenance,
)
from nanokit.money import Money

__all__ = ["VALUED_KINDS", "Interaction"]

VALUED_KINDS: Final = frozenset(
    {InteractionKind.CONVERSION, InteractionKind.PAYMENT, InteractionKind.PRODUCT_SENT}
)
"""The kinds that may carry a `value`: the revenue of a conversion, the amount of a payment,
the retail value of product sent."""


@attrs.frozen
class Interaction:
    """One timestamped event in the log.

    Args:
        id: The event's identity.
        occurred_at: When it happened (timezone-aware).
        influencer_id: The influencer it concerns.
        kind: What happened.
        count: How many events this record stands for (at least 1).
        campaign_id: The campaign it belongs to, if any.
        deal_id: The deal it belongs to, if any.
        content_id: The piece of content it concerns (a post id), if any.
        value: Money attached: a conversion's revenue, a payment, product sent.
        direction: Inbound or outbound, for relationship touch-points only.
        channel: Email, direct message..., for relationship touch-points only.
        platform: The platform where it happened.
        hashtags: Hashtags a content interaction carried (for disclosure checks).
        provenance: Whether `count` and `value` were measured, estimated or self-reported.
        note: Free text.

    Raises:
        ValidationError: For a naive time, a count below 1, a value on a kind that cannot
            carry one, or a direction or channel on content or audience events.

    Examples:
        >>> from datetime import datetime, timezone
        >>> Interaction(id="e", occurred_at=datetime(2026, 5, 3, tzinfo=timezone.utc),
        ...             influencer_id="i", kind="like", count=0)
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: Interaction.count: must be at least 1, got 0
    """

    id: str = attrs.field(validator=c.identifier)
    """The event's identity."""
    occurred_at: dt.datetime = attrs.field(validator=c.aware_datetime)
    """When it happened."""
    influencer_id: str = attrs.field(validator=c.identifier)
    """The influencer it concerns."""
    kind: InteractionKind = attrs.field(
        converter=c.to_interaction_kind, validator=c.enum_of(InteractionKind)
    )
    """What happened."""
    count: int = attrs.field(default=1, validator=c.count(minimum=1))
    """How many events this record stands for."""
    campaign_id: str | None = attrs.field(default=None, validator=c.optional(c.identifier))
    """The campaign it belongs to."""
    deal_id: str | None = attrs.field(default=None, validator=c.optional(c.identifier))
    """The deal it belongs to."""
    content_id: str | None = attrs.field(default=None, validator=c.optional(c.identifier))
    """The piece of content it concerns."""
    value: Money | None = attrs.field(default=None, validator=c.optional(c.money()))
    """Money attached to the event: revenue, a payment, product value."""
    direction: Direction | None = attrs.field(
        default=None,
        converter=c.to_optional_direction,
        validator=c.optional(c.enum_of(Direction)),
    )
    """Inbound (from the influencer) or outbound (from the brand)."""
    channel: Channel | None = attrs.field(
        default=None,
        converter=c.to_optional_channel,
        validator=c.optional(c.enum_of(Channel)),
    )
    """How the touch-point happened."""
    platform: Platform | None = attrs.field(
        default=None,
        converter=c.to_optional_platform,
        validator=c.optional(c.enum_of(Platform)),
    )
    """The platform where it happened."""
    hashtags: tuple[str, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.hashtag)
    )
    """Hashtags a piece of content carried."""
    provenance: Provenance = attrs.field(
        default=Provenance.MEASURED,
        converter=c.to_provenance,
        validator=c.enum_of(Provenance),
    )
    """Whether the figures were measured, estimated or self-reported."""
    note: str = attrs.field(default="", validator=c.text(allow_empty=True, max_length=10_000))
    """Free text."""

    @value.validator
    def _check_value(self, attribute: attrs.Attribute[Any], value: Money | None) -> None:
        if value is not None and self.kind not in VALUED_KINDS:
            kinds = ", ".join(sorted(kind.value for kind in VALUED_KINDS))
            raise c.fail(self, attribute, f"a {self.kind.value} carries no value; only {kinds} do")

    @direction.validator
    def _check_direction(self, attribute: attrs.Attribute[Any], value: Direction | None) -> None:
        if value is not None and self.kind.family is not InteractionFamily.RELATIONSHIP:
            raise c.fail(
                self,
                attribute,
                f"a {self.kind.value} has no direction; direction is for relationship "
                "touch-points such as pitch, outreach and reply",
            )

    @channel.validator
    def _check_channel(self, attribute: attrs.Attribute[Any], value: Channel | None) -> None:
        if value is not None and self.kind.family is not InteractionFamily.RELATIONSHIP:
            raise c.fail(
                self,
                attribute,
                f"a {self.kind.value} has no channel; channel is for relationship touch-points",
            )

    @property
    def family(self) -> InteractionFamily:
        """The family of `kind`: relationship, content or audience."""
        return self.kind.family
