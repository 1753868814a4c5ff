"""Validators and lossless converters shared by the entities (private).

Every check raises `ValidationError` with a path of the form `Class.field` so the message
names the field; the serializer replaces the class name by the JSON path.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable
from decimal import Decimal
from enum import Enum
from typing import Any, Final, TypeVar, cast

import attrs

from nanokit.exceptions import ValidationError
from nanokit.model.enums import (
    CampaignObjective,
    Channel,
    ContentFormat,
    DealStatus,
    Direction,
    InteractionKind,
    Kpi,
    MediaKind,
    Platform,
    Provenance,
    Tier,
)
from nanokit.money import Money, _shown, to_decimal

MAX_COUNT: Final = 10**15
"""The largest count (followers, likes, impressions...) nanokit accepts: one quadrillion."""

MAX_TEXT: Final = 100_000
"""The longest free text (names, notes) nanokit accepts, in characters."""

E = TypeVar("E", bound=Enum)
T = TypeVar("T")

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def where(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def fail(instance: object, attribute: attrs.Attribute[Any], message: str) -> ValidationError:
    return ValidationError(message, path=where(instance, attribute))


def describe(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 192:
        return f"int {_shown(value)}"  # Python will not print a whole number of 4,300+ digits
    try:
        text = repr(value)
    except ValueError:  # a container holding such a number
        text = "that cannot be shown"
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {text}"


def text(*, allow_empty: bool = False, max_length: int = MAX_TEXT) -> Validator:
    """A string, stripped of nothing, non-empty unless allowed, within a length bound."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            raise fail(instance, attribute, f"expected text, got {describe(value)}")
        if not allow_empty and not value.strip():
            raise fail(instance, attribute, "must not be empty")
        if len(value) > max_length:
            raise fail(
                instance, attribute, f"is {len(value):,} characters long; at most {max_length:,}"
            )

    return check


def optional(check: Validator) -> Validator:
    def run(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check(instance, attribute, value)

    return run


def count(*, minimum: int = 0) -> Validator:
    """A whole number (bool refused) in [minimum, MAX_COUNT]."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail(instance, attribute, f"expected a whole number, got {describe(value)}")
        if value < minimum:
            raise fail(instance, attribute, f"must be at least {minimum}, got {_shown(value)}")
        if value > MAX_COUNT:
            raise fail(instance, attribute, f"must be at most {MAX_COUNT:,}, got {_shown(value)}")

    return check


def non_negative_number(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A finite float that is not negative (averages per post)."""
    if isinstance(value, bool) or not isinstance(value, float):
        raise fail(instance, attribute, f"expected a number, got {describe(value)}")
    if not math.isfinite(value):
        raise fail(instance, attribute, f"must be a finite number, got {value}")
    if value < 0:
        raise fail(instance, attribute, f"must be at least 0, got {value}")
    if value > MAX_COUNT:
        raise fail(instance, attribute, f"must be at most {MAX_COUNT:,}, got {value}")


def to_float(value: object) -> object:
    """Lossless normalisation of an int or Decimal average to float; anything else passes."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and abs(value) <= 2**53:
        return float(value)
    if isinstance(value, Decimal) and value.is_finite() and abs(value) <= 2**53:
        return float(value)
    return value


def optional_float(value: object) -> object:
    return None if value is None else to_float(value)


def share(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A fraction of an audience: a finite number in [0, 1]."""
    if isinstance(value, bool) or not isinstance(value, float):
        raise fail(instance, attribute, f"expected a share in [0, 1], got {describe(value)}")
    if not (0.0 <= value <= 1.0):
        raise fail(instance, attribute, f"must be a share in [0, 1] (0.4 for 40%), got {value}")


def aware_datetime(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A timezone-aware datetime."""
    if not isinstance(value, dt.datetime):
        raise fail(instance, attribute, f"expected a datetime, got {describe(value)}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise fail(
            instance,
            attribute,
            f"{value.isoformat()} has no timezone; pass an aware datetime such as "
            "datetime(2026, 5, 3, 12, 0, tzinfo=timezone.utc)",
        )


def a_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A calendar date (not a datetime)."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise fail(
            instance, attribute, f"expected a date such as 2026-05-03, got {describe(value)}"
        )


def instance_of(kind: type | tuple[type, ...]) -> Validator:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            names = (
                " or ".join(k.__name__ for k in kind) if isinstance(kind, tuple) else kind.__name__
            )
            raise fail(instance, attribute, f"expected {names}, got {describe(value)}")

    return check


def items(check: Validator) -> Validator:
    """Apply `check` to every item of a tuple field, naming the index on failure."""

    def run(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise fail(instance, attribute, f"expected a list, got {describe(value)}")
        for index, item in enumerate(value):
            try:
                check(instance, attribute, item)
            except ValidationError as error:
                raise ValidationError(
                    error.message, path=f"{where(instance, attribute)}[{index}]"
                ) from None

    return run


def to_tuple(value: object) -> object:
    """Lossless: a list or other iterable (not text, not a mapping) becomes a tuple."""
    if isinstance(value, (str, bytes, dict)) or not isinstance(value, Iterable):
        return value
    return tuple(value)


def to_enum(kind: type[E], value: object) -> E:
    """Lossless: the enum's string value becomes the member; anything else is left for the
    validator to report (the cast only serves the type checker)."""
    if isinstance(value, str) and not isinstance(value, kind):
        try:
            return kind(value)
        except ValueError:
            pass
    return cast(E, value)


# Named converters, one per enum: mypy's attrs plugin needs named functions to type __init__.
def to_platform(value: Platform | str) -> Platform:
    return to_enum(Platform, value)


def to_optional_platform(value: Platform | str | None) -> Platform | None:
    return None if value is None else to_enum(Platform, value)


def to_content_format(value: ContentFormat | str) -> ContentFormat:
    return to_enum(ContentFormat, value)


def to_objective(value: CampaignObjective | str) -> CampaignObjective:
    return to_enum(CampaignObjective, value)


def to_media_kind(value: MediaKind | str) -> MediaKind:
    return to_enum(MediaKind, value)


def to_deal_status(value: DealStatus | str) -> DealStatus:
    return to_enum(DealStatus, value)


def to_interaction_kind(value: InteractionKind | str) -> InteractionKind:
    return to_enum(InteractionKind, value)


def to_optional_channel(value: Channel | str | None) -> Channel | None:
    return None if value is None else to_enum(Channel, value)


def to_optional_direction(value: Direction | str | None) -> Direction | None:
    return None if value is None else to_enum(Direction, value)


def to_provenance(value: Provenance | str) -> Provenance:
    return to_enum(Provenance, value)


def to_kpi(value: Kpi | str) -> Kpi:
    return to_enum(Kpi, value)


def to_tiers(value: Iterable[Tier | str]) -> tuple[Tier, ...]:
    items = to_tuple(value)
    if not isinstance(items, tuple):
        return cast(tuple[Tier, ...], items)
    return tuple(to_enum(Tier, item) for item in items)


def enum_of(kind: type[Enum]) -> Validator:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            allowed = ", ".join(repr(member.value) for member in kind)
            raise fail(instance, attribute, f"expected one of {allowed}; got {describe(value)}")

    return check


def decimal_value(value: object) -> object:
    """Lossless: an int or numeric text becomes a Decimal; a float is refused later."""
    if isinstance(value, (int, str)) and not isinstance(value, bool):
        try:
            return to_decimal(value)
        except ValidationError:
            return value
    return value


def fraction(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A Decimal fraction in [0, 1] (0.1 for 10%)."""
    if not isinstance(value, Decimal):
        raise fail(
            instance,
            attribute,
            f"expected a fraction as a string or Decimal such as '0.10', got {describe(value)}",
        )
    try:
        to_decimal(value)
    except ValidationError as error:
        raise fail(instance, attribute, error.message) from None
    if not (0 <= value <= 1):
        raise fail(instance, attribute, f"must be a fraction in [0, 1] (0.1 for 10%), got {value}")


def money(*, allow_negative: bool = False) -> Validator:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, Money):
            raise fail(
                instance,
                attribute,
                f"expected Money such as Money('20.00'), got {describe(value)}",
            )
        if not allow_negative and value.amount < 0:
            raise fail(instance, attribute, f"must not be negative, got {value}")

    return check


def hashtag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A hashtag: '#' then at least one character, no white space."""
    if not isinstance(value, str) or not value.startswith("#") or len(value) < 2:
        raise fail(instance, attribute, f"expected a hashtag such as '#ad', got {describe(value)}")
    if any(ch.isspace() for ch in value) or len(value) > 200:
        raise fail(
            instance,
            attribute,
            f"a hashtag has no spaces and at most 200 characters: {_shown(value)}",
        )


def country_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """ISO 3166-1 alpha-2: two capital letters."""
    if not (
        isinstance(value, str)
        and len(value) == 2
        and value.isascii()
        and value.isalpha()
        and value.isupper()
    ):
        raise fail(
            instance,
            attribute,
            f"expected an ISO 3166-1 country code of two capital letters such as 'US', "
            f"got {describe(value)}",
        )


def language_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An ISO 639 language code: two or three lowercase letters."""
    if not (
        isinstance(value, str)
        and 2 <= len(value) <= 3
        and value.isascii()
        and value.isalpha()
        and value.islower()
    ):
        raise fail(
            instance,
            attribute,
            f"expected an ISO 639 language code such as 'en', got {describe(value)}",
        )


def identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An id: non-empty text of at most 200 characters, no leading or trailing space."""
    if not isinstance(value, str) or not value or value != value.strip() or len(value) > 200:
        raise fail(
            instance,
            attribute,
            f"expected an id: 1 to 200 characters without surrounding spaces, got {describe(value)}",
        )
