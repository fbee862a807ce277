"""What `jobtui doctor` found, one check at a time, and how it is printed.

Each check is one entry: a verdict (`ok`, `warn`, `FAIL`), a short name and a
sentence (for a failure, what to do). An entry longer than the terminal wraps under
its sentence, so the verdicts stay in one column at 80 columns. Server text in a
sentence is shown escaped (`output.clean`), never acted on by the terminal.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

from jobtui.commands.output import clean

OK, WARN, FAIL = "ok", "warn", "FAIL"
SKIPPED = "-"  # not run: an earlier check failed, and that one says what to do
# When printing into a pipe: wrap as an 80-column terminal would show it.
DEFAULT_WIDTH = 80
_VERDICT, _NAME = 5, 12


@dataclass(frozen=True)
class Check:
    verdict: str
    name: str
    text: str


def ok(name: str, text: str) -> Check:
    return Check(OK, name, text)


def warn(name: str, text: str) -> Check:
    return Check(WARN, name, text)


def fail(name: str, text: str) -> Check:
    return Check(FAIL, name, text)


def skip(name: str, text: str) -> Check:
    return Check(SKIPPED, name, text)


def render(check: Check, width: Optional[int]) -> str:
    """`ok   config      ~/.config/jobtui/config.toml`, wrapped under its sentence."""
    head = f"{check.verdict:<{_VERDICT}} {check.name:<{_NAME}} "
    room = max((width or DEFAULT_WIDTH) - len(head), 20)
    lines = textwrap.wrap(
        clean(check.text), room, break_on_hyphens=False, break_long_words=True
    ) or [""]
    indent = " " * len(head)
    return "\n".join([head + lines[0], *(indent + line for line in lines[1:])]).rstrip()


def summary(checks: Sequence[Check]) -> str:
    failed = sum(c.verdict == FAIL for c in checks)
    warned = sum(c.verdict == WARN for c in checks)
    if failed:
        also = f", {_count(warned, 'warning')}" if warned else ""
        return f"{_count(failed, 'problem')} to fix{also}."
    if warned:
        return f"No problem found; {_count(warned, 'warning')}."
    return "No problem found."


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")
