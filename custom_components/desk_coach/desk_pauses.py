"""One desk's natural pauses: an entity going idle lets a cued break be spoken (two phases).

The entities are chosen on the Announcements page (a PC-activity sensor, a media player);
one of them changing into an idle state (``off``, ``idle``, ``paused``, ``standby`` and
the like) from another state is a natural pause. Nothing runs without two phases.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.core import Event, EventStateChangedData, HomeAssistant, callback
from homeassistant.util import dt as dt_util

from .helpers import Following

if TYPE_CHECKING:
    from .coordinator import DeskCoordinator

IDLE_STATES = frozenset({"off", "idle", "paused", "standby", "inactive", "locked", "away"})


class DeskPauses:
    """Follows the natural-pause entities the desk's options name."""

    def __init__(self, hass: HomeAssistant, desk: DeskCoordinator) -> None:
        """Nothing followed yet."""
        self._desk = desk
        self._following = Following(hass, self._on_change)

    @callback
    def follow(self) -> None:
        """Follow the entities now named (again, after an options change)."""
        options = self._desk.options
        self._following.follow(options.pause_entities if options.tracking.cue_first else ())

    @callback
    def stop(self) -> None:
        """Follow nothing."""
        self._following.stop()

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
