"""The reminders switch: announcing off, tracking on."""

from __future__ import annotations

from typing import Any

from homeassistant.components.switch import SwitchEntity
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .desk import DeskCoachConfigEntry
from .entity import DeskDeviceEntity

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: DeskCoachConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the reminders switch."""
    async_add_entities([RemindersSwitch(entry)])


class RemindersSwitch(DeskDeviceEntity, SwitchEntity):
    """On: breaks are announced. Off: the coach is quiet, the counting goes on."""

    _attr_translation_key = "reminders"
    _attr_entity_category = EntityCategory.CONFIG

    def __init__(self, entry: DeskCoachConfigEntry) -> None:
        """Attach the switch to the desk's device."""
        super().__init__(entry, "reminders")
        self._published = self.coach.reminders_on

    async def async_added_to_hass(self) -> None:
        """Follow the desk (the setting is kept in the desk's storage)."""
        await super().async_added_to_hass()
        self.async_on_remove(self.coach.async_add_listener(self._desk_updated))

    @callback
    def _desk_updated(self) -> None:
        if self.coach.reminders_on != self._published:
            self._published = self.coach.reminders_on
            self.async_write_ha_state()

    @property
    def is_on(self) -> bool:
        """Whether breaks are announced."""
        return self.coach.reminders_on

    async def async_turn_on(self, **kwargs: Any) -> None:
        """Announce breaks again."""
        self.coach.set_reminders(True)

    async def async_turn_off(self, **kwargs: Any) -> None:
        """Stop announcing; keep counting."""
        self.coach.set_reminders(False)
