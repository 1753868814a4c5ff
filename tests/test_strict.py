"""Strict loading, `nanokit validate`, `report --skip-invalid` and atomic writes.

* Duplicate ids, deals pointing at unknown influencers or campaigns, interactions pointing
  at unknown records or dated before their campaign starts: `Workspace.problems()` and
  `nanokit validate` report them; `load_document(strict=True)` refuses them.
* `nanokit report --skip-invalid` keeps going past bad lines and writes each one, unchanged,
  with its number and reason, to a rejects file; good + rejected + blank lines = all lines.
  Without the flag the first bad line stops the run with its place.
* Writers write a temporary file and rename it: an interrupted write leaves the old file
  and no temporary file behind.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import consistent_workspaces

import nanokit.cli
from nanokit import (
    Campaign,
    Compensation,
    Deal,
    Influencer,
    Interaction,
    Money,
    SocialAccount,
    ValidationError,
    Workspace,
)
from nanokit.cli import main
from nanokit.serialization import (
    dump_document,
    dump_records,
    load_document,
    write_document,
    write_jsonl,
    write_records,
    write_text,
)

START = dt.date(2026, 4, 1)
AT = dt.datetime(2026, 4, 2, 12, 0, tzinfo=dt.timezone.utc)


def person(ident: str = "inf-1") -> Influencer:
    return Influencer(id=ident, name="Sam", accounts=[SocialAccount("x", "@sam")])


def campaign(ident: str = "cmp-1", start: dt.date = START) -> Campaign:
    return Campaign(
        id=ident, brand="B", name="N", objective="ugc", media_kind="earned", start=start
    )


def deal(ident: str = "d-1", campaign_id: str = "cmp-1", influencer_id: str = "inf-1") -> Deal:
    return Deal(ident, campaign_id, influencer_id, Compensation(cash_per_post=Money("50")))


def event(ident: str = "ev-1", **changes: Any) -> Interaction:
    fields: dict[str, Any] = {
        "id": ident,
        "occurred_at": AT,
        "influencer_id": "inf-1",
        "kind": "like",
        "count": 3,
        "campaign_id": "cmp-1",
        "deal_id": "d-1",
    }
    fields.update(changes)
    return Interaction(**fields)


def good() -> Workspace:
    return Workspace(
        influencers=[person()], campaigns=[campaign()], deals=[deal()], interactions=[event()]
    )


BROKEN: dict[str, tuple[Callable[[Workspace], Workspace], str, str]] = {
    "duplicate influencer": (
        lambda ws: attrs.evolve(ws, influencers=[*ws.influencers, person()]),
        "$.influencers[1].id",
        "duplicate id 'inf-1'",
    ),
    "duplicate campaign": (
        lambda ws: attrs.evolve(ws, campaigns=[*ws.campaigns, campaign()]),
        "$.campaigns[1].id",
        "duplicate id 'cmp-1'",
    ),
    "duplicate deal": (
        lambda ws: attrs.evolve(ws, deals=[*ws.deals, deal()]),
        "$.deals[1].id",
        "duplicate id 'd-1'",
    ),
    "duplicate interaction": (
        lambda ws: attrs.evolve(ws, interactions=[*ws.interactions, event()]),
        "$.interactions[1].id",
        "duplicate id 'ev-1'",
    ),
    "deal of an unknown influencer": (
        lambda ws: attrs.evolve(ws, deals=[*ws.deals, deal("d-2", influencer_id="inf-9")]),
        "$.deals[1].influencer_id",
        "unknown influencer 'inf-9'",
    ),
    "deal of an unknown campaign": (
        lambda ws: attrs.evolve(ws, deals=[*ws.deals, deal("d-2", campaign_id="cmp-9")]),
        "$.deals[1].campaign_id",
        "unknown campaign 'cmp-9'",
    ),
    "interaction of an unknown influencer": (
        lambda ws: attrs.evolve(
            ws, interactions=[*ws.interactions, event("ev-2", influencer_id="inf-9", deal_id=None)]
        ),
        "$.interactions[1].influencer_id",
        "unknown influencer 'inf-9'",
    ),
    "interaction in an unknown campaign": (
        lambda ws: attrs.evolve(
            ws, interactions=[*ws.interactions, event("ev-2", campaign_id="cmp-9", deal_id=None)]
        ),
        "$.interactions[1].campaign_id",
        "unknown campaign 'cmp-9'",
    ),
    "interaction of an unknown deal": (
        lambda ws: attrs.evolve(ws, interactions=[*ws.interactions, event("ev-2", deal_id="d-9")]),
        "$.interactions[1].deal_id",
        "unknown deal 'd-9'",
    ),
    "interaction before its campaign starts": (
        lambda ws: attrs.evolve(
            ws,
            interactions=[
                *ws.interactions,
                event("ev-2", occurred_at=dt.datetime(2026, 3, 31, 23, 0, tzinfo=dt.timezone.utc)),
            ],
        ),
        "$.interactions[1].occurred_at",
        "is before campaign 'cmp-1' starts (2026-04-01)",
    ),
}


# -- the strict loader ------------------------------------------------------------------------
def test_a_workspace_that_lines_up_loads_strictly() -> None:
    assert load_document(dump_document(good()), strict=True) == good()


@pytest.mark.parametrize("case", list(BROKEN))
def test_the_strict_loader_refuses_what_does_not_line_up(case: str) -> None:
    breaks, path, message = BROKEN[case]
    workspace = breaks(good())
    text = dump_document(workspace)
    assert load_document(text) == workspace  # lenient: each record is fine on its own
    with pytest.raises(ValidationError) as caught:
        load_document(text, strict=True)
    assert [(problem.path, problem.message) for problem in caught.value.errors] == (
        workspace.problems()
    )
    assert caught.value.path == path
    assert message in caught.value.message


def test_the_strict_loader_lists_every_problem_at_once() -> None:
    workspace = good()
    for breaks, _, _ in BROKEN.values():
        workspace = breaks(workspace)
    with pytest.raises(ValidationError) as caught:
        load_document(dump_document(workspace), strict=True)
    messages = [problem.message for problem in caught.value.errors]
    for _, _, message in BROKEN.values():
        assert any(message in found for found in messages), message
    assert len(messages) == len(workspace.problems()) >= len(BROKEN)
    assert f"(and {len(caught.value.errors) - 1} more)" in str(caught.value)


@settings(max_examples=25, deadline=None)
@given(consistent_workspaces(), st.sampled_from(list(BROKEN)), st.data())
def test_one_planted_problem_is_found_in_any_consistent_workspace(
    workspace: Workspace, case: str, data: st.DataObject
) -> None:
    assert load_document(dump_document(workspace), strict=True) == workspace
    # Plant the problem next to a record of the generated workspace.
    planted = BROKEN[case][0](
        Workspace(
            influencers=[*workspace.influencers, person("inf-planted")],
            campaigns=[*workspace.campaigns, campaign("cmp-planted")],
            deals=[*workspace.deals, deal("d-planted", "cmp-planted", "inf-planted")],
            interactions=workspace.interactions,
        )
    )
    planted_text = dump_document(planted)
    found = planted.problems()
    if not found:  # e.g. "inf-1" is one of the generated ids: nothing is unknown then
        assert load_document(planted_text, strict=True) == planted
        return
    with pytest.raises(ValidationError) as caught:
        load_document(planted_text, strict=True)
    assert [(p.path, p.message) for p in caught.value.errors] == found


# -- nanokit validate -------------------------------------------------------------------------
def _records(workspace: Workspace) -> list[Any]:
    return [
        *workspace.influencers,
        *workspace.campaigns,
        *workspace.deals,
        *workspace.interactions,
    ]


def validate(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["-q", "validate", *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("case", list(BROKEN))
def test_validate_reports_a_document_problem_with_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    breaks, path, message = BROKEN[case]
    source = tmp_path / "workspace.json"
    write_document(source, breaks(good()))
    code, out = validate(tmp_path, capsys, str(source))
    assert code == 1
    assert f"{source}: {path}: " in out
    assert message in out
    code, out = validate(tmp_path, capsys, str(source), "--lenient")
    assert code == 0, out  # each record alone is fine


@pytest.mark.parametrize("case", list(BROKEN))
def test_validate_reports_a_log_problem_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    breaks, path, message = BROKEN[case]
    source = tmp_path / "workspace.jsonl"
    records = _records(breaks(good()))
    write_records(source, records)
    code, out = validate(tmp_path, capsys, str(source))
    assert code == 1, out
    field = path.rsplit(".", 1)[1]
    kind = path.split("[", 1)[0].removeprefix("$.")
    assert f": $.{field}: " in out
    if case.startswith("duplicate"):  # a log names the kind of record
        assert message.replace("duplicate id", f"duplicate {kind[:-1]} id") in out
    else:
        assert message in out
    # The line is the planted record's: the second of its kind, after the good ones.
    position = [
        index
        for index, record in enumerate(records, start=1)
        if f"{type(record).__name__.lower()}s" == kind
    ][1]
    assert f": line {position}: $.{field}: " in out


def test_validate_finds_an_early_interaction_whatever_the_order_of_the_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    early = event("ev-2", occurred_at=dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc))
    source = tmp_path / "log.jsonl"
    # The interaction comes before the campaign it belongs to.
    write_records(source, [person(), early, deal(), campaign()])
    code, out = validate(tmp_path, capsys, str(source))
    assert code == 1
    assert ": line 2: $.occurred_at: 2026-03-01T00:00:00+00:00 is before campaign 'cmp-1'" in out
    code, out = validate(tmp_path, capsys, str(source), "--lenient")
    assert code == 0, out


def test_validate_on_a_valid_log_and_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_records(tmp_path / "a.jsonl", _records(good()))
    write_document(tmp_path / "a.json", good())
    for name in ("a.jsonl", "a.json"):
        code, out = validate(tmp_path, capsys, str(tmp_path / name))
        assert code == 0, out
        assert "valid, 4 record(s)" in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"schema": "nanokit/1", "deals": [], "deals": []}', "'deals' appears more than once"),
        ('{"schema": "nanokit/1", "deals": NaN}', "invalid JSON at line 1, column 34"),
        ("[" * 100_000 + "]" * 100_000, "nests too deeply"),
        ('{"schema": "nanokit/1", "x": ' + "7" * 5000 + "}", "4300 digits"),
        (b'{"schema": "nanokit/1", "deals": ["\xff"]}', "not UTF-8 text"),
        (
            '{"schema": "nanokit/1", "influencers": [{"id": "i", "id": "j", "name": "S", '
            '"accounts": [{"platform": "x", "handle": "@s"}]}]}',
            "$.influencers[0].id: the key 'id' appears more than once",
        ),
    ],
    ids=["top key twice", "NaN", "deep", "huge int", "bad utf-8", "record key twice"],
)
def test_validate_refuses_hostile_documents_with_a_message_never_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str | bytes, expected: str
) -> None:
    source = tmp_path / "hostile.json"
    source.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    code, out = validate(tmp_path, capsys, str(source))
    assert code == 1, out
    assert expected in out
    assert "Traceback" not in out
    with pytest.raises(ValidationError):  # the loader agrees
        load_document(source.read_bytes())


# -- report --skip-invalid --------------------------------------------------------------------
def good_lines() -> list[bytes]:
    return [line.encode("utf-8") for line in dump_records(_records(good()))]


def report(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["-q", "report", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def rejects_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_bytes().splitlines()]


BAD_LINES = [
    b'{"type": "influencer", "id": "x"}\n',  # missing keys
    b"\xff\xfe not UTF-8 \xc3\x28\n",  # stored as base64
    b'{"type": "interaction", "id": "ev-9", NaN}\r\n',  # CRLF kept
    b"not json at all\n",
    b'{"type": "interaction", "count": ' + b"9" * 5000 + b"}\n",
    b'{"type": "deal", "id": "d-9", "id": "d-9"}\n',
    b"\xef\xbb\xbf[1, 2]\n",
    b'{"type": "influencer", "id": "i", "name": "\\ud800", "accounts": []}\n',
]


def test_skip_invalid_keeps_going_and_writes_every_bad_line_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = good_lines()
    mixed = [lines[0], BAD_LINES[0], lines[1], BAD_LINES[1], b"\n", lines[2]]
    mixed += [*BAD_LINES[2:], lines[3], b'{"type": "campaign"}']  # no final newline
    source = tmp_path / "log.jsonl"
    source.write_bytes(b"".join(mixed))
    code, out, err = report(capsys, str(source), "--skip-invalid", "--format", "json")
    assert code == 0, err
    rejects = Path(f"{source}.rejects.jsonl")
    entries = rejects_of(rejects)
    bad_numbers = [
        number for number, line in enumerate(mixed, start=1) if line not in lines and line.strip()
    ]
    assert [entry["line"] for entry in entries] == bad_numbers
    for entry in entries:
        original = mixed[entry["line"] - 1]
        body = original[:-1] if original.endswith(b"\n") else original
        if "base64" in entry:
            assert base64.b64decode(entry["base64"]) == body
            assert "text" not in entry
        else:
            assert entry["text"].encode("utf-8") == body
        assert entry["reason"]
    assert entries[1]["base64"]  # the line that is not UTF-8
    assert entries[2]["text"].endswith("\r")  # the CRLF line keeps its CR
    assert "not UTF-8 text" in entries[1]["reason"]
    assert "invalid JSON at column" in entries[2]["reason"]
    assert "$.name: missing required key 'name'" in entries[0]["reason"]
    total = len(mixed)
    summary = (
        f"nanokit: {total} lines read, 4 accepted, {len(bad_numbers)} rejected, 1 blank "
        f"-> {rejects}\n"
    )
    assert err == summary
    assert 4 + len(bad_numbers) + 1 == total
    assert json.loads(out)["total"]["engagements"] == 3  # the good lines were all read


def test_skip_invalid_with_a_chosen_rejects_file_and_nothing_rejected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "log.jsonl"
    source.write_bytes(b"".join(good_lines()))
    rejects = tmp_path / "out" / "bad.jsonl"
    rejects.parent.mkdir()
    rejects.write_text("stale\n", encoding="utf-8")
    code, out, err = report(capsys, str(source), "--skip-invalid", "--rejects", str(rejects))
    assert code == 0, err
    assert rejects.read_bytes() == b""  # replaced: a stale file would mislead
    assert err == f"nanokit: 4 lines read, 4 accepted, 0 rejected -> {rejects}\n"
    assert "KPI report" in out


def test_without_skip_invalid_the_first_bad_line_stops_the_run_with_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = good_lines()
    source = tmp_path / "log.jsonl"
    source.write_bytes(lines[0] + lines[1] + BAD_LINES[0] + BAD_LINES[3] + lines[2])
    output = tmp_path / "report.txt"
    output.write_text("old report\n", encoding="utf-8")
    code, _, err = report(capsys, str(source), "-o", str(output))
    assert code == 1
    assert err.startswith(f"nanokit: error: {source}: line 3: $.name: missing required key 'name'")
    assert "line 4" not in err  # reading stopped at the first bad line
    assert output.read_text(encoding="utf-8") == "old report\n"
    assert not Path(f"{source}.rejects.jsonl").exists()


def test_a_report_that_leans_on_a_rejected_line_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = good_lines()
    broken_deal = lines[2].replace(b'"id":"d-1"', b'"id":"d-1","oops":1')
    source = tmp_path / "log.jsonl"
    source.write_bytes(lines[0] + lines[1] + broken_deal + lines[3])
    code, _, err = report(capsys, str(source), "--skip-invalid")
    assert code == 1
    assert "1 lines read" not in err
    assert "4 lines read, 3 accepted, 1 rejected" in err
    assert f"may be among the 1 rejected line(s) in {source}.rejects.jsonl" in err
    assert rejects_of(Path(f"{source}.rejects.jsonl"))[0]["line"] == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rejects", "r.jsonl"], "--rejects names the file of --skip-invalid"),
        (["--skip-invalid", "--rejects", "{source}"], "the rejects file cannot be the input"),
        (
            ["--skip-invalid", "--rejects", "same.txt", "-o", "same.txt"],
            "cannot be the --output file",
        ),
    ],
)
def test_skip_invalid_usage_errors(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "log.jsonl"
    source.write_bytes(b"".join(good_lines()))
    before = source.read_bytes()
    code, _, err = report(capsys, str(source), *[arg.format(source=source) for arg in args])
    assert code == 2
    assert message in err
    assert source.read_bytes() == before


def test_skip_invalid_is_for_logs_not_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "workspace.json"
    write_document(source, good())
    code, _, err = report(capsys, str(source), "--skip-invalid")
    assert code == 2
    assert "run 'nanokit validate" in err


def test_an_interrupted_skip_invalid_run_keeps_the_old_rejects_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = good_lines()
    source = tmp_path / "log.jsonl"
    source.write_bytes(lines[0] + BAD_LINES[0] + lines[1] + lines[2] + lines[3])
    rejects = Path(f"{source}.rejects.jsonl")
    rejects.write_text("from the last run\n", encoding="utf-8")
    taken: list[object] = []

    def take(self: object, record: object) -> None:
        taken.append(record)
        if len(taken) == 3:
            raise KeyboardInterrupt

    monkeypatch.setattr(nanokit.cli._Sink, "take", take)
    code, _, err = report(capsys, str(source), "--skip-invalid")
    assert code == 130
    assert "interrupted" in err
    assert rejects.read_text(encoding="utf-8") == "from the last run\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == [source.name, rejects.name]


# -- atomic writers ---------------------------------------------------------------------------
def _interrupted(items: list[Any], error: BaseException) -> Iterator[Any]:
    yield from items
    raise error


WRITERS: dict[str, Callable[[Path, Callable[[], Iterator[Any]]], object]] = {
    "write_jsonl": lambda path, objs: write_jsonl(path, objs()),
    "write_records": lambda path, objs: write_records(path, objs()),
}


@pytest.mark.parametrize("writer", list(WRITERS))
@pytest.mark.parametrize("error", [RuntimeError("boom"), KeyboardInterrupt()])
def test_an_interrupted_writer_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, writer: str, error: BaseException
) -> None:
    target = tmp_path / "out.jsonl"
    target.write_bytes(b"the old content\n")
    records = _records(good())
    with pytest.raises(type(error)):
        WRITERS[writer](target, lambda: _interrupted(records, error))
    assert target.read_bytes() == b"the old content\n"
    assert list(tmp_path.iterdir()) == [target]


def test_a_record_that_cannot_be_written_mid_way_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_bytes(b"old\n")
    with pytest.raises(ValidationError):
        write_records(target, [person(), Money("1"), person("inf-2")])  # type: ignore[list-item]
    assert target.read_bytes() == b"old\n"
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize("writer", ["write_document", "write_text"])
def test_a_failed_rename_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer: str
) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old\n")

    def refuse(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    write: Callable[[], None] = (
        (lambda: write_document(target, good()))
        if writer == "write_document"
        else (lambda: write_text(target, "new\n"))
    )
    with pytest.raises(OSError, match="disk full"):
        write()
    assert target.read_bytes() == b"old\n"
    assert list(tmp_path.iterdir()) == [target]


def test_a_write_that_succeeds_leaves_only_the_target(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_document(target, good())
    write_records(tmp_path / "out.jsonl", _records(good()))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.json", "out.jsonl"]
    assert load_document(target.read_bytes(), strict=True) == good()
