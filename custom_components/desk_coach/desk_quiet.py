"""When one desk keeps quiet: Reminders off, a pause, outside its active hours, a meeting.

The Reminders switch and the pause are the person's own, kept across restarts; the pause
ends by itself. Neither stops the counting.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from homeassistant.core import Event, EventStateChangedData, HomeAssistant
from homeassistant.util import dt as dt_util

from .helpers import Following
from .quiet import in_meeting

if TYPE_CHECKING:
    from collections.abc import Callable

    from .coordinator import DeskCoordinator


OUTSIDE_ACTIVE_HOURS = "outside the active hours"


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
        self._following = Following(hass, changed)
        self._boundary: datetime | None = None  # the next start or end of active hours
        self.reminders_on = True  # the Reminders switch
        self.paused_until: datetime | None = None  # a pause of the reminders, to this instant

    def restore(self, stored: dict[str, Any]) -> None:
        """Take the Reminders switch and the pause from stored data (salvaged: valid)."""
        self.reminders_on = bool(stored.get("reminders_on", True))
        until = stored.get("paused_until")
        until = None if until is None else dt_util.parse_datetime(until)
        self.paused_until = until if until is not None and until > dt_util.utcnow() else None

    def to_store(self) -> dict[str, Any]:
        """What is kept of the switch and the pause."""
        until = self.paused_until
        return {
            "reminders_on": self.reminders_on,
            "paused_until": None if until is None else until.isoformat(),
        }

    def set_reminders(self, on: bool) -> None:
        """Switch announcing on or off; the counting goes on."""
        self.reminders_on = on
        self._desk.touch()

    def pause(self, hours: float | None) -> datetime:
        """Announce nothing for a while; the pause's end.

        ``hours``, or (None) until the first start of the active hours on a later date
        ("until tomorrow"). A new pause replaces the one before.
        """
        now = dt_util.utcnow()
        if hours is None:
            local = dt_util.as_local(now)
            until = dt_util.as_utc(self._desk.options.quiet.first_start_after(local))
        else:
            until = now + timedelta(hours=hours)
        self.paused_until = until
        self._desk.touch()
        return until

    def resume(self) -> None:
        """End a pause now (the Reminders switch is left as it is)."""
        self.paused_until = None
        self._desk.touch()

    def pause_over(self, now: datetime) -> bool:
        """Tell whether a pause ended by ``now``; it is then forgotten."""
        if self.paused_until is None or now < self.paused_until:
            return False
        self.paused_until = None
        return True

    def listen(self) -> None:
        """Follow the do-not-disturb entities the options name now (none: nothing)."""
        self._following.follow(self._desk.options.quiet.dnd_entities)

    def stop(self) -> None:
        """Follow nothing any more."""
        self._following.stop()

    def options_changed(self) -> None:
        """New options: the active hours may have moved, the entities may be others."""
        self._boundary = None
        self.listen()

    def reason(self, now: datetime) -> str | None:
        """Why nothing is announced now (for the debug log); None: announcing is on."""
        quiet = self._desk.options.quiet
        if not self.reminders_on:
            return "the Reminders switch is off"
        if self.paused_until is not None and now < self.paused_until:
            return f"paused until {dt_util.as_local(self.paused_until):%Y-%m-%d %H:%M}"
        if not quiet.active_at(dt_util.as_local(now)):
            return OUTSIDE_ACTIVE_HOURS
        if in_meeting(self.hass, quiet.dnd_entities, self._desk.meetings.in_progress(now)):
            return "a do-not-disturb entity or a meeting is on"
        return None

    def hushed(self, now: datetime) -> bool:
        """Quiet for the person's own reason (a switch, a pause, a meeting), not the hours."""
        return self.reason(now) not in (None, OUTSIDE_ACTIVE_HOURS)

    def next_boundary(self, now: datetime) -> datetime:
        """The next start or end of the active hours, or a pause's end when that is sooner.

        The active hours' boundary is worked out once per boundary.
        """
        if self._boundary is None or now >= self._boundary:
            local = dt_util.as_local(now)
            self._boundary = dt_util.as_utc(self._desk.options.quiet.next_boundary(local))
        if self.paused_until is not None and now < self.paused_until < self._boundary:
            return self.paused_until
        return self._boundary
