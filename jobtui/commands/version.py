"""What `jobtui --version` prints: the installed package's version, never a copy in code."""

from __future__ import annotations

import platform
from importlib import metadata


def version_line() -> str:
    """`jobtui 0.1.0 (Python 3.9.18)`; an editable install has metadata too."""
    try:
        version = metadata.version("jobtui")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        version = "unknown (not installed; pip install -e . gives it one)"
    return f"jobtui {version} (Python {platform.python_version()})"
