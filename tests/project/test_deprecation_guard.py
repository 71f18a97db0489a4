"""The guard that fails a test run when Home Assistant reports deprecated use by us."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.helpers import frame
from homeassistant.loader import async_get_integration
import pytest

from tests.helpers import deprecation_reports


async def test_a_real_usage_report_about_desk_coach_is_caught(
    hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    await async_get_integration(hass, "desk_coach")  # known to the loader, as when running
    frame.report_usage(
        "calls a thing that goes away",
        breaks_in_ha_version="2099.1",
        integration_domain="desk_coach",
    )
    reports = deprecation_reports(caplog.records)
    assert len(reports) == 1
    assert "stop working in Home Assistant 2099.1" in reports[0]
    caplog.clear()  # this test made the report on purpose


async def test_reports_about_other_integrations_are_not_ours(
    hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    await async_get_integration(hass, "hue")
    frame.report_usage(
        "calls a thing that goes away",
        breaks_in_ha_version="2099.1",
        integration_domain="hue",
        core_integration_behavior=frame.ReportBehavior.LOG,
    )
    assert caplog.records  # it was reported...
    assert deprecation_reports(caplog.records) == []  # ...but not about Desk Coach
