"""The demo's clusters: a resize, a creation, a restart that fails, and one at rest."""

from __future__ import annotations

from jobtui.sim.clusters import ClusterStep, ClusterTimeline

# Fixed IDs (UUIDs, as DWS gives clusters), the same on every run.
RESIZE_ID = "6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a01"
CREATE_ID = "6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a02"
RESTART_ID = "6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a03"
IDLE_ID = "6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a04"
REBOOT_FAIL = {"error_code": "DWS.5136", "error_msg": "Node dws-reports-dn-2 did not restart."}
# `jobtui demo` and `--add` watch these; the idle one is left for `jobtui discover`.
DEMO_CLUSTER_LABELS = {RESIZE_ID: "prod-dw 3→6", CREATE_ID: "new analytics", RESTART_ID: ""}


def _resize(start: float) -> dict[str, object]:
    return {"origin_node_num": 3, "target_node_num": 6, "start_time": start}


def demo_clusters(beijing: str) -> tuple[ClusterTimeline, ...]:
    """A resize (GROWING, then REDISTRIBUTING, then NORMAL) and friends, in ~5 minutes."""
    resize = ClusterTimeline(beijing, RESIZE_ID, "dws-prod-dw", (
        ClusterStep(0, "AVAILABLE", "NORMAL", "GROWING", "20%",
                    {"resize_info": {**_resize(0), "resize_status": "GROWING"}}),
        ClusterStep(170, progress="100%"),
        ClusterStep(180, sub_status="REDISTRIBUTING", task="", fields={
            "number_of_node": 6, "resize_info": {**_resize(0), "resize_status": "REDISTRIBUTING"}}),
        ClusterStep(280, sub_status="NORMAL", fields={"resize_info": None}),
    ))  # fmt: skip
    create = ClusterTimeline(beijing, CREATE_ID, "dws-analytics", (
        ClusterStep(0, "CREATING", "", "CREATING_NODE", "5%"),
        ClusterStep(190, progress="100%"),
        ClusterStep(200, "AVAILABLE", "NORMAL", ""),
    ), created=0)  # fmt: skip
    restart = ClusterTimeline(beijing, RESTART_ID, "dws-reports", (
        ClusterStep(0, "AVAILABLE", "NORMAL", "REBOOTING", "0%"),
        ClusterStep(100, progress="60%"),
        ClusterStep(110, sub_status="DEGRADED", task="REBOOT_FAILURE",
                    fields={"failed_reasons": REBOOT_FAIL}),
    ), number_of_node=6)  # fmt: skip
    idle = ClusterTimeline(beijing, IDLE_ID, "dws-archive", (ClusterStep(0),), number_of_node=2)
    return (resize, create, restart, idle)
