"""Logbook entries for breaks, in Home Assistant's language."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from homeassistant.components.logbook.const import LOGBOOK_ENTRY_MESSAGE, LOGBOOK_ENTRY_NAME
from homeassistant.core import Event, HomeAssistant, callback

from .const import DOMAIN, EVENT_BREAK
from .speech import loaded_texts


@callback
def async_describe_events(
    hass: HomeAssistant,
    async_describe_event: Callable[[str, str, Callable[[Event], dict[str, Any]]], None],
) -> None:
    """Describe break events for the logbook."""

    @callback
    def describe(event: Event) -> dict[str, Any]:
        kind = event.data["type"]
        return {
            LOGBOOK_ENTRY_NAME: event.data["desk"],
            LOGBOOK_ENTRY_MESSAGE: loaded_texts(hass).get(f"logbook_{kind}", kind),
        }

    async_describe_event(DOMAIN, EVENT_BREAK, describe)
