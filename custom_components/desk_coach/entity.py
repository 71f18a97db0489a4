"""The base of every Desk Coach entity."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from homeassistant.core import callback
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity import EntityDescription
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .const import DOMAIN
from .coordinator import DeskCoachConfigEntry, DeskCoordinator
from .model import MinuteCount


@dataclass(frozen=True, kw_only=True)
class DeskEntityDescription(EntityDescription):
    """An entity whose state (and attributes) are read off the desk."""

    value_fn: Callable[[DeskCoordinator], Any]
    attributes_fn: Callable[[DeskCoordinator], dict[str, Any]] | None = None
    # the sitting or standing counts shown to the minute
    shows: MinuteCount | tuple[MinuteCount, ...] | None = None


class DeskDeviceEntity(CoordinatorEntity[DeskCoordinator]):
    """An entity on one desk's device: named by translation, pushed, never polled.

    ``shows``: the counts it shows to the minute, its listener context (coordinator.py).
    """

    _attr_has_entity_name = True
    shows: MinuteCount | tuple[MinuteCount, ...] | None = None

    def __init__(self, entry: DeskCoachConfigEntry, key: str) -> None:
        """Attach the entity to the desk's device and its coordinator."""
        shows = self.shows
        counts = (shows,) if isinstance(shows, MinuteCount) else shows
        super().__init__(entry.runtime_data.coordinator, counts or None)
        self._attr_unique_id = f"{entry.entry_id}_{key}"
        self._attr_device_info = DeviceInfo(identifiers={(DOMAIN, entry.entry_id)})

    @callback
    def _handle_coordinator_update(self) -> None:
        """Show nothing of the answers (a button, an event): nothing to write."""


class DeskPushedEntity(DeskDeviceEntity):
    """An entity that shows something of the desk: written when, and only when, it changes.

    The one publish-on-change path of every platform: ``_current`` says what the entity
    shows now; the desk's updates compare it with what was last written.
    """

    def __init__(self, entry: DeskCoachConfigEntry, key: str) -> None:
        """Attach the entity to the desk's device and read what it shows."""
        super().__init__(entry, key)
        self._published = self._current()

    def _current(self) -> Any:
        """What the entity shows now (compared with what was last written)."""
        raise NotImplementedError

    @callback
    def _handle_coordinator_update(self) -> None:
        # Write only real changes: a duration in minutes changes at most once a minute.
        current = self._current()
        if current != self._published:
            self._published = current
            self.async_write_ha_state()


class DeskEntity(DeskPushedEntity):
    """An entity whose state (and attributes) are read off the desk by its description."""

    entity_description: DeskEntityDescription

    def __init__(self, entry: DeskCoachConfigEntry, description: DeskEntityDescription) -> None:
        """Attach the entity to the desk's device."""
        self.entity_description = description
        self.shows = description.shows
        super().__init__(entry, description.key)

    def _current(self) -> tuple[Any, dict[str, Any] | None]:
        description = self.entity_description
        attributes = description.attributes_fn
        return (
            description.value_fn(self.coordinator),
            None if attributes is None else attributes(self.coordinator),
        )

    @property
    def _value(self) -> Any:
        """The state last published."""
        return self._published[0]

    @property
    def extra_state_attributes(self) -> dict[str, Any] | None:
        """The attributes last published."""
        attributes: dict[str, Any] | None = self._published[1]
        return attributes
