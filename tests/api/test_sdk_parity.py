"""Parity with huaweicloudsdkcore 3.1.219's own provider chain over the same environment
and files: the same AK, SK and project, or both refusing.

Needs the official SDK in a throwaway venv (not a project dependency; skipped without):

    python3 -m venv /tmp/sdkcore-venv
    /tmp/sdkcore-venv/bin/pip install huaweicloudsdkcore==3.1.219
    .venv/bin/python -m pytest tests/api/test_sdk_parity.py

JOBTUI_SDK_PYTHON names another interpreter that has the SDK.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path
from typing import Any, Optional

import pytest

from jobtui.api.credentials import find_credentials
from jobtui.api.iam_projects import project_for_region
from jobtui.domain.errors import ConfigError, UsageError
from tests.api.fake_cloud import FakeCloud, fake_cloud, key

SDK_PYTHON = Path(os.environ.get("JOBTUI_SDK_PYTHON", "/tmp/sdkcore-venv/bin/python"))
ORACLE = Path(__file__).with_name("sdk_chain_oracle.py")
pytestmark = pytest.mark.skipif(
    not SDK_PYTHON.is_file(), reason=f"no huaweicloudsdkcore venv at {SDK_PYTHON}"
)
P = "0123456789abcdef0123456789abcdef"


def sdk_says(env: dict[str, str]) -> dict[str, Any]:
    keep = {k: os.environ[k] for k in ("PATH", "LANG") if k in os.environ}
    full = {**keep, **env, "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1"}
    run = subprocess.run(
        [str(SDK_PYTHON), str(ORACLE)], env=full, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr[-2000:]
    answer: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    return answer


def jobtui_says(env: dict[str, str], home: Path, ecs: bool = True) -> dict[str, Any]:
    try:
        creds = find_credentials(env, home, ecs=ecs)
    except ConfigError as exc:
        return {"federated": True} if "not support" in str(exc) else {"error": str(exc)}
    if creds.kind == "ecs" and creds.agency is not None:
        got = creds.agency.get()
        ak: Optional[str] = got.ak
        sk = got.sk
    else:
        ak, sk = creds.ak, creds.sk or ""
    digest = hashlib.sha256(sk.encode()).hexdigest()
    return {"ak": ak, "project_id": creds.project_id, "sk_sha256": digest}


def _file(home: Path, text: str) -> None:
    path = home / ".huaweicloud" / "credentials"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


CASES = {
    "environment": ({"HUAWEICLOUD_SDK_AK": "AKENV", "HUAWEICLOUD_SDK_SK": "s%k",
                     "HUAWEICLOUD_SDK_PROJECT_ID": P}, "[basic]\nak = AKFILE\nsk = x\n"),
    "half env falls to the file": ({"HUAWEICLOUD_SDK_AK": "AKENV"},
                                   f"[basic]\nak = AKFILE\nsk = a%%b\nproject_id = {P}\n"),
    "interpolation": ({}, "[DEFAULT]\nbase = AKBASE\n[basic]\nak = %(base)s\nsk = 100%%\n"),
    "keys in any case": ({}, "[basic]\nAK = AKCASE\nSK = s\nProject_Id = " + P + "\n"),
    "federated file": ({}, "[basic]\nak = A\nsk = S\nidp_id = i\nid_token_file = /t\n"),
    "federated env": ({"HUAWEICLOUD_SDK_IDP_ID": "i", "HUAWEICLOUD_SDK_ID_TOKEN_FILE": "/t",
                       "HUAWEICLOUD_SDK_AK": "A", "HUAWEICLOUD_SDK_SK": "S"}, None),
    "ecs agency": ({}, None),
    "oidc": ({"HUAWEICLOUD_OIDC_PROVIDER_URN": "urn:p", "HUAWEICLOUD_OIDC_AGENCY_URN": "urn:a",
              "HUAWEICLOUD_OIDC_ID_TOKEN": "t", "HUAWEICLOUD_SDK_AK": "A",
              "HUAWEICLOUD_SDK_SK": "S"}, None),
    "pod identity": ({"HC_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:9/pod",
                      "HC_CONTAINER_AUTHORIZATION_TOKEN_FILE": "/t"}, None),
}  # fmt: skip
# Cases on a machine without an agency: the metadata service answers 404 (the SDK goes
# on to pod identity; with no service at all its chain stops at a ConnectionError), and
# jobtui is not opted in to it.
NOT_ON_ECS = {"pod identity"}


@pytest.mark.parametrize("case", sorted(CASES))
def test_jobtui_resolves_what_the_sdk_resolves(case: str, tmp_path: Path) -> None:
    env, text = CASES[case]
    home = tmp_path / "home"
    home.mkdir()
    if text is not None:
        _file(home, text)
    ecs = case not in NOT_ON_ECS
    metadata = FakeCloud(keys=[key("AKAGENCY")]) if ecs else FakeCloud(key_status=404)
    with fake_cloud(metadata) as cloud:
        full = {**env, "HOME": str(home), "JOBTUI_METADATA_URL": cloud.url}
        assert jobtui_says(full, home, ecs) == sdk_says(full)


@pytest.mark.parametrize("found", [[P], [], [P, P[::-1]]], ids=["one", "none", "several"])
def test_the_project_iam_names_for_a_region_is_the_sdks(found: list[str], tmp_path: Path) -> None:
    # `jobtui add JOB --region R` without a project asks IAM as the SDK does.
    with fake_cloud(FakeCloud(projects={"cn-north-4": found})) as cloud:
        env = {"HUAWEICLOUD_SDK_AK": "AKIAM", "HUAWEICLOUD_SDK_SK": "s",
               "HUAWEICLOUD_SDK_IAM_ENDPOINT": cloud.url, "HOME": str(tmp_path)}  # fmt: skip
        sdk = sdk_says({**env, "ORACLE_REGION": "cn-north-4"})
        try:
            creds = find_credentials(env, tmp_path)
            mine: dict[str, Any] = {"project_id": project_for_region(creds, "cn-north-4", env)}
        except UsageError as exc:
            mine = {"error": str(exc)}
    expected = found[0] if len(found) == 1 else "error"
    assert sdk.get("project_id", "error") == expected == mine.get("project_id", "error")
    assert len(cloud.paths("/v3/projects")) == 2  # one each, nothing cached between them
    if len(found) > 1:
        assert "several projects named cn-north-4" in mine["error"]
    elif not found:
        assert "knows no project named cn-north-4" in mine["error"]


def test_a_lone_percent_is_refused_by_both(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _file(home, "[basic]\nak = AKFILE\nsk = 100%\n")
    assert "error" in sdk_says({"HOME": str(home)})
    with pytest.raises(ConfigError, match="'%%'"):
        find_credentials({}, home)
