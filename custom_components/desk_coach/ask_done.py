"""After a routine spoken on a voice satellite: "did you do it?", asked and heard there."""

from __future__ import annotations

import asyncio
import logging

from homeassistant.const import ATTR_ENTITY_ID, ATTR_SUPPORTED_FEATURES
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError

from .options import AnnounceTargets
from .routine import Answer

_LOGGER = logging.getLogger(__name__)

ASK_TIMEOUT = 60  # seconds "did you do it?" waits for an answer
SATELLITE_START_CONVERSATION = 2  # AssistSatelliteEntityFeature.START_CONVERSATION


def asking_satellite(hass: HomeAssistant, targets: AnnounceTargets) -> str | None:
    """The first of the desk's satellites that can ask a question and hear the answer."""
    for entity_id in targets.satellites:
        state = hass.states.get(entity_id)
        features = int(state.attributes.get(ATTR_SUPPORTED_FEATURES, 0)) if state else 0
        if features & SATELLITE_START_CONVERSATION:
            return entity_id
    return None


async def async_ask_done(
    hass: HomeAssistant, satellite: str, question: str, texts: dict[str, str], desk: str
) -> Answer:
    """Ask ``question`` on ``satellite``; yes, no, or none (never longer than ASK_TIMEOUT)."""
    answers = [
        {"id": answer.value, "sentences": texts[f"ask_done_{answer.value}"].split("|")}
        for answer in (Answer.YES, Answer.NO)
    ]
    data = {
        ATTR_ENTITY_ID: satellite,
        "question": question,
        "preannounce": False,
        "answers": answers,
    }
    try:
        async with asyncio.timeout(ASK_TIMEOUT):
            response = await hass.services.async_call(
                "assist_satellite", "ask_question", data, blocking=True, return_response=True
            )
    except (TimeoutError, HomeAssistantError) as err:
        _LOGGER.debug("%s: no answer to the routine's question (%s)", desk, err)
        return Answer.NONE
    if isinstance(response, dict) and response.get("id") in (Answer.YES, Answer.NO):
        return Answer(str(response["id"]))
    return Answer.NONE
