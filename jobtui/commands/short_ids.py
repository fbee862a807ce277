"""Job IDs cut to a tail that still tells the jobs shown apart, as git shortens hashes.

DWS job IDs of one project share a long prefix and end in a counter
(`2c9080e8845b207101845b245e1e0001`): the tail is what differs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Callable

from jobtui.commands.output import SHORT_PROJECT
from jobtui.domain.state import WatchedJob

SHORTEST_TAIL = 4


def unique_tails(jobs: Sequence[WatchedJob]) -> Callable[[WatchedJob], str]:
    """Each job's shortest unique job-ID tail, `…e0001`; with its project's first 8
    characters when the same job ID is watched in two projects."""
    ids = {job.entry.job_id for job in jobs}
    size = next((n for n in range(SHORTEST_TAIL, 65) if len({i[-n:] for i in ids}) == len(ids)), 64)
    twice = {i for i in ids if sum(job.entry.job_id == i for job in jobs) > 1}

    def tail(job: WatchedJob) -> str:
        job_id = job.entry.job_id
        text = job_id if len(job_id) <= size else "…" + job_id[-size:]
        return f"{job.entry.project_id[:SHORT_PROJECT]}/{text}" if job_id in twice else text

    return tail
