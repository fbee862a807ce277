"""Clusters in the running monitor: their rows beside jobs, the detail pane, the add dialog."""

from __future__ import annotations

from textual.widgets import Checkbox

from tests.ui.conftest import running
from tests.ui.fakes import PROJECT, REBOOTED, RESIZING, FakeSession, demo_clusters, demo_jobs


def _session() -> FakeSession:
    return FakeSession(demo_jobs() + demo_clusters())


def _screen_text(ui) -> str:  # type: ignore[no-untyped-def]
    table = ui.main.table
    return "\n".join(table.render_line(y).text for y in range(table.size.height))


async def test_cluster_rows_show_task_progress_and_failure_beside_jobs() -> None:
    async with running(_session(), size=(140, 30)) as ui:
        shown = _screen_text(ui)
        # Short of room, the name drops AVAILABLE (every healthy row says it) first.
        assert "> GROWING   ███░░░░░░░  30% 1m      ◆ dw-sales  NORMAL " in shown
        assert "x FAILED" + " " * 28 + "◆ dw-audit  REBOOT_FAIL" in shown
        assert shown.count("DWS.5011") == 1  # the failed reason's code, in the failure column
        assert "> RUNNING   ████░░░░░░  42%" in shown  # the jobs are still there


async def test_enter_on_a_cluster_opens_its_detail_and_c_copies_its_id() -> None:
    async with running(_session(), size=(140, 30)) as ui:
        ui.main.table.select_key((PROJECT, "cluster:" + RESIZING))
        await ui.press("enter")
        detail = ui.detail()
        assert detail.startswith("> GROWING  cluster dw-sales")
        assert "Resize nodes 3 -> 6" in detail and "Task history" in detail
        await ui.press("c")
        sent = "Sent the cluster ID (36 characters) to the clipboard via OSC 52"
        assert any(toast.startswith(sent) for toast in ui.toasts)


async def test_active_only_hides_settled_and_failed_clusters() -> None:
    async with running(_session(), size=(140, 30)) as ui:
        await ui.press("o")
        shown = _screen_text(ui)
        assert "dw-sales" in shown and "dw-audit" not in shown


async def test_the_add_dialog_watches_a_cluster_when_its_box_is_ticked() -> None:
    async with running() as ui:
        await ui.press("a")
        dialog = ui.app.screen
        box = dialog.query_one("#cluster", Checkbox)
        assert box.render_line(0).text.startswith("▐ ▌")  # empty, not a grey X
        box.value = True
        await ui.pilot.pause()
        assert box.render_line(0).text.startswith("▐X▌")
        assert str(dialog.query_one("#job-label").render()) == "Cluster ID"
        assert "Cluster ID is empty" in str(dialog.query_one("#job-error").render())
        dialog.query_one("#job").value = RESIZING
        await ui.pilot.pause()
        await ui.press("enter")
        (name, (entries,)) = ui.session.calls[0]
        assert name == "add" and entries[0].is_cluster and entries[0].job_id == RESIZING
        assert f"Now watching cluster {RESIZING}." in ui.toasts
        assert "◆ " in _screen_text(ui)


async def test_removing_a_cluster_says_the_cluster_is_not_touched() -> None:
    async with running(_session(), size=(140, 30)) as ui:
        ui.main.table.select_key((PROJECT, "cluster:" + RESIZING))
        await ui.press("d")
        question = str(ui.app.screen.query_one(".question").render())
        assert "cluster dw-sales" in question and "The cluster itself is not touched" in question


async def test_capital_c_copies_a_failed_clusters_reason_and_request_id() -> None:
    async with running(_session(), size=(140, 30)) as ui:
        copied: list[str] = []
        ui.app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        ui.main.table.select_key((PROJECT, "cluster:" + REBOOTED))
        await ui.press("C")
        assert copied == [
            f"cluster {REBOOTED}: REBOOT_FAILURE — DWS.5011: node 2 did not start in time\n"
            "X-Request-Id: req-c"
        ]
