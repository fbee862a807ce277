"""The watchlist store: several processes share one watchlist.toml and lose nothing.

Every change is an operation (add, remove, update) applied under an exclusive lock
to what is on disk right now, then written atomically. A file that does not parse,
or comes from a newer jobtui, is never overwritten.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Optional, TypeVar, Union

from jobtui.domain.errors import ConfigError
from jobtui.domain.state import JobKey, WatchEntry
from jobtui.store.atomic import ensure_folder, remove_stale_temps, write_atomic
from jobtui.store.locking import exclusive_lock
from jobtui.store.state_cache import StateCache
from jobtui.store.tomlfile import key_line, parse_toml
from jobtui.store.watchlist_file import (
    VERSION,
    WatchlistDoc,
    merge_duplicates,
    parse_watchlist,
    render_watchlist,
)

__all__ = ["KEEP", "StateCache", "Watchlist"]

T = TypeVar("T")
Signature = Optional[tuple[int, int, int]]
# A change returns the new entries (None: nothing to write) and what to hand back.
Change = Callable[[list[WatchEntry]], tuple[Optional[list[WatchEntry]], T]]


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP = _Keep()  # update(): leave this field as it is
_NEVER_READ = (-1, -1, -1)
# Without a real lock another writer may be mid-write: only clear old leftovers.
_UNLOCKED_TEMP_AGE = 3600.0


class Watchlist:
    """The watchlist file; every write locked, merged with disk, and atomic."""

    def __init__(self, path: Path, lock_path: Optional[Path] = None) -> None:
        self.path = path
        self.lock_path = lock_path or path.with_name(path.stem + ".lock")
        self._seen: Signature = _NEVER_READ
        # Parsing is the slow part (tomllib: ~0.3 s per 1,000 jobs); skip it while the
        # bytes on disk are those we last parsed or wrote.
        self._raw: Optional[bytes] = None
        self._doc = WatchlistDoc()

    def __repr__(self) -> str:
        return f"Watchlist({str(self.path)!r})"

    def load(self) -> list[WatchEntry]:
        """The entries on disk now (none if there is no file yet)."""
        return list(self._read().entries)

    def changed(self) -> bool:
        """True when the file differs from what this object last read or wrote."""
        return _signature(self.path) != self._seen

    def add(self, entries: Iterable[WatchEntry]) -> list[WatchEntry]:
        """Add entries not watched yet; returns those. A known job only gains a label."""
        wanted = list(entries)

        def change(
            current: list[WatchEntry],
        ) -> tuple[Optional[list[WatchEntry]], list[WatchEntry]]:
            have = {entry.key for entry in current}
            merged = merge_duplicates(current + wanted)
            added = [entry for entry in merged if entry.key not in have]
            return (merged if merged != current else None), added

        return self._mutate(change)

    def remove(self, keys: Iterable[JobKey]) -> int:
        """Stop watching these jobs; returns how many were in the watchlist."""
        gone = set(keys)

        def change(current: list[WatchEntry]) -> tuple[Optional[list[WatchEntry]], int]:
            kept = [entry for entry in current if entry.key not in gone]
            removed = len(current) - len(kept)
            return (kept if removed else None), removed

        return self._mutate(change)

    def update(
        self,
        key: JobKey,
        *,
        label: Union[str, _Keep, None] = KEEP,
        region: Union[str, _Keep, None] = KEEP,
    ) -> Optional[WatchEntry]:
        """Change a job's label or region (None clears it); None if it is not watched."""

        def change(
            current: list[WatchEntry],
        ) -> tuple[Optional[list[WatchEntry]], Optional[WatchEntry]]:
            for index, entry in enumerate(current):
                if entry.key == key:
                    new = replace(
                        entry,
                        label=entry.label if isinstance(label, _Keep) else label,
                        region=entry.region if isinstance(region, _Keep) else region,
                    )
                    return [*current[:index], new, *current[index + 1 :]], new
            return None, None

        return self._mutate(change)

    def _mutate(self, change: Change[T]) -> T:
        ensure_folder(self.path, "watchlist")
        with exclusive_lock(self.lock_path, what="watchlist") as locked:
            doc = self._read()
            self._refuse_newer(doc)
            new, result = change(list(doc.entries))
            if new is not None:
                remove_stale_temps(self.path, 0.0 if locked else _UNLOCKED_TEMP_AGE)
                raw = render_watchlist(new)
                write_atomic(self.path, raw, what="watchlist")
                self._seen = _signature(self.path)
                self._raw, self._doc = raw, WatchlistDoc(VERSION, tuple(new))
            return result

    def _read(self) -> WatchlistDoc:
        try:
            with open(self.path, "rb") as handle:
                self._seen = _stat_signature(os.fstat(handle.fileno()))
                raw = handle.read()
        except (FileNotFoundError, NotADirectoryError):
            self._seen = None
            return WatchlistDoc()
        except OSError as exc:
            raise ConfigError(f"cannot be read: {exc.strerror}", path=str(self.path)) from None
        if raw != self._raw:
            text, data = parse_toml(raw, self.path)
            self._doc = parse_watchlist(data, self.path, text)
            self._raw = raw
        return self._doc

    def _refuse_newer(self, doc: WatchlistDoc) -> None:
        if doc.version > VERSION:
            text = self.path.read_text(encoding="utf-8", errors="replace")
            raise ConfigError(
                f"was written by a newer jobtui (watchlist version {doc.version}; this one "
                f"knows {VERSION}), so it is left unchanged: upgrade jobtui to edit it",
                path=str(self.path),
                line=key_line(text, ("version",)),
                key="version",
            )


def _stat_signature(stat: os.stat_result) -> tuple[int, int, int]:
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def _signature(path: Path) -> Signature:
    try:
        return _stat_signature(path.stat())
    except OSError:
        return None
