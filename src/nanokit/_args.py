"""Checks for the arguments of policy and KPI functions (private).

The attrs validators in `nanokit.model._checks` check fields of a class; these check the
plain arguments of a function and name the argument in the error's `path`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import Enum
from typing import TypeVar

from nanokit.exceptions import ValidationError
from nanokit.model import _checks as c
from nanokit.model.enums import Tier
from nanokit.model.influencer import Influencer
from nanokit.money import Money

T = TypeVar("T")
E = TypeVar("E", bound=Enum)


def count_arg(value: object, name: str, *, minimum: int = 0) -> int:
    """Return `value` when it is a whole number (bool refused) in [minimum, MAX_COUNT]."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"expected a whole number, got {c.describe(value)}", path=name)
    if value < minimum:
        raise ValidationError(f"must be at least {minimum}, got {value}", path=name)
    if value > c.MAX_COUNT:
        raise ValidationError(f"must be at most {c.MAX_COUNT:,}, got {value}", path=name)
    return value


def aware_arg(value: object, name: str) -> dt.datetime:
    """Return `value` when it is a timezone-aware datetime."""
    if not isinstance(value, dt.datetime):
        raise ValidationError(
            f"expected a timezone-aware datetime, got {c.describe(value)}", path=name
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(
            f"{value.isoformat()} has no timezone; pass an aware datetime such as "
            "datetime(2026, 5, 3, 12, 0, tzinfo=timezone.utc)",
            path=name,
        )
    return value


def enum_arg(kind: type[E], value: object, name: str) -> E:
    """Return `value` as a member of `kind`; the member's string value is accepted."""
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        try:
            return kind(value)
        except ValueError:
            pass
    allowed = ", ".join(repr(member.value) for member in kind)
    raise ValidationError(f"expected one of {allowed}; got {c.describe(value)}", path=name)


def tier_arg(value: object, name: str = "tier") -> Tier:
    """Return `value` as a `Tier` (its string value is accepted)."""
    return enum_arg(Tier, value, name)


def instances_arg(values: Iterable[object], kind: type[T], name: str) -> list[T]:
    """Return `values` as a list when every item is a `kind`, naming the first bad index."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise ValidationError(
            f"expected a list of {kind.__name__}, got {c.describe(values)}", path=name
        )
    items: list[T] = []
    for index, value in enumerate(values):
        if not isinstance(value, kind):
            raise ValidationError(
                f"expected {kind.__name__}, got {c.describe(value)}", path=f"{name}[{index}]"
            )
        items.append(value)
    return items


def instance_arg(value: object, kind: type[T], name: str) -> T:
    """Return `value` when it is a `kind`."""
    if not isinstance(value, kind):
        raise ValidationError(f"expected {kind.__name__}, got {c.describe(value)}", path=name)
    return value


def money_arg(value: object, name: str) -> Money:
    """Return `value` when it is a `Money` amount of at least 0."""
    if not isinstance(value, Money):
        raise ValidationError(
            f"expected Money such as Money('225.00'), got {c.describe(value)}", path=name
        )
    if value.amount < 0:
        raise ValidationError(f"must not be negative, got {value}", path=name)
    return value


def rate_arg(value: object, name: str) -> float:
    """Return `value` (a float, int or Decimal fraction) as a finite, non-negative float."""
    if isinstance(value, bool) or not isinstance(value, (float, int, Decimal)):
        raise ValidationError(
            f"expected a rate as a fraction such as 0.072, got {c.describe(value)}", path=name
        )
    number = float(value)
    if not math.isfinite(number) or number < 0:
        raise ValidationError(
            f"must be a finite fraction of at least 0 (0.072 for 7.2%), got {value}", path=name
        )
    return number


def influencers_arg(
    value: Iterable[Influencer] | Mapping[str, Influencer], name: str = "influencers"
) -> dict[str, Influencer]:
    """Return influencers keyed by id, from a list of them or a mapping keyed by their id."""
    if isinstance(value, Mapping):
        found: dict[str, Influencer] = {}
        for key, influencer in value.items():
            where = f"{name}[{key!r}]"
            instance_arg(influencer, Influencer, where)
            if key != influencer.id:
                raise ValidationError(
                    f"the key {key!r} differs from the influencer's id {influencer.id!r}; key "
                    "the mapping by id",
                    path=where,
                )
            found[key] = influencer
        return found
    found = {}
    for index, influencer in enumerate(instances_arg(value, Influencer, name)):
        if influencer.id in found:
            raise ValidationError(
                f"influencer {influencer.id!r} is given twice", path=f"{name}[{index}]"
            )
        found[influencer.id] = influencer
    return found
