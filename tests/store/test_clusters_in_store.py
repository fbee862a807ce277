"""Clusters live in the watchlist and the state cache beside jobs; old files still load."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

from jobtui.domain.cluster import ClusterRecord
from jobtui.domain.errors import ConfigError
from jobtui.domain.state import CLUSTER, JobState, WatchEntry, cluster_key
from jobtui.store.state_cache import StateCache
from jobtui.store.watchlist import Watchlist

BEFORE = Path(__file__).parent.parent / "data" / "before_clusters"
T0 = datetime(2026, 1, 1, 9, tzinfo=timezone.utc)
PID = "0123456789abcdef0123456789abcdef"
CID = "4b3a1c2d-0000-4000-8000-1234567890ab"
JOB_A = "ff8080817b6f3d4e017b9a5e0c5a0123"


def test_files_written_before_clusters_load_unchanged(tmp_path: Path) -> None:
    for name in ("watchlist.toml", "state.json"):
        shutil.copyfile(BEFORE / name, tmp_path / name)
    entries = Watchlist(tmp_path / "watchlist.toml").load()
    assert [(e.key, e.kind, e.label) for e in entries] == [
        ((PID, JOB_A), "job", "ELB bind"),
        ((PID, "ff8080817b6f3d4e017b9a5e0c5a0456"), "job", None),
    ]
    states = StateCache(tmp_path / "state.json").load()
    done = states[(PID, JOB_A)]
    assert done.record is not None and done.record.status_text == "SUCCESS"
    assert done.cluster is None and [t.status for t in done.transitions] == ["RUNNING", "SUCCESS"]


def test_a_cluster_is_kept_beside_jobs_and_only_then_is_the_file_version_2(
    tmp_path: Path,
) -> None:
    path = tmp_path / "watchlist.toml"
    shutil.copyfile(BEFORE / "watchlist.toml", path)
    watchlist = Watchlist(path)
    watchlist.update((PID, JOB_A), label="renamed")
    assert "version = 1" in path.read_text()
    added = watchlist.add([WatchEntry(PID, CID, T0, label="prod", kind=CLUSTER)])
    assert [e.key for e in added] == [cluster_key(PID, CID)]
    text = path.read_text()
    assert (
        "version = 2" in text
        and f'[[clusters]]\nproject_id = "{PID}"\ncluster_id = "{CID}"' in text
    )
    again = Watchlist(path).load()
    assert [e.kind for e in again] == ["job", "job", "cluster"]
    assert Watchlist(path).remove([cluster_key(PID, CID)]) == 1
    assert "version = 1" in path.read_text() and "clusters" not in path.read_text()


def test_a_job_and_a_cluster_with_the_same_id_are_two_items(tmp_path: Path) -> None:
    watchlist = Watchlist(tmp_path / "watchlist.toml")
    watchlist.add([WatchEntry(PID, CID, T0), WatchEntry(PID, CID, T0, kind=CLUSTER)])
    assert len(Watchlist(watchlist.path).load()) == 2


def test_a_broken_cluster_table_names_its_line_and_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text(
        f'version = 2\n\n[[clusters]]\nproject_id = "{PID}"\ncluster_id = "a/b"\n'
        "added_at = 2026-01-01T09:00:00Z\n"
    )
    before = path.read_bytes()
    with pytest.raises(ConfigError) as caught:
        Watchlist(path).add([WatchEntry(PID, JOB_A, T0)])
    assert ":5:" in str(caught.value) and "cluster 1: cluster ID" in str(caught.value)
    assert path.read_bytes() == before


def test_a_cluster_state_survives_the_cache(tmp_path: Path) -> None:
    record = ClusterRecord.from_api(PID, CID, {"status": "AVAILABLE", "task_status": "GROWING"})
    state = JobState(cluster_key(PID, CID)).with_cluster(record, T0)
    cache = StateCache(tmp_path / "state.json")
    cache.save({state.key: state})
    loaded = cache.load()[state.key]
    assert loaded.cluster == record and loaded.stale
