"""The job table of `status` and `list`: which columns give way first on a narrow terminal.

The stated order (README, `--help`): empty columns are left out; then, one step at a
time until the table fits, the project ID is cut to its first 8 characters, the job ID
to the shortest tail that tells the jobs shown apart (at least 4 characters, as git
shortens hashes), and STARTED, JOB NAME, ELAPSED, PROGRESS and LABEL are dropped in
that order. At each step JOB NAME, LABEL and NOTE may be shortened with '…' (NOTE
keeping the failure code whole); STATUS and the job's ID are never dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Callable, Optional

from jobtui.commands.output import HEADERS, SHORT_PROJECT, clean, row
from jobtui.commands.short_ids import unique_tails
from jobtui.commands.table_fit import Column, cell_width, first_fitting, render
from jobtui.domain.state import WatchedJob

ID = "PROJECT/JOB"
# One NAME column: the label where there is one, else the job name.
NAME = "NAME"
DROP_ORDER = (NAME, "ELAPSED", "PROGRESS", NAME)
FLOORS = {"JOB NAME": 12, "LABEL": 8, NAME: 12, "NOTE": 16}
SHORT_HEADERS = {"PROGRESS": "PROG"}
NOTE_MOST = 40  # a failure code longer than this may be shortened too


def table_lines(
    jobs: Sequence[WatchedJob], now: datetime, width: Optional[int], *, headers: bool = True
) -> list[str]:
    """The table fitted to `width` (None: nothing cut or shortened)."""
    rows = [row(job, now) for job in jobs]
    cells = {name: [r[i] for r in rows] for i, name in enumerate(HEADERS)}
    cells[NAME] = [label or name for name, label in zip(cells["JOB NAME"], cells["LABEL"])]
    shown = [name for name in HEADERS if name in ("STATUS", ID) or any(cells[name])]
    floors = {**FLOORS, "NOTE": _note_floor(jobs)}

    def columns(
        names: Sequence[str], ident: Callable[[WatchedJob], str], header: str = ID
    ) -> list[Column]:
        return [
            Column(header, [ident(job) for job in jobs])
            if name == ID
            else Column(name, cells[name], floors.get(name, 0), SHORT_HEADERS.get(name, ""))
            for name in names
        ]

    if width is None:
        return render(columns(shown, _full), None, headers=headers)
    tail = unique_tails(jobs)
    stages = [columns(shown, _full), columns(shown, _short_project)]
    # A whole job ID can be copied into `wait` or `remove`: it outlives STARTED.
    shown = [n for n in shown if n != "STARTED"]
    stages += [columns(shown, _short_project), columns(shown, tail, "JOB")]
    for name in DROP_ORDER:
        if name == NAME and NAME not in shown:
            shown = _one_name(shown)
        elif name in shown:
            shown = [n for n in shown if n != name]
        else:
            continue
        stages.append(columns(shown, tail, "JOB"))
    return render(first_fitting(stages, width), width, headers=headers)


def tsv_lines(jobs: Sequence[WatchedJob], now: datetime, *, headers: bool = True) -> list[str]:
    """One line per job, tab-separated, every column whole; PROJECT/JOB first (for `cut -f1`).

    Tabs and newlines in server text are already shown as `\\x09` and `\\x0a` by `clean`.
    """
    names = [ID, *(name for name in HEADERS if name != ID)]
    lines = ["\t".join(names)] if headers else []
    for job in jobs:
        cells = dict(zip(HEADERS, row(job, now)))
        lines.append("\t".join(cells[name] for name in names))
    return lines


def _one_name(shown: list[str]) -> list[str]:
    """JOB NAME and LABEL as one NAME column, where the first of them was."""
    names = [n for n in shown if n in ("JOB NAME", "LABEL")]
    if not names:
        return shown
    at = shown.index(names[0])
    rest = [n for n in shown if n not in names]
    return [*rest[:at], NAME, *rest[at:]]


def _full(job: WatchedJob) -> str:
    return f"{job.entry.project_id}/{job.entry.job_id}"


def _short_project(job: WatchedJob) -> str:
    return f"{job.entry.project_id[:SHORT_PROJECT]}…/{job.entry.job_id}"


def _note_floor(jobs: Sequence[WatchedJob]) -> int:
    codes = [
        cell_width(clean(job.state.record.failed_code.raw))
        for job in jobs
        if job.state.error is None and job.state.record and job.state.record.failed_code
    ]
    return min(max([FLOORS["NOTE"], *codes]), NOTE_MOST)
