"""The `?` screen: every key, generated from the bindings so it cannot drift."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from jobtui.ui.keys import BUILTIN_KEYS, HELP_BINDINGS, description, help_bindings, keys_for
from jobtui.ui.screens.help_keys import KeyList, Row

TITLE = 'Keys  (remap one in config.toml: under [keys], its id = "other key")'


def help_rows(keymap: dict[str, str], paused: bool = False) -> list[Row]:
    """(keys, what it does now, binding id) for every binding, in the order users meet them.

    "What it does now" as the footer says it: `p` reads Resume while polling is paused.
    """
    bindings = help_bindings()
    return [(short_keys(keys_for(b, keymap)), description(b, paused), b.id or "") for b in bindings]


def short_keys(keys: str) -> str:
    """`ctrl+c, ctrl+q` as `^c ^q`, escape as esc (the footer's way): two columns fit 80."""
    return keys.replace("ctrl+", "^").replace(", ", " ").replace("escape", "esc")


def builtin_keys() -> str:
    """Keys that are not ours but worth knowing, as one sentence under the list."""
    return "; ".join(f"{keys}: {what.lower()}" for keys, what in BUILTIN_KEYS) + "."


class HelpScreen(ModalScreen[None]):
    """Keys, what they do, and the id to remap them by in config.toml."""

    BINDINGS: ClassVar[list[BindingType]] = [*HELP_BINDINGS]

    def __init__(self, keymap: dict[str, str], paused: bool = False) -> None:
        super().__init__()
        self.keymap = keymap
        self.paused = paused

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Static(TITLE, classes="title", markup=False)
            with VerticalScroll(id="help-scroll"):
                yield KeyList(help_rows(self.keymap, self.paused), id="help-keys")
                yield Static(builtin_keys(), classes="hint", markup=False)
            yield Static("Escape, q or ? closes this help.", classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one("#help-scroll", VerticalScroll)
        scroll.scroll_down() if direction == "down" else scroll.scroll_up()
