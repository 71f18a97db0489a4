"""What every announcement channel shares: bounded service calls, failures logged once."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
import logging
from typing import Any, Final

from homeassistant.const import ATTR_SUPPORTED_FEATURES, STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant, State
from homeassistant.exceptions import HomeAssistantError

_LOGGER = logging.getLogger(__name__)

# Each service call gets this long: a speaker, phone or light that never answers must not
# hold an announcement (nor the desk's announcing task) for ever.
CALL_TIMEOUT_SECONDS: Final = 10.0


class NotReachedError(HomeAssistantError):
    """Some of a channel's targets did not get the announcement."""


class NoAnswerError(HomeAssistantError):
    """A service call did not return within ``CALL_TIMEOUT_SECONDS``."""


def supports(state: State, feature: int) -> bool:
    """Whether an entity's state says it supports ``feature``."""
    return bool(int(state.attributes.get(ATTR_SUPPORTED_FEATURES) or 0) & feature)


class ChannelCalls:
    """One desk's service calls to its channels, and the log of their failures."""

    def __init__(self, hass: HomeAssistant, entry_id: str, desk: str) -> None:
        """Prepare the calls of a desk."""
        self.hass = hass
        self.entry_id = entry_id
        self.desk = desk
        self._failing: set[str] = set()

    async def _async_run(self, channel: str, job: Coroutine[Any, Any, None]) -> bool:
        """Run one channel; log its failure once until it works again."""
        try:
            await job
        except Exception as err:  # noqa: BLE001 - one broken channel must not silence the others
            self._note_failure(channel, err)
            return False
        self._note_success(channel)
        return True

    def _note_failure(self, key: str, err: Exception) -> None:
        if key in self._failing:
            _LOGGER.debug("Desk %s: announcing on %s failed again: %s", self.desk, key, err)
            return
        self._failing.add(key)
        _LOGGER.warning(
            "Desk %s: announcing on %s failed (%s); further failures are not logged "
            "until it works again",
            self.desk,
            key,
            str(err) or type(err).__name__,
        )

    def _note_success(self, key: str) -> None:
        if key in self._failing:
            self._failing.discard(key)
            _LOGGER.info("Desk %s: announcing on %s works again", self.desk, key)

    def _note_restore(self, what: str, result: BaseException | None) -> None:
        """Log a failed put-back once until putting ``what`` back works again."""
        key = f"restore {what}"
        if not isinstance(result, Exception):
            self._failing.discard(key)
        elif key in self._failing:
            _LOGGER.debug("Desk %s: could not put %s back again: %s", self.desk, what, result)
        else:
            self._failing.add(key)
            _LOGGER.warning(
                "Desk %s: could not put %s back: %s; further failures are not logged until "
                "it works again",
                self.desk,
                what,
                str(result) or type(result).__name__,
            )

    def _reachable(self, entity_ids: tuple[str, ...]) -> tuple[list[State], list[str]]:
        """The states of the entities that can be reached, and the ids of the others."""
        states: list[State] = []
        unreachable: list[str] = []
        for entity_id in entity_ids:
            state = self.hass.states.get(entity_id)
            if state is None or state.state == STATE_UNAVAILABLE:
                unreachable.append(entity_id)
            else:
                states.append(state)
        return states, unreachable

    async def _async_call(self, domain: str, service: str, data: dict[str, Any]) -> None:
        """Call a service and wait for it, at most ``CALL_TIMEOUT_SECONDS``."""
        deadline = asyncio.timeout(CALL_TIMEOUT_SECONDS)
        try:
            async with deadline:
                await self.hass.services.async_call(domain, service, data, blocking=True)
        except TimeoutError:
            if not deadline.expired():
                raise  # the service's own timeout
            raise NoAnswerError(
                f"{domain}.{service} did not answer within {CALL_TIMEOUT_SECONDS:g} s"
            ) from None
