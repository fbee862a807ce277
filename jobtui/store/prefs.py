"""The UI's preferences (sort, filter, layout): a small JSON file that jobtui owns alone."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from jobtui.store.atomic import write_atomic

log = logging.getLogger(__name__)
# Ours are two levels deep. Deeper ones are refused as damaged: a nest that json just
# manages to read here may be too deep to write back from a deeper stack in save_prefs.
MAX_DEPTH = 16
# RecursionError: nested thousands deep; MemoryError: far too big to be ours.
_DAMAGED = (ValueError, RecursionError, MemoryError)


def load_prefs(path: Path) -> dict[str, Any]:
    """The saved preferences; {} when there are none or they cannot be read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        return _lost(path, f"cannot be read ({exc.strerror})")
    try:
        data = json.loads(raw.decode("utf-8"))
        if _depth(data) > MAX_DEPTH:
            raise ValueError("nested too deeply")
    except _DAMAGED as exc:
        return _lost(path, f"are damaged ({type(exc).__name__})")
    return data if isinstance(data, dict) else {}


def save_prefs(path: Path, prefs: dict[str, Any]) -> dict[str, Any]:
    """Merge `prefs` over what is saved (keys we do not know are kept) and write it.

    Raises StoreError when the disk refuses; the old file stays as it was.
    """
    merged = {**load_prefs(path), **prefs}
    text = json.dumps(merged, indent=2, sort_keys=True) + "\n"
    write_atomic(path, text.encode("utf-8"), what="preferences", durable=False)
    return merged


def _depth(data: Any) -> int:
    """How deeply lists and objects nest in `data`, without recursing."""
    deepest, level = 0, [(data, 1)]
    while level:
        value, depth = level.pop()
        if isinstance(value, (list, dict)):
            deepest = max(deepest, depth)
            items = value.values() if isinstance(value, dict) else value
            level.extend((item, depth + 1) for item in items)
    return deepest


def _lost(path: Path, why: str) -> dict[str, Any]:
    log.warning("the preferences in %s %s; using the defaults", path, why)
    return {}
