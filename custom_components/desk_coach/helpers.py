"""One way to find a desk, to refuse, to hold a list of listeners, and to follow entities.

A desk by config entry, by device, or the ones running.

``refusals_translated`` is the one boundary where a ``Refusal`` (refusal.py) becomes the
translated error an action or a button shows; voice speaks it instead (intent.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from homeassistant.core import CALLBACK_TYPE, Event, EventStateChangedData, HomeAssistant, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.event import async_track_state_change_event

from .const import DOMAIN
from .refusal import Refusal

if TYPE_CHECKING:
    from .coordinator import DeskCoachConfigEntry, DeskCoordinator


@callback
def loaded_desks(hass: HomeAssistant) -> list[DeskCoachConfigEntry]:
    """The desks set up and running."""
    return hass.config_entries.async_loaded_entries(DOMAIN)


@callback
def desk_entry_id(hass: HomeAssistant, device_id: str) -> str | None:
    """The config entry id of the desk a device stands for, None for any other device."""
    device = dr.async_get(hass).async_get(device_id)
    if device is None:
        return None
    return next((value for domain, value in device.identifiers if domain == DOMAIN), None)


@callback
def loaded_desk(hass: HomeAssistant, entry_id: str) -> DeskCoordinator | None:
    """The runtime of a desk's config entry, None while it is not a running desk."""
    entry: DeskCoachConfigEntry | None = hass.config_entries.async_get_entry(entry_id)
    if entry is None or entry.domain != DOMAIN or entry not in loaded_desks(hass):
        return None
    return entry.runtime_data.coordinator


def subscribe[T](listeners: list[T], listener: T) -> CALLBACK_TYPE:
    """Add ``listener`` to ``listeners``; the returned callback removes it."""
    listeners.append(listener)

    @callback
    def remove() -> None:
        listeners.remove(listener)

    return remove


class Following:
    """One state-change subscription to the entities an option names, renewed on a change."""

    def __init__(
        self, hass: HomeAssistant, action: Callable[[Event[EventStateChangedData]], None]
    ) -> None:
        """Follow nothing yet; ``action`` gets every state change of the entities followed."""
        self.hass = hass
        self._action = action
        self._following: tuple[str, ...] = ()
        self._stop: CALLBACK_TYPE | None = None

    @callback
    def follow(self, entity_ids: tuple[str, ...]) -> bool:
        """Follow ``entity_ids`` (none: nothing); whether that renewed the subscription."""
        if entity_ids == self._following:
            return False
        self.stop()
        self._following = entity_ids
        if entity_ids:
            self._stop = async_track_state_change_event(self.hass, entity_ids, self._action)
        return True

    @callback
    def stop(self) -> None:
        """Follow nothing any more."""
        if self._stop is not None:
            self._stop()
        self._stop = None
        self._following = ()


@contextmanager
def refusals_translated() -> Iterator[None]:
    """Raise a ``Refusal`` inside as the translated ``ServiceValidationError`` it names."""
    try:
        yield
    except Refusal as refusal:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key=refusal.key,
            translation_placeholders=refusal.placeholders or None,
        ) from refusal
