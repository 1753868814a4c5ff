"""Tests for nanokit.cli: the `nanokit` command, in-process and as a real subprocess.

Every figure checked here is recomputed by the test from the generated workspace (by
summing interactions, or through `nanokit.kpi.campaign_report`, a code path the command does
not use), never copied from the command's own output.
"""

from __future__ import annotations

import argparse
import copy
import csv
import datetime as dt
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import types
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nanokit
from nanokit import InteractionKind, Kpi, Money, Workspace, cli
from nanokit.demo import (
    DEMO_NOW,
    GIFTED_CAMPAIGN_ID,
    PAID_CAMPAIGN_ID,
    WORKED_EXAMPLE_DEAL_ID,
    WORKED_EXAMPLE_INFLUENCER_ID,
    demo_workspace,
)
from nanokit.kpi import campaign_report
from nanokit.policy import care, loyalty
from nanokit.serialization import to_dict

# The columns a report shows (issue 5: "the report's columns").
HEADERS = [
    "#", "id", "name", "tier", "posts", "impressions", "engagements", "ER", "clicks", "sales",
    "cost", "revenue", "CPE", "CPM", "CPC", "CPA", "conv.", "ROI", "ROAS",
]  # fmt: skip
# Report columns (JSON/CSV key) that hold a KPI a report can be ranked by.
RANKABLE = [
    "impressions", "engagements", "engagement_rate", "clicks", "conversions", "cost", "revenue",
    "cpe", "cpm", "cpc", "cpa", "conversion_rate", "roi", "roas",
]  # fmt: skip
ENGAGEMENT_KINDS = (
    InteractionKind.LIKE,
    InteractionKind.COMMENT,
    InteractionKind.SHARE,
    InteractionKind.SAVE,
)
NOW = DEMO_NOW.isoformat()


# -- helpers ----------------------------------------------------------------------------------
def _script() -> Path | None:
    found = shutil.which("nanokit")
    if found is not None:
        return Path(found)
    beside = Path(sys.executable).with_name("nanokit")
    return beside if beside.is_file() else None


SCRIPT = _script()
needs_script = pytest.mark.skipif(
    SCRIPT is None, reason="the `nanokit` console script is not installed (pip install -e .)"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command in-process: exit code, standard output, standard error."""
    capsys.readouterr()
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_script(*argv: str, module: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the installed script (or `python -m nanokit`) as a real subprocess."""
    command = [sys.executable, "-m", "nanokit"] if module else [str(SCRIPT)]
    return subprocess.run(
        [*command, *argv],
        capture_output=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def table_block(text: str, title_start: str) -> list[str]:
    """The lines of the report table whose title starts with `title_start`."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title_start))
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    return lines[start:end]


def parse_table(block: list[str]) -> tuple[list[str], list[dict[str, str]]]:
    """Headers and rows of an aligned table, cut at the columns of its dashes line."""
    index = next(i for i, line in enumerate(block) if re.fullmatch(r"[- ]+", line))
    spans = [match.span() for match in re.finditer(r"-+", block[index])]

    def cells(line: str) -> list[str]:
        return [line[start:end].strip() for start, end in spans]

    headers = cells(block[index - 1])
    rows = [
        dict(zip(headers, cells(line), strict=True))
        for line in block[index + 1 :]
        if not line.startswith("note:")
    ]
    return headers, rows


def shown(cell: str) -> Decimal | None:
    """A displayed number back as a Decimal: `$1,080.00` -> 1080.00, `9.12%` -> 9.12."""
    if cell == "-":
        return None
    return Decimal(cell.replace("$", "").replace(",", "").replace("%", ""))


def close(cell: str, value: object, *, percent: bool = False) -> bool:
    """Whether a displayed cell is `value` rounded to the digits it shows."""
    if value is None:
        return cell == "-"
    number = value.amount if isinstance(value, Money) else Decimal(str(value))
    if percent:
        number *= 100
    got = shown(cell)
    if got is None:
        return False
    exponent = got.as_tuple().exponent
    digits = -exponent if isinstance(exponent, int) else 0
    return abs(got - number) <= Decimal(5) / Decimal(10) ** (digits + 1) + Decimal("1e-12")


def json_number(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return Decimal(value["amount"])
    return Decimal(str(value))


class WellFormed(HTMLParser):
    """Checks that every element is closed in order; counts tags."""

    VOID = frozenset({"meta", "link", "br", "hr", "img", "input", "col", "wbr", "source"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def check_html(text: str) -> WellFormed:
    checker = WellFormed()
    checker.feed(text)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    return checker


# -- fixtures ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def workspace() -> Workspace:
    return demo_workspace()


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """`nanokit demo --write DIR` run once, in-process: its output and the folder."""
    folder = tmp_path_factory.mktemp("demo")
    buffer = io.StringIO()
    saved = sys.stdout
    sys.stdout = buffer
    try:
        code = cli.main(["demo", "--write", str(folder)])
    finally:
        sys.stdout = saved
    assert code == 0
    return buffer.getvalue(), folder


@pytest.fixture(scope="module")
def demo_text(demo_run: tuple[str, Path]) -> str:
    return demo_run[0]


@pytest.fixture(scope="module", params=["workspace.json", "workspace.jsonl"])
def saved(request: pytest.FixtureRequest, demo_run: tuple[str, Path]) -> Path:
    """The demo's own `--write` output: the document and the JSON Lines log."""
    return demo_run[1] / str(request.param)


@pytest.fixture(scope="module")
def paid_report(workspace: Workspace) -> Any:
    campaign = next(c for c in workspace.campaigns if c.id == PAID_CAMPAIGN_ID)
    return campaign_report(
        campaign, workspace.deals, workspace.interactions, workspace.influencers
    )


def report_json(capsys: pytest.CaptureFixture[str], path: Path, *extra: str) -> Any:
    code, out, err = run(capsys, "report", str(path), "--format", "json", *extra)
    assert (code, err) == (0, "")
    return json.loads(out)


# -- demo -------------------------------------------------------------------------------------
def test_demo_shows_the_worked_example_recomputed_from_the_interactions(
    demo_text: str, workspace: Workspace
) -> None:
    deal = next(d for d in workspace.deals if d.id == WORKED_EXAMPLE_DEAL_ID)
    events = [e for e in workspace.interactions if e.deal_id == deal.id]
    counts: Counter[InteractionKind] = Counter()
    for event in events:
        counts[event.kind] += event.count
    engagements = sum(counts[kind] for kind in ENGAGEMENT_KINDS)
    paid = sum(
        (e.value.amount for e in events if e.kind is InteractionKind.PAYMENT and e.value),
        Decimal(0),
    )
    product = deal.compensation.product
    assert product is not None
    cost = paid + product.retail_value.amount
    revenue = sum(
        (e.value.amount for e in events if e.kind is InteractionKind.CONVERSION and e.value),
        Decimal(0),
    )
    headers, rows = parse_table(table_block(demo_text, "Campaign report: Summer granola"))
    assert headers == HEADERS
    row = next(r for r in rows if r["id"] == WORKED_EXAMPLE_INFLUENCER_ID)
    assert row["posts"] == f"{counts[InteractionKind.POST]:,}"
    assert row["engagements"] == f"{engagements:,}"
    assert row["impressions"] == f"{counts[InteractionKind.IMPRESSION]:,}"
    assert row["clicks"] == f"{counts[InteractionKind.CLICK]:,}"
    assert row["sales"] == f"{counts[InteractionKind.CONVERSION]:,}"
    assert row["cost"] == f"${cost:,.2f}"
    assert row["revenue"] == f"${revenue:,.2f}"
    assert close(row["CPE"], cost / engagements)
    assert close(row["ROI"], (revenue - cost) / cost, percent=True)
    assert close(row["ROAS"], revenue / cost)
    assert close(row["CPC"], cost / counts[InteractionKind.CLICK])
    assert row["tier"] == "nano"  # 8,000 followers (DOMAIN.md, worked example)


def test_demo_tables_match_campaign_report_row_by_row(
    demo_text: str, workspace: Workspace, paid_report: Any
) -> None:
    _, rows = parse_table(table_block(demo_text, "Campaign report: Summer granola"))
    assert [r["id"] for r in rows[:-1]] == [r.influencer_id for r in paid_report.rows]
    for row, expected in zip(rows, [*paid_report.rows, None], strict=True):
        report = paid_report.totals if expected is None else expected.report
        totals = report.totals
        if expected is not None:
            assert row["#"] == str(expected.rank)
            assert row["name"] == expected.name
        else:
            assert row["id"] == "total"
        for header, value in [
            ("posts", totals.posts),
            ("impressions", totals.impressions),
            ("engagements", totals.engagements),
            ("clicks", totals.clicks),
            ("sales", totals.conversions),
        ]:
            assert row[header] == f"{value:,}", header
        assert row["cost"] == f"${totals.cost.amount:,.2f}"
        assert row["revenue"] == f"${totals.revenue.amount:,.2f}"
        for header, kpi in [("CPE", Kpi.CPE), ("CPM", Kpi.CPM), ("ROAS", Kpi.ROAS)]:
            assert close(row[header], report.value(kpi)), header
        for header, kpi in [("ER", Kpi.ENGAGEMENT_RATE), ("ROI", Kpi.ROI)]:
            assert close(row[header], report.value(kpi), percent=True), header


def test_demo_shows_both_campaigns_the_ghosted_and_the_cash_upgrades(
    demo_text: str, workspace: Workspace
) -> None:
    for campaign_id in (PAID_CAMPAIGN_ID, GIFTED_CAMPAIGN_ID):
        assert f"{campaign_id})" in demo_text
    waiting = care.unanswered_pitches(workspace.interactions, now=DEMO_NOW)
    assert waiting  # the demo plants two
    ghost_section = demo_text.split("unanswered", 1)[1].split("first dibs", 1)[0]
    ghost_ids = re.findall(r"^(inf-\S+)", ghost_section, flags=re.M)
    assert ghost_ids == [event.influencer_id for event in waiting]
    ranked = loyalty.first_dibs(workspace.influencers, workspace.deals, as_of=DEMO_NOW)
    dibs = demo_text.split("first dibs", 1)[1]
    _, rows = parse_table(dibs.splitlines()[1:])
    assert [r["influencer"] for r in rows if r["influencer"].startswith("inf-")][
        : len(ranked)
    ] == [i.id for i in ranked]
    due = [
        i.id
        for i in ranked
        if loyalty.loyalty_standing(i.id, workspace.deals, as_of=DEMO_NOW).cash_due
    ]
    assert due
    upgrade = dibs.split("due a cash upgrade", 1)[1]
    assert re.findall(r"^- (inf-\S+)", upgrade, flags=re.M) == due


def test_demo_seed_changes_the_numbers_not_the_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, first, _ = run(capsys, "demo", "--seed", "7")
    assert code == 0
    code, again, _ = run(capsys, "demo", "--seed", "7")
    assert code == 0
    assert again == first
    headers, _ = parse_table(table_block(first, "Campaign report: Summer granola"))
    assert headers == HEADERS


@needs_script
def test_demo_as_a_subprocess_and_as_a_module_prints_the_same(demo_text: str) -> None:
    script = run_script("demo")
    module = run_script("demo", module=True)
    for done in (script, module):
        assert (done.returncode, done.stderr) == (0, "")
        # The in-process run also listed the files it wrote; the rest is identical.
        assert demo_text.startswith(done.stdout)


# -- report -----------------------------------------------------------------------------------
def test_report_on_the_demo_files_prints_the_demo_table(
    capsys: pytest.CaptureFixture[str], demo_text: str, saved: Path
) -> None:
    code, out, err = run(capsys, "report", str(saved), "--campaign", PAID_CAMPAIGN_ID)
    assert (code, err) == (0, "")
    expected = table_block(demo_text, "Campaign report: Summer granola")
    assert table_block(out, "Campaign report: Summer granola") == expected


@needs_script
def test_report_as_a_subprocess_matches_in_process(
    capsys: pytest.CaptureFixture[str], saved: Path
) -> None:
    argv = ("report", str(saved), "--campaign", PAID_CAMPAIGN_ID, "--format", "json")
    _, inside, _ = run(capsys, *argv)
    done = run_script(*argv)
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout) == json.loads(inside)


def test_json_report_parses_and_matches_campaign_report(
    capsys: pytest.CaptureFixture[str], saved: Path, paid_report: Any
) -> None:
    data = report_json(capsys, saved, "--campaign", PAID_CAMPAIGN_ID)
    assert data["group_by"] == "influencer"
    assert data["rank_by"] == "cpe"
    assert [row["group"] for row in data["rows"]] == [r.influencer_id for r in paid_report.rows]
    for row, expected in zip(data["rows"], paid_report.rows, strict=True):
        assert row["rank"] == expected.rank
        report = expected.report
        assert Decimal(row["cost"]["amount"]) == report.totals.cost.amount
        assert row["cost"]["currency"] == report.totals.cost.currency
        assert Decimal(row["revenue"]["amount"]) == report.totals.revenue.amount
        assert row["engagements"] == report.totals.engagements
        for key in ("cpe", "roi", "roas"):
            value = report.value(Kpi(key))
            expected_number = value.amount if isinstance(value, Money) else value
            assert json_number(row[key]) == expected_number, key
    assert Decimal(data["total"]["cost"]["amount"]) == sum(
        Decimal(row["cost"]["amount"]) for row in data["rows"]
    )


def test_csv_report_reads_back_to_the_json_numbers(
    capsys: pytest.CaptureFixture[str], saved: Path
) -> None:
    data = report_json(capsys, saved, "--campaign", PAID_CAMPAIGN_ID)
    code, out, err = run(
        capsys, "report", str(saved), "--campaign", PAID_CAMPAIGN_ID, "--format", "csv"
    )
    assert (code, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(data["rows"]) + 1
    assert rows[-1]["group"] == "total"
    for got, want in zip(rows, [*data["rows"], data["total"]], strict=True):
        for key in ("posts", "impressions", "engagements", "clicks", "conversions"):
            assert int(got[key]) == want[key], key
        for key in ("cost", "revenue", "cpe", "cpm", "cpc", "cpa", "roi", "roas"):
            number = json_number(want[key])
            assert (Decimal(got[key]) if got[key] else None) == number, key
        for key in ("engagement_rate", "conversion_rate"):
            assert (float(got[key]) if got[key] else None) == want[key], key
        assert got["currency"] == "USD"


def test_html_report_is_well_formed_with_one_svg_per_chart(
    capsys: pytest.CaptureFixture[str], saved: Path
) -> None:
    data = report_json(capsys, saved, "--campaign", PAID_CAMPAIGN_ID)
    code, out, err = run(
        capsys, "report", str(saved), "--campaign", PAID_CAMPAIGN_ID, "--format", "html"
    )
    assert (code, err) == (0, "")
    assert out.startswith("<!DOCTYPE html>")
    tags = check_html(out).tags
    assert tags["svg"] == tags["figure"] == out.count("<svg") == 3
    assert tags["tr"] == len(data["rows"]) + 2  # header, rows, total
    # Self-contained: no script, no style sheet, image or font fetched from elsewhere.
    assert not {"script", "link", "img", "iframe", "object"} & set(tags)
    assert "url(" not in out
    assert "src=" not in out
    svgs = re.findall(r"<svg.*?</svg>", out, flags=re.S)
    captions = re.findall(r"<figcaption>(.*?)</figcaption>", out)
    assert [c.rsplit(" per ", 1)[0] for c in captions] == [
        "Engagement rate",
        "Cost per engagement",
        "Return on investment",
    ]
    ns = {"s": "http://www.w3.org/2000/svg"}
    for svg in svgs:
        root = ET.fromstring(svg)  # SVG is XML: it must parse as such
        assert len(root.findall("s:rect", ns)) == len(data["rows"])
    # The ROI chart: a loss is drawn left of the zero line, a gain right of it.
    roi = ET.fromstring(svgs[2])
    bars = root_bars(roi, ns)
    values = [json_number(row["roi"]) for row in data["rows"]]
    assert any(v is not None and v < 0 for v in values)
    assert any(v is not None and v > 0 for v in values)
    axis = roi.findall("s:line", ns)
    assert len(axis) == 1
    assert axis[0].attrib["x1"] == axis[0].attrib["x2"]
    zero = float(axis[0].attrib["x1"])
    for (x, width), value in zip(bars, values, strict=True):
        if value is not None and value < 0:
            assert x + width == pytest.approx(zero, abs=0.15)
        elif value is not None and value > 0:
            assert x == pytest.approx(zero, abs=0.15)


def root_bars(root: ET.Element, ns: dict[str, str]) -> list[tuple[float, float]]:
    return [
        (float(rect.attrib["x"]), float(rect.attrib["width"]))
        for rect in root.findall("s:rect", ns)
    ]


def _hostile(workspace: Workspace) -> Workspace:
    """The demo with names a spreadsheet or a browser could run."""
    names = {
        WORKED_EXAMPLE_INFLUENCER_ID: "<script>alert('x')</script> & Co",
        "inf-amara-fenwick": '=HYPERLINK("http://evil.example","x")',
        "inf-ines-marlowe": "+1 call me",
        "inf-felix-arsenault": "@SUM(A1)",
        "inf-lucia-ferrandis": "-2",
    }
    people = [attrs.evolve(i, name=names.get(i.id, i.name)) for i in workspace.influencers]
    return Workspace(
        influencers=people,
        campaigns=workspace.campaigns,
        deals=workspace.deals,
        interactions=workspace.interactions,
    )


def test_hostile_names_are_escaped_in_html_and_neutralised_in_csv(
    capsys: pytest.CaptureFixture[str], workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "hostile.json"
    nanokit.serialization.write_document(path, _hostile(workspace))
    base = ("report", str(path), "--campaign", PAID_CAMPAIGN_ID, "--format")
    code, page, _ = run(capsys, *base, "html")
    assert code == 0
    check_html(page)
    assert "<script" not in page
    assert "&lt;script&gt;" in page
    code, out, _ = run(capsys, *base, "csv")
    assert code == 0
    names = {row["group"]: row["name"] for row in csv.DictReader(io.StringIO(out))}
    assert names[WORKED_EXAMPLE_INFLUENCER_ID] == "<script>alert('x')</script> & Co"
    assert names["inf-amara-fenwick"] == '\'=HYPERLINK("http://evil.example","x")'
    assert names["inf-ines-marlowe"] == "'+1 call me"
    assert names["inf-felix-arsenault"] == "'@SUM(A1)"
    assert names["inf-lucia-ferrandis"] == "-2"  # a plain number is data, not a formula
    for row in csv.DictReader(io.StringIO(out)):
        for key, cell in row.items():
            if key != "name" and cell.startswith(("=", "+", "-", "@")):
                Decimal(cell)  # only plain numbers such as a negative ROI start so


@pytest.mark.parametrize("by", ["campaign", "deal"])
def test_report_by_campaign_and_by_deal(
    capsys: pytest.CaptureFixture[str], saved: Path, workspace: Workspace, by: str
) -> None:
    whole = report_json(capsys, saved, "--by", by)
    assert whole["group_by"] == by
    groups = {row["group"] for row in whole["rows"]}
    own = (
        {c.id for c in workspace.campaigns}
        if by == "campaign"
        else {d.id for d in workspace.deals}
    )
    assert own <= groups
    assert groups - own <= {None}  # interactions tied to no campaign or deal
    total = sum(Decimal(row["cost"]["amount"]) for row in whole["rows"])
    assert Decimal(whole["total"]["cost"]["amount"]) == total
    assert whole["total"]["engagements"] == sum(row["engagements"] for row in whole["rows"])
    one = report_json(capsys, saved, "--by", by, "--campaign", PAID_CAMPAIGN_ID)
    if by == "deal":
        deals = {d.id for d in workspace.deals if d.campaign_id == PAID_CAMPAIGN_ID}
        assert {row["group"] for row in one["rows"]} == deals
    else:
        assert [row["group"] for row in one["rows"]] == [PAID_CAMPAIGN_ID]
        paid = next(row for row in whole["rows"] if row["group"] == PAID_CAMPAIGN_ID)
        assert one["rows"][0]["cost"] == paid["cost"]
        assert one["total"]["engagements"] == paid["engagements"]


@pytest.mark.parametrize("kpi", RANKABLE)
def test_rank_by_orders_rows_best_first(
    capsys: pytest.CaptureFixture[str], demo_run: tuple[str, Path], kpi: str
) -> None:
    path = demo_run[1] / "workspace.json"
    data = report_json(capsys, path, "--by", "deal", "--rank-by", kpi)
    assert data["rank_by"] == kpi
    assert [row["rank"] for row in data["rows"]] == list(range(1, len(data["rows"]) + 1))
    values = [json_number(row[kpi]) for row in data["rows"]]
    defined = [v for v in values if v is not None]
    assert values[: len(defined)] == defined  # undefined values come last
    best_first = sorted(defined) if Kpi(kpi).lower_is_better else sorted(defined, reverse=True)
    assert defined == best_first
    assert len(set(defined)) > 1  # the ordering was really tested


def test_rank_by_roi_puts_losses_last_and_cpe_puts_the_cheapest_first(
    capsys: pytest.CaptureFixture[str], demo_run: tuple[str, Path], paid_report: Any
) -> None:
    path = demo_run[1] / "workspace.jsonl"
    by_roi = report_json(capsys, path, "--campaign", PAID_CAMPAIGN_ID, "--rank-by", "roi")
    rois = {r.influencer_id: r.report.value(Kpi.ROI) for r in paid_report.rows}
    best = max((v, k) for k, v in rois.items() if v is not None)[1]
    assert by_roi["rows"][0]["group"] == best
    cpes = {r.influencer_id: r.report.value(Kpi.CPE) for r in paid_report.rows}
    cheapest = min((v.amount, k) for k, v in cpes.items() if v is not None)[1]
    by_cpe = report_json(capsys, path, "--campaign", PAID_CAMPAIGN_ID, "--rank-by", "cpe")
    assert by_cpe["rows"][0]["group"] == cheapest


def test_definition_grin_counts_likes_and_comments_only(
    capsys: pytest.CaptureFixture[str], saved: Path, workspace: Workspace
) -> None:
    data = report_json(capsys, saved, "--campaign", PAID_CAMPAIGN_ID, "--definition", "grin")
    assert data["engagement_definition"] == "grin"
    row = next(r for r in data["rows"] if r["group"] == WORKED_EXAMPLE_INFLUENCER_ID)
    assert row["engagement_definition"] == "grin"
    counts: Counter[InteractionKind] = Counter()
    for event in workspace.interactions:
        if event.deal_id == WORKED_EXAMPLE_DEAL_ID:
            counts[event.kind] += event.count
    person = next(i for i in workspace.influencers if i.id == WORKED_EXAMPLE_INFLUENCER_ID)
    followers = max(a.audience.followers for a in person.accounts if a.audience)
    per_post = (counts[InteractionKind.LIKE] + counts[InteractionKind.COMMENT]) / counts[
        InteractionKind.POST
    ]
    assert row["engagement_rate"] == pytest.approx(per_post / followers)
    default = report_json(capsys, saved, "--campaign", PAID_CAMPAIGN_ID)
    first = next(r for r in default["rows"] if r["group"] == WORKED_EXAMPLE_INFLUENCER_ID)
    assert first["engagement_rate"] > row["engagement_rate"]  # shares and saves count there


def test_output_file_gets_what_stdout_would_and_stdout_stays_empty(
    capsys: pytest.CaptureFixture[str], saved: Path, tmp_path: Path
) -> None:
    for fmt in ("table", "json", "csv", "html"):
        argv = ["report", str(saved), "--campaign", PAID_CAMPAIGN_ID, "--format", fmt]
        _, expected, _ = run(capsys, *argv)
        target = tmp_path / f"out.{fmt}"
        code, out, err = run(capsys, *argv, "--output", str(target))
        assert (code, out, err) == (0, "", "")
        assert target.read_text(encoding="utf-8") == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "out.csv",
        "out.html",
        "out.json",
        "out.table",
    ]  # no temporary file left behind


def test_a_failing_command_leaves_the_output_file_alone(
    capsys: pytest.CaptureFixture[str], saved: Path, tmp_path: Path
) -> None:
    target = tmp_path / "report.html"
    target.write_text("previous report", encoding="utf-8")
    code, out, err = run(capsys, "report", str(saved), "--campaign", "cmp-nope", "-o", str(target))
    assert code == 2
    assert out == ""
    assert "cmp-nope" in err
    assert target.read_text(encoding="utf-8") == "previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_no_command_changes_its_input_file(
    capsys: pytest.CaptureFixture[str], demo_run: tuple[str, Path], tmp_path: Path
) -> None:
    for name in ("workspace.json", "workspace.jsonl"):
        path = tmp_path / name
        shutil.copyfile(demo_run[1] / name, path)
        before = (sha256(path), path.stat().st_mtime_ns)
        for argv in (
            ["report", str(path), "--format", "html"],
            ["report", str(path), "--by", "deal", "--format", "csv"],
            ["validate", str(path)],
            ["ghosts", str(path), "--now", NOW],
            ["loyalty", str(path), "--now", NOW],
        ):
            code, _, _ = run(capsys, *argv)
            assert code == 0, argv
        assert (sha256(path), path.stat().st_mtime_ns) == before
    # Nothing was written beside the inputs either.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["workspace.json", "workspace.jsonl"]


# -- validate ---------------------------------------------------------------------------------
def _small(workspace: Workspace) -> list[dict[str, Any]]:
    """The worked example's records as tagged dicts: one influencer, campaign and deal."""
    records: list[dict[str, Any]] = []
    for tag, items in (
        ("influencer", [i for i in workspace.influencers if i.id == WORKED_EXAMPLE_INFLUENCER_ID]),
        ("campaign", [c for c in workspace.campaigns if c.id == PAID_CAMPAIGN_ID]),
        ("deal", [d for d in workspace.deals if d.id == WORKED_EXAMPLE_DEAL_ID]),
        (
            "interaction",
            [e for e in workspace.interactions if e.deal_id == WORKED_EXAMPLE_DEAL_ID],
        ),
    ):
        records.extend({"type": tag, **to_dict(item)} for item in items)
    return records


def _index(records: list[dict[str, Any]], tag: str, kind: str | None = None) -> int:
    """The position of the first record of a type (and interaction kind)."""
    return next(
        i
        for i, r in enumerate(records)
        if r["type"] == tag and (kind is None or r.get("kind") == kind)
    )


def _plant_record_mistakes(records: list[dict[str, Any]]) -> list[tuple[int, str, str]]:
    """Five mistakes inside single records: (record position, JSON path, keyword)."""
    planted = []
    pay = _index(records, "interaction", "payment")
    records[pay]["value"]["amount"] = float(records[pay]["value"]["amount"])
    planted.append((pay, "$.value.amount", "string"))
    naive = _index(records, "interaction", "impression")
    records[naive]["occurred_at"] = records[naive]["occurred_at"].replace("+00:00", "")
    planted.append((naive, "$.occurred_at", "UTC offset"))
    like = _index(records, "interaction", "like")
    records[like]["colour"] = "red"
    planted.append((like, "$.colour", "unknown key"))
    click = _index(records, "interaction", "click")
    records[click]["kind"] = "telepathy"
    planted.append((click, "$.kind", "telepathy"))
    extra = copy.deepcopy(records[0])
    extra["id"] = "inf-extra"  # nobody refers to it, so its mistake cascades nowhere
    extra["accounts"][0]["audience"]["followers"] = -5
    records.append(extra)
    planted.append((len(records) - 1, "$.accounts[0].audience.followers", "-5"))
    return planted


def _plant_reference_mistakes(records: list[dict[str, Any]]) -> list[tuple[int, str, str]]:
    """Three mistakes between records: (record position, JSON path, keyword)."""
    planted = []
    comment = _index(records, "interaction", "comment")
    records.append(copy.deepcopy(records[comment]))
    planted.append((len(records) - 1, "$.id", "duplicate"))
    ghost = copy.deepcopy(records[_index(records, "deal")])
    ghost["id"] = "deal-ghost"
    ghost["influencer_id"] = "inf-nobody"
    records.append(ghost)
    planted.append((len(records) - 1, "$.influencer_id", "inf-nobody"))
    early = copy.deepcopy(records[_index(records, "interaction", "share")])
    early["id"] = "ev-too-early"
    early["occurred_at"] = "2020-01-01T09:00:00+00:00"
    records.append(early)
    planted.append((len(records) - 1, "$.occurred_at", "before campaign"))
    return planted


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


_PLURAL = {"influencer": "influencers", "campaign": "campaigns", "deal": "deals"}


def _write_document(
    path: Path, records: list[dict[str, Any]], planted: list[tuple[int, str, str]]
) -> list[tuple[str, str]]:
    """Write records as a document; return each planted mistake's document path."""
    document: dict[str, Any] = {"schema": "nanokit/1"}
    where: dict[int, str] = {}
    for position, record in enumerate(records):
        record = dict(record)
        name = _PLURAL.get(record.pop("type"), "interactions")
        items = document.setdefault(name, [])
        where[position] = f"$.{name}[{len(items)}]"
        items.append(record)
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    return [(where[position] + field[1:], keyword) for position, field, keyword in planted]


def _problem_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if not re.match(r"\d+ problem", line)]


def test_validate_passes_the_demo_files(
    capsys: pytest.CaptureFixture[str], saved: Path, workspace: Workspace
) -> None:
    code, out, err = run(capsys, "validate", str(saved))
    assert (code, err) == (0, "")
    records = sum(
        len(items)
        for items in (
            workspace.influencers,
            workspace.campaigns,
            workspace.deals,
            workspace.interactions,
        )
    )
    assert out == f"{saved}: valid, {records:,} record(s)\n"


def test_validate_lists_each_mistake_of_a_log_with_its_line(
    capsys: pytest.CaptureFixture[str], workspace: Workspace, tmp_path: Path
) -> None:
    records = _small(workspace)
    planted = _plant_record_mistakes(records) + _plant_reference_mistakes(records)
    path = tmp_path / "planted.jsonl"
    _write_jsonl(path, records)
    code, out, err = run(capsys, "validate", str(path))
    assert (code, err) == (1, "")
    problems = _problem_lines(out)
    for position, field, keyword in planted:
        line = position + 1
        hits = [
            p
            for p in problems
            if f"line {line}: {field}" in p and keyword in p and p.startswith(f"{path}: ")
        ]
        assert len(hits) == 1, (line, field, keyword, problems)
    assert len(problems) == len(planted)  # nothing else is blamed
    assert out.splitlines()[-1].startswith(f"{len(planted)} problem(s)")


def test_validate_lists_each_mistake_inside_document_records(
    capsys: pytest.CaptureFixture[str], workspace: Workspace, tmp_path: Path
) -> None:
    records = _small(workspace)
    path = tmp_path / "planted.json"
    places = _write_document(path, records, _plant_record_mistakes(records))
    code, out, err = run(capsys, "validate", str(path))
    assert (code, err) == (1, "")
    problems = _problem_lines(out)
    for place, keyword in places:
        assert len([p for p in problems if f": {place}: " in p and keyword in p]) == 1, place
    assert len(problems) == len(places)


def test_validate_lists_each_mistake_between_document_records(
    capsys: pytest.CaptureFixture[str], workspace: Workspace, tmp_path: Path
) -> None:
    records = _small(workspace)
    path = tmp_path / "planted.json"
    places = _write_document(path, records, _plant_reference_mistakes(records))
    code, out, err = run(capsys, "validate", str(path))
    assert (code, err) == (1, "")
    problems = _problem_lines(out)
    for place, keyword in places:
        assert len([p for p in problems if f": {place}: " in p and keyword in p]) == 1, place
    assert len(problems) == len(places)


def test_validate_lists_both_kinds_of_mistake_in_one_document(
    capsys: pytest.CaptureFixture[str], workspace: Workspace, tmp_path: Path
) -> None:
    records = _small(workspace)
    planted = _plant_record_mistakes(records) + _plant_reference_mistakes(records)
    path = tmp_path / "planted.json"
    places = _write_document(path, records, planted)
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    problems = _problem_lines(out)
    for place, keyword in places:
        assert len([p for p in problems if f": {place}: " in p and keyword in p]) == 1, place


def test_validate_does_not_cascade_from_an_invalid_record(
    capsys: pytest.CaptureFixture[str], workspace: Workspace, tmp_path: Path
) -> None:
    records = _small(workspace)
    records[0]["accounts"][0]["audience"]["followers"] = -5  # the influencer all refer to
    path = tmp_path / "cascade.jsonl"
    _write_jsonl(path, records)
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    assert len(_problem_lines(out)) <= 2


def test_validate_max_errors_stops_listing_but_reads_to_the_end(
    capsys: pytest.CaptureFixture[str], workspace: Workspace, tmp_path: Path
) -> None:
    records = _small(workspace)
    planted = _plant_record_mistakes(records) + _plant_reference_mistakes(records)
    path = tmp_path / "planted.jsonl"
    _write_jsonl(path, records)
    _, everything, _ = run(capsys, "validate", str(path))
    code, out, err = run(capsys, "validate", str(path), "--max-errors", "3")
    assert (code, err) == (1, "")
    assert _problem_lines(out) == _problem_lines(everything)[:3]
    summary = out.splitlines()[-1]
    assert summary.startswith("3 problem(s)")
    assert "--max-errors" in summary
    # The record count is the same: reading went on to the end.
    count = re.search(r"in ([\d,]+) record", summary)
    full = re.search(r"in ([\d,]+) record", everything.splitlines()[-1])
    assert count is not None
    assert full is not None
    assert count.group(1) == full.group(1)
    assert len(planted) > 3


@needs_script
def test_validate_as_a_subprocess(workspace: Workspace, tmp_path: Path) -> None:
    records = _small(workspace)
    planted = _plant_record_mistakes(records)
    path = tmp_path / "planted.jsonl"
    _write_jsonl(path, records)
    done = run_script("validate", str(path))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert len(_problem_lines(done.stdout)) == len(planted)


# -- tier and pay -----------------------------------------------------------------------------
# DOMAIN.md, "Tiers": half-open intervals; HypeAuditor starts at 1,000.
@pytest.mark.parametrize(
    ("followers", "scheme", "tier"),
    [
        ("0", "inbeat", "nano"),
        ("9999", "inbeat", "nano"),
        ("10000", "inbeat", "micro"),
        ("10,000", "inbeat", "micro"),
        ("19999", "inbeat", "micro"),
        ("20000", "inbeat", "mid"),
        ("999999", "inbeat", "macro"),
        ("1000000", "inbeat", "mega"),
        ("999", "hypeauditor", None),
        ("1000", "hypeauditor", "nano"),
        ("49999", "hypeauditor", "micro"),
        ("50000", "hypeauditor", "mid"),
        ("99999", "later", "micro"),
        ("100000", "later", "mid"),
        ("500000", "later", "macro"),
    ],
)
def test_tier_boundaries(
    capsys: pytest.CaptureFixture[str], followers: str, scheme: str, tier: str | None
) -> None:
    code, out, err = run(capsys, "tier", followers, "--scheme", scheme)
    assert (code, err) == (0, "")
    assert len(out.splitlines()) == 1
    if tier is None:
        assert out.startswith("not an influencer")
    else:
        assert out.split()[0] == tier
    assert f"{int(followers.replace(',', '')):,} followers" in out


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_tier_agrees_with_the_library(followers: int) -> None:
    out = io.StringIO()
    saved_stdout, sys.stdout = sys.stdout, out
    try:
        code = cli.main(["tier", str(followers)])
    finally:
        sys.stdout = saved_stdout
    assert code == 0
    tier = nanokit.classify_tier(followers)
    assert out.getvalue().split()[0] == (tier.value if tier else "not")


@needs_script
def test_tier_as_a_subprocess() -> None:
    done = run_script("tier", "999", "--scheme", "hypeauditor")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("not an influencer")


def test_pay_without_an_offer_shows_the_range(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "pay", "--tier", "nano")
    assert (code, err) == (0, "")
    assert "$20.00 - $200.00" in out  # DOMAIN.md, "Pay": nano $20 - $200 per post
    assert "verdict" not in out
    code, out, _ = run(capsys, "pay", "--tier", "nano", "--posts", "3")
    assert code == 0
    assert "$60.00 - $600.00" in out
    assert "per post: $20.00 - $200.00" in out
    code, out, _ = run(capsys, "pay", "--tier", "nano", "--policy", "imh")
    assert code == 0
    assert "$10.00 - $100.00" in out


@pytest.mark.parametrize(
    ("offer", "verdict"),
    [
        ("59.99", "below"),
        ("60", "fair"),
        ("$150", "fair"),
        ("600.00", "fair"),
        ("600.01", "above"),
        ("1,000", "above"),
    ],
)
def test_pay_judges_an_offer_for_three_nano_posts(
    capsys: pytest.CaptureFixture[str], offer: str, verdict: str
) -> None:
    code, out, err = run(capsys, "pay", "--tier", "nano", "--posts", "3", "--offer", offer)
    assert (code, err) == (0, "")
    assert f"verdict: {verdict}\n" in out


@needs_script
def test_pay_as_a_subprocess() -> None:
    done = run_script("pay", "--tier", "nano", "--posts", "3", "--offer", "150")
    assert (done.returncode, done.stderr) == (0, "")
    assert "verdict: fair" in done.stdout


# -- ghosts and loyalty -----------------------------------------------------------------------
def test_ghosts_on_the_demo_files(
    capsys: pytest.CaptureFixture[str], saved: Path, workspace: Workspace
) -> None:
    code, out, err = run(capsys, "ghosts", str(saved), "--now", NOW)
    assert (code, err) == (0, "")
    waiting = care.unanswered_pitches(workspace.interactions, now=DEMO_NOW)
    assert re.findall(r"^(inf-\S+)", out, flags=re.M) == [e.influencer_id for e in waiting]
    # Before the first pitch arrived, nobody was waiting.
    first = min(e.occurred_at for e in waiting)
    code, out, _ = run(capsys, "ghosts", str(saved), "--now", first.isoformat())
    assert code == 0
    assert out.startswith("nobody is waiting")
    # A longer grace period forgives the younger pitch.
    code, out, _ = run(capsys, "ghosts", str(saved), "--now", NOW, "--grace-days", "3.5")
    assert code == 0
    patient = care.unanswered_pitches(
        workspace.interactions, now=DEMO_NOW, grace=dt.timedelta(days=3.5)
    )
    assert 0 < len(patient) < len(waiting)
    assert re.findall(r"^(inf-\S+)", out, flags=re.M) == [e.influencer_id for e in patient]


def test_loyalty_on_the_demo_files(
    capsys: pytest.CaptureFixture[str], saved: Path, workspace: Workspace
) -> None:
    code, out, err = run(capsys, "loyalty", str(saved), "--now", NOW)
    assert (code, err) == (0, "")
    ranked = loyalty.first_dibs(workspace.influencers, workspace.deals, as_of=DEMO_NOW)
    _, rows = parse_table(out.splitlines()[1:])
    listed = [r for r in rows if r["influencer"].startswith("inf-")]
    assert [r["influencer"] for r in listed] == [i.id for i in ranked]
    for row in listed:
        standing = loyalty.loyalty_standing(row["influencer"], workspace.deals, as_of=DEMO_NOW)
        assert row["stage"] == standing.stage.value
        assert row["successful deals"] == str(standing.successful_deals)
        assert row["cash due"] == ("yes" if standing.cash_due else "no")


@needs_script
def test_ghosts_and_loyalty_as_a_subprocess(
    capsys: pytest.CaptureFixture[str], saved: Path
) -> None:
    for command in ("ghosts", "loyalty"):
        _, inside, _ = run(capsys, command, str(saved), "--now", NOW)
        done = run_script(command, str(saved), "--now", NOW)
        assert (done.returncode, done.stderr, done.stdout) == (0, "", inside)


# -- errors, help, version, progress ----------------------------------------------------------
@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["report", "--bogus", "x.json"], "--bogus"),
        (["frobnicate"], "frobnicate"),
        ([], "COMMAND"),
        (["tier", "lots"], "lots"),
        (["tier", "-5"], "-5"),
        (["tier", "12.5"], "12.5"),
        (["pay", "--tier", "nano", "--posts", "0"], "--posts"),
        (["pay", "--tier", "nano", "--offer", "abc"], "abc"),
        (["pay", "--tier", "giant"], "giant"),
        (["ghosts", "{json}", "--now", "yesterday"], "yesterday"),
        (["report", "{json}", "--format", "pdf"], "pdf"),
        (["report", "{json}", "--rank-by", "vibes"], "vibes"),
        (["validate", "{json}", "--max-errors", "0"], "--max-errors"),
    ],
)
def test_argument_mistakes_exit_2_with_one_error_line(
    capsys: pytest.CaptureFixture[str],
    demo_run: tuple[str, Path],
    argv: list[str],
    named: str,
) -> None:
    path = str(demo_run[1] / "workspace.json")
    code, out, err = run(capsys, *[path if a == "{json}" else a for a in argv])
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if "error:" in line]
    assert len(errors) == 1
    assert named in errors[0]


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["report", "{dir}/missing.jsonl"], "missing.jsonl"),
        (["validate", "{dir}/missing.json"], "missing.json"),
        (["ghosts", "{dir}"], "{dir}"),
        (["report", "{dir}/data.csv"], ".csv"),
        (["loyalty", "{dir}/notes"], "notes"),
        (["report", "{dir}/workspace.json", "--campaign", "cmp-nope"], "cmp-nope"),
    ],
)
def test_file_mistakes_exit_2_with_exactly_one_line(
    capsys: pytest.CaptureFixture[str], demo_run: tuple[str, Path], argv: list[str], named: str
) -> None:
    folder = demo_run[1]
    (folder / "data.csv").write_text("a,b\n", encoding="utf-8")
    (folder / "notes").write_text("hello\n", encoding="utf-8")
    code, out, err = run(capsys, *[a.replace("{dir}", str(folder)) for a in argv])
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("nanokit: error: ")
    assert named.replace("{dir}", str(folder)) in err


@needs_script
@pytest.mark.parametrize(
    "argv", [["report", "missing.jsonl"], ["tier", "lots"], ["report", "--bogus", "x"]]
)
def test_usage_errors_as_a_subprocess(argv: list[str], tmp_path: Path) -> None:
    done = run_script(*argv)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert len([line for line in done.stderr.splitlines() if "error:" in line]) == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["ghosts", "{json}", "--grace-days", "nan"],
        ["ghosts", "{json}", "--grace-days", "inf"],
        ["ghosts", "{json}", "--grace-days", "1e12"],
        ["ghosts", "{json}", "--grace-days", "-3"],
        ["pay", "--tier", "nano", "--offer", "NaN"],
        ["pay", "--tier", "nano", "--offer", "-5"],
        ["pay", "--tier", "nano", "--offer", "150", "--currency", "usd"],
        ["pay", "--tier", "nano", "--offer", "1e999999"],
        ["tier", "99999999999999999999999"],
    ],
)
def test_bad_option_values_are_usage_errors(
    capsys: pytest.CaptureFixture[str], demo_run: tuple[str, Path], argv: list[str]
) -> None:
    path = str(demo_run[1] / "workspace.json")
    code, out, err = run(capsys, *[path if a == "{json}" else a for a in argv])
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    assert len([line for line in err.splitlines() if "error:" in line]) == 1


def test_quiet_is_accepted_after_the_command(
    capsys: pytest.CaptureFixture[str], demo_run: tuple[str, Path]
) -> None:
    code, _, err = run(capsys, "report", str(demo_run[1] / "workspace.jsonl"), "-q")
    assert (code, err) == (0, "")


def test_output_into_a_missing_folder_names_the_output_path(
    capsys: pytest.CaptureFixture[str], demo_run: tuple[str, Path], tmp_path: Path
) -> None:
    target = tmp_path / "no-such-folder" / "report.csv"
    code, out, err = run(capsys, "report", str(demo_run[1] / "workspace.json"), "-o", str(target))
    assert code == 2
    assert out == ""
    assert f"{target}:" in err
    assert ".tmp" not in err


def test_invalid_data_exits_1_with_its_place_and_no_traceback(
    capsys: pytest.CaptureFixture[str], workspace: Workspace, tmp_path: Path
) -> None:
    records = _small(workspace)
    like = _index(records, "interaction", "like")
    records[like]["count"] = 2.5
    log = tmp_path / "bad.jsonl"
    _write_jsonl(log, records)
    document = tmp_path / "bad.json"
    _write_document(document, records, [])
    for command in ("report", "ghosts", "loyalty"):
        code, out, err = run(capsys, command, str(log))
        assert code == 1
        assert out == ""
        assert err.count("\n") == 1
        assert "Traceback" not in err
        assert f"line {like + 1}" in err
        assert "$.count" in err
        code, out, err = run(capsys, command, str(document))
        assert code == 1
        assert out == ""
        assert err.count("\n") == 1
        assert "$.interactions[" in err
        assert ".count" in err
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema": "nanokit/1", "influencers": [', encoding="utf-8")
    code, out, err = run(capsys, "report", str(broken))
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "line 1" in err


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_invalid_data_error_names_the_file(
    capsys: pytest.CaptureFixture[str], workspace: Workspace, tmp_path: Path, suffix: str
) -> None:
    records = _small(workspace)
    records[_index(records, "interaction", "like")]["count"] = 2.5
    path = tmp_path / f"bad{suffix}"
    if suffix == ".jsonl":
        _write_jsonl(path, records)
    else:
        _write_document(path, records, [])
    code, _, err = run(capsys, "report", str(path))
    assert code == 1
    assert str(path) in err


@needs_script
def test_invalid_data_as_a_subprocess(workspace: Workspace, tmp_path: Path) -> None:
    records = _small(workspace)
    records[_index(records, "interaction", "like")]["count"] = -1
    log = tmp_path / "bad.jsonl"
    _write_jsonl(log, records)
    done = run_script("-q", "report", str(log))
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--version")
    assert code == 0
    assert (out + err).strip() == f"nanokit {nanokit.__version__}"


@needs_script
def test_version_as_a_subprocess_and_a_module() -> None:
    for done in (run_script("--version"), run_script("--version", module=True)):
        assert done.returncode == 0
        assert done.stdout.strip() == f"nanokit {nanokit.__version__}"


def _commands() -> list[str]:
    parser = cli.build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return sorted(action.choices)
    raise AssertionError("no sub-commands")


def test_every_command_is_documented_with_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    commands = _commands()
    assert {"demo", "report", "validate", "tier", "pay", "ghosts", "loyalty"} <= set(commands)
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "example:" in out
    for command in commands:
        assert command in out
        code, out_command, err = run(capsys, command, "--help")
        assert (code, err) == (0, "")
        example = out_command.split("example:", 1)[1].split("\n")[1].strip()
        assert example.startswith(f"nanokit {command}")
        # The example line itself parses.
        cli.build_parser().parse_args(example.split()[1:])


def test_progress_is_silent_when_stderr_is_not_a_terminal(
    capsys: pytest.CaptureFixture[str], demo_run: tuple[str, Path]
) -> None:
    code, _, err = run(capsys, "report", str(demo_run[1] / "workspace.jsonl"))
    assert (code, err) == (0, "")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _fake_clock() -> Iterator[float]:
    now = 0.0
    while True:
        now += 1.0
        yield now


@pytest.mark.parametrize("quiet", [False, True])
def test_progress_on_a_terminal_unless_quiet(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    demo_run: tuple[str, Path],
    quiet: bool,
) -> None:
    terminal = _Terminal()
    clock = _fake_clock()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(cli, "time", types.SimpleNamespace(monotonic=lambda: next(clock)))
    argv = ["report", str(demo_run[1] / "workspace.jsonl"), "--format", "json"]
    capsys.readouterr()
    code = cli.main(["-q", *argv] if quiet else argv)
    out = capsys.readouterr().out
    assert code == 0
    json.loads(out)  # progress never mixes into the output
    if quiet:
        assert terminal.getvalue() == ""
    else:
        shown_lines = terminal.getvalue()
        assert "records read" in shown_lines
        assert shown_lines.endswith("\n")
        assert "3,042 records read" in shown_lines


@needs_script
def test_subprocess_progress_is_silent_on_a_pipe(demo_run: tuple[str, Path]) -> None:
    done = run_script("report", str(demo_run[1] / "workspace.jsonl"))
    assert (done.returncode, done.stderr) == (0, "")


def test_a_closed_pipe_ends_quietly() -> None:
    """`nanokit demo | head -1`: the reader goes away; no error line, exit 141 as for SIGPIPE."""
    child = subprocess.Popen(
        [sys.executable, "-m", "nanokit", "demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    assert child.stderr is not None
    first = child.stdout.readline()
    child.stdout.close()
    err = child.stderr.read()
    child.stderr.close()
    assert child.wait(timeout=120) == 141
    assert first.startswith(b"nanokit demo:")
    assert err == b""


# -- report --jobs ----------------------------------------------------------------------------
@pytest.fixture
def small_split(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Split logs from 64 KiB per process (the demo log is split); one entry per split read."""
    from nanokit.kpi import _split

    monkeypatch.setattr(_split, "_MIN_BYTES_PER_WORKER", 64 * 1024)
    calls: list[int] = []
    real = _split.fold_ranges

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(len(args[1]))
        return real(*args, **kwargs)

    monkeypatch.setattr(_split, "fold_ranges", counting)
    return calls


@pytest.mark.parametrize(
    "extra",
    [
        ["--by", "deal", "--format", "json"],
        ["--by", "influencer", "--campaign", PAID_CAMPAIGN_ID, "--format", "table"],
        ["--by", "campaign", "--format", "csv", "--rank-by", "roi"],
    ],
)
def test_report_with_jobs_writes_byte_for_byte_what_one_process_writes(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    demo_run: tuple[str, Path],
    small_split: list[int],
    extra: list[str],
) -> None:
    from nanokit.kpi import _split

    log = demo_run[1] / "workspace.jsonl"
    written = {}
    for jobs in ("1", "2", "auto"):
        target = tmp_path / f"report-{jobs}"
        code, out, err = run(
            capsys, "-q", "report", str(log), *extra, "--jobs", jobs, "-o", str(target)
        )
        assert (code, out, err) == (0, "", "")
        written[jobs] = target.read_bytes()
    assert written["2"] == written["1"]
    assert written["auto"] == written["1"]
    assert small_split[0] == 8  # --jobs 2: two processes, four ranges each
    assert len(small_split) == (2 if _split.usable_cpus() > 1 else 1)  # auto splits too


def test_report_with_jobs_stops_at_the_same_bad_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    demo_run: tuple[str, Path],
    small_split: list[int],
) -> None:
    lines = (demo_run[1] / "workspace.jsonl").read_bytes().splitlines(keepends=True)
    lines[2000] = lines[2000].replace(b'"kind":"', b'"kind":"re', 1)
    lines[2500] = b"not json\n"
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b"".join(lines))
    one = run(capsys, "-q", "report", str(bad), "--jobs", "1")
    two = run(capsys, "-q", "report", str(bad), "--jobs", "2")
    assert two == one
    assert one[0] == 1
    assert one[2].startswith(f"nanokit: error: {bad}: line 2001: $.kind: expected one of")
    assert small_split == [8]


@pytest.mark.parametrize("value", ["0", "-1", "x", "1.5", "", "two", "99999999999999999999"])
def test_bad_jobs_are_usage_errors(
    capsys: pytest.CaptureFixture[str], demo_run: tuple[str, Path], value: str
) -> None:
    code, out, err = run(capsys, "report", str(demo_run[1] / "workspace.jsonl"), f"--jobs={value}")
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if "error:" in line]
    assert len(errors) == 1
    assert "argument --jobs: expected" in errors[0]


def test_jobs_leave_skip_invalid_and_documents_in_one_process(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    demo_run: tuple[str, Path],
    small_split: list[int],
) -> None:
    lines = (demo_run[1] / "workspace.jsonl").read_bytes().splitlines(keepends=True)
    lines.insert(1500, b"not json\n")
    log = tmp_path / "log.jsonl"
    log.write_bytes(b"".join(lines))
    outputs = []
    for jobs in ("1", "2"):
        code, out, err = run(capsys, "-q", "report", str(log), "--skip-invalid", "--jobs", jobs)
        assert code == 0
        assert "1 rejected" in err
        outputs.append(out)
    assert outputs[0] == outputs[1]
    code, _, err = run(capsys, "-q", "report", str(demo_run[1] / "workspace.json"), "--jobs", "2")
    assert (code, err) == (0, "")
    assert small_split == []  # neither was split


def test_progress_on_a_terminal_with_jobs(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    demo_run: tuple[str, Path],
    small_split: list[int],
) -> None:
    terminal = _Terminal()
    clock = _fake_clock()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(cli, "time", types.SimpleNamespace(monotonic=lambda: next(clock)))
    capsys.readouterr()
    code = cli.main(["report", str(demo_run[1] / "workspace.jsonl"), "--format", "json"])
    assert code == 0
    json.loads(capsys.readouterr().out)
    from nanokit.kpi import _split

    assert len(small_split) == (1 if _split.usable_cpus() > 1 else 0)  # --jobs auto
    shown_lines = terminal.getvalue()
    assert "3,042 records read" in shown_lines
    assert shown_lines.endswith("\n")
