"""Streaming KPIs: one pass over any number of interactions, in constant memory per group.

A [`KpiAccumulator`][nanokit.kpi.accumulator.KpiAccumulator] keeps sums, never records:
for each (influencer, campaign, deal, platform) it has seen, one count per interaction kind,
the exact `Decimal` sums of revenue, payments and product value, and the weakest provenance.
Its memory grows with the number of those relationships, not with the number of records,
so a 10-million-line JSON Lines log streams through it.

Accumulators form a monoid: [`merge`][nanokit.kpi.accumulator.KpiAccumulator.merge] is
associative and commutative, and an empty accumulator is its identity. Split a log any way
you like (by file, by day, by process), accumulate each part, merge the parts, and the result
is exactly what one pass gives: every sum is an integer or an exact `Decimal`, so the order
of additions cannot change a digit.

[`result`][nanokit.kpi.accumulator.KpiAccumulator.result] turns the sums into a
[`KpiReport`][nanokit.kpi.report.KpiReport] per influencer, campaign or deal. Sums give a
mean engagement rate exactly but not a median (which needs every post), so a stream reports
only definitions whose aggregate is a mean over every post; costs come from the deals given
to `result` (see [`report`][nanokit.kpi.report] for what counts).

Examples:
    >>> from datetime import datetime, timezone
    >>> from nanokit import Interaction
    >>> from nanokit.kpi.accumulator import Grouping, KpiAccumulator
    >>> at = datetime(2026, 5, 3, tzinfo=timezone.utc)
    >>> log = [
    ...     Interaction(id="e1", occurred_at=at, influencer_id="inf-maya", kind="post",
    ...                 campaign_id="cmp-1"),
    ...     Interaction(id="e2", occurred_at=at, influencer_id="inf-maya", kind="like",
    ...                 count=340, campaign_id="cmp-1"),
    ...     Interaction(id="e3", occurred_at=at, influencer_id="inf-sam", kind="click",
    ...                 count=12, campaign_id="cmp-1"),
    ... ]
    >>> first, second = KpiAccumulator(Grouping.INFLUENCER), KpiAccumulator(Grouping.INFLUENCER)
    >>> first.update(log[:2]).records, second.update(log[2:]).records
    (2, 1)
    >>> both = first.merge(second)
    >>> both == KpiAccumulator(Grouping.INFLUENCER).update(reversed(log))
    True
    >>> reports = both.result()
    >>> sorted(reports), reports["inf-maya"].totals.likes, reports["inf-sam"].totals.clicks
    (['inf-maya', 'inf-sam'], 340, 12)
"""

from __future__ import annotations

import decimal
import enum
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Final

from nanokit._args import enum_arg, influencers_arg, instance_arg, instances_arg
from nanokit.exceptions import CurrencyMismatchError, ValidationError
from nanokit.kpi._provenance import RANK, WEAKEST
from nanokit.kpi.definitions import DEFAULT, EngagementDefinition
from nanokit.kpi.emv import RateCard
from nanokit.kpi.engagement import Engagement, _from_totals
from nanokit.kpi.report import AUDIENCE_FIELDS, KpiReport, KpiTotals
from nanokit.model import _checks as c
from nanokit.model.deal import Deal
from nanokit.model.enums import InteractionFamily, InteractionKind, Platform, Provenance
from nanokit.model.influencer import Influencer
from nanokit.model.interaction import Interaction
from nanokit.money import MAX_DIGITS, Money

__all__ = ["Grouping", "KpiAccumulator"]

_K = InteractionKind
_KINDS: Final = tuple(InteractionKind)
_INDEX: Final[dict[InteractionKind, int]] = {kind: index for index, kind in enumerate(_KINDS)}
_CONTENT: Final = tuple(
    _INDEX[kind] for kind in _KINDS if kind.family is InteractionFamily.CONTENT
)
_CONVERSION, _PAYMENT = _K.CONVERSION, _K.PAYMENT
_MEASURED = Provenance.MEASURED
_EXACT = decimal.Context(
    prec=MAX_DIGITS,
    traps=[decimal.Inexact, decimal.InvalidOperation, decimal.Overflow],
)

Key = tuple[str, "str | None", "str | None", "Platform | None"]
"""(influencer id, campaign id, deal id, platform): the finest grain the sums are kept at."""


class Grouping(str, enum.Enum):
    """What a [`KpiAccumulator`][nanokit.kpi.accumulator.KpiAccumulator] reports by.

    Examples:
        >>> Grouping("deal")
        <Grouping.DEAL: 'deal'>
    """

    INFLUENCER = "influencer"
    """One report per influencer id."""
    CAMPAIGN = "campaign"
    """One report per campaign id (`None` for interactions outside any campaign)."""
    DEAL = "deal"
    """One report per deal id (`None` for interactions no deal can be found for)."""


def _exact_sum(left: Decimal, right: Decimal) -> Decimal:
    try:
        return _EXACT.add(left, right)
    except decimal.DecimalException:
        raise ValidationError(
            f"{left} + {right} cannot be kept exactly within {MAX_DIGITS} digits",
            path="value",
        ) from None


class _Cell:
    """The sums of one (influencer, campaign, deal, platform)."""

    __slots__ = ("counts", "currency", "payments", "products", "rank", "revenue")

    def __init__(self) -> None:
        self.counts = [0] * len(_KINDS)
        self.revenue = Decimal(0)
        self.payments = Decimal(0)
        self.products = Decimal(0)
        self.currency: str | None = None
        self.rank = 0

    def add_value(self, event: Interaction) -> None:
        money = event.value
        assert money is not None  # the caller checked
        if self.currency is None:
            self.currency = money.currency
        elif money.currency != self.currency:
            raise CurrencyMismatchError(
                f"interaction {event.id!r}: a {money.currency} amount among {self.currency} "
                f"amounts of influencer {event.influencer_id!r}; nanokit never converts"
            )
        if event.kind is _CONVERSION:
            self.revenue = _exact_sum(self.revenue, money.amount)
        elif event.kind is _PAYMENT:
            self.payments = _exact_sum(self.payments, money.amount)
        else:
            self.products = _exact_sum(self.products, money.amount)

    def merged(self, other: _Cell) -> _Cell:
        if self.currency and other.currency and self.currency != other.currency:
            raise CurrencyMismatchError(
                f"cannot merge {self.currency} and {other.currency} amounts of one "
                "relationship; nanokit never converts"
            )
        cell = _Cell()
        cell.counts = [a + b for a, b in zip(self.counts, other.counts, strict=True)]
        cell.revenue = _exact_sum(self.revenue, other.revenue)
        cell.payments = _exact_sum(self.payments, other.payments)
        cell.products = _exact_sum(self.products, other.products)
        cell.currency = self.currency or other.currency
        cell.rank = max(self.rank, other.rank)
        return cell

    def copy(self) -> _Cell:
        return self.merged(_Cell())

    def state(self) -> tuple[object, ...]:
        return (
            tuple(self.counts),
            self.revenue,
            self.payments,
            self.products,
            self.currency,
            self.rank,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Cell) and self.state() == other.state()

    __hash__ = None  # type: ignore[assignment]

    def __getstate__(self) -> tuple[object, ...]:
        return self.state()

    def __setstate__(self, state: tuple[object, ...]) -> None:
        counts, self.revenue, self.payments, self.products, self.currency, self.rank = state  # type: ignore[assignment]
        self.counts = list(counts)  # type: ignore[call-overload]

    def count(self, kind: InteractionKind) -> int:
        return self.counts[_INDEX[kind]]

    @property
    def posts(self) -> int:
        return sum(self.counts[index] for index in _CONTENT)


def _to_grouping(value: object) -> Grouping:
    return enum_arg(Grouping, value, "group_by")


class KpiAccumulator:
    """Sums of an interaction log, added one record at a time, mergeable, reported by group.

    Unlike nanokit's values, an accumulator changes: `add` and `update` grow it in place
    (one new object per record would be too slow for millions of lines). `merge` returns a
    new accumulator and leaves both inputs alone. Do not share one accumulator between
    threads while it is being added to; give each its own and merge them.

    Args:
        group_by: What [`result`][nanokit.kpi.accumulator.KpiAccumulator.result] reports
            by: influencer, campaign (the default) or deal.

    Raises:
        ValidationError: For an unknown grouping.

    Examples:
        >>> empty = KpiAccumulator("deal")
        >>> empty.group_by, empty.records, empty.relationships, empty.result()
        (<Grouping.DEAL: 'deal'>, 0, 0, {})
    """

    __slots__ = ("_cells", "_group_by", "_records")

    def __init__(self, group_by: Grouping | str = Grouping.CAMPAIGN) -> None:
        self._group_by = _to_grouping(group_by)
        self._cells: dict[Key, _Cell] = {}
        self._records = 0

    @property
    def group_by(self) -> Grouping:
        """What `result` reports by."""
        return self._group_by

    @property
    def records(self) -> int:
        """How many interactions were added (merges add up)."""
        return self._records

    @property
    def relationships(self) -> int:
        """How many (influencer, campaign, deal, platform) sums are kept: the memory used.

        It grows with the relationships seen, never with the number of records.
        """
        return len(self._cells)

    def add(self, interaction: Interaction) -> None:
        """Add one interaction.

        Args:
            interaction: The record to count.

        Raises:
            ValidationError: For anything that is not an `Interaction`.
            CurrencyMismatchError: For an amount in another currency than the amounts
                already seen for the same relationship.

        Examples:
            >>> from datetime import datetime, timezone
            >>> acc = KpiAccumulator()
            >>> acc.add(Interaction(id="e", occurred_at=datetime(2026, 5, 3, tzinfo=timezone.utc),
            ...                     influencer_id="i", kind="view", count=900, campaign_id="c"))
            >>> acc.result()["c"].totals.views
            900
        """
        # The same few lines as in `update`, kept inline there for speed.
        if not isinstance(interaction, Interaction):
            raise ValidationError(
                f"expected an Interaction, got {c.describe(interaction)}", path="interaction"
            )
        key = (
            interaction.influencer_id,
            interaction.campaign_id,
            interaction.deal_id,
            interaction.platform,
        )
        cell = self._cells.get(key)
        if cell is None:
            cell = self._cells[key] = _Cell()
        cell.counts[_INDEX[interaction.kind]] += interaction.count
        if interaction.value is not None:
            cell.add_value(interaction)
        if interaction.provenance is not _MEASURED:
            cell.rank = max(cell.rank, RANK[interaction.provenance])
        self._records += 1

    def update(self, interactions: Iterable[Interaction]) -> KpiAccumulator:
        """Add every interaction of an iterable (a list, a generator, a JSON Lines reader).

        Args:
            interactions: The records, consumed once.

        Returns:
            This accumulator, so calls chain: `KpiAccumulator().update(log).result()`.

        Raises:
            ValidationError: For an item that is not an `Interaction` (the path names its
                index in this call). The records before it stay added.
            CurrencyMismatchError: As for `add`.

        Examples:
            >>> KpiAccumulator().update(["not an interaction"])
            Traceback (most recent call last):
            ...
            nanokit.exceptions.ValidationError: interactions[0]: expected an Interaction, got str 'not an interaction'
        """
        cells = self._cells
        index_of = _INDEX
        measured = _MEASURED
        added = 0
        try:
            for index, event in enumerate(interactions):
                if not isinstance(event, Interaction):
                    raise ValidationError(
                        f"expected an Interaction, got {c.describe(event)}",
                        path=f"interactions[{index}]",
                    )
                key = (event.influencer_id, event.campaign_id, event.deal_id, event.platform)
                cell = cells.get(key)
                if cell is None:
                    cell = cells[key] = _Cell()
                cell.counts[index_of[event.kind]] += event.count
                if event.value is not None:
                    cell.add_value(event)
                if event.provenance is not measured:
                    cell.rank = max(cell.rank, RANK[event.provenance])
                added += 1
        finally:
            self._records += added
        return self

    def merge(self, other: KpiAccumulator) -> KpiAccumulator:
        """A new accumulator holding the sums of both; neither input changes.

        Associative and commutative; `KpiAccumulator(group_by)` is the identity.

        Args:
            other: An accumulator with the same grouping.

        Returns:
            The merged accumulator.

        Raises:
            ValidationError: For something that is not a `KpiAccumulator`, or one with
                another grouping.
            CurrencyMismatchError: When one relationship has amounts in two currencies.

        Examples:
            >>> KpiAccumulator("deal").merge(KpiAccumulator("campaign"))
            Traceback (most recent call last):
            ...
            nanokit.exceptions.ValidationError: other: cannot merge an accumulator grouped by campaign into one grouped by deal
        """
        instance_arg(other, KpiAccumulator, "other")
        if other.group_by is not self.group_by:
            raise ValidationError(
                f"cannot merge an accumulator grouped by {other.group_by.value} into one "
                f"grouped by {self.group_by.value}",
                path="other",
            )
        merged = KpiAccumulator(self.group_by)
        cells = {key: cell.copy() for key, cell in self._cells.items()}
        for key, cell in other._cells.items():
            mine = cells.get(key)
            cells[key] = cell.copy() if mine is None else mine.merged(cell)
        merged._cells = cells
        merged._records = self._records + other._records
        return merged

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, KpiAccumulator):
            return NotImplemented
        return (
            self.group_by is other.group_by
            and self._records == other._records
            and self._cells == other._cells
        )

    __hash__ = None  # type: ignore[assignment]

    def __getstate__(self) -> tuple[object, ...]:
        return (self._group_by, self._cells, self._records)

    def __setstate__(self, state: tuple[object, ...]) -> None:
        self._group_by, self._cells, self._records = state  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"KpiAccumulator(group_by={self.group_by.value!r}, records={self.records}, "
            f"relationships={len(self._cells)})"
        )

    # -- results ----------------------------------------------------------------------
    def result(
        self,
        *,
        deals: Iterable[Deal] | None = None,
        influencers: Iterable[Influencer] | Mapping[str, Influencer] | None = None,
        definition: EngagementDefinition = DEFAULT,
        rate_card: RateCard | None = None,
    ) -> dict[str | None, KpiReport]:
        """One report per group, keyed by the influencer, campaign or deal id.

        Args:
            deals: The deals whose terms price the cost. An interaction counts toward the
                deal it names, or, without a `deal_id`, toward the one deal of its campaign
                and influencer. `None` leaves the cost (and the money KPIs) unknown.
            influencers: The influencers whose accounts' follower counts are the base of a
                follower-based engagement rate (the account on the interaction's platform,
                else the largest). `None` leaves such a rate unavailable.
            definition: The engagement-rate definition: its kinds are the engagements
                counted for CPE; its aggregate must be a mean over every post (no window).
            rate_card: Prices for an earned media value, or `None` for none.

        Returns:
            Reports by group id (`None` for records outside any campaign or deal), in
            sorted order with `None` last.

        Raises:
            ValidationError: For a definition a stream cannot compute (a median or a
                window), an interaction naming a deal that is not given or that belongs to
                another influencer or campaign, two deals for one campaign and influencer
                when an interaction names neither, or arguments of the wrong type.
            CurrencyMismatchError: When a group holds amounts in several currencies.

        Examples:
            >>> from datetime import datetime, timezone
            >>> from nanokit import Compensation, Deal, Money
            >>> at = datetime(2026, 5, 3, tzinfo=timezone.utc)
            >>> acc = KpiAccumulator("deal").update([
            ...     Interaction(id="e1", occurred_at=at, influencer_id="i", kind="post",
            ...                 count=2, campaign_id="c"),
            ... ])
            >>> deal = Deal("d", "c", "i", Compensation(cash_per_post=Money("50")))
            >>> acc.result(deals=[deal])["d"].totals.cost
            Money('100', 'USD')
        """
        return self._report(self._keyer(), deals, influencers, definition, rate_card)

    def total(
        self,
        *,
        deals: Iterable[Deal] | None = None,
        influencers: Iterable[Influencer] | Mapping[str, Influencer] | None = None,
        definition: EngagementDefinition = DEFAULT,
        rate_card: RateCard | None = None,
    ) -> KpiReport:
        """One report over everything added, whatever the grouping.

        Takes the arguments of [`result`][nanokit.kpi.accumulator.KpiAccumulator.result].

        Returns:
            The report (empty totals when nothing was added).

        Raises:
            ValidationError: As for `result`.
            CurrencyMismatchError: When the amounts are in several currencies.

        Examples:
            >>> KpiAccumulator().total().totals.posts
            0
        """
        reports = self._report(_everything, deals, influencers, definition, rate_card)
        if reports:
            return reports[None]
        empty = _Resolved(definition, deals, influencers)
        return empty.report([], rate_card)

    def _keyer(self) -> Callable[[Key, Deal | None], str | None]:
        if self.group_by is Grouping.INFLUENCER:
            return _by_influencer
        if self.group_by is Grouping.CAMPAIGN:
            return _by_campaign
        return _by_deal

    def _report(
        self,
        keyer: Callable[[Key, Deal | None], str | None],
        deals: Iterable[Deal] | None,
        influencers: Iterable[Influencer] | Mapping[str, Influencer] | None,
        definition: EngagementDefinition,
        rate_card: RateCard | None,
    ) -> dict[str | None, KpiReport]:
        resolved = _Resolved(definition, deals, influencers)
        if rate_card is not None:
            instance_arg(rate_card, RateCard, "rate_card")
        groups: dict[str | None, list[tuple[Key, _Cell, Deal | None]]] = {}
        for key, cell in self._cells.items():
            deal = resolved.deal_of(key)
            groups.setdefault(keyer(key, deal), []).append((key, cell, deal))
        order = sorted(groups, key=lambda name: (name is None, name or ""))
        return {name: resolved.report(groups[name], rate_card) for name in order}


def _everything(key: Key, deal: Deal | None) -> str | None:
    return None


def _by_influencer(key: Key, deal: Deal | None) -> str | None:
    return key[0]


def _by_campaign(key: Key, deal: Deal | None) -> str | None:
    if key[1] is not None:
        return key[1]
    return None if deal is None else deal.campaign_id


def _by_deal(key: Key, deal: Deal | None) -> str | None:
    return key[2] if deal is None else deal.id


class _Resolved:
    """The arguments of a `result` call, checked, with the lookups they need."""

    def __init__(
        self,
        definition: EngagementDefinition,
        deals: Iterable[Deal] | None,
        influencers: Iterable[Influencer] | Mapping[str, Influencer] | None,
    ) -> None:
        self.definition = instance_arg(definition, EngagementDefinition, "definition")
        if not definition.streamable:
            raise ValidationError(
                f"the {definition.name} definition needs every post ({definition.describe()}); "
                "an accumulator keeps sums only: use measure_engagement or campaign_report, "
                "or a definition whose aggregate is a mean over every post",
                path="definition",
            )
        self.deals: dict[str, Deal] | None = None
        self.pairs: dict[tuple[str, str], list[Deal]] = {}
        if deals is not None:
            self.deals = {}
            for index, deal in enumerate(instances_arg(deals, Deal, "deals")):
                if deal.id in self.deals:
                    raise ValidationError(
                        f"deal {deal.id!r} is given twice", path=f"deals[{index}]"
                    )
                self.deals[deal.id] = deal
                self.pairs.setdefault((deal.campaign_id, deal.influencer_id), []).append(deal)
        self.people = None if influencers is None else influencers_arg(influencers)

    def deal_of(self, key: Key) -> Deal | None:
        influencer, campaign, deal_id, _ = key
        if self.deals is None:
            return None
        if deal_id is None:
            if campaign is None:
                return None
            matches = self.pairs.get((campaign, influencer), [])
            if len(matches) > 1:
                ids = ", ".join(sorted(deal.id for deal in matches))
                raise ValidationError(
                    f"interactions of {influencer!r} in campaign {campaign!r} name no deal, and "
                    f"that pair has {len(matches)} deals ({ids}); give the interactions a deal_id",
                    path="deal_id",
                )
            return matches[0] if matches else None
        deal = self.deals.get(deal_id)
        if deal is None:
            raise ValidationError(
                f"interactions name deal {deal_id!r}, which is not among the deals given; pass "
                "it so its cost counts",
                path="deals",
            )
        if deal.influencer_id != influencer:
            raise ValidationError(
                f"interactions of {influencer!r} name deal {deal_id!r}, which is with "
                f"{deal.influencer_id!r}",
                path="deal_id",
            )
        if campaign is not None and deal.campaign_id != campaign:
            raise ValidationError(
                f"interactions of campaign {campaign!r} name deal {deal_id!r}, which belongs "
                f"to campaign {deal.campaign_id!r}",
                path="deal_id",
            )
        return deal

    def followers(
        self, influencer_id: str, platform: Platform | None
    ) -> tuple[int | None, Provenance]:
        if self.people is None:
            return None, _MEASURED
        person = self.people.get(influencer_id)
        if person is None:
            return None, _MEASURED
        account = person.largest_account if platform is None else person.account(platform)
        if account is None or account.audience is None:
            return None, _MEASURED
        return account.audience.followers, account.audience.provenance

    def report(
        self, members: list[tuple[Key, _Cell, Deal | None]], rate_card: RateCard | None
    ) -> KpiReport:
        total = _Cell()
        by_deal: dict[str, tuple[Deal, _Cell]] = {}
        posts_by_account: dict[tuple[str, Platform | None], int] = {}
        for key, cell, deal in members:
            total = total.merged(cell)
            if deal is not None:
                _, so_far = by_deal.get(deal.id, (deal, _Cell()))
                by_deal[deal.id] = (deal, so_far.merged(cell))
            account = (key[0], key[3])
            posts_by_account[account] = posts_by_account.get(account, 0) + cell.posts
        currency = self._currency(total, [deal for deal, _ in by_deal.values()])
        notes: list[str] = []
        cost: Money | None = None
        if self.deals is not None:
            cost = Money.zero(currency)
            for deal_id in sorted(by_deal):
                deal, cell = by_deal[deal_id]
                cost += _deal_cost(deal, cell, currency)
        engagement = self._engagement(total, posts_by_account)
        counts = {field: total.count(kind) for kind, field in AUDIENCE_FIELDS.items()}
        totals = KpiTotals(
            posts=total.posts,
            engagements=sum(total.count(kind) for kind in self.definition.kinds),
            cost=cost,
            revenue=Money(total.revenue, currency),
            payments=Money(total.payments, currency),
            products_sent=Money(total.products, currency),
            provenance=WEAKEST[total.rank],
            **counts,
        )
        return KpiReport.from_totals(totals, engagement, rate_card=rate_card, notes=notes)

    def _currency(self, total: _Cell, deals: list[Deal]) -> str:
        seen = {total.currency} if total.currency else set()
        seen |= {deal.compensation.currency for deal in deals if deal.compensation.currency}
        if len(seen) > 1:
            raise CurrencyMismatchError(
                f"amounts in {sorted(seen)} in one report; nanokit never converts, so keep "
                "each currency's deals and interactions apart"
            )
        return seen.pop() if seen else "USD"

    def _engagement(
        self, total: _Cell, posts_by_account: dict[tuple[str, Platform | None], int]
    ) -> Engagement:
        definition = self.definition
        engagements = sum(total.count(kind) for kind in definition.kinds)
        posts = total.posts
        base_kind = definition.base.kind
        if base_kind is not None:
            return _from_totals(
                definition,
                engagements=engagements,
                base=total.count(base_kind),
                posts=posts,
                provenance=WEAKEST[total.rank],
            )
        base = 0
        counts: list[int] = []
        unknown: list[str] = []
        rank = total.rank
        for (influencer, platform), published in sorted(
            posts_by_account.items(), key=lambda item: (item[0][0], str(item[0][1]))
        ):
            if not published:
                continue
            followers, provenance = self.followers(influencer, platform)
            if followers is None:
                unknown.append(influencer)
                continue
            counts.append(followers)
            base += published * followers
            rank = max(rank, RANK[provenance])
        notes = []
        if unknown:
            notes.append(
                "the follower count of "
                + ", ".join(sorted(set(unknown)))
                + " is unknown: pass influencers with audience snapshots"
            )
        return _from_totals(
            definition,
            engagements=engagements,
            base=base,
            posts=posts,
            followers=counts,
            unavailable=("followers",) if unknown else (),
            provenance=WEAKEST[rank],
            notes=notes,
        )


def _deal_cost(deal: Deal, cell: _Cell, currency: str) -> Money:
    """What a deal cost: fulfilled incentives only (see the `report` module)."""
    terms = deal.compensation
    posts = cell.posts
    cost = Money.zero(currency)
    if posts or cell.count(_K.PRODUCT_SENT):
        cost += terms.fixed_value(posts, currency)
    if terms.commission is not None:
        cost += terms.commission.earned(
            revenue=Money(cell.revenue, currency),
            sales=cell.count(_K.CONVERSION),
            clicks=cell.count(_K.CLICK),
        )
    return cost
