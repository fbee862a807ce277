"""The UI shell's pure parts: paste parsing, prefs, sparkline, codes, notifications."""

from __future__ import annotations

from datetime import timedelta

from rich.console import Console

from jobtui.domain import events
from jobtui.domain.state import JobState, WatchedJob
from jobtui.session.status_line import StatusFacts
from jobtui.ui.failure_codes import explain
from jobtui.ui.notify import desktop_sequence, finished_message
from jobtui.ui.remembered import UiPrefs
from jobtui.ui.screens.add_paste import parse_paste
from jobtui.ui.screens.inbox import Inbox
from jobtui.ui.widgets.detail_text import detail_text
from jobtui.ui.widgets.hanging import hang
from jobtui.ui.widgets.sparkline import sparkline
from jobtui.ui.widgets.status_bar import count_words, ordered_counts, status_text
from tests.ui.fakes import T0, auth_error, demo_jobs


def test_paste_forms() -> None:
    assert parse_paste("proj/job1") == [("proj", "job1")]
    assert parse_paste("job1") == [(None, "job1")]
    assert parse_paste("a/j1\n\n b j2 \na/j1\n") == [("a", "j1"), ("b", "j2")]
    assert parse_paste('[{"job_id": "j1"}, {"job_id": "../x"}]') == [(None, "j1")]
    assert parse_paste("GET https://dws.example/v1.0/p1/job/j9?x=1") == [("p1", "j9")]
    assert parse_paste("not an id!") == []


def test_prefs_round_trip_and_keep_unknown_keys() -> None:
    prefs = UiPrefs(sort_column="status", sort_reverse=True, filter="x", detail_layout="bottom")
    data = prefs.merged_into({"future": 1})
    assert data["future"] == 1 and UiPrefs.from_dict(data) == prefs
    assert UiPrefs.from_dict({"sort": "junk", "detail_layout": "left"}) == UiPrefs()


def test_sparkline_scales_and_keeps_the_last_values() -> None:
    assert sparkline([0, 50, 100]) == "▁▅█"
    assert sparkline(list(range(100)), width=3) == "███"
    assert sparkline([]) == ""


def test_well_known_codes_are_explained_and_others_are_not_guessed() -> None:
    assert "ELB private IP" in (explain("DWS.0114") or "")
    assert "clock" in (explain("apig.0303") or "")
    # Public endpoints say APIGW, dedicated gateways APIG: the number decides.
    for number in ("0101", "0201", "0301", "0302", "0303", "0307", "0308"):
        assert explain(f"APIGW.{number}") == explain(f"APIG.{number}") is not None
    assert "endpoint or region" in (explain("APIGW.0101") or "")
    assert "NTP" in (explain("APIGW.0301") or "")
    assert explain("DWS.9999") is None and explain("APIGW.9999") is None


def test_status_line_counts_attention_first_and_uses_absolute_times() -> None:
    counts = ordered_counts({"SUCCESS": 3, "FAIL": 1, "WEIRD": 2})  # words as the table shows them
    assert counts == (("FAIL", 1), ("SUCCESS", 3), ("WEIRD", 2))
    facts = StatusFacts("dws", T0, T0 + timedelta(seconds=10), True, 2, 6, counts)
    line = status_text(facts).plain
    assert "PAUSED" in line and "2 of 6 shown" in line and "next" not in line


def test_finish_message_and_desktop_sequence_are_safe() -> None:
    failed = demo_jobs()[0].state
    assert finished_message(failed).endswith("finished: FAIL at 9%")
    sequence = desktop_sequence("a;b\x07")
    assert sequence.startswith("\x1b]9;a,b^G\x07") and sequence.count("\x07") == 2
    wrapped = desktop_sequence("x", tmux=True)
    assert wrapped.startswith("\x1bPtmux;\x1b\x1b]9;x") and wrapped.endswith("\x1b\\")


def test_a_burst_drains_in_order_less_the_events_newer_ones_supersede() -> None:
    wakes: list[int] = []
    inbox = Inbox(lambda: wakes.append(1))
    job, other = JobState(("p", "j")), JobState(("p", "other"))
    burst = [
        events.JobUpdated(job.key, job, False),  # skipped: a newer answer for the job follows
        events.JobUpdated(job.key, job, True),  # kept: a changed answer must be painted
        events.JobUpdated(job.key, job, False),
        events.JobUpdated(other.key, other, False),  # kept: the next is another job's
        events.StatusChanged(job.key, job, "RUNNING", "FAIL", True),  # each may toast
        events.StatusChanged(job.key, job, "RUNNING", "FAIL", True),
        events.FetchFailed(other.key, other, auth_error(), None),  # skipped: a newer failure
        events.FetchFailed(other.key, other, auth_error(), T0),
        events.CycleFinished(T0, 1, None),  # skipped: the next cycle's end says more
        events.CycleFinished(T0, 2, None),
        events.WatchlistChanged(),  # one reload for the session's event and the screen's
        events.WatchlistChanged(),
    ]
    for event in burst:
        inbox.put(event)
    assert wakes == [1]  # one message drains the whole burst
    kept = [1, 2, 3, 4, 5, 7, 9, 11]
    assert list(inbox.drain()) == [burst[i] for i in kept]
    inbox.put(events.Warned("x"))
    assert wakes == [1, 1] and list(inbox.drain()) == [events.Warned("x")]


def test_a_job_never_read_shows_error_in_detail_and_counts() -> None:
    failed = demo_jobs()[0]
    unread = WatchedJob(failed.entry, JobState(failed.entry.key).with_error(auth_error(), T0))
    assert detail_text(unread, T0).plain.startswith("! ERROR")
    assert ordered_counts(count_words([unread, failed])) == (("FAIL", 1), ("ERROR", 1))


def test_a_narrow_status_line_keeps_when_it_last_refreshed() -> None:
    counts = ordered_counts({"FAIL": 1, "STOPPED": 1, "RUNNING": 6, "DELAYED": 1, "SUCCESS": 3})
    facts = StatusFacts("demo simulator", T0, None, False, 12, 12, counts, interval=10)
    assert "every 10s" in status_text(facts, width=120).plain
    narrow = status_text(facts, width=78).plain
    assert narrow.startswith("refreshed ") and "SUCCESS 3" in narrow and "every" not in narrow


def test_long_detail_rows_continue_under_their_value_not_the_label() -> None:
    lines = hang(detail_text(demo_jobs()[0], T0), 40, Console()).plain.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Meaning"))
    assert lines[at + 1].startswith(" " * 13) and lines[at + 1].strip()
    assert all(len(line.rstrip()) <= 40 for line in lines[at : at + 3])
