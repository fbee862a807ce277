"""`jobtui add JOB_ID` without a project takes the SDK's project, as the SDK finds it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.fake_cloud import FakeCloud, fake_cloud
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


@pytest.fixture
def iam(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeCloud]:
    with fake_cloud() as cloud:
        monkeypatch.setenv("HUAWEICLOUD_SDK_IAM_ENDPOINT", cloud.url)
        monkeypatch.setenv("HUAWEICLOUD_SDK_AK", "AKIAMLOOKUP")
        monkeypatch.setenv("HUAWEICLOUD_SDK_SK", "iam-secret")
        yield cloud


def test_region_without_project_asks_iam_once_and_remembers(jobtui: Run, iam: FakeCloud) -> None:
    iam.projects["ap-southeast-1"] = [PROJECT]
    assert jobtui("add", JOB, "--region", "ap-southeast-1").code == 0
    assert jobtui("add", JOB[:-1] + "2", "--region", "ap-southeast-1").code == 0
    assert {p for p, _ in _watched(jobtui)} == {PROJECT}
    [asked] = iam.paths("/v3/projects")
    assert asked.path == "/v3/projects?name=ap-southeast-1"
    assert "Access=AKIAMLOOKUP," in asked.headers["Authorization"]


@pytest.mark.parametrize(
    ("found", "said"),
    [([], "knows no project named ap-southeast-1"),
     ([PROJECT, OTHER], f"several projects named ap-southeast-1: {PROJECT}, {OTHER}")],
)  # fmt: skip
def test_none_or_several_projects_are_said(
    jobtui: Run, iam: FakeCloud, found: list[str], said: str
) -> None:
    iam.projects["ap-southeast-1"] = found
    result = jobtui("add", JOB, "--region", "ap-southeast-1")
    assert result.code != 0 and said in result.err and "iam-secret" not in result.err
    assert _watched(jobtui) == set()
