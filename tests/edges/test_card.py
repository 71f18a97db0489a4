"""The dashboard card is served by the integration and loaded by the frontend."""

from __future__ import annotations

from http import HTTPStatus
import json

from homeassistant.components.frontend import DATA_EXTRA_MODULE_URL
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.desk_coach.card import CARD_FILE, CARD_URL, PICTURES_DIR, card_version

MANIFEST = CARD_FILE.parent.parent / "manifest.json"


def card_urls(hass: HomeAssistant) -> list[str]:
    return [url for url in hass.data[DATA_EXTRA_MODULE_URL].urls if url.startswith(CARD_URL)]


async def test_card_is_served(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_client: ClientSessionGenerator,
) -> None:
    client = await hass_client()
    response = await client.get(card_urls(hass)[0])
    assert response.status == HTTPStatus.OK
    assert response.content_type == "text/javascript"
    assert "max-age" in response.headers["Cache-Control"]  # the version query busts it
    body = await response.read()
    assert body == CARD_FILE.read_bytes()
    assert b"desk-coach-card" in body


async def test_card_is_loaded_at_a_url_that_changes_with_every_release(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    version = json.loads(MANIFEST.read_text(encoding="utf-8"))["version"]
    expected = f"{CARD_URL}?v={card_version(version, CARD_FILE.read_bytes())}"
    assert card_urls(hass) == [expected]
    assert expected.startswith(f"/desk_coach/desk-coach-card.js?v={version}-")


async def test_card_is_loaded_once_for_several_desks(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    second = MockConfigEntry(
        domain=init_integration.domain,
        title="Home desk",
        data={"presence_entity": "input_boolean.home_desk"},
        version=1,
    )
    second.add_to_hass(hass)
    assert await hass.config_entries.async_setup(second.entry_id)
    await hass.async_block_till_done()
    assert len(card_urls(hass)) == 1


def test_card_version_follows_the_bundle() -> None:
    assert card_version("0.1.0", b"one") != card_version("0.1.0", b"two")
    assert card_version("0.1.0", b"one") != card_version("0.2.0", b"one")
    assert card_version("0.1.0", b"one") == card_version("0.1.0", b"one")


async def test_the_pictures_are_served_and_named_in_the_routine_sensor(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_client: ClientSessionGenerator,
) -> None:
    """Idle: every built-in routine's preview with its pictures; each URL serves the file."""
    state = hass.states.get("sensor.office_desk_routine")
    assert state is not None
    previews = state.attributes["previews"]
    assert set(previews) == {"shoulder_rotation", "stretching", "strengthening", "two_minutes"}
    strengthening = previews["strengthening"]
    assert strengthening["name"] == "Strengthening"
    chin = strengthening["exercises"][0]
    assert chin | {"picture_alt": ""} == {
        "exercise": "chin_tucks",
        "name": "Chin tucks",
        "sets": 2,
        "reps": 10,
        "hold": None,
        "sides": 1,
        "picture": "/desk_coach/pictures/chin_tucks.svg",
        "picture_png": "/desk_coach/pictures/chin_tucks.png",
        "picture_alt": "",
    }
    assert chin["picture_alt"].startswith("A seated person")
    trapezius = previews["stretching"]["exercises"][0]
    assert (trapezius["exercise"], trapezius["sides"], trapezius["hold"]) == (
        "upper_trapezius_stretch",
        2,
        30,
    )
    client = await hass_client()
    for preview in previews.values():
        for exercise in preview["exercises"]:
            for key, kind in (("picture", "image/svg+xml"), ("picture_png", "image/png")):
                response = await client.get(exercise[key])
                assert response.status == HTTPStatus.OK, exercise[key]
                assert response.content_type == kind
                served = await response.read()
                path = PICTURES_DIR / exercise[key].rsplit("/", 1)[1]
                assert served == path.read_bytes()
    missing = await client.get("/desk_coach/pictures/nothing.svg")
    assert missing.status == HTTPStatus.NOT_FOUND
