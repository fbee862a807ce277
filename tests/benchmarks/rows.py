"""The benchmark jobs as text: IDs, the reference app's static rows, counting rows on screen.

Every job's name and ID carry `bjNNNNN`, so "the table is on screen" is judged the
same way for jobtui and for the reference app. No jobtui imports: the reference app
must start as light as any Textual app.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

ROW_PATTERN = re.compile(r"bj\d{5}")
DONE = ("SUCCESS", "FAIL", "SUCCESS", "STOP")


def job_id(i: int) -> str:
    # jobtui shows an ID's tail (one cluster's IDs share their head): the number goes last
    return f"2c9080e8845b2071018-bj{i:05d}"


def job_name(i: int) -> str:
    return f"bj{i:05d}-resizeCluster"


def reference_rows(count: int) -> list[tuple[str, ...]]:
    """What the reference app shows: the same jobs, as static text."""
    begin = (datetime.now(timezone.utc) - timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")
    rows: list[tuple[str, ...]] = []
    for i in range(count):
        status = "RUNNING" if i < 10 else DONE[i % len(DONE)]
        rows.append((job_name(i), job_id(i), status, "37%", begin, "1h59m"))
    return rows


def visible_jobs(text: str) -> set[str]:
    """The benchmark jobs visible in a screen's text."""
    return set(ROW_PATTERN.findall(text))


def rows_on_screen(text: str) -> int:
    return len(visible_jobs(text))
