"""The adapting interval in a real Home Assistant: applied at each day's start, kept, shown.

The rule itself, with its laws over simulated fortnights, is tested in
``tests/core/test_adaptive.py``; here the desk's finished days are what storage would hold.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

from custom_components.desk_coach.const import CONF_ADAPT_INTERVAL
from custom_components.desk_coach.model import DaySummary
from tests.conftest import PRESENCE
from tests.helpers import pass_time, set_presence

ADAPTED = "sensor.office_desk_adapted_interval"
M = timedelta(minutes=1)


def snoozy_fortnight(today: date) -> dict[date, DaySummary]:
    """Two weeks of 4 due breaks a day, 3 of them snoozed, taken after 40 minutes."""
    day = DaySummary(
        breaks_taken=4,
        compliance_due=4,
        compliance_taken=4,
        breaks_snoozed=3,
        sat_before_breaks=4 * 40 * M,
    )
    return {today - timedelta(days=n): day for n in range(1, 15)}


async def next_midnight(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    local = dt_util.as_local(dt_util.utcnow())
    midnight = datetime(local.year, local.month, local.day, tzinfo=local.tzinfo) + timedelta(
        days=1, minutes=1
    )
    freezer.move_to(midnight)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


def shown(hass: HomeAssistant) -> tuple[str, str, Any]:
    state = hass.states.get(ADAPTED)
    assert state is not None
    return state.state, state.attributes["reason"], state.attributes["changed_on"]


async def test_off_the_interval_is_the_setting(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    coach = init_integration.runtime_data.coordinator
    coach.tracker.history = snoozy_fortnight(dt_util.as_local(dt_util.utcnow()).date())
    await next_midnight(hass, freezer)
    assert shown(hass) == ("30", "off", None)
    assert coach.tracker.settings.break_interval == 30 * M


@pytest.mark.parametrize("desk_options", [{CONF_ADAPT_INTERVAL: True}])
async def test_snoozed_breaks_move_the_interval_later_once_a_day(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    coach = init_integration.runtime_data.coordinator
    assert shown(hass) == ("30", "setting", None)  # nothing to go on yet
    today = dt_util.as_local(dt_util.utcnow()).date()
    coach.tracker.history = snoozy_fortnight(today + timedelta(days=1))
    await next_midnight(hass, freezer)
    tomorrow = today + timedelta(days=1)
    assert shown(hass) == ("35", "snoozed", tomorrow)
    # the desk counts with it: sitting down, the next break is 35 minutes away
    sat_down = dt_util.utcnow()
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(seconds=31))  # confirmed, from when it began
    assert coach.snapshot.next_break == sat_down + 35 * M
    # a restart the same day changes nothing, and keeps it
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert shown(hass) == ("35", "snoozed", tomorrow)
    coach = init_integration.runtime_data.coordinator
    coach.tracker.history = snoozy_fortnight(tomorrow + timedelta(days=1))
    await next_midnight(hass, freezer)
    assert shown(hass) == ("40", "snoozed", tomorrow + timedelta(days=1))
    coach.tracker.history = snoozy_fortnight(tomorrow + timedelta(days=2))
    await next_midnight(hass, freezer)  # where the breaks come: it stays
    assert shown(hass) == ("40", "held", tomorrow + timedelta(days=1))
    # turned off: the setting again
    hass.config_entries.async_update_entry(init_integration, options={CONF_ADAPT_INTERVAL: False})
    await hass.async_block_till_done()
    assert shown(hass) == ("30", "off", None)
    assert coach.tracker.settings.break_interval == 30 * M
