"""Adding, removing and relabelling jobs: operations on what is on disk now."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from jobtui.store.watchlist import Watchlist
from tests.store.conftest import T0, entry


def test_a_missing_watchlist_is_empty_and_created_on_first_add(watchlist: Watchlist) -> None:
    assert watchlist.load() == []
    assert not watchlist.path.exists()
    assert watchlist.add([entry("j1", label="nightly restore")]) == [
        entry("j1", label="nightly restore")
    ]
    assert watchlist.load() == [entry("j1", label="nightly restore")]


def test_the_file_says_who_wrote_it_and_round_trips(watchlist: Watchlist) -> None:
    jobs = [entry("j1", label='ELB "bind"\n[evil]'), entry("j2", 5)]
    watchlist.add(jobs)
    text = watchlist.path.read_text(encoding="utf-8")
    assert text.startswith("# jobtui's watchlist, written by jobtui.")
    assert "comments are not kept" in text
    assert "version = 1" in text and text.count("[[jobs]]") == 2
    assert Watchlist(watchlist.path).load() == jobs


def test_adding_a_job_already_watched_adds_nothing(watchlist: Watchlist) -> None:
    watchlist.add([entry("j1", label="restore")])
    before = watchlist.path.stat().st_mtime_ns
    assert watchlist.add([entry("j1", 10, label="again"), entry("j1")]) == []
    assert watchlist.load() == [entry("j1", label="restore")]
    assert watchlist.path.stat().st_mtime_ns == before


def test_adding_a_known_job_with_a_label_gives_it_one(watchlist: Watchlist) -> None:
    watchlist.add([entry("j1"), entry("j2")])
    assert watchlist.add([entry("j1", 10, label="scale-in"), entry("j3"), entry("j3", 5)]) == [
        entry("j3")
    ]
    assert watchlist.load() == [entry("j1", label="scale-in"), entry("j2"), entry("j3")]


def test_remove_counts_what_was_there(watchlist: Watchlist) -> None:
    watchlist.add([entry("j1"), entry("j2"), entry("j3")])
    assert watchlist.remove([("p1", "j1"), ("p1", "j3"), ("p1", "nope")]) == 2
    assert watchlist.load() == [entry("j2")]
    assert watchlist.remove([("p1", "nope")]) == 0


def test_update_sets_and_clears_a_label_and_keeps_the_rest(watchlist: Watchlist) -> None:
    watchlist.add([entry("j1"), entry("j2")])
    updated = watchlist.update(("p1", "j2"), label="scale-in")
    assert updated is not None and updated.label == "scale-in"
    assert watchlist.update(("p1", "j2"), region="cn-north-4") is not None
    assert watchlist.load()[1].label == "scale-in"
    assert watchlist.update(("p1", "j2"), label=None) is not None
    assert watchlist.load()[1].label is None and watchlist.load()[1].region == "cn-north-4"
    assert watchlist.update(("p1", "gone"), label="x") is None


def test_writes_merge_with_what_another_process_wrote(tmp_path: Path) -> None:
    mine = Watchlist(tmp_path / "watchlist.toml")
    theirs = Watchlist(tmp_path / "watchlist.toml")
    mine.add([entry("j1")])
    mine.load()
    theirs.add([entry("j2")])
    mine.add([entry("j3")])  # must not drop j2, which `mine` never loaded
    theirs.remove([("p1", "j1")])
    assert [e.job_id for e in mine.load()] == ["j2", "j3"]


def test_a_running_tui_notices_another_process_edit(tmp_path: Path) -> None:
    tui = Watchlist(tmp_path / "watchlist.toml")
    script = Watchlist(tmp_path / "watchlist.toml")
    tui.load()
    assert not tui.changed()
    tui.add([entry("j1")])
    assert not tui.changed(), "our own write is not someone else's change"
    script.add([entry("j2")])
    assert tui.changed()
    assert [e.job_id for e in tui.load()] == ["j1", "j2"]
    assert not tui.changed()


def test_duplicates_written_by_hand_are_merged(copy_data) -> None:  # type: ignore[no-untyped-def]
    watchlist = copy_data("duplicates.toml")
    jobs = watchlist.load()
    assert [e.job_id for e in jobs] == ["j1", "j2"]
    assert jobs[0].added_at == T0 and jobs[0].label == "restore"
    watchlist.add([entry("j9")])
    assert watchlist.path.read_text(encoding="utf-8").count('job_id = "j1"') == 1


def test_a_hand_edited_file_is_read_with_its_offsets(copy_data) -> None:  # type: ignore[no-untyped-def]
    jobs = copy_data("valid.toml").load()
    assert jobs[0].label == "ELB bind, prod" and jobs[0].region == "cn-north-4"
    assert jobs[0].added_at == datetime(2026, 11, 28, 1, 30, tzinfo=timezone.utc)
    assert jobs[0].added_at.utcoffset() == timedelta(hours=8)
    assert jobs[1].added_at == datetime(2026, 11, 28, 10, 0, tzinfo=timezone.utc)
