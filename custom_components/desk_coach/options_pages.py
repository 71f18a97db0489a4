"""The pages of the desk's options: what each asks, and how each checks its answers.

A check returns the options the page sets, or raises ``PageError`` with the errors by
field; ``options_flow.py`` lays the pages out as one dialog.
"""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.helpers import selector
from homeassistant.helpers.schema_config_entry_flow import (
    SchemaCommonFlowHandler,
    SchemaOptionsFlowHandler,
)
import voluptuous as vol

from .const import (
    CONF_ACTIVE_DAYS,
    CONF_ACTIVE_FROM,
    CONF_ACTIVE_UNTIL,
    CONF_ADAPT_INTERVAL,
    CONF_AWAY_RESET,
    CONF_BREAK_DURATION,
    CONF_BREAK_INTERVAL,
    CONF_DAILY_SITTING_LIMIT,
    CONF_DND_ENTITIES,
    CONF_ESCALATION_COUNT,
    CONF_ESCALATION_DELAY,
    CONF_LIGHT_COLOR,
    CONF_LIGHT_EFFECT,
    CONF_LIGHT_SECONDS,
    CONF_LIGHTS,
    CONF_MEDIA_PLAYERS,
    CONF_MESSAGE,
    CONF_MOBILE_APPS,
    CONF_NOTIFY_ENTITIES,
    CONF_PAUSE_ENTITIES,
    CONF_PRESENCE_DEBOUNCE,
    CONF_SATELLITES,
    CONF_SNOOZE_MINUTES,
    CONF_SPEAK_WITHIN,
    CONF_STREAK_TARGET,
    CONF_SUMMARY_DAY,
    CONF_SUMMARY_TARGETS,
    CONF_SUMMARY_TIME,
    CONF_TTS_ENGINE,
    CONF_TWO_PHASE,
    CONF_VOICE_SENTENCES,
    CONF_VOLUME,
    DEFAULT_ACTIVE_DAYS,
    DEFAULT_ACTIVE_FROM,
    DEFAULT_ACTIVE_UNTIL,
    DEFAULT_AWAY_RESET,
    DEFAULT_BREAK_DURATION,
    DEFAULT_BREAK_INTERVAL,
    DEFAULT_DAILY_SITTING_LIMIT,
    DEFAULT_ESCALATION_COUNT,
    DEFAULT_ESCALATION_DELAY,
    DEFAULT_LIGHT_COLOR,
    DEFAULT_LIGHT_EFFECT,
    DEFAULT_LIGHT_SECONDS,
    DEFAULT_PRESENCE_DEBOUNCE,
    DEFAULT_SNOOZE_MINUTES,
    DEFAULT_SPEAK_WITHIN,
    DEFAULT_STREAK_TARGET,
    DEFAULT_SUMMARY_DAY,
    DEFAULT_SUMMARY_TIME,
    MAX_AWAY_RESET,
    MAX_BREAK_DURATION,
    MAX_BREAK_INTERVAL,
    MAX_DAILY_SITTING_LIMIT,
    MAX_PRESENCE_DEBOUNCE,
    MAX_SNOOZE_MINUTES,
    MIN_AWAY_RESET,
    MIN_BREAK_DURATION,
    MIN_BREAK_INTERVAL,
    MIN_PRESENCE_DEBOUNCE,
    MIN_SNOOZE_MINUTES,
    WEEKDAYS,
)
from .form import NumberField, PageError, check_numbers, clean, whole_if_possible
from .options_standing_desk import (
    STAND_FIELDS,
    standing_desk_schema,
    standing_desk_values,
    validate_standing_desk,
)
from .voice import LANGUAGES, target

COACHING_FIELDS = (
    NumberField(
        key=CONF_BREAK_INTERVAL,
        low=MIN_BREAK_INTERVAL,
        high=MAX_BREAK_INTERVAL,
        unit="min",
        default=DEFAULT_BREAK_INTERVAL,
    ),
    NumberField(
        key=CONF_BREAK_DURATION,
        low=MIN_BREAK_DURATION,
        high=MAX_BREAK_DURATION,
        unit="s",
        default=DEFAULT_BREAK_DURATION,
    ),
    NumberField(
        key=CONF_AWAY_RESET,
        low=MIN_AWAY_RESET,
        high=MAX_AWAY_RESET,
        unit="min",
        default=DEFAULT_AWAY_RESET,
    ),
    NumberField(
        key=CONF_PRESENCE_DEBOUNCE,
        low=MIN_PRESENCE_DEBOUNCE,
        high=MAX_PRESENCE_DEBOUNCE,
        unit="s",
        default=DEFAULT_PRESENCE_DEBOUNCE,
    ),
    NumberField(
        key=CONF_ESCALATION_DELAY, low=1, high=60, unit="min", default=DEFAULT_ESCALATION_DELAY
    ),
    NumberField(key=CONF_ESCALATION_COUNT, low=0, high=10, default=DEFAULT_ESCALATION_COUNT),
    NumberField(
        key=CONF_SNOOZE_MINUTES,
        low=MIN_SNOOZE_MINUTES,
        high=MAX_SNOOZE_MINUTES,
        unit="min",
        default=DEFAULT_SNOOZE_MINUTES,
    ),
    # the day's sitting (half hours are fine) and the streak
    NumberField(
        key=CONF_DAILY_SITTING_LIMIT,
        low=0,
        high=MAX_DAILY_SITTING_LIMIT,
        unit="h",
        default=DEFAULT_DAILY_SITTING_LIMIT,
        step=0.5,
        whole=False,
    ),
    NumberField(
        key=CONF_STREAK_TARGET, low=0, high=100, unit="%", default=DEFAULT_STREAK_TARGET, step=5
    ),
)
ANNOUNCE_FIELDS = (
    NumberField(key=CONF_VOLUME, low=0, high=100, unit="%", step=5, slider=True),
    NumberField(key=CONF_LIGHT_SECONDS, low=1, high=30, unit="s", default=DEFAULT_LIGHT_SECONDS),
    NumberField(key=CONF_SPEAK_WITHIN, low=1, high=30, unit="min", default=DEFAULT_SPEAK_WITHIN),
)
# every number the options ask for, each with its worded error
NUMBER_FIELDS: tuple[NumberField, ...] = (*COACHING_FIELDS, *ANNOUNCE_FIELDS, *STAND_FIELDS)


def _entities(domains: list[str]) -> selector.EntitySelector:
    return selector.EntitySelector(selector.EntitySelectorConfig(domain=domains, multiple=True))


def _weekdays() -> selector.SelectSelector:
    return selector.SelectSelector(
        selector.SelectSelectorConfig(
            options=list(WEEKDAYS), multiple=True, translation_key=CONF_ACTIVE_DAYS
        )
    )


def _weekday() -> selector.SelectSelector:
    return selector.SelectSelector(
        selector.SelectSelectorConfig(
            options=list(WEEKDAYS),
            mode=selector.SelectSelectorMode.DROPDOWN,
            translation_key=CONF_ACTIVE_DAYS,
        )
    )


# ---- Coaching ----------------------------------------------------------------------------

COACHING_SCHEMA = vol.Schema(
    {
        **{
            vol.Required(field.key, default=field.default): field.selector()
            for field in COACHING_FIELDS
        },
        vol.Required(CONF_ADAPT_INTERVAL, default=False): selector.BooleanSelector(),
    }
)


async def check_coaching(
    handler: SchemaCommonFlowHandler, user_input: dict[str, Any]
) -> dict[str, Any]:
    """Every number in its range and whole (but the daily limit); a break shorter than a reset."""
    errors, placeholders = check_numbers(user_input, COACHING_FIELDS)
    values = {field.key: whole_if_possible(user_input[field.key]) for field in COACHING_FIELDS}
    values[CONF_ADAPT_INTERVAL] = bool(user_input.get(CONF_ADAPT_INTERVAL, False))
    if not errors and values[CONF_BREAK_DURATION] >= values[CONF_AWAY_RESET] * 60:
        errors[CONF_BREAK_DURATION] = "break_longer_than_reset"
    if errors:
        raise PageError(errors, placeholders)
    return values


# ---- Announcements -----------------------------------------------------------------------


async def announcements_schema(handler: SchemaCommonFlowHandler) -> vol.Schema:
    """Where and how breaks are announced; the phones are the notify services there are."""
    mobile_apps = sorted(
        name
        for name in handler.parent_handler.hass.services.async_services_for_domain("notify")
        if name.startswith("mobile_app_")
    )
    volume, light_seconds, speak_within = ANNOUNCE_FIELDS
    return vol.Schema(
        {
            vol.Optional(CONF_MEDIA_PLAYERS): _entities(["media_player"]),
            vol.Optional(CONF_TTS_ENGINE): selector.EntitySelector(
                selector.EntitySelectorConfig(domain="tts")
            ),
            vol.Optional(CONF_VOLUME): volume.selector(),
            vol.Optional(CONF_SATELLITES): _entities(["assist_satellite"]),
            vol.Optional(CONF_NOTIFY_ENTITIES): _entities(["notify"]),
            vol.Optional(CONF_MOBILE_APPS): selector.SelectSelector(
                selector.SelectSelectorConfig(options=mobile_apps, multiple=True, custom_value=True)
            ),
            vol.Optional(CONF_LIGHTS): _entities(["light"]),
            vol.Optional(CONF_LIGHT_COLOR, default=list(DEFAULT_LIGHT_COLOR)): (
                selector.ColorRGBSelector()
            ),
            vol.Optional(CONF_LIGHT_EFFECT, default=DEFAULT_LIGHT_EFFECT): selector.SelectSelector(
                selector.SelectSelectorConfig(
                    options=["pulse", "flash"], translation_key=CONF_LIGHT_EFFECT
                )
            ),
            vol.Optional(CONF_LIGHT_SECONDS, default=light_seconds.default): (
                light_seconds.selector()
            ),
            # the template selector already refuses a broken message template
            vol.Optional(CONF_MESSAGE): selector.TemplateSelector(),
            vol.Optional(CONF_TWO_PHASE, default=False): selector.BooleanSelector(),
            vol.Optional(CONF_PAUSE_ENTITIES): _entities(
                ["binary_sensor", "input_boolean", "media_player", "sensor", "switch"]
            ),
            vol.Optional(CONF_SPEAK_WITHIN, default=speak_within.default): (
                speak_within.selector()
            ),
        }
    )


async def check_announcements(
    handler: SchemaCommonFlowHandler, user_input: dict[str, Any]
) -> dict[str, Any]:
    """What was chosen (an emptied field is dropped), whole numbers in their ranges."""
    values = clean(user_input)
    errors, placeholders = check_numbers(values, ANNOUNCE_FIELDS)
    if errors:
        raise PageError(errors, placeholders)
    if CONF_LIGHT_COLOR in values:
        values[CONF_LIGHT_COLOR] = [int(c) for c in values[CONF_LIGHT_COLOR]]
    for key in (CONF_VOLUME, CONF_LIGHT_SECONDS, CONF_SPEAK_WITHIN):
        if key in values:
            values[key] = int(values[key])
    return values


# ---- Quiet times, Weekly summary, Voice commands -----------------------------------------

QUIET_SCHEMA = vol.Schema(
    {
        vol.Required(CONF_ACTIVE_FROM, default=DEFAULT_ACTIVE_FROM): selector.TimeSelector(),
        vol.Required(CONF_ACTIVE_UNTIL, default=DEFAULT_ACTIVE_UNTIL): selector.TimeSelector(),
        vol.Optional(CONF_ACTIVE_DAYS, default=list(DEFAULT_ACTIVE_DAYS)): _weekdays(),
        vol.Optional(CONF_DND_ENTITIES): _entities(["binary_sensor", "input_boolean", "calendar"]),
    }
)


async def check_quiet(
    handler: SchemaCommonFlowHandler, user_input: dict[str, Any]
) -> dict[str, Any]:
    """Active hours that are not empty, at least one active day."""
    errors: dict[str, str] = {}
    if user_input[CONF_ACTIVE_FROM] == user_input[CONF_ACTIVE_UNTIL]:
        errors[CONF_ACTIVE_UNTIL] = "active_hours_empty"
    if not user_input.get(CONF_ACTIVE_DAYS):
        errors[CONF_ACTIVE_DAYS] = "no_active_days"
    if errors:
        raise PageError(errors)
    return {
        CONF_ACTIVE_FROM: user_input[CONF_ACTIVE_FROM],
        CONF_ACTIVE_UNTIL: user_input[CONF_ACTIVE_UNTIL],
        CONF_ACTIVE_DAYS: [d for d in WEEKDAYS if d in user_input[CONF_ACTIVE_DAYS]],
        CONF_DND_ENTITIES: list(user_input.get(CONF_DND_ENTITIES, [])),
    }


SUMMARY_SCHEMA = vol.Schema(
    {
        vol.Optional(CONF_SUMMARY_TARGETS): _entities(["notify"]),
        vol.Required(CONF_SUMMARY_DAY, default=DEFAULT_SUMMARY_DAY): _weekday(),
        vol.Required(CONF_SUMMARY_TIME, default=DEFAULT_SUMMARY_TIME): selector.TimeSelector(),
    }
)


async def check_summary(
    handler: SchemaCommonFlowHandler, user_input: dict[str, Any]
) -> dict[str, Any]:
    """Where the weekly summary goes (none: no summary), and when."""
    return {
        CONF_SUMMARY_TARGETS: list(user_input.get(CONF_SUMMARY_TARGETS, [])),
        CONF_SUMMARY_DAY: user_input[CONF_SUMMARY_DAY],
        CONF_SUMMARY_TIME: user_input[CONF_SUMMARY_TIME],
    }


VOICE_SCHEMA = vol.Schema(
    {vol.Required(CONF_VOICE_SENTENCES, default=False): selector.BooleanSelector()}
)


async def check_voice(
    handler: SchemaCommonFlowHandler, user_input: dict[str, Any]
) -> dict[str, Any]:
    """Whether Assist's sentence files are kept in the configuration folder."""
    return {CONF_VOICE_SENTENCES: bool(user_input[CONF_VOICE_SENTENCES])}


async def voice_files(handler: SchemaCommonFlowHandler) -> dict[str, str]:
    """The files the Voice commands page speaks of."""
    return {"files": ", ".join(target(lang) for lang in LANGUAGES)}


# ---- Standing desk -----------------------------------------------------------------------


async def standing_desk_page_schema(handler: SchemaCommonFlowHandler) -> vol.Schema:
    """The Standing desk page, suggesting the desk's standing input as its control."""
    return standing_desk_schema(handler.options, _entry(handler).data)


async def check_standing_desk(
    handler: SchemaCommonFlowHandler, user_input: dict[str, Any]
) -> dict[str, Any]:
    """Raising needs a control and a standing input; heights the control takes."""
    hass = handler.parent_handler.hass
    errors, placeholders = validate_standing_desk(hass, user_input, _entry(handler).data)
    if errors:
        raise PageError(errors, placeholders)
    return standing_desk_values(user_input)


def _entry(handler: SchemaCommonFlowHandler) -> ConfigEntry:
    flow = handler.parent_handler
    if not isinstance(flow, SchemaOptionsFlowHandler):
        raise TypeError("the standing desk page belongs to the options")
    return flow.config_entry
