"""What the coach says, in the language Home Assistant is set to.

Texts are Home Assistant templates kept as data (speech/<language>.json), rendered with
the template engine, never with Python formatting; the user's own message template from
the options goes through the same path.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import TemplateError
from homeassistant.helpers.template import Template

SPEECH_DIR = Path(__file__).parent / "speech"
FALLBACK_LANGUAGE = "en"
_CACHE: dict[str, dict[str, str]] = {}


def _load(language: str) -> dict[str, str]:
    if language not in _CACHE:
        path = SPEECH_DIR / f"{language}.json"
        _CACHE[language] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return _CACHE[language]


async def async_load_texts(hass: HomeAssistant, language: str | None = None) -> dict[str, str]:
    """The texts for ``language`` (default: Home Assistant's), English for what it lacks."""
    language = (language or hass.config.language).split("-")[0]

    def load() -> dict[str, str]:
        return {**_load(FALLBACK_LANGUAGE), **_load(language)}

    return await hass.async_add_executor_job(load)


def render(hass: HomeAssistant, text: str, variables: dict[str, Any]) -> str | None:
    """Render a text or a user's template (sandboxed); None when the template is broken."""
    try:
        return str(Template(text, hass).async_render(variables, parse_result=False)).strip()
    except TemplateError:
        return None


def loaded_texts(hass: HomeAssistant) -> dict[str, str]:
    """The texts already loaded (by a desk's setup), without touching the disk."""
    language = hass.config.language.split("-")[0]
    return {**_CACHE.get(FALLBACK_LANGUAGE, {}), **_CACHE.get(language, {})}
