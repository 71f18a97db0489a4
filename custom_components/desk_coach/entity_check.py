"""Every entity a desk names, watched: an issue for each one that is gone, renames followed.

A desk names entities in two places: its inputs (the config entry's data, changed through
Reconfigure) and its options (speakers, phones, do-not-disturb, the desk control, …). Each
place is a *slot*: its key, the options page that holds it, the domains it takes and
whether the desk needs it. A configured entity that no longer exists raises one repair
issue naming it and its page; the issue is fixable (``repairs.py``): a replacement, or,
where the slot is optional, its removal. A desk that announces on nothing raises the
no-channel issue through the same mechanism.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import EVENT_SERVICE_REGISTERED, EVENT_SERVICE_REMOVED
from homeassistant.core import CALLBACK_TYPE, Event, EventStateChangedData, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er, issue_registry as ir
from homeassistant.helpers.event import async_track_state_change_event
from homeassistant.helpers.start import async_at_started

from .const import (
    CONF_DESK_CONTROL,
    CONF_DND_ENTITIES,
    CONF_EXTRA_PRESENCE_ENTITIES,
    CONF_LIGHTS,
    CONF_MEDIA_PLAYERS,
    CONF_MOBILE_APPS,
    CONF_NOTIFY_ENTITIES,
    CONF_PRESENCE_ENTITY,
    CONF_SATELLITES,
    CONF_STANDING_ENTITY,
    CONF_SUMMARY_TARGETS,
    CONF_TTS_ENGINE,
    DESK_CONTROL_DOMAINS,
    DOMAIN,
    PRESENCE_DOMAINS,
    STANDING_DOMAINS,
)
from .options import engine_entities, entity_ids

NOTIFY = "notify"
ISSUE_NO_CHANNEL = "no_announce_channel"
RECONFIGURE = "reconfigure"


@dataclass(frozen=True, kw_only=True)
class Slot:
    """A place in a desk's configuration that names entities (or phones' notify services)."""

    key: str
    page: str  # the options page that holds it, or RECONFIGURE for the desk's inputs
    domains: tuple[str, ...]
    in_data: bool = False
    required: bool = False
    multiple: bool = False
    service: bool = False  # names notify services (phones), not entities

    @property
    def issue_key(self) -> str:
        """The translation key of this slot's missing-entity issue."""
        if self.page == RECONFIGURE:
            return "missing_input" if self.required else "missing_optional_input"
        return f"missing_{self.page}_entity"

    def names(self, entry: ConfigEntry) -> list[str]:
        """What the entry names in this slot."""
        names = list(entity_ids((entry.data if self.in_data else entry.options).get(self.key)))
        if self.key == CONF_TTS_ENGINE:  # a legacy engine's name is no entity
            return engine_entities(names)
        return names

    def replaced(self, current: Mapping[str, Any], old: str, new: str | None) -> dict[str, Any]:
        """``current`` (data or options) with ``old`` swapped for ``new``, or left out."""
        values = dict(current)
        if not self.multiple:
            if new is None:
                values.pop(self.key, None)
            else:
                values[self.key] = new
            return values
        names = [new if name == old else name for name in current.get(self.key, [])]
        values[self.key] = [name for name in dict.fromkeys(names) if name is not None]
        return values


SLOTS: tuple[Slot, ...] = (
    Slot(
        key=CONF_PRESENCE_ENTITY,
        page=RECONFIGURE,
        domains=PRESENCE_DOMAINS,
        in_data=True,
        required=True,
    ),
    Slot(
        key=CONF_EXTRA_PRESENCE_ENTITIES,
        page=RECONFIGURE,
        domains=PRESENCE_DOMAINS,
        in_data=True,
        multiple=True,
    ),
    Slot(key=CONF_STANDING_ENTITY, page=RECONFIGURE, domains=STANDING_DOMAINS, in_data=True),
    Slot(key=CONF_MEDIA_PLAYERS, page="announcements", domains=("media_player",), multiple=True),
    Slot(key=CONF_TTS_ENGINE, page="announcements", domains=("tts",)),
    Slot(key=CONF_SATELLITES, page="announcements", domains=("assist_satellite",), multiple=True),
    Slot(key=CONF_NOTIFY_ENTITIES, page="announcements", domains=(NOTIFY,), multiple=True),
    Slot(
        key=CONF_MOBILE_APPS, page="announcements", domains=(NOTIFY,), multiple=True, service=True
    ),
    Slot(key=CONF_LIGHTS, page="announcements", domains=("light",), multiple=True),
    Slot(
        key=CONF_DND_ENTITIES,
        page="quiet",
        domains=("binary_sensor", "input_boolean", "calendar"),
        multiple=True,
    ),
    Slot(key=CONF_DESK_CONTROL, page="standing_desk", domains=DESK_CONTROL_DOMAINS),
    Slot(key=CONF_SUMMARY_TARGETS, page="summary", domains=(NOTIFY,), multiple=True),
)
SLOT_BY_KEY = {slot.key: slot for slot in SLOTS}


def entity_exists(hass: HomeAssistant, entity_id: str) -> bool:
    """Tell whether an entity has a state or at least a registry entry."""
    return (
        hass.states.get(entity_id) is not None
        or er.async_get(hass).async_get(entity_id) is not None
    )


def missing_issue_id(entry_id: str, name: str) -> str:
    """The id of the issue that a desk's entity (or phone) ``name`` is gone."""
    return f"missing_{entry_id}_{name}"


def no_channel_issue_id(entry_id: str) -> str:
    """The id of the issue that a desk announces its breaks nowhere."""
    return f"{ISSUE_NO_CHANNEL}_{entry_id}"


def _desk_issue_ids(hass: HomeAssistant, entry_id: str) -> set[str]:
    """The ids of the issues a desk has raised (by this runtime or an earlier one)."""
    ours = (missing_issue_id(entry_id, ""), no_channel_issue_id(entry_id))
    return {
        issue_id
        for domain, issue_id in ir.async_get(hass).issues
        if domain == DOMAIN and issue_id.startswith(ours)
    }


@callback
def async_delete_desk_issues(hass: HomeAssistant, entry_id: str) -> None:
    """Withdraw every repair issue a desk raised (the desk is removed)."""
    for issue_id in _desk_issue_ids(hass, entry_id):
        ir.async_delete_issue(hass, DOMAIN, issue_id)


class DeskEntityCheck:
    """Raises and withdraws a desk's repair issues; follows renamed entities."""

    def __init__(
        self, hass: HomeAssistant, entry: ConfigEntry, has_channel: Callable[[], bool]
    ) -> None:
        """Prepare the check; nothing is watched until ``async_start``."""
        self.hass = hass
        self.entry = entry
        self._has_channel = has_channel
        self._watched: dict[str, Slot] = {}  # name → its slot
        self._unsubscribe: list[CALLBACK_TYPE] = []
        self._unsubscribe_states: CALLBACK_TYPE | None = None
        self._started = False

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Check once Home Assistant has started, then on every change; returns the stop."""
        self._watch()

        @callback
        def started(_: HomeAssistant) -> None:
            self._started = True
            self.async_check()

        self._unsubscribe += [
            async_at_started(self.hass, started),
            self.hass.bus.async_listen(er.EVENT_ENTITY_REGISTRY_UPDATED, self._registry_updated),
            self.hass.bus.async_listen(EVENT_SERVICE_REMOVED, self._services_changed),
            self.hass.bus.async_listen(EVENT_SERVICE_REGISTERED, self._services_changed),
        ]
        return self._stop

    @callback
    def async_options_changed(self) -> None:
        """Watch what the new options name, and check them."""
        self._watch()
        if self._started:
            self.async_check()

    @callback
    def async_check(self, *_: Any) -> None:
        """Raise an issue for each configured entity that is gone; withdraw the others."""
        entry_id = self.entry.entry_id
        wanted: dict[str, tuple[str, Slot] | None] = {
            missing_issue_id(entry_id, name): (name, slot)
            for name, slot in self._watched.items()
            if not self._exists(name, slot)
        }
        if not self._has_channel():
            wanted[no_channel_issue_id(entry_id)] = None
        for issue_id in _desk_issue_ids(self.hass, entry_id) - wanted.keys():
            ir.async_delete_issue(self.hass, DOMAIN, issue_id)  # back, replaced or unset
        for issue_id, missing in wanted.items():
            self._raise(issue_id, missing)

    def _raise(self, issue_id: str, missing: tuple[str, Slot] | None) -> None:
        """One fixable issue: an entity gone (``missing``), or no channel (None)."""
        entry_id, desk = self.entry.entry_id, self.entry.title
        severity, key = ir.IssueSeverity.WARNING, ISSUE_NO_CHANNEL
        placeholders: dict[str, str] = {"desk": desk}
        data: dict[str, str | int | float | None] = {"entry_id": entry_id}
        if missing is not None:
            name, slot = missing
            if slot.required:
                severity = ir.IssueSeverity.ERROR
            key, placeholders["entity"] = slot.issue_key, name
            data |= {"key": slot.key, "name": name}
        ir.async_create_issue(
            self.hass,
            DOMAIN,
            issue_id,
            is_fixable=True,
            is_persistent=False,
            severity=severity,
            translation_key=key,
            translation_placeholders=placeholders,
            data=data,
        )

    def _exists(self, name: str, slot: Slot) -> bool:
        if slot.service:
            return self.hass.services.has_service(NOTIFY, name.removeprefix(f"{NOTIFY}."))
        return entity_exists(self.hass, name)

    def _watch(self) -> None:
        self._watched = {name: slot for slot in SLOTS for name in slot.names(self.entry)}
        if self._unsubscribe_states is not None:
            self._unsubscribe_states()
        entity_ids = [name for name, slot in self._watched.items() if not slot.service]
        self._unsubscribe_states = async_track_state_change_event(
            self.hass, entity_ids, self._state_changed
        )

    @callback
    def _state_changed(self, event: Event[EventStateChangedData]) -> None:
        if self._started and (event.data["old_state"] is None or event.data["new_state"] is None):
            self.async_check()  # an entity appeared or vanished

    @callback
    def _services_changed(self, event: Event[Mapping[str, Any]]) -> None:
        if self._started and event.data.get("domain") == NOTIFY:
            self.async_check()

    @callback
    def _registry_updated(self, event: Event[er.EventEntityRegistryUpdatedData]) -> None:
        data = event.data
        old = data.get("old_entity_id")
        if data["action"] == "update" and old in self._watched:
            self._follow_rename(str(old), data["entity_id"])
        elif data["entity_id"] in self._watched and self._started:
            self.async_check()

    def _follow_rename(self, old: str, new: str) -> None:
        """Point the desk at an entity's new id: options apply live, inputs reload."""
        slots = [slot for slot in SLOTS if old in slot.names(self.entry)]
        data, options = dict(self.entry.data), dict(self.entry.options)
        for slot in slots:
            if slot.in_data:
                data = slot.replaced(data, old, new)
            else:
                options = slot.replaced(options, old, new)
        self.hass.config_entries.async_update_entry(self.entry, data=data, options=options)

    @callback
    def _stop(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        if self._unsubscribe_states is not None:
            self._unsubscribe_states()
            self._unsubscribe_states = None
