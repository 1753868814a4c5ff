"""Engagement-rate definitions and `measure_engagement`."""

from __future__ import annotations

import datetime as dt
import math
import random
import statistics
from fractions import Fraction

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nanokit import Audience, Interaction, InteractionKind, Provenance, ValidationError
from nanokit.kpi import definitions as d
from nanokit.kpi.definitions import (
    DEFAULT,
    DEFINITIONS,
    Aggregate,
    EngagementBase,
    EngagementDefinition,
    definition_named,
)
from nanokit.kpi.engagement import (
    Engagement,
    PostMetrics,
    measure_engagement,
    posts_from_interactions,
)

AT = dt.datetime(2026, 5, 1, tzinfo=dt.timezone.utc)
K = InteractionKind


def audience(followers: int, platform: str = "instagram", **more: object) -> Audience:
    return Audience(platform, followers, AT, **more)  # type: ignore[arg-type]


def full(likes: int, comments: int = 0, shares: int = 0, saves: int = 0, **more: object):
    return PostMetrics(likes=likes, comments=comments, shares=shares, saves=saves, **more)  # type: ignore[arg-type]


WORKED = [full(640, 50, 20, 30), full(610, 40, 25, 25), full(650, 50, 15, 35)]
"""Three posts adding up to the worked example: 1,900 likes, 140 comments, 60 shares, 90 saves."""


# -- definitions as data ------------------------------------------------------------------

PRESETS = [
    # name, kinds, base, aggregate, window
    ("nanokit", ("like", "comment", "share", "save"), "followers", "mean", None),
    ("grin", ("like", "comment"), "followers", "mean", None),
    ("hypeauditor-instagram", ("like", "comment"), "followers", "mean", 12),
    ("hypeauditor-tiktok", ("like", "comment", "share"), "views", "mean", 30),
    ("modash-instagram", ("like",), "followers", "median", None),
    ("captiv8", ("like", "comment", "share", "save"), "impressions", "mean", None),
    ("creatoriq", ("like", "comment", "share", "save"), "views", "mean", None),
    ("by-reach", ("like", "comment", "share", "save"), "reach", "mean", None),
]


@pytest.mark.parametrize(("name", "kinds", "base", "aggregate", "window"), PRESETS)
def test_presets_follow_the_domain_notes(name, kinds, base, aggregate, window) -> None:
    preset = definition_named(name)
    assert tuple(kind.value for kind in preset.kinds) == kinds
    assert preset.base.value == base
    assert preset.aggregate.value == aggregate
    assert preset.window == window
    assert preset.source.strip()


def test_every_preset_is_listed_once_under_its_name() -> None:
    assert list(DEFINITIONS) == [row[0] for row in PRESETS]
    assert all(DEFINITIONS[name].name == name for name in DEFINITIONS)
    assert DEFAULT is d.NANOKIT
    assert next(iter(DEFINITIONS.values())) is DEFAULT


def test_vendor_presets_name_their_vendor_in_the_source() -> None:
    for preset, vendor in [
        (d.GRIN, "GRIN"),
        (d.HYPEAUDITOR_INSTAGRAM, "HypeAuditor"),
        (d.HYPEAUDITOR_TIKTOK, "HypeAuditor"),
        (d.MODASH_INSTAGRAM, "Modash"),
        (d.CAPTIV8, "Captiv8"),
        (d.CREATORIQ, "CreatorIQ"),
    ]:
        assert vendor in preset.source


def test_kinds_are_kept_in_canonical_order() -> None:
    mine = EngagementDefinition(name="m", source="s", kinds=["save", "like"], base="reach")
    assert mine.kinds == (K.LIKE, K.SAVE)
    assert mine == EngagementDefinition(name="m", source="s", kinds=[K.LIKE, K.SAVE], base="reach")


def test_describe_reads_the_formula() -> None:
    assert d.MODASH_INSTAGRAM.describe() == "likes / followers, median per post"
    assert (
        d.HYPEAUDITOR_INSTAGRAM.describe()
        == "(likes + comments) / followers, mean per post, last 12 posts"
    )


def test_streamable_means_a_mean_over_every_post() -> None:
    assert [p.streamable for p in DEFINITIONS.values()] == [
        True,
        True,
        False,
        False,
        False,
        True,
        True,
        True,
    ]


@pytest.mark.parametrize(
    ("changes", "path", "message"),
    [
        ({"kinds": []}, "EngagementDefinition.kinds", "at least one"),
        ({"kinds": ["like", "click"]}, "EngagementDefinition.kinds[1]", "counts like"),
        ({"kinds": ["like", "like"]}, "EngagementDefinition.kinds", "twice"),
        ({"kinds": ["nonsense"]}, "EngagementDefinition.kinds[0]", "counts like"),
        ({"base": "likes"}, "EngagementDefinition.base", "expected one of"),
        ({"aggregate": "mode"}, "EngagementDefinition.aggregate", "expected one of"),
        ({"window": 0}, "EngagementDefinition.window", "at least 1"),
        ({"minimum_posts": 0}, "EngagementDefinition.minimum_posts", "at least 1"),
        ({"minimum_followers": -1}, "EngagementDefinition.minimum_followers", "at least 0"),
        ({"name": " "}, "EngagementDefinition.name", "empty"),
        ({"platforms": ["myspace"]}, "EngagementDefinition.platforms[0]", "expected one of"),
    ],
)
def test_bad_definitions_are_refused(changes, path, message) -> None:
    arguments = {"name": "x", "source": "y", "kinds": ["like"], "base": "followers", **changes}
    with pytest.raises(ValidationError, match=message) as caught:
        EngagementDefinition(**arguments)
    assert caught.value.path == path


def test_an_unknown_preset_name_lists_the_known_ones() -> None:
    with pytest.raises(ValidationError, match="grin, hypeauditor-instagram") as caught:
        definition_named("Grin")
    assert caught.value.path == "definition"


def test_bases_and_aggregates() -> None:
    assert [base.kind for base in EngagementBase] == [None, K.REACH, K.IMPRESSION, K.VIEW]
    assert Aggregate.MEAN.streamable
    assert not Aggregate.MEDIAN.streamable


# -- measuring ----------------------------------------------------------------------------


def test_the_worked_example_by_followers_per_post() -> None:
    result = measure_engagement(WORKED, audience(8_000))
    assert result.rate == 2_190 / (3 * 8_000)
    assert f"{result.rate:.1%}" == "9.1%"
    assert result.mean == result.rate
    assert (result.engagements, result.base, result.posts) == (2_190, 24_000, 3)
    assert result.definition == "nanokit"
    assert not result.low_confidence
    assert result.unavailable == ()


def test_the_published_grin_example() -> None:
    # (57 + 2) / 2,077 = 2.84%
    result = measure_engagement([PostMetrics(likes=57, comments=2)], audience(2_077), d.GRIN)
    assert result.rate == 59 / 2_077
    assert f"{result.rate:.2%}" == "2.84%"


def test_one_campaign_gives_different_numbers_by_definition() -> None:
    posts = [
        PostMetrics(
            likes=600,
            comments=40,
            shares=20,
            saves=30,
            impressions=9_000,
            views=4_000,
            reach=7_000,
        ),
        PostMetrics(
            likes=500,
            comments=60,
            shares=10,
            saves=20,
            impressions=6_000,
            views=3_000,
            reach=5_000,
        ),
    ]
    rates = {
        name: measure_engagement(posts, audience(8_000), preset).rate
        for name, preset in DEFINITIONS.items()
    }
    assert rates["nanokit"] == 1_280 / 16_000
    assert rates["grin"] == 1_200 / 16_000
    assert rates["captiv8"] == 1_280 / 15_000
    assert rates["creatoriq"] == 1_280 / 7_000
    assert rates["by-reach"] == 1_280 / 12_000
    assert rates["modash-instagram"] == 550 / 8_000
    assert rates["hypeauditor-tiktok"] == 1_230 / 7_000
    # With 12 posts or fewer, HypeAuditor's Instagram formula is GRIN's.
    assert rates["hypeauditor-instagram"] == rates["grin"]
    assert len(set(rates.values())) == len(rates) - 1


def test_fewer_posts_than_the_minimum_is_low_confidence() -> None:
    result = measure_engagement(WORKED[:2], audience(8_000))
    assert result.low_confidence
    assert result.rate is not None
    assert any("low confidence" in note for note in result.notes)


def test_a_window_keeps_the_last_posts_by_date() -> None:
    posts = [
        PostMetrics(likes=n, comments=0, published_at=AT + dt.timedelta(days=n))
        for n in range(1, 16)
    ]
    random.Random(4).shuffle(posts)
    result = measure_engagement(posts, audience(1_000), d.HYPEAUDITOR_INSTAGRAM)
    assert (result.posts, result.posts_available) == (12, 15)
    assert result.engagements == sum(range(4, 16))
    assert not result.low_confidence


def test_a_window_keeps_the_last_posts_given_when_undated() -> None:
    posts = [PostMetrics(likes=n, comments=0) for n in range(1, 16)]
    result = measure_engagement(posts, audience(1_000), d.HYPEAUDITOR_INSTAGRAM)
    assert result.engagements == sum(range(4, 16))


def test_a_window_with_fewer_posts_is_low_confidence() -> None:
    result = measure_engagement(
        [PostMetrics(likes=1, comments=1)] * 5, audience(100), d.HYPEAUDITOR_INSTAGRAM
    )
    assert (result.posts, result.low_confidence) == (5, True)


def test_medians_of_odd_and_even_samples() -> None:
    odd = measure_engagement(
        [PostMetrics(likes=n) for n in (300, 40, 57)], audience(2_077), d.MODASH_INSTAGRAM
    )
    assert odd.rate == odd.median == 57 / 2_077
    assert odd.mean == 397 / (3 * 2_077)
    even = measure_engagement(
        [PostMetrics(likes=n) for n in (1, 2, 4, 100)], audience(10), d.MODASH_INSTAGRAM
    )
    assert even.rate == (2 + 4) / 2 / 10


def test_hidden_likes_make_the_rate_unavailable_not_zero() -> None:
    posts = [*WORKED, PostMetrics(likes=None, comments=5, shares=1, saves=0)]
    result = measure_engagement(posts, audience(8_000))
    assert result.rate is None
    assert result.mean is None
    assert result.engagements is None
    assert result.unavailable == ("likes",)
    assert any("1 of 4 posts" in note for note in result.notes)


def test_hidden_likes_do_not_matter_to_a_definition_without_likes() -> None:
    comments_only = EngagementDefinition(
        name="comments", source="test", kinds=["comment"], base="followers"
    )
    result = measure_engagement(
        [PostMetrics(likes=None, comments=8)], audience(400), comments_only
    )
    assert result.rate == 8 / 400


def test_an_unknown_audience_leaves_a_follower_rate_unavailable() -> None:
    assert measure_engagement(WORKED, None).unavailable == ("followers",)
    by_views = [attrs.evolve(post, views=10_000) for post in WORKED]
    assert measure_engagement(by_views, None, d.CREATORIQ).rate == 2_190 / 30_000


def test_unknown_views_are_unavailable() -> None:
    result = measure_engagement(WORKED, audience(8_000), d.CREATORIQ)
    assert result.unavailable == ("views",)


def test_zero_followers_give_an_undefined_rate() -> None:
    result = measure_engagement(WORKED, audience(0))
    assert result.rate is None
    assert result.median is None
    assert result.unavailable == ()
    assert result.engagements == 2_190
    assert any("undefined" in note for note in result.notes)


def test_a_post_with_zero_views_has_no_rate_of_its_own() -> None:
    posts = [
        PostMetrics(likes=10, comments=0, shares=0, views=100),
        PostMetrics(likes=3, comments=0, shares=0, views=0),
        PostMetrics(likes=30, comments=0, shares=0, views=100),
    ]
    result = measure_engagement(posts, None, attrs.evolve(d.HYPEAUDITOR_TIKTOK, minimum_posts=1))
    assert result.mean == 43 / 200
    assert result.median == float((Fraction(10, 100) + Fraction(30, 100)) / 2)
    assert any("zero views" in note for note in result.notes)


def test_no_posts_give_no_rate() -> None:
    result = measure_engagement([], audience(500))
    assert (result.rate, result.posts, result.low_confidence) == (None, 0, True)


def test_a_follower_minimum_flags_small_accounts() -> None:
    traackr_like = attrs.evolve(
        DEFAULT, name="with-minimums", minimum_followers=2_000, minimum_posts=1
    )
    small = measure_engagement(WORKED, audience(1_999), traackr_like)
    assert small.low_confidence
    assert small.rate is not None
    assert not measure_engagement(WORKED, audience(2_000), traackr_like).low_confidence


def test_using_a_definition_on_another_platform_is_noted() -> None:
    result = measure_engagement(
        [PostMetrics(likes=5)], audience(100, "tiktok"), d.MODASH_INSTAGRAM
    )
    assert result.rate == 0.05
    assert any("meant for instagram" in note for note in result.notes)


def test_estimates_mark_the_result() -> None:
    estimated = [attrs.evolve(WORKED[0], provenance="estimated"), *WORKED[1:]]
    assert measure_engagement(estimated, audience(8_000)).estimated
    guessed = audience(8_000, provenance=Provenance.ESTIMATED)
    assert measure_engagement(WORKED, guessed).estimated
    views = [attrs.evolve(post, views=1_000) for post in WORKED]
    assert not measure_engagement(views, guessed, d.CREATORIQ).estimated
    reported = audience(8_000, provenance=Provenance.SELF_REPORTED)
    result = measure_engagement(WORKED, reported)
    assert result.provenance is Provenance.SELF_REPORTED
    assert not result.estimated


# -- from interactions --------------------------------------------------------------------


def event(
    n: int, kind: str, count: int = 1, content: str | None = "p1", **more: object
) -> Interaction:
    return Interaction(
        id=f"e{n}",
        occurred_at=more.pop("at", AT),  # type: ignore[arg-type]
        influencer_id=more.pop("who", "inf-1"),  # type: ignore[arg-type]
        kind=kind,
        count=count,
        content_id=content,
        **more,  # type: ignore[arg-type]
    )


def worked_log() -> list[Interaction]:
    log = []
    for number, post in enumerate(WORKED):
        content = f"p{number}"
        at = AT + dt.timedelta(days=number)
        log.append(event(10 * number, "post", content=content, at=at))
        for offset, kind in enumerate(("like", "comment", "share", "save"), start=1):
            count = post.count(kind)
            assert count
            log.append(
                event(
                    10 * number + offset, kind, count, content, at=at + dt.timedelta(hours=offset)
                )
            )
    log.append(event(99, "click", 600, content=None))
    return log


def test_interactions_measure_like_the_posts_they_add_up_to() -> None:
    from_log = measure_engagement(worked_log(), audience(8_000))
    from_posts = measure_engagement(WORKED, audience(8_000))
    assert from_log.rate == from_posts.rate
    assert (from_log.posts, from_log.engagements) == (3, 2_190)


def test_posts_from_interactions_sum_by_content_id() -> None:
    log = [
        event(1, "like", 300, at=AT + dt.timedelta(hours=2)),
        event(2, "like", 40, at=AT + dt.timedelta(hours=3)),
        event(3, "reel", at=AT + dt.timedelta(hours=1)),
        event(4, "view", 900, content="p2", at=AT),
        event(5, "conversion", 2, content=None),
        event(6, "like", 7, content="p2", provenance="estimated"),
    ]
    first, second = sorted(posts_from_interactions(log), key=lambda post: post.content_id or "")
    assert (first.likes, first.comments, first.views, first.published_at) == (
        340,
        0,
        0,
        AT + dt.timedelta(hours=1),
    )
    assert first.provenance is Provenance.MEASURED
    assert (second.likes, second.views, second.published_at) == (7, 900, AT)
    assert second.provenance is Provenance.ESTIMATED
    assert [post.content_id for post in posts_from_interactions(log)] == ["p2", "p1"]


def test_engagement_records_need_a_content_id() -> None:
    with pytest.raises(ValidationError, match="names no content_id") as caught:
        measure_engagement([event(1, "post"), event(2, "like", 5, content=None)], audience(100))
    assert caught.value.path == "posts_or_interactions[1].content_id"


def test_one_account_at_a_time() -> None:
    with pytest.raises(ValidationError, match="one account") as caught:
        measure_engagement([event(1, "like"), event(2, "like", who="inf-2")], audience(100))
    assert caught.value.path == "posts_or_interactions[1].influencer_id"
    with pytest.raises(ValidationError, match="tiktok interaction") as caught:
        measure_engagement([event(1, "like", platform="tiktok")], audience(100))
    assert caught.value.path == "posts_or_interactions[0].platform"


def test_posts_and_interactions_do_not_mix() -> None:
    with pytest.raises(ValidationError, match="PostMetrics") as caught:
        measure_engagement([PostMetrics(likes=1), event(1, "like")], audience(100))
    assert caught.value.path == "posts_or_interactions[1]"
    with pytest.raises(ValidationError) as caught:
        measure_engagement(PostMetrics(likes=1), audience(100))  # type: ignore[arg-type]
    assert caught.value.path == "posts_or_interactions"
    with pytest.raises(ValidationError, match="Audience") as caught:
        measure_engagement([], 8_000)  # type: ignore[arg-type]
    assert caught.value.path == "audience"
    with pytest.raises(ValidationError, match="EngagementDefinition") as caught:
        measure_engagement([], None, "grin")  # type: ignore[arg-type]
    assert caught.value.path == "definition"


def test_post_metrics_refuse_bad_counts_and_kinds() -> None:
    with pytest.raises(ValidationError, match="whole number") as caught:
        PostMetrics(views=1.5)  # type: ignore[arg-type]
    assert caught.value.path == "PostMetrics.views"
    with pytest.raises(ValidationError, match="no timezone") as caught:
        PostMetrics(published_at=dt.datetime(2026, 5, 1))
    assert caught.value.path == "PostMetrics.published_at"
    with pytest.raises(ValidationError, match="a post counts") as caught:
        PostMetrics().count("click")
    assert caught.value.path == "PostMetrics.count"


def test_engagement_refuses_impossible_rates() -> None:
    with pytest.raises(ValidationError, match="finite") as caught:
        Engagement("x", rate=math.nan)
    assert caught.value.path == "Engagement.rate"
    with pytest.raises(ValidationError, match="at least 0") as caught:
        Engagement("x", rate=None, median=-0.5)
    assert caught.value.path == "Engagement.median"


# -- properties ---------------------------------------------------------------------------

maybe = st.integers(min_value=0, max_value=10**7)
posts_strategy = st.lists(
    st.builds(
        PostMetrics,
        likes=maybe,
        comments=maybe,
        shares=maybe,
        saves=maybe,
        views=maybe,
        impressions=maybe,
        reach=maybe,
    ),
    max_size=40,
)


@settings(max_examples=150)
@given(
    posts=posts_strategy,
    followers=st.integers(min_value=0, max_value=10**9),
    preset=st.sampled_from(list(DEFINITIONS.values())),
)
def test_rates_are_exact_ratios_and_never_nan(posts, followers, preset) -> None:
    result = measure_engagement(posts, audience(followers), preset)
    used = posts[-preset.window :] if preset.window else posts
    tops = [sum(post.count(kind) for kind in preset.kinds) for post in used]
    bottoms = [
        followers if preset.base.kind is None else post.count(preset.base.kind) for post in used
    ]
    assert result.posts == len(used)
    assert result.engagements == sum(tops)
    if sum(bottoms):
        assert result.mean == float(Fraction(sum(tops), sum(bottoms)))
    else:
        assert result.mean is None
    defined = [Fraction(top, bottom) for top, bottom in zip(tops, bottoms, strict=True) if bottom]
    assert result.median == (float(statistics.median(defined)) if defined else None)
    for value in (result.rate, result.mean, result.median):
        assert value is None or (math.isfinite(value) and value >= 0)
    assert result.rate == (result.mean if preset.aggregate is Aggregate.MEAN else result.median)


@settings(max_examples=75)
@given(posts=posts_strategy, seed=st.integers())
def test_a_log_in_any_order_measures_like_its_posts(posts, seed) -> None:
    log = []
    for number, post in enumerate(posts):
        at = AT + dt.timedelta(minutes=number)
        log.append(event(len(log), "post", content=f"p{number}", at=at))
        for kind in (K.LIKE, K.COMMENT, K.SHARE, K.SAVE, K.VIEW, K.IMPRESSION, K.REACH):
            count = post.count(kind)
            if count:
                log.append(event(len(log), kind.value, count, f"p{number}", at=at))
    random.Random(seed).shuffle(log)
    for preset in (DEFAULT, d.HYPEAUDITOR_TIKTOK, d.MODASH_INSTAGRAM, d.BY_REACH):
        expected = measure_engagement(posts, audience(5_000), preset)
        assert measure_engagement(log, audience(5_000), preset) == attrs.evolve(
            expected, provenance=Provenance.MEASURED
        )
