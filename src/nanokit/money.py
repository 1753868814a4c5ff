"""Money and ranges of money: exact `Decimal` amounts with an ISO 4217 currency.

Rules, in one place:

* An amount is a `Decimal`. `int`, `str` and `Decimal` are accepted; `float` is refused
  because `0.1 + 0.2` is not `0.3` in binary floating point.
* An amount is never rounded when it is stored or added. Addition, subtraction and
  multiplication are exact; if an exact result would need more than
  [`MAX_DIGITS`][nanokit.money.MAX_DIGITS] digits, a `ValidationError` is raised instead of
  rounding. Division is the one operation that cannot always be exact: it rounds to
  [`DIVISION_DIGITS`][nanokit.money.DIVISION_DIGITS] significant digits and at most
  `MAX_PLACES` decimal places (banker's rounding).
* Amounts are bounded so hostile input cannot blow up time or memory: the absolute value is
  below [`MAX_AMOUNT`][nanokit.money.MAX_AMOUNT], at most `MAX_PLACES` decimal places and
  `MAX_DIGITS` significant digits. More decimal places than a currency's minor unit (say
  `"19.999"` dollars) are *kept exactly*; only `str()` rounds, for display.
* Two currencies never mix: adding, subtracting or comparing them raises
  [`CurrencyMismatchError`][nanokit.CurrencyMismatchError].

Examples:
    >>> from nanokit import Money, MoneyRange
    >>> fee = Money("60.00") * 3 + Money("45")
    >>> fee
    Money('225.00', 'USD')
    >>> str(fee)
    '$225.00'
    >>> sum([Money("1.10"), Money("2.20")])
    Money('3.30', 'USD')
    >>> Money("20") in MoneyRange(Money("20"), Money("200"))
    True
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Final

import attrs

from nanokit.exceptions import CurrencyMismatchError, ValidationError

__all__ = [
    "DIVISION_DIGITS",
    "MAX_AMOUNT",
    "MAX_DIGITS",
    "MAX_PLACES",
    "Money",
    "MoneyRange",
    "to_decimal",
]

MAX_AMOUNT: Final = Decimal(10) ** 15
"""Amounts must be strictly smaller than this in absolute value (one quadrillion)."""

MAX_PLACES: Final = 28
"""The most decimal places an amount may carry."""

MAX_DIGITS: Final = 48
"""The most significant digits an amount may carry; exact arithmetic stays within them."""

DIVISION_DIGITS: Final = 28
"""Significant digits a quotient is rounded to (Python's default `Decimal` precision)."""

_MAX_TEXT = 128  # characters of a numeric string read at all (longer is refused unread)

_EXACT = decimal.Context(
    prec=MAX_DIGITS,
    rounding=decimal.ROUND_HALF_EVEN,
    traps=[decimal.Inexact, decimal.InvalidOperation, decimal.Overflow, decimal.DivisionByZero],
)
_DIVIDE = decimal.Context(
    prec=DIVISION_DIGITS,
    rounding=decimal.ROUND_HALF_EVEN,
    traps=[decimal.InvalidOperation, decimal.Overflow, decimal.DivisionByZero],
)

# ISO 4217 currencies whose minor unit is not 1/100 (used for display only).
_MINOR_UNITS: Final[dict[str, int]] = {
    "BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3,
    "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0,
    "TND": 3, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
}  # fmt: skip


def to_decimal(value: object, *, what: str = "amount") -> Decimal:
    """Convert `value` to a finite, bounded `Decimal` without losing anything.

    Args:
        value: An `int`, a `str` such as `"20.50"`, or a `Decimal`.
        what: How to name the value in an error message (e.g. `"Money.amount"`).

    Returns:
        The exact `Decimal`.

    Raises:
        ValidationError: For a `float` (pass a string or Decimal instead), a `bool`, text
            that is not a number, NaN, infinities, or a value outside the documented bounds.

    Examples:
        >>> to_decimal("19.999")
        Decimal('19.999')
        >>> to_decimal(3)
        Decimal('3')
        >>> to_decimal("1e999999999")
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: amount: 1e999999999 is too large: the absolute value must be below 1000000000000000
    """
    if isinstance(value, bool):
        raise ValidationError(f"expected a number, got the boolean {value}", path=what)
    if isinstance(value, float):
        raise ValidationError(
            f"a float cannot hold money exactly; got {value!r}, pass a string such as "
            f"'{value:.2f}' or a Decimal",
            path=what,
        )
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        if abs(value) >= MAX_AMOUNT:
            raise ValidationError(_too_large(value), path=what)
        number = Decimal(value)
    elif isinstance(value, str):
        if len(value) > _MAX_TEXT:  # spaces count too: nothing that long is read at all
            raise ValidationError(
                f"a number written with {len(value)} characters is refused (at most {_MAX_TEXT})",
                path=what,
            )
        text = value.strip()
        if "_" in text or not text:
            raise ValidationError(
                f"expected a decimal number such as '20.50', got {value!r}", path=what
            )
        try:
            number = Decimal(text)
        except decimal.InvalidOperation:
            raise ValidationError(
                f"expected a decimal number such as '20.50', got {value!r}", path=what
            ) from None
    else:
        raise ValidationError(
            f"expected a number as int, str or Decimal, got {type(value).__name__} "
            f"{_shown(value)}",
            path=what,
        )
    if not number.is_finite():
        raise ValidationError(f"must be a finite number, got {number}", path=what)
    if number != 0 and number.adjusted() >= MAX_AMOUNT.adjusted():
        raise ValidationError(_too_large(value if isinstance(value, str) else number), path=what)
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)  # finite numbers have an int exponent
    if -exponent > MAX_PLACES:
        raise ValidationError(
            f"{_shown(number)} has {-exponent:,} decimal places; at most {MAX_PLACES} are kept",
            path=what,
        )
    if len(number.as_tuple().digits) > MAX_DIGITS:
        raise ValidationError(
            f"{_shown(number)} has more than {MAX_DIGITS} significant digits", path=what
        )
    return number


_SMALLEST = Decimal(1).scaleb(-MAX_PLACES)


def _exponent(number: Decimal) -> int:
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)  # finite numbers have an int exponent
    return exponent


def _too_large(value: object) -> str:
    shown = value if isinstance(value, str) else _shown(value)  # text is at most 128 characters
    return f"{shown} is too large: the absolute value must be below {MAX_AMOUNT:f}"


def _shown(value: object) -> str:
    """`value` for an error message, at most 60 characters: hostile input is not echoed whole.

    A whole number too long to print (Python refuses to turn one of over 4,300 digits into
    text) is described by its size instead.
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 192:
        return f"a whole number of about {int(value.bit_length() * 0.30103) + 1:,} digits"
    try:
        text = repr(value) if isinstance(value, str) else str(value)
    except ValueError:  # a container holding a whole number too long to print
        return f"a {type(value).__name__} that cannot be shown"
    return text if len(text) <= 60 else text[:57] + "..."


def _check_currency(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not (
        isinstance(value, str)
        and len(value) == 3
        and value.isascii()
        and value.isalpha()
        and value.isupper()
    ):
        raise ValidationError(
            "expected an ISO 4217 code of three capital letters such as 'USD', "
            f"got {_shown(value)}",
            path=f"Money.{attribute.name}",
        )


def _money_amount(value: object) -> Decimal:
    return to_decimal(value, what="Money.amount")


def _exact(operation: str, left: Decimal, right: Decimal) -> Decimal:
    try:
        if operation == "+":
            return _EXACT.add(left, right)
        if operation == "-":
            return _EXACT.subtract(left, right)
        return _EXACT.multiply(left, right)
    except decimal.DecimalException:
        raise ValidationError(
            f"{left} {operation} {right} cannot be computed exactly within {MAX_DIGITS} digits",
            path="Money.amount",
        ) from None


_MAX_FACTOR = 10**18  # counts up to MAX_COUNT (10**15) and beyond are valid factors


def _factor(value: object, operation: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise TypeError(
            f"Money can only be {operation} by an int or a Decimal, not {type(value).__name__}"
        )
    if isinstance(value, int):
        if abs(value) > _MAX_FACTOR:
            raise ValidationError(
                f"{_shown(value)} is too large a factor (at most 10**18)", path="factor"
            )
        return Decimal(value)
    return to_decimal(value, what="factor")


@attrs.frozen(order=False, repr=False)
class Money:
    """An exact amount of one currency.

    Args:
        amount: The amount, as `int`, `str` (`"20.50"`) or `Decimal`. Never a float.
        currency: The ISO 4217 code, three capital letters. Defaults to `"USD"`.

    Raises:
        ValidationError: For a float amount, NaN, infinity, a malformed or out-of-bounds
            amount, or a currency that is not three capital letters.

    Examples:
        >>> Money("20.00")
        Money('20.00', 'USD')
        >>> str(Money("1234.5", "EUR"))
        '1,234.50 EUR'
        >>> Money("10") / 4
        Money('2.5', 'USD')
        >>> Money("10") > Money("9.99")
        True
        >>> Money(0.1)
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: Money.amount: a float cannot hold money exactly; got 0.1, pass a string such as '0.10' or a Decimal
    """

    amount: Decimal = attrs.field(converter=_money_amount)
    """The exact amount; never rounded."""
    currency: str = attrs.field(default="USD", validator=_check_currency)
    """The ISO 4217 currency code, e.g. `"USD"`."""

    @classmethod
    def zero(cls, currency: str = "USD") -> Money:
        """Return zero in `currency`.

        Examples:
            >>> Money.zero("EUR")
            Money('0', 'EUR')
        """
        return cls(0, currency)

    # -- arithmetic -------------------------------------------------------------------
    def _same(self, other: Money, verb: str) -> None:
        if self.currency != other.currency:
            raise CurrencyMismatchError(
                f"cannot {verb} {self.currency} and {other.currency} amounts: "
                "convert one of them first"
            )

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other, "add")
        return Money(_exact("+", self.amount, other.amount), self.currency)

    def __radd__(self, other: object) -> Money:
        # Lets the builtin sum() start from 0.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other, "subtract")
        return Money(_exact("-", self.amount, other.amount), self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __abs__(self) -> Money:
        return Money(abs(self.amount), self.currency)

    def __mul__(self, factor: int | Decimal) -> Money:
        return Money(_exact("*", self.amount, _factor(factor, "multiplied")), self.currency)

    __rmul__ = __mul__

    def __truediv__(self, divisor: int | Decimal) -> Money:
        number = _factor(divisor, "divided")
        if number == 0:
            raise ValidationError(f"cannot divide {self} by zero", path="divisor")
        quotient = _DIVIDE.divide(self.amount, number)
        if -_exponent(quotient) > MAX_PLACES:  # e.g. 0.01 / 3: keep at most MAX_PLACES places
            quotient = quotient.quantize(_SMALLEST, context=_DIVIDE)
        return Money(quotient, self.currency)

    def ratio(self, other: Money) -> Decimal:
        """Return `self / other` as a `Decimal` (both in one currency).

        Args:
            other: The divisor, in the same currency.

        Returns:
            The quotient, rounded to `DIVISION_DIGITS` significant digits.

        Raises:
            CurrencyMismatchError: When the currencies differ.
            ValidationError: When `other` is zero.

        Examples:
            >>> Money("1080").ratio(Money("225"))
            Decimal('4.8')
        """
        self._same(other, "divide")
        if other.amount == 0:
            raise ValidationError(f"cannot divide {self} by zero", path="divisor")
        return _DIVIDE.divide(self.amount, other.amount)

    # -- comparison -------------------------------------------------------------------
    def _compare(self, other: object, verb: str) -> Decimal | None:
        if not isinstance(other, Money):
            return None
        self._same(other, verb)
        return other.amount

    def __lt__(self, other: Money) -> bool:
        amount = self._compare(other, "compare")
        return NotImplemented if amount is None else self.amount < amount

    def __le__(self, other: Money) -> bool:
        amount = self._compare(other, "compare")
        return NotImplemented if amount is None else self.amount <= amount

    def __gt__(self, other: Money) -> bool:
        amount = self._compare(other, "compare")
        return NotImplemented if amount is None else self.amount > amount

    def __ge__(self, other: Money) -> bool:
        amount = self._compare(other, "compare")
        return NotImplemented if amount is None else self.amount >= amount

    def __bool__(self) -> bool:
        return self.amount != 0

    # -- display ----------------------------------------------------------------------
    @property
    def minor_unit(self) -> int:
        """Decimal places of the currency's minor unit (2 for USD, 0 for JPY)."""
        return _MINOR_UNITS.get(self.currency, 2)

    def format(self, places: int | None = None) -> str:
        """Return the amount as text, rounded for display only.

        Args:
            places: Decimal places to show; defaults to the currency's minor unit.

        Returns:
            `$1,234.50` for US dollars, `1,234.50 EUR` for any other currency.

        Examples:
            >>> Money("0.10273972").format(3)
            '$0.103'
            >>> Money("-5", "JPY").format()
            '-5 JPY'
        """
        places = self.minor_unit if places is None else places
        shown = self.amount.quantize(Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_EVEN)
        sign = "-" if shown < 0 else ""
        digits = f"{abs(shown):,.{places}f}"
        if self.currency == "USD":
            return f"{sign}${digits}"
        return f"{sign}{digits} {self.currency}"

    def __str__(self) -> str:
        return self.format()

    def __repr__(self) -> str:
        return f"Money({str(self.amount)!r}, {self.currency!r})"


@attrs.frozen(repr=False)
class MoneyRange:
    """A closed range of money in one currency, possibly open-ended above.

    Args:
        low: The lower bound (included).
        high: The upper bound (included), or `None` for "and up".

    Raises:
        ValidationError: When `high` is below `low`, or a bound is not `Money`.
        CurrencyMismatchError: When the bounds are in different currencies.

    Examples:
        >>> nano = MoneyRange(Money("20"), Money("200"))
        >>> str(nano)
        '$20.00 - $200.00'
        >>> nano * 3
        MoneyRange(Money('60', 'USD'), Money('600', 'USD'))
        >>> nano.midpoint
        Money('110', 'USD')
        >>> Money("250") in nano
        False
        >>> str(MoneyRange(Money("10000")))
        '$10,000.00 and up'
    """

    low: Money = attrs.field()
    """The lower bound, included."""
    high: Money | None = attrs.field(default=None)
    """The upper bound, included; `None` means there is no upper bound."""

    @low.validator
    def _check_low(self, attribute: attrs.Attribute[Money], value: object) -> None:
        if not isinstance(value, Money):
            raise ValidationError(
                f"expected Money, got {type(value).__name__}", path="MoneyRange.low"
            )

    @high.validator
    def _check_high(self, attribute: attrs.Attribute[Money | None], value: object) -> None:
        if value is None:
            return
        if not isinstance(value, Money):
            raise ValidationError(
                f"expected Money or None, got {type(value).__name__}", path="MoneyRange.high"
            )
        if value.currency != self.low.currency:
            raise CurrencyMismatchError(
                f"a range cannot run from {self.low.currency} to {value.currency}"
            )
        if value < self.low:
            raise ValidationError(
                f"high ({value}) must not be below low ({self.low})", path="MoneyRange.high"
            )

    @property
    def currency(self) -> str:
        """The currency of both bounds."""
        return self.low.currency

    @property
    def midpoint(self) -> Money | None:
        """The middle of the range, or `None` when it is open-ended."""
        if self.high is None:
            return None
        return (self.low + self.high) / 2

    def __contains__(self, item: object) -> bool:
        if not isinstance(item, Money):
            return False
        if item < self.low:
            return False
        return self.high is None or item <= self.high

    def __mul__(self, count: int | Decimal) -> MoneyRange:
        if isinstance(count, bool) or not isinstance(count, (int, Decimal)) or count < 0:
            raise TypeError(
                f"a range can only be scaled by a non-negative int or Decimal, not {count!r}"
            )
        return MoneyRange(self.low * count, None if self.high is None else self.high * count)

    __rmul__ = __mul__

    def __str__(self) -> str:
        if self.high is None:
            return f"{self.low} and up"
        return f"{self.low} - {self.high}"

    def __repr__(self) -> str:
        if self.high is None:
            return f"MoneyRange({self.low!r})"
        return f"MoneyRange({self.low!r}, {self.high!r})"
