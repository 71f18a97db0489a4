"""Buttons: I took my break, snooze it, skip it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from homeassistant.components.button import ButtonEntity, ButtonEntityDescription
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import DeskCoachConfigEntry, DeskCoordinator
from .entity import DeskDeviceEntity
from .helpers import refusals_translated

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class DeskButtonDescription(ButtonEntityDescription):
    """A button acting on the desk's break."""

    press_fn: Callable[[DeskCoordinator], None]


BUTTONS: tuple[DeskButtonDescription, ...] = (
    DeskButtonDescription(
        key="take_break", translation_key="take_break", press_fn=lambda coach: coach.take_break()
    ),
    DeskButtonDescription(
        key="snooze", translation_key="snooze", press_fn=lambda coach: coach.snooze()
    ),
    DeskButtonDescription(
        key="skip_break", translation_key="skip_break", press_fn=lambda coach: coach.skip_break()
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: DeskCoachConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the desk's buttons."""
    async_add_entities(DeskButton(entry, description) for description in BUTTONS)


class DeskButton(DeskDeviceEntity, ButtonEntity):
    """A button of the desk."""

    entity_description: DeskButtonDescription

    def __init__(self, entry: DeskCoachConfigEntry, description: DeskButtonDescription) -> None:
        """Attach the button to the desk's device."""
        self.entity_description = description
        super().__init__(entry, description.key)

    async def async_press(self) -> None:
        """Act on the break (a refusal is raised as a translated error)."""
        with refusals_translated():
            self.entity_description.press_fn(self.coordinator)
