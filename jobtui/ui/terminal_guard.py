"""Leave promptly and cleanly when told to stop or when the terminal goes away.

Textual's input thread selects on stdin and reads; once the terminal has hung up
(SSH dropped while SIGHUP is ignored, e.g. under nohup) the descriptor is always
"readable" and every read returns nothing, so the thread spins a core forever and
the app never notices. The guard watches the terminal from a thread that sleeps in
poll() until the kernel reports a hang-up, points output at /dev/null (so the
output thread cannot die writing the restore sequences and wedge shutdown), and asks
the app to exit, which also stops the input thread. SIGTERM, SIGINT and SIGHUP exit the
same clean way, and so does every other signal that would end the process (SIGQUIT,
SIGUSR1, SIGALRM, …): killed by one, Python would leave the alternate screen, mouse
reporting and a hidden cursor behind. A last-resort timer ends the process if shutdown
itself wedges, and puts the terminal back first, as Textual's own exit would have.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import select
import signal
import sys
import termios
import threading
from typing import Any

from textual.app import App

HANGUP_EXIT_CODE = 128 + signal.SIGHUP
_DEAD = select.POLLHUP | select.POLLERR | select.POLLNVAL
_STOPS: tuple[int, ...] = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
# What Textual's driver undoes on a clean exit: kitty keys, alternate screen, hidden
# cursor, mouse reporting (every mode it may set), focus events, bracketed paste, and
# line wrap off.
RESTORE = (
    b"\x1b[<u\x1b[?1049l\x1b[?25h\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l"
    b"\x1b[?1004l\x1b[?2004l\x1b[?7h"
)


def ending_signals() -> list[int]:
    """Signals other than the stop signals whose default action ends the process
    (signal(7)) and that arrive from outside: a user's `kill -QUIT`, a stray `kill
    -USR1` meant for another program, a CPU or file-size limit. The faults (SIGSEGV,
    SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS) mean the interpreter itself is
    broken and keep their default (and faulthandler's report)."""
    names = (
        "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGVTALRM", "SIGPROF", "SIGXCPU",
        "SIGXFSZ", "SIGIO", "SIGPWR", "SIGSTKFLT", "SIGPIPE",
    )  # fmt: skip
    found = {int(getattr(signal, name)) for name in names if hasattr(signal, name)}
    if hasattr(signal, "SIGRTMIN"):
        found.update(range(signal.SIGRTMIN, signal.SIGRTMAX + 1))
    return sorted(found)


class TerminalGuard:
    """Watches stdin for a hang-up and turns stop signals into a clean `App.exit`."""

    def __init__(self, app: App[Any], *, check_interval: float = 1.0, grace: float = 1.5) -> None:
        self._app = app
        self._loop = asyncio.get_running_loop()
        self._interval = check_interval
        self._grace = grace
        self._fd = sys.__stdin__.fileno() if sys.__stdin__ else 0
        self._parent = os.getppid()
        # The modes the terminal had before Textual made it raw, for the last resort.
        self._attrs_before = getattr(app._driver, "attrs_before", None)
        self._leaving = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="jobtui-terminal-guard")
        self._thread.daemon = True  # must never keep a finished app alive

    def start(self) -> TerminalGuard:
        for signum in _STOPS:
            # nohup's "ignore hang-ups" is the user's choice; the watcher still sees the
            # terminal go, which is what matters to a TUI.
            if signal.getsignal(signum) is not signal.SIG_IGN:
                self._loop.add_signal_handler(signum, self._on_signal, signum)
        for signum in ending_signals():
            # Only where the default would kill us: an ignored signal (Python ignores
            # SIGPIPE) or one a library handles stays as it is.
            if signal.getsignal(signum) is signal.SIG_DFL:
                self._loop.add_signal_handler(signum, self._on_signal, signum)
        self._thread.start()
        return self

    def terminal_alive(self) -> bool:
        """False once the kernel has hung up our terminal (or stdin is no terminal at all)."""
        poller = select.poll()
        poller.register(self._fd, 0)  # HUP/ERR/NVAL are always reported
        return not any(mask & _DEAD for _fd, mask in poller.poll(0))

    def _watch(self) -> None:
        poller = select.poll()
        poller.register(self._fd, 0)
        while not self._leaving.is_set():
            events = poller.poll(self._interval * 1000)
            orphaned = os.getppid() != self._parent
            if any(mask & _DEAD for _fd, mask in events) or (orphaned and not self._tty_ok()):
                # RuntimeError: the app already finished and closed its loop.
                with contextlib.suppress(RuntimeError):
                    self._loop.call_soon_threadsafe(self._leave, HANGUP_EXIT_CODE)
                return

    def stop(self) -> None:
        """Stop watching (the app has exited on its own)."""
        self._leaving.set()

    def _tty_ok(self) -> bool:
        try:
            os.tcgetpgrp(self._fd)
        except OSError:
            return False
        return True

    def _on_signal(self, signum: int) -> None:
        self._leave(128 + signum)

    def _leave(self, code: int) -> None:
        """Exit once; detach from a dead terminal first so shutdown cannot spin or block."""
        if self._leaving.is_set():
            return
        self._leaving.set()
        grace = self._grace * 4  # a live terminal: let the app save its state unhurried
        if not self.terminal_alive():
            _detach_from_terminal()
            grace = self._grace  # nobody is watching; the budget is 2 s
        _start_deadline(grace, code, self._attrs_before)
        self._app.exit(return_code=code)


def _detach_from_terminal() -> None:
    """Send stdout/stderr to /dev/null so the restore sequences cannot fail or block."""
    # stdin stays: a hung-up tty reads as EOF at once, so the input thread's final
    # reads cannot block (a swapped-in pipe would hang its join).
    devnull = os.open(os.devnull, os.O_WRONLY)
    for out in (1, 2):
        os.dup2(devnull, out)
    os.close(devnull)


def _start_deadline(seconds: float, code: int, attrs_before: Any = None) -> None:
    """End the process if a clean exit has not happened in time (e.g. a wedged writer)."""
    timer = threading.Timer(seconds, _last_resort_exit, args=(code, attrs_before))
    timer.daemon = True
    timer.start()


def _last_resort_exit(code: int, attrs_before: Any) -> None:
    """Put a live terminal back the way Textual would have, then end the process.

    The write is non-blocking: a terminal that takes no output (flow control, a wedged
    link) must not keep the process alive, so the restore is skipped rather than awaited.
    A detached process writes to /dev/null, which is no tty, so nothing is sent.
    """
    out = sys.__stdout__.fileno() if sys.__stdout__ else 1
    with contextlib.suppress(OSError, termios.error, ValueError):
        if os.isatty(out):
            os.set_blocking(out, False)
            os.write(out, RESTORE)
            if attrs_before is not None:
                termios.tcsetattr(out, termios.TCSANOW, attrs_before)
    os._exit(code)


def install_terminal_guard(app: App[Any], **options: float) -> TerminalGuard | None:
    """Guard a running app (call from `on_mount`); a no-op for headless test runs."""
    stdin = sys.__stdin__
    if app.is_headless or stdin is None or not os.isatty(stdin.fileno()):
        return None
    return TerminalGuard(app, **options).start()
