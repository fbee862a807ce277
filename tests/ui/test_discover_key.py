"""`f` finds the clusters of the selected row's project and offers to watch them."""

from __future__ import annotations

from textual.widgets import SelectionList

from jobtui.domain.cluster import ClusterRecord
from jobtui.domain.errors import ApiError, ErrorInfo
from tests.ui.conftest import running
from tests.ui.fakes import PROJECT, RESIZING, FakeSession, demo_clusters, demo_jobs

IDLE = "11111111-0000-4000-8000-000000000001"
CREATING = "22222222-0000-4000-8000-000000000002"


def _found() -> list[ClusterRecord]:
    def record(cluster_id: str, **body: object) -> ClusterRecord:
        return ClusterRecord.from_api(PROJECT, cluster_id, {"status": "AVAILABLE", **body})

    return [
        record(IDLE, name="dw-idle"),
        record(CREATING, name="dw-[new]\x1b[2J", status="CREATING"),
        record(RESIZING, name="dw-sales", task_status="GROWING",
               action_progress={"GROWING": "30%"}),
    ]  # fmt: skip


async def test_f_lists_the_projects_clusters_and_watches_the_running_ones() -> None:
    session = FakeSession(demo_jobs() + demo_clusters())
    session.discoverable = _found()
    async with running(session, size=(120, 30)) as ui:
        await ui.press("f")
        await ui.pilot.pause()
        assert ("discover", (PROJECT, "cn-north-4")) in session.calls
        assert f"Asking for the clusters of project {PROJECT}…" in ui.toasts
        choices = ui.app.screen.query_one("#clusters", SelectionList)
        lines = [choices.get_option_at_index(i).prompt.plain for i in range(3)]
        assert lines[0].startswith("+ DONE  dw-idle  AVAILABLE")
        assert lines[1].startswith("> CREATING  dw-[new]^[[2J  CREATING")  # literal
        assert lines[2] == "> GROWING 30%  dw-sales  AVAILABLE  (watched)"
        # Running and not yet watched: ticked. Already watched: cannot be ticked.
        assert choices.selected == [CREATING]
        assert choices.get_option_at_index(2).disabled
        await ui.press("w")
        (name, (entries,)) = session.calls[-1]
        assert name == "add" and [(e.job_id, e.kind) for e in entries] == [(CREATING, "cluster")]
        assert f"Now watching cluster {CREATING}." in ui.toasts
        assert ui.main.table.total_count == 7


async def test_a_refused_listing_says_why_and_opens_nothing() -> None:
    session = FakeSession(demo_jobs())
    refused = ErrorInfo(kind="forbidden", message="The credential may not list clusters (403).")
    session.discoverable = ApiError(refused)
    async with running(session) as ui:
        await ui.press("f")
        await ui.pilot.pause()
        assert "The credential may not list clusters (403)." in ui.toasts
        assert ui.app.screen is ui.main and not any(c[0] == "add" for c in session.calls)


async def test_f_with_nothing_selected_says_what_to_do() -> None:
    session = FakeSession([])
    async with running(session) as ui:
        await ui.press("f")
        assert ui.toasts == [
            "Select a job or cluster of the project first (or run `jobtui discover`)."
        ]
        assert session.calls == []


async def test_what_is_ticked_shows_in_the_box_not_only_its_colour() -> None:
    # The default theme draws in the terminal's 16 colours: a coloured X alone would
    # look the same ticked or not.
    session = FakeSession(demo_jobs() + demo_clusters())
    session.discoverable = _found()
    async with running(session, size=(120, 30)) as ui:
        await ui.press("f")
        await ui.pilot.pause()
        choices = ui.app.screen.query_one("#clusters", SelectionList)

        def boxes() -> list[str]:
            return [choices.render_line(y).text[:3] for y in range(3)]

        assert boxes() == ["▐ ▌", "▐X▌", "▐ ▌"]  # idle, creating (ticked), watched already
        await ui.press("space")  # the cursor starts on the first: tick the idle one
        assert boxes()[0] == "▐X▌"
        await ui.press("space")
        assert boxes()[0] == "▐ ▌"
