"""Shared fixtures: where the shared reference lives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def shared_reference() -> Path:
    """The shared/ folder sits beside the checkout, in CI and in sessions alike."""
    override = os.environ.get("JOBTUI_SHARED_DIR")
    base = Path(override) if override else ROOT.parent / "shared"
    return base / "reference"


@pytest.fixture
def reference_dir() -> Path:
    path = shared_reference()
    if not path.is_dir():
        pytest.fail(f"shared reference not found at {path}; set JOBTUI_SHARED_DIR")
    return path
