"""Copy to the user's own clipboard through OSC 52, which travels over SSH."""

from __future__ import annotations

import json
from typing import Optional

from textual.app import App

from jobtui.domain.state import WatchedJob


def copy(app: App[object], text: Optional[str], what: str) -> None:
    """Copy `text` and say so in a toast; say why not when there is nothing to copy."""
    if not text:
        app.notify(f"Nothing to copy: this job has no {what}.", severity="warning", markup=False)
        return
    app.copy_to_clipboard(text)
    # OSC 52 has no answer: the terminal may refuse it silently, so say "sent".
    said = f"Sent {what} ({len(text)} characters) to the clipboard via OSC 52"
    app.notify(f"{said} (your terminal must allow it).", markup=False, timeout=3)


def record_json(job: WatchedJob) -> str:
    """The job as `status --json` prints it, indented for reading."""
    return json.dumps(job.to_json(), indent=2, ensure_ascii=False)


def failure_text(job: WatchedJob) -> Optional[str]:
    """`failed_code` and `failed_detail`, what a ticket to support needs, plus the request ID."""
    if job.state.cluster is not None:
        return _cluster_failure(job)
    record = job.state.record
    if record is None or (record.failed_code is None and not record.failed_detail):
        return None
    lines = [record.failed_code.raw if record.failed_code else "", record.failed_detail or ""]
    if record.request_id:
        lines.append(f"X-Request-Id: {record.request_id}")
    return "\n".join(line for line in lines if line)


def _cluster_failure(job: WatchedJob) -> Optional[str]:
    """A cluster's failure line, its reason's message, and the request ID."""
    cluster = job.state.cluster
    if cluster is None or cluster.failure is None:
        return None
    reason = cluster.failed_reasons
    lines = [f"cluster {job.entry.job_id}: {cluster.failure}"]
    if reason and reason.error_msg and reason.error_msg not in cluster.failure:
        lines.append(reason.error_msg)
    if cluster.request_id:
        lines.append(f"X-Request-Id: {cluster.request_id}")
    return "\n".join(lines)
