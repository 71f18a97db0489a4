"""Compliance and the streak over simulated days in a real Home Assistant."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import ATTR_UNIT_OF_MEASUREMENT, STATE_UNKNOWN
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

from custom_components.desk_coach.const import CONF_COUNT_UNPROVEN, CONF_STREAK_TARGET
from tests.conftest import PRESENCE
from tests.helpers import pass_time, set_presence, value

COMPLIANCE = "sensor.office_desk_break_compliance_today"
STREAK = "sensor.office_desk_streak"
VACATION = "switch.office_desk_vacation"

# a scenario runs on a fresh install's entities (those off by default stay off)
pytestmark = pytest.mark.default_entities


async def jump_to(hass: HomeAssistant, freezer: FrozenDateTimeFactory, local: str) -> None:
    """Move the clock at once (nobody is at the desk meanwhile)."""
    freezer.move_to(local)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def press(hass: HomeAssistant, entity_id: str) -> None:
    await hass.services.async_call("button", "press", {"entity_id": entity_id}, blocking=True)
    await hass.async_block_till_done()


async def switch(hass: HomeAssistant, entity_id: str, on: bool) -> None:
    service = "turn_on" if on else "turn_off"
    await hass.services.async_call("switch", service, {"entity_id": entity_id}, blocking=True)
    await hass.async_block_till_done()


async def work(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    day: str,
    breaks: list[bool],
    *,
    by_button: bool = False,
) -> None:
    """Sit from 09:00 on ``day``; each due break is taken (True) or ignored until missed.

    A break is taken the way that proves it: away from the desk for a minute; with
    ``by_button``, "Take break" is pressed instead, without getting up.
    """
    await jump_to(hass, freezer, f"{day} 09:00:00-07:00")
    await set_presence(hass, PRESENCE, True)
    for take in breaks:
        await pass_time(hass, freezer, timedelta(minutes=30))
        assert value(hass, "binary_sensor.office_desk_break_due") == "on"
        if take and by_button:
            await press(hass, "button.office_desk_take_break")
        elif take:
            await set_presence(hass, PRESENCE, False)
            await pass_time(hass, freezer, timedelta(minutes=1))
            await set_presence(hass, PRESENCE, True)
            await pass_time(hass, freezer, timedelta(seconds=30))  # back: confirmed
            assert value(hass, "binary_sensor.office_desk_break_due") == "off"
        else:
            await pass_time(hass, freezer, timedelta(minutes=15))  # reminded twice, missed
    if by_button:  # sat on after Done: leaving at once would prove the last break
        await pass_time(hass, freezer, timedelta(minutes=3))
    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(minutes=3))


@pytest.mark.usefixtures("init_integration")
async def test_compliance_and_streak_over_two_weeks(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    compliance = hass.states.get(COMPLIANCE)
    assert compliance is not None
    assert compliance.state == STATE_UNKNOWN  # no break due yet
    assert compliance.attributes[ATTR_UNIT_OF_MEASUREMENT] == "%"
    assert compliance.attributes["state_class"] == "measurement"
    streak = hass.states.get(STREAK)
    assert streak is not None
    assert streak.state == "0"
    assert streak.attributes[ATTR_UNIT_OF_MEASUREMENT] == "days"
    assert streak.attributes["state_class"] == "measurement"

    # Tuesday 10 March: 4 of 5 breaks taken, exactly the 80 % target
    await work(hass, freezer, "2026-03-10", [True, True, False, True, True])
    assert value(hass, COMPLIANCE) == "80"
    assert value(hass, STREAK) == "1"
    # Wednesday: all taken
    await work(hass, freezer, "2026-03-11", [True, True])
    assert (value(hass, COMPLIANCE), value(hass, STREAK)) == ("100", "2")
    # Thursday: on vacation, and every break missed: neither counts nor breaks
    await jump_to(hass, freezer, "2026-03-12 07:00:00-07:00")
    assert value(hass, COMPLIANCE) == STATE_UNKNOWN  # a new day
    await switch(hass, VACATION, True)
    await work(hass, freezer, "2026-03-12", [False, False])
    assert (value(hass, COMPLIANCE), value(hass, STREAK)) == ("0", "2")
    await jump_to(hass, freezer, "2026-03-12 20:00:00-07:00")
    await switch(hass, VACATION, False)  # back: Friday counts
    # Friday: one due break, taken
    await work(hass, freezer, "2026-03-13", [True])
    assert value(hass, STREAK) == "3"
    # Saturday: sitting, but outside the active days breaks are quiet: no break is due
    await work(hass, freezer, "2026-03-14", [False])
    assert value(hass, COMPLIANCE) == STATE_UNKNOWN
    assert value(hass, "sensor.office_desk_breaks_missed_today") == "0"  # never missed unheard
    assert value(hass, STREAK) == "3"
    # Sunday: nobody at the desk
    await jump_to(hass, freezer, "2026-03-15 12:00:00-07:00")
    assert value(hass, STREAK) == "3"
    # Monday: today doesn't break the streak while it is in progress...
    await work(hass, freezer, "2026-03-16", [False])
    assert (value(hass, COMPLIANCE), value(hass, STREAK)) == ("0", "3")

    # ...and everything survives a restart
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert (value(hass, COMPLIANCE), value(hass, STREAK)) == ("0", "3")
    # ...but once Monday is over, it fell short: the streak starts again
    await work(hass, freezer, "2026-03-17", [True])
    assert (value(hass, COMPLIANCE), value(hass, STREAK)) == ("100", "1")

    history = (
        init_integration.runtime_data.coordinator.tracker.history
    )  # what the streak is read from
    assert history[date(2026, 3, 12)].vacation is True
    assert history[date(2026, 3, 13)].vacation is False
    assert history[date(2026, 3, 14)].compliance is None
    assert history[date(2026, 3, 16)].compliance == 0.0


@pytest.mark.parametrize("desk_options", [{CONF_STREAK_TARGET: 100}])
@pytest.mark.usefixtures("init_integration")
async def test_the_target_is_an_option(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    await work(hass, freezer, "2026-03-10", [True, True, True, False])
    assert (value(hass, COMPLIANCE), value(hass, STREAK)) == ("75", "0")
    hass.config_entries.async_update_entry(init_integration, options={CONF_STREAK_TARGET: 70})
    await hass.async_block_till_done()
    assert value(hass, STREAK) == "1"


@pytest.mark.usefixtures("init_integration")
async def test_vacation_survives_a_restart(
    hass: HomeAssistant, init_integration: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    state = hass.states.get(VACATION)
    assert state is not None
    assert state.state == "off"
    await switch(hass, VACATION, True)
    assert value(hass, VACATION) == "on"
    assert value(hass, "switch.office_desk_reminders") == "on"  # the other switch is untouched
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert value(hass, VACATION) == "on"
    stored = hass_storage[f"desk_coach.{init_integration.entry_id}"]["data"]
    assert stored["tracker"]["vacation"] is True
    assert stored["tracker"]["today"]["vacation"] is True
    await switch(hass, VACATION, False)
    assert value(hass, VACATION) == "off"


@pytest.mark.usefixtures("init_integration")
async def test_a_button_pressed_without_getting_up_is_no_proof(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """Compliance counts proven breaks; the option counts self-reported ones as well."""
    await work(hass, freezer, "2026-03-10", [True, True], by_button=True)
    assert value(hass, "sensor.office_desk_breaks_taken_today") == "2"
    assert (value(hass, COMPLIANCE), value(hass, STREAK)) == ("0", "0")
    hass.config_entries.async_update_entry(init_integration, options={CONF_COUNT_UNPROVEN: True})
    await hass.async_block_till_done()
    await work(hass, freezer, "2026-03-11", [True, True], by_button=True)
    assert (value(hass, COMPLIANCE), value(hass, STREAK)) == ("100", "1")
    history = init_integration.runtime_data.coordinator.tracker.history
    assert history[date(2026, 3, 10)].compliance == 0.0  # counted as it was that day
