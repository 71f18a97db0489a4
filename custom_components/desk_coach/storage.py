"""A desk's storage in Home Assistant: the Store, its migration, repair and save policy.

The versions, the migration and the repair of damaged data are pure (``stored_data.py``);
this module loads and saves through Home Assistant's ``Store``, keeps a copy of a damaged
file, says so in a repair issue, and refuses data of a newer major version.

Save policy: 10 seconds after something happened (a sitting stretch begins or ends, a
break, a routine, a setting), every 5 minutes while the sitting minutes only add up, and
at Home Assistant's final write (``async_delay_save`` saves then).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
import json
import logging
from pathlib import Path
import shutil
from typing import Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from .catalog import async_catalog
from .const import DOMAIN
from .model import Activity, DeskTracker, Settings
from .stored_data import (
    STORAGE_MINOR_VERSION,
    STORAGE_VERSION,
    Section,
    StorageTooNewError,
    migrate,
    salvage,
)

_LOGGER = logging.getLogger(__name__)
SAVE_DELAY = 10  # seconds after something happened; the final write on stop
CHECKPOINT = 300  # seconds, while the sitting minutes only add up


def storage_key(entry_id: str) -> str:
    """The desk's file under .storage/."""
    return f"{DOMAIN}.{entry_id}"


def _issue_id(entry_id: str) -> str:
    return f"damaged_storage_{entry_id}"


@callback
def async_delete_storage_issue(hass: HomeAssistant, entry_id: str) -> None:
    """Withdraw the desk's damaged-storage issue (the desk was removed)."""
    ir.async_delete_issue(hass, DOMAIN, _issue_id(entry_id))


def restored_tracker(stored: dict[str, Any], settings: Settings) -> tuple[DeskTracker, datetime]:
    """The stored tracker and the instant it was last watched until.

    Home Assistant was not watching since then: no evidence; what happened before the
    restart was reported then, so it is drained unsaid.
    """
    tracker = DeskTracker.from_dict(stored["tracker"], settings, dt_util.get_default_time_zone())
    watched_until = dt_util.parse_datetime(stored["observed_until"])
    if watched_until is None:
        raise ValueError(stored["observed_until"])
    tracker.observe(watched_until, Activity.UNKNOWN)
    tracker.drain()
    return tracker, watched_until


class DeskStore(Store[dict[str, Any]]):
    """One desk's stored data."""

    def __init__(self, hass: HomeAssistant, entry_id: str) -> None:
        """The store of the desk ``entry_id``."""
        super().__init__(
            hass, STORAGE_VERSION, storage_key(entry_id), minor_version=STORAGE_MINOR_VERSION
        )
        self._entry_id = entry_id
        self._save_due: datetime | None = None

    async def _async_migrate_func(
        self, old_major_version: int, old_minor_version: int, old_data: dict[str, Any]
    ) -> dict[str, Any]:
        result: dict[str, Any] = migrate(old_major_version, old_minor_version, old_data)
        return result

    async def async_load_desk(self, desk: str) -> dict[str, Any] | None:
        """The stored data, damaged sections started fresh; None when nothing is stored.

        Data of a newer major version refuses the setup and is left as it is.
        """
        try:
            stored: Any = await self.async_load()
        except StorageTooNewError as err:
            raise ConfigEntryError(
                translation_domain=DOMAIN,
                translation_key="storage_too_new",
                translation_placeholders={
                    "desk": desk,
                    "found": f"{err.version}.{err.minor_version}",
                    "supported": str(STORAGE_VERSION),
                    "path": self.path,
                },
            ) from err
        if stored is None:
            return None
        salvaged = salvage(stored, dt_util.utcnow(), dt_util.get_default_time_zone())
        if salvaged.damaged:
            copy = await self.hass.async_add_executor_job(self.keep_copy, stored)
            _LOGGER.warning(
                "%s: stored data damaged (%s); these parts start fresh, the rest is kept; "
                "the damaged file is kept as %s",
                desk,
                ", ".join(salvaged.damaged),
                copy,
            )
            await self._async_report(desk, salvaged.damaged, copy)
            await self.async_save(salvaged.data)
        return salvaged.data

    def keep_copy(self, stored: Any) -> str:
        """Keep the damaged file beside it (in the executor); its path."""
        stamp = dt_util.utcnow().strftime("%Y%m%dT%H%M%SZ")
        source = Path(self.path)
        copy = source.with_name(f"{source.name}.damaged-{stamp}")
        copy.parent.mkdir(parents=True, exist_ok=True)
        if source.exists():
            shutil.copyfile(source, copy)
        else:  # only held in memory (a pending write): the data as it was read
            envelope = {"version": self.version, "key": self.key, "data": stored}
            copy.write_text(json.dumps(envelope, indent=2), encoding="utf-8")
        return str(copy)

    async def _async_report(self, desk: str, damaged: tuple[Section, ...], copy: str) -> None:
        """One repair issue naming, in Home Assistant's language, what started fresh."""
        texts = await (await async_catalog(self.hass)).async_speech(self.hass)
        parts = ", ".join(texts.get(f"storage_{section}", section) for section in damaged)
        ir.async_create_issue(
            self.hass,
            DOMAIN,
            _issue_id(self._entry_id),
            is_fixable=False,
            is_persistent=False,
            severity=ir.IssueSeverity.WARNING,
            translation_key="damaged_storage",
            translation_placeholders={"desk": desk, "parts": parts, "copy": copy},
        )

    def save_soon(
        self, now: datetime, data: Callable[[], dict[str, Any]], *, happened: bool
    ) -> None:
        """Save within 10 s when something happened, else within 5 min.

        A save already due sooner is left alone.
        """
        delay = SAVE_DELAY if happened else CHECKPOINT
        due = now + timedelta(seconds=delay)
        if self._save_due is not None and self._save_due <= due:
            return
        self._save_due = due

        def collect() -> dict[str, Any]:
            self._save_due = None
            return data()

        self.async_delay_save(collect, delay)


async def async_remove_stored_data(hass: HomeAssistant, entry_id: str) -> None:
    """Delete a removed desk's stored data and its damaged-storage issue."""
    await DeskStore(hass, entry_id).async_remove()
    async_delete_storage_issue(hass, entry_id)
