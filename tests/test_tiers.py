"""Tests for nanokit.policy.tiers: schemes, presets, classification and real TikTok data."""

from __future__ import annotations

import bisect
import csv
import datetime as dt
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.policy_strategies import follower_counts, tier_schemes

import nanokit.model
from nanokit import Audience, Influencer, SocialAccount, ValidationError
from nanokit.model import MAX_COUNT
from nanokit.policy import tiers
from nanokit.policy.tiers import (
    HYPEAUDITOR,
    INBEAT,
    LATER,
    SCHEMES,
    Tier,
    TierScheme,
    classify_tier,
)

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
TIKTOK = DATA / "tiktok-suggested-users-2020"
AT = dt.datetime(2026, 5, 1, tzinfo=dt.timezone.utc)


def rank(tier: Tier | None) -> int:
    return -1 if tier is None else tier.rank


# -- boundaries from every preset table ------------------------------------------------------

INBEAT_TABLE = [
    (0, Tier.NANO),
    (1, Tier.NANO),
    (9_999, Tier.NANO),
    (10_000, Tier.MICRO),
    (19_999, Tier.MICRO),
    (20_000, Tier.MID),
    (99_999, Tier.MID),
    (100_000, Tier.MACRO),
    (999_999, Tier.MACRO),
    (1_000_000, Tier.MEGA),
    (MAX_COUNT, Tier.MEGA),
]
HYPEAUDITOR_TABLE = [
    (0, None),
    (999, None),
    (1_000, Tier.NANO),
    (9_999, Tier.NANO),
    (10_000, Tier.MICRO),
    (49_999, Tier.MICRO),
    (50_000, Tier.MID),
    (499_999, Tier.MID),
    (500_000, Tier.MACRO),
    (999_999, Tier.MACRO),
    (1_000_000, Tier.MEGA),
]
LATER_TABLE = [
    (0, Tier.NANO),
    (9_999, Tier.NANO),
    (10_000, Tier.MICRO),
    (99_999, Tier.MICRO),
    (100_000, Tier.MID),
    (499_999, Tier.MID),
    (500_000, Tier.MACRO),
    (999_999, Tier.MACRO),
    (1_000_000, Tier.MEGA),
]


@pytest.mark.parametrize(
    ("scheme", "followers", "expected"),
    [(INBEAT, f, t) for f, t in INBEAT_TABLE]
    + [(HYPEAUDITOR, f, t) for f, t in HYPEAUDITOR_TABLE]
    + [(LATER, f, t) for f, t in LATER_TABLE],
    ids=lambda value: getattr(value, "name", str(value)),
)
def test_preset_boundaries(scheme: TierScheme, followers: int, expected: Tier | None) -> None:
    assert classify_tier(followers, scheme) is expected


def test_default_scheme_is_inbeat() -> None:
    assert classify_tier(19_999) is classify_tier(19_999, INBEAT) is Tier.MICRO
    assert SCHEMES[0] is INBEAT
    assert {scheme.name for scheme in SCHEMES} == {"inBeat", "HypeAuditor", "Later x Fohr"}


def test_presets_cite_their_source() -> None:
    for scheme in SCHEMES:
        assert len(scheme.source) > 40
    assert "inBeat" in INBEAT.source
    assert "HypeAuditor" in HYPEAUDITOR.source
    assert "Later" in LATER.source
    assert INBEAT.minimum is None
    assert LATER.minimum is None
    assert HYPEAUDITOR.minimum == 1_000


def test_tier_is_the_model_enum_re_exported() -> None:
    assert tiers.Tier is nanokit.model.Tier is nanokit.Tier


def test_bounds_and_descriptions() -> None:
    assert [low for _, low in INBEAT.bounds] == [0, 10_000, 20_000, 100_000, 1_000_000]
    assert [low for _, low in HYPEAUDITOR.bounds] == [1_000, 10_000, 50_000, 500_000, 1_000_000]
    assert HYPEAUDITOR.upper_bound("nano") == 10_000
    assert HYPEAUDITOR.upper_bound(Tier.MEGA) is None
    assert HYPEAUDITOR.describe(Tier.NANO) == "1,000 - 9,999 followers"
    assert LATER.describe("mega") == "1,000,000 followers and up"


def test_bound_of_something_else_is_refused() -> None:
    with pytest.raises(ValidationError, match="tier") as caught:
        INBEAT.lower_bound("giga")
    assert caught.value.path == "tier"


# -- refused counts --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad", [-1, -10_000, True, False, 10.0, 1e4, "10000", Decimal(10_000), None, MAX_COUNT + 1]
)
def test_bad_counts_are_refused(bad: object) -> None:
    with pytest.raises(ValidationError) as caught:
        classify_tier(bad)  # type: ignore[arg-type]
    assert caught.value.path == "followers"
    assert "followers" in str(caught.value)


def test_a_scheme_must_be_a_scheme() -> None:
    with pytest.raises(ValidationError, match="scheme"):
        classify_tier(10, "inbeat")  # type: ignore[arg-type]


# -- building schemes ------------------------------------------------------------------------


def scheme(**overrides: object) -> TierScheme:
    fields: dict[str, object] = {
        "name": "test",
        "source": "a test",
        "micro": 10,
        "mid": 20,
        "macro": 30,
        "mega": 40,
    }
    fields.update(overrides)
    return TierScheme(**fields)  # type: ignore[arg-type]


def test_a_custom_scheme_classifies_with_its_own_bounds() -> None:
    custom = scheme(minimum=5)
    assert [classify_tier(n, custom) for n in (4, 5, 9, 10, 19, 20, 29, 30, 39, 40)] == [
        None,
        Tier.NANO,
        Tier.NANO,
        Tier.MICRO,
        Tier.MICRO,
        Tier.MID,
        Tier.MID,
        Tier.MACRO,
        Tier.MACRO,
        Tier.MEGA,
    ]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"mid": 10}, "mid"),
        ({"mid": 9}, "mid"),
        ({"macro": 20}, "macro"),
        ({"macro": 15}, "macro"),
        ({"mega": 30}, "mega"),
        ({"mega": 1}, "mega"),
        ({"minimum": 10}, "minimum"),
        ({"minimum": 11}, "minimum"),
        ({"minimum": -1}, "minimum"),
        ({"micro": 0}, "micro"),
        ({"micro": True}, "micro"),
        ({"micro": 10.0}, "micro"),
        ({"mega": "40"}, "mega"),
        ({"name": ""}, "name"),
        ({"source": "  "}, "source"),
    ],
)
def test_a_scheme_whose_bounds_do_not_rise_is_refused(
    overrides: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        scheme(**overrides)
    assert caught.value.path == f"TierScheme.{field}"


def test_the_refusal_says_what_would_be_right() -> None:
    with pytest.raises(ValidationError, match=r"must be above micro \(10\)"):
        scheme(mid=10)


# -- audiences, accounts and influencers -----------------------------------------------------


def test_an_audience_and_an_account_are_classified_by_their_followers() -> None:
    audience = Audience("tiktok", 20_000, AT)
    assert classify_tier(audience) is Tier.MID
    assert classify_tier(audience, HYPEAUDITOR) is Tier.MICRO
    assert classify_tier(SocialAccount("tiktok", "@a", audience)) is Tier.MID
    assert classify_tier(audience, platform="tiktok") is Tier.MID


def test_an_account_without_audience_has_no_tier() -> None:
    with pytest.raises(ValidationError, match="no audience snapshot") as caught:
        classify_tier(SocialAccount("x", "@sam"))
    assert caught.value.path == "followers"


def test_an_audience_of_another_platform_is_refused() -> None:
    with pytest.raises(ValidationError, match="tiktok") as caught:
        classify_tier(Audience("tiktok", 5, AT), platform="instagram")
    assert caught.value.path == "platform"


def test_a_platform_for_a_bare_count_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        classify_tier(5, platform="instagram")
    assert caught.value.path == "platform"


def test_an_unknown_platform_is_refused() -> None:
    with pytest.raises(ValidationError, match="myspace") as caught:
        classify_tier(Audience("tiktok", 5, AT), platform="myspace")
    assert caught.value.path == "platform"


def make_influencer() -> Influencer:
    return Influencer(
        id="inf-1",
        name="Sam",
        accounts=[
            SocialAccount("instagram", "@small", Audience("instagram", 900, AT)),
            SocialAccount("instagram", "@big", Audience("instagram", 150_000, AT)),
            SocialAccount("tiktok", "@sam", Audience("tiktok", 12_000, AT)),
            SocialAccount("x", "@sam"),
        ],
    )


def test_an_influencer_is_classified_by_the_largest_account() -> None:
    sam = make_influencer()
    assert classify_tier(sam) is Tier.MACRO
    assert classify_tier(sam, platform="tiktok") is Tier.MICRO
    assert classify_tier(sam, platform="instagram") is Tier.MACRO
    assert classify_tier(sam, HYPEAUDITOR, platform="tiktok") is Tier.MICRO


def test_an_influencer_without_the_platform_or_its_audience_is_refused() -> None:
    sam = make_influencer()
    with pytest.raises(ValidationError, match="no youtube account") as caught:
        classify_tier(sam, platform="youtube")
    assert caught.value.path == "platform"
    with pytest.raises(ValidationError, match="no audience snapshot") as caught:
        classify_tier(sam, platform="x")
    assert caught.value.path == "followers"


# -- properties ------------------------------------------------------------------------------


@settings(max_examples=200)
@given(tier_schemes(), follower_counts, follower_counts)
def test_tiers_never_go_down_as_followers_rise(scheme: TierScheme, a: int, b: int) -> None:
    low, high = sorted((min(a, MAX_COUNT), min(b, MAX_COUNT)))
    assert rank(classify_tier(low, scheme)) <= rank(classify_tier(high, scheme))


@settings(max_examples=200)
@given(tier_schemes(), st.integers(min_value=0, max_value=MAX_COUNT))
def test_a_count_lies_within_the_bounds_of_its_tier(scheme: TierScheme, followers: int) -> None:
    tier = classify_tier(followers, scheme)
    if tier is None:
        assert scheme.minimum is not None
        assert followers < scheme.minimum
        return
    assert scheme.lower_bound(tier) <= followers
    upper = scheme.upper_bound(tier)
    assert upper is None or followers < upper


@settings(max_examples=100)
@given(tier_schemes())
def test_every_lower_bound_belongs_to_its_tier(scheme: TierScheme) -> None:
    for tier, low in scheme.bounds:
        assert classify_tier(low, scheme) is tier
        if low > 0 and tier is not Tier.NANO:
            assert classify_tier(low - 1, scheme) is not tier


# -- real data: every TikTok account of the 2020 suggested-users crawl -----------------------

# The tables of DOMAIN.md, written out again here so the test does not read them from the
# code under test: (lower bounds from micro to mega, minimum).
INDEPENDENT = {
    "inBeat": ([10_000, 20_000, 100_000, 1_000_000], 0),
    "HypeAuditor": ([10_000, 50_000, 500_000, 1_000_000], 1_000),
    "Later x Fohr": ([10_000, 100_000, 500_000, 1_000_000], 0),
}
NAMES = ["nano", "micro", "mid", "macro", "mega"]


def tiktok_followers() -> dict[str, int]:
    """Each account's follower count: the largest figure among its videos.

    One account has a video reporting 0 followers next to others reporting 1,500,000; the
    crawl stores 0 when the count was missing, so the largest figure is the account's.
    """
    if not TIKTOK.is_dir():
        pytest.skip(f"real data not found at {TIKTOK} (the ../shared/data folder is absent)")
    followers: dict[str, int] = {}
    for path in sorted(TIKTOK.glob("sug_users_vids*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                count = int(row["n_followers"])
                followers[row["user_name"]] = max(count, followers.get(row["user_name"], 0))
    return followers


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.name)
def test_tiktok_accounts_tier_counts_match_an_independent_computation(
    scheme: TierScheme,
) -> None:
    followers = tiktok_followers()
    assert len(followers) > 1_600
    bounds, minimum = INDEPENDENT[scheme.name]
    expected: Counter[str] = Counter()
    for count in followers.values():
        expected["none" if count < minimum else NAMES[bisect.bisect_right(bounds, count)]] += 1
    actual = Counter(
        "none" if tier is None else tier.value
        for tier in (classify_tier(count, scheme) for count in followers.values())
    )
    assert actual == expected
    assert sum(actual.values()) == len(followers)


def test_tiktok_accounts_sitting_on_a_boundary_belong_to_the_upper_tier() -> None:
    followers = tiktok_followers()
    on_boundary = {name: n for name, n in followers.items() if n in (100_000, 1_000_000)}
    assert on_boundary, "the crawl rounds to 3 significant figures, so some sit on bounds"
    for count in on_boundary.values():
        assert classify_tier(count) is (Tier.MACRO if count == 100_000 else Tier.MEGA)
