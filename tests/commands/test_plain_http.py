"""Credentials over plain http to another machine: a token refused, AK/SK warned about."""

from __future__ import annotations

import json

import pytest

from jobtui.sim.server import Simulator
from tests.commands.conftest import PROJECT, RUNNING, Run

# Never resolved: requests for it go through the proxy below (the simulator).
REMOTE = "http://dws.corp.example:8080"


def _through_proxy(monkeypatch: pytest.MonkeyPatch, sim: Simulator) -> None:
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", sim.url)


def test_a_token_is_never_sent_over_plain_http_to_another_host(
    jobtui: Run, cli_sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    _through_proxy(monkeypatch, cli_sim)
    monkeypatch.setenv("JOBTUI_AUTH_TOKEN", "secret-token-123")
    jobtui("add", PROJECT, RUNNING)
    result = jobtui("--endpoint", REMOTE, "status", "--json")
    assert result.code == 1 and cli_sim.count() == 0
    [job] = json.loads(result.out)
    assert "over plain http" in job["error"]["message"] and "https://" in job["error"]["message"]
    assert "secret-token-123" not in result.out + result.err


def test_signed_requests_over_plain_http_are_warned_about(
    jobtui: Run, cli_sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    _through_proxy(monkeypatch, cli_sim)
    monkeypatch.setenv("HUAWEICLOUD_SDK_AK", "EXAMPLEAK")
    monkeypatch.setenv("HUAWEICLOUD_SDK_SK", "EXAMPLESECRETSK")
    jobtui("add", PROJECT, RUNNING)
    result = jobtui("--endpoint", REMOTE, "status")
    assert result.code == 0 and cli_sim.count() == 1
    assert f"warning: requests to {REMOTE} go over plain http" in result.err
    assert "use an https:// endpoint" in result.err and "EXAMPLESECRETSK" not in result.err


def test_plain_http_to_loopback_is_neither_refused_nor_warned_about(
    jobtui: Run, cli_sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOBTUI_AUTH_TOKEN", "secret-token-123")
    jobtui("add", PROJECT, RUNNING)
    result = jobtui("--endpoint", cli_sim.url.replace("127.0.0.1", "localhost"), "status")
    assert result.code == 0 and "plain http" not in result.err
