"""Assist's sentences for the desk's intents, put into (and taken out of) the config folder.

Home Assistant's default conversation agent reads sentences only from
``<config>/custom_sentences/<language>/``; an integration cannot hand them over in code.
So while a desk has "Voice commands" on in its options, Desk Coach keeps its sentence files
there, and takes them away again when no desk wants them (unless the user edited them).
"""

from __future__ import annotations

import logging
from pathlib import Path

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.util.hass_dict import HassKey

from .const import CONF_VOICE_SENTENCES, DOMAIN
from .owned_files import OwnedFiles

_LOGGER = logging.getLogger(__name__)
SENTENCES_DIR = Path(__file__).parent / "sentences"
LANGUAGES = ("en", "de")
FILE_NAME = f"{DOMAIN}.yaml"
DATA_FILES: HassKey[OwnedFiles] = HassKey(f"{DOMAIN}_sentence_files")


def target(language: str) -> str:
    """Where a language's sentences go, relative to the configuration folder."""
    return f"custom_sentences/{language}/{FILE_NAME}"


def _shipped() -> dict[str, bytes]:
    return {target(lang): (SENTENCES_DIR / lang / FILE_NAME).read_bytes() for lang in LANGUAGES}


DATA_SEEN: HassKey[dict[str, bool]] = HassKey(f"{DOMAIN}_voice_seen")


def _wants(entry: ConfigEntry) -> bool:
    return bool(entry.options.get(CONF_VOICE_SENTENCES, False))


async def async_sync_sentences(
    hass: HomeAssistant, entry: ConfigEntry, *, leaving: bool = False
) -> None:
    """Install or remove the sentence files to match the desks' options.

    Called when ``entry`` is set up, its options change, or it is removed (``leaving``).
    The files stay while any desk has voice commands on. A file the user deleted comes
    back only when a desk's voice commands are turned on again.
    """
    seen = hass.data.setdefault(DATA_SEEN, {})
    asked = _wants(entry) and seen.get(entry.entry_id) is False
    if leaving:
        seen.pop(entry.entry_id, None)
    else:
        seen[entry.entry_id] = _wants(entry)
    files = hass.data.get(DATA_FILES)
    if files is None:
        files = hass.data[DATA_FILES] = OwnedFiles(hass, f"{DOMAIN}.sentences")
    wanted = any(
        _wants(other)
        for other in hass.config_entries.async_entries(DOMAIN)
        if other.disabled_by is None and not (leaving and other.entry_id == entry.entry_id)
    )
    if wanted:
        shipped = await hass.async_add_executor_job(_shipped)
        changed = (await files.async_install(shipped, restore=asked)).written
    else:
        changed = (await files.async_remove([target(lang) for lang in LANGUAGES])).removed
    if changed and hass.services.has_service("conversation", "reload"):
        try:  # Assist reads the sentences again
            await hass.services.async_call("conversation", "reload", {}, blocking=True)
        except (HomeAssistantError, OSError) as err:
            _LOGGER.warning("Assist did not reload its sentences (%s); restart to use them", err)
