"""nanokit: a typed, exact model of nano-influencer marketing.

Entities and money come from `nanokit.model` and `nanokit.money`; JSON in and out from
`nanokit.serialization`.

Examples:
    >>> import nanokit
    >>> nanokit.Money("20") * 3
    Money('60', 'USD')
"""

from nanokit.exceptions import CurrencyMismatchError, DealStateError, NanokitError, ValidationError
from nanokit.model import (
    Audience,
    Campaign,
    CampaignObjective,
    Channel,
    Commission,
    Compensation,
    Contact,
    ContentFormat,
    Deal,
    DealStatus,
    Deliverable,
    Demographics,
    Direction,
    Fee,
    Influencer,
    Interaction,
    InteractionFamily,
    InteractionKind,
    Kpi,
    KpiTarget,
    MediaKind,
    MediaKit,
    Platform,
    ProductGift,
    Provenance,
    QuotedRate,
    SocialAccount,
    StatusChange,
    Tier,
    Workspace,
)
from nanokit.money import Money, MoneyRange
from nanokit.serialization import (
    SCHEMA,
    dump_document,
    dump_jsonl,
    dump_records,
    from_dict,
    from_json,
    iter_jsonl,
    iter_records,
    load_document,
    to_dict,
    to_json,
)

__version__ = "0.1.0.dev0"

__all__ = [
    "SCHEMA",
    "Audience",
    "Campaign",
    "CampaignObjective",
    "Channel",
    "Commission",
    "Compensation",
    "Contact",
    "ContentFormat",
    "CurrencyMismatchError",
    "Deal",
    "DealStateError",
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
    "Money",
    "MoneyRange",
    "NanokitError",
    "Platform",
    "ProductGift",
    "Provenance",
    "QuotedRate",
    "SocialAccount",
    "StatusChange",
    "Tier",
    "ValidationError",
    "Workspace",
    "__version__",
    "dump_document",
    "dump_jsonl",
    "dump_records",
    "from_dict",
    "from_json",
    "iter_jsonl",
    "iter_records",
    "load_document",
    "to_dict",
    "to_json",
]
