"""The main screen: what it composes, what its keys do, and where poller events go.

Collaborators: `MainView` keeps the jobs and repaints them, `EventRouter` handles each
poller event, `Inbox` queues events from any thread, `WatchlistKeys` asks and words
the watchlist edits. The screen reaches the app only through `Host`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, BindingType
from textual.containers import Container, Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from jobtui.ui import clipboard, render, toasts
from jobtui.ui.host import Host
from jobtui.ui.keys import MAIN_BINDINGS, description
from jobtui.ui.screens.discover_key import DiscoverKey
from jobtui.ui.screens.inbox import Inbox, PollerNews
from jobtui.ui.screens.main_events import EventRouter
from jobtui.ui.screens.main_prefs import ShownPrefs
from jobtui.ui.screens.main_view import MainView
from jobtui.ui.screens.session_calls import SessionCalls
from jobtui.ui.screens.watchlist_keys import WatchlistKeys
from jobtui.ui.table import messages as table_messages
from jobtui.ui.table.column_layout import hidden_sort_sentence
from jobtui.ui.table.job_table import JobTable
from jobtui.ui.widgets.banner import Banner
from jobtui.ui.widgets.detail import JobDetail
from jobtui.ui.widgets.empty_state import EmptyState
from jobtui.ui.widgets.status_bar import StatusBar


class MainScreen(Screen[None]):
    """Everything a user watches; key actions call the session in a worker, never blocking."""

    BINDINGS: ClassVar[list[BindingType]] = [*MAIN_BINDINGS]

    def __init__(self, tui: Host) -> None:
        super().__init__()
        self.tui = tui
        self.view = MainView(self, tui)
        self.router = EventRouter(self, self.view, tui)
        self.inbox = Inbox(lambda: self.post_message(PollerNews()))
        self.calls = SessionCalls(self, tui)
        self.prefs = ShownPrefs(self, self.view, self.calls)
        self.watchlist = WatchlistKeys(self, self.view, tui, self.calls)
        self.discovery = DiscoverKey(self, self.view, self.calls)

    def compose(self) -> ComposeResult:
        options, zone, now = self.tui.options, self.tui.zone, self.tui.now
        yield Banner(zone=zone, now=now, id="banner")
        with Container(id="body", classes="right"):
            yield JobTable(
                id="jobs",
                animations=options.animations,
                glyphs=render.glyphs_for(whole_cells=not options.smooth_bars),
                seconds_clock=options.seconds_clock,
                zone=zone,
                now=now,
            )
            yield EmptyState(id="empty")
            yield JobDetail(zone=zone, seconds=options.seconds_clock, id="detail")
        # "/" before the words, as in less, k9s and htop: a kept filter reads as one.
        with Horizontal(id="filter-bar"):
            yield Static("/", id="filter-prompt", markup=False)
            yield Input(placeholder="words in name, label, IDs, status, failure", id="filter")
        yield StatusBar(zone=zone, id="status")
        yield Footer(compact=True)  # "? Help" and "q Quit" must fit at 80 columns

    @property
    def table(self) -> JobTable:
        return self.view.table

    @property
    def detail(self) -> JobDetail:
        return self.view.detail

    def on_mount(self) -> None:
        self.tui.session.subscribe(self.inbox.put)
        self.prefs.load(self.tui.session.prefs())
        self.view.reload_jobs()
        self.table.focus()
        # Ages and elapsed times move on a coarse tick: nothing redraws every second
        # unless the user asked for a seconds clock (see the bastion-host budgets).
        self.set_interval(1 if self.tui.options.seconds_clock else 60, self.tick)

    def tick(self) -> None:
        self.table.tick(self.tui.now())
        self.view.update_detail()

    def on_poller_news(self, _message: PollerNews) -> None:
        for event in self.inbox.drain():
            self.router.handle(event)

    def on_resize(self, event: events.Resize) -> None:
        # At 80 columns the palette hint would push "q Quit" and "? Help" off the footer.
        footer, wide = self.query_one(Footer), event.size.width >= 100
        if footer.show_command_palette != wide:
            footer.show_command_palette = wide
            footer.refresh(recompose=True)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The footer's keys; while paused, the pause key reads "Resume"."""
        bindings, paused = super().active_bindings, bool(self.tui.session.paused)
        for key, active in bindings.items():
            words = description(active.binding, paused)
            if words != active.binding.description:
                now = replace(active.binding, description=words)
                bindings[key] = active._replace(binding=now)
        return bindings

    def place_toasts(self) -> None:
        right = bool(self.detail.display) and self.prefs.current.detail_layout == "right"
        toasts.place(self, self.table.cursor_row_line(), self.table.size.height, right)

    # The table.
    @on(JobTable.Selected)
    def _highlighted(self) -> None:
        self.view.update_detail()
        self.place_toasts()

    @on(JobTable.SortChanged)
    def _sort_changed(self, event: table_messages.SortChanged) -> None:
        self.prefs.remember_sort(event.column, event.reverse)
        if event.hidden is not None:
            self.app.notify(hidden_sort_sentence(event.hidden), markup=False, timeout=5)

    @on(JobTable.Activated)
    def _selected(self) -> None:
        self.action_open_detail()

    # Moving and the detail pane.
    def action_cursor_down(self) -> None:
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.table.action_cursor_up()

    def action_open_detail(self) -> None:
        """Open the pane and give it the keys, so the arrows scroll the failure text."""
        self.show_detail()
        self.detail.focus()

    def show_detail(self) -> None:
        self.detail.display = True
        self.view.update_detail()
        self.place_toasts()

    def action_close_detail(self) -> None:
        # From the pane, Escape hands the keys back to the table; from the table it
        # closes the pane. In the filter, or with nothing else open, it drops the
        # filter (k9s, htop); Enter keeps it.
        field = self.query_one("#filter", Input)
        if self.detail.display and self.detail.has_focus:
            self.table.focus()
        elif self.detail.display and not field.has_focus:
            self.detail.display = False
            self.table.focus()
            self.place_toasts()
        elif field.has_focus or field.value:
            field.value = ""
            self.prefs.close_filter()

    def action_toggle_layout(self) -> None:
        layout = "bottom" if self.prefs.current.detail_layout == "right" else "right"
        self.prefs.apply(replace(self.prefs.current, detail_layout=layout), save=True)
        self.show_detail()

    # The watchlist: asked and worded by `WatchlistKeys`.
    def action_add(self) -> None:
        self.watchlist.add()

    def action_remove(self) -> None:
        self.watchlist.remove()

    def action_prune(self) -> None:
        self.watchlist.prune()

    def action_discover(self) -> None:
        self.discovery.discover()

    def action_refresh(self) -> None:
        self.watchlist.refresh()

    def action_refresh_all(self) -> None:
        self.watchlist.refresh_all()

    def action_toggle_pause(self) -> None:
        self.watchlist.toggle_pause()

    # Filter and sort, remembered through the session.
    def action_filter(self) -> None:
        self.prefs.show_filter(True)
        self.prefs.filter_field.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.table.set_filter(event.value)
        self.view.update_status()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.prefs.close_filter()

    def action_toggle_active_only(self) -> None:
        flag = not self.prefs.current.active_only
        self.prefs.apply(replace(self.prefs.current, active_only=flag), save=True)
        self.app.notify("Active jobs only." if flag else "All jobs.", markup=False, timeout=2)

    def action_cycle_sort(self) -> None:
        # The table says SortChanged; `_sort_changed` remembers it (mouse clicks too).
        self.table.cycle_sort()

    def action_reverse_sort(self) -> None:
        self.table.reverse_sort()

    # Copying, through OSC 52.
    def action_copy_id(self) -> None:
        job = self.view.job_to_act_on()
        if job is not None:
            what = "the cluster ID" if job.entry.is_cluster else "the job ID"
            clipboard.copy(self.app, job.entry.job_id, what)

    def action_copy_detail(self) -> None:
        job = self.view.job_to_act_on()
        if job is not None:
            clipboard.copy(self.app, clipboard.failure_text(job), "failure detail")

    def action_copy_json(self) -> None:
        job = self.view.job_to_act_on()
        if job is not None:
            clipboard.copy(self.app, clipboard.record_json(job), "the record as JSON")
