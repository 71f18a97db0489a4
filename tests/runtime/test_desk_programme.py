"""The strength programme in a real Home Assistant: weeks of sessions on the frozen clock.

Scripted sessions and ratings: the level rises exactly where the rules say, a pain stop
lowers it and moves the plan, two pain stops turn the programme off (said once, and a
persistent notification) and its switch brings it back; a session started early is extra.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import persistent_notification
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import ServiceValidationError
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.desk_coach.const import CONF_MEDIA_PLAYERS, CONF_TTS_ENGINE, DOMAIN
from tests.helpers import value

SPEAKER = "media_player.office_speaker"
ENGINE = "tts.test_engine"
LEVEL = "sensor.office_desk_strength_level"
NEXT_STRENGTH = "sensor.office_desk_next_strength_session"
STRENGTH_WEEK = "sensor.office_desk_strength_sessions_this_week"
PROGRAMME = "switch.office_desk_strength_programme"
PHYSIO = "Please see a physiotherapist before you go on."


@pytest.fixture
def desk_options() -> dict[str, Any]:
    """Speak through one speaker."""
    return {CONF_MEDIA_PLAYERS: [SPEAKER], CONF_TTS_ENGINE: ENGINE}


@pytest.fixture
async def spoken(hass: HomeAssistant) -> list[str]:
    """What the speaker would say."""
    hass.states.async_set(SPEAKER, "idle")
    hass.states.async_set(ENGINE, "unknown")
    said: list[str] = []

    async def speak(call: ServiceCall) -> None:
        said.append(call.data["message"])

    hass.services.async_register("tts", "speak", speak)
    return said


@pytest.fixture
async def desk(
    hass: HomeAssistant, morning: Any, spoken: list[str], mock_config_entry: MockConfigEntry
) -> MockConfigEntry:
    """The desk, set up on a Tuesday morning at 09:00."""
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"desk_presence": {}}}
    )
    assert await async_setup_component(hass, "persistent_notification", {})
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry


async def jump(hass: HomeAssistant, freezer: FrozenDateTimeFactory, delta: timedelta) -> None:
    """Let ``delta`` pass at once (the desk catches up on its next wake-up)."""
    freezer.tick(delta)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def action(hass: HomeAssistant, service: str, **data: Any) -> Any:
    """Call one of the desk's actions; its response where it has one."""
    answering = service in {"start_routine", "rate_session"}
    response = await hass.services.async_call(
        DOMAIN, service, data, blocking=True, return_response=answering or None
    )
    await hass.async_block_till_done()
    return response


async def session(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, effort: str | None = None
) -> dict[str, Any]:
    """Run the strengthening routine to its end, then rate it (None: unrated)."""
    started = await action(hass, "start_routine", routine="strengthening")
    await jump(hass, freezer, timedelta(seconds=started["seconds"] + 1))
    assert value(hass, "sensor.office_desk_routine") == "idle"
    if effort is not None:
        await action(hass, "rate_session", effort=effort)
    return started


async def pain_stop(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """Start the strengthening routine and stop it a minute in because it hurts."""
    await action(hass, "start_routine", routine="strengthening")
    await jump(hass, freezer, timedelta(minutes=1))
    await action(hass, "stop_routine", reason="pain")


def dose(started: dict[str, Any]) -> set[tuple[int, int]]:
    """The (sets, reps) of a started routine's repeated steps."""
    return {(s["sets"], s["reps"]) for s in started["steps"] if s["reps"]}


def attributes(hass: HomeAssistant, entity_id: str) -> dict[str, Any]:
    """An entity's attributes, which must exist."""
    state = hass.states.get(entity_id)
    assert state is not None, entity_id
    return dict(state.attributes)


async def test_weeks_of_sessions_raise_the_level_where_the_rules_say(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """2 x 10; two fine sessions: 2 x 12; a hard one holds; two more: 2 x 12 slower."""
    assert value(hass, LEVEL) == "2"
    assert attributes(hass, LEVEL).items() >= {"sets": 2, "reps": 10, "next_reps": 12}.items()
    assert dose(await session(hass, freezer)) == {(2, 10)}  # unrated: fine
    assert attributes(hass, LEVEL)["sessions_to_next"] == 1
    await jump(hass, freezer, timedelta(hours=48))
    assert dose(await session(hass, freezer, "easy")) == {(2, 10)}
    assert value(hass, LEVEL) == "3"
    await jump(hass, freezer, timedelta(hours=48))
    assert dose(await session(hass, freezer, "hard")) == {(2, 12)}
    assert value(hass, LEVEL) == "3"  # hard: the row starts again
    for _ in range(2):
        await jump(hass, freezer, timedelta(hours=48))
        await session(hass, freezer, "fine")
    assert value(hass, LEVEL) == "4"
    assert attributes(hass, LEVEL).items() >= {"sets": 2, "reps": 12, "slower": 2}.items()
    await jump(hass, freezer, timedelta(hours=48))
    slow = await session(hass, freezer)
    chin = next(step for step in slow["steps"] if step["exercise"] == "chin_tucks")
    assert chin["seconds"] - chin["listen"] == 12 * (5 + 2)
    # the level survives a restart
    assert await hass.config_entries.async_reload(desk.entry_id)
    await hass.async_block_till_done()
    assert value(hass, LEVEL) == "4"
    assert attributes(hass, LEVEL)["sessions_to_next"] == 1


async def test_an_early_session_runs_as_extra_and_plans_nothing(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """Tuesday 09:00, then Thursday 08:00 (47 h): it runs, counts as extra, plans nothing."""
    started = dt_util.utcnow()
    await session(hass, freezer, "easy")
    assert value(hass, NEXT_STRENGTH) == "2026-03-12"
    earliest = attributes(hass, NEXT_STRENGTH)["earliest"]
    assert isinstance(earliest, datetime)
    assert earliest == started + timedelta(hours=48)  # from its start, not its end
    await jump(hass, freezer, earliest - dt_util.utcnow() - timedelta(hours=1))
    await session(hass, freezer, "easy")
    assert value(hass, STRENGTH_WEEK) == "1"
    assert attributes(hass, STRENGTH_WEEK)["extra"] == 1
    assert attributes(hass, NEXT_STRENGTH)["earliest"] == earliest
    assert value(hass, LEVEL) == "2"  # an extra session does not raise the level
    history = desk.runtime_data.routines.history.as_list()
    assert [entry.get("extra", False) for entry in history] == [False, True]


async def test_a_pain_stop_lowers_the_level_and_moves_the_plan_48_hours(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """At 2 x 10 a pain stop: the next session is 1 x 10, two days later."""
    await pain_stop(hass, freezer)
    stopped = dt_util.utcnow()
    assert value(hass, LEVEL) == "1"
    assert attributes(hass, NEXT_STRENGTH)["earliest"] == stopped + timedelta(hours=48)
    assert value(hass, NEXT_STRENGTH) == "2026-03-12"
    assert value(hass, PROGRAMME) == "on"  # one pain stop does not pause it
    await jump(hass, freezer, timedelta(hours=48))
    assert dose(await session(hass, freezer)) == {(1, 10)}


async def test_two_pain_stops_pause_the_programme_until_switched_on(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    spoken: list[str],
) -> None:
    """The second pain stop in 14 days: off, said once, a notification; on brings it back."""
    notified: dict[str, Any] = {}

    def keep(_: Any, notifications: dict[str, Any]) -> None:
        notified.update(notifications)

    persistent_notification.async_register_callback(hass, keep)
    await pain_stop(hass, freezer)
    assert not any(PHYSIO in message for message in spoken)
    await jump(hass, freezer, timedelta(days=3))
    await pain_stop(hass, freezer)
    assert value(hass, PROGRAMME) == "off"
    assert spoken[-1].startswith("Stopped. Rest now")
    assert PHYSIO in spoken[-1]
    assert sum(PHYSIO in message for message in spoken) == 1
    # the card shows what was said: the advice and the physiotherapist
    routine = hass.states.get("sensor.office_desk_routine")
    assert routine is not None
    assert routine.attributes["advice"] == spoken[-1]
    shown = [n for n in notified.values() if PHYSIO in n["message"]]
    assert len(shown) == 1
    assert value(hass, NEXT_STRENGTH) == "unknown"  # nothing planned
    assert attributes(hass, LEVEL)["programme_on"] is False
    # a session asked for still runs, as an extra one
    await jump(hass, freezer, timedelta(days=3))
    await session(hass, freezer)
    assert desk.runtime_data.routines.history.entries[-1].extra
    await hass.services.async_call("switch", "turn_on", {"entity_id": PROGRAMME}, blocking=True)
    await hass.async_block_till_done()
    assert value(hass, PROGRAMME) == "on"
    assert value(hass, NEXT_STRENGTH) == dt_util.now().date().isoformat()
    # the switch survives a restart
    await hass.services.async_call("switch", "turn_off", {"entity_id": PROGRAMME}, blocking=True)
    assert await hass.config_entries.async_reload(desk.entry_id)
    await hass.async_block_till_done()
    assert value(hass, PROGRAMME) == "off"


async def test_rating_is_refused_in_words_when_there_is_nothing_to_rate(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """No session yet, or an unknown effort: a translated error, nothing changed."""
    with pytest.raises(ServiceValidationError) as refused:
        await action(hass, "rate_session", effort="fine")
    assert refused.value.translation_key == "nothing_to_rate"
    await session(hass, freezer)
    with pytest.raises(ServiceValidationError) as refused:
        await action(hass, "rate_session", effort="brutal")
    assert refused.value.translation_key == "unknown_effort"
    assert refused.value.translation_placeholders == {
        "effort": "brutal",
        "efforts": "easy, fine, hard",
    }
    rated = await action(hass, "rate_session", effort="Hard")
    assert rated["effort"] == "hard"
    assert rated["routine"] == "strengthening"
    await jump(hass, freezer, timedelta(hours=13))
    with pytest.raises(ServiceValidationError) as refused:
        await action(hass, "rate_session", effort="fine")  # too long ago
    assert refused.value.translation_key == "nothing_to_rate"
    assert desk.runtime_data.routines.history.entries[-1].effort == "hard"
