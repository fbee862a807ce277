"""Project IDs IAM named for (credential, region), kept in the state dir as the SDK keeps
them in memory: one lookup per key and region, not one per `jobtui add`.

The key is a hash of the AK with the region; no secret is stored.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Optional

from jobtui.store.atomic import write_atomic


def _key(ak: str, region: str) -> str:
    return hashlib.sha256(ak.encode("utf-8")).hexdigest()[:16] + ":" + region


def cached_project(path: Path, ak: str, region: str) -> Optional[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    found = data.get(_key(ak, region)) if isinstance(data, dict) else None
    return found if isinstance(found, str) else None


def remember_project(path: Path, ak: str, region: str, project_id: str) -> None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    data = data if isinstance(data, dict) else {}
    data[_key(ak, region)] = project_id
    text = json.dumps(data, indent=1).encode("utf-8")
    write_atomic(path, text, what="project cache", durable=False)
