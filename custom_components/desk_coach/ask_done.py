"""Questions asked and heard on a voice satellite about a routine.

After a strength session at the programme's level: "How hard was it?" (easy, fine, hard);
after any other routine: "Did you do it?" (yes, no). The answer is kept in the history.
Before a strength session the pre-check (``desk_check.py``) asks about pain the same way.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from homeassistant.const import ATTR_ENTITY_ID, ATTR_SUPPORTED_FEATURES
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.util import dt as dt_util

from .options import AnnounceTargets
from .routine import Answer, Effort, Finished

if TYPE_CHECKING:
    from .coordinator import DeskCoordinator

_LOGGER = logging.getLogger(__name__)

ASK_TIMEOUT = 60  # seconds a question waits for an answer
SATELLITE_START_CONVERSATION = 2  # AssistSatelliteEntityFeature.START_CONVERSATION


def asking_satellite(hass: HomeAssistant, targets: AnnounceTargets) -> str | None:
    """The first of the desk's satellites that can ask a question and hear the answer."""
    for entity_id in targets.satellites:
        state = hass.states.get(entity_id)
        features = int(state.attributes.get(ATTR_SUPPORTED_FEATURES, 0)) if state else 0
        if features & SATELLITE_START_CONVERSATION:
            return entity_id
    return None


async def async_ask(
    hass: HomeAssistant, satellite: str, question: str, answers: dict[str, str], desk: str
) -> str | None:
    """Ask ``question`` on ``satellite``; the id of the answer heard, or None.

    ``answers``: each answer's sentences by its id, separated by "|". Never longer than
    ASK_TIMEOUT.
    """
    data = {
        ATTR_ENTITY_ID: satellite,
        "question": question,
        "preannounce": False,
        "answers": [{"id": key, "sentences": text.split("|")} for key, text in answers.items()],
    }
    try:
        async with asyncio.timeout(ASK_TIMEOUT):
            response = await hass.services.async_call(
                "assist_satellite", "ask_question", data, blocking=True, return_response=True
            )
    except (TimeoutError, HomeAssistantError) as err:
        _LOGGER.debug("%s: no answer to the question (%s)", desk, err)
        return None
    if isinstance(response, dict) and response.get("id") in answers:
        return str(response["id"])
    return None


def sentences(texts: dict[str, str], prefix: str) -> dict[str, str]:
    """The answers' sentences kept under ``<prefix>_<answer>`` in the speech texts."""
    return {
        key.removeprefix(f"{prefix}_"): text
        for key, text in texts.items()
        if key.startswith(f"{prefix}_")
    }


async def async_ask_after(desk: DeskCoordinator, satellite: str, entry: Finished) -> None:
    """Ask about the routine that just completed, and keep the answer."""
    hass, texts = desk.hass, desk.messages.texts
    history, name = desk.routines.history, desk.routines.name(entry.routine)
    if entry.level is not None:
        question = desk.messages.text("ask_effort", {"routine": name})
        effort = await async_ask(
            hass, satellite, question, sentences(texts, "ask_effort"), desk.entry.title
        )
        if effort is not None:
            history.rate(entry.ended, Effort(effort))
            history.answer(entry.ended, Answer.YES)
            desk.programme.changed()
            desk.refresh(dt_util.utcnow(), force=True)
    else:
        question = desk.messages.text("ask_done", {"routine": name})
        answer = await async_ask(
            hass, satellite, question, sentences(texts, "ask_done"), desk.entry.title
        )
        history.answer(entry.ended, Answer(answer or Answer.NONE))
    desk.save_soon()
