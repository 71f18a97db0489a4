"""Voice: every sentence through Assist's default agent, with its effect and its answer."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import (
    area_registry as ar,
    device_registry as dr,
    entity_registry as er,
    intent,
    llm,
)
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.const import CONF_PRESENCE_ENTITY, CONF_VOICE_SENTENCES, DOMAIN
from custom_components.desk_coach.intent import INTENTS, async_setup_intents
from tests.conftest import PRESENCE
from tests.helpers import pass_time, say, set_presence, sit, value

ROUTINE = "sensor.office_desk_routine"
TAKEN = "sensor.office_desk_breaks_taken_today"
SKIPPED = "sensor.office_desk_breaks_skipped_today"
NEXT_BREAK = "sensor.office_desk_next_break"
STATUS = "sensor.office_desk_break_status"


@pytest.fixture
def desk_options() -> dict[str, Any]:
    """Voice commands on."""
    return {CONF_VOICE_SENTENCES: True}


@pytest.fixture
async def assist(hass: HomeAssistant) -> None:
    """Assist's default agent, and a quiet speaker service for the routines' words."""
    for component in ("homeassistant", "conversation", "intent"):
        assert await async_setup_component(hass, component, {})
    hass.services.async_register("tts", "speak", lambda call: None)


@pytest.fixture
async def desk(
    hass: HomeAssistant, assist: None, init_integration: MockConfigEntry
) -> MockConfigEntry:
    """The office desk, its sentences installed."""
    await hass.async_block_till_done()
    return init_integration


async def test_sentences_are_installed_for_both_languages(
    hass: HomeAssistant, desk: MockConfigEntry
) -> None:
    """The desk's voice option put the shipped sentences into the config folder."""
    shipped = Path(__file__).parents[2] / "custom_components" / DOMAIN / "sentences"
    for language in ("en", "de"):
        installed = Path(hass.config.path("custom_sentences", language, f"{DOMAIN}.yaml"))
        assert installed.read_bytes() == (shipped / language / f"{DOMAIN}.yaml").read_bytes()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("How long have I been sitting?", "en"),
        ("Wie lange sitze ich schon?", "de"),
    ],
)
async def test_sitting_time(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    text: str,
    language: str,
) -> None:
    """This stretch and today, in hours and minutes."""
    await sit(hass, freezer, 30)
    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(minutes=5))  # a break: a new stretch after
    await sit(hass, freezer, 47)
    answer = await say(hass, text, language)
    expected = {
        "en": "You've been sitting for 47 minutes, 1 hour 17 today.",
        "de": "Du sitzt seit 47 Minuten, heute insgesamt 1 Stunde 17.",
    }
    assert answer == expected[language]


async def test_sitting_time_while_away(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """Away: today's total, and that nobody sits now."""
    await sit(hass, freezer, 10)
    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(minutes=5))
    answer = await say(hass, "how long have I been sitting today")
    assert answer == "You're not sitting at Office desk right now; 10 minutes today."


@pytest.mark.parametrize(
    ("minutes", "en", "de"),
    [
        (18, "In 12 minutes.", "In 12 Minuten."),
        (29.6, "In less than a minute.", "In weniger als einer Minute."),
        (29.4, "In 1 minute.", "In 1 Minute."),  # 36 s: to the nearest minute
        (31, "Your break is due now.", "Deine Pause ist jetzt fällig."),
    ],
)
async def test_next_break(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    minutes: float,
    en: str,
    de: str,
) -> None:
    """Counted from the timestamp: minutes left, or due."""
    await sit(hass, freezer, minutes)
    assert await say(hass, "When is my next break?") == en
    assert await say(hass, "Wann ist meine nächste Pause?", "de") == de


async def test_next_break_while_away(hass: HomeAssistant, desk: MockConfigEntry) -> None:
    """Nobody at the desk: nothing counts down."""
    await set_presence(hass, PRESENCE, False)
    answer = await say(hass, "how long until my next break")
    assert answer == "Nobody is sitting at Office desk, so no break is counting down."


@pytest.mark.parametrize(
    ("text", "language", "routine", "answer"),
    [
        (
            "Start my stretching routine",
            "en",
            "stretching",
            "Starting Stretching, about 5 minutes.",
        ),
        ("Start strengthening", "en", "strengthening", "Starting Strengthening, about 8 minutes."),
        (
            "Start shoulder rolls",
            "en",
            "shoulder_rotation",
            "Starting Shoulder rolls, about 1 minute.",
        ),
        ("Starte mein Dehnprogramm", "de", "stretching", "Dehnprogramm startet, etwa 5 Minuten."),
        (
            "Starte das Kräftigungsprogramm",
            "de",
            "strengthening",
            "Kräftigungsprogramm startet, etwa 8 Minuten.",
        ),
        (
            "Mach Schulterkreisen",
            "de",
            "shoulder_rotation",
            "Schulterkreisen startet, etwa 1 Minute.",
        ),
    ],
)
async def test_start_routine(
    hass: HomeAssistant, desk: MockConfigEntry, text: str, language: str, routine: str, answer: str
) -> None:
    """Each built-in routine by its spoken name."""
    if language == "de":
        hass.config.language = "de"  # the routine's own words follow Home Assistant's language
    assert await say(hass, text, language) == answer
    assert value(hass, ROUTINE) == "running"
    assert hass.states.get(ROUTINE).attributes["routine"] == routine


@pytest.mark.parametrize(
    ("text", "language", "answer", "moved"),
    [
        ("Snooze my break for 10 minutes", "en", "Break snoozed for 10 minutes, to {at}.", 10),
        ("snooze the break", "en", "Break snoozed for 5 minutes, to {at}.", 5),
        (
            "Verschiebe meine Pause um 10 Minuten",
            "de",
            "Pause um 10 Minuten verschoben, auf {at} Uhr.",
            10,
        ),
    ],
)
async def test_snooze(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    text: str,
    language: str,
    answer: str,
    moved: int,
) -> None:
    """While due, the next break moves to that many minutes from now, said with its time."""
    await sit(hass, freezer, 31)
    assert value(hass, STATUS) == "due"
    said = await say(hass, text, language)
    assert value(hass, STATUS) == "snoozed"
    due = dt_util.parse_datetime(value(hass, NEXT_BREAK))
    assert due is not None
    assert round((due - dt_util.utcnow()).total_seconds() / 60) == moved
    assert said == answer.format(at=dt_util.as_local(due).strftime("%H:%M"))


@pytest.mark.parametrize(
    ("text", "language", "answer"),
    [
        (
            "Snooze my break for 10 minutes",
            "en",
            "Postponed your next break by 10 minutes, to {at}.",
        ),
        (
            "Verschiebe meine Pause um 10 Minuten",
            "de",
            "Deine nächste Pause ist um 10 Minuten verschoben, auf {at} Uhr.",
        ),
    ],
)
async def test_snooze_before_due_postpones_never_brings_closer(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    text: str,
    language: str,
    answer: str,
) -> None:
    """One minute in, "snooze 10" moves the break from 29 to 39 minutes away, not to 10."""
    await sit(hass, freezer, 1)
    before = dt_util.parse_datetime(value(hass, NEXT_BREAK))
    assert before is not None
    said = await say(hass, text, language)
    after = dt_util.parse_datetime(value(hass, NEXT_BREAK))
    assert after == before + timedelta(minutes=10)
    assert value(hass, STATUS) == "snoozed"
    assert said == answer.format(at=dt_util.as_local(after).strftime("%H:%M"))
    await pass_time(hass, freezer, after - dt_util.utcnow() - timedelta(seconds=1))
    assert value(hass, STATUS) == "snoozed"
    await pass_time(hass, freezer, timedelta(seconds=1))
    assert value(hass, STATUS) == "due"
    assert value(hass, NEXT_BREAK) == after.isoformat()  # shows when it fell due


@pytest.mark.parametrize(
    ("text", "language", "answer"),
    [
        ("Skip this break", "en", "Break skipped."),
        ("Überspring die Pause", "de", "Pause übersprungen."),
    ],
)
async def test_skip_break(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    text: str,
    language: str,
    answer: str,
) -> None:
    """The due break is skipped and counted as such."""
    await sit(hass, freezer, 31)
    assert await say(hass, text, language) == answer
    assert value(hass, SKIPPED) == "1"


@pytest.mark.parametrize(
    ("text", "language", "answer"),
    [
        ("I'm taking a break", "en", "Break noted. Well done."),
        ("Break done", "en", "Break noted. Well done."),
        ("Ich mache eine Pause", "de", "Pause notiert. Gut gemacht."),
        ("Pause erledigt", "de", "Pause notiert. Gut gemacht."),
    ],
)
async def test_break_done(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    text: str,
    language: str,
    answer: str,
) -> None:
    """Telling the coach the break is done counts it."""
    await sit(hass, freezer, 31)
    assert await say(hass, text, language) == answer
    assert value(hass, TAKEN) == "1"


ROUTINE_COMMANDS = [
    # (sentence, language, answer, routine state after, stop reason recorded)
    ("Pause the routine", "en", "Stretching paused.", "paused"),
    ("Pausiere die Übungen", "de", "Dehnprogramm angehalten.", "paused"),
    ("Next exercise", "en", "Next exercise.", "running"),
    ("Nächste Übung", "de", "Nächste Übung.", "running"),
    ("Stop the routine", "en", "Stretching stopped.", "idle"),
    ("Beende die Routine", "de", "Dehnprogramm beendet.", "idle"),
    (
        "Stop, that hurts",
        "en",
        "Stopped. Rest now and don't push through pain. If it persists, see a physiotherapist.",
        "idle",
    ),
    (
        "Stopp, das tut weh",
        "de",
        "Abgebrochen. Ruh dich jetzt aus und arbeite nicht gegen den Schmerz. "
        "Wenn er bleibt, geh zur Physiotherapie.",
        "idle",
    ),
]


@pytest.mark.parametrize(("text", "language", "answer", "state"), ROUTINE_COMMANDS)
async def test_routine_commands(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    text: str,
    language: str,
    answer: str,
    state: str,
) -> None:
    """Pause, next, stop and stop for pain, each naming the routine."""
    if language == "de":
        hass.config.language = "de"
    await hass.services.async_call(
        DOMAIN, "start_routine", {"routine": "stretching"}, blocking=True
    )
    step = hass.states.get(ROUTINE).attributes["step_index"]
    assert await say(hass, text, language) == answer
    assert value(hass, ROUTINE) == state
    if text in ("Next exercise", "Nächste Übung"):
        assert hass.states.get(ROUTINE).attributes["step_index"] == step + 1


async def test_pain_stop_is_recorded_as_pain(hass: HomeAssistant, desk: MockConfigEntry) -> None:
    """ "That hurts" stops with reason pain (kept in the history), "stop" with done."""
    events = []
    hass.bus.async_listen("desk_coach_routine", events.append)
    await hass.services.async_call(
        DOMAIN, "start_routine", {"routine": "stretching"}, blocking=True
    )
    await say(hass, "that hurts")
    await hass.services.async_call(
        DOMAIN, "start_routine", {"routine": "stretching"}, blocking=True
    )
    await say(hass, "stop my exercises")
    stops = [e.data["reason"] for e in events if e.data["type"] == "stopped"]
    assert stops == ["pain", "done"]


@pytest.mark.parametrize(
    ("text", "language", "answer"),
    [
        ("Resume the routine", "en", "Going on with Stretching."),
        ("Setze die Übungen fort", "de", "Weiter mit Dehnprogramm."),
    ],
)
async def test_resume(
    hass: HomeAssistant, desk: MockConfigEntry, text: str, language: str, answer: str
) -> None:
    """A paused routine goes on."""
    if language == "de":
        hass.config.language = "de"
    await hass.services.async_call(
        DOMAIN, "start_routine", {"routine": "stretching"}, blocking=True
    )
    await hass.services.async_call(DOMAIN, "pause_routine", {}, blocking=True)
    assert await say(hass, text, language) == answer
    assert value(hass, ROUTINE) == "running"


@pytest.mark.parametrize(
    ("text", "language", "answer"),
    [
        ("Pause the routine", "en", "No routine is running at Office desk."),
        ("Stop, that hurts", "en", "No routine is running at Office desk."),
        ("Snooze my break", "en", "Nobody is sitting at Office desk."),
        ("Skip this break", "en", "No break is due at Office desk."),
        ("Resume the routine", "en", "No routine is paused at Office desk."),
        (
            "Start my yoga routine",
            "en",
            'There is no routine "yoga". Choose one of: Shoulder rolls, Stretching, Strengthening, 2-minute strength.',
        ),
        ("Snooze my break for 200 minutes", "en", "Sorry, I couldn't understand that"),
        ("Pausiere die Routine", "de", "An Office desk läuft keine Routine."),
    ],
)
async def test_refusals_are_spoken(
    hass: HomeAssistant, desk: MockConfigEntry, text: str, language: str, answer: str
) -> None:
    """What can't be done is said, in the asker's language; nothing changes."""
    result = await conversation.async_converse(hass, text, None, Context(), language=language)
    assert result.response.speech["plain"]["speech"] == answer
    assert value(hass, ROUTINE) == "idle"
    assert value(hass, TAKEN) == "0"


@pytest.mark.parametrize("text", ["pause", "next", "stop", "resume", "skip"])
async def test_bare_media_words_are_not_ours(
    hass: HomeAssistant, desk: MockConfigEntry, text: str
) -> None:
    """A running routine ignores the bare words media players use."""
    await hass.services.async_call(
        DOMAIN, "start_routine", {"routine": "stretching"}, blocking=True
    )
    step = hass.states.get(ROUTINE).attributes["step_index"]
    result = await conversation.async_converse(hass, text, None, Context(), language="en")
    intent_type = result.response.intent.intent_type if result.response.intent else None
    assert not (intent_type or "").startswith("DeskCoordinator")
    assert value(hass, ROUTINE) == "running"
    assert hass.states.get(ROUTINE).attributes["step_index"] == step


# ---- several desks ------------------------------------------------------------------------


@pytest.fixture
async def two_desks(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> MockConfigEntry:
    """A second desk, "Home desk", in the study; the office desk in the office."""
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"home_presence": {}}}
    )
    areas = ar.async_get(hass)
    office = areas.async_create("Office")
    study = areas.async_create("Study")
    devices = dr.async_get(hass)
    office_desk = devices.async_get_device(identifiers={(DOMAIN, desk.entry_id)})
    assert office_desk is not None
    devices.async_update_device(office_desk.id, area_id=office.id)
    home = MockConfigEntry(
        domain=DOMAIN,
        title="Home desk",
        data={CONF_PRESENCE_ENTITY: "input_boolean.home_presence"},
        options={},
    )
    home.add_to_hass(hass)
    assert await hass.config_entries.async_setup(home.entry_id)
    await hass.async_block_till_done()
    home_device = devices.async_get_device(identifiers={(DOMAIN, home.entry_id)})
    assert home_device is not None
    devices.async_update_device(home_device.id, area_id=study.id)
    await sit(hass, freezer, 20)  # at the office desk
    return home


def _satellite_in(hass: HomeAssistant, area_name: str) -> str:
    """A device in that area that hears commands (a voice satellite's device)."""
    area = ar.async_get(hass).async_get_area_by_name(area_name)
    assert area is not None
    source = MockConfigEntry(domain="test")
    source.add_to_hass(hass)
    device = dr.async_get(hass).async_get_or_create(
        config_entry_id=source.entry_id, identifiers={("test", area_name)}
    )
    dr.async_get(hass).async_update_device(device.id, area_id=area.id)
    return device.id


async def test_the_desk_named_in_the_sentence(
    hass: HomeAssistant, two_desks: MockConfigEntry
) -> None:
    """By its name or its area's, in either language."""
    assert (
        await say(hass, "how long have I been sitting at the office desk")
        == "You've been sitting for 20 minutes today, in one stretch."
    )
    assert (
        await say(hass, "how long have I been sitting at the home desk")
        == "You're not sitting at Home desk right now; 0 minutes today."
    )
    assert (
        await say(hass, "when is my next break in the study")
        == "Nobody is sitting at Home desk, so no break is counting down."
    )
    assert await say(hass, "Wann ist meine nächste Pause im Office", "de") == "In 10 Minuten."


async def test_the_desk_in_the_area_of_the_device_that_heard(
    hass: HomeAssistant, two_desks: MockConfigEntry
) -> None:
    """No name: the desk in the same area as the satellite."""
    office = _satellite_in(hass, "Office")
    study = _satellite_in(hass, "Study")
    assert await say(hass, "When is my next break?", device_id=office) == "In 10 minutes."
    assert (
        await say(hass, "When is my next break?", device_id=study)
        == "Nobody is sitting at Home desk, so no break is counting down."
    )


async def test_no_desk_to_be_found_is_said(hass: HomeAssistant, two_desks: MockConfigEntry) -> None:
    """No name, no area: which desk? An unknown name: the desks there are."""
    assert (
        await say(hass, "When is my next break?")
        == "Which desk do you mean? Say its name: Home desk, Office desk."
    )
    assert (
        await say(hass, "when is my next break at the garage bench")
        == "There is no desk called garage bench. The desks are: Home desk, Office desk."
    )
    assert (
        await say(hass, "Wann ist meine nächste Pause?", "de")
        == "Welchen Schreibtisch meinst du? Sag seinen Namen: Home desk, Office desk."
    )


# ---- the intents themselves, and LLM assistants ---------------------------------------------


async def test_llm_assistants_get_every_intent_as_a_described_tool(
    hass: HomeAssistant, desk: MockConfigEntry
) -> None:
    """Home Assistant's Assist API offers each intent with its description and slots."""
    api = await llm.async_get_api(
        hass,
        "assist",
        llm.LLMContext(
            platform="test",
            context=Context(),
            language="en",
            assistant="conversation",
            device_id=None,
        ),
    )
    tools = {tool.name: tool for tool in api.tools}
    for handler in INTENTS:
        tool = tools[handler.intent_type]
        assert tool.description == handler.description
        assert len(tool.description) > 30
    assert "routine" in tools["DeskCoachStartRoutine"].parameters.schema
    assert "minutes" in tools["DeskCoachSnoozeBreak"].parameters.schema


async def test_an_llm_tool_call_acts(hass: HomeAssistant, desk: MockConfigEntry) -> None:
    """Called as a tool (no sentence at all), the intent does the same."""
    response = await intent.async_handle(
        hass,
        "test",
        "DeskCoachStartRoutine",
        {"routine": {"value": "strengthening"}},
        language="en",
    )
    assert response.speech["plain"]["speech"] == "Starting Strengthening, about 8 minutes."
    assert value(hass, ROUTINE) == "running"
    refused = await intent.async_handle(
        hass, "test", "DeskCoachStartRoutine", {"routine": {"value": "stretching"}}, language="en"
    )
    assert refused.response_type is intent.IntentResponseType.ERROR
    assert (
        refused.speech["plain"]["speech"]
        == "Office desk is already running Strengthening; stop it first."
    )


async def test_without_a_desk_the_intent_says_so(hass: HomeAssistant, assist: None) -> None:
    """Intents registered, no desk set up: a spoken answer, not a traceback."""
    await async_setup_intents(hass)
    response = await intent.async_handle(hass, "test", "DeskCoachNextBreak", {}, language="en")
    assert response.speech["plain"]["speech"] == "No desk is set up."


@pytest.mark.parametrize(
    ("text", "language"),
    [("Start my neck reset routine", "en"), ("Starte die Routine Neck reset", "de")],
)
async def test_start_a_custom_routine_by_its_name(
    hass: HomeAssistant, desk: MockConfigEntry, text: str, language: str
) -> None:
    """The user's own routine, by the name they gave it."""
    custom = {
        "id": "neck_reset",
        "name": "Neck reset",
        "items": [{"exercise": "chin_tucks", "sets": 1, "reps": 5, "hold": None}],
    }
    hass.config_entries.async_update_entry(desk, options={**desk.options, "routines": [custom]})
    await hass.async_block_till_done()
    answer = await say(hass, text, language)
    assert answer.startswith("Starting Neck reset" if language == "en" else "Neck reset startet")
    assert hass.states.get(ROUTINE).attributes["routine"] == "neck_reset"


async def test_a_tool_call_out_of_range_is_refused_in_words(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """An assistant asking for a 200-minute snooze hears the allowed range; nothing moves."""
    await sit(hass, freezer, 31)
    response = await intent.async_handle(
        hass, "test", "DeskCoachSnoozeBreak", {"minutes": {"value": 200}}, language="en"
    )
    assert response.response_type is intent.IntentResponseType.ERROR
    assert (
        response.speech["plain"]["speech"]
        == "Snooze 200 minutes? Choose whole minutes from 1 to 120."
    )
    assert value(hass, STATUS) == "due"


@pytest.mark.parametrize(
    ("minutes", "language", "answer"),
    [
        (True, "en", "Snooze true minutes? Choose whole minutes from 1 to 120."),
        (1.9, "en", "Snooze 1.9 minutes? Choose whole minutes from 1 to 120."),
        (float("inf"), "en", "Snooze inf minutes? Choose whole minutes from 1 to 120."),
        ("nan", "de", "nan Minuten verschieben? Wähle ganze Minuten von 1 bis 120."),
    ],
)
async def test_a_tool_call_with_no_whole_minutes_is_refused_in_words(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    minutes: Any,
    language: str,
    answer: str,
) -> None:
    """A boolean, a fraction, infinity or NaN in the minutes slot: the range in words, the
    break still due (``true`` snoozed 1 minute, 1.9 snoozed 1, infinity raised)."""
    await sit(hass, freezer, 31)
    response = await intent.async_handle(
        hass, "test", "DeskCoachSnoozeBreak", {"minutes": {"value": minutes}}, language=language
    )
    assert response.response_type is intent.IntentResponseType.ERROR
    assert response.speech["plain"]["speech"] == answer
    assert value(hass, STATUS) == "due"


async def test_the_desk_in_the_area_of_the_satellite(
    hass: HomeAssistant, two_desks: MockConfigEntry
) -> None:
    """A satellite's own area, or else its device's, picks the desk."""
    entities = er.async_get(hass)
    study = ar.async_get(hass).async_get_area_by_name("Study")
    assert study is not None
    in_study = entities.async_get_or_create("assist_satellite", "test", "study_satellite")
    entities.async_update_entity(in_study.entity_id, area_id=study.id)
    office_device = _satellite_in(hass, "Office")
    on_device = entities.async_get_or_create(
        "assist_satellite", "test", "office_satellite", device_id=office_device
    )
    for satellite, expected in (
        (in_study.entity_id, "Nobody is sitting at Home desk, so no break is counting down."),
        (on_device.entity_id, "In 10 minutes."),
    ):
        response = await intent.async_handle(
            hass, "test", "DeskCoachNextBreak", {}, language="en", satellite_id=satellite
        )
        assert response.speech["plain"]["speech"] == expected


async def test_a_desk_named_with_an_article_and_a_language_without_texts(
    hass: HomeAssistant, two_desks: MockConfigEntry
) -> None:
    """An assistant's "the home desk" finds it; French answers fall back to English."""
    response = await intent.async_handle(
        hass, "test", "DeskCoachSittingTime", {"desk": {"value": "the Home Desk"}}, language="fr"
    )
    assert response.speech["plain"]["speech"] == (
        "You're not sitting at Home desk right now; 0 minutes today."
    )
    refused = await intent.async_handle(
        hass, "test", "DeskCoachSittingTime", {"desk": {"value": "le bureau"}}, language="fr"
    )
    assert refused.speech["plain"]["speech"] == (
        "There is no desk called le bureau. The desks are: Home desk, Office desk."
    )
