"""Set up a desk from the UI: which entities tell that someone sits there."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigEntry, ConfigFlow, ConfigFlowResult
from homeassistant.const import ATTR_FRIENDLY_NAME, CONF_NAME
from homeassistant.core import HomeAssistant, callback, split_entity_id
from homeassistant.helpers import device_registry as dr, entity_registry as er, selector
import voluptuous as vol

from .const import (
    CONF_AREA,
    CONF_EXTRA_PRESENCE_ENTITIES,
    CONF_PRESENCE_ENTITY,
    CONF_PRESENCE_THRESHOLD,
    CONF_STANDING_ENTITY,
    CONF_STANDING_HEIGHT,
    DEFAULT_NAME,
    DOMAIN,
    ON_OFF_DOMAINS,
    PRESENCE_DOMAINS,
    STANDING_DOMAINS,
)
from .entity_check import entity_exists
from .form import any_number_box, clean, suggested
from .inputs import presence_sources
from .options import as_number
from .options_flow import DeskCoachOptionsFlow


def _desk_schema(defaults: dict[str, Any], *, with_name: bool) -> vol.Schema:
    """The form describing a desk, prefilled with ``defaults``."""

    def shown(key: str) -> dict[str, Any]:
        return suggested(defaults.get(key))

    fields: dict[vol.Marker, Any] = {}
    if with_name:
        fields[vol.Required(CONF_NAME, default=defaults.get(CONF_NAME, DEFAULT_NAME))] = (
            selector.TextSelector()
        )
    fields.update(
        {
            vol.Required(CONF_PRESENCE_ENTITY, **shown(CONF_PRESENCE_ENTITY)): (
                selector.EntitySelector(
                    selector.EntitySelectorConfig(domain=list(PRESENCE_DOMAINS))
                )
            ),
            vol.Optional(CONF_PRESENCE_THRESHOLD, **shown(CONF_PRESENCE_THRESHOLD)): (
                any_number_box()
            ),
            vol.Optional(
                CONF_EXTRA_PRESENCE_ENTITIES, **shown(CONF_EXTRA_PRESENCE_ENTITIES)
            ): selector.EntitySelector(
                selector.EntitySelectorConfig(domain=list(PRESENCE_DOMAINS), multiple=True)
            ),
            vol.Optional(CONF_AREA, **shown(CONF_AREA)): selector.AreaSelector(),
            vol.Optional(CONF_STANDING_ENTITY, **shown(CONF_STANDING_ENTITY)): (
                selector.EntitySelector(
                    selector.EntitySelectorConfig(domain=list(STANDING_DOMAINS))
                )
            ),
            vol.Optional(CONF_STANDING_HEIGHT, **shown(CONF_STANDING_HEIGHT)): any_number_box(),
        }
    )
    return vol.Schema(fields)


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
    return as_number(state.state) is not None


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
                data = clean(user_input)
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
                data = clean(user_input)
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
        """Tune the coach: one dialog of pages, saved together."""
        return DeskCoachOptionsFlow(config_entry)


def _move_device(hass: HomeAssistant, entry: ConfigEntry, area: str) -> None:
    registry = dr.async_get(hass)
    if device := registry.async_get_device(identifiers={(DOMAIN, entry.entry_id)}):
        registry.async_update_device(device.id, area_id=area)
