"""Breaks in a real Home Assistant: announced, reminded, snoozed, skipped, taken, quiet."""

from __future__ import annotations

from datetime import datetime, timedelta
import logging
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import ATTR_ENTITY_ID, EVENT_HOMEASSISTANT_STARTED
from homeassistant.core import CoreState, Event, HomeAssistant, ServiceCall
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from custom_components.desk_coach.announce import notification_action_id
from custom_components.desk_coach.const import (
    CONF_DND_ENTITIES,
    CONF_MEDIA_PLAYERS,
    CONF_MESSAGE,
    CONF_MOBILE_APPS,
    CONF_PRESENCE_ENTITY,
    CONF_TTS_ENGINE,
    DOMAIN,
    EVENT_BREAK,
)
from tests.conftest import ENGINE, PRESENCE, SPEAKER
from tests.helpers import open_options_page, pass_time, save_and_close, set_presence, value

MEETING = "input_boolean.in_a_meeting"
STATUS = "sensor.office_desk_break_status"
NEXT_BREAK = "sensor.office_desk_next_break"


@pytest.fixture
def desk_options() -> dict[str, Any]:
    """Announce on one speaker through a TTS entity; a meeting toggle keeps quiet."""
    return {
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
    """The desk, set up on a workday morning (the phone's notify service exists)."""
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry


async def call(hass: HomeAssistant, service: str, **data: Any) -> None:
    await hass.services.async_call(DOMAIN, service, data, blocking=True)
    await hass.async_block_till_done()


def types(events: list[Event]) -> list[str]:
    return [event.data["type"] for event in events]


async def test_due_break_is_spoken_reminded_and_missed(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    speech: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    events = async_capture_events(hass, EVENT_BREAK)
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=29))
    assert speech == []
    await pass_time(hass, freezer, timedelta(minutes=1))
    assert value(hass, STATUS) == "due"
    assert value(hass, "binary_sensor.office_desk_break_due") == "on"
    assert len(speech) == 1
    assert speech[0].data == {
        ATTR_ENTITY_ID: ENGINE,
        "media_player_entity_id": [SPEAKER],
        "message": "Time to move: roll your shoulders back slowly for thirty seconds. "
        "You have been sitting for 30 minutes.",
    }
    assert events[0].data == {"entry_id": desk.entry_id, "desk": "Office desk", "type": "due"}
    event_entity = hass.states.get("event.office_desk_break")
    assert event_entity is not None
    assert event_entity.attributes["event_type"] == "due"

    await pass_time(hass, freezer, timedelta(minutes=10))
    assert len(speech) == 3  # two reminders
    assert speech[1].data["message"].startswith("Still sitting")
    await pass_time(hass, freezer, timedelta(minutes=5))
    assert types(events) == ["due", "missed"]
    assert value(hass, "sensor.office_desk_breaks_missed_today") == "1"
    assert value(hass, "binary_sensor.office_desk_break_due") == "off"
    assert value(hass, STATUS) == "sitting"


async def test_snooze_skip_and_take(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    events = async_capture_events(hass, EVENT_BREAK)
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=30))
    await call(hass, "snooze", minutes=10)
    assert value(hass, STATUS) == "snoozed"
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert value(hass, STATUS) == "due"
    await call(hass, "skip_break")
    assert value(hass, "sensor.office_desk_breaks_skipped_today") == "1"
    await pass_time(hass, freezer, timedelta(minutes=30))
    await hass.services.async_call(
        "button", "press", {ATTR_ENTITY_ID: "button.office_desk_take_break"}, blocking=True
    )
    await hass.async_block_till_done()
    assert value(hass, "sensor.office_desk_breaks_taken_today") == "1"
    assert types(events) == ["due", "snoozed", "due", "skipped", "due", "taken"]
    await hass.services.async_call(
        "button", "press", {ATTR_ENTITY_ID: "button.office_desk_snooze_break"}, blocking=True
    )
    assert value(hass, STATUS) == "snoozed"


async def test_refused_commands_change_nothing(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    with pytest.raises(ServiceValidationError) as refused:
        await call(hass, "take_break")
    assert refused.value.translation_key == "not_sitting"
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=5))
    with pytest.raises(ServiceValidationError) as refused:
        await call(hass, "skip_break")
    assert refused.value.translation_key == "no_break_due"
    with pytest.raises(ServiceValidationError) as refused:
        await call(hass, "snooze", minutes=0)
    assert refused.value.translation_key == "snooze_out_of_range"
    with pytest.raises(ServiceValidationError) as refused:
        await call(hass, "snooze", config_entry_id="nope")
    assert refused.value.translation_key == "desk_not_found"
    assert value(hass, STATUS) == "sitting"
    assert value(hass, "sensor.office_desk_breaks_skipped_today") == "0"


@pytest.mark.parametrize(
    ("minutes", "said"),
    [
        (True, "true"),
        (1.9, "1.9"),
        ("1.9", "1.9"),
        (float("inf"), "inf"),
        (float("nan"), "nan"),
        ("ten", "ten"),
        (0, "0"),
    ],
)
async def test_snooze_takes_whole_minutes_only(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    minutes: Any,
    said: str,
) -> None:
    """A boolean, a fraction, infinity or NaN is refused with the range error, not cut to
    whole minutes (``true`` was 1 minute, 1.9 was 1, infinity a bare OverflowError)."""
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=31))
    assert value(hass, STATUS) == "due"
    with pytest.raises(ServiceValidationError) as refused:
        await call(hass, "snooze", minutes=minutes)
    assert refused.value.translation_key == "snooze_out_of_range"
    assert refused.value.translation_placeholders == {"minutes": said, "min": "1", "max": "120"}
    assert value(hass, STATUS) == "due"


@pytest.mark.parametrize("minutes", ["10", 10.0])
async def test_snooze_takes_whole_minutes_written_as_text_or_as_10_0(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory, minutes: Any
) -> None:
    """Text such as "10" (what a template gives) and 10.0 are 10 whole minutes."""
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=31))
    assert value(hass, STATUS) == "due"
    await call(hass, "snooze", minutes=minutes)
    due = dt_util.parse_datetime(value(hass, NEXT_BREAK))
    assert due == dt_util.utcnow() + timedelta(minutes=10)


async def test_several_desks_need_a_choice(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    other = MockConfigEntry(
        domain=DOMAIN, title="Kitchen desk", data={CONF_PRESENCE_ENTITY: MEETING}
    )
    other.add_to_hass(hass)
    assert await hass.config_entries.async_setup(other.entry_id)
    with pytest.raises(ServiceValidationError) as refused:
        await call(hass, "snooze")
    assert refused.value.translation_key == "which_desk"
    assert refused.value.translation_placeholders == {"desks": "Kitchen desk, Office desk"}
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=1))
    await call(hass, "snooze", config_entry_id=desk.entry_id)
    assert value(hass, STATUS) == "snoozed"
    assert await hass.config_entries.async_unload(other.entry_id)
    with pytest.raises(ServiceValidationError) as refused:
        await call(hass, "snooze", config_entry_id=other.entry_id)
    assert refused.value.translation_key == "desk_not_loaded"


async def test_changing_quiet_entities_keeps_the_routine_and_follows_the_new_ones(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    speech: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    """An options change applies live: a running routine goes on, new entities are heard."""
    focus = "binary_sensor.focus_mode"
    hass.states.async_set(focus, "off")
    coach = desk.runtime_data.coordinator
    await hass.services.async_call(
        DOMAIN, "start_routine", {"routine": "stretching"}, blocking=True, return_response=True
    )
    await set_presence(hass, PRESENCE, True)
    result = await open_options_page(hass, desk.entry_id, "quiet")
    schema_defaults = result["data_schema"]({})
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {**schema_defaults, "do_not_disturb_entities": [focus]}
    )
    await save_and_close(hass, result)
    assert desk.runtime_data.coordinator is coach  # not reloaded
    assert value(hass, "sensor.office_desk_routine") == "running"

    await call(hass, "stop_routine")
    hass.states.async_set(focus, "on")
    await set_presence(hass, MEETING, True)  # no longer a do-not-disturb entity
    spoken = len(speech)
    await pass_time(hass, freezer, timedelta(minutes=45))
    assert value(hass, STATUS) == "quiet"
    assert len(speech) == spoken
    hass.states.async_set(focus, "off")  # heard: announced at once
    await hass.async_block_till_done()
    assert len(speech) == spoken + 1


async def test_quiet_in_a_meeting_and_with_reminders_off(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    speech: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    events = async_capture_events(hass, EVENT_BREAK)
    await set_presence(hass, PRESENCE, True)
    await set_presence(hass, MEETING, True)
    await pass_time(hass, freezer, timedelta(minutes=45))
    assert types(events) == ["due"]  # events still fire
    assert speech == []
    assert value(hass, STATUS) == "quiet"
    await set_presence(hass, MEETING, False)
    assert len(speech) == 1  # announced when the meeting ends

    await call(hass, "take_break")
    await hass.services.async_call(
        "switch", "turn_off", {ATTR_ENTITY_ID: "switch.office_desk_reminders"}, blocking=True
    )
    assert value(hass, "switch.office_desk_reminders") == "off"
    await pass_time(hass, freezer, timedelta(minutes=31))
    assert len(speech) == 1
    assert types(events)[-1] == "due"
    await hass.services.async_call(
        "switch", "turn_on", {ATTR_ENTITY_ID: "switch.office_desk_reminders"}, blocking=True
    )
    await hass.async_block_till_done()
    assert len(speech) == 2


async def test_outside_active_hours_is_quiet(
    hass: HomeAssistant,
    speech: list[ServiceCall],
    presence_toggle: str,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    freezer.move_to("2026-03-10 16:45:00-07:00")
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=40))  # due at 17:15
    assert speech == []
    assert value(hass, STATUS) == "quiet"


@pytest.mark.parametrize(
    "desk_options",
    [{CONF_MEDIA_PLAYERS: [SPEAKER], CONF_TTS_ENGINE: ENGINE, CONF_MESSAGE: "Up, {{ desk }}!"}],
)
async def test_message_template_and_announce_test(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    speech: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=30))
    assert speech[-1].data["message"] == "Up, Office desk!"
    response = await hass.services.async_call(
        DOMAIN, "announce_test", {}, blocking=True, return_response=True
    )
    assert response == {"channels": {"speakers": True}}
    assert speech[-1].data["message"] == "This is Desk Coach at Office desk. Announcements work."


@pytest.mark.parametrize(
    "desk_options",
    [
        {
            CONF_MEDIA_PLAYERS: [SPEAKER],
            CONF_TTS_ENGINE: ENGINE,
            CONF_MESSAGE: "Up, {{ desk | nope }}",
        }
    ],
)
async def test_a_broken_message_template_warns_once_per_options_change(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    speech: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The built-in message is said each time; the warning comes once, and once more after
    the options changed (not on every announcement and reminder)."""

    def warnings() -> list[str]:
        return [
            r.getMessage()
            for r in caplog.records
            if r.levelno >= logging.WARNING and "message template" in r.getMessage()
        ]

    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=40))  # due, then two reminders
    assert len(speech) == 3
    assert speech[0].data["message"].startswith("Time to move")
    assert warnings() == [
        "Office desk: the message template is broken; using the default (not said again "
        "until the options change)"
    ]
    hass.config_entries.async_update_entry(
        desk, options={**desk.options, CONF_MESSAGE: "Up, {{ desk | still_nope }}"}
    )
    await hass.async_block_till_done()
    spoken = len(speech)
    await pass_time(hass, freezer, timedelta(minutes=40))  # the next break and its reminders
    assert len(speech) > spoken
    assert len(warnings()) == 2


async def test_notification_buttons_act_on_the_break(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=30))
    hass.bus.async_fire(
        "mobile_app_notification_action",
        {"action": notification_action_id(desk.entry_id, "SNOOZE")},
    )
    await hass.async_block_till_done()
    assert value(hass, STATUS) == "snoozed"
    hass.bus.async_fire(
        "mobile_app_notification_action", {"action": notification_action_id(desk.entry_id, "DONE")}
    )
    await hass.async_block_till_done()
    assert value(hass, "sensor.office_desk_natural_breaks_today") == "1"


async def next_break_at(hass: HomeAssistant) -> datetime:
    """The next break's instant, which must be known."""
    instant = dt_util.parse_datetime(value(hass, NEXT_BREAK))
    assert instant is not None
    return instant


async def test_snooze_before_due_postpones_by_button_action_and_phone(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """Every way to snooze moves the coming break later, never closer (the card calls the
    action); postponements add up to at most two hours from now; a break taken ends them."""
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=3))
    first = await next_break_at(hass)
    assert first - dt_util.utcnow() == timedelta(minutes=27)
    await hass.services.async_call(
        "button", "press", {ATTR_ENTITY_ID: "button.office_desk_snooze_break"}, blocking=True
    )
    assert await next_break_at(hass) == first + timedelta(minutes=5)
    await call(hass, "snooze", minutes=10)
    assert await next_break_at(hass) == first + timedelta(minutes=15)
    hass.bus.async_fire(
        "mobile_app_notification_action",
        {"action": notification_action_id(desk.entry_id, "SNOOZE")},
    )
    await hass.async_block_till_done()
    assert await next_break_at(hass) == first + timedelta(minutes=20)
    for _ in range(3):
        await call(hass, "snooze", minutes=120)
    assert await next_break_at(hass) == dt_util.utcnow() + timedelta(minutes=120)
    assert value(hass, STATUS) == "snoozed"
    await call(hass, "take_break")
    assert await next_break_at(hass) == dt_util.utcnow() + timedelta(minutes=30)
    assert value(hass, STATUS) == "sitting"


async def test_reminders_setting_survives_a_reload(
    hass: HomeAssistant, desk: MockConfigEntry
) -> None:
    await hass.services.async_call(
        "switch", "turn_off", {ATTR_ENTITY_ID: "switch.office_desk_reminders"}, blocking=True
    )
    assert await hass.config_entries.async_reload(desk.entry_id)
    await hass.async_block_till_done()
    assert value(hass, "switch.office_desk_reminders") == "off"


async def test_logbook_describes_breaks(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    from custom_components.desk_coach.logbook import async_describe_events  # noqa: PLC0415

    described: dict[str, Any] = {}
    async_describe_events(hass, lambda domain, event, fn: described.update({event: fn}))
    event = Event(EVENT_BREAK, {"desk": "Office desk", "type": "missed"})
    assert described[EVENT_BREAK](event) == {"name": "Office desk", "message": "missed the break"}


@pytest.mark.parametrize("desk_options", [{"lights": ["light.not_loaded_yet"]}])
async def test_announce_targets_are_checked_once_home_assistant_has_started(
    hass: HomeAssistant,
    morning: Any,
    presence_toggle: str,
    mock_config_entry: MockConfigEntry,
) -> None:
    hass.set_state(CoreState.not_running)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    issue_id = f"missing_{mock_config_entry.entry_id}_light.not_loaded_yet"
    issues = ir.async_get(hass)
    assert issues.async_get_issue(DOMAIN, issue_id) is None  # the light may still load
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STARTED)
    await hass.async_block_till_done()
    issue = issues.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_placeholders == {
        "desk": "Office desk",
        "entity": "light.not_loaded_yet",
    }
