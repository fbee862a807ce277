"""The ID tails the tables show (…e0001) work as input: remove, wait and status take them."""

from __future__ import annotations

import pytest

from jobtui.commands.lookup import find
from jobtui.domain.errors import UsageError
from jobtui.domain.state import CLUSTER, WatchEntry
from tests.commands.conftest import PROJECT, Run
from tests.ui.table.job_rows import NOW

A = "2c9080e8845b207101845b245e1e0001"
B = "2c9080e8845b207101845b245e1f0001"
C = "6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a01"
WATCHED = [
    WatchEntry(PROJECT, A, NOW),
    WatchEntry(PROJECT, B, NOW),
    WatchEntry(PROJECT, C, NOW, kind=CLUSTER),
]


@pytest.mark.parametrize("spec", ["…e0001", "...e0001", "e0001", "5e1e0001"])
def test_a_shown_tail_names_the_one_watched_id_ending_so(spec: str) -> None:
    found = find(spec, WATCHED)
    assert found is not None and found.job_id == A


def test_a_cluster_is_found_by_its_tail_too() -> None:
    found = find("…3a01", WATCHED)
    assert found is not None and found.is_cluster and found.job_id == C


def test_a_tail_two_ids_end_in_asks_for_more_of_it() -> None:
    with pytest.raises(UsageError, match=r"2 watched IDs end in 0001 \(.*\); give more of it"):
        find("…0001", WATCHED)


def test_an_ellipsis_tail_nothing_ends_in_says_where_to_look() -> None:
    with pytest.raises(
        UsageError, match="No watched job or cluster ID ends in 9999; 'jobtui list'"
    ):
        find("…9999", WATCHED)
    assert find("9999", WATCHED) is None  # a bare ID: "not watched", as before


def test_a_tail_is_checked_like_an_id() -> None:
    with pytest.raises(UsageError, match="characters outside"):
        find("…0001;rm", WATCHED)


def test_remove_takes_the_tail_list_shows(jobtui: Run) -> None:
    assert jobtui("add", PROJECT, A).code == 0
    assert jobtui("add", "--cluster", PROJECT, C).code == 0
    removed = jobtui("remove", "…e0001", "…3a01")
    assert removed.code == 0, removed.err
    assert removed.out.splitlines() == [
        f"no longer watching: {PROJECT}/{A}",
        f"no longer watching: cluster {PROJECT}/{C}",
    ]
    assert A not in jobtui("list").out


def test_wait_and_status_resolve_a_tail_to_the_watched_entry() -> None:
    from jobtui.commands.lookup import resolve

    assert [e.key for e in resolve(["…e0001", "…3a01"], WATCHED, now=NOW)] == [
        WATCHED[0].key,
        WATCHED[2].key,
    ]


@pytest.mark.parametrize("spec", ["…3a01", "...3a01", "3a01", C, f"{PROJECT}/{C}"])
def test_wait_cluster_takes_what_the_table_shows_of_a_watched_cluster(spec: str) -> None:
    from jobtui.commands.lookup import resolve_clusters

    assert [e.key for e in resolve_clusters([spec], WATCHED, now=NOW)] == [WATCHED[2].key]


def test_wait_cluster_says_cluster_when_it_cannot_use_an_id(jobtui: Run) -> None:
    unknown = jobtui("wait", "--cluster", "6f1c2b9e-0000-4e5f-8a7b-9c0d1e2f3a09")
    assert unknown.code == 2
    assert "Cluster 6f1c2b9e-0000-4e5f-8a7b-9c0d1e2f3a09 is not watched" in unknown.err
    assert "PROJECT_ID CLUSTER_ID" in unknown.err
    bad = jobtui("wait", "--cluster", "…3a01;rm")
    assert bad.code == 2 and "cluster ID '3a01;rm'" in bad.err, bad.err
