"""The `?` screen: every key, generated from the bindings so it cannot drift."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from jobtui.ui.keys import APP_BINDINGS, BUILTIN_KEYS, MAIN_BINDINGS, keys_for


def help_rows(keymap: dict[str, str]) -> list[tuple[str, str, str]]:
    """(keys, what it does, binding id) for every key, in the order users meet them."""
    rows = [(keys_for(b, keymap), b.description, b.id or "") for b in MAIN_BINDINGS]
    rows += [(keys_for(b, keymap), b.description, b.id or "") for b in APP_BINDINGS]
    return rows + [(keys, what, "") for keys, what in BUILTIN_KEYS]


class HelpScreen(ModalScreen[None]):
    """Keys, what they do, and the id to remap them by in config.toml."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "app.pop_screen", "Close", id="help_close")
    ]

    def __init__(self, keymap: dict[str, str]) -> None:
        super().__init__()
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            title = 'Keys  (remap one in config.toml: under [keys], its id = "other key")'
            yield Static(title, classes="title", markup=False)
            yield DataTable(show_cursor=False, zebra_stripes=True, id="help-keys")
            yield Static("Escape, q or ? closes this help.", classes="hint", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("key", "action", "id")
        for keys, what, binding_id in help_rows(self.keymap):
            # Text cells: DataTable parses str cells as markup, and "[keys]" is not markup.
            table.add_row(Text(keys), Text(what), Text(binding_id))
