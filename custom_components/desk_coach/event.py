"""Event entities: what happened to a break, and to a routine."""

from __future__ import annotations

from homeassistant.components.event import EventEntity
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import DeskCoachConfigEntry
from .entity import DeskDeviceEntity
from .model import BreakEvent
from .routine import Notice, RoutineEvent

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: DeskCoachConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the break and routine event entities."""
    async_add_entities([BreakEventEntity(entry), RoutineEventEntity(entry)])


class BreakEventEntity(DeskDeviceEntity, EventEntity):
    """What last happened to a break, for automations and the logbook."""

    _attr_translation_key = "break"

    def __init__(self, entry: DeskCoachConfigEntry) -> None:
        """Attach the entity to the desk's device."""
        super().__init__(entry, "break")
        self._attr_event_types = [event.value for event in BreakEvent]

    async def async_added_to_hass(self) -> None:
        """Follow the desk's break events."""
        await super().async_added_to_hass()
        self.async_on_remove(self.coordinator.breaks.async_add_listener(self._on_break))

    @callback
    def _on_break(self, event: BreakEvent) -> None:
        self._trigger_event(event.value)
        self.async_write_ha_state()


class RoutineEventEntity(DeskDeviceEntity, EventEntity):
    """Started, step, completed, stopped (with the reason) of the desk's routines."""

    _attr_translation_key = "routine"

    def __init__(self, entry: DeskCoachConfigEntry) -> None:
        """Attach the entity to the desk's device."""
        super().__init__(entry, "routine_event")
        self._attr_event_types = [event.value for event in RoutineEvent]

    async def async_added_to_hass(self) -> None:
        """Follow the desk's routine events."""
        await super().async_added_to_hass()
        self.async_on_remove(self.coordinator.routines.async_add_listener(self._on_notice))

    @callback
    def _on_notice(self, notice: Notice) -> None:
        self._trigger_event(notice.event.value, notice.details())
        self.async_write_ha_state()
