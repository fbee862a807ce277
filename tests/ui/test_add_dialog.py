"""The add dialog: validation as you type, smart paste, and what reaches the session."""

from __future__ import annotations

from textual import events

from tests.ui.conftest import running
from tests.ui.fakes import PROJECT

JOB = "2c9080e8845b207101845b245e1e00aa"


def _error(ui, name: str) -> str:  # type: ignore[no-untyped-def]
    return str(ui.app.screen.query_one(f"#{name}-error").render())


async def _paste(ui, text: str) -> None:  # type: ignore[no-untyped-def]
    ui.app.focused.post_message(events.Paste(text))
    await ui.pilot.pause()


async def test_typing_validates_and_add_watches_the_job() -> None:
    async with running() as ui:
        await ui.press("a")
        dialog = ui.app.screen
        assert dialog.query_one("#project").value == PROJECT  # from the selected job
        add = dialog.query_one("#add")
        assert add.disabled and "Job ID is empty" in _error(ui, "job")
        await ui.press(*"bad id")
        assert "characters outside letters" in _error(ui, "job") and add.disabled
        dialog.query_one("#job").value = JOB  # as typed, without 32 key presses
        await ui.pilot.pause()
        assert _error(ui, "job") == "" and not add.disabled
        await ui.press("tab", *"nightly", "enter")
        await ui.pilot.pause()
        assert ui.app.screen is ui.main
        (name, (entries,)) = ui.session.calls[0]
        assert name == "add" and entries[0].key == (PROJECT, JOB)
        assert entries[0].label == "nightly"
        assert ui.main.table.total_count == 5
        assert f"Now watching job {JOB}." in ui.toasts


async def test_pasting_project_slash_job_fills_both_fields() -> None:
    async with running() as ui:
        await ui.press("a")
        await _paste(ui, f"/v1.0/aaaabbbb/job/{JOB}\n")
        assert ui.app.screen.query_one("#project").value == "aaaabbbb"
        assert ui.app.screen.query_one("#job").value == JOB


async def test_pasting_several_lines_adds_them_all() -> None:
    async with running() as ui:
        await ui.press("a")
        await _paste(ui, f"p1/{JOB}\np2/j2\n\n")
        assert "2 jobs from the paste" in str(ui.app.screen.query_one("#pasted").render())
        await ui.press("enter")
        await ui.pilot.pause()
        (_, (entries,)) = ui.session.calls[0]
        assert [e.key for e in entries] == [("p1", JOB), ("p2", "j2")]


async def test_pasting_a_dws_answer_takes_its_job_id() -> None:
    async with running() as ui:
        await ui.press("a")
        await _paste(ui, '{"job_id": "' + JOB + '", "status": "RUNNING"}')
        assert ui.app.screen.query_one("#job").value == JOB


async def test_escape_cancels_without_adding() -> None:
    async with running() as ui:
        await ui.press("a", "escape")
        assert ui.app.screen is ui.main and ui.session.calls == []


async def test_a_paste_for_another_project_drops_the_selected_jobs_region() -> None:
    async with running() as ui:
        await ui.press("a")
        dialog = ui.app.screen
        assert dialog.query_one("#region").value == "cn-north-4"  # the selected job's
        await _paste(ui, f"otherproject/{JOB}")
        assert dialog.query_one("#region").value == ""  # the other project's own, then
        assert "optional" in str(dialog.query_one("#label").placeholder)


async def test_the_add_button_is_on_screen_at_80x24() -> None:
    async with running(size=(80, 24)) as ui:
        await ui.press("a")
        dialog = ui.app.screen.query_one(".dialog")
        assert dialog.max_scroll_y == 0  # Add and Cancel show without scrolling


async def test_pasting_a_cluster_line_ticks_the_cluster_box() -> None:
    cluster_id = "6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a01"
    async with running() as ui:
        await ui.press("a")
        await _paste(ui, f"cluster aaaabbbb {cluster_id}\n")
        dialog = ui.app.screen
        assert dialog.query_one("#cluster").value and dialog.query_one("#job").value == cluster_id
        await ui.press("enter")
        (_, (entries,)) = ui.session.calls[0]
        assert [(e.key, e.kind) for e in entries] == [
            (("aaaabbbb", "cluster:" + cluster_id), "cluster")
        ]


async def test_pasting_jobs_and_clusters_adds_each_as_what_it_is() -> None:
    async with running() as ui:
        await ui.press("a")
        await _paste(ui, f"p1/{JOB}\ncluster p2 c-9\n")
        assert str(ui.app.screen.query_one("#pasted").render()) == (
            f"2 jobs and clusters from the paste: p1/{JOB}, cluster p2/c-9"
        )
        await ui.press("enter")
        (_, (entries,)) = ui.session.calls[0]
        assert [(e.project_id, e.job_id, e.kind) for e in entries] == [
            ("p1", JOB, "job"), ("p2", "c-9", "cluster"),
        ]  # fmt: skip


async def test_an_id_not_shaped_like_a_dws_id_is_warned_about_and_still_added() -> None:
    async with running(size=(80, 24)) as ui:
        await ui.press("a")
        add = ui.app.screen.query_one("#add")
        await ui.press(*"job-7")
        warning = _error(ui, "job")
        assert warning.startswith("Warning: job ID job-7 does not look like a DWS job ID")
        assert "32 hex characters" in warning and not add.disabled
        await ui.press("enter")
        await ui.pilot.pause()
        (name, (entries,)) = ui.session.calls[0]
        assert name == "add" and entries[0].job_id == "job-7"
