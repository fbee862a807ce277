"""Every patch of a library's private parts, and every reach into them, in one place.

What to check when Textual or httpcore is upgraded. Each function is given what it
patches by the part that owns that library (the job table passes Textual's
`ChopsUpdate`, the API client httpcore's `AnyIOStream`, the notifier the app whose
driver it writes through), so this module imports neither library, and the layers
below the UI stay free of Textual. Each checks the shape it
relies on before it touches anything; if that shape changed it leaves the library as
it is and says so (False): what a patch buys is fewer bytes or less CPU, never a
different screen or a different answer.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Optional

log = logging.getLogger(__name__)

# What `ui/partial_update.render_segments` reads of a ChopsUpdate.
CHOPS_ATTRIBUTES = ("chops", "spans", "chop_ends")
# Where the pool check remembers a stream's socket.
_RAW = "_jobtui_raw_socket"


def install_partial_update(chops_update: Optional[type], render: Callable[..., str]) -> bool:
    """Draw Textual's partial refreshes with `render` (`ui/partial_update.render_segments`).

    Why: Textual 8 sends a refreshed span from the widget's left edge; `render` sends
    only the changed segments, and a style only when it changes: a table tick is a few
    cells, not whole lines.
    Guard: the class exists with a `render_segments`, and one built as
    `ChopsUpdate(chops, spans, chop_ends)` holds the three attributes `render` reads.
    Fallback: Textual's own renderer (the same screen, more bytes); False, and the
    table then merges each line's changed spans into one refresh.
    """
    current = getattr(chops_update, "render_segments", None)
    if chops_update is None or not callable(current):
        return _left_alone("Textual's ChopsUpdate")
    if current is render:
        return True
    if not _builds(chops_update, ([], [(0, 0, 0)], []), CHOPS_ATTRIBUTES):
        return _left_alone("Textual's ChopsUpdate")
    chops_update.render_segments = render  # type: ignore[attr-defined]
    return True


def install_pool_check(
    stream_class: Optional[type], is_readable: Optional[Callable[[Any], bool]], raw_socket: object
) -> bool:
    """Answer httpcore's "is this idle connection readable?" with one socket lookup a stream.

    Why: before every request httpcore asks each idle pooled connection; its anyio
    stream (`AnyIOStream.get_extra_info`) finds the raw socket through anyio's typed
    attributes, which rebuild a mapping of every attribute on each call. With 16 pooled
    connections that was a quarter of a request's CPU, and key presses waited behind
    it. A stream's socket never changes, so it is remembered on the stream; the
    readability test (`is_readable`, httpcore's `is_socket_readable`) is httpcore's own.
    Guard: the class has `get_extra_info`, `is_readable` exists, and a stream built
    around a stand-in keeps it as `_stream` and takes a new attribute (no __slots__).
    Fallback: httpcore's own check (the same answers, more CPU); False.
    """
    original = getattr(stream_class, "get_extra_info", None)
    if stream_class is None or not callable(original) or is_readable is None:
        return _left_alone("httpcore's AnyIOStream")
    if getattr(original, "__module__", None) == __name__:
        return True  # installed already
    if not _keeps_stream(stream_class):
        return _left_alone("httpcore's AnyIOStream")

    def get_extra_info(stream: Any, info: str) -> Any:
        if info != "is_readable":
            return original(stream, info)
        sock = getattr(stream, _RAW, None)
        if sock is None:
            sock = stream._stream.extra(raw_socket, None)
            setattr(stream, _RAW, sock)
        return is_readable(sock)

    get_extra_info.__wrapped__ = original  # type: ignore[attr-defined]  # what it stands in for
    stream_class.get_extra_info = get_extra_info  # type: ignore[attr-defined]
    return True


def write_to_terminal(app: object, sequence: str) -> bool:
    """Write an escape sequence straight to the terminal, as Textual's `App.bell()` does.

    Why: Textual has no public way to write raw bytes; desktop notifications (OSC 9
    and OSC 777) need one. `App.bell()` and `copy_to_clipboard()` write through the
    same private `App._driver`.
    Guard: the app is not headless and has a `_driver` with a callable `write`.
    Fallback: nothing is written (the toast and the bell still happen); False.
    """
    write = getattr(getattr(app, "_driver", None), "write", None)
    if not callable(write) or getattr(app, "is_headless", True):
        return False
    write(sequence)
    return True


def drop_oldest_toasts(app: object, keep: int) -> bool:
    """Leave only the `keep` newest notifications on screen; True if any were dropped.

    Why: Textual stacks every toast; five at 80x24 covered 16 rows, the cursor row and
    the detail pane among them. It has no public way to list or dismiss one toast.
    Guard: `App._notifications` iterates oldest first and `App._unnotify(note,
    refresh=)` is callable, as in Textual 8.
    Fallback: every toast stays until its timeout (the stack is taller); False.
    """
    notes, unnotify = getattr(app, "_notifications", None), getattr(app, "_unnotify", None)
    if notes is None or not callable(unnotify):
        return _left_alone("Textual's notifications")
    try:
        shown = list(notes)
    except TypeError:
        return _left_alone("Textual's notifications")
    old = shown[: max(0, len(shown) - keep)]
    for note in old:
        unnotify(note, refresh=note is old[-1])
    return bool(old)


def _left_alone(what: str) -> bool:
    """Say (in jobtui's log) that a patch found a shape it does not know; False."""
    log.info("%s changed shape: left as it is, which costs more bytes or CPU", what)
    return False


def _builds(cls: type, args: tuple[Any, ...], attributes: tuple[str, ...]) -> bool:
    """Whether `cls(*args)` works and has `attributes`; a changed constructor is a no."""
    try:
        probe = cls(*args)
    except Exception:  # any failure means a shape we do not know: leave the class alone
        return False
    return all(hasattr(probe, name) for name in attributes)


def _keeps_stream(stream_class: type) -> bool:
    """Whether a stream built around a stand-in keeps it as `_stream` and takes `_RAW`."""
    inner = object()
    try:
        probe = stream_class(inner)
        setattr(probe, _RAW, None)
    except Exception:  # a changed constructor, or __slots__: a shape we do not know
        return False
    return getattr(probe, "_stream", None) is inner


def parser_actions(parser: object) -> list[Any]:
    """The actions an argparse parser was given (its options, positionals, subcommands).

    Why: `jobtui completion` writes its scripts from the parser itself, so a new option
    cannot be missing from them. argparse has no public list of its actions.
    Guard: `_actions` is a list. Fallback: no actions (a script that completes less).
    """
    actions = getattr(parser, "_actions", None)
    return list(actions) if isinstance(actions, list) else []
