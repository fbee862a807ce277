"""Huawei's own SDK reads the simulator's job and cluster answers (when it is installed).

The SDK is a test oracle, never a dependency: it lives in a throwaway venv
(/tmp/dws-sdk-venv, or JOBTUI_SDK_PYTHON), and this test skips without it.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

SDK_PYTHON = Path(os.environ.get("JOBTUI_SDK_PYTHON", "/tmp/dws-sdk-venv/bin/python"))


def _sdk_ready() -> bool:
    if not SDK_PYTHON.exists():
        return False
    probe = [str(SDK_PYTHON), "-c", "import httpx, huaweicloudsdkdws"]
    return subprocess.run(probe, capture_output=True, timeout=60).returncode == 0


@pytest.mark.skipif(not _sdk_ready(), reason="no venv with huaweicloudsdkdws and httpx")
def test_the_official_sdk_parses_jobs_and_clusters_from_the_simulator() -> None:
    script = ROOT / "tests" / "sim" / "sdk_fidelity.py"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [str(SDK_PYTHON), str(script)], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.stdout.splitlines()[-1] == "fidelity: OK", done.stdout + done.stderr
    assert "SDK list: 4 clusters; dws-reports REBOOT_FAILURE DWS.5136" in done.stdout
