"""The UI's preferences (sort, filter, layout): a small JSON file that jobtui owns alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jobtui.store.atomic import write_atomic


def load_prefs(path: Path) -> dict[str, Any]:
    """The saved preferences; {} when there are none or they cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_prefs(path: Path, prefs: dict[str, Any]) -> dict[str, Any]:
    """Merge `prefs` over what is saved (keys we do not know are kept) and write it.

    Raises StoreError when the disk refuses; the old file stays as it was.
    """
    merged = {**load_prefs(path), **prefs}
    text = json.dumps(merged, indent=2, sort_keys=True) + "\n"
    write_atomic(path, text.encode("utf-8"), what="preferences", durable=False)
    return merged
