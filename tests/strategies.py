"""Hypothesis strategies for every public type of `nanokit.model` and `nanokit.money`.

Other test modules import from here (`from tests.strategies import deals, STRATEGIES`); the
names below are stable. Each function returns a
`SearchStrategy` of *valid* values (they pass every validator of the model).

Scalars:
    `amounts(allow_negative=True)`: exact `Decimal`s within Money's bounds.
    `currencies()`: ISO-4217-shaped codes (common ones and arbitrary three capitals).
    `aware_datetimes()`: timezone-aware datetimes with fixed UTC offsets, 1900-2200.
    `dates()`: calendar dates, 1900-2200.
    `identifiers()`, `texts(max_size=...)`, `hashtags()`, `country_codes()`,
    `language_codes()`, `shares()` (floats in [0, 1]).

Enums (each `st.sampled_from` of all members): `platforms()`, `content_formats()`,
    `campaign_objectives()`, `media_kinds()`, `deal_statuses()`, `interaction_families()`,
    `interaction_kinds()`, `directions()`, `channels()`, `provenances()`, `tiers()`, `kpis()`.

Money: `money(currency=None, *, allow_negative=True)`, `money_ranges(currency=None)`.

Model: `demographics()`, `audiences(platform=None)`, `social_accounts()`, `contacts()`,
    `quoted_rates()`, `media_kits()`, `influencers()`, `deliverables()`, `kpi_targets()`,
    `campaigns()`, `product_gifts(currency=None)`, `fees(currency=None)`,
    `commissions(currency=None)`, `compensations()`, `status_changes()`,
    `deals()` (histories follow `ALLOWED_MOVES`), `interactions()`, `workspaces()`
    (records need not line up), `consistent_workspaces()` (`problems()` is empty),
    `records()` (any of influencer, campaign, deal, interaction).

`STRATEGIES` maps every public type (classes and enums) to a strategy for it, so a test can
iterate over all of them:

    @pytest.mark.parametrize("kind", list(STRATEGIES), ids=lambda kind: kind.__name__)
    def test_something(kind): ...
"""

from __future__ import annotations

import datetime as dt
import string
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from nanokit.model import (
    ALLOWED_MOVES,
    MAX_COUNT,
    VALUED_KINDS,
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

__all__ = [
    "STRATEGIES",
    "amounts",
    "audiences",
    "aware_datetimes",
    "campaign_objectives",
    "campaigns",
    "channels",
    "commissions",
    "compensations",
    "consistent_workspaces",
    "contacts",
    "content_formats",
    "country_codes",
    "currencies",
    "dates",
    "deal_statuses",
    "deals",
    "deliverables",
    "demographics",
    "directions",
    "fees",
    "hashtags",
    "identifiers",
    "influencers",
    "interaction_families",
    "interaction_kinds",
    "interactions",
    "kpi_targets",
    "kpis",
    "language_codes",
    "media_kinds",
    "media_kits",
    "money",
    "money_ranges",
    "platforms",
    "product_gifts",
    "provenances",
    "quoted_rates",
    "records",
    "shares",
    "social_accounts",
    "status_changes",
    "texts",
    "tiers",
    "workspaces",
]

E = TypeVar("E", bound=Enum)

_EARLIEST = dt.datetime(1900, 1, 1)
_LATEST = dt.datetime(2200, 1, 1)
_COMMON_CURRENCIES = ("USD", "EUR", "GBP", "CAD", "JPY", "BHD", "INR")


# -- scalars ----------------------------------------------------------------------------------
def amounts(*, allow_negative: bool = True) -> SearchStrategy[Decimal]:
    """Exact decimals Money accepts: up to 6 places, below 10**14 in absolute value, some
    written with a positive exponent (`Decimal('5E+3')`)."""
    low = -(10**14) if allow_negative else 0
    plain = st.builds(
        lambda digits, places: Decimal(digits).scaleb(-places),
        st.integers(low, 10**14),
        st.integers(0, 6),
    )
    scaled = st.builds(
        lambda digits, exponent: Decimal(digits).scaleb(exponent),
        st.integers(low // 1000, 10**11),
        st.integers(1, 3),
    )
    return st.one_of(plain, scaled, st.sampled_from([Decimal("0"), Decimal("0.00")]))


def currencies() -> SearchStrategy[str]:
    """Three capital ASCII letters: mostly common codes, sometimes any."""
    return st.one_of(
        st.sampled_from(_COMMON_CURRENCIES),
        st.text(alphabet=string.ascii_uppercase, min_size=3, max_size=3),
    )


def _offsets() -> SearchStrategy[dt.tzinfo]:
    minutes = st.integers(-(23 * 60 + 59), 23 * 60 + 59)
    return st.one_of(
        st.just(dt.timezone.utc),
        minutes.map(lambda m: dt.timezone(dt.timedelta(minutes=m))),
    )


def aware_datetimes() -> SearchStrategy[dt.datetime]:
    """Aware datetimes with a fixed UTC offset (whole minutes), between 1900 and 2200.

    Fixed offsets only: an IANA zone's folds and gaps make inter-zone equality unreliable.
    """
    return st.datetimes(min_value=_EARLIEST, max_value=_LATEST, timezones=_offsets())


def dates() -> SearchStrategy[dt.date]:
    """Calendar dates between 1900 and 2200."""
    return st.dates(min_value=_EARLIEST.date(), max_value=_LATEST.date())


def texts(*, max_size: int = 30, allow_empty: bool = False) -> SearchStrategy[str]:
    """Free text of any Unicode (no surrogates), non-blank unless `allow_empty`."""
    text = st.text(max_size=max_size)
    return text if allow_empty else text.filter(lambda value: value.strip() != "")


def identifiers() -> SearchStrategy[str]:
    """Ids: 1 to 20 characters, no surrounding white space."""
    return st.one_of(
        st.text(alphabet=string.ascii_lowercase + string.digits + "-_", min_size=1, max_size=12),
        st.text(min_size=1, max_size=20).filter(lambda value: value == value.strip() != ""),
    )


def hashtags() -> SearchStrategy[str]:
    """`#` followed by 1 to 20 non-space characters."""
    body = st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Zs", "Zl", "Zp", "Cc")),
        min_size=1,
        max_size=20,
    ).filter(lambda value: not any(ch.isspace() for ch in value))
    return body.map(lambda value: "#" + value)


def country_codes() -> SearchStrategy[str]:
    """ISO-3166-shaped codes: two capital ASCII letters."""
    return st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=2)


def language_codes() -> SearchStrategy[str]:
    """ISO-639-shaped codes: two or three lowercase ASCII letters."""
    return st.text(alphabet=string.ascii_lowercase, min_size=2, max_size=3)


def shares() -> SearchStrategy[float]:
    """A share of an audience, a float in [0, 1]."""
    return st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


def _averages() -> SearchStrategy[float | None]:
    return st.none() | st.floats(min_value=0.0, max_value=float(MAX_COUNT), allow_nan=False)


def _counts(minimum: int = 0) -> SearchStrategy[int]:
    return st.one_of(st.integers(minimum, 100_000), st.integers(minimum, MAX_COUNT))


def _optional(strategy: SearchStrategy[Any]) -> SearchStrategy[Any]:
    return st.none() | strategy


# -- enums ------------------------------------------------------------------------------------
def _members(kind: type[E]) -> SearchStrategy[E]:
    return st.sampled_from(list(kind))


def platforms() -> SearchStrategy[Platform]:
    """Every `Platform`."""
    return _members(Platform)


def content_formats() -> SearchStrategy[ContentFormat]:
    """Every `ContentFormat`."""
    return _members(ContentFormat)


def campaign_objectives() -> SearchStrategy[CampaignObjective]:
    """Every `CampaignObjective`."""
    return _members(CampaignObjective)


def media_kinds() -> SearchStrategy[MediaKind]:
    """Every `MediaKind`."""
    return _members(MediaKind)


def deal_statuses() -> SearchStrategy[DealStatus]:
    """Every `DealStatus`."""
    return _members(DealStatus)


def interaction_families() -> SearchStrategy[InteractionFamily]:
    """Every `InteractionFamily`."""
    return _members(InteractionFamily)


def interaction_kinds() -> SearchStrategy[InteractionKind]:
    """Every `InteractionKind`."""
    return _members(InteractionKind)


def directions() -> SearchStrategy[Direction]:
    """Every `Direction`."""
    return _members(Direction)


def channels() -> SearchStrategy[Channel]:
    """Every `Channel`."""
    return _members(Channel)


def provenances() -> SearchStrategy[Provenance]:
    """Every `Provenance`."""
    return _members(Provenance)


def tiers() -> SearchStrategy[Tier]:
    """Every `Tier`."""
    return _members(Tier)


def kpis() -> SearchStrategy[Kpi]:
    """Every `Kpi`."""
    return _members(Kpi)


# -- money ------------------------------------------------------------------------------------
def money(currency: str | None = None, *, allow_negative: bool = True) -> SearchStrategy[Money]:
    """Money in `currency` (any currency when `None`)."""
    code = st.just(currency) if currency is not None else currencies()
    return st.builds(Money, amounts(allow_negative=allow_negative), code)


@st.composite
def money_ranges(draw: st.DrawFn, currency: str | None = None) -> MoneyRange:
    """Closed or open-ended ranges in one currency."""
    low = draw(money(currency))
    if draw(st.booleans()):
        return MoneyRange(low)
    extra = draw(amounts(allow_negative=False))
    return MoneyRange(low, Money(low.amount + extra, low.currency))


# -- audience ---------------------------------------------------------------------------------
@st.composite
def _share_map(draw: st.DrawFn, keys: SearchStrategy[str]) -> dict[str, float]:
    chosen = draw(st.lists(keys, max_size=4, unique=True))
    if not chosen:
        return {}
    # Each share is at most 1/n, so they never add up to more than 1.
    return {key: draw(shares()) / len(chosen) for key in chosen}


_AGE_BANDS = st.sampled_from(["13-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"])
_SHARE_KEYS = st.text(min_size=1, max_size=12).filter(lambda value: value.strip() != "")


def demographics() -> SearchStrategy[Demographics]:
    """Demographics with country, age-band and gender shares adding up to at most 1."""
    return st.builds(
        Demographics,
        countries=_share_map(st.one_of(country_codes(), _SHARE_KEYS)),
        age_bands=_share_map(st.one_of(_AGE_BANDS, _SHARE_KEYS)),
        genders=_share_map(st.one_of(st.sampled_from(["female", "male"]), _SHARE_KEYS)),
    )


def audiences(platform: Platform | None = None) -> SearchStrategy[Audience]:
    """Audience snapshots (on `platform` when given)."""
    return st.builds(
        Audience,
        platform=st.just(platform) if platform is not None else platforms(),
        followers=_counts(),
        measured_at=aware_datetimes(),
        avg_likes=_averages(),
        avg_comments=_averages(),
        avg_shares=_averages(),
        avg_saves=_averages(),
        avg_views=_averages(),
        posts_sampled=_optional(_counts()),
        demographics=_optional(demographics()),
        suspicious_follower_share=_optional(shares()),
        provenance=provenances(),
    )


# -- influencers ------------------------------------------------------------------------------
@st.composite
def social_accounts(draw: st.DrawFn) -> SocialAccount:
    """Accounts, with an audience on the same platform or none."""
    platform = draw(platforms())
    return SocialAccount(
        platform=platform,
        handle=draw(texts(max_size=30)),
        audience=draw(_optional(audiences(platform))),
        url=draw(_optional(texts(max_size=60))),
    )


def _emails() -> SearchStrategy[str]:
    part = st.text(alphabet=string.ascii_letters + string.digits + "._+-", min_size=1, max_size=12)
    return st.builds(lambda local, domain: f"{local}@{domain}.example", part, part)


def contacts() -> SearchStrategy[Contact]:
    """Contacts with an email, a preferred channel, or both."""
    return st.one_of(
        st.builds(Contact, email=_emails(), preferred_channel=_optional(channels())),
        st.builds(Contact, email=_optional(_emails()), preferred_channel=channels()),
    )


def quoted_rates() -> SearchStrategy[QuotedRate]:
    """Quoted rates with a non-negative price."""
    return st.builds(
        QuotedRate,
        content_format=content_formats(),
        price=money(allow_negative=False),
        platform=_optional(platforms()),
    )


@st.composite
def media_kits(draw: st.DrawFn) -> MediaKit:
    """Media kits with a url, a reference or both."""
    url, reference = draw(
        st.one_of(
            st.tuples(texts(max_size=40), _optional(texts(max_size=40))),
            st.tuples(st.none(), texts(max_size=40)),
        )
    )
    return MediaKit(
        received_on=draw(dates()),
        url=url,
        reference=reference,
        quoted_rates=draw(st.lists(quoted_rates(), max_size=3)),
    )


def influencers(ids: SearchStrategy[str] | None = None) -> SearchStrategy[Influencer]:
    """Influencers with one to three distinct accounts (ids drawn from `ids` when given)."""
    return st.builds(
        Influencer,
        id=ids if ids is not None else identifiers(),
        name=texts(max_size=40),
        accounts=st.lists(
            social_accounts(),
            min_size=1,
            max_size=3,
            unique_by=lambda account: (account.platform, account.handle),
        ),
        niches=st.lists(texts(max_size=20), max_size=3),
        country=_optional(country_codes()),
        languages=st.lists(language_codes(), max_size=3),
        contact=_optional(contacts()),
        media_kit=_optional(media_kits()),
        notes=texts(max_size=40, allow_empty=True),
        created_at=_optional(aware_datetimes()),
    )


# -- campaigns --------------------------------------------------------------------------------
@st.composite
def deliverables(draw: st.DrawFn) -> Deliverable:
    """Deliverables, some with an RFC 5545 rule that agrees with `count`."""
    count = draw(st.integers(1, 52))
    rule = draw(
        st.sampled_from(
            [
                None,
                f"FREQ=WEEKLY;COUNT={count}",
                f"FREQ=DAILY;INTERVAL=2;COUNT={count}",
                "FREQ=MONTHLY;BYMONTHDAY=1",
                "FREQ=WEEKLY;BYDAY=MO,TH",
            ]
        )
    )
    return Deliverable(
        content_format=draw(content_formats()),
        platform=draw(platforms()),
        count=count,
        recurrence=rule,
    )


def kpi_targets() -> SearchStrategy[KpiTarget]:
    """Targets for any KPI with an exact decimal value."""
    return st.builds(KpiTarget, kpi=kpis(), value=amounts())


@st.composite
def campaigns(draw: st.DrawFn, ids: SearchStrategy[str] | None = None) -> Campaign:
    """Campaigns with `end` on or after `start` (or open-ended) and one target per KPI."""
    start = draw(dates())
    end = draw(_optional(st.integers(0, 400).map(lambda days: start + dt.timedelta(days=days))))
    return Campaign(
        id=draw(ids if ids is not None else identifiers()),
        brand=draw(texts(max_size=30)),
        name=draw(texts(max_size=30)),
        objective=draw(campaign_objectives()),
        media_kind=draw(media_kinds()),
        start=start,
        end=end,
        budget=draw(_optional(money(allow_negative=False))),
        deliverables=draw(st.lists(deliverables(), max_size=3)),
        required_hashtags=draw(st.lists(hashtags(), max_size=3)),
        disclosure=draw(_optional(texts(max_size=40))),
        target_niches=draw(st.lists(texts(max_size=20), max_size=3)),
        target_tiers=draw(st.lists(tiers(), max_size=3)),
        kpi_targets=draw(st.lists(kpi_targets(), max_size=4, unique_by=lambda t: t.kpi)),
    )


# -- deals ------------------------------------------------------------------------------------
def product_gifts(currency: str | None = None) -> SearchStrategy[ProductGift]:
    """Gifts with a non-negative retail value."""
    return st.builds(
        ProductGift,
        description=texts(max_size=30),
        retail_value=money(currency, allow_negative=False),
    )


def fees(currency: str | None = None) -> SearchStrategy[Fee]:
    """Fees with a non-negative amount."""
    return st.builds(
        Fee, description=texts(max_size=30), amount=money(currency, allow_negative=False)
    )


def _rates() -> SearchStrategy[Decimal]:
    return st.builds(
        lambda digits, places: Decimal(digits).scaleb(-places),
        st.integers(0, 10**4),
        st.just(4),
    ) | st.sampled_from([Decimal("0"), Decimal("1"), Decimal("0.10"), Decimal("1.000")])


@st.composite
def commissions(draw: st.DrawFn, currency: str | None = None) -> Commission:
    """Commissions with at least one term; fixed amounts share one currency."""
    code = currency if currency is not None else draw(currencies())
    required = draw(st.sampled_from(["rate", "per_sale", "per_click"]))
    rate = draw(_rates() if required == "rate" else _optional(_rates()))
    amount = money(code, allow_negative=False)
    per_sale = draw(amount if required == "per_sale" else _optional(amount))
    per_click = draw(amount if required == "per_click" else _optional(amount))
    return Commission(rate=rate, per_sale=per_sale, per_click=per_click)


@st.composite
def compensations(draw: st.DrawFn) -> Compensation:
    """Any mix of product, cash, commission and fees, all in one currency (or empty)."""
    code = draw(currencies())
    return Compensation(
        product=draw(_optional(product_gifts(code))),
        cash_per_post=draw(_optional(money(code, allow_negative=False))),
        commission=draw(_optional(commissions(code))),
        discount_code=draw(_optional(texts(max_size=20))),
        tracking_link=draw(_optional(texts(max_size=40))),
        fees=draw(st.lists(fees(code), max_size=2)),
    )


def status_changes() -> SearchStrategy[StatusChange]:
    """A single status change."""
    return st.builds(
        StatusChange,
        status=deal_statuses(),
        at=aware_datetimes(),
        note=texts(max_size=30, allow_empty=True),
    )


@st.composite
def _history(draw: st.DrawFn) -> tuple[DealStatus, tuple[StatusChange, ...]]:
    """A legal walk through ALLOWED_MOVES from `proposed`, at non-decreasing times."""
    status = DealStatus.PROPOSED
    at = draw(
        st.datetimes(
            min_value=_EARLIEST,
            max_value=_LATEST - dt.timedelta(days=3650),
            timezones=_offsets(),
        )
    )
    steps: list[StatusChange] = []
    for _ in range(draw(st.integers(0, 6))):
        moves = sorted(ALLOWED_MOVES[status], key=lambda move: move.value)
        if not moves:
            break
        status = draw(st.sampled_from(moves))
        at = at + draw(st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=300)))
        note = draw(texts(max_size=20, allow_empty=True))
        steps.append(StatusChange(status, at, note))
    return status, tuple(steps)


@st.composite
def deals(
    draw: st.DrawFn,
    ids: SearchStrategy[str] | None = None,
    campaign_ids: SearchStrategy[str] | None = None,
    influencer_ids: SearchStrategy[str] | None = None,
) -> Deal:
    """Deals whose history (when not empty) is a legal path ending at `status`.

    Some deals carry a status with an empty history, as imported deals may.
    """
    if draw(st.booleans()):
        status, history = draw(_history())
    else:
        status, history = draw(deal_statuses()), ()
    return Deal(
        id=draw(ids if ids is not None else identifiers()),
        campaign_id=draw(campaign_ids if campaign_ids is not None else identifiers()),
        influencer_id=draw(influencer_ids if influencer_ids is not None else identifiers()),
        compensation=draw(compensations()),
        deliverables=draw(st.lists(deliverables(), max_size=2)),
        status=status,
        history=history,
        usage_rights_until=draw(_optional(dates())),
        exclusivity_until=draw(_optional(dates())),
    )


# -- interactions -----------------------------------------------------------------------------
@st.composite
def interactions(
    draw: st.DrawFn,
    ids: SearchStrategy[str] | None = None,
    influencer_ids: SearchStrategy[str] | None = None,
    campaign_ids: SearchStrategy[str | None] | None = None,
    deal_ids: SearchStrategy[str | None] | None = None,
    occurred_at: SearchStrategy[dt.datetime] | None = None,
) -> Interaction:
    """Interactions that respect the kind rules: a value only on valued kinds, a direction
    and channel only on relationship touch-points."""
    kind = draw(interaction_kinds())
    relationship = kind.family is InteractionFamily.RELATIONSHIP
    return Interaction(
        id=draw(ids if ids is not None else identifiers()),
        occurred_at=draw(occurred_at if occurred_at is not None else aware_datetimes()),
        influencer_id=draw(influencer_ids if influencer_ids is not None else identifiers()),
        kind=kind,
        count=draw(_counts(minimum=1)),
        campaign_id=draw(campaign_ids if campaign_ids is not None else _optional(identifiers())),
        deal_id=draw(deal_ids if deal_ids is not None else _optional(identifiers())),
        content_id=draw(_optional(identifiers())),
        value=draw(_optional(money(allow_negative=False))) if kind in VALUED_KINDS else None,
        direction=draw(_optional(directions())) if relationship else None,
        channel=draw(_optional(channels())) if relationship else None,
        platform=draw(_optional(platforms())),
        hashtags=draw(st.lists(hashtags(), max_size=3)),
        provenance=draw(provenances()),
        note=draw(texts(max_size=30, allow_empty=True)),
    )


# -- workspaces -------------------------------------------------------------------------------
def workspaces() -> SearchStrategy[Workspace]:
    """Workspaces whose records need not line up (ids may repeat or dangle)."""
    return st.builds(
        Workspace,
        influencers=st.lists(influencers(), max_size=3),
        campaigns=st.lists(campaigns(), max_size=3),
        deals=st.lists(deals(), max_size=3),
        interactions=st.lists(interactions(), max_size=4),
    )


@st.composite
def consistent_workspaces(draw: st.DrawFn) -> Workspace:
    """Workspaces that `Workspace.problems()` finds nothing wrong with.

    Ids are unique per collection, every reference points at a record of the workspace, and
    interactions tied to a campaign happen on or after its start date.
    """
    influencer_ids = draw(st.lists(identifiers(), min_size=1, max_size=3, unique=True))
    campaign_ids = draw(st.lists(identifiers(), max_size=3, unique=True))
    people = [draw(influencers(st.just(record_id))) for record_id in influencer_ids]
    plans = [draw(campaigns(st.just(record_id))) for record_id in campaign_ids]
    deal_list: list[Deal] = []
    if plans:
        for record_id in draw(st.lists(identifiers(), max_size=3, unique=True)):
            deal_list.append(
                draw(
                    deals(
                        st.just(record_id),
                        st.sampled_from(campaign_ids),
                        st.sampled_from(influencer_ids),
                    )
                )
            )
    deal_ids: SearchStrategy[str | None] = (
        _optional(st.sampled_from([deal.id for deal in deal_list])) if deal_list else st.none()
    )
    events: list[Interaction] = []
    for record_id in draw(st.lists(identifiers(), max_size=4, unique=True)):
        campaign = draw(_optional(st.sampled_from(plans))) if plans else None
        if campaign is None:
            when = aware_datetimes()
        else:
            when = st.builds(
                lambda days, time, zone, start=campaign.start: dt.datetime.combine(
                    start + dt.timedelta(days=days), time, tzinfo=zone
                ),
                st.integers(0, 60),
                st.times(),
                _offsets(),
            )
        events.append(
            draw(
                interactions(
                    st.just(record_id),
                    st.sampled_from(influencer_ids),
                    st.just(None if campaign is None else campaign.id),
                    deal_ids,
                    when,
                )
            )
        )
    return Workspace(influencers=people, campaigns=plans, deals=deal_list, interactions=events)


def records() -> SearchStrategy[Influencer | Campaign | Deal | Interaction]:
    """Any workspace record: an influencer, a campaign, a deal or an interaction."""
    return st.one_of(influencers(), campaigns(), deals(), interactions())


STRATEGIES: dict[type, SearchStrategy[Any]] = {
    Money: money(),
    MoneyRange: money_ranges(),
    Demographics: demographics(),
    Audience: audiences(),
    SocialAccount: social_accounts(),
    Contact: contacts(),
    QuotedRate: quoted_rates(),
    MediaKit: media_kits(),
    Influencer: influencers(),
    Deliverable: deliverables(),
    KpiTarget: kpi_targets(),
    Campaign: campaigns(),
    ProductGift: product_gifts(),
    Fee: fees(),
    Commission: commissions(),
    Compensation: compensations(),
    StatusChange: status_changes(),
    Deal: deals(),
    Interaction: interactions(),
    Workspace: workspaces(),
    Platform: platforms(),
    ContentFormat: content_formats(),
    CampaignObjective: campaign_objectives(),
    MediaKind: media_kinds(),
    DealStatus: deal_statuses(),
    InteractionFamily: interaction_families(),
    InteractionKind: interaction_kinds(),
    Direction: directions(),
    Channel: channels(),
    Provenance: provenances(),
    Tier: tiers(),
    Kpi: kpis(),
}
"""A strategy for every public type of `nanokit.model` and `nanokit.money`."""
