"""`python -m jobtui`: the same as the `jobtui` command."""

from __future__ import annotations

from jobtui.cli import run

if __name__ == "__main__":
    run()
