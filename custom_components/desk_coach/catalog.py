"""The exercise library and every text, read once per integration and kept under a key.

Read from disk in an executor the first time a language is asked for (Home Assistant's
language at set-up, an Assist pipeline's language later) and kept in ``hass.data`` for
every desk, the intents, the options flow and the logbook.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from homeassistant.core import HomeAssistant, callback
from homeassistant.util.hass_dict import HassKey

from .const import DOMAIN
from .exercises import Library, LibraryTexts, language_code, read_library, read_texts
from .speech import FALLBACK_LANGUAGE, read_speech

CATALOG: HassKey[Catalog] = HassKey(f"{DOMAIN}_catalog")


@dataclass
class Catalog:
    """What Desk Coach reads from its own data files."""

    library: Library
    _speech: dict[str, dict[str, str]] = field(default_factory=dict)
    _library_texts: dict[str, LibraryTexts] = field(default_factory=dict)

    async def async_speech(
        self, hass: HomeAssistant, language: str | None = None
    ) -> dict[str, str]:
        """What the coach says in ``language`` (default: Home Assistant's), English for gaps."""
        code = _speech_code(hass, language)
        if code not in self._speech:
            self._speech[code] = await hass.async_add_executor_job(read_speech, code)
        return self._speech[code]

    @callback
    def speech(self, hass: HomeAssistant) -> dict[str, str]:
        """The texts in Home Assistant's language, as far as they were read already."""
        code = _speech_code(hass, None)
        return self._speech.get(code) or self._speech.get(FALLBACK_LANGUAGE, {})

    async def async_library_texts(
        self, hass: HomeAssistant, language: str | None = None
    ) -> LibraryTexts:
        """The routines' and exercises' names and cues in ``language`` (English for gaps)."""
        code = language_code(language or hass.config.language)
        if code not in self._library_texts:
            self._library_texts[code] = await hass.async_add_executor_job(read_texts, code)
        return self._library_texts[code]


def _speech_code(hass: HomeAssistant, language: str | None) -> str:
    return (language or hass.config.language).split("-")[0]


async def async_catalog(hass: HomeAssistant) -> Catalog:
    """The catalog, read on first use (Desk Coach's set-up)."""
    if (catalog := hass.data.get(CATALOG)) is None:
        library = await hass.async_add_executor_job(read_library)
        catalog = hass.data.setdefault(CATALOG, Catalog(library))
        await catalog.async_speech(hass, FALLBACK_LANGUAGE)
        await catalog.async_speech(hass)
    return catalog


@callback
def loaded_catalog(hass: HomeAssistant) -> Catalog | None:
    """The catalog if it was read already (for callbacks that can't wait for the disk)."""
    return hass.data.get(CATALOG)
