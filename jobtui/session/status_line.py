"""The words of the status line and of the banner: the one place they are worded.

Plain strings and the facts they come from, no Textual and no styles: the screen's
widgets (`jobtui.ui.widgets.status_bar`, `banner`) only draw them, with server and
config text made literal there.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import Any, Optional

from jobtui.domain.errors import ErrorInfo

# Between a banner line's lead (drawn bold) and the client's sentence.
SEPARATOR = " — "


@dataclass(frozen=True)
class Problem:
    """An endpoint down (`since` it went) or a credential refused (`credential`)."""

    error: ErrorInfo
    retry_at: datetime
    since: Optional[datetime] = None
    credential: Optional[str] = None


@dataclass(frozen=True)
class BannerLine:
    """One banner line: the state and countdown, then the client's sentence."""

    lead: str
    sentence: str

    def __str__(self) -> str:
        return f"{self.lead}{SEPARATOR}{self.sentence}"


def banner_line(problem: Problem, now: datetime, zone: Optional[tzinfo] = None) -> BannerLine:
    """The issue's words, "Offline since hh:mm, retrying in N s", or the refused credential."""
    retrying = f"retrying in {_seconds(problem.retry_at, now)}"
    if problem.credential is None and problem.error.kind == "wrong_endpoint":
        lead = f"Wrong endpoint or region since {_clock(problem.since, zone)}, {retrying}"
    elif problem.credential is None:
        lead = f"Offline since {_clock(problem.since, zone)}, {retrying}"
    else:
        lead = f"Credentials {problem.credential} refused, {retrying}"
    return BannerLine(lead, sentence(problem.error))


def sentence(error: ErrorInfo) -> str:
    """The client's sentence, with the request ID support asks for (said once)."""
    if error.request_id and error.request_id not in error.message:
        return f"{error.message} (request ID {error.request_id})"
    return error.message


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
    # Without a seconds clock, times show to the minute so a poll that changes
    # nothing changes no byte on screen; `interval` then stands in for "next".
    seconds: bool = False
    interval: Optional[float] = None
    # The key that shows every job again, while only unfinished jobs are shown (a
    # choice remembered across restarts: the line must say it is in effect).
    active_only_key: Optional[str] = None
    # How many of `total` are clusters: "4 jobs, 2 clusters".
    clusters: int = 0
    # The adaptive schedule asks each job when it is due: "every 10s" would not be true.
    adaptive: bool = False

    @classmethod
    def coarse(cls, seconds: bool, last: Optional[datetime], **facts: Any) -> StatusFacts:
        """Facts with `last_refresh` cut to the minute unless `seconds`."""
        if last is not None and not seconds:
            last = last.replace(second=0, microsecond=0)
        return cls(last_refresh=last, seconds=seconds, **facts)


@dataclass(frozen=True)
class StatusWords:
    """One wording of the status line; the widget joins the parts that are there."""

    endpoint: Optional[str]  # None: left out for width
    paused: Optional[str]  # "PAUSED" while paused
    refreshed: str
    next: Optional[str]  # None: paused, or left out for width
    shown: str
    counts: tuple[tuple[str, str], ...]  # (status word, its count's words)


def status_words(facts: StatusFacts, zone: Optional[tzinfo] = None) -> Iterator[StatusWords]:
    """The wordings from longest to shortest, for a screen too narrow for the first.

    The endpoint goes first, then the next refresh (the interval is in config.toml;
    "refreshed 09:02" is what says the data is fresh), and last the word "refreshed".
    """
    for endpoint, nxt, words in _SHORTER:
        yield _words(facts, zone, endpoint, words, nxt)
    # Then the key said shorter. Kept in the last wording too: a line still too long
    # loses counts at its right end, never the filter that hides jobs.
    shortest = _words(facts, zone, False, False, False)
    for key_words in (" ({} shows all)", " ({}: all)"):
        yield replace(shortest, shown=_shown(facts, key_words))


# (endpoint, next refresh, words around times), longest first.
_SHORTER = ((True, True, True), (False, True, True), (False, False, True), (False, False, False))


def _words(
    facts: StatusFacts, zone: Optional[tzinfo], endpoint: bool, words: bool, nxt: bool
) -> StatusWords:
    last = _time(facts.last_refresh, zone, facts.seconds) if facts.last_refresh else "not yet"
    return StatusWords(
        endpoint=(facts.endpoint or "no endpoint") if endpoint else None,
        paused="PAUSED" if facts.paused else None,
        refreshed=f"refreshed {last}" if words else last,
        next=_next(facts, zone) if nxt and not facts.paused else None,
        shown=_shown(facts, " ({} shows all)"),
        counts=tuple((status, f"{status} {count}") for status, count in facts.counts),
    )


def _shown(facts: StatusFacts, key_words: str) -> str:
    """`12 of 50 shown`, and `, active only (o shows all)` while that filter is on."""
    label = shown_label(facts.shown, facts.total, facts.clusters)
    key = facts.active_only_key
    if key is not None:
        label += f", {ACTIVE_ONLY}" + key_words.format(key)
    return f"│ {label} "


ACTIVE_ONLY = "active only"


def shown_label(shown: int, total: int, clusters: int = 0) -> str:
    """`12 of 50 shown`, or `50 jobs` (`48 jobs, 2 clusters`) when nothing is hidden."""
    if shown != total:
        return f"{shown} of {total} shown"
    jobs = total - clusters
    parts = [_count(jobs, "job")] if jobs or not clusters else []
    return ", ".join(parts + ([_count(clusters, "cluster")] if clusters else []))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _next(facts: StatusFacts, zone: Optional[tzinfo]) -> str:
    """The next refresh to the second, or the interval when times are coarse."""
    if facts.seconds and facts.next_refresh is not None:
        return f"next {_time(facts.next_refresh, zone, True)}"
    if facts.adaptive:
        return "adaptive"  # each job's next check and why: in its detail pane
    return f"every {facts.interval:g}s" if facts.interval else ""


def _time(at: datetime, zone: Optional[tzinfo], seconds: bool) -> str:
    return at.astimezone(zone).strftime("%H:%M:%S" if seconds else "%H:%M")


def _clock(when: Optional[datetime], zone: Optional[tzinfo] = None) -> str:
    return _time(when, zone, False) if when else "?"


def _seconds(when: datetime, now: datetime) -> str:
    """The countdown to `when` in whole seconds, never negative."""
    return f"{max(0, round((when - now).total_seconds()))} s"
