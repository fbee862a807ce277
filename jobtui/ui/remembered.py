"""What the UI remembers between runs (sort, filter, theme, layout), as plain data.

The session persists the dict; this module only reads and writes its shape, and
keeps keys it does not know so a newer version's choices survive.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Optional

LAYOUTS = ("right", "bottom")


@dataclass(frozen=True)
class UiPrefs:
    """The remembered choices; defaults for anything missing or malformed."""

    sort_column: Optional[str] = None
    sort_reverse: bool = False
    filter: str = ""
    active_only: bool = False
    theme: str = ""
    detail_layout: str = "right"
    # config.toml's theme when `t` chose `theme`; None in prefs from before `t` cycled.
    theme_for: Optional[str] = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> UiPrefs:
        raw_sort = data.get("sort")
        sort: Mapping[str, Any] = raw_sort if isinstance(raw_sort, Mapping) else {}
        column = sort.get("column")
        layout = data.get("detail_layout")
        return cls(
            sort_column=column if isinstance(column, str) else None,
            sort_reverse=sort.get("reverse") is True,
            filter=_str(data.get("filter")),
            active_only=data.get("active_only") is True,
            theme=_str(data.get("theme")),
            detail_layout=layout if layout in LAYOUTS else "right",
            theme_for=_str(data["theme_for"]) if "theme_for" in data else None,
        )

    def merged_into(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """`data` with our keys replaced and every other key kept."""
        out = dict(data)
        out.update(
            sort={"column": self.sort_column, "reverse": self.sort_reverse},
            filter=self.filter,
            active_only=self.active_only,
            theme=self.theme,
            detail_layout=self.detail_layout,
        )
        if self.theme_for is not None:
            out["theme_for"] = self.theme_for
        return out


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""
