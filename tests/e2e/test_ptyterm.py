"""The pty harness itself: if it misjudged a terminal, every e2e verdict would be wrong."""

from __future__ import annotations

import sys

from tests.e2e.conftest import Launch

ASK = r"""
import os, tty
tty.setraw(0)
os.write(1, b"\x1b[?2026$p\x1b[6n")
reply = b""
while not reply.endswith(b"R"):
    reply += os.read(0, 64)
os.write(1, b"got " + reply.replace(b"\x1b", b"ESC") + b"\r\n")
os.write(1, b"\x1b[?1049h\x1b[?1003h\x1b[?25l")
os.read(0, 1)
"""


def test_answers_queries_and_spots_a_terminal_left_dirty(launch: Launch) -> None:
    term = launch([sys.executable, "-c", ASK], cols=100, rows=30)
    assert term.wait_for_text("got ESC[?2026;0$yESC[1;1R", 10), term.text()
    term.send_keys("x")
    assert term.wait_exit(5) == 0
    assert term.terminal_left_dirty() == [
        "alternate screen (1049)",
        "mouse reporting (1003)",
        "cursor hidden",
    ]


def test_resize_reaches_the_child(launch: Launch) -> None:
    show = "import os, sys; sys.stdin.readline(); print(os.get_terminal_size())"
    term = launch([sys.executable, "-c", show], cols=80, rows=24)
    term.resize(132, 43)
    term.send_keys("enter")
    assert term.wait_for_text("columns=132, lines=43", 10), term.text()


def test_what_a_child_writes_last_is_read_by_the_time_it_is_reaped(launch: Launch) -> None:
    # A clean exit writes its restore sequences last; a check made as soon as the child
    # is reaped must see them (this raced the reader, and failed CI once).
    last_words = "import sys; sys.stdout.write('x' * 200000 + 'END'); sys.stdout.flush()"
    for _ in range(5):
        term = launch([sys.executable, "-c", last_words], cols=80, rows=24)
        assert term.wait_exit(10) == 0
        assert bytes(term.head).endswith(b"END")
