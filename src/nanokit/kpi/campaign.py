"""Campaign reports: totals for a campaign and one ranked row per influencer.

[`campaign_report`][nanokit.kpi.campaign.campaign_report] takes a campaign, its deals, the
interaction log and the influencers, and returns a
[`CampaignReport`][nanokit.kpi.campaign.CampaignReport]: a
[`KpiReport`][nanokit.kpi.report.KpiReport] for the whole campaign and one
[`InfluencerRow`][nanokit.kpi.campaign.InfluencerRow] per influencer (with their tier and the
engagement-rate definition used), ranked by a chosen [`Kpi`][nanokit.Kpi], so each
relationship can be judged, continued or ended.

Examples:
    >>> from datetime import date, datetime, timezone
    >>> from nanokit import (Audience, Campaign, Compensation, Deal, Influencer, Interaction,
    ...                      Money, ProductGift, SocialAccount)
    >>> from nanokit.kpi.campaign import campaign_report
    >>> at = datetime(2026, 5, 3, tzinfo=timezone.utc)
    >>> spring = Campaign(id="cmp", brand="Oat & Ember", name="Spring", objective="sales",
    ...                   media_kind="mixed", start=date(2026, 5, 1))
    >>> maya = Influencer(id="inf-maya", name="Maya", accounts=[
    ...     SocialAccount("instagram", "@maya", Audience("instagram", 8_000, at))])
    >>> deal = Deal("deal-maya", "cmp", "inf-maya", Compensation(
    ...     product=ProductGift("kit", Money("45")), cash_per_post=Money("60")))
    >>> def event(n, kind, count=1, **more):
    ...     return Interaction(id=f"e{n}", occurred_at=at, influencer_id="inf-maya", kind=kind,
    ...                        count=count, campaign_id="cmp", deal_id="deal-maya", **more)
    >>> log = [event(0, "product_sent"), event(1, "post", 3), event(2, "like", 1_900),
    ...        event(3, "comment", 140), event(4, "share", 60), event(5, "save", 90),
    ...        event(6, "impression", 21_000), event(7, "click", 600),
    ...        event(8, "conversion", 24, value=Money("1080"))]
    >>> report = campaign_report(spring, [deal], log, [maya])
    >>> report.totals.totals.cost, report.totals.roi, f"{report.totals.engagement_rate:.1%}"
    (Money('225', 'USD'), Decimal('3.8'), '9.1%')
    >>> row = report.rows[0]
    >>> row.rank, row.influencer_id, row.tier.value, row.definition
    (1, 'inf-maya', 'nano', 'nanokit')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from nanokit._args import influencers_arg, instance_arg, instances_arg
from nanokit.exceptions import ValidationError
from nanokit.kpi.accumulator import Grouping, KpiAccumulator
from nanokit.kpi.definitions import DEFAULT, Aggregate, EngagementDefinition
from nanokit.kpi.emv import RateCard
from nanokit.kpi.engagement import (
    PostMetrics,
    _summarise,
    _window,
    posts_from_interactions,
)
from nanokit.kpi.report import KpiReport, KpiValue, _kpi_arg
from nanokit.model import _checks as c
from nanokit.model.campaign import Campaign, KpiTarget
from nanokit.model.deal import Deal
from nanokit.model.enums import InteractionFamily, Kpi, Platform, Tier
from nanokit.model.influencer import Influencer
from nanokit.model.interaction import Interaction
from nanokit.money import Money
from nanokit.policy.tiers import INBEAT, TierScheme, classify_tier

__all__ = ["CampaignReport", "InfluencerRow", "TargetResult", "campaign_report"]


@attrs.frozen
class InfluencerRow:
    """One influencer's results in a campaign.

    Args:
        rank: The position by the report's ranking KPI, from 1.
        influencer_id: The influencer.
        name: Their display name, when the influencer was given.
        platform: The platform the row's follower count and tier come from: where they
            published most in this campaign, else the campaign's first deliverable's, else
            their largest account's.
        followers: The follower count of that account, when known.
        tier: The tier of that count, by the report's tier scheme; `None` when unknown or
            below the scheme's minimum.
        deal_ids: The influencer's deals in this campaign.
        report: Their KPIs.

    Examples:
        >>> from nanokit.kpi.engagement import Engagement
        >>> from nanokit.kpi.report import KpiReport, KpiTotals
        >>> row = InfluencerRow(1, "inf-1", report=KpiReport.from_totals(
        ...     KpiTotals(), Engagement("grin", rate=None)))
        >>> row.definition
        'grin'
    """

    rank: int = attrs.field(validator=c.count(minimum=1))
    """The position by the ranking KPI, from 1."""
    influencer_id: str = attrs.field(validator=c.identifier)
    """The influencer."""
    name: str | None = attrs.field(default=None, validator=c.optional(c.text(max_length=500)))
    """Their display name, when known."""
    platform: Platform | None = attrs.field(
        default=None, converter=c.to_optional_platform, validator=c.optional(c.enum_of(Platform))
    )
    """The platform of the account the follower count comes from."""
    followers: int | None = attrs.field(default=None, validator=c.optional(c.count()))
    """That account's followers, when known."""
    tier: Tier | None = attrs.field(default=None, validator=c.optional(c.enum_of(Tier)))
    """The tier of that count."""
    deal_ids: tuple[str, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.identifier)
    )
    """The influencer's deals in this campaign."""
    report: KpiReport = attrs.field(kw_only=True, validator=c.instance_of(KpiReport))
    """Their KPIs."""

    @property
    def definition(self) -> str:
        """The engagement-rate definition used for this row."""
        return self.report.engagement.definition


@attrs.frozen
class TargetResult:
    """A campaign's KPI target against what was achieved.

    Args:
        target: The target.
        actual: The achieved value, or `None` when undefined.
        met: Whether it was met; `None` when the value is undefined.

    Examples:
        >>> from decimal import Decimal
        >>> from nanokit import KpiTarget
        >>> TargetResult(KpiTarget("roi", "2"), Decimal("3.8"), True).met
        True
    """

    target: KpiTarget = attrs.field(validator=c.instance_of(KpiTarget))
    """The target."""
    actual: KpiValue = attrs.field()
    """The achieved value."""
    met: bool | None = attrs.field()
    """Whether the target was met; `None` when undefined."""


@attrs.frozen
class CampaignReport:
    """A campaign's totals and its ranked influencer rows.

    Args:
        campaign_id: The campaign.
        definition: The engagement-rate definition used throughout.
        rank_by: The KPI the rows are ranked by.
        tier_scheme: The name of the tier scheme the rows' tiers come from.
        totals: The whole campaign's KPIs.
        rows: One row per influencer, best first.

    Examples:
        >>> from nanokit import Kpi
        >>> from nanokit.kpi.engagement import Engagement
        >>> from nanokit.kpi.report import KpiReport, KpiTotals
        >>> empty = KpiReport.from_totals(KpiTotals(), Engagement("nanokit", rate=None))
        >>> CampaignReport("cmp", "nanokit", Kpi.CPE, "inBeat", empty).row("inf-x") is None
        True
    """

    campaign_id: str = attrs.field(validator=c.identifier)
    """The campaign."""
    definition: str = attrs.field(validator=c.text(max_length=100))
    """The engagement-rate definition used."""
    rank_by: Kpi = attrs.field(converter=c.to_kpi, validator=c.enum_of(Kpi))
    """The ranking KPI."""
    tier_scheme: str = attrs.field(validator=c.text(max_length=100))
    """The tier scheme's name."""
    totals: KpiReport = attrs.field(validator=c.instance_of(KpiReport))
    """The campaign's KPIs."""
    rows: tuple[InfluencerRow, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.instance_of(InfluencerRow))
    )
    """One row per influencer, best first."""
    targets: tuple[TargetResult, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.instance_of(TargetResult))
    )
    """The campaign's KPI targets against the totals."""

    def row(self, influencer_id: str) -> InfluencerRow | None:
        """The row of `influencer_id`, or `None`."""
        return next((row for row in self.rows if row.influencer_id == influencer_id), None)


def campaign_report(
    campaign: Campaign,
    deals: Iterable[Deal],
    interactions: Iterable[Interaction],
    influencers: Iterable[Influencer] | Mapping[str, Influencer] = (),
    *,
    definition: EngagementDefinition = DEFAULT,
    rank_by: Kpi | str = Kpi.CPE,
    rate_card: RateCard | None = None,
    tier_scheme: TierScheme = INBEAT,
) -> CampaignReport:
    """Report a campaign: totals, and one row per influencer ranked by a KPI.

    Deals and interactions of other campaigns are left out, so a whole workspace can be
    passed. An interaction belongs to the campaign when it names it, or names none but names
    one of its deals. Costs follow the deals' terms (see [`report`][nanokit.kpi.report]).

    Ranking: by `rank_by`, smallest first when [`Kpi.lower_is_better`][nanokit.Kpi] (costs),
    largest first otherwise; rows whose value is undefined come last; ties go by influencer
    id. The default, CPE, suits every objective: it is the cost of the attention bought.

    A definition that needs every post (a median, a window) groups each influencer's
    interactions into posts by `content_id` (see
    [`posts_from_interactions`][nanokit.kpi.engagement.posts_from_interactions]).

    Args:
        campaign: The campaign.
        deals: Deals (of this campaign and others).
        interactions: The interaction log, in any order.
        influencers: The influencers, for names, follower counts and tiers.
        definition: The engagement-rate definition; nanokit's default when omitted.
        rank_by: The KPI to rank the rows by.
        rate_card: Prices for an earned media value, or `None` for none.
        tier_scheme: The tier thresholds for the rows.

    Returns:
        The [`CampaignReport`][nanokit.kpi.campaign.CampaignReport].

    Raises:
        ValidationError: For arguments of the wrong type, two deals with one id, an
            interaction whose campaign and deal disagree, and the errors of
            [`KpiAccumulator.result`][nanokit.kpi.accumulator.KpiAccumulator.result].
        CurrencyMismatchError: When the campaign's amounts are in several currencies.

    Examples:
        >>> from datetime import date
        >>> from nanokit import Campaign
        >>> empty = campaign_report(
        ...     Campaign(id="c", brand="B", name="N", objective="ugc", media_kind="earned",
        ...              start=date(2026, 5, 1)), [], [])
        >>> empty.rows, empty.totals.totals.cost
        ((), Money('0', 'USD'))
    """
    campaign = instance_arg(campaign, Campaign, "campaign")
    definition = instance_arg(definition, EngagementDefinition, "definition")
    scheme = instance_arg(tier_scheme, TierScheme, "tier_scheme")
    ranking = _kpi_arg(rank_by, "rank_by")
    people = influencers_arg(influencers)
    own: list[Deal] = []
    elsewhere: dict[str, Deal] = {}
    seen: set[str] = set()
    for index, deal in enumerate(instances_arg(deals, Deal, "deals")):
        if deal.id in seen:
            raise ValidationError(f"deal {deal.id!r} is given twice", path=f"deals[{index}]")
        seen.add(deal.id)
        if deal.campaign_id == campaign.id:
            own.append(deal)
        else:
            elsewhere[deal.id] = deal
    events = _campaign_events(campaign, {deal.id for deal in own}, elsewhere, interactions)

    streamed = definition
    if not definition.streamable:
        streamed = attrs.evolve(definition, aggregate=Aggregate.MEAN, window=None)
    accumulator = KpiAccumulator(Grouping.INFLUENCER).update(events)
    by_person = accumulator.result(
        deals=own, influencers=people, definition=streamed, rate_card=rate_card
    )
    totals = accumulator.total(
        deals=own, influencers=people, definition=streamed, rate_card=rate_card
    )

    by_influencer: dict[str, list[Interaction]] = {deal.influencer_id: [] for deal in own}
    for event in events:
        by_influencer.setdefault(event.influencer_id, []).append(event)
    rows: list[InfluencerRow] = []
    samples: list[tuple[PostMetrics, int | None]] = []
    available = 0
    for influencer_id in sorted(by_influencer):
        mine = by_influencer[influencer_id]
        report = by_person.get(influencer_id)
        if report is None:
            report = KpiAccumulator(Grouping.INFLUENCER).total(
                deals=[deal for deal in own if deal.influencer_id == influencer_id],
                influencers=people,
                definition=streamed,
                rate_card=rate_card,
            )
        person = people.get(influencer_id)
        platform, followers = _account(person, mine, campaign)
        if not definition.streamable:
            sample, given = _per_post_sample(mine, person, definition)
            samples.extend(sample)
            available += given
            engagement = _summarise(
                sample, definition, posts_available=given, provenance=report.engagement.provenance
            )
            report = attrs.evolve(report, engagement=engagement)
        rows.append(
            InfluencerRow(
                rank=1,
                influencer_id=influencer_id,
                name=None if person is None else person.name,
                platform=platform,
                followers=followers,
                tier=None if followers is None else classify_tier(followers, scheme),
                deal_ids=sorted(deal.id for deal in own if deal.influencer_id == influencer_id),
                report=report,
            )
        )
    if not definition.streamable:
        combined = _summarise(
            samples, definition, posts_available=available, provenance=totals.engagement.provenance
        )
        totals = attrs.evolve(totals, engagement=combined)
    ranked = sorted(rows, key=lambda row: _rank_key(row, ranking))
    ranked = [attrs.evolve(row, rank=position) for position, row in enumerate(ranked, start=1)]
    targets = []
    for target in campaign.kpi_targets:
        actual = totals.value(target.kpi)
        targets.append(TargetResult(target, actual, target.met_by(_number(actual))))
    return CampaignReport(
        campaign_id=campaign.id,
        definition=definition.name,
        rank_by=ranking,
        tier_scheme=scheme.name,
        totals=totals,
        rows=ranked,
        targets=targets,
    )


def _campaign_events(
    campaign: Campaign,
    own: set[str],
    elsewhere: Mapping[str, Deal],
    interactions: Iterable[Interaction],
) -> list[Interaction]:
    events = []
    for index, event in enumerate(instances_arg(interactions, Interaction, "interactions")):
        if event.campaign_id == campaign.id:
            other = None if event.deal_id is None else elsewhere.get(event.deal_id)
            if other is not None:
                raise ValidationError(
                    f"interaction {event.id!r} names campaign {campaign.id!r} but deal "
                    f"{event.deal_id!r} of campaign {other.campaign_id!r}",
                    path=f"interactions[{index}].deal_id",
                )
            events.append(event)
        elif event.deal_id in own:
            if event.campaign_id is not None:
                raise ValidationError(
                    f"interaction {event.id!r} names campaign {event.campaign_id!r} but deal "
                    f"{event.deal_id!r} of campaign {campaign.id!r}",
                    path=f"interactions[{index}].campaign_id",
                )
            events.append(event)
    return events


def _account(
    person: Influencer | None, events: list[Interaction], campaign: Campaign
) -> tuple[Platform | None, int | None]:
    """The platform the row speaks for and that account's follower count."""
    published: dict[Platform, int] = {}
    for event in events:
        if event.kind.family is InteractionFamily.CONTENT and event.platform is not None:
            published[event.platform] = published.get(event.platform, 0) + event.count
    platform: Platform | None = None
    if published:
        platform = min(published, key=lambda p: (-published[p], p.value))
    elif campaign.deliverables:
        platform = campaign.deliverables[0].platform
    if person is None:
        return platform, None
    account = person.largest_account if platform is None else person.account(platform)
    if account is None:
        return platform, None
    followers = None if account.audience is None else account.audience.followers
    return account.platform, followers


def _per_post_sample(
    events: list[Interaction], person: Influencer | None, definition: EngagementDefinition
) -> tuple[list[tuple[PostMetrics, int | None]], int]:
    """The influencer's posts, windowed, each with the followers of the account it is on."""
    platform_of: dict[str, Platform | None] = {}
    for event in events:
        if event.content_id is not None and event.platform is not None:
            platform_of.setdefault(event.content_id, event.platform)
    posts = posts_from_interactions(events)
    used = _window(posts, definition)
    sample: list[tuple[PostMetrics, int | None]] = []
    for post in used:
        followers = None
        if person is not None:
            platform = platform_of.get(post.content_id or "")
            account = person.largest_account if platform is None else person.account(platform)
            if account is not None and account.audience is not None:
                followers = account.audience.followers
        sample.append((post, followers))
    return sample, len(posts)


def _number(value: KpiValue) -> Decimal | float | int | None:
    if isinstance(value, Money):
        return value.amount
    return value


def _rank_key(row: InfluencerRow, kpi: Kpi) -> tuple[bool, Decimal | float | int, str]:
    return (*row.report.sort_key(kpi), row.influencer_id)
