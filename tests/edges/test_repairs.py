"""Repair flows, driven as the frontend drives them (the repairs HTTP API)."""

from __future__ import annotations

from datetime import datetime
import json
from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_mock_service
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.desk_coach.const import (
    CONF_BREAK_ACTION,
    CONF_DESK_CONTROL,
    CONF_DND_ENTITIES,
    CONF_LIGHTS,
    CONF_LOWER_AFTER,
    CONF_MOBILE_APPS,
    CONF_PRESENCE_ENTITY,
    CONF_RAISE_TO,
    CONF_RAISE_WARNING,
    CONF_STAND_MINUTES,
    CONF_STANDING_ENTITY,
    DOMAIN,
)
from custom_components.desk_coach.entity_check import ISSUE_NO_CHANNEL, SLOTS
from custom_components.desk_coach.repairs import CHANNELS
from tests.conftest import PRESENCE
from tests.helpers import set_presence

LAMP = "light.desk_lamp"
TRANSLATIONS = Path(__file__).parents[2] / "custom_components" / DOMAIN / "translations"


class RepairFlow:
    """A repair flow opened through the HTTP API, as the Repairs dialog opens it."""

    def __init__(self, client: Any, result: dict[str, Any]) -> None:
        self.client = client
        self.result = result

    @classmethod
    async def open(
        cls, hass: HomeAssistant, hass_client: ClientSessionGenerator, issue_id: str
    ) -> RepairFlow:
        assert await async_setup_component(hass, "repairs", {})
        client = await hass_client()
        response = await client.post(
            "/api/repairs/issues/fix", json={"handler": DOMAIN, "issue_id": issue_id}
        )
        assert response.status == 200, await response.text()
        return cls(client, await response.json())

    async def answer(self, hass: HomeAssistant, data: dict[str, Any]) -> dict[str, Any]:
        response = await self.client.post(
            f"/api/repairs/issues/fix/{self.result['flow_id']}", json=data
        )
        assert response.status == 200, await response.text()
        self.result = await response.json()
        await hass.async_block_till_done()
        return self.result


def issue_id(entry: MockConfigEntry, name: str) -> str:
    return f"missing_{entry.entry_id}_{name}"


async def set_up(
    hass: HomeAssistant, data: dict[str, Any], options: dict[str, Any]
) -> MockConfigEntry:
    entry = MockConfigEntry(domain=DOMAIN, title="Office desk", data=data, options=options)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


async def test_a_missing_presence_input_is_replaced_and_the_desk_counts_again(
    hass: HomeAssistant,
    morning: datetime,
    presence_toggle: str,
    hass_client: ClientSessionGenerator,
    issue_registry: ir.IssueRegistry,
) -> None:
    entry = await set_up(hass, {CONF_PRESENCE_ENTITY: "binary_sensor.gone"}, {})
    flow = await RepairFlow.open(hass, hass_client, issue_id(entry, "binary_sensor.gone"))
    # the desk needs it: no removal offered, straight to the replacement
    assert flow.result["type"] == "form"
    assert flow.result["step_id"] == "replace"
    assert flow.result["description_placeholders"] == {
        "desk": "Office desk",
        "entity": "binary_sensor.gone",
    }
    result = await flow.answer(hass, {"entity": PRESENCE})
    assert result["type"] == "create_entry"
    assert entry.data[CONF_PRESENCE_ENTITY] == PRESENCE
    assert issue_registry.async_get_issue(DOMAIN, issue_id(entry, "binary_sensor.gone")) is None
    await set_presence(hass, PRESENCE, True)  # the reloaded desk reads the replacement
    assert entry.runtime_data.coordinator.current_activity().value == "sitting"


async def test_a_missing_lamp_is_replaced_live_keeping_a_running_routine(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_client: ClientSessionGenerator,
    issue_registry: ir.IssueRegistry,
) -> None:
    entry = init_integration
    async_mock_service(hass, "light", "turn_on")
    hass.states.async_set("light.other", "off")
    hass.config_entries.async_update_entry(entry, options={CONF_LIGHTS: ["light.gone", LAMP]})
    hass.states.async_set(LAMP, "off")
    await hass.async_block_till_done()
    coach = entry.runtime_data.coordinator
    await hass.services.async_call(
        DOMAIN, "start_routine", {"routine": "stretching"}, blocking=True, return_response=True
    )

    flow = await RepairFlow.open(hass, hass_client, issue_id(entry, "light.gone"))
    assert flow.result["type"] == "menu"
    assert flow.result["menu_options"] == ["replace", "remove"]
    result = await flow.answer(hass, {"next_step_id": "replace"})
    assert result["step_id"] == "replace"
    result = await flow.answer(hass, {"entity": "light.other"})
    assert result["type"] == "create_entry"
    assert entry.options[CONF_LIGHTS] == ["light.other", LAMP]
    assert entry.runtime_data.coordinator is coach
    assert coach.routines.snapshot.state.value == "running"
    assert issue_registry.async_get_issue(DOMAIN, issue_id(entry, "light.gone")) is None


async def test_replacing_with_an_entity_already_listed_lists_it_once(
    hass: HomeAssistant, init_integration: MockConfigEntry, hass_client: ClientSessionGenerator
) -> None:
    entry = init_integration
    hass.states.async_set(LAMP, "off")
    hass.config_entries.async_update_entry(entry, options={CONF_LIGHTS: ["light.gone", LAMP]})
    await hass.async_block_till_done()
    flow = await RepairFlow.open(hass, hass_client, issue_id(entry, "light.gone"))
    await flow.answer(hass, {"next_step_id": "replace"})
    await flow.answer(hass, {"entity": LAMP})
    assert entry.options[CONF_LIGHTS] == [LAMP]


async def test_a_missing_calendar_is_removed(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_client: ClientSessionGenerator,
    issue_registry: ir.IssueRegistry,
) -> None:
    entry = init_integration
    options = {CONF_DND_ENTITIES: ["calendar.gone", PRESENCE]}
    hass.config_entries.async_update_entry(entry, options=options)
    await hass.async_block_till_done()
    flow = await RepairFlow.open(hass, hass_client, issue_id(entry, "calendar.gone"))
    result = await flow.answer(hass, {"next_step_id": "remove"})
    assert result["type"] == "form"
    assert result["step_id"] == "remove"
    result = await flow.answer(hass, {})
    assert result["type"] == "create_entry"
    assert entry.options[CONF_DND_ENTITIES] == [PRESENCE]
    assert issue_registry.async_get_issue(DOMAIN, issue_id(entry, "calendar.gone")) is None


@pytest.fixture
def standing_desk_options() -> dict[str, Any]:
    """Breaks raise the desk through a control that is gone."""
    return {
        CONF_BREAK_ACTION: "raise",
        CONF_DESK_CONTROL: "number.gone_desk",
        CONF_RAISE_TO: 110,
        CONF_STAND_MINUTES: 5,
        CONF_LOWER_AFTER: False,
        CONF_RAISE_WARNING: 10,
        CONF_LIGHTS: [LAMP],
    }


async def test_removing_a_missing_desk_control_announces_breaks_instead(
    hass: HomeAssistant,
    morning: datetime,
    presence_toggle: str,
    hass_client: ClientSessionGenerator,
    standing_desk_options: dict[str, Any],
) -> None:
    hass.states.async_set(LAMP, "off")
    hass.states.async_set("binary_sensor.standing", "off")
    data = {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: "binary_sensor.standing"}
    entry = await set_up(hass, data, standing_desk_options)
    flow = await RepairFlow.open(hass, hass_client, issue_id(entry, "number.gone_desk"))
    await flow.answer(hass, {"next_step_id": "remove"})
    result = await flow.answer(hass, {})
    assert result["type"] == "create_entry"
    assert CONF_DESK_CONTROL not in entry.options
    assert entry.options[CONF_BREAK_ACTION] == "announce"


async def test_a_desk_control_that_does_not_take_the_heights_is_refused(
    hass: HomeAssistant,
    morning: datetime,
    presence_toggle: str,
    hass_client: ClientSessionGenerator,
    standing_desk_options: dict[str, Any],
) -> None:
    hass.states.async_set(LAMP, "off")
    hass.states.async_set("binary_sensor.standing", "off")
    hass.states.async_set("number.small_desk", "70", {"min": 60, "max": 100})
    hass.states.async_set("number.tall_desk", "70", {"min": 60, "max": 125})
    data = {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: "binary_sensor.standing"}
    entry = await set_up(hass, data, standing_desk_options)
    flow = await RepairFlow.open(hass, hass_client, issue_id(entry, "number.gone_desk"))
    await flow.answer(hass, {"next_step_id": "replace"})
    result = await flow.answer(hass, {"entity": "number.small_desk"})  # 110 is out of reach
    assert result["type"] == "form"
    assert result["errors"] == {"entity": "desk_control_heights"}
    assert entry.options[CONF_DESK_CONTROL] == "number.gone_desk"  # nothing changed
    result = await flow.answer(hass, {"entity": "number.tall_desk"})
    assert result["type"] == "create_entry"
    assert entry.options[CONF_DESK_CONTROL] == "number.tall_desk"
    assert entry.options[CONF_BREAK_ACTION] == "raise"


async def test_a_missing_phone_is_replaced_by_one_there_is(
    hass: HomeAssistant, init_integration: MockConfigEntry, hass_client: ClientSessionGenerator
) -> None:
    entry = init_integration
    async_mock_service(hass, "notify", "mobile_app_new_phone")
    hass.config_entries.async_update_entry(entry, options={CONF_MOBILE_APPS: ["mobile_app_old"]})
    await hass.async_block_till_done()
    flow = await RepairFlow.open(hass, hass_client, issue_id(entry, "mobile_app_old"))
    result = await flow.answer(hass, {"next_step_id": "replace"})
    field = result["data_schema"][0]
    assert field["selector"]["select"]["options"] == ["mobile_app_new_phone"]
    await flow.answer(hass, {"entity": "mobile_app_new_phone"})
    assert entry.options[CONF_MOBILE_APPS] == ["mobile_app_new_phone"]


async def test_a_desk_announcing_nowhere_gets_a_channel(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_client: ClientSessionGenerator,
    issue_registry: ir.IssueRegistry,
) -> None:
    entry = init_integration
    hass.states.async_set(LAMP, "off")
    no_channel = f"no_announce_channel_{entry.entry_id}"
    assert issue_registry.async_get_issue(DOMAIN, no_channel) is not None
    flow = await RepairFlow.open(hass, hass_client, no_channel)
    assert flow.result["step_id"] == "init"
    assert [field["name"] for field in flow.result["data_schema"]] == [
        "media_players",
        "assist_satellites",
        "notify_entities",
        "lights",
    ]
    result = await flow.answer(hass, {})
    assert result["errors"] == {"base": "choose_one"}
    assert CONF_LIGHTS not in entry.options
    result = await flow.answer(hass, {"lights": [LAMP]})
    assert result["type"] == "create_entry"
    assert entry.options[CONF_LIGHTS] == [LAMP]
    assert issue_registry.async_get_issue(DOMAIN, no_channel) is None
    status = hass.states.get("sensor.office_desk_break_status")
    assert status is not None
    assert "not_announced" not in status.attributes


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_fix_flow_step_field_and_error_has_its_text(language: str) -> None:
    issues = json.loads((TRANSLATIONS / f"{language}.json").read_text(encoding="utf-8"))["issues"]
    for slot in SLOTS:
        flow = issues[slot.issue_key]["fix_flow"]
        steps = flow["step"]
        assert steps["replace"]["data"]["entity"]
        assert "{entity}" in steps["replace"]["description"]
        if not slot.required:
            assert set(steps["init"]["menu_options"]) == {"replace", "remove"}
            assert "{entity}" in steps["remove"]["description"]
        if slot.key == CONF_DESK_CONTROL:
            assert flow["error"]["desk_control_heights"]
    no_channel = issues[ISSUE_NO_CHANNEL]["fix_flow"]
    assert set(no_channel["step"]["init"]["data"]) == set(CHANNELS)
    assert no_channel["error"]["choose_one"]


async def test_removing_a_missing_standing_input_announces_breaks_instead(
    hass: HomeAssistant,
    morning: datetime,
    presence_toggle: str,
    hass_client: ClientSessionGenerator,
    standing_desk_options: dict[str, Any],
) -> None:
    """Raising needs the standing input: without it, breaks are announced again."""
    hass.states.async_set(LAMP, "off")
    hass.states.async_set("number.desk", "70", {"min": 60, "max": 125})
    data = {CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: "binary_sensor.gone"}
    entry = await set_up(hass, data, {**standing_desk_options, CONF_DESK_CONTROL: "number.desk"})
    flow = await RepairFlow.open(hass, hass_client, issue_id(entry, "binary_sensor.gone"))
    await flow.answer(hass, {"next_step_id": "remove"})
    result = await flow.answer(hass, {})
    assert result["type"] == "create_entry"
    assert CONF_STANDING_ENTITY not in entry.data
    assert entry.options[CONF_BREAK_ACTION] == "announce"
    assert entry.options[CONF_DESK_CONTROL] == "number.desk"  # kept for a later raise


@pytest.mark.parametrize("which", ["missing", "no_channel"])
async def test_a_flow_finished_after_its_desk_was_removed_changes_nothing(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_client: ClientSessionGenerator,
    which: str,
) -> None:
    entry = init_integration
    hass.config_entries.async_update_entry(entry, options={CONF_DND_ENTITIES: ["calendar.gone"]})
    await hass.async_block_till_done()
    if which == "missing":
        flow = await RepairFlow.open(hass, hass_client, issue_id(entry, "calendar.gone"))
        await flow.answer(hass, {"next_step_id": "remove"})
        answer: dict[str, Any] = {}
    else:
        flow = await RepairFlow.open(hass, hass_client, f"no_announce_channel_{entry.entry_id}")
        answer = {"lights": [LAMP]}
    await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    result = await flow.answer(hass, answer)
    assert result["type"] == "create_entry"
    assert hass.config_entries.async_get_entry(entry.entry_id) is None
