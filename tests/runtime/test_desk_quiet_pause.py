"""A pause of the reminders: for some hours or until tomorrow, apart from the Reminders switch.

Nothing is announced while it holds, the counting goes on, it ends by itself (its end is an
attribute of the break status) and it outlives a restart. Asked by action and by voice.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import ServiceValidationError
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.const import (
    CONF_MEDIA_PLAYERS,
    CONF_TTS_ENGINE,
    CONF_VOICE_SENTENCES,
    DOMAIN,
)
from custom_components.desk_coach.diagnostics import async_get_config_entry_diagnostics
from tests.conftest import ENGINE, PRESENCE, SPEAKER
from tests.helpers import pass_time, say, set_presence, value

STATUS = "sensor.office_desk_break_status"
SITTING_TODAY = "sensor.office_desk_sitting_today"
REMINDERS = "switch.office_desk_reminders"
MISSED = "sensor.office_desk_breaks_missed_today"


@pytest.fixture
def desk_options() -> dict[str, Any]:
    """One speaker; voice commands on."""
    return {CONF_MEDIA_PLAYERS: [SPEAKER], CONF_TTS_ENGINE: ENGINE, CONF_VOICE_SENTENCES: True}


@pytest.fixture
async def desk(
    hass: HomeAssistant,
    morning: Any,
    speech: list[ServiceCall],
    mock_config_entry: MockConfigEntry,
) -> MockConfigEntry:
    """The desk on a Tuesday morning at 09:00, with Assist to talk to."""
    for component in ("homeassistant", "conversation", "intent"):
        assert await async_setup_component(hass, component, {})
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry


async def pause(hass: HomeAssistant, **data: Any) -> dict[str, Any]:
    """Pause the reminders by the action; its answer."""
    response = await hass.services.async_call(
        DOMAIN, "pause_reminders", data, blocking=True, return_response=True
    )
    await hass.async_block_till_done()
    assert isinstance(response, dict)
    return response


def paused_until(hass: HomeAssistant) -> datetime | None:
    """The break status's ``paused_until`` (None: no pause)."""
    state = hass.states.get(STATUS)
    assert state is not None
    until = state.attributes.get("paused_until")
    return None if until is None else dt_util.as_utc(until)


async def test_a_pause_of_hours_keeps_quiet_counts_on_and_ends_by_itself(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    speech: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=1))
    answer = await pause(hass, hours=1.5)
    until = dt_util.utcnow() + timedelta(hours=1.5)  # 10:31
    assert answer == {"until": until.isoformat()}
    assert paused_until(hass) == until
    assert value(hass, STATUS) == "quiet"
    await pass_time(hass, freezer, timedelta(minutes=79))
    assert speech == []  # a break fell due at 09:30 and was not said
    assert value(hass, SITTING_TODAY) == "80"  # the counting went on
    assert value(hass, REMINDERS) == "on"  # the switch is not the pause
    await pass_time(hass, freezer, timedelta(minutes=11))  # 10:31: the pause is over
    assert paused_until(hass) is None
    assert len(speech) == 1  # the due break is said when the pause ends
    assert value(hass, STATUS) == "due"


async def test_until_tomorrow_on_a_friday_lasts_to_monday_and_outlives_a_restart(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    speech: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    freezer.move_to("2026-03-13 16:00:00-07:00")  # a Friday afternoon, in the active hours
    await set_presence(hass, PRESENCE, True)
    await pause(hass, until_active_hours=True)
    monday = dt_util.as_utc(dt_util.parse_datetime("2026-03-16 09:00:00-07:00"))  # type: ignore[arg-type]
    assert paused_until(hass) == monday
    assert await hass.config_entries.async_reload(desk.entry_id)
    await hass.async_block_till_done()
    assert paused_until(hass) == monday  # kept across the restart
    freezer.move_to("2026-03-16 08:59:00-07:00")
    await pass_time(hass, freezer, timedelta(seconds=30))
    assert paused_until(hass) == monday
    await pass_time(hass, freezer, timedelta(minutes=1))
    assert paused_until(hass) is None
    assert speech == []  # nothing was said all weekend


async def test_resume_ends_the_pause_and_leaves_the_switch_as_it_is(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=1))
    await pause(hass, hours=2)
    await hass.services.async_call("switch", "turn_off", {ATTR_ENTITY_ID: REMINDERS}, blocking=True)
    await hass.services.async_call(DOMAIN, "resume_reminders", {}, blocking=True)
    await hass.async_block_till_done()
    assert paused_until(hass) is None
    assert value(hass, REMINDERS) == "off"
    assert value(hass, STATUS) == "quiet"  # the switch still keeps quiet
    await hass.services.async_call("switch", "turn_on", {ATTR_ENTITY_ID: REMINDERS}, blocking=True)
    assert value(hass, STATUS) == "sitting"


async def test_a_new_pause_replaces_the_one_before(
    hass: HomeAssistant, desk: MockConfigEntry
) -> None:
    await pause(hass, hours=8)
    answer = await pause(hass, hours=0.5)
    assert paused_until(hass) == dt_util.utcnow() + timedelta(minutes=30)
    assert answer["until"] == (dt_util.utcnow() + timedelta(minutes=30)).isoformat()


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({}, "pause_how_long"),
        ({"until_active_hours": False}, "pause_how_long"),
        ({"hours": 2, "until_active_hours": True}, "pause_how_long"),
        ({"hours": 0.25}, "pause_hours_out_of_range"),
        ({"hours": 25}, "pause_hours_out_of_range"),
        ({"hours": "soon"}, "pause_hours_out_of_range"),
        ({"hours": True}, "pause_hours_out_of_range"),
        ({"hours": float("nan")}, "pause_hours_out_of_range"),
    ],
)
async def test_a_wrong_pause_is_refused_in_words_and_changes_nothing(
    hass: HomeAssistant, desk: MockConfigEntry, data: dict[str, Any], key: str
) -> None:
    with pytest.raises(ServiceValidationError) as refused:
        await pause(hass, **data)
    assert refused.value.translation_key == key
    assert paused_until(hass) is None
    assert value(hass, STATUS) != "quiet"


async def test_paused_and_resumed_by_voice_in_both_languages(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    answer = await say(hass, "pause my breaks until tomorrow")
    assert answer == "Reminders paused until tomorrow at 09:00. Your sitting is still counted."
    assert paused_until(hass) == dt_util.as_utc(
        dt_util.parse_datetime("2026-03-11 09:00:00-07:00")  # type: ignore[arg-type]
    )
    assert await say(hass, "resume my breaks") == "Reminders are back on."
    assert paused_until(hass) is None
    answer = await say(hass, "pausiere meine Pausen für 2 Stunden", language="de")
    assert answer == ("Erinnerungen pausiert bis 11:00 Uhr. Dein Sitzen wird weiter gezählt.")
    assert await say(hass, "setze meine Erinnerungen fort", "de") == (
        "Die Erinnerungen sind wieder an."
    )
    freezer.move_to("2026-03-13 18:00:00-07:00")  # Friday evening
    answer = await say(hass, "Pausiere meine Pausen bis morgen", language="de")
    assert answer == (
        "Erinnerungen pausiert bis Montag um 09:00 Uhr. Dein Sitzen wird weiter gezählt."
    )


async def test_diagnostics_say_why_the_desk_is_quiet(
    hass: HomeAssistant, desk: MockConfigEntry
) -> None:
    until = dt_util.parse_datetime((await pause(hass, hours=2))["until"])
    assert until is not None
    found = await async_get_config_entry_diagnostics(hass, desk)
    assert found["quiet"] == {
        "reminders_on": True,
        "paused_until": until.isoformat(),
        "why": "paused until 2026-03-10 11:00",
    }
