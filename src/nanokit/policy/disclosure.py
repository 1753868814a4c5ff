"""Disclosure: a material connection must be disclosed, and content must carry the tag.

The FTC treats any compensation, a free product included, as a material connection that
the influencer must disclose, e.g. with `#ad`. [`disclosure_required`][nanokit.policy.disclosure.disclosure_required]
says whether a deal creates one; [`check_disclosure`][nanokit.policy.disclosure.check_disclosure]
says whether a published piece carries a disclosure hashtag (one of the policy's, such as
`#ad` or `#sponsored`, or one the campaign requires).

Examples:
    >>> from nanokit import Compensation, Deal, Money, ProductGift
    >>> from nanokit.policy.disclosure import disclosure_required
    >>> gifted = Deal("d-1", "c", "inf-maya", Compensation(product=ProductGift("Kit", Money("45"))))
    >>> disclosure_required(gifted)
    True
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from nanokit._args import instance_arg
from nanokit.exceptions import ValidationError
from nanokit.model import _checks as c
from nanokit.model.campaign import Campaign
from nanokit.model.deal import Deal
from nanokit.model.enums import InteractionFamily
from nanokit.model.interaction import Interaction

__all__ = [
    "FTC",
    "DisclosureCheck",
    "DisclosurePolicy",
    "check_disclosure",
    "disclosure_required",
]


def _at_least_one(instance: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if not value:
        raise c.fail(instance, attribute, "name at least one disclosure hashtag such as '#ad'")


@attrs.frozen
class DisclosurePolicy:
    """The hashtags that disclose a material connection.

    Hashtags compare without regard to case: `#Ad` discloses like `#ad`.

    Args:
        name: A short name.
        source: Where the list comes from.
        hashtags: The disclosure hashtags, each `#` and at least one character.

    Raises:
        ValidationError: For an empty list or a malformed hashtag.

    Examples:
        >>> DisclosurePolicy("strict", "our legal team", ["#ad"]).hashtags
        ('#ad',)
        >>> DisclosurePolicy("bad", "a typo", ["ad"])
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: DisclosurePolicy.hashtags[0]: expected a hashtag such as '#ad', got str 'ad'
    """

    name: str = attrs.field(validator=c.text(max_length=200))
    """A short name for the policy."""
    source: str = attrs.field(validator=c.text(max_length=2000))
    """Where the list comes from."""
    hashtags: tuple[str, ...] = attrs.field(
        converter=c.to_tuple, validator=[c.items(c.hashtag), _at_least_one]
    )
    """The hashtags that disclose a material connection."""


FTC: Final = DisclosurePolicy(
    name="FTC",
    source=(
        "US Federal Trade Commission, 'Disclosures 101 for Social Media Influencers' (2019): "
        "a free or discounted product is a material connection that must be disclosed; "
        "simple terms such as 'advertisement', 'ad' and 'sponsored' are fine, e.g. #ad or "
        "#sponsored."
    ),
    hashtags=("#ad", "#sponsored"),
)
"""The FTC's simple disclosure hashtags: `#ad` and `#sponsored`."""


def disclosure_required(deal: Deal) -> bool:
    """Whether a deal is a material connection the influencer must disclose.

    Any compensation counts: cash, fees, affiliate commission, and free product (its retail
    value is compensation). A deal that gives nothing at all is not one by compensation;
    note that other ties (family, employment) are material connections too, which nanokit
    cannot see.

    Args:
        deal: The deal.

    Returns:
        `True` when the deal gives the influencer anything.

    Raises:
        ValidationError: When `deal` is not a `Deal`.

    Examples:
        >>> from nanokit import Commission, Compensation, Deal
        >>> disclosure_required(Deal("d", "c", "i", Compensation(commission=Commission(rate="0.1"))))
        True
        >>> disclosure_required(Deal("d", "c", "i", Compensation()))
        False
    """
    deal = instance_arg(deal, Deal, "deal")
    return not deal.compensation.is_empty


@attrs.frozen
class DisclosureCheck:
    """Whether one published piece discloses, with the tags seen and the reason.

    Examples:
        >>> from datetime import datetime, timezone
        >>> post = Interaction(id="p", occurred_at=datetime(2026, 5, 1, tzinfo=timezone.utc),
        ...                    influencer_id="i", kind="post", hashtags=["#Ad", "#vegan"])
        >>> check_disclosure(post).found
        ('#Ad',)
    """

    content: Interaction
    """The content interaction checked."""
    disclosed: bool
    """Whether it carries at least one accepted disclosure hashtag."""
    found: tuple[str, ...]
    """The accepted disclosure hashtags it carries, as written."""
    accepted: tuple[str, ...]
    """Every hashtag that would have disclosed: the policy's and the campaign's."""
    missing_required: tuple[str, ...]
    """The campaign's required hashtags it does not carry."""
    reason: str
    """Why, in words."""


def check_disclosure(
    content: Interaction,
    *,
    campaign: Campaign | None = None,
    policy: DisclosurePolicy = FTC,
) -> DisclosureCheck:
    """Check that a published piece carries a disclosure hashtag.

    Accepted are the policy's hashtags (`#ad`, `#sponsored` under [`FTC`][nanokit.policy.disclosure.FTC])
    and the campaign's own required hashtags, compared without regard to case. The
    campaign's required hashtags it lacks are listed too. Give a campaign a disclosure tag
    of its own (say `#oatandemberpartner`) only if it reads as a disclosure: a plain brand
    tag does not tell the audience it is an ad.

    Args:
        content: A content interaction (post, story, reel, video, short, live, article).
        campaign: The campaign it was published for, if any.
        policy: The disclosure hashtags; defaults to [`FTC`][nanokit.policy.disclosure.FTC].

    Returns:
        The check, with what was found, what was missing and the reason.

    Raises:
        ValidationError: For an interaction that is not content (a like, a pitch), or
            arguments of the wrong type.

    Examples:
        >>> from datetime import date, datetime, timezone
        >>> from nanokit import Campaign, Interaction
        >>> spring = Campaign(id="c", brand="Oat & Ember", name="Spring", objective="ugc",
        ...                   media_kind="earned", start=date(2026, 4, 1),
        ...                   required_hashtags=["#oatandemberpartner"])
        >>> reel = Interaction(id="ev-9", occurred_at=datetime(2026, 4, 3, tzinfo=timezone.utc),
        ...                    influencer_id="inf-maya", kind="reel", hashtags=["#vegan", "#baking"])
        >>> result = check_disclosure(reel, campaign=spring)
        >>> result.disclosed
        False
        >>> print(result.reason)
        reel ev-9 by inf-maya carries no disclosure hashtag (#ad, #sponsored or #oatandemberpartner): the material connection is not disclosed. Missing required hashtags: #oatandemberpartner.
    """
    content = instance_arg(content, Interaction, "content")
    policy = instance_arg(policy, DisclosurePolicy, "policy")
    if campaign is not None:
        campaign = instance_arg(campaign, Campaign, "campaign")
    if content.family is not InteractionFamily.CONTENT:
        raise ValidationError(
            f"a {content.kind.value} is not published content; check a post, story, reel, "
            "video, short, live or article",
            path="content.kind",
        )
    required = () if campaign is None else campaign.required_hashtags
    accepted: list[str] = []
    for tag in (*policy.hashtags, *required):
        if tag.casefold() not in {seen.casefold() for seen in accepted}:
            accepted.append(tag)
    folded = {tag.casefold() for tag in accepted}
    carried = {tag.casefold() for tag in content.hashtags}
    found = tuple(tag for tag in content.hashtags if tag.casefold() in folded)
    missing = tuple(tag for tag in required if tag.casefold() not in carried)
    what = f"{content.kind.value} {content.id} by {content.influencer_id}"
    if found:
        reason = f"{what} discloses the connection with {', '.join(found)}."
    else:
        options = (
            accepted[0] if len(accepted) == 1 else ", ".join(accepted[:-1]) + " or " + accepted[-1]
        )
        reason = (
            f"{what} carries no disclosure hashtag ({options}): the material connection "
            "is not disclosed."
        )
    if missing:
        reason += f" Missing required hashtags: {', '.join(missing)}."
    return DisclosureCheck(
        content=content,
        disclosed=bool(found),
        found=found,
        accepted=tuple(accepted),
        missing_required=missing,
        reason=reason,
    )
