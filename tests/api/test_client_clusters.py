"""Clusters over real HTTP: one cluster, the project's list, typed errors, safe IDs."""

from __future__ import annotations

from typing import Callable

import pytest

from jobtui.api.auth import AkSkAuth
from jobtui.api.client import DwsClient
from jobtui.domain.cluster_phase import Phase
from jobtui.domain.errors import ApiError, UsageError
from jobtui.sim import Simulator
from jobtui.sim.demo_clusters import IDLE_ID, RESIZE_ID, RESTART_ID
from jobtui.sim.demo_scenario import PROJECT_BEIJING, PROJECT_EUROPE
from tests.api.test_client_ids import HOSTILE

AK, SK = "SIMULATORAK0000000001", "simulator-secret-key"


async def test_a_resize_is_read_through_a_signed_request(
    sim_factory: Callable[..., Simulator],
) -> None:
    sim = sim_factory(ak=AK, sk=SK)
    async with DwsClient(sim.url, AkSkAuth(AK, SK)) as api:
        growing = await api.get_cluster(PROJECT_BEIJING, RESIZE_ID)
        sim.advance(185)
        redistributing = await api.get_cluster(PROJECT_BEIJING, RESIZE_ID)
    assert (growing.name, growing.task, growing.progress) == ("dws-prod-dw", "GROWING", 20.0)
    assert growing.resize_info is not None and growing.resize_info.target_node_num == "6"
    assert growing.request_id == sim.requests[0].request_id
    assert redistributing.status_text == "AVAILABLE/REDISTRIBUTING"
    assert redistributing.phase is Phase.RUNNING and redistributing.number_of_node == "6"
    assert [r.path for r in sim.requests] == [f"/v1.0/{PROJECT_BEIJING}/clusters/{RESIZE_ID}"] * 2


async def test_the_list_is_one_request_for_the_whole_project(sim: Simulator) -> None:
    sim.advance(120)
    async with DwsClient(sim.url) as api:
        clusters = await api.list_clusters(PROJECT_BEIJING)
        assert await api.list_clusters(PROJECT_EUROPE) == []
    doing = {c.cluster_id: (c.phase, c.failure) for c in clusters}
    assert doing[IDLE_ID] == (Phase.DONE, None)
    assert doing[RESTART_ID] == (
        Phase.FAILED,
        "REBOOT_FAILURE — DWS.5136: Node dws-reports-dn-2 did not restart.",
    )
    assert len(clusters) == 4 and len(sim.requests) == 2


async def test_an_unknown_cluster_is_not_found_and_says_so(sim: Simulator) -> None:
    async with DwsClient(sim.url) as api:
        with pytest.raises(ApiError) as caught:
            await api.get_cluster(PROJECT_BEIJING, "00000000-0000-4000-8000-000000000000")
    info = caught.value.info
    assert info.kind == "not_found"
    assert info.message.startswith("Cluster 00000000-0000-4000-8000-000000000000 was not found")
    assert "check the cluster ID" in info.message


@pytest.mark.parametrize(
    ("fault", "kind"),
    [("error", "server"), ("throttle", "throttled"), ("html", "proxy"), ("malformed", "bad_body")],
)
async def test_faults_reach_clusters_as_typed_errors(sim: Simulator, fault: str, kind: str) -> None:
    sim.set_fault(fault, job_id=RESIZE_ID)
    async with DwsClient(sim.url) as api:
        with pytest.raises(ApiError) as caught:
            await api.get_cluster(PROJECT_BEIJING, RESIZE_ID)
        assert (await api.get_cluster(PROJECT_BEIJING, IDLE_ID)).name == "dws-archive"
    assert caught.value.info.kind == kind


async def test_a_job_shaped_answer_is_a_bad_record(sim: Simulator) -> None:
    sim.set_fault("wrong_types", job_id=RESIZE_ID)
    async with DwsClient(sim.url) as api:
        with pytest.raises(ApiError) as caught:
            await api.get_cluster(PROJECT_BEIJING, RESIZE_ID)
    assert caught.value.info.kind == "bad_record"
    assert f"answered for cluster {RESIZE_ID} but its status is 3" in str(caught.value)


@pytest.mark.parametrize("bad", HOSTILE[:8])
async def test_unsafe_cluster_ids_are_refused_before_any_request(sim: Simulator, bad: str) -> None:
    async with DwsClient(sim.url) as api:
        with pytest.raises(UsageError) as caught:
            await api.get_cluster(PROJECT_BEIJING, bad)
        with pytest.raises(UsageError):
            await api.list_clusters(bad)
    assert "cluster ID" in str(caught.value) and sim.requests == []
