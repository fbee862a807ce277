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
from jobtui.domain.state import CLUSTER, JOB, JobKey, WatchEntry
from jobtui.store.tomlfile import did_you_mean, key_line

# 2: clusters beside jobs (`[[clusters]]`). A file without clusters is still written
# as 1, so an older jobtui sharing it keeps editing it.
VERSION = 2
HEADER = (
    "# jobtui's watchlist, written by jobtui. You may edit it by hand while jobtui\n"
    "# runs, but comments are not kept: jobtui rewrites this file on every change.\n"
)
ENTRY_KEYS = ("project_id", "job_id", "label", "region", "added_at")
CLUSTER_KEYS = ("project_id", "cluster_id", "label", "region", "added_at")
TOP_KEYS = ("version", "jobs", "clusters")
# Per kind: its array, the key of its ID, the keys of its tables.
_TABLES = {JOB: ("jobs", "job_id", ENTRY_KEYS), CLUSTER: ("clusters", "cluster_id", CLUSTER_KEYS)}


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
        entries = [*self.entries(data, JOB), *self.entries(data, CLUSTER)]
        return WatchlistDoc(version, tuple(merge_duplicates(entries)))

    def entries(self, data: Mapping[str, Any], kind: str) -> list[WatchEntry]:
        array = _TABLES[kind][0]
        items = data.get(array, [])
        if not isinstance(items, list):
            raise self.error(f"{array!r} must be an array of [[{array}]] tables", (array,))
        return [self.entry(item, index, kind) for index, item in enumerate(items)]

    def known(
        self, data: Mapping[str, Any], keys: tuple[str, ...], at: tuple[str, ...], index: int = 0
    ) -> None:
        for key in data:
            if self.strict and key not in keys:
                where = (*at, key)
                hint = did_you_mean(key, keys)
                raise self.error(f"unknown key {'.'.join(where)!r}{hint}", where, index)

    def entry(self, item: object, index: int, kind: str = JOB) -> WatchEntry:
        array, id_key, keys = _TABLES[kind]
        at = (array,)
        if not isinstance(item, dict):
            raise self.error(f"{kind} {index + 1} must be a [[{array}]] table", at, index)
        self.known(item, keys, at, index)
        values = {key: self.field(item, key, index, kind) for key in keys}
        values["job_id"] = values.pop(id_key)
        try:
            return WatchEntry(**values, kind=kind)
        except ValueError as exc:
            bad = "project_id" if "project ID" in str(exc) else id_key
            raise self.error(f"{kind} {index + 1}: {exc}", (array, bad), index) from None

    def field(self, item: Mapping[str, Any], key: str, index: int, kind: str = JOB) -> Any:
        value = item.get(key)
        array, id_key, _ = _TABLES[kind]
        at = (array, key)
        required = key in ("project_id", id_key, "added_at")
        if value is None and required:
            raise self.error(f"{kind} {index + 1} has no {key!r}", (array,), index)
        if key == "added_at":
            return self.added_at(value, index, kind)
        if value is not None and not isinstance(value, str):
            raise self.error(f"{kind} {index + 1}: {key!r} must be a string", at, index)
        return value

    def added_at(self, value: object, index: int, kind: str = JOB) -> datetime:
        if not isinstance(value, datetime):
            what = "a date without a time" if isinstance(value, date) else "not a date and time"
            raise self.error(
                f"{kind} {index + 1}: 'added_at' is {what}; write it like 2026-01-31T09:30:00Z",
                (_TABLES[kind][0], "added_at"),
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
    """The file's bytes: header comment, version, a [[jobs]] or [[clusters]] table each."""
    # tomli-w would inline short tables as `jobs = [{...}]`; a table per job reads
    # better and edits more safely by hand.
    chunks = list(map(_entry_chunk, entries))
    version = VERSION if any(chunk.startswith(_CLUSTER_HEAD) for chunk in chunks) else 1
    return "".join([HEADER, tomli_w.dumps({"version": version}), *chunks]).encode("utf-8")


@functools.lru_cache(maxsize=8192)
def _entry_chunk(entry: WatchEntry) -> str:
    # Entries are immutable, so a long-running process renders each one once.
    head = _CLUSTER_HEAD if entry.is_cluster else "\n[[jobs]]\n"
    return head + tomli_w.dumps(_entry_table(entry))


_CLUSTER_HEAD = "\n[[clusters]]\n"


def _entry_table(entry: WatchEntry) -> dict[str, Any]:
    table: dict[str, Optional[object]] = {
        "project_id": entry.project_id,
        _TABLES[entry.kind][1]: entry.job_id,
        "label": entry.label,
        "region": entry.region,
        "added_at": entry.added_at,
    }
    return {key: value for key, value in table.items() if value is not None}
