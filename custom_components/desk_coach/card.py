"""The dashboard card and the exercises' pictures: served by the integration.

The bundle is built from `frontend/` at the repository root and committed, so HACS users
need no build. Its URL carries the integration's version and a hash of the bundle, so a
browser fetches the new card after an upgrade instead of a month-old cached one.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from homeassistant.components.frontend import add_extra_js_url
from homeassistant.components.http import StaticPathConfig
from homeassistant.core import HomeAssistant
from homeassistant.loader import async_get_integration

from .const import DOMAIN

CARD_FILE = Path(__file__).parent / "frontend" / "desk-coach-card.js"
CARD_URL = f"/{DOMAIN}/desk-coach-card.js"
PICTURES_DIR = Path(__file__).parent / "frontend" / "pictures"
PICTURES_URL = f"/{DOMAIN}/pictures"  # <exercise>.svg for the card, <exercise>.png for phones


def picture_url(exercise: str, kind: str = "svg") -> str:
    """Where an exercise's picture is served (``kind``: svg, or png for notifications)."""
    return f"{PICTURES_URL}/{exercise}.{kind}"


def card_version(integration_version: str, bundle: bytes) -> str:
    """The cache-busting version: the integration's, plus the bundle's own fingerprint."""
    return f"{integration_version}-{hashlib.sha256(bundle).hexdigest()[:8]}"


async def async_register_card(hass: HomeAssistant) -> None:
    """Serve the card and have the frontend load it (after the browser's next reload)."""
    integration = await async_get_integration(hass, DOMAIN)
    bundle = await hass.async_add_executor_job(CARD_FILE.read_bytes)
    await hass.http.async_register_static_paths(
        [
            StaticPathConfig(CARD_URL, str(CARD_FILE), cache_headers=True),
            StaticPathConfig(PICTURES_URL, str(PICTURES_DIR), cache_headers=False),
        ]
    )
    add_extra_js_url(hass, f"{CARD_URL}?v={card_version(str(integration.version), bundle)}")
