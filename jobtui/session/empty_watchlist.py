"""What the monitor says when no job is watched: how to add one, and whether it could be
asked (which endpoint, which credentials, or what to set). Words only, beside
`status_line`; the screen draws them (`ui/widgets/empty_state.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

HOW_TO_ADD = (
    ("a", "add one here: paste PROJECT_ID/JOB_ID"),
    ("jobtui add PROJECT_ID/JOB_ID", "from a shell; it shows up here"),
    ("… | jobtui add -", "IDs from a pipe, one per line"),
)
NO_CREDENTIALS = (
    "none found: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, put ak and sk under"
    " [basic] in ~/.huaweicloud/credentials, or set JOBTUI_AUTH_TOKEN"
)
OPEN_MODE = 'none: open mode (credentials = "none" in config.toml)'
CHECKING = "checking…"
FIX_HINT = "Fix the above, then restart jobtui; `jobtui doctor` checks it all."


@dataclass(frozen=True)
class SetupFacts:
    """Where a new job would be asked and with what; a problem is one sentence."""

    endpoint: Optional[str] = None
    endpoint_problem: Optional[str] = None
    credential: Optional[str] = None  # e.g. "AK ABCD… from environment", never a secret
    credential_problem: Optional[str] = None
    open_mode: bool = False  # config.toml asked for no credentials

    @property
    def ready(self) -> bool:
        return self.endpoint is not None and (self.credential is not None or self.open_mode)


@dataclass(frozen=True)
class EmptyWords:
    """The empty watchlist's text: a heading, how to add, and the set-up rows."""

    heading: str
    how_to_add: tuple[tuple[str, str], ...]
    setup: tuple[tuple[str, str, bool], ...]  # (label, value, is it a problem)
    footer: str


def empty_words(facts: Optional[SetupFacts]) -> EmptyWords:
    """The words for `facts`; None while the session is still looking."""
    if facts is None:
        rows = (("Endpoint", CHECKING, False), ("Credentials", CHECKING, False))
        footer = ""
    else:
        rows = (_endpoint(facts), _credentials(facts))
        footer = "" if facts.ready else FIX_HINT
    return EmptyWords("No jobs watched yet.", HOW_TO_ADD, rows, footer)


def _endpoint(facts: SetupFacts) -> tuple[str, str, bool]:
    if facts.endpoint is not None:
        return ("Endpoint", facts.endpoint, False)
    return ("Endpoint", facts.endpoint_problem or "none", True)


def _credentials(facts: SetupFacts) -> tuple[str, str, bool]:
    if facts.credential_problem is not None:
        return ("Credentials", facts.credential_problem, True)
    if facts.open_mode:
        return ("Credentials", OPEN_MODE, False)
    if facts.credential is None:
        return ("Credentials", NO_CREDENTIALS, True)
    return ("Credentials", facts.credential, False)
