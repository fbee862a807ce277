"""Watchlists in a temporary folder, and entries made briefly."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Optional

import pytest

from jobtui.domain.state import WatchEntry
from jobtui.store.watchlist import Watchlist

DATA = Path(__file__).resolve().parent.parent / "data" / "watchlist"
T0 = datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc)


def entry(
    job_id: str, minutes: int = 0, label: Optional[str] = None, project: str = "p1"
) -> WatchEntry:
    return WatchEntry(project, job_id, T0 + timedelta(minutes=minutes), label=label)


@pytest.fixture
def watchlist(tmp_path: Path) -> Watchlist:
    return Watchlist(tmp_path / "watchlist.toml", tmp_path / "watchlist.lock")


@pytest.fixture
def copy_data(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Copy a file from tests/data/watchlist to tmp_path/watchlist.toml; a Watchlist on it."""

    def copy(name: str) -> Watchlist:
        target = tmp_path / "watchlist.toml"
        shutil.copyfile(DATA / name, target)
        return Watchlist(target, tmp_path / "watchlist.lock")

    return copy
