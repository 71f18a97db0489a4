"""The break interval number: a dashboard control kept in the options."""

from __future__ import annotations

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.const import CONF_BREAK_INTERVAL
from tests.conftest import PRESENCE
from tests.helpers import pass_time, set_presence

NUMBER = "number.office_desk_break_interval"
NEXT_BREAK = "sensor.office_desk_next_break"


async def test_interval_change_is_kept_and_moves_the_next_break(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    state = hass.states.get(NUMBER)
    assert state is not None
    assert state.state == "30.0"
    assert state.attributes["unit_of_measurement"] == "min"
    sat_down = dt_util.utcnow()
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=1))

    await hass.services.async_call(
        "number", "set_value", {"entity_id": NUMBER, "value": 50}, blocking=True
    )
    await hass.async_block_till_done()
    assert init_integration.options[CONF_BREAK_INTERVAL] == 50
    number = hass.states.get(NUMBER)
    assert number is not None
    assert number.state == "50.0"
    next_break = hass.states.get(NEXT_BREAK)
    assert next_break is not None
    assert dt_util.parse_datetime(next_break.state) == sat_down + timedelta(minutes=50)
    # applied live: the stretch was not restarted by a reload
    sitting = hass.states.get("sensor.office_desk_sitting_time")
    assert sitting is not None
    assert sitting.state == "1"


async def test_interval_out_of_range_is_refused(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    for too_far in (0, 241):
        with pytest.raises(ServiceValidationError):
            await hass.services.async_call(
                "number", "set_value", {"entity_id": NUMBER, "value": too_far}, blocking=True
            )
    assert CONF_BREAK_INTERVAL not in init_integration.options


async def test_interval_of_one_minute_is_the_shortest(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    state = hass.states.get(NUMBER)
    assert state is not None
    assert state.attributes["min"] == 1
    assert state.attributes["max"] == 240
    await hass.services.async_call(
        "number", "set_value", {"entity_id": NUMBER, "value": 1}, blocking=True
    )
    await hass.async_block_till_done()
    assert init_integration.options[CONF_BREAK_INTERVAL] == 1


@pytest.mark.parametrize(("asked", "said"), [(30.5, "30.5"), (float("nan"), "nan")])
async def test_interval_takes_whole_minutes_only(
    hass: HomeAssistant, init_integration: MockConfigEntry, asked: float, said: str
) -> None:
    """30.5 is refused in words, not cut to 30; NaN (which passes Home Assistant's own range
    check) is refused, not a bare ValueError."""
    with pytest.raises(ServiceValidationError) as refused:
        await hass.services.async_call(
            "number", "set_value", {"entity_id": NUMBER, "value": asked}, blocking=True
        )
    assert refused.value.translation_key == "break_interval_out_of_range"
    assert refused.value.translation_placeholders == {"minutes": said, "min": "1", "max": "240"}
    assert CONF_BREAK_INTERVAL not in init_integration.options
