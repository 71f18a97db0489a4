"""Binary sensors: is someone sitting, is a break due, is today's sitting over the limit."""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.components.binary_sensor import (
    BinarySensorDeviceClass,
    BinarySensorEntity,
    BinarySensorEntityDescription,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import DeskCoachConfigEntry
from .entity import DeskEntity, DeskEntityDescription

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class DeskBinarySensorDescription(DeskEntityDescription, BinarySensorEntityDescription):
    """A desk binary sensor."""


BINARY_SENSORS: tuple[DeskBinarySensorDescription, ...] = (
    DeskBinarySensorDescription(
        key="break_due",
        translation_key="break_due",
        value_fn=lambda coach: coach.snapshot.break_due,
    ),
    DeskBinarySensorDescription(
        key="sitting",
        translation_key="sitting",
        device_class=BinarySensorDeviceClass.OCCUPANCY,
        value_fn=lambda coach: coach.snapshot.sitting,
    ),
    DeskBinarySensorDescription(
        key="over_daily_limit",
        translation_key="over_daily_limit",
        device_class=BinarySensorDeviceClass.PROBLEM,
        value_fn=lambda coach: coach.snapshot.over_daily_limit,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: DeskCoachConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the desk's binary sensors."""
    async_add_entities(DeskBinarySensor(entry, description) for description in BINARY_SENSORS)


class DeskBinarySensor(DeskEntity, BinarySensorEntity):
    """A binary sensor read off the desk's snapshot."""

    entity_description: DeskBinarySensorDescription

    @property
    def is_on(self) -> bool:
        """The value last published."""
        return bool(self._value)
