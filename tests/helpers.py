"""Small helpers the tests share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import timedelta
import json
import logging
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant, ServiceCall
from homeassistant.data_entry_flow import FlowResult, FlowResultType
from homeassistant.helpers import entity_registry as er
from pytest_homeassistant_custom_component.common import async_fire_time_changed
import voluptuous as vol

from custom_components.desk_coach.options import DEFAULT_TRACKING

# a fresh desk's tracking settings without its daily limit: most laws are about breaks
TRACKING = replace(DEFAULT_TRACKING, daily_limit=None)
PACKAGE = Path(__file__).parent.parent / "custom_components" / "desk_coach"
# the integration's UI texts, by language, as the frontend reads them
TRANSLATIONS: dict[str, Any] = {
    language: json.loads((PACKAGE / "translations" / f"{language}.json").read_text("utf-8"))
    for language in ("en", "de")
}

PRESENCE = "input_boolean.desk_presence"
SPEAKER = "media_player.office_speaker"
ENGINE = "tts.test_engine"


async def pass_time(hass: HomeAssistant, freezer: FrozenDateTimeFactory, delta: timedelta) -> None:
    """Let ``delta`` pass on the frozen clock, a minute at a time, firing due timers."""
    step = timedelta(seconds=min(60, delta.total_seconds()))
    left = delta
    while left > timedelta(0):
        move = min(step, left)
        freezer.tick(move)
        async_fire_time_changed(hass)
        await hass.async_block_till_done()
        left -= move


async def set_presence(hass: HomeAssistant, entity_id: str, on: bool) -> None:
    """Switch a presence toggle the way a user would."""
    await hass.services.async_call(
        "input_boolean", "turn_on" if on else "turn_off", {"entity_id": entity_id}, blocking=True
    )
    await hass.async_block_till_done()


def value(hass: HomeAssistant, entity_id: str) -> str:
    """An entity's state, which must exist."""
    state = hass.states.get(entity_id)
    assert state is not None, entity_id
    return state.state


def deprecation_reports(records: Iterable[logging.LogRecord]) -> list[str]:
    """Home Assistant's reports of a deprecated use by Desk Coach among log records."""
    reports = []
    for record in records:
        message = record.getMessage()
        if (
            record.levelno >= logging.WARNING
            and "desk_coach" in message
            and ("deprecat" in message.lower() or "stop working in Home Assistant" in message)
        ):
            reports.append(message)
    return reports


def suggested_value(result: FlowResult, key: str) -> Any:
    """What a form field shows: its suggested value, else its default."""
    for marker in result["data_schema"].schema:
        if marker == key:
            if marker.description and "suggested_value" in marker.description:
                return marker.description["suggested_value"]
            return None if marker.default is vol.UNDEFINED else marker.default()
    raise AssertionError(f"{key} is not in the form")


async def open_options_page(hass: HomeAssistant, entry_id: str, page: str) -> FlowResult:
    """Open a desk's options and pick ``page`` from the menu."""
    result = await hass.config_entries.options.async_init(entry_id)
    assert result["type"] is FlowResultType.MENU
    return await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": page}
    )


async def save_and_close(hass: HomeAssistant, result: FlowResult) -> FlowResult:
    """Back on the options menu, choose Save and close; the options are then saved."""
    assert result["type"] is FlowResultType.MENU, result
    assert result["step_id"] == "init"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "done"}
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY
    return result


async def say(hass: HomeAssistant, text: str, language: str = "en", **kwargs: Any) -> str:
    """Ask Assist; what it answers."""
    result = await conversation.async_converse(
        hass, text, None, Context(), language=language, **kwargs
    )
    await hass.async_block_till_done()
    speech: str = result.response.speech["plain"]["speech"]
    return speech


async def sit(hass: HomeAssistant, freezer: FrozenDateTimeFactory, minutes: float) -> None:
    """Sit down (if not yet) and stay for ``minutes``."""
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=minutes))


async def turn_on_entity(hass: HomeAssistant, entity_id: str) -> None:
    """Turn on an entity that is off by default, as a user does in its settings.

    Home Assistant reloads the desk for it (after a delay); the test reloads at once.
    """
    registry = er.async_get(hass)
    entry = registry.async_update_entity(entity_id, disabled_by=None)
    assert entry.config_entry_id is not None
    await hass.config_entries.async_reload(entry.config_entry_id)
    await hass.async_block_till_done()


TALKER = "assist_satellite.kitchen_talker"  # a voice satellite that can ask and hear


def talking_satellite(hass: HomeAssistant) -> list[str]:
    """The satellite ``TALKER``, idle and able to ask; what it announces is recorded."""
    hass.states.async_set(TALKER, "idle", {"supported_features": 3})
    announced: list[str] = []

    async def announce(call: ServiceCall) -> None:
        announced.append(call.data["message"])

    hass.services.async_register("assist_satellite", "announce", announce)
    return announced
