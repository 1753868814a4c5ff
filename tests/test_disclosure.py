"""Tests for nanokit.policy.disclosure: material connections and disclosure hashtags."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nanokit import (
    Campaign,
    Commission,
    Compensation,
    Deal,
    Fee,
    Interaction,
    InteractionFamily,
    InteractionKind,
    Money,
    ProductGift,
    ValidationError,
)
from nanokit.policy.disclosure import (
    FTC,
    DisclosurePolicy,
    check_disclosure,
    disclosure_required,
)

AT = dt.datetime(2026, 4, 3, tzinfo=dt.timezone.utc)
CONTENT = [k for k in InteractionKind if k.family is InteractionFamily.CONTENT]
SPRING = Campaign(
    id="cmp",
    brand="Oat & Ember",
    name="Spring",
    objective="ugc",
    media_kind="earned",
    start=dt.date(2026, 4, 1),
    required_hashtags=["#OatAndEmberPartner", "#spring"],
)


def content(*hashtags: str, kind: str | InteractionKind = "post") -> Interaction:
    return Interaction(
        id="ev-1", occurred_at=AT, influencer_id="inf-maya", kind=kind, hashtags=hashtags
    )


# -- disclosure_required ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("compensation", "required"),
    [
        (Compensation(product=ProductGift("Kit", Money("45"))), True),
        (Compensation(product=ProductGift("Sample", Money("0"))), True),  # still a gift
        (Compensation(cash_per_post=Money("60")), True),
        (Compensation(commission=Commission(rate="0.1")), True),
        (Compensation(fees=[Fee("travel", Money("20"))]), True),
        (Compensation(), False),
    ],
)
def test_any_compensation_is_a_material_connection(
    compensation: Compensation, required: bool
) -> None:
    assert disclosure_required(Deal("d", "c", "i", compensation)) is required


def test_disclosure_required_refuses_other_things() -> None:
    with pytest.raises(ValidationError) as caught:
        disclosure_required(Compensation())  # type: ignore[arg-type]
    assert caught.value.path == "deal"


# -- check_disclosure ------------------------------------------------------------------------


def test_the_ftc_preset() -> None:
    assert FTC.hashtags == ("#ad", "#sponsored")
    assert "Federal Trade Commission" in FTC.source


@pytest.mark.parametrize(
    ("hashtags", "disclosed"),
    [
        (("#ad",), True),
        (("#Ad", "#vegan"), True),
        (("#SPONSORED",), True),
        (("#adventure",), False),  # a longer tag is not the tag
        (("#vegan", "#baking"), False),
        ((), False),
    ],
)
def test_the_policy_hashtags_disclose_in_any_case(
    hashtags: tuple[str, ...], disclosed: bool
) -> None:
    result = check_disclosure(content(*hashtags))
    assert result.disclosed is disclosed
    assert result.accepted == FTC.hashtags
    assert ("not disclosed" in result.reason) is not disclosed


def test_the_campaigns_own_hashtags_disclose_and_missing_ones_are_named() -> None:
    result = check_disclosure(content("#oatandemberpartner"), campaign=SPRING)
    assert result.disclosed
    assert result.found == ("#oatandemberpartner",)
    assert result.missing_required == ("#spring",)
    assert "Missing required hashtags: #spring." in result.reason
    assert result.accepted == ("#ad", "#sponsored", "#OatAndEmberPartner", "#spring")
    complete = check_disclosure(content("#ad", "#Spring", "#OatAndEmberPartner"), campaign=SPRING)
    assert complete.missing_required == ()
    assert complete.found == ("#ad", "#Spring", "#OatAndEmberPartner")
    assert "Missing" not in complete.reason


@pytest.mark.parametrize("kind", CONTENT, ids=lambda k: k.value)
def test_every_content_kind_can_be_checked(kind: InteractionKind) -> None:
    assert check_disclosure(content("#ad", kind=kind)).disclosed


@pytest.mark.parametrize("kind", ["like", "pitch", "conversion"])
def test_only_content_is_checked(kind: str) -> None:
    event = Interaction(id="e", occurred_at=AT, influencer_id="i", kind=kind)
    with pytest.raises(ValidationError, match=kind) as caught:
        check_disclosure(event)
    assert caught.value.path == "content.kind"


def test_check_disclosure_refuses_wrong_arguments() -> None:
    with pytest.raises(ValidationError) as caught:
        check_disclosure(content(), campaign="cmp")  # type: ignore[arg-type]
    assert caught.value.path == "campaign"
    with pytest.raises(ValidationError) as caught:
        check_disclosure(content(), policy=("#ad",))  # type: ignore[arg-type]
    assert caught.value.path == "policy"


def test_a_custom_policy() -> None:
    german = DisclosurePolicy("DE", "a test", ["#werbung", "#anzeige"])
    assert check_disclosure(content("#Werbung"), policy=german).disclosed
    assert not check_disclosure(content("#ad"), policy=german).disclosed


@pytest.mark.parametrize(
    ("hashtags", "path"),
    [([], "hashtags"), (["ad"], "hashtags[0]"), (["#ad", "# ad"], "hashtags[1]")],
)
def test_a_bad_policy_is_refused(hashtags: list[str], path: str) -> None:
    with pytest.raises(ValidationError) as caught:
        DisclosurePolicy("bad", "a test", hashtags)
    assert caught.value.path == f"DisclosurePolicy.{path}"


tags = st.sampled_from(["#ad", "#AD", "#Sponsored", "#spring", "#vegan", "#adx", "#sponsor"])


@settings(max_examples=100)
@given(st.lists(tags, max_size=5), st.booleans())
def test_disclosed_exactly_when_an_accepted_tag_is_carried(
    carried: list[str], with_campaign: bool
) -> None:
    campaign = SPRING if with_campaign else None
    result = check_disclosure(content(*carried), campaign=campaign)
    accepted = {"#ad", "#sponsored"} | (
        {"#oatandemberpartner", "#spring"} if with_campaign else set()
    )
    assert result.disclosed is any(tag.lower() in accepted for tag in carried)
    assert all(tag in carried for tag in result.found)
