"""Compatibility: `nanokit/1` files written by earlier versions stay readable, for ever.

`tests/samples/` keeps documents and JSON Lines written by nanokit (see its README): they
are never regenerated or edited. Each must keep loading equal to the objects built here in
Python, which do not depend on how any version writes JSON. When the format grows (a new
optional field, a minor schema version), add new samples beside the old ones.

Also: every document this version writes is read back equal, and a key a reader does not
know is refused, never dropped.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from tests.strategies import records, workspaces

from nanokit import (
    Audience,
    Campaign,
    Commission,
    Compensation,
    Contact,
    Deal,
    Deliverable,
    Demographics,
    Fee,
    Influencer,
    Interaction,
    KpiTarget,
    MediaKit,
    Money,
    ProductGift,
    QuotedRate,
    SocialAccount,
    ValidationError,
    Workspace,
)
from nanokit.serialization import (
    dump_document,
    dump_jsonl,
    dump_records,
    iter_jsonl,
    iter_records,
    load_document,
    read_document,
    read_jsonl,
    read_records,
    to_dict,
)

SAMPLES = Path(__file__).resolve().parent / "samples"
UTC = dt.timezone.utc
PARIS = dt.timezone(dt.timedelta(hours=2))
TOKYO = dt.timezone(dt.timedelta(hours=9))


def expected_workspace() -> Workspace:
    """The workspace every `nanokit-1.0-*` sample holds, built without reading any JSON."""
    maya = Influencer(
        id="inf-maya",
        name="Maya Ortiz",
        accounts=[
            SocialAccount(
                "instagram",
                "@maya.bakes",
                audience=Audience(
                    "instagram",
                    8000,
                    measured_at=dt.datetime(2026, 5, 1, 9, 30, tzinfo=UTC),
                    avg_likes=633.5,
                    avg_comments=46.0,
                    avg_shares=20.0,
                    avg_saves=30.0,
                    avg_views=None,
                    posts_sampled=12,
                    demographics=Demographics(
                        countries={"US": 0.6, "CA": 0.25},
                        age_bands={"18-24": 0.4, "25-34": 0.45},
                        genders={"female": 0.7, "male": 0.28},
                    ),
                    suspicious_follower_share=0.03,
                    provenance="self_reported",
                ),
                url="https://example.com/@maya.bakes",
            ),
            SocialAccount("tiktok", "@maya.bakes.tt"),
        ],
        niches=["vegan baking", "sourdough"],
        country="US",
        languages=["en", "es"],
        contact=Contact(email="maya@example.com", preferred_channel="direct_message"),
        media_kit=MediaKit(
            dt.date(2026, 3, 1),
            url="https://example.com/maya-kit.pdf",
            reference="crm-attachment-118",
            quoted_rates=[
                QuotedRate("reel", Money("150.00")),
                QuotedRate("photo", Money("95"), platform="instagram"),
            ],
        ),
        notes="Prefers oat flour; answers within a day.\nSecond line, \u00e9t\u00e9 \U0001f35e.",
        created_at=dt.datetime(2025, 11, 2, 14, 5, 9, 120000, tzinfo=PARIS),
    )
    yuki = Influencer(
        id="inf-yuki",
        name="\u6a2a\u5c71 \u7531\u7d00",  # 横山 由紀
        accounts=[SocialAccount("youtube", "@yuki-kitchen")],
    )
    rana = Influencer(
        id="inf-rana",
        name="\u0631\u0646\u0627 \u062d\u062f\u0627\u062f",  # رنا حداد, right to left
        accounts=[SocialAccount("x", "@rana")],
        contact=Contact(preferred_channel="email"),
    )
    campaign = Campaign(
        id="cmp-summer",
        brand="Oat & Ember",
        name="Summer granola",
        objective="sales",
        media_kind="paid",
        start=dt.date(2026, 6, 1),
        end=dt.date(2026, 7, 31),
        budget=Money("5000.00"),
        deliverables=[
            Deliverable("photo", "instagram", 3, recurrence="FREQ=WEEKLY;COUNT=3"),
            Deliverable("story", "instagram"),
        ],
        required_hashtags=["#ad", "#oatandember"],
        disclosure="#ad in the first line",
        target_niches=["vegan baking"],
        target_tiers=["nano", "micro"],
        kpi_targets=[KpiTarget("engagement_rate", "0.05"), KpiTarget("cpe", "0.10")],
    )
    gifting = Campaign(
        id="cmp-gifts",
        brand="Oat & Ember",
        name="Gifting \u2014 spring",
        objective="ugc",
        media_kind="earned",
        start=dt.date(2026, 3, 15),
    )
    deal = Deal(
        "deal-maya-summer",
        campaign.id,
        maya.id,
        Compensation(
            product=ProductGift("granola box", Money("45.00")),
            cash_per_post=Money("60.00"),
            commission=Commission(rate="0.10", per_sale=Money("1.50"), per_click=Money("0.0125")),
            discount_code="MAYA10",
            tracking_link="https://example.com/t/maya",
            fees=[Fee("agency", Money("19.999"))],  # more places than dollars have: kept
        ),
        deliverables=[Deliverable("reel", "instagram", 2)],
        usage_rights_until=dt.date(2027, 6, 1),
        exclusivity_until=dt.date(2026, 8, 31),
    )
    deal = deal.advance("negotiating", at=dt.datetime(2026, 5, 20, 10, 0, tzinfo=UTC))
    deal = deal.advance(
        "agreed", at=dt.datetime(2026, 5, 22, 16, 45, tzinfo=PARIS), note="signed by email"
    )
    gift = Deal(
        "deal-yuki-gifts",
        gifting.id,
        yuki.id,
        Compensation(product=ProductGift("tasting set", Money("3500", "JPY"))),
    )
    moment = dt.datetime(2026, 6, 3, 18, 0, tzinfo=UTC)
    events = [
        Interaction(
            id="ev-1",
            occurred_at=dt.datetime(2026, 5, 18, 9, 0, tzinfo=UTC),
            influencer_id=maya.id,
            kind="pitch",
            direction="outbound",
            channel="email",
            note="Hi Maya, would you like to try our granola?",
        ),
        Interaction(
            id="ev-2",
            occurred_at=dt.datetime(2026, 5, 18, 20, 15, tzinfo=TOKYO),
            influencer_id=maya.id,
            kind="reply",
            direction="inbound",
            channel="email",
        ),
        Interaction(
            id="ev-3",
            occurred_at=moment,
            influencer_id=maya.id,
            kind="post",
            campaign_id=campaign.id,
            deal_id=deal.id,
            content_id="post-1",
            platform="instagram",
            hashtags=["#ad", "#oatandember", "#\u00e9t\u00e9"],
        ),
        Interaction(
            id="ev-4",
            occurred_at=moment + dt.timedelta(days=1),
            influencer_id=maya.id,
            kind="like",
            count=1900,
            campaign_id=campaign.id,
            deal_id=deal.id,
            content_id="post-1",
            platform="instagram",
        ),
        Interaction(
            id="ev-5",
            occurred_at=moment + dt.timedelta(days=2),
            influencer_id=maya.id,
            kind="conversion",
            count=24,
            campaign_id=campaign.id,
            deal_id=deal.id,
            content_id="post-1",
            value=Money("1080.00"),
            provenance="estimated",
        ),
        Interaction(
            id="ev-6",
            occurred_at=dt.datetime(2026, 3, 20, 8, 0, tzinfo=TOKYO),
            influencer_id=yuki.id,
            kind="product_sent",
            campaign_id=gifting.id,
            deal_id=gift.id,
            value=Money("3500", "JPY"),
        ),
        Interaction(
            id="ev-7",
            occurred_at=dt.datetime(2026, 3, 21, 8, 0, tzinfo=UTC),
            influencer_id=rana.id,
            kind="message",
            direction="inbound",
            channel="direct_message",
            note="\u0634\u0643\u0631\u0627\u064b \u2067#ad\u2069",  # shukran, an isolate
        ),
    ]
    return Workspace(
        influencers=[maya, yuki, rana],
        campaigns=[campaign, gifting],
        deals=[deal, gift],
        interactions=events,
    )


def _records(workspace: Workspace) -> list[Any]:
    return [
        *workspace.influencers,
        *workspace.campaigns,
        *workspace.deals,
        *workspace.interactions,
    ]


# -- the samples ------------------------------------------------------------------------------
DOCUMENTS = [
    "nanokit-1.0-workspace.json",  # written by write_document (indent 2)
    "nanokit-1.0-workspace-compact.json",  # dump_document(indent=None), one line
    "nanokit-1.0-workspace-verbose.json",  # defaults spelled out, keys reordered, "Z"
    # times, schema "nanokit/1.0", a byte order mark and CRLF line endings
]


def test_the_samples_are_all_there() -> None:
    names = {path.name for path in SAMPLES.iterdir()}
    assert set(DOCUMENTS) <= names
    assert {"nanokit-1.0-records.jsonl", "nanokit-1.0-interactions.jsonl", "README.md"} <= names


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_sample_document_loads_equal_to_the_expected_workspace(name: str) -> None:
    expected = expected_workspace()
    assert read_document(SAMPLES / name) == expected
    assert read_document(SAMPLES / name, strict=True) == expected


def test_the_verbose_sample_really_differs_from_what_this_version_writes() -> None:
    raw = (SAMPLES / "nanokit-1.0-workspace-verbose.json").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    text = raw.decode("utf-8-sig")
    assert '"schema": "nanokit/1.0"' in text
    assert '"count": 1,' in text  # a default, written out
    assert "Z" in json.loads(text)["interactions"][0]["occurred_at"]
    assert text != dump_document(expected_workspace())


def test_the_sample_records_load_equal_to_the_expected_records() -> None:
    expected = _records(expected_workspace())
    assert list(read_records(SAMPLES / "nanokit-1.0-records.jsonl")) == expected


def test_the_sample_interactions_load_equal_to_the_expected_interactions() -> None:
    expected = list(expected_workspace().interactions)
    path = SAMPLES / "nanokit-1.0-interactions.jsonl"
    assert list(read_jsonl(path, Interaction)) == expected


def test_exact_values_survive_in_the_samples() -> None:
    workspace = read_document(SAMPLES / "nanokit-1.0-workspace.json")
    deal = workspace.deals[0]
    assert deal.compensation.fees[0].amount.amount == Decimal("19.999")
    assert deal.compensation.commission is not None
    assert deal.compensation.commission.per_click == Money("0.0125")
    assert workspace.influencers[1].name == "\u6a2a\u5c71 \u7531\u7d00"
    assert workspace.interactions[1].occurred_at.utcoffset() == dt.timedelta(hours=9)
    assert workspace.influencers[0].created_at is not None
    assert workspace.influencers[0].created_at.microsecond == 120000


# -- this version reads back what it writes ----------------------------------------------------
def test_this_version_reads_back_the_expected_workspace_equal() -> None:
    expected = expected_workspace()
    for indent in (None, 2, 4):
        assert load_document(dump_document(expected, indent=indent)) == expected
    assert list(iter_records(dump_records(_records(expected)))) == _records(expected)


@settings(max_examples=20, deadline=None)
@given(workspaces())
def test_any_document_written_is_read_back_equal(workspace: Workspace) -> None:
    assert load_document(dump_document(workspace)) == workspace
    assert load_document(dump_document(workspace, indent=None).encode("utf-8")) == workspace


@settings(max_examples=40, deadline=None)
@given(records())
def test_any_record_written_as_a_line_is_read_back_equal(record: Any) -> None:
    (line,) = dump_records([record])
    assert line.endswith("\n")
    assert line.count("\n") == 1
    assert list(iter_records([line])) == [record]
    assert list(iter_jsonl(dump_jsonl([record]), type(record))) == [record]


# -- unknown keys are refused, never dropped ---------------------------------------------------
def _document_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(dump_document(expected_workspace()))
    return data


@pytest.mark.parametrize(
    ("where", "path"),
    [
        (lambda data: data, "$.extra"),
        (lambda data: data["influencers"][0], "$.influencers[0].extra"),
        (lambda data: data["influencers"][0]["accounts"][0]["audience"], "$.influencers[0].accounts[0].audience.extra"),
        (lambda data: data["campaigns"][0]["deliverables"][0], "$.campaigns[0].deliverables[0].extra"),
        (lambda data: data["deals"][0]["compensation"]["commission"], "$.deals[0].compensation.commission.extra"),
        (lambda data: data["deals"][0]["history"][0], "$.deals[0].history[0].extra"),
        (lambda data: data["interactions"][4]["value"], "$.interactions[4].value.extra"),
    ],
)  # fmt: skip
def test_an_unknown_key_anywhere_is_refused_at_its_path(where: Any, path: str) -> None:
    data = _document_data()
    where(data)["extra"] = "kept? no: refused"
    with pytest.raises(ValidationError) as caught:
        load_document(data)
    assert [problem.path for problem in caught.value.errors] == [path]
    assert "unknown key 'extra'" in caught.value.errors[0].message


def test_an_unknown_key_in_a_line_is_refused_with_its_line() -> None:
    lines = list(dump_records(_records(expected_workspace())))
    lines[3] = lines[3].rstrip("\n")[:-1] + ', "lucky": 7}\n'
    problems: list[ValidationError] = []
    kept = list(iter_records(lines, on_error=problems.append))
    assert len(kept) == len(lines) - 1
    assert [(problem.line, problem.path) for problem in problems] == [(4, "$.lucky")]


def test_a_future_minor_version_is_read_but_its_new_keys_are_refused() -> None:
    data = _document_data()
    data["schema"] = "nanokit/1.9"
    assert load_document(data) == expected_workspace()
    data["influencers"][0]["pronouns"] = "she/her"
    with pytest.raises(ValidationError, match=r"\$\.influencers\[0\]\.pronouns: unknown key"):
        load_document(data)


def test_to_dict_of_the_expected_workspace_is_json() -> None:
    json.dumps(to_dict(expected_workspace()), allow_nan=False)
