"""Sensors: sitting time, today's totals and the next break."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import UnitOfTime
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .desk import DeskCoachConfigEntry
from .entity import DeskEntity, DeskEntityDescription
from .model import Status

PARALLEL_UPDATES = 0


def whole_minutes(duration: timedelta) -> int:
    """Minutes completed (a display that is right to the minute, never ahead)."""
    return int(duration.total_seconds() // 60)


@dataclass(frozen=True, kw_only=True)
class DeskSensorDescription(DeskEntityDescription, SensorEntityDescription):
    """A desk sensor."""


SENSORS: tuple[DeskSensorDescription, ...] = (
    DeskSensorDescription(
        key="sitting_time",
        translation_key="sitting_time",
        device_class=SensorDeviceClass.DURATION,
        native_unit_of_measurement=UnitOfTime.MINUTES,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=0,
        value_fn=lambda snapshot: whole_minutes(snapshot.sitting_time),
    ),
    DeskSensorDescription(
        key="sitting_today",
        translation_key="sitting_today",
        device_class=SensorDeviceClass.DURATION,
        native_unit_of_measurement=UnitOfTime.MINUTES,
        state_class=SensorStateClass.TOTAL_INCREASING,
        suggested_display_precision=0,
        value_fn=lambda snapshot: whole_minutes(snapshot.sitting_today),
    ),
    DeskSensorDescription(
        key="longest_stretch_today",
        translation_key="longest_stretch_today",
        device_class=SensorDeviceClass.DURATION,
        native_unit_of_measurement=UnitOfTime.MINUTES,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=0,
        value_fn=lambda snapshot: whole_minutes(snapshot.longest_stretch_today),
    ),
    *(
        DeskSensorDescription(
            key=key,
            translation_key=key,
            state_class=SensorStateClass.TOTAL_INCREASING,
            value_fn=value_fn,
        )
        for key, value_fn in (
            ("breaks_taken_today", lambda snapshot: snapshot.today.breaks_taken),
            ("natural_breaks_today", lambda snapshot: snapshot.today.natural_breaks),
            ("breaks_skipped_today", lambda snapshot: snapshot.today.breaks_skipped),
            ("breaks_missed_today", lambda snapshot: snapshot.today.breaks_missed),
        )
    ),
    DeskSensorDescription(
        key="break_status",
        translation_key="break_status",
        device_class=SensorDeviceClass.ENUM,
        options=[status.value for status in Status],
        value_fn=lambda snapshot: snapshot.status.value,
    ),
    DeskSensorDescription(
        key="next_break",
        translation_key="next_break",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda snapshot: snapshot.next_break,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: DeskCoachConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the desk's sensors."""
    async_add_entities(DeskSensor(entry, description) for description in SENSORS)


class DeskSensor(DeskEntity, SensorEntity):
    """A sensor read off the desk's snapshot."""

    entity_description: DeskSensorDescription

    @property
    def native_value(self) -> int | str | datetime | None:
        """The value last published."""
        value: int | str | datetime | None = self._value
        return value
