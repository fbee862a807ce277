"""Every key binding, each with an id so `[keys]` in config.toml can remap it.

The help screen and the command palette are generated from these lists, so they
cannot drift from what the keys do. No destructive action sits on a Ctrl key.
"""

from __future__ import annotations

from textual.binding import Binding

# App-wide: work on every screen.
APP_BINDINGS: list[Binding] = [
    Binding("q", "quit", "Quit", id="quit"),
    # Textual 8 does not quit on Ctrl+C; monitor users (htop, k9s) expect it to.
    Binding("ctrl+c,ctrl+q", "quit", "Quit", show=False, priority=True, id="quit_ctrl"),
    Binding("question_mark", "help", "Help", key_display="?", id="help"),
    Binding("t", "toggle_theme", "Next theme", show=False, id="toggle_theme"),
]

# The main screen: the table of jobs and its detail pane.
MAIN_BINDINGS: list[Binding] = [
    Binding("j", "cursor_down", "Down", show=False, id="cursor_down"),
    Binding("k", "cursor_up", "Up", show=False, id="cursor_up"),
    Binding("enter", "open_detail", "Detail", id="open_detail"),
    Binding("escape", "close_detail", "Close detail/filter", show=False, id="close_detail"),
    Binding("v", "toggle_layout", "Detail beside/below", show=False, id="toggle_layout"),
    Binding("a", "add", "Add", id="add"),
    Binding("d", "remove", "Remove", id="remove"),
    Binding("x", "prune", "Prune finished", show=False, id="prune"),
    Binding("f", "discover", "Find clusters", show=False, id="discover"),
    Binding("r", "refresh", "Refresh", id="refresh"),
    Binding("R", "refresh_all", "Refresh all", show=False, id="refresh_all"),
    Binding("p", "toggle_pause", "Pause", id="toggle_pause"),
    Binding("slash", "filter", "Filter", key_display="/", id="filter"),
    Binding("o", "toggle_active_only", "Active only", id="active_only"),
    Binding("s", "cycle_sort", "Sort", id="cycle_sort"),
    Binding("S", "reverse_sort", "Reverse sort", show=False, id="reverse_sort"),
    Binding("c", "copy_id", "Copy ID", show=False, id="copy_id"),
    Binding("C", "copy_detail", "Copy failure", show=False, id="copy_detail"),
    Binding("y", "copy_json", "Copy JSON", show=False, id="copy_json"),
]

# The table's own keys (it has focus). First and last are in the help; the rest are
# the arrows and pages the help's last lines name, or repeat j, k and Enter above.
TABLE_BINDINGS: list[Binding] = [
    Binding("down,j", "cursor_down", "Down", show=False, id="table.cursor_down"),
    Binding("up,k", "cursor_up", "Up", show=False, id="table.cursor_up"),
    Binding("pagedown", "page_down", "Page down", show=False, id="table.page_down"),
    Binding("pageup", "page_up", "Page up", show=False, id="table.page_up"),
    Binding("g,home", "first", "First job", show=False, id="table.first"),
    Binding("G,end", "last", "Last job", show=False, id="table.last"),
    Binding("enter", "activate", "Details", show=False, id="table.activate"),
]
IN_HELP = ("table.first", "table.last")

# The help screen's own keys; not listed in it (its last line says how to close it).
HELP_BINDINGS: list[Binding] = [
    Binding("escape,q,question_mark", "app.pop_screen", "Close", id="help_close"),
    # A terminal shorter than 24 rows scrolls the list, with the table's keys.
    Binding("j", "scroll('down')", "Scroll down", show=False, id="help_scroll_down"),
    Binding("k", "scroll('up')", "Scroll up", show=False, id="help_scroll_up"),
]

# While polling is paused the pause key resumes it: footer and palette say so.
PAUSED_DESCRIPTIONS = {"toggle_pause": "Resume"}

# Not bindings of ours but keys users should know about.
# Short words, so key, action and id columns fit the help at 80 columns.
BUILTIN_KEYS: list[tuple[str, str]] = [
    ("↑ ↓ PgUp PgDn Home End", "Move in the table"),
    ("ctrl+p", "Every action by name"),
    ("tab, shift+tab", "Next/previous pane"),
    ("↑ ↓ j k g G in the detail pane", "Scroll it (after Enter or Tab)"),
]


def all_bindings() -> list[Binding]:
    """Every binding with an id, app-wide first."""
    return [*APP_BINDINGS, *MAIN_BINDINGS, *TABLE_BINDINGS, *HELP_BINDINGS]


def help_bindings() -> list[Binding]:
    """The bindings `?` lists, in the order users meet them: moving first."""
    ends = [b for b in TABLE_BINDINGS if b.id in IN_HELP]
    return [*MAIN_BINDINGS[:2], *ends, *MAIN_BINDINGS[2:], *APP_BINDINGS]


def description(binding: Binding, paused: bool) -> str:
    """What pressing the binding does now, in the footer's and the palette's words."""
    if paused:
        return PAUSED_DESCRIPTIONS.get(binding.id or "", binding.description)
    return binding.description


def keys_for(binding: Binding, keymap: dict[str, str]) -> str:
    """The keys a binding answers to once the user's keymap is applied, for display."""
    keys = keymap.get(binding.id or "", binding.key)
    if keymap.get(binding.id or "") is None and binding.key_display:
        return binding.key_display
    return ", ".join(_pretty(k) for k in keys.split(","))


def _pretty(key: str) -> str:
    key = key.strip()
    return {"question_mark": "?", "slash": "/"}.get(key, key)
