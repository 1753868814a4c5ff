"""A realistic, reproducible example workspace: one brand, twelve creators, a year of work.

[`demo_workspace`][nanokit.demo.demo_workspace] builds it from a seed with its own
`random.Random` (never the global generator, never the clock, no network, no files), so one
seed always gives an equal workspace and every report on it can be reproduced. "Now" is
[`DEMO_NOW`][nanokit.demo.DEMO_NOW] (Monday 15 June 2026, noon UTC): every record is dated
before it.

What is in it (the structure is the same for every seed; the seed changes the numbers:
follower counts, engagement, timings within a day, how responses are split into records):

* **The brand** [`DEMO_BRAND`][nanokit.demo.DEMO_BRAND], a small-batch baking-mix company.
* **Six campaigns**, all requiring `#ad` and `#oatandember`, with deliverables (several on
  recurrence rules such as `FREQ=WEEKLY;COUNT=3`) and KPI targets: four earlier seasonal
  gifting campaigns (summer 2025 to February 2026), the current gifting campaign
  [`GIFTED_CAMPAIGN_ID`][nanokit.demo.GIFTED_CAMPAIGN_ID] (`MediaKind.EARNED`, product-only
  deals) and the current paid campaign [`PAID_CAMPAIGN_ID`][nanokit.demo.PAID_CAMPAIGN_ID]
  (cash per post plus product, some deals with an affiliate commission, discount codes and
  tracking links).
* **Twelve influencers**, invented people with invented handles (every email and link uses
  the reserved `example.com` domain): nine nano (under 10,000 followers on their largest
  account) and three micro (10,000 to 20,000), on Instagram, TikTok and YouTube, from eleven
  countries, with niches, languages and contact details. Nine have a media kit on file
  (four received more than six months before `DEMO_NOW`), three have none. Every account
  has an audience snapshot; two Instagram accounts hide their likes (`avg_likes` is
  `None`) and two snapshots are self-reported, the rest measured.
* **24 deals in every [`DealStatus`][nanokit.DealStatus]**, each history built with
  [`Deal.advance`][nanokit.Deal.advance]. Completed deals per influencer cover every loyalty
  stage: none (six people), one or two (three), three or four (two) and six, spread over
  more than 300 days ([`AMBASSADOR_INFLUENCER_ID`][nanokit.demo.AMBASSADOR_INFLUENCER_ID]).
* **An interaction log** of exactly the requested size (3,000 by default), in time order
  with ids `ev-00001`, `ev-00002`...: pitches, outreach, replies, follow-ups, product sent
  and payments (with their `Money` value), feedback and recognition; the posts, reels,
  stories and videos published (with their hashtags: two of them lack `#ad`); and the
  audience's response (impressions, reach, views, likes, comments, shares, saves, profile
  visits, follows, clicks, conversions with their revenue, user-generated content and
  reviews), linked by `campaign_id`, `deal_id` and `content_id`. Audience records carry
  counts ("412 likes on post X as of ..."), so a few thousand records stand for realistic
  totals; engagement is a few percent of followers per post. Likes on the two hidden-likes
  accounts come from the creators' own screenshots and are marked `self_reported`.
* **People about to be ghosted**: two creators pitched by email or direct message three and
  four days before `DEMO_NOW` and got no answer yet (every other message has one), and one
  creator's counter-offer arrived the day before, which is not yet overdue.
* **The worked example of the domain guide**, exactly:
  [`WORKED_EXAMPLE_INFLUENCER_ID`][nanokit.demo.WORKED_EXAMPLE_INFLUENCER_ID] has 8,000
  Instagram followers and, in the paid campaign
  (deal [`WORKED_EXAMPLE_DEAL_ID`][nanokit.demo.WORKED_EXAMPLE_DEAL_ID], completed),
  published 3 posts that got 1,900 likes, 140 comments, 60 shares, 90 saves,
  21,000 impressions, 600 clicks and 24 sales worth $1,080 in total; the brand sent product
  worth $45 and paid $60 per post (cost $225). These are the only audience records of that
  deal, so summing them by kind gives the guide's figures, and its KPIs (ER 9.1%, CPE $0.103,
  ROI 380%, ROAS 4.8).

`Workspace.problems()` is empty for every seed: ids are unique, every reference resolves
and no interaction is dated before its campaign starts.

Examples:
    >>> from collections import Counter
    >>> from nanokit import InteractionFamily
    >>> from nanokit.demo import PAID_CAMPAIGN_ID, WORKED_EXAMPLE_INFLUENCER_ID, demo_workspace
    >>> ws = demo_workspace()
    >>> len(ws.influencers), len(ws.campaigns), len(ws.deals), len(ws.interactions)
    (12, 6, 24, 3000)
    >>> ws.problems()
    []
    >>> ws == demo_workspace()
    True
    >>> totals = Counter()
    >>> for event in ws.interactions:
    ...     if (
    ...         event.influencer_id == WORKED_EXAMPLE_INFLUENCER_ID
    ...         and event.campaign_id == PAID_CAMPAIGN_ID
    ...         and event.family is InteractionFamily.AUDIENCE
    ...     ):
    ...         totals[event.kind.value] += event.count
    >>> dict(sorted(totals.items()))
    {'click': 600, 'comment': 140, 'conversion': 24, 'impression': 21000, 'like': 1900, 'save': 90, 'share': 60}
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterable
from decimal import Decimal
from itertools import pairwise
from typing import Final

import attrs

from nanokit.exceptions import ValidationError
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
    Influencer,
    Interaction,
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
    Tier,
    Workspace,
)
from nanokit.money import Money

__all__ = [
    "AMBASSADOR_INFLUENCER_ID",
    "DEMO_BRAND",
    "DEMO_MAX_INTERACTIONS",
    "DEMO_MIN_INTERACTIONS",
    "DEMO_NOW",
    "DEMO_SEED",
    "GIFTED_CAMPAIGN_ID",
    "PAID_CAMPAIGN_ID",
    "WORKED_EXAMPLE_DEAL_ID",
    "WORKED_EXAMPLE_INFLUENCER_ID",
    "demo_workspace",
]

DEMO_SEED: Final = 2026
"""The default seed of [`demo_workspace`][nanokit.demo.demo_workspace]."""

DEMO_NOW: Final = dt.datetime(2026, 6, 15, 12, 0, tzinfo=dt.timezone.utc)
"""The demo's fixed "now" (timezone-aware): every record is dated before it, so reports that
ask "as of when?" (overdue replies, media kit age) are reproducible."""

DEMO_BRAND: Final = "Oat & Ember"
"""The invented brand that runs every campaign of the demo."""

DEMO_MIN_INTERACTIONS: Final = 541
"""The fewest interactions the demo can hold: every touch-point and piece of content, and one
record per audience measure of each piece (the same for every seed)."""

DEMO_MAX_INTERACTIONS: Final = 20_000
"""The most interactions [`demo_workspace`][nanokit.demo.demo_workspace] generates; the demo
is a tutorial data set, not a load generator."""

GIFTED_CAMPAIGN_ID: Final = "cmp-2026-spring-gifting"
"""The current gifting campaign: `MediaKind.EARNED`, every deal paid in product only."""

PAID_CAMPAIGN_ID: Final = "cmp-2026-summer-granola"
"""The current paid campaign: cash per post plus product, some deals with a commission."""

WORKED_EXAMPLE_INFLUENCER_ID: Final = "inf-dara-quill"
"""The influencer whose paid-campaign numbers are the domain guide's worked example."""

WORKED_EXAMPLE_DEAL_ID: Final = "deal-2026-summer-granola-dara-quill"
"""The completed paid deal that reproduces the domain guide's worked example."""

AMBASSADOR_INFLUENCER_ID: Final = "inf-ines-marlowe"
"""The influencer with six completed deals spread over more than 180 days."""

_UTC = dt.timezone.utc
_K = InteractionKind
_S = DealStatus
_IN = Direction.INBOUND
_OUT = Direction.OUTBOUND
_REQUIRED_TAGS = ("#ad", "#oatandember")

# The worked example of DOMAIN.md ("Worked example"): totals over the influencer's 3 posts.
_WORKED_EXAMPLE_TOTALS: Final[dict[InteractionKind, int]] = {
    _K.IMPRESSION: 21_000,
    _K.LIKE: 1_900,
    _K.COMMENT: 140,
    _K.SHARE: 60,
    _K.SAVE: 90,
    _K.CLICK: 600,
    _K.CONVERSION: 24,
}
# 24 orders worth $1,080 in total ($45 on average).
_WORKED_EXAMPLE_ORDERS: Final = (
    (Decimal("30.00"),) * 8 + (Decimal("45.00"),) * 8 + (Decimal("60.00"),) * 8
)
_ORDER_VALUES: Final = (Decimal("24.00"), Decimal("32.50"), Decimal("45.00"), Decimal("58.00"))
_CENT: Final = Decimal("0.01")
_WINDOW: Final = dt.timedelta(days=10)  # audience response is followed for ten days
# Quoted prices relative to a photo post: HypeAuditor puts video 40-50% above a photo.
_VIDEO_RATE: Final = ((ContentFormat.VIDEO, 1.5),)
_RATE_FACTORS: Final = {
    Platform.INSTAGRAM: (
        (ContentFormat.PHOTO, 1.0),
        (ContentFormat.REEL, 1.4),
        (ContentFormat.STORY, 0.4),
    ),
}
_FEEDBACK: Final = (
    "Loved the product; shipping took a while",
    "The brief was clear; a longer lead time would help",
    "My audience asked for a discount code next time",
    "Great fit for my feed; happy to do more",
)
_COUNTRIES: Final = ("US", "GB", "CA", "AU", "DE", "FR", "ES", "IN", "AE", "PL", "NO", "JP", "IE")
_AGE_BANDS: Final = ("13-17", "18-24", "25-34", "35-44", "45+")
_CONTENT_KINDS: Final[dict[ContentFormat, InteractionKind]] = {
    ContentFormat.PHOTO: _K.POST,
    ContentFormat.CAROUSEL: _K.POST,
    ContentFormat.REEL: _K.REEL,
    ContentFormat.VIDEO: _K.VIDEO,
    ContentFormat.SHORT: _K.SHORT,
    ContentFormat.STORY: _K.STORY,
    ContentFormat.STORY_WITH_LINK: _K.STORY,
    ContentFormat.LIVE: _K.LIVE,
    ContentFormat.ARTICLE: _K.ARTICLE,
    ContentFormat.REVIEW: _K.ARTICLE,
    ContentFormat.OTHER: _K.POST,
}


# -- the cast -----------------------------------------------------------------------------------


@attrs.frozen
class _Account:
    """One account of a persona: base followers vary by a few percent with the seed."""

    platform: Platform
    handle: str
    followers: int
    fixed: bool = False  # keep `followers` exactly (the worked example)
    hidden_likes: bool = False
    self_reported: bool = False


@attrs.frozen
class _Persona:
    """An invented influencer and the facts the generator needs about them."""

    slug: str
    name: str
    country: str
    languages: tuple[str, ...]
    niches: tuple[str, ...]
    tags: tuple[str, ...]
    accounts: tuple[_Account, ...]
    since: dt.date
    email: str | None = None
    kit: dt.date | None = None
    kit_reference: bool = False
    engagement: float | None = None  # likes per follower per post; drawn when None
    suspicious: tuple[float, float] = (0.02, 0.09)
    notes: str = ""

    @property
    def id(self) -> str:
        return f"inf-{self.slug}"


def _ig(handle: str, followers: int, **flags: bool) -> _Account:
    return _Account(Platform.INSTAGRAM, handle, followers, **flags)


_PERSONAS: Final = (
    _Persona(
        "ines-marlowe", "Inès Marlowe", "FR", ("fr", "en"), ("sourdough", "slow baking"),
        ("#sourdough", "#slowbaking", "#levain", "#painaulevain"),
        (_ig("@ines.kneads.slowly", 6_400), _Account(Platform.TIKTOK, "@ineskneads", 3_200)),
        dt.date(2025, 5, 12), "ines.marlowe@example.com", dt.date(2026, 2, 10),
        notes="Ambassador: six campaigns since summer 2025; answers within a day.",
    ),
    _Persona(
        "dara-quill", "Dara Quill", "US", ("en",), ("plant-based breakfast", "meal prep"),
        ("#plantbasedbreakfast", "#mealprep", "#overnightoats", "#granolabowl"),
        (_ig("@dara.quill.eats", 8_000, fixed=True),),
        dt.date(2025, 9, 28), "dara.quill@example.com", dt.date(2025, 10, 2),
        engagement=0.079,
        notes="The domain guide's worked example: 3 posts in the summer granola launch.",
    ),
    _Persona(
        "tomasz-rembek", "Tomasz Rembek", "PL", ("pl", "en"),
        ("camp cooking", "outdoor breakfast"),
        ("#campcooking", "#campfirefood", "#outdoorbreakfast"),
        (
            _Account(Platform.YOUTUBE, "@tomaszcampfirekitchen", 4_800),
            _ig("@tomasz.campfire", 2_600),
        ),
        dt.date(2025, 5, 20), "tomasz.rembek@example.com", dt.date(2025, 5, 20),
        kit_reference=True, notes="Films on location; prefers long lead times.",
    ),
    _Persona(
        "amara-fenwick", "Amara Fenwick", "GB", ("en",), ("gluten-free baking",),
        ("#glutenfree", "#gfbaking", "#coeliacfriendly"),
        (_Account(Platform.TIKTOK, "@amarabakesgf", 14_500), _ig("@amara.gf.kitchen", 6_100)),
        dt.date(2026, 4, 28), "amara.fenwick@example.com", dt.date(2026, 4, 28),
        notes="Behind schedule on the summer launch videos.",
    ),
    _Persona(
        "kenji-morioka", "Kenji Morioka", "JP", ("ja", "en"), ("coffee and brunch", "latte art"),
        ("#brunch", "#latteart", "#homecafe"),
        (_ig("@kenji.brews.brunch", 3_500, hidden_likes=True),),
        dt.date(2026, 1, 29), notes="Hides like counts; sends insights screenshots.",
    ),
    _Persona(
        "lucia-ferrandis", "Lucía Ferrandis", "ES", ("es", "en"),
        ("mediterranean breakfast", "family baking"),
        ("#desayuno", "#reposteriacasera", "#familybaking"),
        (
            _ig("@lucia.horneando", 9_200, hidden_likes=True, self_reported=True),
            _Account(Platform.TIKTOK, "@luciahornea", 5_400),
        ),
        dt.date(2026, 3, 24), "lucia.ferrandis@example.com", dt.date(2026, 3, 24),
        notes="Instagram figures come from her media kit; likes are hidden.",
    ),
    _Persona(
        "noor-haddad", "Noor Haddad", "AE", ("ar", "en"), ("family meal prep", "lunchbox ideas"),
        ("#lunchboxideas", "#familymealprep"),
        (_ig("@noor.lunchbox.lab", 1_900),),
        dt.date(2026, 3, 2), notes="Pitched in March; invited to spring gifting in June.",
    ),
    _Persona(
        "felix-arsenault", "Félix Arsenault", "CA", ("en", "fr"),
        ("budget baking", "bread science"),
        ("#budgetbaking", "#breadscience"),
        (
            _Account(Platform.YOUTUBE, "@felixbakesonabudget", 17_300),
            _ig("@felix.crumbnotes", 4_200),
        ),
        dt.date(2025, 11, 5), "felix.arsenault@example.com", dt.date(2025, 11, 5),
        notes="Negotiating a YouTube integration for the summer launch.",
    ),
    _Persona(
        "priya-sethuram", "Priya Sethuram", "IN", ("en", "hi"), ("indian fusion desserts",),
        ("#fusiondesserts", "#eggless", "#chaispice"),
        (_ig("@priyas.fusion.oven", 5_600),),
        dt.date(2025, 9, 10), "priya.sethuram@example.com", dt.date(2025, 9, 10),
        notes="Declined the summer launch (fully booked); keep in mind for autumn.",
    ),
    _Persona(
        "ole-vindheim", "Ole Vindheim", "NO", ("nb", "en"), ("nordic baking", "cardamom buns"),
        ("#kardemommeboller", "#nordicbaking"),
        (_ig("@ole.bakes.north", 2_300),),
        dt.date(2026, 4, 19), "ole.vindheim@example.com", dt.date(2026, 4, 19),
        kit_reference=True, notes="Spring deal cancelled: no shipping to Norway yet.",
    ),
    _Persona(
        "sade-moreno", "Sadé Moreno", "US", ("en", "es"),
        ("student budget recipes", "dorm cooking"),
        ("#dormcooking", "#budgetrecipes"),
        (
            _Account(Platform.TIKTOK, "@sade.cooks.cheap", 11_800, self_reported=True),
            _ig("@sade.cooks.cheap", 3_900),
        ),
        dt.date(2026, 6, 11), "sade.moreno@example.com", dt.date(2026, 6, 11),
        notes="Pitched a dorm-friendly granola series; waiting for our answer.",
    ),
    _Persona(
        "milo-tennant", "Milo Tennant", "AU", ("en",), ("vegan snacks", "lunchbox baking"),
        ("#vegansnacks", "#lunchboxbaking"),
        (_ig("@milo.snackshack", 950),),
        dt.date(2026, 6, 12), suspicious=(0.15, 0.25),
        notes="Pitched by direct message; waiting for our answer.",
    ),
)  # fmt: skip
_BY_SLUG: Final = {persona.slug: persona for persona in _PERSONAS}


# -- the campaigns ------------------------------------------------------------------------------


def _gifting(
    campaign_id: str,
    name: str,
    objective: CampaignObjective,
    start: dt.date,
    end: dt.date,
    budget: str,
    deliverables: tuple[Deliverable, ...],
) -> Campaign:
    return Campaign(
        id=campaign_id,
        brand=DEMO_BRAND,
        name=name,
        objective=objective,
        media_kind=MediaKind.EARNED,
        start=start,
        end=end,
        budget=Money(budget),
        deliverables=deliverables,
        required_hashtags=_REQUIRED_TAGS,
        disclosure=f"Gifted by {DEMO_BRAND} #ad",
        target_niches=("baking", "breakfast", "food"),
        target_tiers=(Tier.NANO,),
        kpi_targets=(KpiTarget(Kpi.ENGAGEMENT_RATE, "0.04"), KpiTarget(Kpi.IMPRESSIONS, 20_000)),
    )


_IG_STORY = (ContentFormat.STORY, Platform.INSTAGRAM)
_CAMPAIGNS: Final = (
    _gifting(
        "cmp-2025-summer-picnic", "Summer picnic gifting 2025", CampaignObjective.AWARENESS,
        dt.date(2025, 6, 2), dt.date(2025, 7, 13), "900",
        (
            Deliverable(ContentFormat.PHOTO, Platform.INSTAGRAM),
            Deliverable(*_IG_STORY, 2, recurrence="FREQ=DAILY;COUNT=2"),
        ),
    ),
    _gifting(
        "cmp-2025-harvest-bakes", "Harvest bakes gifting 2025", CampaignObjective.UGC,
        dt.date(2025, 9, 15), dt.date(2025, 10, 26), "1100",
        (
            Deliverable(ContentFormat.REEL, Platform.INSTAGRAM),
            Deliverable(*_IG_STORY, 2, recurrence="FREQ=WEEKLY;COUNT=2"),
        ),
    ),
    _gifting(
        "cmp-2025-holiday-cookies", "Holiday cookie box 2025", CampaignObjective.PRODUCT_FEEDBACK,
        dt.date(2025, 11, 17), dt.date(2025, 12, 28), "1200",
        (Deliverable(ContentFormat.PHOTO, Platform.INSTAGRAM), Deliverable(*_IG_STORY)),
    ),
    _gifting(
        "cmp-2026-valentine-brunch", "Valentine's brunch 2026", CampaignObjective.ENGAGEMENT,
        dt.date(2026, 1, 26), dt.date(2026, 2, 22), "1000",
        (Deliverable(ContentFormat.REEL, Platform.INSTAGRAM), Deliverable(*_IG_STORY)),
    ),
    _gifting(
        GIFTED_CAMPAIGN_ID, "Spring bakes gifting 2026", CampaignObjective.UGC,
        dt.date(2026, 3, 16), dt.date(2026, 6, 28), "2000",
        (
            Deliverable(ContentFormat.REEL, Platform.INSTAGRAM),
            Deliverable(*_IG_STORY, 3, recurrence="FREQ=WEEKLY;COUNT=3"),
        ),
    ),
    Campaign(
        id=PAID_CAMPAIGN_ID,
        brand=DEMO_BRAND,
        name="Summer granola launch 2026",
        objective=CampaignObjective.SALES,
        media_kind=MediaKind.PAID,
        start=dt.date(2026, 4, 6),
        end=dt.date(2026, 7, 26),
        budget=Money("6000"),
        deliverables=(
            Deliverable(
                ContentFormat.CAROUSEL, Platform.INSTAGRAM, 3, recurrence="FREQ=WEEKLY;COUNT=3"
            ),
        ),
        required_hashtags=_REQUIRED_TAGS,
        disclosure=f"Paid partnership with {DEMO_BRAND} #ad",
        target_niches=("breakfast", "meal prep", "healthy snacks"),
        target_tiers=(Tier.NANO, Tier.MICRO),
        kpi_targets=(
            KpiTarget(Kpi.ENGAGEMENT_RATE, "0.05"),
            KpiTarget(Kpi.CPE, "0.15"),
            KpiTarget(Kpi.CONVERSION_RATE, "0.03"),
            KpiTarget(Kpi.CPA, "12"),
            KpiTarget(Kpi.ROAS, "3"),
        ),
    ),
)  # fmt: skip
_CAMPAIGN_BY_ID: Final = {campaign.id: campaign for campaign in _CAMPAIGNS}
_GIFTS: Final = {
    "cmp-2025-summer-picnic": ProductGift("Summer picnic hamper", Money("42.00")),
    "cmp-2025-harvest-bakes": ProductGift("Harvest baking box", Money("36.00")),
    "cmp-2025-holiday-cookies": ProductGift("Holiday cookie box", Money("48.00")),
    "cmp-2026-valentine-brunch": ProductGift("Valentine's brunch set", Money("40.00")),
    GIFTED_CAMPAIGN_ID: ProductGift("Spring baking box", Money("38.00")),
    PAID_CAMPAIGN_ID: ProductGift("Summer granola bundle", Money("45.00")),
}


# -- the deals ----------------------------------------------------------------------------------


@attrs.frozen
class _Plan:
    """How one deal unfolds: who opened it, when, and where it stands at `DEMO_NOW`."""

    campaign_id: str
    slug: str
    status: DealStatus
    opens: dt.date
    opener: InteractionKind = _K.OUTREACH
    negotiate: bool = False
    cash_per_post: str | None = None
    commission: Commission | None = None
    code: str | None = None
    deliverables: tuple[Deliverable, ...] = ()  # () means the campaign's
    posted: int | None = None  # pieces posted so far, for a deal still in progress
    undisclosed: tuple[tuple[int, str | None], ...] = ()  # (piece, tag used instead of #ad)
    note: str = ""  # why a deal was declined or cancelled
    recognition: str = ""
    usage_rights_until: dt.date | None = None
    exclusivity_until: dt.date | None = None

    @property
    def deal_id(self) -> str:
        return f"deal-{self.campaign_id.removeprefix('cmp-')}-{self.slug}"


_YOUTUBE_AND_STORY = (Deliverable(ContentFormat.VIDEO, Platform.YOUTUBE), Deliverable(*_IG_STORY))
_C1, _C2, _C3, _C4 = (campaign.id for campaign in _CAMPAIGNS[:4])
_G, _P = GIFTED_CAMPAIGN_ID, PAID_CAMPAIGN_ID
_D = dt.date
_PLANS: Final = (
    _Plan(_C1, "ines-marlowe", _S.COMPLETED, _D(2025, 6, 2)),
    _Plan(_C1, "tomasz-rembek", _S.COMPLETED, _D(2025, 6, 3), _K.PITCH,
          deliverables=_YOUTUBE_AND_STORY, undisclosed=((0, None),)),
    _Plan(_C2, "ines-marlowe", _S.COMPLETED, _D(2025, 9, 15)),
    _Plan(_C2, "tomasz-rembek", _S.COMPLETED, _D(2025, 9, 16), deliverables=_YOUTUBE_AND_STORY),
    _Plan(_C2, "priya-sethuram", _S.COMPLETED, _D(2025, 9, 17), _K.PITCH),
    _Plan(_C3, "ines-marlowe", _S.COMPLETED, _D(2025, 11, 17)),
    _Plan(_C3, "dara-quill", _S.COMPLETED, _D(2025, 11, 18)),
    _Plan(_C3, "priya-sethuram", _S.COMPLETED, _D(2025, 11, 19)),
    _Plan(_C4, "ines-marlowe", _S.COMPLETED, _D(2026, 1, 26)),
    _Plan(_C4, "dara-quill", _S.COMPLETED, _D(2026, 1, 27)),
    _Plan(_C4, "tomasz-rembek", _S.COMPLETED, _D(2026, 1, 28), deliverables=_YOUTUBE_AND_STORY),
    _Plan(_C4, "kenji-morioka", _S.COMPLETED, _D(2026, 1, 29), _K.PITCH),
    _Plan(_G, "ines-marlowe", _S.COMPLETED, _D(2026, 3, 17)),
    _Plan(_G, "tomasz-rembek", _S.COMPLETED, _D(2026, 3, 18),
          deliverables=(
              Deliverable(ContentFormat.VIDEO, Platform.YOUTUBE),
              Deliverable(*_IG_STORY, 2, recurrence="FREQ=WEEKLY;COUNT=2"),
          ),
          recognition="Shout-out: we reposted his campfire pancakes video"),
    _Plan(_G, "lucia-ferrandis", _S.COMPLETED, _D(2026, 3, 24), _K.PITCH),
    _Plan(_G, "ole-vindheim", _S.CANCELLED, _D(2026, 4, 20),
          note="Cancelled: we cannot ship baking mixes to Norway yet; sorry, Ole"),
    _Plan(_G, "kenji-morioka", _S.DELIVERED, _D(2026, 5, 4), undisclosed=((2, "#gifted"),)),
    _Plan(_G, "noor-haddad", _S.PROPOSED, _D(2026, 6, 9)),
    _Plan(_P, "dara-quill", _S.COMPLETED, _D(2026, 4, 7), negotiate=True, cash_per_post="60.00",
          code="DARA15", usage_rights_until=_D(2026, 12, 31)),
    _Plan(_P, "ines-marlowe", _S.COMPLETED, _D(2026, 4, 8), cash_per_post="80.00",
          commission=Commission(rate="0.10"), code="INES10",
          deliverables=(
              Deliverable(ContentFormat.CAROUSEL, Platform.INSTAGRAM, 3,
                          recurrence="FREQ=WEEKLY;COUNT=3"),
              Deliverable(ContentFormat.VIDEO, Platform.TIKTOK, 2,
                          recurrence="FREQ=WEEKLY;COUNT=2"),
          ),
          recognition="Named Oat & Ember ambassador of the month in our newsletter",
          usage_rights_until=_D(2026, 12, 31), exclusivity_until=_D(2026, 8, 31)),
    _Plan(_P, "priya-sethuram", _S.DECLINED, _D(2026, 4, 14), cash_per_post="50.00",
          note="Declined: fully booked in May; asked to be kept in mind for autumn"),
    _Plan(_P, "amara-fenwick", _S.IN_PROGRESS, _D(2026, 5, 4), negotiate=True,
          cash_per_post="250.00", commission=Commission(per_sale=Money("3.00")), code="AMARAGF",
          deliverables=(
              Deliverable(ContentFormat.VIDEO, Platform.TIKTOK, 4,
                          recurrence="FREQ=WEEKLY;COUNT=4"),
          ),
          posted=2, usage_rights_until=_D(2026, 12, 31)),
    _Plan(_P, "lucia-ferrandis", _S.AGREED, _D(2026, 6, 2), cash_per_post="90.00",
          commission=Commission(rate="0.08"), code="LUCIA8"),
    _Plan(_P, "felix-arsenault", _S.NEGOTIATING, _D(2026, 6, 11), negotiate=True,
          cash_per_post="220.00",
          deliverables=(
              Deliverable(ContentFormat.VIDEO, Platform.YOUTUBE),
              Deliverable(ContentFormat.CAROUSEL, Platform.INSTAGRAM, 2,
                          recurrence="FREQ=WEEKLY;COUNT=2"),
          )),
)  # fmt: skip

# Touch-points outside any deal: (slug, date, kind, direction, note), in order per person.
_TOUCHES: Final = (
    ("ines-marlowe", _D(2025, 8, 12), _K.MESSAGE, _OUT, "Touching base: what are you baking?"),
    ("ines-marlowe", _D(2025, 8, 13), _K.REPLY, _IN, "Rye experiments, photos attached"),
    ("ines-marlowe", _D(2025, 8, 13), _K.REPLY, _OUT, "Lovely; talk soon about autumn"),
    ("ines-marlowe", _D(2026, 2, 14), _K.RECOGNITION, _OUT, "Invitation to our Lyon tasting"),
    ("dara-quill", _D(2026, 3, 5), _K.FEEDBACK_REQUEST, _OUT, "What should we change in 2026?"),
    ("dara-quill", _D(2026, 3, 7), _K.FEEDBACK, _IN, "Smaller boxes, more granola"),
    ("dara-quill", _D(2026, 3, 7), _K.REPLY, _OUT, "Thank you: noted for the summer launch"),
    ("noor-haddad", _D(2026, 3, 2), _K.PITCH, _IN, "Pitch: lunchbox series with your oat bars"),
    ("noor-haddad", _D(2026, 3, 3), _K.REPLY, _OUT, "Not now, but we keep you in mind"),
    ("sade-moreno", _D(2026, 6, 11), _K.PITCH, _IN, "Pitch: dorm-friendly granola series"),
    ("milo-tennant", _D(2026, 6, 12), _K.PITCH, _IN, "Pitch: vegan lunchbox snacks"),
)  # fmt: skip


# -- generation ---------------------------------------------------------------------------------


@attrs.frozen
class _Event:
    """An interaction before its id is known (ids follow the time order)."""

    at: dt.datetime
    influencer_id: str
    kind: InteractionKind
    count: int = 1
    campaign_id: str | None = None
    deal_id: str | None = None
    content_id: str | None = None
    value: Money | None = None
    direction: Direction | None = None
    channel: Channel | None = None
    platform: Platform | None = None
    hashtags: tuple[str, ...] = ()
    provenance: Provenance = Provenance.MEASURED
    note: str = ""


@attrs.frozen
class _Content:
    """A published piece and the audience response it got, by kind of response."""

    event: _Event
    totals: dict[InteractionKind, int]
    orders: tuple[Decimal, ...]  # the value of each conversion
    likes_provenance: Provenance


@attrs.frozen
class _Reach:
    """What the generator knows of one account: followers and engagement per post."""

    followers: int
    engagement: float


class _Clock:
    """Times on given days after an origin, each later than the one before."""

    def __init__(self, rng: random.Random, origin: dt.date) -> None:
        self._rng = rng
        self.origin = origin
        self._last: dt.datetime | None = None

    def at(self, day: int) -> dt.datetime:
        date = self.origin + dt.timedelta(days=day)
        hour, minute = self._rng.randint(8, 18), self._rng.randint(0, 59)
        moment = dt.datetime(date.year, date.month, date.day, hour, minute, tzinfo=_UTC)
        if self._last is not None and moment <= self._last:
            moment = self._last + dt.timedelta(minutes=self._rng.randint(15, 120))
        self._last = moment
        return moment


class _Builder:
    """Collects the records of one demo workspace."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.events: list[_Event] = []
        self.contents: list[_Content] = []
        self.reach: dict[tuple[str, Platform], _Reach] = {}

    # -- influencers -------------------------------------------------------------------------

    def influencer(self, persona: _Persona) -> Influencer:
        accounts = tuple(self._account(persona, account) for account in persona.accounts)
        kit = None
        if persona.kit is not None:
            kit = MediaKit(
                received_on=persona.kit,
                url=None
                if persona.kit_reference
                else f"https://example.com/kits/{persona.slug}.pdf",
                reference=f"{persona.slug}-media-kit.pdf" if persona.kit_reference else None,
                quoted_rates=self._rates(persona),
            )
        return Influencer(
            id=persona.id,
            name=persona.name,
            accounts=accounts,
            niches=persona.niches,
            country=persona.country,
            languages=persona.languages,
            contact=Contact(
                email=persona.email,
                preferred_channel=Channel.EMAIL if persona.email else Channel.DIRECT_MESSAGE,
            ),
            media_kit=kit,
            notes=f"Fictional demo persona. {persona.notes}".strip(),
            created_at=dt.datetime.combine(persona.since, dt.time(7, 0), tzinfo=_UTC),
        )

    def _account(self, persona: _Persona, account: _Account) -> SocialAccount:
        rng = self.rng
        followers = (
            account.followers
            if account.fixed
            else round(account.followers * rng.uniform(0.94, 1.06))
        )
        small = followers < 10_000
        engagement = persona.engagement or (
            rng.uniform(0.025, 0.06) if small else rng.uniform(0.015, 0.035)
        )
        self.reach[(persona.slug, account.platform)] = _Reach(followers, engagement)
        return SocialAccount(
            platform=account.platform,
            handle=account.handle,
            audience=self._audience(persona, account, followers, engagement),
            url=f"https://example.com/{account.platform.value}/{account.handle.lstrip('@')}",
        )

    def _audience(
        self, persona: _Persona, account: _Account, followers: int, engagement: float
    ) -> Audience:
        rng = self.rng
        u = rng.uniform
        if account.fixed:  # the worked example's averages: 1,900 / 3 likes, 140 / 3 comments...
            likes, comments, shares, saves, views = 633.0, 47.0, 20.0, 30.0, None
        elif account.platform is Platform.INSTAGRAM:
            likes = followers * engagement
            comments, shares, saves = (
                likes * u(0.05, 0.09),
                likes * u(0.02, 0.04),
                likes * u(0.03, 0.07),
            )
            views = followers * u(0.5, 1.2)
        else:
            views = followers * (
                u(0.8, 2.5) if account.platform is Platform.TIKTOK else u(0.3, 0.8)
            )
            likes = views * u(0.05, 0.1)
            comments, shares, saves = (
                likes * u(0.03, 0.07),
                likes * u(0.02, 0.05),
                likes * u(0.03, 0.08),
            )
        sampled = {Platform.INSTAGRAM: 12, Platform.TIKTOK: 30}.get(account.platform, 10)
        if account.self_reported:
            measured_at = dt.datetime.combine(persona.since, dt.time(12, 0), tzinfo=_UTC)
            provenance, suspicious, sampled_or_none = Provenance.SELF_REPORTED, None, None
        else:
            measured_at = DEMO_NOW - dt.timedelta(
                days=rng.randint(1, 20), hours=rng.randint(0, 12)
            )
            provenance = Provenance.MEASURED
            suspicious = round(u(*persona.suspicious), 3)
            sampled_or_none = sampled
        return Audience(
            platform=account.platform,
            followers=followers,
            measured_at=measured_at,
            avg_likes=None if account.hidden_likes else round(likes, 1),
            avg_comments=round(comments, 1),
            avg_shares=round(shares, 1),
            avg_saves=None if account.platform is Platform.YOUTUBE else round(saves, 1),
            avg_views=None if views is None else round(views, 1),
            posts_sampled=sampled_or_none,
            demographics=self._demographics(persona),
            suspicious_follower_share=suspicious,
            provenance=provenance,
        )

    def _demographics(self, persona: _Persona) -> Demographics:
        rng = self.rng
        others = rng.sample([code for code in _COUNTRIES if code != persona.country], 2)
        home = rng.uniform(0.45, 0.7)
        rest = rng.uniform(0.15, 0.9 - home)
        split = rng.uniform(0.4, 0.7)
        countries = {persona.country: home, others[0]: rest * split, others[1]: rest * (1 - split)}
        weights = [rng.uniform(0.02, 0.08), *(rng.uniform(0.5, 2.0) for _ in range(4))]
        known = rng.uniform(0.9, 0.98)
        ages = {
            band: known * w / sum(weights) for band, w in zip(_AGE_BANDS, weights, strict=True)
        }
        female = rng.uniform(0.55, 0.8)
        genders = {"female": female, "male": (1 - female) * rng.uniform(0.85, 0.97)}
        return Demographics(
            countries=_floor_shares(countries),
            age_bands=_floor_shares(ages),
            genders=_floor_shares(genders),
        )

    def _rates(self, persona: _Persona) -> tuple[QuotedRate, ...]:
        """Quoted prices: $12-18 per thousand followers for a nano photo, $17-22 for micro."""
        rates = []
        for account in persona.accounts:
            reach = self.reach[(persona.slug, account.platform)]
            low, high = (12, 18) if reach.followers < 10_000 else (17, 22)
            base = reach.followers / 1000 * self.rng.uniform(low, high)
            for content_format, factor in _RATE_FACTORS.get(account.platform, _VIDEO_RATE):
                price = Money(_round_to_five(base * factor))
                rates.append(QuotedRate(content_format, price, account.platform))
        return tuple(rates)

    # -- deals -------------------------------------------------------------------------------

    def deal(self, plan: _Plan) -> Deal:
        rng = self.rng
        persona = _BY_SLUG[plan.slug]
        campaign = _CAMPAIGN_BY_ID[plan.campaign_id]
        gift = _GIFTS[plan.campaign_id]
        cash = None if plan.cash_per_post is None else Money(plan.cash_per_post)
        link = None if cash is None else f"https://example.com/oatandember/r/{plan.slug}"
        deal = Deal(
            id=plan.deal_id,
            campaign_id=campaign.id,
            influencer_id=persona.id,
            compensation=Compensation(
                product=gift,
                cash_per_post=cash,
                commission=plan.commission,
                discount_code=plan.code,
                tracking_link=link,
            ),
            deliverables=plan.deliverables,
            usage_rights_until=plan.usage_rights_until,
            exclusivity_until=plan.exclusivity_until,
        )
        clock = _Clock(rng, plan.opens)

        def touch(
            day: int,
            kind: InteractionKind,
            direction: Direction,
            note: str,
            value: Money | None = None,
        ) -> dt.datetime:
            at = clock.at(day)
            self._touch(persona, at, kind, direction, note, campaign.id, deal.id, value)
            return at

        offer = f"{gift.description} ({gift.retail_value})" + (
            f" + {cash} per post" if cash else ""
        )
        if plan.opener is _K.PITCH:
            touch(0, _K.PITCH, _IN, f"Pitch for {campaign.name}")
            answer = _OUT
        else:
            touch(0, _K.OUTREACH, _OUT, f"Invitation to {campaign.name}: {offer}")
            answer = _IN
        if plan.status is _S.PROPOSED:
            touch(4, _K.FOLLOW_UP, _OUT, "Following up on our invitation")
            return deal
        if plan.status is _S.DECLINED:
            reply = plan.note
        elif answer is _OUT:
            reply = f"Thank you! We would love to have you in {campaign.name}"
        else:
            reply = "Interested, happy to join"
        at = touch(1, _K.REPLY, answer, reply)
        if plan.status is _S.DECLINED:
            deal = deal.advance(_S.DECLINED, at=at, note=plan.note)
            touch(2, _K.REPLY, _OUT, "Thank you for letting us know; we keep you in mind")
            return deal
        agreed_day = 2
        if plan.negotiate:
            deal = deal.advance(_S.NEGOTIATING, at=at, note="Asked about cash on top of product")
            touch(2, _K.MESSAGE, _OUT, f"Offer: {offer}")
            touch(3, _K.MESSAGE, _IN, "Counter-offer on the rate and the schedule")
            if plan.status is _S.NEGOTIATING:
                return deal
            agreed_day = 4
        at = touch(agreed_day, _K.MESSAGE, _OUT, "Confirmed: brief and terms attached")
        deal = deal.advance(_S.AGREED, at=at, note=f"Agreed: {offer}")
        if plan.status is _S.CANCELLED:
            at = touch(agreed_day + 2, _K.MESSAGE, _OUT, plan.note)
            deal = deal.advance(_S.CANCELLED, at=at, note=plan.note)
            touch(agreed_day + 3, _K.REPLY, _IN, "No worries, maybe next time")
            touch(agreed_day + 3, _K.REPLY, _OUT, "Thank you for understanding")
            return deal
        touch(agreed_day + 1, _K.PRODUCT_SENT, _OUT, gift.description, gift.retail_value)
        if plan.status is _S.AGREED:
            return deal

        pieces = self._schedule(plan, campaign, plan.opens + dt.timedelta(days=agreed_day + 7))
        posted = pieces if plan.posted is None else pieces[: plan.posted]
        fixed = self._worked_example(len(posted)) if deal.id == WORKED_EXAMPLE_DEAL_ID else None
        day = 0
        published: list[_Content] = []
        for index, (due, deliverable) in enumerate(posted):
            day = max(day, due + (1 if rng.random() < 0.2 else 0))
            at = clock.at(day)
            if index == 0:
                deal = deal.advance(_S.IN_PROGRESS, at=at, note="First piece published")
            event = self._publish(plan, persona, campaign, deliverable, at, index)
            if fixed is not None:
                totals, orders = fixed[index]
            else:
                totals = self._totals(persona, campaign, deliverable, tracked=cash is not None)
                orders = tuple(
                    rng.choice(_ORDER_VALUES) for _ in range(totals.get(_K.CONVERSION, 0))
                )
            hidden = next(
                a for a in persona.accounts if a.platform is deliverable.platform
            ).hidden_likes
            content = _Content(
                event, totals, orders, Provenance.SELF_REPORTED if hidden else Provenance.MEASURED
            )
            self.contents.append(content)
            published.append(content)
        if plan.status is _S.IN_PROGRESS:
            missed = pieces[len(posted)][0]
            touch(missed + 2, _K.FOLLOW_UP, _OUT, "Checking in: the next piece is overdue")
            touch(missed + 3, _K.REPLY, _IN, "Sorry, filming this weekend")
            touch(missed + 3, _K.REPLY, _OUT, "Thanks for the update")
            return deal
        at = touch(day + 1, _K.MESSAGE, _OUT, "All content received, thank you!")
        deal = deal.advance(_S.DELIVERED, at=at, note=f"{len(posted)} pieces published")
        if plan.status is _S.DELIVERED:
            return deal

        done = day + 4
        if cash is not None:
            done = day + 6
            at = touch(done, _K.PAYMENT, _OUT, f"{len(posted)} posts x {cash}", cash * len(posted))
        if plan.commission is not None:
            done = day + 15
            earned = plan.commission.earned(
                revenue=sum((Money(sum(c.orders, Decimal(0))) for c in published), Money.zero()),
                sales=sum(c.totals.get(_K.CONVERSION, 0) for c in published),
                clicks=sum(c.totals.get(_K.CLICK, 0) for c in published),
            )
            paid = Money(earned.amount.quantize(_CENT), earned.currency)  # paid to the cent
            at = touch(done, _K.PAYMENT, _OUT, f"Affiliate commission ({earned})", paid)
        if cash is None:
            at = clock.at(done)
        deal = deal.advance(_S.COMPLETED, at=at, note="Signed off")
        touch(done + 2, _K.FEEDBACK_REQUEST, _OUT, "How did it go? What should we change?")
        touch(done + 4, _K.FEEDBACK, _IN, rng.choice(_FEEDBACK))
        touch(done + 4, _K.REPLY, _OUT, "Thank you, passing it on to the team")
        if plan.recognition:
            touch(done + 6, _K.RECOGNITION, _OUT, plan.recognition)
        return deal

    def _schedule(
        self, plan: _Plan, campaign: Campaign, first_due: dt.date
    ) -> list[tuple[int, Deliverable]]:
        """Every piece to publish, as (day after `plan.opens`, deliverable), in due order."""
        pieces = []
        for offset, deliverable in enumerate(plan.deliverables or campaign.deliverables):
            start = dt.datetime.combine(first_due + dt.timedelta(days=offset), dt.time(), _UTC)
            for due in deliverable.schedule(start):
                pieces.append(((due.date() - plan.opens).days, deliverable))
        pieces.sort(key=lambda piece: piece[0])
        return pieces

    def _publish(
        self,
        plan: _Plan,
        persona: _Persona,
        campaign: Campaign,
        deliverable: Deliverable,
        at: dt.datetime,
        index: int,
    ) -> _Event:
        """Record one published piece, with its hashtags."""
        tags = list(campaign.required_hashtags)
        instead = dict(plan.undisclosed)
        if index in instead:
            tags.remove("#ad")
            tags.extend(tag for tag in (instead[index],) if tag is not None)
        topical = self.rng.sample(persona.tags, self.rng.randint(1, min(3, len(persona.tags))))
        event = _Event(
            at=at,
            influencer_id=persona.id,
            kind=_CONTENT_KINDS[deliverable.content_format],
            campaign_id=campaign.id,
            deal_id=plan.deal_id,
            content_id=f"ct-{plan.deal_id.removeprefix('deal-')}-{index + 1}",
            platform=deliverable.platform,
            hashtags=(*tags, *topical),
            note=f"{deliverable.content_format.value.replace('_', ' ')} for {campaign.name}",
        )
        self.events.append(event)
        return event

    def _totals(
        self, persona: _Persona, campaign: Campaign, deliverable: Deliverable, *, tracked: bool
    ) -> dict[InteractionKind, int]:
        """The audience response one piece gets, by kind, from the account's reach."""
        kind = _CONTENT_KINDS[deliverable.content_format]
        reach = self.reach[(persona.slug, deliverable.platform)]
        totals = _response(self.rng, reach, deliverable.platform, kind, tracked=tracked)
        if campaign.objective is CampaignObjective.UGC and kind is not _K.STORY:
            totals[_K.UGC] = self.rng.randint(1, 4)
        if campaign.objective is CampaignObjective.PRODUCT_FEEDBACK and kind is _K.POST:
            totals[_K.REVIEW] = self.rng.randint(2, 6)
        return totals

    def _worked_example(
        self, posts: int
    ) -> list[tuple[dict[InteractionKind, int], tuple[Decimal, ...]]]:
        """The guide's totals spread over its posts, exactly, with the orders of each post."""
        totals: list[dict[InteractionKind, int]] = [{} for _ in range(posts)]
        for kind, total in _WORKED_EXAMPLE_TOTALS.items():
            for post, part in zip(totals, _balanced(total, posts, self.rng), strict=True):
                post[kind] = part
        orders = list(_WORKED_EXAMPLE_ORDERS)
        self.rng.shuffle(orders)
        result = []
        for post in totals:
            sales = post[_K.CONVERSION]
            result.append((post, tuple(orders[:sales])))
            del orders[:sales]
        return result

    def _touch(
        self,
        persona: _Persona,
        at: dt.datetime,
        kind: InteractionKind,
        direction: Direction,
        note: str,
        campaign_id: str | None = None,
        deal_id: str | None = None,
        value: Money | None = None,
    ) -> None:
        email = persona.email is not None
        self.events.append(
            _Event(
                at=at,
                influencer_id=persona.id,
                kind=kind,
                campaign_id=campaign_id,
                deal_id=deal_id,
                value=value,
                direction=direction,
                channel=Channel.EMAIL if email else Channel.DIRECT_MESSAGE,
                platform=None if email else persona.accounts[0].platform,
                note=note,
            )
        )

    def touches(self) -> None:
        clocks: dict[str, _Clock] = {}
        for slug, date, kind, direction, note in _TOUCHES:
            persona = _BY_SLUG[slug]
            clock = clocks.setdefault(slug, _Clock(self.rng, date))
            at = clock.at((date - clock.origin).days)
            self._touch(persona, at, kind, direction, note)

    # -- audience response -------------------------------------------------------------------

    def response(self, extra: int) -> None:
        """Add the audience records: one per measure of each piece, plus `extra` more."""
        slots = [
            (content, kind, total)
            for content in self.contents
            for kind, total in content.totals.items()
        ]
        capacities = [total - 1 for _, _, total in slots]
        if extra > sum(capacities):  # pragma: no cover - the totals hold far more than the maximum
            raise ValidationError(
                f"the demo's audience totals can be split into at most "
                f"{len(slots) + sum(capacities):,} records",
                path="interactions",
            )
        shares = _allocate(extra, capacities)
        for (content, kind, total), more in zip(slots, shares, strict=True):
            parts = _split(total, 1 + more, self.rng)
            post = content.event
            window = min(post.at + _WINDOW, DEMO_NOW - dt.timedelta(minutes=1)) - post.at
            orders = iter(content.orders)
            provenance = content.likes_provenance
            for index, part in enumerate(parts):
                fraction = ((index + 1) / len(parts)) ** 2
                offset = max(dt.timedelta(minutes=1), window * fraction)
                value = None
                if kind is _K.CONVERSION:
                    value = Money(sum((next(orders) for _ in range(part)), Decimal(0)))
                self.events.append(
                    _Event(
                        at=post.at + dt.timedelta(seconds=int(offset.total_seconds())),
                        influencer_id=post.influencer_id,
                        kind=kind,
                        count=part,
                        campaign_id=post.campaign_id,
                        deal_id=post.deal_id,
                        content_id=post.content_id,
                        value=value,
                        platform=post.platform,
                        provenance=provenance if kind is _K.LIKE else Provenance.MEASURED,
                    )
                )


def _response(
    rng: random.Random, reach: _Reach, platform: Platform, kind: InteractionKind, *, tracked: bool
) -> dict[InteractionKind, int]:
    """Audience response to one piece: totals by kind, all at least 1."""
    u = rng.uniform
    followers, rate = reach.followers, reach.engagement
    out: dict[InteractionKind, float]
    if kind is _K.STORY:
        impressions = followers * u(0.12, 0.3)
        seen = impressions * u(0.8, 0.92)
        out = {_K.IMPRESSION: impressions, _K.REACH: seen, _K.LIKE: seen * rate * u(0.4, 0.8)}
        out[_K.SHARE] = seen * u(0.002, 0.008)
        clicks = seen * u(0.01, 0.03)
    elif kind is _K.POST:
        likes = followers * rate * u(0.8, 1.2)
        impressions = followers * u(0.6, 1.3)
        out = {_K.IMPRESSION: impressions, _K.REACH: impressions * u(0.7, 0.85), _K.LIKE: likes}
        out[_K.COMMENT] = likes * u(0.05, 0.09)
        out[_K.SHARE] = likes * u(0.02, 0.04)
        out[_K.SAVE] = likes * u(0.03, 0.07)
        out[_K.PROFILE_VISIT] = impressions * u(0.005, 0.015)
        clicks = impressions * u(0.015, 0.035)
    else:  # reels and videos are counted in views
        if platform is Platform.INSTAGRAM:
            views = followers * u(0.5, 1.6)
            likes = followers * rate * u(1.0, 1.4)
        elif platform is Platform.TIKTOK:
            views = followers * u(0.5, 2.0)
            likes = views * u(0.05, 0.1)
        else:
            views = followers * u(0.3, 0.9)
            likes = views * u(0.04, 0.07)
        out = {_K.VIEW: views, _K.LIKE: likes, _K.COMMENT: likes * u(0.03, 0.08)}
        out[_K.SHARE] = likes * u(0.02, 0.06)
        out[_K.FOLLOW] = views * u(0.001, 0.004)
        if platform is Platform.YOUTUBE:
            out[_K.IMPRESSION] = views * u(6, 10)
        else:
            out[_K.SAVE] = likes * u(0.03, 0.08)
        if platform is Platform.INSTAGRAM:
            out[_K.REACH] = views * u(0.6, 0.8)
        clicks = views * u(0.004, 0.012)
    totals = {k: max(1, round(v)) for k, v in out.items()}
    if tracked:
        totals[_K.CLICK] = max(1, round(clicks))
        totals[_K.CONVERSION] = min(totals[_K.CLICK], max(1, round(clicks * u(0.02, 0.05))))
    return totals


def _floor_shares(shares: dict[str, float]) -> dict[str, float]:
    """Shares rounded down to whole percents, so they never add up to more than 1."""
    return {key: math.floor(share * 100) / 100 for key, share in shares.items()}


def _round_to_five(amount: float) -> int:
    return max(10, 5 * round(amount / 5))


def _balanced(total: int, parts: int, rng: random.Random) -> list[int]:
    """Split `total` into `parts` near-equal positive whole numbers that add up exactly."""
    weights = [rng.uniform(0.85, 1.15) for _ in range(parts)]
    sizes = [max(1, math.floor(total * w / sum(weights))) for w in weights[:-1]]
    return [*sizes, total - sum(sizes)]


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """Split `total` into `parts` positive whole numbers, largest first (response decays)."""
    if parts == 1:
        return [total]
    cuts = sorted(rng.sample(range(1, total), parts - 1))
    return sorted((b - a for a, b in pairwise([0, *cuts, total])), reverse=True)


def _allocate(extra: int, capacities: list[int]) -> list[int]:
    """Share `extra` records among slots, at most each slot's capacity, favouring big ones."""
    weights = [math.sqrt(capacity) for capacity in capacities]
    total_weight = sum(weights) or 1.0
    shares = [
        min(capacity, math.floor(extra * weight / total_weight))
        for capacity, weight in zip(capacities, weights, strict=True)
    ]
    left = extra - sum(shares)
    while left:
        order = sorted(range(len(shares)), key=lambda i: shares[i] - capacities[i])
        for index in order:
            if left == 0 or shares[index] >= capacities[index]:
                break
            shares[index] += 1
            left -= 1
    return shares


def _check_arguments(seed: object, interactions: object) -> None:
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValidationError(
            f"expected a whole number such as {DEMO_SEED}, got {type(seed).__name__} {seed!r}",
            path="seed",
        )
    if isinstance(interactions, bool) or not isinstance(interactions, int):
        raise ValidationError(
            f"expected a whole number of interactions such as 3000, got "
            f"{type(interactions).__name__} {interactions!r}",
            path="interactions",
        )
    if not DEMO_MIN_INTERACTIONS <= interactions <= DEMO_MAX_INTERACTIONS:
        raise ValidationError(
            f"must be between {DEMO_MIN_INTERACTIONS:,} and {DEMO_MAX_INTERACTIONS:,} "
            f"(its touch-points and content take {DEMO_MIN_INTERACTIONS:,}), got {interactions:,}",
            path="interactions",
        )


def _interactions(events: Iterable[_Event]) -> tuple[Interaction, ...]:
    ordered = sorted(enumerate(events), key=lambda pair: (pair[1].at, pair[0]))
    width = max(5, len(str(len(ordered))))
    return tuple(
        Interaction(
            id=f"ev-{number:0{width}d}",
            occurred_at=event.at,
            influencer_id=event.influencer_id,
            kind=event.kind,
            count=event.count,
            campaign_id=event.campaign_id,
            deal_id=event.deal_id,
            content_id=event.content_id,
            value=event.value,
            direction=event.direction,
            channel=event.channel,
            platform=event.platform,
            hashtags=event.hashtags,
            provenance=event.provenance,
            note=event.note,
        )
        for number, (_, event) in enumerate(ordered, start=1)
    )


def demo_workspace(seed: int = DEMO_SEED, *, interactions: int = 3000) -> Workspace:
    """Build the demo workspace: one brand, twelve invented creators, a year of campaigns.

    The same seed always gives an equal workspace: the generator uses its own
    `random.Random(seed)`, never the global one, never the clock, no network and no files.
    The structure (who, which campaigns, which deal in which status, the worked example)
    is the same for every seed; the seed changes follower counts, engagement, times of day
    and how each piece's audience response is split into records. See the
    [module documentation][nanokit.demo] for everything it holds.

    Args:
        seed: The seed of the random generator.
        interactions: How many interactions the log holds, exactly: between
            [`DEMO_MIN_INTERACTIONS`][nanokit.demo.DEMO_MIN_INTERACTIONS] and
            [`DEMO_MAX_INTERACTIONS`][nanokit.demo.DEMO_MAX_INTERACTIONS]. Touch-points and
            content are fixed; the rest are audience records, so a larger log splits the same
            totals into more, smaller snapshots.

    Returns:
        A workspace whose `problems()` is empty, dated before
        [`DEMO_NOW`][nanokit.demo.DEMO_NOW], with its interactions in time order.

    Raises:
        ValidationError: When `seed` is not a whole number, or `interactions` is not a whole
            number within the bounds above.

    Examples:
        >>> ws = demo_workspace(7, interactions=1000)
        >>> len(ws.interactions), ws.problems()
        (1000, [])
        >>> ws == demo_workspace(7, interactions=1000), ws == demo_workspace(8, interactions=1000)
        (True, False)
        >>> sorted({deal.status.value for deal in ws.deals})
        ['agreed', 'cancelled', 'completed', 'declined', 'delivered', 'in_progress', 'negotiating', 'proposed']
        >>> demo_workspace(interactions=10)
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: interactions: must be between 541 and 20,000 (its touch-points and content take 541), got 10
    """
    _check_arguments(seed, interactions)
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not security
    builder = _Builder(rng)
    influencers = tuple(builder.influencer(persona) for persona in _PERSONAS)
    deals = tuple(builder.deal(plan) for plan in _PLANS)
    builder.touches()
    fixed = len(builder.events) + sum(len(content.totals) for content in builder.contents)
    if fixed != DEMO_MIN_INTERACTIONS:  # pragma: no cover - guards the constant
        raise AssertionError(f"DEMO_MIN_INTERACTIONS is {DEMO_MIN_INTERACTIONS}, not {fixed}")
    builder.response(interactions - fixed)
    return Workspace(
        influencers=influencers,
        campaigns=_CAMPAIGNS,
        deals=deals,
        interactions=_interactions(builder.events),
    )
