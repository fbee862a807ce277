"""The terminal guard: a dropped SSH session or a stop signal ends the app, cleanly."""

from __future__ import annotations

import signal

from textual.app import App

from jobtui.ui.terminal_guard import install_terminal_guard
from tests.e2e.conftest import REFERENCE, Launch

GUARDED = [*REFERENCE, "--guard"]
READY = "bj00000"


def test_dropped_ssh_under_nohup_exits_within_two_seconds_without_spinning(
    launch: Launch,
) -> None:
    term = launch(GUARDED, ignore_sighup=True)
    assert term.wait_for_text(READY, 30)
    before = term.cpu_seconds()
    term.close_master()
    assert term.wait_exit(2.0) == 128 + signal.SIGHUP
    # unguarded, Textual's input thread burns a whole core here until killed
    assert term.cpu_seconds() - before < 0.5


def test_dropped_ssh_with_default_sighup_exits_cleanly(launch: Launch) -> None:
    term = launch(GUARDED)
    assert term.wait_for_text(READY, 30)
    term.close_master()
    assert term.wait_exit(2.0) == 128 + signal.SIGHUP


def test_sigterm_and_sighup_restore_a_live_terminal(launch: Launch) -> None:
    terms = {signum: launch(GUARDED) for signum in (signal.SIGTERM, signal.SIGHUP)}
    for signum, term in terms.items():
        assert term.wait_for_text(READY, 30)
        term.signal(signum)
    for signum, term in terms.items():
        assert term.wait_exit(5.0) == 128 + signum
        assert term.terminal_left_dirty() == []


async def test_headless_runs_are_left_alone() -> None:
    app: App[None] = App()
    async with app.run_test():
        assert install_terminal_guard(app) is None
