"""The job table in a running app: cursor, sort, filter, literal text, width."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from rich.cells import cell_len
from textual.geometry import Offset

from jobtui.commands import output
from jobtui.domain.state import JobState, WatchedJob
from jobtui.ui.table.job_table import JobTable
from jobtui.ui.widgets.detail_text import detail_text
from tests.ui.table.job_rows import NOW, PROJECT, TableHost, make_job


def _jobs(count: int = 5) -> list:
    return [make_job(n, progress=f"{(n * 37) % 100}%") for n in range(count)]


async def test_sorting_keeps_the_cursor_on_the_same_job() -> None:
    app = TableHost(_jobs())
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.press("j", "j")
        chosen = app.table.selected_key
        assert chosen == _jobs()[2].entry.key
        app.table.sort_by("progress")
        await pilot.pause()
        assert app.table.selected_key == chosen
        row = app.table._rows.index(chosen)
        assert "job-2 " in app.line(row + 1)
        assert isinstance(app.posted[-1], JobTable.SortChanged)


async def test_keys_move_the_cursor_and_enter_activates() -> None:
    app = TableHost(_jobs())
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.press("G")
        assert app.table.selected_key == _jobs()[4].entry.key
        await pilot.press("g", "down", "up", "k", "enter")
        await pilot.pause()
        assert app.table.selected_key == _jobs()[0].entry.key
        assert isinstance(app.posted[-1], JobTable.Activated)


async def test_header_click_sorts_and_second_click_reverses() -> None:
    app = TableHost(_jobs())
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.click(JobTable, offset=Offset(12, 0))
        assert (app.table.sort_column, app.table.sort_reverse) == ("progress", False)
        await pilot.click(JobTable, offset=Offset(12, 0))
        assert app.table.sort_reverse is True
        assert "progress v" in app.line(0)


async def test_clicking_a_row_selects_and_opens_it() -> None:
    app = TableHost(_jobs())
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.click(JobTable, offset=Offset(30, 3))
        await pilot.pause()
        assert app.table.selected_key == _jobs()[2].entry.key
        assert isinstance(app.posted[-1], JobTable.Activated)


async def test_filter_and_active_only_hide_rows_and_count_them() -> None:
    jobs = [*_jobs(3), make_job(9, "SUCCESS", "100%", name="finished-load")]
    app = TableHost(jobs)
    async with app.run_test(size=(120, 20)) as pilot:
        app.table.set_filter("finished")
        await pilot.pause()
        assert (app.table.shown_count, app.table.total_count) == (1, 4)
        assert "finished-load" in app.line(1)
        app.table.set_filter("")
        app.table.set_active_only(True)
        await pilot.pause()
        assert app.table.shown_count == 3
        assert app.table.counts() == {"RUNNING": 3, "SUCCESS": 1}


async def test_server_text_is_shown_literally() -> None:
    nasty = make_job(1, "FAIL", "9%", name="[bold]x[/]\x1b[2J", failed="T-fail:[red]\x07")
    app = TableHost([nasty])
    async with app.run_test(size=(120, 10)) as pilot:
        await pilot.pause()
        line = app.line(1)
        assert "[bold]x[/]^[[2J" in line and "[red]^G" in line
        screen = app.export_screenshot()
        assert "[bold]x[/]" in screen and "\x1b[2J" not in screen


async def test_at_80_columns_the_essential_columns_remain() -> None:
    app = TableHost(_jobs())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = app.line(0)
        assert header.startswith("status") and "progress" in header and " name " in header
        assert "region" not in header
        assert len(app.line(1).rstrip()) <= 80


async def test_one_changed_row_of_50_repaints_one_line() -> None:
    jobs = _jobs(50)
    app = TableHost(jobs, animations=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        regions: list = []
        original = app.table.refresh
        app.table.refresh = lambda *r, **kw: (regions.extend(r), original(*r, **kw))[1]
        app.table.update_job(make_job(7, progress="99%"))
        await pilot.pause()
        assert [(r.y, r.height) for r in regions] == [(8, 1)]
        assert regions[0].right <= 30  # up to the progress cell, not the whole line
        assert " 99%" in app.line(8)


async def test_an_idle_table_runs_no_timer_and_a_same_minute_tick_repaints_nothing() -> None:
    app = TableHost(_jobs())
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.pause()
        assert not app.table._timers and not app.table.timer_running
        regions: list = []
        app.table.refresh = lambda *r, **kw: regions.extend(r)  # type: ignore[assignment]
        app.table.tick(app.table.now)
        assert regions == []


async def test_a_minute_tick_repaints_only_lines_whose_text_changed() -> None:
    long_ago = NOW - timedelta(hours=2)
    jobs = [make_job(0), make_job(1, "SUCCESS", "100%", begin=long_ago, end=long_ago)]
    app = TableHost(jobs)
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.pause()
        regions: list = []
        original = app.table.refresh
        app.table.refresh = lambda *r, **kw: (regions.extend(r), original(*r, **kw))[1]
        app.table.tick(app.table.now + timedelta(minutes=1))
        await pilot.pause()
        assert [r.y for r in regions] == [1]
        assert "31m" in app.line(1)


async def test_an_update_that_moves_a_row_keeps_the_cursor_on_its_job() -> None:
    app = TableHost([make_job(n, progress=f"{n * 10}%") for n in range(5)], animations=False)
    async with app.run_test(size=(120, 20)) as pilot:
        app.table.sort_by("progress")
        await pilot.press("j")
        chosen = app.table.selected_key
        app.table.update_job(make_job(1, progress="95%"))
        await pilot.pause()
        assert app.table.selected_key == chosen
        assert "job-1 " in app.line(5) and app.table._rows.index(chosen) == 4


async def test_stale_rows_from_the_cache_still_show_a_duration_and_the_detail_their_age() -> None:
    job = make_job(1)
    stale = replace(job, state=replace(job.state, stale=True, fetched_at=NOW - timedelta(hours=3)))
    app = TableHost([stale])
    async with app.run_test(size=(120, 10)) as pilot:
        await pilot.pause()
        assert " 30m " in app.line(1) and "ago" not in app.line(1)
        assert "(cached 3h ago, waiting" in detail_text(stale, NOW).plain


async def test_wide_characters_keep_the_columns_aligned() -> None:
    wide = make_job(1, name="数据迁移任务" * 8, label="标签")
    app = TableHost([wide, make_job(2, label="etl")])
    async with app.run_test(size=(120, 10)) as pilot:
        await pilot.pause()
        first, second = app.line(1), app.line(2)
        assert cell_len(first) == cell_len(second) == 120
        assert cell_len(first[: first.index("标签")]) == second.index("etl")


async def test_hovering_repaints_nothing() -> None:
    app = TableHost(_jobs())
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.pause()
        regions: list = []
        app.table.refresh = lambda *r, **kw: regions.extend(r)  # type: ignore[assignment]
        for y in range(1, 6):
            await pilot.hover(JobTable, offset=Offset(20, y))
        assert regions == []


async def test_removing_the_selected_job_moves_the_cursor_to_its_neighbour() -> None:
    app = TableHost(_jobs(3))
    async with app.run_test(size=(120, 10)) as pilot:
        await pilot.press("j")
        app.table.remove_job(_jobs(3)[1].entry.key)
        await pilot.pause()
        assert app.table.selected_key == _jobs(3)[2].entry.key
        assert isinstance(app.posted[-1], JobTable.Selected)


async def test_the_cursor_line_stands_out() -> None:
    app = TableHost(_jobs(3))
    async with app.run_test(size=(120, 10)) as pilot:
        await pilot.pause()
        cursor_bg = {seg.style.bgcolor for seg in app.table.render_line(1) if seg.style}
        other_bg = {seg.style.bgcolor for seg in app.table.render_line(2) if seg.style}
        assert cursor_bg and cursor_bg.isdisjoint(other_bg)


async def test_seconds_clock_shows_seconds_and_project_labels_replace_ids() -> None:
    app = TableHost(_jobs(1), seconds_clock=True)
    async with app.run_test(size=(250, 10)) as pilot:
        await pilot.pause()
        assert "30m00s" in app.line(1) and PROJECT[:8] in app.line(1)
        app.table.set_project_labels({PROJECT: "warehouse"})
        await pilot.pause()
        assert "warehouse" in app.line(1) and PROJECT[:8] not in app.line(1)


async def test_a_progress_step_refreshes_the_bar_cell_and_the_digit_only() -> None:
    app = TableHost([make_job(n, progress="40%") for n in range(50)])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        regions: list = []
        original = app.table.refresh
        app.table.refresh = lambda *r, **kw: (regions.extend(r), original(*r, **kw))[1]
        app.table.update_job(make_job(7, progress="45%"))  # half a cell: jumps, no easing
        await pilot.pause()
        assert [(r.x, r.y, r.width) for r in regions] == [(16, 8, 1), (25, 8, 1)]
        assert app.line(8)[12:27] == "████▌░░░░░  45%" and not app.table.timer_running


async def test_a_job_without_an_answer_shows_its_id_tail_as_its_name() -> None:
    entry = make_job(3).entry
    app = TableHost([WatchedJob(entry, JobState(entry.key))])
    async with app.run_test(size=(120, 10)) as pilot:
        await pilot.pause()
        shown = app.line(1).split("…", 1)[1].split()[0]
        assert len(shown) >= 8 and entry.job_id.endswith(shown)


async def test_elapsed_reads_as_jobtui_status_and_the_detail_print_it() -> None:
    # One format in the table, the detail pane and the CLI: "30m" in all three.
    begin = NOW - timedelta(minutes=30, seconds=5)
    jobs = [make_job(0, begin=NOW - timedelta(hours=2, minutes=7)), make_job(1, begin=begin)]
    app = TableHost(jobs)
    async with app.run_test(size=(120, 10)) as pilot:
        await pilot.pause()
        assert " 2h07m " in app.line(1) and " 30m " in app.line(2)
    assert [output.row(job, NOW)[6] for job in jobs] == ["2h07m", "30m"]
    assert "Duration     30m\n" in detail_text(jobs[1], NOW).plain
    # With the seconds clock the table shows 30m05s: so does the detail pane.
    assert "Duration     30m05s\n" in detail_text(jobs[1], NOW, seconds=True).plain
