"""The do-not-disturb option with each kind of entity it offers, chosen in the options.

A real calendar entity (of a calendar platform defined here, in the real ``calendar``
integration) with a meeting in progress, a real binary sensor (Times of the Day) and an
input boolean each keep a due break unannounced, and the break is announced when they
turn off.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.calendar import CalendarEvent
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_mock_service,
)

from custom_components.desk_coach.const import CONF_MEDIA_PLAYERS, CONF_TTS_ENGINE
from tests.calendars import CALENDAR, set_up_calendar
from tests.conftest import PRESENCE
from tests.helpers import open_options_page, pass_time, save_and_close, set_presence, value

SPEAKER = "media_player.office_speaker"
ENGINE = "tts.test_engine"
STATUS = "sensor.office_desk_break_status"
FOCUS = "binary_sensor.focus_time"
HEADPHONES = "input_boolean.headphones_on"
# the meeting in the calendar, the focus time in the binary sensor, the headphones worn:
# 09:10 to 09:49:30 on the test's Tuesday morning (the break falls due at 09:30); the end
# is off the minute so the announcement can only come from the entity turning off, not from
# the desk's own minute-by-minute wake-ups
BUSY_FROM = "2026-03-10 09:10:00-07:00"
BUSY_UNTIL = "2026-03-10 09:49:30-07:00"
# a later meeting, upcoming (not in progress) when the breaks fall due
REVIEW = ("2026-03-10 11:00:00-07:00", "2026-03-10 11:30:00-07:00")


def _instant(text: str) -> datetime:
    parsed = dt_util.parse_datetime(text)
    assert parsed is not None
    return parsed


@pytest.fixture
def desk_options() -> dict[str, Any]:
    """Announce on one speaker; no do-not-disturb entity yet (the test chooses one)."""
    return {CONF_MEDIA_PLAYERS: [SPEAKER], CONF_TTS_ENGINE: ENGINE}


@pytest.fixture
async def speech(hass: HomeAssistant) -> list[ServiceCall]:
    """The speaker and engine exist; what would be spoken is recorded."""
    hass.states.async_set(SPEAKER, "idle")
    hass.states.async_set(ENGINE, "unknown")
    return async_mock_service(hass, "tts", "speak")


@pytest.fixture
async def presence_toggle(hass: HomeAssistant) -> str:
    """The desk-presence toggle (off), and a headphones toggle beside it (off)."""
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"desk_presence": {}, "headphones_on": {}}}
    )
    await hass.async_block_till_done()
    return PRESENCE


@pytest.fixture
async def busy_entities(hass: HomeAssistant, morning: datetime, presence_toggle: str) -> None:
    """A work calendar with a meeting, a focus-time sensor and a headphones toggle."""

    meeting = CalendarEvent(
        start=_instant(BUSY_FROM), end=_instant(BUSY_UNTIL), summary="Planning meeting"
    )
    review = CalendarEvent(
        start=_instant(REVIEW[0]), end=_instant(REVIEW[1]), summary="Design review"
    )
    await set_up_calendar(hass, [meeting, review])
    focus = {"platform": "tod", "name": "Focus time", "after": "09:10", "before": "09:49:30"}
    assert await async_setup_component(hass, "binary_sensor", {"binary_sensor": [focus]})
    await hass.async_block_till_done()
    for entity_id in (CALENDAR, FOCUS, HEADPHONES):
        assert value(hass, entity_id) == "off", entity_id


@pytest.fixture
async def desk(
    hass: HomeAssistant,
    busy_entities: None,
    speech: list[ServiceCall],
    mock_config_entry: MockConfigEntry,
) -> MockConfigEntry:
    """The desk, set up on a workday morning at 09:00."""
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry


async def choose_do_not_disturb(
    hass: HomeAssistant, entry: MockConfigEntry, entities: list[str]
) -> None:
    """Pick the do-not-disturb entities on the Quiet times page, as a user does."""
    result = await open_options_page(hass, entry.entry_id, "quiet")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            "active_from": "09:00:00",
            "active_until": "17:00:00",
            "active_days": ["mon", "tue", "wed", "thu", "fri"],
            "do_not_disturb_entities": entities,
        },
    )
    await save_and_close(hass, result)
    await hass.async_block_till_done()  # applied live: the desk follows them at once
    assert entry.options["do_not_disturb_entities"] == entities


async def wear_headphones(hass: HomeAssistant, on: bool) -> None:
    """Put on or take off the headphones (the toggle a user would switch)."""
    await hass.services.async_call(
        "input_boolean", "turn_on" if on else "turn_off", {"entity_id": HEADPHONES}, blocking=True
    )
    await hass.async_block_till_done()


@pytest.mark.parametrize("busy", [CALENDAR, FOCUS, HEADPHONES])
async def test_a_due_break_waits_while_the_do_not_disturb_entity_is_on(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    speech: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
    busy: str,
) -> None:
    await choose_do_not_disturb(hass, desk, [busy])
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=10))  # 09:10
    if busy == HEADPHONES:
        await wear_headphones(hass, True)
    assert value(hass, busy) == "on"  # the meeting, the focus time has begun by itself
    if busy == CALENDAR:
        calendar = hass.states.get(CALENDAR)
        assert calendar is not None
        assert calendar.attributes["message"] == "Planning meeting"

    await pass_time(hass, freezer, timedelta(minutes=20))  # 09:30: the break is due
    assert value(hass, STATUS) == "quiet"
    assert value(hass, "binary_sensor.office_desk_break_due") == "on"
    await pass_time(hass, freezer, timedelta(minutes=19))  # 09:49
    assert speech == []
    assert value(hass, STATUS) == "quiet"

    await pass_time(hass, freezer, timedelta(seconds=30))  # 09:49:30
    if busy == HEADPHONES:
        await wear_headphones(hass, False)
    assert value(hass, busy) == "off"  # the meeting, the focus time has ended by itself
    assert value(hass, STATUS) == "due"
    assert len(speech) == 1
    assert speech[0].data["message"].startswith("Time to move")


async def test_an_upcoming_meeting_does_not_keep_quiet(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    speech: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    """A calendar keeps the desk quiet only while an event is in progress, not before it."""
    await choose_do_not_disturb(hass, desk, [CALENDAR, FOCUS, HEADPHONES])
    await pass_time(hass, freezer, timedelta(minutes=50))  # the first meeting is over
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=30))  # 10:20: the break is due
    calendar = hass.states.get(CALENDAR)
    assert calendar is not None
    assert (calendar.state, calendar.attributes["message"]) == ("off", "Design review")
    assert value(hass, STATUS) == "due"
    assert len(speech) == 1


CONFERENCE = CalendarEvent(start=date(2026, 3, 10), end=date(2026, 3, 11), summary="Conference")


async def desk_with_calendar(
    hass: HomeAssistant, entry: MockConfigEntry, events: list[CalendarEvent]
) -> None:
    """The desk set up with ``calendar.work`` holding ``events`` as its do-not-disturb."""
    await set_up_calendar(hass, events)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    await choose_do_not_disturb(hass, entry, [CALENDAR])


async def test_an_all_day_event_keeps_no_day_quiet(
    hass: HomeAssistant,
    morning: datetime,
    presence_toggle: str,
    speech: list[ServiceCall],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A whole-day event in the calendar (a conference day) is not a meeting: the break at
    09:30 is announced; a timed meeting in the same calendar still keeps quiet."""

    await desk_with_calendar(hass, mock_config_entry, [CONFERENCE])
    calendar = hass.states.get(CALENDAR)
    assert calendar is not None
    assert (calendar.state, calendar.attributes["all_day"]) == ("on", True)
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=30))  # 09:30: due
    assert value(hass, STATUS) == "due"
    assert len(speech) == 1


async def test_a_meeting_under_an_all_day_event_still_keeps_quiet(
    hass: HomeAssistant,
    morning: datetime,
    presence_toggle: str,
    speech: list[ServiceCall],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The calendar's state shows the conference day only; the desk reads the meeting
    09:20-10:00 under it with get_events: the break due at 09:30 is held until 10:00."""
    start = dt_util.as_local(dt_util.utcnow()).replace(hour=9, minute=20)
    talk = CalendarEvent(start=start, end=start + timedelta(minutes=40), summary="My talk")
    await desk_with_calendar(hass, mock_config_entry, [CONFERENCE, talk])
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=21))  # 09:21: the talk is on
    calendar = hass.states.get(CALENDAR)
    assert calendar is not None
    assert calendar.attributes["message"] == "Conference"  # the state hides the talk
    assert value(hass, STATUS) == "quiet"
    offered = [call.data["message"] for call in speech]
    assert offered == ["Meeting at 09:20. Take your break now?"]  # at 09:15, before it
    await pass_time(hass, freezer, timedelta(minutes=30))  # 09:51: due, held
    assert len(speech) == 1
    await pass_time(hass, freezer, timedelta(minutes=10))  # 10:01: the talk is over
    assert value(hass, STATUS) == "due"
    assert len(speech) == 2
