"""Money and MoneyRange: exactness, refusals, currencies, display and bounds."""

from __future__ import annotations

import decimal
import math
import random
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from tests.strategies import amounts, currencies, money, money_ranges

from nanokit import CurrencyMismatchError, Money, MoneyRange, NanokitError, ValidationError
from nanokit.money import DIVISION_DIGITS, MAX_AMOUNT, MAX_DIGITS, MAX_PLACES, to_decimal

# -- construction -----------------------------------------------------------------------------


@pytest.mark.parametrize("value", [0.1, 20.5, 1e3, -0.0])
def test_float_amount_is_refused_with_advice(value: float) -> None:
    with pytest.raises(ValidationError) as caught:
        Money(value)
    message = str(caught.value)
    assert "Money.amount" in message
    assert "float" in message
    assert "string" in message
    assert "Decimal" in message


@pytest.mark.parametrize("text", ["NaN", "nan", "sNaN", "Infinity", "-Infinity", "inf"])
def test_nan_and_infinities_are_refused(text: str) -> None:
    with pytest.raises(ValidationError, match=r"Money\.amount: must be a finite number"):
        Money(text)


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_non_finite_decimals_are_refused(value: Decimal) -> None:
    with pytest.raises(ValidationError, match=r"Money\.amount: must be a finite number"):
        Money(value)


@pytest.mark.parametrize("value", [True, False])
def test_booleans_are_not_amounts(value: bool) -> None:
    with pytest.raises(
        ValidationError, match=r"Money\.amount: expected a number, got the boolean"
    ):
        Money(value)


@pytest.mark.parametrize(
    "text", ["", "   ", "twenty", "1_000", "1,000.00", "$20", "0x10", "1.2.3"]
)
def test_malformed_text_is_refused(text: str) -> None:
    with pytest.raises(ValidationError, match=r"Money\.amount: expected a decimal number"):
        Money(text)


@pytest.mark.parametrize("value", [None, [1], {"amount": "1"}, object()])
def test_other_types_are_refused(value: object) -> None:
    with pytest.raises(ValidationError, match=r"Money\.amount: expected a number as int, str"):
        Money(value)  # type: ignore[arg-type]


def test_text_is_read_exactly_and_keeps_its_places() -> None:
    assert Money("20.00").amount == Decimal("20.00")
    assert str(Money("20.00").amount) == "20.00"
    assert Money(" 19.999 ").amount == Decimal("19.999")
    assert Money(7).amount == Decimal(7)
    assert Money(Decimal("0.10")).amount == Decimal("0.10")


@pytest.mark.parametrize(
    "currency", ["usd", "US", "USDX", "U$D", "", "ÜSD", "123", 840, None, "US D"]
)
def test_currency_must_be_three_capital_letters(currency: object) -> None:
    with pytest.raises(ValidationError) as caught:
        Money("1", currency)  # type: ignore[arg-type]
    assert "Money.currency" in str(caught.value)
    assert "ISO 4217" in str(caught.value)


def test_currency_defaults_to_usd() -> None:
    assert Money("1").currency == "USD"
    assert Money.zero("JPY") == Money("0", "JPY")


# -- bounds -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["1e999999999", "-1e999999999", "1E15", "1000000000000000"])
def test_amounts_at_or_beyond_the_bound_are_refused(text: str) -> None:
    with pytest.raises(ValidationError, match=r"Money\.amount: .* is too large"):
        Money(text)


def test_the_largest_amount_below_the_bound_is_accepted() -> None:
    largest = MAX_AMOUNT - Decimal("0.01")
    assert Money(largest).amount == largest
    with pytest.raises(ValidationError, match="too large"):
        Money(MAX_AMOUNT)
    with pytest.raises(ValidationError, match="too large"):
        Money(int(MAX_AMOUNT))


def test_a_thousand_digit_string_is_refused_unread() -> None:
    with pytest.raises(ValidationError, match=r"Money\.amount: a number written with 1000"):
        Money("9" * 1000)
    with pytest.raises(ValidationError, match=r"Money\.amount: a number written with"):
        Money("0." + "0" * 2000 + "1")


def test_a_huge_int_is_refused_without_converting_it() -> None:
    with pytest.raises(ValidationError, match=r"Money\.amount: .*too large"):
        Money(10**4000)


def test_too_many_decimal_places_are_refused() -> None:
    Money("0." + "0" * (MAX_PLACES - 1) + "1")
    with pytest.raises(ValidationError, match=r"Money\.amount: .*decimal places"):
        Money("0." + "0" * MAX_PLACES + "1")


def test_tiny_exponents_are_refused() -> None:
    with pytest.raises(ValidationError, match="decimal places"):
        Money("1e-999999999")


def test_exact_arithmetic_beyond_max_digits_is_refused_not_rounded() -> None:
    small = Money("0." + "0" * 26 + "1")  # 1e-27
    large = Money("1" + "0" * 14)  # 1e14: the sum would need 42 digits, fine
    assert (large + small).amount == Decimal("100000000000000.000000000000000000000000001")
    factor = Decimal("98765.987654321987")
    product = Money("12345.123456789123") * factor
    assert product.amount == decimal.Context(prec=100).multiply(
        Decimal("12345.123456789123"), factor
    )
    assert len(product.amount.as_tuple().digits) <= MAX_DIGITS
    with pytest.raises(ValidationError, match=r"cannot be computed exactly"):
        Money("0." + "1" * 28) * Decimal("1." + "1" * 27)


# -- arithmetic -------------------------------------------------------------------------------


def test_addition_is_exact() -> None:
    assert Money("0.10") + Money("0.20") == Money("0.30")
    assert (Money("0.1") + Money("0.2")).amount == Decimal("0.3")
    assert Money("60.00") * 3 + Money("45") == Money("225.00")


def test_sum_starts_from_zero() -> None:
    assert sum([Money("1.10"), Money("2.20"), Money("3.30")]) == Money("6.60")
    assert sum([Money("5", "EUR")]) == Money("5", "EUR")


def test_sum_refuses_mixed_currencies() -> None:
    with pytest.raises(CurrencyMismatchError, match="cannot add USD and EUR"):
        sum([Money("1"), Money("1", "EUR")])


@pytest.mark.parametrize(
    ("operation", "verb"),
    [
        (lambda a, b: a + b, "add"),
        (lambda a, b: a - b, "subtract"),
        (lambda a, b: a < b, "compare"),
        (lambda a, b: a <= b, "compare"),
        (lambda a, b: a > b, "compare"),
        (lambda a, b: a >= b, "compare"),
        (lambda a, b: a.ratio(b), "divide"),
    ],
)
def test_two_currencies_never_mix(operation: Callable[[Money, Money], object], verb: str) -> None:
    with pytest.raises(CurrencyMismatchError) as caught:
        operation(Money("1", "USD"), Money("1", "EUR"))
    assert f"cannot {verb} USD and EUR" in str(caught.value)
    assert isinstance(caught.value, NanokitError)
    assert isinstance(caught.value, ValueError)


def test_equality_across_currencies_is_false_not_an_error() -> None:
    assert Money("1", "USD") != Money("1", "EUR")


def test_comparisons() -> None:
    assert Money("10") > Money("9.99")
    assert Money("10.00") == Money("10")
    assert Money("10.00") >= Money("10")
    assert Money("-1") < Money("0")
    assert max([Money("3"), Money("12"), Money("7")]) == Money("12")
    assert sorted([Money("3"), Money("1")]) == [Money("1"), Money("3")]


def test_comparison_with_a_number_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        _ = Money("1") < 2  # type: ignore[operator]


def test_negation_abs_and_truth() -> None:
    assert -Money("5") == Money("-5")
    assert abs(Money("-5", "EUR")) == Money("5", "EUR")
    assert not Money("0.00")
    assert Money("0.01")


@pytest.mark.parametrize("factor", [1.5, True, "2"])
def test_multiplying_by_a_float_bool_or_text_is_refused(factor: object) -> None:
    with pytest.raises(TypeError, match="only be multiplied by an int or a Decimal"):
        Money("1") * factor  # type: ignore[operator]


def test_division_rounds_to_the_documented_digits_half_even() -> None:
    third = Money("10") / 3
    assert len(third.amount.as_tuple().digits) == DIVISION_DIGITS
    assert third.amount == Decimal("3.333333333333333333333333333")
    # Banker's rounding: 2/3 ends in ...667 and 0.5-style ties go to even.
    assert (Money("2") / 3).amount == Decimal("0.6666666666666666666666666667")
    assert (Money("10") / 4) == Money("2.5")
    assert Money("1080").ratio(Money("225")) == Decimal("4.8")


def test_division_by_zero_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="divisor: cannot divide"):
        Money("1") / 0
    with pytest.raises(ValidationError, match="divisor: cannot divide"):
        Money("1").ratio(Money("0"))


# -- display ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("money_value", "shown"),
    [
        (Money("20"), "$20.00"),
        (Money("1234.5"), "$1,234.50"),
        (Money("-5"), "-$5.00"),
        (Money("20", "EUR"), "20.00 EUR"),
        (Money("1234567.891", "EUR"), "1,234,567.89 EUR"),
        (Money("1500", "JPY"), "1,500 JPY"),
        (Money("2.5", "JPY"), "2 JPY"),
        (Money("1.2345", "BHD"), "1.234 BHD"),
        (Money("0.125"), "$0.12"),
        (Money("0.135"), "$0.14"),
    ],
)
def test_str_formats_for_display(money_value: Money, shown: str) -> None:
    assert str(money_value) == shown


def test_display_rounding_does_not_change_the_amount() -> None:
    price = Money("19.999")
    assert str(price) == "$20.00"
    assert price.amount == Decimal("19.999")
    assert price.format(3) == "$19.999"


def test_repr_round_trips() -> None:
    value = Money("20.50", "EUR")
    assert repr(value) == "Money('20.50', 'EUR')"
    assert eval(repr(value), {"Money": Money}) == value


# -- MoneyRange -------------------------------------------------------------------------------


def test_range_membership_is_inclusive() -> None:
    nano = MoneyRange(Money("20"), Money("200"))
    assert Money("20") in nano
    assert Money("200") in nano
    assert Money("19.99") not in nano
    assert Money("200.01") not in nano
    assert "20" not in nano


def test_range_membership_in_another_currency_raises() -> None:
    with pytest.raises(CurrencyMismatchError):
        _ = Money("50", "EUR") in MoneyRange(Money("20"), Money("200"))


def test_open_ended_range() -> None:
    top = MoneyRange(Money("10000"))
    assert Money("1000000") in top
    assert Money("9999.99") not in top
    assert top.midpoint is None
    assert str(top) == "$10,000.00 and up"
    assert top * 2 == MoneyRange(Money("20000"))


def test_range_scaling_and_midpoint() -> None:
    nano = MoneyRange(Money("20"), Money("200"))
    assert nano * 3 == MoneyRange(Money("60"), Money("600"))
    assert 3 * nano == nano * 3
    assert nano.midpoint == Money("110")
    assert nano.currency == "USD"
    with pytest.raises(TypeError):
        nano * -1
    with pytest.raises(TypeError):
        nano * 1.5  # type: ignore[operator]


def test_range_with_high_below_low_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        MoneyRange(Money("200"), Money("20"))
    assert "MoneyRange.high" in str(caught.value)
    assert "must not be below low" in str(caught.value)


def test_range_bounds_must_be_money_in_one_currency() -> None:
    with pytest.raises(ValidationError, match=r"MoneyRange\.low: expected Money"):
        MoneyRange("20")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"MoneyRange\.high: expected Money or None"):
        MoneyRange(Money("20"), "200")  # type: ignore[arg-type]
    with pytest.raises(CurrencyMismatchError, match="from USD to EUR"):
        MoneyRange(Money("20"), Money("200", "EUR"))


# -- properties -------------------------------------------------------------------------------

same_currency = currencies().flatmap(lambda code: st.tuples(*[money(code)] * 3))


@settings(max_examples=200)
@given(same_currency)
def test_addition_is_associative_and_commutative_exactly(triple: tuple[Money, ...]) -> None:
    a, b, c = triple
    assert (a + b) + c == a + (b + c)
    assert a + b == b + a
    assert ((a + b) + c).amount == a.amount + b.amount + c.amount


@settings(max_examples=200)
@given(same_currency)
def test_subtraction_undoes_addition(triple: tuple[Money, ...]) -> None:
    a, b, _ = triple
    assert (a + b) - b == a


@settings(max_examples=100)
@given(
    currencies().flatmap(
        lambda code: st.tuples(st.just(code), st.lists(money(code), max_size=20))
    ),
    st.randoms(),
)
def test_sum_is_independent_of_order(
    currency_and_items: tuple[str, list[Money]], rng: random.Random
) -> None:
    currency, items = currency_and_items
    shuffled = list(items)
    rng.shuffle(shuffled)
    total = sum(items, Money.zero(currency))
    assert total == sum(shuffled, Money.zero(currency))
    assert total.amount == sum((item.amount for item in items), Decimal(0))


@settings(max_examples=200)
@given(money(), st.integers(0, 1000))
def test_multiplication_is_repeated_addition(value: Money, times: int) -> None:
    assume(abs(value.amount) * times < MAX_AMOUNT)
    assert value * times == sum([value] * times, Money.zero(value.currency))


@settings(max_examples=200)
@given(amounts())
def test_to_decimal_is_lossless_for_text(number: Decimal) -> None:
    assert to_decimal(str(number)) == number
    assert to_decimal(format(number, "f")) == number


@settings(max_examples=100)
@given(st.floats(allow_nan=True, allow_infinity=True))
def test_every_float_is_refused(value: float) -> None:
    with pytest.raises(ValidationError, match="float cannot hold money exactly"):
        Money(value)


@settings(max_examples=100)
@given(money_ranges())
def test_range_contains_its_bounds_and_midpoint(span: MoneyRange) -> None:
    assert span.low in span
    if span.high is not None:
        assert span.high in span
        assert span.midpoint is not None
        assert span.midpoint in span
    assert not math.isnan(float(span.low.amount))
