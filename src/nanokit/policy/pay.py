"""Fair pay: per-post rate bands by tier, offer assessment and rate suggestions.

A [`PayPolicy`][nanokit.policy.pay.PayPolicy] holds a per-post
[`MoneyRange`][nanokit.MoneyRange] for each tier and, optionally, a multiplier per content
format. [`assess_offer`][nanokit.policy.pay.assess_offer] says whether an offer (cash,
product, fees) is below, inside or above the fair range, and why;
[`suggest_rate`][nanokit.policy.pay.suggest_rate] places a rate inside the range by the
account's engagement rate relative to a cited benchmark
([`RateBenchmarks`][nanokit.policy.pay.RateBenchmarks]).

Examples:
    >>> from nanokit import Compensation, Money, ProductGift, Tier
    >>> from nanokit.policy.pay import assess_offer, fair_pay_range
    >>> str(fair_pay_range(Tier.NANO, posts=3))
    '$60.00 - $600.00'
    >>> offer = Compensation(product=ProductGift("Starter kit", Money("45")), cash_per_post=Money("60"))
    >>> assessment = assess_offer(offer, Tier.NANO, posts=3)
    >>> assessment.verdict.value, assessment.per_post
    ('fair', Money('75', 'USD'))
"""

from __future__ import annotations

import decimal
import enum
from decimal import Decimal
from typing import Any, Final

import attrs

from nanokit._args import count_arg, enum_arg, instance_arg, tier_arg
from nanokit.exceptions import CurrencyMismatchError, ValidationError
from nanokit.model import _checks as c
from nanokit.model.audience import Audience
from nanokit.model.deal import Compensation
from nanokit.model.enums import ContentFormat, InteractionKind, Platform, Provenance, Tier
from nanokit.money import Money, MoneyRange
from nanokit.policy import tiers

__all__ = [
    "HYPEAUDITOR_2026_BENCHMARKS",
    "HYPEAUDITOR_FORMATS",
    "IMH",
    "INBEAT",
    "INBEAT_BENCHMARKS",
    "INBEAT_WITH_FORMATS",
    "FormatMultiplier",
    "OfferAssessment",
    "OfferVerdict",
    "PayPolicy",
    "RateBenchmarks",
    "RateSuggestion",
    "assess_offer",
    "audience_engagement_rate",
    "fair_pay_range",
    "suggest_rate",
]

_RATIO = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)

# The four per-post averages of an Audience that an engagement rate may count.
_AVERAGES: Final[dict[InteractionKind, str]] = {
    InteractionKind.LIKE: "avg_likes",
    InteractionKind.COMMENT: "avg_comments",
    InteractionKind.SHARE: "avg_shares",
    InteractionKind.SAVE: "avg_saves",
}
_PLURAL: Final[dict[InteractionKind, str]] = {
    InteractionKind.LIKE: "likes",
    InteractionKind.COMMENT: "comments",
    InteractionKind.SHARE: "shares",
    InteractionKind.SAVE: "saves",
}


# -- format multipliers -----------------------------------------------------------------------


def _positive_factor(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise c.fail(
            instance,
            attribute,
            f"expected a factor as a string or Decimal such as '1.40', got {c.describe(value)}",
        )
    if value <= 0 or value > 1000:
        raise c.fail(instance, attribute, f"must be above 0 and at most 1000, got {value}")


@attrs.frozen
class FormatMultiplier:
    """How much more (or less) one content format is worth than the base per-post band.

    The band's low end is multiplied by `low` and its high end by `high`, so a video that
    HypeAuditor says earns "40-50% more than a photo" is `FormatMultiplier("video", "1.40",
    "1.50")`.

    Args:
        content_format: The format the factors apply to.
        low: The factor for the band's low end, as a string or Decimal (`"1.40"`).
        high: The factor for the band's high end, at least `low`.

    Raises:
        ValidationError: For a factor that is not a positive finite Decimal (floats are
            refused: pass `"1.4"`), or `high` below `low`.

    Examples:
        >>> FormatMultiplier("video", "1.40", "1.50").high
        Decimal('1.50')
        >>> FormatMultiplier("video", "1.5", "1.4")
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: FormatMultiplier.high: must not be below low (1.5), got 1.4
    """

    content_format: ContentFormat = attrs.field(
        converter=c.to_content_format, validator=c.enum_of(ContentFormat)
    )
    """The content format the factors apply to."""
    low: Decimal = attrs.field(converter=c.decimal_value, validator=_positive_factor)
    """The factor applied to the low end of the band."""
    high: Decimal = attrs.field(converter=c.decimal_value, validator=_positive_factor)
    """The factor applied to the high end of the band (at least `low`)."""

    @high.validator
    def _check_order(self, attribute: attrs.Attribute[Any], value: Decimal) -> None:
        if value < self.low:
            raise c.fail(self, attribute, f"must not be below low ({self.low}), got {value}")


# -- pay policies -----------------------------------------------------------------------------


def _band(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, MoneyRange):
        raise c.fail(
            instance,
            attribute,
            f"expected a MoneyRange such as MoneyRange(Money('20'), Money('200')), "
            f"got {c.describe(value)}",
        )
    if value.low.amount < 0:
        raise c.fail(instance, attribute, f"a pay band cannot start below zero, got {value}")
    nano: MoneyRange = instance.nano
    if attribute.name == "nano":
        return
    if value.currency != nano.currency:
        raise c.fail(
            instance,
            attribute,
            f"is in {value.currency} but nano is in {nano.currency}: one policy, one currency",
        )
    previous = _PREVIOUS[attribute.name]
    before: MoneyRange = getattr(instance, previous)
    if value.low < before.low:
        raise c.fail(
            instance,
            attribute,
            f"starts at {value.low}, below {previous} ({before.low}): bands do not fall "
            "from nano to mega",
        )


_PREVIOUS: Final = {"micro": "nano", "mid": "micro", "macro": "mid", "mega": "macro"}


def _to_multipliers(value: object) -> object:
    """Lossless: a list becomes a tuple sorted by format; a mapping of pairs is accepted."""
    items = value
    if isinstance(value, dict):
        items = [
            pair if isinstance(pair, FormatMultiplier) else FormatMultiplier(fmt, *pair)
            for fmt, pair in value.items()
        ]
    items = c.to_tuple(items)
    if isinstance(items, tuple) and all(isinstance(i, FormatMultiplier) for i in items):
        return tuple(sorted(items, key=lambda m: m.content_format.value))
    return items


def _check_multipliers(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    c.items(c.instance_of(FormatMultiplier))(instance, attribute, value)
    seen: set[ContentFormat] = set()
    for multiplier in value:  # type: ignore[attr-defined]
        if multiplier.content_format in seen:
            raise c.fail(
                instance,
                attribute,
                f"{multiplier.content_format.value} has two multipliers; give one per format",
            )
        seen.add(multiplier.content_format)


@attrs.frozen
class PayPolicy:
    """A named, cited per-post pay band for each tier, and optional format multipliers.

    Bands are per post, in one currency, and their low ends never fall from nano to mega.
    A format without a multiplier is priced at the base band (factor 1): the base is the
    photo post the sources price.

    Args:
        name: A short name such as `"inBeat"`.
        source: Where the bands come from, in words a person can check.
        nano: The per-post band of a nano influencer.
        micro: The per-post band of a micro influencer.
        mid: The per-post band of a mid-tier influencer.
        macro: The per-post band of a macro influencer.
        mega: The per-post band of a mega influencer (usually open-ended).
        format_multipliers: Factors per content format over the base band.

    Raises:
        ValidationError: For an empty name or source, a band that is not a `MoneyRange`,
            starts below zero, is in another currency than nano's, or starts below the
            previous tier's band; or two multipliers for one format.

    Examples:
        >>> from nanokit import Money, MoneyRange
        >>> flat = PayPolicy("flat", "a test", *[MoneyRange(Money("50"), Money("100"))] * 5)
        >>> str(flat.range_for("mega"))
        '$50.00 - $100.00'
        >>> PayPolicy("bad", "a test", MoneyRange(Money("50")), MoneyRange(Money("10")),
        ...           *[MoneyRange(Money("60"))] * 3)
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: PayPolicy.micro: starts at $10.00, below nano ($50.00): bands do not fall from nano to mega
    """

    name: str = attrs.field(validator=c.text(max_length=200))
    """A short name for the policy."""
    source: str = attrs.field(validator=c.text(max_length=2000))
    """Where the bands come from."""
    nano: MoneyRange = attrs.field(validator=_band)
    """Per-post band of a nano influencer."""
    micro: MoneyRange = attrs.field(validator=_band)
    """Per-post band of a micro influencer."""
    mid: MoneyRange = attrs.field(validator=_band)
    """Per-post band of a mid-tier influencer."""
    macro: MoneyRange = attrs.field(validator=_band)
    """Per-post band of a macro influencer."""
    mega: MoneyRange = attrs.field(validator=_band)
    """Per-post band of a mega influencer."""
    format_multipliers: tuple[FormatMultiplier, ...] = attrs.field(
        default=(), converter=_to_multipliers, validator=_check_multipliers
    )
    """Factors per content format over the base band, one per format at most."""

    @property
    def currency(self) -> str:
        """The currency of every band."""
        return self.nano.currency

    def multiplier(self, content_format: ContentFormat | str) -> FormatMultiplier | None:
        """The multiplier for `content_format`, or `None` when it is priced at the base band.

        Examples:
            >>> INBEAT_WITH_FORMATS.multiplier("reel").low, INBEAT.multiplier("reel")
            (Decimal('1.40'), None)
        """
        wanted = _format_arg(content_format)
        return next((m for m in self.format_multipliers if m.content_format is wanted), None)

    def range_for(
        self, tier: Tier | str, content_format: ContentFormat | str | None = None
    ) -> MoneyRange:
        """The per-post band for `tier`, adjusted for `content_format` when it has a multiplier.

        Args:
            tier: A `Tier` or its string value.
            content_format: The format of the post; `None` for the base band.

        Returns:
            The per-post range.

        Raises:
            ValidationError: For an unknown tier or format.

        Examples:
            >>> str(INBEAT_WITH_FORMATS.range_for("nano", "video"))
            '$28.00 - $300.00'
        """
        band: MoneyRange = getattr(self, tier_arg(tier).value)
        if content_format is None:
            return band
        multiplier = self.multiplier(content_format)
        if multiplier is None:
            return band
        high = None if band.high is None else band.high * multiplier.high
        return MoneyRange(band.low * multiplier.low, high)


def _usd(low: str, high: str | None = None) -> MoneyRange:
    return MoneyRange(Money(low), None if high is None else Money(high))


INBEAT: Final = PayPolicy(
    name="inBeat",
    source=(
        "inBeat (David Morneau), 'Everything You Need to Know About Nano Influencer "
        "Marketing', 2021: nano $20-$200 per post (citing Business of Apps); micro 'around "
        "$300' (the band $200-$500 is nanokit's reading, meeting the nano and mid bands); "
        "larger influencers '$1000+/post' (citing Later). The mid-tier band $500-$1,000 is "
        "nanokit's own interpolation between the guide's micro and larger figures; macro "
        "$1,000-$10,000 and mega $10,000 and up follow Influencer Marketing Hub's upper "
        "bands. nanokit's default. USD per photo post."
    ),
    nano=_usd("20", "200"),
    micro=_usd("200", "500"),
    mid=_usd("500", "1000"),
    macro=_usd("1000", "10000"),
    mega=_usd("10000"),
)
"""The seed guide's bands, nanokit's default: nano $20-200, micro $200-500, mid $500-1,000
(nanokit's interpolation), macro $1,000-10,000, mega $10,000 and up, per post."""

IMH: Final = PayPolicy(
    name="Influencer Marketing Hub",
    source=(
        "Influencer Marketing Hub, influencer rates per post: nano $10-$100, micro "
        "$100-$500, mid-tier $500-$5,000, macro $5,000-$10,000, mega $10,000+. USD per post."
    ),
    nano=_usd("10", "100"),
    micro=_usd("100", "500"),
    mid=_usd("500", "5000"),
    macro=_usd("5000", "10000"),
    mega=_usd("10000"),
)
"""Influencer Marketing Hub's bands: nano $10-100, micro $100-500, mid $500-5,000, macro
$5,000-10,000, mega $10,000 and up, per post."""

HYPEAUDITOR_FORMATS: Final = (
    FormatMultiplier(ContentFormat.VIDEO, "1.40", "1.50"),
    FormatMultiplier(ContentFormat.REEL, "1.40", "1.50"),
    FormatMultiplier(ContentFormat.SHORT, "1.40", "1.50"),
    FormatMultiplier(ContentFormat.CAROUSEL, "1.20", "1.30"),
    FormatMultiplier(ContentFormat.STORY_WITH_LINK, "1.10", "1.20"),
)
"""HypeAuditor's premiums over a photo post: video +40-50% (reels and shorts are video to
nanokit), carousel +20-30%, story with a link +10-20%."""

INBEAT_WITH_FORMATS: Final = attrs.evolve(
    INBEAT,
    name="inBeat with HypeAuditor formats",
    source=(
        INBEAT.source + " Format multipliers from HypeAuditor: video +40-50% over a photo "
        "post, carousel +20-30%, story with a link +10-20%; nanokit applies the video "
        "premium to reels and shorts too."
    ),
    format_multipliers=HYPEAUDITOR_FORMATS,
)
"""The inBeat bands with HypeAuditor's format premiums (an example of format multipliers)."""


def _format_arg(value: object, name: str = "content_format") -> ContentFormat:
    return enum_arg(ContentFormat, value, name)


def fair_pay_range(
    tier: Tier | str,
    *,
    posts: int = 1,
    content_format: ContentFormat | str | None = None,
    policy: PayPolicy = INBEAT,
) -> MoneyRange:
    """The fair pay for `posts` posts by an influencer of `tier`.

    The per-post band of the policy (adjusted by the format's multiplier, if the policy has
    one for it) times the number of posts.

    Args:
        tier: The influencer's tier.
        posts: How many posts (at least 1).
        content_format: The format of the posts; `None` for the base band.
        policy: The bands to use; defaults to [`INBEAT`][nanokit.policy.pay.INBEAT].

    Returns:
        The range for all the posts together.

    Raises:
        ValidationError: For an unknown tier or format, fewer than 1 post, or a policy that
            is not a `PayPolicy`.

    Examples:
        >>> str(fair_pay_range("micro"))
        '$200.00 - $500.00'
        >>> str(fair_pay_range("mega", posts=2))
        '$20,000.00 and up'
        >>> str(fair_pay_range("nano", posts=3, content_format="carousel", policy=INBEAT_WITH_FORMATS))
        '$72.00 - $780.00'
        >>> fair_pay_range("nano", posts=0)
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: posts: must be at least 1, got 0
    """
    policy = instance_arg(policy, PayPolicy, "policy")
    posts = count_arg(posts, "posts", minimum=1)
    return policy.range_for(tier, content_format) * posts


# -- offers -----------------------------------------------------------------------------------


class OfferVerdict(str, enum.Enum):
    """Where an offer sits against the fair range.

    Examples:
        >>> OfferVerdict("fair")
        <OfferVerdict.FAIR: 'fair'>
    """

    BELOW = "below"
    """Worth less than the low end of the range."""
    FAIR = "fair"
    """Inside the range, both ends included."""
    ABOVE = "above"
    """Worth more than the high end of the range."""


@attrs.frozen
class OfferAssessment:
    """The verdict on one offer, with its inputs and the reason in words.

    Examples:
        >>> from nanokit import Money
        >>> result = assess_offer(Money("900"), "micro", posts=3)
        >>> result.verdict.value, result.per_post, str(result.fair_range)
        ('fair', Money('300', 'USD'), '$200.00 - $500.00')
    """

    offer: Money | Compensation
    """What was offered: a total amount, or a `Compensation`."""
    tier: Tier
    """The influencer's tier."""
    posts: int
    """How many posts the offer is for."""
    content_format: ContentFormat | None
    """The format of the posts, when given."""
    value: Money
    """What the offer is worth up front for all posts (commissions are not counted)."""
    per_post: Money
    """`value` divided by `posts`."""
    fair_range: MoneyRange
    """The fair range per post."""
    total_range: MoneyRange
    """The fair range for all posts."""
    verdict: OfferVerdict
    """Below, inside (fair) or above the fair range."""
    reason: str
    """Why, in a sentence a person can read."""
    policy: PayPolicy = attrs.field(repr=False)
    """The pay policy the offer was judged by."""


def _offer_value(offer: object, posts: int, currency: str) -> tuple[Money, list[str]]:
    """The up-front value of an offer and the words that explain how it adds up."""
    if isinstance(offer, Money):
        if offer.amount < 0:
            raise ValidationError(f"an offer cannot be negative, got {offer}", path="offer")
        return offer, [f"{offer} for {_posts(posts)}"]
    if not isinstance(offer, Compensation):
        raise ValidationError(
            f"expected Money (a total) or a Compensation, got {c.describe(offer)}", path="offer"
        )
    parts = []
    if offer.cash_per_post is not None:
        parts.append(f"cash {offer.cash_per_post} x {_posts(posts)}")
    if offer.product is not None:
        parts.append(
            f"product {offer.product.description!r} worth {offer.product.retail_value} retail"
        )
    parts.extend(f"{fee.description} fee {fee.amount}" for fee in offer.fees)
    value = offer.fixed_value(posts, currency=currency)
    if not parts:
        return value, [f"nothing up front ({value}) for {_posts(posts)}"]
    if len(parts) == 1 and offer.cash_per_post is not None:
        return value, [f"{parts[0]} = {value}"]
    return value, [" + ".join(parts) + f" = {value} for {_posts(posts)}"]


def _posts(posts: int) -> str:
    return "1 post" if posts == 1 else f"{posts:,} posts"


def assess_offer(
    offer: Money | Compensation,
    tier: Tier | str,
    *,
    posts: int = 1,
    content_format: ContentFormat | str | None = None,
    policy: PayPolicy = INBEAT,
) -> OfferAssessment:
    """Judge an offer against the fair range of the influencer's tier.

    The offer is worth its cash for all posts plus the product's retail value plus fixed
    fees ([`Compensation.fixed_value`][nanokit.Compensation.fixed_value]). Affiliate
    commissions are not counted: they are paid only when sales or clicks happen, and the
    reason says so. A product-only offer inside the range is fair (earned media is a
    legitimate exchange); an offer worth nothing is below, and the reason says it relies on
    goodwill.

    Args:
        offer: A `Money` total for all posts, or a `Compensation`.
        tier: The influencer's tier.
        posts: How many posts the offer is for (at least 1).
        content_format: The format of the posts, for policies with format multipliers.
        policy: The bands to use; defaults to [`INBEAT`][nanokit.policy.pay.INBEAT].

    Returns:
        The assessment, with the verdict, the ranges, the offer per post and the reason.

    Raises:
        ValidationError: For a negative offer, something that is not `Money` or a
            `Compensation`, an unknown tier or format, or fewer than 1 post.
        CurrencyMismatchError: When the offer is not in the policy's currency.

    Examples:
        >>> from nanokit import Commission, Compensation, Money, ProductGift
        >>> print(assess_offer(Money("150"), "nano", posts=3).reason)
        $150.00 for 3 posts is $50.00 per post: inside the fair range of $20.00 - $200.00 per post for a nano influencer (inBeat), so the offer is fair.
        >>> gift = Compensation(product=ProductGift("Tote bag", Money("30")))
        >>> print(assess_offer(gift, "nano").reason)
        product 'Tote bag' worth $30.00 retail = $30.00 for 1 post is $30.00 per post: inside the fair range of $20.00 - $200.00 per post for a nano influencer (inBeat), so the offer is fair. A product-only offer is earned media: a legitimate exchange when the product is worth a fair rate.
        >>> affiliate = Compensation(commission=Commission(rate="0.15"), discount_code="MAYA15")
        >>> result = assess_offer(affiliate, "nano")
        >>> result.verdict.value
        'below'
        >>> print(result.reason)
        nothing up front ($0.00) for 1 post is $0.00 per post: below the fair range of $20.00 - $200.00 per post for a nano influencer (inBeat). Nothing is paid up front, so the offer relies on goodwill. The affiliate commission is not counted: it is paid only when sales or clicks happen.
    """
    policy = instance_arg(policy, PayPolicy, "policy")
    tier = tier_arg(tier)
    posts = count_arg(posts, "posts", minimum=1)
    fmt = None if content_format is None else _format_arg(content_format)
    value, words = _offer_value(offer, posts, policy.currency)
    if value.currency != policy.currency:
        raise CurrencyMismatchError(
            f"offer: the offer is in {value.currency} but pay policy {policy.name!r} is in "
            f"{policy.currency}; convert the offer first"
        )
    per_post_range = policy.range_for(tier, fmt)
    total_range = per_post_range * posts
    per_post = value / posts
    if value < total_range.low:
        verdict = OfferVerdict.BELOW
    elif total_range.high is not None and value > total_range.high:
        verdict = OfferVerdict.ABOVE
    else:
        verdict = OfferVerdict.FAIR
    where = {
        OfferVerdict.BELOW: "below",
        OfferVerdict.FAIR: "inside",
        OfferVerdict.ABOVE: "above",
    }[verdict]
    format_words = "" if fmt is None else f" {fmt.value}"
    sentence = (
        f"{words[0]} is {per_post} per post: {where} the fair range of {per_post_range} "
        f"per{format_words} post for a {tier.value} influencer ({policy.name})"
    )
    sentence += ", so the offer is fair." if verdict is OfferVerdict.FAIR else "."
    notes = [sentence]
    compensation = offer if isinstance(offer, Compensation) else None
    product_only = (
        compensation is not None
        and compensation.product is not None
        and compensation.cash_per_post is None
        and not compensation.fees
    )
    if not value:
        notes.append("Nothing is paid up front, so the offer relies on goodwill.")
    elif product_only and verdict is OfferVerdict.FAIR:
        notes.append(
            "A product-only offer is earned media: a legitimate exchange when the product "
            "is worth a fair rate."
        )
    if compensation is not None and compensation.commission is not None:
        notes.append(
            "The affiliate commission is not counted: it is paid only when sales or clicks happen."
        )
    return OfferAssessment(
        offer=offer,
        tier=tier,
        posts=posts,
        content_format=fmt,
        value=value,
        per_post=per_post,
        fair_range=per_post_range,
        total_range=total_range,
        verdict=verdict,
        reason=" ".join(notes),
        policy=policy,
    )


# -- engagement benchmarks and rate suggestions -----------------------------------------------


def _optional_fraction(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, Decimal) or not value.is_finite():
        raise c.fail(
            instance,
            attribute,
            f"expected a rate as a fraction such as '0.072' (7.2%), or None, got "
            f"{c.describe(value)}",
        )
    if not 0 < value <= 1:
        raise c.fail(
            instance, attribute, f"must be a fraction in (0, 1] (0.072 for 7.2%), got {value}"
        )


def _optional_decimal(value: object) -> object:
    return None if value is None else c.decimal_value(value)


def _to_kinds(value: object) -> object:
    items = c.to_tuple(value)
    if not isinstance(items, tuple):
        return items
    return tuple(c.to_interaction_kind(item) for item in items)


def _check_counted(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    allowed = ", ".join(repr(kind.value) for kind in _AVERAGES)
    if not isinstance(value, tuple) or not value:
        raise c.fail(instance, attribute, f"name at least one of {allowed}")
    for index, kind in enumerate(value):
        if kind not in _AVERAGES:
            raise ValidationError(
                f"expected one of {allowed}; got {c.describe(kind)}",
                path=f"{c.where(instance, attribute)}[{index}]",
            )
    if len(set(value)) != len(value):
        raise c.fail(instance, attribute, "names an engagement twice")


def _top_ratio(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or value <= 0 or value > 1000:
        raise c.fail(
            instance,
            attribute,
            f"expected a positive ratio such as '2' (twice the benchmark), got {c.describe(value)}",
        )


@attrs.frozen
class RateBenchmarks:
    """Engagement-rate benchmarks by tier, used to place a rate inside its pay band.

    An account's engagement rate is the sum of the per-post averages named in `counted`
    divided by its followers (the benchmark's own formula). It is placed on a straight line
    over the band: no engagement at the low end, `top_ratio` times the tier's benchmark (or
    more) at the high end; with the default `top_ratio` of 2, an account exactly at the
    benchmark gets the middle of the band.

    Args:
        name: A short name such as `"inBeat seed"`.
        source: Where the figures come from and what formula they use.
        platform: The platform the benchmarks were measured on.
        nano: The nano benchmark as a fraction (`"0.072"` for 7.2%), or `None` if unknown.
        micro: The micro benchmark, or `None`.
        mid: The mid-tier benchmark, or `None`.
        macro: The macro benchmark, or `None`.
        mega: The mega benchmark, or `None`.
        counted: The engagements the rate counts: some of `like`, `comment`, `share`, `save`.
        top_ratio: How many times the benchmark reaches the top of the band.

    Raises:
        ValidationError: For a benchmark outside (0, 1], a float (pass `"0.072"`), an empty
            or unknown `counted`, or a `top_ratio` that is not positive.

    Examples:
        >>> INBEAT_BENCHMARKS.for_tier("nano"), INBEAT_BENCHMARKS.for_tier("micro")
        (Decimal('0.072'), None)
        >>> RateBenchmarks("bad", "a test", "instagram", nano=7.2)
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: RateBenchmarks.nano: expected a rate as a fraction such as '0.072' (7.2%), or None, got float 7.2
    """

    name: str = attrs.field(validator=c.text(max_length=200))
    """A short name for the benchmarks."""
    source: str = attrs.field(validator=c.text(max_length=2000))
    """Where the figures come from, with their formula."""
    platform: Platform = attrs.field(converter=c.to_platform, validator=c.enum_of(Platform))
    """The platform the figures were measured on; other platforms have no benchmark."""
    nano: Decimal | None = attrs.field(
        default=None, converter=_optional_decimal, validator=_optional_fraction
    )
    """Nano benchmark engagement rate, a fraction; `None` when the source gives none."""
    micro: Decimal | None = attrs.field(
        default=None, converter=_optional_decimal, validator=_optional_fraction
    )
    """Micro benchmark engagement rate; `None` when the source gives none."""
    mid: Decimal | None = attrs.field(
        default=None, converter=_optional_decimal, validator=_optional_fraction
    )
    """Mid-tier benchmark engagement rate; `None` when the source gives none."""
    macro: Decimal | None = attrs.field(
        default=None, converter=_optional_decimal, validator=_optional_fraction
    )
    """Macro benchmark engagement rate; `None` when the source gives none."""
    mega: Decimal | None = attrs.field(
        default=None, converter=_optional_decimal, validator=_optional_fraction
    )
    """Mega benchmark engagement rate; `None` when the source gives none."""
    counted: tuple[InteractionKind, ...] = attrs.field(
        default=(InteractionKind.LIKE, InteractionKind.COMMENT),
        converter=_to_kinds,
        validator=_check_counted,
    )
    """The per-post engagements the rate counts, over followers."""
    top_ratio: Decimal = attrs.field(
        default=Decimal(2), converter=c.decimal_value, validator=_top_ratio
    )
    """The multiple of the benchmark that reaches the top of the band."""

    def for_tier(self, tier: Tier | str) -> Decimal | None:
        """The benchmark of `tier`, or `None` when the source gives none.

        Examples:
            >>> HYPEAUDITOR_2026_BENCHMARKS.for_tier(Tier.MEGA)
            Decimal('0.0033')
        """
        rate: Decimal | None = getattr(self, tier_arg(tier).value)
        return rate

    @property
    def formula(self) -> str:
        """The engagement-rate formula in words, e.g. `(likes + comments) / followers`.

        Examples:
            >>> INBEAT_BENCHMARKS.formula
            '(likes + comments) / followers'
        """
        return "(" + " + ".join(_PLURAL[kind] for kind in self.counted) + ") / followers"


INBEAT_BENCHMARKS: Final = RateBenchmarks(
    name="inBeat seed",
    source=(
        "inBeat (David Morneau), 'Everything You Need to Know About Nano Influencer "
        "Marketing', 2021: 'Instagram nano-influencers have a 7.2% engagement rate'. The "
        "guide gives no formula and no figure for other tiers; nanokit reads it as the usual "
        "Instagram (likes + comments) / followers. nanokit's default."
    ),
    platform=Platform.INSTAGRAM,
    nano="0.072",
)
"""The seed's Instagram nano benchmark of 7.2%, (likes + comments) / followers; no other
tier has a figure."""

HYPEAUDITOR_2026_BENCHMARKS: Final = RateBenchmarks(
    name="HypeAuditor 2026",
    source=(
        "HypeAuditor, State of Influencer Marketing 2026, Instagram engagement rate by tier, "
        "(likes + comments) / followers: nano 1.78%, micro 0.54%, mega 0.33%. Mid-tier and "
        "macro are not given here. HypeAuditor's tiers differ from inBeat's (micro runs to "
        "50,000)."
    ),
    platform=Platform.INSTAGRAM,
    nano="0.0178",
    micro="0.0054",
    mega="0.0033",
)
"""HypeAuditor 2026 Instagram benchmarks: nano 1.78%, micro 0.54%, mega 0.33%,
(likes + comments) / followers."""


def audience_engagement_rate(
    audience: Audience, *, benchmarks: RateBenchmarks = INBEAT_BENCHMARKS
) -> Decimal | None:
    """The account's engagement rate by the benchmarks' formula, or `None` when unavailable.

    The rate is the sum of the per-post averages named in `benchmarks.counted` divided by
    the follower count. It is unavailable (`None`), never zero, when any of those averages
    is unknown or when the account has no followers.

    Args:
        audience: The account's audience snapshot.
        benchmarks: Whose formula to use; defaults to
            [`INBEAT_BENCHMARKS`][nanokit.policy.pay.INBEAT_BENCHMARKS].

    Returns:
        The rate as a fraction (`Decimal('0.085')` for 8.5%), or `None`.

    Raises:
        ValidationError: For an argument of the wrong type.

    Examples:
        >>> from datetime import datetime, timezone
        >>> from nanokit import Audience
        >>> at = datetime(2026, 5, 1, tzinfo=timezone.utc)
        >>> audience_engagement_rate(Audience("instagram", 8_000, at, avg_likes=633, avg_comments=47))
        Decimal('0.085')
        >>> audience_engagement_rate(Audience("instagram", 8_000, at, avg_comments=47)) is None
        True
    """
    audience = instance_arg(audience, Audience, "audience")
    benchmarks = instance_arg(benchmarks, RateBenchmarks, "benchmarks")
    if _unknown(audience, benchmarks) or audience.followers == 0:
        return None
    total = sum(
        (Decimal(str(getattr(audience, _AVERAGES[kind]))) for kind in benchmarks.counted),
        Decimal(0),
    )
    return _RATIO.divide(total, Decimal(audience.followers)).normalize(_RATIO)


def _unknown(audience: Audience, benchmarks: RateBenchmarks) -> list[str]:
    return [
        _PLURAL[kind] for kind in benchmarks.counted if getattr(audience, _AVERAGES[kind]) is None
    ]


@attrs.frozen
class RateSuggestion:
    """A suggested per-post rate, with how it was placed and the reason in words.

    Examples:
        >>> from datetime import datetime, timezone
        >>> from nanokit import Audience
        >>> at = datetime(2026, 5, 1, tzinfo=timezone.utc)
        >>> s = suggest_rate(Audience("instagram", 8_000, at, avg_likes=633, avg_comments=47))
        >>> s.tier.value, s.engagement_rate, round(s.position, 4), s.rate
        ('nano', Decimal('0.085'), Decimal('0.5903'), Money('126.25', 'USD'))
    """

    audience: Audience
    """The audience the rate is for."""
    tier: Tier
    """The account's tier."""
    content_format: ContentFormat | None
    """The format the rate is for, when given."""
    fair_range: MoneyRange
    """The fair per-post range of the tier (and format)."""
    engagement_rate: Decimal | None
    """The account's engagement rate, or `None` when unavailable."""
    benchmark: Decimal | None
    """The tier's benchmark rate, or `None` when there is none for this tier or platform."""
    position: Decimal | None
    """Where in the range the rate sits, 0 (low end) to 1 (high end); `None` when the
    engagement rate could not be compared (the rate is then the midpoint) or the range is
    open-ended (the rate is then its low end)."""
    rate: Money
    """The suggested rate per post, rounded to the currency's minor unit."""
    reason: str
    """Why, in words."""
    policy: PayPolicy = attrs.field(repr=False)
    """The pay bands used."""
    benchmarks: RateBenchmarks = attrs.field(repr=False)
    """The engagement benchmarks used."""


_PLACE = decimal.Context(prec=120, rounding=decimal.ROUND_HALF_EVEN)


def _place(band: MoneyRange, position: Decimal) -> Money:
    """The amount at `position` (0 to 1) of a closed band, rounded to the minor unit, and
    never outside the band."""
    assert band.high is not None  # only closed bands are placed
    low, high = band.low.amount, band.high.amount
    exact = _PLACE.add(low, _PLACE.multiply(_PLACE.subtract(high, low), position))
    step = Decimal(1).scaleb(-band.low.minor_unit)
    rounded = exact.quantize(step, rounding=decimal.ROUND_HALF_EVEN, context=_PLACE)
    return Money(min(max(rounded, low), high), band.currency)


def _percent(rate: Decimal) -> str:
    shown = (rate * 100).quantize(Decimal("0.01"), rounding=decimal.ROUND_HALF_EVEN).normalize()
    return f"{shown:f}%"


def suggest_rate(
    audience: Audience,
    *,
    policy: PayPolicy = INBEAT,
    benchmarks: RateBenchmarks = INBEAT_BENCHMARKS,
    scheme: tiers.TierScheme = tiers.INBEAT,
    content_format: ContentFormat | str | None = None,
) -> RateSuggestion:
    """A per-post rate inside the tier's fair range, placed by engagement against a benchmark.

    The formula, with `ER` the account's [`audience_engagement_rate`][nanokit.policy.pay.audience_engagement_rate],
    `B` its tier's benchmark and `k` the benchmarks' `top_ratio` (2 by default):

        position = min(ER / (k x B), 1)
        rate = low + position x (high - low), rounded to the currency's minor unit

    So an account at the benchmark gets the middle of the band, one at twice the benchmark
    or more gets the top, one with no engagement the bottom. When the comparison is not
    possible (an average the formula needs is unknown, the account has no followers, the
    benchmarks give no figure for the tier, or they were measured on another platform), the
    rate is the middle of the band and the reason says why. An open-ended band (mega) has
    no middle or top: the rate is its low end.

    Args:
        audience: The account's audience snapshot.
        policy: The pay bands; defaults to [`INBEAT`][nanokit.policy.pay.INBEAT].
        benchmarks: The engagement benchmarks; defaults to
            [`INBEAT_BENCHMARKS`][nanokit.policy.pay.INBEAT_BENCHMARKS].
        scheme: The tier thresholds; defaults to
            [`tiers.INBEAT`][nanokit.policy.tiers.INBEAT].
        content_format: The format the rate is for, for policies with format multipliers.

    Returns:
        The suggestion, with the tier, range, rates compared, position and reason.

    Raises:
        ValidationError: For arguments of the wrong type, an unknown format, or an account
            below the scheme's minimum (it has no tier, so no band applies).

    Examples:
        >>> from datetime import datetime, timezone
        >>> from nanokit import Audience
        >>> at = datetime(2026, 5, 1, tzinfo=timezone.utc)
        >>> maya = Audience("instagram", 8_000, at, avg_likes=633, avg_comments=47)
        >>> print(suggest_rate(maya).reason)
        8,000 followers on instagram is nano (0 - 9,999 followers, inBeat). Engagement rate (likes + comments) / followers = 8.5%, 1.18 times the nano benchmark of 7.2% (inBeat seed); 2 times the benchmark or more earns the top of the band. Suggested rate: $126.25 per post, in the fair range of $20.00 - $200.00 (inBeat).
        >>> hidden = Audience("instagram", 8_000, at, avg_comments=47)
        >>> print(suggest_rate(hidden).reason)
        8,000 followers on instagram is nano (0 - 9,999 followers, inBeat). The engagement rate is unavailable: average likes unknown. Suggested rate: the middle of the band, $110.00 per post, in the fair range of $20.00 - $200.00 (inBeat).
    """
    audience = instance_arg(audience, Audience, "audience")
    policy = instance_arg(policy, PayPolicy, "policy")
    benchmarks = instance_arg(benchmarks, RateBenchmarks, "benchmarks")
    scheme = instance_arg(scheme, tiers.TierScheme, "scheme")
    fmt = None if content_format is None else _format_arg(content_format)
    tier = tiers.classify_tier(audience.followers, scheme)
    if tier is None:
        raise ValidationError(
            f"{audience.followers:,} followers is below the minimum of {scheme.minimum:,} of "
            f"tier scheme {scheme.name!r}: not an influencer under it, so no pay band applies",
            path="audience.followers",
        )
    band = policy.range_for(tier, fmt)
    words = [
        f"{audience.followers:,} followers on {audience.platform.value} is {tier.value} "
        f"({scheme.describe(tier)}, {scheme.name})"
        + (
            ""
            if audience.provenance is Provenance.MEASURED
            else f"; these figures are {audience.provenance.value.replace('_', '-')}"
        )
        + "."
    ]
    rate_value = audience_engagement_rate(audience, benchmarks=benchmarks)
    benchmark = benchmarks.for_tier(tier) if audience.platform is benchmarks.platform else None
    position: Decimal | None = None
    if rate_value is None:
        unknown = _unknown(audience, benchmarks)
        why = (
            f"average {' and '.join(unknown)} unknown"
            if unknown
            else "the account has no followers"
        )
        words.append(f"The engagement rate is unavailable: {why}.")
    elif benchmark is None:
        why = (
            f"the benchmarks ({benchmarks.name}) are for {benchmarks.platform.value}"
            if audience.platform is not benchmarks.platform
            else f"{benchmarks.name} gives no {tier.value} benchmark"
        )
        words.append(
            f"Engagement rate {benchmarks.formula} = {_percent(rate_value)}, but {why}, so "
            "there is nothing to compare it with."
        )
    else:
        ratio = _RATIO.divide(rate_value, benchmark)
        position = min(_RATIO.divide(ratio, benchmarks.top_ratio), Decimal(1))
        words.append(
            f"Engagement rate {benchmarks.formula} = {_percent(rate_value)}, "
            f"{ratio.quantize(Decimal('0.01'))} times the {tier.value} benchmark of "
            f"{_percent(benchmark)} ({benchmarks.name}); {benchmarks.top_ratio.normalize():f} "
            "times the benchmark or more earns the top of the band."
        )
    per = f"per {fmt.value} post" if fmt is not None else "per post"
    if band.high is None:
        rate = band.low
        position = None
        words.append(
            f"The band has no upper end, so the suggested rate is its low end: {rate} {per} "
            f"({band}, {policy.name})."
        )
    elif position is None:
        rate = _place(band, Decimal("0.5"))
        words.append(
            f"Suggested rate: the middle of the band, {rate} {per}, in the fair range of "
            f"{band} ({policy.name})."
        )
    else:
        rate = _place(band, position)
        words.append(f"Suggested rate: {rate} {per}, in the fair range of {band} ({policy.name}).")
    return RateSuggestion(
        audience=audience,
        tier=tier,
        content_format=fmt,
        fair_range=band,
        engagement_rate=rate_value,
        benchmark=benchmark,
        position=position,
        rate=rate,
        reason=" ".join(words),
        policy=policy,
        benchmarks=benchmarks,
    )
