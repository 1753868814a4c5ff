"""Earned Media Value: a declared price on impressions and engagements. Not revenue.

EMV answers "what would this attention have cost as advertising?" by multiplying counts by
the prices of a [`RateCard`][nanokit.kpi.emv.RateCard]. The prices are a convention of
whoever declared them, so every EMV names its card, and nanokit reports it beside ROI and
never adds it to revenue: ROI stays `(revenue - cost) / cost`.

Examples:
    >>> from nanokit.kpi.emv import UPFLUENCE, earned_media_value
    >>> value = earned_media_value({"impression": 21_000}, UPFLUENCE)
    >>> str(value.total), value.rate_card
    ('$136.50', 'Upfluence')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import attrs

from nanokit._args import count_arg
from nanokit.exceptions import CurrencyMismatchError, ValidationError
from nanokit.model import _checks as c
from nanokit.model.enums import InteractionFamily, InteractionKind
from nanokit.money import Money

__all__ = [
    "RATE_CARDS",
    "UPFLUENCE",
    "EarnedMediaValue",
    "EmvLine",
    "RateCard",
    "RatePrice",
    "earned_media_value",
]


def _audience_kind(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, InteractionKind) or value.family is not InteractionFamily.AUDIENCE:
        allowed = ", ".join(
            kind.value for kind in InteractionKind if kind.family is InteractionFamily.AUDIENCE
        )
        raise c.fail(
            instance,
            attribute,
            f"a rate card prices audience kinds ({allowed}); got {c.describe(value)}",
        )


@attrs.frozen
class RatePrice:
    """The declared price of one kind of audience response.

    Args:
        kind: What is priced: an impression, a like, a comment...
        price: The price of `per` of them.
        per: How many the price is for: 1 (per like) or 1,000 (a CPM).

    Raises:
        ValidationError: For a kind that is not an audience response, a negative price, or
            `per` below 1.

    Examples:
        >>> RatePrice("impression", Money("6.50"), per=1_000).per
        1000
    """

    kind: InteractionKind = attrs.field(converter=c.to_interaction_kind, validator=_audience_kind)
    """What is priced."""
    price: Money = attrs.field(validator=c.money())
    """The price of `per` of them."""
    per: int = attrs.field(default=1, validator=c.count(minimum=1))
    """How many the price is for (1000 for a CPM)."""

    def value_of(self, count: int) -> Money:
        """The value of `count` of this kind: `count / per x price`.

        Examples:
            >>> RatePrice("impression", Money("0.05"), per=1_000).value_of(50_000)
            Money('2.50000', 'USD')
        """
        number = count_arg(count, "count")
        # Divide first (as Money divides), so only amounts the size of the result are made.
        return self.price / self.per * number


def _check_prices(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not value:
        raise c.fail(instance, attribute, "a rate card needs at least one RatePrice")
    c.items(c.instance_of(RatePrice))(instance, attribute, value)
    seen: set[InteractionKind] = set()
    for index, item in enumerate(value):
        if item.kind in seen:
            raise ValidationError(
                f"{item.kind.value} is priced twice; give one price per kind",
                path=f"{c.where(instance, attribute)}[{index}]",
            )
        seen.add(item.kind)
    currencies = sorted({item.price.currency for item in value})
    if len(currencies) > 1:
        raise CurrencyMismatchError(
            f"RateCard.prices: all prices must be in one currency, got {currencies}"
        )


@attrs.frozen
class RateCard:
    """A named, cited set of prices for impressions and engagements.

    Args:
        name: A short name such as `"Upfluence"`.
        source: Where the prices come from.
        prices: One price per kind; kinds without a price add nothing.

    Raises:
        ValidationError: For no prices, a kind priced twice, or an item that is not a
            `RatePrice`.
        CurrencyMismatchError: When prices are in different currencies.

    Examples:
        >>> card = RateCard("ours", "our media plan", [RatePrice("like", Money("0.30"))])
        >>> card.price_of("like").price, card.price_of("share")
        (Money('0.30', 'USD'), None)
    """

    name: str = attrs.field(validator=c.text(max_length=100))
    """A short name; every EMV carries it."""
    source: str = attrs.field(validator=c.text(max_length=2000))
    """Where the prices come from."""
    prices: tuple[RatePrice, ...] = attrs.field(converter=c.to_tuple, validator=_check_prices)
    """One price per kind."""

    @property
    def currency(self) -> str:
        """The currency of the prices."""
        return self.prices[0].price.currency

    def price_of(self, kind: InteractionKind | str) -> RatePrice | None:
        """The price of `kind`, or `None` when the card does not price it."""
        wanted = c.to_interaction_kind(kind)
        return next((item for item in self.prices if item.kind is wanted), None)


UPFLUENCE: Final = RateCard(
    name="Upfluence",
    source="Upfluence: EMV = CPM $6.50 x impressions / 1,000 (impressions only).",
    prices=(RatePrice(InteractionKind.IMPRESSION, Money("6.50"), per=1_000),),
)
"""Upfluence's card: impressions at a $6.50 CPM."""

RATE_CARDS: Final[dict[str, RateCard]] = {card.name: card for card in (UPFLUENCE,)}
"""Every preset card by name."""


@attrs.frozen
class EmvLine:
    """One line of an EMV: a kind, its count, its price and the value.

    Examples:
        >>> line = EmvLine("like", 5_000, RatePrice("like", Money("0.30")), Money("1500"))
        >>> line.value
        Money('1500', 'USD')
    """

    kind: InteractionKind = attrs.field(
        converter=c.to_interaction_kind, validator=c.enum_of(InteractionKind)
    )
    """The kind priced."""
    count: int = attrs.field(validator=c.count())
    """How many there were."""
    price: RatePrice = attrs.field(validator=c.instance_of(RatePrice))
    """The card's price for the kind."""
    value: Money = attrs.field(validator=c.money())
    """`count / per x price`."""


@attrs.frozen
class EarnedMediaValue:
    """An EMV with its card and lines. It is a declared value, not revenue.

    Args:
        total: The sum of the lines.
        rate_card: The name of the card used.
        lines: One line per priced kind, in the card's order.
        unpriced: Kinds that were counted but that the card puts no price on.

    Examples:
        >>> EarnedMediaValue(Money("0"), "Upfluence").lines
        ()
    """

    total: Money = attrs.field(validator=c.money())
    """The value of every line together."""
    rate_card: str = attrs.field(validator=c.text(max_length=100))
    """The name of the card used."""
    lines: tuple[EmvLine, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.instance_of(EmvLine))
    )
    """One line per kind priced."""
    unpriced: tuple[InteractionKind, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.enum_of(InteractionKind))
    )
    """Kinds counted but not priced by the card (they add nothing)."""


def earned_media_value(
    counts: Mapping[InteractionKind, int] | Mapping[str, int], rate_card: RateCard
) -> EarnedMediaValue:
    """Price counts with a rate card: the sum of `count / per x price` over the priced kinds.

    Args:
        counts: How many of each kind, keyed by `InteractionKind` or its value (`"like"`).
        rate_card: The prices to use; the result names it.

    Returns:
        The [`EarnedMediaValue`][nanokit.kpi.emv.EarnedMediaValue], in the card's currency,
        with a line per priced kind and the counted kinds the card does not price.

    Raises:
        ValidationError: For an unknown kind, a negative or non-integer count, or a card
            that is not a `RateCard`.

    Examples:
        >>> card = RateCard("example", "a published worked example", [
        ...     RatePrice("like", Money("0.30")),
        ...     RatePrice("comment", Money("0.50")),
        ...     RatePrice("impression", Money("0.05"), per=1_000),
        ... ])
        >>> emv = earned_media_value({"like": 5_000, "comment": 500, "impression": 50_000}, card)
        >>> str(emv.total)
        '$1,752.50'
        >>> earned_media_value({"share": 10}, card).unpriced
        (<InteractionKind.SHARE: 'share'>,)
    """
    if not isinstance(rate_card, RateCard):
        raise ValidationError(
            f"expected a RateCard such as emv.UPFLUENCE, got {c.describe(rate_card)}",
            path="rate_card",
        )
    if not isinstance(counts, Mapping):
        raise ValidationError(
            f"expected counts by kind such as {{'like': 340}}, got {c.describe(counts)}",
            path="counts",
        )
    tally: dict[InteractionKind, int] = {}
    for key, number in counts.items():
        kind = c.to_interaction_kind(key) if isinstance(key, str) else key
        if not isinstance(kind, InteractionKind):
            raise ValidationError(
                f"expected an interaction kind such as 'like', got {c.describe(key)}",
                path=f"counts[{key!r}]",
            )
        tally[kind] = tally.get(kind, 0) + count_arg(number, f"counts[{kind.value!r}]")
    lines = []
    for item in rate_card.prices:
        count = tally.get(item.kind, 0)
        lines.append(EmvLine(item.kind, count, item, item.value_of(count)))
    priced = {item.kind for item in rate_card.prices}
    unpriced = tuple(kind for kind in InteractionKind if tally.get(kind) and kind not in priced)
    total = sum((line.value for line in lines), Money.zero(rate_card.currency))
    return EarnedMediaValue(total, rate_card.name, lines, unpriced)
