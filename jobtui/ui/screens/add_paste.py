"""Pasting into the add dialog: every job in pasted text, through the CLI's parser."""

from __future__ import annotations

from typing import Optional

from textual import events
from textual.message import Message
from textual.widgets import Input

from jobtui.domain.parse_input import parse_job_lines

# One pasted job: (project_id, job_id); project None means "the dialog's project field".
Pasted = tuple[Optional[str], str]


def parse_paste(text: str) -> list[Pasted]:
    """Every job in pasted text, in order and once, through the CLI's parser."""
    parsed = parse_job_lines(text, keep_bare=True)
    found: list[Pasted] = list(parsed.keys)
    return found + [(None, job) for job in parsed.bare]


class PasteInput(Input):
    """An Input that hands a multi-job or `project/job` paste to its dialog."""

    class JobsPasted(Message):
        def __init__(self, jobs: list[Pasted]) -> None:
            super().__init__()
            self.jobs = jobs

    def _on_paste(self, event: events.Paste) -> None:
        jobs = parse_paste(event.text)
        # A lone bare ID is ordinary typing-by-paste into the focused field.
        if len(jobs) > 1 or (jobs and jobs[0][0]) or "{" in event.text:
            event.stop()
            self.post_message(self.JobsPasted(jobs))
            return
        super()._on_paste(event)
