"""The standing desk in a real Home Assistant: a template cover plays the motorised desk.

Its position lives in an input number; a template height sensor follows it (like the IKEA
Idasen integration's cover and height sensor), so raising the desk really makes the
standing input report standing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
import logging
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import Event, HomeAssistant, ServiceCall
from homeassistant.exceptions import HomeAssistantError
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from custom_components.desk_coach.const import (
    CONF_DESK_CONTROL,
    CONF_LOWER_AFTER,
    CONF_LOWER_TO,
    CONF_PRESENCE_ENTITY,
    CONF_RAISE_TO,
    CONF_STANDING_ENTITY,
    CONF_STANDING_HEIGHT,
    DOMAIN,
    EVENT_BREAK,
)
from custom_components.desk_coach.stand import StandPhase
from tests.conftest import ENGINE, PRESENCE, SPEAKER
from tests.helpers import pass_time, set_presence, value
from tests.standing_desks import (
    COVER,
    HEIGHT,
    HEIGHT_DESK,
    MAT,
    MAT_DESK,
    MEETING,
    POSITION,
    RAISE_OPTIONS,
    TEMPLATES,
    seconds,
)

STATUS = "sensor.office_desk_break_status"
TAKEN = "sensor.office_desk_breaks_taken_today"
MISSED = "sensor.office_desk_breaks_missed_today"
BREAK_ENTITY = "event.office_desk_break"

WARNING = "Raising the desk in 10 seconds. Stand up when it moves."
BREAK_DUE = (
    "Time to move: roll your shoulders back slowly for thirty seconds."
    " You have been sitting for 30 minutes."
)
REMINDER = "Still sitting: a short break now. Stand up and roll your shoulders back."


@pytest.fixture
def desk_data() -> dict[str, Any]:
    """The desk's standing input is the height sensor following the desk."""
    return HEIGHT_DESK


@pytest.fixture
def desk_options() -> dict[str, Any]:
    """A due break raises the desk for five minutes and lowers it again."""
    return RAISE_OPTIONS


@pytest.fixture
async def spoken(hass: HomeAssistant) -> list[str]:
    """What the speaker says."""
    hass.states.async_set(SPEAKER, "idle")
    hass.states.async_set(ENGINE, "unknown")
    said: list[str] = []

    async def speak(call: ServiceCall) -> None:
        said.append(call.data["message"])

    hass.services.async_register("tts", "speak", speak)
    return said


@pytest.fixture
async def desk(
    hass: HomeAssistant, morning: datetime, spoken: list[str], mock_config_entry: MockConfigEntry
) -> MockConfigEntry:
    """The desk, lowered, nobody at it, on a workday morning."""
    hass.states.async_set(MAT, "off")
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"desk_presence": {}, "in_a_meeting": {}}}
    )
    assert await async_setup_component(
        hass,
        "input_number",
        {"input_number": {"desk_position": {"min": 0, "max": 100, "step": 1, "initial": 0}}},
    )
    assert await async_setup_component(hass, "template", TEMPLATES)
    await hass.async_block_till_done()
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry


def position(hass: HomeAssistant) -> int:
    """Where the desk's motor is (the cover follows it)."""
    return int(float(value(hass, POSITION)))


async def until(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, happened: Callable[[], bool], limit: int
) -> datetime:
    """Let seconds pass until ``happened`` (within ``limit`` seconds); returns the instant.

    The template sensor reports the desk's new height a second or two after it moved.
    """
    for _ in range(limit):
        await seconds(hass, freezer, 1)
        if happened():
            return dt_util.utcnow()
    raise AssertionError(f"not within {limit} s")


async def stand_on_mat(hass: HomeAssistant, on: bool) -> None:
    hass.states.async_set(MAT, "on" if on else "off")
    await hass.async_block_till_done()


def desk_attributes(hass: HomeAssistant) -> tuple[str, datetime | None]:
    state = hass.states.get(STATUS)
    assert state is not None
    return state.attributes["standing_desk"], state.attributes["desk_moves_at"]


def kinds(events: list[Event]) -> list[str]:
    return [event.data["type"] for event in events]


async def sit_until_due(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> datetime:
    """Sit down and stay until the break is due (after 30 minutes); returns that instant."""
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=30))
    return dt_util.utcnow()


async def test_warning_then_raise_the_stand_counts_then_the_desk_comes_down(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: list[str], freezer: FrozenDateTimeFactory
) -> None:
    events = async_capture_events(hass, EVENT_BREAK)
    due = await sit_until_due(hass, freezer)
    assert spoken == [WARNING]  # said instead of the break message
    assert position(hass) == 0  # the warning comes first
    assert desk_attributes(hass) == (StandPhase.WARNING, due + timedelta(seconds=10))
    await seconds(hass, freezer, 9)
    assert position(hass) == 0
    await seconds(hass, freezer, 1)
    assert position(hass) == 90
    assert desk_attributes(hass) == (StandPhase.RAISED, None)
    assert kinds(events) == ["due", "desk_raised"]
    raised = dt_util.utcnow()

    # the height says standing; the stand counts once it has lasted the debounce (30 s)
    await seconds(hass, freezer, 29)
    assert value(hass, HEIGHT) == "1.205"
    assert value(hass, TAKEN) == "0"
    assert value(hass, STATUS) == "due"
    stood = await until(hass, freezer, lambda: value(hass, TAKEN) == "1", 5)
    assert stood - raised >= timedelta(seconds=30)
    assert value(hass, STATUS) == "standing"
    assert desk_attributes(hass) == (StandPhase.STANDING, stood + timedelta(minutes=5))
    assert kinds(events) == ["due", "desk_raised", "taken"]

    await seconds(hass, freezer, 5 * 60 - 1)
    assert position(hass) == 90
    await seconds(hass, freezer, 1)
    assert position(hass) == 10
    assert kinds(events) == ["due", "desk_raised", "taken", "desk_lowered"]
    assert desk_attributes(hass) == (StandPhase.IDLE, None)
    break_entity = hass.states.get(BREAK_ENTITY)
    assert break_entity is not None
    assert break_entity.attributes["event_type"] == "desk_lowered"
    assert spoken == [WARNING]  # nothing else was said


@pytest.mark.parametrize("desk_data", [MAT_DESK])
async def test_nobody_standing_up_counts_nothing_and_nothing_is_lowered(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: list[str], freezer: FrozenDateTimeFactory
) -> None:
    await sit_until_due(hass, freezer)
    await seconds(hass, freezer, 10)
    assert position(hass) == 90  # raised, but the mat says nobody stands on it
    await pass_time(hass, freezer, timedelta(minutes=4))
    assert value(hass, TAKEN) == "0"
    assert value(hass, STATUS) == "due"
    assert desk_attributes(hass)[0] == StandPhase.RAISED
    await pass_time(hass, freezer, timedelta(minutes=11))
    assert desk_attributes(hass)[0] == StandPhase.IDLE  # gave up after the stand time
    assert position(hass) == 90  # never lowered onto someone sitting
    assert (value(hass, TAKEN), value(hass, MISSED)) == ("0", "1")
    assert spoken == [WARNING, REMINDER, REMINDER]  # the reminders as usual


@pytest.mark.parametrize("desk_data", [MAT_DESK])
async def test_standing_on_the_mat_counts_and_sitting_down_keeps_the_desk_up(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    await sit_until_due(hass, freezer)
    await seconds(hass, freezer, 10)
    assert position(hass) == 90
    await seconds(hass, freezer, 20)
    assert value(hass, TAKEN) == "0"  # the raised desk alone is no break
    await stand_on_mat(hass, True)
    await seconds(hass, freezer, 30)
    assert value(hass, TAKEN) == "1"
    assert desk_attributes(hass)[0] == StandPhase.STANDING
    await pass_time(hass, freezer, timedelta(minutes=2))
    await stand_on_mat(hass, False)  # sat down at the raised desk
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert desk_attributes(hass)[0] == StandPhase.IDLE
    assert position(hass) == 90


async def test_the_desk_moved_by_hand_is_left_where_the_user_put_it(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    await sit_until_due(hass, freezer)
    await seconds(hass, freezer, 45)  # raised, stand confirmed
    assert desk_attributes(hass)[0] == StandPhase.STANDING
    await hass.services.async_call(
        "cover", "set_cover_position", {"entity_id": COVER, "position": 97}, blocking=True
    )
    await pass_time(hass, freezer, timedelta(minutes=6))
    assert position(hass) == 97
    assert desk_attributes(hass)[0] == StandPhase.IDLE


@pytest.mark.parametrize("desk_options", [RAISE_OPTIONS | {CONF_LOWER_AFTER: False}])
async def test_the_desk_stays_up_when_lowering_was_not_asked_for(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    events = async_capture_events(hass, EVENT_BREAK)
    await sit_until_due(hass, freezer)
    await seconds(hass, freezer, 45)  # raised, stand confirmed
    assert desk_attributes(hass) == (StandPhase.STANDING, None)  # no lowering planned
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert position(hass) == 90
    assert "desk_lowered" not in kinds(events)
    assert value(hass, TAKEN) == "1"


@pytest.mark.parametrize("leaves_after", [2, 9])
async def test_no_motion_when_presence_says_nobody_is_at_the_desk(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    spoken: list[str],
    freezer: FrozenDateTimeFactory,
    leaves_after: int,
) -> None:
    """Left during the warning: the raise is called off, though leaving is not confirmed yet.

    (A break never falls due after the person left: the tracker waits for the debounce.)
    """
    events = async_capture_events(hass, EVENT_BREAK)
    await sit_until_due(hass, freezer)
    await seconds(hass, freezer, leaves_after)
    await set_presence(hass, PRESENCE, False)
    await seconds(hass, freezer, 60)
    assert position(hass) == 0
    assert kinds(events) == ["due", "taken"]  # walking away was the break
    assert spoken == [WARNING]
    assert desk_attributes(hass) == (StandPhase.IDLE, None)


async def test_a_break_due_in_a_meeting_raises_the_desk_when_the_meeting_ends(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: list[str], freezer: FrozenDateTimeFactory
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=29))
    await hass.services.async_call(
        "input_boolean", "turn_on", {"entity_id": MEETING}, blocking=True
    )
    await hass.async_block_till_done()
    await pass_time(hass, freezer, timedelta(minutes=4))
    assert value(hass, STATUS) == "quiet"
    assert (spoken, position(hass)) == ([], 0)  # due, silent, and the desk stays put
    await hass.services.async_call(
        "input_boolean", "turn_off", {"entity_id": MEETING}, blocking=True
    )
    await hass.async_block_till_done()
    assert spoken == [WARNING]  # announced now, as breaks are after a quiet time
    await seconds(hass, freezer, 10)
    assert position(hass) == 90


@pytest.mark.parametrize("interruption", ["meeting", "routine"])
async def test_a_meeting_or_a_routine_during_the_warning_stops_the_raise(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    spoken: list[str],
    freezer: FrozenDateTimeFactory,
    interruption: str,
) -> None:
    events = async_capture_events(hass, EVENT_BREAK)
    await sit_until_due(hass, freezer)
    await seconds(hass, freezer, 5)
    if interruption == "meeting":
        await hass.services.async_call(
            "input_boolean", "turn_on", {"entity_id": MEETING}, blocking=True
        )
    else:
        await hass.services.async_call(
            DOMAIN, "start_routine", {"routine": "shoulder_rotation"}, blocking=True
        )
    await seconds(hass, freezer, 30)
    assert position(hass) == 0
    assert "desk_raised" not in kinds(events)
    assert spoken[0] == WARNING


async def test_no_warning_and_no_motion_for_a_break_due_during_a_routine(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: list[str], freezer: FrozenDateTimeFactory
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=29, seconds=30))
    await hass.services.async_call(
        DOMAIN, "start_routine", {"routine": "shoulder_rotation"}, blocking=True
    )
    await pass_time(hass, freezer, timedelta(minutes=5))
    assert WARNING not in spoken
    assert position(hass) == 0


async def test_a_restart_ends_the_loop_and_nothing_moves_by_itself(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    await sit_until_due(hass, freezer)
    await seconds(hass, freezer, 45)  # raised, stand confirmed
    assert desk_attributes(hass)[0] == StandPhase.STANDING
    assert await hass.config_entries.async_reload(desk.entry_id)
    await hass.async_block_till_done()
    assert desk_attributes(hass) == (StandPhase.IDLE, None)
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert position(hass) == 90  # the pending lowering was dropped
    assert value(hass, TAKEN) == "1"  # what was counted stays counted


NUMBER = "number.desk_height"
NUMBER_DESK = {
    CONF_PRESENCE_ENTITY: PRESENCE,
    CONF_STANDING_ENTITY: NUMBER,
    CONF_STANDING_HEIGHT: 90,
}
NUMBER_OPTIONS = RAISE_OPTIONS | {CONF_DESK_CONTROL: NUMBER, CONF_RAISE_TO: 110, CONF_LOWER_TO: 72}


@pytest.mark.parametrize(("desk_data", "desk_options"), [(NUMBER_DESK, NUMBER_OPTIONS)])
async def test_a_failed_raise_is_logged_and_the_break_announced_instead(
    hass: HomeAssistant,
    spoken: list[str],
    morning: datetime,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    hass.states.async_set(NUMBER, "72", {"min": 62, "max": 127, "step": 0.1})
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"desk_presence": {}}}
    )
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()

    async def not_connected(call: ServiceCall) -> None:
        raise HomeAssistantError("the desk is not connected")

    hass.services.async_register("number", "set_value", not_connected)  # over the real one
    events = async_capture_events(hass, EVENT_BREAK)
    await sit_until_due(hass, freezer)
    await seconds(hass, freezer, 10)
    assert spoken == [WARNING, BREAK_DUE]
    assert "could not raise the desk with number.set_value" in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert kinds(events) == ["due"]
    state = hass.states.get(STATUS)
    assert state is not None
    assert (state.state, state.attributes["standing_desk"]) == ("due", StandPhase.IDLE)
    await pass_time(hass, freezer, timedelta(minutes=5))
    assert spoken == [WARNING, BREAK_DUE, REMINDER]  # raised for once, not again


PLAIN_COVER = "cover.plain_desk"  # opens and closes, no position
PLAIN_DESK = {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: MAT}


@pytest.mark.parametrize(
    ("control", "state", "attributes", "raise_call", "lower_call"),
    [
        (
            PLAIN_COVER,
            "closed",
            {"supported_features": 3},
            ("cover", "open_cover", {}),
            ("cover", "close_cover", {}),
        ),
        (
            NUMBER,
            "72",
            {"min": 62, "max": 127},
            ("number", "set_value", {"value": 110}),
            ("number", "set_value", {"value": 72}),
        ),
    ],
)
async def test_each_kind_of_control_is_moved_with_its_own_action(
    hass: HomeAssistant,
    morning: datetime,
    spoken: list[str],
    freezer: FrozenDateTimeFactory,
    control: str,
    state: str,
    attributes: dict[str, Any],
    raise_call: tuple[str, str, dict[str, Any]],
    lower_call: tuple[str, str, dict[str, Any]],
) -> None:
    hass.states.async_set(MAT, "off")
    hass.states.async_set(control, state, attributes)
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"desk_presence": {}}}
    )
    recorded: list[tuple[str, str, dict[str, Any]]] = []

    async def record(call: ServiceCall) -> None:
        assert call.data["entity_id"] == control
        data = {key: item for key, item in call.data.items() if key != "entity_id"}
        recorded.append((call.domain, call.service, data))

    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Office desk",
        data=PLAIN_DESK,
        options=NUMBER_OPTIONS | {CONF_DESK_CONTROL: control},
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    for domain, service, _ in (raise_call, lower_call):  # after the desk's own number platform
        hass.services.async_register(domain, service, record)
    await sit_until_due(hass, freezer)
    await seconds(hass, freezer, 10)
    assert recorded == [raise_call]
    # the desk is up (as the control reports it) and the person stands on the mat
    hass.states.async_set(control, "open" if control == PLAIN_COVER else "110", attributes)
    hass.states.async_set(MAT, "on")
    await pass_time(hass, freezer, timedelta(minutes=7))
    assert recorded == [raise_call, lower_call]
    await hass.config_entries.async_unload(entry.entry_id)


async def test_the_logbook_says_what_the_desk_did(
    hass: HomeAssistant, desk: MockConfigEntry
) -> None:
    from custom_components.desk_coach.logbook import async_describe_events  # noqa: PLC0415

    described: dict[str, Any] = {}
    async_describe_events(hass, lambda domain, event, fn: described.update({event: fn}))
    for kind, text in (
        ("desk_raised", "raised the desk for the break"),
        ("desk_lowered", "lowered the desk after the stand"),
    ):
        event = Event(EVENT_BREAK, {"desk": "Office desk", "type": kind})
        assert described[EVENT_BREAK](event) == {"name": "Office desk", "message": text}


async def test_a_desk_gone_unavailable_during_the_warning_is_announced_instead(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: list[str], freezer: FrozenDateTimeFactory
) -> None:
    await sit_until_due(hass, freezer)
    hass.states.async_set(COVER, "unavailable")  # the desk's Bluetooth connection dropped
    await hass.async_block_till_done()
    await seconds(hass, freezer, 10)
    assert spoken == [WARNING, BREAK_DUE]
    assert position(hass) == 0
    assert desk_attributes(hass) == (StandPhase.IDLE, None)


@pytest.mark.parametrize(
    ("desk_data", "desk_options"),
    [(MAT_DESK, {k: v for k, v in NUMBER_OPTIONS.items() if k != CONF_LOWER_TO})],
)
async def test_without_a_height_to_lower_to_the_desk_stays_up_and_says_why(
    hass: HomeAssistant,
    morning: datetime,
    spoken: list[str],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    hass.states.async_set(MAT, "off")
    hass.states.async_set(NUMBER, "72", {"min": 62, "max": 127})
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"desk_presence": {}}}
    )
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    values: list[float] = []

    async def set_value(call: ServiceCall) -> None:
        values.append(call.data["value"])

    hass.services.async_register("number", "set_value", set_value)
    await sit_until_due(hass, freezer)
    await seconds(hass, freezer, 10)
    hass.states.async_set(NUMBER, "110", {"min": 62, "max": 127})
    await stand_on_mat(hass, True)
    await pass_time(hass, freezer, timedelta(minutes=7))
    assert values == [110]
    assert "no height to lower the desk to" in caplog.text
