"""Fixtures shared by the tests: a real Home Assistant with a desk presence toggle."""

from __future__ import annotations

from collections.abc import Generator
from datetime import datetime
from pathlib import Path
from typing import Any
from unittest.mock import AsyncMock, PropertyMock, patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers.entity import Entity
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from hypothesis import HealthCheck, settings
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_mock_service

# Imported at module level so our custom_components package wins over the harness's own.
from custom_components.desk_coach.const import (
    CONF_PRESENCE_ENTITY,
    DOMAIN,
)

from .helpers import ENGINE, PRESENCE, SPEAKER, deprecation_reports

# The laws are about what the code does, not how fast examples are drawn: on a shared
# two-core machine running the suite in parallel a single draw once stalled for a second
# (HealthCheck.too_slow failed a law in CI). Timing is measured in the benchmark instead.
settings.register_profile("desk_coach", suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("desk_coach")

# A Tuesday morning in the test instance's time zone (US/Pacific).
MORNING = "2026-03-10 09:00:00-07:00"


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(request: pytest.FixtureRequest) -> Generator[None]:
    """Let Home Assistant load custom integrations in every test that runs one."""
    if "hass" in request.fixturenames:
        request.getfixturevalue("enable_custom_integrations")
    return


@pytest.fixture(autouse=True)
def config_dir(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A configuration folder of the test's own (blueprints and sentences go there).

    Not the harness's shared folder inside the virtual environment.
    """
    if "hass" in request.fixturenames:
        if "recorder_mock" in request.fixturenames:  # the recorder must come before hass
            request.getfixturevalue("recorder_mock")
        hass: HomeAssistant = request.getfixturevalue("hass")
        hass.config.config_dir = str(tmp_path)
        (tmp_path / "configuration.yaml").write_text("", encoding="utf-8")
    return tmp_path


@pytest.fixture(autouse=True)
def fail_on_deprecation_reports(caplog: pytest.LogCaptureFixture) -> Generator[None]:
    """Fail a test in which Home Assistant reports a deprecated use by Desk Coach."""
    yield
    reports = deprecation_reports(caplog.get_records("call"))
    assert not reports, f"Home Assistant reported deprecated use: {reports}"


@pytest.fixture(autouse=True)
def every_entity_enabled(request: pytest.FixtureRequest) -> Generator[None]:
    """Create the entities that are off by default enabled, unless a test asks for defaults.

    Most tests read the minute-by-minute duration sensors; ``@pytest.mark.default_entities``
    keeps Home Assistant's defaults.
    """
    if request.node.get_closest_marker("default_entities"):
        yield
        return
    with patch.object(
        Entity, "entity_registry_enabled_default", new_callable=PropertyMock, return_value=True
    ):
        yield


@pytest.fixture
def mock_setup_entry() -> Generator[AsyncMock]:
    """Skip setting a desk up: for tests of a flow, not of the desk it creates."""
    with patch("custom_components.desk_coach.async_setup_entry", return_value=True) as mock:
        yield mock


@pytest.fixture
def morning(freezer: FrozenDateTimeFactory) -> datetime:
    """Freeze the clock on a workday morning."""
    freezer.move_to(MORNING)
    return dt_util.utcnow()


@pytest.fixture
async def presence_toggle(hass: HomeAssistant) -> str:
    """An input boolean playing the desk-presence sensor (off)."""
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"desk_presence": {}}}
    )
    await hass.async_block_till_done()
    return PRESENCE


@pytest.fixture
def desk_data() -> dict[str, Any]:
    """The desk's configuration."""
    return {CONF_PRESENCE_ENTITY: PRESENCE}


@pytest.fixture
def desk_options() -> dict[str, Any]:
    """The desk's options (defaults)."""
    return {}


@pytest.fixture
def mock_config_entry(desk_data: dict[str, Any], desk_options: dict[str, Any]) -> MockConfigEntry:
    """A desk called Office desk."""
    return MockConfigEntry(
        domain=DOMAIN, title="Office desk", data=desk_data, options=desk_options, version=1
    )


@pytest.fixture
async def init_integration(
    hass: HomeAssistant, morning: datetime, presence_toggle: str, mock_config_entry: MockConfigEntry
) -> MockConfigEntry:
    """The desk, set up in a running Home Assistant."""
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry


@pytest.fixture
async def desk_entry(
    hass: HomeAssistant,
    morning: datetime,
    presence_toggle: str,
    mock_setup_entry: AsyncMock,
    mock_config_entry: MockConfigEntry,
) -> MockConfigEntry:
    """The desk's entry with no desk behind it: for tests of its options dialog's pages."""
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry


@pytest.fixture
async def speech(hass: HomeAssistant) -> list[ServiceCall]:
    """A speaker and its engine exist, with the presence and meeting toggles; what would be
    spoken is recorded."""
    hass.states.async_set(SPEAKER, "idle")
    hass.states.async_set(ENGINE, "unknown")
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"desk_presence": {}, "in_a_meeting": {}}}
    )
    return async_mock_service(hass, "tts", "speak")


@pytest.fixture
def phone(hass: HomeAssistant) -> list[ServiceCall]:
    """A phone's notify service (mobile_app_phone): what the companion app would show."""
    return async_mock_service(hass, "notify", "mobile_app_phone")
