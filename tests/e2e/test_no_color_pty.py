"""`NO_COLOR=1 jobtui demo` in a real pseudo-terminal: no colour code in any byte sent.

Partial refreshes (a cursor move, the detail pane, polls coming in) go through jobtui's
own segment renderer (`ui/partial_update.py`), so the bytes are checked as sent, and
the screen as a VT emulator shows it: the cursor row in reverse video, the rest not.
"""

from __future__ import annotations

from tests.e2e.conftest import Launch
from tests.e2e.screens import shows_statuses
from tests.ui.painted import colour_params


def test_no_colour_code_reaches_the_terminal(launch: Launch, jobtui_demo: list[str]) -> None:
    term = launch(jobtui_demo, env={"NO_COLOR": "1"}, cols=80, rows=24)
    assert term.wait_for(shows_statuses, 30), term.text()
    term.send_keys("down", "down")
    assert term.wait_for(lambda _: _reversed_rows(term) == [3], 10), term.text()
    term.send_keys("enter")
    assert term.wait_for_text("Job ID", 10), term.text()
    assert term.quiet_for(0.3, 5)
    assert colour_params(bytes(term.head).decode("utf-8", "replace")) == []
    term.send_keys("q")
    assert term.wait_exit(5) == 0


def _reversed_rows(term: object) -> list[int]:
    """Screen rows (0-based) drawn mostly in reverse video, within the table's columns."""
    screen = term.screen  # type: ignore[attr-defined]
    rows = []
    for y in range(1, screen.lines - 2):  # not the status line or the footer
        cells = [screen.buffer[y][x] for x in range(40)]
        if sum(c.reverse for c in cells) > 30:
            rows.append(y)
    return rows
