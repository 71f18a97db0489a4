"""One desk's standing guard: after a long unbroken stand, one cue to move or sit.

The rule is pure (``stand_guard.py``). Here the stand is read off every refresh: the
confirmed activity, and since when the tracker has had it (back-dated, like every confirmed
change). A routine is movement: it ends the stand, and standing on after it is a new one.
The cue's due time is one of the instants the desk's one timer wakes at (``next_change``),
and the refresh it wakes for gives the cue. Said like a break, on every channel of the
desk, without the break's buttons.

Only a desk with a standing input ever stands; on any other the guard never cues. Nothing
is stored: a restart during a stand starts the stand's clock again, at the restart.
"""

from __future__ import annotations

from datetime import datetime, timedelta
import logging
from typing import TYPE_CHECKING

from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from .model import Activity, Snapshot
from .stand_guard import StandGuard

if TYPE_CHECKING:
    from .coordinator import DeskCoordinator

_LOGGER = logging.getLogger(__name__)


class DeskStandGuard:
    """Follows the stands of one desk and says the cue when one has lasted long enough."""

    def __init__(self, hass: HomeAssistant, desk: DeskCoordinator) -> None:
        """Nobody stands yet."""
        self.hass = hass
        self._desk = desk
        self._guard = StandGuard()
        self._routine = False  # a routine ran at the last refresh
        self._moved: datetime | None = None  # when the last routine ended

    @property
    def _after(self) -> timedelta:
        return timedelta(minutes=self._desk.options.stand.cue_after)

    def next_change(self, now: datetime) -> datetime | None:
        """When the cue of the stand going on is due (None: none to come)."""
        due = self._guard.due(self._after)
        return due if due is not None and due > now else None

    def update(self, now: datetime, snapshot: Snapshot) -> None:
        """Follow the stand ``snapshot`` shows; say the cue when it is due.

        Not while the inputs already say otherwise (a change not yet confirmed): sitting
        down then ends the stand, standing on gives the cue at once.
        """
        desk, guard = self._desk, self._guard
        ran, self._routine = self._routine, desk.routines.runner.active
        if ran and not self._routine:
            self._moved = now  # standing on after a routine is a new stand
        since = None
        if snapshot.activity is Activity.STANDING and not self._routine:
            since = desk.tracker.activity_since or guard.start or now  # restored: from now
            if self._moved is not None:
                since = max(since, self._moved)
        guard.stand(since)
        due = guard.due(self._after)
        if due is None or now < due or desk.current_activity() is not Activity.STANDING:
            return
        held = desk.quiet.hushed(now)
        active = desk.options.quiet.active_at(dt_util.as_local(now))
        if not guard.cue(now, self._after, held=held, active=active):
            if not active:
                _LOGGER.debug("%s: a long stand outside the active hours: no cue", desk.entry.title)
            return
        minutes = int((now - (guard.start or now)).total_seconds() // 60)
        _LOGGER.debug("%s: standing for %d min: the cue to move or sit", desk.entry.title, minutes)
        message = desk.messages.text("standing_cue", {"minutes": minutes})
        desk.entry.async_create_task(self.hass, self._async_say(message), "desk_coach_stand_cue")

    async def _async_say(self, message: str) -> None:
        desk = self._desk
        title = desk.messages.text("title", {}) or desk.entry.title
        await desk.announcer.async_announce(desk.options.announce, message, title=title)
