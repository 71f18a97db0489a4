"""Breaks planned around meetings, in a real Home Assistant with a real calendar entity.

The calendar (``tests/calendars.py``) records every range it is read for: the tests assert
how often the desk reads it, not only what it offers.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.calendar import CalendarEvent
from homeassistant.core import Event, HomeAssistant, ServiceCall
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events

from custom_components.desk_coach.const import (
    CONF_BREAK_INTERVAL,
    CONF_DND_ENTITIES,
    CONF_MEDIA_PLAYERS,
    CONF_MOBILE_APPS,
    CONF_TTS_ENGINE,
    EVENT_BREAK,
)
from tests.calendars import CALENDAR, WorkCalendar, set_up_calendar
from tests.conftest import ENGINE, PRESENCE, SPEAKER
from tests.helpers import pass_time, set_presence, value

STATUS = "sensor.office_desk_break_status"


def at(clock: str) -> datetime:
    """A time on the test's Tuesday (US/Pacific)."""
    instant = dt_util.parse_datetime(f"2026-03-10 {clock}-07:00")
    assert instant is not None
    return instant


@pytest.fixture
def desk_options() -> dict[str, Any]:
    """A break every 45 minutes, a speaker, a phone, the work calendar as do-not-disturb."""
    return {
        CONF_BREAK_INTERVAL: 45,
        CONF_MEDIA_PLAYERS: [SPEAKER],
        CONF_TTS_ENGINE: ENGINE,
        CONF_MOBILE_APPS: ["mobile_app_phone"],
        CONF_DND_ENTITIES: [CALENDAR],
    }


@pytest.fixture
def events() -> list[CalendarEvent]:
    """A meeting from 09:35 to 10:30: the break due at 09:45 would fall in it."""
    return [CalendarEvent(start=at("09:35:00"), end=at("10:30:00"), summary="Planning")]


@pytest.fixture
async def calendar(hass: HomeAssistant, morning: Any, events: list[CalendarEvent]) -> WorkCalendar:
    """The work calendar, set up before the desk."""
    return await set_up_calendar(hass, events)


@pytest.fixture
async def desk(
    hass: HomeAssistant,
    calendar: WorkCalendar,
    speech: list[ServiceCall],
    phone: list[ServiceCall],
    mock_config_entry: MockConfigEntry,
) -> MockConfigEntry:
    """The desk on the Tuesday at 09:00."""
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry


def break_types(events: list[Event]) -> list[str]:
    return [event.data["type"] for event in events]


async def test_the_break_is_offered_before_the_meeting_held_in_it_and_said_after(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    speech: list[ServiceCall],
    phone: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    events = async_capture_events(hass, EVENT_BREAK)
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=24))  # 09:24
    assert break_types(events) == []
    await pass_time(hass, freezer, timedelta(minutes=1))  # 09:25: the meeting is 10 min away
    assert break_types(events) == ["offered"]
    assert events[0].data["meeting_start"] == at("09:35:00").isoformat()
    assert [call.data["message"] for call in speech] == ["Meeting at 09:35. Take your break now?"]
    assert phone[0].data["data"]["tag"] == f"desk_coach_break_{desk.entry_id}"
    await pass_time(hass, freezer, timedelta(minutes=20))  # 09:45: due, in the meeting
    assert value(hass, STATUS) == "quiet"
    assert len(speech) == 1  # held, and offered only once
    await pass_time(hass, freezer, timedelta(minutes=45, seconds=30))  # 10:30:30
    assert value(hass, STATUS) == "due"
    assert len(speech) == 2  # said once the meeting ended
    assert speech[1].data["message"].startswith("Time to move")
    assert break_types(events) == ["offered", "due"]


async def test_an_offer_taken_is_a_break_and_nothing_is_held(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    speech: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    events = async_capture_events(hass, EVENT_BREAK)
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=25))  # 09:25: offered
    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(minutes=3))  # a walk
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=40))  # into the meeting, to 10:08
    assert break_types(events) == ["offered", "natural"]  # the countdown starts again
    assert len(speech) == 1


@pytest.mark.parametrize(
    ("sit_at", "events"),
    [
        # sat only 5 minutes when the meeting is 10 minutes away, 15 when it starts
        ("09:20:00", [CalendarEvent(start=at("09:35:00"), end=at("10:30:00"), summary="x")]),
        # a meeting of 20 minutes
        ("09:00:00", [CalendarEvent(start=at("09:35:00"), end=at("09:55:00"), summary="x")]),
        # an all-day event
        ("09:00:00", [CalendarEvent(start=date(2026, 3, 10), end=date(2026, 3, 11), summary="x")]),
    ],
)
async def test_no_offer(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    sit_at: str,
) -> None:
    events = async_capture_events(hass, EVENT_BREAK)
    freezer.move_to(at(sit_at))
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=30))
    assert "offered" not in break_types(events)


async def test_the_calendars_are_read_only_while_someone_sits_at_most_every_five_minutes(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    calendar: WorkCalendar,
    freezer: FrozenDateTimeFactory,
) -> None:
    await pass_time(hass, freezer, timedelta(hours=1))  # nobody sits
    assert calendar.reads == []
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=22))
    starts = [start for start, _ in calendar.reads]
    assert 4 <= len(starts) <= 6
    assert all(b - a >= timedelta(minutes=5) for a, b in pairwise(starts))
    assert all(end - start == timedelta(minutes=45) for start, end in calendar.reads)
    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(minutes=2))
    read = len(calendar.reads)
    await pass_time(hass, freezer, timedelta(minutes=40))
    assert len(calendar.reads) == read  # gone: not read again
