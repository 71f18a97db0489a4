"""The options dialog: a menu of pages, saved at once with Save and close, errors in words."""

from __future__ import annotations

from datetime import timedelta
import re
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResult, FlowResultType, InvalidData
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.const import (
    CONF_ADAPT_INTERVAL,
    CONF_AWAY_RESET,
    CONF_BREAK_DURATION,
    CONF_BREAK_INTERVAL,
    CONF_DAILY_SITTING_LIMIT,
    CONF_ESCALATION_COUNT,
    CONF_ESCALATION_DELAY,
    CONF_PRESENCE_DEBOUNCE,
    CONF_SNOOZE_MINUTES,
    CONF_STREAK_TARGET,
)
from custom_components.desk_coach.options import DeskOptions
from custom_components.desk_coach.options_pages import NUMBER_FIELDS
from custom_components.desk_coach.options_programme import SPACING
from custom_components.desk_coach.options_proof import PROOF_FIELDS
from custom_components.desk_coach.options_routines import ROUTINE_FIELDS
from tests.conftest import PRESENCE
from tests.helpers import (
    TRANSLATIONS,
    open_options_page,
    pass_time,
    save_and_close,
    set_presence,
    suggested_value,
    value,
)

SITTING_TIME = "sensor.office_desk_sitting_time"
NEXT_BREAK = "sensor.office_desk_next_break"
NUMBER = "number.office_desk_break_interval"
PAGES = [
    "coaching",
    "proof",
    "announcements",
    "quiet",
    "standing_desk",
    "routines",
    "programme",
    "summary",
    "voice",
]
DEFAULTS = {
    CONF_BREAK_INTERVAL: 30,
    CONF_BREAK_DURATION: 30,
    CONF_AWAY_RESET: 2,
    CONF_PRESENCE_DEBOUNCE: 30,
    CONF_ESCALATION_DELAY: 5,
    CONF_ESCALATION_COUNT: 2,
    CONF_SNOOZE_MINUTES: 5,
    CONF_DAILY_SITTING_LIMIT: 8,
    CONF_STREAK_TARGET: 80,
    CONF_ADAPT_INTERVAL: False,
}


async def configure(hass: HomeAssistant, result: FlowResult, data: dict[str, Any]) -> FlowResult:
    """Answer what ``result`` shows."""
    return await hass.config_entries.options.async_configure(result["flow_id"], data)


def shown_errors(result: FlowResult) -> dict[str, dict[str, str]]:
    """The form's errors as the user reads them, by language and field."""
    placeholders = result["description_placeholders"] or {}
    return {
        language: {
            field: texts["options"]["error"][error].format(**placeholders)
            for field, error in result["errors"].items()
        }
        for language, texts in TRANSLATIONS.items()
    }


# ---- one dialog: the menu comes back, Save and close keeps, closing discards ------------


async def test_the_menu_names_the_desk_and_offers_save_and_close(
    hass: HomeAssistant, desk_entry: MockConfigEntry
) -> None:
    result = await hass.config_entries.options.async_init(desk_entry.entry_id)
    assert result["type"] is FlowResultType.MENU
    assert result["step_id"] == "init"
    assert result["menu_options"] == [*PAGES, "done"]
    assert result["description_placeholders"] == {"desk": "Office desk"}
    for language, texts in TRANSLATIONS.items():
        menu = texts["options"]["step"]["init"]
        # Home Assistant's frontend fills no placeholders into a menu's title (seen in
        # Chromium: "MISSING_VALUE ... desk"); the menu names the desk in its description
        assert "{" not in menu["title"], language
        assert menu["description"].startswith("**{desk}**"), language
        assert set(menu["menu_options"]) == {*PAGES, "done"}, language
        for page in PAGES:
            assert "{desk}" in texts["options"]["step"][page]["title"], (language, page)
    assert TRANSLATIONS["en"]["options"]["step"]["init"]["menu_options"]["done"] == (
        "Save and close"
    )
    result = await configure(hass, result, {"next_step_id": "coaching"})
    assert result["description_placeholders"] == {"desk": "Office desk"}


async def test_pages_return_to_the_menu_and_nothing_is_saved_before_save_and_close(
    hass: HomeAssistant, desk_entry: MockConfigEntry
) -> None:
    result = await open_options_page(hass, desk_entry.entry_id, "coaching")
    result = await configure(hass, result, {**DEFAULTS, CONF_BREAK_INTERVAL: 45})
    assert result["type"] is FlowResultType.MENU
    assert result["step_id"] == "init"
    result = await configure(hass, result, {"next_step_id": "voice"})
    result = await configure(hass, result, {"voice_sentences": False})
    assert result["type"] is FlowResultType.MENU
    # the page opened again shows what was changed in this dialog
    result = await configure(hass, result, {"next_step_id": "coaching"})
    assert suggested_value(result, CONF_BREAK_INTERVAL) == 45
    result = await configure(hass, result, {**DEFAULTS, CONF_BREAK_INTERVAL: 50})
    await hass.async_block_till_done()
    assert desk_entry.options == {}  # nothing saved yet

    result = await save_and_close(hass, result)
    assert desk_entry.options == {
        **DEFAULTS,
        CONF_BREAK_INTERVAL: 50,
        "voice_sentences": False,
    }


async def test_closing_the_dialog_discards_its_changes(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    hass.config_entries.async_update_entry(init_integration, options={CONF_BREAK_INTERVAL: 40})
    await hass.async_block_till_done()
    result = await open_options_page(hass, init_integration.entry_id, "coaching")
    result = await configure(hass, result, {**DEFAULTS, CONF_BREAK_INTERVAL: 20})
    assert result["type"] is FlowResultType.MENU
    hass.config_entries.options.async_abort(result["flow_id"])  # the dialog's ✕
    await hass.async_block_till_done()
    assert init_integration.options == {CONF_BREAK_INTERVAL: 40}
    assert value(hass, NUMBER) == "40.0"


async def test_a_change_made_elsewhere_while_the_dialog_is_open_stays(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    result = await open_options_page(hass, init_integration.entry_id, "voice")
    await hass.services.async_call(
        "number", "set_value", {"entity_id": NUMBER, "value": 25}, blocking=True
    )
    result = await configure(hass, result, {"voice_sentences": False})
    await save_and_close(hass, result)
    assert init_integration.options == {CONF_BREAK_INTERVAL: 25, "voice_sentences": False}


async def test_save_and_close_applies_the_options_live(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    sat_down = dt_util.utcnow()
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert dt_util.parse_datetime(value(hass, NEXT_BREAK)) == sat_down + timedelta(minutes=30)
    coach = init_integration.runtime_data.coordinator

    result = await open_options_page(hass, init_integration.entry_id, "coaching")
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "coaching"
    assert result["errors"] is None
    assert result["data_schema"]({}) == DEFAULTS
    result = await configure(
        hass,
        result,
        {
            CONF_BREAK_INTERVAL: 45.0,
            CONF_BREAK_DURATION: 60.0,
            CONF_AWAY_RESET: 5.0,
            CONF_PRESENCE_DEBOUNCE: 20.0,
        },
    )
    result = await save_and_close(hass, result)
    expected = {
        **DEFAULTS,
        CONF_BREAK_INTERVAL: 45,
        CONF_BREAK_DURATION: 60,
        CONF_AWAY_RESET: 5,
        CONF_PRESENCE_DEBOUNCE: 20,
    }
    assert result["data"] == expected
    assert init_integration.options == expected
    numbers = {k: v for k, v in init_integration.options.items() if k != CONF_ADAPT_INTERVAL}
    assert all(type(option) is int for option in numbers.values())  # whole numbers saved whole

    assert init_integration.runtime_data.coordinator is coach  # not reloaded
    assert value(hass, SITTING_TIME) == "10"
    assert dt_util.parse_datetime(value(hass, NEXT_BREAK)) == sat_down + timedelta(minutes=45)


@pytest.mark.parametrize(
    "desk_options",
    [{CONF_BREAK_INTERVAL: 50, CONF_BREAK_DURATION: 90, CONF_AWAY_RESET: 10, "other": "kept"}],
)
async def test_pages_show_what_was_saved(hass: HomeAssistant, desk_entry: MockConfigEntry) -> None:
    result = await open_options_page(hass, desk_entry.entry_id, "coaching")
    shown = {key: suggested_value(result, key) for key in DEFAULTS}
    assert shown == {
        **DEFAULTS,
        CONF_BREAK_INTERVAL: 50,
        CONF_BREAK_DURATION: 90,
        CONF_AWAY_RESET: 10,
    }
    result = await configure(hass, result, {**shown, CONF_PRESENCE_DEBOUNCE: 0})
    await save_and_close(hass, result)
    assert desk_entry.options == {**shown, CONF_PRESENCE_DEBOUNCE: 0, "other": "kept"}


# ---- errors in words, under their fields ------------------------------------------------


async def test_the_break_interval_can_be_one_minute(
    hass: HomeAssistant, desk_entry: MockConfigEntry
) -> None:
    result = await open_options_page(hass, desk_entry.entry_id, "coaching")
    field = next(marker for marker in result["data_schema"].schema if marker == "break_interval")
    assert result["data_schema"].schema[field].config["min"] == 1
    result = await configure(hass, result, {**DEFAULTS, CONF_BREAK_INTERVAL: 1})
    await save_and_close(hass, result)
    assert desk_entry.options[CONF_BREAK_INTERVAL] == 1


@pytest.mark.parametrize(
    ("field", "typed", "english", "german"),
    [
        (
            CONF_BREAK_INTERVAL,
            0,
            "Break every: choose whole minutes from 1 to 240.",
            "Pause alle: wähle ganze Minuten von 1 bis 240.",
        ),
        (
            CONF_BREAK_INTERVAL,
            30.5,  # once saved as 30 without a word
            "Break every: choose whole minutes from 1 to 240.",
            "Pause alle: wähle ganze Minuten von 1 bis 240.",
        ),
        (
            CONF_BREAK_INTERVAL,
            241,
            "Break every: choose whole minutes from 1 to 240.",
            "Pause alle: wähle ganze Minuten von 1 bis 240.",
        ),
        (
            CONF_BREAK_DURATION,
            5,
            "Break length: choose whole seconds from 10 to 900.",
            "Pausenlänge: wähle ganze Sekunden von 10 bis 900.",
        ),
        (
            CONF_ESCALATION_COUNT,
            2.5,
            "Reminders before missed: choose a whole number from 0 to 10.",
            "Erinnerungen bis verpasst: wähle eine ganze Zahl von 0 bis 10.",
        ),
        (
            CONF_DAILY_SITTING_LIMIT,
            16.5,
            "Daily sitting limit: choose 0 to 16 hours (0: no limit).",
            "Tageslimit fürs Sitzen: wähle 0 bis 16 Stunden (0: kein Limit).",
        ),
    ],
)
async def test_a_number_out_of_range_or_not_whole_is_refused_in_words(
    hass: HomeAssistant,
    desk_entry: MockConfigEntry,
    field: str,
    typed: float,
    english: str,
    german: str,
) -> None:
    result = await open_options_page(hass, desk_entry.entry_id, "coaching")
    result = await configure(hass, result, {**DEFAULTS, field: typed})
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "coaching"
    assert result["errors"] == {field: f"{field}_range"}
    assert shown_errors(result) == {"en": {field: english}, "de": {field: german}}
    assert suggested_value(result, field) == typed  # what was typed stays in the box
    assert result["description_placeholders"]["desk"] == "Office desk"

    result = await configure(hass, result, DEFAULTS)
    await save_and_close(hass, result)
    assert desk_entry.options == DEFAULTS


async def test_half_an_hour_of_daily_limit_is_kept(
    hass: HomeAssistant, desk_entry: MockConfigEntry
) -> None:
    result = await open_options_page(hass, desk_entry.entry_id, "coaching")
    result = await configure(hass, result, {**DEFAULTS, CONF_DAILY_SITTING_LIMIT: 7.5})
    await save_and_close(hass, result)
    assert desk_entry.options[CONF_DAILY_SITTING_LIMIT] == 7.5


async def test_every_wrong_field_gets_its_own_error_and_range(
    hass: HomeAssistant, desk_entry: MockConfigEntry
) -> None:
    result = await open_options_page(hass, desk_entry.entry_id, "coaching")
    result = await configure(
        hass,
        result,
        {**DEFAULTS, CONF_BREAK_INTERVAL: 0, CONF_SNOOZE_MINUTES: 121, CONF_STREAK_TARGET: 101},
    )
    assert shown_errors(result)["en"] == {
        CONF_BREAK_INTERVAL: "Break every: choose whole minutes from 1 to 240.",
        CONF_SNOOZE_MINUTES: "Snooze for: choose whole minutes from 1 to 120.",
        CONF_STREAK_TARGET: "Streak target: choose a whole percentage from 0 to 100.",
    }


def test_every_number_has_a_worded_error_naming_its_field() -> None:
    steps_of = {"volume": "announcements", "light_seconds": "announcements"}
    steps_of |= {"speak_within": "announcements"}
    steps_of |= {"stand_minutes": "standing_desk", "raise_warning": "standing_desk"}
    steps_of |= {"standing_cue_after": "standing_desk", "upright_target": "standing_desk"}
    steps_of |= {field.key: "routine_exercise" for field in ROUTINE_FIELDS}
    steps_of |= {field.key: "proof" for field in PROOF_FIELDS}
    steps_of |= {SPACING.key: "programme"}
    for field in (*NUMBER_FIELDS, *ROUTINE_FIELDS, *PROOF_FIELDS, SPACING):
        placeholders = set(field.placeholders())
        assert placeholders == {f"{field.key}_min", f"{field.key}_max"}
        for language, texts in TRANSLATIONS.items():
            text = texts["options"]["error"][field.error]
            label = texts["options"]["step"][steps_of.get(field.key, "coaching")]["data"][field.key]
            assert text.startswith(f"{label}: "), (language, field.key)
            assert set(re.findall(r"{(\w+)}", text)) == placeholders, (language, field.key)


async def test_break_longer_than_reset_then_retry(
    hass: HomeAssistant, desk_entry: MockConfigEntry
) -> None:
    result = await open_options_page(hass, desk_entry.entry_id, "coaching")
    typed = {**DEFAULTS, CONF_BREAK_INTERVAL: 40, CONF_BREAK_DURATION: 120}
    result = await configure(hass, result, typed)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "coaching"
    assert result["errors"] == {CONF_BREAK_DURATION: "break_longer_than_reset"}
    assert shown_errors(result)["en"] == {
        CONF_BREAK_DURATION: "The break must be shorter than the time that ends a stretch."
    }
    assert {key: suggested_value(result, key) for key in DEFAULTS} == typed

    result = await configure(hass, result, {**typed, CONF_BREAK_DURATION: 119})
    await save_and_close(hass, result)
    assert desk_entry.options == {**typed, CONF_BREAK_DURATION: 119}


# ---- the other pages --------------------------------------------------------------------


async def test_announcement_options_are_kept_and_checked(
    hass: HomeAssistant, desk_entry: MockConfigEntry
) -> None:
    result = await open_options_page(hass, desk_entry.entry_id, "announcements")
    assert result["step_id"] == "announcements"
    with pytest.raises(InvalidData):  # the form shows it on the message field
        await configure(hass, result, {"lights": ["light.desk_lamp"], "message": "{{ desk "})
    result = await configure(hass, result, {"lights": ["light.desk_lamp"], "light_seconds": 31})
    assert shown_errors(result)["de"] == {
        "light_seconds": "Lichtdauer: wähle ganze Sekunden von 1 bis 30."
    }
    result = await configure(
        hass,
        result,
        {
            "media_players": ["media_player.office"],
            "volume": 40.0,
            "lights": ["light.desk_lamp"],
            "light_color": [10, 20, 30],
            "light_effect": "flash",
            "light_seconds": 4.0,
            "message": "Up, {{ desk }}!",
        },
    )
    await save_and_close(hass, result)
    assert desk_entry.options == {
        "media_players": ["media_player.office"],
        "volume": 40,
        "lights": ["light.desk_lamp"],
        "light_color": [10, 20, 30],
        "light_effect": "flash",
        "light_seconds": 4,
        "message": "Up, {{ desk }}!",
        "two_phase": False,  # the defaults of two phases: off, spoken 10 minutes at most
        "speak_within": 10,
    }
    # clearing a field on the page removes it
    result = await open_options_page(hass, desk_entry.entry_id, "announcements")
    assert suggested_value(result, "message") == "Up, {{ desk }}!"
    result = await configure(hass, result, {"lights": ["light.desk_lamp"]})
    await save_and_close(hass, result)
    assert "media_players" not in desk_entry.options
    assert "message" not in desk_entry.options
    assert desk_entry.options["lights"] == ["light.desk_lamp"]


async def test_quiet_options_are_checked_and_apply_without_a_reload(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    coach = init_integration.runtime_data.coordinator
    result = await open_options_page(hass, init_integration.entry_id, "quiet")
    assert result["data_schema"]({}) == {
        "active_from": "09:00:00",
        "active_until": "17:00:00",
        "active_days": ["mon", "tue", "wed", "thu", "fri"],
    }
    result = await configure(
        hass, result, {"active_from": "08:00:00", "active_until": "08:00:00", "active_days": []}
    )
    assert shown_errors(result)["en"] == {
        "active_until": "Start and end must differ.",
        "active_days": "Choose at least one day.",
    }
    result = await configure(
        hass,
        result,
        {
            "active_from": "22:00:00",
            "active_until": "06:00:00",
            "active_days": ["sun", "mon"],
            "do_not_disturb_entities": [PRESENCE],
        },
    )
    await save_and_close(hass, result)
    assert init_integration.options == {
        "active_from": "22:00:00",
        "active_until": "06:00:00",
        "active_days": ["mon", "sun"],
        "do_not_disturb_entities": [PRESENCE],
    }
    assert init_integration.runtime_data.coordinator is coach  # new listeners, no reload


async def test_summary_and_voice_pages(hass: HomeAssistant, desk_entry: MockConfigEntry) -> None:
    result = await open_options_page(hass, desk_entry.entry_id, "summary")
    result = await configure(
        hass,
        result,
        {
            "weekly_summary_targets": ["notify.phone"],
            "weekly_summary_day": "mon",
            "weekly_summary_time": "08:00:00",
        },
    )
    result = await configure(hass, result, {"next_step_id": "voice"})
    assert set(result["description_placeholders"]) == {"desk", "files"}
    result = await configure(hass, result, {"voice_sentences": False})
    await save_and_close(hass, result)
    assert desk_entry.options == {
        "weekly_summary_targets": ["notify.phone"],
        "weekly_summary_day": "mon",
        "weekly_summary_time": "08:00:00",
        "voice_sentences": False,
    }


# ---- Proving breaks --------------------------------------------------------------------


async def test_the_proof_page_takes_a_step_sensor_and_refuses_a_walk_of_five_steps(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    hass.states.async_set("sensor.phone_steps", "4200", {"state_class": "total_increasing"})
    result = await open_options_page(hass, init_integration.entry_id, "proof")
    assert result["step_id"] == "proof"
    typed = {"step_entity": "sensor.phone_steps", "walked_steps": 5, "count_unproven": False}
    result = await configure(hass, result, typed)
    assert result["errors"] == {"walked_steps": "walked_steps_range"}
    assert shown_errors(result) == {
        "en": {"walked_steps": "Steps that prove a walk: choose whole steps from 20 to 2000."},
        "de": {
            "walked_steps": "Schritte, die einen Gang belegen: wähle ganze Schritte von 20 bis 2000."
        },
    }
    result = await configure(hass, result, {**typed, "walked_steps": 150, "moved_seconds": 120})
    await save_and_close(hass, result)
    assert init_integration.options == {
        "step_entity": "sensor.phone_steps",
        "walked_steps": 150,
        "moved_seconds": 120,
        "count_unproven": False,
    }
    tracking = init_integration.runtime_data.coordinator.options.tracking
    assert (tracking.walked_steps, tracking.moved_after) == (150, timedelta(minutes=2))


async def test_two_phases_are_chosen_on_the_announcements_page(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    hass.states.async_set("sensor.work_pc_activity", "active")
    result = await open_options_page(hass, init_integration.entry_id, "announcements")
    typed = {
        "mobile_app_services": ["mobile_app_phone"],
        "two_phase": True,
        "natural_pause_entities": ["sensor.work_pc_activity"],
        "speak_within": 45,
    }
    result = await configure(hass, result, typed)
    assert shown_errors(result)["en"] == {
        "speak_within": "Speak at the latest after: choose whole minutes from 1 to 30."
    }
    result = await configure(hass, result, {**typed, "speak_within": 5})
    await save_and_close(hass, result)
    options = init_integration.runtime_data.coordinator.options
    assert options.tracking.cue_first == timedelta(minutes=5)
    assert options.pause_entities == ("sensor.work_pc_activity",)


async def test_programme_page_keeps_whole_hours_and_refuses_too_few(
    hass: HomeAssistant, desk_entry: MockConfigEntry
) -> None:
    """Hours between sessions: below 48 is refused in words; 72 and daily are kept."""
    result = await open_options_page(hass, desk_entry.entry_id, "programme")
    assert suggested_value(result, "strength_spacing") == 48
    result = await configure(hass, result, {"strength_spacing": 24, "two_minutes_daily": False})
    assert result["errors"] == {"strength_spacing": "strength_spacing_range"}
    assert shown_errors(result)["en"] == {
        "strength_spacing": "Hours between sessions: choose whole hours from 48 to 96."
    }
    assert shown_errors(result)["de"]["strength_spacing"].startswith("Stunden zwischen")
    result = await configure(hass, result, {"strength_spacing": 72, "two_minutes_daily": True})
    await save_and_close(hass, result)
    assert desk_entry.options["strength_spacing"] == 72
    assert desk_entry.options["two_minutes_daily"] is True
    parsed = DeskOptions.from_options(desk_entry.options).programme
    assert (parsed.spacing, parsed.daily) == (timedelta(hours=72), True)
