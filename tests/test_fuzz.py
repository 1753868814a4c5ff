"""Fuzzing: hostile and broken documents and JSON Lines are read exactly or refused cleanly.

Valid documents and record streams (from `tests.strategies`) are written by nanokit, then
mutated: keys dropped, duplicated and renamed; values of the wrong type; text truncated;
invalid UTF-8 spliced in; huge and tiny numbers; NaN and infinities as strings and as bare
numbers; deep nesting; million-character strings; control characters and right-to-left
marks. Whatever comes out, reading it must either succeed (and what was read must then be
written and read back equal) or raise a `NanokitError` that says where: a JSON path, a line
number, or for text that is not JSON at all a line and column. Any other exception, a
crash or a hang fails the test.

Two settings profiles:

* `nanokit-fuzz-ci` (the default): bounded, so this file runs in well under a minute.
* `nanokit-fuzz-long`: chosen by `NANOKIT_FUZZ=long`, for a run by hand (examples per test
  from `NANOKIT_FUZZ_EXAMPLES`, default 5,000):

      NANOKIT_FUZZ=long python -m pytest tests/test_fuzz.py -p no:cacheprovider \\
          --hypothesis-show-statistics

The figures of the last long run are in `docs/explanation/reliability.md`.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import io
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies import consistent_workspaces, records, workspaces

from nanokit import (
    Audience,
    Interaction,
    Money,
    NanokitError,
    ValidationError,
)
from nanokit.cli import main
from nanokit.serialization import (
    dump_document,
    dump_records,
    from_json,
    iter_records,
    load_document,
)

# -- profiles ---------------------------------------------------------------------------------
settings.register_profile(
    "nanokit-fuzz-ci",
    max_examples=40,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
settings.register_profile(
    "nanokit-fuzz-long",
    max_examples=int(os.environ.get("NANOKIT_FUZZ_EXAMPLES", "5000")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
LONG = os.environ.get("NANOKIT_FUZZ", "").lower() == "long"
FUZZ = settings.get_profile("nanokit-fuzz-long" if LONG else "nanokit-fuzz-ci")
FEWER = settings(FUZZ, max_examples=max(10, FUZZ.max_examples // 4))

MESSAGE_BOUND = 2_000  # characters: an error never echoes a hostile value whole


# -- a JSON tree that can hold what JSON should not ---------------------------------------------
class Raw:
    """A token written as it is: `NaN`, `1e999`, a 5,000-digit integer, 100,000 brackets."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"Raw({self.text[:40]!r}{'...' if len(self.text) > 40 else ''})"


class Obj:
    """A JSON object as a list of [key, value] pairs, so a key can appear twice."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        self.pairs = [list(pair) for pair in pairs]

    def __repr__(self) -> str:
        return f"Obj({self.pairs!r})"[:200]


def tree(text: str | bytes) -> Any:
    return json.loads(text, object_pairs_hook=Obj)


def emit(node: Any, ascii_only: bool = False) -> str:
    if isinstance(node, Raw):
        return node.text
    if isinstance(node, Obj):
        inner = ",".join(
            json.dumps(key, ensure_ascii=ascii_only) + ":" + emit(value, ascii_only)
            for key, value in node.pairs
        )
        return "{" + inner + "}"
    if isinstance(node, list):
        return "[" + ",".join(emit(item, ascii_only) for item in node) + "]"
    return json.dumps(node, ensure_ascii=ascii_only)


def encode(text: str) -> bytes:
    # A lone surrogate becomes the bytes ED A0 80: not UTF-8, which the reader must refuse.
    return text.encode("utf-8", "surrogatepass")


def places(node: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in the tree, parents before children."""
    found: list[tuple[Any, Any]] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, Obj):
            for index, pair in enumerate(current.pairs):
                found.append((current, index))
                stack.append(pair[1])
        elif isinstance(current, list):
            for index, item in enumerate(current):
                found.append((current, index))
                stack.append(item)
    return found


def get(container: Any, index: int) -> Any:
    return container.pairs[index][1] if isinstance(container, Obj) else container[index]


def put(container: Any, index: int, value: Any) -> None:
    if isinstance(container, Obj):
        container.pairs[index][1] = value
    else:
        container[index] = value


# -- hostile values ---------------------------------------------------------------------------
NUMBERS = [
    0, -1, 1, 1.5, -0.0, 0.1, 2**53 + 1, 10**15, 10**15 + 1, -(10**15) - 1, 10**300,
    Raw("1e999"), Raw("-1e999"), Raw("1e-999"), Raw("NaN"), Raw("Infinity"), Raw("-Infinity"),
    Raw("9" * 4301), Raw("-" + "9" * 5000), Raw("0." + "0" * 5000 + "1"),
    Raw("1" + "0" * 400 + ".0"), Raw("1E400"), Raw("-0"),
]  # fmt: skip
NUMBER_STRINGS = [
    "NaN", "nan", "-NaN", "sNaN", "Infinity", "-Infinity", "inf", "1e999999999",
    "-1e999999999", "1e-999999999", "0E+999999999", "0e-999999999", "9" * 128, "9" * 129,
    "1" * 5000, "0." + "0" * 27 + "1", "0." + "0" * 28 + "1", "1" * 48, "1" * 49,
    "999999999999999.99", "1000000000000000", "\u0661\u0662\u0663", "1_000", "0x10", "12.5",
    "-0", " 5 ", "+5", "5.", ".5", "1e3", "\uff11",
]  # fmt: skip
TIME_STRINGS = [
    "2026-02-30", "2026-13-01", "0000-01-01", "9999-12-31", "2026-05-03T24:00:00Z",
    "2026-05-03T18:00:00+24:00", "2026-05-03T18:00:00", "2026-05-03T18:00:00.1234567891Z",
    "99999-01-01T00:00:00Z", "2026-W01-1T00:00:00Z", "0001-01-01T00:00:00+23:59",
    "9999-12-31T23:59:59-23:59", "2026-05-03T18:00:00\u202eZ", "2026-05-03 18:00:00Z",
    "2026-05-03T18:00:00+00:00" + " " * 64, "20260503T180000Z", "2026-05-03T18:00:60Z",
]  # fmt: skip
ODD_TEXT = [
    "", " ", "\x00", "\u202e", "\u200f\u200f", "\u2066#ad\u2069", "\ud800", "\udfff",
    "\u2028", "\ufeff", "\ufffe", "\U0001f600", "e\u0301", "<script>alert(1)</script>",
    '" onload="x', "=HYPERLINK(\"http://x\")", "@SUM(1)", "\t", "\r\n", "a" * 201,
]  # fmt: skip
STRUCTURES = [[], {}, [[]], Obj([("amount", "1")]), Obj([("a", 1), ("a", 2)]), [None], True, None]

CHARACTERS = [
    "\u202e", "\u200f", "\u2066", "\u2069", "\x00", "\x1b", "\x7f", "\u2028", "\u2029",
    "\ufeff", "\ufffe", "\U0001f600", "\u0301", "\ud800", "\udc00", "\\", '"', "\n",
]  # fmt: skip
BAD_BYTES = [
    b"\xff", b"\xfe", b"\xc3", b"\xc3\x28", b"\xed\xa0\x80", b"\xc0\xaf", b"\x80",
    b"\xf4\x90\x80\x80", b"\xef\xbb\xbf", b"\x00", b"\x1b", b"\r", b"\t", b"\x0c",
]  # fmt: skip
DEPTHS = [64, 500, 990, 1_000, 3_000, 100_000]
LONG_SIZES = [100_001, 1_000_000]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


def nested(depth: int, kind: str) -> Raw:
    if kind == "array":
        return Raw("[" * depth + "]" * depth)
    return Raw('{"a":' * depth + "1" + "}" * depth)


def hostile_values() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.sampled_from(NUMBERS),
        st.sampled_from(NUMBER_STRINGS),
        st.sampled_from(TIME_STRINGS),
        st.sampled_from(ODD_TEXT),
        st.sampled_from(STRUCTURES).map(lambda value: tree(emit(value)) if value else value),
        st.builds(nested, st.sampled_from(DEPTHS), st.sampled_from(["array", "object"])),
        st.builds(
            lambda char, size: char * size,
            st.sampled_from(["x", "9", "#", " ", "\u202e", "\x00", "\u00e9"]),
            st.sampled_from(LONG_SIZES),
        ),
        json_values,
    )


# -- mutations --------------------------------------------------------------------------------
TREE_MUTATIONS = ("drop", "duplicate", "rename", "replace", "characters", "long")
TEXT_MUTATIONS = ("truncate", "bytes", "delete", "repeat")


def mutate_tree(node: Any, data: st.DataObject) -> None:
    spots = places(node)
    if not spots:
        return
    kind = data.draw(st.sampled_from(TREE_MUTATIONS), label="mutation")
    keyed = [(holder, index) for holder, index in spots if isinstance(holder, Obj)]
    if kind in ("drop", "duplicate", "rename") and keyed:
        holder, index = data.draw(st.sampled_from(keyed), label="key")
        key, value = holder.pairs[index]
        if kind == "drop":
            del holder.pairs[index]
        elif kind == "duplicate":
            other = data.draw(st.one_of(st.just(value), hostile_values()), label="second value")
            holder.pairs.insert(data.draw(st.integers(0, len(holder.pairs))), [key, other])
        else:
            holder.pairs[index][0] = data.draw(
                st.one_of(
                    st.sampled_from([key.upper(), key + "s", key[:-1], "_" + key, "type"]),
                    st.sampled_from(ODD_TEXT),
                    st.text(max_size=12),
                    st.sampled_from(LONG_SIZES).map(lambda size: "k" * size),
                ),
                label="new key",
            )
        return
    holder, index = data.draw(st.sampled_from(spots), label="place")
    current = get(holder, index)
    if kind == "characters" and isinstance(current, str):
        spot = data.draw(st.integers(0, len(current)), label="at")
        char = data.draw(st.sampled_from(CHARACTERS), label="char")
        put(holder, index, current[:spot] + char + current[spot:])
    elif kind == "long" and isinstance(current, str):
        size = data.draw(st.sampled_from(LONG_SIZES), label="size")
        put(holder, index, (current or "x") * (size // max(1, len(current)) + 1))
    else:
        put(holder, index, data.draw(hostile_values(), label="value"))


def mutate_bytes(blob: bytes, data: st.DataObject) -> bytes:
    kind = data.draw(st.sampled_from(TEXT_MUTATIONS), label="byte mutation")
    spot = data.draw(st.integers(0, len(blob)), label="at")
    if kind == "truncate":
        return blob[:spot]
    if kind == "bytes":
        return blob[:spot] + data.draw(st.sampled_from(BAD_BYTES), label="bytes") + blob[spot:]
    end = data.draw(st.integers(spot, min(len(blob), spot + 40)), label="to")
    if kind == "delete":
        return blob[:spot] + blob[end:]
    return blob[:end] + blob[spot:end] + blob[end:]


def mutate(text: str, data: st.DataObject) -> bytes:
    """One to three mutations of the JSON `text`, on its tree and then on its bytes."""
    node = tree(text)
    for _ in range(data.draw(st.integers(1, 3), label="tree mutations")):
        mutate_tree(node, data)
    blob = encode(emit(node, ascii_only=data.draw(st.booleans(), label="ascii")))
    if data.draw(st.integers(0, 3), label="byte mutations?") == 0:
        blob = mutate_bytes(blob, data)
    return blob


# -- what a clean refusal looks like -----------------------------------------------------------
WHOLE_TEXT = re.compile(
    r"^(invalid JSON at (line \d+, )?column \d+: |not UTF-8 text: byte \d+ |"
    r"invalid JSON: it nests too deeply)"
)


def assert_located(error: BaseException, line: int | None = None) -> None:
    """Every problem of a refusal is a ValidationError that says where, briefly."""
    assert isinstance(error, NanokitError), repr(error)
    assert isinstance(error, ValidationError), repr(error)
    assert error.errors
    for problem in error.errors:
        assert isinstance(problem, ValidationError)
        if line is not None:
            assert problem.line == line, (problem, line)
        has_path = problem.path is not None and problem.path.startswith("$")
        assert has_path or WHOLE_TEXT.match(problem.message), problem
        assert len(problem.message) <= MESSAGE_BOUND, problem.message[:300]
        assert len(problem.path or "") <= MESSAGE_BOUND, (problem.path or "")[:300]
        str(problem).encode("utf-8")  # valid Unicode, whatever the input held


def read_or_refuse_document(blob: bytes) -> None:
    for strict in (False, True):
        try:
            workspace = load_document(blob, strict=strict)
        except NanokitError as error:
            assert_located(error)
        else:
            # Whatever was accepted is written and read back equal.
            assert load_document(dump_document(workspace)) == workspace


# -- documents --------------------------------------------------------------------------------
@FUZZ
@given(st.one_of(workspaces(), consistent_workspaces()), st.sampled_from([None, 2]), st.data())
def test_a_mutated_document_is_read_or_refused_cleanly(
    workspace: Any, indent: int | None, data: st.DataObject
) -> None:
    read_or_refuse_document(mutate(dump_document(workspace, indent=indent), data))


# -- JSON Lines -------------------------------------------------------------------------------
def mutated_lines(
    originals: list[bytes], data: st.DataObject
) -> tuple[bytes, dict[int, int], set[int]]:
    """Mutate some lines; return the stream, the line number of each kept original, and the
    numbers of the lines that came from a mutation."""
    chosen = data.draw(
        st.sets(st.integers(0, len(originals) - 1), min_size=1, max_size=len(originals)),
        label="lines to mutate",
    )
    pieces: list[bytes] = []
    kept: dict[int, int] = {}
    touched: set[int] = set()
    number = 1
    for index, line in enumerate(originals):
        piece = mutate(line.decode("utf-8"), data) if index in chosen else line
        pieces.append(piece)
        spans = piece.count(b"\n") + 1
        if index in chosen:
            touched.update(range(number, number + spans))
        else:
            kept[index] = number
        number += spans
    if data.draw(st.booleans(), label="blank lines"):
        pieces.insert(0, b"   ")  # a blank line is neither read nor rejected
        kept = {index: at + 1 for index, at in kept.items()}
        touched = {at + 1 for at in touched}
    return b"\n".join(pieces) + b"\n", kept, touched


@FUZZ
@given(st.lists(records(), min_size=1, max_size=5), st.data())
def test_mutated_json_lines_keep_every_good_line_and_refuse_the_rest_by_line(
    originals: list[Any], data: st.DataObject
) -> None:
    lines = [line.rstrip("\n").encode("utf-8") for line in dump_records(originals)]
    stream, kept, touched = mutated_lines(lines, data)
    problems: list[ValidationError] = []
    seen_lines: list[int] = []

    class Lines:
        def __iter__(self) -> Iterator[bytes]:
            for number, raw in enumerate(io.BytesIO(stream), start=1):
                seen_lines.append(number)
                yield raw

    read = list(iter_records(Lines(), on_error=problems.append))
    total = len(seen_lines)
    blank = sum(1 for raw in io.BytesIO(stream) if not raw.strip())
    assert len(read) + len(problems) + blank == total
    for problem in problems:
        assert problem.line in touched
        assert_located(problem, line=problem.line)
    assert [problem.line for problem in problems] == sorted({p.line for p in problems})
    for record in read:  # what was accepted is written and read back equal
        assert list(iter_records(dump_records([record]))) == [record]
    accepted = iter(read)
    rejected_lines = {problem.line for problem in problems}
    for number in range(1, total + 1):
        if number in rejected_lines:
            continue
        line = stream.split(b"\n")[number - 1]
        if not line.strip():
            continue
        record = next(accepted)
        original = next((i for i, at in kept.items() if at == number), None)
        if original is not None:
            assert record == originals[original]


# -- the command line: report --skip-invalid loses nothing ------------------------------------
def run(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["-q", *argv])
    return code, err.getvalue()


def reject_bytes(entry: dict[str, Any]) -> bytes:
    if "base64" in entry:
        return base64.b64decode(entry["base64"], validate=True)
    return encode(entry["text"])


@FEWER
@given(consistent_workspaces(), st.data())
def test_report_skip_invalid_keeps_every_line_it_rejects(
    workspace: Any, data: st.DataObject
) -> None:
    originals = [
        *workspace.influencers,
        *workspace.campaigns,
        *workspace.deals,
        *workspace.interactions,
    ]
    lines = [line.rstrip("\n").encode("utf-8") for line in dump_records(originals)]
    stream, _, touched = mutated_lines(lines, data)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder, "log.jsonl")
        source.write_bytes(stream)
        code, err = run("report", str(source), "--skip-invalid", "-o", str(Path(folder, "r.txt")))
        rejects = Path(f"{source}.rejects.jsonl")
        entries = [json.loads(line) for line in rejects.read_bytes().splitlines()]
    physical = stream.split(b"\n")[:-1]  # the stream ends with a newline
    summary = re.search(
        r"([\d,]+) lines read, ([\d,]+) accepted, ([\d,]+) rejected(?:, ([\d,]+) blank)? -> ",
        err,
    )
    assert summary is not None, err
    total, good, bad, blank = (int((group or "0").replace(",", "")) for group in summary.groups())
    assert total == len(physical)
    assert good + bad + blank == total
    assert bad == len(entries)
    assert blank == sum(1 for line in physical if not line.strip())
    for entry in entries:
        assert set(entry) in ({"line", "reason", "text"}, {"line", "reason", "base64"})
        assert entry["line"] in touched
        assert reject_bytes(entry) == physical[entry["line"] - 1]  # unchanged, to the byte
        assert entry["reason"]
    # The lines kept may not line up (an interaction of a rejected deal, or a mutated line
    # that is valid alone but names another record's deal): then the report stops with a
    # message, after the rejects are safely written.
    assert code == 0 or (code == 1 and err.count("nanokit: error: ") == 1), err
    assert "Traceback" not in err


# -- deterministic attacks --------------------------------------------------------------------
EVENT = {
    "id": "ev-1",
    "occurred_at": "2026-05-03T18:00:00Z",
    "influencer_id": "inf-1",
    "kind": "conversion",
    "value": {"amount": "45.00", "currency": "USD"},
}
PERSON = {"id": "inf-1", "name": "Sam", "accounts": [{"platform": "x", "handle": "@sam"}]}


def line_of(record_type: str, body: str) -> str:
    return '{"type": "' + record_type + '", ' + body[1:]


def refused_line(text: str | bytes) -> ValidationError:
    problems: list[ValidationError] = []
    assert list(iter_records(["", text], on_error=problems.append)) == []
    assert len(problems) == 1
    assert_located(problems[0], line=2)
    return problems[0]


def refused_document(text: str | bytes) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        load_document(text)
    assert_located(caught.value)
    return caught.value


@pytest.mark.parametrize("depth", [1_000, 10_000, 100_000])
@pytest.mark.parametrize("kind", ["array", "object"])
def test_deep_nesting_is_a_validation_error_never_a_recursion_error(depth: int, kind: str) -> None:
    deep = nested(depth, kind).text
    error = refused_document(deep)
    assert "nests too deeply" in error.message or error.path is not None
    refused_document('{"schema": "nanokit/1", "influencers": [' + deep + "]}")
    refused_line(deep)
    error = refused_line(
        line_of("interaction", json.dumps(EVENT))[:-1] + ', "hashtags": ' + deep + "}"
    )
    assert error.line == 2


def test_nesting_just_below_the_limit_is_refused_at_its_path() -> None:
    deep = "[" * 900 + "]" * 900
    error = refused_line(
        line_of("interaction", json.dumps(EVENT))[:-1] + ', "hashtags": ' + deep + "}"
    )
    assert error.path is not None
    assert error.path.startswith("$.hashtags")


@pytest.mark.parametrize(
    ("field", "path"),
    [
        ("note", "$.note"),
        ("id", "$.id"),
        ("influencer_id", "$.influencer_id"),
        ("kind", "$.kind"),
        ("occurred_at", "$.occurred_at"),
    ],
)
@pytest.mark.parametrize("char", ["x", "\u202e", "\x00"])
def test_a_million_character_string_is_refused_at_its_path_with_a_short_message(
    field: str, path: str, char: str
) -> None:
    line = line_of("interaction", json.dumps({**EVENT, field: char * 1_000_000}))
    error = refused_line(line)
    assert error.path == path


def test_a_million_character_key_or_hashtag_is_not_echoed_whole() -> None:
    refused_line(line_of("interaction", json.dumps({**EVENT, "k" * 1_000_000: 1})))
    refused_line(line_of("interaction", json.dumps({**EVENT, "hashtags": ["#" + "a" * 10**6]})))
    value = {"amount": "1", "currency": "U" * 1_000_000}
    error = refused_line(line_of("interaction", json.dumps({**EVENT, "value": value})))
    assert error.path == "$.value.currency"


@pytest.mark.parametrize("key", ["\\udfff", "\\ud800x", "a\\udc00"])
def test_a_key_with_an_unpaired_surrogate_is_refused_in_valid_unicode(
    tmp_path: Path, key: str
) -> None:
    # Found by the long fuzz run: the path quoted the key raw, and the rejects file could not
    # be written.
    line = line_of("deal", json.dumps(PERSON))[:-1] + f', "{key}": 1}}'
    error = refused_line(line)
    assert any(key in (problem.path or "") for problem in error.errors)
    source = tmp_path / "log.jsonl"
    source.write_text(line + "\n", encoding="ascii")
    code, err = run("report", str(source), "--skip-invalid")
    assert code == 0, err
    (entry,) = [
        json.loads(raw) for raw in Path(f"{source}.rejects.jsonl").read_bytes().splitlines()
    ]
    assert entry["text"] == line
    assert key in entry["reason"]


@pytest.mark.parametrize("mark", ["\u202e", "\u200f", "\u2066", "\x1b", "\x00"])
def test_control_characters_and_right_to_left_marks_are_kept_exactly_in_free_text(
    mark: str,
) -> None:
    person = {**PERSON, "name": f"Sam{mark}Evil", "accounts": [{"platform": "x", "handle": "@s"}]}
    (read,) = iter_records([line_of("influencer", json.dumps(person))])
    assert read.name == f"Sam{mark}Evil"
    (again,) = iter_records(dump_records([read]))
    assert again == read


# -- numbers that attack ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "amount",
    [
        "1e999999999",
        "-1e999999999",
        "1e-999999999",
        "0e-999999999",
        "9" * 129,
        "1" * 5000,
        "9" * 10_000_000,
        "0." + "0" * 10_000_000 + "1",
        "NaN",
        "sNaN",
        "-Infinity",
        "1" * 49,
        "0." + "0" * 28 + "1",
        "1000000000000000",
    ],
    ids=lambda amount: amount if len(amount) < 20 else f"{amount[:6]}...({len(amount)} chars)",
)
def test_attacking_amounts_are_refused_before_any_arithmetic(amount: str) -> None:
    line = line_of("interaction", json.dumps({**EVENT, "value": {"amount": amount}}))
    error = refused_line(line)
    assert error.path == "$.value.amount"
    with pytest.raises(ValidationError, match=r"^Money\.amount: "):
        Money(amount)


def test_a_ten_megabyte_number_is_refused_unread() -> None:
    # The 128-character cut-off refuses it before Decimal ever sees it.
    error = refused_line(
        line_of("interaction", json.dumps({**EVENT, "value": {"amount": "7" * 10_000_000}}))
    )
    assert "10000000 characters is refused (at most 128)" in error.message


@pytest.mark.parametrize("digits", [4_301, 5_000, 100_000])
def test_json_integers_with_thousands_of_digits_are_refused_with_their_place(digits: int) -> None:
    body = json.dumps({**EVENT, "kind": "like", "value": None})[:-1]
    line = line_of("interaction", body) + ', "count": ' + "9" * digits + "}"
    error = refused_line(line)
    assert error.message.startswith("invalid JSON at column ")
    assert "4300 digits" in error.message
    document = '{"schema": "nanokit/1",\n"interactions": [' + line + "]}"
    error = refused_document(document)
    assert error.message.startswith("invalid JSON at line 2, column ")


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e999", "-1e999"])
def test_nan_and_infinity_as_bare_numbers_are_refused_with_their_place(literal: str) -> None:
    person = json.dumps(PERSON)
    audience = (
        '{"platform": "x", "followers": 10, "measured_at": "2026-05-01T00:00:00Z", '
        f'"avg_likes": {literal}}}'
    )
    body = person.replace('"handle": "@sam"', '"handle": "@sam", "audience": ' + audience)
    error = refused_line(line_of("influencer", body))
    if literal.startswith(("N", "I", "-I")):
        assert error.message.startswith("invalid JSON at column ")
    else:  # 1e999 is read as infinity, then refused where it stands
        assert error.path == "$.accounts[0].audience.avg_likes"


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "nan", "inf"])
def test_nan_and_infinity_as_strings_are_refused_at_their_path(literal: str) -> None:
    error = refused_line(
        line_of("interaction", json.dumps({**EVENT, "value": {"amount": literal}}))
    )
    assert error.path == "$.value.amount"


@pytest.mark.parametrize(
    ("count", "accepted"),
    [(10**15, True), (10**15 + 1, False), (10**20, False), (-1, False), (0, False)],
)
def test_counts_are_bounded_by_max_count(count: int, accepted: bool) -> None:
    line = line_of(
        "interaction", json.dumps({**EVENT, "kind": "like", "value": None, "count": count})
    )
    line = line.replace(', "value": null', "")
    if accepted:
        (event,) = iter_records([line])
        assert event.count == count
    else:
        assert refused_line(line).path == "$.count"


@pytest.mark.parametrize(
    "number", [10**5000, -(10**5000), 10**4300], ids=["1e5000", "-1e5000", "1e4300"]
)
def test_python_integers_too_long_to_print_are_validation_errors(number: int) -> None:
    with pytest.raises(ValidationError, match=r"^Audience\.followers: .*about [\d,]+ digits"):
        Audience(platform="x", followers=number, measured_at=_moment())
    with pytest.raises(ValidationError, match=r"^Money\.amount: .*about [\d,]+ digits"):
        Money(number)
    with pytest.raises(ValidationError, match=r"^factor: .*about [\d,]+ digits"):
        Money("1") * number


def _moment() -> dt.datetime:
    return dt.datetime(2026, 5, 1, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize(
    ("amount", "currency"),
    [
        ("19.999", "USD"),
        ("5.5", "JPY"),
        ("1.2345", "BHD"),
        ("0.0000000000000000000000000001", "EUR"),
    ],
)
def test_more_places_than_the_currency_has_are_kept_exactly(amount: str, currency: str) -> None:
    money = Money(amount, currency)
    line = line_of(
        "interaction", json.dumps({**EVENT, "value": {"amount": amount, "currency": currency}})
    )
    (event,) = iter_records([line])
    assert event.value == money
    assert format(event.value.amount, "f") == amount  # not rounded to the minor unit
    (again,) = iter_records(dump_records([event]))
    assert format(again.value.amount, "f") == amount
    assert money.format() != amount  # display rounds; the stored amount does not


def test_a_zero_with_a_huge_exponent_stays_small() -> None:
    money = Money("0E+999999999")
    assert money == Money("0")
    assert len(from_json('{"amount": "0E+999999999"}', Money).format()) < 10
    (event,) = iter_records(
        [line_of("interaction", json.dumps({**EVENT, "value": {"amount": "0E+999999999"}}))]
    )
    assert len(next(dump_records([event]))) < 300


def test_every_failure_kind_is_a_nanokit_error() -> None:
    # The callable forms a reader offers: none lets another exception through.
    attempts: list[Callable[[], object]] = [
        lambda: load_document(b"\xff"),
        lambda: load_document("[" * 100_000),
        lambda: load_document('{"schema": "nanokit/1", "deals": NaN}'),
        lambda: from_json('{"amount": ' + "1" * 5000 + "}", Money),
        lambda: list(iter_records([b'{"type": "deal", "id": "\xed\xa0\x80"}'])),
        lambda: list(iter_records(['{"type": "interaction", "id": "\\ud800"}'])),
        lambda: from_json(
            json.dumps({**EVENT, "occurred_at": "99999-01-01T00:00:00Z"}), Interaction
        ),
    ]
    for attempt in attempts:
        with pytest.raises(NanokitError) as caught:
            attempt()
        assert_located(caught.value)
