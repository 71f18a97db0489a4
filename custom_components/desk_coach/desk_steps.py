"""One desk's step sensor followed: each new count goes to the tracker, which grades breaks.

The person's step count (the companion app's, or any numeric count chosen on the options
page *Proving breaks*) may prove a break ``walked`` up to 20 minutes after it started
(``grading.py``). Unknown, unavailable, text and negative counts are no reading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.core import Event, EventStateChangedData, HomeAssistant, State, callback
from homeassistant.util import dt as dt_util

from .helpers import Following
from .inputs import step_count

if TYPE_CHECKING:
    from .coordinator import DeskCoordinator


class DeskSteps:
    """Follows the step sensor the desk's options name (none: nothing runs)."""

    def __init__(self, hass: HomeAssistant, desk: DeskCoordinator) -> None:
        """Nothing followed yet."""
        self.hass = hass
        self._desk = desk
        self._following = Following(hass, self._on_change)

    @callback
    def follow(self) -> None:
        """Follow the step sensor now named (again, after an options change), reading it now."""
        entity_id = self._desk.options.step_entity
        if self._following.follow(() if entity_id is None else (entity_id,)) and entity_id:
            self._read(self.hass.states.get(entity_id))

    @callback
    def stop(self) -> None:
        """Follow nothing."""
        self._following.stop()

    @callback
    def _on_change(self, event: Event[EventStateChangedData]) -> None:
        if self._read(event.data["new_state"]):
            self._desk.refresh(dt_util.utcnow())

    def _read(self, state: State | None) -> bool:
        count = step_count(state)
        if count is None:
            return False
        self._desk.tracker.read_steps(dt_util.utcnow(), count)
        return True
