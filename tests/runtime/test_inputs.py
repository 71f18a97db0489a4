"""The desk's inputs read from real states: one number parser, readings, the activity."""

from __future__ import annotations

import math

from homeassistant.core import HomeAssistant
import pytest

from custom_components.desk_coach.const import (
    CONF_EXTRA_PRESENCE_ENTITIES,
    CONF_PRESENCE_ENTITY,
    CONF_PRESENCE_THRESHOLD,
    CONF_STANDING_ENTITY,
    CONF_STANDING_HEIGHT,
)
from custom_components.desk_coach.inputs import (
    as_number,
    configured_entities,
    read_activity,
    reading,
)
from custom_components.desk_coach.model import Activity


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("12.5", 12.5),
        (3, 3.0),
        ("  7 ", 7.0),
        ("nan", None),
        (math.nan, None),
        ("inf", None),
        ("-inf", None),
        ("on", None),
        ("", None),
        (None, None),
        (True, None),
    ],
)
def test_one_number_parser(value: object, number: float | None) -> None:
    assert as_number(value) == number


@pytest.mark.parametrize(
    ("entity_id", "state", "attributes", "threshold", "expected"),
    [
        ("binary_sensor.mmwave", "on", {}, None, True),
        ("input_boolean.at_desk", "off", {}, None, False),
        ("switch.pc", "unavailable", {}, None, None),
        ("sensor.plug_power", "42.0", {}, 15, True),
        ("sensor.plug_power", "3.1", {}, 15, False),
        ("sensor.plug_power", "nan", {}, 15, None),  # no evidence, like unavailable
        ("sensor.plug_power", "unknown", {}, 15, None),
        ("cover.desk", "open", {"current_position": 80}, 60, True),
        ("cover.desk", "open", {"current_position": "nan"}, 60, None),
        ("cover.desk", "open", {}, 60, None),
    ],
)
async def test_one_reading_per_state(
    hass: HomeAssistant,
    entity_id: str,
    state: str,
    attributes: dict[str, object],
    threshold: float | None,
    expected: bool | None,
) -> None:
    hass.states.async_set(entity_id, state, attributes)
    assert reading(hass.states.get(entity_id), threshold) is expected


async def test_the_activity_from_every_source(hass: HomeAssistant) -> None:
    data = {
        CONF_PRESENCE_ENTITY: "sensor.plug_power",
        CONF_PRESENCE_THRESHOLD: 15,
        CONF_EXTRA_PRESENCE_ENTITIES: ["binary_sensor.mmwave"],
        CONF_STANDING_ENTITY: "sensor.desk_height",
        CONF_STANDING_HEIGHT: 100,
    }
    assert configured_entities(data) == [
        "sensor.plug_power",
        "binary_sensor.mmwave",
        "sensor.desk_height",
    ]
    assert read_activity(hass, data) is Activity.UNKNOWN  # nothing known yet
    hass.states.async_set("sensor.plug_power", "2")
    hass.states.async_set("binary_sensor.mmwave", "off")
    assert read_activity(hass, data) is Activity.AWAY
    hass.states.async_set("binary_sensor.mmwave", "on")  # one source present is enough
    hass.states.async_set("sensor.desk_height", "72")
    assert read_activity(hass, data) is Activity.SITTING
    hass.states.async_set("sensor.desk_height", "110")
    assert read_activity(hass, data) is Activity.STANDING
