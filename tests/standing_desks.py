"""A standing desk in a real Home Assistant, shared by the tests that need one.

A template cover plays the motorised desk: its position lives in an input number, and a
template height sensor follows it (like the IKEA Idasen integration's cover and height
sensor), so raising the desk really makes the standing input report standing.
"""

from __future__ import annotations

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.desk_coach.const import (
    BREAK_ACTION_RAISE,
    CONF_BREAK_ACTION,
    CONF_DESK_CONTROL,
    CONF_DND_ENTITIES,
    CONF_LOWER_AFTER,
    CONF_LOWER_TO,
    CONF_MEDIA_PLAYERS,
    CONF_PRESENCE_ENTITY,
    CONF_RAISE_TO,
    CONF_RAISE_WARNING,
    CONF_STAND_MINUTES,
    CONF_STANDING_ENTITY,
    CONF_STANDING_HEIGHT,
    CONF_TTS_ENGINE,
)

from .helpers import ENGINE, PRESENCE, SPEAKER

MEETING = "input_boolean.in_a_meeting"
POSITION = "input_number.desk_position"
COVER = "cover.desk"
HEIGHT = "sensor.desk_height"
MAT = "binary_sensor.standing_mat"  # a standing input of its own, not following the desk

TEMPLATES = {
    "template": [
        {
            "cover": [
                {
                    "name": "Desk",
                    "position": "{{ states('input_number.desk_position') | int(0) }}",
                    "set_cover_position": {
                        "action": "input_number.set_value",
                        "target": {"entity_id": POSITION},
                        "data": {"value": "{{ position }}"},
                    },
                }
            ],
            "sensor": [
                {
                    # the Idasen's range: 0 % is 0.62 m, 100 % is 1.27 m
                    "name": "Desk height",
                    "unit_of_measurement": "m",
                    "state": "{{ (0.62 + 0.0065 * (state_attr('cover.desk', 'current_position')"
                    " | float(0))) | round(3) }}",
                }
            ],
        }
    ]
}
HEIGHT_DESK = {
    CONF_PRESENCE_ENTITY: PRESENCE,
    CONF_STANDING_ENTITY: HEIGHT,
    CONF_STANDING_HEIGHT: 0.9,
}
MAT_DESK = {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: MAT}
RAISE_OPTIONS = {
    CONF_MEDIA_PLAYERS: [SPEAKER],
    CONF_TTS_ENGINE: ENGINE,
    CONF_DND_ENTITIES: [MEETING],
    CONF_BREAK_ACTION: BREAK_ACTION_RAISE,
    CONF_DESK_CONTROL: COVER,
    CONF_RAISE_TO: 90,
    CONF_LOWER_TO: 10,
    CONF_STAND_MINUTES: 5,
    CONF_LOWER_AFTER: True,
    CONF_RAISE_WARNING: 10,
}


async def seconds(hass: HomeAssistant, freezer: FrozenDateTimeFactory, count: int) -> None:
    """Let ``count`` seconds pass one at a time, so every instant is looked at on time."""
    for _ in range(count):
        freezer.tick(timedelta(seconds=1))
        async_fire_time_changed(hass)
        await hass.async_block_till_done()
