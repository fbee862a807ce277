"""One word per status and one duration in the table, the detail, a toast and `status`."""

from __future__ import annotations

from datetime import timedelta

import pytest

from jobtui.commands import output
from jobtui.commands.job_table import table_lines
from jobtui.domain.errors import ErrorInfo
from jobtui.domain.state import JobState, WatchedJob
from jobtui.domain.words import status_word
from jobtui.ui.notify import finished_message
from jobtui.ui.widgets.detail_text import detail_text
from jobtui.ui.widgets.status_bar import count_words, ordered_counts
from tests.ui.table.job_rows import NOW, TableHost, make_job

BEGIN = NOW - timedelta(minutes=3, seconds=5)
END = NOW - timedelta(seconds=1)


@pytest.mark.parametrize(
    ("api", "word"),
    [("DELAY_SCHEDULED", "DELAYED"), ("STOP", "STOPPED"), ("FAIL", "FAIL"), ("NEW_ONE", "NEW_ONE")],
)
async def test_a_status_reads_the_same_everywhere(api: str, word: str) -> None:
    end = END if api in ("STOP", "FAIL") else None
    job = make_job(1, api, "40%", begin=BEGIN, end=end)
    app = TableHost([job])
    async with app.run_test(size=(80, 4)) as pilot:
        await pilot.pause()
        table_line = app.line(1)
    detail = detail_text(job, NOW).plain
    cli = "\n".join(table_lines([job], NOW, 80))
    assert status_word(api) == word
    for shown in (table_line, detail.splitlines()[0], cli.splitlines()[1]):
        assert f" {word} " in f" {shown} "
    assert f"  {word}\n" in detail  # the status history, too
    if end is not None:
        assert finished_message(job.state).endswith(f"finished: {word} at 40%")
    # One duration: the table, the detail pane and the CLI all say 3m.
    assert " 3m " in table_line and "Duration     3m\n" in detail
    assert output.row(job, NOW)[6] == "3m"  # (the columns `status` fits at 80 are its own)
    if api != word and api != "NEW_ONE":
        assert f"{api} " not in (table_line + detail + cli).replace(word, "")


async def test_a_job_the_service_does_not_know_reads_not_found_everywhere() -> None:
    entry = make_job(7).entry
    said = "The job does not exist or does not belong to this project. (DWS.0015)"
    state = JobState(entry.key).with_error(ErrorInfo("not_found", said, http_status=404), NOW)
    job = WatchedJob(entry, state)
    app = TableHost([job, make_job(1)])
    async with app.run_test(size=(80, 4)) as pilot:
        await pilot.pause()
        assert app.line(1).startswith("? NOT FOUND ")
    assert detail_text(job, NOW).plain.startswith("? NOT FOUND  ")
    assert output.row(job, NOW)[0] == "NOT FOUND"
    assert ordered_counts(count_words([job, make_job(1)])) == (("NOT FOUND", 1), ("RUNNING", 1))
