"""The shipped blueprints: installed into the configuration once, and working with a real desk."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
import errno
import hashlib
import logging
import os
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.blueprint.models import Blueprint
from homeassistant.components.blueprint.schemas import BLUEPRINT_SCHEMA
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import EVENT_HOMEASSISTANT_STARTED
from homeassistant.core import CoreState, HomeAssistant, ServiceCall
from homeassistant.setup import async_setup_component
from homeassistant.util import slugify
from homeassistant.util.yaml import load_yaml_dict
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    async_mock_service,
)

from custom_components.desk_coach.blueprint_installer import (
    INSTALL_FOLDER,
    SHIPPED_FOLDER,
    STORAGE_KEY,
    async_install_blueprints,
)
from tests.conftest import PRESENCE
from tests.helpers import pass_time, set_presence, value

SHIPPED = (
    "break_announcement.yaml",
    "desk_lamp.yaml",
    "pause_reminders.yaml",
    "strength_at_time.yaml",
)
SITTING = "binary_sensor.office_desk_sitting"
SITTING_SINCE = "sensor.office_desk_sitting_since"
NEXT_STRENGTH = "sensor.office_desk_next_strength_session"
ROUTINE = "sensor.office_desk_routine"
REMINDERS = "switch.office_desk_reminders"
SPEAKER = "media_player.office_speaker"
ENGINE = "tts.office_voice"
LAMP = "light.desk_lamp"
FOCUS = "input_boolean.focus"
CALENDAR = "calendar.work"
MESSAGE = "Up you get: roll your shoulders."


@pytest.fixture
async def presence_toggle(hass: HomeAssistant) -> str:
    """The desk's presence toggle (off), and beside it a focus mode (off) for pausing reminders."""
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"desk_presence": {}, "focus": {}}}
    )
    await hass.async_block_till_done()
    return PRESENCE


def installed_folder(config_dir: Path) -> Path:
    return config_dir / "blueprints" / "automation" / "desk_coach"


def content_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def recorded(hass_storage: dict[str, Any]) -> dict[str, str]:
    """The record of installed files, by file name."""
    data: dict[str, str] = hass_storage[STORAGE_KEY]["data"]
    return {path.removeprefix(f"{INSTALL_FOLDER}/"): digest for path, digest in data.items()}


def shipped(name: str) -> bytes:
    return (SHIPPED_FOLDER / name).read_bytes()


def record(hass_storage: dict[str, Any], installed: dict[str, str]) -> None:
    """What an earlier start would have stored."""
    hass_storage[STORAGE_KEY] = {
        "version": 1,
        "minor_version": 1,
        "key": STORAGE_KEY,
        "data": {f"{INSTALL_FOLDER}/{name}": digest for name, digest in installed.items()},
    }


async def set_up_desk(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


async def use_blueprint(hass: HomeAssistant, name: str, inputs: dict[str, Any]) -> str:
    """Create an automation from an installed blueprint; it must load and be on."""
    alias = f"Desk Coach {name.removesuffix('.yaml')}"
    assert await async_setup_component(
        hass,
        "automation",
        {
            "automation": [
                {
                    "id": name,
                    "alias": alias,
                    "use_blueprint": {"path": f"desk_coach/{name}", "input": inputs},
                }
            ]
        },
    )
    await hass.async_block_till_done()
    entity_id = f"automation.{slugify(alias)}"
    assert value(hass, entity_id) == "on"
    return entity_id


# ---- installing ---------------------------------------------------------------------------


def test_shipped_folder_holds_the_four_blueprints() -> None:
    assert sorted(path.name for path in SHIPPED_FOLDER.glob("*.yaml")) == sorted(SHIPPED)


@pytest.mark.parametrize("name", SHIPPED)
def test_each_blueprint_is_valid_and_described(name: str) -> None:
    blueprint = Blueprint(
        load_yaml_dict(SHIPPED_FOLDER / name),
        expected_domain="automation",
        path=name,
        schema=BLUEPRINT_SCHEMA,
    )
    assert blueprint.validate() is None
    assert blueprint.metadata["source_url"] == (
        f"https://github.com/desk-coach/desk-coach/blob/main/custom_components/desk_coach/blueprints/{name}"
    )
    assert blueprint.metadata["description"]
    for key, field in blueprint.inputs.items():
        assert field["name"], key
        assert field["description"], key
        assert "selector" in field, key


async def test_setup_installs_every_blueprint(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    config_dir: Path,
    init_integration: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    folder = installed_folder(config_dir)
    for name in SHIPPED:
        assert (folder / name).read_bytes() == shipped(name)
    assert recorded(hass_storage) == {name: content_hash(shipped(name)) for name in SHIPPED}
    infos = [r.getMessage() for r in caplog.get_records("setup") if r.levelno == logging.INFO]
    assert all(any(name in info for info in infos) for name in SHIPPED)


async def test_the_next_start_leaves_installed_files_alone(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    config_dir: Path,
    init_integration: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    path = installed_folder(config_dir) / "desk_lamp.yaml"
    written = path.stat().st_mtime_ns
    stored = hass_storage[STORAGE_KEY]

    await async_install_blueprints(hass)

    assert path.stat().st_mtime_ns == written
    assert hass_storage[STORAGE_KEY] == stored
    assert not [
        r for r in caplog.records if r.levelno >= logging.INFO and "desk_coach/" in r.getMessage()
    ]


async def test_a_file_the_user_changed_is_left_alone(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    config_dir: Path,
    morning: datetime,
    presence_toggle: str,
    mock_config_entry: MockConfigEntry,
) -> None:
    folder = installed_folder(config_dir)
    folder.mkdir(parents=True)
    ours, edited = b"blueprint: {name: old}\n", b"blueprint: {name: mine}\n"
    (folder / "desk_lamp.yaml").write_bytes(edited)
    record(hass_storage, {"desk_lamp.yaml": content_hash(ours)})

    await set_up_desk(hass, mock_config_entry)

    assert (folder / "desk_lamp.yaml").read_bytes() == edited
    assert (folder / "pause_reminders.yaml").read_bytes() == shipped("pause_reminders.yaml")
    # still recorded as what we installed, so a later edit back is not mistaken for ours
    assert recorded(hass_storage)["desk_lamp.yaml"] == content_hash(ours)


async def test_a_file_the_user_deleted_stays_deleted(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    config_dir: Path,
    morning: datetime,
    presence_toggle: str,
    mock_config_entry: MockConfigEntry,
) -> None:
    record(hass_storage, {"desk_lamp.yaml": content_hash(shipped("desk_lamp.yaml"))})

    await set_up_desk(hass, mock_config_entry)

    folder = installed_folder(config_dir)
    assert not (folder / "desk_lamp.yaml").exists()
    assert (folder / "break_announcement.yaml").exists()


async def test_an_unchanged_older_install_is_upgraded(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    config_dir: Path,
    morning: datetime,
    presence_toggle: str,
    mock_config_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    folder = installed_folder(config_dir)
    folder.mkdir(parents=True)
    older = b"blueprint: {name: the previous release}\n"
    (folder / "desk_lamp.yaml").write_bytes(older)
    record(hass_storage, {"desk_lamp.yaml": content_hash(older)})

    await set_up_desk(hass, mock_config_entry)

    assert (folder / "desk_lamp.yaml").read_bytes() == shipped("desk_lamp.yaml")
    assert recorded(hass_storage)["desk_lamp.yaml"] == content_hash(shipped("desk_lamp.yaml"))
    assert "desk_coach/desk_lamp.yaml" in caplog.text


@pytest.mark.parametrize("cut", ["write", "rename"])
async def test_a_write_cut_short_leaves_the_old_file_and_nothing_partial(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    config_dir: Path,
    morning: datetime,
    presence_toggle: str,
    mock_config_entry: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    cut: str,
) -> None:
    """An upgrade that fails half-way (a full disk, a crash before the rename) leaves the
    old blueprint whole, no temporary file beside it, and tries again at the next start."""
    folder = installed_folder(config_dir)
    folder.mkdir(parents=True)
    older = b"blueprint: {name: the previous release}\n"
    (folder / "desk_lamp.yaml").write_bytes(older)
    record(hass_storage, {"desk_lamp.yaml": content_hash(older)})
    real_replace, real_fsync = os.replace, os.fsync

    def replace(source: Any, target: Any) -> None:
        if cut == "rename" and Path(target).parent == folder:
            raise OSError(errno.EIO, "cut short")
        real_replace(source, target)

    def fsync(fd: int) -> None:
        if cut == "write":
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "fsync", fsync)
    await set_up_desk(hass, mock_config_entry)

    assert mock_config_entry.state is ConfigEntryState.LOADED
    assert (folder / "desk_lamp.yaml").read_bytes() == older
    assert sorted(path.name for path in folder.iterdir()) == ["desk_lamp.yaml"]
    assert recorded(hass_storage)["desk_lamp.yaml"] == content_hash(older)
    assert "Could not write" in caplog.text

    monkeypatch.setattr(os, "replace", real_replace)
    monkeypatch.setattr(os, "fsync", real_fsync)
    await async_install_blueprints(hass)  # the next start
    assert (folder / "desk_lamp.yaml").read_bytes() == shipped("desk_lamp.yaml")
    assert sorted(path.name for path in folder.iterdir()) == sorted(SHIPPED)


async def test_a_users_own_file_of_the_same_name_is_left_alone(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    config_dir: Path,
    morning: datetime,
    presence_toggle: str,
    mock_config_entry: MockConfigEntry,
) -> None:
    folder = installed_folder(config_dir)
    folder.mkdir(parents=True)
    theirs = b"blueprint: {name: written by hand}\n"
    (folder / "desk_lamp.yaml").write_bytes(theirs)

    await set_up_desk(hass, mock_config_entry)

    assert (folder / "desk_lamp.yaml").read_bytes() == theirs
    assert "desk_lamp.yaml" not in recorded(hass_storage)


async def test_an_unwritable_folder_is_logged_and_setup_goes_on(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    config_dir: Path,
    morning: datetime,
    presence_toggle: str,
    mock_config_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    (config_dir / "blueprints").write_text("a file where the folder should be")

    await set_up_desk(hass, mock_config_entry)

    assert mock_config_entry.state is ConfigEntryState.LOADED
    assert value(hass, SITTING) == "off"
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert any("desk_coach/desk_lamp.yaml" in r.getMessage() for r in warnings)
    assert recorded(hass_storage) == {}


def lamp_that_switches(hass: HomeAssistant) -> tuple[list[ServiceCall], list[ServiceCall]]:
    """A lamp (off) whose state follows light.turn_on/turn_off; returns the calls."""
    hass.states.async_set(LAMP, "off")
    turned_on: list[ServiceCall] = []
    turned_off: list[ServiceCall] = []

    async def turn_on(call: ServiceCall) -> None:
        turned_on.append(call)
        hass.states.async_set(LAMP, "on", {"rgb_color": call.data.get("rgb_color")})

    async def turn_off(call: ServiceCall) -> None:
        turned_off.append(call)
        hass.states.async_set(LAMP, "off")

    hass.services.async_register("light", "turn_on", turn_on)
    hass.services.async_register("light", "turn_off", turn_off)
    return turned_on, turned_off


# ---- break announcement -------------------------------------------------------------------


async def test_break_announcement_speaks_when_the_break_falls_due(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> None:
    speak = async_mock_service(hass, "tts", "speak")
    light_on = async_mock_service(hass, "light", "turn_on")
    await use_blueprint(
        hass,
        "break_announcement.yaml",
        {
            "desk": init_integration.entry_id,
            "speakers": [SPEAKER],
            "tts_engine": ENGINE,
            "message": MESSAGE,
            "lights": [LAMP],
        },
    )
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=29))
    assert speak == []

    await pass_time(hass, freezer, timedelta(minutes=2))

    assert len(speak) == 1
    assert speak[0].data["entity_id"] == [ENGINE]
    assert speak[0].data["media_player_entity_id"] == [SPEAKER]
    assert speak[0].data["message"] == MESSAGE
    assert [call.data for call in light_on] == [{"entity_id": [LAMP], "flash": "short"}]

    # other break events (here: snoozed) say nothing
    await hass.services.async_call("desk_coach", "snooze", {"minutes": 10}, blocking=True)
    await hass.async_block_till_done()
    assert len(speak) == 1


async def test_break_announcement_default_message_and_colour_that_comes_back(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> None:
    assert await async_setup_component(hass, "scene", {})
    light_on, light_off = lamp_that_switches(hass)
    speak = async_mock_service(hass, "tts", "speak")
    await use_blueprint(
        hass,
        "break_announcement.yaml",
        {
            "desk": init_integration.entry_id,
            "speakers": [SPEAKER],
            "tts_engine": ENGINE,
            "lights": [LAMP],
            "light_effect": "colour",
            "light_color": [255, 0, 0],
        },
    )
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=29))
    # the run now waits out the colour's seconds, which only pass when the clock moves:
    # move it without waiting for the run (async_block_till_done would wait for ever)
    freezer.tick(timedelta(minutes=2))
    async_fire_time_changed(hass)
    for _ in range(100):
        if light_on:
            break
        await asyncio.sleep(0)

    assert len(speak) == 1
    assert speak[0].data["message"].startswith("Time for a break.")
    assert [call.data for call in light_on] == [{"entity_id": [LAMP], "rgb_color": [255, 0, 0]}]
    assert light_off == []

    freezer.tick(timedelta(seconds=5))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert [call.data["entity_id"] for call in light_off] == [LAMP]  # back to off


async def test_break_announcement_stays_quiet_with_the_desk(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> None:
    speak = async_mock_service(hass, "tts", "speak")
    inputs = {"desk": init_integration.entry_id, "speakers": [SPEAKER], "tts_engine": ENGINE}
    await use_blueprint(hass, "break_announcement.yaml", inputs)
    await hass.services.async_call("switch", "turn_off", {"entity_id": REMINDERS}, blocking=True)
    events = []
    hass.bus.async_listen("desk_coach_break", events.append)
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=31))

    assert [event.data["type"] for event in events] == ["due"]
    assert speak == []


async def test_break_announcement_can_ignore_quiet_times(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> None:
    speak = async_mock_service(hass, "tts", "speak")
    inputs = {
        "desk": init_integration.entry_id,
        "speakers": [SPEAKER],
        "tts_engine": ENGINE,
        "respect_quiet": False,
    }
    await use_blueprint(hass, "break_announcement.yaml", inputs)
    await hass.services.async_call("switch", "turn_off", {"entity_id": REMINDERS}, blocking=True)
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=31))
    assert len(speak) == 1

    # only a break falling due is spoken, not what happens to it
    await hass.services.async_call("desk_coach", "snooze", {"minutes": 10}, blocking=True)
    await hass.services.async_call("desk_coach", "take_break", {}, blocking=True)
    await hass.async_block_till_done()
    assert len(speak) == 1


async def test_break_announcement_listens_to_its_own_desk_only(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> None:
    speak = async_mock_service(hass, "tts", "speak")
    inputs = {"desk": "another_desk_entry", "speakers": [SPEAKER], "tts_engine": ENGINE}
    await use_blueprint(hass, "break_announcement.yaml", inputs)
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=31))

    assert value(hass, "binary_sensor.office_desk_break_due") == "on"
    assert speak == []


# ---- strengthening at a set time ----------------------------------------------------------

STRENGTH_INPUTS = {
    "start_time": "09:10:00",
    "sitting_entity": SITTING,
    "next_strength_entity": NEXT_STRENGTH,
    "announce": False,
}


async def test_strength_starts_when_sitting_on_a_strength_day(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> None:
    await use_blueprint(hass, "strength_at_time.yaml", STRENGTH_INPUTS)
    assert value(hass, NEXT_STRENGTH) == "2026-03-10"  # nothing done yet: today
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=9))
    assert value(hass, ROUTINE) == "idle"

    await pass_time(hass, freezer, timedelta(minutes=1))

    assert value(hass, ROUTINE) == "running"
    state = hass.states.get(ROUTINE)
    assert state is not None
    assert state.attributes["routine"] == "strengthening"


async def test_strength_waits_when_nobody_sits(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> None:
    await use_blueprint(hass, "strength_at_time.yaml", STRENGTH_INPUTS)
    await pass_time(hass, freezer, timedelta(minutes=11))

    assert value(hass, SITTING) == "off"
    assert value(hass, ROUTINE) == "idle"


async def test_strength_skips_a_day_after_a_session(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> None:
    await use_blueprint(
        hass, "strength_at_time.yaml", {**STRENGTH_INPUTS, "start_time": "09:30:00"}
    )
    await set_presence(hass, PRESENCE, True)
    await hass.services.async_call(
        "desk_coach",
        "start_routine",
        {"routine": "strengthening", "announce": False},
        blocking=True,
    )
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert value(hass, ROUTINE) == "idle"  # completed
    assert value(hass, NEXT_STRENGTH) == "2026-03-12"

    await pass_time(hass, freezer, timedelta(minutes=21))

    assert value(hass, SITTING) == "on"
    assert value(hass, ROUTINE) == "idle"


async def test_strength_leaves_a_running_routine_alone(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await use_blueprint(hass, "strength_at_time.yaml", STRENGTH_INPUTS)
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=8))
    await hass.services.async_call(
        "desk_coach", "start_routine", {"routine": "stretching", "announce": False}, blocking=True
    )

    await pass_time(hass, freezer, timedelta(minutes=3))

    state = hass.states.get(ROUTINE)
    assert state is not None
    assert state.attributes["routine"] == "stretching"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


# ---- desk lamp ----------------------------------------------------------------------------


async def test_desk_lamp_follows_the_stretch(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> None:
    light_on = async_mock_service(hass, "light", "turn_on")
    light_off = async_mock_service(hass, "light", "turn_off")
    await use_blueprint(
        hass,
        "desk_lamp.yaml",
        {"sitting_since_entity": SITTING_SINCE, "lamp": {"entity_id": LAMP}},
    )
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=1))
    assert [call.data["entity_id"] for call in light_on] == [[LAMP]]

    # a short gap keeps the stretch, and the lamp
    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(minutes=1))
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=5))
    assert light_off == []
    assert len(light_on) == 1

    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(seconds=90))
    assert light_off == []
    await pass_time(hass, freezer, timedelta(seconds=40))  # away for "Stretch ends after"

    assert value(hass, SITTING_SINCE) == "unknown"
    assert [call.data["entity_id"] for call in light_off] == [[LAMP]]
    assert len(light_on) == 1


async def test_desk_lamp_is_not_switched_by_a_reload(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=1))
    light_on = async_mock_service(hass, "light", "turn_on")
    light_off = async_mock_service(hass, "light", "turn_off")
    await use_blueprint(
        hass,
        "desk_lamp.yaml",
        {"sitting_since_entity": SITTING_SINCE, "lamp": {"entity_id": LAMP}},
    )

    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()

    assert value(hass, SITTING_SINCE) not in ("unknown", "unavailable")
    assert light_on == []
    assert light_off == []

    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(minutes=3))
    assert len(light_off) == 1
    # without a stretch the sensor comes back unknown, from nothing: not an ending
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()

    assert value(hass, SITTING_SINCE) == "unknown"
    assert len(light_off) == 1
    assert light_on == []


async def test_desk_lamp_is_not_switched_when_the_desk_starts(
    hass: HomeAssistant,
    morning: datetime,
    presence_toggle: str,
    mock_config_entry: MockConfigEntry,
) -> None:
    await async_install_blueprints(hass)  # automations may load before the desk
    light_off = async_mock_service(hass, "light", "turn_off")
    await use_blueprint(
        hass,
        "desk_lamp.yaml",
        {"sitting_since_entity": SITTING_SINCE, "lamp": {"entity_id": LAMP}},
    )

    await set_up_desk(hass, mock_config_entry)

    assert value(hass, SITTING_SINCE) == "unknown"
    assert light_off == []


# ---- pausing reminders --------------------------------------------------------------------


async def toggle(hass: HomeAssistant, entity_id: str, on: bool) -> None:
    await hass.services.async_call(
        "input_boolean", "turn_on" if on else "turn_off", {"entity_id": entity_id}, blocking=True
    )
    await hass.async_block_till_done()


async def set_calendar(hass: HomeAssistant, on: bool) -> None:
    hass.states.async_set(CALENDAR, "on" if on else "off", {"message": "Planning"})
    await hass.async_block_till_done()


PAUSE_INPUTS = {"reminders_switch": REMINDERS, "calendars": [CALENDAR], "focus_entities": [FOCUS]}


async def test_reminders_pause_while_an_event_or_focus_is_on(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await set_calendar(hass, False)
    await use_blueprint(hass, "pause_reminders.yaml", PAUSE_INPUTS)
    assert value(hass, REMINDERS) == "on"

    await toggle(hass, FOCUS, True)
    assert value(hass, REMINDERS) == "off"
    await toggle(hass, FOCUS, False)
    assert value(hass, REMINDERS) == "on"

    await set_calendar(hass, True)
    assert value(hass, REMINDERS) == "off"
    await toggle(hass, FOCUS, True)
    await set_calendar(hass, False)
    assert value(hass, REMINDERS) == "off"  # focus still on
    await toggle(hass, FOCUS, False)
    assert value(hass, REMINDERS) == "on"


async def test_reminders_pause_is_set_right_at_start(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await set_calendar(hass, True)  # a meeting that began while Home Assistant was down
    assert value(hass, REMINDERS) == "on"
    hass.set_state(CoreState.not_running)

    await use_blueprint(hass, "pause_reminders.yaml", PAUSE_INPUTS)
    hass.set_state(CoreState.running)
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STARTED)
    await hass.async_block_till_done()

    assert value(hass, REMINDERS) == "off"


async def test_reminders_pause_works_with_only_a_focus_mode(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await use_blueprint(
        hass, "pause_reminders.yaml", {"reminders_switch": REMINDERS, "focus_entities": [FOCUS]}
    )

    await toggle(hass, FOCUS, True)
    assert value(hass, REMINDERS) == "off"
    await toggle(hass, FOCUS, False)
    assert value(hass, REMINDERS) == "on"


async def test_strength_waits_for_the_earliest_start_then_a_day_later(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> None:
    """Done on Tuesday at 09:30: Thursday 09:10 is 47 h 40 min later, too soon; Friday runs.

    Started at 09:10 on Thursday it would only count as an extra session, so the blueprint
    leaves it; on Friday the plan says today and the earliest start has passed.
    """
    await use_blueprint(hass, "strength_at_time.yaml", STRENGTH_INPUTS)
    await pass_time(hass, freezer, timedelta(minutes=20))  # 09:10 found nobody sitting
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=10))  # 09:30
    assert value(hass, ROUTINE) == "idle"
    await hass.services.async_call(
        "desk_coach",
        "start_routine",
        {"routine": "strengthening", "announce": False},
        blocking=True,
    )
    await pass_time(hass, freezer, timedelta(minutes=10))
    assert value(hass, NEXT_STRENGTH) == "2026-03-12"
    await pass_time(hass, freezer, timedelta(hours=47, minutes=30))  # Thursday 09:10
    assert value(hass, ROUTINE) == "idle"  # too soon: not started
    await pass_time(hass, freezer, timedelta(hours=24))  # Friday 09:10
    assert value(hass, NEXT_STRENGTH) == "2026-03-13"
    assert value(hass, ROUTINE) == "running"
    state = hass.states.get(ROUTINE)
    assert state is not None
    assert state.attributes["routine"] == "strengthening"  # "planned": the desk's plan
