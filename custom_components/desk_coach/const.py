"""Constants of Desk Coach."""

from __future__ import annotations

from typing import Final

DOMAIN: Final = "desk_coach"

# config entry data (what the desk is made of)
CONF_PRESENCE_ENTITY: Final = "presence_entity"
CONF_PRESENCE_THRESHOLD: Final = "presence_threshold"
CONF_EXTRA_PRESENCE_ENTITIES: Final = "extra_presence_entities"
CONF_AREA: Final = "area"
CONF_STANDING_ENTITY: Final = "standing_entity"
CONF_STANDING_HEIGHT: Final = "standing_height"

# options (how the coach behaves)
CONF_BREAK_INTERVAL: Final = "break_interval"  # minutes
CONF_BREAK_DURATION: Final = "break_duration"  # seconds
CONF_AWAY_RESET: Final = "away_reset"  # minutes
CONF_PRESENCE_DEBOUNCE: Final = "presence_debounce"  # seconds

DEFAULT_NAME: Final = "Desk"
DEFAULT_BREAK_INTERVAL: Final = 30
DEFAULT_BREAK_DURATION: Final = 30
DEFAULT_AWAY_RESET: Final = 2
DEFAULT_PRESENCE_DEBOUNCE: Final = 30

MIN_BREAK_INTERVAL: Final = 5
MAX_BREAK_INTERVAL: Final = 240
MIN_BREAK_DURATION: Final = 10
MAX_BREAK_DURATION: Final = 900
MIN_AWAY_RESET: Final = 1
MAX_AWAY_RESET: Final = 120
MIN_PRESENCE_DEBOUNCE: Final = 0
MAX_PRESENCE_DEBOUNCE: Final = 300

PRESENCE_DOMAINS: Final = ("binary_sensor", "input_boolean", "switch", "sensor")
STANDING_DOMAINS: Final = ("binary_sensor", "sensor", "cover", "number", "input_number")
ON_OFF_DOMAINS: Final = ("binary_sensor", "input_boolean", "switch")

STORAGE_VERSION: Final = 1
STORAGE_SAVE_DELAY: Final = 10  # seconds; the final write on stop catches the rest
