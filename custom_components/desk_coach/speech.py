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


def _read(language: str) -> dict[str, str]:
    path = SPEECH_DIR / f"{language}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def read_speech(language: str) -> dict[str, str]:
    """The texts for ``language``, English for what it lacks (blocking: in an executor).

    Desk Coach reads each language once, into its catalog (``catalog.py``).
    """
    return {**_read(FALLBACK_LANGUAGE), **_read(language)}


def render(hass: HomeAssistant, text: str, variables: dict[str, Any]) -> str | None:
    """Render a text or a user's template (sandboxed); None when the template is broken."""
    try:
        return str(Template(text, hass).async_render(variables, parse_result=False)).strip()
    except TemplateError:
        return None
