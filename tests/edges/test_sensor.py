"""The desk's sensors in a real Home Assistant, on the frozen clock."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import ATTR_DEVICE_CLASS, ATTR_UNIT_OF_MEASUREMENT, STATE_UNKNOWN
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.const import (
    CONF_PRESENCE_ENTITY,
    CONF_PRESENCE_THRESHOLD,
    CONF_STANDING_ENTITY,
    CONF_STANDING_HEIGHT,
)
from tests.conftest import PRESENCE
from tests.helpers import pass_time, set_presence, value

SITTING_TIME = "sensor.office_desk_sitting_time"
SITTING_SINCE = "sensor.office_desk_sitting_since"
SITTING_TODAY = "sensor.office_desk_sitting_today"
LONGEST = "sensor.office_desk_longest_stretch_today"
NEXT_BREAK = "sensor.office_desk_next_break"
BREAK_DUE = "binary_sensor.office_desk_break_due"
SITTING = "binary_sensor.office_desk_sitting"


@pytest.mark.usefixtures("init_integration")
async def test_entities_and_their_classes(hass: HomeAssistant) -> None:
    registry = er.async_get(hass)
    for entity_id in (SITTING_TIME, SITTING_TODAY, LONGEST, NEXT_BREAK, BREAK_DUE, SITTING):
        assert registry.async_get(entity_id) is not None, entity_id
    state = hass.states.get(SITTING_TODAY)
    assert state is not None
    assert state.attributes[ATTR_DEVICE_CLASS] == "duration"
    assert state.attributes[ATTR_UNIT_OF_MEASUREMENT] == "min"
    assert state.attributes["state_class"] == "total_increasing"
    assert state.attributes["friendly_name"] == "Office desk Sitting today"
    next_break = hass.states.get(NEXT_BREAK)
    assert next_break is not None
    assert next_break.attributes[ATTR_DEVICE_CLASS] == "timestamp"
    assert next_break.state == STATE_UNKNOWN  # nobody sits
    assert value(hass, SITTING_TIME) == "0"
    assert value(hass, BREAK_DUE) == "off"


@pytest.mark.default_entities
async def test_sitting_since_by_default_the_minute_durations_on_request(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """Minute-by-minute durations are off by default; "sitting since" shows the stretch."""
    registry = er.async_get(hass)
    for entity_id in (SITTING_TIME, LONGEST, "sensor.office_desk_sitting_left_today"):
        entry = registry.async_get(entity_id)
        assert entry is not None, entity_id
        assert entry.disabled_by is er.RegistryEntryDisabler.INTEGRATION
        assert hass.states.get(entity_id) is None
    assert value(hass, SITTING_SINCE) == STATE_UNKNOWN
    sat_down = dt_util.utcnow()
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=20))
    assert dt_util.parse_datetime(value(hass, SITTING_SINCE)) == sat_down
    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(minutes=1))  # a short gap: the stretch holds
    assert dt_util.parse_datetime(value(hass, SITTING_SINCE)) == sat_down
    await pass_time(hass, freezer, timedelta(minutes=2))  # the stretch has ended
    assert value(hass, SITTING_SINCE) == STATE_UNKNOWN


async def test_a_sitting_stretch_counts_to_the_minute(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    sat_down = dt_util.utcnow()
    await set_presence(hass, PRESENCE, True)
    assert value(hass, SITTING) == "off"  # not before the debounce has passed
    await pass_time(hass, freezer, timedelta(seconds=30))
    assert value(hass, SITTING) == "on"
    assert value(hass, SITTING_TIME) == "0"
    assert dt_util.parse_datetime(value(hass, NEXT_BREAK)) == sat_down + timedelta(minutes=30)

    await pass_time(hass, freezer, timedelta(minutes=12))
    assert value(hass, SITTING_TIME) == "12"
    assert value(hass, SITTING_TODAY) == "12"
    assert value(hass, LONGEST) == "12"
    assert value(hass, BREAK_DUE) == "off"

    await pass_time(hass, freezer, timedelta(minutes=18))
    assert value(hass, BREAK_DUE) == "on"
    assert value(hass, SITTING_TIME) == "30"


async def test_leaving_ends_the_stretch_but_keeps_the_day(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=20))
    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(seconds=40))
    assert value(hass, SITTING) == "off"
    assert value(hass, NEXT_BREAK) == STATE_UNKNOWN
    assert value(hass, SITTING_TIME) == "20"  # holds during a short gap
    await pass_time(hass, freezer, timedelta(minutes=2))
    assert value(hass, SITTING_TIME) == "0"
    assert value(hass, SITTING_TODAY) == "20"
    assert value(hass, LONGEST) == "20"


async def test_flicker_is_ignored(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=5))
    for _ in range(5):
        await set_presence(hass, PRESENCE, False)
        await pass_time(hass, freezer, timedelta(seconds=10))
        await set_presence(hass, PRESENCE, True)
        await pass_time(hass, freezer, timedelta(seconds=50))
    assert value(hass, SITTING_TIME) == "10"
    assert value(hass, SITTING) == "on"


async def test_state_writes_once_a_minute_while_sitting_and_never_while_away(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    writes: dict[str, int] = {}

    @callback
    def count(event: Event[Any]) -> None:
        entity_id = event.data["entity_id"]
        writes[entity_id] = writes.get(entity_id, 0) + 1

    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(seconds=30))
    unsubscribe = hass.bus.async_listen("state_changed", count)
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert writes.get(SITTING_TIME) == 10
    assert writes.get(SITTING_TODAY) == 10
    assert NEXT_BREAK not in writes
    assert SITTING not in writes

    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(minutes=5))
    writes.clear()
    await pass_time(hass, freezer, timedelta(hours=2))
    unsubscribe()
    assert writes == {}


async def test_midnight_resets_today_not_the_stretch(
    hass: HomeAssistant,
    presence_toggle: str,
    freezer: FrozenDateTimeFactory,
    mock_config_entry: MockConfigEntry,
) -> None:
    freezer.move_to("2026-03-10 23:30:00-07:00")
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=45))
    assert value(hass, SITTING_TODAY) == "15"
    assert value(hass, SITTING_TIME) == "45"
    assert value(hass, LONGEST) == "15"


@pytest.mark.parametrize(
    ("desk_data"),
    [
        {
            CONF_PRESENCE_ENTITY: "sensor.desk_plug_power",
            CONF_PRESENCE_THRESHOLD: 15,
        }
    ],
)
async def test_power_sensor_with_threshold(
    hass: HomeAssistant,
    morning: datetime,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    hass.states.async_set("sensor.desk_plug_power", "3.2", {"unit_of_measurement": "W"})
    await hass.async_block_till_done()
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await pass_time(hass, freezer, timedelta(minutes=5))
    assert value(hass, SITTING) == "off"
    hass.states.async_set("sensor.desk_plug_power", "85", {"unit_of_measurement": "W"})
    await hass.async_block_till_done()
    await pass_time(hass, freezer, timedelta(minutes=5))
    assert value(hass, SITTING) == "on"
    assert value(hass, SITTING_TIME) == "5"
    hass.states.async_set("sensor.desk_plug_power", "unavailable")
    await hass.async_block_till_done()
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert value(hass, SITTING_TODAY) == "5"  # no evidence is never sitting


@pytest.mark.parametrize(
    ("desk_data"),
    [
        {
            CONF_PRESENCE_ENTITY: PRESENCE,
            CONF_STANDING_ENTITY: "cover.desk",
            CONF_STANDING_HEIGHT: 50,
        }
    ],
)
async def test_standing_desk_cover_is_not_sitting(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    hass.states.async_set("cover.desk", "closed", {"current_position": 0})
    await hass.async_block_till_done()
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=10))
    hass.states.async_set("cover.desk", "open", {"current_position": 80})
    await hass.async_block_till_done()
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert value(hass, SITTING) == "off"
    assert value(hass, SITTING_TODAY) == "10"
    assert value(hass, SITTING_TIME) == "0"  # standing 10 minutes ended the stretch


async def test_two_presence_sources_any_counts(
    hass: HomeAssistant, morning: datetime, freezer: FrozenDateTimeFactory
) -> None:
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"desk_presence": {}, "pc_active": {}}}
    )
    entry = MockConfigEntry(
        domain="desk_coach",
        title="Office desk",
        data={
            CONF_PRESENCE_ENTITY: PRESENCE,
            "extra_presence_entities": ["input_boolean.pc_active"],
        },
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await set_presence(hass, "input_boolean.pc_active", True)
    await pass_time(hass, freezer, timedelta(minutes=3))
    assert value(hass, SITTING_TIME) == "3"
