"""SVG snapshots of the main views at fixed sizes (pytest-textual-snapshot).

Update after an intended change with `pytest tests/ui/test_snapshots.py --snapshot-update`
and look at the diff report before committing.
"""

from __future__ import annotations

from datetime import timezone
from typing import Any

from textual.widgets import Input

from jobtui.store.config import DisplaySettings, Settings
from jobtui.ui.app import JobtuiApp, build_app
from tests.ui.fakes import PROJECT, RESIZING, T0, FakeSession, demo_clusters, demo_jobs


def demo_app() -> JobtuiApp:
    return build_app(FakeSession(demo_jobs()), clock=lambda: T0, zone=timezone.utc)


async def _no_blink(pilot: Any) -> None:
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


def test_main_table(snap_compare: Any) -> None:
    assert snap_compare(demo_app(), terminal_size=(120, 30))


def test_detail_of_a_failed_job(snap_compare: Any) -> None:
    assert snap_compare(demo_app(), press=["enter"], terminal_size=(120, 30))


def test_add_dialog(snap_compare: Any) -> None:
    async def open_dialog(pilot: Any) -> None:
        await pilot.press("a")
        await _no_blink(pilot)

    assert snap_compare(demo_app(), run_before=open_dialog, terminal_size=(120, 30))


def test_help(snap_compare: Any) -> None:
    assert snap_compare(demo_app(), press=["question_mark"], terminal_size=(120, 30))


def test_narrow_terminal_with_detail_below(snap_compare: Any) -> None:
    assert snap_compare(demo_app(), press=["enter", "v"], terminal_size=(80, 24))


def test_textuals_own_colours_and_smooth_bars(snap_compare: Any) -> None:
    settings = Settings(display=DisplaySettings(theme="textual-dark", smooth_bars=True))
    app = build_app(FakeSession(demo_jobs()), settings, clock=lambda: T0, zone=timezone.utc)
    assert snap_compare(app, terminal_size=(120, 30))


def cluster_app() -> JobtuiApp:
    session = FakeSession(demo_jobs() + demo_clusters())
    return build_app(session, clock=lambda: T0, zone=timezone.utc)


def test_clusters_beside_jobs(snap_compare: Any) -> None:
    assert snap_compare(cluster_app(), terminal_size=(120, 30))


def test_detail_of_a_cluster_resize(snap_compare: Any) -> None:
    async def open_resize(pilot: Any) -> None:
        pilot.app.main.table.select_key((PROJECT, "cluster:" + RESIZING))
        await pilot.press("enter")

    assert snap_compare(cluster_app(), run_before=open_resize, terminal_size=(120, 30))
