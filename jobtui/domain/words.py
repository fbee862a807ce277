"""The words jobtui shows users: status words and watchlist messages, defined once.

The table, the detail pane, toasts and every command print these, so one job reads
the same everywhere. `--json` and the state files keep the API's own values.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from jobtui.domain.model import Status

# The API's DELAY_SCHEDULED and STOP do not fit a 10-cell column and read oddly in a
# sentence ("finished: STOP"); every other status is shown as the API spells it.
STATUS_WORDS = {status: status.value for status in Status}
STATUS_WORDS[Status.DELAY_SCHEDULED] = "DELAYED"
STATUS_WORDS[Status.STOP] = "STOPPED"
FINISHED_WORDS = ", ".join(STATUS_WORDS[s] for s in (Status.SUCCESS, Status.FAIL, Status.STOP))


def status_word(raw: Optional[str]) -> str:
    """The word shown for a status as the API sent it; an unknown value is kept as sent."""
    if raw is None or raw == "":
        return STATUS_WORDS[Status.UNKNOWN]
    status = Status.parse(raw)
    return raw if status is Status.UNKNOWN else STATUS_WORDS[status]


# A job we hold no answer for: the service said it does not exist, or the poll failed.
NOT_FOUND = "NOT FOUND"
ERROR = "ERROR"


def unanswered_word(error_kind: str) -> str:
    """The status word of a job without a record whose last poll failed with `error_kind`."""
    return NOT_FOUND if error_kind == "not_found" else ERROR


# A watchlist edit, said the same way by `add`/`remove`/`prune` and the monitor's toasts.
NOW_WATCHING = "now watching"
ALREADY_WATCHED = "already watched"
NO_LONGER_WATCHING = "no longer watching"
NOT_WATCHED = "not watched"


def edit_line(verb: str, project_id: str, job_id: str, *, cluster: bool = False) -> str:
    """`now watching: PROJECT/JOB` (`… cluster PROJECT/CLUSTER`), as the commands print them."""
    kind = "cluster " if cluster else ""
    return f"{verb}: {kind}{project_id}/{job_id}"


def jobs_phrase(job_ids: Sequence[str], noun: str = "job") -> str:
    """`job 2c90…` for one job, `3 jobs` for more (`cluster 6f1c…` with noun="cluster")."""
    return f"{noun} {job_ids[0]}" if len(job_ids) == 1 else f"{len(job_ids)} {noun}s"


def added_sentence(new: Sequence[str], old: Sequence[str], noun: str = "job") -> str:
    """What the monitor says after an add: which jobs are now watched, which already were."""
    parts = []
    if new:
        parts.append(f"{NOW_WATCHING.capitalize()} {jobs_phrase(new, noun)}.")
    if old:
        said = jobs_phrase(old, noun)
        parts.append(f"{said[0].upper()}{said[1:]} {_be(old)} {ALREADY_WATCHED}.")
    return " ".join(parts)


def _be(items: Sequence[str]) -> str:
    return "was" if len(items) == 1 else "were"
