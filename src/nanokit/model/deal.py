"""Deals: one influencer's agreement within one campaign, with its compensation and lifecycle.

Examples:
    >>> from datetime import datetime, timezone
    >>> from nanokit import Compensation, Deal, DealStatus, Money, ProductGift
    >>> at = datetime(2026, 4, 1, 9, 0, tzinfo=timezone.utc)
    >>> deal = Deal(
    ...     id="deal-1",
    ...     campaign_id="cmp-spring",
    ...     influencer_id="inf-maya",
    ...     compensation=Compensation(
    ...         product=ProductGift("Starter kit", Money("45")), cash_per_post=Money("60")
    ...     ),
    ... )
    >>> deal = deal.advance(DealStatus.AGREED, at=at)
    >>> deal.status.value, len(deal.history)
    ('agreed', 1)
    >>> deal.compensation.fixed_value(posts=3)
    Money('225', 'USD')
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Final

import attrs

from nanokit.exceptions import CurrencyMismatchError, DealStateError, ValidationError
from nanokit.model import _checks as c
from nanokit.model.campaign import Deliverable
from nanokit.model.enums import DealStatus
from nanokit.money import Money

__all__ = [
    "ALLOWED_MOVES",
    "Commission",
    "Compensation",
    "Deal",
    "Fee",
    "ProductGift",
    "StatusChange",
]

_S = DealStatus
_EXITS = frozenset({_S.DECLINED, _S.CANCELLED})

ALLOWED_MOVES: Final[dict[DealStatus, frozenset[DealStatus]]] = {
    _S.PROPOSED: frozenset({_S.NEGOTIATING, _S.AGREED}) | _EXITS,
    _S.NEGOTIATING: frozenset({_S.AGREED}) | _EXITS,
    _S.AGREED: frozenset({_S.IN_PROGRESS}) | _EXITS,
    _S.IN_PROGRESS: frozenset({_S.DELIVERED}) | _EXITS,
    _S.DELIVERED: frozenset({_S.COMPLETED}) | _EXITS,
    _S.COMPLETED: frozenset(),
    _S.DECLINED: frozenset(),
    _S.CANCELLED: frozenset(),
}
"""The deal lifecycle: for each status, the statuses it may move to.

`proposed -> negotiating -> agreed -> in_progress -> delivered -> completed`; a proposal
accepted as it stands may go straight from `proposed` to `agreed`; `declined` and
`cancelled` are exits from every open status; closed statuses go nowhere.
"""


@attrs.frozen
class ProductGift:
    """Free product given to an influencer, with its retail value (which is compensation).

    Args:
        description: What was given.
        retail_value: What it would cost in a shop.

    Examples:
        >>> ProductGift("Sourdough starter kit", Money("45")).retail_value
        Money('45', 'USD')
    """

    description: str = attrs.field(validator=c.text(max_length=2000))
    """What was given."""
    retail_value: Money = attrs.field(validator=c.money())
    """What it would cost in a shop."""


@attrs.frozen
class Fee:
    """A fixed fee paid with a deal (an agency fee, shipping, a usage-rights fee).

    Args:
        description: What the fee is for.
        amount: How much.

    Examples:
        >>> Fee("usage rights", Money("50")).amount
        Money('50', 'USD')
    """

    description: str = attrs.field(validator=c.text(max_length=2000))
    """What the fee is for."""
    amount: Money = attrs.field(validator=c.money())
    """How much it is."""


@attrs.frozen
class Commission:
    """Affiliate terms: a fraction of sale value, a fixed amount per sale, per click, or a mix.

    Args:
        rate: A fraction of each sale's value (`"0.10"` for 10%).
        per_sale: A fixed amount per sale.
        per_click: A fixed amount per click.

    Raises:
        ValidationError: When no term is given, or a rate is outside [0, 1].
        CurrencyMismatchError: When the fixed amounts are in different currencies.

    Examples:
        >>> terms = Commission(rate="0.10", per_click=Money("0.05"))
        >>> terms.earned(revenue=Money("1080"), sales=24, clicks=600)
        Money('138.00', 'USD')
    """

    rate: Decimal | None = attrs.field(
        default=None, converter=c.decimal_value, validator=c.optional(c.fraction)
    )
    """Fraction of each sale's value, `0.10` for 10%."""
    per_sale: Money | None = attrs.field(default=None, validator=c.optional(c.money()))
    """A fixed amount per sale."""
    per_click: Money | None = attrs.field(default=None, validator=c.optional(c.money()))
    """A fixed amount per click."""

    def __attrs_post_init__(self) -> None:
        if self.rate is None and self.per_sale is None and self.per_click is None:
            raise ValidationError(
                "give a rate, per_sale, per_click or a mix", path="Commission.rate"
            )
        if (
            self.per_sale is not None
            and self.per_click is not None
            and self.per_sale.currency != self.per_click.currency
        ):
            raise CurrencyMismatchError(
                f"Commission.per_click: {self.per_click.currency} differs from "
                f"per_sale's {self.per_sale.currency}"
            )

    def earned(self, *, revenue: Money, sales: int, clicks: int) -> Money:
        """The commission earned on `sales` sales worth `revenue` in total, and `clicks` clicks.

        Args:
            revenue: Total value of the attributed sales (its currency is the result's).
            sales: Number of attributed sales.
            clicks: Number of attributed clicks.

        Returns:
            The commission, exact.

        Raises:
            CurrencyMismatchError: When a fixed amount is not in the revenue's currency.
            ValidationError: For negative counts.

        Examples:
            >>> Commission(per_sale=Money("2")).earned(revenue=Money("0"), sales=3, clicks=0)
            Money('6', 'USD')
        """
        for name, number in (("sales", sales), ("clicks", clicks)):
            if isinstance(number, bool) or not isinstance(number, int) or number < 0:
                raise ValidationError(f"expected a count of at least 0, got {number!r}", path=name)
        total = Money.zero(revenue.currency)
        if self.rate is not None:
            total += revenue * self.rate
        if self.per_sale is not None:
            total += self.per_sale * sales
        if self.per_click is not None:
            total += self.per_click * clicks
        return total


@attrs.frozen
class Compensation:
    """What an influencer gets for a deal: product, cash, commission, fees, or any mix.

    All amounts are in one currency. An empty compensation (nothing at all) is allowed:
    some nano influencers post for nothing, and the policies say so.

    Args:
        product: Free product with its retail value.
        cash_per_post: Cash paid per post.
        commission: Affiliate terms.
        discount_code: A code the influencer shares with the audience.
        tracking_link: A tracked link the influencer shares.
        fees: Fixed fees paid with the deal.

    Raises:
        CurrencyMismatchError: When two amounts are in different currencies.

    Examples:
        >>> Compensation(cash_per_post=Money("60"), fees=[Fee("agency", Money("20"))]).fixed_value(2)
        Money('140', 'USD')
        >>> Compensation().is_empty
        True
    """

    product: ProductGift | None = attrs.field(
        default=None, validator=c.optional(c.instance_of(ProductGift))
    )
    """Free product with its retail value."""
    cash_per_post: Money | None = attrs.field(default=None, validator=c.optional(c.money()))
    """Cash paid per post."""
    commission: Commission | None = attrs.field(
        default=None, validator=c.optional(c.instance_of(Commission))
    )
    """Affiliate terms, paid once conversions or clicks happen."""
    discount_code: str | None = attrs.field(
        default=None, validator=c.optional(c.text(max_length=200))
    )
    """A code the influencer shares with the audience."""
    tracking_link: str | None = attrs.field(
        default=None, validator=c.optional(c.text(max_length=2000))
    )
    """A tracked link the influencer shares."""
    fees: tuple[Fee, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.instance_of(Fee))
    )
    """Fixed fees paid with the deal."""

    def __attrs_post_init__(self) -> None:
        currencies = {amount.currency for amount in self._amounts()}
        if len(currencies) > 1:
            raise CurrencyMismatchError(
                f"Compensation: all amounts must be in one currency, got {sorted(currencies)}"
            )

    def _amounts(self) -> list[Money]:
        amounts = [fee.amount for fee in self.fees]
        if self.product is not None:
            amounts.append(self.product.retail_value)
        if self.cash_per_post is not None:
            amounts.append(self.cash_per_post)
        if self.commission is not None:
            amounts.extend(
                money
                for money in (self.commission.per_sale, self.commission.per_click)
                if money is not None
            )
        return amounts

    @property
    def currency(self) -> str | None:
        """The currency of the amounts, or `None` when there are none."""
        amounts = self._amounts()
        return amounts[0].currency if amounts else None

    @property
    def is_empty(self) -> bool:
        """Whether nothing at all is offered (no product, cash, commission or fee)."""
        return not self._amounts() and self.commission is None

    def fixed_value(self, posts: int, currency: str | None = None) -> Money:
        """The value known up front: cash for `posts` posts, product retail value and fees.

        Commissions are not included: they are earned only when sales or clicks happen.

        Args:
            posts: Number of posts the cash is paid for.
            currency: The currency of a zero result when the compensation holds no amount;
                defaults to the compensation's own currency, else `"USD"`.

        Returns:
            The exact total.

        Raises:
            ValidationError: For a negative or non-integer number of posts.

        Examples:
            >>> Compensation(product=ProductGift("kit", Money("45"))).fixed_value(3)
            Money('45', 'USD')
        """
        if isinstance(posts, bool) or not isinstance(posts, int) or posts < 0:
            raise ValidationError(f"expected a count of at least 0, got {posts!r}", path="posts")
        total = Money.zero(self.currency or currency or "USD")
        if self.cash_per_post is not None:
            total += self.cash_per_post * posts
        if self.product is not None:
            total += self.product.retail_value
        for fee in self.fees:
            total += fee.amount
        return total


@attrs.frozen
class StatusChange:
    """One step in a deal's history: the status it moved to, when, and why.

    Args:
        status: The status the deal moved to.
        at: When (timezone-aware).
        note: Why, in words.

    Examples:
        >>> from datetime import datetime, timezone
        >>> StatusChange("agreed", datetime(2026, 4, 1, tzinfo=timezone.utc)).status
        <DealStatus.AGREED: 'agreed'>
    """

    status: DealStatus = attrs.field(converter=c.to_deal_status, validator=c.enum_of(DealStatus))
    """The status the deal moved to."""
    at: dt.datetime = attrs.field(validator=c.aware_datetime)
    """When it moved."""
    note: str = attrs.field(default="", validator=c.text(allow_empty=True, max_length=10_000))
    """Why, in words."""


@attrs.frozen
class Deal:
    """One influencer's agreement within one campaign.

    `history` records every status change in order. A deal created in code usually starts
    `proposed` with an empty history and moves with [`advance`][nanokit.Deal.advance];
    a deal imported from elsewhere may carry any status with an empty history. When the
    history is not empty it must be a legal path through
    [`ALLOWED_MOVES`][nanokit.model.deal.ALLOWED_MOVES] that ends at `status`.

    Args:
        id: The deal's identity.
        campaign_id: The campaign it belongs to.
        influencer_id: The influencer it is with.
        compensation: What the influencer gets.
        deliverables: The content agreed (defaults to none beyond the campaign's).
        status: Where the deal is in its lifecycle.
        history: Timestamped status changes, oldest first.
        usage_rights_until: Until when the brand may reuse the content.
        exclusivity_until: Until when the influencer works with no competitor.

    Raises:
        ValidationError: For a history out of order, with an illegal step, or not ending at
            `status`.

    Examples:
        >>> Deal("d", "c", "i", Compensation(), status="completed").status.is_open
        False
    """

    id: str = attrs.field(validator=c.identifier)
    """The deal's identity."""
    campaign_id: str = attrs.field(validator=c.identifier)
    """The campaign this deal belongs to."""
    influencer_id: str = attrs.field(validator=c.identifier)
    """The influencer this deal is with."""
    compensation: Compensation = attrs.field(validator=c.instance_of(Compensation))
    """What the influencer gets."""
    deliverables: tuple[Deliverable, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.instance_of(Deliverable))
    )
    """The content agreed for this deal."""
    status: DealStatus = attrs.field(
        default=DealStatus.PROPOSED,
        converter=c.to_deal_status,
        validator=c.enum_of(DealStatus),
    )
    """Where the deal is in its lifecycle."""
    history: tuple[StatusChange, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.instance_of(StatusChange))
    )
    """Every status change, oldest first."""
    usage_rights_until: dt.date | None = attrs.field(default=None, validator=c.optional(c.a_date))
    """Until when the brand may reuse the content."""
    exclusivity_until: dt.date | None = attrs.field(default=None, validator=c.optional(c.a_date))
    """Until when the influencer works with no competitor."""

    @history.validator
    def _check_history(
        self, attribute: attrs.Attribute[Any], value: tuple[StatusChange, ...]
    ) -> None:
        for index in range(1, len(value)):
            before, after = value[index - 1], value[index]
            if after.at < before.at:
                raise ValidationError(
                    f"{after.at.isoformat()} is earlier than the step before it "
                    f"({before.at.isoformat()}); history runs oldest first",
                    path=f"Deal.history[{index}].at",
                )
            if after.status not in ALLOWED_MOVES[before.status]:
                raise ValidationError(
                    f"a deal cannot move from {before.status.value} to {after.status.value}; "
                    f"{_allowed_text(before.status)}",
                    path=f"Deal.history[{index}].status",
                )
        if value and value[-1].status is not self.status:
            raise ValidationError(
                f"the last step of the history is {value[-1].status.value} but the status "
                f"is {self.status.value}",
                path="Deal.status",
            )

    @property
    def changed_at(self) -> dt.datetime | None:
        """When the status last changed, or `None` without a history."""
        return self.history[-1].at if self.history else None

    def allowed_moves(self) -> frozenset[DealStatus]:
        """The statuses this deal may move to next.

        Examples:
            >>> sorted(s.value for s in Deal("d", "c", "i", Compensation()).allowed_moves())
            ['agreed', 'cancelled', 'declined', 'negotiating']
        """
        return ALLOWED_MOVES[self.status]

    def advance(self, status: DealStatus | str, *, at: dt.datetime, note: str = "") -> Deal:
        """Return a new deal moved to `status` at `at`, with the step added to its history.

        Args:
            status: The next status.
            at: When the move happened (timezone-aware, not before the last step).
            note: Why, in words.

        Returns:
            A new `Deal`; this one is unchanged.

        Raises:
            DealStateError: When the lifecycle does not allow the move; the message names the
                allowed moves.
            ValidationError: For an unknown status, a naive `at`, or an `at` before the last
                step.

        Examples:
            >>> from datetime import datetime, timezone
            >>> at = datetime(2026, 4, 1, tzinfo=timezone.utc)
            >>> Deal("d-1", "c", "i", Compensation()).advance("delivered", at=at)
            Traceback (most recent call last):
            ...
            nanokit.exceptions.DealStateError: deal 'd-1' cannot move from proposed to delivered; allowed moves from proposed: agreed, cancelled, declined, negotiating
        """
        try:
            target = DealStatus(status)
        except ValueError:
            allowed = ", ".join(repr(member.value) for member in DealStatus)
            raise ValidationError(
                f"expected one of {allowed}; got {status!r}", path="status"
            ) from None
        if target not in ALLOWED_MOVES[self.status]:
            raise DealStateError(
                f"deal {self.id!r} cannot move from {self.status.value} to {target.value}; "
                f"{_allowed_text(self.status)}"
            )
        step = StatusChange(target, at, note)
        if self.history and at < self.history[-1].at:
            raise ValidationError(
                f"{at.isoformat()} is before the last change ({self.history[-1].at.isoformat()})",
                path="at",
            )
        return attrs.evolve(self, status=target, history=(*self.history, step))


def _allowed_text(status: DealStatus) -> str:
    moves = sorted(move.value for move in ALLOWED_MOVES[status])
    if not moves:
        return f"{status.value} is closed: no move is allowed from it"
    return f"allowed moves from {status.value}: {', '.join(moves)}"
