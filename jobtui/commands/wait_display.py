"""How `jobtui wait` shows progress: redrawn lines on a terminal, plain lines in a log."""

from __future__ import annotations

from datetime import datetime
from typing import TextIO, Union

from jobtui.commands.live_fit import fitted_lines
from jobtui.commands.output import clean, note, progress_text, status_word
from jobtui.domain.state import JobKey, WatchedJob


def job_line(job: WatchedJob) -> str:
    """A log's line: status, progress, name, the whole PROJECT_ID/JOB_ID, the note."""
    record, cluster = job.state.record, job.state.cluster
    said = record.job_name if record else cluster.name if cluster else None
    name = clean(job.entry.label or said or "")
    ident = f"{job.entry.project_id}/{job.entry.job_id}"
    parts = [f"{status_word(job):<15}", f"{progress_text(job):>5}", name, ident, note(job)]
    return "  ".join(p for p in parts if p).rstrip()


class PlainLines:
    """One timestamped line each time a job's line changes: fit for CI logs."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._last: dict[JobKey, str] = {}

    def show(self, jobs: list[WatchedJob], now: datetime) -> None:
        for job in jobs:
            if job.state.record is None and job.state.cluster is None and job.state.error is None:
                continue  # not asked yet: a "?" line would only be noise in a log
            line = job_line(job)
            if self._last.get(job.entry.key) != line:
                self._last[job.entry.key] = line
                print(f"{now:%H:%M:%S} {line}", file=self._stream, flush=True)

    def close(self) -> None:
        """Nothing is left half-drawn in a log."""


class LiveLines:
    """One line per job, redrawn in place; only when something changed (SSH links)."""

    def __init__(self, stream: TextIO, width: int) -> None:
        self._stream = stream
        self._width = width
        self._drawn: list[str] = []

    def show(self, jobs: list[WatchedJob], now: datetime) -> None:
        lines = fitted_lines(jobs, self._width)
        if lines == self._drawn:
            return
        up = f"\x1b[{len(self._drawn)}F" if self._drawn else ""
        body = "".join(f"\x1b[2K{line}\n" for line in lines)
        self._stream.write(up + body)
        self._stream.flush()
        self._drawn = lines

    def close(self) -> None:
        self._stream.flush()


class NoLines:
    """--quiet: nothing on stdout; the exit status tells."""

    def show(self, jobs: list[WatchedJob], now: datetime) -> None:
        """Nothing to draw."""

    def close(self) -> None:
        """Nothing drawn."""


Display = Union[LiveLines, PlainLines, NoLines]
