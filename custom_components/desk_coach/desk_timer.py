"""One desk's one timer: set to the next change, moved only when that moves.

It also judges a late wake-up: a timer or an input change that comes later than planned by
more than *Stretch ends after* means the clock jumped forward, the host slept or the event
loop was blocked; the time since the planned wake-up is no evidence, as a restart's is.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
import logging
from typing import TYPE_CHECKING

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.event import async_track_point_in_utc_time

if TYPE_CHECKING:
    from .coordinator import DeskCoordinator

_LOGGER = logging.getLogger(__name__)


class DeskTimer:
    """Wakes the desk once, at the earliest instant anything it shows or says changes."""

    def __init__(
        self, hass: HomeAssistant, desk: DeskCoordinator, fired: Callable[[datetime], None]
    ) -> None:
        """``fired`` is called with the planned instant when the timer goes off."""
        self.hass = hass
        self._desk = desk
        self._fired = fired
        self.planned: datetime | None = None  # when it goes off next; None: not set
        self._cancel: CALLBACK_TYPE | None = None

    def plan(self, now: datetime) -> None:
        """Set the timer to the next change; it moves only when that does."""
        desk = self._desk
        later = now + timedelta(days=1)
        wake = max(
            now,
            min(
                desk.tracker.next_change(desk.minutes_shown),
                desk.routines.next_change() or later,
                desk.stand.next_change() or later,
                desk.quiet.next_boundary(now),
                desk.summary.next_change(now) or later,
                desk.meetings.next_change(now, desk.snapshot) or later,
                desk.guard.next_change(now) or later,
            ),
        )
        if wake != self.planned:
            self.cancel()
            self.planned = wake
            self._cancel = async_track_point_in_utc_time(self.hass, self._on_timer, wake)

    def cancel(self) -> None:
        """Let the timer not go off."""
        if self._cancel is not None:
            self._cancel()
            self._cancel = None
        self.planned = None

    @callback
    def _on_timer(self, scheduled: datetime) -> None:
        self._cancel = None
        self.planned = None
        self._fired(scheduled)

    def late(self, planned: datetime | None, now: datetime) -> bool:
        """Tell the tracker when the desk wakes later than planned by more than away_reset."""
        desk = self._desk
        if planned is None or now - planned <= desk.tracker.settings.away_reset:
            return False
        _LOGGER.info(
            "%s: woke %s later than planned (the clock jumped or the host slept); "
            "that time is not counted",
            desk.entry.title,
            now - planned,
        )
        desk.tracker.unobserved(planned, now)
        return True
