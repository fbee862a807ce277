"""When is a cluster operation running, done or failed? The rule, over open value sets.

- **failed**: the task status or a sub-status ends in FAILURE/FAILED (REBOOT_FAILURE,
  CREATE_NODE_FAILED, REDISTRIBUTION-FAILURE), the status is FAILED or ends in _FAILED
  (CREATE_FAILED, DELETE_FAILED), or — with no task running — a failed reason is given;
- **running**: a task runs (any other task status), or the status or a sub-status is
  transitional: CREATING, DELETING, REDISTRIBUTING, or any unknown word ending in ING;
- **done**: neither — no task runs and the status is settled (AVAILABLE, FROZEN…).

A stale failed reason beside a new running task does not stop that task's watch.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from typing import Any, Optional


class Phase(enum.Enum):
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


_FAILURE = re.compile(r"(^|[_\- ])(FAILURE|FAILED)$")
# Known transitional words; unknown ones ending in ING (RESIZING, RESTORING…) count too.
_TRANSITIONAL = frozenset({"CREATING", "DELETING", "REDISTRIBUTING"})


def _words(value: Optional[str]) -> list[str]:
    """`A|B` combinations split into their upper-case words."""
    if not value:
        return []
    return [part.strip().upper() for part in value.split("|") if part.strip()]


def _failed_word(word: str) -> bool:
    return word == "FAILED" or bool(_FAILURE.search(word))


def _moving(word: str) -> bool:
    return word in _TRANSITIONAL or word.endswith("ING")


def running_task(task_status: Optional[str], progress: Sequence[tuple[str, str]]) -> Optional[str]:
    """The task running now: the task status unless it is a failure, else the one in progress."""
    words = _words(task_status)
    if words and not any(map(_failed_word, words)):
        return task_status.strip() if task_status else None
    if not words and progress:
        return progress[0][0]
    return None


def phase_of(
    status: str, sub_status: Optional[str], task_status: Optional[str], failed_reason: Any
) -> Phase:
    settled = _words(status) + _words(sub_status)
    if any(map(_failed_word, settled + _words(task_status))):
        return Phase.FAILED
    if running_task(task_status, ()) is not None or any(map(_moving, settled)):
        return Phase.RUNNING
    return Phase.FAILED if failed_reason is not None else Phase.DONE


def failure_text(
    status: str,
    sub_status: Optional[str],
    task_status: Optional[str],
    code: Optional[str],
    message: Optional[str],
) -> Optional[str]:
    """One line on why the operation failed (the words that say so, then the reason)."""
    said = (task_status, sub_status, status)
    words = [w for w in said if w and any(map(_failed_word, _words(w)))]
    reason = ": ".join(part for part in (code, message) if part)
    parts = [*words[:1], reason] if reason else words[:1]
    return " — ".join(parts) if parts else None
