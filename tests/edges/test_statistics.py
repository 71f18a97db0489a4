"""Long-term statistics of the daily sensors, with Home Assistant's own recorder."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.recorder import get_instance
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
    do_adhoc_statistics,
    statistics_during_period,
)

from tests.conftest import PRESENCE
from tests.helpers import pass_time, set_presence

SITTING_TODAY = "sensor.office_desk_sitting_today"
COMPLIANCE = "sensor.office_desk_break_compliance_today"
STREAK = "sensor.office_desk_streak"
PROVEN = "sensor.office_desk_breaks_proven_today"


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(recorder_mock: Any, enable_custom_integrations: None) -> None:
    """Replace the shared fixture: the recorder must be set up before ``hass``."""


async def compile_period(hass: HomeAssistant, start: str) -> None:
    """Compile the five minutes from ``start`` (local); at minute 55, also their hour.

    Home Assistant compiles every five minutes; these are the periods where something
    changed: the morning's zero, each day's total, each midnight's reset.
    """
    await async_wait_recording_done(hass)
    do_adhoc_statistics(hass, start=dt_util.as_utc(datetime.fromisoformat(start)))
    await async_wait_recording_done(hass)


async def jump_to(hass: HomeAssistant, freezer: FrozenDateTimeFactory, local: str) -> None:
    freezer.move_to(local)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def test_daily_sensors_have_long_term_statistics(
    hass: HomeAssistant,
    presence_toggle: str,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    freezer.move_to("2026-03-10 08:50:00-07:00")
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    first = dt_util.utcnow()
    await jump_to(hass, freezer, "2026-03-10 08:56:00-07:00")
    await compile_period(hass, "2026-03-10T08:50:00-07:00")
    for day, minutes in ((10, 40), (11, 50), (12, 45)):
        if day > 10:
            await jump_to(hass, freezer, f"2026-03-{day} 00:01:00-07:00")  # the reset to 0
            await jump_to(hass, freezer, f"2026-03-{day} 00:06:00-07:00")
            await compile_period(hass, f"2026-03-{day}T00:00:00-07:00")
        await jump_to(hass, freezer, f"2026-03-{day} 09:00:00-07:00")
        await set_presence(hass, PRESENCE, True)
        await pass_time(hass, freezer, timedelta(minutes=31))
        await set_presence(hass, PRESENCE, False)  # the break: up and away for a minute
        await pass_time(hass, freezer, timedelta(minutes=1))
        await set_presence(hass, PRESENCE, True)
        await pass_time(hass, freezer, timedelta(minutes=minutes - 31))
        await set_presence(hass, PRESENCE, False)
        await jump_to(hass, freezer, f"2026-03-{day} 10:01:00-07:00")
        await compile_period(hass, f"2026-03-{day}T09:55:00-07:00")

    rows = await get_instance(hass).async_add_executor_job(
        statistics_during_period,
        hass,
        first,
        dt_util.utcnow(),
        {SITTING_TODAY, COMPLIANCE, STREAK},
        "hour",
    )
    sitting = rows[SITTING_TODAY]
    # the day's total at each hour (the minute away was no sitting)
    assert [row["state"] for row in sitting] == [40, 50, 45]
    # total_increasing: the reset at midnight starts a new cycle, the sum keeps adding up
    assert [row["sum"] for row in sitting] == [40, 90, 135]
    proven = hass.states.get(PROVEN)
    assert proven is not None
    assert (proven.state, proven.attributes["moved"]) == ("2", 2)  # the break and leaving
    assert proven.attributes["state_class"] == "total_increasing"
    assert [row["max"] for row in rows[COMPLIANCE]] == [100, 100, 100]
    assert [row["max"] for row in rows[STREAK]] == [1, 2, 3]

    days = await get_instance(hass).async_add_executor_job(
        statistics_during_period, hass, first, dt_util.utcnow(), {SITTING_TODAY}, "day"
    )
    assert len(days[SITTING_TODAY]) == 3
