"""The keys that edit the watchlist or the polling: asked in a dialog, worded in a toast."""

from __future__ import annotations

from typing import Optional

from textual.screen import Screen

from jobtui.domain.state import WatchedJob, WatchEntry
from jobtui.domain.words import FINISHED_WORDS, NO_LONGER_WATCHING, added_sentence
from jobtui.ui.host import Host
from jobtui.ui.render import literal
from jobtui.ui.screens.main_view import MainView
from jobtui.ui.screens.session_calls import SessionCalls
from jobtui.ui.session_api import SessionCall


class WatchlistKeys:
    """Add, remove, prune, refresh and pause: each a session call, run by `SessionCalls`."""

    def __init__(
        self, screen: Screen[None], view: MainView, tui: Host, calls: SessionCalls
    ) -> None:
        self.screen, self.view, self.tui, self.call = screen, view, tui, calls.run

    def add(self) -> None:
        job = self.view.selected_job()
        project = job.entry.project_id if job else ""
        region = (job.entry.region or "") if job else ""
        from jobtui.ui.screens.add_dialog import AddDialog  # on first use: faster start

        self.screen.app.push_screen(AddDialog(project, region), self._added)

    def _added(self, entries: Optional[list[WatchEntry]]) -> None:
        if entries:
            self.call(lambda s: s.add(entries), said=lambda new: _added_sentence(entries, new))

    def remove(self) -> None:
        job = self.view.job_to_act_on()
        if job is None:
            return
        kind = "cluster" if job.entry.is_cluster else "job"
        question = f"Stop watching {_named(job)}? (The {kind} itself is not touched.)"

        def answer(yes: Optional[bool]) -> None:
            if yes:
                done = f"{NO_LONGER_WATCHING.capitalize()} {_named(job)}."
                self.call(lambda s: s.remove([job.entry.key]), done=done)

        self.screen.app.push_screen(_confirm(question), answer)

    def prune(self) -> None:
        finished = [job for job in self.view.jobs.values() if job.state.terminal]
        if not finished:
            self.screen.app.notify("No finished jobs to prune.", markup=False, timeout=3)
            return
        jobs = f"{len(finished)} finished job" + ("s" if len(finished) > 1 else "")
        question = f"Stop watching {jobs} ({FINISHED_WORDS})?"

        def answer(yes: Optional[bool]) -> None:
            if yes:
                self.call(lambda s: s.prune(), done=f"{NO_LONGER_WATCHING.capitalize()} {jobs}.")

        self.screen.app.push_screen(_confirm(question, "Prune"), answer)

    def refresh(self) -> None:
        job = self.view.job_to_act_on()
        if job is not None:
            key = job.entry.key
            self.call(lambda s: s.refresh(key), done=f"Refreshing {_named(job)}.")

    def refresh_all(self) -> None:
        self.call(lambda s: s.refresh(), done="Refreshing all jobs.")

    def toggle_pause(self) -> None:
        paused = bool(self.tui.session.paused)
        call: SessionCall = (lambda s: s.resume()) if paused else (lambda s: s.pause())
        self.call(call)
        words = "Polling resumed." if paused else "Polling paused."
        self.screen.app.notify(words, markup=False, timeout=3)


def _added_sentence(entries: list[WatchEntry], new: object) -> str:
    fresh = {e.key for e in new} if isinstance(new, list) else set()
    old = [e.job_id for e in entries if e.key not in fresh]
    noun = "cluster" if all(e.is_cluster for e in entries) else "job"
    return added_sentence([e.job_id for e in entries if e.key in fresh], old, noun)


def _named(job: WatchedJob) -> str:
    """Name, label and ID: what a user recognises a job by (server text made literal)."""
    record, cluster, entry = job.state.record, job.state.cluster, job.entry
    given = cluster.name if cluster else record.job_name if record else None
    name = ("cluster " if entry.is_cluster else "") + (literal(given) if given else "")
    name = name.strip() or "job"
    label = f' "{literal(entry.label)}"' if entry.label else ""
    return f"{name}{label} ({entry.job_id})"


def _confirm(question: str, yes_label: str = "Remove") -> Screen[bool]:
    from jobtui.ui.screens.confirm import ConfirmDialog  # on first use: faster start

    return ConfirmDialog(question, yes_label)
