"""Atomic file replacement: a reader or a crash sees the old file or the new, never half.

Write a temporary file in the same directory, flush and fsync it, rename it over the
target, then fsync the directory so the rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from pathlib import Path

from jobtui.domain.errors import StoreError

TEMP_SUFFIX = ".tmp"
# Folders we create hold the watchlist, the state and the log: the user's alone, as
# the XDG spec asks, whatever the umask (pathlib and os.makedirs give 0777 & ~umask).
FOLDER_MODE = 0o700

_REASONS = {
    errno.ENOSPC: "disk full",
    errno.EDQUOT: "disk quota exceeded",
    errno.EROFS: "read-only file system",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOTDIR: "a parent of it is a file, not a folder",
    # mkdir(exist_ok=True) says EEXIST only when a file holds the folder's name.
    errno.EEXIST: "a parent of it is a file, not a folder",
}


def temp_prefix(path: Path) -> str:
    return f".{path.name}."


def write_atomic(path: Path, data: bytes, *, what: str, durable: bool = True) -> None:
    """Replace `path` with `data`; StoreError (old file intact) if that fails.

    `durable=False` skips the fsyncs for files whose loss costs nothing (the cache).
    """
    ensure_folder(path, what)
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=temp_prefix(path), suffix=TEMP_SUFFIX)
    except OSError as exc:
        raise store_error(exc, path, what) from None
    try:
        _write_temp(fd, data, durable)
        os.chmod(temp, _mode_of(path))
        os.replace(temp, path)
    except OSError as exc:
        _unlink(Path(temp))
        raise store_error(exc, path, what) from None
    if durable:
        _fsync_dir(path.parent)


def ensure_folder(path: Path, what: str) -> None:
    """Create the folder `path` goes in; StoreError naming `path` if it cannot be."""
    try:
        make_folder(path.parent)
    except OSError as exc:
        raise store_error(exc, path, what) from None


def make_folder(folder: Path) -> None:
    """Create `folder` and its missing parents, each 0700; folders that exist are
    left as they are. OSError if one cannot be made (or a file holds its name)."""
    missing: list[Path] = []
    while not folder.is_dir() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    for each in reversed(missing):
        try:
            os.mkdir(each, FOLDER_MODE)  # umask can only take bits away from 0700
        except FileExistsError:
            if not each.is_dir():  # another process made it meanwhile, or a file is there
                raise


def _write_temp(fd: int, data: bytes, durable: bool) -> None:
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        if durable:
            os.fsync(handle.fileno())


def _mode_of(path: Path) -> int:
    """Keep the mode a user gave the file; a new one is private to the user."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o600


def _fsync_dir(folder: Path) -> None:
    # Not every platform can open a directory (Windows); the rename already happened.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def remove_stale_temps(path: Path, older_than: float = 0.0) -> int:
    """Delete temp files a killed writer left beside `path`; returns how many."""
    removed = 0
    cutoff = time.time() - older_than
    for temp in path.parent.glob(temp_prefix(path) + "*" + TEMP_SUFFIX):
        try:
            if temp.stat().st_mtime <= cutoff:
                temp.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def store_error(exc: OSError, path: Path, what: str) -> StoreError:
    """'cannot save the watchlist: disk full (/x/watchlist.toml unchanged)'."""
    reason = _REASONS.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()
    state = "unchanged" if path.exists() else "not created"
    return StoreError(f"cannot save the {what}: {reason} ({path} {state})", path=str(path))
