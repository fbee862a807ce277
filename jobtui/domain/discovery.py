"""What `discover` does with a project's clusters: watch those with an operation running."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Optional

from jobtui.domain.cluster import ClusterRecord
from jobtui.domain.cluster_phase import Phase
from jobtui.domain.state import CLUSTER, WatchEntry


def busy_entries(
    clusters: Iterable[ClusterRecord], at: datetime, region: Optional[str] = None
) -> list[WatchEntry]:
    """Watchlist entries for the clusters whose operation is running now."""
    return [
        WatchEntry(c.project_id, c.cluster_id, at, region=region, kind=CLUSTER)
        for c in clusters
        if c.phase is Phase.RUNNING
    ]
