"""The verbs of nano-influencer marketing: tiers, fair pay, loyalty, relationship care.

One module per business rule, each with its numbers as cited data (a frozen policy object
with named presets) at the top and pure functions over the entities of `nanokit.model`
below:

* [`tiers`][nanokit.policy.tiers]: follower thresholds (`TierScheme`, `classify_tier`).
* [`pay`][nanokit.policy.pay]: fair per-post pay (`PayPolicy`, `fair_pay_range`,
  `assess_offer`, `suggest_rate`).
* [`loyalty`][nanokit.policy.loyalty]: cash after successful deals, ambassador standing,
  first dibs (`LoyaltyPolicy`, `loyalty_standing`, `recommend_compensation`, `first_dibs`).
* [`care`][nanokit.policy.care]: never ghost, fresh media kits (`unanswered_pitches`,
  `relationship_summary`, `stale_media_kits`).
* [`cadence`][nanokit.policy.cadence]: posts due against posts published
  (`expected_posts`, `missed_posts`).
* [`disclosure`][nanokit.policy.disclosure]: material connections and `#ad`
  (`disclosure_required`, `check_disclosure`).

Presets keep their module's name space (`tiers.INBEAT` is a `TierScheme`, `pay.INBEAT` a
`PayPolicy`), so they are reached through the module.

Examples:
    >>> from nanokit.policy import classify_tier, fair_pay_range, tiers
    >>> tier = classify_tier(12_000, tiers.HYPEAUDITOR)
    >>> tier.value, str(fair_pay_range(tier))
    ('micro', '$200.00 - $500.00')
"""

from nanokit.policy import cadence, care, disclosure, loyalty, pay, tiers
from nanokit.policy.cadence import MissedPost, expected_posts, missed_posts
from nanokit.policy.care import (
    MediaKitCheck,
    RelationshipSummary,
    relationship_summary,
    stale_media_kits,
    unanswered_pitches,
)
from nanokit.policy.disclosure import (
    DisclosureCheck,
    DisclosurePolicy,
    check_disclosure,
    disclosure_required,
)
from nanokit.policy.loyalty import (
    CompensationAdvice,
    LoyaltyPolicy,
    LoyaltyStage,
    LoyaltyStanding,
    first_dibs,
    loyalty_standing,
    recommend_compensation,
)
from nanokit.policy.pay import (
    FormatMultiplier,
    OfferAssessment,
    OfferVerdict,
    PayPolicy,
    RateBenchmarks,
    RateSuggestion,
    assess_offer,
    audience_engagement_rate,
    fair_pay_range,
    suggest_rate,
)
from nanokit.policy.tiers import Tier, TierScheme, classify_tier

__all__ = [
    "CompensationAdvice",
    "DisclosureCheck",
    "DisclosurePolicy",
    "FormatMultiplier",
    "LoyaltyPolicy",
    "LoyaltyStage",
    "LoyaltyStanding",
    "MediaKitCheck",
    "MissedPost",
    "OfferAssessment",
    "OfferVerdict",
    "PayPolicy",
    "RateBenchmarks",
    "RateSuggestion",
    "RelationshipSummary",
    "Tier",
    "TierScheme",
    "assess_offer",
    "cadence",
    "care",
    "check_disclosure",
    "classify_tier",
    "disclosure",
    "disclosure_required",
    "audience_engagement_rate",
    "expected_posts",
    "fair_pay_range",
    "first_dibs",
    "loyalty",
    "loyalty_standing",
    "missed_posts",
    "pay",
    "recommend_compensation",
    "relationship_summary",
    "stale_media_kits",
    "suggest_rate",
    "tiers",
    "unanswered_pitches",
]
