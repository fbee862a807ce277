"""A banner across the top when the endpoint is down or refuses our credentials."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Optional

from rich.text import Text
from textual.widgets import Static

from jobtui.errors import ErrorInfo
from jobtui.ui.widgets.detail_text import hms, lit


class Banner(Static):
    """Hidden while all is well; one problem per source (endpoint or credential)."""

    DEFAULT_CSS = "Banner { height: auto; display: none; }"

    def __init__(self, *, zone: Optional[tzinfo] = None, id: Optional[str] = None) -> None:
        super().__init__("", id=id)
        self.zone = zone
        self.problems: dict[str, Text] = {}

    def raise_problem(
        self,
        source: str,
        headline: str,
        error: ErrorInfo,
        since: Optional[datetime],
        retry_at: datetime,
    ) -> None:
        """Show (or replace) the problem of `source` with the client's one sentence."""
        text = Text(headline, style="bold")
        if since is not None:
            text.append(f" since {hms(since, self.zone)}")
        text.append(": ")
        text.append_text(lit(error.message))
        if error.request_id:
            text.append_text(lit(f" (request ID {error.request_id})"))
        text.append(f" Retrying at {hms(retry_at, self.zone)}.")
        self.problems[source] = text
        self._redraw()

    def clear_problem(self, source: str) -> None:
        """The source recovered: the banner goes away by itself when none remain."""
        if self.problems.pop(source, None) is not None:
            self._redraw()

    def _redraw(self) -> None:
        self.display = bool(self.problems)
        self.update(Text("\n").join(self.problems.values()))
