"""The KPI formulas of the field, as plain functions: numbers in, numbers out.

Conventions, in one place:

* **Counts** (engagements, impressions, clicks, conversions, posts) are whole numbers of at
  least 0; a negative, fractional or boolean count raises
  [`ValidationError`][nanokit.ValidationError] naming the argument.
* **Rates** (engagement rate, click-through rate, conversion rate) are fractions returned as
  `float`: `0.072`, shown as `7.2%`. A quotient of two whole numbers is computed by Python's
  correctly rounded `int / int` division, so the same counts always give the same float,
  whatever order they were added in. Rates are never clamped: a conversion rate above 1 is
  real when one click leads to several sales.
* **Money KPIs** (CPE, CPM, CPC, CPA, cost per post) are [`Money`][nanokit.Money], computed
  with `Decimal` arithmetic (a quotient keeps 28 significant digits); round only to display,
  with `Money.format`.
* **Returns** (ROI, ROAS) are exact `Decimal` ratios of two amounts in one currency: ROI
  `(revenue - cost) / cost` and ROAS `revenue / cost`, so ROI is `3.8` (380%), not `3.80000001`.
* **A zero denominator gives `None`** (undefined): never `0`, never infinity, never an
  exception. No formula ever returns NaN or an infinity.

Examples:
    >>> from nanokit import Money
    >>> from nanokit.kpi.formulas import cost_per_engagement, engagement_rate, roi
    >>> round(engagement_rate(2_190, 24_000), 5)
    0.09125
    >>> cost_per_engagement(Money("225"), 2_190).format(3)
    '$0.103'
    >>> roi(Money("1080"), Money("225"))
    Decimal('3.8')
    >>> engagement_rate(57, 0) is None
    True
"""

from __future__ import annotations

from decimal import Decimal

from nanokit._args import count_arg, money_arg
from nanokit.exceptions import CurrencyMismatchError
from nanokit.money import Money

__all__ = [
    "click_through_rate",
    "conversion_rate",
    "cost_per_acquisition",
    "cost_per_click",
    "cost_per_engagement",
    "cost_per_post",
    "cpm",
    "engagement_rate",
    "roas",
    "roi",
]

_PER_MILLE = 1_000


def _rate(numerator: object, denominator: object, names: tuple[str, str]) -> float | None:
    top = count_arg(numerator, names[0])
    bottom = count_arg(denominator, names[1])
    if bottom == 0:
        return None
    return top / bottom


def _cost_per(cost: object, count: object, name: str) -> Money | None:
    amount = money_arg(cost, "cost")
    number = count_arg(count, name)
    if number == 0:
        return None
    return amount / number


def engagement_rate(engagements: int, base: int) -> float | None:
    """Engagements divided by their base (followers, reach, impressions or views).

    This is the bare formula; [`measure_engagement`][nanokit.kpi.engagement.measure_engagement]
    applies a named definition (which kinds count, which base, mean or median over posts).

    Args:
        engagements: The engagements counted (likes + comments..., as the definition says).
        base: The denominator: followers (times posts, for a per-post mean), reach,
            impressions or views.

    Returns:
        The fraction (`0.0284` for 2.84%), or `None` when `base` is 0.

    Raises:
        ValidationError: For a negative or non-integer count.

    Examples:
        >>> round(engagement_rate(57 + 2, 2_077), 4)  # 2.84%
        0.0284
        >>> engagement_rate(10, 0) is None
        True
        >>> engagement_rate(-1, 100)
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: engagements: must be at least 0, got -1
    """
    return _rate(engagements, base, ("engagements", "base"))


def click_through_rate(clicks: int, impressions: int) -> float | None:
    """Clicks divided by impressions (CTR).

    Args:
        clicks: Clicks on the link.
        impressions: Times the content was shown.

    Returns:
        The fraction, or `None` when there were no impressions.

    Raises:
        ValidationError: For a negative or non-integer count.

    Examples:
        >>> round(click_through_rate(600, 21_000), 6)
        0.028571
        >>> click_through_rate(3, 0) is None
        True
    """
    return _rate(clicks, impressions, ("clicks", "impressions"))


def conversion_rate(conversions: int, clicks: int) -> float | None:
    """Conversions divided by clicks (or by any other step before them, such as profile visits).

    Never clamped: one click that leads to several sales gives a rate above 1.

    Args:
        conversions: Sales, sign-ups or follows: the step that counts.
        clicks: The step before it (clicks, profile visits).

    Returns:
        The fraction (`0.04` for 4%), or `None` when `clicks` is 0.

    Raises:
        ValidationError: For a negative or non-integer count.

    Examples:
        >>> conversion_rate(24, 600)
        0.04
        >>> round(conversion_rate(24, 11), 4)  # above 100% is real, not an error
        2.1818
        >>> conversion_rate(5, 0) is None
        True
    """
    return _rate(conversions, clicks, ("conversions", "clicks"))


def _returns(revenue: object, cost: object) -> tuple[Money, Money] | None:
    income = money_arg(revenue, "revenue")
    spent = money_arg(cost, "cost")
    if income.currency != spent.currency:
        raise CurrencyMismatchError(
            f"revenue is in {income.currency} but cost in {spent.currency}: convert one of "
            "them first"
        )
    if spent.amount == 0:
        return None
    return income, spent


def roi(revenue: Money, cost: Money) -> Decimal | None:
    """Return on investment: `(revenue - cost) / cost`, exact.

    `3.8` means 380%: every dollar spent came back with 3.80 more. Earned media value is not
    revenue and never belongs here (see [`emv`][nanokit.kpi.emv]).

    Args:
        revenue: What the campaign brought in (attributed sales).
        cost: What was given for it, in the same currency.

    Returns:
        The ratio as a `Decimal` (28 significant digits when it does not terminate), or
        `None` when `cost` is zero.

    Raises:
        ValidationError: For an argument that is not `Money`, or a negative amount.
        CurrencyMismatchError: When the currencies differ.

    Examples:
        >>> roi(Money("1080"), Money("225"))
        Decimal('3.8')
        >>> f"{roi(Money('4000'), Money('1500')):.1%}"
        '166.7%'
        >>> roi(Money("100"), Money("0")) is None
        True
    """
    pair = _returns(revenue, cost)
    if pair is None:
        return None
    income, spent = pair
    return (income - spent).ratio(spent)


def roas(revenue: Money, cost: Money) -> Decimal | None:
    """Return on ad spend: `revenue / cost`, exact (the seed's "$5.20 for every dollar").

    Args:
        revenue: What the campaign brought in.
        cost: What was given for it, in the same currency.

    Returns:
        The ratio as a `Decimal`, or `None` when `cost` is zero.

    Raises:
        ValidationError: For an argument that is not `Money`, or a negative amount.
        CurrencyMismatchError: When the currencies differ.

    Examples:
        >>> roas(Money("1080"), Money("225"))
        Decimal('4.8')
        >>> roas(Money("0"), Money("0")) is None
        True
    """
    pair = _returns(revenue, cost)
    if pair is None:
        return None
    income, spent = pair
    return income.ratio(spent)


def cost_per_engagement(cost: Money, engagements: int) -> Money | None:
    """CPE: cost divided by engagements.

    Args:
        cost: What was given (cash, product value, fees, commissions).
        engagements: Engagements counted.

    Returns:
        The cost of one engagement, or `None` when there were none.

    Raises:
        ValidationError: For a cost that is not `Money` or is negative, or a bad count.

    Examples:
        >>> cost_per_engagement(Money("1000"), 25_000)
        Money('0.04', 'USD')
        >>> cost_per_engagement(Money("225"), 0) is None
        True
    """
    return _cost_per(cost, engagements, "engagements")


def cpm(cost: Money, impressions: int) -> Money | None:
    """CPM: the cost of 1,000 impressions, `cost / impressions x 1000`.

    Args:
        cost: What was given.
        impressions: Times the content was shown.

    Returns:
        The cost per thousand impressions, or `None` when there were none.

    Raises:
        ValidationError: For a cost that is not `Money` or is negative, or a bad count.

    Examples:
        >>> str(cpm(Money("225"), 21_000))
        '$10.71'
        >>> cpm(Money("225"), 0) is None
        True
    """
    amount = money_arg(cost, "cost")
    number = count_arg(impressions, "impressions")
    if number == 0:
        return None
    # Divide first, so only amounts the size of the result are made.
    return amount / number * _PER_MILLE


def cost_per_click(cost: Money, clicks: int) -> Money | None:
    """CPC: cost divided by clicks.

    Args:
        cost: What was given.
        clicks: Clicks on the tracked link.

    Returns:
        The cost of one click, or `None` when there were none.

    Raises:
        ValidationError: For a cost that is not `Money` or is negative, or a bad count.

    Examples:
        >>> cost_per_click(Money("225"), 600)
        Money('0.375', 'USD')
    """
    return _cost_per(cost, clicks, "clicks")


def cost_per_acquisition(cost: Money, conversions: int) -> Money | None:
    """CPA: cost divided by conversions (sales, sign-ups).

    Args:
        cost: What was given.
        conversions: Attributed conversions.

    Returns:
        The cost of one conversion, or `None` when there were none.

    Raises:
        ValidationError: For a cost that is not `Money` or is negative, or a bad count.

    Examples:
        >>> cost_per_acquisition(Money("700"), 40)
        Money('17.5', 'USD')
        >>> cost_per_acquisition(Money("225"), 24)
        Money('9.375', 'USD')
    """
    return _cost_per(cost, conversions, "conversions")


def cost_per_post(cost: Money, posts: int) -> Money | None:
    """Cost divided by the posts actually published.

    Args:
        cost: What was given.
        posts: Pieces of content published.

    Returns:
        The cost of one post, or `None` when nothing was published.

    Raises:
        ValidationError: For a cost that is not `Money` or is negative, or a bad count.

    Examples:
        >>> cost_per_post(Money("225"), 3)
        Money('75', 'USD')
        >>> cost_per_post(Money("45"), 0) is None
        True
    """
    return _cost_per(cost, posts, "posts")
