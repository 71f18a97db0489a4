"""A break on the phone: one notification per desk and break, replaced, taken off at its end.

The companion app's notify service is recorded (``phone``): what would reach the phone is
asserted, message by message, with its tag and buttons.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.announce import notification_action_id
from custom_components.desk_coach.const import CONF_MOBILE_APPS, DOMAIN
from tests.conftest import PRESENCE
from tests.helpers import pass_time, set_presence, value

SKIPPED = "sensor.office_desk_breaks_skipped_today"
STATUS = "sensor.office_desk_break_status"
SKIP_BUTTON = "button.office_desk_skip_break"


@pytest.fixture
def desk_options() -> dict[str, Any]:
    """Breaks go to one phone only."""
    return {CONF_MOBILE_APPS: ["mobile_app_phone"]}


@pytest.fixture
async def desk(phone: list[ServiceCall], init_integration: MockConfigEntry) -> MockConfigEntry:
    """The desk, set up on a workday morning once the phone's notify service exists."""
    return init_integration


def shown(calls: list[ServiceCall]) -> list[tuple[str, str | None]]:
    """What reached the phone: each message (or the clearing) with its tag."""
    return [(call.data["message"], call.data.get("data", {}).get("tag")) for call in calls]


async def press(hass: HomeAssistant, desk: MockConfigEntry, key: str) -> None:
    """A button of the break's notification pressed on the phone."""
    hass.bus.async_fire(
        "mobile_app_notification_action", {"action": notification_action_id(desk.entry_id, key)}
    )
    await hass.async_block_till_done()


async def test_one_notification_per_break_replaced_by_reminders_and_cleared_when_taken(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    phone: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    tag = f"desk_coach_break_{desk.entry_id}"
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=30))  # due
    await pass_time(hass, freezer, timedelta(minutes=5))  # the first reminder
    assert [shown_tag for _, shown_tag in shown(phone)] == [tag, tag]  # the second replaces
    actions = phone[0].data["data"]["actions"]
    assert [action["title"] for action in actions] == ["Done", "Snooze 5 min", "Skip"]
    assert [action["action"] for action in actions] == [
        notification_action_id(desk.entry_id, key) for key in ("DONE", "SNOOZE", "SKIP")
    ]
    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(minutes=1))  # a break taken by walking away
    assert shown(phone)[2:] == [("clear_notification", tag)]
    await pass_time(hass, freezer, timedelta(minutes=5))
    assert len(phone) == 3  # cleared once, and nothing sent while nobody sits


@pytest.mark.parametrize(
    ("key", "status"), [("DONE", "sitting"), ("SNOOZE", "snoozed"), ("SKIP", "sitting")]
)
async def test_each_button_on_the_phone_ends_the_break_and_clears_it(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    phone: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
    key: str,
    status: str,
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=30))
    assert len(phone) == 1
    await press(hass, desk, key)
    assert value(hass, STATUS) == status
    assert value(hass, SKIPPED) == ("1" if key == "SKIP" else "0")
    assert shown(phone)[1] == ("clear_notification", f"desk_coach_break_{desk.entry_id}")
    await press(hass, desk, key)  # an old notification's button: refused quietly
    assert len(phone) == 2


async def test_a_missed_break_comes_off_the_phone(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    phone: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=45))  # due, two reminders, missed
    assert [message for message, _ in shown(phone)][-1] == "clear_notification"
    assert len(phone) == 4
    assert value(hass, "sensor.office_desk_breaks_missed_today") == "1"


async def test_the_skip_button_skips_only_a_due_break(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    phone: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=10))
    with pytest.raises(ServiceValidationError) as refused:
        await hass.services.async_call(
            "button", "press", {ATTR_ENTITY_ID: SKIP_BUTTON}, blocking=True
        )
    assert refused.value.translation_key == "no_break_due"
    assert value(hass, SKIPPED) == "0"
    await pass_time(hass, freezer, timedelta(minutes=20))
    await hass.services.async_call("button", "press", {ATTR_ENTITY_ID: SKIP_BUTTON}, blocking=True)
    await hass.async_block_till_done()
    assert value(hass, SKIPPED) == "1"
    assert value(hass, STATUS) == "sitting"
    assert shown(phone)[-1][0] == "clear_notification"


async def test_a_break_due_across_a_restart_still_comes_off_the_phone(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    phone: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=31))
    assert await hass.config_entries.async_reload(desk.entry_id)
    await hass.async_block_till_done()
    assert value(hass, STATUS) == "due"
    await hass.services.async_call(DOMAIN, "take_break", {}, blocking=True)
    await hass.async_block_till_done()
    assert shown(phone)[-1] == ("clear_notification", f"desk_coach_break_{desk.entry_id}")


async def test_a_test_announcement_is_not_the_breaks_notification(
    hass: HomeAssistant, desk: MockConfigEntry, phone: list[ServiceCall]
) -> None:
    await hass.services.async_call(DOMAIN, "announce_test", {}, blocking=True)
    await hass.async_block_till_done()
    assert len(phone) == 1
    assert "tag" not in phone[0].data.get("data", {})
