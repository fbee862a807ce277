"""When the poller itself breaks: the fault is logged, said once, and polling goes on.

A failed request is an ApiError and belongs to its job; this is for everything else
(a bug, an unexpected exception from a library), which must never end polling.
"""

from __future__ import annotations

import logging
from typing import Callable

from jobtui.domain.events import PollerEvent, PollerFault

# The user sees this much of the exception's text; the log has all of it.
SHOWN_CHARS = 160


def fault_message(exc: BaseException) -> str:
    """One sentence naming the fault, with control characters shown, never obeyed."""
    text = " ".join(str(exc).split())
    text = "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)
    if len(text) > SHOWN_CHARS:
        text = text[: SHOWN_CHARS - 1] + "…"
    what = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return f"Polling hit an internal error ({what}); it goes on at the next interval."


def report_fault(
    logger: logging.Logger, emit: Callable[[PollerEvent], None], exc: BaseException, where: str
) -> None:
    """Log the fault with its traceback and tell the UI; call it from an `except` block."""
    logger.exception("%s failed; polling goes on", where)
    try:
        emit(PollerFault(fault_message(exc)))
    except Exception:  # a listener's own fault must not undo the supervision
        logger.exception("could not report a poller fault")
