"""Loyalty: reward long-standing relationships with cash, ambassador standing and first dibs.

The seed says: "Give your best and longest-standing relationships first dibs on upcoming
campaigns. Consider replacing product exchange with small cash payments after a number of
successful campaigns with the same influencer." It gives no number, so the counts are a
[`LoyaltyPolicy`][nanokit.policy.loyalty.LoyaltyPolicy] with a documented default,
[`DEFAULT`][nanokit.policy.loyalty.DEFAULT]: cash after 3 successful deals, ambassador
standing after 6 spanning at least 180 days.

A *successful* deal is a completed one; it counts from the moment it was completed (the
last step of its history). Declined and cancelled deals never count, nor do deals
completed after `as_of` or deals with other influencers.

Examples:
    >>> from datetime import datetime, timezone
    >>> from nanokit import Compensation, Deal
    >>> from nanokit.policy.loyalty import loyalty_standing
    >>> done = [Deal(f"d{n}", "c", "inf-maya", Compensation(), status="completed") for n in range(3)]
    >>> standing = loyalty_standing("inf-maya", done, as_of=datetime(2026, 5, 1, tzinfo=timezone.utc))
    >>> standing.stage.value, standing.successful_deals, standing.cash_due
    ('loyal', 3, True)
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any, Final

import attrs

from nanokit._args import aware_arg, instance_arg, instances_arg
from nanokit.exceptions import ValidationError
from nanokit.model import _checks as c
from nanokit.model.deal import Compensation, Deal, ProductGift
from nanokit.model.enums import ContentFormat, DealStatus, Platform, Tier
from nanokit.model.influencer import Influencer
from nanokit.policy import pay as _pay
from nanokit.policy import tiers

__all__ = [
    "DEFAULT",
    "CompensationAdvice",
    "LoyaltyPolicy",
    "LoyaltyStage",
    "LoyaltyStanding",
    "first_dibs",
    "loyalty_standing",
    "recommend_compensation",
]


class LoyaltyStage(str, enum.Enum):
    """How far a relationship has come, ordered: new < returning < loyal < ambassador.

    Examples:
        >>> LoyaltyStage.NEW < LoyaltyStage.RETURNING < LoyaltyStage.LOYAL < LoyaltyStage.AMBASSADOR
        True
    """

    NEW = "new"
    """No successful deal yet."""
    RETURNING = "returning"
    """At least one successful deal, not yet enough for cash."""
    LOYAL = "loyal"
    """Enough successful deals that cash replaces product."""
    AMBASSADOR = "ambassador"
    """Many successful deals over a long time: first in line, cash, recognition."""

    @property
    def rank(self) -> int:
        """0 for new up to 3 for ambassador."""
        return _STAGE_RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, LoyaltyStage):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, LoyaltyStage):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, LoyaltyStage):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, LoyaltyStage):
            return NotImplemented
        return self.rank >= other.rank


_STAGE_RANK: Final[dict[LoyaltyStage, int]] = {stage: n for n, stage in enumerate(LoyaltyStage)}


def _not_below(previous: str) -> c.Validator:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: int) -> None:
        before = getattr(instance, previous)
        if value < before:
            raise c.fail(
                instance,
                attribute,
                f"must be at least {previous} ({before}), got {value}: each stage needs at "
                "least as many successful deals as the one before",
            )

    return check


@attrs.frozen
class LoyaltyPolicy:
    """How many successful deals (and how much time) each loyalty stage takes.

    Args:
        name: A short name.
        source: Where the numbers come from, or why they were chosen.
        returning_after: Successful deals to become *returning*.
        cash_after: Successful deals after which cash replaces product (*loyal*).
        ambassador_after: Successful deals for *ambassador* standing.
        ambassador_span_days: Days that must separate the first and the latest successful
            deal for *ambassador* standing.

    Raises:
        ValidationError: For counts that are not whole numbers of at least 1, counts that
            fall from one stage to the next, or a negative span.

    Examples:
        >>> strict = LoyaltyPolicy("strict", "our brand's rule", cash_after=5, ambassador_after=10)
        >>> strict.cash_after, strict.ambassador_span_days
        (5, 180)
        >>> LoyaltyPolicy("bad", "a typo", cash_after=6, ambassador_after=3)
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: LoyaltyPolicy.ambassador_after: must be at least cash_after (6), got 3: each stage needs at least as many successful deals as the one before
    """

    name: str = attrs.field(validator=c.text(max_length=200))
    """A short name for the policy."""
    source: str = attrs.field(validator=c.text(max_length=2000))
    """Where the numbers come from."""
    returning_after: int = attrs.field(default=1, validator=c.count(minimum=1))
    """Successful deals to become returning."""
    cash_after: int = attrs.field(
        default=3, validator=[c.count(minimum=1), _not_below("returning_after")]
    )
    """Successful deals after which cash replaces product."""
    ambassador_after: int = attrs.field(
        default=6, validator=[c.count(minimum=1), _not_below("cash_after")]
    )
    """Successful deals for ambassador standing."""
    ambassador_span_days: int = attrs.field(default=180, validator=c.count())
    """Days between the first and the latest successful deal for ambassador standing."""


DEFAULT: Final = LoyaltyPolicy(
    name="nanokit default",
    source=(
        "'The Rise of the Nano Influencer' (seed): 'Consider replacing product exchange with "
        "small cash payments after a number of successful campaigns with the same "
        "influencer' and 'Give your best and longest-standing relationships first dibs'. The "
        "seed gives no number: nanokit's documented choice is cash after 3 successful "
        "(completed) deals and ambassador standing after 6 spanning at least 180 days."
    ),
)
"""nanokit's documented default: returning after 1 successful deal, cash instead of product
after 3, ambassador after 6 spanning at least 180 days."""


@attrs.frozen
class LoyaltyStanding:
    """Where one relationship stands, with the counts behind it and the reason in words.

    Examples:
        >>> from datetime import datetime, timezone
        >>> s = loyalty_standing("inf-sam", [], as_of=datetime(2026, 5, 1, tzinfo=timezone.utc))
        >>> s.stage.value, s.cash_due, s.first_deal_at
        ('new', False, None)
    """

    influencer_id: str
    """The influencer."""
    as_of: dt.datetime
    """The moment the standing describes."""
    stage: LoyaltyStage
    """New, returning, loyal or ambassador."""
    successful_deals: int
    """Completed deals with this influencer, completed by `as_of`."""
    deal_ids: tuple[str, ...]
    """The ids of those deals, in order of completion (undated ones first, by id)."""
    undated_deals: int
    """How many of them have no history, so no completion date."""
    first_deal_at: dt.datetime | None
    """When the first dated successful deal was completed."""
    last_deal_at: dt.datetime | None
    """When the latest dated successful deal was completed."""
    span: dt.timedelta | None
    """Time from the first to the latest successful deal; `None` without a dated deal."""
    tenure: dt.timedelta | None
    """Time from the first successful deal to `as_of`; `None` without a dated deal."""
    cash_due: bool
    """Whether cash should now replace product."""
    reason: str
    """Why, in words."""
    policy: LoyaltyPolicy = attrs.field(repr=False)
    """The policy applied."""


def _deal_list(deals: Iterable[Deal]) -> list[Deal]:
    found = instances_arg(deals, Deal, "deals")
    seen: dict[str, int] = {}
    for index, deal in enumerate(found):
        if deal.id in seen:
            raise ValidationError(
                f"deal {deal.id!r} appears twice (also at index {seen[deal.id]}); pass one "
                "version of each deal",
                path=f"deals[{index}].id",
            )
        seen[deal.id] = index
    return found


def _completed_at(deal: Deal) -> dt.datetime | None:
    """When a completed deal was completed, or `None` without a history."""
    return deal.history[-1].at if deal.history else None


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _standing(
    influencer_id: str, deals: list[Deal], as_of: dt.datetime, policy: LoyaltyPolicy
) -> LoyaltyStanding:
    dated: list[tuple[dt.datetime, str]] = []
    undated: list[str] = []
    for deal in deals:
        if deal.influencer_id != influencer_id or deal.status is not DealStatus.COMPLETED:
            continue
        at = _completed_at(deal)
        if at is None:
            undated.append(deal.id)
        elif at <= as_of:
            dated.append((at, deal.id))
    dated.sort()
    count = len(dated) + len(undated)
    first = dated[0][0] if dated else None
    last = dated[-1][0] if dated else None
    span = None if first is None or last is None else last - first
    tenure = None if first is None else as_of - first
    needed_span = dt.timedelta(days=policy.ambassador_span_days)
    if count >= policy.ambassador_after and span is not None and span >= needed_span:
        stage = LoyaltyStage.AMBASSADOR
    elif count >= policy.cash_after:
        stage = LoyaltyStage.LOYAL
    elif count >= policy.returning_after:
        stage = LoyaltyStage.RETURNING
    else:
        stage = LoyaltyStage.NEW
    cash_due = count >= policy.cash_after

    words = f"{influencer_id} has {_plural(count, 'successful (completed) deal')}"
    if first is not None and last is not None and span is not None:
        words += (
            f", from {first.date().isoformat()} to {last.date().isoformat()} "
            f"({_plural(span.days, 'day')} apart)"
        )
    if undated:
        words += f"; {len(undated)} of them without a dated history, so their dates are unknown"
    words += f" as of {as_of.date().isoformat()}: {stage.value} ({policy.name})."
    if cash_due:
        words += f" Cash replaces product from {_plural(policy.cash_after, 'successful deal')} on."
    else:
        more = policy.cash_after - count
        words += f" Keep product for now: cash is due after {policy.cash_after} ({more} more)."
    if stage is not LoyaltyStage.AMBASSADOR:
        missing = []
        if count < policy.ambassador_after:
            missing.append(f"{policy.ambassador_after - count} more successful deals")
        if span is None or span < needed_span:
            missing.append(
                f"the first and latest dated deals at least {policy.ambassador_span_days} "
                "days apart"
            )
        words += (
            f" Ambassador standing needs {policy.ambassador_after} successful deals spanning "
            f"at least {policy.ambassador_span_days} days: {' and '.join(missing)}."
        )
    return LoyaltyStanding(
        influencer_id=influencer_id,
        as_of=as_of,
        stage=stage,
        successful_deals=count,
        deal_ids=tuple(sorted(undated)) + tuple(deal_id for _, deal_id in dated),
        undated_deals=len(undated),
        first_deal_at=first,
        last_deal_at=last,
        span=span,
        tenure=tenure,
        cash_due=cash_due,
        reason=words,
        policy=policy,
    )


def loyalty_standing(
    influencer_id: str,
    deals: Iterable[Deal],
    *,
    as_of: dt.datetime,
    policy: LoyaltyPolicy = DEFAULT,
) -> LoyaltyStanding:
    """Where the relationship with one influencer stands as of a moment.

    Counts the influencer's successful (completed) deals, completed at or before `as_of`;
    declined, cancelled and still-open deals and deals with other influencers are ignored.
    A completed deal without a history counts, but has no date: it adds to the count, not
    to the span or tenure.

    Args:
        influencer_id: The influencer's id.
        deals: Deals with any influencers; each id at most once.
        as_of: The moment to judge at (timezone-aware).
        policy: The stage thresholds; defaults to [`DEFAULT`][nanokit.policy.loyalty.DEFAULT].

    Returns:
        The standing: stage, counts, first and latest deal, span, tenure, whether cash is
        due, and the reason.

    Raises:
        ValidationError: For a naive `as_of`, something in `deals` that is not a `Deal`, a
            deal id that appears twice, or an empty influencer id.

    Examples:
        >>> from datetime import datetime, timezone
        >>> from nanokit import Compensation, Deal
        >>> def done(n, month):
        ...     at = datetime(2025, month, 1, tzinfo=timezone.utc)
        ...     deal = Deal(f"d{n}", "c", "inf-maya", Compensation())
        ...     for step in ("agreed", "in_progress", "delivered", "completed"):
        ...         deal = deal.advance(step, at=at)
        ...     return deal
        >>> deals = [done(n, month) for n, month in enumerate([1, 3, 5, 7, 9, 11])]
        >>> standing = loyalty_standing("inf-maya", deals, as_of=datetime(2026, 1, 1, tzinfo=timezone.utc))
        >>> standing.stage.value, standing.span.days, standing.tenure.days
        ('ambassador', 304, 365)
        >>> print(standing.reason)
        inf-maya has 6 successful (completed) deals, from 2025-01-01 to 2025-11-01 (304 days apart) as of 2026-01-01: ambassador (nanokit default). Cash replaces product from 3 successful deals on.
        >>> early = loyalty_standing("inf-maya", deals, as_of=datetime(2025, 6, 1, tzinfo=timezone.utc))
        >>> early.stage.value, early.successful_deals
        ('loyal', 3)
    """
    if not isinstance(influencer_id, str) or not influencer_id.strip():
        raise ValidationError(
            f"expected an influencer id, got {c.describe(influencer_id)}", path="influencer_id"
        )
    as_of = aware_arg(as_of, "as_of")
    policy = instance_arg(policy, LoyaltyPolicy, "policy")
    return _standing(influencer_id, _deal_list(deals), as_of, policy)


def first_dibs(
    influencers: Iterable[Influencer],
    deals: Iterable[Deal],
    *,
    as_of: dt.datetime,
    policy: LoyaltyPolicy = DEFAULT,
) -> list[Influencer]:
    """Rank influencers for the next campaign: the best, longest-standing relationships first.

    The order is by loyalty stage (ambassador first), then number of successful deals, then
    tenure (time since the first successful deal; none counts as zero), then id, so it is
    deterministic and does not depend on the order of the input. Call
    [`loyalty_standing`][nanokit.policy.loyalty.loyalty_standing] for each one to show why.

    Args:
        influencers: The candidates, each id at most once.
        deals: Deals with any influencers; each id at most once.
        as_of: The moment to judge at (timezone-aware).
        policy: The stage thresholds; defaults to [`DEFAULT`][nanokit.policy.loyalty.DEFAULT].

    Returns:
        The same influencers, reordered.

    Raises:
        ValidationError: For a naive `as_of`, items of the wrong type, or an influencer or
            deal id that appears twice.

    Examples:
        >>> from datetime import datetime, timezone
        >>> from nanokit import Compensation, Deal, Influencer, SocialAccount
        >>> people = [Influencer(id=i, name=i, accounts=[SocialAccount("x", "@" + i)]) for i in "abc"]
        >>> deals = [Deal("d1", "c", "c", Compensation(), status="completed")]
        >>> [i.id for i in first_dibs(people, deals, as_of=datetime(2026, 5, 1, tzinfo=timezone.utc))]
        ['c', 'a', 'b']
    """
    people = instances_arg(influencers, Influencer, "influencers")
    seen: set[str] = set()
    for index, person in enumerate(people):
        if person.id in seen:
            raise ValidationError(
                f"influencer {person.id!r} is listed twice", path=f"influencers[{index}].id"
            )
        seen.add(person.id)
    as_of = aware_arg(as_of, "as_of")
    policy = instance_arg(policy, LoyaltyPolicy, "policy")
    deal_list = _deal_list(deals)

    def key(person: Influencer) -> tuple[int, int, dt.timedelta, str]:
        standing = _standing(person.id, deal_list, as_of, policy)
        tenure = standing.tenure or dt.timedelta(0)
        return (-standing.stage.rank, -standing.successful_deals, -tenure, person.id)

    return sorted(people, key=key)


@attrs.frozen
class CompensationAdvice:
    """A recommended compensation for the next deal with one influencer, and why.

    Examples:
        >>> from datetime import datetime, timezone
        >>> from nanokit import Influencer, Money, ProductGift, SocialAccount
        >>> maya = Influencer(id="inf-maya", name="Maya", accounts=[SocialAccount("x", "@maya")])
        >>> advice = recommend_compensation(maya, [], as_of=datetime(2026, 5, 1, tzinfo=timezone.utc),
        ...                                 product=ProductGift("Starter kit", Money("45")))
        >>> advice.compensation.product.description, advice.compensation.cash_per_post
        ('Starter kit', None)
    """

    influencer_id: str
    """The influencer."""
    compensation: Compensation
    """The recommended compensation."""
    standing: LoyaltyStanding
    """The loyalty standing it follows from."""
    tier: Tier | None
    """The influencer's tier when the cash rate needed it, else `None`."""
    reason: str
    """Why, in words."""


_IN_PLACE: Final = frozenset(
    {DealStatus.AGREED, DealStatus.IN_PROGRESS, DealStatus.DELIVERED, DealStatus.COMPLETED}
)


def _latest_agreed(influencer_id: str, deals: list[Deal], as_of: dt.datetime) -> Deal | None:
    """The influencer's most recent agreed (or later) deal at `as_of`: its terms are in place."""
    candidates = [
        deal
        for deal in deals
        if deal.influencer_id == influencer_id
        and deal.status in _IN_PLACE
        and (deal.changed_at is None or deal.changed_at <= as_of)
    ]
    if not candidates:
        return None
    floor = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
    return max(candidates, key=lambda deal: (deal.changed_at or floor, deal.id))


def _affiliate_only(compensation: Compensation) -> Compensation:
    """The affiliate terms of `compensation` alone: commission, discount code, tracking link."""
    return Compensation(
        commission=compensation.commission,
        discount_code=compensation.discount_code,
        tracking_link=compensation.tracking_link,
    )


def _affiliate_words(compensation: Compensation) -> str:
    parts = []
    terms = compensation.commission
    if terms is not None:
        if terms.rate is not None:
            parts.append(f"{(terms.rate * 100).normalize():f}% of sales")
        if terms.per_sale is not None:
            parts.append(f"{terms.per_sale} per sale")
        if terms.per_click is not None:
            parts.append(f"{terms.per_click} per click")
    if compensation.discount_code is not None:
        parts.append(f"discount code {compensation.discount_code}")
    if compensation.tracking_link is not None:
        parts.append(f"tracking link {compensation.tracking_link}")
    return ", ".join(parts)


def recommend_compensation(
    influencer: Influencer,
    deals: Iterable[Deal],
    *,
    as_of: dt.datetime,
    loyalty: LoyaltyPolicy = DEFAULT,
    pay: _pay.PayPolicy = _pay.INBEAT,
    scheme: tiers.TierScheme = tiers.INBEAT,
    platform: Platform | str | None = None,
    content_format: ContentFormat | str | None = None,
    product: ProductGift | None = None,
) -> CompensationAdvice:
    """Recommend what to offer an influencer next, from the loyalty standing.

    * Until cash is due (a new or returning relationship), keep product: `product` if
      given, else the product of the latest deal in place with them.
    * Once cash is due (loyal or ambassador), a small cash payment per post: the low end of
      the tier's fair range (the seed's "small cash payments"). Product is replaced, unless
      `product` is passed explicitly, in which case it is kept next to the cash.
    * Affiliate terms already in place (commission, discount code, tracking link of the
      latest agreed, in-progress, delivered or completed deal) are kept either way.

    The result is a [`CompensationAdvice`][nanokit.policy.loyalty.CompensationAdvice]: the
    `Compensation` plus the standing and the reason in words.

    Args:
        influencer: The influencer.
        deals: Deals with any influencers; each id at most once.
        as_of: The moment to judge at (timezone-aware).
        loyalty: The stage thresholds; defaults to [`DEFAULT`][nanokit.policy.loyalty.DEFAULT].
        pay: The pay bands; defaults to [`pay.INBEAT`][nanokit.policy.pay.INBEAT].
        scheme: The tier thresholds; defaults to [`tiers.INBEAT`][nanokit.policy.tiers.INBEAT].
        platform: The platform whose account sets the tier; defaults to the largest account.
        content_format: The format of the posts, for pay policies with format multipliers.
        product: The product to offer; defaults to the product of the latest deal in place.

    Returns:
        The advice: compensation, standing, tier (when cash needed it) and reason.

    Raises:
        ValidationError: For arguments of the wrong type or a naive `as_of`; when product
            is due but none is known (pass `product=`); when cash is due but the tier is
            unknown (no audience on the account) or below the scheme's minimum.
        CurrencyMismatchError: When the affiliate terms kept are in another currency than
            the pay policy.

    Examples:
        >>> from datetime import datetime, timezone
        >>> from nanokit import Audience, Commission, Compensation, Deal, Influencer, Money
        >>> from nanokit import ProductGift, SocialAccount
        >>> at = datetime(2026, 5, 1, tzinfo=timezone.utc)
        >>> maya = Influencer(id="inf-maya", name="Maya", accounts=[
        ...     SocialAccount("instagram", "@maya", Audience("instagram", 8_000, at))])
        >>> terms = Compensation(product=ProductGift("Starter kit", Money("45")),
        ...                      commission=Commission(rate="0.15"), discount_code="MAYA15")
        >>> deals = [Deal(f"d{n}", "c", "inf-maya", terms, status="completed") for n in range(3)]
        >>> advice = recommend_compensation(maya, deals, as_of=at)
        >>> advice.compensation.cash_per_post, advice.compensation.product
        (Money('20', 'USD'), None)
        >>> print(advice.reason)
        inf-maya is loyal (3 successful deals): replace product with a small cash payment of $20.00 per post, the low end of the nano fair range $20.00 - $200.00 (inBeat). Affiliate terms kept: 15% of sales, discount code MAYA15.
    """
    influencer = instance_arg(influencer, Influencer, "influencer")
    as_of = aware_arg(as_of, "as_of")
    loyalty = instance_arg(loyalty, LoyaltyPolicy, "loyalty")
    pay = instance_arg(pay, _pay.PayPolicy, "pay")
    scheme = instance_arg(scheme, tiers.TierScheme, "scheme")
    if product is not None:
        product = instance_arg(product, ProductGift, "product")
    deal_list = _deal_list(deals)
    standing = _standing(influencer.id, deal_list, as_of, loyalty)
    latest = _latest_agreed(influencer.id, deal_list, as_of)
    kept = Compensation() if latest is None else latest.compensation
    fmt = None if content_format is None else _pay._format_arg(content_format)
    count = _plural(standing.successful_deals, "successful deal")
    tier: Tier | None = None
    if not standing.cash_due:
        gift = product or kept.product
        if gift is None:
            raise ValidationError(
                f"{influencer.id} is {standing.stage.value} ({count}), so the recommendation "
                "is product, but no product is known from an earlier deal; pass "
                "product=ProductGift(...)",
                path="product",
            )
        compensation = attrs.evolve(_affiliate_only(kept), product=gift)
        reason = (
            f"{influencer.id} is {standing.stage.value} ({count}): keep exchanging product, "
            f"{gift.description!r} worth {gift.retail_value} retail; cash is due after "
            f"{loyalty.cash_after} successful deals ({loyalty.name})."
        )
    else:
        tier = tiers.classify_tier(influencer, scheme, platform=platform)
        if tier is None:
            raise ValidationError(
                f"{influencer.id}'s account is below the minimum of tier scheme "
                f"{scheme.name!r}, so no pay band applies",
                path="influencer",
            )
        band = _pay.fair_pay_range(tier, content_format=fmt, policy=pay)
        cash = band.low
        compensation = attrs.evolve(_affiliate_only(kept), product=product, cash_per_post=cash)
        per = "per post" if fmt is None else f"per {fmt.value} post"
        reason = (
            f"{influencer.id} is {standing.stage.value} ({count}): replace product with a "
            f"small cash payment of {cash} {per}, the low end of the {tier.value} fair range "
            f"{band} ({pay.name})."
        )
        if product is not None:
            reason += f" Product {product.description!r} kept next to the cash, as given."
    words = _affiliate_words(compensation)
    if words:
        reason += f" Affiliate terms kept: {words}."
    return CompensationAdvice(
        influencer_id=influencer.id,
        compensation=compensation,
        standing=standing,
        tier=tier,
        reason=reason,
    )
