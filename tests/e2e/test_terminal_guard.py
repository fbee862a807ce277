"""The terminal guard: a dropped SSH session or a stop signal ends the app, cleanly."""

from __future__ import annotations

import signal

from textual.app import App

from jobtui.ui.terminal_guard import install_terminal_guard
from tests.e2e.conftest import REFERENCE, Launch
from tests.e2e.screens import shows_statuses

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


# Leave the alternate screen, show the cursor, stop mouse reporting.
RESTORE = (b"\x1b[?1049l", b"\x1b[?25h", b"\x1b[?1000l")
ENDING = ("SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM")


def test_every_signal_that_would_kill_the_app_restores_the_terminal(launch: Launch) -> None:
    terms = {getattr(signal, name): launch(GUARDED) for name in ENDING}
    sent = {}
    for signum, term in terms.items():
        assert term.wait_for_text(READY, 30)
        sent[signum] = len(term.head)
        term.signal(signum)
    for signum, term in terms.items():
        assert term.wait_exit(5.0) == 128 + signum, signal.Signals(signum).name
        after = bytes(term.head[sent[signum] :])
        assert [seq for seq in RESTORE if seq not in after] == []
        assert term.terminal_left_dirty() == []


def test_a_shutdown_that_wedges_still_ends_and_restores_the_terminal(launch: Launch) -> None:
    term = launch([*GUARDED, "--wedge-exit"])
    assert term.wait_for_text(READY, 30)
    sent = len(term.head)
    term.signal(signal.SIGTERM)
    # grace 0.25 s on a live terminal is 1 s before the last resort
    assert term.wait_exit(5.0) == 128 + signal.SIGTERM
    assert [seq for seq in RESTORE if seq not in bytes(term.head[sent:])] == []
    assert term.terminal_left_dirty() == []


def test_jobtui_restores_the_terminal_on_sigquit(launch: Launch, jobtui_demo: list[str]) -> None:
    term = launch(jobtui_demo, cols=120, rows=40)
    assert term.wait_for(shows_statuses, 30), term.text()
    sent = len(term.head)
    term.signal(signal.SIGQUIT)
    assert term.wait_exit(5.0) == 128 + signal.SIGQUIT
    assert [seq for seq in RESTORE if seq not in bytes(term.head[sent:])] == []
    assert term.terminal_left_dirty() == []


async def test_headless_runs_are_left_alone() -> None:
    app: App[None] = App()
    async with app.run_test():
        assert install_terminal_guard(app) is None
