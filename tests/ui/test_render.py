"""How cells look: literal server text, bars, durations, status words."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from rich.text import Text

from jobtui.domain import timefmt
from jobtui.domain.model import Status
from jobtui.ui import render


def test_markup_is_shown_as_typed() -> None:
    assert render.literal("[bold]x[/]") == "[bold]x[/]"


def test_escape_sequences_become_visible_caret_notation() -> None:
    assert render.literal("a\x1b[2Jb\x07") == "a^[[2Jb^G"


def test_c1_controls_and_bidi_overrides_are_named_not_obeyed() -> None:
    shown = render.literal("x\x9b2J\u202eevil")
    assert "\x9b" not in shown and "\u202e" not in shown
    assert "<U+009B>" in shown and "<U+202E>" in shown


def test_cjk_job_names_pass_through() -> None:
    assert render.literal("数据迁移任务") == "数据迁移任务"


def test_every_status_has_an_ascii_icon_and_a_word() -> None:
    for status, look in render.STATUS_LOOKS.items():
        assert look.icon.isascii() and len(look.icon) == 1, status
        assert look.word.isascii() and look.word


def test_running_bar_uses_partial_blocks() -> None:
    bar = render.progress_bar(42.0, Status.RUNNING, 10, render.UNICODE).plain
    assert bar == "████▏░░░░░"


def test_low_bandwidth_bars_move_in_whole_cells_and_are_never_full_while_running() -> None:
    glyphs = render.glyphs_for({"LANG": "en_US.UTF-8"}, whole_cells=True)
    bars = {render.progress_bar(v, Status.RUNNING, 10, glyphs).plain for v in (10, 13, 15, 19)}
    assert bars == {"█░░░░░░░░░"}  # 10% to 19% look alike: nothing to send between polls
    assert render.progress_bar(99, Status.RUNNING, 10, glyphs).plain == "█" * 9 + "░"


def test_ascii_bar_has_only_ascii() -> None:
    bar = render.progress_bar(42.0, Status.RUNNING, 10, render.ASCII).plain
    assert bar == "####------"


def test_pending_jobs_show_a_static_dotted_bar_and_no_percentage() -> None:
    for status in (Status.INIT, Status.WAITING, Status.DELAY_SCHEDULED):
        assert render.progress_bar(None, status, 6, render.ASCII).plain == "......"
        assert render.percent(None, status) == "  --"


def test_success_is_a_full_bar_even_without_a_percentage() -> None:
    assert render.progress_bar(None, Status.SUCCESS, 4, render.UNICODE).plain == "████"
    assert render.percent(None, Status.SUCCESS) == "100%"


def test_failed_and_stopped_keep_their_percentage_in_their_own_glyph() -> None:
    failed = render.progress_bar(30.0, Status.FAIL, 10, render.UNICODE).plain
    stopped = render.progress_bar(30.0, Status.STOP, 10, render.UNICODE).plain
    running = render.progress_bar(30.0, Status.RUNNING, 10, render.UNICODE).plain
    assert failed == "xxx░░░░░░░" and stopped == "===░░░░░░░"
    assert len({failed, stopped, running}) == 3
    assert render.percent(9.0, Status.FAIL) == "  9%"


def test_durations_without_seconds_for_the_minute_tick() -> None:
    # The table's one source is the CLI's formatter; the tick only drops the seconds.
    assert timefmt.duration(timedelta(seconds=192)) == "3m"
    assert timefmt.duration(timedelta(seconds=192), seconds=True) == "3m12s"
    assert timefmt.duration(timedelta(seconds=192), seconds=False) == "3m"
    assert timefmt.duration(timedelta(seconds=20), seconds=False) == "<1m"
    assert timefmt.duration(timedelta(hours=2, minutes=5), seconds=False) == "2h05m"
    assert timefmt.duration(timedelta(days=3, hours=4), seconds=False) == "3d04h"


def test_ago_labels_are_coarse() -> None:
    assert render.ago(timedelta(seconds=59)) == "<1m ago"
    assert render.ago(timedelta(minutes=5, seconds=59)) == "5m ago"
    assert render.ago(timedelta(minutes=34)) == "30m ago"
    assert render.ago(timedelta(hours=2, minutes=59)) == "2h ago"
    assert render.ago(timedelta(days=3)) == "3d ago"


def test_clock_time_shows_the_date_only_when_not_today() -> None:
    now = datetime(2026, 11, 29, 12, 0, tzinfo=timezone.utc)
    assert render.clock_time(now.replace(hour=9, minute=5), now, timezone.utc) == "09:05"
    assert render.clock_time(now - timedelta(days=1), now, timezone.utc) == "Nov 28 12:00"


def test_fit_cuts_with_an_ellipsis_and_pads_to_width() -> None:
    assert render.fit(Text("abcdefgh"), 5, render.ASCII).plain == "abcd~"
    assert render.fit(Text("ab"), 4, render.ASCII, "right").plain == "  ab"
    wide = render.fit(Text("数据迁移任务"), 5, render.UNICODE)
    assert wide.cell_len == 5


def test_glyphs_follow_the_locale() -> None:
    assert render.glyphs_for({"LANG": "en_US.UTF-8"}) is render.UNICODE
    assert render.glyphs_for({"LANG": "C"}) is render.ASCII
    assert render.glyphs_for({"LANG": "en_US.UTF-8", "JOBTUI_ASCII": "1"}) is render.ASCII
    # CJK terminals may draw block glyphs two cells wide.
    assert render.glyphs_for({"LANG": "zh_CN.UTF-8"}) is render.ASCII


def test_job_ids_are_shortened_to_their_distinct_tail() -> None:
    job_id = "2c9080e8845b207101845b245e1e0001"
    assert render.short_id(job_id, 8, tail=True) == "5e1e0001"
    assert render.short_id("05f2cff45100d5112f4bc00b794ea08e", 8) == "05f2cff4"
