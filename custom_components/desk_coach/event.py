"""The break event entity: due, taken, natural, snoozed, skipped, missed."""

from __future__ import annotations

from homeassistant.components.event import EventEntity
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import DOMAIN
from .desk import DeskCoachConfigEntry
from .model import BreakEvent

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: DeskCoachConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the break event entity."""
    async_add_entities([BreakEventEntity(entry)])


class BreakEventEntity(EventEntity):
    """What last happened to a break, for automations and the logbook."""

    _attr_has_entity_name = True
    _attr_should_poll = False
    _attr_translation_key = "break"

    def __init__(self, entry: DeskCoachConfigEntry) -> None:
        """Attach the entity to the desk's device."""
        self._coach = entry.runtime_data
        self._attr_unique_id = f"{entry.entry_id}_break"
        self._attr_device_info = DeviceInfo(identifiers={(DOMAIN, entry.entry_id)})
        self._attr_event_types = [event.value for event in BreakEvent]

    async def async_added_to_hass(self) -> None:
        """Follow the desk's break events."""
        await super().async_added_to_hass()
        self.async_on_remove(self._coach.async_add_break_listener(self._on_break))

    @callback
    def _on_break(self, event: BreakEvent) -> None:
        self._trigger_event(event.value)
        self.async_write_ha_state()
