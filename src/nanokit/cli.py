"""The `nanokit` command: everyday jobs without writing Python.

Run `nanokit --help` for the list of commands and `nanokit COMMAND --help` for each one.
Built on nanokit's public API only, with the standard library's `argparse`.

Exit codes:

* `0`: success.
* `1`: the input data is invalid (the message names the file, the place and the fix).
* `2`: the command line is wrong (an unknown option, a missing file, a bad value).

A user mistake never shows a traceback: one clear line goes to standard error.

Examples:
    >>> from nanokit.cli import main
    >>> main(["tier", "10000"])
    micro (inBeat: 10,000 followers; micro runs from 10,000 to 19,999)
    0
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import datetime as dt
import io
import json
import math
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any, Final, cast

import nanokit
from nanokit import demo as demo_data
from nanokit._render import RENDERERS, ReportRow, ReportView, table, visible
from nanokit.exceptions import NanokitError, ValidationError
from nanokit.kpi.accumulator import KpiAccumulator, LogSummary
from nanokit.kpi.definitions import DEFINITIONS, definition_named
from nanokit.model import MAX_COUNT, Workspace
from nanokit.money import Money
from nanokit.policy import care, loyalty
from nanokit.policy import pay as pay_policy
from nanokit.policy import tiers as tier_policy
from nanokit.serialization import (
    RECORD_TYPES,
    Record,
    from_dict,
    from_json,
    iter_records,
    load_document,
    read_document,
    write_document,
    write_jsonl,
    write_records,
    write_text,
)

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_INVALID_DATA",
    "EXIT_OK",
    "EXIT_USAGE",
    "build_parser",
    "main",
]

EXIT_OK: Final = 0
"""The command succeeded."""
EXIT_INVALID_DATA: Final = 1
"""The input data is invalid."""
EXIT_USAGE: Final = 2
"""The command line is wrong: an unknown option, a missing file, a bad value."""
EXIT_BROKEN_PIPE: Final = 141
"""The reader of standard output went away (`nanokit demo | head`), as for SIGPIPE."""

_SCHEMES: Final = {
    "inbeat": tier_policy.INBEAT,
    "hypeauditor": tier_policy.HYPEAUDITOR,
    "later": tier_policy.LATER,
}
_PAY_POLICIES: Final = {"inbeat": pay_policy.INBEAT, "imh": pay_policy.IMH}


class UsageError(NanokitError):
    """A mistake on the command line that argparse cannot see (a missing file, say)."""


# -- argument types ---------------------------------------------------------------------------
def _count_text(text: str, too_large: str) -> int | None:
    """The whole number `text` writes (commas and underscores allowed), or `None` when it
    writes none; one above `MAX_COUNT` is refused with the message `too_large`."""
    cleaned = text.replace(",", "").replace("_", "")
    if not cleaned.isascii() or not cleaned.isdigit():
        return None
    if len(cleaned) > 16 or int(cleaned) > MAX_COUNT:
        raise argparse.ArgumentTypeError(too_large)
    return int(cleaned)


def _whole_number(text: str) -> int:
    number = _count_text(text, f"expected a whole number of at most {MAX_COUNT:,}")
    if number is None:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of at least 0 such as 8000, got {text!r}"
        )
    return number


def _positive_number(text: str) -> int:
    number = _whole_number(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return number


def _jobs(text: str) -> int | None:
    """`--jobs`: `auto` (`None`: every CPU this process may use) or a number of processes."""
    if text.strip().lower() == "auto":
        return None
    number = _count_text(
        text, f"expected a number of processes of at most {MAX_COUNT:,}, or 'auto'"
    )
    if number is None or number < 1:
        raise argparse.ArgumentTypeError(
            f"expected 'auto' or a number of processes of at least 1 such as 2, got {text!r}"
        )
    return number


def _amount(text: str) -> Decimal:
    try:
        number = Decimal(text.replace(",", "").removeprefix("$"))
    except InvalidOperation:
        raise argparse.ArgumentTypeError(
            f"expected an amount such as 150 or 149.99, got {text!r}"
        ) from None
    if not number.is_finite() or number < 0:
        raise argparse.ArgumentTypeError(f"expected an amount of at least 0, got {text!r}")
    return number


_MAX_DAYS: Final = 36_500  # a grace period of a century is already more than anyone means


def _days(text: str) -> float:
    try:
        days = float(text)
    except ValueError:
        days = math.nan
    if not (math.isfinite(days) and 0 <= days <= _MAX_DAYS):
        raise argparse.ArgumentTypeError(
            f"expected a number of days from 0 to {_MAX_DAYS:,} such as 2 or 0.5, got {text!r}"
        )
    return days


def _moment(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected an ISO 8601 time such as 2026-05-03T12:00:00+00:00, got {text!r}"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment


# -- output -----------------------------------------------------------------------------------
@contextlib.contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    """Standard output, or a file written atomically when the command succeeds."""
    if path is None:
        yield sys.stdout
        return
    buffer = io.StringIO()
    yield buffer
    write_text(path, buffer.getvalue())


class _Progress:
    """Records read, rate and elapsed time on standard error, when it is a terminal."""

    def __init__(self, enabled: bool, label: str = "records") -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.label = label
        self.count = 0
        self.started = time.monotonic()
        self._shown = self.started

    def tick(self, amount: int = 1) -> None:
        self.count += amount
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._shown >= 0.5:
            self._shown = now
            elapsed = now - self.started
            rate = self.count / elapsed if elapsed else 0.0
            sys.stderr.write(
                f"\r{self.count:,} {self.label} read, {rate:,.0f}/s, {elapsed:,.1f}s elapsed"
            )
            sys.stderr.flush()

    def done(self) -> None:
        if self.enabled and self._shown != self.started:
            sys.stderr.write("\n")
            sys.stderr.flush()


# -- commands ---------------------------------------------------------------------------------
def _cmd_tier(args: argparse.Namespace, out: IO[str]) -> int:
    scheme = _SCHEMES[args.scheme]
    tier = tier_policy.classify_tier(args.followers, scheme)
    followers = f"{args.followers:,} followers"
    if tier is None:
        minimum = scheme.minimum or 0
        out.write(
            f"not an influencer ({scheme.name}: {followers}; the scheme starts at {minimum:,})\n"
        )
        return EXIT_OK
    low = scheme.lower_bound(tier)
    high = scheme.upper_bound(tier)
    span = f"from {low:,} up" if high is None else f"from {low:,} to {high - 1:,}"
    out.write(f"{tier.value} ({scheme.name}: {followers}; {tier.value} runs {span})\n")
    return EXIT_OK


def _cmd_pay(args: argparse.Namespace, out: IO[str]) -> int:
    policy = _PAY_POLICIES[args.policy]
    offer = None
    if args.offer is not None:
        try:
            offer = Money(args.offer, args.currency)
        except ValidationError as error:
            raise UsageError(f"--offer {args.offer} --currency {args.currency}: {error}") from None
    fair = pay_policy.fair_pay_range(
        args.tier, posts=args.posts, content_format=args.content_format, policy=policy
    )
    per_post = pay_policy.fair_pay_range(
        args.tier, posts=1, content_format=args.content_format, policy=policy
    )
    posts = "1 post" if args.posts == 1 else f"{args.posts:,} posts"
    out.write(f"fair pay for {posts} by a {args.tier} influencer ({policy.name}): {fair}\n")
    if args.posts != 1:
        out.write(f"per post: {per_post}\n")
    if offer is not None:
        assessment = pay_policy.assess_offer(
            offer, args.tier, posts=args.posts, content_format=args.content_format, policy=policy
        )
        out.write(f"verdict: {assessment.verdict.value}\n")
        out.write(f"{assessment.reason}\n")
    return EXIT_OK


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "document"
    if suffix in (".jsonl", ".ndjson"):
        return "stream"
    raise UsageError(
        f"{path}: expected a .json document or a .jsonl log, got {('a ' + suffix + ' file') if suffix else 'a file without an extension'}"
    )


def _records(path: Path, progress: _Progress) -> Iterator[Record]:
    """Every record of a JSON Lines log, streamed; the first bad line stops with its place."""
    with path.open("rb") as handle:
        for record in iter_records(handle):
            progress.tick()
            yield record


def _rejected(number: int, raw: bytes, error: ValidationError) -> dict[str, object]:
    """One entry of a rejects file: the line's number, why it was refused, and the line itself.

    The line is kept exactly, without its final `\n`: as `"text"` when it is UTF-8, else
    as `"base64"` (its bytes, base64-encoded), so nothing is lost either way.
    """
    body = raw[:-1] if raw.endswith(b"\n") else raw
    reason = "; ".join(str(ValidationError(p.message, path=p.path)) for p in error.errors)
    # A message quoting an unpaired surrogate from the input must not stop the rejects file.
    reason = reason.encode("utf-8", "backslashreplace").decode("utf-8")
    entry: dict[str, object] = {"line": number, "reason": reason}
    try:
        entry["text"] = body.decode("utf-8")
    except UnicodeDecodeError:
        entry["base64"] = base64.b64encode(body).decode("ascii")
    return entry


def _skip_invalid(path: Path, rejects: Path, sink: _Sink, progress: _Progress) -> int:
    """Stream a JSON Lines log into `sink`, writing each bad line to `rejects` (atomically).

    Returns:
        How many lines were rejected.
    """
    accepted = 0
    waiting: list[dict[str, object]] = []
    with path.open("rb") as handle:
        lines = _NumberedLines(handle)

        def reject(error: ValidationError) -> None:
            number = lines.line if error.line is None else error.line
            assert number == lines.line  # iter_records reports a line before reading on
            waiting.append(_rejected(number, lines.raw, error))

        def entries() -> Iterator[dict[str, object]]:
            nonlocal accepted
            for record in iter_records(lines, on_error=reject):
                accepted += 1
                progress.tick()
                sink.take(record)
                if waiting:
                    yield from waiting
                    waiting.clear()
            yield from waiting
            waiting.clear()

        try:
            rejected = write_jsonl(rejects, entries())
        finally:
            progress.done()
    blank = f", {lines.blank:,} blank" if lines.blank else ""
    sys.stderr.write(
        f"nanokit: {lines.line:,} lines read, {accepted:,} accepted, {rejected:,} rejected"
        f"{blank} -> {rejects}\n"
    )
    return rejected


def _rejects_path(args: argparse.Namespace, path: Path) -> Path | None:
    """Where `report --skip-invalid` writes rejected lines, or `None` without the flag."""
    if not args.skip_invalid:
        if args.rejects is not None:
            raise UsageError("--rejects names the file of --skip-invalid: add --skip-invalid")
        return None
    if _kind(path) == "document":
        raise UsageError(
            f"{path}: --skip-invalid reads a .jsonl log line by line; a .json document is "
            f"read whole: run 'nanokit validate {path}' to list its problems"
        )
    rejects = Path(args.rejects) if args.rejects is not None else Path(f"{path}.rejects.jsonl")
    taken = {path.resolve(): "the input"}
    if args.output is not None:
        taken[Path(args.output).resolve()] = "the --output file"
    clash = taken.get(rejects.resolve())
    if clash is not None:
        raise UsageError(f"{rejects}: the rejects file cannot be {clash}; pick another --rejects")
    return rejects


def _load_workspace(path_text: str, quiet: bool) -> Workspace:
    path = _require_file(path_text)
    if _kind(path) == "document":
        return read_document(path)
    progress = _Progress(not quiet)
    buckets: dict[type, list[Record]] = {cls: [] for cls in RECORD_TYPES.values()}
    try:
        for record in _records(path, progress):
            buckets[type(record)].append(record)
    finally:
        progress.done()
    return Workspace(
        influencers=buckets[nanokit.Influencer],
        campaigns=buckets[nanokit.Campaign],
        deals=buckets[nanokit.Deal],
        interactions=buckets[nanokit.Interaction],
    )


def _ghosts_text(workspace: Workspace, now: dt.datetime, grace: dt.timedelta) -> str:
    waiting = care.unanswered_pitches(workspace.interactions, now=now, grace=grace)
    days = grace.total_seconds() / 86400
    if not waiting:
        return f"nobody is waiting for an answer for more than {days:g} days\n"
    names = {influencer.id: influencer.name for influencer in workspace.influencers}
    rows = [
        [
            event.influencer_id,
            names.get(event.influencer_id, "?"),
            event.kind.value,
            event.occurred_at.isoformat(timespec="minutes"),
            f"{(now - event.occurred_at).total_seconds() / 86400:.1f}",
            event.channel.value if event.channel else "",
        ]
        for event in waiting
    ]
    heading = (
        f"{len(waiting)} pitch(es) unanswered for more than {days:g} days, oldest first: "
        "answer them, even with a kind no\n"
    )
    return heading + table(
        ["influencer", "name", "kind", "received", "days waiting", "channel"],
        rows,
        [False, False, False, False, True, False],
    )


def _loyalty_text(workspace: Workspace, now: dt.datetime) -> str:
    ranked = loyalty.first_dibs(workspace.influencers, workspace.deals, as_of=now)
    rows = []
    due: list[str] = []
    for place, influencer in enumerate(ranked, start=1):
        standing = loyalty.loyalty_standing(influencer.id, workspace.deals, as_of=now)
        if standing.cash_due:
            due.append(visible(f"- {influencer.id} ({influencer.name}): {standing.reason}"))
        rows.append(
            [
                str(place),
                influencer.id,
                influencer.name,
                standing.stage.value,
                str(standing.successful_deals),
                "" if standing.tenure is None else f"{standing.tenure.days}",
                "yes" if standing.cash_due else "no",
            ]
        )
    text = "first dibs on the next campaign, best first\n" + table(
        ["#", "influencer", "name", "stage", "successful deals", "tenure days", "cash due"],
        rows,
        [True, False, False, False, True, True, False],
    )
    if due:
        return text + "due a cash upgrade (product to cash):\n" + "\n".join(due) + "\n"
    return text + "due a cash upgrade: nobody yet\n"


def _cmd_ghosts(args: argparse.Namespace, out: IO[str]) -> int:
    workspace = _load_workspace(args.path, args.quiet)
    now = args.now or dt.datetime.now(dt.timezone.utc)
    out.write(_ghosts_text(workspace, now, dt.timedelta(days=args.grace_days)))
    return EXIT_OK


def _cmd_loyalty(args: argparse.Namespace, out: IO[str]) -> int:
    workspace = _load_workspace(args.path, args.quiet)
    now = args.now or dt.datetime.now(dt.timezone.utc)
    out.write(_loyalty_text(workspace, now))
    return EXIT_OK


# -- report -----------------------------------------------------------------------------------
class _Sink:
    """Collects the small records and streams interactions into an accumulator."""

    def __init__(self, group_by: str, campaign_id: str | None) -> None:
        self.accumulator = KpiAccumulator(group_by)
        self.campaign_id = campaign_id
        self.influencers: dict[str, nanokit.Influencer] = {}
        self.campaigns: dict[str, nanokit.Campaign] = {}
        self.deals: dict[str, nanokit.Deal] = {}

    def wanted(self, event: nanokit.Interaction) -> bool:
        if self.campaign_id is None:
            return True
        if event.campaign_id is not None:
            return event.campaign_id == self.campaign_id
        deal = self.deals.get(event.deal_id) if event.deal_id is not None else None
        return deal is not None and deal.campaign_id == self.campaign_id

    def take(self, record: Record) -> None:
        if isinstance(record, nanokit.Interaction):
            if self.wanted(record):
                self.accumulator.add(record)
        elif isinstance(record, nanokit.Influencer):
            self.influencers[record.id] = record
        elif isinstance(record, nanokit.Campaign):
            self.campaigns[record.id] = record
        else:
            self.deals[record.id] = record


def _tier_of(influencer: nanokit.Influencer | None) -> str | None:
    if influencer is None:
        return None
    try:
        tier = tier_policy.classify_tier(influencer)
    except ValidationError:  # no audience snapshot: the tier is unknown, not guessed
        return None
    return None if tier is None else tier.value


def _view(
    sink: _Sink, *, group_by: str, rank_by: nanokit.Kpi, definition_name: str, source: str
) -> ReportView:
    definition = definition_named(definition_name)
    deals = list(sink.deals.values())
    if sink.campaign_id is not None:
        if sink.campaign_id not in sink.campaigns:
            known = ", ".join(sorted(sink.campaigns)) or "none"
            raise UsageError(f"{source}: no campaign {sink.campaign_id!r}; campaigns: {known}")
        deals = [deal for deal in deals if deal.campaign_id == sink.campaign_id]
    reports = sink.accumulator.result(
        deals=deals, influencers=sink.influencers, definition=definition
    )
    total = sink.accumulator.total(
        deals=deals, influencers=sink.influencers, definition=definition
    )
    ordered = sorted(reports.items(), key=lambda item: (*item[1].sort_key(rank_by), item[0] or ""))
    rows = []
    for rank, (group, report) in enumerate(ordered, start=1):
        name: str | None = None
        tier: str | None = None
        if group_by == "influencer" and group is not None:
            person = sink.influencers.get(group)
            name = None if person is None else person.name
            tier = _tier_of(person)
        elif group_by == "campaign":
            campaign = None if group is None else sink.campaigns.get(group)
            name = (
                "(no campaign)" if group is None else None if campaign is None else campaign.name
            )
        elif group_by == "deal" and group is not None:
            deal = sink.deals.get(group)
            person = None if deal is None else sink.influencers.get(deal.influencer_id)
            name = None if person is None else person.name
        rows.append(ReportRow(rank, group, name, tier, report))
    if sink.campaign_id is not None:
        campaign = sink.campaigns[sink.campaign_id]
        title = f"Campaign report: {campaign.name} ({campaign.brand}, {campaign.id})"
    else:
        title = f"KPI report: {source}"
    notes = tuple(dict.fromkeys(note for _, report in ordered for note in report.notes))
    return ReportView(
        title=title,
        group_by=group_by,
        rank_by=rank_by,
        definition=definition.name,
        rows=tuple(rows),
        total=ReportRow(None, None, None, None, total),
        notes=notes,
    )


def _cmd_report(args: argparse.Namespace, out: IO[str]) -> int:
    path = _require_file(args.path)
    rejects = _rejects_path(args, path)
    rejected = 0
    if _kind(path) == "document":
        sink = _workspace_sink(read_document(path), args.by, args.campaign)
    elif rejects is not None:
        sink = _Sink(args.by, args.campaign)
        rejected = _skip_invalid(path, rejects, sink, _Progress(not args.quiet))
    else:
        sink = _summary_sink(
            path, args.by, args.campaign, _Progress(not args.quiet), jobs=args.jobs
        )
    try:
        view = _view(
            sink,
            group_by=args.by,
            rank_by=nanokit.Kpi(args.rank_by),
            definition_name=args.definition,
            source=str(path),
        )
    except ValidationError as error:
        if not rejected:
            raise
        # The good lines may lean on a rejected one (interactions of a rejected deal, say).
        raise ValidationError(
            f"{error.message}; it may be among the {rejected:,} rejected line(s) in {rejects}",
            path=error.path,
        ) from None
    out.write(RENDERERS[args.format](view))
    return EXIT_OK


def _summary_sink(
    path: Path,
    group_by: str,
    campaign_id: str | None,
    progress: _Progress,
    *,
    jobs: int | None = 1,
) -> _Sink:
    """A log read by `LogSummary`: every line checked, interactions summed, none built.

    With `jobs` above 1 (or `None`, every usable CPU), a large log is read by that many
    worker processes (see `LogSummary.read_file`); the result is the same.
    """

    def tick(lines: int) -> None:
        progress.tick(lines - progress.count)

    try:
        summary = LogSummary.read_file(
            path, group_by, workers=jobs, progress=tick if progress.enabled else None
        )
    finally:
        progress.done()
    sink = _Sink(group_by, campaign_id)
    sink.influencers.update(summary.influencers)
    sink.campaigns.update(summary.campaigns)
    sink.deals.update(summary.deals)
    sink.accumulator = (
        summary.accumulator
        if campaign_id is None
        else summary.accumulator.for_campaign(campaign_id, deals=summary.deals.values())
    )
    return sink


# -- demo -------------------------------------------------------------------------------------
def _workspace_sink(workspace: Workspace, group_by: str, campaign_id: str | None) -> _Sink:
    sink = _Sink(group_by, campaign_id)
    records: tuple[Record, ...] = (
        *workspace.influencers,
        *workspace.campaigns,
        *workspace.deals,
        *workspace.interactions,
    )
    for record in records:
        sink.take(record)
    return sink


def _cmd_demo(args: argparse.Namespace, out: IO[str]) -> int:
    workspace = demo_data.demo_workspace(args.seed)
    now = demo_data.DEMO_NOW
    records = sum(
        len(records)
        for records in (
            workspace.influencers,
            workspace.campaigns,
            workspace.deals,
            workspace.interactions,
        )
    )
    out.write(
        f"nanokit demo: a generated workspace for {demo_data.DEMO_BRAND} (seed {args.seed}): "
        f"{len(workspace.influencers)} influencers, {len(workspace.campaigns)} campaigns, "
        f"{len(workspace.deals)} deals, {len(workspace.interactions):,} interactions; "
        f"now is {now.isoformat()}\n\n"
    )
    for campaign_id in (demo_data.PAID_CAMPAIGN_ID, demo_data.GIFTED_CAMPAIGN_ID):
        view = _view(
            _workspace_sink(workspace, "influencer", campaign_id),
            group_by="influencer",
            rank_by=nanokit.Kpi.CPE,
            definition_name=args.definition,
            source="demo",
        )
        out.write(RENDERERS["table"](view) + "\n")
    out.write(_ghosts_text(workspace, now, care.DEFAULT_GRACE) + "\n")
    out.write(_loyalty_text(workspace, now))
    if args.write is not None:
        folder = Path(args.write)
        folder.mkdir(parents=True, exist_ok=True)
        document = folder / "workspace.json"
        stream = folder / "workspace.jsonl"
        write_document(document, workspace)
        write_records(
            stream,
            [
                *workspace.influencers,
                *workspace.campaigns,
                *workspace.deals,
                *workspace.interactions,
            ],
        )
        out.write(
            f"\nwrote {records:,} records to {document} and {stream}; try:\n"
            f"  nanokit report {stream} --campaign {demo_data.PAID_CAMPAIGN_ID}\n"
            f"  nanokit validate {document}\n"
            f"  nanokit ghosts {document} --now {now.isoformat()}\n"
        )
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace, out: IO[str]) -> int:
    path = _require_file(args.path)
    problems: list[str] = []
    limit = args.max_errors

    def note(error: ValidationError) -> None:
        for problem in error.errors:
            if len(problems) < limit:
                problems.append(str(problem))

    records = 0
    if _kind(path) == "document":
        records = _validate_document(path, note, strict=not args.lenient)
    else:
        progress = _Progress(not args.quiet)
        records = _validate_stream(path, note, progress, strict=not args.lenient)
        progress.done()
    if problems:
        for problem in problems:
            out.write(f"{path}: {problem}\n")
        more = " (stopped listing at --max-errors)" if len(problems) >= limit else ""
        out.write(f"{len(problems)} problem(s) in {records:,} record(s){more}\n")
        return EXIT_INVALID_DATA
    out.write(f"{path}: valid, {records:,} record(s)\n")
    return EXIT_OK


_COLLECTIONS: Final = {
    "influencers": nanokit.Influencer,
    "campaigns": nanokit.Campaign,
    "deals": nanokit.Deal,
    "interactions": nanokit.Interaction,
}


def _validate_document(
    path: Path, note: Callable[[ValidationError], None], *, strict: bool
) -> int:
    """Check every record of a document separately, so every problem is found."""
    try:
        # nanokit's strict reader: invalid JSON, bytes that are not UTF-8, NaN, numbers with
        # thousands of digits and deep nesting are refused with their place; an object that
        # holds a key twice is kept, flagged, for the checks below to report.
        data: Any = from_json(path.read_bytes(), cast(Any, Any))
    except ValidationError as error:
        note(error)
        return 0
    if not isinstance(data, dict):
        note(ValidationError("expected a JSON object holding a nanokit/1 document", path="$"))
        return 0
    if type(data) is not dict:  # a key written twice at the top: the loader names it
        try:
            load_document(data)
        except ValidationError as error:
            note(error)
    known = {"schema", *_COLLECTIONS}
    try:
        load_document({"schema": data.get("schema")})
    except ValidationError as error:
        note(error)
    for key in data:
        if key not in known:
            note(
                ValidationError(
                    f"unknown key {key!r}; expected one of {sorted(known)}", path=f"$.{key}"
                )
            )
    records = 0
    good: dict[str, list[Any]] = {name: [] for name in _COLLECTIONS}
    places: dict[str, list[int]] = {name: [] for name in _COLLECTIONS}
    broken: set[str] = set()  # ids of records that failed their own checks
    for name, cls in _COLLECTIONS.items():
        items = data.get(name, [])
        if not isinstance(items, list):
            note(ValidationError("expected a list", path=f"$.{name}"))
            continue
        for index, item in enumerate(items):
            records += 1
            try:
                good[name].append(from_dict(item, cls))
                places[name].append(index)
            except ValidationError as error:
                note(error.located(f"$.{name}[{index}]"))
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    broken.add(item["id"])
    if strict:
        workspace = Workspace(**good)
        for where, message in workspace.problems():
            name, position, rest = _split_path(where)
            record = good[name][position]
            field = rest.rsplit(".", 1)[-1]
            if message.startswith("unknown ") and getattr(record, field, None) in broken:
                continue  # the record it points at is reported above, at its own place
            note(ValidationError(message, path=f"$.{name}[{places[name][position]}]{rest}"))
    return records


def _split_path(where: str) -> tuple[str, int, str]:
    """`$.deals[3].campaign_id` -> `("deals", 3, ".campaign_id")`."""
    head, _, rest = where.removeprefix("$.").partition("]")
    name, _, index = head.partition("[")
    return name, int(index), rest


def _validate_stream(
    path: Path,
    note: Callable[[ValidationError], None],
    progress: _Progress,
    *,
    strict: bool,
) -> int:
    """Check every line of a JSON Lines log, and the references between records."""
    seen: dict[str, set[str]] = {tag: set() for tag in RECORD_TYPES}
    tags = {cls: tag for tag, cls in RECORD_TYPES.items()}
    pending: list[tuple[int, str, str, str]] = []  # line, field, tag, id
    prune_at = _PRUNE_AT
    starts: dict[str, dt.date] = {}
    early: list[tuple[int, str, dt.datetime]] = []  # line, campaign id, time: campaign unseen
    records = 0
    with path.open("rb") as handle:
        numbered = _NumberedLines(handle)

        def remember(error: ValidationError) -> None:
            note(error)
            try:
                raw = json.loads(numbered.raw)
            except (ValueError, RecursionError):
                return
            if (
                isinstance(raw, dict)
                and raw.get("type") in seen
                and isinstance(raw.get("id"), str)
            ):
                seen[raw["type"]].add(raw["id"])  # reported already: not "unknown" elsewhere

        for record in iter_records(numbered, on_error=remember):
            records += 1
            progress.tick()
            line = numbered.line
            tag = tags[type(record)]
            if record.id in seen[tag]:
                note(ValidationError(f"duplicate {tag} id {record.id!r}", path="$.id", line=line))
            seen[tag].add(record.id)
            if not strict:
                continue
            if isinstance(record, nanokit.Campaign):
                starts[record.id] = record.start
            if isinstance(record, nanokit.Deal):
                pending.append((line, "campaign_id", "campaign", record.campaign_id))
                pending.append((line, "influencer_id", "influencer", record.influencer_id))
            if isinstance(record, nanokit.Interaction):
                pending.append((line, "influencer_id", "influencer", record.influencer_id))
                if record.campaign_id is not None:
                    start = starts.get(record.campaign_id)
                    if start is None:  # the campaign may come later in the log
                        early.append((line, record.campaign_id, record.occurred_at))
                    elif record.occurred_at.date() < start:
                        note(_before_start(line, record.campaign_id, record.occurred_at, start))
                    pending.append((line, "campaign_id", "campaign", record.campaign_id))
                if record.deal_id is not None:
                    pending.append((line, "deal_id", "deal", record.deal_id))
            if len(pending) > prune_at:  # keep only references still unresolved
                pending = [item for item in pending if item[3] not in seen[item[2]]]
                prune_at = max(_PRUNE_AT, 2 * len(pending))
    for line, field, tag, ident in pending:
        if ident not in seen[tag]:
            note(ValidationError(f"unknown {tag} {ident!r}", path=f"$.{field}", line=line))
    for line, campaign_id, moment in early:
        start = starts.get(campaign_id)
        if start is not None and moment.date() < start:
            note(_before_start(line, campaign_id, moment, start))
    return records


_PRUNE_AT: Final = 10_000  # unresolved references kept before pruning the resolved ones


def _before_start(
    line: int, campaign_id: str, moment: dt.datetime, start: dt.date
) -> ValidationError:
    return ValidationError(
        f"{moment.isoformat()} is before campaign {campaign_id!r} starts ({start.isoformat()})",
        path="$.occurred_at",
        line=line,
    )


class _NumberedLines:
    """Iterate a file's lines while remembering the last one, its number and the blank ones."""

    def __init__(self, lines: Any) -> None:
        self._lines = lines
        self.line = 0
        self.raw = b""
        self.blank = 0

    def __iter__(self) -> Iterator[bytes]:
        for raw in self._lines:
            self.line += 1
            self.raw = raw
            if not raw.strip():
                self.blank += 1
            yield raw


# -- parser -----------------------------------------------------------------------------------
class _Formatter(argparse.RawDescriptionHelpFormatter):
    pass


def _command(
    commands: Any,
    name: str,
    summary: str,
    example: str,
    handler: Callable[[argparse.Namespace, IO[str]], int],
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=f"example:\n  {example}",
        formatter_class=_Formatter,
    )
    parser.set_defaults(handler=handler)
    return parser


def _add_path(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="a .json document or a .jsonl log")


def _add_definition(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--definition",
        choices=sorted(DEFINITIONS),
        default="nanokit",
        help="the engagement-rate definition (default: nanokit)",
    )


def _add_output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=argparse.SUPPRESS,
        help="show no progress on standard error",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (atomically, once the command succeeds) instead of standard output",
    )


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser of the `nanokit` command.

    Returns:
        The parser, with one sub-command per job.

    Examples:
        >>> parser = build_parser()
        >>> parser.parse_args(["tier", "8000"]).followers
        8000
    """
    parser = argparse.ArgumentParser(
        prog="nanokit",
        description="Nano-influencer marketing: tiers, fair pay, loyalty, relationship care "
        "and campaign KPIs.",
        epilog="example:\n  nanokit demo\n\nexit codes: 0 success, 1 invalid input data, "
        "2 usage error",
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"nanokit {nanokit.__version__}")
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="show no progress on standard error"
    )
    commands = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")
    commands.required = True

    demo = _command(
        commands,
        "demo",
        "Build an example workspace and show its campaign reports, ghosts and loyalty.",
        "nanokit demo --write demo-data",
        _cmd_demo,
    )
    demo.add_argument(
        "--seed",
        type=_whole_number,
        default=demo_data.DEMO_SEED,
        help=f"the generator's seed (default: {demo_data.DEMO_SEED})",
    )
    demo.add_argument(
        "--write",
        metavar="DIR",
        help="also save the workspace to DIR as workspace.json and workspace.jsonl",
    )
    _add_definition(demo)
    _add_output(demo)

    report = _command(
        commands,
        "report",
        "Compute KPIs from a workspace document or a JSON Lines log (streamed, any size).",
        "nanokit report workspace.jsonl --campaign cmp-spring --format html -o report.html",
        _cmd_report,
    )
    report.add_argument("path", help="a .json document or a .jsonl log of tagged records")
    report.add_argument("--campaign", metavar="ID", help="only this campaign")
    report.add_argument(
        "--by",
        choices=["influencer", "campaign", "deal"],
        default="influencer",
        help="one row per influencer (default), campaign or deal",
    )
    report.add_argument(
        "--rank-by",
        choices=[kpi.value for kpi in nanokit.Kpi],
        default=nanokit.Kpi.CPE.value,
        metavar="KPI",
        help="the KPI to rank rows by (default: cpe); costs rank smallest first",
    )
    _add_definition(report)
    report.add_argument(
        "--format",
        choices=sorted(RENDERERS),
        default="table",
        help="table (default), json, csv, or a self-contained html page with charts",
    )
    report.add_argument(
        "--skip-invalid",
        action="store_true",
        help="on a .jsonl log, skip bad lines instead of stopping at the first one; each "
        "rejected line goes, unchanged, with its number and reason, to the rejects file",
    )
    report.add_argument(
        "--rejects",
        metavar="FILE",
        help="where --skip-invalid writes the rejected lines, as JSON Lines (default: "
        "INPUT.rejects.jsonl; written atomically, even when nothing is rejected)",
    )
    report.add_argument(
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="processes that read a large .jsonl log at once: a number, or auto (the default: "
        "every CPU this process may use); 1 reads in this process, as do a log under 16 MiB "
        "per process and --skip-invalid; the report is the same whatever N",
    )
    _add_output(report)

    tier = _command(
        commands,
        "tier",
        "Classify a follower count into a tier.",
        "nanokit tier 8000 --scheme hypeauditor",
        _cmd_tier,
    )
    tier.add_argument("followers", type=_whole_number, help="the number of followers")
    tier.add_argument(
        "--scheme",
        choices=sorted(_SCHEMES),
        default="inbeat",
        help="the tier thresholds to use (default: inbeat)",
    )
    _add_output(tier)

    pay = _command(
        commands,
        "pay",
        "Show the fair pay range for a tier, and judge an offer against it.",
        "nanokit pay --tier nano --posts 3 --offer 150",
        _cmd_pay,
    )
    pay.add_argument(
        "--tier", required=True, choices=[tier.value for tier in nanokit.Tier], help="the tier"
    )
    pay.add_argument(
        "--posts", type=_positive_number, default=1, help="how many posts (default: 1)"
    )
    pay.add_argument(
        "--offer", type=_amount, help="the total offered for all posts, e.g. 150 or 149.99"
    )
    pay.add_argument("--currency", default="USD", help="the offer's currency (default: USD)")
    pay.add_argument(
        "--format",
        dest="content_format",
        choices=[fmt.value for fmt in nanokit.ContentFormat],
        help="the content format, for policies with format multipliers",
    )
    pay.add_argument(
        "--policy",
        choices=sorted(_PAY_POLICIES),
        default="inbeat",
        help="the pay bands to use (default: inbeat)",
    )
    _add_output(pay)

    validate = _command(
        commands,
        "validate",
        "Check a workspace document or JSON Lines log and list every problem with its place.",
        "nanokit validate workspace.json --max-errors 50",
        _cmd_validate,
    )
    _add_path(validate)
    validate.add_argument(
        "--max-errors",
        type=_positive_number,
        default=100,
        help="stop listing after this many problems (default: 100); reading goes on to the end",
    )
    validate.add_argument(
        "--lenient",
        action="store_true",
        help="check each record alone, not the references between records",
    )
    _add_output(validate)

    ghosts = _command(
        commands,
        "ghosts",
        "List the people about to be ghosted: pitches with no answer after the grace period.",
        "nanokit ghosts workspace.json --now 2026-06-15T12:00:00Z",
        _cmd_ghosts,
    )
    _add_path(ghosts)
    ghosts.add_argument("--now", type=_moment, help="the time to judge at (default: now, UTC)")
    ghosts.add_argument(
        "--grace-days",
        type=_days,
        default=care.DEFAULT_GRACE.total_seconds() / 86400,
        help="days a pitch may wait for an answer (default: 2)",
    )
    _add_output(ghosts)

    standing = _command(
        commands,
        "loyalty",
        "Rank influencers for first dibs and show who is due a cash upgrade.",
        "nanokit loyalty workspace.json --now 2026-06-15T12:00:00Z",
        _cmd_loyalty,
    )
    _add_path(standing)
    standing.add_argument("--now", type=_moment, help="the time to judge at (default: now, UTC)")
    _add_output(standing)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `nanokit` command and return its exit code.

    Args:
        argv: The arguments, without the program name; defaults to `sys.argv[1:]`.

    Returns:
        `0` on success, `1` for invalid input data, `2` for a usage error.

    Examples:
        >>> main(["pay", "--tier", "nano", "--posts", "3", "--offer", "150"])
        fair pay for 3 posts by a nano influencer (inBeat): $60.00 - $600.00
        per post: $20.00 - $200.00
        verdict: fair
        $150.00 for 3 posts is $50.00 per post: inside the fair range of $20.00 - $200.00 per post for a nano influencer (inBeat), so the offer is fair.
        0
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse has printed its message or the help
        return int(stop.code) if isinstance(stop.code, int) else EXIT_USAGE
    try:
        if args.output is not None and not Path(args.output).resolve().parent.is_dir():
            raise UsageError(
                f"{args.output}: the folder {Path(args.output).resolve().parent} does not exist"
            )
        with _output(args.output) as out:
            code: int = args.handler(args, out)
        return code
    except UsageError as error:
        _complain(str(error))
        return EXIT_USAGE
    except NanokitError as error:
        source = getattr(args, "path", None)
        message = str(error)
        if source is not None and not message.startswith(str(source)):
            message = f"{source}: {message}"
        _complain(message)
        return EXIT_INVALID_DATA
    except BrokenPipeError:
        # The reader went away (`nanokit demo | head`): not a mistake, nothing to say.
        # Point stdout at /dev/null so the interpreter's final flush cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as error:
        name = error.filename if error.filename is not None else "file"
        _complain(f"{name}: {error.strerror or error}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        _complain("interrupted")
        return 130


def _complain(message: str) -> None:
    sys.stderr.write(f"nanokit: error: {message}\n")


def _require_file(path: str) -> Path:
    target = Path(path)
    if not target.is_file():
        raise UsageError(f"{path}: no such file; give the path of a .json document or .jsonl log")
    return target
