"""The daily sitting limit in a real Home Assistant: counted down, reached, said once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import ATTR_DEVICE_CLASS, ATTR_UNIT_OF_MEASUREMENT, STATE_UNKNOWN
from homeassistant.core import Event, HomeAssistant, ServiceCall
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from custom_components.desk_coach.const import (
    CONF_BREAK_INTERVAL,
    CONF_DAILY_SITTING_LIMIT,
    CONF_DND_ENTITIES,
    CONF_MEDIA_PLAYERS,
    CONF_MOBILE_APPS,
    CONF_STREAK_TARGET,
    CONF_TTS_ENGINE,
    EVENT_BREAK,
)
from tests.conftest import ENGINE, PRESENCE, SPEAKER
from tests.helpers import (
    pass_time,
    save_and_close,
    set_presence,
    suggested_value,
    turn_on_entity,
    value,
)

MEETING = "input_boolean.in_a_meeting"
OVER = "binary_sensor.office_desk_over_daily_limit"
LEFT = "sensor.office_desk_sitting_left_today"
SITTING_TODAY = "sensor.office_desk_sitting_today"
REMINDERS = "switch.office_desk_reminders"

# a scenario runs on a fresh install's entities (those off by default stay off)
pytestmark = pytest.mark.default_entities


@pytest.fixture
def desk_options() -> dict[str, Any]:
    """A one-hour limit, breaks too far apart to interfere, one speaker, a phone."""
    return {
        CONF_DAILY_SITTING_LIMIT: 1,
        CONF_BREAK_INTERVAL: 240,
        CONF_MEDIA_PLAYERS: [SPEAKER],
        CONF_TTS_ENGINE: ENGINE,
        CONF_DND_ENTITIES: [MEETING],
        CONF_MOBILE_APPS: ["mobile_app_phone"],
    }


@pytest.fixture
async def desk(
    hass: HomeAssistant,
    morning: Any,
    speech: list[ServiceCall],
    phone: list[ServiceCall],
    mock_config_entry: MockConfigEntry,
) -> MockConfigEntry:
    """The desk, set up on a workday morning, with Sitting left today turned on."""
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    await turn_on_entity(hass, LEFT)  # off on a fresh install
    return mock_config_entry


def limit_events(events: list[Event]) -> list[Event]:
    return [event for event in events if event.data["type"] == "daily_limit"]


@pytest.mark.usefixtures("desk")
async def test_limit_counts_down_and_is_announced_exactly_once(
    hass: HomeAssistant,
    speech: list[ServiceCall],
    phone: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    events = async_capture_events(hass, EVENT_BREAK)
    left = hass.states.get(LEFT)
    assert left is not None
    assert left.state == "60"
    assert left.attributes[ATTR_DEVICE_CLASS] == "duration"
    assert left.attributes[ATTR_UNIT_OF_MEASUREMENT] == "min"
    assert "state_class" not in left.attributes  # a countdown: no statistics
    over = hass.states.get(OVER)
    assert over is not None
    assert over.state == "off"
    assert over.attributes[ATTR_DEVICE_CLASS] == "problem"

    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=59))
    assert value(hass, LEFT) == "1"
    assert value(hass, OVER) == "off"
    assert speech == []
    await pass_time(hass, freezer, timedelta(minutes=1))
    assert value(hass, OVER) == "on"
    assert value(hass, LEFT) == "0"
    assert [call.data["message"] for call in speech] == [
        "You have sat for 1 hour today, your daily limit. Time to stand, walk, or call it a day."
    ]
    assert len(phone) == 1
    assert phone[0].data["message"] == speech[0].data["message"]
    assert "data" not in phone[0].data  # no Done and Snooze buttons for the limit
    assert [event.data["type"] for event in events] == ["daily_limit"]
    event_entity = hass.states.get("event.office_desk_break")
    assert event_entity is not None
    assert event_entity.attributes["event_type"] == "daily_limit"

    # sitting on, leaving and coming back: never said again today
    await pass_time(hass, freezer, timedelta(minutes=30))
    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(minutes=10))
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert len(speech) == 1
    assert len(limit_events(events)) == 1
    assert value(hass, LEFT) == "0"  # never negative
    assert value(hass, SITTING_TODAY) == "100"


@pytest.mark.usefixtures("desk")
async def test_reached_with_reminders_off_is_said_when_they_are_on_again(
    hass: HomeAssistant, speech: list[ServiceCall], freezer: FrozenDateTimeFactory
) -> None:
    events = async_capture_events(hass, EVENT_BREAK)
    await set_presence(hass, PRESENCE, True)
    await hass.services.async_call("switch", "turn_off", {"entity_id": REMINDERS}, blocking=True)
    await pass_time(hass, freezer, timedelta(minutes=70))
    assert value(hass, OVER) == "on"
    assert len(limit_events(events)) == 1  # the event fires, quiet or not
    assert speech == []
    await hass.services.async_call("switch", "turn_on", {"entity_id": REMINDERS}, blocking=True)
    await hass.async_block_till_done()
    assert len(speech) == 1
    assert "1 hour 10" in speech[0].data["message"]
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert len(speech) == 1


@pytest.mark.usefixtures("desk")
async def test_reached_in_a_meeting_and_gone_after_it_is_said_on_return(
    hass: HomeAssistant, speech: list[ServiceCall], freezer: FrozenDateTimeFactory
) -> None:
    await set_presence(hass, PRESENCE, True)
    await set_presence(hass, MEETING, True)
    await pass_time(hass, freezer, timedelta(minutes=65))
    assert value(hass, OVER) == "on"
    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(minutes=5))
    await set_presence(hass, MEETING, False)
    await pass_time(hass, freezer, timedelta(minutes=5))
    assert speech == []  # nobody at the desk to hear it
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=1))
    assert len(speech) == 1


@pytest.mark.usefixtures("desk")
async def test_the_limit_is_new_the_next_day_and_survives_a_restart(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    speech: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=61))
    assert len(speech) == 1
    assert await hass.config_entries.async_reload(desk.entry_id)
    await hass.async_block_till_done()
    assert value(hass, OVER) == "on"
    await pass_time(hass, freezer, timedelta(minutes=5))
    assert len(speech) == 1  # a restart does not say it again

    await set_presence(hass, PRESENCE, False)
    freezer.move_to("2026-03-11 09:00:00-07:00")
    await pass_time(hass, freezer, timedelta(minutes=1))
    assert value(hass, OVER) == "off"
    assert value(hass, LEFT) == "60"
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=61))
    assert len(speech) == 2


@pytest.mark.parametrize(
    "desk_options",
    [{CONF_DAILY_SITTING_LIMIT: 0, CONF_BREAK_INTERVAL: 240, CONF_MEDIA_PLAYERS: [SPEAKER]}],
)
@pytest.mark.usefixtures("desk")
async def test_a_limit_of_zero_is_no_limit(
    hass: HomeAssistant, speech: list[ServiceCall], freezer: FrozenDateTimeFactory
) -> None:
    events = async_capture_events(hass, EVENT_BREAK)
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(hours=9))
    assert value(hass, SITTING_TODAY) == "540"
    assert value(hass, LEFT) == STATE_UNKNOWN
    assert value(hass, OVER) == "off"
    assert limit_events(events) == []
    assert not any("limit" in call.data["message"] for call in speech)


@pytest.mark.usefixtures("desk")
async def test_default_limit_is_eight_hours(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    hass.config_entries.async_update_entry(desk, options={})
    await hass.async_block_till_done()
    assert value(hass, LEFT) == "480"


async def test_german_announcement(
    hass: HomeAssistant,
    speech: list[ServiceCall],
    phone: list[ServiceCall],
    morning: Any,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    hass.config.language = "de"
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=60))
    assert [call.data["message"] for call in speech] == [
        "Du hast heute 1 Stunde gesessen, das ist dein Tageslimit. "
        "Zeit, aufzustehen, dich zu bewegen oder Feierabend zu machen."
    ]


@pytest.mark.usefixtures("desk")
async def test_logbook_describes_the_limit(hass: HomeAssistant) -> None:
    from custom_components.desk_coach.logbook import async_describe_events  # noqa: PLC0415

    described: dict[str, Any] = {}
    async_describe_events(hass, lambda domain, event, fn: described.update({event: fn}))
    event = Event(EVENT_BREAK, {"desk": "Office desk", "type": "daily_limit"})
    assert described[EVENT_BREAK](event) == {
        "name": "Office desk",
        "message": "reached the daily sitting limit",
    }


@pytest.mark.usefixtures("desk")
async def test_limit_and_streak_target_on_the_coaching_page(
    hass: HomeAssistant, desk: MockConfigEntry
) -> None:
    result = await hass.config_entries.options.async_init(desk.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "coaching"}
    )
    shown = (
        suggested_value(result, CONF_DAILY_SITTING_LIMIT),
        suggested_value(result, CONF_STREAK_TARGET),
    )
    assert shown == (1, 80)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {CONF_BREAK_INTERVAL: 240, CONF_DAILY_SITTING_LIMIT: 7.5, CONF_STREAK_TARGET: 90.0},
    )
    await save_and_close(hass, result)
    assert desk.options[CONF_DAILY_SITTING_LIMIT] == 7.5  # half hours kept
    assert desk.options[CONF_STREAK_TARGET] == 90
    assert type(desk.options[CONF_STREAK_TARGET]) is int
    assert value(hass, LEFT) == "450"  # applied at once, without a reload
    assert desk.options[CONF_MEDIA_PLAYERS] == [SPEAKER]  # the other pages' options stay


@pytest.mark.parametrize(
    "desk_options",
    [
        {
            CONF_DAILY_SITTING_LIMIT: 1,
            CONF_BREAK_INTERVAL: 60,
            CONF_MEDIA_PLAYERS: [SPEAKER],
            CONF_TTS_ENGINE: ENGINE,
            CONF_MOBILE_APPS: ["mobile_app_phone"],
        }
    ],
)
@pytest.mark.usefixtures("desk")
async def test_a_break_due_with_the_limit_is_one_message(
    hass: HomeAssistant,
    speech: list[ServiceCall],
    phone: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=60))
    assert [call.data["message"] for call in speech] == [
        "You have sat for 1 hour today, your daily limit. Time to stand, walk, or call it "
        "a day. Time to move: roll your shoulders back slowly for thirty seconds. "
        "You have been sitting for 60 minutes."
    ]
    assert len(phone) == 1
    assert len(phone[0].data["data"]["actions"]) == 3  # Done, Snooze, Skip: a break is in it
