"""KPI reports: the totals of a log and every KPI computed from them.

A [`KpiTotals`][nanokit.kpi.report.KpiTotals] holds what was counted (posts, impressions,
reach, views, engagements by kind, clicks, conversions, revenue) and what it cost; a
[`KpiReport`][nanokit.kpi.report.KpiReport] adds every KPI of
[`formulas`][nanokit.kpi.formulas], the engagement rate with its definition, and the earned
media value when a rate card is given. Both are frozen values;
[`KpiAccumulator`][nanokit.kpi.accumulator.KpiAccumulator] and
[`campaign_report`][nanokit.kpi.campaign.campaign_report] build them from interactions.

**Cost** counts what was actually given, from each deal's terms (Later counts only fulfilled
incentives): the cash per post times the posts actually published under the deal, the
product's retail value and the deal's fees once a post was published or the product was sent
(a `product_sent` interaction), and the commission earned on the deal's attributed
conversions, revenue and clicks. A deal with nothing published and nothing sent costs only
the commission its link or code earned. Payments and product values recorded in the log are
reported beside the cost (`payments`, `products_sent`) so the two can be reconciled; they are
not added to it.

Examples:
    >>> from nanokit import Money
    >>> from nanokit.kpi.engagement import Engagement
    >>> from nanokit.kpi.report import KpiReport, KpiTotals
    >>> totals = KpiTotals(posts=3, impressions=21_000, likes=1_900, comments=140, shares=60,
    ...                    saves=90, engagements=2_190, clicks=600, conversions=24,
    ...                    revenue=Money("1080"), cost=Money("225"))
    >>> report = KpiReport.from_totals(totals, Engagement("nanokit", rate=0.09125, posts=3))
    >>> report.cpe.format(3), str(report.cpm), report.roi, report.roas
    ('$0.103', '$10.71', Decimal('3.8'), Decimal('4.8'))
    >>> report.conversion_rate, report.value("cpa")
    (0.04, Money('9.375', 'USD'))
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Final

import attrs

from nanokit._args import enum_arg, instance_arg
from nanokit.exceptions import CurrencyMismatchError
from nanokit.kpi import formulas as f
from nanokit.kpi.emv import EarnedMediaValue, RateCard, earned_media_value
from nanokit.kpi.engagement import Engagement
from nanokit.model import _checks as c
from nanokit.model.enums import InteractionKind, Kpi, Provenance
from nanokit.money import Money

__all__ = ["AUDIENCE_FIELDS", "KpiReport", "KpiTotals", "KpiValue"]

KpiValue = int | float | Decimal | Money | None
"""What a KPI can be: a count, a rate, a ratio, an amount, or `None` when undefined."""

_K = InteractionKind

AUDIENCE_FIELDS: Final[dict[InteractionKind, str]] = {
    _K.IMPRESSION: "impressions",
    _K.REACH: "reach",
    _K.VIEW: "views",
    _K.LIKE: "likes",
    _K.COMMENT: "comments",
    _K.SHARE: "shares",
    _K.SAVE: "saves",
    _K.CLICK: "clicks",
    _K.PROFILE_VISIT: "profile_visits",
    _K.FOLLOW: "follows",
    _K.CONVERSION: "conversions",
    _K.UGC: "ugc",
    _K.REVIEW: "reviews",
}
"""The `KpiTotals` field that counts each audience kind."""


def _count() -> int:
    return attrs.field(default=0, validator=c.count())


def _finite_decimal(instance: object, attribute: attrs.Attribute[Decimal], value: object) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise c.fail(instance, attribute, f"expected a finite Decimal, got {c.describe(value)}")


def _zero_like_cost(totals: KpiTotals) -> Money:
    return Money.zero("USD" if totals.cost is None else totals.cost.currency)


def _zero_like_revenue(totals: KpiTotals) -> Money:
    return Money.zero(totals.revenue.currency)


@attrs.frozen
class KpiTotals:
    """What a log counted and what it cost.

    Args:
        posts: Pieces of content published (posts, stories, reels, videos...).
        impressions: Times the content was shown.
        reach: Unique accounts reached.
        views: Views (plays).
        likes: Likes.
        comments: Comments.
        shares: Shares.
        saves: Saves.
        engagements: Engagements as the report's definition counts them (by default
            likes + comments + shares + saves); CPE divides by this.
        clicks: Clicks on tracked links.
        profile_visits: Visits to the influencer's or brand's profile.
        follows: Follows gained.
        conversions: Attributed conversions (sales, sign-ups).
        ugc: User-generated content pieces.
        reviews: Reviews.
        cost: What was given (see the module docs), or `None` when unknown (no deals given).
        revenue: The value of the conversions (zero in the cost's currency by default).
        payments: Payments recorded in the log (beside the cost, not added to it).
        products_sent: Product value recorded as sent in the log (beside the cost).
        provenance: The weakest provenance among the inputs: estimated if any was.

    Raises:
        ValidationError: For a negative count or a negative amount.
        CurrencyMismatchError: When the amounts are in different currencies.

    Examples:
        >>> totals = KpiTotals(likes=340, comments=12)
        >>> totals.counts()[InteractionKind.LIKE], totals.estimated
        (340, False)
    """

    posts: int = _count()
    """Pieces of content published."""
    impressions: int = _count()
    """Times the content was shown."""
    reach: int = _count()
    """Unique accounts reached."""
    views: int = _count()
    """Views (plays)."""
    likes: int = _count()
    """Likes."""
    comments: int = _count()
    """Comments."""
    shares: int = _count()
    """Shares."""
    saves: int = _count()
    """Saves."""
    engagements: int = _count()
    """Engagements as the report's definition counts them."""
    clicks: int = _count()
    """Clicks on tracked links."""
    profile_visits: int = _count()
    """Profile visits."""
    follows: int = _count()
    """Follows gained."""
    conversions: int = _count()
    """Attributed conversions."""
    ugc: int = _count()
    """User-generated content pieces."""
    reviews: int = _count()
    """Reviews."""
    cost: Money | None = attrs.field(default=None, validator=c.optional(c.money()))
    """What was given; `None` when unknown."""
    revenue: Money = attrs.field(
        default=attrs.Factory(_zero_like_cost, takes_self=True), validator=c.money()
    )
    """The value of the conversions."""
    payments: Money = attrs.field(
        default=attrs.Factory(_zero_like_revenue, takes_self=True), validator=c.money()
    )
    """Payments recorded in the log (not added to the cost)."""
    products_sent: Money = attrs.field(
        default=attrs.Factory(_zero_like_revenue, takes_self=True), validator=c.money()
    )
    """Product value recorded as sent in the log (not added to the cost)."""
    provenance: Provenance = attrs.field(
        default=Provenance.MEASURED, converter=c.to_provenance, validator=c.enum_of(Provenance)
    )
    """The weakest provenance among the inputs."""

    def __attrs_post_init__(self) -> None:
        amounts = [self.revenue, self.payments, self.products_sent]
        if self.cost is not None:
            amounts.append(self.cost)
        currencies = sorted({amount.currency for amount in amounts})
        if len(currencies) > 1:
            raise CurrencyMismatchError(
                f"KpiTotals: amounts in {currencies}; nanokit never converts, so report each "
                "currency separately"
            )

    @property
    def currency(self) -> str:
        """The currency of every amount."""
        return self.revenue.currency

    @property
    def estimated(self) -> bool:
        """Whether an input was estimated."""
        return self.provenance is Provenance.ESTIMATED

    def counts(self) -> dict[InteractionKind, int]:
        """Every audience count by kind (for an EMV, say), zeros included."""
        return {kind: getattr(self, field) for kind, field in AUDIENCE_FIELDS.items()}


@attrs.frozen
class KpiReport:
    """Totals and every KPI computed from them.

    Build one with [`from_totals`][nanokit.kpi.report.KpiReport.from_totals]; a KPI whose
    denominator is zero is `None`, and so is a money KPI when the cost is unknown.

    Args:
        totals: What was counted and what it cost.
        engagement: The engagement rate with its definition.
        click_through_rate: Clicks / impressions.
        conversion_rate: Conversions / clicks.
        cost_per_post: Cost / posts published.
        cpe: Cost / engagements.
        cpm: Cost / impressions x 1000.
        cpc: Cost / clicks.
        cpa: Cost / conversions.
        roi: (Revenue - cost) / cost, exact.
        roas: Revenue / cost, exact.
        emv: The earned media value by the report's rate card, or `None` without one.
        notes: What a person should know about these numbers.

    Examples:
        >>> report = KpiReport.from_totals(KpiTotals(), Engagement("nanokit", rate=None))
        >>> report.cpe, report.roi, report.engagement_rate
        (None, None, None)
    """

    totals: KpiTotals = attrs.field(validator=c.instance_of(KpiTotals))
    """What was counted and what it cost."""
    engagement: Engagement = attrs.field(validator=c.instance_of(Engagement))
    """The engagement rate with its definition, posts used and notes."""
    click_through_rate: float | None = attrs.field(
        default=None, converter=c.optional_float, validator=c.optional(c.non_negative_number)
    )
    """Clicks / impressions."""
    conversion_rate: float | None = attrs.field(
        default=None, converter=c.optional_float, validator=c.optional(c.non_negative_number)
    )
    """Conversions / clicks (never clamped: above 1 is possible)."""
    cost_per_post: Money | None = attrs.field(default=None, validator=c.optional(c.money()))
    """Cost / posts published."""
    cpe: Money | None = attrs.field(default=None, validator=c.optional(c.money()))
    """Cost per engagement."""
    cpm: Money | None = attrs.field(default=None, validator=c.optional(c.money()))
    """Cost per 1,000 impressions."""
    cpc: Money | None = attrs.field(default=None, validator=c.optional(c.money()))
    """Cost per click."""
    cpa: Money | None = attrs.field(default=None, validator=c.optional(c.money()))
    """Cost per conversion."""
    roi: Decimal | None = attrs.field(default=None, validator=c.optional(_finite_decimal))
    """(Revenue - cost) / cost."""
    roas: Decimal | None = attrs.field(default=None, validator=c.optional(_finite_decimal))
    """Revenue / cost."""
    emv: EarnedMediaValue | None = attrs.field(
        default=None, validator=c.optional(c.instance_of(EarnedMediaValue))
    )
    """Earned media value: a declared price, never part of revenue or ROI."""
    notes: tuple[str, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.text(max_length=10_000))
    )
    """Explanations, in words."""

    @classmethod
    def from_totals(
        cls,
        totals: KpiTotals,
        engagement: Engagement,
        *,
        rate_card: RateCard | None = None,
        notes: Sequence[str] = (),
    ) -> KpiReport:
        """Compute every KPI from `totals`.

        Args:
            totals: What was counted and what it cost.
            engagement: The engagement rate to report (it needs follower counts or per-post
                data that totals do not hold).
            rate_card: Prices for an earned media value, or `None` for no EMV.
            notes: Explanations to carry.

        Returns:
            The report.

        Raises:
            ValidationError: For arguments of the wrong type.
            CurrencyMismatchError: When the rate card's currency differs from the totals'.

        Examples:
            >>> from nanokit.kpi.emv import UPFLUENCE
            >>> report = KpiReport.from_totals(
            ...     KpiTotals(impressions=21_000, cost=Money("225")),
            ...     Engagement("nanokit", rate=None),
            ...     rate_card=UPFLUENCE,
            ... )
            >>> str(report.emv.total), report.roi
            ('$136.50', Decimal('-1'))
        """
        totals = instance_arg(totals, KpiTotals, "totals")
        engagement = instance_arg(engagement, Engagement, "engagement")
        emv = None
        if rate_card is not None:
            instance_arg(rate_card, RateCard, "rate_card")
            if rate_card.currency != totals.currency and (
                totals.cost is not None or totals.revenue
            ):
                raise CurrencyMismatchError(
                    f"the rate card {rate_card.name!r} prices in {rate_card.currency} but the "
                    f"report is in {totals.currency}; use a card in {totals.currency}"
                )
            emv = earned_media_value(totals.counts(), rate_card)
        cost = totals.cost
        extra = list(notes)
        if cost is None:
            extra.append("cost unknown (no deals given): the money KPIs are undefined")
        return cls(
            totals=totals,
            engagement=engagement,
            click_through_rate=f.click_through_rate(totals.clicks, totals.impressions),
            conversion_rate=f.conversion_rate(totals.conversions, totals.clicks),
            cost_per_post=None if cost is None else f.cost_per_post(cost, totals.posts),
            cpe=None if cost is None else f.cost_per_engagement(cost, totals.engagements),
            cpm=None if cost is None else f.cpm(cost, totals.impressions),
            cpc=None if cost is None else f.cost_per_click(cost, totals.clicks),
            cpa=None if cost is None else f.cost_per_acquisition(cost, totals.conversions),
            roi=None if cost is None else f.roi(totals.revenue, cost),
            roas=None if cost is None else f.roas(totals.revenue, cost),
            emv=emv,
            notes=extra,
        )

    @property
    def engagement_rate(self) -> float | None:
        """The engagement rate by the report's definition."""
        return self.engagement.rate

    @property
    def provenance(self) -> Provenance:
        """The weakest provenance of the totals and the engagement rate."""
        if Provenance.ESTIMATED in (self.totals.provenance, self.engagement.provenance):
            return Provenance.ESTIMATED
        if Provenance.SELF_REPORTED in (self.totals.provenance, self.engagement.provenance):
            return Provenance.SELF_REPORTED
        return Provenance.MEASURED

    @property
    def estimated(self) -> bool:
        """Whether an input was estimated, so the results are estimates."""
        return self.provenance is Provenance.ESTIMATED

    def value(self, kpi: Kpi | str) -> KpiValue:
        """The value of one KPI by its name (for targets and rankings).

        Args:
            kpi: A `Kpi` or its value, such as `"cpe"`.

        Returns:
            A count (`int`), a rate (`float`), a ratio (`Decimal`), an amount (`Money`), or
            `None` when undefined.

        Raises:
            ValidationError: For an unknown KPI name.

        Examples:
            >>> report = KpiReport.from_totals(KpiTotals(clicks=5), Engagement("nanokit", rate=None))
            >>> report.value(Kpi.CLICKS), report.value("emv")
            (5, None)
        """
        wanted = _kpi_arg(kpi)
        return _GETTERS[wanted](self)

    def sort_key(self, kpi: Kpi | str) -> tuple[bool, Decimal | float | int]:
        """A key that sorts reports best first by `kpi`, undefined values last.

        Costs ([`Kpi.lower_is_better`][nanokit.Kpi]) sort smallest first, everything else
        largest first. Add your own tie-break (an id) after it for a deterministic order.

        Args:
            kpi: A `Kpi` or its value, such as `"roi"`.

        Returns:
            `(undefined, value)`, where `value` is negated for KPIs where more is better.

        Raises:
            ValidationError: For an unknown KPI name.

        Examples:
            >>> cheap = KpiReport.from_totals(KpiTotals(clicks=9), Engagement("nanokit", rate=None))
            >>> none = KpiReport.from_totals(KpiTotals(), Engagement("nanokit", rate=None))
            >>> [r.totals.clicks for r in sorted([none, cheap], key=lambda r: r.sort_key("clicks"))]
            [9, 0]
        """
        wanted = _kpi_arg(kpi)
        value = _GETTERS[wanted](self)
        number = value.amount if isinstance(value, Money) else value
        if number is None:
            return (True, 0)
        return (False, number if wanted.lower_is_better else -number)


def _kpi_arg(value: object, name: str = "kpi") -> Kpi:
    return enum_arg(Kpi, value, name)


def _emv_total(report: KpiReport) -> Money | None:
    return None if report.emv is None else report.emv.total


_GETTERS: Final[dict[Kpi, Callable[[KpiReport], KpiValue]]] = {
    Kpi.IMPRESSIONS: lambda r: r.totals.impressions,
    Kpi.REACH: lambda r: r.totals.reach,
    Kpi.VIEWS: lambda r: r.totals.views,
    Kpi.ENGAGEMENTS: lambda r: r.totals.engagements,
    Kpi.ENGAGEMENT_RATE: lambda r: r.engagement.rate,
    Kpi.CLICKS: lambda r: r.totals.clicks,
    Kpi.CLICK_THROUGH_RATE: lambda r: r.click_through_rate,
    Kpi.CONVERSIONS: lambda r: r.totals.conversions,
    Kpi.CONVERSION_RATE: lambda r: r.conversion_rate,
    Kpi.REVENUE: lambda r: r.totals.revenue,
    Kpi.COST: lambda r: r.totals.cost,
    Kpi.COST_PER_POST: lambda r: r.cost_per_post,
    Kpi.CPE: lambda r: r.cpe,
    Kpi.CPM: lambda r: r.cpm,
    Kpi.CPC: lambda r: r.cpc,
    Kpi.CPA: lambda r: r.cpa,
    Kpi.ROI: lambda r: r.roi,
    Kpi.ROAS: lambda r: r.roas,
    Kpi.EMV: _emv_total,
}
