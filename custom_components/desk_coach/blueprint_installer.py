"""Put the shipped automation blueprints into the user's ``blueprints/automation/desk_coach``.

Each file is installed once and upgraded while it holds exactly what was installed; a file
the user changed or deleted is theirs (``OwnedFiles`` keeps the record). Home Assistant
reads a blueprint when an automation uses it, so a new file needs no reload; an upgraded
one reaches automations made from it at their next reload or restart.
"""

from __future__ import annotations

from pathlib import Path

from homeassistant.core import HomeAssistant

from .const import DOMAIN
from .owned_files import OwnedFiles

SHIPPED_FOLDER = Path(__file__).parent / "blueprints"
INSTALL_FOLDER = f"blueprints/automation/{DOMAIN}"  # relative to the configuration folder
STORAGE_KEY = f"{DOMAIN}.blueprints"


def shipped_blueprints() -> dict[str, bytes]:
    """Each shipped blueprint by where it goes in the configuration folder (blocking)."""
    return {
        f"{INSTALL_FOLDER}/{path.name}": path.read_bytes()
        for path in sorted(SHIPPED_FOLDER.glob("*.yaml"))
    }


async def async_install_blueprints(hass: HomeAssistant) -> None:
    """Install new blueprints and upgrade untouched ones; never fails setup."""
    files = await hass.async_add_executor_job(shipped_blueprints)
    await OwnedFiles(hass, STORAGE_KEY).async_install(files, restore=False)
