"""The `a` dialog: project, job or cluster, label, region, validated as you type; smart paste."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import ClassVar, Optional

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static

from jobtui.domain.id_shape import cluster_warning, job_warning, project_warning
from jobtui.domain.model import validate_id
from jobtui.domain.state import CLUSTER, JOB, WatchEntry
from jobtui.domain.watch_key import CLUSTER_MARK
from jobtui.ui.screens.add_paste import Pasted, PasteInput
from jobtui.ui.widgets.ticks import TickBox

JOB_HINT = "or paste project/job, an API path, or a DWS answer's JSON"
CLUSTER_HINT = "the cluster's ID, from its console page or `jobtui discover`"


class AddDialog(ModalScreen[Optional[list[WatchEntry]]]):
    """Dismisses with the entries to add, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="add_cancel")]
    # (id, label, placeholder): the placeholder says what to put, not the label again.
    FIELDS = (
        ("project", "Project ID", "from the console's My Credentials page"),
        ("job", "Job ID", JOB_HINT),
        ("label", "Label", "optional: your name for it, e.g. nightly restore"),
        ("region", "Region", "optional: e.g. cn-north-4 (default: the project's)"),
    )

    def __init__(self, project_id: str = "", region: str = "") -> None:
        super().__init__()
        self.defaults = {"project": project_id, "region": region}
        self.pasted: list[Pasted] = []

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog add"):
            yield Static(
                "Watch a job or a cluster  (paste project/job, several lines, or a DWS answer)",
                classes="title",
                markup=False,
            )
            # Operations without a job ID (resize, restart, console): watch the cluster.
            yield TickBox(
                "A cluster: watch its operations (resize, restart…) instead of a job",
                id="cluster",
                compact=True,
            )
            for name, title, hint in self.FIELDS:
                yield Label(title, id=f"{name}-label", markup=False)
                yield PasteInput(
                    self.defaults.get(name, ""), id=name, placeholder=hint, compact=True
                )
                error = Static("", id=f"{name}-error", classes="error", markup=False)
                error.display = False  # until it has something to say (see _say)
                yield error
            yield Static("", id="pasted", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Add", variant="primary", id="add", disabled=True)
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#project" if not self.defaults["project"] else "#job", Input).focus()
        self._validate()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._validate()

    @property
    def cluster(self) -> bool:
        return self.query_one("#cluster", Checkbox).value

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self.query_one("#job-label", Label).update("Cluster ID" if event.value else "Job ID")
        self.query_one("#job", Input).placeholder = CLUSTER_HINT if event.value else JOB_HINT
        self._validate()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not self.query_one("#add", Button).disabled:
            self._submit()

    def on_paste_input_jobs_pasted(self, event: PasteInput.JobsPasted) -> None:
        self.pasted = event.jobs
        self._forget_default_region({p for p, _ in event.jobs if p})
        if len(event.jobs) == 1:
            project, job = event.jobs[0]
            if project:
                self._set("project", project)
            if job.startswith(CLUSTER_MARK):  # a `cluster PROJECT CLUSTER_ID` line
                self.query_one("#cluster", Checkbox).value = True
            self._set("job", _item(job))
            self.pasted = []
        self._validate()

    def _forget_default_region(self, projects: set[str]) -> None:
        """The region came from the selected job: wrong for another project's jobs."""
        other = projects - {self.defaults["project"]}
        if other and self._value("region") == self.defaults["region"]:
            self._set("region", "")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "add":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _set(self, name: str, value: str) -> None:
        self.query_one(f"#{name}", Input).value = value

    def _value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value.strip()

    def _validate(self) -> None:
        """Show one sentence under each wrong field; Add only when all are right."""
        all_have_project = bool(self.pasted) and all(p for p, _ in self.pasted)
        project = None if all_have_project else _problem(self._value("project"), "project ID")
        errors = {"project": project}
        what = "cluster ID" if self.cluster else "job ID"
        errors["job"] = None if self.pasted else _problem(self._value("job"), what)
        shape = {
            "project": project_warning,
            "job": cluster_warning if self.cluster else job_warning,
        }
        for name in ("project", "job"):
            warning = None if self.pasted and name == "job" else shape[name](self._value(name))
            said = errors[name] or _warned(warning if self._value(name) else None)
            self._say(f"#{name}-error", said)
        self._say("#pasted", _pasted_summary(self.pasted))
        self.query_one("#add", Button).disabled = any(errors.values())

    def _say(self, selector: str, sentence: str) -> None:
        # Empty lines take no room, so the dialog's buttons stay on an 80x24 screen.
        line = self.query_one(selector, Static)
        line.update(sentence)
        line.display = bool(sentence)

    def _submit(self) -> None:
        self.dismiss(self.entries(datetime.now(timezone.utc)))

    def entries(self, now: datetime) -> list[WatchEntry]:
        """What Add would add: the pasted jobs, or the one in the fields."""
        label, region = self._value("label") or None, self._value("region") or None
        field = self._value("project")
        if not self.pasted:
            kind = CLUSTER if self.cluster else JOB
            return [WatchEntry(field, self._value("job"), now, label, region, kind)]
        # Pasted `cluster PROJECT CLUSTER_ID` lines come as cluster keys, beside jobs.
        return [
            WatchEntry(project or field, _item(job), now, label, region, _kind(job))
            for project, job in self.pasted
        ]


def _problem(value: str, what: str) -> Optional[str]:
    try:
        validate_id(value, what)
    except ValueError as error:
        return str(error)[:1].upper() + str(error)[1:] + "."
    return None


def _item(pasted: str) -> str:
    """The job's or cluster's own ID from a pasted key's second part."""
    return pasted[len(CLUSTER_MARK) :] if pasted.startswith(CLUSTER_MARK) else pasted


def _kind(pasted: str) -> str:
    return CLUSTER if pasted.startswith(CLUSTER_MARK) else JOB


def _warned(sentence: Optional[str]) -> str:
    """The `add` command's warning, as the dialog says it: Add is still allowed."""
    return f"Warning: {sentence}; Add still adds it (the service decides)." if sentence else ""


def _pasted_summary(jobs: list[Pasted]) -> str:
    if not jobs:
        return ""
    shown = ", ".join(
        f"{'cluster ' if _kind(j) == CLUSTER else ''}{p + '/' if p else ''}{_item(j)}"
        for p, j in jobs[:3]
    )
    more = f" and {len(jobs) - 3} more" if len(jobs) > 3 else ""
    clusters = sum(_kind(j) == CLUSTER for _, j in jobs)
    what = "clusters" if clusters == len(jobs) else "jobs and clusters" if clusters else "jobs"
    return f"{len(jobs)} {what} from the paste: {shown}{more}"
