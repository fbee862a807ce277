"""The display and notification choices in effect, derived from `Settings`."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Optional

from jobtui.store.config import NotifySettings, Settings


@dataclass(frozen=True)
class UiOptions:
    """What the UI obeys; low bandwidth switches off animation, seconds and mouse."""

    settings: Settings = field(default_factory=Settings)

    @classmethod
    def from_settings(cls, settings: Optional[Settings]) -> UiOptions:
        return cls(settings if settings is not None else Settings())

    @property
    def low_bandwidth(self) -> bool:
        return self.settings.display.low_bandwidth

    @property
    def animations(self) -> bool:
        return self.settings.display.animations and not self.low_bandwidth

    @property
    def mouse(self) -> bool:
        return self.settings.display.mouse and not self.low_bandwidth

    @property
    def seconds_clock(self) -> bool:
        return self.settings.display.seconds_clock and not self.low_bandwidth

    @property
    def smooth_bars(self) -> bool:
        return self.settings.display.smooth_bars and not self.low_bandwidth

    @property
    def theme(self) -> str:
        return self.settings.display.theme or ""

    @property
    def notify(self) -> NotifySettings:
        return self.settings.notify

    @property
    def keymap(self) -> Mapping[str, str]:
        return self.settings.keymap

    @property
    def no_color(self) -> bool:
        # https://no-color.org: present and non-empty disables colour.
        return bool(os.environ.get("NO_COLOR"))
