"""Tell the user a job finished: a toast, and optionally a bell or desktop notification.

Desktop notifications are escape sequences (OSC 9 for iTerm2/Windows Terminal/kitty,
OSC 777 for rxvt/foot/VTE) so they reach the user's own machine over SSH.
"""

from __future__ import annotations

import os
from typing import Any

from textual.app import App

from jobtui import patches
from jobtui.domain.cluster import ClusterRecord
from jobtui.domain.cluster_phase import Phase
from jobtui.domain.model import Status
from jobtui.domain.state import JobState
from jobtui.domain.words import status_word
from jobtui.ui.options import UiOptions
from jobtui.ui.render import literal

_SEVERITY = {Status.SUCCESS: "information", Status.FAIL: "error", Status.STOP: "warning"}


def finished_message(state: JobState) -> str:
    """`Job ecfClusterElbCreateJob (2c90…0001) finished: FAIL at 9%`."""
    if state.cluster is not None:
        return _cluster_message(state.cluster)
    record = state.record
    name = record.job_name if record and record.job_name else state.key[1]
    status = status_word(record.status_text) if record else "?"
    where = f" at {record.progress:g}%" if record and record.progress is not None else ""
    if record is not None and record.status is Status.SUCCESS:
        where = ""
    return f"Job {literal(name)} ({state.key[1]}) finished: {literal(status)}{where}"


def _cluster_message(cluster: ClusterRecord) -> str:
    """`Cluster dw-sales (4b3a…) operation done: AVAILABLE`, or why it failed."""
    name = literal(cluster.name or cluster.cluster_id)
    said = cluster.failure or cluster.status_text
    return f"Cluster {name} ({cluster.cluster_id}) operation {_phase(cluster)}: {literal(said)}"


def _phase(cluster: ClusterRecord) -> str:
    return "failed" if cluster.phase is Phase.FAILED else "done"


def announce_finished(app: App[Any], state: JobState, options: UiOptions) -> None:
    """Toast (markup off: server text is data), then the optional bell and OSC."""
    message = finished_message(state)
    status = state.record.status if state.record else None
    title = "Job finished"
    if state.cluster is not None:
        status = Status.FAIL if state.cluster.phase is Phase.FAILED else Status.SUCCESS
        title = "Cluster operation ended"
    if options.notify.toast:
        severity: Any = _SEVERITY.get(status, "information") if status else "information"
        app.notify(message, title=title, severity=severity, markup=False, timeout=8)
    if options.notify.bell:
        app.bell()
    if options.notify.desktop:
        patches.write_to_terminal(app, desktop_sequence(message, tmux=bool(os.environ.get("TMUX"))))


def desktop_sequence(message: str, tmux: bool = False) -> str:
    """OSC 9 and OSC 777 for `message`; wrapped for tmux passthrough when inside tmux."""
    text = literal(message).replace(";", ",")[:200]  # no BEL or ESC may end the OSC early
    sequence = f"\x1b]9;{text}\x07\x1b]777;notify;jobtui;{text}\x07"
    if tmux:
        return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"
    return sequence
