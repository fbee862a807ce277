"""The discover key: ask the session for a project's clusters, offer to watch them.

One request for the whole project, made by the session off the key handler; the
answer opens the discover dialog, and the ticked clusters are added like any entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Optional

from textual.screen import Screen

from jobtui.domain.cluster import ClusterRecord
from jobtui.domain.state import CLUSTER, WatchEntry
from jobtui.domain.watch_key import is_cluster, item_id
from jobtui.domain.words import NOW_WATCHING, jobs_phrase
from jobtui.ui.render import literal
from jobtui.ui.screens.main_view import MainView
from jobtui.ui.screens.session_calls import SessionCalls


class DiscoverKey:
    """`f`: the selected row's project and region."""

    def __init__(self, screen: Screen[None], view: MainView, calls: SessionCalls) -> None:
        self.screen, self.view, self.calls = screen, view, calls

    def discover(self) -> None:
        job = self.view.selected_job()
        if job is None:
            words = "Select a job or cluster of the project first (or run `jobtui discover`)."
            self.screen.app.notify(words, markup=False, timeout=5)
            return
        project, region = job.entry.project_id, job.entry.region
        words = f"Asking for the clusters of project {literal(project)}…"
        self.screen.app.notify(words, markup=False, timeout=3)
        self.calls.fetch(
            lambda s: s.discover(project, region),
            lambda found: self._found(project, region, found),
        )

    def _found(self, project: str, region: Optional[str], found: object) -> None:
        clusters: Sequence[ClusterRecord] = found  # type: ignore[assignment]
        watched = {item_id(k) for k in self.view.jobs if is_cluster(k) and k[0] == project}
        from jobtui.ui.screens.discover_dialog import DiscoverDialog  # on first use

        def chosen(ids: Optional[list[str]]) -> None:
            if ids:
                self._watch(project, region, ids)

        self.screen.app.push_screen(DiscoverDialog(project, clusters, watched), chosen)

    def _watch(self, project: str, region: Optional[str], ids: list[str]) -> None:
        now = datetime.now(timezone.utc)
        entries = [WatchEntry(project, i, now, region=region, kind=CLUSTER) for i in ids]
        said = f"{NOW_WATCHING.capitalize()} {jobs_phrase(ids, 'cluster')}."
        self.calls.run(lambda s: s.add(entries), done=said)
