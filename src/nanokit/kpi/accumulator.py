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

The fastest way in is [`read_jsonl`][nanokit.kpi.accumulator.KpiAccumulator.read_jsonl]:
it checks each JSON line exactly as the serializer does, then sums it without building an
`Interaction`. A [`LogSummary`][nanokit.kpi.accumulator.LogSummary] reads a whole log of
workspace records that way, keeping the influencers, campaigns and deals a report needs; it
merges like an accumulator, which is how [Dask][nanokit.integrations.dask] or Spark report a log
part by part.

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
import operator
import os
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Final, TypeVar

from nanokit import serialization as _ser
from nanokit._args import enum_arg, influencers_arg, instance_arg, instances_arg
from nanokit.exceptions import CurrencyMismatchError, ValidationError
from nanokit.kpi._provenance import RANK, WEAKEST
from nanokit.kpi.definitions import DEFAULT, EngagementDefinition
from nanokit.kpi.emv import RateCard
from nanokit.kpi.engagement import Engagement, _from_totals
from nanokit.kpi.report import AUDIENCE_FIELDS, KpiReport, KpiTotals
from nanokit.model import _checks as c
from nanokit.model.campaign import Campaign
from nanokit.model.deal import Deal
from nanokit.model.enums import InteractionFamily, InteractionKind, Platform, Provenance
from nanokit.model.influencer import Influencer
from nanokit.model.interaction import Interaction
from nanokit.money import MAX_DIGITS, Money
from nanokit.serialization import Record

__all__ = ["Grouping", "KpiAccumulator", "LogSummary"]

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

T = TypeVar("T")

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


_ZERO: Final = Decimal(0)
"""The sum of nothing: every sum of a cell starts as this very object."""


def _plus(left: Decimal, right: Decimal) -> Decimal:
    """`_exact_sum`, skipping a side to which nothing was ever added.

    A cell's sum starts as `_ZERO` (exponent 0) and only grows by exact additions, so its
    exponent is never above 0; adding `_ZERO` to it changes neither its value nor its
    digits, and can be skipped.
    """
    if right is _ZERO:
        return left
    if left is _ZERO:
        return right
    return _exact_sum(left, right)


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

    __slots__ = ("counts", "currency", "payments", "products", "rank", "records", "revenue")

    def __init__(self) -> None:
        self.counts = [0] * len(_KINDS)
        self.revenue = _ZERO
        self.payments = _ZERO
        self.products = _ZERO
        self.currency: str | None = None
        self.rank = 0
        self.records = 0

    def add_value(self, event: Interaction) -> None:
        assert event.value is not None  # the caller checked
        self.add_amount(event.kind, event.value, event.id, event.influencer_id)

    def add_amount(
        self, kind: InteractionKind, money: Money, event_id: str, influencer_id: str
    ) -> None:
        if self.currency is None:
            self.currency = money.currency
        elif money.currency != self.currency:
            raise CurrencyMismatchError(
                f"interaction {event_id!r}: a {money.currency} amount among {self.currency} "
                f"amounts of influencer {influencer_id!r}; nanokit never converts"
            )
        if kind is _CONVERSION:
            self.revenue = _exact_sum(self.revenue, money.amount)
        elif kind is _PAYMENT:
            self.payments = _exact_sum(self.payments, money.amount)
        else:
            self.products = _exact_sum(self.products, money.amount)

    def absorb(self, other: _Cell) -> _Cell:
        """Add `other`'s sums to this cell's, in place; return this cell."""
        if self.currency and other.currency and self.currency != other.currency:
            raise CurrencyMismatchError(
                f"cannot merge {self.currency} and {other.currency} amounts of one "
                "relationship; nanokit never converts"
            )
        self.counts = list(map(operator.add, self.counts, other.counts))
        self.revenue = _plus(self.revenue, other.revenue)
        self.payments = _plus(self.payments, other.payments)
        self.products = _plus(self.products, other.products)
        self.currency = self.currency or other.currency
        self.rank = max(self.rank, other.rank)
        self.records += other.records
        return self

    def copy(self) -> _Cell:
        cell = _Cell()
        cell.counts = self.counts.copy()
        cell.revenue = self.revenue
        cell.payments = self.payments
        cell.products = self.products
        cell.currency = self.currency
        cell.rank = self.rank
        cell.records = self.records
        return cell

    def state(self) -> tuple[object, ...]:
        return (
            tuple(self.counts),
            self.revenue,
            self.payments,
            self.products,
            self.currency,
            self.rank,
            self.records,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Cell) and self.state() == other.state()

    __hash__ = None  # type: ignore[assignment]

    def __getstate__(self) -> tuple[object, ...]:
        return self.state()

    def __setstate__(self, state: tuple[object, ...]) -> None:
        (
            counts,
            self.revenue,
            self.payments,
            self.products,
            self.currency,
            self.rank,
            self.records,
        ) = state  # type: ignore[assignment]
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
        cell.records += 1
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
                cell.records += 1
                if event.value is not None:
                    cell.add_value(event)
                if event.provenance is not measured:
                    cell.rank = max(cell.rank, RANK[event.provenance])
                added += 1
        finally:
            self._records += added
        return self

    def read_jsonl(
        self,
        lines: Iterable[str | bytes],
        *,
        tagged: bool = False,
        keep: Callable[[Record], object] | None = None,
        on_error: Callable[[ValidationError], object] | None = None,
    ) -> KpiAccumulator:
        """Add every interaction of a JSON Lines stream, checking each line, keeping none.

        Each line is checked exactly as [`iter_jsonl`][nanokit.serialization.iter_jsonl]
        checks it (a bad line raises the same error), but a valid interaction is only
        summed: no `Interaction` is built for it. This is the fast way to sum a large log.
        Lines are read a few dozen at a time: when a bad line stops the reading, the lines
        before it are added, and some lines after it may have been taken from `lines`.

        Args:
            lines: Lines of text or bytes, such as a file opened in binary mode.
            tagged: The lines are workspace records tagged by `"type"`, as
                [`write_records`][nanokit.serialization.write_records] writes them, rather
                than interactions alone.
            keep: For a tagged stream, called with each record that is not an interaction
                (influencers, campaigns, deals), once it is checked; `None` checks them and
                passes them by.
            on_error: Called with the `ValidationError` of a bad line, which is then
                skipped; by default the error is raised and reading stops.

        Returns:
            This accumulator.

        Raises:
            ValidationError: For a bad line (unless `on_error` is given), with its line
                number; the lines before it stay added.
            CurrencyMismatchError: As for `add`.

        Examples:
            >>> log = [
            ...     '{"id": "e1", "occurred_at": "2026-05-03T18:00:00Z", "influencer_id": "i", "kind": "post", "campaign_id": "c"}',
            ...     '{"id": "e2", "occurred_at": "2026-05-03T19:00:00Z", "influencer_id": "i", "kind": "like", "count": 40, "campaign_id": "c"}',
            ... ]
            >>> acc = KpiAccumulator().read_jsonl(log)
            >>> acc.records, acc.result()["c"].totals.likes
            (2, 40)
            >>> KpiAccumulator().read_jsonl(['{"id": "e3", "occurred_at": "2026-05-03", "influencer_id": "i", "kind": "like"}'])
            Traceback (most recent call last):
            ...
            nanokit.exceptions.ValidationError: line 1: $.occurred_at: '2026-05-03' has no UTC offset; write one, as in '2026-05-03T18:00:00+00:00' or '2026-05-03T18:00:00Z'
        """
        # The loop of `serialization._scan`, inlined: this is the hot path of a report.
        cells = self._cells
        index_of = _INDEX
        measured = _MEASURED
        rank_of = RANK
        hook = None if tagged else _ser.CONVERTER.get_structure_hook(Interaction)
        added = 0
        try:
            for chunk in _ser._lane_chunks(lines, tagged, _ser._LANE_OPEN):
                if isinstance(chunk, list):  # the checked fields of interactions
                    for item in chunk:
                        cell = cells.get(item[15])  # the relationship: the key of its sums
                        if cell is None:
                            cell = cells[item[15]] = _Cell()
                        cell.counts[index_of[item[3]]] += item[4]
                        cell.records += 1
                        if item[8] is not None:
                            cell.add_amount(item[3], item[8], item[0], item[2])
                        if item[13] is not measured:
                            cell.rank = max(cell.rank, rank_of[item[13]])
                        added += 1
                    continue
                number, line = chunk  # the ordinary path decides, and builds the record
                try:
                    record = _ser._read_line(line, number, Interaction, hook)
                except ValidationError as error:
                    if on_error is None:
                        raise
                    on_error(error)
                    continue
                if isinstance(record, Interaction):
                    self.add(record)
                elif keep is not None:
                    keep(record)
        finally:
            self._records += added
        return self

    def for_campaign(self, campaign_id: str, *, deals: Iterable[Deal] = ()) -> KpiAccumulator:
        """A new accumulator with only the sums of one campaign.

        An interaction belongs to the campaign it names, or, when it names none, to the
        campaign of the deal it names (found among `deals`).

        Args:
            campaign_id: The campaign to keep.
            deals: The deals, so that interactions naming only a deal can be placed.

        Returns:
            The accumulator of that campaign (same grouping); this one does not change.

        Raises:
            ValidationError: For a campaign id that is not text, or deals that are not deals.

        Examples:
            >>> from datetime import datetime, timezone
            >>> from nanokit import Compensation, Deal
            >>> at = datetime(2026, 5, 3, tzinfo=timezone.utc)
            >>> acc = KpiAccumulator("influencer").update([
            ...     Interaction(id="e1", occurred_at=at, influencer_id="i", kind="like", campaign_id="c1"),
            ...     Interaction(id="e2", occurred_at=at, influencer_id="i", kind="like", deal_id="d2"),
            ... ])
            >>> deal = Deal("d2", "c2", "i", Compensation())
            >>> acc.for_campaign("c2", deals=[deal]).records, acc.for_campaign("c1").records
            (1, 1)
        """
        if not isinstance(campaign_id, str):
            raise ValidationError(
                f"expected a campaign id, got {c.describe(campaign_id)}", path="campaign_id"
            )
        campaign_of = {deal.id: deal.campaign_id for deal in instances_arg(deals, Deal, "deals")}
        kept = KpiAccumulator(self.group_by)
        for key, cell in self._cells.items():
            _, campaign, deal_id, _ = key
            if campaign is None and deal_id is not None:
                campaign = campaign_of.get(deal_id)
            if campaign == campaign_id:
                kept._cells[key] = cell.copy()
                kept._records += cell.records
        return kept

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
            if mine is None:
                cells[key] = cell.copy()
            else:
                mine.absorb(cell)
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
            total.absorb(cell)
            if deal is not None:
                found = by_deal.get(deal.id)
                if found is None:
                    by_deal[deal.id] = (deal, cell.copy())
                else:
                    found[1].absorb(cell)
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


class LogSummary:
    """What a report needs from a log of workspace records, in memory that does not grow
    with its lines.

    A tagged JSON Lines log (as [`write_records`][nanokit.serialization.write_records]
    writes it) mixes influencers, campaigns, deals and interactions. A summary keeps the
    first three, which are few and which a report needs (deals price the cost, influencers'
    follower counts are the base of the engagement rate), and sums the interactions in a
    [`KpiAccumulator`][nanokit.kpi.accumulator.KpiAccumulator] without keeping them.

    Summaries merge as accumulators do, so a log split into parts (files, days, the
    partitions of a Dask bag or a Spark RDD) can be summarised part by part and the parts
    merged, in any order: the reports are exactly those of one pass. A record given twice
    must be the same both times; two different versions of one record are refused, since
    which one a report should use would depend on the order of the parts.

    Args:
        group_by: What [`report`][nanokit.kpi.accumulator.LogSummary.report] reports by:
            influencer, campaign (the default) or deal.

    Raises:
        ValidationError: For an unknown grouping.

    Examples:
        >>> lines = [
        ...     '{"type": "deal", "id": "d-1", "campaign_id": "c-1", "influencer_id": "i-1", "compensation": {"cash_per_post": {"amount": "50"}}}',
        ...     '{"type": "interaction", "id": "e-1", "occurred_at": "2026-05-03T18:00:00Z", "influencer_id": "i-1", "kind": "post", "campaign_id": "c-1"}',
        ...     '{"type": "interaction", "id": "e-2", "occurred_at": "2026-05-03T19:00:00Z", "influencer_id": "i-1", "kind": "like", "count": 25, "campaign_id": "c-1"}',
        ... ]
        >>> whole = LogSummary("deal").read(lines)
        >>> sorted(whole.deals), whole.accumulator.records
        (['d-1'], 2)
        >>> str(whole.report()["d-1"].cpe)
        '$2.00'
        >>> halves = LogSummary("deal").read(lines[2:]).merge(LogSummary("deal").read(lines[:2]))
        >>> halves == whole
        True
    """

    __slots__ = ("_accumulator", "_campaigns", "_deals", "_influencers")

    def __init__(self, group_by: Grouping | str = Grouping.CAMPAIGN) -> None:
        self._accumulator = KpiAccumulator(group_by)
        self._influencers: dict[str, Influencer] = {}
        self._campaigns: dict[str, Campaign] = {}
        self._deals: dict[str, Deal] = {}

    @property
    def group_by(self) -> Grouping:
        """What `report` reports by."""
        return self._accumulator.group_by

    @property
    def accumulator(self) -> KpiAccumulator:
        """The sums of every interaction read (of every campaign)."""
        return self._accumulator

    @property
    def influencers(self) -> Mapping[str, Influencer]:
        """The influencers read, by id."""
        return MappingProxyType(self._influencers)

    @property
    def campaigns(self) -> Mapping[str, Campaign]:
        """The campaigns read, by id."""
        return MappingProxyType(self._campaigns)

    @property
    def deals(self) -> Mapping[str, Deal]:
        """The deals read, by id."""
        return MappingProxyType(self._deals)

    def add(self, record: Record) -> None:
        """Add one record: an interaction is summed, any other record kept.

        Args:
            record: An `Influencer`, `Campaign`, `Deal` or `Interaction`.

        Raises:
            ValidationError: For anything else, or for a record whose id was already given
                with different data.
            CurrencyMismatchError: As for `KpiAccumulator.add`.

        Examples:
            >>> from nanokit import Compensation, Deal
            >>> summary = LogSummary()
            >>> summary.add(Deal("d-1", "c-1", "i-1", Compensation()))
            >>> summary.add(Deal("d-1", "c-2", "i-1", Compensation()))
            Traceback (most recent call last):
            ...
            nanokit.exceptions.ValidationError: $.id: deal 'd-1' is given twice with different data; keep one version of each record in a log
        """
        if isinstance(record, Interaction):
            self._accumulator.add(record)
        elif isinstance(record, Deal):
            _keep_once(self._deals, record.id, record, "deal")
        elif isinstance(record, Influencer):
            _keep_once(self._influencers, record.id, record, "influencer")
        elif isinstance(record, Campaign):
            _keep_once(self._campaigns, record.id, record, "campaign")
        else:
            raise ValidationError(
                f"expected an Influencer, Campaign, Deal or Interaction, got {c.describe(record)}",
                path="record",
            )

    def read(
        self,
        lines: Iterable[str | bytes],
        *,
        on_error: Callable[[ValidationError], object] | None = None,
    ) -> LogSummary:
        """Read a tagged JSON Lines stream: records are kept, interactions summed.

        Every line is checked as [`iter_records`][nanokit.serialization.iter_records]
        checks it; interactions are summed without being built (see
        [`KpiAccumulator.read_jsonl`][nanokit.kpi.accumulator.KpiAccumulator.read_jsonl]).

        Args:
            lines: Lines of text or bytes, such as a file opened in binary mode.
            on_error: Called with the `ValidationError` of a bad line, which is then
                skipped; by default the error is raised and reading stops.

        Returns:
            This summary.

        Raises:
            ValidationError: For a bad line (unless `on_error` is given), with its line
                number, or for a record given twice with different data.
            CurrencyMismatchError: As for `KpiAccumulator.add`.

        Examples:
            >>> LogSummary().read(['{"type": "brand"}'])
            Traceback (most recent call last):
            ...
            nanokit.exceptions.ValidationError: line 1: $.type: expected one of 'influencer', 'campaign', 'deal', 'interaction'; got the string 'brand'
        """
        self._accumulator.read_jsonl(lines, tagged=True, keep=self.add, on_error=on_error)
        return self

    @classmethod
    def read_file(
        cls,
        path: str | os.PathLike[str],
        group_by: Grouping | str = Grouping.CAMPAIGN,
        *,
        workers: int | None = 1,
        on_error: Callable[[ValidationError], object] | None = None,
        progress: Callable[[int], object] | None = None,
    ) -> LogSummary:
        """Read a tagged JSON Lines file into a new summary, with several processes if asked.

        With `workers` above 1, a large file is cut into byte ranges at line starts, a few
        per worker; worker processes fold the ranges into summaries, and this process merges
        them in file order. Every sum is exact, so the summary equals (`==`) that of
        `LogSummary(group_by).read(open(path, "rb"))`, and the errors are the sequential
        read's errors too: the same first error, with the file's own line number and the same
        message, or, with `on_error`, every bad line reported in file order, all in this
        process. A record given twice with different data, or amounts of one relationship in
        two currencies, is refused with the sequential message at the same line: the range
        where it clashes is read again here, on top of the ranges before it.

        A file under 16 MiB per worker is read by fewer workers, and by none (in this
        process, exactly as `read` reads it) when one would be enough. Workers start with
        `fork` on POSIX systems but macOS when this process runs a single thread (at once,
        nanokit already imported), else with `spawn`: then call this under
        `if __name__ == "__main__":` in a script, as `multiprocessing` asks. The file must not
        change while it is read.

        Args:
            path: The file (a tagged log, as
                [`write_records`][nanokit.serialization.write_records] writes it).
            group_by: What [`report`][nanokit.kpi.accumulator.LogSummary.report] reports
                by: influencer, campaign (the default) or deal.
            workers: How many processes may read at once: 1 (the default) reads in this
                process; `None` means every CPU this process may use.
            on_error: Called with the `ValidationError` of each bad line, which is then
                skipped; by default the first one is raised.
            progress: Called from time to time (in this process) with the number of lines
                read so far, for a progress line.

        Returns:
            The summary of the whole file.

        Raises:
            ValidationError: For a bad line (unless `on_error` is given), with its line
                number; for a record given twice with different data; for a bad grouping,
                `workers` (not a whole number of at least 1, or `None`), or a callback that
                is not callable.
            CurrencyMismatchError: As for `KpiAccumulator.add`.
            OSError: When the file cannot be read (it is missing, or a folder).

        Examples:
            >>> import os, tempfile
            >>> lines = [
            ...     '{"type": "deal", "id": "d-1", "campaign_id": "c-1", "influencer_id": "i-1", "compensation": {"cash_per_post": {"amount": "50"}}}',
            ...     '{"type": "interaction", "id": "e-1", "occurred_at": "2026-05-03T18:00:00Z", "influencer_id": "i-1", "kind": "post", "campaign_id": "c-1"}',
            ...     '{"type": "interaction", "id": "e-2", "occurred_at": "2026-05-03T19:00:00Z", "influencer_id": "i-x", "kind": "like", "count": 0}',
            ... ]
            >>> path = os.path.join(tempfile.mkdtemp(), "log.jsonl")
            >>> with open(path, "w", encoding="utf-8") as handle:
            ...     _ = handle.write("\\n".join(lines))
            >>> problems = []
            >>> summary = LogSummary.read_file(path, "deal", workers=2, on_error=problems.append)
            >>> summary == LogSummary("deal").read(lines[:2])
            True
            >>> [str(problem) for problem in problems]
            ['line 3: $.count: must be at least 1, got 0']

            Two workers were allowed, but a file this small is read in this process. Without
            `on_error`, the first bad line stops the read:

            >>> LogSummary.read_file(path, "deal", workers=None)
            Traceback (most recent call last):
            ...
            nanokit.exceptions.ValidationError: line 3: $.count: must be at least 1, got 0
            >>> LogSummary.read_file(path, workers=0)
            Traceback (most recent call last):
            ...
            nanokit.exceptions.ValidationError: workers: must be at least 1, got 0
        """
        from nanokit.kpi import _split  # here: _split imports this module

        return _split.read_file(
            path, group_by, workers=workers, on_error=on_error, progress=progress
        )

    def merge(self, other: LogSummary) -> LogSummary:
        """A new summary holding both; neither input changes.

        Associative and commutative; `LogSummary(group_by)` is the identity.

        Args:
            other: A summary with the same grouping.

        Returns:
            The merged summary.

        Raises:
            ValidationError: For something that is not a `LogSummary`, another grouping, or
                a record both hold with different data.
            CurrencyMismatchError: As for `KpiAccumulator.merge`.

        Examples:
            >>> LogSummary("deal").merge(LogSummary("deal")) == LogSummary("deal")
            True
        """
        instance_arg(other, LogSummary, "other")
        merged = LogSummary(self.group_by)
        merged._accumulator = self._accumulator.merge(other._accumulator)
        _union(merged._influencers, self._influencers, other._influencers, "influencer")
        _union(merged._campaigns, self._campaigns, other._campaigns, "campaign")
        _union(merged._deals, self._deals, other._deals, "deal")
        return merged

    def report(
        self,
        *,
        campaign: str | None = None,
        definition: EngagementDefinition = DEFAULT,
        rate_card: RateCard | None = None,
    ) -> dict[str | None, KpiReport]:
        """One report per group, priced by the deals read, with the influencers' followers.

        Args:
            campaign: Report only this campaign (interactions that name it, or name a deal
                of it), priced by its deals only; `None` reports everything.
            definition: The engagement-rate definition (a mean over every post).
            rate_card: Prices for an earned media value, or `None` for none.

        Returns:
            Reports by group id, as
            [`KpiAccumulator.result`][nanokit.kpi.accumulator.KpiAccumulator.result] gives.

        Raises:
            ValidationError: For a campaign the log does not hold, and as for `result`.
            CurrencyMismatchError: As for `result`.

        Examples:
            >>> LogSummary().report(campaign="c-9")
            Traceback (most recent call last):
            ...
            nanokit.exceptions.ValidationError: campaign: the log holds no campaign 'c-9'; campaigns: none
        """
        accumulator, deals = self._scope(campaign)
        return accumulator.result(
            deals=deals, influencers=self._influencers, definition=definition, rate_card=rate_card
        )

    def total(
        self,
        *,
        campaign: str | None = None,
        definition: EngagementDefinition = DEFAULT,
        rate_card: RateCard | None = None,
    ) -> KpiReport:
        """One report over everything read (or over one campaign), whatever the grouping.

        Takes the arguments of [`report`][nanokit.kpi.accumulator.LogSummary.report].

        Returns:
            The report.

        Raises:
            ValidationError: As for `report`.
            CurrencyMismatchError: As for `report`.

        Examples:
            >>> LogSummary().total().totals.cost
            Money('0', 'USD')
        """
        accumulator, deals = self._scope(campaign)
        return accumulator.total(
            deals=deals, influencers=self._influencers, definition=definition, rate_card=rate_card
        )

    def _scope(self, campaign: str | None) -> tuple[KpiAccumulator, list[Deal]]:
        deals = list(self._deals.values())
        if campaign is None:
            return self._accumulator, deals
        if campaign not in self._campaigns:
            known = ", ".join(sorted(self._campaigns)) or "none"
            raise ValidationError(
                f"the log holds no campaign {campaign!r}; campaigns: {known}", path="campaign"
            )
        deals = [deal for deal in deals if deal.campaign_id == campaign]
        return self._accumulator.for_campaign(campaign, deals=self._deals.values()), deals

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LogSummary):
            return NotImplemented
        return (
            self._accumulator == other._accumulator
            and self._influencers == other._influencers
            and self._campaigns == other._campaigns
            and self._deals == other._deals
        )

    __hash__ = None  # type: ignore[assignment]

    def __getstate__(self) -> tuple[object, ...]:
        return (self._accumulator, self._influencers, self._campaigns, self._deals)

    def __setstate__(self, state: tuple[object, ...]) -> None:
        self._accumulator, self._influencers, self._campaigns, self._deals = state  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"LogSummary(group_by={self.group_by.value!r}, records={self._accumulator.records}, "
            f"influencers={len(self._influencers)}, campaigns={len(self._campaigns)}, "
            f"deals={len(self._deals)})"
        )


def _union(into: dict[str, T], mine: dict[str, T], theirs: dict[str, T], kind: str) -> None:
    """Put the records of both into `into`, refusing two versions of one record."""
    into.update(mine)
    for record_id, record in theirs.items():
        _keep_once(into, record_id, record, kind)


def _keep_once(kept: dict[str, T], record_id: str, record: T, kind: str) -> None:
    """Keep `record` under its id, refusing another version of a record already kept."""
    known = kept.get(record_id)
    if known is None:
        kept[record_id] = record
    elif known != record:
        raise ValidationError(
            f"{kind} {record_id!r} is given twice with different data; keep one version of "
            "each record in a log",
            path="$.id",
        )
