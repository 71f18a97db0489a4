"""Standing time in a real Home Assistant: counted only while standing, shown only when asked."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import ATTR_DEVICE_CLASS, ATTR_UNIT_OF_MEASUREMENT, STATE_UNKNOWN
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.const import CONF_PRESENCE_ENTITY, CONF_STANDING_ENTITY
from custom_components.desk_coach.model import MinuteCount
from tests.conftest import PRESENCE
from tests.helpers import pass_time, set_presence, value

STANDING_INPUT = "binary_sensor.desk_standing"
STANDING_TODAY = "sensor.office_desk_standing_today"
SHARE = "sensor.office_desk_standing_share_today"
SITTING_TODAY = "sensor.office_desk_sitting_today"
STANDING_DESK = {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: STANDING_INPUT}

# a scenario runs on a fresh install's entities (those off by default stay off)
pytestmark = pytest.mark.default_entities


async def stand(hass: HomeAssistant, on: bool) -> None:
    hass.states.async_set(STANDING_INPUT, "on" if on else "off")
    await hass.async_block_till_done()


@pytest.fixture
async def standing_desk(
    hass: HomeAssistant, morning: Any, presence_toggle: str, mock_config_entry: MockConfigEntry
) -> MockConfigEntry:
    """A desk with a standing input (seated to begin with)."""
    hass.states.async_set(STANDING_INPUT, "off")
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry


@pytest.mark.parametrize("desk_data", [STANDING_DESK])
@pytest.mark.usefixtures("standing_desk")
async def test_standing_counts_only_standing_and_the_share_follows(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    standing = hass.states.get(STANDING_TODAY)
    assert standing is not None
    assert standing.state == "0"
    assert standing.attributes[ATTR_DEVICE_CLASS] == "duration"
    assert standing.attributes[ATTR_UNIT_OF_MEASUREMENT] == "min"
    assert standing.attributes["state_class"] == "total_increasing"
    share = hass.states.get(SHARE)
    assert share is not None
    assert share.state == STATE_UNKNOWN  # no desk time yet
    assert share.attributes[ATTR_UNIT_OF_MEASUREMENT] == "%"
    assert share.attributes["state_class"] == "measurement"

    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert (value(hass, SITTING_TODAY), value(hass, STANDING_TODAY)) == ("10", "0")
    assert value(hass, SHARE) == "0"
    await stand(hass, True)
    await pass_time(hass, freezer, timedelta(minutes=30))
    assert (value(hass, SITTING_TODAY), value(hass, STANDING_TODAY)) == ("10", "30")
    assert value(hass, SHARE) == "75"
    await set_presence(hass, PRESENCE, False)  # walked away from the raised desk
    await pass_time(hass, freezer, timedelta(minutes=20))
    assert value(hass, STANDING_TODAY) == "30"
    await set_presence(hass, PRESENCE, True)
    await stand(hass, False)
    await pass_time(hass, freezer, timedelta(minutes=20))
    assert (value(hass, SITTING_TODAY), value(hass, STANDING_TODAY)) == ("30", "30")
    assert value(hass, SHARE) == "50"
    # standing never counts as sitting: not for breaks either
    assert value(hass, "sensor.office_desk_breaks_missed_today") == "0"


@pytest.mark.parametrize("desk_data", [STANDING_DESK])
@pytest.mark.usefixtures("standing_desk")
async def test_standing_today_writes_once_a_minute_and_only_while_standing(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    writes: dict[str, int] = {}

    @callback
    def count(event: Event[Any]) -> None:
        writes[event.data["entity_id"]] = writes.get(event.data["entity_id"], 0) + 1

    await set_presence(hass, PRESENCE, True)
    await stand(hass, True)
    await pass_time(hass, freezer, timedelta(seconds=30))
    unsubscribe = hass.bus.async_listen("state_changed", count)
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert writes.get(STANDING_TODAY) == 10
    assert SITTING_TODAY not in writes
    assert writes.get(SHARE) == 1  # 0 % of no time was unknown; 100 % from then on
    await stand(hass, False)
    await pass_time(hass, freezer, timedelta(seconds=30))
    writes.clear()
    await pass_time(hass, freezer, timedelta(minutes=10))
    unsubscribe()
    assert STANDING_TODAY not in writes
    assert writes.get(SITTING_TODAY) == 10
    assert writes.get(SHARE, 0) >= 5  # 100 → 50 % in steps as the sitting minutes add up


@pytest.mark.parametrize("desk_data", [STANDING_DESK])
@pytest.mark.usefixtures("standing_desk")
async def test_the_desk_wakes_for_standing_minutes_only_while_they_are_shown(
    hass: HomeAssistant, standing_desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    coach = standing_desk.runtime_data.coordinator
    assert MinuteCount.STANDING_TODAY in coach.minutes_shown  # standing today and the share
    await set_presence(hass, PRESENCE, True)
    await stand(hass, True)
    await pass_time(hass, freezer, timedelta(minutes=2))
    assert coach.timer.planned is not None
    assert coach.timer.planned - dt_util.utcnow() <= timedelta(minutes=1)

    registry = er.async_get(hass)
    for entity_id in (STANDING_TODAY, SHARE):
        registry.async_update_entity(entity_id, disabled_by=er.RegistryEntryDisabler.USER)
    assert await hass.config_entries.async_reload(standing_desk.entry_id)
    await hass.async_block_till_done()
    coach = standing_desk.runtime_data.coordinator
    assert MinuteCount.STANDING_TODAY not in coach.minutes_shown
    await pass_time(hass, freezer, timedelta(minutes=2))
    assert coach.snapshot.status == "standing"
    assert coach.timer.planned is not None
    assert coach.timer.planned - dt_util.utcnow() > timedelta(minutes=30)  # nothing to show


@pytest.mark.usefixtures("init_integration")
async def test_no_standing_input_no_standing_sensors(hass: HomeAssistant) -> None:
    registry = er.async_get(hass)
    assert registry.async_get(STANDING_TODAY) is None
    assert registry.async_get(SHARE) is None
    assert hass.states.get(SITTING_TODAY) is not None


@pytest.mark.parametrize("desk_data", [STANDING_DESK])
async def test_removing_the_standing_input_removes_its_sensors(
    hass: HomeAssistant, standing_desk: MockConfigEntry
) -> None:
    registry = er.async_get(hass)
    assert registry.async_get(STANDING_TODAY) is not None
    hass.config_entries.async_update_entry(standing_desk, data={CONF_PRESENCE_ENTITY: PRESENCE})
    await hass.async_block_till_done()  # a changed input reloads the desk
    assert registry.async_get(STANDING_TODAY) is None
    assert registry.async_get(SHARE) is None
    assert hass.states.get(STANDING_TODAY) is None
    assert value(hass, SITTING_TODAY) == "0"


@pytest.mark.parametrize("desk_data", [STANDING_DESK])
async def test_standing_today_survives_a_restart(
    hass: HomeAssistant, standing_desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    await set_presence(hass, PRESENCE, True)
    await stand(hass, True)
    await pass_time(hass, freezer, timedelta(minutes=15))
    assert await hass.config_entries.async_reload(standing_desk.entry_id)
    await hass.async_block_till_done()
    assert value(hass, STANDING_TODAY) == "15"
    await pass_time(hass, freezer, timedelta(minutes=5))
    assert value(hass, STANDING_TODAY) == "20"
