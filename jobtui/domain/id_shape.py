"""Whether an ID looks like one DWS hands out: said as a warning, never a refusal.

Project IDs are 32 hex characters; job IDs usually are too, and some start with a
letter before the 32 (an official example has 33 and starts with "g"). An ID of
another shape may still be right for a private deployment, so it is added anyway and
the service decides; the user is only told what a DWS ID looks like.
"""

from __future__ import annotations

import re
from typing import Optional

PROJECT_SHAPE = re.compile(r"^[0-9a-fA-F]{32}$")
JOB_SHAPE = re.compile(r"^[A-Za-z]?[0-9a-fA-F]{32}$")
PROJECT_EXAMPLE = "05f2cff45100d5112f4bc00b794ea08e"
JOB_EXAMPLE = "2c9080e8845b207101845b245e1e0001"
# Cluster IDs are UUIDs, as ListClusters and the console show them.
CLUSTER_SHAPE = re.compile(r"^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$")
CLUSTER_EXAMPLE = "6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a01"
ADDED_ANYWAY = "watching it anyway: the service decides"


def _warning(value: str, shape: re.Pattern[str], what: str, looks: str) -> Optional[str]:
    if shape.match(value):
        return None
    return f"{what} ID {value} does not look like a DWS {what} ID ({looks})"


def project_warning(project_id: str) -> Optional[str]:
    """A sentence when `project_id` is not 32 hex characters, else None."""
    looks = f"32 hex characters, e.g. {PROJECT_EXAMPLE}"
    return _warning(project_id, PROJECT_SHAPE, "project", looks)


def job_warning(job_id: str) -> Optional[str]:
    """A sentence when `job_id` is not 32 hex characters (or a letter and 32), else None."""
    looks = f"32 hex characters, sometimes after one letter, e.g. {JOB_EXAMPLE}"
    return _warning(job_id, JOB_SHAPE, "job", looks)


def cluster_warning(cluster_id: str) -> Optional[str]:
    """A sentence when `cluster_id` is not a UUID, else None."""
    looks = f"a UUID, e.g. {CLUSTER_EXAMPLE}"
    return _warning(cluster_id, CLUSTER_SHAPE, "cluster", looks)


def shape_warnings(project_id: str, item_id: str, *, cluster: bool = False) -> list[str]:
    """Both sentences that apply, project first."""
    second = cluster_warning(item_id) if cluster else job_warning(item_id)
    found = [project_warning(project_id), second]
    return [sentence for sentence in found if sentence is not None]
