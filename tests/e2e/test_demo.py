"""`jobtui demo` as a new user meets it: a table, a failed job's details, a clean exit."""

from __future__ import annotations

from tests.e2e.conftest import Launch
from tests.e2e.screens import FAILURE_TEXTS, shows_statuses


def _shows_failure(text: str) -> bool:
    return any(failure in text for failure in FAILURE_TEXTS)


def test_demo_opens_a_failed_jobs_detail_and_quits_cleanly(
    launch: Launch, jobtui_demo: list[str]
) -> None:
    term = launch(jobtui_demo, cols=120, rows=40)
    assert term.wait_for(shows_statuses, 30), term.text()
    # The ELB job fails 5 s in; the schedule would next ask it ~21 s after its first
    # look, so R (refresh all) asks now, as a user who cannot wait would.
    for _ in range(15):
        if term.wait_for_text("FAIL", 2.0):
            break
        term.send_keys("R")
    assert "FAIL" in term.text(), "the demo should show a failed job early on"
    for _row in range(20):
        term.send_keys("enter")
        if term.wait_for(_shows_failure, 1.0):
            break
        # a pause after Escape, or the next key reads as Alt+key
        term.send_keys("escape", "down", gap=0.15)
    assert _shows_failure(term.text()), term.text()
    term.send_keys("escape", "q", gap=0.15)
    assert term.wait_exit(5.0) == 0
    assert term.terminal_left_dirty() == []
