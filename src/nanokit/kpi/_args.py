"""Checks for the arguments of KPI functions (private).

Whole-number and instance checks are the policy package's (`nanokit.policy._args`); this
module adds the ones only the KPIs need, each naming the argument in the error's `path`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TypeVar

from nanokit.exceptions import ValidationError
from nanokit.model import _checks as c
from nanokit.model.influencer import Influencer
from nanokit.money import MAX_AMOUNT, Money
from nanokit.policy._args import count_arg, instance_arg, instances_arg

__all__ = [
    "count_arg",
    "divide",
    "influencers_arg",
    "instance_arg",
    "instances_arg",
    "money_arg",
    "multiply",
    "rate_arg",
]

T = TypeVar("T")


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


# Money takes factors below MAX_AMOUNT (10**15) while a count may be MAX_COUNT (10**15)
# itself: split such a count into two factors that Money takes.
_SPLIT = 1_000


def divide(amount: Money, count: int) -> Money:
    """`amount / count` as Money divides, for any count up to `MAX_COUNT`."""
    if count >= MAX_AMOUNT:
        return amount / (count // _SPLIT) / _SPLIT if count % _SPLIT == 0 else amount / count
    return amount / count


def multiply(amount: Money, count: int) -> Money:
    """`amount * count`, exact, for any count up to `MAX_COUNT`."""
    if count >= MAX_AMOUNT and count % _SPLIT == 0:
        return amount * (count // _SPLIT) * _SPLIT
    return amount * count
