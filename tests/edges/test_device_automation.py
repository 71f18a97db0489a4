"""Device triggers and conditions on a desk's device, with real automations."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from unittest.mock import AsyncMock

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.device_automation import (
    DeviceAutomationType,
    async_get_device_automations,
)
from homeassistant.components.device_automation.exceptions import InvalidDeviceAutomationConfig
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import device_registry as dr
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_mock_service

from custom_components.desk_coach import device_condition, device_trigger
from custom_components.desk_coach.const import CONF_PRESENCE_ENTITY, DOMAIN
from tests.conftest import PRESENCE
from tests.helpers import pass_time, set_presence, value

KITCHEN_PRESENCE = "input_boolean.kitchen_presence"
TRIGGER_TYPES = [
    "break_due",
    "break_taken",
    "break_skipped",
    "break_missed",
    "routine_started",
    "routine_completed",
    "routine_stopped_for_pain",
]
CONDITION_TYPES = ["is_sitting", "break_due", "routine_running"]
CHECK = "desk_coach_test_check"  # the event the condition automations run on


@pytest.fixture
async def presence_toggle(hass: HomeAssistant) -> str:
    """Presence toggles for the office desk and a second, kitchen desk."""
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"desk_presence": {}, "kitchen_presence": {}}}
    )
    await hass.async_block_till_done()
    return PRESENCE


@pytest.fixture
async def kitchen(hass: HomeAssistant, init_integration: MockConfigEntry) -> MockConfigEntry:
    """A second desk, set up next to the office desk."""
    entry = MockConfigEntry(
        domain=DOMAIN, title="Kitchen desk", data={CONF_PRESENCE_ENTITY: KITCHEN_PRESENCE}
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


@pytest.fixture
def runs(hass: HomeAssistant) -> list[ServiceCall]:
    """Every run of the test automations."""
    return async_mock_service(hass, "test", "automation")


def device_of(hass: HomeAssistant, entry: MockConfigEntry) -> str:
    """The device id of a desk."""
    device = dr.async_get(hass).async_get_device(identifiers={(DOMAIN, entry.entry_id)})
    assert device is not None
    return device.id


async def call(hass: HomeAssistant, service: str, entry: MockConfigEntry, **data: Any) -> None:
    """Call one of Desk Coach's actions for a desk."""
    await hass.services.async_call(
        DOMAIN, service, {"config_entry_id": entry.entry_id, **data}, blocking=True
    )
    await hass.async_block_till_done()


def taken(runs: list[ServiceCall]) -> list[str]:
    """Which automations ran since the last look (and forget them)."""
    names = [call.data["name"] for call in runs]
    runs.clear()
    return names


async def set_up_trigger_automations(hass: HomeAssistant, desks: dict[str, str]) -> None:
    """One automation per desk and trigger type, recording what the trigger carries."""
    automations = [
        {
            "alias": f"{desk} {trigger_type}",
            "triggers": [
                {
                    "trigger": "device",
                    "domain": DOMAIN,
                    "device_id": device_id,
                    "type": trigger_type,
                    "id": f"{desk} {trigger_type}",
                }
            ],
            "actions": [
                {
                    "action": "test.automation",
                    "data": {
                        "name": "{{ trigger.id }}",
                        "platform": "{{ trigger.platform }}",
                        "desk": "{{ trigger.event.data.desk }}",
                        "type": "{{ trigger.event.data.type }}",
                        "routine": "{{ trigger.event.data.routine | default('') }}",
                        "reason": "{{ trigger.event.data.reason | default('') }}",
                    },
                }
            ],
        }
        for desk, device_id in desks.items()
        for trigger_type in TRIGGER_TYPES
    ]
    assert await async_setup_component(hass, "automation", {"automation": automations})
    await hass.async_block_till_done()


async def set_up_condition_automations(hass: HomeAssistant, desks: dict[str, str]) -> None:
    """One automation per desk and condition type, run by the CHECK event."""
    automations = [
        {
            "alias": f"{desk} {condition_type}",
            "triggers": [{"trigger": "event", "event_type": CHECK}],
            "conditions": [
                {
                    "condition": "device",
                    "domain": DOMAIN,
                    "device_id": device_id,
                    "type": condition_type,
                }
            ],
            "actions": [
                {"action": "test.automation", "data": {"name": f"{desk} {condition_type}"}}
            ],
        }
        for desk, device_id in desks.items()
        for condition_type in CONDITION_TYPES
    ]
    assert await async_setup_component(hass, "automation", {"automation": automations})
    await hass.async_block_till_done()


async def holding(hass: HomeAssistant, runs: list[ServiceCall]) -> list[str]:
    """The conditions that hold right now (desk and type)."""
    runs.clear()
    hass.bus.async_fire(CHECK)
    await hass.async_block_till_done()
    return sorted(taken(runs))


async def test_desk_device_offers_its_triggers_and_conditions(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    device_id = device_of(hass, init_integration)
    for automation_type, key, expected in (
        (DeviceAutomationType.TRIGGER, "platform", TRIGGER_TYPES),
        (DeviceAutomationType.CONDITION, "condition", CONDITION_TYPES),
    ):
        listed = (await async_get_device_automations(hass, automation_type, [device_id]))[device_id]
        ours = [automation for automation in listed if automation["domain"] == DOMAIN]
        assert ours == [
            {
                key: "device",
                "domain": DOMAIN,
                "device_id": device_id,
                "type": kind,
                "metadata": {},
            }
            for kind in expected
        ]


async def test_a_device_that_is_not_a_desk_offers_nothing(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    other = MockConfigEntry(domain="test")
    other.add_to_hass(hass)
    device = dr.async_get(hass).async_get_or_create(
        config_entry_id=other.entry_id, identifiers={("test", "lamp")}
    )
    assert await device_trigger.async_get_triggers(hass, device.id) == []
    assert await device_condition.async_get_conditions(hass, device.id) == []
    assert await device_trigger.async_get_triggers(hass, "no such device") == []


async def test_a_trigger_on_a_device_that_is_not_a_desk_is_refused_in_words(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    other = MockConfigEntry(domain="test")
    other.add_to_hass(hass)
    device = dr.async_get(hass).async_get_or_create(
        config_entry_id=other.entry_id, identifiers={("test", "lamp")}
    )
    config = {
        "platform": "device",
        "domain": DOMAIN,
        "device_id": device.id,
        "type": "break_due",
    }
    with pytest.raises(InvalidDeviceAutomationConfig) as refused:
        await device_trigger.async_attach_trigger(
            hass,
            config,
            AsyncMock(),
            {"name": "test", "domain": DOMAIN},  # type: ignore[typeddict-item]
        )
    assert refused.value.translation_domain == DOMAIN
    assert refused.value.translation_key == "device_not_a_desk"
    assert refused.value.translation_placeholders == {"device_id": device.id}
    assert str(refused.value) == (  # Home Assistant drops the message's final full stop
        f"The device {device.id} is not a Desk Coach desk; choose the desk's device in the trigger"
    )


async def test_break_triggers_fire_for_what_happens_to_the_break(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    kitchen: MockConfigEntry,
    runs: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    office = init_integration
    await set_up_trigger_automations(
        hass, {"office": device_of(hass, office), "kitchen": device_of(hass, kitchen)}
    )
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=29))
    assert taken(runs) == []
    await pass_time(hass, freezer, timedelta(minutes=1))
    due = runs[0].data
    assert taken(runs) == ["office break_due"]
    assert due == {
        "name": "office break_due",
        "platform": "device",
        "desk": "Office desk",
        "type": "due",
        "routine": "",
        "reason": "",
    }

    await call(hass, "skip_break", office)
    assert taken(runs) == ["office break_skipped"]

    await pass_time(hass, freezer, timedelta(minutes=30))
    assert taken(runs) == ["office break_due"]
    await call(hass, "take_break", office)
    assert runs[0].data["type"] == "taken"
    assert taken(runs) == ["office break_taken"]

    # taken before it fell due: a natural break, still a break taken
    await pass_time(hass, freezer, timedelta(minutes=10))
    await call(hass, "take_break", office)
    assert runs[0].data["type"] == "natural"
    assert taken(runs) == ["office break_taken"]

    # getting up when the break is due takes it too
    await pass_time(hass, freezer, timedelta(minutes=30))
    assert taken(runs) == ["office break_due"]
    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(minutes=1))
    assert runs[0].data["type"] == "taken"
    assert taken(runs) == ["office break_taken"]

    # ignored: reminded twice, then missed
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=30))
    assert taken(runs) == ["office break_due"]
    await pass_time(hass, freezer, timedelta(minutes=14))
    assert taken(runs) == []
    await pass_time(hass, freezer, timedelta(minutes=1))
    assert taken(runs) == ["office break_missed"]

    # snoozing is no trigger of ours
    await pass_time(hass, freezer, timedelta(minutes=5))
    await call(hass, "snooze", office, minutes=10)
    assert taken(runs) == []


async def test_break_triggers_follow_their_own_desk(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    kitchen: MockConfigEntry,
    runs: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    await set_up_trigger_automations(
        hass, {"office": device_of(hass, init_integration), "kitchen": device_of(hass, kitchen)}
    )
    await set_presence(hass, KITCHEN_PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=30))
    assert runs[0].data["desk"] == "Kitchen desk"
    assert taken(runs) == ["kitchen break_due"]
    await call(hass, "take_break", kitchen)
    assert taken(runs) == ["kitchen break_taken"]


async def test_routine_triggers_fire_for_start_completion_and_pain(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    kitchen: MockConfigEntry,
    runs: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    office = init_integration
    await set_up_trigger_automations(
        hass, {"office": device_of(hass, office), "kitchen": device_of(hass, kitchen)}
    )
    await call(hass, "start_routine", office, routine="shoulder_rotation", announce=False)
    started = runs[0].data
    assert taken(runs) == ["office routine_started"]
    assert started["routine"] == "shoulder_rotation"
    await pass_time(hass, freezer, timedelta(minutes=2))  # steps are no trigger of ours
    assert taken(runs) == ["office routine_completed"]

    # stopped early, but not for pain: not the pain trigger
    for reason in ("done", "interrupted"):
        await call(hass, "start_routine", office, routine="stretching", announce=False)
        await call(hass, "stop_routine", office, reason=reason)
        assert taken(runs) == ["office routine_started"]

    await call(hass, "start_routine", office, routine="strengthening", announce=False)
    await pass_time(hass, freezer, timedelta(minutes=1))
    await call(hass, "stop_routine", office, reason="pain")
    stopped = runs[-1].data
    assert taken(runs) == ["office routine_started", "office routine_stopped_for_pain"]
    assert (stopped["type"], stopped["reason"], stopped["routine"]) == (
        "stopped",
        "pain",
        "strengthening",
    )

    # the kitchen desk's routine is the kitchen's; unloading it stops it, not for pain
    await call(hass, "start_routine", kitchen, routine="stretching", announce=False)
    assert taken(runs) == ["kitchen routine_started"]
    assert await hass.config_entries.async_unload(kitchen.entry_id)
    await hass.async_block_till_done()
    assert taken(runs) == []


async def test_completing_a_routine_while_sitting_is_a_break_taken(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    runs: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    await set_up_trigger_automations(hass, {"office": device_of(hass, init_integration)})
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=30))
    assert taken(runs) == ["office break_due"]
    await call(hass, "start_routine", init_integration, routine="shoulder_rotation")
    await pass_time(hass, freezer, timedelta(minutes=2))
    assert sorted(taken(runs)) == [
        "office break_taken",
        "office routine_completed",
        "office routine_started",
    ]


async def test_conditions_ask_the_desk(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    kitchen: MockConfigEntry,
    runs: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    office = init_integration
    await set_up_condition_automations(
        hass, {"office": device_of(hass, office), "kitchen": device_of(hass, kitchen)}
    )
    assert await holding(hass, runs) == []

    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(seconds=10))
    assert await holding(hass, runs) == []  # not yet past the debounce
    await pass_time(hass, freezer, timedelta(minutes=1))
    assert await holding(hass, runs) == ["office is_sitting"]

    await pass_time(hass, freezer, timedelta(minutes=29))
    assert await holding(hass, runs) == ["office break_due", "office is_sitting"]
    await call(hass, "take_break", office)
    assert await holding(hass, runs) == ["office is_sitting"]

    await call(hass, "start_routine", office, routine="strengthening", announce=False)
    assert await holding(hass, runs) == ["office is_sitting", "office routine_running"]
    await call(hass, "pause_routine", office)
    assert await holding(hass, runs) == ["office is_sitting", "office routine_running"]
    await call(hass, "stop_routine", office)
    assert await holding(hass, runs) == ["office is_sitting"]

    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(minutes=3))
    assert await holding(hass, runs) == []

    await set_presence(hass, KITCHEN_PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=1))
    assert await holding(hass, runs) == ["kitchen is_sitting"]


async def test_conditions_are_false_while_the_desk_is_not_loaded(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    runs: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    office = init_integration
    await set_up_condition_automations(hass, {"office": device_of(hass, office)})
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=30))
    await call(hass, "start_routine", office, routine="strengthening", announce=False)
    assert await holding(hass, runs) == [
        "office break_due",
        "office is_sitting",
        "office routine_running",
    ]

    assert await hass.config_entries.async_unload(office.entry_id)
    await hass.async_block_till_done()
    assert await holding(hass, runs) == []

    # loaded again, the same automations ask it again (the routine was stopped by the unload)
    assert await hass.config_entries.async_setup(office.entry_id)
    await hass.async_block_till_done()
    assert "office is_sitting" in await holding(hass, runs)


async def test_an_automation_turned_off_no_longer_hears_its_desk(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    runs: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    await set_up_trigger_automations(hass, {"office": device_of(hass, init_integration)})
    await hass.services.async_call("automation", "turn_off", {"entity_id": "all"}, blocking=True)
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=30))
    assert value(hass, "binary_sensor.office_desk_break_due") == "on"
    assert taken(runs) == []  # the trigger's listeners went with it
