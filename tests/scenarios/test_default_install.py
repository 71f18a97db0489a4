"""A morning at the desk on the default install: no test fixture turns entities on.

Most tests turn on every entity (the minute-by-minute durations are off by default);
these walk the same day as a fresh install has it, where only what is on by default may
cost anything: a minute passing writes only "sitting today".
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_STATE_CHANGED
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.model import MinuteCount
from tests.conftest import PRESENCE
from tests.helpers import pass_time, set_presence, value

pytestmark = pytest.mark.default_entities

TODAY = "sensor.office_desk_sitting_today"
STATUS = "sensor.office_desk_break_status"
NEXT_BREAK = "sensor.office_desk_next_break"
DUE = "binary_sensor.office_desk_break_due"


def desk_writes(hass: HomeAssistant) -> Counter[str]:
    """Count the state writes of the desk's entities from now on."""
    writes: Counter[str] = Counter()

    @callback
    def written(event: Event) -> None:
        entity_id = event.data["entity_id"]
        if "office_desk" in entity_id:
            writes[entity_id] += 1

    hass.bus.async_listen(EVENT_STATE_CHANGED, written)
    return writes


async def test_a_minute_of_sitting_writes_only_sitting_today(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=2))  # past the debounce: sitting
    writes = desk_writes(hass)
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert writes == Counter({TODAY: 10})
    assert value(hass, TODAY) == "12"


async def test_the_break_falls_due_and_is_taken_on_the_default_install(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    sat_down = dt_util.utcnow()
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(seconds=30))  # the debounce: sitting since then
    assert dt_util.parse_datetime(value(hass, NEXT_BREAK)) == sat_down + timedelta(minutes=30)
    await pass_time(hass, freezer, timedelta(minutes=29, seconds=30))
    assert value(hass, DUE) == "on"
    assert value(hass, STATUS) == "due"
    await hass.services.async_call(
        "button", "press", {"entity_id": "button.office_desk_take_break"}, blocking=True
    )
    await hass.async_block_till_done()
    assert value(hass, DUE) == "off"
    assert dt_util.parse_datetime(value(hass, NEXT_BREAK)) == dt_util.utcnow() + timedelta(
        minutes=30
    )
    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(minutes=5))
    writes = desk_writes(hass)
    await pass_time(hass, freezer, timedelta(minutes=30))  # away: nothing changes, nothing written
    assert writes == Counter()
    assert value(hass, TODAY) == "30"


async def test_the_desk_wakes_only_for_what_is_shown_and_a_disabled_count_costs_nothing(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    entity_registry: er.EntityRegistry,
) -> None:
    """A fresh install shows "sitting today" to the minute; turned off, no minute wakes."""
    coach = init_integration.runtime_data.coordinator
    assert coach.minutes_shown == {MinuteCount.TODAY}
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=2))
    planned = coach.timer.planned
    assert planned is not None
    assert planned - dt_util.utcnow() <= timedelta(minutes=1)  # the next minute of sitting
    entity_registry.async_update_entity(TODAY, disabled_by=er.RegistryEntryDisabler.USER)
    await hass.async_block_till_done()
    assert coach.minutes_shown == frozenset()
    writes = desk_writes(hass)
    await pass_time(hass, freezer, timedelta(minutes=1))  # the wake-up planned before
    planned = coach.timer.planned
    assert planned is not None
    assert planned - dt_util.utcnow() > timedelta(minutes=20)  # next: the break falling due
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert writes == Counter()
