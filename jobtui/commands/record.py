"""What `status` and `wait` learned, written to the state cache `list`, `prune` and the
monitor read: `jobtui wait X && jobtui prune` drops X."""

from __future__ import annotations

from collections.abc import Container, Mapping

from jobtui.commands.context import Context
from jobtui.domain.errors import ConfigError, StoreError
from jobtui.domain.state import JobKey, JobState
from jobtui.domain.state_merge import continued


def record_states(
    ctx: Context, states: Mapping[JobKey, JobState], skip: Container[JobKey] = ()
) -> None:
    """Save the watched jobs' states (not those in `skip`), each continuing the history
    the cache held; a job watched by nobody is not kept. A refusal is a warning."""
    from jobtui.store.watchlist import StateCache

    cache = StateCache(ctx.paths.state_file)
    try:
        # Read now, not at the start: the list may have changed while we waited.
        watched = {entry.key for entry in ctx.entries()}
        cached = cache.load()
        fresh = {
            key: continued(cached[key], state) if key in cached else state
            for key, state in states.items()
            if key in watched and key not in skip
        }
        cache.save(fresh, keep=watched)
    except (StoreError, ConfigError) as error:  # a watchlist broken meanwhile, too
        ctx.err(f"warning: the state cache was not saved: {error}")
