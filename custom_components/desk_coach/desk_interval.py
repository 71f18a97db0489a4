"""One desk's break interval: the setting, or, with *Adapt the interval* on, the adapted one.

The rule is pure (``adaptive.py``); here it is applied once at each local day's start (and
at setup and on an options change), kept in storage, and handed to the tracker. Off, the
interval is the setting, as it always was, and nothing adapted is kept.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from homeassistant.util import dt as dt_util

from .adaptive import Adapted, Reason, adapt
from .codec import decode_record, encode_record
from .model import Settings

if TYPE_CHECKING:
    from .coordinator import DeskCoordinator


class DeskInterval:
    """The interval the desk counts with, adapted a day at a time when the option is on."""

    def __init__(self, desk: DeskCoordinator) -> None:
        """Nothing adapted yet."""
        self._desk = desk
        self.adapted: Adapted | None = None
        self._day: date | None = None  # the local day last adapted for

    def restore(self, stored: dict[str, Any]) -> None:
        """Take the adapted interval from stored data (salvaged: it decodes)."""
        data = stored.get("adapted")
        self.adapted = None if data is None else decode_record(Adapted, data)

    def to_store(self) -> dict[str, Any]:
        """What is kept: the adapted interval, its reason and the day it last changed."""
        return {"adapted": None if self.adapted is None else encode_record(self.adapted)}

    @property
    def on(self) -> bool:
        """Whether the option *Adapt the interval* is on."""
        return self._desk.options.adapt_interval

    def settings(self) -> Settings:
        """The tracker's settings: the options', with the adapted interval when adapting."""
        tracking = self._desk.options.tracking
        if self.adapted is None:
            return tracking
        return replace(tracking, break_interval=self.adapted.interval)

    @property
    def minutes(self) -> int:
        """The interval counted with, in minutes (the adapted interval sensor's state)."""
        return round(self.settings().break_interval.total_seconds() / 60)

    def attributes(self) -> dict[str, Any]:
        """Why the interval is what it is, the setting, and the day it last changed."""
        setting = self._desk.options.tracking.break_interval
        adapted = self.adapted or Adapted(interval=setting, reason=Reason.SETTING)
        return {
            "reason": adapted.reason.value if self.on else "off",
            "setting": round(setting.total_seconds() / 60),
            "changed_on": adapted.changed_on,
        }

    def adapt(self, now: datetime, *, options_changed: bool = False) -> None:
        """Adapt for the local day of ``now``, once a day; the tracker gets the result.

        ``options_changed``: the tracker's settings are handed over whatever the day.
        """
        today = dt_util.as_local(now).date()
        if today == self._day and not options_changed:
            return
        self._day = today
        before = self.adapted
        if self.on:
            desk = self._desk
            self.adapted = adapt(
                setting=desk.options.tracking.break_interval,
                current=self.adapted,
                today=today,
                history=desk.tracker.history,
                target=desk.options.streak_target,
            )
        else:
            self.adapted = None
        if options_changed or self.adapted != before:
            self._desk.tracker.update_settings(self.settings(), now)
