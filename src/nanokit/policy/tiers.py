"""Influencer tiers: which follower counts are nano, micro, mid, macro or mega.

Sources disagree on the thresholds, so each view is a [`TierScheme`][nanokit.policy.tiers.TierScheme]
preset that cites its source: [`INBEAT`][nanokit.policy.tiers.INBEAT] (the seed guide;
nanokit's default), [`HYPEAUDITOR`][nanokit.policy.tiers.HYPEAUDITOR] and
[`LATER`][nanokit.policy.tiers.LATER]. Intervals are half-open: a lower bound belongs to its
tier, so 10,000 followers is micro under every preset.

Examples:
    >>> from nanokit.policy.tiers import HYPEAUDITOR, INBEAT, Tier, classify_tier
    >>> classify_tier(9_999), classify_tier(10_000)
    (<Tier.NANO: 'nano'>, <Tier.MICRO: 'micro'>)
    >>> classify_tier(25_000, HYPEAUDITOR)
    <Tier.MICRO: 'micro'>
    >>> classify_tier(999, HYPEAUDITOR) is None  # below HypeAuditor's minimum of 1,000
    True
    >>> INBEAT.describe(Tier.MID)
    '20,000 - 99,999 followers'
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from nanokit._args import count_arg, instance_arg, tier_arg
from nanokit.exceptions import ValidationError
from nanokit.model import _checks as c
from nanokit.model.audience import Audience
from nanokit.model.enums import Platform, Tier
from nanokit.model.influencer import Influencer, SocialAccount

__all__ = [
    "HYPEAUDITOR",
    "INBEAT",
    "LATER",
    "SCHEMES",
    "Tier",
    "TierScheme",
    "classify_tier",
]

_NEXT: Final[dict[Tier, Tier | None]] = {
    Tier.NANO: Tier.MICRO,
    Tier.MICRO: Tier.MID,
    Tier.MID: Tier.MACRO,
    Tier.MACRO: Tier.MEGA,
    Tier.MEGA: None,
}


def _rises_above(previous: str) -> c.Validator:
    """A bound that must be strictly above the field `previous`."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: int) -> None:
        below = getattr(instance, previous)
        if value <= below:
            raise c.fail(
                instance,
                attribute,
                f"must be above {previous} ({below:,}), got {value:,}: the lower bounds of "
                "the tiers rise from nano to mega",
            )

    return check


@attrs.frozen
class TierScheme:
    """A named, cited set of follower thresholds: the lower bound of each tier.

    Nano starts at `minimum` (or 0); every other tier starts at its own bound and runs up to
    the next tier's bound, excluded. Bounds must rise strictly: `minimum < micro < mid <
    macro < mega`.

    Args:
        name: A short name such as `"inBeat"`.
        source: Where the thresholds come from, in words a person can check.
        micro: The fewest followers of a micro influencer.
        mid: The fewest followers of a mid-tier influencer.
        macro: The fewest followers of a macro influencer.
        mega: The fewest followers of a mega influencer.
        minimum: The fewest followers to count as an influencer at all; `None` for none.

    Raises:
        ValidationError: For an empty name or source, a bound that is not a whole number
            of at least 1, or bounds that do not rise.

    Examples:
        >>> mine = TierScheme("mine", "our agency's rate card", micro=5_000, mid=50_000,
        ...                   macro=250_000, mega=1_000_000, minimum=500)
        >>> mine.lower_bound(Tier.NANO), mine.upper_bound(Tier.NANO)
        (500, 5000)
        >>> TierScheme("bad", "typo", micro=10_000, mid=5_000, macro=100_000, mega=1_000_000)
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: TierScheme.mid: must be above micro (10,000), got 5,000: the lower bounds of the tiers rise from nano to mega
    """

    name: str = attrs.field(validator=c.text(max_length=200))
    """A short name for the scheme, such as `"inBeat"`."""
    source: str = attrs.field(validator=c.text(max_length=2000))
    """Where the thresholds come from."""
    micro: int = attrs.field(validator=c.count(minimum=1))
    """The fewest followers of a micro influencer (the end of nano, excluded)."""
    mid: int = attrs.field(validator=[c.count(minimum=1), _rises_above("micro")])
    """The fewest followers of a mid-tier influencer."""
    macro: int = attrs.field(validator=[c.count(minimum=1), _rises_above("mid")])
    """The fewest followers of a macro influencer."""
    mega: int = attrs.field(validator=[c.count(minimum=1), _rises_above("macro")])
    """The fewest followers of a mega influencer; mega has no upper bound."""
    minimum: int | None = attrs.field(default=None, validator=c.optional(c.count()))
    """The fewest followers to count as an influencer at all; `None` means no minimum."""

    @minimum.validator
    def _check_minimum(self, attribute: attrs.Attribute[Any], value: int | None) -> None:
        if value is not None and value >= self.micro:
            raise c.fail(
                self,
                attribute,
                f"must be below micro ({self.micro:,}), got {value:,}: nano runs from the "
                "minimum up to micro",
            )

    def lower_bound(self, tier: Tier | str) -> int:
        """The fewest followers in `tier` (included).

        Args:
            tier: A `Tier` or its string value.

        Returns:
            The lower bound; for nano, the scheme's minimum or 0.

        Raises:
            ValidationError: For something that is not a tier.

        Examples:
            >>> INBEAT.lower_bound("micro"), HYPEAUDITOR.lower_bound(Tier.NANO)
            (10000, 1000)
        """
        tier = tier_arg(tier)
        if tier is Tier.NANO:
            return self.minimum or 0
        bound: int = getattr(self, tier.value)
        return bound

    def upper_bound(self, tier: Tier | str) -> int | None:
        """The first follower count above `tier` (excluded), or `None` for mega.

        Args:
            tier: A `Tier` or its string value.

        Returns:
            The next tier's lower bound, or `None` when `tier` has no upper bound.

        Raises:
            ValidationError: For something that is not a tier.

        Examples:
            >>> INBEAT.upper_bound(Tier.MICRO), INBEAT.upper_bound(Tier.MEGA)
            (20000, None)
        """
        following = _NEXT[tier_arg(tier)]
        return None if following is None else self.lower_bound(following)

    @property
    def bounds(self) -> tuple[tuple[Tier, int], ...]:
        """Every tier with its lower bound, from nano to mega.

        Examples:
            >>> [(tier.value, low) for tier, low in LATER.bounds][:2]
            [('nano', 0), ('micro', 10000)]
        """
        return tuple((tier, self.lower_bound(tier)) for tier in Tier)

    def describe(self, tier: Tier | str) -> str:
        """The follower range of `tier` in words, for messages and reports.

        Args:
            tier: A `Tier` or its string value.

        Returns:
            Text such as `"10,000 - 19,999 followers"` or `"1,000,000 followers and up"`.

        Raises:
            ValidationError: For something that is not a tier.

        Examples:
            >>> INBEAT.describe("nano"), INBEAT.describe("mega")
            ('0 - 9,999 followers', '1,000,000 followers and up')
        """
        low, high = self.lower_bound(tier), self.upper_bound(tier)
        if high is None:
            return f"{low:,} followers and up"
        return f"{low:,} - {high - 1:,} followers"


INBEAT: Final = TierScheme(
    name="inBeat",
    source=(
        "inBeat (David Morneau), 'Everything You Need to Know About Nano Influencer "
        "Marketing', 2021, section 'What is considered a nano-influencer?': nano up to "
        "10,000 followers; micro 10,000-20,000; mid-tier 20,000-100,000; macro "
        "100,000-1m; mega 1m+. No minimum: 'The Rise of the Nano Influencer' notes that some "
        "require more than 1,000 followers but argues even the smallest accounts have "
        "influence. nanokit's default scheme."
    ),
    micro=10_000,
    mid=20_000,
    macro=100_000,
    mega=1_000_000,
)
"""The seed guide's tiers, nanokit's default: nano under 10,000, micro from 10,000, mid from
20,000, macro from 100,000, mega from 1,000,000; no minimum."""

HYPEAUDITOR: Final = TierScheme(
    name="HypeAuditor",
    source=(
        "HypeAuditor's influencer tiers: nano 1,000-10,000 followers, micro 10,000-50,000, "
        "mid-tier 50,000-500,000, macro 500,000-1,000,000, mega 1,000,000+; accounts under "
        "1,000 followers are not counted as influencers."
    ),
    micro=10_000,
    mid=50_000,
    macro=500_000,
    mega=1_000_000,
    minimum=1_000,
)
"""HypeAuditor's tiers: at least 1,000 followers; micro from 10,000, mid from 50,000, macro
from 500,000, mega from 1,000,000."""

LATER: Final = TierScheme(
    name="Later x Fohr",
    source=(
        "Later x Fohr influencer tiers: nano 0-10,000 followers, micro 10,000-100,000, "
        "mid-tier 100,000-500,000, macro 500,000-1,000,000, mega 1,000,000+."
    ),
    micro=10_000,
    mid=100_000,
    macro=500_000,
    mega=1_000_000,
)
"""Later x Fohr's tiers: micro from 10,000, mid from 100,000, macro from 500,000, mega from
1,000,000; no minimum."""

SCHEMES: Final = (INBEAT, HYPEAUDITOR, LATER)
"""Every preset scheme, the default first."""


def _platform(value: Platform | str) -> Platform:
    try:
        return Platform(value)
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in Platform)
        raise ValidationError(
            f"expected one of {allowed}; got {c.describe(value)}", path="platform"
        ) from None


def _followers_of(subject: object, platform: Platform | str | None) -> int:
    """The follower count to classify, from a count, an audience, an account or a person."""
    wanted = None if platform is None else _platform(platform)
    if isinstance(subject, Influencer):
        if wanted is None:
            account = subject.largest_account
        else:
            found = subject.account(wanted)
            if found is None:
                raise ValidationError(
                    f"influencer {subject.id!r} has no {wanted.value} account", path="platform"
                )
            account = found
        if account.audience is None:
            raise ValidationError(
                f"influencer {subject.id!r}: the {account.platform.value} account "
                f"{account.handle!r} has no audience snapshot, so its follower count is "
                "unknown; add an Audience to classify it",
                path="followers",
            )
        return account.audience.followers
    if isinstance(subject, (SocialAccount, Audience)):
        if wanted is not None and subject.platform is not wanted:
            raise ValidationError(
                f"asked for {wanted.value} but the {type(subject).__name__} is on "
                f"{subject.platform.value}",
                path="platform",
            )
        if isinstance(subject, Audience):
            return subject.followers
        if subject.audience is None:
            raise ValidationError(
                f"the {subject.platform.value} account {subject.handle!r} has no audience "
                "snapshot, so its follower count is unknown; add an Audience to classify it",
                path="followers",
            )
        return subject.audience.followers
    if wanted is not None:
        raise ValidationError(
            "platform picks an account of an Influencer; a follower count has none",
            path="platform",
        )
    return count_arg(subject, "followers")


def classify_tier(
    followers: int | Audience | SocialAccount | Influencer,
    scheme: TierScheme = INBEAT,
    *,
    platform: Platform | str | None = None,
) -> Tier | None:
    """The tier of a follower count, an audience, an account or an influencer.

    Intervals are half-open: a tier's lower bound belongs to it (10,000 is micro under
    [`INBEAT`][nanokit.policy.tiers.INBEAT]). An influencer is classified by their largest
    account, or by their largest account on `platform` when one is named.

    Args:
        followers: A follower count (a whole number of at least 0), an `Audience`, a
            `SocialAccount` with an audience, or an `Influencer`.
        scheme: The thresholds to use; defaults to the seed's
            [`INBEAT`][nanokit.policy.tiers.INBEAT].
        platform: For an influencer, the platform whose account to classify.

    Returns:
        The tier, or `None` when the count is below the scheme's minimum (not an
        influencer under that scheme).

    Raises:
        ValidationError: For a negative, non-integer or boolean count, an account whose
            follower count is unknown, an influencer without an account on `platform`, or a
            scheme that is not a `TierScheme`.

    Examples:
        >>> classify_tier(1_000_000), classify_tier(999_999)
        (<Tier.MEGA: 'mega'>, <Tier.MACRO: 'macro'>)
        >>> classify_tier(0), classify_tier(0, HYPEAUDITOR)
        (<Tier.NANO: 'nano'>, None)
        >>> classify_tier(60_000, LATER)
        <Tier.MICRO: 'micro'>
        >>> classify_tier(-1)
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: followers: must be at least 0, got -1
        >>> classify_tier(True)
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: followers: expected a whole number, got bool True
        >>> from datetime import datetime, timezone
        >>> from nanokit import Audience, Influencer, SocialAccount
        >>> at = datetime(2026, 5, 1, tzinfo=timezone.utc)
        >>> maya = Influencer(id="inf-maya", name="Maya", accounts=[
        ...     SocialAccount("instagram", "@maya", Audience("instagram", 8_000, at)),
        ...     SocialAccount("tiktok", "@maya", Audience("tiktok", 31_000, at)),
        ... ])
        >>> classify_tier(maya), classify_tier(maya, platform="instagram")
        (<Tier.MID: 'mid'>, <Tier.NANO: 'nano'>)
    """
    scheme = instance_arg(scheme, TierScheme, "scheme")
    count = _followers_of(followers, platform)
    if scheme.minimum is not None and count < scheme.minimum:
        return None
    if count >= scheme.mega:
        return Tier.MEGA
    if count >= scheme.macro:
        return Tier.MACRO
    if count >= scheme.mid:
        return Tier.MID
    if count >= scheme.micro:
        return Tier.MICRO
    return Tier.NANO
