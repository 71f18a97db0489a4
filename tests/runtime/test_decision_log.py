"""The debug log tells each decision a user would ask about, and nothing per minute."""

from __future__ import annotations

from datetime import timedelta
import logging
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.const import (
    CONF_DND_ENTITIES,
    CONF_MEDIA_PLAYERS,
    CONF_TTS_ENGINE,
    DOMAIN,
)
from tests.conftest import ENGINE, PRESENCE, SPEAKER
from tests.helpers import pass_time, set_presence

MEETING = "input_boolean.in_a_meeting"
LOGGER = "custom_components.desk_coach"


def lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Desk Coach's debug lines so far; the capture starts empty again."""
    found = [
        record.getMessage()
        for record in caplog.records
        if record.name.startswith(LOGGER) and record.levelno == logging.DEBUG
    ]
    caplog.clear()
    return found


def has(found: list[str], *parts: str) -> bool:
    return all(any(part in line for line in found) for part in parts)


async def start_desk(hass: HomeAssistant, options: dict[str, Any]) -> MockConfigEntry:
    entry = MockConfigEntry(
        domain=DOMAIN, title="Office desk", data={"presence_entity": PRESENCE}, options=options
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


async def call(hass: HomeAssistant, service: str, **data: Any) -> None:
    await hass.services.async_call(DOMAIN, service, data, blocking=True)
    await hass.async_block_till_done()


async def test_break_decisions_are_logged_and_minutes_are_not(
    hass: HomeAssistant,
    morning: Any,
    speech: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    await start_desk(
        hass, {CONF_MEDIA_PLAYERS: [SPEAKER], CONF_TTS_ENGINE: ENGINE, CONF_DND_ENTITIES: [MEETING]}
    )
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=1))
    assert has(lines(caplog), "Office desk: a sitting stretch began at 2026-03-10T09:00:00")

    # sitting minutes go by: nothing is logged
    await pass_time(hass, freezer, timedelta(minutes=28))
    assert lines(caplog) == []

    await pass_time(hass, freezer, timedelta(minutes=1))
    assert has(
        lines(caplog),
        "Office desk: a break is due after 30 min of sitting",
        "Office desk: announcing the break (call 1)",
        "Desk Office desk: announced on speakers",
    )
    assert len(speech) == 1

    await call(hass, "snooze", minutes=10)
    assert has(lines(caplog), "Office desk: the break is snoozed until 2026-03-10T09:40:")

    # due again in a meeting: held, and why
    await set_presence(hass, MEETING, True)
    assert has(lines(caplog), "quiet: a do-not-disturb entity or a meeting is on")
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert has(
        lines(caplog),
        "a break is due after",
        "Office desk: the due break is held: a do-not-disturb entity or a meeting is on",
    )
    assert len(speech) == 1

    # getting up for the break length takes it; away for the stretch's end ends it
    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(minutes=1))
    assert has(lines(caplog), "Office desk: the due break was taken")
    await pass_time(hass, freezer, timedelta(minutes=2))
    assert has(
        lines(caplog),
        "Office desk: the sitting stretch that began at 2026-03-10T09:00:00-07:00 ended "
        "(40 min of sitting)",
    )

    # sitting again, up before the break is due: a natural break
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=10))
    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(minutes=1))
    assert has(lines(caplog), "Office desk: a natural break (taken before one was due)")


async def test_a_break_with_no_channel_says_why_it_is_not_announced(
    hass: HomeAssistant,
    morning: Any,
    speech: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    await start_desk(hass, {})
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=31))
    assert has(
        lines(caplog),
        "Office desk: a break is due after 30 min of sitting",
        "Office desk: the break is held: no announcement channel is set",
        "Desk Office desk: not announced: no channel is configured",
    )
    assert speech == []


async def test_a_break_outside_the_active_hours_is_held(
    hass: HomeAssistant,
    morning: Any,
    speech: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    freezer.move_to("2026-03-10 16:40:00-07:00")  # the default active hours end at 17:00
    await start_desk(hass, {CONF_MEDIA_PLAYERS: [SPEAKER], CONF_TTS_ENGINE: ENGINE})
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=31))
    found = lines(caplog)
    assert has(found, "Office desk: quiet: outside the active hours")
    assert has(found, "Office desk: the due break is held: outside the active hours")
    assert speech == []
