"""Built-in scenarios: a realistic demo, and a hostile one for the UI's literal-text tests."""

from __future__ import annotations

from typing import Any

from jobtui.sim.demo_clusters import demo_clusters
from jobtui.sim.scenario import JobTimeline, Scenario, Step

# Fixed IDs, the same on every run, so a user can keep them in a watchlist.
PROJECT_BEIJING = "05f2cff45100d5112f4bc00b794ea08e"
PROJECT_SINGAPORE = "7b1e0c2a9d4f4e6b8a3c5d7e9f1a2b3c"
PROJECT_EUROPE = "a4c3e8f1b2d94a7e8c6b5f0d3e2a1c9b"
ELB_FAIL = ("CreateELBTask-fail:DWS.0114", "DWS.0114:ELB private IP is not configured.")
TZ_FAIL = (
    "UpdateTimeZoneTask-fail:DWS.6103",
    "DWS.6103:The cluster is not in the Available state; retry when it is.",
)


# Watchlist labels `jobtui demo` gives some jobs (labels live in the watchlist, not the
# API), so the label column shows; the rest stay unlabelled, as most real jobs are.
DEMO_LABELS = {
    "2c9080e88459fa44018459fbeb600001": "prod-dw ELB",
    "2c9080e8845b207101845b245e1e0001": "prod-dw shrink",
    "2c9080e8845b207101845b245e1e0002": "nightly restore",
    "8a8a8a8a9c1e22f1019c1e3b5d7f0012": "sg upgrade 9.1",
    "ff8080818c2a4e5b018c2a6f7a9b0021": "eu tz change",
}


def _job(project: str, job_id: str, name: str, *steps: Step, **extra: Any) -> JobTimeline:
    return JobTimeline(project, job_id, name, steps, **extra)


def _failed(at: float, progress: str, failure: tuple[str, str]) -> Step:
    fields = {"failed_code": failure[0], "failed_detail": failure[1]}
    return Step(at, "FAIL", progress, fields)


def demo_scenario() -> Scenario:
    """A dozen jobs over three projects moving through every status in about five minutes."""
    b, s, e = PROJECT_BEIJING, PROJECT_SINGAPORE, PROJECT_EUROPE
    jobs = (
        _job(b, "2c9080e88459fa44018459fbeb600001", "ecfClusterElbCreateJob",
             Step(0, "RUNNING", "2%"), Step(75, None, "9%"), _failed(90, "9%", ELB_FAIL)),
        _job(b, "2c9080e8845b207101845b245e1e0001", "shrinkClusterJob",
             Step(0, "RUNNING", "41%"), Step(1800, "RUNNING", "96%"), begin=-7200),
        _job(b, "2c9080e8845b207101845b245e1e0002", "restoreClusterFromSnapshotJob",
             Step(0, "INIT", ""), Step(20, "WAITING", ""), Step(40, "RUNNING", "0%"),
             Step(240, "SUCCESS", "100%")),
        _job(b, "2c9080e8845b207101845b245e1e0003", "startClusterJob",
             Step(0, "RUNNING", "30%"), Step(60, "SUCCESS", "100%"), begin=-45),
        _job(b, "2c9080e8845b207101845b245e1e0004", "stopClusterJob",
             Step(0, "RUNNING", "10%"), Step(150, "STOP", "55%")),
        _job(s, "8a8a8a8a9c1e22f1019c1e3b5d7f0010", "expandClusterPrepareJob",
             Step(0, "DELAY_SCHEDULED", ""), Step(600, "RUNNING", "0%"), region="ap-southeast-1"),
        _job(s, "8a8a8a8a9c1e22f1019c1e3b5d7f0011", "addCoordinatorNodeJob",
             Step(0, "WAITING", ""), Step(30, "RUNNING", "5%"), Step(200, "SUCCESS", "100%"),
             region="ap-southeast-1"),
        _job(s, "8a8a8a8a9c1e22f1019c1e3b5d7f0012", "upgradeClusterJob",
             Step(0, "RUNNING", "62%"), Step(3600, "RUNNING", "80%"), begin=-18000,
             region="ap-southeast-1"),
        _job(s, "8a8a8a8a9c1e22f1019c1e3b5d7f0013", "deleteSnapshotJob",
             Step(-600, "RUNNING", "0%"), Step(-540, "SUCCESS", "100%"), region="ap-southeast-1"),
        _job(e, "ff8080818c2a4e5b018c2a6f7a9b0021", "changeClusterTimezoneJob",
             Step(0, "RUNNING", "20%"), Step(170, None, "64%"), _failed(180, "64%", TZ_FAIL),
             region="eu-west-101"),
        _job(e, "ff8080818c2a4e5b018c2a6f7a9b0022", "createExtDataSourceJob",
             Step(0, "INIT", ""), Step(15, "RUNNING", "0%"), Step(120, "SUCCESS", "100%"),
             region="eu-west-101"),
        _job(e, "g6aa82ba1fc9748389b613e8da13e2fe9", "encryptClusterJob",
             Step(0, "RUNNING", "0%"), Step(300, "SUCCESS", "100%"), region="eu-west-101"),
    )  # fmt: skip
    return Scenario(jobs, name="demo", clusters=demo_clusters(b))


HOSTILE_PROJECT = "0badc0de0badc0de0badc0de0badc0de"
HOSTILE_TEXT = (
    "[bold]x[/] [/] \x1b[31mred\x1b[0m \x1b]0;pwned\x07 tab\there\r\nnew\x00nul \u202erev"
)


def hostile_scenario() -> Scenario:
    """Jobs whose server text looks like markup, escapes and control characters."""
    p = HOSTILE_PROJECT
    jobs = (
        _job(p, "0badc0de000000000000000000000001", HOSTILE_TEXT,
             Step(0, "RUNNING", "[b]9%[/b]")),
        _job(p, "0badc0de000000000000000000000002", "[link=https://evil.example]click[/link]",
             Step(0, "FAIL", "9%", {"failed_code": "[red]Task-fail:DWS.0114[/]",
                                     "failed_detail": HOSTILE_TEXT * 3})),
        _job(p, "0badc0de000000000000000000000003", "x" * 300,
             Step(0, "[blink]PAUSED\x1b[5m[/]", "150%")),
    )  # fmt: skip
    return Scenario(jobs, name="hostile")


BUILTIN = {"demo": demo_scenario, "hostile": hostile_scenario}
