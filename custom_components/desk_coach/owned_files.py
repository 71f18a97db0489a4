"""Files Desk Coach puts into the user's configuration folder, and never takes from them.

A file is Desk Coach's while it holds exactly what Desk Coach wrote there (a hash kept in
a ``Store``): only then may it be upgraded or removed. A file the user changed, or put
there themselves, is theirs and left alone; a file the user deleted is not written again
unless asked for anew (``restore=True``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
import contextlib
from dataclasses import dataclass, field
import hashlib
import logging
import os
from pathlib import Path
import tempfile

from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import Store

_LOGGER = logging.getLogger(__name__)
STORE_VERSION = 1


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def write_atomically(path: Path, content: bytes) -> None:
    """Write ``path`` whole or not at all (blocking).

    The content goes to a temporary file beside it, then replaces it in one rename: a write
    cut short (a full disk, a crash, a restart) leaves the old file as it was and no partial
    file behind, where Home Assistant would read a half-written blueprint or sentence file.
    """
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644  # not mkstemp's 0o600
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(handle, mode)
        with os.fdopen(handle, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@dataclass
class Changes:
    """What one call did, by path relative to the configuration folder."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # the user's: left alone


class OwnedFiles:
    """Install, upgrade and remove a set of files under the configuration folder."""

    def __init__(self, hass: HomeAssistant, key: str) -> None:
        """Keep the record of what was written under the storage ``key``."""
        self._hass = hass
        self._store: Store[dict[str, str]] = Store(hass, STORE_VERSION, key)
        self._lock = asyncio.Lock()

    async def async_install(self, files: Mapping[str, bytes], *, restore: bool) -> Changes:
        """Write each file (path relative to the config folder) that Desk Coach may write.

        ``restore``: also write files recorded earlier and since deleted (the user asked
        for them again); without it a deleted file stays deleted.
        """
        async with self._lock:
            record = await self._store.async_load() or {}
            changes = await self._hass.async_add_executor_job(self._install, files, record, restore)
            await self._store.async_save(record)
        return changes

    async def async_remove(self, paths: list[str]) -> Changes:
        """Remove each file that still holds what Desk Coach wrote."""
        async with self._lock:
            record = await self._store.async_load() or {}
            changes = await self._hass.async_add_executor_job(self._remove, paths, record)
            await self._store.async_save(record)
        return changes

    def _path(self, relative: str) -> Path:
        return Path(self._hass.config.path(relative))

    def _install(
        self, files: Mapping[str, bytes], record: dict[str, str], restore: bool
    ) -> Changes:
        changes = Changes()
        for relative, content in files.items():
            path = self._path(relative)
            wanted = _digest(content)
            written = record.get(relative)
            try:
                if path.exists():
                    current = _digest(path.read_bytes())
                    if current == wanted:
                        record[relative] = wanted  # already what we ship
                        continue
                    if current != written:  # the user's file or the user's edit
                        changes.kept.append(relative)
                        continue
                elif written is not None and not restore:
                    continue  # deleted by the user: stays deleted
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomically(path, content)
            except OSError as err:
                _LOGGER.warning("Could not write %s: %s", path, err)
                continue
            record[relative] = wanted
            changes.written.append(relative)
        if changes.written:
            _LOGGER.info("Wrote %s", ", ".join(changes.written))
        if changes.kept:
            _LOGGER.info("Left your own %s as it is", ", ".join(changes.kept))
        return changes

    def _remove(self, paths: list[str], record: dict[str, str]) -> Changes:
        changes = Changes()
        for relative in paths:
            path = self._path(relative)
            written = record.pop(relative, None)
            try:
                if not path.exists():
                    continue
                if written is None or _digest(path.read_bytes()) != written:
                    changes.kept.append(relative)
                    continue
                path.unlink()
            except OSError as err:
                _LOGGER.warning("Could not remove %s: %s", path, err)
                continue
            changes.removed.append(relative)
        if changes.removed:
            _LOGGER.info("Removed %s", ", ".join(changes.removed))
        return changes
