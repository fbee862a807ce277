"""An in-memory stand-in for the connections, for poller tests that need no HTTP."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import timezone

from jobtui.domain.errors import ApiError, ErrorInfo
from jobtui.domain.model import JobRecord, Status
from jobtui.domain.state import WatchEntry
from jobtui.polling.connections import Route


@dataclass
class FakeJobs:
    """Answers every job as RUNNING (or what `answers` says); counts and times the calls."""

    answers: dict[str, object] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)
    in_flight: int = 0
    most_in_flight: int = 0

    def route(self, entry: WatchEntry) -> Route:
        return Route("https://dws.example", "AK test", None, timezone.utc)

    def client(self, route: Route) -> FakeJobs:
        return self

    def reload(self) -> None:
        """Nothing to read again."""

    async def get_job(self, project_id: str, job_id: str) -> JobRecord:
        self.calls.append(job_id)
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            for _ in range(3):  # let the other workers run while this one waits
                await asyncio.sleep(0)
        finally:
            self.in_flight -= 1
        answer = self.answers.get(job_id, "RUNNING")
        if isinstance(answer, ErrorInfo):
            raise ApiError(answer)
        return JobRecord(project_id, job_id, Status.parse(answer), status_raw=str(answer))
