"""Fixtures shared by the tests."""

from __future__ import annotations

from collections.abc import Generator

import pytest

# Imported at module level so our custom_components package wins over the harness's own.
from custom_components.desk_coach.const import DOMAIN

__all__ = ["DOMAIN"]


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(request: pytest.FixtureRequest) -> Generator[None]:
    """Let Home Assistant load custom integrations in every test that runs one."""
    if "hass" in request.fixturenames:
        request.getfixturevalue("enable_custom_integrations")
    yield
