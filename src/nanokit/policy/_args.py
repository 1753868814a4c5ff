"""Checks for the arguments of policy functions (private).

The attrs validators in `nanokit.model._checks` check fields of a class; these check the
plain arguments of a function and name the argument in the error's `path`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TypeVar

from nanokit.exceptions import ValidationError
from nanokit.model import _checks as c
from nanokit.model.enums import Tier

T = TypeVar("T")


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


def tier_arg(value: object, name: str = "tier") -> Tier:
    """Return `value` as a `Tier` (its string value is accepted)."""
    if isinstance(value, Tier):
        return value
    if isinstance(value, str):
        try:
            return Tier(value)
        except ValueError:
            pass
    allowed = ", ".join(repr(tier.value) for tier in Tier)
    raise ValidationError(
        f"expected a Tier or one of {allowed}; got {c.describe(value)}", path=name
    )


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
