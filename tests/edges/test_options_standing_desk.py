"""The options flow's Standing desk page: what it asks, what it refuses, what it keeps."""

from __future__ import annotations

import re
from typing import Any

from homeassistant.config_entries import ConfigFlowResult
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.const import (
    CONF_BREAK_ACTION,
    CONF_BREAK_INTERVAL,
    CONF_DESK_CONTROL,
    CONF_LOWER_AFTER,
    CONF_LOWER_TO,
    CONF_PRESENCE_ENTITY,
    CONF_RAISE_TO,
    CONF_RAISE_WARNING,
    CONF_STAND_MINUTES,
    CONF_STANDING_CUE_AFTER,
    CONF_STANDING_ENTITY,
    CONF_STANDING_HEIGHT,
    CONF_UPRIGHT_TARGET,
)
from tests.conftest import PRESENCE
from tests.helpers import TRANSLATIONS, save_and_close, suggested_value

COVER = "cover.idasen_desk"  # position 0-100 %, like the IKEA Idasen integration's
NUMBER = "input_number.desk_height"  # centimetres
MAT = "binary_sensor.standing_mat"
COVER_DESK = {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: COVER, CONF_STANDING_HEIGHT: 60}
MAT_DESK = {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: MAT}


@pytest.fixture(autouse=True)
def desk_controls(hass: HomeAssistant) -> None:
    """A desk cover and a height number the page can be given."""
    hass.states.async_set(COVER, "open", {"current_position": 20, "supported_features": 15})
    hass.states.async_set(NUMBER, "72", {"min": 62, "max": 127, "step": 1})
    hass.states.async_set(MAT, "off")


async def open_page(hass: HomeAssistant, entry: MockConfigEntry) -> ConfigFlowResult:
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert "standing_desk" in result["menu_options"]
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "standing_desk"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "standing_desk"
    return result


def assert_translated(result: ConfigFlowResult) -> None:
    """Every error shown has an English and a German text, with every placeholder given."""
    placeholders = result["description_placeholders"] or {}
    assert result["errors"]
    for language, texts in TRANSLATIONS.items():
        for error in result["errors"].values():
            text = texts["options"]["error"][error]
            assert set(re.findall(r"{(\w+)}", text)) <= set(placeholders), (language, error)


def raising(**changes: Any) -> dict[str, Any]:
    """A filled-in page that raises the desk; a change to None leaves that field empty."""
    page = {
        CONF_BREAK_ACTION: "raise",
        CONF_DESK_CONTROL: COVER,
        CONF_RAISE_TO: 95,
        CONF_LOWER_TO: 20,
        CONF_STAND_MINUTES: 5,
        CONF_LOWER_AFTER: True,
        CONF_RAISE_WARNING: 10,
        CONF_STANDING_CUE_AFTER: 50,
        CONF_UPRIGHT_TARGET: 120,
    } | changes
    return {key: typed for key, typed in page.items() if typed is not None}


def test_the_page_and_its_choices_are_translated() -> None:
    for language, texts in TRANSLATIONS.items():
        page = texts["options"]["step"]["standing_desk"]
        assert page["title"], language
        assert set(page["data"]) == {
            CONF_BREAK_ACTION,
            CONF_DESK_CONTROL,
            CONF_RAISE_TO,
            CONF_LOWER_TO,
            CONF_STAND_MINUTES,
            CONF_LOWER_AFTER,
            CONF_RAISE_WARNING,
            CONF_STANDING_CUE_AFTER,
            CONF_UPRIGHT_TARGET,
        }
        assert set(page["data_description"]) >= {CONF_STANDING_CUE_AFTER, CONF_UPRIGHT_TARGET}
        assert texts["options"]["step"]["init"]["menu_options"]["standing_desk"]
        assert set(texts["selector"]["break_action"]["options"]) == {"announce", "raise"}
    german = TRANSLATIONS["de"]["options"]["step"]["standing_desk"]["data"]
    assert german[CONF_BREAK_ACTION] == "Wenn eine Pause fällig ist"


@pytest.mark.parametrize("desk_data", [COVER_DESK])
async def test_defaults_suggest_the_desk_cover_and_raising_is_saved(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    hass.config_entries.async_update_entry(init_integration, options={CONF_BREAK_INTERVAL: 45})
    await hass.async_block_till_done()
    result = await open_page(hass, init_integration)
    assert suggested_value(result, CONF_BREAK_ACTION) == "announce"
    assert suggested_value(result, CONF_DESK_CONTROL) == COVER  # the standing input can move
    assert suggested_value(result, CONF_STAND_MINUTES) == 5
    assert suggested_value(result, CONF_LOWER_AFTER) is False
    assert suggested_value(result, CONF_RAISE_WARNING) == 10
    assert suggested_value(result, CONF_STANDING_CUE_AFTER) == 50
    assert suggested_value(result, CONF_UPRIGHT_TARGET) == 120  # minutes: 2 hours
    result = await hass.config_entries.options.async_configure(result["flow_id"], raising())
    await save_and_close(hass, result)
    assert init_integration.options == {CONF_BREAK_INTERVAL: 45, **raising()}
    status = hass.states.get("sensor.office_desk_break_status")
    assert status is not None
    assert status.attributes["standing_desk"] == "idle"  # applied live

    # back to announcing, the control cleared: the page keeps only what it shows
    result = await open_page(hass, init_integration)
    assert suggested_value(result, CONF_RAISE_TO) == 95
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            CONF_BREAK_ACTION: "announce",
            CONF_STAND_MINUTES: 5,
            CONF_LOWER_AFTER: False,
            CONF_RAISE_WARNING: 10,
            CONF_STANDING_CUE_AFTER: 45,
            CONF_UPRIGHT_TARGET: 90,
        },
    )
    await save_and_close(hass, result)
    assert init_integration.options == {
        CONF_BREAK_INTERVAL: 45,
        CONF_BREAK_ACTION: "announce",
        CONF_STAND_MINUTES: 5,
        CONF_LOWER_AFTER: False,
        CONF_RAISE_WARNING: 10,
        CONF_STANDING_CUE_AFTER: 45,
        CONF_UPRIGHT_TARGET: 90,
    }
    stand = init_integration.runtime_data.coordinator.options.stand
    assert (stand.cue_after, stand.upright_target) == (45, 90)  # applied live
    status = hass.states.get("sensor.office_desk_break_status")
    assert status is not None
    assert "standing_desk" not in status.attributes


@pytest.mark.usefixtures("desk_entry")
async def test_raising_needs_a_standing_input_and_a_desk_control(
    hass: HomeAssistant, desk_entry: MockConfigEntry
) -> None:
    result = await open_page(hass, desk_entry)
    assert suggested_value(result, CONF_DESK_CONTROL) is None  # nothing to suggest
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], raising(**{CONF_DESK_CONTROL: None})
    )
    assert result["errors"] == {
        "base": "standing_input_required",
        CONF_DESK_CONTROL: "desk_control_required",
    }
    assert_translated(result)
    assert desk_entry.options == {}
    # announcing needs neither
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], raising(**{CONF_BREAK_ACTION: "announce", CONF_DESK_CONTROL: None})
    )
    await save_and_close(hass, result)
    assert desk_entry.options[CONF_BREAK_ACTION] == "announce"


@pytest.mark.parametrize(
    ("desk_data", "entered", "errors", "placeholders"),
    [
        (
            MAT_DESK,
            {CONF_DESK_CONTROL: "cover.not_there"},
            {CONF_DESK_CONTROL: "desk_control_not_found"},
            {"entity": "cover.not_there"},
        ),
        (
            MAT_DESK,
            {CONF_RAISE_TO: None, CONF_LOWER_TO: None},
            {CONF_RAISE_TO: "height_to_required", CONF_LOWER_TO: "height_to_required"},
            {},
        ),
        (
            MAT_DESK,
            {CONF_RAISE_TO: 120},
            {CONF_RAISE_TO: "height_out_of_range"},
            {"min": "0", "max": "100"},
        ),
        (
            MAT_DESK,
            {CONF_DESK_CONTROL: NUMBER, CONF_RAISE_TO: 130, CONF_LOWER_TO: 72},
            {CONF_RAISE_TO: "height_out_of_range"},
            {"min": "62", "max": "127"},
        ),
        (
            MAT_DESK,
            {CONF_RAISE_TO: 20, CONF_LOWER_TO: 30},
            {CONF_RAISE_TO: "raise_not_above_lower"},
            {},
        ),
        (
            COVER_DESK,
            {CONF_RAISE_TO: 55},
            {CONF_RAISE_TO: "raise_below_standing"},
            {"height": "60"},
        ),
    ],
)
async def test_heights_are_checked_against_the_control_and_the_standing_height(
    hass: HomeAssistant,
    desk_entry: MockConfigEntry,
    entered: dict[str, Any],
    errors: dict[str, str],
    placeholders: dict[str, str],
) -> None:
    result = await open_page(hass, desk_entry)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], raising(**entered)
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == errors
    assert result["description_placeholders"] == {"desk": "Office desk", **placeholders}
    assert_translated(result)
    assert desk_entry.options == {}
    # the form keeps what was typed
    for key, typed in entered.items():
        if typed is not None:
            assert suggested_value(result, key) == typed


@pytest.mark.parametrize("desk_data", [MAT_DESK])
async def test_a_cover_that_only_opens_and_closes_needs_no_heights(
    hass: HomeAssistant, desk_entry: MockConfigEntry
) -> None:
    hass.states.async_set("cover.plain_desk", "closed", {"supported_features": 3})
    result = await open_page(hass, desk_entry)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            CONF_BREAK_ACTION: "raise",
            CONF_DESK_CONTROL: "cover.plain_desk",
            CONF_STAND_MINUTES: 10,
            CONF_LOWER_AFTER: True,
            CONF_RAISE_WARNING: 15,
        },
    )
    await save_and_close(hass, result)
    assert desk_entry.options[CONF_DESK_CONTROL] == "cover.plain_desk"
    assert CONF_RAISE_TO not in desk_entry.options


@pytest.mark.parametrize(
    ("entered", "english", "german"),
    [
        (
            {CONF_STAND_MINUTES: 0},
            {CONF_STAND_MINUTES: "Stand for: choose whole minutes from 1 to 60."},
            {CONF_STAND_MINUTES: "Stehen für: wähle ganze Minuten von 1 bis 60."},
        ),
        (
            {CONF_STAND_MINUTES: 2.5, CONF_RAISE_WARNING: 61},
            {
                CONF_STAND_MINUTES: "Stand for: choose whole minutes from 1 to 60.",
                CONF_RAISE_WARNING: "Warning before the desk moves: choose whole seconds from 5 to 60.",
            },
            {
                CONF_STAND_MINUTES: "Stehen für: wähle ganze Minuten von 1 bis 60.",
                CONF_RAISE_WARNING: "Warnung, bevor der Tisch fährt: wähle ganze Sekunden von 5 bis 60.",
            },
        ),
        (
            {CONF_STANDING_CUE_AFTER: 44, CONF_UPRIGHT_TARGET: 481},
            {
                CONF_STANDING_CUE_AFTER: "Cue to move or sit after: choose whole minutes from 45 to 60.",
                CONF_UPRIGHT_TARGET: "Daily upright target: choose whole minutes from 30 to 480.",
            },
            {
                CONF_STANDING_CUE_AFTER: "Hinweis zum Bewegen oder Setzen nach: wähle ganze Minuten von 45 bis 60.",
                CONF_UPRIGHT_TARGET: "Tagesziel aufrechte Zeit: wähle ganze Minuten von 30 bis 480.",
            },
        ),
        (
            {CONF_STANDING_CUE_AFTER: 50.5, CONF_UPRIGHT_TARGET: 29},
            {
                CONF_STANDING_CUE_AFTER: "Cue to move or sit after: choose whole minutes from 45 to 60.",
                CONF_UPRIGHT_TARGET: "Daily upright target: choose whole minutes from 30 to 480.",
            },
            {
                CONF_STANDING_CUE_AFTER: "Hinweis zum Bewegen oder Setzen nach: wähle ganze Minuten von 45 bis 60.",
                CONF_UPRIGHT_TARGET: "Tagesziel aufrechte Zeit: wähle ganze Minuten von 30 bis 480.",
            },
        ),
        (
            {CONF_STANDING_CUE_AFTER: 61},
            {
                CONF_STANDING_CUE_AFTER: "Cue to move or sit after: choose whole minutes from 45 to 60."
            },
            {
                CONF_STANDING_CUE_AFTER: "Hinweis zum Bewegen oder Setzen nach: wähle ganze Minuten von 45 bis 60."
            },
        ),
    ],
)
@pytest.mark.parametrize("desk_data", [COVER_DESK])
async def test_the_page_s_numbers_are_refused_in_words_out_of_range(
    hass: HomeAssistant,
    desk_entry: MockConfigEntry,
    entered: dict[str, Any],
    english: dict[str, str],
    german: dict[str, str],
) -> None:
    result = await open_page(hass, desk_entry)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], raising(**entered)
    )
    assert result["type"] is FlowResultType.FORM
    placeholders = result["description_placeholders"]
    for language, expected in (("en", english), ("de", german)):
        errors = TRANSLATIONS[language]["options"]["error"]
        shown = {
            key: errors[error].format(**placeholders) for key, error in result["errors"].items()
        }
        assert shown == expected
    result = await hass.config_entries.options.async_configure(result["flow_id"], raising())
    await save_and_close(hass, result)
    assert desk_entry.options == raising()
