"""The base of every Desk Coach entity."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from homeassistant.core import callback
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity import Entity, EntityDescription

from .const import DOMAIN
from .desk import DeskCoach, DeskCoachConfigEntry
from .model import Snapshot


@dataclass(frozen=True, kw_only=True)
class DeskEntityDescription(EntityDescription):
    """An entity whose state is read off the desk's snapshot."""

    value_fn: Callable[[Snapshot], Any]


class DeskDeviceEntity(Entity):
    """An entity on one desk's device: named by translation, pushed, never polled."""

    _attr_has_entity_name = True
    _attr_should_poll = False

    def __init__(self, entry: DeskCoachConfigEntry, key: str) -> None:
        """Attach the entity to the desk's device."""
        self.coach: DeskCoach = entry.runtime_data
        self._attr_unique_id = f"{entry.entry_id}_{key}"
        self._attr_device_info = DeviceInfo(identifiers={(DOMAIN, entry.entry_id)})


class DeskEntity(DeskDeviceEntity):
    """An entity whose state is read off the desk's snapshot."""

    entity_description: DeskEntityDescription

    def __init__(self, entry: DeskCoachConfigEntry, description: DeskEntityDescription) -> None:
        """Attach the entity to the desk's device."""
        super().__init__(entry, description.key)
        self.entity_description = description
        self._value: Any = description.value_fn(self.coach.snapshot)

    async def async_added_to_hass(self) -> None:
        """Follow the desk's updates."""
        await super().async_added_to_hass()
        self.async_on_remove(self.coach.async_add_listener(self._desk_updated))

    @callback
    def _desk_updated(self) -> None:
        # Write only real changes: a duration in minutes changes at most once a minute.
        value = self.entity_description.value_fn(self.coach.snapshot)
        if value != self._value:
            self._value = value
            self.async_write_ha_state()
