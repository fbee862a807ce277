"""The status line: endpoint, refresh times, pause, counts per status, n of m shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Optional

from rich.text import Text
from textual.widgets import Static

from jobtui.ui.view import shown_label
from jobtui.ui.widgets.detail_text import hms, lit, style_of

# The order counts appear in: what needs attention first.
_ORDER = ["FAIL", "STOP", "RUNNING", "WAITING", "INIT", "DELAY_SCHEDULED", "SUCCESS", "-"]


@dataclass(frozen=True)
class StatusFacts:
    """Everything the status line shows; equal facts mean no redraw."""

    endpoint: str
    last_refresh: Optional[datetime]
    next_refresh: Optional[datetime]
    paused: bool
    shown: int
    total: int
    counts: tuple[tuple[str, int], ...]


def ordered_counts(counts: dict[str, int]) -> tuple[tuple[str, int], ...]:
    """Counts per status word, in attention order, unknown words last."""
    counts = dict(counts)
    known = [(s, counts.pop(s)) for s in _ORDER if s in counts]
    return tuple(known + sorted(counts.items()))


def status_text(facts: StatusFacts, zone: Optional[tzinfo] = None) -> Text:
    """One line; absolute times, so it need not be redrawn every second."""
    out = lit(facts.endpoint or "no endpoint", "bold")
    if facts.paused:
        out.append("  PAUSED", style="bold reverse")
    last = hms(facts.last_refresh, zone) if facts.last_refresh else "not yet"
    out.append(f"  refreshed {last}")
    if not facts.paused and facts.next_refresh is not None:
        out.append(f"  next {hms(facts.next_refresh, zone)}")
    out.append(f"  │ {shown_label(facts.shown, facts.total)} ")
    for status, count in facts.counts:
        out.append(" ")
        out.append_text(lit(f"{status} {count}", style_of(status)))
    return out


class StatusBar(Static):
    """One line at the bottom; `show()` repaints only when the facts changed."""

    DEFAULT_CSS = "StatusBar { height: 1; width: 1fr; }"

    def __init__(self, *, zone: Optional[tzinfo] = None, id: Optional[str] = None) -> None:
        super().__init__("", id=id)
        self.zone = zone
        self.facts: Optional[StatusFacts] = None

    def show(self, facts: StatusFacts) -> None:
        if facts != self.facts:
            self.facts = facts
            self.update(status_text(facts, self.zone))
