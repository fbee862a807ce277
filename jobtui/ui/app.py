"""The Textual app: wires a Session to the screens. `run_app` is what the CLI calls."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timezone, tzinfo
from functools import partial
from typing import Any, Callable, ClassVar, Optional

from textual import events
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.filter import LineFilter
from textual.screen import Screen

from jobtui.store.config import Settings
from jobtui.ui import themes, toasts
from jobtui.ui.keys import APP_BINDINGS, MAIN_BINDINGS, description, keys_for
from jobtui.ui.mono import Colourless
from jobtui.ui.options import UiOptions
from jobtui.ui.remembered import UiPrefs
from jobtui.ui.screens.main import MainScreen
from jobtui.ui.session_api import SessionLike
from jobtui.ui.terminal_guard import TerminalGuard, install_terminal_guard

# Quitting waits this long for the session to save and close (the SIGHUP budget is 2 s).
STOP_TIMEOUT = 1.5


class JobtuiApp(App[int]):
    """Draws the session's jobs and posts the user's actions to it; no I/O of its own."""

    CSS_PATH = "app.tcss"
    TITLE = "jobtui"
    BINDINGS: ClassVar[list[BindingType]] = [*APP_BINDINGS]

    def __init__(
        self,
        session: SessionLike,
        options: UiOptions,
        *,
        clock: Optional[Callable[[], datetime]] = None,
        zone: Optional[tzinfo] = None,
        title: Optional[str] = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.options = options
        self.zone = zone
        self._clock = clock or (lambda: datetime.now(timezone.utc))
        self._stopped = False
        self._colourless = (Colourless(),)
        self._last_key: Optional[events.Key] = None
        self.guard: Optional[TerminalGuard] = None
        if title:
            self.title = title
        if not options.animations:
            self.animation_level = "none"
        # Before the first stylesheet parse: a theme set once mounted re-parses all CSS,
        # about 60 ms of start-up.
        self.theme = self._initial_theme()

    def get_line_filters(self) -> Sequence[LineFilter]:
        # NO_COLOR: ours instead of Textual's greyscale, which drew black on black.
        return self._colourless if self.no_color else super().get_line_filters()

    def notify(self, message: str, **kwargs: Any) -> None:
        super().notify(message, **kwargs)
        self.call_later(self._place_toasts)  # after Textual has added it

    def _place_toasts(self) -> None:
        toasts.cap(self)
        if self.is_screen_installed("main"):
            self.main.place_toasts()

    def now(self) -> datetime:
        return self._clock()

    async def on_event(self, event: events.Event) -> None:
        # Every key reaches the app first (and again if it bubbles back up unhandled):
        # the session holds new requests briefly, so the key's answer paints first.
        if isinstance(event, events.Key) and event is not self._last_key:
            self._last_key = event
            self.session.note_input()
        await super().on_event(event)

    @property
    def main(self) -> MainScreen:
        return self.get_screen("main")  # type: ignore[return-value]

    async def on_mount(self) -> None:
        self.set_keymap(dict(self.options.keymap))
        self.install_screen(MainScreen(self), "main")
        # The screen subscribes when it mounts: start the session only after that,
        # or its first events would have nobody to hear them.
        await self.push_screen("main")
        # Signals and a hung-up terminal (SSH dropped) end the app cleanly; no-op in tests.
        self.guard = install_terminal_guard(self)
        # The cached picture is painted first; polling (and importing httpx) comes after.
        self.call_after_refresh(self._start_session)

    def _start_session(self) -> None:
        if self._stopped:  # quit before the first paint: nothing to start
            return
        self.run_worker(self.session.start(), group="session", exit_on_error=False)

    def _initial_theme(self) -> str:
        prefs = UiPrefs.from_dict(self.session.prefs())
        wanted = themes.initial(prefs.theme or None, self.options.theme, prefs.theme_for)
        return wanted if wanted in self.available_themes else themes.TERMINAL[0]

    async def on_unmount(self) -> None:
        if self.guard is not None:
            self.guard.stop()
        await self.stop_session()

    async def stop_session(self) -> None:
        """Stop polling and save; a session that hangs (dead network) must not keep us."""
        if not self._stopped:
            self._stopped = True
            try:
                await asyncio.wait_for(self.session.stop(), STOP_TIMEOUT)
            except asyncio.TimeoutError:
                self.log.warning("session did not stop in time; leaving anyway")

    async def action_quit(self) -> None:
        await self.stop_session()
        self.exit(0)

    def action_help(self) -> None:
        # Dialogs are imported when first opened: start-up pays only for the main screen.
        from jobtui.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(dict(self.options.keymap), bool(self.session.paused)))

    def action_toggle_theme(self) -> None:
        configured = self.options.theme
        self.theme = themes.following(self.theme, configured)
        prefs = self.main.prefs
        prefs.apply(replace(prefs.current, theme=self.theme, theme_for=configured), save=True)
        self.notify(themes.announcement(self.theme, configured), markup=False, timeout=3)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette offers every action of ours, by the words the footer uses."""
        yield from super().get_system_commands(screen)
        # Asked each time the palette opens or its query changes: "Resume" stays current.
        paused = bool(self.session.paused)
        for binding in MAIN_BINDINGS:
            run = partial(self.run_action, binding.action, self.main)
            keys = keys_for(binding, dict(self.options.keymap))
            yield SystemCommand(description(binding, paused), f"key: {keys}", run)
        yield SystemCommand("Next theme", "key: t", self.action_toggle_theme)


def build_app(
    session: SessionLike, settings: Optional[Settings] = None, **kwargs: Any
) -> JobtuiApp:
    """The app as `run_app` runs it; tests, snapshots and screenshots build it here."""
    return JobtuiApp(session, UiOptions.from_settings(settings), **kwargs)


def run_app(
    session: SessionLike, settings: Any = None, *, demo: bool = False, title: Optional[str] = None
) -> int:
    """Run the TUI on `session` until the user quits; the exit status for the CLI."""
    app = build_app(session, settings, title=title or ("jobtui demo" if demo else None))
    app.run(mouse=app.options.mouse)
    # 128+signal after SIGTERM/SIGHUP (set by the terminal guard), else 0.
    return app.return_code or 0
