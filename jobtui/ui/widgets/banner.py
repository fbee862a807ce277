"""A banner across the top when the endpoint is down or refuses our credentials.

It leads with the issue's words, "Offline since hh:mm, retrying in N s", then the
client's one sentence; `jobtui.session.status_line` words both, this widget draws them.
The countdown ticks once a second only while the banner shows: an online app runs no
timer here (the idle budget is 0 B/s).
"""

from __future__ import annotations

from datetime import datetime, timezone, tzinfo
from typing import Callable, Optional

from rich.text import Text
from textual.geometry import Region
from textual.timer import Timer
from textual.widget import Widget

from jobtui.session.status_line import SEPARATOR, Problem, banner_line
from jobtui.ui.widgets.detail_text import lit


def problem_line(problem: Problem, now: datetime, zone: Optional[tzinfo] = None) -> Text:
    """One banner line: the state and countdown in bold, then the client's sentence."""
    words = banner_line(problem, now, zone)
    lead = lit(words.lead)  # a credential's label may carry any character
    lead.stylize("bold")
    lead.append(SEPARATOR)
    return lead.append_text(lit(words.sentence))


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Banner(Widget):
    """Hidden while all is well; one line per problem source (endpoint or credential)."""

    DEFAULT_CSS = "Banner { height: auto; display: none; }"

    def __init__(
        self,
        *,
        zone: Optional[tzinfo] = None,
        now: Callable[[], datetime] = _utcnow,
        id: Optional[str] = None,
    ) -> None:
        super().__init__(id=id)
        self.zone, self.now = zone, now
        self.problems: dict[str, Problem] = {}
        self.text = Text()
        self._lines: list[str] = []
        self._timer: Optional[Timer] = None

    @property
    def ticking(self) -> bool:
        """Whether the once-a-second countdown runs (only while a problem shows)."""
        return self._timer is not None

    def raise_problem(self, source: str, problem: Problem) -> None:
        """Show (or replace) the problem of `source`; the countdown starts."""
        self.problems[source] = problem
        if self._timer is None:
            self._timer = self.set_interval(1.0, self.tick)
        self.tick()

    def clear_problem(self, source: str) -> None:
        """The source recovered: the banner (and its timer) go when none remain."""
        if self.problems.pop(source, None) is None:
            return
        if not self.problems and self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.tick()

    def tick(self) -> None:
        """Redraw at the current time: only the screen lines whose words changed."""
        now = self.now()
        text = Text("\n").join(problem_line(p, now, self.zone) for p in self.problems.values())
        self.display = bool(self.problems)
        old, new = self._lines, self._wrapped(text)
        self.text, self._lines = text, new
        if len(old) != len(new) or not new:
            self.refresh(layout=True)
        elif changed := [y for y, (a, b) in enumerate(zip(old, new)) if a != b]:
            # A countdown moves one short line: resend that, not the whole banner.
            self.refresh(*(Region(0, y, self.size.width, 1) for y in changed))

    def on_resize(self) -> None:
        self._lines = self._wrapped(self.text)  # Textual repaints it all at the new width

    def _wrapped(self, text: Text) -> list[str]:
        """The lines as the screen shows them (empty until the banner has a width)."""
        width = self.content_size.width
        return [line.plain for line in text.wrap(self.app.console, width)] if width else []

    def render(self) -> Text:
        return self.text
