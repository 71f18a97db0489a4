"""Setting up, unloading, restarting and removing a desk: nothing counted is lost."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import EVENT_HOMEASSISTANT_FINAL_WRITE, STATE_UNKNOWN
from homeassistant.core import HomeAssistant
from homeassistant.helpers import area_registry as ar, device_registry as dr
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.const import CONF_AREA, CONF_PRESENCE_ENTITY, DOMAIN
from tests.conftest import PRESENCE
from tests.helpers import pass_time, set_presence, value

SITTING_TIME = "sensor.office_desk_sitting_time"
SITTING_TODAY = "sensor.office_desk_sitting_today"


def stored(hass_storage: dict[str, Any], entry: MockConfigEntry) -> dict[str, Any]:
    data: dict[str, Any] = hass_storage[f"{DOMAIN}.{entry.entry_id}"]["data"]
    return data


async def test_device_carries_the_desk_name(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    device = dr.async_get(hass).async_get_device(identifiers={(DOMAIN, init_integration.entry_id)})
    assert device is not None
    assert device.name == "Office desk"
    assert init_integration.state is ConfigEntryState.LOADED


async def test_area_is_applied_to_a_new_device_only(
    hass: HomeAssistant, morning: datetime, presence_toggle: str
) -> None:
    office = ar.async_get(hass).async_create("Office")
    study = ar.async_get(hass).async_create("Study")
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Office desk",
        data={CONF_PRESENCE_ENTITY: PRESENCE, CONF_AREA: office.id},
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    registry = dr.async_get(hass)
    device = registry.async_get_device(identifiers={(DOMAIN, entry.entry_id)})
    assert device is not None
    assert device.area_id == office.id
    # the user moves the device on its page: a reload must not undo that
    registry.async_update_device(device.id, area_id=study.id)
    assert await hass.config_entries.async_reload(entry.entry_id)
    device = registry.async_get_device(identifiers={(DOMAIN, entry.entry_id)})
    assert device is not None
    assert device.area_id == study.id


async def test_reload_keeps_totals_and_the_stretch(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert value(hass, SITTING_TODAY) == "10"
    assert value(hass, SITTING_TIME) == "10"
    await pass_time(hass, freezer, timedelta(minutes=5))
    assert value(hass, SITTING_TIME) == "15"


async def test_unload_writes_what_was_counted(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=7))
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    assert init_integration.state is ConfigEntryState.NOT_LOADED
    data = stored(hass_storage, init_integration)
    assert data["tracker"]["today"]["sitting"] == 7 * 60
    assert dt_util.parse_datetime(data["observed_until"]) == dt_util.utcnow()


async def test_saves_while_sitting_without_waiting_for_a_stop(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=2))
    # sitting down happened: saved within the short delay
    assert stored(hass_storage, init_integration)["tracker"]["confirmed"] == "sitting"
    await pass_time(hass, freezer, timedelta(minutes=18))
    # while the minutes only add up, a checkpoint every five minutes: a crash loses less
    data = stored(hass_storage, init_integration)
    assert 15 * 60 <= data["tracker"]["today"]["sitting"] < 20 * 60
    hass.bus.async_fire(EVENT_HOMEASSISTANT_FINAL_WRITE)
    await hass.async_block_till_done()
    assert stored(hass_storage, init_integration)["tracker"]["today"]["sitting"] == 20 * 60


@pytest.mark.parametrize(
    ("downtime", "sitting_time_after"),
    [
        # shorter than away_reset: the stretch goes on, the downtime is not counted
        (timedelta(seconds=90), "15"),
        # longer: the stretch has ended, a new one begins at the restart
        (timedelta(hours=1), "5"),
    ],
)
async def test_restart_counts_downtime_as_no_evidence(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    downtime: timedelta,
    sitting_time_after: str,
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    freezer.tick(downtime)
    assert await hass.config_entries.async_setup(init_integration.entry_id)
    await hass.async_block_till_done()
    assert value(hass, SITTING_TODAY) == "10"
    await pass_time(hass, freezer, timedelta(minutes=5))
    assert value(hass, SITTING_TODAY) == "15"
    assert value(hass, SITTING_TIME) == sitting_time_after


async def test_restore_from_storage_after_a_crash(
    hass: HomeAssistant,
    morning: datetime,
    presence_toggle: str,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    freezer: FrozenDateTimeFactory,
) -> None:
    saved_at = dt_util.utcnow() - timedelta(minutes=30)
    day = dt_util.as_local(saved_at).date().isoformat()
    hass_storage[f"{DOMAIN}.{mock_config_entry.entry_id}"] = {
        "version": 1,
        "minor_version": 1,
        "key": f"{DOMAIN}.{mock_config_entry.entry_id}",
        "data": {
            "observed_until": saved_at.isoformat(),
            "tracker": {
                "clock": saved_at.isoformat(),
                "confirmed": "sitting",
                "raw": "sitting",
                "pending": [],
                "stretch": {
                    "start": (saved_at - timedelta(minutes=42)).isoformat(),
                    "countdown_from": (saved_at - timedelta(minutes=12)).isoformat(),
                    "sitting": 42 * 60.0,
                    "sitting_today": 42 * 60.0,
                    "due": False,
                    "gap_start": None,
                    "gap_evidence": 0.0,
                    "gap_is_break": False,
                },
                "today": {
                    "day": day,
                    "sitting": 100 * 60.0,
                    "longest_stretch": 58 * 60.0,
                    "breaks_taken": 2,
                    "natural_breaks": 1,
                },
                "history": {
                    "2026-03-09": {
                        "sitting": 300 * 60.0,
                        "longest_stretch": 60 * 60.0,
                        "breaks_taken": 5,
                        "natural_breaks": 0,
                    }
                },
            },
        },
    }
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    # 30 minutes unseen: no evidence, the stretch has ended, the day is kept
    assert value(hass, SITTING_TODAY) == "100"
    assert value(hass, "sensor.office_desk_longest_stretch_today") == "58"
    assert value(hass, SITTING_TIME) == "0"
    assert value(hass, "sensor.office_desk_next_break") == STATE_UNKNOWN
    tracker = mock_config_entry.runtime_data.coordinator.tracker
    assert tracker.history[datetime(2026, 3, 9).date()].sitting == timedelta(minutes=300)


async def test_removing_the_desk_removes_its_data(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=2))
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    assert f"{DOMAIN}.{init_integration.entry_id}" in hass_storage
    await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()
    assert f"{DOMAIN}.{init_integration.entry_id}" not in hass_storage
    assert hass.states.get(SITTING_TODAY) is None
