"""Set up a desk from the UI: which entities tell that someone sits there."""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from homeassistant.config_entries import (
    ConfigEntry,
    ConfigFlow,
    ConfigFlowResult,
    OptionsFlow,
)
from homeassistant.const import ATTR_FRIENDLY_NAME, CONF_NAME
from homeassistant.core import HomeAssistant, callback, split_entity_id
from homeassistant.helpers import device_registry as dr, entity_registry as er, selector
from homeassistant.util import slugify
import voluptuous as vol

from .const import (
    BUILT_IN_ROUTINES,
    CONF_ACTIVE_DAYS,
    CONF_ACTIVE_FROM,
    CONF_ACTIVE_UNTIL,
    CONF_AREA,
    CONF_AWAY_RESET,
    CONF_BREAK_DURATION,
    CONF_BREAK_INTERVAL,
    CONF_DAILY_SITTING_LIMIT,
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
    CONF_ROUTINES,
    CONF_SATELLITES,
    CONF_SNOOZE_MINUTES,
    CONF_STANDING_ENTITY,
    CONF_STANDING_HEIGHT,
    CONF_STREAK_TARGET,
    CONF_SUMMARY_DAY,
    CONF_SUMMARY_TARGETS,
    CONF_SUMMARY_TIME,
    CONF_TTS_ENGINE,
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
    DEFAULT_NAME,
    DEFAULT_PRESENCE_DEBOUNCE,
    DEFAULT_SNOOZE_MINUTES,
    DEFAULT_STREAK_TARGET,
    DEFAULT_SUMMARY_DAY,
    DEFAULT_SUMMARY_TIME,
    DOMAIN,
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
    ON_OFF_DOMAINS,
    PRESENCE_DOMAINS,
    STANDING_DOMAINS,
    WEEKDAYS,
)
from .desk import presence_sources
from .exercises import Library, LibraryTexts, load_library, load_texts
from .form import number_box, suggested
from .repairs import entity_exists
from .routine import Exercise
from .standing_desk import (
    STANDING_DESK_KEYS,
    standing_desk_schema,
    standing_desk_values,
    validate_standing_desk,
)
from .voice import LANGUAGES, target

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


def _friendly_name(hass: HomeAssistant, entity_id: str) -> str:
    """An entity as the user knows it: its name, else its ID."""
    state = hass.states.get(entity_id)
    if state is not None and (name := state.attributes.get(ATTR_FRIENDLY_NAME)):
        return str(name)
    entry = er.async_get(hass).async_get(entity_id)
    if entry is not None and (name := entry.name or entry.original_name):
        return str(name)
    return entity_id


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
            placeholders["entity"] = _friendly_name(hass, sorted(used)[0])
            if entry.title.strip():
                errors[CONF_PRESENCE_ENTITY] = "presence_in_use"
                placeholders["desk"] = entry.title
            else:
                errors[CONF_PRESENCE_ENTITY] = "presence_in_use_elsewhere"
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
    return number_box(low, high, unit)


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


# the day's sitting and the streak: (key, default, low, high, step, unit)
DAY_FIELDS: tuple[tuple[str, int, int, int, float, str], ...] = (
    (CONF_DAILY_SITTING_LIMIT, DEFAULT_DAILY_SITTING_LIMIT, 0, MAX_DAILY_SITTING_LIMIT, 0.5, "h"),
    (CONF_STREAK_TARGET, DEFAULT_STREAK_TARGET, 0, 100, 5, "%"),
)


def _whole_if_possible(value: float) -> int | float:
    """8.0 is kept as 8, 7.5 as 7.5."""
    return int(value) if float(value).is_integer() else float(value)


def _entities(domains: list[str]) -> selector.EntitySelector:
    return selector.EntitySelector(selector.EntitySelectorConfig(domain=domains, multiple=True))


def _suggested(options: dict[str, Any], key: str) -> dict[str, Any]:
    return suggested(options.get(key))


FIELD_EXERCISES = "exercises"
FIELD_ROUTINE = "routine"
FIELD_SETS = "sets"
FIELD_REPS = "reps"
FIELD_HOLD = "hold"
SETS_RANGE: tuple[int, int] = (1, 5)
REPS_RANGE: tuple[int, int] = (1, 50)
HOLD_RANGE: tuple[int, int] = (5, 300)  # seconds


def _count_box(bounds: tuple[int, int], unit: str) -> selector.NumberSelector:
    return _minutes_or_seconds(bounds[0], bounds[1], unit)


class DeskCoachOptionsFlow(OptionsFlow):
    """Four pages: coaching, announcements, quiet, and the user's own routines."""

    def __init__(self) -> None:
        """Start without a routine being written."""
        super().__init__()
        self._library: Library | None = None
        self._texts: LibraryTexts | None = None
        self._editing: str | None = None  # the id of the custom routine being changed
        self._name = ""
        self._chosen: list[str] = []  # the routine's exercises, in order
        self._items: list[dict[str, Any]] = []  # those already given sets and reps or hold

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Choose what to change."""
        return self.async_show_menu(
            step_id="init",
            menu_options=[
                "coaching",
                "announcements",
                "quiet",
                "standing_desk",
                "routines",
                "summary",
                "voice",
            ],
        )

    def _save(self, values: dict[str, Any], dropped: tuple[str, ...] = ()) -> ConfigFlowResult:
        options = {k: v for k, v in self.config_entry.options.items() if k not in dropped}
        return self.async_create_entry(data={**options, **values})

    async def async_step_coaching(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Break interval, break length, what ends a stretch, debounce, reminders, the day."""
        errors: dict[str, str] = {}
        if user_input is not None:
            values: dict[str, int | float] = {
                key: int(user_input[key]) for key, *_ in COACHING_FIELDS
            }
            values |= {key: _whole_if_possible(user_input[key]) for key, *_ in DAY_FIELDS}
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
            | {
                vol.Required(key, default=current.get(key, default)): selector.NumberSelector(
                    selector.NumberSelectorConfig(
                        min=low,
                        max=high,
                        step=step,
                        mode=selector.NumberSelectorMode.BOX,
                        unit_of_measurement=unit,
                    )
                )
                for key, default, low, high, step, unit in DAY_FIELDS
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

    async def async_step_summary(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """The weekly summary: where it goes, which day, what time."""
        if user_input is not None:
            return self._save(
                {
                    CONF_SUMMARY_TARGETS: list(user_input.get(CONF_SUMMARY_TARGETS, [])),
                    CONF_SUMMARY_DAY: user_input[CONF_SUMMARY_DAY],
                    CONF_SUMMARY_TIME: user_input[CONF_SUMMARY_TIME],
                }
            )
        current = self.config_entry.options
        schema = vol.Schema(
            {
                vol.Optional(
                    CONF_SUMMARY_TARGETS, **_suggested(dict(current), CONF_SUMMARY_TARGETS)
                ): (_entities(["notify"])),
                vol.Required(
                    CONF_SUMMARY_DAY, default=current.get(CONF_SUMMARY_DAY, DEFAULT_SUMMARY_DAY)
                ): selector.SelectSelector(
                    selector.SelectSelectorConfig(
                        options=list(WEEKDAYS),
                        mode=selector.SelectSelectorMode.DROPDOWN,
                        translation_key=CONF_ACTIVE_DAYS,
                    )
                ),
                vol.Required(
                    CONF_SUMMARY_TIME, default=current.get(CONF_SUMMARY_TIME, DEFAULT_SUMMARY_TIME)
                ): selector.TimeSelector(),
            }
        )
        return self.async_show_form(step_id="summary", data_schema=schema)

    async def async_step_standing_desk(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """A motorised desk: the break can raise it, and lower it again."""
        errors: dict[str, str] = {}
        placeholders: dict[str, str] = {}
        data = self.config_entry.data
        if user_input is not None:
            errors, placeholders = validate_standing_desk(self.hass, user_input, data)
            if not errors:
                return self._save(standing_desk_values(user_input), dropped=STANDING_DESK_KEYS)
        current = {**self.config_entry.options, **(user_input or {})}
        return self.async_show_form(
            step_id="standing_desk",
            data_schema=standing_desk_schema(current, data),
            errors=errors,
            description_placeholders=placeholders,
        )

    async def async_step_voice(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Voice commands: keep Assist's sentences in the configuration folder, or not."""
        if user_input is not None:
            return self._save({CONF_VOICE_SENTENCES: bool(user_input[CONF_VOICE_SENTENCES])})
        current = bool(self.config_entry.options.get(CONF_VOICE_SENTENCES, False))
        schema = vol.Schema(
            {vol.Required(CONF_VOICE_SENTENCES, default=current): selector.BooleanSelector()}
        )
        return self.async_show_form(
            step_id="voice",
            data_schema=schema,
            description_placeholders={"files": ", ".join(target(lang) for lang in LANGUAGES)},
        )

    # ---- the user's own routines ---------------------------------------------------

    async def _load(self) -> tuple[Library, LibraryTexts]:
        """The exercise library and its texts in Home Assistant's language."""
        if self._library is None:
            self._library = await self.hass.async_add_executor_job(load_library)
        if self._texts is None:
            self._texts = await self.hass.async_add_executor_job(
                load_texts, self.hass.config.language
            )
        return self._library, self._texts

    def _custom(self) -> list[dict[str, Any]]:
        """A copy of the saved custom routines (the entry's options stay untouched)."""
        saved = self.config_entry.options.get(CONF_ROUTINES) or []
        return [
            deepcopy(routine)
            for routine in saved
            if isinstance(routine, dict) and isinstance(routine.get("id"), str)
        ]

    def _edited(self) -> dict[str, Any] | None:
        """The saved custom routine being changed (None while adding one)."""
        return next((r for r in self._custom() if r["id"] == self._editing), None)

    async def async_step_routines(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Add a routine; change or remove one once there are some."""
        self._editing = None
        menu = ["routine_add"]
        if self._custom():
            menu += ["routine_edit", "routine_remove"]
        return self.async_show_menu(step_id="routines", menu_options=menu)

    async def async_step_routine_add(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Name the routine and pick its exercises in the order they are done."""
        library, texts = await self._load()
        errors: dict[str, str] = {}
        if user_input is not None:
            name = str(user_input.get(CONF_NAME) or "").strip()
            chosen = [e for e in user_input.get(FIELD_EXERCISES) or [] if e in library.exercises]
            taken = set(BUILT_IN_ROUTINES) | set(library.routines)
            # a built-in's name in Home Assistant's language would start the built-in
            taken |= {slugify(translated) for translated in texts.routines.values()}
            taken |= {r["id"] for r in self._custom() if r["id"] != self._editing}
            if not name:
                errors[CONF_NAME] = "name_required"
            elif slugify(name) in taken:
                errors[CONF_NAME] = "name_taken"
            if not chosen:
                errors[FIELD_EXERCISES] = "no_exercises"
            if not errors:
                self._name, self._chosen, self._items = name, list(dict.fromkeys(chosen)), []
                return await self.async_step_routine_exercise()
            current = user_input
        elif (edited := self._edited()) is not None:
            current = {
                CONF_NAME: edited.get("name", ""),
                FIELD_EXERCISES: [
                    item["exercise"]
                    for item in _items_of(edited)
                    if item.get("exercise") in library.exercises
                ],
            }
        else:
            current = {}
        exercises = sorted(
            (
                selector.SelectOptionDict(value=exercise_id, label=_label(exercise, texts))
                for exercise_id, exercise in library.exercises.items()
            ),
            key=lambda option: option["label"].casefold(),
        )
        schema = vol.Schema(
            {
                vol.Required(CONF_NAME, **_suggested(current, CONF_NAME)): (
                    selector.TextSelector()
                ),
                vol.Optional(FIELD_EXERCISES, **_suggested(current, FIELD_EXERCISES)): (
                    selector.SelectSelector(
                        selector.SelectSelectorConfig(
                            options=exercises,
                            multiple=True,
                            # the dropdown keeps the order the exercises were picked in
                            mode=selector.SelectSelectorMode.DROPDOWN,
                        )
                    )
                ),
            }
        )
        return self.async_show_form(step_id="routine_add", data_schema=schema, errors=errors)

    async def async_step_routine_exercise(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Sets and repetitions (or how long to hold) of one exercise after the other."""
        library, texts = await self._load()
        exercise = library.exercises[self._chosen[len(self._items)]]
        holds = _holds(exercise)
        if user_input is not None:
            self._items.append(
                {
                    "exercise": exercise.id,
                    FIELD_SETS: int(user_input[FIELD_SETS]),
                    FIELD_REPS: None if holds else int(user_input[FIELD_REPS]),
                    FIELD_HOLD: int(user_input[FIELD_HOLD]) if holds else None,
                }
            )
            if len(self._items) == len(self._chosen):
                return self._save_routine()
            return await self.async_step_routine_exercise()

        defaults = _item_defaults(exercise, self._edited())
        fields: dict[vol.Marker, Any] = {
            vol.Required(FIELD_SETS, default=defaults[FIELD_SETS]): _count_box(SETS_RANGE, "")
        }
        if holds:
            fields[vol.Required(FIELD_HOLD, default=defaults[FIELD_HOLD])] = _count_box(
                HOLD_RANGE, "s"
            )
        else:
            fields[vol.Required(FIELD_REPS, default=defaults[FIELD_REPS])] = _count_box(
                REPS_RANGE, ""
            )
        text = texts.exercises.get(exercise.id)
        return self.async_show_form(
            step_id="routine_exercise",
            data_schema=vol.Schema(fields),
            description_placeholders={
                "exercise": text.name if text is not None else exercise.id,
                "position": str(len(self._items) + 1),
                "count": str(len(self._chosen)),
            },
        )

    def _save_routine(self) -> ConfigFlowResult:
        """Keep the routine written: appended, or in place of the one changed."""
        routine = {"id": slugify(self._name), "name": self._name, "items": self._items}
        routines = self._custom()
        ids = [r["id"] for r in routines]
        if self._editing in ids:
            routines[ids.index(self._editing)] = routine
        else:
            routines.append(routine)
        return self._save({CONF_ROUTINES: routines})

    async def async_step_routine_edit(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Pick the routine to change."""
        routines = self._custom()
        if not routines:
            return await self.async_step_routines()
        if user_input is not None:
            self._editing = user_input[FIELD_ROUTINE]
            return await self.async_step_routine_add()
        schema = vol.Schema(
            {
                vol.Required(FIELD_ROUTINE): selector.SelectSelector(
                    selector.SelectSelectorConfig(
                        options=_routine_options(routines),
                        mode=selector.SelectSelectorMode.DROPDOWN,
                    )
                )
            }
        )
        return self.async_show_form(step_id="routine_edit", data_schema=schema)

    async def async_step_routine_remove(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Remove some of the user's routines."""
        routines = self._custom()
        if user_input is not None:
            removed = set(user_input.get(CONF_ROUTINES) or [])
            kept = [r for r in routines if r["id"] not in removed]
            if kept:
                return self._save({CONF_ROUTINES: kept})
            return self._save({}, dropped=(CONF_ROUTINES,))
        schema = vol.Schema(
            {
                vol.Required(CONF_ROUTINES, default=[]): selector.SelectSelector(
                    selector.SelectSelectorConfig(
                        options=_routine_options(routines),
                        multiple=True,
                        mode=selector.SelectSelectorMode.LIST,
                    )
                )
            }
        )
        return self.async_show_form(step_id="routine_remove", data_schema=schema)


def _label(exercise: Exercise, texts: LibraryTexts) -> str:
    """An exercise as the picker shows it: "Chin tucks (Strength)"."""
    text = texts.exercises.get(exercise.id)
    name = text.name if text is not None else exercise.id
    kind = str(exercise.kind)
    return f"{name} ({texts.kinds.get(kind, kind)})"


def _holds(exercise: Exercise) -> bool:
    """The exercise is held for seconds rather than repeated (as the planner reads it)."""
    return exercise.hold is not None


def _within(value: int | None, bounds: tuple[int, int], fallback: int) -> int:
    low, high = bounds
    return min(max(fallback if value is None else int(value), low), high)


def _item_defaults(exercise: Exercise, edited: dict[str, Any] | None) -> dict[str, int]:
    """Sets, reps and hold to prefill: what the routine had, else the library's."""
    before: dict[str, Any] = next(
        (item for item in _items_of(edited) if item.get("exercise") == exercise.id),
        {},
    )

    def pick(key: str, default: int | None) -> int | None:
        value = before.get(key)
        return value if isinstance(value, int) else default

    return {
        FIELD_SETS: _within(pick(FIELD_SETS, exercise.sets), SETS_RANGE, 1),
        FIELD_REPS: _within(pick(FIELD_REPS, exercise.reps), REPS_RANGE, 10),
        FIELD_HOLD: _within(pick(FIELD_HOLD, exercise.hold), HOLD_RANGE, 30),
    }


def _items_of(routine: dict[str, Any] | None) -> list[dict[str, Any]]:
    """A saved routine's items (options are user data: skip what is no item)."""
    items = (routine or {}).get("items") or []
    return [item for item in items if isinstance(item, dict)]


def _routine_options(routines: list[dict[str, Any]]) -> list[selector.SelectOptionDict]:
    return [
        selector.SelectOptionDict(value=r["id"], label=str(r.get("name") or r["id"]))
        for r in routines
    ]


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
