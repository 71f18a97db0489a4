"""The weekly summary in a real Home Assistant: set up in the options, sent on its day."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    async_mock_service,
)

from custom_components.desk_coach.const import (
    CONF_SUMMARY_DAY,
    CONF_SUMMARY_TARGETS,
    CONF_SUMMARY_TIME,
)
from tests.conftest import PRESENCE
from tests.helpers import pass_time, save_and_close, set_presence

PHONE = "notify.phone"


@pytest.fixture
def desk_options() -> dict[str, Any]:
    """A summary on Fridays at 17:00, to the phone."""
    return {
        CONF_SUMMARY_TARGETS: [PHONE],
        CONF_SUMMARY_DAY: "fri",
        CONF_SUMMARY_TIME: "17:00:00",
    }


async def jump(hass: HomeAssistant, freezer: FrozenDateTimeFactory, delta: timedelta) -> None:
    """Let time pass in one go (the desk's timer catches up at once).

    Only while nobody sits: a wake-up this late is taken for a clock jump, no evidence.
    """
    freezer.tick(delta)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def test_sent_on_its_day_with_the_week_beside_the_week_before(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    morning: Any,
    presence_toggle: str,
    mock_config_entry: MockConfigEntry,
) -> None:
    """Tuesday 2 h, Friday 1 h: the Friday 17:00 message, once, and the next a week on."""
    hass.states.async_set(PHONE, "unknown", {"supported_features": 1})
    sent = async_mock_service(hass, "notify", "send_message")
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    await hass.services.async_call(
        "switch", "turn_off", {"entity_id": "switch.office_desk_reminders"}, blocking=True
    )
    await set_presence(hass, PRESENCE, True)  # Tuesday 09:00
    await pass_time(hass, freezer, timedelta(hours=2))
    await set_presence(hass, PRESENCE, False)
    await jump(hass, freezer, timedelta(days=3, hours=5))  # Friday 16:00
    assert not sent
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=59, seconds=59))
    assert not sent  # 16:59:59
    await jump(hass, freezer, timedelta(seconds=2))
    assert len(sent) == 1
    data = sent[0].data
    assert data["entity_id"] == [PHONE]
    assert data["title"] == "Desk Coach: your week at Office desk"
    first, days = data["message"].split("\n")
    assert first.startswith(
        "Sitting: 3 h 0 min on 2 days, 1 h 30 min a day (the week before: 0 min). "
        "Longest stretch: 2 h 0 min."
    )
    assert "Strength sessions: 0 (the week before: 0)." in first
    assert days == (
        "Sat 0 min · Sun 0 min · Mon 0 min · Tue 2 h 0 min · Wed 0 min · Thu 0 min · Fri 1 h 0 min"
    )
    local = dt_util.as_local(dt_util.utcnow())
    assert (local.weekday(), local.hour) == (4, 17)
    await set_presence(hass, PRESENCE, False)
    await jump(hass, freezer, timedelta(days=6, hours=23))
    assert len(sent) == 1
    await jump(hass, freezer, timedelta(hours=1, seconds=1))
    assert len(sent) == 2
    assert (
        sent[1].data["message"].startswith("Sitting: 0 min on 0 days (the week before: 3 h 0 min).")
    )


async def test_in_german(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    morning: Any,
    presence_toggle: str,
    mock_config_entry: MockConfigEntry,
) -> None:
    """The summary speaks Home Assistant's language."""
    hass.config.language = "de"
    hass.states.async_set(PHONE, "unknown", {"supported_features": 1})
    sent = async_mock_service(hass, "notify", "send_message")
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=20))
    await set_presence(hass, PRESENCE, False)
    await jump(hass, freezer, timedelta(days=3, hours=8))  # Friday 17:20
    assert len(sent) == 1
    assert sent[0].data["title"] == "Desk Coach: deine Woche an Office desk"
    first, days = sent[0].data["message"].split("\n")
    assert first.startswith("Gesessen: 20 Min. an 1 Tag, 20 Min. pro Tag (Woche davor: 0 Min.).")
    assert days.startswith("Sa 0 Min. · So 0 Min. · Mo 0 Min. · Di 20 Min.")


async def test_chosen_in_the_options_and_off_without_a_target(
    hass: HomeAssistant, init_integration: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """The options page saves where, which day and when; no target means no summary."""
    hass.states.async_set(PHONE, "unknown", {"supported_features": 1})
    sent = async_mock_service(hass, "notify", "send_message")
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "summary"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "summary"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {CONF_SUMMARY_TARGETS: [PHONE], CONF_SUMMARY_DAY: "sun", CONF_SUMMARY_TIME: "19:30:00"},
    )
    await save_and_close(hass, result)
    assert init_integration.options[CONF_SUMMARY_TARGETS] == [PHONE]
    assert init_integration.options[CONF_SUMMARY_DAY] == "sun"
    # sent on the Sunday at 19:30, not before
    now = dt_util.as_local(dt_util.utcnow())
    sunday = now.date() + timedelta(days=(6 - now.weekday()) % 7)
    at = datetime.combine(sunday, time(19, 30), tzinfo=now.tzinfo)
    await jump(hass, freezer, at - now - timedelta(minutes=1))
    assert sent == []
    await jump(hass, freezer, timedelta(minutes=1))
    assert [call.data["entity_id"] for call in sent] == [[PHONE]]
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "summary"}
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_SUMMARY_DAY: "sun", CONF_SUMMARY_TIME: "19:30:00"}
    )
    await save_and_close(hass, result)
    assert init_integration.options[CONF_SUMMARY_TARGETS] == []
    await jump(hass, freezer, timedelta(days=7))  # the next Sunday 19:30 passes
    assert len(sent) == 1
