"""nanokit.serialization: round trips, strict reading, JSON paths in errors, streams, files."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import cattrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies import (
    STRATEGIES,
    consistent_workspaces,
    interactions,
    records,
    workspaces,
)

from nanokit import (
    Audience,
    Campaign,
    Compensation,
    Deal,
    Demographics,
    Influencer,
    Interaction,
    KpiTarget,
    MediaKit,
    Money,
    Platform,
    SocialAccount,
    ValidationError,
    Workspace,
)
from nanokit import serialization as ser
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

DOCS = Path(__file__).resolve().parents[1] / "docs" / "reference" / "document-format.md"

EVENT: dict[str, Any] = {
    "id": "ev-1",
    "occurred_at": "2026-05-03T18:00:00+00:00",
    "influencer_id": "inf-1",
    "kind": "like",
}
AUDIENCE: dict[str, Any] = {
    "platform": "instagram",
    "followers": 8000,
    "measured_at": "2026-05-01T00:00:00Z",
}
DEAL: dict[str, Any] = {
    "id": "d-1",
    "campaign_id": "c-1",
    "influencer_id": "i-1",
    "compensation": {},
}


def refused(run: Any, path: str, *, contains: str = "") -> ValidationError:
    """Assert that `run()` raises a ValidationError whose text names `path` (and `contains`)."""
    with pytest.raises(ValidationError) as caught:
        run()
    text = str(caught.value)
    assert path in text, text
    assert contains in text, text
    return caught.value


def only_json_types(data: object) -> bool:
    """Whether `data` is made only of the exact types `json.loads` returns."""
    if type(data) is dict:
        return all(type(key) is str and only_json_types(value) for key, value in data.items())
    if type(data) is list:
        return all(only_json_types(item) for item in data)
    return type(data) in (str, int, float, bool, type(None))


# -- round trips ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(STRATEGIES), ids=lambda kind: kind.__name__)
def test_every_type_round_trips(kind: type) -> None:
    @settings(
        max_examples=8 if kind is Workspace else 30,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(STRATEGIES[kind])
    def check(value: Any) -> None:
        data = to_dict(value)
        assert only_json_types(data), data
        text = to_json(value)
        assert json.loads(text) == data
        assert from_json(text, type(value)) == value
        assert from_dict(data, type(value)) == value
        assert from_json(to_json(value, indent=2), type(value)) == value

    check()


@settings(max_examples=25, deadline=None)
@given(st.lists(interactions(), max_size=6))
def test_json_lines_round_trip(events: list[Interaction]) -> None:
    lines = list(dump_jsonl(events))
    assert all(line.endswith("\n") and line.count("\n") == 1 for line in lines)
    assert list(iter_jsonl(lines, Interaction)) == events
    as_bytes = [line.encode("utf-8") for line in lines]
    assert list(iter_jsonl(as_bytes, Interaction)) == events


@settings(max_examples=25, deadline=None)
@given(st.lists(records(), max_size=6))
def test_tagged_records_round_trip(mixed: list[Any]) -> None:
    lines = list(dump_records(mixed))
    for line, record in zip(lines, mixed, strict=True):
        assert json.loads(line)["type"] == type(record).__name__.lower()
        assert line.startswith('{"type":')
    back = list(iter_records(lines))
    assert back == mixed
    assert [type(record) for record in back] == [type(record) for record in mixed]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workspaces())
def test_documents_round_trip(workspace: Workspace) -> None:
    text = dump_document(workspace)
    assert load_document(text) == workspace
    assert load_document(text.encode("utf-8")) == workspace
    assert dump_document(load_document(text)) == text
    assert load_document(dump_document(workspace, indent=None)) == workspace


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(consistent_workspaces())
def test_consistent_documents_load_strictly(workspace: Workspace) -> None:
    assert load_document(dump_document(workspace), strict=True) == workspace


def test_document_layout() -> None:
    data = json.loads(dump_document(Workspace()))
    assert list(data) == ["schema", "influencers", "campaigns", "deals", "interactions"]
    assert data["schema"] == SCHEMA == "nanokit/1"
    assert load_document({"schema": "nanokit/1"}) == Workspace()


# -- what is written --------------------------------------------------------------------------


def test_defaults_are_left_out_and_accepted_either_way() -> None:
    event = from_dict(EVENT, Interaction)
    assert to_dict(event) == EVENT
    explicit = {**EVENT, "count": 1, "provenance": "measured", "note": "", "hashtags": []}
    explicit |= {"campaign_id": None, "value": None}
    assert from_dict(explicit, Interaction) == event


def test_money_is_written_with_a_string_amount_and_its_currency() -> None:
    assert to_dict(Money("20.00")) == {"amount": "20.00", "currency": "USD"}
    assert to_dict(Money("1E+3", "EUR")) == {"amount": "1000", "currency": "EUR"}
    assert to_dict(Money("-0.50", "JPY")) == {"amount": "-0.50", "currency": "JPY"}
    assert from_dict({"amount": "20.00"}, Money) == Money("20.00", "USD")


def test_decimals_are_strings_and_keep_their_digits() -> None:
    target = KpiTarget("engagement_rate", "0.050")
    assert to_dict(target) == {"kpi": "engagement_rate", "value": "0.050"}
    assert str(from_dict(to_dict(target), KpiTarget).value) == "0.050"


def test_times_dates_enums_and_shares() -> None:
    zone = dt.timezone(dt.timedelta(hours=5, minutes=30))
    snapshot = Audience(
        Platform.TIKTOK,
        5,
        dt.datetime(2026, 5, 3, 18, 0, 0, 123, tzinfo=zone),
        demographics=Demographics(countries={"US": 0.6, "CA": 0.2}),
    )
    data = to_dict(snapshot)
    assert data["measured_at"] == "2026-05-03T18:00:00.000123+05:30"
    assert data["platform"] == "tiktok"
    assert type(data["platform"]) is str
    assert data["demographics"] == {"countries": {"CA": 0.2, "US": 0.6}}
    assert to_dict(MediaKit(dt.date(2026, 3, 1), url="u"))["received_on"] == "2026-03-01"


def test_times_are_read_with_any_iso_offset_and_normalised_to_fixed_offsets() -> None:
    for text, offset in [
        ("2026-05-03T18:00:00Z", dt.timedelta(0)),
        ("2026-05-03T18:00:00+05:30", dt.timedelta(hours=5, minutes=30)),
        ("2026-05-03T18:00:00-0700", dt.timedelta(hours=-7)),
        ("20260503T180000Z", dt.timedelta(0)),
    ]:
        moment = from_dict({**EVENT, "occurred_at": text}, Interaction).occurred_at
        assert moment.utcoffset() == offset
        assert isinstance(moment.tzinfo, dt.timezone)


def test_json_lines_never_hold_a_raw_line_separator() -> None:
    event = from_dict({**EVENT, "note": "one\u2028two\u2029three\nfour"}, Interaction)
    (line,) = dump_jsonl([event])
    assert len(line.splitlines()) == 1
    assert next(iter_jsonl([line], Interaction)) == event


def test_non_ascii_text_is_written_as_is() -> None:
    sam = Influencer(id="inf-1", name="Zoë 山田", accounts=[SocialAccount("x", "@zoë")])
    assert "Zoë 山田" in to_json(sam)
    assert from_json(to_json(sam).encode("utf-8"), Influencer) == sam


def test_the_converter_is_private_and_rebuildable() -> None:
    assert ser.CONVERTER is not cattrs.global_converter
    assert ser.make_converter() is not ser.make_converter()
    assert ser.make_converter().unstructure(Money("1")) == {"amount": "1", "currency": "USD"}


def test_writing_something_json_cannot_hold_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="cannot be written as JSON"):
        to_json(object())
    with pytest.raises(ValidationError, match="not a workspace record"):
        list(dump_records([Money("1")]))  # type: ignore[list-item]
    with pytest.raises(ValidationError, match="expected a Workspace"):
        dump_document([])  # type: ignore[arg-type]


# -- refusals ---------------------------------------------------------------------------------


def test_unknown_key_is_refused_with_the_allowed_keys() -> None:
    error = refused(
        lambda: from_dict({**AUDIENCE, "folowers": 5}, Audience),
        "$.folowers",
        contains="unknown key 'folowers' (did you mean 'followers'?); expected one of",
    )
    assert "'avg_likes'" in str(error)


def test_unknown_key_deep_inside() -> None:
    data = {**DEAL, "compensation": {"cash_per_post": {"amount": "1", "curency": "EUR"}}}
    refused(
        lambda: from_dict(data, Deal),
        "$.compensation.cash_per_post.curency",
        contains="unknown key 'curency'",
    )


def test_missing_required_key_is_refused() -> None:
    error = refused(
        lambda: from_dict({"platform": "x"}, Audience),
        "$.followers",
        contains="missing required key 'followers'",
    )
    assert [problem.path for problem in error.errors] == ["$.followers", "$.measured_at"]
    assert "(and 1 more)" in str(error)
    refused(lambda: from_dict({}, Money), "$.amount", contains="missing required key 'amount'")


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (12.5, "got the number 12.5"),
        (12.0, "write 12, without a decimal point"),
        ("12", "write it without quotes"),
        (True, "got true"),
        (None, "got null"),
        ([12], "got an array"),
        (1e400, "got the number inf"),
    ],
)
def test_a_whole_number_field_takes_only_whole_numbers(value: object, hint: str) -> None:
    error = refused(
        lambda: from_dict({**AUDIENCE, "followers": value}, Audience),
        "$.followers",
        contains="expected a whole number",
    )
    assert hint in str(error)


def test_a_json_integer_above_the_digit_limit_is_invalid_json() -> None:
    refused(lambda: from_json('{"followers": ' + "9" * 5000 + "}", Audience), "invalid JSON")


@pytest.mark.parametrize("value", [5, 5.5, True, ["a"], {"a": 1}])
def test_a_text_field_refuses_other_types(value: object) -> None:
    refused(
        lambda: from_dict({**EVENT, "influencer_id": value}, Interaction),
        "$.influencer_id",
        contains="expected text",
    )


def test_text_with_an_unpaired_surrogate_is_refused() -> None:
    refused(
        lambda: from_json(json.dumps({**EVENT, "note": "a\ud800b"}), Interaction),
        "$.note",
        contains="unpaired surrogate",
    )


@pytest.mark.parametrize("value", [True, "633", "NaN", None, [1]])
def test_a_number_field_refuses_other_types(value: object) -> None:
    if value is None:  # null means unknown for an optional average
        assert from_dict({**AUDIENCE, "avg_likes": None}, Audience).avg_likes is None
        return
    refused(
        lambda: from_dict({**AUDIENCE, "avg_likes": value}, Audience),
        "$.avg_likes",
        contains="expected a number",
    )


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_literals_are_refused(literal: str) -> None:
    text = json.dumps(AUDIENCE)[:-1] + f', "avg_likes": {literal}}}'
    refused(lambda: from_json(text, Audience), "invalid JSON", contains=literal)


def test_a_float_overflowing_to_infinity_is_refused() -> None:
    text = json.dumps(AUDIENCE)[:-1] + ', "avg_likes": 1e400}'
    refused(lambda: from_json(text, Audience), "$.avg_likes", contains="finite number")


def test_an_exact_whole_number_is_accepted_for_an_average() -> None:
    assert from_dict({**AUDIENCE, "avg_likes": 633}, Audience).avg_likes == 633.0
    refused(
        lambda: from_dict({**AUDIENCE, "avg_likes": 2**60}, Audience),
        "$.avg_likes",
        contains="too large to be held exactly",
    )


@pytest.mark.parametrize("amount", [20.5, 20, 0.1, 1e400])
def test_money_given_as_a_json_number_is_refused(amount: object) -> None:
    data = {**DEAL, "compensation": {"cash_per_post": {"amount": amount}}}
    error = refused(
        lambda: from_dict(data, Deal),
        "$.compensation.cash_per_post.amount",
        contains="write the amount as a string",
    )
    assert "may lose digits" in str(error)


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("twenty", "expected a decimal number"),
        ("NaN", "finite"),
        ("1e999999999", "too large"),
        ("9" * 200, "characters is refused"),
        (True, "expected the amount as a string"),
        (None, "expected the amount as a string"),
    ],
)
def test_bad_amounts_are_refused_at_their_path(amount: object, message: str) -> None:
    data = {**DEAL, "compensation": {"fees": [{"description": "x", "amount": {"amount": amount}}]}}
    refused(
        lambda: from_dict(data, Deal), "$.compensation.fees[0].amount.amount", contains=message
    )


def test_money_currency_errors() -> None:
    refused(
        lambda: from_dict({"amount": "1", "currency": "usd"}, Money),
        "$.currency",
        contains="ISO 4217",
    )
    refused(
        lambda: from_dict({"amount": "1", "currency": 840}, Money),
        "$.currency",
        contains="ISO 4217",
    )
    refused(lambda: from_dict("20.00", Money), "$", contains='{"amount": "20.00"')


def test_a_decimal_given_as_a_number_is_refused() -> None:
    refused(
        lambda: from_dict({"kpi": "cpe", "value": 0.1}, KpiTarget),
        "$.value",
        contains='write the number as a string, "0.1"',
    )
    data = {**DEAL, "compensation": {"commission": {"rate": 0.1}}}
    refused(
        lambda: from_dict(data, Deal), "$.compensation.commission.rate", contains="as a string"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-05-03T18:00:00", "has no UTC offset"),
        ("2026-05-03", "has no UTC offset"),
        ("May 3rd 2026", "is not an ISO 8601 date and time"),
        ("2026-02-30T00:00:00Z", "is not an ISO 8601 date and time"),
        ("\uff12\uff10\uff12\uff16-05-03T18:00:00Z", "is not an ISO 8601 date and time"),
        ("2026-05-03T18:00:00Z" + " " * 100, "is not an ISO 8601 date and time"),
    ],
)
def test_bad_datetimes_are_refused(text: str, message: str) -> None:
    refused(
        lambda: from_dict({**EVENT, "occurred_at": text}, Interaction),
        "$.occurred_at",
        contains=message,
    )


@pytest.mark.parametrize("value", [1714759200, None, True, {"t": 1}])
def test_a_datetime_must_be_a_string(value: object) -> None:
    refused(
        lambda: from_dict({**EVENT, "occurred_at": value}, Interaction),
        "$.occurred_at",
        contains="ISO 8601 string",
    )


@pytest.mark.parametrize(
    "value", ["2026-5-3", "20260503", "2026-05-03T00:00:00Z", 20260503, "2026-13-01"]
)
def test_bad_dates_are_refused(value: object) -> None:
    data = {**DEAL, "usage_rights_until": value}
    refused(lambda: from_dict(data, Deal), "$.usage_rights_until", contains="date")


def test_a_bad_enum_value_lists_the_allowed_values() -> None:
    error = refused(
        lambda: from_dict({**EVENT, "kind": "poke"}, Interaction),
        "$.kind",
        contains="got the string 'poke'",
    )
    assert "'pitch'" in str(error)
    assert "'conversion'" in str(error)
    refused(
        lambda: from_dict({**EVENT, "kind": "LIKE"}, Interaction),
        "$.kind",
        contains="expected one of",
    )
    refused(
        lambda: from_dict({**EVENT, "kind": 3}, Interaction), "$.kind", contains="the number 3"
    )


def test_an_array_field_refuses_text_and_objects() -> None:
    refused(
        lambda: from_dict({**EVENT, "hashtags": "#ad"}, Interaction),
        "$.hashtags",
        contains="expected an array, got the string '#ad'",
    )
    refused(
        lambda: from_dict({**EVENT, "hashtags": {"#ad": 1}}, Interaction),
        "$.hashtags",
        contains="expected an array, got an object",
    )


def test_an_object_field_refuses_other_values() -> None:
    refused(
        lambda: from_dict({**DEAL, "compensation": []}, Deal),
        "$.compensation",
        contains="expected an object (the fields of Compensation), got an array",
    )


def test_shares_are_an_object_of_numbers() -> None:
    data = {**AUDIENCE, "demographics": {"age_bands": {"18-24": "half", "25-34": True}}}
    error = refused(
        lambda: from_dict(data, Audience),
        '$.demographics.age_bands["18-24"]',
        contains="expected a share in [0, 1]",
    )
    assert [problem.path for problem in error.errors] == [
        '$.demographics.age_bands["18-24"]',
        '$.demographics.age_bands["25-34"]',
    ]
    refused(
        lambda: from_dict({**AUDIENCE, "demographics": {"countries": [["US", 0.5]]}}, Audience),
        "$.demographics.countries",
        contains='{"US": 0.6',
    )
    refused(
        lambda: from_dict(
            {**AUDIENCE, "demographics": {"countries": {"US": 0.9, "CA": 0.2}}}, Audience
        ),
        "$.demographics.countries",
        contains="add up to 1.1",
    )


def test_a_key_written_twice_is_refused() -> None:
    text = (
        '{"platform": "x", "followers": 1, "followers": 2, "measured_at": "2026-05-01T00:00:00Z"}'
    )
    refused(lambda: from_json(text, Audience), "$.followers", contains="appears more than once")
    shares = json.dumps(AUDIENCE)[:-1] + ', "demographics": {"countries": {"US": 0.1, "US": 0.2}}}'
    refused(
        lambda: from_json(shares, Audience),
        "$.demographics.countries.US",
        contains="more than once",
    )
    money = '{"amount": "1", "amount": "2"}'
    refused(lambda: from_json(money, Money), "$.amount", contains="more than once")


def test_model_rules_are_reported_at_their_json_path() -> None:
    history = [
        {"status": "agreed", "at": "2026-01-02T00:00:00Z"},
        {"status": "in_progress", "at": "2026-01-01T00:00:00Z"},
    ]
    document = {
        "schema": SCHEMA,
        "deals": [DEAL, {**DEAL, "status": "in_progress", "history": history}],
    }
    refused(lambda: load_document(document), "$.deals[1].history[1].at", contains="oldest first")
    account = {"platform": "tiktok", "handle": "@s", "audience": {**AUDIENCE}}
    person = {"id": "i", "name": "S", "accounts": [account]}
    refused(
        lambda: load_document({"schema": SCHEMA, "influencers": [person]}),
        "$.influencers[0].accounts[0].audience",
        contains="measured on instagram, but the account is on tiktok",
    )
    refused(
        lambda: from_dict({**EVENT, "value": {"amount": "3"}}, Interaction),
        "$.value",
        contains="a like carries no value",
    )


def test_a_currency_mismatch_is_a_validation_error_at_the_object() -> None:
    data = {
        **DEAL,
        "compensation": {
            "cash_per_post": {"amount": "60", "currency": "USD"},
            "fees": [{"description": "x", "amount": {"amount": "1", "currency": "EUR"}}],
        },
    }
    refused(lambda: from_dict(data, Deal), "$.compensation", contains="one currency")


def test_every_problem_of_a_record_is_collected() -> None:
    data = {
        "id": "",
        "occurred_at": "2026-05-03T18:00:00",
        "influencer_id": 7,
        "kind": "poke",
        "count": "3",
        "colour": "red",
    }
    error = refused(lambda: from_dict(data, Interaction), "$.occurred_at", contains="(and 4 more)")
    assert [problem.path for problem in error.errors] == [
        "$.occurred_at",
        "$.influencer_id",
        "$.kind",
        "$.count",
        "$.colour",
    ]
    assert all(isinstance(problem, ValidationError) for problem in error.errors)


def test_errors_across_many_records_are_all_reported() -> None:
    bad = {**EVENT, "count": 0}
    document = {"schema": SCHEMA, "interactions": [EVENT, bad, {**EVENT, "kind": "x"}, bad]}
    error = refused(lambda: load_document(document), "$.interactions[1].count")
    assert [problem.path for problem in error.errors] == [
        "$.interactions[1].count",
        "$.interactions[2].kind",
        "$.interactions[3].count",
    ]


# -- invalid JSON -----------------------------------------------------------------------------


def test_invalid_json_names_line_and_column() -> None:
    text = '{\n  "schema": "nanokit/1",\n  "deals": [,]\n}'
    error = refused(lambda: load_document(text), "invalid JSON at line 3, column 13")
    assert error.line is None


@pytest.mark.parametrize("text", ["", "{", "[1, 2", '{"a" 1}', "nul", "{'a': 1}"])
def test_malformed_json_is_a_validation_error(text: str) -> None:
    refused(lambda: from_json(text, Money), "invalid JSON")


def test_bytes_that_are_not_utf8_are_refused() -> None:
    refused(lambda: from_json(b'{"amount": "\xff"}', Money), "not UTF-8 text")


def test_a_byte_order_mark_is_ignored() -> None:
    assert from_json(b'\xef\xbb\xbf{"amount": "1"}', Money) == Money("1")
    assert from_json('\ufeff{"amount": "1"}', Money) == Money("1")


def test_deep_nesting_is_refused_cleanly() -> None:
    refused(lambda: from_json("[" * 100_000 + "]" * 100_000, Money), "nests too deeply")


def test_json_text_must_be_text() -> None:
    refused(lambda: from_json(12, Money), "expected JSON text")  # type: ignore[arg-type]


# -- documents --------------------------------------------------------------------------------


@pytest.mark.parametrize("schema", ["nanokit/1", "nanokit/1.0", "nanokit/1.7", "nanokit/1.12"])
def test_schema_one_and_its_minor_versions_are_read(schema: str) -> None:
    assert load_document({"schema": schema, "deals": [DEAL]}).deals[0].id == "d-1"


@pytest.mark.parametrize("schema", ["nanokit/2", "nanokit/0", "nanokit/2.1", "nanokit/10"])
def test_another_major_version_is_refused(schema: str) -> None:
    error = refused(lambda: load_document({"schema": schema}), "$.schema", contains=repr(schema))
    assert "reads 'nanokit/1'" in str(error)
    assert error.path == "$.schema"


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        ("nanokit", "is not a nanokit schema"),
        ("nanokit/1.x", "is not a nanokit schema"),
        ("nanokit/01", "is not a nanokit schema"),
        ("otherkit/1", "is not a nanokit schema"),
        (" nanokit/1", "is not a nanokit schema"),
        (1, "expected the schema as a string"),
        (None, "expected the schema as a string"),
    ],
)
def test_an_invalid_schema_is_refused(schema: object, message: str) -> None:
    refused(lambda: load_document({"schema": schema}), "$.schema", contains=message)


def test_a_missing_schema_is_refused() -> None:
    refused(
        lambda: load_document('{"deals": []}'),
        "$.schema",
        contains="missing required key 'schema'",
    )


def test_a_document_is_an_object_with_known_collections() -> None:
    refused(lambda: load_document("[]"), "$", contains="expected an object (a nanokit document)")
    refused(
        lambda: load_document({"schema": SCHEMA, "deal": []}),
        "$.deal",
        contains="did you mean 'deals'?",
    )
    refused(
        lambda: load_document({"schema": SCHEMA, "influencers": {}}),
        "$.influencers",
        contains="expected an array",
    )


def test_strict_mode_lists_every_cross_record_problem() -> None:
    person = {"id": "inf-1", "name": "Sam", "accounts": [{"platform": "x", "handle": "@s"}]}
    plan = {
        "id": "cmp-1",
        "brand": "B",
        "name": "N",
        "objective": "ugc",
        "media_kind": "earned",
        "start": "2026-04-01",
    }
    document = {
        "schema": SCHEMA,
        "influencers": [person, person],
        "campaigns": [plan],
        "deals": [{**DEAL, "campaign_id": "cmp-9", "influencer_id": "inf-1"}],
        "interactions": [
            {**EVENT, "influencer_id": "inf-2", "deal_id": "d-9", "campaign_id": "cmp-1"},
            {
                **EVENT,
                "id": "ev-2",
                "influencer_id": "inf-1",
                "campaign_id": "cmp-1",
                "occurred_at": "2026-03-31T23:00:00+00:00",
            },
        ],
    }
    workspace = load_document(document)
    expected = workspace.problems()
    error = refused(lambda: load_document(document, strict=True), "$.influencers[1].id")
    assert [(problem.path, problem.message) for problem in error.errors] == expected
    assert [path for path, _ in expected] == [
        "$.influencers[1].id",
        "$.deals[0].campaign_id",
        "$.interactions[0].influencer_id",
        "$.interactions[0].deal_id",
        "$.interactions[1].occurred_at",
    ]
    assert f"(and {len(expected) - 1} more)" in str(error)


def test_mappings_text_and_bytes_are_all_accepted() -> None:
    document = {"schema": SCHEMA, "deals": [DEAL]}
    text = json.dumps(document)
    assert load_document(document) == load_document(text) == load_document(text.encode())


# -- JSON Lines -------------------------------------------------------------------------------


def test_a_json_lines_error_carries_its_line_number() -> None:
    lines = [json.dumps(EVENT), "", "   ", json.dumps({**EVENT, "count": 2.5})]
    error = refused(lambda: list(iter_jsonl(lines, Interaction)), "line 4: $.count")
    assert error.line == 4
    assert error.path == "$.count"


def test_json_lines_errors_keep_all_problems_of_the_line() -> None:
    lines = [json.dumps({**EVENT, "count": 2.5, "kind": "x"})]
    error = refused(
        lambda: list(iter_jsonl(lines, Interaction)), "line 1: $.kind", contains="(and 1 more)"
    )
    assert [problem.line for problem in error.errors] == [1, 1]


def test_invalid_json_in_a_line_names_line_and_column() -> None:
    lines = [json.dumps(EVENT), '{"id": "ev-2",, }']
    error = refused(
        lambda: list(iter_jsonl(lines, Interaction)), "line 2: invalid JSON at column 15"
    )
    assert error.line == 2


def test_on_error_collects_and_skips_bad_lines() -> None:
    lines = [json.dumps(EVENT), "not json", json.dumps({**EVENT, "kind": "x"}), json.dumps(EVENT)]
    problems: list[ValidationError] = []
    events = list(iter_jsonl(lines, Interaction, on_error=problems.append))
    assert len(events) == 2
    assert [problem.line for problem in problems] == [2, 3]


def test_json_lines_stream_lazily() -> None:
    endless = (json.dumps({**EVENT, "id": f"ev-{n}"}) for n in itertools.count())
    first = list(itertools.islice(iter_jsonl(endless, Interaction), 3))
    assert [event.id for event in first] == ["ev-0", "ev-1", "ev-2"]
    event = from_dict(EVENT, Interaction)
    written = list(itertools.islice(dump_jsonl(itertools.repeat(event)), 2))
    assert written == [to_json(event).replace(": ", ":").replace(", ", ",") + "\n"] * 2


def test_the_line_after_a_bad_one_is_not_read() -> None:
    def lines() -> Iterator[str]:
        yield "{"
        raise AssertionError("read past the bad line")  # pragma: no cover

    refused(lambda: next(iter_jsonl(lines(), Money)), "line 1: invalid JSON")


@pytest.mark.parametrize(
    ("line", "path", "message"),
    [
        ('{"id": "x"}', "$.type", "missing required key 'type'"),
        ('{"type": "brand"}', "$.type", "got the string 'brand'"),
        ('{"type": 3}', "$.type", "got the number 3"),
        ("[1]", "$", 'expected an object with a "type" key'),
        ('{"type": "deal", "id": "d-1"}', "$.campaign_id", "missing required key"),
    ],
)
def test_bad_tagged_records_are_refused(line: str, path: str, message: str) -> None:
    error = refused(lambda: list(iter_records(["", line])), f"line 2: {path}", contains=message)
    assert error.line == 2


def test_tagged_records_honour_on_error() -> None:
    lines = ['{"type": "brand"}', json.dumps({"type": "deal", **DEAL})]
    problems: list[ValidationError] = []
    assert [deal.id for deal in iter_records(lines, on_error=problems.append)] == ["d-1"]
    assert problems[0].path == "$.type"


# -- files ------------------------------------------------------------------------------------


def test_json_lines_files_round_trip(tmp_path: Path) -> None:
    events = [from_dict({**EVENT, "id": f"ev-{n}"}, Interaction) for n in range(5)]
    target = tmp_path / "log.jsonl"
    assert ser.write_jsonl(target, events) == 5
    assert list(ser.read_jsonl(target, Interaction)) == events
    assert target.read_bytes().count(b"\n") == 5
    assert list(tmp_path.iterdir()) == [target]


def test_an_interrupted_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "log.jsonl"
    ser.write_jsonl(target, [Money("1")])
    before = target.read_bytes()

    def broken() -> Iterator[Money]:
        yield Money("2")
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError, match="interrupted"):
        ser.write_jsonl(target, broken())
    assert target.read_bytes() == before
    assert list(tmp_path.iterdir()) == [target]


def test_written_files_follow_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    ser.write_text(target, "hello\n")
    mode = target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask


def test_record_and_document_files(tmp_path: Path) -> None:
    records_file = tmp_path / "records.jsonl"
    person = Influencer(id="inf-1", name="Sam", accounts=[SocialAccount("x", "@s")])
    assert ser.write_records(records_file, [person]) == 1
    assert list(ser.read_records(records_file)) == [person]
    document_file = tmp_path / "workspace.json"
    workspace = Workspace(influencers=[person])
    ser.write_document(document_file, workspace)
    assert document_file.read_text(encoding="utf-8").endswith("}\n")
    assert ser.read_document(document_file, strict=True) == workspace


def test_a_bom_at_the_start_of_a_file_is_ignored(tmp_path: Path) -> None:
    target = tmp_path / "bom.jsonl"
    target.write_bytes(b'\xef\xbb\xbf{"amount": "1"}\n{"amount": "2"}\n')
    assert list(ser.read_jsonl(target, Money)) == [Money("1"), Money("2")]


def test_a_bad_line_in_a_file_names_its_line(tmp_path: Path) -> None:
    target = tmp_path / "bad.jsonl"
    target.write_bytes(b'{"amount": "1"}\n\n{"amount": "\xff"}\n')
    refused(lambda: list(ser.read_jsonl(target, Money)), "line 3: not UTF-8 text")


# -- hostile input never escapes as anything but ValidationError -------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=12,
)


@pytest.mark.parametrize("kind", [Influencer, Campaign, Deal, Interaction, Audience, Money])
def test_arbitrary_json_is_read_or_refused_cleanly(kind: type) -> None:
    @settings(max_examples=60, deadline=None)
    @given(json_values)
    def check(data: Any) -> None:
        try:
            from_dict(data, kind)
        except ValidationError as error:
            problems = error.errors
        else:
            return
        assert problems
        assert all(isinstance(problem, ValidationError) for problem in problems)

    check()


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, (*path, index))
    else:
        yield path


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records(), st.data())
def test_a_corrupted_record_is_read_or_refused_with_json_paths(
    record: Any, data: st.DataObject
) -> None:
    document = to_dict(record)
    path = data.draw(st.sampled_from(list(_leaves(document))))
    if not path:
        return
    replacement = data.draw(json_values)
    holder = document
    for step in path[:-1]:
        holder = holder[step]
    holder[path[-1]] = replacement
    try:
        from_dict(document, type(record))
    except ValidationError as error:
        problems = error.errors
    else:
        return
    for problem in problems:
        assert problem.path is not None
        assert problem.path.startswith("$")


# -- the documentation page -------------------------------------------------------------------


def _json_blocks() -> list[str]:
    text = DOCS.read_text(encoding="utf-8")
    return re.findall(r"```json\n(.*?)```", text, flags=re.DOTALL)


def test_the_format_page_has_an_example_of_each_record_type() -> None:
    blocks = _json_blocks()
    assert blocks
    kinds = set()
    for block in blocks:
        lines = block.strip().splitlines()
        if block.lstrip().startswith('{"type"'):
            kinds |= {type(record) for record in iter_records(lines)}
    assert kinds == {Influencer, Campaign, Deal, Interaction}


def test_every_json_example_in_the_format_page_is_valid() -> None:
    classes = {
        "accounts": Influencer,
        "brand": Campaign,
        "compensation": Deal,
        "kind": Interaction,
    }
    seen: set[type] = set()
    for block in _json_blocks():
        if block.lstrip().startswith('{"type"'):
            assert list(iter_records(block.strip().splitlines()))
            continue
        data = json.loads(block)
        if "schema" in data:
            assert load_document(block, strict=True).influencers
            continue
        (kind,) = {cls for key, cls in classes.items() if key in data}
        record = from_json(block, kind)
        assert to_dict(record) == data
        seen.add(kind)
    assert seen == {Influencer, Campaign, Deal, Interaction}


def test_decimal_values_survive_exactly() -> None:
    commission = {"rate": "0.123456789012345678901234567"}
    data = {**DEAL, "compensation": {"commission": commission}}
    assert from_dict(data, Deal).compensation.commission.rate == Decimal(commission["rate"])  # type: ignore[union-attr]
    assert from_dict(data, Deal).compensation == from_dict(
        {"commission": commission}, Compensation
    )
