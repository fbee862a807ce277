"""Credentials over plain http: a token only to this machine; AK/SK with a warning."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from jobtui.api.auth import TokenAuth
from jobtui.api.client import DwsClient
from jobtui.api.endpoints import is_loopback
from jobtui.domain.errors import UsageError
from jobtui.domain.state import WatchEntry
from jobtui.polling.connections import Connections
from jobtui.sim.demo_scenario import PROJECT_BEIJING
from jobtui.store.config import ProjectSettings, Settings
from tests.api.helpers import ELB_JOB

ENTRY = WatchEntry("a" * 32, "c" * 32, datetime(2024, 1, 1, tzinfo=timezone.utc))
AKSK = {"HUAWEICLOUD_SDK_AK": "EXAMPLEAK", "HUAWEICLOUD_SDK_SK": "EXAMPLESECRETSK"}


@pytest.mark.parametrize("endpoint", ["http://10.0.0.7:8080", "http://dws.corp.example"])
def test_a_client_refuses_to_send_a_token_in_clear_text(endpoint: str) -> None:
    with pytest.raises(UsageError, match=r"over plain http.*use an https:// endpoint"):
        DwsClient(endpoint, TokenAuth("secret-token"))


async def test_a_token_to_loopback_over_http_is_fine(sim_factory) -> None:  # type: ignore[no-untyped-def]
    sim = sim_factory(token="t0ken")
    async with DwsClient(sim.url.replace("127.0.0.1", "localhost"), TokenAuth("t0ken")) as api:
        assert (await api.get_job(PROJECT_BEIJING, ELB_JOB)).job_id == ELB_JOB


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("[::1]", True),
     ("localhost", True), ("LOCALHOST.", True), ("10.0.0.1", False), ("128.0.0.1", False),
     ("localhost.evil.example", False), ("dws.example.com", False), ("::2", False)],
)  # fmt: skip
def test_loopback_is_127_8_and_1_and_localhost(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_routing_a_token_to_plain_http_elsewhere_is_that_jobs_error(tmp_path: Path) -> None:
    settings = Settings(projects={ENTRY.project_id: ProjectSettings(credentials="token")})
    conns = Connections(
        settings, endpoint="http://dws.corp.example", env={"JOBTUI_AUTH_TOKEN": "tok"},
        home=tmp_path,
    )  # fmt: skip
    with pytest.raises(UsageError, match="https://"):
        conns.route(ENTRY)


async def test_aksk_to_plain_http_elsewhere_is_one_warning_for_the_monitor(tmp_path: Path) -> None:
    endpoint = "http://dws.corp.example"
    async with Connections(Settings(), endpoint=endpoint, env=AKSK, home=tmp_path) as conns:
        assert conns.exposed() == []
        conns.warm_up([ENTRY, ENTRY])  # what the monitor does before it asks for warnings
        [warning] = conns.exposed()
    assert "http://dws.corp.example go over plain http" in warning
    assert "EXAMPLESECRETSK" not in warning


@pytest.mark.parametrize("endpoint", ["https://dws.corp.example", "http://127.0.0.1:9"])
def test_https_or_loopback_brings_no_warning(tmp_path: Path, endpoint: str) -> None:
    conns = Connections(Settings(), endpoint=endpoint, env=AKSK, home=tmp_path)
    assert conns.clear_text_warnings([ENTRY]) == []


def test_a_malformed_endpoint_flag_is_refused_at_once(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"Endpoint 'http://\[::1'.*closing"):
        Connections(Settings(), endpoint="http://[::1", env={}, home=tmp_path)
