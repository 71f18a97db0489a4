"""Repair flows: fix a desk's missing entity, or give a silent desk a channel.

The issues are raised by ``entity_check.py``. A missing entity is replaced, or, where the
desk can do without it, removed from the options; a desk that announces nowhere gets
speakers, satellites, notifiers or lights. Options apply live; a replaced input reloads
the desk, as Reconfigure does. Finishing a flow withdraws its issue.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.repairs import RepairsFlow
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResult
from homeassistant.helpers import selector
import voluptuous as vol

from .const import (
    BREAK_ACTION_ANNOUNCE,
    BREAK_ACTION_RAISE,
    CONF_BREAK_ACTION,
    CONF_DESK_CONTROL,
    CONF_LIGHTS,
    CONF_MEDIA_PLAYERS,
    CONF_NOTIFY_ENTITIES,
    CONF_SATELLITES,
    CONF_STANDING_ENTITY,
    DOMAIN,
)
from .entity_check import NOTIFY, SLOT_BY_KEY, Slot
from .options_standing_desk import validate_standing_desk

ENTITY = "entity"
CHANNELS = {
    CONF_MEDIA_PLAYERS: "media_player",
    CONF_SATELLITES: "assist_satellite",
    CONF_NOTIFY_ENTITIES: NOTIFY,
    CONF_LIGHTS: "light",
}


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, str | int | float | None] | None
) -> RepairsFlow:
    """The flow that fixes one of Desk Coach's fixable issues."""
    data = data or {}
    entry_id = str(data.get("entry_id"))
    if "key" not in data:
        return NoChannelFlow(entry_id)
    return MissingEntityFlow(entry_id, SLOT_BY_KEY[str(data["key"])], str(data["name"]))


class _DeskFlow(RepairsFlow):
    """A fix that changes one desk's configuration."""

    def __init__(self, entry_id: str) -> None:
        self._entry_id = entry_id

    def _entry(self) -> ConfigEntry | None:
        entry = self.hass.config_entries.async_get_entry(self._entry_id)
        return entry if entry is not None and entry.domain == DOMAIN else None

    def _placeholders(self, **more: str) -> dict[str, str]:
        entry = self._entry()
        return {"desk": entry.title if entry else "", **more}


class MissingEntityFlow(_DeskFlow):
    """Replace a desk's missing entity, or remove it where the desk can do without."""

    def __init__(self, entry_id: str, slot: Slot, name: str) -> None:
        """Fix the entity ``name`` of ``slot``."""
        super().__init__(entry_id)
        self._slot = slot
        self._name = name

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> FlowResult:
        """Offer a replacement, and removal when the entity is optional."""
        if self._slot.required:
            return await self.async_step_replace()
        return self.async_show_menu(
            step_id="init",
            menu_options=["replace", "remove"],
            description_placeholders=self._placeholders(entity=self._name),
        )

    async def async_step_replace(self, user_input: dict[str, Any] | None = None) -> FlowResult:
        """Pick the entity (or phone) that takes the missing one's place."""
        errors: dict[str, str] = {}
        if user_input is not None:
            errors = self._apply(str(user_input[ENTITY]))
            if not errors:
                return self.async_create_entry(data={})
        return self.async_show_form(
            step_id="replace",
            data_schema=vol.Schema({vol.Required(ENTITY): self._selector()}),
            errors=errors,
            description_placeholders=self._placeholders(entity=self._name),
        )

    async def async_step_remove(self, user_input: dict[str, Any] | None = None) -> FlowResult:
        """Confirm, then remove the missing entity from the desk's options."""
        if user_input is not None:
            self._apply(None)
            return self.async_create_entry(data={})
        return self.async_show_form(
            step_id="remove",
            data_schema=vol.Schema({}),
            description_placeholders=self._placeholders(entity=self._name),
        )

    def _selector(self) -> selector.Selector[Any]:
        if self._slot.service:
            phones = sorted(
                name
                for name in self.hass.services.async_services_for_domain(NOTIFY)
                if name.startswith("mobile_app_")
            )
            return selector.SelectSelector(
                selector.SelectSelectorConfig(options=phones, custom_value=True)
            )
        return selector.EntitySelector(
            selector.EntitySelectorConfig(domain=list(self._slot.domains))
        )

    def _apply(self, new: str | None) -> dict[str, str]:
        """Write the change; form errors if the new desk control doesn't take the heights."""
        entry = self._entry()
        if entry is None:
            return {}  # the desk is gone, and its issue with it
        slot, old = self._slot, self._name
        if slot.in_data:
            data = slot.replaced(entry.data, old, new)
            options = dict(entry.options)
            if slot.key == CONF_STANDING_ENTITY and new is None:
                options[CONF_BREAK_ACTION] = BREAK_ACTION_ANNOUNCE  # raising needs standing
            self.hass.config_entries.async_update_entry(entry, data=data, options=options)
            return {}
        options = slot.replaced(entry.options, old, new)
        if slot.key == CONF_DESK_CONTROL:
            if new is None and options.get(CONF_BREAK_ACTION) == BREAK_ACTION_RAISE:
                options[CONF_BREAK_ACTION] = BREAK_ACTION_ANNOUNCE  # nothing left to raise
            errors, _ = validate_standing_desk(self.hass, options, entry.data)
            if errors:
                return {ENTITY: "desk_control_heights"}
        self.hass.config_entries.async_update_entry(entry, options=options)
        return {}


class NoChannelFlow(_DeskFlow):
    """Give a desk that announces nowhere at least one channel."""

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> FlowResult:
        """Pick speakers, satellites, notifiers or lights."""
        errors: dict[str, str] = {}
        if user_input is not None:
            chosen = {key: list(user_input.get(key, [])) for key in CHANNELS}
            if not any(chosen.values()):
                errors["base"] = "choose_one"
            else:
                if (entry := self._entry()) is not None:  # else the desk is gone with its issue
                    options = {**entry.options, **{k: v for k, v in chosen.items() if v}}
                    self.hass.config_entries.async_update_entry(entry, options=options)
                return self.async_create_entry(data={})
        schema = vol.Schema(
            {
                vol.Optional(key): selector.EntitySelector(
                    selector.EntitySelectorConfig(domain=domain, multiple=True)
                )
                for key, domain in CHANNELS.items()
            }
        )
        return self.async_show_form(
            step_id="init",
            data_schema=schema,
            errors=errors,
            description_placeholders=self._placeholders(),
        )
