"""Repair issues: tell the user when an entity a desk reads is gone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from homeassistant.core import CALLBACK_TYPE, Event, EventStateChangedData, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er, issue_registry as ir
from homeassistant.helpers.event import async_track_state_change_event
from homeassistant.helpers.start import async_at_started

from .const import CONF_EXTRA_PRESENCE_ENTITIES, CONF_PRESENCE_ENTITY, CONF_STANDING_ENTITY, DOMAIN


def _issue_id(entry_id: str) -> str:
    return f"missing_entity_{entry_id}"


@callback
def async_delete_missing_entity_issue(hass: HomeAssistant, entry_id: str) -> None:
    """Withdraw the desk's missing-entity issue."""
    ir.async_delete_issue(hass, DOMAIN, _issue_id(entry_id))


def entity_exists(hass: HomeAssistant, entity_id: str) -> bool:
    """Tell whether an entity has a state or at least a registry entry."""
    return (
        hass.states.get(entity_id) is not None
        or er.async_get(hass).async_get(entity_id) is not None
    )


@callback
def async_report_missing(
    hass: HomeAssistant,
    issue_id: str,
    entity_ids: list[str],
    *,
    desk: str,
    translation_key: str,
    severity: ir.IssueSeverity,
) -> None:
    """Raise an issue naming the entities that no longer exist, or withdraw it."""
    missing = [entity_id for entity_id in entity_ids if not entity_exists(hass, entity_id)]
    if not missing:
        ir.async_delete_issue(hass, DOMAIN, issue_id)
        return
    ir.async_create_issue(
        hass,
        DOMAIN,
        issue_id,
        is_fixable=False,
        is_persistent=False,
        severity=severity,
        translation_key=translation_key,
        translation_placeholders={"desk": desk, "entities": ", ".join(missing)},
    )


@callback
def async_check_entities(
    hass: HomeAssistant, entry_id: str, desk: str, entity_ids: list[str]
) -> CALLBACK_TYPE:
    """Raise or withdraw the missing-entity issue now and whenever the registry changes.

    Checked once Home Assistant has started, so entities of integrations that load after
    Desk Coach are not taken for missing. Renamed entities are followed.
    """

    @callback
    def check(*_: Any) -> None:
        async_report_missing(
            hass,
            _issue_id(entry_id),
            entity_ids,
            desk=desk,
            translation_key="missing_entity",
            severity=ir.IssueSeverity.ERROR,
        )

    @callback
    def registry_updated(event: Event[er.EventEntityRegistryUpdatedData]) -> None:
        data = event.data
        if data["action"] == "update" and data.get("old_entity_id") in entity_ids:
            _follow_rename(hass, entry_id, data["old_entity_id"], data["entity_id"])
            return
        if data["entity_id"] in entity_ids:
            check()

    @callback
    def state_changed(event: Event[EventStateChangedData]) -> None:
        if event.data["old_state"] is None or event.data["new_state"] is None:
            check()  # an entity appeared or vanished

    unsubscribers: list[Callable[[], None]] = [
        async_at_started(hass, check),
        hass.bus.async_listen(er.EVENT_ENTITY_REGISTRY_UPDATED, registry_updated),
        async_track_state_change_event(hass, entity_ids, state_changed),
    ]

    @callback
    def unsubscribe() -> None:
        for unsubscriber in unsubscribers:
            unsubscriber()

    return unsubscribe


@callback
def _follow_rename(hass: HomeAssistant, entry_id: str, old: str, new: str) -> None:
    """Point the desk at an entity's new id (the entry then reloads)."""
    entry = hass.config_entries.async_get_entry(entry_id)
    if entry is None:  # pragma: no cover - the listener goes with the entry
        return
    data = dict(entry.data)
    for key in (CONF_PRESENCE_ENTITY, CONF_STANDING_ENTITY):
        if data.get(key) == old:
            data[key] = new
    data[CONF_EXTRA_PRESENCE_ENTITIES] = [
        new if entity_id == old else entity_id
        for entity_id in data.get(CONF_EXTRA_PRESENCE_ENTITIES, [])
    ]
    hass.config_entries.async_update_entry(entry, data=data)
