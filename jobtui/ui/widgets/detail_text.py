"""The detail pane's content for one job, as rich Text (pure; server text literal)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any, Optional

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
    StatusLook,
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
    *,
    seconds: bool = False,
) -> Text:
    """Every field of the job, its history and failure, in reading order.

    A failure comes right under the title (code, meaning, detail, request ID): at 80x24
    it was below the fold, under the IDs and times. `seconds`: durations to the second,
    as the table shows them with the seconds clock.
    """
    state, record = job.state, job.state.record
    parts = [_title(job, now)]
    failure = _failure(record) if record is not None else Text()
    parts += [failure, identity(job)]
    if record is None:
        parts.append(Text("No answer from the API yet.", style="italic"))
    else:
        timing = _timing(record, state, now, zone, seconds)
        parts += [timing, _progress(state), extra_rows(record.extra)]
    parts += [history(state, zone), last_poll(state, zone, retry, upcoming, bool(failure.plain))]
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
    shown = (STATUS_LOOKS[record.status], status_word(record.status_text)) if record else None
    return title(job, now, shown, record.job_name if record else None)


def title(
    job: WatchedJob,
    now: datetime,
    shown: Optional[tuple[StatusLook, str]],
    name: Optional[str],
    kind: str = "",
) -> Text:
    """`> RUNNING  name`: the look and word the table shows, then the name (or the ID)."""
    error = job.state.error
    if shown is None and error is not None:
        line = status_text(unanswered_look(error.kind))  # as the table shows it
    elif shown is None:
        line = status_text(NO_ANSWER, "no answer yet")
    else:
        line = status_text(*shown)
    line.append("  " + kind)
    line.append_text(lit(name, "bold") or lit(job.entry.job_id))
    if job.state.stale:
        # The table's elapsed column is a duration; how old the cached picture is, is here.
        seen = job.state.fetched_at
        age = f" {ago(now - seen)}" if seen is not None else ""
        line.append(f"  (cached{age}, waiting for the first refresh)", style="italic")
    return line


def rows(pairs: Iterable[tuple[str, object]]) -> Text:
    out = Text()
    for label, value in pairs:
        if value is None or value == "":
            continue
        out.append(f"{label:<{LABEL_WIDTH}}", style="bold")
        out.append_text(value if isinstance(value, Text) else lit(str(value)))
        out.append("\n")
    out.rstrip()
    return out


def identity(job: WatchedJob, what: str = "Job ID") -> Text:
    entry = job.entry
    return rows(
        [
            (what, entry.job_id),
            ("Project ID", entry.project_id),
            ("Label", entry.label),
            ("Region", entry.region),
        ]
    )


def _timing(
    record: JobRecord, state: JobState, now: datetime, zone: Optional[tzinfo], seconds: bool
) -> Text:
    elapsed = duration(record.elapsed(now), seconds) if record.begin_time else None
    pairs: list[tuple[str, object]] = [
        ("Began", stamp(record.begin_time, zone) if record.begin_time else None),
        ("Ended", _ended(record, now, zone)),
        ("Duration", elapsed),
        ("ETA", eta_words(state, now, seconds)),
    ]
    if record.zone_mismatch:
        pairs.append(("Note", "begin time lies ahead of the server's clock: check `zones`"))
    return rows(pairs)


def eta_words(state: JobState, now: datetime, seconds: bool) -> Optional[str]:
    """`about 3m left` from the progress samples; None without an estimate."""
    eta = state.eta(now)
    return f"about {duration(eta, seconds)} left" if eta is not None else None


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
    return rows([("Progress", shown), ("History", spark or None)])


def _failure(record: JobRecord) -> Text:
    code = record.failed_code
    if code is None and not record.failed_detail:
        return Text()
    pairs: list[tuple[str, object]] = []
    if code is not None:
        pairs += [("Failed task", code.task), ("Error code", code.code)]
        pairs.append(("Meaning", explain(code.code)))
    out = rows(pairs)
    if record.failed_detail:
        out.append("\nFailure detail\n", style="bold")
        out.append_text(Text("\n").join(lit(line) for line in record.failed_detail.splitlines()))
    if record.request_id:  # what Huawei support asks for first
        out.append("\n")
        out.append_text(rows([("Request ID", record.request_id)]))
    return out


def extra_rows(extra: Mapping[str, Any]) -> Text:
    """Fields the API sent that jobtui does not know: shown, never dropped."""
    return rows([(str(k)[:12], str(v)) for k, v in extra.items()])


def history(state: JobState, zone: Optional[tzinfo], heading: str = "Status history") -> Text:
    if not state.transitions:
        return Text()
    out = Text()
    out.append(f"{heading}\n", style="bold")
    for item in state.transitions:
        out.append(f"  {stamp(item.at, zone)}  ")
        out.append_text(lit(status_word(item.status), style_of(item.status)))
        out.append("\n")
    out.rstrip()
    return out


def last_poll(
    state: JobState,
    zone: Optional[tzinfo],
    retry: Optional[RetryInfo],
    upcoming: Optional[NextCheck],
    failure_shown: bool = False,
) -> Text:
    """When it was last answered, its request ID (unless the failure above has it), what
    the next check is, or the error of the last poll."""
    record, error = state.record or state.cluster, state.error
    request_id = (error.request_id if error else None) or (record.request_id if record else None)
    if error is None and failure_shown:
        request_id = None  # already under the failure, at the top
    out = rows(
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
        rows(
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
    # A cluster's history keeps its task words: a failed one (REBOOT_FAILURE) in red.
    failed = word.upper().endswith(("FAILURE", "FAILED"))
    return looks.get(word, ERROR_LOOK.style if failed else "")
