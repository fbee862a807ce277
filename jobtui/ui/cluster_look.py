"""How a watched cluster looks: its phase as a status look, the word its row shows.

Pure (no Textual). A cluster has no job status; its phase (running, done, failed:
`jobtui.domain.cluster_phase`) plays that part, and its bar and sort order borrow
the job status with the same meaning, so clusters and jobs read alike in one table.
Every word shown comes from the server and goes through `render.literal` when drawn.
"""

from __future__ import annotations

from typing import Optional

from jobtui.domain.cluster import ClusterRecord
from jobtui.domain.cluster_phase import Phase
from jobtui.domain.model import Status
from jobtui.ui.render import StatusLook

PHASE_LOOKS = {
    Phase.RUNNING: StatusLook(">", "RUNNING", "bold cyan"),
    Phase.DONE: StatusLook("+", "DONE", "green"),
    Phase.FAILED: StatusLook("x", "FAILED", "bold red"),
}
# The job status a phase reads as: its bar, its place in a status sort.
PHASE_STATUS = {
    Phase.RUNNING: Status.RUNNING,
    Phase.DONE: Status.SUCCESS,
    Phase.FAILED: Status.FAIL,
}

# Marks a cluster's name in the table (cluster rows and job rows look alike otherwise).
MARK_UNICODE, MARK_ASCII = "◆", "*"


def moving_word(cluster: ClusterRecord) -> Optional[str]:
    """The transitional word of a running cluster without a task (REDISTRIBUTING…)."""
    for value in (cluster.sub_status, cluster.status):
        for word in (value or "").split("|"):
            if word.strip().upper().endswith("ING"):
                return word.strip()
    return None


def row_word(cluster: ClusterRecord) -> str:
    """What the status column says: the running task, else the moving status, else the phase."""
    phase = cluster.phase
    if phase is Phase.RUNNING:
        return cluster.task or moving_word(cluster) or cluster.status_text
    return PHASE_LOOKS[phase].word


def bar_value(cluster: ClusterRecord) -> Optional[float]:
    """The bar's value: the running task's progress; a settled cluster has no bar."""
    return cluster.progress if cluster.phase is not Phase.DONE else None


def bar_status(cluster: ClusterRecord) -> Optional[Status]:
    """The job status whose bar a cluster's bar looks like; None draws no bar at all."""
    phase = cluster.phase
    if phase is Phase.DONE or (phase is Phase.FAILED and cluster.progress is None):
        return None
    return PHASE_STATUS[phase]


def status_words(cluster: ClusterRecord) -> str:
    """`AVAILABLE/NORMAL`, and a task status that is not running (a failure) after it."""
    words = cluster.status_text
    if cluster.task_status and cluster.task is None:
        words += " " + cluster.task_status
    return words
