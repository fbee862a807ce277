"""The README's key table names every binding id, so docs and keys cannot drift."""

from __future__ import annotations

from jobtui.ui.keys import all_bindings
from tests.conftest import ROOT


def test_readme_lists_every_binding_id() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [b.id for b in all_bindings() if f"`{b.id}`" not in readme]
    assert missing == []
