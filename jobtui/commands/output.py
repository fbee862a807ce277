"""What `status`, `list` and `wait` print: tables, JSON and progress lines.

Server text is data: everything the CLI prints of it (cells, error sentences, request
IDs, JSON) passes through `clean`, so an ESC or a control character in a job name or
an error code cannot move the cursor, retitle the window or write the clipboard.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import datetime
from functools import partial
from typing import Any

from jobtui.commands.cluster_output import cluster_json, task_text
from jobtui.domain.state import WatchedJob
from jobtui.domain.timefmt import clock_time, duration
from jobtui.domain.words import status_word as shown_status
from jobtui.domain.words import unanswered_word

# What a terminal would act on instead of showing: C0, DEL and C1 controls (ESC and
# C1 start OSC 52 clipboard writes, title changes, CSI 2J, DCS), and the invisible
# zero-width and bidi formatting characters that hide or reorder the text around them.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)
ZONE_NOTE = (
    "! begin time lies ahead of the server's clock: the API's times carry no zone; "
    "set the region's zone under [zones] in config.toml."
)
SHORT_PROJECT = 8
# The error kind of a job `status` has no answer for because it did not ask (--max-time
# ran out, or its endpoint is down): not a failure of the job's own.
NOT_ASKED = "not_asked"
HEADERS = ("STATUS", "PROGRESS", "JOB NAME", "LABEL", "PROJECT/JOB", "STARTED", "ELAPSED", "NOTE")


def clean(value: object, *, in_json: bool = False) -> str:
    """Text safe to print on one terminal line: unsafe characters shown as escapes.

    The one sanitiser for server text the CLI prints: `\\x1b` for a control
    character, `\\u202e` for a format character. `in_json` is for text json.dumps
    made: it escaped C0 inside strings (the rest is its indentation), and `\\u009b`
    for what it left raw reads back as the original character.
    """
    if value is None:
        return ""
    return _UNSAFE.sub(partial(_escaped, in_json=in_json), str(value))


def _escaped(match: re.Match[str], *, in_json: bool) -> str:
    code = ord(match.group())
    if in_json and code < 0x20:
        return match.group()
    return f"\\x{code:02x}" if code < 0x100 and not in_json else f"\\u{code:04x}"


def job_json(job: WatchedJob) -> dict[str, Any]:
    """The object `status --json` and `list --json` print for one job (or cluster)."""
    if job.entry.is_cluster:
        return cluster_json(job)
    data = job.to_json()
    record = job.state.record
    data["zone_mismatch"] = bool(record and record.zone_mismatch)
    return data


def dumps_jobs(jobs: Iterable[WatchedJob]) -> str:
    """A JSON array of jobs; what json leaves raw (DEL, C1, bidi) is escaped too."""
    text = json.dumps([job_json(job) for job in jobs], indent=2, ensure_ascii=False)
    return clean(text, in_json=True)


def progress_text(job: WatchedJob) -> str:
    if job.entry.is_cluster:
        return clean(task_text(job.state.cluster))
    record = job.state.record
    if record is None or record.progress is None:
        return "-"
    return f"{record.progress:g}%"


def status_word(job: WatchedJob) -> str:
    record = job.state.record or job.state.cluster
    if record is None:
        error = job.state.error
        return unanswered_word(error.kind) if error is not None and error.kind != NOT_ASKED else "?"
    return clean(shown_status(record.status_text))


def note(job: WatchedJob) -> str:
    """The error of the last fetch (or why there was none), else the failure code and detail."""
    error = job.state.error
    if error is not None:
        return ("" if error.kind == NOT_ASKED else "error: ") + clean(error.message)
    if job.state.cluster is not None:
        return clean(job.state.cluster.failure)
    record = job.state.record
    if record is None:
        return ""
    parts = [record.failed_code.raw if record.failed_code else None, record.failed_detail]
    return clean(" ".join(p for p in parts if p))


def row(job: WatchedJob, now: datetime) -> list[str]:
    if job.entry.is_cluster:
        cluster = job.state.cluster
        name = clean(cluster.name) if cluster and cluster.name else ""
        where = f"{job.entry.project_id}/{job.entry.job_id}"
        cells = [status_word(job), progress_text(job), f"cluster {name}".rstrip()]
        return [*cells, clean(job.entry.label), where, "", "", note(job)]
    record = job.state.record
    started = clock_time(record.begin_time) if record else ""
    if record is not None and record.zone_mismatch:
        started += " !"
    return [
        status_word(job),
        progress_text(job),
        clean(record.job_name) if record else "",
        clean(job.entry.label),
        f"{job.entry.project_id}/{job.entry.job_id}",
        started,
        duration(record.elapsed(now)) if record else "",
        note(job),
    ]


def any_zone_mismatch(jobs: Iterable[WatchedJob]) -> bool:
    return any(job.state.record and job.state.record.zone_mismatch for job in jobs)
