"""A calendar entity of the real ``calendar`` integration, holding fixed events.

Tests that need a calendar (quiet times, meetings) set one up with ``set_up_calendar``:
a test-only integration whose calendar platform gives ``calendar.work``.
"""

from __future__ import annotations

from datetime import datetime

from homeassistant.components.calendar import CalendarEntity, CalendarEvent
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddEntitiesCallback
from homeassistant.helpers.typing import ConfigType, DiscoveryInfoType
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockModule,
    MockPlatform,
    mock_integration,
    mock_platform,
)

CALENDAR = "calendar.work"
DIARY = "work_diary"  # the test-only integration whose calendar platform gives CALENDAR


class WorkCalendar(CalendarEntity):
    """A calendar holding fixed events, as any calendar integration's entity would."""

    _attr_name = "Work"

    def __init__(self, events: list[CalendarEvent]) -> None:
        """Hold ``events``; every range read is recorded in ``reads``."""
        self._events = sorted(events, key=lambda event: event.start_datetime_local)
        self.reads: list[tuple[datetime, datetime]] = []

    @property
    def event(self) -> CalendarEvent | None:
        """The event in progress, else the next one."""
        now = dt_util.now()
        return next((e for e in self._events if e.end_datetime_local > now), None)

    async def async_get_events(
        self, hass: HomeAssistant, start_date: datetime, end_date: datetime
    ) -> list[CalendarEvent]:
        """The events overlapping the range."""
        self.reads.append((start_date, end_date))
        return [
            e
            for e in self._events
            if e.start_datetime_local < end_date and e.end_datetime_local > start_date
        ]


async def set_up_calendar(hass: HomeAssistant, events: list[CalendarEvent]) -> WorkCalendar:
    """``calendar.work`` holding ``events``, set up in the real calendar integration."""
    calendar = WorkCalendar(events)

    async def setup_platform(
        hass: HomeAssistant,
        config: ConfigType,
        async_add_entities: AddEntitiesCallback,
        discovery_info: DiscoveryInfoType | None = None,
    ) -> None:
        async_add_entities([calendar])

    mock_integration(hass, MockModule(DIARY))
    mock_platform(hass, f"{DIARY}.calendar", MockPlatform(async_setup_platform=setup_platform))
    assert await async_setup_component(hass, "calendar", {"calendar": [{"platform": DIARY}]})
    await hass.async_block_till_done()
    return calendar
