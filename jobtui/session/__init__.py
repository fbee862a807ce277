"""The one object the monitor and `wait` talk to: watchlist, state cache and poller
together, with edits written off the event loop and the wording of the status line. It
imports domain, store, api and polling, never textual.
"""
