"""One desk's step sensor followed: each new count goes to the tracker, which grades breaks.

The person's step count (the companion app's, or any numeric count chosen on the options
page *Proving breaks*) may prove a break ``walked`` up to 20 minutes after it started
(``grading.py``). Unknown, unavailable, text and negative counts are no reading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.core import (
    CALLBACK_TYPE,
    Event,
    EventStateChangedData,
    HomeAssistant,
    State,
    callback,
)
from homeassistant.helpers.event import async_track_state_change_event
from homeassistant.util import dt as dt_util

from .inputs import step_count

if TYPE_CHECKING:
    from .coordinator import DeskCoordinator


class DeskSteps:
    """Follows the step sensor the desk's options name (none: nothing runs)."""

    def __init__(self, hass: HomeAssistant, desk: DeskCoordinator) -> None:
        """Nothing followed yet."""
        self.hass = hass
        self._desk = desk
        self._following: str | None = None
        self._stop: CALLBACK_TYPE | None = None

    @callback
    def follow(self) -> None:
        """Follow the step sensor now named (again, after an options change), reading it now."""
        entity_id = self._desk.options.step_entity
        if entity_id == self._following and self._stop is not None:
            return
        self.stop()
        self._following = entity_id
        if entity_id is None:
            return
        self._stop = async_track_state_change_event(self.hass, entity_id, self._on_change)
        self._read(self.hass.states.get(entity_id))

    @callback
    def stop(self) -> None:
        """Follow nothing."""
        if self._stop is not None:
            self._stop()
        self._stop = None
        self._following = None

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
