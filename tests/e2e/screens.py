"""What the e2e tests look for on jobtui's screen."""

from __future__ import annotations

import re

from tests.ptyterm import PtyTerm

STATUS_WORDS = ("RUNNING", "SUCCESS", "FAIL", "WAITING", "INIT", "STOPPED", "DELAYED")
# Colour beyond the 16 basic ones: 256-colour or truecolor SGR parameters.
RICH_COLOUR = re.compile(rb"\x1b\[[\d;]*[34]8;[25];")
FAILURE_TEXTS = ("ELB private IP is not configured", "not in the Available state")


def shows_statuses(text: str) -> bool:
    """The table is up and its statuses read as words, not only as colours."""
    return any(word in text for word in STATUS_WORDS)


def widest_line(term: PtyTerm) -> int:
    return max((len(line) for line in term.text().splitlines()), default=0)


def uses_rich_colour(term: PtyTerm) -> bool:
    return RICH_COLOUR.search(bytes(term.head)) is not None
