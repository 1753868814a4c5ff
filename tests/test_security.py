"""Safe output: what users typed never turns into markup, formulas, terminal commands or code.

* The HTML report escapes every user-supplied string: `<script>` and `" onload="` planted in
  names, handles, ids, campaign names, brands, notes and hashtags come out as text only.
* CSV cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return)
  are neutralised with a leading `'`; plain numbers such as `-0.25` are left alone.
* Table output shows control characters and bidirectional controls as escapes.
* Nothing in `src/nanokit` evaluates, unpickles or unmarshals input.
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import io
import re
import tokenize
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest

from nanokit import (
    Audience,
    Campaign,
    Compensation,
    Deal,
    Influencer,
    Interaction,
    Kpi,
    Money,
    SocialAccount,
    Workspace,
)
from nanokit._render import render_csv, render_html, safe_cell, visible
from nanokit.cli import _view, _workspace_sink, main
from nanokit.serialization import write_document, write_records

SRC = Path(__file__).resolve().parents[1] / "src" / "nanokit"

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '" onload="x'
PAYLOADS = [
    SCRIPT,
    ATTRIBUTE,
    "' onmouseover='x",
    "<img src=x onerror=alert(1)>",
    "</title><script>alert(2)</script>",
    "</style><svg onload=alert(3)>",
    "&lt;script&gt;&amp;",
    "<!--",
]
START = dt.date(2026, 5, 1)
AT = dt.datetime(2026, 5, 3, 18, 0, tzinfo=dt.timezone.utc)
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "p", "table", "thead", "tbody",
    "tr", "th", "td", "div", "figure", "figcaption", "svg", "line", "text", "rect", "ul", "li",
}  # fmt: skip


def hostile_workspace(payload: str, *, name: str | None = None) -> Workspace:
    """One influencer, campaign and deal and their interactions, the payload everywhere."""
    tag = "#" + re.sub(r"\s", "", payload)
    person = Influencer(
        id=f"inf-{payload}",
        name=name if name is not None else f"Maya {payload}",
        accounts=[
            SocialAccount(
                "instagram", f"@{payload}", audience=Audience("instagram", 8000, measured_at=AT)
            )
        ],
        niches=[payload],
        notes=payload,
    )
    campaign = Campaign(
        id=f"cmp-{payload}",
        brand=f"Brand {payload}",
        name=f"Launch {payload}",
        objective="sales",
        media_kind="paid",
        start=START,
        required_hashtags=["#ad", tag],
    )
    deal = Deal(
        f"deal-{payload}",
        campaign.id,
        person.id,
        Compensation(cash_per_post=Money("60")),
    )

    def event(number: int, kind: str, count: int = 1, value: Money | None = None) -> Interaction:
        return Interaction(
            id=f"ev-{number}-{payload}",
            occurred_at=AT,
            influencer_id=person.id,
            kind=kind,
            count=count,
            campaign_id=campaign.id,
            deal_id=deal.id,
            content_id=f"post-{payload}",
            value=value,
            hashtags=["#ad", tag],
            note=payload,
        )

    events = [
        event(1, "post"),
        event(2, "impression", 2000),
        event(3, "like", 150),
        event(4, "comment", 12),
        event(5, "click", 40),
        event(6, "conversion", 1, Money("20.00")),
    ]
    return Workspace(influencers=[person], campaigns=[campaign], deals=[deal], interactions=events)


class Page(HTMLParser):
    """Every tag, attribute and piece of text of an HTML page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.texts: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.texts.append(data)

    @property
    def text(self) -> str:
        return "\n".join(self.texts)


def assert_text_only(page: Page, payload: str) -> None:
    assert set(page.tags) <= ALLOWED_TAGS, set(page.tags) - ALLOWED_TAGS
    assert "script" not in page.tags
    for name, value in page.attributes:
        assert not name.startswith("on"), (name, value)
        assert name in {
            "lang", "charset", "name", "content", "class", "xmlns", "role", "width", "height",
            "viewbox", "aria-label", "x", "y", "x1", "y1", "x2", "y2", "text-anchor", "fill",
            "stroke", "stroke-width",
        }, name  # fmt: skip
        assert payload not in (value or "")


def html_report(tmp_path: Path, workspace: Workspace, *options: str) -> str:
    source = tmp_path / "workspace.json"
    write_document(source, workspace)
    target = tmp_path / "report.html"
    code = main(["-q", "report", str(source), "--format", "html", "-o", str(target), *options])
    assert code == 0
    return target.read_text(encoding="utf-8")


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("by", ["influencer", "campaign", "deal"])
def test_the_html_report_holds_planted_markup_as_text_only(
    tmp_path: Path, payload: str, by: str
) -> None:
    workspace = hostile_workspace(payload)
    page = Page(html_report(tmp_path, workspace, "--by", by))
    assert_text_only(page, payload)
    assert payload in page.text  # shown, as text
    assert page.tags.count("table") == 1


@pytest.mark.parametrize("payload", [SCRIPT, ATTRIBUTE])
def test_a_campaign_report_escapes_the_campaign_in_its_title(tmp_path: Path, payload: str) -> None:
    workspace = hostile_workspace(payload)
    text = html_report(tmp_path, workspace, "--campaign", f"cmp-{payload}")
    page = Page(text)
    assert_text_only(page, payload)
    assert f"Launch {payload}" in page.text
    assert f"Brand {payload}" in page.text
    assert "<title>Campaign report: Launch " in text


def test_the_html_report_from_a_json_lines_log_is_escaped_too(tmp_path: Path) -> None:
    workspace = hostile_workspace(SCRIPT)
    source = tmp_path / "log.jsonl"
    write_records(
        source,
        [
            *workspace.influencers,
            *workspace.campaigns,
            *workspace.deals,
            *workspace.interactions,
        ],
    )
    target = tmp_path / "report.html"
    assert main(["-q", "report", str(source), "--format", "html", "-o", str(target)]) == 0
    page = Page(target.read_text(encoding="utf-8"))
    assert_text_only(page, SCRIPT)
    assert f"Maya {SCRIPT}" in page.text


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_string_of_a_report_view_is_escaped(payload: str) -> None:
    workspace = hostile_workspace(payload)
    view = _view(
        _workspace_sink(workspace, "influencer", None),
        group_by="influencer",
        rank_by=Kpi.CPE,
        definition_name="nanokit",
        source=payload,
    )
    rows = tuple(attrs.evolve(row, tier=payload, group=payload) for row in view.rows)
    view = attrs.evolve(
        view,
        title=payload,
        group_by=payload,
        definition=payload,
        rows=rows,
        notes=(payload, f"second {payload}"),
    )
    page = Page(render_html(view))
    assert_text_only(page, payload)
    assert page.text.count(payload) >= 5


# -- CSV --------------------------------------------------------------------------------------
FORMULAS = [
    '=HYPERLINK("http://evil.example", "x")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(1)",
    "\t=1",
    "\r=1",
    "-",
    "=",
]


@pytest.mark.parametrize("formula", FORMULAS)
def test_a_csv_cell_that_could_run_as_a_formula_is_neutralised(formula: str) -> None:
    assert safe_cell(formula) == "'" + formula


@pytest.mark.parametrize(
    "number", ["-0.25", "-1", "+5", "-1200.50", "0", "3.5E+2", "-1e5", "12", "Maya", "a=b", ""]
)
def test_plain_numbers_and_text_are_left_alone(number: str) -> None:
    assert safe_cell(number) == number


@pytest.mark.parametrize(
    "text", ["-nan", "-inf", "-Infinity", "+NaN", "-sNaN", "-1_000", "- 1", "-1 ", "-1\n"]
)
def test_text_that_only_looks_numeric_is_neutralised(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("formula", [f for f in FORMULAS if f.strip() not in ("-", "=")])
def test_the_csv_report_neutralises_names_and_ids(tmp_path: Path, formula: str) -> None:
    workspace = hostile_workspace("x", name=formula)
    person = attrs.evolve(workspace.influencers[0], id=formula.strip() or "id")
    workspace = Workspace(
        influencers=[person],
        campaigns=workspace.campaigns,
        deals=[attrs.evolve(workspace.deals[0], influencer_id=person.id)],
        interactions=[
            attrs.evolve(event, influencer_id=person.id) for event in workspace.interactions
        ],
    )
    source = tmp_path / "workspace.json"
    write_document(source, workspace)
    target = tmp_path / "report.csv"
    assert main(["-q", "report", str(source), "--format", "csv", "-o", str(target)]) == 0
    rows = list(csv.DictReader(io.StringIO(target.read_bytes().decode("utf-8"), newline="")))
    assert rows[0]["name"] == "'" + formula
    assert rows[0]["group"] == "'" + person.id
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "@", "\t", "\r")) or cell.startswith("'")
            if cell.startswith("-"):
                Decimal(cell)  # a plain negative number, untouched


@pytest.mark.parametrize("breaker", ["\r", "\n", "\r\n"])
def test_a_line_break_inside_a_name_cannot_start_a_new_csv_row(
    tmp_path: Path, breaker: str
) -> None:
    # A bare CR left unquoted would end the row in a spreadsheet, and "=..." would start
    # the next one as a formula.
    name = f"Sam{breaker}=1+1"
    source = tmp_path / "workspace.json"
    write_document(source, hostile_workspace("x", name=name))
    target = tmp_path / "report.csv"
    assert main(["-q", "report", str(source), "--format", "csv", "-o", str(target)]) == 0
    text = target.read_bytes().decode("utf-8")
    assert f',"{name}",' in text
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert [row[2] for row in rows[1:-1]] == [name]
    assert text.endswith("\n")
    assert "\r\n" not in text.replace(name, "")  # rows end with \n alone


def test_negative_numbers_in_the_csv_report_are_untouched(tmp_path: Path) -> None:
    source = tmp_path / "workspace.json"
    write_document(source, hostile_workspace("x"))  # $60 paid, $20 sold: a loss
    target = tmp_path / "report.csv"
    assert main(["-q", "report", str(source), "--format", "csv", "-o", str(target)]) == 0
    rows = list(csv.DictReader(io.StringIO(target.read_bytes().decode("utf-8"), newline="")))
    assert rows[0]["roi"].startswith("-")
    assert Decimal(rows[0]["roi"]) < 0
    assert rows[-1]["roi"] == rows[0]["roi"]


def test_the_csv_renderer_neutralises_every_text_column() -> None:
    workspace = hostile_workspace("x")
    view = _view(
        _workspace_sink(workspace, "influencer", None),
        group_by="influencer",
        rank_by=Kpi.CPE,
        definition_name="nanokit",
        source="s",
    )
    rows = tuple(attrs.evolve(row, group="=1", name="+2+3", tier="@3") for row in view.rows)
    text = render_csv(attrs.evolve(view, rows=rows))
    first = next(csv.DictReader(io.StringIO(text, newline="")))
    assert (first["group"], first["name"], first["tier"]) == ("'=1", "'+2+3", "'@3")


# -- terminals --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\x1b[2Jb", "a\\x1b[2Jb"),
        ("Sam\u202eevil", "Sam\\u202eevil"),
        ("line\nbreak", "line\\x0abreak"),
        ("tab\there", "tab\\x09here"),
        ("bell\x07", "bell\\x07"),
        ("c1\x9b", "c1\\x9b"),
        ("In\u00e8s \U0001f600", "In\u00e8s \U0001f600"),
    ],
)
def test_terminal_text_shows_control_characters_as_escapes(raw: str, shown: str) -> None:
    assert visible(raw) == shown


def test_the_table_report_cannot_drive_the_terminal(tmp_path: Path) -> None:
    workspace = hostile_workspace("x", name="Sam\x1b]0;pwned\x07\u202e\r\nevil")
    source = tmp_path / "workspace.json"
    write_document(source, workspace)
    target = tmp_path / "report.txt"
    assert main(["-q", "report", str(source), "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert "\x1b" not in text
    assert "\u202e" not in text
    assert "\r" not in text
    assert "Sam\\x1b]0;pwned\\x07\\u202e\\x0d\\x0aevil" in text


# -- no code from input -----------------------------------------------------------------------
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "breakpoint"}
FORBIDDEN_MODULES = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "yaml", "dill", "jsonpickle", "cloudpickle", "subprocess"}  # fmt: skip
FORBIDDEN_TEXT = re.compile(
    r"\b(eval|exec)\s*\(|\bpickle\s*\.\s*loads?\b|\byaml\s*\.\s*(unsafe_)?load\b|"
    r"\bmarshal\s*\.\s*loads?\b|\bshelve\s*\.\s*open\b|\bos\s*\.\s*system\b"
)
# Reviewed exceptions: functions that run code they generate themselves from constant names
# (as attrs does for __init__), never from input. Each entry is (file, function).
REVIEWED = {
    ("serialization.py", "_make_builder"),  # one slot assignment per Interaction field
}


def _sources() -> list[Path]:
    files = sorted(SRC.rglob("*.py"))
    assert len(files) > 10
    return files


def _reviewed_lines(path: Path, tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and (
            (path.name, node.name) in REVIEWED
        ):
            lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return lines


def _code_only(path: Path, skip: set[int] = frozenset()) -> str:  # type: ignore[assignment]
    """The file's code, without comments, strings (docstrings too) and the `skip` lines."""
    kept: list[str] = []
    with path.open("rb") as handle:
        for token in tokenize.tokenize(handle.readline):
            if token.type in (tokenize.COMMENT, tokenize.STRING, tokenize.ENCODING):
                continue
            if token.start[0] in skip:
                continue
            kept.append(token.string)
    return " ".join(kept)


@pytest.mark.parametrize("path", _sources(), ids=lambda path: str(path.relative_to(SRC)))
def test_no_source_evaluates_or_unpickles_anything(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    reviewed = _reviewed_lines(path, tree)
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in reviewed:
            continue
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in FORBIDDEN_CALLS, f"{path}:{node.lineno}: {node.func.id}()"
        if isinstance(node, ast.Import):
            for alias in node.names:
                assert alias.name.split(".")[0] not in FORBIDDEN_MODULES, f"{path}:{node.lineno}"
        if isinstance(node, ast.ImportFrom) and node.module:
            assert node.module.split(".")[0] not in FORBIDDEN_MODULES, f"{path}:{node.lineno}"
    found = FORBIDDEN_TEXT.search(_code_only(path, reviewed))
    assert found is None, f"{path}: {found.group(0) if found else ''}"


def test_every_reviewed_exception_still_exists() -> None:
    # A stale entry would silently widen what the test lets through.
    for name, function in REVIEWED:
        path = SRC / name
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert _reviewed_lines(path, tree), (name, function)


def test_the_grep_would_catch_an_offender(tmp_path: Path) -> None:
    offender = tmp_path / "bad.py"
    offender.write_text(
        '"""eval( in a docstring is fine."""\nimport yaml\n\ndata = yaml.load(text)  # no\n'
        "value = eval (data)\n",
        encoding="utf-8",
    )
    code = _code_only(offender)
    assert "docstring" not in code
    assert FORBIDDEN_TEXT.search(code) is not None
    assert FORBIDDEN_TEXT.search(_code_only(offender, {4, 5})) is None
    tree = ast.parse(offender.read_text(encoding="utf-8"))
    calls = [
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    ]
    assert "eval" in calls
