"""The detail pane's content for one job, as rich Text (pure; server text literal)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Optional

from rich.text import Text

from jobtui.domain.errors import NOT_ASKED, ErrorInfo
from jobtui.domain.model import JobRecord
from jobtui.domain.state import JobState, NextCheck, WatchedJob
from jobtui.domain.timefmt import duration
from jobtui.domain.words import status_word
from jobtui.ui.failure_codes import explain
from jobtui.ui.render import (
    ERROR_LOOK,
    NO_ANSWER,
    STATUS_LOOKS,
    ago,
    literal,
    status_text,
    unanswered_look,
)
from jobtui.ui.widgets.hanging import LABEL_WIDTH
from jobtui.ui.widgets.sparkline import sparkline


@dataclass(frozen=True)
class RetryInfo:
    """When the poller will try a failing job again (from the last FetchFailed)."""

    next_attempt: Optional[datetime]


def detail_text(
    job: WatchedJob,
    now: datetime,
    zone: Optional[tzinfo] = None,
    retry: Optional[RetryInfo] = None,
    upcoming: Optional[NextCheck] = None,
) -> Text:
    """Every field of the job, its history and failure, in reading order.

    A failure comes right under the title (code, meaning, detail, request ID): at 80x24
    it was below the fold, under the IDs and times.
    """
    state, record = job.state, job.state.record
    parts = [_title(job, now)]
    if record is not None:
        parts.append(_failure(record))
    parts.append(_identity(job))
    if record is None:
        parts.append(Text("No answer from the API yet.", style="italic"))
    else:
        parts += [_timing(record, state, now, zone), _progress(state), _extra(record)]
    parts += [_history(state, zone), _last_poll(state, zone, retry, upcoming)]
    return Text("\n\n").join(p for p in parts if p.plain)


def lit(value: Optional[str], style: str = "") -> Text:
    """Server text as a Text that shows exactly what was sent (no markup, no escapes)."""
    return Text(literal(value), style=style)


def stamp(at: Optional[datetime], zone: Optional[tzinfo] = None) -> str:
    """`2026-11-29 13:05:09 UTC` in the display zone."""
    return at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S %Z").strip() if at else "-"


def hms(at: Optional[datetime], zone: Optional[tzinfo] = None) -> str:
    """`13:05:09` in the display zone; "-" for no time."""
    return at.astimezone(zone).strftime("%H:%M:%S") if at else "-"


def _title(job: WatchedJob, now: datetime) -> Text:
    record = job.state.record
    if record is None and job.state.error is not None:
        title = status_text(unanswered_look(job.state.error.kind))  # as the table shows it
    elif record is None:
        title = status_text(NO_ANSWER, "no answer yet")
    else:
        title = status_text(STATUS_LOOKS[record.status], status_word(record.status_text))
    title.append("  ")
    title.append_text(lit(record.job_name if record else None, "bold") or lit(job.entry.job_id))
    if job.state.stale:
        # The table's elapsed column is a duration; how old the cached picture is, is here.
        seen = job.state.fetched_at
        age = f" {ago(now - seen)}" if seen is not None else ""
        title.append(f"  (cached{age}, waiting for the first refresh)", style="italic")
    return title


def _rows(pairs: Iterable[tuple[str, object]]) -> Text:
    out = Text()
    for label, value in pairs:
        if value is None or value == "":
            continue
        out.append(f"{label:<{LABEL_WIDTH}}", style="bold")
        out.append_text(value if isinstance(value, Text) else lit(str(value)))
        out.append("\n")
    out.rstrip()
    return out


def _identity(job: WatchedJob) -> Text:
    entry = job.entry
    return _rows(
        [
            ("Job ID", entry.job_id),
            ("Project ID", entry.project_id),
            ("Label", entry.label),
            ("Region", entry.region),
        ]
    )


def _timing(record: JobRecord, state: JobState, now: datetime, zone: Optional[tzinfo]) -> Text:
    eta = state.eta(now)
    rows: list[tuple[str, object]] = [
        ("Began", stamp(record.begin_time, zone) if record.begin_time else None),
        ("Ended", _ended(record, now, zone)),
        ("Duration", duration(record.elapsed(now)) if record.begin_time else None),
        ("ETA", f"about {duration(eta)} left" if eta is not None else None),
    ]
    if record.zone_mismatch:
        rows.append(("Note", "begin time lies ahead of the server's clock: check `zones`"))
    return _rows(rows)


def _ended(record: JobRecord, now: datetime, zone: Optional[tzinfo]) -> Optional[str]:
    """The stamp and its age: the table shows the age only when wide enough."""
    if record.end_time is None:
        return None
    return f"{stamp(record.end_time, zone)} ({ago(now - record.end_time)})"


def _progress(state: JobState) -> Text:
    record = state.record
    if record is None:
        return Text()
    value = record.progress
    shown = f"{value:g}%" if value is not None else "not reported yet"
    if record.progress_raw and value is not None and record.progress_raw.strip() != f"{value:g}%":
        shown += f" (sent as {literal(record.progress_raw)!r})"
    spark = sparkline([s.progress for s in state.samples])
    return _rows([("Progress", shown), ("History", spark or None)])


def _failure(record: JobRecord) -> Text:
    code = record.failed_code
    if code is None and not record.failed_detail:
        return Text()
    rows: list[tuple[str, object]] = []
    if code is not None:
        rows += [("Failed task", code.task), ("Error code", code.code)]
        rows.append(("Meaning", explain(code.code)))
    out = _rows(rows)
    if record.failed_detail:
        out.append("\nFailure detail\n", style="bold")
        out.append_text(Text("\n").join(lit(line) for line in record.failed_detail.splitlines()))
    if record.request_id:  # what Huawei support asks for first
        out.append("\n")
        out.append_text(_rows([("Request ID", record.request_id)]))
    return out


def _extra(record: JobRecord) -> Text:
    rows = [(str(k)[:12], str(v)) for k, v in record.extra.items()]
    return _rows(rows)


def _history(state: JobState, zone: Optional[tzinfo]) -> Text:
    if not state.transitions:
        return Text()
    out = Text()
    out.append("Status history\n", style="bold")
    for item in state.transitions:
        out.append(f"  {stamp(item.at, zone)}  ")
        out.append_text(lit(status_word(item.status), style_of(item.status)))
        out.append("\n")
    out.rstrip()
    return out


def _last_poll(
    state: JobState,
    zone: Optional[tzinfo],
    retry: Optional[RetryInfo],
    upcoming: Optional[NextCheck],
) -> Text:
    record, error = state.record, state.error
    request_id = (error.request_id if error else None) or (record.request_id if record else None)
    if error is None and record is not None and _failure(record).plain:
        request_id = None  # already under the failure, at the top
    out = _rows(
        [
            ("Last answer", stamp(state.fetched_at, zone) if state.fetched_at else None),
            ("X-Request-Id", request_id),
            # After an error "Next retry" says when; otherwise when and why it is asked next.
            ("Next check", _next_check(upcoming, zone) if error is None else None),
        ]
    )
    if error is not None:
        out.append("\n")
        out.append_text(_error(error, retry, zone))
    return out


def _next_check(upcoming: Optional[NextCheck], zone: Optional[tzinfo]) -> Optional[str]:
    """`13:05:40, near its ETA`; a finished job only says why it is not asked."""
    if upcoming is None:
        return None
    return (
        upcoming.reason if upcoming.at is None else f"{hms(upcoming.at, zone)}, {upcoming.reason}"
    )


def _error(error: ErrorInfo, retry: Optional[RetryInfo], zone: Optional[tzinfo]) -> Text:
    out = Text()
    # A job held back by its endpoint or credential was not polled at all.
    heading = "Not asked" if error.kind == NOT_ASKED else "Last poll failed"
    out.append(f"{heading}\n", style="bold red")
    next_at = retry.next_attempt if retry else None
    out.append_text(
        _rows(
            [
                ("Error", error.message),
                ("Kind", error.kind),
                ("HTTP status", error.http_status),
                ("Error code", error.error_code),
                ("Meaning", explain(error.error_code)),
                ("Next retry", hms(next_at, zone) if next_at else None),
            ]
        )
    )
    return out


def style_of(word: str) -> str:
    """The status style for a recorded status word (history keeps words, not enums)."""
    looks = {look.word: look.style for look in [*STATUS_LOOKS.values(), ERROR_LOOK]}
    for status, look in STATUS_LOOKS.items():
        looks[status.value] = look.style
    return looks.get(word, "")
