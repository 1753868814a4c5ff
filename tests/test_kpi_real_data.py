"""KPIs against public data nobody on this project wrote (read from ../shared/data).

* TikTok videos of ~1,700 accounts (2020): engagement rate by views and by followers, video
  by video and account by account; 0 followers and 0 plays give undefined rates, not errors.
* One Instagram account's 176 posts: the conversion rate of every row (follows / profile
  visits) against the file's own `Conversion Rate` column, which is not clamped at 100%; and
  the rate by impressions with saves and shares.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import statistics
from fractions import Fraction
from functools import cache
from pathlib import Path

import pytest

from nanokit import Audience
from nanokit.kpi import definitions
from nanokit.kpi.definitions import EngagementDefinition
from nanokit.kpi.engagement import PostMetrics, measure_engagement
from nanokit.kpi.formulas import conversion_rate, engagement_rate

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
TIKTOK = DATA / "tiktok-suggested-users-2020"
INSTAGRAM = DATA / "instagram-kharwal-posts" / "instagram_posts.csv"
AT = dt.datetime(2020, 11, 1, tzinfo=dt.timezone.utc)

TIKTOK_BY_FOLLOWERS = EngagementDefinition(
    name="tiktok-by-followers",
    source="test: HypeAuditor's TikTok engagements (likes + comments + shares) over followers",
    kinds=["like", "comment", "share"],
    base="followers",
)


def _need(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared real data sits beside the checkout, in CI")


@cache
def tiktok_rows() -> tuple[dict[str, str], ...]:
    rows = []
    for file in sorted(TIKTOK.glob("sug_users_vids*.csv")):
        with file.open(encoding="utf-8", newline="") as handle:
            rows.extend(csv.DictReader(handle))
    return tuple(rows)


@cache
def instagram_rows() -> tuple[dict[str, str], ...]:
    with INSTAGRAM.open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


def video(row: dict[str, str]) -> PostMetrics:
    return PostMetrics(
        likes=int(row["n_likes"]),
        comments=int(row["n_comments"]),
        shares=int(row["n_shares"]),
        views=int(row["n_plays"]),
        content_id=row["id"],
        published_at=dt.datetime.fromtimestamp(int(row["create_time"]), dt.timezone.utc),
    )


def test_tiktok_engagement_by_views_and_by_followers_video_by_video() -> None:
    _need(TIKTOK)
    rows = tiktok_rows()
    assert len(rows) > 40_000
    undefined_by_views = undefined_by_followers = 0
    for row in rows:
        post = video(row)
        followers = int(row["n_followers"])
        account = Audience("tiktok", followers, AT)
        by_views = measure_engagement([post], account, definitions.HYPEAUDITOR_TIKTOK)
        by_followers = measure_engagement([post], account, TIKTOK_BY_FOLLOWERS)
        top = post.likes + post.comments + post.shares  # type: ignore[operator]
        assert by_views.engagements == by_followers.engagements == top
        if post.views == 0:
            undefined_by_views += 1
            assert by_views.rate is None
        else:
            assert by_views.rate == top / post.views  # type: ignore[operator]
            assert by_views.rate == engagement_rate(top, post.views)  # type: ignore[arg-type]
        if followers == 0:
            undefined_by_followers += 1
            assert by_followers.rate is None
        else:
            assert by_followers.rate == top / followers
        for rate in (by_views.rate, by_followers.rate):
            assert rate is None or math.isfinite(rate)
        assert by_views.low_confidence  # one video is far below HypeAuditor's 30
        assert by_views.unavailable == by_followers.unavailable == ()
    assert undefined_by_views == sum(1 for row in rows if row["n_plays"] == "0") > 0
    assert undefined_by_followers == sum(1 for row in rows if row["n_followers"] == "0") > 0


def test_tiktok_engagement_account_by_account() -> None:
    _need(TIKTOK)
    accounts: dict[str, dict[str, dict[str, str]]] = {}
    for row in tiktok_rows():
        accounts.setdefault(row["user_name"], {})[row["id"]] = row  # duplicate ids count once
    assert len(accounts) > 1_500
    for name, videos in sorted(accounts.items())[::7]:
        posts = [video(row) for row in videos.values()]
        followers = {int(row["n_followers"]) for row in videos.values()}
        account = Audience("tiktok", max(followers), AT)
        result = measure_engagement(posts, account, definitions.HYPEAUDITOR_TIKTOK)
        newest = sorted(posts, key=lambda post: post.published_at)[-30:]  # type: ignore[arg-type,return-value]
        tops = [p.likes + p.comments + p.shares for p in newest]  # type: ignore[operator]
        plays = [p.views for p in newest]
        assert result.posts == len(newest), name
        assert result.low_confidence is (len(newest) < 30)
        if sum(plays):  # type: ignore[arg-type]
            assert result.mean == float(Fraction(sum(tops), sum(plays)))  # type: ignore[arg-type]
        else:
            assert result.mean is None
        rates = [Fraction(top, play) for top, play in zip(tops, plays, strict=True) if play]
        assert result.median == (float(statistics.median(rates)) if rates else None)


def test_instagram_conversion_rate_of_every_row_matches_its_column() -> None:
    _need(INSTAGRAM)
    rows = instagram_rows()
    assert len(rows) == 176
    above_one = 0
    for number, row in enumerate(rows, start=2):
        rate = conversion_rate(int(row["Follows"]), int(row["Profile Visits"]))
        published = float(row["Conversion Rate"])
        assert rate is not None, f"line {number}"
        assert math.isclose(rate * 100, published, rel_tol=1e-9, abs_tol=1e-9), f"line {number}"
        above_one += rate > 1
    assert above_one == sum(1 for row in rows if float(row["Conversion Rate"]) > 100) > 0


def test_instagram_engagement_by_impressions_with_saves_and_shares() -> None:
    _need(INSTAGRAM)
    posts = [
        PostMetrics(
            likes=int(row["Likes"]),
            comments=int(row["Comments"]),
            shares=int(row["Shares"]),
            saves=int(row["Saves"]),
            impressions=int(row["Impressions"]),
            published_at=dt.datetime.fromisoformat(row["Date"]).replace(tzinfo=dt.timezone.utc),
        )
        for row in instagram_rows()
    ]
    result = measure_engagement(posts, None, definitions.CAPTIV8)
    tops = [p.likes + p.comments + p.shares + p.saves for p in posts]  # type: ignore[operator]
    bottoms = [p.impressions for p in posts]
    assert result.posts == 176
    assert result.mean == float(Fraction(sum(tops), sum(bottoms)))  # type: ignore[arg-type]
    rates = [Fraction(top, bottom) for top, bottom in zip(tops, bottoms, strict=True)]
    assert result.median == float(statistics.median(rates))  # type: ignore[arg-type]
    without_saves = measure_engagement(posts, None, definitions.BY_REACH)
    assert without_saves.unavailable == ("reach",)  # the file has no reach column
