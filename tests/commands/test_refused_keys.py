"""`status` and `wait` with a key the gateway refused: one request per probe period, in all.

Each run is a separate `main()` that shares only jobtui's files, as separate processes do.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest

from jobtui.sim.scenario import scenario_from_dict
from jobtui.sim.server import Simulator
from tests.commands.conftest import PROJECT, RUNNING, SCENARIO, Run

AK, RIGHT, WRONG = "AKCLITEST", "right-secret-abcdef", "wrong-secret-abcdef"


@pytest.fixture
def gateway(monkeypatch: pytest.MonkeyPatch) -> Iterator[Simulator]:
    """A simulator that checks signatures; the environment holds the wrong SK."""
    monkeypatch.setenv("HUAWEICLOUD_SDK_AK", AK)
    monkeypatch.setenv("HUAWEICLOUD_SDK_SK", WRONG)
    with Simulator(scenario_from_dict(SCENARIO), ak=AK, sk=RIGHT) as sim:
        yield sim


def test_two_status_runs_send_one_refused_signature_in_all(
    jobtui: Run, gateway: Simulator, tmp_path: object
) -> None:
    jobtui("add", PROJECT, RUNNING)
    first = jobtui("status", "--endpoint", gateway.url)
    assert first.code == 1 and gateway.count() == 1
    assert "next try at" in first.err and "JOBTUI_RETRY_REFUSED=1" in first.err
    second = jobtui("status", "--json", "--endpoint", gateway.url)
    assert second.code == 1 and gateway.count() == 1
    [job] = json.loads(second.out)
    # Not asked this run: the job keeps its own last answer (the first run's refusal).
    assert job["error"]["kind"] == "auth" and job["error"]["request_id"]
    assert f"AK {AK} was refused at" in second.err and "JOBTUI_RETRY_REFUSED=1" in second.err
    assert WRONG not in first.out + first.err + second.out + second.err


def test_a_fixed_sk_is_tried_at_once(
    jobtui: Run, gateway: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobtui("add", PROJECT, RUNNING)
    jobtui("status", "--endpoint", gateway.url)
    monkeypatch.setenv("HUAWEICLOUD_SDK_SK", RIGHT)
    fixed = jobtui("status", "--endpoint", gateway.url)
    assert fixed.code == 0 and gateway.count() == 2 and "RUNNING" in fixed.out


def test_a_fixed_credentials_file_is_tried_at_once(
    jobtui: Run, gateway: Simulator, monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    from pathlib import Path

    monkeypatch.delenv("HUAWEICLOUD_SDK_AK")
    monkeypatch.delenv("HUAWEICLOUD_SDK_SK")
    file = Path(str(tmp_path)) / "home" / ".huaweicloud" / "credentials"
    file.parent.mkdir(parents=True)
    file.write_text(f"[basic]\nak = {AK}\nsk = {WRONG}\n")
    file.chmod(0o600)
    jobtui("add", PROJECT, RUNNING)
    assert jobtui("status", "--endpoint", gateway.url).code == 1
    assert jobtui("status", "--endpoint", gateway.url).code == 1
    assert gateway.count() == 1
    file.write_text(f"[basic]\nak = {AK}\nsk = {RIGHT}\n")
    assert jobtui("status", "--endpoint", gateway.url).code == 0
    assert gateway.count() == 2


def test_wait_reports_the_recorded_refusal_with_exit_4_and_no_request(
    jobtui: Run, gateway: Simulator
) -> None:
    jobtui("add", PROJECT, RUNNING)
    jobtui("status", "--endpoint", gateway.url)
    result = jobtui("wait", RUNNING, "--interval", "0.02", "--endpoint", gateway.url)
    assert result.code == 4 and gateway.count() == 1
    assert "cannot query" in result.err and "next try at" in result.err
    assert "JOBTUI_RETRY_REFUSED=1" in result.err


def test_the_record_s_time_passed_or_forced_the_key_is_tried_again(
    jobtui: Run, gateway: Simulator, monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    from pathlib import Path

    jobtui("add", PROJECT, RUNNING)
    jobtui("status", "--endpoint", gateway.url)
    monkeypatch.setenv("JOBTUI_RETRY_REFUSED", "1")
    forced = jobtui("status", "--endpoint", gateway.url)
    assert forced.code == 1 and gateway.count() == 2 and "JOBTUI_RETRY_REFUSED" not in forced.err
    monkeypatch.delenv("JOBTUI_RETRY_REFUSED")
    # Three minutes later (the record says so): one probe again.
    record = Path(str(tmp_path)) / "refused.json"
    data = json.loads(record.read_text())
    past = (datetime.now(timezone.utc) - timedelta(seconds=5)).isoformat()
    data["refused"][0]["retry_at"] = past
    record.write_text(json.dumps(data))
    assert jobtui("status", "--endpoint", gateway.url).code == 1
    assert gateway.count() == 3
    assert jobtui("status", "--endpoint", gateway.url).code == 1
    assert gateway.count() == 3
