"""A wake-up far later than planned (the clock jumped, the host slept) is no evidence."""

from __future__ import annotations

from datetime import timedelta
import math

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

from tests.conftest import PRESENCE
from tests.helpers import pass_time, set_presence, value

SITTING_TODAY = "sensor.office_desk_sitting_today"
MISSED_TODAY = "sensor.office_desk_breaks_missed_today"
BREAK_DUE = "binary_sensor.office_desk_break_due"


def planned_minutes(entry: MockConfigEntry) -> int:
    """Whole minutes from now to the desk's planned wake-up."""
    wake = entry.runtime_data.coordinator.timer.planned
    assert wake is not None
    return math.ceil((wake - dt_util.utcnow()).total_seconds() / 60)


async def test_three_hours_without_timers_are_not_sitting(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=10))
    before, planned = int(value(hass, SITTING_TODAY)), planned_minutes(init_integration)
    freezer.move_to(dt_util.utcnow() + timedelta(hours=3))
    async_fire_time_changed(hass)  # the one late wake-up
    await hass.async_block_till_done()
    assert before <= int(value(hass, SITTING_TODAY)) <= before + planned
    assert value(hass, MISSED_TODAY) == "0"
    assert value(hass, BREAK_DUE) == "off"
    # still sitting: counted again from the wake-up, a new stretch
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert int(value(hass, SITTING_TODAY)) <= before + planned + 10
    assert value(hass, "sensor.office_desk_sitting_time") == "10"


async def test_a_state_change_after_a_jump_does_not_count_it_either(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=10))
    before, planned = int(value(hass, SITTING_TODAY)), planned_minutes(init_integration)
    freezer.move_to(dt_util.utcnow() + timedelta(hours=3))
    await set_presence(hass, PRESENCE, False)  # before any timer fires
    await pass_time(hass, freezer, timedelta(minutes=1))
    assert before <= int(value(hass, SITTING_TODAY)) <= before + planned
    assert value(hass, MISSED_TODAY) == "0"


async def test_a_late_wake_within_stretch_ends_after_counts_as_usual(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=10))
    freezer.tick(timedelta(seconds=90))  # less than Stretch ends after (2 min)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    await pass_time(hass, freezer, timedelta(minutes=3, seconds=30))
    assert value(hass, SITTING_TODAY) == "15"


async def test_a_backward_jump_counts_nothing_twice_and_delays_the_break_by_the_jump(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert value(hass, SITTING_TODAY) == "10"
    freezer.move_to(dt_util.utcnow() - timedelta(minutes=10))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    await pass_time(hass, freezer, timedelta(minutes=10))  # the same ten minutes again
    assert value(hass, SITTING_TODAY) == "10"
    await pass_time(hass, freezer, timedelta(minutes=19))
    assert value(hass, SITTING_TODAY) == "29"
    assert value(hass, BREAK_DUE) == "off"
    await pass_time(hass, freezer, timedelta(minutes=1))
    assert value(hass, BREAK_DUE) == "on"  # 30 minutes of sitting: 10 minutes late
