"""The discover dialog: a project's clusters and what each does; tick those to watch.

Those with an operation running come ticked (what an operator opens jobtui for);
clusters already watched are listed but cannot be ticked again. Server text is literal.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import ClassVar, Optional

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static
from textual.widgets.selection_list import Selection

from jobtui.domain.cluster import ClusterRecord
from jobtui.domain.cluster_phase import Phase
from jobtui.ui import cluster_look
from jobtui.ui.render import literal, status_text
from jobtui.ui.widgets.ticks import TickList


def cluster_line(cluster: ClusterRecord, watched: bool) -> Text:
    """`> GROWING 30%  dw-sales  AVAILABLE/NORMAL` (literal), with `watched` said."""
    line = status_text(cluster_look.PHASE_LOOKS[cluster.phase], cluster_look.row_word(cluster))
    if cluster.progress_raw and cluster.task:
        line.append(" " + literal(cluster.progress_raw))
    line.append("  ")
    line.append(literal(cluster.name or cluster.cluster_id), style="bold")
    line.append("  " + literal(cluster_look.status_words(cluster)), style="dim")
    if watched:
        line.append("  (watched)", style="italic")
    return line


class DiscoverDialog(ModalScreen[Optional[list[str]]]):
    """Dismisses with the IDs of the ticked clusters, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="discover_cancel"),
        Binding("w", "watch", "Watch ticked", id="discover_watch"),
    ]

    def __init__(
        self, project_id: str, clusters: Sequence[ClusterRecord], watched: Collection[str]
    ) -> None:
        super().__init__()
        self.project_id, self.clusters, self.watched = project_id, clusters, watched

    def compose(self) -> ComposeResult:
        running = sum(c.phase is Phase.RUNNING for c in self.clusters)
        title = (
            f"Clusters of project {literal(self.project_id)}: {len(self.clusters)},"
            f" {running} with an operation running"
        )
        with Vertical(classes="dialog discover"):
            yield Static(title, classes="title", markup=False)
            if not self.clusters:
                yield Static("This project has no clusters in this region.", markup=False)
            yield TickList(*self._choices(), id="clusters", compact=True)
            hint = "space ticks, w watches the ticked ones, escape cancels"
            yield Static(hint, classes="hint", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Watch (w)", variant="primary", id="watch")
                yield Button("Cancel", id="cancel")

    def _choices(self) -> list[Selection[str]]:
        choices = []
        for cluster in self.clusters:
            watched = cluster.cluster_id in self.watched
            tick = cluster.phase is Phase.RUNNING and not watched
            line = cluster_line(cluster, watched)
            choices.append(Selection(line, cluster.cluster_id, tick, disabled=watched))
        return choices

    def on_mount(self) -> None:
        self.query_one("#clusters", TickList).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "watch":
            self.action_watch()
        else:
            self.action_cancel()

    def action_watch(self) -> None:
        ticked = self.query_one("#clusters", TickList).selected
        self.dismiss([str(value) for value in ticked])

    def action_cancel(self) -> None:
        self.dismiss(None)
