"""speech.render: a text or a user's template; a broken template gives None, not an error."""

from __future__ import annotations

from homeassistant.core import HomeAssistant

from custom_components.desk_coach.speech import render


async def test_render_fills_in_the_variables(hass: HomeAssistant) -> None:
    assert render(hass, "  Time to move, {{ name }}. ", {"name": "Anna"}) == "Time to move, Anna."


async def test_a_broken_template_renders_as_none(hass: HomeAssistant) -> None:
    assert render(hass, "Time to move {{ name ", {"name": "Anna"}) is None
    assert render(hass, "{{ 1 / 0 }}", {}) is None
