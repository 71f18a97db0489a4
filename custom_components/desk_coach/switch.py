"""Switches: reminders, vacation (the streak pauses) and the strength programme.

Reminders off: nothing is announced, the counting goes on. Strength programme off: no
strength session is planned (two pain stops within 14 days turn it off by themselves).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from homeassistant.components.switch import SwitchEntity, SwitchEntityDescription
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import DeskCoachConfigEntry, DeskCoordinator
from .entity import DeskPushedEntity

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class DeskSwitchDescription(SwitchEntityDescription):
    """A desk setting kept in the desk's storage, switched by the user."""

    is_on_fn: Callable[[DeskCoordinator], bool]
    set_fn: Callable[[DeskCoordinator, bool], None]


SWITCHES: tuple[DeskSwitchDescription, ...] = (
    # On: breaks are announced. Off: the coach is quiet, the counting goes on.
    DeskSwitchDescription(
        key="reminders",
        translation_key="reminders",
        entity_category=EntityCategory.CONFIG,
        is_on_fn=lambda coach: coach.quiet.reminders_on,
        set_fn=lambda coach, on: coach.quiet.set_reminders(on),
    ),
    # On: days neither count for the streak nor break it; the counting goes on.
    DeskSwitchDescription(
        key="vacation",
        translation_key="vacation",
        entity_category=EntityCategory.CONFIG,
        is_on_fn=lambda coach: coach.tracker.vacation,
        set_fn=lambda coach, on: coach.command(lambda now: coach.tracker.set_vacation(now, on)),
    ),
    # On: strength sessions are planned. Two pain stops within 14 days turn it off.
    DeskSwitchDescription(
        key="strength_programme",
        translation_key="strength_programme",
        is_on_fn=lambda coach: coach.programme.state.enabled,
        set_fn=lambda coach, on: coach.programme.turn(on),
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: DeskCoachConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the reminders, vacation and strength programme switches."""
    async_add_entities(DeskSwitch(entry, description) for description in SWITCHES)


class DeskSwitch(DeskPushedEntity, SwitchEntity):
    """A setting of the desk, kept in its storage so it survives a restart."""

    entity_description: DeskSwitchDescription

    def __init__(self, entry: DeskCoachConfigEntry, description: DeskSwitchDescription) -> None:
        """Attach the switch to the desk's device."""
        self.entity_description = description
        super().__init__(entry, description.key)

    def _current(self) -> bool:
        return self.entity_description.is_on_fn(self.coordinator)

    @property
    def is_on(self) -> bool:
        """Whether the setting is on (as last published)."""
        return bool(self._published)

    async def async_turn_on(self, **kwargs: Any) -> None:
        """Switch the setting on."""
        self.entity_description.set_fn(self.coordinator, True)

    async def async_turn_off(self, **kwargs: Any) -> None:
        """Switch the setting off."""
        self.entity_description.set_fn(self.coordinator, False)
