"""A pseudo-terminal driver: runs a command the way SSH sees it and counts what it costs."""

from __future__ import annotations

import contextlib
import fcntl
import os
import queue
import re
import select
import signal
import struct
import subprocess
import termios
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pyte
from wcwidth import wcwidth

KEYS = {
    "enter": "\r",
    "escape": "\x1b",
    "tab": "\t",
    "up": "\x1b[A",
    "down": "\x1b[B",
    "right": "\x1b[C",
    "left": "\x1b[D",
    "pageup": "\x1b[5~",
    "pagedown": "\x1b[6~",
    "home": "\x1b[H",
    "end": "\x1b[F",
    "backspace": "\x7f",
    "space": " ",
}
# Queries an app may block on until the terminal answers: DECRQM, cursor position, DA1.
_QUERIES = re.compile(rb"\x1b\[\?(\d+)\$p|\x1b\[6n|\x1b\[0?c")
_PRIVATE_MODE = re.compile(rb"\x1b\[\?([\d;]+)([hl])")
_KITTY_KEYS = re.compile(rb"\x1b\[(>\d*|<\d*)u")
_MOUSE_MODES = (9, 1000, 1001, 1002, 1003)
_ALT_SCREEN_MODES = (47, 1047, 1049)
_TAIL = 32  # longest query or mode sequence we must see whole across two reads
_CLK_TCK = os.sysconf("SC_CLK_TCK")
RAW_LIMIT = 4 << 20


def key_bytes(key: str) -> bytes:
    """Turn a key name ("enter", "ctrl+c", "up") or literal text into the bytes a terminal sends."""
    if key in KEYS:
        return KEYS[key].encode()
    if key.startswith("ctrl+") and len(key) == 6:
        return bytes([ord(key[-1].lower()) & 0x1F])
    return key.encode()


class PtyTerm:
    """A child process on a pseudo-terminal of a given size, read continuously and emulated."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        cols: int = 120,
        rows: int = 40,
        term: str = "xterm-256color",
        env: Mapping[str, str] | None = None,
        cwd: str | Path | None = None,
        ignore_sighup: bool = False,
    ) -> None:
        self.cols, self.rows = cols, rows
        self.screen = pyte.Screen(cols, rows)
        self._stream = pyte.ByteStream(self.screen)
        self._cond = threading.Condition()
        self._chunks: list[tuple[float, int]] = []
        self._tail = b""
        self.modes: dict[int, bool] = {}
        self.kitty_depth = 0
        self.total_bytes = 0
        self.head = bytearray()  # the first RAW_LIMIT bytes, for checks on escape codes
        self._final_cpu: float | None = None
        self._master, slave = os.openpty()
        self._set_size(slave, cols, rows)
        self.proc = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=_child_env(term, env),
            start_new_session=True,
            preexec_fn=_child_setup(ignore_sighup),
        )
        os.close(slave)
        self._wake_r, self._wake_w = os.pipe()
        # Emulation runs on its own thread: a reader slowed by pyte would fill the pty
        # buffer and hold the app's writes back, timing our harness instead of the app.
        self._unfed: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._read_count = self._fed_count = 0
        self._feeder = threading.Thread(target=self._feed_loop, name="ptyterm-vt", daemon=True)
        self._feeder.start()
        self._reader = threading.Thread(target=self._read_loop, name="ptyterm", daemon=True)
        self._reader.start()

    @property
    def pid(self) -> int:
        return int(self.proc.pid)

    # --- output side -------------------------------------------------------------------

    def _read_loop(self) -> None:
        """Drain the master as fast as the app writes, as an SSH client would."""
        try:
            while True:
                ready, _, _ = select.select([self._master, self._wake_r], [], [])
                if self._wake_r in ready:
                    return
                try:
                    data = os.read(self._master, 65536)
                except OSError:  # EIO: every slave descriptor is closed
                    data = b""
                if not data:
                    return
                self._take(data)
        finally:
            self._unfed.put(None)

    def _take(self, data: bytes) -> None:
        window = self._tail + data
        fresh = len(self._tail)
        with self._cond:
            self.total_bytes += len(data)
            if len(self.head) < RAW_LIMIT:
                self.head += data[: RAW_LIMIT - len(self.head)]
            self._chunks.append((time.monotonic(), len(data)))
            self._track_modes(window, fresh)
            self._read_count += 1
        self._unfed.put(data)
        self._answer_queries(window, fresh)
        self._tail = window[-_TAIL:]

    def _feed_loop(self) -> None:
        """Emulate what the reader took, in order; wake whoever waits for the screen."""
        while True:
            data = self._unfed.get()
            with self._cond:
                if data is not None:
                    self._stream.feed(data)
                    self._fed_count += 1
                self._cond.notify_all()
            if data is None:
                return

    def _cursor(self) -> tuple[int, int]:
        """Where the emulated cursor is once everything read so far has been emulated."""
        with self._cond:
            while self._fed_count < self._read_count and self._feeder.is_alive():
                self._cond.wait(0.2)
            return self.screen.cursor.y + 1, self.screen.cursor.x + 1

    def _answer_queries(self, window: bytes, fresh: int) -> None:
        for match in _QUERIES.finditer(window):
            if match.end() <= fresh:
                continue
            if match.group(1):
                reply = b"\x1b[?" + match.group(1) + b";0$y"
            elif match.group(0).endswith(b"n"):
                reply = "\x1b[{};{}R".format(*self._cursor()).encode()
            else:
                reply = b"\x1b[?1;2c"
            self.write(reply)

    def _track_modes(self, window: bytes, fresh: int) -> None:
        for match in _PRIVATE_MODE.finditer(window):
            if match.end() > fresh:
                for mode in match.group(1).split(b";"):
                    if mode:
                        self.modes[int(mode)] = match.group(2) == b"h"
        for match in _KITTY_KEYS.finditer(window):
            if match.end() > fresh:
                pushed = match.group(1).startswith(b">")
                self.kitty_depth = self.kitty_depth + 1 if pushed else max(0, self.kitty_depth - 1)

    def bytes_between(self, start: float, end: float) -> int:
        """Bytes the app wrote between two `time.monotonic()` instants."""
        with self._cond:
            return sum(n for t, n in self._chunks if start <= t < end)

    def chunks_between(self, start: float, end: float) -> list[tuple[float, int]]:
        """Each read from the master in a window: (arrival time, bytes)."""
        with self._cond:
            return [(t, n) for t, n in self._chunks if start <= t < end]

    def per_second(self, start: float, end: float) -> list[int]:
        """Bytes written in each whole second of a window."""
        return [self.bytes_between(start + i, start + i + 1) for i in range(int(end - start))]

    def quiet_for(self, seconds: float, timeout: float) -> bool:
        """Wait until nothing has been written for `seconds`; False if it never settles."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._cond:
                last = self._chunks[-1][0] if self._chunks else 0.0
            idle = time.monotonic() - last
            if idle >= seconds:
                return True
            time.sleep(min(seconds - idle, 0.05) + 0.001)
        return False

    # --- what is on screen ----------------------------------------------------------------

    def text(self) -> str:
        """The emulated screen, one line per row, trailing blanks removed."""
        with self._cond:
            return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_for(self, predicate: object, timeout: float) -> bool:
        """Wait until predicate(screen text) holds or the child's output ends."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                text = "\n".join(self.screen.display)
                if predicate(text):  # type: ignore[operator]
                    return True
                left = deadline - time.monotonic()
                if left <= 0 or not self._feeder.is_alive():
                    return False
                self._cond.wait(min(left, 0.2))

    def wait_for_text(self, text: str, timeout: float = 10.0) -> bool:
        """Wait until `text` is on the emulated screen."""
        return self.wait_for(lambda screen: text in screen, timeout)

    def wide_glyphs(self) -> set[str]:
        """Characters on screen that take two cells (emoji, CJK): costly and fragile over SSH."""
        with self._cond:
            cells = [c.data for row in self.screen.buffer.values() for c in row.values()]
        return {ch for data in cells for ch in data if wcwidth(ch) == 2}

    # --- input side ------------------------------------------------------------------------

    def write(self, data: bytes) -> None:
        with contextlib.suppress(OSError):  # the app has gone; the caller's checks say so
            os.write(self._master, data)

    def send_keys(self, *keys: str, gap: float = 0.0) -> None:
        """Type keys; `gap` seconds between them lets the app see separate presses."""
        for key in keys:
            self.write(key_bytes(key))
            if gap:
                time.sleep(gap)

    def resize(self, cols: int, rows: int) -> None:
        """Resize the terminal as a window manager would: TIOCSWINSZ, then SIGWINCH."""
        self._set_size(self._master, cols, rows)
        with self._cond:
            self.screen.resize(rows, cols)
        self.cols, self.rows = cols, rows
        self.signal(signal.SIGWINCH)

    @staticmethod
    def _set_size(fd: int, cols: int, rows: int) -> None:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    # --- the process -----------------------------------------------------------------------

    def signal(self, signum: int) -> None:
        if self.proc.returncode is None:
            os.kill(self.proc.pid, signum)

    def wait_exit(self, timeout: float) -> int | None:
        """The exit code, or None if still running after `timeout` seconds.

        Reaps with wait4 so `cpu_seconds()` still answers, from the final rusage. Once
        the child is gone, waits (up to a second) for the reader to take what it wrote
        last: the restore sequences of a clean exit may still sit in the pty when the
        process is reaped, and a check on them would race the reader thread.
        """
        deadline = time.monotonic() + timeout
        while self.proc.returncode is None:
            pid, status, usage = os.wait4(self.proc.pid, os.WNOHANG)
            if pid:
                self.proc.returncode = os.waitstatus_to_exitcode(status)
                self._final_cpu = usage.ru_utime + usage.ru_stime
                self._reader.join(1.0)  # ends at EIO, once no process holds the slave
                self._cursor()  # and everything read is emulated
            elif time.monotonic() >= deadline:
                return None
            else:
                time.sleep(0.02)
        return int(self.proc.returncode)

    def close_master(self) -> None:
        """Hang up: close our side of the terminal, as a dropped SSH connection does."""
        self._stop_reader()
        if self._master >= 0:
            os.close(self._master)
            self._master = -1

    def _stop_reader(self) -> None:
        if self._reader.is_alive():
            os.write(self._wake_w, b"x")
            self._reader.join(5)
        self._feeder.join(5)

    def close(self) -> None:
        """Kill the child if still running and release every descriptor."""
        if self.proc.returncode is None:
            self.signal(signal.SIGKILL)
            self.wait_exit(5)
        self.close_master()
        for fd in (self._wake_r, self._wake_w):
            os.close(fd)
        self._wake_r = self._wake_w = -1

    def __enter__(self) -> PtyTerm:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._wake_r >= 0:
            self.close()

    # --- resources (Linux /proc) -------------------------------------------------------------

    def cpu_seconds(self) -> float:
        """CPU time of the child, its live descendants and the children it has reaped."""
        if self._final_cpu is not None:
            return self._final_cpu
        return tree_cpu_ticks(self.proc.pid) / _CLK_TCK

    def rss_kb(self) -> int:
        return _status_kb(self.proc.pid, "VmRSS")

    def peak_rss_kb(self) -> int:
        return _status_kb(self.proc.pid, "VmHWM")

    def fd_count(self) -> int:
        return len(os.listdir(f"/proc/{self.proc.pid}/fd"))

    # --- hygiene ---------------------------------------------------------------------------

    def terminal_left_dirty(self) -> list[str]:
        """What the app left switched on when it stopped writing; empty when it restored all."""
        with self._cond:
            modes, depth = dict(self.modes), self.kitty_depth
        problems = [f"alternate screen ({m})" for m in _ALT_SCREEN_MODES if modes.get(m)]
        problems += [f"mouse reporting ({m})" for m in _MOUSE_MODES if modes.get(m)]
        if modes.get(25) is False:
            problems.append("cursor hidden")
        if modes.get(2004):
            problems.append("bracketed paste")
        if depth:
            problems.append("kitty keyboard protocol")
        return problems


def _child_env(term: str, env: Mapping[str, str] | None) -> dict[str, str]:
    """The environment over SSH: given TERM, no truecolor; size only from the pty."""
    dropped = ("COLORTERM", "NO_COLOR", "COLUMNS", "LINES", "TMUX", "STY")
    base = {k: v for k, v in os.environ.items() if k not in dropped}
    base["TERM"] = term
    base.update(env or {})
    return base


def _child_setup(ignore_sighup: bool) -> Callable[[], None]:
    def setup() -> None:
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)  # make the pty our controlling terminal
        # A shell without job control starts `cmd &` with SIGINT and SIGQUIT ignored, and
        # the app would inherit that; a login on a terminal has every signal at default.
        for signum in (signal.SIGINT, signal.SIGQUIT):
            signal.signal(signum, signal.SIG_DFL)
        if ignore_sighup:
            signal.signal(signal.SIGHUP, signal.SIG_IGN)  # what nohup does

    return setup


def _stat_fields(pid: int) -> list[str]:
    raw = Path(f"/proc/{pid}/stat").read_text()
    return raw[raw.rindex(")") + 2 :].split()  # comm may hold spaces and parens


def tree_cpu_ticks(pid: int) -> int:
    """utime+stime of pid and its live descendants, plus what its reaped children used."""
    try:
        fields = _stat_fields(pid)
    except (FileNotFoundError, ProcessLookupError):
        return 0
    # after the split, utime is field 14 of proc(5) at index 11; cutime/cstime follow.
    own = sum(int(fields[i]) for i in (11, 12, 13, 14))
    return own + sum(tree_cpu_ticks(child) for child in _children(pid))


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        return [int(p) for p in path.read_text().split()]
    except OSError:
        return []


def _status_kb(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0
