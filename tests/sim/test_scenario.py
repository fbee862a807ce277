"""Scenarios move jobs through their statuses on the scenario clock; files are checked."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from jobtui.domain.model import JobRecord, Status
from jobtui.sim import ScenarioError, demo_scenario, hostile_scenario, load_scenario
from jobtui.sim.scenario import scenario_from_dict

START = datetime(2026, 1, 5, 8, 0, 0, tzinfo=timezone.utc)
EXAMPLE = Path(__file__).resolve().parents[2] / "jobtui" / "sim" / "example.toml"


def _record(name: str, t: float) -> JobRecord:
    job = next(j for j in demo_scenario().jobs if j.job_name == name)
    body = job.body_at(t, START)
    assert body is not None
    return JobRecord.from_api(job.project_id, job.job_id, body)


def test_demo_has_a_dozen_jobs_over_three_projects_with_fixed_ids() -> None:
    demo = demo_scenario()
    assert len(demo.jobs) == 12 and len(demo.projects()) == 3
    assert demo.pairs() == demo_scenario().pairs()
    assert len(set(demo.pairs())) == 12


def test_demo_covers_every_status_within_five_minutes() -> None:
    seen = {
        _record(job.job_name or "", t).status
        for job in demo_scenario().jobs
        for t in range(0, 301, 10)
    }
    assert seen == set(Status) - {Status.UNKNOWN}


def test_elb_job_climbs_then_fails_with_its_code() -> None:
    assert _record("ecfClusterElbCreateJob", 0).progress == 2
    assert 2 < (_record("ecfClusterElbCreateJob", 40).progress or 0) < 9
    failed = _record("ecfClusterElbCreateJob", 95)
    assert failed.status is Status.FAIL and failed.progress == 9
    assert failed.failed_code is not None and failed.failed_code.code == "DWS.0114"
    assert failed.end_time == datetime(2026, 1, 5, 8, 1, 30, tzinfo=timezone.utc)


def test_long_runners_began_hours_before_the_start() -> None:
    shrink = _record("shrinkClusterJob", 0)
    assert shrink.begin_time == datetime(2026, 1, 5, 6, 0, tzinfo=timezone.utc)
    assert shrink.end_time is None and not shrink.terminal


def test_job_does_not_exist_before_its_first_step(tmp_path: Path) -> None:
    path = tmp_path / "late.toml"
    path.write_text('[[job]]\nproject_id = "p"\njob_id = "j"\n[[job.step]]\nat = 30\n'
                    'status = "INIT"\n', encoding="utf-8")  # fmt: skip
    job = load_scenario(path).jobs[0]
    assert job.body_at(29, START) is None
    assert job.body_at(30, START) is not None


def test_the_example_file_loads() -> None:
    example = load_scenario(EXAMPLE)
    assert example.name == "example" and len(example.jobs) == 2
    assert [f.kind for f in example.faults] == ["error", "throttle"]


def test_hostile_scenario_keeps_its_text_raw() -> None:
    body = hostile_scenario().jobs[0].body_at(0, START)
    assert body is not None and "\x1b[31m" in body["job_name"] and "[bold]" in body["job_name"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[[job]]\nproject_id = 'p'\njob_id = 'j'\n", "at least one"),
        ("[[job]]\nproject_id = 'p'\njob_id = 'j'\nstatus = 'X'\n", "unknown key 'status'"),
        ("[[job]]\nproject_id='p'\njob_id='j'\n[[job.step]]\nat='soon'\n", "job 1"),
        ("[[fault]]\nkind = 'explode'\n", "unknown fault kind"),
        ("name = 'nothing'\n", "no [[job]]"),
        ("[[job]\n", "bad.toml"),
    ],
)
def test_scenario_file_errors_say_where(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError, match=words.replace("[", r"\[")):
        load_scenario(path)


CLUSTER_TOML = """
[[cluster]]
project_id = "p1"
cluster_id = "c0ffee00-0000-4000-8000-000000000001"
name = "dws-one"
number_of_node = 3

[[cluster.step]]
at = 0
task = "GROWING"
progress = 0
fields = { resize_info = { origin_node_num = 3, target_node_num = 6, start_time = 0 } }

[[cluster.step]]
at = 100
progress = "100%"

[[cluster.step]]
at = 110
task = ""
sub_status = "REDISTRIBUTING"
"""


def test_a_cluster_grows_then_redistributes_as_its_toml_says(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text(CLUSTER_TOML)
    scenario = load_scenario(path)
    cluster = scenario.clusters[0]
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    seen = [cluster.body_at(t, start) for t in (50, 120)]
    assert seen[0] is not None and seen[1] is not None
    assert (seen[0]["task_status"], seen[0]["action_progress"]) == ("GROWING", {"GROWING": "50%"})
    assert seen[0]["resize_info"]["start_time"] == "2026-01-01T00:00:00Z"
    assert (seen[1]["sub_status"], seen[1]["task_status"], seen[1]["action_progress"]) == (
        "REDISTRIBUTING", "", {},
    )  # fmt: skip
    assert scenario.projects() == ["p1"] and scenario.jobs == ()


def test_a_cluster_table_with_a_typo_names_it() -> None:
    bad = {"cluster": [{"project_id": "p", "cluster_id": "c", "stpe": []}]}
    with pytest.raises(ScenarioError) as caught:
        scenario_from_dict(bad, "t.toml")
    assert str(caught.value).startswith("t.toml: cluster 1: unknown key 'stpe'")
