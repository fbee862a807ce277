"""Fidelity check: Huawei's own SDK queries the simulator with AK/SK and gets the job back.

Not collected by pytest and not a project dependency. Run it from a throwaway venv:

    python3 -m venv /tmp/dws-sdk-venv
    /tmp/dws-sdk-venv/bin/pip install huaweicloudsdkdws==3.1.219 httpx
    PYTHONPATH=. /tmp/dws-sdk-venv/bin/python tests/sim/sdk_fidelity.py

`tests/sim/test_sdk_fidelity.py` runs it so when /tmp/dws-sdk-venv exists.

It starts the simulator in-process (it only needs the standard library plus
jobtui.api.auth, which imports httpx: install httpx into the throwaway venv too),
with signature checking on, then calls ListJobDetails, a wrong-SK call, and
ListClusterDetails and ListClusters over the demo's clusters mid-resize.
"""

from __future__ import annotations

import sys

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkdws.v2 import (
    DwsClient,
    ListClusterDetailsRequest,
    ListClustersRequest,
    ListJobDetailsRequest,
)

from jobtui.sim import ManualClock, Simulator
from jobtui.sim.demo_clusters import RESIZE_ID, RESTART_ID
from jobtui.sim.demo_scenario import PROJECT_BEIJING

AK, SK = "SIMULATORAK0000000001", "simulator-secret-key"
JOB = "2c9080e88459fa44018459fbeb600001"


def client(url: str, sk: str) -> DwsClient:
    config = HttpConfig.get_default_config()
    config.ignore_ssl_verification = True  # plain http anyway; no certificate involved
    return (
        DwsClient.new_builder()
        .with_http_config(config)
        .with_credentials(BasicCredentials(AK, sk, PROJECT_BEIJING))
        .with_endpoints([url])
        .build()
    )


def main() -> int:
    with Simulator(ak=AK, sk=SK, clock=ManualClock()) as sim:
        response = client(sim.url, SK).list_job_details(ListJobDetailsRequest(job_id=JOB))
        print("SDK got:", response.status, response.progress, response.job_name, response.job_id)
        print("signed headers:", sim.requests[-1].headers["Authorization"].split(", ")[1])
        try:
            client(sim.url, "wrong").list_job_details(ListJobDetailsRequest(job_id=JOB))
        except ClientRequestException as exc:
            same_id = exc.request_id == sim.requests[-1].request_id
            print("wrong SK:", exc.status_code, exc.error_code, "request id kept:", same_id)
        ok = response.job_id == JOB and response.job_name == "ecfClusterElbCreateJob"
        ok = clusters(client(sim.url, SK), sim) and ok
    print("fidelity:", "OK" if ok else "MISMATCH")
    return 0 if ok else 1


def clusters(sdk: DwsClient, sim: Simulator) -> bool:
    """The SDK's models read the simulator's cluster answers, every field in place."""
    sim.advance(120)
    detail = sdk.list_cluster_details(ListClusterDetailsRequest(cluster_id=RESIZE_ID)).cluster
    info = detail.resize_info
    print(
        "SDK cluster:",
        detail.name,
        detail.status,
        detail.task_status,
        detail.action_progress,
        info.origin_node_num,
        "->",
        info.target_node_num,
        info.resize_status,
        detail.created,
    )
    listed = sdk.list_clusters(ListClustersRequest())
    failed = next(c for c in listed.clusters if c.id == RESTART_ID)
    print(
        "SDK list:",
        listed.count,
        "clusters;",
        failed.name,
        failed.task_status,
        failed.failed_reasons.error_code,
        failed.failed_reasons.error_msg,
    )
    return (
        detail.id == RESIZE_ID and detail.action_progress == {"GROWING": "76%"}
        and (info.origin_node_num, info.target_node_num) == (3, 6)
        and detail.number_of_node == 3 and detail.created.endswith("Z")
        and listed.count == len(listed.clusters) == 4
        and failed.task_status == "REBOOT_FAILURE"
        and failed.failed_reasons.error_code == "DWS.5136"
    )  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
