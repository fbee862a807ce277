"""The main screen's remembered choices (sort, filter, layout, theme), shown and saved."""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

from textual.screen import Screen
from textual.widgets import Input

from jobtui.ui.remembered import UiPrefs
from jobtui.ui.screens.main_view import MainView
from jobtui.ui.screens.session_calls import SessionCalls


class ShownPrefs:
    """The choices in effect on the screen; the session persists them (the UI does no I/O)."""

    def __init__(self, screen: Screen[None], view: MainView, calls: SessionCalls) -> None:
        self.screen, self.view, self.calls = screen, view, calls
        self.current = UiPrefs()
        self.stored: dict[str, object] = {}

    def load(self, stored: dict[str, object]) -> None:
        # Read once: later saves merge into this copy instead of re-reading the file.
        self.stored = dict(stored)
        self.apply(UiPrefs.from_dict(self.stored))

    def apply(self, prefs: UiPrefs, save: bool = False) -> None:
        """Show the remembered choices; with `save`, hand them to the session."""
        self.current = prefs
        table = self.view.table
        if (table.sort_column, table.sort_reverse) != (prefs.sort_column, prefs.sort_reverse):
            table.set_sort(prefs.sort_column, prefs.sort_reverse)
        table.set_active_only(prefs.active_only)
        field = self.filter_field
        if field.value != prefs.filter:
            field.value = prefs.filter
        self.show_filter(bool(prefs.filter) or field.has_focus)
        table.set_filter(prefs.filter)
        self.screen.query_one("#body").set_classes(prefs.detail_layout)
        self.view.update_status()
        if save:
            merged = self.stored = prefs.merged_into(self.stored)
            self.calls.run(lambda session: session.save_prefs(merged))

    def remember_sort(self, column: Optional[str], reverse: bool) -> None:
        """Save a sort the table changed (key or mouse click) unless it is the one shown."""
        now = self.current
        if (column, reverse) != (now.sort_column, now.sort_reverse):
            self.apply(replace(now, sort_column=column, sort_reverse=reverse), save=True)

    @property
    def filter_field(self) -> Input:
        return self.screen.query_one("#filter", Input)

    def show_filter(self, shown: bool) -> None:
        self.screen.query_one("#filter-bar").display = shown

    def close_filter(self) -> None:
        """Keep the filter's words (none: hide its bar) and go back to the table."""
        field = self.filter_field
        self.show_filter(bool(field.value))
        self.view.table.focus()
        self.apply(replace(self.current, filter=field.value), save=True)
