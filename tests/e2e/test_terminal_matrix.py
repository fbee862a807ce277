"""`jobtui demo` across the terminals DBAs reach a bastion host with; every way out is clean."""

from __future__ import annotations

import signal
from typing import Union

import pytest

from tests.e2e.conftest import Launch
from tests.e2e.screens import shows_statuses, uses_rich_colour, widest_line

Exit = Union[str, int]  # a key to type, or a signal to send

MATRIX = [
    # (TERM, extra env, size, how to quit)
    ("xterm-256color", {}, (80, 24), "q"),
    ("screen-256color", {}, (250, 70), "ctrl+c"),
    ("tmux-256color", {}, (80, 24), "ctrl+q"),
    ("linux", {}, (250, 70), signal.SIGTERM),
    ("xterm", {}, (80, 24), signal.SIGHUP),
    ("xterm-256color", {"NO_COLOR": "1"}, (250, 70), "q"),
]


def _quit(term: object, how: Exit) -> int | None:
    if isinstance(how, str):
        term.send_keys(how)  # type: ignore[attr-defined]
    else:
        term.signal(how)  # type: ignore[attr-defined]
    return term.wait_exit(5.0)  # type: ignore[attr-defined,no-any-return]


IDS = [f"{m[0]}{'-NO_COLOR' if m[1] else ''}-{getattr(m[3], 'name', m[3])}" for m in MATRIX]


@pytest.mark.parametrize(("term_name", "env", "size", "how"), MATRIX, ids=IDS)
def test_readable_everywhere_and_left_clean(
    launch: Launch, jobtui_demo: list[str], term_name: str, env: dict[str, str],
    size: tuple[int, int], how: Exit,
) -> None:  # fmt: skip
    cols, rows = size
    term = launch(jobtui_demo, term=term_name, env=env, cols=cols, rows=rows)
    assert term.wait_for(shows_statuses, 30), term.text()
    assert term.wide_glyphs() == set(), "emoji or wide glyphs break alignment on old terminals"
    if term_name == "linux":  # a 16-colour console; NO_COLOR is Textual's greyscale filter
        assert not uses_rich_colour(term), "256-colour/truecolor codes on a 16-colour console"
    code = _quit(term, how)
    expected = 0 if isinstance(how, str) else 128 + how
    assert code == expected, term.text()
    assert term.terminal_left_dirty() == []


def test_resize_while_running_reflows_the_table(launch: Launch, jobtui_demo: list[str]) -> None:
    term = launch(jobtui_demo, cols=80, rows=24)
    assert term.wait_for(shows_statuses, 30)
    term.resize(250, 70)
    assert term.wait_for(lambda _text: widest_line(term) > 200, 10), "did not use the new width"
    term.resize(80, 24)
    assert term.wait_for(shows_statuses, 10)
    assert _quit(term, "q") == 0
    assert term.terminal_left_dirty() == []
