"""The watchlist.toml format: entries in, bytes out, every mistake at its line."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Optional

import tomli_w

from jobtui.domain.errors import ConfigError
from jobtui.domain.state import JobKey, WatchEntry
from jobtui.store.tomlfile import did_you_mean, key_line

VERSION = 1
HEADER = (
    "# jobtui's watchlist, written by jobtui. You may edit it by hand while jobtui\n"
    "# runs, but comments are not kept: jobtui rewrites this file on every change.\n"
)
ENTRY_KEYS = ("project_id", "job_id", "label", "region", "added_at")
TOP_KEYS = ("version", "jobs")


@dataclass(frozen=True)
class WatchlistDoc:
    """What a watchlist file holds: its format version and merged entries."""

    version: int = VERSION
    entries: tuple[WatchEntry, ...] = ()


class _Reader:
    """Turns parsed TOML into entries, raising ConfigError at the right line."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self.strict = True

    def error(self, message: str, at: tuple[str, ...], index: int = 0) -> ConfigError:
        line = key_line(self.text, at, index)
        return ConfigError(message, path=str(self.path), line=line, key=".".join(at))

    def doc(self, data: Mapping[str, Any]) -> WatchlistDoc:
        version = data.get("version", VERSION)
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise self.error("'version' must be a whole number like 1", ("version",))
        # A newer jobtui may add keys: read what we know, refuse to write (see Watchlist).
        self.strict = version <= VERSION
        self.known(data, TOP_KEYS, ())
        jobs = data.get("jobs", [])
        if not isinstance(jobs, list):
            raise self.error("'jobs' must be an array of [[jobs]] tables", ("jobs",))
        entries = [self.entry(item, index) for index, item in enumerate(jobs)]
        return WatchlistDoc(version, tuple(merge_duplicates(entries)))

    def known(
        self, data: Mapping[str, Any], keys: tuple[str, ...], at: tuple[str, ...], index: int = 0
    ) -> None:
        for key in data:
            if self.strict and key not in keys:
                where = (*at, key)
                hint = did_you_mean(key, keys)
                raise self.error(f"unknown key {'.'.join(where)!r}{hint}", where, index)

    def entry(self, item: object, index: int) -> WatchEntry:
        at = ("jobs",)
        if not isinstance(item, dict):
            raise self.error(f"job {index + 1} must be a [[jobs]] table", at, index)
        self.known(item, ENTRY_KEYS, at, index)
        values = {key: self.field(item, key, index) for key in ENTRY_KEYS}
        try:
            return WatchEntry(**values)
        except ValueError as exc:
            bad = "project_id" if "project ID" in str(exc) else "job_id"
            raise self.error(f"job {index + 1}: {exc}", ("jobs", bad), index) from None

    def field(self, item: Mapping[str, Any], key: str, index: int) -> Any:
        value = item.get(key)
        at = ("jobs", key)
        required = key in ("project_id", "job_id", "added_at")
        if value is None and required:
            raise self.error(f"job {index + 1} has no {key!r}", ("jobs",), index)
        if key == "added_at":
            return self.added_at(value, index)
        if value is not None and not isinstance(value, str):
            raise self.error(f"job {index + 1}: {key!r} must be a string", at, index)
        return value

    def added_at(self, value: object, index: int) -> datetime:
        if not isinstance(value, datetime):
            kind = "a date without a time" if isinstance(value, date) else "not a date and time"
            raise self.error(
                f"job {index + 1}: 'added_at' is {kind}; write it like 2026-01-31T09:30:00Z",
                ("jobs", "added_at"),
                index,
            )
        # A local time written by hand means this machine's zone.
        return value if value.tzinfo is not None else value.astimezone()


def parse_watchlist(data: Mapping[str, Any], path: Path, text: str) -> WatchlistDoc:
    """A WatchlistDoc from parsed TOML; ConfigError naming the entry's line."""
    return _Reader(path, text).doc(data)


def merge_duplicates(entries: Iterable[WatchEntry]) -> list[WatchEntry]:
    """One entry per job: the earliest added_at, and a label or region if either has one."""
    merged: dict[JobKey, WatchEntry] = {}
    for entry in entries:
        old = merged.get(entry.key)
        merged[entry.key] = entry if old is None else _merge(old, entry)
    return list(merged.values())


def _merge(a: WatchEntry, b: WatchEntry) -> WatchEntry:
    first, second = (a, b) if a.added_at <= b.added_at else (b, a)
    return replace(first, label=first.label or second.label, region=first.region or second.region)


def render_watchlist(entries: Iterable[WatchEntry]) -> bytes:
    """The file's bytes: header comment, version, one [[jobs]] table per entry."""
    # tomli-w would inline short tables as `jobs = [{...}]`; a table per job reads
    # better and edits more safely by hand.
    parts = [HEADER, tomli_w.dumps({"version": VERSION})]
    parts.extend(map(_entry_chunk, entries))
    return "".join(parts).encode("utf-8")


@functools.lru_cache(maxsize=8192)
def _entry_chunk(entry: WatchEntry) -> str:
    # Entries are immutable, so a long-running process renders each one once.
    return "\n[[jobs]]\n" + tomli_w.dumps(_entry_table(entry))


def _entry_table(entry: WatchEntry) -> dict[str, Any]:
    table: dict[str, Optional[object]] = {
        "project_id": entry.project_id,
        "job_id": entry.job_id,
        "label": entry.label,
        "region": entry.region,
        "added_at": entry.added_at,
    }
    return {key: value for key, value in table.items() if value is not None}
