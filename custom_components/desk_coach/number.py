"""Numbers a dashboard can change: the break interval, and the pain of the week.

The interval is kept in the options; the pain (0 to 10) with the strength programme.
"""

from __future__ import annotations

from homeassistant.components.number import NumberDeviceClass, NumberEntity, NumberMode
from homeassistant.const import EntityCategory, UnitOfTime
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .const import (
    CONF_BREAK_INTERVAL,
    MAX_BREAK_INTERVAL,
    MIN_BREAK_INTERVAL,
)
from .coordinator import DeskCoachConfigEntry
from .entity import DeskPushedEntity
from .helpers import refusals_translated
from .minutes import minutes_in_range
from .pain import MAX_PAIN, MIN_PAIN, this_week
from .refusal import Refusal

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: DeskCoachConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the break interval and the pain of the week."""
    async_add_entities([BreakIntervalNumber(entry), PainThisWeekNumber(entry)])


class BreakIntervalNumber(DeskPushedEntity, NumberEntity):
    """Minutes of sitting between breaks."""

    _attr_translation_key = CONF_BREAK_INTERVAL
    _attr_device_class = NumberDeviceClass.DURATION
    _attr_entity_category = EntityCategory.CONFIG
    _attr_mode = NumberMode.BOX
    _attr_native_min_value = MIN_BREAK_INTERVAL
    _attr_native_max_value = MAX_BREAK_INTERVAL
    _attr_native_step = 1
    _attr_native_unit_of_measurement = UnitOfTime.MINUTES

    def __init__(self, entry: DeskCoachConfigEntry) -> None:
        """Attach the number to the desk's device."""
        self._entry = entry
        super().__init__(entry, CONF_BREAK_INTERVAL)

    def _current(self) -> float:
        """The interval from the options (changes made in the options flow show too)."""
        return self.coordinator.options.tracking.break_interval.total_seconds() / 60

    @property
    def native_value(self) -> float:
        """The interval from the options."""
        return float(self._published)

    async def async_set_native_value(self, value: float) -> None:
        """Keep the new interval in the options; the desk applies it at once.

        Whole minutes only: 30.5 (or NaN, which passes Home Assistant's own range check) is
        refused in words, not cut to 30.
        """
        with refusals_translated():
            minutes = minutes_in_range(
                value,
                (MIN_BREAK_INTERVAL, MAX_BREAK_INTERVAL),
                refusal="break_interval_out_of_range",
                shown=f"{value:g}",
            )
        self.hass.config_entries.async_update_entry(
            self._entry, options={**self._entry.options, CONF_BREAK_INTERVAL: minutes}
        )


class PainThisWeekNumber(DeskPushedEntity, NumberEntity):
    """Neck or shoulder pain this week, 0 to 10: the weekly question, answered any time."""

    _attr_translation_key = "pain_this_week"
    _attr_mode = NumberMode.SLIDER
    _attr_native_min_value = MIN_PAIN
    _attr_native_max_value = MAX_PAIN
    _attr_native_step = 1

    def __init__(self, entry: DeskCoachConfigEntry) -> None:
        """Attach the number to the desk's device."""
        super().__init__(entry, "pain_this_week")

    def _current(self) -> int | None:
        """The answer for this week (None: not given yet)."""
        today = dt_util.as_local(self.coordinator.snapshot.as_of).date()
        return this_week(self.coordinator.programme.state.pain, today)

    @property
    def native_value(self) -> float | None:
        """The answer for this week."""
        return None if self._published is None else float(self._published)

    async def async_set_native_value(self, value: float) -> None:
        """Keep this week's pain; a value that is not a whole number 0 to 10 is refused."""
        with refusals_translated():
            if not (value.is_integer() and MIN_PAIN <= value <= MAX_PAIN):
                raise Refusal("pain_out_of_range", {"pain": f"{value:g}"})
        self.coordinator.summary.checkin.record(int(value))
