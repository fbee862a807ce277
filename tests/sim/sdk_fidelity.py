"""Fidelity check: Huawei's own SDK queries the simulator with AK/SK and gets the job back.

Not collected by pytest and not a project dependency. Run it from a throwaway venv:

    python3 -m venv /tmp/sdkvenv && /tmp/sdkvenv/bin/pip install huaweicloudsdkdws
    PYTHONPATH=/work/main /tmp/sdkvenv/bin/python tests/sim/sdk_fidelity.py

It starts the simulator in-process (it only needs the standard library plus
jobtui.api.auth, which imports httpx: install httpx into the throwaway venv too),
with signature checking on, then calls ListJobDetails and a wrong-SK call.
"""

from __future__ import annotations

import sys

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkdws.v2 import DwsClient, ListJobDetailsRequest

from jobtui.sim import Simulator
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
    with Simulator(ak=AK, sk=SK) as sim:
        response = client(sim.url, SK).list_job_details(ListJobDetailsRequest(job_id=JOB))
        print("SDK got:", response.status, response.progress, response.job_name, response.job_id)
        print("signed headers:", sim.requests[-1].headers["Authorization"].split(", ")[1])
        try:
            client(sim.url, "wrong").list_job_details(ListJobDetailsRequest(job_id=JOB))
        except ClientRequestException as exc:
            same_id = exc.request_id == sim.requests[-1].request_id
            print("wrong SK:", exc.status_code, exc.error_code, "request id kept:", same_id)
        ok = response.job_id == JOB and response.job_name == "ecfClusterElbCreateJob"
    print("fidelity:", "OK" if ok else "MISMATCH")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
