"""How one job looks as text: status words, progress bars, ages, short IDs.

Pure (rich `Text` only, no Textual). Server text always goes through `literal`
so markup and terminal escapes in it are shown, never obeyed. Durations come from
`jobtui.domain.timefmt`, so the table and `jobtui status` write them alike.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, tzinfo
from typing import Optional

from rich.text import Text

from jobtui.domain.model import Status
from jobtui.domain.words import ERROR, NOT_FOUND, STATUS_WORDS, unanswered_word


@dataclass(frozen=True)
class Glyphs:
    """The characters bars and marks are drawn with; all one cell wide."""

    full: str
    partials: str  # 1/8 .. 7/8 of a cell, or "" to round to whole cells
    track: str
    failed: str
    stopped: str
    pending: str
    ellipsis: str
    ascending: str
    descending: str


UNICODE = Glyphs("█", "▏▎▍▌▋▊▉", "░", "x", "=", "·", "…", "^", "v")
ASCII = Glyphs("#", "", "-", "x", "=", ".", "~", "^", "v")


# Terminals in these locales often draw "ambiguous width" glyphs (blocks, "…",
# "·") two cells wide, which would break every column after a bar.
CJK_LOCALES = ("zh", "ja", "ko")


def glyphs_for(environ: Mapping[str, str] = os.environ, whole_cells: bool = False) -> Glyphs:
    """Block glyphs only in a UTF-8, non-CJK locale and when JOBTUI_ASCII is unset.

    `whole_cells` (the default, unless `smooth_bars`) drops the eighth-cell glyphs: a
    bar then changes once per cell, 10% of a 10-cell bar, instead of at nearly every
    poll, and the figure beside it carries the precision.
    """
    if environ.get("JOBTUI_ASCII"):
        return ASCII
    locale = (environ.get("LC_ALL") or environ.get("LC_CTYPE") or environ.get("LANG") or "").lower()
    utf8 = "utf-8" in locale or "utf8" in locale
    if not utf8 or locale.startswith(CJK_LOCALES):
        return ASCII
    return replace(UNICODE, partials="") if whole_cells else UNICODE


def literal(text: Optional[str]) -> str:
    """Server text made harmless: control and format characters become visible."""
    if not text:
        return ""
    if text.isprintable():
        return text
    return "".join(_visible(ch) for ch in text)


def _visible(ch: str) -> str:
    code = ord(ch)
    if code < 0x20 or code == 0x7F:
        return "^" + chr(code ^ 0x40)  # caret notation: ESC -> ^[
    if ch == " " or ch.isprintable():
        return ch
    if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
        return f"<U+{code:04X}>"
    return ch


@dataclass(frozen=True)
class StatusLook:
    """Icon, word and style of a status: the word carries it without colour."""

    icon: str
    word: str
    style: str


STATUS_LOOKS = {
    Status.INIT: StatusLook(".", STATUS_WORDS[Status.INIT], "dim"),
    Status.WAITING: StatusLook(".", STATUS_WORDS[Status.WAITING], "dim"),
    Status.DELAY_SCHEDULED: StatusLook(".", STATUS_WORDS[Status.DELAY_SCHEDULED], "dim"),
    Status.RUNNING: StatusLook(">", STATUS_WORDS[Status.RUNNING], "bold cyan"),
    Status.SUCCESS: StatusLook("+", STATUS_WORDS[Status.SUCCESS], "green"),
    Status.FAIL: StatusLook("x", STATUS_WORDS[Status.FAIL], "bold red"),
    Status.STOP: StatusLook("=", STATUS_WORDS[Status.STOP], "yellow"),
    Status.UNKNOWN: StatusLook("?", STATUS_WORDS[Status.UNKNOWN], "magenta"),
}
NO_ANSWER = StatusLook(" ", "-", "dim")
ERROR_LOOK = StatusLook("!", ERROR, "bold red")
NOT_FOUND_LOOK = StatusLook("?", NOT_FOUND, "magenta")  # the service says: no such job


def unanswered_look(kind: str) -> StatusLook:
    """How a job with no record and a failed last poll of `kind` shows."""
    return NOT_FOUND_LOOK if unanswered_word(kind) == NOT_FOUND else ERROR_LOOK


def status_text(look: StatusLook, word: Optional[str] = None) -> Text:
    """`> RUNNING` with the status style; `word` overrides (unknown raw values)."""
    return Text(f"{look.icon} {literal(word or look.word)}", style=look.style)


def progress_bar(
    value: Optional[float], status: Optional[Status], width: int, glyphs: Glyphs
) -> Text:
    """A bar of `width` cells: pending dotted, failed/stopped in their own glyph."""
    if status is None or status.pending or (value is None and status is not Status.SUCCESS):
        return Text(glyphs.pending * width, style="dim")
    if status is Status.SUCCESS:
        value = 100.0
    assert value is not None
    if status is Status.FAIL:
        return _plain_bar(value, width, glyphs.failed, glyphs.track, "red")
    if status is Status.STOP:
        return _plain_bar(value, width, glyphs.stopped, glyphs.track, "yellow")
    style = "green" if status is Status.SUCCESS else "cyan"
    return _smooth_bar(value, width, glyphs, style)


def _plain_bar(value: float, width: int, fill: str, track: str, style: str) -> Text:
    done = min(width, round(value / 100.0 * width))
    bar = Text()
    bar.append(fill * done, style=style)
    bar.append(track * (width - done), style="dim")
    return bar


def _smooth_bar(value: float, width: int, glyphs: Glyphs, style: str) -> Text:
    eighths = int(max(0.0, min(100.0, value)) / 100.0 * width * 8)
    full, rest = divmod(eighths, 8)
    if not glyphs.partials:
        rest = 0  # whole cells, rounded down: a running job's bar is never full
    # The colour is the bar's, not the whole Text's: a figure appended after it stays
    # in the plain text colour, so a poll that moves only figures sends no colour.
    bar = Text()
    bar.append(glyphs.full * full, style=style)
    if rest:
        bar.append(glyphs.partials[rest - 1], style=style)
    bar.append(glyphs.track * (width - full - (1 if rest else 0)), style="dim")
    return bar


def percent(value: Optional[float], status: Optional[Status]) -> str:
    """`  9%` right-aligned in four cells; pending and unknown show `  --`."""
    if status is Status.SUCCESS:
        return "100%"
    if value is None or status is None or status.pending:
        return "  --"
    return f"{int(value):>3d}%"


def ago(delta: timedelta) -> str:
    """A coarse age: `<1m ago`, `7m ago`, then 5-minute steps, hours, days.

    Coarse on purpose: every label that changes is a repaint sent over SSH.
    """
    total = max(0, int(delta.total_seconds()))
    if total < 60:
        return "<1m ago"
    if total < 600:
        return f"{total // 60}m ago"
    if total < 3600:
        return f"{total // 300 * 5}m ago"
    if total < 86400:
        return f"{total // 3600}h ago"
    return f"{total // 86400}d ago"


def clock_time(when: Optional[datetime], now: datetime, zone: Optional[tzinfo] = None) -> str:
    """`13:05` today, `Nov 28 13:05` otherwise, in `zone` (default: local)."""
    if when is None:
        return ""
    local, today = when.astimezone(zone), now.astimezone(zone)
    if local.date() == today.date():
        return local.strftime("%H:%M")
    return local.strftime("%b %d %H:%M")


def short_id(value: str, length: int = 8, tail: bool = False) -> str:
    """A few characters of an ID; `tail` for job IDs, whose heads repeat across jobs."""
    return value[-length:] if tail else value[:length]


def fit(text: Text, width: int, glyphs: Glyphs, justify: str = "left") -> Text:
    """`text` cut or padded to exactly `width` cells, with an ellipsis when cut."""
    out = text.copy()
    if out.cell_len > width:
        out.truncate(max(0, width - 1))
        out.append(glyphs.ellipsis if width > 0 else "")
        out.truncate(width, pad=True)
        return out
    pad = width - out.cell_len
    if justify == "right":
        out.pad_left(pad)
    else:
        out.pad_right(pad)
    return out
