"""nanokit.serialization's fast lane for interactions decides exactly as the ordinary path.

Interactions are read and written by a lane of their own (see the comment above
`_lane_line` in the module). The lane may only be quicker: for every line it either builds
the very object the ordinary path builds, or steps aside so that the ordinary path decides
(and gives its usual error). These tests compare the two on valid lines from
`tests.strategies` and on corrupted variants of them, with each parser the lane can use
(orjson when it is installed, the standard parser), and compare what the lane
writes with what `to_dict` and the standard encoder write.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies import interactions

from nanokit import Interaction, ValidationError
from nanokit import serialization as ser
from nanokit.kpi import KpiAccumulator
from nanokit.serialization import dump_jsonl, dump_records, iter_jsonl, iter_records, to_dict

HAS_ORJSON = importlib.util.find_spec("orjson") is not None

# The parsers the lane can use.
LANES: dict[str, Callable[[str | bytes], Any]] = {"stdlib": ser._loads_stdlib}
if HAS_ORJSON:
    LANES["orjson"] = ser._ORJSON.loads

EVENT: dict[str, Any] = {
    "id": "ev-1",
    "occurred_at": "2026-05-03T18:00:00+00:00",
    "influencer_id": "inf-1",
    "kind": "conversion",
    "campaign_id": "cmp-1",
    "value": {"amount": "45.00", "currency": "USD"},
    "platform": "instagram",
}

PROPERTY = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(params=sorted(LANES))
def lane(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(ser, "_fast_loads", LANES[request.param])
    return str(request.param)


def reference(line: str | bytes, tagged: bool) -> tuple[str, object]:
    """What the ordinary path makes of one line: ("ok", object) or ("error", message)."""
    try:
        if tagged:
            return ("ok", ser._read_record(line, 1))
        hook = ser.CONVERTER.get_structure_hook(Interaction)
        return ("ok", ser._structure(ser._parse(line, 1), Interaction, hook, 1))
    except ValidationError as error:
        return ("error", str(error))


def public(line: str | bytes, tagged: bool) -> tuple[str, object]:
    """What the public reader (lane first) makes of the same line."""
    try:
        found = list(iter_records([line]) if tagged else iter_jsonl([line], Interaction))
    except ValidationError as error:
        return ("error", str(error))
    assert len(found) == 1
    return ("ok", found[0])


def agree(line: str | bytes, tagged: bool = False) -> tuple[str, object]:
    """Assert the lane and the ordinary path agree on `line`; return the verdict."""
    expected = reference(line, tagged)
    assert public(line, tagged) == expected
    fields = ser._lane_line(line, tagged)
    if fields is not None:  # the lane only ever takes what the ordinary path takes
        assert expected[0] == "ok"
        built = ser._lane_interaction(fields)
        assert built == expected[1]
        assert repr(built) == repr(expected[1])
        assert [type(getattr(built, name)) for name in ser._LANE_FIELDS] == [
            type(getattr(expected[1], name)) for name in ser._LANE_FIELDS
        ]
    return expected


def lines_of(event: Interaction, tagged: bool) -> Iterator[str | bytes]:
    """The line nanokit writes for `event`, as text and bytes, compact and spaced."""
    data = {"type": "interaction", **to_dict(event)} if tagged else to_dict(event)
    for text in (
        json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        json.dumps(data, ensure_ascii=False),
        json.dumps(data),  # \\u escapes for anything beyond ASCII
        json.dumps(dict(reversed(data.items())), ensure_ascii=False),
    ):
        yield text
        yield (text + "\n").encode("utf-8")


# -- valid lines ------------------------------------------------------------------------------
@PROPERTY
@given(event=interactions(), tagged=st.booleans())
def test_every_valid_line_gives_the_same_object(
    lane: str, event: Interaction, tagged: bool
) -> None:
    for line in lines_of(event, tagged):
        verdict, built = agree(line, tagged)
        assert verdict == "ok"
        assert built == event
        if "\\" not in str(line):  # with no escape at all, the lane takes every valid line
            assert ser._lane_line(line, tagged) is not None


def test_the_lane_takes_what_nanokit_writes(lane: str) -> None:
    line = next(dump_jsonl([ser.from_dict(EVENT, Interaction)]))
    assert ser._lane_line(line, tagged=False) is not None
    assert ser._lane_line(line.encode(), tagged=False) is not None


# -- corrupted lines --------------------------------------------------------------------------
JSON_VALUES = st.sampled_from(
    [
        "null",
        "true",
        "false",
        "0",
        "1",
        "-1",
        "1.5",
        "1.0",
        "1e3",
        "18446744073709551616",
        "1000000000000001",
        '""',
        '" x"',
        '"x "',
        '"like"',
        '"Like"',
        '"instagram"',
        '"inbound"',
        '"email"',
        '"estimated"',
        '"2026-05-03T18:00:00"',
        '"2026-05-03T18:00:00Z"',
        '"2026-02-30T18:00:00+00:00"',
        '"2026-05-03 18:00:00+05:30"',
        '"#ad"',
        '"# ad"',
        '"\\u0041"',
        '"\\ud800"',
        '"a\\"b"',
        '"\u00e9t\u00e9"',
        '"\u2028"',
        "[]",
        '["#ad"]',
        '["#ad", "#ad"]',
        '["ad"]',
        "{}",
        '{"amount": "45.00"}',
        '{"amount": "45.00", "currency": "EUR"}',
        '{"amount": "-1"}',
        '{"amount": 45}',
        '{"amount": "45", "currency": "usd"}',
        '{"amount": "45", "amount": "46"}',
        '{"amount": "NaN"}',
        '{"amount": "1e999"}',
        "NaN",
        "Infinity",
        '"' + "x" * 201 + '"',
    ]
)
KEYS = st.sampled_from([*ser._LANE_FIELDS, "type", "extra", "Id", "valeur"])


@st.composite
def corrupted(draw: st.DrawFn) -> tuple[str | bytes, bool]:
    """A line that nanokit wrote, then damaged in one or two ways."""
    event = draw(interactions())
    tagged = draw(st.booleans())
    data: dict[str, str] = {}  # key -> the JSON text of its value
    if tagged:
        data["type"] = '"interaction"'
    for key, value in to_dict(event).items():
        data[key] = json.dumps(value, ensure_ascii=False)
    pairs = list(data.items())
    for _ in range(draw(st.integers(1, 2))):
        action = draw(st.sampled_from(["set", "drop", "twice", "move", "space"]))
        if action == "set":
            key = draw(KEYS)
            value = draw(JSON_VALUES)
            pairs = [(k, v) for k, v in pairs if k != key] + [(key, value)]
            if draw(st.booleans()):  # keep the fields' order when the key is known
                order = {name: index for index, name in enumerate(["type", *ser._LANE_FIELDS])}
                pairs.sort(key=lambda pair: order.get(pair[0], 99))
        elif action == "drop" and pairs:
            pairs.pop(draw(st.integers(0, len(pairs) - 1)))
        elif action == "twice" and pairs:
            key, value = pairs[draw(st.integers(0, len(pairs) - 1))]
            pairs.insert(
                draw(st.integers(0, len(pairs))), (key, draw(JSON_VALUES | st.just(value)))
            )
        elif action == "move" and pairs:
            pairs.append(pairs.pop(draw(st.integers(0, len(pairs) - 1))))
        elif action == "space":
            pairs = [(k, f" {v} ") for k, v in pairs]
    separator = draw(st.sampled_from([",", ", ", " ,\n"]))
    colon = draw(st.sampled_from([":", ": ", " :"]))
    text = "{" + separator.join(f'"{k}"{colon}{v}' for k, v in pairs) + "}"
    damage = draw(st.sampled_from(["none", "none", "bom", "cut", "tail", "latin-1", "array"]))
    if damage == "bom":
        text = "\ufeff" + text
    elif damage == "cut":
        text = text[: draw(st.integers(0, len(text) - 1))]
    elif damage == "tail":
        text += draw(st.sampled_from([" x", "}", ",", "\n\n"]))
    elif damage == "array":
        text = f"[{text}]"
    if damage == "latin-1":
        return text.encode("latin-1", errors="replace"), tagged
    as_bytes = draw(st.booleans())
    return (text.encode("utf-8", errors="surrogatepass") if as_bytes else text), tagged


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(case=corrupted())
def test_damaged_lines_get_the_same_verdict(lane: str, case: tuple[str | bytes, bool]) -> None:
    line, tagged = case
    if not line.strip():
        return
    agree(line, tagged)


@pytest.mark.parametrize(
    "line",
    [
        '{"id":"e","occurred_at":"2026-05-03T18:00:00Z","influencer_id":"i","kind":"like","kind":"post"}',
        '{"id":"e","occurred_at":"2026-05-03T18:00:00Z","influencer_id":"i","kind":"like","count":2,"count":3}',
        '{"id":"e","occurred_at":"2026-05-03T18:00:00Z","influencer_id":"i","kind":"like","note":"a","note":"b"}',
        '{"id":"e","occurred_at":"2026-05-03T18:00:00Z","influencer_id":"i" ,"influencer_id":"j","kind":"like"}',
        '{"id":"e","occurred_at":"2026-05-03T18:00:00Z","influencer_id":"i","kind":"like","note":"say \\"hi\\"","note":"x"}',
        '{"id":"e","occurred_at":"2026-05-03T18:00:00Z","influencer_id":"i","kind":"conversion","value":{"amount":"1","amount":"2"}}',
    ],
)
def test_a_key_written_twice_is_refused_by_every_lane(lane: str, line: str) -> None:
    verdict, message = agree(line)
    assert verdict == "error"
    assert "appears more than once" in str(message)
    assert ser._lane_line(line, tagged=False) is None


@pytest.mark.parametrize(
    ("line", "field"),
    [
        (
            '{"id":"e","occurred_at":"2026-05-03T18:00:00","influencer_id":"i","kind":"like"}',
            "occurred_at",
        ),
        (
            '{"id":" e","occurred_at":"2026-05-03T18:00:00Z","influencer_id":"i","kind":"like"}',
            "id",
        ),
        (
            '{"id":"e","occurred_at":"2026-05-03T18:00:00Z","influencer_id":"i","kind":"like","count":0}',
            "count",
        ),
        (
            '{"id":"e","occurred_at":"2026-05-03T18:00:00Z","influencer_id":"i","kind":"like","count":2.0}',
            "count",
        ),
        (
            '{"id":"e","occurred_at":"2026-05-03T18:00:00Z","influencer_id":"i","kind":"like","value":{"amount":"1"}}',
            "value",
        ),
        (
            '{"id":"e","occurred_at":"2026-05-03T18:00:00Z","influencer_id":"i","kind":"reply","channel":"fax"}',
            "channel",
        ),
        (
            '{"id":"e","occurred_at":"2026-05-03T18:00:00Z","influencer_id":"i","kind":"post","hashtags":["#a b"]}',
            "hashtags",
        ),
        (
            '{"id":"e","occurred_at":"2026-05-03T18:00:00Z","influencer_id":"i","kind":"like","platform":"myspace"}',
            "platform",
        ),
        (
            '{"id":"e","occurred_at":"2026-05-03T18:00:00Z","influencer_id":"i","kind":"like","note":"\\ud800"}',
            "note",
        ),
    ],
)
def test_refusals_name_the_field_whatever_the_lane(lane: str, line: str, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        list(iter_jsonl([line], Interaction))
    assert f"$.{field}" in str(caught.value)
    assert caught.value.line == 1
    agree(line)


# -- the accumulator's lean reader ------------------------------------------------------------
@PROPERTY
@given(events=st.lists(interactions(), max_size=6), noise=st.lists(corrupted(), max_size=3))
def test_read_jsonl_sums_what_update_sums(
    lane: str, events: list[Interaction], noise: list[tuple[str | bytes, bool]]
) -> None:
    lines: list[str | bytes] = list(dump_jsonl(events))
    for line, tagged in noise:
        if not tagged:
            lines.insert(len(lines) // 2, line)
    seen: list[str] = []
    objects: list[str] = []
    lean = KpiAccumulator("deal").read_jsonl(lines, on_error=lambda e: seen.append(str(e)))
    full = KpiAccumulator("deal").update(
        iter_jsonl(lines, Interaction, on_error=lambda e: objects.append(str(e)))
    )
    assert lean == full
    assert seen == objects


@PROPERTY
@given(events=st.lists(interactions(), max_size=6))
def test_read_jsonl_of_tagged_records_keeps_the_rest(lane: str, events: list[Interaction]) -> None:
    lines = list(dump_records(events))
    kept: list[object] = []
    lean = KpiAccumulator().read_jsonl(lines, tagged=True, keep=kept.append)
    assert lean == KpiAccumulator().update(events)
    assert kept == []


# -- writing ----------------------------------------------------------------------------------
WRITERS = ["stdlib", "orjson"] if HAS_ORJSON else ["stdlib"]


@pytest.mark.parametrize("writer", WRITERS)
@PROPERTY
@given(event=interactions())
def test_the_lane_writes_what_the_converter_writes(
    monkeypatch: pytest.MonkeyPatch, writer: str, event: Interaction
) -> None:
    if writer == "stdlib":
        monkeypatch.setattr(ser, "_ORJSON", None)
    data = ser._interaction_data(event)
    assert data == ser.CONVERTER.unstructure(event)
    assert list(data) == list(ser.CONVERTER.unstructure(event))
    assert ser._write_interaction(event) == ser._encode(data, ser._LINE_ENCODER)
    expected = ser._line(to_dict(event))
    assert ser._lane_dump(event, tagged=False) == expected
    assert next(dump_jsonl([event])) == expected
    tagged = ser._line({"type": "interaction", **to_dict(event)})
    assert ser._lane_dump(event, tagged=True) == tagged
    assert next(dump_records([event])) == tagged


@pytest.mark.skipif(not HAS_ORJSON, reason="orjson is not installed (the `fast` extra)")
@PROPERTY
@given(event=interactions(), text=st.text(max_size=40))
def test_orjson_writes_the_characters_the_standard_encoder_writes(
    event: Interaction, text: str
) -> None:
    data = {**ser._interaction_data(event), "note": text}
    assert ser._dumps_orjson(data) == ser._encode(data, ser._LINE_ENCODER)
    utc = ser._interaction_data(event, for_orjson=True)
    assert ser._dumps_orjson(utc) == ser._encode(ser._interaction_data(event), ser._LINE_ENCODER)


def test_the_lane_steps_aside_when_the_class_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    line = json.dumps(EVENT)
    monkeypatch.setattr(ser, "_LANE_OPEN", False)
    assert list(iter_jsonl([line], Interaction)) == [ser.from_dict(EVENT, Interaction)]
    event = ser.from_dict(EVENT, Interaction)
    assert next(dump_jsonl([event])) == ser._line(to_dict(event))
    assert list(iter_records(['{"type": "interaction", ' + line[1:]])) == [event]
