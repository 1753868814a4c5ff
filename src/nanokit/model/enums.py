"""The closed vocabularies of the domain, as string enums.

Each member's value is the lowercase string that appears in JSON, so
`Platform("instagram") is Platform.INSTAGRAM`.

Examples:
    >>> from nanokit import InteractionKind, Platform
    >>> Platform("tiktok")
    <Platform.TIKTOK: 'tiktok'>
    >>> InteractionKind.LIKE.family
    <InteractionFamily.AUDIENCE: 'audience'>
    >>> InteractionKind.PITCH.family.value
    'relationship'
"""

from __future__ import annotations

import enum

__all__ = [
    "CampaignObjective",
    "Channel",
    "ContentFormat",
    "DealStatus",
    "Direction",
    "InteractionFamily",
    "InteractionKind",
    "Kpi",
    "MediaKind",
    "Platform",
    "Provenance",
    "Tier",
]


class Platform(str, enum.Enum):
    """A social platform or channel where an influencer publishes.

    Examples:
        >>> Platform.INSTAGRAM.value
        'instagram'
    """

    INSTAGRAM = "instagram"
    TIKTOK = "tiktok"
    YOUTUBE = "youtube"
    X = "x"
    TWITCH = "twitch"
    FACEBOOK = "facebook"
    PINTEREST = "pinterest"
    SNAPCHAT = "snapchat"
    LINKEDIN = "linkedin"
    THREADS = "threads"
    BLUESKY = "bluesky"
    BLOG = "blog"
    PODCAST = "podcast"
    OTHER = "other"


class ContentFormat(str, enum.Enum):
    """The format of a piece of content: what a deliverable asks for.

    Examples:
        >>> ContentFormat("carousel")
        <ContentFormat.CAROUSEL: 'carousel'>
    """

    PHOTO = "photo"
    CAROUSEL = "carousel"
    VIDEO = "video"
    REEL = "reel"
    SHORT = "short"
    STORY = "story"
    STORY_WITH_LINK = "story_with_link"
    LIVE = "live"
    ARTICLE = "article"
    REVIEW = "review"
    OTHER = "other"


class CampaignObjective(str, enum.Enum):
    """What a campaign is for.

    Examples:
        >>> CampaignObjective.SALES.value
        'sales'
    """

    AWARENESS = "awareness"
    ENGAGEMENT = "engagement"
    UGC = "ugc"
    TRAFFIC = "traffic"
    SALES = "sales"
    PRODUCT_FEEDBACK = "product_feedback"


class MediaKind(str, enum.Enum):
    """How the influencer is rewarded: earned (gifted product), paid, affiliate or a mix.

    `EARNED` is gifted or unpaid content: the seeds call it earned rather than paid media.

    Examples:
        >>> MediaKind("earned")
        <MediaKind.EARNED: 'earned'>
    """

    EARNED = "earned"
    PAID = "paid"
    AFFILIATE = "affiliate"
    MIXED = "mixed"


class DealStatus(str, enum.Enum):
    """Where a deal is in its lifecycle.

    `proposed -> negotiating -> agreed -> in_progress -> delivered -> completed`, with
    `declined` and `cancelled` as exits from any open state. See
    [`Deal.advance`][nanokit.Deal.advance].

    Examples:
        >>> DealStatus.COMPLETED.is_open
        False
        >>> DealStatus.AGREED.is_open
        True
    """

    PROPOSED = "proposed"
    NEGOTIATING = "negotiating"
    AGREED = "agreed"
    IN_PROGRESS = "in_progress"
    DELIVERED = "delivered"
    COMPLETED = "completed"
    DECLINED = "declined"
    CANCELLED = "cancelled"

    @property
    def is_open(self) -> bool:
        """Whether the deal can still move (not completed, declined or cancelled)."""
        return self not in _CLOSED_STATUSES


_CLOSED_STATUSES = frozenset({DealStatus.COMPLETED, DealStatus.DECLINED, DealStatus.CANCELLED})


class InteractionFamily(str, enum.Enum):
    """The three families of interactions in the log.

    Examples:
        >>> [family.value for family in InteractionFamily]
        ['relationship', 'content', 'audience']
    """

    RELATIONSHIP = "relationship"
    """Touch-points between brand and influencer: pitches, outreach, replies, payments."""
    CONTENT = "content"
    """Content the influencer published: posts, stories, reels, videos."""
    AUDIENCE = "audience"
    """The audience's response: impressions, likes, clicks, conversions."""


class InteractionKind(str, enum.Enum):
    """What happened, in one of the three [families][nanokit.InteractionFamily].

    Examples:
        >>> InteractionKind.REEL.family.value
        'content'
        >>> sorted(k.value for k in InteractionKind if k.family is InteractionFamily.CONTENT)
        ['article', 'live', 'post', 'reel', 'short', 'story', 'video']
    """

    # relationship touch-points
    PITCH = "pitch"
    OUTREACH = "outreach"
    MESSAGE = "message"
    REPLY = "reply"
    FOLLOW_UP = "follow_up"
    FEEDBACK_REQUEST = "feedback_request"
    FEEDBACK = "feedback"
    PRODUCT_SENT = "product_sent"
    PAYMENT = "payment"
    RECOGNITION = "recognition"
    # content published
    POST = "post"
    STORY = "story"
    REEL = "reel"
    VIDEO = "video"
    SHORT = "short"
    LIVE = "live"
    ARTICLE = "article"
    # audience response
    IMPRESSION = "impression"
    REACH = "reach"
    VIEW = "view"
    LIKE = "like"
    COMMENT = "comment"
    SHARE = "share"
    SAVE = "save"
    CLICK = "click"
    PROFILE_VISIT = "profile_visit"
    FOLLOW = "follow"
    CONVERSION = "conversion"
    UGC = "ugc"
    REVIEW = "review"

    @property
    def family(self) -> InteractionFamily:
        """The family this kind belongs to."""
        return _FAMILIES[self]


_RELATIONSHIP = (
    InteractionKind.PITCH,
    InteractionKind.OUTREACH,
    InteractionKind.MESSAGE,
    InteractionKind.REPLY,
    InteractionKind.FOLLOW_UP,
    InteractionKind.FEEDBACK_REQUEST,
    InteractionKind.FEEDBACK,
    InteractionKind.PRODUCT_SENT,
    InteractionKind.PAYMENT,
    InteractionKind.RECOGNITION,
)
_CONTENT = (
    InteractionKind.POST,
    InteractionKind.STORY,
    InteractionKind.REEL,
    InteractionKind.VIDEO,
    InteractionKind.SHORT,
    InteractionKind.LIVE,
    InteractionKind.ARTICLE,
)
_FAMILIES: dict[InteractionKind, InteractionFamily] = {
    kind: (
        InteractionFamily.RELATIONSHIP
        if kind in _RELATIONSHIP
        else InteractionFamily.CONTENT
        if kind in _CONTENT
        else InteractionFamily.AUDIENCE
    )
    for kind in InteractionKind
}


class Direction(str, enum.Enum):
    """Which way a relationship touch-point went, seen from the brand.

    Examples:
        >>> Direction.INBOUND.value
        'inbound'
    """

    INBOUND = "inbound"
    """From the influencer to the brand (a pitch, a reply)."""
    OUTBOUND = "outbound"
    """From the brand to the influencer (outreach, a reply, a payment)."""


class Channel(str, enum.Enum):
    """How brand and influencer talk to each other.

    Examples:
        >>> Channel("direct_message")
        <Channel.DIRECT_MESSAGE: 'direct_message'>
    """

    EMAIL = "email"
    DIRECT_MESSAGE = "direct_message"
    PHONE = "phone"
    IN_PERSON = "in_person"
    PLATFORM = "platform"
    OTHER = "other"


class Provenance(str, enum.Enum):
    """Where a figure comes from, so an estimate is never mistaken for a measurement.

    Examples:
        >>> Provenance.SELF_REPORTED.value
        'self_reported'
    """

    MEASURED = "measured"
    """Read from the platform or a tracking system."""
    ESTIMATED = "estimated"
    """Computed or guessed by a tool or a person."""
    SELF_REPORTED = "self_reported"
    """Stated by the influencer (a media kit, a screenshot)."""


class Tier(str, enum.Enum):
    """Influencer size tiers, ordered from smallest to largest.

    Members compare by size (`Tier.NANO < Tier.MICRO`), not alphabetically. Which follower
    counts fall in which tier is decided by a
    [`TierScheme`][nanokit.policy.tiers.TierScheme].

    Examples:
        >>> Tier.NANO < Tier.MICRO < Tier.MID < Tier.MACRO < Tier.MEGA
        True
        >>> max([Tier.MACRO, Tier.NANO])
        <Tier.MACRO: 'macro'>
    """

    NANO = "nano"
    MICRO = "micro"
    MID = "mid"
    MACRO = "macro"
    MEGA = "mega"

    @property
    def rank(self) -> int:
        """0 for nano up to 4 for mega."""
        return _TIER_RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Tier):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Tier):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Tier):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Tier):
            return NotImplemented
        return self.rank >= other.rank


_TIER_RANK: dict[Tier, int] = {tier: rank for rank, tier in enumerate(Tier)}


class Kpi(str, enum.Enum):
    """The names of the measures nanokit computes, for targets and rankings.

    Examples:
        >>> Kpi("cpe").lower_is_better
        True
        >>> Kpi.ROI.lower_is_better
        False
    """

    IMPRESSIONS = "impressions"
    REACH = "reach"
    VIEWS = "views"
    ENGAGEMENTS = "engagements"
    ENGAGEMENT_RATE = "engagement_rate"
    CLICKS = "clicks"
    CLICK_THROUGH_RATE = "click_through_rate"
    CONVERSIONS = "conversions"
    CONVERSION_RATE = "conversion_rate"
    REVENUE = "revenue"
    COST = "cost"
    COST_PER_POST = "cost_per_post"
    CPE = "cpe"
    CPM = "cpm"
    CPC = "cpc"
    CPA = "cpa"
    ROI = "roi"
    ROAS = "roas"
    EMV = "emv"

    @property
    def lower_is_better(self) -> bool:
        """Whether a smaller value is the better one (costs)."""
        return self in _COSTS


_COSTS = frozenset({Kpi.COST, Kpi.COST_PER_POST, Kpi.CPE, Kpi.CPM, Kpi.CPC, Kpi.CPA})
