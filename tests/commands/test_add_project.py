"""`jobtui add JOB_ID` without a project takes the SDK's project, as the SDK finds it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.commands.conftest import JOB, PROJECT, Run

OTHER = "0" * 31 + "f"


def _watched(jobtui: Run) -> set[tuple[str, str]]:
    return {(j["project_id"], j["job_id"]) for j in json.loads(jobtui("list", "--json").out)}


def test_a_bare_job_goes_to_huaweicloud_sdk_project_id(
    jobtui: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUAWEICLOUD_SDK_PROJECT_ID", PROJECT)
    assert jobtui("add", JOB).code == 0
    assert jobtui("add", "-", stdin=f"{JOB[:-1]}2\n").code == 0
    assert _watched(jobtui) == {(PROJECT, JOB), (PROJECT, JOB[:-1] + "2")}


def test_project_flag_wins_over_the_sdk_project(
    jobtui: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUAWEICLOUD_SDK_PROJECT_ID", PROJECT)
    assert jobtui("add", JOB, "--project", OTHER).code == 0
    assert _watched(jobtui) == {(OTHER, JOB)}


def test_the_credentials_files_project_id_is_the_fallback(jobtui: Run, tmp_path: Path) -> None:
    path = tmp_path / "home" / ".huaweicloud" / "credentials"
    path.parent.mkdir(parents=True)
    path.write_text(f"[basic]\nak = A\nsk = S%%\nproject_id = {PROJECT}\n", encoding="utf-8")
    assert jobtui("add", JOB).code == 0
    assert _watched(jobtui) == {(PROJECT, JOB)}


def test_no_project_anywhere_says_where_one_can_come_from(jobtui: Run) -> None:
    result = jobtui("add", JOB)
    assert result.code != 0 and "HUAWEICLOUD_SDK_PROJECT_ID" in result.err
