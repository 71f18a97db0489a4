"""One desk's natural pauses: an entity going idle lets a cued break be spoken (two phases).

The entities are chosen on the Announcements page (a PC-activity sensor, a media player);
one of them changing into an idle state (``off``, ``idle``, ``paused``, ``standby`` and
the like) from another state is a natural pause. Nothing runs without two phases.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.core import CALLBACK_TYPE, Event, EventStateChangedData, HomeAssistant, callback
from homeassistant.helpers.event import async_track_state_change_event
from homeassistant.util import dt as dt_util

if TYPE_CHECKING:
    from .coordinator import DeskCoordinator

IDLE_STATES = frozenset({"off", "idle", "paused", "standby", "inactive", "locked", "away"})


class DeskPauses:
    """Follows the natural-pause entities the desk's options name."""

    def __init__(self, hass: HomeAssistant, desk: DeskCoordinator) -> None:
        """Nothing followed yet."""
        self.hass = hass
        self._desk = desk
        self._following: tuple[str, ...] = ()
        self._stop: CALLBACK_TYPE | None = None

    @callback
    def follow(self) -> None:
        """Follow the entities now named (again, after an options change)."""
        desk = self._desk
        wanted = desk.options.pause_entities if desk.options.tracking.cue_first else ()
        if wanted == self._following:
            return
        self.stop()
        self._following = wanted
        if wanted:
            self._stop = async_track_state_change_event(self.hass, wanted, self._on_change)

    @callback
    def stop(self) -> None:
        """Follow nothing."""
        if self._stop is not None:
            self._stop()
        self._stop = None
        self._following = ()

    @callback
    def _on_change(self, event: Event[EventStateChangedData]) -> None:
        old, new = event.data["old_state"], event.data["new_state"]
        if new is None or new.state not in IDLE_STATES:
            return
        if old is not None and old.state in IDLE_STATES:
            return
        now = dt_util.utcnow()
        self._desk.tracker.speak_now(now)
        self._desk.refresh(now)
