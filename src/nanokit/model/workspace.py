"""A workspace: everything one brand (or tool) keeps, in one immutable value.

A workspace is what a `nanokit/1` document holds: influencers, campaigns, deals and
interactions. It checks nothing across records on construction (a deal may point at an
influencer kept elsewhere); [`problems`][nanokit.Workspace.problems] lists what does not
line up, and strict loading refuses it.

Examples:
    >>> from datetime import date
    >>> from nanokit import Campaign, Influencer, SocialAccount, Workspace
    >>> ws = Workspace(
    ...     influencers=[Influencer(id="inf-1", name="Sam", accounts=[SocialAccount("x", "@sam")])],
    ...     campaigns=[Campaign(id="c-1", brand="B", name="N", objective="ugc",
    ...                         media_kind="earned", start=date(2026, 5, 1))],
    ... )
    >>> ws.influencer("inf-1").name, len(ws.deals)
    ('Sam', 0)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import attrs

from nanokit.model import _checks as c
from nanokit.model.campaign import Campaign
from nanokit.model.deal import Deal
from nanokit.model.influencer import Influencer
from nanokit.model.interaction import Interaction

__all__ = ["Workspace"]


@attrs.frozen
class Workspace:
    """Influencers, campaigns, deals and interactions kept together.

    Args:
        influencers: Every influencer.
        campaigns: Every campaign.
        deals: Every deal.
        interactions: The interaction log, in any order.

    Examples:
        >>> Workspace().problems()
        []
        >>> from nanokit import Compensation, Deal
        >>> ws = Workspace(deals=[Deal("d-1", "c-1", "i-1", Compensation())])
        >>> ws.deal("d-1").status.value, ws.influencer("i-1"), ws.campaign("c-1")
        ('proposed', None, None)
    """

    influencers: tuple[Influencer, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.instance_of(Influencer))
    )
    """Every influencer."""
    campaigns: tuple[Campaign, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.instance_of(Campaign))
    )
    """Every campaign."""
    deals: tuple[Deal, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.instance_of(Deal))
    )
    """Every deal."""
    interactions: tuple[Interaction, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.instance_of(Interaction))
    )
    """The interaction log."""

    def influencer(self, influencer_id: str) -> Influencer | None:
        """The influencer with `influencer_id`, or `None`."""
        return next((i for i in self.influencers if i.id == influencer_id), None)

    def campaign(self, campaign_id: str) -> Campaign | None:
        """The campaign with `campaign_id`, or `None`."""
        return next((i for i in self.campaigns if i.id == campaign_id), None)

    def deal(self, deal_id: str) -> Deal | None:
        """The deal with `deal_id`, or `None`."""
        return next((i for i in self.deals if i.id == deal_id), None)

    def problems(self) -> list[tuple[str, str]]:
        """What does not line up across records, as `(JSON path, message)` pairs.

        Reports duplicate ids within each collection, deals and interactions that point at
        unknown influencers, campaigns or deals, and interactions dated before their
        campaign starts.

        Returns:
            The problems in document order; empty when everything lines up.

        Examples:
            >>> from nanokit import Compensation, Deal
            >>> Workspace(deals=[Deal("d-1", "c-9", "i-9", Compensation())]).problems()[0]
            ('$.deals[0].campaign_id', "unknown campaign 'c-9'")
        """
        found: list[tuple[str, str]] = []
        for name, records in (
            ("influencers", self.influencers),
            ("campaigns", self.campaigns),
            ("deals", self.deals),
            ("interactions", self.interactions),
        ):
            found.extend(_duplicates(name, (record.id for record in records)))
        influencers = {i.id for i in self.influencers}
        campaigns = {cmp.id: cmp for cmp in self.campaigns}
        deals = {d.id for d in self.deals}
        for index, deal in enumerate(self.deals):
            if deal.campaign_id not in campaigns:
                found.append(
                    (f"$.deals[{index}].campaign_id", f"unknown campaign {deal.campaign_id!r}")
                )
            if deal.influencer_id not in influencers:
                found.append(
                    (
                        f"$.deals[{index}].influencer_id",
                        f"unknown influencer {deal.influencer_id!r}",
                    )
                )
        for index, event in enumerate(self.interactions):
            where = f"$.interactions[{index}]"
            if event.influencer_id not in influencers:
                found.append(
                    (f"{where}.influencer_id", f"unknown influencer {event.influencer_id!r}")
                )
            if event.deal_id is not None and event.deal_id not in deals:
                found.append((f"{where}.deal_id", f"unknown deal {event.deal_id!r}"))
            if event.campaign_id is None:
                continue
            campaign = campaigns.get(event.campaign_id)
            if campaign is None:
                found.append((f"{where}.campaign_id", f"unknown campaign {event.campaign_id!r}"))
            elif event.occurred_at.date() < campaign.start:
                found.append(
                    (
                        f"{where}.occurred_at",
                        f"{event.occurred_at.isoformat()} is before campaign "
                        f"{campaign.id!r} starts ({campaign.start.isoformat()})",
                    )
                )
        return found


def _duplicates(name: str, ids: Iterable[str]) -> list[tuple[str, str]]:
    ids = list(ids)
    counts = Counter(ids)
    seen: set[str] = set()
    found = []
    for index, record_id in enumerate(ids):
        if counts[record_id] > 1 and record_id in seen:
            found.append((f"$.{name}[{index}].id", f"duplicate id {record_id!r}"))
        seen.add(record_id)
    return found
