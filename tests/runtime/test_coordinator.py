"""The desk's coordinator: pushed, never polled; a minute reaches only what shows minutes."""

from __future__ import annotations

from datetime import timedelta
import logging

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_STATE_CHANGED
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events

from tests.conftest import PRESENCE
from tests.helpers import pass_time, set_presence, value

SITTING_TODAY = "sensor.office_desk_sitting_today"
BREAK_STATUS = "sensor.office_desk_break_status"


async def test_a_minute_of_sitting_writes_only_what_shows_minutes(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """Only time passing: the counts change, nothing else is written."""
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=3))
    changes = async_capture_events(hass, EVENT_STATE_CHANGED)
    await pass_time(hass, freezer, timedelta(minutes=5))
    written = {event.data["entity_id"] for event in changes}
    assert SITTING_TODAY in written
    assert BREAK_STATUS not in written
    shown = init_integration.runtime_data.coordinator.minutes_shown
    assert all(entity_id.startswith("sensor.") for entity_id in written), written
    assert shown  # the minute counts shown are the listeners' contexts


async def test_update_entity_brings_the_answers_up_to_now(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """``homeassistant.update_entity`` on a desk entity refreshes instead of failing."""
    assert await async_setup_component(hass, "homeassistant", {})
    await set_presence(hass, PRESENCE, True)
    freezer.tick(timedelta(minutes=7, seconds=5))  # no timer has fired yet
    await hass.services.async_call(
        "homeassistant", "update_entity", {"entity_id": SITTING_TODAY}, blocking=True
    )
    await hass.async_block_till_done()
    assert value(hass, SITTING_TODAY) == "7"


async def test_the_coordinator_push_is_not_in_the_debug_log(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Debug logging for Desk Coach tells decisions, not one line per push."""
    caplog.set_level(logging.DEBUG, logger="custom_components.desk_coach")
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=10))
    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(minutes=2))
    pushes = [r for r in caplog.records if "Manually updated" in r.getMessage()]
    assert pushes == []
    assert any(r.name.startswith("custom_components.desk_coach") for r in caplog.records)
