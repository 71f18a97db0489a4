"""The options flow's routines page: add, change and remove the user's own routines."""

from __future__ import annotations

import json
import re
from typing import Any

from homeassistant.config_entries import ConfigFlowResult
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType, InvalidData
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.const import (
    CONF_BREAK_INTERVAL,
    CONF_LIGHTS,
    CONF_ROUTINES,
)
from custom_components.desk_coach.exercises import custom_routines, read_library
from custom_components.desk_coach.routine import Routine, RoutineItem
from tests.helpers import PACKAGE, TRANSLATIONS, save_and_close, suggested_value

OTHER_OPTIONS: dict[str, Any] = {CONF_BREAK_INTERVAL: 45, CONF_LIGHTS: ["light.desk_lamp"]}
NECK_BREAK: dict[str, Any] = {
    "id": "neck_break",
    "name": "Neck break",
    "items": [
        {"exercise": "chin_tucks", "sets": 3, "reps": 8, "hold": None},
        {"exercise": "upper_trapezius_stretch", "sets": 2, "reps": None, "hold": 45},
    ],
}
EVENING: dict[str, Any] = {
    "id": "evening",
    "name": "Evening",
    "items": [{"exercise": "foam_roll_upper_back", "sets": 1, "reps": None, "hold": 90}],
}
SAVED = {**OTHER_OPTIONS, CONF_ROUTINES: [NECK_BREAK, EVENING]}


def field_names(result: ConfigFlowResult) -> list[str]:
    """The fields a form shows, in order."""
    return [str(marker) for marker in result["data_schema"].schema]


def select_labels(result: ConfigFlowResult, key: str) -> dict[str, str]:
    """A select field's choices: label by value."""
    for marker, field in result["data_schema"].schema.items():
        if marker == key:
            return {option["value"]: option["label"] for option in field.config["options"]}
    raise AssertionError(f"{key} is not in the form")


def assert_errors_translated(result: ConfigFlowResult) -> None:
    """Every error of the form has a text in both languages, with the placeholders given."""
    placeholders = result["description_placeholders"] or {}
    for language, texts in TRANSLATIONS.items():
        for error in result["errors"].values():
            text = texts["options"]["error"][error]
            assert set(re.findall(r"{(\w+)}", text)) <= set(placeholders), (language, error)


def shown(result: ConfigFlowResult) -> dict[str, dict[str, str]]:
    """The form's errors as the user reads them, by language and field."""
    placeholders = result["description_placeholders"] or {}
    return {
        language: {
            field: texts["options"]["error"][error].format(**placeholders)
            for field, error in result["errors"].items()
        }
        for language, texts in TRANSLATIONS.items()
    }


async def open_routines(hass: HomeAssistant, entry_id: str, page: str) -> ConfigFlowResult:
    """Open the options, pick Routines, then ``page`` from its menu."""
    result = await hass.config_entries.options.async_init(entry_id)
    assert result["type"] is FlowResultType.MENU
    assert "routines" in result["menu_options"]
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "routines"}
    )
    assert result["type"] is FlowResultType.MENU
    assert result["step_id"] == "routines"
    return await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": page}
    )


async def configure(result: ConfigFlowResult, hass: HomeAssistant, data: dict[str, Any]) -> Any:
    """Answer the form that ``result`` shows."""
    return await hass.config_entries.options.async_configure(result["flow_id"], data)


# ---- the menu -------------------------------------------------------------------------


async def test_menu_offers_change_and_remove_only_when_there_are_routines(
    hass: HomeAssistant, desk_entry: MockConfigEntry
) -> None:
    result = await hass.config_entries.options.async_init(desk_entry.entry_id)
    assert result["menu_options"] == [
        "coaching",
        "proof",
        "announcements",
        "quiet",
        "standing_desk",
        "routines",
        "programme",
        "summary",
        "voice",
        "done",
    ]
    result = await configure(result, hass, {"next_step_id": "routines"})
    assert result["menu_options"] == ["routine_add", "init"]
    with pytest.raises(InvalidData):
        await configure(result, hass, {"next_step_id": "routine_remove"})
    # back to all options, without adding one
    result = await configure(result, hass, {"next_step_id": "init"})
    assert result["type"] is FlowResultType.MENU
    assert result["step_id"] == "init"

    hass.config_entries.async_update_entry(desk_entry, options=SAVED)
    await hass.async_block_till_done()
    result = await hass.config_entries.options.async_init(desk_entry.entry_id)
    result = await configure(result, hass, {"next_step_id": "routines"})
    assert result["menu_options"] == ["routine_add", "routine_edit", "routine_remove", "init"]


async def test_every_routine_step_and_menu_option_is_translated() -> None:
    for language, texts in TRANSLATIONS.items():
        steps = texts["options"]["step"]
        assert steps["init"]["menu_options"]["routines"], language
        assert set(steps["routines"]["menu_options"]) == {
            "routine_add",
            "routine_edit",
            "routine_remove",
            "init",
        }
        for step, fields in (
            ("routine_add", {"name", "exercises"}),
            ("routine_exercise", {"sets", "reps", "hold"}),
            ("routine_edit", {"routine"}),
            ("routine_remove", {"routines"}),
        ):
            assert steps[step]["title"], (language, step)
            assert steps[step]["description"], (language, step)
            assert set(steps[step]["data"]) == fields, (language, step)
            assert set(steps[step]["data_description"]) == fields, (language, step)
        placeholders = set(re.findall(r"{(\w+)}", json.dumps(steps["routine_exercise"])))
        assert placeholders == {"exercise", "position", "count"}, language


# ---- adding ---------------------------------------------------------------------------


@pytest.mark.parametrize("desk_options", [OTHER_OPTIONS])
async def test_add_a_routine_of_two_exercises(
    hass: HomeAssistant, desk_entry: MockConfigEntry
) -> None:
    result = await open_routines(hass, desk_entry.entry_id, "routine_add")
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "routine_add"
    assert field_names(result) == [CONF_NAME, "exercises"]
    labels = select_labels(result, "exercises")
    assert set(labels) == set(read_library().exercises)
    assert labels["chin_tucks"] == "Chin tucks (Strength)"
    assert labels["doorway_pec_stretch"] == "Doorway chest stretch (Stretch)"

    # picked in this order: the stretch first, though the library lists it later
    result = await configure(
        result,
        hass,
        {CONF_NAME: " Morning reset ", "exercises": ["doorway_pec_stretch", "chin_tucks"]},
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "routine_exercise"
    assert result["description_placeholders"] == {
        "exercise": "Doorway chest stretch",
        "position": "1",
        "count": "2",
    }
    # a held exercise asks how long, prefilled from the library
    assert field_names(result) == ["sets", "hold"]
    assert result["data_schema"]({}) == {"sets": 2, "hold": 30}
    result = await configure(result, hass, {"sets": 3.0, "hold": 45.0})

    assert result["step_id"] == "routine_exercise"
    assert result["description_placeholders"] == {
        "exercise": "Chin tucks",
        "position": "2",
        "count": "2",
    }
    # one done in repetitions asks how many
    assert field_names(result) == ["sets", "reps"]
    assert result["data_schema"]({}) == {"sets": 2, "reps": 10}
    result = await configure(result, hass, {"sets": 1.0, "reps": 12.0})
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.MENU  # back on the menu
    assert desk_entry.options == OTHER_OPTIONS  # nothing saved before Save and close
    await save_and_close(hass, result)
    routine = {
        "id": "morning_reset",
        "name": "Morning reset",
        "items": [
            {"exercise": "doorway_pec_stretch", "sets": 3, "reps": None, "hold": 45},
            {"exercise": "chin_tucks", "sets": 1, "reps": 12, "hold": None},
        ],
    }
    assert desk_entry.options == {**OTHER_OPTIONS, CONF_ROUTINES: [routine]}
    items = desk_entry.options[CONF_ROUTINES][0]["items"]
    assert all(type(item["sets"]) is int for item in items)
    # the library reads the saved routine as it was written
    assert custom_routines(desk_entry.options[CONF_ROUTINES], read_library()) == {
        "morning_reset": Routine(
            id="morning_reset",
            name="Morning reset",
            items=(
                RoutineItem(exercise="doorway_pec_stretch", sets=3, hold=45),
                RoutineItem(exercise="chin_tucks", sets=1, reps=12),
            ),
        )
    }


@pytest.mark.parametrize("desk_options", [SAVED])
async def test_a_new_routine_is_appended_to_the_saved_ones(
    hass: HomeAssistant, desk_entry: MockConfigEntry
) -> None:
    result = await open_routines(hass, desk_entry.entry_id, "routine_add")
    assert suggested_value(result, CONF_NAME) is None  # a blank form, not a saved routine
    result = await configure(result, hass, {CONF_NAME: "Quick", "exercises": ["shoulder_rolls"]})
    assert result["data_schema"]({}) == {"sets": 1, "hold": 30}
    result = await configure(result, hass, {"sets": 1, "hold": 30})
    await save_and_close(hass, result)
    quick = {
        "id": "quick",
        "name": "Quick",
        "items": [{"exercise": "shoulder_rolls", "sets": 1, "reps": None, "hold": 30}],
    }
    assert desk_entry.options == {
        **OTHER_OPTIONS,
        CONF_ROUTINES: [NECK_BREAK, EVENING, quick],
    }


@pytest.mark.parametrize(
    ("field", "value", "english", "german"),
    [
        (
            "sets",
            0,
            "Sets: choose a whole number from 1 to 5.",
            "Sätze: wähle eine ganze Zahl von 1 bis 5.",
        ),
        (
            "sets",
            6,
            "Sets: choose a whole number from 1 to 5.",
            "Sätze: wähle eine ganze Zahl von 1 bis 5.",
        ),
        (
            "sets",
            2.5,
            "Sets: choose a whole number from 1 to 5.",
            "Sätze: wähle eine ganze Zahl von 1 bis 5.",
        ),
        (
            "reps",
            0,
            "Repetitions: choose a whole number from 1 to 50.",
            "Wiederholungen: wähle eine ganze Zahl von 1 bis 50.",
        ),
        (
            "reps",
            51,
            "Repetitions: choose a whole number from 1 to 50.",
            "Wiederholungen: wähle eine ganze Zahl von 1 bis 50.",
        ),
    ],
)
async def test_sets_and_reps_stay_within_their_limits(
    hass: HomeAssistant,
    desk_entry: MockConfigEntry,
    field: str,
    value: float,
    english: str,
    german: str,
) -> None:
    result = await open_routines(hass, desk_entry.entry_id, "routine_add")
    result = await configure(result, hass, {CONF_NAME: "Neck", "exercises": ["chin_tucks"]})
    result = await configure(result, hass, {"sets": 2, "reps": 10, field: value})
    assert result["step_id"] == "routine_exercise"
    assert result["errors"] == {field: f"{field}_range"}
    assert shown(result) == {"en": {field: english}, "de": {field: german}}
    assert result["description_placeholders"]["exercise"] == "Chin tucks"  # the same exercise
    result = await configure(result, hass, {"sets": 5, "reps": 50})
    await save_and_close(hass, result)
    assert desk_entry.options[CONF_ROUTINES][0]["items"] == [
        {"exercise": "chin_tucks", "sets": 5, "reps": 50, "hold": None}
    ]


@pytest.mark.parametrize("hold", [4, 301, 30.5])
async def test_a_hold_stays_within_its_limits(
    hass: HomeAssistant, desk_entry: MockConfigEntry, hold: float
) -> None:
    result = await open_routines(hass, desk_entry.entry_id, "routine_add")
    result = await configure(result, hass, {CONF_NAME: "Hold", "exercises": ["shoulder_rolls"]})
    result = await configure(result, hass, {"sets": 1, "hold": hold})
    assert shown(result)["en"] == {"hold": "Hold: choose whole seconds from 5 to 300."}
    result = await configure(result, hass, {"sets": 1, "hold": 300})
    await save_and_close(hass, result)
    assert desk_entry.options[CONF_ROUTINES][0]["items"][0]["hold"] == 300


# ---- the add form's errors, each followed by a retry that succeeds ----------------------

ERROR_CASES = [
    pytest.param(
        {CONF_NAME: "", "exercises": ["chin_tucks"]}, {CONF_NAME: "name_required"}, id="empty"
    ),
    pytest.param(
        {CONF_NAME: "   ", "exercises": ["chin_tucks"]}, {CONF_NAME: "name_required"}, id="blank"
    ),
    pytest.param(
        {CONF_NAME: "Stretching", "exercises": ["chin_tucks"]},
        {CONF_NAME: "name_taken"},
        id="built_in_name",
    ),
    pytest.param(
        {CONF_NAME: "Shoulder rotation!", "exercises": ["chin_tucks"]},
        {CONF_NAME: "name_taken"},
        id="built_in_slug",
    ),
    pytest.param(
        {CONF_NAME: "NECK  break", "exercises": ["chin_tucks"]},
        {CONF_NAME: "name_taken"},
        id="custom_slug",
    ),
    pytest.param(
        {CONF_NAME: "Afternoon", "exercises": []}, {"exercises": "no_exercises"}, id="none_picked"
    ),
    pytest.param({CONF_NAME: "Afternoon"}, {"exercises": "no_exercises"}, id="none_given"),
    pytest.param(
        {CONF_NAME: " ", "exercises": []},
        {CONF_NAME: "name_required", "exercises": "no_exercises"},
        id="both",
    ),
]


@pytest.mark.parametrize(("bad_input", "errors"), ERROR_CASES)
@pytest.mark.parametrize("desk_options", [SAVED])
async def test_add_form_error_then_retry(
    hass: HomeAssistant,
    desk_entry: MockConfigEntry,
    bad_input: dict[str, Any],
    errors: dict[str, str],
) -> None:
    result = await open_routines(hass, desk_entry.entry_id, "routine_add")
    result = await configure(result, hass, bad_input)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "routine_add"
    assert result["errors"] == errors
    assert_errors_translated(result)
    # the form keeps what was typed
    assert suggested_value(result, CONF_NAME) == bad_input[CONF_NAME]
    assert desk_entry.options == SAVED

    result = await configure(result, hass, {CONF_NAME: "Afternoon", "exercises": ["chin_tucks"]})
    assert result["step_id"] == "routine_exercise"
    result = await configure(result, hass, {"sets": 2, "reps": 10})
    await save_and_close(hass, result)
    assert [routine["id"] for routine in desk_entry.options[CONF_ROUTINES]] == [
        "neck_break",
        "evening",
        "afternoon",
    ]


# ---- changing -------------------------------------------------------------------------


@pytest.mark.parametrize("desk_options", [SAVED])
async def test_change_a_routine_renames_it_in_place(
    hass: HomeAssistant, desk_entry: MockConfigEntry
) -> None:
    result = await open_routines(hass, desk_entry.entry_id, "routine_edit")
    assert result["step_id"] == "routine_edit"
    assert select_labels(result, "routine") == {"neck_break": "Neck break", "evening": "Evening"}
    result = await configure(result, hass, {"routine": "neck_break"})

    # the add form, filled in with the routine
    assert result["step_id"] == "routine_add"
    assert suggested_value(result, CONF_NAME) == "Neck break"
    assert suggested_value(result, "exercises") == ["chin_tucks", "upper_trapezius_stretch"]
    # renaming onto another routine of the user's is refused
    result = await configure(
        result, hass, {CONF_NAME: "Evening", "exercises": ["chin_tucks", "upper_trapezius_stretch"]}
    )
    assert result["errors"] == {CONF_NAME: "name_taken"}

    result = await configure(
        result,
        hass,
        {CONF_NAME: "Neck reset", "exercises": ["upper_trapezius_stretch", "chin_tucks"]},
    )
    # each exercise shows what the routine had, not the library's dose
    assert result["description_placeholders"]["exercise"] == "Upper trapezius stretch"
    assert result["data_schema"]({}) == {"sets": 2, "hold": 45}
    result = await configure(result, hass, {"sets": 1, "hold": 45})
    assert result["data_schema"]({}) == {"sets": 3, "reps": 8}
    result = await configure(result, hass, {"sets": 4, "reps": 8})
    await save_and_close(hass, result)
    changed = {
        "id": "neck_reset",
        "name": "Neck reset",
        "items": [
            {"exercise": "upper_trapezius_stretch", "sets": 1, "reps": None, "hold": 45},
            {"exercise": "chin_tucks", "sets": 4, "reps": 8, "hold": None},
        ],
    }
    assert desk_entry.options == {**OTHER_OPTIONS, CONF_ROUTINES: [changed, EVENING]}


@pytest.mark.parametrize("desk_options", [SAVED])
async def test_change_a_routine_keeping_its_name(
    hass: HomeAssistant, desk_entry: MockConfigEntry
) -> None:
    result = await open_routines(hass, desk_entry.entry_id, "routine_edit")
    result = await configure(result, hass, {"routine": "evening"})
    # its own name is not taken; a new exercise gets the library's dose
    result = await configure(
        result,
        hass,
        {CONF_NAME: "Evening", "exercises": ["foam_roll_upper_back", "prone_y_raise"]},
    )
    assert result["errors"] is None
    assert result["data_schema"]({}) == {"sets": 1, "hold": 90}
    result = await configure(result, hass, {"sets": 1, "hold": 90})
    assert result["data_schema"]({}) == {"sets": 2, "reps": 10}
    result = await configure(result, hass, {"sets": 2, "reps": 10})
    await save_and_close(hass, result)
    assert desk_entry.options[CONF_ROUTINES] == [
        NECK_BREAK,
        {
            "id": "evening",
            "name": "Evening",
            "items": [
                {"exercise": "foam_roll_upper_back", "sets": 1, "reps": None, "hold": 90},
                {"exercise": "prone_y_raise", "sets": 2, "reps": 10, "hold": None},
            ],
        },
    ]


# ---- removing -------------------------------------------------------------------------


@pytest.mark.parametrize("desk_options", [SAVED])
async def test_remove_deletes_only_the_chosen_routine(
    hass: HomeAssistant, desk_entry: MockConfigEntry
) -> None:
    result = await open_routines(hass, desk_entry.entry_id, "routine_remove")
    assert result["step_id"] == "routine_remove"
    assert select_labels(result, CONF_ROUTINES) == {
        "neck_break": "Neck break",
        "evening": "Evening",
    }
    result = await configure(result, hass, {CONF_ROUTINES: ["neck_break"]})
    await save_and_close(hass, result)
    assert desk_entry.options == {**OTHER_OPTIONS, CONF_ROUTINES: [EVENING]}


@pytest.mark.parametrize("desk_options", [SAVED])
async def test_removing_every_routine_drops_the_option(
    hass: HomeAssistant, desk_entry: MockConfigEntry
) -> None:
    result = await open_routines(hass, desk_entry.entry_id, "routine_remove")
    result = await configure(result, hass, {CONF_ROUTINES: ["evening", "neck_break"]})
    await save_and_close(hass, result)
    assert desk_entry.options == OTHER_OPTIONS


# ---- languages ------------------------------------------------------------------------


@pytest.mark.parametrize("desk_options", [SAVED])
async def test_exercises_are_named_in_home_assistants_language(
    hass: HomeAssistant, desk_entry: MockConfigEntry
) -> None:
    hass.config.language = "de"
    result = await open_routines(hass, desk_entry.entry_id, "routine_add")
    labels = select_labels(result, "exercises")
    assert labels["chin_tucks"] == "Kinn zurückziehen (Kräftigung)"
    assert labels["doorway_pec_stretch"] == "Brustdehnung im Türrahmen (Dehnung)"
    german = json.loads((PACKAGE / "exercises" / "de.json").read_text(encoding="utf-8"))
    assert all(
        label.startswith(german["exercises"][exercise]["name"] + " (")
        for exercise, label in labels.items()
    )
    # sorted as they read in German
    assert list(labels.values()) == sorted(labels.values(), key=str.casefold)

    # a built-in's German name is taken, as its id is
    taken = await configure(result, hass, {CONF_NAME: "Dehnprogramm", "exercises": ["chin_tucks"]})
    assert taken["errors"] == {CONF_NAME: "name_taken"}
    result = await configure(result, hass, {CONF_NAME: "Nacken", "exercises": ["chin_tucks"]})
    assert result["description_placeholders"]["exercise"] == "Kinn zurückziehen"


@pytest.mark.parametrize("desk_options", [SAVED])
async def test_a_routine_and_another_page_are_saved_together(
    hass: HomeAssistant, desk_entry: MockConfigEntry
) -> None:
    result = await open_routines(hass, desk_entry.entry_id, "routine_remove")
    result = await configure(result, hass, {CONF_ROUTINES: ["evening"]})
    assert result["step_id"] == "init"
    # the routines page, opened again in the same dialog, knows what was removed
    result = await configure(result, hass, {"next_step_id": "routines"})
    result = await configure(result, hass, {"next_step_id": "routine_edit"})
    assert select_labels(result, "routine") == {"neck_break": "Neck break"}
    result = await configure(result, hass, {"routine": "neck_break"})
    result = await configure(result, hass, {CONF_NAME: "Neck break", "exercises": ["chin_tucks"]})
    result = await configure(result, hass, {"sets": 1, "reps": 5})
    result = await configure(result, hass, {"next_step_id": "voice"})
    result = await configure(result, hass, {"voice_sentences": False})
    assert desk_entry.options == SAVED
    await save_and_close(hass, result)
    neck = {
        "id": "neck_break",
        "name": "Neck break",
        "items": [{"exercise": "chin_tucks", "sets": 1, "reps": 5, "hold": None}],
    }
    assert desk_entry.options == {
        **OTHER_OPTIONS,
        CONF_ROUTINES: [neck],
        "voice_sentences": False,
    }
