"""The main screen: what its keys do, on top of `MainView` which draws."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar, Optional

from textual import on
from textual.binding import ActiveBinding, BindingType
from textual.screen import Screen
from textual.widgets import Input

from jobtui.domain.state import WatchedJob, WatchEntry
from jobtui.ui import clipboard
from jobtui.ui.keys import MAIN_BINDINGS, description
from jobtui.ui.render import literal
from jobtui.ui.screens.main_view import MainView


class MainScreen(MainView):
    """Key actions: they call the session in a worker and never block the UI."""

    BINDINGS: ClassVar[list[BindingType]] = [*MAIN_BINDINGS]

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The footer's keys; while paused, the pause key reads "Resume"."""
        bindings, paused = super().active_bindings, bool(self.tui.session.paused)
        for key, active in bindings.items():
            words = description(active.binding, paused)
            if words != active.binding.description:
                now = replace(active.binding, description=words)
                bindings[key] = active._replace(binding=now)
        return bindings

    def selected_job(self) -> Optional[WatchedJob]:
        key = self.table.selected_key
        return self.jobs.get(key) if key else None

    # Moving and the detail pane.
    def action_cursor_down(self) -> None:
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.table.action_cursor_up()

    def action_open_detail(self) -> None:
        self.detail.display = True
        self.update_detail()

    def action_close_detail(self) -> None:
        # Escape in the filter, or with nothing else open, drops the filter (k9s, htop);
        # Enter keeps it.
        field = self.query_one("#filter", Input)
        if self.detail.display and not field.has_focus:
            self.detail.display = False
            self.table.focus()
        elif field.has_focus or field.value:
            field.value = ""
            self.close_filter()

    def action_toggle_layout(self) -> None:
        layout = "bottom" if self.prefs.detail_layout == "right" else "right"
        self.apply_prefs(replace(self.prefs, detail_layout=layout), save=True)
        self.action_open_detail()

    # The watchlist.
    def action_add(self) -> None:
        job = self.selected_job()
        project = job.entry.project_id if job else ""
        region = (job.entry.region or "") if job else ""
        from jobtui.ui.screens.add_dialog import AddDialog  # on first use: faster start

        self.app.push_screen(AddDialog(project, region), self._added)

    def _added(self, entries: Optional[list[WatchEntry]]) -> None:
        if entries:
            what = f"{len(entries)} jobs" if len(entries) > 1 else f"job {entries[0].job_id}"
            self.call_session("add", entries, done=f"Watching {what}.")

    def action_remove(self) -> None:
        job = self.selected_job()
        if job is None:
            return
        question = f"Stop watching {_named(job)}? (The job itself is not touched.)"

        def answer(yes: Optional[bool]) -> None:
            if yes:
                done = f"Stopped watching {_named(job)}."
                self.call_session("remove", [job.entry.key], done=done)

        self.app.push_screen(_confirm(question), answer)

    def action_prune(self) -> None:
        finished = [job for job in self.jobs.values() if job.state.terminal]
        if not finished:
            self.app.notify("No finished jobs to prune.", markup=False, timeout=3)
            return
        jobs = f"{len(finished)} finished job" + ("s" if len(finished) > 1 else "")
        question = f"Stop watching {jobs} (SUCCESS, FAIL, STOP)?"

        def answer(yes: Optional[bool]) -> None:
            if yes:
                done = f"Pruned {jobs}."
                self.call_session("prune", done=done)

        self.app.push_screen(_confirm(question, "Prune"), answer)

    def action_refresh(self) -> None:
        job = self.selected_job()
        if job is not None:
            self.call_session("refresh", job.entry.key, done=f"Refreshing {_named(job)}.")

    def action_refresh_all(self) -> None:
        self.call_session("refresh", done="Refreshing all jobs.")

    def action_toggle_pause(self) -> None:
        paused = bool(self.tui.session.paused)
        self.call_session("resume" if paused else "pause")
        self.app.notify(
            "Polling resumed." if paused else "Polling paused.", markup=False, timeout=3
        )

    # Filter and sort, remembered through the session.
    def action_filter(self) -> None:
        self.show_filter(True)
        self.query_one("#filter", Input).focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.table.set_filter(event.value)
        self.update_status()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.close_filter()

    def close_filter(self) -> None:
        field = self.query_one("#filter", Input)
        self.show_filter(bool(field.value))
        self.table.focus()
        self.apply_prefs(replace(self.prefs, filter=field.value), save=True)

    def action_toggle_active_only(self) -> None:
        flag = not self.prefs.active_only
        self.apply_prefs(replace(self.prefs, active_only=flag), save=True)
        self.app.notify("Active jobs only." if flag else "All jobs.", markup=False, timeout=2)

    def action_cycle_sort(self) -> None:
        # The table says SortChanged; MainView remembers it (mouse clicks too).
        self.table.cycle_sort()

    def action_reverse_sort(self) -> None:
        self.table.reverse_sort()

    # Copying, through OSC 52.
    def action_copy_id(self) -> None:
        job = self.selected_job()
        if job is not None:
            clipboard.copy(self.app, job.entry.job_id, "the job ID")

    def action_copy_detail(self) -> None:
        job = self.selected_job()
        if job is not None:
            clipboard.copy(self.app, clipboard.failure_text(job), "failure detail")

    def action_copy_json(self) -> None:
        job = self.selected_job()
        if job is not None:
            clipboard.copy(self.app, clipboard.record_json(job), "the record as JSON")


def _named(job: WatchedJob) -> str:
    """Name, label and ID: what a user recognises a job by (server text made literal)."""
    record, entry = job.state.record, job.entry
    name = literal(record.job_name) if record and record.job_name else "job"
    label = f' "{literal(entry.label)}"' if entry.label else ""
    return f"{name}{label} ({entry.job_id})"


def _confirm(question: str, yes_label: str = "Remove") -> Screen[bool]:
    from jobtui.ui.screens.confirm import ConfirmDialog  # on first use: faster start

    return ConfirmDialog(question, yes_label)
