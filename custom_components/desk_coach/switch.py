"""Switches: reminders (announcing off, tracking on) and vacation (the streak pauses)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from homeassistant.components.switch import SwitchEntity, SwitchEntityDescription
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .desk import DeskCoach, DeskCoachConfigEntry
from .entity import DeskDeviceEntity

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class DeskSwitchDescription(SwitchEntityDescription):
    """A desk setting kept in the desk's storage, switched by the user."""

    is_on_fn: Callable[[DeskCoach], bool]
    set_fn: Callable[[DeskCoach, bool], None]


SWITCHES: tuple[DeskSwitchDescription, ...] = (
    # On: breaks are announced. Off: the coach is quiet, the counting goes on.
    DeskSwitchDescription(
        key="reminders",
        translation_key="reminders",
        entity_category=EntityCategory.CONFIG,
        is_on_fn=lambda coach: coach.reminders_on,
        set_fn=lambda coach, on: coach.set_reminders(on),
    ),
    # On: days neither count for the streak nor break it; the counting goes on.
    DeskSwitchDescription(
        key="vacation",
        translation_key="vacation",
        entity_category=EntityCategory.CONFIG,
        is_on_fn=lambda coach: coach.tracker.vacation,
        set_fn=lambda coach, on: coach.set_vacation(on),
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: DeskCoachConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the reminders and vacation switches."""
    async_add_entities(DeskSwitch(entry, description) for description in SWITCHES)


class DeskSwitch(DeskDeviceEntity, SwitchEntity):
    """A setting of the desk, kept in its storage so it survives a restart."""

    entity_description: DeskSwitchDescription

    def __init__(self, entry: DeskCoachConfigEntry, description: DeskSwitchDescription) -> None:
        """Attach the switch to the desk's device."""
        super().__init__(entry, description.key)
        self.entity_description = description
        self._published = description.is_on_fn(self.coach)

    async def async_added_to_hass(self) -> None:
        """Follow the desk."""
        await super().async_added_to_hass()
        self.async_on_remove(self.coach.async_add_listener(self._desk_updated))

    @callback
    def _desk_updated(self) -> None:
        if self.is_on != self._published:
            self._published = self.is_on
            self.async_write_ha_state()

    @property
    def is_on(self) -> bool:
        """Whether the setting is on."""
        return self.entity_description.is_on_fn(self.coach)

    async def async_turn_on(self, **kwargs: Any) -> None:
        """Switch the setting on."""
        self.entity_description.set_fn(self.coach, True)

    async def async_turn_off(self, **kwargs: Any) -> None:
        """Switch the setting off."""
        self.entity_description.set_fn(self.coach, False)
