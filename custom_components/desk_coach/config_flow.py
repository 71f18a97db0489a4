"""Set up a desk from the UI: which entities tell that someone sits there."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import (
    ConfigEntry,
    ConfigFlow,
    ConfigFlowResult,
    OptionsFlow,
)
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant, callback, split_entity_id
from homeassistant.helpers import device_registry as dr, entity_registry as er, selector
import voluptuous as vol

from .const import (
    CONF_ACTIVE_DAYS,
    CONF_ACTIVE_FROM,
    CONF_ACTIVE_UNTIL,
    CONF_AREA,
    CONF_AWAY_RESET,
    CONF_BREAK_DURATION,
    CONF_BREAK_INTERVAL,
    CONF_DND_ENTITIES,
    CONF_ESCALATION_COUNT,
    CONF_ESCALATION_DELAY,
    CONF_EXTRA_PRESENCE_ENTITIES,
    CONF_LIGHT_COLOR,
    CONF_LIGHT_EFFECT,
    CONF_LIGHT_SECONDS,
    CONF_LIGHTS,
    CONF_MEDIA_PLAYERS,
    CONF_MESSAGE,
    CONF_MOBILE_APPS,
    CONF_NOTIFY_ENTITIES,
    CONF_PRESENCE_DEBOUNCE,
    CONF_PRESENCE_ENTITY,
    CONF_PRESENCE_THRESHOLD,
    CONF_SATELLITES,
    CONF_SNOOZE_MINUTES,
    CONF_STANDING_ENTITY,
    CONF_STANDING_HEIGHT,
    CONF_TTS_ENGINE,
    CONF_VOLUME,
    DEFAULT_ACTIVE_DAYS,
    DEFAULT_ACTIVE_FROM,
    DEFAULT_ACTIVE_UNTIL,
    DEFAULT_AWAY_RESET,
    DEFAULT_BREAK_DURATION,
    DEFAULT_BREAK_INTERVAL,
    DEFAULT_ESCALATION_COUNT,
    DEFAULT_ESCALATION_DELAY,
    DEFAULT_LIGHT_COLOR,
    DEFAULT_LIGHT_EFFECT,
    DEFAULT_LIGHT_SECONDS,
    DEFAULT_NAME,
    DEFAULT_PRESENCE_DEBOUNCE,
    DEFAULT_SNOOZE_MINUTES,
    DOMAIN,
    MAX_AWAY_RESET,
    MAX_BREAK_DURATION,
    MAX_BREAK_INTERVAL,
    MAX_PRESENCE_DEBOUNCE,
    MAX_SNOOZE_MINUTES,
    MIN_AWAY_RESET,
    MIN_BREAK_DURATION,
    MIN_BREAK_INTERVAL,
    MIN_PRESENCE_DEBOUNCE,
    MIN_SNOOZE_MINUTES,
    ON_OFF_DOMAINS,
    PRESENCE_DOMAINS,
    STANDING_DOMAINS,
    WEEKDAYS,
)
from .desk import presence_sources
from .repairs import entity_exists

_NUMBER_BOX = selector.NumberSelector(
    selector.NumberSelectorConfig(mode=selector.NumberSelectorMode.BOX, step="any")
)


def _desk_schema(defaults: dict[str, Any], *, with_name: bool) -> vol.Schema:
    """The form describing a desk, prefilled with ``defaults``."""

    def suggested(key: str) -> dict[str, Any]:
        value = defaults.get(key)
        return {} if value in (None, [], "") else {"description": {"suggested_value": value}}

    fields: dict[vol.Marker, Any] = {}
    if with_name:
        fields[vol.Required(CONF_NAME, default=defaults.get(CONF_NAME, DEFAULT_NAME))] = (
            selector.TextSelector()
        )
    fields.update(
        {
            vol.Required(CONF_PRESENCE_ENTITY, **suggested(CONF_PRESENCE_ENTITY)): (
                selector.EntitySelector(
                    selector.EntitySelectorConfig(domain=list(PRESENCE_DOMAINS))
                )
            ),
            vol.Optional(CONF_PRESENCE_THRESHOLD, **suggested(CONF_PRESENCE_THRESHOLD)): (
                _NUMBER_BOX
            ),
            vol.Optional(
                CONF_EXTRA_PRESENCE_ENTITIES, **suggested(CONF_EXTRA_PRESENCE_ENTITIES)
            ): selector.EntitySelector(
                selector.EntitySelectorConfig(domain=list(PRESENCE_DOMAINS), multiple=True)
            ),
            vol.Optional(CONF_AREA, **suggested(CONF_AREA)): selector.AreaSelector(),
            vol.Optional(CONF_STANDING_ENTITY, **suggested(CONF_STANDING_ENTITY)): (
                selector.EntitySelector(
                    selector.EntitySelectorConfig(domain=list(STANDING_DOMAINS))
                )
            ),
            vol.Optional(CONF_STANDING_HEIGHT, **suggested(CONF_STANDING_HEIGHT)): _NUMBER_BOX,
        }
    )
    return vol.Schema(fields)


def _exists(hass: HomeAssistant, entity_id: str) -> bool:
    return (
        hass.states.get(entity_id) is not None
        or er.async_get(hass).async_get(entity_id) is not None
    )


def _is_numeric_source(entity_id: str) -> bool:
    return split_entity_id(entity_id)[0] not in ON_OFF_DOMAINS


def _reads_as_number(hass: HomeAssistant, entity_id: str) -> bool:
    """Tell whether an entity's current state is a number (or not known yet)."""
    state = hass.states.get(entity_id)
    if state is None or state.state in ("unknown", "unavailable"):
        return True
    try:
        float(state.state)
    except ValueError:
        return False
    return True


def validate_desk(
    hass: HomeAssistant, user_input: dict[str, Any], editing: ConfigEntry | None
) -> tuple[dict[str, str], dict[str, str]]:
    """Check a desk; return form errors by field and placeholders for their texts."""
    errors: dict[str, str] = {}
    placeholders: dict[str, str] = {}
    sources = presence_sources(user_input)
    main = user_input[CONF_PRESENCE_ENTITY]
    threshold = user_input.get(CONF_PRESENCE_THRESHOLD)

    for field, entity_ids in (
        (CONF_PRESENCE_ENTITY, [main]),
        (CONF_EXTRA_PRESENCE_ENTITIES, sources[1:]),
    ):
        for entity_id in entity_ids:
            if not entity_exists(hass, entity_id):
                errors[field] = "entity_not_found"
                placeholders["entity"] = entity_id
            elif _is_numeric_source(entity_id) and not _reads_as_number(hass, entity_id):
                errors[field] = "not_numeric"
                placeholders["entity"] = entity_id
    if main in sources[1:]:
        errors[CONF_EXTRA_PRESENCE_ENTITIES] = "duplicate_source"
    if any(_is_numeric_source(e) for e in sources) and threshold is None:
        errors[CONF_PRESENCE_THRESHOLD] = "threshold_required"
    elif threshold is not None and threshold < 0:
        errors[CONF_PRESENCE_THRESHOLD] = "threshold_negative"

    for entry in hass.config_entries.async_entries(DOMAIN):
        if editing is not None and entry.entry_id == editing.entry_id:
            continue
        if used := set(sources) & set(presence_sources(entry.data)):
            errors[CONF_PRESENCE_ENTITY] = "presence_in_use"
            placeholders["entity"] = sorted(used)[0]
            placeholders["desk"] = entry.title
            break

    if standing := user_input.get(CONF_STANDING_ENTITY):
        height = user_input.get(CONF_STANDING_HEIGHT)
        domain = split_entity_id(standing)[0]
        if not entity_exists(hass, standing):
            errors[CONF_STANDING_ENTITY] = "entity_not_found"
            placeholders["entity"] = standing
        elif standing in sources:
            errors[CONF_STANDING_ENTITY] = "standing_is_presence"
        elif domain != "binary_sensor" and height is None:
            errors[CONF_STANDING_HEIGHT] = "height_required"
        elif domain == "cover" and height is not None and not 0 <= height <= 100:
            errors[CONF_STANDING_HEIGHT] = "height_not_percent"
        elif domain != "binary_sensor" and height is not None and height <= 0:
            errors[CONF_STANDING_HEIGHT] = "height_not_positive"
    return errors, placeholders


def _clean(user_input: dict[str, Any]) -> dict[str, Any]:
    """Drop empty optional fields so the entry holds only what was chosen."""
    return {key: value for key, value in user_input.items() if value not in (None, "", [])}


class DeskCoachConfigFlow(ConfigFlow, domain=DOMAIN):
    """Add a desk."""

    VERSION = 1
    MINOR_VERSION = 1

    async def async_step_user(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Ask for the desk's name, area and the entities that tell who sits there."""
        errors: dict[str, str] = {}
        placeholders: dict[str, str] = {}
        if user_input is not None:
            errors, placeholders = validate_desk(self.hass, user_input, None)
            if not errors:
                data = _clean(user_input)
                name = data.pop(CONF_NAME, "").strip() or DEFAULT_NAME
                return self.async_create_entry(title=name, data=data)
        return self.async_show_form(
            step_id="user",
            data_schema=_desk_schema(user_input or {}, with_name=True),
            errors=errors,
            description_placeholders=placeholders,
        )

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Change the desk's entities; everything counted so far stays."""
        entry = self._get_reconfigure_entry()
        errors: dict[str, str] = {}
        placeholders: dict[str, str] = {}
        if user_input is not None:
            errors, placeholders = validate_desk(self.hass, user_input, entry)
            if not errors:
                data = _clean(user_input)
                if (area := data.get(CONF_AREA)) and area != entry.data.get(CONF_AREA):
                    _move_device(self.hass, entry, area)
                return self.async_update_reload_and_abort(entry, data=data)
        return self.async_show_form(
            step_id="reconfigure",
            data_schema=_desk_schema(user_input or dict(entry.data), with_name=False),
            errors=errors,
            description_placeholders=placeholders,
        )

    @staticmethod
    @callback
    def async_get_options_flow(config_entry: ConfigEntry) -> DeskCoachOptionsFlow:
        """Tune the coach."""
        return DeskCoachOptionsFlow()


def _move_device(hass: HomeAssistant, entry: ConfigEntry, area: str) -> None:
    registry = dr.async_get(hass)
    if device := registry.async_get_device(identifiers={(DOMAIN, entry.entry_id)}):
        registry.async_update_device(device.id, area_id=area)


def _minutes_or_seconds(low: int, high: int, unit: str) -> selector.NumberSelector:
    return selector.NumberSelector(
        selector.NumberSelectorConfig(
            min=low,
            max=high,
            step=1,
            mode=selector.NumberSelectorMode.BOX,
            unit_of_measurement=unit,
        )
    )


COACHING_FIELDS: tuple[tuple[str, int, int, int, str], ...] = (
    (CONF_BREAK_INTERVAL, DEFAULT_BREAK_INTERVAL, MIN_BREAK_INTERVAL, MAX_BREAK_INTERVAL, "min"),
    (CONF_BREAK_DURATION, DEFAULT_BREAK_DURATION, MIN_BREAK_DURATION, MAX_BREAK_DURATION, "s"),
    (CONF_AWAY_RESET, DEFAULT_AWAY_RESET, MIN_AWAY_RESET, MAX_AWAY_RESET, "min"),
    (
        CONF_PRESENCE_DEBOUNCE,
        DEFAULT_PRESENCE_DEBOUNCE,
        MIN_PRESENCE_DEBOUNCE,
        MAX_PRESENCE_DEBOUNCE,
        "s",
    ),
    (CONF_ESCALATION_DELAY, DEFAULT_ESCALATION_DELAY, 1, 60, "min"),
    (CONF_ESCALATION_COUNT, DEFAULT_ESCALATION_COUNT, 0, 10, ""),
    (CONF_SNOOZE_MINUTES, DEFAULT_SNOOZE_MINUTES, MIN_SNOOZE_MINUTES, MAX_SNOOZE_MINUTES, "min"),
)


def _entities(domains: list[str]) -> selector.EntitySelector:
    return selector.EntitySelector(selector.EntitySelectorConfig(domain=domains, multiple=True))


def _suggested(options: dict[str, Any], key: str) -> dict[str, Any]:
    value = options.get(key)
    return {} if value in (None, [], "") else {"description": {"suggested_value": value}}


class DeskCoachOptionsFlow(OptionsFlow):
    """Three pages: coaching, announcements, quiet."""

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Choose what to change."""
        return self.async_show_menu(
            step_id="init", menu_options=["coaching", "announcements", "quiet"]
        )

    def _save(self, values: dict[str, Any], dropped: tuple[str, ...] = ()) -> ConfigFlowResult:
        options = {k: v for k, v in self.config_entry.options.items() if k not in dropped}
        return self.async_create_entry(data={**options, **values})

    async def async_step_coaching(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Break interval, break length, what ends a stretch, debounce, reminders."""
        errors: dict[str, str] = {}
        if user_input is not None:
            values = {key: int(user_input[key]) for key, *_ in COACHING_FIELDS}
            if values[CONF_BREAK_DURATION] >= values[CONF_AWAY_RESET] * 60:
                errors[CONF_BREAK_DURATION] = "break_longer_than_reset"
            else:
                return self._save(values)
        current = {**self.config_entry.options, **(user_input or {})}
        schema = vol.Schema(
            {
                vol.Required(key, default=current.get(key, default)): _minutes_or_seconds(
                    low, high, unit
                )
                for key, default, low, high, unit in COACHING_FIELDS
            }
        )
        return self.async_show_form(step_id="coaching", data_schema=schema, errors=errors)

    async def async_step_announcements(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Where and how breaks are announced."""
        # the template selector already refuses a broken message template
        if user_input is not None:
            values = _clean(user_input)
            if CONF_LIGHT_COLOR in values:
                values[CONF_LIGHT_COLOR] = [int(c) for c in values[CONF_LIGHT_COLOR]]
            for key in (CONF_VOLUME, CONF_LIGHT_SECONDS):
                if key in values:
                    values[key] = int(values[key])
            return self._save(values, dropped=ANNOUNCE_KEYS)
        current = {**self.config_entry.options, **(user_input or {})}
        mobile_apps = sorted(
            name
            for name in self.hass.services.async_services_for_domain("notify")
            if name.startswith("mobile_app_")
        )
        schema = vol.Schema(
            {
                vol.Optional(CONF_MEDIA_PLAYERS, **_suggested(current, CONF_MEDIA_PLAYERS)): (
                    _entities(["media_player"])
                ),
                vol.Optional(CONF_TTS_ENGINE, **_suggested(current, CONF_TTS_ENGINE)): (
                    selector.EntitySelector(selector.EntitySelectorConfig(domain="tts"))
                ),
                vol.Optional(CONF_VOLUME, **_suggested(current, CONF_VOLUME)): (
                    selector.NumberSelector(
                        selector.NumberSelectorConfig(
                            min=0, max=100, step=5, unit_of_measurement="%"
                        )
                    )
                ),
                vol.Optional(CONF_SATELLITES, **_suggested(current, CONF_SATELLITES)): (
                    _entities(["assist_satellite"])
                ),
                vol.Optional(CONF_NOTIFY_ENTITIES, **_suggested(current, CONF_NOTIFY_ENTITIES)): (
                    _entities(["notify"])
                ),
                vol.Optional(CONF_MOBILE_APPS, **_suggested(current, CONF_MOBILE_APPS)): (
                    selector.SelectSelector(
                        selector.SelectSelectorConfig(
                            options=mobile_apps, multiple=True, custom_value=True
                        )
                    )
                ),
                vol.Optional(CONF_LIGHTS, **_suggested(current, CONF_LIGHTS)): _entities(["light"]),
                vol.Optional(
                    CONF_LIGHT_COLOR,
                    default=list(current.get(CONF_LIGHT_COLOR, DEFAULT_LIGHT_COLOR)),
                ): selector.ColorRGBSelector(),
                vol.Optional(
                    CONF_LIGHT_EFFECT, default=current.get(CONF_LIGHT_EFFECT, DEFAULT_LIGHT_EFFECT)
                ): selector.SelectSelector(
                    selector.SelectSelectorConfig(
                        options=["pulse", "flash"], translation_key=CONF_LIGHT_EFFECT
                    )
                ),
                vol.Optional(
                    CONF_LIGHT_SECONDS,
                    default=current.get(CONF_LIGHT_SECONDS, DEFAULT_LIGHT_SECONDS),
                ): _minutes_or_seconds(1, 30, "s"),
                vol.Optional(CONF_MESSAGE, **_suggested(current, CONF_MESSAGE)): (
                    selector.TemplateSelector()
                ),
            }
        )
        return self.async_show_form(step_id="announcements", data_schema=schema)

    async def async_step_quiet(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Active hours, active days, do-not-disturb entities."""
        errors: dict[str, str] = {}
        if user_input is not None:
            if user_input[CONF_ACTIVE_FROM] == user_input[CONF_ACTIVE_UNTIL]:
                errors[CONF_ACTIVE_UNTIL] = "active_hours_empty"
            if not user_input.get(CONF_ACTIVE_DAYS):
                errors[CONF_ACTIVE_DAYS] = "no_active_days"
            if not errors:
                return self._save(
                    {
                        CONF_ACTIVE_FROM: user_input[CONF_ACTIVE_FROM],
                        CONF_ACTIVE_UNTIL: user_input[CONF_ACTIVE_UNTIL],
                        CONF_ACTIVE_DAYS: [
                            d for d in WEEKDAYS if d in user_input[CONF_ACTIVE_DAYS]
                        ],
                        CONF_DND_ENTITIES: list(user_input.get(CONF_DND_ENTITIES, [])),
                    }
                )
        current = {**self.config_entry.options, **(user_input or {})}
        schema = vol.Schema(
            {
                vol.Required(
                    CONF_ACTIVE_FROM, default=current.get(CONF_ACTIVE_FROM, DEFAULT_ACTIVE_FROM)
                ): selector.TimeSelector(),
                vol.Required(
                    CONF_ACTIVE_UNTIL, default=current.get(CONF_ACTIVE_UNTIL, DEFAULT_ACTIVE_UNTIL)
                ): selector.TimeSelector(),
                vol.Optional(
                    CONF_ACTIVE_DAYS,
                    default=list(current.get(CONF_ACTIVE_DAYS, DEFAULT_ACTIVE_DAYS)),
                ): selector.SelectSelector(
                    selector.SelectSelectorConfig(
                        options=list(WEEKDAYS), multiple=True, translation_key=CONF_ACTIVE_DAYS
                    )
                ),
                vol.Optional(CONF_DND_ENTITIES, **_suggested(current, CONF_DND_ENTITIES)): (
                    _entities(["binary_sensor", "input_boolean", "calendar"])
                ),
            }
        )
        return self.async_show_form(step_id="quiet", data_schema=schema, errors=errors)


ANNOUNCE_KEYS = (
    CONF_MEDIA_PLAYERS,
    CONF_TTS_ENGINE,
    CONF_VOLUME,
    CONF_SATELLITES,
    CONF_NOTIFY_ENTITIES,
    CONF_MOBILE_APPS,
    CONF_LIGHTS,
    CONF_LIGHT_COLOR,
    CONF_LIGHT_EFFECT,
    CONF_LIGHT_SECONDS,
    CONF_MESSAGE,
)
