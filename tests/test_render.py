"""Tests for nanokit._render: CSV formula neutralisation and the HTML bar charts."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from nanokit import Kpi, Money
from nanokit._render import ReportRow, ReportView, render_csv, render_html, safe_cell
from nanokit.kpi.engagement import Engagement
from nanokit.kpi.report import KpiReport, KpiTotals

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SVG = {"s": "http://www.w3.org/2000/svg"}


def _is_plain_number(text: str) -> bool:
    try:
        number = Decimal(text)
    except ArithmeticError:
        return False
    return number.is_finite() and text.strip() == text


@settings(max_examples=300)
@given(st.text(max_size=30))
def test_safe_cell_only_ever_prefixes_a_quote(text: str) -> None:
    cell = safe_cell(text)
    assert cell in (text, "'" + text)
    if cell != text:
        assert text.startswith(FORMULA_STARTS)
        assert not _is_plain_number(text)


@settings(max_examples=300)
@given(
    st.sampled_from(FORMULA_STARTS),
    st.text(max_size=20),
)
def test_safe_cell_neutralises_every_formula_start(start: str, rest: str) -> None:
    text = start + rest
    cell = safe_cell(text)
    if _is_plain_number(text):
        assert cell == text  # a negative ROI such as -0.25 is data
    else:
        assert cell == "'" + text


@given(st.decimals(min_value=-(10**6), max_value=10**6, allow_nan=False, places=4))
def test_safe_cell_leaves_numbers_alone(number: Decimal) -> None:
    assert safe_cell(str(number)) == str(number)


def _row(rank: int, name: str, cost: str, revenue: str) -> ReportRow:
    totals = KpiTotals(engagements=100, cost=Money(cost), revenue=Money(revenue))
    report = KpiReport.from_totals(totals, Engagement("nanokit", rate=None))
    return ReportRow(rank, f"inf-{rank}", name, "nano", report)


def _view(rows: list[ReportRow]) -> ReportView:
    total = ReportRow(None, None, None, None, rows[0].report)
    return ReportView("Report <&>", "influencer", Kpi.ROI, "nanokit", tuple(rows), total)


money = st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False).map(str)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(money, money), min_size=1, max_size=8))
def test_roi_chart_bars_sit_on_one_zero_line_and_stay_inside(
    pairs: list[tuple[str, str]],
) -> None:
    rows = [_row(i + 1, f"Person {i}", cost, revenue) for i, (cost, revenue) in enumerate(pairs)]
    page = render_html(_view(rows))
    svgs = re.findall(r"<svg.*?</svg>", page, flags=re.S)
    assert len(svgs) == 3
    roi = ET.fromstring(svgs[2])
    width = float(roi.attrib["width"])
    rects = roi.findall("s:rect", SVG)
    assert len(rects) == len(rows)
    values = [row.report.roi for row in rows]
    lines = roi.findall("s:line", SVG)
    negative = any(v is not None and v < 0 for v in values)
    assert len(lines) == (1 if negative else 0)
    bars = [(float(r.attrib["x"]), float(r.attrib["width"])) for r in rects]
    zero = float(lines[0].attrib["x1"]) if lines else min(x for x, _ in bars)
    largest = max((abs(float(v)) for v in values if v is not None), default=0.0)
    for (x, length), value in zip(bars, values, strict=True):
        assert x >= 0
        assert x + length <= width
        if value is None or value == 0:
            assert length == 0
        elif value < 0:
            assert abs(x + length - zero) <= 0.15
        else:
            assert abs(x - zero) <= 0.15
        if value is not None and largest and abs(float(value)) == largest:
            longest = max(length for _, length in bars)
            assert abs(length - longest) <= 0.15


def test_csv_quotes_hostile_names_and_keeps_negative_numbers() -> None:
    rows = [
        _row(1, '=HYPERLINK("http://evil.example")', "100", "50"),
        _row(2, "@SUM(A1)", "100", "300"),
        _row(3, "-1", "100", "0"),
    ]
    table = list(csv.DictReader(io.StringIO(render_csv(_view(rows)))))
    assert [r["name"] for r in table[:3]] == [
        '\'=HYPERLINK("http://evil.example")',
        "'@SUM(A1)",
        "-1",
    ]
    assert Decimal(table[0]["roi"]) == Decimal("-0.5")
    assert not table[0]["roi"].startswith("'")


def test_html_escapes_every_user_string() -> None:
    rows = [_row(1, "<b>bold</b> & \"quoted\" 'single'", "100", "50")]
    page = render_html(_view(rows))
    assert "<b>" not in page
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;" in page
    assert "<title>Report &lt;&amp;&gt;</title>" in page


def test_safe_cell_does_not_take_decimal_oddities_for_numbers() -> None:
    for text in ("+inf", "-Infinity", "+Infinity", "-sNaN", "-nan", "-1_000", "- 1", "-"):
        assert safe_cell(text) == "'" + text, text
    for text in ("-1e5", "-0.25", "+3", "-0"):
        assert safe_cell(text) == text, text
