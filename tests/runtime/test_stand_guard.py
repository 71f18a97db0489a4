"""The standing guard in a real Home Assistant: one cue to move or sit per long stand.

A standing mat is the desk's standing input; the speaker records what is said. The morning
is a Tuesday at 09:00, inside the default active hours (09:00-17:00).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import entity_registry as er
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.const import (
    CONF_ACTIVE_FROM,
    CONF_AWAY_RESET,
    CONF_DND_ENTITIES,
    CONF_MEDIA_PLAYERS,
    CONF_PRESENCE_ENTITY,
    CONF_STANDING_CUE_AFTER,
    CONF_TTS_ENGINE,
    CONF_UPRIGHT_TARGET,
    DOMAIN,
)
from tests.conftest import ENGINE, PRESENCE, SPEAKER
from tests.helpers import pass_time, set_presence, turn_on_entity, value
from tests.standing_desks import MAT, MAT_DESK, MEETING, seconds

M = timedelta(minutes=1)
UPRIGHT = "sensor.office_desk_upright_today"
STANDING_TODAY = "sensor.office_desk_standing_today"
SHARE = "sensor.office_desk_standing_share_today"
REMINDERS = "switch.office_desk_reminders"
SPEAKING = {CONF_MEDIA_PLAYERS: [SPEAKER], CONF_TTS_ENGINE: ENGINE}
BREAK_DUE = (
    "Time to move: roll your shoulders back slowly for thirty seconds."
    " You have been sitting for 30 minutes."
)


def cue(minutes: int) -> str:
    """The words of the cue after ``minutes`` of standing."""
    return f"You have been standing for {minutes} minutes. Time to move or sit down for a while."


@pytest.fixture
def desk_data() -> dict[str, Any]:
    """A desk with a standing mat."""
    return MAT_DESK


@pytest.fixture
def desk_options() -> dict[str, Any]:
    """Said on one speaker."""
    return SPEAKING


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
    """The desk, nobody at it, off the mat, on a workday morning."""
    hass.states.async_set(MAT, "off")
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"desk_presence": {}, "in_a_meeting": {}}}
    )
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry


async def stand(hass: HomeAssistant, on: bool = True) -> None:
    """Step on the mat (at the desk), or off it to sit."""
    hass.states.async_set(MAT, "on" if on else "off")
    await set_presence(hass, PRESENCE, True)


async def reminders(hass: HomeAssistant, on: bool) -> None:
    await hass.services.async_call(
        "switch", "turn_on" if on else "turn_off", {ATTR_ENTITY_ID: REMINDERS}, blocking=True
    )
    await hass.async_block_till_done()


@pytest.mark.usefixtures("desk")
async def test_one_cue_at_50_minutes_per_stand(
    hass: HomeAssistant, spoken: list[str], freezer: FrozenDateTimeFactory
) -> None:
    await stand(hass)
    await pass_time(hass, freezer, 49 * M)
    await seconds(hass, freezer, 59)
    assert spoken == []  # 49 minutes 59 seconds
    await seconds(hass, freezer, 1)
    assert spoken == [cue(50)]
    await pass_time(hass, freezer, 60 * M)
    assert spoken == [cue(50)]  # the same stand: no second cue

    await stand(hass, False)  # sit down: the stand is over
    await pass_time(hass, freezer, 5 * M)
    await stand(hass)
    await pass_time(hass, freezer, 49 * M)
    assert spoken == [cue(50)]
    await pass_time(hass, freezer, 1 * M)
    assert spoken == [cue(50), cue(50)]


@pytest.mark.default_entities
async def test_the_desk_s_one_timer_wakes_at_the_cue_and_not_before(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: list[str], freezer: FrozenDateTimeFactory
) -> None:
    """With no standing minutes shown, nothing wakes the desk between the step up and the cue."""
    registry = er.async_get(hass)
    for entity_id in (STANDING_TODAY, SHARE):
        registry.async_update_entity(entity_id, disabled_by=er.RegistryEntryDisabler.USER)
    assert await hass.config_entries.async_reload(desk.entry_id)
    await hass.async_block_till_done()
    coach = desk.runtime_data.coordinator
    stepped_up = dt_util.utcnow()
    await stand(hass)
    await pass_time(hass, freezer, 1 * M)  # confirmed, back-dated to the step up
    assert coach.timer.planned == stepped_up + 50 * M
    await pass_time(hass, freezer, 49 * M)
    assert spoken == [cue(50)]
    assert coach.timer.planned is not None
    assert coach.timer.planned > dt_util.utcnow() + 6 * 60 * M  # then only the hours' end


@pytest.mark.parametrize("desk_options", [{**SPEAKING, CONF_STANDING_CUE_AFTER: 45}])
@pytest.mark.usefixtures("desk")
async def test_the_option_45_cues_at_45(
    hass: HomeAssistant, spoken: list[str], freezer: FrozenDateTimeFactory
) -> None:
    await stand(hass)
    await pass_time(hass, freezer, 44 * M)
    assert spoken == []
    await pass_time(hass, freezer, 1 * M)
    assert spoken == [cue(45)]


@pytest.mark.parametrize("desk_options", [{**SPEAKING, CONF_ACTIVE_FROM: "09:55:00"}])
@pytest.mark.usefixtures("desk")
async def test_due_outside_the_active_hours_the_stand_has_no_cue(
    hass: HomeAssistant, spoken: list[str], freezer: FrozenDateTimeFactory
) -> None:
    await stand(hass)  # 09:00: due at 09:50, before the hours begin
    await pass_time(hass, freezer, 90 * M)  # into the active hours, still standing
    assert spoken == []
    await stand(hass, False)
    await pass_time(hass, freezer, 5 * M)
    await stand(hass)  # a new stand, due inside the hours
    await pass_time(hass, freezer, 50 * M)
    assert spoken == [cue(50)]


@pytest.mark.usefixtures("desk")
async def test_with_reminders_off_no_cue_until_they_are_on_again(
    hass: HomeAssistant, spoken: list[str], freezer: FrozenDateTimeFactory
) -> None:
    await reminders(hass, False)
    await stand(hass)
    await pass_time(hass, freezer, 70 * M)
    assert spoken == []
    await reminders(hass, True)  # the cue waited; the stand goes on
    assert spoken == [cue(70)]
    await pass_time(hass, freezer, 30 * M)
    assert spoken == [cue(70)]


@pytest.mark.parametrize("desk_options", [{**SPEAKING, CONF_DND_ENTITIES: [MEETING]}])
@pytest.mark.usefixtures("desk")
async def test_a_meeting_holds_the_cue_until_it_ends(
    hass: HomeAssistant, spoken: list[str], freezer: FrozenDateTimeFactory
) -> None:
    await stand(hass)
    await pass_time(hass, freezer, 45 * M)
    await hass.services.async_call(
        "input_boolean", "turn_on", {ATTR_ENTITY_ID: MEETING}, blocking=True
    )
    await pass_time(hass, freezer, 10 * M)
    assert spoken == []
    await hass.services.async_call(
        "input_boolean", "turn_off", {ATTR_ENTITY_ID: MEETING}, blocking=True
    )
    await hass.async_block_till_done()
    assert spoken == [cue(55)]


@pytest.mark.usefixtures("desk")
async def test_a_routine_is_movement_it_ends_the_stand(
    hass: HomeAssistant, spoken: list[str], freezer: FrozenDateTimeFactory
) -> None:
    await stand(hass)
    await pass_time(hass, freezer, 49 * M)
    await hass.services.async_call(
        DOMAIN, "start_routine", {"routine": "stretching"}, blocking=True
    )
    await pass_time(hass, freezer, 2 * M)
    await hass.services.async_call(DOMAIN, "stop_routine", {}, blocking=True)
    await hass.async_block_till_done()
    assert spoken[0].startswith("Starting Stretching")
    assert spoken[-1] == "Stretching stopped."
    assert not [said for said in spoken if said.startswith("You have been standing")]
    said = len(spoken)
    await pass_time(hass, freezer, 49 * M)  # standing on: a new stand from the routine's end
    assert len(spoken) == said
    await pass_time(hass, freezer, 1 * M)
    assert spoken[said:] == [cue(50)]


async def test_a_restart_during_a_stand_starts_its_clock_again(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: list[str], freezer: FrozenDateTimeFactory
) -> None:
    """Nothing of the guard is stored: the stand counts from the restart."""
    await stand(hass)
    await pass_time(hass, freezer, 30 * M)
    assert await hass.config_entries.async_reload(desk.entry_id)
    await hass.async_block_till_done()
    await pass_time(hass, freezer, 49 * M)
    assert spoken == []
    await pass_time(hass, freezer, 1 * M)
    assert spoken == [cue(50)]


@pytest.mark.parametrize("desk_data", [{CONF_PRESENCE_ENTITY: PRESENCE}])
@pytest.mark.usefixtures("desk")
async def test_a_desk_without_a_standing_input_has_no_guard_and_no_upright_sensor(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: list[str], freezer: FrozenDateTimeFactory
) -> None:
    assert er.async_get(hass).async_get(UPRIGHT) is None
    hass.states.async_set(MAT, "on")  # a mat, but not the desk's
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, 60 * M)
    assert desk.runtime_data.coordinator.guard.next_change(dt_util.utcnow()) is None
    assert spoken[0] == BREAK_DUE  # sitting, as far as the desk can tell
    assert not [said for said in spoken if "standing" in said]


@pytest.mark.default_entities
@pytest.mark.parametrize("desk_options", [{**SPEAKING, CONF_AWAY_RESET: 10}])
async def test_upright_today_adds_standing_and_the_time_away_on_a_moved_break(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: list[str], freezer: FrozenDateTimeFactory
) -> None:
    entry = er.async_get(hass).async_get(UPRIGHT)
    assert entry is not None
    assert entry.disabled_by is er.RegistryEntryDisabler.INTEGRATION  # off by default
    await turn_on_entity(hass, UPRIGHT)
    upright = hass.states.get(UPRIGHT)
    assert upright is not None
    assert upright.state == "0"
    assert upright.attributes["unit_of_measurement"] == "min"
    assert upright.attributes["device_class"] == "duration"
    assert upright.attributes["target"] == 120  # two hours, in minutes
    assert upright.attributes["percent_of_target"] == 0

    await stand(hass)
    await pass_time(hass, freezer, 30 * M)
    assert value(hass, UPRIGHT) == "30"
    assert hass.states.get(UPRIGHT).attributes["percent_of_target"] == 25  # type: ignore[union-attr]
    await stand(hass, False)  # sit until the break is due
    await pass_time(hass, freezer, 31 * M)
    assert spoken == [BREAK_DUE]
    assert value(hass, UPRIGHT) == "30"  # sitting adds nothing
    await set_presence(hass, PRESENCE, False)  # the break: away for 6 minutes
    await pass_time(hass, freezer, 6 * M)
    assert value(hass, UPRIGHT) == "30"  # counted when the break's gap ends
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, 1 * M)
    assert value(hass, "sensor.office_desk_breaks_proven_today") == "1"
    assert hass.states.get("sensor.office_desk_breaks_proven_today").attributes["moved"] == 1  # type: ignore[union-attr]
    upright = hass.states.get(UPRIGHT)
    assert upright is not None
    assert upright.state == "36"
    assert upright.attributes["percent_of_target"] == 30


@pytest.mark.parametrize("desk_options", [{**SPEAKING, CONF_UPRIGHT_TARGET: 30}])
@pytest.mark.usefixtures("desk")
async def test_upright_today_past_its_target(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    await stand(hass)
    await pass_time(hass, freezer, 45 * M)
    upright = hass.states.get(UPRIGHT)
    assert upright is not None
    assert (upright.state, upright.attributes["target"]) == ("45", 30)
    assert upright.attributes["percent_of_target"] == 150
