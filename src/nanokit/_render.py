"""Rendering KPI reports for the command line: table, JSON, CSV and HTML (private).

Only `nanokit.cli` imports this module. Every user-supplied string that reaches HTML is
escaped; every CSV cell that a spreadsheet could read as a formula is neutralised; text for
a terminal shows control characters and bidirectional controls as escapes (`\x1b`,
`\u202e`), so a name cannot move the cursor, clear the screen or reorder a line.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from nanokit.kpi.report import KpiReport
from nanokit.model.enums import Kpi
from nanokit.money import Money

Value = int | float | Decimal | Money | str | None

REPORT_SCHEMA: Final = "nanokit-report/1"


@attrs.frozen
class Column:
    key: str
    header: str
    unit: str  # text, count, rate, money, ratio
    get: Callable[[ReportRow], Value]


@attrs.frozen
class ReportRow:
    """One line of a report: a group (influencer, campaign or deal) and its KPIs."""

    rank: int | None
    group: str | None
    name: str | None
    tier: str | None
    report: KpiReport


@attrs.frozen
class ReportView:
    """Everything a rendered report shows."""

    title: str
    group_by: str
    rank_by: Kpi
    definition: str
    rows: tuple[ReportRow, ...]
    total: ReportRow
    notes: tuple[str, ...] = ()


def _totals(field: str) -> Callable[[ReportRow], Value]:
    def get(row: ReportRow) -> Value:
        value: Value = getattr(row.report.totals, field)
        return value

    return get


def _kpi(kpi: Kpi) -> Callable[[ReportRow], Value]:
    def get(row: ReportRow) -> Value:
        value: Value = row.report.value(kpi)
        return value

    return get


COLUMNS: Final = (
    Column("rank", "#", "count", lambda row: row.rank),
    Column("group", "id", "text", lambda row: row.group),
    Column("name", "name", "text", lambda row: row.name),
    Column("tier", "tier", "text", lambda row: row.tier),
    Column("posts", "posts", "count", _totals("posts")),
    Column("impressions", "impressions", "count", _totals("impressions")),
    Column("engagements", "engagements", "count", _totals("engagements")),
    Column("engagement_rate", "ER", "rate", _kpi(Kpi.ENGAGEMENT_RATE)),
    Column("clicks", "clicks", "count", _totals("clicks")),
    Column("conversions", "sales", "count", _totals("conversions")),
    Column("cost", "cost", "money", _totals("cost")),
    Column("revenue", "revenue", "money", _totals("revenue")),
    Column("cpe", "CPE", "money", _kpi(Kpi.CPE)),
    Column("cpm", "CPM", "money", _kpi(Kpi.CPM)),
    Column("cpc", "CPC", "money", _kpi(Kpi.CPC)),
    Column("cpa", "CPA", "money", _kpi(Kpi.CPA)),
    Column("conversion_rate", "conv.", "rate", _kpi(Kpi.CONVERSION_RATE)),
    Column("roi", "ROI", "rate", _kpi(Kpi.ROI)),
    Column("roas", "ROAS", "ratio", _kpi(Kpi.ROAS)),
)


# -- text cells -------------------------------------------------------------------------------
def show(value: Value, unit: str) -> str:
    """A value for people: 9.13%, $0.103, 4.80, 2,190."""
    if value is None:
        return "-"
    if isinstance(value, Money):
        places = 3 if abs(value.amount) < 1 and value.amount != 0 else 2
        return value.format(places)
    if unit == "rate" and isinstance(value, (float, Decimal)):
        return f"{float(value) * 100:,.2f}%"
    if unit == "ratio" and isinstance(value, (float, Decimal)):
        return f"{float(value):,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def raw(value: Value) -> str:
    """A value for machines: exact digits, no units, empty when undefined."""
    if value is None:
        return ""
    if isinstance(value, Money):
        return format(value.amount, "f")
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _cells(view: ReportView, row: ReportRow) -> list[str]:
    return [show(column.get(row), column.unit) for column in COLUMNS]


def _total_cells(view: ReportView) -> list[str]:
    cells = _cells(view, view.total)
    cells[0] = ""
    cells[1] = "total"
    return cells


# -- table ------------------------------------------------------------------------------------
# C0 and C1 controls, DEL, the line and paragraph separators and the bidirectional controls.
_INVISIBLE: Final = {
    code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    for code in (
        *range(0x00, 0x20),
        *range(0x7F, 0xA0),
        0x061C,
        0x200E,
        0x200F,
        0x2028,
        0x2029,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    )
}


def visible(text: str) -> str:
    """`text` for a terminal: control and bidirectional characters written as escapes."""
    return text.translate(_INVISIBLE)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool]) -> str:
    """Aligned columns: text to the left, numbers to the right; control characters escaped."""
    headers = [visible(header) for header in headers]
    rows = [[visible(cell) for cell in row] for row in rows]
    widths = [len(header) for header in headers]
    for row in rows:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], len(cell))

    def render(cells: Sequence[str]) -> str:
        parts = [
            cell.rjust(widths[index]) if numeric[index] else cell.ljust(widths[index])
            for index, cell in enumerate(cells)
        ]
        return "  ".join(parts).rstrip() + "\n"

    lines = [render(headers), render(["-" * width for width in widths])]
    lines.extend(render(row) for row in rows)
    return "".join(lines)


def render_table(view: ReportView) -> str:
    numeric = [column.unit != "text" for column in COLUMNS]
    rows = [_cells(view, row) for row in view.rows]
    rows.append(_total_cells(view))
    head = (
        f"{visible(view.title)}\n"
        f"one row per {view.group_by}, ranked by {view.rank_by.value}; "
        f"engagement rate: {view.definition}\n"
    )
    notes = "".join(f"note: {visible(note)}\n" for note in view.notes)
    return head + table([column.header for column in COLUMNS], rows, numeric) + notes


# -- JSON -------------------------------------------------------------------------------------
def _json_value(value: Value) -> Any:
    if isinstance(value, Money):
        return {"amount": str(value.amount), "currency": value.currency}
    if isinstance(value, Decimal):
        return str(value)
    return value


def _json_row(row: ReportRow) -> dict[str, Any]:
    data = {column.key: _json_value(column.get(row)) for column in COLUMNS}
    data["estimated"] = row.report.estimated
    data["engagement_definition"] = row.report.engagement.definition
    return data


def render_json(view: ReportView) -> str:
    document = {
        "schema": REPORT_SCHEMA,
        "title": view.title,
        "group_by": view.group_by,
        "rank_by": view.rank_by.value,
        "engagement_definition": view.definition,
        "rows": [_json_row(row) for row in view.rows],
        "total": _json_row(view.total),
        "notes": list(view.notes),
    }
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


# -- CSV --------------------------------------------------------------------------------------
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    try:
        number = Decimal(text)
    except ArithmeticError:
        return False
    # Decimal also reads "+Infinity", "-sNaN" and "-1_000": none is a plain number.
    return number.is_finite() and text.strip() == text and "_" not in text


def safe_cell(text: str) -> str:
    """Neutralise a cell a spreadsheet would run as a formula, by prefixing a quote.

    A plain number such as `-0.25` is left alone: it is data, not a formula.
    """
    if text.startswith(_FORMULA_STARTS) and not _is_number(text):
        return "'" + text
    return text


class _CsvRows:
    """Rows of CSV ending with `\n`, in which a cell holding a carriage return is quoted.

    The csv module quotes only a cell holding a character of its line terminator: with
    `\n` alone, a bare `\r` would be written unquoted, and a spreadsheet would start a new
    row there (where `=...` would run as a formula). Each row is written with `\r\n`,
    whose `\r\n` at the end is then replaced by `\n`.
    """

    def __init__(self) -> None:
        self._row = io.StringIO()
        self._writer = csv.writer(self._row, lineterminator="\r\n")
        self.lines: list[str] = []

    def writerow(self, cells: Sequence[str]) -> None:
        self._row.seek(0)
        self._row.truncate()
        self._writer.writerow(cells)
        self.lines.append(self._row.getvalue()[:-2] + "\n")


def render_csv(view: ReportView) -> str:
    writer = _CsvRows()
    writer.writerow([column.key for column in COLUMNS] + ["currency", "estimated"])
    for row in [*view.rows, view.total]:
        cells = [safe_cell(raw(column.get(row))) for column in COLUMNS]
        if row is view.total:
            cells[1] = "total"
        cost = row.report.totals.cost
        currency = cost.currency if cost is not None else row.report.totals.revenue.currency
        writer.writerow([*cells, currency, "yes" if row.report.estimated else "no"])
    return "".join(writer.lines)


# -- HTML -------------------------------------------------------------------------------------
_CHARTS: Final = (
    ("Engagement rate", Kpi.ENGAGEMENT_RATE, "rate"),
    ("Cost per engagement", Kpi.CPE, "money"),
    ("Return on investment", Kpi.ROI, "rate"),
)

_STYLE: Final = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 1.25rem;
       color: #1d2330; background: #fff; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
p.meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; font-size: .8rem; margin: 1rem 0 2rem; display: block;
        max-width: 100%; overflow-x: auto; }
th, td { padding: .3rem .4rem; border-bottom: 1px solid #dde1ea; white-space: nowrap; }
td:nth-child(3) { white-space: normal; min-width: 7rem; max-width: 14rem;
                  overflow-wrap: break-word; }
th { background: #f3f5f9; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 600; border-top: 2px solid #1d2330; }
.charts { display: flex; flex-wrap: wrap; gap: 2rem; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: .5rem; }
svg text { font-size: 12px; fill: #1d2330; }
ul.notes { color: #555; font-size: .85rem; }
"""


def _bar_chart(title: str, kpi: Kpi, unit: str, rows: Sequence[ReportRow]) -> str:
    values = []
    for row in rows:
        value = row.report.value(kpi)
        number = value.amount if isinstance(value, Money) else value
        label = row.name or row.group or "(none)"
        values.append((label, None if number is None else float(number), show(value, unit)))
    bar_height, gap, label_width, bar_width, value_width = 18, 6, 180, 260, 90
    height = max(1, len(values)) * (bar_height + gap) + gap
    width = label_width + bar_width + value_width
    numbers = [number for _, number, _ in values if number is not None]
    # One scale from the most negative value to the largest: negative bars grow leftwards
    # from a zero line, so a loss never looks like a gain of the same size.
    low = min([0.0, *numbers])
    span = (max([0.0, *numbers]) - low) or 1.0
    zero = label_width + -low / span * bar_width
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{html.escape(title)}">'
    ]
    if low < 0:
        parts.append(
            f'<line x1="{zero:.1f}" y1="0" x2="{zero:.1f}" y2="{height}" stroke="#1d2330" '
            'stroke-width="1"/>'
        )
    for index, (label, number, text) in enumerate(values):
        y = gap + index * (bar_height + gap)
        short = label if len(label) <= 24 else label[:23] + "\u2026"
        parts.append(
            f'<text x="{label_width - 8}" y="{y + bar_height - 5}" text-anchor="end">'
            f"{html.escape(short)}</text>"
        )
        length = 0.0 if number is None else abs(number) / span * bar_width
        negative = number is not None and number < 0
        colour = "#c0392b" if negative else "#3b6fd8"
        left = zero - length if negative else zero
        parts.append(
            f'<rect x="{left:.1f}" y="{y}" width="{length:.1f}" height="{bar_height}" '
            f'fill="{colour}"><title>{html.escape(label)}: {html.escape(text)}</title></rect>'
        )
        # The value sits right of the bar; a negative bar's value sits right of the zero line.
        text_x = zero + 6 if negative else zero + length + 6
        parts.append(f'<text x="{text_x:.1f}" y="{y + bar_height - 5}">{html.escape(text)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_html(view: ReportView) -> str:
    escape = html.escape
    head_cells = "".join(
        f'<th class="{"num" if column.unit != "text" else "text"}">{escape(column.header)}</th>'
        for column in COLUMNS
    )
    body_rows = []
    lines = [(_cells(view, row), "") for row in view.rows]
    lines.append((_total_cells(view), "total"))
    for cells, css in lines:
        tds = "".join(
            f'<td class="{"num" if column.unit != "text" else "text"}">{escape(cell)}</td>'
            for column, cell in zip(COLUMNS, cells, strict=True)
        )
        body_rows.append(f'<tr class="{css}">{tds}</tr>' if css else f"<tr>{tds}</tr>")
    charts = "".join(
        f"<figure><figcaption>{escape(title)} per {escape(view.group_by)}</figcaption>"
        f"{_bar_chart(title, kpi, unit, view.rows)}</figure>"
        for title, kpi, unit in _CHARTS
    )
    notes = "".join(f"<li>{escape(note)}</li>" for note in view.notes)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(view.title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{escape(view.title)}</h1>\n"
        f'<p class="meta">One row per {escape(view.group_by)}, ranked by '
        f"{escape(view.rank_by.value)}; engagement rate by the "
        f"{escape(view.definition)} definition. Made by nanokit.</p>\n"
        f"<table>\n<thead><tr>{head_cells}</tr></thead>\n<tbody>\n"
        + "\n".join(body_rows)
        + "\n</tbody>\n</table>\n"
        f'<div class="charts">{charts}</div>\n'
        + (f'<ul class="notes">{notes}</ul>\n' if notes else "")
        + "</body>\n</html>\n"
    )


RENDERERS: Final[Mapping[str, Callable[[ReportView], str]]] = {
    "table": render_table,
    "json": render_json,
    "csv": render_csv,
    "html": render_html,
}
