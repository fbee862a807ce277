"""Turn what a user pastes into the add dialog into (project, job) pairs.

Accepts `project/job`, several such lines, or the JSON answer of a DWS call that
carries `job_id` (then the project comes from the dialog's project field).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Optional

from jobtui.model import validate_id

_SPLIT = re.compile(r"[\s/,;]+")


@dataclass(frozen=True)
class Pasted:
    """One job found in pasted text; `project_id` is None when the paste had none."""

    project_id: Optional[str]
    job_id: str


def parse_paste(text: str) -> list[Pasted]:
    """Every job in the pasted text, in order, without duplicates; [] when none."""
    found = _from_json(text)
    if found is None:
        found = [p for line in text.splitlines() if (p := _from_line(line)) is not None]
    unique: dict[tuple[Optional[str], str], Pasted] = {}
    for item in found:
        unique.setdefault((item.project_id, item.job_id), item)
    return list(unique.values())


def _from_json(text: str) -> Optional[list[Pasted]]:
    if not text.lstrip().startswith(("{", "[")):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    items = data if isinstance(data, list) else [data]
    return [p for item in items if (p := _from_object(item)) is not None]


def _from_object(item: Any) -> Optional[Pasted]:
    if not isinstance(item, dict) or not _valid(item.get("job_id")):
        return None
    project = item.get("project_id")
    return Pasted(project if _valid(project) else None, item["job_id"])


def _from_line(line: str) -> Optional[Pasted]:
    parts = [p for p in _SPLIT.split(line.strip()) if p]
    if len(parts) >= 3 and parts[-2] == "job":  # an API path: /v1.0/{project}/job/{job}
        parts = [parts[-3], parts[-1]]
    if len(parts) >= 2 and _valid(parts[-2]) and _valid(parts[-1]):
        return Pasted(parts[-2], parts[-1])
    if len(parts) == 1 and _valid(parts[0]):
        return Pasted(None, parts[0])
    return None


def _valid(value: object) -> bool:
    try:
        validate_id(value, "ID")  # type: ignore[arg-type]
    except ValueError:
        return False
    return True
