"""The key of a watched item: a job's, or a cluster's beside it."""

from __future__ import annotations

# (project_id, job_id); a cluster's is (project_id, "cluster:" + cluster_id). A job ID
# never holds ":", so the two never meet, and every job keeps the key it always had.
JobKey = tuple[str, str]
JOB = "job"
CLUSTER = "cluster"
CLUSTER_MARK = CLUSTER + ":"


def cluster_key(project_id: str, cluster_id: str) -> JobKey:
    return (project_id, CLUSTER_MARK + cluster_id)


def is_cluster(key: JobKey) -> bool:
    return key[1].startswith(CLUSTER_MARK)


def item_id(key: JobKey) -> str:
    """The job's or cluster's own ID, as the API and the user know it."""
    return key[1][len(CLUSTER_MARK) :] if is_cluster(key) else key[1]
