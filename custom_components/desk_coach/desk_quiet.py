"""When one desk keeps quiet: Reminders off, outside its active hours, a meeting."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from homeassistant.core import CALLBACK_TYPE, Event, EventStateChangedData, HomeAssistant
from homeassistant.helpers.event import async_track_state_change_event
from homeassistant.util import dt as dt_util

from .options import DeskOptions
from .quiet import in_meeting

if TYPE_CHECKING:
    from collections.abc import Callable

    from .coordinator import DeskCoordinator


class DeskQuiet:
    """Follows a desk's do-not-disturb entities and knows its next active-hours boundary."""

    def __init__(
        self,
        hass: HomeAssistant,
        desk: DeskCoordinator,
        changed: Callable[[Event[EventStateChangedData]], None],
    ) -> None:
        """``changed`` is called when a do-not-disturb entity changes."""
        self.hass = hass
        self._desk = desk
        self._changed = changed
        self._unsubscribe: CALLBACK_TYPE | None = None
        self._boundary: datetime | None = None  # the next start or end of active hours

    def listen(self) -> None:
        """Follow the do-not-disturb entities the options name now (none: nothing)."""
        self.stop()
        if dnd := self._desk.options.quiet.dnd_entities:
            self._unsubscribe = async_track_state_change_event(self.hass, dnd, self._changed)

    def stop(self) -> None:
        """Follow nothing any more."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def options_changed(self, before: DeskOptions) -> None:
        """New options: the active hours may have moved, the entities may be others."""
        self._boundary = None
        if self._desk.options.quiet.dnd_entities != before.quiet.dnd_entities:
            self.listen()

    def reason(self, now: datetime) -> str | None:
        """Why nothing is announced now (for the debug log); None: announcing is on."""
        quiet = self._desk.options.quiet
        if not self._desk.reminders_on:
            return "the Reminders switch is off"
        if not quiet.active_at(dt_util.as_local(now)):
            return "outside the active hours"
        if in_meeting(self.hass, quiet.dnd_entities):
            return "a do-not-disturb entity or a meeting is on"
        return None

    def next_boundary(self, now: datetime) -> datetime:
        """The next start or end of the active hours (worked out once per boundary)."""
        if self._boundary is None or now >= self._boundary:
            local = dt_util.as_local(now)
            self._boundary = dt_util.as_utc(self._desk.options.quiet.next_boundary(local))
        return self._boundary
