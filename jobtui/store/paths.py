"""Where jobtui keeps its files: one root when overridden, else platformdirs.

With `--config-dir` or `JOBTUI_CONFIG_DIR` every file lives under that one folder
(tests, several setups side by side). Otherwise the files users edit (config.toml,
watchlist.toml) go in the platform's config dir and the ones jobtui owns alone (state
cache, preferences, refused keys, log) in its state dir.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Optional

import platformdirs

APP_NAME = "jobtui"
ENV_VAR = "JOBTUI_CONFIG_DIR"


class Paths:
    """Every file jobtui reads or writes, resolved once."""

    def __init__(
        self, root: Optional[Path] = None, env: Optional[Mapping[str, str]] = None
    ) -> None:
        env = os.environ if env is None else env
        if root is None and env.get(ENV_VAR):
            root = Path(env[ENV_VAR])
        self.root: Optional[Path] = root.expanduser().absolute() if root is not None else None
        if self.root is not None:
            self.config_dir = self.state_dir = self.root
        else:
            # appauthor=False: no "jobtui/jobtui" nesting on Windows.
            self.config_dir = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
            self.state_dir = Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def watchlist_file(self) -> Path:
        return self.config_dir / "watchlist.toml"

    @property
    def lock_file(self) -> Path:
        # Beside the watchlist so every process sharing it shares the lock too.
        return self.config_dir / "watchlist.lock"

    @property
    def state_file(self) -> Path:
        return self.state_dir / "state.json"

    @property
    def prefs_file(self) -> Path:
        return self.state_dir / "prefs.json"

    @property
    def refused_file(self) -> Path:
        # Keys the gateway refused, shared by every process (`jobtui.store.refusals`).
        return self.state_dir / "refused.json"

    @property
    def project_cache_file(self) -> Path:
        """Project IDs IAM named per (AK, region), for `jobtui add --region`."""
        return self.state_dir / "projects.json"

    @property
    def log_file(self) -> Path:
        return self.state_dir / "jobtui.log"

    def all(self) -> list[tuple[str, Path]]:
        """(what, path) for every file, in the order `jobtui paths` prints them."""
        return [
            ("config", self.config_file),
            ("watchlist", self.watchlist_file),
            ("lock", self.lock_file),
            ("state", self.state_file),
            ("prefs", self.prefs_file),
            ("refused", self.refused_file),
            ("projects", self.project_cache_file),
            ("log", self.log_file),
        ]

    def __repr__(self) -> str:
        return f"Paths(config_dir={self.config_dir!s}, state_dir={self.state_dir!s})"
