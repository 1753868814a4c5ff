"""Campaigns, their deliverables and KPI targets.

Examples:
    >>> from datetime import date
    >>> from nanokit import Campaign, Deliverable, Money
    >>> spring = Campaign(
    ...     id="cmp-spring",
    ...     brand="Oat & Ember",
    ...     name="Spring bakes",
    ...     objective="sales",
    ...     media_kind="mixed",
    ...     start=date(2026, 4, 1),
    ...     end=date(2026, 5, 31),
    ...     budget=Money("5000"),
    ...     deliverables=[Deliverable("reel", "instagram", 6, recurrence="FREQ=WEEKLY;COUNT=6")],
    ...     required_hashtags=["#ad", "#oatandember"],
    ... )
    >>> spring.objective.value, spring.deliverables[0].count
    ('sales', 6)
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
from dateutil import rrule

from nanokit.exceptions import ValidationError
from nanokit.model import _checks as c
from nanokit.model.enums import CampaignObjective, ContentFormat, Kpi, MediaKind, Platform, Tier
from nanokit.money import Money

__all__ = ["Campaign", "Deliverable", "KpiTarget"]

_RRULE_ANCHOR = dt.datetime(2000, 1, 1)


def _parse_rule(text: str) -> rrule.rrule:
    """Parse an RFC 5545 RRULE body such as `FREQ=WEEKLY;COUNT=6`."""
    body = text.removeprefix("RRULE:")
    parsed = rrule.rrulestr(body, dtstart=_RRULE_ANCHOR, forceset=False)
    if not isinstance(parsed, rrule.rrule):  # pragma: no cover - forceset=False gives rrule
        raise ValueError("expected a single RRULE")
    return parsed


@attrs.frozen
class Deliverable:
    """Content an influencer agrees to publish: what, where, how many and on what schedule.

    Args:
        content_format: The format of each piece (photo, reel, story...).
        platform: Where it is published.
        count: How many pieces (at least 1).
        recurrence: An optional RFC 5545 recurrence rule such as `FREQ=WEEKLY;COUNT=6`,
            checked with `dateutil.rrule`. A rule with `COUNT` must agree with `count`.

    Raises:
        ValidationError: For a count below 1, a rule `dateutil` cannot parse, or a rule
            whose `COUNT` differs from `count`.

    Examples:
        >>> Deliverable("story", "instagram", 3, recurrence="FREQ=DAILY;COUNT=3").count
        3
        >>> Deliverable("photo", "instagram", 2, recurrence="FREQ=WEEKLY;COUNT=6")
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: Deliverable.recurrence: the rule schedules 6 posts (COUNT=6) but count is 2
    """

    content_format: ContentFormat = attrs.field(
        converter=c.to_content_format, validator=c.enum_of(ContentFormat)
    )
    """The format of each piece of content."""
    platform: Platform = attrs.field(converter=c.to_platform, validator=c.enum_of(Platform))
    """Where the content is published."""
    count: int = attrs.field(default=1, validator=c.count(minimum=1))
    """How many pieces of content."""
    recurrence: str | None = attrs.field(
        default=None, validator=c.optional(c.text(max_length=500))
    )
    """An RFC 5545 recurrence rule (`FREQ=WEEKLY;COUNT=6`), or `None` for no schedule."""

    @recurrence.validator
    def _check_rule(self, attribute: attrs.Attribute[Any], value: str | None) -> None:
        if value is None:
            return
        try:
            rule = _parse_rule(value)
        except (ValueError, TypeError, KeyError, OverflowError) as error:
            raise c.fail(
                self,
                attribute,
                f"{value!r} is not an RFC 5545 rule such as 'FREQ=WEEKLY;COUNT=6' ({error})",
            ) from None
        scheduled = getattr(rule, "_count", None)  # dateutil keeps COUNT here
        if scheduled is not None and scheduled != self.count:
            raise c.fail(
                self,
                attribute,
                f"the rule schedules {scheduled} posts (COUNT={scheduled}) but count is {self.count}",
            )

    def schedule(self, start: dt.datetime) -> list[dt.datetime]:
        """Return the dates this deliverable is due, starting at `start`.

        Without a rule, every piece is due at `start`. With a rule, the first `count`
        occurrences of the rule from `start` are returned.

        Args:
            start: The first due date (timezone-aware).

        Returns:
            At most `count` due datetimes, in order.

        Raises:
            ValidationError: When `start` is naive.

        Examples:
            >>> from datetime import datetime, timezone
            >>> d = Deliverable("reel", "instagram", 3, recurrence="FREQ=WEEKLY;COUNT=3")
            >>> [due.date().isoformat() for due in d.schedule(datetime(2026, 4, 1, tzinfo=timezone.utc))]
            ['2026-04-01', '2026-04-08', '2026-04-15']
        """
        if start.tzinfo is None or start.utcoffset() is None:
            raise ValidationError(
                f"{start.isoformat()} has no timezone; pass an aware datetime", path="start"
            )
        if self.recurrence is None:
            return [start] * self.count
        rule = _parse_rule(self.recurrence).replace(dtstart=start)
        dates: list[dt.datetime] = []
        for due in rule:
            dates.append(due)
            if len(dates) == self.count:
                break
        return dates


@attrs.frozen
class KpiTarget:
    """A goal for one KPI: at least `value` (or at most, for costs such as CPE).

    Rates are fractions (`"0.05"` for 5%); costs are amounts in the campaign's currency.

    Args:
        kpi: Which measure.
        value: The target, as `str`, `int` or `Decimal`.

    Examples:
        >>> KpiTarget("engagement_rate", "0.05").value
        Decimal('0.05')
        >>> KpiTarget("cpe", "0.10").kpi.lower_is_better
        True
    """

    kpi: Kpi = attrs.field(converter=c.to_kpi, validator=c.enum_of(Kpi))
    """Which measure the target is for."""
    value: Decimal = attrs.field(converter=c.decimal_value)
    """The target: a fraction for rates, an amount for costs, a number for counts."""

    @value.validator
    def _check_value(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, Decimal):
            raise c.fail(
                self,
                attribute,
                f"expected a number as a string or Decimal, got {c.describe(value)}",
            )
        if not value.is_finite():
            raise c.fail(self, attribute, f"must be finite, got {value}")

    def met_by(self, actual: Decimal | float | int | None) -> bool | None:
        """Whether `actual` meets the target; `None` when `actual` is undefined.

        Examples:
            >>> KpiTarget("roi", "2").met_by(Decimal("3.8"))
            True
            >>> KpiTarget("cpa", "10").met_by(12) , KpiTarget("cpa", "10").met_by(None)
            (False, None)
        """
        if actual is None:
            return None
        number = Decimal(str(actual)) if isinstance(actual, float) else Decimal(actual)
        return number <= self.value if self.kpi.lower_is_better else number >= self.value


@attrs.frozen
class Campaign:
    """A brand's plan: objective, media kind, dates, budget, deliverables and targets.

    Args:
        id: The campaign's identity.
        brand: The brand running it.
        name: A display name.
        objective: What it is for (awareness, sales...).
        media_kind: Earned (gifted), paid, affiliate or mixed.
        start: The first day.
        end: The last day, not before `start`; `None` for an always-on program.
        budget: The total budget, when there is one.
        deliverables: The content each influencer is asked for.
        required_hashtags: Hashtags every post must carry, such as `#ad`.
        disclosure: The disclosure text influencers must use.
        target_niches: Niches the campaign is looking for.
        target_tiers: Tiers the campaign is looking for.
        kpi_targets: Goals for the campaign's KPIs.

    Raises:
        ValidationError: For an `end` before `start`, a negative budget, malformed
            hashtags, or two targets for one KPI.

    Examples:
        >>> from datetime import date
        >>> Campaign(id="c", brand="B", name="N", objective="sales", media_kind="paid",
        ...          start=date(2026, 5, 2), end=date(2026, 5, 1))
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: Campaign.end: the campaign ends (2026-05-01) before it starts (2026-05-02)
    """

    id: str = attrs.field(validator=c.identifier)
    """The campaign's identity."""
    brand: str = attrs.field(validator=c.text(max_length=500))
    """The brand running the campaign."""
    name: str = attrs.field(validator=c.text(max_length=500))
    """A display name."""
    objective: CampaignObjective = attrs.field(
        converter=c.to_objective, validator=c.enum_of(CampaignObjective)
    )
    """What the campaign is for."""
    media_kind: MediaKind = attrs.field(converter=c.to_media_kind, validator=c.enum_of(MediaKind))
    """Earned (gifted), paid, affiliate or mixed."""
    start: dt.date = attrs.field(validator=c.a_date)
    """The first day of the campaign."""
    end: dt.date | None = attrs.field(default=None, validator=c.optional(c.a_date))
    """The last day, or `None` for an always-on program."""
    budget: Money | None = attrs.field(default=None, validator=c.optional(c.money()))
    """The total budget."""
    deliverables: tuple[Deliverable, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.instance_of(Deliverable))
    )
    """The content each influencer is asked for."""
    required_hashtags: tuple[str, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.hashtag)
    )
    """Hashtags every post must carry."""
    disclosure: str | None = attrs.field(
        default=None, validator=c.optional(c.text(max_length=2000))
    )
    """The disclosure text influencers must use (e.g. "Paid partnership with ...")."""
    target_niches: tuple[str, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.text(max_length=200))
    )
    """Niches the campaign looks for."""
    target_tiers: tuple[Tier, ...] = attrs.field(
        default=(),
        converter=c.to_tiers,
        validator=c.items(c.enum_of(Tier)),
    )
    """Tiers the campaign looks for."""
    kpi_targets: tuple[KpiTarget, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.instance_of(KpiTarget))
    )
    """Goals for the campaign's KPIs, at most one per KPI."""

    @end.validator
    def _check_end(self, attribute: attrs.Attribute[Any], value: dt.date | None) -> None:
        if value is not None and value < self.start:
            raise c.fail(
                self,
                attribute,
                f"the campaign ends ({value.isoformat()}) before it starts "
                f"({self.start.isoformat()})",
            )

    @kpi_targets.validator
    def _check_targets(
        self, attribute: attrs.Attribute[Any], value: tuple[KpiTarget, ...]
    ) -> None:
        seen: set[Kpi] = set()
        for index, target in enumerate(value):
            if target.kpi in seen:
                raise ValidationError(
                    f"a second target for {target.kpi.value}; give one target per KPI",
                    path=f"Campaign.kpi_targets[{index}]",
                )
            seen.add(target.kpi)

    def is_running(self, on: dt.date) -> bool:
        """Whether `on` falls within the campaign's dates (both ends included).

        Examples:
            >>> from datetime import date
            >>> c = Campaign(id="c", brand="B", name="N", objective="ugc", media_kind="earned",
            ...              start=date(2026, 5, 1), end=date(2026, 5, 31))
            >>> c.is_running(date(2026, 5, 31)), c.is_running(date(2026, 6, 1))
            (True, False)
        """
        return self.start <= on and (self.end is None or on <= self.end)
