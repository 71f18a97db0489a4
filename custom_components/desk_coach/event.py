"""Event entities: what happened to a break, and to a routine (a table of descriptions)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from homeassistant.components.event import EventEntity, EventEntityDescription
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import DeskCoachConfigEntry, DeskCoordinator
from .entity import DeskDeviceEntity
from .model import BreakEvent
from .routine import RoutineEvent

PARALLEL_UPDATES = 0

type Fire = Callable[[str, dict[str, Any] | None], None]


@dataclass(frozen=True, kw_only=True)
class DeskEventDescription(EventEntityDescription):
    """An event entity fed by one of the desk's event sources."""

    # follow the source, calling ``fire(type, attributes)``; returns what stops it
    follow: Callable[[DeskCoordinator, Fire], CALLBACK_TYPE]


EVENTS: tuple[DeskEventDescription, ...] = (
    DeskEventDescription(
        key="break",
        translation_key="break",
        event_types=[event.value for event in BreakEvent],
        follow=lambda coach, fire: coach.breaks.async_add_listener(
            lambda event, details: fire(event.value, dict(details) or None)
        ),
    ),
    DeskEventDescription(
        key="routine_event",
        translation_key="routine",
        event_types=[event.value for event in RoutineEvent],
        follow=lambda coach, fire: coach.routines.async_add_listener(
            lambda notice: fire(notice.event.value, notice.details())
        ),
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: DeskCoachConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the break and routine event entities."""
    async_add_entities(DeskEventEntity(entry, description) for description in EVENTS)


class DeskEventEntity(DeskDeviceEntity, EventEntity):
    """What last happened to a break or a routine, for automations and the logbook."""

    entity_description: DeskEventDescription

    def __init__(self, entry: DeskCoachConfigEntry, description: DeskEventDescription) -> None:
        """Attach the entity to the desk's device."""
        self.entity_description = description
        super().__init__(entry, description.key)

    async def async_added_to_hass(self) -> None:
        """Follow the desk's events of this kind."""
        await super().async_added_to_hass()
        follow = self.entity_description.follow
        self.async_on_remove(follow(self.coordinator, self._fire))

    @callback
    def _fire(self, event_type: str, attributes: dict[str, Any] | None) -> None:
        self._trigger_event(event_type, attributes)
        self.async_write_ha_state()
