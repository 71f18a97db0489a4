"""Logbook entries for breaks and routines, in Home Assistant's language."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from homeassistant.components.logbook.const import LOGBOOK_ENTRY_MESSAGE, LOGBOOK_ENTRY_NAME
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import Event, HomeAssistant, callback

from .catalog import loaded_catalog
from .const import DOMAIN, EVENT_BREAK, EVENT_ROUTINE
from .speech import render


@callback
def async_describe_events(
    hass: HomeAssistant,
    async_describe_event: Callable[[str, str, Callable[[Event], dict[str, Any]]], None],
) -> None:
    """Describe break and routine events for the logbook."""

    @callback
    def describe_break(event: Event) -> dict[str, Any]:
        kind, grade = event.data["type"], event.data.get("grade")
        texts = _texts(hass)
        message = texts.get(f"logbook_{kind}", kind)
        if grade is not None:  # "took a break (walked)"
            message = f"{message} ({texts.get(f'grade_{grade}', grade)})"
        return {LOGBOOK_ENTRY_NAME: event.data["desk"], LOGBOOK_ENTRY_MESSAGE: message}

    @callback
    def describe_routine(event: Event) -> dict[str, Any]:
        data = event.data
        routine = exercise = None
        entry = hass.config_entries.async_get_entry(data.get("entry_id", ""))
        if entry is not None and entry.state is ConfigEntryState.LOADED:
            routine = entry.runtime_data.routines.name(data["routine"])
            if "exercise" in data:
                exercise = entry.runtime_data.routines.exercise_name(data["exercise"])
        variables = {
            "routine": routine or data["routine"],
            "exercise": exercise or data.get("exercise", ""),
            "reason": data.get("reason"),
        }
        kind = data["type"]
        text = _texts(hass).get(f"logbook_routine_{kind}", kind)
        return {
            LOGBOOK_ENTRY_NAME: data["desk"],
            LOGBOOK_ENTRY_MESSAGE: render(hass, text, variables) or kind,
        }

    async_describe_event(DOMAIN, EVENT_BREAK, describe_break)
    async_describe_event(DOMAIN, EVENT_ROUTINE, describe_routine)


def _texts(hass: HomeAssistant) -> dict[str, str]:
    """The texts in Home Assistant's language (read when the first desk was set up)."""
    catalog = loaded_catalog(hass)
    return catalog.speech(hass) if catalog is not None else {}
