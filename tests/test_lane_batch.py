"""The fast lane reads JSON Lines in batches, and decides exactly as the ordinary path does.

`nanokit.serialization` parses a run of interaction lines as one JSON array (`_lane_batch`
says why item `i` of the array is then line `i`), checks every item, and reads the lines one
by one again when it is not sure; `KpiAccumulator.read_jsonl` (and so `LogSummary.read`)
always does, `iter_jsonl` and `iter_records` for lines given as a list (others are read one
at a time). These tests compare every reader with a reference that reads each line alone
by the ordinary path: the same objects, sums, errors, line numbers, `on_error` and `keep`
calls, in the same order. The logs are valid, damaged (bad lines anywhere in a batch, blank lines, CRLF,
escaped quotes, keys written twice, other records), and cut and joined at random so that
lines only make JSON together.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies import identifiers, interactions, records
from tests.test_serialization_fast import corrupted

from nanokit import CurrencyMismatchError, Interaction, Money, Platform, ValidationError
from nanokit import serialization as ser
from nanokit.kpi import KpiAccumulator, LogSummary
from nanokit.serialization import dump_jsonl, dump_records, iter_jsonl, iter_records

PARSERS: dict[str, Callable[[str | bytes], Any]] = {"stdlib": ser._loads_stdlib}
if importlib.util.find_spec("orjson") is not None:
    PARSERS["orjson"] = ser._ORJSON.loads

PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

Event = tuple[Any, ...]


@pytest.fixture(params=sorted(PARSERS))
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(ser, "_fast_loads", PARSERS[request.param])
    return str(request.param)


@contextmanager
def batches(size: int, run: int) -> Iterator[None]:
    """Read `size` lines at a time, and batch runs of at least `run` lines."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ser, "_BATCH", size)
        patch.setattr(ser, "_MIN_RUN", run)
        yield


def ordinary(lines: list[Any], tagged: bool) -> list[Event]:
    """Each non-blank line read alone by the ordinary path: ("ok", object) or ("error", ...)."""
    hook = None if tagged else ser.CONVERTER.get_structure_hook(Interaction)
    events: list[Event] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            events.append(("ok", ser._read_line(line, number, Interaction, hook)))
        except ValidationError as error:
            events.append(("error", str(error), error.line))
    return events


def read(lines: Iterable[Any], tagged: bool) -> list[Event]:
    """The same through the public reader, `on_error` calls in place."""
    events: list[Event] = []

    def report(error: ValidationError) -> None:
        events.append(("error", str(error), error.line))

    found = (
        iter_records(lines, on_error=report)
        if tagged
        else iter_jsonl(lines, Interaction, on_error=report)
    )
    for obj in found:
        events.append(("ok", obj))
    return events


def summed(events: list[Event]) -> tuple[KpiAccumulator, list[Event]]:
    """What `read_jsonl` must give for these events: the sums, and the calls in order."""
    accumulator = KpiAccumulator("deal")
    calls: list[Event] = []
    for event in events:
        if event[0] == "error":
            calls.append(event)
        elif isinstance(event[1], Interaction):
            accumulator.add(event[1])
        else:
            calls.append(("keep", event[1]))
    return accumulator, calls


def check_every_reader(lines: list[Any], tagged: bool) -> list[Event]:
    """Assert that every reader, batched or not, agrees with the ordinary path on `lines`."""
    expected = ordinary(lines, tagged)
    assert read(lines, tagged) == expected  # a list: in batches
    assert read(iter(lines), tagged) == expected  # one line at a time
    # The accumulator, collecting every error.
    calls: list[Event] = []
    accumulator = KpiAccumulator("deal").read_jsonl(
        lines,
        tagged=tagged,
        keep=lambda record: calls.append(("keep", record)),
        on_error=lambda error: calls.append(("error", str(error), error.line)),
    )
    assert (accumulator, calls) == summed(expected)
    # Stopping at the first error: the same error, and the lines before it added.
    first = next((at for at, event in enumerate(expected) if event[0] == "error"), None)
    partial = KpiAccumulator("deal")
    if first is None:
        partial.read_jsonl(lines, tagged=tagged)
        assert partial == summed(expected)[0]
        assert list(iter_records(lines) if tagged else iter_jsonl(lines, Interaction)) == [
            event[1] for event in expected
        ]
    else:
        with pytest.raises(ValidationError) as caught:
            partial.read_jsonl(lines, tagged=tagged)
        assert (str(caught.value), caught.value.line) == expected[first][1:]
        assert partial == summed(expected[:first])[0]
        taken: list[object] = []
        found = iter_records(lines) if tagged else iter_jsonl(lines, Interaction)
        with pytest.raises(ValidationError) as caught:
            taken.extend(found)
        assert (str(caught.value), caught.value.line) == expected[first][1:]
        assert taken == [event[1] for event in expected[:first]]
    if tagged:
        assert summarised(lines) == summarised_alone(expected)
    return expected


def summarised(lines: list[Any]) -> tuple[LogSummary, list[Event], str]:
    """`LogSummary.read`: the summary, the errors, and what stopped it (a record twice)."""
    summary = LogSummary("deal")
    errors: list[Event] = []
    try:
        summary.read(lines, on_error=lambda error: errors.append((str(error), error.line)))
    except ValidationError as error:
        return summary, errors, str(error)
    return summary, errors, ""


def summarised_alone(events: list[Event]) -> tuple[LogSummary, list[Event], str]:
    """What `summarised` must give for these events."""
    summary = LogSummary("deal")
    errors: list[Event] = []
    for event in events:
        if event[0] == "error":
            errors.append(event[1:])
            continue
        try:
            summary.add(event[1])
        except ValidationError as error:
            return summary, errors, str(error)
    return summary, errors, ""


# -- logs -------------------------------------------------------------------------------------
RELATED = interactions(
    influencer_ids=st.sampled_from(["inf-1", "inf-2"]),
    campaign_ids=st.sampled_from([None, "cmp-1"]),
    deal_ids=st.sampled_from([None, "deal-1"]),
)
"""Interactions of few relationships (each seen many times), in one currency at most."""

BLANKS = st.sampled_from(["", "\n", "  \r\n", "\t"])


def one_currency(event: Interaction) -> Interaction:
    """The event with its value, if any, in US dollars (no currency clash)."""
    if event.value is None or event.value.currency == "USD":
        return event
    return ser.from_dict({**ser.to_dict(event), "value": {"amount": "1.50"}}, Interaction)


@st.composite
def logs(draw: st.DrawFn) -> tuple[list[Any], bool]:
    """A log nanokit wrote, then damaged here and there: lines as text or bytes."""
    tagged = draw(st.booleans())
    events = [
        one_currency(event) for event in draw(st.lists(RELATED | interactions(), max_size=24))
    ]
    lines: list[str] = list(dump_records(events) if tagged else dump_jsonl(events))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(lines)))
        damage = draw(st.sampled_from(["corrupt", "blank", "record", "quote", "twice", "spaced"]))
        if damage == "corrupt":
            line, line_tagged = draw(corrupted())
            if line_tagged == tagged:
                text = line.decode("utf-8", "replace") if isinstance(line, bytes) else line
                lines.insert(at, text + "\n")
        elif damage == "blank":
            lines.insert(at, draw(BLANKS))
        elif damage == "record" and tagged:
            lines.insert(at, next(dump_records([draw(records())])))
        elif damage in ("quote", "twice", "spaced") and at < len(lines):
            try:
                data = json.loads(lines[at])
            except ValueError:
                continue
            if not isinstance(data, dict):
                continue
            if damage == "quote":  # an escaped quote: the lane cannot count on the quotes
                data["note"] = 'say "hi"'
                lines[at] = json.dumps(data, ensure_ascii=False) + "\n"
            elif damage == "twice":  # a key written twice: the ordinary path refuses it
                lines[at] = lines[at].rstrip("\n")[:-1] + ',"id":"again"}\n'
            else:
                lines[at] = json.dumps(data) + "\n"
    ending = draw(st.sampled_from(["\n", "\r\n", ""]))
    lines = [line[:-1] + ending if line.endswith("\n") else line for line in lines]
    if draw(st.booleans()):
        return [line.encode("utf-8", "surrogatepass") for line in lines], tagged
    return lines, tagged


SIZES = st.tuples(st.integers(1, 12), st.integers(1, 5))


@PROPERTY
@given(log=logs(), sizes=SIZES)
def test_batched_reading_is_reading_line_by_line(
    parser: str, log: tuple[list[Any], bool], sizes: tuple[int, int]
) -> None:
    lines, tagged = log
    with batches(*sizes):
        check_every_reader(lines, tagged)


@PROPERTY
@given(
    events=st.lists(RELATED, min_size=1, max_size=40),
    tagged=st.booleans(),
    as_bytes=st.booleans(),
)
def test_a_clean_log_is_read_in_batches(
    parser: str, events: list[Interaction], tagged: bool, as_bytes: bool
) -> None:
    events = [one_currency(event) for event in events]
    lines: list[Any] = list(dump_records(events) if tagged else dump_jsonl(events))
    if as_bytes:
        lines = [line.encode() for line in lines]
    with batches(16, 4):
        chunks = list(ser._lane_chunks(lines, tagged, lane=True))
        if "\\" not in str(lines):  # no escape at all: the lane takes every line, in batches
            assert all(isinstance(chunk, list) for chunk in chunks)
            assert sum(map(len, chunks)) == len(lines)
            assert len(chunks) == -(-len(lines) // 16)  # one per block
        assert check_every_reader(lines, tagged) == [("ok", event) for event in events]


# -- lines that only make JSON together -------------------------------------------------------
@st.composite
def cut_logs(draw: st.DrawFn) -> tuple[list[str], bool]:
    """Valid lines joined into one text (with commas, or brackets), then cut anywhere."""
    tagged = draw(st.booleans())
    events = draw(st.lists(RELATED, min_size=2, max_size=8))
    texts = [
        line.rstrip("\n") for line in (dump_records(events) if tagged else dump_jsonl(events))
    ]
    joint = draw(st.sampled_from([",", ", ", ",\n", "\n,", "],[", "}, {"]))
    whole = joint.join(texts)
    if draw(st.booleans()):
        whole = f"[{whole}]"
    cuts = sorted(draw(st.lists(st.integers(1, len(whole) - 1), max_size=12, unique=True)))
    return [
        whole[start:stop] for start, stop in zip([0, *cuts], [*cuts, len(whole)], strict=True)
    ], tagged


@st.composite
def regrouped_logs(draw: st.DrawFn) -> tuple[list[str], bool]:
    """Valid objects regrouped into lines: two on one line, one across two lines, commas."""
    tagged = draw(st.booleans())
    events = draw(st.lists(RELATED, min_size=2, max_size=10))
    texts = [
        line.rstrip("\n") for line in (dump_records(events) if tagged else dump_jsonl(events))
    ]
    lines: list[str] = []
    while texts:
        how = draw(st.sampled_from(["alone", "two", "split", "comma", "lead"]))
        text = texts.pop(0)
        if how == "two" and texts:
            lines.append(text + draw(st.sampled_from([",", ", ", " , "])) + texts.pop(0))
        elif how == "split":
            at = draw(st.integers(1, len(text) - 1))
            lines += [text[:at], text[at:]]
        elif how == "comma":
            lines.append(text + ",")
        elif how == "lead":
            lines.append("," + text)
        else:
            lines.append(text)
    return lines, tagged


ADVERSARIAL = [
    # Joined with their neighbours these make an array of as many items as lines.
    ['{"x": 1}, {"y": 2', "}"],
    ['{"a": [', "]}"],
    ['{"a": [{}', '{}]}, {"b": {}}'],
    ["1, {}", "{}"],
    ['{"a": "x', '"}'],
    ['{"a": "x\\', '"}'],
]


def interaction_text(number: int, tagged: bool) -> str:
    event = ser.from_dict(
        {
            "id": f"ev-{number}",
            "occurred_at": "2026-05-03T18:00:00+00:00",
            "influencer_id": "inf-1",
            "kind": "like",
            "count": number + 2,
            "campaign_id": "cmp-1",
            "hashtags": ["#ad"],
        },
        Interaction,
    )
    return next(dump_records([event]) if tagged else dump_jsonl([event])).rstrip("\n")


def adversarial_cases(tagged: bool) -> list[list[str]]:
    """Valid interactions cut and joined so that the batch array has one item per line."""
    a, b, c, d = (interaction_text(number, tagged) for number in range(4))
    return [
        *ADVERSARIAL,
        [a + "," + b, c[:-1], "}"],  # two objects on one line, one across two
        [a + "," + b, c[: c.index('"hashtags"')] + '"hashtags":[', '"#x"]}', d],
        [a[:-1], "}," + b, c, d],
        [a[:-1] + ',"note":"x', '"}', b, c],  # the joint inside a string
        [a[:-1] + ',"note":"x', '{"}', c + "," + d, b],
        [a[:-1], '"note":"x"}', c + "," + d, b],  # the joint between two keys
        [a[:-1] + ',"note":"x\\', '"}', b, c],
        [a[: a.index('"count"')] + '"count":[', "1]}", b, c],
        [a + ", " + b, "{" + c[c.index(",") + 1 :], d, d],
        [a, b + ",", c, d],
        [a, "," + b, c, d],
        ["[" + a, b, c, d + "]"],
    ]


@pytest.mark.parametrize("tagged", [False, True])
@pytest.mark.parametrize("run", [1, 2, 4])
def test_lines_that_only_make_json_together_are_refused_as_alone(
    parser: str, tagged: bool, run: int
) -> None:
    for lines in adversarial_cases(tagged):
        with batches(8, run):
            events = check_every_reader(lines, tagged)
        assert any(event[0] == "error" for event in events), lines


@PROPERTY
@given(log=st.one_of(cut_logs(), regrouped_logs()), sizes=SIZES)
def test_cut_and_joined_lines_are_read_as_each_line_alone(
    parser: str, log: tuple[list[str], bool], sizes: tuple[int, int]
) -> None:
    lines, tagged = log
    with batches(*sizes):
        check_every_reader(lines, tagged)


@PROPERTY
@given(log=st.one_of(cut_logs(), regrouped_logs(), logs()), as_bytes=st.booleans())
def test_a_batch_takes_only_lines_the_lane_takes_alone(
    parser: str, log: tuple[list[Any], bool], as_bytes: bool
) -> None:
    lines, tagged = log
    if as_bytes:
        lines = [
            line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line
            for line in lines
        ]
    with batches(128, 1):
        if not lines or any(not run for _, run in ser._batch_runs(lines, tagged)):
            return  # only runs that `_batch_runs` lets through are batched
    checked = ser._lane_batch(lines, tagged)
    if isinstance(checked, list):
        assert checked == [ser._lane_line(line, tagged) for line in lines]


# -- the details ------------------------------------------------------------------------------
def test_runs_of_lines_that_may_be_batched() -> None:
    block = [b"{}", b"{}", b"", b"{}", b"{}", b"{}", b"{}", b" {}", b"{}"]
    with batches(128, 3):
        assert ser._batch_runs(block, tagged=False) == [
            (2, False),  # too short a run
            (3, False),
            (7, True),
            (8, False),
            (9, False),
        ]
        assert ser._batch_runs([b"{}", "{}", b"{}"], tagged=False) == [(3, False)]  # mixed
        assert ser._batch_runs([bytearray(b"{}")] * 4, tagged=False) == [(4, False)]
        assert ser._batch_runs(['{"type":"deal"}'] * 4, tagged=True) == [(4, False)]
        assert ser._batch_runs(['{"type": "interaction"}'] * 4, tagged=True) == [(4, True)]


@pytest.mark.parametrize("bad_at", [0, 3, 7, 12, 19])
def test_a_bad_line_anywhere_in_a_batch(parser: str, bad_at: int) -> None:
    lines = [interaction_text(number, tagged=False) + "\n" for number in range(20)]
    lines[bad_at] = lines[bad_at].replace('"count":', '"count":0,"x":')
    for size in (4, 8, 20, 128):
        with batches(size, 4):
            events = check_every_reader(lines, tagged=False)
        errors = [event for event in events if event[0] == "error"]
        assert [error[2] for error in errors] == [bad_at + 1]
        assert "$.x" in errors[0][1] or "$.count" in errors[0][1]


@pytest.mark.parametrize(
    ("damage", "refused"),
    [
        (('"campaign_id":"cmp-1"', '"campaign_id":"cmp-1","campaign_id":"cmp-2"'), True),
        (('"kind":"like"', '"kind":"post","kind":"like"'), True),
        (('"hashtags":["#ad"]', '"hashtags":["#ad"],"hashtags":["#x"]'), True),
        (('"id":"', '"id":"say \\"hi\\" '), False),  # an escaped quote: fine, but uncounted
    ],
)
def test_a_key_twice_or_an_escaped_quote_in_a_batch(
    parser: str, damage: tuple[str, str], refused: bool
) -> None:
    lines = [interaction_text(number, tagged=True) + "\n" for number in range(12)]
    lines[5] = lines[5].replace(*damage)
    with batches(12, 4):
        events = check_every_reader(lines, tagged=True)
        assert ser._lane_batch(lines, tagged=True) == 5  # the batch stops at that line
    assert [event[2] for event in events if event[0] == "error"] == ([6] if refused else [])


def test_many_bad_lines_in_a_row(parser: str) -> None:
    good = [interaction_text(number, tagged=True) + "\n" for number in range(30)]
    bad = [line.replace("+00:00", "") for line in good]  # no UTC offset
    lines = good[:5] + bad[5:25] + good[25:]
    with batches(30, 4):
        events = check_every_reader(lines, tagged=True)
    assert [event[2] for event in events if event[0] == "error"] == list(range(6, 26))
    assert all("$.occurred_at" in event[1] for event in events if event[0] == "error")


def test_an_amount_in_another_currency_stops_where_it_would_alone(parser: str) -> None:
    def sale(number: int, currency: str) -> Interaction:
        return ser.from_dict(
            {
                "id": f"ev-{number}",
                "occurred_at": "2026-05-03T18:00:00Z",
                "influencer_id": "inf-1",
                "kind": "conversion",
                "value": {"amount": "10", "currency": currency},
            },
            Interaction,
        )

    events = [sale(number, "EUR" if number == 6 else "USD") for number in range(10)]
    lines = list(dump_jsonl(events))
    expected = KpiAccumulator("deal")
    with pytest.raises(CurrencyMismatchError) as alone:
        expected.update(events)
    for size in (4, 10):
        accumulator = KpiAccumulator("deal")
        with batches(size, 2), pytest.raises(CurrencyMismatchError) as caught:
            accumulator.read_jsonl(lines)
        assert str(caught.value) == str(alone.value)
        assert accumulator == expected
        assert accumulator.result()[None].totals.revenue == Money("60", "USD")


def test_lines_of_several_types_and_others(parser: str) -> None:
    text = interaction_text(1, tagged=False)
    lines: list[Any] = [
        text,
        text.encode(),
        bytearray(text.encode()),
        text,
        text.encode(),
        "\n",
        b"  ",
    ]
    with batches(7, 1):
        events = check_every_reader(lines, tagged=False)
    assert [event[0] for event in events] == ["ok"] * 5


def test_a_line_that_is_not_text_fails_as_it_would_alone(parser: str) -> None:
    text = interaction_text(1, tagged=False)
    lines: list[Any] = [text] * 5 + [7] + [text] * 5
    for size in (4, 11):
        accumulator = KpiAccumulator()
        with batches(size, 2), pytest.raises(AttributeError):
            accumulator.read_jsonl(lines)
        assert accumulator.records == 5
        with batches(size, 2), pytest.raises(AttributeError):
            list(iter_jsonl(lines, Interaction))


def test_the_readers_that_build_objects_read_one_line_at_a_time(parser: str) -> None:
    pulled: list[int] = []

    def source(tagged: bool) -> Iterator[str]:
        for number in range(1, 13):
            pulled.append(number)
            yield interaction_text(number, tagged)

    with batches(4, 2):
        for found in (iter_records(source(True)), iter_jsonl(source(False), Interaction)):
            pulled.clear()
            for number in range(1, 13):
                assert next(found).id == f"ev-{number}"
                assert pulled[-1] == number


def test_reading_stops_where_the_caller_stops(parser: str) -> None:
    lines = [interaction_text(number, tagged=False) for number in range(10)] + ["not json"]
    with batches(4, 2):
        found = iter_jsonl(lines, Interaction)
        assert [next(found).id for _ in range(10)] == [f"ev-{number}" for number in range(10)]


def test_ids_and_relationships_are_checked_once_and_alike(parser: str) -> None:
    """A relationship found in the cache is one whose parts were each checked."""
    ser._RELATIONS.clear()
    template = interaction_text(1, tagged=False)
    good = [template.replace('"inf-1"', f'"inf-{number}"') for number in range(6)]
    bad = [template.replace('"inf-1"', f'" inf-{number}"') for number in range(6)]
    with batches(4, 2):
        assert all(event[0] == "ok" for event in check_every_reader(good, tagged=False))
        assert all(event[0] == "error" for event in check_every_reader(bad, tagged=False))
    assert (" inf-1", "cmp-1", None, None) not in ser._RELATIONS
    assert ser._RELATIONS[("inf-1", "cmp-1", None, None)] == (("inf-1", "cmp-1", None, None), 2)


@given(identifier=identifiers())
@settings(max_examples=30, deadline=None)
def test_a_relationship_is_found_by_the_text_of_its_platform(identifier: str) -> None:
    known = ser._lane_relation(identifier, None, identifier, "instagram")
    assert known == ((identifier, None, identifier, Platform.INSTAGRAM), 3)
    assert ser._RELATIONS[(identifier, None, identifier, "instagram")] is known
    assert (identifier, None, identifier, "Instagram") not in ser._RELATIONS
    assert ser._lane_relation(identifier, "", None, None) is None
    assert ser._lane_relation(identifier, None, None, "myspace") is None
    assert ser._lane_relation(None, None, None, None) is None


def test_the_relationships_remembered_are_bounded() -> None:
    ser._RELATIONS.clear()
    for number in range(65_536):
        ser._RELATIONS[(f"inf-{number}", None, None, None)] = (
            (f"inf-{number}", None, None, None),
            1,
        )
    ser._lane_relation("inf-a", None, None, None)
    assert list(ser._RELATIONS) == [("inf-a", None, None, None)]


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=8,
)
SPACE = st.text(st.sampled_from(" \t\n\r\x0b\u2028\ufeff"), max_size=2)


def decoded(loads: Callable[[Any], Any], text: str | bytes) -> tuple[str, str]:
    try:
        return ("ok", repr(loads(text)))
    except ValueError as error:
        return ("error", f"{type(error).__name__}: {error}")


@given(
    value=JSON_VALUES,
    before=SPACE,
    after=SPACE,
    tail=st.sampled_from(["", "", "x", "{}", "]", ","]),
    as_bytes=st.booleans(),
)
@settings(max_examples=200, deadline=None)
def test_the_quick_standard_parser_is_the_standard_parser(
    value: object, before: str, after: str, tail: str, as_bytes: bool
) -> None:
    text = before + json.dumps(value) + after + tail
    line: str | bytes = text.encode("utf-8") if as_bytes else text
    plain = json.JSONDecoder()
    expected = decoded(lambda source: plain.decode(source.decode() if as_bytes else source), line)
    assert decoded(ser._loads_stdlib, line) == expected


@pytest.mark.parametrize(
    "extra",
    [
        '"note":"hi"',
        '"provenance":"estimated"',
        '"hashtags":["#ad"]',
        '"hashtags":null',
        '"value":{"amount":"5"}',
        '"direction":"inbound"',
        '"extra":"x"',
        '"type":"interaction"',
        '"campaign_id":null',
        '"platform":null',
        '"count":null',
        '"count":3',
    ],
)
@pytest.mark.parametrize("kind", ["like", "conversion", "reply"])
def test_a_line_with_one_key_more_than_the_frequent_ones(
    parser: str, extra: str, kind: str
) -> None:
    base = '{"id":"e-%d","occurred_at":"2026-05-03T18:00:00Z","influencer_id":"i","kind":"%s"'
    lines = [(base % (number, kind)) + "," + extra + "}\n" for number in range(6)]
    with batches(8, 2):
        check_every_reader(lines, tagged=False)
        check_every_reader(['{"type":"interaction",' + line[1:] for line in lines], tagged=True)
