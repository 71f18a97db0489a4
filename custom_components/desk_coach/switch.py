"""The reminders switch: announcing off, tracking on."""

from __future__ import annotations

from typing import Any

from homeassistant.components.switch import SwitchEntity
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import DOMAIN
from .desk import DeskCoachConfigEntry

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: DeskCoachConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the reminders switch."""
    async_add_entities([RemindersSwitch(entry)])


class RemindersSwitch(SwitchEntity):
    """On: breaks are announced. Off: the coach is quiet, the counting goes on."""

    _attr_has_entity_name = True
    _attr_should_poll = False
    _attr_translation_key = "reminders"
    _attr_entity_category = EntityCategory.CONFIG

    def __init__(self, entry: DeskCoachConfigEntry) -> None:
        """Attach the switch to the desk's device."""
        self._coach = entry.runtime_data
        self._attr_unique_id = f"{entry.entry_id}_reminders"
        self._attr_device_info = DeviceInfo(identifiers={(DOMAIN, entry.entry_id)})
        self._published = self._coach.reminders_on

    async def async_added_to_hass(self) -> None:
        """Follow the desk (the setting is kept in the desk's storage)."""
        await super().async_added_to_hass()
        self.async_on_remove(self._coach.async_add_listener(self._desk_updated))

    @callback
    def _desk_updated(self) -> None:
        if self._coach.reminders_on != self._published:
            self._published = self._coach.reminders_on
            self.async_write_ha_state()

    @property
    def is_on(self) -> bool:
        """Whether breaks are announced."""
        return self._coach.reminders_on

    async def async_turn_on(self, **kwargs: Any) -> None:
        """Announce breaks again."""
        self._coach.set_reminders(True)

    async def async_turn_off(self, **kwargs: Any) -> None:
        """Stop announcing; keep counting."""
        self._coach.set_reminders(False)
