"""The config flow: add a desk, and reconfigure it (the options: test_options_flow.py)."""

from __future__ import annotations

from datetime import datetime, timedelta
import json
from pathlib import Path
import re
from typing import Any
from unittest.mock import AsyncMock

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import SOURCE_USER, ConfigEntryState
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResult, FlowResultType
from homeassistant.helpers import (
    area_registry as ar,
    device_registry as dr,
    entity_registry as er,
)
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.const import (
    CONF_AREA,
    CONF_EXTRA_PRESENCE_ENTITIES,
    CONF_PRESENCE_ENTITY,
    CONF_PRESENCE_THRESHOLD,
    CONF_STANDING_ENTITY,
    CONF_STANDING_HEIGHT,
    DOMAIN,
)
from tests.conftest import PRESENCE
from tests.helpers import pass_time, set_presence, suggested_value, value

PLUG = "sensor.desk_plug_power"
STATUS = "sensor.desk_status"
HEIGHT = "sensor.desk_height"
COVER = "cover.desk"
OCCUPANCY = "binary_sensor.desk_occupancy"
STANDING = "binary_sensor.standing"
MISSING = "binary_sensor.not_there"

SITTING_TIME = "sensor.office_desk_sitting_time"
SITTING_TODAY = "sensor.office_desk_sitting_today"
NEXT_BREAK = "sensor.office_desk_next_break"

PACKAGE = Path(__file__).parents[2] / "custom_components" / DOMAIN
TRANSLATIONS = json.loads((PACKAGE / "translations" / "en.json").read_text(encoding="utf-8"))


@pytest.fixture
async def fake_entities(hass: HomeAssistant, presence_toggle: str) -> None:
    """Entities a desk can be built from, besides the presence toggle."""
    hass.states.async_set(PLUG, "12.5", {"unit_of_measurement": "W"})
    hass.states.async_set(STATUS, "idle")
    hass.states.async_set(HEIGHT, "0.74", {"unit_of_measurement": "m"})
    hass.states.async_set(COVER, "open", {"current_position": 40})
    hass.states.async_set(OCCUPANCY, "off", {"friendly_name": "Desk occupancy"})
    hass.states.async_set(STANDING, "off", {"friendly_name": "Standing mat"})
    await hass.async_block_till_done()


def assert_errors_translated(result: FlowResult, section: str) -> None:
    """Every error has a text, and every placeholder the text needs is given."""
    placeholders = result["description_placeholders"] or {}
    for error in result["errors"].values():
        text = TRANSLATIONS[section]["error"][error]
        assert set(re.findall(r"{(\w+)}", text)) <= set(placeholders), (error, placeholders)


async def start_user_flow(hass: HomeAssistant) -> FlowResult:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    assert result["errors"] == {}
    return result


def desk_device(hass: HomeAssistant, entry_id: str) -> dr.DeviceEntry:
    device = dr.async_get(hass).async_get_device(identifiers={(DOMAIN, entry_id)})
    assert device is not None
    return device


# ---- user step --------------------------------------------------------------------


@pytest.mark.usefixtures("fake_entities")
async def test_user_flow_creates_the_desk_in_its_area(hass: HomeAssistant) -> None:
    office = ar.async_get(hass).async_create("Office")
    result = await start_user_flow(hass)
    assert suggested_value(result, CONF_NAME) == "Desk"

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            CONF_NAME: "  Office desk ",
            CONF_PRESENCE_ENTITY: PLUG,
            CONF_PRESENCE_THRESHOLD: 15,
            CONF_EXTRA_PRESENCE_ENTITIES: [OCCUPANCY],
            CONF_AREA: office.id,
            CONF_STANDING_ENTITY: COVER,
            CONF_STANDING_HEIGHT: 60,
        },
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Office desk"
    assert result["data"] == {
        CONF_PRESENCE_ENTITY: PLUG,
        CONF_PRESENCE_THRESHOLD: 15,
        CONF_EXTRA_PRESENCE_ENTITIES: [OCCUPANCY],
        CONF_AREA: office.id,
        CONF_STANDING_ENTITY: COVER,
        CONF_STANDING_HEIGHT: 60,
    }
    assert result["options"] == {}
    entry = result["result"]
    assert entry.state is ConfigEntryState.LOADED
    device = desk_device(hass, entry.entry_id)
    assert device.area_id == office.id
    assert device.name == "Office desk"


@pytest.mark.parametrize(
    ("name", "title"),
    [("", "Desk"), ("   ", "Desk"), (" Standing desk", "Standing desk")],
)
@pytest.mark.usefixtures("fake_entities")
async def test_user_flow_drops_empty_fields_and_names_a_blank_desk(
    hass: HomeAssistant, name: str, title: str
) -> None:
    result = await start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            CONF_NAME: name,
            CONF_PRESENCE_ENTITY: PRESENCE,
            CONF_EXTRA_PRESENCE_ENTITIES: [],
            CONF_AREA: "",
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == title
    assert result["data"] == {CONF_PRESENCE_ENTITY: PRESENCE}
    await hass.async_block_till_done()
    assert desk_device(hass, result["result"].entry_id).area_id is None


@pytest.mark.usefixtures("fake_entities")
async def test_user_flow_without_a_name_uses_the_default(
    hass: HomeAssistant, mock_setup_entry: AsyncMock
) -> None:
    result = await start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_PRESENCE_ENTITY: OCCUPANCY}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Desk"
    assert result["data"] == {CONF_PRESENCE_ENTITY: OCCUPANCY}
    await hass.async_block_till_done()
    assert len(mock_setup_entry.mock_calls) == 1


# ---- user step errors, each followed by a retry that succeeds -----------------------

ERROR_CASES = [
    pytest.param(
        {CONF_PRESENCE_ENTITY: MISSING},
        {CONF_PRESENCE_ENTITY: "entity_not_found"},
        {"entity": MISSING},
        {CONF_PRESENCE_ENTITY: OCCUPANCY},
        id="presence_not_found",
    ),
    pytest.param(
        {CONF_PRESENCE_ENTITY: PRESENCE, CONF_EXTRA_PRESENCE_ENTITIES: [OCCUPANCY, MISSING]},
        {CONF_EXTRA_PRESENCE_ENTITIES: "entity_not_found"},
        {"entity": MISSING},
        {CONF_PRESENCE_ENTITY: PRESENCE, CONF_EXTRA_PRESENCE_ENTITIES: [OCCUPANCY]},
        id="extra_presence_not_found",
    ),
    pytest.param(
        {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: MISSING},
        {CONF_STANDING_ENTITY: "entity_not_found"},
        {"entity": MISSING},
        {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: STANDING},
        id="standing_not_found",
    ),
    pytest.param(
        {CONF_PRESENCE_ENTITY: STATUS, CONF_PRESENCE_THRESHOLD: 10},
        {CONF_PRESENCE_ENTITY: "not_numeric"},
        {"entity": STATUS},
        {CONF_PRESENCE_ENTITY: PLUG, CONF_PRESENCE_THRESHOLD: 10},
        id="presence_not_numeric",
    ),
    pytest.param(
        {
            CONF_PRESENCE_ENTITY: PRESENCE,
            CONF_PRESENCE_THRESHOLD: 10,
            CONF_EXTRA_PRESENCE_ENTITIES: [STATUS],
        },
        {CONF_EXTRA_PRESENCE_ENTITIES: "not_numeric"},
        {"entity": STATUS},
        {
            CONF_PRESENCE_ENTITY: PRESENCE,
            CONF_PRESENCE_THRESHOLD: 10,
            CONF_EXTRA_PRESENCE_ENTITIES: [PLUG],
        },
        id="extra_presence_not_numeric",
    ),
    pytest.param(
        {CONF_PRESENCE_ENTITY: PLUG},
        {CONF_PRESENCE_THRESHOLD: "threshold_required"},
        {},
        {CONF_PRESENCE_ENTITY: PLUG, CONF_PRESENCE_THRESHOLD: 0},
        id="threshold_required",
    ),
    pytest.param(
        {CONF_PRESENCE_ENTITY: PRESENCE, CONF_EXTRA_PRESENCE_ENTITIES: [PLUG]},
        {CONF_PRESENCE_THRESHOLD: "threshold_required"},
        {},
        {
            CONF_PRESENCE_ENTITY: PRESENCE,
            CONF_EXTRA_PRESENCE_ENTITIES: [PLUG],
            CONF_PRESENCE_THRESHOLD: 15,
        },
        id="threshold_required_for_extra_sensor",
    ),
    pytest.param(
        {CONF_PRESENCE_ENTITY: PLUG, CONF_PRESENCE_THRESHOLD: -1},
        {CONF_PRESENCE_THRESHOLD: "threshold_negative"},
        {},
        {CONF_PRESENCE_ENTITY: PLUG, CONF_PRESENCE_THRESHOLD: 15},
        id="threshold_negative",
    ),
    pytest.param(
        {CONF_PRESENCE_ENTITY: PRESENCE, CONF_EXTRA_PRESENCE_ENTITIES: [OCCUPANCY, PRESENCE]},
        {CONF_EXTRA_PRESENCE_ENTITIES: "duplicate_source"},
        {},
        {CONF_PRESENCE_ENTITY: PRESENCE, CONF_EXTRA_PRESENCE_ENTITIES: [OCCUPANCY]},
        id="duplicate_source",
    ),
    pytest.param(
        {
            CONF_PRESENCE_ENTITY: PRESENCE,
            CONF_EXTRA_PRESENCE_ENTITIES: [OCCUPANCY],
            CONF_STANDING_ENTITY: OCCUPANCY,
        },
        {CONF_STANDING_ENTITY: "standing_is_presence"},
        {},
        {
            CONF_PRESENCE_ENTITY: PRESENCE,
            CONF_EXTRA_PRESENCE_ENTITIES: [OCCUPANCY],
            CONF_STANDING_ENTITY: STANDING,
        },
        id="standing_is_presence",
    ),
    pytest.param(
        {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: HEIGHT},
        {CONF_STANDING_HEIGHT: "height_required"},
        {},
        {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: HEIGHT, CONF_STANDING_HEIGHT: 1.0},
        id="sensor_height_required",
    ),
    pytest.param(
        {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: COVER},
        {CONF_STANDING_HEIGHT: "height_required"},
        {},
        {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: COVER, CONF_STANDING_HEIGHT: 60},
        id="cover_height_required",
    ),
    pytest.param(
        {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: COVER, CONF_STANDING_HEIGHT: 150},
        {CONF_STANDING_HEIGHT: "height_not_percent"},
        {},
        {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: COVER, CONF_STANDING_HEIGHT: 100},
        id="cover_height_above_100",
    ),
    pytest.param(
        {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: COVER, CONF_STANDING_HEIGHT: -5},
        {CONF_STANDING_HEIGHT: "height_not_percent"},
        {},
        {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: COVER, CONF_STANDING_HEIGHT: 55},
        id="cover_height_below_0",
    ),
    pytest.param(
        {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: HEIGHT, CONF_STANDING_HEIGHT: 0},
        {CONF_STANDING_HEIGHT: "height_not_positive"},
        {},
        {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: HEIGHT, CONF_STANDING_HEIGHT: 0.9},
        id="sensor_height_zero",
    ),
    pytest.param(
        {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: HEIGHT, CONF_STANDING_HEIGHT: -0.5},
        {CONF_STANDING_HEIGHT: "height_not_positive"},
        {},
        {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: HEIGHT, CONF_STANDING_HEIGHT: 0.9},
        id="sensor_height_negative",
    ),
]


@pytest.mark.parametrize(("bad_input", "errors", "placeholders", "good_input"), ERROR_CASES)
@pytest.mark.usefixtures("fake_entities")
async def test_user_flow_error_then_retry(
    hass: HomeAssistant,
    bad_input: dict[str, Any],
    errors: dict[str, str],
    placeholders: dict[str, str],
    good_input: dict[str, Any],
) -> None:
    result = await start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "Office desk", **bad_input}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    assert result["errors"] == errors
    assert result["description_placeholders"] == placeholders
    assert_errors_translated(result, "config")
    # the form keeps what was typed
    assert suggested_value(result, CONF_NAME) == "Office desk"
    assert suggested_value(result, CONF_PRESENCE_ENTITY) == bad_input[CONF_PRESENCE_ENTITY]
    assert hass.config_entries.async_entries(DOMAIN) == []

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "Office desk", **good_input}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Office desk"
    assert result["data"] == good_input
    await hass.async_block_till_done()
    assert result["result"].state is ConfigEntryState.LOADED


@pytest.mark.usefixtures("fake_entities")
async def test_entity_known_only_to_the_registry_is_accepted(
    hass: HomeAssistant, mock_setup_entry: AsyncMock
) -> None:
    registry_entry = er.async_get(hass).async_get_or_create(
        "sensor", "smart_plug", "plug-2", suggested_object_id="second_plug_power"
    )
    assert hass.states.get(registry_entry.entity_id) is None

    result = await start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            CONF_NAME: "Office desk",
            CONF_PRESENCE_ENTITY: registry_entry.entity_id,
            CONF_PRESENCE_THRESHOLD: 10,
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"] == {
        CONF_PRESENCE_ENTITY: "sensor.second_plug_power",
        CONF_PRESENCE_THRESHOLD: 10,
    }
    await hass.async_block_till_done()
    assert len(mock_setup_entry.mock_calls) == 1


@pytest.mark.parametrize("state", ["unavailable", "unknown"])
@pytest.mark.usefixtures("fake_entities")
async def test_numeric_sensor_without_a_reading_yet_is_accepted(
    hass: HomeAssistant, state: str, mock_setup_entry: AsyncMock
) -> None:
    hass.states.async_set(PLUG, state)
    result = await start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {CONF_NAME: "Office desk", CONF_PRESENCE_ENTITY: PLUG, CONF_PRESENCE_THRESHOLD: 15},
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"] == {CONF_PRESENCE_ENTITY: PLUG, CONF_PRESENCE_THRESHOLD: 15}
    await hass.async_block_till_done()
    assert len(mock_setup_entry.mock_calls) == 1


@pytest.mark.parametrize(
    ("desk_data", "new_input", "in_use"),
    [
        pytest.param(
            {CONF_PRESENCE_ENTITY: PRESENCE},
            {CONF_PRESENCE_ENTITY: PRESENCE},
            PRESENCE,
            id="main_of_other_desk",
        ),
        pytest.param(
            {CONF_PRESENCE_ENTITY: OCCUPANCY, CONF_EXTRA_PRESENCE_ENTITIES: [PRESENCE]},
            {CONF_PRESENCE_ENTITY: PRESENCE},
            PRESENCE,
            id="extra_of_other_desk",
        ),
        pytest.param(
            {CONF_PRESENCE_ENTITY: PRESENCE},
            {CONF_PRESENCE_ENTITY: STANDING, CONF_EXTRA_PRESENCE_ENTITIES: [PRESENCE]},
            PRESENCE,
            id="other_desk_main_as_new_extra",
        ),
        pytest.param(
            {CONF_PRESENCE_ENTITY: PRESENCE, CONF_EXTRA_PRESENCE_ENTITIES: [OCCUPANCY]},
            {CONF_PRESENCE_ENTITY: PRESENCE, CONF_EXTRA_PRESENCE_ENTITIES: [OCCUPANCY]},
            "Desk occupancy",  # the first in order names the shared entity, by its name
            id="two_shared",
        ),
    ],
)
@pytest.mark.usefixtures("fake_entities")
async def test_presence_in_use_by_another_desk(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    new_input: dict[str, Any],
    in_use: str,
) -> None:
    mock_config_entry.add_to_hass(hass)
    result = await start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "Kitchen desk", **new_input}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_PRESENCE_ENTITY: "presence_in_use"}
    # the toggle has no name of its own: its ID is all there is to show
    assert result["description_placeholders"] == {"entity": in_use, "desk": "Office desk"}
    assert_errors_translated(result, "config")

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {CONF_NAME: "Kitchen desk", CONF_PRESENCE_ENTITY: PLUG, CONF_PRESENCE_THRESHOLD: 20},
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Kitchen desk"
    assert result["data"] == {CONF_PRESENCE_ENTITY: PLUG, CONF_PRESENCE_THRESHOLD: 20}
    assert len(hass.config_entries.async_entries(DOMAIN)) == 2


@pytest.mark.usefixtures("fake_entities")
async def test_presence_in_use_names_the_entity_and_desk_in_both_languages(
    hass: HomeAssistant,
) -> None:
    er.async_get(hass).async_get_or_create(
        "switch", "demo", "pc", suggested_object_id="pc_active", original_name="PC active"
    )
    hass.states.async_set(OCCUPANCY, "on", {"friendly_name": "Chair sensor"})
    MockConfigEntry(
        domain=DOMAIN, title="Study", data={CONF_PRESENCE_ENTITY: OCCUPANCY}
    ).add_to_hass(hass)
    MockConfigEntry(
        domain=DOMAIN, title=" ", data={CONF_PRESENCE_ENTITY: "switch.pc_active"}
    ).add_to_hass(hass)

    result = await start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "Office", CONF_PRESENCE_ENTITY: OCCUPANCY}
    )
    assert result["errors"] == {CONF_PRESENCE_ENTITY: "presence_in_use"}
    assert result["description_placeholders"] == {"entity": "Chair sensor", "desk": "Study"}
    texts = {
        language: json.loads((PACKAGE / "translations" / f"{language}.json").read_text("utf-8"))
        for language in ("en", "de")
    }
    shown = {
        language: text["config"]["error"]["presence_in_use"].format(
            **result["description_placeholders"]
        )
        for language, text in texts.items()
    }
    assert shown == {
        "en": 'Chair sensor already tells the presence at the desk "Study".',
        "de": "Chair sensor meldet bereits die Anwesenheit am Schreibtisch „Study“.",
    }

    # known only to the registry, in use by a desk without a name
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "Office", CONF_PRESENCE_ENTITY: "switch.pc_active"}
    )
    assert result["errors"] == {CONF_PRESENCE_ENTITY: "presence_in_use_elsewhere"}
    assert result["description_placeholders"] == {"entity": "PC active"}
    for text in texts.values():
        assert "{desk}" not in text["config"]["error"]["presence_in_use_elsewhere"]
    assert_errors_translated(result, "config")


# ---- reconfigure ------------------------------------------------------------------


async def test_reconfigure_keeps_what_was_counted(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=5))
    assert value(hass, SITTING_TODAY) == "5"
    hass.states.async_set(OCCUPANCY, "on")  # the new sensor sees the person too
    await hass.async_block_till_done()
    old_coach = init_integration.runtime_data.coordinator

    result = await init_integration.start_reconfigure_flow(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reconfigure"
    assert result["errors"] == {}
    assert suggested_value(result, CONF_PRESENCE_ENTITY) == PRESENCE
    assert suggested_value(result, CONF_PRESENCE_THRESHOLD) is None
    assert CONF_NAME not in result["data_schema"].schema

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_PRESENCE_ENTITY: OCCUPANCY, CONF_EXTRA_PRESENCE_ENTITIES: []}
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert result["reason"] in TRANSLATIONS["config"]["abort"]
    assert init_integration.data == {CONF_PRESENCE_ENTITY: OCCUPANCY}
    assert init_integration.title == "Office desk"
    assert init_integration.state is ConfigEntryState.LOADED
    assert init_integration.runtime_data.coordinator is not old_coach  # reloaded
    assert value(hass, SITTING_TODAY) == "5"

    # the desk now follows the new entity, not the old one
    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(minutes=3))
    assert value(hass, SITTING_TODAY) == "8"
    hass.states.async_set(OCCUPANCY, "off")
    await hass.async_block_till_done()
    await pass_time(hass, freezer, timedelta(minutes=5))
    assert value(hass, SITTING_TODAY) == "8"
    assert value(hass, SITTING_TIME) == "0"


@pytest.mark.parametrize(
    "desk_data",
    [
        {
            CONF_PRESENCE_ENTITY: PRESENCE,
            CONF_EXTRA_PRESENCE_ENTITIES: [OCCUPANCY],
            CONF_STANDING_ENTITY: HEIGHT,
            CONF_STANDING_HEIGHT: 1.05,
        }
    ],
)
@pytest.mark.usefixtures("fake_entities")
async def test_reconfigure_form_is_prefilled(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    result = await init_integration.start_reconfigure_flow(hass)
    assert result["type"] is FlowResultType.FORM
    assert suggested_value(result, CONF_PRESENCE_ENTITY) == PRESENCE
    assert suggested_value(result, CONF_EXTRA_PRESENCE_ENTITIES) == [OCCUPANCY]
    assert suggested_value(result, CONF_STANDING_ENTITY) == HEIGHT
    assert suggested_value(result, CONF_STANDING_HEIGHT) == 1.05
    assert suggested_value(result, CONF_AREA) is None


@pytest.mark.usefixtures("fake_entities")
async def test_reconfigure_in_use_check_skips_the_desk_itself(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    kitchen = MockConfigEntry(
        domain=DOMAIN, title="Kitchen desk", data={CONF_PRESENCE_ENTITY: STANDING}
    )
    kitchen.add_to_hass(hass)

    result = await init_integration.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {CONF_PRESENCE_ENTITY: PRESENCE, CONF_EXTRA_PRESENCE_ENTITIES: [STANDING]},
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reconfigure"
    assert result["errors"] == {CONF_PRESENCE_ENTITY: "presence_in_use"}
    assert result["description_placeholders"] == {"entity": "Standing mat", "desk": "Kitchen desk"}
    assert suggested_value(result, CONF_EXTRA_PRESENCE_ENTITIES) == [STANDING]

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {CONF_PRESENCE_ENTITY: PRESENCE, CONF_EXTRA_PRESENCE_ENTITIES: [OCCUPANCY]},
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert init_integration.data == {
        CONF_PRESENCE_ENTITY: PRESENCE,
        CONF_EXTRA_PRESENCE_ENTITIES: [OCCUPANCY],
    }
    assert kitchen.data == {CONF_PRESENCE_ENTITY: STANDING}


@pytest.mark.usefixtures("fake_entities")
async def test_reconfigure_moves_the_device_to_a_new_area(
    hass: HomeAssistant, morning: datetime
) -> None:
    areas = ar.async_get(hass)
    office = areas.async_create("Office")
    kitchen = areas.async_create("Kitchen")
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Office desk",
        data={CONF_PRESENCE_ENTITY: PRESENCE, CONF_AREA: kitchen.id},
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert desk_device(hass, entry.entry_id).area_id == kitchen.id

    result = await entry.start_reconfigure_flow(hass)
    assert suggested_value(result, CONF_AREA) == kitchen.id
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_PRESENCE_ENTITY: PRESENCE, CONF_AREA: office.id}
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert entry.data == {CONF_PRESENCE_ENTITY: PRESENCE, CONF_AREA: office.id}
    assert entry.state is ConfigEntryState.LOADED
    assert desk_device(hass, entry.entry_id).area_id == office.id


@pytest.mark.parametrize(
    "area_input",
    [pytest.param({CONF_AREA: "office"}, id="same_area"), pytest.param({}, id="no_area")],
)
@pytest.mark.usefixtures("fake_entities")
async def test_reconfigure_leaves_a_moved_device_where_the_user_put_it(
    hass: HomeAssistant, morning: datetime, area_input: dict[str, str]
) -> None:
    areas = ar.async_get(hass)
    office = areas.async_create("Office")
    kitchen = areas.async_create("Kitchen")
    assert office.id == "office"
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Office desk",
        data={CONF_PRESENCE_ENTITY: PRESENCE, CONF_AREA: office.id},
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    device = desk_device(hass, entry.entry_id)
    assert device.area_id == office.id
    dr.async_get(hass).async_update_device(device.id, area_id=kitchen.id)

    result = await entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_PRESENCE_ENTITY: OCCUPANCY, **area_input}
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert entry.data == {CONF_PRESENCE_ENTITY: OCCUPANCY, **area_input}
    assert entry.state is ConfigEntryState.LOADED
    assert desk_device(hass, entry.entry_id).area_id == kitchen.id


@pytest.mark.usefixtures("fake_entities")
async def test_reconfigure_a_desk_not_set_up_yet(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    office = ar.async_get(hass).async_create("Office")
    mock_config_entry.add_to_hass(hass)
    assert mock_config_entry.state is ConfigEntryState.NOT_LOADED
    assert (
        dr.async_get(hass).async_get_device(identifiers={(DOMAIN, mock_config_entry.entry_id)})
        is None
    )

    result = await mock_config_entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_PRESENCE_ENTITY: PRESENCE, CONF_AREA: office.id}
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert mock_config_entry.data == {CONF_PRESENCE_ENTITY: PRESENCE, CONF_AREA: office.id}
    # the reload sets the desk up, and its new device lands in the chosen area
    assert mock_config_entry.state is ConfigEntryState.LOADED
    assert desk_device(hass, mock_config_entry.entry_id).area_id == office.id
