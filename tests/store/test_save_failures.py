"""A save that cannot happen (disk full, read-only, no folder) leaves the old file intact."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from jobtui.domain.errors import JobtuiError, StoreError
from jobtui.store.watchlist import StateCache, Watchlist
from tests.store.conftest import entry


def _fail_with(code: int):  # type: ignore[no-untyped-def]
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.parametrize(
    ("call", "code", "reason"),
    [
        ("fsync", errno.ENOSPC, "disk full"),
        ("replace", errno.EROFS, "read-only file system"),
        ("replace", errno.EACCES, "permission denied"),
        ("fsync", errno.EIO, "input/output error"),
    ],
)
def test_a_failed_save_says_why_and_keeps_the_old_watchlist(
    watchlist: Watchlist, monkeypatch: pytest.MonkeyPatch, call: str, code: int, reason: str
) -> None:
    watchlist.add([entry("j1")])
    before = watchlist.path.read_bytes()
    monkeypatch.setattr(os, call, _fail_with(code))
    with pytest.raises(StoreError) as caught:
        watchlist.add([entry("j2")])
    monkeypatch.undo()
    assert str(caught.value) == (
        f"cannot save the watchlist: {reason} ({watchlist.path} unchanged)"
    )
    assert isinstance(caught.value, JobtuiError)
    assert watchlist.path.read_bytes() == before
    assert [p.name for p in watchlist.path.parent.iterdir() if p.suffix == ".tmp"] == []


def test_a_folder_that_cannot_exist_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "jobtui").write_text("not a folder", encoding="utf-8")
    path = tmp_path / "jobtui" / "watchlist.toml"
    watchlist = Watchlist(path)
    assert watchlist.load() == []
    with pytest.raises(
        StoreError,
        match=r"^cannot save the watchlist: a parent of it is a file, not a folder \(.*"
        r"watchlist.toml not created\)$",
    ):
        watchlist.add([entry("j1")])
    cache = StateCache(path.with_name("state.json"))
    with pytest.raises(StoreError, match=r"^cannot save the state cache: .* not created\)$"):
        cache.save({})


def test_stale_temp_files_of_a_killed_writer_are_cleared_on_the_next_write(
    watchlist: Watchlist,
) -> None:
    watchlist.add([entry("j1")])
    stale = watchlist.path.parent / ".watchlist.toml.abc123.tmp"
    stale.write_text("half a watchl", encoding="utf-8")
    assert [e.job_id for e in watchlist.load()] == ["j1"]
    watchlist.add([entry("j2")])
    assert not stale.exists()


def test_a_new_watchlist_is_private_and_an_existing_mode_is_kept(watchlist: Watchlist) -> None:
    watchlist.add([entry("j1")])
    assert watchlist.path.stat().st_mode & 0o777 == 0o600
    watchlist.path.chmod(0o640)
    watchlist.add([entry("j2")])
    assert watchlist.path.stat().st_mode & 0o777 == 0o640
