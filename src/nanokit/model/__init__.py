"""The nouns of nano-influencer marketing: entities, value objects and enums.

This package holds data and its invariants only: no policy, no I/O. It imports nothing
from nanokit but `money` and `exceptions`.

Examples:
    >>> from nanokit.model import Influencer, SocialAccount
    >>> Influencer(id="inf-1", name="Sam", accounts=[SocialAccount("tiktok", "@sam")]).id
    'inf-1'
"""

from nanokit.model._checks import MAX_COUNT, MAX_TEXT
from nanokit.model.audience import Audience, Demographics, Shares
from nanokit.model.campaign import Campaign, Deliverable, KpiTarget
from nanokit.model.deal import (
    ALLOWED_MOVES,
    Commission,
    Compensation,
    Deal,
    Fee,
    ProductGift,
    StatusChange,
)
from nanokit.model.enums import (
    CampaignObjective,
    Channel,
    ContentFormat,
    DealStatus,
    Direction,
    InteractionFamily,
    InteractionKind,
    Kpi,
    MediaKind,
    Platform,
    Provenance,
    Tier,
)
from nanokit.model.influencer import Contact, Influencer, MediaKit, QuotedRate, SocialAccount
from nanokit.model.interaction import VALUED_KINDS, Interaction
from nanokit.model.workspace import Workspace

__all__ = [
    "ALLOWED_MOVES",
    "MAX_COUNT",
    "MAX_TEXT",
    "VALUED_KINDS",
    "Audience",
    "Campaign",
    "CampaignObjective",
    "Channel",
    "Commission",
    "Compensation",
    "Contact",
    "ContentFormat",
    "Deal",
    "DealStatus",
    "Deliverable",
    "Demographics",
    "Direction",
    "Fee",
    "Influencer",
    "Interaction",
    "InteractionFamily",
    "InteractionKind",
    "Kpi",
    "KpiTarget",
    "MediaKind",
    "MediaKit",
    "Platform",
    "ProductGift",
    "Provenance",
    "QuotedRate",
    "Shares",
    "SocialAccount",
    "StatusChange",
    "Tier",
    "Workspace",
]
