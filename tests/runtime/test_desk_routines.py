"""Guided routines in a real Home Assistant: spoken step by step, paused, stopped, planned."""

from __future__ import annotations

from datetime import datetime, timedelta
import json
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import Event, HomeAssistant, ServiceCall, SupportsResponse
from homeassistant.exceptions import ServiceValidationError
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)

from custom_components.desk_coach.const import (
    CONF_ACTIVE_DAYS,
    CONF_ACTIVE_FROM,
    CONF_ACTIVE_UNTIL,
    CONF_LIGHTS,
    CONF_MEDIA_PLAYERS,
    CONF_ROUTINES,
    CONF_TTS_ENGINE,
    DOMAIN,
    EVENT_BREAK,
    EVENT_ROUTINE,
    WEEKDAYS,
)
from custom_components.desk_coach.diagnostics import async_get_config_entry_diagnostics
from custom_components.desk_coach.exercises import read_library, read_texts
from custom_components.desk_coach.model import DeskTracker
from custom_components.desk_coach.routine import listen_seconds, plan_routine
from custom_components.desk_coach.speech import SPEECH_DIR
from tests.conftest import PRESENCE
from tests.helpers import TRACKING, pass_time, set_presence, value

SPEAKER = "media_player.office_speaker"
ENGINE = "tts.test_engine"
LAMP = "light.desk_lamp"
ROUTINE = "sensor.office_desk_routine"
STATUS = "sensor.office_desk_break_status"
NEXT_STRENGTH = "sensor.office_desk_next_strength_session"
STRENGTH_WEEK = "sensor.office_desk_strength_sessions_this_week"
COMPLETED_TODAY = "sensor.office_desk_routines_completed_today"
TAKEN = "sensor.office_desk_breaks_taken_today"
NATURAL = "sensor.office_desk_natural_breaks_today"

Spoken = list[tuple[float, str]]


@pytest.fixture
def desk_options() -> dict[str, Any]:
    """Speak through one speaker; a lamp that routines must leave alone."""
    return {CONF_MEDIA_PLAYERS: [SPEAKER], CONF_TTS_ENGINE: ENGINE, CONF_LIGHTS: [LAMP]}


@pytest.fixture
async def spoken(hass: HomeAssistant) -> Spoken:
    """What the speaker would say, with the second (since the first word) it is said at."""
    hass.states.async_set(SPEAKER, "idle")
    hass.states.async_set(ENGINE, "unknown")
    hass.states.async_set(LAMP, "off")
    said: Spoken = []
    start: list[datetime] = []

    async def speak(call: ServiceCall) -> None:
        now = dt_util.utcnow()
        start[:] = start or [now]
        said.append(((now - start[0]).total_seconds(), call.data["message"]))

    hass.services.async_register("tts", "speak", speak)
    return said


@pytest.fixture
async def desk(
    hass: HomeAssistant, morning: Any, spoken: Spoken, mock_config_entry: MockConfigEntry
) -> MockConfigEntry:
    """The desk, set up on a workday morning, with presence off."""
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"desk_presence": {}}}
    )
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry


async def call(hass: HomeAssistant, service: str, **data: Any) -> Any:
    """Call one of the desk's actions (with the response when it has one)."""
    response = None
    if service == "start_routine":
        response = await hass.services.async_call(
            DOMAIN, service, data, blocking=True, return_response=True
        )
    else:
        await hass.services.async_call(DOMAIN, service, data, blocking=True)
    await hass.async_block_till_done()
    return response


async def seconds(hass: HomeAssistant, freezer: FrozenDateTimeFactory, count: int) -> None:
    """Let ``count`` seconds pass, one at a time (so every timer fires on its second)."""
    for _ in range(count):
        freezer.tick(timedelta(seconds=1))
        async_fire_time_changed(hass)
        await hass.async_block_till_done()


def attributes(hass: HomeAssistant, entity_id: str) -> dict[str, Any]:
    """An entity's attributes, which must exist."""
    state = hass.states.get(entity_id)
    assert state is not None, entity_id
    return dict(state.attributes)


def step_starts(steps: list[dict[str, Any]]) -> list[int]:
    """The second each step begins at, and the routine's end last."""
    return [sum(step["seconds"] for step in steps[:index]) for index in range(len(steps) + 1)]


CHIN_TUCKS = (
    "Chin tucks, set 1 of 2: 10 slow reps. Sit tall and look straight ahead. "
    "Slide your chin straight back, as if making a double chin. "
    "Hold for a breath, then let go slowly. Stop if you feel pain, tingling or dizziness."
)


async def test_strengthening_is_spoken_step_by_step(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: Spoken, freezer: FrozenDateTimeFactory
) -> None:
    """Every message of the strengthening routine, at its second."""
    events = async_capture_events(hass, EVENT_ROUTINE)
    response = await call(hass, "start_routine", routine="strengthening")
    assert response["routine"] == "strengthening"
    assert response["name"] == "Strengthening"
    assert response["exercises"] == [
        "chin_tucks",
        "serratus_wall_slides",
        "thoracic_extension_chair",
    ]
    steps = response["steps"]
    # 63 words of opening, cues and safety line: 28 s to hear them, then ten reps of 5 s
    assert [(s["name"], s["kind"], s["set"], s["listen"], s["seconds"]) for s in steps[:3]] == [
        ("Chin tucks", "work", 1, 28, 28 + 50),
        ("Chin tucks", "rest", 1, 0, 30),
        ("Chin tucks", "work", 2, 5, 5 + 50),
    ]
    at = step_starts(steps)
    assert response["seconds"] == at[-1] == 467
    await seconds(hass, freezer, 470)
    texts = read_texts("en").exercises
    serratus = " ".join([*texts["serratus_wall_slides"].cues, texts["serratus_wall_slides"].safety])
    thoracic = " ".join(
        [*texts["thoracic_extension_chair"].cues, texts["thoracic_extension_chair"].safety]
    )
    thoracic_name = texts["thoracic_extension_chair"].name
    assert spoken == [
        (
            0,
            "Starting Strengthening: 3 exercises, about 8 minutes. Move slowly and stay in a "
            f"pain-free range; stop at once if anything hurts. {CHIN_TUCKS}",
        ),
        (at[1], "Rest 30 seconds. Then set 2."),
        (at[2], "Set 2 of 2: 10 slow reps."),
        (at[3], f"Serratus wall slides, set 1 of 2: 10 slow reps. {serratus}"),
        (at[4], "Rest 30 seconds. Then set 2."),
        (at[5], "Set 2 of 2: 10 slow reps."),
        (at[6], f"{thoracic_name}, set 1 of 2: 10 slow reps. {thoracic}"),
        (at[7], "Rest 15 seconds. Then set 2."),
        (at[8], "Set 2 of 2: 10 slow reps."),
        (at[9], "Well done, Strengthening is complete. That was your break."),
    ]
    # every work step: the time to hear what is said at its start, then the work exactly
    for (_, message), step in zip(spoken, steps, strict=False):
        if step["kind"] == "work":
            assert step["listen"] == listen_seconds(message)
            assert step["seconds"] - step["listen"] == 50
    assert [e.data["type"] for e in events] == ["started"] + ["step"] * 9 + ["completed"]
    assert events[1].data == {
        "entry_id": desk.entry_id,
        "desk": "Office desk",
        "type": "step",
        "routine": "strengthening",
        "exercise": "chin_tucks",
        "step": 1,
    }
    assert value(hass, ROUTINE) == "idle"
    assert value(hass, COMPLETED_TODAY) == "1"
    assert value(hass, LAMP) == "off"  # routines speak; they do not flash the lights


async def test_holds_count_down_and_sides_alternate(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: Spoken, freezer: FrozenDateTimeFactory
) -> None:
    """The stretching routine: a one-sided hold, left then right, each counted down."""
    steps = (await call(hass, "start_routine", routine="stretching"))["steps"]
    at = step_starts(steps)
    await seconds(hass, freezer, at[2] - 1)
    texts = read_texts("en").exercises
    stretch = texts["upper_trapezius_stretch"]
    trap = " ".join([*stretch.cues, stretch.felt, stretch.safety])
    assert spoken[0][1].endswith(f"Upper trapezius stretch, left side: hold 30 seconds. {trap}")
    assert spoken[1:] == [
        (at[1] - 10, "10 seconds left."),
        (at[1], "Other side: hold 30 seconds."),
        (at[2] - 10, "10 seconds left."),
    ]
    assert [step["seconds"] - step["listen"] for step in steps[:2]] == [30, 30]
    assert steps[1]["listen"] == listen_seconds("Other side: hold 30 seconds.") == 4


async def test_shoulder_rotation_is_the_micro_break(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: Spoken, freezer: FrozenDateTimeFactory
) -> None:
    """Thirty seconds of shoulder rolls after hearing them, counted down, then done."""
    response = await call(hass, "start_routine", routine="shoulder_rotation")
    await seconds(hass, freezer, 65)
    text = read_texts("en").exercises["shoulder_rolls"]
    rolls = " ".join([*text.cues, text.safety])
    opening = (
        "Starting Shoulder rolls: 1 exercise, about 1 minute. Move slowly and stay in a "
        f"pain-free range; stop at once if anything hurts. Shoulder rolls: 30 seconds. {rolls}"
    )
    listen = listen_seconds(opening)
    assert listen == 25  # 57 words
    assert response["seconds"] == listen + 30
    assert spoken == [
        (0, opening),
        (listen + 20, "10 seconds left."),
        (listen + 30, "Well done, Shoulder rolls is complete. That was your break."),
    ]


async def test_routine_sensor_pause_resume_next_and_stop(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: Spoken, freezer: FrozenDateTimeFactory
) -> None:
    """The sensor follows every command; paused time does not run the step."""
    started = dt_util.utcnow()
    response = await call(hass, "start_routine", routine="strengthening")
    first = response["steps"][0]["seconds"]
    assert value(hass, ROUTINE) == "running"
    assert value(hass, STATUS) == "routine"
    shown = attributes(hass, ROUTINE)
    assert shown["routine"] == "strengthening"
    assert shown["exercise_name"] == "Chin tucks"
    assert (shown["set"], shown["total_sets"], shown["step_index"], shown["steps_total"]) == (
        1,
        2,
        1,
        9,
    )
    assert shown["step_ends_at"] == started + timedelta(seconds=first)
    assert shown["ends_at"] == started + timedelta(seconds=response["seconds"])
    await seconds(hass, freezer, 20)
    await call(hass, "pause_routine")
    assert value(hass, ROUTINE) == "paused"
    assert attributes(hass, ROUTINE)["remaining_seconds"] == first - 20
    with pytest.raises(ServiceValidationError) as refused:
        await call(hass, "pause_routine")
    assert refused.value.translation_key == "routine_already_paused"
    assert attributes(hass, ROUTINE)["step_ends_at"] is None
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert attributes(hass, ROUTINE)["step_index"] == 1  # nothing moved while paused
    await call(hass, "resume_routine")
    resumed = dt_util.utcnow()
    assert attributes(hass, ROUTINE)["step_ends_at"] == resumed + timedelta(seconds=first - 20)
    await call(hass, "next_step")
    shown = attributes(hass, ROUTINE)
    assert (shown["step_kind"], shown["step_index"]) == ("rest", 2)
    events = async_capture_events(hass, EVENT_ROUTINE)
    await call(hass, "stop_routine")
    assert value(hass, ROUTINE) == "idle"
    assert value(hass, STATUS) == "away"
    assert events[-1].data["reason"] == "done"
    assert [message for _, message in spoken[1:]] == [
        "Paused.",
        "Let's go on: Chin tucks.",
        "Rest 30 seconds. Then set 2.",
        "Strengthening stopped.",
    ]
    event_state = hass.states.get("event.office_desk_routine")
    assert event_state is not None
    assert event_state.attributes["event_type"] == "stopped"
    assert event_state.attributes["reason"] == "done"
    assert value(hass, COMPLETED_TODAY) == "0"  # stopped is not completed


async def test_pain_stops_at_once_and_is_kept(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: Spoken, freezer: FrozenDateTimeFactory
) -> None:
    """Pain: stop, advise rest, keep it in the history and diagnostics; no break counted."""
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=5))
    await call(hass, "start_routine", routine="strengthening")
    started = dt_util.utcnow()
    await seconds(hass, freezer, 70)
    await call(hass, "stop_routine", reason="pain")
    assert spoken[-1][1] == (
        "Stopped. Rest now and don't push through pain. If it persists, see a physiotherapist."
    )
    assert value(hass, ROUTINE) == "idle"
    # the card shows the same words for five minutes
    stopped = dt_util.utcnow()
    shown = attributes(hass, ROUTINE)
    assert shown["advice"] == spoken[-1][1]
    assert shown["advice_until"] == stopped + timedelta(minutes=5)
    assert value(hass, TAKEN) == "0"
    assert value(hass, NATURAL) == "0"
    kept = desk.runtime_data.routines.history.as_list()
    assert [entry for entry in kept if entry["outcome"] == "pain"] == [
        {
            "ended": dt_util.utcnow().isoformat(),
            "day": "2026-03-10",
            "routine": "strengthening",
            "outcome": "pain",
            "strength": True,
            "step": "chin_tucks",
            "answer": None,  # not asked: it did not complete
            "started": started.isoformat(),
            "level": 2,  # the programme's level it ran at
            "check": "not_asked",  # no satellite to ask about pain first
        }
    ]
    # kept across a reload, the advice too
    assert await hass.config_entries.async_reload(desk.entry_id)
    await hass.async_block_till_done()
    diagnostics = await async_get_config_entry_diagnostics(hass, desk)
    assert diagnostics["routine_history"]["pain_stops"] == {"count": 1, "last_day": "2026-03-10"}
    assert attributes(hass, ROUTINE)["advice_until"] == stopped + timedelta(minutes=5)
    await seconds(hass, freezer, 5 * 60 - 1)
    assert "advice" in attributes(hass, ROUTINE)
    await seconds(hass, freezer, 1)  # gone by itself, on the second
    assert "advice" not in attributes(hass, ROUTINE)
    assert "advice_until" not in attributes(hass, ROUTINE)


async def test_another_routine_ends_the_pain_advice(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: Spoken
) -> None:
    """Starting again within the five minutes: the new routine's step, no advice after."""
    await call(hass, "start_routine", routine="stretching")
    await call(hass, "stop_routine", reason="pain")
    assert "advice" in attributes(hass, ROUTINE)
    await call(hass, "start_routine", routine="shoulder_rotation")
    assert "advice" not in attributes(hass, ROUTINE)
    await call(hass, "stop_routine")
    assert "advice" not in attributes(hass, ROUTINE)


def test_the_voice_reply_to_pain_is_the_whole_advice() -> None:
    """ "That hurts" answered by voice says what the speakers say, in both languages."""
    for language in ("en", "de"):
        texts = json.loads((SPEECH_DIR / f"{language}.json").read_text(encoding="utf-8"))
        assert texts["intent_pain_stop"] == texts["routine_pain"], language


async def test_routine_sensor_shows_listen_then_the_hold(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: Spoken, freezer: FrozenDateTimeFactory
) -> None:
    """Phase listen while the words are said, then a 30-second hold ending in 30 seconds."""
    started = dt_util.utcnow()
    step = (await call(hass, "start_routine", routine="shoulder_rotation"))["steps"][0]
    listened = started + timedelta(seconds=step["listen"])
    shown = attributes(hass, ROUTINE)
    assert (shown["phase"], shown["phase_ends_at"]) == ("listen", listened)
    assert shown["step_ends_at"] == listened + timedelta(seconds=30)
    await seconds(hass, freezer, step["listen"])
    shown = attributes(hass, ROUTINE)
    assert (shown["phase"], shown["phase_ends_at"]) == ("hold", listened + timedelta(seconds=30))
    assert shown["step_ends_at"] - dt_util.utcnow() == timedelta(seconds=30)
    await call(hass, "pause_routine")
    shown = attributes(hass, ROUTINE)
    assert (shown["phase"], shown["phase_ends_at"], shown["remaining_seconds"]) == (
        "hold",
        None,
        30,
    )


async def test_routine_sensor_phases_of_reps_and_rest(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: Spoken, freezer: FrozenDateTimeFactory
) -> None:
    """Repetitions after their words; a rest is rest from its first second."""
    step = (await call(hass, "start_routine", routine="strengthening"))["steps"][0]
    assert attributes(hass, ROUTINE)["phase"] == "listen"
    await seconds(hass, freezer, step["listen"])
    assert attributes(hass, ROUTINE)["phase"] == "reps"
    await call(hass, "next_step")
    shown = attributes(hass, ROUTINE)
    assert (shown["step_kind"], shown["phase"]) == ("rest", "rest")
    assert shown["phase_ends_at"] == shown["step_ends_at"]


async def test_completed_routine_is_the_due_break(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: Spoken, freezer: FrozenDateTimeFactory
) -> None:
    """A due break is not re-announced during a routine; completing takes it."""
    breaks = async_capture_events(hass, EVENT_BREAK)
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=30))
    assert value(hass, STATUS) == "due"
    said_before = len(spoken)
    response = await call(hass, "start_routine", routine="shoulder_rotation")
    assert value(hass, STATUS) == "routine"
    await seconds(hass, freezer, response["seconds"])
    assert value(hass, TAKEN) == "1"
    assert [e.data["type"] for e in breaks] == ["due", "taken"]
    assert value(hass, STATUS) == "sitting"
    next_break = dt_util.parse_datetime(value(hass, "sensor.office_desk_next_break"))
    assert next_break == dt_util.utcnow() + timedelta(minutes=30)
    assert all("Still sitting" not in message for _, message in spoken[said_before:])


async def test_getting_up_for_a_routine_is_one_break_not_two(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: Spoken, freezer: FrozenDateTimeFactory
) -> None:
    """Away during the routine counts as the break; completing it does not count it again."""
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=30))
    await call(hass, "start_routine", routine="shoulder_rotation")
    await set_presence(hass, PRESENCE, False)  # stood up and left the chair for it
    await seconds(hass, freezer, 60)
    assert value(hass, ROUTINE) == "idle"
    assert (value(hass, TAKEN), value(hass, NATURAL)) == ("1", "0")


async def test_break_due_during_a_stopped_routine_is_announced_after(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: Spoken, freezer: FrozenDateTimeFactory
) -> None:
    """A break falling due mid-routine is held; interrupted, the routine hands it back."""
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=29, seconds=50))
    await call(hass, "start_routine", routine="strengthening")
    await seconds(hass, freezer, 20)
    assert value(hass, "binary_sensor.office_desk_break_due") == "on"
    assert not any(message.startswith("Time to move") for _, message in spoken)
    await call(hass, "stop_routine", reason="interrupted")
    assert spoken[-1][1].startswith("Time to move")
    assert value(hass, STATUS) == "due"


async def test_silent_run_reports_but_does_not_speak(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: Spoken, freezer: FrozenDateTimeFactory
) -> None:
    """announce: false runs the routine for the dashboard only."""
    events = async_capture_events(hass, EVENT_ROUTINE)
    await call(hass, "start_routine", routine="shoulder_rotation", announce=False)
    await seconds(hass, freezer, 61)
    assert spoken == []
    assert [e.data["type"] for e in events] == ["started", "step", "completed"]


async def test_bad_input_is_refused_and_changes_nothing(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: Spoken
) -> None:
    """Unknown routine, a second start, idle commands, an unknown reason."""
    for service, data, key in (
        ("start_routine", {"routine": "yoga"}, "unknown_routine"),
        ("pause_routine", {}, "no_routine_running"),
        ("resume_routine", {}, "routine_not_paused"),
        ("next_step", {}, "no_routine_running"),
        ("stop_routine", {}, "no_routine_running"),
    ):
        with pytest.raises(ServiceValidationError) as refused:
            await call(hass, service, **data)
        assert refused.value.translation_key == key, service
    assert value(hass, ROUTINE) == "idle"
    with pytest.raises(ServiceValidationError) as refused:
        await call(hass, "start_routine", routine="yoga")
    assert refused.value.translation_placeholders == {
        "routine": "yoga",
        "routines": "Shoulder rolls, Stretching, Strengthening, 2-minute strength",
    }
    await call(hass, "start_routine", routine="Stretching")  # a name works too
    with pytest.raises(ServiceValidationError) as refused:
        await call(hass, "start_routine", routine="strengthening")
    assert refused.value.translation_key == "routine_running"
    assert attributes(hass, ROUTINE)["routine"] == "stretching"
    with pytest.raises(ServiceValidationError) as refused:
        await call(hass, "resume_routine")
    assert refused.value.translation_key == "routine_not_paused"
    with pytest.raises(ServiceValidationError) as refused:
        await call(hass, "stop_routine", reason="bored")
    assert refused.value.translation_key == "unknown_stop_reason"
    assert value(hass, ROUTINE) == "running"
    assert hass.services.supports_response(DOMAIN, "start_routine") is SupportsResponse.OPTIONAL


async def test_strength_every_other_day_across_midnight(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: Spoken, freezer: FrozenDateTimeFactory
) -> None:
    """Done on Tuesday: next on Thursday; Thursday missed: Friday shows Friday."""
    assert value(hass, NEXT_STRENGTH) == "2026-03-10"  # never trained: today
    assert value(hass, STRENGTH_WEEK) == "0"
    assert attributes(hass, STRENGTH_WEEK)["planned"] == 3  # Tue, Thu, Sat
    response = await call(hass, "start_routine", routine="strengthening")
    await seconds(hass, freezer, response["seconds"])
    assert value(hass, NEXT_STRENGTH) == "2026-03-12"
    assert value(hass, STRENGTH_WEEK) == "1"
    assert attributes(hass, STRENGTH_WEEK)["planned"] == 3
    await call(hass, "start_routine", routine="stretching")  # not a strength session
    await call(hass, "next_step")
    await call(hass, "stop_routine")
    assert value(hass, STRENGTH_WEEK) == "1"
    await pass_time(hass, freezer, timedelta(hours=24))  # Wednesday 09:00
    assert value(hass, NEXT_STRENGTH) == "2026-03-12"
    assert value(hass, COMPLETED_TODAY) == "0"  # a new day
    await pass_time(hass, freezer, timedelta(hours=48))  # Friday: Thursday was missed
    assert value(hass, NEXT_STRENGTH) == "2026-03-13"
    assert attributes(hass, STRENGTH_WEEK)["planned"] == 3  # Tue done, Fri, Sun


async def test_custom_routine_from_the_options(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: Spoken, freezer: FrozenDateTimeFactory
) -> None:
    """A routine of the user's own starts by name and runs its own sets and hold."""
    custom = {
        "id": "neck_reset",
        "name": "Neck reset",
        "items": [
            {"exercise": "chin_tucks", "sets": 1, "reps": 5, "hold": None},
            {"exercise": "doorway_pec_stretch", "sets": 1, "reps": None, "hold": 20},
        ],
    }
    hass.config_entries.async_update_entry(desk, options={**desk.options, CONF_ROUTINES: [custom]})
    await hass.async_block_till_done()
    response = await call(hass, "start_routine", routine="neck reset")
    assert response["routine"] == "neck_reset"
    assert response["name"] == "Neck reset"
    assert [
        (s["exercise"], s["reps"], s["hold"], s["seconds"] - s["listen"]) for s in response["steps"]
    ] == [("chin_tucks", 5, None, 25), ("doorway_pec_stretch", None, 20, 20)]
    assert [s["listen"] > 0 for s in response["steps"]] == [True, True]
    assert spoken[0][1].startswith("Starting Neck reset: 2 exercises, about 2 minutes.")
    await seconds(hass, freezer, 100)
    assert spoken[-1][1] == "Well done, Neck reset is complete. That was your break."
    assert value(hass, COMPLETED_TODAY) == "1"
    assert value(hass, STRENGTH_WEEK) == "1"  # it has a strength exercise


async def test_unload_stops_the_routine_cleanly(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: Spoken, freezer: FrozenDateTimeFactory
) -> None:
    """Unloading interrupts the routine: reported, kept, nothing said, nothing left running."""
    events = async_capture_events(hass, EVENT_ROUTINE)
    await call(hass, "start_routine", routine="strengthening")
    said = len(spoken)
    assert await hass.config_entries.async_unload(desk.entry_id)
    await hass.async_block_till_done()
    assert events[-1].data["type"] == "stopped"
    assert events[-1].data["reason"] == "interrupted"
    await seconds(hass, freezer, 120)
    assert len(spoken) == said
    assert len(events) == 3  # started, step, stopped: no timer left behind


async def test_restart_during_a_routine_stops_it_and_tells(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    morning: Any,
    spoken: Spoken,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Stored mid-routine (Home Assistant went down): stopped as interrupted, said once."""
    library = read_library()
    steps = plan_routine(library.routines["stretching"], library.exercises, library.timing)
    saved = dt_util.utcnow() - timedelta(minutes=3)
    hass_storage[f"{DOMAIN}.{mock_config_entry.entry_id}"] = {
        "version": 1,
        "key": f"{DOMAIN}.{mock_config_entry.entry_id}",
        "data": {
            "reminders_on": True,
            "tracker": DeskTracker(TRACKING, dt_util.get_default_time_zone(), saved).as_dict(),
            "routine": {
                "routine": "stretching",
                "steps": [step.as_dict() for step in steps],
                "speak": True,
                "strength": False,
                "index": 1,
                "step_end": (saved + timedelta(seconds=20)).isoformat(),
                "remaining": None,
            },
            "routine_history": [],
            "observed_until": saved.isoformat(),
        },
    }
    events = async_capture_events(hass, EVENT_ROUTINE)
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"desk_presence": {}}}
    )
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert value(hass, ROUTINE) == "idle"
    assert [(e.data["type"], e.data.get("reason")) for e in events] == [("stopped", "interrupted")]
    assert [message for _, message in spoken] == [
        "Stretching stopped because Home Assistant restarted."
    ]
    last = mock_config_entry.runtime_data.routines.history.as_list()[-1]
    assert (last["outcome"], last["ended"]) == ("interrupted", saved.isoformat())
    await seconds(hass, freezer, 30)
    assert len(spoken) == 1


async def test_logbook_describes_routines(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: Spoken
) -> None:
    """Routine events read as sentences with the translated routine and exercise."""
    from custom_components.desk_coach.logbook import async_describe_events  # noqa: PLC0415

    described: dict[str, Any] = {}
    async_describe_events(hass, lambda domain, event, fn: described.update({event: fn}))
    base = {"entry_id": desk.entry_id, "desk": "Office desk", "routine": "strengthening"}
    for data, message in (
        ({"type": "started"}, "started Strengthening"),
        ({"type": "step", "exercise": "chin_tucks", "step": 1}, "Strengthening: Chin tucks"),
        ({"type": "completed"}, "completed Strengthening"),
        ({"type": "stopped", "reason": "pain"}, "stopped Strengthening because it hurt"),
        ({"type": "stopped", "reason": "done"}, "stopped Strengthening"),
    ):
        event = Event(EVENT_ROUTINE, {**base, **data})
        assert described[EVENT_ROUTINE](event) == {"name": "Office desk", "message": message}
    gone = Event(EVENT_ROUTINE, {**base, "entry_id": "removed", "type": "completed"})
    assert described[EVENT_ROUTINE](gone)["message"] == "completed strengthening"


async def test_german_routine_is_spoken_in_german(
    hass: HomeAssistant,
    morning: Any,
    spoken: Spoken,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """With Home Assistant in German, the routine speaks German."""
    hass.config.language = "de"
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"desk_presence": {}}}
    )
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    steps = (await call(hass, "start_routine", routine="strengthening"))["steps"]
    at = step_starts(steps)
    await seconds(hass, freezer, at[2] + 1)
    chin = read_texts("de").exercises["chin_tucks"]
    assert spoken[0][1] == (
        "Los geht's: Kräftigungsprogramm, 3 Übungen, etwa 8 Minuten. Beweg dich langsam und "
        "bleib im schmerzfreien Bereich; hör sofort auf, wenn etwas wehtut. "
        f"{chin.name}, Satz 1 von 2: 10 langsame Wiederholungen. {' '.join(chin.cues)} "
        f"{chin.safety}"
    )
    assert spoken[1:] == [
        (at[1], "30 Sekunden Pause. Dann Satz 2."),
        (at[2], "Satz 2 von 2: 10 langsame Wiederholungen."),
    ]
    # the German words take their own time to hear
    assert steps[0]["listen"] == listen_seconds(spoken[0][1])
    assert steps[2]["listen"] == listen_seconds(spoken[2][1])
    assert attributes(hass, ROUTINE)["exercise_name"] == chin.name


async def test_unload_after_an_unnoticed_end_keeps_the_completion(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: Spoken, freezer: FrozenDateTimeFactory
) -> None:
    """A routine that ended before its timer fired is kept as completed, not interrupted."""
    events = async_capture_events(hass, EVENT_ROUTINE)
    coach = desk.runtime_data.coordinator
    await call(hass, "start_routine", routine="shoulder_rotation")
    freezer.tick(timedelta(seconds=90))  # no timer has fired yet
    assert await hass.config_entries.async_unload(desk.entry_id)
    await hass.async_block_till_done()
    assert [e.data["type"] for e in events][-1] == "completed"
    history = coach.routines.history
    assert [entry.outcome.value for entry in history.entries] == ["completed"]


async def test_a_new_week_shows_with_nobody_at_the_desk(
    hass: HomeAssistant, desk: MockConfigEntry, spoken: Spoken, freezer: FrozenDateTimeFactory
) -> None:
    """Days go by away from the desk: the week's sessions still start again on Monday.

    Coaching round the clock, every day: no active-hours boundary wakes the desk.
    """
    every_hour = {CONF_ACTIVE_FROM: "00:00:00", CONF_ACTIVE_UNTIL: "00:00:00"}
    every_day = {CONF_ACTIVE_DAYS: list(WEEKDAYS)}
    hass.config_entries.async_update_entry(
        desk, options={**desk.options, **every_hour, **every_day}
    )
    await hass.async_block_till_done()
    response = await call(hass, "start_routine", routine="strengthening")
    await seconds(hass, freezer, response["seconds"])
    assert value(hass, STRENGTH_WEEK) == "1"
    await pass_time(hass, freezer, timedelta(days=2))  # Thursday: a quiet day, like Friday
    assert value(hass, NEXT_STRENGTH) == "2026-03-12"
    await pass_time(hass, freezer, timedelta(days=1))  # Friday: Thursday was missed
    assert value(hass, NEXT_STRENGTH) == "2026-03-13"
    await pass_time(hass, freezer, timedelta(days=3))  # Monday
    assert value(hass, STRENGTH_WEEK) == "0"
    assert value(hass, NEXT_STRENGTH) == "2026-03-16"


@pytest.mark.parametrize("language", ["en", "de"])
async def test_every_exercise_says_its_safety_line_first(
    hass: HomeAssistant,
    morning: Any,
    spoken: Spoken,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    language: str,
) -> None:
    """Each exercise's first message ends with its felt line (stretches) and safety line.

    One routine of every exercise in the library, two sets each where it has sets: the
    first set's message, at its second, ends with the safety line; later sets and sides
    do not repeat it.
    """
    hass.config.language = language
    library = read_library()
    every = {
        "id": "everything",
        "name": "Everything",
        "items": [{"exercise": exercise} for exercise in library.exercises],
    }
    mock_config_entry.add_to_hass(hass)
    options = {**mock_config_entry.options, CONF_ROUTINES: [every]}
    hass.config_entries.async_update_entry(mock_config_entry, options=options)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    steps = (await call(hass, "start_routine", routine="everything"))["steps"]
    at = step_starts(steps)
    await seconds(hass, freezer, at[-1] + 2)
    texts = read_texts(language).exercises
    said_at = dict(spoken)
    for step, start in zip(steps, at, strict=False):
        if step["kind"] != "work":
            continue
        text = texts[step["exercise"]]
        ending = " ".join(filter(None, [text.felt, text.safety]))
        message = said_at[start]
        assert message.endswith(ending) is step["first"], (step, message)
        assert (text.safety in message) is step["first"], (step, message)
    assert len([s for s in steps if s["first"]]) == len(library.exercises)
    stretches = [e for e in library.exercises.values() if e.kind.value == "stretch"]
    assert stretches
    assert all(texts[e.id].felt for e in stretches)


async def test_every_step_renders_without_a_template_warning(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    spoken: Spoken,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Every variable a step's words use is given (``slower`` too, when it is 0)."""
    response = await call(hass, "start_routine", routine="strengthening")
    await seconds(hass, freezer, 90)
    assert response["steps"][0]["reps"] == 10
    assert spoken
    assert not [r for r in caplog.records if "Template variable" in r.getMessage()]
