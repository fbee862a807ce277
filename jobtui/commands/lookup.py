"""Turn the job arguments of remove/status/wait into watchlist entries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Optional

from jobtui.domain.errors import UsageError
from jobtui.domain.model import validate_id
from jobtui.domain.state import CLUSTER, WatchEntry
from jobtui.domain.words import NOT_WATCHED

# What the tables put before an ID's tail (`…e0001`); '...' for keyboards without '…'.
ELLIPSES = ("…", "...")
# As `jobtui.commands.short_ids` shows them: never fewer characters than this.
SHORTEST_TAIL = 4


def checked(
    project: Optional[str], job: str, text: str, what: str = "job ID"
) -> tuple[Optional[str], str]:
    """Validated IDs, or a UsageError quoting what the user typed."""
    try:
        return (validate_id(project, "project ID") if project else None), validate_id(job, what)
    except ValueError as error:
        raise UsageError(f"{text!r}: {error}.") from None


def parse_spec(text: str, what: str = "job ID") -> tuple[Optional[str], str]:
    """`PROJECT_ID/JOB_ID` or a bare `JOB_ID`, validated."""
    project, _, job = text.partition("/") if "/" in text else ("", "", text)
    return checked(project, job, text, what)


def find(spec: str, entries: Sequence[WatchEntry], what: str = "job ID") -> Optional[WatchEntry]:
    """The one watched entry a spec names, None if none; UsageError if a bare ID is ambiguous.

    The tail the tables show (`…e0001`) names the watched job or cluster whose ID ends
    so; a bare ID that no watched one has is tried as such a tail too (4+ characters).
    """
    tail = _tail(spec, what)
    if tail is not None:
        return _by_tail(tail, entries, spec)
    project, job = parse_spec(spec, what)
    matches = [e for e in entries if e.job_id == job and project in (None, e.project_id)]
    if len(matches) > 1:
        raise UsageError(
            f"{what[0].upper() + what[1:]} {job} is watched in {len(matches)} projects; "
            f"name it as PROJECT_ID/{what.upper().replace(' ', '_')}."
        )
    if not matches and project is None and len(job) >= SHORTEST_TAIL:
        return _by_tail(job, entries, None)
    return matches[0] if matches else None


def _tail(spec: str, what: str) -> Optional[str]:
    """The ID tail after a leading '…' (or '...'), checked like an ID; None without one."""
    for mark in ELLIPSES:
        if spec.startswith(mark):
            return checked(None, spec[len(mark) :], spec, what)[1]
    return None


def _by_tail(tail: str, entries: Sequence[WatchEntry], spec: Optional[str]) -> Optional[WatchEntry]:
    """The one watched entry whose ID ends in `tail`; a UsageError when several do, or
    when none does and the user asked for a tail (`spec`)."""
    matches = [e for e in entries if e.job_id.endswith(tail)]
    if len(matches) > 1:
        said = ", ".join(e.job_id for e in matches[:3]) + (", …" if len(matches) > 3 else "")
        raise UsageError(f"{len(matches)} watched IDs end in {tail} ({said}); give more of it.")
    if not matches and spec is not None:
        raise UsageError(f"No watched job or cluster ID ends in {tail}; 'jobtui list' shows them.")
    return matches[0] if matches else None


def resolve(
    specs: Sequence[str],
    entries: Sequence[WatchEntry],
    *,
    now: datetime,
    region: Optional[str] = None,
) -> list[WatchEntry]:
    """Entries for specs; `PROJECT_ID/JOB_ID` may name a job that is not watched."""
    out: list[WatchEntry] = []
    for spec in specs:
        entry = find(spec, entries)
        if entry is None:
            project, job = parse_spec(spec)
            if project is None:
                raise UsageError(
                    f"Job {job} is {NOT_WATCHED}; give it as PROJECT_ID/JOB_ID "
                    "or add it with 'jobtui add'."
                )
            entry = WatchEntry(project, job, added_at=now, region=region)
        if entry.key not in [e.key for e in out]:
            out.append(entry)
    return out


def resolve_clusters(
    specs: Sequence[str],
    entries: Sequence[WatchEntry],
    *,
    now: datetime,
    region: Optional[str] = None,
) -> list[WatchEntry]:
    """Clusters for `--cluster PROJECT_ID CLUSTER_ID`, `PROJECT_ID/CLUSTER_ID`, or a
    watched cluster's ID or the tail the tables show (`…3a01`); the watched entry
    (label, region) when there is one."""
    watched = [e for e in entries if e.is_cluster]
    out: list[WatchEntry] = []
    for spec in specs:
        entry = find(spec, watched, "cluster ID")
        if entry is None:
            project, cluster = parse_spec(spec, "cluster ID")
            if project is None:
                raise UsageError(
                    f"Cluster {cluster} is {NOT_WATCHED}; give it as PROJECT_ID CLUSTER_ID "
                    "or add it with 'jobtui add --cluster'."
                )
            entry = WatchEntry(project, cluster, added_at=now, region=region, kind=CLUSTER)
        if entry.key not in [e.key for e in out]:
            out.append(entry)
    return out
